"""Scenarist closed captions (.scc: the CEA-608 captions of North American broadcast, as
broadcasters take delivery of them): each caption as the decoder shows it, located as `subtitle 12`,
its place among the captions shown.

A file is `Scenarist_SCC V1.0`, then lines of a time code and the bytes sent at that time, two a
word in hexadecimal (`9420 9470 c8e5 ecec ef80`), each with its parity bit. Bytes 0x20 to 0x7F are
characters (ASCII but for a few: 0x2A "á", 0x5C "é", 0x7E "ñ"...); a pair opening with 0x10 to
0x1F is a command, sent twice in a row for safety and obeyed once: where a row starts (a preamble
address code, a line of the caption), a style change mid-row (shown as a space), a special or an
accented character (which replaces the plain one sent before it for older decoders), or a
caption command. A pop-on caption is written off screen and shown whole at End Of Caption; a
roll-up caption shows each line as it comes, a carriage return rolling it up; a paint-on caption
shows its characters as they come until the screen is erased.

Read as plain text before, the file was its hexadecimal words: "9420 9470 c8e5 ecec ef80", every
caption a "sentence" of codes that said nothing, and no omission could be found.
"""
from __future__ import annotations

import logging

from .. import lazy_re
from .base import Block, Reader, tidy
from .subtitles import cue_blocks

logger = logging.getLogger("align")

_LINE = lazy_re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[:;.,]\d{2}(?:\s+(.*))?$")
_WORD = lazy_re.compile(r"[0-9a-fA-F]{2}(?:[0-9a-fA-F]{2})?")
# CEA-608's characters where they are not ASCII's.
_BASIC = {0x2A: "á", 0x5C: "é", 0x5E: "í", 0x5F: "ó", 0x60: "ú", 0x7B: "ç", 0x7C: "÷", 0x7D: "Ñ", 0x7E: "ñ", 0x7F: "█"}
# Special characters (0x11, then 0x30 to 0x3F) and the two extended sets (0x12 and 0x13, then 0x20 to
# 0x3F), by their second byte; 0x39 is a transparent space.
_SPECIAL = "®°½¿™¢£♪à\u00a0èâêîôû"
_EXTENDED = {0x12: "ÁÉÓÚÜü‘¡*’—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»",
             0x13: "ÃãÍÌìÒòÕõ{}\\^_|~ÄäÖöß¥¤¦ÅåØø┌┐└┘"}
_EXTENDED_CHARACTERS = frozenset("".join(_EXTENDED.values()))
# Caption commands (0x14 or 0x1C first, for channel 1 or 2; 0x15 and 0x1D in the second field).
_RESUME_LOADING, _BACKSPACE, _ROLL_UP, _RESUME_DIRECT, _ERASE_DISPLAYED, _CARRIAGE_RETURN, \
    _ERASE_LOADING, _END_OF_CAPTION = 0x20, 0x21, (0x25, 0x26, 0x27), 0x29, 0x2C, 0x2D, 0x2E, 0x2F


# A mid-row code's blank column: a space, but before punctuation, where it ends italics ("Files .").
_MID_ROW = "\x00"
_MID_ROW_SPACE = lazy_re.compile("\x00+(.?)")


def _space_or_none(blank):
    after = blank.group(1)
    return after if after in ".,;:!?" and after else " " + after


class _Decoder:
    """The captions a CEA-608 decoder shows, from the byte pairs it is sent, in order."""

    def __init__(self) -> None:
        self.captions: list[list[str]] = []
        self.mode = "pop-on"
        self.loading: list[str] = [""]  # pop-on: the caption being written off screen, a row a line
        self.showing: list[str] = [""]  # roll-up and paint-on: the caption being written on screen
        self.previous = (0, 0)

    @property
    def rows(self) -> list[str]:
        return self.loading if self.mode == "pop-on" else self.showing

    def write(self, text: str) -> None:
        self.rows[-1] += text

    def show(self, rows: list[str]) -> None:
        lines = [tidy(_MID_ROW_SPACE.sub(_space_or_none, row)) for row in rows]
        if any(lines):
            self.captions.append([line for line in lines if line])

    def pair(self, first: int, second: int) -> None:
        if 0x10 <= first <= 0x1F:
            if (first, second) == self.previous:
                self.previous = (0, 0)  # a command's copy, sent for safety
                return
            self.previous = (first, second)
            self.command(first & 0x17, second)  # channel 2's codes are channel 1's with 0x08 set
            return
        self.previous = (0, 0)
        for byte in (first, second):
            if byte >= 0x20:
                self.write(_BASIC.get(byte, chr(byte)))

    def command(self, first: int, second: int) -> None:
        if second >= 0x40 and first in range(0x10, 0x18):
            if self.rows[-1].strip():  # a preamble address code: the caption's next row
                self.rows.append("")
        elif first == 0x11 and 0x30 <= second <= 0x3F:
            self.write(_SPECIAL[second - 0x30])
        elif first == 0x11 and 0x20 <= second <= 0x2F:
            self.write(_MID_ROW)  # a style change takes a column, shown blank
        elif first in _EXTENDED and 0x20 <= second <= 0x3F:
            row = self.rows[-1]
            if row and row[-1] not in _EXTENDED_CHARACTERS:
                row = row[:-1]  # the plain stand-in sent before it for older decoders
            self.rows[-1] = row + _EXTENDED[first][second - 0x20]
        elif first in (0x14, 0x15):
            self.caption_command(second)

    def caption_command(self, code: int) -> None:
        if code == _RESUME_LOADING:
            self.end_direct()
            self.mode = "pop-on"
        elif code in _ROLL_UP or code == _RESUME_DIRECT:
            if self.mode == "pop-on":
                self.showing = [""]
            self.mode = "roll-up" if code in _ROLL_UP else "paint-on"
        elif code == _END_OF_CAPTION:
            self.show(self.loading)
            self.loading = [""]
        elif code == _ERASE_LOADING:
            self.loading = [""]
        elif code == _ERASE_DISPLAYED:
            self.end_direct()
        elif code == _CARRIAGE_RETURN and self.mode == "roll-up":
            self.end_direct()
        elif code == _BACKSPACE:
            self.rows[-1] = self.rows[-1][:-1]

    def end_direct(self) -> None:
        """A roll-up line or a paint-on caption ends: what it showed is a caption."""
        if self.mode != "pop-on":
            self.show(self.showing)
            self.showing = [""]

    def close(self) -> list[list[str]]:
        self.end_direct()
        self.show(self.loading)  # a caption loaded, never shown for want of its End Of Caption: kept
        return self.captions


def captions(text: str, label: str) -> list[tuple[str, list[str]]]:
    """(locator, lines) of each caption a .scc file shows, in order; a line of the file that is no
    time code and bytes kept as text, located by its line, with a warning."""
    decoder, strays, damaged = _Decoder(), [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or (number == 1 and line.strip().startswith("Scenarist_SCC")):
            continue
        sent = _LINE.match(line)
        if sent is None:
            logger.warning("%s, line %d: no time code and bytes, kept as text", label, number)
            strays.append((len(decoder.captions), (f"line {number}", [line.strip()])))
            continue
        for word in (sent.group(1) or "").split():
            if not _WORD.fullmatch(word):
                damaged += 1
            else:  # a word of one byte ("4c") ends a line cut short
                decoder.pair(int(word[:2], 16) & 0x7F, int(word[2:] or "0", 16) & 0x7F)
    if damaged:
        logger.warning("%s: %d words are no hexadecimal bytes (damaged), left out", label, damaged)
    out = [(f"subtitle {number}", lines) for number, lines in enumerate(decoder.close(), 1)]
    for at, stray in reversed(strays):
        out.insert(at, stray)
    return out


class SccReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".scc",)
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"Scenarist_SCC")

    def blocks(self, text: str, label: str) -> list[Block]:
        # A line kept as text stands apart: it runs on from no caption (a note, a title).
        return cue_blocks([(locator, lines, locator.startswith("line"))
                           for locator, lines in captions(text.lstrip("\ufeff"), label)])
