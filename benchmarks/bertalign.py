"""The second peer: Bertalign's two-pass algorithm (Liu & Zhu, 2022), written again here from the
paper and its published description, and fed the very encoder `align` uses.

Bertalign itself (PyPI `bertalign` 2.x) needs Python 3.12 and LaBSE through sentence-transformers,
neither of which this benchmark can have, so it cannot be installed beside us. What it does:

1. **First pass, 1-1 anchors.** Each source sentence's `top_k` (3) nearest target sentences; a DP
   over 0-1, 1-0 and 1-1 steps in a wide window around the diagonal (at least 250 sentences, or 6 %
   of the longer text), where a 1-1 step earns the pair's cosine when the target is among the
   source's top k, and nothing otherwise. The 1-1 steps of the best path are the anchors.
2. **Second pass, m-n beads.** A DP in a narrow band (`win` = 5 sentences) around the anchors, over
   every bead of at most `max_align` (5) sentences in all. A bead is scored on the embeddings of its
   *joined texts* (each side's sentences concatenated and embedded as one text: "overlaps" of up to
   `max_align - 1` sentences), as cosine minus the mean cosine of each side's vector with the
   sentences beside the other side's segment (its margin), times log2(1 + shorter / longer) of the
   byte lengths after scaling the target by the text's overall length ratio. Skipping a sentence
   earns `skip` (-0.1).

The overlaps are embedded by the benchmark's encoder (USE v3, or multilingual-e5 where `align`
falls back to it), so both systems see the same model; Bertalign's published numbers use LaBSE.
"""
from __future__ import annotations

import time

import numpy as np
from numba import njit

from .systems import EmbeddingStore, Output, null_bead_findings

PAD = "PAD"  # what Bertalign embeds for a window that would start before the text
BLANK = "BLANK_LINE"  # and for an empty line


def overlap_texts(sentences: list[str], max_overlap: int) -> list[list[str]]:
    """Layer k-1 holds, at position i, the sentences i-k+1..i joined by a space (PAD before k-1)."""
    clean = [s.strip() or BLANK for s in sentences]
    layers = []
    for k in range(1, max_overlap + 1):
        pads = min(k - 1, len(clean))
        layers.append([PAD] * pads + [" ".join(clean[i - k + 1: i + 1]) for i in range(k - 1, len(clean))])
    return layers


def bead_types(max_align: int) -> np.ndarray:
    types = [(0, 1), (1, 0)]
    types += [(x, y) for x in range(1, max_align) for y in range(1, max_align) if x + y <= max_align]
    return np.array(types, dtype=np.int64)


# ------------------------------------------------------------------ first pass: 1-1 anchors

def first_pass_window(n_src: int, n_tgt: int, min_window: int = 250, share: float = 0.06):
    width = max(min_window, int(max(n_src, n_tgt) * share))
    centre = (np.arange(n_src + 1) * (n_tgt / n_src)).astype(np.int64)
    return np.stack([np.maximum(0, centre - width), np.minimum(n_tgt, centre + width)], axis=1)


@njit(cache=True)
def _first_pass(path: np.ndarray, top_sim: np.ndarray, top_idx: np.ndarray) -> np.ndarray:
    """Back-pointers (0: skip a target, 1: skip a source, 2: 1-1) of the anchor DP."""
    n_src = path.shape[0] - 1
    width = int((path[:, 1] - path[:, 0]).max()) + 1
    score = np.zeros((n_src + 1, width), dtype=np.float64)
    back = np.zeros((n_src + 1, width), dtype=np.uint8)
    for i in range(n_src + 1):
        for j in range(path[i, 0], path[i, 1] + 1):
            if i == 0 and j == 0:
                continue
            best, best_step = -np.inf, 0
            for step in range(3):
                di = 0 if step == 0 else 1
                dj = 0 if step == 1 else 1
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or pj < path[pi, 0] or pj > path[pi, 1]:
                    continue
                s = score[pi, pj - path[pi, 0]]
                if step == 2:
                    for k in range(top_idx.shape[1]):
                        if top_idx[i - 1, k] == j - 1:
                            s += top_sim[i - 1, k]
                if s > best:
                    best, best_step = s, step
            score[i, j - path[i, 0]] = best
            back[i, j - path[i, 0]] = best_step
    return back


def anchors(src_vecs: np.ndarray, tgt_vecs: np.ndarray, top_k: int = 3) -> list[tuple[int, int]]:
    """End points (i, j) of the first pass's 1-1 steps: source sentence i-1 with target j-1."""
    n_src, n_tgt = len(src_vecs), len(tgt_vecs)
    sim = src_vecs @ tgt_vecs.T
    k = min(top_k, n_tgt)
    top_idx = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    top_sim = np.take_along_axis(sim, top_idx, axis=1)
    path = first_pass_window(n_src, n_tgt)
    back = _first_pass(path, top_sim.astype(np.float64), top_idx.astype(np.int64))
    found, i, j = [], n_src, n_tgt
    while i > 0 or j > 0:
        step = back[i, j - path[i, 0]]
        if step == 2:
            found.append((i, j))
        i, j = i - (0 if step == 0 else 1), j - (0 if step == 1 else 1)
    return found[::-1]


# ------------------------------------------------------------------ second pass: m-n beads

def second_pass_window(found: list[tuple[int, int]], win: int, n_src: int, n_tgt: int) -> np.ndarray:
    """Rows of target columns around the anchors; the last anchor is moved to the text's end."""
    found = list(found) or [(n_src, n_tgt)]
    last_src, last_tgt = found[-1]
    if (last_src, last_tgt) != (n_src, n_tgt):
        if last_src == n_src or last_tgt == n_tgt:
            found.pop()
        found.append((n_src, n_tgt))
    rows, prev_src, prev_tgt = [], 0, 0
    for src_end, tgt_end in found:
        lo, hi = max(0, prev_tgt - win), min(n_tgt, tgt_end + win)
        rows += [(lo, hi)] * (src_end - prev_src)
        prev_src, prev_tgt = src_end, tgt_end
    return np.array([rows[0]] + rows, dtype=np.int64)


@njit(cache=True)
def _neighbour_sim(vec, seg_len, end, n, vecs0):
    """Mean cosine of `vec` with the sentences just before and after a segment ending at `end`."""
    left, right = end - seg_len, end + 1
    total, count = 0.0, 0
    if right <= n:
        total += np.dot(vec, vecs0[right - 1])
        count += 1
    if left > 0:
        total += np.dot(vec, vecs0[left - 1])
        count += 1
    return total / 2.0 if count == 2 else total


@njit(cache=True)
def _second_pass(src_vecs, tgt_vecs, src_lens, tgt_lens, path, types, char_ratio, skip):
    n_src, n_tgt = src_vecs.shape[1], tgt_vecs.shape[1]
    width = int((path[:, 1] - path[:, 0]).max()) + 1
    score = np.zeros((n_src + 1, width), dtype=np.float64)
    back = np.zeros((n_src + 1, width), dtype=np.uint8)
    for i in range(n_src + 1):
        for j in range(path[i, 0], path[i, 1] + 1):
            if i == 0 and j == 0:
                continue
            best, best_type = -np.inf, 0
            for t in range(types.shape[0]):
                di, dj = types[t, 0], types[t, 1]
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or pj < path[pi, 0] or pj > path[pi, 1]:
                    continue
                s = score[pi, pj - path[pi, 0]]
                if di == 0 or dj == 0:
                    s += skip
                else:
                    sv, tv = src_vecs[di - 1, i - 1], tgt_vecs[dj - 1, j - 1]
                    cos = np.dot(sv, tv)
                    margin = (_neighbour_sim(sv, dj, j, n_tgt, tgt_vecs[0])
                              + _neighbour_sim(tv, di, i, n_src, src_vecs[0])) / 2.0
                    a, b = src_lens[di - 1, i - 1], tgt_lens[dj - 1, j - 1] * char_ratio
                    s += (cos - margin) * np.log2(1.0 + min(a, b) / max(a, b))
                if s > best:
                    best, best_type = s, t
            score[i, j - path[i, 0]] = best
            back[i, j - path[i, 0]] = best_type
    return back


def align_overlaps(src_vecs, tgt_vecs, src_lens, tgt_lens, max_align=5, top_k=3, win=5, skip=-0.1):
    """Beads (source indices, target indices) from overlap embeddings of shape (K, n, dim)."""
    n_src, n_tgt = src_vecs.shape[1], tgt_vecs.shape[1]
    if n_src == 0 or n_tgt == 0:
        return [((i,), ()) for i in range(n_src)] + [((), (j,)) for j in range(n_tgt)]
    found = anchors(src_vecs[0], tgt_vecs[0], top_k)
    path = second_pass_window(found, win, n_src, n_tgt)
    types = bead_types(max_align)
    char_ratio = float(src_lens[0].sum() / max(1, tgt_lens[0].sum()))
    back = _second_pass(src_vecs.astype(np.float32), tgt_vecs.astype(np.float32),
                        src_lens.astype(np.float64), tgt_lens.astype(np.float64),
                        path, types, char_ratio, skip)
    beads, i, j = [], n_src, n_tgt
    while i > 0 or j > 0:
        di, dj = types[back[i, j - path[i, 0]]]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


class BertalignSystem:
    name = "bertalign"

    def __init__(self, store: EmbeddingStore, max_align: int = 5, top_k: int = 3, win: int = 5, skip: float = -0.1):
        self.store = store
        self.max_align, self.top_k, self.win, self.skip = max_align, top_k, win, skip

    def with_store(self, store: EmbeddingStore) -> "BertalignSystem":
        return BertalignSystem(store, self.max_align, self.top_k, self.win, self.skip)

    def overlaps(self, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
        layers = overlap_texts(sentences, self.max_align - 1)
        self.store.prefetch([t for layer in layers for t in layer])
        vecs = np.stack([self.store.embed(layer) for layer in layers])
        lens = np.array([[len(t.encode("utf-8")) for t in layer] for layer in layers], dtype=np.int64)
        return vecs, lens

    def align_only(self, src, tgt, src_emb=None, tgt_emb=None):
        src_vecs, src_lens = self.overlaps(src)
        tgt_vecs, tgt_lens = self.overlaps(tgt)
        return align_overlaps(src_vecs, tgt_vecs, src_lens, tgt_lens, self.max_align, self.top_k, self.win, self.skip)

    def run(self, src, tgt, src_lang, tgt_lang, src_emb, tgt_emb) -> Output:
        before = self.store.seconds
        start = time.perf_counter()
        beads = self.align_only(src, tgt)
        seconds = time.perf_counter() - start - (self.store.seconds - before)
        return Output(beads=beads, findings=null_bead_findings(beads), seconds=seconds)

    def describe(self) -> dict:
        return {"system": self.name, "max_align": self.max_align, "top_k": self.top_k, "win": self.win,
                "skip": self.skip, "overlaps": "joined texts embedded with the same encoder",
                "implementation": "benchmarks/bertalign.py, after Liu & Zhu (2022)"}
