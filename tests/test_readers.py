"""Readers: Word, OpenDocument, web pages, PDF, EPUB, subtitles and XLIFF in, each sentence with a
locator back into the file; page furniture kept as boilerplate; a broken file is a one-line error.

The files are made by real producers where one installs (python-docx, odfpy, fpdf2,
translate-toolkit) and by hand after the format's specification otherwise (EPUB, HTML, SRT).
"""
from __future__ import annotations

import logging
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from align import align_pair
from align.documents import load_sentences
from align.errors import InputError
from align.readers import reader_for
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "text-berg-de-fr"


def sentences_of(path):
    raw = read_input(str(path))
    return raw, load_sentences(raw, load_segmenter("auto"))


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


# ------------------------------------------------------------------------------------------ docx


def make_docx(path, paragraphs, table=(), header=None):
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.save(path)
    return path


def test_docx_paragraphs_tables_and_header_in_order(tmp_path):
    path = make_docx(tmp_path / "a.docx", ["Der Gipfel liegt auf 4000 m.", "", "Wir stiegen um 5 Uhr auf. Es war kalt."],
                     table=[["Höhe", "Zeit"]], header="Die Alpen 1957")
    raw, sentences = sentences_of(path)
    assert raw.format == "docx"
    assert [(s.original, s.where, s.furniture) for s in sentences] == [
        ("Der Gipfel liegt auf 4000 m.", "paragraph 1", False),
        ("Wir stiegen um 5 Uhr auf.", "paragraph 2", False),
        ("Es war kalt.", "paragraph 2", False),
        ("Höhe", "paragraph 3", False),
        ("Zeit", "paragraph 4", False),
        ("Die Alpen 1957", "header", True),
    ]


def _raw_docx(path, document_xml: str):
    """A .docx of one part, written by hand: the XML Word writes that python-docx cannot."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return path


def test_docx_of_a_paragraph_a_line_reads_its_paragraphs_whole(tmp_path):
    # Layout probe: Alice as a PDF converted to Word holds a paragraph a line, its paragraphs parted
    # by empty ones: cut at every line, 389 sentences for 150 ("Down," / "down, down.").
    import textwrap

    paragraphs = [
        "Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to "
        "do: once or twice she had peeped into the book her sister was reading, but it had no pictures or "
        "conversations in it, 'and what is the use of a book,' thought Alice 'without pictures or conversation?'",
        "Down, down, down. Would the fall never come to an end? 'I wonder how many miles I've fallen by this "
        "time?' she said aloud. 'I must be getting somewhere near the centre of the earth.'",
        "CHAPTER II",
        "Presently she began again. 'I wonder if I shall fall right through the earth! How funny it'll seem to "
        "come out among the people that walk with their heads downward!'"]
    lines = [line for paragraph in paragraphs for line in textwrap.wrap(paragraph, 60) + [""]]
    raw, sentences = sentences_of(make_docx(tmp_path / "lines.docx", lines))
    plain = load_sentences(read_input(str(make_docx(tmp_path / "whole.docx", paragraphs))), load_segmenter("auto"))
    assert [s.text for s in sentences] == [s.text for s in plain]
    # Each sentence is found at the paragraph (the line) it starts on.
    down = next(s for s in sentences if s.text.startswith("Down, down"))
    assert sentences[0].where == "paragraph 1" and down.where == f"paragraph {len(textwrap.wrap(paragraphs[0], 60)) + 1}"
    # Paragraphs parted by empty ones whose lines are no wrapped text stay paragraphs of their own.
    listed = ["Einkaufsliste", "Brot", "Milch", "", "Termine", "Zahnarzt am Montag", "", "Notizen", "nichts", "", "Ende"]
    assert len(sentences_of(make_docx(tmp_path / "list.docx", listed))[1]) == len([x for x in listed if x])


def test_docx_tracked_deletion_is_not_text(tmp_path):
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t xml:space="preserve">Il est </w:t></w:r><w:del><w:r><w:delText>très </w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>fort</w:t></w:r></w:ins><w:r><w:tab/><w:t>.</w:t></w:r></w:p></w:body></w:document>')
    _raw, sentences = sentences_of(_raw_docx(tmp_path / "tracked.docx", body))
    assert [s.original for s in sentences] == ["Il est fort ."]


def test_docx_text_box_and_tracked_move_are_read_once(tmp_path):
    """Word stores a text box twice (mc:Choice and an older mc:Fallback copy) and a tracked move at
    both places (w:moveFrom, w:moveTo): the sentence came out glued to itself, or twice."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = ("<w:txbxContent><w:p><w:r><w:t>Trois mille personnes ont perdu le courant.</w:t></w:r></w:p>"
           "</w:txbxContent>")
    body = (f"<w:document {w} {mc}><w:body>"
            '<w:p><w:moveFrom w:id="1"><w:r><w:t>Les écoles rouvriront jeudi.</w:t></w:r></w:moveFrom></w:p>'
            "<w:p><w:r><w:t>La tempête a frappé la côte lundi.</w:t></w:r></w:p>"
            f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            '<w:p><w:moveTo w:id="2"><w:r><w:t>Les écoles rouvriront jeudi.</w:t></w:r></w:moveTo></w:p>'
            "</w:body></w:document>")
    _raw, sentences = sentences_of(_raw_docx(tmp_path / "boxed.docx", body))
    assert [s.original for s in sentences] == ["La tempête a frappé la côte lundi.",
                                               "Trois mille personnes ont perdu le courant.",
                                               "Les écoles rouvriront jeudi."]


def test_docx_text_box_equation_and_ruby_are_read_as_word_shows_them(tmp_path):
    """A text box anchored mid-paragraph was glued into its sentence, an equation's text dropped,
    ruby read with its phonetic guide (each word twice), and a symbol font's character left out
    ("x 5 m." for "x ≥ 5 μm.")."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    m = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    box = "<w:txbxContent><w:p><w:r><w:t>Trois mille personnes ont perdu le courant.</w:t></w:r></w:p></w:txbxContent>"
    body = (f"<w:document {w} {m}><w:body>"
            f"<w:p><w:r><w:t xml:space=\"preserve\">La tempête </w:t></w:r><w:r><w:drawing>{box}</w:drawing></w:r>"
            "<w:r><w:t>a frappé la côte lundi.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">La vitesse est </w:t></w:r><m:oMath><m:r><m:t>v=5</m:t></m:r>"
            "</m:oMath><w:r><w:t xml:space=\"preserve\"> m/s.</w:t></w:r></w:p>"
            "<w:p><w:r><w:ruby><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r>"
            "</w:rubyBase></w:ruby></w:r><w:r><w:t>に行きます。</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Il faut x </w:t><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/>"
            "<w:t xml:space=\"preserve\"> 5 </w:t><w:sym w:font=\"Symbol\" w:char=\"F06D\"/><w:t>m.</w:t></w:r></w:p>"
            "</w:body></w:document>")
    _raw, sentences = sentences_of(_raw_docx(tmp_path / "rich.docx", body))
    assert [s.original for s in sentences] == ["La tempête a frappé la côte lundi.",
                                               "Trois mille personnes ont perdu le courant.",
                                               "La vitesse est v=5 m/s.", "東京に行きます。", "Il faut x ≥ 5 μm."]


def test_docx_an_image_s_alternative_text_is_read_after_its_paragraph(tmp_path):
    """A picture's alt text (Word's "description", in wp:docPr) was in no report, as a web page's
    was; OpenDocument's image titles are read after their paragraph, as furniture."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    wp = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    body = (f"<w:document {w} {wp}><w:body>"
            "<w:p><w:r><w:t>Nous avons quitté la ville à l'aube.</w:t></w:r><w:r><w:drawing><wp:inline>"
            '<wp:docPr id="1" name="Image 1" descr="Carte de la route de la ville à la côte."/></wp:inline>'
            "</w:drawing></w:r></w:p>"
            '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="Image 2" descr=""/></wp:inline></w:drawing></w:r>'
            "<w:r><w:t>La route était vide.</w:t></w:r></w:p></w:body></w:document>")
    _raw, sentences = sentences_of(_raw_docx(tmp_path / "route.docx", body))
    assert [(s.original, s.furniture) for s in sentences] == [
        ("Nous avons quitté la ville à l'aube.", False), ("Carte de la route de la ville à la côte.", True),
        ("La route était vide.", False)]


def test_docx_hidden_text_is_left_out_and_said_so(tmp_path, caplog):
    """Text formatted Hidden (an author's note to self, a CAT tool's hidden markup) was read into
    the sentence Word shows without it, and reported as added; a run whose Hidden is switched off
    is text."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (f"<w:document {w}><w:body>"
            "<w:p><w:r><w:t xml:space=\"preserve\">Le pont a été fermé </w:t></w:r>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\">[vérifier la date avec Paul] </w:t></w:r>"
            "<w:r><w:t>lundi.</w:t></w:r></w:p>"
            "<w:p><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>Il rouvrira en mai.</w:t></w:r></w:p>"
            "</w:body></w:document>")
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(_raw_docx(tmp_path / "hidden.docx", body))
    assert [s.original for s in sentences] == ["Le pont a été fermé lundi.", "Il rouvrira en mai."]
    assert "5 words of hidden text" in caplog.text and "[vérifier la date" in caplog.text


def test_docx_as_word_shows_it_a_probe_of_styles_drop_caps_tracked_marks_and_notes(tmp_path, caplog):
    """A probe's Word files: a paragraph whose style is Hidden was read as text; a drop cap's "T"
    was a sentence of its own ("he storm..." the next); a paragraph mark deleted as a tracked change
    cut one sentence in two (half of it then "left out"); a deleted line break was read; an absolute
    tab glued two words; the table of contents was text; a note was located by its w:id ("footnote
    2" for the first); and a header written in three parts was listed three times."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (f"<w:document {w}><w:body>"
            '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
            '<w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>The storm 1</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '<w:p><w:pPr><w:framePr w:dropCap="drop" w:lines="3"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>he storm reached the coast.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="EditorNote"/></w:pPr><w:r><w:t>Editor: check the figures.</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
            '<w:r><w:t>Schools stayed closed</w:t></w:r></w:p><w:p><w:r><w:t>until Thursday.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Volunteers handed out</w:t></w:r><w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:br/></w:r></w:del><w:r><w:t xml:space="preserve"> blankets.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Figure 3</w:t></w:r><w:r><w:ptab w:relativeTo="margin" w:alignment="center" w:leader="none"/>'
            '<w:t>Harbour wall</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
            "</w:body></w:document>")
    styles = (f'<w:styles {w}><w:style w:type="paragraph" w:styleId="EditorNote"><w:rPr><w:vanish/></w:rPr>'
              "</w:style></w:styles>")
    notes = (f'<w:footnotes {w}><w:footnote w:type="separator" w:id="0"><w:p/></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:t>Photo: the council.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="5"><w:p><w:r><w:t>Met Office bulletin.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    header = f"<w:hdr {w}><w:p><w:r><w:t>Coastal Gazette</w:t></w:r></w:p></w:hdr>"
    path = tmp_path / "probe.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/footnotes.xml", notes)
        for name in ("header1", "header2", "header10"):
            archive.writestr(f"word/{name}.xml", header)
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(path)
    assert [(s.original, s.where, s.furniture) for s in sentences] == [
        ("Contents", "paragraph 1", True), ("The storm 1", "paragraph 2", True),
        ("The storm reached the coast.", "paragraph 3", False),
        ("Schools stayed closed until Thursday.", "paragraph 4", False),
        ("Volunteers handed out blankets.", "paragraph 5", False),
        ("Figure 3 Harbour wall", "paragraph 6", False),
        ("Met Office bulletin.", "footnote 1", False), ("Photo: the council.", "footnote 2", False),
        ("Coastal Gazette", "header", True)]
    assert "4 words of hidden text" in caplog.text and "Editor: check the figures." in caplog.text


# ------------------------------------------------------------------------------------------- odt


def test_odt_headings_paragraphs_and_a_footnote_out_of_its_sentence(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Le Cervin"))
    paragraph = P(text="La première ascension date de 1865")
    note = Note(id="ftn1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Par Edward Whymper et ses compagnons."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(", et elle finit mal.")
    document.text.addElement(paragraph)
    path = tmp_path / "a.odt"
    document.save(str(path))
    raw, sentences = sentences_of(path)
    assert raw.format == "odt"
    assert [(s.original, s.where) for s in sentences] == [
        ("Le Cervin", "paragraph 1"),
        ("La première ascension date de 1865, et elle finit mal.", "paragraph 2"),
        ("Par Edward Whymper et ses compagnons.", "footnote 1"),
    ]


def test_odt_of_a_paragraph_a_line_reads_its_paragraphs_whole(tmp_path):
    # Layout probe: Voyage as a PDF converted to OpenDocument, a paragraph a line and an empty one
    # between paragraphs: 340 sentences for 148, cut at every line.
    import textwrap

    from odf.opendocument import OpenDocumentText
    from odf.text import P

    paragraphs = [
        "Looking back to all that has occurred to me since that eventful day, I am scarcely able to believe in the "
        "reality of my adventures. They were truly so wonderful that even now I am bewildered when I think of them.",
        "CHAPTER 1",
        "My uncle was a German, having married my mother's sister, an Englishwoman. Being very much attached to his "
        "fatherless nephew, he invited me to study under him in his home in the fatherland.",
        "This home was in a large town, and my uncle a professor of philosophy, chemistry, geology, mineralogy, and "
        "many other ologies."]
    document = OpenDocumentText()
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 60) + [""]:
            document.text.addElement(P(text=line))
    document.save(str(tmp_path / "lines.odt"))
    whole = OpenDocumentText()
    for paragraph in paragraphs:
        whole.text.addElement(P(text=paragraph))
    whole.save(str(tmp_path / "whole.odt"))
    assert [s.text for s in sentences_of(tmp_path / "lines.odt")[1]] == \
        [s.text for s in sentences_of(tmp_path / "whole.odt")[1]]


def test_odt_heading_number_is_read_apart_from_its_heading(tmp_path):
    """LibreOffice writes a numbered heading's number as <text:number>1.</text:number>: read glued,
    "1.The night of the storm" (a probe)."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Number, P

    document = OpenDocumentText()
    heading = H(outlinelevel=1)
    heading.addElement(Number(text="1."))
    heading.addText("The night of the storm")
    document.text.addElement(heading)
    document.text.addElement(P(text="The storm reached the coast on Monday."))
    document.save(str(tmp_path / "n.odt"))
    _raw, sentences = sentences_of(tmp_path / "n.odt")
    assert [s.original for s in sentences] == ["1. The night of the storm", "The storm reached the coast on Monday."]


# ------------------------------------------------------------------------------------------ html

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Bakou : le sommet</title>
<style>p { color: red }</style><script>var tracking = "Ne pas lire.";</script></head>
<body>
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article>
<h1>Le sommet de Bakou s&#39;est terminé vendredi</h1>
<p>Les dirigeants ont convenu d'un financement
de 300&nbsp;milliards de dollars. Les pays en développement l'ont jugé insuffisant.</p>
<div class="share-buttons"><a href="#">Partager sur Facebook</a></div>
<p>La question reste ouverte.</p>
</article>
<footer><p>© 2026 Le Journal. Tous droits réservés.</p></footer>
</body></html>
"""


def test_odt_text_box_and_image_title_are_read_after_their_paragraph(tmp_path):
    """A frame anchored in a paragraph was read into it: "La tempête Carte de la côteTrois mille
    personnes ont perdu le courant.a frappé la côte lundi." was one sentence, as in Word."""
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.svg import Title
    from odf.text import P

    document = OpenDocumentText()
    paragraph = P(text="La tempête ")
    frame = Frame(width="5cm", height="2cm", anchortype="as-char")
    frame.addElement(Title(text="Carte de la côte"))
    box = TextBox()
    box.addElement(P(text="Trois mille personnes ont perdu le courant."))
    frame.addElement(box)
    paragraph.addElement(frame)
    paragraph.addText("a frappé la côte lundi.")
    document.text.addElement(paragraph)
    document.text.addElement(P(text="Les écoles rouvriront jeudi."))
    document.save(str(tmp_path / "box.odt"))
    _raw, sentences = sentences_of(tmp_path / "box.odt")
    assert [(s.original, s.where, s.furniture) for s in sentences] == [
        ("La tempête a frappé la côte lundi.", "paragraph 1", False), ("Carte de la côte", "paragraph 1", True),
        ("Trois mille personnes ont perdu le courant.", "paragraph 1", False),
        ("Les écoles rouvriront jeudi.", "paragraph 2", False)]


def test_odt_table_of_contents_is_furniture(tmp_path):
    """Found by a probing helper: a generated table of contents was read as body text, and its
    lines ("Introduction 1") reported as left out of a translation that has none."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, IndexBody, P, TableOfContent

    document = OpenDocumentText()
    contents = TableOfContent(name="Contents")
    body = IndexBody()
    for line in ("Contents", "Introduction 1", "Results 2"):
        body.addElement(P(text=line))
    contents.addElement(body)
    document.text.addElement(contents)
    document.text.addElement(H(outlinelevel=1, text="Introduction"))
    document.text.addElement(P(text="The survey covered twelve villages."))
    path = tmp_path / "report.odt"
    document.save(str(path))
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.furniture) for s in sentences] == [
        ("Contents", True), ("Introduction 1", True), ("Results 2", True), ("Introduction", False),
        ("The survey covered twelve villages.", False)]


def test_odt_page_header_and_footer_are_furniture_as_in_a_docx(tmp_path):
    """They were left out of an .odt, and kept in a .docx: a Word original against a LibreOffice
    translation reported the header missing."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout
    from odf.text import P

    document = OpenDocumentText()
    layout = PageLayout(name="pl")
    document.automaticstyles.addElement(layout)
    for name in ("Standard", "First Page"):  # both repeat the header: it is read once
        page = MasterPage(name=name, pagelayoutname=layout)
        header, footer = Header(), Footer()
        header.addElement(P(text="Confidential draft for the city council"))
        footer.addElement(P(text="Printed by the press office"))
        page.addElement(header)
        page.addElement(footer)
        document.masterstyles.addElement(page)
    document.text.addElement(P(text="A storm hit the coast on Monday."))
    document.save(str(tmp_path / "storm.odt"))
    _raw, sentences = sentences_of(tmp_path / "storm.odt")
    assert [(s.original, s.where, s.furniture) for s in sentences] == [
        ("A storm hit the coast on Monday.", "paragraph 1", False),
        ("Confidential draft for the city council", "header", True),
        ("Printed by the press office", "footer", True)]


def test_html_article_text_with_furniture_marked_and_source_lines(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert raw.format == "html"
    got = [(s.original, s.where, s.furniture) for s in sentences]
    assert got == [
        ("Bakou : le sommet", "line 2", True),  # the title stands outside the article
        ("Accueil", "line 5", True),
        ("Monde", "line 5", True),
        ("Le sommet de Bakou s'est terminé vendredi", "line 7", False),
        # The page's &nbsp; stays a no-break space, as French typesets "300 milliards".
        ("Les dirigeants ont convenu d'un financement de 300\u00a0milliards de dollars.", "line 8", False),
        ("Les pays en développement l'ont jugé insuffisant.", "line 9", False),  # its own line, not its <p>'s
        ("Partager sur Facebook", "line 10", True),
        ("La question reste ouverte.", "line 11", False),
        ("© 2026 Le Journal.", "line 13", True),
        ("Tous droits réservés.", "line 13", True),
    ]
    assert "Ne pas lire" not in raw.text and "color" not in raw.text


def test_a_sentence_left_out_of_a_pages_article_is_content_not_furniture(tmp_path, use_encoder):
    """The page's <title> is furniture, and furniture passed "boilerplate" on to the short line
    after it, which passed it on again: every one-sentence paragraph of the article was
    boilerplate, and a left-out sentence was hidden under --min-severity content."""

    sentences = ["The city council met on Monday to discuss the new budget.",
                 "The mayor said that 250 new houses would be built next year.",
                 "Several residents complained about the noise from the construction site.",
                 "The police reported that traffic had increased by 12 percent.",
                 "A new park will open in the spring."]
    body = "".join(f"<p>{sentence}</p>\n" for sentence in sentences)
    (tmp_path / "en.html").write_text(f"<html><head><title>City council</title></head><body><article>\n"
                                      f"<h1>The city council meets</h1>\n{body}</article></body></html>",
                                      encoding="utf-8")
    (tmp_path / "de.txt").write_text(
        "Der Stadtrat trat am Montag zusammen, um den neuen Haushalt zu besprechen.\n"
        "Der Bürgermeister sagte, dass im nächsten Jahr 250 neue Häuser gebaut würden.\n"
        "Mehrere Anwohner beschwerten sich über den Lärm der Baustelle.\n"
        "Ein neuer Park wird im Frühjahr eröffnet.\n", encoding="utf-8")
    result = align_pair(str(tmp_path / "en.html"), str(tmp_path / "de.txt"), encoder=use_encoder, partial=False)
    left_out = {result.source.sentences[i].original: f.severity for f in result.findings if f.type == "omission"
                for i in f.src}
    assert left_out[sentences[3]] == "content"
    assert left_out["City council"] == "boilerplate"


def test_a_two_column_table_is_read_as_a_text_and_its_translation(tmp_path):
    # Read as text, each line held both languages and the halves came out scrambled.
    from align.loading import load_documents

    rows = [("The council met on Monday.", "Le conseil s'est réuni lundi."),
            ("It discussed the budget. It voted.", "Il a discuté du budget. Il a voté."),
            ("The mayor spoke.", "Le maire a parlé.")]
    path = tmp_path / "pairs.txt"
    path.write_text("\n".join(f"{en}\t{fr}" for en, fr in rows) + "\n", encoding="utf-8")
    source, target = load_documents(str(path))
    assert (source.lang, target.lang) == ("en", "fr")
    assert [(s.original, s.where) for s in source.sentences] == [
        ("The council met on Monday.", "row 1"), ("It discussed the budget.", "row 2"), ("It voted.", "row 2"),
        ("The mayor spoke.", "row 3")]
    assert [s.original for s in target.sentences][-1] == "Le maire a parlé."
    # Prose with a tab in one line is not a table.
    path.write_text("The council met on Monday.\tIt voted.\nThe mayor spoke.\n", encoding="utf-8")
    assert reader_for(str(path), path.read_bytes()) is None


def test_a_table_with_an_empty_cell_and_a_row_of_numbers_is_still_a_table(tmp_path, use_encoder, caplog):
    """A row the translation left empty, or a row of figures, made the whole file plain text: each
    line then held both languages and the pair was called unrelated. The empty cell is an omission."""
    rows = [("The council met on Monday to discuss the budget.", "Le conseil s'est réuni lundi pour discuter du budget."),
            ("The mayor presented a plan for the harbour.", "Le maire a présenté un plan pour le port."),
            ("2024", "2024"),
            ("Work on the quay will begin in May.", ""),
            ("The plan costs twelve million euros.", "Le plan coûte douze millions d'euros."),
            ("Residents will be consulted in the autumn.", "Les habitants seront consultés à l'automne.")]
    path = tmp_path / "pairs.tsv"
    path.write_text("\n".join(f"{en}\t{fr}" for en, fr in rows) + "\n", encoding="utf-8")
    result = align_pair(str(path), encoder=use_encoder, partial=False)
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert [(f.type, [result.source.sentences[i].where for i in f.src]) for f in result.findings
            if f.type in ("omission", "addition")] == [("omission", ["row 4"])]
    assert result.summary["verdict"] == "translation"
    # Three columns (an id, then the two texts) are read as text, and the user is told why.
    path.write_text("\n".join(f"{n}\t{en}\t{fr}" for n, (en, fr) in enumerate(rows[:2], 1)) + "\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="align"):
        assert reader_for(str(path), path.read_bytes()) is None
    assert "3 tab-separated columns" in caplog.text
    # Prose indented with a tab on every line is no table either: its first cells are empty.
    path.write_text("\tThe council met on Monday.\n\tThe mayor spoke.\n\tIt voted.\n", encoding="utf-8")
    assert reader_for(str(path), path.read_bytes()) is None


def test_a_transcript_with_a_speaker_and_a_tab_on_every_line_is_read_in_its_order(tmp_path):
    """Read as a two-column table, every speaker's name came first as one text and the lines as
    the other: the transcript was reordered. A glossary of short terms is still a table."""
    from align.loading import load_documents

    lines = ["Anna\tGood morning, everyone, and welcome to the meeting.", "Ben\tThank you. Shall we start with the budget?",
             "Anna\tYes, the budget comes first today.", "Ben\tThe numbers look better than last year."]
    path = tmp_path / "transcript.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert reader_for(str(path), path.read_bytes()) is None
    raw, sentences = sentences_of(path)
    assert [s.line for s in sentences] == [1, 2, 2, 3, 4] and sentences[0].original.startswith("Anna")
    # A Chinese cell is a third of its English one's length, but no label: each row says something new.
    chinese = tmp_path / "zh-en.tsv"
    chinese.write_text("我今天去商店买了一些苹果。\tToday I went to the store and bought some apples.\n"
                       "天气很好。\tThe weather is very nice today.\n他明天要去北京。\tHe is going to Beijing tomorrow.\n"
                       "我们一起吃晚饭吧。\tLet us have dinner together.\n这本书很有意思。\tThis book is very interesting.\n",
                       encoding="utf-8")
    source, target = load_documents(str(chinese), src_lang="zh", tgt_lang="en")
    assert [s.where for s in source.sentences] == [f"row {k}" for k in range(1, 6)] and target.lang == "en"
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("cat\tchat\nthe dog\tle chien\nbird\toiseau\nhouse\tmaison\n", encoding="utf-8")
    source, target = load_documents(str(glossary))
    assert [s.original for s in target.sentences] == ["chat", "le chien", "oiseau", "maison"]


def test_a_glossary_of_one_language_beside_its_translation_is_read_row_by_row(tmp_path):
    """Term<TAB>definition in English, given beside a French glossary: the table was read as two
    texts, all the terms and then all the definitions, and the French terms' rows were reported
    as left out beside 'related, not a translation'. A table is a text and its translation only
    when its columns are two languages; in one, each row reads as a line."""
    from align.loading import load_documents

    english = tmp_path / "glossary.tsv"
    english.write_text("Budget\tThe money the council may spend in one year.\n"
                       "Quorum\tThe smallest number of members needed for a valid vote.\n"
                       "Minutes\tThe written record of what was said at a meeting.\n", encoding="utf-8")
    french = tmp_path / "glossaire.txt"
    french.write_text("Budget : L'argent que le conseil peut dépenser en un an.\n"
                      "Quorum : Le nombre minimal de membres requis pour un vote valable.\n"
                      "Procès-verbal : Le compte rendu écrit de ce qui a été dit lors d'une réunion.\n", encoding="utf-8")
    source, target = load_documents(str(english), str(french))
    assert [(s.text, s.where) for s in source.sentences] == [
        ("Budget | The money the council may spend in one year.", "row 1"),
        ("Quorum | The smallest number of members needed for a valid vote.", "row 2"),
        ("Minutes | The written record of what was said at a meeting.", "row 3")]
    assert (source.lang, target.lang) == ("en", "fr")
    # A row whose first cell is empty keeps its place (read by the blocks' order it came last).
    english.write_text("invoice\tA document asking a customer to pay for goods.\n\tA note the editor added later.\n"
                       "refund\tMoney returned to a customer who is not satisfied.\n", encoding="utf-8")
    source, _ = load_documents(str(english), str(french))
    assert [s.where for s in source.sentences] == ["row 1", "row 2", "row 3"]
    assert source.sentences[1].text == "A note the editor added later."


def test_a_stray_tab_in_one_cell_of_a_table_is_said_and_the_table_still_read(tmp_path, caplog):
    """One row of eight with a tab typed into its French cell: the file was read as prose and
    refused as 'only French text found', though it held English and French."""
    from align.loading import load_documents

    rows = [("The meeting starts at nine.", "La réunion commence à neuf heures."),
            ("Please bring your badge.", "Veuillez apporter votre badge."),
            ("Lunch will be served in the canteen.", "Le déjeuner sera servi à la cantine."),
            ("The keynote speaker is late.", "L'orateur principal\test en retard."),
            ("Questions can be sent by email.", "Les questions peuvent être envoyées par courriel."),
            ("Parking is free for visitors.", "Le stationnement est gratuit pour les visiteurs.")]
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{en}\t{fr}\n" for en, fr in rows), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        source, target = load_documents(str(path))
    assert [s.text for s in target.sentences][3] == "L'orateur principal est en retard."
    assert len(source.sentences) == len(target.sentences) == 6 and "row 4: 3 cells" in caplog.text


def test_a_csv_of_two_columns_is_a_table_and_any_other_csv_text_said_so(tmp_path, caplog):
    """A .csv of sentence pairs, as a spreadsheet or a CAT tool exports it, was read as plain text:
    each line held both languages, silently mixed."""
    from align.loading import load_documents

    path = tmp_path / "pairs.csv"
    path.write_text('"The council met on Monday, as planned.","Le conseil s\'est réuni lundi, comme prévu."\n'
                    'The mayor spoke.,Le maire a parlé.\n"She said ""no"" twice.","Elle a dit « non » deux fois."\n'
                    "The vote is in May.,Le vote a lieu en mai.\n", encoding="utf-8")
    source, target = load_documents(str(path))
    assert [s.original for s in source.sentences] == [
        "The council met on Monday, as planned.", "The mayor spoke.", 'She said "no" twice.', "The vote is in May."]
    assert [s.where for s in target.sentences] == ["row 1", "row 2", "row 3", "row 4"]
    assert target.sentences[0].original == "Le conseil s'est réuni lundi, comme prévu."
    # French and German Excel separate cells with ";".
    semicolons = tmp_path / "pairs-fr.csv"
    semicolons.write_text("The council met on Monday.;Le conseil s'est réuni lundi.\n"
                          "The mayor spoke about the harbour.;Le maire a parlé du port.\n"
                          '"The vote was postponed; again.";"Le vote a été reporté ; encore une fois."\n',
                          encoding="utf-8")
    source, target = load_documents(str(semicolons))
    assert [s.original for s in target.sentences] == ["Le conseil s'est réuni lundi.", "Le maire a parlé du port.",
                                                      "Le vote a été reporté ; encore une fois."]
    prose = tmp_path / "notes.csv"
    prose.write_text("Hello, world. This is prose, with commas, and more of them.\nAnother line, of prose.\n",
                     encoding="utf-8")
    with caplog.at_level("WARNING", logger="align"):
        assert reader_for(str(prose), prose.read_bytes()) is None
    assert "notes.csv: not a table of two columns: read as plain text" in caplog.text
    # The same pairs under a .txt name are prose with commas, not a table.
    (tmp_path / "pairs.txt").write_bytes(path.read_bytes())
    assert reader_for(str(tmp_path / "pairs.txt"), path.read_bytes()) is None


@pytest.mark.parametrize("variant", ["trailing tab", "line break in a cell", "Excel's Unicode Text", "quoted cells"])
def test_a_table_as_spreadsheets_save_it_is_still_a_table(tmp_path, variant):
    """One trailing tab, a line break inside a cell (U+2028), or UTF-16 with a byte-order mark and
    CRLF (Excel's "Unicode Text") made the file plain text: its halves came out scrambled."""
    from align.loading import load_documents

    rows = [("The cat sleeps on the mat.", "Le chat dort sur le tapis."),
            ("The dog runs in the park.", "Le chien court dans le parc."),
            ("The bird sings in the tree.", "L'oiseau chante dans l'arbre."),
            ("The sun shines today.", "Le soleil brille aujourd'hui.")]
    lines = [f"{en}\t{fr}" for en, fr in rows]
    if variant == "trailing tab":
        lines[1] += "\t"
    elif variant == "line break in a cell":
        lines[1] = "The dog runs in the park.\u2028It is happy.\tLe chien court dans le parc.\u2028Il est heureux."
    elif variant == "quoted cells":
        # Excel's and Python's csv writers quote a cell holding a line break or a quote, doubling
        # the quotes inside: each such row had been cut into pieces, quotes and all, silently.
        lines[1] = '"The dog runs in the park.\nIt is ""happy""."\t"Le chien court dans le parc.\nIl est « heureux »."'
        lines[2] = '"Sing," said the bird in the tree.\t"Chante", dit l\'oiseau dans l\'arbre.'
    text = "\n".join(lines) + "\n"
    path = tmp_path / "pairs.txt"
    if variant == "Excel's Unicode Text":
        path.write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    else:
        path.write_text(text, encoding="utf-8")
    source, target = load_documents(str(path))
    assert (source.lang, target.lang) == ("en", "fr")
    assert [s.where for s in source.sentences][-1] == "row 4" and [s.where for s in target.sentences][-1] == "row 4"
    assert source.sentences[-1].original == "The sun shines today."
    assert target.sentences[-1].original == "Le soleil brille aujourd'hui."
    if variant == "quoted cells":
        assert [s.original for s in source.sentences] == [
            "The cat sleeps on the mat.", "The dog runs in the park.", 'It is "happy".',
            '"Sing," said the bird in the tree.', "The sun shines today."]
        assert [s.original for s in target.sentences][1:4] == [
            "Le chien court dans le parc.", "Il est « heureux ».", '"Chante", dit l\'oiseau dans l\'arbre.']
        assert [s.where for s in source.sentences] == ["row 1", "row 2", "row 2", "row 3", "row 4"]
    if variant == "line break in a cell":
        assert [s.original for s in source.sentences if s.where == "row 2"] == ["The dog runs in the park.", "It is happy."]


def test_html_of_a_paragraph_a_line_reads_its_paragraphs_whole(tmp_path):
    # Layout probe: Alice as Word saves a converted PDF to a web page, a <p> a line and an empty
    # <p>&nbsp;</p> between paragraphs: cut at every line, 389 sentences for 150.
    import textwrap

    paragraphs = [
        "Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to "
        "do: once or twice she had peeped into the book her sister was reading, but it had no pictures or "
        "conversations in it.",
        "Down, down, down. Would the fall never come to an end? 'I wonder how many miles I've fallen by this "
        "time?' she said aloud. 'I must be getting somewhere near the centre of the earth.'",
        "CHAPTER II",
        "Presently she began again. 'I wonder if I shall fall right through the earth! How funny it'll seem to "
        "come out among the people that walk with their heads downward!'"]
    lines = "\n<p>&nbsp;</p>\n".join("\n".join(f"<p>{line}</p>" for line in textwrap.wrap(p, 60)) for p in paragraphs)
    whole = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    for name, body in (("lines.html", lines), ("whole.html", whole)):
        (tmp_path / name).write_text(f"<html><body>\n{body}\n</body></html>", encoding="utf-8")
    assert [s.text for s in sentences_of(tmp_path / "lines.html")[1]] == \
        [s.text for s in sentences_of(tmp_path / "whole.html")[1]]


def test_html_sentences_of_a_paragraph_over_several_source_lines_keep_their_own_line(tmp_path):
    """Every sentence of a <p> was located by the paragraph's first source line: a translator
    looking for the third sentence opened the page source two lines too high."""
    path = tmp_path / "page.html"
    path.write_text("<html><body>\n<p>The council met on <b>Mon</b>day.\n<i>The mayor</i> spoke about the harbour."
                    " The vote\nwas postponed.\n<b>Residents</b> will be consulted.</p>\n<p>One\nmore.</p>\n"
                    "</body></html>\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("The council met on Monday.", "line 2"), ("The mayor spoke about the harbour.", "line 3"),
        ("The vote was postponed.", "line 3"), ("Residents will be consulted.", "line 5"), ("One more.", "line 6")]


def test_html_a_note_number_in_sup_is_raised_and_ends_its_sentence(tmp_path):
    """'1932.<sup>1</sup> Heavy trams' was read '1932.1 Heavy trams', a decimal that glued two
    sentences; the square metres of 'm<sup>2</sup>' are raised too, a word in <sup> is left as it is."""
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>The bridge was completed in 1932.<sup><a href='#n1'>1</a></sup> Heavy trams "
                    "crossed it until 1958.<sup>2</sup> The deck covers 400 m<sup>2</sup>. It opened on the 1<sup>st"
                    "</sup> of May.</p></body></html>", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences] == ["The bridge was completed in 1932.¹", "Heavy trams crossed it until 1958.²",
                                               "The deck covers 400 m².", "It opened on the 1st of May."]


def test_html_an_image_s_alternative_text_is_read_after_its_block(tmp_path):
    """Found by a probing helper: an image's alt text was in no report; Word's and OpenDocument's
    image titles are read after their paragraph, as furniture."""
    path = tmp_path / "page.html"
    path.write_text("<html><body><article><p>We left the city at dawn.</p>\n"
                    '<img src="map.png" alt="A map of the route from the city to the coast.">\n'
                    '<p>The road was <img src="star.png" alt="star"> empty.</p><img src="x.png" alt=""></article>'
                    "</body></html>", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.furniture) for s in sentences] == [
        ("We left the city at dawn.", False), ("A map of the route from the city to the coast.", True),
        ("The road was empty.", False), ("star", True)]


def test_html_end_tags_a_page_may_leave_out_end_their_elements(tmp_path):
    """A page without </head> lost its whole body; after an unclosed hidden <p>, or an unclosed
    share box, every paragraph was hidden or furniture; a figure in MathML or SVG was dropped from
    its sentence ("Winds reached km/h")."""
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Storm news</title>\n<body>\n"
                    "<p class='share'>Share this\n<p>A storm hit the coast on Monday.\n"
                    "<p hidden>Old version\n<p>Winds reached <math><mn>120</mn><annotation>120</annotation></math> "
                    "km/h.\n<ul><li>The <svg><title>icon</title><text>red</text></svg> zone is closed.\n"
                    "<li>Schools will reopen on Thursday.</ul>\n</body></html>\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.furniture) for s in sentences] == [
        ("Storm news", False), ("Share this", True), ("A storm hit the coast on Monday.", False),
        ("Winds reached 120 km/h.", False), ("The red zone is closed.", False),
        ("Schools will reopen on Thursday.", False)]


def test_html_saved_as_txt_is_still_read_as_a_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    raw, _sentences = sentences_of(path)
    assert raw.format == "html" and "<p>" not in raw.text


# ------------------------------------------------------------------------------------------- pdf


def make_pdf(path, pages, running_head="Die Alpen 1957"):
    """A PDF of `pages`, each under `running_head` (or, a pair, the first on odd pages and the
    second on even ones, as a book's chapter and title) and over its number."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=12)
    heads = running_head if isinstance(running_head, tuple) else (running_head, running_head)
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 10, heads[(number - 1) % 2], new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 8, text)
        pdf.set_y(-20)
        pdf.cell(0, 10, str(number), align="C")
    pdf.output(str(path))
    return path


def test_pdf_pages_with_a_sentence_across_the_break_and_running_heads(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", [
        "Der Aufstieg begann im Morgengrauen. Wir erreichten die Hütte gegen Mittag und",
        "ruhten dort zwei Stunden. Am Abend zog ein Gewitter auf.",
        "Am nächsten Tag war der Himmel klar.",
    ])
    raw, sentences = sentences_of(path)
    assert raw.format == "pdf"
    content = [(s.original.replace("\n", " "), s.where) for s in sentences if not s.furniture]
    assert content == [
        ("Der Aufstieg begann im Morgengrauen.", "page 1"),
        ("Wir erreichten die Hütte gegen Mittag und ruhten dort zwei Stunden.", "page 1"),
        ("Am Abend zog ein Gewitter auf.", "page 2"),
        ("Am nächsten Tag war der Himmel klar.", "page 3"),
    ]
    furniture = [(s.original, s.where) for s in sentences if s.furniture]
    assert ("Die Alpen 1957", "page 2") in furniture and ("2", "page 2") in furniture


@pytest.mark.parametrize("pages, heads", [
    (["Der Garten hinter dem alten Haus wurde", "vor vierzig Jahren angelegt. Er liebte Rosen."], "Jahresbericht"),
    (["Der Garten hinter dem alten Haus wurde", "vor vierzig Jahren angelegt. Er liebte Rosen.", "Es regnete.",
      "Der Winter kam früh."], ("Zweites Kapitel", "Eine Geschichte von Elmstead")),
])
def test_running_heads_of_two_pages_or_of_odd_and_even_pages_are_furniture(tmp_path, pages, heads):
    """Found by a probing helper: a running head was furniture only on three pages or more and on
    half of them; on a two-page report, or a book with its title on the even pages and its chapter
    on the odd ones, it was pasted into the sentence running over the page break."""
    _raw, sentences = sentences_of(make_pdf(tmp_path / "a.pdf", pages, heads))
    content = [s.original.replace("\n", " ") for s in sentences if not s.furniture]
    assert content[:2] == ["Der Garten hinter dem alten Haus wurde vor vierzig Jahren angelegt.", "Er liebte Rosen."]
    assert len(content) == len(pages)


def test_a_footnote_at_a_pdf_page_s_foot_does_not_cut_the_sentence_running_over(tmp_path):
    """Found by a probing helper: a footnote at the foot of a page stood between the halves of the
    sentence running over the page break ("... was planted" / "1 Sources: ..." / "forty years
    ago"): read after the text, the sentence is whole and the note a sentence of its own."""
    path = make_pdf(tmp_path / "a.pdf", ["Der Garten hinter dem alten Haus wurde\n1 Quellen: Kirchenbuch von Elmstead.",
                                          "vor vierzig Jahren angelegt. Er liebte Rosen.", "Es regnete."])
    _raw, sentences = sentences_of(path)
    content = [(s.original.replace("\n", " "), s.where) for s in sentences if not s.furniture]
    assert content == [("Der Garten hinter dem alten Haus wurde vor vierzig Jahren angelegt.", "page 1"),
                       ("Er liebte Rosen.", "page 2"), ("Es regnete.", "page 3"),
                       ("1 Quellen: Kirchenbuch von Elmstead.", "page 1")]


def test_a_figure_alone_on_a_pdf_line_is_a_page_number_only_when_it_counts_pages(tmp_path):
    """Any figure alone on a line at a page's edge was a page number, boilerplate: the year that
    closes a page ("1957") was taken out of the text. Page numbers that count the pages, from any
    first number (an excerpt of a book), still are."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=12)
    for number, text in enumerate(["Die Hütte wurde gebaut im Jahr", "Sie steht noch heute.", "Wir kamen zurück."],
                                  start=245):
        pdf.add_page()
        pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        if number == 245:
            pdf.multi_cell(0, 8, "1957", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 10, str(number), align="C")
    pdf.output(str(tmp_path / "excerpt.pdf"))
    _raw, sentences = sentences_of(tmp_path / "excerpt.pdf")
    content = [s.original for s in sentences if not s.furniture]
    # (read on with its line, since the line above ends no sentence: one sentence, as written)
    assert content[0] == "Die Hütte wurde gebaut im Jahr 1957"
    assert sorted(s.original for s in sentences if s.furniture) == ["245", "246", "247"]


def test_a_pdf_line_that_goes_on_with_a_name_or_a_figure_is_one_sentence(tmp_path):
    """Set in a proportional font, a paragraph's lines differ in length, the hard-wrap rule did not
    see them as wrapped, and a line opening with a capital or a digit began a paragraph: "La maire
    Ingrid" / "Solberg a qualifié ..." and "environ 38" / "000 voyageurs" were two sentences each.
    A headline above a byline stays apart."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    lines = ["Le conseil approuve une ligne de tram vers le port",
             "Par Anna Berg, 12 mars",
             "Le projet coutera 412 millions d'euros et sera acheve en 2029. La maire Ingrid",
             "Solberg a parle d'un tournant pour les transports de la region, avec environ 38",
             "000 voyageurs par jour la premiere annee selon les urbanistes de la ville."]
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    for line in ["Board members and steps, each a line of its own, at the page's width:",
                 "Anna Berg, Chair of the Board of Directors of the company for ten years",
                 "Carl Olsen, Chief Financial Officer of the company since its founding",
                 "1. Switch off the mains power before you open the front cover panel"]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "article.pdf"))
    _raw, sentences = sentences_of(tmp_path / "article.pdf")
    # A review's cases: a list of names and a numbered step keep their lines.
    assert [s.text for s in sentences][-3:] == ["Anna Berg, Chair of the Board of Directors of the company for ten years",
                                                "Carl Olsen, Chief Financial Officer of the company since its founding",
                                                "1. Switch off the mains power before you open the front cover panel"]
    assert [s.text for s in sentences][:4] == [
        lines[0], lines[1], "Le projet coutera 412 millions d'euros et sera acheve en 2029.",
        "La maire Ingrid Solberg a parle d'un tournant pour les transports de la region, avec environ 38 000 voyageurs "
        "par jour la premiere annee selon les urbanistes de la ville."]


@pytest.mark.parametrize("footer", ["Page {} of 2", "Page {} sur 2", "Seite {} von 2"])
def test_a_two_page_pdfs_page_numbers_in_words_are_furniture(tmp_path, footer):
    """A probe's two-page PDF: its footer "Page 1 of 2" was learnt from the pages only at three of
    them, and was glued into the sentence running over the page break: the TMX held "Page 1 of 2
    at least two years." """
    from fpdf import FPDF

    class Document(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, footer.format(self.page_no()), align="C")

    pdf = Document()
    pdf.set_auto_page_break(False)
    for text in ("The storm reached the coast on Monday night. The harbour master said the repairs would take",
                 "at least two years. Residents praised the speed of the rescue teams."):
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        pdf.set_xy(10, 20)
        pdf.multi_cell(190, 6, text)
    pdf.output(str(tmp_path / "two.pdf"))
    _raw, sentences = sentences_of(tmp_path / "two.pdf")
    assert [(s.text, s.furniture) for s in sentences] == [
        ("The storm reached the coast on Monday night.", False),
        ("The harbour master said the repairs would take at least two years.", False),
        ("Residents praised the speed of the rescue teams.", False),
        (footer.format(1), True), (footer.format(2), True)]


def test_pdf_without_text_layer_is_a_clear_error(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)  # a drawing, as a scan is an image: no text at all
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="no text layer"):
        read_input(str(path))


# ------------------------------------------------------------------------------------------ epub


def make_epub(path, chapters, encoding="utf-8", name="c{k}", properties=None, not_linear=()):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml",
                         '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                         '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                         "</rootfiles></container>")
        href = name.replace(" ", "%20")  # an href is a URL
        properties = properties or {}
        items = "".join(f'<item id="c{k}" href="text/{href.format(k=k)}.xhtml" media-type="application/xhtml+xml"'
                        + (f' properties="{properties[k]}"' if k in properties else "") + "/>"
                        for k in range(len(chapters)))
        spine = "".join(f'<itemref idref="c{k}"' + (' linear="no"' if k in not_linear else "") + "/>"
                        for k in range(len(chapters)))
        archive.writestr("OEBPS/content.opf",
                         '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
                         f"<metadata/><manifest>{items}</manifest><spine>{spine}</spine></package>")
        for k, paragraphs in enumerate(chapters):
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            archive.writestr(f"OEBPS/text/{name.format(k=k)}.xhtml",
                             (f'<?xml version="1.0" encoding="{encoding}"?><html xmlns="http://www.w3.org/1999/xhtml">'
                              f"<head><title>c{k}</title></head><body>{body}</body></html>").encode(encoding))
    return path


def test_epub_reads_the_spine_in_order_with_chapter_locators(tmp_path):
    path = make_epub(tmp_path / "book.epub", [["Chapitre premier.", "Candide vivait en Westphalie."],
                                                 ["Il fut chassé du château."]])
    raw, sentences = sentences_of(path)
    assert raw.format == "epub"
    content = [(s.original, s.where) for s in sentences if not s.furniture]
    assert content == [("Chapitre premier.", "chapter 1, paragraph 1"),
                       ("Candide vivait en Westphalie.", "chapter 1, paragraph 2"),
                       ("Il fut chassé du château.", "chapter 2, paragraph 1")]


def test_epub_chapters_are_counted_without_the_contents_page_and_supplements(tmp_path):
    """Found by a probing helper: the navigation document (the table of contents) in the spine
    was "chapter 1", so every chapter's text was located one chapter off; a document outside the
    reading order (linear="no") was counted as a chapter too."""
    path = make_epub(tmp_path / "book.epub", [["Contents", "Chapter One"], ["Chapitre premier."],
                                                 ["Note sur le texte."], ["Il fut chassé du château."]],
                     properties={0: "nav"}, not_linear={2})
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where, s.furniture) for s in sentences] == [
        ("Contents", "contents, paragraph 1", True), ("Chapter One", "contents, paragraph 2", True),
        ("Chapitre premier.", "chapter 1, paragraph 1", False), ("Note sur le texte.", "supplement 1, paragraph 1", False),
        ("Il fut chassé du château.", "chapter 2, paragraph 1", False)]


def test_epub_chapters_in_their_declared_encoding_and_hrefs_as_urls(tmp_path):
    """A chapter in ISO-8859-1 was read as UTF-8 (every accent U+FFFD, no warning), and a file
    named "chapter 1.xhtml", linked as "chapter%201.xhtml", was not found."""
    path = make_epub(tmp_path / "book.epub", [["Le café était fermé dimanche."]], encoding="iso-8859-1",
                     name="chapter {k}")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences if not s.furniture] == ["Le café était fermé dimanche."]


def test_an_epub_footnote_is_text_of_the_book_and_a_web_pages_sidebar_furniture(tmp_path):
    """EPUB writes a footnote as <aside epub:type="footnote">, which was read as a page's sidebar:
    a translator's note added to the book was boilerplate, hidden under --min-severity content."""
    note = ('Il fut chassé du château.</p><aside epub:type="footnote" id="n1"><p>Note du traducteur : '
            'le château de Thunder-ten-tronckh.</p></aside><p>Fin.')
    _raw, sentences = sentences_of(make_epub(tmp_path / "book.epub", [[note]]))
    assert [(s.original, s.furniture) for s in sentences] == [
        ("Il fut chassé du château.", False), ("Note du traducteur : le château de Thunder-ten-tronckh.", False),
        ("Fin.", False)]
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>Le texte.</p></article><aside><p>Lire aussi : la météo.</p></aside>"
                    "</body></html>", encoding="utf-8")
    _raw, sentences = sentences_of(page)
    assert [(s.original, s.furniture) for s in sentences] == [("Le texte.", False), ("Lire aussi : la météo.", True)]


# ------------------------------------------------------------------------------------- subtitles

SRT = """1
00:00:01,000 --> 00:00:03,500
<i>We left the hut</i>
before dawn and

2
00:00:03,600 --> 00:00:06,000
reached the ridge at nine.

3
00:00:06,500 --> 00:00:08,000
{\\an8}Then the storm came.
"""


def test_srt_cues_run_on_into_sentences_located_by_their_first_cue(tmp_path):
    path = tmp_path / "film.srt"
    path.write_text(SRT, encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert raw.format == "subtitles"
    assert [(" ".join(s.original.split()), s.where) for s in sentences] == [
        ("We left the hut before dawn and reached the ridge at nine.", "subtitle 1"),
        ("Then the storm came.", "subtitle 3"),
    ]


def test_srt_cues_written_without_blank_lines_between_them_are_cues(tmp_path):
    """Some tools write no blank line between cues: the next cue's number and timing line were read
    as the first cue's text, sentences "2" and "00:00:03,500 --> 00:00:05,000"."""
    path = tmp_path / "tight.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nGood morning, everyone.\n2\n00:00:03,500 --> 00:00:05,000\n"
                    "Shall we start?\n3\n00:00:05,500 --> 00:00:07,000\nThe budget comes\nfirst, at 10.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("Good morning, everyone.", "subtitle 1"), ("Shall we start?", "subtitle 2"),
        ("The budget comes\nfirst, at 10.", "subtitle 3")]


SRT_BROKEN_BEFORE_CAPITALS = """1
00:00:01,000 --> 00:00:03,000
What year is it?

2
00:00:03,500 --> 00:00:04,500
1984

3
00:00:05,000 --> 00:00:07,000
He came from
Paris by train.

4
00:00:07,500 --> 00:00:09,000
We drove down from

5
00:00:09,000 --> 00:00:11,000
Manchester with Paul.

6
00:00:11,500 --> 00:00:13,000
Besides, it was 2 a.m.
when I finally got home.

7
00:00:13,500 --> 00:00:15,000
- Did you eat?
- Not since noon.
"""


def test_a_punctuated_subtitles_sentence_goes_on_over_a_line_or_cue_that_opens_with_a_capital(tmp_path):
    """A probe: "He came from" / "Paris by train." were two sentences (a capital after a line with
    no full stop reads as a new paragraph in prose), and so was "2 a.m." / "when I finally got
    home.", its abbreviation read as a full stop; the one side cut so against the other's whole
    sentence made a false "merge" in a faithful pair. A cue that is a whole answer ("1984") and
    each speaker's turn stay sentences of their own; the sentences quote the file's line breaks."""
    path = tmp_path / "film.srt"
    path.write_text(SRT_BROKEN_BEFORE_CAPITALS, encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("What year is it?", "subtitle 1"), ("1984", "subtitle 2"), ("He came from\nParis by train.", "subtitle 3"),
        ("We drove down from\nManchester with Paul.", "subtitle 4"),
        ("Besides, it was 2 a.m.\nwhen I finally got home.", "subtitle 6"),
        ("- Did you eat?", "subtitle 7"), ("- Not since noon.", "subtitle 7")]
    assert [s.line for s in sentences] == [1, 2, 3, 5, 7, 9, 10]


def test_subtitles_that_end_no_sentence_with_a_full_stop_are_cut_where_prose_would_be(tmp_path):
    # Nothing tells where such a file's sentences end: a line opening with a capital starts one,
    # as before (run on, the whole file would be one sentence).
    path = tmp_path / "bare.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nWhere were you\n\n2\n00:00:03,500 --> 00:00:05,000\n"
                    "I waited at the station\n\n3\n00:00:05,500 --> 00:00:07,000\nuntil midnight\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences] == ["Where were you", "I waited at the station\nuntil midnight"]


def test_subtitles_that_end_only_their_questions_are_cut_where_prose_would_be(tmp_path):
    """A review: a fansub ends its questions with "?" and its statements with nothing; counted as
    punctuated, "I was at home" / "Don't lie to me" / "Your car was gone" ran together."""
    path = tmp_path / "fansub.srt"
    cues = ["Where were you", "I was at home", "Don't lie to me", "Your car was gone", "Why do you care?",
            "Because I waited", "Who told you?", "Nobody", "Let's go inside", "Is it cold?"]
    path.write_text("".join(f"{k}\n00:00:{k:02d},000 --> 00:00:{k:02d},900\n{cue}\n\n" for k, cue in enumerate(cues, 1)),
                    encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences][:4] == ["Where were you", "I was at home", "Don't lie to me", "Your car was gone"]


def test_a_subtitle_line_broken_off_by_a_dash_goes_on_into_no_other(tmp_path):
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nI was going to—\n\n2\n00:00:02,500 --> 00:00:04,000\n"
                    "Stop talking.\n\n3\n00:00:04,500 --> 00:00:06,000\nWe left at dawn.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences] == ["I was going to—", "Stop talking.", "We left at dawn."]


def test_a_subtitles_sentence_over_two_cues_in_one_version_only_is_no_merge(tmp_path):
    src, tgt = tmp_path / "en.srt", tmp_path / "fr.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:03,000\nWhere were you last night?\n\n2\n00:00:03,500 --> 00:00:06,000\n"
                   "I came back from\nParis by the night train.\n\n3\n00:00:06,500 --> 00:00:08,000\n"
                   "It was late and everyone was asleep.\n", encoding="utf-8")
    tgt.write_text("1\n00:00:01,000 --> 00:00:03,000\nOù étais-tu hier soir ?\n\n2\n00:00:03,500 --> 00:00:06,000\n"
                   "Je rentrais de Paris\npar le train de nuit.\n\n3\n00:00:06,500 --> 00:00:08,000\n"
                   "Il était tard et tout le monde dormait.\n", encoding="utf-8")
    result = align_pair(str(src), str(tgt))
    assert [(list(b.src), list(b.tgt)) for b in result.beads] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert not [f for f in result.findings if f.type in ("merge", "split", "omission", "addition")]


def test_subtitle_text_between_angle_brackets_is_text_unless_a_styling_tag(tmp_path):
    """Everything shaped like <word ...> was stripped as a tag: "x<y and y>z" lost "<y and y>"."""
    path = tmp_path / "film.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nIf x<y and y>z then x is smaller.\n\n"
                    "2\n00:00:03,500 --> 00:00:05,000\nShe said <wow> and left.\n\n"
                    "3\n00:00:05,500 --> 00:00:07,000\n<i>Rain</i> fell <font color=\"red\">all</font> night "
                    "<for hours>.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [" ".join(s.original.split()) for s in sentences] == [
        "If x<y and y>z then x is smaller.", "She said <wow> and left.", "Rain fell all night <for hours>."]


def test_vtt_with_header_notes_and_settings(tmp_path):
    path = tmp_path / "film.vtt"
    path.write_text("WEBVTT\n\nNOTE made by hand\n\nintro\n00:01.000 --> 00:03.000 align:start\n"
                    "<v Anna>Bonjour à tous.</v>\n\n00:03.500 --> 00:05.000\nÀ demain.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [("Anna: Bonjour à tous.", "subtitle 1"),
                                                          ("À demain.", "subtitle 2")]


def test_a_vtt_voice_is_written_where_the_speaker_changes(tmp_path):
    # A probe changed "<v Paul>" to "<v Marie>": the speakers were dropped with the tags, and the
    # change showed in no report. Written once per turn, not before every cue of one speaker.
    path = tmp_path / "talk.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Marie>Good morning, everyone.\n\n"
                    "00:02.500 --> 00:05.000\n<v Marie>Today we will visit <b>three</b> museums.\n\n"
                    "00:05.500 --> 00:08.000\n<v.loud Paul>The first one opens\n\n"
                    "00:08.500 --> 00:09.000\n<v Paul>at nine.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(" ".join(s.original.split()), s.where) for s in sentences] == [
        ("Marie: Good morning, everyone.", "subtitle 1"), ("Today we will visit three museums.", "subtitle 2"),
        ("Paul: The first one opens at nine.", "subtitle 3")]


# ----------------------------------------------------------------------------------------- xliff


def make_xliff12(path, units):
    """An XLIFF 1.2 file written by translate-toolkit, as a CAT tool's exporter would."""
    from translate.storage import xliff

    store = xliff.xlifffile(sourcelanguage="en", targetlanguage="fr")
    for unit_id, source, target in units:
        unit = store.addsourceunit(source)
        unit.setid(unit_id)
        if target is not None:
            unit.target = target
    path.write_bytes(bytes(store))
    return path


UNITS = [
    ("u1", "The summit in Baku ended on Friday.", "Le sommet de Bakou s'est terminé vendredi."),
    ("u2", "Leaders agreed on new climate funding of 300 billion dollars.",
     "Les dirigeants ont convenu d'un nouveau financement climatique de 300 milliards de dollars."),
    ("u3", "The G20 meeting in Rio had not settled the question of who pays.", None),
    ("u4", "Developing countries called the deal far too small.",
     "Les pays en développement ont jugé l'accord bien trop modeste."),
]


def test_xliff12_targets_are_audited_against_sources(tmp_path):

    path = make_xliff12(tmp_path / "job.xlf", UNITS)
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert [s.where for s in result.source.sentences] == ["unit u1", "unit u2", "unit u3", "unit u4"]
    assert [s.where for s in result.target.sentences] == ["unit u1", "unit u2", "unit u4"]
    omissions = [f for f in result.findings if f.type == "omission"]
    assert [f.src for f in omissions] == [[2]] and "unit u3" in omissions[0].message


def test_xliff2_inline_codes_left_out_and_paired_text_kept(tmp_path):
    path = tmp_path / "job.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
        'srcLang="de" trgLang="fr"><file id="f1"><unit id="7"><originalData><data id="d1">&lt;br/&gt;</data>'
        '</originalData><segment><source>Der <pc id="1">Gipfel</pc> ist<ph id="2" dataRef="d1"/> hoch.</source>'
        '<target>Le <pc id="1">sommet</pc> est<ph id="2" dataRef="d1"/> haut.</target></segment></unit></file></xliff>',
        encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [("Der Gipfel ist hoch.", "unit 7"),
                                                          ("Le sommet est haut.", "unit 7")]
    assert [span.side for span in raw.spans] == ["source", "target"]


def test_xliff2_segments_of_a_unit_are_sentences_with_or_without_an_ignorable_between(tmp_path):
    """Many tools write a unit's segments with no <ignorable> space between them: "hoch.Wir" was
    read as one sentence. Where the file has its own ignorable, its space is kept, not doubled."""
    path = tmp_path / "job.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
        'srcLang="de" trgLang="fr"><file id="f1"><unit id="1">'
        '<segment><source>Der Gipfel ist hoch.</source><target>Le sommet est haut.</target></segment>'
        '<segment><source>Wir stiegen um 5 Uhr auf.</source><target>Nous sommes partis à 5 heures.</target></segment>'
        '<ignorable><source> </source><target> </target></ignorable>'
        '<segment><source>Es war kalt.</source><target>Il faisait froid.</target></segment>'
        '</unit></file></xliff>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [s.original for s in sentences] == [
        "Der Gipfel ist hoch.", "Wir stiegen um 5 Uhr auf.", "Es war kalt.",
        "Le sommet est haut.", "Nous sommes partis à 5 heures.", "Il faisait froid."]
    assert "auf.  Es" not in raw.text and "auf. Es" in raw.text


def test_xliff_segments_marked_in_12_and_an_ignorable_without_target_in_2_keep_sentences_apart(tmp_path):
    """An SDL/memoQ XLIFF 1.2 target holds its sentences in <mrk mtype="seg"> with nothing between
    them, and an XLIFF 2 <ignorable> may give its space in the source only: "nettoyer.Utilisez" and
    "diez.Las" were one word each, two sentences glued."""
    sdl = tmp_path / "manual.sdlxliff"
    sdl.write_text(
        '<?xml version="1.0" encoding="utf-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="m.docx" source-language="en-US" target-language="fr-FR" datatype="x"><body>'
        '<trans-unit id="a1"><source>Unplug it before cleaning it. Use a dry cloth only.</source><seg-source>'
        '<mrk mtype="seg" mid="1">Unplug it before cleaning it.</mrk> <mrk mtype="seg" mid="2">Use a dry cloth only.</mrk>'
        '</seg-source><target><mrk mtype="seg" mid="1">Débranchez-le avant de le nettoyer.</mrk><mrk mtype="seg" '
        'mid="2">Utilisez uniquement un chiffon sec.</mrk></target></trans-unit>'
        # ... also where each segment stands in a <g> of its own
        '<trans-unit id="a2"><source>No soap. Dry it in the air.</source><target><g id="1"><mrk mtype="seg" mid="3">'
        'Pas de savon.</mrk></g><g id="2"><mrk mtype="seg" mid="4">Séchez-le à l\'air.</mrk></g></target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    _raw, sentences = sentences_of(sdl)
    assert [s.original for s in sentences][4:] == ["Débranchez-le avant de le nettoyer.", "Utilisez uniquement un chiffon sec.",
                                                   "Pas de savon.", "Séchez-le à l'air."]
    two = tmp_path / "museum.xlf"
    two.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        'srcLang="en" trgLang="es"><file id="f1"><unit id="u1">'
        '<segment><source>The museum opens at ten.</source><target>El museo abre a las diez.</target></segment>'
        '<ignorable><source> </source></ignorable>'
        '<segment><source>Tickets cost twelve euros.</source><target>Las entradas cuestan doce euros.</target></segment>'
        '</unit></file></xliff>', encoding="utf-8")
    raw, sentences = sentences_of(two)
    assert [s.original for s in sentences][2:] == ["El museo abre a las diez.", "Las entradas cuestan doce euros."]
    assert "diez.  Las" not in raw.text


# ------------------------------------------------------------------- same beads as the plain text


def _text_berg(tmp_path):
    de = (DATA / "test4.de").read_text(encoding="utf-8").splitlines()
    fr = (DATA / "test4.fr").read_text(encoding="utf-8").splitlines()
    return de, fr


def _bead_texts(result):
    return sorted((tuple(result.source.sentences[i].original for i in b.src),
                   tuple(result.target.sentences[j].original for j in b.tgt), b.kind) for b in result.beads)


def test_a_docx_and_a_web_page_of_a_text_berg_article_align_as_its_plain_text(tmp_path):
    from html import escape


    de, fr = _text_berg(tmp_path)
    (tmp_path / "de.txt").write_text("\n\n".join(de) + "\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    make_docx(tmp_path / "de.docx", de, header="Die Alpen")
    body = "\n".join(f"<p>{escape(line)}</p>" for line in fr)
    (tmp_path / "fr.html").write_text(
        f"<!doctype html><html><head><title>Les Alpes</title></head><body><nav><a href='/'>Sommaire</a></nav>"
        f"<main>\n{body}\n</main><footer>Club Alpin Suisse</footer></body></html>", encoding="utf-8")
    plain = align_pair(str(tmp_path / "de.txt"), str(tmp_path / "fr.txt"), src_lang="de", tgt_lang="fr")
    rich = align_pair(str(tmp_path / "de.docx"), str(tmp_path / "fr.html"), src_lang="de", tgt_lang="fr")
    furniture = {s.original for doc in (rich.source, rich.target) for s in doc.sentences if s.furniture}
    assert furniture == {"Die Alpen", "Les Alpes", "Sommaire", "Club Alpin Suisse"}
    rich_beads = [bead for bead in _bead_texts(rich) if not furniture & set(bead[0] + bead[1])]
    assert rich_beads == _bead_texts(plain)
    # The furniture is in the report, the page's menu and title as boilerplate additions.
    in_beads = [s.original for b in rich.beads for s in [*(rich.source.sentences[i] for i in b.src),
                                                          *(rich.target.sentences[j] for j in b.tgt)]]
    assert sorted(s for s in in_beads if s in furniture) == sorted(furniture)
    added = {(rich.target.sentences[j].original, f.severity) for f in rich.findings if f.type == "addition"
             for j in f.tgt}
    assert {("Sommaire", "boilerplate"), ("Les Alpes", "boilerplate")} <= added


# ---------------------------------------------------------------------------------- the command


def test_cli_reports_show_locators(tmp_path):
    path = make_xliff12(tmp_path / "job.xlf", UNITS)
    done = cli("pair", path, "-f", "table", "--no-color", "--quiet")
    assert done.returncode == 0, done.stderr
    assert "u3 left out: The G20 meeting" in done.stdout and "uu3" not in done.stdout  # not "uu3": the id has its u
    assert "left out (unit u3 of the source" in done.stdout


@pytest.mark.parametrize("name, content, message", [
    ("broken.docx", b"PK\x03\x04 this is no zip", "cannot be read as a Word document"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "no Word document can be found"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "cannot be read as a PDF"),
    ("old-word.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an old Office file (97-2003) that holds no Word"),
    ("broken.xlf", b'<?xml version="1.0"?><xliff version="1.2"><file>', "cannot be read as XLIFF"),
])
def test_broken_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    done = cli("pair", path, path, "--quiet")
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_subtitle_text_whose_timing_line_is_damaged_is_kept_and_said(tmp_path, caplog):
    path = tmp_path / "film.srt"
    path.write_text(SRT.replace("00:00:06,500 --> 00:00:08,000", "00:00:06,500 -> 00:00:08"), encoding="utf-8")
    with caplog.at_level("WARNING", logger="align"):
        _raw, sentences = sentences_of(path)
    assert "film.srt, line 12: text outside any cue" in caplog.text
    # Not dropped with its damaged cue; its number and timing are not taken for text.
    assert [(s.original, s.where) for s in sentences][-1] == ("Then the storm came.", "line 12")
    assert sentences[0].where == "subtitle 1" and not any("00:00" in s.original for s in sentences)


def test_a_caption_in_capitals_is_no_part_of_the_next_cue():
    # "NASA HEADQUARTERS - HOUSTON" passed for a wrapped line beside cues of 29 characters, and ran
    # into "Mission control, do you copy?" on the English side only: a false split on a faithful pair.
    kinds = Path(__file__).parent / "data" / "kinds-of-text"
    for name, caption in (("span_en.srt", "NASA HEADQUARTERS - HOUSTON"), ("span_fr.srt", "SIÈGE DE LA NASA - HOUSTON")):
        _raw, sentences = sentences_of(kinds / name)
        assert (caption, "subtitle 3") in [(s.original, s.where) for s in sentences]
    # An Arabic line holding "NASA" is all capitals to str.isupper(): its wrapped lines stay one text.
    _raw, sentences = sentences_of(kinds / "ar_wrapped.txt")
    assert len(sentences) == 2


# ------------------------------------------------------------------------------------------- tmx


def test_a_tmx_is_read_as_a_memory_of_its_languages(tmp_path):
    """A TMX (even one align wrote) was read as plain text: its markup ('<tu tuid="1">',
    '<prop type="x-score">0.8190</prop>') was the sentences of every report, exit 0. One in three
    languages is a file of versions keyed by unit: the flags choose two, the source and the
    language most units hold by default."""
    path = tmp_path / "memory.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu tuid="1"><prop type="x-score">0.8190</prop><tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>storm'
        '<ept i="1">&lt;/b&gt;</ept> reached the coast.</seg></tuv><tuv xml:lang="fr-FR"><seg>La tempête a atteint '
        'la côte.</seg></tuv><tuv xml:lang="de-DE"><seg>Der Sturm erreichte die Küste.</seg></tuv></tu>'
        '<tu tuid="2"><tuv xml:lang="en-US"><seg>It destroyed<ph>&lt;br/&gt;</ph>300 houses.</seg></tuv></tu>'
        '<tu tuid="3"><tuv xml:lang="en-US"><seg>Schools stayed <hi>closed</hi>.</seg></tuv>'
        '<tuv xml:lang="fr-FR"><seg>Les écoles sont restées fermées.</seg></tuv></tu>'
        '</body></tmx>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("The storm reached the coast.", "key unit 1"), ("It destroyed 300 houses.", "key unit 2"),
        ("Schools stayed closed.", "key unit 3"), ("La tempête a atteint la côte.", "key unit 1"),
        ("Les écoles sont restées fermées.", "key unit 3"), ("Der Sturm erreichte die Küste.", "key unit 1")]
    assert [span.version for span in raw.spans] == ["en"] * 3 + ["fr"] * 2 + ["de"]
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert [f.src for f in result.findings if f.type == "omission"] == [[1]]
    # --tgt-lang de had labelled the French variants German, the German ones left out.
    result = align_pair(str(path), tgt_lang="de")
    assert [s.text for s in result.target.sentences] == ["Der Sturm erreichte die Küste."]
    assert [f.src for f in result.findings if f.type == "omission"] == [[1, 2]]


def test_an_articles_own_header_and_content_classes_are_text_not_furniture(tmp_path):
    """A probe's page: its article's <header> (the headline), a paragraph in <div class="share-price">
    and one in <div class="ad-hoc-committee"> were read as page furniture, so leaving them out of the
    translation was only 'boilerplate' (and nothing at all under --min-severity content)."""
    path = tmp_path / "page.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><body><header class="site-header"><a href="/">Home</a></header>'
        '<article><header><h1>Storm report</h1></header>'
        '<div class="share-price"><p>The mayor opened two shelters.</p></div>'
        '<div class="ad-hoc-committee"><p>Volunteers handed out blankets.</p></div>'
        '<div class="social-share-buttons"><p>Share on Facebook</p></div>'
        '<p aria-hidden="true">Power cuts: 3,000 homes</p>'
        '<footer><p>By Anna Berg, Bergen.</p></footer></article>'
        '<article><div class="entry-header"><h2>Ferry resumes</h2></div><p>Boats ran again on Friday.</p></article>'
        '<footer><p>Copyright 2024 The Daily.</p></footer></body></html>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, s.furniture) for s in sentences] == [
        ("Home", True), ("Storm report", False), ("The mayor opened two shelters.", False),
        ("Volunteers handed out blankets.", False), ("Share on Facebook", True),
        # Hidden from screen readers, not from the eye: kept, as furniture (it was dropped).
        ("Power cuts: 3,000 homes", True), ("By Anna Berg, Bergen.", False),
        # WordPress names an article's own header by its class (a review).
        ("Ferry resumes", False), ("Boats ran again on Friday.", False), ("Copyright 2024 The Daily.", True)]


def test_webvtt_escapes_are_read_and_a_rubys_reading_is_left_out(tmp_path):
    """A probe's cues: "Tom &amp; Jerry&apos;s caf&eacute;" stood as written in the JSON, table and
    TSV, and "<ruby>港<rt>みなと</rt></ruby>" was read "港みなと"."""
    path = tmp_path / "cues.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nTom &amp; Jerry&apos;s caf&eacute; is open &lt;24h&gt;.\n\n"
                    "00:00:03.500 --> 00:00:05.000\n<ruby>港<rt>みなと</rt></ruby>に着いた。\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [("Tom & Jerry's café is open <24h>.", "subtitle 1"),
                                                          ("港に着いた。", "subtitle 2")]
    # SubRip has no escapes: what it writes is its text.
    srt = tmp_path / "cues.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:03,000\nR&amp;D costs rose.\n", encoding="utf-8")
    assert [s.original for s in sentences_of(srt)[1]] == ["R&amp;D costs rose."]


def test_xliff2_targets_stand_where_their_order_puts_them(tmp_path):
    """A probe's unit whose translation swaps its two sentences says so with <target order="...">:
    read in the segments' order, the two were reported moved."""
    path = tmp_path / "job.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        'srcLang="en" trgLang="fr"><file id="f1"><unit id="u3">'
        '<segment id="s1"><source>Volunteers handed out blankets.</source><target order="3">La digue a été '
        'endommagée.</target></segment><ignorable><source> </source></ignorable>'
        '<segment id="s2"><source>The harbour wall was damaged.</source><target order="1">Des bénévoles ont '
        'distribué des couvertures.</target></segment></unit></file></xliff>', encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [s.original for s in sentences] == ["Volunteers handed out blankets.", "The harbour wall was damaged.",
                                               "Des bénévoles ont distribué des couvertures.", "La digue a été endommagée."]


def test_a_tmx_reads_a_regional_variant_of_its_source_language_as_source(tmp_path):
    """A review: in a merged memory with srclang="en-US", a unit whose English is "en-GB" was left
    out as a third language, and its French target then stood as an addition."""
    path = tmp_path / "merged.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu tuid="1"><tuv xml:lang="en-US"><seg>The color is red.</seg></tuv><tuv xml:lang="fr-FR"><seg>La '
        'couleur est rouge.</seg></tuv></tu><tu tuid="2"><tuv xml:lang="en-GB"><seg>The colour is blue.</seg>'
        '</tuv><tuv xml:lang="fr-CA"><seg>La couleur est bleue.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, span.side) for s, span in zip(sentences, raw.spans)] == [
        ("The color is red.", "source"), ("The colour is blue.", "source"),
        ("La couleur est rouge.", "target"), ("La couleur est bleue.", "target")]


def test_a_tmx_unit_with_two_variants_in_one_language_loses_neither(tmp_path):
    """A review: a unit's second variant in a language (an alternative translation, or an "en-US"
    source beside the "en-GB" one) was dropped unread, in a memory of two languages as in one of three."""
    units = ('<tu tuid="1"><tuv xml:lang="en-GB"><seg>The colour is red.</seg></tuv><tuv xml:lang="en-US"><seg>The '
             'color is red.</seg></tuv><tuv xml:lang="fr"><seg>La couleur est rouge.</seg></tuv>'
             '<tuv xml:lang="fr"><seg>Le rouge est la couleur.</seg></tuv>{third}</tu>')
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
            'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>')
    path = tmp_path / "two.tmx"
    path.write_text(head + units.format(third="") + '</body></tmx>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, span.side) for s, span in zip(sentences, raw.spans)] == [
        ("The colour is red.", "source"), ("The color is red.", "source"),
        ("La couleur est rouge.", "target"), ("Le rouge est la couleur.", "target")]
    path = tmp_path / "three.tmx"
    path.write_text(head + units.format(third='<tuv xml:lang="de"><seg>Die Farbe ist rot.</seg></tuv>')
                    + '</body></tmx>', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert [(s.original, span.version) for s, span in zip(sentences, raw.spans)] == [
        ("The colour is red.", "en"), ("The color is red.", "en"), ("La couleur est rouge.", "fr"),
        ("Le rouge est la couleur.", "fr"), ("Die Farbe ist rot.", "de")]


def test_a_tmx_nested_thousands_deep_is_a_one_line_error(tmp_path):
    """A review: 3,000 nested <hi> in a segment ended in a RecursionError's traceback."""
    path = tmp_path / "deep.tmx"
    deep = "<hi>" * 3000 + "x" + "</hi>" * 3000
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body><tu>'
                    f'<tuv xml:lang="en"><seg>{deep}</seg></tuv><tuv xml:lang="fr"><seg>y</seg></tuv></tu></body></tmx>',
                    encoding="utf-8")
    with pytest.raises(InputError, match="cannot be read as TMX .its markup is nested too deeply"):
        sentences_of(path)
