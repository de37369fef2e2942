"""Numbers written in words, as extract_numbers reads them and compare_facts holds them against figures:
the numerals a language's table lacked, and the words that read a number wrongly."""

import pytest

from align.audit.facts import compare_facts, extract_numbers


def _read(text, lang):
    return [(q.text, sorted(v[1] for v in q.values if v[0] == "n")) for q in extract_numbers(text, lang)]


def _found(src, tgt, src_lang, tgt_lang):
    return [(f.kind, f.src_value, f.tgt_value) for f in compare_facts(src, tgt, src_lang, tgt_lang)]


@pytest.mark.parametrize("text, lang, read", [
    ("veintiséis leguas", "es", [("veintiséis", [26.0])]),
    ("veintinueve años", "es", [("veintinueve", [29.0])]),
    ("veintiún días", "es", [("veintiún", [21.0])]),
    ("veinte y quatro horas", "es", [("veinte y quatro", [24.0])]),
    ("nonante-cinq francs", "fr", [("nonante-cinq", [95.0])]),
    ("septante ans", "fr", [("septante", [70.0])]),
    ("zwei Milliarden Menschen", "de", [("zwei Milliarden", [2e9])]),
    ("dois bilhões de reais", "pt", [("dois bilhões", [2e9])]),
    ("два миллиарда рублей", "ru", [("два миллиарда", [2e9])]),
])
def test_a_numeral_the_tables_lacked_is_read(text, lang, read):
    assert _read(text, lang) == read


def test_old_spanish_quatro_mil_is_four_thousand():
    # A gold pair of TransRead's Spanish Candide: "quatro mil" was read as a thousand.
    en = ("He had gone through his discipline twice, and the regiment being composed of 2,000 men, they composed for "
          "him exactly 4,000 strokes, which laid bare all his muscles and nerves from the nape of his neck to his stern.")
    es = ("Componíase el regimiento de dos mil hombres, lo qual hizo justamente quatro mil baquetazos que de la nuca al "
          "trasero le descubriéron músculos y nervios.")
    assert compare_facts(en, es, "en", "es") == []
    assert _found(en, es.replace("quatro mil", "cinco mil"), "en", "es") == [("number", "4,000", "cinco mil")]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("Anduvimos veintiséis leguas.", "We walked thirty leagues.", "es", "en", [("number", "veintiséis", "thirty")]),
    ("Anduvimos veintiséis leguas.", "We walked 26 leagues.", "es", "en", []),
    ("Il paya nonante-cinq francs.", "Er zahlte 96 Franken.", "fr", "de", [("number", "nonante-cinq", "96")]),
    ("Il paya nonante-cinq francs.", "Er zahlte 95 Franken.", "fr", "de", []),
])
def test_a_changed_numeral_the_tables_lacked_is_found(src, tgt, src_lang, tgt_lang, expected):
    assert _found(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("text, lang, read", [
    ("a dozen eggs", "en", [("a dozen", [12.0])]),
    ("two dozen guineas", "en", [("two dozen", [24.0])]),
    ("half a dozen miles", "en", [("a dozen", [6.0])]),
    ("three score and ten years", "en", [("three score and ten", [70.0])]),
    ("dozens of people", "en", []),
    ("une vingtaine de lieues", "fr", [("une vingtaine", [20.0])]),
    ("une demi-douzaine de milles", "fr", [("douzaine", [6.0])]),
    ("zwei Dutzend Eier", "de", [("zwei Dutzend", [24.0])]),
    ("una docena de huevos", "es", [("docena", [12.0])]),
])
def test_a_noun_of_a_group_is_multiplied_by_the_number_before_it(text, lang, read):
    assert _read(text, lang) == read


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("He walked a dozen miles.", "Il marcha douze milles.", "en", "fr", []),
    ("He walked a dozen miles.", "Il marcha treize milles.", "en", "fr", [("number", "a dozen", "treize")]),
    ("They rode two dozen miles.", "Ils firent vingt-quatre milles.", "en", "fr", []),
    ("It was half a dozen miles away.", "C'était à 6 milles.", "en", "fr", []),
    ("Il fit une douzaine de milles.", "He walked 12 miles.", "fr", "en", []),
    ("He lived three score and ten years.", "Il vécut 70 ans.", "en", "fr", []),
])
def test_a_dozen_against_its_figure_is_no_mismatch_and_a_changed_one_is(src, tgt, src_lang, tgt_lang, expected):
    assert _found(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("text, lang, read", [
    ("on his twenty-first birthday", "en", [("twenty-first", [21.0])]),
    ("the one hundred and first day", "en", [("one hundred and first", [101.0])]),
    ("le vingt et unième jour", "fr", [("vingt et unième", [21.0])]),
    ("the twenty-second day", "en", [("twenty-second", [20.0, 22.0])]),
    ("the first two chapters", "en", [("two", [2.0])]),
])
def test_an_ordinal_of_units_after_tens_is_read_with_them(text, lang, read):
    assert _read(text, lang) == read


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("CHAPTER THE TWENTY-FIRST", "CHAPITRE XXI", "en", "fr", []),
    ("on his twenty-first birthday", "à son 21e anniversaire", "en", "fr", []),
    ("le vingt et unième jour", "the 21st day", "fr", "en", []),
    ("on his twenty-first birthday", "à son 22e anniversaire", "en", "fr", [("number", "twenty-first", "22")]),
])
def test_a_compound_ordinal_against_its_figure(src, tgt, src_lang, tgt_lang, expected):
    assert _found(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("text, lang, read", [
    ("a twenty-dollar bill", "en", [("twenty", [20.0])]),
    ("a five-pound note", "en", [("five", [5.0])]),
    ("a twenty-second pause", "en", [("twenty-second", [20.0, 22.0])]),
    ("a hundred men", "en", [("a hundred", [100.0])]),
    ("one and twenty", "en", [("one and twenty", [21.0])]),
    ("un million", "fr", [("un million", [1e6])]),
])
def test_an_article_counts_only_before_a_hundred_or_more(text, lang, read):
    assert _read(text, lang) == read


@pytest.mark.parametrize("src, tgt, expected", [
    ("He had a twenty-dollar bill.", "Il avait un billet de 20 dollars.", []),
    ("They built a forty-foot wall.", "Ils bâtirent un mur de quarante pieds.", []),
    ("He had a five-pound note.", "Il avait un billet de 10 livres.", [("number", "five", "10")]),
])
def test_a_number_after_an_article_against_its_figure(src, tgt, expected):
    assert _found(src, tgt, "en", "fr") == expected


@pytest.mark.parametrize("src, tgt, tgt_lang, expected", [
    ("It was the 21st of March.", "C'était le 21 mars.", "fr", []),
    ("It was the 21st of March.", "C'était le 21 avril.", "fr", [("date", "21st of March", "21 avril")]),
    ("on the 3rd of May, 1808", "el 3 de junio de 1808", "es", [("date", "3rd of May", "3 de junio")]),
    ("Only 3 of may be chosen.", "Seuls 3 d'entre eux peuvent être choisis.", "fr", []),
])
def test_the_day_of_a_month_in_english_is_a_date(src, tgt, tgt_lang, expected):
    assert _found(src, tgt, "en", tgt_lang) == expected


@pytest.mark.parametrize("text", ["几十公里", "几百名工人", "数千名游客", "几十万人"])
def test_tens_or_hundreds_of_in_chinese_are_no_number(text):
    assert extract_numbers(text, "zh") == []


@pytest.mark.parametrize("src, tgt, expected", [
    # "几百" (hundreds of) was read as a hundred and matched the changed "100 days".
    ("几百名工人在30天内建成了大桥。", "Hundreds of workers built the bridge in 100 days.", [("number", "30", "100")]),
    ("几百名工人在30天内建成了大桥。", "Hundreds of workers built the bridge in 30 days.", []),
    # ... and "几十" as ten, said in place of the changed figure.
    ("几十年来，人口增长了10倍。", "For decades the population grew 20 times over.", [("number", "10", "20")]),
])
def test_a_changed_figure_beside_tens_or_hundreds_of_in_chinese_is_found(src, tgt, expected):
    assert _found(src, tgt, "zh", "en") == expected


@pytest.mark.parametrize("src, tgt, tgt_lang, expected", [
    ("It grew by five percent.", "Il a augmenté de six pour cent.", "fr", [("number", "five", "six")]),
    ("It grew by five percent.", "Creció un seis por ciento.", "es", [("number", "five", "seis")]),
    ("It grew by five per cent.", "È cresciuto del sei per cento.", "it", [("number", "five", "sei")]),
    ("It grew by five per cent.", "Il a augmenté de cinq pour cent.", "fr", []),
    ("It grew by five percent.", "Creció un cinco por ciento.", "es", []),
])
def test_a_changed_rate_per_cent_in_words_is_found(src, tgt, tgt_lang, expected):
    assert _found(src, tgt, "en", tgt_lang) == expected


def test_a_number_in_words_is_quoted_without_the_conjunction_after_it():
    assert _read("a las cinco y veinte", "es") == [("cinco", [5.0]), ("veinte", [20.0])]
    assert _found("At 4.30 he left.", "A las cinco y media se fue.", "en", "es") == [("number", "4.30", "cinco y media")]


@pytest.mark.parametrize("text, read", [
    ("in nineteen eighty-four", [("nineteen eighty-four", [1984.0])]),
    ("in nineteen fourteen", [("nineteen fourteen", [1914.0])]),
    ("in fifteen hundred and six", [("fifteen hundred and six", [1506.0])]),
    ("twenty-one guns", [("twenty-one", [21.0])]),
])
def test_a_year_said_in_two_pairs_of_figures_is_that_year(text, read):
    assert _read(text, "en") == read


@pytest.mark.parametrize("src, tgt, expected", [
    ("In nineteen eighty-four he was thirty-six years old.", "En 1984, il avait 36 ans.", []),
    ("In nineteen eighty-four he left.", "En 1985, il partit.", [("number", "nineteen eighty-four", "1985")]),
])
def test_a_year_in_words_against_its_figure(src, tgt, expected):
    assert _found(src, tgt, "en", "fr") == expected


@pytest.mark.parametrize("text, lang, read", [
    ("It took two and a half hours.", "en", [("two and a half", [2.5])]),
    ("It took two hours and a half.", "en", [("two", [2.5])]),
    ("Cela a pris deux heures et demie.", "fr", [("deux", [2.5])]),
    ("Cela a pris une heure et demie.", "fr", [("une", [1.5])]),
    ("Tardó dos horas y media.", "es", [("dos", [2.5])]),
    ("Ci vollero due ore e mezza.", "it", [("due", [2.5])]),
    ("Es dauerte zweieinhalb Stunden.", "de", [("zweieinhalb", [2.5])]),
    ("Es dauerte anderthalb Stunden.", "de", [("anderthalb", [1.5])]),
    ("Het duurde tweeënhalf uur.", "nl", [("tweeënhalf", [2.5])]),
    ("one and a half million people", "en", [("one and a half million", [1500000.0])]),
    ("un million et demi de personnes", "fr", [("un million et demi", [1500000.0])]),
    ("He and a half-brother came.", "en", []),
])
def test_a_half_after_a_number_or_its_unit_is_read(text, lang, read):
    assert _read(text, lang) == read


@pytest.mark.parametrize("src, tgt, tgt_lang, expected", [
    ("It took two and a half hours.", "Cela a pris trois heures et demie.", "fr", [("number", "two and a half", "trois")]),
    ("It took 2.5 hours.", "Es dauerte dreieinhalb Stunden.", "de", [("number", "2.5", "dreieinhalb")]),
    ("They met at 5:30.", "Se vieron a las seis y media.", "es", [("time", "5:30", "seis y media")]),
    # ... and the same figures as written there
    ("It took 2.5 hours.", "Cela a pris deux heures et demie.", "fr", []),
    ("It took 1.5 hours.", "Es dauerte anderthalb Stunden.", "de", []),
    ("They met at 5:30.", "Se vieron a las cinco y media.", "es", []),
    ("About 1.5 million people live there.", "Environ un million et demi de personnes y vivent.", "fr", []),
])
def test_a_changed_half_is_found_and_the_same_one_is_not(src, tgt, tgt_lang, expected):
    assert _found(src, tgt, "en", tgt_lang) == expected
