"""Bead scores from the joined text of their sentences.

The DP scores a bead of several sentences by the cosine of the means of their vectors: free, but
a mean of sentence vectors is not what the encoder makes of the sentences read together, and on
splits and merges that loses to Bertalign, which embeds the joined text. So after a first pass,
every bead of at most `MAX_WINDOW` sentences a side (and more than one in all) that ends within
`RADIUS` target sentences of that path gets a correction to its gain:

    joined_weight x w(S, T) x (cos(joined S, joined T) - cos(mean S, mean T))

and the DP runs again. Dev sets, strict F1 at weight 0.5 (Text+Berg dev / Alice / MAC zh-en /
Candide es): 0.898 / 0.925 / 0.872 / 0.916 without it, 0.886 / 0.934 / 0.894 / 0.927 with it for
every sentence, and 0.898 / 0.925 / 0.892 / 0.926 with sentences under `joined_min_words` words
left out. Those are the OCR crumbs, captions and "Alas!"s: an encoder reads a sentence with a
crumb glued to it as the sentence alone, so the joined text let Text+Berg's crumbs be absorbed
into their neighbours. Windows of at most three sentences kept only a third of the gain.

The cost is embedding the windows: up to three more texts per sentence, each two or three
sentences long, which the encoder's cache keeps like any other. USE v3 composes them from its
sentences' own work (`Encoder.encode_windows`, `UseForward.embed_joined`): on Candide the step took
5 s embedding the windows whole, 1.8-2 s composed. Only encoders cheap enough for this
(`Encoder.embeds_windows`: USE v3 here) are asked; the others align as before.
"""
from __future__ import annotations

import numpy as np

MAX_WINDOW = 4
RADIUS = 4
# Source rows per round of window embedding: bounds the window vectors held at once (about 12 MB
# a side per 1,000 rows at 512 dimensions) on long texts.
ROWS_PER_ROUND = 4096


def path_centres(raw_beads, n_src: int, n_tgt: int) -> np.ndarray:
    """For each source state 0..n_src, the target state the path passes there (interpolated
    inside a bead that takes several source sentences)."""
    points_i, points_j = [0], [0]
    i = j = 0
    for src_ids, tgt_ids, _gain in raw_beads:
        i, j = i + len(src_ids), j + len(tgt_ids)
        points_i.append(i)
        points_j.append(j)
    # Several states on one row (target-only steps): np.interp takes the last, the row's end.
    return np.rint(np.interp(np.arange(n_src + 1), points_i, points_j)).astype(np.int64).clip(0, n_tgt)


def _window_spans(words: np.ndarray, first_end: int, last_end: int, min_words: int):
    """The windows of 2..MAX_WINDOW sentences ending at sentences first_end..last_end-1 whose every
    sentence has min_words words or more: {(size, end): (start, end + 1)}."""
    out = {}
    for end in range(max(first_end, 0), last_end):
        for size in range(2, MAX_WINDOW + 1):
            start = end - size + 1
            if start < 0 or words[start:end + 1].min() < min_words:
                break  # a longer window holds the same short sentence
            out[(size, end)] = (start, end + 1)
    return out


def _embed_windows(encoder, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
    """The vectors of the joined texts, composed by the encoder where it can (USE v3)."""
    if hasattr(encoder, "encode_windows"):
        return encoder.encode_windows(texts, spans)
    return encoder.encode([" ".join(texts[start:stop]) for start, stop in spans])


class _Side:
    """One side's window vectors for the windows ending at sentences lo..hi-1: `joined[size]`
    (the embedding of the joined text; the sentence's own for size 1), `mean[size]` (the
    normalised sum of the sentence vectors, as the DP scores it) and `ok[size]` (every sentence
    long enough), each row `end - lo`."""

    def __init__(self, emb, words, lo, hi, windows, vectors, min_words):
        self.lo = lo
        count, dim = hi - lo, emb.shape[1]
        # Prefix sums over this round's rows only (and the few before them a window reaches back
        # to): from the text's start they held a float64 copy of every vector read so far.
        first = max(lo - MAX_WINDOW + 1, 0)
        cum = np.zeros((hi - first + 1, dim), dtype=np.float64)
        np.cumsum(emb[first:hi], axis=0, out=cum[1:])
        ends = np.arange(lo, hi)
        self.joined, self.mean, self.ok = {}, {}, {}
        for size in range(1, MAX_WINDOW + 1):
            starts = ends - size + 1
            valid = starts >= 0
            summed = cum[ends + 1 - first] - cum[np.maximum(starts, 0) - first]
            summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-9)
            self.mean[size] = summed.astype(np.float32)
            if size == 1:
                self.joined[1] = emb[lo:hi]
                self.ok[1] = words[lo:hi] >= min_words
                continue
            joined = np.zeros((count, dim), dtype=np.float32)
            ok = np.zeros(count, dtype=bool)
            for end in ends[valid].tolist():
                row = windows.get((size, end))
                if row is not None:
                    joined[end - lo] = vectors[row]
                    ok[end - lo] = True
            self.joined[size], self.ok[size] = joined, ok


def _row_dots(src_vectors, src_row, tgt_vectors, tgt_row, chunk: int = 256) -> np.ndarray:
    """out[r, q] = src_vectors[src_row[r]] . tgt_vectors[tgt_row[r, q]], a few rows at a time so
    that the gathered target vectors stay small (9 x 512 floats a row)."""
    out = np.empty(tgt_row.shape, dtype=np.float64)
    for start in range(0, len(src_row), chunk):
        part = slice(start, start + chunk)
        out[part] = np.einsum("rd,rqd->rq", src_vectors[src_row[part]], tgt_vectors[tgt_row[part]])
    return out


def corrections(src_texts, tgt_texts, src_emb, tgt_emb, src_words, tgt_words, raw_beads, encoder, config):
    """(centres, table): table[k, i, q] is added to the gain of bead type k ending at source state
    i and target state centres[i] - RADIUS + q, as `align_embeddings(corrections=...)` reads it."""
    n_src, n_tgt = len(src_texts), len(tgt_texts)
    src_words, tgt_words = np.asarray(src_words), np.asarray(tgt_words)
    src_emb, tgt_emb = np.asarray(src_emb, dtype=np.float32), np.asarray(tgt_emb, dtype=np.float32)
    centres = path_centres(raw_beads, n_src, n_tgt)
    beads = config.beads
    table = np.zeros((len(beads), n_src + 1, 2 * RADIUS + 1), dtype=np.float64)
    kinds = [(k, n, m) for k, (n, m) in enumerate(beads)
             if n and m and n + m > 2 and n <= MAX_WINDOW and m <= MAX_WINDOW]
    if not kinds or n_src == 0 or n_tgt == 0:
        return centres, table
    offsets = np.arange(-RADIUS, RADIUS + 1)
    min_words = config.joined_min_words
    for first in range(1, n_src + 1, ROWS_PER_ROUND):
        rows = np.arange(first, min(first + ROWS_PER_ROUND, n_src + 1))
        ends = centres[rows][:, None] + offsets[None, :]  # target states near the path
        src_lo, src_hi = int(rows[0]) - 1, int(rows[-1])
        tgt_lo, tgt_hi = max(int(ends.min()) - 1, 0), min(max(int(ends.max()), 1), n_tgt)
        src_windows = _window_spans(src_words, src_lo, src_hi, min_words)
        tgt_windows = _window_spans(tgt_words, tgt_lo, tgt_hi, min_words)
        if not src_windows and not tgt_windows:
            continue
        src_side = _Side(src_emb, src_words, src_lo, src_hi, dict(zip(src_windows, range(len(src_windows)))),
                         _embed_windows(encoder, src_texts, list(src_windows.values())), min_words)
        tgt_side = _Side(tgt_emb, tgt_words, tgt_lo, tgt_hi, dict(zip(tgt_windows, range(len(tgt_windows)))),
                         _embed_windows(encoder, tgt_texts, list(tgt_windows.values())), min_words)
        src_row = rows - 1 - src_lo
        tgt_row = np.clip(ends - 1 - tgt_lo, 0, tgt_hi - tgt_lo - 1)
        inside = (ends >= 1) & (ends <= n_tgt)
        for k, n, m in kinds:
            weight = config.joined_weight * ((n + m) / 2.0) ** config.size_weight
            usable = (src_side.ok[n][src_row] & (rows >= n))[:, None] & inside & (ends >= m) & tgt_side.ok[m][tgt_row]
            if not usable.any():
                continue
            joined = _row_dots(src_side.joined[n], src_row, tgt_side.joined[m], tgt_row)
            mean = _row_dots(src_side.mean[n], src_row, tgt_side.mean[m], tgt_row)
            table[k, rows] = np.where(usable, weight * (joined - mean), 0.0)
    return centres, table
