"""A program's strings in YAML, one language a file, as Ruby on Rails keeps them
(config/locales/fr.yml: a root "fr:" and nested keys under it) and Symfony and many web apps do
(translations/messages.fr.yaml, nested or flat "key: value"): each string value is a block, in
the file's order, located by its key's path without the language root ("key
activerecord.errors.messages.blank", "key date.day_names.1"), as a JSON file's strings are. The
root gives the blocks' language. A file holding several languages side by side (roots en:, fr:,
de:, as a Jekyll theme's _data/ui-text.yml holds fifty) is a file of versions: each root's strings
keyed by their path below it, so that --src-lang/--tgt-lang choose two (`_roots`).

The text is read as the app shows it: YAML's quoting and escapes undone, a block scalar ("|",
">") folded as YAML folds it, an anchor's value read at every key that aliases it, a merge key's
("<<: *defaults") values at the keys they are merged into. A Rails plural's forms that English
has none of ("zero", "two", "few", "many") are page furniture, as in Android's strings.xml: a Polish
third form is no addition. Interpolations ("%{count}", "{{count}}") stay as written. An ICU
message (Symfony's +intl-icu catalogues) is read form by form, as in JSON.

What is no text is not read as sentences. Numbers, true and false, null ("~", the nil before
January in Rails' month_names) and dates are settings the app does not show as text, and a Ruby
symbol (":day" in Rails' date.order) is a name in the program, as a key is: none is read (as in
JSON). A string of format directives, figures and punctuation alone ("%d/%m/%Y", "%n %u", ","),
a format under a "formats" key ("%d. %B %Y, %H:%M Uhr"), and a yes/no/on/off word (a boolean to
YAML 1.1 and to Ruby, though its writer likely meant the word) are page furniture, reported as
boilerplate, never dropped. Read as plain text before, the keys, quotes, indentation and comments
were the report's sentences (Redmine's en.yml: 234 "sentences", one of 10,000 characters).

The parser is PyYAML's, with libyaml's C scanner where it is installed: YAML 1.1 as Ruby's Psych
reads it, block folding and escapes as the spec says, nesting refused past 1,000 levels, and node
marks for a damaged file's line. Imported on first use: the fixed cost of every process is 0.3 s.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..errors import InputError
from .base import ENGLISH_PLURALS, PLURAL_CATEGORIES, Block, Reader, broken
from .i18n_json import locale_code as _locale_code
from .i18n_json import string_blocks, version_roots

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_MERGE = "tag:yaml.org,2002:merge"
# YAML's own scalar types: read as settings, not text.
_SETTINGS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "null", "timestamp", "bool"))
_SYMBOL = lazy_re.compile(r":[A-Za-z_]\w*[?!]?")
# strftime directives ("%d", "%-d", "%^a"), number formats' "%n %u", interpolations ("%{count}",
# "{{count}}") and what stands between them in a date or a number's format: figures, punctuation.
_FORMAT_ONLY = lazy_re.compile(r"(?:%[-_0^#:]*[A-Za-z%]|%\{\w+\}|\{\{\s*\w+\s*\}\}|[^\w]|\d)*")
# A flow sequence a key's value opens on, written on its line, with no quote or comment in it.
_FLOW_LIST = lazy_re.compile(r"^([ \t]*(?:[\w.-]+:|-)[ \t]*)(\[[^\n\"'#\[\]]*\])[ \t]*$", re.MULTILINE)
_FLOW_SYMBOL = lazy_re.compile(r"(?<=[\[,])([ \t]*)(:[A-Za-z_]\w*[?!]?)(?=[ \t]*[,\]])")
# A date's or a number's format under Rails' keys for them ("date.formats.long", "number.currency.
# format.format", Doorkeeper's "date_format"), with words beside its directives ("%d. %B %Y, %H:%M
# Uhr", "%Y年%m月%d日"): a setting each language writes its own way, not a sentence.
_FORMAT_KEY = lazy_re.compile(r"(?:^|[._])formats?(?:\.|$)")
_DIRECTIVE = lazy_re.compile(r"%[-_0^#:]*[A-Za-z]")
_WORDS_AS_BOOLEANS = frozenset(("yes", "no", "on", "off"))
# A locale file's first line of content ("fr:", "pt-BR:", "'no':") and an indented key under it.
_ROOT_LINE = lazy_re.compile(r"""["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)["']?:[ \t]*(?:#.*)?""")
_KEY_LINE = lazy_re.compile(r"""[ \t]+(?:[\w.-]+|"[^"\n]*"|'[^'\n]*'):(?:[ \t]|$)""")
# Values an alias may expand to, beyond the file's own size: billion laughs ("&a [*b,*b,*b,...]")
# refused at once.
_EXPANSION_ALLOWANCE = 10_000


@lru_cache(maxsize=1)
def _yaml():
    import yaml  # imported on first use: 16 ms of a process that reads no YAML

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _first_lines(data: bytes) -> list[str]:
    text = data[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")
            and line.strip() not in ("---", "...") and not line.startswith("%YAML")]


def _reason(error: Exception) -> str:
    """A YAML error in one line, with where it stands: "found character that cannot start any
    token (line 2, column 1)"; its first line alone ("while scanning a plain scalar") told nothing."""
    problem = getattr(error, "problem", None) or getattr(error, "context", None)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if not problem:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else problem


def _pairs(mapping) -> list[tuple[str, object]]:
    """(key as written, value node) of a mapping, in its order; a merge key's ("<<: *defaults")
    pairs where it stands, those the mapping writes itself winning."""
    yaml, _loader = _yaml()
    own = {key.value for key, _value in mapping.value
           if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE}
    out = []
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode) and key.tag == _MERGE:
            merged = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in merged:
                if isinstance(source, yaml.MappingNode):
                    out += [(k, v) for k, v in _pairs(source) if k not in own]
            continue
        out.append((key.value if isinstance(key, yaml.ScalarNode) else _flow_key(key), value))
    return out


def _flow_key(node) -> str:
    """A complex key ("? [a, b]"), as its scalars joined: rare, but its value is still located."""
    yaml, _loader = _yaml()
    if isinstance(node, yaml.ScalarNode):
        return node.value
    items = node.value if isinstance(node, yaml.SequenceNode) else [k for k, _v in node.value]
    return ",".join(_flow_key(item) for item in items)


def _is_plural(pairs: list[tuple[str, object]]) -> bool:
    keys = {key for key, _value in pairs}
    return bool(keys) and keys <= PLURAL_CATEGORIES and bool(keys & ENGLISH_PLURALS)


def _scalar_reading(node, path: str) -> tuple[str, bool] | None:
    """(text, furniture) of the scalar at key `path` as the app shows it, or None for a setting (a
    number, true or false, null, a date) or a Ruby symbol, which are no text."""
    if node.tag == _STR:
        text = node.value
        if _SYMBOL.fullmatch(text):
            # A name in the program, as a key is (Rails' date.order): read as furniture, the
            # French order "day, month, year" against English "year, month, day" was "moved".
            return None
        return text, bool(_FORMAT_ONLY.fullmatch(text) or _DIRECTIVE.search(text) and _FORMAT_KEY.search(path))
    if node.tag == _BOOL and node.value.lower() in _WORDS_AS_BOOLEANS:
        return node.value, True
    if node.tag in _SETTINGS:
        return None
    return node.value, True  # a tag of the program's own ("!ruby/object"): kept, not read as text


def _walk(root, prefix: str, allowance: int):
    """(key path, text, furniture) of every string under `root`, in the file's order; InputError
    when aliases expand it past `allowance` values."""
    yaml, _loader = _yaml()
    stack = [(prefix, root, False)]
    visited = 0
    while stack:
        path, node, extra = stack.pop()
        visited += 1
        if visited > allowance:
            raise ValueError(f"its aliases expand it to more than {allowance} values")
        if isinstance(node, yaml.ScalarNode):
            reading = _scalar_reading(node, path)
            if reading is not None and reading[0].strip():
                yield path, reading[0], extra or reading[1]
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(_joined(path, str(k)), child, extra) for k, child in enumerate(node.value)]))
        elif isinstance(node, yaml.MappingNode):
            pairs = _pairs(node)
            plural = _is_plural(pairs)
            stack.extend(reversed([(_joined(path, key), child, extra or plural and key not in ENGLISH_PLURALS)
                                   for key, child in pairs]))


def _joined(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _roots(documents: list) -> list[tuple[str, str, object, str | None]]:
    """(path prefix, language, node, version) of the file's parts. Where several language roots
    share their keys (Rails' en:, fr:, de: in one file: `i18n_json.version_roots`), each is a
    version (`Block.version`), its strings keyed by their path below the root, so that
    `--src-lang`/`--tgt-lang` choose two and `align.keyed` pairs them string by string: read as
    one text of several languages, the detector's parts aligned two as running text and left the
    third out ("its German part is left out"), and a string the target lacks (en.houses) was
    merged into its neighbour's pair. Else each document under its language roots where every
    top-level key is one (the prefix empty where there is one root alone), or whole."""
    yaml, _loader = _yaml()
    entries = [(document, _pairs(document) if isinstance(document, yaml.MappingNode) else []) for document in documents]
    flat = [(key, {k for k, _v in _pairs(value)} if isinstance(value, yaml.MappingNode) else None)
            for _document, pairs in entries for key, value in pairs]
    tags = version_roots(flat)
    parts = []
    if any(tags):
        left = iter(tags)
        for document, pairs in entries:
            parts += [("", _locale_code(key), value, tag) if (tag := next(left)) else (key, "", value, None)
                      for key, value in pairs] or [("", "", document, None)]
        return parts
    for document, pairs in entries:
        codes = [_locale_code(key) if isinstance(value, yaml.MappingNode) else "" for key, value in pairs]
        if pairs and all(codes):
            parts += [("" if len(pairs) == 1 else key, code, value, None) for (key, value), code in zip(pairs, codes)]
        else:
            parts.append(("", "", document, None))
    return parts


def _documents(text: str, label: str) -> list:
    yaml, loader = _yaml()
    try:
        return _composed(text)
    except yaml.YAMLError as error:
        # Ruby reads "[:day, :month, :year]" (Rails' date.order) as symbols; libyaml refuses a
        # plain scalar opening on ":" in a flow sequence. Quoted, it is read as Ruby reads it.
        quoted = _FLOW_LIST.sub(_symbols_quoted, text)
        if quoted != text:
            try:
                return _composed(quoted)
            except yaml.YAMLError:
                pass
        raise broken(label, "YAML", ValueError(_reason(error))) from None
    except RecursionError:  # PyYAML without libyaml composes by recursion
        raise InputError(f"{label}: cannot be read as YAML (nested too deeply to read)") from None


def _symbols_quoted(match: re.Match) -> str:
    return match.group(1) + _FLOW_SYMBOL.sub(r"\1'\2'", match.group(2))


def _composed(text: str) -> list:
    yaml, loader = _yaml()
    return [document for document in yaml.compose_all(text, Loader=loader) if document is not None]


class YamlStringsReader(Reader):
    name = "yaml"
    suffixes = (".yml", ".yaml")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        # A locale file whatever its name: its first line of content a language root ("fr:"), an
        # indented key under it. A flat file ("key: value" a line) is known by its name alone: a
        # plain text's "Note: ..." lines are written so too.
        lines = _first_lines(data)
        if len(lines) < 2:
            return False
        root = _ROOT_LINE.fullmatch(lines[0])
        return bool(root and _KEY_LINE.match(lines[1]) and _locale_code(root.group(1)))

    def blocks(self, text: str, label: str) -> list[Block]:
        allowance = len(text) + _EXPANSION_ALLOWANCE
        documents = _documents(text, label)
        out: list[Block] = []
        try:
            for prefix, lang, node, version in _roots(documents):
                for path, string, furniture in _walk(node, prefix, allowance):
                    out += string_blocks(path, string, furniture=furniture, lang=lang, version=version)
        except ValueError as error:
            raise broken(label, "YAML", error) from None
        return [block for block in out if block.text]
