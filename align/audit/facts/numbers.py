"""Numbers, measures, currencies and units that a pair's two sides disagree on."""
from __future__ import annotations

import re
import unicodedata

from ... import lazy_re
from .codes import _outside
from .mismatch import FactMismatch
from .quantities import (
    _CURRENCY, _CURRENCY_BEFORE_RE, _OF_AFTER_SCALE, _PERSIAN_SLASH_DECIMAL, _Quantity, _SPACE_SEP, _TEMPERATURE_RE,
    _TIME_UNITS, _UNIT_KIND, _UNIT_SYMBOLS, _WORD_RE, _after_number, _converted_temperature, _currency_code, _minus_before, _mult_re,
    _same_measure, _unit_after, extract_numbers,
)


def _same(a: _Quantity, b: _Quantity) -> bool:
    # Two times that each say their part of the day ("9 am", "9 de la noche") are compared on
    # twenty-four hours alone; the hour as written is there to match a time that says none.
    for kind in ("p", "d", "t", "v"):
        if any(x[0] == kind for x in a.values) and any(y[0] == kind for y in b.values):
            # Two dates are one date when day and month agree: a date's day alone (its "n" reading) is
            # there to match a bare day on the other side ("le 17"), not "17 octobre" to "17 September";
            # so are two times when hour and minutes agree, not "19:05" and "19h50" by their hour, and
            # two versions when written alike ("3.10" is no "3.1").
            return bool({x for x in a.values if x[0] == kind} & {y for y in b.values if y[0] == kind})
    for x in a.values:
        for y in b.values:
            if x[0] == y[0] and (x[1:] == y[1:] if x[0] != "n" else abs(x[1] - y[1]) <= 1e-9 * max(1.0, abs(x[1]))):
                return True
    return False


def _comparable(a: _Quantity, b: _Quantity) -> bool:
    """Quantities of one class, or a time against a number that reads as one too ("um halb fünf" /
    "à 6 heures et demie")."""
    return a.cls == b.cls or ({a.cls, b.cls} == {"num", "time"} and all(any(x[0] == "t" for x in q.values)
                                                                      for q in (a, b)))


def _matched(q: _Quantity, own: list[_Quantity], other: list[_Quantity]) -> bool:
    """`q` has a counterpart among `other`. A date's day matches a bare figure ("17 octobre" / "the
    17th"), but not one that a figure of its own side matches: "on 1 Sept. ... 1%" against "am 1. Okt.
    ... 1 %" had the changed month matched by the percentage."""
    return any(_loosely_same(q, o) and not (q.cls == "date" and o.cls != "date"
                                            and any(p.cls == o.cls and _same(p, o) for p in own))
               and not _decimal_of_its_own(q, o, other)
               for o in other)


def _decimal_of_its_own(q: _Quantity, o: _Quantity, other: list[_Quantity]) -> bool:
    """`o` is a whole number in words that matches decimal `q` by its integer part alone, while
    `o`'s side writes a decimal figure of that integer part itself: that figure is `q`'s
    counterpart, not the words. "2.9% ... in two years" against "2,8 % ... depuis deux ans" had
    the changed rate matched by "deux"."""
    if o.strong or not q.strong:
        return False
    parts = {int(x[1]) for x in q.values if x[0] == "n" and x[1] != int(x[1])}
    return bool(parts) and any(p.strong and p is not o and any(x[0] == "n" and x[1] != int(x[1]) and int(x[1]) in parts
                                                              for x in p.values) for p in other)


def _loosely_same(a: _Quantity, b: _Quantity) -> bool:
    """Same value, or the same figure written another way that our readings do not cover."""
    if _same(a, b):
        return True
    # A figure copied as written: "1,500" in a French text may be the English one (1500) left as it
    # was, though French reads it 1.5 (`_decimal_mark`).
    if a.strong and b.strong and a.cls == b.cls == "num" and a.text == b.text:
        return True
    # "treize noeuds quarante-trois centièmes" is 13.43: a spelled whole number matches the
    # integer part of a decimal figure, since spelled decimals come in too many shapes to parse.
    for weak, strong in ((a, b), (b, a)):
        if not weak.strong and strong.strong:
            whole = {x[1] for x in weak.values if x[0] == "n"}
            if any(x[0] == "n" and x[1] != int(x[1]) and int(x[1]) in whole for x in strong.values):
                return True
    return False


_DIGIT_RUN_RE = lazy_re.compile(r"\d+(?:[" + _SPACE_SEP + r"./'’-]\d+)*")


# A run that reads as one amount: up to six digits, or groups of three after a separator
# ("12 000", "1.200.000"). Two such runs are figures to compare by value, never one inside the
# other: "2 000" inside "12 000", "8.500" inside "18.500" hid a changed amount.
_AMOUNT_RUN_RE = lazy_re.compile(r"\d{1,6}|\d{1,3}([" + _SPACE_SEP + r".'’])\d{3}(?:\1\d{3})*")


def _reads_as_amount(text: str, start: int, end: int) -> bool:
    """A run of digits that reads as one amount, not a number dialled ("+34 912 345 678", "0034...")."""
    dialled = text[max(0, start - 1):start] == "+" or text.startswith("00", start)
    return not dialled and _AMOUNT_RUN_RE.fullmatch(text, start, end) is not None


# A hyphen between two figures of as many digits, the second the larger, is a range ("2019-2021",
# "1000-1500"), not one code: as one run, "2019-2021" held the "2019" of "de 2019 à 2022" and
# passed its changed end.
_RANGE_HYPHEN_RE = lazy_re.compile(r"(?<!\d)(\d{3,})-(?=(\d{3,})(?!\d))")


def _digit_run_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of digit groups in `text`, a range cut in two."""
    spans = []
    for m in _DIGIT_RUN_RE.finditer(text):
        start = m.start()
        for hyphen in _RANGE_HYPHEN_RE.finditer(text, m.start(), m.end()):
            low, high = hyphen.group(1), hyphen.group(2)
            if len(low) == len(high) and int(low) < int(high):
                spans.append((start, hyphen.end() - 1))
                start = hyphen.end()
        spans.append((start, m.end()))
    return spans


def _run_digits(text: str, start: int, end: int) -> str:
    """A run's digits, separators dropped, and a minus before them kept ("-1500" is not "1500")."""
    return ("-" if _minus_before(text, start) is not None else "") + _digits(text[start:end])


def _digits(text: str) -> str:
    """The digits of `text` in ASCII, whatever their script: "٦٠٠ مليون" holds the "600" of "600 milliards"."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def _digit_runs(text: str) -> set[tuple[str, bool]]:
    """(digits, reads as one amount) of every run of digit groups, separators dropped:
    "031/43 36 11" -> ("0314336 11"...)."""
    return {(_run_digits(text, *span), _reads_as_amount(text, *span)) for span in _digit_run_spans(text)}


def _in_runs(q: _Quantity, own_text: str, other_runs: set[tuple[str, bool]]) -> bool:
    """Phone numbers and codes grouped differently ("433611" / "43 36 11"), or with a prefix one
    side leaves out, are one figure. (Not a date by numbers: "05.12.2026" holds the other side's
    "2026", and its changed day went unseen.)"""
    if not q.strong or q.cls == "date" or _mult_re().search(q.text):
        # Nor an amount with its scale: "1 234,5 millions" holds the digits of "1 234,5 Milliarden",
        # and the changed scale went unseen where a figure under four digits was caught.
        return False
    for start, end in _digit_run_spans(own_text):
        if start <= q.span[0] < end:
            digits = _run_digits(own_text, start, end)
            if len(digits.lstrip("-")) < 4:
                return False
            amount = _reads_as_amount(own_text, start, end)
            return any(digits == run or (not (amount and run_amount)
                                         and (digits in run or (len(run) >= 4 and run in digits)))
                       for run, run_amount in other_runs)
    return False


def _magnitude_gap(a: _Quantity, b: _Quantity) -> float:
    import math

    va = [abs(x[1]) for x in a.values if x[0] == "n" and x[1]]
    vb = [abs(x[1]) for x in b.values if x[0] == "n" and x[1]]
    if not va or not vb:
        return 0.0
    return min(abs(math.log10(x) - math.log10(y)) for x in va for y in vb)


# Units one converts into another exactly, by their measure and size: "90 minutes" is "1½ hours",
# "3500 m" "3,5 km". Days and weeks are left out ("huit jours" is a week, "three days" against "deux
# semaines" a span retold), as are bytes (by 1000 or 1024). A ton is converted only where the other
# side weighs in grams or kilograms, the only other exact mass, and is then the metric one ("2,500 kg"
# against "3,5 t" went unseen); English "tons" may be short or long too (`_TONS_OF_TWO_KINDS`).
_EXACT_UNITS = {"second": ("time", 1), "minute": ("time", 60), "hour": ("time", 3600),
                "millimetre": ("length", 1e-3), "centimetre": ("length", 1e-2), "metre": ("length", 1),
                "kilometre": ("length", 1e3), "gram": ("mass", 1), "kilogram": ("mass", 1e3), "ton": ("mass", 1e6),
                "millilitre": ("volume", 1e-3), "litre": ("volume", 1)}
# English "ton(s)": a metric, a short (907 kg) or a long ton (1016 kg); "2 tons" against "1 814 kg"
# is a short ton converted.
_TONS_OF_TWO_KINDS = lazy_re.compile(r"(?<![^\W\d_])tons?$", re.IGNORECASE)
_SHORT_AND_LONG_TON = (907184.74, 1016046.9088)


def _in_base_unit(q: _Quantity, unit: str, text: str) -> set[tuple[str, float]]:
    """What `q` reads as in the smallest unit of its measure, with that measure, where `unit`
    converts exactly; nothing where not."""
    measure, scale = _EXACT_UNITS.get(unit, ("", 0))
    scales = (scale,)
    if unit == "ton" and _TONS_OF_TWO_KINDS.search(_with_unit(text, q)):
        scales += _SHORT_AND_LONG_TON
    return {(measure, x[1] * s) for x in q.values if x[0] == "n" for s in scales} if scale else set()


_HOURS_WRITTEN_H = lazy_re.compile(r"\d{1,2}[\s\u00a0]?h\.?[\s\u00a0]?\d{2}")


def _clock_span(q: _Quantity) -> set[float]:
    """In seconds, a time written "1 h 30", which French and German write for a span of time too."""
    if q.cls != "time" or not _HOURS_WRITTEN_H.fullmatch(q.text):
        return set()
    return {("time", x[1] * 3600.0 + x[2] * 60) for x in q.values if x[0] == "t"}


def _one_measure(a: set[tuple[str, float]], b: set[tuple[str, float]]) -> bool:
    return bool(a) and bool(b) and {m for m, _ in a} == {m for m, _ in b}


def _same_amount(a: set[tuple[str, float]], b: set[tuple[str, float]], tolerance: float) -> bool:
    return any(abs(x - y) <= tolerance * max(1e-6, abs(x)) for _, x in a for _, y in b)


def _converted_pairs(s_amounts, t_amounts, s_units: list[str], t_units: list[str]) -> tuple[set[int], set[int]]:
    """The leftovers of each side that the other side gives in another unit ("90 minutes" / "1 h
    30", "gut 30 cm" / "305 mm"): no changed figure, and no figure to pair with another one."""
    given_s: set[int] = set()
    given_t: set[int] = set()
    for i, a in enumerate(s_amounts):
        for j, b in enumerate(t_amounts):
            if j in given_t or not _one_measure(a, b):
                continue
            rounded = s_units[i] and t_units[j] and s_units[i] != t_units[j]
            if _same_amount(a, b, _ROUNDED_CONVERSION if rounded else 1e-6):
                given_s.add(i)
                given_t.add(j)
                break
    return given_s, given_t


# A measure converted from a third unit is rounded on one side: "gut 30 cm" against "12 pouces ( 305
# mm )" (a Text+Berg dev gold bead) is one length.
_ROUNDED_CONVERSION = 0.05


def _amount_gap(a: set[tuple[str, float]], b: set[tuple[str, float]]) -> float:
    import math

    return min((abs(math.log10(x) - math.log10(y)) for _, x in a for _, y in b if x > 0 and y > 0), default=0.0)


def _rank_against_count(a: _Quantity, b: _Quantity) -> bool:
    """A rank against a count or a measure: two facts ("au troisième sommet" against "18,29 m" was a
    changed figure). A day is a rank in English and a count in French ("the 21st" / "le 22"): two
    figures of a day's size, or a date, are compared still."""
    if a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal or "date" in (a.cls, b.cls):
        return False
    return not (_bare_day(a) and _bare_day(b))


def _bare_day(q: _Quantity) -> bool:
    """`q` is a figure that may be a day of the month: a whole number from 1 to 31, in digits. A
    Roman numeral is none ("in Lager II" against "Le 8 juillet, au camp II" was a changed date)."""
    return (q.cls == "num" and q.strong and any(char.isdigit() for char in q.text)
            and any(v[0] == "n" and v[1] in range(1, 32) for v in q.values))


def _slash_as_written(text: str, other: str) -> str:
    """`text` with the slash of a Persian figure that the other text writes with a slash too ("۲۴/۷"
    beside "24/7", a vote of "۷/۲" beside "7/2"; not a fraction) kept from the decimal reading: a division slash,
    which separates the figures as a slash did before. "Open 24/7" was "number 24 vs ۲۴/۷"."""
    if "/" not in text or "/" not in other:
        return text

    def kept(m: re.Match) -> str:
        western = "/".join(_digits(part) for part in m.group(0).split("/"))
        numerator, denominator = (int(part) for part in western.split("/"))
        if 1 <= numerator < denominator <= 16:  # a fraction: read so on both sides ("1/2", "۱/۲")
            return m.group(0)
        return m.group(0).replace("/", "\u2215") if re.search(
            r"(?<![/\d])" + re.escape(western) + r"(?![/\d])", other) else m.group(0)

    return _PERSIAN_SLASH_DECIMAL.sub(kept, text)


def _number_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str, src_codes, tgt_codes) -> list[FactMismatch]:
    src, tgt = _slash_as_written(src, tgt), _slash_as_written(tgt, src)
    sq, tq = _outside(extract_numbers(src, src_lang), src_codes), _outside(extract_numbers(tgt, tgt_lang), tgt_codes)
    sq, tq = _without_label(sq, src), _without_label(tq, tgt)
    s_runs, t_runs = _digit_runs(src), _digit_runs(tgt)
    s_left = [q for q in sq if not _matched(q, sq, tq) and not _in_runs(q, src, t_runs)]
    t_left = [q for q in tq if not _matched(q, tq, sq) and not _in_runs(q, tgt, s_runs)]
    s_left += _extra_copies(sq, tq)
    t_left += _extra_copies(tq, sq)
    # A figure whose only match on the other side is a number in words, while that side's own
    # figure is left over: "EUR 48,500" against "EUR 45.800 (achtundvierzigtausendfünfhundert Euro)",
    # a contract's changed amount beside its unchanged words, had passed as the same amount.
    s_left += [q for q in _matched_only_by_words(sq, tq, t_left, tgt) if q not in s_left]
    t_left += [q for q in _matched_only_by_words(tq, sq, s_left, src) if q not in t_left]
    s_left += [q for q in _restated_in_other_words(t_left, tq, sq, tgt) if q not in s_left]
    t_left += [q for q in _restated_in_other_words(s_left, sq, tq, src) if q not in t_left]
    out_currency = _currency_mismatches(src, tgt, sq, tq) + _unit_mismatches(src, tgt, sq, tq)
    s_left, t_left = ([q for q in s_left if not _restated_beside(q, sq, s_left, src, t_left, tgt)],
                      [q for q in t_left if not _restated_beside(q, tq, t_left, tgt, s_left, src)])
    s_units = [q.unit or _unit_after(src, q.span[1]) for q in s_left]
    t_units = [q.unit or _unit_after(tgt, q.span[1]) for q in t_left]
    s_units, t_units = _told_apart(s_units, t_units, tq, tgt), _told_apart(t_units, s_units, sq, src)
    s_money, t_money = [_currency_of(src, q) for q in s_left], [_currency_of(tgt, q) for q in t_left]
    # A side that reads no date at all (its language's month names are not known here: Swahili
    # "13 Machi", Indonesian "13 Maret", Bengali "১৩ মার্চ") has the day as a bare figure: against the
    # other side's date it is compared as the day. "12 March" against "13 Machi" was no finding.
    s_dateless, t_dateless = all(q.cls != "date" for q in sq), all(q.cls != "date" for q in tq)
    s_amounts = [_in_base_unit(q, unit, src) or _clock_span(q) for q, unit in zip(s_left, s_units)]
    t_amounts = [_in_base_unit(q, unit, tgt) or _clock_span(q) for q, unit in zip(t_left, t_units)]
    given = _converted_pairs(s_amounts, t_amounts, s_units, t_units)
    candidates = []
    for i, a in enumerate(s_left):
        for j, b in enumerate(t_left):
            if i in given[0] or j in given[1]:
                continue
            day_against_date = (a.cls == "date" and t_dateless and _bare_day(b)) or (b.cls == "date" and s_dateless and _bare_day(a))
            # Words alone ("deux", "three") are too loose in literary translation to accuse anyone;
            # two spelled-out numbers are compared only when both measure something ("five inches") or
            # both are ranks ("the third of 5 attempts" / "la quatrième de 5 tentatives").
            # A span of time or a metric measure converts exactly: "90 minutes" against "deux heures et
            # demie" or "2 h 30", "2500 kg" against "3,5 tonnes" is a change.
            amounts = s_amounts[i], t_amounts[j]
            converted_apart = _one_measure(*amounts) and not _same_amount(*amounts, 1e-6) and bool(
                s_units[i] or t_units[j]) and (a.strong or b.strong)
            if not (_comparable(a, b) or day_against_date or converted_apart) or not (
                    a.strong or b.strong or (a.measured and b.measured) or (a.ordinal and b.ordinal)):
                continue
            if s_units[i] and t_units[j] and not _same_measure(s_units[i], t_units[j]) and not converted_apart:
                continue  # one measure in two units ("二十英尺" / "six-meter"): converted, not changed
            if _converted_temperature(a, b, s_units[i], t_units[j]):
                continue
            if _rank_against_count(a, b):
                continue
            # A year next to a count is nearly always two different facts, not one changed fact; a
            # figure with a unit on both sides is no year ("1,5 kg" / "1800 g").
            if a.cls == "num" and _year_beside_count(a, b) and not (s_units[i] and t_units[j]):
                continue
            if _sign_said_in_words(a, b, src, tgt):
                continue
            # Figures a hundred times apart are two facts, not one changed one ("8848 m" dropped,
            # "3e" kept); a spelled-out number is held to ten times ("Vier" is not "n° 57").
            gap = _amount_gap(*amounts) if converted_apart else _magnitude_gap(a, b)
            if gap < 1 + 1e-9 and (_large_in_words(a) or _large_in_words(b)):
                gap = min(gap, 0.99)  # "six mille hommes" against "60,000 men": a zero slipped, as a figure's would
            slipped = _same_figure_other_scale(a, b) or (
                _same_digits(a, b) and ((s_units[i] and s_units[i] == t_units[j])
                                        or (s_money[i] and _same_currency(s_money[i], t_money[j]))))
            if (gap >= 2 and not slipped) or (gap >= 1 and not (a.strong and b.strong)):
                continue
            candidates.append((gap, i, j))
    # A changed figure is usually close in size to the original (100,000 / 120 000): pair the
    # closest leftovers first rather than in reading order.
    out: list[FactMismatch] = []
    used_s: set[int] = set()
    used_t: set[int] = set()
    for _, i, j in sorted(candidates):
        if i in used_s or j in used_t:
            continue
        used_s.add(i)
        used_t.add(j)
        a, b = s_left[i], t_left[j]
        what = "date" if "date" in (a.cls, b.cls) else "time" if "time" in (a.cls, b.cls) else "number"
        out.append(FactMismatch(what, a.text, b.text, a.span, b.span, f"{what} {a.text} (source) vs {b.text} (target)"))
    if not out and not out_currency:
        out = _measures_left_out(s_left, t_left, src, tgt, sq, tq)
    return out + out_currency


# A capital letter alone between a figure and a capitalised word is a title's article, not a unit:
# "CHAPTER 1 A Runaway Reef" against "I UN ÉCUEIL FUYANT" was "1 A" (amperes) missing.
_TITLE_AFTER_FIGURE = lazy_re.compile(r"[\s\u00a0]+[A-Z][\s\u00a0]+[A-ZÀ-Þ]")


def _measures(left: list[_Quantity], text: str) -> list[_Quantity]:
    """The figures among `left` written in digits with a unit or a currency: "7 days", "10 MB", "€40"."""
    return [q for q in left if q.strong and not q.year and q.cls == "num" and any(c.isdigit() for c in q.text)
            and not _TITLE_AFTER_FIGURE.match(text, q.span[1])
            and (q.unit or _unit_after(text, q.span[1]) or _currency_of(text, q))]


def _measures_left_out(s_left, t_left, src: str, tgt: str, sq, tq) -> list[FactMismatch]:
    """A measure one side gives and the other gives nowhere, with no figure left over there to be
    its changed form: a contract's "after 7 days' written notice" dropped from a clause, or a size
    limit dropped from a manual, went unreported, too short a clause for the clause checks. Bare
    figures are left alone (chapter and note numbers, "cent ans" / "100 years": 0.7-2.7 such pairs
    per 100 gold beads of real translations); with a unit, 0-0.2 (`python -m benchmarks.false_alarms`)."""
    # Any figure left over on the other side, in words too, may be the measure converted ("六十公斤"
    # / "130 pounds"): then nothing is said.
    # A figure the other side does give, once where this side says it twice ("12 km, the second
    # also 12 km" / "12 km chacune"), is given; so is one the other side says in words of its
    # measure ("30 minutes" / "une demi-heure", "12 months" / "ein Jahr", "24 hours a day" / "rund
    # um die Uhr", "$20" / "un billet de vingt dollars": a review's faithful pairs, 9 of 9 alarmed).
    if not t_left:
        return _left_out(src, _measures(s_left, src), tq, tgt, "source", "target")
    if not s_left:
        return _left_out(tgt, _measures(t_left, tgt), sq, src, "target", "source")
    return []


def _left_out(text: str, measures: list[_Quantity], other_quantities: list[_Quantity], other: str, side: str,
              other_side: str) -> list[FactMismatch]:
    """The `measures` of `text` that `other` states nowhere, in figures or in words of their measure.
    Those words are read only where there is a measure to look for: most pairs have none."""
    missing = [q for q in measures if not any(_same(q, o) for o in other_quantities)]
    said = _measures_in_words(other) if missing else set()
    found = []
    for q in missing:
        if _dimension(text, q) in said:
            continue
        message = f"number {_measure_as_written(text, q)} ({side}) is not in the {other_side}"
        found.append(FactMismatch("number", q.text, None, q.span, None, message) if side == "source"
                     else FactMismatch("number", None, q.text, None, q.span, message))
    return found


# Words that say a measure of time without a unit's name: "rund um die Uhr", "jour et nuit", "täglich".
_TIME_WORDS = {"uhr", "nacht", "nuit", "night", "noche", "notte", "morning", "matin", "morgen", "mañana", "mattina",
               "täglich", "daily", "quotidien", "quotidiennement", "diario", "diariamente", "wöchentlich", "weekly",
               "hebdomadaire", "semanal", "monatlich", "monthly", "mensuel", "mensual", "jährlich", "yearly",
               "annually", "annuel", "anual", "fortnight", "fortnights"}
_AFTER_FIGURE = lazy_re.compile(r"\d[\s\u00a0]?$")
_compound_unit = None


def _unit_at_end(word: str) -> str:
    """The kind of a unit a compound ends in: German "Viertelliter", "Halbjahr"."""
    global _compound_unit
    if _compound_unit is None:
        names = sorted((name for name in _UNIT_KIND if len(name) >= 4 and name.isalpha()), key=len, reverse=True)
        _compound_unit = re.compile("(?:" + "|".join(map(re.escape, names)) + ")$")
    match = _compound_unit.search(word)
    return _UNIT_KIND[match.group(0)] if match else ""


def _dimension(text: str, q: _Quantity) -> str:
    """What `q` measures: "time", "length"... or "money"."""
    if _currency_of(text, q):
        return "money"
    unit = q.unit or _unit_after(text, q.span[1])
    return _DIMENSION.get(unit, unit)


def _measures_in_words(text: str) -> set[str]:
    """The dimensions `text` names a unit of without a figure ("une demi-heure", "ein Jahr": time);
    a unit after a figure is that figure's ("14 Tage" does not give a "7 days" left out)."""
    out = set()
    for match in _WORD_RE.finditer(text):
        if _AFTER_FIGURE.search(text, max(0, match.start() - 2), match.start()):
            continue
        word = match.group(0)
        low = word.lower()
        kind = _UNIT_SYMBOLS.get(word) or _UNIT_KIND.get(low, "") or (_unit_at_end(low) if len(low) > 6 else "")
        if kind:
            out.add(_DIMENSION.get(kind, kind))
        if low in _TIME_WORDS:
            out.add("time")
        if low in _CURRENCY:
            out.add("money")
    if _CURRENCY_SYMBOL_ANYWHERE.search(text):
        out.add("money")
    return out


_CURRENCY_SYMBOL_ANYWHERE = lazy_re.compile(r"[€$£¥₽₹₩]")


def figure_stated_in(text: str, span: tuple[int, int], lang: str, other_text: str, other_lang: str) -> bool:
    """Whether the figure at `span` of `text` is among the figures of `other_text`: a measure one
    pair lacks may stand in its neighbour's, where the aligner drew the pair's edge elsewhere."""
    own = [q for q in extract_numbers(text, lang) if q.span == span]
    return bool(own) and any(_same(own[0], o) for o in extract_numbers(other_text, other_lang))


def _measure_as_written(text: str, q: _Quantity) -> str:
    return _quoted_amount(text, q) if _currency_of(text, q) else _with_unit(text, q)
# Chinese, Japanese and Korean glue the currency to what follows ("500万美元的捐款", "500만 달러를"):
# their names are read as the start of the word after the figure. ("元" alone is yuan, a Taiwan or
# a Hong Kong dollar as the text goes: read as no currency.)
# (Kana, Han or Hangul tested by code point: the same as re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"),
# whose 30,000-character class took 2-3 ms to compile at every import.)
_CJK_CURRENCIES = sorted((name for name in _CURRENCY
                          if any("\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"
                                 for c in name)), key=len, reverse=True)
# "12,5 millions d'euros" (no space after the elided "de"), "300,000 Swiss francs", "50,000 US dollars":
# read as no currency, the amount's changed currency went unseen.
_CURRENCY_AFTER_RE = lazy_re.compile(r"\s?(?:(?:de|of|di)\s+|d['’]\s*)?"
                                r"(?:(us|u\.s\.|american|swiss|canadian|australian)\s+)?"
                                r"(€|\$|£|¥|₽|₹|₩|[^\W\d_]+)", re.IGNORECASE)
# A dollar of another country than the United States, by its name's adjective.
_DOLLAR_OF = {"canadian": "CAD", "australian": "AUD"}


def _currency_before(text: str, q: _Quantity) -> tuple[str, int]:
    """(currency code, where it starts) of a symbol, code or name written before the amount, or ("", start)."""
    before = _CURRENCY_BEFORE_RE.search(text, max(0, q.span[0] - 5), q.span[0])
    code = _currency_code(before)
    return (code, before.start(1)) if code else ("", q.span[0])


def _currency_after(text: str, q: _Quantity) -> tuple[str, int]:
    """(currency code, where it ends) of a symbol or word written after the amount, or ("", end)."""
    after = _CURRENCY_AFTER_RE.match(text, q.span[1])
    if not after:
        return "", q.span[1]
    word = after.group(2)
    code = _CURRENCY.get(word.lower(), "")
    if code:
        if code == "USD" and after.group(1):
            code = _DOLLAR_OF.get(after.group(1).lower(), code)
        return code, after.end(2)
    for name in _CJK_CURRENCIES:
        if word.startswith(name):
            return _CURRENCY[name], after.start(2) + len(name)
    return "", q.span[1]


def _same_currency(a: str, b: str) -> bool:
    # "¥" is the yen's sign and the yuan's; "円" and "人民币" are not one currency ("人民币1.5万元" against
    # "1万5000円" had passed).
    return a == b or ("¥" in (a, b) and {a, b} <= {"¥", "JPY", "CNY"})


def _currency_of(text: str, q: _Quantity) -> str:
    return _currency_before(text, q)[0] or _currency_after(text, q)[0]


def _currency_mismatches(src: str, tgt: str, sq: list[_Quantity], tq: list[_Quantity]) -> list[FactMismatch]:
    """An amount of one figure on both sides in two currencies, where the other side does not
    also give that figure in this one's currency."""
    out = []
    t_currencies = [(o, _currency_of(tgt, o)) for o in tq if o.strong and o.cls == "num"]
    for q in sq:
        if not q.strong or q.cls != "num":
            continue
        mine = _currency_of(src, q)
        if not mine:
            continue
        same = [(o, theirs) for o, theirs in t_currencies if _same(q, o)]
        if same and all(theirs and not _same_currency(theirs, mine) for _, theirs in same):
            o = same[0][0]
            out.append(FactMismatch("currency", q.text, o.text, q.span, o.span,
                                    f"currency {_quoted_amount(src, q)} (source) vs {_quoted_amount(tgt, o)} (target)"))
    return out


_DIMENSION = {kind: dimension for dimension, kinds in {
    "length": "inch foot mile verst li league fathom metre centimetre millimetre yard kilometre",
    "mass": "gram pound ounce kilogram ton",
    "volume": "litre millilitre cup tablespoon teaspoon gallon",
    "area": "acre hectare",
    "temperature": "fahrenheit celsius degree",
    "time": " ".join(_TIME_UNITS) + " nanosecond microsecond millisecond second",
    "data": "byte kilobyte megabyte gigabyte terabyte petabyte",
    "current": "microampere milliampere ampere kiloampere",
    "voltage": "millivolt volt kilovolt",
    "power": "milliwatt watt kilowatt megawatt gigawatt",
    "energy": "watt-hour kilowatt-hour megawatt-hour",
    "charge": "milliampere-hour ampere-hour",
    "frequency": "hertz kilohertz megahertz gigahertz",
    "concentration": "ppm ppb",
}.items() for kind in kinds.split()} | {"nautical mile": "length"}


# A unit of two measures: Japanese "キロ" is a kilometre or a kilogram. Read as a kilometre only,
# "500キロの穀物" against "500 tonnes" (or "600キロ" against "500 kg") was two measures, never compared.
_EITHER_MEASURE = {"kilo": ("kilometre", "kilogram")}


def _told_apart(units: list[str], other_units: list[str], other: list[_Quantity], other_text: str) -> list[str]:
    """`units` with each unit of two measures read as the one the other side measures in: its
    figures left over first, else any of its figures; a kilometre where it says neither."""
    if not any(unit in _EITHER_MEASURE for unit in units):
        return units
    dimensions = {_DIMENSION.get(unit) for unit in other_units if unit} or {
        _DIMENSION.get(q.unit or _unit_after(other_text, q.span[1])) for q in other}
    return [_measure_of(unit, dimensions) for unit in units]


def _measure_of(unit: str, dimensions: set) -> str:
    options = _EITHER_MEASURE.get(unit)
    if not options:
        return unit
    return next((option for option in options if _DIMENSION[option] in dimensions), options[0])


def _unit_mismatches(src: str, tgt: str, sq: list[_Quantity], tq: list[_Quantity]) -> list[FactMismatch]:
    """A figure kept on both sides with its unit changed ("5 kg" / "5 g", "30 days" / "30 semaines",
    "20 °C" / "20 °F"), where the other side does not also give that figure in this one's unit: one
    figure, it had passed as the same fact."""
    out = []
    t_units = [(o, _unit_after(tgt, o.span[1])) for o in tq if o.strong and o.cls == "num"]
    for q in sq:
        mine = _unit_after(src, q.span[1]) if q.strong and q.cls == "num" else ""
        if not mine:
            continue
        same = [(o, theirs) for o, theirs in t_units if _same(q, o)]
        # A unit of two measures is read as the other's ("500キロ" against "500 tonnes": kilograms).
        if mine in _EITHER_MEASURE:
            mine = _measure_of(mine, {_DIMENSION.get(theirs) for _, theirs in same})
        same = [(o, _measure_of(theirs, {_DIMENSION.get(mine)})) for o, theirs in same]
        # Of one dimension: "3 miles in 3 hours" / "5 km en 3 heures" is a converted distance, not
        # 3 miles turned into 3 hours.
        if same and all(theirs and not _same_measure(mine, theirs) and _DIMENSION.get(theirs, theirs) ==
                        _DIMENSION.get(mine, mine) for _, theirs in same):
            o = same[0][0]
            out.append(FactMismatch("unit", q.text, o.text, q.span, o.span,
                                    f"unit {_with_unit(src, q)} (source) vs {_with_unit(tgt, o)} (target)"))
    return out


# What stands between a measure and its restatement in another unit: "350 °F (180 °C)",
# "5 miles / 8 km", "2 cups, or 480 ml".
_RESTATED_BETWEEN = lazy_re.compile(r"\s*(?:[(\[/=≈~]|,?\s*(?:or|ou|oder|o|circa|ca\.|about|soit|i\.e\.)\s)\s*\(?\s*$", re.IGNORECASE)


def _restated_beside(q: _Quantity, own: list[_Quantity], left: list[_Quantity], text: str,
                     other_left: list[_Quantity], other_text: str) -> bool:
    """Whether `q` is one measure said twice, in two units beside each other ("350 °F (180 °C)"),
    and the other of the two has its match on the other side: a translation keeps one unit, its
    readers' ("180 °C (th. 6)"), and the dropped one is no changed figure (a probe's recipe: "number
    350 vs 6" against the French thermostat setting). Not where the other side has a figure of
    `q`'s unit left over: it kept both units, and one changed ("60 ft . = 18,29 m" against "60
    pieds ( 19,29 m )", a Text+Berg dev gold bead, went unseen)."""
    unit = q.unit or _unit_after(text, q.span[1])
    dimension = _DIMENSION.get(unit)
    if not dimension or not q.strong:
        return False
    if any(o.strong and _same_measure(unit, o.unit or _unit_after(other_text, o.span[1])) for o in other_left):
        return False
    for other in own:
        if other is q or any(other is o for o in left) or not other.strong:
            continue
        other_unit = other.unit or _unit_after(text, other.span[1])
        if other_unit == unit or _DIMENSION.get(other_unit) != dimension:
            continue
        first, second = (q, other) if q.span[0] < other.span[0] else (other, q)
        between = text[_after_number(text, first.span[1]):second.span[0]]
        unit_word = _TEMPERATURE_RE.match(between) or _WORD_RE.match(between)
        if unit_word and _RESTATED_BETWEEN.fullmatch(between[unit_word.end():]):
            return True
    return False


def _with_unit(text: str, q: _Quantity) -> str:
    """The figure with the unit after it, as written: "5 kg", "20 °C", "30 semaines"."""
    start = _after_number(text, q.span[1])
    if text[q.span[1] - 1].isalpha() and (of := _OF_AFTER_SCALE.match(text, start)):
        start = of.end()  # "3 millions de tonnes"
    unit = _TEMPERATURE_RE.match(text, start) or _WORD_RE.match(text, start)
    return text[q.span[0]:unit.end()] if unit else q.text


def _quoted_amount(text: str, q: _Quantity) -> str:
    """The amount with its currency, as written: "€1,500", "1500 Dollar"."""
    return text[_currency_before(text, q)[1]:_currency_after(text, q)[1]]


def _extra_copies(own: list[_Quantity], other: list[_Quantity]) -> list[_Quantity]:
    """The copies of a figure that `own` writes more often than `other` does, the last ones first:
    "12 gates, and 12 of them" against "12 portes, et 15 d'entre elles" leaves a 12 for the 15,
    where the one 12 of the translation had stood for both. (A figure `other` lacks altogether is a
    leftover already.)"""
    out: list[_Quantity] = []
    seen: list[_Quantity] = []
    for q in own:
        if not q.strong or any(_same(q, p) for p in seen):
            continue
        seen.append(q)
        # Of one class: the day of "1 Sept." is no copy of the "1" of "1%".
        copies = [p for p in own if p.strong and p.cls == q.cls and _same(q, p)]
        kept = sum(1 for o in other if o.strong and o.cls == q.cls and _same(q, o))
        if kept and len(copies) > kept:
            out.extend(copies[kept:])
    return out


_LABEL = lazy_re.compile(r"\s*\(?\d{1,2}[.)]\s+(?=[^\W\d_])")


def _without_label(quantities: list[_Quantity], text: str) -> list[_Quantity]:
    """The quantities less a step's or a list item's number at the start ("5. Restart the
    server"): one step added to a manual renumbered every step after it, each a "number 5 vs 6"."""
    label = _LABEL.match(text)
    if label is None:
        return quantities
    return [q for q in quantities if not (q.cls == "num" and q.span[1] <= label.end())]


def _matched_only_by_words(own: list[_Quantity], other: list[_Quantity], other_left: list[_Quantity],
                           other_text: str) -> list[_Quantity]:
    """Figures of `own` that only a number in words matches on the other side, when that side has
    a figure of its own of their class left unmatched."""
    if not any(q.strong for q in other_left):
        return []
    out = []
    for q in own:
        if not q.strong or any(_loosely_same(q, o) for o in other if o.strong):
            continue
        words = [o for o in other if not o.strong and _loosely_same(q, o)]
        # The leftover figure stands beside those words ("45.800 (achtundvierzigtausendfünfhundert
        # Euro)"): "deux œufs ... 1 pincée de sel" is an egg count and an added pinch, not a change.
        if any(o.strong and o.cls == q.cls and _beside(o, w, other_text) for o in other_left for w in words):
            out.append(q)
    return out


# Between an amount and its words: "48 500 EUR (quarante-huit mille...", "EUR 48,500 (forty-eight...".
_BEFORE_WORDS_RE = lazy_re.compile(r"[\s\u00a0]*(?:(?:[€$£]|[^\W\d_]+)[\s\u00a0]*)?[(\[][\s\u00a0]*")


def _restated_in_other_words(own_left: list[_Quantity], own: list[_Quantity], other: list[_Quantity],
                             own_text: str) -> list[_Quantity]:
    """Figures of `other` whose copy on this side is restated in words that say something else:
    "EUR 48,500 (forty-eight thousand five hundred euros)" against "48 500 EUR (quarante-cinq mille
    cinq cents euros)", a contract's changed words beside its unchanged figure, had said nothing."""
    out = []
    for words in own_left:
        for figure in own:
            if (words.strong or words.cls != "num" or not figure.strong or figure.cls != "num" or _same(figure, words)
                    or not _beside(figure, words, own_text)):
                continue
            out += [o for o in other if o.strong and _same(o, figure) and o not in out][:1]
    return out


def _beside(a: _Quantity, b: _Quantity, text: str) -> bool:
    """Two quantities of `text` side by side, or a figure and its words after it in brackets."""
    return (min(abs(a.span[0] - b.span[1]), abs(b.span[0] - a.span[1])) <= MAX_GAP_TO_WORDS
            or _BEFORE_WORDS_RE.fullmatch(text, a.span[1], b.span[0]) is not None)


MAX_GAP_TO_WORDS = 3  # "48.500 (achtundvierzig...": a space and a parenthesis


def _same_figure_other_scale(a: _Quantity, b: _Quantity) -> bool:
    """"3 million" against "3 milliards": one figure on two scales, the classic slip between
    billion, milliard and Billion, however far apart the values are."""
    scale_a, scale_b = _mult_re().search(a.text), _mult_re().search(b.text)
    if not (scale_a and scale_b):
        return False
    return _digits(a.text[: scale_a.start()]) == _digits(b.text[: scale_b.start()])


# Words that say a figure is a fall, where the other side writes a minus sign: "fell 1.2%" against
# "en baisse (-1,2 %)", "30% off" against "-30 %", "une perte de 4,2 millions" against "-4.2 million".
_DECREASE_WORDS = frozenset("""fell fall falls falling down drop drops dropped decline declined declines decrease
    decreased lower lost loss losses off cut deficit shrank baisse baissé recul reculé chute chuté perte pertes
    diminution réduction remise rabais rückgang gesunken sank fiel verlust verluste rabatt nachlass caída cayó bajó
    baja bajada descenso pérdida pérdidas descuento calo calato ribasso perdita perdite sconto queda caiu perda
    desconto""".split())
# ... but not a level reached: "fell to -0.5%" against "bajó al 0,5 %" is a changed figure.
_LEVEL_BEFORE = frozenset("to à au aux al a auf su ao à".split())


def _sign_said_in_words(a: _Quantity, b: _Quantity, src: str, tgt: str) -> bool:
    """Two figures that differ only in a minus sign, the unsigned one beside a word of falling that
    says it, as a change rather than as a level reached."""
    signs = [any(v < 0 for kind, v, *_ in q.values if kind == "n") for q in (a, b)]
    if signs[0] == signs[1] or not any(("n", -v) in b.values for kind, v, *_ in a.values if kind == "n" and v):
        return False
    unsigned, text = (b, tgt) if signs[0] else (a, src)
    before = [w.lower() for w in _WORD_RE.findall(text[max(0, unsigned.span[0] - 40):unsigned.span[0]])][-3:]
    after = [w.lower() for w in _WORD_RE.findall(text[unsigned.span[1]:unsigned.span[1] + 30])][:3]
    if before and before[-1] in _LEVEL_BEFORE:
        return False
    return bool(_DECREASE_WORDS & set(before + after))


def _large_in_words(q: _Quantity) -> bool:
    """A number in several words of a thousand or more ("six mille", "deux cent mille"): as exact as a
    figure, unlike the loose "trois" or "mille" of a story."""
    return not q.strong and len(re.findall(r"[^\W\d_]+", q.text)) > 1 and any(
        x[0] == "n" and x[1] >= 1000 for x in q.values)


def _same_digits(a: _Quantity, b: _Quantity) -> bool:
    """Two figures of the same digits but for zeros at either end, however far apart in value:
    "€1,500" / "1,5 €", "1.5 kg" / "1.500 kg", "$150,000" / "1 500 $", "$5,000" / "5 millions $"
    (a separator read the other way, zeros or a scale dropped)."""
    digits_a, digits_b = (_digits(q.text).strip("0") for q in (a, b))
    return a.strong and b.strong and digits_a != "" and digits_a == digits_b


def _year_beside_count(a: _Quantity, b: _Quantity) -> bool:
    """Whether one of two figures reads as a year and the other as a count. A count between 1000
    and 2099 written with a group separator ("1,500") is one that Russian, Chinese, French or
    Spanish write bare ("1800 salariés", "На нём работали 1800 человек"): against it a bare figure
    is the same kind of number, and "1,500" / "1800" was never compared."""
    year_a, year_b = _looks_like_year(a), _looks_like_year(b)
    if year_a == year_b:
        return False
    year, other = (a, b) if year_a else (b, a)
    return year.year or not _grouped_in_year_range(other)


def _grouped_in_year_range(q: _Quantity) -> bool:
    return (q.strong and any(ch in _SPACE_SEP + "'’.,\u066c" for ch in q.text.strip())
            and any(x[0] == "n" and 1000 <= x[1] < 2100 and x[1] == int(x[1]) for x in q.values))


def _looks_like_year(q: _Quantity) -> bool:
    # A year next to a count is nearly always two different facts, not one changed fact. In any
    # script's digits: "1602" against Arabic-Indic "١٦٢٠" or Devanagari "१६२०" is one changed year.
    if q.year:
        return True
    digits = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in q.text)
    if q.strong and re.fullmatch(r"2[45][0-9]{2}", digits):  # a Thai year of the Buddhist era
        return ("n", float(digits) - 543) in q.values
    return q.strong and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", digits) is not None
