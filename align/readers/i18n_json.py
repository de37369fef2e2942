"""A program's strings in JSON, as i18next, vue-i18n, Angular's and most web frameworks keep one
language a file ({"app": {"title": "Storm report", ...}}), and Flutter's ARB files (app_fr.arb:
the same, with "@@locale" and an "@key" object of metadata beside each string): each string value
is a block, in the order the file writes it, located by its key's path ("key app.title", "key
days.2"). The keys are the program's names for the strings, not text, and are not read; nor are
numbers, true, false or null; nor an ARB file's metadata ("@@locale", "@title": the description
and placeholders are notes for the translator, not the app's text). Read as plain text, the braces,
quotes and keys were the sentences of the report; read as JSON, an ARB file's descriptions were.
A file of several languages side by side (i18next's resources, {"en": {"translation": {...}},
"fr": {...}}; vue-i18n's messages) is a file of versions, each locale's strings keyed by their
path below it (`version_roots`).

An ICU message ("{count, plural, =0{No items} one{1 item} other{{count} items}}", as ARB files,
FormatJS and Symfony's +intl-icu catalogues write a plural or a choice) is read as the app shows
each of its forms, each a block of its own ("key items.=0", "key items.one"), "#" as the number's
placeholder "{count}"; before, the whole message was one "sentence" of braces and selectors. A
plural's forms that English has none of ("zero", "two", "few", "many"), and i18next's plural
keys for them ("items_few"), are page furniture, reported as boilerplate, never dropped: a Polish
third form is no addition.
"""
from __future__ import annotations

import json

from .. import lazy_re
from .base import ENGLISH_PLURALS, PLURAL_CATEGORIES, Block, Reader, broken, version_tag
from .po import message_blocks


class _Object(list):
    """A JSON object as the (key, value) pairs it writes, each kept: json.loads' dict kept the last
    of two values under one key ("title" twice in a file merged by hand), the first was lost unsaid."""


# A lone surrogate escape ("\\ud800", half of an emoji cut off) is no character: it stood in the
# text as one and the language detector's traceback ended the run. Read as U+FFFD, as a decoder
# reads a byte it cannot.
_LONE_SURROGATE = lazy_re.compile("[\ud800-\udfff]")

# The ordinal categories English has ("1st", "2nd", "3rd", "4th"; its plural ones are
# base.ENGLISH_PLURALS): the others are forms of languages with more.
_ENGLISH_ORDINALS = frozenset(("one", "two", "few", "other"))
# i18next's plural keys (v21 on): "items_one", "items_other", and "items_few" in Polish.
_PLURAL_KEY = lazy_re.compile(r"(.+)_(zero|one|two|few|many|other)")
_ICU_CHOICE = lazy_re.compile(r"\{\s*[^{},\s]+\s*,\s*(?:plural|select|selectordinal)\s*,")
_ARGUMENT = lazy_re.compile(r"\{\s*([^{},\s]+)\s*(?:,\s*(plural|select|selectordinal)\s*,)?")
_OFFSET = lazy_re.compile(r"\s*offset\s*:\s*\d+")
_SELECTOR = lazy_re.compile(r"\s*(=?[^\s{}]+)\s*\{")
_CLOSING = lazy_re.compile(r"\s*\}")
# A message whose forms multiply past this many (three plurals of four forms) is read as written.
MAX_ICU_FORMS = 64


class _Choice:
    """An ICU plural, selectordinal or select argument: its variable and its (selector, message) forms."""

    def __init__(self, name: str, kind: str, forms: list) -> None:
        self.name, self.kind, self.forms = name, kind, forms

    def extra(self, selector: str) -> bool:
        """Whether `selector` is a form English has none of."""
        if self.kind == "select" or selector not in PLURAL_CATEGORIES:
            return False  # "=0", "male": a case of its own, which any language may write
        return selector not in (_ENGLISH_ORDINALS if self.kind == "selectordinal" else ENGLISH_PLURALS)


def _quoted(text: str, at: int) -> tuple[str, int]:
    """ICU's apostrophe quoting from text[at] (an apostrophe): "''" is one apostrophe; one before a
    brace, "#" or "|" quotes up to the next lone apostrophe; any other ("don't") is itself."""
    following = text[at + 1:at + 2]
    if following == "'":
        return "'", at + 2
    if following and following in "{}#|":
        end = text.find("'", at + 1)
        end = len(text) if end < 0 else end
        return text[at + 1:end], end + 1
    return "'", at + 1


def _closing(text: str, at: int) -> int:
    """The index after the brace that closes the one before text[at]."""
    depth = 1
    while at < len(text):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        at += 1
        if depth == 0:
            return at
    raise ValueError("unclosed brace")


def _message(text: str, at: int, number: str | None) -> tuple[list, int]:
    """The pieces of the ICU message from text[at] to its unmatched "}" or the end: strings, and
    _Choice for a plural or select; `number`, the variable "#" stands for inside a plural's form."""
    pieces: list = []
    while at < len(text):
        char = text[at]
        if char == "}":
            return pieces, at
        if char == "'":
            literal, at = _quoted(text, at)
            pieces.append(literal)
        elif char == "#" and number is not None:
            pieces.append("{" + number + "}")
            at += 1
        elif char == "{":
            piece, at = _argument(text, at)
            pieces.append(piece)
        else:
            pieces.append(char)
            at += 1
    return pieces, at


def _argument(text: str, at: int):
    """The argument opening at text[at] ("{"): a _Choice for a plural or select, else its text as
    written ("{name}", "{price, number, currency}"), the app's placeholder."""
    match = _ARGUMENT.match(text, at)
    if not match or not match.group(2):
        end = _closing(text, at + 1)
        return text[at:end], end
    name, kind = match.group(1), match.group(2)
    at = match.end()
    offset = _OFFSET.match(text, at)
    at = offset.end() if offset else at
    forms = []
    while True:
        found = _SELECTOR.match(text, at)
        if not found:
            break
        form, at = _message(text, found.end(), name if kind != "select" else None)
        if at >= len(text):
            raise ValueError("unclosed form")
        forms.append((found.group(1), form))
        at += 1
    closing = _CLOSING.match(text, at)
    if not closing or not forms:
        raise ValueError("not an ICU choice")
    return _Choice(name, kind, forms), closing.end()


def _expanded(pieces: list) -> list[tuple[tuple[str, ...], str, bool]]:
    """(selectors, text, furniture) of each form the pieces make, every choice's forms in turn."""
    out: list[tuple[tuple[str, ...], str, bool]] = [((), "", False)]
    for piece in pieces:
        if isinstance(piece, str):
            out = [(path, text + piece, extra) for path, text, extra in out]
            continue
        out = [(path + (selector,) + inner_path, text + inner_text, extra or inner_extra or piece.extra(selector))
               for path, text, extra in out
               for selector, form in piece.forms
               for inner_path, inner_text, inner_extra in _expanded(form)]
        if len(out) > MAX_ICU_FORMS:
            raise ValueError("too many forms")
    return out


def icu_forms(text: str) -> list[tuple[str, str, bool]] | None:
    """(selectors joined by ".", the form as the app shows it, whether English has no such form) of
    each form of an ICU plural or select message; None for a text that holds none, or is no
    well-formed ICU message (read as written then, every character kept)."""
    if "{" not in text or not _ICU_CHOICE.search(text):
        return None
    try:
        pieces, end = _message(text, 0, None)
        if end < len(text):
            return None  # a "}" that closes nothing
        forms = _expanded(pieces)
    except (ValueError, RecursionError):  # plurals nested past Python's stack: read as written
        return None
    return [(".".join(path), form, extra) for path, form, extra in forms]


def _strings(value, path: str):
    """(key path, text) of every string under `value`, in the file's order. Walked with a stack of
    its own: nested 900 deep, as json.loads still reads, the recursion ran out of Python's stack."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, _LONE_SURROGATE.sub("\ufffd", value)
        elif isinstance(value, _Object):
            stack.extend(reversed([(f"{path}.{key}" if path else str(key), child) for key, child in value]))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{path}.{index}" if path else str(index), child)
                                   for index, child in enumerate(value)]))


def _arb_metadata(value, named_arb: bool = False) -> frozenset[str]:
    """The keys of an ARB file's metadata ("@@locale", "@title", "@_readme"): a top-level key
    starting with "@" in a file named .arb (`named_arb`), or that holds one "@@" key or an "@key"
    beside its "key"."""
    if not isinstance(value, _Object):
        return frozenset()
    keys = {str(key) for key, _child in value}
    at_keys = {key for key in keys if key.startswith("@")}
    if named_arb or any(key.startswith("@@") or key[1:] in keys for key in at_keys):
        return frozenset(at_keys)
    return frozenset()


def _angular(value) -> dict | None:
    """The two members of an Angular translation file ({"locale": "fr", "translations": {...}},
    as `ng extract-i18n --format json` writes one), or None for any other JSON."""
    if not isinstance(value, _Object) or sorted(str(key) for key, _child in value) != ["locale", "translations"]:
        return None
    members = dict(value)
    return members if isinstance(members["locale"], str) and isinstance(members["translations"], _Object) else None


def _declared_locale(value) -> str:
    """An ARB file's "@@locale" ("fr", "pt_BR") or an Angular file's "locale", or ""."""
    if isinstance(value, _Object):
        for key, child in value:
            if key == "@@locale" and isinstance(child, str):
                return child.strip()
    angular = _angular(value)
    return angular["locale"].strip() if angular else ""


def _app_strings(value, named_arb: bool = False):
    """(key path, text) of the strings the app shows: an ARB file's metadata and an Angular file's
    "locale" ("pt-BR", read as a string of the app before) left out."""
    angular = _angular(value)
    if angular:
        return _strings(angular["translations"], "translations")
    metadata = _arb_metadata(value, named_arb)
    if not metadata:
        return _strings(value, "")
    kept = _Object((key, child) for key, child in value if key not in metadata)
    return _strings(kept, "")


# Countries' codes written for their languages' (a theme's "gr" and "gr-GR" for Greek, "jp", "cn"),
# where the code is no language's: read as the language, or the root stood untagged among the
# versions and `--tgt-lang el` could not choose it.
_COUNTRY_AS_LANGUAGE = {"gr": "el", "jp": "ja", "cn": "zh", "cz": "cs", "dk": "da", "ua": "uk", "rs": "sr"}


def _as_language(key: str) -> str:
    primary, _, rest = key.replace("_", "-").partition("-")
    language = _COUNTRY_AS_LANGUAGE.get(primary.lower())
    return f"{language}-{rest}" if language and rest else language or key


def locale_code(key: str) -> str:
    """The language of a locale root key ("fr", "pt-BR", "zh_Hans", a country's "gr"), or "" for a
    key that names none ("app", "title", "ok"). Shared with the YAML reader."""
    from ..language import LANGUAGE_NAMES, parse_language_tag  # only for a file that has a root

    key = _as_language(key)
    try:
        code, _tag = parse_language_tag(key)
    except ValueError:
        return ""
    return code if len(key.replace("_", "-").split("-")[0]) == 2 or code in LANGUAGE_NAMES else ""


def version_roots(entries: list[tuple[str, set[str] | None]]) -> list[str | None]:
    """The version tag of each top-level entry (its key, and its value's keys where that is an
    object) of a file holding several languages side by side, as Rails' locale YAML (en:, fr:, de:),
    i18next's resources ({"en": {"translation": {...}}, "fr": {...}}) and vue-i18n's messages are
    written in one file; None for an entry that is no locale root. The roots are the entries named
    by a locale, each sharing a key with another: a file of two-letter sections ("id", "it") keyed
    apart is no set of translations. All None where fewer than two are. An entry beside them that
    names no locale (a theme's "gr" for Greek, Rails' "defaults" an anchor points at) stays
    untagged, read as before, so that its strings are still listed."""
    roots = [k for k, (key, keys) in enumerate(entries) if keys and locale_code(key)]
    kept = {k for k in roots if entries[k][1] & set().union(*(entries[j][1] for j in roots if j != k))}
    if len(kept) < 2:
        return [None] * len(entries)
    return [version_tag(_as_language(key)) if k in kept else None for k, (key, _keys) in enumerate(entries)]


def _extra_plural_keys(paths: list[str]) -> set[str]:
    """The i18next plural keys of forms English has none of ("items_few" beside "items_one")."""
    present = set(paths)
    out = set()
    for path in paths:
        match = _PLURAL_KEY.fullmatch(path)
        if match and match.group(2) not in ENGLISH_PLURALS and \
                (f"{match.group(1)}_one" in present or f"{match.group(1)}_other" in present):
            out.add(path)
    return out


# English writes a plural in vue-i18n's way in two forms ("car | cars").
ENGLISH_PIPE_FORMS = 2


def pipe_forms(text: str) -> list[str] | None:
    """The forms of a vue-i18n plural, parted by "|" ("car | cars", "no apples | one apple |
    {count} apples"), which vue-i18n shows one at a time by the count; before, the forms and their
    pipes were one sentence. A pipe inside braces ("{'|'}") is vue-i18n's literal pipe. None for a
    text without one, with an empty form ("a || b"), or written for i18next ("{{count}}"), whose
    pipe is text."""
    if "|" not in text or "{{" in text:
        return None
    forms: list[str] = []
    depth = start = 0
    for at, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == "|" and depth == 0:
            forms.append(text[start:at].strip())
            start = at + 1
    forms.append(text[start:].strip())
    return forms if len(forms) > 1 and all(forms) and _plural_forms(text, forms) else None


# A plural's form is a phrase: at most so many words.
MAX_PIPE_FORM_WORDS = 10
_PLACEHOLDER = lazy_re.compile(r"\{[^{}]*\}")
_STEM_WORD = lazy_re.compile(r"[^\W\d_]{2,}")


def _plural_forms(text: str, forms: list[str]) -> bool:
    """Whether the parts of `text` between its pipes are one phrase in several numbers: short, on
    one line, each closing what it opens, no C-style placeholder, and each sharing a placeholder or
    a word's stem with the first ("{count} sekunda | {count} sekundy", "no apples | one apple",
    "car | cars"). A program's usage line ("disown [-h] [-ar] [jobspec ... | pid ...]") or a help
    text with a pipe in it is none: read as forms, 98 strings of Debian's 10,000 French messages
    and their English as JSON were cut into pieces, false omissions and additions."""
    # A C-style placeholder (the fact checks' own pattern, loaded only for a string with a pipe):
    # vue-i18n writes its own in braces, so a string holding one is another program's ("Usage: %s
    # [<option>...] <executable>|-e<executable>").
    from ..audit.facts.quantities import PRINTF_PLACEHOLDER
    if "\n" in text or PRINTF_PLACEHOLDER.search(text):
        return False
    if any(len(form.split()) > MAX_PIPE_FORM_WORDS or form.count("[") != form.count("]")
           or form.count("(") != form.count(")") for form in forms):
        return False

    def marks(form: str) -> set[str]:
        return set(_PLACEHOLDER.findall(form)) | {word[:3].casefold() for word in _STEM_WORD.findall(form)}

    first = marks(forms[0])
    return all(marks(form) & first for form in forms[1:])


def string_blocks(path: str, text: str, furniture: bool = False, lang: str = "",
                  version: str | None = None) -> list[Block]:
    """The blocks of one string at key `path`: an ICU plural or select message's forms each its own
    ("key items.one"), a vue-i18n plural's by their numbers ("key car.1"), any other string as a
    catalogue's message. Shared with the YAML reader."""
    where = f"key {path}" if path else "key (the whole file)"
    forms = icu_forms(text)
    # A string's lines as a catalogue's messages (`po.message_blocks`): a help text wrapped where
    # its writer broke it goes on at the break though the next line opens on a capital, an option
    # or a quotation ("Avec" / "--invalid='warn', ..."). Read as plain text's lines, each piece
    # of a help text cut so was a false addition or omission.
    if forms is None and (alternatives := pipe_forms(text)):
        # Each form by its number, as vue-i18n chooses it ("key seconds.1"); a form past English's
        # two (Polish's third of "{count} sekunda | {count} sekundy | {count} sekund") is a
        # language's own, boilerplate, as an ICU plural's forms English lacks are.
        return [block for number, form in enumerate(alternatives)
                for block in message_blocks(form, f"{where}.{number}", lang=lang, version=version,
                                            furniture=furniture or number >= ENGLISH_PIPE_FORMS)]
    if forms is None:
        return message_blocks(text, where, furniture=furniture, lang=lang, version=version)
    return [block for selectors, form, extra in forms
            for block in message_blocks(form, f"{where}.{selectors}", furniture=furniture or extra, lang=lang,
                                                 version=version)]


def _loads(text: str):
    """json.loads, every key's value kept; a value nested too deep for it (thousands of "[") is a
    ValueError like any other broken JSON, not the RecursionError's traceback."""
    try:
        return json.loads(text.lstrip("\ufeff"), object_pairs_hook=_Object)
    except RecursionError:
        raise ValueError("nested too deeply to read") from None


def _parsed(text: str):
    """The JSON value of `text`, or None when it is none, or holds no string to read."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("{", "["):
        return None
    try:
        value = _loads(text)
    except ValueError:
        return None
    return value if next(_app_strings(value), None) is not None else None


class JsonStringsReader(Reader):
    name = "json"
    suffixes = (".json", ".arb")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        # Only a whole JSON document of strings: a text that opens on a brace is read as text.
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if head not in (b"{", b"["):
            return False
        try:
            return _parsed(data.decode("utf-8")) is not None
        except UnicodeDecodeError:
            return False

    def blocks(self, text: str, label: str) -> list[Block]:
        value = _parsed(text)
        if value is None:
            try:
                _loads(text)
            except ValueError as error:
                raise broken(label, "JSON", error) from error
            return []
        members = list(value) if isinstance(value, _Object) else []
        tags = version_roots([(str(key), {str(k) for k, _c in child} if isinstance(child, _Object) else None)
                              for key, child in members])
        if any(tags):
            # Each locale a version keyed by the path below it, so that --src-lang/--tgt-lang choose
            # two and align.keyed pairs them string by string: read as one text, the detector's
            # parts aligned two languages as running text and left the others out.
            return [block for (key, child), tag in zip(members, tags)
                    for block in (self._strings_blocks(child, label, locale_code(str(key)), tag) if tag else
                                  self._strings_blocks(_Object([(key, child)]), label, ""))]
        return self._strings_blocks(value, label, _declared_locale(value))

    @staticmethod
    def _strings_blocks(value, label: str, lang: str, version: str | None = None) -> list[Block]:
        named_arb = label.lower().endswith(".arb")
        strings = [(path, string) for path, string in _app_strings(value, named_arb) if string.strip()]
        extra = _extra_plural_keys([path for path, _string in strings])
        return [block for path, string in strings
                for block in string_blocks(path, string, furniture=path in extra, lang=lang, version=version)]
