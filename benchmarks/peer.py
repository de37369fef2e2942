"""The peer: Vecalign's dynamic programming as packaged in-memory by `sentalign` (PyPI, optional
dependency `align[bench]`), fed the very sentence embeddings `align` gets.

Vecalign scores a bead by the embedding of the concatenated sentences ("overlaps", up to
`alignment_max_size` sentences). To give it the same information as `align` and no extra encoder
time, the encoder we hand it answers each overlap with the normalised sum of its sentences'
vectors, looked up from the run's embedding store. `--peer-encode-overlaps` instead lets the peer
embed the overlap texts with the same USE encoder, as Vecalign is normally run (slower: about
`alignment_max_size` times as many sentences to embed).
"""
from __future__ import annotations

import time

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
    """Encoder handed to sentalign: overlap text -> unit-normalised sum of its sentence vectors."""

    def __init__(self, table: dict[str, np.ndarray], fallback):
        self.table = table
        self.fallback = fallback
        self.misses = 0

    def encode(self, sentences):
        rows = []
        missing = [s for s in sentences if s not in self.table]
        if missing:  # not expected; embed so that the peer still runs
            self.misses += len(missing)
            for text, row in zip(missing, self.fallback(missing)):
                self.table[text] = row
        for s in sentences:
            rows.append(self.table[s])
        return np.stack(rows) if rows else np.zeros((0, 1), dtype=np.float32)


def _clean(sentence: str) -> str:
    s = sentence.strip()
    return s if s else BLANK


def overlap_table(sentences, emb: np.ndarray, max_overlap: int, pad_vec: np.ndarray, blank_vec) -> dict:
    clean = [_clean(s) for s in sentences]
    emb = np.asarray(emb, dtype=np.float32)
    if any(s == BLANK for s in clean):
        emb = emb.copy()
        for i, s in enumerate(clean):
            if s == BLANK:
                emb[i] = blank_vec
    table = {PAD: pad_vec}
    csum = np.vstack([np.zeros((1, emb.shape[1]), dtype=np.float64), np.cumsum(emb, axis=0, dtype=np.float64)])
    for k in range(1, max_overlap + 1):
        for i in range(0, len(clean) - k + 1):
            text = " ".join(clean[i:i + k])
            if text in table:
                continue
            vec = csum[i + k] - csum[i]
            norm = np.linalg.norm(vec)
            table[text] = (vec / norm if norm else vec).astype(np.float32)
    return table


class SentalignSystem:
    name = "sentalign"

    def __init__(self, store: EmbeddingStore, alignment_max_size: int = 8, encode_overlaps: bool = False):
        self.store = store
        self.alignment_max_size = alignment_max_size
        self.encode_overlaps = encode_overlaps
        self.overlap_embed_seconds = 0.0

    def _encoder(self, src, src_emb, tgt, tgt_emb):
        if self.encode_overlaps:
            store = self.store

            class Through:
                def encode(self_inner, texts):
                    return store.embed(list(texts))

            return Through()
        pad = self.store.embed([PAD])[0]
        blank = self.store.embed([BLANK])[0]
        table = overlap_table(src, src_emb, self.alignment_max_size, pad, blank)
        table.update(overlap_table(tgt, tgt_emb, self.alignment_max_size, pad, blank))
        return _SummedOverlaps(table, self.store.embed)

    def align_only(self, src, tgt, src_emb, tgt_emb):
        """Beads from the peer; the time includes building its overlap vectors (its share of the work)."""
        from sentalign import sentalign

        encoder = self._encoder(src, src_emb, tgt, tgt_emb)
        before = self.store.seconds
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
