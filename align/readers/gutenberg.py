"""A Project Gutenberg e-book's plain text: the book between the distributor's "*** START OF THE
PROJECT GUTENBERG EBOOK ... ***" and "*** END OF ... ***" lines, the header above (title, author,
release date, ebook number, language, credits) and the licence below (some 350 lines of English)
the distributor's furniture.

Read as text, a Spanish Candide against the English one gave 17 "untranslated" findings for the
licence both files carry in English, and "fact mismatches" for their release dates and ebook numbers;
with the whole licence, over a hundred. Now the header and licence are listed as boilerplate,
paragraph by paragraph, never dropped, and so are the producers' credits that open the book
("Produced by ..."); the book's sentences keep the lines of the file.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import lazy_re

from .base import Block
from .front_matter import line_marks

# The markers, as the Gutenberg files of the last thirty years write them: "*** START OF THE
# PROJECT GUTENBERG EBOOK CANDIDE ***", "*** START OF THIS PROJECT GUTENBERG EBOOK ...", "***START
# OF THE PROJECT GUTENBERG EBOOK...", and the older end lines "End of the Project Gutenberg EBook
# of ..." and "End of Project Gutenberg's ...".
# The files of the 1990s close their header with the end of "the small print" instead:
# "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*".
_START = lazy_re.compile(r"^(?:\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*"
                         r"|\*END\*[ \t]*THE SMALL PRINT!.*)$")
_END = lazy_re.compile(r"^(?:\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*"
                       r"|End of (?:the )?Project Gutenberg(?:'s|['’]s)? .*)$")
# The credits of those who transcribed the book, in its first paragraphs: the distributor's too.
_CREDITS = lazy_re.compile(r"^[ \t]*(?:Produced by|E-?text prepared by|This (?:e-?book|file) was produced|"
                           r"Transcribed (?:from|by)|Updated editions will)\b", re.IGNORECASE)
_CREDIT_PARAGRAPHS = 3  # how far into the book credits are looked for
_HEAD_LINES = 400  # the START line stands in the header, never deep in a book


def _paragraphs(lines: list[str], first: int, end: int) -> list[tuple[int, int]]:
    """(first line, end line) of each run of non-blank lines from `first` to `end`."""
    runs, start = [], None
    for number in range(first, end):
        if lines[number].strip():
            if start is None:
                start = number
        elif start is not None:
            runs.append((start, number))
            start = None
    if start is not None:
        runs.append((start, end))
    return runs


def _furniture(lines: list[str], written_lines: list[str], first: int, end: int) -> list[Block]:
    return [Block("\n".join(written_lines[a:b]), f"line {a + 1}", furniture=True, line_marks=line_marks(lines, a, b))
            for a, b in _paragraphs(lines, first, end)]


def gutenberg_blocks(text: str, as_written: str) -> list[Block] | None:
    """The e-book `text` as blocks (header, book, licence), or None for a text without the markers."""
    if "GUTENBERG" not in text[:_HEAD_LINES * 100].upper():
        return None
    lines = text.split("\n")
    start = next((k for k in range(min(len(lines), _HEAD_LINES)) if _START.match(lines[k].strip())), None)
    if start is None:
        return None
    end = next((k for k in range(start + 1, len(lines)) if _END.match(lines[k].strip())), len(lines))
    written_lines = as_written.split("\n")
    blocks = _furniture(lines, written_lines, 0, start + 1)
    book = _paragraphs(lines, start + 1, end)
    credits = 0
    while credits < min(_CREDIT_PARAGRAPHS, len(book)) and _CREDITS.match(lines[book[credits][0]]):
        credits += 1
    for a, b in book[:credits]:
        blocks += _furniture(lines, written_lines, a, b)
    if credits < len(book):
        first, last = book[credits][0], book[-1][1]
        offset = sum(len(line) + 1 for line in lines[:first])
        stop = offset + sum(len(line) + 1 for line in lines[first:last]) - 1
        blocks.append(Block(as_written[offset:stop], f"line {first + 1}", line_marks=line_marks(lines, first, last)))
    blocks += _furniture(lines, written_lines, end, len(lines))
    return blocks


def _holds(pattern, block: Block) -> bool:
    return any(pattern.match(line.strip()) for line in block.text.split("\n"))


def framed_blocks(blocks: list[Block]) -> list[Block]:
    """A Gutenberg e-book's blocks as read by another reader (a web page): the blocks up to its START
    line and from its END line on are the distributor's furniture, as in its plain text. The page's
    <title>, "The Project Gutenberg eBook of Candide, by Voltaire", had been read as the book's
    first sentence, and an HTML file of the years before 2020, whose header and licence stand in
    plain <pre> and <p> blocks, had them all as the book's text."""
    head = blocks[:_HEAD_LINES // 4]
    if not any("GUTENBERG" in block.text.upper() for block in head):
        return blocks
    start = next((k for k, block in enumerate(head) if _holds(_START, block)), None)
    if start is None:
        return blocks
    end = next((k for k in range(start + 1, len(blocks)) if _holds(_END, blocks[k])), len(blocks))
    return [block if block.furniture or start < k < end else replace(block, furniture=True)
            for k, block in enumerate(blocks)]
