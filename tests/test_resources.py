"""A program's strings, one language a file: JSON (as i18next and most web frameworks keep them) and
Android's strings.xml, written by hand after each format's documentation. Read as text (JSON) or
as a web page (Android) before, their braces, quotes, keys and tags were the report's sentences."""
from __future__ import annotations

import json
import subprocess
import sys

from align import align_pair
from align.documents import load_sentences
from align.model import short_where
from align.reading import read_input
from align.segmenters import load_segmenter


def sentences_of(path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


ENGLISH = {"app": {"title": "Storm report",
                   "intro": "The storm reached the coast on Monday. It destroyed 300 houses.",
                   "closed": "Schools stayed closed.", "version": 3, "beta": False},
           "days": ["Monday", "Tuesday"],
           "shelters": "The mayor opened {{count}} shelters."}
FRENCH = {"app": {"title": "Rapport sur la tempête",
                  "intro": "La tempête a atteint la côte lundi. Elle a détruit 300 maisons.",
                  "version": 3, "beta": False},
          "days": ["Lundi", "Mardi"],
          "shelters": "Le maire a ouvert {{count}} abris."}


def test_a_json_file_of_strings_is_read_as_its_values_located_by_their_keys(tmp_path):
    path = tmp_path / "en.json"
    path.write_text(json.dumps(ENGLISH, indent=2), encoding="utf-8")
    sentences = sentences_of(path)
    assert [(s.text, s.where) for s in sentences] == [
        ("Storm report", "key app.title"), ("The storm reached the coast on Monday.", "key app.intro"),
        ("It destroyed 300 houses.", "key app.intro"), ("Schools stayed closed.", "key app.closed"),
        ("Monday", "key days.0"), ("Tuesday", "key days.1"),
        ("The mayor opened {{count}} shelters.", "key shelters")]
    assert short_where(sentences[0]) == "app.title"


def test_a_string_left_out_of_a_json_translation_is_found_by_its_key(tmp_path):
    english, french = tmp_path / "en.json", tmp_path / "fr.json"
    english.write_text(json.dumps(ENGLISH, indent=2), encoding="utf-8")
    french.write_text(json.dumps(FRENCH, ensure_ascii=False), encoding="utf-8")
    result = align_pair(str(english), str(french))
    assert [[result.source.sentences[i].where for i in f.src] for f in result.findings] == [["key app.closed"]]


def test_a_text_that_opens_on_a_brace_is_still_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("{draft} The storm reached the coast on Monday.\nSchools stayed closed.\n", encoding="utf-8")
    assert [s.text for s in sentences_of(path)] == ["{draft} The storm reached the coast on Monday.",
                                                    "Schools stayed closed."]
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "Storm report",', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(broken), str(broken)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 2 and "cannot be read as JSON" in run.stderr and "Traceback" not in run.stderr


ANDROID_EN = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="app_name" translatable="false">StormWatch</string>
    <string name="intro">The storm reached the coast on Monday. It destroyed <b>300</b> houses.</string>
    <string name="quoted">"Don't go out, it\\'s dangerous."</string>
    <string name="welcome">Hello, <xliff:g id="name" example="Anna">%1$s</xliff:g>!\\nStay safe.</string>
    <plurals name="shelters">
        <item quantity="one">The mayor opened %d shelter.</item>
        <item quantity="other">The mayor opened %d shelters.</item>
    </plurals>
    <string-array name="days"><item>Monday</item><item>Tuesday</item></string-array>
</resources>
"""
ANDROID_PL = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="app_name" translatable="false">StormWatch</string>
    <string name="intro">Burza dotarła do wybrzeża w poniedziałek. Zniszczyła <b>300</b> domów.</string>
    <string name="quoted">"Nie wychodź, to niebezpieczne."</string>
    <string name="welcome">Cześć, <xliff:g id="name" example="Anna">%1$s</xliff:g>!\\nUważaj na siebie.</string>
    <plurals name="shelters">
        <item quantity="one">Burmistrz otworzył %d schronisko.</item>
        <item quantity="few">Burmistrz otworzył %d schroniska.</item>
        <item quantity="many">Burmistrz otworzył %d schronisk.</item>
        <item quantity="other">Burmistrz otworzył %d schroniska.</item>
    </plurals>
    <string-array name="days"><item>Poniedziałek</item><item>Wtorek</item></string-array>
</resources>
"""


def test_android_strings_are_read_as_the_app_shows_them(tmp_path):
    path = tmp_path / "strings.xml"
    path.write_text(ANDROID_EN, encoding="utf-8")
    sentences = sentences_of(path)
    assert [(s.text, s.where, s.furniture) for s in sentences] == [
        ("StormWatch", "key app_name", True),
        ("The storm reached the coast on Monday.", "key intro", False),
        ("It destroyed 300 houses.", "key intro", False),
        ("Don't go out, it's dangerous.", "key quoted", False),
        ("Hello, %1$s!", "key welcome", False), ("Stay safe.", "key welcome", False),
        ("The mayor opened %d shelter.", "key shelters.one", False),
        ("The mayor opened %d shelters.", "key shelters.other", False),
        ("Monday", "key days.0", False), ("Tuesday", "key days.1", False)]


def test_a_languages_extra_plural_forms_are_no_content_addition(tmp_path):
    english, polish = tmp_path / "values" / "strings.xml", tmp_path / "values-pl" / "strings.xml"
    english.parent.mkdir()
    polish.parent.mkdir()
    english.write_text(ANDROID_EN, encoding="utf-8")
    polish.write_text(ANDROID_PL, encoding="utf-8")
    result = align_pair(str(english), str(polish))
    assert (result.source.lang, result.target.lang) == ("en", "pl")
    assert not [f for f in result.findings if f.severity == "content"]
