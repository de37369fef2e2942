"""align's own xlsx report (`align pair -f xlsx`) given back as an input: read as its source and
target columns, as the TSV report is (`ReportColumnsReader`). It was refused, "is a spreadsheet,
not a text", exit 2: a reviewer's workbook could not be aligned again, nor checked after editing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import blocks_of

ENGLISH = """The storm hit the coast on Monday night.
Thousands of homes lost power in the eastern districts.
Schools across the region will stay closed until Thursday.
The mayor asked residents to avoid the flooded roads.
Emergency crews worked through the night to clear fallen trees.
The harbour was closed to all ships for two days.
Farmers reported heavy damage to their crops.
The railway line to the capital reopened on Wednesday.
Insurance companies expect claims of about 40 million euros.
The weather service warned of another storm next week.
"""
# The mayor's sentence moved near the end, a sentence added at the end.
FRENCH = """La tempête a frappé la côte lundi soir.
Des milliers de foyers ont perdu le courant dans les quartiers est.
Les écoles de la région resteront fermées jusqu'à jeudi.
Les équipes de secours ont travaillé toute la nuit pour dégager les arbres tombés.
Le port a été fermé à tous les navires pendant deux jours.
Les agriculteurs ont signalé de lourds dégâts sur leurs récoltes.
La ligne de chemin de fer vers la capitale a rouvert mercredi.
Les assureurs s'attendent à des demandes d'environ 40 millions d'euros.
Le maire a demandé aux habitants d'éviter les routes inondées.
Le service météorologique a annoncé une nouvelle tempête la semaine prochaine.
Un musée du port a ouvert ses portes.
"""


def _align(*args):
    return subprocess.run([sys.executable, "-m", "align", "pair", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    done = _align(folder / "en.txt", folder / "fr.txt", "-f", "xlsx", "-o", folder / "report.xlsx")
    assert done.returncode == 0, done.stderr
    return folder / "report.xlsx"


def test_aligns_own_xlsx_report_is_read_back_as_its_two_texts(report):
    """Each side's text whole and in its own order: the moved French sentence, which the report
    shows in its English partner's row, stands where the French text has it; the languages are the
    report's own ("source (en)", "target (fr)")."""
    done = _align(report, "-f", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["source"]["lang"], result["target"]["lang"]) == ("en", "fr")
    assert [s["text"] for s in result["source"]["sentences"]] == ENGLISH.splitlines()
    assert [s["text"] for s in result["target"]["sentences"]] == FRENCH.splitlines()
    assert [f["type"] for f in result["findings"] if f["type"] in ("moved", "addition")] == ["moved", "addition"]


def test_a_sorted_or_edited_report_reads_in_its_texts_order(report, tmp_path):
    """A reviewer sorted the sheet by score (its "#" column keeps the rows' order), and a sentence
    set aside stands after its side's text; a cell that reads like a formula is text."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(report)
    sheet = book["Pairs"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    sheet.delete_rows(2, sheet.max_row)
    by_score = sorted(rows, key=lambda row: -(row[2] or 0))
    assert by_score[0][0] != 1  # the first pair is not the best one
    for row in by_score:
        sheet.append(row)
    sheet.append([None, "set_aside", None, "L12", None, "Der Sturm kam.", None, "not aligned: German (de)"])
    sheet.cell(row=2, column=7).value = "=Trains run."
    sheet.cell(row=2, column=7).data_type = "s"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    blocks = blocks_of(edited)
    source = [block.text for block in blocks if block.side == "source"]
    target = [block.text for block in blocks if block.side == "target"]
    assert source == ENGLISH.splitlines() + ["Der Sturm kam."]
    # The best pair's French, at the top of the sorted sheet, now reads "=Trains run.".
    expected = ["=Trains run." if line == by_score[0][6] else line for line in FRENCH.splitlines()]
    assert target == expected
    assert {block.lang for block in blocks if block.side == "target"} == {"fr"}
    assert all(block.locator.startswith("row ") for block in blocks)


def test_another_workbook_is_still_one_line_and_exit_2(report, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    # A glossary of two columns, source then target, is read now (tests/test_xlsx_pairs.py); one of
    # three columns of text, a term's definition and a note beside it, is no table of pairs.
    book = openpyxl.Workbook()
    book.active.append(["English", "French", "Note"])
    book.active.append(["The storm hit the coast.", "La tempête a frappé la côte.", "Checked by the editor."])
    book.save(tmp_path / "glossary.xlsx")
    pairs = openpyxl.load_workbook(report)
    pairs["Pairs"].cell(row=1, column=6).value = "English"  # a report's sheets, not its header
    pairs.save(tmp_path / "renamed.xlsx")
    (tmp_path / "cut.xlsx").write_bytes(report.read_bytes()[:3000])
    for name, said in (("glossary.xlsx", "is a spreadsheet, not a text"), ("renamed.xlsx", "is a spreadsheet, not a text"),
                       ("cut.xlsx", "cannot be read as an Excel workbook")):  # a damaged file, said so
        done = _align(tmp_path / name, "-f", "json")
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.strip().count("\n") == 0 and said in done.stderr and "Traceback" not in done.stderr, name
