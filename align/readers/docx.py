"""Word documents (.docx): the body's paragraphs and table cells in order, then the footnotes and
endnotes (numbered as the page shows them, by the order the body cites them); headers and footers
as page furniture, each text once, and so is a table of contents. Tracked deletions (a deleted
paragraph mark joins two paragraphs) and the old place of tracked moves are left out, insertions
kept: the text as Word shows it with changes accepted. A drop cap runs on into its paragraph. A text box
is read once (Word stores a second, older copy of it for other readers), after the paragraph it is
anchored in and located by it, and an image's alternative text after it, as furniture; equations
are read as text, ruby without its phonetic guide. Hidden text (runs formatted Hidden, by
themselves or by their style or their paragraph's, which Word neither shows nor prints by default)
is left out, and said so; so is a content control's placeholder ("Click or tap
here to enter text."), Word's prompt and not the author's text. Superscript and subscript text
is read raised or lowered (`base.shifted`): "in 2020¹", not "in 20201".

A SmartArt diagram's and a chart's text stand in parts of their own (word/diagrams/data1.xml,
word/charts/chart1.xml), which the drawing names by a relationship: before, neither was read, and
a diagram left untranslated was never seen. They are read as PowerPoint's are (`pptx.graphic_blocks`),
after the paragraph they are anchored in: "diagram in paragraph 12", "chart in paragraph 12"; in a
header or footer, as furniture. Legacy WordArt (VML's v:textpath, whose words are an attribute) is
read as a text box is. A reviewer's comments are not the document's text: read as furniture after
the paragraph they are made on, "comment on paragraph 12", so that none is lost unsaid.

Read with the standard library: a .docx is a zip of XML parts, and the parts that hold text need
no more than ElementTree to walk.
"""
from __future__ import annotations

import logging
import re
import zipfile
import zlib
from dataclasses import replace
from xml.etree import ElementTree

from ..errors import InputError
from .base import Block, EmptyPartings, Package, Reader, broken, refuse_ole, say_hidden, shifted, tidy
from .pptx import C, CX, DGM, _relations, alt_texts, graphic_blocks

logger = logging.getLogger("align")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = {W + "delText", W + "instrText", W + "delInstrText"}


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees that are not the text as Word shows it: the older copy of a text box that Word writes
# beside the new one (mc:Fallback holds the same words as mc:Choice), the place a tracked move
# took its text from (changes accepted, it stands where w:moveTo puts it), and tracked deletions
# (their text is w:delText, but a deleted line break or tab was read: "handed out\nblankets").
_PRUNED = {MC + "Fallback", W + "moveFrom", W + "del"}


M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# Left out of a paragraph's own text: a text box anchored in it (its paragraphs are read on their
# own, after it: glued in, "La tempête Trois mille personnes... a frappé" was one sentence), and
# the phonetic guide over ruby text (read too, each word came twice).
_NOT_THE_PARAGRAPHS = _PRUNED | {W + "txbxContent", W + "rt"}


def _walk(element: ElementTree.Element, pruned: set[str] = _PRUNED, hidden: list[str] | None = None,
          styles: dict[str, ElementTree.Element] | None = None, paragraph_style: str | None = None):
    """`element` and its descendants in document order, less the subtrees of `pruned`, the content
    controls showing their placeholder and the runs formatted Hidden (directly, by their character
    style or by their paragraph's style, of `styles`); the text of those runs goes to `hidden`
    when it is given."""
    yield element
    for child in element:
        if child.tag in pruned or (child.tag == W + "sdt" and _placeholder(child)):
            continue
        if child.tag == W + "r" and _hidden(child, styles or {}, paragraph_style):
            if hidden is not None:
                hidden.append("".join(t.text or "" for t in child.iter(W + "t")))
            continue
        yield from _walk(child, pruned, hidden, styles, paragraph_style)


def _on(switch: ElementTree.Element | None) -> bool:
    """Whether a switch of Word's (w:vanish, w:showingPlcHdr) is on: present, unless its value is off."""
    return switch is not None and switch.get(W + "val", "true").lower() not in ("0", "false", "off")


def _placeholder(control: ElementTree.Element) -> bool:
    """Whether a content control shows its placeholder ("Click or tap here to enter text."), the
    prompt Word greys out until something is typed: read as text, it was a sentence of the document,
    and the translation's own prompt an addition."""
    return _on(control.find(f"{W}sdtPr/{W}showingPlcHdr"))


def _run_property(run: ElementTree.Element, name: str, styles: dict[str, ElementTree.Element],
                  paragraph_style: str | None = None):
    """A run's property `name` (w:vanish, w:vertAlign): its own, else its character style's (or the
    styles that one is based on), else its paragraph style's: an "Editor note" paragraph style set
    Hidden hid its paragraphs in Word, and they were read as text."""
    properties = run.find(W + "rPr")
    found = properties.find(W + name) if properties is not None else None
    if found is not None:
        return found
    style = properties.find(W + "rStyle") if properties is not None else None
    for style_id in (style.get(W + "val") if style is not None else None, paragraph_style):
        found = _style_property(style_id, name, styles)
        if found is not None:
            return found
    return None


def _style_property(style_id: str | None, name: str, styles: dict[str, ElementTree.Element]):
    """Property `name` of a style's run properties, or of the styles it is based on."""
    seen: set[str] = set()
    while style_id in styles and style_id not in seen:
        seen.add(style_id)
        found = styles[style_id].find(f"{W}rPr/{W}{name}")
        if found is not None:
            return found
        based = styles[style_id].find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None
    return None


def _hidden(run: ElementTree.Element, styles: dict[str, ElementTree.Element], paragraph_style: str | None = None) -> bool:
    """Whether a run is formatted Hidden (w:vanish, unless its value switches it off)."""
    return _on(_run_property(run, "vanish", styles, paragraph_style))


def _paragraph_style(paragraph: ElementTree.Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else None


def _position(run: ElementTree.Element, styles: dict[str, ElementTree.Element], paragraph_style: str | None = None) -> str:
    """"super", "sub" or "" for a run set superscript, subscript or on the line (w:vertAlign)."""
    align = _run_property(run, "vertAlign", styles, paragraph_style)
    value = align.get(W + "val", "") if align is not None else ""
    return {"superscript": "super", "subscript": "sub"}.get(value, "")


def _styles(archive: zipfile.ZipFile) -> dict[str, ElementTree.Element]:
    """The character and paragraph styles of word/styles.xml by their id: a footnote number or
    "Superscript" style raises its runs, a "Hidden" style hides them."""
    root = _part(archive, "word/styles.xml")
    if root is None:
        return {}
    return {style.get(W + "styleId"): style for style in root.iter(W + "style")
            if style.get(W + "type") in ("character", "paragraph") and style.get(W + "styleId")}


# Word writes a character of a symbol font (Insert > Symbol) as w:sym, its code in the font, not
# in Unicode: read as nothing, "x ≥ 5" was "x 5", a fact changed. The Symbol font's characters by
# their Unicode names (Adobe's Symbol encoding); a font's code in the private-use area F000-F0FF
# is its byte.
_SYMBOL_FONT = dict(zip(
    [0x22, 0x24, 0x27, 0x2A, 0x2D, 0x40, *range(0x41, 0x5B), 0x5C, 0x5E, *range(0x61, 0x7B), 0x7E,
     0xA3, 0xA5, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA,
     0xBB, 0xBC, 0xC5, 0xC6, 0xC7, 0xC8, 0xCE, 0xCF, 0xD1, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xDE, 0xE5, 0xF2],
    "∀∃∋∗−≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ∴⊥αβχδεφγηιϕκλμνοπθρστυϖωξψζ∼"
    "≤∞↔←↑→↓°±≥×∝∂•÷≠≡≈…⊕∅∩∪∈∉∇√⋅¬∧∨⇔⇒∑∫", strict=True))


def _symbol(element: ElementTree.Element) -> str:
    """The character of a w:sym: the Symbol font's by its table, another font's code as written
    (U+FFFD where it names none), so that nothing Word shows is left out."""
    try:
        code = int(element.get(W + "char", ""), 16)
    except ValueError:
        return "\ufffd"
    byte = code - 0xF000 if code >= 0xF000 else code
    if (element.get(W + "font") or "").lower() == "symbol":
        return _SYMBOL_FONT.get(byte, chr(byte) if 0x20 <= byte < 0x7F else "\ufffd")
    return chr(byte) if 0x20 <= byte < 0x7F or code < 0xF000 else "\ufffd"


def _paragraph_text(paragraph: ElementTree.Element, hidden: list[str] | None = None,
                    styles: dict[str, ElementTree.Element] | None = None) -> str:
    """The paragraph's text as Word shows it; the text of its hidden runs goes to `hidden`."""
    pieces: list[tuple[str, str]] = []  # (text, "super", "sub" or "" where its run stands)
    position = ""
    paragraph_style = _paragraph_style(paragraph)
    for element in _walk(paragraph, _NOT_THE_PARAGRAPHS, hidden, styles, paragraph_style):
        tag = element.tag
        if tag == W + "r":
            position = _position(element, styles or {}, paragraph_style)
        elif tag == M + "r":
            position = ""
        elif tag == W + "t" or tag == M + "t":  # an equation's text too: "v = 5 m/s" had been dropped
            pieces.append((element.text or "", position))
        elif tag in (W + "tab", W + "ptab"):  # an absolute tab too: "Figure 3Harbour wall"
            pieces.append((" ", position))
        elif tag in (W + "br", W + "cr"):
            pieces.append(("\n", position))
        elif tag == W + "noBreakHyphen":
            pieces.append(("-", position))
        elif tag == W + "sym":
            pieces.append((_symbol(element), position))
        elif tag in _SKIPPED:
            continue
    # Raised or lowered as a whole: Word may cut "st" of "1st" into two runs.
    text = ""
    for k, (piece, where) in enumerate(pieces):
        if where and (k == 0 or pieces[k - 1][1] != where):
            end = next((j for j in range(k, len(pieces)) if pieces[j][1] != where), len(pieces))
            text += shifted("".join(piece for piece, _where in pieces[k:end]), where, text)
        elif not where:
            text += piece
    # A no-break space stays one: "«\u00a0Non\u00a0»" and "12\u00a0%" lost theirs in the TMX.
    return tidy(text, keep_no_break=True)


def _body_paragraphs(root: ElementTree.Element, styles: dict[str, ElementTree.Element] | None = None):
    """The paragraphs of a part in reading order, table cells included, each once; a paragraph of a
    text box comes after the paragraph it is anchored in."""
    return (element for element in _walk(root, styles=styles) if element.tag == W + "p")


def _table_of_contents(control: ElementTree.Element) -> bool:
    """Whether a content control is Word's table of contents (its document part gallery says so)."""
    gallery = control.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and gallery.get(W + "val", "").lower() == "table of contents"


def _contents_style(style_id: str | None) -> bool:
    """Word's styles of a table of contents' entries and heading (TOC1-TOC9, TOCHeading): read as
    text, each heading counted twice and an outdated table in the translation was a content change."""
    return bool(style_id) and re.fullmatch(r"TOC(?:\d|Heading)", style_id, re.IGNORECASE) is not None


def _carried_on(paragraph: ElementTree.Element, carried: str, text: str) -> tuple[str, str]:
    """(text of this paragraph, text carried on to the next). A drop cap (Word's first letter in a
    frame of its own) runs on into the next paragraph without a space ("T" + "he storm..."), and a
    paragraph whose mark a tracked change deleted with a space, as Word shows it with changes accepted."""
    if carried:
        text = carried + text
    properties = paragraph.find(W + "pPr")
    if properties is not None:
        frame = properties.find(W + "framePr")
        if frame is not None and frame.get(W + "dropCap", "none") != "none":
            return "", text
        if properties.find(f"{W}rPr/{W}del") is not None and text:
            return "", text + " "
    return text, ""


def _part_order(name: str) -> tuple[str, int]:
    """Headers before footers, each by its number (header2 before header10)."""
    kind, digits = re.fullmatch(r"word/(header|footer)(\d*)\.xml", name).groups()
    return kind != "header", int(digits or 0)


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
# The elements of a drawing that name a part holding its text: a SmartArt diagram's data, a chart.
_GRAPHICS = frozenset((DGM + "relIds", C + "chart", CX + "chart"))


# Word's "Strict Open XML Document" (ISO/IEC 29500 Strict) names the same elements in namespaces
# of its own: read under them, a Strict .docx was refused as holding "no text to align".
_STRICT = ((b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
           (b"http://purl.oclc.org/ooxml/officeDocument/math",
            b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
           (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
            b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"))


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        data = archive.read(name)
    except KeyError:
        return None
    for strict, transitional in _STRICT:
        data = data.replace(strict, transitional)
    return ElementTree.fromstring(data)


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _main_part(archive: zipfile.ZipFile) -> str:
    """The name of the document's main part: word/document.xml as Word names it, or the part the
    package's relationships name (word/document2.xml, as some tools save it, was refused)."""
    if "word/document.xml" in archive.namelist():
        return "word/document.xml"
    try:
        relationships = ElementTree.fromstring(archive.read("_rels/.rels"))
    except (KeyError, ElementTree.ParseError):
        return "word/document.xml"
    for relationship in relationships.iter(_RELATIONSHIPS + "Relationship"):
        if relationship.get("Type", "").endswith("/officeDocument") and relationship.get("Target"):
            return relationship.get("Target").lstrip("/")
    return "word/document.xml"


def _comments(archive: zipfile.ZipFile, hidden: list[str], styles) -> dict[str, str]:
    """The text of word/comments.xml's comments by their id."""
    root = _part(archive, "word/comments.xml")
    if root is None:
        return {}
    return {comment.get(W + "id", ""): tidy(" ".join(_paragraph_text(p, hidden, styles)
                                                     for p in _body_paragraphs(comment, styles)), keep_no_break=True)
            for comment in root.iter(W + "comment")}


def _drawn_blocks(element: ElementTree.Element, archive: zipfile.ZipFile, relations, where: str,
                  furniture: bool = False) -> list[Block]:
    """The text a drawing element shows that no w:t of the paragraph holds: a diagram's or a
    chart's (in the parts `relations` names), a legacy WordArt's (v:textpath's string)."""
    if element.tag in _GRAPHICS:
        return graphic_blocks(archive, relations, element, f"in {where}", furniture)
    if element.tag == V + "textpath":
        text = tidy(element.get("string") or "", keep_no_break=True)
        return [Block(text, where, furniture=furniture)] if text else []
    return []


class DocxReader(Reader):
    name = "docx"
    suffixes = (".docx", ".docm", ".dotx")

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"word/" in data[:4096]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        refuse_ole(data, label, "Word document", "Word .doc", ".docx")
        try:
            archive = Package(data, label)
            main = _main_part(archive)
            body = _part(archive, main)
            relations = _relations(archive, main)
            if body is None:
                raise ValueError("no word/document.xml in it")
            styles = _styles(archive)
            # A text box's paragraphs are located by the paragraph it is anchored in, as an image's
            # alternative text is: counted as paragraphs of the body, each after it was numbered
            # one too many ("paragraph 11" of the report was the body's 10th).
            boxed = {id(paragraph) for box in body.iter(W + "txbxContent") for paragraph in box.iter(W + "p")}
            contents = {id(paragraph) for control in body.iter(W + "sdt") if _table_of_contents(control)
                        for paragraph in control.iter(W + "p")}
            out = []
            number = 0
            hidden: list[str] = []
            carried = ""  # a drop cap's letter, or a paragraph whose mark a tracked change deleted
            partings = EmptyPartings()
            comments = _comments(archive, [], styles)
            for element in _walk(body, styles=styles):
                if element.tag == WP + "docPr":  # after the paragraph it is anchored in, as furniture
                    out += [Block(alt, f"paragraph {max(number, 1)}", furniture=True) for alt in alt_texts(element)]
                    continue
                if element.tag == W + "commentReference" and comments.get(element.get(W + "id", "")):
                    out.append(Block(comments.pop(element.get(W + "id", "")), f"comment on paragraph {max(number, 1)}",
                                     furniture=True))
                    continue
                if element.tag != W + "p":
                    out += _drawn_blocks(element, archive, relations, f"paragraph {max(number, 1)}")
                    continue
                text = _paragraph_text(element, hidden, styles)
                if id(element) not in boxed:
                    text, carried = _carried_on(element, carried, text)
                    if carried:
                        continue
                furniture = id(element) in contents or _contents_style(_paragraph_style(element))
                if text and id(element) in boxed:
                    out.append(Block(text, f"paragraph {max(number, 1)}"))
                elif text:
                    number += 1
                    partings.paragraph(len(out), not (furniture or text.isspace()), number == 1)
                    out.append(Block(text, f"paragraph {number}", furniture=furniture))
                if id(element) not in boxed:
                    partings.empty = not text.strip()
            if carried:
                number += 1
                out.append(Block(carried, f"paragraph {number}"))
            out = partings.lines_of(out)
            for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
                notes = _part(archive, part)
                if notes is None:
                    continue
                # Numbered as the page shows them, by the order the body cites them: a note's w:id is
                # the file's own ("footnote 2" was the first note of a LibreOffice file).
                cited = {}
                for reference in body.iter(W + ("footnoteReference" if kind == "footnote" else "endnoteReference")):
                    cited.setdefault(reference.get(W + "id"), len(cited) + 1)
                found = []
                for note in notes.iter(W + ("footnote" if kind == "footnote" else "endnote")):
                    if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    text = tidy(" ".join(_paragraph_text(p, hidden, styles) for p in _body_paragraphs(note, styles)),
                                keep_no_break=True)
                    if text:
                        shown = cited.get(note.get(W + "id"))
                        found.append((shown or len(cited) + len(found) + 1,
                                      Block(text, f"{kind} {shown or note.get(W + 'id')}")))
                out += [block for _order, block in sorted(found, key=lambda item: item[0])]
            # A comment the body does not cite (its mark deleted): after the notes, still read.
            out += [Block(text, f"comment {key}", furniture=True) for key, text in comments.items() if text]
            # Each header and footer once: Word writes one part per section and kind of page (first,
            # even, default), most of them the same text, which was listed as many times.
            seen: set[tuple[str, str]] = set()
            names = [n for n in archive.namelist() if re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
            for name in sorted(names, key=_part_order):
                part = _part(archive, name)
                kind = "header" if "header" in name else "footer"
                for paragraph in _body_paragraphs(part, styles):
                    text = _paragraph_text(paragraph, hidden, styles)
                    if text and (kind, text) not in seen:
                        seen.add((kind, text))
                        out.append(Block(text, kind, furniture=True))
                    # A diagram or chart in a header, as furniture; the paragraphs of a text box
                    # in it are read on their own.
                    for element in _walk(paragraph, _NOT_THE_PARAGRAPHS):
                        for block in _drawn_blocks(element, archive, _relations(archive, name), kind, furniture=True):
                            block = replace(block, locator=kind)  # "header", as its own words are
                            if (kind, block.text) not in seen:
                                seen.add((kind, block.text))
                                out.append(block)
            say_hidden(label, hidden, "Word's Hidden format, not shown or printed")
            return out
        except InputError:
            raise
        # zlib.error, EOFError, NotImplementedError, RuntimeError: a part whose compressed bytes are
        # damaged, cut short, packed by an unknown method or encrypted ended the run with a traceback.
        except (zipfile.BadZipFile, ElementTree.ParseError, ValueError, KeyError, zlib.error, EOFError,
                NotImplementedError, RuntimeError) as error:
            raise broken(label, "a Word document", error) from error
