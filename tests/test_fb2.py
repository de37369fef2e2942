"""FictionBook (.fb2) e-books in: the book as an e-book reader shows it, paragraph by paragraph, its
description's record as furniture, its pictures no text. The books are FBReader's own help in
English and French (tests/data/fb2/SOURCES.txt)."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from align.documents import load_sentences
from align.readers.fb2 import Fb2Reader
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "fb2"
ROOT = Path(__file__).parent.parent


def _pair(src, tgt) -> dict:
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(src), str(tgt), "-f", "json", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_book_reads_paragraph_by_paragraph_without_its_pictures():
    raw = read_input(str(DATA / "MiniHelp.en.fb2"))
    assert raw.format == "fb2"
    sentences = load_sentences(raw, load_segmenter("auto"))
    text = [s for s in sentences if not s.furniture]
    assert text[0].original == "About FBReader" and text[0].locator == "title"
    assert text[1].original == "About FBReader &FBReaderVersion;"  # the entity its build fills in, as written
    # Inline markup dissolved: "<code>ePub</code>" is the word, the sentence whole.
    assert any(s.original == "FBReader supports several e-book formats: ePub, fb2, chm, rtf, plucker, etc."
               for s in text)
    assert not any("<" in s.original or "base64" in s.original for s in sentences)
    # The pictures' base64 was some 180 lines of "text".
    assert len(sentences) < 40
    assert [s.original for s in sentences if s.furniture] == ["FBReader"]  # the author, from the record
    assert {s.lang for s in text} == {"en"}


def test_a_translated_book_pairs_whole_and_its_pictures_raise_no_finding():
    report = _pair(DATA / "MiniHelp.en.fb2", DATA / "MiniHelp.fr.fb2")
    # Before: 32 "untranslated" findings, the pictures' base64 in both files.
    assert not [f for f in report["findings"] if f["type"] == "untranslated"]
    assert report["target"]["lang"] == "fr"
    for side, key in (("source", "src"), ("target", "tgt")):
        placed = sorted(i for bead in report["beads"] for i in bead[key])
        assert placed == list(range(len(report[side]["sentences"])))


def test_notes_are_read_after_the_book_and_a_zipped_book_is_read_as_the_book(tmp_path):
    book = ("<?xml version='1.0' encoding='windows-1251'?>"
            "<FictionBook xmlns='http://www.gribuser.ru/xml/fictionbook/2.0' xmlns:l='http://www.w3.org/1999/xlink'>"
            "<description><title-info><author><last-name>Чехов</last-name></author><book-title>Дама с собачкой"
            "</book-title><lang>ru</lang></title-info></description><body><section><title><p>I</p></title>"
            "<p>Говорили, что на набережной появилось новое лицо<a l:href='#n1' type='note'>1</a>: дама с собачкой."
            "</p><poem><stanza><v>Первая строка.</v><v>Вторая строка.</v></stanza></poem></section></body>"
            "<body name='notes'><section id='n1'><title><p>1</p></title><p>В Ялте.</p></section></body>"
            "<binary id='c.jpg' content-type='image/jpeg'>/9j/4AAQSkZJRgABAQAAAQABAAD</binary></FictionBook>")
    data = book.encode("cp1251")
    blocks = Fb2Reader().blocks(data, "book.fb2")
    assert [(b.text, b.locator, b.furniture) for b in blocks] == [
        ("Дама с собачкой", "title", False),
        ("I", "chapter 1, paragraph 1", False),
        ("Говорили, что на набережной появилось новое лицо¹: дама с собачкой.", "chapter 1, paragraph 2", False),
        ("Первая строка.", "chapter 1, paragraph 3", False), ("Вторая строка.", "chapter 1, paragraph 4", False),
        ("В Ялте.", "note 1", False),
        ("Чехов", "title-info", True)]
    assert {b.lang for b in blocks if not b.furniture} == {"ru"}
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("chekhov.fb2", data)
    path = tmp_path / "chekhov.fb2.zip"
    path.write_bytes(zipped.getvalue())
    assert [s.original for s in load_sentences(read_input(str(path)), load_segmenter("auto"))][:2] == [
        "Дама с собачкой", "I"]


def test_a_damaged_book_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.fb2"
    path.write_bytes((DATA / "MiniHelp.en.fb2").read_bytes()[:700])
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), str(DATA / "MiniHelp.fr.fb2")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 2 and "FictionBook" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
