"""OpenDocument spreadsheets (.ods, and the flat .fods) of sentence pairs, read as an Excel workbook
of them is (`xlsx.column_blocks`): the first sheet's two columns of text, source then target, each
row located by its number. A glossary kept in LibreOffice Calc was refused ("a spreadsheet, not a
text") where the same table saved as .xlsx was read.

A sheet's trailing empty rows and columns are written as one row or cell repeated (a million rows
of nothing, 1,024 columns of nothing): a repeat is counted, and laid out only where something
follows it. Read with the standard library: an .ods is a zip of XML parts.
"""
from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree

from .base import Block, Package, Reader, broken, xml_head
from .odt import OFFICE, TEXT, spaces
from .xlsx import column_blocks

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# A row or column repeated more than this many times before something that is not empty is no
# table of pairs a person typed: laid out no further.
_MAX_REPEAT = 100_000


class OdsColumnsReader(Reader):
    name = "columns"
    suffixes = (".ods", ".fods")
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        if data[:2] == b"PK":
            return _MIMETYPE in data[:200]
        return b"<office:document" in xml_head(data, 4096) and _MIMETYPE in xml_head(data, 4096)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            if data[:2] == b"PK":
                content = Package(data, label).read("content.xml")
            else:
                content = data
            root = ElementTree.fromstring(content)
        except (zipfile.BadZipFile, KeyError, zlib.error, EOFError, ElementTree.ParseError, ValueError) as error:
            raise broken(label, "an OpenDocument spreadsheet", error) from None
        sheets = list(root.iter(TABLE + "table"))
        if not sheets:
            return column_blocks("", [], [], label)  # refused as a spreadsheet holding no text
        try:
            others = [sheet.get(TABLE + "name", "") for sheet in sheets[1:]
                      if any(value is not None for row in _rows(sheet) for value in row)]
            first = _rows(sheets[0])
        except RecursionError:  # spans in a cell nested thousands deep, read by recursion
            raise broken(label, "an OpenDocument spreadsheet",
                         ValueError("a cell's text is nested too deeply to read")) from None
        return column_blocks(sheets[0].get(TABLE + "name", ""), first, others, label)


def _rows(sheet: ElementTree.Element) -> list[list]:
    """The cell values of a sheet's rows, as openpyxl gives an .xlsx's: None where empty."""
    rows: list[list] = []
    empty_rows = 0
    for row in sheet.iter(TABLE + "table-row"):
        cells: list = []
        empty_cells = 0
        for cell in row:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            value = _value(cell)
            repeat = _repeat(cell, "columns")
            if value is None:
                empty_cells += repeat
                continue
            cells += [None] * min(empty_cells, _MAX_REPEAT) + [value] * min(repeat, _MAX_REPEAT)
            empty_cells = 0
        repeat = _repeat(row, "rows")
        if not cells:
            empty_rows += repeat
            continue
        rows += [[] for _ in range(min(empty_rows, _MAX_REPEAT))] + [cells] * min(repeat, _MAX_REPEAT)
        empty_rows = 0
    return rows


def _repeat(element: ElementTree.Element, what: str) -> int:
    try:
        return max(int(element.get(f"{TABLE}number-{what}-repeated", "1")), 1)
    except ValueError:
        return 1


def _value(cell: ElementTree.Element):
    """A cell's value: its text for a string, the number, date or truth it holds for the others."""
    kind = cell.get(OFFICE + "value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            number = float(cell.get(OFFICE + "value", ""))
        except ValueError:
            number = None
        if number is not None:
            return int(number) if number.is_integer() else number
    if kind == "date":
        return cell.get(OFFICE + "date-value")
    if kind == "boolean":
        return cell.get(OFFICE + "boolean-value") == "true"
    text = "\n".join(_paragraph(p) for p in cell.findall(TEXT + "p"))
    return text if text.strip() else None


def _paragraph(element: ElementTree.Element) -> str:
    """A cell paragraph's text as Calc shows it: spaces, tabs and line breaks as written, a
    comment (office:annotation) not the cell's text."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == OFFICE + "annotation":
            pass
        elif child.tag == TEXT + "s":
            parts.append(spaces(child))
        elif child.tag == TEXT + "tab":
            parts.append("\t")
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)
