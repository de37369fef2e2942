"""Terminology in TBX (TermBase eXchange: TBX 2's `<martif>`, as CAT tools' term bases and
translate-toolkit write it, and ISO 30042:2019's `<tbx>`): a glossary's entries in each of its
languages, read as a file of versions (`Block.version`, as AppStream's metainfo is) whose text is
keyed by its entry, as a program's strings are by their keys (`align.keyed`): `--src-lang` and
`--tgt-lang` choose two of its languages, and each entry's terms are paired with the same entry's
terms in the other, "key c7". An entry the other language lacks is reported left out or added; a
definition whose figures changed, a fact mismatch.

An entry's synonyms are one text ("hurricane; typhoon"); its definition, context and notes in a
language are texts of their own, keyed "c7, definition". Codes about a term (its part of speech,
gender, status) and about the entry (its subject field), and the file's header, are no text to
translate and not read. Before, a TBX was read as an XML document: its terms aligned as running
text, where a single word finds no partner by meaning alone ("hurricane" / "Orkan"), so a German
column of a three-language glossary read as "unrelated", every term left out.
"""
from __future__ import annotations

from xml.etree import ElementTree

from .base import Block, Reader, broken, xml_head

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The texts a language section holds besides its terms: those a translator translates.
_TEXTS = {("descrip", "definition"): "definition", ("descrip", "context"): "context",
          ("descrip", "explanation"): "explanation", ("note", None): "note"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _language_blocks(language: ElementTree.Element, key: str, tag: str) -> list[Block]:
    """The blocks of one language section of an entry: its terms as one text, then its other texts."""
    terms = [_text(element) for element in language.iter() if _local(element.tag) == "term" and _text(element)]
    out = [Block("; ".join(terms), f"key {key}", version=tag)] if terms else []
    return out + _texts_of(language, key, tag)


def _texts_of(element: ElementTree.Element, key: str, tag: str) -> list[Block]:
    """The definitions, contexts and notes in `element`, each a block keyed by its entry and kind."""
    return [Block(_text(child), f"key {key}, {_TEXTS[_local(child.tag), child.get('type')]}", version=tag)
            for child in element.iter() if (_local(child.tag), child.get("type")) in _TEXTS and _text(child)]


class TbxReader(Reader):
    name = "tbx"
    suffixes = (".tbx",)

    def sniff(self, data: bytes) -> bool:
        head = xml_head(data, 4096)
        return b"<martif" in head or (b"<tbx" in head and b"urn:iso:std:iso:30042" in head)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(data)
            if _local(root.tag) not in ("martif", "tbx"):
                raise ValueError(f"the root element is {_local(root.tag)!r}, not martif or tbx")
        except (ElementTree.ParseError, ValueError) as error:
            raise broken(label, "TBX", error) from None
        by_language: dict[str, list[Block]] = {}
        entries = [entry for entry in root.iter() if _local(entry.tag) in ("termEntry", "conceptEntry")]
        for number, entry in enumerate(entries, 1):
            key = entry.get("id") or str(number)
            languages = [child for child in entry if _local(child.tag) in ("langSet", "langSec")]
            for language in languages:
                tag = language.get(_XML_LANG) or root.get(_XML_LANG) or ""
                by_language.setdefault(tag, []).extend(_language_blocks(language, key, tag))
            # A definition or note of the concept itself, outside its language sections, is written in
            # the file's language (else its first section's): read there, not dropped unread.
            tag = root.get(_XML_LANG) or (languages[0].get(_XML_LANG, "") if languages else "")
            for child in entry:
                if child not in languages:
                    by_language.setdefault(tag, []).extend(_texts_of(child, key, tag))
        # The file's own language first: with no flag, it is the source.
        first = root.get(_XML_LANG, "")
        return [block for tag in sorted(by_language, key=lambda tag: tag != first) for block in by_language[tag]]
