"""EBU STL subtitles (.stl, EBU Tech 3264), as broadcasters exchange them: a 1024-byte header (GSI)
then one 128-byte block (TTI) per subtitle, or per part of a long one, each with its text in a
fixed field. Each subtitle is read as a cue, located as `subtitle 12` by its own number, its rows
as lines; a translator's comment block (its comment flag set) is furniture. The header's titles
(the programme's and the episode's, original and translated) are furniture too, and its language
code the blocks' declared language.

Before, such a file was read as text: one with its NUL bytes refused as binary, one without read
as UTF-16, its subtitles a line of CJK characters.

The text field's characters are in the code table the header names: ISO 6937 (most files: Latin,
its accents written before their letter, decoded here), ISO 8859-5, -6, -7 or -8. Teletext's
control codes (colours, double height, boxing) show as spaces, italics and underline marks as
nothing; 0x8A ends a row, 0x8F fills the field after the text.
"""
from __future__ import annotations

import logging
import unicodedata

from .. import lazy_re
from ..errors import InputError
from .base import Block, Reader, tidy
from .subtitles import cue_blocks

logger = logging.getLogger("align")

_GSI, _TTI = 1024, 128
_FORMAT = lazy_re.compile(rb"STL\d\d\.01")
_TABLES = {b"01": "iso8859_5", b"02": "iso8859_6", b"03": "iso8859_7", b"04": "iso8859_8"}
_CODE_PAGES = {b"437": "cp437", b"850": "cp850", b"860": "cp860", b"863": "cp863", b"865": "cp865"}
# The header's language codes (Tech 3264, appendix 3), as ISO 639: 0x01-0x2B European, 0x45-0x7F others.
_EUROPEAN = "sq br ca hr cy cs da de en es eo et eu fo fr fy ga gd gl is it se la lv lb lt hu mt nl no oc pl pt " \
            "ro rm sr sk sl fi sv tr nl wa".split()
_OTHERS = "zu vi uz ur uk th te tt ta tg sw srn so si sn sh - ru qu ps pa fa pap or ne nd mr mo ms mg mk lo ko " \
          "km kk kn ja id hi he ha gn gu el ka ff prs cv zh my bg bn be bm az as hy ar am".split()
_LANGUAGES = {**{f"{k:02X}": code for k, code in enumerate(_EUROPEAN, 1)},
              **{f"{k:02X}": code for k, code in enumerate(_OTHERS, 0x45) if code != "-"}}
# ISO 6937's characters from 0xA0 (the accents 0xC1-0xCF, written before their letter, aside).
_ISO6937_HIGH = dict(zip(range(0xA0, 0x100), "\u00a0¡¢£$¥\ufffd§¤‘“«←↑→↓°±²³×µ¶·÷’”»¼½¾¿" + "\ufffd" * 16
                         + "―¹®©™♪¬¦\ufffd\ufffd\ufffd\ufffd⅛⅜⅝⅞ΩÆÐªĦ\ufffdĲĿŁØŒºÞŦŊŉĸæđðħıĳŀłøœßþŧŋ\u00ad"))
_ACCENTS = dict(zip(range(0xC1, 0xD0), "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\ufffd\u030a\u0327"
                                       "\ufffd\u030b\u0328\u030c"))


def _iso6937(data: bytes) -> str:
    out, accent = [], ""
    for byte in data:
        if byte in _ACCENTS:
            accent = _ACCENTS[byte]
            continue
        char = chr(byte) if byte < 0x80 else _ISO6937_HIGH.get(byte, "\ufffd")
        out.append(unicodedata.normalize("NFC", char + accent) if accent and char.isalpha() else accent + char)
        accent = ""
    return "".join(out)


def _rows(field: bytes, table: bytes) -> list[str]:
    """The rows a text field shows: its characters decoded, its control codes as they display."""
    shown = bytearray()
    for byte in field.split(b"\x8f", 1)[0]:  # 0x8F fills the field after the text
        if byte == 0x8A:
            shown += b"\n"
        elif byte < 0x20:  # teletext's colours, double height, boxing: a space on the screen
            shown += b" "
        elif not 0x80 <= byte < 0xA0:  # italics, underline and boxing marks take no place
            shown.append(byte)
    text = _iso6937(bytes(shown)) if table not in _TABLES else bytes(shown).decode(_TABLES[table], "replace")
    return [tidy(row) for row in text.split("\n") if row.strip()]


class EbuStlReader(Reader):
    name = "ebu-stl"
    suffixes = (".stl",)

    def sniff(self, data: bytes) -> bool:
        return len(data) >= _GSI and _FORMAT.fullmatch(data[3:11]) is not None

    def blocks(self, data: bytes, label: str) -> list[Block]:
        if not self.sniff(data) and _FORMAT.fullmatch(data[3:11]):
            raise InputError(f"{label}: an EBU STL file cut short: {len(data)} bytes, less than its 1024-byte header")
        if not self.sniff(data):
            raise InputError(f"{label}: not an EBU STL subtitle file (no 'STL25.01' or the like at byte 3: a 3D "
                             "model's .stl?)")
        table, lang = data[12:14], _LANGUAGES.get(data[14:16].decode("ascii", "replace").upper(), "")
        code_page = _CODE_PAGES.get(data[0:3], "cp850")
        titles = [Block(tidy(data[a:a + 32].decode(code_page, "replace")), f"header, {name}", furniture=True, lang=lang)
                  for a, name in ((16, "programme title"), (48, "episode title"), (80, "translated programme title"),
                                  (112, "translated episode title"))]
        cues, comments, fields, order = [], [], {}, []
        for at in range(_GSI, len(data) - _TTI + 1, _TTI):
            block = data[at:at + _TTI]
            number, extension = int.from_bytes(block[1:3], "little"), block[3]
            if extension == 0xFE:  # user data, no text of the subtitles
                continue
            key = (block[0], number, block[15])
            if key not in fields:
                fields[key] = b""
                order.append(key)
            fields[key] += block[16:].split(b"\x8f", 1)[0]
        for group, number, comment in order:
            rows = _rows(fields[group, number, comment], table)
            if comment:
                comments += [Block("\n".join(rows), f"subtitle {number}, comment", furniture=True, lang=lang)] if rows else []
            else:
                cues.append((f"subtitle {number}", rows, False))
        if (len(data) - _GSI) % _TTI:
            logger.warning("%s: cut short: its last %d bytes are part of a subtitle block (which holds 128), not read",
                           label, (len(data) - _GSI) % _TTI)
        return [block for block in titles if block.text] + cue_blocks(cues, lang) + comments
