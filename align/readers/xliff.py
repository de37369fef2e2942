"""Bilingual XLIFF files (1.0-1.2, 2.0-2.2), as CAT tools export them: the units' sources are one
text and their targets the other, and the audit checks the targets against the sources.

The targets are aligned with the sources afresh, not taken as paired by the file: a target that
renders the unit before it, or two units merged into one target, is what the audit is for. A
block is located by its unit's id. A placeholder (1.2's <ph> and <x>, 2.x's <ph>) is read as the
text a CAT tool shows for it where that is not markup: its display text (2.x's `disp`), its text
equivalent (`equiv-text`, 2.x's `equiv`) or its native code ("{1}", "%s"), so that "will cost
<ph>{1}</ph> euros" keeps its figure; a formatting code (<b>, a tag pair's native code) is left
out, but a line break's, read as a space; the text inside paired tags is kept. A unit with no
target leaves its source unmatched, and the report says it was left out.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree

from .. import lazy_re
from .base import Block, Reader, broken, tag_language, unit_blocks

_XLIFF_2 = "{urn:oasis:names:tc:xliff:document:2.0}"  # 2.1 and 2.2 keep 2.0's namespace
# Elements whose content is native code, not text: 1.x's bpt/ept/ph/it, and the original data of 2.x.
_CODE = frozenset(("bpt", "ept", "ph", "it", "originalData"))
# A line break's native code: HTML's <br/>, Word's <w:br/>, OpenDocument's <text:line-break/>, or
# the break itself.
_BREAK_CODE = lazy_re.compile(r"\s*(?:<(?:[\w-]+:)?(?:br|line-break)\b[^>]*>|\\n|\n)\s*", re.IGNORECASE)
# Native code that is markup, not a value a reader sees: tags ("<b>", "</a>"), an entity, an RTF
# control word ("{\\b ", "\\par").
_MARKUP = lazy_re.compile(r"\s*(?:(?:<[^<>]*>|&#?\w+;)\s*)+|\s*(?:[{}]?\\[a-z*]+-?\d* ?)+[{}]?\s*", re.IGNORECASE)


# An ICU message ("{count, plural, =0 {none} other {# items}}"), which Angular writes whole into an
# `<x equiv-text>` and again as a unit of its own: its variable stands in the sentence.
_ICU = lazy_re.compile(r"\{\s*([^\s,{}]+)\s*,\s*(?:plural|select|selectordinal)\s*,.*\}", re.DOTALL)


def placeholder_text(shown: str | None) -> str | None:
    """What a placeholder whose display text, text equivalent or native code is `shown` reads as:
    that text where it is a value ("{1}", "%s", "{{ count }}"), an ICU message's variable
    ("{count}"), a space where it is only white space, nothing where it is markup or absent."""
    if shown is None:
        return None
    if not shown.strip():
        return " " if shown else ""
    icu = _ICU.fullmatch(shown.strip())
    if icu:
        return "{" + icu.group(1) + "}"
    return "" if _MARKUP.fullmatch(shown) else shown.strip()


def _placeholder(code: ElementTree.Element, local: str, data: dict[str, str]) -> str:
    """The text a standalone placeholder stands for: the first of 2.x's `disp`, its `equiv` (1.2's
    `equiv-text`) and its native code that it has decides (Angular's `equiv="INTERPOLATION"` is a
    name, its `disp="{{ count }}"` the text)."""
    if local == "x" or local == "ph" and code.get("equiv-text") is not None:
        return placeholder_text(code.get("equiv-text")) or ""
    for name in ("disp", "equiv"):
        if code.get(name):
            return placeholder_text(code.get(name)) or ""
    native = data.get(code.get("dataRef", "")) if code.get("dataRef") else "".join(code.itertext())
    return placeholder_text(native) or ""


def _text(element: ElementTree.Element, data: dict[str, str] | None = None) -> str:
    """An XLIFF source's or target's text; `data` holds a 2.x unit's original data by id."""
    pieces: list[str] = []
    _append_text(element, pieces, [0], data or {})
    return "".join(pieces)


def _line_break(code: ElementTree.Element, local: str, data: dict[str, str]) -> bool:
    """Whether an inline code stands for a line break: 1.2's ctype="lb", 2.x's subType="xlf:lb", or
    a placeholder whose native code (its content in 1.2, its original data in 2.x) is one. Left out,
    "Monday.<x ctype="lb"/>It is closed" read "Monday.It is closed", one sentence, and
    "in<ph>&lt;br/&gt;</ph>2021" "in2021"."""
    if local not in ("x", "ph", "it"):
        return False
    if code.get("ctype") == "lb" or code.get("subType") == "xlf:lb":
        return True
    native = data.get(code.get("dataRef", ""), "") if code.get("dataRef") else "".join(code.itertext())
    return bool(native) and _BREAK_CODE.fullmatch(native) is not None


def _append_text(element: ElementTree.Element, pieces: list[str], segments: list[int], data: dict[str, str]) -> None:
    """`element`'s text onto `pieces`; `segments` counts the 1.2 segments met so far, at any depth
    (a tool may wrap each <mrk mtype="seg"> in a <g> of its own)."""
    pieces.append(element.text or "")
    for child in element:
        local = child.tag.rsplit("}", 1)[-1]
        if local == "mrk" and child.get("mtype") == "seg":
            # 1.2's segments (SDL Trados, memoQ): a target's sentences stand in <mrk mtype="seg">,
            # often with nothing between them ("... nettoyer.</mrk><mrk ...>Utilisez ...").
            last = next((piece for piece in reversed(pieces) if piece), "")
            if segments[0] and not last[-1:].isspace():
                pieces.append(" ")
            segments[0] += 1
        if _line_break(child, local, data):
            # A space, not a line break: what stands either side of the break is one paragraph, and
            # a space beside it ("ist<br/> hoch.") is read as one.
            pieces.append(" ")
        elif local == "ph":
            pieces.append(_placeholder(child, local, data))
        elif local in _CODE:
            pass
        elif local == "cp":  # 2.x: a character XML cannot hold, by its code point
            try:
                pieces.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                pass
        elif local == "x":
            pieces.append(_placeholder(child, local, data))
        elif local in ("bx", "ex", "sc", "ec"):  # empty formatting codes
            pass
        else:
            _append_text(child, pieces, segments, data)
        pieces.append(child.tail or "")


def _units(root: ElementTree.Element):
    """(unit id, source text, target text or None, source language, target language) of every unit."""
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    if root.tag.endswith("xliff") and (ns.startswith("{urn:oasis:names:tc:xliff:document:1.")
                                       or not ns and root.get("version", "").startswith("1")):
        for file in root.iter(ns + "file"):
            src_lang, tgt_lang = file.get("source-language", ""), file.get("target-language", "")
            for unit in file.iter(ns + "trans-unit"):
                source, target = unit.find(ns + "source"), unit.find(ns + "target")
                yield (unit.get("id", ""), _text(source) if source is not None else "",
                       _text(target) if target is not None else None, src_lang, tgt_lang)
    elif root.tag == _XLIFF_2 + "xliff":
        src_lang, tgt_lang = root.get("srcLang", ""), root.get("trgLang", "")
        for unit in root.iter(_XLIFF_2 + "unit"):
            data = {item.get("id", ""): "".join(item.itertext()) for item in unit.iter(_XLIFF_2 + "data")}
            sources, targets = [], []
            # A target's `order` says where it stands among the unit's parts (1-based) when the
            # translation puts them in another order: read in the parts' order, two swapped
            # sentences were reported moved.
            placed: dict[int, str] = {}
            after_segment = False
            parts = [part for part in unit if part.tag in (_XLIFF_2 + "segment", _XLIFF_2 + "ignorable")]
            for position, part in enumerate(parts, 1):
                source, target = part.find(_XLIFF_2 + "source"), part.find(_XLIFF_2 + "target")
                is_segment = part.tag == _XLIFF_2 + "segment"
                if is_segment and after_segment:
                    # The space between two sentences is an <ignorable> by the standard, but many
                    # tools write none: "It rained.The match was off." read as one sentence.
                    sources.append(" ")
                sources.append(_text(source, data) if source is not None else "")
                # An <ignorable> without a target stands the same in both (its source is the
                # space or code between two segments): left out, "diez.Las entradas" was one word.
                if target is None and not is_segment and source is not None:
                    target = source
                order = target.get("order", "") if target is not None else ""
                at = int(order) if order.isdigit() and 1 <= int(order) <= len(parts) else position
                text = _text(target, data) if target is not None else ""
                placed[at] = f"{placed[at]} {text}" if placed.get(at) and text else placed.get(at, "") + text
                after_segment = is_segment
            previous_segment = False
            for position, part in enumerate(parts, 1):
                is_segment = part.tag == _XLIFF_2 + "segment"
                if is_segment and previous_segment:
                    targets.append(" ")
                targets.append(placed.get(position, ""))
                previous_segment = is_segment
            has_target = unit.find(f"{_XLIFF_2}segment/{_XLIFF_2}target") is not None
            yield unit.get("id", ""), "".join(sources), "".join(targets) if has_target else None, src_lang, tgt_lang
    else:
        raise ValueError(f"the root element is {root.tag.rsplit('}', 1)[-1]!r}, not an XLIFF 1.2 or 2.x document")


class XliffReader(Reader):
    name = "xliff"
    suffixes = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        # The element, not an Android string's placeholder ("<xliff:g id=...>"), which Android's
        # strings.xml writes inside its own <resources>.
        return re.search(rb"<xliff[\s>]", data[:2048]) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(data)  # bytes: the parser honours the file's encoding declaration
            units = list(_units(root))
        except (ElementTree.ParseError, ValueError) as error:
            raise broken(label, "XLIFF", error) from error
        return unit_blocks((f"unit {unit_id}" if unit_id else f"unit {number}", source, target, tag_language(src_lang),
                            tag_language(tgt_lang)) for number, (unit_id, source, target, src_lang, tgt_lang)
                           in enumerate(units, 1))
