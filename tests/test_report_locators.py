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


FINDING_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en"
 target-language="fr" datatype="plaintext"><body>
<trans-unit id="a1"><source>The meeting took place on Monday in the old town hall.</source><target>La réunion a eu lieu lundi dans l'ancien hôtel de ville.</target></trans-unit>
<trans-unit id="p&#9;q&#10;r"><source>The new bridge cost 5 million euros and was opened in 2021.</source><target>Le nouveau pont a coûté 7 millions d'euros et a été ouvert en 2021.</target></trans-unit>
<trans-unit id="a3"><source>Everyone agreed that the bridge must be repaired before winter.</source><target>Tout le monde était d'accord que le pont doit être réparé avant l'hiver.</target></trans-unit>
</body></file></xliff>
"""


def test_a_unit_id_holding_a_line_break_keeps_the_findings_and_versions_tables_whole(tmp_path, use_encoder):
    # The rows were mended, but a finding's place in the findings list and every place in the
    # versions table still printed the id raw: "(source unit p\tq" / "r / target unit ...".
    from align import align_pair, compare_versions
    from align.reports import render
    from align.reports.versions import render_versions

    path = tmp_path / "units.xlf"
    path.write_text(FINDING_XLIFF, encoding="utf-8")
    table = render(align_pair(str(path), encoder=use_encoder), "table")
    assert "(source unit p\u2409q\u240ar / target unit p\u2409q\u240ar): number" in table
    assert not any(line.startswith("r") for line in table.split("\n"))
    versions = render_versions(compare_versions(str(path), [], encoder=use_encoder), "table", width=120)
    assert "up\u2409q\u240ar" in versions
    assert not any(line.startswith("r") for line in versions.split("\n")), versions


def test_a_qt_message_is_shown_by_its_context_in_the_margin():
    from align.model import Sentence, short_where

    def at(locator):
        return Sentence(id=0, text="x", original="x", line=1, paragraph=0, start=0, end=1, lang="en", locator=locator)

    # "m3" was the third message of whichever window: the context is what Qt Linguist lists.
    assert short_where(at("context MainWindow, message 3")) == "MainWindow:3"
    assert short_where(at("context QFileDialog, entry 12")) == "QFileDialog:12"
    assert short_where(at("message 4")) == "m4"


def test_an_indesign_paragraph_is_shown_by_its_story_in_the_margin():
    from align.model import Sentence, short_where

    def at(locator):
        return Sentence(id=0, text="x", original="x", line=1, paragraph=0, start=0, end=1, lang="en", locator=locator)

    # "¶4" was the fourth paragraph of whichever story of the layout.
    assert short_where(at("story u11b, paragraph 4")) == "u11b:4"
    assert short_where(at("story u2e4, paragraph 12")) == "u2e4:12"


def test_a_line_of_an_included_file_is_shown_by_its_file_in_the_margin():
    from align.model import Sentence, short_where

    def at(locator):
        return Sentence(id=0, text="x", original="x", line=1, paragraph=0, start=0, end=1, lang="en", locator=locator)

    # "9" was line 9 of whichever file: the document's own lines are numbers alone.
    assert short_where(at("things.tex, line 9")) == "things.tex:9"
    assert short_where(at("../command/OPTIONS_SHELL.txt, line 1")) == "../command/OPTIONS_SHELL.txt:1"
    assert short_where(at("line 9")) == "9"


def test_entries_of_a_compiled_catalogue_are_named_in_the_plural():
    # A .mo keeps no lines: its messages are located by their number ("entry 12"); apt's French
    # beside its German was "its French part (entrys 2-366)".
    from align.model import Sentence, where_span

    entries = [Sentence(id=k, text="x", original="x", line=1, paragraph=k, locator=f"entry {k + 2}") for k in range(3)]
    assert where_span(entries) == "entries 2-4"
