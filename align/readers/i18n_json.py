"""A program's strings in JSON, as i18next, vue-i18n, Angular's and most web frameworks keep one
language a file ({"app": {"title": "Storm report", ...}}): each string value is a block, in the
order the file writes it, located by its key's path ("key app.title", "key days.2"). The keys
are the program's names for the strings, not text, and are not read; nor are numbers, true,
false or null. Read as plain text, the braces, quotes and keys were the sentences of the report.
"""
from __future__ import annotations

import json

from .base import Block, Reader, broken, tidy


def _strings(value, path: str):
    """(key path, text) of every string under `value`, in the file's order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, f"{path}.{index}" if path else str(index))


def _parsed(text: str):
    """The JSON value of `text`, or None when it is none, or holds no string to read."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("{", "["):
        return None
    try:
        value = json.loads(text.lstrip("\ufeff"))
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
                json.loads(text.lstrip("\ufeff"))
            except ValueError as error:
                raise broken(label, "JSON", error) from error
            return []
        return [Block(tidy(string), f"key {path}" if path else "key (the whole file)")
                for path, string in _strings(value, "") if string.strip()]
