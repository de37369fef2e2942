"""A bilingual table: a text and its translation side by side, one row each, tab-separated.

Translators keep sentence pairs this way (a spreadsheet saved as TSV, a CAT tool's export, a
parallel corpus). Read as plain text, each line holds both languages, and the halves of such a
file came out scrambled: lines alternating between the two sides, each still holding both. So a
file whose lines are two cells (`is_table`) is read as columns: the first the source, the second
the target, each cell located by its row.
"""
from __future__ import annotations

import logging
import math

from .base import BYTE_ORDER_MARKS, Block, Reader, tidy

logger = logging.getLogger("align")

# The rows a sniff reads: enough to tell a table from prose that happens to hold a tab.
SNIFF_BYTES = 65536


def _rows(text: str, delimiter: str = "\t") -> list[tuple[int, list[str]]]:
    """The non-blank rows, cut at tabs, each numbered as a spreadsheet numbers its rows. A row ends
    at a newline only: a spreadsheet writes a line break inside a cell as U+2028 (or a form feed), which
    `splitlines` would take for a row's end; or it quotes the cell ("two\nlines", quotes inside
    doubled), which is read as one cell. Cells left empty after the second (a trailing tab of an
    export) are no columns."""
    rows = []
    pos, number, size = 0, 0, len(text)
    while pos <= size:
        cells = []
        number += 1
        while True:
            quoted = _quoted_cell(text, pos, delimiter) if text.startswith('"', pos) else None
            if quoted is not None:
                cell, end = quoted
            else:
                line_end = text.find("\n", pos)
                line_end = size if line_end < 0 else line_end
                cut = text.find(delimiter, pos, line_end)
                end = line_end if cut < 0 else cut
                cell = text[pos:end]
            cells.append(cell)
            pos = end
            if pos < size and text[pos] == delimiter:
                pos += 1
                continue
            break
        pos += 1  # the newline, or past the end
        cells[-1] = cells[-1].rstrip("\r")
        if not "".join(cells).strip():
            continue
        while len(cells) > 2 and not cells[-1].strip():
            cells.pop()
        rows.append((number, cells))
    return rows


def _quoted_cell(text: str, start: int, delimiter: str) -> tuple[str, int] | None:
    """(the cell's text, where it ends) if `text[start:]` opens a cell as a spreadsheet quotes it:
    a quote, the text with its quotes doubled, a quote before a delimiter or a line end. None for a cell
    that merely opens with a quote ("Oui," dit-il.), which is read as written."""
    pieces, k = [], start + 1
    while True:
        close = text.find('"', k)
        if close < 0:
            return None
        pieces.append(text[k:close])
        if text.startswith('"', close + 1):
            pieces.append('"')
            k = close + 2
            continue
        if text[close + 1:close + 2] in ("", delimiter, "\n", "\r"):
            return "".join(pieces), close + 1
        return None


def _lettered(cell: str) -> bool:
    return any(ch.isalpha() for ch in cell)


# Rows of more than two cells a tab-separated table may hold: a tab typed into a cell by mistake.
# The cells after the first are read as the row's target, and the reader says so.
MAX_WIDE_ROW_SHARE = 0.1


def is_table(rows: list[tuple[int, list[str]]], wide_share: float = 0.0) -> bool:
    """Two columns a row, and at least half the rows text on both sides. A pair left empty on one
    side (a sentence the translation left out), a row of numbers or a row a spreadsheet saved
    without its trailing tab is still a row of the table; prose with a tab here and there is not;
    rows of more cells only up to `wide_share` of them (a stray tab)."""
    if len(rows) < 2 or sum(len(cells) > 2 for _, cells in rows) > math.ceil(wide_share * len(rows)):
        return False
    both = sum(len(cells) == 2 and _lettered(cells[0]) and _lettered(cells[1]) for _, cells in rows)
    single = sum(len(cells) == 1 for _, cells in rows)
    return both >= 2 and 2 * both >= len(rows) and 10 * single <= len(rows) and not _labelled_lines(rows)


# A cell and its translation are of a length (0.5-2 times); a speaker's name or a label before a
# line of text is a fraction of it.
MAX_LABEL_SHARE = 0.3


def _labelled_lines(rows: list[tuple[int, list[str]]]) -> bool:
    """Whether the first column labels the second (a transcript's "Anna<TAB>Good morning, ..."):
    read as a table, the names became one text and the lines the other, every name first. A label
    is short and comes back (a few speakers); a Chinese cell is short beside its English too (a
    third of its length), but says something new on every row."""
    pairs = [cells for _, cells in rows if len(cells) == 2]
    shares = sorted(len(cells[0].strip()) / max(len(cells[1].strip()), 1) for cells in pairs)
    # Counted over distinct rows: a row said again whole (a translation memory's recurring segment,
    # "确定,OK") is no label coming back, and a Chinese-English table of one pair repeated fifty
    # times was read as plain text and refused as "only English text found".
    distinct = {(cells[0].strip(), cells[1].strip()) for cells in pairs}
    repeated = len({cells[0].strip() for cells in pairs}) <= len(distinct) / 2
    return bool(shares) and repeated and shares[len(shares) // 2] < MAX_LABEL_SHARE


def _head_rows(data: bytes, delimiter: str = "\t") -> list[tuple[int, list[str]]]:
    head = data[:SNIFF_BYTES]
    for bom, encoding in BYTE_ORDER_MARKS:  # Excel's "Unicode Text" is UTF-16 with a mark
        if head.startswith(bom):
            text = head[len(bom):].decode(encoding, errors="replace")
            break
    else:
        if delimiter.encode() not in head or b"\0" in head:
            return []
        text = head.decode("utf-8", errors="replace")
    if len(data) > SNIFF_BYTES:
        text = text.rsplit("\n", 1)[0]  # the last line may be cut
    return _rows(text, delimiter)


def wide_table(data: bytes, delimiter: str = "\t") -> int:
    """The number of columns of a table of more than two (every line that many tab-separated
    cells), which is read as plain text; 0 for anything else. Said to the user, who likely meant
    a table (with an id column, or a third language)."""
    rows = _head_rows(data, delimiter)
    widths = {len(cells) for _, cells in rows}
    return widths.pop() if len(rows) >= 2 and len(widths) == 1 and min(widths) > 2 else 0


# A line break inside a cell, as spreadsheets write it (or a quoted cell holds it): a space
# between the cell's sentences.
_CELL_BREAKS = {0x0A: " ", 0x2028: " ", 0x2029: " ", 0x0B: " ", 0x0C: " ", 0x85: " "}


class ColumnsReader(Reader):
    name = "columns"
    suffixes = ()  # by content only: a .tsv whose rows are not two cells is read as text
    reads_text = True
    bilingual = True

    delimiter = "\t"

    def __init__(self, delimiter: str | None = None) -> None:
        if delimiter is not None:
            self.delimiter = delimiter

    # A stray tab in a cell splits it in two; a comma does so in every sentence of a CSV.
    wide_share = MAX_WIDE_ROW_SHARE

    def sniff(self, data: bytes) -> bool:
        return is_table(_head_rows(data, self.delimiter), self.wide_share)

    def blocks(self, text: str, label: str) -> list[Block]:
        sources, targets = [], []
        for number, cells in _rows(text, self.delimiter):
            if len(cells) > 2:
                logger.warning("%s, row %d: %d cells where the table has two; the cells after the first are read "
                               "as its target", label, number, len(cells))
            source, target = (cells + [""])[:2] if len(cells) <= 2 else (cells[0], " ".join(cells[1:]))
            sources.append(Block(tidy(source.translate(_CELL_BREAKS)), f"row {number}", side="source"))
            targets.append(Block(tidy(target.translate(_CELL_BREAKS)), f"row {number}", side="target"))
        return sources + targets


class CsvColumnsReader(ColumnsReader):
    """The same table saved as CSV: cells separated by "," or, as French and German Excel write
    them, by ";" (`CsvColumnsReader(";")`). Chosen by the .csv name only (commas are in every
    sentence), and only when its rows are two cells: read as plain text, each line held both
    languages."""

    name = "csv"
    delimiter = ","
    wide_share = 0.0


class ReportColumnsReader(ColumnsReader):
    """align's own TSV report (`-f tsv`), known by its header row: its src_text column is the
    source and its tgt_text column the target, each cell as the report escaped it, every sentence
    in its text's order (by the src_ids and tgt_ids columns: a moved sentence stands in its
    partner's row) and located by its row; a sentence set aside follows its side's text; the
    signature line that ends the report (`# signature: ...`) is no row. Read as a table of nine
    columns, each column was a sentence of plain text."""

    def sniff(self, data: bytes) -> bool:
        for mark, _encoding in BYTE_ORDER_MARKS + ((b"\xef\xbb\xbf", "utf-8"),):
            if data.startswith(mark):
                data = data[len(mark):]
                break
        if not data.startswith(b"kind\t"):
            return False  # the report's header is read only where it may stand
        from ..reports.tsv import COLUMNS

        return data.split(b"\n", 1)[0].rstrip(b"\r") == "\t".join(COLUMNS).encode()

    def blocks(self, text: str, label: str) -> list[Block]:
        from ..reports.tsv import COLUMNS, unescape

        rows = [line.split("\t") for line in text.lstrip("\ufeff").split("\n")]
        sides: dict[str, list[tuple[int, int, Block]]] = {"source": [], "target": []}
        for number, cells in enumerate(rows[1:], start=2):
            if len(cells) < len(COLUMNS) - 1 or cells[0].startswith("#"):
                continue
            cells = dict(zip(COLUMNS, cells))
            for side, ids, column in (("source", "src_ids", "src_text"), ("target", "tgt_ids", "tgt_text")):
                sentence = tidy(unescape(cells[column]))
                if sentence:
                    first = cells[ids].split(",")[0]
                    order = (0, int(first)) if first.isdigit() else (1, number)
                    sides[side].append((*order, Block(sentence, f"row {number}", side=side)))
        return [block for side in ("source", "target") for *_order, block in sorted(sides[side], key=lambda x: x[:2])]