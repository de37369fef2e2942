"""align's own Excel report (`-f xlsx`) given back as an input: its source and target columns.

Any other workbook is still refused as a spreadsheet (`readers.unsupported`): a sheet's cells are
no text in reading order, and which column is which language only its maker knows. The report says
it in its header ("source (en)", "target (fr)"), and its "#" column keeps the order of its rows.
"""
from __future__ import annotations

import io
import zipfile

from .. import lazy_re
from ..errors import InputError
from .base import Block, Package, Reader, broken, tidy

# The sheet names a workbook must have to be taken for align's report; its header decides.
_SHEETS = lazy_re.compile(rb'<sheet\b[^>]*\bname="([^"]*)"')
# A language code as the report's header writes it: "source (en)", "target (sr-Latn)".
_SIDE_HEADER = lazy_re.compile(r"(source|target) \(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)")
_DIGITS = lazy_re.compile(r"\d+")


def _place(where) -> tuple[int, ...] | None:
    """A row's "target lines" cell as a key of its place in the text: "L12", "L12-14", "paragraph 4",
    "chapter 2, paragraphs 4-6" are (12,), (12, 14), (4,), (2, 4, 6); None where it holds no figure."""
    figures = tuple(int(figure) for figure in _DIGITS.findall(str(where or "")))
    return figures or None


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
        from openpyxl import load_workbook

        from ..reports.xlsx import PAIRS_COLUMNS

        try:
            package = Package(data, label)
            for info in package.infolist():  # every part within the file's limit before openpyxl unzips it
                package.read(info)
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                rows = [list(row) for row in book["Pairs"].iter_rows(values_only=True)]
            finally:
                book.close()
        except InputError:
            raise
        except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
            raise broken(label, "an Excel workbook", error) from error
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
