"""PDF files with a text layer: each page's text, located by its page number.

Text comes from pypdf (BSD licence, pure Python): its extraction follows the content stream
and handles the fonts and encodings a reader of our own would have to relearn. Pages are joined
by a plain line break, so a sentence that runs over a page break is read whole (and keeps the
page it starts on). Running heads and page numbers (a line at the top or bottom of most pages
that is the same but for its digits) are page furniture: reported as boilerplate, never pasted
into the sentence a page break cuts; they are listed after the text.

A page set in two or three columns is read column by column, as a person reads it. pypdf reads a
page's text in the order its content stream draws it, and some producers draw such a page row by
row across the columns (a line of the left column, then the line beside it in the right one): every
line read was two columns' lines glued, every sentence garbled. Where the stream switches columns
on every line or two (`_drawn_across_columns`, from where each piece of text starts), the page is
laid out by pypdf's layout mode and read down each column in turn (`_read_by_columns`); a line across
the columns (a title, a caption, a page number) stays where it stands. A page drawn one column after
the other, and a page of one column, are read as pypdf reads them, to the byte.

A scanned PDF has no text layer; it gets a one-line error that says so.
"""
from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
from collections import Counter
from contextlib import contextmanager

from .. import lazy_re
from ..errors import InputError
from ..language import LINE_ENDS_SENTENCE, LIST_ITEM, MAX_DETECT_CHARS, detect_language
from ..pages import furniture_edges
from ..startup import load_sentencepiece
from .base import Block, Reader, broken, tidy


def _page_blocks(pages: list[str]) -> list[Block]:
    lines_of = [[line for line in tidy(page).split("\n") if line.strip()] for page in pages]
    words = _words(lines_of)
    casing = Casing(lines_of)
    lexicon = _Lexicon(lines_of)
    out: list[Block] = []
    notes: list[Block] = []
    furniture: list[Block] = []
    for number, (lines, (tops, bottoms)) in enumerate(zip(lines_of, furniture_edges(lines_of)), start=1):
        top, rest, bottom = lines[:tops], lines[tops:len(lines) - bottoms], lines[len(lines) - bottoms:]
        contents = _contents(rest)
        furniture += [Block(line, f"page {number}", furniture=True)
                      for line in top + [line for k, line in enumerate(rest) if k in contents] + bottom]
        rest = [line for k, line in enumerate(rest) if k not in contents]
        footnotes = _footnotes(rest)
        notes += [Block(line, f"page {number}") for line in rest[len(rest) - footnotes:]]
        rest = rest[:len(rest) - footnotes]
        # Footnotes set smaller under a sentence that runs over the page break go after the text too,
        # one block each page: left in place, "... that Debian will get an" / "1The Linux Standard
        # Base ..." / "LSB certification ..." cut the sentence in two around them.
        notes_at = _footnotes_start(rest)
        if notes_at < len(rest) and not LINE_ENDS_SENTENCE.search(rest[notes_at - 1]):
            notes.append(Block(_full_lines_joined(rest[notes_at:], words, lexicon, casing), f"page {number}"))
            rest = rest[:notes_at]
        if rest:
            out.append(Block(_full_lines_joined(rest, words, lexicon, casing), f"page {number}", continues=True))
    # After the text rather than in it: between two pages they would cut the sentence running over.
    return out + notes + furniture


# A table of contents' entry: its dot leader to the page number, and an entry without one (a chapter's,
# set in bold: "2 Getting and installing Debian GNU/Linux 5") between its number and its page's.
_LEADER = lazy_re.compile(r"(?:\.\s?){4,}\s*(?:\d+|[ivxlcdm]+)?\s*$")
_ENTRY = lazy_re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*\.?\s+\S.*\s(?:\d+|[ivxlcdm]+)\s*$")


def _contents(lines: list[str]) -> set[int]:
    """The lines of a page that are a table of contents (or an index), page furniture as Word's and
    an e-book's are: from its first line with a dot leader to its last, the lines of an entry that runs
    over two between them, and the entries without a leader next to them. Read as text, the Debian
    FAQ's contents were some 130 numbers a translation had changed, "2" against "3", for each language
    the PDF comes in (its pages come earlier or later), each a false fact mismatch."""
    leaders = [k for k, line in enumerate(lines) if _LEADER.search(line)]
    if len(leaders) < 2:
        return set()
    first, last = leaders[0], leaders[-1]
    while first > 0 and _ENTRY.match(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _ENTRY.match(lines[last + 1]):
        last += 1
    return set(range(first, last + 1))


# A line this full of its page's width that ends no sentence runs on into the next line.
_FULL_LINE = 0.8
_ITEM = lazy_re.compile(r"\s*(?:\(?\d{1,3}[.)]\s|" + LIST_ITEM.pattern.removeprefix("\\s*") + ")")


def _full_lines_joined(lines: list[str], words: Counter[str] | None = None, lexicon: _Lexicon | None = None,
                       casing: Casing | None = None) -> str:
    """A page's lines, each full line that ends no sentence joined to the next by a space where the
    next goes on with it: a figure ("environ 38" / "000 voyageurs"), a name ("La maire Ingrid" /
    "Solberg a qualifié ..."), or after a short lower-case word ("... visited the" / "Eiffel Tower").

    Set in a proportional font, a paragraph's lines are not of one length in characters, so the
    plain-text rule for a hard-wrapped file (`wrapping.wrap_width`) does not see them as wrapped,
    and a line that opened with a capital or a digit began a paragraph: two sentences each. A
    short line (a heading), a line ending in another word ("... to the harbour" / "By Anna Berg")
    and a hyphenated one keep their line break, for the paragraph rule to read; a word the
    typesetter broke at the line end ("thou-" / "sand") is joined whole (`_broken_word`)."""
    width = max(len(line.strip()) for line in lines[:_footnotes_start(lines)] or lines)
    lines = _rejoined(lines, words or Counter(), lexicon)
    notes_at = _footnotes_start(lines)
    casing = casing or Casing([])
    out = []
    for k, line in enumerate(lines):
        text = line.strip()
        joins = False
        if k + 1 < len(lines) and len(text) >= _FULL_LINE * width and not text.endswith("-") \
                and not LINE_ENDS_SENTENCE.search(text) and text.split():
            last, after = text.split()[-1], lines[k + 1].split()
            first = after[0][:1]
            # A noun in a language that writes every noun with a capital (`Casing.goes_on_into_noun`)
            # says nothing of a sentence's start, as the first word of the next line or its second:
            # "... auf einem" / "Debian-basierten Rechner Erfolg haben." was two sentences in the Debian
            # FAQ's German PDF. A table's row ends in a figure or a bracket ("... Security (TLS)" /
            # "FTP-Dienst ...").
            # Not before a numbered step or a list item ("1. Switch off ..."), nor before a line
            # that is a name of its own ("Carl Olsen, Chief Financial Officer" under "... Board"); a
            # sentence that ends on the line's first word leaves the second's capital saying nothing
            # ("... sondern eine andere" / "Distribution. Das ist nicht das gleiche.").
            goes_on = (len(after) == 1 or not after[1][:1].isupper() or casing.goes_on_into_noun(text, after, 1, True)
                       or _ENDS_SENTENCE_AFTER_WORD.fullmatch(after[0]) is not None)
            # A word the document writes with a capital inside its sentences (German's nouns, a name)
            # opens no sentence by its capital: "... sowie den GNU-, FSF- und sonstigen" / "Werkzeugen
            # zielt darauf ab ..." in the Debian FAQ's German PDF was two sentences, a false split.
            named = last[:1].isupper() or casing.inside(after[0]) or casing.goes_on_into_noun(text, after, 0, True)
            joins = not _ITEM.match(lines[k + 1]) and k + 1 != notes_at and (
                (first.isdigit() and goes_on) or (first.isupper() and named and goes_on)
                or (last.isalpha() and last.islower() and len(last) <= 3))
        out.append(text + (" " if joins else "\n"))
    return "".join(out).rstrip("\n")


# A word of two letters or more (no initial, "J.") and a sentence's end after it.
_ENDS_SENTENCE_AFTER_WORD = lazy_re.compile(r"[\"'„“‚‘»«(]?[^\W\d_]{2,}(?:[-’'][^\W\d_]+)*[)\"'“”’»«]?[.!?][)\"'“”’»«]?")
# Marks that end a word standing alone on a line as the last of a sentence or a clause.
_CLOSING_PUNCTUATION = ".,;:!?)»”"
# A footnote's first line as LaTeX's text layer gives it: its raised number glued to its first word
# ("1Die Linux Standard Base ...").
_FOOTNOTE_OPENING = lazy_re.compile(r"\d{1,2}[^\W\d_]{2}")


def _footnotes_start(lines: list[str]) -> int:
    """Where a page's footnotes start (a footnote's first line in its lower half), or its length. Set
    smaller, a footnote's lines hold more characters than the text's: measured against them, the
    text's full lines stood short of full, and the Debian FAQ's German PDF, page 26, "... um nach
    Möglichkeit" / "Binärkompatibilität zwischen ..." (97 characters under a footnote's 125) was two
    sentences. No line goes on into a footnote ("... facendo il" / "1Nel 2014 Debian ...")."""
    for k in range(max(1, len(lines) // 2), len(lines)):
        if _FOOTNOTE_OPENING.match(lines[k].strip()):
            # Set smaller than the text, a footnote's widest line passes the text's: a line opening
            # on "3D-Druck" inside the text is none.
            wider = max(len(line.strip()) for line in lines[k:]) > max(len(line.strip()) for line in lines[:k])
            return k if wider else len(lines)
    return len(lines)


# A word as the hyphen rule counts it: letters, with the apostrophes and hyphens inside it ("c'est-à-dire").
_WORD = lazy_re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# The words after a hyphen that leave it hanging: "Ein- und Ausgang", "pre- and post-war".
_CONJUNCTIONS = frozenset("and or nor et ou und oder bzw sowie bis y o e en of".split())
_BREAKS = ("-", "\u2010", "\u00ad")
_VOWELS = frozenset("aeiouyàâäáéèêëíìîïóòôöúùûü")
# Parts that make compounds with a hyphen of their own and are no typesetter's syllable: "self-" /
# "evident", "twenty-" / "first", "dix-" / "huit", "celui-" / "ci", "peut-" / "être", "кто-" / "то".
_COMPOUND_HEADS = frozenset(
    "self non ex twenty thirty forty fifty sixty seventy eighty ninety "
    "dix vingt trente quarante cinquante soixante grand demi mi après avant arrière "
    "кое".split())
_COMPOUND_TAILS = frozenset("ci là même mêmes être то либо нибудь таки".split())


# A document that writes its nouns with a capital (German, Luxembourgish): at least this share of the
# words after a lower-case word inside a line open in a capital (and are no acronym). The Debian FAQ's,
# Reference's and New Maintainers' Guide's German PDFs 0.36-0.41; those in English, French, Italian,
# Dutch, Portuguese, Russian, Spanish, Japanese and Chinese 0.02-0.05 (names, titles, commands).
NOUNS_CAPITALISED_SHARE = 0.2
# Fewer such pairs of words than this tell nothing of the language.
MIN_CASED_PAIRS = 20


class Casing:
    """What a document's own lines say of the words it writes with a capital."""

    def __init__(self, lines_of: list[list[str]]):
        capitalised: set[str] = set()
        self._lower: set[str] = set()
        title = lower = 0
        for line in (line for lines in lines_of for line in lines):
            tokens = line.split()
            self._lower.update(match.group() for token in tokens if (match := _WORD.match(token)) and match.group().islower())
            for before, token in zip(tokens, tokens[1:]):
                if not (before[:1].islower() and before[-1:].isalpha()):
                    continue
                word = _WORD.match(token)
                if word is None:
                    continue
                if token[:1].isupper():
                    capitalised.add(word.group())
                if word.group() == token.rstrip(",.;:") and before.isalpha():
                    title += token[:1].isupper() and not word.group().isupper()
                    lower += word.group().islower()
        self._capitalised = frozenset(capitalised)
        self.nouns_capitalised = title + lower >= MIN_CASED_PAIRS and title >= NOUNS_CAPITALISED_SHARE * (title + lower)

    def inside(self, token: str) -> bool:
        """Whether `token` opens with a word the document writes with a capital after a lower-case word."""
        word = _WORD.match(token)
        return word is not None and word.group() in self._capitalised

    def goes_on_into_noun(self, line: str, after: list[str], at: int = 0, closing_alone: bool = False,
                          lower_case_end: bool = False) -> bool:
        """Whether the sentence `line` ends in goes on into the next line, whose words are `after`: its
        word `after[at]` is a noun (`noun`), whose capital says nothing of a sentence's start. Only after
        a line ending in a word (with `lower_case_end`, a word in lower case) or a comma, and before more
        than a word alone: a box's label stands alone under its caption ("Tabelle 9.5: ...
        -Einstellung" / "Tipp"); with `closing_alone`, a word alone that closes a sentence or a clause
        goes on too (a PDF's last word of a paragraph)."""
        words = line.split()
        last = words[-1] if words else ""
        ends_open = last[-1:] == "," or (last.isalpha() and last.islower() if lower_case_end else last[-1:].isalpha())
        return (ends_open and at < len(after)
                and (len(after) > 1 or (closing_alone and after[0][-1:] in _CLOSING_PUNCTUATION))
                and self.noun(after[at]))

    def noun(self, token: str) -> bool:
        """Whether `token` is a word that, in a document that writes its nouns with a capital, is one:
        the document never writes it in lower case. One it does ("Die", "Wenn", "Das") may open a sentence."""
        word = _WORD.match(token)
        return (self.nouns_capitalised and word is not None and word.group() == token.rstrip(",.;:?!)»”'\"")
                and word.group()[:1].isupper() and not word.group().isupper() and word.group().lower() not in self._lower)


def _words(lines_of: list[list[str]]) -> Counter[str]:
    """How often each word (lower-cased) stands in the document, the halves of a word broken at a
    line end ("thou-" / "sand") not counted: the evidence `_broken_word` weighs."""
    words: Counter[str] = Counter()
    for lines in lines_of:
        for k, line in enumerate(lines):
            found = [match.group().lower() for match in _WORD.finditer(line)]
            if found and k + 1 < len(lines) and line.rstrip().endswith(_BREAKS):
                found.pop()
            if found and k and lines[k - 1].rstrip().endswith(_BREAKS) and _WORD.match(line.lstrip()):
                found.pop(0)
            words.update(found)
            # The parts of a compound written whole ("self-made"): "self-" and "-made", evidence that
            # each makes compounds with a hyphen.
            for word in found:
                parts = re.split("[-\u2010]", word)
                words.update([part + "-" for part in parts[:-1]] + ["-" + part for part in parts[1:]])
    return words


# A web address the typesetter broke at a line end, after a full stop or a slash, as LaTeX's \\url does
# ("(https://www." / "debian.org/social_contract#guidelines))."): read with a line break inside it,
# the address was "https://www", and every one a false fact mismatch against a translation that
# broke it elsewhere. It goes on where the next line opens with more of an address (a slash, a
# dot, an anchor in its first word); an address closed by its bracket, or before a word, ends there.
_URL_BROKEN = lazy_re.compile(r"(?:https?://|www\.)[^\s()<>\[\]\"“”]*[/.#_=?&~%:-]$")
_URL_GOES_ON = lazy_re.compile(r"[a-z][\w~%-]*[/.#=?&][^\s]*")


def _rejoined(lines: list[str], words: Counter[str], lexicon: _Lexicon | None = None) -> list[str]:
    """The lines with each word a typesetter broke at a line end whole on the first of them
    ("three thou-" / "sand people" is "three thousand" / "people"), by `_broken_word`, and a line
    ending in a compound's own hyphen before a capital or a figure one with the next ("als Nord-" /
    "Süd-Konflikt beschrieben" is "als Nord-Süd-Konflikt beschrieben"); a line left empty is dropped."""
    lines = [line.strip() for line in lines]
    for k in range(len(lines) - 1):
        if _URL_BROKEN.search(lines[k]) and (going_on := _URL_GOES_ON.match(lines[k + 1])):
            lines[k], lines[k + 1] = lines[k] + going_on.group(0), lines[k + 1][going_on.end():].strip()
            continue
        moved = _broken_word(lines[k], lines[k + 1], words, lexicon)
        if moved is not None:
            lines[k], lines[k + 1] = lines[k][:-1] + moved[0], moved[1]
        elif _compound_before_capital(lines[k], lines[k + 1]):
            # The two lines one: the word moved up alone would leave the next line short of full,
            # and its own line break a paragraph's.
            lines[k], lines[k + 1] = "", lines[k] + lines[k + 1]
    return [line for line in lines if line]


def _broken_word(line: str, following: str, words: Counter[str],
                 lexicon: _Lexicon | None = None) -> tuple[str, str] | None:
    """Where `line` ends in a word cut by a hyphen, what goes on it in place of the hyphen and what
    is left of `following`: ("sand", "people ...") for "thou-" / "sand people ..."; None where the
    hyphen and the line break stay as they are. The rule, in its order:

    - kept: the next line opens with no lower-case letter ("Nagorno-" / "Karabakh", "Bundes-" /
      "Republik", "COVID-" / "19"), or the part before the hyphen is one letter, capitals only
      or a compound already ("e-" / "mail", "c'est-à-" / "dire");
    - "X- and Y", the hyphen left hanging, before "and", "und", "et"... ("Ein-" / "und Ausgang");
    - kept: the document writes "X-Y" elsewhere;
    - joined: the document writes "XY" elsewhere ("thousand");
    - kept: both parts are words the document uses on their own ("well" / "known", "peut" /
      "être"), or joining them would double a vowel ("anti-" / "inflammatory");
    - kept, where the document says nothing of the word: both parts are words of the language's
      own and the two written whole are none (`_Lexicon.compound`: "decision-" / "making");
    - joined otherwise: a typesetter's break ("per-" / "sonnes")."""
    if line.endswith("\u00ad"):  # a soft hyphen: a break the typesetter chose, never the word's own
        after = _WORD.match(following)
        return (following[:after.end()], following[after.end():].strip()) if after else None
    if not line.endswith(("-", "\u2010")) or line[-2:-1] in ("-", "\u2010"):
        return None
    before = _WORD.findall(line[:-1])
    after = _WORD.match(following)
    if not before or not after or not line[:-1].endswith(before[-1]):
        return None
    head, tail = before[-1], after.group()
    if not tail[0].islower() or len(head) == 1 or head.isupper() or "-" in head:
        return None
    rest = following[after.end():]
    if tail.lower() in _CONJUNCTIONS:
        return "- " + tail, rest.strip()
    if words[f"{head}-{tail}".lower()]:
        return None
    # A compound's hyphen, not a typesetter's: the part after it a compound itself ("c'est-" /
    # "à-dire", "mother-" / "in-law", "arc-" / "en-ciel"), a part that makes compounds (the
    # document writes "self-made", or it is one of the usual), two vowels meeting ("franco-" /
    # "alemán", "auto-" / "industrie": the word written whole would read otherwise).
    lower_head, lower_tail = head.lower(), tail.lower()
    if ("-" in tail or lower_head.rsplit("'", 1)[-1].rsplit("’", 1)[-1] in _COMPOUND_HEADS
            or lower_tail in _COMPOUND_TAILS or words[lower_head + "-"] or words["-" + lower_tail]
            or (lower_head[-1] in _VOWELS and lower_tail[0] in _VOWELS)) and not words[lower_head + lower_tail]:
        return None
    if not words[(head + tail).lower()] and (
            (words[head.lower()] and words[tail.lower()]) or (head[-1].lower() == tail[0] and tail[0] in _VOWELS)
            or (lexicon is not None and lexicon.compound(head, tail))):
        return None
    # The word's trailing punctuation goes with it ("sand," / "sand.").
    punctuation = re.match(r"[^\s]*", rest).group()
    return tail + punctuation, rest[len(punctuation):].strip()


# A compound's hyphen at a line end, before a capital or a figure: "Nord-" / "Süd-Konflikt", "EU-" /
# "Kommission", "Nagorno-" / "Karabakh", "COVID-" / "19" (`_broken_word` keeps it).
_HYPHEN_BEFORE_CAPITAL = lazy_re.compile(r"(?<=[^\W_])[-\u2010]$")


def _compound_before_capital(line: str, following: str) -> bool:
    """Whether `line` ends in a compound's own hyphen and `following` opens with the rest of the
    compound, a capital or a figure: left at the line's end, the break before a capital opened a
    paragraph, "Der Streit wurde als Nord-" and "Süd-Konflikt beschrieben" two sentences."""
    opening = following[:1]
    return bool(_HYPHEN_BEFORE_CAPITAL.search(line)) and line[-2:-1] not in ("-", "\u2010") \
        and (opening.isupper() or opening.isdigit())


# Words cut at a line end and written whole elsewhere that tell a text hyphenated by its typesetter.
MIN_HYPHENATED_WORDS = 2


class LineEndHyphens:
    """The rule of `_broken_word` for a text read as it was written, hard-wrapped: what stands for
    "head-" / "tail" at a line end, weighed on the words of the whole text."""

    def __init__(self, lines: list[str], typeset: bool = False):
        self._words = _words([lines])
        self._lexicon = _Lexicon([lines])
        # Whether the text was hyphenated at all: a wrapper that breaks lines at hyphens (Python's
        # textwrap) cuts only compounds, and there the rule's guesses for a word the text says
        # nothing of joined "aide-" / "préparateur" and "entre-" / "bâillant". Evidence is a word
        # cut at a line end that the text writes whole elsewhere, more often than it writes one
        # cut there with its hyphen.
        whole = hyphenated = 0
        for line, following in zip(lines, lines[1:]):
            head, tail = _WORD.findall(line[:-1])[-1:], _WORD.match(following.lstrip())
            if line.rstrip().endswith(("-", "\u2010")) and head and tail:
                whole += self._words[(head[0] + tail.group()).lower()] > 0
                hyphenated += self._words[f"{head[0]}-{tail.group()}".lower()] > 0
        # A printed book's pages dumped as text (`pages.text_pages`) were set by a typesetter, whose
        # hyphens are read as a PDF's are: there a page's few breaks were no evidence, and "some-" /
        # "times" over a page break kept its hyphen.
        self._hyphenated = typeset or (whole >= MIN_HYPHENATED_WORDS and whole > hyphenated)
        # groff prints a man page's hyphens as "-" and marks the breaks it hyphenates with U+2010
        # HYPHEN: where that character stands at line ends only, each is a break's ("FOR\u2010" /
        # "MAT2", "ac\u2010" / "tuelle"), whatever the words say.
        self._break_mark = (any(line.rstrip().endswith("\u2010") for line in lines)
                            and not any("\u2010" in line.rstrip().rstrip("\u2010") for line in lines))

    def joint(self, line: str, following: str) -> str:
        """"" where the hyphen is a typesetter's ("thou-" / "sand"), "- " where it is left hanging
        ("Ein-" / "und Ausgang"), "-" where it is the word's own ("Nagorno-" / "Karabakh")."""
        if self._break_mark and line.rstrip().endswith("\u2010"):
            return ""
        moved = _broken_word(line.rstrip(), following.lstrip(), self._words, self._lexicon)
        if moved is None:
            return "-"
        if moved[0].startswith("- "):
            return "- "
        head, tail = _WORD.findall(line.rstrip()[:-1])[-1], _WORD.match(following.lstrip()).group()
        if self._hyphenated or self._words[(head + tail).lower()]:
            return ""
        # No evidence either way: a head that is no word of the language is a syllable ("Sec-" /
        # "retary", "perfor-" / "mance"), whatever cut the line; a compound's is a word ("aide-" /
        # "préparateur", whose tail the vocabulary does not hold whole).
        return "-" if self._lexicon.word(head) is not False else ""


# The languages that write a compound of two words of their own with a hyphen ("decision-making",
# "porte-parole", "guarda-chuva"), where a hyphen at a line end between two such words is the
# compound's more often than a typesetter's. Not German, Dutch or the Nordic languages, which write
# such compounds whole ("Haustür"): there a break between two words ("Haus-" / "tür") is a typesetter's.
_OPEN_COMPOUND_LANGUAGES = frozenset({"en", "fr", "pt"})
# Parts that make words written whole, which the rule below would read as compounds: measured on
# the syllable breaks of the 200,000 commonest words of each language (wordfreq, pyphen), these were
# most of the breaks it kept ("care-" / "fully", "some-" / "where", "exata-" / "mente").
_CLOSED_HEADS = {"en": frozenset("some any every when what who which where there here more under over with out down "
                                 "grand home".split())}
_CLOSED_TAILS = {"en": frozenset("able ably ible less ness ment ship ward wards wise where ever body thing things "
                                 "self selves some over land place work fully".split()),
                 # and the endings of conjugated verbs that are words too ("cherche-" / "rais", "promet-" /
                 # "tais", "écou-" / "tons", "cares-" / "sait"), which no French compound ends in.
                 "fr": frozenset("nelle nelles sant sante sants tant tante tants rais rait sais sait tais tait "
                                 "tons sons ries".split()),
                 "pt": frozenset(["mente"])}
# Parts shorter than this are syllables as often as words ("for-" / "got", "car-" / "pet").
_MIN_PART_LETTERS = 4


class _Lexicon:
    """The words of the document's language, for a hyphen the document gives no evidence on: the
    whole words of the default encoder's vocabulary (sentencepiece's pieces that open a word, 69,000
    of them in the 16 languages it was trained for), with the language detected on the document's
    text. Both are read only when a hyphen needs them."""

    def __init__(self, lines_of: list[list[str]]):
        self._lines_of = lines_of
        self._language: str | None = None
        self._pieces = None

    def _read(self) -> bool:
        if self._language is None:
            taken: list[str] = []
            size = 0
            for line in (line for lines in self._lines_of for line in lines):
                if size >= MAX_DETECT_CHARS:
                    break
                taken.append(line)
                size += len(line) + 1
            self._language = detect_language(" ".join(taken)[:MAX_DETECT_CHARS])[0]
            if self._language in _OPEN_COMPOUND_LANGUAGES:
                try:
                    self._pieces = load_sentencepiece()
                except Exception:  # a damaged model file: the rule goes without it, as before it
                    self._pieces = None
        return self._pieces is not None

    def _word(self, word: str) -> bool:
        """Whether `word` (as written, lower case or capitalised) is one of the vocabulary's words."""
        for spelled in dict.fromkeys((word, word.lower(), word.capitalize())):
            if not self._pieces.is_unknown(self._pieces.piece_to_id("\u2581" + spelled)):
                return True
        return False

    def word(self, word: str) -> bool | None:
        """Whether `word` is a word of the language; None where it cannot tell."""
        return self._word(word) if self._read() else None

    def compound(self, head: str, tail: str) -> bool:
        """Whether "head-" / "tail" at a line end is a compound written with its hyphen: both parts
        words of the language (four letters or more, neither a part of words written whole), the
        two written whole no word, and the vocabulary's pieces of them written whole parted where
        the hyphen stood ("decisionmaking" is "▁decision" "making")."""
        if len(head) < _MIN_PART_LETTERS or len(tail) < _MIN_PART_LETTERS or not head.isalpha() \
                or not tail.isalpha() or not self._read():
            return False
        lower_head, lower_tail = head.lower(), tail.lower()
        if lower_head in _CLOSED_HEADS.get(self._language, ()) or lower_tail in _CLOSED_TAILS.get(self._language, ()) \
                or lower_tail == lower_head[-1] + "ing":  # a doubled consonant before "-ing": "drag-" / "ging"
            return False
        if self._word(head + tail) or not self._word(head) or not self._word(tail):
            return False
        read = 0
        for piece in self._pieces.encode(lower_head + lower_tail, out_type=str):
            read += len(piece.lstrip("\u2581"))
            if read >= len(lower_head):
                return read == len(lower_head)
        return False


# A footnote at a page's foot: its number, a space, a capital ("1 Sources: parish records ...").
_FOOTNOTE = lazy_re.compile(r"\d{1,2}\s+[^\W\d_a-z]")
_MAX_FOOTNOTES = 4


def _footnotes(lines: list[str]) -> int:
    """How many of a page's last lines are footnotes that stand inside a sentence running over the
    page break (the line above them ends no sentence): read in place, "... was planted / 1 Sources:
    parish records ... / forty years ago" cut the sentence in two. They are read after the text."""
    count = 0
    while count < min(_MAX_FOOTNOTES, len(lines) - 1) and _FOOTNOTE.match(lines[-1 - count]):
        count += 1
    return count if count and not LINE_ENDS_SENTENCE.search(lines[-1 - count]) else 0


# A typeset PDF draws "fi", "ffi", "fl" as one ligature glyph, which the extraction gives as the
# presentation form (U+FB01 "ﬁ"): "oﬃce", "ﬁnance" went into the TMX and XLIFF as written, a
# segment no CAT tool matches to "office", and a word the encoder and the fact checks did not know.
# Arabic glyphs shaped by the producer come as their presentation forms (U+FE8D...) likewise. Each
# is read as the letters it stands for, as a PDF viewer's search reads it.
_PRESENTATION_FORMS = lazy_re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]+")


def _unligated(text: str) -> str:
    return _PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)


_FONTS_PATCHED = threading.Lock()


@contextmanager
def _own_space_widths():
    """pypdf takes a font's space to be the glyph its code 0x20 draws, whatever that is. A composite
    font (Type0, Identity-H: what XeLaTeX and LuaLaTeX embed) numbers its glyphs, not characters, and
    typesets a word's gap as a shift of the pen with no space glyph at all: the Debian FAQ's PDFs set
    in Charis SIL, whose glyph 32 is 1,000 units wide, had every gap (300 to 460 units) read as no
    space, "Freesoftwaremeansthatyouhavethefreedom...", and every line a sentence of its own. Where the
    font's own map to Unicode says the code stands for another character, its space is the glyph it
    maps to a space, or pypdf's estimate for a font without one (half its usual glyph width)."""
    try:
        from pypdf.generic._font import Font
        original = Font.__dict__["from_font_resource"]
        build = original.__func__
    except (ImportError, AttributeError, KeyError):  # another pypdf: read as it reads
        yield
        return

    def from_font_resource(cls, *args, **kwargs):
        font = build(cls, *args, **kwargs)
        try:
            shown = font.character_map.get(font.space_char)
            if shown is not None and shown != " ":
                spaces = [code for code, text in font.character_map.items() if text == " "]
                own = next((font.character_widths[code] for code in spaces if font.character_widths.get(code)), 0)
                font.space_width = own or font.character_widths.get("default", 500) // 2
        except (AttributeError, TypeError):
            pass
        return font

    with _FONTS_PATCHED:
        Font.from_font_resource = classmethod(from_font_resource)
        try:
            yield
        finally:
            Font.from_font_resource = original


# --------------------------------------------------------------------------- pages set in columns
# The operators that show text: where each starts is where its text stands on the page.
_SHOWS = frozenset((b"Tj", b"TJ", b"'", b'"'))
# Text starting this far right of the page's leftmost text (a share of the page's width) may open a
# column: a paragraph's indent or a list's hanging one does not.
_COLUMN_OFFSET = 0.15
# A column's edge: the starts of text on at least this many of the page's lines, and this share.
_MIN_COLUMN_ROWS = 5
_COLUMN_ROW_SHARE = 0.25
# The fewest lines a column holds, as a share of the longest column's.
_COLUMN_BALANCE = 0.5
# The share of a document's pages read by columns above which a page of a few lines in its columns is.
_COLUMN_PAGES = 0.5
# The characters a column's line shows at the least (most of its lines), a narrow column's too.
_MIN_COLUMN_LINE = 12
# How far right of its column's edge a line of the column may start (points: a paragraph's indent),
# and the share of the moves into a column that land there.
_INDENT = 20.0
_AT_EDGE = 0.7
# Lines an edge's bucket spans (points): a column's lines start within a point or two of each other.
_EDGE_BUCKET = 3.0


# A piece of text the content stream shows: where it starts on the page (x, y, in points) and how
# many characters (bytes) it shows.
Shown = tuple[float, float, int]


def _position(tm: list[float], cm: list[float]) -> tuple[float, float]:
    """Where the text matrix `tm` in the page's transformation `cm` puts the pen, in page points."""
    return (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])


def _shown_chars(operator: bytes, operands: list, code_bytes: int = 1) -> int:
    """How many characters a text-showing operator shows, in a font of `code_bytes` bytes a glyph."""
    shown = operands[-1] if operands else b""
    if operator == b"TJ":
        count = sum(len(item) for item in shown if isinstance(item, (str, bytes))) if isinstance(shown, list) else 0
    else:
        count = len(shown) if isinstance(shown, (str, bytes)) else 0
    return count // code_bytes


def _code_bytes(page) -> dict[str, int]:
    """The bytes a glyph of each of the page's fonts takes in its strings: two in a composite font
    (Type0: what XeLaTeX, LuaLaTeX and most office suites embed), one in the others."""
    try:
        fonts = page["/Resources"]["/Font"]
        return {name: 2 if fonts[name].get_object().get("/Subtype") == "/Type0" else 1 for name in fonts}
    except (KeyError, TypeError, AttributeError):
        return {}


def _column_edges(shown: list[Shown], page_width: float) -> list[float]:
    """The x of each column's left edge after the first: an x, well right of the page's leftmost
    text and of the other columns' edges, at which the text of many of the page's lines starts."""
    if not shown:
        return []
    leftmost = min(x for x, _, _ in shown)
    rows = {round(y) for _, y, _ in shown}
    rows_at: dict[int, set[int]] = {}
    for x, y, _ in shown:
        if x > leftmost + _COLUMN_OFFSET * page_width:
            rows_at.setdefault(round(x / _EDGE_BUCKET), set()).add(round(y))
    needed = max(_MIN_COLUMN_ROWS, _COLUMN_ROW_SHARE * len(rows) / 2)
    edges: list[float] = []
    for bucket in sorted(rows_at, key=lambda bucket: -len(rows_at[bucket])):
        if len(rows_at[bucket] | rows_at.get(bucket - 1, set()) | rows_at.get(bucket + 1, set())) < needed:
            break
        # A column is wide: an x this near one found is a word inside that column's lines.
        if all(abs(bucket * _EDGE_BUCKET - edge) > _COLUMN_OFFSET * page_width for edge in edges):
            edges.append(bucket * _EDGE_BUCKET - _EDGE_BUCKET)
    return sorted(edges)


def _drawn_across_columns(shown: list[Shown], edges: list[float], min_rows: int = _MIN_COLUMN_ROWS) -> bool:
    """Whether the page draws its text row by row across the columns whose left edges are `edges`: a
    line of one column, then a line of the next, as its content stream orders it (what pypdf reads in).
    A page that draws one column after the other switches columns a few times; one drawn across them
    switches on every line or two, and shows a line's worth of text in a column before each switch (a
    table's cells, a contents' dot leaders and page numbers are a word or a figure each)."""
    if not edges:
        return False
    columns = [sum(x >= edge - _EDGE_BUCKET for edge in edges) for x, _, _ in shown]
    runs: list[tuple[int, int, float]] = []  # (column, characters shown, x it starts at) till each switch
    rows = [set() for _ in range(len(edges) + 1)]
    for k, ((x, y, chars), column) in enumerate(zip(shown, columns)):
        if k == 0 or columns[k - 1] != column:
            runs.append((column, 0, x))
        runs[-1] = (column, runs[-1][1] + chars, runs[-1][2])
        rows[column].add(round(y))
    lines = [len(found) for found in rows]
    # Columns of about one length, each of many lines: a table's column or a margin's labels beside
    # a page of prose is no page of columns (a column of a few lines, on a chapter's last page, is
    # weighed on the document's other pages).
    balanced = min_rows < _MIN_COLUMN_ROWS or min(lines) >= _COLUMN_BALANCE * max(lines)
    # A line's worth of text before each move to the next column, a term or a figure in a table's.
    onwards = [chars for (column, chars, _), (following, _, _) in zip(runs, runs[1:]) if following > column]
    shown_in = [[chars for column, chars, _ in runs if column == k] for k in range(len(edges) + 1)]
    # Each move into a column to its line's start: one into the middle of a line is a line of one
    # column going on after a word set apart (a command, a name in another font).
    at_edge = [start - edges[column - 1] <= _INDENT for column, _, start in runs if column]
    return balanced and len(runs) - 1 >= 2 * min_rows and len(runs) - 1 >= min(lines) > 0 \
        and all(_median(found) >= _MIN_COLUMN_LINE for found in [onwards, *shown_in]) \
        and sum(at_edge) >= _AT_EDGE * len(at_edge)


def _median(values: list[int]) -> int:
    return sorted(values)[len(values) // 2] if values else 0


# A gutter: a run of at least this many characters of the page laid out in fixed width ...
_MIN_GUTTER = 2
# ... that at most this share of the page's lines cross (a title, a caption across the columns) ...
_GUTTER_CROSSING = 0.2
# A column of prose: half its lines or more at least this full of its width (a table's column of
# terms, page numbers or figures is no column to read down).
_PROSE_FULLNESS = 0.5
# ... and its lines this long (characters) at the most at least: no column of page numbers.
_MIN_COLUMN_WIDTH = 15


def _gutters(rows: list[str], min_rows: int = _MIN_COLUMN_ROWS) -> list[tuple[int, int]]:
    """The gutters between the columns of a page laid out in fixed width: (first, end) of each run of
    character positions that (nearly) no line writes in, ending where the next column's text starts
    on several lines that have text before the gutter too (a column may hold a few lines only, on a
    chapter's last page)."""
    width = max(len(row) for row in rows)
    written = [0] * width
    for row in rows:
        for at, char in enumerate(row):
            written[at] += char != " "
    crossing = _GUTTER_CROSSING * len(rows)
    gutters = []
    at = int(0.1 * width)
    while at <= 0.9 * width:
        if written[at] > crossing:
            at += 1
            continue
        start = at
        while at < width and written[at] <= crossing:
            at += 1
        end = _column_start(rows, start, at, min_rows)
        if end is not None:
            gutters.append((start, end))
            at = end
    return gutters


def _column_start(rows: list[str], start: int, stop: int, min_rows: int) -> int | None:
    """Where, after a blank run of character positions from `start`, the next column's text starts on
    `min_rows` lines or more that have text before `start` too; None where it starts on fewer."""
    for end in range(start + _MIN_GUTTER, stop + 1):
        if sum(1 for row in rows if row[end:end + 1].strip() and row[:start].strip() and not row[start:end].strip()) >= min_rows:
            return end
    return None


def _crosses(row: str, gutters: list[tuple[int, int]]) -> bool:
    """Whether the line's text runs on through a gutter: a word cut where the next column starts, or
    text in the gutter's middle (a title or a page number centred on the page). A column's long line
    that reaches into the gutter only on its left is no crossing."""
    for start, end in gutters:
        middle = (start + end) // 2
        if row[middle:middle + 1].strip() or (row[end - 1:end].strip() and row[end:end + 1].strip()):
            return True
    return False


def _parts(row: str, gutters: list[tuple[int, int]]) -> list[str]:
    """A line's text in each column, cut where each column's text starts (a word of the column before
    that runs into the gutter, as a small font's may in the fixed width, stays with it)."""
    cuts = [0] + [end for _, end in gutters] + [len(row)]
    return [" ".join(row[start:end].split()) for start, end in zip(cuts, cuts[1:])]


def _across(rows: list[str], gutters: list[tuple[int, int]]) -> list[bool]:
    """Which lines of the page (blank ones included) stand across its columns: a line crossing a
    gutter, but for one between two lines that do not (a column's line with a word run into the
    gutter); and a line in one column alone with blank lines above and below it (a title, a page
    number), where a column's line has the other columns' text beside it or a line of its own above."""
    crossing = [_crosses(row, gutters) for row in rows]
    blank = [not row.strip() for row in rows]
    across = []
    for k, row in enumerate(rows):
        above = k > 0 and not blank[k - 1]
        below = k + 1 < len(rows) and not blank[k + 1]
        if blank[k]:
            across.append(False)
        elif crossing[k]:
            across.append(not (above and below and not crossing[k - 1] and not crossing[k + 1]))
        else:
            across.append(not above and not below and sum(1 for part in _parts(row, gutters) if part) == 1)
    return across


def _read_by_columns(layout: str, right_to_left: bool = False, min_rows: int = _MIN_COLUMN_ROWS,
                     stream: str | None = None) -> str | None:
    """The text of a page laid out in fixed width (pypdf's layout mode) read column by column: top
    to bottom down each column, the columns from left to right (right to left on an Arabic or Hebrew
    page), a line across the columns (a title, a caption, a footer) where it stands, the columns
    above it read before it and those below after it. None where the page has no columns of prose,
    or where reading them so mends nothing in the `stream` order pypdf read the page in."""
    rows = [row.rstrip() for row in layout.split("\n")]
    written = [row for row in rows if row]
    if len(written) < 2 * min_rows:
        return None
    gutters = _gutters(written, min_rows)
    if not gutters:
        return None
    across = _across(rows, gutters)
    parts = [_parts(row, gutters) for row, wide in zip(rows, across) if row and not wide]
    for column in zip(*parts):
        filled = sorted(len(part) for part in column if part)
        if len(filled) < min_rows or filled[-1] < _MIN_COLUMN_WIDTH \
                or filled[len(filled) // 2] < _PROSE_FULLNESS * filled[-1]:
            return None
    if stream is not None and not _mends(parts, stream):
        return None
    out: list[str] = []
    band: list[list[str]] = []
    for row, wide in zip(rows + ["\n"], across + [True]):
        if not wide:
            band.append(_parts(row, gutters))
            continue
        for column in (reversed(list(zip(*band))) if right_to_left else zip(*band)):
            out += [part for part in column if part]
        band = []
        if row.strip():
            out.append(" ".join(row.split()))
    return "\n".join(out)


# The share of the columns' lines the stream must show as they are, cut where the columns part.
_LINES_FOUND = 0.8
# The share of a column's lines beside another column's that the stream shows with the line under
# them next, above which it read the column down already.
_LINES_IN_ORDER = 0.5
_MIN_FOUND_CHARS = 4
# The characters of the stream's reading (spaces aside) the columns' reading may lack: none but a stray.
_MAX_LEFT_OUT = 2


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _mends(parts: list[list[str]], stream: str) -> bool:
    """Whether reading down the columns (`parts`: each line's text in each column) mends the order
    the stream read the page in: the columns' lines are the stream's own lines cut right (each shown
    in it as it is: a fixed-width layout that cut a word of an index or a listing in two is no page of
    columns), and a column's line beside another column's text and the line under it stand apart in
    the stream (another column's line between them). A page the stream reads column by column is
    left as it reads it."""
    shown = _squeezed(stream)
    lines = [_squeezed(part) for row in parts for part in row if len(part) >= _MIN_FOUND_CHARS]
    if sum(line in shown for line in lines) < _LINES_FOUND * len(lines):
        return False
    pairs = in_order = 0
    for k, row in enumerate(parts):
        if sum(1 for part in row if part) < 2:
            continue
        for column, part in enumerate(row):
            below = next((later[column] for later in parts[k + 1:] if later[column]), None)
            if part and below:
                pairs += 1
                in_order += _squeezed(part) + _squeezed(below) in shown
    return pairs > 0 and in_order < _LINES_IN_ORDER * pairs


_RIGHT_TO_LEFT = lazy_re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
_LETTER = lazy_re.compile(r"[^\W\d_]")


def _stream_text(page) -> tuple[str, list[Shown]]:
    """A page's text as pypdf reads it, in the content stream's order, and each piece of text the
    stream shows, in that order."""
    shown: list[Shown] = []
    code_bytes = _code_bytes(page)
    font = [1]

    def note(operator, operands, cm, tm):
        if operator in _SHOWS:
            shown.append((*_position(tm, cm), _shown_chars(operator, operands, font[0])))
        elif operator == b"Tf" and operands:
            font[0] = code_bytes.get(operands[0], 1)

    return page.extract_text(visitor_operand_before=note) or "", shown


def _columns_read(page, text: str, min_rows: int) -> str | None:
    """The page read column by column from its layout; None where its layout shows no columns of prose,
    or where laying it out fails (the stream's reading stands: a page read before is read still)."""
    right_to_left = len(_RIGHT_TO_LEFT.findall(text)) > len(_LETTER.findall(text)) / 2
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode raises where its plain mode copes (odd fonts, operands)
        return None
    columns = _read_by_columns(layout, right_to_left, min_rows, text)
    # Layout mode leaves out rotated text, which the stream's reading holds: nothing is dropped.
    if columns is None or sum((_characters(text) - _characters(columns)).values()) > _MAX_LEFT_OUT:
        return None
    return columns


def _characters(text: str) -> Counter[str]:
    return Counter(char for char in text if not char.isspace())


def _page_texts(pages) -> list[str]:
    """Each page's text: as pypdf reads it in the content stream's order, but a page drawn row by row
    across its columns read column by column. A page whose columns hold a few lines only (a chapter's
    last) is weighed on the columns of the document's pages read so, where they are most of its pages."""
    read = [_stream_text(page) for page in pages]
    edges_of = [_column_edges(shown, float(page.mediabox.width)) for page, (_, shown) in zip(pages, read)]
    texts: list[str | None] = [_columns_read(page, text, _MIN_COLUMN_ROWS) if _drawn_across_columns(shown, edges) else None
                               for page, (text, shown), edges in zip(pages, read, edges_of)]
    known = Counter(tuple(edges) for edges, columns in zip(edges_of, texts) if columns is not None)
    # A document of columns, not one with an index or a table in columns here and there.
    if known and sum(known.values()) >= _COLUMN_PAGES * len(pages):
        edges = list(known.most_common(1)[0][0])
        texts = [_columns_read(page, text, 1) if columns is None and _drawn_across_columns(shown, edges, 1) else columns
                 for page, (text, shown), columns in zip(pages, read, texts)]
    return [text if columns is None else columns for (text, _), columns in zip(read, texts)]


class PdfReader(Reader):
    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        return data[:1024].lstrip().startswith(b"%PDF-")

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            import pypdf
        except ImportError as error:  # pragma: no cover - a dependency of the package
            raise InputError(f"{label}: reading PDF needs pypdf (pip install pypdf)") from error
        logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd fonts are not the user's business
        try:
            document = pypdf.PdfReader(io.BytesIO(data))
            if document.is_encrypted:
                try:
                    if not document.decrypt(""):
                        raise InputError(f"{label}: the PDF is password-protected; save an unprotected copy first")
                except NotImplementedError as error:
                    raise InputError(f"{label}: the PDF is encrypted in a way that cannot be opened here") from error
            with _own_space_widths():
                pages = [_unligated(text) for text in _page_texts(document.pages)]
        except InputError:
            raise
        except Exception as error:  # pypdf raises many kinds on damaged files
            raise broken(label, "a PDF", error) from error
        if not any(page.strip() for page in pages):
            raise InputError(f"{label}: the PDF has no text layer (a scan?); run it through OCR first")
        return _page_blocks(pages)
