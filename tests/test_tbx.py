"""Term bases in TBX read as a file of versions keyed by entry: two of its languages paired entry by entry.

tests/data/tbx: harbour.tbx, a TBX-Basic glossary in TBX 2 (`<martif>`) in English, French and
German, written after the TBX-Basic specification's examples (synonyms, part-of-speech notes, a
subject field, definitions; German terms without definitions); storm-2019.tbx, the same kind in
ISO 30042:2019's `<tbx>` (conceptEntry, langSec, termSec) in English and Spanish. A third file is
written in the test by translate-toolkit, as its csv2tbx and CAT tools' term bases write them.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_every_sentence_once, blocks_of

DATA = Path(__file__).parent / "data" / "tbx"


def pair(path, *flags):
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(path), *flags, "-f", "json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert_every_sentence_once(report)
    return report, done.stderr


def pairs_of(report):
    src, tgt = report["source"]["sentences"], report["target"]["sentences"]
    return [(" ".join(src[i]["text"] for i in bead["src"]), " ".join(tgt[j]["text"] for j in bead["tgt"]))
            for bead in report["beads"] if bead["src"] and bead["tgt"]]


def test_an_entry_s_terms_and_definition_are_read_per_language_keyed_by_the_entry():
    blocks = [(block.text, block.locator, block.version) for block in blocks_of(DATA / "harbour.tbx")]
    assert ("hurricane; typhoon", "key c1", "en-US") in blocks  # synonyms one text
    assert ("A storm with winds above 118 km/h.", "key c1, definition", "en-US") in blocks
    assert ("Orkan", "key c1", "de-DE") in blocks
    # Codes about a term or an entry, and the header, are no text to translate.
    assert not any(text in ("noun", "weather", "Harbour authority glossary, 2024 edition") for text, _l, _v in blocks)


def test_a_third_language_is_paired_entry_by_entry():
    """Before, read as an XML document, the German column's single words found no partner by
    meaning ("hurricane" / "Orkan"): 0 pairs, every term left out, "unrelated"."""
    report, said = pair(DATA / "harbour.tbx", "--tgt-lang", "de")
    assert ("hurricane; typhoon", "Orkan") in pairs_of(report) and ("breakwater", "Wellenbrecher") in pairs_of(report)
    left_out = {report["source"]["sentences"][i]["text"] for f in report["findings"] if f["type"] == "omission"
                for i in f["src"]}
    assert "high-water mark" in left_out  # the one entry German lacks
    # ... reported as content: a term is no headline, whatever its length (it was editorial, hidden
    # under --min-severity content).
    assert {f["severity"] for f in report["findings"] if f["type"] == "omission"} == {"content"}
    assert "3 languages element by element" in said and "the other one is set aside" in said  # French, said


def test_the_2019_format_is_read_and_a_changed_figure_found():
    report, _said = pair(DATA / "storm-2019.tbx")
    assert report["source"]["lang"] == "en" and report["target"]["lang"] == "es"
    assert ("evacuation order", "orden de evacuación") in pairs_of(report)
    facts = [f for f in report["findings"] if f["type"] == "fact_mismatch"]
    assert len(facts) == 1 and "12" in facts[0]["message"] and "21" in facts[0]["message"]
    left_out = [report["source"]["sentences"][i]["text"] for f in report["findings"] if f["type"] == "omission"
                for i in f["src"]]
    assert left_out == ["emergency shelter"]


def test_a_term_base_written_by_translate_toolkit(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="fr")
    for english, french in [("storm", "tempête"), ("harbour wall", "digue du port"), ("power cut", ""),
                            ("flood warning", "alerte aux crues")]:
        unit = store.addsourceunit(english)
        if french:
            unit.target = french
    path = tmp_path / "glossary.tbx"
    path.write_bytes(bytes(store))
    report, _said = pair(path)
    assert pairs_of(report) == [("storm", "tempête"), ("harbour wall", "digue du port"),
                                ("flood warning", "alerte aux crues")]
    assert [report["source"]["sentences"][i]["text"] for f in report["findings"] if f["type"] == "omission"
            for i in f["src"]] == ["power cut"]


def test_a_damaged_term_base_is_one_line(tmp_path):
    path = tmp_path / "cut.tbx"
    path.write_bytes((DATA / "harbour.tbx").read_bytes()[:900])
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2 and "cannot be read as TBX" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_definition_of_the_concept_outside_its_language_sections_is_read(tmp_path):
    """TBX-Basic lets a definition stand on the entry itself; it was not read at all (the review)."""
    path = tmp_path / "concept.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><martif type="TBX-Basic" xml:lang="en"><text><body>'
        '<termEntry id="c1"><descrip type="definition">A storm with winds above 118 km/h.</descrip>'
        '<langSet xml:lang="en"><tig><term>hurricane</term></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>ouragan</term></tig></langSet></termEntry>'
        '</body></text></martif>', encoding="utf-8")
    blocks = [(block.text, block.locator, block.version) for block in blocks_of(path)]
    assert ("A storm with winds above 118 km/h.", "key c1, definition", "en") in blocks
    assert ("ouragan", "key c1", "fr") in blocks
