"""InDesign IDML packages read as the layout shows their text: each paragraph of each story,
located by story and paragraph, stories in the order the spreads place them. Before, an .idml
(a zip) was refused as binary.

tests/data/xmldoc/magazineA-edito.idml is SimpleIDML's test file (BSD), InDesign CS5.5's export,
trimmed to the parts the reader reads; edito_en.idml and edito_fr.idml are it with its stories'
text replaced by an editorial and its translation (see tests/data/xmldoc/README.md)."""
from __future__ import annotations

import io
import json
import logging
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from align.errors import InputError
from align.readers import reader_for
from align.readers.idml import IdmlReader

DATA = Path(__file__).parent / "data" / "xmldoc"
PACKAGING = 'xmlns:idPkg="http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging"'


def blocks_of(data: bytes):
    return [(block.locator, block.text, block.furniture) for block in IdmlReader().blocks(data, "doc.idml")]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def story(story_id: str, body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<idPkg:Story {PACKAGING} DOMVersion="7.5">'
            f'<Story Self="{story_id}"><StoryPreference OpticalMarginAlignment="false"/>{body}</Story></idPkg:Story>')


def spread(name: str, *stories: str, master: bool = False) -> str:
    kind = "MasterSpread" if master else "Spread"
    frames = "".join(f'<TextFrame Self="f{s}" ParentStory="{s}"/>' for s in stories)
    return f'<?xml version="1.0"?><idPkg:{kind} {PACKAGING}><{kind} Self="{name}">{frames}</{kind}></idPkg:{kind}>'


def package(designmap: str, parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.adobe.indesign-idml-package", compress_type=zipfile.ZIP_STORED)
        archive.writestr("designmap.xml", designmap, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in parts.items():
            archive.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def psr(*content: str, conditions: str = "") -> str:
    applied = f' AppliedConditions="{conditions}"' if conditions else ""
    return f'<ParagraphStyleRange><CharacterStyleRange{applied}>{"".join(content)}</CharacterStyleRange></ParagraphStyleRange>'


def c(text: str) -> str:
    return f"<Content>{text}</Content>"


BR = "<Br/>"

# Stories listed in designmap in another order than the spreads place them: the body (u2) on the
# first spread, the sidebar (u1) on the second, a running head (u3) on a master, u4 on no page.
LAYOUT = package(
    f'<?xml version="1.0"?><Document {PACKAGING} StoryList="u1 u2 u3 u4">'
    '<Condition Self="Condition/Print" Name="Print" Visible="true"/>'
    '<Condition Self="Condition/Web" Name="Web" Visible="false"/>'
    '<idPkg:MasterSpread src="MasterSpreads/MasterSpread_m.xml"/>'
    '<idPkg:Spread src="Spreads/Spread_a.xml"/><idPkg:Spread src="Spreads/Spread_b.xml"/>'
    '<idPkg:Story src="Stories/Story_u1.xml"/><idPkg:Story src="Stories/Story_u2.xml"/>'
    '<idPkg:Story src="Stories/Story_u3.xml"/><idPkg:Story src="Stories/Story_u4.xml"/>'
    '<idPkg:Story src="Stories/Story_u5.xml"/></Document>',
    {"MasterSpreads/MasterSpread_m.xml": spread("m", "u3", master=True),
     "Spreads/Spread_a.xml": spread("a", "u2"),
     "Spreads/Spread_b.xml": spread("b", "u1"),
     "Stories/Story_u1.xml": story("u1", psr(c("A sidebar."), '<TextFrame Self="g" ParentStory="u5"/>')),
     "Stories/Story_u5.xml": story("u5", psr(c("A box anchored in the sidebar."))),
     "Stories/Story_u2.xml": story("u2", psr(
         c("The storm reached the coast\u2028on Monday"),
         '<Footnote><ParagraphStyleRange><CharacterStyleRange><Content>\ufeff</Content><Content>Local time.</Content>'
         '</CharacterStyleRange></ParagraphStyleRange></Footnote>',
         c(". It "), '<Change ChangeType="DeletedText"><Content>quickly </Content></Change>',
         '<Change ChangeType="InsertedText"><Content>slowly </Content></Change>', c("weakened."), BR)
         + psr(c("Printed on "), '<TextVariableInstance Self="v" Name="Date" ResultText="3 May 2024"/>', c(" only."), BR,
               conditions="Condition/Print")
         + psr(c("Shown on the web only."), BR, conditions="Condition/Web")
         + psr(c("A second paragraph"), '<Note><ParagraphStyleRange><CharacterStyleRange><Content>check the date'
               '</Content></CharacterStyleRange></ParagraphStyleRange></Note>', c("."),
               '<HiddenText><ParagraphStyleRange><CharacterStyleRange><Content>hidden words</Content>'
               '</CharacterStyleRange></ParagraphStyleRange></HiddenText>', BR, BR)
         + '<Table><Cell Name="0:0">' + psr(c("Wind")) + '</Cell><Cell Name="1:0">' + psr(c("120 km/h"))
         + "</Cell></Table>"),
     "Stories/Story_u3.xml": story("u3", psr(c("Weekly News"))),
     "Stories/Story_u4.xml": story("u4", psr(c("Overset draft."))),
     })


def test_stories_are_read_in_the_order_the_spreads_place_them(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        found = blocks_of(LAYOUT)
    assert found == [
        ("story u2, paragraph 1", "The storm reached the coast\non Monday. It slowly weakened.", False),
        ("story u2, paragraph 1, footnote", "Local time.", False),  # after its paragraph, not in its sentence
        ("story u2, paragraph 2", "Printed on 3 May 2024 only.", False),  # a text variable as it shows
        ("story u2, paragraph 3", "Shown on the web only.", True),  # a condition set to hide
        ("story u2, paragraph 4", "A second paragraph.", False),
        ("story u2, paragraph 4, note", "check the date", True),  # an editor's note
        ("story u2, paragraph 4, hiddentext", "hidden words", True),
        ("story u2, paragraph 6", "Wind", False), ("story u2, paragraph 7", "120 km/h", False),  # a table's cells
        ("story u1, paragraph 1", "A sidebar.", False),
        ("story u5, paragraph 1", "A box anchored in the sidebar.", False),  # placed as its story is
        ("story u3, paragraph 1", "Weekly News", True),  # on a master spread: a running head
        ("story u4, paragraph 1", "Overset draft.", True)]  # on no page
    assert "u4" in caplog.text and "placed in no text frame" in caplog.text


def test_a_real_indesign_export_is_read_story_by_story():
    assert blocks_of((DATA / "magazineA-edito.idml").read_bytes())[0] == (
        "story ue4, paragraph 1", "L’édito de Jean Némard", False)
    assert [locator for locator, _text, _furniture in blocks_of((DATA / "magazineA-edito.idml").read_bytes())] == [
        "story ue4, paragraph 1", "story u11b, paragraph 1", "story u11b, paragraph 2", "story u1ab, paragraph 1"]


def test_the_reader_is_chosen_by_content_whatever_the_name():
    data = (DATA / "edito_en.idml").read_bytes()
    assert reader_for("layout.idml", data).name == "idml" and reader_for("layout.zip", data).name == "idml"


def test_align_pair_of_two_idml_layouts_reads_every_paragraph_once_located_by_story():
    # Before: "is binary", exit 2.
    done = cli("pair", DATA / "edito_en.idml", DATA / "edito_fr.idml", "--format", "json", "-q")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for side, key in (("source", "src"), ("target", "tgt")):
        assert sorted(i for bead in report["beads"] for i in bead[key]) == list(range(len(report[side]["sentences"])))
    source = [(s["text"], s["locator"]) for s in report["source"]["sentences"]]
    assert source == [("Editorial by Jean Némard", "story ue4, paragraph 1"),
                      ("The new library opened its doors on 12 March.", "story u11b, paragraph 1"),
                      ("More than 3,000 people visited it in the first week.", "story u11b, paragraph 1"),
                      ("The reading room holds 40 seats.", "story u11b, paragraph 2"),
                      ("Children have a floor of their own, with books in six languages.", "story u11b, paragraph 2"),
                      ("A town that reads", "story u1ab, paragraph 1")]
    assert report["findings"] == [] and (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")


@pytest.mark.parametrize("cut", [10, 200, 2000, 5000, 9000])
def test_a_damaged_package_is_one_line_and_exit_2(tmp_path, cut):
    data = (DATA / "edito_en.idml").read_bytes()[:cut]
    path = tmp_path / "cut.idml"
    path.write_bytes(data)
    with pytest.raises(InputError, match="cannot be read as an InDesign IDML package"):
        IdmlReader().blocks(data, str(path))
    done = cli("pair", path, DATA / "edito_fr.idml", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_every_byte_changed_in_a_real_package_reads_or_is_one_clear_error():
    # Fuzzing found zipfile's ValueError ("negative seek value") and RuntimeError ("is encrypted,
    # password required") ending the run with a traceback.
    data = (DATA / "edito_en.idml").read_bytes()
    encrypted = bytearray(data)  # every part's "encrypted" flag set in the central directory
    for header in re.finditer(rb"PK\x01\x02", data):
        encrypted[header.start() + 8] |= 1
    encrypted = bytes(encrypted)
    rng = random.Random(7)
    damaged = [encrypted] + [bytes(rng.randrange(256) if k == at else byte for k, byte in enumerate(data))
                             for at in (rng.randrange(len(data)) for _ in range(150))]
    for sample in damaged:
        try:
            IdmlReader().blocks(sample, "x.idml")
        except InputError as error:
            assert "\n" not in str(error)
    with pytest.raises(InputError, match="encrypted"):
        IdmlReader().blocks(encrypted, "x.idml")


def test_a_package_without_its_designmap_is_one_clear_error():
    data = package("<Document/>", {})
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        target.writestr("mimetype", source.read("mimetype"))
    with pytest.raises(InputError, match="cannot be read as an InDesign IDML package.*designmap.xml"):
        IdmlReader().blocks(broken.getvalue(), "x.idml")
