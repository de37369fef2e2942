"""Word documents (.docx): the body's paragraphs and table cells in order, then the footnotes and
endnotes; headers and footers as page furniture. Tracked deletions and the old place of tracked
moves are left out, insertions kept: the text as Word shows it with changes accepted. A text box
is read once (Word stores a second, older copy of it for other readers), after the paragraph it is
anchored in, and an image's alternative text after it, as furniture; equations are read as text,
ruby without its phonetic guide. Hidden text (runs formatted Hidden, which Word neither shows nor
prints by default) is left out, and said so.

Read with the standard library: a .docx is a zip of XML parts, and the parts that hold text need
no more than ElementTree to walk.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from xml.etree import ElementTree

from .base import Block, Reader, broken, tidy

logger = logging.getLogger("align")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = {W + "delText", W + "instrText", W + "delInstrText"}


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees that are not the text as Word shows it: the older copy of a text box that Word writes
# beside the new one (mc:Fallback holds the same words as mc:Choice), and the place a tracked move
# took its text from (changes accepted, it stands where w:moveTo puts it).
_PRUNED = {MC + "Fallback", W + "moveFrom"}


M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# Left out of a paragraph's own text: a text box anchored in it (its paragraphs are read on their
# own, after it: glued in, "La tempête Trois mille personnes... a frappé" was one sentence), and
# the phonetic guide over ruby text (read too, each word came twice).
_NOT_THE_PARAGRAPHS = _PRUNED | {W + "txbxContent", W + "rt"}


def _walk(element: ElementTree.Element, pruned: set[str] = _PRUNED, hidden: list[str] | None = None):
    """`element` and its descendants in document order, less the subtrees of `pruned` and the runs
    formatted Hidden; the text of those runs goes to `hidden` when it is given."""
    yield element
    for child in element:
        if child.tag in pruned:
            continue
        if child.tag == W + "r" and _hidden(child):
            if hidden is not None:
                hidden.append("".join(t.text or "" for t in child.iter(W + "t")))
            continue
        yield from _walk(child, pruned, hidden)


def _hidden(run: ElementTree.Element) -> bool:
    """Whether a run is formatted Hidden (w:vanish, unless its value switches it off)."""
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in ("0", "false", "off")


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


def _paragraph_text(paragraph: ElementTree.Element, hidden: list[str] | None = None) -> str:
    """The paragraph's text as Word shows it; the text of its hidden runs goes to `hidden`."""
    pieces: list[str] = []
    for element in _walk(paragraph, _NOT_THE_PARAGRAPHS, hidden):
        tag = element.tag
        if tag == W + "t" or tag == M + "t":  # an equation's text too: "v = 5 m/s" had been dropped
            pieces.append(element.text or "")
        elif tag == W + "tab":
            pieces.append(" ")
        elif tag in (W + "br", W + "cr"):
            pieces.append("\n")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "sym":
            pieces.append(_symbol(element))
        elif tag in _SKIPPED:
            continue
    return tidy("".join(pieces))


def _body_paragraphs(root: ElementTree.Element):
    """The paragraphs of a part in reading order, table cells included, each once; a paragraph of a
    text box comes after the paragraph it is anchored in."""
    return (element for element in _walk(root) if element.tag == W + "p")


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _image_text(element: ElementTree.Element) -> str:
    """An image's alternative text (its description, else its title), which Word keeps in the
    drawing's wp:docPr: what a screen reader reads, and what an image stands for."""
    return tidy(element.get("descr") or element.get("title") or "")


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read(name))
    except KeyError:
        return None


class DocxReader(Reader):
    name = "docx"
    suffixes = (".docx", ".docm", ".dotx")

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"word/" in data[:4096]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            body = _part(archive, "word/document.xml")
            if body is None:
                raise ValueError("no word/document.xml in it")
            out = []
            number = 0
            hidden: list[str] = []
            for element in _walk(body):
                if element.tag == WP + "docPr":  # after the paragraph it is anchored in, as furniture
                    alt = _image_text(element)
                    if alt:
                        out.append(Block(alt, f"paragraph {max(number, 1)}", furniture=True))
                    continue
                if element.tag != W + "p":
                    continue
                text = _paragraph_text(element, hidden)
                if text:
                    number += 1
                    out.append(Block(text, f"paragraph {number}"))
            for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
                notes = _part(archive, part)
                if notes is None:
                    continue
                for note in notes.iter(W + ("footnote" if kind == "footnote" else "endnote")):
                    if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    text = tidy(" ".join(_paragraph_text(p, hidden) for p in _body_paragraphs(note)))
                    if text:
                        out.append(Block(text, f"{kind} {note.get(W + 'id')}"))
            for name in sorted(n for n in archive.namelist() if re.fullmatch(r"word/(header|footer)\d*\.xml", n)):
                part = _part(archive, name)
                kind = "header" if "header" in name else "footer"
                for paragraph in _body_paragraphs(part):
                    text = _paragraph_text(paragraph, hidden)
                    if text:
                        out.append(Block(text, kind, furniture=True))
            words = sum(len(text.split()) for text in hidden)
            if words:
                logger.warning("%s: %d word%s of hidden text (Word's Hidden format, not shown or printed) left out, "
                               "starting \"%s\"", label, words, "" if words == 1 else "s",
                               " ".join(" ".join(hidden).split()[:8]))
            return out
        except (zipfile.BadZipFile, ElementTree.ParseError, ValueError, KeyError) as error:
            raise broken(label, "a Word document", error) from error
