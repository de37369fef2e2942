"""Segmentation of scripts and languages the benchmarks do not cover, on a probe's translations of
an English news article (Greek, Thai...)."""

import pytest

from align.segmenters import load_segmenter


def sentences(text, lang):
    return [text[a:b] for a, b in load_segmenter("auto").split(text, lang)]


def test_greek_pm_before_a_capital_ends_the_sentence():
    """"μ.μ." (p.m.) closed a sentence and the next one was read on into it: a faithful Greek
    translation was 13 sentences against 14, and a merge."""
    text = ("Η βιβλιοθήκη είναι ανοιχτή καθημερινά από τις 8 π.μ. έως τις 9 μ.μ. Τα παιδιά κάτω των 14 ετών "
            "μπορούν να δανείζονται έως 10 βιβλία κάθε φορά.")
    assert sentences(text, "el") == [
        "Η βιβλιοθήκη είναι ανοιχτή καθημερινά από τις 8 π.μ. έως τις 9 μ.μ.",
        "Τα παιδιά κάτω των 14 ετών μπορούν να δανείζονται έως 10 βιβλία κάθε φορά."]


def test_greek_bc_before_a_capital_ends_the_sentence_but_not_before_its_day():
    text = "Γεννήθηκε το 356 π.Χ. Ο πατέρας του ήταν ο Φίλιππος. Ξεκινά στις 9 μ.μ. Δευτέρα 5 Μαΐου."
    assert sentences(text, "el") == ["Γεννήθηκε το 356 π.Χ.", "Ο πατέρας του ήταν ο Φίλιππος.",
                                     "Ξεκινά στις 9 μ.μ. Δευτέρα 5 Μαΐου."]


@pytest.mark.parametrize("text, expected", [
    # Thai writes no full stop: "ม.ค." (January) and "ส.ส." (MP) are abbreviations a sentence goes on after.
    ("เมื่อวันที่ 5 ม.ค. ส.ส. พรรคก้าวไกลได้ยื่นญัตติ ประชาชนได้รับผลกระทบกว่า 2,000 ครัวเรือน",
     ["เมื่อวันที่ 5 ม.ค. ส.ส. พรรคก้าวไกลได้ยื่นญัตติ", "ประชาชนได้รับผลกระทบกว่า 2,000 ครัวเรือน"]),
    ("ผู้ว่าฯ กทม. ลงพื้นที่ตรวจน้ำท่วม ประชาชนได้รับผลกระทบ",
     ["ผู้ว่าฯ กทม. ลงพื้นที่ตรวจน้ำท่วม", "ประชาชนได้รับผลกระทบ"]),
    # The clock's "น." ends a clause, except before the "to" of a range (from 8:00 to 21:00).
    ("ห้องสมุดเปิดทุกวันตั้งแต่เวลา 8.00 น. ถึง 21.00 น. เด็กอายุต่ำกว่า 14 ปีสามารถยืมหนังสือได้",
     ["ห้องสมุดเปิดทุกวันตั้งแต่เวลา 8.00 น. ถึง 21.00 น.", "เด็กอายุต่ำกว่า 14 ปีสามารถยืมหนังสือได้"]),
], ids=["month-and-mp", "governor-bangkok", "clock-range"])
def test_a_thai_abbreviation_does_not_end_a_sentence(text, expected):
    """"8.00 น. ถึง 21.00 น." (from 8:00 to 21:00) was cut after the first "น.", as a full stop: a
    faithful Thai translation's sentence was two, and a split."""
    assert sentences(text, "th") == expected
