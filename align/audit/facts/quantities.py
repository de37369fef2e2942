"""Numbers, dates, times and amounts read from a sentence as its language writes them."""
from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ... import lazy_re
from ..places import PREFIX_LETTERS


@dataclass(frozen=True)
class _Quantity:
    text: str
    span: tuple[int, int]
    values: frozenset  # every reading of the text: ("n", float) / ("d", day, month) / ("t", h, m) / ("v", "3.10")
    cls: str  # "num", "date" or "time": only quantities of one class are compared
    strong: bool  # written with digits; words alone ("two") are too loose to accuse a translator
    measured: bool = False  # spelled out before a unit ("five inches"): comparable with another such
    unit: str = ""  # that unit's kind, where we know it ("inch" for "inches", "pouces", "英寸")
    year: bool = False  # a year whatever its digits: a date's "25" in "03/12/25", "FY23"
    # A rank ("troisième", "3e", "3rd", "3.", "3º", "3η", "第三"), not a count; None where it may be
    # either ("Louis XIV", "Chapter IV", "third quarter" against "Q3").
    ordinal: bool | None = False


MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"],
    # Only read with a day beside them ("21 marzo", "21 марта"), so a word that is also a month
    # ("mayo", "Mart") stays a word elsewhere. Russian, Ukrainian, Polish and Czech write the
    # genitive after a day.
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "uk": ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
           "жовтня", "листопада", "грудня"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "cs": ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
           "října", "listopadu", "prosince"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
           "ekim", "kasım", "aralık"],
    "el": ["ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου",
           "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"],
    # Arabic writes the months two ways: Egypt and the Gulf after the Latin names, the Levant and
    # Iraq by their Syriac ones. Hebrew glues "in" to the month ("17 באוקטובר": see _date_dm_re).
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
           "نوفمبر", "ديسمبر"],
    "ar-levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                  "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "he": ["ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר",
           "נובמבר", "דצמבר"],
    "th": ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
           "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
    "hi": ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर",
           "दिसंबर"],
    "fa": ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر",
           "دسامبر"],
    # Unknown here, a changed month went unseen in these: "12 March" against "12 Aprili" was a date
    # against a bare day. Swahili, Indonesian, Malay, Serbian (both scripts, and the genitive it
    # writes after a day, "12. marta"), Bengali, Urdu, Tamil, Amharic (Ethiopia's own calendar is
    # `_OTHER_CALENDARS`).
    "sw": ["januari", "februari", "machi", "aprili", "mei", "juni", "julai", "agosti", "septemba", "oktoba",
           "novemba", "desemba"],
    "id": ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
           "november", "desember"],
    "ms": ["januari", "februari", "mac", "april", "mei", "jun", "julai", "ogos", "september", "oktober",
           "november", "disember"],
    "sr-latn": ["januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar", "oktobar",
                "novembar", "decembar"],
    "sr-latn-gen": ["januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta", "septembra",
                    "oktobra", "novembra", "decembra"],
    "sr": ["јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар",
           "децембар"],
    "sr-gen": ["јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра",
               "новембра", "децембра"],
    "bn": ["জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
           "নভেম্বর", "ডিসেম্বর"],
    "ur": ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"],
    "ta": ["ஜனவரி", "பிப்ரவரி", "மார்ச்", "ஏப்ரல்", "மே", "ஜூன்", "ஜூலை", "ஆகஸ்ட்", "செப்டம்பர்", "அக்டோபர்",
           "நவம்பர்", "டிசம்பர்"],
    "am": ["ጃንዩወሪ", "ፌብሩወሪ", "ማርች", "ኤፕሪል", "ሜይ", "ጁን", "ጁላይ", "ኦገስት", "ሴፕቴምበር", "ኦክቶበር", "ኖቬምበር",
           "ዲሴምበር"],
    # Georgian declines its months, and drops a stem's last "e" before an ending ("სექტემბერი",
    # "სექტემბრის"): the nominative, genitive, dative ("12 მარტს", on 12 March), and "from" and "until".
    "ka": ["იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო", "სექტემბერი",
           "ოქტომბერი", "ნოემბერი", "დეკემბერი"],
    "ka-gen": ["იანვრის", "თებერვლის", "მარტის", "აპრილის", "მაისის", "ივნისის", "ივლისის", "აგვისტოს",
               "სექტემბრის", "ოქტომბრის", "ნოემბრის", "დეკემბრის"],
    "ka-dat": ["იანვარს", "თებერვალს", "მარტს", "აპრილს", "მაისს", "ივნისს", "ივლისს", "აგვისტოს", "სექტემბერს",
               "ოქტომბერს", "ნოემბერს", "დეკემბერს"],
    "ka-from": ["იანვრიდან", "თებერვლიდან", "მარტიდან", "აპრილიდან", "მაისიდან", "ივნისიდან", "ივლისიდან",
                "აგვისტოდან", "სექტემბრიდან", "ოქტომბრიდან", "ნოემბრიდან", "დეკემბრიდან"],
    "ka-until": ["იანვრამდე", "თებერვლამდე", "მარტამდე", "აპრილამდე", "მაისამდე", "ივნისამდე", "ივლისამდე",
                 "აგვისტომდე", "სექტემბრამდე", "ოქტომბრამდე", "ნოემბრამდე", "დეკემბრამდე"],
    # Armenian writes the genitive before the day: "ապրիլի 12-ին" (on 12 April).
    "hy": ["հունվար", "փետրվար", "մարտ", "ապրիլ", "մայիս", "հունիս", "հուլիս", "օգոստոս", "սեպտեմբեր", "հոկտեմբեր",
           "նոյեմբեր", "դեկտեմբեր"],
    "hy-gen": ["հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի",
               "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"],
    # Burmese glues "month" (လ) to the name ("မတ်လ ၁၂ ရက်"), Khmer puts it before ("ថ្ងៃទី១២ ខែមីនា").
    "my": ["ဇန်နဝါရီ", "ဖေဖော်ဝါရီ", "မတ်", "ဧပြီ", "မေ", "ဇွန်", "ဇူလိုင်", "ဩဂုတ်", "စက်တင်ဘာ", "အောက်တိုဘာ",
           "နိုဝင်ဘာ", "ဒီဇင်ဘာ"],
    "my-la": ["ဇန်နဝါရီလ", "ဖေဖော်ဝါရီလ", "မတ်လ", "ဧပြီလ", "မေလ", "ဇွန်လ", "ဇူလိုင်လ", "ဩဂုတ်လ", "စက်တင်ဘာလ",
              "အောက်တိုဘာလ", "နိုဝင်ဘာလ", "ဒီဇင်ဘာလ"],
    "km": ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"],
    "km-khae": ["ខែមករា", "ខែកុម្ភៈ", "ខែមីនា", "ខែមេសា", "ខែឧសភា", "ខែមិថុនា", "ខែកក្កដា", "ខែសីហា", "ខែកញ្ញា",
                "ខែតុលា", "ខែវិច្ឆិកា", "ខែធ្នូ"],
}
_MONTH_NUMBER: dict[str, int] = {}
for _names in MONTHS.values():
    for _i, _m in enumerate(_names, 1):
        _MONTH_NUMBER[_m] = _i
        _MONTH_NUMBER.setdefault(unicodedata.normalize("NFC", _m), _i)  # Bengali "য়", one letter or two
        _MONTH_NUMBER.setdefault(_m.replace("\u09af\u09bc", "\u09df"), _i)
        _folded = unicodedata.normalize("NFKD", _m).encode("ascii", "ignore").decode()
        if _folded and _folded.isascii() and len(_folded) == len(_m):  # "fevrier" for "février", not Greek's ""
            _MONTH_NUMBER[_folded] = _i
for _abbr, _i in {"jan": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "apr": 4, "avr": 4, "jun": 6,
                  "jul": 7, "juil": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
                  "déc": 12, "dez": 12, "jänner": 1,
                  # French, German and Spanish abbreviations: "1 Sept. 2024" against "1. Okt. 2024" was
                  # a date against figures, and the changed month went unseen.
                  "janv": 1, "févr": 2, "fevr": 2, "mrz": 3, "mär": 3, "okt": 10, "ene": 1, "abr": 4, "dic": 12,
                  # Arabic spellings without the hamza or with another ending
                  "ابريل": 4, "إبريل": 4, "يونية": 6, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10,
                  # Hindi spellings with or without the nukta and the half nasal
                  "फरवरी": 2, "सितम्बर": 9, "अक्तूबर": 10, "नवम्बर": 11, "दिसम्बर": 12,
                  # Indonesian and Malay abbreviations ("Des" is left out: French "12 des" is "12 of the"),
                  # Bosnian's "august", Serbian's "juni"/"juli", Armenian abbreviations
                  "agt": 8, "agu": 8, "ags": 8, "augusta": 8, "juni": 6, "juli": 7,
                  "հունվ": 1, "փետր": 2, "սեպտ": 9, "հոկտ": 10, "նոյ": 11, "դեկտ": 12,
                  # Bengali, Tamil, Urdu, Amharic and Burmese spellings of the same names
                  "জানুয়ারী": 1, "ফেব্রুয়ারী": 2, "অগাস্ট": 8, "আগষ্ট": 8, "পেব্রুয়ারি": 2,
                  "பெப்ரவரி": 2, "சனவரி": 1, "ஆகஸ்டு": 8, "செப்டெம்பர்": 9, "ஒக்டோபர்": 10, "டிசெம்பர்": 12,
                  "جنورى": 1, "مارچ": 3, "مئ": 5, "ستمبر": 9,
                  "ጃንዋሪ": 1, "ፌብሩዋሪ": 2, "ኦገስት": 8, "ሴፕተምበር": 9,
                  "သြဂုတ်": 8, "သြဂုတ်လ": 8}.items():
    _MONTH_NUMBER.setdefault(_abbr, _i)
_FULL_MONTH_NAMES = frozenset(m for names in MONTHS.values() for m in names)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTH_NUMBER), key=len, reverse=True))

# Multipliers that follow a figure ("1,5 million", "100 mille", "3 Mio."), in the languages of
# news text: read as plain figures, "900 milhões" against "900 million" was 900 against 900
# million (no finding when 900 became 700), and "6,2 miliardi" a mismatch with "6.2 billion".
# French "billion" is 10^12 and English 10^9: both readings are kept so neither side is accused over
# it. Portuguese spells its two apart: Brazilian "bilhão" is 10^9, European "bilião" 10^12 (read as
# either, Spanish "2 billones" against "2 bilhões", a thousand times more, went unseen). Several
# follow each other in "3 mil millones" (3 x 10^3 x 10^6). Turkish "bin" (thousand) is left out ("3 bin bags"), and "mn" (French
# minutes).
_MULTIPLIER_WORDS = {
    1e3: """mille thousand thousands tausend tsd mil mila duizend tusen tusind tuhat mii ezer tys tysiąc tysiące
            tysięcy tis tisíc тыс тысяча тысячи тысяч тис тисяча тисячі тисяч χιλιάδες nghìn ngàn ribu ألف آلاف
            אלף हज़ार हजार هزار""",
    1e5: "लाख lakh lakhs لاکھ لاکھوں",
    1e6: """million millions millionen mio mill mln millón millones milhão milhões milione milioni miljoen
            miljoenen miljon miljoner millioner miljoona miljoonaa milj milion miliony milionów milionu milionů
            milioane millió milyon млн миллион миллиона миллионов мільйон мільйона мільйонів εκατομμύριο
            εκατομμύρια εκατ εκ triệu juta مليون ملايين מיליון میلیون""",
    # Urdu writes Hindi's crore and lakh in its own script: "900 کروڑ" was read as 900, and against
    # "900 करोड़" (9e9) nothing was compared, so 900 -> 700 went unseen.
    1e7: "करोड़ crore crores کروڑ",
    1e9: """milliard milliards milliarde milliarden mrd mld mia mdr miliardo miliardi miljard miljarden
            miljarder milliarder miljardi miljardia miliard miliardy miliardów miliarda miliarde milliárd
            milyar млрд миллиард миллиарда миллиардов мільярд мільярда мільярдів δισεκατομμύριο
            δισεκατομμύρια δισ tỷ tỉ miliar مليار مليارات מיליארד अरब ارب bn میلیارد""",
    1e12: """trillion trillions tn trilhão trilhões biljoen biljoenen bilion biliony bilionów триллион триллиона
            триллионов трлн трильйон τρισεκατομμύριο τρισεκατομμύρια triliun""",
}
_MULTIPLIERS = {word: [value] for value, words in _MULTIPLIER_WORDS.items() for word in words.split()}
_MULTIPLIERS.update({"billion": [1e9, 1e12], "billions": [1e9, 1e12], "billionen": [1e12],
                     "bilhão": [1e9], "bilhões": [1e9], "bilião": [1e12], "biliões": [1e12], "billón": [1e12],
                     "billones": [1e12]})
# English "billion" is 10^9 (British usage changed in 1974), French "billion" and German "Billion"
# 10^12: with both readings on both sides, "$1 billion" against "1 Billion US-Dollar" and "€2bn"
# against "2 billions d'euros" passed as the same amount.
_SCALE_BY_LANG = {"en": {"billion": [1e9], "billions": [1e9]},
                  "fr": {"billion": [1e12], "billions": [1e12]},
                  "de": {"billion": [1e12], "billionen": [1e12]}}


def _scale(word: str, lang: str) -> list[float]:
    """The values the multiplier `word` may have in `lang`."""
    return _SCALE_BY_LANG.get(lang, {}).get(word) or _MULTIPLIERS[word]


# Chinese, Japanese and Korean write theirs against the figure: "21万戸", "14만 명", "7亿".
# ("1조 2천억 원" is 1.2 trillion won; "제3조" is an article's number, not three trillion.)
_GLUED_MULTIPLIERS = {"千": 1e3, "천": 1e3, "万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8,
                      "兆": 1e12, "조": 1e12}
_CJK_REST = lazy_re.compile(r"\s?(\d{1,4})(千|천)?(万|萬|만|亿|億|억)?(?!\d)")
# "£30m", "$2.5bn", "$40k": English news glues million and thousand to an amount after its currency.
_CURRENCY_SCALE = lazy_re.compile(r"([mk])(?![^\W\d_])")

# The spaces a figure's groups are written with: a no-break, narrow no-break, thin, figure or hair
# space ("10\u2007000 €" from a typesetter was read as 10 and 000).
_THIN_SPACES = "\u00a0\u202f\u2009\u2007\u200a"
_SPACE_SEP = " " + _THIN_SPACES
# Chinese and Japanese write figures against their characters ("收拾好了3K眼镜", "2019年"), and so
# does Korean, for all its spaces ("제28회", "2023년"): a figure glued to those is a number, one
# glued to a letter of another script is a name ("G20").
_UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# Arabic and Hebrew glue one-letter words to what follows ("و٢٠٢٦", and 2026; "ב2024", in 2024), and
# Arabic a tatweel ("بـ١٫٢", by 1.2): a figure after them is no name like "G20".
_PREFIX_LETTERS = "".join(PREFIX_LETTERS.values())
# India and Pakistan group a figure by lakh and crore: three digits, then two at a time
# ("2,50,000" is 250,000, "1,25,00,000" 12.5 million). Read as "2,50" and a stray "000", a faithful
# Hindi, Bengali or Tamil figure was a changed one.
_LAKHS = r"\d{1,2}([,\u066c])\d{2}(?:\3\d{2})*\3\d{3}(?!\d)"
_LAKH_GROUPS = lazy_re.compile(r"\d{1,2}(?:([,\u066c])\d{2})+\1\d{3}")


# The longest patterns (the figure's; the alternations of every language's month names, weekdays
# and multipliers, read case-blind) are compiled on first use, by small cached functions: 2-4 ms
# each, they were a third of the fact checks' import, which every `align pair` pays, and a text
# without figures or dates never runs them.
@lru_cache(maxsize=None)
def _num_re() -> re.Pattern:
    return re.compile(
        r"(?:(?<=[" + _UNSPACED_CHARS + r"])|(?<![^\W\d_])|(?<=\u0640)|(?<=(?<![^\W\d_])[" + _PREFIX_LETTERS + r"]))"
        r"(?<![\d,\u066b\u066c])(?:(?<!\.)|(?<=[^\W\d_]\.))"  # not glued to a word ("G20") nor inside a figure
        r"((?:\d{1,3}([" + _SPACE_SEP + r"'’.,\u066c])\d{3}(?:\2\d{3})*(?!\d)|" + _LAKHS + r"|\d+)(?:[.,\u066b]\d+)?)(?!\d)"
        r"(?:\s?(?:er|re|ère|e|ème|eme|è|st|nd|rd|th)\b)?"  # ordinal suffixes: 1er, 2e, 3rd
    )


@lru_cache(maxsize=None)
def _mult_re() -> re.Pattern:
    return re.compile(r"[\s\u00a0\u202f]*(" + "|".join(sorted(_MULTIPLIERS, key=len, reverse=True)) + r")(?!\w)\.?"
                      r"|(" + "|".join(_GLUED_MULTIPLIERS) + ")", re.IGNORECASE)


@lru_cache(maxsize=None)
def _date_dm_re() -> re.Pattern:
    return re.compile(
        r"(?<![\d.,])(\d{1,2})(?:er|\.|st|nd|rd|th)?[\s\u00a0]+(?:de[\s\u00a0]+|ב|of[\s\u00a0]+)?(" + _MONTH_RE
        + r")(?!\w)\.?", re.IGNORECASE
    )


# Amharic glues its prepositions to the month: "በኤፕሪል 12" (on 12 April), "ከማርች 3" (from 3 March).
# Tamil and Burmese glue a suffix to the day: "ஏப்ரல் 12ஆம் தேதி" (the 12th), "ဧပြီလ ၁၂ရက်" (day 12):
# read as no date, a changed month went unseen there.
# A match opens on a month's first letter: tested first, in one look at the character, it spares
# the 529 names tried one by one at every position of every text (read case-blind, each was a
# step of its own), 2 to 6 times faster. It was a third of the figures' cost.
@lru_cache(maxsize=None)
def _date_md_re() -> re.Pattern:
    first_letters = "".join(sorted({re.escape(month[0]) for month in _MONTH_NUMBER}))
    return re.compile(r"(?=[" + first_letters + r"])"
                      r"(?:\b|(?<=(?<![^\W\d_])[በከለ]))(" + _MONTH_RE + r")\.?[\s\u00a0]+(\d{1,2})"
                      r"(?:(?:st|nd|rd|th)?\b|(?=ஆம்|ம்|ရက်))(?![\d.,]\d)", re.IGNORECASE)


# "10月4日", "10월 4일": month and day by number (Chinese, Japanese, Korean). Read as figures, a
# changed month went unseen and the month stood as a number against anything left over.
_DATE_CJK_RE = lazy_re.compile(r"(?<!\d)(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日号號일]")
# Vietnamese "ngày 31 tháng 12" (day 31 of month 12).
_DATE_VI_RE = lazy_re.compile(r"(?<![\d.,])(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)", re.IGNORECASE)
# "05.12.2026", "5/12/2026", "2026-12-05": a date by numbers, read as its day and month and its year
# (a written date's year is a figure of its own). Read as figures, "05.12" was 5.12 and the year
# was lost, so "05.12.2026" against "December 6, 2026" or "2027" went unseen. A slash may stand
# between month and day too (the United States): both readings, where both can be. The year may
# have two digits: "03/12/25" against "12.03.25" was 3, 12 and 25 against 12.03 (a decimal) and 25.
# Arabic-Indic, Persian, the Indic scripts', Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian and
# full-width digits as Latin ones, one for one.
_LATIN_DIGITS = {start + k: str(k) for start in (0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
                                                  0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10)
                 for k in range(10)}
_DATE_NUMERIC_RE = lazy_re.compile(r"(?<![\d.,/:])(\d{1,2})([./])(\d{1,2})\2((?:1[5-9]|20)?\d{2})(?!\d|[.,/:]\d)")
_DATE_ISO_RE = lazy_re.compile(r"(?<![\d.,/:-])((?:1[5-9]|20)\d{2})-(\d{2})-(\d{2})(?![\d-])")
_TIME_RE = lazy_re.compile(  # "15:30", "15 h 30", "15 h. 30" (older French typesetting), "15.30 Uhr", "15 Uhr"
    r"(?<![\d.,])(\d{1,2})(?:\s?(?:h\.?|uhr|:)\s?|\.(?=\d{2}\s?uhr))(\d{2})?(?!\d)(?:\s?uhr)?", re.IGNORECASE
)
# "1 Std. 30 Min.", "2 hours 15 minutes", "1 h 30 min", "1 ч 30 мин", "1 ώρα και 30 λεπτά", "1時間30分",
# "1小时30分钟": a span of time in hours and minutes, one figure. Read as a 1 and a measure "30 min",
# against "1 h 30" or "90 minutes" the 30 minutes were "not in the target" or "30 vs 90".
_DURATION_RE = lazy_re.compile(
    r"(?<![\d.,:])(\d{1,3})[\s\u00a0]?(?:(?:h|hrs?|hours?|std|stunden?|heures?|horas?|ore|ora|uur|ч|час(?:а|ов)?"
    r"|ώρ(?:α|ες))(?![^\W\d_])\.?|小时|小時|時間|시간)"
    r"[\s\u00a0]*,?[\s\u00a0]*(?:(?:and|und|et|y|e|en|и|και)[\s\u00a0]+)?"
    r"(\d{1,2})[\s\u00a0]?(?:(?:min|mins|minutes?|minuten?|minutos?|minuti|мин|минут[аы]?|λεπτ[άό])(?![^\W\d_])\.?"
    r"|分钟|分鐘|分|분)", re.IGNORECASE)
# "1 m 80", "3 kg 500": a height or a weight written in its unit and the next smaller one, as French,
# Spanish and German write them. Read as 1 and 80, "Il mesure 1 m 80." against "He is 1.80 m tall."
# was a changed figure (1.80 against 1). Centimetres in two digits and grams in three, so that a
# count after a distance ("100 m 20 Mal") is none.
_COMPOUND_MEASURE_RE = lazy_re.compile(r"(?<![\d.,])(\d{1,2})\s?(m)\s?(\d{2})(?:\s?cm)?(?![\d.,]?\d)"
                                       r"|(?<![\d.,])(\d{1,3})\s?(kg)\s?(\d{3})(?:\s?g)?(?![\d.,]?\d)")
_SMALLER_UNIT = {"m": 100, "kg": 1000}
# "[00:01:05]": a transcript's or a log's time to the second. Read as "00:01" and a stray 05, a
# changed timestamp ("[00:10:05]") went unseen.
_CLOCK_SECONDS_RE = lazy_re.compile(r"(?<![\d:.,])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])")
# "3 pm", "3:30 p.m.": English clock times on twelve hours, which other languages write on
# twenty-four ("15 heures", "15.30 Uhr").
_AM_PM_RE = lazy_re.compile(r"(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
# "à 16 h", "avant 18 heures", "a las 17 horas", "alle 15": an hour on the clock without its minutes.
# Old French typesetting drops the accent of a capital: "A 16 heures" (Text+Berg).
# Read as a bare figure, "3 pm" against "16 h" or "17 horas" was a time against a number, and the
# changed hour went unseen (German "16 Uhr" was read). Only after a word that sets the hour: "3 h"
# alone is as often three hours.
_CLOCK_HOUR_RE = lazy_re.compile(
    r"(?<![^\W\d_])(?:(?:à|(?-i:A)|vers|dès|avant|après)\s+(\d{1,2})\s?(?:h|heures?)"
    r"|(?:las|alle|ore|às)\s+(\d{1,2})(?:\s?(?:h|horas?|hrs?))?)(?![^\W\d_])(?![\s\u00a0]?[.,:]?\d)"
    r"(?:\s+(?:et|y|e)\s+(demie|quart|media|cuarto|mezza|quarto)(?![^\W\d_]))?",  # "à 4 heures et demie": 4:30
    re.IGNORECASE)
# "8 o'clock": an hour on either half of the day, as English does not say which. Read as a bare 8
# followed by a unit "o" (a byte), "around 8 o'clock" against "vers 20 heures" was "number 8 vs 20
# heures", and against "près de 9 heures" no finding at all (a byte against an hour).
_O_CLOCK_RE = lazy_re.compile(r"(?<![\d.,:])(\d{1,2})[\s\u00a0]?o['’][\s\u00a0]?clock(?![^\W\d_])", re.IGNORECASE)
_CLOCK_FRACTION = {"demie": 30, "media": 30, "mezza": 30, "quart": 15, "cuarto": 15, "quarto": 15}
# "22時", "22点", "22시", "в 22 часа": an hour on twenty-four hours as Japanese, Chinese, Korean and
# Russian write it without a part of the day (that case is `_on_twelve_hours`). Read as a bare 22,
# "9 pm" against "列車は22時に出発する" was a time against a number and never compared. Not "3時間",
# "3시간" (hours of duration); Russian only after a preposition ("через 3 часа" is in three hours).
_CJK_CLOCK_RE = lazy_re.compile(r"(?<![\d.,:])(\d{1,2})\s?[時时点點시](?![間间간])(?:\s?(\d{1,2})\s?[分분]|\s?(半|반))?")
_RUSSIAN_CLOCK_RE = lazy_re.compile(r"(?<![^\W\d_])(?:в|к|после|около|до)\s+(\d{1,2})\s+час(?:а|ов)?(?![^\W\d_])",
                               re.IGNORECASE)
# "a las 5 de la tarde", "3 Uhr nachmittags", "٣:٣٠ مساءً", "오후 3시", "下午3点", "午後3時": the part of
# the day that sets a twelve-hour clock, as "pm" does in English. Read as the bare hour, "a las 5 de la
# tarde" against "alle 17:00" was "time 5 vs 17:00" on every faithful translation. Morning markers
# make the hour a time too ("9 de la mañana" against "alle 21" is a changed time). Evening and
# afternoon words move every hour to the afternoon; night words only from six ("3 часа ночи" is 3
# am, "9 de la noche" 21:00, "밤 12시" midnight).
_DAY_PARTS = {
    "pm": r"""de la tarde|del mediodía|da tarde|del pomeriggio|di pomeriggio|della sera|di sera|de l['’]après-midi
             |du soir|nachmittags|abends|am nachmittag|am abend|[’']s middags|[’']s avonds|po południu|wieczorem
             |(?:مساء|ظهر|عصر)(?:اً|ًا|ا|ً)?|дня|вечера|вечора|μ\.\s?μ\.|in the afternoon|in the evening""",
    "night": "de la noche|da noite|di notte|della notte|nachts|in der nacht|[’']s nachts|w nocy|ليل(?:اً|ًا|ا|ً)|ночи|ночі",
    "am": r"""de la mañana|de la madrugada|da manhã|da madrugada|del mattino|di mattina|della mattina|du matin
             |morgens|vormittags|am morgen|am vormittag|[’']s ochtends|[’']s morgens|rano|(?:صباح|فجر)(?:اً|ًا|ا|ً)?
             |утра|ранку|π\.\s?μ\.|in the morning""",
}
_HOUR_WORD = r"(?:horas?|heures?|h|uhr|uur|час(?:а|ов)?|годин[аиі]?|godz\.?|godzin[aya]?)"


@lru_cache(maxsize=None)
def _day_part_after_re() -> re.Pattern:
    return re.compile(
        r"(?:[\s\u00a0]*(" + _HOUR_WORD + r")(?![^\W\d_]))?[\s\u00a0]*,?[\s\u00a0]*(?:"
        + "|".join(f"(?P<{part}>" + "|".join(w.strip() for w in words.split("|")) + ")" for part, words in _DAY_PARTS.items())
        + r")(?![^\W\d_])", re.IGNORECASE)


# Chinese, Japanese and Korean put the part of the day before the hour ("下午3点30分", "오후 3시 반").
_DAY_PART_BEFORE_RE = lazy_re.compile(r"(?:(?P<pm>下午|午後|夕方|傍晚|中午|오후|저녁)|(?P<night>晚上?|夜|밤)"
                                 r"|(?P<am>上午|午前|早上?|凌晨|朝|오전|아침|새벽))\s?$")
_CJK_HOUR_RE = lazy_re.compile(r"\s?[時时点點시](?:\s?(\d{1,2})\s?[分분]|\s?(半|반))?")
# "дня" is also "of the day" and "ночи" "nights" ("3 дня", three days): only after the word for hour,
# or after the preposition that sets a time of day ("в 8 вечера", "к 7 утра", Ukrainian "о 8 вечора"):
# without it "в 8 вечера" was a bare 8, "number 20 heures vs 8" on a faithful translation.
_NEEDS_HOUR_WORD = lazy_re.compile(r"[\u0400-\u04ff]")
_CLOCK_PREPOSITION_BEFORE = lazy_re.compile(r"(?<![^\W\d_])(?:в|к|около|после|о|об)[\s\u00a0]+$", re.IGNORECASE)
# A quarter, a half or a financial year: "Q3 2024" / "T4 2024" (trimestre), "H1" / "S1" (semestre),
# "FY2023" / "ejercicio 2024", "FY23", "FY2023/24". Read as codes of different letters, "Q3" against
# "T4" was never compared, and "FY2023" was no year.
_PERIOD_CODE_RE = lazy_re.compile(r"(?<![\w.-])(?:[QT]([1-4])|[HS]([12])|FY\s?((?:19|20)?\d{2})(?:[/-]((?:19|20)?\d{2}))?)"
                             r"(?![\w-])")
# "third quarter", "cuarto trimestre", "drittes Quartal": an ordinal before a quarter or a half-year
# (only there: "cuarto" is also a room, "second" a unit of time).
_PERIOD_ORDINALS = {
    **dict.fromkeys("first premier première primer primero primo erste erstes ersten".split(), 1),
    **dict.fromkeys("second deuxième seconde segundo secondo zweite zweites zweiten".split(), 2),
    **dict.fromkeys("third troisième tercer tercero terzo dritte drittes dritten".split(), 3),
    **dict.fromkeys("fourth quatrième cuarto quarto vierte viertes vierten".split(), 4),
}
_PERIOD_WORD = lazy_re.compile(r"quarter|trimestre|quartal|semestre|halbjahr|half|季度|四半期|분기", re.IGNORECASE)
_ORDINAL_PERIOD_RE = lazy_re.compile(r"\b(" + "|".join(_PERIOD_ORDINALS) + r")\s+(?:quarter|trimestre|quartal|semestre|"
                                r"halbjahr|half-year|half year)\b", re.IGNORECASE)
# "第1四半期", "第3季度", "3분기", "1/4분기", "一季度": a quarter in Japanese, Chinese and Korean. The "四"
# of "四半期" (a quarter) is no four: "第1四半期" against "1분기" was "number 四 vs 1".
_CJK_QUARTER_RE = lazy_re.compile(r"(?:第\s?)?(?<![\d.,〇零一二三四五六七八九十百千])(?:([1-4])|([一二三四]))\s?(?:四半期|季度|(?:/4|사)?\s?분기)")
# "3割", "3割5分": a share in tenths (and hundredths), as Japanese writes 30 % and 35 %.
_TENTHS_RE = lazy_re.compile(r"割(?:(\d)分)?")
# "2 fr. 70" is 2.70 francs, as French typesetting wrote prices (the German has "Fr. 2.70").
_PRICE_RE = lazy_re.compile(r"(?<![\d.,])(\d+)\s?(?:fr|frs|francs?)\s?\.?\s?(\d{2})(?!\d)", re.IGNORECASE)
# "1 ½ m" is 1.5 m; the fraction sign comes glued or after a space.
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_FRACTION_RE = lazy_re.compile(r"(?<![\d.,])(\d+)?[\s\u00a0]?([" + "".join(_FRACTIONS) + r"])")
# The same written with a slash, as recipes and manuals do ("1/2 taza", "1 1/4 cups"): read as
# "1" and "2", it was a false "½ vs 1" beside the sign. A proper fraction with a small
# denominator only: "24/7", "3/2021", "10/20" stay figures of their own.
_SLASH_FRACTION_RE = lazy_re.compile(r"(?<![\d/.,])(?:(\d{1,3})[\s\u00a0])?([1-9])/([2-9]|1[0-6])(?![\d/])")


def _digit_readings(raw: str, mark: str = "") -> set[float]:
    """Every number a figure can mean in en/fr/de: "1.500" is 1500 in German and 1.5 in English;
    only the one its text's decimal `mark` gives, where that is known (`_decimal_mark`)."""
    # Arabic writes its own separators: "٣٥٬٠٠٠" is 35,000 and "٢٫٥" is 2.5.
    parts = re.split(r"([" + _SPACE_SEP + r"'’.,\u066b\u066c])", raw)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return {float(raw)}
    if _LAKH_GROUPS.fullmatch(raw):
        return {float("".join(groups))}
    grouped = decimal = None
    # All separators group thousands.
    if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        grouped = float("".join(groups))
    # The last separator is a decimal mark and the others group thousands.
    if seps[-1] in ".,\u066b":
        head, head_seps = groups[:-1], seps[:-1]
        if len(head) == 1 or (
            1 <= len(head[0]) <= 3 and all(len(g) == 3 for g in head[1:]) and len(set(head_seps)) == 1
            and head_seps[0] != seps[-1]
        ):
            decimal = float("".join(head) + "." + groups[-1])
    if mark and grouped is not None and decimal is not None:
        # "€1,500" against "1,5 €", "1.5 kg" against "1.500 kg": read both ways, the amount a
        # thousand times smaller or larger had passed as the same.
        return {decimal if seps[-1] == mark else grouped}
    return {v for v in (grouped, decimal) if v is not None}


# Languages that write a decimal comma and group thousands with a point or a space ("1.500,5",
# "1 500,5"); English writes a decimal point and groups with a comma ("1,500.5").
_DECIMAL_COMMA = frozenset("fr de es it pt nl ru uk pl cs sk tr el sv da nb no fi ro hu hr sl bg ca id vi".split())


# Spanish writes both: Spain "2.300,5", Mexico and the United States "2,300.5" ("2,300 millones de
# pesos" read as 2.3 million was a false changed figure against "2,300 million pesos").
_BOTH_MARKS = frozenset({"es"})


def _decimal_mark(lang: str, raws: list[str]) -> str:
    """The decimal mark of a text in `lang` whose figures are `raws`: its language's, unless one
    of its figures can only be written the other way ("1,234.56", "3.5" or "1,000,000" in a French
    text: a figure copied from English, where "1,500" may be either); "" where not known."""
    mark = "." if lang == "en" else "," if lang in _DECIMAL_COMMA and lang not in _BOTH_MARKS else ""
    if mark and any(_only_decimal_mark(raw) not in ("", mark) for raw in raws):
        return ""
    return mark


def _only_decimal_mark(raw: str) -> str:
    """The decimal mark a figure can only have been written with ("3.5": ".", "1.000.000": ","), or ""."""
    seps = re.findall(r"[.,]", raw)
    if len(set(seps)) == 2:
        return seps[-1]  # "1,234.56"
    if len(seps) > 1:
        return "," if seps[0] == "." else "."  # groups of thousands: "1,000,000"
    if len(seps) == 1 and len(raw) - raw.index(seps[0]) - 1 != 3:
        return seps[0]  # "3.5", "0,25"
    return ""


# A minus before a figure: "-20 °C", "−4,2 Mio.", "minus 3%", "moins 5 °C". Read unsigned, "-20 °C"
# against "20 °C" and "minus 3%" against "+3 %" were one value. Not a hyphen after a figure or a
# word ("pages 5-10", "Covid-19"), nor a list's dash at the start of a line.
# Chinese and Japanese say it glued to the figure: "零下10摄氏度", "マイナス10度".
_MINUS_RE = lazy_re.compile(r"(?:(?<![\w.,;:)\]}%°'’/+\-−–])[-−–]|(?<![^\W\d_])(minus|moins|menos|meno)\s|(零下|マイナス)\s?)$",
                       re.IGNORECASE)
# "au moins 5", "al menos 5", "por lo menos", "más o menos", "nada menos": at least, about, no less than.
_NOT_MINUS_AFTER = frozenset("au du le pas ou al lo no ni o nada cuando".split())
# "5 degrees below zero", "5 Grad unter Null", "5 degrés sous zéro", "5 grados bajo cero": also -5.
_BELOW_ZERO_RE = lazy_re.compile(r"\s?(?:°\s?C?|[^\W\d_]+)?\s+(?:below zero|below freezing|unter null|sous zéro|"
                            r"au-dessous de zéro|bajo cero|sotto zero|abaixo de zero)(?!\w)", re.IGNORECASE)


def _minus_before(text: str, start: int) -> int | None:
    """Where a minus sign before the figure starting at `start` begins, or None."""
    m = _MINUS_RE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    if m.group(2):
        return m.start()
    if m.group(1):
        before = _WORD_RE.findall(text[max(0, m.start() - 12):m.start()])
        return None if before and before[-1].lower() in _NOT_MINUS_AFTER else m.start()
    if m.group(0) != "−" and not text[:m.start()].rpartition("\n")[2].strip():
        return None  # a list's dash
    return m.start()


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
        # Swiss and Belgian French: "nonante-cinq francs" was read as five against "95 Franken".
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    },
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12, "one": 1,
        "a": 1, "and": 0,
    },
    "de": {
        "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
        "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
        "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
        "dreissig": 30, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
        "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "million": 1e6,
        # "zwei Milliarden Menschen" was read as two (a probe), as "dois bilhões" and "два миллиарда" were.
        "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "billion": 1e12, "billionen": 1e12,
        "dutzend": 12, "ein": 1, "eine": 1, "einen": 1, "und": 0,
    },
    "es": {
        "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
        "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintidós": 22,
        "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "treinta": 30, "cuarenta": 40,
        # Twenty-six to twenty-nine were missing ("veintiséis leguas" against "thirty leagues" said
        # nothing), and the spellings without accents and the forms before a noun with them.
        "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "veintiún": 21, "veintiuna": 21,
        "dieciseis": 16, "veintidos": 22, "veintitres": 23, "veintiseis": 26,
        # Old Spanish (the 18th-century Candide of TransRead): "quatro mil baquetazos" was read as a
        # thousand, a false mismatch with "4,000 strokes" on a gold pair.
        "quatro": 4, "quarenta": 40, "quatrocientos": 400, "quatrocientas": 400, "millon": 1e6,
        "billón": 1e12, "billones": 1e12,
        "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
        "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
        "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
        "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
        "novecientos": 900, "novecientas": 900, "mil": 1000, "millón": 1e6, "millones": 1e6, "docena": 12,
        "un": 1, "uno": 1, "una": 1, "y": 0,
    },
    "it": {
        "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
        "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15,
        "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20, "trenta": 30,
        "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90,
        "cento": 100, "mille": 1000, "mila": 1000, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9,
        "miliardi": 1e9, "dozzina": 12, "un": 1, "uno": 1, "una": 1,
    },
    "pt": {
        "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
        "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15,
        "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19,
        "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
        "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100, "duzentos": 200,
        "duzentas": 200, "trezentos": 300, "trezentas": 300, "quatrocentos": 400, "quinhentos": 500,
        "quinhentas": 500, "quatrocentas": 400, "seiscentos": 600, "seiscentas": 600, "setecentos": 700,
        "setecentas": 700, "oitocentos": 800, "oitocentas": 800, "novecentos": 900, "novecentas": 900,
        "mil": 1000, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9, "bilião": 1e12, "biliões": 1e12,
        "dúzia": 12, "um": 1, "uma": 1, "e": 0,
    },
    "nl": {
        "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
        "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
        "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
        "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100,
        "duizend": 1000, "miljoen": 1e6, "miljard": 1e9, "dozijn": 12, "een": 1, "één": 1,
    },
    # Russian declines its numerals: the nominative and the oblique forms a text uses most.
    "ru": {
        **dict.fromkeys(("два", "две", "двух", "двум", "двумя"), 2),
        **dict.fromkeys(("три", "трёх", "трех", "трём", "трем", "тремя"), 3),
        **dict.fromkeys(("четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя"), 4),
        **{word: value for value, stem in ((5, "пят"), (6, "шест"), (7, "сем"), (9, "девят"), (10, "десят"),
                                           (11, "одиннадцат"), (12, "двенадцат"), (13, "тринадцат"),
                                           (14, "четырнадцат"), (15, "пятнадцат"), (16, "шестнадцат"),
                                           (17, "семнадцат"), (18, "восемнадцат"), (19, "девятнадцат"),
                                           (20, "двадцат"), (30, "тридцат"))
           for word in (stem + "ь", stem + "и", stem + "ью")},
        "семь": 7, "семи": 7, "семью": 7, "восемь": 8, "восьми": 8, "восемью": 8,
        "сорок": 40, "сорока": 40, "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60,
        "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80, "девяносто": 90,
        "девяноста": 90, "сто": 100, "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трёхсот": 300,
        "трехсот": 300, "четыреста": 400, "четырёхсот": 400, "четырехсот": 400, "пятьсот": 500, "пятисот": 500,
        "шестьсот": 600, "шестисот": 600, "семьсот": 700, "семисот": 700, "восемьсот": 800, "восьмисот": 800,
        "девятьсот": 900, "девятисот": 900, "тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "тысячу": 1000,
        "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
        "дюжина": 12, "один": 1, "одна": 1, "одно": 1,
    },
    "tr": {
        "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10,
        "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60, "yetmiş": 70, "seksen": 80,
        "doksan": 90, "yüz": 100, "bin": 1000, "milyon": 1e6, "milyar": 1e9, "düzine": 12, "bir": 1,
    },
}
# Nouns of a group of so many, multiplied by the number before them: "a dozen miles" was read as
# 13 (a + 12), a false mismatch against "douze milles", "une vingtaine" as 21, "two dozen" as 14;
# "three score and ten" is 70. Half of one is half as many ("half a dozen", "une demi-douzaine").
# A plural, or "score", says a number only with one before it: "dozens of", "the score".
_GROUP_NOUNS = {
    "en": {"dozen": 12, "dozens": 12, "score": 20, "scores": 20},
    "fr": {"douzaine": 12, "douzaines": 12, "dizaine": 10, "dizaines": 10, "quinzaine": 15, "vingtaine": 20,
           "vingtaines": 20, "trentaine": 30, "cinquantaine": 50, "soixantaine": 60},
    "de": {"dutzend": 12, "dutzende": 12},
    "es": {"docena": 12, "docenas": 12, "decena": 10, "decenas": 10, "veintena": 20},
    "it": {"dozzina": 12, "dozzine": 12, "decina": 10, "decine": 10, "ventina": 20},
    "pt": {"dúzia": 12, "dúzias": 12, "dezena": 10, "dezenas": 10, "vintena": 20},
    "nl": {"dozijn": 12},
    "ru": {"дюжина": 12, "дюжину": 12, "дюжины": 12, "дюжин": 12},
    "tr": {"düzine": 12},
}
for _lang, _nouns in _GROUP_NOUNS.items():
    _WORD_VALUES[_lang].update(_nouns)
_GROUP_NOUN = frozenset(word for nouns in _GROUP_NOUNS.values() for word in nouns)
_COUNTED_ONLY = frozenset("""dozens scores score douzaines dizaines vingtaines dutzende docenas decenas dozzine decine
    dúzias dezenas дюжины дюжин""".split())
_HALF_BEFORE = lazy_re.compile(r"(?:^|\W)(?:half|demi|halbes|media|mezza|meia)[\s\u00a0-]+$", re.I)
# "and a half" after a number, or after its unit: "two and a half hours", "two hours and a half",
# "deux heures et demie", "dos horas y media", "due ore e mezza", "duas horas e meia", Dutch "twee en een
# half uur". Unread, "two and a half hours" against "trois heures et demie" passed as two against
# nothing, and "une heure et demie" against "2.5 hours" too.
_HALF_AFTER = lazy_re.compile(r"\s+(?:and\s+a\s+half|et\s+demie?|y\s+medi[oa]|e\s+mezz[oa]|e\s+mei[oa]|en\s+een\s+half)"
                              r"(?![^\W\d_])", re.I)
# ... and glued into the word: German "zweieinhalb", "anderthalb", Dutch "tweeënhalf", "anderhalf".
_GLUED_HALF = {"de": ("einhalb", {"anderthalb": 1.5}), "nl": ("ënhalf", {"anderhalf": 1.5})}
# Languages that glue a number's words into one ("einundzwanzig", "ventitré", "eenentwintig"), with
# the shortened forms their compounds use ("ventotto" is venti + otto, "centottanta" cento + ottanta).
_GLUED = {
    "de": {},
    "it": {"vent": 20, "trent": 30, "quarant": 40, "cinquant": 50, "sessant": 60, "settant": 70,
           "ottant": 80, "novant": 90, "cent": 100, "tré": 3},
    "nl": {"ën": 0, "en": 0},
}
# Words that only count as part of a larger number, never alone.
_GLUE_WORDS = {"un", "une", "et", "one", "a", "and", "ein", "eine", "einen", "und", "uno", "una", "y", "e", "um",
               "uma", "een", "één", "en", "один", "одна", "одно", "bir"}
# Of those, the articles that may start a number ("un million", "a hundred", "um milhão").
_LEADING_ARTICLES = {"un", "une", "a", "one", "ein", "eine", "einen", "um", "uma", "een", "één", "один", "одна",
                     "одно", "bir"}
# Units of measure and money. A spelled-out number is loose in literary translation ("a few
# days", "trois fois"), but not before one of these: "five inches" rendered "sept pouces" is a
# changed fact, and so is "forty thalers" against "cinquante thalers".
# Spans of time, read as units after a number in words: "for three hours" / "pendant cinq heures" was
# no changed fact while neither side wrote a figure (a probe's reprint). ("ay", Turkish month, and
# "an" stand only after a number.)
_TIME_UNITS = {
    "minute": "minute minutes minuten minuto minutos minuti минута минуты минут dakika",
    "hour": "hour hours heure heures stunde stunden hora horas ora ore uur uren час часа часов saat",
    "day": "day days jour jours tag tage tagen día días giorno giorni dia dias dag dagen день дня дней gün",
    "week": "week weeks semaine semaines woche wochen semana semanas settimana settimane weken неделя недели недель hafta",
    "month": "month months mois monat monate monaten mes meses mese mesi maand maanden месяц месяца месяцев ay",
    "year": "year years an ans année années jahr jahre jahren año años anno anni ano anos jaar jaren год года лет yıl",
}
_UNIT_WORDS = frozenset("""
    inch inches foot feet yard yards mile miles league leagues fathom fathoms pound pounds ounce ounces
    ton tons metre metres meter meters kilometre kilometres kilometer kilometers degree degrees percent
    franc francs thaler thalers dollar dollars florin florins ducat ducats crown crowns shilling shillings
    guinea guineas piastre piastres rouble roubles
    pouce pouces pied pieds mille milles lieue lieues brasse brasses livre livres once onces tonne tonnes
    mètre mètres kilomètre kilomètres degré degrés pour-cent
    zoll fuss fuß meile meilen klafter pfund unze tonne tonnen meter kilometer grad prozent taler franken
    gulden dukaten kronen
    pulgada pulgadas pie pies milla millas legua leguas braza brazas libra libras onza onzas tonelada toneladas
    metro metros kilómetro kilómetros grado grados ducado ducados escudo escudos peso pesos piastra piastras
    pollice pollici piede piedi miglio miglia lega leghe braccio braccia libbra libbre oncia once
    tonnellata tonnellate metri chilometro chilometri gradi franco franchi lira lire dollaro dollari ducati
    polegada polegadas pé pés milha milhas légua léguas braça braças onça onças quilómetro quilômetro
    quilómetros quilômetros grau graus dólar dólares real reais
    duim duimen voet voeten mijl mijlen el ellen vadem vademen pond ponden ons ton graad graden dukaat
    dukaten daalder daalders euro euros procent
    дюйм дюйма дюймов фут фута футов миля мили миль верста версты вёрст верст метр метра метров километр
    километра километров градус градуса градусов фунт фунта фунтов тонна тонны тонн рубль рубля рублей
    доллар доллара долларов процент процента процентов
    inç ayak mil metre kilometre derece libre ton dolar lira
""".split()) | frozenset(" ".join(_TIME_UNITS.values()).split())
# Kinds of unit, in every language read: "twenty feet" and "six mètres" are one length converted,
# not a changed fact, so two spelled-out measures are compared only in units of one kind. Money
# and units not listed keep the comparison ("forty thalers" / "fünfzig Taler").
_UNIT_KINDS = {kind: frozenset(words.split()) for kind, words in {
    "inch": ("inch inches pouce pouces zoll pulgada pulgadas pollice pollici polegada polegadas duim duimen "
             "дюйм дюйма дюймов inç 英寸 寸 インチ"),
    "foot": "foot feet pied pieds fuss fuß pie pies piede piedi pé pés voet voeten фут фута футов ayak 英尺 尺 フィート",
    "mile": ("mile miles mille milles meile meilen milla millas miglio miglia milha milhas mijl mijlen миля мили "
             "милі миль mil 英里 マイル"),
    "verst": "верста версты вёрст верст",
    "nautical mile": "海里",
    "li": "里",
    "league": "league leagues lieue lieues legua leguas lega leghe légua léguas",
    "fathom": "fathom fathoms brasse brasses klafter braza brazas braccio braccia braça braças vadem vademen",
    "metre": "m metre metres meter meters mètre mètres metro metros metri метр метра метров метри метрів м 米 メートル",
    # Abbreviated units, as recipes, manuals and road signs write them: "9-inch" / "23 cm", "5 miles"
    # / "8 km", "60 mph" / "100 km/h" were false changed figures on every converted text.
    "centimetre": ("cm centimetre centimetres centimeter centimeters centimètre centimètres zentimeter "
                   "centímetro centímetros centimetro centimetri см 厘米 センチ"),
    "millimetre": "mm millimetre millimetres millimeter millimeters millimètre millimètres milímetro milímetros мм 毫米",
    "yard": "yd yard yards",
    "mph": "mph",
    "gram": "g gr gram grams gramme grammes gramm gramo gramos grammo grammi grama gramas 克",
    "litre": "litre litres liter liters litro litros litri 升",
    # Converted by translators as miles and pounds are: "10 gallons" / "38 litres", "50 acres" /
    # "20 hectares" were changed figures on faithful translations (a probe).
    "gallon": "gallon gallons gallone galloni galón galones galão galões галлон галлона галлонов 加仑 ガロン",
    "acre": "acre acres acri acro acros akker morgen акр акра акров 英亩 エーカー",
    "hectare": "hectare hectares hektar hektars hectárea hectáreas ettaro ettari гектар гектара гектаров 公顷 ヘクタール",
    "millilitre": "ml millilitre millilitres milliliter milliliters mililitro mililitros мл 毫升",
    "cup": "cup cups tasse tasses taza tazas tazza tazze xícara xícaras",
    "tablespoon": "tbsp tablespoon tablespoons",
    "teaspoon": "tsp teaspoon teaspoons",
    "fahrenheit": "fahrenheit",
    "celsius": "celsius",
    "kilometre": ("km kilometre kilometres kilometer kilometers kilomètre kilomètres kilómetro kilómetros "
                  "chilometro chilometri quilómetro quilômetro quilómetros quilômetros километр километра "
                  "километров кілометр кілометри кілометрів км 公里 千米"),
    # Japanese "キロ" is a kilometre or a kilogram: which one, the other side of a pair tells.
    "kilo": "キロ",
    "pound": "lb lbs pound pounds livre livres pfund libra libras libbra libbre pond ponden фунт фунта фунтов libre 磅 ポンド",
    "ounce": "oz ounce ounces onces unze onza onzas oncia onça onças ons",
    "kilogram": ("kg kilo kilos chilo chili kilogram kilograms kilogramme kilogrammes kilogramm kilogramo kilogramos "
                 "кг 公斤 千克"),
    "ton": "ton tons tonne tonnes tonnen tonelada toneladas tonnellata tonnellate тонна тонны тонн 吨 トン",
    "degree": ("degree degrees degré degrés grad grado grados gradi grau graus graad graden градус градуса "
               "градусов derece 度"),
    "percent": "percent pour-cent prozent procent процент процента процентов",
    # Plural only: "second" and "seconde" are ordinals too.
    "second": "seconds secondes sekunde sekunden segundos secondi секунды секунд",
    "millisecond": "milliseconds millisecondes millisekunden milisegundos millisecondi",
    **_TIME_UNITS,
}.items()}
_UNIT_KIND = {word: kind for kind, words in _UNIT_KINDS.items() for word in words}
# Units of technical text by their symbols, read as written: in lower case "A", "Go" or "To" are
# words ("to", "go"), and "mA" is no "MA". French writes bytes as octets ("3 Go" is "3 GB"), and a
# mebibyte as "Mio" (see _figures). Without them "3 GB" / "3 Mo", "25 mA" / "25 A" or "2 ms" / "2 s"
# kept their figure and passed as the same fact.
_UNIT_SYMBOLS = {symbol: kind for kind, symbols in {
    "byte": "B o", "kilobyte": "kB KB KiB ko Ko Kio", "megabyte": "MB MiB Mo Mio", "gigabyte": "GB GiB Go Gio",
    "terabyte": "TB TiB To Tio", "petabyte": "PB PiB Po Pio",
    "microampere": "µA μA", "milliampere": "mA", "ampere": "A", "kiloampere": "kA",
    "millivolt": "mV", "volt": "V", "kilovolt": "kV",
    "milliwatt": "mW", "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW",
    "watt-hour": "Wh", "kilowatt-hour": "kWh", "megawatt-hour": "MWh", "milliampere-hour": "mAh", "ampere-hour": "Ah",
    "litre": "l", "hertz": "Hz", "kilohertz": "kHz", "megahertz": "MHz", "gigahertz": "GHz",
    "ppm": "ppm", "ppb": "ppb",
    "nanosecond": "ns", "microsecond": "µs μs", "millisecond": "ms", "second": "s sec Sek",
    "minute": "min Min", "hour": "h Std",
    # A metric ton as shipping, farming and statistics write it: "500 t" / "500 т" against "500
    # Kilogramm" kept its figure and passed as the same fact.
    "ton": "t т",
}.items() for symbol in symbols.split()}
# Chinese and Japanese numerals: digits, and the units that multiply them.
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_MYRIADS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_CJK_RUN_RE = lazy_re.compile("[" + "".join(_CJK_DIGITS) + "".join(_CJK_UNITS) + "".join(_CJK_MYRIADS) + "]+")
# Units of measure and money written after a Chinese or Japanese number ("五英寸", "七フィート").
_CJK_UNIT_RE = lazy_re.compile("英寸|英尺|英里|海里|公里|千米|米|寸|尺|里|度|美元|元|法郎|吨|磅|公斤|千克|"
                          "インチ|フィート|マイル|メートル|キロ|円|ドル|フラン|トン|ポンド")
_WORD_RE = lazy_re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=None)
def _glued_table(lang: str) -> dict[str, float]:
    """The values of every piece a glued numeral of `lang` is made of."""
    return {**_WORD_VALUES[lang], **_GLUED[lang]}


@lru_cache(maxsize=None)
def _morphemes(lang: str) -> tuple[str, ...]:
    pieces = _glued_table(lang)
    # Longest first, so that "ottanta" is not read as "otto" + a rest; the glue words last.
    return tuple(sorted((m for m in pieces if m not in _GLUE_WORDS), key=len, reverse=True)) + tuple(
        m for m in pieces if m in _GLUE_WORDS)


def _glued_compound(word: str, lang: str) -> float | None:
    """Read numerals glued into one word: "einundzwanzig", "zweihundert", "dreitausendfünfhundert",
    "ventitré", "duemilacinquecento", "eenentwintig", "tweeëntwintig"."""
    # The longest real one ("duecentocinquantamilaottocentosettantasette") is under 50 letters;
    # a longer run ("enenen...") is no number, and would recurse past Python's limit.
    pieces = _segments(word, lang) if len(word) <= _LONGEST_GLUED else None
    if pieces is None or len(pieces) < 2:
        return None
    table = _glued_table(lang)
    # German and Dutch put units before tens ("einundzwanzig" = 1 + 20), Italian after
    # ("ventuno" = 20 + 1): the additive reading gets both right.
    return _combine([table[p] for p in pieces])


_LONGEST_GLUED = 60


@lru_cache(maxsize=1 << 14)
def _segments(rest: str, lang: str) -> tuple[str, ...] | None:
    """`rest` cut into number morphemes, longest first, trying the next where a cut leads nowhere
    ("centottanta" is not "cento" + "ttanta" but "cent" + "ottanta")."""
    if not rest:
        return ()
    for morpheme in _morphemes(lang):
        if rest.startswith(morpheme):
            tail = _segments(rest[len(morpheme):], lang)
            if tail is not None:
                return (morpheme, *tail)
    return None


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


_ORDINAL_ENDINGS = {
    "fr": [("ième", ""), ("ième", "e"), ("vième", "f"), ("quième", "q"), ("uième", "")],
    "en": [("th", ""), ("ieth", "y"), ("fth", "ve"), ("ninth", "nine"), ("eighth", "eight"), ("twelfth", "twelve")],
    "de": [("ste", ""), ("te", ""), ("sten", ""), ("ten", ""), ("ster", ""), ("ter", ""), ("stes", ""), ("tes", ""),
           ("stem", ""), ("tem", "")],
}
# Ranks no ending gives: "third" (never "second", also a span of time; nor "a third", a fraction),
# "dritte", and the ordinals of Spanish, Italian and Russian, so that "third" against "4e" or "4."
# is a changed rank, as "troisième" against "4th" was. Not German "achte" (the verb "achten"), nor
# tenths ("tres décimas"); Spanish "cuarto" and Italian "quarto" by their context (`_QUARTER_RANKS`).
_RU_ORDINAL_ENDINGS = "ый ий ой ая ья ое ье ого ьего ей ьей ому ьему ым ьим ом ьем ую ью ые ьи ых ьих ыми ьими".split()
_IRREGULAR_ORDINALS = {
    "en": {"third": 3},
    "de": {stem + e: v for stem, v in (("dritt", 3), ("siebt", 7)) for e in ("e", "en", "er", "es", "em")},
    "es": {w + e: v for w, v in (("tercer", 3), ("quint", 5), ("sext", 6), ("séptim", 7), ("octav", 8),
                                 ("noven", 9)) for e in ("o", "a", "os", "as")} | {"tercer": 3},
    "it": {w + e: v for w, v in (("terz", 3), ("quint", 5), ("sest", 6), ("settim", 7), ("ottav", 8))
           for e in ("o", "a", "i", "e")} | {"nono": 9, "nona": 9},
    "ru": {w + e: v for w, v in (("трет", 3), ("четвёрт", 4), ("четверт", 4), ("пят", 5), ("шест", 6),
                                 ("седьм", 7), ("восьм", 8), ("девят", 9))
           for e in _RU_ORDINAL_ENDINGS if (w == "трет") == e.startswith("ь")} | {"третий": 3},
}


@lru_cache(maxsize=1 << 16)
def _word_value(word: str, lang: str) -> float | None:
    value = _cardinal_value(word, lang)
    return value if value is not None else _ordinal_value(word, lang)


def _cardinal_value(word: str, lang: str) -> float | None:
    table = _WORD_VALUES.get(lang, {})
    if word in table:
        return table[word]
    if lang in _GLUED_HALF:
        ending, whole = _GLUED_HALF[lang]
        if word in whole:
            return whole[word]
        if word.endswith(ending) and len(word) > len(ending):
            base = _word_value(word[:-len(ending)], lang)
            if base is not None and base == int(base):
                return base + 0.5
    if lang in _GLUED:
        value = _glued_compound(word, lang)
        if value is not None:
            return value
    return None


def _ordinal_value(word: str, lang: str) -> float | None:
    """Ordinals ("trente-quatrième pier" is "Pier 34") carry the same number as their cardinal."""
    if word in _IRREGULAR_ORDINALS.get(lang, ()):
        return _IRREGULAR_ORDINALS[lang][word]
    table = _WORD_VALUES.get(lang, {})
    for ending, repl in _ORDINAL_ENDINGS.get(lang, []):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)] + repl if not ending.startswith(("ninth", "eighth", "twelfth")) else repl
            if base in ("un", "une", "one", "ein"):
                continue
            value = table.get(base)
            if value is None and lang in _GLUED:
                value = _glued_compound(base, lang)
            if value is not None and base not in _GLUE_WORDS:
                return value
    return None


def _ordinal_word(word: str, lang: str) -> bool:
    """`word` is read as a number by an ordinal's ending only ("troisième", "fourth", "vierte")."""
    return _cardinal_value(word, lang) is None and _ordinal_value(word, lang) is not None


# Spanish and Italian "fourth" is also a quarter ("un quarto d'ora", "tres cuartos", "la cuarta parte")
# and, in Spanish, a room ("entró en el cuarto"): a rank only where neither reading fits, so that
# "al quarto di 5 tentativi" against "the third of 5 attempts" is a changed rank. Spanish wrote
# "quarto" until the nineteenth century (Candide's Spanish: "El quarto criado dixo al quarto amo"):
# unread, "fourth" beside it was a changed rank.
_QUARTER_RANKS = {"es": {"cuarto", "cuarta", "cuartos", "cuartas", "quarto", "quarta", "quartos", "quartas"},
                  "it": {"quarto", "quarta", "quarti", "quarte"}}
_QUARTER_AFTER = lazy_re.compile(r"[\s\u00a0]+(?:d['’]or|de[\s\u00a0]+hora|parte|part[ei]\b)", re.IGNORECASE)
# Spanish "cuarto" before "de" is a room or a quarter ("cuarto de baño", "cuarto de hora") unless a
# number follows ("el cuarto de 5 intentos"); at a phrase's end it is a room ("entró en el cuarto").
_ROOM_AFTER = lazy_re.compile(r"[\s\u00a0]*(?:[^\w\s]|$)|[\s\u00a0]+del?[\s\u00a0]+(?!\d|los[\s\u00a0]+\d)")


def _quarter_is_rank(text: str, m: re.Match, lang: str) -> bool:
    before = re.search(r"([^\W_]+)[\s\u00a0']*$", text[max(0, m.start() - 20):m.start()])
    if before and (before.group(1).isdigit() or before.group(1).lower() in _LEADING_ARTICLES | {"uno", "una"}
                   or _cardinal_value(before.group(1).lower(), lang) is not None):
        return False  # "un quarto", "tre quarti", "3 cuartos": a fraction
    if _QUARTER_AFTER.match(text, m.end()):
        return False
    return not (lang == "es" and m.group(0).lower().startswith(("cuarto", "quarto")) and _ROOM_AFTER.match(text, m.end()))


# The conjunctions that may join the parts of one number written in words: "one hundred and five",
# "vingt et un", "treinta y cinco", "duzentos e trinta", archaic "five and twenty".
_NUMBER_CONJUNCTIONS = {"and", "et", "y", "e", "und", "en"}
# Where a unit before the tens is one number ("five and twenty" is 25) ...
_UNITS_BEFORE_TENS = {"en", "de", "nl"}
# ... unless the conjunction closes a range: "between one and twenty".
_RANGE_OPENERS = lazy_re.compile(r"(?:between|zwischen|tussen)\s+$", re.I)


def _conjoined_numbers(run: list, lang: str, text: str) -> list[list]:
    """`run` (match, value, word) cut at each conjunction that joins no parts of one number. A
    conjunction joins when what stands before it is larger and at least twenty ("hundred and five",
    "vingt et un", "treinta y cinco"; Spanish "diez y siete"), or, in English, German and Dutch, a unit before the tens
    ("five and twenty") that no "between" opens."""
    if len(run) < 3:
        return [list(run)]
    pieces: list[list] = [[]]
    for k, item in enumerate(run):
        word = item[2]
        if 0 < k < len(run) - 1 and word in _NUMBER_CONJUNCTIONS and run[k - 1][2] not in _NUMBER_CONJUNCTIONS:
            before, after = run[k - 1][1], run[k + 1][1]
            # Old Spanish writes sixteen to nineteen in three words too ("diez y siete").
            joins = ((before >= 20 or before == 10 and lang == "es") and before > after) or (
                lang in _UNITS_BEFORE_TENS and 1 <= before <= 9 and after in (20, 30, 40, 50, 60, 70, 80, 90)
                and not _RANGE_OPENERS.search(text[max(0, pieces[-1][0][0].start() - 12):pieces[-1][0][0].start()]))
            if not joins and run[k + 1][2] not in _NUMBER_CONJUNCTIONS:
                pieces.append([])
                continue
        pieces[-1].append(item)
    return [piece for piece in pieces if piece]


_PER_BEFORE = lazy_re.compile(r"(?:^|\W)p[eo]r\s+$", re.I)
_PER_CENT_AFTER = lazy_re.compile(r"(?:per|pour|por|pro)[\s\u00a0]+(?:cent|ciento|cento)\b", re.I)
# The ordinals of the units that are no cardinal with an ending ("first", not "one" + "th"), read
# only after tens: "twenty-first" was read as twenty, "one hundred and first" as a hundred, "vingt et
# unième" as vingt ("CHAPTER THE TWENTY-FIRST" against "CHAPITRE XXI": "TWENTY vs XXI").
_UNIT_ORDINALS = {"en": {"first": 1, "second": 2, "third": 3}, "fr": {"unième": 1, "unièmes": 1}}


# The words before an hour that put the clock's hand elsewhere, and how many minutes from that hour:
# "halb fünf" (German) and "half vijf" (Dutch) are half past four, "a quarter to five" 4:45.
_CLOCK_WORDS = {"de": {"halb": -30}, "nl": {"half": -30},
                "en": {"half past": 30, "quarter past": 15, "quarter to": -15}}


@lru_cache(maxsize=None)
def _clock_words_re(lang: str) -> re.Pattern:
    words = "|".join(w.replace(" ", r"[\s\u00a0]+") for w in _CLOCK_WORDS[lang])
    return re.compile(r"(?<![^\W\d_])(" + words + r")[\s\u00a0]+$", re.IGNORECASE)


def _clock_in_words(text: str, start: int, lang: str, value: float) -> set:
    """The readings of an hour in words at `start` that a word before sets on the clock: "halb vier"
    is 3:30 (and the hour 3), on either half of the day as a clock in words does not say which:
    "half drie" against "14.30 Uhr" is the same time, "half past two" against "halb vier" is not."""
    if lang not in _CLOCK_WORDS or value != int(value) or not 1 <= value <= 12:
        return set()
    before = _clock_words_re(lang).search(text, max(0, start - 16), start)
    if before is None:
        return set()
    offset = _CLOCK_WORDS[lang][re.sub(r"\s+", " ", before.group(1).lower())]
    hour, minutes = (int(value), offset) if offset > 0 else (int(value) - 1 or 12, 60 + offset)
    return {("n", float(hour))} | {("t", h, minutes) for h in (hour, hour + 12 if hour < 12 else 0)}


def _spelled_numbers(text: str, lang: str, taken: list[tuple[int, int]]) -> list[_Quantity]:
    found: list[_Quantity] = []
    run: list[tuple[re.Match, float, str]] = []

    def flush() -> None:
        # A conjunction that joins no parts of one number stands between two numbers: "between one
        # and five percent" was read as six (a false mismatch with "百分之一至百分之五"), and "three and
        # four shillings" as seven (a changed sum against "sept shillings" went unseen).
        pieces = _conjoined_numbers(run, lang, text)
        for piece in pieces[:-1]:
            run[:] = piece
            emit()
        run[:] = pieces[-1] if pieces else []
        emit()

    def emit() -> None:
        # Leading/trailing glue words ("a", "and") are articles, not part of the number.
        while run and run[0][2] in _GLUE_WORDS - _LEADING_ARTICLES:
            run.pop(0)
        # (Spanish "y" and Dutch "en" too: "a las cinco y media" was quoted "cinco y".)
        while run and (run[-1][2] in _NUMBER_CONJUNCTIONS or run[-1][2] == "a"):
            run.pop()
        # An article counts only a hundred or more ("a hundred", "un million", "a dozen"): "a
        # twenty-dollar bill" was read as 21, a false mismatch against "un billet de 20 dollars", and
        # "a five-pound note" as no number at all (1 and 5, two units in a row). "one and twenty" stays 21.
        fraction = False
        if len(run) > 1 and run[0][2] in _LEADING_ARTICLES and run[1][1] < 100 and run[1][2] not in _GROUP_NOUN \
                and run[1][2] not in _NUMBER_CONJUNCTIONS:
            # "a third", "un cinquième": a fraction, or a rank ("a third time"): not surely a rank to
            # hold against another rank in words.
            fraction = len(run) == 2
            run.pop(0)
        half_after = _HALF_AFTER.match(text, run[-1][0].end()) if run else None
        half_before_unit = half_after is not None  # "two and a half hours": the span takes the half
        if half_after is None and run:
            unit_after = _WORD_RE.match(text, _after_words(text, run[-1][0].end(), run[-1][2]))
            if unit_after and unit_after.group(0).lower() in _UNIT_WORDS and _HALF_AFTER.match(text, unit_after.end()):
                half_after = unit_after  # "deux heures et demie": the half after the unit; the span stays the number's
        if run and (not all(word in _GLUE_WORDS for _, _, word in run)
                    or half_after is not None and len(run) == 1 and run[0][1] == 1):
            words = [w for _, _, w in run]
            # "two three-inch" is two numbers side by side, not five: no number holds two units in a row.
            if any(0 < a < 10 and 0 < b < 10 for (_, a, _), (_, b, _) in zip(run, run[1:])):
                run.clear()
                return
            # "quatre-vingt(s)" is 80, not 4 + 20.
            values = []
            for i, (_, v, w) in enumerate(run):
                if w.startswith("vingt") and i and run[i - 1][2] == "quatre":
                    values[-1] = 80
                    continue
                if w in _GROUP_NOUN:
                    if values:  # "a dozen", "two dozen", "three score"
                        values[-1] *= v
                        continue
                    if w in _COUNTED_ONLY:  # "dozens of", "the score"
                        run.clear()
                        return
                values.append(v)
            value = _combine(values)
            if words[-1] in _GROUP_NOUN and _HALF_BEFORE.search(text, max(0, run[0][0].start() - 8), run[0][0].start()):
                value /= 2  # "half a dozen", "une demi-douzaine"
            # A lone "cent" is a coin or "per cent" but in French, where it is a hundred ("vivre cent
            # ans", "à cent pieds": "100 years", "100 feet" stood alone in the English), less "pour cent";
            # and "cinco por ciento", "cinque per cento", "cinco por cento" are per cent, not a hundred.
            before = text[max(0, run[0][0].start() - 5):run[0][0].start()]
            lone_cent = len(words) == 1 and (
                words[0] in ("cent", "cents") or words[0] in ("ciento", "cento") and _PER_BEFORE.search(before))
            if lone_cent and lang == "fr" and words[0] in ("cent", "cents"):
                # ... or the coin after its figure ("99 cents", in Canada)
                lone_cent = before.lower().rstrip().endswith("pour") or bool(re.search(r"\d[\s\u00a0]*$", before))
            halved = half_after is not None and value == int(value)
            if halved:
                # Half of what the number counts: "deux heures et demie" 2.5, "un million et demi" 1.5 million.
                value += values[-1] / 2 if values[-1] >= 1000 else 0.5
            if (value >= 2 or value != int(value)) and not lone_cent:
                span = (run[0][0].start(), run[-1][0].end())
                if halved and half_before_unit:
                    span = (span[0], half_after.end())  # "two and a half", before its unit
                    scale = _WORD_RE.match(text, _after_number(text, span[1]))
                    scale_value = _word_value(scale.group(0).lower(), lang) if scale else None
                    if scale_value is not None and scale_value >= 1000:  # "one and a half million"
                        value, span = value * scale_value, (span[0], scale.end())
                readings, year = {("n", float(value))}, False
                if halved and value < 24:
                    readings.add(("t", int(value), 30))  # "a las cinco y media" is half past five too
                if lang == "en" and len(values) > 1 and 11 <= values[0] <= 20 and 10 <= values[1] < 100 \
                        and 10 <= (rest := _combine(values[1:])) < 100 and not _NUMBER_CONJUNCTIONS.intersection(words):
                    # "nineteen eighty-four" is 1984, not 19 + 84 = 103 (against "en 1984"); "eleven fifteen"
                    # may be 11:15 too.
                    readings, year = {("n", float(values[0] * 100 + rest))}, values[0] > 12 or rest >= 60
                    if values[0] <= 23 and rest < 60:
                        readings.add(("t", int(values[0]), int(rest)))
                if words[-1] == "second":  # "a twenty-second pause" is twenty seconds long
                    readings.add(("n", float(value - 2)))
                readings |= _clock_in_words(text, span[0], lang, value)
                if lang == "fr" and len(values) > 1 and words[-1] == "mille":
                    # "trois cent mille du cap Clear": "mille" is also the (nautical) mile
                    readings.add(("n", float(_combine(values[:-1]))))
                unit = _WORD_RE.match(text, _after_words(text, span[1], words[-1]))
                measured = bool(unit) and unit.group(0).lower() in _UNIT_WORDS
                kind = _UNIT_KIND.get(unit.group(0).lower(), "") if measured else ""
                if unit and not measured and _PER_CENT_AFTER.match(text, unit.start()):
                    # "five per cent", "six pour cent", "seis por ciento", "sei per cento": a measure, as
                    # "percent" and "Prozent" are; "five percent" against "six pour cent" passed unseen.
                    measured, kind = True, "percent"
                if kind == "day":
                    # "huit jours", "quince días": a week and a fortnight, as English says seven and fourteen
                    readings |= {("n", value - 1) for tag, value in readings if tag == "n" and value in (8, 15)}
                # "twenty-second" may be twenty seconds long ("a twenty-second pause"): a rank or a count.
                rank = (words[-1] in _UNIT_ORDINALS.get(lang, ()) or _ordinal_word(words[-1], lang)
                        or words[-1] in _QUARTER_RANKS.get(lang, ()))
                ordinal = None if words[-1] == "second" or (fraction and rank) else rank
                found.append(_Quantity(text[span[0]:span[1]], span, frozenset(readings), "num", False, measured, kind,
                                       year, ordinal))
        run.clear()

    last_end = None
    for m in _WORD_RE.finditer(text):
        if found and m.start() < found[-1].span[1]:
            continue  # the scale word "one and a half" took ("... million")
        word = m.group(0).lower()
        value = _word_value(word, lang)
        if value is None and word in _QUARTER_RANKS.get(lang, ()) and _quarter_is_rank(text, m, lang):
            value = 4
        if value is None and run and word in _UNIT_ORDINALS.get(lang, ()):
            tens = run[-1][1] if run[-1][2] not in _NUMBER_CONJUNCTIONS or len(run) < 2 else run[-2][1]
            if tens >= 20 and tens % 10 == 0:  # "twenty-first", "hundred and first", "vingt et unième"
                value = _UNIT_ORDINALS[lang][word]
        # A word inside a figure already read ("100 mille") must not start a second number.
        if value is not None and any(s <= m.start() < e for s, e in taken):
            value = None
        if run and (value is None or text[last_end:m.start()].strip(" -\u2011") != ""):
            flush()
        if value is not None:
            run.append((m, value, word))
        last_end = m.end()
    flush()
    return found


_CJK_DECIMALS = lazy_re.compile("点([" + "".join(_CJK_DIGITS) + "]+)")


def _cjk_value(run: str) -> float:
    """"二十三" 23, "三百五十" 350, "两万" 20000, "一九八四" 1984 (a year read digit by digit)."""
    if len(run) > 1 and all(ch in _CJK_DIGITS for ch in run):
        return float("".join(str(_CJK_DIGITS[ch]) for ch in run))
    total = section = number = 0.0
    for ch in run:
        if ch in _CJK_DIGITS:
            number = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            section += (number or 1) * _CJK_UNITS[ch]
            number = 0
        else:
            total += ((section + number) or 1) * _CJK_MYRIADS[ch]
            section = number = 0
    return total + section + number


# "三月三日", "十二月二十五日": a date in Chinese numerals, as formal Chinese writes it ("二〇二五年三月三日").
# Read as loose numbers, its changed day against "3月13日" went unseen.
_CJK_NUMERAL_DATE_RE = lazy_re.compile("([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号號]")


def _cjk_numeral_dates(text: str, taken: list[tuple[int, int]]) -> list[_Quantity]:
    """Dates in Chinese numerals, as exact as dates in figures (`_DATE_CJK_RE`)."""
    found = []
    for m in _CJK_NUMERAL_DATE_RE.finditer(text):
        month, day = int(_cjk_value(m.group(1))), int(_cjk_value(m.group(2)))
        if 1 <= month <= 12 and 1 <= day <= 31 and _free(taken, *m.span()):
            found.append(_Quantity(m.group(0), m.span(), frozenset({("d", day, month), ("n", float(day))}), "date",
                                   True))
    return found


# An hour in Chinese or Japanese numerals: "两点半", "三点十五分", "三点钟", "午後二時半". "三点" alone may be
# three points of a plan: a clock only with its minutes, "o'clock" or a part of the day before it.
_CJK_NUMERAL_CLOCK_RE = lazy_re.compile("[点點时時](?:(半)|([一二三四五六七八九十]{1,3})分|(整|钟|鐘))?")


def _cjk_clock(text: str, run: re.Match) -> _Quantity | None:
    """The time of day the numerals `run` and the words around them give, or None."""
    clock = _CJK_NUMERAL_CLOCK_RE.match(text, run.end())
    if clock is None:
        return None
    part = _DAY_PART_BEFORE_RE.search(text, max(0, run.start() - 3), run.start())
    if not (part or clock.group(1) or clock.group(2) or clock.group(3)):
        return None
    hours = int(_cjk_value(run.group(0)))
    minutes = 30 if clock.group(1) else int(_cjk_value(clock.group(2))) if clock.group(2) else 0
    if hours > 24 or minutes > 59:
        return None
    values = {("t", hours, minutes), ("n", float(hours))}
    start = run.start()
    if part:
        name = part.lastgroup
        day_hours = hours + 12 if hours < 12 and (name == "pm" or (name == "night" and hours >= 6)) else \
            0 if hours == 12 and name == "night" else hours
        values |= {("t", day_hours, minutes), ("n", float(day_hours)), ("p", day_hours, minutes)}
        start = part.start()
    return _Quantity(text[start:clock.end()], (start, clock.end()), frozenset(values), "num", False)


def _cjk_numbers(text: str, taken: list[tuple[int, int]]) -> list[_Quantity]:
    """Numbers in Chinese or Japanese numerals. Like spelled-out words they are weak: "一" is an
    ordinary word, so only a value of 2 or more counts, and only a number before a unit of measure
    or money is held against the other side's."""
    found = _cjk_numeral_dates(text, taken)
    taken = taken + [q.span for q in found]
    for m in _CJK_RUN_RE.finditer(text):
        run = m.group(0)
        percent = text[max(0, m.start() - 3):m.start()] == "百分之"  # "百分之八点五": 8.5 per cent
        decimals = _CJK_DECIMALS.match(text, m.end())  # "八点五": 8.5, not 8 and 5
        # "三四" is three or four, "六零" the 60 of "一米六零" (1.60 m): digits side by side are a
        # number only when they spell a year ("一九八四"). "百万分之五" is a fraction, not five.
        if not percent and ((len(run) in (2, 3) and all(ch in _CJK_DIGITS for ch in run)) or "分之" in (
                text[m.start() - 2:m.start()], text[m.end():m.end() + 2])):
            continue
        if m.start() > 0 and text[m.start() - 1] == "点" and _CJK_RUN_RE.fullmatch(text, max(0, m.start() - 2), m.start() - 1):
            continue  # the decimals of the number before, read with it
        clock = None if percent or decimals else _cjk_clock(text, m)
        if clock is not None:
            if _free(taken, *clock.span):
                found.append(clock)
            continue
        if percent or decimals:
            value = _cjk_value(run) + (float("0." + "".join(str(_CJK_DIGITS[ch]) for ch in decimals.group(1)))
                                       if decimals else 0.0)
            end = decimals.end() if decimals else m.end()
            if _free(taken, m.start(), end):
                found.append(_Quantity(text[m.start():end], (m.start(), end), frozenset({("n", value)}), "num", False,
                                       True, "percent" if percent else ""))
            continue
        if m.start() and text[m.start() - 1] in "几幾数數" and (run[0] in _CJK_UNITS or run[0] in _CJK_MYRIADS):
            # "几十公里" is tens of kilometres, "几百" hundreds, "数千" thousands, no ten nor hundred: read
            # so, "几百名工人在30天内" matched the changed "in 100 days" by its "百" (a probe).
            continue
        if text.startswith(("季度", "半期", "半世"), m.end()):
            continue  # "第三季度", "四半期", "四半世紀": a quarter (`_CJK_QUARTER_RE`), not four
        # "十分" and "万分" are "very" and "extremely"; "十分钟" is ten minutes.
        if text[m.end():m.end() + 1] == "分" and text[m.end() + 1:m.end() + 2] != "钟":
            continue
        value = _cjk_value(run)
        half = _CJK_HALF_AFTER.match(text, m.end())
        value += 0.5 if half else 0
        if (value < 2 and not half) or not _free(taken, *m.span()):
            continue
        unit = _CJK_UNIT_RE.match(text, m.end())
        kind = _UNIT_KIND.get(unit.group(0), "") if unit else "hour" if half and (half.group("hour") or half.group("hours")) else ""
        unit = unit or half
        year = len(run) == 4 and all(ch in _CJK_DIGITS for ch in run) and text.startswith("年", m.end())
        found.append(_Quantity(run, m.span(), frozenset({("n", float(value))}), "num", False, bool(unit), kind, year,
                               ordinal=text[max(0, m.start() - 1):m.start()] in _ORDINAL_PREFIX))
    return found


def _after_number(text: str, end: int) -> int:
    """Where the word after a number ending at `end` starts: past spaces and a hyphen ("five-inch")."""
    # French typography puts a narrow no-break space before the unit ("12\u202fkm"): read as no unit,
    # "12 km" against "12 miles" said nothing and "7.5 miles" / "12\u202fkm" was a changed number.
    return end + len(text[end:]) - len(text[end:].lstrip(" -" + _THIN_SPACES))


def _after_words(text: str, end: int, last_word: str) -> int:
    """Where the word after a number in words ending at `end` starts, past an article's elision:
    Italian "un'ora e mezza" (an hour and a half)."""
    start = _after_number(text, end)
    return start + (text[start:start + 1] in "'’" and last_word in _LEADING_ARTICLES)


def _converted_temperature(a: _Quantity, b: _Quantity, unit_a: str, unit_b: str) -> bool:
    """A temperature in Fahrenheit against its Celsius, one side saying only "degrees": "95°F" /
    "35 degrés", "72 degrees" / "22 Grad" are conversions a translator makes, not changed figures."""
    units = {unit_a, unit_b}
    if "degree" not in units or not units <= {"degree", "fahrenheit", "celsius"}:
        return False
    values_a = [x[1] for x in a.values if x[0] == "n"]
    values_b = [x[1] for x in b.values if x[0] == "n"]

    def fits(fahrenheit, celsius) -> bool:
        return any(abs((f - 32) * 5 / 9 - c) <= 1.0 for f, c in itertools.product(fahrenheit, celsius))

    # Only a side that may be Fahrenheit (so written, or bare "degrees") converts into one that may
    # be Celsius: "95 °C" / "36 degrés" is a changed boiling point, not 95 °F converted (a review).
    return ((unit_a != "celsius" and unit_b != "fahrenheit" and fits(values_a, values_b))
            or (unit_b != "celsius" and unit_a != "fahrenheit" and fits(values_b, values_a)))


def _same_measure(a: str, b: str) -> bool:
    """Two kinds of unit one measure is compared in: the same, or "degrees" against either scale
    ("30 degrees" / "35 °C" is a changed temperature; "350 °F" / "180 °C" a conversion)."""
    return a == b or {a, b} in ({"degree", "celsius"}, {"degree", "fahrenheit"})


# A temperature's scale after its figure: "350 °F", "180°C", "40 ℃", "100 degrees Fahrenheit".
_TEMPERATURE_RE = lazy_re.compile(r"[°º˚]\s?([FCfc])(?![^\W\d_])|([℃℉])")
_SCALE_AFTER_DEGREES_RE = lazy_re.compile(r"[\s\u00a0]+([^\W\d_]+)")


# "3 millions de tonnes", "3 millones de toneladas", "3 milioni di tonnellate": a scale word takes
# "de"/"di" before its unit. Read as no unit, "3 million tonnes" against "3 millions de kilogrammes"
# passed as the same fact.
_OF_AFTER_SCALE = lazy_re.compile(r"(?:de|di|da|do)[\s\u00a0]+", re.IGNORECASE)


def _unit_after(text: str, end: int) -> str:
    """The kind of the unit written right after a number ending at `end` ("130 pounds": "pound"), or ""."""
    start = _after_number(text, end)
    if end and text[end - 1].isalpha() and (of := _OF_AFTER_SCALE.match(text, start)):
        start = of.end()
    temperature = _TEMPERATURE_RE.match(text, start)
    if temperature:
        scale = (temperature.group(1) or "").upper() or ("F" if temperature.group(2) == "℉" else "C")
        return "fahrenheit" if scale == "F" else "celsius"
    cjk = _CJK_UNIT_RE.match(text, start)
    if cjk:
        return _UNIT_KIND.get(cjk.group(0), "")
    word = _WORD_RE.match(text, start)
    # "120 m²" is read as "m" is, as "120 m2" was: against "120 km²" the changed unit went unseen.
    unit = word.group(0).rstrip("²³") if word else ""
    kind = (_UNIT_SYMBOLS.get(unit) or _UNIT_KIND.get(unit.lower(), "")) if unit else ""
    if kind == "degree":
        scale = _SCALE_AFTER_DEGREES_RE.match(text, word.end())
        kind = _UNIT_KIND.get(scale.group(1).lower(), kind) if scale else kind
    return kind


def _free(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """The span [a, b) overlaps none of the spans already read."""
    return all(b <= s or a >= e for s, e in taken)


_FIGURE_CHAR = lazy_re.compile(r"[\d" + "".join(_FRACTIONS) + r"]")


# "，" between figures is also a list's comma ("第1，5条": articles 1 and 5): a separator only
# before a group of three digits.
_FULL_WIDTH_SEPARATOR = lazy_re.compile(r"(?<=\d)(?:．(?=\d)|，(?=\d{3}(?!\d)))")


def _on_twelve_hours(text: str, q: _Quantity) -> _Quantity:
    """`q` read on twenty-four hours as well, where a written part of the day follows or (Chinese,
    Japanese, Korean) precedes its hour; `q` itself where none does."""
    if q.cls not in ("num", "time") or not q.strong:
        return q
    clock = sorted((x[1], x[2]) for x in q.values if x[0] == "t" and 1 <= x[1] <= 12)
    if clock:
        hours, minutes = clock[0]
    elif re.fullmatch(r"\d{1,2}", q.text) and 1 <= int(q.text) <= 12:
        hours, minutes = int(q.text), 0
    else:
        return q
    start, end = q.span
    part = None
    after = _day_part_after_re().match(text, end)
    if after and (after.group(1) or clock or not _NEEDS_HOUR_WORD.search(after.group(0))
                  or _CLOCK_PREPOSITION_BEFORE.search(text, max(0, start - 8), start)):
        part, end = after.lastgroup, after.end()
    elif (before := _DAY_PART_BEFORE_RE.search(text, max(0, start - 3), start)) and (
            hour := _CJK_HOUR_RE.match(text, end)):
        part, start, end = before.lastgroup, before.start(), hour.end()
        minutes = int(hour.group(1)) if hour.group(1) and int(hour.group(1)) < 60 else 30 if hour.group(2) else minutes
    if part is None:
        return q
    day_hours = hours + 12 if hours < 12 and (part == "pm" or (part == "night" and hours >= 6)) else \
        0 if hours == 12 and part == "night" else hours
    values = q.values | {("t", hours, minutes), ("t", day_hours, minutes), ("n", float(day_hours)),
                         ("p", day_hours, minutes)}
    return dataclasses.replace(q, text=text[start:end].strip(), span=(start, end), values=frozenset(values))


# Persian types its decimal mark "٫" as a slash between its digits ("۲/۵ درصد", 2.5 percent): read
# as the fraction or the date it is not, a faithful "2.5 percent" was "number 2.5 vs ۲". Not where a
# second slash makes a date ("۱۴۰۲/۱۲/۲۲").
_PERSIAN_SLASH_DECIMAL = lazy_re.compile(r"(?<![/\d])[۰-۹]+/[۰-۹]+(?![/\d])")


# Iran's solar calendar and Ethiopia's, beside a Western date in the other text: "۲۲ اسفند ۱۴۰۲" is
# 12 March 2024, and was "date 12 March vs ۲۲" and "number 2024 vs ۱۴۰۲". Read as the Gregorian
# days and years they can be: a year starts on one of two days (Nowruz, 20 or 21 March; Enkutatash,
# 11 or 12 September), so a date has two readings; a year without its day has those it spans.
# Each: month names, (month, days) the year may start on, the months' lengths, the years it is behind.
_OTHER_CALENDARS = {
    "solar": (["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
               "اسفند"], (3, (20, 21)), [31] * 6 + [30] * 6, 621),
    "ethiopian": (["መስከረም", "ጥቅምት", "ኅዳር", "ታኅሣሥ", "ጥር", "የካቲት", "መጋቢት", "ሚያዝያ", "ግንቦት", "ሰኔ", "ሐምሌ", "ነሐሴ",
                   "ጳጉሜ"], (9, (11, 12)), [30] * 12 + [6], 7),
}
_OTHER_MONTH = {name: (cal, k) for cal, (names, *_) in _OTHER_CALENDARS.items() for k, name in enumerate(names, 1)}
_OTHER_MONTH.update({"امرداد": ("solar", 5), "ህዳር": ("ethiopian", 3), "ታህሳስ": ("ethiopian", 4),
                     "ሃምሌ": ("ethiopian", 11), "ነሃሴ": ("ethiopian", 12), "ጳጉሜን": ("ethiopian", 13)})
_OTHER_MONTH_RE = "|".join(sorted(map(re.escape, _OTHER_MONTH), key=len, reverse=True))


# "۲۲ اسفند ۱۴۰۲", "۲۲ اسفندماه"; "መጋቢት 3 ቀን 2016" (the 3rd of Megabit, 2016)
@lru_cache(maxsize=None)
def _other_date_re() -> re.Pattern:
    return re.compile(
        r"(?<![\d.,])(?P<d1>\d{1,2})\s+(?P<m1>" + _OTHER_MONTH_RE + r")(?:\s?ماه)?(?!\w)"
        r"|(?<![^\W\d_])[በከለ]?(?P<m2>" + _OTHER_MONTH_RE + r")\s+(?P<d2>\d{1,2})(?!\d)(?:\s+ቀን)?"
    )


_OTHER_YEAR_RE = lazy_re.compile(r"[\s,]+(?:سال\s+)?(\d{4})(?!\d)")


def _other_calendar(cal: str, month: int, day: int, year: int | None) -> tuple[set, set]:
    """The Gregorian (day, month) readings of a date of calendar `cal`, and its year's."""
    import datetime
    _, (start_month, start_days), lengths, behind = _OTHER_CALENDARS[cal]
    if day > lengths[month - 1]:
        return set(), set()
    offset = sum(lengths[:month - 1]) + day - 1
    days, years = set(), set()
    for first in start_days:
        for start_year in ([year + behind] if year else [2023, 2024]):
            greg = datetime.date(start_year, start_month, first) + datetime.timedelta(days=offset)
            days.add((greg.day, greg.month))
            years.add(float(greg.year))
    return days, years


def _solar_year(q: _Quantity) -> _Quantity:
    """A Persian year of the solar calendar is 621 or 622 years behind: "۱۴۰۲" is 2023 and 2024 too."""
    years = [v[1] for v in q.values if v[0] == "n" and v[1] == int(v[1]) and 1300 <= v[1] < 1500]
    if q.cls == "num" and q.strong and not q.year and len(q.text) == 4 and len(years) == 1:  # not a date's, read
        return dataclasses.replace(q, values=q.values | {("n", years[0] + 621), ("n", years[0] + 622)}, year=True)
    return q


def _figures(text: str, lang: str = "") -> tuple[str, list[_Quantity], list[tuple[int, int]]]:
    """Quantities written with digits or fraction signs: the text (OCR zeros repaired), the
    quantities and the spans they take."""
    # OCR reads zeros as capital Os ("1OOjährigen"); same-length repair keeps the spans valid.
    text = re.sub(r"(?<=\d)[Oo]+(?=[\dOo]|[^\W\d_]{2}|\b)", lambda m: "0" * len(m.group(0)), text)
    # Full-width separators between digits, as Japanese and Chinese manuals write them: "０．６ MPa"
    # was 0 and 6, "２，０００" 2 and 000 (a false mismatch on every faithful manual).
    text = _FULL_WIDTH_SEPARATOR.sub(lambda m: "." if m.group(0) == "．" else ",", text)
    # ... and a fraction too ("۱/۲ پیمانه", half a cup): a proper fraction keeps that reading as well,
    # or "1/2" against "۱/۲" was "number 1/2 vs ۱/۲".
    slash_fractions = {}
    if "/" in text:
        for m in _PERSIAN_SLASH_DECIMAL.finditer(text):
            numerator, denominator = (int(part) for part in m.group(0).split("/"))
            if 1 <= numerator < denominator <= 16:
                slash_fractions[m.span()] = numerator / denominator
        text = _PERSIAN_SLASH_DECIMAL.sub(lambda m: m.group(0).replace("/", "\u066b"), text)
    quantities: list[_Quantity] = []
    taken: list[tuple[int, int]] = []

    # The years' "19"/"20" are read in any script's digits ("١٢/٠٤/٢٠٢٤"); quoted as written.
    latin_digits = text.translate(_LATIN_DIGITS)
    for regex in (_DATE_NUMERIC_RE, _DATE_ISO_RE):
        for m in regex.finditer(latin_digits):
            if regex is _DATE_ISO_RE:
                year_group, days = 1, [(int(m.group(3)), int(m.group(2)))]
            else:
                year_group, first, second = 4, int(m.group(1)), int(m.group(3))
                # Month first only in English (the United States): "le 03/12/2025" is the 3rd of December,
                # and against "March 12, 2025" it was read as the same date.
                days = [(first, second)] + ([(second, first)] if m.group(2) == "/" and lang not in _DECIMAL_COMMA
                                            else [])
            days = [(day, month) for day, month in days if 1 <= day <= 31 and 1 <= month <= 12]
            if not days:
                continue
            # Quoted whole ("date 05.12.2026 vs December 6"); its year is compared as a figure.
            values = frozenset({("d", day, month) for day, month in days} | {("n", float(days[0][0]))})
            quantities.append(_Quantity(text[m.start():m.end()], m.span(), values, "date", True))
            year = float(m.group(year_group))
            # "25" is 2025 as much as 1925 (against "2025" on the other side), and 25 against "25"
            years = {year} if year >= 100 else {year, 1900 + year, 2000 + year}
            quantities.append(_Quantity(text[m.start(year_group):m.end(year_group)], m.span(year_group),
                                        frozenset(("n", y) for y in years),
                                        "num", True, year=True))
            taken.append(m.span())
    for m in _other_date_re().finditer(text):
        cal, month = _OTHER_MONTH[m.group("m1") or m.group("m2")]
        day = int(m.group("d1") or m.group("d2"))
        year_m = _OTHER_YEAR_RE.match(text, m.end())
        days, years = _other_calendar(cal, month, day, int(year_m.group(1)) if year_m else None)
        if not days or not _free(taken, *m.span()):
            continue
        quantities.append(_Quantity(m.group(0), m.span(), frozenset({("d", *d) for d in days} | {("n", float(day))}
                                                                    | {("n", float(d)) for d, _ in days}), "date", True))
        taken.append(m.span())
        if year_m:
            year = int(year_m.group(1))
            quantities.append(_Quantity(year_m.group(1), year_m.span(1), frozenset({("n", float(year))} | {
                ("n", y) for y in years}), "num", True, year=True))
            taken.append(year_m.span(1))
    for regex, order in ((_date_dm_re(), "dm"), (_date_md_re(), "md"), (_DATE_CJK_RE, "cjk"), (_DATE_VI_RE, "vi")):
        for m in regex.finditer(text):
            day_s, month_s = (m.group(1), m.group(2)) if order in ("dm", "vi") else (m.group(2), m.group(1))
            month = int(month_s) if order in ("cjk", "vi") else _MONTH_NUMBER.get(month_s.lower().rstrip("."))
            day = int(day_s)
            # "mai"/"may"/"mars"/"march" are ordinary words too; with a day next to them they are dates.
            if month is None or not 1 <= day <= 31 or not _free(taken, *m.span()):
                continue
            # "the 21st of March" is a date (read as a bare 21, "le 21 avril" against it passed), but
            # "3 of may..." is none: after "of" only a capitalised month.
            if order == "dm" and month_s[0].islower() and " of" in m.group(0)[:m.start(2) - m.start()].lower():
                continue
            span = m.span()
            if m.group(0).endswith(".") and (len(month_s) > 4 or month_s.lower() in _FULL_MONTH_NAMES):
                # the sentence's full stop ("le 14 mai."), not an abbreviation's ("Oct.")
                span = (span[0], span[1] - 1)
            quantities.append(_Quantity(text[span[0]:span[1]], span, frozenset({("d", day, month), ("n", float(day))}),
                                        "date", True))
            taken.append(m.span())
    for m in _CLOCK_SECONDS_RE.finditer(text):
        hours, minutes, seconds = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if minutes > 59 or seconds > 59 or not _free(taken, *m.span()):
            continue
        quantities.append(_Quantity(m.group(0), m.span(), frozenset({("ts", hours, minutes, seconds)}), "time", True))
        taken.append(m.span())
    for m in _AM_PM_RE.finditer(text):
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        if not 1 <= hours <= 12 or minutes > 59 or not _free(taken, *m.span()):
            continue
        day_hours = hours % 12 + (12 if m.group(3).lower() == "p" else 0)
        # Read as the hour on either clock, so that "3 pm" is "15 heures" and "3 heures" alike, and
        # "5:35 p.m." Hindi's evening "5:35" (a time without a.m. or p.m. is read as written).
        values = frozenset({("t", day_hours, minutes), ("t", hours, minutes), ("n", float(hours)), ("n", float(day_hours)),
                            ("p", day_hours, minutes)})
        span = m.span()
        if m.group(0).endswith("m.") and not m.group(0).endswith(".m."):
            span = (span[0], span[1] - 1)  # "at 7.05 am." ends its sentence; "a.m." keeps its own full stop
        quantities.append(_Quantity(text[span[0]:span[1]], span, values, "time", True))
        taken.append(m.span())
    for m in _DURATION_RE.finditer(text):
        hours, minutes = int(m.group(1)), int(m.group(2))
        if minutes > 59 or not _free(taken, *m.span()):
            continue
        span = (m.start(), m.end() - m.group(0).endswith("."))  # "Min." may be the sentence's full stop
        # In hours, in minutes, and as a clock reads it: "1 h 30" is written so too.
        values = frozenset({("n", hours + minutes / 60), ("n", float(hours * 60 + minutes)), ("t", hours, minutes)})
        quantities.append(_Quantity(text[span[0]:span[1]], span, values, "num", True, unit="hour"))
        taken.append(m.span())
    for m in _COMPOUND_MEASURE_RE.finditer(text):
        whole, unit, part = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        if _free(taken, *m.span()) and int(part) < _SMALLER_UNIT[unit]:
            value = int(whole) + int(part) / _SMALLER_UNIT[unit]
            quantities.append(_Quantity(m.group(0), m.span(), frozenset({("n", float(value))}), "num", True))
            taken.append(m.span())
    for m in _TIME_RE.finditer(text):
        if not _free(taken, *m.span()) or (m.group(2) is None and "uhr" not in m.group(0).lower() and "h" not in m.group(0).lower()):
            continue
        hours, minutes = int(m.group(1)), int(m.group(2) or 0)
        # "3 h" might be three hours as much as three o'clock; only clock readings with minutes are times.
        if hours > 24 or minutes > 59 or (m.group(2) is None and not re.search(r"uhr", m.group(0), re.I)):
            continue
        span = (m.start(), m.start() + len(m.group(0).rstrip()))  # "um 9 Uhr gelangten": quoted "9 Uhr"
        quantities.append(_Quantity(text[span[0]:span[1]], span, frozenset({("t", hours, minutes), ("n", float(hours))}),
                                    "time", True))
        taken.append(m.span())
    for m in _O_CLOCK_RE.finditer(text):
        hours = int(m.group(1))
        if 1 <= hours <= 12 and _free(taken, *m.span()):
            # The afternoon's hour too, unless a part of the day follows and says which (`_on_twelve_hours`);
            # as a count as well, as "8 pm" is 20: "presque 20 heures" may be a span or the hour.
            values = {("t", hours, 0), ("n", float(hours))}
            if hours < 12 and not _day_part_after_re().match(text, m.end()):
                values |= {("t", hours + 12, 0), ("n", float(hours + 12))}
            quantities.append(_Quantity(m.group(0), m.span(), frozenset(values), "num", True))
            taken.append(m.span())
    for m in _CLOCK_HOUR_RE.finditer(text):
        group = 1 if m.group(1) else 2
        span = (m.start(group), m.end())
        if int(m.group(group)) <= 24 and _free(taken, *span):
            hours, minutes = int(m.group(group)), _CLOCK_FRACTION.get((m.group(3) or "").lower(), 0)
            # A number that reads as a time too, as "12.30" does: "après 2 heures" may be two hours.
            quantities.append(_Quantity(text[span[0]:span[1]], span,
                                        frozenset({("t", hours, minutes), ("n", float(hours))}), "num", True))
            taken.append(span)
    for m in itertools.chain(_CJK_CLOCK_RE.finditer(text), _RUSSIAN_CLOCK_RE.finditer(text)):
        span = (m.start(1), m.end())
        hours = int(m.group(1))
        minutes = int(m.group(2)) if m.lastindex and m.lastindex >= 2 and m.group(2) else 0
        if m.lastindex == 3 and m.group(3):
            minutes = 30
        if hours > 24 or minutes > 59 or not _free(taken, *span) or _DAY_PART_BEFORE_RE.search(
                text, max(0, span[0] - 3), span[0]):
            continue
        # A number that reads as a time too: "3点" may be three points of a plan.
        quantities.append(_Quantity(text[span[0]:span[1]], span, frozenset({("t", hours, minutes), ("n", float(hours))}),
                                    "num", True))
        taken.append(span)
    for m in _CJK_QUARTER_RE.finditer(text):
        if m.group(1) and _free(taken, *m.span()):
            quantities.append(_Quantity(m.group(0), m.span(), frozenset({("n", float(m.group(1)))}), "num", True))
            taken.append(m.span())
    for m in _PRICE_RE.finditer(text):
        if _free(taken, *m.span()):
            whole, cents = int(m.group(1)), int(m.group(2))
            values = frozenset({("n", whole + cents / 100), ("n", float(whole))})
            quantities.append(_Quantity(m.group(0), m.span(), values, "num", True))
            taken.append(m.span())
    for m in _FRACTION_RE.finditer(text):
        start = m.start(1) if m.group(1) else m.start(2)
        if not _free(taken, start, m.end()):
            continue
        value = int(m.group(1) or 0) + _FRACTIONS[m.group(2)]
        quantities.append(_Quantity(text[start:m.end()], (start, m.end()), frozenset({("n", value)}), "num", True))
        taken.append((start, m.end()))
    for m in _SLASH_FRACTION_RE.finditer(text):
        numerator, denominator = int(m.group(2)), int(m.group(3))
        if numerator >= denominator or not _free(taken, *m.span()):
            continue
        start = m.start(1) if m.group(1) else m.start(2)
        values = {("n", int(m.group(1) or 0) + numerator / denominator)}
        if numerator > 1 and not m.group(1):
            values.add(("n", float(numerator)))  # "2/3" is "two thirds", "deux tiers"
        quantities.append(_Quantity(text[start:m.end()], (start, m.end()), frozenset(values), "num", True))
        taken.append((start, m.end()))
    for m in _PERIOD_CODE_RE.finditer(text):
        if not _free(taken, *m.span()):
            continue
        if part := m.group(1) or m.group(2):
            quantities.append(_Quantity(m.group(0), m.span(), frozenset({("n", float(part))}), "num", True))
        for group in (3, 4):
            if m.group(group):
                year = float(m.group(group))
                years = {year} if year >= 100 else {2000 + year}
                quantities.append(_Quantity(m.group(0) if group == 3 else m.group(group), m.span(group),
                                            frozenset(("n", y) for y in years), "num", True, year=True))
        taken.append(m.span())
    figures = []
    for m in _num_re().finditer(text):
        raw = m.group(1)
        start, end = m.start(1), m.end(1)
        # A separator at the very end of the figure is punctuation, not part of it.
        while raw and raw[-1] in _SPACE_SEP + "'’.,":
            raw, end = raw[:-1], end - 1
        if _free(taken, start, end):
            figures.append((m, raw, start, end))
    mark = _decimal_mark(lang, [raw for _, raw, _, _ in figures])
    for m, raw, start, end in figures:
        if not _free(taken, start, end):
            continue  # the "5000" of "1万5000", read with the figure before it
        readings = _digit_readings(raw, mark)
        values = {("n", v) for v in readings}
        time = _time_reading(raw)
        if (sign := _minus_before(text, start)) is not None:
            readings = {-v for v in readings}
            values, start, time = {("n", v) for v in readings}, sign, None
        elif _BELOW_ZERO_RE.match(text, end):
            values |= {("n", -v) for v in readings}
        if time:
            values.add(time)
        if sign is None and _is_version(text, raw, start):
            values.add(("v", raw))
        stop = m.end()
        scaled = False
        if (scale := _CURRENCY_SCALE.match(text, stop)) and _currency_code(_CURRENCY_BEFORE_RE.search(text, max(0, start - 5), start)):
            readings = [v * (1e6 if scale.group(1) == "m" else 1e3) for v in readings]
            values, stop, scaled = {("n", v) for v in readings}, scale.end(), True
        while mult := _mult_re().match(text, stop):
            if mult.group(2) == "조" and text[max(0, start - 1):start] == "제":
                break  # "제3조": article 3
            if lang == "fr" and mult.group(1) == "Mio":
                break  # a French mebibyte ("512 Mio de RAM"), where German "3 Mio." is a million
            factors = _scale(mult.group(1).lower(), lang) if mult.group(1) else [_GLUED_MULTIPLIERS[mult.group(2)]]
            readings = [v * f for v in readings for f in factors]
            # The full stop after a whole word ends the sentence; after "Mio." or "mln." it is the word's.
            word_stop = bool(mult.group(1)) and len(mult.group(1)) > 4 and text[mult.end() - 1] == "."
            values, stop, scaled = {("n", v) for v in readings}, mult.end() - word_stop, True
            rest = _CJK_REST.match(text, stop) if mult.group(2) else None
            if rest:
                # "2万5000", "2万5千", "2만 5천": the figure after a Chinese, Japanese or Korean
                # multiplier adds to it (25,000), where it had been read as 2万 and a 5000 of its own.
                added = int(rest.group(1)) * (_GLUED_MULTIPLIERS[rest.group(2)] if rest.group(2) else 1) \
                    * (_GLUED_MULTIPLIERS[rest.group(3)] if rest.group(3) else 1)
                if added < factors[0]:
                    readings = [v + added for v in readings]
                    values, stop = {("n", v) for v in readings}, rest.end()
        if not scaled and (tenths := _TENTHS_RE.match(text, end)):
            # "3割" is 30 % (and "3割5分" 35 %), as Japanese writes a share: against "30%" it was "3 vs 30".
            readings = [v * 10 + int(tenths.group(1) or 0) for v in readings]
            values, stop, scaled = {("n", v) for v in readings}, tenths.end(), True
        years = set()
        if not scaled:
            stop = end
            if sign is None and _half_after_figure(text, end) and all(v == int(v) for v in readings):
                # "2 tasses et demie", "2 and a half hours": 2.5, as "deux heures et demie" is
                values = {("n", v + 0.5) for v in readings}
            years = _years_of_short_figure(text, raw, start, end) if sign is None else set()
            values |= {("n", y) for y in years}
        quantities.append(_Quantity(text[start:stop].strip(), (start, stop), frozenset(values), "num", True,
                                    year=bool(years), ordinal=not scaled and not years and _ranked(
                                        text, raw, m.start(1), m.end(1), m.end(), lang)))
        taken.append((start, stop))
    quantities = [_on_twelve_hours(text, q) for q in quantities]
    if slash_fractions:
        quantities = [dataclasses.replace(q, values=q.values | {("n", slash_fractions[q.span])})
                      if q.span in slash_fractions else q for q in quantities]
    return text, quantities, taken


# What makes a figure a rank in the languages that mark it after the figure: "3e", "1re", "3rd" (read
# with the figure, `_num_re`), "3º", "3ª", "3.º" (Spanish, Portuguese, Italian; not "3ºC"), Greek
# "3η", "3ος", "3ου", Russian "3-й", "3-го", "3-я".
_ORDINAL_AFTER = lazy_re.compile(r"\.?[ºª](?![CFcf](?![^\W\d_]))|(?:ος|ου|ον|ο|ης|ην|η|οι|ων|ες|α)(?![^\W\d_])"
                                 r"|-(?:й|я|е|го|му|м|х|ми|ий|ый|ой|ая|ое|ья|ье|его)(?![^\W\d_])")
_GLUED_SUFFIX = lazy_re.compile(r"[^\W\d_]+")
# Languages that write a rank as the figure and a full stop: "am 3. Tag", "3. května", "3. sırada".
_DOT_ORDINALS = frozenset("de da nb no nn fi cs sk pl hu tr hr sl sr bs et lv is".split())
_DOT_BEFORE_WORD = lazy_re.compile(r"\.[\s\u00a0]+[^\W\d_]")
# ... or at the end of a sentence, where the full stop may be the sentence's: "Sie wurde 4." is a
# rank, "Er zählte bis 4." a count.
_DOT_AT_END = lazy_re.compile(r"\.[\s\u00a0\"'»«“”„)]*$")
# Chinese, Japanese and Korean put it before the figure: "第3", "第三", "제3".
_ORDINAL_PREFIX = ("第", "제")


# A decade: "the 1990s", "the '90s", "die 90er Jahre", "les années 90", "los años 90", "jaren '90",
# "1990-е годы", "90-х"; and a year of two figures after an apostrophe ("in '45").
_DECADE_AFTER = lazy_re.compile(r"(?:s|er|-?е|-?х|-?ых|-?ые)(?![^\W\d_])")
_DECADE_BEFORE = lazy_re.compile(r"(?<![^\W\d_])(?:années|años|anni|anos|jaren|década\s+de|decennio)[\s\u00a0]+['’]?$",
                                 re.IGNORECASE)
_YEAR_APOSTROPHE = lazy_re.compile(r"(?:^|(?<=[\s(\[]))['’]$")


def _years_of_short_figure(text: str, raw: str, start: int, end: int) -> set[float]:
    """The years a decade or an apostrophe's two figures stand for: "90er" is 1990 (or 2090),
    "'45" 1945. Read as 90 and 45, "die 80er Jahre" against "the 1990s" was a count beside a year
    and never compared."""
    if not raw.isdigit() or len(raw) not in (2, 4):
        return set()
    value = int(raw)
    decade = value % 10 == 0 and (_DECADE_AFTER.match(text, end) is not None
                                  or _DECADE_BEFORE.search(text, max(0, start - 14), start) is not None)
    apostrophe = len(raw) == 2 and _YEAR_APOSTROPHE.search(text, max(0, start - 2), start) is not None
    if not (decade or apostrophe):
        return set()
    return {float(value)} if len(raw) == 4 else {1900.0 + value, 2000.0 + value}


def _ranked(text: str, raw: str, start: int, end: int, match_end: int, lang: str) -> bool | None:
    """The figure `raw` at `start`-`end` (its suffix read up to `match_end`) is a rank, not a count;
    None where it may be either. A year before the next sentence ("im Jahre 1938. Im Herbst") is
    none: under a thousand only. German and Dutch "er" after a figure makes no rank ("die 3er-Gruppe")."""
    if match_end > end and _GLUED_SUFFIX.fullmatch(text, end, match_end) and not (
            lang in ("de", "nl") and text[end:match_end].lower() == "er"):
        return True
    if text[max(0, start - 1):start] in _ORDINAL_PREFIX or _ORDINAL_AFTER.match(text, end):
        return True
    # Japanese "3位", Korean "3위": third place ("4位" against "third" was a rank against a count);
    # not Chinese, where "3位" counts three people.
    if lang in ("ja", "ko") and text[end:end + 1] in ("位", "위"):
        return True
    if lang not in _DOT_ORDINALS or not raw.isdigit() or len(raw) > 3:
        return False
    if _DOT_BEFORE_WORD.match(text, end):
        return True
    # "She finished third" against "Sie wurde 4." was a rank against a count, never compared.
    return None if _DOT_AT_END.match(text, end) else False


# "2个半小时", "2時間半", "2年半", "2か月半": and a half in Chinese and Japanese, before or after the unit.
_CJK_HALF_AFTER = lazy_re.compile(r"\s?(?:[个個]半(?:(?P<hour>小时|小時|钟头|鐘頭)|月|天)|(?:(?P<hours>時間|小时|小時)|年|か月|ヶ月|カ月)半)")


def _half_after_figure(text: str, end: int) -> bool:
    """"and a half" right after a figure, or after its unit ("2 heures et demie", "2 tasses et demie",
    "2時間半")."""
    if _HALF_AFTER.match(text, end) or _CJK_HALF_AFTER.match(text, end):
        return True
    unit = _WORD_RE.match(text, _after_number(text, end))
    return bool(unit) and unit.group(0).lower() in _UNIT_KIND and _HALF_AFTER.match(text, unit.end()) is not None


# A version in two parts after the word version or a name: "Python 3.10", "version 1.10". Read as a
# decimal, "3.10" against "3.1" was one figure (where "v1.10" / "v1.1" was a changed code).
_VERSION_FIGURE_RE = lazy_re.compile(r"\d+\.\d+")
_WORD_BEFORE_FIGURE_RE = lazy_re.compile(r"(?<![\w.])([^\W\d_][\w+#]*)[ " + _THIN_SPACES + "]$")
_VERSION_WORDS = frozenset("version versions versión versione versão versie release".split())


def _is_version(text: str, raw: str, start: int) -> bool:
    """The figure `raw` at `start` is a version: two parts after the word version or after a name
    that is no currency (a capital that starts the sentence makes no name: "At 1.50 m")."""
    if not _VERSION_FIGURE_RE.fullmatch(raw):
        return False
    before = _WORD_BEFORE_FIGURE_RE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in _VERSION_WORDS:
        return True
    opening = not text[:before.start()].strip() or text[:before.start()].rstrip()[-1] in ".!?:;"
    return word[0].isupper() and len(word) > 1 and not opening and word.lower() not in _CURRENCY


def extract_numbers(text: str, lang: str) -> list[_Quantity]:
    """Numbers, dates and times in `text`, each with every value it can be read as."""
    # Most sentences hold no figure at all, and the figure patterns are most of the cost.
    written = text
    text, quantities, taken = _figures(text, lang) if _FIGURE_CHAR.search(text) else (text, [], [])
    if text != written:  # figures repaired in place ("1OO", "０．６"): quoted as written
        quantities = [dataclasses.replace(q, text=written[q.span[0]:q.span[1]].strip()) for q in quantities]

    if "%" in text or "{" in text:
        quantities = _outside_placeholders(quantities, text)
    if lang == "th":
        quantities = [_buddhist_year(q) for q in quantities]
    elif lang == "fa":
        quantities = [_solar_year(q) for q in quantities]
    spelled = _spelled_numbers(text, lang, taken)
    if lang in ("zh", "ja"):
        spelled += _cjk_numbers(text, taken)
    if _CENTURY_WORD.search(text):
        spelled += _roman_centuries(text)
    if _ROMAN_HINT.search(text):
        spelled += _roman_numbers(text)
    if _PERIOD_WORD.search(text):
        spelled += _ordinal_periods(text)
    if lang in _NOON:
        spelled += _noon_and_midnight(text, lang)
    for q in spelled:
        if _free(taken, *q.span):
            quantities.append(q)
    quantities.sort(key=lambda q: q.span)
    return quantities


# A printf placeholder of a program's message, its argument's position, width and precision
# included ("%2$s", "%5d", "%.2f"): no number the text states. A Japanese catalogue puts the
# arguments in its own order ("リリース '%2$s' にはパッケージ '%1$s'" for "a package '%s' with
# release '%s'"), and each was "number 2$ (target) is not in the source". Not after a figure, nor
# with a space for its flag: "50%s" and "5% of" are percentages; after a letter, as one placeholder
# after another ("'%5$c%6$c'").
# Objective-C's and Swift's "%@" (an object's description) is one of them.
PRINTF_PLACEHOLDER = lazy_re.compile(r"(?<![\d%])%(?:(\d+)\$)?[-+0#']*(?:\d+|\*)?(?:\.(?:\d+|\*))?((?:hh|ll|[hlLqjzt])?[diouxXeEfFgGaAcsp@])")
# A program's named or numbered placeholders, which no printf reads: Ruby's "%{count}", i18next's
# and Handlebars' "{{count}}", Java's MessageFormat and .NET's "{0}" ("{0,number}", "{0:N2}"), ICU's
# and Python's "{name}". Their digits are no number: "{0}" against "{1}" was "number 0 (source)
# vs 1 (target)", and "%{count}" left out of a Rails string went unseen.
NAMED_PLACEHOLDER = lazy_re.compile(r"%\{(\w+)\}|\{\{\s*([\w.]+)\s*\}\}|\{(\d+)(?:[,:][^{}]*)?\}|\{([A-Za-z_]\w*)\}")


def _outside_placeholders(quantities: list[_Quantity], text: str) -> list[_Quantity]:
    spans = [m.span() for m in PRINTF_PLACEHOLDER.finditer(text)] if "%" in text else []
    spans += [m.span() for m in NAMED_PLACEHOLDER.finditer(text)] if "{" in text else []
    if not spans:
        return quantities
    return [q for q in quantities if not any(start < q.span[1] and q.span[0] < end for start, end in spans)]


# A century in Roman numerals, as French, Spanish, Italian and Portuguese write it ("XVe siècle",
# "siglo XV", "XV secolo"): against "14th century" a changed century went unseen. Only beside the
# word for century: "Louis XIV" and "chapitre IV" stay names and titles.
# The quick test before it is case-sensitive, as `_ROMAN_CENTURY` is: ignoring case, it cost 7 us a
# sentence (0.12 s over the 16,000 sentences of four benchmark corpora).
_CENTURY_WORD = lazy_re.compile(r"siècle|siglo|secolo|século|век")
_ROMAN_CENTURY = lazy_re.compile(r"\b([IVX]{1,5})(?:e|ème|er)?\s+(?:siècle|secolo|век)|(?:siglo|século)\s+([IVX]{1,5})\b")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(numeral: str, highest: int = 21) -> int | None:
    values = [_ROMAN[ch] for ch in numeral]
    total = sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return total if 1 <= total <= highest and _to_roman(total) == numeral else None


def _to_roman(number: int) -> str:
    out = ""
    for value, symbol in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + symbol, number - value
    return out


def _roman_centuries(text: str) -> list[_Quantity]:
    out = []
    for m in _ROMAN_CENTURY.finditer(text):
        group = 1 if m.group(1) else 2
        value = _roman_value(m.group(group))
        if value is not None:
            out.append(_Quantity(m.group(0), m.span(), frozenset({("n", float(value))}), "num", True, ordinal=True))
    return out


# A Roman numeral after a word that numbers a part of a text ("Chapter IV", "Annex II", "Kapitel VI",
# "titre IV"), or of two letters or more after a name ("Louis XIV", "Luis XV"): read as letters,
# "Chapter IV" against "Kapitel VI" and "Louis XIV" against "Louis XV" went unseen. A lone "I" only
# after a capital ("Part I"): "the part I played" is the pronoun.
_NUMBERED_PARTS = frozenset("""article chapter annex appendix schedule title part book volume section chapitre
    annexe titre partie livre tome artikel kapitel anhang anlage titel teil buch band abschnitt artículo capítulo
    anexo título parte libro tomo sección articolo capitolo allegato titolo sezione artigo глава главе главы главу
    статья статье статьи том томе часть части раздел разделе""".split())
# Not glued to a word ("XIV-C") but for a possessive: "Louis XIV's palace" against "Louis XV" went unseen.
_ROMAN_HINT = lazy_re.compile(r"\b[IVXL]+\b(?!-\w|[’'](?!s\b)\w)")
_WORD_BEFORE = lazy_re.compile(r"([^\W\d_]+)[\s\u00a0]+$")


def _roman_numbers(text: str) -> list[_Quantity]:
    """Roman numerals after a name or a part's word, up to LXXXIX, quoted with that word."""
    out = []
    for m in _ROMAN_HINT.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None:
            continue
        word, numeral = before.group(1), m.group(0)
        part = word.lower() in _NUMBERED_PARTS and (numeral != "I" or word[0].isupper())
        name = len(numeral) > 1 and word[0].isupper() and word[1:].islower()
        value = _roman_value(numeral, highest=89) if part or name else None
        if value is not None:
            span = (before.start(1), m.end())
            out.append(_Quantity(text[span[0]:span[1]], span, frozenset({("n", float(value))}), "num", True,
                                 ordinal=None))
    return out


# Noon and midnight by name, times of day as exact as "12 h" and "24 Uhr": "at noon" against "à 13 h"
# was no finding. French "Midi" with a capital is the south. Compared with times only (`cls`).
_NOON = {"en": {"noon": 12, "midday": 12, "midnight": 0}, "fr": {"midi": 12, "minuit": 0},
         "de": {"mitternacht": 0}, "es": {"mediodía": 12, "medianoche": 0},
         "it": {"mezzogiorno": 12, "mezzanotte": 0}, "pt": {"meio-dia": 12, "meia-noite": 0},
         "nl": {"middernacht": 0}, "ru": {"полдень": 12, "полночь": 0}, "el": {"μεσημέρι": 12, "μεσάνυχτα": 0},
         "ja": {"正午": 12}, "zh": {"正午": 12, "午夜": 0}}


@lru_cache(maxsize=None)
def _noon_re(lang: str) -> re.Pattern:
    words = "|".join(sorted(_NOON[lang], key=len, reverse=True))
    if lang in ("ja", "zh"):
        return re.compile("(" + words + ")")
    return re.compile(r"(?<![^\W\d_])(" + words + r")(?![^\W\d_])", re.IGNORECASE)


def _noon_and_midnight(text: str, lang: str) -> list[_Quantity]:
    out = []
    for m in _noon_re(lang).finditer(text):
        word = m.group(0)
        if word == "Midi":
            continue
        hours = _NOON[lang][word.lower()]
        half = _HALF_AFTER.match(text, m.end())  # "midi et demi"
        minutes, end = (30, half.end()) if half else (0, m.end())
        values = {("t", hours, minutes)} | ({("t", 24, minutes)} if hours == 0 else set())
        out.append(_Quantity(text[m.start():end], (m.start(), end), frozenset(values), "time", False))
    return out


def _ordinal_periods(text: str) -> list[_Quantity]:
    """"third quarter", "cuarto trimestre", "第三季度": weak numbers, like words, held against a figure ("Q3")."""
    return [_Quantity(m.group(0), m.span(), frozenset({("n", float(_PERIOD_ORDINALS[m.group(1).lower()]))}), "num",
                      False, ordinal=None) for m in _ORDINAL_PERIOD_RE.finditer(text)] + [
        _Quantity(m.group(0), m.span(), frozenset({("n", float(_CJK_DIGITS[m.group(2)]))}), "num", False, ordinal=None)
        for m in _CJK_QUARTER_RE.finditer(text) if m.group(2)]


def _buddhist_year(q: _Quantity) -> _Quantity:
    """A Thai year is of the Buddhist era, 543 years ahead: "2569" is 2026 as well."""
    if q.cls == "num" and re.fullmatch(r"2[45]\d\d", q.text) and ("n", float(q.text)) in q.values:
        return dataclasses.replace(q, values=q.values | {("n", float(q.text) - 543)})
    return q


# Currencies by their symbols, codes and words in the languages of news text. An amount whose
# figure is kept and whose currency changed ("€1,500" / "1500 Dollar", "410 millones de dólares"
# for "€410 million") was the same number, and said nothing.
_CURRENCY_NAMES = {
    # Ukrainian spells its own: "400 млн євро" against "400 млн доларів" went unseen.
    "EUR": "€ eur euro euros euroyu euroya avro avroyu 欧元 歐元 ユーロ 유로 يورو یورو אירו ευρώ евро євро",
    "USD": "$ us$ usd dollar dollars dólar dólares dollaro dollari доллар доллара долларов доллары долар долара "
           "долари доларів 美元 美金 ドル 달러 "
           "دولار دولارا دولارات دلار דולר דולרים δολάριο δολάρια δολαρίων dolar doları dolara",
    "GBP": "£ gbp pound pounds sterling livre livres pfund sterlina sterline libra libras фунт фунта фунтов 英镑 英鎊 "
           "ポンド 파운드 جنيه استرليني στερλίνες",
    "TRY": "₺ try tl lira liras lirası liralık лира лиры лир λίρες",
    "ILS": "₪ ils nis shekel shekels sheqel שקל שקלים ש״ח ש\"ח",
    "RIAL": "rial rials riyal riyals ريال ريالا ریال ριάλ",
    "JPY": "jpy yen 円 日元 日圓 日幣 엔",
    "¥": "¥ ￥",  # the yen's sign and the yuan's: either (see _SAME_CURRENCY)
    "CNY": "cny yuan renminbi 人民币 人民幣 위안",
    "TWD": "nt$ twd 新台幣 新台币 台幣 台币",
    "HKD": "hk$ hkd 港元 港幣 港币",
    "AUD": "a$ au$ aud", "CAD": "c$ ca$ cad", "SGD": "s$ sgd", "BRL": "r$ brl real reais",
    "CHF": "chf franken franc francs franchi franco francos 瑞士法郎",
    "RUB": "₽ rub rouble roubles ruble rubles рубль рубля рублей рубли руб рублі рублів 卢布",
    "UAH": "₴ uah hryvnia hryvnias гривна гривны гривен гривня гривні гривень грн",
    # A dinar or a dirham of whichever country: "١٬٢٣٤ دينار" against "1 234 euros" was the same amount.
    "DINAR": "dinar dinars dinari dinares динар динара динаров دينار دينارا دنانير",
    "DIRHAM": "dirham dirhams dírham dírhams درهم دراهم درهما",
    "INR": "₹ inr rupee rupees rs रुपये रुपए",
    "KRW": "₩ krw won 韩元 韓元 ウォン 원",
    "PLN": "pln złoty zloty złotych zł",
}
_CURRENCY = {name: code for code, names in _CURRENCY_NAMES.items() for name in names.split()}
_CURRENCY_BEFORE_RE = lazy_re.compile(r"(€|(?:NT|HK|US|AU|CA|[ACSR])?\$|£|¥|₽|₹|₩|[A-Z]{3}|Rs\.?|新台幣|新台币|人民币|人民幣|港幣)\s?$")


def _currency_code(before: re.Match | None) -> str:
    """The currency a `_CURRENCY_BEFORE_RE` match names ("" for none, or for three capitals that are
    no currency's code)."""
    if not before:
        return ""
    written = before.group(1)
    return written if written in _CURRENCY_NAMES else _CURRENCY.get(written.lower().rstrip("."), "")
