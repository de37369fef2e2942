"""FictionBook (.fb2, and .fb2.zip): the e-book format of most Russian and Ukrainian libraries, one XML
file holding the book's description, its body of sections, its notes and its pictures.

Read as plain text, its tags were sentences and its pictures, base64 in <binary> elements, were
lines of "text" copied word for word: FBReader's own help book, English against French, gave 32
"untranslated" findings for its three pictures. Now the book reads as an e-book reader shows it:
titles, epigraphs, paragraphs, verse line by line, table cells, each located by its chapter (a
section of the body) and paragraph; inline markup (emphasis, code, links) dissolved into the
sentence; a note's mark raised where it stands and the note's text after the book ("note 1").
The description's title is text; its authors, genres, dates, ids and annotation are the
library's furniture (listed as boilerplate, never dropped); the pictures are no text. The
language the book declares (<lang>) is its blocks' declared language.
"""
from __future__ import annotations

import io
import logging
import zipfile
from xml.etree import ElementTree

from .. import lazy_re
from .base import Block, Package, Reader, broken, shifted, tidy

logger = logging.getLogger("align")

# Blocks of text in a body, a section or a cite (read as paragraphs of their own).
_PARAGRAPHS = frozenset(("p", "subtitle", "v", "text-author", "date", "td", "th"))
# Containers read child by child.
_CONTAINERS = frozenset(("section", "title", "epigraph", "poem", "stanza", "cite", "annotation", "table", "tr"))
_PREDEFINED = frozenset(("amp", "lt", "gt", "quot", "apos"))
_ENTITY = lazy_re.compile(rb"&([A-Za-z_][\w.-]*);")
_DEFINED = lazy_re.compile(rb"<!ENTITY\s+([A-Za-z_][\w.-]*)")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _inline(element: ElementTree.Element, marks: list[str]) -> str:
    """A paragraph's text with its inline markup dissolved; a note's reference ("<a type="note">1</a>")
    raised, as the reader shows it, its target kept in `marks`."""
    pieces = [element.text or ""]
    for child in element:
        name = _local(child.tag)
        if name == "a" and child.get("type") == "note":
            pieces.append(shifted("".join(child.itertext()).strip("[]{} "), "super", "".join(pieces)))
            marks.append(next((value for key, value in child.attrib.items() if _local(key) == "href"), ""))
        elif name in ("sup", "sub"):
            pieces.append(shifted(_inline(child, marks), "super" if name == "sup" else "sub", "".join(pieces)))
        elif name != "image":
            pieces.append(_inline(child, marks))
        pieces.append(child.tail or "")
    return "".join(pieces)


class _Book:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.blocks: list[Block] = []
        self.paragraph = 0

    def read(self, element: ElementTree.Element, where: str) -> None:
        for child in element:
            name = _local(child.tag)
            if name in _PARAGRAPHS:
                text = tidy(_inline(child, []), keep_no_break=True)
                if text:
                    self.paragraph += 1
                    self.blocks.append(Block(text, f"{where}paragraph {self.paragraph}", lang=self.lang))
            elif name in _CONTAINERS:
                self.read(child, where)
            elif name == "image":
                described = child.get("title") or child.get("alt")
                if described:
                    self.blocks.append(Block(tidy(described), f"{where}paragraph {self.paragraph}",
                                             furniture=True, lang=self.lang))


def _parsed(data: bytes, label: str) -> ElementTree.Element:
    """The book's XML; an entity it uses but never defines (FBReader's "&FBReaderVersion;", from a
    file its build fills in) kept as written, with a warning, rather than the whole book refused."""
    defined = set(_DEFINED.findall(data[:65536]))
    undefined = sorted({name for name in _ENTITY.findall(data)
                        if name.decode() not in _PREDEFINED and name not in defined})
    if undefined:
        data = _ENTITY.sub(lambda match: match.group() if match.group(1).decode() in _PREDEFINED or
                           match.group(1) in defined else b"&amp;" + match.group()[1:], data)
    root = ElementTree.fromstring(data)
    if undefined:  # said once the book is read: a damaged file's one line is its error
        logger.warning("%s: entities it does not define kept as written: %s", label,
                       ", ".join(f"&{name.decode()};" for name in undefined[:5]))
    return root


def _zipped(data: bytes, label: str) -> bytes:
    """The .fb2 inside a .fb2.zip, as libraries hand their books out."""
    archive = Package(data, label)
    books = [name for name in archive.namelist() if name.lower().endswith(".fb2")]
    if len(books) != 1:
        raise broken(label, "a zipped FictionBook", ValueError(f"{len(books)} .fb2 files in it, not one"))
    return archive.read(books[0])


def _one_zipped_book(data: bytes) -> bool:
    if data[:2] != b"PK":
        return False
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return len(names) == 1 and names[0].lower().endswith(".fb2")


class Fb2Reader(Reader):
    name = "fb2"
    suffixes = (".fb2", ".fbz")

    def sniff(self, data: bytes) -> bool:
        return b"<FictionBook" in data[:1024] or (data[:2] == b"PK" and b".fb2" in data[:200]
                                                    and _one_zipped_book(data))

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            if data[:2] == b"PK":
                data = _zipped(data, label)
            root = _parsed(data, label)
        except (zipfile.BadZipFile, ElementTree.ParseError) as error:
            raise broken(label, "a FictionBook", error) from error
        if _local(root.tag) != "FictionBook":
            raise broken(label, "a FictionBook", ValueError(f"its root is <{_local(root.tag)}>, not <FictionBook>"))
        children = {_local(child.tag): child for child in root}
        description = children.get("description")
        title_info = None if description is None else next(
            (child for child in description if _local(child.tag) == "title-info"), None)
        lang = ""
        out: list[Block] = []
        furniture: list[Block] = []
        if title_info is not None:
            lang = next((tidy(child.text or "") for child in title_info if _local(child.tag) == "lang"), "")
            for child in title_info:
                text = tidy(" ".join(child.itertext()))
                if _local(child.tag) == "book-title" and text:
                    out.append(Block(text, "title", lang=lang))
        if description is not None:
            # The library's record of the book: authors, genres, dates, ids, the annotation.
            for part in description:
                furniture += [Block(text, _local(part.tag), furniture=True) for text in _record(part)]
        bodies = [child for child in root if _local(child.tag) == "body"]
        for index, body in enumerate(bodies):
            if index and body.get("name") in ("notes", "comments", "footnotes"):
                for section in (child for child in body if _local(child.tag) == "section"):
                    out += _note(section, lang)
                continue
            book = _Book(lang)
            chapter = 0
            for child in body:
                if _local(child.tag) == "section":
                    chapter += 1
                    book.paragraph = 0
                    book.read(child, f"chapter {chapter}, ")
                else:
                    book.read(_wrapped(child), "")
            out += book.blocks
        if not any(block for block in out if not block.furniture):
            raise broken(label, "a FictionBook", ValueError("no body text in it"))
        return out + furniture


def _record(element: ElementTree.Element) -> list[str]:
    """The texts of a description's fields, a paragraph (of an annotation) whole; not the title and
    language, read as the book's."""
    name = _local(element.tag)
    if name in ("book-title", "lang"):
        return []
    if name == "p" or not len(element):
        text = tidy(" ".join(element.itertext()))
        return [text] if text else []
    return [text for child in element for text in _record(child)]


def _wrapped(element: ElementTree.Element) -> ElementTree.Element:
    wrapper = ElementTree.Element("wrapper")
    wrapper.append(element)
    return wrapper


def _note(section: ElementTree.Element, lang: str) -> list[Block]:
    """A note's paragraphs, located by its number (its title), which stands as a label, not text."""
    title = next((child for child in section if _local(child.tag) == "title"), None)
    number = tidy(" ".join(title.itertext())) if title is not None else section.get("id", "")
    book = _Book(lang)
    for child in section:
        if child is not title:
            book.read(_wrapped(child), "")
    return [Block(block.text, f"note {number}".strip(), furniture=block.furniture, lang=lang) for block in book.blocks]
