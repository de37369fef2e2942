"""Readers for the files translators receive, chosen by content first and name second.

    >>> reader_for("article.docx", data)
    DocxReader(name='docx')

Plain text and markdown have no reader here: `align.reading` decodes them and the cleaning
stage strips markdown. Every reader returns blocks that keep a locator (page, paragraph,
subtitle, unit) back into the file.
"""
from __future__ import annotations

import logging
from pathlib import PurePath

from .android import AndroidStringsReader
from .apple_strings import AppleStringsReader
from .asciidoc import AsciidocReader
from .ass import AssReader
from .base import Block, Reader, Span, join_blocks, join_blocks_as_read
from .columns import ColumnsReader, CsvColumnsReader, ReportColumnsReader, wide_table
from .desktop_entry import DesktopEntryReader
from .doc import DocReader
from .docx import DocxReader
from .ebu_stl import EbuStlReader
from .epub import EpubReader
from .fb2 import Fb2Reader
from .html import HtmlReader
from .i18n_json import JsonStringsReader
from .idml import IdmlReader
from .latex import LatexReader
from .microdvd import MicroDvdReader
from .odp import OdpReader
from .ods import OdsColumnsReader
from .odt import OdtReader
from .pdf import PdfReader
from .po import MoReader, PoReader
from .ppt import PptReader
from .pptx import PptxReader
from .properties import PropertiesReader
from .qt import QmReader, TsReader
from .resx import ResxReader
from .rst import RstReader
from .rtf import RtfReader
from .sami import SamiReader
from .sbv import SbvReader
from .scc import SccReader
from .subtitles import SubtitleReader
from .tbx import TbxReader
from .tmx import TmxReader
from .ttml import TtmlReader
from .xcstrings import XcstringsReader
from .xliff import XliffReader
from .xls import XlsColumnsReader
from .xlsx import XlsxColumnsReader, XlsxReportReader
from .xml_document import XmlDocumentReader
from .yaml_strings import YamlStringsReader

READERS: tuple[Reader, ...] = (PdfReader(), DocxReader(), DocReader(), XlsColumnsReader(), PptReader(), PptxReader(), OdtReader(), OdpReader(), OdsColumnsReader(), EpubReader(), Fb2Reader(), RtfReader(),
                               ResxReader(), TsReader(), AndroidStringsReader(), XliffReader(), TmxReader(), TbxReader(),
                               PoReader(), MoReader(), QmReader(), YamlStringsReader(), TtmlReader(), HtmlReader(),
                               SubtitleReader(), AssReader(), SbvReader(), MicroDvdReader(), SamiReader(), SccReader(), EbuStlReader(),
                               XcstringsReader(), JsonStringsReader(), ReportColumnsReader(),
                               ColumnsReader(), XlsxReportReader(), XlsxColumnsReader(), PropertiesReader(), AppleStringsReader(), DesktopEntryReader(),
                               LatexReader(), RstReader(), AsciidocReader(), IdmlReader(),
                               XmlDocumentReader())  # last: any XML document the others leave
# By the .csv name only (commas are in every sentence); ";" as French and German Excel write it.
_CSV = (CsvColumnsReader(), CsvColumnsReader(";"))
FORMAT_NAMES = tuple(reader.name for reader in READERS) + (_CSV[0].name,)
logger = logging.getLogger("align")

# Binary office formats we cannot read, with what to do instead.
_UNSUPPORTED = {
    ".doc": "a .doc file in which no Word document can be found (damaged or cut short?)",
    ".pages": "an Apple Pages file; export it as .docx and give that",
    ".xls": "an .xls file in which no workbook can be found (damaged or cut short?)",
    ".xlsx": "a spreadsheet, not a text",
    ".ppt": "a .ppt file in which no PowerPoint deck can be found (damaged or cut short?)",
    ".mobi": "a Kindle e-book; convert it to .epub and give that",
    ".azw3": "a Kindle e-book; convert it to .epub and give that",
    ".lit": "a Microsoft Reader e-book; convert it to .epub and give that",
    ".djvu": "a DjVu scan; give its text layer (djvutxt file.djvu file.txt) or a PDF with text",
    ".djv": "a DjVu scan; give its text layer (djvutxt file.djvu file.txt) or a PDF with text",
    ".chm": "compiled HTML help; unpack its pages (7z x file.chm) and give the .html files",
    ".indd": "an InDesign document; save it as InDesign Markup (.idml) and give that",
    ".hwp": "a Hangul (HWP) document; save it as .docx and give that",
    ".wpd": "a WordPerfect document; save it as .docx and give that",
    ".key": "a Keynote presentation; export it as PowerPoint (.pptx) and give that",
    ".numbers": "a spreadsheet, not a text",
    ".xps": "an XPS document; print it to PDF and give that",
    ".oxps": "an XPS document; print it to PDF and give that",
}
_OLD_OFFICE = ("an old Office file (97-2003) that holds no Word document; save it in the new format (.docx, "
               ".pptx) and give that")
# The signatures files in those formats open with, for a file whose name does not say.
_SIGNATURES = ((b"AT&TFORM", ".djvu"), (b"ITSF", ".chm"), (b"ITOLITLS", ".lit"), (b"\xffWPC", ".wpd"),
               (bytes.fromhex("0606EDF5D81D46E5BD31EFE7FE74B71D"), ".indd"))


def reader_for(path: str, data: bytes) -> Reader | None:
    """The reader of `data` (the bytes of `path`), or None for plain text. The content decides
    first: a .txt that holds a web page is read as one, a page saved as .txt is still a page."""
    for reader in READERS:
        if reader.sniff(data):
            return reader
    suffix = PurePath(path).suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    if suffix == ".csv":
        for reader in _CSV:
            if reader.sniff(data):
                return reader
        columns = wide_table(data, ",") or wide_table(data, ";")
        shape = f"every line holds {columns} columns" if columns else "not a table of two columns"
        logger.warning("%s: %s: read as plain text; a bilingual table has two (source,target or source;target)",
                       path, shape)
        return None
    columns = wide_table(data)
    if columns:
        logger.warning("%s: every line holds %d tab-separated columns: read as plain text; a bilingual table has "
                       "two (source<TAB>target)", path, columns)
    return None


def unsupported(path: str, data: bytes = b"") -> str | None:
    """What to tell the user of a file in a format no reader takes, by its content or its name."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE file in which no reader found its stream
        return _UNSUPPORTED.get(PurePath(path).suffix.lower(), _OLD_OFFICE)
    for signature, suffix in _SIGNATURES:
        if data.startswith(signature):
            return _UNSUPPORTED[suffix]
    return _UNSUPPORTED.get(PurePath(path).suffix.lower())


__all__ = ["Block", "Reader", "Span", "join_blocks", "join_blocks_as_read", "reader_for", "unsupported", "READERS", "FORMAT_NAMES"]
