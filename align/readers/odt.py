"""OpenDocument text (.odt, LibreOffice and others): headings and paragraphs in order, list items
and table cells included; footnotes and endnotes after the body, each with its number.

Page headers and footers (in styles.xml) come last, as page furniture.

A note's text sits inside the paragraph that cites it; it is read out of that paragraph (which
keeps only the citation mark) so that a sentence is not cut by a note in its middle. So is a
drawing anchored in a paragraph: a text box's paragraphs follow it, an image's title and
description too, as furniture.
"""
from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from .base import Block, Reader, broken, tidy

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_PARAGRAPHS = (TEXT + "p", TEXT + "h")


def _text(element: ElementTree.Element, notes: list[ElementTree.Element]) -> str:
    """The visible text of a paragraph; the notes and drawings (text boxes, images) met in it are
    appended to `notes`: read into the paragraph, "La tempête Carte de la côteTrois mille
    personnes..." was one sentence."""
    pieces = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == TEXT + "s":
            pieces.append(" " * int(child.get(TEXT + "c", "1")))
        elif tag == TEXT + "tab":
            pieces.append(" ")
        elif tag == TEXT + "line-break":
            pieces.append("\n")
        elif tag == TEXT + "note" or tag.startswith(DRAW):
            notes.append(child)
        elif tag in (TEXT + "tracked-changes", OFFICE + "annotation"):
            pass
        else:
            pieces.append(_text(child, notes))
        pieces.append(child.tail or "")
    return "".join(pieces)


# Indexes the word processor generates from the text (a table of contents, an index): page
# furniture, as a web page's menu, not text a translation must carry.
_GENERATED = frozenset(TEXT + name for name in ("table-of-content", "alphabetical-index", "illustration-index",
                                               "table-index", "object-index", "user-index", "bibliography"))


def _paragraphs(element: ElementTree.Element, generated: bool = False):
    """(paragraph, whether it is in a generated index) for the headings and paragraphs in document
    order, not descending into one (nor into the record of tracked changes, whose deleted
    paragraphs are not in the text)."""
    for child in element:
        if child.tag in _PARAGRAPHS:
            yield child, generated
        elif child.tag != TEXT + "tracked-changes":
            yield from _paragraphs(child, generated or child.tag in _GENERATED)


class OdtReader(Reader):
    name = "odt"
    suffixes = (".odt", ".ott")

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"application/vnd.oasis.opendocument.text" in data[:200]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            root = ElementTree.fromstring(archive.read("content.xml"))
        except KeyError as error:
            raise broken(label, "an OpenDocument text", ValueError("no content.xml in it")) from error
        except (zipfile.BadZipFile, ElementTree.ParseError) as error:
            raise broken(label, "an OpenDocument text", error) from error
        body = root.find(f"{OFFICE}body/{OFFICE}text")
        if body is None:
            raise broken(label, "an OpenDocument text", ValueError("no text body in it"))
        out: list[Block] = []
        notes: list[ElementTree.Element] = []
        number = 0
        for paragraph, generated in _paragraphs(body):
            met: list[ElementTree.Element] = []
            text = tidy(_text(paragraph, met))
            if text:
                number += 1
                out.append(Block(text, f"paragraph {number}", furniture=generated))
            # A drawing's text after the paragraph it is anchored in; notes after the body.
            out += _drawn(met, number, notes)
        for note in notes:
            kind = note.get(TEXT + "note-class", "footnote")
            citation = note.find(TEXT + "note-citation")
            label_text = (citation.text or "").strip() if citation is not None else ""
            note_body = note.find(TEXT + "note-body")
            if note_body is None:
                continue
            inner: list[ElementTree.Element] = []
            text = tidy(" ".join(_text(p, inner) for p, _generated in _paragraphs(note_body)))
            if text:
                out.append(Block(text, f"{kind} {label_text}".strip()))
        out += _headers_and_footers(archive)
        return out


def _drawn(met: list[ElementTree.Element], number: int, notes: list[ElementTree.Element]) -> list[Block]:
    """The text of the drawings among `met` (anchored in paragraph `number`): a text box's paragraphs
    as text, an image's title and description (which the page does not show) as furniture, kept
    and reported. The notes among `met`, and in the text boxes, go to `notes`."""
    out: list[Block] = []
    for element in met:
        if not element.tag.startswith(DRAW):
            notes.append(element)
            continue
        for described in (child for child in element if child.tag in (SVG + "title", SVG + "desc")):
            text = tidy("".join(described.itertext()))
            if text:
                out.append(Block(text, f"paragraph {number}", furniture=True))
        for paragraph, _generated in _paragraphs(element):
            inner: list[ElementTree.Element] = []
            text = tidy(_text(paragraph, inner))
            if text:
                out.append(Block(text, f"paragraph {number}"))
            out += _drawn(inner, number, notes)
    return out


def _headers_and_footers(archive: zipfile.ZipFile) -> list[Block]:
    """The page headers and footers of styles.xml's master pages, as page furniture (as in a
    .docx): left out, a .docx original against an .odt translation reported its header missing."""
    try:
        styles = ElementTree.fromstring(archive.read("styles.xml"))
    except (KeyError, ElementTree.ParseError):
        return []
    out: list[Block] = []
    seen: set[tuple[str, str]] = set()
    for page in styles.iter(STYLE + "master-page"):
        for part in page:
            kind = part.tag.removeprefix(STYLE).split("-")[0]
            if kind not in ("header", "footer"):
                continue
            for paragraph, _generated in _paragraphs(part):
                text = tidy(_text(paragraph, []))
                if text and (kind, text) not in seen:  # every master page may repeat it
                    seen.add((kind, text))
                    out.append(Block(text, kind, furniture=True))
    return out
