"""PowerPoint slide decks (.pptx): each slide's text in the order its shapes stand in the slide
(titles, text boxes, table cells, grouped shapes), then its speaker notes, located by the slide
("slide 3", "slide 3, notes"). A paragraph of a shape is a block; a line break inside it (Shift+Enter)
goes on with its sentence, as a wrapped line does. Slide numbers, dates and footers, and the
alternative text of pictures, are page furniture (reported as boilerplate, never dropped). Slides
are read in the order the presentation shows them, hidden ones too (they are in the file the
translator was given), and a warning names those.

Read with the standard library, as Word files are: a .pptx is a zip of XML parts.
"""
from __future__ import annotations

import logging
import posixpath
import zipfile
import zlib
from xml.etree import ElementTree

from .base import Block, Package, Reader, broken, refuse_ole, tidy

logger = logging.getLogger("align")

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SLIDE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
# Placeholders PowerPoint fills itself: the slide's number, the date, the footer; in the notes,
# the slide's picture and its number too.
_FURNITURE_PLACEHOLDERS = frozenset(("sldNum", "dt", "ftr", "hdr", "sldImg"))


def _relations(archive: Package, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of `part`: id -> (type, the target part's name)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except KeyError:
        return {}
    return {rel.get("Id", ""): (rel.get("Type", ""), posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
            for rel in root.iter(_RELS + "Relationship") if rel.get("TargetMode") != "External"}


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    pieces = []
    for element in paragraph.iter():
        if element.tag == A + "t":
            pieces.append(element.text or "")
        elif element.tag == A + "br":
            pieces.append("\n")
    return "".join(pieces)


def _placeholder_type(shape: ElementTree.Element) -> str:
    placeholder = next(shape.iter(P + "ph"), None)
    return placeholder.get("type", "body") if placeholder is not None else ""


def _shape_blocks(tree: ElementTree.Element, locator: str) -> list[Block]:
    """The paragraphs of every shape of a slide's (or its notes') shape tree, in the order they
    stand in it, table cells row by row; a picture's alternative text as furniture."""
    out = []
    for shape in tree:
        tag = shape.tag
        if tag == P + "grpSp":
            out += _shape_blocks(shape, locator)
            continue
        if tag == MC + "AlternateContent":
            # One shape in two versions, for newer PowerPoints and older ones: both were read, and
            # its text stood twice in every report. The older one is what every reader shows.
            versions = shape.findall(MC + "Fallback") or shape.findall(MC + "Choice")[:1]
            for version in versions:
                out += _shape_blocks(version, locator)
            continue
        furniture = _placeholder_type(shape) in _FURNITURE_PLACEHOLDERS
        if tag == P + "pic":
            described = next(shape.iter(P + "cNvPr"), None)
            alt = (described.get("descr") or "").strip() if described is not None else ""
            if alt:
                out.append(Block(alt, locator, furniture=True))
            continue
        for paragraph in shape.iter(A + "p"):
            text = tidy(_paragraph_text(paragraph))
            if not text:
                continue
            lines = text.split("\n")
            breaks, at = [], 0
            for line in lines[:-1]:
                at += len(line)
                breaks.append(at)
                at += 1
            out.append(Block(text, locator, furniture=furniture, run_on_breaks=tuple(breaks)))
    return out


class PptxReader(Reader):
    name = "pptx"
    suffixes = (".pptx", ".pptm", ".ppsx", ".potx")

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"ppt/" in data[:4096]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        refuse_ole(data, label, "slide deck", "PowerPoint .ppt", ".pptx")
        try:
            archive = Package(data, label)
            presentation = ElementTree.fromstring(archive.read("ppt/presentation.xml"))
            relations = _relations(archive, "ppt/presentation.xml")
            slide_parts = [relations[slide.get(R + "id", "")][1] for slide in presentation.iter(P + "sldId")
                           if relations.get(slide.get(R + "id", ""), ("", ""))[0] == _SLIDE]
            out: list[Block] = []
            hidden = []
            for number, part in enumerate(slide_parts, 1):
                slide = ElementTree.fromstring(archive.read(part))
                if slide.get("show") == "0":
                    hidden.append(number)
                tree = next(slide.iter(P + "spTree"), None)
                if tree is not None:
                    out += _shape_blocks(tree, f"slide {number}")
                notes = [target for kind, target in _relations(archive, part).values() if kind == _NOTES]
                for notes_part in notes[:1]:
                    notes_tree = next(ElementTree.fromstring(archive.read(notes_part)).iter(P + "spTree"), None)
                    if notes_tree is not None:
                        out += _shape_blocks(notes_tree, f"slide {number}, notes")
        # zlib.error and EOFError: a part whose compressed bytes are damaged (a deck cut short by a
        # download, or a byte changed on a disk) ended the run with zlib's traceback.
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, zlib.error, EOFError,
                NotImplementedError) as error:
            raise broken(label, "a PowerPoint slide deck", error) from error
        if hidden:
            logger.warning("%s: slide%s %s hidden in the show, read all the same", label, "s" if len(hidden) > 1 else "",
                           ", ".join(map(str, hidden)))
        return out
