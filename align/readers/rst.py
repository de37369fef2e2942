"""reStructuredText (.rst, .rest): the text of the page docutils or Sphinx renders, each paragraph a
block located by the line of the file its sentence starts on.

Read as plain text before, a section title kept its underline ("Getting started ===============" was
one sentence), directives and targets were sentences (".. note::", ".. code-block:: bash",
".. _install:"), a command in a code block was "untranslated", and a paragraph wrapped before a
role was cut at the line break (":doc:`usage` for more." a sentence of its own). Now:

- section titles are blocks of their own, without their over- and underlines; a transition is no text;
- a paragraph is one block over its lines, each sentence located by its own line (`line_marks`);
- inline markup is dissolved into its sentence: emphasis, strong, ``literals`` (their text as
  written), `link text <url>`_, roles (:ref:`Text <label>` reads "Text"; :ref:`label` the title the
  label stands before in the file, else the label), substitutions (|name| as the file's ``replace``
  or ``unicode`` defines it, or the Sphinx project's conf.py in its ``rst_prolog``/``rst_epilog`` and
  the files they include, or as its ``version``/``release``; else as written, both sides alike), escapes; a footnote reference is its raised number, a citation
  [CIT] as shown;
- a footnote's or citation's text is a block of its own, where it is written, never inside a sentence;
- admonitions (note, warning, seealso, versionadded...), block quotes, list items, definition,
  field and option lists, a figure's caption and legend, and table cells (grid, simple, list-table,
  csv-table) are text, item by item and cell by cell;
- what the page shows that is no prose is furniture (reported as boilerplate, never dropped): code
  blocks, ``::`` literal blocks, doctests, math, raw output, an image's alternative text, a field's name;
- markup that shows nothing is not read: targets (.. _install:), substitution definitions, toctree
  entries, an image's path and options, directive options, Sphinx's metadata fields (:orphan:).
- comments are not shown on the page and are not read, but for one addressed to translators (read
  as furniture); how many were left out is said once, quoting the first.
- an ``include`` directive reads the file it names (relative to the including file's folder) where
  it stands, as the page shows it, each block located by that file and its line, "usage.rst, line 4";
  ``:start-line:``, ``:end-line:``, ``:start-after:`` and ``:end-before:`` taken; with ``:literal:`` or
  ``:code:``, and a ``literalinclude``, it is code, read as furniture. Before, it was named in a
  warning and its text lost; one that cannot be read (no such file, a cycle) still is.

A line-based reader of our own rather than docutils: docutils answers every Sphinx role and directive
it does not know (:ref:, :doc:, code-block, toctree, versionadded...) with an error node in the
text, and keeps no line for most inline content; here an unknown directive's body is read as text
and its arguments as furniture, so that nothing is lost whatever extension wrote it.
"""
from __future__ import annotations

import ast
import csv
import logging
import os
import re
from dataclasses import dataclass, field

from .. import lazy_re
from .base import Block, Reader, shifted, tidy
from .includes import Includes, decoded, in_file, sphinx_source_root

logger = logging.getLogger("align")

Line = tuple[int, str]  # (the line's number in the file, its text, tabs expanded)

_ADORNMENT_CHARS = "=-`:'\"~^_*+#<>.!$%&(),/;?@[\\]{|}"
_ADORNMENT = lazy_re.compile(r"([=\-`:'\"~^_*+#<>.!$%&(),/;?@\[\\\]{|}])\1{2,}\s*")
_BULLET = lazy_re.compile(r"([-*+\u2022\u2023\u2043])( +|$)")
_ENUMERATOR = lazy_re.compile(r"(\(?)(\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)([.)])( +|$)")
_FIELD = lazy_re.compile(r":((?:[^:`\\\s]|\\.)(?:[^:`\\]|\\.)*?):(?=\s|$)\s*")
_OPTION = lazy_re.compile(r"((?:--?|/)[\w?][\w-]*(?:[ =](?:<[^<>]+>|[\w-]+))?"
                          r"(?:, (?:--?|/)[\w?][\w-]*(?:[ =](?:<[^<>]+>|[\w-]+))?)*)(?:  +|$)")
_EXPLICIT = lazy_re.compile(r"\.\.(?: |$)")
_FOOTNOTE = lazy_re.compile(r"\.\. \[(#[\w.-]*|\d+|\*|[^\]\s]+)\](?: +|$)")
_TARGET = lazy_re.compile(r"\.\. (?:_|__:)")
_ANONYMOUS_TARGET = lazy_re.compile(r"__(?: |$)")
_SUBSTITUTION_DEF = lazy_re.compile(r"\.\. \|([^|]+)\| +([\w:.+-]+)::(?: +(.*))?$")
_DIRECTIVE = lazy_re.compile(r"\.\. +([\w:.+-]+?) ?::(?: +(.*))?$")
_GRID_BORDER = lazy_re.compile(r"\+(?:[-=]+\+)+\s*")
_SIMPLE_BORDER = lazy_re.compile(r"=+(?: +=+)+\s*|=+\s*")
_LINE_BLOCK = lazy_re.compile(r"\|(?: |$)")

# Directives whose body is text of the page (admonitions and their kin); those whose first argument
# is a title the page shows; those whose body is shown but is no prose (furniture); those that show
# no text at all. A directive none names has its body read as text and its arguments as furniture.
_TEXT_BODY = frozenset("""attention caution danger error hint important note tip warning seealso todo admonition
    versionadded versionchanged deprecated versionremoved topic sidebar rubric container compound class rst-class
    cssclass only ifconfig tab tabs group-tab tab-set tab-item grid-item-card card dropdown epigraph highlights
    pull-quote glossary hlist centered line-block compound table list-table""".split())
_TITLED = frozenset("admonition topic sidebar rubric centered table list-table csv-table tab tab-item card "
                    "dropdown grid-item-card".split())
_FURNITURE_BODY = frozenset("""code-block code sourcecode parsed-literal math raw doctest testcode testoutput
    testsetup testcleanup productionlist graphviz graph digraph plantuml uml mermaid jupyter-execute ipython
    program-output command-output prompt code-tab header footer""".split())
_NO_TEXT = frozenset("""toctree image include literalinclude meta index highlight default-role role currentmodule
    module sectionauthor moduleauthor codeauthor tabularcolumns contents sectnum section-numbering target-notes
    title autosummary automodule autoclass autofunction automethod autoattribute autodata autoexception
    bibliography footbibliography spelling""".split())
_VERSIONED = frozenset("versionadded versionchanged deprecated versionremoved".split())
# Directives whose argument is the first line of their text (".. note:: Back up first."); the
# others' arguments are an expression or class names (".. only:: html"), no text of the page.
_ARGUMENT_IS_TEXT = frozenset("""attention caution danger error hint important note tip warning seealso todo
    epigraph highlights pull-quote line-block""".split())
# Sphinx's file-wide metadata: fields at the top of a file that configure the page, shown nowhere.
_METADATA_FIELDS = frozenset("orphan nocomments nosearch tocdepth hide-toc hide-navigation hide-footer "
                             "hide-sidebar html_theme.sidebar_secondary.remove".split())
# A comment addressed to whoever translates the file: read, as furniture, where others are not.
_TRANSLATORS = lazy_re.compile(r"\btranslat", re.IGNORECASE)

# Inline markup. Each may start only after a space, an opening punctuation or the text's start, and
# end only before a space, a punctuation or the end; a run is bounded so that a megabyte paragraph of
# unmatched stars is read in about a second.
_START = r"(?<![\w\\*`|])"
_END = r"(?![\w])"
_INLINE = lazy_re.compile(
    r"(?P<literal>" + _START + r"``(?P<lit>\S(?:[^\n]|\n(?!\n)){0,500}?)``" + _END + r")"
    r"|(?P<role>" + _START + r":(?P<rname>[\w.+:-]+):`(?P<rtext>(?:[^`\\]|\\.){1,500}?)`" + _END + r")"
    r"|(?P<rrole>" + _START + r"`(?P<rrtext>(?:[^`\\]|\\.){1,500}?)`:(?P<rrname>[\w.+:-]+):" + _END + r")"
    r"|(?P<link>" + _START + r"_?`(?P<ltext>(?:[^`\\]|\\.){1,500}?)`(?:__?)?" + _END + r")"
    r"|(?P<footref> ?\[(?P<fnote>#[\w.-]*|\d+|\*|[A-Za-z][\w.-]*)\]_" + _END + r")"
    r"|(?P<subst>" + _START + r"\|(?P<sname>[^|\s](?:[^|\n]{0,200}?[^|\s])?)\|(?:__?)?" + _END + r")"
    r"|(?P<strong>" + _START + r"\*\*(?P<stext>[^\s*](?:[^\n]|\n(?!\n)){0,500}?)(?<![\s\\])\*\*" + _END + r")"
    r"|(?P<em>" + _START + r"\*(?P<etext>[^\s*](?:[^\n*]|\n(?!\n)|\\\*){0,500}?)(?<![\s\\])\*" + _END + r")"
    r"|(?P<refname>(?<![\w\\])(?P<rword>[^\W_](?:[\w.+-]{0,200}[^\W_])?)__?(?![\w]))",
    re.DOTALL)
_WHOLLY_CODE = lazy_re.compile(r"(?:(?:``[^`]+``|:(?:option|code|samp|kbd|envvar|file):`[^`]+`)[\s,]*)+")
_LINK_TARGET = lazy_re.compile(r"^(.*?)\s*<([^<>]+)>$", re.DOTALL)
_ESCAPE = lazy_re.compile(r"\\(.)|\\$", re.DOTALL | re.MULTILINE)
# Escaped and literal characters are held in Unicode's supplementary private-use plane while the
# inline markup is read, so that no rule reads them as markup; they are given back at the end.
_HELD = 0xF0000
_HELD_CHARS = lazy_re.compile("[\U000F0000-\U000FFFFD]")
_INCLUDE_LINE = lazy_re.compile(r"\.\.\s+include::\s*(\S+)\s*$")
_CODE_ROLES = frozenset("code literal file samp command program option envvar kbd math regexp mailheader "
                        "makevar dfn".split())


def _hold(text: str) -> str:
    return "".join(chr(_HELD + ord(char)) if ord(char) < 0xFFFD and char != "\n" else char for char in text)


def _give_back(text: str) -> str:
    return _HELD_CHARS.sub(lambda match: chr(ord(match.group()) - _HELD), text)


@dataclass
class _Document:
    """What the whole file tells its parts: titles by their labels, substitutions, footnote numbers,
    and what was left out, for the one warning each."""

    titles: dict[str, str] = field(default_factory=dict)
    substitutions: dict[str, str] = field(default_factory=dict)
    images: set[str] = field(default_factory=set)
    footnotes: dict[str, int] = field(default_factory=dict)
    auto_footnotes: int = 0
    comments: list[str] = field(default_factory=list)
    includes: Includes | None = None  # the files it includes, followed
    blocks: list[Block] = field(default_factory=list)
    started: bool = False  # some text read: a field list after it is no metadata
    depth: int = 0  # how deep the body element being read is nested


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _dedent(lines: list[Line]) -> list[Line]:
    depth = min((_indent(text) for _no, text in lines if text.strip()), default=0)
    return [(no, text[depth:]) for no, text in lines]


def _trimmed(lines: list[Line]) -> list[Line]:
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    return lines


def _indented_block(lines: list[Line], start: int, keep_lead: bool = False) -> tuple[list[Line], int]:
    """The lines from `start` that are blank or indented, dedented, and the index after them; with
    `keep_lead`, the blank lines before them kept (a directive's content starts after one)."""
    end = start
    while end < len(lines) and (not lines[end][1].strip() or lines[end][1][0] == " "):
        end += 1
    block = _dedent(lines[start:end])
    while block and not block[-1][1].strip():
        block = block[:-1]
    return (block if keep_lead else _trimmed(block)), end


def _item(lines: list[Line], start: int, width: int) -> tuple[list[Line], int]:
    """A list item whose text starts at column `width` of line `start`: its first line and those after
    it that are blank or indented, dedented by the item's own indentation."""
    no, text = lines[start]
    body, end = _indented_block(lines, start + 1, keep_lead=True)
    rest = text[width:]
    if not rest.strip():
        return _trimmed(body), end
    return _trimmed([(no, rest.lstrip())] + body), end


def _is_underline(line: str, title: str) -> bool:
    return bool(_ADORNMENT.fullmatch(line)) and len(line.rstrip()) >= min(len(title.rstrip()), 4) and title.strip() != ""


def _section_titles(lines: list[Line]) -> dict[str, str]:
    """The title each hyperlink target stands before (".. _install:" over "Installation"), by label:
    what Sphinx shows for :ref:`install`."""
    titles: dict[str, str] = {}
    pending: list[str] = []
    for k, (_no, text) in enumerate(lines):
        target = re.match(r"\.\. _([^:`]+|`[^`]+`):\s*$", text)
        if target:
            pending.append(target.group(1).strip("`").lower())
            continue
        if not text.strip():
            continue
        title = None
        if k + 1 < len(lines) and _is_underline(lines[k + 1][1], text) and not _ADORNMENT.fullmatch(text):
            title = text.strip()
        elif (_ADORNMENT.fullmatch(text) and k + 2 < len(lines) and lines[k + 1][1].strip()
              and _ADORNMENT.fullmatch(lines[k + 2][1])):
            title = lines[k + 1][1].strip()
        if title is not None:
            titles.update((label, title) for label in pending)
        if not _ADORNMENT.fullmatch(text):
            pending = []
    return titles


def _substitutions(lines: list[Line]) -> tuple[dict[str, str], set[str]]:
    """The text of each substitution the file defines by ``replace`` or ``unicode``, and the names
    of those that stand for an image."""
    texts: dict[str, str] = {}
    images: set[str] = set()
    for k, (_no, text) in enumerate(lines):
        match = _SUBSTITUTION_DEF.match(text)
        if not match:
            continue
        name, kind, value = match.group(1), match.group(2), match.group(3) or ""
        body, _end = _indented_block(lines, k + 1)
        value = " ".join([value] + [line.strip() for _no, line in body if not line.lstrip().startswith(":")]).strip()
        if kind == "replace":
            texts[name] = value
        elif kind == "unicode":
            texts[name] = _unicode(value)
        elif kind == "image":
            images.add(name)
    return texts, images



def _conf_substitutions(includes: Includes) -> tuple[dict[str, str], set[str]]:
    """The substitutions the Sphinx project's conf.py gives every page: those `rst_prolog` and
    `rst_epilog` define, and those of the files they include (`.. include:: /substitutions.txt`),
    and |version|, |release| and |today| where conf.py writes them as text. conf.py is read, never
    run: a value it computes is not known, and that substitution stays as written, as before.
    Before, none was read: "This is content that contains |subst_prolog_1|." for Sphinx's
    "prologue substitute text"."""
    try:
        with open(os.path.join(includes.root, "conf.py"), "rb") as handle:
            tree = ast.parse(handle.read(1 << 20))
    # The parser's own limits: a generated conf.py's long chain of operators is a RecursionError,
    # or a MemoryError, where the page is still to be read as it is.
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return {}, set()
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            values.update((target.id, node.value.value) for target in node.targets if isinstance(target, ast.Name))
    texts = {name: values[name] for name in ("version", "release", "today") if values.get(name)}
    images: set[str] = set()
    for setting in ("rst_prolog", "rst_epilog"):
        lines = list(enumerate(values.get(setting, "").split("\n"), 1))
        found, pictures = _substitutions(lines)
        texts.update(found)
        images |= pictures
        for _no, line in lines:
            name = _INCLUDE_LINE.match(line)
            path = includes.locate(name.group(1))[0] if name else None
            if path is not None:
                found, pictures = _substitutions(list(enumerate(decoded(includes.read(path)).split("\n"), 1)))
                texts.update(found)
                images |= pictures
    return texts, images


def _unicode(value: str) -> str:
    out = []
    for token in value.split(".. ")[0].split():
        code = re.fullmatch(r"(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-fA-F]+);?", token)
        if code:
            out.append(chr(int(code.group(1), 16)))
        elif token.isdigit():
            out.append(chr(int(token)))
        else:
            out.append(token)
    return "".join(out)


def _role_text(name: str, text: str, document: _Document) -> str:
    """What a role shows: its explicit title (`Text <target>`), else its target, as Sphinx writes it."""
    name = name.split(":")[-1]
    explicit = _LINK_TARGET.match(text)
    if name in _CODE_ROLES:
        return _hold(_ESCAPE.sub(lambda m: m.group(1) or "", text))
    if explicit and explicit.group(1).strip():
        return explicit.group(1)
    if explicit:
        text = explicit.group(2)
    if name == "ref":
        return document.titles.get(text.lower(), text)
    if name == "menuselection":
        return text.replace("-->", "\u2023")
    if name == "guilabel":
        return re.sub(r"&(&?)", lambda m: m.group(1), text)
    if name == "abbr":
        return text
    return text.lstrip("~!").rsplit(".", 1)[-1] if text.startswith("~") else text.lstrip("!")


def _inline(text: str, document: _Document, images: list[str]) -> str:
    """`text` as the page shows it. Line breaks a construct drops (a link's target) are put after it,
    so that the words after it keep their lines."""
    text = _ESCAPE.sub(lambda m: "" if m.group(1) in (None, " ", "\n") else _hold(m.group(1)), text)

    def shown(match: re.Match) -> str:
        kind = match.lastgroup
        if kind == "literal":
            out = _hold(match.group("lit"))
        elif kind == "role":
            out = _role_text(match.group("rname"), match.group("rtext"), document)
        elif kind == "rrole":
            out = _role_text(match.group("rrname"), match.group("rrtext"), document)
        elif kind == "link":
            explicit = _LINK_TARGET.match(match.group("ltext"))
            out = (explicit.group(1) or explicit.group(2)) if explicit else match.group("ltext")
        elif kind == "footref":
            out = _footnote_mark(match.group("fnote"), document)
        elif kind == "subst":
            name = match.group("sname")
            if name in document.images:
                images.append(name)
                out = ""
            else:
                out = document.substitutions.get(name, match.group("subst"))
                out = _hold(out) if name not in document.substitutions else out
        elif kind == "strong":
            out = _INLINE.sub(shown, match.group("stext"))
        elif kind == "em":
            out = _INLINE.sub(shown, match.group("etext"))
        else:
            out = match.group("rword")
        return out + "\n" * (match.group().count("\n") - out.count("\n"))

    return _give_back(_INLINE.sub(shown, text))


def _footnote_mark(label: str, document: _Document) -> str:
    """A footnote reference as the page shows it: its number raised against the word before
    ("minutes¹"); a citation in brackets ("[CIT2002]")."""
    if label == "*":
        return "*"
    if label.startswith("#"):
        if label == "#" or label not in document.footnotes:
            document.auto_footnotes += 1
            number = document.auto_footnotes
            if label != "#":
                document.footnotes[label] = number
        else:
            number = document.footnotes[label]
        return shifted(str(number), "super")
    if label.isdigit():
        return shifted(label, "super")
    return f" [{label}]"


def _text_block(lines: list[Line], document: _Document, furniture: bool = False, keep_breaks: bool = False) -> None:
    """A paragraph of `lines` as one block, each line's first word marked with its line."""
    lines = [(no, text) for no, text in lines if text.strip()]
    if not lines:
        return
    images: list[str] = []
    rendered = _inline("\n".join(text.strip() for _no, text in lines), document, images).split("\n")
    if len(rendered) != len(lines):  # a construct gave back fewer breaks than it took: no marks
        rendered = [" ".join(rendered)]
    words, marks, parts = 0, [], []
    for (no, _text), line in zip(lines, rendered):
        line = tidy(line, keep_no_break=True)
        if not line:
            continue
        if words:
            marks.append((words, no))
        words += len(line.split())
        parts.append(line)
    text = ("\n" if keep_breaks else " ").join(parts)
    text = re.sub(r"(?<=\S) (?=[\u00b9\u00b2\u00b3\u2070-\u2079]+(?:\W|$))", "", text) if text else text
    if text:
        document.started = True
        document.blocks.append(Block(text, f"line {lines[0][0]}", furniture=furniture, line_marks=tuple(marks)))
    document.blocks.extend(Block(name, f"line {lines[0][0]}", furniture=True) for name in images)


def _verbatim(lines: list[Line], document: _Document) -> None:
    """A code block, literal block or doctest: shown as written, no prose (furniture)."""
    lines = _trimmed(_dedent(lines))
    if any(text.strip() for _no, text in lines):
        document.blocks.append(Block("\n".join(text.rstrip() for _no, text in lines), f"line {lines[0][0]}",
                                     furniture=True))


# Body elements nest (a list in a quote in a list...) no deeper than this; deeper, a block's lines are
# read as one paragraph: "- - - - ..." over a megabyte went past Python's recursion limit.
MAX_NESTING = 40


def _body(lines: list[Line], document: _Document) -> None:
    """Read the body elements of `lines` (dedented to their level) into `document.blocks`."""
    if document.depth >= MAX_NESTING:
        _text_block(lines, document)
        return
    document.depth += 1
    try:
        _elements(lines, document)
    finally:
        document.depth -= 1


def _elements(lines: list[Line], document: _Document) -> None:
    k = 0
    while k < len(lines):
        no, text = lines[k]
        if not text.strip():
            k += 1
            continue
        following = lines[k + 1][1] if k + 1 < len(lines) else ""
        if text[0] == " ":  # a block quote
            block, k = _indented_block(lines, k)
            _body(block, document)
        elif (_ADORNMENT.fullmatch(text) and k + 2 < len(lines) and following.strip()
              and _ADORNMENT.fullmatch(lines[k + 2][1])):
            _text_block([lines[k + 1]], document)
            k += 3
        elif not _ADORNMENT.fullmatch(text) and _is_underline(following, text) and not _EXPLICIT.match(text):
            _text_block([lines[k]], document)
            k += 2
        elif _ADORNMENT.fullmatch(text) and len(text.strip()) >= 4:
            k += 1  # a transition
        elif _EXPLICIT.match(text):
            k = _explicit(lines, k, document)
        elif _ANONYMOUS_TARGET.match(text):
            _block, k = _indented_block(lines, k + 1)
        elif text.startswith(">>>"):
            end = k
            while end < len(lines) and lines[end][1].strip():
                end += 1
            _verbatim(lines[k:end], document)
            k = end
        elif _GRID_BORDER.fullmatch(text):
            k = _grid_table(lines, k, document)
        elif _SIMPLE_BORDER.fullmatch(text) and " " in text.strip() or (
                _SIMPLE_BORDER.fullmatch(text) and k + 1 < len(lines) and lines[k + 1][1].strip()
                and not _is_underline(following, "x")):
            k = _simple_table(lines, k, document)
        elif _LINE_BLOCK.match(text):
            k = _line_block(lines, k, document)
        elif _BULLET.match(text):
            width = _BULLET.match(text).end()
            item, k = _item(lines, k, width if text[width:].strip() else len(text))
            _body(item, document)
        elif _enumerated(text, following):
            item, k = _item(lines, k, _ENUMERATOR.match(text).end())
            _body(item, document)
        elif _FIELD.match(text) and not text.startswith(":" + "`"):
            k = _field(lines, k, document)
        elif _OPTION.match(text) and (_OPTION.match(text).end() < len(text) or following.startswith(" ")):
            match = _OPTION.match(text)
            document.blocks.append(Block(match.group(1), f"line {no}", furniture=True))
            item, k = _item(lines, k, match.end())
            _body(item, document)
        else:
            k = _paragraph(lines, k, document)


def _enumerated(text: str, following: str) -> bool:
    match = _ENUMERATOR.match(text)
    if not match or (match.group(1) and match.group(3) != ")"):
        return False
    # "A. Smith wrote..." is a sentence: a letter or roman numeral enumerates only before a text
    # on its line and a next line that is blank or indented, as docutils asks.
    if not match.group(2).isdigit() and match.group(2) != "#":
        return bool(text[match.end():].strip()) and (not following.strip() or following.startswith(" "))
    return True


def _paragraph(lines: list[Line], k: int, document: _Document) -> int:
    start = k
    while k < len(lines) and lines[k][1].strip() and lines[k][1][0] != " ":
        k += 1
    if k == start + 1 and k < len(lines) and lines[k][1].strip() and lines[k][1][0] == " ":
        # A definition list: its term, then its definition indented under it.
        term = lines[start][1].split(" : ")[0]
        # A term written wholly as code (``--verbose``, :option:`-q`) names an option: shown, no prose.
        _text_block([(lines[start][0], term)], document, furniture=bool(_WHOLLY_CODE.fullmatch(term.strip())))
        block, k = _indented_block(lines, k)
        _body(block, document)
        return k
    paragraph = lines[start:k]
    last_no, last = paragraph[-1]
    if last.rstrip().endswith("::"):
        stripped = last.rstrip()[:-2]
        paragraph[-1] = (last_no, stripped.rstrip() if stripped.endswith((" ", "\t")) or not stripped else stripped + ":")
        _text_block(paragraph, document)
        return _literal_block(lines, k, document)
    _text_block(paragraph, document)
    return k


def _literal_block(lines: list[Line], k: int, document: _Document) -> int:
    """The literal block after a paragraph ending in "::": indented, or quoted at the paragraph's level."""
    while k < len(lines) and not lines[k][1].strip():
        k += 1
    if k >= len(lines):
        return k
    if lines[k][1][0] == " ":
        block, k = _indented_block(lines, k)
        _verbatim(block, document)
        return k
    quote = lines[k][1][0]
    if quote in _ADORNMENT_CHARS:
        end = k
        while end < len(lines) and lines[end][1][:1] == quote:
            end += 1
        _verbatim(lines[k:end], document)
        return end
    return k


def _line_block(lines: list[Line], k: int, document: _Document) -> int:
    """A line block (verse, an address): one block that keeps its line breaks."""
    out: list[Line] = []
    while k < len(lines) and lines[k][1].strip():
        no, text = lines[k]
        if _LINE_BLOCK.match(text):
            out.append((no, text[2:]))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + " " + text.strip())
        k += 1
    _text_block(out, document, keep_breaks=True)
    return k


def _field(lines: list[Line], k: int, document: _Document) -> int:
    no, text = lines[k]
    match = _FIELD.match(text)
    name = match.group(1)
    body, end = _item(lines, k, match.end())
    if name.lower() in _METADATA_FIELDS and not document.started:
        return end
    document.blocks.append(Block(_inline(name, document, []), f"line {no}", furniture=True))
    _body(body, document)
    return end


def _explicit(lines: list[Line], k: int, document: _Document) -> int:
    """A footnote, citation, target, substitution definition, directive or comment."""
    no, text = lines[k]
    body, end = _indented_block(lines, k + 1, keep_lead=True)
    footnote = _FOOTNOTE.match(text)
    if footnote:
        _body(_trimmed([(no, text[footnote.end():])] + body), document)
        return end
    if _TARGET.match(text) or _SUBSTITUTION_DEF.match(text):
        return end
    directive = _DIRECTIVE.match(text)
    if directive:
        _directive(directive.group(1), directive.group(2) or "", no, body, document)
        return end
    comment = " ".join([text[2:].strip()] + [line.strip() for _no, line in body if line.strip()]).strip()
    if comment and _TRANSLATORS.search(comment):
        document.blocks.append(Block(comment, f"line {no}", furniture=True))
    elif comment:
        document.comments.append(comment)
    return end


def _directive(name: str, argument: str, no: int, body: list[Line], document: _Document) -> None:
    kind = name.split(":")[-1].lower()
    # The arguments' continuation lines, then the options, then (after a blank line) the content.
    k = 0
    argument_lines = [(no, argument)] if argument.strip() else []
    while k < len(body) and body[k][1].strip() and not _FIELD.match(body[k][1]):
        if kind in _ARGUMENT_IS_TEXT:
            break  # an admonition's text may start right under it, with no blank line
        argument_lines.append(body[k])
        k += 1
    options: dict[str, tuple[int, str]] = {}
    while k < len(body) and body[k][1].strip() and _FIELD.match(body[k][1]):
        option = _FIELD.match(body[k][1])
        options[option.group(1).lower()] = (body[k][0], body[k][1][option.end():])
        k += 1
    content = _trimmed(body[k:])
    if kind in ("include", "literalinclude"):
        _include(kind, argument.strip(), {name: value for name, (_no, value) in options.items()}, document)
        return
    if kind in _ARGUMENT_IS_TEXT:
        content = _trimmed(argument_lines + content)
        argument_lines = []
    caption = options.get("caption")
    if caption:
        _text_block([caption], document)
    if "alt" in options and kind in ("image", "figure"):
        _text_block([options["alt"]], document, furniture=True)
    if kind in _VERSIONED:
        # "New in version 2.1: ..." the version is Sphinx's label; what follows it is text.
        words = " ".join(text for _no, text in argument_lines).split(None, 1)
        content = _trimmed(([(no, words[1])] if len(words) > 1 else []) + content)
        _body(content, document)
    elif kind in _TITLED or kind == "csv-table":
        if argument_lines:
            _text_block(argument_lines, document)
        if kind == "csv-table":
            _csv_table(options, content, document)
        else:
            _body(content, document)
    elif kind in _TEXT_BODY or kind == "figure":
        _body(content, document)
    elif kind in _FURNITURE_BODY:
        _verbatim(content, document)
    elif kind in _NO_TEXT:
        return
    else:
        if argument_lines:
            document.blocks.append(Block(" ".join(text.strip() for _no, text in argument_lines),
                                         f"line {argument_lines[0][0]}", furniture=True))
        _body(content, document)


def _csv_table(options: dict[str, tuple[int, str]], content: list[Line], document: _Document) -> None:
    rows: list[Line] = []
    if "header" in options:
        rows.append(options["header"])
    rows += [(no, text) for no, text in content if text.strip()]
    for no, text in rows:
        try:
            cells = next(csv.reader([text], skipinitialspace=True))
        except (csv.Error, StopIteration):
            cells = [text]
        for cell in cells:
            _text_block([(no, cell)], document)


def _grid_table(lines: list[Line], k: int, document: _Document) -> int:
    """A grid table's cells, each read as a little document of its own, in the order of their first line."""
    end = k
    while end < len(lines) and lines[end][1].strip()[:1] in ("+", "|"):
        end += 1
    table = lines[k:end]
    borders = sorted({at for _no, text in table for at, char in enumerate(text) if char == "+"})
    open_cells: dict[int, list[Line]] = {}
    done: list[tuple[int, int, list[Line]]] = []
    for no, text in table[1:]:
        edges = [at for at in borders if at < len(text) and text[at] in "+|"]
        for left, right in zip(edges, edges[1:]):
            segment = text[left + 1:right]
            if segment and set(segment) <= set("-=+"):
                if left in open_cells:
                    cell = open_cells.pop(left)
                    done.append((cell[0][0], left, cell))
            else:
                open_cells.setdefault(left, []).append((no, segment))
    done += [(cell[0][0], left, cell) for left, cell in open_cells.items()]
    for _first, _left, cell in sorted(done, key=lambda item: (item[0], item[1])):
        _body(_trimmed(_dedent(cell)), document)
    return end


def _simple_table(lines: list[Line], k: int, document: _Document) -> int:
    """A simple table: columns where its top border's runs of "=" stand; a row whose first column is
    blank goes on with the row before."""
    border = lines[k][1]
    columns = [(match.start(), match.end()) for match in re.finditer(r"=+", border)]
    starts = [start for start, _end in columns]
    rows: list[list[list[Line]]] = []
    borders_seen = 1
    end = k + 1
    while end < len(lines):
        no, text = lines[end]
        if _SIMPLE_BORDER.fullmatch(text):
            borders_seen += 1
            end += 1
            following = lines[end][1] if end < len(lines) else ""
            if not following.strip() or borders_seen >= 3:
                break
            continue
        if re.fullmatch(r"[-\s]+", text) and text.strip():
            end += 1  # the underline of a column span
            continue
        if not text.strip():
            end += 1
            continue
        cells = [text[start:(starts[n + 1] if n + 1 < len(starts) else len(text))] for n, start in enumerate(starts)]
        if rows and not cells[0].strip():
            for n, cell in enumerate(cells):
                rows[-1][n].append((no, cell))
        else:
            rows.append([[(no, cell)] for cell in cells])
        end += 1
    for row in rows:
        for cell in row:
            _body(_trimmed(_dedent(cell)), document)
    return end


def _include(kind: str, name: str, options: dict[str, str], document: _Document) -> None:
    """The file an include directive names, read where it stands: as text, or as code (furniture)
    with `:literal:`/`:code:` or as a `literalinclude`."""
    includes = document.includes
    if includes is None:
        return
    if name.startswith("<") and name.endswith(">"):  # docutils' own standard files ("<isonum.txt>")
        return
    if name.startswith("/") and includes.root is None and includes.top is not None:
        # Sphinx's path from its source folder, where the user gave no page of a Sphinx project.
        includes.not_read(name, "a path from a Sphinx project's folder, and no conf.py above the document")
        return
    path, reason = includes.locate(name)
    if path is None:
        includes.not_read(name, reason)
        return
    source = includes.source(path)
    lines = _selected(decoded(includes.read(path)).split("\n"), options)
    if kind == "literalinclude" or "literal" in options or "code" in options:
        text = "\n".join(line for _no, line in _trimmed(lines))
        if text.strip():
            document.blocks.append(Block(text, f"{source}, line {lines[0][0]}", furniture=True))
        return
    with includes.inside(path):
        document.blocks.extend(in_file(_included([(no, line.expandtabs(8).rstrip()) for no, line in lines], document),
                                       source))


def _selected(lines: list[str], options: dict[str, str]) -> list[Line]:
    """The lines of an included file the directive's options select, each with its number."""
    numbered = list(enumerate(lines, 1))
    start, end = options.get("start-line", "").strip(), options.get("end-line", "").strip()
    numbered = numbered[int(start) if start.lstrip("-").isdigit() else 0:int(end) if end.lstrip("-").isdigit() else None]
    after, before = options.get("start-after", "").strip(), options.get("end-before", "").strip()
    if after:
        at = next((k for k, (_no, line) in enumerate(numbered) if after in line), None)
        numbered = numbered[at + 1:] if at is not None else numbered
    if before:
        at = next((k for k, (_no, line) in enumerate(numbered) if before in line), None)
        numbered = numbered[:at] if at is not None else numbered
    return numbered


def _included(lines: list[Line], parent: _Document) -> list[Block]:
    """The blocks of an included file's numbered lines, which knows the titles and substitutions of
    the document that includes it, and whose comments that document counts."""
    document = _Document(includes=parent.includes, comments=parent.comments)
    own_titles = _section_titles(lines)
    own_substitutions, document.images = _substitutions(lines)
    document.titles = {**parent.titles, **own_titles}
    document.substitutions = {**parent.substitutions, **own_substitutions}
    _body(lines, document)
    return document.blocks


class RstReader(Reader):
    name = "rst"
    suffixes = (".rst", ".rest")
    reads_text = True

    def blocks(self, text: str, label: str) -> list[Block]:
        lines = [(no, line.expandtabs(8).rstrip()) for no, line in enumerate(text.lstrip("\ufeff").split("\n"), 1)]
        includes = Includes(label)
        includes.root = sphinx_source_root(includes.top)
        document = _Document(includes=includes)
        document.titles = _section_titles(lines)
        document.substitutions, document.images = _substitutions(lines)
        if includes.root is not None:  # what conf.py's rst_prolog and rst_epilog define, the page's own first
            texts, images = _conf_substitutions(includes)
            document.substitutions = {**texts, **document.substitutions}
            document.images |= {name for name in images if name not in document.substitutions}
        _body(lines, document)
        if document.comments:
            count = len(document.comments)
            logger.warning('%s: %d comment%s not read (a page does not show %s), the first "%s"', label, count,
                           "" if count == 1 else "s", "it" if count == 1 else "them", document.comments[0][:60])
        if includes.unread:
            count = len(includes.unread)
            logger.warning("%s: %d included file%s not followed (%s): %s", label, count, "" if count == 1 else "s",
                           includes.names(), includes.reasons())
        return document.blocks
