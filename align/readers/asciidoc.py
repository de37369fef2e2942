"""AsciiDoc (.adoc, .asciidoc, .asc): the text of the page Asciidoctor renders, each paragraph a block
located by the line of the file its sentence starts on.

Read as plain text before, a title kept its markup ("== Install" or its "-------" underline), an
attribute entry (":toc: left") and a block delimiter ("----") were sentences, a listing's commands
were aligned as prose, and "link:url[text]", "<<id,text>>" and "footnote:[...]" stood in the
sentences as written. Now:

- section titles (`= Title`, `== Section`, `#` and the two-line forms Git's manual pages use) and
  block titles (`.Title`) are blocks of their own; a document's author and revision lines are furniture;
- a paragraph is one block over its lines, each sentence located by its own line (`line_marks`);
- inline markup is dissolved: *bold*, _emphasis_, `monospace` (its text as written), #marks#,
  links and cross references as their text (`<<id>>` as the title it points to), kbd:, btn:,
  menu:, Git's linkgit:git-add[1] as "git-add(1)", super- and subscripts raised and lowered;
  an attribute reference `{name}` is kept as written (both sides keep it alike), but for the
  built-in characters (`{nbsp}`, `{plus}`...), which read as the character;
- a footnote's mark is its raised number, and its text a block of its own after its paragraph;
- admonition paragraphs (`NOTE: ...`), quote, sidebar, example and open blocks, list items,
  description lists and table cells (`|===`, CSV and DSV tables) are text, item by item;
- listing, literal, source and passthrough blocks, literal (indented) paragraphs and synopsis
  paragraphs are shown but no prose: furniture (reported as boilerplate, never dropped); so is an
  image's alternative text and a description list's term written wholly in monospace (an option);
- attribute entries, block attributes and anchors, conditionals (`ifdef::`: both branches are read)
  and comments (`//`, `////` blocks) are no text; how many comments were left out is said once,
  quoting the first.
- an `include::file[]` is followed as Asciidoctor's preprocessor follows it, wherever it stands (a
  listing's code too): the file beside the including one read in its place, its `lines=` and
  `tag=`/`tags=` taken, its attribute references `{name}` resolved from the document's entries, each
  block located by that file and its line, "chapters/intro.adoc, line 4". Before, it was named in a
  warning and its text lost; one that cannot be read (no such file, a URL, a cycle) still is.
"""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, field

from .. import lazy_re
from .base import Block, Reader, shifted, tidy
from .includes import FileLine, Includes, decoded, own_marks, where

logger = logging.getLogger("align")

Line = tuple[int, str]  # (the line's number in the file, its text, tabs expanded)

_SECTION = lazy_re.compile(r"(={1,6}|#{1,6}) +(\S.*?)(?: +\1)?\s*$")
_SETEXT_CHARS = "=-~^+"
_ATTRIBUTE_ENTRY = lazy_re.compile(r":!?[\w][\w-]*!?:(?:\s.*)?$")
_BLOCK_ATTRIBUTES = lazy_re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\s*$")
_BLOCK_TITLE = lazy_re.compile(r"\.([^\s.].*)$")
_PREPROCESSOR = lazy_re.compile(r"(?:ifdef|ifndef|ifeval|endif)::.*\[.*\]\s*$")
_INCLUDE = lazy_re.compile(r"include::([^\[]*)\[.*\]\s*$")
_BLOCK_MACRO = lazy_re.compile(r"(image|video|audio|toc)::([^\[]*)\[(.*)\]\s*$")
_ADMONITION = lazy_re.compile(r"(NOTE|TIP|IMPORTANT|WARNING|CAUTION): +")
_LIST_ITEM = lazy_re.compile(r"\s*(\*{1,5}|-|\.{1,5}|\d+\.|[a-zA-Z]\.|[ivxlcdm]+\)|[IVXLCDM]+\)|<\d+>|<\.>)"
                             r"\s+(?:\[[ x*]\]\s+)?(?=\S)")
_DESCRIPTION = lazy_re.compile(r"(?!//)(\S.*?)(:{2,4}|;;)(?:\s+(.*))?$")
_BREAK = lazy_re.compile(r"(?:'{3,}|-{3}|\*{3}|- - -|\* \* \*|<{3})\s*$")
# Delimited blocks: a line of four or more of one character (two hyphens for an open block, three
# backquotes for a fenced listing), closed by the same line.
_DELIMITER = lazy_re.compile(r"(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--|`{3}.*)\s*$")
_TABLE = lazy_re.compile(r"([|,:!])(={3,})\s*$")
_VERBATIM_BLOCKS = frozenset("-.+`")
_VERBATIM_STYLES = frozenset("source listing literal synopsis pass stem latexmath asciimath subs".split())
_NO_TEXT_STYLES = frozenset(("comment",))

# Inline markup, as Asciidoctor reads it: constrained pairs after a non-word character and before
# one; a run is bounded so that a paragraph of unmatched marks is read in about a second.
_INLINE = lazy_re.compile(
    r"(?P<pass>\+\+\+(?P<p3>.{1,500}?)\+\+\+|\+\+(?P<p2>.{1,500}?)\+\+|(?<![\w+])\+(?P<p1>[^\s+](?:[^+]{0,500}?[^\s+])?)\+(?![\w+])"
    r"|pass:[a-z,]*\[(?P<pm>(?:[^\]\\]|\\.){0,500})\])"
    r"|(?P<mono>(?<![\w`])`(?P<mtext>[^\s`](?:[^`]{0,500}?[^\s`])?)`(?![\w`]))"
    r"|(?P<legacy>(?<![\w`])`(?P<lsq>[^`'\s][^`'\n]{0,200}?)'(?![\w']))"
    r"|(?P<footnote>footnote(?:ref)?:(?P<fid>[\w-]{0,100})\[(?P<ftext>(?:[^\]\\]|\\.){0,1000})\])"
    r"|(?P<xref><<(?P<xid>[^,<>\s]{1,200})\s*(?:,\s*(?P<xtext>[^\n]{0,500}?))?>>(?!>))"
    r"|(?P<alink>\{(?P<alname>[\w-]{1,100})\}(?P<alrest>[^\s\[\]{}]{0,500})\[(?P<altext>(?:[^\]\\]|\\.){0,500})\])"
    r"|(?P<macro>\b(?P<mname>link|mailto|xref|kbd|btn|menu|linkgit|anchor|indexterm2?|image|icon)"
    r":(?P<mtarget>[^\s\[]{0,500})\[(?P<mattr>(?:[^\]\\]|\\.){0,500})\])"
    r"|(?P<url>\b(?P<uaddr>(?:https?|ftp|irc)://[^\s\[\]<>]{1,2000})\[(?P<utext>(?:[^\]\\]|\\.){0,500})\])"
    r"|(?P<anchor>\[\[\[(?P<bib>[\w:.-]+)(?:,[^\]]*)?\]\]\]|\[\[[\w:.-]+(?:,[^\]]*)?\]\])"
    r"|(?P<index>\(\(\((?:[^()]|\([^()]*\)){0,500}\)\)\)|\(\((?P<iterm>[^()]{1,500})\)\))"
    r"|(?P<strong>\*\*(?P<s2>.{1,500}?)\*\*|(?<![\w*])\*(?P<s1>[^\s*](?:.{0,500}?[^\s*])?)\*(?![\w*]))"
    r"|(?P<em>__(?P<e2>.{1,500}?)__|(?<![\w_])_(?P<e1>[^\s_](?:.{0,500}?[^\s_])?)_(?![\w_]))"
    r"|(?P<mark>(?:\[[^\]\n]{0,100}\])?##(?P<k2>.{1,500}?)##|(?:\[[^\]\n]{0,100}\])?(?<![\w#])#(?P<k1>[^\s#](?:.{0,500}?[^\s#])?)#(?![\w#]))"
    r"|(?P<sup>\^(?P<sptext>[^\s^]{1,100})\^)"
    r"|(?P<sub>~(?P<sbtext>[^\s~]{1,100})~)"
    r"|(?P<quotes>\"`(?P<dq>.{1,500}?)`\"|'`(?P<sq>.{1,500}?)`'|``(?P<lq>[^`\s](?:[^`]{0,500}?))'')"
    r"|(?P<attribute>\{(?P<aname>[\w-]{1,100})\})",
    re.DOTALL)
# Asciidoctor's built-in attributes that stand for a character.
_CHARACTERS = {"nbsp": "\u00a0", "empty": "", "sp": " ", "amp": "&", "lt": "<", "gt": ">", "plus": "+",
               "startsb": "[", "endsb": "]", "vbar": "|", "caret": "^", "asterisk": "*", "tilde": "~",
               "backslash": "\\", "backtick": "`", "two-colons": "::", "two-semicolons": ";;", "cpp": "C++",
               "zwsp": "\u200b", "wj": "\u2060", "apos": "'", "quot": '"', "deg": "\u00b0", "brvbar": "\u00a6",
               "ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019", "blank": ""}
_REPLACEMENTS = (("(C)", "\u00a9"), ("(R)", "\u00ae"), ("(TM)", "\u2122"), (" -- ", " \u2014 "))
_ESCAPE = lazy_re.compile(r"\\(?=[*_`#^~+{\[<(:\\]|link:|footnote:|https?:)(.)")
_HELD = 0xF0000
_HELD_CHARS = lazy_re.compile("[\U000F0000-\U000FFFFD]")
_COMMENT = lazy_re.compile(r"//(?!/)")


def _hold(text: str) -> str:
    """`text` where no rule reads markup: each character set in the supplementary private-use plane,
    given back when the paragraph is read."""
    return "".join(chr(_HELD + ord(char)) if ord(char) < 0xFFFD and char != "\n" else char for char in text)


def _give_back(text: str) -> str:
    return _HELD_CHARS.sub(lambda match: chr(ord(match.group()) - _HELD), text)


@dataclass
class _Document:
    titles: dict[str, str] = field(default_factory=dict)
    footnotes: dict[str, int] = field(default_factory=dict)
    footnote_count: int = 0
    comments: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    depth: int = 0
    attributes: dict[str, str] = field(default_factory=dict)  # the file's attribute entries, by name


def _setext_title(text: str, underline: str) -> bool:
    """A two-line title: a line of text over a line of one of =-~^+ as long as it, give or take two."""
    stripped = underline.rstrip()
    if len(stripped) < 2 or stripped[0] not in _SETEXT_CHARS or stripped != stripped[0] * len(stripped):
        return False
    title = text.strip()
    if not title or title[0] in "[.+/*-=|" or _DELIMITER.fullmatch(text) or _LIST_ITEM.match(text):
        return False
    return abs(len(stripped) - len(text.rstrip())) <= 2


_ATTRIBUTE_VALUE = lazy_re.compile(r"(?:if(?:n?def)::[^\[]*\[)?:([\w][\w-]*):\s*(.*?)\]?\s*$")
_ADDRESS = lazy_re.compile(r"(?:https?|ftp|irc|mailto|link):")


def _attribute_values(lines: list[Line]) -> dict[str, str]:
    """Each attribute the file sets, `:name: value` (in a one-line `ifdef::x[:name: value]` too), by
    name: every value it is set to, joined, so that either branch of a conditional is seen."""
    values: dict[str, str] = {}
    for _no, text in lines:
        match = _ATTRIBUTE_VALUE.match(text)
        if match:
            values[match.group(1)] = (values.get(match.group(1), "") + " " + match.group(2)).strip()
    return values


def _holds_address(name: str, document: _Document, depth: int = 0) -> bool:
    """Whether attribute `name` holds a link's address (or starts with one held by another): what
    it is set to in the file, or, set outside it, what its name says (uri-, url-, link)."""
    value = document.attributes.get(name)
    if value is None:
        return bool(re.search(r"ur[il]|link|href", name))
    if _ADDRESS.match(value) or any(_ADDRESS.match(part) for part in value.split()):
        return True
    inner = re.match(r"\{([\w-]+)\}", value)
    return bool(inner) and depth < 10 and _holds_address(inner.group(1), document, depth + 1)


def _auto_id(title: str) -> str:
    """Asciidoctor's id of a section: "_" and its title's words in lower case, joined by "_"."""
    return "_" + re.sub(r"\W+", "_", title.lower()).strip("_")


def _section_titles(lines: list[Line]) -> dict[str, str]:
    """The title each id names, for `<<id>>`: an anchor over a title, and each title's own id."""
    titles: dict[str, str] = {}
    pending: list[str] = []
    for k, (_no, text) in enumerate(lines):
        anchor = re.match(r"\[\[([\w:.-]+)(?:,[^\]]*)?\]\]\s*$|\[#([\w:.-]+)[^\]]*\]\s*$", text)
        if anchor:
            pending.append(anchor.group(1) or anchor.group(2))
            continue
        section = _SECTION.match(text)
        title = section.group(2) if section else None
        if title is None and k + 1 < len(lines) and _setext_title(text, lines[k + 1][1]):
            title = text.strip()
        if title is not None:
            titles.update((key, title) for key in pending + [_auto_id(title)])
        if text.strip():
            pending = []
    return titles


def _inline(text: str, document: _Document, notes: list[tuple[str, int]], images: list[str],
            numbers: list[int]) -> str:
    """`text` as the page shows it. A footnote's text goes to `notes`, an inline image's alternative
    text to `images`; line breaks a construct drops are put after it, so that words keep their lines."""
    text = _ESCAPE.sub(lambda match: _hold(match.group(1)), text)

    def shown(match: re.Match) -> str:
        kind = match.lastgroup
        group = match.group
        # The line a footnote stands on (inside bold text, the paragraph's first).
        no = numbers[min(text.count("\n", 0, match.start()), len(numbers) - 1)] if match.string is text else numbers[0]
        if kind == "pass":
            out = _hold(next(g for g in (group("p3"), group("p2"), group("p1"), group("pm")) if g is not None))
        elif kind == "mono":
            inner = group("mtext")
            # `+literal+` is literal; anything else in backquotes is still formatted.
            out = _hold(inner[1:-1]) if len(inner) > 1 and inner[0] == inner[-1] == "+" else _INLINE.sub(shown, inner)
        elif kind == "legacy":  # `this' as AsciiDoc.py wrote single quotes
            out = f"\u2018{group('lsq')}\u2019"
        elif kind == "footnote":
            out = _footnote(group("fid"), group("ftext"), document, notes, no)
        elif kind == "xref":
            out = group("xtext") or document.titles.get(group("xid"), group("xid"))
        elif kind == "alink":
            # "{uri-project}/docs[the docs]": a link whose address an attribute holds, read as its
            # text, as Asciidoctor reads it once the attribute is replaced; anything else as written.
            label = _first_attribute(group("altext"))
            out = label if label and _holds_address(group("alname"), document) else _hold(group())
        elif kind == "macro":
            out = _macro(group("mname"), group("mtarget"), group("mattr"), document, notes, images, no)
        elif kind == "url":
            label = _first_attribute(group("utext"))
            out = label or group("uaddr")
        elif kind == "anchor":
            out = f"[{group('bib')}]" if group("bib") else ""
        elif kind == "index":
            out = group("iterm") or ""
        elif kind == "strong":
            out = _INLINE.sub(shown, group("s2") if group("s2") is not None else group("s1"))
        elif kind == "em":
            out = _INLINE.sub(shown, group("e2") if group("e2") is not None else group("e1"))
        elif kind == "mark":
            out = _INLINE.sub(shown, group("k2") if group("k2") is not None else group("k1"))
        elif kind == "sup":
            out = shifted(group("sptext"), "super")
        elif kind == "sub":
            out = shifted(group("sbtext"), "sub")
        elif kind == "quotes":
            double = group("dq") if group("dq") is not None else group("lq")  # ``this'' as AsciiDoc.py wrote it
            out = f"\u201c{double}\u201d" if double is not None else f"\u2018{group('sq')}\u2019"
        else:
            name = group("aname")
            out = _CHARACTERS[name] if name in _CHARACTERS else _hold(group())
        return out + "\n" * max(0, group().count("\n") - out.count("\n"))

    text = _INLINE.sub(shown, text)
    for written, character in _REPLACEMENTS:
        text = text.replace(written, character)
    return _give_back(text)


def _first_attribute(attributes: str) -> str:
    """A macro's text: all its attributes, unless one is named (`window=_blank`): then its first,
    unquoted; escaped brackets undone, a link's "^" (a new window) dropped."""
    text = attributes.replace("\\]", "]").strip()
    if "=" in text:
        first = text.split(",", 1)[0].strip()
        text = "" if "=" in first else first
    if text.startswith('"') and text.count('"') >= 2:
        text = text[1:].split('"', 1)[0]
    return text[:-1] if text.endswith("^") else text


def _macro(name: str, target: str, attributes: str, document: _Document, notes: list, images: list, no: int) -> str:
    label = _first_attribute(attributes)
    if name == "linkgit":
        return f"{target}({label})"
    if name in ("link", "mailto", "xref"):
        return label or (document.titles.get(target.lstrip("#"), target) if name == "xref" else target)
    if name in ("kbd", "btn"):
        return attributes
    if name == "menu":
        return " \u203a ".join([target] + [part.strip() for part in attributes.split(">") if part.strip()])
    if name == "image":
        if label:
            images.append(label)
        return ""
    if name == "indexterm2":
        return attributes
    return ""  # anchor, indexterm, icon: nothing to read


def _footnote(key: str, text: str, document: _Document, notes: list[tuple[str, int]], no: int) -> str:
    """A footnote's raised number; its text, the first time, goes to `notes`."""
    text = text.replace("\\]", "]")
    if key and key in document.footnotes and not text.strip():
        return shifted(str(document.footnotes[key]), "super")
    document.footnote_count += 1
    if key:
        document.footnotes[key] = document.footnote_count
    if text.strip():
        notes.append((text, no))
    return shifted(str(document.footnote_count), "super")


def _text_block(lines: list[Line], document: _Document, furniture: bool = False, keep_breaks: bool = False,
                verbatim: bool = False) -> None:
    """`lines` as one block, each line's first word marked with its line; then its footnotes and
    images, blocks of their own."""
    if not verbatim:
        document.comments += [text.strip()[2:].strip() for _no, text in lines if _COMMENT.match(text.strip())]
        lines = [(no, text) for no, text in lines
                 if not (_COMMENT.match(text.strip()) or _PREPROCESSOR.match(text.strip()))]
    lines = [(no, text) for no, text in lines if text.strip()]
    if not lines:
        return
    first = lines[0][0]
    if verbatim:
        document.blocks.append(Block("\n".join(text.rstrip() for _no, text in _dedent(lines)), where(first),
                                     furniture=True))
        return
    notes: list[tuple[str, int]] = []
    images: list[str] = []
    hard = [text.rstrip().endswith(" +") for _no, text in lines]
    raw = [text.strip()[:-2] if brk else text.strip() for (_no, text), brk in zip(lines, hard)]
    rendered = _inline("\n".join(raw), document, notes, images, [no for no, _text in lines]).split("\n")
    if len(rendered) != len(lines):
        rendered, hard = [" ".join(rendered)], [False]
    words, marks, text = 0, [], ""
    for (no, _raw), line, brk in zip(lines, rendered, hard):
        line = tidy(line, keep_no_break=True)
        if not line:
            continue
        if words:
            marks.append((words, no))
            text += "" if text.endswith("\n") else "\n" if keep_breaks else " "
        words += len(line.split())
        text += line + ("\n" if brk else "")
    text = re.sub(r"(?<=\S) (?=[\u00b9\u00b2\u00b3\u2070-\u2079]+(?:\W|$))", "", text.strip())
    if text:
        document.blocks.append(Block(text, where(first), furniture=furniture, line_marks=own_marks(first, marks)))
    document.blocks.extend(Block(alt, where(first), furniture=True) for alt in images)
    for note, line in notes:
        _text_block([(line, note)], document)


def _dedent(lines: list[Line]) -> list[Line]:
    depth = min((len(text) - len(text.lstrip(" ")) for _no, text in lines if text.strip()), default=0)
    return [(no, text[depth:]) for no, text in lines]


# Blocks nest (an example in a sidebar in a quote...) no deeper than this; deeper, a block's lines
# are read as one paragraph, not past Python's recursion limit.
MAX_NESTING = 40


def _body(lines: list[Line], document: _Document) -> None:
    if document.depth >= MAX_NESTING:
        _text_block(lines, document)
        return
    document.depth += 1
    try:
        _elements(lines, document)
    finally:
        document.depth -= 1


def _closing(lines: list[Line], k: int, delimiter: str) -> int:
    """The index of the line closing the block opened at `k` by `delimiter` (the end if none)."""
    close = "```" if delimiter.startswith("```") else delimiter
    for end in range(k + 1, len(lines)):
        if lines[end][1].rstrip() == close:
            return end
    return len(lines)


def _elements(lines: list[Line], document: _Document) -> None:
    k = 0
    style = ""  # the first positional attribute of the block attribute line before, if any
    attributes = ""
    after_term = False  # the line before was a description list's term
    header = k == 0 and document.depth == 1
    while k < len(lines):
        no, text = lines[k]
        stripped = text.strip()
        if not stripped:
            k += 1  # a description may stand under its term after blank lines, indented or not
            continue
        if stripped.startswith("////") and set(stripped) == {"/"}:
            end = _closing(lines, k, stripped)
            document.comments.append(" ".join(line.strip() for _n, line in lines[k + 1:end]).strip())
            k = end + 1
            continue
        if _COMMENT.match(text):
            document.comments.append(text[2:].strip())
            k += 1
            continue
        if _ATTRIBUTE_ENTRY.match(text):
            k += 1
            while text.rstrip().endswith((" \\", " +")) and k < len(lines):  # a value over several lines
                text = lines[k][1]
                k += 1
            continue
        if _PREPROCESSOR.match(text) or stripped == "+":
            k += 1
            continue
        if _INCLUDE.match(text):  # one the preprocessor could not follow, named in its warning
            k += 1
            continue
        if _BLOCK_ATTRIBUTES.match(text) and text.startswith("["):
            attributes = stripped[1:-1]
            if not stripped.startswith("[["):
                style = attributes.split(",")[0].strip().lstrip(".#%").split("%")[0].split("#")[0].split(".")[0]
            k += 1
            continue
        section = _SECTION.match(text)
        if section and not (section.group(1)[0] == "=" and len(section.group(1)) >= 4 and _DELIMITER.fullmatch(text)):
            _text_block([(no, section.group(2))], document)
            k += 1
            if section.group(1) == "=" and header:
                k = _header(lines, k, document)
            style, attributes, header = "", "", False
            continue
        header = False
        if k + 1 < len(lines) and _setext_title(text, lines[k + 1][1]):
            _text_block([(no, stripped)], document)
            k += 2
            style = attributes = ""
            continue
        title = _BLOCK_TITLE.match(text)
        if title and not _LIST_ITEM.match(text):
            _text_block([(no, title.group(1))], document)
            k += 1
            continue
        table = _TABLE.match(stripped)
        if table:
            end = _closing(lines, k, stripped)
            _table(lines[k + 1:end], table.group(1), attributes, document)
            k, style, attributes = end + 1, "", ""
            continue
        delimiter = _DELIMITER.fullmatch(text)
        if delimiter and not _BREAK.fullmatch(text):
            end = _closing(lines, k, text.rstrip())
            inner = lines[k + 1:end]
            kind = "open" if text.rstrip() == "--" else text[0]
            if style in _NO_TEXT_STYLES or kind == "/":
                document.comments.append(" ".join(line.strip() for _n, line in inner).strip())
            elif kind in _VERBATIM_BLOCKS or style in _VERBATIM_STYLES:
                _text_block(inner, document, verbatim=True)
            else:
                _body(inner, document)
                if style in ("quote", "verse"):
                    _attribution(no, attributes, document)
            k, style, attributes, after_term = end + 1, "", "", False
            continue
        if _BREAK.fullmatch(text):
            k += 1
            continue
        macro = _BLOCK_MACRO.match(text)
        if macro:
            alt = _first_attribute(macro.group(3)) if macro.group(1) == "image" else ""
            if alt:
                document.blocks.append(Block(alt, where(no), furniture=True))
            k += 1
            continue
        if text[0] == " " and not after_term and style not in ("verse", "quote"):
            end = _paragraph_end(lines, k, literal=True)
            _text_block(lines[k:end], document, verbatim=True)
            k, style, attributes = end, "", ""
            continue
        item = _LIST_ITEM.match(text)
        if item:
            end = _paragraph_end(lines, k + 1)
            _text_block([(no, text[item.end():])] + lines[k + 1:end], document)
            k, style, attributes, after_term = end, "", "", False
            continue
        description = _DESCRIPTION.match(stripped)
        if description and not stripped.startswith(("http", "link:")):
            term = description.group(1)
            wholly_code = bool(re.fullmatch(r"(`[^`]+`\s*)+", term.strip()))
            _text_block([(no, term)], document, furniture=wholly_code)
            k += 1
            if description.group(3):
                end = _paragraph_end(lines, k)
                _text_block([(no, description.group(3))] + lines[k:end], document)
                k = end
                after_term = False
            else:
                after_term = True
            style = attributes = ""
            continue
        end = _paragraph_end(lines, k + 1)
        paragraph = lines[k:end]
        admonition = _ADMONITION.match(stripped)
        if admonition:
            paragraph = [(no, stripped[admonition.end():])] + paragraph[1:]
        if style in _VERBATIM_STYLES:
            _text_block(paragraph, document, verbatim=True)
        elif style not in _NO_TEXT_STYLES:
            _text_block(paragraph, document, keep_breaks=style == "verse")
            if style in ("quote", "verse"):
                _attribution(no, attributes, document)
        else:
            document.comments.append(" ".join(line.strip() for _n, line in paragraph))
        k, style, attributes, after_term = end, "", "", False


def _attribution(no: int, attributes: str, document: _Document) -> None:
    """A quote's author and source ("[quote, Mark Twain, Roughing It]"), shown under it."""
    try:
        parts = next(csv.reader([attributes], skipinitialspace=True))
    except (csv.Error, StopIteration):
        parts = attributes.split(",")
    credit = ", ".join(part.strip() for part in parts[1:3] if part.strip() and "=" not in part)
    if credit:
        _text_block([(no, credit)], document)


def _header(lines: list[Line], k: int, document: _Document) -> int:
    """The document header's author and revision lines, right under its title: furniture."""
    while k < len(lines) and lines[k][1].strip():
        no, text = lines[k]
        if not (_ATTRIBUTE_ENTRY.match(text) or _COMMENT.match(text) or _PREPROCESSOR.match(text.strip())):
            _text_block([(no, text)], document, furniture=True)
        k += 1
    return k


def _paragraph_end(lines: list[Line], k: int, literal: bool = False) -> int:
    """Where a paragraph (or a list item's text) that goes on at `k` ends: a blank line, a block's
    delimiter or attributes, a list item or a continuation mark. A comment line or a conditional
    (`ifdef::`) inside it does not end it: Asciidoctor takes them out before it reads the paragraph,
    and cut there, "fall back to the default name" / "(currently master...)" were sentences apart."""
    while k < len(lines):
        text = lines[k][1]
        stripped = text.strip()
        if not stripped or stripped == "+":
            break
        if not literal and (_DELIMITER.fullmatch(text) or _TABLE.match(stripped) or _LIST_ITEM.match(text)
                            or (text.startswith("[") and _BLOCK_ATTRIBUTES.match(text))
                            or (_DESCRIPTION.match(stripped) and not text[0].isspace())):
            break
        k += 1
    return k


def _table(lines: list[Line], separator: str, attributes: str, document: _Document) -> None:
    """Each cell of a table, read as a little document of its own, in the order written."""
    if separator == "," or "format=csv" in attributes:
        _delimited_rows(lines, ",", document)
        return
    if separator == ":" or "format=dsv" in attributes:
        _delimited_rows(lines, ":", document)
        return
    mark = "!" if separator == "!" else "|"
    start = re.compile(r"(?:^|(?<=\s))(?:\d*(?:\.\d+)?[*+]?[<^>]?(?:\.[<^>])?[adehlmsv]?)?" + re.escape(mark))
    cells: list[list[Line]] = []
    for no, text in lines:
        if not text.strip():
            if cells:
                cells[-1].append((no, ""))
            continue
        at = 0
        matches = list(start.finditer(text))
        if not matches and cells:
            cells[-1].append((no, text))
            continue
        for n, match in enumerate(matches):
            if n == 0 and match.start() > at and cells:
                cells[-1].append((no, text[:match.start()]))
            end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
            cells.append([(no, text[match.end():end])])
    escaped = "\\" + mark  # "\|" in a cell is a "|" of its text, not a new cell
    for cell in cells:
        _body([(no, text.strip().replace(escaped, _hold(mark))) if text.strip() else (no, "") for no, text in cell],
              document)


def _delimited_rows(lines: list[Line], separator: str, document: _Document) -> None:
    for no, text in lines:
        if not text.strip():
            continue
        try:
            cells = next(csv.reader([text], delimiter=separator, skipinitialspace=True))
        except (csv.Error, StopIteration):
            cells = [text]
        for cell in cells:
            _text_block([(no, cell)], document)


_TAG_LINE = lazy_re.compile(r"\b(?:tag|end)::([\w-]+)\[\]")


def _expanded(lines: list[Line], includes: Includes, attributes: dict[str, str]) -> list[Line]:
    """`lines` with each include directive replaced by the lines of the file it names (Asciidoctor's
    preprocessor), numbered in that file; a `////` comment block's includes are not followed."""
    out: list[Line] = []
    comment = ""
    for no, text in lines:
        stripped = text.strip()
        if stripped.startswith("////") and set(stripped) == {"/"}:
            comment = "" if comment == stripped else comment or stripped
        include = None if comment else _INCLUDE.match(text)
        if include is None:
            out.append((no, text))
            continue
        name = re.sub(r"\{([\w-]+)\}", lambda match: attributes.get(match.group(1), match.group()), include.group(1))
        path, reason = includes.locate(name)
        if path is None:
            includes.not_read(name, reason)
            out.append((no, text))  # skipped as no text where it stands
            continue
        source = includes.source(path)
        options = _include_options(text[text.index("[", include.start(1) + len(include.group(1))) + 1:text.rstrip().rindex("]")])
        with includes.inside(path):
            numbered = [(FileLine(n, source), line.expandtabs(8).rstrip())
                        for n, line in enumerate(decoded(includes.read(path)).split("\n"), 1)]
            out.extend(_expanded(_selected(numbered, options), includes, attributes))
    return out


def _include_options(written: str) -> dict[str, str]:
    options = {}
    for part in re.findall(r'([\w-]+)\s*=\s*("[^"]*"|[^,]*)', written):
        options[part[0]] = part[1].strip().strip('"')
    return options


def _selected(lines: list[Line], options: dict[str, str]) -> list[Line]:
    """The included lines the directive's `lines=` ("1..5;8", "10..-1") or `tag=`/`tags=` select;
    the tag directives themselves are never shown."""
    if options.get("lines"):
        wanted = set()
        for part in re.split(r"[;,]", options["lines"]):
            first, dots, last = part.strip().partition("..")
            last = last.strip()
            if not first.isdigit() or dots and last not in ("", "-1") and not last.isdigit():
                continue
            end = int(first) if not dots else len(lines) if last in ("", "-1") else int(last)
            wanted.update(range(int(first), end + 1))
        lines = [line for k, line in enumerate(lines, 1) if k in wanted]
    tags = [tag.strip() for tag in re.split(r"[;,]", options.get("tags") or options.get("tag") or "") if tag.strip()]
    if tags:
        kept, open_tags = [], set()
        for no, text in lines:
            marker = _TAG_LINE.search(text)
            if marker:
                if text[marker.start():].startswith("tag::"):
                    open_tags.add(marker.group(1))
                else:
                    open_tags.discard(marker.group(1))
                continue
            if open_tags & set(tags):
                kept.append((no, text))
        return kept
    return [(no, text) for no, text in lines if not _TAG_LINE.search(text)]


class AsciidocReader(Reader):
    name = "asciidoc"
    suffixes = (".adoc", ".asciidoc", ".asc")
    reads_text = True

    def blocks(self, text: str, label: str) -> list[Block]:
        lines = [(no, line.expandtabs(8).rstrip()) for no, line in enumerate(text.lstrip("\ufeff").split("\n"), 1)]
        includes = Includes(label)
        lines = _expanded(lines, includes, _attribute_values(lines))
        document = _Document(titles=_section_titles(lines), attributes=_attribute_values(lines))
        _body(lines, document)
        comments = [comment for comment in document.comments if comment]
        if comments:
            logger.warning('%s: %d comment%s not read (a page does not show %s), the first "%s"', label,
                           len(comments), "" if len(comments) == 1 else "s", "it" if len(comments) == 1 else "them",
                           comments[0][:60])
        if includes.unread:
            count = len(includes.unread)
            logger.warning("%s: %d include%s not followed (%s): %s", label, count, "" if count == 1 else "s",
                           includes.names(), includes.reasons())
        return document.blocks
