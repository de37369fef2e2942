"""Word 97-2003 .doc files: read as the .docx reader reads the same document saved the new way.

The files in tests/data/doc: storm_fr.fodt saved by LibreOffice 7.4 as storm_fr.doc and as
storm_fr.docx; report, group_en and shapes_en/fr saved by LibreOffice as .doc from the RTF and
.docx fixtures of the RTF and office-graphics tests, then as .docx from that .doc; three files
written by Word 2016 from oletools' test data (BSD): word2016_clean.doc, word2016_fields.doc and
encrypted.doc (password-protected).
"""
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_every_sentence_once, blocks_of

DATA = Path(__file__).parent / "data" / "doc"


def read(path):
    return [(block.text, block.locator, block.furniture) for block in blocks_of(path)]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", ["storm_fr", "report", "group_en"])
def test_a_doc_reads_as_the_same_document_saved_as_docx(name):
    """Paragraphs and table cells, footnotes and endnotes, a comment after its paragraph, headers
    and footers as furniture, a text box in a group after the paragraph it is anchored in, a
    hyperlink's words without its address, superscript raised, an emoji (two character positions
    in the format) and Japanese as written: the same blocks as the .docx reader gives the same
    document. Before, a .doc was refused: "save it as .docx"."""
    assert read(DATA / f"{name}.doc") == read(DATA / f"{name}.docx")


def test_tracked_deletions_and_hidden_text_are_left_out_and_the_hidden_words_said(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        texts = [text for text, _locator, _furniture in read(DATA / "storm_fr.doc")]
    assert "Le port a rouvert jeudi, selon la capitainerie." in texts
    assert not any("supprimée" in text or "masqué" in text for text in texts)
    assert '3 words of hidden text' in caplog.text and "Texte masqué ici." in caplog.text
    assert "supprimée" not in caplog.text  # a deletion is a change accepted, not hidden text


def test_word_2016_files_read_fields_as_their_results():
    """A field's instruction (DDEAUTO c:\\windows\\system32\\cmd.exe ...) is no text of the page;
    its result ("Fehler! Kein Thema angegeben.") is what Word shows."""
    texts = [text for text, _locator, _furniture in read(DATA / "word2016_fields.doc")]
    assert texts == ["This is a dde test file. The dde auto field is:", "!Unerwartetes Ende des Ausdrucks",
                     "And the non-auto dde is:", "Hope this works.", "Another field:",
                     "Another field, this time with mean unicode chars (üöä)", "Fehler! Kein Thema angegeben.",
                     "End-of-field"]
    clean = read(DATA / "word2016_clean.doc")
    assert clean[0] == ("Test", "paragraph 1", False)
    assert clean[-1][0].endswith("we add some ünicöde-ßtringß and different text sizes, colors and fonts")


def test_an_embedded_chart_is_said_not_read(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        texts = [text for text, _locator, _furniture in read(DATA / "shapes_en.doc")]
    assert "The storm reached the coast on Monday night." in texts
    assert "Volunteers opened the school gym as a shelter." in texts  # a text box
    assert "1 embedded object not read" in caplog.text


def test_two_doc_files_are_paired_end_to_end():
    done = cli("pair", DATA / "shapes_en.doc", DATA / "shapes_fr.doc", "-f", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert_every_sentence_once(report)
    assert report["source"]["lang"] == "en" and report["target"]["lang"] == "fr"
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition") and f.get("severity") != "boilerplate"]
    assert report["summary"]["verdict"] == "translation"


@pytest.mark.parametrize("name, content, says", [
    ("encrypted.doc", (DATA / "encrypted.doc").read_bytes(), "the Word document is password-protected"),
    ("cut.doc", (DATA / "word2016_clean.doc").read_bytes()[:3000], "no Word document can be found"),
    # Its WordDocument stream (the sector after the header) no longer opens with Word's signature.
    ("fib.doc", (DATA / "word2016_clean.doc").read_bytes()[:512] + bytes(32) + (DATA / "word2016_clean.doc").read_bytes()[544:],
     "cannot be read as a Word .doc file (its WordDocument stream does not open"),
    ("zeros.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "no Word document can be found"),
])
def test_a_doc_that_cannot_be_read_is_a_one_line_error(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    done = cli("pair", path, DATA / "shapes_fr.doc", "-q")
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_plain_text_under_a_doc_name_is_read_as_text(tmp_path):
    """Known by its content only: text saved as "report.doc" is read as the text it is."""
    path = tmp_path / "report.doc"
    path.write_text("The storm hit the coast on Tuesday.\n\nThree thousand people lost power.\n", encoding="utf-8")
    from align.reading import read_input

    assert read_input(str(path)).text.split("\n\n")[0] == "The storm hit the coast on Tuesday."
