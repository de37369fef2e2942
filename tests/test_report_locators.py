"""A sentence's place in a report is the reader's locator, and an XLIFF unit's id is the file's to
name: an id holding a tab or a line break (`id="a&#9;b"`, legal XML) went into the TSV's lines
columns as it was, and split the row in two (a probe); the table printed it raw, and its layout broke."""
from __future__ import annotations

import pytest

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en"
 target-language="fr" datatype="plaintext"><body>
<trans-unit id="a&#9;b"><source>The storm hit the coast on Monday.</source><target>La tempête a frappé la côte lundi.</target></trans-unit>
<trans-unit id="c&#10;d"><source>Schools were closed for two days.</source><target>Les écoles ont été fermées pendant deux jours.</target></trans-unit>
<trans-unit id="=1+1"><source>The mayor said the cost was high.</source><target>Le maire a dit que le coût était élevé.</target></trans-unit>
</body></file></xliff>
"""


@pytest.fixture(scope="module")
def result(tmp_path_factory, use_encoder):
    from align import align_pair

    path = tmp_path_factory.mktemp("locators") / "units.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    return align_pair(str(path), encoder=use_encoder)


def test_a_unit_id_holding_a_tab_or_line_break_keeps_the_tsv_row_whole(result):
    from align.reports import render
    from align.reports.tsv import COLUMNS, unescape

    lines = render(result, "tsv").rstrip("\n").split("\n")
    assert len(lines) == 1 + 3 + 1  # the header, a row per unit, the signature
    rows = [line.split("\t") for line in lines[1:-1]]
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert [unescape(row[4]) for row in rows] == ["ua\tb", "uc\nd", "u=1+1"]


def test_a_unit_id_holding_a_tab_or_line_break_is_shown_in_the_table(result):
    from align.reports import render

    table = render(result, "table")
    assert "ua\u2409b The storm" in table and "uc\u240ad Schools" in table
    assert "\t" not in table
