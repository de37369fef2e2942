"""From the user's files to the two documents aligned: each file read and segmented, and each side's
text taken in its language.

A file may hold one text, a text and its translation (one after the other, line by line, or as a
bilingual catalogue's two sides), or a text in many languages element by element (AppStream's
metainfo, a .desktop file); beside another file, the part in the other file's language is set aside
or, where it copies that file word for word, read as passages left untranslated. Every choice made
for the user is said aloud on the "align" logger, and every sentence not aligned is kept in the
document's `set_aside`, so nothing given is dropped unsaid.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace

from .arguments import language_tag
from .documents import (CATALOGUE_FORMATS, MAX_CROSS_SCORE, dominant_language, load_sentences, opening_text, renumber,
                        text_parts)
from .errors import InputError, SameLanguageError
from .language import (LANGUAGE_NAMES, SERBO_CROATIAN, SURE_LANGUAGE_SCORE, detect_language, language_scores,
                       likeliest_apart, normalise_code, reading_and_runner_up)
from .language import language_name as _name
from .locale_names import name_language
from .model import Document, Sentence, where_span
from .readers.base import Block, join_blocks
from .reading import RawText, read_input
from .segmenters import load_segmenter

logger = logging.getLogger("align")


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
        return (_one_language_of(sentences) if one_language else dominant_language(sentences)), sentences
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


def _one_language_of(sentences: list[Sentence]) -> str:
    """The language of a file in one language by what it is (`_in_one_language`) that names none:
    its whole text's reading, where the detector is sure of it. Its strings' own readings are
    guesses, and the few long enough to judge gave their language to all the others around them:
    coreutils' English messages as a default bundle (Messages.properties, values/strings.xml) were
    all Spanish ("Combination settings:", "Aborted"), the whole text English (0.82). Croatian,
    Serbian and Bosnian are told by their words (`dominant_language`), not by the whole text."""
    lang, score = detect_language(opening_text(sentences))
    if score < MIN_TEXT_LANGUAGE_SCORE or lang in SERBO_CROATIAN:
        return dominant_language(sentences)
    return lang


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


def _copies_kept(parts: dict[str, list[Sentence]], own: str, other_lang: str, other_file: list[Sentence],
                 path: str, beside: str) -> list[Sentence]:
    """The `own` part of a file beside another one in `other_lang` (said aloud, `_announce_part`),
    with the sentences of its `other_lang` part that copy that file's word for word, in file order:
    passages left untranslated, standing among its own sentences, where the rest of that part is a text of its own (a note, the
    translators' credits) too long for the whole part to read as leftovers (`_left_untranslated`).
    Set aside with it, a half-translated manual page's English description and headings were
    reported left out (expiry(1) in French with a translators' note in English: 9 of 24 sentences
    of the original). Not where own part and copies hold more than MAX_PARTS_OVER_OTHER times the
    other file: a text given with its whole translation."""
    own_part, others = parts[own], parts.get(other_lang, [])
    theirs = {_copy_key(sentence) for sentence in other_file}
    # A passage left untranslated stands among the translated ones; a text in the other language
    # before or after the file's own (seed 000's French reprint, four of its sentences word for
    # word those of the French file beside it) is a text of its own.
    first, last = own_part[0].start, own_part[-1].start
    copies = [sentence for sentence in others if first < sentence.start < last and _copy_key(sentence) in theirs]
    if not copies or len(own_part) + len(copies) > MAX_PARTS_OVER_OTHER * len(other_file):
        return _announce_part(parts, own, path, f"with {beside}, whose language its other part is in")
    logger.warning("%s holds %s and %s text; aligning its %s part (%s) with %s, and its %d sentences in %s copied "
                   "word for word from that file, each as untranslated; the other %d set aside (--src-lang/--tgt-lang "
                   "choose another part)", path, _name(own), _name(other_lang), LANGUAGE_NAMES.get(own, own),
                   where_span(own_part), beside, len(copies), LANGUAGE_NAMES.get(other_lang, other_lang),
                   len(others) - len(copies))
    return sorted(own_part + copies, key=lambda sentence: sentence.start)


def _copy_key(sentence: Sentence) -> str:
    return " ".join(_WORD_KEY.findall(sentence.text.casefold()))


def _say_left_untranslated(path: str, lang: str, other_lang: str) -> None:
    # Said instead of "the language detector is unsure of its language": read whole, a page with
    # most of its text left in the other language reads so (chage(1) in French, 59 of 74 sentences
    # English), which this message already says.
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
        _check_flag(raw.path, halves[side], given, declared[side], declared[other], side)
        lang = given or declared[side] or dominant_language(halves[side])
        if not (given or declared[side]) and lang == declared[other]:
            # Short lines take the language of the whole file read around them, both halves' text:
            # a German catalogue's few English messages were German, "both texts are in German".
            # The half's own text read alone says what it is.
            lang = detect_language(opening_text(halves[side]))[0]
        out.append((lang, [replace(s, lang=lang) for s in halves[side]]))
    return out


def _check_flag(path: str, half: list[Sentence], given: str | None, declared: str, other: str, side: str) -> None:
    """Refuse a flag that names a language a bilingual file's half is not in: the half declared in one
    language (an XLIFF's trgLang, a catalogue's Language) and read so or unsurely. `--tgt-lang de` on
    an XLIFF from English into French had labelled the French German, in every report and in the
    TMX written from it, unsaid. A declaration the half's text belies yields to the flag, said."""
    declared = normalise_code(declared) if declared else ""
    if not given or not declared or declared == given:
        return
    flag, what = ("--src-lang", "sources") if side == "source" else ("--tgt-lang", "translations")
    if dominant_language(half) == given:
        logger.warning("%s declares its %s %s but they read as %s: read as %s, as %s says", path, what,
                       _name(declared), _name(given), _name(given), flag)
        return
    pair = (declared, other) if side == "source" else (other, declared)
    held = " and ".join(_name(code) for code in dict.fromkeys(normalise_code(c) for c in pair if c))
    raise InputError(f"{path}: its {what} are in {_name(declared)}, not {_name(given)} as {flag} says "
                     f"(the file holds {held})")


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
    declared = {normalise_code(span.lang) for span in raw.spans if span.lang}
    if lang and declared and lang not in (src_lang, tgt_lang) and lang != dominant_language(tgt_half):
        raise InputError(f"{raw.path}: holds {_name(src_lang)} and {_name(tgt_lang)} text, no {_name(lang)}; "
                         f"{flag} chooses one of its two languages")
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


def version_documents(read: tuple[RawText, list[Sentence]]) -> list[Document] | None:
    """Each version of a file of versions (`_versions`: AppStream's metainfo, a .desktop file) as
    a document of its own, its tag its locale, the untagged text first; None for any other file.
    Split by the detector instead, `align group` made vim.desktop's 70 versions 19 documents of
    whatever languages their few words read as ("Vim" German, Catalan's lines in Spanish's)."""
    raw, sentences = read
    versions = _versions(raw, sentences)
    if versions is None:
        return None
    return [Document(raw.path, _version_language(part), raw.encoding, renumber(part), digest=raw.digest,
                     locale=tag or None) for tag, part in versions.items()]


def whole_language(read: tuple[RawText, list[Sentence]]) -> str | None:
    """The language a file given alone is read in whole, as `paired_documents` reads it: the one it
    or its name declares (`_declared_language`), else, for a program's strings in one language, its
    whole text's (`_one_language_of`); None for a file of parts, sides or versions. `align group`
    split a Malay Android catalogue (values-ms/) into an "Indonesian" document of 19 strings and a
    Malay one of 12, and read coreutils' English messages as Spanish."""
    raw, sentences = read
    if any(span.side or span.version is not None for span in raw.spans):
        return None
    return _declared_language(raw, sentences) or (_one_language_of(sentences) if _in_one_language(raw) else None)


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


# The untagged text of a file of versions is its original only where it holds at least this share
# of the largest version's sentences.
MIN_UNTAGGED_SHARE = 0.5


def _default_version(versions: dict[str, list[Sentence]], unlike: str | None = None) -> str:
    """The version taken where no flag names one: the untagged text (the original the others
    translate, as AppStream's and a .desktop file's are), else the first; with `unlike`, the first
    in another language than that. An untagged text much smaller than the versions is a note about
    them, no original: a strings file's "_comment" beside its "en", "fr" and "de" roots was aligned
    against the French, the English set aside, its three strings reported added."""
    largest = max((len(part) for tag, part in versions.items() if tag), default=0)
    candidates = [tag for tag, part in versions.items() if unlike is None or _version_language(part) != unlike]
    texts = [tag for tag in candidates if tag or len(versions[tag]) >= MIN_UNTAGGED_SHARE * largest]
    return (texts or candidates)[0]


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
    if not others:
        logger.warning("%s gives its text in %d languages element by element: aligning %s", path, len(versions), chosen)
        return
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
                    flag: str, beside: tuple[str | None, str] = (None, "")) -> tuple[str, list[Sentence]]:
    """The version of a file of versions given beside another file: the one `lang` names, else
    the untagged text (the first version), else, where that is in the language of the file beside
    it (`beside`: its language, its path), the one version in another language; the others set
    aside, said aloud. A page giving each paragraph in English and in French, beside an English
    text, had its English version aligned with it: "both texts are in English"."""
    tag = _version_named(versions, lang, locale, raw.path, flag) if lang else _default_version(versions)
    beside_lang, beside_path = beside
    if not lang and beside_lang is not None and _version_language(versions[tag]) == beside_lang:
        others = {_version_language(part) for part in versions.values()} - {beside_lang}
        if len(others) > 1:
            labels = [_version_label(tag, part) for tag, part in versions.items()]
            listed = ", ".join(labels[:8]) + (f" and {len(labels) - 8} more" if len(labels) > 8 else "")
            raise InputError(f"{raw.path} gives its text in {len(versions)} languages element by element, the first "
                             f"in {_name(beside_lang)}, the language of {beside_path}: name the version to align "
                             f"with {flag} (it holds {listed})")
        if others:
            tag = _default_version(versions, unlike=beside_lang)
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
    if versions[0] is None and not sided[0]:
        src_lang, src_sents = ((declared[0], src_all) if declared[0]
                               else _part(src_all, src_lang, src_raw.path, "--src-lang", _in_one_language(src_raw)))
    if versions[1] is None and not sided[1]:
        tgt_lang, tgt_sents = ((declared[1], tgt_all) if declared[1]
                               else _part(tgt_all, tgt_lang, tgt_raw.path, "--tgt-lang", _in_one_language(tgt_raw)))
    # A file of versions' version is chosen knowing the other file's language, where it is known.
    if versions[0] is not None:
        src_lang, src_sents = _version_beside(src_raw, versions[0], src_lang, locales[0], "--src-lang",
                                              (tgt_lang if versions[1] is None and not sided[1] else None, tgt_raw.path))
    if versions[1] is not None:
        tgt_lang, tgt_sents = _version_beside(tgt_raw, versions[1], tgt_lang, locales[1], "--tgt-lang",
                                              (src_lang if not sided[0] else None, src_raw.path))
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
            said[0] = True
        elif tgt_other and _left_untranslated(tgt_parts.get(tgt_lang, []), tgt_parts[tgt_other], src_all):
            tgt_lang = tgt_other
            _say_left_untranslated(tgt_raw.path, tgt_lang, src_lang)
            said[1] = True
        elif src_other:
            src_sents = (_read_whole_as(src_parts, src_other, src_raw.path, src_all) if whole[0] else
                         _copies_kept(src_parts, src_other, src_lang, tgt_all, src_raw.path, tgt_raw.path))
            src_lang = src_other
        elif tgt_other:
            tgt_sents = (_read_whole_as(tgt_parts, tgt_other, tgt_raw.path, tgt_all) if whole[1] else
                         _copies_kept(tgt_parts, tgt_other, tgt_lang, src_all, tgt_raw.path, src_raw.path))
            tgt_lang = tgt_other
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
                said[side] = True
            elif whole[side]:
                continue
            elif own in parts and other_lang in parts:
                taken = _copies_kept(parts, own, other_lang, tgt_all if side == 0 else src_all, path, beside)
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
    text = opening_text(sentences)
    score, _runner_up = reading_and_runner_up(text, detected, MIN_LEAD_OVER_NEXT_LANGUAGE)
    if score < MIN_TEXT_LANGUAGE_SCORE:
        logger.warning("%s: read as %s, the language %s declares (the language detector is unsure of it)",
                       raw.path, _name(declared), "its name" if by_name else "it")
        return declared
    if score < SURE_LANGUAGE_SCORE and _declared_score(text, declared) >= MAX_CROSS_SCORE:
        logger.warning("%s: read as %s, the language %s declares (the language detector reads it as %s, a close "
                       "language it does not tell from %s, and not surely)", raw.path, _name(declared),
                       "its name" if by_name else "it", _name(detected), _name(declared))
        return declared
    logger.warning("%s declares %s but reads as %s: read as %s", f"{raw.path}'s name" if by_name else raw.path,
                   _name(declared), _name(detected), _name(detected))
    return None


def _declared_score(text: str, declared: str) -> float:
    """The detector's score for `declared` on `text`: where a language it does not tell from the
    one it reads scores as much as two languages told apart never do (MAX_CROSS_SCORE), the text
    may well be in it. Malay catalogues read as Indonesian (0.52-0.76) score Malay 0.13-0.42,
    Galician ones read as Spanish Galician 0.16-0.38, a Bokmal one read as Danish Norwegian 0.39;
    an English text scores French under 0.01. lid.176's "sh" is Croatian, Serbian and Bosnian
    alike: it counts for each (a Bosnian catalogue read as Serbian: Bosnian 0.01, sh 0.21)."""
    scores = language_scores(" ".join(text.split()))
    return scores.get(declared, 0.0) + (scores.get("sh", 0.0) if declared in SERBO_CROATIAN else 0.0)


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
