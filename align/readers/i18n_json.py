"""A program's strings in JSON, as i18next, vue-i18n, Angular's and most web frameworks keep one
language a file ({"app": {"title": "Storm report", ...}}): each string value is a block, in the
order the file writes it, located by its key's path ("key app.title", "key days.2"). The keys
are the program's names for the strings, not text, and are not read; nor are numbers, true,
false or null. Read as plain text, the braces, quotes and keys were the sentences of the report.
"""
from __future__ import annotations

import json

from .. import lazy_re
from .base import Block, Reader, broken, tidy


class _Object(list):
    """A JSON object as the (key, value) pairs it writes, each kept: json.loads' dict kept the last
    of two values under one key ("title" twice in a file merged by hand), the first was lost unsaid."""


# A lone surrogate escape ("\\ud800", half of an emoji cut off) is no character: it stood in the
# text as one and the language detector's traceback ended the run. Read as U+FFFD, as a decoder
# reads a byte it cannot.
_LONE_SURROGATE = lazy_re.compile("[\ud800-\udfff]")


def _strings(value, path: str):
    """(key path, text) of every string under `value`, in the file's order. Walked with a stack of
    its own: nested 900 deep, as json.loads still reads, the recursion ran out of Python's stack."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, _LONE_SURROGATE.sub("\ufffd", value)
        elif isinstance(value, _Object):
            stack.extend(reversed([(f"{path}.{key}" if path else str(key), child) for key, child in value]))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{path}.{index}" if path else str(index), child)
                                   for index, child in enumerate(value)]))


def _loads(text: str):
    """json.loads, every key's value kept; a value nested too deep for it (thousands of "[") is a
    ValueError like any other broken JSON, not the RecursionError's traceback."""
    try:
        return json.loads(text.lstrip("\ufeff"), object_pairs_hook=_Object)
    except RecursionError:
        raise ValueError("nested too deeply to read") from None


def _parsed(text: str):
    """The JSON value of `text`, or None when it is none, or holds no string to read."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("{", "["):
        return None
    try:
        value = _loads(text)
    except ValueError:
        return None
    return value if next(_strings(value, ""), None) is not None else None


class JsonStringsReader(Reader):
    name = "json"
    suffixes = (".json",)
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        # Only a whole JSON document of strings: a text that opens on a brace is read as text.
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if head not in (b"{", b"["):
            return False
        try:
            return _parsed(data.decode("utf-8")) is not None
        except UnicodeDecodeError:
            return False

    def blocks(self, text: str, label: str) -> list[Block]:
        value = _parsed(text)
        if value is None:
            try:
                _loads(text)
            except ValueError as error:
                raise broken(label, "JSON", error) from error
            return []
        return [Block(tidy(string), f"key {path}" if path else "key (the whole file)")
                for path, string in _strings(value, "") if string.strip()]
