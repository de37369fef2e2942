"""One original against several versions of it (`align versions`), side by side.

An editor with three French reprints of one English article wants to hear that the G20 paragraph
is missing from two of them, not to read three reports and compare them by hand. Each version is
aligned with the original exactly as `align pair` aligns it (the original is read, prepared and
embedded once); the result keeps every pair's own report and, for each sentence of the original,
what became of it in each version.

A file holding the original beside one version of it (seed 000: a French reprint above its
English original) gives the original, and its other half counts as the first version.
"""
from __future__ import annotations

import logging
import os

from . import __version__
from .aligner import AlignConfig
from .audit import AuditThresholds
from .encoders import DEFAULT_MODEL, Encoder, encoder_for, is_fallback, uncovered_languages
from .errors import InputError, SameLanguageError
from .model import Document, VersionsResult, where_span
from .segmenters import load_segmenter
from .threads import one_blas_thread

logger = logging.getLogger("align")


@one_blas_thread
def _version_read(original, version, original_read, seg, encoding):
    """A version, read; the original given again as a version of itself is an error (a mixed file
    holding the original beside its translation is given alone)."""
    from .loading import _read, table_as_rows

    read = table_as_rows(_read(version, seg, encoding), seg)
    if read[0].text == original_read[0].text:
        raise InputError(f"{version} holds the same text as the original {original}; give versions of it "
                         "(a file holding the original and a version is given alone)")
    return read


def compare_versions(original, versions, *, src_lang: str | None = None, model: str = DEFAULT_MODEL,
                     encoder: Encoder | None = None, segmenter: str = "auto", cache: bool = True,
                     config: AlignConfig | None = None, thresholds: AuditThresholds | None = None,
                     partial: bool = False, progress: bool = False, encoding: str | None = None) -> VersionsResult:
    """Align each of `versions` (paths) with `original` and put what each did with it side by side."""
    from .loading import LANGUAGE_NAMES, _language_flag, _name, _read, mixed_documents, paired_documents, table_as_rows
    from .pipeline import _run, embed_prepared, prepare

    if sum(str(path) == "-" for path in (original, *versions)) > 1:
        raise InputError("only one input can be read from stdin ('-')")
    versions = _once_each(versions)
    src_lang, src_locale = _language_flag(src_lang, "--src-lang")
    seg = load_segmenter(segmenter)
    # Pairing a mixed original with each version would say which part is taken once per version.
    held = _Held()
    skipped: list[str] = []
    logger.addFilter(held)
    try:
        # The original is read, cleaned and segmented once, however many versions it has.
        original_read = _read(original, seg, encoding)
        original_rows = table_as_rows(original_read, seg) if versions else original_read
        pairs = []
        for version in versions:
            try:
                pairs.append(paired_documents(original_rows, _version_read(original, version, original_rows, seg,
                                                                           encoding), src_lang))
            except SameLanguageError as error:
                # One version in the original's language (a reprint, a copy) stopped the run and every
                # other version's report with it (a probe): it is left out, and said so.
                if len(versions) == 1:
                    raise
                skipped.append(f"{version}: in the original's language, not a version to align with it "
                               f"(align group compares versions in one language); left out: {str(error).split(';')[0]}")
        if versions and not pairs:
            raise InputError(f"{original}: every version is in the original's language; align group compares "
                             "versions in one language")
        if not pairs and any(span.version is not None for span in original_read[0].spans):
            raise InputError(_versions_alone(original_read))
        source = pairs[0][0] if pairs else mixed_documents(original_read, src_lang)[0]
    finally:
        logger.removeFilter(held)
    for message in skipped:
        logger.warning("%s", message)
    for src_doc, tgt_doc in pairs:
        if (src_doc.lang, len(src_doc.sentences)) != (source.lang, len(source.sentences)):
            raise InputError(f"{tgt_doc.path} is in {tgt_doc.lang}, and the original's {src_doc.lang} part is not the "
                             f"one the other versions are aligned with; give versions in one language")
    source.locale = src_locale
    targets = [tgt_doc for _, tgt_doc in pairs]
    own_half = _own_other_half(original_read, source, targets, src_lang)
    if own_half is not None:
        targets.insert(0, own_half)
        # Aligned as version 1, that half is no longer set aside: every version's report listed
        # its 16 sentences as "not aligned", and version 1's held each twice.
        taken = {sentence.start for sentence in own_half.sentences}
        source.set_aside = [sentence for sentence in source.set_aside if sentence.start not in taken]
        logger.warning("%s holds %s and %s text: its %s part (%s) is the original, its %s part version 1",
                       original, _name(source.lang), _name(own_half.lang), LANGUAGE_NAMES.get(source.lang, source.lang),
                       where_span(source.sentences), LANGUAGE_NAMES.get(own_half.lang, own_half.lang))
    elif held.records:
        logger.handle(held.records[0])
    if not targets:
        raise InputError(f"{original}: give at least one version to compare with it")

    # Each version with the encoder `align pair` would give it: one Hebrew version beside an
    # Arabic one moved both to the fallback encoder, and the Arabic one's added sentence became a
    # split. A version's findings must not depend on which others are compared with it.
    encoders = [encoder] * len(targets) if encoder else _encoders_per_version(model, source, targets, cache)
    config, thresholds = config or AlignConfig(), thresholds or AuditThresholds()
    prepared = [prepare(doc) for doc in (source, *targets)]
    results: list = [None] * len(targets)
    for shared in dict.fromkeys(encoders):  # each distinct encoder, in order
        ks = [k for k, own in enumerate(encoders) if own is shared]
        embeddings = embed_prepared([prepared[0]] + [prepared[k + 1] for k in ks], shared, progress)
        for position, k in enumerate(ks, 1):
            results[k] = _run(source, targets[k], shared, config, thresholds, seg.name, src_emb=embeddings[0],
                              tgt_emb=embeddings[position], partial=partial and not is_fallback(shared),
                              prepared=(prepared[0], prepared[k + 1]))
    names = "+".join(dict.fromkeys(own.name for own in encoders))
    signature = dict(results[0].signature)
    signature["encoder"] = names
    signature["string"] = (f"align:{__version__}|enc:{names}|seg:{seg.name}|tau:{config.tau}|"
                           f"margin:{config.margin}|pair:{thresholds.min_pair_cosine}|move:{thresholds.min_move_cosine}|"
                           f"versions:{len(results)}")
    signature.pop("languages", None)
    return VersionsResult(signature, source, results)


def _encoders_per_version(model: str, source: Document, targets: list[Document], cache: bool) -> list[Encoder]:
    """The encoder of each version's pair with the original, each loaded once."""
    loaded: dict[bool, Encoder] = {}
    out = []
    for target in targets:
        # Only the default encoder gives way to the fallback; any other serves every version.
        fallback = model == DEFAULT_MODEL and bool(uncovered_languages([source.lang, target.lang]))
        if fallback not in loaded:
            loaded[fallback] = encoder_for(model, [source.lang, target.lang], cache=cache)
        out.append(loaded[fallback])
    return out


def _once_each(versions) -> list:
    """The versions, a file given twice once: counted twice, it made every sentence it left out
    "left out by 2 of 2"."""
    out, seen = [], set()
    for path in versions:
        key = str(path) if str(path) == "-" else os.path.realpath(path)
        if key in seen:
            logger.warning("%s is given twice as a version: compared once", path)
            continue
        seen.add(key)
        out.append(path)
    return out


def _own_other_half(original_read, source: Document, targets: list[Document], src_lang) -> Document | None:
    """The other-language half of a file that holds the original beside a version of it, when it
    is in the versions' language (or there are no other versions)."""
    from .loading import mixed_documents

    # A file of versions (`Block.version`) holds its own version in the versions' language, if any:
    # the first version in another language than the original's, version 1 beside French files
    # (vim.desktop's Catalan), was no version of theirs.
    by_tag = any(span.version is not None for span in original_read[0].spans)
    try:
        mixed_src, mixed_tgt = mixed_documents(original_read, src_lang, targets[0].lang if by_tag and targets else None)
    except InputError:
        return None  # one language only: the file is the original and nothing else
    if (mixed_src.lang, len(mixed_src.sentences)) != (source.lang, len(source.sentences)):
        return None
    if targets and mixed_tgt.lang != targets[0].lang:
        return None
    return mixed_tgt


def _versions_alone(original_read) -> str:
    """What `align versions` says of a file of versions (AppStream's metainfo, a .desktop file)
    given alone: its versions are in many languages, and versions compares versions in one
    language of one original. Taken as a mixed file, its untagged text was compared with the
    first tagged version in another language (vim.desktop's Catalan of 70), unasked."""
    from .loading import version_documents

    documents = version_documents(original_read)
    tags = [doc.locale or "untagged" for doc in documents]
    listed = ", ".join(tags[:8]) + (f" and {len(tags) - 8} more" if len(tags) > 8 else "")
    return (f"{original_read[0].path} gives its text in {len(documents)} languages element by element ({listed}): "
            "align versions compares versions in one language with their original; give them as files after it, "
            "or use align pair --tgt-lang for one of its versions, align group for all of them")


class _Held(logging.Filter):
    """Keeps the records it stops, so that one of them can still be shown."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append(record)
        return False
