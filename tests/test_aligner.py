"""The monotonic pass on real sentence vectors: seed 000's French reprint against its English original."""
import numpy as np
import pytest

from align.aligner import AlignConfig, align_embeddings
from align.loading import load_documents
from align.pipeline import _embedding_texts
from conftest import seed


@pytest.fixture(scope="module")
def seed000(use_encoder):
    source, target = load_documents(seed("000"))
    src_texts, tgt_texts = _embedding_texts(source)[0], _embedding_texts(target)[0]
    lengths = lambda texts: np.array([len(t) for t in texts], dtype=float)  # noqa: E731
    return use_encoder.encode(src_texts), use_encoder.encode(tgt_texts), lengths(src_texts), lengths(tgt_texts)


def test_every_sentence_once_in_document_order(seed000):
    src, tgt, src_len, tgt_len = seed000
    beads = align_embeddings(src, tgt, src_len, tgt_len)
    assert [i for s, _, _ in beads for i in s] == list(range(len(src)))
    assert [j for _, t, _ in beads for j in t] == list(range(len(tgt)))
    assert sum(1 for s, t, _ in beads if s and t) >= 0.8 * len(src)  # seed 000 is a close translation


def test_held_out_sentences_come_back_alone_and_the_rest_aligns_as_without_them(seed000):
    src, tgt, src_len, tgt_len = seed000
    beads = align_embeddings(src, tgt, src_len, tgt_len)
    # Hold out the third 1-1 pair, as a moved block would be.
    s_held, t_held = [(s, t) for s, t, _ in beads if len(s) == len(t) == 1][2]
    src_held = np.isin(np.arange(len(src)), s_held)
    tgt_held = np.isin(np.arange(len(tgt)), t_held)
    held = align_embeddings(src, tgt, src_len, tgt_len, AlignConfig(), src_held, tgt_held)
    assert (s_held, ()) in [(s, t) for s, t, _ in held] and ((), t_held) in [(s, t) for s, t, _ in held]
    assert not any(s and t and (set(s) & set(s_held) or set(t) & set(t_held)) for s, t, _ in held)
    # The same as aligning copies without those sentences, mapped back.
    keep_src, keep_tgt = np.flatnonzero(~src_held), np.flatnonzero(~tgt_held)
    subset = align_embeddings(src[keep_src], tgt[keep_tgt], src_len[keep_src], tgt_len[keep_tgt])
    mapped = [(tuple(int(keep_src[i]) for i in s), tuple(int(keep_tgt[j]) for j in t)) for s, t, _ in subset]
    assert [(s, t) for s, t, _ in held if (s, t) not in ((s_held, ()), ((), t_held))] == mapped


def test_no_bead_runs_across_a_paragraph_break_that_costs_more_than_it_can_gain(seed000):
    src, tgt, src_len, tgt_len = seed000
    beads = align_embeddings(src, tgt, src_len, tgt_len)
    merged = [s for s, t, _ in beads if len(s) > 1]
    assert merged  # seed 000 has a 2-1 bead ("... 100,000 residents" is one French sentence)
    # Every source sentence opens a paragraph: at this price no bead takes two of them.
    config = AlignConfig(paragraph_penalty=10.0)
    apart = align_embeddings(src, tgt, src_len, tgt_len, config, src_breaks=np.ones(len(src), dtype=bool))
    assert all(len(s) <= 1 for s, _, _ in apart)
    assert [i for s, _, _ in apart for i in s] == list(range(len(src)))


def test_one_sentence_per_line_files_have_no_paragraphs_to_respect():
    from align.model import Document, Sentence
    from align.pipeline import prepare

    lines = Document("x", "en", "utf-8", [Sentence(i, "s", "s", i + 1, i) for i in range(10)])
    assert prepare(lines).breaks is None
    prose = Document("x", "en", "utf-8", [Sentence(i, "s", "s", i + 1, i // 3) for i in range(9)])
    assert prepare(prose).breaks.tolist() == [False, False, False, True, False, False, True, False, False]


def test_coarse_to_fine_band_finds_the_full_dp_path(use_encoder, monkeypatch):
    # Long texts are aligned in a band around a coarse path (blocks of 8 sentences); where the
    # path stays inside the band, the result must be the full DP's to the bead. Text+Berg test0
    # (137 x 155 sentences, neither a multiple of 8) with the full DP forbidden down to the
    # coarse level and a band of 8 sentences instead of 24.
    from conftest import DATA

    from align import aligner
    from benchmarks.data import load

    if not (DATA / "text-berg-de-fr").exists():
        pytest.skip("benchmark data not present (../shared/data)")
    [doc] = [d for d in load("textberg", "test", DATA) if d.name == "test0"]
    src, tgt = use_encoder.encode(doc.src), use_encoder.encode(doc.tgt)
    src_len = np.array([len(t) for t in doc.src], dtype=float)
    tgt_len = np.array([len(t) for t in doc.tgt], dtype=float)
    config = AlignConfig(band=8)
    full = align_embeddings(src, tgt, src_len, tgt_len, config)
    monkeypatch.setattr(aligner, "FULL_DP_MAX_CELLS", 20 * 20)
    banded = align_embeddings(src, tgt, src_len, tgt_len, config)
    assert [(s, t) for s, t, _ in banded] == [(s, t) for s, t, _ in full]
    # A side shorter than one block still aligns, every sentence once.
    lone = align_embeddings(src[:3], tgt, src_len[:3], tgt_len, config)
    assert [i for s, _, _ in lone for i in s] == [0, 1, 2]
    assert [j for _, t, _ in lone for j in t] == list(range(len(tgt)))


def test_band_written_into_a_float64_table_holds_the_same_similarities(seed000):
    # A band may be written into a table of another type (the column neighbours reuse one buffer);
    # the numbers must be the float32 products, -1 beyond each row's window, as in a band of its own.
    from align.aligner import banded_similarity, neighbour_similarity

    src, tgt, _, _ = seed000
    lo = np.minimum(np.arange(len(src)) // 2, len(tgt) - 3)
    hi = np.minimum(lo + 1 + np.arange(len(src)) % 5, len(tgt))
    alone = banded_similarity(src, tgt, lo, hi)
    table = np.full((len(src), alone.shape[1] + 1), 7.0)
    written = banded_similarity(src, tgt, lo, hi, out=table[:, 1:])
    assert written.dtype == np.float64 and np.array_equal(written, alone.astype(np.float64))
    assert (table[:, 0] == 7.0).all() and (written[np.arange(alone.shape[1]) >= (hi - lo)[:, None]] == -1.0).all()
    assert np.array_equal(neighbour_similarity(written, hi - lo, 4), neighbour_similarity(alone, hi - lo, 4))


def _cell_by_cell_dp(n_src, n_tgt, state_lo, state_hi, beads, tables, params, src_held_cum, tgt_held_cum,
                     src_break_cum, tgt_break_cum):
    """The DP's recurrence as written in the textbook: each state takes the best of every bead
    ending there, the first bead of `beads` on a tie. Plain Python: the reference for `_dp`."""
    from align.aligner import _bead_gain

    gain_of = _bead_gain.py_func
    width = int((state_hi - state_lo).max()) + 1
    score = np.full((n_src + 1, width), -np.inf)
    back = np.full((n_src + 1, width), -1, dtype=np.int8)
    score[0, 0 - state_lo[0]] = 0.0
    for i in range(n_src + 1):
        for j in range(state_lo[i], state_hi[i] + 1):
            if i == 0 and j == 0:
                continue
            best, best_k = -np.inf, -1
            for k, (n, m) in enumerate(beads):
                pi, pj = i - n, j - m
                if pi < 0 or pj < state_lo[pi] or pj > state_hi[pi] or score[pi, pj - state_lo[pi]] == -np.inf:
                    continue
                held = src_held_cum[i] - src_held_cum[pi] + tgt_held_cum[j] - tgt_held_cum[pj]
                if n == 0 or m == 0:
                    gain = 0.0 if held > 0 else -params[3]
                elif held > 0:
                    continue
                else:
                    breaks = src_break_cum[i] - src_break_cum[pi + 1] + tgt_break_cum[j] - tgt_break_cum[pj + 1]
                    gain = gain_of(i, j, n, m, k, tables, params) - params[4] * breaks
                if score[pi, pj - state_lo[pi]] + gain > best:
                    best, best_k = score[pi, pj - state_lo[pi]] + gain, k
            score[i, j - state_lo[i]] = best
            back[i, j - state_lo[i]] = best_k
    return back


@pytest.mark.parametrize("in_numpy", [False, True])
def test_row_by_row_dp_chooses_what_the_cell_by_cell_recurrence_chooses(seed000, monkeypatch, in_numpy):
    # Both row-at-a-time DPs (the loops numba compiles, and numpy's for short texts) score a whole
    # row per bead type, for speed; every choice each makes, tie breaks included, must be the
    # recurrence's. Seed 000 with a band (the coarse-to-fine path forced), held sentences and
    # paragraph breaks, and once with target-only beads listed first and last, so that both orders
    # of a tie between them and the other beads come up.
    from align import aligner

    src, tgt, src_len, tgt_len = seed000
    rng = np.random.default_rng(0)
    masks = dict(src_held=rng.random(len(src)) < 0.1, tgt_held=rng.random(len(tgt)) < 0.1,
                 src_breaks=rng.random(len(src)) < 0.2, tgt_breaks=rng.random(len(tgt)) < 0.2)
    compared = []
    name = "_dp_rows" if in_numpy else "_dp"
    aligner.compile_loops()  # the reference reads `_bead_gain` as plain Python, its `py_func`
    monkeypatch.setattr(aligner, "_compiled", not in_numpy)
    fast_dp = getattr(aligner, name)

    def both(*args):
        fast, plain = fast_dp(*args), _cell_by_cell_dp(*args)
        compared.append((args[2].max() - args[2].min() > 0, np.array_equal(fast, plain)))
        return fast

    monkeypatch.setattr(aligner, name, both)
    monkeypatch.setattr(aligner, "NUMPY_PASS_STATES", 10**9)
    monkeypatch.setattr(aligner, "NUMPY_DP_STATES", 10**9)
    skips_last = tuple(b for b in aligner.DEFAULT_BEADS if 0 not in b) + ((0, 1), (1, 0))
    for config in (AlignConfig(), AlignConfig(beads=skips_last, band=4)):
        align_embeddings(src, tgt, src_len, tgt_len, config)
        align_embeddings(src, tgt, src_len, tgt_len, config, **masks)
    # Joined-text corrections near a path (align/joined.py), large enough to change choices.
    centres = np.rint(np.linspace(0, len(tgt), len(src) + 1)).astype(np.int64)
    table = rng.normal(0.0, 0.3, size=(len(aligner.DEFAULT_BEADS), len(src) + 1, 9))
    plain = align_embeddings(src, tgt, src_len, tgt_len, AlignConfig())
    corrected = align_embeddings(src, tgt, src_len, tgt_len, AlignConfig(), corrections=(centres, table))
    assert [b[:2] for b in plain] != [b[:2] for b in corrected]
    monkeypatch.setattr(aligner, "FULL_DP_MAX_CELLS", 10 * 10)
    align_embeddings(src, tgt, src_len, tgt_len, AlignConfig(band=4), **masks)
    align_embeddings(src, tgt, src_len, tgt_len, AlignConfig(band=4), **masks, corrections=(centres, table))
    assert len(compared) >= 8 and all(same for _, same in compared) and any(banded for banded, _ in compared)


def test_numpy_and_the_compiled_loops_give_the_same_beads_and_gains(monkeypatch):
    # A short text's DP runs in numpy (numba's import and cache cost 0.6 s a process); a longer
    # one's, compiled. Both must give the same beads and gains, to the bit, on any input: random
    # texts of 1-90 sentences a side, some with held sentences, paragraph breaks, joined-text
    # corrections or a narrow band.
    import align.aligner as aligner

    rng = np.random.default_rng(3)
    aligner.compile_loops()
    for _ in range(25):
        n, m = (int(x) for x in rng.integers(1, 90, size=2))
        src = rng.normal(size=(n, 32)).astype(np.float32)
        tgt = rng.normal(size=(m, 32)).astype(np.float32)
        shared = min(n, m)
        tgt[:shared] += 3 * src[np.sort(rng.choice(n, size=shared, replace=False))]
        src /= np.linalg.norm(src, axis=1, keepdims=True)
        tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
        src_len, tgt_len = rng.integers(20, 200, n).astype(float), rng.integers(20, 200, m).astype(float)
        options = {}
        if rng.random() < 0.5:
            options.update(src_held=rng.random(n) < 0.1, tgt_held=rng.random(m) < 0.1)
        if rng.random() < 0.5:
            options.update(src_breaks=rng.random(n) < 0.2, tgt_breaks=rng.random(m) < 0.2)
        if rng.random() < 0.5:
            centres = np.rint(np.linspace(0, m, n + 1)).astype(np.int64)
            options["corrections"] = (centres, rng.normal(0.0, 0.1, size=(len(aligner.DEFAULT_BEADS), n + 1, 5)))
        narrow = rng.random() < 0.3
        config = AlignConfig(band=int(rng.integers(1, 5))) if narrow else AlignConfig()
        results = []
        for budget in (10**9, 0):
            monkeypatch.setattr(aligner, "FULL_DP_MAX_CELLS", 100 if narrow else 4_000_000)
            monkeypatch.setattr(aligner, "NUMPY_PASS_STATES", budget)
            monkeypatch.setattr(aligner, "NUMPY_DP_STATES", budget)
            monkeypatch.setattr(aligner, "_numpy_states", 0)
            monkeypatch.setattr(aligner, "_compiled", not budget)  # compiled at the start
            used = []
            for name in ("_dp", "_dp_rows"):
                monkeypatch.setattr(aligner, name, _recording(getattr(aligner, name), used, name))
            results.append(align_embeddings(src, tgt, src_len, tgt_len, config, **options))
            assert set(used) == {"_dp_rows" if budget else "_dp"}
            monkeypatch.undo()
        assert results[0] == results[1]


def _recording(function, used, name):
    def call(*args):
        used.append(name)
        return function(*args)
    return call


def test_two_three_beads_take_their_own_penalty():
    from align.aligner import size_penalties

    beads = np.array([(1, 1), (2, 2), (2, 3), (3, 2), (1, 4), (3, 3)])
    assert np.allclose(size_penalties(beads, AlignConfig()), [0, 0.2, 0.3, 0.3, 0.3, 0.4])
    assert np.allclose(size_penalties(beads, AlignConfig(merge_penalty=0.25)), [0, 0.2, 0.25, 0.25, 0.3, 0.4])
    final = AlignConfig().final()
    assert (final.tau, final.merge_penalty) == (AlignConfig().final_tau, AlignConfig().final_merge_penalty)


def test_the_regrouping_pass_regroups_but_leaves_no_more_sentences_unaligned():
    from align.aligner import regrouped

    today = [((0,), (0,), 1.0), ((1,), (1,), 1.0), ((2,), (2,), 1.0), ((3,), (3,), 1.0), ((4,), (), 0.0)]
    # Regrouped: 0-1 as a 2-2 bead (taken), but 2 and 3 left unaligned where today pairs them (kept).
    other = [((0, 1), (0, 1), 1.0), ((2,), (), 0.0), ((), (2,), 0.0), ((3,), (3,), 1.0), ((4,), (), 0.0)]
    assert regrouped(today, other) == [((0, 1), (0, 1), 1.0), ((2,), (2,), 1.0), ((3,), (3,), 1.0), ((4,), (), 0.0)]
    # Where it leaves no more unaligned, its grouping stands.
    other = [((0,), (0,), 1.0), ((1,), (1,), 1.0), ((2, 3), (2, 3), 1.0), ((4,), (), 0.0)]
    assert regrouped(today, other) == other
