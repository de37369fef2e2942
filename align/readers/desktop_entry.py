"""A freedesktop.org desktop entry (`vim.desktop`, an application's menu item): its translatable
strings (`Name=`, `GenericName=`, `Comment=`, `Keywords=`, and any key the file gives in several
languages, as `X-GNOME-FullName[fr]=`) are blocks located by their line, each in the version of
the language its key declares (`Name[fr]=` French, `Name=` the untagged default): the file gives
its text in every language line by line, and a flag takes one language's lines (see
`Block.version`). The escapes the specification defines (\\s, \\n, \\t, \\r, \\\\) are undone; a
keyword list's items are parted by "; ". Groups, comments, and the keys that are no text (`Exec=`,
`Icon=`, `MimeType=`) are not read.

Read as plain text, "Name[fr]=Vim" was a sentence, the lines of every language were parted by the
detector, and `align pair vim.desktop --src-lang en --tgt-lang fr` reported the English lines and
"Name[de]=Vim" left out of the French.
"""
from __future__ import annotations

import re

from .. import lazy_re
from .base import Block, Reader, tag_language, version_tag

# The keys the specification makes localestrings: text shown to the user.
_TEXT_KEYS = frozenset(("Name", "GenericName", "Comment", "Keywords"))
# A key a file may give per language that is no text: an icon's name or path.
_NOT_TEXT_KEYS = frozenset(("Icon",))
_ENTRY = lazy_re.compile(r"([A-Za-z0-9-]+)(?:\[([^\]]+)\])?\s*=\s?(.*)")
_GROUP = lazy_re.compile(r"\[[^\[\]]+\]")
_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\", ";": ";"}
_ESCAPE = lazy_re.compile(r"\\(.)")
_LIST_SEPARATOR = lazy_re.compile(r"(?<!\\);")


def _unescaped(value: str) -> str:
    return _ESCAPE.sub(lambda match: _ESCAPES.get(match.group(1), match.group()), value)


def _shown(key: str, value: str) -> str:
    """A value as the user reads it: a keyword list's items parted by "; ", not ending in one."""
    if key != "Keywords":
        return _unescaped(value).strip()
    items = (_unescaped(item).strip() for item in _LIST_SEPARATOR.split(value))
    return "; ".join(item for item in items if item)


def entries(text: str) -> list[tuple[str, str, str, int]]:
    """(key, locale or "", value, line) of each entry of the file, in its order."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or _GROUP.fullmatch(stripped):
            continue
        match = _ENTRY.fullmatch(stripped)
        if match:
            found.append((match.group(1), match.group(2) or "", match.group(3), number))
    return found


class DesktopEntryReader(Reader):
    name = "desktop"
    suffixes = (".desktop", ".directory")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        for line in data[:4096].removeprefix(b"\xef\xbb\xbf").split(b"\n"):
            line = line.strip()
            if line and not line.startswith(b"#"):
                return line in (b"[Desktop Entry]", b"[Desktop Directory]")
        return False

    def blocks(self, text: str, label: str) -> list[Block]:
        found = entries(text.lstrip("\ufeff"))
        localised = {key for key, locale, _value, _line in found if locale}
        shown = [(key, locale, _shown(key, value), line) for key, locale, value, line in found
                 if (key in _TEXT_KEYS or key in localised) and key not in _NOT_TEXT_KEYS]
        # Versions only where the file gives a string in a language of its own: a file in one
        # language is read as any other.
        versioned = bool(localised - _NOT_TEXT_KEYS)
        return [Block(value, f"line {line}", lang=tag_language(_locale_tag(locale)),
                      version=version_tag(locale) if versioned and locale else ("" if versioned else None))
                for key, locale, value, line in shown if value]


def _locale_tag(locale: str) -> str:
    # glibc's "sr@latin" is Serbian: `tag_language` reads the code before the modifier.
    return re.sub(r"\.[^@]*", "", locale)
