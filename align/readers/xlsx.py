"""Excel workbooks in: align's own report (`-f xlsx`) given back, its source and target columns,
and a workbook of sentence pairs in two columns, source then target, as a two-column CSV is read.

Any other workbook is still refused as a spreadsheet: a sheet's cells are no text in reading
order, and which column is which language only its maker knows. The report says it in its header
("source (en)", "target (fr)"), and its "#" column keeps the order of its rows; a table of pairs
says it by its order, source first.
"""
from __future__ import annotations

import io
import logging
import zipfile

from .. import lazy_re
from ..errors import InputError
from .base import Block, Package, Reader, broken, tidy

# The sheet names a workbook must have to be taken for align's report; its header decides.
_SHEETS = lazy_re.compile(rb'<sheet\b[^>]*\bname="([^"]*)"')
# A language code as the report's header writes it: "source (en)", "target (sr-Latn)".
_SIDE_HEADER = lazy_re.compile(r"(source|target) \(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)")
_DIGITS = lazy_re.compile(r"\d+")
logger = logging.getLogger("align")


def _place(where) -> tuple[int, ...] | None:
    """A row's "target lines" cell as a key of its place in the text: "L12", "L12-14", "paragraph 4",
    "chapter 2, paragraphs 4-6" are (12,), (12, 14), (4,), (2, 4, 6); None where it holds no figure."""
    figures = tuple(int(figure) for figure in _DIGITS.findall(str(where or "")))
    return figures or None


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _read_workbook(data: bytes, label: str, read):
    """What `read` takes from the workbook `data`, every part held to the file's limit before
    openpyxl unzips it; a damaged workbook is one line."""
    from openpyxl import load_workbook

    try:
        package = Package(data, label)
        for info in package.infolist():
            package.read(info)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return read(book)
        finally:
            book.close()
    except InputError:
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
        raise broken(label, "an Excel workbook", error) from error


class XlsxReportReader(Reader):
    """align's xlsx report: its "Pairs" sheet's source column is the source and its target column the
    target, each sentence cell as written, located by its row. The rows are read in the order of
    their "#" column (a reviewer may have sorted the sheet by score), a set-aside sentence after its
    side's text, and a moved pair's target, which stands in its source's row, where its "target
    lines" put it in the target's order. Read as any spreadsheet, it was refused ("is a spreadsheet,
    not a text"); its text sits in two of its eight columns."""

    # As the TSV report read back (`ReportColumnsReader`): a two-column table to the rest of the
    # pipeline, whose cells hold markdown as the text did.
    name = "columns"
    suffixes = ()  # by content only: any other workbook keeps its one-line refusal
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        if data[:2] != b"PK":
            return False
        try:
            package = Package(data, "")
            return {b"Pairs", b"Signature"} <= set(_SHEETS.findall(package.read("xl/workbook.xml")))
        except (zipfile.BadZipFile, KeyError, InputError, OSError, EOFError, ValueError):
            return False

    def blocks(self, data: bytes, label: str) -> list[Block]:
        from ..reports.xlsx import PAIRS_COLUMNS

        rows = _read_workbook(data, label, lambda book: _rows(book["Pairs"]))
        header = [str(cell or "") for cell in rows[0]] if rows else []
        sides = [_SIDE_HEADER.fullmatch(cell) for cell in header[5:7]]
        if (len(header) < len(PAIRS_COLUMNS) or header[:5] != list(PAIRS_COLUMNS[:5])
                or header[7] != PAIRS_COLUMNS[7] or not all(sides)
                or [side.group(1) for side in sides] != ["source", "target"]):
            raise InputError(f"{label}: is a spreadsheet, not a text (only align's own xlsx report is read back)")
        langs = ["" if side.group(2).lower() == "und" else side.group(2) for side in sides]

        def cell(row: list, column: int) -> str:
            value = row[column] if column < len(row) else None
            return "" if value is None else str(value)

        numbered, aside = [], []
        for number, row in enumerate(rows[1:], start=2):
            index = row[0] if row else None
            if isinstance(index, (int, float)) and not isinstance(index, bool):
                numbered.append((index, number, row))
            elif any(cell(row, column).strip() for column in (5, 6)):
                aside.append((number, row))  # a sentence set aside, or a row a reviewer added
        numbered.sort(key=lambda item: item[:2])
        out: list[Block] = []
        for side, column, lines in (("source", 5, 3), ("target", 6, 4)):
            lang = langs[column - 5]
            placed: list[tuple[tuple[int, ...] | None, Block]] = []
            moved: list[tuple[tuple[int, ...], Block]] = []
            for _index, number, row in numbered:
                text = tidy(cell(row, column))
                if not text:
                    continue
                block = Block(text, f"row {number}", side=side, lang=lang)
                place = _place(cell(row, lines))
                if side == "target" and cell(row, 1) == "moved" and place is not None:
                    moved.append((place, block))
                else:
                    placed.append((place, block))
            for place, block in moved:
                at = next((k for k, (other, _block) in enumerate(placed) if other is not None and other > place),
                          len(placed))
                placed.insert(at, (place, block))
            out += [block for _place_key, block in placed]
            out += [Block(tidy(cell(row, column)), f"row {number}", side=side, lang=lang)
                    for number, row in aside if tidy(cell(row, column))]
        return out


# A column holds text where at least this share of the rows with a cell in it hold letters there;
# an id column (numbers) holds none.
_TEXT_SHARE = 0.5
_KEY = lazy_re.compile(r"[\w.:/-]*[._:/][\w.:/-]*")


def _text_columns(rows: list[list]) -> list[int]:
    """The columns of `rows` that hold text, a first column of keys ("menu.file.open") aside when two
    others do."""
    width = max((len(row) for row in rows), default=0)
    counts = [0] * width
    filled = [0] * width
    for row in rows:
        for column, value in enumerate(row):
            if value is None or str(value).strip() == "":
                continue
            filled[column] += 1
            counts[column] += isinstance(value, str) and any(char.isalpha() for char in value)
    columns = [column for column in range(width) if filled[column] and counts[column] >= _TEXT_SHARE * filled[column]]
    if len(columns) == 3:
        keys = [str(row[columns[0]]) for row in rows if len(row) > columns[0] and row[columns[0]] is not None]
        if keys and sum(bool(_KEY.fullmatch(key.strip())) for key in keys) >= 0.8 * len(keys):
            columns = columns[1:]
    return columns


class XlsxColumnsReader(Reader):
    """A workbook of sentence pairs, as a client, a CAT tool or a glossary keeps them: its first
    sheet's two columns of text, source then target (a column of ids or keys beside them aside),
    each row located by the sheet's own row number, as a two-column CSV is read. Refused before as
    "a spreadsheet, not a text"; any other workbook still is, with what it would take."""

    name = "columns"
    suffixes = (".xlsx", ".xlsm")  # by name: align's own report is taken by its content first
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return False

    def blocks(self, data: bytes, label: str) -> list[Block]:
        def first_sheet(book) -> tuple[str, list[list], list[str]]:
            sheets = book.worksheets
            others = [sheet.title for sheet in sheets[1:] if any(any(cell is not None for cell in row)
                                                                  for row in sheet.iter_rows(values_only=True))]
            return (sheets[0].title, _rows(sheets[0]), others) if sheets else ("", [], others)

        return column_blocks(*_read_workbook(data, label, first_sheet), label)


def column_blocks(first: str, rows: list[list], others: list[str], label: str) -> list[Block]:
    """The blocks of a workbook of sentence pairs: its first sheet's (`first`, its `rows` of cell
    values) two columns of text, source then target, each row located by its number; the names of
    the sheets `others` that hold anything said not read; a sheet of any other shape refused."""
    columns = _text_columns(rows)
    if len(columns) != 2:
        raise InputError(f"{label}: is a spreadsheet, not a text (a workbook is read when its first sheet holds "
                         f"sentence pairs in two columns, source then target; its sheet {first!r} has "
                         f"{len(columns)} columns of text)")
    if others:
        logger.warning("%s: only its first sheet, %r, is read; sheet%s %s not read", label, first,
                       "s" if len(others) > 1 else "", ", ".join(repr(name) for name in others))

    def cell(row: list, column: int) -> str:
        value = row[column] if column < len(row) else None
        return "" if value is None else str(value)

    out: list[Block] = []
    for side, column in zip(("source", "target"), columns):
        out += [Block(tidy(cell(row, column)), f"row {number}", side=side)
                for number, row in enumerate(rows, start=1)]
    return out
