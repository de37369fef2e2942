"""Java resource bundles (.properties), read as java.util.Properties and Swing show them. The files
in tests/data/java_properties are excerpts of Sweet Home 3D's bundles as Debian ships them (the
French in ISO-8859-1, the Russian in \\u escapes). Read as plain text before, the keys were words
of the sentences, an entry ran into the next as a wrapped line, and the Russian bundle was
"English" (its escapes read as written): refused as two texts in one language."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from align import align_pair
from align.documents import load_sentences
from align.keyed import catalogue_data
from align.model import Document, Sentence
from align.reading import read_input
from align.readers.properties import PropertiesReader, entries, not_text
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "java_properties"


def sentences_of(path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


def run_align(*args):
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, timeout=300)


def test_entries_are_read_as_java_reads_them():
    text = ("# a comment \\\nnot.continued=yes\n! another comment\n"
            "spaced\\ key = value with \\\n    a continued line\n"
            "colon:value\n   tab\tvalue\nescaped=a\\=b \\u00e9t\\u00e9\\ttab\n"
            "empty=\nlast=ends on a backslash\\")
    assert [(key, value) for key, value, _line in entries(text)] == [
        ("not.continued", "yes"), ("spaced key", "value with a continued line"), ("colon", "value"),
        ("tab", "value"), ("escaped", "a=b été\ttab"), ("empty", ""), ("last", "ends on a backslash")]


def test_a_bundle_is_read_by_its_keys_its_icons_and_key_strokes_as_furniture():
    blocks = PropertiesReader().blocks((DATA / "package.properties").read_text(encoding="latin-1"), "en")
    by_key = {block.locator: block for block in blocks}
    assert by_key["key HomePane.OPEN.Name"].text == "Open..."
    assert not by_key["key HomePane.OPEN.Name"].furniture
    for key in ("HomePane.OPEN.SmallIcon", "HomePane.OPEN.AcceleratorKey", "HomePane.OPEN.AcceleratorKey.Mac OS X",
                "HomePane.OPEN.MnemonicKey", "TextureChoiceComponent.angle45DegreeRadioButton.text",
                "WizardPane.stepIconBackgroundColors"):
        assert by_key[f"key {key}"].furniture, key
    assert by_key["key TextureChoiceComponent.angle45DegreeRadioButton.text"].text == "45°"
    # Swing shows a value that opens on <html> as a page: the tags are not read, a sentence goes on over <br>.
    message = by_key["key BackgroundImageWizardStepsPanel.reduceImageSize.message"]
    assert "<" not in message.text and message.text.startswith("The image you selected is %dx%d pixels.")
    assert message.text.count("\n") == 2 and len(message.run_on_breaks) == 1


def test_a_sentence_goes_on_over_a_swing_line_break_and_an_escaped_one():
    sentences = [(s.text, s.where) for s in sentences_of(DATA / "package.properties")]
    assert ("A large background image might greatly reduce program performances if it's not reduced to a "
            "smaller size.", "key BackgroundImageWizardStepsPanel.reduceImageSize.message") in sentences
    assert ("Visit http://www.sweethome3d.com/importModels.html, to find web sites that offer 3D models.",
            "key ImportedFurnitureWizardStepsPanel.findModelsMessage.text") in sentences


def test_the_escaped_russian_bundle_is_russian():
    sentences = sentences_of(DATA / "package_ru.properties")
    assert ("Новый", "key HomePane.NEW_HOME.Name") in [(s.text, s.where) for s in sentences]
    run = run_align("pair", str(DATA / "package.properties"), str(DATA / "package_ru.properties"), "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "ru")


def test_the_french_bundle_lacks_a_string_its_icons_and_keys_left_to_the_default():
    result = align_pair(str(DATA / "package.properties"), str(DATA / "package_fr.properties"))
    source, target = result.source.sentences, result.target.sentences
    # Every sentence of either file once in the pairs, whatever each became.
    for side, count in (("src", len(source)), ("tgt", len(target))):
        ids = sorted(i for bead in result.beads for i in getattr(bead, side))
        assert ids == list(range(count))
    omitted = [source[i].where for f in result.findings if f.type == "omission" and f.severity == "content" for i in f.src]
    assert "key FurnitureCatalogTree.tooltipCreator" in omitted  # "created by %s": English in the French program
    # The icons, key strokes, mnemonics and colours the French leaves to the default bundle are
    # boilerplate; read as text, they were 6 omissions of content.
    assert not [key for key in omitted if key.endswith(("Icon", "Key", "Mac OS X", "Colors", "mnemonic"))]
    # "Group furniture", its key written after the mnemonic's in the French, is paired by its key:
    # aligned as running text, it was left out and "Grouper le mobilier" paired with a key stroke.
    assert omitted == ["key FurnitureCatalogTree.tooltipCreator"]
    assert not [f for f in result.findings if f.severity == "content" and f.type in ("addition", "moved")]
    assert not [f for f in result.findings if f.type in ("merge", "split", "untranslated")]


def test_a_doubled_apostrophe_is_shown_as_one():
    # Jakarta Servlet's French, shown through MessageFormat with or without an argument.
    text = ("http.method_not_implemented=Le méthode {0} n''est pas définie dans la RFC 2068\n"
            "http.method_get_not_supported=La méthode HTTP GET n''est pas supportée par cette URL\n")
    assert [block.text for block in PropertiesReader().blocks(text, "fr")] == [
        "Le méthode {0} n'est pas définie dans la RFC 2068", "La méthode HTTP GET n'est pas supportée par cette URL"]


def test_what_is_no_text_and_what_is():
    for value in ("resources/actions/document-open.png", ".sh3d", "#0093E9 #80D0C7", "control shift S", "meta typed ,",
                  "DELETE", "E", "%s × %s", "%d°", "true", "eTeks#chest"):
        assert not_text(value), value
    for value in ("Open...", "created by %s", "Page %1$d/%2$d", "VAT %:", "Sweet Home 3D", "Annuler", "是", "Fichier."):
        assert not not_text(value), value


def test_a_broken_escape_is_one_line_and_exit_2(tmp_path):
    broken = tmp_path / "broken_fr.properties"
    broken.write_text("title=Ouvrir\nmessage=Le fichier n\\u00 pas\n", encoding="latin-1")
    run = run_align("pair", str(DATA / "package.properties"), str(broken))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cannot be read as Java properties (line 2:" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_the_table_gives_a_long_key_lines_of_its_own():
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(DATA / "package.properties"),
                          str(DATA / "package_fr.properties"), "--format", "table"], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "COLUMNS": "100"})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # As the margin of its sentence, the key left the text a column two letters wide.
    assert any("HomePane.NEW_HOME.AcceleratorKey.Mac OS X" in line for line in lines)
    row = next(k for k, line in enumerate(lines) if "created by %s" in line)
    assert "FurnitureCatalogTree.tooltipCreator" in lines[row - 1] and "Furniture" not in lines[row]
    assert "The image you selected is %dx%d pixels." in run.stdout


def test_the_web_report_sets_a_long_key_above_its_string(tmp_path):
    out = tmp_path / "report.html"
    run = run_align("pair", str(DATA / "package.properties"), str(DATA / "package_fr.properties"), "-f", "html",
                    "-o", str(out))
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    # As a margin it took the cell's width, the string a column of one word a line beside it.
    assert '<span class="ln long" title="key HomePane.NEW_HOME.ShortDescription">' in page
    assert ".ln.long { flex-basis: 100%" in page


def test_a_furniture_catalogue_leaves_its_data_to_the_default_and_translates_its_names():
    # Sweet Home 3D's furniture catalogue: a piece's id, sizes, model, shape and creator under
    # numbered keys beside its name, tags and category, which alone the French writes.
    result = align_pair(str(DATA / "catalogue.properties"), str(DATA / "catalogue_fr.properties"))
    source, target = result.source.sentences, result.target.sentences
    for side, count in (("src", len(source)), ("tgt", len(target))):
        assert sorted(i for bead in result.beads for i in getattr(bead, side)) == list(range(count))
    omitted = {source[i].where for f in result.findings if f.type == "omission" and f.severity == "content"
               for i in f.src}
    # The creator "eTeks" under every piece and a window's shape ("M0,0 v1 h1 v-1 z") were 8
    # sentences of content left out; the catalogue's own name and description, which the French
    # file leaves in English, still are.
    assert omitted == {"key name", "key description", "key license"}
    boilerplate = {source[i].where.split("#")[0] for f in result.findings if f.severity == "boilerplate" for i in f.src}
    assert {"key creator", "key doorOrWindowCutOutShape"} <= boilerplate
    names = {(source[i].text, target[j].text) for bead in result.beads for i in bead.src for j in bead.tgt
             if source[i].where.startswith("key name#")}
    assert ("Bedside table", "Table de nuit") in names and len(names) == 6


def test_a_field_of_numbered_records_the_translation_never_writes_is_data_if_one_value_or_identifiers():
    def written(entries):
        sentences = [Sentence(id=k, text=text, original=text, line=k + 1, paragraph=k, start=0, end=len(text), lang="en",
                              locator=f"key {key}") for k, (key, text) in enumerate(entries)]
        return Document(path="x", lang="en", encoding="utf-8", sentences=sentences)

    source = written([entry for n, name, tags in ((1, "Chest", "Bedroom, Storage"), (2, "Window", "Adjustable"),
                                                 (3, "Bed", "Double"))
                      for entry in ((f"id#{n}", f"Kator Legaz#piece-{n}"), (f"name#{n}", name), (f"tags#{n}", tags),
                                    (f"creator#{n}", "eTeks"))]
                     + [("days.0", "Sunday"), ("days.1", "Monday"), ("days.2", "Tuesday")])
    target = written([("name#1", "Commode"), ("name#2", "Fenêtre"), ("name#3", "Lit"), ("months.0", "janvier")])
    # The ids and the creator are data; the tags, each piece's own words, and the days (an array,
    # not a catalogue's records) are text the translation lacks.
    assert sorted(source.sentences[i].locator for i in catalogue_data(source, target)) == [
        "key creator#1", "key creator#2", "key creator#3", "key id#1", "key id#2", "key id#3"]
    # A translation that writes no record's field is no catalogue's translation.
    assert catalogue_data(source, written([("title", "Titre")])) == frozenset()
