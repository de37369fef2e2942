"""Rich Text Format (.rtf: Word, WordPad, TextEdit on the Mac, LibreOffice, older CAT tools): the
body's paragraphs and table cells in order, each located as "paragraph N" as in a .docx; footnotes
and endnotes after the body ("footnote N", numbered in the order the body cites them); headers and
footers last, as page furniture, each text once. A text box is read after the paragraph it is
anchored in, located by it. Read as the word processor shows the document:

- `\\'hh` bytes and raw 8-bit text in the code page of the font they are set in (`\\fcharset`,
  `\\cpg` in the font table: 204 Cyrillic, 161 Greek, 128 Shift-JIS's two bytes a character), else
  the document's (`\\ansicpg`, `\\mac`); `\\uN` as its character (signed 16 bits, surrogate pairs
  joined) and the `\\ucN` fallback characters after it skipped; the Symbol font's letters as the
  Greek and mathematical signs it draws, as in a .docx;
- a field as its result (`\\fldrslt`, "the text a field shows"), not its instruction; a table of
  contents' result as furniture, as in a .docx;
- what is no text left out: the font, colour and style tables, document properties, pictures and
  objects' data, bookmarks, `{\\*\\...}` destinations a reader may ignore, list numbers
  (`\\listtext`, `\\pntext`: the .docx reader does not read Word's numbering either, so that one
  document saved both ways reads the same), tracked deletions (changes accepted);
- raw 8-bit text in UTF-8 where the whole file is valid UTF-8 with some character beyond ASCII
  (scripts and converters write it so: read in the code page, "réunion" was "rÃ©union"), and a
  file saved as UTF-16 (with its byte-order mark) read as its characters, not refused;
- hidden text (`\\v`) left out and said so in a warning that quotes it, as a .docx's Hidden text;
- an equation as the text of its runs, as in a .docx.

Before, an RTF file was refused ("save it as .docx"): read as plain text, its control words
("{\\rtf1\\ansi \\rquote") had been one "sentence" of the report.

A hand-written tokenizer, not `striprtf` (PyPI): that one returns one flat string, so no paragraph
could be located; it drops headers, footers and footnotes with the other destinations, where they
must be reported as furniture or notes; and it decodes every `\\'hh` in one code page, where a
WordPad file sets its Cyrillic in a font of its own. The loop keeps its groups on a list, not the
Python stack (a file nested ten thousand deep is read), and joins each paragraph's pieces once
(linear in the file's size).
"""
from __future__ import annotations

import codecs
import logging

from .. import lazy_re
from .base import Block, EmptyPartings, Reader, broken, say_hidden, shifted, tidy
from .docx import _SYMBOL_FONT

logger = logging.getLogger("align")

# Line ends in the file are no text (a paragraph ends with \par), nor are the other control
# characters a file may hold by mistake (NUL, BEL): a word processor shows none of them.
_NO_TEXT = lazy_re.compile("[\x00-\x08\x0a-\x1f\x7f]")

# A control word (its numeric parameter and the one space that ends it), a byte in hex, a control
# symbol, a brace, a run of text. Read on the file decoded as latin-1: one character a byte.
_TOKEN = lazy_re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{0,2})|\\(\r\n|[\s\S])|([{}])|([^\\{}]+)|\\")

# The code pages of \fcharset; 0 (ANSI) and 1 (default) are the document's own (\ansicpg), which
# is what they mean on the machine that wrote it. Python lacks some Mac ones: the nearest kept.
_CHARSETS = {77: "mac_roman", 78: "shift_jis", 79: "big5", 80: "euc_kr", 81: "mac_arabic", 82: "cp1255",
             83: "mac_greek", 84: "mac_cyrillic", 85: "gb2312", 86: "mac_romanian", 87: "mac_cyrillic",
             88: "cp874", 89: "mac_latin2", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950",
             161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
             204: "cp1251", 222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850"}
_MAC_CODE_PAGES = {10000: "mac_roman", 10001: "shift_jis", 10006: "mac_greek", 10007: "mac_cyrillic",
                   10029: "mac_latin2", 10081: "mac_turkish", 65001: "utf-8"}
# A font of symbols (fcharset 2): the Symbol font's letters by its table, another's (Wingdings) as
# a .docx reads them, its printable ASCII as written and the rest U+FFFD, so nothing shown is lost.
_SYMBOL, _PICTURES = "symbol", "pictures"

# Characters written as control words and symbols. A tab is read as a space, as in a .docx; an
# optional hyphen (\-) shows only where a line breaks, so it is no text.
_CHARACTERS = {"emdash": "\u2014", "endash": "\u2013", "emspace": "\u2003", "enspace": "\u2002",
               "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
               "ldblquote": "\u201c", "rdblquote": "\u201d", "tab": " ", "line": "\n", "page": "\n",
               "column": "\n", "zwj": "\u200d", "zwnj": "\u200c", "zwbo": "\u200b", "ltrmark": "\u200e",
               "rtlmark": "\u200f", "~": "\u00a0", "-": "", "_": "-", "{": "{", "}": "}", "\\": "\\"}
# Ends the paragraph it stands in: a table cell's text is a paragraph, as in a .docx.
_PARAGRAPH_ENDS = {"par", "cell", "nestcell", "sect", "\n", "\r", "\r\n"}
# Destinations that hold no text the document shows (and, starred with \*, any this reader does
# not know): their groups are skipped whole.
_SKIPPED = {"colortbl", "stylesheet", "info", "objdata", "objclass", "objname", "listtable",
            "listoverridetable", "listtext", "pntext", "pn", "xe", "tc", "txe", "rxe", "revtbl", "rsidtbl",
            "shprslt", "nonshppict", "ud", "pnseclvl", "pntxta", "pntxtb", "bkmkstart", "bkmkend", "filetbl", "generator",
            "template", "docvar", "datafield", "annotation", "atnid", "atnauthor", "pgdsctbl", "latentstyles",
            "themedata", "colorschememapping", "datastore", "xmlnstbl", "listpicture", "mmathPict", "fontemb",
            "fontfile", "private", "passwordhash", "protusertbl", "userprops", "wgrffmtfilter", "ftnsep",
            "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "keycode", "formfield", "background"}
_HEADERS = {"header": "header", "headerl": "header", "headerr": "header", "headerf": "header",
            "footer": "footer", "footerl": "footer", "footerr": "footer", "footerf": "footer"}
# The destinations read, which a \* before them does not put aside.
_KNOWN = {"fonttbl", "footnote", "fldinst", "fldrslt", "shpinst", "shptxt", "dptxbxtext", "do", "upr",
          "field", "object", "result", "shp", "shpgrp", "shppict", "pict", "picprop", "sp", "sn", "sv",
          "moMathPara", "moMath", *_HEADERS}
# An equation (Word's {\mmath{\*\moMath ...}}) is read as its runs' text, as in a .docx: its
# properties (\mfPr, \mrPr: fonts, and a delimiter's characters, which a .docx keeps as attributes)
# are not, nor the picture of it for older readers (\mmathPict).
_MATH_PROPERTIES = lazy_re.compile(r"m[a-zA-Z]+Pr")
# A picture's or shape's alternative text, as Word writes it among its properties: read after the
# paragraph it stands in, as furniture, as in a .docx.
_ALTERNATIVE_TEXT = "wzDescription"


class _Sink:
    """The paragraphs of one stream of text: the body, a note, a header or footer, a text box."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.paragraphs: list[tuple[str, bool]] = []  # (text, furniture: a table of contents' entry)
        self.pieces: list[tuple[str, str]] = []  # the open paragraph's (text, "super", "sub" or "")
        self.contents = False  # the open paragraph holds a table of contents' text
        # Text boxes' paragraphs and pictures' alternative text (text, furniture), by the paragraph
        # they follow.
        self.boxes: dict[int, list[tuple[str, bool]]] = {}
        self.parent: _Sink | None = None  # a text box's: the stream it is anchored in

    def end_paragraph(self) -> None:
        self.paragraphs.append((_shown(self.pieces), self.contents))
        self.pieces = []
        self.contents = False


class _Group:
    """What a group sets for the text inside it; each group starts as a copy of the one around it."""

    __slots__ = ("dest", "sink", "font", "uc", "hidden", "deleted", "position", "field", "contents", "starred",
                 "owns_sink", "prop")

    def __init__(self, sink: _Sink) -> None:
        self.dest = "text"  # "text", "skip", "fonttbl", "fldinst", "pict", "sp" or "sn"
        self.sink = sink
        self.font: int | None = None
        self.uc = 1  # the fallback characters after a \uN
        self.hidden = self.deleted = self.contents = self.starred = self.owns_sink = False
        self.position = ""
        self.field: list[str] | None = None  # the instruction of the field this group is in
        self.prop: list | None = None  # the shape property this group is in: [name's pieces, value's sink]

    def inner(self) -> _Group:
        group = _Group.__new__(_Group)
        group.dest, group.sink, group.font, group.uc = self.dest, self.sink, self.font, self.uc
        group.hidden, group.deleted, group.position = self.hidden, self.deleted, self.position
        group.field, group.contents, group.prop = self.field, self.contents, self.prop
        group.starred = group.owns_sink = False
        return group


def _shown(pieces: list[tuple[str, str]]) -> str:
    """A paragraph's text from its pieces, raised and lowered text set as in a .docx (`base.shifted`,
    each run of it as a whole); a no-break space stays one. Surrogate pairs of \\uN are joined."""
    parts: list[str] = []
    k = 0
    while k < len(pieces):
        piece, where = pieces[k]
        if not where:
            parts.append(piece)
            k += 1
            continue
        end = k
        while end < len(pieces) and pieces[end][1] == where:
            end += 1
        before = next((part[-1] for part in reversed(parts) if part), "")
        parts.append(shifted("".join(piece for piece, _where in pieces[k:end]), where, before))
        k = end
    text = "".join(parts)
    if any("\ud800" <= char <= "\udfff" for char in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return tidy(text, keep_no_break=True)


def _code_page(number: int) -> str | None:
    name = _MAC_CODE_PAGES.get(number, f"cp{number}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# The Symbol font's characters the .docx reader's table (`_SYMBOL_FONT`) lacks, by Adobe's Symbol
# encoding: rtf2xml's sample of the font read 16 of its 109 lines with U+FFFD ("♥", "⊗", "⊃"...), 6
# with them, the bytes the sample itself says are undefined.
_MORE_SYMBOLS = dict(zip(
    [0xA0, 0xA1, 0xA2, 0xA4, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xB2, 0xBD, 0xBE, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC9,
     0xCA, 0xCB, 0xCC, 0xCD, 0xD0, 0xD2, 0xD3, 0xD4, 0xD5, 0xDC, 0xDD, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xF1],
    "€ϒ′⁄ƒ♣♦♥♠″⏐⎯↵ℵℑℜ℘⊗⊃⊇⊄⊂⊆∠®©™∏⇐⇑⇓◊〈®©™〉", strict=True))
_SYMBOL_LETTERS = {**_SYMBOL_FONT, **_MORE_SYMBOLS}


def _decoded(data: bytes, codec: str) -> str:
    if codec in (_SYMBOL, _PICTURES):
        table = _SYMBOL_LETTERS if codec == _SYMBOL else {}
        return "".join(table.get(byte, chr(byte) if 0x20 <= byte < 0x7F else "\ufffd") for byte in data)
    return data.decode(codec, "replace")


def _font_codec(charset: int | None, code_page: int | None, name: str) -> str | None:
    """The codec of a font of the font table, None where it takes the document's."""
    if charset == 2:
        return _SYMBOL if name.strip().lower() == "symbol" else _PICTURES
    if code_page:
        return _code_page(code_page) or _CHARSETS.get(charset)
    return _CHARSETS.get(charset)


class _Parser:
    """One pass over the tokens: groups on a list, text to the sink of the group it stands in."""

    def __init__(self) -> None:
        self.body = _Sink("body")
        self.notes: list[_Sink] = []
        self.furniture: list[_Sink] = []  # headers and footers
        self.hidden: list[str] = []
        self.code_page = "cp1252"
        self.default_font: int | None = None
        self.fonts: dict[int, str] = {}  # font number -> codec, where not the document's
        # The font table's entries as read: number -> [charset, code page, name].
        self.font_table: dict[int, list] = {}
        self.font_entry: int | None = None  # the font table's entry being read
        self.pending = bytearray()  # bytes of text not yet decoded (a character may take two)
        self.pending_where: tuple | None = None
        self.fallback = 0  # fallback characters of a \uN still to skip
        # The codec of raw 8-bit text where the file is UTF-8 as a whole (`_literal_codec`); else
        # such text is in its font's code page, as the specification has it.
        self.literal_codec: str | None = None

    def codec(self, group: _Group) -> str:
        font = self.default_font if group.font is None else group.font
        return self.fonts.get(font, self.code_page) if font is not None else self.code_page

    # -- text ----------------------------------------------------------------------------------

    def add_bytes(self, group: _Group, data: bytes) -> None:
        where = (group.sink, self.codec(group), group.position, group.hidden, group.contents)
        if where != self.pending_where:
            self.flush()
            self.pending_where = where
        self.pending += data

    def flush(self) -> None:
        if self.pending:
            sink, codec, position, hidden, contents = self.pending_where
            self.put(sink, _decoded(bytes(self.pending), codec), position, hidden, contents)
            self.pending.clear()
        self.pending_where = None

    def add_text(self, group: _Group, text: str) -> None:
        self.flush()
        self.put(group.sink, text, group.position, group.hidden, group.contents)

    def put(self, sink: _Sink, text: str, position: str, hidden: bool, contents: bool) -> None:
        if hidden:
            self.hidden.append(text)
            return
        sink.pieces.append((text, position))
        sink.contents = sink.contents or contents

    # -- the tokens ----------------------------------------------------------------------------

    def read(self, text: str) -> None:
        groups: list[_Group] = []
        group = _Group(self.body)
        position, end = 0, len(text)
        closed_at = None
        while position < end:
            match = _TOKEN.match(text, position)
            position = match.end()
            kind = match.lastindex
            if kind == 5:  # a brace
                self.flush()
                self.fallback = 0
                if match.group(5) == "{":
                    groups.append(group)
                    group = group.inner()
                    continue
                self.close(group, groups[-1])
                group = groups.pop()
                if not groups:
                    closed_at = position
                    break
                continue
            if group.dest == "skip":
                if kind in (1, 2) and match.group(1) == "bin" and match.group(2):
                    position += max(0, int(match.group(2)))
                continue
            if kind == 6:  # text
                self.text_run(group, match.group(6))
            elif kind == 3:  # \'hh
                if self.fallback:
                    self.fallback -= 1
                elif len(match.group(3)) == 2 and group.dest == "text" and not group.deleted:
                    self.add_bytes(group, bytes((int(match.group(3), 16),)))
            elif kind in (1, 2):
                word, parameter = match.group(1), match.group(2)
                if word == "bin" and parameter:
                    position += max(0, int(parameter))
                if self.fallback and word in _CHARACTERS:  # a character written as a word stands in too
                    self.fallback -= 1
                    continue
                if word in _PARAGRAPH_ENDS:
                    self.fallback = 0
                self.flush()
                self.control_word(group, word, int(parameter) if parameter else None)
            elif kind == 4:
                self.flush()
                if self.fallback and match.group(4) in _CHARACTERS:
                    self.fallback -= 1
                    continue
                self.fallback = 0 if match.group(4) in _PARAGRAPH_ENDS else self.fallback
                self.control_symbol(group, match.group(4))
        if closed_at is None:
            depth = len(groups)
            raise ValueError(f"cut short: {depth} group{'' if depth == 1 else 's'} not closed at its end")
        rest = text[closed_at:].lstrip(" \t\r\n\x00\x1a")
        if rest.startswith("}"):
            raise ValueError(f"a closing brace at byte {len(text) - len(rest)} closes no group")
        if rest.rstrip(" \t\r\n\x00\x1a"):
            raise ValueError(f"text after the document's closing brace at byte {closed_at}")

    def text_run(self, group: _Group, run: str) -> None:
        if _NO_TEXT.search(run):
            run = _NO_TEXT.sub("", run)
        if self.fallback:
            skipped = min(self.fallback, len(run))
            self.fallback -= skipped
            run = run[skipped:]
        if not run:
            return
        if group.dest == "text":
            if group.deleted:
                return
            if self.literal_codec and not run.isascii():
                # A character's bytes never hold a brace or backslash: the run holds them whole.
                self.add_text(group, run.encode("latin-1").decode(self.literal_codec, errors="replace"))
            else:
                self.add_bytes(group, run.encode("latin-1"))
        elif group.dest == "fonttbl":
            self.font_name(run)
        elif group.dest == "fldinst" and group.field is not None:
            group.field.append(run)
        elif group.dest == "sn":
            group.prop[0].append(run)

    def font_name(self, run: str) -> None:
        if self.font_entry is not None:
            self.font_table[self.font_entry][2] += run

    def control_symbol(self, group: _Group, symbol: str) -> None:
        if symbol == "*":
            group.starred = True
        elif group.dest != "text":
            return
        elif symbol in _PARAGRAPH_ENDS:
            group.sink.end_paragraph()
        elif symbol in _CHARACTERS and not group.deleted:
            self.add_text(group, _CHARACTERS[symbol])

    def control_word(self, group: _Group, word: str, parameter: int | None) -> None:
        if group.starred:
            group.starred = False
            if word not in _KNOWN:
                group.dest = "skip"
                return
        if word in _SKIPPED or (word[0] == "m" and _MATH_PROPERTIES.fullmatch(word)):
            group.dest = "skip"
            return
        if group.dest == "fonttbl":
            self.font_table_word(word, parameter)
            return
        if word == "u" and parameter is not None:
            self.fallback = group.uc
            if group.dest == "text" and not group.deleted:
                code = parameter + 65536 if parameter < 0 else parameter
                if self.codec(group) in (_SYMBOL, _PICTURES) and 0xF020 <= code <= 0xF0FF:
                    self.add_text(group, _decoded(bytes((code - 0xF000,)), self.codec(group)))
                elif 0 <= code <= 0xFFFF:
                    self.add_text(group, chr(code))
            return
        if word == "uc":
            group.uc = max(0, parameter or 0)
        elif word == "f" and parameter is not None:
            group.font = parameter
        elif word == "plain":
            group.font, group.position, group.hidden, group.deleted = None, "", False, False
        elif word == "v":
            group.hidden = parameter != 0
        elif word == "deleted":
            group.deleted = parameter != 0
        elif word in ("super", "sub"):
            group.position = word
        elif word == "nosupersub":
            group.position = ""
        elif word in ("ansi", "mac", "pc", "pca"):
            self.code_page = {"ansi": "cp1252", "mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[word]
        elif word == "ansicpg" and parameter:
            self.code_page = _code_page(parameter) or self.code_page
        elif word == "deff" and parameter is not None:
            self.default_font = parameter
        elif word == "fonttbl":
            group.dest = "fonttbl"
        elif word == "field":
            group.field = []
        elif word == "fldinst":
            group.dest = "fldinst"
        elif word == "fldrslt":
            group.dest = "text"
            group.contents = group.contents or "".join(group.field or ()).strip().upper().startswith("TOC")
        elif word == "footnote":
            self.open_sink(group, _Sink("footnote"))
            self.notes.append(group.sink)
        elif word == "ftnalt" and group.sink.kind == "footnote":
            group.sink.kind = "endnote"
        elif word in _HEADERS:
            self.open_sink(group, _Sink(_HEADERS[word]))
            self.furniture.append(group.sink)
        elif word == "pict":  # its data is no text; its properties may hold its alternative text
            group.dest = "pict"
        elif word == "sp":
            group.dest, group.prop = "sp", [[], None]
        elif word == "sn" and group.dest == "sp":
            group.dest = "sn"
        elif word == "sv" and group.dest == "sp":
            group.prop[1] = _Sink("value")
            self.open_sink(group, group.prop[1])
        elif word in ("shptxt", "dptxbxtext"):
            box = _Sink("box")
            box.parent = group.sink
            self.open_sink(group, box)
        elif group.dest == "text" and word in _PARAGRAPH_ENDS:
            group.sink.end_paragraph()
        elif group.dest == "text" and word in _CHARACTERS and not group.deleted:
            self.add_text(group, _CHARACTERS[word])

    def font_table_word(self, word: str, parameter: int | None) -> None:
        if word == "f" and parameter is not None:
            self.font_entry = parameter
            self.font_table[parameter] = [None, None, ""]
        elif self.font_entry is not None and word in ("fcharset", "cpg"):
            self.font_table[self.font_entry][0 if word == "fcharset" else 1] = parameter

    def fonts_read(self) -> None:
        """The codecs of the font table's fonts, once it is read (a font's name comes last)."""
        for number, (charset, code_page, name) in self.font_table.items():
            codec = _font_codec(charset, code_page, name.split(";")[0])
            if codec:
                self.fonts[number] = codec

    def open_sink(self, group: _Group, sink: _Sink) -> None:
        group.sink, group.owns_sink, group.dest = sink, True, "text"
        group.hidden = group.deleted = group.contents = False
        group.position = ""

    def close(self, group: _Group, outer: _Group) -> None:
        """The end of `group`, inside `outer`: the stream it opened ends with it."""
        if group.dest == "fonttbl" and outer.dest != "fonttbl":
            self.fonts_read()
        if group.prop is not None and group.prop is not outer.prop:
            self.property_read(group)
        if not group.owns_sink:
            return
        sink = group.sink
        if sink.pieces:
            sink.end_paragraph()
        if sink.kind == "box":
            parent = sink.parent
            parent.boxes.setdefault(len(parent.paragraphs), []).extend((t, False) for t, _ in sink.paragraphs if t)

    def property_read(self, group: _Group) -> None:
        """A shape's or picture's property, read whole: its alternative text follows the paragraph
        the picture stands in."""
        name, value = group.prop
        if "".join(name).strip() != _ALTERNATIVE_TEXT or value is None:
            return
        text = tidy(" ".join(t for t, _furniture in value.paragraphs if t), keep_no_break=True)
        if text:
            group.sink.boxes.setdefault(len(group.sink.paragraphs), []).append((text, True))

    def finish(self) -> None:
        self.flush()
        if self.body.pieces:
            self.body.end_paragraph()


def _body_blocks(body: _Sink) -> list[Block]:
    """The body's paragraphs as blocks, "paragraph N" counting those with text; a text box's, and a
    picture's alternative text (as furniture), after the paragraph it is anchored in, located by it."""
    out: list[Block] = []
    number = 0
    partings = EmptyPartings()
    for k, (text, furniture) in enumerate([*body.paragraphs, ("", False)]):
        if text:
            number += 1
            partings.paragraph(len(out), not (furniture or text.isspace()), number == 1)
            out.append(Block(text, f"paragraph {number}", furniture=furniture))
        partings.empty = not text.strip()
        out += [Block(box, f"paragraph {max(number, 1)}", furniture=alternative)
                for box, alternative in body.boxes.get(k, ())]
    return partings.lines_of(out)


def _note_blocks(notes: list[_Sink]) -> list[Block]:
    """Footnotes, then endnotes, each numbered in the order the body cites them; a note's paragraphs
    are one block, as in a .docx."""
    out = []
    for kind in ("footnote", "endnote"):
        number = 0
        for note in notes:
            if note.kind != kind:
                continue
            number += 1
            texts = [text for text, _furniture in note.paragraphs if text]
            texts += [box for boxes in note.boxes.values() for box, _furniture in boxes]
            text = tidy(" ".join(texts), keep_no_break=True)
            if text:
                out.append(Block(text, f"{kind} {number}"))
    return out


def _furniture_blocks(sinks: list[_Sink]) -> list[Block]:
    """Headers, then footers, each paragraph's text once: a document with a header for its first,
    odd and even pages repeats it."""
    out, seen = [], set()
    for kind in ("header", "footer"):
        for sink in sinks:
            if sink.kind != kind:
                continue
            texts = [text for text, _furniture in sink.paragraphs]
            texts += [box for boxes in sink.boxes.values() for box, _furniture in boxes]
            for text in texts:
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    out.append(Block(text, kind, furniture=True))
    return out


def _as_bytes_of_rtf(data: bytes) -> bytes:
    """A file saved as UTF-16 (by its byte-order mark) as UTF-8: RTF's syntax is ASCII, and its
    text then reads as UTF-8 (`_literal_codec`)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return data
    return data


def _literal_codec(data: bytes) -> str | None:
    """"utf-8" where the file's bytes beyond ASCII are all UTF-8 and some are: text a code page
    would read as "rÃ©union" almost never is (and binary data, \\bin, never is)."""
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _start(data: bytes) -> int:
    """Where `{\\rtf` begins, past a byte-order mark and blank space; -1 where it does not."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return len(data) - len(stripped) if stripped.startswith(b"{\\rtf") else -1


class RtfReader(Reader):
    name = "rtf"
    suffixes = (".rtf",)

    def sniff(self, data: bytes) -> bool:
        return _start(_as_bytes_of_rtf(data[:64])) >= 0

    def blocks(self, data: bytes, label: str) -> list[Block]:
        data = _as_bytes_of_rtf(data)
        start = _start(data)
        parser = _Parser()
        parser.literal_codec = _literal_codec(data)
        try:
            if start < 0:
                raise ValueError("it does not begin with {\\rtf")
            parser.read(data[start:].decode("latin-1"))
            parser.finish()
        except (ValueError, OverflowError) as error:
            raise broken(label, "an RTF document", error) from error
        say_hidden(label, [_shown([(" ".join(parser.hidden), "")])], "RTF's \\v, not shown or printed")
        return _body_blocks(parser.body) + _note_blocks(parser.notes) + _furniture_blocks(parser.furniture)
