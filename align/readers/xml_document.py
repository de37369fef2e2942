"""XML documents no other reader takes (DITA topics and maps, DocBook books and articles, GNOME's
Mallard help pages, TEI, JATS, a company's own schema): the text a reader of the published
document sees, each paragraph located by its line in the file, each sentence by its own line.

Before, such a file was read as plain text: its XML declaration, DOCTYPE and `<topic id=...>`
were sentences, tags stood inside every sentence, `<codeblock>pip install foo</codeblock>` was
"untranslated", and the language detector called a French topic "French and Polish and Korean".

What is read, and how:
- An element whose content mixes text with elements (a `<p>` holding `<b>`, `<xref>`,
  `<emphasis>`) is one paragraph, its inline markup dissolved; so is a known paragraph element
  of DITA, DocBook or Mallard (`p`, `para`, `title`, `li`, `entry`, `cmd`...) whatever it holds.
  An element that holds only elements is structure. Known block elements (lists, tables, code,
  paragraphs) end the running paragraph even inside mixed content. So an unknown vocabulary is
  still read by its shape.
- Code and machine text (`codeblock`, `programlisting`, `screen`, a Mallard `<code>` block), text
  marked not to translate (`translate="no"`, ITS's `its:translate="no"`) as a block, a title
  page's and a topic's metadata (`bookinfo`, `info`, `prolog`; their titles and abstracts aside),
  index terms, editors' remarks and an image's alternative text are furniture: reported as
  boilerplate, never dropped. Comments, processing instructions, the DOCTYPE, scripts, styles
  and attributes are no text (but an image's `alt` and a map's `navtitle`, which are shown).
- A footnote (`footnote`, DITA's `fn`, a note inside a sentence) is a block of its own after its
  paragraph, not spliced into the sentence it is anchored in.
- `xml:lang` (or DocBook's `lang`) is the block's declared language.
- Entities: the predefined ones, character references and those the file declares are resolved;
  an external DTD is never fetched, so an entity it declares (`&kcalc;`, `&product;`, as KDE's and
  most DocBook manuals write) is kept as written, with one warning. An entity expansion bomb is
  refused by expat's amplification limit. A malformed file is one line naming its line and column.
- Text in other files (`includes`) is read where the document takes it, each block located by its
  file and line ("commands.docbook, line 3"): an external entity's file (`<!ENTITY commands SYSTEM
  "commands.docbook">`, then `&commands;`), an XInclude's part (`<xi:include href="ch1.xml"/>`, with
  `parse="text"`, an `xpointer` naming an id, its `xi:fallback` where the file is missing) and a
  DITA content reference's element (`conref="shared.dita#topic/note"`, or in the file itself), and
  a DITA key's text or element (`<ph keyref="product"/>`, `conkeyref="notes/backup"`) as the
  document's root map (in its folder or the one above) defines the key, in a submap of it too, in
  the key scope the map reads the document in (`_KeySpace`); a key defined through another (a key
  definition's `keyref`) as that one; an empty link to a key's topic as the topic's title.
  Before, each was named in a warning and its text was lost: KCalc's handbook had no chapter of
  commands, `&commands;` stood in its place. What cannot be read (a missing file, a URL, a cycle,
  a key no map defines) is named in one warning, and an entity not read kept as written.
- An empty cross-reference to a part of the file reads as the stylesheets write it, the target's
  title or label: "See <xref linkend="intro"/>." was "See ." So does a Mallard link to another
  page: that page's title for links, read from the page beside the document (one not there named in
  a warning). A Mallard page's credits are read after its text, where yelp shows them: before its
  title, a translation's list of translators kept the two titles apart.
- A DITA topic with one DITAVAL filter file beside it or its map is read as that filter publishes it:
  an element it excludes (`<prop att="audience" val="expert" action="exclude"/>`) left out, named in
  a warning; with several, none is applied, also named.
"""
from __future__ import annotations

import codecs
import logging
import os
import re
from collections import deque
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from xml.parsers import expat

from .. import lazy_re
from ..memory import collection_paused
from ..errors import InputError
from .base import BYTE_ORDER_MARKS, Block, Reader, broken, shifted, tidy, version_tag, xml_head
from .includes import FileLine, Includes, own_marks, where

logger = logging.getLogger("align")

# Elements that break the running paragraph wherever they stand, inside mixed content too.
_BREAKS = frozenset("""
    p para simpara formalpara note ul ol sl dl dlentry itemizedlist orderedlist variablelist varlistentry simplelist
    segmentedlist glosslist glossentry calloutlist procedure steps substeps steps-unordered step substep li
    listitem entry stentry table informaltable tgroup thead tbody tfoot row simpletable strow sthead properties
    figure informalfigure fig example informalexample codeblock programlisting screen pre synopsis cmdsynopsis
    funcsynopsis classsynopsis literallayout lines blockquote lq section sect1 sect2 sect3 sect4 sect5 simplesect
    refsect1 refsect2 refsect3 div list mediaobject equation informalequation sidebar abstract
    tr td th caption""".split())
# Elements whose children flow as one paragraph when they stand as a block, even with no text of
# their own between them: "<para><emphasis>All</emphasis> <emphasis>of it</emphasis></para>".
_PARAGRAPHS = frozenset("""
    p para simpara title subtitle titleabbrev li entry stentry dt dd term shortdesc cmd info stepresult stepxmp
    choice note tip caution warning important attribution caption desc item head label refpurpose refname member
    seg glossterm question answer navtitle linktext searchtitle""".split())
# Inline elements by name, for a container that neither holds text of its own nor is a paragraph.
_INLINE = frozenset("""
    b i u tt sup sub em strong emphasis ph codeph xref link ulink olink keyword term apiname cmdname option
    parmname filepath uicontrol menucascade wintitle varname systemoutput userinput q cite quote foreignphrase
    phrase literal command filename replaceable guibutton guimenu guimenuitem guilabel guisubmenu guiicon
    menuchoice keycap keycombo keysym shortcut application acronym abbrev productname trademark citetitle
    firstterm glossterm wordasword markup tag envar function parameter classname methodname constant errorcode
    errortext computeroutput prompt sgmltag gui guiseq key keyseq sys cmd var file output input app span hi
    emph name persname placename date num foreign tm tspan textpath""".split())
# Code and machine text: furniture, its line breaks kept.
_VERBATIM = frozenset("codeblock programlisting screen pre synopsis cmdsynopsis funcsynopsis classsynopsis "
                      "msgblock code verbatim".split())
# Prose whose line breaks are its own (an address, a poem).
_LINES = frozenset("literallayout lines address".split())
# A title page's and a topic's metadata: furniture, but for the titles and abstracts inside.
_METADATA = frozenset("""
    prolog bookinfo articleinfo chapterinfo sectioninfo sect1info sect2info sect3info sect4info sect5info
    refentryinfo refsect1info partinfo prefaceinfo appendixinfo setinfo glossaryinfo docinfo titlealts topicmeta
    teiheader metadata refmeta""".split())
_PROSE_IN_METADATA = frozenset("title subtitle abstract desc".split())
# Text set apart from its paragraph: a block of its own after it.
_NOTES = frozenset("footnote fn endnote".split())
# Text set apart and no prose: index terms, editors' remarks, alternative text.
_FURNITURE_ASIDES = frozenset("indexterm index-base remark draft-comment required-cleanup comment alt textobject "
                              "data".split())
# No text of the document at all.
_HIDDEN = frozenset("script style".split())
# Line breaks inside a paragraph.
_LINE_BREAKS = frozenset("br sbr".split())
# What a stylesheet writes between the keys of a shortcut and the items of a menu path ("Ctrl+C",
# "Settings → Configure"): run together, "SettingsConfigure" was one word.
_JOINERS = {"keycombo": "+", "keyseq": "+", "menuchoice": " → ", "guiseq": " → ", "menucascade": " > "}
# Raised and lowered text, as the HTML reader reads <sup> and <sub> (`base.shifted`): KCalc's
# "10<superscript>x</superscript>" is "10ˣ", not the number "10x"; a note's figure "1932.¹".
_SHIFTED = {"sup": "super", "superscript": "super", "sub": "sub", "subscript": "sub"}
# Attributes whose text the published document shows: an image's alternative text, a map's title.
_SHOWN_ATTRIBUTES = ("alt", "navtitle")

_MALLARD = "http://projectmallard.org/"
# Mallard's blocks that its list items, terms and steps hold beside their paragraphs ("<item><title>
# Manual</title><p>...</p></item>" in a <terms>); code and media are blocks there too, inline only in
# a paragraph's text.
_MALLARD_BLOCKS = frozenset("terms tree listing code media quote".split())
_PAGE_ID = lazy_re.compile(r"[\w.-]+")  # a page's id, which names its file: no path, no ".." above

_XML_SPACE = lazy_re.compile(r"[ \t\r\n]+")
# The prolog before the root element, and the root's name and attributes.
# Each part ends at its first closing mark ("?>", "-->", "]"): one that could run on past it
# backtracked over a head of many comments (0.4 s on a GNUstep DTD of 15 KB, without end on more).
_PROLOG = lazy_re.compile(rb"\s*(?:<\?(?:(?!\?>).)*\?>\s*|<!--(?:(?!-->).)*-->\s*"
                          rb"|<!DOCTYPE(?:[^\[>]|\[(?:[^\]\"']|\"[^\"]*\"|'[^']*')*\])*>\s*)*"
                          rb"<([A-Za-z_][\w.:-]*)([^>]{0,2000})", re.DOTALL)
# Roots that another reader takes by its name or its content: Apple's .stringsdict (a property
# list), a flat OpenDocument file (.fodt), TTML subtitles, web pages; and those of the readers
# that sniff a file's first bytes only, XLIFF, TMX, Qt's .ts, .resx, Android's strings, FictionBook:
# one whose licence comment pushes its root past them is left to its name, as it was.
_OTHERS_ROOTS = frozenset(b"plist html xliff tmx ts root resources fictionbook".split())
_TTML = b"http://www.w3.org/ns/ttml"


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()


def sniffed_root(data: bytes) -> tuple[bytes, bytes] | None:
    """(name, attributes) of the root element of what reads as an XML document: one that says so
    by its declaration, a DOCTYPE or a namespace; None for anything else (a text that opens on a
    tag, "<b>Note</b>: ...", is no XML document)."""
    head = xml_head(data, 8192)
    match = _PROLOG.match(head)
    if match is None:
        return None
    prolog = head[:match.start(1)]
    says_xml = prolog.lstrip().startswith(b"<?xml") or b"<!DOCTYPE" in prolog or b"xmlns" in match.group(2)
    return (match.group(1), match.group(2)) if says_xml else None


@dataclass(slots=True)
class _Element:
    name: str  # the local name, lower case
    attributes: dict
    line: int
    # _Element or (text, line, kind): kind "text", "break" (a line break element's "\n", kept as
    # one) or "entity" (one kept as written, which may stand for markup: no text of its parent's)
    children: list


@dataclass(frozen=True)
class _State:
    furniture: bool = False
    verbatim: bool = False  # code: line breaks and spaces kept
    lines: bool = False  # prose whose line breaks are kept
    metadata: bool = False
    lang: str = ""
    alternative: bool = False  # inside an image's alternative text, which no translate="yes" makes prose
    tag: str = ""  # the language tag declared for it, as a version's name (`version_tag`)
    versioned: bool = False  # inside an element the document gives in several languages


class _Tree:
    """The document as expat reads it: elements with their lines, text with its lines, entities
    no declaration resolves kept as written, an external entity's file read in its place."""

    def __init__(self, includes: Includes | None = None, source: str = "") -> None:
        self.root: _Element | None = None
        self.stack: list[_Element] = []
        self.undeclared: dict[str, int] = {}  # entity name: its first line
        self.external: dict[str, tuple[str, str]] = {}  # entity name: the file it names, why it is not read
        self.includes = includes
        self.parsers: list[tuple[expat.XMLParserType, str]] = []  # the parser reading, and its file's name

    def line(self):
        parser, source = self.parsers[-1]
        return FileLine(parser.CurrentLineNumber, source) if source else parser.CurrentLineNumber

    def parse(self, data: bytes, source: str = "") -> None:
        parser = expat.ParserCreate()
        parser.buffer_text = False  # each piece of text with the line it starts on
        # External DTDs and parameter entities are never fetched: no network, no reading of files.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def start(name, attributes):
            element = _Element(_local(name), attributes, self.line(), [])
            if self.stack:
                self.stack[-1].children.append(element)
            elif self.root is None:
                self.root = element
            self.stack.append(element)

        def text(data, kind="text"):
            if self.stack:
                self.stack[-1].children.append((data, self.line(), kind))

        def skipped(name, is_parameter):
            if not is_parameter:
                self.undeclared.setdefault(name, self.line())
                text(f"&{name};", "entity")

        parser.StartElementHandler = start
        parser.EndElementHandler = lambda name: self.stack.pop()
        parser.CharacterDataHandler = text
        parser.SkippedEntityHandler = skipped
        parser.ExternalEntityRefHandler = self.external_entity
        self.parsers.append((parser, source))
        try:
            parser.Parse(data, True)
        finally:
            self.parsers.pop()

    def external_entity(self, context, base, system_id, public_id) -> int:
        """An external entity (`<!ENTITY commands SYSTEM "commands.docbook">`, then `&commands;`):
        the file it names read in its place, as the stylesheets do; else kept as written."""
        name = (context or "").rsplit("\f", 1)[-1] or system_id or "?"
        path, reason = self.includes.locate(system_id or "") if self.includes and system_id else \
            (None, "no file named" if not self.includes else "")
        if path is None:
            self.external.setdefault(name, (system_id or public_id or "", reason))
            if self.stack:
                self.stack[-1].children.append((f"&{name};", self.line(), "entity"))
            return 1
        parser = self.parsers[-1][0].ExternalEntityParserCreate(context)
        parser.buffer_text = False
        depth = len(self.stack)
        with self.includes.inside(path):
            self.parsers.append((parser, self.includes.source(path)))
            try:
                parser.Parse(self.includes.read(path), True)
            except expat.ExpatError as error:
                # Read up to where it breaks: what came before stays, the elements it opened closed.
                del self.stack[depth:]
                self.external.setdefault(name, (system_id, f"not well-formed from its line {error.lineno}: "
                                                 f"{expat.errors.messages[error.code]}"))
            finally:
                self.parsers.pop()
        return 1


def _with_external_subset(data: bytes) -> bytes | None:
    """`data` with an empty DOCTYPE naming an external subset after its XML declaration, on the same
    line: a file without a DOCTYPE (a chapter a book includes) whose entities the book's DTD
    declares then keeps them as written, instead of failing on the first. None where it has one."""
    encoding = "utf-8"
    start = 0
    for mark, name in BYTE_ORDER_MARKS + ((codecs.BOM_UTF8, "utf-8"),):
        if data.startswith(mark):
            encoding, start = name, len(mark)
            break
    head = data[start:start + 65536]
    if "<!DOCTYPE".encode(encoding) in head:
        return None
    at = start
    if head.startswith("<?xml".encode(encoding)):
        end = head.find("?>".encode(encoding))
        if end < 0:
            return None
        at = start + end + len("?>".encode(encoding))
    return data[:at] + '<!DOCTYPE x SYSTEM "x">'.encode(encoding) + data[at:]


_DECLARED_ENCODING = lazy_re.compile(rb"""(\s*<\?xml[^>]*?encoding\s*=\s*["'])([\w.:-]+)(["'])""")


def _as_utf8(data: bytes, label: str) -> bytes:
    """`data`, declared in a code page of several bytes a character (Shift_JIS, EUC-JP, Big5, GBK),
    which expat does not read ("multi-byte encodings are not supported", a traceback), decoded by
    Python's codec and given as UTF-8, its declaration saying so: its lines stay where they were."""
    declared = _DECLARED_ENCODING.match(data)
    name = declared.group(2).decode("ascii") if declared else "utf-8"
    try:
        text = data[declared.end():].decode(name) if declared else data.decode(name)
    except (UnicodeDecodeError, LookupError) as error:
        raise broken(label, "an XML document", ValueError(f"its bytes are not in the encoding it declares, {name}")) \
            from error
    return declared.group(1) + b"UTF-8" + declared.group(3) + text.encode("utf-8")


def _tree_of(data: bytes, label: str, includes: Includes | None, source: str) -> _Tree:
    tree = _Tree(includes, source)
    try:
        tree.parse(data, source)
    except ValueError as error:
        if "multi-byte" not in str(error):
            raise
        tree = _Tree(includes, source)
        tree.parse(_as_utf8(data, label), source)
    return tree


def _parsed(data: bytes, label: str, includes: Includes | None = None, source: str = "") -> _Tree:
    if not xml_head(data, 8192).strip():  # as plain text says it, not expat's "no element found"
        raise InputError(f"{label}: the input is empty (nothing but whitespace)")
    try:
        tree = _tree_of(data, label, includes, source)
    except LookupError as error:  # an encoding Python does not know, declared
        raise broken(label, "an XML document", ValueError(f"{error}, declared on line 1")) from error
    except expat.ExpatError as error:
        fixed = _with_external_subset(data) if error.code == expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY] else None
        if fixed is None:
            raise broken(label, "an XML document", _explained(error, data)) from error
        try:
            tree = _tree_of(fixed, label, includes, source)
        except expat.ExpatError as again:
            raise broken(label, "an XML document", _explained(again, data)) from again
    if tree.root is None:
        raise broken(label, "an XML document", ValueError("no root element"))
    return tree


def _explained(error: expat.ExpatError, data: bytes) -> ValueError:
    """expat's error with its line and column (counted from 1), and what it means where it is
    cryptic: an undefined entity named, bytes not in the declared encoding said so."""
    reason = expat.errors.messages[error.code] if error.code else str(error)
    where = f"line {error.lineno}, column {error.offset + 1}"
    if error.code == expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
        line = data.split(b"\n")[error.lineno - 1] if error.lineno else b""
        entity = re.match(rb"&[\w.:-]*;?", line[error.offset:])
        if entity:
            reason = f"undefined entity {entity.group().decode('utf-8', 'replace')}"
    elif error.code == expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN] and not _decodes(data):
        reason = "not well-formed: its bytes are not in the encoding it declares (UTF-8 where it declares none)"
    elif "amplification" in reason:
        reason = "its entities expand too far (an entity expansion bomb)"
    return ValueError(f"{reason}, {where}")


def _decodes(data: bytes) -> bool:
    declared = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([\w.:-]+)", data.removeprefix(codecs.BOM_UTF8))
    if any(data.startswith(mark) for mark, _name in BYTE_ORDER_MARKS):
        return True
    try:
        data.decode(declared.group(1).decode("ascii") if declared else "utf-8")
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _has_text(element: _Element) -> bool:
    return any(isinstance(child, tuple) and child[2] == "text" and child[0].strip() for child in element.children)


def _declared_language(attributes: dict) -> str:
    return re.split(r"[-@]", _declared_tag(attributes))[0].lower()


# A language tag, or a locale with glibc's modifier, as GNOME's files write Serbian in Latin letters
# (xml:lang="sr@latin"): not read, its lines were the untagged English text's.
_VERSION_TAG = lazy_re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*(?:@[A-Za-z]+)?")


def _declared_tag(attributes: dict) -> str:
    for name in ("xml:lang", "lang"):
        value = (attributes.get(name) or "").strip()
        if _VERSION_TAG.fullmatch(value):
            return version_tag(value)
    return ""


def _is_image(element: _Element) -> bool:
    """Whether `element` is a Mallard image, whose content yelp writes as the picture's `alt`
    (`<media type="image" src="..."><p>The Bluetooth icon</p></media>`), never on the page; a
    video's captions (TTML) are shown."""
    return element.name == "media" and (element.attributes.get("type") or "image").strip() == "image"


def _page_root(path: str) -> _Element | None:
    """The root of the Mallard page at `path`, None where there is none to read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        return _parsed(data, path).root
    except (OSError, ValueError, InputError):
        return None


def _link_title(element: _Element) -> str:
    """A Mallard page's or section's title as a link to it shows it: its info's title for links
    (one for no particular role), else its heading."""
    children = [child for child in element.children if isinstance(child, _Element)]
    info = next((child for child in children if child.name == "info"), None)
    titles = [child for child in (info.children if info is not None else []) if isinstance(child, _Element)
              and child.name == "title" and child.attributes.get("type") == "link" and not child.attributes.get("role")]
    titles += [child for child in children if child.name == "title"]
    return _flat_text(titles[0]) if titles else ""


# A file gives its text in several languages element by element (AppStream's metainfo: <name>, then
# <name xml:lang="ar">, <name xml:lang="fr">... for each name, summary and paragraph) when
# same-named elements stand side by side under one parent, each in a language of its own, and such
# runs name this many languages or more, the untagged text's among them. A French article's English
# paragraph after a French one names two: a quotation, read as today.
MIN_VERSION_LANGUAGES = 3


def _version_names(root: _Element) -> frozenset[str]:
    """The names of the elements the document gives in several languages, and of the elements
    below the root that hold them (AppStream's <description>: a list beside its paragraphs, a
    release's notes, is text too), where it gives its text so (`MIN_VERSION_LANGUAGES`); else none."""
    languages: set[str] = set()
    names: set[str] = set()
    stack = [(root, _declared_tag(root.attributes))]
    while stack:
        element, tag = stack.pop()
        children = [(child, _declared_tag(child.attributes) or tag) for child in element.children
                    if isinstance(child, _Element)]
        run_name, run_tags = None, []
        for child, child_tag in children + [(None, "")]:
            if child is not None and child.name == run_name and child_tag not in run_tags:
                run_tags.append(child_tag)
                continue
            if len(run_tags) > 1:
                languages.update(run_tags)
                names.update((run_name, element.name) if element is not root else (run_name,))
            run_name, run_tags = (child.name, [child_tag]) if child is not None else (None, [])
        stack.extend(children)
    return frozenset(names) if len(languages) >= MIN_VERSION_LANGUAGES else frozenset()


def _translate(attributes: dict) -> str:
    """"no" or "yes" where the element says whether it is to be translated (DITA, ITS), else ""."""
    for name, value in attributes.items():
        if _local(name) == "translate":
            return value.strip().lower()
    return ""


def paragraph_text(pieces: list[tuple[str, int, str]], keep_lines: bool) -> tuple[str, int, tuple]:
    """(text, line of its first word, line marks) of a paragraph's pieces, each (text, line it starts
    on, kind): XML's white space collapsed to one space, but where `keep_lines`, and in a line
    break element's; `Block.line_marks` mark where its words go on to a new line of the file."""
    words, in_word, last_line, first_line = 0, False, 0, 0
    marks: list[tuple[int, int]] = []
    for data, line, _kind in pieces:
        for k, piece in enumerate(data.split("\n")):
            if k:
                line += 1
                in_word = False
            tokens = piece.split()
            if not tokens:
                in_word = in_word and not piece
                continue
            first_line = first_line or line
            continues = in_word and not piece[0].isspace()
            if line != last_line and words and not continues:
                marks.append((words, line))
            words += len(tokens) - continues
            in_word = not piece[-1].isspace()
            last_line = line
    text = "".join(data if kind == "break" or keep_lines else _XML_SPACE.sub(" ", data) for data, _line, kind in pieces)
    return tidy(text, keep_no_break=True), first_line, tuple(marks)


def _ids(root: _Element) -> dict[str, _Element]:
    """Each element by its id (DocBook's and DITA's `id`, `xml:id`)."""
    out: dict[str, _Element] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        for name in ("id", "xml:id"):
            if element.attributes.get(name):
                out.setdefault(element.attributes[name], element)
        stack.extend(child for child in element.children if isinstance(child, _Element))
    return out


def _flat_text(element: _Element) -> str:
    pieces, stack = [], [element]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            pieces.append(node[0])
        else:
            stack.extend(reversed(node.children))
    return " ".join("".join(pieces).split())


def _reference_target(element: _Element, ids: dict[str, _Element], root: _Element) -> _Element | None:
    """The element an empty cross-reference points to in this file: DocBook's `linkend`, DITA's
    `href="#topic/id"`, Mallard's `xref="page#id"` on its own page."""
    if element.attributes.get("linkend"):
        return ids.get(element.attributes["linkend"])
    reference = element.attributes.get("href") or element.attributes.get("xref") or ""
    page, _, fragment = reference.partition("#")
    if not fragment or page not in ("", root.attributes.get("id", "")):
        return None
    return ids.get(fragment.rsplit("/", 1)[-1])


class _Layout:
    """The document's blocks, as it is laid out: block elements in turn, inline ones run into their
    paragraph, asides (notes, index terms) after the paragraph they stand in."""

    def __init__(self, root: _Element, folder: str | None = None) -> None:
        self.root = root
        self.ids = _ids(root)
        self.mallard = (root.attributes.get("xmlns") or "").startswith(_MALLARD)
        # The folder of a Mallard page's document, where the pages it links to stand.
        self.folder = folder if self.mallard else None
        self.pages: dict[str, _Element | None] = {}  # a page's id: its root, None where it is not read
        # In a file of versions, the text of an element no language gives a version of (AppStream's
        # <id>, <url>, <mimetype>, a license) is data beside the text: furniture. Read as text, an
        # addon's mime types were "left out" of each translation of its name and summary.
        self.version_names = _version_names(root)
        self.versioned = bool(self.version_names)
        self.blocks: list[Block] = []
        self.asides: list = []  # (element, furniture) or a Block, waiting for the paragraph's end
        self.foot: list[Block] = []  # a Mallard page's credits, laid out after the page

    def state_of(self, element: _Element, state: _State, first_child: bool) -> _State:
        lang = _declared_language(element.attributes) or state.lang
        tag = _declared_tag(element.attributes) or state.tag
        metadata = state.metadata or element.name in _METADATA or (element.name == "info" and first_child)
        furniture = state.furniture
        if element.name in _METADATA or (element.name == "info" and first_child):
            furniture = True
        elif state.metadata and element.name in _PROSE_IN_METADATA and not (element.name == "title"
                                                                             and "type" in element.attributes):
            furniture = False  # a title page's title, an abstract; not Mallard's titles for links and sorting
        versioned = state.versioned or element.name in self.version_names
        translate = _translate(element.attributes)
        if translate == "no":
            furniture = True
        elif translate == "yes" and not metadata:
            furniture = False
        verbatim = state.verbatim or element.name in _VERBATIM
        alternative = state.alternative or (self.mallard and _is_image(element))
        return replace(state, furniture=furniture or verbatim or alternative, verbatim=verbatim, lang=lang, tag=tag,
                       versioned=versioned, metadata=metadata, lines=state.lines or element.name in _LINES,
                       alternative=alternative)

    def block(self, element: _Element, state: _State) -> None:
        """Lay out `element` as a block: its text and inline children one paragraph, its block
        children blocks of their own."""
        pieces: list[tuple[str, int, str]] = []
        # DITA's <info> in a step is a paragraph; DocBook's and Mallard's, first in their parent, metadata.
        flows = state.verbatim or _has_text(element) or (element.name in _PARAGRAPHS and element.name != "info") \
            or (element.name == "info" and not state.metadata)
        self.shown_attributes(element)
        first = True
        mixed = _has_text(element)
        for child in element.children:
            if isinstance(child, tuple):
                pieces.append(child)
                continue
            if self.set_apart(child, mixed):
                continue
            # A version of its own in a file of versions (TEI's inline <name>, AppStream's <name
            # xml:lang="ar"> after <name>) is no part of the paragraph of the elements beside it:
            # run together, every language's name was one "sentence" of the untagged text.
            own_version = self.versioned and not mixed and (child.name in self.version_names
                                                            or _declared_tag(child.attributes) != state.tag)
            if child.name in _BREAKS or not (flows or child.name in _INLINE) or own_version \
                    or (self.mallard and not mixed and child.name in _MALLARD_BLOCKS):
                self.flush(pieces, state)
                pieces = []
                start = len(self.blocks)
                self.block(child, self.state_of(child, state, first))
                if self.mallard and element is self.root and child.name == "info" and first:
                    # yelp shows a page's credits at its foot, after the text; read before its title, a
                    # translation's thirty translators stood between the titles and the title went unpaired.
                    laid = self.blocks[start:]
                    self.blocks[start:] = [block for block in laid if not block.furniture]
                    self.foot = [block for block in laid if block.furniture]
            else:
                self.inline(child, pieces)
            first = False
        self.flush(pieces, state)
        if element is self.root:
            self.blocks += self.foot

    def inline(self, element: _Element, pieces: list) -> None:
        """Run `element`'s text into the paragraph's `pieces`, its asides set apart."""
        self.shown_attributes(element)
        if not element.children and element.name in ("xref", "link"):
            pieces.append((self.cross_reference(element), element.line, "text"))
            return
        joiner = _JOINERS.get(element.name)
        joined = False
        start = len(pieces)
        for child in element.children:
            if isinstance(child, tuple):
                if joiner and child[2] == "text" and not child[0].strip():
                    continue  # the joiner stands between the keys: "&Ctrl;+&Shift;+Z", not "&Ctrl; +&Shift;+Z"
                if joiner and joined and child[2] == "entity":  # "<keycombo>&Ctrl;<keycap>C</keycap>"
                    pieces.append((joiner, child[1], "break"))
                pieces.append(child)
                joined = joined or child[2] == "entity"
            elif not self.set_apart(child, True):
                if joiner and joined:
                    pieces.append((joiner, child.line, "break"))
                self.inline(child, pieces)
                joined = True
        if element.name in _SHIFTED:
            before = "".join(piece[0] for piece in pieces[max(start - 3, 0):start])
            pieces[start:] = [(shifted(data, _SHIFTED[element.name], before) if kind == "text" else data, line, kind)
                              for data, line, kind in pieces[start:]]

    def cross_reference(self, element: _Element) -> str:
        """What a stylesheet writes for an empty cross-reference to a part of this file: the
        target's `xreflabel`, else its title ("See <xref linkend="intro"/>" is "See Introduction").
        Left empty, the sentence read "See and the site."; a target in another file stays so."""
        target = _reference_target(element, self.ids, self.root)
        if target is None:
            return self.mallard_link_text(element)
        if target.attributes.get("xreflabel"):
            return " ".join(target.attributes["xreflabel"].split())
        title = next((child for child in target.children if isinstance(child, _Element) and child.name == "title"), None)
        return _flat_text(title) if title is not None else ""

    def mallard_link_text(self, element: _Element) -> str:
        """What yelp writes for an empty link of a Mallard page to another page, that page's (or
        its section's) title for links: "See <link xref="a11y-bouncekeys"/>." is "See Turn on
        bounce keys.", read from a11y-bouncekeys.page beside the document; and for one to the web,
        its address ("can be found at <link href="https://www.argyllcms.com/..."/>."). Before,
        "See ."; a page not there still reads so. A link of the page's info (a guide's, "see also")
        is no text."""
        if not self.mallard or "type" in element.attributes:
            return ""
        reference = element.attributes.get("xref") or ""
        if not reference:
            return " ".join((element.attributes.get("href") or "").split())
        page, _, fragment = reference.partition("#")
        if self.folder is None or not _PAGE_ID.fullmatch(page):
            return ""
        if page not in self.pages:
            self.pages[page] = _page_root(os.path.join(self.folder, page + ".page"))
        root = self.pages[page]
        target = root if root is None or not fragment else _ids(root).get(fragment)
        return _link_title(target) if target is not None else ""

    def set_apart(self, child: _Element, mixed: bool) -> bool:
        """Whether `child` is no part of the running paragraph: hidden, or an aside laid out after
        it (a note inside a sentence, `mixed` content, is one; a note between paragraphs is not)."""
        if child.name in _HIDDEN:
            return True
        if child.name in _NOTES or (child.name == "note" and mixed):
            self.asides.append((child, False))
            return True
        if child.name in _FURNITURE_ASIDES:
            self.asides.append((child, True))
            return True
        return False

    def shown_attributes(self, element: _Element) -> None:
        for name in _SHOWN_ATTRIBUTES:
            value = tidy(_XML_SPACE.sub(" ", element.attributes.get(name) or ""))
            if value:
                self.asides.append(Block(value, where(element.line), furniture=True))

    def version(self, state: _State) -> str | None:
        return state.tag if self.versioned else None

    def data(self, state: _State) -> bool:
        """Whether a block in `state` is no element the file gives in several languages, in a file that does."""
        return self.versioned and not state.versioned

    def flush(self, pieces: list, state: _State) -> None:
        text, line, marks = paragraph_text(pieces, state.verbatim or state.lines)
        if text:
            self.blocks.append(Block(text, where(line), furniture=state.furniture or self.data(state), lang=state.lang,
                                     line_marks=own_marks(line, marks), version=self.version(state)))
        asides, self.asides = self.asides, []
        for aside in asides:
            if isinstance(aside, Block):
                self.blocks.append(replace(aside, lang=state.lang, version=self.version(state),
                                           furniture=aside.furniture or self.data(state)))
            else:
                child, furniture = aside
                self.block(child, replace(self.state_of(child, state, False), furniture=furniture or state.furniture))


def _line_breaks(element: _Element) -> None:
    """Each line break element (`<br/>`, DocBook's `<sbr/>`) as a literal "\\n" piece of its parent."""
    stack = [element]
    while stack:
        node = stack.pop()
        for k, child in enumerate(node.children):
            if isinstance(child, _Element):
                if child.name in _LINE_BREAKS and not child.children:
                    node.children[k] = ("\n", child.line, "break")
                else:
                    stack.append(child)


_URL_HREF = lazy_re.compile(r"[A-Za-z][\w+.-]*:")
_XPOINTER_ID = lazy_re.compile(r"\s*(?:element\(\s*([\w.:-]+)\s*\)|xpointer\(\s*id\(\s*['\"]([\w.:-]+)['\"]\s*\)\s*\)|([\w.:-]+))\s*")


# Content references followed in one document, those inside referenced content included: a topic
# whose every note refers to one that refers to two others... is read to this many, not without end.
_MAX_REFERENCES = 20_000


# DITA maps read for their keys, by their real paths: ((mtime, size), root), the oldest dropped first.
_READ_MAPS: dict[str, tuple[tuple[int, int], "_Element | None"]] = {}
_MAX_READ_MAPS = 512


class _Parts:
    """What the document takes from other files, put in place in its tree: XInclude's parts
    (`<xi:include href="ch1.xml"/>`, `parse="text"` too, an `xpointer` naming an id) and DITA's
    content references (`conref="shared.dita#topic/note"`, and to its own elements); what cannot be
    read (a missing file, a URL, a cycle, a key of a map) named in one warning."""

    def __init__(self, includes: Includes) -> None:
        self.includes = includes
        self.trees: dict[str, _Element | None] = {}  # an included file's path: its root, laid in
        self.keys: dict[str, str] = {}  # DITA's key references no map defines
        self.references: list[tuple[str, str]] = []  # the conrefs being followed: (file, id), for cycles
        self.ids: dict[int, dict[str, _Element]] = {}  # a file's elements by id, by its root's id()
        self.followed = 0  # content references followed, nested ones included
        self.sizes: dict[str, int] = {}  # an included file's path: its bytes and those of all it includes
        self.definitions: dict[str, _Key] | None = None  # DITA's keys, read when first asked
        self.maps: dict[str, _Element | None] = {}  # DITA maps read for their keys, by their real paths
        self.submaps: dict[tuple[str, str], tuple[str | None, str]] = {}  # (map, href): the submap's file
        self.named: dict[str, list[tuple[str, str]]] = {}  # a map's real path: the submaps it names
        self.reals: dict[str, str] = {}
        self.titled: dict[str, _Element | None] = {}  # a topic a key's link names: its root, for its title

    def lay_in(self, root: _Element, own: _Element) -> None:
        """Put every part `root` includes in its place; `own` is the root of the file `root` is of,
        which a conref to "#topic/id" points into."""
        stack = [root]
        while stack:
            element = stack.pop()
            for k, child in enumerate(element.children):
                if not isinstance(child, _Element):
                    continue
                if child.name == "include" and child.attributes.get("href") is not None:
                    element.children[k] = self.included(child, own)
                    continue
                if child.attributes.get("conref"):
                    self.referred(child, own)
                elif child.attributes.get("conkeyref") or (child.attributes.get("keyref") and not child.children):
                    self.keyed(child, own)
                stack.append(child)

    def included(self, include: _Element, own: _Element):
        """What an XInclude stands for: the file's root (or the element its xpointer names), its text
        with `parse="text"`, else its fallback's content, else nothing."""
        href = include.attributes["href"]
        path, reason = self.includes.locate(href) if href else (None, "no file named")
        if path is not None:
            if include.attributes.get("parse", "xml").strip() == "text":
                data = self.includes.read(path)
                encoding = include.attributes.get("encoding") or "utf-8"
                try:
                    text = data.decode(encoding).removeprefix("\ufeff")
                except (UnicodeDecodeError, LookupError):
                    text = data.decode("latin-1")
                return (text.replace("\r\n", "\n"), FileLine(1, self.includes.source(path)), "text")
            root, reason = self.tree(path)
            if root is not None:
                pointer = _XPOINTER_ID.fullmatch(include.attributes.get("xpointer") or "")
                if not include.attributes.get("xpointer"):
                    return root
                name = next((group for group in pointer.groups() if group), "") if pointer else ""
                target = self.target(root, name) if name else None
                if target is not None:
                    return target
                reason = f"its xpointer {include.attributes['xpointer']!r} names no element of it"
        fallback = next((child for child in include.children if isinstance(child, _Element)
                         and child.name == "fallback"), None)
        self.includes.not_read(href, reason + ("; its fallback read" if fallback is not None else ""))
        if fallback is not None:
            fallback.name = "phrase"  # read as its content, inline or as a block where it stands
            self.lay_in(fallback, own)
            return fallback
        return ("", include.line, "text")

    def tree(self, path: str) -> tuple[_Element | None, str]:
        """The root of the XML file at `path`, its own parts laid in; None and why where unreadable."""
        if path in self.trees:
            # Laid in again, it counts again, with all it includes: a part included ten times by a part
            # included ten times... was read once and laid out ten million times.
            if self.sizes.get(path, 0) > self.includes.left:
                return None, "over the size limit of the input, with the parts it includes"
            self.includes.charge(self.sizes.get(path, 0))
            return self.trees[path], "" if self.trees[path] is not None else "not an XML document"
        source = self.includes.source(path)
        left = self.includes.left
        with self.includes.inside(path):
            try:
                tree = _parsed(self.includes.read(path), source, self.includes, source)
            except InputError as error:
                self.trees[path] = None
                return None, str(error).split(": ", 1)[-1]
            _warn_entities(tree, source)
            self.trees[path] = tree.root
            self.lay_in(tree.root, tree.root)
        self.sizes[path] = left - self.includes.left
        return tree.root, ""

    def referred(self, element: _Element, own: _Element) -> None:
        """A DITA content reference: the element takes the content of the one it names, in this file
        ("#topic/id") or another ("shared.dita#topic/id")."""
        reference = element.attributes["conref"].strip()
        page, _, fragment = reference.partition("#")
        if page:
            path, reason = self.includes.locate(page)
            root, reason = self.tree(path) if path else (None, reason)
            where = os.path.realpath(path) if path else page
        else:
            root, reason, where = own, "", "#"
        target = self.target(root, fragment) if root is not None else None
        if target is None:
            self.includes.not_read(reference, reason or "it names no element of that file")
            return
        if (where, fragment) in self.references:
            self.includes.not_read(reference, "it refers to itself (a cycle)")
            return
        self.followed += 1
        if self.followed > _MAX_REFERENCES:
            self.includes.not_read(reference, f"more than {_MAX_REFERENCES} content references followed")
            return
        self.references.append((where, fragment))
        try:
            content = _Element(target.name, target.attributes, target.line, list(target.children))
            self.lay_in(content, root)
        finally:
            self.references.pop()
        element.children = content.children

    def keyed(self, element: _Element, own: _Element) -> None:
        """DITA's key reference: an empty element with `keyref` reads as the text the map's key
        definition gives (`<keydef keys="product"><topicmeta><keywords><keyword>Tally</keyword>`, or
        its link text); a `conkeyref="key/id"` takes the content of that element of the key's topic."""
        conkey = element.attributes.get("conkeyref")
        reference = (conkey or element.attributes["keyref"]).strip()
        key, _, element_id = reference.partition("/")
        definition = self.key_definitions().get(key)
        if definition is None:
            self.keys.setdefault(reference, "")
            return
        text, href, folder, _keyref = definition
        if conkey:
            page, _, fragment = href.partition("#")
            if not page:
                self.keys.setdefault(reference, "")
                return
            here = self.includes.folder() or folder
            topic = fragment.partition("/")[0]
            element.attributes["conref"] = f"{os.path.relpath(os.path.join(folder, page), here)}#{topic}/{element_id}"
            self.referred(element, own)
        elif text:
            element.children = [(text, element.line, "text")]
        elif element.name in ("xref", "link") and href:
            # A link to the key's topic reads as DITA-OT writes it, the topic's title: "Like the
            # generated <xref keyref="dita-ot-params"/> topics" was "Like the generated topics".
            title = self.topic_title(href, folder)
            if title:
                element.children = [(title, element.line, "text")]

    def topic_title(self, href: str, folder: str) -> str:
        """The title of the topic a key's href names (its topic "#id" where it names one), "" where
        that file is not read."""
        page, _, fragment = href.partition("#")
        if not page or _URL_HREF.match(page):
            return ""
        path, _reason = self.includes.locate(os.path.relpath(os.path.join(folder, page), self.includes.folder() or folder))
        if path is None:
            return ""
        if path not in self.titled:
            try:
                self.titled[path] = _parsed(self.includes.read(path), self.includes.source(path)).root
            except InputError:
                self.titled[path] = None
        root = self.titled[path]
        topic = self.target(root, fragment.partition("/")[0]) if root is not None else None
        if topic is not None and not any(isinstance(child, _Element) and child.name == "title" for child in topic.children):
            topic = next((child for child in topic.children if isinstance(child, _Element)), None)  # <dita>'s first
        title = next((child for child in topic.children if isinstance(child, _Element) and child.name == "title"),
                     None) if topic is not None else None
        return _flat_text(title) if title is not None else ""

    def key_definitions(self) -> dict[str, _Key]:
        """Each key the document's DITA map defines, in the key scope the map reads the document in:
        (its text, its href, the folder of the map that defines it). The root map is found among
        the maps in the document's folder and the one above it (where a project keeps its map and
        its topics in folders under it): one no other of them names as a submap, the first that
        names the document where several do; its submaps' keys and key scopes as DITA resolves them
        (`_KeySpace`)."""
        if self.definitions is None:
            top = self.includes.top
            own = _maps_in(top)
            candidates = own + _maps_in(os.path.dirname(top) if top else None)
            below = {real for path in candidates for real in self.maps_below(path)}
            # A map another one names as its submap is no root; if they all name each other, any is.
            roots = [path for path in candidates if self.real(path) not in below] or candidates
            document = os.path.normpath(os.path.abspath(self.includes.label))
            spaces = []
            for path in roots:  # the maps of the document's own folder first, as before
                spaces.append(_KeySpace(path, self))
                if document in spaces[-1].scope_of:  # the map that names the document is its map
                    spaces = spaces[-1:]
                    break
            self.definitions = {}
            for space in spaces:
                for key, definition in space.effective(space.scope_of.get(document, space.root)).items():
                    self.definitions.setdefault(key, definition)
        return self.definitions

    def real(self, path: str) -> str:
        """`os.path.realpath`, asked once a path: every topic's maps name the same few files."""
        if path not in self.reals:
            self.reals[path] = os.path.realpath(path)
        return self.reals[path]

    def map_root(self, path: str) -> _Element | None:
        """A DITA map's root element, each map read once however many maps name it, and once a
        process while the file is unchanged (every topic of a project reads the same maps); its
        bytes counted against the document's limit each time."""
        real = self.real(path)
        if real not in self.maps:
            try:
                stat = os.stat(real)
            except OSError:
                stat = None
            version = (stat.st_mtime_ns, stat.st_size) if stat else None
            cached = _READ_MAPS.get(real)
            if version is not None and cached is not None and cached[0] == version and version[1] <= self.includes.left:
                self.includes.charge(version[1])
                self.maps[real] = cached[1]
            else:
                try:
                    self.maps[real] = _parsed(self.includes.read(path), os.path.basename(path)).root
                except InputError:
                    self.maps[real] = None
                if version is not None:
                    if len(_READ_MAPS) >= _MAX_READ_MAPS:
                        _READ_MAPS.pop(next(iter(_READ_MAPS)))
                    _READ_MAPS[real] = (version, self.maps[real])
        return self.maps[real]

    def maps_below(self, path: str) -> set[str]:
        """The real paths of the submaps a map names, and theirs, at any depth."""
        found: set[str] = set()
        waiting = [path]
        while waiting:
            for submap, real in self.named_maps(waiting.pop()):
                if real not in found:
                    found.add(real)
                    waiting.append(submap)
        return found

    def named_maps(self, path: str) -> list[tuple[str, str]]:
        """The submaps a map names itself: (path, real path) each, gathered once a map."""
        real = self.real(path)
        if real not in self.named:
            root = self.map_root(path)
            hrefs = [_submap_href(element) for element in _elements(root)] if root is not None else []
            self.named[real] = [found for found in (self.submap(path, href) for href in hrefs if href)
                                if found[0] is not None]
        return self.named[real]

    def submap(self, map_path: str, href: str) -> tuple[str | None, str]:
        """The file a map's reference to a submap names, and its real path; (None, "") where it is
        not read (missing, outside the document's folders, a URL). Asked once a reference."""
        if (map_path, href) not in self.submaps:
            with self.includes.inside(map_path):
                path, _reason = self.includes.locate(href)
            self.submaps[map_path, href] = (path, self.real(path) if path else "")
        return self.submaps[map_path, href]

    def target(self, root: _Element, fragment: str) -> _Element | None:
        """The element DITA's "topic/element" names (or the topic, "topic"), in the file `root` is
        of. An element's id is its topic's own, but unique in its file as DITA's files are written: looked up
        in the file's, which are gathered once (a topic of many conrefs to one file stays linear)."""
        topic_id, _, element_id = fragment.partition("/")
        if id(root) not in self.ids:
            self.ids[id(root)] = _ids(root)
        ids = self.ids[id(root)]
        topic = ids.get(topic_id) if topic_id else root
        if topic is None or not element_id:
            return topic
        return ids.get(element_id)




def _elements(root: _Element):
    stack = [root]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(child for child in reversed(element.children) if isinstance(child, _Element))


def _maps_in(folder: str | None) -> list[str]:
    if not folder or not os.path.isdir(folder):
        return []
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.endswith(".ditamap") and os.path.isfile(os.path.join(folder, name))]


class _Key(NamedTuple):
    """What a key definition gives a reference: its text, its href, the folder of its map, and the
    key it is defined through (`<topicref keys="params" keyref="parameters_intro">`), if any."""

    text: str
    href: str
    folder: str
    keyref: str = ""


def _key_definition(element: _Element, folder: str) -> _Key:
    # Its own topicmeta only: the navtitle of a topicref nested in it is that topic's (DITA-OT's
    # "DITA-OT parameters" key read as "HTML Help", the title of its sixth child).
    meta = next((child for child in element.children if isinstance(child, _Element) and child.name == "topicmeta"),
                None)
    text = ""
    for wanted in ("keyword", "linktext", "navtitle"):
        found = _first(meta, wanted) if meta is not None else None
        if found is not None:
            text = _flat_text(found)
            break
    text = text or " ".join((element.attributes.get("navtitle") or "").split())
    return _Key(text, (element.attributes.get("href") or "").strip(), folder,
                (element.attributes.get("keyref") or "").strip())


def _through_keys(keys: dict[str, _Key]) -> dict[str, _Key]:
    """Each key defined through another takes that key's resource, and its text where it gives
    none of its own, as DITA resolves a key definition's keyref; a chain followed to its end, a
    cycle left as it is."""
    out = dict(keys)
    for name, key in keys.items():
        seen = {name}
        while key.keyref and not key.href and key.keyref not in seen and key.keyref in keys:
            seen.add(key.keyref)
            other = keys[key.keyref]
            key = _Key(key.text or other.text, other.href, other.folder, other.keyref)
        out[name] = _Key(key.text, key.href, key.folder, keys[name].keyref)
    return out


def _submap_href(element: _Element) -> str:
    """The map an element names as a submap (`<mapref>`, `<topicref format="ditamap">`), "" for none;
    a peer map (another deliverable's) where the reference names a key scope, which DITA 1.3 gives
    its keys in ("prodB.install"): its keys are read, as cross-deliverable links take their text."""
    href = (element.attributes.get("href") or "").strip()
    scope = (element.attributes.get("scope") or "local").strip()
    form = (element.attributes.get("format") or "").strip().lower()
    if not href or not (scope == "local" or (scope == "peer" and (element.attributes.get("keyscope") or "").strip())):
        return ""
    if form == "ditamap" or (not form and href.partition("#")[0].lower().endswith(".ditamap")):
        return href.partition("#")[0]
    return ""


@dataclass(eq=False)
class _Scope:
    """A DITA key scope: its names, its parent, the keys defined in it in the order they take
    precedence in (each with its rank: the order of the map's breadth-first reading), and its
    child scopes, each at the rank of the element that defines it."""

    names: list[str]
    parent: "_Scope | None"
    entries: list[tuple[int, str, _Key]] = field(default_factory=list)
    children: list[tuple[int, "_Scope"]] = field(default_factory=list)


class _KeySpace:
    """The key scopes of a root map and the submaps it names, as DITA 1.3 resolves them: within a
    scope, the first definition of a key in a breadth-first reading of the map and its submaps
    holds (a map's own keys before its submaps'); a key a parent scope defines overrides the
    child's; a child scope's keys are named "scope.key" in its parent, at the place of the element
    that defines the scope. `scope_of`: each file the maps name, the scope it is read in: where a
    topicref names it (by its href, or by a key), else where a key definition does (a map of every
    topic's key, which the tree of topics then names by those keys)."""

    def __init__(self, path: str, parts: "_Parts") -> None:
        self.root = _Scope([], None)
        self.named: dict[str, _Scope] = {}  # a file a topicref names by its href: the scope of the first
        self.defined: dict[str, _Scope] = {}  # a file a key definition names: the scope of the first
        self.keyrefs: list[tuple[_Scope, str]] = []  # the topicrefs naming a file by a key, in order
        self.rank = 0
        seen: set[str] = set()
        # (a map, the scope it is read in, whether its reference made that scope, the reference's rank)
        queue = deque([(path, self.root, False, 0)])
        while queue:
            map_path, scope, scoped_by_reference, rank = queue.popleft()
            real = parts.real(map_path)
            root = parts.map_root(map_path) if real not in seen else None
            seen.add(real)  # a map named twice: its keys are there from the first already
            if root is None:
                continue
            names = (root.attributes.get("keyscope") or "").split()
            if names and scoped_by_reference:  # the mapref's scope and the submap's root's: one, both names
                scope.names.extend(names)
            elif names and map_path != path:  # the root map's root is the root scope, named or not
                scope = self._child(scope, names, rank)
            self._walk(root, scope, map_path, parts, queue)
        self.scope_of = self._scopes_of_files()

    def _scopes_of_files(self) -> dict[str, _Scope]:
        found = dict(self.named)
        spaces: dict[int, dict[str, _Key]] = {}
        for scope, key in self.keyrefs:
            if id(scope) not in spaces:
                spaces[id(scope)] = self.effective(scope)
            _text, href, folder, _keyref = spaces[id(scope)].get(key, _Key("", "", ""))
            href = href.partition("#")[0].strip()
            if href and not os.path.isabs(href):
                found.setdefault(os.path.normpath(os.path.join(folder, href)), scope)
        for path, scope in self.defined.items():
            found.setdefault(path, scope)
        return found

    @staticmethod
    def _child(scope: _Scope, names: list[str], rank: int) -> _Scope:
        child = _Scope(list(names), scope)
        scope.children.append((rank, child))
        return child

    def _walk(self, root: _Element, scope: _Scope, map_path: str, parts: "_Parts", queue: deque) -> None:
        """A map's elements in document order: the keys they define, the scopes they open, the
        submaps they name (put in `queue`, read after this map) and the files they name."""
        folder = os.path.dirname(map_path)
        stack = [(root, scope)]
        while stack:
            element, scope = stack.pop()
            self.rank += 1
            names = (element.attributes.get("keyscope") or "").split()
            if names and element is not root:
                scope = self._child(scope, names, self.rank)
            definition = _key_definition(element, folder) if element.attributes.get("keys") else None
            for key in element.attributes.get("keys", "").split():
                scope.entries.append((self.rank, key, definition))
            submap = _submap_href(element)
            if submap:
                path, _real = parts.submap(map_path, submap)
                if path is not None:
                    queue.append((path, scope, bool(names), self.rank))
            else:
                href = (element.attributes.get("href") or "").partition("#")[0].strip()
                if href and not os.path.isabs(href):
                    files = self.defined if element.attributes.get("keys") else self.named
                    files.setdefault(os.path.normpath(os.path.join(folder, href)), scope)
                elif not href and element.attributes.get("keyref"):
                    self.keyrefs.append((scope, element.attributes["keyref"].strip()))
            children = [child for child in element.children if isinstance(child, _Element)]
            stack.extend((child, scope) for child in reversed(children))

    def effective(self, scope: _Scope) -> dict[str, _Key]:
        """The key space a reference in `scope` is resolved in."""
        found = dict(_local_keys(scope))
        if scope.parent is not None:
            found.update(self.effective(scope.parent))
        return _through_keys(found)


def _local_keys(scope: _Scope) -> list[tuple[str, _Key]]:
    """A scope's own keys and its child scopes' as "scope.key", each key's first definition in
    the order of precedence, without what it takes from its parent."""
    ranked = [(rank, 0, key, definition) for rank, key, definition in scope.entries]
    for rank, child in scope.children:
        ranked += [(rank, order, f"{name}.{key}", definition)
                   for order, (key, definition) in enumerate(_local_keys(child), 1) for name in child.names]
    out: dict[str, _Key] = {}
    for _rank, _order, key, definition in sorted(ranked, key=lambda item: item[:2]):
        out.setdefault(key, definition)
    return list(out.items())



# DITA's attributes of conditional processing, which a DITAVAL file's <prop att="..."> filters on.
_CONDITIONS = frozenset("audience platform product otherprops deliveryTarget props".split())


def _filtered(root: _Element, top: str | None, label: str) -> None:
    """Drop what a DITA project's filter file leaves out of its published output: the one DITAVAL
    file beside the document or its map (the folder above), as `dita --filter` applies it
    (`<prop att="audience" val="expert" action="exclude"/>`). Read whole, a topic written for two
    audiences was both at once ("First build with the dita command Publishing with the dita command",
    one title). Several such files, or one that is not XML: none applied, which is named."""
    names = [os.path.join(folder, name) for folder in dict.fromkeys([top, os.path.dirname(top or "")]) if folder
             and os.path.isdir(folder) for name in sorted(os.listdir(folder)) if name.lower().endswith(".ditaval")]
    if not names:
        return
    shown = ", ".join(os.path.relpath(name, top) for name in names)
    if len(names) > 1:
        logger.warning("%s: read unfiltered, whole: %d DITAVAL filter files beside it (%s), which one its output "
                       "applies is not said", label, len(names), shown)
        return
    try:
        with open(names[0], "rb") as handle:
            rules = _parsed(handle.read(), shown).root
    except (OSError, InputError) as error:
        logger.warning("%s: read unfiltered, whole: its filter file %s is not read (%s)", label, shown, error)
        return
    actions = {}
    for prop in _elements(rules):
        if prop.name == "prop":
            actions[prop.attributes.get("att", ""), prop.attributes.get("val", "")] = prop.attributes.get("action", "")
    attributes = _CONDITIONS | {att for att, _val in actions if att}

    def excluded(element: _Element) -> bool:
        # DITA 1.3, 2.4.3: excluded where, for any attribute, every one of its values is excluded.
        for att in attributes & element.attributes.keys():
            values = element.attributes[att].split()
            if values and all(actions.get((att, value), actions.get((att, ""), actions.get(("", ""))))
                              == "exclude" for value in values):
                return True
        return False

    dropped = 0
    stack = [root]
    while stack:
        element = stack.pop()
        kept = [child for child in element.children if not (isinstance(child, _Element) and excluded(child))]
        dropped += len(element.children) - len(kept)
        element.children = kept
        stack.extend(child for child in kept if isinstance(child, _Element))
    if dropped:
        logger.warning("%s: %d element%s left out as its filter file %s excludes them, as its published output "
                       "does", label, dropped, "" if dropped == 1 else "s", shown)


def _first(element: _Element, name: str) -> _Element | None:
    stack = [element]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, _Element):
                if child.name == name:
                    return child
                stack.append(child)
    return None


def _warn_entities(tree: _Tree, label: str) -> None:
    """Say what the file names but does not hold: entities of a DTD, files an entity names."""
    if tree.undeclared:
        names = ", ".join(f"&{name};" for name in list(tree.undeclared)[:8])
        more = f" and {len(tree.undeclared) - 8} more" if len(tree.undeclared) > 8 else ""
        logger.warning("%s: %d entit%s declared in a DTD that is not read kept as written: %s%s", label,
                       len(tree.undeclared), "y" if len(tree.undeclared) == 1 else "ies", names, more)
    for name, (system_id, reason) in tree.external.items():
        logger.warning("%s: the external entity &%s; (%s) is another file, not read (%s); kept as written",
                       label, name, system_id, reason)


def _warn_parts(parts: _Parts, label: str) -> None:
    includes = parts.includes
    if includes.unread:
        count = len(includes.unread)
        logger.warning("%s: %d part%s included from other files not read (give those files too): %s (%s)", label,
                       count, "" if count == 1 else "s", includes.names(), includes.reasons())
    if parts.keys:
        logger.warning("%s: %d key reference%s not read, no DITA map beside it defines %s: %s", label,
                       len(parts.keys), "" if len(parts.keys) == 1 else "s", "it" if len(parts.keys) == 1 else "them",
                       ", ".join(list(parts.keys)[:8]))


def _warn_pages(layout: _Layout, label: str) -> None:
    missing = [page for page, root in layout.pages.items() if root is None]
    if missing:
        logger.warning("%s: links to %d other page%s read without their text (a page's title), no such page beside "
                       "it (give the document's folder): %s", label, len(missing), "" if len(missing) == 1 else "s",
                       ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else ""))


class XmlDocumentReader(Reader):
    name = "xml"
    suffixes = (".xml", ".dita", ".ditamap", ".dbk", ".docbook")

    def sniff(self, data: bytes) -> bool:
        root = sniffed_root(data)
        if root is None:
            return False
        name, attributes = root
        if name.rsplit(b":", 1)[-1].lower() in _OTHERS_ROOTS or name.lower().endswith(b":document"):
            return False
        return not (name.rsplit(b":", 1)[-1] == b"tt" and _TTML in attributes)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        with collection_paused():
            includes = Includes(label)
            tree = _parsed(data, label, includes)
            _warn_entities(tree, label)
            parts = _Parts(includes)
            parts.lay_in(tree.root, tree.root)
            _warn_parts(parts, label)
            _filtered(tree.root, includes.top, label)
            _line_breaks(tree.root)
            layout = _Layout(tree.root, includes.top)
            try:
                layout.block(tree.root, layout.state_of(tree.root, _State(), True))
            except RecursionError as error:
                raise broken(label, "an XML document", ValueError("its elements nest too deep to read")) from error
            _warn_pages(layout, label)
        return layout.blocks
