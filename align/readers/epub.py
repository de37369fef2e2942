"""E-books (.epub): the documents of the reading order (the package's spine), each read as a web
page; a block is located by its chapter (its place among the spine's chapters, the table of
contents and supplements outside the reading order counted apart) and its paragraph there.
"""
from __future__ import annotations

import codecs
import logging
import posixpath
import re
import zipfile
from urllib.parse import unquote
from xml.etree import ElementTree

from .. import lazy_re
from ..errors import InputError
from .base import BYTE_ORDER_MARKS, Block, Package, Reader, broken
from .html import HtmlReader

logger = logging.getLogger("align")
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


def _spine(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(path, kind) of the reading order's documents: "chapter", or "contents" for the navigation
    document (EPUB 3's table of contents) and "supplement" for one outside the linear reading order
    (linear="no"), which a reader does not count among the chapters."""
    container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
    rootfile = container.find(f"{_CONTAINER}rootfiles/{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise ValueError("META-INF/container.xml names no package document")
    package_path = rootfile.get("full-path")
    package = ElementTree.fromstring(archive.read(package_path))
    base = posixpath.dirname(package_path)
    manifest = {item.get("id"): item for item in package.iter(_OPF + "item")}
    paths = []
    for itemref in package.iter(_OPF + "itemref"):
        item = manifest.get(itemref.get("idref"))
        if item is None or "html" not in (item.get("media-type") or ""):
            continue
        # An href is a URL: "chapter%201.xhtml" names the file "chapter 1.xhtml".
        path = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
        if "nav" in (item.get("properties") or "").split():
            kind = "contents"
        elif itemref.get("linear") == "no":
            kind = "supplement"
        else:
            kind = "chapter"
        paths.append((path, kind))
    return paths


_XMLENC = "{http://www.w3.org/2001/04/xmlenc#}"
# What an e-book obfuscates its embedded fonts with (IDPF's and Adobe's): not the text's DRM.
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


def _encrypted(archive: zipfile.ZipFile) -> set[str]:
    """The paths that META-INF/encryption.xml lists as encrypted (a DRM-protected book's chapters),
    fonts obfuscated aside. Read as they are, a protected book's chapters were aligned as
    sentences of random characters, exit 0."""
    try:
        root = ElementTree.fromstring(archive.read("META-INF/encryption.xml"))
    except (KeyError, ElementTree.ParseError):
        return set()
    out = set()
    for data in root.iter(_XMLENC + "EncryptedData"):
        method = data.find(_XMLENC + "EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        for reference in data.iter(_XMLENC + "CipherReference"):
            out.add(posixpath.normpath(unquote(reference.get("URI", ""))))
    return out


_DECLARED = lazy_re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_META_CHARSET = lazy_re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.IGNORECASE)


def _decoded(raw: bytes, label: str) -> str:
    """A chapter's text in the encoding its byte-order mark, XML declaration or <meta charset>
    names (XHTML defaults to UTF-8): a chapter in ISO-8859-1 was read as UTF-8, every accent a
    U+FFFD, in silence."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw.decode("utf-8-sig", errors="replace")
    for bom, encoding in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding, errors="replace")
    named = _DECLARED.match(raw) or _META_CHARSET.search(raw[:4096])
    encoding = named.group(1).decode("ascii") if named else "utf-8"
    try:
        return raw.decode(encoding)
    except LookupError:
        raise ValueError(f"{label} declares the encoding {encoding!r}, which Python does not know") from None
    except UnicodeDecodeError as error:
        logger.warning("%s is not valid %s (%s at byte %d): the bytes that are not are shown as U+FFFD", label,
                       encoding, error.reason, error.start)
        return raw.decode(encoding, errors="replace")


class EpubReader(Reader):
    name = "epub"
    suffixes = (".epub",)

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"application/epub+zip" in data[:200]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        html = HtmlReader(read_title=False)
        out: list[Block] = []
        try:
            archive = Package(data, label)
            counts: dict[str, int] = {}
            spine, encrypted = _spine(archive), _encrypted(archive)
            if any(path in encrypted for path, _kind in spine):
                raise InputError(f"{label}: the e-book is DRM-protected (its chapters are encrypted); "
                                 "give a copy without DRM")
            for path, kind in spine:
                counts[kind] = counts.get(kind, 0) + 1
                # The chapters are numbered as a reader counts them, the contents page aside.
                where = "contents" if kind == "contents" else f"{kind} {counts[kind]}"
                text = _decoded(archive.read(path), f"{label}:{path}")
                paragraph = 0
                for block in html.blocks(text, f"{label}:{path}"):
                    paragraph += 1
                    out.append(Block(block.text, f"{where}, paragraph {paragraph}",
                                     block.furniture or kind == "contents"))
        except InputError:
            raise
        except (zipfile.BadZipFile, ElementTree.ParseError, ValueError, KeyError) as error:
            raise broken(label, "an EPUB", error) from error
        return out
