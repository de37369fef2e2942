"""A metric measure given in another metric unit: the same amount is no mismatch, a changed one is."""

import pytest

from conftest import figure_mismatches


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, changed", [
    ("The path is 3.5 km long.", "Le chemin fait 3500 m.", "en", "fr", "Le chemin fait 4500 m."),
    ("Der Weg ist 800 m lang.", "The path is 0.8 km long.", "de", "en", "The path is 0.9 km long."),
    ("Add 250 ml of milk.", "0,25 l Milch zugeben.", "en", "de", "0,5 l Milch zugeben."),
    ("Es wiegt 1,5 kg.", "It weighs 1500 g.", "de", "en", "It weighs 1800 g."),
    ("The board is 2 m long.", "La planche fait 200 cm.", "en", "fr", "La planche fait 220 cm."),
])
def test_a_metric_measure_in_another_unit_is_compared_by_its_amount(src, tgt, src_lang, tgt_lang, changed):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []
    assert len(figure_mismatches(src, changed, src_lang, tgt_lang)) == 1


# A Text+Berg dev gold bead: the French converts the English inches, rounded ("gut 30 cm" is 305 mm).
FOOTPRINT_DE = ("Der Fuss-eindruck hatte eine Länge von gut 30 cm und eine Breite von 20 cm und war an manchen Stellen "
                "etwa 28 cm tief , wo ich selbst kaum 4 cm einsank .")
FOOTPRINT_FR = ("Celles-ci mesuraient en moyenne 12 pouces ( 305 mm ) de longueur sur 8 ( 203 mm ) de large . En certains "
                "endroits , elles étaient profondes de 28 centimètres , là où moi-même n' enfonçais que de 4 cm à peine .")


def test_a_measure_converted_with_rounding_is_given_and_pairs_with_nothing_else():
    assert figure_mismatches(FOOTPRINT_DE, FOOTPRINT_FR, "de", "fr") == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, changed", [
    ("The ship carried 500 tonnes of grain.", "Das Schiff trug 500 t Getreide.", "en", "de",
     "Das Schiff trug 500 kg Getreide."),
    ("Das Schiff trug 500 t Getreide.", "Судно везло 500 тонн зерна.", "de", "ru", "Судно везло 500 кг зерна."),
    ("Exports reached 2.5 million tonnes.", "Экспорт достиг 2,5 млн т.", "en", "ru", "Экспорт достиг 2,5 млн кг."),
    ("The ship carried 500 t of grain.", "Das Schiff trug 500 Tonnen Getreide.", "en", "de",
     "Das Schiff trug 500 Kilogramm Getreide."),
])
def test_a_ton_by_its_symbol_is_a_ton(src, tgt, src_lang, tgt_lang, changed):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []
    assert len(figure_mismatches(src, changed, src_lang, tgt_lang)) == 1


def test_kilos_in_italian_are_kilograms():
    assert len(figure_mismatches("The ship carried 500 tons.", "La nave trasportava 500 chili.", "en", "it")) == 1
    assert figure_mismatches("It weighs 500 kg.", "Pesa 500 chili.", "en", "it") == []


@pytest.mark.parametrize("tgt, changed, tgt_lang, written", [
    ("La production a atteint 3 millions de tonnes.", "La production a atteint 3 millions de kilogrammes.", "fr",
     "3 millions de kilogrammes"),
    ("La producción alcanzó 3 millones de toneladas.", "La producción alcanzó 3 millones de kilos.", "es",
     "3 millones de kilos"),
    ("La produzione ha raggiunto 3 milioni di tonnellate.", "La produzione ha raggiunto 3 milioni di chili.", "it",
     "3 milioni di chili"),
])
def test_the_unit_after_a_scale_word_and_de_is_read(tgt, changed, tgt_lang, written):
    src = "Output reached 3 million tonnes."
    assert figure_mismatches(src, tgt, "en", tgt_lang) == []
    assert figure_mismatches(src, changed, "en", tgt_lang) == [f"unit 3 million tonnes (source) vs {written} (target)"]


# Japanese "キロ" is a kilometre or a kilogram: read as the other side measures.
@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, changed", [
    ("The ship carried 500 tonnes of grain.", "船は500トンの穀物を運んだ。", "en", "ja", "船は500キロの穀物を運んだ。"),
    ("The ship carried 500 kg of grain.", "船は500キロの穀物を運んだ。", "en", "ja", "船は600キロの穀物を運んだ。"),
    ("He weighs 70 kilograms.", "彼の体重は七十キロだ。", "en", "ja", "彼の体重は八十キロだ。"),
    ("船は500キロの穀物を運んだ。", "The ship carried 500 kg of grain.", "ja", "en", "The ship carried 500 tonnes of grain."),
    ("The road is 500 km long.", "道路は500キロある。", "en", "ja", "道路は600キロある。"),
    ("The road is 500 metres long.", "道路は500メートルある。", "en", "ja", "道路は500キロある。"),
    ("He drove 50 km with 20 kg of luggage.", "彼は20キロの荷物を持って50キロ走った。", "en", "ja",
     "彼は20キロの荷物を持って60キロ走った。"),
])
def test_japanese_kilo_is_read_as_the_other_side_measures(src, tgt, src_lang, tgt_lang, changed):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []
    assert len(figure_mismatches(src, changed, src_lang, tgt_lang)) == 1


# A ton against grams or kilograms is the metric one, converted exactly; English "tons" may be a
# short or a long ton converted too.
@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, changed", [
    ("The truck carries 2,500 kg.", "Le camion transporte 2,5 t.", "en", "fr", "Le camion transporte 3,5 t."),
    ("The truck carries 2.5 tonnes.", "Der Lkw trägt 2500 kg.", "en", "de", "Der Lkw trägt 3500 kg."),
    ("The ship carried 1.5 t of grain.", "Судно везло 1500 кг зерна.", "en", "ru", "Судно везло 1800 кг зерна."),
    ("The ship carried 500 tons of grain.", "Le navire transportait 500 000 kg de céréales.", "en", "fr",
     "Le navire transportait 600 000 kg de céréales."),
    ("The load was 2 tons.", "La charge était de 1 814 kg.", "en", "fr", "La charge était de 3 000 kg."),
])
def test_a_ton_against_kilograms_is_converted(src, tgt, src_lang, tgt_lang, changed):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []
    assert len(figure_mismatches(src, changed, src_lang, tgt_lang)) == 1
