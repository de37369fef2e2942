"""A markdown page's front matter: the YAML ("---") or TOML ("+++") block at the top of a page that
Hugo, Jekyll, Docusaurus, MkDocs, Quarto and their like read before its text.

Read as plain text, the block was one "sentence" (`--- title: "Getting started" date: 2024-03-01
tags: [install, guide] draft: false ---`), reported left out, or set aside as a passage in English
in the French page. A site shows its title, description and summary (as the page's heading, its
search result, its card): those are text, each a block of its own at its line. The rest (dates,
tags, layout, slugs, weights) is the site's furniture: listed as boilerplate, an entry each, never
dropped. The fences are markup alone, as a markdown heading's hashes are.
"""
from __future__ import annotations

import functools
from pathlib import PurePath

from .. import lazy_re
from .base import Block

# Keys whose value a site shows its readers as text (lower case; Hugo's linkTitle, Docusaurus's
# sidebar_label, Jekyll's excerpt).
TEXT_KEYS = frozenset(("title", "subtitle", "description", "summary", "excerpt", "abstract", "linktitle",
                       "link_title", "sidebar_label", "caption", "lead", "teaser", "subheading", "heading"))
# Keys no other kind of text opens with: a block under a plain text's opening rule ("---",
# "Note: ...", "---") is taken for front matter only in a markdown file or with two of them.
_SITE_KEYS = TEXT_KEYS | frozenset(("date", "lastmod", "publishdate", "expirydate", "draft", "tags", "categories",
                                    "layout", "slug", "weight", "aliases", "author", "authors", "permalink",
                                    "keywords", "lang", "language", "sidebar_position", "id", "type", "menu",
                                    "toc", "image", "url", "template", "format", "output", "hide", "translationkey"))
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx", ".qmd", ".rmd")
_MAX_LINES = 500  # a front matter is a page's header, not its text
_MAX_ENTRY_CHARS = 4096  # a title's entry, parsed alone; longer is no title

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_YAML_KEY = lazy_re.compile(r"""(?:([A-Za-z_][\w.-]*)|"([^"\n]+)"|'([^'\n]+)')[ \t]*:(?:[ \t]|$)""")
_TOML_KEY = lazy_re.compile(r"""(?:([A-Za-z_][\w-]*)|"([^"\n]+)")[ \t]*=""")


@functools.lru_cache(maxsize=1)
def _yaml():
    import yaml  # on first use: most texts have no front matter

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _closing_line(lines: list[str], fence: str) -> int | None:
    for number in range(1, min(len(lines), _MAX_LINES)):
        if lines[number].rstrip() in _FENCES[fence]:
            return number
    return None


def _entries(lines: list[str], key_pattern) -> list[tuple[int, int, str]] | None:
    """(first line, end line, key) of each top-level entry between the fences (index 0 is the
    opening fence): an entry runs from its key's line to the next unindented key. Lines before the
    first key (comments) are an entry without a key. None where an unindented line is no key."""
    entries: list[tuple[int, int, str]] = []
    start, key = 1, ""
    for number in range(1, len(lines)):
        line = lines[number]
        if not line.strip() or line[0] in " \t#-" or line.lstrip().startswith("#"):
            continue  # inside an entry: its nested lines, list items, comments, blank lines
        match = key_pattern.match(line)
        if match is None:
            if key_pattern is _TOML_KEY and line.startswith("["):
                match_key = ""  # a TOML table ("[params]"): its keys are nested ones, furniture
            elif key:
                continue  # a value's continued line (a multi-line string)
            else:
                return None
        else:
            match_key = next(group for group in match.groups() if group)
        if number > start:
            entries.append((start, number, key))
        start, key = number, match_key
    entries.append((start, len(lines), key))
    return entries


def _yaml_value(entry: str):
    yaml, loader = _yaml()
    try:
        parsed = yaml.load(entry, Loader=loader)
    except yaml.YAMLError:
        return None
    return parsed


def front_matter_blocks(text: str, as_written: str, path: str) -> list[Block] | None:
    """The page `text` as blocks, its front matter's entries first, or None where it has none.
    `as_written` is `text` as written (same length); blocks quote it."""
    fence = text[:3]
    if fence not in _FENCES or text[3:4] not in ("\n", " ", "\t"):
        return None
    written_lines = as_written.split("\n")
    lines = text.split("\n")
    if lines[0].rstrip() != fence:
        return None
    closing = _closing_line(lines, fence)
    if closing is None or closing < 2:
        return None
    toml = fence == "+++"
    entries = _entries(lines[:closing], _TOML_KEY if toml else _YAML_KEY)
    if not entries:
        return None
    keys = {key.lower() for _, _, key in entries if key}
    markdown = PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES
    if not keys or not (markdown or len(keys & _SITE_KEYS) >= 2):
        return None
    header = "\n".join(lines[1:closing])
    if toml:
        import tomllib

        try:
            parsed = tomllib.loads(header)
        except tomllib.TOMLDecodeError:
            return None
    else:
        yaml, loader = _yaml()
        try:
            # Parsed as a whole only to know it is a mapping; the values are read entry by entry.
            parsed = yaml.load(header, Loader=loader) if len(header) <= _MAX_LINES * 200 else None
        except yaml.YAMLError:
            return None
    if not isinstance(parsed, dict):
        return None
    blocks: list[Block] = []
    for first, end, key in entries:
        entry = "\n".join(lines[first:end]).rstrip()
        if not entry.strip():
            continue
        value = None
        if key.lower() in TEXT_KEYS and len(entry) <= _MAX_ENTRY_CHARS:
            value = parsed.get(key) if toml else (_yaml_value(entry) or {}).get(key)
        if isinstance(value, str) and value.strip():
            blocks.append(Block(value, f"line {first + 1}"))
        else:
            blocks.append(Block("\n".join(written_lines[first:end]).rstrip(), f"line {first + 1}", furniture=True,
                                line_marks=line_marks(lines, first, end)))
    body_start = sum(len(line) + 1 for line in lines[:closing + 1])
    marks = line_marks(lines, closing + 1, len(lines))
    if marks:
        blocks.append(Block(as_written[body_start:], f"line {marks[0][1]}", line_marks=marks))
    return blocks


def line_marks(lines: list[str], first: int, end: int) -> tuple[tuple[int, int], ...]:
    """(words before, line number) of each line from `first` to `end` that holds words, so that a
    sentence is located by the line it starts on."""
    marks, words = [], 0
    for number in range(first, end):
        if lines[number].strip():
            marks.append((words, number + 1))
            words += len(lines[number].split())
    return tuple(marks)
