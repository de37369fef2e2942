"""What the audit knows of each sentence before it judges any bead: its nearest sentences on the
other side, and the cosine of a bead's two sides. The moved-block search (`moves`) and the
findings both read these; kept apart from both, they let `findings` import `moves` without a cycle.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def bead_cosine(src_emb: np.ndarray, tgt_emb: np.ndarray, src_ids, tgt_ids) -> float:
    """Cosine of the mean vectors of the bead's two sides."""
    u = src_emb[list(src_ids)].sum(axis=0)
    v = tgt_emb[list(tgt_ids)].sum(axis=0)
    return float(u @ v / max(np.linalg.norm(u) * np.linalg.norm(v), 1e-9))


@dataclass(frozen=True)
class Neighbours:
    """Each sentence's nearest sentences on the other side, computed once for the whole audit."""

    src_best: np.ndarray  # best similarity of each source sentence to any target sentence
    src_best_id: np.ndarray
    src_knn: np.ndarray  # mean of its k best similarities: how close it is to everything
    src_second: np.ndarray  # its second-best similarity: is the best one of a kind?
    tgt_best: np.ndarray
    tgt_best_id: np.ndarray
    tgt_knn: np.ndarray
    tgt_second: np.ndarray

    def mutual(self, i: int, j: int) -> bool:
        """Whether source sentence i and target sentence j are each other's best match."""
        return int(self.src_best_id[i]) == j and int(self.tgt_best_id[j]) == i


# Two sure pairs (below) more than this many sentences apart on either side do not enclose a
# stretch of translation between them; fewer than MIN_STRETCHES stretches are chance (two articles
# on one conflict had one; pieces of one novel in two languages, at 1,000 documents, 0-3 mostly and
# 5 once, where a piece and its translation had 6 or more).
STRETCH_GAP = 8
MIN_STRETCHES = 5


def stretches(near: Neighbours) -> list[tuple[int, int, int, int]]:
    """(i1, j1, i2, j2): the source sentences [i1, i2) and target sentences [j1, j2) between two
    consecutive sure pairs that follow each other closely on both sides, a stretch of translation
    whatever splits and merges it holds. A sure pair is two sentences that are each other's best
    match and at least as alike as the document's median best match: its surest pairs by its own
    scale, whatever the encoder and the languages."""
    if len(near.src_best) == 0 or len(near.tgt_best) == 0:
        return []
    src_ids = np.arange(len(near.src_best))
    sure = (near.tgt_best_id[near.src_best_id] == src_ids) & (near.src_best >= np.median(near.src_best))
    pairs = list(zip(src_ids[sure].tolist(), near.src_best_id[sure].tolist()))
    return [(i1, j1, i2, j2) for (i1, j1), (i2, j2) in zip(pairs, pairs[1:])
            if 0 < i2 - i1 <= STRETCH_GAP and 0 < j2 - j1 <= STRETCH_GAP]


# Beyond this many sentence pairs the other side is searched in a window, not whole: a 50k-sentence
# book would otherwise need a 10 GB similarity matrix.
FULL_SEARCH_MAX_PAIRS = 25_000_000
SEARCH_WINDOW = 256
CHUNK_ROWS = 256


def _nearest(queries: np.ndarray, keys: np.ndarray, k: int, windowed: bool):
    count = len(queries)
    best, best_id, knn, second = np.zeros(count), np.zeros(count, int), np.zeros(count), np.full(count, -1.0)
    if count == 0 or len(keys) == 0:
        return best, best_id, knn, second
    for start in range(0, count, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, count)
        lo, hi = 0, len(keys)
        if windowed:
            # Where these rows should sit on the other side if the texts run in parallel.
            lo = max(0, int(start * len(keys) / count) - SEARCH_WINDOW)
            hi = min(len(keys), int(stop * len(keys) / count) + SEARCH_WINDOW)
        block = queries[start:stop] @ keys[lo:hi].T
        best_id[start:stop] = lo + block.argmax(axis=1)
        best[start:stop] = block.max(axis=1)
        width = block.shape[1]
        kk = min(max(k, 2), width)
        top = np.sort(-np.partition(-block, kk - 1, axis=1)[:, :kk], axis=1)  # the kk best, ascending
        knn[start:stop] = top[:, -min(k, width):].mean(axis=1)
        if kk >= 2:
            second[start:stop] = top[:, -2]
    return best, best_id, knn, second


def neighbours(src_emb: np.ndarray, tgt_emb: np.ndarray, k: int = 4) -> Neighbours:
    windowed = len(src_emb) * len(tgt_emb) > FULL_SEARCH_MAX_PAIRS
    src_best, src_best_id, src_knn, src_second = _nearest(src_emb, tgt_emb, k, windowed)
    tgt_best, tgt_best_id, tgt_knn, tgt_second = _nearest(tgt_emb, src_emb, k, windowed)
    return Neighbours(src_best, src_best_id, src_knn, src_second, tgt_best, tgt_best_id, tgt_knn, tgt_second)
