"""A Project Gutenberg e-book: the book between the START and END lines is the text; the
distributor's header, the producers' credits and the licence (in English in every language's
e-book) are furniture, listed and never dropped, and raise no content finding."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "gutenberg"
ROOT = Path(__file__).parent.parent


def _sentences(path: Path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


def test_the_book_is_text_its_header_credits_and_licence_furniture():
    sentences = _sentences(DATA / "candide.en.txt")
    lines = (DATA / "candide.en.txt").read_text().split("\n")
    start = next(k for k, line in enumerate(lines, 1) if line.startswith("*** START OF"))
    end = next(k for k, line in enumerate(lines, 1) if line.startswith("*** END OF"))
    credits = next(k for k, line in enumerate(lines, 1) if line.startswith("Produced by"))
    for sentence in sentences:
        assert sentence.furniture == (sentence.line <= start or sentence.line >= end or sentence.line == credits), \
            (sentence.line, sentence.original)
    book = [s for s in sentences if not s.furniture]
    # Each sentence of the book at the line of the file it starts on.
    assert book[0].original == "Candide" and lines[book[0].line - 1] == "Candide"
    for sentence in book:
        assert sentence.original.split()[0] in lines[sentence.line - 1]
    assert any("Updated editions will replace" in s.original for s in sentences)  # the licence kept


def test_a_gutenberg_pair_reports_no_licence_nor_release_date_as_content():
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(DATA / "candide.en.txt"),
                           str(DATA / "candide.es.txt"), "-f", "json", "-q"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    content = [f for f in report["findings"] if f["severity"] == "content"]
    # The licence copied in English and the release dates were 17 "untranslated" and 3 changed facts.
    assert not [f for f in content if f["type"] in ("untranslated", "fact_mismatch")]
    source = report["source"]["sentences"]
    assert [source[i]["text"] for f in content if f["type"] == "omission" for i in f["src"]] == [
        "His face was the true index of his mind."]
    # The English-language licence of the Spanish e-book is no passage set aside in English.
    assert "set_aside" not in report["target"]
    # The licence both files carry word for word is the distributor's, no finding at all.
    assert not [f for f in report["findings"] if f["type"] == "untranslated"]
    for side, key in (("source", "src"), ("target", "tgt")):
        placed = sorted(i for bead in report["beads"] for i in bead[key])
        assert placed == list(range(len(report[side]["sentences"])))


def test_a_text_that_names_project_gutenberg_without_its_markers_is_read_as_it_stands(tmp_path):
    text = tmp_path / "essay.txt"
    text.write_text("Project Gutenberg put thousands of books online.\n\nVolunteers typed them in by hand.\n")
    assert not any(s.furniture for s in _sentences(text))
    # A START line without an END line: the rest of the file is the book.
    book = tmp_path / "book.txt"
    book.write_text("Title: A book\n\n*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nIt was a dark night. "
                    "The rain fell.\n")
    sentences = _sentences(book)
    assert [(s.original, s.furniture, s.line) for s in sentences] == [
        ("Title: A book", True, 1), ("*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***", True, 3),
        ("It was a dark night.", False, 5), ("The rain fell.", False, 5)]


def test_a_file_of_the_1990s_closes_its_header_with_the_small_print(tmp_path):
    book = tmp_path / "old.txt"
    book.write_text("The Project Gutenberg Etext of A Book\n\n**The Project Gutenberg Etext of A Book**\n\n"
                    "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\nIt was a dark night. "
                    "The rain fell.\n\nEnd of the Project Gutenberg Etext of A Book\n")
    sentences = _sentences(book)
    assert [s.original for s in sentences if not s.furniture] == ["It was a dark night.", "The rain fell."]
    assert any("SMALL PRINT" in s.original for s in sentences if s.furniture)


def _html_blocks(tmp_path, html: str):
    path = tmp_path / "book.html"
    path.write_text(html, encoding="utf-8")
    raw = read_input(str(path))
    return [(raw.text[span.start:span.end], span.furniture) for span in raw.spans]


def test_a_gutenberg_web_page_has_its_title_header_and_licence_as_furniture(tmp_path):
    # The page's <title> was read as the book's first sentence; a page of the years before 2020,
    # without the pg-header section, had its whole header and licence read as the book.
    book = ("<h1>CANDIDE</h1>\n<p>In the country of Westphalia lived a youth whom Nature had endowed with a most "
            "sweet disposition.</p>\n")
    modern = ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>The Project Gutenberg eBook of Candide, by Voltaire"
              "</title></head><body>\n<section class=\"pg-boilerplate pgheader\" id=\"pg-header\">\n"
              "<div id=\"pg-start-separator\"><span>*** START OF THE PROJECT GUTENBERG EBOOK CANDIDE ***</span>"
              "</div>\n</section>\n" + book + "</body></html>\n")
    old = ("<!DOCTYPE html>\n<html><head><title>Candide, by Voltaire</title></head><body>\n"
           "<pre>\nThe Project Gutenberg EBook of Candide, by Voltaire\n\nRelease Date: November 27, 2006 "
           "[EBook #19942]\n\n*** START OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***\n</pre>\n" + book +
           "<pre>\nEnd of the Project Gutenberg EBook of Candide, by Voltaire\n</pre>\n"
           "<p>Updated editions will replace the previous one--the old editions will be renamed.</p>\n"
           "</body></html>\n")
    for html in (modern, old):
        blocks = _html_blocks(tmp_path, html)
        assert [text for text, furniture in blocks if not furniture] == [
            "CANDIDE", "In the country of Westphalia lived a youth whom Nature had endowed with a most sweet disposition."]
        assert len(blocks) > 2  # the rest kept, as furniture
    # A page that only names Project Gutenberg keeps its title and text.
    page = "<html><head><title>Reading Project Gutenberg books</title></head><body><p>It has 70,000 books.</p></body></html>"
    assert _html_blocks(tmp_path, page) == [("Reading Project Gutenberg books", False), ("It has 70,000 books.", False)]
