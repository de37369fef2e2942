"""OpenDocument spreadsheets (.ods, flat .fods) of sentence pairs, read as the same table saved as
.xlsx is.

tests/data/ods: glossary.ods and glossary.fods saved by LibreOffice Calc 7.4 from
tests/data/xls/glossary.xlsx (openpyxl: an id column, English and French, a second sheet, an
empty target, Greek, Cyrillic and Japanese), addresses.ods from a four-column table.
"""
import json
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from conftest import blocks_of

DATA = Path(__file__).parent / "data" / "ods"
XLSX = Path(__file__).parent / "data" / "xls" / "glossary.xlsx"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def triples(path):
    return [(block.text, block.locator, block.side) for block in blocks_of(path)]


@pytest.mark.parametrize("name", ["glossary.ods", "glossary.fods"])
def test_an_ods_reads_as_the_same_table_saved_as_xlsx(name):
    """Before, refused: "a spreadsheet, not a text", where the .xlsx was read."""
    assert triples(DATA / name) == triples(XLSX)


def test_an_ods_of_pairs_is_audited_row_by_row_and_its_other_sheets_said():
    done = cli("pair", DATA / "glossary.ods", "-f", "json")
    assert done.returncode in (0, 1), done.stderr
    assert "'Notes' not read" in done.stderr
    report = json.loads(done.stdout)
    source = report["source"]["sentences"]
    assert [[source[i]["text"] for i in f["src"]] for f in report["findings"] if f["type"] == "omission"] == [
        ["The ferry ran again on Friday."]]
    done = cli("pair", DATA / "addresses.ods")
    assert done.returncode == 2 and "a spreadsheet, not a text" in done.stderr and "4 columns of text" in done.stderr


def test_a_sheet_of_a_million_empty_rows_is_read_in_a_moment(tmp_path):
    """Calc writes a sheet's trailing nothing as one row repeated: counted, not laid out."""
    with zipfile.ZipFile(DATA / "glossary.ods") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    row = b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
    parts["content.xml"] = parts["content.xml"].replace(b"</table:table>", row + b"</table:table>", 1)
    path = tmp_path / "padded.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", parts.pop("mimetype"), zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    assert triples(path) == triples(XLSX)


def test_a_damaged_ods_is_one_line(tmp_path):
    path = tmp_path / "cut.ods"
    path.write_bytes((DATA / "glossary.ods").read_bytes()[:3000])
    done = cli("pair", path)
    assert done.returncode == 2 and "cannot be read as an OpenDocument spreadsheet" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


FLAT = ('<?xml version="1.0" encoding="UTF-8"?><office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
        '<table:table table:name="Pairs"><table:table-row><table:table-cell office:value-type="string"><text:p>{source}'
        '</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Le chat dort.</text:p>'
        '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document>')


def test_a_run_of_millions_of_spaces_or_spans_nested_thousands_deep_cost_no_memory_and_no_traceback(tmp_path):
    """A review: `<text:s text:c="2000000000"/>` was laid out as 2 GB of spaces (4 GB of memory
    for one cell), and 3,000 nested <text:span> ended in a RecursionError's traceback."""
    path = tmp_path / "spaces.fods"
    path.write_text(FLAT.format(source='The cat<text:s text:c="200000000"/>sleeps.'), encoding="utf-8")
    tracemalloc.start()
    try:
        blocks = blocks_of(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [block.text for block in blocks] == ["The cat sleeps.", "Le chat dort."]
    assert peak < 20_000_000
    path = tmp_path / "deep.fods"
    path.write_text(FLAT.format(source="<text:span>" * 3000 + "The cat sleeps." + "</text:span>" * 3000),
                    encoding="utf-8")
    done = cli("pair", path)
    assert done.returncode == 2 and "nested too deeply" in done.stderr and "Traceback" not in done.stderr, done.stderr
