"""Files in and out, as a translator's real files are: defects a probe of every input format found.

The inputs are written here by hand after the format's specification, as Word and the tools that
make PDFs write them.
"""
from __future__ import annotations

import zipfile

import pytest

from conftest import pdf_of_lines as _pdf, texts_of

STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def test_a_strict_open_xml_docx_is_read(tmp_path):
    """Word's "Strict Open XML Document" names its elements in the ISO namespaces: the whole
    document was refused as holding no text to align."""
    body = (f'<w:document xmlns:w="{STRICT_W}"><w:body>'
            '<w:p><w:r><w:t>The storm hit the coast on Monday.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t xml:space="preserve">Three thousand </w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>DRAFT</w:t></w:r><w:r><w:t>people lost power.</w:t></w:r></w:p>'
            '</w:body></w:document>')
    footer = f'<w:ftr xmlns:w="{STRICT_W}"><w:p><w:r><w:t>Harbour News</w:t></w:r></w:p></w:ftr>'
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        archive.writestr("word/footer1.xml", footer)
    assert texts_of(path) == ["The storm hit the coast on Monday.", "Three thousand people lost power.", "Harbour News"]


def test_a_pdfs_ligatures_are_read_as_their_letters(tmp_path):
    """A typeset PDF's "ffi" and "fi" ligatures came out as U+FB03 and U+FB01: "oﬃce" went into
    the TMX and the XLIFF, a segment no CAT tool matches to "office"."""
    path = _pdf(tmp_path / "ligatures.pdf", ["The ﬁnance oﬃce ﬂew the ﬀ ﬄag."])
    assert texts_of(path) == ["The finance office flew the ff ffl" + "ag."]


def test_a_pdfs_shaped_arabic_is_read_as_its_letters(tmp_path):
    """Arabic a producer shaped comes out of the PDF as presentation forms (one code point per
    glyph: initial, medial, final), which the encoder and the checks read as no Arabic word."""
    shaped = "\ufebf\ufeae\ufe91\ufe96 \ufe8e\ufedf\ufecc\ufe8e\ufebb\ufed4\ufe94"
    # Drawn in visual order, as a producer that shapes Arabic draws it (right to left on the page).
    path = _pdf(tmp_path / "shaped.pdf", [shaped[::-1]])
    assert texts_of(path) == ["ضربت العاصفة"]


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def test_a_flat_opendocument_text_is_read(tmp_path):
    """LibreOffice's "Flat XML ODF Text Document" (.fodt) is one XML file: read as plain text, its
    markup was aligned as sentences ('<?xml version="1.0" ...><office:document ...') and a French
    text was taken for English by its tag names, exit 0."""
    path = tmp_path / "rapport.fodt"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {ODF} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        '<office:automatic-styles><style:style style:name="H" style:family="text">'
        '<style:text-properties text:display="none"/></style:style></office:automatic-styles>'
        '<office:master-styles><style:master-page style:name="Standard"><style:header>'
        '<text:p>Nouvelles du port</text:p></style:header></style:master-page></office:master-styles>'
        '<office:body><office:text><text:h text:outline-level="1">Le rapport du port</text:h>'
        '<text:p>La tempête a frappé la côte lundi.<text:span text:style-name="H"> BROUILLON</text:span></text:p>'
        '</office:text></office:body></office:document>', encoding="utf-8")
    assert texts_of(path) == ["Le rapport du port", "La tempête a frappé la côte lundi.", "Nouvelles du port"]



@pytest.mark.parametrize("count", ["2000000000", "x"])
def test_a_run_of_spaces_no_line_shows_is_read_as_spaces(tmp_path, count):
    """An .odt's text:s of two billion spaces built them all, 4 GB for one sentence; one whose count
    is no number was a ValueError's traceback. The .ods reader had its own bounded copy; both read
    the run through `odt.spaces` now."""
    import tracemalloc

    path = tmp_path / "rapport.fodt"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {ODF} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        f'<text:p>La tempête<text:s text:c="{count}"/>a frappé la côte lundi.</text:p>'
        '</office:text></office:body></office:document>', encoding="utf-8")
    tracemalloc.start()
    try:
        assert texts_of(path) == ["La tempête a frappé la côte lundi."]
        assert tracemalloc.get_traced_memory()[1] < 50_000_000
    finally:
        tracemalloc.stop()

def test_a_docx_whose_main_part_is_named_otherwise_is_read(tmp_path):
    """The package's relationships say which part is the document; a tool that saves it as
    word/document2.xml made a valid .docx that was refused ("no word/document.xml in it")."""
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>'
                         '</Relationships>')
        archive.writestr("word/document2.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The storm hit the coast.</w:t>'
                         '</w:r></w:p></w:body></w:document>')
    assert texts_of(path) == ["The storm hit the coast."]


def _epub(path, chapter: bytes, encryption: str = ""):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                         '<rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>')
        archive.writestr("OEBPS/content.opf", '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>'
                         '<item id="c1" href="text/c%201.xhtml" media-type="application/xhtml+xml"/>'
                         '<item id="f" href="f.otf" media-type="font/otf"/></manifest>'
                         '<spine><itemref idref="c1"/></spine></package>')
        archive.writestr("OEBPS/text/c 1.xhtml", chapter)
        archive.writestr("OEBPS/f.otf", bytes(range(256)))
        if encryption:
            archive.writestr("META-INF/encryption.xml",
                             '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                             f'xmlns:enc="http://www.w3.org/2001/04/xmlenc#">{encryption}</encryption>')
    return path


def _encrypted_data(uri: str, algorithm: str) -> str:
    return (f'<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>'
            f'<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>')


def test_a_drm_protected_epub_is_refused_in_one_line(tmp_path):
    """A protected e-book's chapters are encrypted: read as they were, they were aligned as
    sentences of random characters, exit 0."""
    from align.errors import InputError
    from align.reading import read_input

    noise = bytes((k * 7919 + 13) % 256 for k in range(3000))
    path = _epub(tmp_path / "drm.epub", noise,
                 _encrypted_data("OEBPS/text/c%201.xhtml", "http://www.w3.org/2001/04/xmlenc#aes128-cbc"))
    with pytest.raises(InputError, match="DRM-protected"):
        read_input(str(path))


def test_an_epub_with_obfuscated_fonts_only_is_read(tmp_path):
    chapter = b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>The storm hit the coast.</p></body></html>'
    path = _epub(tmp_path / "fonts.epub", chapter,
                 _encrypted_data("OEBPS/f.otf", "http://www.idpf.org/2008/embedding"))
    assert texts_of(path) == ["The storm hit the coast."]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize("content, says", [
    (OLE + "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0") + "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
     + bytes(range(256)) * 8, "password-protected"),
    (OLE + "WordDocument".encode("utf-16-le").ljust(128, b"\0") + bytes(range(256)) * 8, "cannot be read as a Word .doc file"),
])
def test_a_docx_that_is_an_ole_file_says_what_it_is(tmp_path, content, says):
    """A password-protected .docx is an OLE file holding the encrypted package, and a .doc renamed
    .docx is one too: both got "cannot be read as a Word document (File is not a zip file)"."""
    from align.errors import InputError
    from align.reading import read_input

    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=says):
        read_input(str(path))


def test_an_xhtml_cdata_section_is_read_as_text(tmp_path):
    """In XHTML (an e-book's chapter) a CDATA section is text the reader sees; the HTML parser
    took it for a declaration and the sentence was dropped unsaid."""
    chapter = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
               '<p>The storm hit the coast.</p><p><![CDATA[Three thousand people lost power.]]></p>'
               '<p>The harbour reopened.</p></body></html>').encode()
    path = _epub(tmp_path / "book.epub", chapter)
    assert texts_of(path) == ["The storm hit the coast.", "Three thousand people lost power.", "The harbour reopened."]


def test_a_cdata_section_of_a_page_served_as_html_is_not_shown():
    from align.readers.html import HtmlReader

    page = "<!DOCTYPE html><html><body><p>The storm hit.<![CDATA[not shown]]></p></body></html>"
    assert [block.text for block in HtmlReader().blocks(page, "page.html")] == ["The storm hit."]
