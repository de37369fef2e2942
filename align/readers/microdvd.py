"""MicroDVD subtitles (.sub of text): a cue a line, `{start frame}{end frame}text`, its lines
parted by `|`; located as `subtitle 12`, its place among the cues. A control code (`{y:i}`,
`{c:$0000FF}`, `{f:Arial}`...) is styling, and so are a line's leading `/` (italics) and SubRip's
tags (`<i>`) some players show as italics: not text. A first cue that holds only a number
(`{1}{1}23.976`) is the film's frame rate, not a subtitle.

Read as plain text before, each cue was one line, its frames and codes in the sentence, and its
lines run together at `|`.
"""
from __future__ import annotations

import logging
import re

from .. import lazy_re
from .base import Block, Reader, broken, tidy, xml_head
from .subtitles import cue_blocks, styling_removed

logger = logging.getLogger("align")

_CUE = lazy_re.compile(r"^\s*\{(\d+)\}\{(\d*)\}(.*)$")
# A cue whose frames a typo damaged ("{}{250}{300}Stop."): its frames are no text, its text is.
_DAMAGED_FRAMES = lazy_re.compile(r"^\s*(?:\{[\d\s]*\})+")
_CONTROL = lazy_re.compile(r"\{[a-zA-Z]:[^{}]*\}")
_FRAME_RATE = lazy_re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
_ITALICS = lazy_re.compile(r"^\s*/", re.MULTILINE)


def shown_lines(text: str) -> list[str]:
    """The lines a cue's text shows: its codes and italics marks out, parted at "|"."""
    return _ITALICS.sub("", styling_removed(_CONTROL.sub("", text)).replace("|", "\n")).split("\n")


class MicroDvdReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".sub",)
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        head = xml_head(data, 256).lstrip()
        return re.match(rb"\{\d+\}\{\d*\}", head) is not None

    def blocks(self, text: str, label: str) -> list[Block]:
        cues, count = [], 0
        for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
            cue = _CUE.match(line)
            if cue and not count and _FRAME_RATE.match(cue.group(3)):
                continue  # {1}{1}23.976: the frame rate the cues' frames count in
            if cue:
                count += 1
                cues.append((f"subtitle {count}", [tidy(piece) for piece in shown_lines(cue.group(3))], False))
            elif line.strip():
                logger.warning("%s, line %d: text outside any cue, kept (are its frames damaged?)",
                               label, number)
                unframed = _DAMAGED_FRAMES.sub("", line)
                cues.append((f"line {number}", [tidy(piece) for piece in shown_lines(unframed)], False))
        if not count:
            raise broken(label, "MicroDVD subtitles", ValueError("no line opens with {start}{end} frames"))
        return cue_blocks(cues)
