"""Vecalign's bead format, one bead per line: `[source ids]:[target ids]:score`.

For researchers: the aligners they compare with (Vecalign, Bertalign, SentAlign) write this and
the standard scorers read it, with the gold files in the same notation. Ids are the sentence ids
of the other reports, counted from 0; with `--segmenter lines` on a file with no blank line they
are the file's line numbers minus one, as those tools count them. Moved beads stand where the
target put them, which is where a scorer looks for them: anywhere.
"""
from __future__ import annotations

from ..model import AlignmentResult
from .base import Report, rows, score_text


class BeadsReport(Report):
    name = "beads"
    extension = "beads"

    def render(self, result: AlignmentResult) -> str:
        # A pair linked by hand has no score, and its line none (the score is optional in the format).
        return "".join(f"[{', '.join(str(s.id) for s in row.src)}]:[{', '.join(str(t.id) for t in row.tgt)}]"
                       f"{':' if score_text(row.bead.score) else ''}{score_text(row.bead.score)}\n"
                       for row in rows(result))
