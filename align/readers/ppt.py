"""PowerPoint 97-2003 slide decks (.ppt), read as the .pptx reader reads the same deck saved the new
way: each slide's text in the order its shapes stand in the slide (text boxes, placeholders, table
cells, grouped shapes), "slide 3"; the text the slide shows from its master (the master's own
shapes, not its placeholders' prompts) as furniture, once, "master, slide 3"; then the speaker
notes, "slide 3, notes"; a reviewer's comments as furniture, "comment on slide 3". A paragraph is a
block, a line break inside it (Shift+Enter) goes on with its sentence. Slide numbers, dates,
footers and headers, and the alternative text of shapes, are page furniture. Slides in the order
the presentation shows them, hidden ones too, and a warning names those. Before, a .ppt was refused
("save it as .pptx"): an editor auditing an old deck may have nothing else.

The format ([MS-PPT]) is a stream of records, each an 8-byte header (version and instance, type,
length; version 0xF a container of records). The "Current User" stream points at the last edit,
whose persist directory (and those of the edits before it) gives each slide's record by its persist
id; the document's slide lists (SlideListWithText) name the slides, masters and notes in order.
A shape's text stands in its ClientTextbox, or, for a placeholder PowerPoint wrote, in the slide
list, which the shape cites by index (OutlineTextRefAtom). Text is UTF-16 (TextCharsAtom) or one
byte a character, Latin-1 (TextBytesAtom); "\\r" ends a paragraph, "\\x0b" breaks a line; a field
(slide number, date) stands as "*". The compound file around the stream is read by olefile.

An embedded chart or spreadsheet keeps its text in its program's format: said, not read.
Encrypted decks get a one-line error saying what to do.
"""
from __future__ import annotations

import logging
import struct

from ..errors import InputError
from .base import OLE_MAGIC, Block, Reader, broken, tidy
from .ole import ole_streams

logger = logging.getLogger("align")

_STREAM = "PowerPoint Document"
_STREAM_NAME = _STREAM.encode("utf-16-le")
# Record types.
_DOCUMENT, _SLIDE, _SLIDE_ATOM, _NOTES, _MAIN_MASTER, _SLIDE_SHOW_INFO = 0x03E8, 0x03EE, 0x03EF, 0x03F0, 0x03F8, 0x03F9
_SLIDE_LIST, _SLIDE_PERSIST, _TEXT_HEADER, _TEXT_CHARS, _TEXT_BYTES = 0x0FF0, 0x03F3, 0x0F9F, 0x0FA0, 0x0FA8
_OUTLINE_TEXT_REF, _CSTRING, _USER_EDIT, _PERSIST_DIRECTORY = 0x0F9E, 0x0FBA, 0x0FF5, 0x1772
_SLIDE_NUMBER_FIELD = 0x0FD8
_HEADERS_FOOTERS, _HEADERS_FOOTERS_ATOM = 0x0FD9, 0x0FDA
# Fields other than the slide's number (a date, a header, a footer): their text is the master's or
# the clock's, not the slide's.
_OTHER_FIELDS = frozenset((0x0FF7, 0x0FF8, 0x0FF9, 0x0FFA, 0x1015))
_PROG_TAGS, _BINARY_TAG, _TAG_DATA, _COMMENT = 0x1388, 0x138A, 0x138B, 0x2EE0
_EXTERNAL_OBJECTS = 0x0409  # ExObjListContainer: the embedded and linked objects
_EMBEDDED_ATOMS = (0x0FC3, 0x0FD3)  # ExOleObjAtom, ExOleEmbedAtom
_SHAPE_GROUP, _SHAPE, _OPTIONS, _TERTIARY_OPTIONS = 0xF003, 0xF004, 0xF00B, 0xF122
_CLIENT_TEXTBOX, _CLIENT_DATA, _PLACEHOLDER = 0xF00D, 0xF011, 0x0BC3
_DESCRIPTION = 0x0381  # the shape's alternative text, wzDescription
_CRYPT_SESSION = 0x2F14
# The CurrentUserAtom's token of an encrypted deck.
_ENCRYPTED_TOKEN = 0xF3D1C4DF
# Placeholders PowerPoint fills itself (PlaceholderEnum): the master's and a slide's date, number,
# footer and header, the notes page's picture of the slide.
_FURNITURE_PLACEHOLDERS = frozenset((0x05, 0x07, 0x08, 0x09, 0x0A, 0x0B))
_HIDDEN = 0x0004  # SlideShowSlideInfoAtom's fHidden


def _records(data: bytes, start: int, end: int):
    """(type, instance, is a container, body start, body end) of each record between two offsets."""
    at = start
    while at + 8 <= end:
        version_instance, kind, length = struct.unpack_from("<HHI", data, at)
        body = at + 8
        if body + length > end:
            raise ValueError(f"a record at {at} runs past its container")
        yield kind, version_instance >> 4, version_instance & 0xF == 0xF, body, body + length
        at = body + length


def _children(data: bytes, record: tuple, kind: int | None = None):
    _kind, _instance, container, start, end = record
    for child in _records(data, start, end) if container else ():
        if kind is None or child[0] == kind:
            yield child


def _record_at(data: bytes, offset: int, *kinds: int) -> tuple:
    found = next(_records(data, offset, len(data)), None)
    if found is None or found[0] not in kinds:
        raise ValueError(f"no record of type {kinds[0]:#06x} where the persist directory points ({offset})")
    return found


class PptReader(Reader):
    name = "ppt"
    # Known by its content only: a web page or plain text saved under a .ppt name is read as what it is.
    suffixes = ()

    def sniff(self, data: bytes) -> bool:
        # An OLE file holding a "PowerPoint Document" stream: its directory lists the name in UTF-16.
        return data.startswith(OLE_MAGIC) and _STREAM_NAME in data

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            stream, user = _streams(data)
            return _Deck(stream, user, label).blocks()
        except InputError:
            raise
        except (OSError, ValueError, IndexError, KeyError, struct.error, RecursionError) as error:
            raise broken(label, "a PowerPoint .ppt slide deck", error) from None


def _streams(data: bytes) -> tuple[bytes, bytes]:
    """The "PowerPoint Document" and "Current User" streams of an OLE file."""
    # A deck PowerPoint 95 saved for both versions keeps the 97 one in a storage of its own.
    dual = "PP97_DUALSTORAGE/"
    streams = ole_streams(data, (dual + _STREAM, dual + "Current User", _STREAM, "Current User"))
    folder = dual if dual + _STREAM in streams else ""
    if folder + _STREAM not in streams:
        raise ValueError("no PowerPoint Document stream in it")
    return streams[folder + _STREAM], streams.get(folder + "Current User", b"")


def _read_directory(stream: bytes, at: int, end: int, offsets: dict[int, int], newer_first: bool) -> None:
    """A PersistDirectoryAtom's entries into `offsets`: runs of offsets from a first persist id."""
    while at + 4 <= end:
        entry = struct.unpack_from("<I", stream, at)[0]
        first, count = entry & 0xFFFFF, entry >> 20
        for k, offset in enumerate(struct.unpack_from(f"<{count}I", stream, at + 4)):
            if newer_first:
                offsets.setdefault(first + k, offset)
            else:
                offsets[first + k] = offset
        at += 4 + 4 * count


def _edit_chain(stream: bytes, user: bytes, label: str) -> tuple[dict[int, int], int]:
    """Each persist id's offset in the stream, the newest edit's where several give one, and the
    document's persist id: the Current User stream's last edit, then each edit before it."""
    encrypted = InputError(f"{label}: the PowerPoint deck is password-protected; save an unprotected copy first")
    if 4 <= len(user) < 28 and struct.unpack_from("<I", user)[0] + 4 == len(user):
        # PowerPoint 95's Current User stream: its size, then its data (as Apache POI tells them apart).
        raise InputError(f"{label}: is a PowerPoint 95 deck; save it as .pptx (or as PowerPoint 97-2003) and give that")
    if len(user) < 20:
        raise ValueError("no Current User stream in it")
    token, edit_at = struct.unpack_from("<II", user, 12)
    if token == _ENCRYPTED_TOKEN:
        raise encrypted
    offsets: dict[int, int] = {}
    document = None
    seen: set[int] = set()
    while edit_at and edit_at not in seen:  # an edit's predecessor at 0 ends the chain
        seen.add(edit_at)
        _kind, _instance, _container, start, end = _record_at(stream, edit_at, _USER_EDIT)
        previous, directory_at, document_id = struct.unpack_from("<III", stream, start + 8)
        if end - start >= 32 and struct.unpack_from("<I", stream, start + 28)[0]:
            raise encrypted  # encryptSessionPersistIdRef: a CryptSession10Container holds the key
        document = document if document is not None else document_id
        _kind, _instance, _container, at, directory_end = _record_at(stream, directory_at, _PERSIST_DIRECTORY)
        _read_directory(stream, at, directory_end, offsets, newer_first=True)
        edit_at = previous
    if document is None:
        raise ValueError("no edit record in it")
    return offsets, document


def _scanned_offsets(stream: bytes) -> tuple[dict[int, int], int | None]:
    """The persist directories and the last edit as the stream holds them, oldest first: for a deck
    whose Current User stream or chain of edits points astray (a file saved by a faulty program)."""
    offsets: dict[int, int] = {}
    document = None
    try:
        for kind, _instance, _container, start, end in _records(stream, 0, len(stream)):
            if kind == _PERSIST_DIRECTORY:
                _read_directory(stream, start, end, offsets, newer_first=False)
            elif kind == _USER_EDIT and end - start >= 20:
                document = struct.unpack_from("<I", stream, start + 16)[0]
    except (ValueError, struct.error):  # records after a damaged one: what came before stands
        pass
    return offsets, document


def _persist_offsets(stream: bytes, user: bytes, label: str) -> tuple[dict[int, int], int]:
    """Each persist id's offset by the chain of edits, any id it lacks where the stream's own
    directories give one (Apache POI repairs such decks too)."""
    try:
        offsets, document = _edit_chain(stream, user, label)
    except InputError:  # an encrypted deck or PowerPoint 95's (an InputError is a ValueError)
        raise
    except (ValueError, struct.error) as error:
        offsets, document = _scanned_offsets(stream)
        if document is None or not offsets:
            raise error
        return offsets, document
    for persist_id, offset in _scanned_offsets(stream)[0].items():
        offsets.setdefault(persist_id, offset)
    return offsets, document


class _Deck:
    def __init__(self, stream: bytes, user: bytes, label: str) -> None:
        self.stream, self.label = stream, label
        self.offsets, document_id = _persist_offsets(stream, user, label)
        self.document = self._persisted(document_id, _DOCUMENT)
        # Each list's (persist id, slide id, the texts it holds), by its instance: 0 slides, 1 masters, 2 notes.
        self.lists: dict[int, list[tuple[int, int, list[str]]]] = {0: [], 1: [], 2: []}
        for found in _children(stream, self.document, _SLIDE_LIST):
            entries = self.lists.setdefault(found[1], [])
            for kind, _instance, _container, start, end in _children(stream, found):
                if kind == _SLIDE_PERSIST:
                    persist_id, _flags, _texts, slide_id = struct.unpack_from("<IIII", stream, start)
                    entries.append((persist_id, slide_id, []))
                elif kind == _TEXT_HEADER and entries:
                    entries[-1][2].append("")
                elif kind in (_TEXT_CHARS, _TEXT_BYTES) and entries and entries[-1][2]:
                    entries[-1][2][-1] = _decoded(stream, kind, start, end)

    def _persisted(self, persist_id: int, *kinds: int) -> tuple:
        if persist_id not in self.offsets:
            raise ValueError(f"no record for persist id {persist_id}")
        return _record_at(self.stream, self.offsets[persist_id], *kinds)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        hidden: list[int] = []
        masters_read: set[int] = set()
        # A master's or notes page's placeholders may cite texts of its own list, as a slide's do.
        masters = {slide_id: (persist_id, texts) for persist_id, slide_id, texts in self.lists[1]}
        notes = {slide_id: (persist_id, texts) for persist_id, slide_id, texts in self.lists[2]}
        for number, (persist_id, _slide_id, texts) in enumerate(self.lists[0], 1):
            slide = self._persisted(persist_id, _SLIDE)
            locator = f"slide {number}"
            atom = next(_children(self.stream, slide, _SLIDE_ATOM), None)
            master_id = notes_id = 0
            shows_master = True
            if atom is not None and atom[4] - atom[3] >= 22:
                master_id, notes_id, flags = struct.unpack_from("<IIH", self.stream, atom[3] + 12)
                shows_master = bool(flags & 1)  # fMasterObjects: the master's own shapes shown
            show = next(_children(self.stream, slide, _SLIDE_SHOW_INFO), None)
            if show is not None and show[4] - show[3] >= 12 and struct.unpack_from("<H", self.stream, show[3] + 10)[0] & _HIDDEN:
                hidden.append(number)
            out += self._drawing_blocks(slide, locator, number, texts)
            out += self._header_footer_blocks(slide, 3, locator)
            if shows_master and master_id in masters and master_id not in masters_read:
                masters_read.add(master_id)
                master_persist, master_texts = masters[master_id]
                master = self._persisted(master_persist, _MAIN_MASTER, _SLIDE)  # a title master is a slide
                out += [Block(block.text, f"master, slide {number}", furniture=True,
                              run_on_breaks=block.run_on_breaks)
                        for block in self._drawing_blocks(master, locator, number, master_texts, own_only=True)]
            if notes_id in notes:
                notes_persist, notes_texts = notes[notes_id]
                notes_page = self._persisted(notes_persist, _NOTES)
                out += self._drawing_blocks(notes_page, f"{locator}, notes", number, notes_texts)
                out += self._header_footer_blocks(notes_page, 4, f"{locator}, notes")
            out += self._comments(slide, f"comment on {locator}")
        objects = self._embedded_objects()
        if objects:
            logger.warning("%s: %d embedded object%s not read: any text in %s (a chart's labels, a spreadsheet's "
                           "cells) is not aligned", self.label, objects, "" if objects == 1 else "s",
                           "it" if objects == 1 else "them")
        if hidden:
            logger.warning("%s: slide%s %s hidden in the show, read all the same", self.label,
                           "s" if len(hidden) > 1 else "", ", ".join(map(str, hidden)))
        return out

    def _drawing_blocks(self, slide: tuple, locator: str, number: int, texts: list[str],
                        own_only: bool = False) -> list[Block]:
        """The paragraphs of a slide's (master's, notes page's) shapes in the order they stand,
        groups' shapes in theirs; with `own_only`, a master's own shapes, not its placeholders."""
        out: list[Block] = []

        def walk(record: tuple) -> None:
            for child in _children(self.stream, record):
                if child[0] == _SHAPE:
                    out.extend(self._shape_blocks(child, locator, number, texts, own_only))
                elif child[2]:  # the drawing, a group, a solver's rules: containers to go into
                    walk(child)

        for drawing in _children(self.stream, slide, 0x040C):  # PPDrawing
            walk(drawing)
        return out

    def _shape_blocks(self, shape: tuple, locator: str, number: int, texts: list[str], own_only: bool) -> list[Block]:
        stream = self.stream
        placement = None
        text = ""
        fields: list[tuple[int, int]] = []  # (position, field type) of each "*" that stands for a field
        description = ""
        for kind, instance, _container, start, end in _children(stream, shape):
            if kind == _CLIENT_DATA:
                for found in _children(stream, (kind, 0, True, start, end), _PLACEHOLDER):
                    placement = stream[found[3] + 4] if found[4] - found[3] >= 5 else placement
            elif kind == _CLIENT_TEXTBOX:
                for inner, _i, _c, inner_start, inner_end in _records(stream, start, end):
                    if inner in (_TEXT_CHARS, _TEXT_BYTES):
                        text = _decoded(stream, inner, inner_start, inner_end)
                    elif inner == _OUTLINE_TEXT_REF and inner_end - inner_start >= 4:
                        index = struct.unpack_from("<I", stream, inner_start)[0]
                        text = texts[index] if index < len(texts) else text
                    elif (inner == _SLIDE_NUMBER_FIELD or inner in _OTHER_FIELDS) and inner_end - inner_start >= 4:
                        fields.append((struct.unpack_from("<I", stream, inner_start)[0], inner))
            elif kind in (_OPTIONS, _TERTIARY_OPTIONS):
                description = _option_text(stream, start, end, instance, _DESCRIPTION) or description
        if own_only and placement is not None:
            return []
        for position, field in sorted(fields, reverse=True):
            if position < len(text) and text[position] == "*":
                text = text[:position] + (str(number) if field == _SLIDE_NUMBER_FIELD else "") + text[position + 1:]
        furniture = placement in _FURNITURE_PLACEHOLDERS
        out = []
        for paragraph in text.split("\r"):
            lines = [tidy(line, keep_no_break=True) for line in paragraph.split("\x0b")]
            lines = [line for line in lines if line]
            if not lines:
                continue
            breaks, at = [], 0
            for line in lines[:-1]:
                at += len(line)
                breaks.append(at)
                at += 1
            out.append(Block("\n".join(lines), locator, furniture=furniture, run_on_breaks=tuple(breaks)))
        description = tidy(description, keep_no_break=True)
        if description:
            out.append(Block(description, locator, furniture=True))
        return out

    def _header_footer_blocks(self, page: tuple, instance: int, locator: str) -> list[Block]:
        """The date, header and footer a slide (or notes page) shows, as furniture: the master's
        placeholders show them, their words kept in the page's HeadersFootersContainer or the
        document's (instance 3 slides', 4 notes'), as a .pptx keeps them in each slide's footer."""
        own = next(_children(self.stream, page, _HEADERS_FOOTERS), None)
        shared = next((found for found in _children(self.stream, self.document, _HEADERS_FOOTERS)
                       if found[1] == instance), None)
        flags, strings = 0, {}
        for container in (shared, own):  # the page's own settings over the document's
            if container is None:
                continue
            for kind, string, _container, start, end in _children(self.stream, container):
                if kind == _HEADERS_FOOTERS_ATOM and end - start >= 4:
                    flags = struct.unpack_from("<H", self.stream, start + 2)[0]
                elif kind == _CSTRING:
                    strings[string] = self.stream[start:end].decode("utf-16-le", "replace")
        shown = [(0, flags & 0x01 and flags & 0x04), (1, flags & 0x10 and instance == 4), (2, flags & 0x20)]
        return [Block(text, locator, furniture=True) for string, on in shown if on
                for text in [tidy(strings.get(string, ""), keep_no_break=True)] if text]

    def _comments(self, slide: tuple, locator: str) -> list[Block]:
        """A reviewer's comments on the slide (PowerPoint 2002 and later keep them in a tag's data)."""
        out = []
        for tags in _children(self.stream, slide, _PROG_TAGS):
            for tag in _children(self.stream, tags, _BINARY_TAG):
                for data in _children(self.stream, tag, _TAG_DATA):
                    for comment in _records(self.stream, data[3], data[4]):
                        if comment[0] != _COMMENT:
                            continue
                        for found in _children(self.stream, comment, _CSTRING):
                            text = tidy(self.stream[found[3]: found[4]].decode("utf-16-le", "replace"), keep_no_break=True)
                            if found[1] == 1 and text:  # instance 1: the comment's text (0 its author)
                                out.append(Block(text, locator, furniture=True))
        return out

    def _embedded_objects(self) -> int:
        count = 0
        for objects in _children(self.stream, self.document, _EXTERNAL_OBJECTS):
            for found in _children(self.stream, objects):
                count += found[2] and any(child[0] in _EMBEDDED_ATOMS for child in _children(self.stream, found))
        return count


def _decoded(stream: bytes, kind: int, start: int, end: int) -> str:
    raw = stream[start:end]
    if kind == _TEXT_BYTES:  # one byte a character: the low byte of its UTF-16 code
        return raw.decode("latin-1")
    return raw[: len(raw) // 2 * 2].decode("utf-16-le", "replace")


def _option_text(stream: bytes, start: int, end: int, count: int, wanted: int) -> str:
    """A string property of a shape's options (OfficeArtFOPT): `count` 6-byte entries, then the
    complex properties' data in their order."""
    at, data_at = start, start + 6 * count
    for _k in range(count):
        if at + 6 > end:
            break
        opid, value = struct.unpack_from("<HI", stream, at)
        at += 6
        if opid & 0x8000:  # fComplex: its data, `value` bytes long, follows the entries
            if opid & 0x3FFF == wanted and data_at + value <= end:
                return stream[data_at: data_at + value].decode("utf-16-le", "replace").split("\0")[0]
            data_at += value
    return ""
