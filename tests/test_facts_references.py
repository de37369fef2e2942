"""A page or a number written against its abbreviation ("S.83", "p.261-270", "Nr.5"), as Text+Berg's
German does, is read as the figure it is."""

from align.audit.facts import extract_numbers
from conftest import figure_mismatches


def test_a_figure_after_an_abbreviations_full_stop_is_read():
    assert [q.text for q in extract_numbers("( s. « Die Alpen » 1956 , S.83 ) und Nr.5", "de")] == ["1956", "83", "5"]


def test_a_decimal_and_a_figure_after_a_figure_stay_as_they_were():
    assert [q.text for q in extract_numbers("Es kostet 3.50 Fr. und 2.5 kg.", "de")] == ["3.50", "2.5"]


# A Text+Berg dev gold bead: the French cites page 82 where the German cites 83.
DHAULAGIRI_DE = ("Vom Dhaulagiri Himal , diesem mächtigen Kamm mit sechs kotierten Siebentausendern ( s. « Die Alpen » "
                 "1956 , S.83 ) , ist vorläufig noch nichts Neues zu melden .")
DHAULAGIRI_FR = ("Rien de nouveau à signaler au Dhaulagiri Himal , formidable muraille couronnée de six sommets dépassant "
                 "les 7000 m ( voir Les Alpes 1956 , p. 82 ) .")


def test_a_page_cited_otherwise_is_found():
    assert figure_mismatches(DHAULAGIRI_DE, DHAULAGIRI_FR, "de", "fr") == ["number 83 (source) vs 82 (target)"]


def test_a_range_of_pages_changed_is_found():
    src = "Literatur : Guido Magnone : La Tour de Mustagh . « La Montagne » , oct. 1956 , p.261-270 ."
    assert figure_mismatches(src, "Voir La Montagne , octobre 1956 , p. 261-270 .", "de", "fr") == []
    assert figure_mismatches(src, "Voir La Montagne , octobre 1956 , p. 262-270 .", "de", "fr") == [
        "number 261 (source) vs 262 (target)"]
