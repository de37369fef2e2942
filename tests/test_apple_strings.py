"""Apple and GNUstep programs' strings (.strings, .stringsdict), read as the program shows them. The
files in tests/data/apple_strings are excerpts of GNUstep programs' Localizable.strings as Debian
ships them: GNUMail's in UTF-16, GNUstep GUI's Japanese in \\u escapes. Read as plain text before,
every key stood in the translation as English words, and both files were "English" (the UTF-16
one decoded, its keys the most of it; the escaped one read as written): refused as two texts in
one language."""
from __future__ import annotations

import json
import plistlib
import subprocess
import sys
from pathlib import Path

from align import align_pair
from align.documents import load_sentences
from align.readers.apple_strings import AppleStringsReader, entries
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "apple_strings"


def sentences_of(path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


def run_align(*args):
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, timeout=300)


def test_entries_are_read_as_apples_reader_reads_them():
    text = ('/* a comment "x" = "y"; */\n// another\n"Cancel" = "Annuler";\nbare_key = bare.value;\n'
            '"quote" = "Il a dit \\"oui\\".\\nPuis il est parti.";\n"Info" = "\\U60c5\\u5831 \\U00e9t\\303\\251";\n'
            '"itself";\n"last" = "no semicolon"')
    assert [(key, value) for key, value, _line in entries(text)] == [
        ("Cancel", "Annuler"), ("bare_key", "bare.value"), ("quote", 'Il a dit "oui".\nPuis il est parti.'),
        ("Info", "情報 ét\u00c3\u00a9"), ("itself", "itself"), ("last", "no semicolon")]


def test_a_utf16_file_is_read_by_its_values_located_by_their_keys():
    sentences = [(s.text, s.where) for s in sentences_of(DATA / "GNUMail_French.strings")]
    assert sentences[:2] == [("Lors d'une réponse à un courriel, ajouter la signature",
                              "key When replying to an E-Mail, add the signature to the"),
                             ("au début", "key beginning")]
    # A message of two lines is two sentences; the keys are no part of the text.
    assert ("Voir Préférences -> Envoi.", "key You must have at least one transport agent defined.\n"
            "See Preferences -> Sending.") in sentences
    assert not [text for text, _where in sentences if "E-Mail" in text]


def test_gnumail_french_against_english_every_message_paired():
    result = align_pair(str(DATA / "GNUMail_English.strings"), str(DATA / "GNUMail_French.strings"))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    for side, count in (("src", len(result.source.sentences)), ("tgt", len(result.target.sentences))):
        assert sorted(i for bead in result.beads for i in getattr(bead, side)) == list(range(count))
    flagged = [f for f in result.findings if f.type in ("omission", "addition", "untranslated") and f.severity == "content"]
    # "Wrap lines at" / "Retour automatique à" ("automatic line return at") is a paraphrase of three
    # words the encoder scores low: at most that one message either side.
    assert sum(len(f.src) for f in flagged) <= 1 and sum(len(f.tgt) for f in flagged) <= 1


def test_the_escaped_japanese_is_japanese_every_message_paired():
    run = run_align("pair", str(DATA / "gnustep-gui_English.strings"), str(DATA / "gnustep-gui_Japanese.strings"),
                    "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "ja")
    target = report["target"]["sentences"]
    assert [s["text"] for s in target][:3] == ["情報", "終了", "キャンセル"]
    assert [(b["src"], b["tgt"]) for b in report["beads"]] == [([k], [k]) for k in range(len(target))]
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition")]
    # A message left in English under its key, though shorter than a sentence the detector reads.
    untranslated = [f for f in report["findings"] if f["type"] == "untranslated"]
    assert [target[j]["locator"] for f in untranslated for j in f["tgt"]] == ["key Could not create data for type."]


def test_a_compiled_binary_property_list_reads_as_the_text_file(tmp_path):
    # An app bundle holds its .strings compiled, as Xcode writes them: a binary property list.
    text = (DATA / "GNUMail_French.strings").read_bytes().decode("utf-16")
    compiled = tmp_path / "Localizable.strings"
    compiled.write_bytes(plistlib.dumps({key: value for key, value, _line in entries(text)}, fmt=plistlib.FMT_BINARY,
                                           sort_keys=False))
    as_text = [(s.text, s.where) for s in sentences_of(DATA / "GNUMail_French.strings")]
    assert [(s.text, s.where) for s in sentences_of(compiled)] == as_text


STRINGSDICT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>%d files selected</key>
    <dict>
        <key>NSStringLocalizedFormatKey</key>
        <string>%#@files@</string>
        <key>files</key>
        <dict>
            <key>NSStringFormatSpecTypeKey</key>
            <string>NSStringPluralRuleType</string>
            <key>NSStringFormatValueTypeKey</key>
            <string>d</string>
            <key>one</key>
            <string>%d plik zaznaczony</string>
            <key>few</key>
            <string>%d pliki zaznaczone</string>
            <key>many</key>
            <string>%d plików zaznaczonych</string>
            <key>other</key>
            <string>%d pliku zaznaczonego</string>
        </dict>
    </dict>
</dict>
</plist>
"""


def test_a_stringsdict_gives_each_plural_form_the_forms_english_lacks_as_furniture(tmp_path):
    # Written after Apple's documentation of the format ("Localizing strings that contain plurals").
    path = tmp_path / "pl.lproj" / "Localizable.stringsdict"
    path.parent.mkdir()
    path.write_text(STRINGSDICT, encoding="utf-8")
    blocks = AppleStringsReader().blocks(path.read_bytes(), str(path))
    assert [(b.text, b.locator, b.furniture) for b in blocks] == [
        ("%d plik zaznaczony", "key %d files selected.files.one", False),
        ("%d pliki zaznaczone", "key %d files selected.files.few", True),
        ("%d plików zaznaczonych", "key %d files selected.files.many", True),
        ("%d pliku zaznaczonego", "key %d files selected.files.other", False)]


def test_a_file_the_program_cannot_read_is_one_line_and_exit_2(tmp_path):
    # GWorkspace's Norwegian, as Debian ships it: an entry without its ";", which stops Apple's
    # and GNUstep's readers, so that the program shows none of the file.
    broken = tmp_path / "Localizable.strings"
    broken.write_text('"New File" = "Ny fil";\n"Duplicate" = "Fordoble";\n"Destroy" = "Slett"\n'
                      '"Empty Recycler" = "Tøm papirkurven";\n', encoding="utf-8")
    run = run_align("pair", str(DATA / "GNUMail_English.strings"), str(broken))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "line 3: the entry of 'Destroy' does not end on ';'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
