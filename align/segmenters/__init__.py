"""Sentence segmenters, chosen by name (like sacrebleu's tokenizers).

    >>> seg = load_segmenter("auto")
    >>> seg.split("Un. Deux.", "fr")
    [(0, 3), (4, 9)]
"""
from __future__ import annotations

from ..errors import AlignError
from .base import Segmenter, locate_sentences, strip_span
from .lines import LinesSegmenter
from .sentence_splitter import SentenceSplitterSegmenter

SEGMENTER_NAMES = ("auto", "sentence-splitter", "lines")


def load_segmenter(name: str = "auto") -> Segmenter:
    """Return the segmenter called `name`: 'auto' (= sentence-splitter) or 'lines'.
    A versioned name such as 'sentence-splitter@1.4' is accepted too."""
    key = name.strip().lower().replace("_", "-").split("@")[0]
    if key in ("auto", "sentence-splitter"):
        return SentenceSplitterSegmenter()
    if key == "lines":
        return LinesSegmenter()
    raise AlignError(f"unknown segmenter {name!r}; choose one of: {', '.join(SEGMENTER_NAMES)}")


__all__ = [
    "Segmenter", "SentenceSplitterSegmenter", "LinesSegmenter", "load_segmenter",
    "locate_sentences", "strip_span", "SEGMENTER_NAMES",
]
