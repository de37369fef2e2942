"""YouTube's SBV captions (.sbv) and the SubViewer 2 files they come from (.sub): each cue is a
timing line, `0:00:01.000,0:00:03.500`, then its text up to a blank line; located as `subtitle 12`,
its place among the cues. SubViewer's header (`[INFORMATION]`, `[TITLE]...`, `[COLF]...`) names
the film and its fonts, not text of the subtitles; its `[br]` is a line break. SubRip's styling
tags (`<i>`), which files converted from SubRip keep, are left out as the SubRip reader leaves them.

Read as plain text before, every timing line was a sentence, and a cue's lines, written without
the full stop a cue often ends without, were run into the next cue's sentence or cut from it as
plain text's rules said, not as a subtitle's.
"""
from __future__ import annotations

import logging
import re

from .. import lazy_re
from .base import Block, Reader, tidy, xml_head
from .subtitles import cue_blocks, styling_removed

logger = logging.getLogger("align")

_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{2,3}"
_TIMING = lazy_re.compile(rf"^\s*{_CLOCK}\s*,\s*{_CLOCK}\s*$")
# A timing line a typo damaged ("0:00:13.f89,0:00:15.489"): two clock readings, one of them broken.
_DAMAGED_TIMING = lazy_re.compile(r"^\s*\S*\d:\d\d\S*,\S*\d:\d\d\S*\s*$")
# SubViewer's header lines and its style lines: "[TITLE]", "[END INFORMATION]", "[COLF]&HFFFFFF,..."
_HEADER = lazy_re.compile(r"^\s*\[[A-Z][A-Z ]*\]")
_LINE_BREAK = lazy_re.compile(r"\[br\]", re.IGNORECASE)


def _cues(text: str) -> list[tuple[str, list[str]]]:
    """(locator, lines) of each cue in file order; text that stands in no cue, or in one whose
    timing line is damaged, kept and located by its line (a damaged timing line is no text)."""
    out: list[tuple[str, list[str]]] = []
    lines = text.split("\n")
    number, k = 0, 0
    while k < len(lines):
        if _TIMING.match(lines[k]) or _DAMAGED_TIMING.match(lines[k]):
            damaged = not _TIMING.match(lines[k])
            number += not damaged
            k += 1
            locator = f"line {k + 1}" if damaged else f"subtitle {number}"
            body = []
            while k < len(lines) and lines[k].strip() and not _TIMING.match(lines[k]):
                body.append(lines[k])
                k += 1
            out.append((locator, body))
            continue
        if lines[k].strip() and not (number == 0 and _HEADER.match(lines[k])):
            out.append((f"line {k + 1}", [lines[k]]))
        k += 1
    return out


class SbvReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".sbv",)
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        head = xml_head(data, 512).lstrip()
        first = head.split(b"\n", 1)[0].decode("ascii", "replace")
        return bool(_TIMING.match(first)) or first.strip().upper() == "[INFORMATION]"

    def blocks(self, text: str, label: str) -> list[Block]:
        cues = []
        for locator, lines in _cues(text.lstrip("\ufeff")):
            shown = tidy(styling_removed(_LINE_BREAK.sub("\n", "\n".join(lines))))
            if shown and locator.startswith("line"):
                logger.warning("%s, %s: text outside any cue, kept as it stands (is a timing line damaged?)",
                               label, locator)
            cues.append((locator, shown.split("\n"), False))
        return cue_blocks(cues)
