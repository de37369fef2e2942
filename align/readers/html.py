"""Web pages (.html): each block element's text is a block, located by its line in the page's source.

The page furniture (menus, headers and footers, share buttons, "related articles", cookie
notices) is kept and marked as such: the report lists it as boilerplate instead of dropping it,
so a reprint that left out the original's menu is not told it lost content, and nothing the
page holds disappears. Furniture is what stands in nav/header/footer/aside/form elements, in
elements whose role, class or id says so, or, where the page marks its article (article or
main), outside it. Scripts, styles and the head (but for its title) hold no text of the page.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .base import Block, Reader, tidy

# Elements whose start or end ends the running block of text.
_BLOCKS = frozenset("""
    address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
    thead title tr ul""".split())
_HIDDEN = frozenset("script style noscript template svg math head iframe object canvas select option".split())
_FURNITURE_TAGS = frozenset("nav header footer aside form".split())
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog".split())
_FURNITURE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|footer|header|masthead|share|sharing|social|cookie|consent|breadcrumbs?|"
    r"sidebar|related|comments?|newsletter|subscribe|promo|advert|ads?|banner|toolbar|skip)(?:$|[-_\s])", re.I)
_WHITESPACE = re.compile(r"\s+")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Collector(HTMLParser):
    def __init__(self, read_title: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.read_title = read_title
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, furniture)
        self.pieces: list[str] = []
        self.start_line = 0
        self.blocks: list[tuple[str, int, bool, bool]] = []  # text, line, furniture, inside article
        self.has_article = False
        self.article_depth = 0
        self.title_seen = False

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def flush(self) -> None:
        text = tidy("".join(self.pieces))
        if text:
            _hidden, furniture = self._state()
            self.blocks.append((text, self.start_line, furniture, self.article_depth > 0))
        self.pieces = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "br":
            self.pieces.append("\n")
            return
        if tag in _BLOCKS:
            self.flush()
        if tag in _VOID:
            return
        hidden, furniture = self._state()
        attributes = dict(attrs)
        if tag == "title" and not self.title_seen and self.read_title:
            hidden = False  # the page's title is text of the page, even inside <head>
            self.title_seen = True
        elif tag in _HIDDEN or "hidden" in attributes or attributes.get("aria-hidden") == "true":
            hidden = True
        names = " ".join(filter(None, (attributes.get("class"), attributes.get("id"))))
        if (tag in _FURNITURE_TAGS or (attributes.get("role") or "").lower() in _FURNITURE_ROLES
                or (names and _FURNITURE_NAMES.search(names))):
            furniture = True
        if tag in ("article", "main"):
            self.has_article = True
            self.article_depth += 1
        self.stack.append((tag, hidden, furniture))

    def handle_endtag(self, tag) -> None:
        if tag in _BLOCKS:
            self.flush()
        # Close up to the matching open tag: pages leave <p> and <li> unclosed.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                for closed, _hidden, _furniture in self.stack[depth:]:
                    if closed in ("article", "main"):
                        self.article_depth -= 1
                del self.stack[depth:]
                break

    def handle_data(self, data) -> None:
        hidden, _furniture = self._state()
        if hidden:
            return
        if not "".join(self.pieces).strip():
            leading = len(data) - len(data.lstrip())
            self.start_line = self.getpos()[0] + data.count("\n", 0, leading)
        # Line breaks in the source are spaces on the page, but in <pre>; <br> gives a real one.
        in_pre = any(tag == "pre" for tag, _hidden, _furniture in self.stack)
        self.pieces.append(data if in_pre else _WHITESPACE.sub(" ", data))


class HtmlReader(Reader):
    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        head = data[:1024].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head)

    def __init__(self, read_title: bool = True) -> None:
        self.read_title = read_title  # an e-book chapter's title is its file's label, not text of the book

    def blocks(self, text: str, label: str) -> list[Block]:
        collector = _Collector(self.read_title)
        collector.feed(text)
        collector.close()
        collector.flush()
        out = []
        for block_text, line, furniture, in_article in collector.blocks:
            outside = collector.has_article and not in_article
            out.append(Block(block_text, f"line {line}", furniture=furniture or outside))
        return out
