"""Subtitles (.srt, .vtt): each cue's text, located by its number (SubRip's counter, or its place
in a WebVTT file), with timings, cue settings and styling tags left out; a voice tag's speaker is
written before the cue's text where the speaker changes.

A sentence often runs over two or three cues, and a cue's lines are its sentence broken where the
screen's width ends. In a file whose cues end their sentences with a full stop, a line or cue that
ends in none goes on into the next unless the next is another speaker's turn: before a lower-case
line always, before a capital when it ends in a comma or a word in lower case ("He came from" /
"Paris by train."); a cue of a year or a name ("1984", "Okay") stays a sentence of its own. So
does a line that ends in an abbreviation before a lower-case one ("it was 2 a.m." / "when I got
home."). Elsewhere cues are joined by a plain line break, so that paragraph splitting runs a cue
on into the next exactly when it would run on a hard-wrapped line (no full stop at its end, lower
case at the next one's start). A sentence keeps the number of the cue it starts in.
"""
from __future__ import annotations

import html
import logging
import re

from .. import lazy_re
from ..language import FULL_STOPS, LINE_ENDS_WITH_FINAL_MARK as _ENDS_STATEMENT
from .base import Block, Reader, tidy

logger = logging.getLogger("align")

_TIMING = lazy_re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}")
# The styling tags SubRip and WebVTT define (<i>, <b>, <u>, <font color>, <v Anna>, <c.yellow>,
# <lang en>, <ruby>, <rt>), a cue's timestamps (<00:01.500>) and ASS overrides ({\an8}): anything
# else between angle brackets ("x<y and y>z", "<wow>") is the subtitle's text.
_TAG = lazy_re.compile(r"</?(?:[ibu]|font|v|c|lang|ruby|rt)(?=[\s.>])[^<>]*>|<\d{2}(?::\d{2}){1,2}[.,]\d{3}>|\{\\[^{}]*\}",
                  re.IGNORECASE)


# A ruby's reading (<rt>みなと</rt>): a guide to pronounce the text above it, not text of the cue
# ("港みなと"), as the HTML, Word and OpenDocument readers leave it out.
_RUBY_TEXT = lazy_re.compile(r"<rt(?=[\s.>])[^<>]*>.*?(?:</rt>|(?=</ruby>)|$)", re.IGNORECASE | re.DOTALL)


def styling_removed(text: str) -> str:
    """A cue's text without SubRip's and WebVTT's styling tags and a ruby's reading: what other
    formats' files converted from SubRip hold too (an SBV's "<i>...</i>")."""
    return _TAG.sub("", _RUBY_TEXT.sub("", text))


# A WebVTT voice tag opening a cue: "<v Anna>", "<v.loud Anna Smith>".
_VOICE = lazy_re.compile(r"\s*<v(?:\.[\w.-]+)*\s+([^<>]+)>")
# A timing line a cue lost: two clock readings and an arrow, whatever its form.
_DAMAGED_TIMING = lazy_re.compile(r"\d{1,2}:\d{2}[\d:.,\s]*[-=]+>|-+>\s*\d{1,2}:\d{2}")
# WebVTT blocks that hold no subtitle text: comments, style sheets, regions.
_VTT_BLOCK = lazy_re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")


def _cues(text: str) -> list[tuple[str, list[str]]]:
    """(locator, text lines) of each cue, in file order. A cue is its timing line and the lines up
    to a blank one, located by its SubRip number or its place among the cues. Text that stands in
    no cue (a cue whose timing line is damaged) is kept, located by its line, not dropped."""
    out: list[tuple[str, list[str]]] = []
    lines = text.split("\n")
    number = 0
    k = 0
    while k < len(lines):
        line = lines[k]
        if _TIMING.match(line):
            number += 1
            previous = lines[k - 1].strip() if k > 0 else ""
            # SubRip numbers its cues; WebVTT identifiers are optional and may be words.
            named = previous.isdigit() and not _TIMING.match(previous)
            body: list[str] = []
            k += 1
            while k < len(lines) and lines[k].strip() and not _starts_cue(lines, k):
                body.append(lines[k])
                k += 1
            out.append((f"subtitle {previous if named else number}", body))
            continue
        # A paragraph outside any cue: the file's header, a comment block, a cue's identifier...
        start = k
        while k < len(lines) and lines[k].strip() and not _TIMING.match(lines[k]):
            k += 1
        paragraph = lines[start:k]
        if k < len(lines) and _TIMING.match(lines[k]) and paragraph:
            paragraph = paragraph[:-1]  # ...whose last line names the cue that follows
        if start == 0 and paragraph and paragraph[0].lstrip("\ufeff").startswith("WEBVTT"):
            paragraph = []  # the header and its settings
        if paragraph and not _VTT_BLOCK.match(paragraph[0]):
            # ...or text whose cue lost its timing: kept, less its number and the damaged timing.
            first = start + 1
            while paragraph and (paragraph[0].strip().isdigit() or _DAMAGED_TIMING.search(paragraph[0])):
                paragraph, first = paragraph[1:], first + 1
            if paragraph:
                out.append((f"line {first}", paragraph))
        if k == start:
            k += 1
    return out


# A line that opens another turn: a speaker's dash, a sound or music cue, a speaker's label.
_TURN = lazy_re.compile(r"\s*(?:[-‐‑–—]\s*|[\[(♪♫#*]|[^\W\d_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*){0,2}\s*[:：]\s)")
_ENDS_FULL_STOP = lazy_re.compile(rf"(?:[{re.escape(FULL_STOPS)}!！]|\.\.\.|…)[\"'”’»)\]*_]*\s*$")
# A line broken off by a dash ("I was going to—") is a sentence interrupted, not one that goes on.
_BROKEN_OFF = lazy_re.compile(r"[—–-]{1,2}[\"'”’»]?\s*$")
_ELLIPSIS_END = lazy_re.compile(r"(?:\.\.\.|…)\s*$")
_ELLIPSIS_START = lazy_re.compile(r"\s*(?:\.\.\.|…)")
# Cues that end with a full stop, of all cues, above which a file punctuates its sentences: in one
# that does, a cue without one stops mid-sentence; in one that never does, nothing can be told.
PUNCTUATED_SHARE = 0.3
FULL_STOP_SHARE = 0.1  # ... of which these end with a full stop (or "!", "...")


def _punctuated(cue_lines: list[list[str]]) -> bool:
    lasts = [lines[-1] for lines in cue_lines if lines]
    if not lasts:
        return False
    ends = sum(1 for line in lasts if _ENDS_STATEMENT.search(line))
    # Statements' ends too: a file that ends its questions with "?" and its statements with
    # nothing (as fansubs do) ran "I was at home Don't lie to me Your car was gone" together.
    stops = sum(1 for line in lasts if _ENDS_FULL_STOP.search(line))
    return ends >= PUNCTUATED_SHARE * len(lasts) and stops >= FULL_STOP_SHARE * len(lasts)


def _goes_on(line: str, next_line: str) -> bool:
    """Whether a punctuated subtitle's `line` goes on with its sentence in `next_line`."""
    if _ELLIPSIS_END.search(line) and _ELLIPSIS_START.match(next_line):
        return True  # "I was going to..." / "...tell you": the same sentence, held over a cue
    if _TURN.match(next_line):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return False  # a caption or a sound in capitals ("NASA HEADQUARTERS", "DOOR SLAMS")
    head = next_line.lstrip()
    if _ENDS_STATEMENT.search(line):
        # A full stop before a lower-case line is an abbreviation's ("2 a.m." / "when I got home").
        return line.rstrip().endswith(".") and head[:1].islower()
    if head[:1].islower():
        return True
    # Before a capital, only a line that plainly stops mid-sentence goes on: one ending in a comma
    # or a word in lower case ("He came from" / "Paris by train."). A cue of a year or a name
    # without a full stop ("1984", "Okay") is a whole answer of its own.
    words = line.split()
    if not words or _BROKEN_OFF.search(line):
        return False
    return words[-1][-1] in ",;:" or words[-1][:1].islower()


def _starts_cue(lines: list[str], k: int) -> bool:
    """Whether line k opens the next cue, with no blank line before it (as some tools write): its
    timing line, or the SubRip number above one. Read as text, "2" and the timings were sentences."""
    if _TIMING.match(lines[k]):
        return True
    return lines[k].strip().isdigit() and k + 1 < len(lines) and bool(_TIMING.match(lines[k + 1]))


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
        cues = []
        voice = None
        # WebVTT escapes "&", "<" and ">" in its cues' text ("Tom &amp; Jerry"), as HTML does;
        # SubRip has no escapes.
        webvtt = text.lstrip("\ufeff \t\r\n").startswith("WEBVTT")
        for locator, lines in _cues(text):
            raw = "\n".join(lines)
            cue_text = tidy(styling_removed(raw))
            if webvtt:
                cue_text = html.unescape(cue_text)
            if not cue_text:
                continue
            if locator.startswith("line"):
                logger.warning("%s, %s: text outside any cue, kept as it stands (is a timing line damaged?)",
                               label, locator)
            # The speaker a WebVTT voice tag names is the subtitle's text too: dropped with the
            # tags, "<v Paul>" changed to "<v Marie>" showed in no report. Written once per
            # change of speaker, "Marie: ...", a cue of a new speaker starts a sentence of its own.
            speaker = _VOICE.match(raw)
            starts_turn = bool(speaker) and speaker.group(1).strip() != voice
            if speaker:
                voice = speaker.group(1).strip()
                if starts_turn:
                    cue_text = f"{voice}: {cue_text}"
            cues.append((locator, [line for line in cue_text.split("\n") if line.strip()], starts_turn))
        return cue_blocks(cues)


def cue_blocks(cues: list[tuple[str, list[str], bool]], lang: str = "") -> list[Block]:
    """The blocks of a subtitle file's cues, (locator, the cue's lines as shown, whether it opens
    another speaker's turn) each, in the order they are shown: each cue's lines and cues run on
    into the next where its sentence goes on (see the module's docstring). Every subtitle format's
    reader (SubRip, WebVTT, ASS, TTML...) ends with this; `lang`, the language the file declares."""
    cues = [(locator, [line for line in lines if line.strip()], turn) for locator, lines, turn in cues]
    cues = [cue for cue in cues if cue[1]]
    if not _punctuated([lines for _, lines, _ in cues]):
        return [Block("\n".join(lines), locator, continues=not turn, lang=lang) for locator, lines, turn in cues]
    out = []
    previous = ""
    for locator, lines, starts_turn in cues:
        breaks, at = [], len(lines[0])
        for line, next_line in zip(lines, lines[1:]):
            if _goes_on(line, next_line):
                breaks.append(at)
            at += 1 + len(next_line)
        runs_on = bool(previous) and not starts_turn and _goes_on(previous, lines[0])
        out.append(Block("\n".join(lines), locator, continues=not starts_turn, runs_on=runs_on,
                         run_on_breaks=tuple(breaks), lang=lang))
        previous = lines[-1]
    return out
