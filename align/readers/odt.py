"""OpenDocument text (.odt, LibreOffice and others): headings and paragraphs in order, list items
and table cells included; footnotes and endnotes after the body, each with its number.

Page headers and footers (in styles.xml) come last, as page furniture.

A note's text sits inside the paragraph that cites it; it is read out of that paragraph (which
keeps only the citation mark) so that a sentence is not cut by a note in its middle. So is a
drawing anchored in a paragraph: a text box's paragraphs follow it, an image's title and
description too, as furniture.

An object embedded in a drawing (a chart, a formula, a text document: `Object 1/content.xml` in the
zip, inline in a flat file) is read after the paragraph it is anchored in, "chart in paragraph 4",
"object in paragraph 4": before, none was read. A chart's title, subtitle, axis titles, series
names and category labels are text (a category that is a figure is furniture), its plotted
figures not read, as in a .docx or .pptx. A reviewer's comment (office:annotation) is not the
document's text: read as furniture after its paragraph, "comment on paragraph 4"; before, it was
dropped unsaid.

Hidden text (a style's text:display="none", a hidden section, a conditionally hidden paragraph or
text field) is left out, and said so, as in a .docx; so is ruby's phonetic guide. Raised and
lowered text (a style's text position) is read raised or lowered (`base.shifted`): "in 2020¹",
not "in 20201".
"""
from __future__ import annotations

import logging
import zipfile
import zlib
from dataclasses import replace
from xml.etree import ElementTree

from ..errors import InputError
from .base import Block, EmptyPartings, Package, Reader, broken, say_hidden, shifted, tidy
from .pptx import _FIGURE

logger = logging.getLogger("align")

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
CHART = "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
MATH = "{http://www.w3.org/1998/Math/MathML}"
XLINK = "{http://www.w3.org/1999/xlink}"
# A comment: office:annotation in a text's paragraph, LibreOffice's officeooo:annotation on a slide.
COMMENTS = (OFFICE + "annotation", "{http://openoffice.org/2009/office}annotation")
_PARAGRAPHS = (TEXT + "p", TEXT + "h")


class _Styles:
    """The styles of a part and of styles.xml by family and name, each read through the styles it
    inherits from (style:parent-style-name)."""

    def __init__(self, *roots: ElementTree.Element | None) -> None:
        self.by_name: dict[tuple[str, str], ElementTree.Element] = {}
        for root in roots:
            if root is None:
                continue
            for group in (OFFICE + "styles", OFFICE + "automatic-styles"):
                for style in root.findall(f"{group}/{STYLE}style"):
                    self.by_name[(style.get(STYLE + "family", ""), style.get(STYLE + "name", ""))] = style

    def text_property(self, family: str, name: str | None, attribute: str) -> str:
        """The style's text property `attribute` (a qualified name), '' where neither it nor a style
        it inherits from sets it."""
        seen: set[str] = set()
        while name and name not in seen and (family, name) in self.by_name:
            seen.add(name)
            style = self.by_name[(family, name)]
            properties = style.find(STYLE + "text-properties")
            if properties is not None and properties.get(attribute):
                return properties.get(attribute, "")
            name = style.get(STYLE + "parent-style-name")
        return ""

    def hides(self, family: str, name: str | None) -> bool:
        return self.text_property(family, name, TEXT + "display") == "none"

    def position(self, name: str | None) -> str:
        """"super", "sub" or '' for a text style's position: "super 58%", "sub", or a percentage
        above (raised) or below (lowered) the line."""
        first = (self.text_property("text", name, STYLE + "text-position").split() or [""])[0]
        if first in ("super", "sub"):
            return first
        try:
            percent = float(first.rstrip("%"))
        except ValueError:
            return ""
        return "super" if percent > 0 else "sub" if percent < 0 else ""


_NO_STYLES = _Styles()


# The most spaces one text:s is read as: a line shows no more, and the text reads the same (a run of
# spaces is read as one). A `text:c` of two billion had taken 4 GB, one that is no number a traceback.
_MAX_SPACES = 1_000


def spaces(element: ElementTree.Element) -> str:
    """The run of spaces a text:s stands for."""
    try:
        return " " * min(max(int(element.get(TEXT + "c", "1")), 1), _MAX_SPACES)
    except ValueError:
        return " "


def _is_hidden(field: ElementTree.Element) -> bool:
    return field.get(TEXT + "is-hidden", "false").lower() == "true"


def _text(element: ElementTree.Element, notes: list[ElementTree.Element], styles: _Styles = _NO_STYLES,
          hidden: list[str] | None = None) -> str:
    """The visible text of a paragraph; the notes and drawings (text boxes, images) met in it are
    appended to `notes`: read into the paragraph, "La tempête Carte de la côteTrois mille
    personnes..." was one sentence. The text its hidden spans and fields hold goes to `hidden`."""
    pieces = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == TEXT + "s":
            pieces.append(spaces(child))
        elif tag == TEXT + "tab":
            pieces.append(" ")
        elif tag == TEXT + "line-break":
            pieces.append("\n")
        elif tag == TEXT + "note" or tag.startswith(DRAW) or tag == OFFICE + "annotation":
            notes.append(child)  # a comment too: furniture after the paragraph, not in it
        elif tag in (TEXT + "tracked-changes", TEXT + "hidden-paragraph"):
            pass
        elif tag == TEXT + "ruby-text":  # the phonetic guide: read, "Tokyotoukyou" was one word, as in Word
            pass
        elif tag == TEXT + "number":
            # A heading's or list item's number as the document shows it ("1."), followed by a tab
            # or a space on the page: read glued, "1.The night of the storm".
            number = _text(child, notes, styles, hidden)
            pieces.append(number + (" " if number and not number[-1].isspace() else ""))
        elif (tag == TEXT + "span" and styles.hides("text", child.get(TEXT + "style-name"))) or (
                tag == TEXT + "hidden-text" and _is_hidden(child)):
            # A span whose style says text:display="none", a field its condition hides: not shown
            # nor printed, "Hidden span must not appear." was read as a sentence of the text.
            if hidden is not None:
                hidden.append(_text(child, [], styles))
        elif tag == TEXT + "span":
            position = styles.position(child.get(TEXT + "style-name"))
            inner = _text(child, notes, styles, hidden)
            pieces.append(shifted(inner, position, "".join(pieces)) if position else inner)
        else:
            pieces.append(_text(child, notes, styles, hidden))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _paragraph_hidden(paragraph: ElementTree.Element, styles: _Styles) -> bool:
    """Whether a paragraph is not shown: its style's text:display="none", or a hidden-paragraph
    field whose condition holds."""
    if styles.hides("paragraph", paragraph.get(TEXT + "style-name")):
        return True
    return any(_is_hidden(field) for field in _own(paragraph) if field.tag == TEXT + "hidden-paragraph")


def _own(element: ElementTree.Element):
    """The descendants of a paragraph less those of the notes and drawings in it, which hold
    paragraphs of their own."""
    for child in element:
        if child.tag != TEXT + "note" and not child.tag.startswith(DRAW):
            yield child
            yield from _own(child)


def _paragraph_text(paragraph: ElementTree.Element, notes: list[ElementTree.Element], styles: _Styles,
                    hidden: list[str]) -> str:
    """A paragraph's text, '' for a hidden one (whose text goes to `hidden`). A no-break space stays
    one: "«\u00a0l'année\u00a0»" and "12\u00a0%" lost theirs in the TMX."""
    if _paragraph_hidden(paragraph, styles):
        hidden.append(_text(paragraph, [], styles))
        return ""
    return tidy(_text(paragraph, notes, styles, hidden), keep_no_break=True)


# Indexes the word processor generates from the text (a table of contents, an index): page
# furniture, as a web page's menu, not text a translation must carry.
_GENERATED = frozenset(TEXT + name for name in ("table-of-content", "alphabetical-index", "illustration-index",
                                               "table-index", "object-index", "user-index", "bibliography"))


def _paragraphs(element: ElementTree.Element, generated: bool = False, hidden: list[str] | None = None,
                with_objects: bool = False):
    """(paragraph, whether it is in a generated index) for the headings and paragraphs in document
    order, not descending into one (nor into the record of tracked changes, whose deleted
    paragraphs are not in the text, nor into a hidden section, whose text goes to `hidden`, nor into
    an embedded object, whose own document `object_blocks` reads: with `with_objects`, the object
    itself in its place)."""
    for child in element:
        if child.tag in _PARAGRAPHS:
            yield child, generated
        elif child.tag == DRAW + "object":
            if with_objects:
                yield child, generated
        elif child.tag == TEXT + "section" and child.get(TEXT + "display") == "none":
            if hidden is not None:
                hidden.append(" ".join("".join(paragraph.itertext()) for paragraph, _generated in _paragraphs(child)))
        elif child.tag != TEXT + "tracked-changes":
            yield from _paragraphs(child, generated or child.tag in _GENERATED, hidden, with_objects)


_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _flat(data: bytes) -> bool:
    """Whether `data` is a flat OpenDocument text (.fodt, LibreOffice's "Flat XML ODF Text
    Document"): one XML file whose root, office:document, names the text mimetype. Read as plain
    text, its markup was aligned as sentences, and its language detected from the tag names."""
    head = data[:4096]
    return b"<office:document" in head and b'office:mimetype="' + _MIMETYPE + b'"' in head


class OdtReader(Reader):
    name = "odt"
    suffixes = (".odt", ".ott", ".fodt")

    def sniff(self, data: bytes) -> bool:
        return (data[:2] == b"PK" and _MIMETYPE in data[:200]) or _flat(data)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        root, styles_root, objects = opendocument(data, label, "an OpenDocument text")
        body = root.find(f"{OFFICE}body/{OFFICE}text")
        if body is None:
            raise broken(label, "an OpenDocument text", ValueError("no text body in it"))
        styles = _Styles(styles_root, root)
        out: list[Block] = []
        notes: list[ElementTree.Element] = []
        hidden: list[str] = []
        number = 0
        partings = EmptyPartings()
        for paragraph, generated in _paragraphs(body, hidden=hidden, with_objects=True):
            if paragraph.tag == DRAW + "object":  # in a frame anchored to the page, not to a paragraph
                out += object_blocks(objects(paragraph), f"in paragraph {max(number, 1)}", styles=styles, hidden=hidden)
                continue
            met: list[ElementTree.Element] = []
            text = _paragraph_text(paragraph, met, styles, hidden)
            if text:
                number += 1
                partings.paragraph(len(out), not generated, number == 1)
                out.append(Block(text, f"paragraph {number}", furniture=generated))
            partings.empty = not text.strip()
            # A drawing's text after the paragraph it is anchored in; notes after the body.
            drawn = _drawn(met, number, notes, styles, hidden, objects)
            out += drawn
            partings.empty = partings.empty and not drawn
        out = partings.lines_of(out)
        for note in notes:
            kind = note.get(TEXT + "note-class", "footnote")
            citation = note.find(TEXT + "note-citation")
            label_text = (citation.text or "").strip() if citation is not None else ""
            note_body = note.find(TEXT + "note-body")
            if note_body is None:
                continue
            inner: list[ElementTree.Element] = []
            text = tidy(" ".join(_paragraph_text(p, inner, styles, hidden)
                                 for p, _generated in _paragraphs(note_body, hidden=hidden)), keep_no_break=True)
            if text:
                out.append(Block(text, f"{kind} {label_text}".strip()))
        out += _headers_and_footers(styles_root, hidden, objects)
        say_hidden(label, hidden, "a hidden style or section, not shown or printed")
        return out


def opendocument(data: bytes, label: str, kind: str):
    """(content, styles, objects) of an OpenDocument file, zipped or flat (one XML file holding its
    styles, master pages and body); `objects` gives a draw:object's own document (None where the
    file lacks it). A damaged one is `broken`, named as `kind`."""
    try:
        if data[:2] == b"PK":
            archive = Package(data, label)
            content = ElementTree.fromstring(archive.read("content.xml"))
            return content, _styles_root(archive), _object_loader(archive, label, kind)
        root = ElementTree.fromstring(data)
        return root, root, _object_loader(None, label, kind)
    except InputError:  # too large unzipped: its own line (an InputError is a ValueError)
        raise
    except KeyError as error:
        raise broken(label, kind, ValueError("no content.xml in it")) from error
    except _DAMAGED as error:
        raise broken(label, kind, error) from error


# A damaged zip's errors: a part's compressed bytes damaged or cut short (zlib.error, EOFError),
# packed by an unknown method, encrypted (RuntimeError), a directory pointing before the file's
# start (ValueError, "negative seek value"); read, each ended the run with a traceback.
_DAMAGED = (zipfile.BadZipFile, ElementTree.ParseError, zlib.error, EOFError, NotImplementedError, ValueError,
            RuntimeError)


def _object_loader(archive: Package | None, label: str, kind: str):
    """A draw:object's document: inline in a flat file, else the content.xml of the subfolder its
    xlink:href names ("./Object 1"); None for an OLE object, or one the zip lacks."""
    def load(element: ElementTree.Element) -> ElementTree.Element | None:
        inline = element.find(OFFICE + "document")
        if inline is not None or archive is None:
            return inline
        href = element.get(XLINK + "href", "").removeprefix("./").strip("/")
        try:
            return ElementTree.fromstring(archive.read(f"{href}/content.xml")) if href else None
        except KeyError:
            return None
        except InputError:
            raise
        except _DAMAGED as error:
            raise broken(label, kind, error) from error
    return load


def _cell_text(cell: ElementTree.Element) -> str:
    return tidy(" ".join("".join(p.itertext()) for p in cell.iter(TEXT + "p")), keep_no_break=True)


_FIGURE_TYPES = frozenset(("float", "percentage", "currency", "date", "time", "boolean"))


def _chart_blocks(chart: ElementTree.Element, own_table: ElementTree.Element | None, locator: str,
                  furniture: bool) -> list[Block]:
    """A chart's words as the chart shows them: its titles (main, sub, axes, footer) and any text
    typed on it, then the series' names and the category labels of its own table (its first row
    and column); a label that is a figure is furniture, the plotted figures not read."""
    out: list[Block] = []
    in_table = {id(p) for p in own_table.iter(TEXT + "p")} if own_table is not None else set()
    for paragraph in chart.iter(TEXT + "p"):
        text = tidy("".join(paragraph.itertext()), keep_no_break=True)
        if text and id(paragraph) not in in_table:
            out.append(Block(text, locator, furniture=furniture))
    if own_table is None:
        return out
    rows = list(own_table.iter(TABLE + "table-row"))
    labels = [cell for cell in (rows[0].findall(TABLE + "table-cell") if rows else [])][1:]
    labels += [row.find(TABLE + "table-cell") for row in rows[1:] if row.find(TABLE + "table-cell") is not None]
    for cell in labels:
        text = _cell_text(cell)
        if text:
            figure = cell.get(OFFICE + "value-type") in _FIGURE_TYPES or _FIGURE.fullmatch(text) is not None
            out.append(Block(text, locator, furniture=furniture or figure))
    return out


def object_blocks(document: ElementTree.Element | None, where: str, furniture: bool = False,
                  styles: _Styles = _NO_STYLES, hidden: list[str] | None = None) -> list[Block]:
    """The text an embedded object shows, located "chart `where`" or "object `where`": a chart's
    words, a formula's (MathML's tokens, as a .docx's equation is read), an embedded text's or
    spreadsheet's paragraphs."""
    if document is None:
        return []
    chart = document.find(f".//{CHART}chart")
    if chart is not None:
        # Its own table (the data it plots) stands in chart:chart, or beside it as some writers put it.
        return _chart_blocks(chart, document.find(f".//{TABLE}table"), f"chart {where}", furniture)
    formula = document.find(f".//{MATH}math")
    if formula is not None:
        tokens = [element.text or "" for element in formula.iter()
                  if element.tag in (MATH + "mi", MATH + "mn", MATH + "mo", MATH + "mtext", MATH + "ms")]
        text = tidy("".join(tokens), keep_no_break=True)
        return [Block(text, f"object {where}", furniture=furniture)] if text else []
    out = []
    body = document.find(OFFICE + "body")
    for paragraph, _generated in _paragraphs(body if body is not None else document, hidden=hidden):
        text = _paragraph_text(paragraph, [], styles, [] if hidden is None else hidden)
        if text:
            out.append(Block(text, f"object {where}", furniture=furniture))
    return out


def objects_in(element: ElementTree.Element):
    """The draw:objects of a drawing (a frame, a group of them), not those in its paragraphs, which
    are met with the paragraph's own drawings."""
    for child in element:
        if child.tag == DRAW + "object":
            yield child
        elif child.tag not in _PARAGRAPHS:
            yield from objects_in(child)


def _styles_root(archive: zipfile.ZipFile) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read("styles.xml"))
    except (KeyError, ElementTree.ParseError):  # a damaged zip is no such loss: `opendocument` says so
        return None


def described_texts(drawing: ElementTree.Element) -> list[str]:
    """A drawing's alternative text as every Office reader reads it (`pptx.alt_texts`): its
    description, then its title where that says something else."""
    texts = [tidy("".join(child.itertext()), keep_no_break=True)
             for tag in (SVG + "desc", SVG + "title") for child in drawing.findall(tag)]
    return [text for k, text in enumerate(texts) if text and text not in texts[:k]]


def comment_blocks(comment: ElementTree.Element, where: str, hidden: list[str]) -> list[Block]:
    """A reviewer's comment as furniture, its author and date not read."""
    text = tidy(" ".join(_paragraph_text(paragraph, [], _NO_STYLES, hidden)
                         for paragraph, _generated in _paragraphs(comment)), keep_no_break=True)
    return [Block(text, f"comment {where}", furniture=True)] if text else []


def _drawn(met: list[ElementTree.Element], number: int, notes: list[ElementTree.Element],
           styles: _Styles = _NO_STYLES, hidden: list[str] | None = None, objects=None, place: str = "") -> list[Block]:
    """The text of the drawings among `met` (anchored in paragraph `number`, or in `place`: "header"):
    a text box's paragraphs as text, an image's title and description (which the page does not show)
    as furniture, kept and reported, an embedded object's text (`objects` loads it). A comment among
    `met` is furniture after them; the notes among `met`, and in the text boxes, go to `notes`."""
    out: list[Block] = []
    at = place or f"paragraph {max(number, 1)}"
    hidden = [] if hidden is None else hidden
    for element in met:
        if element.tag == OFFICE + "annotation":
            out += comment_blocks(element, f"on {at}", hidden)
            continue
        if not element.tag.startswith(DRAW):
            notes.append(element)
            continue
        out += [Block(text, at, furniture=True) for text in described_texts(element)]
        for paragraph, _generated in _paragraphs(element, hidden=hidden):
            inner: list[ElementTree.Element] = []
            text = _paragraph_text(paragraph, inner, styles, hidden)
            if text:
                out.append(Block(text, at))
            out += _drawn(inner, number, notes, styles, hidden, objects, place)
        if objects is not None:
            for embedded in objects_in(element):
                out += object_blocks(objects(embedded), f"in {at}", styles=styles, hidden=hidden)
    return out


def _headers_and_footers(root: ElementTree.Element | None, hidden: list[str], objects=None) -> list[Block]:
    """The page headers and footers of styles.xml's master pages, as page furniture (as in a
    .docx): left out, a .docx original against an .odt translation reported its header missing.
    The drawings anchored in them too (a text box, a "DRAFT" watermark, a chart), after their
    paragraph: before, lost."""
    if root is None:
        return []
    styles = _Styles(root)  # styles.xml's own automatic styles, not content.xml's of the same names
    out: list[Block] = []
    seen: set[tuple[str, str]] = set()
    for page in root.iter(STYLE + "master-page"):
        for part in page:
            kind = part.tag.removeprefix(STYLE).split("-")[0]
            if kind not in ("header", "footer"):
                continue
            for paragraph, _generated in _paragraphs(part, hidden=hidden):
                met: list[ElementTree.Element] = []
                text = _paragraph_text(paragraph, met, styles, hidden)
                # Located "header" as the header's own words are ("chart in header" read as "iheader"
                # in a table's margin).
                drawn = [replace(block, locator=kind, furniture=True)
                         for block in _drawn(met, 0, [], styles, hidden, objects, kind)]
                for block in ([Block(text, kind, furniture=True)] if text else []) + drawn:
                    if (kind, block.text) not in seen:  # every master page may repeat it
                        seen.add((kind, block.text))
                        out.append(block)
    return out
