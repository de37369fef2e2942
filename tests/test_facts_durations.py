"""Spans of time written in hours and minutes, against the same span written another way."""

import pytest

from conftest import figure_mismatches


# A Text+Berg test bead (test0): the hours and minutes of a climb, as each language writes them.
CLIMB_DE = ("Bern-Meiringen-Willigen-Rosen-laui , dann Aufstieg zur Engelhornhütte ( 1901 m ) in 1 Std. 30 Min. , "
            "von der Hütte 40 Min. bis an den Wandfuss des Kingspitz ( Gipfel 2621 m ) Eröffnung :")
CLIMB_FR = ("Berne-Meiringen-Willigen-Ro-senlaui , puis montée à l' Engelhornhütte ( 1901 m ) en 1 h 30. Depuis le "
            "refuge en 40 minutes au pied de la Kingspitz ( sommet à 2621 m ) . Ouverture :")


def test_hours_and_minutes_against_the_same_span_written_h_are_no_mismatch():
    assert figure_mismatches(CLIMB_DE, CLIMB_FR, "de", "fr") == []


def test_hours_and_minutes_against_a_changed_span_written_h_are_a_mismatch():
    changed = CLIMB_FR.replace("en 1 h 30.", "en 2 h 30.")
    assert figure_mismatches(CLIMB_DE, changed, "de", "fr") == ["time 1 Std. 30 Min (source) vs 2 h 30 (target)"]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Der Aufstieg dauert 1 Std. 30 Min.", "The climb takes 90 minutes.", "de", "en"),
    ("Der Aufstieg dauert 1 Std. 30 Min.", "La montée dure 1 h 30 min.", "de", "fr"),
    ("The climb takes 1½ hours.", "Der Aufstieg dauert 1 Std. 30 Min.", "en", "de"),
    ("The climb takes 1.5 hours.", "La montée dure 1 h 30.", "en", "fr"),
    ("The climb takes 90 minutes.", "La montée dure une heure et demie.", "en", "fr"),
    ("La película dura 2 h 15 min.", "The film runs 2 hr 15 min.", "es", "en"),
    ("Поездка длится 1 ч 30 мин.", "The trip takes 1 h 30 min.", "ru", "en"),
    ("移動には1時間30分かかります。", "The trip takes 90 minutes.", "ja", "en"),
    ("旅程需要1小时30分钟。", "The trip takes 1 hour 30 minutes.", "zh", "en"),
    ("Το ταξίδι διαρκεί 1 ώρα και 30 λεπτά.", "The trip takes 1 hour 30 minutes.", "el", "en"),
])
def test_one_span_of_time_written_two_ways_is_no_mismatch(src, tgt, src_lang, tgt_lang):
    assert figure_mismatches(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Der Aufstieg dauert 1 Std. 30 Min.", "The climb takes 80 minutes.", "de", "en"),
    ("Der Aufstieg dauert 1 Std. 30 Min.", "La montée dure 1 h 45.", "de", "fr"),
    ("The climb takes 1.5 hours.", "La montée dure 2 h 30.", "en", "fr"),
    ("The climb takes 90 minutes.", "La montée dure deux heures et demie.", "en", "fr"),
    ("A viagem dura 1 h 30 min.", "The trip takes 100 minutes.", "pt", "en"),
    ("移動には1時間30分かかります。", "The trip takes 80 minutes.", "ja", "en"),
    ("Поездка длится 1 ч 30 мин.", "The trip takes 1 h 50 min.", "ru", "en"),
])
def test_a_changed_span_of_time_written_another_way_is_a_mismatch(src, tgt, src_lang, tgt_lang):
    assert len(figure_mismatches(src, tgt, src_lang, tgt_lang)) == 1


def test_days_against_weeks_in_words_stay_a_span_retold():
    assert figure_mismatches("They stayed three days.", "Ils sont restés deux semaines.", "en", "fr") == []
