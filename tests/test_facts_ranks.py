"""A rank ("troisième", "3e", "3rd", "3.", "3º", "3η", "第3") is compared with ranks, not with counts
or measures; and a measure given in two units on both sides, one changed, is found."""

import pytest

from align.audit.facts import extract_numbers
from conftest import figure_mismatches


# A Text+Berg dev gold bead: the French has 19,29 m for 60 feet (18,29 m), and the rank "troisième"
# where the German glues it into "dritthöchste".
HEIGHT_DE = ("Für den Kangchendzönga wurde bisher nur bekannt , dass die alte Höhenzahl von 8579 m um etwa 60 ft . = "
             "18,29 m erhöht werden müsse , womit der dritthöchste Berg der Erde auf etwa 8597 m befördert wird .")
HEIGHT_FR = ("Quant au Kanchenjunga , on savait que l' ancienne cote de 8579 devait être relevée de 60 pieds ( 19,29 m ) "
             ", ce qui donnait environ 8597 m au troisième sommet du globe .")


def test_a_measure_in_two_units_on_both_sides_with_one_changed_is_that_change_not_a_rank():
    assert figure_mismatches(HEIGHT_DE, HEIGHT_FR, "de", "fr") == ["number 18,29 (source) vs 19,29 (target)"]


def test_the_same_measure_in_two_units_on_both_sides_is_no_mismatch():
    assert figure_mismatches(HEIGHT_DE, HEIGHT_FR.replace("19,29", "18,29"), "de", "fr") == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Es ist der vierthöchste Gipfel, 0,5 km höher.", "C'est le quatrième sommet, un demi-kilomètre plus haut.",
     "de", "fr"),
    ("It was the fifth attempt in 2.5 years.", "C'était la cinquième tentative en deux ans et demi.", "en", "fr"),
    ("She finished 3rd, 18.5 points behind.", "Elle a fini troisième, à dix-huit points et demi.", "en", "fr"),
])
def test_a_rank_left_over_is_no_changed_count(src, tgt, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Der 3. Platz ging an Berger.", "La 4e place revint à Berger.", "de", "fr"),
    ("Il est arrivé 3e.", "Llegó 4º.", "fr", "es"),
    ("Il est arrivé 3e.", "Τερμάτισε 4ος.", "fr", "el"),
    ("Il est arrivé 3e.", "Он пришёл 4-м.", "fr", "ru"),
    ("Il est arrivé 3e.", "他获得第4名。", "fr", "zh"),
    ("Au XVIIIe siècle, la ville comptait 3000 habitants.", "In the 19th century the town had 3,000 inhabitants.",
     "fr", "en"),
    ("On the 21st we reached the pass.", "Le 22, nous atteignîmes le col.", "en", "fr"),
])
def test_a_changed_rank_is_found_against_a_rank_or_a_day(src, tgt, src_lang, tgt_lang):
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


@pytest.mark.parametrize("text, lang, ranks", [
    ("Elle finit 3e avec 18,5 points.", "fr", [True, False]),
    ("am 3. Tag, im Jahre 1938. Im Herbst", "de", [True, False]),
    ("el 3º lugar a 3ºC", "es", [True, False]),
    ("le troisième sommet et quatre sommets", "fr", [True, False]),
    ("die vierte Etappe, zweieinhalb Stunden", "de", [True, False]),
    ("Louis XIV", "fr", [None]),
])
def test_what_reads_as_a_rank(text, lang, ranks):
    assert [q.ordinal for q in extract_numbers(text, lang)] == ranks


@pytest.mark.parametrize("src, tgt, changed, src_lang, tgt_lang", [
    ("She finished third.", "Elle a terminé 3e.", "Elle a terminé 4e.", "en", "fr"),
    ("She finished third.", "Terminó en el 3º puesto.", "Terminó en el 4º puesto.", "en", "es"),
    ("She finished third.", "Она финишировала 3-й.", "Она финишировала 4-й.", "en", "ru"),
    ("She finished third.", "彼女は3位でした。", "彼女は4位でした。", "en", "ja"),
    ("Sie wurde Dritte.", "She finished 3rd.", "She finished 4th.", "de", "en"),
    ("Lo logró en el tercer intento.", "Ci riuscì al 3º tentativo.", "Ci riuscì al 4º tentativo.", "es", "it"),
    ("Ему удалось с третьей попытки.", "Er schaffte es beim 3. Versuch.", "Er schaffte es beim 4. Versuch.",
     "ru", "de"),
])
def test_a_rank_in_words_is_compared_with_a_rank_in_figures(src, tgt, changed, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []
    assert len(figure_mismatches(src, changed, src_lang, tgt_lang)) == 1


@pytest.mark.parametrize("text, lang, values", [
    # Tenths ("tres décimas", 0.3), the verb "achten" and a quarter are no ranks.
    ("tres décimas de segundo", "es", [3.0]),
    ("Achten Sie auf die 3 Schalter.", "de", [3.0]),
    ("Nella quarta riga ci sono 3 file.", "it", [3.0]),
])
def test_a_fraction_or_a_verb_is_no_rank(text, lang, values):
    assert [v for q in extract_numbers(text, lang) for tag, v in q.values if tag == "n"] == values
