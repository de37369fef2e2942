"""The documents the speed benchmark builds by concatenation keep a gold that covers them."""
from benchmarks.data import Doc
from benchmarks.speed import concatenate


def test_a_cut_document_brings_no_target_sentence_its_kept_gold_does_not_cover():
    # Target-only beads fit any cut of the source: at the end of a document (a translator's
    # added lines), they once set the target's cut and pulled in sentences no kept bead covers.
    gold = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,)), ((), (5,)), ((), (6,))]
    doc = Doc(corpus="synthetic", name="d", src_lang="de", tgt_lang="fr",
              src=[f"s{i}" for i in range(4)], tgt=[f"t{j}" for j in range(7)], gold=gold)
    joined = concatenate([doc], 6)
    assert joined.src == doc.src + doc.src[:2]
    assert joined.tgt == doc.tgt + doc.tgt[:2]
    src_covered = sorted(i for s, _ in joined.gold for i in s)
    tgt_covered = sorted(j for _, t in joined.gold for j in t)
    assert src_covered == list(range(len(joined.src)))
    assert tgt_covered == list(range(len(joined.tgt)))
