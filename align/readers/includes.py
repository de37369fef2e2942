"""The files a document takes text from: a DocBook chapter an entity or XInclude brings in, a DITA
conref, a LaTeX `\\input`, a reStructuredText or AsciiDoc `include`.

A reader reads the one file it is given. Before, a book whose chapters stand in files of their own
was read as its skeleton: KCalc's manual named `&commands;` in a warning and its whole chapter of
commands was missing from the report, a LaTeX thesis was its preamble and a list of `\\include`s.
A reader now follows an include to a file beside the document, reads its text in place as the
document's own, and locates each block by that file and its line, "commands.docbook, line 12".

What is followed, and what is not, said once on stderr: the file's name is taken relative to the
folder of the file that names it; a URL is never fetched, an absolute path and a path reaching
above the folder over the document's are not read; an include met again inside itself (a cycle),
one nested deeper than `MAX_DEPTH`, and files beyond the size limit of the input all together
(`base.EXPANDED_LIMIT`) are not read. Read from stdin, a document has no folder: nothing is followed.
A reST page of a Sphinx project names a file from the project's root ("/includes/note.rst", the
folder of its conf.py): read from there, and nothing outside that root.

The reader's `label` is the path the user gave (`reading.read_input` passes it, "<stdin>" for
stdin), so no more plumbing is needed for a reader to find the files beside it.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import replace

from .base import EXPANDED_LIMIT, Block

logger = logging.getLogger("align")

STDIN = "<stdin>"
# Includes inside includes: a book, its parts, their chapters, their sections, and a few more.
MAX_DEPTH = 8
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|(?:mailto|urn|data):", re.IGNORECASE)


class Includes:
    """What a reader needs to follow a document's includes: the folder of the document given, the
    chain of files being read (for cycles), the bytes left to read, and what was not followed."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.top = None if label == STDIN or not label else os.path.dirname(os.path.abspath(label))
        self.chain: list[str] = [os.path.realpath(label)] if self.top is not None else []
        self.left = EXPANDED_LIMIT.get()
        self.unread: dict[str, str] = {}  # the include as written: why it was not read
        # The folder a name written from the project's root ("/snippets/x.rst") is taken from, where the
        # document's format has one (Sphinx's source folder); None: such a name is an absolute path.
        self.root: str | None = None

    @property
    def depth(self) -> int:
        return len(self.chain) - 1

    def folder(self) -> str | None:
        """The folder of the file being read: the one its includes are relative to."""
        return os.path.dirname(self.chain[-1]) if self.chain else None

    def locate(self, name: str, suffixes: tuple[str, ...] = ("",), from_top: bool = False) -> tuple[str | None, str]:
        """(the path of the file `name` names from the file being read, trying each of `suffixes`
        after it: LaTeX's "\\input{intro}" is intro.tex; "") or (None, why it is not read).
        `from_top`: relative to the document's folder first, as TeX reads every \\input of a book
        from the folder it is run in, then to the including file's."""
        name = name.strip()
        reason = self._refused(name)
        if reason:
            return None, reason
        folders = [self.top, self.folder()] if from_top else [self.folder()]
        if self._from_root(name):
            folders, name = [self.root], name.lstrip("/")
        candidates = [os.path.normpath(os.path.join(folder, name + suffix)) for folder in folders for suffix in suffixes]
        path = next((candidate for candidate in candidates if os.path.isfile(candidate)), None)
        if path is None:
            return None, "no such file"
        if not self._within(path):
            return None, "outside the document's folder"
        if os.path.realpath(path) in self.chain:
            return None, "it includes itself (a cycle)"
        if os.path.getsize(path) > self.left:
            return None, "over the size limit of the input"
        if not os.access(path, os.R_OK):
            return None, "not readable"
        return path, ""

    def not_read(self, name: str, reason: str) -> None:
        self.unread.setdefault(name.strip(), reason)

    def _refused(self, name: str) -> str:
        if self.top is None:
            return "read from stdin, there is no folder to find it in"
        if not name:
            return "no file named"
        if _URL.match(name):
            return "a URL, never fetched"
        if os.path.isabs(name) and not self._from_root(name):
            return "an absolute path"
        if self.depth >= MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} deep"
        return ""

    def _from_root(self, name: str) -> bool:
        return self.root is not None and name.startswith("/") and not name.startswith("//")

    def _within(self, path: str) -> bool:
        """Within the folder above the document's, or the project's root where that is higher: a book's
        `../common/` is read, and a Sphinx page's `/includes/note.rst`, not `../../../etc/`."""
        bound = os.path.dirname(self.top)
        if self.root is not None:
            bound = os.path.commonpath([os.path.realpath(bound), os.path.realpath(self.root)])
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(bound)]) == os.path.realpath(bound)

    def read(self, path: str) -> bytes:
        try:
            with open(path, "rb") as handle:
                data = handle.read(self.left + 1)
        except OSError:  # gone or locked since it was found: read as empty, the rest of the document goes on
            data = b""
        self.charge(len(data))
        return data

    def charge(self, size: int) -> None:
        """Count `size` bytes more against the limit: each time a file is laid in, read again or not,
        so that a part included ten times in a part included ten times... stays within it."""
        self.left -= min(size, self.left)

    def source(self, path: str) -> str:
        """The included file's name as its locators write it: relative to the document's folder."""
        return os.path.relpath(path, self.top).replace(os.sep, "/")

    @contextlib.contextmanager
    def inside(self, path: str):
        """While the file at `path` is read: its own includes are relative to its folder."""
        self.chain.append(os.path.realpath(path))
        try:
            yield
        finally:
            self.chain.pop()

    def names(self) -> str:
        return ", ".join(list(self.unread)[:8]) + (f" and {len(self.unread) - 8} more" if len(self.unread) > 8 else "")

    def reasons(self) -> str:
        """Why the includes were not read: the one reason, or each include's."""
        reasons = set(self.unread.values())
        if len(reasons) == 1:
            return reasons.pop()
        return "; ".join(f"{name}: {reason}" for name, reason in list(self.unread.items())[:8])


# What a Sphinx project's conf.py sets, and a Python file of some other program's settings does not.
_SPHINX_SETTING = re.compile(rb"^(?:project|extensions|master_doc|root_doc|source_suffix|templates_path|html_theme"
                             rb"|rst_prolog|rst_epilog)\s*=",
                             re.MULTILINE)


def sphinx_source_root(folder: str | None) -> str | None:
    """The folder of the Sphinx project a document in `folder` is a page of: the nearest one at or
    above it whose conf.py sets what Sphinx reads, no more than `MAX_DEPTH` folders up. Sphinx takes
    an include's "/snippets/x.rst" from there."""
    if folder is None:
        return None
    for _level in range(MAX_DEPTH + 1):
        conf = os.path.join(folder, "conf.py")
        if os.path.isfile(conf):
            try:
                with open(conf, "rb") as handle:
                    if _SPHINX_SETTING.search(handle.read(1 << 20)):
                        return folder
            except OSError:
                pass
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return None


class FileLine(int):
    """A line of a file the document includes, with that file's name as a locator writes it: a
    line number still, which counts on (`+ 1`) in the same file."""

    source: str

    def __new__(cls, number: int, source: str) -> "FileLine":
        line = super().__new__(cls, number)
        line.source = source
        return line

    def __add__(self, other) -> "FileLine":
        return FileLine(int(self) + other, self.source)


def where(line: int) -> str:
    """A block's locator: "line 12", or "commands.docbook, line 12" in a file the document includes."""
    source = getattr(line, "source", "")
    return f"{source}, line {int(line)}" if source else f"line {line}"


def own_marks(line: int, marks) -> tuple:
    """The line marks a block keeps: those in the file its first line is of (`Span.locator_at`
    writes them as lines of the file the block's locator names)."""
    source = getattr(line, "source", "")
    return tuple(mark for mark in marks if getattr(mark[1], "source", "") == source)


def decoded(data: bytes) -> str:
    """An included text file's text: UTF-8 (its mark dropped), else Latin-1, as a TeX or reST
    source of a few years ago may be; line ends as "\\n"."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def in_file(blocks: list[Block], source: str) -> list[Block]:
    """Blocks read from an included file, each located by that file: "line 12" is
    "ch1.tex, line 12". A block located already (read from a file that file includes) is kept as it
    is. A paragraph's line marks are its own file's lines."""
    out = []
    for block in blocks:
        if block.locator.startswith("line "):
            block = replace(block, locator=f"{source}, {block.locator}")
        out.append(block)
    return out
