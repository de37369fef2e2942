"""The language a program's strings file is in by its name or folder, as the program's own loader
finds it: Java's `Messages_fr.properties`, `messages.fr.yaml`, `fr.json`, `de.po`, .NET's
`Resources.fr-FR.resx`, Android's `values-pt-rBR/strings.xml` and `values-b+sr+Latn/`, Apple's
`fr.lproj/` and `Japanese.lproj/`, gettext's `fr/LC_MESSAGES/`. A file of short strings ("OK",
"Cancel", identifiers) read string by string by the detector was in whatever languages those
strings resembled; its name says which one the program shows it for."""
from __future__ import annotations

import re
from pathlib import PurePath

from .language import LANGUAGE_NAMES, parse_language_tag

# Android's resource folders: "values" then qualifiers joined by "-", the mobile codes before the language.
_ANDROID_NETWORK = re.compile(r"mcc\d+|mnc\d+")
# Java's bundle suffix: "_fr", "_pt_BR", "_zh_CN", "_sr_Latn_RS" after the bundle's base name.
_JAVA_SUFFIX = re.compile(r"_([a-z]{2,3}(?:_[A-Za-z]{4})?(?:_(?:[A-Za-z]{2}|\d{3}))?)")
_LANGUAGE_BY_NAME = {name.casefold(): code for code, name in LANGUAGE_NAMES.items() if "-" not in code}


def name_language(path: str) -> str:
    """The language code a strings file's name or folder names, '' where it names none (`main.cs`,
    `build.sh`, `values-night/`, `Base.lproj/`)."""
    where = PurePath(path)
    folder = where.parent.name
    if folder.startswith("values-"):
        return _android_language(folder.removeprefix("values-"))
    if folder.endswith(".lproj"):
        bundle = folder.removesuffix(".lproj")
        # GNUstep names Chinese's two scripts "TraditionalChinese" and "SimplifiedChinese".
        named = _LANGUAGE_BY_NAME.get(re.sub(r"^(?:Traditional|Simplified)(?=[A-Z])", "", bundle).casefold())
        return named or _tag_language(bundle)
    if folder == "LC_MESSAGES":
        return _tag_language(where.parent.parent.name)
    stem = where.name.rsplit(".", 1)[0] if "." in where.name else where.name
    *_, last = stem.split(".")
    if found := _tag_language(last):
        return found
    suffix = _JAVA_SUFFIX.search(stem)
    return _tag_language(suffix.group(1)) if suffix and suffix.end() == len(stem) else ""


def _android_language(qualifiers: str) -> str:
    """The language of an Android resource folder's qualifiers ("fr", "pt-rBR", "b+sr+Latn",
    "mcc310-en-rUS"); '' for qualifiers of no language ("night", "v21", "land")."""
    named = [q for q in qualifiers.split("-") if not _ANDROID_NETWORK.fullmatch(q)]
    if not named:
        return ""
    first = named[0]
    if first.startswith("b+"):
        return _tag_language("-".join(first.split("+")[1:]))
    return _tag_language(first) if first.islower() and 2 <= len(first) <= 3 else ""


def _tag_language(tag: str) -> str:
    """The language code of a language tag the tool knows ("fr-FR", "pt_BR", "zh-Hans"); '' for any
    other word."""
    try:
        code, _tag = parse_language_tag(tag)
    except ValueError:
        return ""
    return code if code in LANGUAGE_NAMES else ""
