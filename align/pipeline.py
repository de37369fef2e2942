"""The Python API: read -> clean -> segment -> embed -> align -> find -> result.

    align_pair("original.txt", "reprint.txt")        # two files (or "-" for stdin)
    align_pair("mixed.txt")                           # one file holding both languages
    align_sentences(src_list, tgt_list, src_lang="de", tgt_lang="fr")   # pre-segmented
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import json
import logging
import re
from dataclasses import dataclass, replace

import numpy as np

from . import __version__, interrupts
from .aligner import AlignConfig, PackedBeads, align_embeddings, centred_on, centring_means, length_ratio, regrouped
from .arguments import checked_language, checked_pair_of_embeddings, checked_sentences, language_tag
from .audit import AuditThresholds
from .audit.absorbed import (absorbed_sentences, paragraph_strays, proposed_on_two_counts, repeated_in_pairs,
                             translated_in_clauses, translated_in_pair, unmatched_figures_in_pairs,
                             unrelated_in_merges, unrelated_in_two_by_two)
from .audit.classify import AdditionContext, classify_line, split_metadata_prefix
from .audit.findings import classify_beads, line_span, structural_findings, unpaired_when_unrelated, verdict
from .audit.moves import align_around_blocks, find_moved_blocks, home_clause_fit
from .documents import (CATALOGUE_FORMATS, LIST_MIN_LINES, LIST_SHARE, dominant_language, load_sentences, opening_text,
                        renumber, text_parts)
from .encoders import DEFAULT_MODEL, Encoder, as_encoder, encoder_for, is_fallback
from .encoders import prefetch as prefetch_encoder
from .errors import InputError, SameLanguageError
from .joined import corrections as joined_corrections
from .keyed import aligner_within, catalogue_data, keyed_pairs
from .language import (LANGUAGE_NAMES, LIST_ITEM, detect_language, has_words, likeliest_apart, normalise_code,
                       reading_and_runner_up, word_count)
from .language import language_name as _name
from .locale_names import name_language
from .memory import give_back_free_pages
from .model import BEAD_KINDS, AlignmentResult, Document, Finding, Sentence, finding_order, findings_by_type, where_span
from .neighbours import MIN_STRETCHES, Neighbours, neighbours, stretches
from .readers.base import Block, join_blocks
from .reading import RawText, read_input
from .segmenters import load_segmenter
from .threads import one_blas_thread

logger = logging.getLogger("align")

__all__ = ["align_pair", "align_sentences", "AlignConfig", "AuditThresholds"]

# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


def _read(path, segmenter, encoding: str | None = None) -> tuple[RawText, list[Sentence]]:
    raw = read_input(str(path), encoding=encoding)
    if raw.path == "-":
        raw = replace(raw, path="<stdin>")
    sentences = load_sentences(raw, segmenter)
    if not sentences:
        raise InputError(f"{raw.path}: no text to align")
    return raw, sentences


def _part(sentences: list[Sentence], lang: str | None, path: str, flag: str,
          one_language: bool = False) -> tuple[str, list[Sentence]]:
    """The sentences of one language: `lang` if asked for, else the whole document in its main language.

    A language flag chooses a part of a file holding several texts; it never takes lines out of a
    file in one language, where the lines the detector puts elsewhere are short strays or its mistakes.
    `one_language`: the file is in one language by what it is (`_in_one_language`)."""
    if lang is None:
        # Short stray lines (a share button detected as English) are not a second language; keep
        # them in the main part so nothing the user gave disappears from the report.
        return dominant_language(sentences), sentences
    if one_language:
        return lang, sentences
    parts = text_parts(sentences, beside_another_file=True, told_apart=True)
    if len(parts) == 1:
        found = next(iter(parts))
        if found not in (lang, "und"):
            logger.warning("%s reads as %s, not %s as %s says; aligning all of it as %s", path, _name(found),
                           _name(lang), flag, _name(lang))
        return lang, sentences
    if lang not in parts:
        found = ", ".join(_name(code) for code in parts)
        raise InputError(f"{path}: no {_name(lang)} text found (found {found})")
    return lang, _announce_part(parts, lang, path, f"as {flag} asks")


# A part in the other file's language is paragraphs a translator left untranslated, not a text of
# its own, when at least this share of its sentences (of MIN_COPIED_WORDS words or more) are the
# other file's sentences word for word ...
MIN_COPIED_SHARE = 0.5
MIN_COPIED_WORDS = 3
# ... and the file's two parts together hold no more sentences than this many times the other
# file: a file of a text and its whole translation (seed 000, its French then its English) holds
# about twice as many as either text; a translated manual page with its translators' credits and
# a paragraph left in English, 1.46 times its original (motd(5) in Hungarian). A file of a text
# and a translation of only its first half or less, beside that text, would read as leftovers too.
MAX_PARTS_OVER_OTHER = 1.5
_WORD_KEY = re.compile(r"\w+")


def _left_untranslated(other_part: list[Sentence], own_part: list[Sentence], other_file: list[Sentence]) -> bool:
    """Whether `other_part`, the sentences of a file in the language of the file beside it, are that
    file's own sentences copied, left untranslated among `own_part`'s: a manual page translated but
    for a few paragraphs. Set aside as a second text, each paragraph was reported left out and the
    verdict fell to "unrelated" (motd(5) in Hungarian, ascii(7) in Romanian); kept, each pairs with
    the sentence it copies, and the pair check says it repeats the source word for word."""
    def key(sentence: Sentence) -> str:
        return " ".join(_WORD_KEY.findall(sentence.text.casefold()))

    theirs = {key(s) for s in other_file}
    worded = [key(s) for s in other_part if len(_WORD_KEY.findall(s.text)) >= MIN_COPIED_WORDS]
    copied = sum(1 for k in worded if k in theirs)
    return (bool(worded) and copied >= MIN_COPIED_SHARE * len(worded)
            and len(other_part) + len(own_part) <= MAX_PARTS_OVER_OTHER * len(other_file))


def _say_left_untranslated(path: str, lang: str, other_lang: str) -> None:
    logger.warning("%s: read as %s with passages left in %s, copied word for word from the file beside it: "
                   "aligned whole, each such passage as untranslated", path, _name(lang), _name(other_lang))


def _other_language(parts: dict[str, list[Sentence]], lang: str) -> str | None:
    """The next language after `lang` that holds a text of its own among these parts, if any."""
    return next((code for code in parts if code not in (lang, "und")), None)


def _announce_part(parts: dict[str, list[Sentence]], lang: str, path: str, why: str) -> list[Sentence]:
    """The `lang` part of a mixed file, said aloud: the rest of the file is left out of the report."""
    others = ", ".join(_name(code) for code in parts if code not in (lang, "und"))
    # Where the part stands in the file as the user sees it: rows of a table, not the lines of
    # the text read out of it.
    logger.warning("%s holds %s and %s text; aligning its %s part (%s) %s "
                   "(--src-lang/--tgt-lang choose another part)", path, _name(lang), others,
                   LANGUAGE_NAMES.get(lang, lang), where_span(parts[lang]), why)
    return parts[lang]


def _mixed_halves(sentences: list[Sentence], src_lang, tgt_lang, path: str):
    """Split one file holding a text and its translation into the two languages."""
    parts = text_parts(sentences)
    # Lines whose language could not be told ("und") are no text to align against.
    ranked = [lang for lang in parts if lang != "und"] or ["und"]
    if src_lang is None and tgt_lang is None:
        if len(ranked) < 2:
            raise InputError(f"{path}: only {_name(ranked[0])} text found; give a second file to align against")
        top_two = ranked[:2]
        # The English part is the original when there is one: reprints are audited against it.
        src_lang = "en" if "en" in top_two else top_two[0]
        tgt_lang = top_two[1] if top_two[0] == src_lang else top_two[0]
    elif src_lang is None:
        src_lang = next((code for code in ranked if code != tgt_lang), None)
    elif tgt_lang is None:
        tgt_lang = next((code for code in ranked if code != src_lang), None)
    if src_lang is None or tgt_lang is None:
        raise InputError(f"{path}: only one language found; give a second file to align against")
    for lang in (src_lang, tgt_lang):
        if lang not in parts:
            raise InputError(f"{path}: no {_name(lang)} text found")
    left_out = [lang for lang in parts if lang not in (src_lang, tgt_lang)]
    for lang in left_out:
        logger.warning("%s: its %s part (%s) is left out; only %s and %s are aligned", path, _name(lang),
                       where_span(parts[lang]), _name(src_lang), _name(tgt_lang))
    return (src_lang, parts[src_lang]), (tgt_lang, parts[tgt_lang])


def _spans_of(raw: RawText, sentences: list[Sentence]) -> list:
    """The block (`Span`) each sentence starts in."""
    starts = [span.start for span in raw.spans]
    return [raw.spans[max(bisect.bisect_right(starts, s.start) - 1, 0)] for s in sentences]


def _bilingual_halves(raw: RawText, sentences: list[Sentence], src_lang, tgt_lang):
    """The source and target halves of a bilingual file (XLIFF, a two-column table), by the side each
    block stood on; each half's language is the flag's, else the file's declared one, else the
    detected one."""
    halves = {"source": [], "target": []}
    declared = {"source": "", "target": ""}
    for sentence, span in zip(sentences, _spans_of(raw, sentences)):
        halves[span.side].append(sentence)
        declared[span.side] = declared[span.side] or span.lang
    if not halves["target"]:
        raise InputError(f"{raw.path}: holds no translations (every unit's target is missing or empty)")
    # A catalogue without a Language header is named for its translations' language (po/de.po).
    declared["target"] = declared["target"] or _named_language(raw)
    out = []
    for side, given, other in (("source", src_lang, "target"), ("target", tgt_lang, "source")):
        lang = given or declared[side] or dominant_language(halves[side])
        if not (given or declared[side]) and lang == declared[other]:
            # Short lines take the language of the whole file read around them, both halves' text:
            # a German catalogue's few English messages were German, "both texts are in German".
            # The half's own text read alone says what it is.
            lang = detect_language(opening_text(halves[side]))[0]
        out.append((lang, [replace(s, lang=lang) for s in halves[side]]))
    return out


def _language_flag(value: str | None, flag: str) -> tuple[str | None, str | None]:
    """(ISO 639-1 code, tag as given) of a --src-lang/--tgt-lang value; InputError if it is none."""
    if value is None:
        return None, None
    return language_tag(value, flag)


def load_documents(source, target=None, *, src_lang=None, tgt_lang=None, segmenter=None, encoding=None):
    """The source and target documents of a pair; `src_lang`/`tgt_lang` take tags such as 'en-GB'."""
    segmenter = segmenter or load_segmenter("auto")
    (src_lang, src_locale), (tgt_lang, tgt_locale) = (_language_flag(src_lang, "--src-lang"),
                                                      _language_flag(tgt_lang, "--tgt-lang"))
    if src_lang is not None and src_lang == tgt_lang:
        # Said before any file is read: detection has no say here, and its warnings would only
        # contradict the flags.
        if src_locale != tgt_locale:
            # "nb" and "nn", "pt-PT" and "pt-BR": the user named two things; say which one we read.
            raise InputError(f"--src-lang {src_locale} and --tgt-lang {tgt_locale} are both {_name(src_lang)} to align, "
                             "which pairs a text with its translation into another language (not into another "
                             "standard or region of one language)")
        raise InputError(f"--src-lang and --tgt-lang both say {_name(src_lang)}; align pairs a text with its "
                         "translation into another language")
    if target is None:
        docs = mixed_documents(_read(source, segmenter, encoding), src_lang, tgt_lang, (src_locale, tgt_locale))
    else:
        if str(source) == "-" and str(target) == "-":
            raise InputError("only one of the two inputs can be read from stdin ('-')")
        src_read, tgt_read = (table_as_rows(_read(path, segmenter, encoding), segmenter) for path in (source, target))
        if src_read[0].text == tgt_read[0].text:
            # One text given twice: aligned with itself, a page holding both languages had its
            # English half paired with the English of the whole page. It means what it means alone.
            try:
                docs = mixed_documents(src_read, src_lang, tgt_lang)
            except InputError:
                raise InputError(f"{source} and {target} hold the same text; give its translation as the "
                                 "second file") from None
            logger.warning("%s and %s hold the same text: read as one file holding both languages", source, target)
        else:
            docs = paired_documents(src_read, tgt_read, src_lang, tgt_lang, (src_locale, tgt_locale))
    for doc, locale in zip(docs, (src_locale, tgt_locale)):
        doc.locale = locale
    return docs


def _keyed_by_source(raw: RawText, half: list[Sentence], source_half: list[Sentence]) -> list[Sentence]:
    """`half`'s sentences located by the key their program finds them by: the source text of
    their message, after the message's context where the file names one. Two translations of one
    program's catalogue (Qt's German and French .ts, two .po) are so paired message by message
    (see align.keyed), as two files of a program's strings are by their keys: aligned as running
    text, a message one translation lacks drew its neighbours out of their pairs. A message's
    source is `source_half`'s block under the same locator (Qt, XLIFF, a .mo's entry), or in a file
    located by lines (a .po) the last source block before it: its msgid stands above its msgstr. A
    message already located by its key (a Qt message's id) keeps it; where a sentence has no source,
    the half is returned as it is."""
    sources: dict[str, list[str]] = {}
    for span, sentence in zip(_spans_of(raw, source_half), source_half):
        sources.setdefault(span.locator, []).append(sentence.text)
    source_lines = sorted((int(found.group(1)), locator) for locator in sources
                          if (found := _LINE_LOCATOR.fullmatch(locator)))
    out = []
    for span, sentence in zip(_spans_of(raw, half), half):
        message = _message_of(span.locator, sources, source_lines)
        if message is None:
            return half
        if sentence.locator.startswith("key "):
            out.append(sentence)
            continue
        context = _MESSAGE_CONTEXT.fullmatch(message)
        key = " ".join(sources[message])
        out.append(replace(sentence, locator=f"key {context.group(1)}: {key}" if context else f"key {key}"))
    return out


def _message_of(locator: str, sources: dict[str, list[str]], source_lines: list[tuple[int, str]]) -> str | None:
    """The locator of the source block a translation's block at `locator` renders (`_keyed_by_source`)."""
    if locator in sources:
        return locator
    found = _LINE_LOCATOR.fullmatch(locator)
    if not found:
        return None
    at = bisect.bisect_right(source_lines, (int(found.group(1)), "\uffff")) - 1
    return source_lines[at][1] if at >= 0 else None


# A Qt message's locator: its context's name and its number in that context.
_MESSAGE_CONTEXT = re.compile(r"context (.+), message \d+")
_LINE_LOCATOR = re.compile(r"line (\d+)")


def _half_beside(read: tuple[RawText, list[Sentence]], lang: str | None, beside: str, flag: str,
                 beside_lang: str | None = None, keyed: bool = False) -> tuple[str, list[Sentence]]:
    """One half of a bilingual file (a gettext catalogue, an XLIFF, a TMX, a two-column table) given
    beside another file: the half in `lang`, else the half not in `beside_lang` (the other file's
    language), else its translation; the other half is set aside and listed, and a warning says
    which half is aligned. Read whole, a French catalogue beside a German one was one "French" text
    of English and French sentences, every English one "untranslated". `keyed`: the other file is
    bilingual too, and each sentence is located by its message's source (`_keyed_by_source`)."""
    raw, sentences = read
    (src_lang, src_half), (tgt_lang, tgt_half) = _bilingual_halves(raw, sentences, None, None)
    wanted = lang or beside_lang
    if wanted is not None and src_lang != tgt_lang and (wanted == src_lang if lang else wanted == tgt_lang):
        chosen, half, other_lang = "source", src_half, tgt_lang
    else:
        chosen, half, other_lang = "translation", tgt_half, src_lang
    lang = lang or (src_lang if chosen == "source" else tgt_lang)
    logger.warning("%s holds a text and its translation; beside %s, its %s part (%s), its %s, is aligned and its %s "
                   "part set aside (%s chooses a part by its language; given alone, the file's translation is "
                   "audited against its source)", raw.path, beside, LANGUAGE_NAMES.get(lang, lang), where_span(half),
                   chosen, LANGUAGE_NAMES.get(other_lang, other_lang), flag)
    if keyed:
        half = _keyed_by_source(raw, half, src_half)
    return lang, [replace(s, lang=lang) for s in half]


def _versions(raw: RawText, sentences: list[Sentence]) -> dict[str, list[Sentence]] | None:
    """The sentences of each version of a file that gives its text in several languages element by
    element (`Block.version`), by its tag, the untagged text's ("") first, each sentence in its
    version's language; None for any other file. Set aside as the detector read them, vim.desktop's
    "Name[ca]=Vim" was listed as German."""
    spans = _spans_of(raw, sentences) if raw.spans else []
    if not any(span.version is not None for span in spans):
        return None
    versions: dict[str, list[Sentence]] = {"": []}
    for sentence, span in zip(sentences, spans):
        versions.setdefault(span.version or "", []).append(sentence)
    versions = {tag: part for tag, part in versions.items() if part}
    return {tag: [replace(s, lang=normalise_code(tag) if tag else _untagged_language(part, list(versions)))
                  for s in part] for tag, part in versions.items()}


def _in_file_order(versions: dict[str, list[Sentence]]) -> list[Sentence]:
    return sorted((sentence for part in versions.values() for sentence in part), key=lambda sentence: sentence.start)


def _untagged_language(part: list[Sentence], tags: list[str]) -> str:
    """The language of a file's untagged text: the detector's reading where it is sure of it and the
    file gives no version tagged with that language; else the likelier of the languages the file
    tags only by region ("en-GB" and no "en": the untagged text is theirs); else the detector's
    guess. Read alone, vim.desktop's "Vim", "Text Editor", "Edit text files" were German, and the
    mime database's "portable audio player" French, beside its own fr version."""
    detected = dominant_language(part)
    bare = {normalise_code(tag) for tag in tags if tag and "-" not in tag}
    if detected not in bare and not _unsure_of(part, detected):
        return detected
    regional = sorted({normalise_code(tag) for tag in tags if "-" in tag} - bare)
    return detect_language(opening_text(part), regional)[0] if regional else detected


def _version_language(part: list[Sentence]) -> str:
    return part[0].lang


def _version_named(versions: dict[str, list[Sentence]], lang: str, locale: str | None, path: str, flag: str) -> str:
    """The tag of the version a flag asks for (`lang`, written `locale`): the one its tag names where
    the flag names a region or script ("en-GB"); else the one tagged with the language alone, else
    the untagged text where it is in that language (AppStream's English: its "en-GB" is a regional
    variant beside it, not the text asked for), else the language's one version."""
    languages = {tag: _version_language(part) for tag, part in versions.items()}
    listed = ", ".join(tag or f"untagged ({_name(languages[tag])})" for tag in versions)
    if locale and locale != lang:
        exact = [tag for tag in versions if tag.lower() == locale.lower()]
        if not exact:
            raise InputError(f"{path}: holds no {locale} version (it holds: {listed})")
        return exact[0]
    named = [tag for tag in versions if languages[tag] == lang]
    if "" in versions and "" not in named and lang not in versions and _unsure_of(versions[""], languages[""]):
        # The flag says what the untagged text is in, where the detector cannot tell and no version
        # is tagged with the language alone: vim.desktop's "Vim", "Text Editor", "Edit text files"
        # beside its en-CA and en-GB lines.
        named.insert(0, "")
    if not named:
        raise InputError(f"{path}: no {_name(lang)} version found (it holds: {listed})")
    # A version tagged with the language alone is the one the file declares in it; else its untagged text.
    for tag in (lang, ""):
        if tag in named:
            return tag
    if len(named) > 1:
        raise InputError(f"{path}: holds {' and '.join(named)} versions of {_name(lang)}; name one, as "
                         f"{flag} {named[0]}")
    return named[0]


def _unsure_of(sentences: list[Sentence], lang: str) -> bool:
    score, _runner_up = reading_and_runner_up(opening_text(sentences), lang, MIN_LEAD_OVER_NEXT_LANGUAGE)
    return score < MIN_TEXT_LANGUAGE_SCORE


def _default_version(versions: dict[str, list[Sentence]], unlike: str | None = None) -> str:
    """The version taken where no flag names one: the untagged text (the original the others
    translate), else the first; with `unlike`, the first in another language than that."""
    return next(tag for tag, part in versions.items() if unlike is None or _version_language(part) != unlike)


def _version_halves(raw: RawText, versions: dict[str, list[Sentence]], src_lang, tgt_lang, locales):
    """The two versions of a file of versions that the flags name (`_version_named`), or the
    untagged text and the first version in another language; the others set aside, said aloud."""
    tags: list[str | None] = [None, None]
    for side, (lang, flag) in enumerate(((src_lang, "--src-lang"), (tgt_lang, "--tgt-lang"))):
        if lang is not None:
            tags[side] = _version_named(versions, lang, locales[side], raw.path, flag)
    if tags == [None, None]:
        tags[0] = _default_version(versions)
    for side in (0, 1):
        if tags[side] is None:
            other = tags[1 - side]
            if len(versions) < 2 or not any(_version_language(part) != _version_language(versions[other])
                                             for tag, part in versions.items()):
                raise InputError(f"{raw.path}: only one language found; give a second file to align against")
            tags[side] = _default_version(versions, unlike=_version_language(versions[other]))
    langs = [lang if lang is not None else _version_language(versions[tag])
             for lang, tag in zip((src_lang, tgt_lang), tags)]
    taken = {tag: [replace(s, lang=lang) for s in versions[tag]] for lang, tag in zip(langs, tags)}
    _announce_versions({**versions, **taken}, tags, raw.path)
    return [(lang, taken[tag]) for lang, tag in zip(langs, tags)]


def _version_label(tag: str, part: list[Sentence]) -> str:
    return tag or f"untagged ({LANGUAGE_NAMES.get(part[0].lang, part[0].lang)})"


def _announce_versions(versions: dict[str, list[Sentence]], taken: list[str], path: str) -> None:
    others = len(versions) - len(taken)
    chosen = " and ".join(f"its {_version_label(tag, versions[tag])} version ({where_span(versions[tag])})"
                          for tag in taken)
    logger.warning("%s gives its text in %d languages element by element: aligning %s; %s set aside and listed "
                   "(--src-lang/--tgt-lang choose others)", path, len(versions), chosen,
                   f"the other {others} are" if others != 1 else "the other one is")


def mixed_documents(read: tuple[RawText, list[Sentence]], src_lang=None, tgt_lang=None,
                    locales: tuple[str | None, str | None] = (None, None)) -> tuple[Document, Document]:
    """The two halves of one file (from `_read`) holding a text and its translation. `locales`: the
    flags' tags as given ("en-GB"), which name a file's version of a region."""
    raw, sentences = read
    versions = _versions(raw, sentences)
    if versions is not None:
        sentences = _in_file_order(versions)
        (src_lang, src_sents), (tgt_lang, tgt_sents) = _version_halves(raw, versions, src_lang, tgt_lang, locales)
    elif any(span.side for span in raw.spans):
        (src_lang, src_sents), (tgt_lang, tgt_sents) = _bilingual_halves(raw, sentences, src_lang, tgt_lang)
    else:
        (src_lang, src_sents), (tgt_lang, tgt_sents) = _mixed_halves(sentences, src_lang, tgt_lang, raw.path)
    return _checked(Document(raw.path, src_lang, raw.encoding, renumber(src_sents),
                             set_aside=_set_aside(sentences, src_sents, tgt_sents), digest=raw.digest),
                    Document(raw.path, tgt_lang, raw.encoding, renumber(tgt_sents), digest=raw.digest))


def _set_aside(everything: list[Sentence], *aligned: list[Sentence]) -> list[Sentence]:
    """The sentences of a file in none of the texts taken from it for alignment."""
    taken = {sentence.start for part in aligned for sentence in part}
    return [sentence for sentence in everything if sentence.start not in taken]


def table_as_rows(read: tuple[RawText, list[Sentence]], segmenter) -> tuple[RawText, list[Sentence]]:
    """A two-column table in one language (a glossary's terms and definitions) given beside another
    file, read row by row, each row one paragraph as a reader sees it: its columns are a text and
    its translation only when they are in two languages. Read column by column, the terms came
    first as one text and the definitions after it, and the translation's terms were reported as
    left out."""
    raw, sentences = read
    if raw.format not in ("columns", "csv"):
        return read
    sides = [span.side for span in _spans_of(raw, sentences)]
    columns = [[s for s, side in zip(sentences, sides) if side == wanted] for wanted in ("source", "target")]
    if not all(columns) or dominant_language(columns[0]) != dominant_language(columns[1]):
        return read
    rows: dict[int, list[str]] = {}
    for span in raw.spans:  # a row's cells share its locator, "row N"; the source column comes first
        rows.setdefault(int(span.locator.split()[-1]), []).append(raw.text[span.start:span.end])
    text, spans = join_blocks([Block("\t".join(rows[number]), f"row {number}") for number in sorted(rows)])
    rows_raw = replace(raw, text=text, spans=spans)
    return rows_raw, load_sentences(rows_raw, segmenter)


def _version_beside(raw: RawText, versions: dict[str, list[Sentence]], lang: str | None, locale: str | None,
                    flag: str) -> tuple[str, list[Sentence]]:
    """The version of a file of versions given beside another file: the one `lang` names, else
    the untagged text; the others set aside, said aloud."""
    tag = _version_named(versions, lang, locale, raw.path, flag) if lang else _default_version(versions)
    lang = lang or _version_language(versions[tag])
    taken = [replace(s, lang=lang) for s in versions[tag]]
    _announce_versions({**versions, tag: taken}, [tag], raw.path)
    return lang, taken


def paired_documents(src_read: tuple[RawText, list[Sentence]], tgt_read: tuple[RawText, list[Sentence]],
                     src_lang=None, tgt_lang=None,
                     locales: tuple[str | None, str | None] = (None, None)) -> tuple[Document, Document]:
    """A text and its translation, each read from its own file (by `_read`). `locales`: the flags'
    tags as given ("en-GB"), which name a file's version of a region."""
    (src_raw, src_all), (tgt_raw, tgt_all) = src_read, tgt_read
    said = [False, False]  # a side whose language this function has told the user of
    # A file of versions (AppStream's metainfo) gives its part by the language each element declares.
    versions = [_versions(raw, everything) for raw, everything in (src_read, tgt_read)]
    src_all, tgt_all = (_in_file_order(found) if found is not None else everything
                        for found, everything in zip(versions, (src_all, tgt_all)))
    given = flags = (src_lang, tgt_lang)
    sided = (any(span.side for span in src_raw.spans), any(span.side for span in tgt_raw.spans))
    # The language a file in one language declares (an ARB's @@locale, a subtitle's xml:lang) reads
    # it whole, as a flag would: its short strings are no part in another language.
    declared = (None if sided[0] or src_lang or versions[0] else _declared_language(src_raw, src_all),
                None if sided[1] or tgt_lang or versions[1] else _declared_language(tgt_raw, tgt_all))
    if versions[0] is not None:
        src_lang, src_sents = _version_beside(src_raw, versions[0], src_lang, locales[0], "--src-lang")
    elif not sided[0]:
        src_lang, src_sents = ((declared[0], src_all) if declared[0]
                               else _part(src_all, src_lang, src_raw.path, "--src-lang", _in_one_language(src_raw)))
    if versions[1] is not None:
        tgt_lang, tgt_sents = _version_beside(tgt_raw, versions[1], tgt_lang, locales[1], "--tgt-lang")
    elif not sided[1]:
        tgt_lang, tgt_sents = ((declared[1], tgt_all) if declared[1]
                               else _part(tgt_all, tgt_lang, tgt_raw.path, "--tgt-lang", _in_one_language(tgt_raw)))
    if sided[0]:
        src_lang, src_sents = _half_beside(src_read, src_lang, tgt_raw.path, "--src-lang", None if sided[1] else tgt_lang,
                                           keyed=sided[1])
    if sided[1]:
        tgt_lang, tgt_sents = _half_beside(tgt_read, tgt_lang, src_raw.path, "--tgt-lang", None if sided[0] else src_lang,
                                           keyed=sided[0])
    # A bilingual file's half is chosen by its sides, a file of versions' version by its tags, not by
    # the detector: nothing below reads their languages again.
    given = tuple(lang if any(span.side for span in raw.spans) or version is not None else flag or declaration
                  for lang, raw, flag, declaration, version in ((src_lang, src_raw, given[0], declared[0], versions[0]),
                                                                (tgt_lang, tgt_raw, given[1], declared[1], versions[1])))
    # A file of a program's strings in one language has no parts: whatever its short strings read as,
    # the detector's other "languages" in it are its own strings.
    whole = (_in_one_language(src_raw), _in_one_language(tgt_raw))
    if src_lang == tgt_lang:
        # A page holding a text and its translation, given beside a reprint in one of its two
        # languages: its other half is what the reprint is to be aligned with.
        src_parts = text_parts(src_all, told_apart=True) if given[0] is None else {}
        tgt_parts = text_parts(tgt_all, told_apart=True) if given[1] is None else {}
        src_other, tgt_other = _other_language(src_parts, src_lang), _other_language(tgt_parts, tgt_lang)
        if src_other and _left_untranslated(src_parts.get(src_lang, []), src_parts[src_other], tgt_all):
            src_lang = src_other
            _say_left_untranslated(src_raw.path, src_lang, tgt_lang)
        elif tgt_other and _left_untranslated(tgt_parts.get(tgt_lang, []), tgt_parts[tgt_other], src_all):
            tgt_lang = tgt_other
            _say_left_untranslated(tgt_raw.path, tgt_lang, src_lang)
        elif src_other:
            src_lang, src_sents = src_other, (_read_whole_as(src_parts, src_other, src_raw.path, src_all) if whole[0] else
                                              _announce_part(src_parts, src_other, src_raw.path, f"with {tgt_raw.path}"))
        elif tgt_other:
            tgt_lang, tgt_sents = tgt_other, (_read_whole_as(tgt_parts, tgt_other, tgt_raw.path, tgt_all) if whole[1] else
                                              _announce_part(tgt_parts, tgt_other, tgt_raw.path, f"with {src_raw.path}"))
        elif given == (None, None):
            apart = likeliest_apart(opening_text(src_sents), opening_text(tgt_sents), src_lang)
            if apart is not None:
                side, other = apart
                path, flag = (src_raw.path, "--src-lang") if side == 0 else (tgt_raw.path, "--tgt-lang")
                logger.warning("%s: read as %s, its next likeliest language: the language detector reads both texts "
                               "as %s, this one unsurely (%s to say which)", path, _name(other), _name(src_lang), flag)
                src_lang, tgt_lang = (other, tgt_lang) if side == 0 else (src_lang, other)
                said[side] = True  # not "unsure" again below
    else:
        # A file holding a text and its translation (line by line, or one after the other) beside
        # a file in one of its languages: its own language's part is aligned, and the part in the
        # other file's language is set aside, said aloud. Taken whole, an English original given
        # beside a page of English lines interleaved with their French ones paired English with
        # English, and reported every French line "added".
        for side in (0, 1):
            if given[side] is not None:
                continue
            everything, own, other_lang = (src_all, src_lang, tgt_lang) if side == 0 else (tgt_all, tgt_lang, src_lang)
            parts = text_parts(everything, beside_another_file=True, told_apart=True)
            path, beside = (src_raw.path, tgt_raw.path) if side == 0 else (tgt_raw.path, src_raw.path)
            if own in parts and other_lang in parts and _left_untranslated(
                    parts[other_lang], parts[own], tgt_all if side == 0 else src_all):
                _say_left_untranslated(path, own, other_lang)
            elif whole[side]:
                continue
            elif own in parts and other_lang in parts:
                taken = _announce_part(parts, own, path, f"with {beside}, whose language its other part is in")
                if side == 0:
                    src_sents = taken
                else:
                    tgt_sents = taken
            elif len([code for code in parts if code != "und"]) > 1:
                # Seed 000 (French, then English) beside a German text was aligned whole as French,
                # its English half too, unsaid (a probe).
                held = " and ".join(_name(code) for code in parts if code != "und")
                logger.warning("%s holds %s text, and %s is in %s: aligning all of it as %s (%s chooses one part)",
                               path, held, beside, _name(other_lang), _name(own), ("--src-lang", "--tgt-lang")[side])
    for flagged, lang, sents, path, flag in ((given[0] or said[0], src_lang, src_sents, src_raw.path, "--src-lang"),
                                             (given[1] or said[1], tgt_lang, tgt_sents, tgt_raw.path, "--tgt-lang")):
        if not flagged:
            _say_if_unsure(lang, sents, path, flag)
    return _checked(Document(src_raw.path, src_lang, src_raw.encoding, renumber(src_sents),
                             set_aside=_set_aside(src_all, src_sents), digest=src_raw.digest),
                    Document(tgt_raw.path, tgt_lang, tgt_raw.encoding, renumber(tgt_sents),
                             set_aside=_set_aside(tgt_all, tgt_sents), digest=tgt_raw.digest),
                    # A language a file declares is no flag: "--tgt-lang sets fr.json to French" named
                    # a flag nobody gave.
                    flags)


# Below this, the detector's reading of a whole text is a guess: "Le chat dort." reads as German
# (0.27), a text of numbered tokens as Norwegian, and the guess went into the TMX's xml:lang
# unsaid. A text of a sentence or two scores 0.9 or more in its own language.
MIN_TEXT_LANGUAGE_SCORE = 0.5


# ... and so is a reading whose runner-up scores at least this share of it: Afrikaans reads as Dutch
# (0.51, Afrikaans 0.39), and an Afrikaans translation was aligned as Dutch on the encoder that does
# not cover Afrikaans, named Dutch in every report, unsaid. (Croatian, Serbian and Bosnian read alike
# and are told apart by their own words: `language.serbo_croatian_standard`.)
MIN_LEAD_OVER_NEXT_LANGUAGE = 0.5


def _declared_language(raw: RawText, sentences: list[Sentence]) -> str | None:
    """The one language a file in one language declares for its text (an ARB's @@locale, a locale
    file's root key, a subtitle's or an XML document's xml:lang), where the detector reads the file
    so too or is unsure of it; None where it declares none, or several, or the detector reads the
    whole file as another language (a translation made from a copy of the English file, its
    declaration left as it was: said aloud, and read as the detector reads it).

    Without it, a Portuguese ARB's "OK" and "Cancelar" read as English were set aside as the file's
    English part, and reported left out."""
    # Declared for all its text: a DocBook file whose one German quotation says lang="de" declares
    # nothing of the rest.
    declared_langs = [span.lang for span in raw.spans if not span.furniture]
    codes = {normalise_code(lang) for lang in declared_langs}
    by_name = not any(declared_langs) and _named_language(raw)
    if by_name:
        codes, declared_langs = {by_name}, [by_name]
    if len(codes) != 1 or "" in declared_langs or not sentences:
        return None
    declared = codes.pop()
    if declared not in LANGUAGE_NAMES:
        return None
    detected = dominant_language(sentences)
    if detected == declared:
        return declared
    score, _runner_up = reading_and_runner_up(opening_text(sentences), detected, MIN_LEAD_OVER_NEXT_LANGUAGE)
    if score < MIN_TEXT_LANGUAGE_SCORE:
        logger.warning("%s: read as %s, the language %s declares (the language detector is unsure of it)",
                       raw.path, _name(declared), "its name" if by_name else "it")
        return declared
    logger.warning("%s declares %s but reads as %s: read as %s", f"{raw.path}'s name" if by_name else raw.path,
                   _name(declared), _name(detected), _name(detected))
    return None


def _read_whole_as(parts: dict[str, list[Sentence]], lang: str, path: str, everything: list[Sentence]) -> list[Sentence]:
    """All of a file in one language (`_in_one_language`) read as `lang`, the language of one of the
    parts the detector reads in it, said aloud: none of its strings is set aside."""
    others = " and ".join(_name(code) for code in parts if code not in (lang, "und"))
    logger.warning("%s: read as %s, though some of its strings read as %s (a file of a program's strings is in one "
                   "language: aligned whole)", path, _name(lang), others)
    return everything


def _in_one_language(raw: RawText) -> bool:
    """Whether a file is in one language by what it is: a program's strings for one language (a
    Java bundle, an Android or Apple strings file, a JSON or YAML catalogue), not a bilingual one.
    Taken as parts, Sweet Home 3D's English furniture catalogue had two records' names and ids
    read as French set aside, and its "OK" and "Cancel" read as two texts."""
    return raw.format in CATALOGUE_FORMATS and not any(span.side or span.version is not None for span in raw.spans)


def _named_language(raw: RawText) -> str:
    """The language a program's strings file is in by its name or folder (`fr.lproj/`,
    `Messages_fr.properties`, `values-pt-rBR/`), where the file declares none itself: the file
    the program loads for that language. Read string by string, an English catalogue's "OK" and
    identifiers were French, Turkish and Italian, and split into parts. '' for any other file."""
    return name_language(raw.path) if raw.format in CATALOGUE_FORMATS else ""


def _say_if_unsure(lang: str, sentences: list[Sentence], path: str, flag: str) -> None:
    """Warn when the language taken for a text is the detector's guess rather than its reading."""
    score, runner_up = reading_and_runner_up(opening_text(sentences), lang, MIN_LEAD_OVER_NEXT_LANGUAGE)
    if score < MIN_TEXT_LANGUAGE_SCORE:
        logger.warning("%s: the language detector is unsure of its language; read as %s (%s to say which)",
                       path, _name(lang), flag)
    elif runner_up is not None:
        logger.warning("%s: read as %s, though it reads almost as much as %s (%s to say which)",
                       path, _name(lang), _name(runner_up), flag)


def _checked(src_doc: Document, tgt_doc: Document, given=(None, None)) -> tuple[Document, Document]:
    """The two documents, unless they are in one language. `given`: the --src-lang and --tgt-lang
    values, which set a side's language rather than the detector."""
    if src_doc.lang == tgt_doc.lang:
        # Named: in `align versions` with five files, which one was in the original's language?
        files = src_doc.path if src_doc.path == tgt_doc.path else f"{src_doc.path} and {tgt_doc.path}"
        flagged = [(flag, doc) for flag, doc, value in (("--src-lang", src_doc, given[0]),
                                                         ("--tgt-lang", tgt_doc, given[1])) if value is not None]
        if len(flagged) == 1:
            # `versions en.txt fr.txt --src-lang fr` was told "both texts are in French": the
            # English text was French because the flag said so, not because it read so.
            (flag, doc), other = flagged[0], (tgt_doc if flagged[0][1] is src_doc else src_doc)
            raise SameLanguageError(
                f"{flag} sets {doc.path} to {_name(doc.lang)}, and {other.path} reads as {_name(doc.lang)} too; "
                f"align pairs a text with its translation (is {flag} right? align group compares versions in one "
                "language)")
        raise SameLanguageError(
            f"both texts are in {_name(src_doc.lang)} ({files}); align pairs a text with its translation "
            f"(use --src-lang/--tgt-lang if the detection is wrong; align group compares versions in one language)")
    return src_doc, tgt_doc


# --------------------------------------------------------------------------------------------
# Alignment and findings
# --------------------------------------------------------------------------------------------


def _embedding_texts(doc: Document) -> tuple[list[str], list[tuple[int, str]]]:
    """The text each sentence is embedded with, without metadata glued to its front."""
    texts, notes = [], []
    for s in doc.sentences:
        prefix, rest = split_metadata_prefix(s.text)
        if prefix and rest:
            texts.append(rest)
            notes.append((s.id, prefix))
        else:
            texts.append(s.text)
    return texts, notes


@dataclass(frozen=True)
class PreparedDocument:
    """What the aligner and the finders need of one document's sentences besides their vectors.

    It depends on the document alone, so `align group` computes it once per document rather than
    once per pair: the categories alone were 40 % of a collection's time."""

    texts: list[str]  # what each sentence is embedded with: its text less glued-on metadata
    metadata: list[tuple[int, str]]  # (sentence id, metadata prefix) where one was cut off
    lengths: np.ndarray  # characters of each embedded text
    words: list[int]
    paragraphs: list[int]
    breaks: np.ndarray | None  # sentences opening a paragraph, where paragraphs tell anything
    categories: list[str]  # content / editorial / boilerplate
    sentence_a_line: bool = False  # a corpus file: each sentence on the line after the one before

    @property
    def peripheral(self) -> frozenset[int]:
        """Headlines, source lines and boilerplate, which the audit keeps out of its pairs' edges. A
        line with no letter or digit ("-", "»", "* * *") is no content either, but inside a text it
        stays in its pair: OCR'd text is full of such crumbs, and translations keep them where they
        stood (as peripheral, Text+Berg dev lost 0.026 omission F1)."""
        return frozenset(i for i, c in enumerate(self.categories)
                         if c == "boilerplate" or (c == "editorial" and has_words(self.texts[i])))


def prepare(doc: Document) -> PreparedDocument:
    texts, metadata = _embedding_texts(doc)
    paragraphs = [s.paragraph for s in doc.sentences]
    return PreparedDocument(
        texts=texts, metadata=metadata, lengths=np.array([len(t) for t in texts], dtype=np.float64),
        words=_word_counts(doc), paragraphs=paragraphs, breaks=_paragraph_breaks(paragraphs),
        categories=_categories(doc, texts), sentence_a_line=_sentence_a_line(doc))


# Texts per encode call when a collection is embedded. A call's vectors are copied two or three
# times on their way out (concatenated from the workers, cast, normalised; or stacked from the
# cache), so one call for a whole collection peaked at several times its vectors (they alone are
# 4.1 GB at 100,000 documents); in batches the peak is the vectors once plus one batch's copies.
EMBED_BATCH_TEXTS = 32_768


def embed_prepared(prepared: list[PreparedDocument], encoder: Encoder, progress: bool = False) -> list[np.ndarray]:
    """Each document's sentence vectors, in one array (views of it per document), from batches of
    EMBED_BATCH_TEXTS texts: each batch is one pool of workers."""
    texts = [t for doc in prepared for t in doc.texts]
    if len(texts) <= EMBED_BATCH_TEXTS:
        embedded = encoder.encode(texts, progress=progress)
    else:
        embedded = None
        for start in range(0, len(texts), EMBED_BATCH_TEXTS):
            part = encoder.encode(texts[start:start + EMBED_BATCH_TEXTS], progress=progress)
            if embedded is None:
                embedded = np.empty((len(texts), part.shape[1]), dtype=part.dtype)
            embedded[start:start + len(part)] = part
    bounds = np.cumsum([0] + [len(doc.texts) for doc in prepared])
    return [embedded[start:end] for start, end in zip(bounds[:-1], bounds[1:])]


# How far (in log ratio) the stretches between sure pairs may stand from the whole texts' ratio
# before the aligner expects theirs: their estimate keeps within 17 % (0.15) of a whole
# translation's ratio on every dev document, Chinese-English included; a text with as much again
# that the other lacks is off by 0.69.
RATIO_TOLERANCE = 0.25
# Too few stretches to trust (a short text) may still hold this many with as many sentences on
# each side: see translation_length_ratio.
MIN_EVEN_STRETCHES = 3
# ... and however few they are, they outweigh totals this far off (log 2, twice or half their
# ratio): an excerpt of five sentences against the 150 of its original had the totals' ratio 59, and
# not one of its sentences was paired.
EXCERPT_LOG_RATIO = float(np.log(2.0))


def translation_length_ratio(near: Neighbours, src_len, tgt_len) -> float:
    """Source characters per target character of the translation, for the length penalty.

    The totals' ratio holds for a whole translation. Where one text has passages the other lacks
    (a partial translation, a reprint with a section added), it is off by their share, and with it
    every bead's length penalty: an Alice chapter against its English plus twice as much other
    English expected each English sentence to be a third of a French one, and the aligner made
    1-4 beads of a text it otherwise has right. The stretches of translation between sure pairs
    (`neighbours.stretches`) hold whatever splits and merges (the ratio of single pairs does not: a
    Chinese sentence's best match is one of the English sentences it became); their ratio
    replaces the totals' when they differ by more than RATIO_TOLERANCE.

    A short text has fewer stretches than that, and its totals are as far off when it is a partial
    translation: an article of ten sentences against five of them made three 2-1 and 3-1 merges
    under a ratio of 1.7, and reported two of five left-out sentences. There, the stretches that
    hold as many sentences on each side (no split, merge or gap inside) give the ratio, when there
    are MIN_EVEN_STRETCHES of them. Not for long texts: on MAC zh-en, whose English splits many
    Chinese sentences, such stretches alone read another ratio than the whole translation's
    (addition F1 0.607 -> 0.584)."""
    src_len = np.asarray(src_len, dtype=np.float64)
    tgt_len = np.asarray(tgt_len, dtype=np.float64)
    ratio = length_ratio(src_len, tgt_len)
    found, enough = stretches(near), MIN_STRETCHES
    if len(found) < MIN_STRETCHES:
        even = [(i1, j1, i2, j2) for i1, j1, i2, j2 in found if i2 - i1 == j2 - j1]
        if len(even) >= MIN_EVEN_STRETCHES:
            found, enough = even, MIN_EVEN_STRETCHES
    found = _without_outlying_stretches(found, src_len, tgt_len)
    src_chars = float(sum(src_len[i1:i2].sum() for i1, _, i2, _ in found))
    tgt_chars = float(sum(tgt_len[j1:j2].sum() for _, j1, _, j2 in found))
    if src_chars <= 0 or tgt_chars <= 0:
        return ratio
    translated = src_chars / tgt_chars
    if len(found) < enough:
        return translated if abs(np.log(translated / ratio)) > EXCERPT_LOG_RATIO else ratio
    return translated if abs(np.log(translated / ratio)) > RATIO_TOLERANCE else ratio


def _without_outlying_stretches(found, src_len, tgt_len):
    """The stretches but those a factor 2 (EXCERPT_LOG_RATIO) off their median ratio because of one
    sentence GIANT_SENTENCE times its side's median length. A stretch counts sentences, so one
    sentence added without a full stop (a paragraph of 2,900 characters of keywords, or of
    sentences whose stops were lost) stays inside one, and its characters outweighed the rest: an
    article of 12 sentences a side kept the totals' ratio of 3.0 for a translation of ratio 1.0,
    and paired 9 of its 12 sentences. Only for such a sentence: a stretch as far off for a passage
    of ordinary sentences left out inside it (Text+Berg test4 with a paragraph removed) weighs in
    as before, as trimming it cost the test set's audit (omission F1 0.859 -> 0.838)."""
    if len(found) < 3:
        return found
    src_giant = GIANT_SENTENCE * float(np.median(src_len))
    tgt_giant = GIANT_SENTENCE * float(np.median(tgt_len))
    logs = np.log(np.array([max(float(src_len[i1:i2].sum()), 1.0) / max(float(tgt_len[j1:j2].sum()), 1.0)
                            for i1, j1, i2, j2 in found]))
    off = np.abs(logs - np.median(logs)) > EXCERPT_LOG_RATIO
    return [(i1, j1, i2, j2) for (i1, j1, i2, j2), far in zip(found, off)
            if not (far and (src_len[i1:i2].max() >= src_giant or tgt_len[j1:j2].max() >= tgt_giant))]


# A sentence this many times its side's median length is a paragraph without full stops.
GIANT_SENTENCE = 10


def _run(source: Document, target: Document, encoder: Encoder, config: AlignConfig, thresholds: AuditThresholds,
         segmenter_name: str, src_emb=None, tgt_emb=None, facts: bool = True, partial: bool = True,
         progress: bool = False, prepared: tuple[PreparedDocument, PreparedDocument] | None = None) -> AlignmentResult:
    src, tgt = prepared or (prepare(source), prepare(target))
    src_texts, tgt_texts = src.texts, tgt.texts
    vectors_given = src_emb is not None and tgt_emb is not None
    if not vectors_given:
        embedded = encoder.encode(src_texts + tgt_texts, progress=progress)
        src_emb, tgt_emb = embedded[: len(src_texts)], embedded[len(src_texts):]
    centres = centring_means(src_emb, tgt_emb)
    src_emb, tgt_emb = centred_on(src_emb, tgt_emb, centres)
    src_len, tgt_len = src.lengths, tgt.lengths
    breaks = (src.breaks, tgt.breaks)
    near = neighbours(src_emb, tgt_emb)
    ratio = translation_length_ratio(near, src_len, tgt_len)
    # Two files of a program's strings: their shared keys pair them (see align.keyed).
    keyed = keyed_pairs(source, target)

    def keyed_pass(pass_config: AlignConfig):
        return keyed.beads(len(src_emb), len(tgt_emb), aligner_within(src_emb, tgt_emb, src_len, tgt_len, pass_config,
                                                                      align_embeddings, ratio))

    if keyed is not None:
        raw_beads = keyed_pass(config)
    else:
        raw_beads = align_embeddings(src_emb, tgt_emb, src_len, tgt_len, config, src_breaks=breaks[0],
                                     tgt_breaks=breaks[1], ratio=ratio)
    refine = None
    if keyed is None and config.joined_weight and encoder is not None and getattr(encoder, "embeds_windows", False):
        refine = joined_corrections(src_texts, tgt_texts, src_emb, tgt_emb, src.words, tgt.words, raw_beads,
                                    encoder, config)
    src_categories, tgt_categories = src.categories, tgt.categories
    src_peripheral, tgt_peripheral = src.peripheral, tgt.peripheral
    clause_fit = None
    if encoder is not None:
        clause_fit = functools.partial(home_clause_fit, (src_texts, tgt_texts), (source.lang, target.lang),
                                       (src_emb, tgt_emb), encoder, centres or (None, None))
    moved_blocks = (keyed.moved_blocks() if keyed is not None else
                    find_moved_blocks(raw_beads, src_emb, tgt_emb, near, thresholds, src_len, tgt_len,
                                      src_peripheral, tgt_peripheral, clause_fit))
    # The refinement may regroup what the first pass paired, but a sentence that pass left
    # unaligned stays so: a joined text reads a sentence with an unrelated one beside it much as
    # the sentence alone, and let inserted sentences hide in splits (TransRead test: addition F1
    # 0.843 -> 0.809 without this rule, 0.840 with it; omission 0.842 -> 0.819, 0.860 with it).
    unaligned = _unaligned(raw_beads, len(src_emb), len(tgt_emb)) if refine is not None else (None, None)

    def final_pass(pass_config: AlignConfig):
        if keyed is not None:
            return keyed_pass(pass_config)
        if moved_blocks:
            return align_around_blocks(src_emb, tgt_emb, src_len, tgt_len, pass_config, moved_blocks, breaks,
                                       refine, unaligned, ratio)
        return align_embeddings(src_emb, tgt_emb, src_len, tgt_len, pass_config, unaligned[0], unaligned[1],
                                src_breaks=breaks[0], tgt_breaks=breaks[1], corrections=refine, ratio=ratio)

    if moved_blocks or refine is not None:
        # The first pass's beads are Python tuples, about 0.5 KB a bead (47 MB at 100,000
        # sentences): let them go before the second pass makes its own.
        del raw_beads
    # The absorbed check's pass at a lower skip cost reads none of the beads: run here, its DP
    # tables are not held beside the classified beads (the run's peak at 100,000 sentences), and
    # of its beads only the one-sided ones, all that the check reads, are kept.
    proposal = None
    if 0 < thresholds.absorbed_skip < config.skip:
        proposing = replace(config, skip=thresholds.absorbed_skip)
        proposal = [bead for bead in final_pass(proposing) if not bead[0] or not bead[1]]
        omission_tau = thresholds.absorbed_omission_tau
        if omission_tau is not None and omission_tau != config.tau:
            # The source's sentences left out are proposed by a pass at their own tau (see there).
            proposal = ([bead for bead in final_pass(replace(proposing, tau=omission_tau)) if bead[0] and not bead[1]]
                        + [bead for bead in proposal if bead[1]])
    give_back_free_pages()  # what the passes so far freed, before the final pass's tables
    if moved_blocks or refine is not None:
        raw_beads = final_pass(config)
    if config.final() != replace(config, final_tau=None, final_merge_penalty=None):
        # The pairs regrouped at the final pass's own tau and 2-3 penalty, where that leaves alone
        # no sentence the pass above pairs (it may pair one that pass leaves alone, but not one
        # the first pass left alone: those are held out of both when `refine` runs). See
        # AlignConfig.final_tau.
        today = PackedBeads(raw_beads)
        del raw_beads
        raw_beads = regrouped(today, final_pass(config.final()))
        del today
    interrupts.check()  # a Ctrl-C swallowed while numba compiled the DP
    beads = classify_beads(raw_beads, src_emb, tgt_emb, near, thresholds, src_peripheral, tgt_peripheral,
                           src_len, tgt_len, moved_blocks, words=(src.words, tgt.words),
                           paragraphs=(src.paragraphs, tgt.paragraphs), given=keyed is not None)
    del raw_beads  # the beads hold it all now, before the audit's own pass below
    give_back_free_pages()
    paired = [(b.src, b.tgt) for b in beads if b.kind in ("match", "moved")]
    # A sentence said twice on one side is that side's extra, whatever the lengths say; the other
    # tests weigh the pairs without it (the length test took the first of two equal sentences).
    repeated = repeated_in_pairs(paired, src_texts, tgt_texts, src.words, tgt.words, thresholds.fragment_words)
    if repeated[0] or repeated[1]:
        paired = [(tuple(i for i in s if i not in repeated[0]), tuple(j for j in t if j not in repeated[1]))
                  for s, t in paired]
    absorbed = (frozenset(), frozenset())
    if proposal is not None:
        figures = (frozenset(), frozenset())
        if thresholds.absorbed_figures is not None:
            figures = unmatched_figures_in_pairs(paired, (src_texts, tgt_texts), (source.lang, target.lang))
        absorbed = absorbed_sentences(paired, proposal, src_len, tgt_len, thresholds.absorbed_min_length,
                                      thresholds.absorbed_crossed_min_length, figures, thresholds.absorbed_figures,
                                      thresholds.absorbed_both_sides, thresholds.absorbed_sure_tolerance)
        absorbed = translated_in_pair(paired, absorbed, src_emb, tgt_emb, thresholds.absorbed_translated_percentile)
        absorbed = translated_in_clauses(paired, absorbed, (src_texts, tgt_texts), (source.lang, target.lang),
                                         (src_emb, tgt_emb), near, encoder, centres or (None, None),
                                         thresholds.absorbed_clause_margin, proposed_on_two_counts(proposal, figures))
        del proposal
    # Not in a file of a sentence a line: there every sentence is a "paragraph", and every sentence
    # of a 2-1 pair stood in a paragraph of its own (TransRead's Candide as given: 51 sentences left
    # out and 93 added inside pairs, against 6 and 5 with --segmenter lines).
    strays = ((frozenset(), frozenset()) if src.sentence_a_line or tgt.sentence_a_line
              else paragraph_strays(paired, src.paragraphs, tgt.paragraphs, src_emb, tgt_emb))
    # A 2-2 pair whose close pair is weak yet reads closer than the whole bead holds one sentence
    # of each side beside it; taken together they are as sure as `_crossed`'s, so its length floor.
    unrelated = unrelated_in_two_by_two(paired, src_emb, tgt_emb, src_len, tgt_len, thresholds.absorbed_min_length,
                                        thresholds.absorbed_crossed_min_length)
    absorbed = (absorbed[0] | strays[0] | unrelated[0] | repeated[0], absorbed[1] | strays[1] | unrelated[1] | repeated[1])
    if encoder is not None and is_fallback(encoder):
        # What the clause checks' whole-sentence clauses find on USE v3 (see there).
        merged = unrelated_in_merges(paired, src_emb, tgt_emb, src_len, tgt_len, thresholds.absorbed_min_length,
                                     thresholds.fallback_merge_percentile)
        absorbed = (absorbed[0] | merged[0], absorbed[1] | merged[1])
    del paired
    # A list of items on both sides (UI strings, a glossary): each line an item, none a headline.
    lists = _listed(src, thresholds.list_item_words) and _listed(tgt, thresholds.list_item_words)
    if lists:
        src_categories, tgt_categories = _categories(source, src_texts, True), _categories(target, tgt_texts, True)
    if keyed is not None:
        data = catalogue_data(source, target)
        src_categories = [("boilerplate" if i in data else category) for i, category in enumerate(src_categories)]
    structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    categories = (src_categories, tgt_categories)
    if keyed is None and verdict(beads, source, target, near, structural, thresholds, categories)["verdict"] == "unrelated":
        # Nothing to audit pair by pair: the pairs that stood were weak ones among unrelated sentences.
        beads = unpaired_when_unrelated(beads, thresholds, near)
        structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    findings = []
    pairs = [b for b in beads if b.kind in ("match", "moved")]
    kept = _metadata_on_one_side(pairs, src.metadata, tgt.metadata)
    for side, doc, notes in (("source", source, src.metadata), ("target", target, tgt.metadata)):
        for sentence_id, prefix in notes:
            if (side, sentence_id) not in kept:
                continue
            findings.append(Finding(
                "metadata", [sentence_id] if side == "source" else [], [sentence_id] if side == "target" else [],
                f"metadata glued to {side} line {doc.sentences[sentence_id].line}: {prefix!r}", "editorial",
                {"text": prefix, "side": side}))
    if facts and pairs:
        findings += _fact_findings(pairs, source, target, src_texts, tgt_texts, absorbed)
        findings += _pair_checks(pairs, source, target, src_texts, tgt_texts, keyed is not None)
    if partial and pairs and encoder is not None:
        clauses, whole = _partial_findings(pairs, source, target, src_texts, tgt_texts, encoder, progress, absorbed)
        findings += clauses
        if whole[0] or whole[1]:
            # A "clause" that is a whole sentence of its pair is that sentence left out or added: said
            # so, and the pair's split or merge judged without it, as for the sentences found above.
            absorbed = (absorbed[0] | whole[0], absorbed[1] | whole[1])
            structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    findings = structural + findings
    if keyed is not None:
        # A key the translation writes in another place is no news: the program finds it by its key.
        findings = [finding for finding in findings if finding.type != "moved"]
    findings.sort(key=lambda f: finding_order(f.severity, f.src, f.tgt))
    summary = _summary(beads, findings, source, target)
    summary.update(verdict(beads, source, target, near, findings, thresholds, categories))
    signature = {
        "tool": "align",
        "version": __version__,
        "encoder": encoder.name if encoder is not None else "precomputed",
        # Vectors the caller gave were aligned as given, whatever the encoder named above is.
        "vectors": "given" if vectors_given else "encoder",
        "segmenter": segmenter_name,
        "aligner": config.to_dict(),
        "thresholds": thresholds.to_dict(),
        "languages": f"{source.lang}-{target.lang}",
        # Which checks ran: a report without clause findings may have had none, or not looked.
        "checks": {"facts": bool(facts), "clauses": bool(partial and encoder is not None)},
    }
    skipped = "".join(f"|{name}:off" for name, ran in signature["checks"].items() if not ran)
    # The string names the main numbers and a digest of all of them: two runs whose settings differ
    # anywhere (the skip cost, a threshold) must not print the same signature.
    settings = json.dumps([signature["aligner"], signature["thresholds"]], sort_keys=True)
    signature["string"] = (
        f"align:{__version__}|enc:{signature['encoder']}|seg:{segmenter_name}|"
        f"tau:{config.tau}|margin:{config.margin}|pair:{thresholds.min_pair_cosine}|move:{thresholds.min_move_cosine}"
        f"|settings:{hashlib.sha1(settings.encode('utf-8')).hexdigest()[:8]}"
        f"{'|vectors:given' if vectors_given else ''}{skipped}"
    )
    return AlignmentResult(signature, source, target, beads, findings, summary)


def _metadata_on_one_side(pairs, src_notes, tgt_notes) -> set[tuple[str, int]]:
    """The (side, sentence) metadata notes to report: not those whose pair has one on the other
    side too, as a translation keeps its original's dateline ("BERLIN (Reuters) -" / "Berlin
    (Reuters) –"), which is nothing to tell."""
    src_ids, tgt_ids = {i for i, _ in src_notes}, {j for j, _ in tgt_notes}
    both = set()
    for bead in pairs:
        if src_ids.intersection(bead.src) and tgt_ids.intersection(bead.tgt):
            both.update(("source", i) for i in bead.src)
            both.update(("target", j) for j in bead.tgt)
    return ({("source", i) for i in src_ids} | {("target", j) for j in tgt_ids}) - both


def _unaligned(raw_beads, n_src: int, n_tgt: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the source and target sentences a pass left out of every bead."""
    src, tgt = np.zeros(n_src, dtype=bool), np.zeros(n_tgt, dtype=bool)
    for src_ids, tgt_ids, _gain in raw_beads:
        if not tgt_ids:
            src[list(src_ids)] = True
        if not src_ids:
            tgt[list(tgt_ids)] = True
    return src, tgt


# Paragraphs tell the aligner something only where they hold several sentences: in a file with one
# sentence per line every line is a paragraph, and a 2-1 bead there crosses one by necessity.
MIN_SENTENCES_PER_PARAGRAPH = 1.1


def _paragraph_breaks(paragraph_numbers: list[int]) -> np.ndarray | None:
    """Which sentences open a paragraph, where the document's paragraphs hold several sentences."""
    paragraphs = np.array(paragraph_numbers)
    if len(paragraphs) < 2 or len(paragraphs) < MIN_SENTENCES_PER_PARAGRAPH * len(set(paragraphs.tolist())):
        return None
    return np.concatenate([[False], paragraphs[1:] != paragraphs[:-1]])


# A file of a sentence a line, as corpora are written (TransRead, Text+Berg, Europarl): every
# sentence starts on the line after the one before, for this share of them, and no blank line
# parts them. A text whose one-sentence paragraphs stand between blank lines, or whose lines hold
# a paragraph of several sentences, has paragraphs that say something.
SENTENCE_A_LINE_SHARE = 0.95
SENTENCE_A_LINE_MIN = 20


def _sentence_a_line(doc: Document) -> bool:
    lines = [s.line for s in doc.sentences]
    if len(lines) < SENTENCE_A_LINE_MIN or None in lines:
        return False
    steps = np.diff(np.array(lines))
    return bool(np.mean(steps == 1) >= SENTENCE_A_LINE_SHARE)


def _listed(prepared: PreparedDocument, max_words: int | None) -> bool:
    """Whether a document is a list of items (AuditThresholds.list_item_words): its sentences stand
    in lines of their own (a line of two sentences aside: LIST_SHARE of them), of a median of at most
    `max_words` words. A file of a sentence a line read as one paragraph (the gold sets) is none."""
    count = len(prepared.words)
    if max_words is None or count < LIST_MIN_LINES:
        return False
    return len(set(prepared.paragraphs)) >= LIST_SHARE * count and float(np.median(prepared.words)) <= max_words


def _word_counts(doc: Document) -> list[int]:
    return [word_count(s.text) for s in doc.sentences]


def _categories(doc: Document, texts: list[str], listing: bool = False) -> list[str]:
    """content / editorial / boilerplate for every sentence, read in document order so that a
    line under a "most commented" heading inherits its boilerplate. `listing`: every line is an
    item of a list (`_listed`), none a headline."""
    out: list[str] = []
    paragraph_words: dict[int, int] = {}
    for s, text in zip(doc.sentences, texts):
        paragraph_words[s.paragraph] = paragraph_words.get(s.paragraph, 0) + word_count(text)
    last = max(len(texts) - 1, 1)
    passes_on = False
    for i, (s, text) in enumerate(zip(doc.sentences, texts)):
        context = AdditionContext(
            position=i / last, paragraph_words=paragraph_words[s.paragraph], section_start=i == 0,
            follows_boilerplate=passes_on, same_paragraph=i > 0 and doc.sentences[i - 1].paragraph == s.paragraph,
            list_item=listing or s.verse or bool(LIST_ITEM.match(s.original)))
        # A web page's menu or a PDF's running head is furniture by where it stood, whatever it says;
        # and, boilerplate by its place alone, it passes nothing on: after a page's <title>, every
        # one-sentence paragraph of its article had inherited "boilerplate", one from the next.
        category, passes_on = ("boilerplate", False) if s.furniture else classify_line(s.text, context)
        out.append(category)
    return out


def _joined(texts: list[str], ids) -> str:
    return " ".join(texts[i] for i in ids)


# Sentences either side of a pair's other side where a measure it lacks may stand instead.
STATED_BESIDE_SENTENCES = 2


def _one_sided(mismatch) -> bool:
    """A measure one side of the pair gives and the other lacks (facts.numbers._measures_left_out), or a
    placeholder. Told for a one-to-one pair only: in a pair of several sentences it is mostly a
    sentence paired with the wrong neighbour (the dev audit's "7729 m" in a 2-1 pair beside an
    injected change), or a plural's forms, one against two (dpkg's Russian catalogue: "%d package,
    from the following section:" against its few and many forms)."""
    return mismatch.kind in ("number", "placeholder") and (mismatch.src_value is None) != (mismatch.tgt_value is None)


def _stated_beside(mismatch, bead, src_text, tgt_text, src_texts, tgt_texts, src_lang, tgt_lang) -> bool:
    """Whether a measure one side of the pair gives and the other lacks stands in the sentences
    around the other side: in the dev audit, "250 m" of a French sentence whose German stood in the
    pair before was reported as missing in every variant of the document. `mismatch` is one-sided
    (`_one_sided`), a measure (a placeholder's is `_placeholder_beside`)."""
    if mismatch.tgt_value is None:
        own_text, span, own_lang, others, ids, other_lang = src_text, mismatch.src_span, src_lang, tgt_texts, bead.tgt, tgt_lang
    else:
        own_text, span, own_lang, others, ids, other_lang = tgt_text, mismatch.tgt_span, tgt_lang, src_texts, bead.src, src_lang
    around = others[max(0, min(ids) - STATED_BESIDE_SENTENCES):max(ids) + 1 + STATED_BESIDE_SENTENCES]
    from .audit.facts import figure_stated_in

    return figure_stated_in(own_text, span, own_lang, " ".join(around), other_lang)


def _placeholder_beside(mismatch, bead, source, target) -> bool:
    """Whether a placeholder one side of a one-to-one pair lacks stands in a sentence beside the
    other side's, of the same message (located alike): dpkg's "%s was locked by another process
    with pid %d" / "%s" was two sentences in English, its German one, and the second "%s" was "not
    in the source"."""
    from .audit.facts.quantities import PRINTF_PLACEHOLDER

    if mismatch.tgt_value is None:
        value, others, at = mismatch.src_value, target.sentences, bead.tgt[0]
    else:
        value, others, at = mismatch.tgt_value, source.sentences, bead.src[0]
    conversion = value[-1]
    # A named one ("%{count}", "{0}") by itself; a printf one by its conversion ("%s" is "%1$s").
    return any(others[k].where == others[at].where and (value in others[k].text if conversion == "}" else conversion in {
        m.group(2)[-1] for m in PRINTF_PLACEHOLDER.finditer(others[k].text)})
        for k in (at - 1, at + 1) if 0 <= k < len(others))


def _fact_findings(pairs, source, target, src_texts, tgt_texts, absorbed=(frozenset(), frozenset())) -> list[Finding]:
    """Facts each pair states differently. A sentence reported left out or added inside its pair
    takes no part: the "4" of a sentence added beside "three years" / "τρία χρόνια" was a changed
    number of the faithful pair."""
    from .audit.facts import compare_facts, link_mismatches, name_key, placeholder_mismatches, speaker_mismatches

    out = []
    renderings: dict[tuple[str, str], list[Finding]] = {}
    # A pair with no sentence set aside keeps its own ids (a list each was 21 MB at 100,000 pairs).
    kept = [(bead.src if absorbed[0].isdisjoint(bead.src) else [i for i in bead.src if i not in absorbed[0]] or bead.src,
             bead.tgt if absorbed[1].isdisjoint(bead.tgt) else [j for j in bead.tgt if j not in absorbed[1]] or bead.tgt)
            for bead in pairs]
    # A line given to another speaker: told by the labels of the whole document, not of one pair.
    speakers = speaker_mismatches(kept, src_texts, tgt_texts)
    for index, (bead, (src_ids, tgt_ids)) in enumerate(zip(pairs, kept)):
        src_text, tgt_text = _joined(src_texts, src_ids), _joined(tgt_texts, tgt_ids)
        mismatches = [m for m in compare_facts(src_text, tgt_text, source.lang, target.lang)
                      if m.kind != "placeholder" and (not _one_sided(m) or (
                          len(src_ids) == len(tgt_ids) == 1 and not _stated_beside(
                              m, bead, src_text, tgt_text, src_texts, tgt_texts, source.lang, target.lang)))]
        # A program's placeholders, by the whole pair: a message's arguments are the message's, and
        # a piece of it read as added inside the pair ("%s: 依存関係に問題があります。", dpkg's Japanese
        # catalogue) takes its "%s" with it, a false "%s is not in the target".
        whole = ((src_text, tgt_text) if (list(src_ids), list(tgt_ids)) == (list(bead.src), list(bead.tgt))
                 else (_joined(src_texts, bead.src), _joined(tgt_texts, bead.tgt)))
        if "%" in whole[0] or "%" in whole[1] or "{" in whole[0] or "{" in whole[1]:
            mismatches += [m for m in placeholder_mismatches(*whole)
                           if not _one_sided(m) or (len(bead.src) == len(bead.tgt) == 1
                                                    and not _placeholder_beside(m, bead, source, target))]
        # The originals keep what cleaning took out of the texts: a markdown link's address.
        mismatches += link_mismatches(" ".join(source.sentences[i].original for i in src_ids),
                                      " ".join(target.sentences[j].original for j in tgt_ids), src_text, tgt_text,
                                      source.lang, target.lang)
        if index in speakers:
            mismatches.append(speakers[index])
        # Page furniture on both sides (a PDF's contents, a page's menu or footer): what it states
        # is the pages', not the text's. The Debian FAQ's contents paired entry by entry were some
        # 200 "number 2 vs 3" in each translation's PDF, each at the severity of a changed fact.
        severity = ("boilerplate" if mismatches and all(source.sentences[i].furniture for i in bead.src)
                    and all(target.sentences[j].furniture for j in bead.tgt) else "content")
        for mismatch in mismatches:
            finding = Finding(
                "fact_mismatch", list(bead.src), list(bead.tgt),
                f"{mismatch.message} (source {line_span(source, bead.src)}, target {line_span(target, bead.tgt)})",
                severity,
                {"kind": mismatch.kind, "src_value": mismatch.src_value, "tgt_value": mismatch.tgt_value,
                 "src_line": source.sentences[bead.src[0]].line, "tgt_line": target.sentences[bead.tgt[0]].line})
            if mismatch.kind == "name":
                renderings.setdefault((name_key(mismatch.src_value), name_key(mismatch.tgt_value)), []).append(finding)
            else:
                out.append(finding)
    # A name written the same other way in several pairs is how the translation renders it
    # ("Edward" / "Eduardo", "Majesty" / "Magestad": 20 of the 25 name findings on Candide es's gold
    # pairs), or a change made throughout: said once, as editorial, not once a pair as content.
    for findings in renderings.values():
        if len(findings) == 1:
            out += findings
            continue
        first = findings[0]
        values = first.details
        out.append(Finding(
            "fact_mismatch", first.src, first.tgt,
            f"name {values['src_value']} (source) is {values['tgt_value']} (target) in {len(findings)} pairs, "
            f"the first at source {line_span(source, first.src)}, target {line_span(target, first.tgt)}: the "
            f"translation's rendering of it, or a change made throughout", "editorial",
            {**values, "pairs": len(findings)}))
    return out


# The fewest letters of a string a program's file copies from the other, paired by their keys, to be
# told untranslated ("Group furniture" in a French menu); a name ("Sweet Home 3D") is none.
KEYED_COPY_MIN_LETTERS = 8


def _pair_checks(pairs, source, target, src_texts, tgt_texts, keyed: bool = False) -> list[Finding]:
    """Pairs left in the source language, and pairs far longer or shorter than the document's."""
    from .audit.qa import MIN_LETTERS_UNTRANSLATED, length_outliers, untranslated

    texts = [(_joined(src_texts, b.src), _joined(tgt_texts, b.tgt)) for b in pairs]
    paired = {j for b in pairs for j in b.tgt}
    unpaired = [text for j, text in enumerate(tgt_texts) if j not in paired]
    # --src-lang and --tgt-lang swapped (each text reads as the other's flag, which was warned
    # about): every faithful pair's target would be "in the source's language".
    swapped = (bool(source.sentences) and bool(target.sentences) and source.lang != target.lang
               and dominant_language(source.sentences) == target.lang
               and dominant_language(target.sentences) == source.lang)
    out = []
    copies = KEYED_COPY_MIN_LETTERS if keyed else MIN_LETTERS_UNTRANSLATED
    for issue in ((untranslated(texts, source.lang, target.lang, copies, unpaired) if not swapped else [])
                  + length_outliers(texts)):
        bead = pairs[issue.index]
        where = f"source {line_span(source, bead.src)}, target {line_span(target, bead.tgt)}"
        # Furniture on both sides copied word for word (an e-book's licence, a page's footer, a code
        # listing) is the distributor's, the site's or the program's, in its one language, not text
        # a translator left untranslated: no finding.
        if issue.kind == "untranslated" and (all(source.sentences[i].furniture for i in bead.src)
                                             and all(target.sentences[j].furniture for j in bead.tgt)):
            continue
        out.append(Finding(issue.kind, list(bead.src), list(bead.tgt), f"{issue.message} ({where})",
                           "content" if issue.kind == "untranslated" else "editorial", issue.details))
    return out


# A clause found missing that covers this much of a sentence of a multi-sentence pair is the whole
# sentence: "Nobody was hurt." dropped beside "... for nine hours." was a "clause left out" and a merge.
WHOLE_SENTENCE_SHARE = 0.9


def _partial_findings(pairs, source, target, src_texts, tgt_texts, encoder, progress=False,
                      absorbed=(frozenset(), frozenset())) -> tuple[list[Finding], tuple[set[int], set[int]]]:
    """Clauses one side of a pair has and the other lacks, and the sentences (source, target) that
    such a clause covers whole, which are left out or added rather. A clause inside a sentence that
    is already reported as left out or added within its pair (`absorbed`) is that finding again: an
    inserted German sentence was reported twice, as an addition and as an added clause."""
    from .audit.partial import partial_differences_batch

    batches = partial_differences_batch(
        [(_joined(src_texts, b.src), _joined(tgt_texts, b.tgt)) for b in pairs], encoder, source.lang, target.lang,
        progress=progress)
    out = []
    whole: tuple[set[int], set[int]] = (set(), set())
    for bead, differences in zip(pairs, batches):
        for diff in differences:
            side = "source" if diff.kind == "partial_omission" else "target"
            doc, ids = (source, bead.src) if side == "source" else (target, bead.tgt)
            texts, reported = (src_texts, absorbed[0]) if side == "source" else (tgt_texts, absorbed[1])
            under = _sentences_under(texts, ids, diff.span)
            if reported and set(under) <= reported:
                continue
            if len(ids) > 1 and len(under) == 1 and len(diff.text.strip()) >= WHOLE_SENTENCE_SHARE * len(texts[under[0]].strip()):
                whole[0 if side == "source" else 1].add(under[0])
                continue
            verb = "left out of" if diff.kind == "partial_omission" else "added in"
            out.append(Finding(
                diff.kind, list(bead.src), list(bead.tgt),
                f"clause {verb} the translation ({side} {line_span(doc, ids)}): {diff.text.strip()!r}", "content",
                {"text": diff.text, "score": round(float(diff.score), 4)}))
    return out, whole


def _sentences_under(texts, ids, span) -> list[int]:
    """The sentences of `ids` that `span` (in their joined text, `_joined`) touches."""
    out, start = [], 0
    for i in ids:
        end = start + len(texts[i])
        if start < span[1] and span[0] < end:
            out.append(i)
        start = end + 1
    return out


def _summary(beads, findings, source, target) -> dict:
    count = lambda kind: sum(1 for b in beads if b.kind == kind)  # noqa: E731
    return {
        "source_sentences": len(source.sentences),
        "target_sentences": len(target.sentences),
        "beads": {kind: count(kind) for kind in BEAD_KINDS},
        "findings": findings_by_type(findings),
    }


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


@one_blas_thread
def align_pair(source, target=None, *, src_lang: str | None = None, tgt_lang: str | None = None,
               model: str = DEFAULT_MODEL, encoder: Encoder | None = None, segmenter: str = "auto",
               cache: bool = True, config: AlignConfig | None = None, thresholds: AuditThresholds | None = None,
               facts: bool = True, partial: bool = True, progress: bool = False,
               encoding: str | None = None) -> AlignmentResult:
    """Align a text with its translation and audit the pair.

    `source`/`target` are file paths ("-" = stdin). With `target=None`, `source` is one file that
    holds both languages. `encoding` overrides the detected one. Raises `align.InputError` /
    `align.ModelError` on bad input.
    """
    config, thresholds = _checked_settings(config, thresholds)
    if encoder is None:
        prefetch_encoder(model)
    seg = load_segmenter(segmenter)
    src_doc, tgt_doc = load_documents(source, target, src_lang=src_lang, tgt_lang=tgt_lang, segmenter=seg,
                                      encoding=encoding)
    encoder = as_encoder(encoder) if encoder is not None else encoder_for(model, (src_doc.lang, tgt_doc.lang), cache=cache)
    # The clause checks' thresholds were set on USE v3's similarities; another model's differ.
    partial = partial and not is_fallback(encoder)
    return _run(src_doc, tgt_doc, encoder, config, thresholds, seg.name, facts=facts, partial=partial, progress=progress)


def _checked_settings(config, thresholds) -> tuple[AlignConfig, AuditThresholds]:
    if config is not None and not isinstance(config, AlignConfig):
        raise TypeError(f"config must be an align.AlignConfig, not {type(config).__name__}")
    if thresholds is not None and not isinstance(thresholds, AuditThresholds):
        raise TypeError(f"thresholds must be an align.AuditThresholds, not {type(thresholds).__name__}")
    return config or AlignConfig(), thresholds or AuditThresholds()


@one_blas_thread
def align_sentences(src_sentences: list[str], tgt_sentences: list[str], *, src_lang: str, tgt_lang: str,
                    encoder: Encoder | None = None, config: AlignConfig | None = None,
                    thresholds: AuditThresholds | None = None, src_embeddings=None, tgt_embeddings=None,
                    facts: bool = True, partial: bool = False) -> AlignmentResult:
    """Align pre-segmented sentences (one string each), as the benchmarks do.

    `encoder`: an Encoder, or any object with `encode(list[str])` returning one row per text (a
    SentenceTransformer, a model of your own). By default USE v3, or multilingual-e5 for a language
    USE v3 does not cover (said on stderr), as `align_pair` chooses. `src_embeddings` and
    `tgt_embeddings`: vectors of your own, one row per sentence, both or neither; they are aligned
    as given. Without an encoder beside them, multi-sentence beads are scored on their sentences'
    vectors alone (the joined-text pass needs an encoder) and no clause checks run.
    `facts`: compare the numbers, dates and names of each pair; `partial`: the clause-level checks
    (slow). A bad argument raises TypeError or `align.InputError` (a ValueError) that names it.
    """
    src_sentences = checked_sentences(src_sentences, "src_sentences")
    tgt_sentences = checked_sentences(tgt_sentences, "tgt_sentences")
    src_lang, tgt_lang = checked_language(src_lang, "src_lang"), checked_language(tgt_lang, "tgt_lang")
    src_embeddings, tgt_embeddings = checked_pair_of_embeddings(src_embeddings, tgt_embeddings,
                                                                len(src_sentences), len(tgt_sentences))
    config, thresholds = _checked_settings(config, thresholds)
    source = Document.from_lines("<source>", src_lang, src_sentences)
    target = Document.from_lines("<target>", tgt_lang, tgt_sentences)
    if encoder is not None:
        encoder = as_encoder(encoder)
        if src_embeddings is not None and src_embeddings.shape[1] != encoder.dim:
            # Joined texts and clauses are embedded by the encoder and set against these vectors.
            raise InputError(f"the encoder's vectors are {encoder.dim} wide, the embeddings given {src_embeddings.shape[1]}: "
                             "give the encoder that made them, or none")
    elif src_embeddings is None:
        encoder = encoder_for(DEFAULT_MODEL, (src_lang, tgt_lang), cache=False)
    partial = partial and encoder is not None and not is_fallback(encoder)
    return _run(source, target, encoder, config, thresholds, "lines", src_emb=src_embeddings, tgt_emb=tgt_embeddings,
                facts=facts, partial=partial)
