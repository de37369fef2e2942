"""SAMI captions (.smi, .sami: Windows Media and Korean fansubs): each `<SYNC Start=...>` a cue,
its `<P Class=...>` text shown as a web browser shows it (tags dissolved, `<br>` a line break,
entities undone); located as `subtitle 12`, its place among the file's SYNC elements. The head
(title, style sheet) is not text, and a cue of `&nbsp;` only clears the screen.

A SAMI file may hold several languages, one class each (`.ENCC {lang: en-US}`, `.KRCC {...}`):
each language's cues are read together, one language after the other, each with the language
its class declares, and a warning names them (`align pair` given the one file audits each half
against the other).

Read as plain text before, the markup was in the sentences, or, read as a web page, the whole
body was one paragraph.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from html.parser import HTMLParser

from .. import lazy_re
from .base import Block, Reader, tag_language, tidy, xml_head
from .subtitles import cue_blocks

logger = logging.getLogger("align")

_CLASS_LANGUAGE = lazy_re.compile(r"\.([\w-]+)\s*\{[^{}]*?\blang\s*:\s*([A-Za-z]{2,3}(?:[-_][\w]+)?)", re.IGNORECASE)
_NOT_TEXT = frozenset(("head", "title", "style", "script", "rt"))


class _Cues(HTMLParser):
    """The text of each SYNC, by its number and the class of the <P> that holds it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.syncs = 0
        self.text: dict[tuple[int, str], list[str]] = {}
        self.css_class = ""
        self.hidden = 0  # depth inside the head, a style sheet, a ruby's reading

    def handle_starttag(self, tag, attrs):
        if tag in _NOT_TEXT:
            self.hidden += 1
        elif tag == "sync":
            self.syncs += 1
            self.css_class = ""
        elif tag == "p":
            self.css_class = (dict(attrs).get("class") or "").lower()
            self._add("\n")  # a second paragraph of a cue is a line of its own
        elif tag == "br":
            self._add("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._add("\n")

    def handle_endtag(self, tag):
        if tag in _NOT_TEXT and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        self._add(re.sub(r"[ \t\r\n]+", " ", data))

    def _add(self, text: str) -> None:
        if self.syncs and not self.hidden:
            self.text.setdefault((self.syncs, self.css_class), []).append(text)


class SamiReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".smi", ".sami")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        return xml_head(data, 512).lstrip().lower().startswith(b"<sami")

    def blocks(self, text: str, label: str) -> list[Block]:
        parser = _Cues()
        parser.feed(text)
        parser.close()
        shown = {key: tidy("".join(pieces)) for key, pieces in parser.text.items()}
        shown = {key: text for key, text in shown.items() if text}
        classes = list(dict.fromkeys(css_class for _sync, css_class in shown))
        languages = {name.lower(): tag_language(lang) for name, lang in _CLASS_LANGUAGE.findall(text)}
        if len(classes) > 1:
            logger.warning("%s: holds the captions of %d classes (%s), read one after the other", label,
                           len(classes), ", ".join(f"{name or 'no class'} ({languages.get(name) or '?'})"
                                                   for name in classes))
        out = []
        for css_class in classes:
            cues = [(f"subtitle {sync}", text.split("\n"), False) for (sync, owner), text in shown.items()
                    if owner == css_class]
            blocks = cue_blocks(cues, languages.get(css_class, ""))
            # Each language's first cue goes on from no other language's last.
            out.extend([replace(blocks[0], continues=False, runs_on=False)] + blocks[1:] if blocks else [])
        return out
