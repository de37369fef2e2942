"""Read an input file (or stdin) into text, guessing its encoding and refusing what is not text.

Offsets used everywhere downstream are into `RawText.text`, which has its line ends
normalised to LF; nothing else about the text is changed.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from .errors import InputError

MAX_INPUT_BYTES = 50 * 1024 * 1024

# Above this share of control characters a "text" is almost surely a binary file that happened
# to decode (cp1252 and latin-1 accept nearly any byte sequence).
MAX_CONTROL_SHARE = 0.05
# Unicode category Cc minus the whitespace controls (tab, LF, VT, FF, CR) that real text uses.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str
    path: str


def read_input(path: str, max_bytes: int = MAX_INPUT_BYTES) -> RawText:
    """Read `path` ('-' for stdin) and decode it; raise InputError for anything not alignable text."""
    label = "<stdin>" if path == "-" else path
    data = _read_bytes(path, label, max_bytes)
    text, encoding = _decode(data, label)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{label}: the input is empty (nothing but whitespace)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{label}: looks like a binary file (too many control characters), not text")
    return RawText(text=text, encoding=encoding, path=path)


def _read_bytes(path: str, label: str, max_bytes: int) -> bytes:
    if path == "-":
        # Read one byte past the limit so an oversized stream is detected without reading it all.
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if not os.path.exists(path):
            raise InputError(f"{label}: no such file")
        if os.path.isdir(path):
            raise InputError(f"{label}: is a directory, not a text file")
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(f"{label}: too large ({size} bytes; the limit is {max_bytes} bytes)")
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError(f"{label}: cannot be read ({error.strerror or error})") from error
    if len(data) > max_bytes:
        raise InputError(f"{label}: too large (more than {max_bytes} bytes)")
    return data


def _decode(data: bytes, label: str) -> tuple[str, str]:
    """Return (text, encoding name). A BOM decides; otherwise UTF-8, then cp1252, then latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise InputError(f"{label}: has a UTF-8 byte-order mark but is not valid UTF-8 ({error.reason} at byte {error.start})") from error
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"{label}: has a UTF-16 byte-order mark but is not valid UTF-16 ({error.reason})") from error
    # Outside UTF-16, a NUL byte never occurs in text; it is the cheapest sure sign of a binary file.
    if b"\x00" in data:
        raise InputError(f"{label}: looks like a binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so this cannot fail.
        return data.decode("latin-1"), "latin-1"


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0
