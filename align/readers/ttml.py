"""Timed Text (TTML, DFXP, IMSC, EBU-TT: .ttml, .dfxp, or .xml whose root is a `tt` element in the
TTML namespace, as Netflix and broadcasters take delivery of subtitles): the text of each `<p>`
cue, located as `subtitle 12`, its place among the document's `<p>` elements.

A cue's `<span>`s are styling, dissolved into its text; `<br/>` is a line break; its whitespace
is collapsed as TTML's default `xml:space` shows it (the file's own line breaks are no breaks),
or kept where `xml:space="preserve"` says so. The head (styles, regions, the title and other
metadata), timings, `<metadata>` inside a cue and a ruby's reading (`tts:ruby="text"`) are not
text of the subtitle. The language the file declares (`xml:lang`) is the blocks'; a change of
`ttm:agent` (the speaker) starts another turn, as a voice tag does in WebVTT.

Read as plain text before, a DFXP file was its XML: the tags, styles and every `begin="..."`
were in the sentences, and a cue's lines were cut where the file wrapped them.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree

from .. import lazy_re
from .base import Block, Reader, broken, tag_language, tidy, xml_head
from .subtitles import cue_blocks

# TTML's namespace, and those of the drafts DFXP files were written to (2004 to 2006).
_TT_NAMESPACE = lazy_re.compile(r"http://www\.w3\.org/(?:ns/ttml|20\d\d/\d\d/ttaf1)")
_METADATA_NAMESPACE = lazy_re.compile(r"http://www\.w3\.org/(?:ns/ttml|20\d\d/\d\d/ttaf1)#metadata")
_XML = "{http://www.w3.org/XML/1998/namespace}"
# The document's opening: an XML declaration, comments (each ending at its first "-->": one that
# could run on backtracked without end over a head of many), a doctype, then the root's start tag.
_OPENING = lazy_re.compile(
    rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->).)*-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?tt[\s>/][^>]*", re.DOTALL)
_NAMESPACE_DECLARED = lazy_re.compile(
    rb"xmlns(?::[\w.-]+)?\s*=\s*[\"']http://www\.w3\.org/(?:ns/ttml|20\d\d/\d\d/ttaf1)[\"']")
# Elements inside a cue that show nothing: its metadata, animations.
_NOT_SHOWN = frozenset(("metadata", "set", "animate", "animation"))
_SPACES = lazy_re.compile(r"[ \t\r\n]+")


def _parts(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _attribute(element: ElementTree.Element, local: str) -> str:
    """An attribute by its local name, whatever namespace prefixes it (tts:ruby, ttm:agent)."""
    for name, value in element.attrib.items():
        if _parts(name)[1] == local:
            return value
    return ""


def _is_tt(element: ElementTree.Element, local: str) -> bool:
    namespace, name = _parts(element.tag) if isinstance(element.tag, str) else ("", "")
    return name == local and (not namespace or _TT_NAMESPACE.fullmatch(namespace) is not None)


def _shown(element: ElementTree.Element, preserve: bool) -> str:
    """The text an element shows, "\\n" for each line break: spans dissolved, metadata left out."""
    space = element.get(f"{_XML}space")
    preserve = preserve if space is None else space == "preserve"

    def flow(text: str | None) -> str:
        if not text:
            return ""
        return text if preserve else _SPACES.sub(" ", text)

    pieces = [flow(element.text)]
    for child in element:
        namespace, local = _parts(child.tag) if isinstance(child.tag, str) else ("", "")
        shows = isinstance(child.tag, str) and local not in _NOT_SHOWN and not _METADATA_NAMESPACE.fullmatch(namespace) \
            and _attribute(child, "ruby") != "text"
        if shows and local == "br":
            pieces.append("\n")
        elif shows:
            pieces.append(_shown(child, preserve))
        pieces.append(flow(child.tail))
    return "".join(pieces)


def _cues(root: ElementTree.Element) -> list[tuple[str, list[str], str, str]]:
    """(locator, lines shown, speaker, language) of each <p> of the body, in document order."""
    out = []
    declared = root.get(f"{_XML}lang", "")

    def walk(element: ElementTree.Element, preserve: bool, speaker: str, lang: str) -> None:
        space = element.get(f"{_XML}space")
        preserve = preserve if space is None else space == "preserve"
        speaker = _attribute(element, "agent") or speaker
        lang = element.get(f"{_XML}lang") or lang
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if _is_tt(child, "p"):
                child_lang = child.get(f"{_XML}lang") or lang
                text = _shown(child, preserve)
                out.append((f"subtitle {len(out) + 1}", text.split("\n"), _attribute(child, "agent") or speaker,
                            child_lang))
            elif _parts(child.tag)[1] not in _NOT_SHOWN:
                walk(child, preserve, speaker, lang)

    for body in (child for child in root if _is_tt(child, "body")):
        walk(body, root.get(f"{_XML}space") == "preserve", "", declared)
    return out


class TtmlReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".ttml", ".dfxp", ".ttml2", ".imsc")

    def sniff(self, data: bytes) -> bool:
        opening = _OPENING.match(xml_head(data, 4096))
        return opening is not None and _NAMESPACE_DECLARED.search(opening.group()) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        head = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
        if head.startswith(b"<?xml"):
            data = head  # blank lines before the declaration, as some exporters write: no error of the file's
        try:
            root = ElementTree.fromstring(data)  # bytes: the parser honours the declared encoding
            if not _is_tt(root, "tt"):
                raise ValueError(f"the root element is {_parts(root.tag)[1]!r}, not tt")
            cues = _cues(root)
        # LookupError: an encoding the declaration names that Python has not ("UTF-P6").
        except (ElementTree.ParseError, ValueError, LookupError, RecursionError) as error:
            raise broken(label, "TTML subtitles", error) from error
        lang = next((tag_language(cue_lang) for *_rest, cue_lang in cues if cue_lang), "")
        turns, speaker = [], None
        for locator, lines, agent, _lang in cues:
            turns.append((locator, tidy("\n".join(lines)).split("\n"), speaker is not None and agent != speaker))
            speaker = agent
        return cue_blocks(turns, lang)
