"""Word 97-2003 documents (.doc), read as the .docx reader reads the same document saved the new way:
the body's paragraphs and table cells in order ("paragraph N"), then the footnotes and endnotes
("footnote N", in the order the body cites them), the text boxes, and a reviewer's comments, the
headers and footers as page furniture, each text once; a field as its result, not its instruction
(a hyperlink's words, not its address), a table of contents' result as furniture; tracked
deletions and Hidden text left out (the text as Word shows it with changes accepted), the hidden
words said in a warning. Before, a .doc was refused ("save it as .docx"): agencies still send
them, and an editor auditing an old reprint has nothing else.

The format ([MS-DOC]) keeps the whole text of a document in one stream, in pieces the piece table
(the CLX) lists: every story (body, footnotes, headers, comments, endnotes, text boxes) one after
the other in character positions the File Information Block counts, each piece one byte a
character (Windows-1252) or UTF-16. Character formatting stands in 512-byte pages (FKPs) of runs
of stream offsets; two of its properties matter here, a tracked deletion and Hidden. The compound
file around the streams is read by olefile.

Word 6 and Word 95 files (a different FIB) and encrypted ones get a one-line error saying what to
do instead.
"""
from __future__ import annotations

import bisect
import logging
import struct

from .. import lazy_re
from ..errors import InputError
from .base import OLE_MAGIC, Block, Reader, broken, say_hidden, shifted, tidy
from .ole import ole_streams

logger = logging.getLogger("align")

_WORD_STREAM = "WordDocument".encode("utf-16-le")
# The FIB's nFib below which a file is Word 95 or older, whose FIB this reader does not know.
_WORD_97 = 0xC0
# fibRgLw97: the character counts of the stories, in the order their text stands.
_STORIES = ("body", "footnote", "header", "macro", "comment", "endnote", "text box", "header text box")
_STORY_COUNTS = (3, 4, 5, 6, 7, 8, 9, 10)
# fibRgFcLcb97: the (offset, size) pairs in the table stream this reader uses, by their index.
_PLCF_FOOTNOTE_TEXT, _PLCF_COMMENT_REFERENCE, _PLCF_COMMENT_TEXT, _PLCF_HEADER_TEXT = 3, 4, 5, 11
_PLCF_CHARACTER_RUNS, _CLX = 12, 33
_PLCF_SHAPE_ANCHORS, _PLCF_ENDNOTE_TEXT, _PLCF_TEXT_BOX_TEXT = 40, 47, 56
_HEADER_KINDS = ("header", "header", "footer", "footer", "header", "footer")
# Character properties (sprms) read: a tracked deletion and Hidden, which keep a run out of the text
# as Word shows it with changes accepted (operand 1 on, 0x81 "the opposite of the style": on, for a
# style that is not hidden itself), and superscript or subscript (operand 1 or 2).
_DELETED, _HIDDEN, _RAISED = 0x0800, 0x083C, 0x2A48
# What a character position is, in `_Document.marks`.
_ON_THE_LINE, _DELETED_MARK, _HIDDEN_MARK, _SUPER, _SUB = range(5)
_POSITIONS = {_SUPER: "super", _SUB: "sub"}
# A field is \x13 instruction \x14 result \x15; these marks and the objects' anchors are no text.
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_EMBEDDED = lazy_re.compile("\x13 *EMBED +([^\x14\x15]*)")
_PARAGRAPH_ENDS = "\r\x07\x0c"  # a paragraph, a table cell (or row), a page or section break
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"))  # anchors, note marks, separators, soft hyphens
_DROPPED.update({0x1E: "-", 0x0B: "\n", 0x0E: "\n", 0x09: " "})
# A one-byte piece is Windows-1252, its five unassigned bytes read as Latin-1 (text outside the
# code page is stored as UTF-16).
_CP1252 = {byte: bytes((byte,)).decode("cp1252") for byte in range(0x80, 0xA0)
           if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


class DocReader(Reader):
    name = "doc"
    # Known by its content only: a web page or plain text saved under a .doc name is read as what it is.
    suffixes = ()

    def sniff(self, data: bytes) -> bool:
        # An OLE file holding a WordDocument stream: its directory lists the name in UTF-16.
        return data.startswith(OLE_MAGIC) and _WORD_STREAM in data

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            streams = ole_streams(data, ("WordDocument", "0Table", "1Table"))
            if "WordDocument" not in streams:
                raise ValueError("no WordDocument stream in it")
            word = streams["WordDocument"]
            fib = _Fib(word, label)
            table = streams.get("1Table" if fib.which_table else "0Table")
            if table is None:
                raise ValueError(f"no {'1Table' if fib.which_table else '0Table'} stream in it")
            return _Document(word, table, fib).blocks(label)
        except InputError:
            raise
        except (OSError, ValueError, IndexError, struct.error) as error:
            raise broken(label, "a Word .doc file", error) from None


class _Fib:
    """The parts of the File Information Block this reader needs."""

    def __init__(self, word: bytes, label: str) -> None:
        ident, n_fib = struct.unpack_from("<HH", word, 0)
        if ident != 0xA5EC:
            raise ValueError("its WordDocument stream does not open with a File Information Block")
        if n_fib < _WORD_97:
            raise InputError(f"{label}: is a Word 6 or Word 95 document; save it as .docx and give that")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:
            raise InputError(f"{label}: the Word document is password-protected; save an unprotected copy first")
        self.which_table = bool(flags & 0x0200)
        at = 32
        shorts = struct.unpack_from("<H", word, at)[0]
        at += 2 + 2 * shorts
        longs = struct.unpack_from("<H", word, at)[0]
        lw = struct.unpack_from(f"<{longs}i", word, at + 2)
        at += 2 + 4 * longs
        self.story_lengths = [max(lw[index], 0) if index < longs else 0 for index in _STORY_COUNTS]
        pairs = struct.unpack_from("<H", word, at)[0]
        self._fc_lcb = struct.unpack_from(f"<{2 * pairs}I", word, at + 2)

    def span(self, index: int) -> tuple[int, int]:
        """(offset, size) in the table stream of the structure at `index` of fibRgFcLcb; (0, 0) if none."""
        if 2 * index + 1 >= len(self._fc_lcb):
            return 0, 0
        return self._fc_lcb[2 * index], self._fc_lcb[2 * index + 1]


def _plc(table: bytes, span: tuple[int, int], data_size: int) -> tuple[list[int], bytes]:
    """A PLC's character positions (one more than its entries) and its entries' data."""
    offset, size = span
    if size < 4:
        return [], b""
    count = (size - 4) // (4 + data_size)
    positions = list(struct.unpack_from(f"<{count + 1}i", table, offset))
    return positions, table[offset + 4 * (count + 1): offset + size]


class _Document:
    """A document's text, one character a character position as the format counts them (a UTF-16
    code unit: an emoji is two), and what each position is (`marks`)."""

    def __init__(self, word: bytes, table: bytes, fib: _Fib) -> None:
        self.word, self.table, self.fib = word, table, fib
        self.text, self.marks = self._text(_marked_runs(word, table, fib))

    def _pieces(self):
        """(first character position, last + 1, stream offset, bytes a character) of each piece."""
        offset, size = self.fib.span(_CLX)
        clx = self.table[offset: offset + size]
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # property modifiers before the piece table
            at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 0x02:
            raise ValueError("no piece table in it")
        length = struct.unpack_from("<I", clx, at + 1)[0]
        positions, data = _plc(clx, (at + 5, length), 8)
        for number in range(len(positions) - 1):
            fc = struct.unpack_from("<I", data, 8 * number + 2)[0]
            compressed = bool(fc & 0x40000000)
            yield (positions[number], positions[number + 1], (fc & 0x3FFFFFFF) // 2 if compressed else fc,
                   1 if compressed else 2)

    def _text(self, runs: list[tuple[int, int, int]]) -> tuple[str, bytearray]:
        chars: list[str] = []
        marks = bytearray()
        run_ends = [end for _start, end, _mark in runs]
        for first, last, stream_at, width in self._pieces():
            raw = self.word[stream_at: stream_at + (last - first) * width]
            if width == 2:
                text = "".join(map(chr, struct.unpack(f"<{len(raw) // 2}H", raw)))
            else:
                text = raw.decode("latin-1").translate(_CP1252)
            piece_marks = bytearray(len(text))
            for run_start, run_end, mark in runs[bisect.bisect_right(run_ends, stream_at):]:
                if run_start >= stream_at + len(text) * width:
                    break
                # The run's characters within this piece (a run may start or end in another piece).
                begin, end = ((max(offset - stream_at, 0) + width - 1) // width for offset in (run_start, run_end))
                piece_marks[begin:end] = bytes((mark,)) * (min(end, len(text)) - begin)
            chars.append(text)
            marks += piece_marks
        return "".join(chars), marks

    def hidden_words(self, start: int, end: int) -> list[str]:
        """The words of Hidden text between two positions (not those of tracked deletions)."""
        return "".join(char if self.marks[k] == _HIDDEN_MARK else " "
                       for k, char in enumerate(self.text[start:end], start)).split()

    def _story_bounds(self) -> dict[str, tuple[int, int]]:
        bounds, at = {}, 0
        for story, length in zip(_STORIES, self.fib.story_lengths):
            bounds[story] = (at, at + length)
            at += length
        return bounds

    def _story_texts(self, story: str, plc: int, data_size: int) -> list[str]:
        """The text of each note (footnote, endnote, comment, text box) of a story, by the positions
        its PLC gives; the story's last paragraph mark belongs to none of them."""
        start, end = self._story_bounds()[story]
        if end <= start:
            return []
        positions, _data = _plc(self.table, self.fib.span(plc), data_size)
        edges = [start + position for position in positions if 0 <= position <= end - start] or [start, end]
        return [tidy(" ".join(paragraph for paragraph, *_rest in _paragraphs(self, first, last)), keep_no_break=True)
                for first, last in zip(edges, edges[1:])]

    def blocks(self, label: str) -> list[Block]:
        bounds = self._story_bounds()
        body: list[Block] = []
        opened: list[int] = []  # the position each paragraph of the body starts at
        for number, (paragraph, contents, first, _last) in enumerate(_paragraphs(self, *bounds["body"]), 1):
            body.append(Block(paragraph, f"paragraph {number}", furniture=contents))
            opened.append(first)
        # A reviewer's comment after the paragraph it is made on, as furniture, and a text box after
        # the paragraph it is anchored in, located by it, as in a .docx.
        after: list[tuple[int, Block]] = []  # (the position cited or anchored at, block)
        cited, _data = _plc(self.table, self.fib.span(_PLCF_COMMENT_REFERENCE), 30)
        for count, text in enumerate(self._story_texts("comment", _PLCF_COMMENT_TEXT, 0)):
            if text:
                after.append((cited[count] if count < len(cited) else -1, Block(text, "comment", furniture=True)))
        anchors, shapes = _plc(self.table, self.fib.span(_PLCF_SHAPE_ANCHORS), 26)
        # A text box is found by its shape's id; one in a group by the group's, the id before its
        # own (a drawing numbers a group's shapes after it).
        anchored = sorted((struct.unpack_from("<I", shapes, 26 * k)[0], anchors[k]) for k in range(len(shapes) // 26))
        _positions, boxes = _plc(self.table, self.fib.span(_PLCF_TEXT_BOX_TEXT), 22)
        for count, text in enumerate(self._story_texts("text box", _PLCF_TEXT_BOX_TEXT, 22)):
            shape = struct.unpack_from("<I", boxes, 22 * count + 14)[0] if 22 * count + 18 <= len(boxes) else None
            if text:
                at = bisect.bisect_right(anchored, (shape, len(self.text))) - 1 if shape is not None else -1
                after.append((anchored[at][1] if at >= 0 else -1, Block(text, "text box")))
        placed: dict[int, list[Block]] = {}
        for position, block in sorted(after, key=lambda item: item[0]):
            where = bisect.bisect_right(opened, position) if position >= 0 else len(body)
            placed.setdefault(where, []).append(Block(block.text, f"{block.locator} on paragraph {max(where, 1)}"
                                                      if block.furniture else f"paragraph {max(where, 1)}",
                                                      furniture=block.furniture))
        out = list(placed.pop(0, []))
        for number, block in enumerate(body, 1):
            out += [block, *placed.pop(number, [])]
        for story, plc in (("footnote", _PLCF_FOOTNOTE_TEXT), ("endnote", _PLCF_ENDNOTE_TEXT)):
            out += [Block(text, f"{story} {count}") for count, text in
                    enumerate(self._story_texts(story, plc, 0), 1) if text]
        # Each header and footer once: a section's six stories (even, odd and first page's
        # header and footer), after the six of the notes' separators, are mostly the same text.
        seen: set[tuple[str, str]] = set()
        start, end = bounds["header"]
        positions, _data = _plc(self.table, self.fib.span(_PLCF_HEADER_TEXT), 0)
        for story, (first, last) in enumerate(zip(positions, positions[1:])):
            kind = _HEADER_KINDS[(story - 6) % 6] if story >= 6 else ""
            for paragraph, *_rest in _paragraphs(self, start + first, min(start + last, end)) if kind else ():
                if (kind, paragraph) not in seen:
                    seen.add((kind, paragraph))
                    out.append(Block(paragraph, kind, furniture=True))
        for paragraph, *_rest in _paragraphs(self, *bounds["header text box"]):
            if ("header", paragraph) not in seen:
                seen.add(("header", paragraph))
                out.append(Block(paragraph, "header", furniture=True))
        # An embedded object (a chart, a spreadsheet) keeps its text in a storage of its own, in its
        # program's format: not read, and said, so that no text is lost unsaid.
        objects = _EMBEDDED.findall(self.text)
        if objects:
            kinds = sorted({found.split()[0] for found in objects if found.split()})
            logger.warning("%s: %d embedded object%s%s not read: any text in %s (a chart's labels, a spreadsheet's "
                           "cells) is not aligned", label, len(objects), "" if len(objects) == 1 else "s",
                           f" ({', '.join(kinds)})" if kinds else "", "it" if len(objects) == 1 else "them")
        say_hidden(label, self.hidden_words(0, len(self.text)), "Word's Hidden format, not shown or printed")
        return out


def _paragraphs(doc: _Document, start: int, end: int):
    """(text, in a table of contents, first position, last + 1) of each paragraph between two
    character positions: fields read as their results, deleted and hidden characters left out,
    superscript and subscript read raised and lowered (`base.shifted`), as in a .docx."""
    fields: list[tuple[bool, list[str]]] = []  # per open field: in its result yet, its instruction
    pieces: list[tuple[str, int]] = []  # (character, mark) of the paragraph so far
    contents = False
    opened = start
    for position in range(start, end):
        char, mark = doc.text[position], doc.marks[position]
        if mark in (_DELETED_MARK, _HIDDEN_MARK):
            continue
        if char == _FIELD_BEGIN:
            fields.append((False, []))
        elif char == _FIELD_SEPARATOR and fields:
            fields[-1] = (True, fields[-1][1])
        elif char == _FIELD_END and fields:
            fields.pop()
        elif fields and not fields[-1][0]:
            fields[-1][1].append(char)
        elif char in _PARAGRAPH_ENDS:
            paragraph = _paragraph_text(pieces)
            if paragraph:
                yield paragraph, contents, opened, position + 1
            pieces, contents, opened = [], False, position + 1
        else:
            if not pieces and any("".join(instruction).split()[:1] == ["TOC"] for _result, instruction in fields):
                contents = True
            pieces.append((char, mark))
    paragraph = _paragraph_text(pieces)
    if paragraph:
        yield paragraph, contents, opened, end


def _paragraph_text(pieces: list[tuple[str, int]]) -> str:
    text = ""
    k = 0
    while k < len(pieces):
        mark = pieces[k][1]
        end = k
        while end < len(pieces) and pieces[end][1] == mark:
            end += 1
        run = "".join(char for char, _mark in pieces[k:end]).translate(_DROPPED)
        # A character beyond the BMP stands as its two UTF-16 halves, one position each.
        run = run.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        text += shifted(run, _POSITIONS[mark], text) if mark in _POSITIONS else run
        k = end
    return tidy(text, keep_no_break=True)


def _marked_runs(word: bytes, table: bytes, fib: _Fib) -> list[tuple[int, int, int]]:
    """(first stream offset, last + 1, mark) of every run of characters deleted, hidden, raised or
    lowered, in order: the character formatting's pages (FKPs) the table stream's PLC lists."""
    out = []
    _positions, pages = _plc(table, fib.span(_PLCF_CHARACTER_RUNS), 4)
    for number in range(len(pages) // 4):
        page_at = 512 * (struct.unpack_from("<I", pages, 4 * number)[0] & 0x3FFFFF)
        page = word[page_at: page_at + 512]
        if len(page) < 512:
            continue
        runs = page[511]
        offsets = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for run in range(runs):
            at = 2 * page[4 * (runs + 1) + run]
            mark = _mark(page[at + 1: at + 1 + page[at]]) if at else _ON_THE_LINE
            if mark != _ON_THE_LINE:
                out.append((offsets[run], offsets[run + 1], mark))
    return sorted(out)


def _mark(properties: bytes) -> int:
    """What a run's character properties (a grpprl of sprms) make of its characters."""
    deleted = hidden = False
    raised = 0
    at = 0
    while at + 2 <= len(properties):
        sprm = struct.unpack_from("<H", properties, at)[0]
        at += 2
        size = (1, 1, 2, 4, 2, 2, None, 3)[sprm >> 13]
        if size is None:  # a variable operand, its size in its first byte
            size = 1 + (properties[at] if at < len(properties) else 0)
        operand = properties[at] if at < len(properties) else 0
        if sprm == _DELETED:
            deleted = operand in (1, 0x81)
        elif sprm == _HIDDEN:
            hidden = operand in (1, 0x81)
        elif sprm == _RAISED:
            raised = operand if operand in (1, 2) else 0
        at += size
    if deleted:
        return _DELETED_MARK
    if hidden:
        return _HIDDEN_MARK
    return (_ON_THE_LINE, _SUPER, _SUB)[raised]
