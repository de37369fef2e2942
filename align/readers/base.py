"""The reader interface: a file's bytes in, its text as blocks (paragraphs, cues, units) out.

A block keeps a locator a translator can find it by in the original file (a page, a paragraph
number, a subtitle number), which every report shows in place of a line of the extracted text.
"""
from __future__ import annotations

import logging

import codecs
import contextvars
import io
import re
import zipfile
from dataclasses import dataclass, replace

from .. import lazy_re
from ..cleaning import LOWERED, RAISED
from ..errors import InputError
from ..wrapping import wrap_width

# The byte-order marks of UTF-32 and UTF-16, UTF-32's little-endian one first (it begins with
# UTF-16's): the reading stage decodes a marked file by them, and the readers that sniff bytes too.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Block:
    text: str  # one paragraph, cue or unit; a line break inside stays one
    locator: str  # "page 3", "paragraph 12", "subtitle 45", "line 20"
    furniture: bool = False  # page furniture (a menu, a footer): reported as boilerplate, never dropped
    continues: bool = False  # may run on from the block before (a subtitle cue): joined by one line break
    # The block goes on with the sentence of the block before (a subtitle cue), and the line breaks
    # inside it (offsets into its text) that go on with their sentence: read as spaces, quoted as written.
    runs_on: bool = False
    run_on_breaks: tuple[int, ...] = ()
    side: str = ""  # in a bilingual file (XLIFF): "source" or "target"
    lang: str = ""  # the language the file declares for the block, if any
    # In a file that gives its text in several languages element by element (AppStream's <name> and
    # <name xml:lang="fr">, a .desktop file's Name= and Name[fr]=): the language tag of the version
    # the block is in as the file declares it ("fr", "en-GB"), "" for the untagged default text;
    # None in any other file.
    version: str | None = None
    # (word, line): the block's words from this one on start on that line of the file (a web
    # page's paragraph over several source lines), so that a sentence is located by its own line.
    line_marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Span:
    """Where a block's text stands in the extracted text."""

    start: int
    end: int
    locator: str
    furniture: bool = False
    side: str = ""
    lang: str = ""
    line_marks: tuple[tuple[int, int], ...] = ()
    version: str | None = None

    def locator_at(self, words_before: int) -> str:
        """The locator of the sentence that starts after `words_before` words of the block."""
        line = None
        for word, mark_line in self.line_marks:
            if word > words_before:
                break
            line = mark_line
        if line is None:
            return self.locator
        # A block of an included file keeps its file: "things.tex, line 9", not "line 9" of the document.
        head, found, _ = self.locator.rpartition("line ")
        return f"{head}line {line}" if found else f"line {line}"


# CLDR's plural categories, and the two English writes: a form in any other ("few", "many") is one
# of a language with more, which no English sentence renders (read as furniture by every reader of
# a program's plurals: Android, Apple, JSON/ICU, YAML).
PLURAL_CATEGORIES = frozenset(("zero", "one", "two", "few", "many", "other"))
ENGLISH_PLURALS = frozenset(("one", "other"))


# Blocks are joined by two blank lines: paragraph splitting always separates there, so a block
# that ends without a full stop ("Chapter 3") is never run on into the next.
BLOCK_SEPARATOR = "\n\n\n"


# A document parts its paragraphs by empty ones when at least this many of its paragraphs follow one.
MIN_EMPTY_PARTINGS = 3


class EmptyPartings:
    """What a reader tells of its paragraphs as it meets them, for `lines_of`: which follow another
    with no empty paragraph between (by their block's index) and how many follow an empty one.

    A PDF converted to Word or OpenDocument, or a wrapped text pasted into it, holds a paragraph a
    line, its paragraphs parted by empty ones: every line was a paragraph, and the sentences were
    cut at each (Alice: 389 sentences for 150)."""

    def __init__(self) -> None:
        self.adjacent: set[int] = set()
        self.after_empty = 0
        self.empty = True  # the paragraph before was empty, or there was none: the reader sets it

    def paragraph(self, index: int, joinable: bool, first: bool) -> None:
        """A paragraph with text, block `index` of the reader's; `joinable` where it may be a line
        of the paragraph before (not furniture, say); `first`, the document's first."""
        if joinable and not self.empty:
            self.adjacent.add(index)
        self.after_empty += self.empty and not first

    def lines_of(self, blocks: list[Block]) -> list[Block]:
        """`blocks` with those that are lines of one paragraph marked to go on from the block before:
        where MIN_EMPTY_PARTINGS paragraphs or more follow an empty one and those written one after
        the other read as a hard-wrapped text, they are joined by line breaks, for the plain-text
        rules to tell a wrapped line from a heading."""
        if self.after_empty < MIN_EMPTY_PARTINGS or not self.adjacent:
            return blocks
        text = "".join(("\n" if k in self.adjacent else "\n\n") + block.text.strip() for k, block in enumerate(blocks))
        if wrap_width(text.strip()) is None:
            return blocks
        return [replace(block, continues=True) if k in self.adjacent else block for k, block in enumerate(blocks)]


def xml_head(data: bytes, size: int = 65536) -> bytes:
    """The first bytes of an XML file, as UTF-8 where it is UTF-16 or UTF-32 with a byte-order
    mark (as Windows editors save it), without a UTF-8 one: what a reader's sniffing reads."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            width = 4 if "32" in encoding else 2
            head = data[len(mark):len(mark) + size * width]
            return head[:len(head) // width * width].decode(encoding, "replace").encode("utf-8")
    return data[:size].removeprefix(b"\xef\xbb\xbf")


def tag_language(tag: str | None) -> str:
    """The language code of a file's language tag ("fr-FR", "pt_BR", "sr@latin", "de.UTF-8"), ''
    for none or a locale of no language ("C", "POSIX")."""
    code = re.split(r"[-_@.]", tag or "")[0].lower()
    return "" if code in ("c", "posix") else code


def version_tag(tag: str) -> str:
    """A declared language tag as one version's name: "pt_BR" and "pt-br" are "pt-BR", a .desktop
    file's "sr@latin" is "sr-Latn"; a tag of no known form as written."""
    tag = tag.strip().replace("_", "-").split(".")[0]
    tag, _, modifier = tag.partition("@")
    subtags = tag.split("-") + ([modifier] if modifier else [])
    named = [subtags[0].lower()]
    for subtag in subtags[1:]:
        if subtag.lower() in _SCRIPT_MODIFIERS:
            named.append(_SCRIPT_MODIFIERS[subtag.lower()])
        elif len(subtag) == 2 and subtag.isalpha():
            named.append(subtag.upper())
        elif len(subtag) == 4 and subtag.isalpha():
            named.append(subtag.title())
        else:
            named.append(subtag.lower())
    return "-".join(named)


# The scripts glibc's locale modifiers name (sr@latin, uz@cyrillic), as a language tag writes them.
_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva"}


def join_blocks(blocks: list[Block]) -> tuple[str, tuple[Span, ...]]:
    """The extracted text as written and each block's span in it; empty blocks are left out."""
    _text, written, spans = join_blocks_as_read(blocks)
    return written, spans


def join_blocks_as_read(blocks: list[Block]) -> tuple[str, str, tuple[Span, ...]]:
    """The extracted text as it is read (the line breaks that go on with their sentence as spaces),
    as it is written, and each block's span in them (the same: a break and a space are one character)."""
    parts: list[str] = []
    spans: list[Span] = []
    breaks: list[int] = []
    offset = 0
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            separator = "\n" if block.continues or block.runs_on else BLOCK_SEPARATOR
            if block.runs_on:
                breaks.append(offset)
            parts.append(separator)
            offset += len(separator)
        lead = len(block.text) - len(block.text.lstrip())
        breaks.extend(offset + at - lead for at in block.run_on_breaks if 0 <= at - lead < len(text))
        parts.append(text)
        spans.append(Span(offset, offset + len(text), block.locator, block.furniture, block.side, block.lang,
                          block.line_marks, block.version))
        offset += len(text)
    written = "".join(parts)
    if not breaks:
        return written, written, tuple(spans)
    read = list(written)
    for at in breaks:
        read[at] = " "
    return "".join(read), written, tuple(spans)


_SPACES = lazy_re.compile(r"[ \t\u00a0\u2007\u202f]+")
# A no-break space alone, or a narrow one, is the writer's typography, not layout: French puts one
# inside « » and before % and :, and a document's "12\u00a0%" became "12 %" in the TMX. Plain text
# keeps them; so do the readers of documents that say (`keep_no_break`).
_LAYOUT_SPACES = lazy_re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\t\u2007]")


def unit_blocks(units) -> list[Block]:
    """The blocks of a bilingual file's units, (locator, source text or None, target text or None,
    source language, target language) each: every source, then every target, each located by its
    unit. A no-break space stays one, as a CAT tool keeps it: "12\u00a0%" was "12 %" in the TMX."""
    sources, targets = [], []
    for locator, source, target, src_lang, tgt_lang in units:
        if source is not None:
            sources.append(Block(tidy(source, keep_no_break=True), locator, side="source", lang=src_lang))
        if target is not None:
            targets.append(Block(tidy(target, keep_no_break=True), locator, side="target", lang=tgt_lang))
    return sources + targets


def tidy(text: str, keep_no_break: bool = False) -> str:
    """Runs of spaces (a layout's no-break spaces included) as one space, each line stripped; with
    `keep_no_break`, a lone no-break or narrow no-break space stays as it is."""
    spaces = _LAYOUT_SPACES if keep_no_break else _SPACES
    return "\n".join(spaces.sub(" ", line).strip() for line in text.split("\n")).strip()



def say_hidden(label: str, hidden: list[str], why: str) -> None:
    """The one warning for the hidden text a reader left out: how many words, why they are hidden
    (`why`: "Word's Hidden format, not shown or printed"), and how they start."""
    words = " ".join(hidden).split()
    if words:
        logging.getLogger("align").warning("%s: %d word%s of hidden text (%s) left out, starting \"%s\"", label,
                                           len(words), "" if len(words) == 1 else "s", why, " ".join(words[:8]))

# Figures: note numbers ("1", "1,3", "2–4"), powers ("-3", "(+2)"); a dash between two digits is
# a range and stays, a comma or a full stop too.
_FIGURES = lazy_re.compile(r"[\s\d,.()+=\-−–]*\d[\s\d,.()+=\-−–]*")
_RANGE_DASH = lazy_re.compile(r"(?<=\d)\s*[-–]\s*(?=\d)")
# An ordinal's ending after a figure, as the figures' check reads it ("1st", "1er", "2e"): Word
# raises it by default, and it reads the same on the line.
# French plurals and "2nde" too: "1<sup>ers</sup>" was "1ᵉʳˢ" in every export (a reviewing helper).
_ORDINAL = lazy_re.compile(r"st|nd|rd|th|er|ers|re|res|ère|ères|e|es|ème|èmes|eme|emes|è|nde|ndes", re.IGNORECASE)


def shifted(text: str, position: str, before: str = "") -> str:
    """`text` set raised (`position` "super") or lowered ("sub") after `before`, the text before it.
    Figures take their superscript or subscript forms; so does text after a figure that has them
    all ("3<sup>a</sup>", an ordinal, is "3ª"), but an ordinal's ending, which stays as written; text
    after a figure that has not is set apart by a space ("2020 TM"), not run into it; text after a
    letter stays as written ("M<sup>me</sup>" is "Mme", "XIX<sup>e</sup>" "XIXe")."""
    core = text.strip()
    if not core or position not in ("super", "sub"):
        return text
    table = RAISED if position == "super" else LOWERED
    after_figure = before[-1:].isdigit()
    if _FIGURES.fullmatch(core):
        kept = {match.start(): match.group() for match in _RANGE_DASH.finditer(text)}
        pieces, k = [], 0
        while k < len(text):
            if k in kept:
                pieces.append(kept[k])
                k += len(kept[k])
            else:
                pieces.append(text[k].translate(table))
                k += 1
        return "".join(pieces)
    if not after_figure or text[0].isspace():
        return text
    if position == "super" and _ORDINAL.fullmatch(core):
        return text
    if all(char.isspace() or ord(char) in table for char in text):
        return text.translate(table)
    return " " + text if text[0].isalnum() else text


class Reader:
    """Base class of every reader. Subclasses set `name`, `suffixes` and implement `blocks`, which
    takes the file's bytes, or its decoded text where `reads_text` is set."""

    name: str = "reader"
    suffixes: tuple[str, ...] = ()
    reads_text: bool = False  # given the decoded text (its encoding detected as for plain text)
    bilingual: bool = False  # holds a text and its translation: blocks carry their side

    def sniff(self, data: bytes) -> bool:
        """Whether `data` is this format whatever the file is called."""
        return False

    def blocks(self, data: bytes, label: str) -> list[Block]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


# The most bytes the parts of a compressed document (docx, odt, epub) may expand to, all together:
# the limit the reading stage puts on a file, which it sets for each read. A part of zeros
# compresses 1000:1: a 60 KB .docx was read whole into memory, 60 MB and more, before any error.
EXPANDED_LIMIT: contextvars.ContextVar[int] = contextvars.ContextVar("expanded_limit", default=50 * 1024 * 1024)


class Package(zipfile.ZipFile):
    """A zip package (Word, OpenDocument, EPUB) whose parts are read within `EXPANDED_LIMIT`, by the
    size each declares and the bytes it gives: over it, the usual one-line "too large" error."""

    def __init__(self, data: bytes, label: str) -> None:
        super().__init__(io.BytesIO(data))
        self._label = label
        self._limit = EXPANDED_LIMIT.get()
        self._left = self._limit

    def read(self, name, pwd=None) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.file_size > self._left:
            raise self._too_large(info.filename, f"{self._limit - self._left + info.file_size} bytes")
        with self.open(info, pwd=pwd) as member:
            data = member.read(self._left + 1)
        if len(data) > self._left:
            raise self._too_large(info.filename, f"more than {self._limit} bytes")
        self._left -= len(data)
        return data

    def _too_large(self, part: str, size: str) -> InputError:
        return InputError(f"{self._label}: too large (unzipped, its parts come to {size} with {part}; "
                          f"the limit is {self._limit} bytes)")


# An OLE compound file: Office's formats before 2007, and an encrypted Office 2007+ document.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refuse_ole(data: bytes, label: str, document: str, old: str, suffix: str) -> None:
    """The one-line error for an Office document in an OLE file instead of a zip package: a
    password-protected one (its encrypted package inside), or the old binary format under the new
    name. Read as a zip, it was "File is not a zip file", which tells nothing."""
    if not data.startswith(OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError(f"{label}: the {document} is password-protected; save an unprotected copy first")
    raise InputError(f"{label}: is an old {old} file, whatever its name; save it as {suffix} and give that")


def broken(label: str, kind: str, error: Exception) -> InputError:
    """The one-line error for a file that claims a format and is not readable as it."""
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return InputError(f"{label}: cannot be read as {kind} ({reason})")
