"""What a caller of the Python API passes, checked at the door: a wrong argument fails here with a
message that names it, not deep inside numpy or numba, and never gives a wrong alignment silently
(a string aligned character by character, vectors for the wrong sentences, a row of NaN)."""
from __future__ import annotations

import numpy as np

from .encoders.base import as_matrix, non_finite_rows
from .errors import InputError
from .language import parse_language_tag


def checked_sentences(items, name: str) -> list[str]:
    """`items` as a list of non-blank strings."""
    if isinstance(items, (str, bytes)):
        raise TypeError(f"{name} must be a list of sentences, not one {type(items).__name__}")
    try:
        sentences = list(items)
    except TypeError:
        raise TypeError(f"{name} must be a list of sentences, not {type(items).__name__}") from None
    for index, item in enumerate(sentences):
        if not isinstance(item, str):
            raise TypeError(f"{name}[{index}] is {type(item).__name__}, not a string")
        if not item.strip():
            # A blank item was paired with a real sentence and pushed the alignment aside.
            raise InputError(f"{name}[{index}] is blank: leave it out, or give its text")
    return sentences


def language_tag(value: str, name: str) -> tuple[str, str]:
    """(ISO 639-1 code, tag as TMX and XLIFF write it) of a language given as `name` (an argument,
    or a flag such as --src-lang); InputError, naming it, when it is no language."""
    try:
        return parse_language_tag(value)
    except ValueError as error:
        raise InputError(f"{name}: {error}") from None


def checked_language(value, name: str) -> str:
    """The ISO 639-1 code of a language argument ('en', 'pt-BR', 'zh_CN')."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a language code such as 'en', not {type(value).__name__}")
    return language_tag(value, name)[0]


def checked_embeddings(vectors, rows: int, name: str) -> np.ndarray:
    """`vectors` as float32 rows, one finite row per sentence."""
    try:
        matrix = as_matrix(vectors)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a 2-D array of numbers, one row per sentence") from None
    if matrix.ndim != 2:
        raise InputError(f"{name} must be 2-D (one row per sentence), not of shape {matrix.shape}")
    if len(matrix) != rows:
        raise InputError(f"{name} has {len(matrix)} rows for {rows} sentences")
    bad = non_finite_rows(matrix)
    if len(bad):
        raise InputError(f"{name} has non-finite values in {len(bad)} rows (the first: row {bad[0]})")
    return matrix


def checked_pair_of_embeddings(src_vectors, tgt_vectors, src_rows: int, tgt_rows: int):
    """Both sides' vectors checked, or (None, None): one side alone was thrown away unsaid."""
    if src_vectors is None and tgt_vectors is None:
        return None, None
    if src_vectors is None or tgt_vectors is None:
        raise InputError("give both src_embeddings and tgt_embeddings, or neither")
    src = checked_embeddings(src_vectors, src_rows, "src_embeddings")
    tgt = checked_embeddings(tgt_vectors, tgt_rows, "tgt_embeddings")
    if src.shape[1] != tgt.shape[1]:
        raise InputError(f"src_embeddings and tgt_embeddings differ in width ({src.shape[1]} and {tgt.shape[1]}): "
                         "they must come from one model")
    return src, tgt
