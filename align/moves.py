"""Moved blocks, found before the final alignment so that the monotonic pass does not bend around them.

A paragraph moved in the translation leaves a hole where it stood and a foreign body where it
landed. A monotonic aligner cannot pair it; worse, it absorbs the block's sentences into the
neighbouring beads at both places (a merge here, a split there), and the findings then report an
omission, an addition and two wrong beads instead of one move. So: find the sentence pairs that are
each other's best match in the whole text yet lie far from the path the aligner took, grow each
into the block it belongs to, take the blocks out and align the rest again.
"""
from __future__ import annotations

import numpy as np

from .aligner import AlignConfig, align_embeddings
from .findings import AuditThresholds, Neighbours, bead_cosine

# Steps a block may grow by: a moved paragraph keeps its inner 1-1, 2-1 and 1-2 beads.
GROW_STEPS = ((1, 1), (2, 1), (1, 2))


def _places(raw_beads, n_src: int, n_tgt: int):
    """For every sentence, the span of the other side the aligner put it against."""
    src_span = np.zeros((n_src, 2))
    tgt_span = np.zeros((n_tgt, 2))
    next_src, next_tgt = 0, 0
    for src_ids, tgt_ids, _gain in raw_beads:
        # An unaligned sentence stands between the sentences around it on the other side.
        t_lo, t_hi = (tgt_ids[0], tgt_ids[-1]) if tgt_ids else (next_tgt - 0.5, next_tgt - 0.5)
        s_lo, s_hi = (src_ids[0], src_ids[-1]) if src_ids else (next_src - 0.5, next_src - 0.5)
        for i in src_ids:
            src_span[i] = (t_lo, t_hi)
        for j in tgt_ids:
            tgt_span[j] = (s_lo, s_hi)
        next_src += len(src_ids)
        next_tgt += len(tgt_ids)
    return src_span, tgt_span


def _fit(raw_beads, own_emb, other_emb, side: int):
    """How well each sentence fits where the aligner put it: its best similarity to its partners."""
    fit = np.zeros(len(own_emb))
    for bead in raw_beads:
        own, other = bead[side], bead[1 - side]
        if own and other:
            fit[list(own)] = (own_emb[list(own)] @ other_emb[list(other)].T).max(axis=1)
    return fit


def _runner_up(vector, others) -> float:
    similarities = others @ vector
    return float(np.partition(similarities, -2)[-2]) if len(similarities) > 1 else -1.0


def _far(position: float, span, distance: int) -> bool:
    return position < span[0] - distance or position > span[1] + distance


def find_moved_blocks(raw_beads, src_emb, tgt_emb, near: Neighbours, thresholds: AuditThresholds,
                      src_len, tgt_len, src_peripheral=frozenset(), tgt_peripheral=frozenset()) -> list[list[tuple]]:
    """Blocks of beads ((source ids), (target ids)) that stand far off the aligner's path.

    A block starts from a seed: a pair of mutual best matches, similar enough to be believed
    out of order (`min_move_cosine`), far from where the aligner put either sentence, and clearly
    more similar to each other than to the partners the aligner gave them or to anything else,
    and long enough to mean something (`min_seed_chars`: "Non." has a twin "No." on every other
    page; "Oh!" a dozen near-identical matches, among which the mutual best says nothing). A pair
    only `move_distance` sentences off the path is the aligner's own business (a 2-2 bead read as
    two 1-1s, two sentences swapped). It then grows by the
    1-1, 2-1 or 1-2 step beside it that is similar enough for the inside of a block
    (`block_cosine`) and fits better there than each of its sentences fits where it stands."""
    n_src, n_tgt = len(src_emb), len(tgt_emb)
    anchors = sum(1 for s, t, _ in raw_beads if s and t and bead_cosine(src_emb, tgt_emb, s, t) >= thresholds.anchor_cosine)
    if anchors < thresholds.min_anchors_for_moves:
        return []  # two texts on one topic have mutual best matches too; nothing moved between them
    src_span, tgt_span = _places(raw_beads, n_src, n_tgt)
    src_fit = _fit(raw_beads, src_emb, tgt_emb, 0)
    tgt_fit = _fit(raw_beads, tgt_emb, src_emb, 1)
    seeds = []
    for i in range(n_src):
        j = int(near.src_best_id[i])
        cosine = float(near.src_best[i])
        if (int(near.tgt_best_id[j]) != i or cosine < thresholds.min_move_cosine
                or min(src_len[i], tgt_len[j]) < thresholds.min_seed_chars
                or i in src_peripheral or j in tgt_peripheral):
            continue
        if not (_far(j, src_span[i], thresholds.move_distance) and _far(i, tgt_span[j], thresholds.move_distance)):
            continue
        if cosine < max(src_fit[i], tgt_fit[j]) + thresholds.displaced_margin:
            continue
        if cosine < max(_runner_up(src_emb[i], tgt_emb), _runner_up(tgt_emb[j], src_emb)) + thresholds.unique_margin:
            continue
        seeds.append((cosine, i, j))
    taken_src: set[int] = set()
    taken_tgt: set[int] = set()
    blocks = []
    for _cosine, i, j in sorted(seeds, reverse=True):
        if i in taken_src or j in taken_tgt:
            continue
        taken_src.add(i)
        taken_tgt.add(j)
        block = [((i,), (j,))]
        for direction in (1, -1):
            block = _grow(block, direction, src_emb, tgt_emb, src_fit, tgt_fit, taken_src, taken_tgt,
                          thresholds.block_cosine)
        blocks.append(block)
    return blocks


def _grow(block, direction, src_emb, tgt_emb, src_fit, tgt_fit, taken_src, taken_tgt, min_cosine):
    n_src, n_tgt = len(src_emb), len(tgt_emb)
    while True:
        edge_src, edge_tgt = block[-1] if direction == 1 else block[0]
        start_src = edge_src[-1] + 1 if direction == 1 else edge_src[0] - 1
        start_tgt = edge_tgt[-1] + 1 if direction == 1 else edge_tgt[0] - 1
        best = None
        for n, m in GROW_STEPS:
            src_ids = tuple(sorted(start_src + direction * k for k in range(n)))
            tgt_ids = tuple(sorted(start_tgt + direction * k for k in range(m)))
            if (src_ids[0] < 0 or tgt_ids[0] < 0 or src_ids[-1] >= n_src or tgt_ids[-1] >= n_tgt
                    or taken_src.intersection(src_ids) or taken_tgt.intersection(tgt_ids)):
                continue
            cosine = bead_cosine(src_emb, tgt_emb, src_ids, tgt_ids)
            fits_here = cosine > max(src_fit[list(src_ids)].max(), tgt_fit[list(tgt_ids)].max())
            if cosine >= min_cosine and fits_here and (best is None or cosine > best[0]):
                best = (cosine, src_ids, tgt_ids)
        if best is None:
            return block
        _, src_ids, tgt_ids = best
        taken_src.update(src_ids)
        taken_tgt.update(tgt_ids)
        block = block + [(src_ids, tgt_ids)] if direction == 1 else [(src_ids, tgt_ids)] + block


def align_around_blocks(src_emb, tgt_emb, src_len, tgt_len, config: AlignConfig, blocks):
    """Align what the moved blocks leave, in the original sentence ids."""
    in_blocks_src = {i for block in blocks for s, _ in block for i in s}
    in_blocks_tgt = {j for block in blocks for _, t in block for j in t}
    keep_src = np.array([i for i in range(len(src_emb)) if i not in in_blocks_src], dtype=np.int64)
    keep_tgt = np.array([j for j in range(len(tgt_emb)) if j not in in_blocks_tgt], dtype=np.int64)
    raw = align_embeddings(src_emb[keep_src], tgt_emb[keep_tgt], np.asarray(src_len)[keep_src],
                           np.asarray(tgt_len)[keep_tgt], config)
    return [(tuple(int(keep_src[i]) for i in s), tuple(int(keep_tgt[j]) for j in t), gain) for s, t, gain in raw]
