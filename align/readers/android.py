"""An Android app's strings (res/values*/strings.xml), one language a file: each <string>, each
item of a <string-array> and of a <plurals> is a block, in the file's order, located by its name
("key app_name", "key days.2", "key shelters.other", as a JSON file's strings are). The text is read as the app
shows it: Android's escapes undone (\\' \\" \\n \\t \\@ \\?), a value in double quotes without them,
markup (<b>, <xliff:g>) kept as its text. A string marked translatable="false" and a plural's
forms that English has none of ("zero", "two", "few", "many", which other languages have) are
page furniture, reported as boilerplate, never dropped. Read as a web page or as text before, the
tags were the sentences of the report.

A file in UTF-16 or UTF-32 (with its byte-order mark, or opening on "<" in UTF-16), as Windows
editors save it, is read as one in UTF-8: it was read as plain text, its tags the sentences. An
<array> (typed or not) is read item by item as a <string-array> is; it was left out. A resource
reference ("@string/app_name", "@drawable/sun", "?attr/colorPrimary") as a string or an item, and
a number, a colour or a dimension in an <array>, are no text and are not read, as an
<integer-array> is not: the app shows what the reference names, read where that is defined (a
<string-array>'s "10" is a picker's text and is read).
"""
from __future__ import annotations

import re
from xml.etree import ElementTree

from .. import lazy_re
from .base import BYTE_ORDER_MARKS, ENGLISH_PLURALS, Block, Reader, broken, tidy

_ESCAPE = lazy_re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_ESCAPES = {"n": "\n", "t": "\t", "'": "'", '"': '"', "@": "@", "?": "?", "\\": "\\"}
# What an array's item may hold that is no text: a reference to a resource, a number, a colour, a
# dimension ("16dp").
_REFERENCE = lazy_re.compile(r"[@?](?:\+?[\w.]+:)?\+?\w+/[\w.]+|@null|@empty")
_NOT_TEXT = lazy_re.compile(_REFERENCE.pattern + r"|[-+]?\d+(?:\.\d+)?(?:dp|dip|sp|px|pt|in|mm|%)?|#[0-9a-fA-F]{3,8}")
_ARRAYS = ("string-array", "array", "plurals")
_ENCODING_DECLARED = lazy_re.compile(r"""(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")
_EMPTY_RESOURCES = lazy_re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*"
                                   rb"<resources\b[^>]*(?:/>|>\s*(?:<!--(?:(?!-->).)*-->\s*)*</resources>)\s*$", re.DOTALL)


def _unescaped(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"' and not text.endswith('\\"'):
        text = text[1:-1]  # a value quoted whole keeps its spaces and apostrophes as written

    def one(match) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 and code[0] == "u" else _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, text)


def _text(element: ElementTree.Element) -> str:
    return _unescaped("".join(element.itertext()))


def _as_utf8(data: bytes) -> bytes:
    """`data` in UTF-8 where it is in UTF-16 or UTF-32 (by its byte-order mark, or its "<" in
    UTF-16), its XML declaration's encoding said so; any other as it is."""
    encoding = next((name for mark, name in BYTE_ORDER_MARKS if data.startswith(mark)), None)
    if encoding is None and data[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-le" if data[:1] == b"<" else "utf-16-be"
    if encoding is None:
        return data
    text = data.decode(encoding, "replace").lstrip("\ufeff")
    return _ENCODING_DECLARED.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


class AndroidStringsReader(Reader):
    name = "android"
    suffixes = ()

    def sniff(self, data: bytes) -> bool:
        data = _as_utf8(data)  # the same bytes unless in UTF-16 or UTF-32
        head = data[:4096]
        # An empty "<resources/>" (a language not begun) was read as text, its XML declaration
        # and tag the sentences of the report.
        return b"<resources" in head and (b"<string" in data or b"<plurals" in data or b"<array" in data or b'type="string"' in data) or \
            _EMPTY_RESOURCES.match(head) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(_as_utf8(data))
        except ElementTree.ParseError as error:
            raise broken(label, "Android strings", error) from error
        except LookupError as error:  # an XML declaration naming no encoding Python knows: a traceback
            raise broken(label, "Android strings", error) from None
        out = []
        for element in root:
            name = element.get("name", "")
            fixed = element.get("translatable") == "false"
            # `<item name="x" type="string">`, as Android also writes a string: its text was left out.
            if element.tag == "string" or element.tag == "item" and element.get("type") == "string":
                text = tidy(_text(element))
                if not _REFERENCE.fullmatch(text):  # an alias ("@string/app_name") is read where it points
                    out.append(Block(text, f"key {name}", furniture=fixed))
            elif element.tag in _ARRAYS:
                for index, item in enumerate(element.iter("item")):
                    quantity = item.get("quantity")
                    text = tidy(_text(item))
                    if element.tag == "array" and _NOT_TEXT.fullmatch(text) or \
                            element.tag == "string-array" and _REFERENCE.fullmatch(text):
                        continue  # "@drawable/sun", "42": no text, as an <integer-array>'s items are none
                    where = f"key {name}.{quantity or index}"
                    extra = quantity is not None and quantity not in ENGLISH_PLURALS
                    out.append(Block(text, where, furniture=fixed or extra))
        return [block for block in out if block.text]
