"""The TSV reports carry their signature (tool version, model, segmenter, thresholds) as every other
report does: as a last line `# signature: ...`, which align reads back past, a spreadsheet reader
takes for no header, and a line tool drops with `grep -v '^#'`. They carried none: a TSV could not
say which model and thresholds made it."""
from __future__ import annotations

import csv

import pytest

from align.reports.tsv import COLUMNS, signature_row, unescape

ENGLISH = ("The storm hit the coast on Monday night.\n\n"
           "=SUM(A1:A3) is the formula the clerk typed.\n\n"
           "\"Never,\" she said, \"not here.\"\n\n"
           "# Not a comment: a sentence that opens with a hash.\n\n"
           "The cost was put at \\t12 million euros, in C:\\new\\data.\n")
FRENCH = ("La tempête a frappé la côte lundi soir.\n\n"
          "=SUM(A1:A3) est la formule que l'employé a tapée.\n\n"
          "« Jamais, dit-elle, pas ici. »\n\n"
          "# Pas un commentaire : une phrase qui commence par un dièse.\n\n"
          "Le coût a été estimé à \\t12 millions d'euros, dans C:\\new\\data.\n")


@pytest.fixture(scope="module")
def aligned(tmp_path_factory, use_encoder):
    from align import align_pair

    folder = tmp_path_factory.mktemp("tsv")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    return folder, align_pair(str(folder / "en.txt"), str(folder / "fr.txt"), encoder=use_encoder,
                              src_lang="en", tgt_lang="fr")


def test_the_pair_tsv_ends_with_its_signature(aligned):
    from align.reports import render

    _folder, result = aligned
    out = render(result, "tsv")
    *rows, last = out.rstrip("\n").split("\n")
    assert last == "# signature: " + result.signature["string"]
    assert "|enc:usem3" in last and "|seg:" in last and "|tau:" in last
    # A spreadsheet reader takes the header for the columns, and every row before the signature a bead's.
    read = list(csv.DictReader(out.splitlines(), dialect="excel-tab"))
    assert list(read[0]) == list(COLUMNS) and read[-1]["kind"] == last and read[-1]["src_text"] is None
    assert [row["kind"] for row in read[:-1]] == [bead.kind for bead in result.beads]
    # No bead's row opens with "#", even where its sentence does: `grep -v '^#'` drops the signature only.
    assert [line for line in rows if line.startswith("#")] == []


def test_align_reads_its_tsv_back_past_the_signature_each_text_as_written(aligned, use_encoder):
    from align import align_pair
    from align.reports import render

    folder, result = aligned
    report = folder / "report.tsv"
    report.write_text(render(result, "tsv"), encoding="utf-8")
    again = align_pair(str(report), encoder=use_encoder, src_lang="en", tgt_lang="fr")
    for first, second in ((result.source, again.source), (result.target, again.target)):
        assert [s.original for s in second.sentences] == [s.original for s in first.sentences]
    assert not any("signature" in s.original for s in again.source.sentences + again.target.sentences)


def test_a_signature_holding_a_tab_or_line_break_stays_one_line():
    # A model's folder is the user's to name.
    row = signature_row({"string": "align:0.1.0|enc:/models/my\tmodel\nv2|seg:lines"})
    assert row.count("\n") == 1 and row.endswith("\n") and "\t" not in row
    assert unescape(row[len("# signature: "):-1]) == "align:0.1.0|enc:/models/my\tmodel\nv2|seg:lines"


def test_the_versions_tsv_ends_with_its_signature(aligned, use_encoder):
    from align.reports.versions import render_versions
    from align.versions import compare_versions

    folder, _result = aligned
    (folder / "fr2.txt").write_text(FRENCH.replace("lundi soir", "lundi"), encoding="utf-8")
    result = compare_versions(str(folder / "en.txt"), [str(folder / "fr.txt"), str(folder / "fr2.txt")],
                              encoder=use_encoder)
    lines = render_versions(result, "tsv").rstrip("\n").split("\n")
    assert lines[-1] == "# signature: " + result.signature["string"]
    assert not any(line.startswith("#") for line in lines[:-1])
