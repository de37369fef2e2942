"""Xcode's string catalogues (`Localizable.xcstrings`, since Xcode 15): one JSON file holds an app's
strings in every language, each string's translations under its key. Read as a bilingual file, as a
TMX is: the catalogue's `sourceLanguage` is one text, the language most strings are translated into
the other (a catalogue in more languages is read as versions, `_versions`, and the flags choose
two); each string located by its key ("key Delete the album?"), the source text the key itself
where the catalogue holds no source localization (as Xcode shows it). A plural's or a device's
variations are each a block ("key %lld photos selected.one"), the forms one side has and the other
has not (Polish "few" and "many" against English "one" and "other") furniture. A string marked
"shouldTranslate": false is furniture; one without a translation stands unmatched, reported left
out; one whose translation "needs_review" is audited as it stands, as a fuzzy gettext entry is, and
counted in a warning.

Read as a JSON file of strings before, its states ("translated", "needs_review"), its language
codes and comments were sentences of the report, and every language one text.
"""
from __future__ import annotations

import json
import logging
from collections import Counter

from .base import Block, Reader, broken
from .po import message_blocks

logger = logging.getLogger("align")


def _forms(localization: dict, path: str = ""):
    """(form path, value) of a localization: its string unit, or each of its variations' units
    ("one", "iphone.other"), in the catalogue's order."""
    unit = localization.get("stringUnit")
    if isinstance(unit, dict) and isinstance(unit.get("value"), str):
        yield path, unit["value"], unit.get("state", "")
    variations = localization.get("variations")
    if isinstance(variations, dict):
        for kind in variations.values():  # "plural", "device"
            if isinstance(kind, dict):
                for name, child in kind.items():
                    if isinstance(child, dict):
                        yield from _forms(child, f"{path}.{name}" if path else name)
    substitutions = localization.get("substitutions")
    if isinstance(substitutions, dict):
        for name, child in substitutions.items():
            if isinstance(child, dict):
                yield from _forms(child, f"{path}.{name}" if path else name)


def _localizations(entry: dict) -> dict[str, dict]:
    """A string's localizations by language; a value of another shape (a hand-edited file's list or
    bare text) is none, where it had ended in an AttributeError's traceback."""
    localizations = entry.get("localizations")
    if not isinstance(localizations, dict):
        return {}
    return {lang: localization for lang, localization in localizations.items() if isinstance(localization, dict)}


def _catalogue(data: bytes, label: str) -> dict:
    try:
        catalogue = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:
        raise broken(label, "an Xcode string catalogue", error if isinstance(error, ValueError)
                     else ValueError("nested too deeply to read")) from error
    if not isinstance(catalogue, dict) or not isinstance(catalogue.get("strings"), dict):
        raise broken(label, "an Xcode string catalogue", ValueError('no "strings" in it'))
    return catalogue


def _versions(strings: list[tuple[str, dict]], source: str, targets: list[str], label: str) -> list[Block]:
    """A catalogue translated into several languages (most are) as a file of versions keyed by its
    strings: `--src-lang` and `--tgt-lang` choose two (`align.loading`), and `align.keyed` pairs
    them string by string; with no flag, the source and the language most strings are translated
    into. A form a translation has and the source has not (Polish "few") is furniture, and so is a
    form of the source a translation writes none of (English "one", where Japanese has "other"
    alone), as in a catalogue of two languages: the flags choose the target after reading, and
    the English "one" stood as content left out of the Japanese. Read as a catalogue of two
    languages, the others left out, `--tgt-lang de` had labelled the Polish strings German."""
    out: list[Block] = []
    review: Counter = Counter()
    for lang in [source, *targets]:
        for key, entry in strings:
            localizations = _localizations(entry)
            own = {path for path, _v, _s in _forms(localizations.get(source, {}))} or {""}
            # Each translation's forms, where one has any: asked of the source's forms alone.
            theirs = [{path for path, _v, _s in _forms(localizations[other])} for other in targets
                      if other in localizations] if lang == source else []
            forms = list(_forms(localizations.get(lang, {}))) or ([("", key, "")] if lang == source else [])
            review[lang] += lang != source and any(state == "needs_review" for _p, _v, state in forms)
            for path, value, _state in forms:
                fewer = any(paths and path not in paths for paths in theirs)
                out += message_blocks(value, f"key {key}.{path}" if path else f"key {key}", version=lang,
                                      furniture=entry.get("shouldTranslate") is False or path not in own or fewer)
    if +review:
        logger.warning("%s: strings marked \"needs review\" (audited as they stand where aligned): %s", label,
                       ", ".join(f"{count} in {lang}" for lang, count in (+review).items()))
    return out


class XcstringsReader(Reader):
    name = "xcstrings"
    suffixes = (".xcstrings",)
    bilingual = True

    def sniff(self, data: bytes) -> bool:
        head = data[:4096]
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"sourceLanguage"' in head \
            and b'"strings"' in head

    def blocks(self, data: bytes, label: str) -> list[Block]:
        catalogue = _catalogue(data, label)
        source = str(catalogue.get("sourceLanguage") or "en")
        strings = [(key, entry) for key, entry in catalogue["strings"].items() if isinstance(entry, dict)]
        languages = Counter(lang for _key, entry in strings for lang in _localizations(entry) if lang != source)
        if not languages:
            raise broken(label, "an Xcode string catalogue", ValueError(f"no string is translated from {source}"))
        if len(languages) > 1:
            return _versions(strings, source, [lang for lang, _count in languages.most_common()], label)
        target = languages.most_common(1)[0][0]
        sources: list[Block] = []
        targets: list[Block] = []
        review = 0
        src_lang, tgt_lang = source.split("-")[0].lower(), target.split("-")[0].lower()
        for key, entry in strings:
            localizations = _localizations(entry)
            own = list(_forms(localizations.get(source, {}))) or [("", key, "")]
            theirs = list(_forms(localizations.get(target, {})))
            fixed = entry.get("shouldTranslate") is False
            own_paths, their_paths = {path for path, _v, _s in own}, {path for path, _v, _s in theirs}
            for path, value, _state in own:
                where = f"key {key}.{path}" if path else f"key {key}"
                sources += message_blocks(value, where, furniture=fixed or bool(theirs) and path not in their_paths,
                                           side="source", lang=src_lang)
            review += any(state == "needs_review" for _p, _v, state in theirs)
            for path, value, _state in theirs:
                where = f"key {key}.{path}" if path else f"key {key}"
                targets += message_blocks(value, where, furniture=fixed or path not in own_paths,
                                           side="target", lang=tgt_lang)
        if review:
            logger.warning("%s: %d string%s marked \"needs review\": audited as they stand", label, review,
                           "" if review == 1 else "s")
        return sources + targets
