"""Qt Linguist's translation files: `.ts`, the XML file translators work in, and `.qm`, the
compiled file a Qt program loads (Debian ships them as it ships gettext's .mo files).

A `.ts` is bilingual, as an XLIFF file is: in each `<context>` (a class or a form of the program),
each `<message>` has its `<source>` and its `<translation>`; the `<TS>` element names the
translation's language (`language="fr_FR"`) and, often, the source's (`sourcelanguage="en"`). The
audit aligns the translations with the sources afresh, as it does a gettext catalogue's. A message
is located by its context and its number in it ("context MainWindow, message 3"), as Qt Linguist
lists them, or by its id where the program names its messages (`<message id="...">`, "key ...").

The text is read as the program shows it: a mnemonic's "&" ("&File", "E&xit", Japanese
"ファイル(&F)") left out, as Qt underlines the letter after it instead ("&&" is one "&"); a rich
text (what Qt takes for HTML: a tag before the first line break, as Designer writes a tooltip,
"<html><head/><body><p>...</p></body></html>") read as its paragraphs, its tags and style sheet
left out and its entities undone; a character XML cannot hold, which Qt writes `<byte value="x7"/>`,
read as gettext's are. Not read, as no text of the program: the locations in its code, the
disambiguating `<comment>`, the notes `<extracomment>` and `<translatorcomment>`, `<oldsource>`.

As in a gettext catalogue: a translation marked unfinished is audited as it stands (lrelease
compiles it unless told not to) and counted in a warning; a message with no translation leaves
its source unmatched, reported left out; obsolete and vanished messages (`type="obsolete"`,
`"vanished"`: gone from the program) are not read, counted in a warning. A plural message
(`numerus="yes"`) has one source, "%n file(s)", and one to six forms in the translation: the forms
after the first are read as boilerplate, never dropped, so that a Russian third form is no
addition. The variants of a translation for narrower screens (`<lengthvariant>`) after the first
are boilerplate too.

A `.qm` holds, for each message, its translation (its plural forms and length variants), and, as
lrelease writes it (Qt 5.15's, `-compress` or not; the 613 files of Debian's qttranslations5-l10n
and qt6-translations-l10n, ReText's 33), its context and source text, sorted by context and
source: a message is located by its context and its number in the file ("context MainWindow,
entry 12"). It holds no untranslated message, and does not tell an unfinished one. Compiled by
id (`lrelease -idbased`), it keeps each message's id where the source stands, and no context: it
cannot be audited, and the error says to give the .ts; so does a .qm that only names the files it
loads (Qt's qt_fi.qm).

Read as plain text before, a .ts file's tags, locations and comments were the report's sentences
(vorta's German: 2753 "source" sentences for its 526 messages, 513 omissions); a .qm was refused
as a binary file.
"""
from __future__ import annotations

import html
import logging
import re
import struct
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .. import lazy_re
from ..errors import InputError
from .base import Block, Reader, broken, tag_language, xml_head
from .po import message_blocks

logger = logging.getLogger("align")

_RICH_TAGS = ("html|head|body|p|br|b|i|u|s|a|h[1-6]|div|span|ul|ol|li|table|tr|td|th|font|em|strong|big|small|"
              "code|pre|tt|sup|sub|img|hr|nobr|center|qt|dl|dt|dd|blockquote|style|meta|cite|dfn|kbd|samp|var")
# Qt's `mightBeRichText`: a tag it knows, before the first line break.
_RICH_OPENING = lazy_re.compile(rf"^[^\n]*?<(?:!doctype\b|/?(?:{_RICH_TAGS})\b[^<>]*>)", re.IGNORECASE)
_HIDDEN_PART = lazy_re.compile(r"<(head|style|script)\b[^>]*>.*?</\1\s*>|<head\s*/>|<!--.*?-->|<!doctype[^>]*>",
                               re.IGNORECASE | re.DOTALL)
_PARAGRAPH_TAG = lazy_re.compile(r"</?(?:p|div|h[1-6]|ul|ol|li|table|tr|blockquote|dl|dt|dd|pre|center|hr)\b[^<>]*>",
                                 re.IGNORECASE)
_BREAK_TAG = lazy_re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_CELL_TAG = lazy_re.compile(r"</?t[dh]\b[^<>]*>", re.IGNORECASE)
_ANY_TAG = lazy_re.compile(r"</?[a-zA-Z][^<>]*>")
_WHITE = lazy_re.compile(r"[ \t\r\n]+")
_MNEMONIC = lazy_re.compile(r"&(&|(?=[^\W_]))")
# Characters no text holds, as the gettext readers read them: a vertical tab or form feed is a
# line break; NUL, bell, backspace and carriage return nothing.
_CONTROLS = {0x0B: "\n", 0x0C: "\n", 0x00: None, 0x07: None, 0x08: None, 0x0D: None}
# Qt writes a translation's length variants one after the other, parted by this character.
_VARIANT_SEPARATOR = "\x9c"


def shown(text: str) -> str:
    """A Qt string as the program shows it: a rich text's paragraphs parted by blank lines, its
    line breaks kept, its tags left out and its entities undone; a plain text without its
    mnemonics' "&"."""
    text = text.translate(_CONTROLS)
    if _RICH_OPENING.match(text) is None:
        return _MNEMONIC.sub(lambda match: match.group(1), text)
    text = _HIDDEN_PART.sub("", text)
    text = _CELL_TAG.sub(" ", text)
    pieces = []
    for paragraph in _PARAGRAPH_TAG.split(text):
        lines = [_WHITE.sub(" ", html.unescape(_ANY_TAG.sub("", line))).strip() for line in _BREAK_TAG.split(paragraph)]
        if any(lines):
            pieces.append("\n".join(lines).strip("\n"))
    return "\n\n".join(pieces)


@dataclass
class _Message:
    locator: str
    source: str
    forms: list[str] = field(default_factory=list)  # the translation's forms; several in a plural
    plural: bool = False
    unfinished: bool = False


def _message_texts(message: _Message, src_lang: str, tgt_lang: str) -> tuple[list[Block], list[Block]]:
    """A message's source blocks and translation blocks: a plural's forms after the first and
    the length variants after a form's first are boilerplate."""
    sources = message_blocks(shown(message.source), message.locator, side="source", lang=src_lang)
    targets = []
    for number, form in enumerate(message.forms):
        for variant, text in enumerate(form.split(_VARIANT_SEPARATOR)):
            targets += message_blocks(shown(text), message.locator, side="target", lang=tgt_lang,
                                       furniture=number > 0 or variant > 0)
    return sources, targets


def _file_blocks(messages: list[_Message], label: str, kind: str, src_lang: str, tgt_lang: str,
                 obsolete: int = 0) -> list[Block]:
    """The blocks of a file's messages: every source, then every translation; warnings count the
    unfinished, untranslated and obsolete messages."""
    sources: list[Block] = []
    targets: list[Block] = []
    unfinished = untranslated = 0
    for message in messages:
        message_sources, message_targets = _message_texts(message, src_lang, tgt_lang)
        sources += message_sources
        translated = bool(message_targets)
        if not translated and not message_sources:
            continue  # a context's comment, which lupdate writes as a message with no source
        untranslated += not translated
        unfinished += translated and message.unfinished
        if translated:
            targets += message_targets
    if sources and not targets:
        raise InputError(f"{label}: {kind} without translations (a template?): nothing to audit")
    if unfinished:
        logger.warning("%s: %d message%s marked unfinished, which Qt shows all the same unless lrelease is told "
                       "not to: audited as %s stand%s", label, unfinished, "" if unfinished == 1 else "s",
                       "it" if unfinished == 1 else "they", "s" if unfinished == 1 else "")
    if untranslated:
        logger.warning("%s: %d message%s without a translation, reported as left out", label, untranslated,
                       "" if untranslated == 1 else "s")
    if obsolete:
        logger.warning("%s: %d obsolete message%s (gone from the program), not read", label, obsolete,
                       "" if obsolete == 1 else "s")
    return sources + targets


# --- .ts ---------------------------------------------------------------------------------------

def _ts_text(element: ElementTree.Element | None) -> str:
    """An element's text, Qt's `<byte value="x7"/>` read as the character it stands for."""
    if element is None:
        return ""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "byte":
            value = child.get("value", "")
            try:
                pieces.append(chr(int(value[1:], 16) if value[:1] in "xX" else int(value)))
            except (ValueError, OverflowError):
                pass  # no character: nothing the program shows
        elif child.tag != "lengthvariant":
            pieces.append(_ts_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _ts_form(element: ElementTree.Element) -> str:
    """A translation's (or plural form's) text, its length variants parted as a .qm parts them."""
    variants = element.findall("lengthvariant")
    if element.get("variants") == "yes" or variants:
        return _VARIANT_SEPARATOR.join(_ts_text(variant) for variant in variants)
    return _ts_text(element)




# The document's opening: an XML declaration, comments, the doctype, then the <TS> element.
_TS_OPENING = lazy_re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*(?:<!DOCTYPE\s+TS\s*>\s*)?<TS[\s>/]",
                              re.DOTALL)


def _ts_messages(root: ElementTree.Element) -> tuple[list[_Message], int]:
    """The messages a program shows, and how many obsolete ones the file holds."""
    if root.tag != "TS":
        raise ValueError(f"the root element is {root.tag!r}, not 'TS'")
    messages, obsolete = [], 0
    for context in root.iter("context"):
        name = _ts_text(context.find("name")).strip()
        for number, message in enumerate(context.findall("message"), 1):
            translation = message.find("translation")
            state = translation.get("type", "") if translation is not None else ""
            if state in ("obsolete", "vanished"):
                obsolete += 1
                continue
            plural = message.get("numerus") == "yes"
            if translation is None:
                forms = []
            elif plural:
                forms = [_ts_form(form) for form in translation.findall("numerusform")]
            else:
                forms = [_ts_form(translation)]
            locator = f"key {message.get('id')}" if message.get("id") else \
                f"context {name}, message {number}" if name else f"message {number}"
            messages.append(_Message(locator, _ts_text(message.find("source")), forms, plural,
                                     state == "unfinished"))
    return messages, obsolete


class TsReader(Reader):
    """Qt Linguist's .ts files, by their content only: TypeScript's .ts files are read as text."""

    name = "qt-ts"
    suffixes = ()
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return _TS_OPENING.match(xml_head(data)) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(data)  # bytes: the parser honours the declared encoding
            messages, obsolete = _ts_messages(root)
        except (ElementTree.ParseError, ValueError, RecursionError) as error:  # elements nested past Python's stack
            raise broken(label, "a Qt Linguist file", error) from error
        return _file_blocks(messages, label, "a Qt Linguist file", tag_language(root.get("sourcelanguage")),
                            tag_language(root.get("language")), obsolete)


# --- .qm ---------------------------------------------------------------------------------------

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES, _DEPENDENCIES, _LANGUAGE_SECTION = 0x69, 0x96, 0xA7
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def _qm_sections(data: bytes) -> dict[int, bytes]:
    """A .qm's sections by their tag: the messages, the language, the hashes..."""
    sections, at = {}, len(QM_MAGIC)
    while at < len(data):
        if at + 5 > len(data):
            raise ValueError(f"a section cut short at byte {at}")
        tag, length = data[at], struct.unpack(">I", data[at + 1:at + 5])[0]
        if at + 5 + length > len(data):
            raise ValueError(f"section {tag:#x} runs past the file's end")
        sections[tag] = data[at + 5:at + 5 + length]
        at += 5 + length
    return sections


def _qm_bytes(block: bytes, at: int) -> tuple[bytes | None, int]:
    """A length-prefixed string of the messages' section and where the next field starts."""
    length, = struct.unpack(">I", block[at:at + 4])
    if length == 0xFFFFFFFF:
        return None, at + 4
    if at + 4 + length > len(block):
        raise ValueError(f"a string at byte {at} of the messages runs past their end")
    return block[at + 4:at + 4 + length], at + 4 + length


def _source_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # Qt 4's lrelease wrote Latin-1 where the sources were


def _qm_records(block: bytes):
    """(context, source text or None, translations) of each message, in the file's order."""
    at = 0
    while at < len(block):
        context, source, translations = "", None, []
        while True:
            if at >= len(block):
                raise ValueError("a message cut short at the end of the messages")
            tag, at = block[at], at + 1
            if tag == _END:
                break
            if tag == _OBSOLETE1:
                at += 4
            elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
                raw, at = _qm_bytes(block, at)
                if tag == _TRANSLATION:
                    if raw is not None and len(raw) % 2:
                        raise ValueError(f"a translation of an odd number of bytes before byte {at}")
                    # Half an emoji (a lone surrogate) is read as U+FFFD, as a decoder reads a bad byte: the
                    # file's other messages are no less readable.
                    translations.append(raw.decode("utf-16-be", "replace") if raw is not None else "")
                elif tag == _SOURCE and raw is not None:
                    source = _source_text(raw)
                elif tag == _CONTEXT and raw is not None:
                    context = _source_text(raw)
            else:
                raise ValueError(f"an unknown field {tag:#x} at byte {at - 1} of the messages")
        yield context, source, translations


# A message's id, as a program keyed by ids names it ("storm.title", "msg_open"): no sentence.
_MESSAGE_ID = lazy_re.compile(r"[\w.:-]+")


def _qm_strings(raw: bytes) -> list[str]:
    """The UTF-16 strings of the dependencies' section, each after its length."""
    strings, at = [], 0
    while at + 4 <= len(raw):
        value, at = _qm_bytes(raw, at)
        strings.append(value.decode("utf-16-be", "replace") if value else "")
    return strings


def _qm_messages(data: bytes, label: str) -> tuple[list[_Message], str]:
    """The messages of a compiled file and its translation's language."""
    sections = _qm_sections(data)
    records = list(_qm_records(sections.get(_MESSAGES, b"")))
    if not records and sections.get(_DEPENDENCIES):
        # Qt's qt_fi.qm: the names of the files it loads, and no message of its own.
        names = ", ".join(f"{name}.qm" for name in _qm_strings(sections[_DEPENDENCIES]))
        raise InputError(f"{label}: a compiled Qt translation that holds no messages, only the names of the files "
                         f"it loads ({names}): give those")
    if records and all(not context and (source is None or _MESSAGE_ID.fullmatch(source))
                       for context, source, _forms in records):
        # lrelease -idbased keeps each message's id where the source text stands, and no context.
        raise InputError(f"{label}: a compiled Qt translation keyed by ids (lrelease -idbased), which keeps no "
                         "source texts: it cannot be audited; give its .ts file")
    messages = []
    for number, (context, source, forms) in enumerate(records, 1):
        locator = f"context {context}, entry {number}" if context else f"entry {number}"
        messages.append(_Message(locator, source or "", forms, len(forms) > 1))
    language = sections.get(_LANGUAGE_SECTION, b"").decode("ascii", "replace")
    return messages, language


class QmReader(Reader):
    """Compiled Qt translations (.qm), as a program installs them: read as their .ts is."""

    name = "qt-qm"
    suffixes = (".qm",)
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        return data.startswith(QM_MAGIC)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        if not data.startswith(QM_MAGIC):
            raise broken(label, "a compiled Qt translation", ValueError("no .qm signature at its start"))
        try:
            messages, language = _qm_messages(data, label)
        except InputError:
            raise
        except (ValueError, struct.error, UnicodeDecodeError) as error:
            raise broken(label, "a compiled Qt translation", error) from error
        return _file_blocks(messages, label, "a compiled Qt translation", "", tag_language(language))
