"""A page translated but for a few passages, given beside its original, with a text of its own in
the original's language (a translators' note): the passages copied word for word from the original,
standing among the translated ones, are aligned as untranslated; the note is set aside and listed.

tests/data/half_translated: chage(1) and expiry(1) of Debian's shadow-utils 4.13 (`man -l`, 80
columns), in English and in French (manpages-fr), partly left in English; expiry's French page is
given a translators' note in English of eight sentences."""
from __future__ import annotations

import logging

from conftest import ROOT, seed

from align.loading import load_documents

DATA = ROOT / "tests" / "data" / "half_translated"
DESCRIPTION = ["The expiry command checks (-c) the current password expiration and forces (-f) changes when required.",
               "It is callable as a normal user command."]


def _texts(document) -> list[str]:
    return [" ".join(sentence.text.split()) for sentence in document.sentences]


def test_passages_left_in_english_are_aligned_and_a_note_of_its_own_set_aside(caplog):
    # Set aside with the note, the description and the headings left in English were reported left
    # out of the French page: 9 of the original's 24 sentences.
    with caplog.at_level(logging.WARNING, logger="align"):
        english, french = load_documents(str(DATA / "expiry.1.en.txt"), str(DATA / "expiry.1.fr.txt"))
    assert (english.lang, french.lang) == ("en", "fr")
    texts = _texts(french)
    assert all(sentence in texts for sentence in DESCRIPTION + ["The options which apply to the expiry command are:"])
    assert texts.index(DESCRIPTION[0]) < texts.index("Vérifier la durée de validité du mot de passe de l'utilisateur "
                                                     "courant.")
    aside = [" ".join(s.text.split()) for s in french.set_aside]
    assert "Volunteers are always welcome to join the work." in aside
    assert not any(sentence in aside for sentence in DESCRIPTION)
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "copied word for word from that file, each as untranslated" in said


def test_a_translation_before_the_text_is_no_passage_left_untranslated():
    # Seed 000 holds a French reprint, then its English original; beside seed 001, another French
    # reprint, four of its French sentences are 001's word for word. They stand outside the English
    # text: the French half is set aside whole, none of it aligned as English left untranslated.
    english, _french = load_documents(seed("000"), seed("001"))
    assert english.lang == "en"
    assert all(sentence.line >= english.sentences[0].line for sentence in english.sentences)
    assert len(english.sentences) == 17


def test_a_page_mostly_left_in_english_is_said_once_what_it_is_read_as(caplog):
    # chage(1) in French (manpages-fr), 59 of its 74 sentences left in English: besides "read as
    # French with passages left in English", the page was said "the language detector is unsure of
    # its language; read as French", which the first message says better.
    with caplog.at_level(logging.WARNING, logger="align"):
        _english, french = load_documents(str(DATA / "chage.1.en.txt"), str(DATA / "chage.1.fr.txt"))
    said = [r.getMessage() for r in caplog.records]
    assert french.lang == "fr" and not french.set_aside
    assert any("with passages left in English (en)" in message for message in said)
    assert not any("unsure" in message for message in said)
