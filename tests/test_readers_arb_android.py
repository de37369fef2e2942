"""Flutter's ARB files, ICU plural and select messages in JSON, and what Android's strings.xml reader
left: a file in UTF-16, an <array>, references and numbers in arrays.

tests/data/yaml_arb/yubioath_{en,fr}.arb are the first 40 keys of Yubico Authenticator's
lib/l10n/app_{en,fr}.arb (github.com/Yubico/yubioath-flutter, Apache-2.0): its "@_readme" and
"@_lint_rules" notes and "@key" metadata, and the French file's untranslated strings, null, as
the project keeps them. The ICU plurals are written after Flutter's documentation of gen-l10n.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from align import align_pair
from align.reading import read_input
from align.readers.i18n_json import JsonStringsReader, icu_forms

DATA = Path(__file__).parent / "data" / "yaml_arb"
ARB_EN, ARB_FR = DATA / "yubioath_en.arb", DATA / "yubioath_fr.arb"


def blocks_of(path):
    raw = read_input(str(path))
    return [(raw.text[span.start:span.end], span.locator, span.furniture) for span in raw.spans]


# --- Flutter ARB -----------------------------------------------------------------------------

def test_an_arb_files_metadata_is_not_read_as_the_apps_strings():
    blocks = blocks_of(ARB_EN)
    arb = json.loads(ARB_EN.read_text(encoding="utf-8"))
    assert [locator for _text, locator, _furniture in blocks] == [
        f"key {key}" for key, value in arb.items() if not key.startswith("@")]
    texts = [text for text, *_ in blocks]
    assert "Yubico Authenticator" in texts and "Rename {label}?" in texts and "• {item}" in texts
    # The notes for translators and the lint rules were read as the app's text.
    assert not any("Capital letter" in text or text in (".!", "?") for text in texts)
    assert {span.lang for span in read_input(str(ARB_EN)).spans} == {"en"}


def test_an_arb_translations_untranslated_strings_are_found_by_their_keys(tmp_path):
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(ARB_EN), str(ARB_FR), "--format", "json",
                          "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    source = json.loads(ARB_EN.read_text(encoding="utf-8"))
    assert report["summary"]["source_sentences"] == sum(1 for key in source if not key.startswith("@"))
    messages = " ".join(f["message"] for f in report["findings"] if f["type"] == "omission")
    for key in ("s_enable", "s_done", "s_show_menu"):  # null in the French file: not translated
        assert key in messages
    assert not any("Capital letter" in f["message"] or "lint" in f["message"] for f in report["findings"])


ITEMS_EN = {"@@locale": "en", "cartTitle": "Your cart",
            "items": "{count, plural, =0{Your cart is empty.} one{You have # item.} other{You have # items.}}",
            "@items": {"description": "How many items the cart holds", "placeholders": {"count": {"type": "int"}}}}
ITEMS_PL = {"@@locale": "pl", "cartTitle": "Twój koszyk",
            "items": "{count, plural, =0{Twój koszyk jest pusty.} one{Masz # przedmiot.} few{Masz # przedmioty.} "
                     "many{Masz # przedmiotów.} other{Masz # przedmiotu.}}",
            "@items": {"description": "How many items the cart holds"}}


def test_an_icu_plural_is_read_form_by_form_a_form_english_lacks_as_boilerplate(tmp_path):
    english, polish = tmp_path / "app_en.arb", tmp_path / "app_pl.arb"
    english.write_text(json.dumps(ITEMS_EN), encoding="utf-8")
    polish.write_text(json.dumps(ITEMS_PL, ensure_ascii=False), encoding="utf-8")
    assert blocks_of(english) == [
        ("Your cart", "key cartTitle", False), ("Your cart is empty.", "key items.=0", False),
        ("You have {count} item.", "key items.one", False), ("You have {count} items.", "key items.other", False)]
    assert [(locator, furniture) for _text, locator, furniture in blocks_of(polish)] == [
        ("key cartTitle", False), ("key items.=0", False), ("key items.one", False), ("key items.few", True),
        ("key items.many", True), ("key items.other", False)]
    result = align_pair(str(english), str(polish))
    assert (result.source.lang, result.target.lang) == ("en", "pl")
    assert not [f for f in result.findings if f.severity == "content"]


def test_icu_messages_in_plain_json_and_i18next_plural_keys(tmp_path):
    path = tmp_path / "pl.json"
    path.write_text(json.dumps({
        "greeting": "{gender, select, female{She wrote} male{He wrote} other{They wrote}} to {name}.",
        "quoted": "It's '{'literal'}' and {count, plural, one{one} other{many}}",
        "files_one": "{{count}} plik", "files_few": "{{count}} pliki", "files_other": "{{count}} plików",
        "broken": "{count, plural, one{unclosed"}), encoding="utf-8")
    assert blocks_of(path) == [
        ("She wrote to {name}.", "key greeting.female", False), ("He wrote to {name}.", "key greeting.male", False),
        ("They wrote to {name}.", "key greeting.other", False),
        ("It's {literal} and one", "key quoted.one", False), ("It's {literal} and many", "key quoted.other", False),
        ("{{count}} plik", "key files_one", False), ("{{count}} pliki", "key files_few", True),
        ("{{count}} plików", "key files_other", False),
        ("{count, plural, one{unclosed", "key broken", False)]  # no ICU message: read as written


def test_icu_forms_of_nested_and_ordinal_messages():
    assert icu_forms("{n, selectordinal, one{#st} two{#nd} few{#rd} other{#th}}") == [
        ("one", "{n}st", False), ("two", "{n}nd", False), ("few", "{n}rd", False), ("other", "{n}th", False)]
    nested = icu_forms("{g, select, a{{n, plural, one{x} many{y} other{z}}} other{w}}")
    assert nested == [("a.one", "x", False), ("a.many", "y", True), ("a.other", "z", False), ("other", "w", False)]
    assert icu_forms("Hello {name}") is None and icu_forms("{{count}} items") is None
    deep = "{n, plural, other{" * 3000 + "x" + "}}" * 3000
    assert icu_forms(deep) is None  # past Python's stack: read as written, not a traceback
    assert JsonStringsReader().sniff(json.dumps({"a": deep}).encode())


# --- Android ---------------------------------------------------------------------------------

ANDROID = """<?xml version="1.0" encoding="utf-16"?>
<resources>
    <string name="title">Storm report</string>
    <string name="title_alias">@string/title</string>
    <array name="icons"><item>@drawable/sun</item><item>@drawable/rain</item></array>
    <array name="warnings"><item>Stay indoors.</item><item>@string/title</item><item>42</item><item>#FF0000</item>
        <item>16dp</item><item>?attr/colorPrimary</item><item>Roads are closed.</item></array>
    <integer-array name="sizes"><item>1</item><item>2</item></integer-array>
    <string-array name="days"><item>Monday</item><item>@string/today</item></string-array>
</resources>
"""
EXPECTED = [("Storm report", "key title", False), ("Stay indoors.", "key warnings.0", False),
            ("Roads are closed.", "key warnings.6", False), ("Monday", "key days.0", False)]


def test_an_android_file_in_utf16_is_read_as_strings_not_as_text(tmp_path):
    for name, encoded in (("bom16.xml", ANDROID.encode("utf-16")), ("bom32.xml", ANDROID.encode("utf-32")),
                          ("plain16.xml", ANDROID.encode("utf-16-le"))):
        path = tmp_path / name
        path.write_bytes(encoded)
        assert read_input(str(path)).format == "android", name
        assert blocks_of(path) == EXPECTED, name


def test_an_android_array_is_read_its_references_and_numbers_are_not(tmp_path):
    path = tmp_path / "strings.xml"
    path.write_text(ANDROID.replace("utf-16", "utf-8"), encoding="utf-8")
    assert blocks_of(path) == EXPECTED


def test_an_android_file_declaring_an_unknown_encoding_is_one_line_and_exit_2(tmp_path):
    # Found by fuzzing: ElementTree's LookupError was a traceback.
    path = tmp_path / "strings.xml"
    path.write_text('<?xml version="1.0" encoding="utf-1g"?>\n<resources><string name="a">Storm report</string>'
                    "</resources>\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), str(path), "-q"],
                         capture_output=True, text=True, timeout=300)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and "unknown encoding: utf-1g" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_file_named_arb_has_its_notes_left_out_without_a_locale_or_a_keys_metadata(tmp_path):
    path = tmp_path / "intl_messages.arb"
    path.write_text(json.dumps({"@_comment": "Strings of the settings screen, keep them short.",
                                "settingsTitle": "Settings"}), encoding="utf-8")
    assert blocks_of(path) == [("Settings", "key settingsTitle", False)]


def test_a_vue_i18n_plural_is_read_form_by_form_under_its_key(tmp_path):
    # Strings of jellyfin-vue's English and Polish (frontend/locales, GPL-3.0): vue-i18n shows one
    # form of "a | b | c" by the count; read whole, the forms and their pipes were one sentence.
    from conftest import assert_every_sentence_once, json_report_of

    english = {"seconds": "{count} second | {count} seconds", "mediaInfoTitlesAudioCodec": "Audio | Audio {0}",
               "cancel": "Cancel", "literal": "Write {'|'} to part two columns"}
    polish = {"seconds": "{count} sekunda | {count} sekundy | {count} sekund",
              "mediaInfoTitlesAudioCodec": "Dźwięk | Dźwięk {0}", "cancel": "Anuluj",
              "literal": "Wpisz {'|'}, aby rozdzielić dwie kolumny"}
    (tmp_path / "en.json").write_text(json.dumps(english), encoding="utf-8")
    (tmp_path / "pl.json").write_text(json.dumps(polish, ensure_ascii=False), encoding="utf-8")
    report, _stderr = json_report_of(tmp_path / "en.json", tmp_path / "pl.json")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    assert [(s["locator"], s["text"]) for s in source[:2]] == [("key seconds.0", "{count} second"),
                                                                ("key seconds.1", "{count} seconds")]
    assert [s["text"] for s in source if s["locator"] == "key literal"] == ["Write {'|'} to part two columns"]
    pairs = {(source[i]["text"], target[j]["text"]) for bead in report["beads"] for i in bead["src"] for j in bead["tgt"]}
    assert {("{count} second", "{count} sekunda"), ("Audio {0}", "Dźwięk {0}")} <= pairs
    # Polish's third form, which English has none of, is no addition of content.
    assert [s.get("furniture", False) for s in target if s["locator"].startswith("key seconds.")] == [False, False, True]
    assert not [f for f in report["findings"] if f["severity"] == "content"], report["findings"]


def test_a_pipe_in_a_programs_usage_line_or_help_text_parts_no_plural_forms(tmp_path):
    # bash's and dpkg-dev's messages (Debian's French catalogues, GPL): a usage line's alternatives
    # and a help text's pipe are no vue-i18n plural; read as forms, each piece was left out or added.
    english = {"disown": "disown [-h] [-ar] [jobspec ... | pid ...]",
               "dev": "/dev/(tcp|udp)/host/port not supported without networking",
               "usage": "Usage: %s [<option>...] <executable>|-e<executable> [<option>...]",
               "kill": "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]",
               "files": "{count} file | {count} files"}
    path = tmp_path / "en.json"
    path.write_text(json.dumps(english), encoding="utf-8")
    locators = [locator for _text, locator, _furniture in blocks_of(path)]
    assert locators == ["key disown", "key dev", "key usage", "key kill", "key files.0", "key files.1"]


def test_an_angular_files_locale_declares_its_language_and_is_no_string(tmp_path):
    # Kohesio's (the European Commission's) src/locale at 1e057ca, as `ng extract-i18n --format
    # json` writes it: the "locale" was a string of the app ("fr" paired with "en"), and the short
    # strings were read as French and Spanish, the English as a guess.
    english = {"locale": "en", "translations": {
        "home.page.inMyRegion": "IN MY REGION", "home.page.themes": "THEMES", "home.page.exploreMore": "Explore more",
        "plural.project": " {$ICU} ", "8062657964588488336": "{VAR_PLURAL, plural, =1 {project} other {projects}}",
        "country.label.component": "COUNTRY", "common.advancedFilters": "ADVANCED FILTERS"}}
    french = {"locale": "fr", "translations": {
        "home.page.inMyRegion": "DANS MA RÉGION", "home.page.themes": "THÈMES", "home.page.exploreMore": "Explore plus",
        "plural.project": " {$ICU} ", "8062657964588488336": "{VAR_PLURAL, plural, =1 {projet} other {projets}}",
        "country.label.component": "PAYS", "common.advancedFilters": "FILTRES AVANCÉS"}}
    (tmp_path / "messages.json").write_text(json.dumps(english), encoding="utf-8")
    (tmp_path / "messages.fr.json").write_text(json.dumps(french, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(tmp_path / "messages.json"),
                          str(tmp_path / "messages.fr.json"), "--format", "json"], capture_output=True, text=True,
                         timeout=300)
    report, stderr = json.loads(run.stdout), run.stderr
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")
    assert not [s for side in ("source", "target") for s in report[side]["sentences"] if s["locator"] == "key locale"]
    assert "unsure" not in stderr and "Spanish" not in stderr, stderr
    assert not report["findings"]
