"""Excel 97-2003 workbooks (.xls) of sentence pairs, read as the same workbook saved as .xlsx is.

tests/data/xls: glossary.xlsx written by openpyxl (an id column, English and French, a second
sheet, an empty target, Greek, Cyrillic and Japanese), and glossary.xls and addresses.xls saved
from it and from a four-column table by LibreOffice Calc 7.4.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import blocks_of

DATA = Path(__file__).parent / "data" / "xls"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def test_an_xls_reads_as_the_same_workbook_saved_as_xlsx():
    """Before, refused: "a spreadsheet, not a text", where the .xlsx was read."""
    blocks = [(block.text, block.locator, block.side) for block in blocks_of(DATA / "glossary.xls")]
    assert blocks == [(block.text, block.locator, block.side) for block in blocks_of(DATA / "glossary.xlsx")]
    assert ("Ελληνικά, Кириллица, 日本語 restent tels quels.", "row 7", "target") in blocks


def test_an_xls_of_pairs_is_audited_row_by_row():
    done = cli("pair", DATA / "glossary.xls", "-f", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    source = report["source"]["sentences"]
    assert (source[1]["text"], source[1]["locator"]) == ("The storm reached the coast on Monday.", "row 2")
    assert [[source[i]["text"] for i in f["src"]] for f in report["findings"] if f["type"] == "omission"] == [
        ["The ferry ran again on Friday."]]


def test_other_sheets_are_said_and_another_shape_is_refused_in_one_line():
    done = cli("pair", DATA / "glossary.xls", "-f", "json")
    assert "'Notes' not read" in done.stderr
    done = cli("pair", DATA / "addresses.xls")
    assert done.returncode == 2 and "a spreadsheet, not a text" in done.stderr and "4 columns of text" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


GLOSSARY = (DATA / "glossary.xls").read_bytes()


@pytest.mark.parametrize("name, content, says", [
    # Its directory (past byte 6,000) cut off: no workbook stream to find.
    ("cut.xls", GLOSSARY[:5000], "an .xls file in which no workbook can be found"),
    # Its records overwritten, its directory whole.
    ("garbled.xls", GLOSSARY[:600] + bytes(range(256)) * 10 + GLOSSARY[600 + 2560:],
     "cannot be read as an Excel 97-2003 workbook (its records are damaged or cut short)"),
])
def test_a_damaged_xls_is_one_line(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    done = cli("pair", path)
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_web_page_saved_as_xls_is_read_as_the_page_it_is(tmp_path):
    """Web applications export "Excel" files that are HTML tables: known by content, not by name."""
    from align.reading import read_input

    path = tmp_path / "export.xls"
    path.write_text("<html><body><p>The storm reached the coast on Monday.</p></body></html>", encoding="utf-8")
    assert "The storm reached the coast on Monday." in read_input(str(path)).text


def test_a_damaged_workbook_costs_no_memory_and_writes_nothing_into_the_report(tmp_path):
    """A review. looping_chain.xls is glossary.xls with five bytes changed (a fuzzer's): xlrd's own
    reading of the container followed its sector chain round and round for 40 s, until 3 GB of
    memory were spent (the process killed on a smaller machine). And a workbook cut short by 700
    bytes, still read, had xlrd's "WARNING *** file size (6468) not 512 + multiple of sector size"
    at the head of the JSON report on standard output."""
    done = subprocess.run(f"ulimit -v 2000000; {sys.executable} -m align pair {DATA / 'looping_chain.xls'}",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "its records are damaged or cut short" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    path = tmp_path / "cut.xls"
    path.write_bytes(GLOSSARY[:-700])
    done = cli("pair", path, "-f", "json")
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["source"]["sentences"]
