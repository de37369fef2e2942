"""The monotonic pass on real sentence vectors: seed 000's French reprint against its English original."""
import numpy as np
import pytest

from align.aligner import AlignConfig, align_embeddings
from align.pipeline import _embedding_texts, load_documents
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
    # The DP writes the band straight into its prefix-sum table; the numbers must be the float32
    # products, -1 beyond each row's window, exactly as in a band of its own.
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
