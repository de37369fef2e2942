"""OpenDocument presentations (.odp, LibreOffice Impress and others; .fodp flat): each slide's text in
the order its shapes stand in the file (titles, outlines, text boxes, table cells, grouped shapes),
then its speaker notes, located by the slide ("slide 3", "slide 3, notes"), as a PowerPoint deck is
read. Slide numbers, dates, headers and footers, the descriptions of pictures, and the text a slide
shows from its master page (its own shapes, not its placeholders), "master, slide 3", are page
furniture (reported as boilerplate, never dropped); hidden slides are read, and named in a warning.

A chart or other object embedded in a slide (`Object 1/content.xml`) is read as an .odt's is
(`odt.object_blocks`), "chart on slide 3"; before, its title, labels and series names were never
read. A reviewer's comment (officeooo:annotation) is furniture, "comment on slide 3"; before, it
was read as a sentence of the slide.

Before, an .odp was refused as "a binary file (contains NUL bytes)", which it is not.
Paragraphs are read as an .odt's are (`odt._paragraphs`): notes, hidden spans, raised text alike.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from xml.etree import ElementTree

from .base import Block, Reader, broken, say_hidden, tidy
from .odt import (COMMENTS, DRAW, OFFICE, STYLE, _paragraph_text, _paragraphs, _Styles, comment_blocks,
                  described_texts, object_blocks, opendocument)

logger = logging.getLogger("align")

PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_MIMETYPE = b"application/vnd.oasis.opendocument.presentation"
# Shapes the application fills itself from the master: the slide's number, the date, the footer.
_FURNITURE_CLASSES = frozenset(("page-number", "date-time", "footer", "header", "page"))


def _flat(data: bytes) -> bool:
    head = data[:4096]
    return b"<office:document" in head and b'office:mimetype="' + _MIMETYPE + b'"' in head


def _hidden_pages(styles: _Styles) -> set[str]:
    """The names of the drawing-page styles that hide a slide from the show."""
    return {name for (family, name), style in styles.by_name.items() if family == "drawing-page"
            and any(properties.get(PRESENTATION + "visibility") == "hidden"
                    for properties in style.findall(STYLE + "drawing-page-properties"))}


def _shape_blocks(shape: ElementTree.Element, locator: str, styles: _Styles, hidden: list[str],
                  objects=None) -> list[Block]:
    """A shape's paragraphs (a table's cells row by row, a group's shapes in order), the text of
    the objects it embeds (a chart: `objects` loads it) and the title and description of its
    pictures, which the slide does not show, as furniture. A comment is furniture."""
    where = locator.replace("slide", "on slide", 1)
    if shape.tag in COMMENTS:
        return comment_blocks(shape, where, hidden)
    furniture = shape.get(PRESENTATION + "class", "") in _FURNITURE_CLASSES
    out: list[Block] = []
    for paragraph, _generated in _paragraphs(shape, hidden=hidden, with_objects=True):
        if paragraph.tag == DRAW + "object":
            out += object_blocks(objects(paragraph) if objects else None, where, furniture, styles, hidden)
            continue
        met: list[ElementTree.Element] = []
        text = _paragraph_text(paragraph, met, styles, hidden)
        if text:
            out.append(Block(text, locator, furniture=furniture))
        for note in met:  # a note or a drawing inside a paragraph: its text after the paragraph
            out += _shape_blocks(note, locator, styles, hidden, objects)
    for holder in shape.iter():  # description, then title where it says something else, as in a .pptx
        out += [Block(text, locator, furniture=True) for text in described_texts(holder)]
    return out


def _masters(root: ElementTree.Element | None, styles: _Styles) -> dict[str, ElementTree.Element]:
    """The master pages of styles.xml by name; each is read once, so the dict loses it when read."""
    if root is None:
        return {}
    return {page.get(STYLE + "name", ""): page for page in root.iter(STYLE + "master-page")}


def _master_blocks(masters: dict[str, ElementTree.Element], page: ElementTree.Element, number: int,
                   styles: _Styles, hidden: list[str], objects) -> list[Block]:
    """The text a slide shows from its master page: the master's own shapes (a tagline, "For
    internal use only"), not its placeholders (presentation:class: a prompt, or the footer, date and
    number fields read with the presentation's declarations). Furniture, each master once, at the
    first slide that shows it, "master, slide 3": before, never read. Not where the slide's style
    hides the master's objects (presentation:background-objects-visible="false")."""
    style = styles.by_name.get(("drawing-page", page.get(DRAW + "style-name", "")))
    properties = style.find(STYLE + "drawing-page-properties") if style is not None else None
    if properties is not None and properties.get(PRESENTATION + "background-objects-visible") == "false":
        return []
    master = masters.pop(page.get(DRAW + "master-page-name", ""), None)
    if master is None:
        return []
    out: list[Block] = []
    for shape in master:
        if shape.get(PRESENTATION + "class") is None and shape.tag != PRESENTATION + "notes":
            out += [replace(block, furniture=True)
                    for block in _shape_blocks(shape, f"master, slide {number}", styles, hidden, objects)]
    return out


class OdpReader(Reader):
    name = "odp"
    suffixes = (".odp", ".otp", ".fodp")

    def sniff(self, data: bytes) -> bool:
        return (data[:2] == b"PK" and _MIMETYPE in data[:200]) or _flat(data)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        root, styles_root, objects = opendocument(data, label, "an OpenDocument presentation")
        body = root.find(f"{OFFICE}body/{OFFICE}presentation")
        if body is None:
            raise broken(label, "an OpenDocument presentation", ValueError("no presentation body in it"))
        styles = _Styles(styles_root, root)
        hiding = _hidden_pages(styles)
        out: list[Block] = []
        hidden_text: list[str] = []
        hidden_slides: list[int] = []
        masters = _masters(styles_root, styles)
        for number, page in enumerate(body.findall(DRAW + "page"), 1):
            if page.get(DRAW + "style-name") in hiding:
                hidden_slides.append(number)
            notes: list[Block] = []
            for shape in page:
                if shape.tag == PRESENTATION + "notes":
                    for inner in shape:
                        notes += _shape_blocks(inner, f"slide {number}, notes", styles, hidden_text, objects)
                else:
                    out += _shape_blocks(shape, f"slide {number}", styles, hidden_text, objects)
            out += _master_blocks(masters, page, number, styles, hidden_text, objects)
            out += notes
        # The footer and date texts a presentation declares once and its slides show.
        for declaration in body:
            if declaration.tag in (PRESENTATION + "footer-decl", PRESENTATION + "header-decl"):
                text = tidy("".join(declaration.itertext()))
                if text:
                    out.append(Block(text, "footer", furniture=True))
        if hidden_slides:
            logger.warning("%s: slide%s %s hidden in the show, read all the same", label,
                           "s" if len(hidden_slides) > 1 else "", ", ".join(map(str, hidden_slides)))
        say_hidden(label, hidden_text, "a hidden style, not shown")
        return out
