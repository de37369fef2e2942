"""Gettext catalogues (`.po`), as free software is translated: each entry's `msgid` is the source,
its `msgstr` the translation, and the audit checks the translations against the sources.

As with XLIFF, the translations are aligned with the sources afresh, not taken as the catalogue
pairs them. An entry is located by the line its `msgid` (or its plural form, or its translation)
stands on. The catalogue's header gives its charset and the translation's language; the
source's is read from the text. An entry without a translation leaves its source unmatched, and
the report says it was left out. A plural entry has two forms in English and one to six in the
translation: the forms beyond the other side's are read as page furniture (reported as
boilerplate, never dropped), so that a Polish third form is no addition and a Japanese single
form no omission. Entries marked fuzzy are audited as they stand, and obsolete ones (`#~`), which
no program shows, are not read; a warning counts both.
"""
from __future__ import annotations

import codecs
import logging
import re
import struct
from dataclasses import dataclass, field

from .. import lazy_re
from ..errors import InputError
from ..language import LINE_ENDS_WITH_FINAL_MARK as _ENDS_STATEMENT
from ..wrapping import ITEM_OPENING, OPENING_QUOTES, ends_open, wrap_width, wrapped_at
from .base import BYTE_ORDER_MARKS, Block, Reader, broken, tidy

logger = logging.getLogger("align")

_KEYWORD = lazy_re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(".*)')
_STRING = lazy_re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = lazy_re.compile(r'\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))', re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "", "a": "", "b": "", "f": "\n", "v": "\n", '"': '"', "\\": "\\", "'": "'",
            "?": "?"}
# A vertical tab or a form feed parts a message's text as a line break does: argp's help texts part
# the text before the options from the text after with "\v" ("Generate message catalog.\vIf
# INPUT-FILE is -, ..."), which was dropped, and the two sentences read as one, "catalog.If".
# NUL, bell, backspace and carriage return are no text: a bell before bash's "timed out waiting for
# input" stood in the .mo's sentence and not in its .po's. The same in both.
_MO_CONTROLS = {0x0B: "\n", 0x0C: "\n", 0x07: None, 0x08: None, 0x0D: None}  # NUL parts a .mo's plural forms
_CONTROLS = {**_MO_CONTROLS, 0x00: None}
_CHARSET = lazy_re.compile(rb"charset=\s*([\w.:-]+)", re.IGNORECASE)
# A row of a help text's table of terms, indented, its term (an option, a directive) set apart
# from what it does by two spaces or more: "  %h   number of hard links", "  [-]cread   allow
# input...". Run on, stat's directives were one sentence in English and cut elsewhere in French.
# Not "  or:  %s [OPTION]...", a usage's next line, which French writes "  ou : %s".
_TERM_ROW = lazy_re.compile(r"[ \t]+[%\[+-]\S*(?: \S+)?[ \t]{2,}\S")
_BLANK_LINE = lazy_re.compile(r"\n[ \t]*\n")
_OBSOLETE_ENTRY = lazy_re.compile(r"#~\s*msgid\s")
_LANGUAGE = lazy_re.compile(r"^Language:\s*([\w@-]*)", re.MULTILINE)


@dataclass
class _Entry:
    strings: dict[str, list[str]] = field(default_factory=dict)  # keyword -> its pieces, unescaped
    places: dict[str, str] = field(default_factory=dict)  # keyword -> where it stands ("line 12")
    fuzzy: bool = False

    def text(self, keyword: str) -> str:
        return "".join(self.strings.get(keyword, []))


def _unescape(piece: str) -> str:
    def one(match: re.Match) -> str:
        octal, hexadecimal, char = match.groups()
        if octal:
            return chr(int(octal, 8))
        if hexadecimal:
            return chr(int(hexadecimal, 16))
        return _ESCAPES.get(char, char)

    return _ESCAPE.sub(one, piece).translate(_CONTROLS)


def _entries(text: str) -> tuple[list[_Entry], int]:
    """The catalogue's entries in order, and how many obsolete ones (`#~`) it holds."""
    entries: list[_Entry] = []
    current = _Entry()
    keyword = ""
    obsolete = 0
    flags_pending = False
    number = 0

    def close() -> None:
        nonlocal current, keyword
        if current.strings and "msgid" not in current.strings:
            # A catalogue cut off after 'msgctxt "menu"': the entry had no msgid, a KeyError.
            raise ValueError(f"line {number}: an entry without its msgid (the file cut short?)")
        if current.strings:
            entries.append(current)
        current, keyword = _Entry(), ""

    # A catalogue saved with old Mac line ends ("\r" alone) was one line: "an unterminated string".
    # Only "\n" and "\r" part lines: U+2028 or NEL may stand inside a message as written.
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if not line:
            close()
            flags_pending = False
            continue
        if line.startswith("#~"):
            obsolete += _OBSOLETE_ENTRY.match(line) is not None
            continue
        if line.startswith("#"):
            if current.strings and keyword.startswith("msgstr"):
                close()  # a comment after a translation opens the next entry, blank line or not
            if line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split():
                flags_pending = True
            continue
        opened = _KEYWORD.match(line)
        if opened:
            word = opened.group(1)
            if word in ("msgctxt", "msgid") and keyword.startswith("msgstr"):
                close()
            if word.startswith("msgstr") and "msgid" not in current.strings:
                # 'msgstr "..."' after a blank line, no msgid before it: its text stood nowhere
                # in the report, a KeyError and a traceback.
                raise ValueError(f"line {number}: a translation without its msgid")
            keyword = word
            current.places.setdefault(word, f"line {number}")
            current.fuzzy = current.fuzzy or flags_pending
            flags_pending = False
            line = opened.group(3)
        elif not keyword or not line.startswith('"'):
            raise ValueError(f"line {number}: {raw.strip()[:40]!r} is no part of an entry")
        string = _STRING.match(line)
        if string is None:
            raise ValueError(f"line {number}: an unterminated string")
        current.strings.setdefault(keyword, []).append(_unescape(string.group(1)))
    close()
    return entries, obsolete


def message_blocks(text: str, locator: str, **kinds) -> list[Block]:
    """A program's message as its paragraphs, each a block (every reader of a program's strings
    reads its messages so: Qt's, Java's, Apple's, Xcode's): a blank line inside a message always parts two (a
    usage text's "remove a normal user from the system" / "" / "deluser --group ..."), where in
    plain text a lower-case line after one may go on with the sentence before it."""
    return [_message_block(paragraph, locator, **kinds) for paragraph in _BLANK_LINE.split(text) if paragraph.strip()]


def _message_block(text: str, locator: str, **kinds) -> Block:
    """A message as one block, the line breaks inside it that go on with their sentence read as
    spaces: a help text is hard-wrapped where its writer broke it ("...variable.  Use the" /
    "`--allow-bad-names' option to relax this check"), and the translation elsewhere; cut at every
    break, "Use the" stood alone, a false omission. A blank line parts two paragraphs; an indented
    line that opens an option or an item of a list ("  -a, --all   do not ignore...", a row of
    terms, `_TERM_ROW`) starts its own, where a wrapped line may open on one ("et" / "--backup,
    vous devez...")."""
    if "\n" not in text:
        # Most messages are one line, and their wrapping width was measured all the same: 7 of the
        # 11 s a catalogue of 100,000 entries took to read.
        return Block(tidy(text, keep_no_break=True), locator, **kinds)
    raw_lines = text.split("\n")
    lines = [tidy(line, keep_no_break=True) for line in raw_lines]
    # `tidy` of the whole message drops its blank lines at either end: so here.
    while lines and not lines[0]:
        raw_lines, lines = raw_lines[1:], lines[1:]
    while lines and not lines[-1]:
        raw_lines, lines = raw_lines[:-1], lines[:-1]
    width = wrap_width("\n".join(raw_lines))
    breaks, at = [], 0
    for k, (line, next_line) in enumerate(zip(lines, lines[1:])):
        at += len(line)
        item = (next_line.startswith("-") and raw_lines[k + 1][:1].isspace() or ITEM_OPENING.match(next_line)
                or _TERM_ROW.match(raw_lines[k + 1]))
        if line and next_line and not item and (
                _goes_on(line, next_line) or width is not None and wrapped_at(raw_lines[k], raw_lines[k + 1], width)):
            breaks.append(at)
        at += 1
    return Block("\n".join(lines), locator, run_on_breaks=tuple(breaks), **kinds)


def _goes_on(line: str, next_line: str) -> bool:
    """Whether a message's `line` goes on with its sentence in `next_line`, by what the two say
    themselves: after a sentence's end only where a full stop ends an abbreviation ("e.g." / "the
    file"); else between two letters of a script without case, before a lower-case word, or after a comma or a word in lower-case letters ("Use
    the" / "`--allow-bad-names' option"). Not after "[--lastuid id]": a usage line's "id]" went on
    with the next line in English, and "ID]" in French did not.)"""
    # A quotation opens in lower case where it goes on with the sentence: "Exit Status:" / "bind
    # returns 0" went on in English and "Code de sortie :" / "« bind » renvoie 0" did not, a false
    # addition in each of bash's help texts.
    head = next_line.lstrip().lstrip(OPENING_QUOTES + " \u00a0\u202f")[:1]
    if _ENDS_STATEMENT.search(line):
        return line.rstrip().endswith(".") and head.islower()
    tail = line.rstrip()[-1:]
    if _uncased_letter(tail) and _uncased_letter(head):
        return True  # Japanese or Chinese broken mid-sentence, where no case tells
    words = line.split()
    # A word elided or joined by a hyphen is a word in lower case too: "(Utiliser l’option" /
    # "« --allow-all-names » pour ..." was cut at "l’option", a false addition.
    last = _WORD_JOINERS.sub("", words[-1]) if words else ""
    return head.islower() or bool(words) and (words[-1][-1] in ",;、，；" or last.isalpha() and last.islower()
                                              or _sentence_opened(line))


_WORD_JOINERS = lazy_re.compile(r"['’\-]")
# A sentence's end inside a line, and the words after it.
# (Not an ellipsis: "        ... version:   %s" lines a table under the line above.)
_OPENED_AFTER_END = lazy_re.compile(r"(?<=\w)[.!?][\"'”’)\]]*\s+(\w[^.!?]*)$")


def _sentence_opened(line: str) -> bool:
    """Whether `line` ends in a sentence that opened after another's end on it and has not ended,
    its first word a written word ("...courante.  Sans" / "JOBSPEC, le shell ...", "...PATTERN.
    The" / "`|' is used ..."): a heading stands on a line of its own, so the sentence goes on,
    whatever the next line opens with (a placeholder in capitals, a quotation of code)."""
    fragment = _OPENED_AFTER_END.search(line.rstrip())
    if fragment is None or not ends_open(line):
        return False
    first = _WORD_JOINERS.sub("", fragment.group(1).split()[0])
    return first.isalpha() and first[0].isupper() and first[1:].islower()


def _uncased_letter(char: str) -> bool:
    return char.isalpha() and not char.isupper() and not char.islower()


_HEADER_START = lazy_re.compile(rb'(?:^|[\r\n])[ \t]*msgid[ \t]*""[ \t]*(?:\r?\n|\r)')
_BLANK_BYTES = lazy_re.compile(rb"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")


def _header_bytes(data: bytes) -> bytes:
    """The header entry's bytes (the entry of `msgid ""`, up to the blank line after it), or none.
    Searched in the first 4096 bytes, a catalogue whose translators' credits ran longer was read
    as UTF-8 whatever its header said ("ISO-8859-1"), and refused."""
    start = _HEADER_START.search(data)
    if start is None:
        return b""
    region = data[start.start():start.start() + 65536]
    blank = _BLANK_BYTES.search(region, start.end() - start.start())
    return region[:blank.start()] if blank else region


def _decoded(data: bytes, label: str) -> str:
    """The catalogue in the charset its header declares (UTF-8 where it declares none, or "CHARSET",
    the template's placeholder)."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            # A catalogue saved as UTF-16 by a Windows editor: its header's "charset=UTF-8" (now
            # untrue) was tried and it was refused.
            return data[len(mark):].decode(encoding, "replace")
    declared = _CHARSET.search(_header_bytes(data))
    name = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = "utf-8"
    try:
        return data.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        said = "the charset its header declares" if declared else "as its header declares no charset"
        raise InputError(f"{label}: not readable as a gettext catalogue in {codec}, {said} ({error.reason} at byte "
                         f"{error.start}; a compiled .mo file? give the .po)") from error


class PoReader(Reader):
    name = "po"
    suffixes = (".po", ".pot")
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        head = data[:8192]
        return re.search(rb'(?m)^msgid[ \t]+"', head) is not None and re.search(rb'(?m)^msgstr(\[\d+\])?[ \t]+"',
                                                                                 head) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        text = _decoded(data, label)
        try:
            entries, obsolete = _entries(text)
        except ValueError as error:
            raise broken(label, "a gettext catalogue", error) from error
        return _catalogue_blocks(entries, label, obsolete)


def _catalogue_blocks(entries: list[_Entry], label: str, obsolete: int = 0) -> list[Block]:
    """The blocks of a catalogue's entries, its header's among them: every source, then every
    translation."""
    header = next((entry for entry in entries if entry.text("msgid") == "" and "msgctxt" not in entry.strings), None)
    language = _LANGUAGE.search(header.text("msgstr")) if header is not None else None
    tgt_lang = re.split(r"[-_@]", language.group(1))[0].lower() if language and language.group(1) else ""
    entries = [entry for entry in entries if entry is not header]
    sources: list[Block] = []
    targets: list[Block] = []
    fuzzy = untranslated = 0
    for entry in entries:
        source_forms = [("msgid", entry.text("msgid"))]
        if "msgid_plural" in entry.strings:
            source_forms.append(("msgid_plural", entry.text("msgid_plural")))
        target_forms = sorted((int(keyword[7:-1]), keyword) for keyword in entry.strings if keyword.startswith("msgstr["))
        targets_of = [(keyword, entry.text(keyword)) for _k, keyword in target_forms] or \
            [("msgstr", entry.text("msgstr"))]
        translated = any(target.strip() for _keyword, target in targets_of)
        fuzzy += entry.fuzzy and translated
        untranslated += not translated
        # Which of the more numerous forms a form of the other side renders, only the text says:
        # each of them may stand unmatched ("%lu package was..." against the one Japanese form).
        for keyword, source in source_forms:
            sources += message_blocks(source, entry.places[keyword],
                                       furniture=translated and len(source_forms) > len(targets_of), side="source")
        if not translated:
            continue
        for keyword, target in targets_of:
            targets += message_blocks(target, entry.places[keyword],
                                       furniture=len(targets_of) > len(source_forms), side="target", lang=tgt_lang)
    if entries and not targets:
        raise InputError(f"{label}: a gettext catalogue without translations (a template?): nothing to audit")
    if fuzzy:
        logger.warning("%s: %d entr%s marked fuzzy, which gettext does not use until they are reviewed: audited "
                       "as they stand", label, fuzzy, "y" if fuzzy == 1 else "ies")
    if untranslated:
        logger.warning("%s: %d entr%s without a translation, reported as left out", label, untranslated,
                       "y" if untranslated == 1 else "ies")
    if obsolete:
        logger.warning("%s: %d obsolete entr%s (#~), which no program shows, not read", label, obsolete,
                       "y" if obsolete == 1 else "ies")
    return sources + targets


_MO_MAGIC = {b"\xde\x12\x04\x95": "<", b"\x95\x04\x12\xde": ">"}


def _mo_entries(data: bytes) -> list[_Entry]:
    """The entries of a compiled catalogue (.mo), as GNU gettext lays it out: a table of the
    originals' lengths and offsets, one of the translations'; a context before "\\x04", plural
    forms parted by NULs. Located by their number in it ("entry 12"): a .mo keeps no lines."""
    endian = _MO_MAGIC[data[:4]]
    count, originals, translations = struct.unpack(endian + "3I", data[8:20])
    raw = []
    for k in range(count):
        o_length, o_offset = struct.unpack(endian + "2I", data[originals + 8 * k:originals + 8 * k + 8])
        t_length, t_offset = struct.unpack(endian + "2I", data[translations + 8 * k:translations + 8 * k + 8])
        if o_offset + o_length > len(data) or t_offset + t_length > len(data):
            raise ValueError(f"entry {k + 1} points past the file's end")
        raw.append((data[o_offset:o_offset + o_length], data[t_offset:t_offset + t_length]))
    raw += _mo_system_dependent(data, endian)
    header = next((translation for original, translation in raw if original == b""), b"")
    declared = _CHARSET.search(header)
    codec = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        codec = "utf-8"
    entries = []
    for number, (original, translation) in enumerate(raw, 1):
        original_text, translation_text = original.decode(codec), translation.decode(codec)
        original_text, translation_text = original_text.translate(_MO_CONTROLS), translation_text.translate(_MO_CONTROLS)
        context, _, ids = original_text.rpartition("\x04")
        forms = ids.split("\x00")
        entry = _Entry()
        if context:
            entry.strings["msgctxt"] = [context]
        entry.strings["msgid"] = [forms[0]]
        if len(forms) > 1:
            entry.strings["msgid_plural"] = [forms[1]]
            for form, text in enumerate(translation_text.split("\x00")):
                entry.strings[f"msgstr[{form}]"] = [text]
        else:
            entry.strings["msgstr"] = [translation_text]
        entry.places = dict.fromkeys(entry.strings, f"entry {number}")
        entries.append(entry)
    return entries


def _mo_system_dependent(data: bytes, endian: str) -> list[tuple[bytes, bytes]]:
    """The system-dependent messages of a catalogue of minor revision 1 (`%<PRIuMAX>`, and glibc's
    `%Id` in translations), which GNU gettext keeps in tables of their own, after the others: each
    a run of fixed pieces parted by the names of the macros they take, written back as the .po writes
    them ("I" as it stands, others in angle brackets). Not read, coreutils' and GTK's catalogues had
    their messages with a 64-bit count left out of every report (5 of gdk-pixbuf's Arabic 197)."""
    revision, = struct.unpack(endian + "I", data[4:8])
    if revision & 0xFFFF < 1 or len(data) < 48:
        return []
    segments, segment_table, strings, originals, translations = struct.unpack(endian + "5I", data[28:48])
    names = []
    for k in range(segments):
        length, offset = struct.unpack(endian + "2I", data[segment_table + 8 * k:segment_table + 8 * k + 8])
        name = data[offset:offset + length].rstrip(b"\0")
        names.append(name if name == b"I" else b"<" + name + b">")

    def string(table: int, k: int) -> bytes:
        at, = struct.unpack(endian + "I", data[table + 4 * k:table + 4 * k + 4])
        offset, = struct.unpack(endian + "I", data[at:at + 4])
        pieces = []
        for _ in range(len(data)):
            at += 4
            size, reference = struct.unpack(endian + "2I", data[at:at + 8])
            at += 4
            if offset + size > len(data):
                raise ValueError(f"system-dependent message {k + 1} points past the file's end")
            pieces.append(data[offset:offset + size])
            offset += size
            if reference == 0xFFFFFFFF:
                break
            pieces.append(names[reference])
        whole = b"".join(pieces)
        return whole[:-1] if whole.endswith(b"\0") else whole  # the terminator; an empty last form stays

    return [(string(originals, k), string(translations, k)) for k in range(strings)]


class MoReader(Reader):
    """Compiled gettext catalogues (.mo), as a program installs them: read as their .po is."""

    name = "mo"
    suffixes = (".mo", ".gmo")
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return data[:4] in _MO_MAGIC

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            entries = _mo_entries(data)
        except (ValueError, struct.error, UnicodeDecodeError, IndexError) as error:
            raise broken(label, "a compiled gettext catalogue", error) from error
        return _catalogue_blocks(entries, label)
