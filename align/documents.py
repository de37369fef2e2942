"""The front half of the pipeline in one call: decoded text -> paragraphs -> cleaned,
segmented, language-tagged sentences that point back into the input.

Invariant (tested on every seed): every non-space character of the input belongs to exactly
one sentence's [start, end) span; markup removed by cleaning stays in `original`. The one
exception: a line of nothing but a mail quotation's markers (">"), its blank line.
"""
from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import replace

from . import lazy_re
from .memory import collection_paused
from .cleaning import CELL_GAP, TABLE_DELIMITER_ROW, blank, clean_markdown
from .language import (LINE_ENDS_SENTENCE, LIST_ITEM, MAX_DETECT_CHARS, MAX_MARKER_CHARS, SERBO_CROATIAN,
                       SHORT_TEXT_LETTERS, cyrillic_share, detect_language, has_words, language_scores, language_words,
                       lower_case_letter, names_only, serbo_croatian_standard, standard_markers, standard_of_markers)
from .model import Sentence
from .readers.pdf import Casing, LineEndHyphens
from .reading import RawText
from .segmenters.base import MAX_SENTENCE_CHARS, Segmenter, cap_spans
from .segmenters.sentence_splitter import lower_case_names
from .wrapping import (ITEM_OPENING, OPENING_QUOTES, PAGE_BREAK_LINE, ends_open, grid_row_text, grid_rows, indent_of,
                       justified, longest_line, one_table, opening_indent, short_of, wrap_width, wrapped_at)

logger = logging.getLogger("align")

_LETTER = lazy_re.compile(r"[^\W\d_]")


def split_paragraphs(text: str, rows: bool = False, catalogue: bool = False,
                     typeset: bool = False) -> list[tuple[int, int]]:
    """Paragraph spans (start, end) into `text`, stripped of surrounding whitespace.

    Each line is its own paragraph unless it visibly runs on into the next: it does not end with
    a sentence-final mark and the next line starts in lower case (or with , ; ) »). That holds
    across a single blank line too: seed 000 breaks one sentence with a stray blank line
    ("... faire pression" / "sur l'Azerbaïdjan ..."), and two paragraphs there would be
    aligned as two fragments instead of one sentence. Two or more blank lines always
    separate. Scraped
    text puts one paragraph, title, caption or share button per line (seed 004 has no blank
    lines at all, seed 002 ends with "Facebook", "Twitter", ...); only hard-wrapped prose
    breaks a sentence across lines, and then the next line usually starts mid-sentence.

    With `rows` (a spreadsheet's rows read as plain text) every line is a paragraph of its own. A
    `catalogue` (a program's strings) has no speakers: a label in title case that comes back
    ("Exit Status:" over each of bash's help texts) read as one ran into the line under it in
    English, and not in French ("Code de sortie :"), a false addition in each help text. A
    `typeset` text (a printed book's pages, `reading._paged`) goes on into a noun where its
    language writes every noun with a capital (`Casing.goes_on_into_noun`).
    """
    if rows:
        return _records(text)
    width = wrap_width(text)
    longest = longest_line(text)
    padded = justified(text, width)
    listing = width is None and _is_listing(text.split("\n"))
    speakers = _speakers(text.split("\n")) if not catalogue and (":" in text or "：" in text) else set()
    indented_openings = opening_indent(text.split("\n"))
    quoted = _quoted_widths(text.split("\n")) if width is None and ">" in text else {}
    casing = Casing([text.split("\n")]) if typeset else None
    grid_lines = {number for row in grid_rows(text.split("\n")) for number in row[1:]} if "|" in text else set()
    paragraphs: list[tuple[int, int]] = []
    current_start: int | None = None
    current_end = 0
    previous_line = ""
    # Where the text of the list item the last line stands in begins, and where its marker stands.
    item_column: int | None = None
    item_indent = 0
    blank_lines = 0
    line_start = 0
    in_entry = False  # whether the paragraph opens on a section's number
    for number, line in enumerate(text.split("\n")):
        line_end = line_start + len(line)
        if PAGE_BREAK_LINE.fullmatch(line):
            # A page break (a form feed on a line of its own, as a printed text's dump has it) stands
            # between the lines of the paragraph it falls in: read as a blank line, "... the capital
            # of" / "Rome, and ..." were two sentences.
            line_start = line_end + 1
            continue
        if blank(line) or _QUOTE_MARKER.fullmatch(line.strip()):
            # A quotation's empty line (">" alone, as mail quotes a blank line) parts its
            # paragraphs as a blank line does: it stood as a "sentence" of its own, ">" paired with ">".
            blank_lines += 1
        else:
            first = line_start + (len(line) - len(line.lstrip()))
            last = line_start + len(line.rstrip())
            # A wrapper never leaves a blank line inside a paragraph: the width tells only between
            # adjacent lines.
            speech = not blank_lines and _speaker_label(previous_line) in speakers and not LIST_ITEM.match(line)
            # A byline under a headline opens in lower case in several languages ("di Marco Rossi",
            # "par Julien Marchand"): across a blank line it was read as the headline going on.
            byline = blank_lines and _BYLINE.match(line) is not None
            before, after, line_width = previous_line, line, width
            if number in quoted:  # judged as the wrapper saw them, behind their markers
                before, after, line_width = _unquoted(previous_line), _unquoted(line), quoted[number]
            # A paragraph's first line indented, as a book sets it, opens a paragraph even where the
            # line before it is full: wrapped without blank lines, two paragraphs ran into one.
            # A list item's lines indented under it go on with it, whatever they open with ("1. The
            # fact is, that during the course of his lectures at the" / "   Johannæum, the Professor").
            item_line = not blank_lines and item_column is not None and not ITEM_OPENING.match(line) \
                and indent_of(line) >= min(item_column, item_indent + 2)
            # A paragraph of one line (a reply) is followed by another opening at its indent.
            opening = not item_line and (indented_openings is not None and not blank_lines and indent_of(line) == indented_openings
                       and (indent_of(line) > indent_of(previous_line) or not ends_open(previous_line))
                       and not ITEM_OPENING.match(previous_line))
            # A setext heading's underline ("Chapter One" / "===========") is its heading's markup:
            # a paragraph of its own, it was a "sentence" of equals signs, paired or left out.
            underline = not blank_lines and _SETEXT_UNDERLINE.fullmatch(line) is not None
            # A section's number opens a contents' entry of its own under one that opened with a
            # number: a full line ("1.1.2. Die Shell-Eingabeaufforderung auf einem GUI-System" /
            # "1.1.3. Das root-Benutzerkonto") ends its entry, though the next number would not fit.
            entry = in_entry and _SECTION_NUMBER.match(line) is not None
            if current_start is not None and not speech and not underline and not item_line and number not in grid_lines and (
                    blank_lines > 1 or byline or opening or entry or not _runs_on(before, after, line_width if not blank_lines else None,
                                                                        listing, longest, padded, casing)):
                paragraphs.append((current_start, current_end))
                current_start = None
            item = ITEM_OPENING.match(line)
            if item:
                item_column, item_indent = len(line[:item.end()].expandtabs(4)), indent_of(line)
            elif not item_line:
                item_column = None
            if current_start is None:
                current_start = first
                in_entry = _SECTION_NUMBER.match(line) is not None
            current_end = last
            previous_line = line
            blank_lines = 0
        line_start = line_end + 1
    if current_start is not None:
        paragraphs.append((current_start, current_end))
    return paragraphs


def _records(text: str) -> list[tuple[int, int]]:
    """The spans of a spreadsheet's rows read as plain text: a line each, but a cell in quotes may
    hold line breaks, and its record goes on until its quotes close (a review: "Please arrive
    early," / "because the queue..." were three sentences, three false merges)."""
    spans: list[tuple[int, int]] = []
    open_start, quotes = None, 0
    for start, line in _lines_with_starts(text):
        if open_start is None:
            if blank(line):
                continue
            open_start, quotes = start + len(line) - len(line.lstrip()), 0
        quotes += line.count('"')
        if quotes % 2 == 0:
            spans.append((open_start, start + len(line.rstrip())))
            open_start = None
    if open_start is not None:  # a quote never closed: the rest is its record
        spans.append((open_start, len(text.rstrip())))
    return spans


def _lines_with_starts(text: str) -> list[tuple[int, str]]:
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return list(zip(starts, text.split("\n")))


# A text is verse when most of its lines stand in two stanzas or more and few of them end in
# punctuation: a poem written without it was one "sentence" a stanza, where lines ran on in lower
# case, and a line added or left out went unseen. A punctuated poem is cut at its sentences, as
# prose is; scraped text's short lines (a title, share buttons) are no stanzas of a poem.
VERSE_MIN_LINES = 3  # a stanza: at least this many lines between blank lines,
VERSE_MAX_LINE_CHARS = 45  # none longer than this
VERSE_MIN_STANZAS = 2
VERSE_MIN_SHARE = 0.6
VERSE_MAX_PUNCTUATED = 0.25
_LINE_END_MARK = lazy_re.compile(r"[.!?…,;:。！？，；：]\W*$")


def verse_stanzas(text: str) -> list[tuple[int, int, bool]] | None:
    """(first line, last line, whether a stanza) of each block of lines between blank lines, when
    `text` reads as verse; else None."""
    if wrap_width(text) is not None:
        return None
    lines = text.split("\n")
    blocks: list[list[int]] = []
    block: list[int] = []
    for number, line in enumerate(lines + [""]):
        if not blank(line):
            block.append(number)
        elif block:
            blocks.append(block)
            block = []
    stanzas = [b for b in blocks if _stanza(b, lines)]
    in_stanzas = [k for b in stanzas for k in b]
    if len(stanzas) < VERSE_MIN_STANZAS or len(in_stanzas) < VERSE_MIN_SHARE * sum(map(len, blocks)):
        return None
    if sum(1 for k in in_stanzas if _LINE_END_MARK.search(lines[k].rstrip())) > VERSE_MAX_PUNCTUATED * len(in_stanzas):
        return None
    # Prose in a narrow column ends its paragraphs with a full stop, an unpunctuated poem its
    # stanzas without one.
    if sum(1 for b in stanzas if LINE_ENDS_SENTENCE.search(lines[b[-1]].rstrip())) >= len(stanzas) / 2:
        return None
    stanza_starts = {b[0] for b in stanzas}
    return [(b[0], b[-1], b[0] in stanza_starts) for b in blocks]


# A stanza's lines are short, but a song's may run longer once or so: "you promised me a thousand
# nights like that one" (47) kept its stanza from being one, and its four lines, in lower case,
# were one "sentence" beside the original's four; a line added to it went unseen.
VERSE_MAX_LONG_LINE_CHARS = 60
VERSE_LONG_LINE_SHARE = 0.25


def _stanza(block: list[int], lines: list[str]) -> bool:
    lengths = [len(lines[k].strip()) for k in block]
    return (len(block) >= VERSE_MIN_LINES and not any(lines[k].rstrip().endswith("-") for k in block)
            and max(lengths) <= VERSE_MAX_LONG_LINE_CHARS
            and sum(length > VERSE_MAX_LINE_CHARS for length in lengths) <= VERSE_LONG_LINE_SHARE * len(block))


def _verse_paragraphs(text: str, blocks: list[tuple[int, int, bool]]) -> tuple[list[tuple[int, int]], list[int], set[int]]:
    """(spans, paragraph number of each, the numbers that are stanzas) of a verse text: a stanza's
    lines a paragraph span each under one number; other blocks (an introduction in prose, a title)
    paragraphs as any text's."""
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    spans, numbers, stanzas = [], [], set()
    paragraph = 0

    def end_of(k: int) -> int:
        return starts[k + 1] - 1 if k + 1 < len(starts) else len(text)

    for first, last, is_stanza in blocks:
        if not is_stanza:
            for start, end in split_paragraphs(text[starts[first]:end_of(last)]):
                spans.append((starts[first] + start, starts[first] + end))
                numbers.append(paragraph)
                paragraph += 1
            continue
        stanzas.add(paragraph)
        for k in range(first, last + 1):
            line = text[starts[k]:end_of(k)]
            if not blank(line):
                spans.append((starts[k] + len(line) - len(line.lstrip()), starts[k] + len(line.rstrip())))
                numbers.append(paragraph)
        paragraph += 1
    return spans, numbers, stanzas


_SECTION_NUMBER = lazy_re.compile(r"\s*\d{1,3}(?:\.\d{1,3})+\.?\s")
_SETEXT_UNDERLINE = lazy_re.compile(r"[ \t]{0,3}(?:={3,}|-{3,})[ \t]*")


_BYLINE_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w'’.-]*|e|et|y|and|und|en|i|och|og)"
# (Words apart by spaces: with the spaces optional, a long run of capitals backtracked for seconds.)
_BYLINE = lazy_re.compile(rf"\s*(?:di|par|por|von|by|de|door|av|af|przez|от)\s+{_BYLINE_WORD}(?:\s+{_BYLINE_WORD}){{0,5}}\s*$")
_LEAD_IN = lazy_re.compile(r"[:：]\s*$")
_TIMESTAMP = lazy_re.compile(r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?")


def _speakers(lines: list[str]) -> set[str]:
    """The speakers' names a transcript writes on lines of their own ("[00:00:12] John Smith :"),
    each over the turn it introduces: a line of names alone ending in a colon that comes back.
    Where the other text writes the name in front of the speech, read apart every turn was an
    "addition" and a "split" on a faithful translation. A heading ("Safety Instructions:") comes
    once, and a novel's "X said:" is no names alone: both stay apart."""
    labels = Counter(_speaker_label(line) for line in lines)
    return {label for label, count in labels.items() if label and count >= 2}


def _speaker_label(line: str) -> str:
    if not _LEAD_IN.search(line):
        return ""
    label = _TIMESTAMP.sub(" ", line).strip().rstrip(":：").strip()
    return label if names_only(language_words(label)) else ""


# An item of a list lettered in lower case ("a) ", "ii) ", "(b) "): it opens in a lower-case letter,
# yet starts an item of its own. Run on after "...a written reminder; and", the items of a
# contract's clause were one sentence, and an item the translation dropped went unreported.
_LETTERED_ITEM = lazy_re.compile(r"\s*\(?(?:[a-z]|[ivxlc]{1,5})\)\s")
# A letter's salutation on a line of its own ("Sehr geehrter Herr Schneider," / "vielen Dank..."):
# German, Italian, Polish and others go on in lower case after it, and read as one sentence with the
# letter's first, it took a French "Chère Madame Dubois," as a clause left out, and put the body's
# first sentence at the salutation's line. The words that open a salutation, in the languages read.
_SALUTATION = lazy_re.compile(
    r"\s*(?:dear|hi|hello|cher|chère|chers|chères|madame|monsieur|mesdames|messieurs|bonjour|sehr|liebe|lieber|"
    r"hallo|gentile|gentili|egregio|egregia|caro|cara|cari|care|spettabile|estimado|estimada|estimados|"
    r"estimadas|querido|querida|distinguido|distinguida|prezado|prezada|hola|ciao|geachte|beste|lieve|szanowny|"
    r"szanowna|szanowni|drogi|droga|уважаемый|уважаемая|уважаемые|дорогой|дорогая|шановний|шановна|шановні|"
    r"kære|kjære|bästa|kära|hej|vážený|vážená|sayın|sevgili|αγαπητέ|αγαπητή|stimate|stimată|dragă|tisztelt|"
    r"kedves)\b[^\n]{0,45},\s*$", re.IGNORECASE)
# A salutation is short, and ends on a name or a title ("Herr Schneider,", "Damen und Herren,") unless
# it is shorter still ("Dear all,", "Cher collègue,"): "Liebe allein reicht nicht aus," (love alone is
# not enough) and "Droga przez góry była wąska i kręta," (the road...) are sentences going on.
SALUTATION_MAX_WORDS = 5
SALUTATION_ANY_END_WORDS = 3


def _salutation(line: str) -> bool:
    if not _SALUTATION.match(line):
        return False
    words = line.strip().rstrip(",").split()
    return len(words) <= SALUTATION_ANY_END_WORDS or (len(words) <= SALUTATION_MAX_WORDS and words[-1][:1].isupper())


_QUOTE_MARKER = lazy_re.compile(r"(?:>[ \t]?)+")


def _unquoted(line: str) -> str:
    return _QUOTE_MARKER.sub("", line.lstrip(), count=1)


def _quoted_widths(lines: list[str]) -> dict[int, int]:
    """The wrap width of each line (by its number) that may go on a hard-wrapped quotation's line
    before it, where the text as a whole is not wrapped: a mail's reply is written in long lines
    above the message it quotes, wrapped at 72 behind "> " markers. Cut at each quoted line that
    opens in a capital, "deliver it on" / "Thursday or Friday this week." were two sentences.
    Each quoted paragraph (between ">" lines) has its own width, one that does not tell it its
    quotation's: a signature's short lines beside the message kept the whole quotation from reading
    as wrapped.
    A header field ("Sent: Monday...") goes on from no line, nor does a short line in a capital
    that is not its paragraph's last and that the next line does not go on (a list's item: only a
    wrapped paragraph's last line is short, or one before a long word, "page at" / "Sharepoint" /
    "https://...")."""
    widths: dict[int, int] = {}
    block: list[int] = []
    for number, line in enumerate([*lines, ""]):
        if line.lstrip()[:1] == ">":
            block.append(number)
            continue
        if len(block) > 1:
            whole = wrap_width("\n".join(_unquoted(lines[k]) for k in block))
            for paragraph in _quoted_paragraphs(lines, block):
                width = wrap_width("\n".join(_unquoted(lines[k]) for k in paragraph))
                if width is None:
                    # Too short to tell its own width, or its lines open in capitals (German nouns:
                    # "... Funktionsjacken —" / "Außenjacke GORE-TEX®-Taslan .", read as verse).
                    width = whole
                if width is None:
                    continue
                for place, k in enumerate(paragraph[1:], 1):
                    text = _unquoted(lines[k])
                    after = _unquoted(lines[paragraph[place + 1]]) if place + 1 < len(paragraph) else None
                    if _HEADER_FIELD.match(text) or (after is not None and len(text) < width / 2
                                                     and not lower_case_letter(text[:1])
                                                     and not lower_case_letter(after[:1])):
                        continue
                    widths[k] = width
        block = []
    return widths


# The fields a mail client writes above a message it quotes, in the languages of its users: a
# wrapped line that opens on another word and a colon ("Paul: the hotel...") is no header.
_HEADER_FIELD = lazy_re.compile(
    r"(?:From|Sent|To|Cc|Bcc|Subject|Date|Reply-To|De|Envoyé|À|A|Objet|Von|Gesendet|An|Betreff|Datum|"
    r"Da|Inviato|Oggetto|Data|Enviado|Para|Asunto|Fecha|Assunto|Van|Verzonden|Aan|Onderwerp|От|Отправлено|Кому|"
    r"Тема|Дата)\s?:\s")


def _quoted_paragraphs(lines: list[str], block: list[int]) -> list[list[int]]:
    """The line numbers of each paragraph of a quotation, parted by its ">" lines."""
    paragraphs: list[list[int]] = [[]]
    for k in block:
        if _QUOTE_MARKER.fullmatch(lines[k].strip()):
            paragraphs.append([])
        else:
            paragraphs[-1].append(k)
    return [paragraph for paragraph in paragraphs if paragraph]


# A text is a list when most of its lines (LIST_SHARE, of LIST_MIN_LINES or more) have fewer than
# RUN_ON_MIN_WORDS words.
RUN_ON_MIN_WORDS = 3
LIST_SHARE = 0.6
LIST_MIN_LINES = 6


def _is_listing(lines: list[str]) -> bool:
    filled = [line for line in lines if not blank(line)]
    short = sum(1 for line in filled if len(line.split()) < RUN_ON_MIN_WORDS)
    return len(filled) >= LIST_MIN_LINES and short >= LIST_SHARE * len(filled)


def _runs_on(line: str, next_line: str, width: int | None = None, listing: bool = False, longest: int = 0,
             padded: bool = False, casing: Casing | None = None) -> bool:
    if _capitals_before_text(line, next_line):
        # A caption or heading in capitals ("NASA HEADQUARTERS - HOUSTON") above a line that is not:
        # in subtitles of 29-character lines it passed for wrapped, and ran into the next cue's
        # speech on one side of a faithful pair only (a false "split").
        return False
    if width is not None and wrapped_at(line, next_line, width) and not (padded and short_of(line, width)) and not (
            LINE_ENDS_SENTENCE.search(line) and ITEM_OPENING.match(next_line)) and not one_table(line, next_line) \
            and (longest_line(line) <= width or indent_of(next_line) > indent_of(line)
                 or lower_case_letter(next_line.lstrip()[:1])):
        # Hard-wrapped: the line ends where the next word would not fit, whatever that word is;
        # but a list's item under a sentence's or a lead-in's end opens a paragraph (run on, "as
        # follows:" / "- the costs of the line" was one sentence, the item in it). A line wider
        # than the wrapper's width is one it could not break, a program's output kept as written
        # ("LSB Version:    core-2.0-noarch:..." / "Distributor ID: Debian"): it goes on only into
        # a line indented under it (a table cell's next line) or opening in lower case.
        return True
    if LINE_ENDS_SENTENCE.search(line) or _LETTERED_ITEM.match(next_line) or _salutation(line):
        return False
    if indent_of(next_line) > indent_of(line) and not (longest and wrapped_at(line, next_line, longest)):
        # A block indented under a line that is not full: a man page's option description under
        # the option's name ("--normal" / "       Ein normales Diff ausgeben"), a section's text
        # under its heading ("NOM" / "       ls - Afficher..."). Read by its case, it went on with
        # the line in English and not in German, and every option was a false "split".
        return False
    if casing is not None and casing.goes_on_into_noun(line, next_line.split(), lower_case_end=True):
        # A PDF's German text dumped by pdftotext cut "Seit dem Start der" / "Initiative sind bereits
        # rund 400 Pakete ..." at the capital. Any line of the dump, not only a full one (no width is
        # found in a proportional font's lines): after a word in lower case, the sentence is surely
        # open; a name or a noun ends a heading as often ("Die Debian GNU/Linux-FAQ" / "Published ...").
        return True
    head = next_line.lstrip()
    if head[:1] == ">" and line.lstrip()[:1] == ">":
        # A hard-wrapped quotation ("> We must" / "> keep the records safe."): each line carries
        # the marker, and the sentence runs on behind it. Cut at each line, "We must" stood alone.
        head = _unquoted(head)
    if head[:1] in OPENING_QUOTES:
        # A quotation that goes on with the sentence ("the plan was" / "« une gabegie » selon lui")
        # opens in lower case; a headline's quoted lead opens in capitals.
        head = head.lstrip(OPENING_QUOTES + " \u00a0\u202f")
    # A lower-case letter, not any character Python calls lower case: "ⓒ 연합뉴스 무단 전재" (a circled c)
    # under a "read more" line was read as that line going on.
    if not head or not (lower_case_letter(head[0]) or head[0] in ",;)]»”’"):
        return False
    # In a list of one- or two-word lines (a glossary's terms, a UI's strings) such a line is an
    # item, not a sentence broken off: forty one-word lines in lower case were one "sentence", and
    # a term left out of the translation went unseen.
    return not (listing and len(line.split()) < RUN_ON_MIN_WORDS)


def _capitals_before_text(line: str, next_line: str) -> bool:
    # Every letter a capital, not only the cased ones: an Arabic line holding "NASA" is isupper().
    letters = _LETTER.findall(line)
    return len(letters) >= 4 and all(letter.isupper() for letter in letters) and not next_line.isupper()


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _judged(text: str) -> bool:
    """Whether a paragraph holds enough of a language to judge it by itself: letters enough, outside
    addresses, and not names alone. A press release's contact line ("Helios Rail – Marc Lefèvre,
    +33 4 72 00 12 34, press@...") copied into the French was read as English, set aside as
    another text, and its source line reported left out."""
    if _letters(text) < SHORT_TEXT_LETTERS:
        return False
    words = language_words(text)
    # Every word a name (or a Title Case headline): it leans on the text around it.
    return not names_only(words) and sum(len(word) for word in words) >= SHORT_TEXT_LETTERS


# Scripts a short paragraph may share a language with: Han characters and kana are read as one
# (a Japanese line is mostly kanji), every other script by its own name (LATIN, CYRILLIC...).
_SHARED_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


def _script(text: str) -> str:
    """The script most of the first letters of `text` are written in ('' when it has none)."""
    scripts = Counter(unicodedata.name(ch, " ").split(" ")[0] for ch in _LETTER.findall(text[:80])[:9])
    if not scripts:
        return ""
    script = scripts.most_common(1)[0][0]
    return _SHARED_SCRIPT.get(script, script)


# A short paragraph the detector is this sure of keeps its language, when the file's longer
# paragraphs are written in it too (a score scaled down by its few letters: "Checkout is at
# eleven." 0.74, "Welcome to the hotel." 0.52); share buttons and page furniture score under 0.5
# ("Facebook" 0.23, "Lire aussi" 0.44, "Leave a Comment" 0.50), and a short Chinese line read as
# Japanese, or "Let me serve you!'" as Italian, names a language the file has no text in.
SURE_SHORT_SCORE = 0.6
MAIN_LANGUAGE_SHARE = 0.1  # of the letters of the judged paragraphs: a language the file is written in


def _paragraph_languages(texts: list[str], candidates: list[str] | None) -> list[str]:
    """One language per paragraph. A paragraph with too few letters to judge ("Facebook",
    "source : Politico") takes the language of the text around it (in its own script, unless it is
    written in Latin letters, which every script's text holds): of the nearest judged paragraphs
    before and after, the one they agree on, or, when the short paragraph sits on a language
    boundary, whichever of the two the detector prefers for it.
    Short Han or kana paragraphs with no judged text of their script around them (the Chinese
    column of a table beside its English) are judged together: alone, a short Chinese line is as
    often read as Japanese ("于是我抽起烟来。"). Short lines in other scripts keep their own guess
    (a glossary's "the dog" and "le chien" are two languages in one script)."""
    guesses = [detect_language(text, candidates) for text in texts]
    judged = [_judged(text) for text in texts]
    languages = [guess[0] for guess in guesses]
    if all(judged):
        return languages
    scripts = [_script(text) for text in texts]
    judged_letters = Counter()
    for text, language, is_judged in zip(texts, languages, judged):
        if is_judged:
            judged_letters[language] += _letters(text)
    judged_languages = {language for language, count in judged_letters.items()
                        if count >= MAIN_LANGUAGE_SHARE * sum(judged_letters.values())}
    # The nearest judged language before and after each paragraph, per script: one pass each way,
    # not a search from every short line. A short line in Latin letters (a brand, an agency, a
    # handle: "Facebook", "来源：Reuters" in a Chinese text) or without letters (a date) leans on
    # the text around it whatever its script, as a line in another script may not.
    nearest: list[list[str | None]] = [[None] * len(texts), [None] * len(texts)]
    for side, order in ((0, range(len(texts))), (1, range(len(texts) - 1, -1, -1))):
        seen: dict[str, str] = {}
        for index in order:
            if judged[index]:
                seen[scripts[index]] = seen[""] = languages[index]
            else:
                nearest[side][index] = seen.get("" if scripts[index] in ("", "LATIN") else scripts[index])
    unanchored: list[int] = []
    for index, text in enumerate(texts):
        if judged[index]:
            continue
        before, after = nearest[0][index], nearest[1][index]
        if guesses[index][1] >= SURE_SHORT_SCORE and languages[index] in judged_languages:
            continue  # short but plainly in a language of the file ("Checkout is at eleven." between German lines)
        if before is None and after is None:
            if scripts[index] == "CJK":
                unanchored.append(index)
            continue  # nothing to lean on: keep the detector's guess
        if before is None or after is None or before == after:
            languages[index] = before or after
        else:
            languages[index] = detect_language(text, [before, after])[0]
    together = " ".join(texts[index] for index in unanchored)
    if len(unanchored) > 1 and _letters(together) >= SHORT_TEXT_LETTERS:
        lang = detect_language(together, candidates)[0]
        for index in unanchored:
            languages[index] = lang
    return languages


_NUMBERED_ITEM = lazy_re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6})[.)]?\t")


def _table_rows(text: str, paragraph_spans: list[tuple[int, int]]) -> set[int]:
    """The paragraphs that are rows of a tab-separated table: one line each, with as many cells as
    a paragraph beside them."""
    if "\t" not in text:
        return set()
    # A list's number before a tab ("1.\tThe committee met") makes no row of a table.
    cells = [len(CELL_GAP.findall(text, start, end))
             if text.find("\n", start, end) < 0 and not _NUMBERED_ITEM.match(text, start, end) else 0
             for start, end in paragraph_spans]
    return {k for k, count in enumerate(cells)
            if count and ((k and cells[k - 1] == count) or (k + 1 < len(cells) and cells[k + 1] == count))}


def _grid_row_paragraphs(text: str, paragraph_spans: list[tuple[int, int]]) -> set[int]:
    """The paragraphs that are a table's rows drawn over several lines (`wrapping.grid_rows`)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    rows = {(starts[row[0]] + len(lines[row[0]]) - len(lines[row[0]].lstrip()),
             starts[row[-1]] + len(lines[row[-1]].rstrip())) for row in grid_rows(lines)}
    return {k for k, span in enumerate(paragraph_spans) if span in rows}


def _pipe_table_rows(text: str, paragraph_spans: list[tuple[int, int]]) -> set[int]:
    """The paragraphs that are rows of a markdown table written without a bar in front of its rows
    ("राम | दिल्ली" / "--- | ---"): lines next to each other holding bars, one of them the
    delimiter row. Its bars stand between cells, where in Hindi prose they stand for the danda."""
    if "|" not in text:
        return set()
    rows: set[int] = set()
    run: list[int] = []

    def close_run() -> None:
        if any(TABLE_DELIMITER_ROW.fullmatch(text[start:end]) for start, end in (paragraph_spans[j] for j in run)):
            rows.update(run)

    for k, (start, end) in enumerate(paragraph_spans):
        barred = "|" in text[start:end] and text.find("\n", start, end) < 0
        if run and not (barred and text.count("\n", paragraph_spans[run[-1]][1], start) == 1):
            close_run()
            run = []
        if barred:
            run.append(k)
    close_run()
    return rows


# Chinese and Japanese write no space between words: a line wrapped between two of their
# characters joins them again with nothing ("黙ってうなず" / "いた" is one word). Their letters: CJK
# punctuation, radicals, kana and its extension, the enclosed and squared forms (㈱, ㎡), Han of every plane,
# the full-width forms and half-width katakana (not half-width Hangul: Korean writes spaces).
_WIDE = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
         "\ufe30-\ufe4f\uff01-\uff9f\U00020000-\U0003134f")
_WIDE_LINE_BREAK = lazy_re.compile(f"(?<=[{_WIDE}])[ \t]*\n\\s*(?=[{_WIDE}])")


# A dash written without spaces ("the right distance--but then", "Rome—no") where a wrapper broke
# the line after it or before it: no space on one side, none on the other.
_UNSPACED_DASH_BREAK = lazy_re.compile(r"(?:(?<=[^\W\d_]--)|(?<=[^\W\d_]—))[ \t]*\n\s*(?=[^\W\d_])"
                                       r"|(?<=[^\W\d_])[ \t]*\n\s*(?=(?:--|—)[^\W\d_])")
# groff, which prints man pages, hyphenates with U+2010 HYPHEN ("speci\u2010" / "fied").
_LINE_END_HYPHEN = lazy_re.compile(r"(?<=[^\W\d_])[-\u2010][ \t]*\n\s*(?=[^\W\d_])")


def _unspaced_dashes(text: str) -> frozenset[str]:
    """The dashes ("--", "—") `text` writes between two words without spaces ("Rome—no") at least
    as often as with a space on one side only: Spanish opens an aside with a space before its dash
    and none after ("Sí —dijo él— y"), and a line broken there is no dash written unspaced."""
    found = set()
    for dash in ("--", "—"):
        escaped = re.escape(dash)
        unspaced = len(re.findall(rf"[^\W\d_]{escaped}[^\W\d_]", text))
        one_sided = len(re.findall(rf"[^\W\d_][ \t]{escaped}[^\W\d_]|[^\W\d_]{escaped}[ \t][^\W\d_]", text))
        if unspaced >= one_sided:
            found.add(dash)
    return frozenset(found)


def _embeddable(text: str, hyphens: LineEndHyphens | None = None,
                unspaced_dashes: frozenset[str] = frozenset(("--", "—"))) -> str:
    # A wrapped line is one sentence to the encoder: line breaks inside it become spaces, but a
    # compound cut at its hyphen ("Nagorno-" / "Karabakh") is one word again, and so is a Chinese
    # or Japanese word cut anywhere (the text of TMX and XLIFF segments read "うなず いた"). In
    # a text wrapped by hand or by a typesetter a word may be cut by a hyphen of the break's own
    # ("conversat-" / "ions", "trans-" / "lation"): `hyphens` weighs which, as a PDF's lines are.
    def joint(match: re.Match) -> str:
        hyphen = match.group()[0]
        if hyphens is None:
            return hyphen
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start() + 1]
        return hyphens.joint(line, text[match.end():]).replace("-", hyphen)

    def dash_joint(match: re.Match) -> str:
        dash = "--" if "--" in (text[match.start() - 2:match.start()], text[match.end():match.end() + 2]) else "—"
        return "" if dash in unspaced_dashes else match.group()

    text = _LINE_END_HYPHEN.sub(joint, text)
    text = _UNSPACED_DASH_BREAK.sub(dash_joint, text)
    text = _WIDE_LINE_BREAK.sub("", text)
    return re.sub(r"[ \t]*\n\s*", " ", text)


SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".tab")
# The readers of a program's strings (`align.readers`' names).
CATALOGUE_FORMATS = frozenset({"po", "mo", "json", "yaml", "android", "strings", "properties", "qt-ts", "qt-qm",
                               "resx", "xcstrings"})


def load_sentences(raw: RawText, segmenter: Segmenter, candidates: list[str] | None = None) -> list[Sentence]:
    """Split `raw` into paragraphs, clean and segment each, tag each with its language, and
    return the sentences in document order with ids 0..n-1. `candidates`, when given, limits
    the languages the detector may answer."""
    with collection_paused():
        return _load_sentences(raw, segmenter, candidates)


def _load_sentences(raw: RawText, segmenter: Segmenter, candidates: list[str] | None) -> list[Sentence]:
    written = raw.as_written or raw.text
    text = written if segmenter.line_ends_only else raw.text
    line_starts = [0] + [match.end() for match in re.finditer("\n", written)]
    # A CSV or TSV file that is no bilingual table (an id column, a note column beside the text) is
    # read as plain text: its rows, short lines that end without a full stop, were taken for wrapped
    # prose (Japanese ones always: no spaces) and ran into each other, a row's end glued to the next
    # row's start (",\n2,intro,見学中は...") and the header to the first row.
    spreadsheet = raw.format == "text" and raw.path.lower().endswith(SPREADSHEET_SUFFIXES)
    blocks = None if spreadsheet else verse_stanzas(text)
    if blocks is None:
        paragraph_spans = split_paragraphs(text, spreadsheet, raw.format in CATALOGUE_FORMATS, raw.typeset)
        paragraph_numbers, in_verse = list(range(len(paragraph_spans))), set()
    else:
        # A line of verse a sentence (or more, where it holds sentence ends); a stanza a paragraph.
        paragraph_spans, paragraph_numbers, in_verse = _verse_paragraphs(text, blocks)
    rows = _table_rows(text, paragraph_spans)
    # A document reader's text (docx, odt, html, epub, pdf) holds no markdown: its "> 90 %" is text.
    # Subtitles keep the passes for their dialogue dashes ("- Why not?"), which go as a list's
    # bullets do; a bilingual table's and an XLIFF's segments for the markup software strings carry
    # ("[guide](https://example.org/en/guide)", "<span style='font-size:12px'>").
    markdown = raw.format in ("text", "subtitles", "columns", "csv", "xliff", "tmx")
    pipe_rows = _pipe_table_rows(text, paragraph_spans)
    cleaned = [clean_markdown(text[start:end], k in rows, markdown, k in pipe_rows, raw.format != "text")
               for k, (start, end) in enumerate(paragraph_spans)]
    # A table's row drawn over several lines is one sentence, read cell by cell (`grid_row_text`).
    grid = _grid_row_paragraphs(text, paragraph_spans) if blocks is None and "|" in text else set()
    for k in grid:
        line_start = text.rfind("\n", 0, paragraph_spans[k][0]) + 1
        rule = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)]
        row = grid_row_text(text[paragraph_spans[k][0]:paragraph_spans[k][1]], rule)
        cleaned[k] = (row, [0] * len(row))
    languages = _paragraph_languages([c[0] for c in cleaned], candidates)
    names = lower_case_names([c[0] for c in cleaned], text)
    # Only text as its writer wrapped it: a reader joins a PDF's broken words itself, and the line
    # breaks of a page's or a document's paragraphs are no wrapper's.
    # A printed book's pages (`reading._paged`) were hyphenated by a typesetter.
    hyphens = (LineEndHyphens(text.split("\n"), typeset=raw.typeset)
               if raw.format == "text" and _LINE_END_HYPHEN.search(text) else None)
    unspaced_dashes = _unspaced_dashes(text) if _UNSPACED_DASH_BREAK.search(text) else frozenset()

    sentences: list[Sentence] = []
    for paragraph_index, ((p_start, p_end), (clean_text, offsets), lang) in enumerate(
        zip(paragraph_spans, cleaned, languages)
    ):
        original = text[p_start:p_end]
        spans, cut = (([((0, len(original)), (0, len(clean_text)))], False) if paragraph_index in grid
                      else _sentence_spans(original, clean_text, offsets, segmenter, lang, names))
        if cut:
            logger.warning("%s, line %d: more than %d characters without a sentence end, cut into pieces that long",
                           "<stdin>" if raw.path == "-" else raw.path, bisect.bisect_right(line_starts, p_start),
                           MAX_SENTENCE_CHARS)
        for (o_start, o_end), (c_start, c_end) in spans:
            start, end = p_start + o_start, p_start + o_end
            sentence_text = (_embeddable(clean_text[c_start:c_end], hyphens, unspaced_dashes) if c_end > c_start
                             else original[o_start:o_end])
            sentences.append(
                Sentence(
                    id=len(sentences),
                    text=sentence_text,
                    original=written[start:end],
                    line=bisect.bisect_right(line_starts, start),
                    paragraph=paragraph_numbers[paragraph_index],
                    start=start,
                    end=end,
                    lang=lang,
                    # Markup alone ("<br>", an HTML comment): kept and listed, as page furniture;
                    # so is a document's paragraph of punctuation alone, with nothing to translate
                    # (a web page's "." after the code block that ends its sentence, left out of
                    # a translation that wrote it inside). A plain text's lines stay as they are:
                    # the benchmark's one-sentence-a-line files hold such lines, aligned as text.
                    furniture=c_end <= c_start or (raw.format != "text" and not has_words(clean_text[c_start:c_end])),
                    verse=paragraph_numbers[paragraph_index] in in_verse,
                )
            )
    if segmenter.blank_line_paragraphs:
        sentences = _paragraphs_between_blank_lines(sentences, text)
    if raw.spans:
        sentences = _located(sentences, raw)
    return sentences


def _located(sentences: list[Sentence], raw: RawText) -> list[Sentence]:
    """Each sentence with the locator (and furniture mark) of the block it starts in."""
    starts = [span.start for span in raw.spans]
    out = []
    # Words before each sentence in its block, counted on from the sentence before (sentences
    # come in order): counted from the block's start, a <pre> of a megabyte was quadratic.
    counted_span, counted_to, words = None, 0, 0
    for sentence in sentences:
        span = raw.spans[max(bisect.bisect_right(starts, sentence.start) - 1, 0)]
        locator = span.locator
        if span.line_marks:
            if span is not counted_span or sentence.start < counted_to:
                counted_span, counted_to, words = span, span.start, 0
            chunk = raw.text[counted_to:sentence.start]
            words += len(chunk.split())
            if counted_to > span.start and chunk[:1].strip() and not raw.text[counted_to - 1].isspace():
                words -= 1  # the word the last count ended in (no space between two Chinese sentences)
            counted_to = sentence.start
            locator = span.locator_at(words)
        # A plain text read again as blocks (a printed book's pages, a page's front matter) is
        # still the user's file: its sentences' lines are the file's, as their locators say.
        line = int(locator[5:]) if raw.format == "text" and locator.startswith("line ") else sentence.line
        out.append(replace(sentence, locator=locator, line=line, furniture=sentence.furniture or span.furniture))
    return out


_BLANK_LINE = lazy_re.compile(r"\n[ \t\r\f\v]*\n")


def _paragraphs_between_blank_lines(sentences: list[Sentence], text: str) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    for sentence in sentences:
        if out and _BLANK_LINE.search(text, out[-1].end, sentence.start):
            paragraph += 1
        out.append(replace(sentence, paragraph=paragraph))
    return out


def _sentence_spans(original: str, clean_text: str, offsets: list[int], segmenter: Segmenter, lang: str,
                    names: frozenset[str] = frozenset()):
    """Pairs ((start, end) in `original`, (start, end) in `clean_text`) for each sentence, and
    whether a span the segmenter gave was longer than MAX_SENTENCE_CHARS and had to be cut.

    Markup that cleaning removed between two sentences is shared out so that no character is
    orphaned: what is glued to the end of a sentence (a closing "**", "](#)") stays with it,
    what follows the whitespace (an opening "**" or "[") goes to the next sentence. The first
    sentence starts where the paragraph starts, the last one ends where it ends.
    """
    found = segmenter.split(clean_text, lang, names)
    clean_spans = cap_spans(clean_text, found)
    if not clean_spans:
        # Nothing but markup (a lone "**" or "<br>"): keep it as a sentence rather than lose it.
        return [((0, len(original)), (0, 0))], False
    pairs = []
    start = 0
    for index, (c_start, c_end) in enumerate(clean_spans):
        if index + 1 == len(clean_spans):
            end = len(original)
        else:
            next_start = offsets[clean_spans[index + 1][0]]
            end = offsets[c_end - 1] + 1
            while end < next_start and not original[end].isspace():
                end += 1
        pairs.append(((start, end), (c_start, c_end)))
        start = end
        while start < len(original) and original[start].isspace():
            start += 1
    return pairs, len(clean_spans) > len(found)


def renumber(sentences: list[Sentence]) -> list[Sentence]:
    """The same sentences with ids 0..n-1 in list order (after splitting a document apart)."""
    return [replace(sentence, id=index) for index, sentence in enumerate(sentences)]


def split_by_language(sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    """Group sentences by language, in order of first appearance; ids are left as they were."""
    groups: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        groups.setdefault(sentence.lang or "und", []).append(sentence)
    return groups


# A second language counts as a text of its own (a translation pasted under its original) when it
# has at least this share of the main language's letters; less is stray lines (share buttons).
MIN_PART_SHARE = 0.1


def languages_by_letters(sentences: list[Sentence]) -> dict[str, int]:
    """Letters per language, the language with most letters first."""
    letters: Counter[str] = Counter()
    for sentence in sentences:
        letters[sentence.lang or "und"] += _letters(sentence.text)
    return dict(letters.most_common())


def _standard_halves(markers: dict[int, dict[str, int]]) -> dict[int, str] | None:
    """The standard of each paragraph where the paragraphs before one of them say one standard and
    those from it on the other (`standard_of_markers` of their markers added up): a Croatian text
    and its Serbian translation in one file, a sentence a line, whose paragraphs hold a marker or
    none each and so say nothing one by one. The split where the two halves differ most in their
    markers; None where no split gives two standards."""
    numbers = list(markers)
    total = dict.fromkeys(_MARKER_KINDS, 0)
    for counts in markers.values():
        for kind in _MARKER_KINDS:
            total[kind] += counts[kind]
    before = dict.fromkeys(_MARKER_KINDS, 0)
    best = None
    for cut in range(1, len(numbers)):
        for kind in _MARKER_KINDS:
            before[kind] += markers[numbers[cut - 1]][kind]
        after = {kind: total[kind] - before[kind] for kind in _MARKER_KINDS}
        first, second = standard_of_markers(before), standard_of_markers(after)
        if {first, second} != {"hr", "sr"}:
            continue
        lean = (before["hr"] + before["ije"] - before["sr"] - before["e"]
                - (after["hr"] + after["ije"] - after["sr"] - after["e"]))
        if best is None or abs(lean) > best[0]:
            best = (abs(lean), cut, first, second)
    if best is None:
        return None
    _lean, cut, first, second = best
    return {number: first if n < cut else second for n, number in enumerate(numbers)}


_MARKER_KINDS = ("hr", "sr", "ije", "e")


def serbo_croatian_labels(sentences: list[Sentence]) -> list[str | None]:
    """The language of each sentence, with the detector's Croatian, Serbian, Bosnian and
    Serbo-Croatian (sh) read as the texts they are: sentence by sentence it names one Croatian text
    hr, sr, sh and bs, and `align pair hr.txt` split it into a "Serbian" and a "Croatian" half and
    left out an "sh" one. Those sentences in Cyrillic are Serbian; those in Latin letters one text,
    named by its words (`serbo_croatian_standard`), else by the code with most letters (Serbian in
    Latin script beside a Serbian text in Cyrillic) -- unless its paragraphs' words say Croatian
    for some and Serbian for others: a Croatian text and its Serbian translation in one file."""
    labels = [sentence.lang for sentence in sentences]
    kin = [k for k, sentence in enumerate(sentences) if sentence.lang in SERBO_CROATIAN]
    cyrillic = [k for k in kin if cyrillic_share(sentences[k].text) > 0.5]
    latin = [k for k in kin if k not in set(cyrillic)]
    for k in cyrillic:
        labels[k] = "sr"
    if not latin:
        return labels
    beside_cyrillic = (sum(_letters(sentences[k].text) for k in cyrillic)
                       >= MIN_PART_SHARE * sum(_letters(sentences[k].text) for k in latin))
    serbian = "sr-Latn" if beside_cyrillic else "sr"
    paragraphs: dict[int, list[int]] = {}
    for k in latin:
        paragraphs.setdefault(sentences[k].paragraph, []).append(k)
    markers = {number: standard_markers(" ".join(sentences[k].text for k in ks)) for number, ks in paragraphs.items()}
    told = {number: standard_of_markers(counts) for number, counts in markers.items()}
    if not {"hr", "sr"} <= set(told.values()):
        told = _standard_halves(markers) or told
    if {"hr", "sr"} <= set(told.values()):
        current = next(standard for standard in told.values() if standard)
        for number, ks in paragraphs.items():
            current = told[number] or current
            for k in ks:
                labels[k] = "hr" if current == "hr" else serbian
        return labels
    latin_sentences = [sentences[k] for k in latin]
    name = serbo_croatian_standard(opening_text(latin_sentences, MAX_MARKER_CHARS))
    if name is None:
        name = next(iter(languages_by_letters(latin_sentences)))
    for k in latin:
        labels[k] = serbian if name == "sr" else name
    return labels


def text_parts(sentences: list[Sentence], beside_another_file: bool = False,
               told_apart: bool = False) -> dict[str, list[Sentence]]:
    """`_text_parts` of the sentences, Croatian, Serbian, Bosnian and Serbo-Croatian sentences read
    as the texts they are (`serbo_croatian_labels`); each sentence keeps its detected language."""
    labels = serbo_croatian_labels(sentences)
    if labels == [sentence.lang for sentence in sentences]:
        return _text_parts(sentences, beside_another_file, told_apart)
    relabelled = [replace(sentence, lang=label) for sentence, label in zip(sentences, labels)]
    original = {id(new): old for new, old in zip(relabelled, sentences)}
    return {lang: [original[id(sentence)] for sentence in part]
            for lang, part in _text_parts(relabelled, beside_another_file, told_apart).items()}


def _text_parts(sentences: list[Sentence], beside_another_file: bool = False,
                told_apart: bool = False) -> dict[str, list[Sentence]]:
    """The sentences of each language that holds a text of its own, main one first. A stray line
    of another language (a share button, a date the detector cannot place) joins the part of the
    text it sits in, so that taking one part of a file never loses a line of that part; so does a
    quotation (`_quotations_joined`). `beside_another_file`: the file is one side of a pair, where
    a passage of another language inside the text, however long beside the paragraphs around it,
    is the text's own (a sentence the translator left untranslated was set aside as a part).
    `told_apart`: a part whose language the detector does not tell from the main one's on their
    whole texts is the main text's (`_confused_with_main`); asked where a part is taken beside
    another file, not of a file the user gives as holding two texts, whose parts may be a line each."""
    languages = text_languages(sentences)
    owners: list[str | None] = []
    current = None
    for sentence in sentences:
        if (sentence.lang or "und") in languages:
            current = sentence.lang or "und"
        owners.append(current)
    # Strays before the first line of a text belong to the text that follows them.
    first = next((owner for owner in owners if owner), languages[0] if languages else "und")
    owners = _quotations_joined([owner or first for owner in owners], [_weighed_letters(s.text) for s in sentences],
                                by_size=not beside_another_file)
    parts: dict[str, list[Sentence]] = {lang: [] for lang in languages}
    for sentence, owner in zip(sentences, owners):
        parts[owner].append(sentence)
    parts = {lang: part for lang, part in parts.items() if part}
    confused = _confused_with_main(parts) if told_apart else set()
    if not confused:
        return parts
    main = next(iter(parts))
    joined = [main if owner in confused else owner for owner in owners]
    return {lang: [s for s, owner in zip(sentences, joined) if owner == lang] for lang in parts if lang not in confused}


# Two parts are texts of their own only if the detector tells their languages apart on each
# part's whole text. Sentence by sentence it mixes close languages: a Malay article read as 8
# Indonesian sentences and 1 Malay one, a Serbian one as Serbian, Croatian and Slovenian, and
# `align pair id.txt ms.txt` aligned the one "Malay" sentence of the Indonesian file. On a
# whole part each language scores the other under 0.01 where they are told apart (French and
# English, Spanish and Portuguese, Russian and Ukrainian) and over 0.05 where they are not
# (Indonesian and Malay 0.16-0.31, Norwegian and Danish 0.06-0.19, Croatian and Serbian 0.12-0.24).
MAX_CROSS_SCORE = 0.05


def opening_text(sentences: list[Sentence], chars: int = MAX_DETECT_CHARS) -> str:
    """The sentences' text up to about `chars` characters: as much as the detector reads of a text
    (a 6 MB novel joined whole cost half a second for nothing)."""
    taken, size = [], 0
    for sentence in sentences:
        if size >= chars:
            break
        taken.append(sentence.text)
        size += len(sentence.text) + 1
    return " ".join(taken)


def _confused_with_main(parts: dict[str, list[Sentence]]) -> set[str]:
    """The parts after the first (main) one whose language the detector does not tell from the main
    one's, on the whole text of each."""
    if len(parts) < 2:
        return set()
    main = next(iter(parts))
    if main == "und":
        return set()
    main_scores = language_scores(opening_text(parts[main]))
    confused = set()
    for lang, part in list(parts.items())[1:]:
        if lang == "und":
            continue
        scores = language_scores(opening_text(part))
        if max(main_scores.get(lang, 0.0), scores.get(main, 0.0)) >= MAX_CROSS_SCORE:
            confused.add(lang)
    return confused


# A passage in another language inside a text is a quotation of that text, not a text of its own,
# when its language holds less than half the text's letters in the file, and the passage less
# than this share of the text on each side of it. A paragraph and its translation (a text and its
# translation interleaved, or a translation and a translator's note after it) are of a size:
# 0.8-1.25; a quotation is a part of a paragraph.
MAX_QUOTATION_SHARE = 0.75
MAX_QUOTED_LANGUAGE_SHARE = 0.5
MIN_SENTENCES_PER_QUOTATION = 3
MIN_RUNS_TO_ALTERNATE = 3  # one or two quotations in a short article are quotations still
# A Chinese, Japanese or Korean character says as much as about three Latin letters: counted as
# one, a Chinese translation beside its English was a third of its size.
_DENSE_SCRIPTS = lazy_re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _weighed_letters(text: str) -> int:
    return _letters(text) + 2 * len(_DENSE_SCRIPTS.findall(text))


def _quotations_joined(owners: list[str], letters: list[int], by_size: bool = True) -> list[str]:
    """`owners` with each passage of another language that the text runs on both sides of, and
    that is small beside both (a French quotation in an English article), given to that text:
    `--src-lang en` dropped it. Quotations are rare in their text: a language with three runs or
    more, one for every few sentences of the other, alternates with it, a text and its translation
    paragraph by paragraph, however much wordier one is (a hotel's notices, a two-column Word
    table); one or two long quotations in a short article are quotations still."""
    runs: list[list[int]] = []  # [start, end) of each run of sentences of one owner
    for k, owner in enumerate(owners):
        if runs and owners[runs[-1][0]] == owner:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    size = [sum(letters[run[0]:run[1]]) for run in runs]
    total: dict[str, int] = {}
    run_count: Counter[str] = Counter(owners[run[0]] for run in runs)
    sentence_count: Counter[str] = Counter(owners)
    for run, run_size in zip(runs, size):
        total[owners[run[0]]] = total.get(owners[run[0]], 0) + run_size
    out = list(owners)
    for k in range(1, len(runs) - 1):
        before, run, after = runs[k - 1], runs[k], runs[k + 1]
        around, inside = owners[before[0]], owners[run[0]]
        if (owners[after[0]] == around and inside != around
                and (run_count[inside] < MIN_RUNS_TO_ALTERNATE
                     or run_count[inside] * MIN_SENTENCES_PER_QUOTATION <= sentence_count[around])
                and total[inside] < MAX_QUOTED_LANGUAGE_SHARE * total[around]
                and (not by_size or size[k] < MAX_QUOTATION_SHARE * min(size[k - 1], size[k + 1]))):
            out[run[0]:run[1]] = [around] * (run[1] - run[0])
    return out


def text_languages(sentences: list[Sentence]) -> list[str]:
    """The languages that hold a text of their own, main one first."""
    letters = languages_by_letters(sentences)
    main = max(letters.values(), default=0)
    return [lang for lang, count in letters.items() if count >= MIN_PART_SHARE * main]


def dominant_language(sentences: list[Sentence]) -> str:
    """The language holding the most letters: a page of French with English share buttons and
    cookie lines is French, even if it has as many English sentences."""
    if not sentences:
        raise ValueError("no sentences to take a language from")
    weights: Counter[str] = Counter()
    for sentence in sentences:
        weights[sentence.lang or "und"] += max(_letters(sentence.text), 1)
    # most_common keeps first-seen order among ties.
    lang = weights.most_common(1)[0][0]
    if lang in SERBO_CROATIAN:
        # Sentence by sentence the detector reads a Croatian text as Croatian, Serbian, Bosnian and
        # "Serbo-Croatian" (sh), and the most letters went to Serbian: a Croatian text was named
        # Serbian, and beside its Serbian translation in Cyrillic, Serbian in Latin script. Its words
        # say which standard it is in, where they say it clearly.
        told = opening_text([sentence for sentence in sentences if sentence.lang in SERBO_CROATIAN], MAX_MARKER_CHARS)
        return serbo_croatian_standard(told) or lang
    return lang
