"""A Java program's strings (`Messages.properties`, `Messages_fr.properties`, as resource bundles
and most Java, Android-Studio and Eclipse projects keep them), one language a file: each
`key=value` entry is a block, in the file's order, located by its key ("key dialog.title"), read
as `java.util.Properties.load` reads it: a value goes on over lines that end in a backslash, the
escapes (\\uXXXX, \\t, \\n, \\=, \\:) are undone, comments (# and !) are not read. Read as plain
text, the keys were words of the sentences, lines run together as a wrapped paragraph, and a
French file's "V\\u00e9rifiez" was the report's French.

Resource bundles are shown through java.text.MessageFormat, which shows a doubled apostrophe as
one: Jakarta Servlet's French "La méthode HTTP GET n''est pas supportée" has no argument and is
still shown "n'est"; a doubled apostrophe meant as two is in no translation we have seen. A value
that opens on "<html>" is shown by Swing as a web page: its tags are not read, a <br> breaks the
line, and a sentence goes on over a break as in a program's message of several lines (read as the
gettext reader reads one: "...might<br>greatly reduce..." is one sentence).

A bundle keeps beside its strings values no one reads as text: icons' paths, file extensions,
colours, identifiers, booleans, Swing's key strokes ("control shift S", "DELETE") and mnemonics ("E"), shapes
(an SVG path's data), formats of placeholders alone ("%s × %s", "45°"). A translation leaves them out, the default bundle's
standing in: they are furniture (boilerplate), not 170 sentences "left out" of Sweet Home 3D's
French.
"""
from __future__ import annotations

import html
import re

from .. import lazy_re
from .base import Block, Reader, broken
from .po import message_blocks

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
# The separator between a key and its value: the first "=", ":" or white space the key does not
# escape, with the white space around it.
_KEY_END = lazy_re.compile(r"(?:\\.|[^=:\s\\])*")
_SEPARATOR = lazy_re.compile(r"[ \t\f]*[=:]?[ \t\f]*")
_ESCAPE = lazy_re.compile(r"\\(u[0-9a-fA-F]{4}|u|.|$)", re.DOTALL)


def _unescaped(text: str, line: int) -> str:
    def one(match) -> str:
        code = match.group(1)
        if code.startswith("u"):
            if len(code) != 5:
                raise ValueError(f"line {line}: a \\u escape without four hex digits")
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, text)


def _continued(line: str) -> bool:
    """Whether a line goes on on the next: it ends in an odd number of backslashes."""
    stripped = line.rstrip("\\")
    return (len(line) - len(stripped)) % 2 == 1


def entries(text: str):
    """(key, value, line number) of every entry in the file's order, a key written twice each time
    (Java keeps the last; the first is still text the user gave)."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        first = number + 1
        logical = lines[number].lstrip(" \t\f")
        number += 1
        if not logical or logical[0] in "#!":
            continue  # a comment never goes on to the next line, even after a backslash
        while _continued(logical) and number < len(lines):
            logical = logical[:-1] + lines[number].lstrip(" \t\f")
            number += 1
        if _continued(logical):
            logical = logical[:-1]  # the file's last line ends on a backslash: Java drops it
        key = _KEY_END.match(logical).group()
        value = logical[_SEPARATOR.match(logical, len(key)).end():]
        yield _unescaped(key, first), _unescaped(value, first), first


# A value of paths, file names or extensions, addresses, colours, identifiers or booleans:
# tokens each with a slash or a hash, a leading dot or a name's extension, or "true", "false".
_PATH = lazy_re.compile(r"\S*[/\\#]\S*|\.\S+|\S+\.[A-Za-z][A-Za-z0-9]{1,4}|true|false")
# java.awt.AWTKeyStroke's grammar: modifiers, then "typed" and a character or a key's VK_ name.
_KEY_STROKE = lazy_re.compile(r"(?:(?:shift|control|ctrl|meta|alt|altGraph|button[1-3])\s+)*"
                              r"(?:typed\s+\S|(?:pressed\s+|released\s+)?[A-Z][A-Z0-9_]*)")
# What placeholders stand for is filled in by the program (printf's, MessageFormat's).
_PLACEHOLDER = lazy_re.compile(r"%(?:\d+\$)?[-+0# ,(]*\d*(?:\.\d+)?[a-zA-Z%]|\{\d+(?:,[^{}]*)?\}")
_LETTER = lazy_re.compile(r"[^\W\d_]")
# An SVG path's data, a shape the program draws ("M0,0 v1 h1 v-1 z", Sweet Home 3D's cut-out of a
# door in its wall): moves, lines and arcs, each a letter and its numbers.
_SVG_PATH = lazy_re.compile(r"\s*M(?:[\s,]*(?:[MZLHVCSQTA]|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?))*\s*",
                            re.IGNORECASE)


def not_text(value: str) -> bool:
    """Whether a value is no text a person reads: a path, a key stroke, a mnemonic, placeholders
    and signs alone."""
    value = value.strip()
    if all(_PATH.fullmatch(token) for token in value.split()) or _KEY_STROKE.fullmatch(value):
        return True
    if len(value) == 1 and value.isascii():
        return True  # a mnemonic: the letter underlined in a menu's entry
    if _SVG_PATH.fullmatch(value) and any(character.isdigit() for character in value):
        return True
    return _LETTER.search(_PLACEHOLDER.sub("", value)) is None


_SWING_HTML = lazy_re.compile(r"\s*<html>", re.IGNORECASE)
_LINE_TAG = lazy_re.compile(r"\s*<(?:br|/?p|/?div|/?li|/?ul|/?ol|/?tr|/?h\d)\b[^>]*>\s*", re.IGNORECASE)
_TAG = lazy_re.compile(r"<[^<>]*>")


def shown(value: str) -> str:
    """A value as the program shows it, through MessageFormat, and Swing's HTML where it opens on
    <html>."""
    value = value.replace("''", "'")
    if _SWING_HTML.match(value):
        value = html.unescape(_TAG.sub("", _LINE_TAG.sub("\n", value)))
    return value


class PropertiesReader(Reader):
    name = "properties"
    suffixes = (".properties",)
    reads_text = True

    def blocks(self, text: str, label: str) -> list[Block]:
        try:
            found = list(entries(text.lstrip("\ufeff")))
        except ValueError as error:
            raise broken(label, "Java properties", error) from error
        return [block for key, value, _line in found if value.strip()
                for block in message_blocks(shown(value), f"key {key}", furniture=not_text(value))]
