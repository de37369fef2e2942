"""Times of day and halves as the probe's languages write them, against the same figure written
another way; the changed ones are found."""

import pytest

from align.audit.facts import compare_facts

FIGURES = {"number", "date", "time", "currency", "unit"}


def _figures(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    return [f.message for f in compare_facts(src, tgt, src_lang, tgt_lang) if f.kind in FIGURES]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Der Zug fährt um 14.30 Uhr ab.", "Το τρένο φεύγει στις 2.30 μ.μ.", "de", "el"),
    ("Der Zug fährt um 14.30 Uhr ab.", "火车下午两点半出发。", "de", "zh"),
    ("The train leaves at 2:30 pm.", "列車は午後二時半に出発します。", "en", "ja"),
    ("Der Zug fährt um 14.30 Uhr ab.", "De trein vertrekt om half drie.", "de", "nl"),
    ("The train leaves at 14:45.", "The train leaves at a quarter to three.", "en", "en"),
    ("Add 2½ cups of flour.", "Ajoutez 2 tasses et demie de farine.", "en", "fr"),
    ("It costs €1.5 million.", "Κοστίζει 1,5 εκατ. ευρώ.", "en", "el"),
])
def test_one_time_or_amount_written_two_ways_is_no_mismatch(src, tgt, src_lang, tgt_lang):
    assert _figures(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Der Zug fährt um 14.30 Uhr ab.", "Το τρένο φεύγει στις 3.30 μ.μ.", "de", "el"),
    ("Der Zug fährt um 14.30 Uhr ab.", "火车下午三点半出发。", "de", "zh"),
    ("The train leaves at 2:30 pm.", "列車は午後三時半に出発します。", "en", "ja"),
    ("Der Zug fährt um 14.30 Uhr ab.", "De trein vertrekt om half vier.", "de", "nl"),
    ("The train leaves at 14:45.", "The train leaves at a quarter past three.", "en", "en"),
    ("Add 2½ cups of flour.", "Ajoutez 3 tasses et demie de farine.", "en", "fr"),
    ("It costs €1.5 million.", "Κοστίζει 2,5 εκατ. ευρώ.", "en", "el"),
    ("Il viaggio dura un'ora e mezza.", "The journey takes two and a half hours.", "it", "en"),
])
def test_a_changed_time_or_amount_written_another_way_is_a_mismatch(src, tgt, src_lang, tgt_lang):
    assert len(_figures(src, tgt, src_lang, tgt_lang)) == 1


def test_three_points_of_a_plan_in_chinese_are_no_time():
    assert _figures("He made 3 points at 15:00.", "他在15:00提出了三点。", "en", "zh") == []
