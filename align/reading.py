"""Read an input file (or stdin) into text, guessing its encoding and refusing what is not text.

Offsets used everywhere downstream are into `RawText.text`, which has its line ends
normalised to LF; nothing else about the text is changed.
"""
from __future__ import annotations

import bisect
import codecs
import functools
import hashlib
import logging
import math
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass

from . import lazy_re
from .errors import InputError
from .language import LINE_ENDS_SENTENCE, has_words, language_scores
from .pages import furniture_edges, text_pages
from .readers import Block, Span, join_blocks_as_read, reader_for, unsupported
from .readers.base import BYTE_ORDER_MARKS, EXPANDED_LIMIT
from .readers.front_matter import front_matter_blocks
from .readers.gutenberg import gutenberg_blocks

logger = logging.getLogger("align")

MAX_INPUT_BYTES = 50 * 1024 * 1024

# Above this share of control characters a "text" is almost surely a binary file that happened
# to decode (cp1252 and latin-1 accept nearly any byte sequence).
MAX_CONTROL_SHARE = 0.05
# Unicode category Cc minus the whitespace controls (tab, LF, VT, FF, CR) that real text uses.
_CONTROL_CHARS = lazy_re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str
    path: str
    # For a file a reader extracted (docx, html, pdf...): its format, and where each block of
    # `text` came from (see align.readers); plain text has none.
    format: str = "text"
    spans: tuple[Span, ...] = ()
    # The text as written, where it differs from `text` by the line separators read as line
    # breaks (`_SEPARATORS`): same length, so that a sentence quotes its own characters and its
    # line number counts only the line ends an editor shows.
    as_written: str | None = None
    digest: str | None = None  # SHA-1 of the file's bytes as read: a review project tells a changed input by it
    # A plain text read as a printed book's pages (`_paged`): its line-end hyphens are a typesetter's.
    typeset: bool = False




def read_input(path: str, max_bytes: int = MAX_INPUT_BYTES, encoding: str | None = None) -> RawText:
    """Read `path` ('-' for stdin) and decode it (as `encoding` when given, else detected); raise
    InputError for anything not alignable text."""
    label = "<stdin>" if path == "-" else path
    data = _read_bytes(path, label, max_bytes)
    reader = reader_for("" if path == "-" else path, data) if data else None
    if reader is not None:
        # A compressed document's parts are held to the limit of the file (`readers.base.Package`).
        limit = EXPANDED_LIMIT.set(max_bytes)
        try:
            return _extracted(reader, data, label, path, encoding)
        finally:
            EXPANDED_LIMIT.reset(limit)
    if data and unsupported("", data):
        raise InputError(f"{label}: is {unsupported('' if path == '-' else path, data)}")
    try:
        text, encoding = _decode_as(data, label, encoding) if encoding else _decode(data, label)
    except InputError:
        advice = unsupported(path, data)
        if advice:
            raise InputError(f"{label}: is {advice}") from None
        raise
    as_written = _line_ends(text)
    text = as_written.translate(_SEPARATORS)
    if not text.strip():
        raise InputError(f"{label}: the input is empty (nothing but whitespace)")
    if not has_words(text):
        raise InputError(f"{label}: holds no letters or digits, nothing to align (only spaces, punctuation or "
                         "invisible characters)")
    _refuse_binary(text, label)
    # A page's front matter, an e-book's distributor's header and licence: furniture around the text.
    framed = front_matter_blocks(text, as_written, path) or gutenberg_blocks(text, as_written)
    if framed is not None:
        written, spans = join_blocks_as_read(framed)[1:]
        return RawText(text=written.translate(_SEPARATORS), encoding=encoding, path=path, spans=spans,
                       as_written=written if written.translate(_SEPARATORS) != written else None,
                       digest=hashlib.sha1(data).hexdigest())
    paged = _paged(text, as_written, label)
    if paged is not None:
        read, written, spans = paged
        return RawText(text=read, encoding=encoding, path=path, spans=spans, typeset=True,
                       as_written=written if written != read else None, digest=hashlib.sha1(data).hexdigest())
    return RawText(text=text, encoding=encoding, path=path, as_written=as_written if as_written != text else None,
                   digest=hashlib.sha1(data).hexdigest())


# Of the page breaks a text's page numbers mark, at least this share fall inside a sentence: a printed
# page ends where its lines run out, mid-sentence more often than not; a chapter ends its last sentence
# before the heading of the next ("CHAPTER 3"), which counts on by one too, and at about one length
# (Twenty Thousand Leagues' opening chapters, one sentence a line, were read as pages, their headings
# set aside as furniture).
MID_SENTENCE_BREAKS = 0.3


def _breaks_mid_sentence(text: str, lines_of: list[list[tuple[int, int]]], edges: list[tuple[int, int]]) -> bool:
    kept = [lines[top:len(lines) - bottom] for lines, (top, bottom) in zip(lines_of, edges)]
    breaks = [(before[-1], after[0]) for before, after in zip(kept, kept[1:]) if before and after]
    open_breaks = sum(1 for (a, b), _after in breaks if not LINE_ENDS_SENTENCE.search(text[a:b]))
    return bool(breaks) and open_breaks >= max(1, MID_SENTENCE_BREAKS * len(breaks))


def _paged(text: str, as_written: str, label: str) -> tuple[str, str, tuple[Span, ...]] | None:
    """A text dumped from a printed book (pdftotext, OCR, "Save as text") read as a PDF's pages are:
    its running heads and page numbers set after the text, as boilerplate, where they stood in the
    sentence a page break cuts ("... the capital of" / "— 23 —" / "ALICE'S ADVENTURES" / "Rome").
    Each sentence keeps the line of the file it starts on. None for a text without such furniture,
    which is read as it is."""
    pages = text_pages(text)
    if pages is None or len(pages) < 2:
        return None
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    lines_of = []  # each page's non-blank lines, as (start, end) in the text
    for start, end in pages:
        lines, at = [], start
        for line in text[start:end].split("\n"):
            if line.strip(" \t\f"):
                lead = len(line) - len(line.lstrip())
                lines.append((at + lead, at + len(line.rstrip())))
            at += len(line) + 1
        lines_of.append(lines)
    edges = furniture_edges([[text[a:b] for a, b in lines] for lines in lines_of])
    # Furniture on pages enough that the dump is a printed text's, not a heading or a figure that
    # happens to stand first on two pages.
    if sum(1 for top, bottom in edges if top or bottom) < max(2, len(pages) // 2):
        return None
    if "\f" not in text and not _breaks_mid_sentence(text, lines_of, edges):
        return None
    blocks: list[Block] = []
    furniture: list[Block] = []
    for lines, (top, bottom) in zip(lines_of, edges):
        kept = lines[top:len(lines) - bottom]
        furniture += [Block(as_written[a:b], f"line {bisect.bisect_right(line_starts, a)}", furniture=True)
                      for a, b in lines[:top] + lines[len(lines) - bottom:]]
        if not kept:
            continue
        start, end = kept[0][0], kept[-1][1]
        marks, words = [], 0
        for a, b in kept:
            marks.append((words, bisect.bisect_right(line_starts, a)))
            words += len(text[a:b].split())
        first = marks[0][1]
        blocks.append(Block(as_written[start:end], f"line {first}", continues=True, line_marks=tuple(marks)))
    if not furniture:
        return None
    # After the text rather than in it, as a PDF's: between two pages they cut the sentence running over.
    read, written, spans = join_blocks_as_read(blocks + furniture)
    logger.warning("%s: read as %d printed pages: %d running heads and page numbers are listed after the text, "
                   "as boilerplate", label, len(pages), len(furniture))
    return written.translate(_SEPARATORS), written, spans


# Unicode's line and paragraph separators, which Word's text export and some web pages write for a
# line break: read as a space, five sentences joined by them were one sentence, and one left out
# of the translation could not be told. Each is one character, as the "\n" it becomes, so every
# offset stays where it was.
# Next line (U+0085) and the vertical tab (Word's and PowerPoint's soft return in an export) too.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "\x0b": "\n"})


def _line_ends(text: str) -> str:
    """Windows' and old Macs' line ends as "\n"."""
    if text.count("\r\r\n") >= max(2, text.count("\n") / 2):
        # A Windows file whose line ends were converted for Windows once more ("\r\n" written as
        # "\r\r\n"): read as two line ends each, every line of a wrapped paragraph stood between
        # blank lines, a paragraph of its own, and its sentences were cut at every line.
        text = text.replace("\r\r\n", "\n")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(text: str, label: str) -> None:
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{label}: looks like a binary file (too many control characters), not text; if it is "
                         "text, name its encoding with --encoding")


def _extracted(reader, data: bytes, label: str, path: str, encoding: str | None) -> RawText:
    """The text a reader finds in a docx, pdf, web page...: its blocks joined, each one's span kept."""
    if reader.reads_text:
        decoded, encoding = _decode_as(data, label, encoding) if encoding else _decode(data, label)
        # Line ends only: a table reader reads U+2028 in a cell as the line break inside it.
        blocks = reader.blocks(_line_ends(decoded), label)
    else:
        try:
            blocks = reader.blocks(data, label)
        except LookupError as error:
            # An XML part declaring an encoding no codec reads ('encoding="UTF-P6"'): the parser's
            # LookupError came out of every XML reader (XLIFF, TMX, FB2...) as a traceback.
            if "encoding" not in str(error):
                raise
            raise InputError(f"{label}: cannot be read as {reader.name}: it declares {error.args[0].split(':')[-1].strip()!r} "
                             "as its encoding, which is no encoding known here; save it as UTF-8") from None
        encoding = "utf-8"
    text, written, spans = join_blocks_as_read(blocks)
    if not has_words(text):
        raise InputError(f"{label}: the {reader.name} file holds no text to align")
    return RawText(text=text, encoding=encoding, path=path, format=reader.name, spans=spans,
                   as_written=written if written != text else None, digest=hashlib.sha1(data).hexdigest())


def folder_files(folder: str | os.PathLike) -> tuple[list[str], list[str]]:
    """The files of `folder` by name (hidden ones aside: .DS_Store, editors' swap files), and the
    names of its sub-folders, which callers say they do not read rather than pass over in silence."""
    entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    visible = [entry for entry in entries if not entry.name.startswith(".")]
    files = [entry.path for entry in visible if entry.is_file()]
    folders = [entry.name for entry in visible if entry.is_dir()]
    return files, folders


def warn_unread_folders(folder, names: list[str]) -> None:
    if names:
        logger.warning("%s: sub-folders are not read (%s); give them as folders of their own", folder,
                       ", ".join(names[:10]))


def expand_folders(paths, unread: list[dict] | None = None) -> list[str]:
    """`paths` with each folder among them replaced by its files (a collection given as a folder);
    a file named twice (itself and in its folder) is read once. Sub-folders are not read: said on
    stderr and, with `unread`, appended there as {"path", "error"} for the report to list."""
    out: dict[str, str] = {}
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            out.setdefault(path if path == "-" else os.path.realpath(path), path)
            continue
        files, folders = folder_files(path)
        warn_unread_folders(path, folders)
        if unread is not None:
            unread += [{"path": os.path.join(path, name), "error": f"{os.path.join(path, name)}: a sub-folder, not read "
                        "(give it as a folder of its own)"} for name in folders]
        if not files:
            raise InputError(f"{path}: a folder with no files in it")
        for file in files:
            out.setdefault(os.path.realpath(file), file)
    return list(out.values())


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
            data = _read_file(path, max_bytes)
        except OSError as error:
            raise InputError(f"{label}: cannot be read ({error.strerror or error})") from error
        if not data and stat.S_ISFIFO(os.stat(path).st_mode):
            raise InputError(f"{label}: is a named pipe with nothing written to it")
    if len(data) > max_bytes:
        raise InputError(f"{label}: too large (more than {max_bytes} bytes)")
    return data


def _read_file(path: str, max_bytes: int) -> bytes:
    # Opened without blocking, so that a named pipe with no writer reads as empty instead of
    # hanging for good; then read in blocking mode, so a writer that is there is waited for.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    finally:
        os.close(descriptor)


def _decode_as(data: bytes, label: str, encoding: str) -> tuple[str, str]:
    """The text in the encoding the user named (--encoding), which must exist and fit every byte."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"--encoding {encoding}: no such encoding") from None
    name = info.name
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib... transform bytes
        raise InputError(f"--encoding {encoding}: not a text encoding (it transforms bytes); name the text's "
                         "character set, e.g. utf-8 or cp1252")
    own = _says_its_own_encoding(data, name)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        if own is not None:
            return _kept_own(own, label, name)
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"{label}: is not {name} (byte {error.start}, line {line}: {error.reason})") from None
    except UnicodeError as error:  # a codec that fails otherwise (punycode): named as the others are
        if own is not None:
            return _kept_own(own, label, name)
        raise InputError(f"{label}: is not {name} ({error.__cause__ or error})") from None
    if own is not None and own[0] != text.removeprefix("\ufeff"):
        return _kept_own(own, label, name)
    if own is not None:
        return text.removeprefix("\ufeff"), name
    return _read_better(data, label, name, text) or (text, name)


def _says_its_own_encoding(data: bytes, named: str) -> tuple[str, str] | None:
    """(text, encoding) of a file whose bytes leave no doubt: a byte-order mark, ISO-2022's escapes
    into a double-byte set, or UTF-8 that holds a multi-byte character (or is plain ASCII) and no
    NUL, which legacy and UTF-16 texts all but never are. --encoding names one file's encoding but
    applies to every input; read as UTF-16, the UTF-8 file beside it came out as "桔⁥潣湵" and was
    aligned as Basque, unsaid; read as latin-1, Japanese mail in ISO-2022-JP came out as escape
    codes and "$B;T5D2q"."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), *BYTE_ORDER_MARKS):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    shifted = None if named.startswith("iso2022") else _iso2022(data)
    if shifted is not None:
        return shifted
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Plain ASCII says nothing against a 7-bit encoding the user names (ISO-2022-JP, UTF-7, HZ),
    # only against UTF-16 or UTF-32, which no file without a NUL byte is in.
    if data.isascii() and not named.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return None
    return text, "utf-8"


def _kept_own(own: tuple[str, str], label: str, named: str) -> tuple[str, str]:
    logger.warning("%s is %s, not %s: read as %s (--encoding applies to the inputs it fits)", label,
                   _ENCODING_NAMES.get(own[1], own[1]), named, _ENCODING_NAMES.get(own[1], own[1]))
    return own


def _read_better(data: bytes, label: str, named: str, text: str) -> tuple[str, str] | None:
    """(text, encoding) of a file that --encoding turns into mojibake, where the encoding detected
    from its bytes reads them as text: read so, with a warning. latin-1 and cp1252 decode any bytes:
    Russian in cp1251 came out as "Ãîðîäñêîé", Chinese in GBK as "ÉÏÖÜ¶þ£¬", UTF-16 as words of NULs,
    and was aligned as such, unsaid. The two readings of the same bytes are weighed against each
    other, never one alone: the named one must show at least MIN_SIGNS_OF_A_WRONG_ENCODING signs,
    and at least twice as many, plus one, as the detected one (`_oddities`). A right reading shows
    few or none, and where its bytes are misdetected (a short Russian text read as Hebrew or Thai)
    that reading shows as many."""
    signs, words, example = _oddities(text)
    if signs < MIN_SIGNS_OF_A_WRONG_ENCODING:
        return None
    try:
        other, encoding, language, note = _detect(data, label)
    except InputError:  # binary to detection too
        return None
    if other == text or signs < 2 * _oddities(other)[0] + 1:
        return None
    where = f", where it is {language} text" if language else ""
    more = f" and {words - 1} more word{'s' if words > 2 else ''} like it" if words > 1 else ""
    logger.warning('%s does not read as %s ("%s"%s): read as %s%s (--encoding applies to the inputs it fits)',
                   label, named, _shown(example), more, encoding, where)
    if note:
        logger.warning(note)
    return other, encoding


# Signs of a reading in the wrong encoding, each one that right readings of every language lack
# nearly always: a control, unassigned or private-use character (latin-1's C1 controls for cp1252's
# quotes, the NULs of UTF-16); in a word with letters, a symbol or fraction beside another or
# between letters ("±±¾©»¶Ó", Chinese in latin-1; "Ã©tÃ©"); within a run of letters, a change of
# script ("GrьЯe"; ASCII letters beside Chinese or Japanese are "Tシャツ"), a capital after a small
# letter, one of them not ASCII ("tÃ©"), a letter after a final one (Greek "ς", Hebrew "ם"); a
# combining mark with no letter, or a fourth in a row; four accented Latin letters in a row
# ("Ïðèâåò"). Each word counts once. Right text has a few now and then ("МосГорТранс", "x²+y²",
# Turkish "ışığı"); a file in another encoding, read in latin-1, cp1252 or a Cyrillic, Greek or
# Arabic code page, has them in most words.
# A short text holds too few to tell, and detection misreads short texts (a line of Russian read
# as Hebrew, clean of signs): below this many, --encoding is followed. Measured: no right reading
# changed, of the test and benchmark texts in 25 languages in their code pages (and each line of
# them alone) and of 100,000 short texts made of words with signs; one sentence of Russian, Greek,
# Arabic, Chinese or Japanese read in latin-1 shows 13 to 35.
MIN_SIGNS_OF_A_WRONG_ENCODING = 8
_ODD_WORDS_EXAMINED = 2000  # words outside printable ASCII, the first: enough, and a large file costs no more
_CANDIDATE_WORD = lazy_re.compile(r"\S*[^\s!-~]\S*")
_SYMBOL_PUNCTUATION = set("¡§¶¿")
# Punctuation that no language writes between two letters of a word, and the florin sign "ƒ": each
# the DOS or Mac reading of a letter in cp1252, or the other way round ("stadsk„rna", "L‰nderbahn",
# "Gƒterverkehr"). Of them, those no word ends on either (quotes do, and the dagger of a footnote
# or a death, "Smith†").
_STRAY_PUNCTUATION = set("‰†‡•„‚‹›«»¸ˆ˜¨¯¬ƒ")
_STRAY_AFTER_A_WORD = set("‰•¸ˆ˜¨¯¬ƒ")
_FINAL_FORMS = set("ςךםןףץ")  # Greek and Hebrew letters that end a word
# Thai writes its vowel and tone marks on a consonant, and the vowels เ แ โ ใ ไ before one: Arabic
# in ISO-8859-6 or cp1256, read as Thai (cp874), stacks marks on vowels and ends words with
# "ใ" ("ใัอศว ศวแฺวแใ" for "مرحبا بالعالم"), and the language detector calls it Thai at 0.99.
_THAI_FIRST, _THAI_LAST = "\u0e00", "\u0e7f"
_THAI_CONSONANTS = frozenset(chr(code) for code in range(0x0E01, 0x0E2F))
_THAI_LEADING_VOWELS = frozenset("เแโใไ")
# Cyrillic writes "й" after a vowel, never after a consonant, and begins no word with "ь" or "ы",
# nor writes them after a vowel. Each Cyrillic code page holds the same letters in other bytes:
# Russian in KOI8-R read as cp1251 is "ЛПОЖЕТЕОГЙС" for "конференция", its "и" a "Й" after a
# consonant, and "экспедицию" is "ЬЛУРЕДЙГЙА"; the language detector calls both Russian.
_CYRILLIC_AFTER_A_VOWEL = frozenset("йьыЙЬЫ")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяіїє")
_CYRILLIC_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")
_SCRIPT_NAMES = {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI", "ARMENIAN", "GEORGIAN", "DEVANAGARI",
                 "BENGALI", "TAMIL", "ETHIOPIC", "KHMER", "LAO", "TIBETAN", "MYANMAR", "SINHALA", "SYRIAC", "THAANA"}
_CJK_NAMES = {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "FULLWIDTH", "HALFWIDTH", "IDEOGRAPHIC", "BOPOMOFO"}


def _oddities(text: str) -> tuple[int, int, str | None]:
    """(how many signs of a wrong encoding, in how many words, the first such word) in the first
    `_ODD_WORDS_EXAMINED` words of `text` with a character outside printable ASCII, each word
    counted once (see above)."""
    signs, words, first, seen = 0, 0, None, set()
    for number, match in enumerate(_CANDIDATE_WORD.finditer(text)):
        if number >= _ODD_WORDS_EXAMINED:
            break
        word = match.group()
        if word in seen:
            continue
        seen.add(word)
        odd = _word_oddities(word) or _lone_capital(text, match)
        if odd:
            signs, words, first = signs + odd, words + 1, first or word
    return signs, words, first


_WORD_BEFORE = lazy_re.compile(r"(\S+)\s+$")
_WORD_AFTER = lazy_re.compile(r"\s+(\S+)")


def _lone_capital(text: str, match: re.Match) -> bool:
    """Whether `match` is a capital letter outside ASCII standing alone inside a sentence (after a
    word or a comma, before a word in lower case): Italian's "è" in a DOS file, read in cp1252,
    was "Š" ("noto come MOSE, Š stato sollevato")."""
    word = match.group()
    if len(word) != 1 or not word.isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
    after = _WORD_AFTER.match(text, match.end())
    return (before is not None and after is not None and (before.group(1)[-1].isalpha() or before.group(1)[-1] == ",")
            and after.group(1)[0].islower())


def _word_oddities(word: str) -> int:
    """The signs of a wrong encoding in one word: a control character; where it has letters, a
    symbol beside a symbol or between letters; a mark with no letter, or a fourth; a change of
    script, case or a letter after a final one, within a run of letters; each four accented Latin
    letters in a row; a Thai mark on no consonant, a Thai vowel written before a consonant with
    none after it; a Cyrillic "й" after a consonant, a "ь" or "ы" after a vowel or first."""
    odd = sum(1 for char in word if unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs") or char == "\ufffd")
    symbols = [_symbol(char) for char in word]
    letters = [i for i, char in enumerate(word) if char.isalpha()]
    if letters:
        odd += sum(1 for a, b in zip(symbols, symbols[1:]) if a and b)
        odd += sum(1 for i in range(letters[0] + 1, letters[-1])
                   if symbols[i] or word[i] in _STRAY_PUNCTUATION or (word[i].isdigit() and not word[i].isascii()))
        odd += word[letters[-1] + 1:letters[-1] + 2] in _STRAY_AFTER_A_WORD
    marks, previous, accented = 0, None, 0
    for char in word:
        if unicodedata.category(char)[0] == "M":
            marks += 1
            odd += (previous is None or marks > 3
                    or _THAI_FIRST <= previous <= _THAI_LAST and previous not in _THAI_CONSONANTS)
            continue
        marks = 0
        odd += previous in _THAI_LEADING_VOWELS and char not in _THAI_CONSONANTS
        if char in _CYRILLIC_AFTER_A_VOWEL:
            before = previous.lower() if previous is not None else None
            odd += before in _CYRILLIC_CONSONANTS if char in "йЙ" else before is None or before in _CYRILLIC_VOWELS
        if not char.isalpha():
            previous, accented = None, 0
            continue
        if previous is not None:
            a, b = _script(previous), _script(char)
            odd += (a != b and None not in (a, b) and {a, b} not in ({"ASCII", "LATIN"}, {"ASCII", "CJK"})
                    or previous.islower() and char.isupper() and not (previous.isascii() and char.isascii())
                    or previous in _FINAL_FORMS)
        accented = accented + 1 if _script(char) == "LATIN" else 0
        odd += accented > 0 and accented % 4 == 0
        previous = char
    return odd + (previous in _THAI_LEADING_VOWELS)


def _symbol(char: str) -> bool:
    """Whether `char` is a symbol, fraction or sign outside ASCII ("©", "¾", "¤", "¡")."""
    return not char.isascii() and (unicodedata.category(char)[0] == "S" or unicodedata.category(char) == "No"
                                   or char in _SYMBOL_PUNCTUATION)


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """The script of a letter as its Unicode name says ("ASCII" for a-z; Chinese, Japanese and Korean
    as one); None for the few letters of no script (µ, ª)."""
    if char.isascii():
        return "ASCII"
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return "CJK" if first in _CJK_NAMES else first if first in _SCRIPT_NAMES else None


def _main_script(text: str) -> str | None:
    """The script of most letters outside ASCII in the start of `text` (None where it has none)."""
    counts: dict[str | None, int] = {}
    for char in text[:_DETECT_SAMPLE]:
        if char.isalpha() and not char.isascii():
            script = _script(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _shown(word: str) -> str:
    """A word as a message can show it: controls and NULs escaped, at most 30 characters."""
    shown = "".join(char if char.isprintable() else ascii(char)[1:-1] for char in word)
    return shown if len(shown) <= 30 else shown[:29] + "…"


_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with a byte-order mark)", "utf-16-le": "UTF-16 (marked)",
                   "utf-16-be": "UTF-16 (marked)", "utf-32-le": "UTF-32 (marked)", "utf-32-be": "UTF-32 (marked)"}


def _utf32_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-32 saved without a byte-order mark: each character is four bytes, the
    highest of them always NUL (no character lies above U+10FFFF) and the next nearly always (only
    characters beyond U+FFFF, emoji and rare CJK, set it). Refused before as a binary file."""
    if len(data) % 4 or len(data) < 4:
        return None
    for encoding, top, next_top in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
        if data[top::4].count(0) == len(data) // 4 and data[next_top::4].count(0) >= 0.9 * (len(data) // 4):
            text = _readable(data, encoding)
            return None if text is None else (text, encoding)
    return None


def _readable(data: bytes, encoding: str) -> str | None:
    """`data` decoded as `encoding`, where it decodes and is not mostly control characters."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _control_share(text) <= MAX_CONTROL_SHARE else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-16 saved without a byte-order mark, told by where its NULs stand:
    text in a Latin script is mostly characters under U+0100, whose high byte is NUL."""
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= 0.3 * pairs and low == 0:  # one order at most: the other's high bytes are NUL-free
            text = _readable(data, encoding)
            if text is not None:
                return text, encoding
    # Chinese or Japanese: few characters under U+0100, so few NULs, and some at the other place
    # (U+4E00 is 00 4E); Cyrillic, Arabic or Thai: NULs only where ASCII stands (a space, a full
    # stop, a line end), too few for the rule above in a short text. Such a reading must hold as
    # UTF-16 and read as text. The byte order is the one whose high bytes take fewer values: text
    # keeps to a script or two ("Київ" is 1A 04 38 04 57 04 32 04), and read in the other order
    # its low bytes are high, a character from another block each ("ᨄ㠄圄㈄"), which the language
    # detector still calls Chinese (0.96): a Ukrainian line was read so. A reading in the order
    # whose high bytes take fewer values is text; in neither, it must read as a language.
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= MAX_CONTROL_SHARE:
            scores = language_scores(" ".join(text[:_DETECT_SAMPLE].split()))
            readings.append((_high_byte_excess(data, encoding), -max(scores.values(), default=0.0), text, encoding))
    best = min(readings, default=None)
    if best is not None and (best[0] < 0 or -best[1] >= MIN_UTF16_LANGUAGE_SCORE):
        return best[2], best[3]
    return None


def _high_byte_excess(data: bytes, encoding: str) -> int:
    """How many more different values the high bytes of `data`'s start take than its low bytes,
    read as UTF-16 in this byte order ("utf-16-le" or "utf-16-be")."""
    sample = data[:2 * _DETECT_SAMPLE]
    high, low = (sample[0::2], sample[1::2]) if encoding == "utf-16-be" else (sample[1::2], sample[0::2])
    return len(set(high)) - len(set(low))


# How surely a reading of UTF-16 without a mark must be in one language where its byte order is
# not told by its bytes (Chinese and Japanese read at 0.99-1.0; a wrong byte order rarely decodes).
MIN_UTF16_LANGUAGE_SCORE = 0.8


def decode_text(data: bytes, label: str) -> str:
    """Bytes of a small text the user wrote (a manifest), decoded as an input is, line ends as "\n"."""
    return _line_ends(_decode(data, label)[0])


def _decode(data: bytes, label: str) -> tuple[str, str]:
    """Return (text, encoding name). A BOM decides; then UTF-8, a few bad bytes in UTF-8 (with a
    warning naming their lines), else the legacy encoding that reads as the most plausible language."""
    text, encoding, language, note = _detect(data, label)
    if note:
        logger.warning(note)
    elif language:
        logger.warning("%s is not UTF-8; read as %s, where it is %s text (--encoding to choose another)", label,
                       encoding, language)
    return text, encoding


def _detect(data: bytes, label: str) -> tuple[str, str, str | None, str | None]:
    """`_decode`'s (text, encoding), the language (its name) where a legacy code page was chosen
    by it, and what to warn of (bad bytes in UTF-8, a mix of encodings), said by the caller."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig", None, None
        except UnicodeDecodeError as error:
            raise InputError(f"{label}: has a UTF-8 byte-order mark but is not valid UTF-8 ({error.reason} at byte {error.start})") from error
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, None, None
            except UnicodeDecodeError as error:
                family = encoding[:6].upper()
                raise InputError(f"{label}: has a {family} byte-order mark but is not valid {family} "
                                 f"({error.reason})") from error
    # Outside UTF-16 and UTF-32, a NUL byte never occurs in text; it is the cheapest sure sign of a
    # binary file, unless the NULs are the high bytes of UTF-16 saved without a mark.
    if b"\x00" in data:
        unmarked = _utf32_without_bom(data) or _utf16_without_bom(data)
        if unmarked is not None:
            return (*unmarked, None, None)
        raise InputError(f"{label}: looks like a binary file (contains NUL bytes), not text; if it is UTF-16 or "
                         "UTF-32 text, say so with --encoding")
    shifted = _iso2022(data)
    if shifted is not None:
        return (*shifted, None, None)
    try:
        return data.decode("utf-8"), "utf-8", None, None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data, label)
    if mostly is not None:
        return mostly[0], "utf-8", None, mostly[1]
    mixed = _mixed_lines(data, label)
    if mixed is not None:
        text, encoding, note = mixed
        return text, encoding, None, note
    text, encoding, language = _legacy(data)
    # Any bytes decode in a single-byte code page: a binary file is refused before it is said to be
    # Catalan in iso8859-1.
    _refuse_binary(text, label)
    return text, encoding, language, None


# ISO-2022 (Japanese mail and old web pages; Korean) is 7-bit, so valid UTF-8: read as such, a
# Japanese file was one "sentence" of escape codes, called Korean and unrelated, unsaid. Its escape
# sequences into a double-byte set give it away.
_ISO2022 = ((lazy_re.compile(rb"\x1b\$[@B]|\x1b\$\(D"), "iso2022_jp_2"), (lazy_re.compile(rb"\x1b\$\)C"), "iso2022_kr"))


def _iso2022(data: bytes) -> tuple[str, str] | None:
    for escape, codec in _ISO2022:
        if escape.search(data):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


# A UTF-8 file damaged in a few places (a pasted cp1252 quote, a cut multi-byte character) holds
# many more well-formed multi-byte characters than bad bytes; a file in a legacy encoding holds
# next to none: its accented letters are all bad bytes to UTF-8.
MIN_GOOD_PER_BAD_BYTE = 2


def _mostly_utf8(data: bytes, label: str) -> tuple[str, str] | None:
    """(the text read as UTF-8 with its bad bytes as U+FFFD, the warning that says where they are),
    when it is UTF-8 with a few bad bytes."""
    text = data.decode("utf-8", errors="backslashreplace")
    bad = [match.start() for match in re.finditer(r"\\x[89a-f][0-9a-f]", text)]
    good = sum(1 for char in text if ord(char) > 0x7F)
    if not bad or good < MIN_GOOD_PER_BAD_BYTE * len(bad):
        return None
    replaced = data.decode("utf-8", errors="replace")
    line_starts = [0] + [m.end() for m in re.finditer("\n", replaced)]
    lines = sorted({bisect.bisect_right(line_starts, m.start()) for m in re.finditer("\ufffd", replaced)})
    shown = ", ".join(map(str, lines[:10])) + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")
    return replaced, (f"{label}: {len(bad)} byte{'s' if len(bad) > 1 else ''} not valid UTF-8 on line"
                      f"{'s' if len(lines) > 1 else ''} {shown}, shown as \ufffd; the rest is read as UTF-8")


# UTF-8 lines with at least this many bytes of multi-byte characters between them make a file part
# UTF-8 ("s’est réuni" has five): a line of a legacy code page is valid UTF-8 only by rare chance.
MIN_UTF8_BYTES_OF_A_MIXED_FILE = 4


def _mixed_lines(data: bytes, label: str) -> tuple[str, str, str] | None:
    """(text, "utf-8 + CODEC", the warning that names its lines) of a file that is UTF-8 in some
    lines and a legacy code page in others (two files pasted together): each line read in its own.
    Read whole in the code page, the UTF-8 lines came out as "s’est rÃ©uni" in every report, the
    TMX too."""
    lines = re.split(b"(?<=\n)", data)
    utf8_bytes, legacy = 0, []
    for number, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy.append(number)
            continue
        utf8_bytes += sum(1 for byte in line if byte > 0x7F)
    if utf8_bytes < MIN_UTF8_BYTES_OF_A_MIXED_FILE or not legacy:
        return None
    text, codec, language = _legacy(b"".join(lines[k] for k in legacy))
    if not _single_byte(text, codec):
        # In a double-byte code page (GBK, EUC-KR...) a short line is valid UTF-8 by chance ("目录"
        # in GBK), and a file of it is no mix: read whole, as it was.
        return None
    legacy_lines = set(legacy)
    try:
        decoded = [line.decode(codec) if k in legacy_lines else line.decode("utf-8") for k, line in enumerate(lines)]
    except UnicodeDecodeError:
        return None
    shown = _line_list([k + 1 for k in legacy])
    several = len(legacy) > 1
    note = (f"{label} mixes encodings: line{'s' if several else ''} {shown} {'are' if several else 'is'} not UTF-8, "
            f"read as {codec} ({language} text); the rest as UTF-8")
    return "".join(decoded), f"utf-8+{codec}", note


def _single_byte(text: str, codec: str) -> bool:
    """Whether `codec` writes each character of `text` in one byte (cp1252, iso8859-2, koi8-r...)."""
    try:
        return all(len(char.encode(codec)) == 1 for char in set(text))
    except UnicodeError:
        return False


def _line_list(numbers: list[int]) -> str:
    """"3-5, 9, 12" for lines 3, 4, 5, 9 and 12; the first ten runs, then how many more lines."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in runs[:10])
    rest = sum(b - a + 1 for a, b in runs[10:])
    return shown + (f" and {rest} more" if rest else "")


# The legacy code pages each language was written in. Several encodings read a text as its
# language about equally well (cp1250 and cp1252 both read French as French, with "û" as "ű",
# and the detector may even prefer the wrong one on a short text); a reading in a code page of
# the language it reads as wins. Western European languages, and any not listed, take `_WESTERN_CODE_PAGES`.
_CODE_PAGES = {
    **dict.fromkeys(("pl", "cs", "sk", "hu", "sl", "hr", "ro", "bs", "sq"), ("cp1250", "iso8859-2")),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr"), ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866")),
    "el": ("cp1253", "iso8859-7"), "tr": ("cp1254", "iso8859-9"), "az": ("cp1254",),
    "he": ("cp1255", "iso8859-8"), **dict.fromkeys(("ar", "fa", "ur"), ("cp1256", "iso8859-6")),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257", "iso8859-13")), "vi": ("cp1258",), "th": ("cp874", "tis-620"),
    "zh": ("gb18030", "gbk", "big5", "big5hkscs"), "ja": ("cp932", "shift_jis", "euc_jp", "iso2022_jp"),
    "ko": ("cp949", "euc_kr"),
}
# Western European languages, and any not listed: Windows, then ISO, DOS and Macintosh. A file from
# DOS or an old Mac read in cp1252 was "pre‡os da habita‡Æo", "stadskŠrna", "LÕUE" for "L’UE".
_WESTERN_CODE_PAGES = ("cp1252", "latin-1", "cp850", "mac_roman")
_MULTI_BYTE_PAGES = ("gb18030", "big5", "cp932", "cp949")


@functools.lru_cache(maxsize=None)
def _always_read() -> tuple[str, ...]:
    """The code pages read whether or not charset-normalizer proposes them (see `_legacy`): every
    single-byte page above. Looked up on first use: the lookups import two dozen codec modules
    (4 ms), which a UTF-8 file never needs."""
    return tuple(dict.fromkeys(
        codecs.lookup(page).name for language, pages in (*_CODE_PAGES.items(), ("", _WESTERN_CODE_PAGES))
        if language not in ("zh", "ja", "ko") for page in pages))


# cp1252 text without a sign of a wrong encoding reads as cleanly in DOS's and the Mac's Western
# pages, now and then in a likelier language ("• item" in cp850 is "ò item", Italian): those two
# are kept only with fewer signs than the cp1252 (or latin-1) reading.
_DOS_AND_MAC = frozenset({"cp850", "mac-roman"})
_WINDOWS_WESTERN = frozenset({"cp1252", "iso8859-1"})
# A reading in its language's own code page wins over a better-scored one within this margin.
_OWN_CODE_PAGE_MARGIN = 0.15
_SCORE_TIE = 0.01
_DETECT_SAMPLE = 20_000
_PROPOSALS = 6  # charset-normalizer's best few; further down its list come DOS and Mac code pages
_C1_BYTES = lazy_re.compile(rb"[\x80-\x9f]")


@dataclass
class _Reading:
    """One code page's reading of a legacy file's bytes."""

    encoding: str
    text: str
    signs: int  # of a wrong encoding (`_oddities`)
    cyrillic: float | None  # `_cyrillic_likelihood`
    language: str = "und"
    score: float = 0.0  # the language detector's, of `language`


def _legacy(data: bytes) -> tuple[str, str, str]:
    """(text, encoding, language) for a file in a legacy encoding: charset-normalizer proposes, the
    language detector judges which reading is text in a language, and the language breaks ties."""
    from charset_normalizer import from_bytes

    from .language import language_name, language_scores

    proposed = []
    # A Chinese file in GB18030 holding a few characters GBK has not (a no-break space, a bidi mark,
    # an emoji: four bytes each) is too "messy" for charset-normalizer's default threshold, which
    # then proposes nothing; the code pages always read are single-byte, and it was read as
    # Russian in ISO-8859-5. Where nothing is proposed, a laxer threshold is asked; where still
    # nothing (a short one with many such characters, a line of Korean in it: Ukrainian in cp1251),
    # the multi-byte pages of Chinese, Japanese and Korean are read, each only if its bytes decode.
    for match in from_bytes(data) or from_bytes(data, threshold=0.5):
        name = codecs.lookup(match.encoding).name
        if name not in proposed:
            proposed.append(name)
    proposed = proposed[:_PROPOSALS] or [codecs.lookup(page).name for page in _MULTI_BYTE_PAGES]
    for fallback in ("cp1252", "latin-1"):  # latin-1 reads any byte: there is always a reading
        if codecs.lookup(fallback).name not in proposed:
            proposed.append(codecs.lookup(fallback).name)
    # On a line of Russian or Ukrainian in KOI8, charset-normalizer proposes Shift-JIS alone: the
    # Cyrillic code pages are read too, where they read the bytes as Cyrillic letters.
    also = [name for name in _CYRILLIC_CODE_PAGES if name not in proposed]
    unproposed = [name for name in _always_read() if name not in proposed and name not in also]
    readings = []
    for name in proposed + also + unproposed:
        if name in also and _cyrillic_likelihood(data[:_DETECT_SAMPLE].decode(name, errors="replace")) is None:
            continue  # read whole only where its start is Cyrillic
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > MAX_CONTROL_SHARE:
            # latin-1 reads cp1252's curly quotes and dashes as C1 controls: a short French text
            # full of them was refused as binary while cp1252 read it as French.
            continue
        cyrillic = _cyrillic_likelihood(text)
        if name in also and cyrillic is None or name.startswith("utf-16") and not _utf16_order(data, name):
            continue
        readings.append(_Reading(name, text, _oddities(text)[0], cyrillic))
    readings = _unproposed_kept(readings, unproposed)
    if not readings:  # no code page reads it as text: `_refuse_binary` says so
        return data.decode("latin-1"), "latin-1", "und"
    readings = _plausible(readings)
    for reading in readings:  # the detector judges only the readings with few signs: it is the dearer test
        scores = language_scores(" ".join(reading.text[:_DETECT_SAMPLE].split()))
        reading.language = max(scores, key=scores.get) if scores else "und"
        reading.score = scores.get(reading.language, 0.0)
    leader = max(readings, key=lambda reading: reading.score)
    own = [reading for reading in readings if reading.score >= leader.score - _OWN_CODE_PAGE_MARGIN
           and reading.encoding in _own_code_pages(reading.language)]
    if not own:
        return leader.text, leader.encoding, language_name(leader.language)
    chosen = _own_page_reading(own, data)
    return chosen.text, chosen.encoding, language_name(chosen.language)


def _unproposed_kept(readings: list[_Reading], unproposed: list[str]) -> list[_Reading]:
    """The readings, less those in a code page no one proposed that read with more signs of a wrong
    encoding than a proposal in their script, or in another script with no fewer than every
    proposal: of a short Arabic text in cp1256, charset-normalizer proposed cp1251 and KOI8-R alone
    (Russian, "ЗЭККН ЗбгЮем"), of a DOS file cp1252 ("stadsk„rna"); but cp874 reads "как" in KOI8-R
    as Thai without a sign. DOS's and the Mac's Western pages, proposed or not, are kept only with
    fewer signs than cp1252's reading (`_DOS_AND_MAC`)."""
    windows = min((reading.signs for reading in readings if reading.encoding in _WINDOWS_WESTERN), default=None)
    if windows is not None:  # proposed or not ("Het kost ƒ 2,50": cp850 was proposed, "â 2,50")
        readings = [reading for reading in readings if reading.encoding not in _DOS_AND_MAC or reading.signs < windows]
    least_in_script: dict[str | None, int] = {}
    for reading in readings:
        if reading.encoding not in unproposed:
            script = _main_script(reading.text)
            least_in_script[script] = min(least_in_script.get(script, reading.signs), reading.signs)
    if not least_in_script:
        return readings
    least = min(least_in_script.values())
    return [reading for reading in readings if reading.encoding not in unproposed
            or reading.signs < least or reading.signs <= least_in_script.get(_main_script(reading.text), -1)]


def _own_page_reading(own: list[_Reading], data: bytes) -> _Reading:
    """Of the readings in their language's own code pages, the one with fewest signs of a wrong
    encoding (cp1250 and ISO-8859-2 both read Czech as Czech, but cp1250 has "tra»" for ISO's
    "trať"); of those scoring the same, the language's first code page, the one its texts were
    written in (cp1252 and latin-1 differ only in curly quotes and dashes)."""
    fewest_signs = min(reading.signs for reading in own)
    own = [reading for reading in own if reading.signs == fewest_signs]
    top = max(reading.score for reading in own)
    tied: dict[str, _Reading] = {}  # readings alike are one: cp1252's and latin-1's, of a file with no curly quote
    for reading in sorted((reading for reading in own if reading.score >= top - _SCORE_TIE),
                          key=lambda reading: _own_code_pages(reading.language).index(reading.encoding)):
        tied.setdefault(reading.text, reading)
    # A Windows code page differs from the ISO one mostly in its bytes 0x80-0x9F (Czech "š", "ž",
    # Polish "ś", curly quotes). A file that writes none of them, read in the ISO page as more
    # letters than in the Windows one, is in the ISO page: cp1250 read ISO-8859-2's Czech as
    # "tra»" for "trať", "©" for "Š". Not where the two read as many letters: Greek's "Ά" is 0xA2
    # in cp1253, "’" in ISO-8859-7; Hebrew's "₪" is "¤" in ISO-8859-8.
    letters = {text: sum(char.isalpha() for char in text) for text in tied}
    most = max(letters.values())
    iso = not _C1_BYTES.search(data) and min(letters.values()) < most
    return min(tied.values(), key=lambda reading: (
        not (iso and reading.encoding.startswith("iso8859") and letters[reading.text] == most),
        _own_code_pages(reading.language).index(reading.encoding)))


_CYRILLIC_CODE_PAGES = ("cp1251", "koi8-r", "koi8-u")


def _utf16_order(data: bytes, name: str) -> bool:
    """Whether the high bytes of `data` read as UTF-16 in this byte order take no more values than
    its low bytes. Bytes with no NUL are UTF-16 only of text with no ASCII character (no space, no
    line end), and charset-normalizer proposes UTF-16 for many a short text in a code page:
    "financé\n" in cp1252 was read as "楦慮据૩". Text keeps to a script or two, whose characters
    share their high bytes (`_utf16_without_bom`); Latin letters read as UTF-16 mostly vary the
    high byte as much as the low one, or more."""
    return _high_byte_excess(data, name) <= 0


# How much less likely in Cyrillic text (`_cyrillic_likelihood`, natural log) a reading's letters
# must be than another's to be set aside: "что" read as KOI8-R ("ВРН") is likelier, by 0.6.
_CYRILLIC_MARGIN = 1.0


def _plausible(readings: list[_Reading]) -> list[_Reading]:
    """The readings of the same bytes that are not less plausible than another, which the language
    detector cannot tell: it calls Arabic read as Thai Thai (0.99), and Russian in cp1251 read as
    KOI8-R, or KOI8-R as cp1251, Russian (0.57-0.84). Set aside are a reading with more than twice
    as many signs of a wrong encoding (`_oddities`), plus one, as the reading with fewest; and, of
    readings mostly in Cyrillic letters, one whose letters are less likely in Cyrillic text, by
    `_CYRILLIC_MARGIN`, than those of a reading with no more signs: each Cyrillic code page puts its
    letters in the same bytes in another order, and a swapped reading is as clean of signs as the
    right one."""
    least = min(reading.signs for reading in readings)
    kept = [reading for reading in readings if reading.signs <= 2 * least + 1]
    cyrillic = [(reading.cyrillic, reading.signs) for reading in kept if reading.cyrillic is not None]
    return [reading for reading in kept
            if reading.cyrillic is None or not any(other > reading.cyrillic + _CYRILLIC_MARGIN and fewer <= reading.signs
                                                   for other, fewer in cyrillic)]


# How often each letter comes in Cyrillic text, in hundredths, case aside: the most of Russian,
# Ukrainian, Bulgarian and Serbian, so that each one's own letters (і, ъ, ј) are at home.
_CYRILLIC_FREQUENCY = dict(
    о=10.97, е=8.45, а=8.6, и=7.35, н=6.9, т=6.26, с=5.47, р=4.73, в=5.4, л=4.4, к=3.6, м=3.21, д=3.3, п=2.9, у=3.3,
    я=2.2, ы=1.9, ь=1.74, г=1.7, з=2.1, б=1.7, ч=1.44, й=1.21, х=1.2, ж=0.94, ш=0.8, ю=0.8, ц=0.7, щ=0.6, э=0.32,
    ф=0.26, ъ=2.3, ё=0.2, і=5.8, ї=0.8, є=0.4, ґ=0.05, ј=4.0, љ=0.5, њ=0.7, ћ=1.0, ђ=0.3, џ=0.1, ў=2.0, ѓ=0.1, ќ=0.1,
    ѕ=0.05)
_CYRILLIC_LOG = {letter: math.log(share / 100) for letter, share in _CYRILLIC_FREQUENCY.items()}
_ASCII_LETTERS = lazy_re.compile("[A-Za-z]")
_PUNCTUATION_LOG = math.log(0.01)  # as likely as a rarer letter
_PUNCTUATION = set("«»„“”‘’—–…№")  # that Cyrillic text writes; others are as unlikely as a symbol
_UNLIKELY_LOG = math.log(0.0001)  # a symbol, a Latin letter or a Cyrillic one of no language above


def _cyrillic_likelihood(text: str) -> float | None:
    """The log likelihood of the characters outside ASCII in the start of `text` as Cyrillic text:
    Cyrillic letters as often as `_CYRILLIC_FREQUENCY` has them; None where it is not mostly in
    Cyrillic letters (two at least, more than half of the characters outside ASCII, and no fewer
    than the letters in ASCII: "ÖkoStrom" read as KOI8-R, "жkoStrom", is not)."""
    sample = text[:_DETECT_SAMPLE]
    high = [char for char in sample.lower() if char > "\x7f"]
    cyrillic = sum(1 for char in high if "\u0400" <= char <= "\u04ff")
    if cyrillic < 2 or cyrillic * 2 <= len(high) or cyrillic < len(_ASCII_LETTERS.findall(sample)):
        return None
    return sum(_CYRILLIC_LOG.get(char) or (_PUNCTUATION_LOG if char in _PUNCTUATION else _UNLIKELY_LOG)
               for char in high)


def _own_code_pages(language: str) -> list[str]:
    return [codecs.lookup(name).name for name in _CODE_PAGES.get(language, _WESTERN_CODE_PAGES)]


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0
