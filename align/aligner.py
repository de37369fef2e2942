"""The alignment core: monotonic dynamic programming over sentences with n-m beads.

How a bead is scored. A bead pairs source sentences S with target sentences T. Its vector on each
side is the mean of its sentence vectors, which is what a deep-averaging encoder such as USE would
give the concatenation, for free: the cosine of two sums only needs the sentence-pair similarities
inside the bead and the similarities of neighbouring sentences on each side. So one sentence-level
similarity matrix (banded for long texts) is all the DP reads.

    gain(S, T) = w(S, T) * (cos(S, T) - margin(S, T) - tau - length_penalty) - size_penalty,
    w(S, T) = ((|S| + |T|) / 2) ** size_weight

where margin is the mean similarity of the bead's sentences to their nearest neighbours on the
other side (a generic sentence that is close to everything earns less than a specific one, and
scores compare across documents), and the length penalty is Gale & Church's observation that
translations keep character length roughly proportional. Leaving a sentence unaligned costs `skip`;
with tau it sets the similarity under which a pair is better called an omission plus an addition.

Cost grows linearly with length: texts too long for a full matrix are first aligned at a coarse
level (blocks of sentences averaged into one vector), and the fine DP runs in a band around the
projected coarse path (the coarse-to-fine scheme of Vecalign).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np

# (n source sentences, m target sentences) per bead; 0-1 and 1-0 are the unaligned sentences.
# Every bead of up to five sentences, and 3-3: Text+Berg (OCR'd, freely translated) splits and
# merges sentences across the two sides often enough that 2-3 and 1-4 are 6% of its gold beads.
DEFAULT_BEADS = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
                 (3, 3))

# Above this many DP cells the full matrix is replaced by coarse-to-fine banding.
FULL_DP_MAX_CELLS = 4_000_000
# Sentences averaged into one block per coarse level. A fixed factor recurses (50k -> 6k -> 800)
# and keeps the fine band, and so the cost per sentence, the same at every length.
COARSE_FACTOR = 8


@dataclass(frozen=True)
class AlignConfig:
    """Every number that changes the alignment. It is written into the result's signature."""

    tau: float = -0.10  # similarity (after margin) under which sentences are left unaligned
    margin: float = 0.5  # weight of the nearest-neighbour margin
    knn: int = 4  # neighbours averaged for the margin
    length_weight: float = 0.5  # weight of the squared log length ratio
    size_penalty: float = 0.10  # per sentence beyond the second in a bead
    merge_penalty: float | None = None  # a 2-3 or 3-2 bead's penalty in place of size_penalty's (None: 3 x size_penalty)
    size_weight: float = 0.5  # a bead's gain scales with ((n + m) / 2) ** size_weight
    skip: float = 0.2  # cost of leaving one sentence unaligned
    paragraph_penalty: float = 0.2  # per paragraph break a bead runs across, where paragraphs are known
    beads: tuple[tuple[int, int], ...] = DEFAULT_BEADS
    band: int = 24  # half-width of the fine band around the coarse path, in sentences
    joined_weight: float = 0.5  # weight of the joined-text cosine in multi-sentence beads (align/joined.py)
    joined_min_words: int = 5  # sentences shorter than this take no part in joined texts
    # The final pass regroups the pairs at its own tau and 2-3 / 3-2 penalty (None: the values
    # above), where it leaves no sentence unaligned that the pass at the values above pairs: see
    # aligner.regrouped. Dev sets, strict F1 (Text+Berg dev, Alice, MAC, Candide es, el):
    # 0.9106 / 0.9298 / 0.8975 / 0.9329 / 0.8905 -> 0.9155 / 0.9297 / 0.9006 / 0.9342 / 0.8915.
    # Every pass at these values instead cost the dev audit (omission / addition F1 MAC -0.023 /
    # -0.013, Text+Berg dev -0.008 / -0.009): a higher tau leaves weak pairs of an injected
    # variant unaligned (false omissions), a cheaper 2-3 bead in the first pass moves what the
    # moved-block test and the joined texts read. Tau -0.08 as well as -0.085 on dev, but
    # Text+Berg test 0.9172 -> 0.9148 (one 3-3 bead, a 2-1 and a 1-2 for three 1-1 pairs); -0.09
    # leaves MAC at 0.8995.
    final_tau: float | None = -0.085
    final_merge_penalty: float | None = 0.25

    def __post_init__(self):
        try:
            beads = tuple((int(n), int(m)) for n, m in self.beads)
        except (TypeError, ValueError):
            raise ValueError(f"AlignConfig.beads: each bead is (source sentences, target sentences), not {self.beads!r}") from None
        if not beads or any(min(bead) < 0 or bead == (0, 0) for bead in beads):
            raise ValueError(f"AlignConfig.beads: each bead is (source sentences, target sentences), not {self.beads!r}")
        object.__setattr__(self, "beads", beads)  # lists given, tuples kept: the signature and the DP read them
        if self.band < 1 or self.knn < 1:
            raise ValueError("AlignConfig.band and AlignConfig.knn must be at least 1")

    def final(self) -> "AlignConfig":
        """The settings of the final pass's regrouping (see `final_tau`)."""
        return replace(self, tau=self.tau if self.final_tau is None else self.final_tau,
                       merge_penalty=self.merge_penalty if self.final_merge_penalty is None else self.final_merge_penalty,
                       final_tau=None, final_merge_penalty=None)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["beads"] = ["%d-%d" % bead for bead in self.beads]
        return out


# Some encoders (multilingual-e5) give every sentence of a language a large shared component:
# any two Greek or English sentences then have a cosine of about 0.8, and a translation differs
# from a stranger by 0.08 where USE v3 gives 0.55. A side whose mean vector holds more than half
# of a unit vector's squared length (e5: 0.79-0.89 on every dev document; USE: 0.06-0.34) is
# centred on its own mean, which removes that component and the language's own offset with it.
# Measured with e5 on every dev set, strict F1: Greek 0.791 -> 0.884, Spanish 0.877 -> 0.931,
# Alice 0.884 -> 0.924, Text+Berg dev 0.765 -> 0.865, MAC 0.710 -> 0.746 (centring both sides on
# one shared mean gave Greek only 0.839).
ANISOTROPY_SHARE = 0.5
# Texts of fewer sentences than this together are used as they come: a mean of so few is its
# sentences' own content (one sentence is its own mean).
MIN_SENTENCES_TO_CENTRE = 8
# A side of fewer sentences than OWN_MEAN_SENTENCES says too little about its language's own
# direction: its mean is much of its own content, and centring on it took a news article's
# sentences apart from their translations (a sentence left out of a 7-sentence Swedish or Hebrew
# article stood in a "merge", 2 of 7 found). Such a side is centred on its own mean pulled towards
# the mean of both texts, as if SHARED_MEAN_WEIGHT sentences of that mean stood beside its own:
# `python -m benchmarks.multilingual --sweep`, every sentence left out in turn, 16 languages:
# 159/177 -> 164/177 found in whole articles, 80/109 -> 103/109 in their first two paragraphs,
# no false alarm before or after; the dev sets (strict F1, audit) unchanged, their 30-bead
# windows included (a shared mean for sides under 8 sentences found 104/109 but alarmed 3 times;
# a weight of 16 or 32 for every side cost Candide el's 30-bead windows 2-3 additions found and
# MAC on e5 up to 0.002 strict F1).
OWN_MEAN_SENTENCES = 24
SHARED_MEAN_WEIGHT = 8


def centring_means(src_emb: np.ndarray, tgt_emb: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Each side's mean vector when the encoder's vectors share a dominant direction (what
    `centred_if_anisotropic` takes off them); None when they are used as they come."""
    sides = [np.asarray(src_emb, dtype=np.float32), np.asarray(tgt_emb, dtype=np.float32)]
    if sum(len(side) for side in sides) < MIN_SENTENCES_TO_CENTRE or min(len(side) for side in sides) == 0:
        return None
    own = [side.mean(axis=0) for side in sides]
    shared = (len(sides[0]) * own[0] + len(sides[1]) * own[1]) / (len(sides[0]) + len(sides[1]))
    means = [mean if len(side) >= OWN_MEAN_SENTENCES
             else (len(side) * mean + SHARED_MEAN_WEIGHT * shared) / (len(side) + SHARED_MEAN_WEIGHT)
             for side, mean in zip(sides, own)]
    if max(float(mean @ mean) for mean in means) <= ANISOTROPY_SHARE:
        return None
    return means[0], means[1]


def centred_if_anisotropic(src_emb: np.ndarray, tgt_emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both sides centred on their own means (and made unit length again) when the encoder's
    vectors share a dominant direction; otherwise the arrays as they came."""
    return centred_on(src_emb, tgt_emb, centring_means(src_emb, tgt_emb))


def centred_on(src_emb: np.ndarray, tgt_emb: np.ndarray, means) -> tuple[np.ndarray, np.ndarray]:
    """Each side less its mean vector of `means` and made unit length again; as it came for None."""
    if means is None:
        return src_emb, tgt_emb
    sides = [np.asarray(src_emb, dtype=np.float32), np.asarray(tgt_emb, dtype=np.float32)]
    out = []
    for side, mean in zip(sides, means):
        centred = side - mean
        centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
        out.append(centred.astype(np.float32))
    return out[0], out[1]


def size_penalties(beads: np.ndarray, config: AlignConfig) -> np.ndarray:
    """Each bead's (rows of `beads`: source, target sentences) size penalty: `size_penalty` per
    sentence beyond the second, but `merge_penalty` for a 2-3 or 3-2 bead where it is given."""
    beads = np.asarray(beads, dtype=np.int64).reshape(-1, 2)
    sizes = beads.sum(axis=1).astype(np.float64)
    penalties = config.size_penalty * np.maximum(sizes - 2.0, 0.0)
    if config.merge_penalty is not None:
        penalties[(sizes == 5) & (beads.min(axis=1) == 2)] = config.merge_penalty
    return penalties


class PackedBeads:
    """Beads (source ids, target ids, gain) held in arrays and read back as tuples: a bead as Python
    tuples costs about 0.5 KB, and the final beads held through the regrouping pass below raised the
    peak memory of 100,000 sentences a side by 49 MB (826 -> 875 MB)."""

    def __init__(self, beads):
        self._src = np.fromiter((i for bead in beads for i in bead[0]), dtype=np.int64)
        self._tgt = np.fromiter((j for bead in beads for j in bead[1]), dtype=np.int64)
        self._src_ends = np.cumsum(np.fromiter((len(bead[0]) for bead in beads), dtype=np.int64, count=len(beads)))
        self._tgt_ends = np.cumsum(np.fromiter((len(bead[1]) for bead in beads), dtype=np.int64, count=len(beads)))
        self._gains = np.fromiter((bead[2] for bead in beads), dtype=np.float64, count=len(beads))

    def __len__(self) -> int:
        return len(self._gains)

    def _bead(self, k: int) -> tuple:
        src_start = int(self._src_ends[k - 1]) if k else 0
        tgt_start = int(self._tgt_ends[k - 1]) if k else 0
        return (tuple(int(i) for i in self._src[src_start:self._src_ends[k]]),
                tuple(int(j) for j in self._tgt[tgt_start:self._tgt_ends[k]]), float(self._gains[k]))

    def __iter__(self):
        return (self._bead(k) for k in range(len(self)))

    def __getitem__(self, index: slice) -> list:
        """A slice of the beads, as a list of tuples (what `regrouped` takes; no single index)."""
        return [self._bead(k) for k in range(*index.indices(len(self)))]


def regrouped(beads, regrouping) -> list:
    """`beads` (source ids, target ids, ...), each stretch between two points both paths pass
    through taken from `regrouping` (another path over the same sentences) where it leaves no
    sentence unaligned that `beads` pairs there: the one pass says how the pairs group, the other
    whether a sentence stands alone. Both paths must hold every sentence once, in order."""
    def ends(path):
        out, i, j = {}, 0, 0
        for k, (src, tgt, *_rest) in enumerate(path):
            i, j = i + len(src), j + len(tgt)
            out[(i, j)] = k + 1
        return out

    def alone(stretch):
        return ({(0, i) for src, tgt, *_rest in stretch if not tgt for i in src}
                | {(1, j) for src, tgt, *_rest in stretch if not src for j in tgt})

    here, there = ends(beads), ends(regrouping)
    out, a, b = [], 0, 0
    for point in sorted(here.keys() & there.keys()):
        stretch, other = beads[a:here[point]], regrouping[b:there[point]]
        out.extend(other if alone(other) <= alone(stretch) else stretch)
        a, b = here[point], there[point]
    return out


# --------------------------------------------------------------------------------------------
# Similarities in a band. Row a of `band_sim` holds sim(src a, tgt b) for b in [lo[a], lo[a]+W).
# --------------------------------------------------------------------------------------------


def banded_similarity(src_emb: np.ndarray, tgt_emb: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                      out: np.ndarray | None = None) -> np.ndarray:
    """Sentence similarities for each source row restricted to target columns [lo, hi), -1 beyond.

    `out` (rows x at least the widest window, any float dtype) receives them in place of a new
    float32 array."""
    width = int((hi - lo).max()) if len(lo) else 0
    if out is None:
        band = np.full((len(src_emb), max(width, 1)), -1.0, dtype=np.float32)
    else:
        band = out
        band[...] = -1.0
    if len(lo) and width > 0 and lo.min() == 0 and hi.max() == len(tgt_emb) and (hi - lo).min() == len(tgt_emb):
        band[:, : len(tgt_emb)] = src_emb @ tgt_emb.T
        return band
    # Rows with the same [lo, hi) window are rare; chunk rows so each product is one BLAS call.
    columns = np.arange(width)
    for start, stop in _product_chunks(lo, hi, src_emb.shape[1]):
        col_lo, col_hi = int(lo[start:stop].min()), int(hi[start:stop].max())
        if col_hi <= col_lo:
            continue
        block = src_emb[start:stop] @ tgt_emb[col_lo:col_hi].T
        # Each row's window out of the block, -1 past its end: one gather for the chunk, where a
        # loop over its rows cost a second at 100,000 sentences.
        window = (lo[start:stop] - col_lo)[:, None] + columns
        inside = columns < (hi[start:stop] - lo[start:stop])[:, None]
        np.minimum(window, col_hi - col_lo - 1, out=window)
        band[start:stop, :width] = np.where(inside, np.take_along_axis(block, window, axis=1), np.float32(-1.0))
    return band


# Rows per product in `banded_similarity`. A band follows the diagonal, so a product of 256 rows
# spans about 256 + the band's width columns, four times the cells the band keeps: rows go in 64s
# (100,000 sentences: 0.55 -> 0.34 s a band). The sums of a product do not depend on its shape
# while BLAS takes its general kernels: below about 10^6 multiply-adds it may take small-matrix
# kernels, which add in another order (16-row products here did). So a 256-row chunk is split only
# where every part stays well above that, and the last, short chunk is made as it was, one product:
# each similarity comes out the same to the bit as from one product of 256 rows.
PRODUCT_ROWS = 256
PRODUCT_PART_ROWS = 64
PRODUCT_PART_MIN_CELLS = 1 << 22


def _product_chunks(lo: np.ndarray, hi: np.ndarray, dim: int):
    """(start, stop) rows of each product `banded_similarity` makes."""
    count = len(lo)
    for start in range(0, count, PRODUCT_ROWS):
        stop = min(start + PRODUCT_ROWS, count)
        if stop - start < PRODUCT_ROWS:
            yield start, stop
            continue
        parts = [(a, a + PRODUCT_PART_ROWS) for a in range(start, stop, PRODUCT_PART_ROWS)]
        if all((b - a) * (int(hi[a:b].max()) - int(lo[a:b].min())) * dim >= PRODUCT_PART_MIN_CELLS for a, b in parts):
            yield from parts
        else:
            yield start, stop


def neighbour_similarity(band: np.ndarray, valid_width: np.ndarray, k: int, chunk: int = 512) -> np.ndarray:
    """Mean of each row's k highest similarities (its nearest neighbours on the other side).

    Rows go in chunks: masking and partitioning the whole band at once held three copies of it
    (50 MB at 50k sentences) on top of the band itself."""
    out = np.zeros(band.shape[0], dtype=np.float32)
    if band.shape[1] == 0:
        return out
    k = max(1, min(k, band.shape[1]))
    columns = np.arange(band.shape[1])[None, :]
    for start in range(0, band.shape[0], chunk):
        rows = slice(start, start + chunk)
        # float32 whatever the band's dtype, so that the means are the same to the last bit
        masked = np.where(columns < valid_width[rows, None], band[rows], -1.0).astype(np.float32, copy=False)
        out[rows] = (-np.partition(-masked, k - 1, axis=1)[:, :k]).mean(axis=1)
    return out


def group_inverse_norms(emb: np.ndarray, max_size: int) -> np.ndarray:
    """out[i, n] = 1 / |sum of sentence vectors i-n .. i-1|: what a multi-sentence bead's cosine needs.

    |sum|^2 = n + 2 * (dot products of the pairs inside the group), and those pairs are at most
    max_size - 1 apart, so a few row-wise dot products replace a cumulative sum of the vectors."""
    count = len(emb)
    pair_cums = np.zeros((max(max_size - 1, 0), count + 1), dtype=np.float64)
    for gap in range(1, min(max_size, count)):
        # the dot product of the pair (a, a+gap), summed up to a
        pair_cums[gap - 1, : count - gap + 1] = _prefix(np.einsum("ij,ij->i", emb[:-gap], emb[gap:]))
    return _inverse_norms_from_pairs(pair_cums, count, max_size)


def _inverse_norms_from_pairs(pair_cums, count, max_size):
    sq = np.zeros((count + 1, max_size + 1), dtype=np.float64)
    sq[:, 0] = 1.0
    for n in range(1, max_size + 1):
        sq[n:, n] = n
    for gap in range(1, min(max_size, count)):
        pair_cum = pair_cums[gap - 1]
        for n in range(gap + 1, min(max_size, count) + 1):
            # pairs (a, a+gap) with i-n <= a and a+gap <= i-1, for every i from n on
            sq[n:, n] += 2.0 * (pair_cum[n - gap:count + 1 - gap] - pair_cum[:count + 1 - n])
    return 1.0 / np.sqrt(np.maximum(sq, 1e-6))


def group_log_lengths(lengths: np.ndarray, max_size: int, scale: float = 1.0) -> np.ndarray:
    """out[i, n] = log(scale * chars of sentences i-n .. i-1 + 20); the +20 damps the ratio of
    very short sentences, whose lengths say little."""
    cum = _prefix(lengths)
    out = np.zeros((len(lengths) + 1, max_size + 1), dtype=np.float64)
    for n in range(0, max_size + 1):
        if n <= len(lengths):
            out[n:, n] = np.log(scale * (cum[n:] - cum[: len(cum) - n]) + 20.0)
    return out


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1, dtype=np.float64)
    np.cumsum(values, out=out[1:])
    return out


# --------------------------------------------------------------------------------------------
# The DP itself, compiled: it is the one loop whose cost is cells x bead types.
# --------------------------------------------------------------------------------------------

# Numba compiles the loops below, but importing it and loading its cache take 0.6-0.7 s a process:
# most of a short audit's time. So a short text's DP runs in numpy a row at a time (`_dp_rows`, the
# same sums in the same order): a pass of 120 x 120 sentences 0.01 s, 200 x 200 0.1 s, 450 x 450
# 0.26 s, where the compiled loops take 1-25 ms. A pass of more than NUMPY_PASS_STATES states, or
# one that takes a process's passes past NUMPY_DP_STATES (an `align batch` of many short pairs),
# compiles the loops for the rest of the process instead: an audit runs five passes or so, and
# longer texts would pay in numpy more than numba's load.
NUMPY_PASS_STATES = 25_000
NUMPY_DP_STATES = 200_000
_numpy_states = 0
_compiled = False
# The loops, callees first: a compiled function reads the compiled versions of those it calls.
_LOOPS = (("_gain", {}), ("_bead_gain", {}), ("_row_prefix", {}), ("_dp", {"error_model": "numpy"}), ("_trace", {}))


def _prepare_loops(states: int) -> bool:
    """Whether a pass of this many states runs in numpy (`_dp_rows`); if not, the loops are
    compiled, for the rest of the process."""
    global _numpy_states
    if _compiled:
        return False
    if states <= NUMPY_PASS_STATES and _numpy_states + states <= NUMPY_DP_STATES:
        _numpy_states += states
        return True
    compile_loops()
    return False


def compile_loops() -> None:
    """Replace the loops by their numba-compiled versions (cached on disk) for the rest of the process."""
    global _compiled
    if _compiled:
        return
    from numba import njit

    for name, options in _LOOPS:
        globals()[name] = njit(cache=True, **options)(globals()[name])
    _compiled = True



def _gain(cos, knn, log_ratio, weight, penalty, tau, margin_w, length_w):
    """A bead's gain from its cosine, the summed mean neighbour similarity of its two sides and its
    log length ratio (the formula of the module docstring): the DP and `_bead_gain` both call it."""
    adjusted = cos - margin_w * knn * 0.5 - tau - length_w * log_ratio * log_ratio
    return weight * adjusted - penalty


# The formula as plain Python, for the numpy DP: `compile_loops` rebinds `_gain` to numba's.
_gain_formula = _gain


def _bead_gain(i, j, n, m, k, tables, params):
    """Gain of bead type k covering source [i-n, i) and target [j-m, j); -inf outside the band.

    Every quantity is a difference of prefix sums or a table lookup, with no transcendental
    function. The DP scores whole rows itself; this gives a chosen bead's."""
    (band, band_lo, band_width, src_inv_norm, tgt_inv_norm, src_knn_cum, tgt_knn_cum,
     src_log_len, tgt_log_len, bead_weight, bead_penalty, corr_centre, corr) = tables
    dot = 0.0
    for a in range(i - n, i):
        lo = j - m - band_lo[a]
        hi = j - band_lo[a]
        if lo < 0 or hi > band_width[a]:
            return -np.inf
        # The row's prefix sums up to lo and hi, added in the order the DP adds them (`_row_prefix`).
        before = 0.0
        for c in range(lo):
            before += np.float64(band[a, c])
        through = before
        for c in range(lo, hi):
            through += np.float64(band[a, c])
        dot += through - before
    cos = dot * src_inv_norm[i, n] * tgt_inv_norm[j, m]
    knn = (src_knn_cum[i] - src_knn_cum[i - n]) / n + (tgt_knn_cum[j] - tgt_knn_cum[j - m]) / m
    log_ratio = src_log_len[i, n] - tgt_log_len[j, m]
    gain = _gain(cos, knn, log_ratio, bead_weight[k], bead_penalty[k], params[0], params[1], params[2])
    q = j - corr_centre[i] + corr.shape[2] // 2
    if corr.shape[2] > 0 and 0 <= q < corr.shape[2]:
        gain += corr[k, i, q]
    return gain


def _dp(n_src, n_tgt, state_lo, state_hi, beads, tables, params, src_held_cum, tgt_held_cum, src_break_cum,
        tgt_break_cum):
    """Fill the DP over states (i, j) = (source consumed, target consumed) inside the band.

    Sentences held out (prefix counts `src_held_cum`, `tgt_held_cum`) are skipped for free and
    never enter a bead; a bead pays `params[4]` for each paragraph break inside it (prefix counts
    of paragraph starts `src_break_cum`, `tgt_break_cum`). Returns the chosen bead index per
    state (-1 = unreachable), band-relative; of beads that score the same, the first in `beads`.

    A row at a time: every bead that takes a source sentence reads only rows above, so each is
    scored over the whole row in loops of plain arithmetic over slices, which the compiler turns
    into vector code. Beads of target sentences alone read the row to their left and come last.
    The sums are the same, in the same order, as bead by bead in each cell, so the path is the
    same; on Text+Berg test the DP takes 4.4 ms instead of 23 ms."""
    (band, band_lo, band_width, src_inv_norm, tgt_inv_norm, src_knn_cum, tgt_knn_cum,
     src_log_len, tgt_log_len, bead_weight, bead_penalty, corr_centre, corr) = tables
    corr_width = corr.shape[2]
    extra = np.zeros(n_tgt + 1)
    tau, margin_w, length_w, skip, paragraph = params[0], params[1], params[2], params[3], params[4]
    width = int((state_hi - state_lo).max()) + 1
    # A bead reads the scores of the rows at most its source size above: the rows live in a ring
    # of that many + 1 (a full table was 52 MB of float64 at 100,000 sentences; only `back` is
    # traced).
    ring = min(n_src, int(beads[:, 0].max())) + 1
    score = np.full((ring, width), -np.inf)
    # The band's prefix sums, a row at a time as beads come to read it, in a ring of the same
    # rows: as a whole table of float64 they were 62 MB at 100,000 sentences, the largest array
    # of a pass (the band itself is float32, and half that).
    row_cum = np.zeros((ring, band.shape[1] + 1))
    back = np.full((n_src + 1, width), -1, dtype=np.int8)
    best = np.empty(width)
    best_k = np.empty(width, dtype=np.int64)
    dots = np.zeros(n_tgt + 1)
    values = np.zeros(n_tgt + 1)
    # Target-side tables by bead size first, so that a row of them is contiguous.
    tgt_inv_by_size = np.ascontiguousarray(tgt_inv_norm.T)
    tgt_log_by_size = np.ascontiguousarray(tgt_log_len.T)
    tgt_breaks = tgt_break_cum.astype(np.float64)
    score[0, 0 - state_lo[0]] = 0.0
    for i in range(n_src + 1):
        lo_i = state_lo[i]
        hi_i = state_hi[i]
        row = i % ring
        if i > 0:
            _row_prefix(band, i - 1, row_cum[(i - 1) % ring])
        best[:] = -np.inf
        best_k[:] = -1
        for k in range(beads.shape[0]):
            n = beads[k, 0]
            m = beads[k, 1]
            pi = i - n
            if n == 0 or pi < 0:
                continue
            above = pi % ring
            lo_p = state_lo[pi]
            j_from = max(lo_i, lo_p + m)
            j_to = min(hi_i, state_hi[pi] + m)
            src_held = src_held_cum[i] - src_held_cum[pi]
            # Beads are taken in order of k, so a later one must score strictly more to replace.
            if m == 0:
                gain = 0.0 if src_held > 0 else -skip
                for j in range(j_from, j_to + 1):
                    value = score[above, j - lo_p] + gain
                    if value > best[j - lo_i]:
                        best[j - lo_i] = value
                        best_k[j - lo_i] = k
                continue
            if src_held > 0:
                continue
            # Every source row of the bead must have both ends of its target span in its band.
            for a in range(pi, i):
                j_from = max(j_from, band_lo[a] + m)
                j_to = min(j_to, band_lo[a] + band_width[a])
            span = j_to + 1 - j_from
            if span <= 0:
                continue
            dot = dots[:span]
            dot[:] = 0.0
            for a in range(pi, i):
                # Slices indexed from 0: the compiler sees no negative index to wrap around, and
                # these loops become vector code (indexed by j, they made the DP 4x slower).
                cum = row_cum[a % ring]
                end = cum[j_from - band_lo[a]:j_to + 1 - band_lo[a]]
                start = cum[j_from - m - band_lo[a]:j_to + 1 - m - band_lo[a]]
                for t in range(span):
                    dot[t] += end[t] - start[t]
            src_inv = src_inv_norm[i, n]
            src_knn = (src_knn_cum[i] - src_knn_cum[i - n]) / n
            src_len = src_log_len[i, n]
            src_breaks = float(src_break_cum[i] - src_break_cum[pi + 1])
            weight = bead_weight[k]
            penalty = bead_penalty[k]
            size = float(m)
            tgt_inv = tgt_inv_by_size[m, j_from:j_to + 1]
            tgt_len = tgt_log_by_size[m, j_from:j_to + 1]
            knn_end = tgt_knn_cum[j_from:j_to + 1]
            knn_start = tgt_knn_cum[j_from - m:j_to + 1 - m]
            breaks_end = tgt_breaks[j_from:j_to + 1]
            breaks_start = tgt_breaks[j_from - m + 1:j_to + 2 - m]
            prev = score[above, j_from - m - lo_p:j_to + 1 - m - lo_p]
            value = values[:span]
            near = extra[:span]
            if corr_width > 0:
                # Joined-text corrections exist only near the first pass's path: a few cells a row.
                near[:] = 0.0
                for q in range(corr_width):
                    t = corr_centre[i] - corr_width // 2 + q - j_from
                    if 0 <= t < span:
                        near[t] = corr[k, i, q]
            for t in range(span):
                cos = dot[t] * src_inv * tgt_inv[t]
                knn = src_knn + (knn_end[t] - knn_start[t]) / size
                gain = _gain(cos, knn, src_len - tgt_len[t], weight, penalty, tau, margin_w, length_w)
                if corr_width > 0:
                    gain += near[t]
                gain -= paragraph * (src_breaks + breaks_end[t] - breaks_start[t])
                value[t] = prev[t] + gain
            row_best = best[j_from - lo_i:j_to + 1 - lo_i]
            row_best_k = best_k[j_from - lo_i:j_to + 1 - lo_i]
            held_end = tgt_held_cum[j_from:j_to + 1]
            held_start = tgt_held_cum[j_from - m:j_to + 1 - m]
            for t in range(span):
                if value[t] > row_best[t] and held_end[t] == held_start[t]:
                    row_best[t] = value[t]
                    row_best_k[t] = k
        for j in range(lo_i, hi_i + 1):
            c = j - lo_i
            if i == 0 and j == 0:
                continue
            for k in range(beads.shape[0]):
                if beads[k, 0] != 0 or j - beads[k, 1] < lo_i:
                    continue
                pj = j - beads[k, 1]
                value = score[row, pj - lo_i] + (0.0 if tgt_held_cum[j] - tgt_held_cum[pj] > 0 else -skip)
                # These come after beads of a smaller k: an equal score goes to the smaller k.
                if value > best[c] or (value == best[c] and value > -np.inf and k < best_k[c]):
                    best[c] = value
                    best_k[c] = k
            score[row, c] = best[c]
            back[i, c] = best_k[c]
    return back


def _dp_rows(n_src, n_tgt, state_lo, state_hi, beads, tables, params, src_held_cum, tgt_held_cum, src_break_cum,
             tgt_break_cum):
    """`_dp` in numpy: the same sums in the same order, so the same back-pointers to the bit.

    `_dp` scores a row bead by bead over slices in loops that numba compiles; numpy does each of
    those loops as one operation on the slice. Only the beads of target sentences alone read the
    row they fill (the cell to their left), and they stay a loop, in plain Python over the row's
    few hundred cells. A document of a few hundred sentences aligns so in about a tenth of a
    second, where loading numba's compiled loops takes half a second a process."""
    (band, band_lo, band_width, src_inv_norm, tgt_inv_norm, src_knn_cum, tgt_knn_cum,
     src_log_len, tgt_log_len, bead_weight, bead_penalty, corr_centre, corr) = tables
    corr_width = corr.shape[2]
    tau, margin_w, length_w, skip, paragraph = params[0], params[1], params[2], params[3], params[4]
    width = int((state_hi - state_lo).max()) + 1
    ring = min(n_src, int(beads[:, 0].max())) + 1
    score = np.full((ring, width), -np.inf)
    row_cum = np.zeros((ring, band.shape[1] + 1))
    back = np.full((n_src + 1, width), -1, dtype=np.int8)
    tgt_inv_by_size = np.ascontiguousarray(tgt_inv_norm.T)
    tgt_log_by_size = np.ascontiguousarray(tgt_log_len.T)
    tgt_breaks = tgt_break_cum.astype(np.float64)
    target_only = [(k, int(beads[k, 1])) for k in range(beads.shape[0]) if beads[k, 0] == 0]
    tgt_held = tgt_held_cum.tolist()
    skipped = -float(skip)  # the loop below in Python floats: the same doubles, faster than numpy's
    score[0, 0 - state_lo[0]] = 0.0
    for i in range(n_src + 1):
        lo_i, hi_i = int(state_lo[i]), int(state_hi[i])
        row = i % ring
        if i > 0:
            np.cumsum(band[i - 1], dtype=np.float64, out=row_cum[(i - 1) % ring][1:])
        best = np.full(width, -np.inf)
        best_k = np.full(width, -1, dtype=np.int64)
        for k in range(beads.shape[0]):
            n, m = int(beads[k, 0]), int(beads[k, 1])
            pi = i - n
            if n == 0 or pi < 0:
                continue
            above = pi % ring
            lo_p = int(state_lo[pi])
            j_from = max(lo_i, lo_p + m)
            j_to = min(hi_i, int(state_hi[pi]) + m)
            src_held = src_held_cum[i] - src_held_cum[pi]
            if m == 0:
                if j_to < j_from:
                    continue
                value = score[above, j_from - lo_p:j_to + 1 - lo_p] + (0.0 if src_held > 0 else -skip)
            else:
                if src_held > 0:
                    continue
                for a in range(pi, i):
                    j_from = max(j_from, int(band_lo[a]) + m)
                    j_to = min(j_to, int(band_lo[a] + band_width[a]))
                if j_to < j_from:
                    continue
                dot = np.zeros(j_to + 1 - j_from)
                for a in range(pi, i):
                    cum = row_cum[a % ring]
                    dot += cum[j_from - band_lo[a]:j_to + 1 - band_lo[a]] - cum[j_from - m - band_lo[a]:j_to + 1 - m - band_lo[a]]
                knn = (src_knn_cum[i] - src_knn_cum[i - n]) / n + (tgt_knn_cum[j_from:j_to + 1] - tgt_knn_cum[j_from - m:j_to + 1 - m]) / float(m)
                gain = _gain_formula(dot * src_inv_norm[i, n] * tgt_inv_by_size[m, j_from:j_to + 1], knn,
                                     src_log_len[i, n] - tgt_log_by_size[m, j_from:j_to + 1], bead_weight[k],
                                     bead_penalty[k], tau, margin_w, length_w)
                if corr_width > 0:
                    near = np.zeros(j_to + 1 - j_from)
                    q = np.arange(corr_width)
                    t = corr_centre[i] - corr_width // 2 + q - j_from
                    inside = (t >= 0) & (t < len(near))
                    near[t[inside]] = corr[k, i, q[inside]]
                    gain += near
                src_breaks = float(src_break_cum[i] - src_break_cum[pi + 1])
                gain -= paragraph * (src_breaks + tgt_breaks[j_from:j_to + 1] - tgt_breaks[j_from - m + 1:j_to + 2 - m])
                value = score[above, j_from - m - lo_p:j_to + 1 - m - lo_p] + gain
                held = tgt_held_cum[j_from:j_to + 1] != tgt_held_cum[j_from - m:j_to + 1 - m]
                value[held] = -np.inf  # never better than anything: the loop's test fails there
            cells = slice(j_from - lo_i, j_to + 1 - lo_i)
            better = value > best[cells]
            best[cells][better] = value[better]
            best_k[cells][better] = k
        row_score, row_k = best.tolist(), best_k.tolist()
        for j in range(lo_i, hi_i + 1):
            c = j - lo_i
            if i == 0 and j == 0:
                row_score[0] = float(score[row, 0])
                continue
            for k, m in target_only:
                pj = j - m
                if pj < lo_i:
                    continue
                value = row_score[pj - lo_i] + (0.0 if tgt_held[j] - tgt_held[pj] > 0 else skipped)
                if value > row_score[c] or (value == row_score[c] and value > -np.inf and k < row_k[c]):
                    row_score[c] = value
                    row_k[c] = k
        score[row] = row_score
        back[i] = row_k
    return back


def _row_prefix(band, a, out):
    """out[c] = the sum of band row a's first c similarities, in float64, added in order."""
    out[0] = 0.0
    for c in range(band.shape[1]):
        out[c + 1] = out[c] + np.float64(band[a, c])


def _trace(back, state_lo, beads, n_src, n_tgt, tables, params):
    """The best path from the end back to the start: each bead's type, where it ends, and its gain
    (0 for a sentence left unaligned). A bead type of -1 means the band lost the path."""
    kinds = np.empty(n_src + n_tgt, dtype=np.int64)
    ends = np.empty((n_src + n_tgt, 2), dtype=np.int64)
    gains = np.zeros(n_src + n_tgt)
    i, j = n_src, n_tgt
    count = 0
    while i > 0 or j > 0:
        k = back[i, j - state_lo[i]]
        kinds[count] = k
        ends[count, 0], ends[count, 1] = i, j
        count += 1
        if k < 0:
            break
        n, m = beads[k, 0], beads[k, 1]
        if n and m:
            gains[count - 1] = _bead_gain(i, j, n, m, k, tables, params)
        i, j = i - n, j - m
    return kinds[:count][::-1], ends[:count][::-1], gains[:count][::-1]


# --------------------------------------------------------------------------------------------
# Coarse-to-fine
# --------------------------------------------------------------------------------------------


def _blocks(emb: np.ndarray, factor: int) -> np.ndarray:
    """Every `factor` consecutive sentences as one unit vector: their normalised sum.

    The full blocks are summed through a reshaped view and the short last one on its own: padding
    the whole matrix to a multiple of `factor` first copied it: 15 MB of the peak at 50k sentences."""
    n_full = len(emb) // factor
    summed = emb[: n_full * factor].reshape(n_full, factor, emb.shape[1]).sum(1)
    if n_full * factor < len(emb):
        summed = np.concatenate([summed, emb[n_full * factor:].sum(0, keepdims=True)])
    # The norms a slice of rows at a time: of the whole, numpy's squares were a second copy of the
    # blocks (25 MB at 100,000 sentences). Each row's norm is its own sum, the same to the bit.
    for start in range(0, len(summed), BLOCK_NORM_ROWS):
        rows = summed[start:start + BLOCK_NORM_ROWS]
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
    return summed.astype(np.float32, copy=False)


BLOCK_NORM_ROWS = 1024


def _block_lengths(lengths: np.ndarray, factor: int) -> np.ndarray:
    """The characters of each block `_blocks` makes."""
    n_full = len(lengths) // factor
    block_len = lengths[: n_full * factor].reshape(n_full, factor).sum(1)
    if n_full * factor < len(lengths):
        block_len = np.concatenate([block_len, [lengths[n_full * factor:].sum()]])
    return block_len


def _blocks_at(emb: np.ndarray, level: int, factor: int) -> np.ndarray:
    """The block vectors of a coarse level: blocks of blocks, `level` times over."""
    for _ in range(level):
        emb = _blocks(emb, factor)
    return emb


def _band_from_path(path, src_factor, tgt_factor, n_src, n_tgt, half_width):
    """Project a coarse path onto fine states: a band of half_width around its interpolation."""
    points_i = [0]
    points_j = [0]
    for src_ids, tgt_ids in path:
        points_i.append(min((src_ids[-1] + 1) * src_factor if src_ids else points_i[-1], n_src))
        points_j.append(min((tgt_ids[-1] + 1) * tgt_factor if tgt_ids else points_j[-1], n_tgt))
    rows = np.arange(n_src + 1)
    # The path can be vertical (several target blocks at one source row): take its extent there.
    lo_centre = np.interp(rows, points_i, points_j, left=0, right=n_tgt)
    hi_centre = lo_centre.copy()
    for pi, pj in zip(points_i, points_j):
        lo_centre[pi] = min(lo_centre[pi], pj)
        hi_centre[pi] = max(hi_centre[pi], pj)
    lo = np.clip(np.floor(lo_centre) - half_width, 0, n_tgt).astype(np.int64)
    hi = np.clip(np.ceil(hi_centre) + half_width, 0, n_tgt).astype(np.int64)
    lo[0], hi[-1] = 0, n_tgt
    # Monotone band edges keep every state reachable from the one before.
    lo = np.maximum.accumulate(lo)
    hi = np.minimum.accumulate(hi[::-1])[::-1]
    hi = np.maximum(hi, lo)
    return lo, hi


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def length_ratio(src_lengths, tgt_lengths) -> float:
    """Source characters per target character of the whole texts: what the length penalty expects
    unless told otherwise (`align_embeddings(ratio=...)`, `pipeline.translation_length_ratio`)."""
    return float(np.sum(src_lengths, dtype=np.float64) / max(float(np.sum(tgt_lengths, dtype=np.float64)), 1.0))


def align_embeddings(src_embeddings: np.ndarray, tgt_embeddings: np.ndarray, src_lengths, tgt_lengths,
                     config: AlignConfig | None = None, src_held=None, tgt_held=None, src_breaks=None,
                     tgt_breaks=None, corrections=None, ratio: float | None = None):
    """Align two sequences of unit-length sentence vectors monotonically.

    Returns beads as (source ids, target ids, gain) in document order; either side may be empty.
    `src_held`/`tgt_held` (boolean masks) hold sentences out: they come back as one-sided beads and
    no bead spans them, as if they were not there (a moved block), with no copy of the embeddings.
    `src_breaks`/`tgt_breaks` (boolean masks) mark the sentences that open a paragraph: a bead that
    runs across one pays `config.paragraph_penalty`, since translators rarely join the end of one
    paragraph to the start of the next. `corrections` (from `align.joined`) add to the gain of
    multi-sentence beads near an earlier path what their joined texts' embeddings say. `ratio`
    is the source characters per target character a translation has (`length_ratio`); by
    default the ratio of the totals.
    """
    config = config or AlignConfig()
    src = np.ascontiguousarray(src_embeddings, dtype=np.float32)
    tgt = np.ascontiguousarray(tgt_embeddings, dtype=np.float32)
    src_len = np.asarray(src_lengths, dtype=np.float64)
    tgt_len = np.asarray(tgt_lengths, dtype=np.float64)
    _check_shapes(src, tgt, src_len, tgt_len)
    n_src, n_tgt = len(src), len(tgt)
    if n_src == 0 or n_tgt == 0:
        return [((i,), (), 0.0) for i in range(n_src)] + [((), (j,), 0.0) for j in range(n_tgt)]

    state_lo, state_hi = _coarse_states(src, tgt, src_len, tgt_len, config, ratio)
    masks = (_mask_cum(src_held, n_src), _mask_cum(tgt_held, n_tgt), _mask_cum(src_breaks, n_src),
             _mask_cum(tgt_breaks, n_tgt))
    ratio = length_ratio(src_len, tgt_len) if ratio is None else ratio
    return _align_in_band(src, tgt, src_len, tgt_len, state_lo, state_hi, config, masks, corrections, ratio)


def _coarse_states(src, tgt, src_len, tgt_len, config, ratio):
    """The fine pass's states: all of them when the full DP fits, else a band around the path of
    the same alignment over blocks of sentences, itself banded by blocks of blocks, and so on.

    A level's block vectors are made from the sentences again when its pass comes, not kept
    through the coarser passes: held, those of the first level were 51 MB at 100,000 sentences,
    the peak of the whole pass. Made again, they are the same to the bit."""
    factor = COARSE_FACTOR
    lengths = [(src_len, tgt_len)]  # each level's sentence or block lengths, finest first
    while (len(lengths[-1][0]) + 1) * (len(lengths[-1][1]) + 1) > FULL_DP_MAX_CELLS:
        lengths.append((_block_lengths(lengths[-1][0], factor), _block_lengths(lengths[-1][1], factor)))
    coarse_config = AlignConfig(**{**asdict(config), "beads": ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))})
    path = None
    for level in range(len(lengths) - 1, -1, -1):
        level_src_len, level_tgt_len = lengths[level]
        n_src, n_tgt = len(level_src_len), len(level_tgt_len)
        if path is None:
            state_lo = np.zeros(n_src + 1, dtype=np.int64)
            state_hi = np.full(n_src + 1, n_tgt, dtype=np.int64)
        else:
            state_lo, state_hi = _band_from_path(path, factor, factor, n_src, n_tgt, config.band + factor)
        if level == 0:
            return state_lo, state_hi
        src_blocks, tgt_blocks = _blocks_at(src, level, factor), _blocks_at(tgt, level, factor)
        no_masks = (_mask_cum(None, n_src), _mask_cum(None, n_tgt), _mask_cum(None, n_src), _mask_cum(None, n_tgt))
        level_ratio = length_ratio(level_src_len, level_tgt_len) if ratio is None else ratio
        beads = _align_in_band(src_blocks, tgt_blocks, level_src_len, level_tgt_len, state_lo, state_hi,
                               coarse_config, no_masks, None, level_ratio)
        del src_blocks, tgt_blocks
        path = [(s, t) for s, t, _ in beads]


def _check_shapes(src, tgt, src_len, tgt_len) -> None:
    """The compiled loops index these arrays without bounds checks: lengths for the wrong number of
    sentences gave a plausible alignment of garbage, and a NaN row left every sentence unaligned."""
    if src.ndim != 2 or tgt.ndim != 2 or src.shape[1] != tgt.shape[1]:
        raise ValueError(f"embeddings must be two 2-D arrays of one width, not {src.shape} and {tgt.shape}")
    if src_len.shape != (len(src),) or tgt_len.shape != (len(tgt),):
        raise ValueError(f"{len(src_len)} source and {len(tgt_len)} target lengths for {len(src)} and {len(tgt)} sentences")
    for name, side in (("source", src), ("target", tgt)):
        if not np.isfinite(side.sum(axis=1)).all():
            raise ValueError(f"the {name} embeddings hold non-finite values")


def _mask_cum(mask, count: int) -> np.ndarray:
    """Prefix counts of a boolean mask over sentences (all zero without one)."""
    out = np.zeros(count + 1, dtype=np.int64)
    if mask is not None:
        np.cumsum(np.asarray(mask, dtype=np.int64), out=out[1:])
    return out


def _align_in_band(src, tgt, src_len, tgt_len, state_lo, state_hi, config, masks, corrections, ratio):
    n_src, n_tgt = len(src), len(tgt)
    in_numpy = _prepare_loops(int((state_hi - state_lo + 1).sum()))
    beads = np.array(config.beads, dtype=np.int64)
    max_n, max_m = int(beads[:, 0].max()), int(beads[:, 1].max())
    # Sentence a takes part in beads ending at states a+1 .. a+max_n; cover their target columns.
    ahead = np.minimum(np.arange(n_src) + max_n, n_src)
    band_lo = np.maximum(state_lo[:n_src] - max_m, 0)
    band_hi = np.minimum(state_hi[ahead], n_tgt)
    # float32, as the products come; the DP sums each row in float64 as it reads it. (Reading
    # similarities cell by cell in the DP instead needs no band at all, but ran 2-3x slower.)
    band = banded_similarity(src, tgt, band_lo, band_hi)
    src_knn = neighbour_similarity(band, band_hi - band_lo, config.knn)
    tgt_knn = _column_knn(src, tgt, band_lo, band_hi, config.knn)
    band_width = (band_hi - band_lo).astype(np.int64)
    sizes = beads.sum(axis=1).astype(np.float64)
    tables = (band, band_lo.astype(np.int64), band_width,
              group_inverse_norms(src, max_n), group_inverse_norms(tgt, max_m),
              _prefix(src_knn), _prefix(tgt_knn),
              group_log_lengths(src_len, max_n), group_log_lengths(tgt_len, max_m, ratio),
              (sizes / 2.0) ** config.size_weight, size_penalties(beads, config))
    if corrections is None:
        corrections = (np.zeros(n_src + 1, dtype=np.int64), np.zeros((1, 1, 0)))
    tables += (np.asarray(corrections[0], dtype=np.int64), np.asarray(corrections[1], dtype=np.float64))
    params = np.array([config.tau, config.margin, config.length_weight, config.skip, config.paragraph_penalty])
    back = (_dp_rows if in_numpy else _dp)(n_src, n_tgt, state_lo, state_hi, beads, tables, params, *masks)
    kinds, ends, gains = _trace(back, state_lo, beads, n_src, n_tgt, tables, params)
    # The band and the back-pointers (40 MB at 100,000 sentences) are done with: let them go
    # before the beads become Python tuples (another 45 MB).
    del back, tables, band
    if len(kinds) and kinds[0] < 0:
        if (0, 1) not in config.beads or (1, 0) not in config.beads:
            # Without a one-sided bead only some lengths can be aligned at all (1-1 beads alone: equal ones).
            raise ValueError(f"no alignment of {n_src} source and {n_tgt} target sentences is made of the beads "
                             f"{list(config.beads)}: add (0, 1) and (1, 0) to leave sentences unaligned")
        raise RuntimeError("alignment band lost the path")  # a bug, never the user's input
    out = []
    for k, (i, j), gain in zip(kinds.tolist(), ends.tolist(), gains.tolist()):
        n, m = config.beads[k]
        out.append((tuple(range(i - n, i)), tuple(range(j - m, j)), gain))
    return out


def _column_knn(src, tgt, band_lo, band_hi, k):
    """Each target sentence's k nearest source sentences inside the same band, read by column.

    The band's edges only move forward, so the source rows that see target column t are one
    range; a second banded product over those ranges costs one more BLAS pass, where gathering
    the columns of the band held five index arrays of its size (200 MB at 50k sentences)."""
    targets = np.arange(len(tgt))
    rows_lo = np.searchsorted(band_hi, targets, side="right")
    rows_hi = np.searchsorted(band_lo, targets, side="right")
    rows_hi = np.maximum(rows_hi, rows_lo)
    # In chunks of targets, each band as wide as the whole would be, so that every product and
    # every mean is the same to the bit: the whole band was 36 MB at 100,000 sentences, beside the
    # prefix sums, and the peak of the pass. (A multiple of banded_similarity's 256-row blocks.)
    width = max(int((rows_hi - rows_lo).max()), 1) if len(tgt) else 1
    chunk = 1024
    band = np.empty((min(chunk, len(tgt)), width), dtype=np.float32)
    knn = np.zeros(len(tgt), dtype=np.float32)
    for start in range(0, len(tgt), chunk):
        stop = min(start + chunk, len(tgt))
        part = banded_similarity(tgt[start:stop], src, rows_lo[start:stop], rows_hi[start:stop],
                                 out=band[: stop - start])
        knn[start:stop] = neighbour_similarity(part, rows_hi[start:stop] - rows_lo[start:stop], k)
    return np.where(rows_hi > rows_lo, knn, 0.0).astype(np.float32)
