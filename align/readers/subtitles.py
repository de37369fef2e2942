"""Subtitles (.srt, .vtt): each cue's text, located by its number (SubRip's counter, or its place
in a WebVTT file), with timings, cue settings and styling tags left out.

A sentence often runs over two or three cues; cues are joined by a plain line break, so that
paragraph splitting runs a cue on into the next exactly when it would run on a hard-wrapped line
(no full stop at its end, lower case at the next one's start), and a sentence keeps the number
of the cue it starts in.
"""
from __future__ import annotations

import re

from .base import Block, Reader, tidy

_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|\{\\[^{}]*\}")  # <i>, <v Anna>, <c.yellow>, {\an8}


def _cues(text: str) -> list[tuple[str | None, list[str]]]:
    """(identifier, text lines) of each cue: a cue is its timing line and the lines up to a blank one."""
    cues: list[tuple[str | None, list[str]]] = []
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        if _TIMING.match(lines[k]):
            previous = lines[k - 1].strip() if k > 0 else ""
            identifier = previous if previous and not _TIMING.match(previous) else None
            body: list[str] = []
            k += 1
            while k < len(lines) and lines[k].strip():
                body.append(lines[k])
                k += 1
            cues.append((identifier, body))
        k += 1
    return cues


class SubtitleReader(Reader):
    name = "subtitles"
    suffixes = (".srt", ".vtt")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"WEBVTT"):
            return True
        first = head.split(b"\n", 2)
        return len(first) >= 2 and first[0].strip().isdigit() and bool(_TIMING.match(first[1].decode("ascii", "replace")))

    def blocks(self, text: str, label: str) -> list[Block]:
        out = []
        for number, (identifier, lines) in enumerate(_cues(text), start=1):
            cue_text = tidy(_TAG.sub("", "\n".join(lines)))
            if not cue_text:
                continue
            # SubRip numbers its cues; WebVTT identifiers are optional and may be words.
            name = identifier if identifier and identifier.isdigit() else str(number)
            out.append(Block(cue_text, f"subtitle {name}", continues=True))
        return out
