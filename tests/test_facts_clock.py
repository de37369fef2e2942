"""Times of day and halves as the probe's languages write them, against the same figure written
another way; the changed ones are found."""

import pytest

from align.audit.facts import extract_numbers
from conftest import figure_mismatches


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
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


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
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


def test_three_points_of_a_plan_in_chinese_are_no_time():
    assert figure_mismatches("He made 3 points at 15:00.", "他在15:00提出了三点。", "en", "zh") == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("In the 1990s the town grew.", "In den 90er Jahren wuchs die Stadt.", "en", "de"),
    ("In the 1990s the town grew.", "En los años 90 la ciudad creció.", "en", "es"),
    ("The war ended in '45.", "La guerre prit fin en 1945.", "en", "fr"),
    ("The shop closes at noon.", "Le magasin ferme à 12 h.", "en", "fr"),
    ("The shop closes at midnight.", "Der Laden schließt um 24 Uhr.", "en", "de"),
    ("They stayed a fortnight.", "Ils restèrent 14 jours.", "en", "fr"),
])
def test_a_decade_a_short_year_noon_or_a_fortnight_against_its_figure_is_no_mismatch(src, tgt, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("In the 1990s the town grew.", "In den 80er Jahren wuchs die Stadt.", "en", "de"),
    ("In the 1990s the town grew.", "En los años 80 la ciudad creció.", "en", "es"),
    ("In the 1990s the town grew.", "В 1980-е годы город вырос.", "en", "ru"),
    ("The war ended in '45.", "La guerre prit fin en 1946.", "en", "fr"),
    ("The shop closes at noon.", "Le magasin ferme à 13 h.", "en", "fr"),
    ("The shop closes at midnight.", "Der Laden schließt um 23 Uhr.", "en", "de"),
])
def test_a_changed_decade_short_year_or_noon_is_a_mismatch(src, tgt, src_lang, tgt_lang):
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


def test_the_south_of_france_is_no_noon():
    assert figure_mismatches("They moved to the south at 13:00.", "Ils partirent dans le Midi à 13 h.", "en", "fr") == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("It takes 2.5 hours.", "2時間半かかる。", "en", "ja"),
    ("It takes 2.5 hours.", "需要2个半小时。", "en", "zh"),
    ("It takes 1.5 hours.", "需要一个半小时。", "en", "zh"),
    ("Er kam um 17 Uhr an.", "He arrived at 5 in the afternoon.", "de", "en"),
])
def test_a_half_in_chinese_or_japanese_and_an_english_part_of_the_day_are_read(src, tgt, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("It takes 2.5 hours.", "3時間半かかる。", "en", "ja"),
    ("It takes 1.5 hours.", "需要两个半小时。", "en", "zh"),
    ("Er kam um 17 Uhr an.", "He arrived at 6 in the afternoon.", "de", "en"),
])
def test_a_changed_half_in_chinese_or_japanese_or_hour_of_the_afternoon_is_found(src, tgt, src_lang, tgt_lang):
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


# Text+Berg dev gold beads, the French hour changed: "A 16 heures" (a capital without its accent) was
# read as a bare 16, and "9 Uhr" was quoted with the space after it.
SUMMIT_DE = "Um 16 Uhr standen sie am Fusse des dritten und letzten grossen Turmes ."
SUMMIT_FR = "A 16 heures , ils sont au pied de la troisième et dernière tour ."


def test_an_hour_after_a_capital_a_without_its_accent_is_a_time():
    assert figure_mismatches(SUMMIT_DE, SUMMIT_FR, "de", "fr") == []
    assert figure_mismatches(SUMMIT_DE, SUMMIT_FR.replace("16", "17"), "de", "fr") == [
        "time 16 Uhr (source) vs 17 heures (target)"]


def test_noon_is_read_in_its_own_language_only():
    assert figure_mismatches("Plug the midi cable in at 13:00.", "Branchez le câble MIDI à 13 h.", "en", "fr") == []
    assert [q.text for q in extract_numbers("a midi keyboard", "en")] == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    # Russian "в 8 вечера" (8 in the evening) after its preposition, without the word for hour.
    ("La réunion commence à 20 heures.", "Встреча начнётся в 8 вечера.", "fr", "ru"),
    ("The meeting starts at 8 pm.", "Встреча начнётся в 8 вечера.", "en", "ru"),
    ("We left at 7 am.", "Мы ушли в 7 утра.", "en", "ru"),
    # "8 o'clock" is on either half of the day, and a time against an approximate "près de 8 heures".
    ("The show starts at 8 o'clock.", "Le spectacle commence à 20 heures.", "en", "fr"),
    ("The show starts at 8 o'clock.", "El espectáculo empieza a las 20 horas.", "en", "es"),
    ("The show starts at 8 o'clock.", "ショーは20時に始まります。", "en", "ja"),
    ("We arrived around 8 o'clock.", "Nous sommes arrivés près de 8 heures.", "en", "fr"),
    ("We arrived around 8 o'clock.", "Nous sommes arrivés vers 8 heures.", "en", "fr"),
    ("We waited nearly 8 hours.", "Nous avons attendu près de 8 heures.", "en", "fr"),
])
def test_an_hour_with_its_part_of_the_day_or_o_clock_is_the_same_time(src, tgt, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("The meeting starts at 8 pm.", "Встреча начнётся в 9 вечера.", "en", "ru"),
    ("The meeting starts at 8 pm.", "Встреча начнётся в 8 утра.", "en", "ru"),
    ("The show starts at 8 o'clock.", "Le spectacle commence à 21 heures.", "en", "fr"),
    ("The show starts at 8 o'clock in the morning.", "Lo spettacolo inizia alle 8 di sera.", "en", "it"),
    ("We arrived around 8 o'clock.", "Nous sommes arrivés près de 9 heures.", "en", "fr"),
    ("We arrived around 8 o'clock.", "Wir kamen gegen 9 Uhr an.", "en", "de"),
])
def test_a_changed_hour_with_its_part_of_the_day_or_o_clock_is_found(src, tgt, src_lang, tgt_lang):
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


def test_o_clock_against_its_hour_on_twenty_four_hours_as_a_count_is_no_mismatch():
    assert figure_mismatches("It was almost 8 o'clock.", "Il était presque 20 heures.", "en", "fr") == []
    assert len(figure_mismatches("It was almost 8 o'clock.", "Il était presque 21 heures.", "en", "fr")) == 1
