"""Web addresses, e-mails, handles and codes, which a translation carries over unchanged."""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from urllib.parse import unquote

from ... import lazy_re
from .mismatch import FactMismatch
from .quantities import (_FIGURE_CHAR, _PERIOD_CODE_RE, NAMED_PLACEHOLDER, PRINTF_PLACEHOLDER, _Quantity,
                         _UNSPACED_CHARS, _free)


# Web addresses, e-mail addresses and social-media handles are copied, never translated: a
# reprint that gives another one (a changed link, a swapped contact) changed a fact. Hashtags
# are translated often enough ("#Ukraine" / "#Ukraine" but "#ParisAttacks" / "#AttentatsParis")
# to be left out.
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"


@lru_cache(maxsize=None)
def _address_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    # Built on first use (the web address's pattern takes 3 ms to compile): most texts hold none.
    return (
        ("e-mail", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
        # A balanced pair of parentheses belongs to it (Wikipedia's ".../Niger_(fleuve)"); an unpaired
        # one closes the sentence's own bracket around it. Chinese and Japanese write on against it
        # ("访问www.siemens.com。", "www.siemens.comまで。"): their punctuation and full-width forms end
        # it, and their letters end its host (a path may hold them: ".../wiki/北京").
        # A man page's angle brackets ("⟨https://...⟩", as groff prints its .UR macro) end it as "<>" do.
        ("web address", re.compile(r"(?:https?://|www\.)(?:[^\s<>\"'«»“”⟨⟩()\[\]/" + _CJK_PUNCTUATION + _UNSPACED_CHARS
                                   + r"]|\([^\s<>\"()\[\]]*\))+(?:/(?:[^\s<>\"'«»“”⟨⟩()\[\]" + _CJK_PUNCTUATION
                                   + r"]|\([^\s<>\"()\[\]]*\))*)?", re.IGNORECASE)),
        ("handle", re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")),
    )


def _addresses(text: str) -> dict[str, list[tuple[str, tuple[int, int]]]]:
    found: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    # Each pattern needs an "@", a "://" or a "www.": most sentences have none, and the e-mail
    # pattern alone tried a match at every letter (a sixth of the fact checks' time).
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return found
    taken: list[tuple[int, int]] = []
    for kind, pattern in _address_patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if not _free(taken, start, end):
                continue  # the domain of an e-mail address is no handle or web address of its own
            # Sentence punctuation after an address is not part of it.
            value = match.group().rstrip(".,;:!?")
            taken.append((start, start + len(value)))
            found.setdefault(kind, []).append((value, (start, start + len(value))))
    return found


def _address_key(value: str) -> str:
    # "caf%C3%A9" is "café", and "&amp;" a markup's "&": one address written two ways.
    value = unquote(html.unescape(value))
    return value.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


# The three-letter codes sites put in addresses beside the two-letter ones (ISO 639-2/T and /B).
_LONG_LANGUAGE_CODES = {"en": "eng", "fr": "fra fre", "de": "deu ger", "es": "spa", "it": "ita", "pt": "por",
                        "nl": "nld dut", "zh": "zho chi", "ja": "jpn", "ru": "rus", "el": "ell gre", "ar": "ara",
                        "pl": "pol", "ko": "kor", "uk": "ukr", "cs": "ces cze", "sv": "swe", "tr": "tur"}


@lru_cache(maxsize=256)
def _language_in_address(src_lang: str, tgt_lang: str) -> re.Pattern | None:
    codes = [code for lang in (src_lang, tgt_lang) if lang
             for code in (lang.lower(), *_LONG_LANGUAGE_CODES.get(lang.lower(), "").split())]
    if not codes:
        return None
    alternatives = "|".join(sorted(set(codes), key=len, reverse=True))
    # "en", "en-US", "fr_FR" as a word of the address: a path segment, a query value, a file name's suffix.
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?:[-_][a-z]{{2}})?(?![a-z0-9])")


def _localized(a: str, b: str, src_lang: str, tgt_lang: str) -> bool:
    """Two addresses of one page in the two languages: a reprint points its links at its own
    language's page ("/en/report" / "/fr/rapport", "?lang=en" / "?lang=fr", "chart-en.png" /
    "chart-fr.png", en.wikipedia.org / fr.wikipedia.org)."""
    pattern = _language_in_address(src_lang, tgt_lang)
    if pattern is None:
        return False
    key_a, key_b = _address_key(a), _address_key(b)
    general_a, general_b = pattern.sub("{lang}", key_a), pattern.sub("{lang}", key_b)
    if general_a == general_b:
        return True
    host_a, host_b = general_a.split("/", 1)[0], general_b.split("/", 1)[0]
    if host_a != host_b or "{lang}" not in general_a or "{lang}" not in general_b:
        return False
    # Both name their language on one site: the rest is the page's title in that language
    # ("/en/report" / "/fr/rapport"), unless a figure changed ("/en/report-2024" / "/fr/rapport-2023").
    return re.findall(r"\d+", general_a) == re.findall(r"\d+", general_b)


def _address_mismatches(src: str, tgt: str, src_lang: str = "", tgt_lang: str = "") -> list[FactMismatch]:
    """An address on one side where the other gives a different one of the same kind; one that is
    only dropped is an omission, not a changed fact, and one localized is no change (`_localized`)."""
    src_found, tgt_found = _addresses(src), _addresses(tgt)
    out = []
    for kind, src_values in src_found.items():
        tgt_values = tgt_found.get(kind, [])
        tgt_keys = {_address_key(value) for value, _ in tgt_values}
        src_keys = {_address_key(value) for value, _ in src_values}
        src_left = [(v, span) for v, span in src_values if _address_key(v) not in tgt_keys]
        tgt_left = [(v, span) for v, span in tgt_values if _address_key(v) not in src_keys]
        for (a, a_span), (b, b_span) in zip(src_left, tgt_left):
            if kind == "web address" and _localized(a, b, src_lang, tgt_lang):
                continue
            out.append(FactMismatch(kind, a, b, a_span, b_span, f"{kind} {a} (source) vs {b} (target)"))
    return out


def link_mismatches(src_original: str, tgt_original: str, src_text: str, tgt_text: str, src_lang: str = "",
                    tgt_lang: str = "") -> list[FactMismatch]:
    """Addresses changed where a side gives one only as a link's target: the cleaned text of
    "[read the report](https://example.org/2024)" keeps its words and drops the address, so a
    reprint that links elsewhere passed. Those the cleaned texts show are `compare_facts`'s."""
    if src_original == src_text and tgt_original == tgt_text:
        return []
    src_hidden, tgt_hidden = _hidden_addresses(src_original, src_text), _hidden_addresses(tgt_original, tgt_text)
    found = []
    if src_hidden or tgt_hidden:
        found = _address_mismatches(" ".join([src_text, *src_hidden]), " ".join([tgt_text, *tgt_hidden]),
                                    src_lang, tgt_lang)
        found = [f for f in found if f.src_value in src_hidden or f.tgt_value in tgt_hidden]
    # A link within the site ("/reports/2024.pdf"), which no address pattern reads: compared with
    # the other side's as the absolute ones are, one left over on each side a change.
    src_paths, tgt_paths = _relative_links(src_original), _relative_links(tgt_original)
    src_left = [p for p in src_paths if p not in tgt_paths]
    tgt_left = [p for p in tgt_paths if p not in src_paths]
    for a, b in zip(src_left, tgt_left):
        if not _localized(a, b, src_lang, tgt_lang):
            found.append(FactMismatch("web address", a, b, None, None, f"web address {a} (source) vs {b} (target)"))
    return found


# A markdown link's target that is a path on the same site: not "#section" (this page), nor an
# absolute address or a "mailto:" (the address patterns read those).
_RELATIVE_LINK_RE = lazy_re.compile(r"\]\(((?:\.{0,2}/|[\w-]+/)(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")


def _relative_links(original: str) -> list[str]:
    if "](" not in original:
        return []
    return [m.group(1) for m in _RELATIVE_LINK_RE.finditer(original) if "://" not in m.group(1)]


def _hidden_addresses(original: str, text: str) -> list[str]:
    if original == text:
        return []
    shown = {_address_key(value) for values in _addresses(text).values() for value, _ in values}
    return [value for values in _addresses(original).values() for value, _ in values
            if _address_key(value) not in shown]


# Codes are copied, never translated: an error code, a trial or part number, a version, an IP
# address. "E1042" / "E1024", "v2.3.1" / "v2.3.2", "10.0.0.1" / "10.0.0.2" were read as no number
# (digits glued to letters) or as a number whose last group the message did not show.
# Chinese and Japanese write a code against their characters ("用bzip2压缩", "fb2和OpenReader格式"):
# those end it, and may stand before it, as a space does ("bzip2存档格式的文件" was a changed code).
_LETTER_CODE_RE = lazy_re.compile(rf"(?:(?<=[{_UNSPACED_CHARS}])|(?<![\w.-]))([A-Za-z]{{1,10}})-?"
                                  rf"(\d(?:[^\W{_UNSPACED_CHARS}]|[.-])*)")
# A word of letters hyphenated to a code is no part of it: "H2O-Konzentrationen", "USB3-compatible",
# "v2.1.3-based" against "H2O", "USB3", "v2.1.3" were false changed codes on faithful translations.
# A word in capitals stays ("SKU-1234-BLK"), and so does a pre-release tag ("v2.1.3-beta").
_HYPHENATED_WORD_RE = lazy_re.compile(r"-([^\W\d_]+)(?![\w])")
_RELEASE_TAGS = frozenset("alpha beta rc dev pre preview snapshot final stable lts".split())
_DOTTED_CODE_RE = lazy_re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w.]*\d)")


def _codes(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(value, shape, span) of each code: a letter prefix with digits ("E1042", "NCT04512345",
    "v2.3.1"; shape: the prefix), or three or more dotted groups that are neither a date nor a
    figure in thousands ("2.10.0", "192.168.1.10"; shape: the number of groups)."""
    if not _FIGURE_CHAR.search(text):
        return []
    out = []
    for m in _LETTER_CODE_RE.finditer(text):
        value = m.group(0)
        for word in _HYPHENATED_WORD_RE.finditer(value, m.end(1) - m.start()):
            if word.group(1) != word.group(1).upper() and word.group(1).lower() not in _RELEASE_TAGS:
                value = value[:word.start()]
                break
        value = value.rstrip(".-")
        if not any(ch.isdigit() for ch in value) or _PERIOD_CODE_RE.fullmatch(value):
            continue  # a quarter, a half or a financial year is compared as a number
        out.append((value, m.group(1).lower(), (m.start(), m.start() + len(value))))
    for m in _DOTTED_CODE_RE.finditer(text):
        groups = m.group(0).split(".")
        thousands = all(len(g) == 3 for g in groups[1:])
        date = len(groups) == 3 and 1 <= int(groups[0]) <= 31 and 1 <= int(groups[1]) <= 12 and len(groups[2]) in (2, 4)
        if not (thousands or date) and _free([span for _, _, span in out], *m.span()):
            out.append((m.group(0), f"{len(groups)} groups", m.span()))
    return out


def _code_key(value: str) -> str:
    return unicodedata.normalize("NFKC", value).lower().replace("-", "")


def _code_mismatches(src_codes, tgt_codes) -> list[FactMismatch]:
    """A code (`_codes`) on one side where the other gives a different one of the same shape; one
    only dropped is an omission, not a changed fact."""
    if not src_codes or not tgt_codes:
        return []
    # Counted, not as sets: "(v2.1.3) ... /fw/v2.1.3/" against "(v2.1.4) ... /fw/v2.1.3/" left no
    # v2.1.3 over, and the changed version went unseen.
    src_left, tgt_left = _codes_left(src_codes, tgt_codes), _codes_left(tgt_codes, src_codes)
    out, used = [], set()
    for a, shape, a_span in src_left:
        for k, (b, other_shape, b_span) in enumerate(tgt_left):
            if k not in used and other_shape == shape:
                used.add(k)
                out.append(FactMismatch("code", a, b, a_span, b_span, f"code {a} (source) vs {b} (target)"))
                break
    return out


def _codes_left(own, other) -> list:
    """The codes of `own` that `other` does not write as often, the later copies first."""
    return _left_over(own, other, lambda code: _code_key(code[0]))


def _left_over(own, other, key) -> list:
    """The items of `own` that `other` does not hold as often, by `key`: the later copies are left."""
    counts = Counter(key(item) for item in other)
    left = []
    for item in own:
        if counts[key(item)]:
            counts[key(item)] -= 1
        else:
            left.append(item)
    return left


def _outside(quantities: list[_Quantity], codes) -> list[_Quantity]:
    """The quantities that are not digits of one of `codes` (`_code_mismatches` compares those)."""
    spans = [span for _, _, span in codes]
    return [q for q in quantities if not any(a <= q.span[0] and q.span[1] <= b for a, b in spans)]


def _placeholders(text: str) -> list[tuple[tuple[int, str], str, tuple[int, int]]]:
    """A message's printf placeholders as (argument, type), as written, where: the argument is the
    next in turn, or the rank of the one its "n$" names among those the text names; "%i" is "%d"'s
    type, and flags, width and precision are the translation's to set."""
    matches = list(PRINTF_PLACEHOLDER.finditer(text))
    # A sentence of a message holds some of its arguments: where its placeholders name theirs
    # ("`%3$c' は時代遅れです。" of a message whose first two are in the sentence before), they
    # count from the first it names, as the other side's, in turn, count from its first.
    named = sorted({int(m.group(1)) for m in matches if m.group(1)})
    rank = {position: k for k, position in enumerate(named, 1)}
    out, turn = [], 0
    for match in matches:
        position, conversion = match.groups()
        if position is None:
            turn += 1
        argument = rank[int(position)] if position else turn
        out.append(((argument, conversion.replace("i", "d")), match.group(0), match.span()))
    # A named or numbered one is the argument it names, however the translation orders them:
    # "%{count}" and "{{count}}" the name, "{0}" its number (told from printf's turns by its brace).
    for match in NAMED_PLACEHOLDER.finditer(text) if "{" in text else ():
        name = next(group for group in match.groups() if group is not None)
        out.append(((f"{{{name}}}", ""), match.group(0), match.span()))
    return out


def placeholder_mismatches(src_text: str, tgt_text: str) -> list[FactMismatch]:
    """The printf placeholders of a program's message that its translation drops, adds or changes:
    the program passes its arguments in the source's order and types, so "%s" left out loses a
    name, and "%d" for "%s" crashes it. A translation that puts them in its own order names each
    ("%2$s ... %1$s" for "%s ... %s"). A named one ("%{count}", "{{count}}", "{0}") dropped or
    added is told as well; one renamed stands against the other side's left over."""
    if "%" not in src_text and "%" not in tgt_text and "{" not in src_text and "{" not in tgt_text:
        return []
    own, theirs = _placeholders(src_text), _placeholders(tgt_text)
    src_left, tgt_left = (_left_over(own, theirs, _argument), _left_over(theirs, own, _argument))
    out = []
    for key, written, span in src_left:
        # printf's by the argument; a named one against the other side's named one left over.
        other = next((q for q in tgt_left if (q[0][0] == key[0] if key[1] else not q[0][1])), None)
        if other is not None:
            tgt_left.remove(other)
            out.append(FactMismatch("placeholder", written, other[1], span, other[2],
                                    f"placeholder {written} (source) vs {other[1]} (target)"))
        else:
            out.append(FactMismatch("placeholder", written, None, span, None,
                                    f"placeholder {written} (source) is not in the target"))
    out += [FactMismatch("placeholder", None, written, None, span, f"placeholder {written} (target) is not in the source")
            for _key, written, span in tgt_left]
    return out


def _argument(placeholder) -> tuple[int, str]:
    return placeholder[0]
