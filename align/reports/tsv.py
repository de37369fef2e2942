"""One row per bead for spreadsheets and `cut`/`awk`."""
from __future__ import annotations

from ..model import AlignmentResult, short_where
from .base import Report, rows, score_text

COLUMNS = ("kind", "score", "src_ids", "tgt_ids", "src_lines", "tgt_lines", "src_text", "tgt_text")


def escape(text: str) -> str:
    """Backslash escapes, so a tab or newline inside a sentence cannot split a row or a column."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(text: str) -> str:
    out, i = [], 0
    table = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in table:
            out.append(table[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class TSVReport(Report):
    name = "tsv"
    extension = "tsv"

    def render(self, result: AlignmentResult) -> str:
        out = ["\t".join(COLUMNS)]
        for row in rows(result):
            out.append(
                "\t".join(
                    [
                        row.bead.kind,
                        score_text(row.bead.score),
                        ",".join(str(s.id) for s in row.src),
                        ",".join(str(t.id) for t in row.tgt),
                        ",".join(short_where(s) for s in row.src),
                        ",".join(short_where(t) for t in row.tgt),
                        # A bead's sentences are joined by a space, as they read in running text;
                        # the id columns keep the boundaries.
                        escape(" ".join(s.original for s in row.src)),
                        escape(" ".join(t.original for t in row.tgt)),
                    ]
                )
            )
        return "\n".join(out) + "\n"
