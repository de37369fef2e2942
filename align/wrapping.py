"""Hard-wrapped text: the width its lines were broken at, if they were, and where a line goes on.

The reading stage's paragraphs (`documents.split_paragraphs`) and the readers' documents of a
paragraph a line (`readers.base.EmptyPartings`, a PDF converted to Word) ask the same question,
so the rule lives below both.
"""
from __future__ import annotations

import bisect
from collections import Counter

from . import lazy_re
from .cleaning import blank
from .language import LIST_ITEM


# An item of a list, bulleted or numbered ("1.", "1.2."): a line indented under it goes on with it
# ("- the costs" / "  of the new line"). A contents' "1.1. What is this FAQ?" under "1. Definitions"
# is an item of its own: read as the one above's next line, the Debian FAQ's contents ran together.
ITEM_OPENING = lazy_re.compile(r"\s*(?:[-*•·‣◦▪–+]\s|\(?[a-zA-Z]\)\s|\(?[ivxlc]{1,5}\)\s|\(?\d{1,3}[.)]\s"
                               r"|\d{1,3}(?:\.\d{1,3})+\.\s)")


# Marks that open a quotation: a quotation that goes on with a sentence ("the plan was" / "« une
# gabegie » selon lui") opens in lower case after them.
OPENING_QUOTES = "\"'“‘«„‚"

# Indented openings: at least this many, and this share of the lines indented past the margin
# following a line that ends no sentence mid-way (a book's paragraph: its first line indented under
# the last line of the paragraph before).
MIN_INDENTED_OPENINGS = 2
INDENTED_OPENING_SHARE = 0.6


def indent_of(line: str) -> int:
    # No-break spaces indent a paragraph copied out of Word; two ideographic spaces, two columns
    # each, open every paragraph of a Chinese text.
    stripped = line.lstrip(" \t\f\u00a0\u3000")
    lead = line[:len(line) - len(stripped)].replace("\f", "")
    return len(lead.expandtabs(4)) + lead.count("\u3000")


def ends_open(line: str) -> bool:
    """Whether `line` stops mid-sentence: on a letter, a figure, a comma or a word's hyphen (groff's
    U+2010 in a man page: "speci\u2010" / "fied." read as a paragraph's first line, indented)."""
    tail = line.rstrip()[-1:]
    return tail in (",", "-", "\u2010") or tail.isalnum()


def opening_indent(lines: list[str]) -> int | None:
    """The indent the text marks each paragraph's first line with, if it does: most of its lines
    indented past the margin follow a line that ends its sentence. A list's lines indented under
    their items, a hanging indent (a bibliography's) and a block of code follow lines that go on."""
    filled = [line for line in lines if not blank(line)]
    indents = [indent_of(line) for line in filled]
    if not indents:
        return None
    margin = min(indents)
    indented = [k for k in range(1, len(filled)) if indents[k] > margin]
    openings = [k for k in indented if not ends_open(filled[k - 1]) and not ITEM_OPENING.match(filled[k - 1])]
    if len(openings) < MIN_INDENTED_OPENINGS or len(openings) < INDENTED_OPENING_SHARE * len(indented):
        return None
    return Counter(indents[k] for k in openings).most_common(1)[0][0]


# A file hard-wrapped at a fixed width (an e-mail, a text export at 70 columns) breaks lines where
# the next word did not fit: at most this wide, and broken so for at least this share of its lines.
MAX_WRAP_WIDTH = 100
MIN_WRAPPED_SHARE = 0.6
VERSE_CAPITALISED_SHARE = 0.9


def wrap_width(text: str) -> int | None:
    """The width `text` is hard-wrapped at, if it is, in columns (`_columns`): its longest line, when
    most lines followed by another stop where the next line's first word would have passed that
    width; else, in a justified text, the width most of its padded lines stand at (`_padded_width`),
    when a few lines pass it and the same holds there; else the width under a few lines that pass
    it by a word or stand deeper (`_width_under_overflows`)."""
    # A form feed takes no column: one opening a page's first line made the width one more than the
    # wrapper's, and every full line of the text a paragraph's end. A page break's own line
    # parts no two lines.
    lines = [line.replace("\f", "").rstrip() for line in text.split("\n") if not PAGE_BREAK_LINE.fullmatch(line)]
    # A table drawn with bars and rules is set out by its writer, as wide as its cells need, and no
    # wrapper broke it: counted, the Debian Reference's tables (a tenth of its lines, up to 132
    # columns) hid the 69 columns its text is wrapped at, and every German line opening on a noun
    # was cut from its sentence, every Japanese line too. Read as blank lines, which part its text.
    if "|" in text:
        lines = ["" if _GRID_LINE.fullmatch(line) or _GRID_RULE.fullmatch(line) else line for line in lines]
    width = max((_columns(line) for line in lines), default=0)
    widest = MAX_WRAP_WIDTH * (2 if _WIDE_CHARACTER.search(text) else 1)
    if 20 <= width <= widest and _broken_at(lines, width):
        return width
    # A justified text (a man page) may hold a line or two its formatter could not break (a table's
    # rule, a long path): taken as the width, it left every line short of it, and each line of
    # the text that opens on a capital, an option or a figure was cut from its sentence.
    padded_width = _padded_width(lines)
    if padded_width is not None and 20 <= padded_width < width and padded_width <= widest \
            and _broken_at(lines, padded_width) and justified(text, padded_width):
        return padded_width
    return _width_under_overflows(lines, widest) or _full_width(lines, widest)


# Widths tried below the widest line, at most.
MAX_OVERFLOW_TRIES = 8
# A wrapper's width is where its fullest lines stand: at least this share of the text's lines.
MIN_FULL_SHARE = 0.02


def _full_width(lines: list[str], widest: int) -> int | None:
    """The width a ragged text is wrapped at when the lines that pass it are many widths apart, each
    held by a line or two, and not all by a word: commands and their output kept as written at the
    text's own indent, as w3m dumps a <pre> (the Debian Reference's .txt: 99 of its 10,740 lines pass
    69 columns, at 33 widths up to 132). The widest width that MIN_FULL_SHARE of the lines stand
    at, where no more than OVERFULL_SHARE pass it."""
    widths = Counter(_columns(line) for line in lines if line.strip())
    filled = sum(widths.values())
    full = [width for width, count in widths.items() if count >= MIN_FULL_SHARE * filled and 20 <= width <= widest]
    if not full:
        return None
    width = max(full)
    over = sum(count for columns, count in widths.items() if columns > width)
    return width if over <= OVERFULL_SHARE * filled and _broken_at(lines, width) else None


def _width_under_overflows(lines: list[str], widest: int) -> int | None:
    """The width a ragged text is wrapped at when a few of its lines (OVERFULL_SHARE) pass it, each
    only by its last word (a word too long to break: an address, a version string) or set deeper
    than the text (a block kept as written). The Debian FAQ as w3m dumps it is wrapped at 69
    columns but for an "LSB Version: core-2.0-noarch:core-3.0-noarch:..." line of 109, and none of
    its lines was read as wrapped: each that opened on a capital or a figure began a sentence."""
    filled = sorted(((_columns(line), line) for line in lines if line.strip()), key=lambda pair: pair[0])
    widths = [columns for columns, _line in filled]
    # The indent most lines stand at: a line set deeper is a block kept as written (a package's
    # description, a command and its output), which may pass the width by more than a word.
    margin = Counter(indent_of(line) for _columns_of, line in filled).most_common(1)[0][0] if filled else 0
    tried = 0
    found = None
    # The narrowest that holds: wider ones hold too where the text's fullest lines stand a column
    # or two short of its width, and at 71 rather than 69 the German FAQ's "... veröffentlichte"
    # / "CD-ROM ..." read as a paragraph's end.
    for candidate in sorted(set(widths), reverse=True)[1:]:
        over = len(widths) - bisect.bisect_right(widths, candidate)
        if over > OVERFULL_SHARE * len(widths) or candidate < 20 or tried >= MAX_OVERFLOW_TRIES:
            break
        if candidate > widest:
            continue
        tried += 1
        passing = (line for _columns_of, line in filled[len(widths) - over:])
        if all(_overflows(line, candidate) or indent_of(line) > margin for line in passing) \
                and _broken_at(lines, candidate):
            found = candidate
        elif found is not None:
            break
    return found


def _overflows(line: str, width: int) -> bool:
    """Whether `line` passes `width` only by its last word."""
    head = line.rstrip()
    cut = head.rfind(" ")
    return cut < 0 or not head[:cut].strip() or _columns(head[:cut]) <= width


def _padded_width(lines: list[str]) -> int | None:
    """The width most lines padded with spaces between their words stand at, if no more than a few
    (OVERFULL_SHARE) of the text's lines pass it."""
    filled = [line for line in lines if line.strip()]
    # A table's rows pad their cells to columns, with runs of spaces a formatter justifying a
    # line of prose rarely needs: counted, the rows of ascii(7)'s table made their width the text's.
    padded = Counter(_columns(line) for line in filled if "  " in line.strip() and "    " not in line.strip())
    if not padded:
        return None
    width, count = padded.most_common(1)[0]
    overfull = sum(1 for line in filled if _columns(line) > width)
    if count < MIN_JUSTIFIED_LINES or overfull > OVERFULL_SHARE * len(filled):
        return None
    return width


# Lines a justified text's formatter could not break, at most this share of its lines.
OVERFULL_SHARE = 0.05


def _broken_at(lines: list[str], width: int) -> bool:
    """Whether most of `lines` followed by another stop where a wrapper at `width` would have broken
    them (`wrapped_at`), and they do not read as verse."""
    # A table's rows and a list's items stand on lines of their own in wrapped text too: counted,
    # they outvoted a wrapped paragraph beside them, which was then cut at a line that began
    # with a figure ("... use of fertiliser by" / "20 % before 2026.").
    # Nor does a paragraph's first line that its indent opens: without blank lines between them, the
    # short last lines of a Chinese text's many short paragraphs outvoted its wrapped ones.
    opening = opening_indent(lines)
    followed = [(line, after) for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()
                and "\t" not in line and "\t" not in after and not LIST_ITEM.match(after) and not one_table(line, after)
                and not (opening is not None and indent_of(after) == opening
                         and (indent_of(after) > indent_of(line) or not ends_open(line)))]
    # A line indented deeper than the one before opens a block under it (a man page's option
    # description under the option, a section's text under its heading, code) unless the line
    # before is full, where it goes on with a list item's hanging indent: a short line there says
    # nothing of the wrapper. Counted, "-a, --all" / "       do not ignore..." outvoted the
    # justified paragraphs of ls(1), and each of their lines opening on an option, a capital or a
    # quotation mark ("'--block-size=M'; see SIZE format below") was cut from its sentence.
    followed = [(line, after) for line, after in followed
                if indent_of(after) <= indent_of(line) or wrapped_at(line, after, width)]
    if len(followed) < 3:
        return False
    # Verse and lyrics open every line in a capital; wrapped prose goes on mid-sentence, so most of
    # its lines open in lower case. A song of two-line stanzas, its lines of about one length, read
    # as wrapped: each stanza one "sentence", and a stanza left out of the translation went unseen.
    # (A line without lower case, a disclaimer in capitals, says nothing either way.)
    opened = [after.lstrip()[:1].isupper() for _line, after in followed if any(c.islower() for c in after)]
    if len(opened) >= 3 and sum(opened) >= VERSE_CAPITALISED_SHARE * len(opened):
        return False
    broken = sum(1 for line, after in followed if wrapped_at(line, after, width))
    return broken >= MIN_WRAPPED_SHARE * len(followed)


# A justified text (a man page as groff sets it) pads every line it breaks with spaces to the width:
# there a line shorter than the width ends where its writer broke it ("GNU coreutils online help:
# <https://...>" / "Report any translation bugs to ..."), though the next word would not have fit.
MIN_JUSTIFIED_LINES = 10
MIN_JUSTIFIED_SHARE = 0.9
MIN_PADDED_SHARE = 0.3  # and so many of them padded: a ragged text's lines reach the width by chance


def justified(text: str, width: int | None) -> bool:
    """Whether nearly every line of `text` that `wrapped_at` reads as broken by the wrapper at
    `width` is exactly that wide, padded with spaces between its words."""
    if width is None:
        return False
    lines = [line.replace("\f", "").rstrip() for line in text.split("\n")]
    broken = [line for line, after in zip(lines, lines[1:])
              if line.strip() and wrapped_at(line, after, width) and not one_table(line, after)]
    full = [line for line in broken if _columns(line) == width]
    padded = sum(1 for line in full if "  " in line.strip())
    return (len(broken) >= MIN_JUSTIFIED_LINES and len(full) >= MIN_JUSTIFIED_SHARE * len(broken)
            and padded >= MIN_PADDED_SHARE * len(broken))


def longest_line(text: str) -> int:
    """The columns (`_columns`) of `text`'s widest line: where no wrapper's width is found (a man
    page's tables outvote its wrapped lines), a line that reaches it is full all the same."""
    return max((_columns(line) for line in text.split("\n")), default=0)


def short_of(line: str, width: int) -> bool:
    """A line of a justified text narrower than its width: one its writer broke. Not one of Chinese
    or Japanese, which a wrapper breaks between any two characters, short of the width where a
    closing mark may not open the next line."""
    return _columns(line) < width and not _WIDE_CHARACTER.search(line)


def wrapped_at(line: str, next_line: str, width: int) -> bool:
    """`line` ends where a wrapper at `width` would have broken it: the next word would not fit.

    Chinese and Japanese have no spaces, and a wrapper breaks before any of their characters: the
    next line's first "word" was the whole line, which never fits, so a Japanese chat log or the
    rows of a CSV (short lines of about one length) read as wrapped and ran into one another.
    Before such a character the next word is that character alone, joined without a space (a line
    one short of the width is still full: a wrapper keeps a closing mark off the next line's head).
    A chat message's time stamp ("[09:15] Ben: ...") under another opens a line, never goes on
    with one (a wrapped line of prose may open on "(10:45) and talked...")."""
    if not next_line.strip() or _CHAT_STAMP.match(next_line) and _CHAT_STAMP.match(line):
        return False
    if _RULE.fullmatch(line) or _RULE.fullmatch(next_line):
        # A table's rule ("────┼────") is drawn to its own length: wider than a man page's text,
        # it ran into the row under it, and the heading above ran into it.
        return False
    word = next_line.split()[0]
    wide = _WIDE_CHARACTER.search(word)
    used = _columns(line)
    if line.rstrip().endswith(_MID_SENTENCE_MARKS):
        # A wrapper that does not hang its marks counts a comma in the width: "……月亮落下去，" /
        # "出来一天的星星……" is one sentence broken where the comma filled the line, and cut there it
        # was two, a false split of a faithful pair. No paragraph ends on such a mark.
        used = max(used, len(line.rstrip()) + len(_WIDE_CHARACTER.findall(line.rstrip())))
    if wide is None:
        return used + 1 + len(word) > width
    if wide.start() == 0:
        return used + 2 > width
    return used + 1 + wide.start() + 2 > width


# A cell of a table set out with spaces: text after a gap of three or more spaces.
_CELL_START = lazy_re.compile(r"(?<=\S) {3,}(?=\S)")


def one_table(line: str, next_line: str) -> bool:
    """Two rows of a table set out with spaces: two cells of each open at the same columns. A row
    that fills a man page's width is no wrapped line ("SIGALRM   P1990   Term   Timer signal..." /
    "SIGBUS ..."); run on, each row of signal(7)'s table took the next into its sentence in the
    translation only. (One column in common is chance in a justified text's widely spaced lines.)"""
    return len(_cell_columns(line) & _cell_columns(next_line)) >= 2


def _cell_columns(line: str) -> set[int]:
    return {len(line[:match.end()].expandtabs(4)) for match in _CELL_START.finditer(line)}


# A line drawn across a table or under a heading, of box-drawing characters, dashes or the like.
_RULE = lazy_re.compile(r"\s*[\u2500-\u257f=_~*+|#-]{3,}[\s\u2500-\u257f=_~*+|#-]*")

# A line holding a page break and nothing else.
PAGE_BREAK_LINE = lazy_re.compile(r"[ \t]*\f[ \t\f]*")
# Han, kana and their punctuation: scripts a wrapper may break before any character of.
_WIDE_CHARACTER = lazy_re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")
# Closing marks a Japanese or Chinese wrapper hangs past the width rather than begin a line with.
_HUNG_MARKS = "。、，．」』）】〉》！？"
_MID_SENTENCE_MARKS = ("、", "，", "；", "：")


def _columns(line: str) -> int:
    """How wide `line` stands as a wrapper measures it: a Han or kana character takes two columns
    (a Japanese text wrapped at 60 columns has lines of 30 kanji and of 38 characters with Latin
    words), and the closing marks hung past the end do not count ("…うなずいた。」", two longer
    than the width: as the width, every other line of a wrapped story read as its paragraph's end)."""
    line = line.replace("\f", "").rstrip()
    wide = len(_WIDE_CHARACTER.findall(line))
    if not wide:
        return len(line)
    trimmed = line.rstrip(_HUNG_MARKS)
    return len(trimmed) + len(_WIDE_CHARACTER.findall(trimmed))


# A chat message's time stamp in brackets at the head of its line.
_CHAT_STAMP = lazy_re.compile(r"\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]")


# A table drawn with bars and rules, as w3m and pandoc draw one in plain text (the Debian Reference's
# .txt): "+-----+" and "|-----+------|" between rows, each row's cells wrapped over lines inside
# their bars ("|mc       |V:54, |1482 |Ein Textmodus-Dateimanager mit          |" / "|         |I:226
# |     |Vollbildschirm-Ansicht                  |"). Read a line at a time, a cell's text was cut in
# the middle, and its English row, wrapped elsewhere, paired line by line against other halves.
_GRID_RULE = lazy_re.compile(r"\s*[+|](?:[-=:]{2,}[+|])+\s*")
_GRID_LINE = lazy_re.compile(r"\s*\|.*\|\s*")
# Rows between rules, at least (with the header's): fewer, and a table may set a row a line with a
# rule under its header only, where lines next to each other are rows of their own.
MIN_GRID_ROWS = 3


def _frame(line: str) -> tuple[int, int]:
    """Where the table's first and last bars stand, in columns."""
    return indent_of(line), _columns(line)


def grid_rows(lines: list[str]) -> list[list[int]]:
    """The rows of the tables drawn with bars and rules among `lines`, each the numbers of its
    lines, where the table draws a rule between every two rows and a row has more than one line."""
    rows: list[list[int]] = []
    k = 0
    while k < len(lines):
        if not _GRID_RULE.fullmatch(lines[k]):
            k += 1
            continue
        frame = _frame(lines[k])
        closed: list[list[int]] = []
        run: list[int] = []
        k += 1
        while k < len(lines) and _frame(lines[k]) == frame:
            if _GRID_RULE.fullmatch(lines[k]):
                if run:
                    closed.append(run)
                run = []
            elif _GRID_LINE.fullmatch(lines[k]):
                run.append(k)
            else:
                break
            k += 1
        if len(closed) >= MIN_GRID_ROWS:
            rows.extend(run for run in closed if len(run) > 1)
    return rows


def grid_row_text(row: str, rule: str = "") -> str:
    """A table row of several lines (`grid_rows`) read cell by cell, each cell's lines joined: "mc |
    V:54, I:226 | 1482 | Ein Textmodus-Dateimanager mit Vollbildschirm-Ansicht". The cells stand
    between the bars at the columns of the junctions of the `rule` above the row, where a cell holds
    a bar of its own ("|ps aux |     |Informationen über ..." / "|pager        |BSD-Ausgabestil ...");
    without a rule, between the bars the lines share; where they do not, the lines are read as they
    stand."""
    lines = row.split("\n")
    borders = _columns_of(rule.strip(), "+|")
    cells = [_cut(line.strip(), borders) for line in lines] if len(borders) > 2 else []
    if not cells or None in cells:
        cells = [line.strip()[1:-1].split("|") for line in lines]
        if any(len(line) != len(cells[0]) for line in cells):
            return _joined_lines(lines)
    return " | ".join(_joined_lines(column) for column in zip(*cells))


def _columned(line: str):
    """(column, character) of each character of `line`, a Han or kana character two columns wide."""
    column = 0
    for char in line:
        yield column, char
        column += 2 if _WIDE_CHARACTER.match(char) else 1


def _columns_of(line: str, marks: str) -> list[int]:
    """The columns at which `line` holds one of `marks`."""
    return [column for column, char in _columned(line) if char in marks]


def _cut(line: str, borders: list[int]) -> list[str] | None:
    """`line` cut into the cells between `borders`, or None where a bar does not stand at each."""
    bars = _columns_of(line, "|")
    if not set(borders) <= set(bars):
        return None
    cells, cell, edges = [], "", set(borders)
    for column, char in _columned(line):
        if column in edges:
            if column != borders[0]:
                cells.append(cell)
            cell = ""
        else:
            cell += char
    return cells


def _joined_lines(pieces) -> str:
    """`pieces` of text joined by a space, but between two Han or kana characters, where a wrapper
    breaks a word ("パッケー" / "ジ"), and after a slash, where it breaks an address ("http://" /
    "deb.debian.org/" / "debian/")."""
    out = ""
    for piece in (" ".join(piece.split()) for piece in pieces):
        if piece:
            joint = "" if not out or out[-1] == "/" or (_WIDE_CHARACTER.match(out[-1]) and _WIDE_CHARACTER.match(piece[0])) else " "
            out += joint + piece
    return out
