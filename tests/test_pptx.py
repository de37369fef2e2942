"""PowerPoint slide decks (.pptx) in: each slide's shapes, tables and speaker notes in order, located by
the slide. The decks are written by python-pptx, as PowerPoint's own files are laid out."""
from __future__ import annotations

import io
import logging
import struct
import subprocess
import sys
import zlib

from pptx import Presentation
from pptx.util import Inches

from align import align_pair
from align.documents import load_sentences
from align.model import short_where
from align.reading import read_input
from align.segmenters import load_segmenter


def _png() -> bytes:
    """A 1x1 picture, for a shape with alternative text."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def deck(path, slides):
    """`slides`: (title, bullets, notes, table rows, picture's alternative text, hidden) each."""
    presentation = Presentation()
    for title, bullets, notes, rows, alt, hidden in slides:
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        for k, bullet in enumerate(bullets):
            paragraph = body.paragraphs[0] if k == 0 else body.add_paragraph()
            paragraph.text = bullet  # a "\v" is a line break inside the paragraph (Shift+Enter)
        if rows:
            table = slide.shapes.add_table(len(rows), len(rows[0]), Inches(1), Inches(5), Inches(6), Inches(1)).table
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        if alt:
            picture = slide.shapes.add_picture(io.BytesIO(_png()), Inches(8), Inches(1))
            picture._element.nvPicPr.cNvPr.set("descr", alt)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        if hidden:
            slide._element.set("show", "0")
    presentation.save(path)


ENGLISH = [
    ("Storm report", ["The storm reached the coast on Monday.", "It destroyed 300 houses.\vSchools stayed closed."],
     "Thank the volunteers first.", None, "A map of the coast", False),
    ("Next steps", ["The mayor opened two shelters.", "The ferry ran again on Friday."], None,
     [["Town", "Shelters"], ["Bergen", "2"]], None, True),
]
FRENCH = [
    ("Rapport sur la tempête", ["La tempête a atteint la côte lundi.",
                                "Elle a détruit 300 maisons.\vLes écoles sont restées fermées."],
     "Remerciez d'abord les bénévoles.", None, "Une carte de la côte", False),
    ("Prochaines étapes", ["Le maire a ouvert deux abris."], None,
     [["Ville", "Abris"], ["Bergen", "2"]], None, True),
]


def test_a_slide_deck_is_read_slide_by_slide_with_its_notes(tmp_path, caplog):
    # A .pptx was refused ("a slide deck; export it to PDF"), and a PDF of slides reads poorly.
    path = tmp_path / "storm.pptx"
    deck(path, ENGLISH)
    with caplog.at_level(logging.WARNING, logger="align"):
        raw = read_input(str(path))
        sentences = load_sentences(raw, load_segmenter("auto"))
    assert [(s.text, s.where, s.furniture) for s in sentences] == [
        ("Storm report", "slide 1", False),
        ("The storm reached the coast on Monday.", "slide 1", False),
        # A line break inside a paragraph goes on with its sentence, and parts none.
        ("It destroyed 300 houses.", "slide 1", False),
        ("Schools stayed closed.", "slide 1", False),
        ("A map of the coast", "slide 1", True),
        ("Thank the volunteers first.", "slide 1, notes", False),
        ("Next steps", "slide 2", False),
        ("The mayor opened two shelters.", "slide 2", False),
        ("The ferry ran again on Friday.", "slide 2", False),
        ("Town", "slide 2", False), ("Shelters", "slide 2", False), ("Bergen", "slide 2", False),
        ("2", "slide 2", False),
    ]
    assert "slide 2 hidden in the show, read all the same" in " ".join(r.getMessage() for r in caplog.records)
    # A table's margin: "s1" for the slide, "s1n" for its notes.
    assert [short_where(s) for s in sentences[4:7]] == ["s1", "s1n", "s2"]


def test_a_bullet_left_out_of_a_translated_deck_is_found_on_its_slide(tmp_path):
    english, french = tmp_path / "storm.en.pptx", tmp_path / "storm.fr.pptx"
    deck(english, ENGLISH)
    deck(french, FRENCH)
    result = align_pair(str(english), str(french))
    source = result.source.sentences
    omissions = [f for f in result.findings if f.type == "omission" and f.severity == "content"]
    assert [[(source[i].text, source[i].where) for i in f.src] for f in omissions] == [
        [("The ferry ran again on Friday.", "slide 2")]]
    assert not [f for f in result.findings if f.type == "addition" and f.severity == "content"]


def test_a_file_that_is_no_slide_deck_is_a_one_line_error(tmp_path):
    path = tmp_path / "broken.pptx"
    path.write_bytes(b"PK\x03\x04" + b"ppt/slides/slide1.xml" + b"\x00" * 64)
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), str(path)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 2 and "cannot be read as a PowerPoint slide deck" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
