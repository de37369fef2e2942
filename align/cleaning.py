"""Strip markdown and HTML artefacts from scraped text before it is embedded.

Every pass keeps, for each character it outputs, the index of that character in the original
text, so that a sentence found in the cleaned text can always be traced back to the exact
original substring (which is what the translator is shown).
"""
from __future__ import annotations

import bisect
import html
import html.entities
import itertools
import re
import unicodedata
from typing import Callable, Union

from . import lazy_re
from .language import DANDA_BAR


# Raised and lowered text (a note's number, a unit's power, a formula's count) as the Unicode
# superscript or subscript characters it has: read as its neighbours, "in 2020<sup>1</sup>" was
# "in 20201" and "10<sup>6</sup> cells" "106 cells", a false "number 106 vs 10" against a copy
# that wrote "10⁶". Lower-case letters only: the capitals' forms are phonetic, and few fonts have them.
# The readers set a document's raised text so (`readers.base.shifted`), and the markdown pass a
# scraped page's "<sup>" and "^1^".
RAISED = str.maketrans("0123456789+-−=()abcdefghijklmnoprstuvwxyz",
                        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ªᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿºᵖʳˢᵗᵘᵛʷˣʸᶻ")
LOWERED = str.maketrans("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")

# What a rewrite keeps of one match: spans (start, end) of the current text to keep, in order,
# literal strings to insert (they are mapped to the position where the match starts), or
# (string, position) to insert a string mapped to that position of the current text.
Piece = Union[tuple[int, int], str, tuple[str, int]]
Rewrite = Callable[[re.Match], list[Piece]]


def _keep_group(group: int) -> Rewrite:
    return lambda match: [match.span(group)]


def _drop(match: re.Match) -> list[Piece]:
    return []


def _one_space(match: re.Match) -> list[Piece]:
    return [" "]


_VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# How far a tag's partner is looked for: a paragraph of inline markup, not the whole text.
_PARTNER_REACH = 2000
_partner_patterns: dict[tuple[str, bool], re.Pattern] = {}


def _drop_paired_tag(match: re.Match) -> list[Piece]:
    name = match.group(1).lower()
    tag = match.group(0)
    if name in _VOID_ELEMENTS or tag.endswith("/>") or " " in tag or "\t" in tag:  # attributes: markup
        return []
    closing = tag.startswith("</")
    key = (name, closing)
    if key not in _partner_patterns:
        _partner_patterns[key] = re.compile(rf"<{name}(?:\s[^<>\n]*)?>" if closing else rf"</{name}\s*>", re.I)
    partner = _partner_patterns[key]
    text = match.string
    if closing:
        found = partner.search(text, max(0, match.start() - _PARTNER_REACH), match.start())
    else:
        found = partner.search(text, match.end(), match.end() + _PARTNER_REACH)
    return [] if found else [match.span()]


_HTML_ELEMENTS = """
    a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite code col
    colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer
    form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark
    meta nav noscript object ol optgroup option output p picture pre q s samp script section select small
    source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time
    title tr track u ul var video wbr""".split()




def _raised(match: re.Match) -> list[Piece]:
    """A note number or exponent as the reader sees it, raised: dropped with its tags,
    "3<sup>2</sup> percent" read "32 percent" and "2020[^1]" a year of five digits."""
    table = LOWERED if match.group(1).lower() == "sub" else RAISED  # the readers' forms of raised text
    start = match.start(2)
    return [(char.translate(table), start + k) for k, char in enumerate(match.group(2))]


# A code span's text is what the reader types, exactly as written: "`__init__.py`", "`f(*args, **kwargs)`",
# "`<br>`", "`&amp;`" lost their underscores, stars, tag and entity to the passes after it, in the TMX
# too. Its characters stand as this one (a private-use character no pass matches) until every pass
# has run, then come back from the original text.
_CODE_CHARACTER = "\ue000"


def _code_span(match: re.Match) -> list[Piece]:
    start = match.start(1)
    return [(_CODE_CHARACTER, start + k) for k in range(len(match.group(1)))]


def _entity(match: re.Match) -> list[Piece]:
    # Only a whole entity: html.unescape also reads a legacy one inside a word ("&notes;" as "¬es;").
    name = match.group(0)[1:]
    if not name.startswith("#") and name not in html.entities.html5:
        return [match.span()]
    decoded = html.unescape(match.group(0))
    return [match.span()] if decoded == match.group(0) else [decoded]


# Characters that are in the file but not in the text a reader sees: a soft hyphen ("environ­mental"),
# a zero-width space ("12\u200b500" read as 12 and 500), a word joiner, a byte-order mark inside the
# text, and the marks that set the direction of bidirectional text (RLM, LRM, ALM, the embeddings,
# overrides and isolates): Arabic and Hebrew from a word processor or a web page put an RLM after
# each full stop, where the segmenters need a space, and a paragraph of six sentences was read as
# one (a faithful translation then stood "unrelated"); "12\u200f/04\u200f/2024" was no date.
# Dropped from every format's text (the sentence's original keeps them). Not the zero-width
# (non-)joiners: Persian and the Indic scripts write words with them.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_INVISIBLE_RE = lazy_re.compile(f"[{INVISIBLE_CHARACTERS}]")
# A soft hyphen where a line breaks is a word hyphenated there ("environ\u00ad" / "nementale"): the
# line break goes with it, or the word was read (and written into the TMX) as "environ nementale".
_INVISIBLE = (lazy_re.compile(f"\u00ad[ \\t]*\r?\n[ \\t]*(?=\\w)|[{INVISIBLE_CHARACTERS}]"), _drop)


def blank(line: str) -> bool:
    """Whether `line` holds nothing a reader sees: whitespace and invisible characters only (an
    RTL document's empty lines are often a lone RLM, which made a sentence of its own)."""
    stripped = line.strip()
    return not stripped or (_INVISIBLE_RE.match(stripped) is not None
                            and not _INVISIBLE_RE.sub("", stripped).strip())


def _composed(match: re.Match) -> list[Piece]:
    return [unicodedata.normalize("NFC", match.group())]


# Text written decomposed (from macOS, some PDFs: "e" and a combining acute, Korean as loose jamo)
# is composed, as nearly all text is: the checks read month names, weekdays and names spelled
# composed, and "14 de\u0301cembre" against "14 February", or a changed "Élodie Bernard", went
# unseen. The composed character maps to its base character in the original.
_DECOMPOSED = (lazy_re.compile("[^\\s][\u0300-\u036f\u0483-\u0487\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20f0"
                          "\ufe20-\ufe2f\u3099\u309a]+|[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?"), _composed)
# Runs of spaces and tabs become one space (kept at the position of the run's first one).
_SPACES = (lazy_re.compile(r"[ \t]{2,}|\t"), _one_space)

# A markdown table's delimiter row ("|---|:--:|", "--- | ---").
TABLE_DELIMITER_ROW = lazy_re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$", re.M)


# A line whose bars set apart no more than this many words each is a menu or a list ("होम | देश |
# खेल", a news site's sections), not sentences: cut at each bar, its words were as many sentences.
MENU_ITEM_MAX_WORDS = 2


_PROSE_ENDS = "|।॥?!.\"'”’»"


def _read_danda_bars(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Hindi, Bengali, Marathi, Nepali text typed without a danda key ends its sentences with "|"
    (language.DANDA_BAR): read as a bar, a paragraph was one sentence, each line a headline to the
    addition classifier, and a bar at a line's end was dropped as a table's. Read as the danda
    it stands for ("||": the double danda), as an entity is read as its character; the sentence's
    original keeps the bar. Not on a markdown table's row ("| राम | दिल्ली |": one row, not two
    sentences) nor on a menu's line."""
    if "|" not in text:
        return text, offsets
    # Prose typed with bars ends its last sentence with one (or another final mark); a table's row
    # or a menu without a leading bar does not ("राजधानी एक्सप्रेस | नई दिल्ली से मुंबई | 16 घंटे"
    # was three sentences, and a faithful timetable "related, not a translation").
    if text.rstrip()[-1:] not in _PROSE_ENDS:
        return text, offsets
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    cells = {k for k, line in enumerate(lines) if line.lstrip(" \t").startswith("|")
             or max(len(piece.split()) for piece in line.split("|")) <= MENU_ITEM_MAX_WORDS}

    def danda(match: re.Match) -> list[Piece]:
        if bisect.bisect_right(starts, match.start()) - 1 in cells:
            return [match.span()]
        bar = match.start(1)
        return [(match.start(), bar), ("॥" if len(match.group(1)) == 2 else "।", bar)]

    return _apply(DANDA_BAR, danda, text, offsets)


# Amharic is often typed with two wordspaces "፡፡" for its full stop "።" (one "፡" separates words):
# read as the full stop, as the danda's bar is.
_ETHIOPIC_FULL_STOP = (lazy_re.compile("\u1361\u1361"), lambda match: ["\u1362"])

_BULLET = lazy_re.compile(r"^[ \t]*[-*+][ \t]+", re.M)
# Only where the paragraph opens: further down a hard-wrapped paragraph a line opens on a spaced
# dash or plus the wrapper put there ("... Petraschke G" / "+ A Markus Lehmann", "... zu treffen" /
# "- aber wo eigentlich ?"), the text's own.
_OPENING_BULLET = lazy_re.compile(r"\A[ \t]*[-*+][ \t]+")

# Passes run in this order. Line-start markers go first, while they are still at the start
# of their line; links before emphasis, because URLs may contain `_` or `*`.
_PASSES: list[tuple[re.Pattern, Rewrite]] = [
    # A script or a style sheet standing as a block of its own is the page's code, never its
    # text: "var tracking = ..." was a sentence of the TMX. Inside a sentence ("Type
    # <script>alert(1)</script> into the field") it is what the sentence speaks of.
    (lazy_re.compile(r"^[ \t]*<(script|style)\b[^>\n]*>.*?</\1\s*>[ \t]*$", re.S | re.I | re.M), _drop),
    # A fence around code ("```python") and a setext heading's underline ("Methods" / "=======")
    # are lines of markup alone: the fence was paired as a sentence, the underline glued to its
    # heading ("Annual Report ====="). A rule standing alone ("* * *", "---") is a scene break, the
    # layout of the text, and stays.
    (lazy_re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*$", re.M), _drop),  # not "~~~ Part One ~~~"
    (lazy_re.compile(r"(?<=\n)[ \t]*(?:={3,}|-{3,})[ \t]*$", re.M), _drop),
    # A line of a site generator's template tags alone (Hugo's "{{< note >}}" and "{{% /tab %}}",
    # Jekyll's and Liquid's "{% include toc.html %}") is markup, no sentence of the page; inside a
    # sentence a tag stands as written, the same on both sides.
    (lazy_re.compile(r"^[ \t]*(?:(?:\{\{[<%].*?[>%]\}\}|\{%.*?%\})[ \t]*)+$", re.M), _drop),
    # `code` -> code, its text out of reach of the passes below (and of the spaces' pass).
    (lazy_re.compile(r"`+([^`\n]+?)`+"), _code_span),
    # A footnote's text ("[^1]: Data from ...") keeps its text, not its label; a reference link's
    # target line ("[rep]: http://example.org/report") is markup alone.
    (lazy_re.compile(r"^[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*", re.M), _drop),
    (lazy_re.compile(r"^[ \t]{0,3}\[[^\]\n^]+\]:[ \t]+<?(?:[a-z][\w+.-]*:|www\.|/|#|\.\.?/)\S*?>?"
                r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.M | re.I), _drop),
    # A footnote mark: "2020.[^1] Heavy rain" is a sentence end and a note number, as a page shows it.
    (lazy_re.compile(r"\[\^()(\d{1,3})\]"), _raised),
    (lazy_re.compile(r"\[\^[^\]\s]+\]"), _drop),
    # "## Heading": only with a space after the hashes, so that #hashtags survive.
    (lazy_re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M), _drop),
    # "> quoted", possibly nested "> > quoted".
    (lazy_re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M), _drop),
    # "- item", "* item", "+ item": the space after the bullet tells it from "-5" or "*emphasis*".
    (_BULLET, _drop),
    # ![alt](src) -> alt, then [text](url) -> text. The url may not contain spaces, nor
    # parentheses but a balanced pair (Wikipedia's "Niger_(fleuve)": cut at its ")", the text read
    # "Niger) déborde"), then an optional "title".
    # Link text may run over one line break (a hard-wrapped file), never over a blank line.
    (lazy_re.compile(r"!\[((?:[^\]\n]|\n(?![ \t]*\n))*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)"), _keep_group(1)),
    (lazy_re.compile(r"\[((?:[^\]\n]|\n(?![ \t]*\n))*)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)"), _keep_group(1)),
    # [text][label] and [text][]: a reference link, its target defined elsewhere. Not "[3][4]",
    # citations by number.
    (lazy_re.compile(r"\[([^\]\n]*[^\W\d_][^\]\n]*)\]\[[^\]\n]*\]"), _keep_group(1)),
    # **strong** and __strong__: the markers must hug the text (no space inside) and not be
    # glued to a word outside, which is how snake_case and "2**10" stay untouched.
    (lazy_re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])"), _keep_group(1)),
    (lazy_re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])"), _keep_group(1)),
    # A bold run cut in two by a paragraph break leaves an unpaired "**" at a word edge.
    (lazy_re.compile(r"(?<![\w*])\*\*(?=[^\s*])|(?<=[^\s*])\*\*(?![\w*])"), _drop),
    # *em* and _em_: same rules, single marker. A footnote star ("price*", "* see below")
    # is glued to a word or followed by a space, so it never opens an emphasis.
    # A marker after a backslash is escaped, text: "\_ Rosier's Dictionary \_, \_ Candide \_"
    # (TransRead) lost the underscores of "\_," and "\_ Candide", paired as an emphasis.
    (lazy_re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"), _keep_group(1)),
    (lazy_re.compile(r"(?<![\w_\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_\\])_(?![\w_])"), _keep_group(1)),
    # An HTML comment is a note to whoever edits the file, never shown: markup.
    (lazy_re.compile(r"<!--.*?-->", re.S), _drop),
    # Digits set as an exponent or a note number stay apart from the figure before them.
    (lazy_re.compile(r"<(sup|sub)>([0-9+\-=()]{1,6})</\1>", re.I), _raised),
    # <br> separates words, other tags (<b>, </span>) usually do not.
    (lazy_re.compile(r"<br\s*/?>", re.I), _one_space),
    # Only HTML's own element names: OCR'd books write quotation marks as angle brackets
    # ("eines solchen <Basislagers>"), and that word is text.
    # And only a tag that is markup: a void element (<img>, <hr>), one with attributes, or one
    # whose partner stands near it ("<b>...</b>"). "the <title> element names the page" speaks of
    # a tag, and keeps it.
    (lazy_re.compile(r"</?(" + "|".join(_HTML_ELEMENTS) + r")(?:\s[^<>\n]*)?/?>", re.I), _drop_paired_tag),
    # A table's delimiter row ("|---|:--:|") is markup only; a row's leading pipe ("| Rhine | 12 °C")
    # is no part of its first cell.
    (TABLE_DELIMITER_ROW, _drop),
    (lazy_re.compile(r"^[ \t]*\|[ \t]*(?=\S)", re.M), _drop),
    # A trailing table pipe "... negotiations |".
    (lazy_re.compile(r"[ \t]+\|[ \t]*$", re.M), _drop),
    # An entity a web page's text was copied with ("Smith &amp; Sons", "&#8239;500"): the character
    # it stands for. After the tags, so that "&lt;b&gt;" is the text "<b>", as a browser shows it.
    (lazy_re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"), _entity),
]


# The gap between two cells of a plain-text table's row (tab-separated, as a spreadsheet copies it).
CELL_GAP = lazy_re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=\S)")


def _cell_separator(match: re.Match) -> list[Piece]:
    return [" | "]


def clean_markdown(text: str, table_row: bool = False, markdown: bool = True,
                   pipe_row: bool = False, inner_bullets: bool = True) -> tuple[str, list[int]]:
    """Return (cleaned text, offsets): offsets[k] is the index in `text` of cleaned character k.

    In a `table_row` the tabs between cells become " | ", as a markdown table's pipes stand:
    read as one space, a header row "Region Rivers Clean" was a run of names, and its
    translation's "Propres" a changed one. Elsewhere a tab is a space. A `pipe_row` is a markdown
    table's row written without a bar in front ("राम | दिल्ली"), whose bars are no danda.
    `markdown`: whether `text` may hold markup (plain text, markdown). Text a reader took from a
    web page, a .docx or a PDF has none left: there "> 90 %", "- 4 %" and "# 3 on the list" are
    what the document says, and the markdown passes took them for a quotation, a bullet and a
    heading (dropping the figures' signs from the TMX). `inner_bullets`: whether a line inside the
    paragraph may open on a bullet (a subtitle's dialogue dashes, "- Why not?" / "- Because."); in
    plain text only the paragraph's first line does, its other lines being one wrapped paragraph."""
    original = text
    offsets = list(range(len(text)))
    if table_row:
        text, offsets = _apply(CELL_GAP, _cell_separator, text, offsets)
    elif not pipe_row and not TABLE_DELIMITER_ROW.search(text):
        text, offsets = _read_danda_bars(text, offsets)
    passes = _PASSES if inner_bullets else [(_OPENING_BULLET, rewrite) if pattern is _BULLET else (pattern, rewrite)
                                            for pattern, rewrite in _PASSES]
    for pattern, rewrite in [_INVISIBLE, _DECOMPOSED, _ETHIOPIC_FULL_STOP] + (passes if markdown else []) + [_SPACES]:
        text, offsets = _apply(pattern, rewrite, text, offsets)
    if markdown and _CODE_CHARACTER in text:
        text = "".join(original[at] if char == _CODE_CHARACTER else char for char, at in zip(text, offsets))
    return text, offsets


def _apply(pattern: re.Pattern, rewrite: Rewrite, text: str, offsets: list[int]) -> tuple[str, list[int]]:
    out_chars: list[str] = []
    out_offsets: list[int] = []
    position = 0
    matched = False
    for match in pattern.finditer(text):
        matched = True
        out_chars.append(text[position:match.start()])
        out_offsets.extend(offsets[position:match.start()])
        for piece in rewrite(match):
            if isinstance(piece, str):
                out_chars.append(piece)
                out_offsets.extend([offsets[match.start()]] * len(piece))
            elif isinstance(piece[0], str):
                inserted, at = piece
                out_chars.append(inserted)
                out_offsets.extend([offsets[at]] * len(inserted))
            else:
                start, end = piece
                out_chars.append(text[start:end])
                out_offsets.extend(offsets[start:end])
        position = match.end()
    if not matched:
        return text, offsets
    out_chars.append(text[position:])
    out_offsets.extend(offsets[position:])
    return "".join(out_chars), out_offsets
