"""Sentence segmentation with the `sentence-splitter` package (Koehn & Schroeder's Moses
heuristics with per-language non-breaking prefixes), and a punctuation rule for the languages
it has no prefix list for (Arabic, Chinese, Japanese, Korean, Thai...)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from .. import lazy_re
from ..language import FINAL_MARKS_ANYWHERE, FINAL_MARKS_SPACED, NOTE_MARK, SCRIPT_FULL_STOPS, lower_case_letter
from .base import Segmenter, locate_sentences, strip_span

SPLITTER_LANGS = frozenset(
    "ca cs da de el en es fi fr hu is it lv lt nl no pl pt ro ru sk sl sv tr".split()
)

# A sentence ends after full-width or Arabic-script end marks wherever they stand (CJK text has
# no space after them), and after . ! ? … only when whitespace or the end follows, so that
# "3.5" and "U.S" stay whole. Closing quotes and brackets stay with the sentence they close.
_CLOSERS = "\"'”’»)\\]」』）】》〉"
_SENTENCE_END = lazy_re.compile(
    rf"(?:[{FINAL_MARKS_ANYWHERE}]+[{_CLOSERS}]*|[{re.escape(FINAL_MARKS_SPACED)}]+[{_CLOSERS}]*(?=\s|$))"
)
# Greek writes its question mark as ";" (its semicolon is the raised dot "·"), which the splitter's
# Moses rules read as a semicolon: a question is a sentence when a capital (or an opening quote or
# dash before one) follows, after the quote it closes too ("«Πότε ανοίγει;» «Στις 8.»").
_GREEK_QUESTION = lazy_re.compile(r"[;\u037e][»\"”’)]?(\s+)(?=[«\"“(—–-]?\s*([^\W\d_]))")
# Greek abbreviates a.m. and p.m. "π.μ." and "μ.μ.", BC and AD "π.Χ." and "μ.Χ.", which the splitter
# keeps inside a sentence: "... έως τις 9 μ.μ. Τα παιδιά ..." was two sentences read as one, and the
# faithful translation a merge. After a figure and before a capital they end the sentence, as
# English "p.m." does, unless the capital opens the day or the month they are read with.
_GREEK_CLOCK_OR_ERA_END = lazy_re.compile(
    r"(?<=\d)\s?[πμ]\.\s?[μΧ]\.(\s+)(?=[«\"“(]?([Α-ΩΆ-Ώ]))(?!Δευτέρ|Τρίτη|Τετάρτ|Πέμπτ|Παρασκευ|Σάββατ|Κυριακ|"
    r"Ιανουαρ|Φεβρουαρ|Μαρτ|Απριλ|Μαΐ|Μαι|Ιουν|Ιουλ|Αυγουστ|Σεπτεμβρ|Οκτωβρ|Νοεμβρ|Δεκεμβρ)")


def _package_version() -> str:
    try:
        return version("sentence-splitter")
    except PackageNotFoundError:  # pragma: no cover - a vendored copy without metadata
        return "unknown"


@lru_cache(maxsize=None)
def _splitter_for(lang: str):
    from sentence_splitter import SentenceSplitter

    return SentenceSplitter(language=lang)


_NEXT_CHARACTER = lazy_re.compile(r"\s*(\S)")
# Dialogue written with dashes (Ukrainian, Bulgarian, Serbian, Georgian...) gives the speaker after
# the question or the exclamation, behind a dash and in lower case: "— Де бібліотека? — запитала
# Марія." is one sentence, which a cut made a question and a fragment "— запитала Марія.".
_SPEECH_TAG_DASH = lazy_re.compile(r"\s*[—–]\s*(\S)")


# Scripts without capitals, in which a speech tag after a quoted question reads like a new sentence:
# '"איפה הספרייה?" שאלה מריה.' (Hebrew), 'ማሪያ «... የት ነው?» ስትል ጠየቀች።' (Amharic), '— სად არის
# ბიბლიოთეკა? — იკითხა მარიამ.' (Georgian) had the tag cut off as a sentence of its own. A letter of
# these after a closing quote goes on the sentence (a new line of dialogue opens with its own
# quote); after a dash, only on the same line (a new line of dialogue opens a line with its dash).
_CASELESS_SCRIPTS = frozenset("HEBREW ARABIC ETHIOPIC GEORGIAN DEVANAGARI BENGALI GURMUKHI GUJARATI ORIYA TAMIL "
                              "TELUGU KANNADA MALAYALAM SINHALA".split())


def _caseless_letter(character: str) -> bool:
    return (character.isalpha() and not character.isupper() and not lower_case_letter(character)
            and unicodedata.name(character, " ").split()[0] in _CASELESS_SCRIPTS)


def _tag_before_quote(letter: str, text: str) -> bool:
    """The language of `letter` puts its verb of saying before a quotation within a sentence: Hebrew,
    Arabic (not Persian or Urdu, told by their own letters)."""
    script = unicodedata.name(letter, " ").split()[0]
    return script == "HEBREW" or (script == "ARABIC" and not any(c in text for c in "پچژگکیۀےںہ"))


def _speech_tag_ahead(text: str, position: int) -> bool:
    """What runs from `position` to the next sentence end opens no quotation and announces none (a
    colon): a tag ("שאלה מריה."), not the next line's speaker ("نگهبان گفت: «...»")."""
    end = _SENTENCE_END.search(text, position)
    return not any(mark in text[position:end.start() if end else len(text)] for mark in "\"“«„:")


def _next_is_lower(text: str, position: int) -> bool:
    """Whether the first visible character from `position` on is a lower-case letter (read in place:
    a slice of the rest of the text at each full stop made a long paragraph quadratic)."""
    found = _NEXT_CHARACTER.match(text, position)
    return bool(found) and lower_case_letter(found.group(1))


# A quotation ends inside its sentence when a quoting particle or a comma follows its closing
# bracket (Japanese 「…。」と言った, 「…。」って; Chinese “…。”，).
_QUOTE_CLOSERS = "」』”"
_QUOTE_GOES_ON = tuple("とっ、，")


# A quotation of several sentences goes on until it closes ("ミラーさんは「京都と大阪は満員だ。金沢も
#増えている」と話した。", Korean 애널리스트는 "수요가 강하다. 내년에도 늘 것"이라고 말했다.), and a short speech
# tag after a closing quote belongs to the quotation's sentence ("“你要去哪儿？”记者问道。",
# "「…列車。」董事長陳建宏在記者會上說。"): cut there, each was a false split. The tag is a few characters
# that end on a verb of saying right before the full stop ("大家都知道结果。" is a sentence of its own),
# and a quotation is looked for within QUOTATION_REACH characters (a stray quote mark would
# otherwise hold the rest of the paragraph).
_OPEN_QUOTES = "「『“"
_SPEECH_TAG = lazy_re.compile(r"[^。！？!?.\n“”「」『』\"]{0,20}?(?:说|說|道|问|問|表示|称|稱|回答|言った|話した|述べた|語った)[。．.]")
_KOREAN_QUOTE_GOES_ON = ("이라", "라고", "라며", "며", "고 ", "이라고", "하고")
QUOTATION_REACH = 300


def _inside_quote(text: str, start: int, position: int) -> int:
    """Where the quotation open at `position` closes (after its closing mark), or -1 when none is
    open there or it does not close nearby."""
    stretch = text[max(start, position - QUOTATION_REACH):position]
    ahead = text[position:position + QUOTATION_REACH]
    if sum(stretch.count(ch) for ch in _OPEN_QUOTES) > sum(stretch.count(ch) for ch in _QUOTE_CLOSERS):
        closes = [c for c in (ahead.find(ch) for ch in _QUOTE_CLOSERS) if c >= 0]
        # closed before another opens: a stray mark opens nothing
        opens = [c for c in (ahead.find(ch) for ch in _OPEN_QUOTES) if c >= 0]
        if closes and (not opens or min(closes) < min(opens)):
            return position + min(closes) + 1
        return -1
    if stretch.count('"') % 2 == 1:
        close = ahead.find('"')
        return position + close + 1 if close >= 0 else -1
    return -1


def _quotation_goes_on(text: str, sentence_start: int, mark_end: int, end: int) -> bool:
    """Whether the sentence end whose marks stop at `mark_end` (and its closing quotes at `end`) is
    inside a quotation that goes on, or closes a quotation a speech tag follows. (Quotes are counted
    up to the marks: the straight quote after "。" may open the next quotation.)"""
    closed_at = _inside_quote(text, sentence_start, mark_end)
    if closed_at < 0 and text[end - 1:end] in _QUOTE_CLOSERS:
        closed_at = end
    if closed_at < 0:
        return False
    after = text[closed_at:closed_at + 4]
    return (after[:1] in _QUOTE_GOES_ON or after.startswith(_KOREAN_QUOTE_GOES_ON)
            or _SPEECH_TAG.match(text, closed_at) is not None or _PARTICLE_AHEAD.match(text, closed_at) is not None)


# A note in round brackets inside a sentence keeps its full stops: Japanese and Chinese end the
# sentence after the closing bracket ("... 列挙されています (このファイルは dpkg 内部にあることに注意して
# ください。当てにすべきではありません)。", the Debian FAQ), and a cut inside left one sentence with an
# open bracket and the next with a closing one ("ファイルのアクセスパーミッション (次の9文字。" / "ユーザー
# と...構成されている)", the Reference). A note that opens its sentence is sentences of its own, as
# English cuts "(... directories. See ...)". A question stays one: "...相联系（由此联想到，...是否都是一次次幽灵
# 倒计时的尽头？都有一个...最终责任）；" is two questions in the English of the MAC set's gold.
_OPEN_BRACKETS, _CLOSE_BRACKETS = "(（", ")）"


def _inside_note(text: str, start: int, position: int) -> bool:
    """Whether `position` is inside round brackets opened after the words of the sentence that starts
    at `start`, and closed within QUOTATION_REACH characters."""
    depth = 0
    for opened in range(position - 1, max(start, position - QUOTATION_REACH) - 1, -1):
        depth += (text[opened] in _CLOSE_BRACKETS) - (text[opened] in _OPEN_BRACKETS)
        if depth < 0:
            break
    else:
        return False
    if not text[start:opened].strip():
        return False
    depth = 0
    for closing in range(position, min(len(text), position + QUOTATION_REACH)):
        depth += (text[closing] in _OPEN_BRACKETS) - (text[closing] in _CLOSE_BRACKETS)
        if depth < 0:
            return True
    return False


_HAN_OR_KANA_AHEAD = lazy_re.compile(r"\s+[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# A Japanese case particle after a closing quote or bracket, or after an ellipsis, takes what they
# close as its noun: the sentence goes on ("「既知のバグのログはありますか?」 にある追加情報を見てください。",
# "(その回答も!) を集めています。", "Knoppix/LMDE/Ubuntu/... が Debian ベース"). The Debian FAQ and
# Reference link a section by its quoted title and a space, and each such sentence was cut in two, a
# false split ("を見てください。" alone). Not "では", "でも", "とは...", which open sentences.
_PARTICLE_AHEAD = lazy_re.compile(r"\s*(?:[をにがのへや]|で(?![はも])|と(?=[\s\"“「'(（\w])(?![ぁ-ゖ]))")
_ELLIPSIS = lazy_re.compile(r"(?:\.\.\.|…)[^.…]*$")
# A sentence-final mark alone between quotes, after a space or a bracket (or the text's start).
_QUOTED_MARK = lazy_re.compile(r"(?:^|(?<=[\s(（\[]))(?:'[.?!]'|\"[.?!]\"|‘[.?!]’|“[.?!]”|「[.?!？！。]」)")


def _closers_end(text: str, start: int, marks_end: int, end: int) -> int:
    """Where the sentence whose end marks stop at `marks_end` ends: after its closing marks, but for
    a straight double quote that closes no quotation opened since `start` and is written against
    the next word. That one opens the next sentence: after "。", which wants no space, the Debian
    Reference's Japanese '...影響されます。"LANG=C ls -l" と...' gave the first sentence the quote and the
    second a closing one alone, its command read as 'LANG=C ls -l" と'."""
    position = marks_end
    while position < end:
        if text[position] == '"' and text.count('"', start, position) % 2 == 0 \
                and end < len(text) and not text[end].isspace():
            return position
        position += 1
    return end


def split_on_punctuation(text: str, original: str | None = None) -> list[tuple[int, int]]:
    """Spans of `text` cut after sentence-final punctuation; the fallback for languages without
    a sentence-splitter prefix list. A full stop before a lower-case word ends an abbreviation, not
    a sentence (Ukrainian "2024 р. завершилася", "3 тис. кв. м": cut at each, as before)."""
    spans = []
    start = 0
    # A text that ends its sentences with its script's own full stop (the danda, the Armenian,
    # Ethiopic, Myanmar or Khmer one) writes a full stop after an initial or an abbreviation only
    # ("एस. सोमनाथ", "डॉ.", Armenian "Ա. Պետրոսյանը", Amharic "2012 ዓ.ም."): cut there, a Hindi or
    # Armenian name was two sentences, and an Amharic date a sentence of its own.
    own_full_stop = any(mark in text for mark in SCRIPT_FULL_STOPS)
    for match in _SENTENCE_END.finditer(text):
        if match.group(0).rstrip(_CLOSERS).endswith(".") and (own_full_stop or _next_is_lower(text, match.end())):
            continue
        if match.group(0).rstrip(_CLOSERS)[-1:] in "?!…؟" and (tag := _SPEECH_TAG_DASH.match(text, match.end())) \
                and (lower_case_letter(tag.group(1)) or (_caseless_letter(tag.group(1)) and original is not None
                                                         and "\n" not in original[match.end():tag.start(1)])):
            continue
        if match.group(0).rstrip(_CLOSERS)[-1:] in "?!؟" and match.group(0)[-1:] in "\"”»" \
                and (following := _NEXT_CHARACTER.match(text, match.end())) and _caseless_letter(following.group(1)) \
                and (text[start:match.start()].lstrip(" \t\n—–-")[:1] in "\"“«„" or not _tag_before_quote(following.group(1), text)) \
                and _speech_tag_ahead(text, match.end()):
            # in Hebrew and Arabic, only after a quotation that opens its sentence: one the sentence
            # brought in itself ('הוא שאל "למה?"', he asked "why?") has its tag, and a new sentence
            # follows; Persian, Urdu, Amharic, Hindi put the verb after it ("ማሪያ «...?» ስትል ጠየቀች።")
            continue
        if match.group(0) in (".", "..") and (match.start() == 0 or text[match.start() - 1].isspace()) \
                and _HAN_OR_KANA_AHEAD.match(text, match.end()):
            # A full stop standing alone as a word before Japanese or Chinese is a name (the file
            # ".", ls(1) in Japanese: ". で始まる要素を無視しない"): those languages end a sentence with "。".
            continue
        if match.start() and _QUOTED_MARK.fullmatch(text, match.start() - 1, match.end()) and text[match.end():].strip():
            # A mark quoted alone is the symbol its sentence speaks of: glob(7) in Japanese,
            # "(ブラケット外部の) '?' はあらゆる単一の文字にマッチする。", was cut after "'?'".
            continue
        marks_end = match.start() + len(match.group(0).rstrip(_CLOSERS))
        if (marks_end < match.end() or _ELLIPSIS.match(text, match.start(), marks_end)) \
                and _PARTICLE_AHEAD.match(text, match.end()):
            continue
        if _quotation_goes_on(text, start, marks_end, match.end()):
            continue  # 彼は「会社は崩壊した。」と述べた。: the quotation is inside the sentence
        if text[marks_end - 1] == "。" and _inside_note(text, start, marks_end):
            continue
        if text[match.end():match.end() + 1] in (",", ";") and match.group(0).rstrip(_CLOSERS)[-1:] in "。！？":
            continue  # "…ようこそ。,stairs": a CSV cell ends there, its row goes on
        end = _closers_end(text, start, marks_end, match.end())
        span = strip_span(text, start, end)
        if span[0] < span[1]:
            spans.append(span)
        start = end
    span = strip_span(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


# The splitter's rules start a sentence at a capital or an opening quote it knows, and miss the
# quotes and dialogue dashes of several languages: "... lange. „Wir bauen", "... dlouho. „Postavíme",
# Swedish "... länge. – Det är" and "”Vi bygger”", Spanish "... habló. —Construiremos" were glued
# to the sentence before. A sentence end, a space, one of these and a capital: a new sentence.
# "»" opens a quote in German, Danish, Swedish, Finnish, Czech, Slovak, Hungarian and Polish, and
# closes one in French (« Venez. » Puis ...), as "”" does everywhere but Swedish and Finnish.
_OPENERS = "„“«‚—–"
_OPENERS_ALSO = {"de": "»", "da": "»", "no": "»", "cs": "»", "sk": "»", "hu": "»", "pl": "»", "sl": "»",
                 "sv": "»”", "fi": "»”"}


@lru_cache(maxsize=None)
def _opener_pattern(code: str) -> re.Pattern:
    openers = re.escape(_OPENERS + _OPENERS_ALSO.get(code, ""))
    return re.compile(rf"[.!?…][\"'”’»)\]]?(\s+)[{openers}]\s*[¿¡]?([^\W\d_])")


def _cut_at_gaps(pattern: re.Pattern, text: str, spans: list[tuple[int, int]], opens=None) -> list[tuple[int, int]]:
    """`spans` cut at each gap (group 1) of `pattern`; where the pattern has a group 2, only when
    that letter is a capital (after a quote's dash, a lower-case word is a speech tag: Spanish
    "¿Vienes? —preguntó") and, given `opens`, when `opens(its position)` says a sentence opens there."""
    out = []
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            if pattern.groups < 2 or (match.group(2).isupper() and (opens is None or opens(match.start(2)))):
                out.append(strip_span(text, start, match.start(1)))
                start = match.end(1)
        out.append(strip_span(text, start, end))
    return [span for span in out if span[0] < span[1]]


# Languages that write an ordinal as a figure and a full stop ("W 45. Maratonie", "Na 45. Maratonu"),
# which the splitter cuts before a capital in some of them (German's rules keep it whole). A piece
# of a word and an ordinal alone is no sentence: it goes on in the next.
_ORDINAL_DOT_LANGS = frozenset("pl cs sk sl hu fi da no lv lt is tr".split())
_WORD_AND_ORDINAL = lazy_re.compile(r"(?:[^\W\d_]+\s+)?\d{1,3}\.")


def _joined(spans: list[tuple[int, int]], goes_on) -> list[tuple[int, int]]:
    """`spans` with each joined to the one before it where `goes_on(previous spans, span)` says the
    sentence the splitter ended there goes on."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and goes_on(out, span):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


# A piece with nothing but punctuation, hashtags and handles is no sentence: it goes on with the
# one before. A tweet's tags after its last sentence ("¡Haced RT si os resulta útil! #maps
# #javascript") stood as a sentence where the punctuation rule cut (a language without a prefix
# list, or a short line read as Galician), and a faithful pair had a false "split"; the comma
# after a Japanese cell of a CSV row ("...ようこそ。,") stood as a sentence "," on every row.
_TAG = lazy_re.compile(r"(?<![\w&])[#＃@]\w+")


def _bare(piece: str) -> bool:
    rest = _TAG.sub("", piece)
    return all(char.isspace() or unicodedata.category(char).startswith("P") for char in rest)


# A date written in figures with spaces, as the Slavic languages, Danish and Norwegian write it ("12. 3.
# 2024", "5. 5. u 10 sati"), or Hungarian with its year first ("2024. 03. 12-én"): the splitter and the
# punctuation rule cut after the day and the month, "Narodil se 12. 3. 2024 v Praze." was three
# pieces, and its faithful translation a split. A day and a month, a month and a year go on; a month
# before a capital is a date that ends its sentence ("... odjel 15. 3. Pak se vrátil.").
_DAY_END = lazy_re.compile(r"(?<![\w.,])(?:0?[1-9]|[12]\d|3[01])\.$")
_MONTH_AHEAD = lazy_re.compile(r"(?:0?[1-9]|1[0-2])\.(?:$|\s+(?:\d{4}(?!\d)|[^\W\d_](?<![^\W\d_](?<=[A-ZÀ-ÞА-ЯЁЂ-ЏΑ-Ω]))))")
_DAY_AND_MONTH_END = lazy_re.compile(r"(?<![\w.,])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.$")
_YEAR_AHEAD = lazy_re.compile(r"\d{4}(?!\d)")
# ... a Hungarian year, then its month and day, each with its full stop (or the day's case ending):
# not "It was 1996. 12 people came."
_YEAR_FIRST_END = lazy_re.compile(r"(?<![\w.,])\d{4}\.$")
_MONTH_AND_DAY_AHEAD = lazy_re.compile(r"(?:0?[1-9]|1[0-2])\.(?:$|\s?(?:0?[1-9]|[12]\d|3[01])[.-])")
_YEAR_AND_MONTH_END = lazy_re.compile(r"(?<![\w.,])\d{4}\.\s?(?:0?[1-9]|1[0-2])\.$")
_DAY_OF_YEAR_AND_MONTH_AHEAD = lazy_re.compile(r"(?:0?[1-9]|[12]\d|3[01])[.-]")


def _numeric_dates_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) < 2:
        return spans

    def goes_on(out, span) -> bool:
        reach = max(out[-1][0], out[-1][1] - 12)
        if _YEAR_FIRST_END.search(text, reach, out[-1][1]):
            return _MONTH_AND_DAY_AHEAD.match(text, span[0], span[1]) is not None
        if _YEAR_AND_MONTH_END.search(text, reach, out[-1][1]) and _DAY_OF_YEAR_AND_MONTH_AHEAD.match(text, span[0], span[1]):
            return True
        if _DAY_AND_MONTH_END.search(text, reach, out[-1][1]) and _YEAR_AHEAD.match(text, span[0], span[1]):
            return True
        return _DAY_END.search(text, reach, out[-1][1]) is not None and _MONTH_AHEAD.match(text, span[0], span[1]) is not None

    return _joined(spans, goes_on)


def _bare_pieces_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) < 2:
        return spans
    return _joined(spans, lambda _out, span: _bare(text[span[0]:span[1]]))


def _ordinals_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return _joined(spans, lambda out, span: _WORD_AND_ORDINAL.fullmatch(text, *out[-1]) is not None
                   and text[span[0]].isalpha())


# A list's number ("1.", "b)", "iv.") opening a paragraph is no sentence of its own: cut off, it
# stood as a sentence "1." in every report, and paired with the other side's "1." as if it meant
# something. Nor does a reference to a page, a number, an article, an equation or a date end a
# sentence before its figure ("See p. 12 ff.", "Art. 5", "Eq. (4)", "Ref. [12]", "15 avr. 2023"):
# cut there, the two halves were reported as a merge. A word that is also a reference's
# abbreviation ends its sentence before a word ("... the ref. The next ...") and stays cut there.
# Urdu closes a list's figure with its full stop "۔", Burmese with "။" ("۲۔", "၂။").
_LIST_MARKER = lazy_re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,6})[.)]|\d{1,3}[۔။]")
# ... after an item, a figure or a letter: Roman numerals spell words too (Swahili "Mimi.", me).
_INLINE_MARKER = lazy_re.compile(r"(?:\d{1,3}|[A-Za-z])[.)]|\d{1,3}[۔။]")
# ... nor is a heading's number opening a paragraph before its title, a section's ("1.1. What is
# this FAQ?", "3.1.2. Stage 2: the boot loader") or a chapter's or a table's with its label
# ("Chapter 1. Definitions and overview", "Table 3.1. List of boot loaders"): the Debian FAQ and
# Reference were cut after each number in English, French or Russian, kept whole in German ("Kapitel
# 1. Definitionen"), Japanese ("第1章 定義と概要") and Chinese, and every heading was a false merge.
# Joined last, after every rule that cuts (German's "Kapitel 3. Die Systeminitialisierung" is cut
# before its article, as "Installieren Sie Version 2. Die alte ..." must be).
_HEADING_NUMBER = lazy_re.compile(r"(?:[^\W\d_]+\s+)?\d{1,3}(?:\.\d{1,3})*\.")


def _heading_number_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) > 1 and _HEADING_NUMBER.fullmatch(text, *spans[0]):
        return [(spans[0][0], spans[1][1]), *spans[2:]]
    return spans
# ... and the pages of Italian, Spanish, Portuguese and Dutch ("Vedi pag. 23. Erano le 5." was one
# sentence: "23." read as a list's marker took the next sentence with it, and the reference the
# one before), the numbers of Spanish ("núm. 5"), and a German street ("Bahnhofstr. 5" was cut
# after the street's name).
_REFERENCE = lazy_re.compile(r"(?<![\w.])(?:p|pp|s|ss|no|nos|nr|n°|nº|art|arts|fig|figs|vol|vols|ch|chap|sec|sect|para|par|"
                        r"abs|bd|anm|ziff|tab|eq|eqs|éq|éqs|ref|refs|réf|réfs|col|cols|vers|appx|abb|kap|abschn|gl|"
                        r"janv|févr|fév|avr|juil|sept|oct|nov|déc|pag|pagg|pág|págs|blz|núm|[^\W\d_]*str)\.$", re.I)
# "ver." (version) too, but not in Spanish and Portuguese, where it is "to see" and ends sentences.
_VERSION = lazy_re.compile(r"(?<![\w.])ver\.$", re.I)
_SEES_VER = frozenset("es pt gl".split())
_FIGURE_AHEAD_OF_REFERENCE = lazy_re.compile(r"[(\[]?\d")
# ... and the articles, paragraphs, points and pages of other languages' laws and books: Czech "Podle
# čl. 5 odst. 2 Ústavy", Croatian "Prema čl. 5. st. 2.", Russian "ст. 5 ч. 2 УК РФ", Ukrainian "Див.
# ст. 5", Bulgarian "чл. 5", Romanian "alin. (2)" were cut after each, and a faithful translation of
# a law came out in splits.
_REFERENCE_BY_LANGUAGE = {code: lazy_re.compile(rf"(?<![\w.])(?:{words})\.$", re.I) for code, words in {
    "cs": "čl|odst|písm|str|obr|tab|kap|příl|č",
    "sk": "čl|ods|písm|str|obr|tab|č",
    "sl": "čl|odst|str|tč",
    "hr": "čl|st|toč|str", "bs": "čl|st|toč|str",
    "sr": "čl|st|toč|str|чл|ст|тач|стр",
    "ru": "ст|ч|чл|п|пп|гл|рис|табл|с|стр|разд|т",
    "uk": "ст|ч|чл|п|пп|гл|рис|табл|с|розд|т",
    "bg": "чл|ал|т|ст|стр|гл|фиг|табл",
    "ro": "alin|lit|pct|cap|pag|fig|tab",
}.items()}
# A month's abbreviation after its day goes on into the year: Dutch and Swedish "op 3 jan. 1900" were
# cut after the month (the French months are references above).
_DAY_AND_MONTH_ABBREVIATION = lazy_re.compile(
    r"(?<![\w.])\d{1,2}\.?\s(?:jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|márc|ápr|máj|jún|júl|szept|"
    r"sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|gen|mag|giu|lug|ago|ott|dic|ene|abr|set|out|dez)\.$", re.I)
# Italian "nel sec. XIX" (century) was cut before its numeral.
_CENTURY_BEFORE_NUMERAL = lazy_re.compile(r"(?<![\w.])(?:sec|secc)\.$")
_ROMAN_NUMERAL_AHEAD = lazy_re.compile(r"[IVXLC]{1,7}(?![\w'’])")
# An appendix, a section or a figure is also named by a capital ("Appx. B", "Sect. A.2"); not
# "A" or "I" before a space, which open sentences as words.
_LETTER_REFERENCE = lazy_re.compile(r"(?<![\w.])(?:appx|sec|sect|chap|ch|kap|abschn|fig|figs|abb|tab)\.$", re.I)
_LETTER_AHEAD = lazy_re.compile(r"(?![AI]\s)[A-Z](?:\.?\d+)*(?![\w'’])")
# The splitter reads an abbreviation right after an opening bracket as a word ("(incl. WSL)",
# "(col. 3)", "(ver. 3)"), and ends a sentence that the bracket keeps open.
_BRACKETED_ABBREVIATION = lazy_re.compile(r"\([a-zà-ÿ]{1,6}\.$")
BRACKET_REACH = 40
# A markdown table's cell that opens on a short word and its full stop holds an abbreviation, not
# a sentence ("| Max. Strom | 25 mA |": German writes the noun after it with a capital).
_CELL_OPENING = lazy_re.compile(r"^\s*[^\W\d_]{1,5}\.$")


def _markers_joined(text: str, spans: list[tuple[int, int]], code: str = "") -> list[tuple[int, int]]:
    by_language = _REFERENCE_BY_LANGUAGE.get(code)

    def goes_on(out, span) -> bool:
        if _LIST_MARKER.fullmatch(text, *out[-1]) if len(out) == 1 else _INLINE_MARKER.fullmatch(text, *out[-1]):
            # A marker alone is no sentence, at the paragraph's start or after an item on the same
            # line ("... விண்ணப்பிக்கவும். 2. உங்கள் ...", "۱۔ فارم بھریں۔ ۲۔ شناختی ..."): an inline
            # list's markers from the second on had been sentences of their own.
            return True
        if _FIGURE_AHEAD_OF_REFERENCE.match(text, span[0]) and (
                _REFERENCE.search(text, *out[-1]) or (code not in _SEES_VER and _VERSION.search(text, *out[-1]))):
            return True
        if _LETTER_AHEAD.match(text, span[0]) and _LETTER_REFERENCE.search(text, *out[-1]):
            return True
        if _FIGURE_AHEAD_OF_REFERENCE.match(text, span[0]) and (
                (by_language is not None and by_language.search(text, *out[-1]))
                or _DAY_AND_MONTH_ABBREVIATION.search(text, *out[-1])):
            return True
        if code == "it" and _ROMAN_NUMERAL_AHEAD.match(text, span[0]) and _CENTURY_BEFORE_NUMERAL.search(text, *out[-1]):
            return True
        if _BRACKETED_ABBREVIATION.search(text, *out[-1]) and ")" in text[span[0]:min(span[1], span[0] + BRACKET_REACH)]:
            return True
        before = text[out[-1][0]:out[-1][1]]
        in_a_row = "|" in before or (len(out) == 1 and "|" in text[span[0]:span[1]])
        return in_a_row and _CELL_OPENING.search(before.rsplit("|", 1)[-1]) is not None

    return _joined(spans, goes_on)


# A unit after a figure ends a sentence before a capital ("... arrive à 9 h. La réunion ..."): the
# splitter keeps a lone letter and its full stop together as an initial ("M. Dupont"), and a long
# one-line French report of times ran 400 sentences into pairs.
# So does a unit of speed or rate ("... 2,5 mm/h. Ensuite", "5 km/h.", "3 m/s.") and a temperature
# in kelvin ("293 K. Das ist"), and the Cyrillic units ("... на глубине более 1400 м. Кроме того,
# ..." was one sentence, and a sentence added after it a clause of it); not "г.", which is a year
# as often as grams ("В 2023 г. Москва приняла ..." goes on).
# ... and Czech "hod." (hours: "Sraz je v 10 hod. Přijďte včas." was one sentence), the Nordic crown
# ("Det koster 100 kr. Det er billigt."), and a thousand's "k" (a block's size in bzip2(1) in Polish:
# "... na 100 k, 200 k... 900" / "k. Nie ma żadnego znaczenia ...", where "k." is an abbreviation
# too); the unit on the line after its figure, as a manual page's wrapper leaves it.
_UNIT_END = lazy_re.compile(r"\d\s*(?:(?:h|min|km|m|cm|mm|kg|g|mg|l|ml|ha)(?:/(?:h|min|s|j|d))?|°[CF]|K|k|hod|kr"
                            r"|(?:км|м|см|мм|кг|мг|т|л|мл|га|ч|мин|сек)(?:/(?:ч|с))?)\.(\s+)([^\W\d_])")
# A program's message ends a sentence on a printf placeholder ("exited from signal %d. Exiting.",
# "sur le signal %d. Abandon."): French's and German's prefix lists hold every lower-case letter
# (an initial), and "d." kept the two sentences one, against two in English.
_PLACEHOLDER_END = lazy_re.compile(r"(?<![\w%])%(?:\d+\$)?[-+0#']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?"
                                   r"[diouxXeEfFgGaAcsp]\.(\s+)([^\W\d_])")
# German writes an ordinal as a figure and a full stop ("am 15. April", "im 19. Jahrhundert"), and
# the splitter keeps a figure and the capital after it together; but an ordinal stands before its
# noun, never before an article or a pronoun: "Installieren Sie Version 2. Die alte Version ..."
# is two sentences, and so is "Siehe Abb. 3. Das ist ..." (after an abbreviation). (After a word:
# "1. Die Gebühr ..." opens a list's item.)
_GERMAN_FIGURE_END = lazy_re.compile(r"(?:(?<=[^\W\d_]\s)|(?<![\w.])(?:S|Abb|Nr|Bd|Kap|Tab|Fig|Anm|Ziff|Art|Abs)\.\s)[\d.:]*\d\.(\s+)(?=(?:Der|Die|Das|Dies|Diese|Dieser|Dieses|Ein|Eine|Ich|Er|Sie|Es|Wir|"
                                r"Ihr|Man|Dort|Hier|Dann|Danach|Deshalb|Daher|Außerdem|Zudem|Jedoch|Trotzdem|Aber|Doch|Und|"
                                r"Nun|Jetzt|Damit|Dabei|Denn)\s)")
# ... a score or a clock's time too ("Das Spiel endete 2:1. Die Fans jubelten." was one sentence),
# and before the adverbs and conjunctions that open a sentence, never a noun ("Vgl. hierzu Kap. 3.
# Dort steht es.").
# Finnish and Hungarian write ordinals so too, and their splitter's lists keep every figure and its
# full stop inside a sentence: "Hän sijoittui 3. Hän oli iloinen." and "Ő lett a 3. Ő boldog volt."
# were one sentence. An ordinal stands before its noun, never before a pronoun, an article or a
# conjunction ("12. Suomen presidentti" goes on).
_ORDINAL_LANGUAGE_OPENERS = {
    "fi": "Hän|Se|He|Me|Te|Minä|Sinä|Tämä|Tuo|Nämä|Ne|Sitten|Mutta|Ja|Kun|Jos|Siksi|Nyt|Myös|Hänen|Sen|Heidän",
    "hu": "Ő|Ők|Ez|Az|Ezek|Azok|Én|Te|Mi|Ti|De|És|Aztán|Akkor|Most|Ekkor|Ezért|Így|Ha|Amikor|Utána|A",
}
# ... and a ruler's number, which Hungarian writes before the name: "IV. Béla király volt." and "A király
# II. Rákóczi Ferenc volt." were cut after it; before a pronoun or an article it ends the sentence.
_ROMAN_ORDINAL_END = lazy_re.compile(r"(?<![\w.])[IVXL]{1,5}\.$")
_HUNGARIAN_NAME_AHEAD = lazy_re.compile(rf"(?!(?:{_ORDINAL_LANGUAGE_OPENERS['hu']})\s)[A-ZÁÉÍÓÖŐÚÜŰ]")
_ORDINAL_FIGURE_END = {code: lazy_re.compile(rf"(?<=[^\W\d_]\s)\d+\.(\s+)(?=(?:{words})\s)")
                       for code, words in _ORDINAL_LANGUAGE_OPENERS.items()}
# German, Czech, Slovak and Slovene close a quotation with “ or ‘ (opened with „ or ‚): "... ohne
# Glück.‘ Wir haben" and "... habe.“ „Helfen Sie" were one sentence. No language opens a quotation
# right after a full stop without a space, so a full stop and one of these end a sentence before
# a capital ("„Wo bist du?“ fragte er" goes on: a speech tag).
_LOW_QUOTE_END = lazy_re.compile(r"[.!?…][“‘](\s+)[„‚»«]?([^\W\d_])")
# The splitter ends no sentence at the one-character ellipsis "…" (it does at "...") nor at an
# emoji: "... derrière lui… La maison" and "... go well 🙂 A statement" were one sentence, and a
# sentence left out after one was shown as a merge. A capital after them starts a sentence.
# (Faces and gestures only: a heart or a symbol stands for a word, "Wir lieben ❤ Berlin".)
_ELLIPSIS_OR_EMOJI_END = lazy_re.compile(r"(?:…|[\U0001F600-\U0001F64F\U0001F910-\U0001F97F])[\"'”’»)]?(\s+)[«\"“(]?\s*([^\W\d_])")
# German writes every noun with a capital ("ein echtes… Problem"): there, only a word that opens
# sentences does.
_GERMAN_OPENING_WORDS = ("Der|Die|Das|Ich|Er|Sie|Es|Wir|Ihr|Man|Dann|Aber|Und|Doch|Als|Wenn|Im|Am|In|Auf|Mit|"
                         "Nach|Ein|Eine|Dies|Diese|Dieser|So|Da|Nun|Jetzt|Heute|Niemand|Alle|Was|Wer|Wie|Warum")
_GERMAN_OPENERS = lazy_re.compile(rf"(?:{_GERMAN_OPENING_WORDS})\b")

# The splitter's German list holds "MwSt." (VAT), which never breaks there; but it ends the amount
# it is added to, and often the sentence: "... zzgl. MwSt. Die Rechnung ..." was one sentence.
# Before a word that opens sentences only (German nouns have capitals: "die MwSt. Deutschlands").
_GERMAN_TAX_END = lazy_re.compile(rf"(?<![\w.])(?:MwSt|USt)\.(\s+)(?={_GERMAN_OPENERS.pattern})")

# A note's mark after a full stop ends the sentence with it ("... in 1932.[1] Heavy trams", a web
# page's "1932.¹ Heavy", an e-book's "arrived.* Nobody"): the splitter saw no end there, and a
# sentence left out between two such marks was hidden inside a pair of glued sentences.
_NOTE_MARK_END = lazy_re.compile(rf"[.!?…][\"'”’»)]?{NOTE_MARK}(\s+)([^\W\d_])")
# ... and a plain figure, as a PDF's text layer or pasted Word text gives a raised one ("the
# accounts.2 The members"), after a word (not "Fig.2", "p.12", a decimal "2.5").
_DIGIT_NOTE_END = lazy_re.compile(r"(?<![^\W\d_])(?!(?i:fig|figs|abb|art|arts|vol|vols|sec|sect|tab|abs|anm|nos|chap|"
                             r"para|ziff|bd|nr|no|ch|par|pp|ss)[.])[^\W\d_]{3,}[.!?][\"'”’»)]?\d{1,2}(\s+)([^\W\d_])")


def _note_marks_moved(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A note's mark alone after a sentence's full stop and a space ("... to the mailing list. [7]",
    a paragraph's end) goes with that sentence: a sentence "[7]" of its own was left out of a
    translation that wrote the mark without the space (the Debian FAQ's Portuguese and Chinese
    pages). A mark before more text may open a note ("... spared. [1] Sixty-three.", a novel's
    footnote set inline), and stays where the splitter put it."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _LONE_NOTE_MARK.fullmatch(text, start, end) and _ENDS_WITH_FINAL.search(text, *out[-1]):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out


_LONE_NOTE_MARK = lazy_re.compile(r"\[\d{1,3}\]")
_ENDS_WITH_FINAL = lazy_re.compile(r"[.!?…][\"'”’»)]?$")


def _notes_cut(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` cut after each note's mark that ends a sentence, raised or plain."""
    return _cut_at_gaps(_DIGIT_NOTE_END, text, _cut_at_gaps(_NOTE_MARK_END, text, spans))


# "etc." and its kin end a sentence before a capital more often than not ("... pears, etc. The
# shop ..."), and a year's "г." in Russian ("в 2023 г. Аналитики"); the splitter never cut there.
# So do "et al." before a capital ("... by Smith et al. The results differ"), a word in capitals
# ("patients with MS. Longer trials", which the splitter takes for "Ms."), and "No." before a
# capital, which is the answer, not "número" ("R: No. Nadie puede garantizarlo").
# The rouble and the hryvnia end an amount, and often its sentence ("... 980 млн руб. Мэр города").
# The "etc." of other languages, which their prefix lists hold, end a sentence as it does: Czech
# "... hrušky atd. Obchod zavřel.", Slovak "atď.", Slovene "itd.", Hungarian "stb.", Swedish "osv.",
# "m.m.", Danish and Norwegian "osv.", Finnish "jne.", Greek "κ.λπ.", "κτλ.", Lithuanian "ir pan."
# were each one sentence with the next, and a faithful translation of the two a merge.
# A century in Roman numerals, Russian and Bulgarian "в." / "вв." (see _CENTURY_ABBREVIATION).
_CENTURY = r"[IVXLC]{1,6}(?:\s?[–—-]\s?[IVXLC]{1,6})?\s?вв?"
_LIST_END = lazy_re.compile(r"(?:\b(?:etc|usw|ecc|ect|et al|руб|грн|atd|atp|apod|atď|itd|itn|itp|stb|osv|jne|yms|κτλ|"
                            r"ir pan|ir kt)|(?<![\w.])(?:m\.m|m\.fl|o\.s\.v|κ\.λπ|κ\.ά|ir t\.\s?t)|\bи\s?т\.\s?[дп]|"
                            r"\d\s?гг?|(?<![^\W\d_])" + _CENTURY + r")\.(\s+)([^\W\d_])", re.I)
# ... but a piece that is nothing but the date it opens its sentence with is no sentence: "В 2023 г.
# Москва приняла ...", "15 марта 2023 г. Президент ...", "В 1990–2000 гг. Россия ...", Ukrainian "У
# 2023 р. Київ ...", Bulgarian "През 2023 г. София ..." were each cut into a date and the rest, and
# the faithful translation reported as a split. A piece of prepositions, conjunctions, months,
# seasons, parts of a year and figures only, ending on a year (or a range, "1990-х") and its
# abbreviation, goes on with the next; not where a line ends after it (a letter's date line), nor a
# year alone ("2019 г. Основание компании": a chronology's entry). "... в 2023 г. Аналитики ..."
# (a verb before the year) stays cut.
_YEAR_ABBREVIATION = {"ru": "гг?", "bg": "гг?", "uk": "рр?"}
_DATE_WORDS = {
    "ru": "в|во|с|со|к|ко|до|после|на|от|около|за|по|между|через|перед|из|начиная|вплоть|уже|ещё|еще|лишь|только|"
          "и|а|но|однако|также|тогда|примерно|почти|начале|конце|середине|течение|начала|конца|середины|половине|"
          "половины|первой|второй|первом|втором|третьем|четвёртом|четвертом|квартале|квартала|летом|зимой|весной|"
          "осенью|лета|зимы|весны|осени|январ[яе]|феврал[яе]|марта?|марте|апрел[яе]|ма[яе]|июн[яе]|июл[яе]|"
          "августа?|августе|сентябр[яе]|октябр[яе]|ноябр[яе]|декабр[яе]",
    "uk": "у|в|з|із|зі|до|після|на|від|близько|за|по|між|через|перед|протягом|наприкінці|наприкiнцi|починаючи|уже|вже|"
          "лише|тільки|і|й|та|а|але|також|тоді|початку|кінці|середині|першому|другому|третьому|четвертому|кварталі|"
          "півріччі|влітку|взимку|навесні|восени|січн[яі]|лют(?:ого|ому)|березн[яі]|квітн[яі]|травн[яі]|червн[яі]|"
          "липн[яі]|серпн[яі]|вересн[яі]|жовтн[яі]|листопада|листопаді|грудн[яі]",
    "bg": "през|в|във|от|до|след|преди|на|около|за|по|между|към|и|а|но|също|началото|края|средата|есента|пролетта|"
          "лятото|зимата|първото|второто|тримесечие|януари|февруари|март|април|май|юни|юли|август|септември|"
          "октомври|ноември|декември",
}
# ... and a century in Roman numerals, Russian and Bulgarian "в." / "вв." ("В XIX в. Россия ...", "В XIX–XX
# вв. Россия росла." was cut after the date; "Он родился в XIX в. Умер рано." was one sentence).
_CENTURY_ABBREVIATION = {"ru": _CENTURY, "bg": _CENTURY}
_DATE_PHRASE = {
    code: lazy_re.compile(rf"(?P<words>(?:(?:(?:{words})|\d{{1,4}}(?:-[^\W\d_]{{1,3}})?),?\s+)+)"
                          rf"(?:\d{{3,4}}(?:\s?[–—-]\s?\d{{2,4}})?(?:-[^\W\d_]{{1,3}})?\s?(?:{_YEAR_ABBREVIATION[code]})"
                          rf"{'|' + _CENTURY_ABBREVIATION[code] if code in _CENTURY_ABBREVIATION else ''})\.", re.I)
    for code, words in _DATE_WORDS.items()}
_A_DATE_WORD = {code: lazy_re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.I) for code, words in _DATE_WORDS.items()}


def _date_phrases_joined(text: str, spans: list[tuple[int, int]], original: str, code: str) -> list[tuple[int, int]]:
    """`spans` with a piece that is only a date and its year's abbreviation joined to the next (see
    _DATE_PHRASE); `original`: the paragraph with its line breaks."""
    phrase = _DATE_PHRASE.get(code)
    if phrase is None or len(spans) < 2:
        return spans

    def goes_on(out, span) -> bool:
        found = phrase.fullmatch(text, *out[-1])
        return (found is not None and _A_DATE_WORD[code].search(found.group("words")) is not None
                and "\n" not in original[out[-1][1]:span[0]])

    return _joined(spans, goes_on)


# French "MM." (Messieurs) and "SS." (Saints) stand before names.
_CAPITALS = r"(?!(?:MM|SS)\.)(?:[A-Z]{2,}|No)\.(\s+)(?=[¿¡]?[A-ZÀ-Ý][a-zà-ÿ])"
_CAPITALS_END = lazy_re.compile(r"(?<![\w.])" + _CAPITALS)
# ... where a Roman numeral is a Hungarian ruler's number before the name ("IV. Béla"), not an acronym.
_CAPITALS_END_HU = lazy_re.compile(r"(?<![\w.])(?![IVXL]{1,5}\.\s+[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű])" + _CAPITALS)

# An initialism ends an English sentence before a word that opens one ("... sanctions on the U.S.
# The rest ..."): the splitter keeps "U.S." with whatever follows, as it must before "U.S. Army".
_INITIALISM_END = lazy_re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(\s+)(?=(?:The|It|He|She|They|We|This|That|These|Those|But|"
                             r"And|Its|Their|His|Her|There|I|A|An|In|On|At|For|After|When|While|However)\s)")

# A sentence that opens on a command's manual page opens in lower case, as the command is spelled
# ("mount(8) serves to attach ...", "chgrp(1) is used ..."): the splitter, which reads a full stop
# before a lower-case word as an abbreviation's, ran it into the sentence before ("... spread out
# over several devices. mount(8) serves ..."), and each translation of the Debian Reference that
# wrote it as a sentence of its own was a false split. Not after the language's abbreviations
# ("e.g. ls(1)", "vgl. ls(1)") or an initial.
_MAN_PAGE_AHEAD = lazy_re.compile(r"(?<![\w.])([^\W\d_][\w-]*)\.(\s+)[a-z][\w.+-]*\(\d[a-z]*\)(?![\w(])")


# ... and so does a term in quotation marks, in lower case, that opens the next sentence (a command,
# a value): the Debian Reference's 'See ”/usr/share/doc/libncurses5/FAQ” for more. ”dumb” is the
# lowest common denominator for ”$TERM”.' was one sentence in English, German, Spanish and French
# («dumb» es, « dumb » est). After a closing quotation mark or bracket too ("... FAQ”. ”dumb” ist").
_QUOTED_TERM_AHEAD = lazy_re.compile(r"(?:(?<![\w.])([^\W\d_][\w-]*)|[”\"»’)])\.(\s+)[«\"“”„‘»]\s?[a-z][^\s«»\"“”„]*\s?"
                                     r"[»\"”“’]\s+[^\W\d_]")


# ... and so does a name the document itself spells in lower case where a sentence opens (a command,
# a package: `LOWER_CASE_NAME`, found by `lower_case_names`): the Debian FAQ's "This is the main
# package management program. dpkg can be invoked ...", "... from /etc/apt/sources.list. apt-get
# will call dpkg ..." and the Reference's "... log root activity. sudo requires ..." were each one
# sentence, and a translation that wrote two a false merge. After a word that is no abbreviation of
# the language, or after a path.
_NAME_TAIL = r"[\w+-]*(?:\.[\w+-]+)*"
LOWER_CASE_NAME = r"[a-z]" + _NAME_TAIL
_NAME_AHEAD = lazy_re.compile(rf"(?:(?<![\w.])([^\W\d_][\w-]*)|\S/[\w.-]*\w)\.(\s+)({LOWER_CASE_NAME})(?=[\s(,:;]|$)")


# A paragraph that opens on a word in lower case (after a heading's number: "8.1.1. dpkg", or with its
# manual's section: "sudo(8) is a program ...") opens on a name so spelled.
_LOWER_CASE_OPENING = lazy_re.compile(rf"(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?\s+)?({LOWER_CASE_NAME})(?:\(\d[a-z]*\))?(?=[\s,:;]|$)")


_CAPITALISED_NAME = lazy_re.compile(r"(?<![\w.-])[A-Z]" + _NAME_TAIL)


# ... and a command the document runs after a shell's prompt ("$ apt-get update") or names by its
# manual page anywhere ("see ls(1)").
_COMMAND_RUN = lazy_re.compile(rf"^[ \t]*\$[ \t]+(?:sudo[ \t]+)?({LOWER_CASE_NAME})(?=[ \t]|$)", re.M)
_MANUAL_PAGE = lazy_re.compile(rf"(?<![\w.-])({LOWER_CASE_NAME})\(\d[a-z]*\)")


def lower_case_names(paragraphs: list[str], text: str) -> frozenset[str]:
    """The words that open one of `paragraphs` in lower case, or that `text`, the whole document,
    runs as commands or names by their manual pages, and that it never writes with a capital: a word
    that opens sentences with one ("The", "And": a paragraph cut from the line before it) is no name."""
    found = {match.group(1) for paragraph in paragraphs if (match := _LOWER_CASE_OPENING.match(paragraph))}
    if "$" in text:
        found.update(_COMMAND_RUN.findall(text))
    if "(" in text:
        found.update(_MANUAL_PAGE.findall(text))
    if not found:
        return frozenset()
    capitalised = set(_CAPITALISED_NAME.findall(text))
    return frozenset(name for name in found if name[0].upper() + name[1:] not in capitalised)


def _names_cut(text: str, spans: list[tuple[int, int]], code: str, names: frozenset[str]) -> list[tuple[int, int]]:
    if not names:
        return spans
    return _after_words_cut(text, spans, code, lambda start, end: [
        match for match in _NAME_AHEAD.finditer(text, start, end) if match.group(3) in names])


def _man_pages_cut(text: str, spans: list[tuple[int, int]], code: str) -> list[tuple[int, int]]:
    return _after_words_cut(text, spans, code, lambda start, end: sorted(
        [*_MAN_PAGE_AHEAD.finditer(text, start, end), *_QUOTED_TERM_AHEAD.finditer(text, start, end)],
        key=lambda match: match.start(2)))


def _after_words_cut(text: str, spans: list[tuple[int, int]], code: str, matches) -> list[tuple[int, int]]:
    """`spans` cut at the gap (group 2) of each of `matches(start, end)` whose word before the full stop
    (group 1; none after a path or a quote) is no abbreviation of the language nor an initial."""
    prefixes = _splitter_for(code)._SentenceSplitter__non_breaking_prefixes if code in SPLITTER_LANGS else {}
    out = []
    for start, end in spans:
        for match in matches(start, end):
            word = match.group(1)
            if match.start(2) >= start and (word is None or (len(word) > 1 and word not in prefixes
                                                             and word.lower() not in prefixes)):
                out.append(strip_span(text, start, match.start(2)))
                start = match.end(2)
        out.append(strip_span(text, start, end))
    return [span for span in out if span[0] < span[1]]


# Abbreviations that stand before a name or a second part, never at a sentence's end, which the
# splitter cuts after, by language: a common word elsewhere ("vet." is "knows" in Swedish, "dent."
# a French tooth): Spanish "EE. UU.", German "Dr. med. Müller", Arabic "د. أحمد" (Dr.).
_CYRILLIC_INITIAL = r"|[А-ЯЁІЇЄҐ]"  # "Т. Г. Шевченко": a name's initials
_NEVER_LAST = {
    # Titles the splitter's lists hold in lower case only, or not at all: "la Dra. Ana López",
    # "la Srta. Ruiz", "le Pr. Martin", "Mgr. Lefort", "Hr. Müller" were cut before the name.
    "es": lazy_re.compile(r"(?<!\S)(?:EE|Dra|Dras|Sra|Sras|Srta|Srtas|Dña|Mons|Lic|Ing|Excmo|Excma|Ilmo|Ilma)\.$"),
    "fr": lazy_re.compile(r"(?<!\S)(?:Pr|Mgr|Mme|Mmes|Mlle|Mlles|Me)\.$"),
    # ... "Tsd." (thousand) before what it counts: "5 Tsd. Euro" was cut (before an article it ends
    # its sentence, _CLOSING_END).
    "de": lazy_re.compile(r"\bDr\.\s+(?:med|rer\. nat|phil|jur|dent|vet|dipl)\.$|(?<!\S)(?:Hrn|Frl)\.$|\d\s?Tsd\.$"),
    "ar": lazy_re.compile(r"(?<!\S)(?:د|أ\.د)\.$"),
    "vi": lazy_re.compile(r"(?<!\S)(?:TP|TS|GS|PGS|ThS|BS|KS|Tp)\.$"),  # city, doctor, professor...
    "id": lazy_re.compile(r"(?<!\S)(?:Dr|Drs|Jl|Prof|Ir|Bpk|Sdr|Kol)\.$"),
    "ms": lazy_re.compile(r"(?<!\S)(?:Dr|Jln|Prof|Tn|Pn)\.$"),
    "sw": lazy_re.compile(r"(?<!\S)(?:Dkt|Bw|Bi|Prof|Mhe)\.$"),
    "hu": lazy_re.compile(r"(?<!\S)(?:dr|Dr|id|ifj|özv|prof)\.$"),
    "uk": lazy_re.compile(r"(?<!\S)(?:[Вв]ул|[Пп]роф|д-р|[Аа]кад|ім|напр|просп" + _CYRILLIC_INITIAL + r")\.$"),
    # A title opens a sentence with its capital too ("Проф. Иванов приехал." was cut after it).
    "ru": lazy_re.compile(r"(?<!\S)(?:[Уу]л|[Пп]роф|[Аа]кад|им|(?<!и )пр|просп" + _CYRILLIC_INITIAL + r")\.$"),
    # ... Dutch "Dhr. Jan de Vries", Italian "Il sig. Mario Bianchi", "il prof. Luca Rossi".
    "nl": lazy_re.compile(r"(?<!\S)(?:Dhr|Mevr|Mw|Drs|Ir|Ing)\.$"),
    "it": lazy_re.compile(r"(?<!\S)(?:[Ss]ig|[Ss]igg|[Ss]ig\.r[ae]|[Ss]ig\.na|prof|prof\.ssa|[Dd]ott|[Dd]ott\.ssa|avv|[Ii]ng|"
                     r"geom|rag)\.$"),
    "bg": lazy_re.compile(r"(?<!\S)(?:[Уу]л|[Пп]роф|[Аа]кад" + _CYRILLIC_INITIAL + r")\.$"),
    # Titles before a name that the lists lack, or hold in lower case only: Catalan "El Sr. Puig va
    # arribar." and "La Sra. Vila" (the list is Spanish's, in lower case), Slovene "Prof. Kos tudi.",
    # Croatian "Došao je dr. Horvat." (not "i dr.", and others, which ends sentences), Serbian
    # "Проф. Јовић", Romanian "Dna. Ionescu" were each cut before the name.
    "ca": lazy_re.compile(r"(?<!\S)(?:Sr|Sra|Srta|Srs|Sres|Dr|Dra|Drs|Mn|Excm|Excma|Il·lm|Il·lma)\.$"),
    "sl": lazy_re.compile(r"(?<!\S)(?:[Pp]rof|[Dd]oc|[Aa]kad|mag)\.$"),
    "hr": lazy_re.compile(r"(?<!\S)(?<!\bi\s)(?:[Dd]r|[Pp]rof|[Dd]oc|[Aa]kad|mr|sv)\.$"),
    "bs": lazy_re.compile(r"(?<!\S)(?<!\bi\s)(?:[Dd]r|[Pp]rof|[Dd]oc|[Aa]kad|mr|sv)\.$"),
    "sr": lazy_re.compile(r"(?<!\S)(?<!\b[iи]\s)(?:[Dd]r|[Pp]rof|[Dd]oc|[Aa]kad|mr|sv|[Дд]р|[Пп]роф|[Дд]оц|[Аа]кад|св)\.$"),
    "ro": lazy_re.compile(r"(?<!\S)(?:[Dd]na|[Dd]nei|[Dd]l|[Dd]lui|[Dd]-na|[Dd]-l|[Dd]-lui|[Dd]ra|[Dd]-ra|[Ss]f)\.$"),
    # Czech and Slovak streets and squares ("v ul. Dlouhé" was cut before the street's name).
    "cs": lazy_re.compile(r"(?<!\S)(?:[Uu]l|[Nn]ám|tř)\.$"),
    "sk": lazy_re.compile(r"(?<!\S)(?:[Uu]l|[Nn]ám)\.$"),
    # Georgian writes no capitals (language.lower_case_letter), so the fallback's rule that a full
    # stop before a lower-case word is an abbreviation's sees none: "2020 წ. 5 მაისს" (year),
    # "ქ. თბილისში" (city), "XIX საუკ." (century), "გვ. 45" (page), "ე.ი." (that is) and every
    # initial ("გ. ამილახვარი") ended a sentence. A letter alone with its full stop is an initial or
    # an abbreviation, and goes on (a year's "წ." ends a sentence less often than it stands inside
    # one, Georgian putting its verb last); but "და ა.შ." (and so on) ends a sentence, as "etc." does
    # more often than not, with no capital after it to tell.
    "ka": lazy_re.compile(r"(?<![^\W\d_])(?:(?!შ)[ა-ჰ]|(?<!ა\.)(?<!ა\.\s)შ|საუკ|სს|წწ|გვ|ძვ|ახ|პროფ|აკად|დოქტ|ბატ|ქალბ|"
                     r"მაგ|იხ|შდრ|მუხ)\.$"),
}


def _either_case(words: str) -> str:
    """`words` (a "|"-separated alternation) with each word's first letter in either case: an
    abbreviation is written with a capital where it opens a sentence ("Vgl. Art. 6", "Cf. Art. 12")."""
    return "|".join(f"[{word[0].upper()}{word[0].lower()}]{word[1:]}" for word in words.split("|"))


# Abbreviations of legal, commercial and everyday text that stand before what they govern, never
# at a sentence's end: "1.250,00 EUR pro Monat zzgl. MwSt.", "gem. Art. 246a", "vgl. Art. 6",
# "lt. Vertrag", "Cf. Art. 12", "la Av. Libertador", "aprox. Veinte", "a pag. 12". The splitter's
# lists lack them or hold them in lower case only, and cut before a capital or a figure; German
# writes every noun with a capital, so a faithful translation of a contract came out with false
# splits and merges. (Not "usw.", "etc.", "ecc.", "enz.", "s.o.", "resp.", which do end sentences.)
_GOVERNING_ABBREVIATIONS = {
    "de": _either_case(r"gem|lt|Ziff|Abs|Fa|gez|bspw|insb|ggü|betr|vgl|o\.g|z\.Hd|i\.V\.m|zw"),
    "en": _either_case(r"approx|viz|cf") + "|Mt",  # "He moved to Mt. Vernon" was cut before the name
    "fr": _either_case(r"cf|env|av|bd") + "|Ste",
    "es": _either_case(r"av|avda|avd|aprox|pza|ctra|dpto|fdo|cf|cfr|sta|sto"),
    "it": _either_case(r"cf|cfr|pag|pagg|gent"),
    "pt": _either_case(r"cf|aprox"),
    "nl": _either_case(r"vgl|t\.a\.v") + "|nl",
}
for _code, _words in _GOVERNING_ABBREVIATIONS.items():
    _own = _NEVER_LAST.get(_code)
    _NEVER_LAST[_code] = lazy_re.compile((_own.pattern + "|" if _own is not None else "") + rf"(?<![\w.])(?:{_words})\.$")
# "inkl.", "zzgl.", "incl." and their kin stand before the tax or the cost they add, but after it
# in a price's short form ("EUR 10, VAT incl. Delivery is free"), where they end the sentence.
_INCLUDING = lazy_re.compile(r"(?<![\w.])(?:[Ii]nkl|[Ee]xkl|[Zz]zgl|[Aa]bzgl|[Ee]inschl|[Ii]ncl|[Ee]xcl)\.$")
_TAX_BEFORE_INCLUDING = lazy_re.compile(r"(?<![\w.])(?:VAT|MwSt|USt|IVA|TVA|BTW|GST|HST|tax|taxes|Steuer|Steuern)\.?,?\s+\S+$")
_INCLUDING_LANGS = frozenset("de en fr es it pt nl".split())
# ... nor before an article or a pronoun that opens the next sentence ("desayuno incl. Los niños no
# pagan", "Zimmer inkl. Die Kinder schlafen gratis"): what "incl." governs is a noun.
_SENTENCE_OPENING_WORDS = {
    "en": "The|This|These|That|Those|It|He|She|They|We|I|You|There|Our|Their|His|Her|Its|A|An",
    # Spanish, Portuguese and Italian drop the pronoun: a sentence opens on its verb as often.
    "es": "El|La|Los|Las|Un|Una|Este|Esta|Estos|Estas|Nosotros|Ellos|Ellas|Se|Hay|No|Es|Era|Fue|Está|Estaba",
    "fr": "Le|La|Les|Un|Une|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|Nous|On|Vous|Je",
    "de": _GERMAN_OPENING_WORDS,
    "it": "Il|Lo|La|I|Gli|Le|Un|Una|Questo|Questa|Questi|Noi|Loro|È|Era|Fu|Non|Si|Ci|Poi|Ma|Quindi|Inoltre|Tuttavia",
    "pt": "O|A|Os|As|Um|Uma|Este|Esta|Estes|Estas|Nós|Eles|Elas|É|Era|Foi|Está|Há|Não",
    "nl": "De|Het|Een|Dit|Deze|Wij|We|Ze|Hij|Zij",
}
_OPENING_A_SENTENCE = {code: lazy_re.compile(rf"(?:{words})(?![\w'’])") for code, words in _SENTENCE_OPENING_WORDS.items()}
# A company's form, an era and a scale word close what they follow, and often their sentence: "He
# works at Apple Inc. He is an engineer.", "Trabalha na Petrobras S.A. É engenheiro.", "Nacque nel
# 44 a.C. Morì giovane.", "Das kostet 5 Mio. Die Stadt zahlt." were each one sentence, and a faithful
# translation a merge. Before an article or a pronoun, the word that opens a sentence, they end it;
# before a name they go on ("Apple Inc. CEO Tim Cook", "In 44 B.C. Caesar was killed").
_CLOSING_ABBREVIATIONS = (r"Inc|Ltd|Corp|Co|Bros|plc|LLC|L\.L\.C|S\.A|S\.p\.A|S\.r\.l|S\.L|Lda|N\.V|B\.V|e\.V|"
                          r"B\.C|A\.D|B\.C\.E|C\.E|a\.C|d\.C|a\.\s?C|d\.\s?C|J\.-C|av\.\s?J\.-C|apr\.\s?J\.-C|"
                          r"v\.\s?Chr|n\.\s?Chr|Mio|Mrd|Mill|mln|mld|mrd|bn|tn|"
                          # ... and so do "ff." after pages, "Jr." and "Ph.D." after a name: "Siehe S. 12 ff.
                          # Der Text ...", "... John F. Kennedy Jr. He was young.", "He earned a Ph.D. He
                          # then taught." were one sentence; French "et s." too ("Voir p. 12 et s. Le texte suit.").
                          r"ff|Jr|Ph\.D|et\ss|et\ssuiv")
# ... and, by language, a unit of time or a count (German "5 Std. Das ist lang", "5 Tsd. Die Stadt",
# "im 19. Jh. Die Stadt": German puts its verb second, an article after them opens a sentence) and
# an English street ("He lives on Main St. The house is old.").
_CLOSING_BY_LANGUAGE = {"de": "|Std|Min|Sek|Tsd|Jh|Jhd|Stk", "en": "|St|Ave|Rd|Blvd",
                        # Italian codes of law: "Si veda l'art. 12 c.p. Si applica anche qui." was one sentence.
                        "it": "|c\\.p|c\\.c|c\\.p\\.p|c\\.p\\.c"}
_CLOSING_END = {code: lazy_re.compile(rf"(?<![\w.])(?:{_CLOSING_ABBREVIATIONS}{_CLOSING_BY_LANGUAGE.get(code, '')})\.(\s+)"
                                      rf"(?=[«\"“]?(?:{words})(?![\w'’]))")
                for code, words in _SENTENCE_OPENING_WORDS.items()}
# The splitter's lists hold words of the language as abbreviations, and never end a sentence on them
# before a capital: Swedish "Nej. Jag kommer inte." and Norwegian "Nei. Jeg ..." (the English list's
# "No", number, translated, without its "before a figure only"), Hungarian "nem", Turkish "hayır"
# (no), Swedish "Han log. Hon ..." (he smiled), "lagade mat." (food), "var kung." (king), Danish "en
# søn." (son), "Den er min." (mine), Czech "Viděli jsme film.",
# Catalan and Romanian "cap" (head, none), and "Jan.", the month of the English list, a first name
# in every language that has it ("Jag träffade Jan. Han var glad."): each was one sentence with the
# next, and a faithful translation of the two a merge. Before a capital they end the sentence (not
# before a Roman numeral: Romanian "cap. IV", chapter).
_LIST_WORDS = {
    "sv": "[Nn]ej|kung|mat|log|data|sport|hand|mus|med|fil|bet|Jan",
    "da": "søn|min|man|ur|sko|hat|dans|mur|told|post|sport|Jan",
    "no": "[Nn]ei|Jan",
    "hu": "[Nn]em|Jan",
    "tr": "[Hh]ayır|Jan",
    "cs": "film|sport|les|lid|hor|slang",
    "sk": "Max",
    "ro": "cap|Jan",
    "ca": "cap",
    "en": "Jan", "de": "Jan", "nl": "Jan", "fi": "Jan", "lt": "Jan",
}
_LIST_WORD_END = {code: lazy_re.compile(rf"(?<![\w.])(?:{words})\.(\s+)[«\"“„»(]?(?![IVXLCD]+\b)([^\W\d_])")
                  for code, words in _LIST_WORDS.items()}
# Spanish, Portuguese and Italian write "before Christ" with a space too ("44 a. C."), which the
# splitter cut after its first half.
_ERA_FIRST_HALF = lazy_re.compile(r"\d\s?[ad]\.$")
_ERA_LANGS = frozenset("es pt it ca gl".split())
# "a.m." and "p.m." end a sentence before a capital ("It was 2 a.m. When I got home"), but not
# before the day, the month or the time zone they are read with ("at 9 a.m. Monday", "10 a.m.
# EST"); "May" only with its day, the modal opens sentences.
_CLOCK_TIME = lazy_re.compile(r"(?<![\w.])[ap]\.m\.$")
_DAY_MONTH_OR_ZONE = lazy_re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May(?=\s+\d)|June|July|August|"
    r"September|October|November|December|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec)\.|(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|AEST|IST|JST)\b|"
    r"(?:Eastern|Central|Mountain|Pacific|Atlantic)\s+(?:[Tt]ime|Standard|Daylight))(?![\w'’])")


# ... and, in every language, the abbreviations a figure follows: a phone number ("tel. 06-1234-5678"),
# an approximate figure ("ca. 300"). A sentence never ends on them before a figure.
# "Fr. 2.70": francs; "c. 1900", circa ("He was born c. 1900." was cut after "c.").
_BEFORE_A_FIGURE = lazy_re.compile(r"(?<![^\W\d_])(?:[Tt][eé]l|[Ff]ax|[Tt]ef|[Tt]fno|ca|c|approx|env|zw|Fr)\.$")
# Polish "ok." (około, about) before a figure; elsewhere "ok." is "okay" and may end a sentence.
_BEFORE_A_FIGURE_BY_LANGUAGE = {"pl": lazy_re.compile(r"(?<![^\W\d_])ok\.$")}
# German "Hr." and "Fr." (Herr, Frau) before a name, not after a figure ("15 Fr.", Swiss francs) nor
# for Freitag ("Mo. bis Fr. Am Wochenende").
_GERMAN_TITLE = lazy_re.compile(r"(?<!\d\s)(?<!bis\s)(?<!\S)(?:Hr|Fr)\.$")
# A dateline's year and its abbreviation ("Warszawa, 5 grudnia 2026 r. – Główny Urząd...", "2026 г. —")
# go on into the dash that opens the news, as the English "Warsaw, December 5, 2026 – Statistics..."
_DATELINE_YEAR = lazy_re.compile(r"\d{4}\s?(?:r|г|р)\.$")
_DASH_AHEAD = lazy_re.compile(r"[–—]\s")
# A figure, or an amount written with its currency in front ("approx. PLN 45 billion", "ca. € 300").
_FIGURE_AHEAD = lazy_re.compile(r"(?:[A-Z]{3}\s?|[$€£¥₽₹]\s?)?\d")
# An abbreviation of short lower-case parts, a full stop after each ("p.e." and "v.g." in Spanish, "b.v."
# and "o.m." in Dutch), before a figure, as Debian's manual pages write them: "(p.e. 1023M)" in df(1)
# and "zoals b.v. 1K 234M 2G" in ls(1) were cut after it. Not "a.m." or "p.m.", which end a sentence
# on the hour they follow ("... until 9 p.m. 12 people stayed").
_DOTTED_ABBREVIATION = lazy_re.compile(r"(?<![\w.])(?![ap]\.m\.$)[a-zß-öø-ÿ]{1,2}\.(?:[a-zß-öø-ÿ]{1,2}\.)+$")
# An ellipsis after a figure (and its unit) before another is a range, no sentence's end: "100k,
# 200k... 900k" (bzip2(1) in Spanish), "100 k, 200 k... 900 k" (in Polish), "(1993 ... 1998)",
# "(00.00 .. 61.00)" (find(1) in Dutch) were each cut there.
_FIGURE_BEFORE_ELLIPSIS = lazy_re.compile(r"\d(?:\s?[^\W\d_]{1,3})?\s?(?:\.{2,3}|…)$")


def _urdu_spellings(words: str) -> str:
    # Arabic keyboards give "ي" and "ك" for Urdu's "ی" and "ک".
    return "|".join(word.replace("ی", "[یيى]").replace("ک", "[کك]") for word in words.split())


# Urdu ends an initial and an initialism's letters with its full stop "۔" too: "ایم۔ اے۔" (M.A.),
# "ڈاکٹر اے۔ کیو۔ خان" (Dr A. Q. Khan), "ن۔ م۔ راشد" (N. M. Rashid), "پی۔ ٹی۔ آئی۔" (PTI); cut at each,
# a name was three sentences. An initial is a letter alone or a Latin letter's name as Urdu spells
# it ("ایم", M). Some of those names are words as well, and a sentence may end on them ("وہ گھر
# آئی۔", she came home; "جی۔", yes; Punjabi's "اے", is): they are initials only beside another,
# after one, or before one where no sentence can have ended ("نے آئی۔ ایم۔ ایف۔ سے", from the IMF).
# (Not "آ", come, nor the hamza "ء" after a year.)
_URDU_LETTER = "[\u0623-\u063a\u0641-\u064a\u0671-\u06d3\u06d5]"
_URDU_LETTER_NAME = _urdu_spellings("بی ڈی ای ایف ایچ جے ایل ایم این کیو آر ایس ٹی یو وی ڈبلیو ایکس وائی زیڈ زی")
_URDU_LETTER_WORD = _urdu_spellings("اے سی جی آئی کے او پی وائے")
_URDU_INITIAL = f"(?:{_URDU_LETTER}|{_URDU_LETTER_NAME}|{_URDU_LETTER_WORD})۔"
_URDU_INITIAL_END = lazy_re.compile(
    f"(?<![^\\W\\d_])(?:{_URDU_LETTER}|{_URDU_LETTER_NAME}|{_URDU_INITIAL}\\s*(?:{_URDU_LETTER_WORD}))۔$")
_URDU_INITIAL_AHEAD = lazy_re.compile(_URDU_INITIAL)
# Where a letter's name that is also a word stands before an initial as one: opening the sentence,
# or after a case marker, "that", "and", a comma or a title ("ڈاکٹر اے۔ کیو۔ خان"), which no
# sentence ends on.
_URDU_LETTER_WORD_OPENING = lazy_re.compile(f"[(«\"“]?(?:{_URDU_LETTER_WORD})۔")
_URDU_TITLE = _urdu_spellings("ڈاکٹر پروفیسر جناب مسٹر مسز جسٹس جنرل محترمہ")
_URDU_LETTER_WORD_AFTER_MARKER = lazy_re.compile(
    f"(?:(?<![^\\W\\d_])(?:نے|کہ|کا|کی|کے|سے|اور|{_URDU_TITLE})|،)\\s+(?:{_URDU_LETTER_WORD})۔$")


def _urdu_initial_before(text: str, span: tuple[int, int], reach: int, next_start: int) -> bool:
    """Whether `span` ends on an Urdu initial's "۔" (see _URDU_INITIAL_END), not its sentence's."""
    if text[span[1] - 1] != "۔":
        return False
    if _URDU_INITIAL_END.search(text, reach, span[1]):
        return True
    return _URDU_INITIAL_AHEAD.match(text, next_start) is not None and (
        _URDU_LETTER_WORD_OPENING.fullmatch(text, *span) is not None
        or _URDU_LETTER_WORD_AFTER_MARKER.search(text, reach, span[1]) is not None)


# Longer than any abbreviation above with what its pattern reads before it ("Dr. rer. nat.").
ABBREVIATION_REACH = 40


def _abbreviations_joined(text: str, spans: list[tuple[int, int]], code: str) -> list[tuple[int, int]]:
    pattern = _NEVER_LAST.get(code)

    by_language = _BEFORE_A_FIGURE_BY_LANGUAGE.get(code)

    def goes_on(out, span) -> bool:
        # Read at the span's end only: a run of initials joined into one span was read whole at
        # each join (240,000 characters of them: 12 minutes).
        reach = max(out[-1][0], out[-1][1] - ABBREVIATION_REACH)
        if pattern is not None and pattern.search(text, reach, out[-1][1]) is not None:
            return True
        if (code in _INCLUDING_LANGS and _INCLUDING.search(text, reach, out[-1][1]) is not None
                and _TAX_BEFORE_INCLUDING.search(text, reach, out[-1][1]) is None
                and _OPENING_A_SENTENCE[code].match(text, span[0]) is None):
            return True
        if code == "en" and _CLOCK_TIME.search(text, reach, out[-1][1]) and _DAY_MONTH_OR_ZONE.match(text, span[0]):
            return True
        if _urdu_initial_before(text, out[-1], reach, span[0]):
            return True
        if (code == "de" and _GERMAN_TITLE.search(text, out[-1][0], out[-1][1]) is not None
                and _GERMAN_OPENERS.match(text, span[0]) is None and text[span[0]:span[0] + 1].isupper()):
            return True  # before a name
        if by_language is not None and text[span[0]:span[0] + 1].isdigit() and by_language.search(text, out[-1][0], out[-1][1]):
            return True
        if code in _ERA_LANGS and text.startswith("C.", span[0]) and _ERA_FIRST_HALF.search(text, out[-1][0], out[-1][1]):
            return True
        if (code == "hu" and _ROMAN_ORDINAL_END.search(text, out[-1][0], out[-1][1])
                and _HUNGARIAN_NAME_AHEAD.match(text, span[0])):
            return True  # a ruler's number before the name
        if _DASH_AHEAD.match(text, span[0]) and _DATELINE_YEAR.search(text, out[-1][0], out[-1][1]):
            return len(out) == 1  # only the text's first sentence is a dateline
        if text[span[0]:span[0] + 1].isdigit() and (
                _DOTTED_ABBREVIATION.search(text, reach, out[-1][1]) is not None
                or _FIGURE_BEFORE_ELLIPSIS.search(text, reach, out[-1][1]) is not None):
            return True
        return (_FIGURE_AHEAD.match(text, span[0]) is not None
                and _BEFORE_A_FIGURE.search(text, out[-1][0], out[-1][1]) is not None)

    return _joined(spans, goes_on)


# A code span ("Run `make install. Then restart` to finish") is one word of its sentence: a cut
# inside it broke the command in two. A backtick between two letters is an apostrophe ("don`t"),
# and one before a word opens a quotation in old plain-text books ("`Yes,' said Alice. `No,'"):
# the piece after the cut must close the span.
_CODE_MARK = lazy_re.compile(r"`(?<![^\W\d_]`)|`(?![^\W\d_])")


def _code_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "`" not in text:
        return spans

    def goes_on(out, span) -> bool:
        if len(_CODE_MARK.findall(text, *out[-1])) % 2 == 0:
            return False
        mark = _CODE_MARK.search(text, *span)
        return mark is not None and not text[mark.start() - 1].isspace() and not text[mark.end():mark.end() + 1].isalnum()

    return _joined(spans, goes_on)


# A play's speaker in capitals, a full stop and a dash before the speech ("TOM. — Je n'ai jamais
# dit ça.", "M. DUPONT. — Entrez."), as French and Russian plays write it: cut at the full stop,
# the label stood as a sentence of its own, and each line of a faithful French scene against an
# English "TOM: I never said that." was a "split". Only where it opens its paragraph or a line, as
# a speech does, and with no title before the name but one in capitals or a person's ("Mme",
# "Lady", "Sr.", "Le"): "The winner was announced. USA. — The crowd cheered." and "Les USA. —
# Vraiment ?" stay cut.
_SPEAKER_LABEL = lazy_re.compile(r"(?:[^\W\d_]+\.?\s){0,3}[^\W\d_]+\.")
_SPEECH_DASHES = "—–"
_PERSONS_TITLES = frozenset("M Mme Mlle Me Mtre Mgr Pr Mr Mrs Ms Dr Sir Lady Lord Don Doña Dña Dom Sr Sra Srta Sig "
                            "Herr Frau Fr St Ste Le La".split())


def _speaker_labels_joined(text: str, spans: list[tuple[int, int]], original: str) -> list[tuple[int, int]]:
    """`original`: the paragraph with its line breaks (`text` reads them as spaces)."""
    if not any(dash in text for dash in _SPEECH_DASHES):
        return spans

    def goes_on(out, span) -> bool:
        label = text[out[-1][0]:out[-1][1]]
        opens_a_line = len(out) == 1 or "\n" in original[out[-2][1]:out[-1][0]]
        if not opens_a_line or text[span[0]] not in _SPEECH_DASHES or _SPEAKER_LABEL.fullmatch(label) is None:
            return False
        *title, name = label.split()
        return (name.isupper() and sum(char.isalpha() for char in name) >= 2
                and all(word.isupper() or word.rstrip(".") in _PERSONS_TITLES for word in title))

    return _joined(spans, goes_on)


# Thai and Lao write no sentence-final mark: a space between two words of the script ends a sentence
# or a clause (spaces also stand around figures and Latin words, which is why both sides must be
# of the script; and after the repetition mark ๆ, which ends no clause). Unsplit, a paragraph was
# one sentence, and a six-sentence English paragraph against its Thai translation came out as
# six omissions, one addition and "unrelated".
_THAI_LAO = lazy_re.compile(r"(?<=[\u0e01-\u0e45\u0e47-\u0e7f\u0e80-\u0eff])(\s+)(?=[\u0e01-\u0e7f\u0e80-\u0eff])")
# ... and so does a space between two quotations, whose marks stand between the words: a dialogue's
# lines ("เปิดกี่โมง" "ทุกเช้า 8 โมง": what time does it open? at 8 every morning) were one sentence.
_THAI_LAO_QUOTES = lazy_re.compile(r"(?<=[\u0e01-\u0e7f\u0e80-\u0eff\d][\"”])(\s+)(?=[\"“][\u0e01-\u0e7f\u0e80-\u0eff\d])")


# ... but Thai also writes a space around a name ("นายชัชชาติ สิทธิพันธุ์ ผู้ว่าราชการกรุงเทพมหานคร
# กล่าวว่า...": Mr Chadchart Sittipunt, Governor of Bangkok, said that...) and before a clause that
# goes on ("... โครงการ แต่บางส่วน...": ..., but some...). Cut there, a faithful translation's name
# was reported left out, and a sentence with "but" a merge. A piece that opens with a title goes on
# through the name and the title after it; one that opens with a word that joins clauses goes on
# the sentence before it.
# A role noun stands glued before a name as a title does ("นายกเทศมนตรีแอนนา โควัช กล่าวว่า...": Mayor
# Anna Kovač said...; "สถาปนิกเปโดร อัลเมดา ออกแบบ...": the architect Pedro Almeida designed...): cut at
# the space between a foreign name's given name and surname, the sentence lost its subject.
_THAI_ROLES = (r"นายกเทศมนตรี|นายกรัฐมนตรี|ประธานาธิบดี|ประธาน|รัฐมนตรี|ผู้ว่าราชการ|ผู้ว่าฯ|ผู้อำนวยการ|"
               r"เลขาธิการ|โฆษก|สถาปนิก|ศาสตราจารย์|อาจารย์|นายแพทย์|แพทย์หญิง|นักเขียน|นักวิจัย|นักข่าว")
_THAI_ROLE = lazy_re.compile(_THAI_ROLES)
_THAI_TITLE = lazy_re.compile(rf"(?:{_THAI_ROLES}|"
                         r"นางสาว|นาย|นาง|ดร\.|ศ\.|รศ\.|ผศ\.|พล\.[อทตร]\.|พ\.[ต]\.[อทต]\.|คุณ)")
# Thai writes no space between words, so these are read at the start of the piece, and not where a
# longer word opens with them ("แต่ละ", each; "เพื่อน", friend). Only words that never open a
# sentence: "เมื่อ" opens "เมื่อวันที่ 5..." (On the 5th...), "ว่า" alone "ว่าที่..." (elect).
_THAI_GOES_ON = lazy_re.compile(r"(?:กล่าวว่า|ระบุว่า|เผยว่า|และ(?!ะ)|แต่(?!ละ|ง|ก)|ซึ่ง|หรือ|เพราะ|จึง|ขณะที่)")
# A name is a short piece or two: "นายชัชชาติ" (Mr Chadchart) and "สิทธิพันธุ์"; "นายกรัฐมนตรี..." (the prime
# minister...) opens with the same letters and runs on as a sentence.
THAI_NAME_PART_CHARS = 12


# Thai writes no full stop: a "." after a Thai letter, like the mark "ฯ", closes an abbreviation
# ("ม.ค." January, "ส.ส." MP, "กทม." Bangkok, "ผู้ว่าฯ" governor), which a sentence goes on after:
# cut there, "เมื่อวันที่ 5 ม.ค. ส.ส. พรรค..." was three sentences. Only the clock's "น." after a figure
# ("21.00 น.") ends a clause as often as not, and after it only a range's "to <figure>" goes on
# ("8.00 น. ถึง 21.00 น.": from 8:00 to 21:00). "ฯลฯ" (etc.) may end a sentence.
_THAI_ABBREVIATION_END = lazy_re.compile(r"(?:[\u0e01-\u0e2e]\.|(?<!ฯล)ฯ)$")
_THAI_CLOCK_END = lazy_re.compile(r"\d\s?น\.$")
_THAI_RANGE_GOES_ON = lazy_re.compile(r"(?:ถึง|จนถึง|-|–)\s*\d")


# A space after a figure stands before its unit or classifier ("250,000 เล่ม", 250,000 volumes), but
# after a year the phrase is closed: "... 12 มีนาคม 2024 อาคารนี้..." (... 12 March 2024. The building...)
# and "ในปี 2024 อาคารนี้..." were one sentence. A year is a figure after "ปี" (year), an era
# ("พ.ศ.", "ค.ศ.") or a month's name; not before "to" ("2023 ถึง 2024").
# Not a year that opens the sentence ("ในปี 2020 มีนักท่องเที่ยว...": in 2020 there were...), nor one
# a phrase goes on after ("เกิดในปี 2500 ที่กรุงเทพฯ": born in 2500 in Bangkok; "... 2020 ประมาณ 70 ล้าน").
_THAI_YEAR_END = lazy_re.compile(
    r"(?:(?<!^)(?<!\s)(?<!^ใน)(?<!\sใน)(?<!^เมื่อ)(?<!\sเมื่อ)(?<!^ตั้งแต่)(?<!\sตั้งแต่)ปี|พ\.ศ\.|ค\.ศ\.|คม|ยน|พันธ์)"
    r"\s?\d{4}(\s+)(?=[\u0e01-\u0e2e\u0e40-\u0e44])(?!ถึง|จนถึง|และ|หรือ|ที่|ประมาณ|ซึ่ง|โดย|เป็น|จำนวน|เพื่อ|มี)")
# Thai writes no full stop, so "N." before a word is an inline list's number ("1. กรอกใบสมัคร 2. แสดง..."):
# the splitter cut after it, and each item went with the next one's number.
_THAI_LIST_NUMBER = lazy_re.compile(r"(?:(?<=\s)|^)\d{1,3}\.$")


def _thai_list_numbers_moved(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (number := _THAI_LIST_NUMBER.search(text[out[-1][0]:out[-1][1]])) \
                and re.match(r"[\u0e01-\u0e7f]", text[start:end]):
            cut = out[-1][0] + number.start()
            out[-1] = strip_span(text, out[-1][0], cut)
            if out[-1][0] >= out[-1][1]:
                out.pop()
            start = cut
        out.append((start, end))
    return out


def _in_quotation(text: str, position: int) -> bool:
    """`position` is inside a quotation: after an opening mark whose closing one comes later."""
    before, after = text[:position], text[position:]
    return (before.count("\"") % 2 == 1 and "\"" in after) or (before.count("“") > before.count("”") and "”" in after)


def _thai_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    def goes_on(out, span) -> bool:
        before = text[out[-1][0]:out[-1][1]]
        # a space inside a quotation ('หนังสือ "แฮร์รี่ พอตเตอร์" ขายดีมาก': the book "Harry Potter"
        # sells well) is no sentence's end: a title or a name transliterated word by word
        if _in_quotation(text, span[0]):
            return True
        previous = before.split()
        title = _THAI_TITLE.match(previous[0])
        named = (len(previous) <= 2 and title is not None and len(previous[0]) > title.end()
                 and all(len(part) <= THAI_NAME_PART_CHARS for part in [previous[0][title.end():], *previous[1:]]))
        if named and len(previous) == 1 and _THAI_ROLE.fullmatch(title.group()):
            # a role noun is a word as well ("นักข่าวถามคำถาม | ประธานตอบทันที": the reporter asked a
            # question. The chairman answered at once): a name goes on with a surname of its own
            surname = text[span[0]:span[1]].split()
            named = len(surname) == 1 and len(surname[0]) <= THAI_NAME_PART_CHARS and not _THAI_TITLE.match(surname[0])
        if _THAI_ABBREVIATION_END.search(before):
            return _THAI_CLOCK_END.search(before) is None or _THAI_RANGE_GOES_ON.match(text, span[0]) is not None
        return named or _THAI_GOES_ON.match(text, span[0]) is not None

    return _joined(spans, goes_on)


# The splitter's time grows faster than the length of what it is given: a paragraph of 2.7 MB
# (a file of one line) took it 84 s. Longer paragraphs go to it in windows of about this size.
SPLITTER_WINDOW_CHARS = 50_000


# Armenian is often typed with a colon for its full stop "։", which looks the same: a paragraph so
# written was one sentence. Where a paragraph has no "։", a colon before an Armenian capital ends
# a sentence, and is read as "։" (the same length: the spans stay in place).
_ARMENIAN_COLON_END = lazy_re.compile(r"(?<=\S):(?=\s+[«“\"(]?[\u0531-\u0556])")


# Amharic is also typed with two wordspaces "፡፡" for its full stop "።": a paragraph so written was
# one sentence. The second is read as "።" (same length: the spans stay in place); one "፡" stays
# the word separator it is.
_ETHIOPIC_WORDSPACES = "\u1361\u1361"


_AS_SPACE = str.maketrans({c: " " for c in "\n\t\x0c\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                          "\u2009\u200a\u202f\u205f\u3000"})


_SENTENCE_MARKS = frozenset(".?!")


def _library_split(splitter, flat: str) -> list[str]:
    """`splitter.split(flat)`, without calling it where it cannot cut: each of its rules cuts after
    a ".", "?" or "!" that a space follows, and where none stands before the text's last word it
    gives the text back whole (its spaces run together, which `locate_sentences` reads past). Most
    of a program's messages are one sentence: the library's regular expressions, looked up anew
    at every call, were a third of the time a catalogue of 100,000 messages took to segment."""
    body = flat.rstrip(" ")
    if _SENTENCE_MARKS.isdisjoint(body[:body.rfind(" ") + 1]):
        return [flat.strip()] if flat.strip() else []
    return splitter.split(flat)


class SentenceSplitterSegmenter(Segmenter):
    def __init__(self) -> None:
        self.name = f"sentence-splitter@{_package_version()}"

    def split(self, text: str, lang: str | None, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
        # A newline inside a paragraph is a wrapped line, not a sentence end; the splitter would
        # cut there, so it sees spaces instead (same length, so offsets do not move).
        # So do the other spaces (no-break, narrow, em, ideographic...): after a full stop, a web
        # editor's ".&nbsp; " had kept a whole paragraph one sentence; a form feed (a page break,
        # which a sentence may run over) glued the sentences either side of it.
        flat = text.translate(_AS_SPACE)
        code = (lang or "").lower().split("-")[0]
        if code == "nb" or code == "nn":
            code = "no"
        if code == "th":
            spans = _thai_list_numbers_moved(flat, split_on_punctuation(flat))
            return _thai_joined(flat, _cut_at_gaps(_THAI_YEAR_END, flat, _cut_at_gaps(
                _THAI_LAO_QUOTES, flat, _cut_at_gaps(_THAI_LAO, flat, spans))))
        if code == "lo":
            return _cut_at_gaps(_THAI_LAO_QUOTES, flat, _cut_at_gaps(_THAI_LAO, flat, split_on_punctuation(flat)))
        if code == "hy" and "։" not in flat:
            flat = _ARMENIAN_COLON_END.sub("։", flat)
        if _ETHIOPIC_WORDSPACES in flat:
            flat = flat.replace(_ETHIOPIC_WORDSPACES, "\u1361\u1362")
        if code not in SPLITTER_LANGS:
            spans = _notes_cut(flat, _date_phrases_joined(flat, _abbreviations_joined(flat, _markers_joined(
                flat, _numeric_dates_joined(flat, split_on_punctuation(flat, text)), code), code), text, code))
            spans = _names_cut(flat, spans, code, names)
            return _bare_pieces_joined(flat, _heading_number_joined(flat, _code_joined(
                flat, _speaker_labels_joined(flat, spans, text))))
        spans = _numeric_dates_joined(flat, _cut_at_gaps(_opener_pattern(code), flat,
                                                         self._split_with(_splitter_for(code), text, flat)))
        if code in _ORDINAL_DOT_LANGS:
            spans = _ordinals_joined(flat, spans)
        if code in _ORDINAL_FIGURE_END:
            spans = _cut_at_gaps(_ORDINAL_FIGURE_END[code], flat, spans)
        spans = _cut_at_gaps(_LOW_QUOTE_END, flat, _cut_at_gaps(_UNIT_END, flat, _markers_joined(flat, spans, code)))
        if "%" in flat:
            spans = _cut_at_gaps(_PLACEHOLDER_END, flat, spans)
        if code == "de":
            spans = _cut_at_gaps(_GERMAN_FIGURE_END, flat, spans)
        spans = _cut_at_gaps(_ELLIPSIS_OR_EMOJI_END, flat, spans,
                             (lambda word_start: _GERMAN_OPENERS.match(flat, word_start) is not None) if code == "de" else None)
        spans = _date_phrases_joined(flat, _cut_at_gaps(_LIST_END, flat, _abbreviations_joined(flat, spans, code)), text, code)
        if code in _CLOSING_END:
            spans = _cut_at_gaps(_CLOSING_END[code], flat, spans)
        if code in _LIST_WORD_END:
            spans = _cut_at_gaps(_LIST_WORD_END[code], flat, spans)
        if code == "de":
            spans = _cut_at_gaps(_GERMAN_TAX_END, flat, spans)
        spans = _notes_cut(flat, _cut_at_gaps(_CAPITALS_END_HU if code == "hu" else _CAPITALS_END, flat, spans))
        if code == "en":
            spans = _cut_at_gaps(_INITIALISM_END, flat, spans)
        spans = _names_cut(flat, _man_pages_cut(flat, spans, code), code, names)
        spans = _speaker_labels_joined(flat, spans, text)
        if code == "el":
            spans = _cut_at_gaps(_GREEK_CLOCK_OR_ERA_END, flat, _cut_at_gaps(_GREEK_QUESTION, flat, spans))
        return _note_marks_moved(flat, _bare_pieces_joined(flat, _heading_number_joined(flat, _code_joined(flat, spans))))

    @staticmethod
    def _split_with(splitter, text: str, flat: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        start = 0
        while True:
            end = min(len(flat), start + SPLITTER_WINDOW_CHARS)
            window = locate_sentences(text[start:end], _library_split(splitter, flat[start:end]))
            found = [(start + a, start + b) for a, b in window]
            if end == len(flat):
                return spans + found
            if not found:
                start = end  # a window of nothing but spaces
            elif len(found) > 1:
                # The window's last sentence may go on past it: it starts the next window.
                spans.extend(found[:-1])
                start = found[-1][0]
            else:
                # No sentence end in the whole window: cut it at its last space.
                cut = flat.rfind(" ", found[0][0], end)
                cut = cut if cut > found[0][0] else end
                spans.append(strip_span(text, found[0][0], cut))
                start = cut
