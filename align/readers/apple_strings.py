"""An Apple or GNUstep program's strings, one language a file (`fr.lproj/Localizable.strings`,
`French.lproj/Localizable.strings`): each `"key" = "value";` entry is a block, in the file's order,
located by its key ("key Cancel": the key is mostly the English text itself), read as the
program shows the value: the escapes undone (\\n, \\", \\U00E9 and \\u60c5, octal), comments
(/* */ and //) and the key not read. A file may be UTF-16 (as Xcode wrote them and GNUstep's
GNUMail ships them), UTF-8 or ASCII with escapes, or a property list (an app bundle's compiled
binary one, or XML). `.stringsdict` files hold a message's plural forms: each form is a block
("key %d items.one"), the forms English has none of ("zero", "two", "few", "many") furniture, as
the Android reader reads them.

Read as plain text before, every key stood in the French as English words, and a file in UTF-16
or in escapes (GNUstep's Japanese) was "English": refused as two texts in one language.
"""
from __future__ import annotations

import codecs
import re

from .. import lazy_re
from ..errors import InputError
from .base import BYTE_ORDER_MARKS, ENGLISH_PLURALS, Block, Reader, broken
from .po import message_blocks

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", '"': '"', "'": "'",
            "\\": "\\", "\n": "\n"}
# A token of the old-style property list: a quoted string, a word written without quotes, a sign.
_TOKEN = lazy_re.compile(r'\s+|/\*.*?\*/|//[^\n]*|"((?:[^"\\]|\\.)*)"|([\w$+/:.\-]+)|([=;])|(.)', re.DOTALL)
_ESCAPE = lazy_re.compile(r"\\(U[0-9a-fA-F]{4}|u[0-9a-fA-F]{4}|[0-7]{1,3}|.)", re.DOTALL)


def _unescaped(text: str) -> str:
    def one(match) -> str:
        code = match.group(1)
        if code[0] in "Uu" and len(code) == 5:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    # Two escaped halves of a character beyond the basic plane ("\UD83D\UDE00") make one.
    return _ESCAPE.sub(one, text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def decoded(data: bytes) -> str:
    """The text of a .strings file: by its byte-order mark, else UTF-16 where every other byte of
    its first characters is zero (Xcode's files without a mark), else UTF-8."""
    for mark, encoding in BYTE_ORDER_MARKS + ((codecs.BOM_UTF8, "utf-8"),):
        if data.startswith(mark):
            return data[len(mark):].decode(encoding)
    head = data[:200]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return data.decode("utf-16-le")
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4:
        return data.decode("utf-16-be")
    return data.decode("utf-8")


def entries(text: str):
    """(key, value, line) of every entry in the file's order; a key without a value ("key";)
    stands for itself."""
    tokens = []
    for match in _TOKEN.finditer(text):
        quoted, bare, sign, stray = match.groups()
        if stray is not None:
            line = text.count("\n", 0, match.start()) + 1
            raise ValueError(f"line {line}: {stray!r} where a string, '=' or ';' was due")
        if quoted is not None:
            tokens.append(("string", _unescaped(quoted), match.start()))
        elif bare is not None:
            tokens.append(("string", bare, match.start()))
        elif sign is not None:
            tokens.append((sign, sign, match.start()))
    k = 0
    line, counted = 1, 0  # the line of tokens[k], counted on from the last token's (from the file's start, 26 s at 3 MB)
    while k < len(tokens):
        kind, key, at = tokens[k]
        line += text.count("\n", counted, at)
        counted = at
        if kind != "string":
            raise ValueError(f"line {line}: {key!r} where a key was due")
        following = [token[0] for token in tokens[k + 1:k + 4]]
        if following[:1] == [";"]:
            yield key, key, line
            k += 2
        elif following == ["=", "string", ";"] or following == ["=", "string"] and k + 3 == len(tokens):
            yield key, tokens[k + 2][1], line  # the last entry's ";" may be missing: Apple's reader takes it
            k += 4
        elif following[:2] == ["=", "string"]:
            # The program's own reader stops here and shows none of the file: said with the line.
            raise ValueError(f"line {line}: the entry of {key[:40]!r} does not end on ';' after its value "
                             f"(a ';' left out, or a '\"' inside the value not written '\\\"')")
        else:
            raise ValueError(f"line {line}: the entry of {key[:40]!r} is not \"key\" = \"value\";")


def _plist_strings(value, path: str, furniture: bool = False):
    """(key path, text, furniture) of a property list's strings: a .strings file's flat dictionary, or
    a .stringsdict's plural rules."""
    if isinstance(value, str):
        yield path, value, furniture
    elif isinstance(value, dict):
        for key, child in value.items():
            if key in ("NSStringFormatSpecTypeKey", "NSStringFormatValueTypeKey"):
                continue  # the rule's type and the argument's format: no text
            child_path = f"{path}.{key}" if path else key
            extra = isinstance(child, str) and "NSStringFormatSpecTypeKey" in value and key not in ENGLISH_PLURALS
            yield from _plist_strings(child, child_path, furniture or extra)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _plist_strings(child, f"{path}.{index}", furniture)


# A message that is only its plural rule's reference ("%#@items@") shows nothing of its own.
_RULE_ONLY = lazy_re.compile(r"\s*(?:%#@\w+@\s*)+")


class AppleStringsReader(Reader):
    name = "strings"
    suffixes = (".strings", ".stringsdict")

    def sniff(self, data: bytes) -> bool:
        return False  # by the name alone: a text of quoted lines is not a program's strings

    def blocks(self, data: bytes, label: str) -> list[Block]:
        if data.startswith(b"bplist00") or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<?xml", b"<plist", b"<!DOCTYPE plist")):
            import plistlib  # only for a compiled or XML file: its parsers cost every process 6 ms

            try:
                value = plistlib.loads(data)
            except Exception as error:  # plistlib raises what its parsers raise: InvalidFileException, ExpatError, ValueError...
                raise broken(label, "a property list of strings", error) from error
            found = [(path, text, furniture) for path, text, furniture in _plist_strings(value, "")
                     if not _RULE_ONLY.fullmatch(text)]
        else:
            try:
                found = [(key, value, False) for key, value, _line in entries(decoded(data))]
            except UnicodeDecodeError as error:
                raise InputError(f"{label}: cannot be read as Apple strings (neither UTF-16 nor UTF-8: {error.reason} "
                                 f"at byte {error.start})") from error
            except ValueError as error:
                raise broken(label, "Apple strings", error) from error
        return [block for key, value, furniture in found if value.strip()
                for block in message_blocks(value, f"key {key}", furniture=furniture)]
