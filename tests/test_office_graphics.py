"""Text an Office document shows outside its paragraphs: a SmartArt diagram's nodes and a chart's
title, axis titles, series names and category labels (each in a part of its own, which the page
names by a relationship), an OpenDocument chart (an embedded object, `Object 1/content.xml`), and a
reviewer's comments (furniture). Before, none of it was read (an ODP's comment was read as a
sentence of the slide), and a diagram or chart left untranslated was never reported.

The files are real: python-pptx's and python-docx's test files saved by PowerPoint and Word, and
files LibreOffice saved (tests/data/office_graphics/README.txt)."""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import assert_every_sentence_once, json_report_of

from align.errors import InputError
from align.readers import reader_for
from align.readers.pptx import _shown_figure

DATA = Path(__file__).parent / "data" / "office_graphics"


def _blocks(name: str, data: bytes | None = None):
    data = (DATA / name).read_bytes() if data is None else data
    return [(b.text, b.locator, b.furniture) for b in reader_for(name, data).blocks(data, name)]


def _pair(tmp_path, english: str, french: str) -> dict:
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(DATA / english), str(DATA / french),
                          "--format", "json", "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return json.loads(out.read_text())


DIAGRAM = ["Survey the sea bed before any work.", "Build the new harbour wall in three separate sections.",
           "Plant dune grass behind the wall."]


def test_a_slides_diagram_and_chart_are_read_once_on_their_slide():
    blocks = _blocks("en.pptx")
    assert blocks[4:14] == [
        ("Work went on through the winter storms.", "slide 1", False),  # the table's cell, before the chart
        ("Spending by quarter", "chart on slide 1", False),  # the chart's title
        ("Spending", "chart on slide 1", False),  # its series' name
        ("Spring", "chart on slide 1", False), ("Summer", "chart on slide 1", False),
        ("Autumn", "chart on slide 1", False), ("Winter", "chart on slide 1", False),
        *[(node, "diagram on slide 1", False) for node in DIAGRAM]]
    # PowerPoint's drawing of the diagram (drawing1.xml) holds its words a second time: read once.
    assert all(count == 1 for count in Counter(text for text, _where, _f in blocks).values())


def test_a_word_documents_diagram_and_chart_follow_the_paragraph_they_are_anchored_in():
    blocks = _blocks("en.docx")
    assert blocks[:3] == [("The council approved the harbour plan on Monday.", "paragraph 1", False),
                          ("The plan has three steps, shown below.", "paragraph 2", False),
                          (DIAGRAM[0], "diagram in paragraph 2", False)]
    assert [text for text, where, _f in blocks if where == "diagram in paragraph 2"] == DIAGRAM
    # Series names and categories, each category once though every series repeats them.
    assert sorted(text for text, where, _f in blocks if where == "chart in paragraph 2") == sorted(
        ["Staff", "Materials", "Transport", "Spring", "Summer", "Autumn", "Winter"])
    assert blocks[-1] == ("The chart shows what each season costs.", "paragraph 3", False)


@pytest.mark.parametrize("suffix, where", [("pptx", "diagram on slide 1"), ("docx", "diagram in paragraph 2")])
def test_a_diagram_node_left_out_or_untranslated_is_reported(tmp_path, suffix, where):
    report = _pair(tmp_path, f"en.{suffix}", f"fr.{suffix}")
    for side in ("source", "target"):  # every string once
        texts = [s["text"] for s in report[side]["sentences"]]
        assert len(texts) == len(set(texts)), texts
    source = report["source"]["sentences"]
    assert {(s["text"], s.get("locator")) for s in source} >= {(node, where) for node in DIAGRAM}
    omissions = [f for f in report["findings"] if f["type"] == "omission"]
    assert [[source[i]["text"] for i in f["src"]] for f in omissions] == [[DIAGRAM[2]]]
    assert where in omissions[0]["message"]
    untranslated = [f for f in report["findings"] if f["type"] == "untranslated"]
    assert len(untranslated) == 1 and DIAGRAM[1] in [source[i]["text"] for i in untranslated[0]["src"]]


def short_node_left_in_english(name: str, folder: Path) -> Path:
    """The French file `name` with its diagram's first node, a short one, left in English."""
    french, english = "Étudier le fond marin avant tout travail.".encode(), DIAGRAM[0].encode()
    out = io.BytesIO()
    with zipfile.ZipFile(DATA / name) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            copy.writestr(item, data.replace(french, english) if "/diagrams/" in item.filename else data)
    path = folder / f"short_{name}"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("suffix", ["pptx", "docx"])
def test_a_short_diagram_node_left_in_english_is_reported_untranslated(tmp_path, suffix):
    # "Survey the sea bed before any work." has 28 letters: under the 30 a copy needed, it was aligned
    # and passed. "the" is written in three of the English file's sentences and in none of the French's.
    report, _stderr = json_report_of(DATA / f"en.{suffix}", short_node_left_in_english(f"fr.{suffix}", tmp_path))
    assert_every_sentence_once(report)
    source = report["source"]["sentences"]
    untranslated = {tuple(source[i]["text"] for i in f["src"]): f["details"] for f in report["findings"]
                    if f["type"] == "untranslated"}
    assert untranslated[(DIAGRAM[0],)] == {"source_only_words": ["the"]}
    assert (DIAGRAM[1], DIAGRAM[2]) in untranslated  # the long node, as before


CHART = ["Rainfall by region", "Millimetres in one night", "Region", "Rain (mm)", "Monday", "Tuesday",
         "North coast", "South coast", "Islands"]


@pytest.mark.parametrize("name, where", [("shapes_en.odt", "chart in paragraph 2"), ("shapes_en.fodt", "chart in paragraph 2"),
                                         ("shapes_en.odp", "chart on slide 2")])
def test_an_opendocument_chart_is_read_from_its_object(name, where):
    blocks = _blocks(name)
    # Its titles, then its own table's series names and categories; the plotted figures not read.
    assert [text for text, at, _f in blocks if at == where] == CHART
    assert not [text for text, _at, _f in blocks if text[:1].isdigit()]
    assert all(count == 1 for count in Counter(text for text, _at, _f in blocks).values())


@pytest.mark.parametrize("name, where", [("shapes_en.odt", "comment on paragraph 1"), ("shapes_en.fodt", "comment on paragraph 1"),
                                         ("shapes_en.docx", "comment on paragraph 1"), ("shapes_en.odp", "comment on slide 1"),
                                         ("shapes_en.pptx", "comment on slide 1")])
def test_a_reviewers_comment_is_furniture_after_what_it_is_made_on(name, where):
    blocks = _blocks(name)
    comment = ("Check this figure with the council.", where, True)
    assert blocks.count(comment) == 1
    assert [text for text, _at, _f in blocks].count(comment[0]) == 1


@pytest.mark.parametrize("suffix", ["odt", "docx", "odp", "pptx"])
def test_a_translated_charts_words_are_read_on_both_sides_its_comment_as_furniture(tmp_path, suffix):
    report = _pair(tmp_path, f"shapes_en.{suffix}", f"shapes_fr.{suffix}")
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    charted = [s["text"] for s in source if s.get("locator", "").startswith("chart")]
    # LibreOffice writes the subtitle as the title's second line in a .docx or .pptx: a sentence each.
    assert sorted(charted) == sorted(CHART)
    assert "Pluie par région" in " ".join(s["text"] for s in target)
    assert sorted(s["text"] for s in source if s.get("furniture")) == sorted(
        ["Check this figure with the council.", *ALT])
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition") and f["severity"] == "content"]


ALT = ["Bars of the rain each region had on each night.", "Rain chart"]


@pytest.mark.parametrize("name", ["shapes_en.docx", "shapes_en.pptx", "shapes_en.odt", "shapes_en.odp", "shapes_en.fodt"])
def test_a_charts_alternative_text_is_read_alike_in_every_format(name):
    # Its description, then its title, as furniture, once: PowerPoint's was read for pictures only,
    # Word's title was dropped beside a description, an OpenDocument's read title first.
    blocks = _blocks(name)
    assert [text for text, _where, furniture in blocks if furniture and text in ALT] == ALT


def test_a_category_that_is_a_date_reads_as_the_chart_shows_it():
    assert _shown_figure("37261.0", "m/d/yy") == "2002-01-05"
    assert _shown_figure("2024.0", "General") == "2024"
    assert _shown_figure("0.25", "0%") == "25%"


def _replaced(name: str, part: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(DATA / name) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            copy.writestr(info, data if info.filename == part else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize("name, part", [("en.pptx", "ppt/charts/chart1.xml"), ("en.docx", "word/diagrams/data1.xml"),
                                        ("shapes_en.odt", "Object 1/content.xml")])
def test_a_damaged_chart_or_diagram_is_a_one_line_error(name, part):
    with pytest.raises(InputError, match="cannot be read as"):
        _blocks(name, _replaced(name, part, b"<c:chartSpace xmlns:c='x'><c:chart>"))


def test_a_chart_part_missing_from_the_file_loses_only_the_chart():
    data = io.BytesIO()
    with zipfile.ZipFile(DATA / "en.pptx") as source, zipfile.ZipFile(data, "w") as copy:
        for info in source.infolist():
            if info.filename != "ppt/charts/chart1.xml":
                copy.writestr(info, source.read(info))
    blocks = _blocks("en.pptx", data.getvalue())
    assert not [b for b in blocks if b[1].startswith("chart")]
    assert [text for text, where, _f in blocks if where == "diagram on slide 1"] == DIAGRAM


@pytest.mark.parametrize("name", ["en.docx", "en.pptx", "shapes_en.odt", "shapes_en.odp", "shapes_en.docx"])
def test_a_damaged_or_cut_office_file_is_an_input_error_never_a_traceback(name):
    # A byte changed in a part's compressed data (zlib.error) or a zip directory pointing before the
    # file's start (ValueError "negative seek value") ended the run with a traceback.
    data = (DATA / name).read_bytes()
    rng = random.Random(name)
    for attempt in range(40):
        damaged = bytearray(data)
        if attempt % 2:
            damaged = damaged[:rng.randrange(len(data))]
        else:
            for _ in range(5):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            _blocks(name, bytes(damaged))
        except InputError:
            pass


RELATION_ATTRIBUTES = [f"{{http://schemas.openxmlformats.org/officeDocument/2006/relationships}}{name}"
                       for name in ("id", "dm", "lo", "qs", "cs")]


def graphics_moved_to_notes(name: str, notes_text: str, folder: Path) -> Path:
    """The deck `name` with its first slide's chart and SmartArt diagram on that slide's notes page
    instead (PowerPoint's Notes Page view takes both), the notes' own text `notes_text`."""
    from pptx import Presentation

    deck = Presentation(str(DATA / name))
    slide = deck.slides[0]
    notes = slide.notes_slide
    notes.notes_text_frame.text = notes_text
    for shape in list(slide.shapes):
        frame = shape._element
        if not frame.tag.endswith("}graphicFrame") or not ("/chart" in frame.xml or "/diagram" in frame.xml):
            continue
        for element in frame.iter():
            for key in RELATION_ATTRIBUTES:
                if element.get(key) in slide.part.rels:  # the diagram's layout and style were stripped
                    relation = slide.part.rels[element.get(key)]
                    element.set(key, notes.part.relate_to(relation.target_part, relation.reltype))
        notes.shapes._spTree.append(frame)
    path = folder / f"notes_{name}"
    deck.save(str(path))
    return path


def test_a_chart_and_a_diagram_in_the_speaker_notes_are_read_there(tmp_path):
    deck = graphics_moved_to_notes("en.pptx", "Say that the work went on through the winter.", tmp_path)
    blocks = _blocks(deck.name, deck.read_bytes())
    notes = [(text, where) for text, where, _furniture in blocks if where.endswith(", notes")]
    assert notes == [("Say that the work went on through the winter.", "slide 1, notes"),
                     ("Spending by quarter", "chart on slide 1, notes"), ("Spending", "chart on slide 1, notes"),
                     *[(season, "chart on slide 1, notes") for season in ("Spring", "Summer", "Autumn", "Winter")],
                     *[(node, "diagram on slide 1, notes") for node in DIAGRAM]]
    assert not any(where.startswith(("chart on slide 1", "diagram on slide 1")) and not where.endswith("notes")
                   for _text, where, _f in blocks)


def test_a_diagram_node_left_out_or_untranslated_in_the_speaker_notes_is_reported(tmp_path):
    english = graphics_moved_to_notes("en.pptx", "Say that the work went on through the winter.", tmp_path)
    french = graphics_moved_to_notes("fr.pptx", "Dire que les travaux ont continué pendant l'hiver.", tmp_path)
    report, _stderr = json_report_of(english, french)
    assert_every_sentence_once(report)
    source = report["source"]["sentences"]
    found = sorted((f["type"], tuple(source[i]["text"] for i in f["src"])) for f in report["findings"])
    assert found == [("omission", (DIAGRAM[2],)), ("untranslated", (DIAGRAM[1],))]
    assert all("diagram on slide 1, notes" in f["message"] for f in report["findings"])


@pytest.mark.parametrize("suffix", ["pptx", "odp"])
def test_the_text_a_slide_shows_from_its_master_is_furniture_read_once(tmp_path, suffix):
    # A shape of the master (not a placeholder, whose words are prompts) shows on every slide: never
    # read before. Read once, where it first shows, as furniture.
    assert _blocks(f"master_en.{suffix}") == [
        ("The storm reached the coast on Monday night.", "slide 1", False),
        ("Harbour council, for staff only", "master, slide 1", True),
        ("Three thousand people left their homes before dawn.", "slide 2", False)]
    report = _pair(tmp_path, f"master_en.{suffix}", f"master_fr.{suffix}")
    assert [(s["text"], s.get("furniture", False)) for s in report["target"]["sentences"]][1] == (
        "Conseil du port, réservé au personnel", True)
    assert report["summary"]["findings"] == {}


def test_a_master_hidden_by_the_slide_is_not_read():
    # PowerPoint's "Hide background graphics" (showMasterSp="0") on the slide: the master's shapes do not show.
    name = "master_en.pptx"
    with zipfile.ZipFile(DATA / name) as source:
        slide = source.read("ppt/slides/slide1.xml").replace(b"<p:sld ", b'<p:sld showMasterSp="0" ', 1)
    blocks = _blocks(name, _replaced(name, "ppt/slides/slide1.xml", slide))
    assert ("Harbour council, for staff only", "master, slide 2", True) in blocks
    assert len(blocks) == 3


@pytest.mark.parametrize("suffix", ["odt", "docx"])
def test_a_headers_watermark_and_text_box_are_furniture_read_once(suffix):
    # LibreOffice's watermark ("DRAFT", Word's VML v:textpath, whose words are an attribute) and a
    # text box in the header: lost before, in both formats.
    blocks = _blocks(f"header_en.{suffix}")
    assert sorted(b for b in blocks if b[1] == "header") == sorted([
        ("Harbour council report", "header", True), ("DRAFT", "header", True), ("Figures to be checked", "header", True)])
    assert len(blocks) == 5


# An Office 2016 chart (a waterfall) as Excel writes it (chartEx, [MS-ODRAWXML] 2.24): its title's text
# in cx:txData, again in the formatting copy cx:txPr, which is no second text. Written by hand: no
# file of one is to be had here.
CHARTEX = b"""<cx:chartSpace xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"><cx:chartData><cx:data id="0">
<cx:strDim type="cat"><cx:f>Sheet1!$A$2:$A$4</cx:f><cx:lvl ptCount="3"><cx:pt idx="0">Opening balance</cx:pt>
<cx:pt idx="1">Ticket sales</cx:pt><cx:pt idx="2">2024</cx:pt></cx:lvl></cx:strDim>
<cx:numDim type="val"><cx:lvl ptCount="3" formatCode="General"><cx:pt idx="0">100</cx:pt><cx:pt idx="1">40</cx:pt>
<cx:pt idx="2">140</cx:pt></cx:lvl></cx:numDim></cx:data></cx:chartData><cx:chart><cx:title pos="t"><cx:tx>
<cx:txData><cx:v>Cash flow</cx:v></cx:txData></cx:tx><cx:txPr><a:p><a:r><a:t>Cash flow</a:t></a:r></a:p></cx:txPr>
</cx:title><cx:plotArea><cx:plotAreaRegion><cx:series layoutId="waterfall"><cx:tx><cx:txData><cx:f>Sheet1!$B$1</cx:f>
<cx:v>Amount</cx:v></cx:txData></cx:tx><cx:dataId val="0"/></cx:series></cx:plotAreaRegion></cx:plotArea></cx:chart>
</cx:chartSpace>"""


def test_an_office_2016_charts_words_are_read_once_its_figures_not():
    from xml.etree import ElementTree

    from align.readers.pptx import _chartex_blocks
    blocks = _chartex_blocks(ElementTree.fromstring(CHARTEX), "chart on slide 1", False)
    assert [(b.text, b.furniture) for b in blocks] == [
        ("Opening balance", False), ("Ticket sales", False), ("2024", True), ("Cash flow", False), ("Amount", False)]


def test_a_slides_office_2016_chart_is_read_not_the_message_older_powerpoints_show():
    # PowerPoint writes such a chart as a choice (the chart) and a fallback (a shape saying it is not
    # available): the fallback was read, a sentence no slide shows, and the chart's words were lost.
    name = "en.pptx"
    with zipfile.ZipFile(DATA / name) as source:
        slide = source.read("ppt/slides/slide1.xml").decode()
    frame = slide[slide.index('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="Chart 2"/>'):]
    frame = frame[:frame.index("</p:graphicFrame>") + len("</p:graphicFrame>")]
    chosen = frame.replace('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"',
                           '<cx:chart xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"')
    fallback = ('<p:sp><p:nvSpPr><p:cNvPr id="30" name="Fallback"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody>'
                '<a:bodyPr/><a:p><a:r><a:t>This chart isn\'t available in your version of PowerPoint.</a:t></a:r></a:p>'
                '</p:txBody></p:sp>')
    slide = slide.replace(frame, '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                          f'<mc:Choice xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" Requires="cx1">'
                          f'{chosen}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>')
    data = _replaced(name, "ppt/slides/slide1.xml", slide.encode())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["ppt/charts/chart1.xml"] = CHARTEX
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for part, content in parts.items():
            package.writestr(part, content)
    blocks = _blocks(name, out.getvalue())
    assert [text for text, where, _f in blocks if where == "chart on slide 1"] == [
        "Opening balance", "Ticket sales", "2024", "Cash flow", "Amount"]
    assert not [text for text, _where, _f in blocks if "available" in text]


def test_the_figures_a_charts_data_labels_show_are_furniture():
    # The pie chart's labels switched on (c:showVal): its four figures show on the slide, and are
    # read as furniture, as Excel's number format shows them ("8.2", not a float's repr).
    name = "en.pptx"
    with zipfile.ZipFile(DATA / name) as source:
        chart = source.read("ppt/charts/chart1.xml")
    assert b'<c:showVal val="0"/>' in chart
    blocks = _blocks(name, _replaced(name, "ppt/charts/chart1.xml", chart.replace(b'<c:showVal val="0"/>', b'<c:showVal val="1"/>')))
    assert [text for text, where, furniture in blocks if where == "chart on slide 1" and furniture] == ["8.2", "3.2", "1.4", "1.2"]
    assert not [b for b in _blocks(name) if b[1] == "chart on slide 1" and b[2]]  # labels off: not read


@pytest.mark.parametrize("suffix", ["odt", "docx"])
def test_a_group_of_shapes_is_read_once_after_its_paragraph(suffix):
    # Word keeps a group (wpg:wgp) and its older copy (VML's v:group, in mc:Fallback): read once.
    assert _blocks(f"group_en.{suffix}") == [
        ("The plan has two steps.", "paragraph 1", False), ("Survey the sea bed first.", "paragraph 1", False),
        ("Then build the wall.", "paragraph 1", False), ("Work starts in May.", "paragraph 2", False)]


def test_a_chart_in_a_word_header_is_the_headers_furniture():
    # The chart's drawing moved from the body into a header part of its own, with the relationship
    # to its chart part: read as the header's furniture, located "header" as the header's words are.
    name = "en.docx"
    with zipfile.ZipFile(DATA / name) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    body = parts["word/document.xml"].decode()
    start = body.rindex("<w:p ", 0, body.index('name="Chart 5"'))
    end = body.index("</w:p>", start) + len("</w:p>")
    head = body[body.index("<w:document "):body.index("<w:body>")].replace("<w:document ", "<w:hdr ", 1)
    parts["word/header1.xml"] = (head + body[start:end] + "</w:hdr>").encode()
    parts["word/_rels/header1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId14" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>'
        '</Relationships>').encode()
    parts["word/document.xml"] = (body[:start] + body[end:]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for part, content in parts.items():
            package.writestr(part, content)
    blocks = _blocks(name, out.getvalue())
    assert not [b for b in blocks if b[1].startswith("chart")]
    assert [text for text, where, furniture in blocks if where == "header" and furniture] == [
        "Staff", "Spring", "Summer", "Autumn", "Winter", "Materials", "Transport"]
