"""Translation memories in TMX (1.4, as CAT tools and `align -f tmx` write them): the units'
source-language variants are one text and their variants in the other language the other.

As with XLIFF, the targets are aligned with the sources afresh rather than taken as the memory
pairs them: a unit whose target renders its neighbour's source is what the audit is for. The
source language is the header's `srclang` (the first unit's first language where it says
"*all*"); the target language is the other one most units hold. Languages are told apart by
their primary tag, so a merged memory's "en-GB" units stand with its "en-US" ones. A memory in
three languages or more is read as a file of versions (`_versions`), so that the flags choose two.
Inline codes (bpt, ept, it, ut) are native code and left out with what they hold (a sub-flow too),
but a line break's, read as a space; a placeholder (<ph>) is read as its native code where that is a value, not markup
("{1}", "%s": "will cost <ph>{1}</ph> euros" keeps its figure); highlighted text is kept.
"""
from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree

from .base import Block, Reader, broken, tag_language, tidy, unit_blocks
from .xliff import _line_break, placeholder_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODE = frozenset(("bpt", "ept", "ph", "it", "ut"))


def _segment_text(element: ElementTree.Element) -> str:
    pieces = [element.text or ""]
    for child in element:
        local = child.tag.rsplit("}", 1)[-1]
        if _line_break(child, local, {}):
            pieces.append(" ")
        elif local == "ph":
            pieces.append(placeholder_text("".join(child.itertext())) or "")
        elif local not in _CODE:
            pieces.append(_segment_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _variants(unit: ElementTree.Element) -> dict[str, list[str]]:
    """A unit's texts by language, its primary tag (TMX 1.1's `lang` as well as `xml:lang`). All of a
    language, in order: a memory keeps a unit's alternative translations, or its "en-GB" and "en-US"
    sources, side by side, and the second was dropped unread."""
    out: dict[str, list[str]] = {}
    for variant in unit.iter("tuv"):
        tag = variant.get(_XML_LANG) or variant.get("lang") or ""
        segment = variant.find("seg")
        if tag and segment is not None:
            out.setdefault(tag_language(tag), []).append(_segment_text(segment))
    return out


def _versions(units: list[tuple[str, dict[str, list[str]]]], languages: list[str]) -> list[Block]:
    """A memory in three languages or more (the EU's DGT-TM holds 24) as a file of versions keyed by
    unit: `--src-lang` and `--tgt-lang` choose two of them (`align.loading`), and `align.keyed`
    pairs their variants unit by unit; with no flag, the source language and the one most units
    hold. Read as a memory of two languages, the others left out, `--tgt-lang de` had labelled the
    French variants German."""
    return [Block(tidy(text, keep_no_break=True), f"key unit {unit_id or number}", version=lang)
            for lang in languages for number, (unit_id, variants) in enumerate(units, 1)
            for text in variants.get(lang, ())]


class TmxReader(Reader):
    name = "tmx"
    suffixes = (".tmx",)
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return b"<tmx" in data[:2048]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(data)  # bytes: the parser honours the file's encoding declaration
            if root.tag != "tmx":
                raise ValueError(f"the root element is {root.tag.rsplit('}', 1)[-1]!r}, not tmx")
        except (ElementTree.ParseError, ValueError) as error:
            raise broken(label, "TMX", error) from error
        header = root.find("header")
        try:
            units = [(unit.get("tuid", ""), _variants(unit)) for unit in root.iter("tu")]
        except RecursionError:  # inline markup nested thousands deep, read by recursion
            raise broken(label, "TMX", ValueError("its markup is nested too deeply to read")) from None
        tags = [tag for _, variants in units for tag in variants]
        if not tags:
            return []
        source = tag_language(header.get("srclang", "") if header is not None else "")
        if source not in tags:
            source = next(iter(units[0][1] or {tags[0]: ""}))
        others = Counter(tag for tag in tags if tag != source)
        if len(others) > 1:
            return _versions(units, [source] + [tag for tag, _count in others.most_common()])
        target = others.most_common(1)[0][0] if others else ""
        return unit_blocks((f"unit {unit_id or number}", text if lang == source else None,
                            text if lang == target else None, source, target)
                           for number, (unit_id, variants) in enumerate(units, 1)
                           for lang in (source, target) for text in variants.get(lang, ()))
