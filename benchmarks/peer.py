"""The peer: Vecalign's dynamic programming as packaged in-memory by `sentalign` (PyPI, optional
dependency `align-audit[bench]`), fed the very sentence embeddings `align` gets.

Vecalign scores a bead by the embedding of the concatenated sentences ("overlaps", up to
`alignment_max_size` sentences). To give it the same information as `align` and no extra encoder
time, the encoder we hand it answers each overlap with the normalised sum of its sentences'
vectors, looked up from the run's embedding store. `--peer-encode-overlaps` instead lets the peer
embed the overlap texts with the same USE encoder, as Vecalign is normally run (slower: about
`alignment_max_size` times as many sentences to embed).
"""
from __future__ import annotations

import time
import warnings

import numpy as np

from .systems import EmbeddingStore, Output, null_bead_findings

PAD = "PAD"  # what vecalign puts in front of the overlap layers
BLANK = "BLANK_LINE"  # what it embeds for an empty line


def available() -> bool:
    try:
        import sentalign  # noqa: F401
    except ImportError:
        return False
    return True


def version() -> str:
    try:
        from importlib.metadata import version as v

        return v("sentalign")
    except Exception:  # pragma: no cover
        return "?"


class _SummedOverlaps:
    """Encoder handed to sentalign: each overlap of k sentences -> unit-normalised sum of their vectors.

    sentalign asks for the overlap layers in a fixed order (source k = 1..K, then target k = 1..K),
    each a list of len(sentences) texts: k-1 "PAD" entries, then the windows of k sentences. The sums
    come from a cumulative sum, so nothing is looked up by text; the texts are checked against what we
    expect so that a change in sentalign's call order fails loudly instead of scoring garbage.
    """

    def __init__(self, sides, max_overlap: int, pad_vec: np.ndarray):
        self.sides = sides  # [(clean sentences, embeddings), ...] in the order sentalign asks
        self.max_overlap = max_overlap
        self.pad_vec = np.asarray(pad_vec, dtype=np.float32)
        self.calls = 0
        self._csum = {}

    def encode(self, texts):
        side, k = divmod(self.calls, self.max_overlap)
        k += 1
        self.calls += 1
        clean, emb = self.sides[side]
        n = len(clean)
        if len(texts) != n or (n >= k and texts[min(k - 1, n - 1)] != " ".join(clean[:k])):
            raise RuntimeError("sentalign asked for overlaps in an unexpected order")
        if side not in self._csum:
            csum = np.zeros((n + 1, emb.shape[1]), dtype=np.float64)
            np.cumsum(emb, axis=0, dtype=np.float64, out=csum[1:])
            self._csum[side] = csum
        csum = self._csum[side]
        out = np.empty((n, emb.shape[1]), dtype=np.float32)
        pads = min(k - 1, n)
        out[:pads] = self.pad_vec
        if n >= k:
            sums = csum[k:] - csum[:-k]
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            out[pads:] = sums / np.where(norms == 0, 1.0, norms)
        return out


def _clean(sentence: str) -> str:
    s = sentence.strip()
    return s if s else BLANK


class SentalignSystem:
    name = "sentalign"

    def __init__(self, store: EmbeddingStore, alignment_max_size: int = 8, encode_overlaps: bool = False):
        self.store = store
        self.alignment_max_size = alignment_max_size
        self.encode_overlaps = encode_overlaps
        self.overlap_embed_seconds = 0.0

    def with_store(self, store: EmbeddingStore) -> "SentalignSystem":
        return SentalignSystem(store, self.alignment_max_size, self.encode_overlaps)

    def _encoder(self, src, src_emb, tgt, tgt_emb):
        if self.encode_overlaps:
            store = self.store

            class Through:
                def encode(self_inner, texts):
                    return store.embed(list(texts))

            return Through()
        pad, blank = self.store.embed([PAD, BLANK])
        sides = []
        for sentences, emb in ((src, src_emb), (tgt, tgt_emb)):
            clean = [_clean(x) for x in sentences]
            emb = np.asarray(emb, dtype=np.float32)
            if BLANK in clean:
                emb = emb.copy()
                emb[[i for i, x in enumerate(clean) if x == BLANK]] = blank
            sides.append((clean, emb))
        return _SummedOverlaps(sides, self.alignment_max_size, pad)

    def align_only(self, src, tgt, src_emb, tgt_emb):
        """Beads from the peer; the time includes building its overlap vectors (its share of the work)."""
        from sentalign import sentalign

        encoder = self._encoder(src, src_emb, tgt, tgt_emb)
        before = self.store.seconds
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a harmless NaN cast inside vecalign's DP
            result = sentalign(src, tgt, encoder=encoder, alignment_max_size=self.alignment_max_size)
        self.overlap_embed_seconds += self.store.seconds - before
        return [(tuple(a.src_indices), tuple(a.tgt_indices)) for a in result.alignments]

    def run(self, src, tgt, src_lang, tgt_lang, src_emb, tgt_emb) -> Output:
        before = self.store.seconds
        start = time.perf_counter()
        beads = self.align_only(src, tgt, src_emb, tgt_emb)
        seconds = time.perf_counter() - start - (self.store.seconds - before)
        return Output(beads=beads, findings=null_bead_findings(beads), seconds=seconds)

    def describe(self) -> dict:
        return {"system": self.name, "version": version(), "alignment_max_size": self.alignment_max_size,
                "overlaps": "encoded with the same encoder" if self.encode_overlaps
                else "normalised sum of the same sentence embeddings"}
