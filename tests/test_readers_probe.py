"""Readers, as a translator probing them found them: raised and lowered text read into the figure
before it, hidden text and ruby's phonetic guide read as text, a content control's prompt read as
the author's, no-break spaces lost, words glued across an XLIFF line break, a text box's
paragraphs counted among the body's.

The documents are written by hand after the format's specification, as Word, LibreOffice and CAT
tools write them.
"""
from __future__ import annotations

import logging
import zipfile

from conftest import blocks_of, texts_of

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


XLIFF_12 = '<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'


def _docx(path, body: str, styles: str = ""):
    """A .docx of document.xml (the body's XML) and, where given, styles.xml (its styles' XML)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if styles:
            archive.writestr("word/styles.xml", f"<w:styles {W}>{styles}</w:styles>")
    return path


def _run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _odt(path, body: str, automatic_styles: str = "", styles: str = ""):
    """An .odt of content.xml (its automatic styles and body) and styles.xml (its common styles)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF} office:version="1.3">'
               f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF}>'
                                       f"<office:styles>{styles}</office:styles></office:document-styles>")
    return path


def _text_style(name: str, position: str = "", parent: str = "") -> str:
    """An OpenDocument character style that sets its text `position` ("super 58%") or inherits."""
    inherits = f' style:parent-style-name="{parent}"' if parent else ""
    properties = f'<style:text-properties style:text-position="{position}"/>' if position else ""
    return f'<style:style style:name="{name}" style:family="text"{inherits}>{properties}</style:style>'


# ----------------------------------------------------------------------------- raised and lowered


SUP = '<w:vertAlign w:val="superscript"/>'
SUB = '<w:vertAlign w:val="subscript"/>'
BASELINE = '<w:vertAlign w:val="baseline"/>'
NOTE_NUMBER = '<w:rStyle w:val="NoteNumber"/>'
SECRET = '<w:rStyle w:val="Secret"/>'
SHOWN = '<w:vanish w:val="0"/>'


def test_docx_superscript_and_subscript_runs_are_raised_and_lowered(tmp_path):
    """Found by a probing translator: "in 2020<sup>1</sup>" was read "in 20201", "10<sup>6</sup>
    cells" "106 cells" (a false "number 106 vs 10" against the web page's "10⁶"), "25 m<sup>3</sup>"
    "25 m3". Raised by the run's own properties or by its character style (Word's "Superscript"
    and footnote-number styles); an ordinal's ending stays as written, text without superscript
    forms is set apart from the figure before it."""
    styles = ('<w:style w:type="character" w:styleId="Raised"><w:name w:val="Raised"/><w:rPr>'
              f"{SUP}</w:rPr></w:style>"
              '<w:style w:type="character" w:styleId="NoteNumber"><w:basedOn w:val="Raised"/></w:style>')
    body = (f"<w:p>{_run('The survey covered 42 rivers in 2020')}{_run('1', SUP)}{_run('. Rain delayed it.')}</w:p>"
            f"<w:p>{_run('Each sample held 10')}{_run('6', SUP)}{_run(' cells, ')}{_run('10')}"
            f"{_run('-3', NOTE_NUMBER)}{_run(' of them dead.')}</w:p>"
            f"<w:p>{_run('The tank holds 25 m')}{_run('3', SUP)}{_run(' of CO')}{_run('2', SUB)}{_run('.')}</w:p>"
            f"<w:p>{_run('It opened on the 1')}{_run('s', SUP)}{_run('t', SUP)}{_run(' of May, in 2020')}"
            f"{_run('TM', SUP)}{_run(', at step 3')}{_run('a', SUP)}{_run('.')}</w:p>"
            f"<w:p>{_run('Baseline ')}{_run('2', BASELINE)}{_run('.')}</w:p>"
            f"<w:p>{_run('Les 1')}{_run('ers', SUP)}{_run(' et la 2')}{_run('nde', SUP)}{_run(' classes.')}</w:p>")
    path = _docx(tmp_path / "raised.docx", body, styles)
    assert texts_of(path) == ["The survey covered 42 rivers in 2020¹. Rain delayed it.",
                              "Each sample held 10⁶ cells, 10⁻³ of them dead.", "The tank holds 25 m³ of CO₂.",
                              "It opened on the 1st of May, in 2020 TM, at step 3ª.", "Baseline 2.",
                              "Les 1ers et la 2nde classes."]


def test_odt_spans_set_raised_or_lowered_are_raised_and_lowered(tmp_path):
    """Found by a probing translator: an .odt read "in 2020<sup>1</sup>" as "in 20201" and "10<sup>6</sup>
    cells" as "106 cells", as Word's reader did. LibreOffice raises a span by its style's text
    position: "super 58%", "sub 58%", or a percentage above or below the line; the style may
    inherit it."""
    automatic = (_text_style("T1", "super 58%") + _text_style("T2", "-33% 58%") + _text_style("T3", parent="Raised")
                 + _text_style("T4", "0% 100%"))
    common = _text_style("Raised", "33% 58%")
    body = ('<text:p>The survey covered 42 rivers in 2020<text:span text:style-name="T1">1</text:span>. '
            'Each sample held 10<text:span text:style-name="T3">6</text:span> cells.</text:p>'
            '<text:p>The tank holds 25 m<text:span text:style-name="T1">3</text:span> of CO'
            '<text:span text:style-name="T2">2</text:span> and <text:span text:style-name="T4">4</text:span> kg.</text:p>')
    path = _odt(tmp_path / "raised.odt", body, automatic, common)
    assert texts_of(path) == ["The survey covered 42 rivers in 2020¹. Each sample held 10⁶ cells.",
                              "The tank holds 25 m³ of CO₂ and 4 kg."]


def test_html_letters_in_sup_and_figures_in_sub(tmp_path):
    """Found by a probing translator: "step 3<sup>a</sup>" was "step 3a", a letter glued into the
    figure, and "CO<sub>2</sub>" "CO2" where Word's and OpenDocument's readers lower it. An
    ordinal's ending and a French abbreviation's stay as written."""
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>At step 3<sup>a</sup> the 1<sup>st</sup> valve of M<sup>me</sup> Roy's "
                    "10<sup>-3</sup> bar CO<sub>2</sub> line opens.</p></body></html>", encoding="utf-8")
    assert texts_of(path) == ["At step 3ª the 1st valve of Mme Roy's 10⁻³ bar CO₂ line opens."]


# ---------------------------------------------------------------------------------- hidden text


def test_odt_hidden_spans_paragraphs_and_sections_are_left_out_and_said_so(tmp_path, caplog):
    """Found by a probing translator: text a LibreOffice document hides (a character or paragraph
    style with text:display="none", a hidden section, a paragraph or text field its condition
    hides) was read as text, "Hidden span must not appear." a sentence the translation left out.
    Word's hidden text was already left out and said so."""
    automatic = ('<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/>'
                 '</style:style><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Secret"/>')
    common = ('<style:style style:name="Secret" style:family="paragraph"><style:text-properties text:display="none"/>'
              "</style:style>")
    body = ('<text:p>The bridge was closed on Monday.<text:span text:style-name="T1"> Check the date with Paul.'
            "</text:span></text:p>"
            '<text:p text:style-name="P1">Hidden paragraph style must not appear.</text:p>'
            '<text:section text:name="S1" text:display="none"><text:p>This hidden section must not appear.</text:p>'
            "</text:section>"
            '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>A conditional note.</text:p>'
            '<text:p>It reopens in May<text:hidden-text text:condition="ooow:1" text:string-value=" (draft)" '
            'text:is-hidden="true"> (draft)</text:hidden-text>.</text:p>'
            '<text:section text:name="S2"><text:p>A shown section is read.</text:p></text:section>')
    path = _odt(tmp_path / "hidden.odt", body, automatic, common)
    with caplog.at_level(logging.WARNING, logger="align"):
        blocks = blocks_of(path)
    assert [(block.text, block.locator) for block in blocks] == [
        ("The bridge was closed on Monday.", "paragraph 1"), ("It reopens in May.", "paragraph 2"),
        ("A shown section is read.", "paragraph 3")]
    assert "21 words of hidden text" in caplog.text and "Check the date with Paul" in caplog.text


def test_docx_text_hidden_by_its_character_style_is_left_out(tmp_path, caplog):
    """A run is hidden by its character style as by its own properties; its own w:vanish w:val="0"
    shows it."""
    styles = ('<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>')
    body = (f"<w:p>{_run('Le pont a été fermé ')}{_run('[vérifier] ', SECRET)}{_run('lundi.')}</w:p>"
            f"<w:p>{_run('Il rouvrira en mai.', SECRET + SHOWN)}</w:p>")
    with caplog.at_level(logging.WARNING, logger="align"):
        texts = texts_of(_docx(tmp_path / "hidden.docx", body, styles))
    assert texts == ["Le pont a été fermé lundi.", "Il rouvrira en mai."]
    assert "1 word of hidden text" in caplog.text


# ----------------------------------------------------------------------------------------- ruby


def test_odt_ruby_is_read_without_its_phonetic_guide(tmp_path):
    """Found by a probing translator: "The word Tokyotoukyou is written in kanji.", the phonetic
    guide glued to its base, as Word's reader no longer did."""
    body = ("<text:p>The word <text:ruby><text:ruby-base>東京</text:ruby-base><text:ruby-text>とうきょう</text:ruby-text>"
            "</text:ruby> is written in kanji.</text:p>")
    assert texts_of(_odt(tmp_path / "ruby.odt", body)) == ["The word 東京 is written in kanji."]


def test_html_ruby_is_read_without_its_phonetic_guide(tmp_path):
    """Found by a probing translator: "東京<rt>とうきょう</rt>" was "東京とうきょう"; the <rp> a browser
    without ruby shows, and an <rt> left unclosed, are no text either, nor do they end the block."""
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>The city of <ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby> is large. "
                    "<ruby>漢<rt>kan<rt>ji</ruby> is read too.</p></body></html>", encoding="utf-8")
    assert texts_of(path) == ["The city of 東京 is large. 漢 is read too."]


# -------------------------------------------------------------------------------- placeholders


def test_docx_content_control_showing_its_placeholder_is_left_out(tmp_path):
    """Found by a probing translator: a content control's prompt ("Click or tap here to enter
    text.", w:showingPlcHdr) was read as a paragraph, and the translation's own prompt reported as
    added. A control holding what was typed in it is text."""
    placeholder = ("<w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
                   f"{{}}</w:sdtContent>")
    prompt = _run("Click or tap here to enter text.")
    body = (f"<w:p>{_run('The report was written by ')}<w:sdt>{placeholder.format(prompt)}</w:sdt>{_run('in May.')}</w:p>"
            f"<w:sdt>{placeholder.format('<w:p>' + _run('Choose an item.') + '</w:p>')}</w:sdt>"
            f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{_run('Filled in by the author.')}</w:p></w:sdtContent></w:sdt>"
            f"<w:sdt><w:sdtPr><w:showingPlcHdr w:val=\"0\"/></w:sdtPr><w:sdtContent><w:p>{_run('Typed over.')}</w:p>"
            f"</w:sdtContent></w:sdt><w:p>{_run('The end.')}</w:p>")
    blocks = blocks_of(_docx(tmp_path / "form.docx", body))
    assert [(block.text, block.locator) for block in blocks] == [
        ("The report was written by in May.", "paragraph 1"), ("Filled in by the author.", "paragraph 2"),
        ("Typed over.", "paragraph 3"), ("The end.", "paragraph 4")]


# ----------------------------------------------------------------------------- no-break spaces


def test_docx_odt_and_xliff_keep_a_no_break_space(tmp_path):
    """Found by a probing translator: French « », "12 %" and "1 006" lost their no-break and narrow
    no-break spaces in the TMX and XLIFF written from a .docx or an .odt, where plain text kept
    them. A run of spaces is still one space."""
    french = "Il a dit «\u00a0non\u00a0» à 12\u202f%,  \u00a0deux fois."
    kept = "Il a dit «\u00a0non\u00a0» à 12\u202f%, deux fois."
    docx = _docx(tmp_path / "fr.docx", f"<w:p>{_run(french)}</w:p>")
    odt = _odt(tmp_path / "fr.odt", f"<text:p>{french}</text:p>")
    xliff = tmp_path / "fr.xlf"
    xliff.write_text(f"{XLIFF_12}"
                     '<file original="a" source-language="en" target-language="fr"><body><trans-unit id="1">'
                     f"<source>He said no.</source><target>{french}</target></trans-unit></body></file></xliff>",
                     encoding="utf-8")
    assert texts_of(docx) == [kept]
    assert texts_of(odt) == [kept]
    assert texts_of(xliff) == ["He said no.", kept]


# ------------------------------------------------------------------------------- XLIFF codes


def test_xliff_a_line_break_code_keeps_the_words_either_side_apart(tmp_path):
    """Found by a probing translator: "Monday.<x ctype="lb"/>It is closed" was read "Monday.It is
    closed", one sentence, and "in<ph>&lt;br/&gt;</ph>2021" "in2021". XLIFF 2 marks a break by
    subType="xlf:lb" or by its original data; other codes are left out as before."""
    v12 = tmp_path / "v12.xlf"
    v12.write_text(f"{XLIFF_12}"
                   '<file original="a" source-language="en" target-language="fr"><body>'
                   '<trans-unit id="3"><source>The office is open on Monday.<x id="2" ctype="lb"/>It is closed on '
                   'Sunday.</source></trans-unit>'
                   '<trans-unit id="4"><source>Prices rose by 3<ph id="3">&lt;b&gt;</ph> percent in<ph id="4">&lt;br/&gt;'
                   '</ph>2021 and<x id="5" ctype="x-footnote"/>.</source></trans-unit></body></file></xliff>',
                   encoding="utf-8")
    v2 = tmp_path / "v2.xlf"
    v2.write_text('<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                  'version="2.0" srcLang="en" trgLang="fr"><file id="f1"><unit id="1"><originalData>'
                  '<data id="d1">&lt;w:br/&gt;</data></originalData><segment><source>Open on Monday.<ph id="1" '
                  'type="fmt" subType="xlf:lb"/>Closed on Sunday in<ph id="2" dataRef="d1"/>May.</source>'
                  "</segment></unit></file></xliff>", encoding="utf-8")
    assert [(block.text, block.locator) for block in blocks_of(v12)] == [
        ("The office is open on Monday. It is closed on Sunday.", "unit 3"),
        ("Prices rose by 3 percent in 2021 and.", "unit 4")]
    assert texts_of(v2) == ["Open on Monday. Closed on Sunday in May."]


# ------------------------------------------------------------------------------------ locators


def test_docx_a_text_box_s_paragraphs_are_located_by_the_paragraph_it_is_anchored_in(tmp_path):
    """Found by a probing translator: a text box's paragraphs were counted among the body's, so
    that every paragraph after it was one further on than Word has it; its text is located by the
    paragraph it is anchored in, as an image's alternative text is (and as OpenDocument's are)."""
    box = ("<w:txbxContent><w:p><w:r><w:t>Three thousand homes lost power.</w:t></w:r></w:p>"
           "<w:p><w:r><w:t>Schools stay shut.</w:t></w:r></w:p></w:txbxContent>")
    body = (f"<w:p>{_run('The storm hit the coast on Monday.')}<w:r><w:drawing>{box}</w:drawing></w:r></w:p>"
            f"<w:p>{_run('Trains ran again on Tuesday.')}</w:p><w:p>{_run('Roads reopened on Friday.')}</w:p>")
    blocks = blocks_of(_docx(tmp_path / "boxed.docx", body))
    assert [(block.text, block.locator) for block in blocks] == [
        ("The storm hit the coast on Monday.", "paragraph 1"), ("Three thousand homes lost power.", "paragraph 1"),
        ("Schools stay shut.", "paragraph 1"), ("Trains ran again on Tuesday.", "paragraph 2"),
        ("Roads reopened on Friday.", "paragraph 3")]
