"""A bilingual table: a text and its translation side by side, one row each, tab-separated.

Translators keep sentence pairs this way (a spreadsheet saved as TSV, a CAT tool's export, a
parallel corpus). Read as plain text, each line holds both languages, and the halves of such a
file came out scrambled: lines alternating between the two sides, each still holding both. So a
file whose every line is two non-empty cells is read as columns: the first the source, the
second the target, each cell located by its row.
"""
from __future__ import annotations

from .base import Block, Reader, tidy

# The rows a sniff reads: enough to tell a table from prose that happens to hold a tab.
SNIFF_BYTES = 65536


def _rows(text: str) -> list[tuple[int, list[str]]]:
    return [(number, line.split("\t")) for number, line in enumerate(text.splitlines(), 1) if line.strip()]


def _two_cells(cells: list[str]) -> bool:
    return len(cells) == 2 and all(any(ch.isalpha() for ch in cell) for cell in cells)


class ColumnsReader(Reader):
    name = "columns"
    suffixes = ()  # by content only: a .tsv whose rows are not all two cells is read as text
    reads_text = True
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        head = data[:SNIFF_BYTES]
        if b"\t" not in head or b"\0" in head:
            return False
        text = head.decode("utf-8", errors="replace")
        if len(data) > SNIFF_BYTES:
            text = text.rsplit("\n", 1)[0]  # the last line may be cut
        rows = _rows(text)
        return len(rows) >= 2 and all(_two_cells(cells) for _, cells in rows)

    def blocks(self, text: str, label: str) -> list[Block]:
        sources, targets = [], []
        for number, cells in _rows(text):
            source, target = (cells + [""])[:2] if len(cells) <= 2 else (cells[0], " ".join(cells[1:]))
            sources.append(Block(tidy(source), f"row {number}", side="source"))
            targets.append(Block(tidy(target), f"row {number}", side="target"))
        return sources + targets
