"""Moved blocks, found before the final alignment so that the monotonic pass does not bend around them.

A paragraph moved in the translation leaves a hole where it stood and a foreign body where it
landed. A monotonic aligner cannot pair it; worse, it absorbs the block's sentences into the
neighbouring beads at both places (a merge here, a split there), and the findings then report an
omission, an addition and two wrong beads instead of one move. So: find the sentence pairs that are
each other's best match in the whole text yet lie far from the path the aligner took, grow each
into the block it belongs to, take the blocks out and align the rest again.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np

from ..aligner import AlignConfig, align_embeddings
from ..neighbours import Neighbours, bead_cosine
from .thresholds import AuditThresholds

# Steps a block may grow by: a moved paragraph keeps its inner 1-1, 2-1 and 1-2 beads.
GROW_STEPS = ((1, 1), (2, 1), (1, 2))


class _Placement:
    """Where the aligner put each sentence: the bead it is in and the span of the other side it
    stands against (an unaligned sentence stands between the sentences around it)."""

    def __init__(self, raw_beads, src_emb, tgt_emb):
        self.raw_beads = raw_beads
        self.emb = (src_emb, tgt_emb)
        self.span = (np.zeros((len(src_emb), 2)), np.zeros((len(tgt_emb), 2)))
        self.bead = (np.zeros(len(src_emb), dtype=np.int64), np.zeros(len(tgt_emb), dtype=np.int64))
        self._fit: dict[tuple[int, int], float] = {}
        next_src, next_tgt = 0, 0
        for k, (src_ids, tgt_ids, _gain) in enumerate(raw_beads):
            t_lo, t_hi = (tgt_ids[0], tgt_ids[-1]) if tgt_ids else (next_tgt - 0.5, next_tgt - 0.5)
            s_lo, s_hi = (src_ids[0], src_ids[-1]) if src_ids else (next_src - 0.5, next_src - 0.5)
            self.span[0][list(src_ids)] = (t_lo, t_hi)
            self.span[1][list(tgt_ids)] = (s_lo, s_hi)
            self.bead[0][list(src_ids)] = k
            self.bead[1][list(tgt_ids)] = k
            next_src += len(src_ids)
            next_tgt += len(tgt_ids)

    def fit(self, side: int, ids) -> float:
        """How well these sentences fit where the aligner put them: the best similarity of any of
        them to its partners there (0 for an unaligned sentence)."""
        best = 0.0
        for i in ids:
            if (side, i) not in self._fit:
                partners = self.raw_beads[self.bead[side][i]][1 - side]
                own, other = self.emb[side], self.emb[1 - side]
                self._fit[side, i] = float((other[list(partners)] @ own[i]).max()) if partners else 0.0
            best = max(best, self._fit[side, i])
        return best

    def far(self, side: int, ids: np.ndarray, positions: np.ndarray, distance: int) -> np.ndarray:
        span = self.span[side][ids]
        return (positions < span[:, 0] - distance) | (positions > span[:, 1] + distance)


# USE v3's median best-match cosine on the French-English and German-French text where the move
# thresholds were set (0.59-0.70 a document). Where a document's sentences match less alike
# (Chinese-English 0.46-0.56; Greek through the fallback encoder 0.41), a moved pair does too:
# at 0.40 a fifth of the moved blocks injected into Candide Greek had no seed left.
REFERENCE_BEST = 0.60


def seed_cosines(near: Neighbours, thresholds: AuditThresholds) -> tuple[float, float]:
    """(min_move_cosine, block_cosine) on the document's own scale: lowered in proportion to its
    median best match below REFERENCE_BEST, never raised. The seeds of `find_moved_blocks` read
    both, and also ask for a unique margin and a displacement. Re-pairing lone sentences after the
    final pass (`findings._pair_moved`) asks neither, and reads the lower cosine only for a pair out
    of order (see there). Its block cosine stays absolute: scaled as well, Greek addition F1 rose
    0.619 -> 0.630 but MAC's fell 0.607 -> 0.603, 0.610 before either."""
    scale = _scale(near)
    return thresholds.min_move_cosine * scale, thresholds.block_cosine * scale


def seed_margin(near: Neighbours, thresholds: AuditThresholds) -> float:
    """How much more alike a seed's two sentences must be than either is to its runner-up
    (`unique_margin`), on the document's own scale as `seed_cosines`: the differences between
    cosines shrink with them. Measured (`python -m benchmarks --only audit --split dev --cache
    --variants 6`): Candide es omission / addition / moved F1 0.853 / 0.676 / 0.888 -> 0.856 /
    0.682 / 0.893, Candide el (fallback encoder) omission 0.813 -> 0.818; the rest unchanged."""
    return thresholds.unique_margin * _scale(near)


def _scale(near: Neighbours) -> float:
    """The document's median best match against REFERENCE_BEST, at most 1 (`seed_cosines`)."""
    if len(near.src_best) == 0:
        return 1.0
    return min(1.0, float(np.median(near.src_best)) / REFERENCE_BEST)


def short_pair_bar(near: Neighbours, thresholds: AuditThresholds) -> tuple[float, float, float]:
    """What lets a pair shorter than `min_seed_chars` count as moved, on the document's own scale:
    (floor, margin, ceiling). "Non." has a twin "No." on every other page of a novel, "Oh!" a
    dozen. The pair's cosine must reach `floor`, the top decile of the document's best-match
    cosines; stand `margin` clear of both sentences' runners-up, the document's median margin of
    a best match over its runner-up (never below `unique_margin`); and those runners-up must stay
    under `ceiling`, the document's median best-match cosine: a runner-up as alike as a typical
    translation is a twin. "Merci, Claire." / "Thank you, Claire." in a subtitle file: 0.96 (top
    decile 0.92), 0.56 clear (median 0.50), its runner-up 0.41 (median 0.79). Alice's " Il n'y a
    pas de place !", a cry the novel repeats: 0.74 (top decile 0.76). Text+Berg's reference
    "1956 , S. 340-343 ) .": 0.90, 0.28 clear, but its runner-up, another reference, at 0.62
    (median 0.60). On the median margin alone both passed for moves (moved F1 -0.013 on each)."""
    margins = np.concatenate([near.src_best - near.src_second, near.tgt_best - near.tgt_second])
    margins = margins[np.concatenate([near.src_second > -1, near.tgt_second > -1])]  # a lone sentence has no runner-up
    if not len(margins):
        return float("inf"), float("inf"), float("-inf")
    best = np.concatenate([near.src_best, near.tgt_best])
    return (float(np.quantile(best, 0.9)), max(thresholds.unique_margin, float(np.median(margins))),
            float(np.median(best)))


def unique_short(near: Neighbours, i: int, j: int, bar: tuple[float, float, float], min_cosine: float) -> bool:
    """Whether source i and target j are each other's best match, `min_cosine` alike, and one of a
    kind in this document however short: as alike as `bar` (`short_pair_bar`) asks, clear of
    their runners-up by its margin, those runners-up under its ceiling."""
    floor, margin, ceiling = bar
    cosine = float(near.src_best[i])
    runner_up = max(float(near.src_second[i]), float(near.tgt_second[j]))
    return (near.mutual(i, j) and cosine >= min_cosine
            and cosine >= floor and runner_up < ceiling and cosine >= runner_up + margin)


def find_moved_blocks(raw_beads, src_emb, tgt_emb, near: Neighbours, thresholds: AuditThresholds,
                      src_len, tgt_len, src_peripheral=frozenset(), tgt_peripheral=frozenset(),
                      clause_fit=None) -> list[list[tuple]]:
    """Blocks of beads ((source ids), (target ids)) that stand far off the aligner's path.

    A block starts from a seed: a pair of mutual best matches, similar enough to be believed
    out of order (`min_move_cosine`), far from where the aligner put either sentence, and clearly
    more similar to each other than to the partners the aligner gave them or to anything else,
    and long enough to mean something (`min_seed_chars`: "Non." has a twin "No." on every other
    page; "Oh!" a dozen near-identical matches, among which the mutual best says nothing). A pair
    only `move_distance` sentences off the path is the aligner's own business (a 2-2 bead read as
    two 1-1s, two sentences swapped). It then grows by the 1-1, 2-1 or 1-2 step beside it that is
    similar enough for the inside of a block (`block_cosine`) and fits better there than each of
    its sentences fits where it stands.

    A seed whose sentences already stand beside a partner `home_share` as alike as they are to
    each other or more is no move: a novel says a thing twice ("They embraced each other with a
    flood of tears", Candide's English sentence 832, against the Spanish of sentence 551, "embraced,
    and wept profusely", which the aligner had paired with it at 0.41 against the far pair's 0.57).
    The five false seeds of the unmodified dev sets (MAC, Candide es and el) stand at 0.63-0.75 of
    their cosine at home, the one true seed (Text+Berg dev) at 0.29. A share of the pair's own
    cosine holds on any encoder's scale."""
    if len(src_emb) == 0 or len(tgt_emb) == 0:
        return []
    # The cheap tests first, on every sentence at once: a 50k-sentence book has a few hundred candidates.
    src_ids = np.arange(len(src_emb))
    tgt_ids = near.src_best_id
    cosine = near.src_best
    min_move, block_cosine = seed_cosines(near, thresholds)
    unique_margin = seed_margin(near, thresholds)
    candidate = ((near.tgt_best_id[tgt_ids] == src_ids) & (cosine >= min_move)
                 & (np.minimum(np.asarray(src_len)[src_ids], np.asarray(tgt_len)[tgt_ids]) >= thresholds.min_seed_chars)
                 & (cosine >= np.maximum(near.src_second[src_ids], near.tgt_second[tgt_ids]) + unique_margin))
    if not candidate.any():
        return []
    placed = _Placement(raw_beads, src_emb, tgt_emb)
    src_ids, tgt_ids, cosine = src_ids[candidate], tgt_ids[candidate], cosine[candidate]
    far = (placed.far(0, src_ids, tgt_ids.astype(float), thresholds.move_distance)
           & placed.far(1, tgt_ids, src_ids.astype(float), thresholds.move_distance))
    seeds = [(float(c), int(i), int(j)) for c, i, j in zip(cosine[far], src_ids[far], tgt_ids[far])
             if i not in src_peripheral and j not in tgt_peripheral
             and c >= max(placed.fit(0, [i]), placed.fit(1, [j])) + thresholds.displaced_margin
             and max(placed.fit(0, [i]), placed.fit(1, [j])) < thresholds.home_share * c]
    if clause_fit is not None and seeds:
        # A sentence whose home partner is a long one holding its meaning in a clause reads little
        # like that partner whole: "As they were chatting thus together they arrived at Portsmouth."
        # against a Greek sentence that opens so and goes on about the admiral's execution, and its
        # twin "... and reasoning thus they arrived at Bordeaux." at home at the end of another.
        home = clause_fit(placed, [(0, i) for _c, i, _j in seeds] + [(1, j) for _c, _i, j in seeds])
        seeds = [(c, i, j) for c, i, j in seeds
                 if max(home.get((0, i), 0.0), home.get((1, j), 0.0)) < thresholds.home_clause_share * c]
    if not seeds or not enough_anchors((bead_cosine(src_emb, tgt_emb, s, t) for s, t, _gain in raw_beads if s and t),
                                       thresholds):
        return []  # two texts on one topic have mutual best matches too; nothing moved between them
    taken_src: set[int] = set()
    taken_tgt: set[int] = set()
    blocks = []
    for _cosine, i, j in sorted(seeds, reverse=True):
        if i in taken_src or j in taken_tgt:
            continue
        taken_src.add(i)
        taken_tgt.add(j)
        blocks.append(_grow_both_ways(i, j, src_emb, tgt_emb, placed, taken_src, taken_tgt, block_cosine))
    return blocks


def home_clause_fit(texts, langs, embeddings, encoder, centres, placed: _Placement,
                    wanted: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """For each (side, sentence id) of `wanted`, its best cosine to a clause, or two neighbouring
    clauses, of the partners the aligner gave it (`placed`): how well it fits at home where a
    partner says more than it does. `texts`, `langs`, `embeddings` and `centres` are (source,
    target): the clause cuts' languages, the document's vectors and the means they were centred on
    (`aligner.centring_means`)."""
    from ..encoders.base import normalise
    from .partial import clause_pieces, unit_vectors_on_scale

    pieces_of: dict[tuple[int, int], list[str]] = {}
    wanted_texts: tuple[dict[str, None], dict[str, None]] = ({}, {})
    for side, k in dict.fromkeys(wanted):
        other = 1 - side
        pieces = [piece for partner in placed.raw_beads[placed.bead[side][k]][other]
                  for piece in clause_pieces(texts[other][partner], langs[other])]
        if pieces:
            pieces_of[side, k] = pieces
            wanted_texts[other].update(dict.fromkeys(pieces))
    vectors = tuple(unit_vectors_on_scale(encoder, list(wanted_texts[side]), centres[side]) for side in (0, 1))
    out = {}
    for (side, k), pieces in pieces_of.items():
        rows = np.stack([vectors[1 - side][piece] for piece in pieces])
        out[side, k] = float((rows @ normalise(embeddings[side][[k]])[0]).max())
    return out


def enough_anchors(pair_cosines: Iterable[float], thresholds: AuditThresholds) -> bool:
    """Whether `min_anchors_for_moves` of the pairs are confident (`anchor_cosine`): below that the
    two texts are not translations of each other, and nothing in them stands "in its place" for
    anything else to have moved. Stops at the last anchor it needs: a book has tens of thousands."""
    confident = (c for c in pair_cosines if c >= thresholds.anchor_cosine)
    needed = thresholds.min_anchors_for_moves
    return sum(1 for _ in itertools.islice(confident, needed)) >= needed


def _grow_both_ways(i, j, src_emb, tgt_emb, placed, taken_src, taken_tgt, min_cosine):
    """The block grown from seed pair (i, j), forwards then backwards."""
    block = [((i,), (j,))]
    for direction in (1, -1):
        block = _grow(block, direction, src_emb, tgt_emb, placed, taken_src, taken_tgt, min_cosine)
    return block


def _grow(block, direction, src_emb, tgt_emb, placed: _Placement, taken_src, taken_tgt, min_cosine):
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
            fits_here = cosine > max(placed.fit(0, src_ids), placed.fit(1, tgt_ids))
            if cosine >= min_cosine and fits_here and (best is None or cosine > best[0]):
                best = (cosine, src_ids, tgt_ids)
        if best is None:
            return block
        _, src_ids, tgt_ids = best
        taken_src.update(src_ids)
        taken_tgt.update(tgt_ids)
        block = block + [(src_ids, tgt_ids)] if direction == 1 else [(src_ids, tgt_ids)] + block


class _Unplaced:
    """The placement of sentences the aligner left unmatched: they fit nowhere yet."""

    @staticmethod
    def fit(side: int, ids) -> float:
        return 0.0


def grow_among(pairs, free_src, free_tgt, src_emb, tgt_emb, min_cosine) -> list[list[tuple]]:
    """Grow each seed pair (i, j) into a block of beads, using only the sentences in `free_src` and
    `free_tgt` (those the aligner left unmatched): a sentence re-paired after the final pass
    keeps the rest of its paragraph around it, as a moved block found before it does."""
    taken_src = set(range(len(src_emb))) - set(free_src)
    taken_tgt = set(range(len(tgt_emb))) - set(free_tgt)
    taken_src.update(i for i, _ in pairs)
    taken_tgt.update(j for _, j in pairs)
    return [_grow_both_ways(i, j, src_emb, tgt_emb, _Unplaced, taken_src, taken_tgt, min_cosine) for i, j in pairs]


def align_around_blocks(src_emb, tgt_emb, src_len, tgt_len, config: AlignConfig, blocks, breaks=(None, None),
                        corrections=None, unaligned=(None, None), ratio=None):
    """Align what the moved blocks leave: the blocks' sentences are held out of the pass.
    `breaks` are the paragraph starts the first pass was given; `unaligned` (two masks) holds out
    more sentences, which come back unaligned; `ratio` is the aligner's length ratio."""
    src_in_block = np.zeros(len(src_emb), dtype=bool)
    tgt_in_block = np.zeros(len(tgt_emb), dtype=bool)
    src_in_block[[i for block in blocks for s, _ in block for i in s]] = True
    tgt_in_block[[j for block in blocks for _, t in block for j in t]] = True
    src_held, tgt_held = src_in_block, tgt_in_block
    if unaligned[0] is not None:
        src_held, tgt_held = src_in_block | unaligned[0], tgt_in_block | unaligned[1]
    raw = align_embeddings(src_emb, tgt_emb, src_len, tgt_len, config, src_held, tgt_held, *breaks,
                           corrections=corrections, ratio=ratio)
    # The blocks' sentences come back with their blocks; the other held ones stay here, unaligned.
    return [(s, t, gain) for s, t, gain in raw
            if not (len(s) + len(t) == 1 and (src_in_block[s[0]] if s else tgt_in_block[t[0]]))]
