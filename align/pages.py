"""Page furniture: the running heads and page numbers at the top or bottom of a printed text's pages.

A PDF's pages (`readers.pdf`) and a text dumped from a PDF or a scan (`reading`: pdftotext, OCR,
"Save as text") carry the same furniture, so the rule that tells it from the text lives below both.
"""
from __future__ import annotations

from collections import Counter

from . import lazy_re

# Lines this near a page's top or bottom may be running heads or page numbers ...
EDGE_LINES = 2
# ... when the same (digits aside) on at least this share of the pages, and on two or more, or
# of the odd or of the even pages (a book's title on the left, its chapter's on the right).
_RUNNING_SHARE = 0.5
_DIGITS = lazy_re.compile(r"\d+")


# A page number's usual words in the languages read, known on any number of pages: learnt from the
# pages alone, "Page 1 of 2" needed three of them, and on a two-page PDF it was glued into the
# sentence running over the page break ("Page 1 of 2 at least two years.").
PAGE_NUMBER_SHAPES = frozenset("""- # - | page # | # / # | #/# | page # of # | page # / # | page # sur # | page # de #
    | seite # | seite # von # | seite # / # | página # | página # de # | pág. # | pagina # | pagina # di # | pag. #
    | blz. # | pagina # van # | strona # | strona # z # | стр. # | страница # | страница # из # | сторінка #
    | sayfa # | 第#页 | 第#頁 | #頁 | # 페이지 | — # — | – # –""".split(" | "))
PAGE_NUMBER_SHAPES = frozenset(" ".join(shape.split()) for shape in PAGE_NUMBER_SHAPES)


def shape(line: str) -> str:
    """`line` as the furniture rule compares it: lower case, its figures "#", its spaces one."""
    return " ".join(_DIGITS.sub("#", line.strip().lower()).split())


def furniture_edges(lines_of: list[list[str]]) -> list[tuple[int, int]]:
    """For each page (its non-blank lines), how many of its first and of its last lines are
    furniture: lines at the edge that are the same, digits aside, on most pages (or most odd or
    most even ones), a page number's usual words, or a figure alone that counts the pages."""
    running = set(PAGE_NUMBER_SHAPES)  # lines the same but for their digits ("Chapter 3 - 12")
    same = set()  # lines the same to the letter, which two pages are evidence enough for
    # All pages, then the odd and the even ones alone.
    for chosen in (lines_of, lines_of[0::2], lines_of[1::2]):
        shapes: Counter[str] = Counter()
        lines_seen: Counter[str] = Counter()
        for lines in chosen:
            edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
            shapes.update({shape(line) for line in edge})
            lines_seen.update({line.strip().lower() for line in edge})
        needed = _RUNNING_SHARE * len(chosen)
        running |= {found for found, count in shapes.items() if found != "#" and count >= max(3, needed)}
        same |= {line for line, count in lines_seen.items() if count >= max(2, needed) and shape(line) == line}
    numbered = _page_number_offsets(lines_of)
    # A running head that names the page's chapter and section is in capitals and differs from page to
    # page ("CHAPTER 1. DEFINITIONS AND OVERVIEW 1.3. OK, NOW I KNOW WHAT DEBIAN IS... …", as LaTeX's
    # book class sets it): read as text, the Debian FAQ's PDFs had a sentence of it on every page, its
    # section number a false fact mismatch where a translation's page held another section. A first
    # line in capitals on most pages (or most odd or even ones) is such a head.
    capitals = [number for number, lines in enumerate(lines_of, start=1) if lines and _in_capitals(lines[0])]
    headed = any(sum(1 for number in capitals if number % 2 in parity) >= max(3, _RUNNING_SHARE * len(chosen))
                 for parity, chosen in (({0, 1}, lines_of), ({1}, lines_of[0::2]), ({0}, lines_of[1::2])))

    def is_furniture(line: str, page: int, first: bool = False) -> bool:
        found = shape(line)
        return found in running or line.strip().lower() in same or (found == "#" and int(line) - page in numbered) \
            or (first and headed and _in_capitals(line))

    edges = []
    for number, lines in enumerate(lines_of, start=1):
        top = 0
        while top < min(EDGE_LINES, len(lines)) and is_furniture(lines[top], number, top == 0):
            top += 1
        bottom = 0
        while bottom < min(EDGE_LINES, len(lines) - top) and is_furniture(lines[-1 - bottom], number):
            bottom += 1
        edges.append((top, bottom))
    return edges


_LETTERS = lazy_re.compile(r"[^\W\d_]")


def _in_capitals(line: str) -> bool:
    letters = _LETTERS.findall(line)
    return len(letters) >= 4 and all(letter.isupper() for letter in letters)


def _page_number_offsets(lines_of: list[list[str]]) -> set[int]:
    """How far a page's number is from its place in the file, for the figures alone on a line at a
    page's edge that count the pages: one offset shared by two pages or more (an excerpt of a book
    starts at its page 245), or a "1" on the only page. A figure alone there that counts nothing
    ("2024" under a table, a year as a closing line) is text, not a page number."""
    offsets: Counter[int] = Counter()
    for page, lines in enumerate(lines_of, start=1):
        edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        offsets.update({int(line) - page for line in edge if shape(line) == "#"})
    if len(lines_of) == 1:
        return {0} & set(offsets)
    return {offset for offset, count in offsets.items() if count >= 2}


# A text dumped from a printed book without its form feeds ("Save as text", some OCR) is cut into
# pages at its page numbers: lines that count on by one, at least this many of them ...
MIN_NUMBERED_PAGES = 3
# ... a page at least this many lines long ...
MIN_PAGE_LINES = 8
# ... and the pages about one length: a chapter's number above each chapter counts on by one too,
# but chapters are of any length, and their numbers are headings, not furniture.
PAGE_LENGTH_SPREAD = 0.25
_NUMBERED_LINE_WORDS = 8


def text_pages(text: str) -> list[tuple[int, int]] | None:
    """The spans (start, end) of the pages of a text dumped from a printed book (pdftotext, OCR), if
    it has pages: parted by form feeds, or else by page numbers that count on by one at regular
    intervals (each page ending after its number). None for a text without pages."""
    if "\f" in text:
        pages, start = [], 0
        for at, char in enumerate(text):
            if char == "\f":
                pages.append((start, at))
                start = at + 1
        pages.append((start, len(text)))
        return pages
    lines, start = [], 0
    for number, line in enumerate(text.split("\n")):
        lines.append((number, start, start + len(line), line))
        start += len(line) + 1
    # The longest run of numbered lines counting on by one: (length, previous member) of the run
    # each line ends, and the best run ending with each page number.
    runs: dict[int, tuple[int, int | None]] = {}
    best_ending: dict[int, int] = {}
    numbered = {}
    for index, (number, _start, _end, line) in enumerate(lines):
        figure = _page_figure(line)
        if figure is None:
            continue
        numbered[index] = figure
        before = best_ending.get(figure - 1)
        if before is not None and number - lines[before][0] >= MIN_PAGE_LINES:
            runs[index] = (runs[before][0] + 1, before)
        else:
            runs[index] = (1, None)
        if figure not in best_ending or runs[index][0] > runs[best_ending[figure]][0]:
            best_ending[figure] = index
    if not runs:
        return None
    last = max(runs, key=lambda index: runs[index][0])
    if runs[last][0] < MIN_NUMBERED_PAGES:
        return None
    members = []
    while last is not None:
        members.append(last)
        last = runs[last][1]
    members.reverse()
    gaps = [lines[b][0] - lines[a][0] for a, b in zip(members, members[1:])]
    middle = sorted(gaps)[len(gaps) // 2]
    # A book's last page may stop anywhere.
    if any(abs(gap - middle) > PAGE_LENGTH_SPREAD * middle for gap in gaps[:-1]) \
            or gaps[-1] > (1 + PAGE_LENGTH_SPREAD) * middle:
        return None
    pages, start = [], 0
    for index in members:
        end = lines[index][2]
        pages.append((start, end))
        start = end + 1
    if start < len(text):
        pages.append((start, len(text)))
    return pages


def _page_figure(line: str) -> int | None:
    """The page number on `line`, if it may be a page's number line: a page number's usual words
    ("Page 12", "— 12 —"), a figure alone, or a running head's words with the figure at one end
    ("12 ALICE'S ADVENTURES", "CHAPTER I 13")."""
    figures = _DIGITS.findall(line)
    found = shape(line)
    # A markdown heading's "#" is no figure.
    if len(figures) != 1 or found.count("#") != 1 or len(found.split()) > _NUMBERED_LINE_WORDS:
        return None
    if found in PAGE_NUMBER_SHAPES or found == "#" or found.startswith("# ") or found.endswith(" #"):
        return int(figures[0])
    return None
