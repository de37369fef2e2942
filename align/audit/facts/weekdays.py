"""Weekdays and months that a pair's two sides disagree on."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lazy_re
from .mismatch import FactMismatch
from .quantities import _MONTH_NUMBER, _MONTH_RE, _WORD_RE


# A weekday, or a month with its year but no day ("in September 2025"), changed in a reprint
# ("Tuesday" -> "jeudi", "September 2025" -> "novembre 2025") was no figure and no name, so
# nothing compared it. Each is compared only where both sides name exactly one.
# Monday first; a day's forms (cases, spellings) separated by "|". Hebrew and Vietnamese name the
# days by number ("יום שני", the second day; "thứ hai"): read only as the whole phrase.
WEEKDAYS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "montag dienstag mittwoch donnerstag freitag samstag|sonnabend sonntag",
    "es": "lunes martes miércoles|miercoles jueves viernes sábado|sabado domingo",
    "it": "lunedì|lunedi martedì|martedi mercoledì|mercoledi giovedì|giovedi venerdì|venerdi sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "sv": "måndag|måndagen tisdag|tisdagen onsdag|onsdagen torsdag|torsdagen fredag|fredagen lördag|lördagen "
          "söndag|söndagen",
    "da": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "pl": "poniedziałek|poniedziałku wtorek|wtorku środa|środę|środy czwartek|czwartku piątek|piątku "
          "sobota|sobotę|soboty niedziela|niedzielę|niedzieli",
    "cs": "pondělí úterý středa|středu čtvrtek pátek sobota|sobotu neděle|neděli",
    "ru": "понедельник|понедельника вторник|вторника среда|среду|среды четверг|четверга пятница|пятницу|пятницы "
          "суббота|субботу|субботы воскресенье|воскресенья",
    "uk": "понеділок|понеділка вівторок|вівторка середа|середу|середи четвер|четверга п'ятниця|п'ятницю|п’ятниця|"
          "п’ятницю субота|суботу|суботи неділя|неділю|неділі",
    "el": "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
    "tr": "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "ar": "الاثنين|الإثنين الثلاثاء الأربعاء|الاربعاء الخميس الجمعة السبت الأحد|الاحد",
    "he": "יום_שני|ביום_שני יום_שלישי|ביום_שלישי יום_רביעי|ביום_רביעי יום_חמישי|ביום_חמישי יום_שישי|ביום_שישי "
          "שבת|בשבת יום_ראשון|ביום_ראשון",
    "fa": "دوشنبه سه‌شنبه|سه_شنبه چهارشنبه پنجشنبه|پنج‌شنبه جمعه شنبه یکشنبه|یک‌شنبه",
    "hi": "सोमवार मंगलवार बुधवार गुरुवार|बृहस्पतिवार शुक्रवार शनिवार रविवार",
    "id": "senin selasa rabu kamis jumat|jum'at sabtu minggu",
    "vi": "thứ_hai|thứ_2 thứ_ba|thứ_3 thứ_tư|thứ_4 thứ_năm|thứ_5 thứ_sáu|thứ_6 thứ_bảy|thứ_7 chủ_nhật",
}
_WEEKDAY_NUMBER = {form.replace("_", " "): k for names in WEEKDAYS.values()
                   for k, day in enumerate(names.split()) for form in day.split("|")}
# Greek and Vietnamese days are ordinals too ("τρίτη φορά", the third time; "lần thứ hai", the
# second time): a day only with its capital ("Τρίτη", "thứ Năm").
_WEEKDAY_CAPITALISED = frozenset(form.replace("_", " ") for lang in ("el", "vi") for day in WEEKDAYS[lang].split()
                                 for form in day.split("|"))


@lru_cache(maxsize=None)
def _weekday_re() -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _WEEKDAY_NUMBER), key=len, reverse=True))
                      + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _month_year_re() -> re.Pattern:
    return re.compile(r"(?<![\w.])(" + _MONTH_RE + r")\s+((?:1[5-9]|20)\d{2})(?!\d)", re.IGNORECASE)


_DAY_BEFORE = lazy_re.compile(r"\d{1,2}(?:er|\.|st|nd|rd|th)?\s*(?:de\s+)?$")


_WEEKDAY_WORDS = frozenset(_WORD_RE.findall(name)[0] for name in _WEEKDAY_NUMBER)
_YEAR_RE = lazy_re.compile(r"(?:1[5-9]|20)\d\d")


# Chinese, Japanese and Korean weekdays, Monday first: "星期四", "周四" (not "一周一次", once a week),
# "木曜日", "（木）" after a date, "목요일".
@lru_cache(maxsize=None)
def _cjk_weekday_re() -> re.Pattern:
    return re.compile(r"星期([一二三四五六日天])|(?<![一每这這上下本两兩几幾])[周週]([一二三四五六日])|"
                      r"([月火水木金土日])曜日?|[（(]([月火水木金土日])[）)]|([월화수목금토일])요일")


_CJK_WEEKDAY_NUMBER = {**{ch: k for k, ch in enumerate("一二三四五六日")}, "天": 6,
                       **{ch: k for k, ch in enumerate("月火水木金土日")}, **{ch: k for k, ch in enumerate("월화수목금토일")}}


def _calendar_words(text: str) -> dict[str, list[tuple[str, int, tuple[int, int]]]]:
    found: dict[str, list[tuple[str, int, tuple[int, int]]]] = {"weekday": [], "month": []}
    if "曜" in text or "星期" in text or "周" in text or "週" in text or "요일" in text or "（" in text or "(" in text:
        for m in _cjk_weekday_re().finditer(text):
            day = next(group for group in m.groups() if group)
            # "（月）" is Monday only right after a date's day ("12月5日（月）")
            if m.group(4) and not text[max(0, m.start() - 1):m.start()] == "日":
                continue
            found["weekday"].append((m.group(0), _CJK_WEEKDAY_NUMBER[day], m.span()))
    # The patterns' long case-blind alternations cost more than every other fact check together:
    # they run only where a weekday's word or a year is there to be found.
    if not _WEEKDAY_WORDS.isdisjoint(_WORD_RE.findall(text.lower())):
        for m in _weekday_re().finditer(text):
            name = m.group(1)
            if name.lower() in _WEEKDAY_CAPITALISED and not name.split()[-1][:1].isupper():
                continue
            found["weekday"].append((name, _WEEKDAY_NUMBER[name.lower()], m.span(1)))
    if not _YEAR_RE.search(text):
        return found
    for m in _month_year_re().finditer(text):
        if _DAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue  # a whole date ("14 September 2025"), compared with the figures
        month = _MONTH_NUMBER.get(m.group(1).lower().rstrip("."))
        if month is not None:
            found["month"].append((m.group(1), month, m.span(1)))
    return found


def _calendar_mismatches(src: str, tgt: str) -> list[FactMismatch]:
    src_found = _calendar_words(src)
    if not (src_found["weekday"] or src_found["month"]):
        return []  # nothing to compare: the other side is not read
    tgt_found = _calendar_words(tgt)
    out = []
    for kind in ("weekday", "month"):
        # One left over on each side once the shared ones are set aside: "from June 2020 to May
        # 2021" / "de juillet 2020 à mai 2021" changed one month of two.
        src_values, tgt_values = {x[1] for x in src_found[kind]}, {y[1] for y in tgt_found[kind]}
        a = [x for x in src_found[kind] if x[1] not in tgt_values]
        b = [y for y in tgt_found[kind] if y[1] not in src_values]
        if len({x[1] for x in a}) == 1 and len({y[1] for y in b}) == 1:
            out.append(FactMismatch("date", a[0][0], b[0][0], a[0][2], b[0][2],
                                    f"{kind} {a[0][0]} (source) vs {b[0][0]} (target)"))
    return out
