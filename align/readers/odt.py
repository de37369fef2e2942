"""OpenDocument text (.odt, LibreOffice and others): headings and paragraphs in order, list items
and table cells included; footnotes and endnotes after the body, each with its number.

Page headers and footers (in styles.xml) come last, as page furniture.

A note's text sits inside the paragraph that cites it; it is read out of that paragraph (which
keeps only the citation mark) so that a sentence is not cut by a note in its middle. So is a
drawing anchored in a paragraph: a text box's paragraphs follow it, an image's title and
description too, as furniture.

Hidden text (a style's text:display="none", a hidden section, a conditionally hidden paragraph or
text field) is left out, and said so, as in a .docx; so is ruby's phonetic guide. Raised and
lowered text (a style's text position) is read raised or lowered (`base.shifted`): "in 2020¹",
not "in 20201".
"""
from __future__ import annotations

import logging
import zipfile
from xml.etree import ElementTree

from .base import Block, EmptyPartings, Package, Reader, broken, shifted, tidy

logger = logging.getLogger("align")

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
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
            pieces.append(" " * int(child.get(TEXT + "c", "1")))
        elif tag == TEXT + "tab":
            pieces.append(" ")
        elif tag == TEXT + "line-break":
            pieces.append("\n")
        elif tag == TEXT + "note" or tag.startswith(DRAW):
            notes.append(child)
        elif tag in (TEXT + "tracked-changes", OFFICE + "annotation", TEXT + "hidden-paragraph"):
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


def _paragraphs(element: ElementTree.Element, generated: bool = False, hidden: list[str] | None = None):
    """(paragraph, whether it is in a generated index) for the headings and paragraphs in document
    order, not descending into one (nor into the record of tracked changes, whose deleted
    paragraphs are not in the text, nor into a hidden section, whose text goes to `hidden`)."""
    for child in element:
        if child.tag in _PARAGRAPHS:
            yield child, generated
        elif child.tag == TEXT + "section" and child.get(TEXT + "display") == "none":
            if hidden is not None:
                hidden.append(" ".join("".join(paragraph.itertext()) for paragraph, _generated in _paragraphs(child)))
        elif child.tag != TEXT + "tracked-changes":
            yield from _paragraphs(child, generated or child.tag in _GENERATED, hidden)


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
        root, styles_root = opendocument(data, label, "an OpenDocument text")
        body = root.find(f"{OFFICE}body/{OFFICE}text")
        if body is None:
            raise broken(label, "an OpenDocument text", ValueError("no text body in it"))
        styles = _Styles(styles_root, root)
        out: list[Block] = []
        notes: list[ElementTree.Element] = []
        hidden: list[str] = []
        number = 0
        partings = EmptyPartings()
        for paragraph, generated in _paragraphs(body, hidden=hidden):
            met: list[ElementTree.Element] = []
            text = _paragraph_text(paragraph, met, styles, hidden)
            if text:
                number += 1
                partings.paragraph(len(out), not generated, number == 1)
                out.append(Block(text, f"paragraph {number}", furniture=generated))
            partings.empty = not text.strip()
            # A drawing's text after the paragraph it is anchored in; notes after the body.
            drawn = _drawn(met, number, notes, styles, hidden)
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
        out += _headers_and_footers(styles_root, hidden)
        words = " ".join(hidden).split()
        if words:
            logger.warning("%s: %d word%s of hidden text (a hidden style or section, not shown or printed) left out, "
                           "starting \"%s\"", label, len(words), "" if len(words) == 1 else "s", " ".join(words[:8]))
        return out


def opendocument(data: bytes, label: str, kind: str) -> tuple[ElementTree.Element, ElementTree.Element | None]:
    """(content, styles) of an OpenDocument file, zipped or flat (one XML file holding its styles,
    master pages and body); a damaged one is `broken`, named as `kind`."""
    try:
        if data[:2] == b"PK":
            archive = Package(data, label)
            return ElementTree.fromstring(archive.read("content.xml")), _styles_root(archive)
        root = ElementTree.fromstring(data)
        return root, root
    except KeyError as error:
        raise broken(label, kind, ValueError("no content.xml in it")) from error
    except (zipfile.BadZipFile, ElementTree.ParseError) as error:
        raise broken(label, kind, error) from error


def _styles_root(archive: zipfile.ZipFile) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read("styles.xml"))
    except (KeyError, ElementTree.ParseError):
        return None


def _drawn(met: list[ElementTree.Element], number: int, notes: list[ElementTree.Element],
           styles: _Styles = _NO_STYLES, hidden: list[str] | None = None) -> list[Block]:
    """The text of the drawings among `met` (anchored in paragraph `number`): a text box's paragraphs
    as text, an image's title and description (which the page does not show) as furniture, kept
    and reported. The notes among `met`, and in the text boxes, go to `notes`."""
    out: list[Block] = []
    for element in met:
        if not element.tag.startswith(DRAW):
            notes.append(element)
            continue
        for described in (child for child in element if child.tag in (SVG + "title", SVG + "desc")):
            text = tidy("".join(described.itertext()), keep_no_break=True)
            if text:
                out.append(Block(text, f"paragraph {number}", furniture=True))
        hidden = [] if hidden is None else hidden
        for paragraph, _generated in _paragraphs(element, hidden=hidden):
            inner: list[ElementTree.Element] = []
            text = _paragraph_text(paragraph, inner, styles, hidden)
            if text:
                out.append(Block(text, f"paragraph {number}"))
            out += _drawn(inner, number, notes, styles, hidden)
    return out


def _headers_and_footers(root: ElementTree.Element | None, hidden: list[str]) -> list[Block]:
    """The page headers and footers of styles.xml's master pages, as page furniture (as in a
    .docx): left out, a .docx original against an .odt translation reported its header missing."""
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
                text = _paragraph_text(paragraph, [], styles, hidden)
                if text and (kind, text) not in seen:  # every master page may repeat it
                    seen.add((kind, text))
                    out.append(Block(text, kind, furniture=True))
    return out
