"""The reader interface: a file's bytes in, its text as blocks (paragraphs, cues, units) out.

A block keeps a locator a translator can find it by in the original file (a page, a paragraph
number, a subtitle number), which every report shows in place of a line of the extracted text.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

# The byte-order marks of UTF-32 and UTF-16, UTF-32's little-endian one first (it begins with
# UTF-16's): the reading stage decodes a marked file by them, and the readers that sniff bytes too.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Block:
    text: str  # one paragraph, cue or unit; a line break inside stays one
    locator: str  # "page 3", "paragraph 12", "subtitle 45", "line 20"
    furniture: bool = False  # page furniture (a menu, a footer): reported as boilerplate, never dropped
    continues: bool = False  # may run on from the block before (a subtitle cue): joined by one line break
    side: str = ""  # in a bilingual file (XLIFF): "source" or "target"
    lang: str = ""  # the language the file declares for the block, if any
    # (word, line): the block's words from this one on start on that line of the file (a web
    # page's paragraph over several source lines), so that a sentence is located by its own line.
    line_marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Span:
    """Where a block's text stands in the extracted text."""

    start: int
    end: int
    locator: str
    furniture: bool = False
    side: str = ""
    lang: str = ""
    line_marks: tuple[tuple[int, int], ...] = ()

    def locator_at(self, words_before: int) -> str:
        """The locator of the sentence that starts after `words_before` words of the block."""
        line = None
        for word, mark_line in self.line_marks:
            if word > words_before:
                break
            line = mark_line
        return self.locator if line is None else f"line {line}"


# Blocks are joined by two blank lines: paragraph splitting always separates there, so a block
# that ends without a full stop ("Chapter 3") is never run on into the next.
BLOCK_SEPARATOR = "\n\n\n"


def join_blocks(blocks: list[Block]) -> tuple[str, tuple[Span, ...]]:
    """The extracted text and each block's span in it; empty blocks are left out."""
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            separator = "\n" if block.continues else BLOCK_SEPARATOR
            parts.append(separator)
            offset += len(separator)
        parts.append(text)
        spans.append(Span(offset, offset + len(text), block.locator, block.furniture, block.side, block.lang,
                          block.line_marks))
        offset += len(text)
    return "".join(parts), tuple(spans)


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def tidy(text: str) -> str:
    """Runs of spaces (a layout's no-break spaces included) as one space, each line stripped."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


class Reader:
    """Base class of every reader. Subclasses set `name`, `suffixes` and implement `blocks`, which
    takes the file's bytes, or its decoded text where `reads_text` is set."""

    name: str = "reader"
    suffixes: tuple[str, ...] = ()
    reads_text: bool = False  # given the decoded text (its encoding detected as for plain text)
    bilingual: bool = False  # holds a text and its translation: blocks carry their side

    def sniff(self, data: bytes) -> bool:
        """Whether `data` is this format whatever the file is called."""
        return False

    def blocks(self, data: bytes, label: str) -> list[Block]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def broken(label: str, kind: str, error: Exception) -> InputError:
    """The one-line error for a file that claims a format and is not readable as it."""
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return InputError(f"{label}: cannot be read as {kind} ({reason})")
