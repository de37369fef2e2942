"""The aligners the benchmark runs, behind one small interface, and the embedding store they share.

Every system gets the same sentence embeddings (from `EmbeddingStore`, which embeds each distinct
sentence once per run and keeps the embedding time apart), and returns beads and findings.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np


class EmbeddingStore:
    """Embeds each distinct sentence once per run. `seconds` is the time spent inside the encoder."""

    def __init__(self, model: str = "use", cache: bool = False):
        self.model = model
        self.cache = cache
        self._encoder = None
        self._rows: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.encoded = 0
        self.load_seconds = 0.0

    @property
    def encoder(self):
        if self._encoder is None:
            from align.encoders import load_encoder

            start = time.perf_counter()
            self._encoder = load_encoder(self.model, cache=self.cache)
            self._encoder.encode(["."])  # load the weights now, not inside the first timing
            self.load_seconds = time.perf_counter() - start
        return self._encoder

    @property
    def dim(self) -> int:
        return int(self.encoder.dim)

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        missing = [s for s in dict.fromkeys(sentences) if s not in self._rows]
        return self._rows_of(list(sentences), missing, lambda encoder: encoder.encode(missing))

    def embed_windows(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """The joined texts `" ".join(texts[start:stop])`, as the encoder composes them."""
        joined = [" ".join(texts[start:stop]) for start, stop in spans]
        missing = {}
        for text, span in zip(joined, spans):
            if text not in self._rows:
                missing.setdefault(text, span)

        def compute(encoder):
            if hasattr(encoder, "encode_windows"):
                return encoder.encode_windows(texts, list(missing.values()))
            return encoder.encode(list(missing))

        return self._rows_of(joined, list(missing), compute)

    def _rows_of(self, texts: list[str], missing: list[str], compute) -> np.ndarray:
        """The rows of `texts`, `compute(encoder)` giving those of `missing` (timed, kept)."""
        if missing:
            encoder = self.encoder
            start = time.perf_counter()
            rows = compute(encoder)
            self.seconds += time.perf_counter() - start
            self.encoded += len(missing)
            for text, row in zip(missing, rows):
                self._rows[text] = np.asarray(row, dtype=np.float32)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._rows[text] for text in texts])

    def prefetch(self, sentences: Sequence[str]) -> None:
        """Embed many sentences in one call (the encoder parallelises big batches)."""
        self.embed(list(dict.fromkeys(sentences)))

    def as_encoder(self) -> "StoreEncoder":
        return StoreEncoder(self)


class StoreEncoder:
    """An `align` encoder backed by the store, for anything the pipeline embeds itself."""

    def __init__(self, store: EmbeddingStore):
        self.store = store
        self.name = getattr(store.encoder, "name", store.model)
        self.embeds_windows = getattr(store.encoder, "embeds_windows", False)
        self.batch_size = 256

    def encode(self, sentences, progress: bool = False) -> np.ndarray:
        return self.store.embed(list(sentences))

    def encode_windows(self, texts, spans) -> np.ndarray:
        return self.store.embed_windows(list(texts), list(spans))

    @property
    def dim(self) -> int:
        return self.store.dim


@dataclass
class Output:
    beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    findings: list[Any] = field(default_factory=list)  # align.model.Finding or look-alikes
    seconds: float = 0.0  # the system's own time, embeddings excluded
    kinds: list[str] = field(default_factory=list)  # bead kinds where the system gives them


@dataclass
class SimpleFinding:
    type: str
    src: list[int]
    tgt: list[int]
    message: str = ""
    severity: str = "content"
    details: dict = field(default_factory=dict)


def lengths(sentences: Sequence[str]) -> np.ndarray:
    return np.array([len(s) for s in sentences], dtype=np.float64)


class AlignSystem:
    """`align` itself: the same call as `align pair` makes, on pre-segmented sentences."""

    name = "align"

    def __init__(self, store: EmbeddingStore, config=None):
        self.store = store
        self.config = config

    def with_store(self, store: EmbeddingStore) -> "AlignSystem":
        return AlignSystem(store, self.config)

    def run(self, src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
            src_emb: np.ndarray, tgt_emb: np.ndarray) -> Output:
        from align import align_sentences

        start = time.perf_counter()
        result = align_sentences(src, tgt, src_lang=src_lang, tgt_lang=tgt_lang,
                                 encoder=self.store.as_encoder(), config=self.config,
                                 src_embeddings=src_emb, tgt_embeddings=tgt_emb)
        seconds = time.perf_counter() - start
        beads = [(tuple(b.src), tuple(b.tgt)) for b in result.beads]
        return Output(beads=beads, findings=list(result.findings), seconds=seconds,
                      kinds=[b.kind for b in result.beads])

    def align_only(self, src, tgt, src_emb, tgt_emb):
        """The alignment step alone (no findings), as `align pair` runs it: character lengths."""
        from align.aligner import align_embeddings

        beads = align_embeddings(src_emb, tgt_emb, lengths(src), lengths(tgt), self.config)
        return [(tuple(s), tuple(t)) for s, t, *_ in beads]

    def describe(self) -> dict:
        try:
            from align import AlignConfig

            config = self.config or AlignConfig()
            return {"system": self.name, "config": config.to_dict() if hasattr(config, "to_dict") else str(config)}
        except Exception as exc:  # pragma: no cover - aligner not importable
            return {"system": self.name, "error": str(exc)}


def null_bead_findings(beads) -> list[SimpleFinding]:
    """What an aligner without an audit layer can tell: runs of unaligned sentences."""
    findings: list[SimpleFinding] = []
    for src, tgt in beads:
        kind = "omission" if src and not tgt else "addition" if tgt and not src else None
        if kind is None:
            continue
        ids = list(src or tgt)
        last = findings[-1] if findings else None
        if last and last.type == kind:
            side = last.src if kind == "omission" else last.tgt
            if side and side[-1] + 1 == ids[0]:
                side.extend(ids)
                continue
        findings.append(SimpleFinding(kind, ids if kind == "omission" else [], ids if kind == "addition" else []))
    return findings
