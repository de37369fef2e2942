"""Web pages (.html): each block element's text is a block, located by its line in the page's source.

The page furniture (menus, headers and footers, share buttons, "related articles", cookie
notices) is kept and marked as such: the report lists it as boilerplate instead of dropping it,
so a reprint that left out the original's menu is not told it lost content, and nothing the
page holds disappears. Furniture is what stands in nav/aside/form elements, in header/footer
elements of the page (not of an article or a section: those are its headline and byline), in
elements whose role, class or id says so or that are hidden from screen readers (aria-hidden),
or, where the page marks its article (article or main), outside it. Scripts, styles and the head (but for its title) hold no text of the page;
nor do elements hidden by their hidden attribute, nor ruby's phonetic guide. Text an inline
style hides (display:none) is read: on a saved page it is mostly what a script shows (a tab,
a "read more"), and its translation shows it too.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .. import lazy_re
from .base import Block, EmptyPartings, Reader, shifted, tidy, version_tag
from .gutenberg import framed_blocks

# Elements whose start or end ends the running block of text.
_BLOCKS = frozenset("""
    address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
    thead title tr ul""".split())
# MathML and SVG are shown: "Winds reached <math><mn>120</mn></math> km/h" says 120. Their
# annotations (a TeX copy of the formula) and an SVG's title and description (a tooltip) are not.
# Ruby's phonetic guide (<rt>, <rtc>) and the parentheses a browser without ruby shows around it
# (<rp>) are not the text: read, "東京<rt>とうきょう</rt>" was "東京とうきょう", as Word's had been.
_HIDDEN = frozenset("script style noscript template head iframe object canvas select option annotation "
                    "annotation-xml desc rt rtc rp".split())
# What HTML ends without an end tag (HTML 5, "optional tags" and the tree builder's implied end
# tags): a page may leave out </head>, </p>, </li>, </td>... and what follows is not inside them.
_HEAD_CONTENT = frozenset("title meta link style script noscript base template".split())
_CLOSES_P = frozenset("""address article aside blockquote details dialog div dl fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section summary table ul""".split())
_IMPLIED = {  # start tag: (elements it ends, elements past which it does not look)
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist"}),
}
_P_SCOPE = frozenset("table td th caption button html template".split())
_FURNITURE_TAGS = frozenset("nav header footer aside form".split())
# HTML5's header and footer of an article or a section are its own (a headline, a byline), not the page's.
_SECTION_OWN = frozenset(("header", "footer"))
_SECTIONS = frozenset(("article", "section", "main"))
_FURNITURE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog".split())
# A class or id names furniture when one of its parts is one of these and every part after it is one
# too or a word of layout ("social-share-buttons", "site-header", "cookie-notice"): a part that
# goes on into a word of content is content ("share-price", "ad-hoc-committee", a probe's article
# paragraphs reported as boilerplate omissions).
_FURNITURE_WORDS = frozenset("""nav navbar navigation menu footer header masthead share sharing social cookie
    cookies consent breadcrumb breadcrumbs sidebar related comment comments newsletter subscribe promo advert
    advertisement ad ads banner toolbar skip navheader navfooter docnav""".split())
# (DocBook's pages, the Debian FAQ's and Reference's among them, put their links to the previous and
# next chapter, with those chapters' titles, in "navheader" and "navfooter": read as the page's
# text, a translation that named its next chapter otherwise was told it changed the content.
# Publican's, the Debian Administrator's Handbook's, put them in "docnav".)
_LAYOUT_WORDS = frozenset("""bar buttons button btn box links link list menu wrapper wrap container block area
    widget widgets section icons icon tools panel module top bottom left right inner outer holder zone region
    items item count counter notice popup modal overlay dialog form signup cta slot unit label title heading
    articles posts stories image logo copyright legal main primary secondary mobile desktop""".split())
_NAME_PARTS = lazy_re.compile(r"[-_]")


# Inside an article or a section, a header or footer so named is its own (WordPress's "entry-header",
# "post-footer": the headline and byline), as its <header> element is.
_OWN_IN_SECTION = frozenset(("header", "footer"))


def _names_furniture(names: str, in_section: bool = False) -> bool:
    for token in names.lower().split():
        parts = [part for part in _NAME_PARTS.split(token) if part]
        for k, part in enumerate(parts):
            if in_section and part in _OWN_IN_SECTION:
                continue
            if part in _FURNITURE_WORDS and all(p in _FURNITURE_WORDS or p in _LAYOUT_WORDS for p in parts[k + 1:]):
                return True
    return False

# What HTML collapses: ASCII whitespace, not the no-break space a writer typed ("12&nbsp;%", "«&nbsp;»"),
# which came out of the TMX as a plain one (the .docx, .odt and XLIFF readers keep it too).
_WHITESPACE = lazy_re.compile(r"[ \t\n\r\f]+")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# A note's number in <sup> is shown raised: read as the raised figure it is ("1932.¹ Heavy trams",
# which ends a sentence), not as "1932.1 Heavy trams", a decimal that glued two sentences
# (`base.shifted`); "CO<sub>2</sub>" is lowered, "CO₂", as Word's and OpenDocument's are.
_SHIFTED = {"sup": "super", "sub": "sub"}


# A <pre> whose class names a program's listing or a terminal's session (DocBook's "programlisting" and
# "screen", a highlighter's "language-sh"), or that opens on <code>, shows code: furniture, as the
# LaTeX, AsciiDoc and reStructuredText readers read a listing. Read as prose, the Debian
# Administrator's Handbook's crontab line and dirvish configuration, copied by every translation,
# were told untranslated in each (22 of 643 content findings over 23 chapters in five languages). A
# <pre> of no such class (a poem, a plain-text page) is text.
_CODE_CLASSES = frozenset("programlisting screen synopsis funcsynopsisinfo classsynopsisinfo code sourcecode "
                          "highlight console".split())
_CODE_CLASS_PREFIXES = ("language-", "lang-")
_OPENS_PRE_AS_CODE = frozenset(("code", "samp", "kbd"))


def _names_code(classes: str) -> bool:
    return any(name in _CODE_CLASSES or name.startswith(_CODE_CLASS_PREFIXES) for name in classes.lower().split())


# DocBook's <sidebar> is a box of the book's text (the Debian Administrator's Handbook's "BACK TO BASICS",
# "IN PRACTICE", "GOING FURTHER": 420 of them over 97 pages), which its stylesheets (DocBook XSL,
# Publican) write as <div class="sidebar">, the class a web page's sidebar has. Read as furniture,
# a box left in English in a translation was never told untranslated, nor one left out an omission.
# A page whose generator names DocBook or Publican reads its sidebars as text.
_DOCBOOK_GENERATOR = lazy_re.compile(r"(?i)\b(?:docbook|publican)\b")


def _is_sidebar(names: str) -> bool:
    return set(names.lower().split()) == {"sidebar"}


# EPUB's and ARIA's names of a note: an <aside> so marked is text, not a sidebar.
_NOTE = lazy_re.compile(r"\b(?:doc-)?(?:foot|end|rear)?notes?\b")


def _is_note(attributes: dict) -> bool:
    kinds = " ".join(filter(None, (attributes.get("epub:type"), attributes.get("role"))))
    return bool(kinds) and _NOTE.search(kinds.lower()) is not None


class _Collector(HTMLParser):
    def __init__(self, read_title: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.read_title = read_title
        self.xml = False  # XHTML, whose CDATA sections are text
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, furniture)
        # The language each open element declares (lang=, xml:lang=) or inherits, "" for none; and at
        # each depth the last element opened there with its own declaration: (tag, language).
        self.langs: list[str] = []
        self.last_sibling: dict[int, tuple[str, str]] = {}
        self.version_runs = 0  # same-named siblings side by side, each declaring a language of its own
        self.pieces: list[str] = []
        self.start_line = 0
        # The block's words so far, whether its text ends inside a word, and where its words go
        # on to a new source line (`Block.line_marks`).
        self.words = 0
        self.in_word = False
        self.last_line = 0
        self.line_marks: list[tuple[int, int]] = []
        # text, line, furniture, in article, marks, declared language
        self.blocks: list[tuple[str, int, bool, bool, tuple, str]] = []
        self.has_article = False
        self.article_depth = 0
        self.title_seen = False
        self.docbook = False  # the page says DocBook wrote it: its "sidebar" is the book's
        # Images' alternative text met in the running block: blocks of their own after it.
        self.images: list[tuple[str, int]] = []
        # An image's block met since the last paragraph: the next is no line of that one.
        self.images_before = False
        # Empty paragraphs ("<p>&nbsp;</p>", as Word saves one) between the blocks.
        self.partings = EmptyPartings()

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def flush(self) -> None:
        text = tidy("".join(self.pieces), keep_no_break=True)
        _hidden, furniture = self._state()
        if text.strip():
            self.partings.paragraph(len(self.blocks), not (furniture or self.images_before), not self.blocks)
            self.partings.empty = self.images_before = False
        lang = self.langs[-1] if self.langs else ""
        if text:
            self.blocks.append((text, self.start_line, furniture, self.article_depth > 0, tuple(self.line_marks), lang))
        self.images_before = self.images_before or bool(self.images)
        # An image's alternative text stands for it on the page (a screen reader reads it, a broken
        # image shows it): after its block and as furniture, as Word's and OpenDocument's are.
        self.blocks.extend((alt, line, True, self.article_depth > 0, (), lang) for alt, line in self.images)
        self.images = []
        self.pieces = []
        self.words, self.in_word, self.last_line, self.line_marks = 0, False, 0, []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "br":
            self.pieces.append("\n")
            return
        in_svg = self._in_svg()
        if tag in _BLOCKS and not in_svg:  # an SVG's <title> is a tooltip, not a block
            self.flush()
        self._end_implied(tag)
        hidden, furniture = self._state()
        attributes = dict(attrs)
        if tag in _VOID:
            if tag == "meta" and (attributes.get("name") or "").lower() == "generator":
                self.docbook = self.docbook or _DOCBOOK_GENERATOR.search(attributes.get("content") or "") is not None
            alt = tidy(attributes.get("alt") or "")
            if tag == "img" and alt and not hidden and not in_svg:
                self.images.append((alt, self.getpos()[0]))
            return
        if tag == "title" and in_svg:
            hidden = True
        elif tag == "title" and not self.title_seen and self.read_title:
            hidden = False  # the page's title is text of the page, even inside <head>
            self.title_seen = True
        elif tag in _HIDDEN or "hidden" in attributes:
            hidden = True
        names = " ".join(filter(None, (attributes.get("class"), attributes.get("id"))))
        if _is_note(attributes):
            pass  # an e-book's footnote is an <aside>, and text of the book: a translator's note is news
        elif ((tag in _FURNITURE_TAGS and not (tag in _SECTION_OWN and self._in_section()))
                or (attributes.get("role") or "").lower() in _FURNITURE_ROLES
                or (names and _names_furniture(names, self._in_section()) and not (self.docbook and _is_sidebar(names)))
                # Hidden from a screen reader, not from the eye (an icon's glyph, a decorative
                # figure): kept, as furniture. Dropped, a paragraph so marked was lost unsaid.
                or attributes.get("aria-hidden") == "true"
                or (tag == "pre" and _names_code(attributes.get("class") or ""))):
            furniture = True
        elif tag in _OPENS_PRE_AS_CODE and self._opens_pre():
            furniture = True
            self.stack[-1] = (self.stack[-1][0], self.stack[-1][1], True)
        if tag in ("article", "main"):
            self.has_article = True
            self.article_depth += 1
        own = version_tag(attributes.get("lang") or attributes.get("xml:lang") or "")
        depth = len(self.stack)
        before = self.last_sibling.get(depth)
        if own and before and before[0] == tag and before[1] != own and tag in _BLOCKS:
            self.version_runs += 1
        self.last_sibling = {d: sibling for d, sibling in self.last_sibling.items() if d < depth}
        if own:
            self.last_sibling[depth] = (tag, own)
        self.stack.append((tag, hidden, furniture))
        self.langs.append(own or (self.langs[-1] if self.langs else ""))

    def _end_implied(self, tag: str) -> None:
        """Close what `tag` ends without an end tag: the head at the first element of the body, an
        open <p> at a block, a <li> at the next <li>... (a hidden <p>'s state, or a share box's,
        was inherited by every paragraph after it; a page without </head> lost its whole body)."""
        if tag not in _HEAD_CONTENT:
            self._close_open("head", frozenset())
        if tag in _CLOSES_P:
            self._close_open("p", _P_SCOPE)
        if tag in ("rt", "rp"):  # ends an open <rt> or <rp> of its ruby, and no block
            for open_tag, _hidden, _furniture in reversed(self.stack):
                if open_tag in ("rt", "rp"):
                    self._close_open(open_tag, frozenset(("ruby",)))
                    break
                if open_tag == "ruby":
                    break
        if tag in _IMPLIED:
            ends, scope = _IMPLIED[tag]
            for open_tag, _hidden, _furniture in reversed(self.stack):
                if open_tag in scope:
                    break
                if open_tag in ends:
                    self.flush()
                    self._close_open(open_tag, frozenset(scope))
                    break

    def _close_open(self, tag: str, scope: frozenset) -> None:
        """Pop the stack down to the innermost open `tag`, unless an element of `scope` stands first."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] in scope:
                return
            if self.stack[depth][0] == tag:
                for closed, _hidden, _furniture in self.stack[depth:]:
                    if closed in ("article", "main"):
                        self.article_depth -= 1
                del self.stack[depth:]
                del self.langs[depth:]
                return

    def _opens_pre(self) -> bool:
        """Whether the innermost open element is a <pre> that holds no text yet."""
        return bool(self.stack) and self.stack[-1][0] == "pre" and not "".join(self.pieces).strip()

    def _in_section(self) -> bool:
        return any(open_tag in _SECTIONS for open_tag, _hidden, _furniture in self.stack)

    def _in_svg(self) -> bool:
        return any(open_tag == "svg" for open_tag, _hidden, _furniture in self.stack)

    def handle_endtag(self, tag) -> None:
        if tag == "p" and not "".join(self.pieces).strip():
            self.partings.empty = True
        if tag in _BLOCKS and not self._in_svg():
            self.flush()
        # Close up to the matching open tag: pages leave <p> and <li> unclosed.
        self._close_open(tag, frozenset())

    def unknown_decl(self, data) -> None:
        # A CDATA section is text in XHTML (an e-book's chapter, a .xhtml page) and in SVG and
        # MathML: "<p><![CDATA[Three thousand people lost power.]]></p>" was dropped unsaid. In a
        # page served as HTML it is a bogus comment, which a browser does not show.
        if data.startswith("CDATA[") and (self.xml or self._in_svg() or any(tag == "math" for tag, _h, _f in self.stack)):
            self.handle_data(data[len("CDATA["):])

    def handle_data(self, data) -> None:
        hidden, _furniture = self._state()
        if hidden:
            return
        # Raised or lowered before its words are counted: "2020<sup>TM</sup>" is two words, "2020 TM".
        position = next((_SHIFTED[tag] for tag, _hidden, _furniture in reversed(self.stack) if tag in _SHIFTED), "")
        if position:
            data = shifted(data, position, "".join(self.pieces[-3:]))
        if not "".join(self.pieces).strip():
            leading = len(data) - len(data.lstrip())
            self.start_line = self.getpos()[0] + data.count("\n", 0, leading)
        self._mark_lines(data)
        # Line breaks in the source are spaces on the page, but in <pre>; <br> gives a real one.
        in_pre = any(tag == "pre" for tag, _hidden, _furniture in self.stack)
        self.pieces.append(data if in_pre else _WHITESPACE.sub(" ", data))

    def _mark_lines(self, data: str) -> None:
        """Count `data`'s words into the block's, marking the word each new source line starts with."""
        line = self.getpos()[0]
        for k, piece in enumerate(data.split("\n")):
            if k:
                line += 1
                self.in_word = False
            tokens = piece.split()
            if not tokens:
                self.in_word = self.in_word and not piece
                continue
            continues = self.in_word and not piece[0].isspace()
            if line != self.last_line and self.words and not continues:
                self.line_marks.append((self.words, line))
            self.words += len(tokens) - continues
            self.in_word = not piece[-1].isspace()
            self.last_line = line


# A page gives its text in several languages element by element (each paragraph, then its
# translation: <p lang="en"> then <p lang="fr">) when at least this many times an element follows
# one of its name declaring another language than its own: read as a file of versions
# (`Block.version`), each block in the language it declares, as AppStream's metainfo is. Split by
# the detector, a French "Contact" and an address went to the English part. One English quotation
# (<p lang="en"> after a French paragraph, both declared) is no translation of the page.
MIN_VERSION_RUNS = 2
# ... and two of its declared languages each hold at least this share of its text outside the page's
# furniture: a language menu's "English", "Deutsch" (<li lang="en">, <li lang="de">) is no version.
MIN_VERSION_SHARE = 0.2


def _two_texts(blocks: list[tuple]) -> bool:
    letters: dict[str, int] = {}
    for text, _line, furniture, _in_article, _marks, lang in blocks:
        if not furniture:
            letters[lang] = letters.get(lang, 0) + len(text)
    total = sum(letters.values())
    return sum(1 for lang, count in letters.items() if lang and count >= MIN_VERSION_SHARE * total) >= 2


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
        head = text[:2048].lstrip("\ufeff \t\r\n")
        collector.xml = head.startswith("<?xml") or "http://www.w3.org/1999/xhtml" in head
        collector.feed(text)
        collector.close()
        collector.flush()
        versioned = collector.version_runs >= MIN_VERSION_RUNS and _two_texts(collector.blocks)
        out = []
        for block_text, line, furniture, in_article, marks, lang in collector.blocks:
            outside = collector.has_article and not in_article
            out.append(Block(block_text, f"line {line}", furniture=furniture or outside, line_marks=marks,
                             version=lang if versioned else None))
        return collector.partings.lines_of(framed_blocks(out))
