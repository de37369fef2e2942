"""One sentence per non-empty line, for input that is already segmented (one sentence a line)."""
from __future__ import annotations

from .base import Segmenter, strip_span


class LinesSegmenter(Segmenter):
    name = "lines"
    blank_line_paragraphs = True
    line_ends_only = True

    def split(self, text: str, lang: str | None = None, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
        spans = []
        line_start = 0
        for line in text.split("\n"):
            start, end = strip_span(text, line_start, line_start + len(line))
            if start < end:
                spans.append((start, end))
            line_start += len(line) + 1
        return spans
