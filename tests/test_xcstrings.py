"""Xcode string catalogues (.xcstrings), written after Apple's format as Xcode 15 saves it (no
real catalogue is in any package this machine reaches). Read as a JSON file of strings before,
the catalogue's states ("translated", "needs_review"), language codes and comments were
sentences, its languages one text: 8 "left out" of a catalogue that lacks one translation."""
from __future__ import annotations

import json
import subprocess
import sys

from align import align_pair
from align.readers.xcstrings import XcstringsReader


def unit(value, state="translated"):
    return {"stringUnit": {"state": state, "value": value}}


CATALOGUE = {
    "sourceLanguage": "en",
    "strings": {
        "%lld photos selected": {
            "comment": "The count of photos the user picked.",
            "localizations": {
                "en": {"variations": {"plural": {"one": unit("%lld photo selected"),
                                                 "other": unit("%lld photos selected")}}},
                "fr": {"variations": {"plural": {"one": unit("%lld photo sélectionnée"),
                                                 "other": unit("%lld photos sélectionnées")}}},
                "pl": {"variations": {"plural": {"one": unit("%lld zdjęcie wybrane"),
                                                 "few": unit("%lld zdjęcia wybrane"),
                                                 "many": unit("%lld zdjęć wybranych"),
                                                 "other": unit("%lld zdjęcia wybranego")}}}}},
        "Cancel": {"localizations": {"fr": unit("Annuler"), "pl": unit("Anuluj")}},
        "Delete the album and every photo in it?": {"localizations": {
            "fr": unit("Supprimer l'album et toutes ses photos ?", "needs_review"),
            "pl": unit("Usunąć album i wszystkie zdjęcia?")}},
        "welcome_message": {"extractionState": "manual", "localizations": {
            "en": unit("Welcome back! Your photos are safe in the cloud."),
            "fr": unit("Bon retour ! Vos photos sont en sécurité dans le nuage."),
            "pl": unit("Witaj ponownie! Twoje zdjęcia są bezpieczne w chmurze.")}},
        "PhotoVault": {"shouldTranslate": False},
        "Your library is being copied to the new phone.": {"localizations": {
            "pl": unit("Twoja biblioteka jest kopiowana na nowy telefon.")}},
    },
    "version": "1.0",
}


def write(tmp_path, catalogue):
    path = tmp_path / "Localizable.xcstrings"
    path.write_text(json.dumps(catalogue, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_the_catalogue_is_read_in_each_of_its_languages_keyed_by_string():
    blocks = XcstringsReader().blocks(json.dumps(CATALOGUE, ensure_ascii=False).encode(), "Localizable.xcstrings")
    sources = [(b.text, b.locator, b.furniture) for b in blocks if b.version == "en"]
    targets = [(b.text, b.locator, b.furniture) for b in blocks if b.version == "pl"]
    # The source first, then its languages by how many strings each translates: five in Polish, four in French.
    assert list(dict.fromkeys(b.version for b in blocks)) == ["en", "pl", "fr"]
    assert sources == [
        ("%lld photo selected", "key %lld photos selected.one", False),
        ("%lld photos selected", "key %lld photos selected.other", False),
        ("Cancel", "key Cancel", False),  # the key stands for the English where the catalogue holds none
        ("Delete the album and every photo in it?", "key Delete the album and every photo in it?", False),
        ("Welcome back! Your photos are safe in the cloud.", "key welcome_message", False),
        ("PhotoVault", "key PhotoVault", True),
        ("Your library is being copied to the new phone.", "key Your library is being copied to the new phone.",
         False)]
    # The plural forms English has none of are furniture.
    assert [(text, furniture) for text, locator, furniture in targets if "photos selected" in locator] == [
        ("%lld zdjęcie wybrane", False), ("%lld zdjęcia wybrane", True), ("%lld zdjęć wybranych", True),
        ("%lld zdjęcia wybranego", False)]


def test_a_string_the_french_lacks_is_found_left_out_and_nothing_else(tmp_path):
    catalogue = json.loads(json.dumps(CATALOGUE))
    for entry in catalogue["strings"].values():
        entry.get("localizations", {}).pop("pl", None)
    path = write(tmp_path, catalogue)
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    flagged = [(f.type, [result.source.sentences[i].where for i in f.src]) for f in result.findings
               if f.severity == "content"]
    assert flagged == [("omission", ["key Your library is being copied to the new phone."])]


def test_the_languages_left_out_are_named_and_a_broken_catalogue_is_one_line(tmp_path):
    catalogue = json.loads(json.dumps(CATALOGUE))
    catalogue["strings"]["Cancel"]["localizations"]["de"] = unit("Abbrechen")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(write(tmp_path, catalogue)), "-f", "json"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "gives its text in 4 languages" in run.stderr and "the other 2 are set aside" in run.stderr
    assert "needs review\" (audited as they stand where aligned): 1 in fr" in run.stderr
    # --tgt-lang chooses any of them: before, the Polish strings were labelled German.
    result = align_pair(str(write(tmp_path, catalogue)), tgt_lang="de")
    assert [s.text for s in result.target.sentences] == ["Abbrechen"]
    broken = tmp_path / "broken.xcstrings"
    broken.write_text('{"sourceLanguage": "en", "strings": {"Cancel": {', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(broken)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cannot be read as an Xcode string catalogue" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_span_of_keys_is_named_key_to_key():
    from align.model import Sentence, where_span

    def keyed(k, key):
        return Sentence(id=k, text="x", original="x", line=1, paragraph=k, start=0, end=1, lang="en",
                        locator=f"key {key}")

    # Read as a noun and its numbers, it was "key %lld photoss selected.one-selected.other".
    assert where_span([keyed(0, "%lld photos selected.one"), keyed(1, "%lld photos selected.other")]) == \
        "key %lld photos selected.one to key %lld photos selected.other"


def test_a_form_a_translation_writes_none_of_is_no_content_left_out_and_a_damaged_entry_no_traceback(tmp_path):
    """A review: in a catalogue of three languages, `--tgt-lang ja` reported English's "one" form as
    content left out of the Japanese, which writes "other" alone (boilerplate where ja was the only
    translation); and a "localizations" written as a list ended in an AttributeError's traceback."""
    plural = {"variations": {"plural": {"one": unit("%lld photo selected."), "other": unit("%lld photos selected.")}}}
    catalogue = {"sourceLanguage": "en", "strings": {"%lld photos": {"localizations": {
        "en": plural, "ja": {"variations": {"plural": {"other": unit("%lld 枚の写真を選択しました。")}}},
        "de": {"variations": {"plural": {"one": unit("%lld Foto ausgewählt."),
                                         "other": unit("%lld Fotos ausgewählt.")}}}}},
        "Broken": {"localizations": ["fr"]}, "Bare": {"localizations": {"ja": "x", "de": unit("Nackt")}}}}
    blocks = XcstringsReader().blocks(json.dumps(catalogue, ensure_ascii=False).encode(), "Localizable.xcstrings")
    assert [(b.text, b.furniture) for b in blocks if b.version == "en"] == [
        ("%lld photo selected.", True), ("%lld photos selected.", False), ("Broken", False), ("Bare", False)]
    result = align_pair(str(write(tmp_path, catalogue)), tgt_lang="ja")
    assert not [f for f in result.findings if f.severity == "content" and f.type == "omission"
                and any("photo" in result.source.sentences[i].text for i in f.src)]
