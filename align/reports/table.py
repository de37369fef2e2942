"""Side-by-side columns for a terminal: the default when stdout is one."""
from __future__ import annotations

import shutil
import textwrap
import unicodedata

from ..model import AlignmentResult, Sentence, short_where
from .base import (
    KIND_MARKS,
    LONG_MARGIN,
    Report,
    Row,
    finding_where,
    rows,
    score_text,
    sorted_findings,
    maybe_inside_pairs,
    set_aside,
    unpaired_inside_pairs,
    signature_line,
    summary_line,
    verdict_line,
)

RESET = "\033[0m"
DIM = "\033[2m"
BOLD = "\033[1m"
KIND_COLORS = {"omission": "\033[31m", "addition": "\033[32m", "moved": "\033[33m", "replaced": "\033[35m", "match": ""}
SEVERITY_COLORS = {"content": "\033[31m", "editorial": "\033[33m", "boilerplate": DIM}

KIND_WIDTH = 12  # "~ moved 0.81" fits; the text columns get the rest
MIN_TEXT_WIDTH = 16  # below this, wrapping turns into one word per line: pretend the terminal is wider
GUTTER = " │ "
SCORE_NOTE = ("score: for a pair, how alike its two sides are in meaning (cosine of their embeddings, 0-1); "
              "for a sentence left out or added, how sure it is that the other text has nothing like it (1 - its "
              "best similarity there).")


# A terminal obeys the control characters it is sent: an escape sequence in a sentence would
# recolour, move the cursor or retitle the window. Each is shown as its Control Pictures sign
# (U+2400 block; C1 controls, which have none, as U+FFFD), one for one, so the reader sees it.
_SHOWN = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}


_SHOWN_LINES = {code: sign for code, sign in _SHOWN.items() if code != 0x0A}


def shown(text: str) -> str:
    """`text` safe to print on a terminal: its control characters made visible."""
    return text.translate(_SHOWN)


def shown_lines(text: str) -> str:
    """`shown` for a whole report whose own lines end in newlines (paths and texts in it may hold
    control characters; the report's own lines hold none)."""
    return text.translate(_SHOWN_LINES)


class TableReport(Report):
    name = "table"
    extension = "txt"

    def render(self, result: AlignmentResult) -> str:
        width = self.width or shutil.get_terminal_size((120, 24)).columns
        text_width = max(MIN_TEXT_WIDTH, (width - KIND_WIDTH - 2 * len(GUTTER)) // 2)
        out = [self._header(result, text_width)]
        rule = self._dim("─" * (KIND_WIDTH + 2 * text_width + 2 * len(GUTTER)))
        out.append(rule)
        marked, maybe = unpaired_inside_pairs(result), maybe_inside_pairs(result)
        for row in rows(result):
            out.extend(self._row(row, text_width, marked, maybe))
            out.append(rule)
        out.extend(self._dim(line) for line in textwrap.wrap(SCORE_NOTE, KIND_WIDTH + 2 * text_width + 2 * len(GUTTER)))
        findings = sorted_findings(result.findings)
        if findings:
            out.append("")
            out.append(self._paint(BOLD, f"Findings ({len(findings)})"))
            for finding in findings:
                tag = self._paint(SEVERITY_COLORS.get(finding.severity, ""), f"[{finding.severity}]")
                where = finding_where(finding, result)
                # A place may hold an XLIFF unit's id as the file wrote it, a line break in it too.
                head = f"{tag} {finding.type.replace('_', ' ')}" + (f" ({self._dim(shown(where))})" if where else "")
                out.append(f"  {head}: {shown(finding.message)}")
        aside = set_aside(result)
        if aside:
            out.append("")
            out.append(self._paint(BOLD, f"Not aligned ({len(aside)}): other parts of the files, in another language"))
            for side, sentence in aside:
                out.append(f"  {side} {shown(sentence.where)} [{sentence.lang}]: {shown(sentence.original)}")
        out.append("")
        out.append(summary_line(result))
        if verdict_line(result):
            out.append(verdict_line(result))
        # What made the report (tool version, model, segmenter, thresholds), as every report says it.
        out.append(self._dim(f"Signature: {shown(signature_line(result))}"))
        return "\n".join(out) + "\n"

    def _header(self, result: AlignmentResult, text_width: int) -> str:
        src = _fit(f"{result.source.path} ({result.source.lang})", text_width)
        tgt = _fit(f"{result.target.path} ({result.target.lang})", text_width)
        kind = "kind score".ljust(KIND_WIDTH)
        return self._paint(BOLD, f"{kind}{GUTTER}{src.ljust(text_width)}{GUTTER}{tgt}")

    def _row(self, row: Row, text_width: int, marked: tuple[set[int], set[int]],
             maybe: tuple[set[int], set[int]] = (frozenset(), frozenset())) -> list[str]:
        kind = row.bead.kind
        color = KIND_COLORS.get(kind, "")
        label = f"{KIND_MARKS.get(kind, '?')} {kind}"
        score = score_text(row.bead.score, 2, "—")
        left = self._cell(row.src, text_width, color, pad=True, marked=marked[0], mark="-", maybe=maybe[0])
        right = self._cell(row.tgt, text_width, color, pad=False, marked=marked[1], mark="+", maybe=maybe[1])
        # The score goes on its own line when the label is long, so the column stays narrow.
        kind_lines = [label, score] if len(label) + 1 + len(score) > KIND_WIDTH else [f"{label} {score}"]
        height = max(len(left), len(right), len(kind_lines))
        lines = []
        for i in range(height):
            k = kind_lines[i] if i < len(kind_lines) else ""
            k = self._paint(color, k.ljust(KIND_WIDTH))
            a = left[i] if i < len(left) else " " * text_width
            b = right[i] if i < len(right) else ""
            # No trailing blanks, with or without colour, so the coloured output is the plain one plus codes.
            right_gutter = GUTTER if b else GUTTER.rstrip()
            lines.append(f"{k}{self._dim(GUTTER)}{a}{self._dim(right_gutter)}{b}")
        return lines

    def _cell(self, sentences: list[Sentence], text_width: int, color: str, pad: bool,
              marked: set[int] = frozenset(), mark: str = "", maybe: set[int] = frozenset()) -> list[str]:
        """Wrapped, padded lines; colour is applied after padding so ANSI codes never count as width.
        A sentence in `marked` (left out or added inside its pair) is flagged with `mark`; one in
        `maybe` as a candidate ("left out?")."""
        lines: list[str] = []
        for sentence in sentences:
            flagged = sentence.id in marked
            # Said in words after the number: "-3" before it read as a line numbered minus three.
            verb = " left out" if mark == "-" else " added"
            number = shown(short_where(sentence)) + (verb + ("?" if sentence.id in maybe else ":") if flagged else "")
            paint = KIND_COLORS["omission" if mark == "-" else "addition"] if flagged else color
            indent = display_width(number) + 1
            if indent > max(LONG_MARGIN, text_width // 3):
                # A program's key ("BackgroundImageWizardStepsPanel.reduceImageSize.message") as a
                # margin left the sentence a column two letters wide: the key on lines of its own.
                for chunk in wrap(number, text_width):
                    padding = " " * (text_width - display_width(chunk)) if pad else ""
                    lines.append((self._paint(paint, chunk) if flagged else self._dim(chunk)) + padding)
                number, indent = "", 2
            body = wrap(" ".join(sentence.original.split()), max(2, text_width - indent)) or [""]
            for j, chunk in enumerate(body):
                head = (self._paint(paint, number) if flagged else self._dim(number)) + " " if number else " " * indent
                prefix = head if j == 0 else " " * indent
                padding = " " * (text_width - indent - display_width(chunk)) if pad else ""
                lines.append(prefix + self._paint(paint, chunk) + padding)
        return lines

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color and code and text else text

    def _dim(self, text: str) -> str:
        return self._paint(DIM, text)


def _fit(text: str, width: int) -> str:
    text = shown(text)
    return text if display_width(text) <= width else "…" + text[-(width - 1) :]


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns, not code points: a CJK character takes two, a combining accent none."""
    return sum(_char_width(c) for c in text)


_NO_LINE_START = frozenset("。、，．！？）」』】〕》〉：；%％·・ー々")


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping by terminal columns.

    textwrap counts code points and only breaks at spaces, so Chinese or Japanese text (wide
    characters, no spaces) would overflow the column. Here a word longer than the line, which is
    every unspaced CJK run, is broken between characters.
    """
    lines: list[str] = []
    line, used = "", 0
    for word in shown(text).split(" "):
        w = display_width(word)
        sep = 1 if line else 0
        if used + sep + w <= width:
            line, used = line + (" " if sep else "") + word, used + sep + w
            continue
        if line and w <= width:
            lines.append(line)
            line, used = word, w
            continue
        # Too long for any line: fill the current line character by character, then carry on.
        if line:
            line, used = line + " ", used + 1
        for char in word:
            cw = _char_width(char)
            if used + cw > width and line.strip():
                if char in _NO_LINE_START and len(line.rstrip()) > 1:
                    # A closing mark never opens a line (Japanese kinsoku): the character before it goes down with it.
                    carried = line.rstrip()[-1]
                    lines.append(line.rstrip()[:-1])
                    line, used = carried, _char_width(carried)
                else:
                    lines.append(line.rstrip())
                    line, used = "", 0
            line, used = line + char, used + cw
    if line:
        lines.append(line)
    return lines
