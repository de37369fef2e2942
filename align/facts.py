"""Facts that a matched pair of sentences disagrees on: numbers, dates and names.

Everything here is a pure function of the two texts. The rule that keeps false alarms down:
a value that is only on one side is a mismatch only when the other side has a *different*
value of the same kind that is itself unaccounted for. A number that is simply dropped is an
omission, not a wrong fact, and `partial.py` is the place that reports it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

__all__ = ["FactMismatch", "compare_facts", "extract_numbers", "extract_names", "name_key"]


@dataclass(frozen=True)
class FactMismatch:
    kind: str  # "number" or "name"
    src_value: str | None
    tgt_value: str | None
    src_span: tuple[int, int] | None
    tgt_span: tuple[int, int] | None
    message: str


# --------------------------------------------------------------------------- numbers

@dataclass(frozen=True)
class _Quantity:
    text: str
    span: tuple[int, int]
    values: frozenset  # every reading of the text: ("n", float) / ("d", day, month) / ("t", h, m)
    cls: str  # "num", "date" or "time": only quantities of one class are compared
    strong: bool  # written with digits; words alone ("two") are too loose to accuse a translator


MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"],
}
_MONTH_NUMBER: dict[str, int] = {}
for _names in MONTHS.values():
    for _i, _m in enumerate(_names, 1):
        _MONTH_NUMBER[_m] = _i
        _MONTH_NUMBER[_strip := unicodedata.normalize("NFKD", _m).encode("ascii", "ignore").decode()] = _i
for _abbr, _i in {"jan": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "apr": 4, "avr": 4, "jun": 6,
                  "jul": 7, "juil": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
                  "déc": 12, "dez": 12, "jänner": 1}.items():
    _MONTH_NUMBER.setdefault(_abbr, _i)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTH_NUMBER), key=len, reverse=True))

# Multipliers that follow a figure ("1,5 million", "100 mille", "3 Mio."). French "billion" is
# 10^12 and English 10^9: both readings are kept so neither side is accused over it.
_MULTIPLIERS = {
    "mille": [1e3], "thousand": [1e3], "thousands": [1e3], "tausend": [1e3],
    "million": [1e6], "millions": [1e6], "millionen": [1e6], "mio": [1e6], "mill": [1e6],
    "milliard": [1e9], "milliards": [1e9], "milliarde": [1e9], "milliarden": [1e9], "mrd": [1e9],
    "billion": [1e9, 1e12], "billions": [1e9, 1e12], "billionen": [1e12],
}

_SPACE_SEP = " \u00a0\u202f\u2009"
_NUM_RE = re.compile(
    r"(?<![^\W\d_])(?<![\d.,])"  # not glued to a word ("G20", "A320") nor inside a longer figure
    r"((?:\d{1,3}([" + _SPACE_SEP + r"'’.,])\d{3}(?:\2\d{3})*(?!\d)|\d+)(?:[.,]\d+)?)(?!\d)"
    r"(?:\s?(?:er|re|ère|e|ème|eme|è|st|nd|rd|th)\b)?"  # ordinal suffixes: 1er, 2e, 3rd
)
_MULT_RE = re.compile(r"[\s\u00a0\u202f]*(" + "|".join(_MULTIPLIERS) + r")\b\.?", re.IGNORECASE)
_DATE_DM_RE = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:er|\.|st|nd|rd|th)?[\s\u00a0]+(" + _MONTH_RE + r")\b\.?", re.IGNORECASE
)
_DATE_MD_RE = re.compile(r"\b(" + _MONTH_RE + r")\.?[\s\u00a0]+(\d{1,2})(?:st|nd|rd|th)?\b(?![\d.,]\d)", re.IGNORECASE)
_TIME_RE = re.compile(
    r"(?<![\d.,])(\d{1,2})\s?(?:h|uhr|:)\s?(\d{2})?(?!\d)(?:\s?uhr)?", re.IGNORECASE
)


def _digit_readings(raw: str) -> set[float]:
    """Every number a figure can mean in en/fr/de: "1.500" is 1500 in German and 1.5 in English."""
    parts = re.split(r"([" + _SPACE_SEP + r"'’.,])", raw)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return {float(raw)}
    readings: set[float] = set()
    # All separators group thousands.
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        readings.add(float("".join(groups)))
    # The last separator is a decimal mark and the others group thousands.
    if seps[-1] in ".,":
        head, head_seps = groups[:-1], seps[:-1]
        if len(head) == 1 or (
            1 <= len(head[0]) <= 3 and all(len(g) == 3 for g in head[1:]) and len(set(head_seps)) == 1
            and head_seps[0] != seps[-1]
        ):
            readings.add(float("".join(head) + "." + groups[-1]))
    return readings


def _time_reading(raw: str) -> tuple | None:
    m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", raw)
    if m and int(m.group(1)) <= 24 and int(m.group(2)) < 60:
        return ("t", int(m.group(1)), int(m.group(2)))
    return None


# Spelled-out numbers. "un"/"one"/"ein" are left out on purpose: they are mostly articles and
# pronouns. "neuf" (new) and "second" are ambiguous too but only ever help a figure find its match.
_WORD_VALUES = {
    "fr": {
        "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
        "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "cent": 100, "cents": 100, "mille": 1000, "million": 1e6, "millions": 1e6, "milliard": 1e9,
        "milliards": 1e9, "douzaine": 12, "vingtaine": 20, "centaine": 100, "un": 1, "une": 1, "et": 0,
    },
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12, "one": 1,
        "a": 1, "and": 0,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
        "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
        "dreissig": 30, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
        "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "million": 1e6,
        "millionen": 1e6, "dutzend": 12, "ein": 1, "eine": 1, "einen": 1, "und": 0,
    },
}
# Words that only count as part of a larger number, never alone.
_GLUE_WORDS = {"un", "une", "et", "one", "a", "and", "ein", "eine", "einen", "und"}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _german_compound(word: str) -> float | None:
    """Read glued German numerals: "einundzwanzig", "zweihundert", "dreitausendfünfhundert"."""
    table = _WORD_VALUES["de"]
    morphemes = sorted((m for m in table if m not in ("und", "eine", "einen")), key=len, reverse=True)
    morphemes += ["ein", "und"]
    pieces: list[str] = []
    rest = word
    while rest:
        for m in morphemes:
            if rest.startswith(m):
                pieces.append(m)
                rest = rest[len(m):]
                break
        else:
            return None
    if len(pieces) < 2:
        return None
    # German puts units before tens: "einundzwanzig" = 1 + 20, which the additive reading gets right.
    return _combine([table[p] for p in pieces])


def _combine(values: list[float]) -> float:
    total, current = 0.0, 0.0
    for v in values:
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current


def _spelled_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Quantity]:
    table = _WORD_VALUES.get(lang, {})
    found: list[_Quantity] = []
    run: list[tuple[re.Match, float, str]] = []

    def flush() -> None:
        # Leading/trailing glue words ("a", "and") are articles, not part of the number.
        while run and run[0][2] in _GLUE_WORDS - {"un", "une", "a", "one", "ein", "eine", "einen"}:
            run.pop(0)
        while run and run[-1][2] in {"et", "and", "und", "a"}:
            run.pop()
        if run and not all(word in _GLUE_WORDS for _, _, word in run):
            words = [w for _, _, w in run]
            # "quatre-vingt(s)" is 80, not 4 + 20.
            values = []
            for i, (_, v, w) in enumerate(run):
                if w.startswith("vingt") and i and run[i - 1][2] == "quatre":
                    values[-1] = 80
                    continue
                values.append(v)
            value = _combine(values)
            if value >= 2 and not (len(words) == 1 and words[0] in ("cent", "cents")):
                span = (run[0][0].start(), run[-1][0].end())
                found.append(_Quantity(text[span[0]:span[1]], span, frozenset({("n", float(value))}), "num", False))
        run.clear()

    last_end = None
    for m in _WORD_RE.finditer(text):
        word = m.group(0).lower()
        gap = text[last_end:m.start()] if last_end is not None else ""
        # A word inside a figure already read ("100 mille") must not start a second number.
        inside = any(s <= m.start() < e for s, e in taken)
        value = None if inside else table.get(word)
        if value is None and lang == "de" and not inside:
            value = _german_compound(word)
        if value is None or (run and gap.strip(" -\u2011") != ""):
            flush()
        if value is not None:
            run.append((m, value, word))
        last_end = m.end()
    flush()
    return found


def extract_numbers(text: str, lang: str) -> list[_Quantity]:
    """Numbers, dates and times in `text`, each with every value it can be read as."""
    quantities: list[_Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for regex, order in ((_DATE_DM_RE, "dm"), (_DATE_MD_RE, "md")):
        for m in regex.finditer(text):
            day_s, month_s = (m.group(1), m.group(2)) if order == "dm" else (m.group(2), m.group(1))
            month = _MONTH_NUMBER.get(month_s.lower().rstrip("."))
            day = int(day_s)
            # "mai"/"may"/"mars"/"march" are ordinary words too; with a day next to them they are dates.
            if month is None or not 1 <= day <= 31 or not free(*m.span()):
                continue
            quantities.append(_Quantity(m.group(0), m.span(), frozenset({("d", day, month), ("n", float(day))}), "date", True))
            taken.append(m.span())
    for m in _TIME_RE.finditer(text):
        if not free(*m.span()) or (m.group(2) is None and "uhr" not in m.group(0).lower() and "h" not in m.group(0).lower()):
            continue
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        # "3 h" might be three hours as much as three o'clock; only clock readings with minutes are times.
        if hours > 24 or minutes > 59 or (m.group(2) is None and not re.search(r"uhr", m.group(0), re.I)):
            continue
        quantities.append(_Quantity(m.group(0), m.span(), frozenset({("t", hours, minutes), ("n", float(hours))}), "time", True))
        taken.append(m.span())
    for m in _NUM_RE.finditer(text):
        raw = m.group(1)
        start, end = m.start(1), m.end(1)
        # A separator at the very end of the figure is punctuation, not part of it.
        while raw and raw[-1] in _SPACE_SEP + "'’.,":
            raw, end = raw[:-1], end - 1
        if not free(start, end):
            continue
        readings = _digit_readings(raw)
        values = {("n", v) for v in readings}
        time = _time_reading(raw)
        if time:
            values.add(time)
        stop = m.end()
        mult = _MULT_RE.match(text, stop)
        if mult:
            factors = _MULTIPLIERS[mult.group(1).lower()]
            values = {("n", v * f) for v in readings for f in factors}
            stop = mult.end()
        else:
            stop = end
        quantities.append(_Quantity(text[start:stop].strip(), (start, stop), frozenset(values), "num", True))
        taken.append((start, stop))
    for q in _spelled_numbers(text, lang, taken):
        if free(*q.span):
            quantities.append(q)
    quantities.sort(key=lambda q: q.span)
    return quantities


def _same(a: _Quantity, b: _Quantity) -> bool:
    for x in a.values:
        for y in b.values:
            if x[0] == y[0] and (x[1:] == y[1:] if x[0] != "n" else abs(x[1] - y[1]) <= 1e-9 * max(1.0, abs(x[1]))):
                return True
    return False


def _number_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[FactMismatch]:
    sq, tq = extract_numbers(src, src_lang), extract_numbers(tgt, tgt_lang)
    s_left = [q for q in sq if not any(_same(q, o) for o in tq)]
    t_left = [q for q in tq if not any(_same(q, o) for o in sq)]
    out: list[FactMismatch] = []
    used: set[int] = set()
    for a in s_left:
        # Pair each leftover with the first leftover of the same class on the other side, in
        # reading order: a changed figure sits in the same place in both sentences more often than not.
        for j, b in enumerate(t_left):
            if j in used or a.cls != b.cls or not (a.strong or b.strong):
                continue
            if a.cls == "num" and _looks_like_year(a) != _looks_like_year(b):
                continue
            used.add(j)
            out.append(FactMismatch(
                "number", a.text, b.text, a.span, b.span,
                f"{'date' if a.cls == 'date' else 'time' if a.cls == 'time' else 'number'} "
                f"{a.text} (source) vs {b.text} (target)",
            ))
            break
    return out


def _looks_like_year(q: _Quantity) -> bool:
    # A year next to a count is nearly always two different facts, not one changed fact.
    return q.strong and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", q.text) is not None


# --------------------------------------------------------------------------- names

def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_TRANSLIT = [
    ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
    ("kh", "h"), ("ou", "u"), ("gue", "ge"), ("gui", "gi"), ("ph", "f"), ("th", "t"), ("w", "v"),
    ("y", "i"), ("ck", "k"), ("q", "k"), ("c", "k"), ("ks", "x"), ("ie", "i"), ("ei", "i"),
]


def name_key(word: str) -> str:
    """A spelling-blind key: Sergueï/Sergey, Poutine/Putin and Galuzine/Galuzin get the same key."""
    key = re.sub(r"[^a-z]", "", _ascii(word).lower())
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    key = re.sub(r"(.)\1+", r"\1", key)
    # French adds a mute -e and plurals an -s to transliterated names.
    key = re.sub(r"(?<=..)[es]+$", "", key)
    return key


def _similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b))


def _related(a: str, b: str) -> bool:
    """Same name, or a derived form of it (Bulgare/Bulgarians, Berner/bernois, Russie/Russia)."""
    if a == b or _similarity(a, b) >= 0.8:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 4 or common >= 0.75 * min(len(a), len(b))


# Capitalised words that are not names: titles, months, weekdays, pronouns, forms of address.
_NOT_NAMES = {
    _ascii(w) for w in """
    mr mrs ms miss dr sir lord lady madame monsieur mademoiselle mme mlle herr frau fräulein
    president président präsident minister ministre king roi könig queen reine prince princess
    princesse baron baronne general général captain capitaine kapitän professor professeur
    god dieu gott saint sainte st ste sankt i je ich you vous sie il elle er he she they ils elles
    the le la les der die das un une ein eine a an de du des von van und and et or ou oh ah
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag
    chapter chapitre kapitel part partie teil book livre buch
    """.split()
} | {_ascii(m) for names in MONTHS.values() for m in names}

_CAP_RE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][\w'’-]*[\w])", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”„—–…(\[*#|]|\s-)\s*$")


@dataclass(frozen=True)
class _Name:
    text: str
    span: tuple[int, int]
    key: str
    initial: bool  # first word of a sentence, a quote or a line: its capital proves nothing


def extract_names(text: str) -> list[_Name]:
    names = []
    for m in _CAP_RE.finditer(text):
        word = m.group(1)
        word = re.sub(r"^(?:[LlDd]|Qu|qu)['’]", "", word)  # elided articles glued to a name: l'Azerbaïdjan
        if not word[:1].isupper() or len(word) < 3 or word.isupper() and len(word) <= 4:
            continue  # acronyms (UE, USA) are translated, not transliterated
        key = name_key(word)
        if len(key) < 3 or _ascii(word).lower() in _NOT_NAMES:
            continue
        start = m.end(1) - len(word)
        initial = _SENTENCE_START.search(text[max(0, start - 40):start]) is not None
        names.append(_Name(word, (start, m.end(1)), key, initial))
    return names


def _word_keys(text: str) -> set[str]:
    return {name_key(w) for w in _WORD_RE.findall(text) if len(w) >= 3} | {
        name_key(w) for w in re.findall(r"[\w'’-]+", text) if len(w) >= 3
    }


def _name_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[FactMismatch]:
    s_names, t_names = extract_names(src), extract_names(tgt)
    s_keys, t_keys = _word_keys(src), _word_keys(tgt)

    def unmatched(names: list[_Name], other_keys: set[str]) -> list[_Name]:
        return [n for n in names if not n.initial and not any(_related(n.key, k) for k in other_keys)]

    s_left, t_left = unmatched(s_names, t_keys), unmatched(t_names, s_keys)
    out: list[FactMismatch] = []
    used: set[int] = set()
    for a in s_left:
        for j, b in enumerate(t_left):
            if j in used:
                continue
            sim = _similarity(a.key, b.key)
            # A near miss: same first letter, clearly alike, yet not a spelling variant. Names that
            # share nothing (Berne/Bern are caught above; Allemagne/Germany share nothing) are
            # translations or different words, not a changed name, and stay silent.
            if a.key[0] == b.key[0] and 0.5 <= sim < 0.8 and min(len(a.key), len(b.key)) >= 4:
                used.add(j)
                out.append(FactMismatch(
                    "name", a.text, b.text, a.span, b.span, f"name {a.text} (source) vs {b.text} (target)"
                ))
                break
    return out


# --------------------------------------------------------------------------- entry point

def compare_facts(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> list[FactMismatch]:
    """Numbers, dates and names that a matched pair states differently, in source order."""
    found = _number_mismatches(src_text, tgt_text, src_lang, tgt_lang)
    found += _name_mismatches(src_text, tgt_text, src_lang, tgt_lang)
    return sorted(found, key=lambda f: (f.src_span or (1 << 30, 0), f.kind))
