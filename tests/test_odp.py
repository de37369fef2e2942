"""OpenDocument presentations (.odp) in, read as a PowerPoint deck is: each slide's shapes, tables and
speaker notes in order, located by the slide. The decks in tests/data/odp are the ones test_pptx
builds, converted by LibreOffice Impress 7.4 (`soffice --headless --convert-to odp`), its
thumbnail and settings left out."""
from __future__ import annotations

import logging
import subprocess
import sys
import zipfile
from pathlib import Path

from align import align_pair
from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "odp"


def test_a_presentation_is_read_slide_by_slide_as_its_powerpoint_twin(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        sentences = load_sentences(read_input(str(DATA / "storm.en.odp")), load_segmenter("auto"))
    assert [(s.text, s.where, s.furniture) for s in sentences if s.where != "slide 1, notes" or not s.furniture] == [
        ("Storm report", "slide 1", False),
        ("The storm reached the coast on Monday.", "slide 1", False),
        ("It destroyed 300 houses.", "slide 1", False),
        ("Schools stayed closed.", "slide 1", False),
        ("A map of the coast", "slide 1", True),  # the picture's description: not shown on the slide
        ("Thank the volunteers first.", "slide 1, notes", False),
        ("Next steps", "slide 2", False),
        ("The mayor opened two shelters.", "slide 2", False),
        ("The ferry ran again on Friday.", "slide 2", False),
        ("Town", "slide 2", False), ("Shelters", "slide 2", False), ("Bergen", "slide 2", False),
        ("2", "slide 2", False),
    ]
    # The notes page's slide number is furniture, listed, not text.
    assert [s.furniture for s in sentences if s.where == "slide 1, notes"] == [False, True]
    assert "slide 2 hidden in the show, read all the same" in " ".join(r.getMessage() for r in caplog.records)


def test_a_bullet_left_out_of_a_translated_presentation_is_found_on_its_slide():
    result = align_pair(str(DATA / "storm.en.odp"), str(DATA / "storm.fr.odp"))
    source = result.source.sentences
    omissions = [f for f in result.findings if f.type == "omission" and f.severity == "content"]
    assert [[(source[i].text, source[i].where) for i in f.src] for f in omissions] == [
        [("The ferry ran again on Friday.", "slide 2")]]
    assert not [f for f in result.findings if f.type == "addition" and f.severity == "content"]


def _run(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", "pair", *map(str, paths)], capture_output=True, text=True,
                          timeout=300)


def test_a_damaged_presentation_and_a_spreadsheet_are_one_line_errors(tmp_path):
    broken = tmp_path / "broken.odp"
    broken.write_bytes((DATA / "storm.en.odp").read_bytes()[:3000])
    run = _run(broken, DATA / "storm.fr.odp")
    assert run.returncode == 2 and "OpenDocument presentation" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    # A spreadsheet was "a binary file (contains NUL bytes)": it is a spreadsheet, by name or content
    # (read as a table of pairs where it holds one, and this one's content.xml is damaged).
    sheet = tmp_path / "table.bin"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    named = tmp_path / "table.ods"
    named.write_bytes(sheet.read_bytes())
    for path in (sheet, named):
        run = _run(path, DATA / "storm.fr.odp")
        assert run.returncode == 2 and "cannot be read as an OpenDocument spreadsheet" in run.stderr, run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
