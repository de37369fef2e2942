"""PowerPoint 97-2003 .ppt decks: read as the .pptx reader reads the same deck saved as .pptx.

The files in tests/data/ppt, gzipped (LibreOffice puts a 440 KB thumbnail in each): deck_en.odp,
office_graphics/master_en.odp with a hidden second slide, speaker notes with a line break and a
line of Greek, Japanese and an emoji added by hand, saved by LibreOffice 7.4 as deck_en.ppt, and that
.ppt again as deck_en.pptx; shapes_en/fr.ppt, the office-graphics tests' shapes_en/fr.odp saved
as .ppt (a comment, a group of text boxes, a chart); txt_text.ppt, python-pptx 1.0.2's
features/steps/test_files/txt-text.pptx (MIT) saved as .ppt, and that .ppt again as txt_text.pptx
(line breaks, a table, a slide number field); powerpoint2007_embedded.ppt, written by PowerPoint
2007, from oletools 0.60.2's test data (BSD; oleobj/embedded-simple-2007.ppt, an embedded text
file). Files written by PowerPoint, not gzipped, from Apache POI's test-data/slideshow (Apache
License 2.0): basic_test_ppt_file.ppt (titles and bodies kept in the slide list, speaker notes),
headers_footers.ppt, WithComments.ppt, incorrect_slide_order.ppt (slides added out of their
order) and Password_Protected-hello.ppt (encrypted).
"""
import gzip
import json
import logging
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_every_sentence_once, blocks_of

DATA = Path(__file__).parent / "data" / "ppt"
OFFICE = Path(__file__).parent / "data" / "office_graphics"


@pytest.fixture
def deck(tmp_path):
    def unpacked(name):
        path = tmp_path / name
        path.write_bytes(gzip.decompress((DATA / f"{name}.gz").read_bytes()))
        return path
    return unpacked


def read(path):
    return [(block.text, block.locator, block.furniture, block.run_on_breaks) for block in blocks_of(path)]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def test_a_ppt_reads_as_the_same_deck_saved_as_pptx(deck, caplog):
    """Slides in order, the master's own text box as furniture once ("master, slide 1"), speaker
    notes with a line break that goes on with its sentence, Greek, Japanese and an emoji as
    written, a hidden slide read and said. Before, a .ppt was refused: "save it as .pptx"."""
    with caplog.at_level(logging.WARNING, logger="align"):
        blocks = read(deck("deck_en.ppt"))
    assert blocks == read(DATA / "deck_en.pptx")
    assert ("Speak slowly here.\nThen show the map.", "slide 1, notes", False, (18,)) in blocks
    assert "slide 2 hidden in the show" in caplog.text


def test_a_table_and_line_breaks_read_as_in_the_pptx(deck):
    """The same blocks but the slide number field, which the .ppt gives as the number PowerPoint
    shows and LibreOffice's .pptx as the text "<number>"."""
    blocks = read(deck("txt_text.ppt"))
    expected = [(text.replace("<number>", "1"), *rest) for text, *rest in read(DATA / "txt_text.pptx")]
    assert blocks == expected
    assert ("Text run in table cell", "slide 2", False, ()) in blocks


def test_shapes_read_as_the_pptx_reads_them_and_the_chart_said(deck, caplog):
    """A comment as furniture after its slide, a group's text boxes in order; the chart is an
    embedded object in the .ppt, in its program's format: said, not read."""
    with caplog.at_level(logging.WARNING, logger="align"):
        blocks = read(deck("shapes_en.ppt"))
    pptx = [block for block in read(OFFICE / "shapes_en.pptx") if not block[1].startswith("chart") and not block[2]
            or block[1].startswith("comment")]
    assert blocks == pptx
    assert ("Check this figure with the council.", "comment on slide 1", True, ()) in blocks
    assert "1 embedded object not read" in caplog.text


def test_a_powerpoint_2007_file_reads_its_slide_text(deck):
    assert [block[0] for block in read(deck("powerpoint2007_embedded.ppt"))] == [
        "Embedded Objects", "This slide contains an embedded object", "It is a simple harmless ASCII text file"]


def test_two_ppt_decks_are_paired_end_to_end(deck):
    done = cli("pair", deck("shapes_en.ppt"), deck("shapes_fr.ppt"), "-f", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert_every_sentence_once(report)
    assert report["source"]["lang"] == "en" and report["target"]["lang"] == "fr"
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition") and f.get("severity") != "boilerplate"]


def _current_user(data: bytes, token: bytes, edit_at: int | None = None) -> bytes:
    """The deck with its Current User stream's header token (and the offset of its last edit) replaced."""
    at = data.index(b"\x5f\xc0\x91\xe3")  # the token of a deck not encrypted, in the stream's one copy
    edit = data[at + 4: at + 8] if edit_at is None else edit_at.to_bytes(4, "little")
    return data[:at] + token + edit + data[at + 8:]


PLAIN, ENCRYPTED = b"\x5f\xc0\x91\xe3", b"\xdf\xc4\xd1\xf3"


@pytest.mark.parametrize("name, make, says", [
    ("encrypted.ppt", lambda deck: (DATA / "Password_Protected-hello.ppt").read_bytes(),
     "the PowerPoint deck is password-protected"),
    # An encrypted deck's token on a deck whose stream is plain: what PowerPoint writes first says it.
    ("token.ppt", lambda deck: _current_user(deck("deck_en.ppt").read_bytes(), ENCRYPTED), "password-protected"),
    ("cut.ppt", lambda deck: deck("deck_en.ppt").read_bytes()[:3000], "no PowerPoint deck can be found"),
    ("zeros.ppt", lambda deck: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "no PowerPoint deck can be found"),
    # No record where the persist directory says the document is.
    ("document.ppt", lambda deck: deck("deck_en.ppt").read_bytes().replace(
        b"\x0f\x00\xe8\x03", b"\x0f\x00\xe9\x03", 1), "(no record of type 0x03e8"),
])
def test_a_ppt_that_cannot_be_read_is_a_one_line_error(deck, tmp_path, name, make, says):
    path = tmp_path / name
    path.write_bytes(make(deck))
    done = cli("pair", path, deck("shapes_fr.ppt"), "-q")
    assert done.returncode == 2
    assert says in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_plain_text_under_a_ppt_name_is_read_as_text(tmp_path):
    path = tmp_path / "talk.ppt"
    path.write_text("The storm hit the coast on Tuesday.\n\nThree thousand people lost power.\n", encoding="utf-8")
    from align.reading import read_input

    assert read_input(str(path)).text.split("\n\n")[0] == "The storm hit the coast on Tuesday."


def test_a_shapes_alternative_text_is_read_from_its_options():
    """OfficeArtFOPT: 6-byte entries, then the complex ones' data in their order; the description
    (wzDescription, 0x0381) after a shape's name (wzName, 0x0380) and a plain property."""
    from align.readers.ppt import _option_text

    name, description = "Chart 1\0".encode("utf-16-le"), "Bars of the rain by region\0".encode("utf-16-le")
    entries = struct.pack("<HI", 0x0080, 7) + struct.pack("<HI", 0x8380, len(name)) + struct.pack("<HI", 0x8381, len(description))
    record = entries + name + description
    assert _option_text(record, 0, len(record), 3, 0x0381) == "Bars of the rain by region"
    assert _option_text(record, 0, len(record) - 4, 3, 0x0381) == ""  # its data cut short: nothing, no error


def test_powerpoints_own_files_read_placeholders_notes_footers_and_comments():
    """A title and body PowerPoint keeps in the slide list, which the slide's shapes cite by index;
    speaker notes; the footer and date the master shows, kept in the document's or the slide's
    header and footer settings, as furniture (a .pptx keeps them in each slide's footer); a
    comment; slides in the order the show has them, not the order they were added in."""
    assert read(DATA / "basic_test_ppt_file.ppt")[:4] == [
        ("This is a test title", "slide 1", False, ()), ("This is a test subtitle", "slide 1", False, ()),
        ("This is on page 1", "slide 1", False, ()), ("These are the notes for page 1", "slide 1, notes", False, ())]
    assert read(DATA / "headers_footers.ppt") == [
        ("Global Slide Footer", "slide 1", True, ()), ("Notes Header", "slide 1, notes", True, ()),
        ("Notes Footer", "slide 1, notes", True, ()), ("custom date format", "slide 2", True, ()),
        ("per-slide footer", "slide 2", True, ()), ("Notes Header", "slide 2, notes", True, ()),
        ("Notes Footer", "slide 2, notes", True, ())]
    assert ("This is a test comment\n\nIt is on the first, only slide", "comment on slide 1", True, ()) in read(
        DATA / "WithComments.ppt")
    assert [text for text, *_rest in read(DATA / "incorrect_slide_order.ppt")] == [
        "Slide 1", "First slide I added", "Slide 2", "Third slide I added", "Slide 3", "Second slide I added"]


def test_a_deck_whose_current_user_stream_points_astray_reads_as_the_intact_one(deck, tmp_path):
    """The stream's own persist directories stand in for a chain of edits that leads nowhere
    (Apache POI repairs such decks too)."""
    path = tmp_path / "astray.ppt"
    path.write_bytes(_current_user(deck("deck_en.ppt").read_bytes(), PLAIN, 8))
    assert read(path) == read(DATA / "deck_en.pptx")
