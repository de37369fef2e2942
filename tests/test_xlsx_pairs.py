"""A workbook of sentence pairs (a client's, a CAT tool's export, a bilingual glossary) read as a
two-column CSV is: its first sheet's two text columns, source then target, each row located by
its number. It was refused ("a spreadsheet, not a text"); any other workbook still is, saying why."""
from __future__ import annotations

import json
import subprocess
import sys

from openpyxl import Workbook

ROWS = [("English", "French"),
        ("The storm reached the coast on Monday.", "La tempête a atteint la côte lundi."),
        ("It destroyed 300 houses.", "Elle a détruit 300 maisons."),
        ("Schools stayed closed for two days.", "Les écoles sont restées fermées deux jours."),
        ("The ferry ran again on Friday.", "")]


def _book(path, rows, extra_sheet=False, ids=False, keys=False):
    book = Workbook()
    sheet = book.active
    sheet.title = "Pairs"
    for number, row in enumerate(rows, start=1):
        lead = [number] if ids else [f"storm.line_{number}"] if keys else []
        sheet.append(lead + list(row))
    if extra_sheet:
        book.create_sheet("Notes").append(["Deliver by Friday."])
    book.save(path)
    return str(path)


def _run(*args):
    return subprocess.run([sys.executable, "-m", "align", "pair", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def test_a_workbook_of_pairs_is_read_row_by_row_and_an_empty_target_is_left_out(tmp_path):
    run = _run(_book(tmp_path / "storm.xlsx", ROWS), "-f", "json", "-q")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    source = report["source"]["sentences"]
    assert [(s["text"], s["locator"]) for s in source][1:3] == [
        ("The storm reached the coast on Monday.", "row 2"), ("It destroyed 300 houses.", "row 3")]
    assert [[source[i]["text"] for i in f["src"]] for f in report["findings"] if f["type"] == "omission"] == [
        ["The ferry ran again on Friday."]]


def test_an_id_or_key_column_beside_the_pairs_is_no_text_of_them(tmp_path):
    for options in ({"ids": True}, {"keys": True}):
        run = _run(_book(tmp_path / "storm.xlsx", ROWS, **options), "-f", "json", "-q")
        assert run.returncode == 0, run.stderr
        texts = [s["text"] for s in json.loads(run.stdout)["target"]["sentences"]]
        assert "La tempête a atteint la côte lundi." in texts and not any("storm.line" in t for t in texts)


def test_other_sheets_are_named_and_a_sheet_of_other_shape_is_refused_in_one_line(tmp_path):
    run = _run(_book(tmp_path / "storm.xlsx", ROWS, extra_sheet=True), "-f", "json")
    assert run.returncode == 0 and "'Notes' not read" in run.stderr, run.stderr
    wide = [("Name", "Town", "Street", "Note")] + [("Anna Berg", "Bergen", "Strandkaien", "Closed on Mondays")] * 3
    run = _run(_book(tmp_path / "addresses.xlsx", wide))
    assert run.returncode == 2 and "a spreadsheet, not a text" in run.stderr and "4 columns of text" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
