"""E-books (.epub): the documents of the reading order (the package's spine), each read as a web
page; a block is located by its chapter (its place in the spine) and its paragraph there.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from xml.etree import ElementTree

from .base import Block, Reader, broken
from .html import HtmlReader

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"


def _spine(archive: zipfile.ZipFile) -> list[str]:
    """The paths of the reading order's documents."""
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
        paths.append(posixpath.normpath(posixpath.join(base, item.get("href", ""))))
    return paths


class EpubReader(Reader):
    name = "epub"
    suffixes = (".epub",)

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"application/epub+zip" in data[:200]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        html = HtmlReader(read_title=False)
        out: list[Block] = []
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            for chapter, path in enumerate(_spine(archive), start=1):
                text = archive.read(path).decode("utf-8", errors="replace")
                paragraph = 0
                for block in html.blocks(text, f"{label}:{path}"):
                    paragraph += 1
                    out.append(Block(block.text, f"chapter {chapter}, paragraph {paragraph}", block.furniture))
        except (zipfile.BadZipFile, ElementTree.ParseError, ValueError, KeyError) as error:
            raise broken(label, "an EPUB", error) from error
        return out
