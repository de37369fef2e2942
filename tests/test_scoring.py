"""The benchmark's strict/lax scorer on small cases worked out by hand (arithmetic in comments)."""
from __future__ import annotations

import random

import pytest

from benchmarks.scoring import Counts, count, format_beads, parse_gold, score, score_doc


def approx(x):
    return pytest.approx(x, abs=1e-9)


def test_perfect_alignment_with_a_null_bead():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ())]
    # precision: 3 predicted beads, all identical to gold -> 3/3 strict and lax
    # recall: gold beads with both sides = 2, both found -> 2/2
    s = score_doc(gold, list(gold))
    assert s == {"precision_strict": 1.0, "recall_strict": 1.0, "f1_strict": 1.0,
                 "precision_lax": 1.0, "recall_lax": 1.0, "f1_lax": 1.0}


def test_one_to_two_predicted_as_one_to_one_plus_addition():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ())]
    pred = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), ())]
    # precision over 4 predicted beads (null ones included):
    #   [0]:[0] strict; [1]:[1] not strict, but pair (1,1) lies in gold [1]:[1,2] -> lax;
    #   []:[2] has no pair -> neither; [2]:[] identical to gold null bead -> strict.
    #   strict 2/4 = 0.5, lax 3/4 = 0.75
    # recall over gold beads with both sides: [0]:[0], [1]:[1,2] (2 beads) against predicted
    #   beads with both sides [0]:[0], [1]:[1]:
    #   [0]:[0] strict; [1]:[1,2] not strict, shares (1,1) with [1]:[1] -> lax.
    #   strict 1/2 = 0.5, lax 2/2 = 1
    # F1 strict = 2*.5*.5/(.5+.5) = 0.5; F1 lax = 2*.75*1/1.75 = 1.5/1.75 = 6/7
    s = score_doc(gold, pred)
    assert s["precision_strict"] == approx(0.5)
    assert s["precision_lax"] == approx(0.75)
    assert s["recall_strict"] == approx(0.5)
    assert s["recall_lax"] == approx(1.0)
    assert s["f1_strict"] == approx(0.5)
    assert s["f1_lax"] == approx(6 / 7)


def test_crossed_pairs_score_zero_without_dividing_by_zero():
    gold = [((0,), (0,)), ((1,), (1,))]
    pred = [((0,), (1,)), ((1,), (0,))]
    # (0,1) and (1,0) lie in no gold bead: 0/2 strict and lax both ways; F1 0 (not NaN)
    s = score_doc(gold, pred)
    assert all(v == 0.0 for v in s.values())


def test_counts_are_summed_over_documents_before_dividing():
    gold_a, pred_a = [((0,), (0,))], [((0,), (0,))]
    # doc A: pred 1, strict 1, lax 1; gold 1, strict 1, lax 1
    gold_b = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    pred_b = [((0, 1), (0, 1)), ((2,), (2,))]
    # doc B precision: 2 predicted; [2]:[2] strict; [0,1]:[0,1] holds pair (0,0) of gold [0]:[0] -> lax
    #   -> strict 1, lax 2
    # doc B recall: 3 gold; [2]:[2] strict; [0]:[0] and [1]:[1] each share a pair with [0,1]:[0,1]
    #   -> strict 1, lax 3
    assert count(gold_b, pred_b) == Counts(pred=2, pred_strict=1, pred_lax=2, gold=3, gold_strict=1, gold_lax=3)
    # summed: P strict = (1+1)/(1+2) = 2/3, R strict = (1+1)/(1+3) = 1/2,
    #   F1 = 2*(2/3)*(1/2)/(2/3+1/2) = (2/3)/(7/6) = 4/7
    #   (averaging per-document F1s would give (1 + 0.4)/2 = 0.7 instead)
    # lax: P = 3/3, R = 4/4 -> 1
    s = score([gold_a, gold_b], [pred_a, pred_b])
    assert s["precision_strict"] == approx(2 / 3)
    assert s["recall_strict"] == approx(0.5)
    assert s["f1_strict"] == approx(4 / 7)
    assert s["f1_lax"] == approx(1.0)


def test_duplicates_collapse_and_empty_beads_are_ignored():
    gold = [((0,), (0,))]
    pred = [((0,), (0,)), ((0,), (0,)), ((), ())]
    # one distinct non-empty predicted bead, identical to gold -> 1/1 everywhere
    assert score_doc(gold, pred)["f1_strict"] == 1.0
    assert count(gold, pred).pred == 1


def test_gold_null_beads_count_for_precision_not_recall():
    gold = [((0,), (0,)), ((), (1,))]
    pred = [((0,), (0, 1))]
    # precision: 1 predicted; not identical to a gold bead; pair (0,0) lies in gold [0]:[0] -> lax
    #   -> strict 0/1, lax 1/1
    # recall: gold with both sides = [0]:[0] only (the null bead []:[1] is left out);
    #   not identical to [0]:[0,1], shares (0,0) -> strict 0/1, lax 1/1
    s = score_doc(gold, pred)
    assert (s["precision_strict"], s["precision_lax"]) == (0.0, 1.0)
    assert (s["recall_strict"], s["recall_lax"]) == (0.0, 1.0)
    assert (s["f1_strict"], s["f1_lax"]) == (0.0, 1.0)


def test_predicted_null_bead_is_never_a_lax_hit():
    gold = [((0, 1), (0,))]
    pred = [((0,), (0,)), ((1,), ())]
    # precision: [0]:[0] lax (pair (0,0) inside gold); [1]:[] strict? no (gold is [0,1]:[0]); it has
    #   no pair, so not lax either -> strict 0/2, lax 1/2
    # recall: gold [0,1]:[0] vs predicted [0]:[0]: not identical, shares (0,0) -> strict 0/1, lax 1/1
    # F1 lax = 2*.5*1/1.5 = 2/3
    s = score_doc(gold, pred)
    assert s["precision_lax"] == approx(0.5)
    assert s["recall_lax"] == approx(1.0)
    assert s["f1_lax"] == approx(2 / 3)
    assert s["f1_strict"] == 0.0


def test_parse_and_format_round_trip():
    text = "[0]:[0, 1]\n[]:[2]\n[1, 2]:[]\n"
    beads = parse_gold(text)
    assert beads == [((0,), (0, 1)), ((), (2,)), ((1, 2), ())]
    assert format_beads(beads) == text
    with pytest.raises(ValueError):
        parse_gold("[0]-[1]\n")
    # An aligner's output carries a score after the beads (Vecalign, `align pair -f beads`).
    assert parse_gold("[0]:[0, 1]:0.6070\n[]:[2]:-1.5e-03\n") == beads[:2]
    with pytest.raises(ValueError):
        parse_gold("[0]:[1]:high\n")


def test_command_line_scores_pairs_of_files(tmp_path, capsys):
    from benchmarks.scoring import main

    (tmp_path / "gold").write_text("[0]:[0]\n[1]:[1, 2]\n")
    (tmp_path / "pred").write_text("[0]:[0]:0.9\n[1]:[1]:0.8\n[]:[2]:0.0\n")
    main([str(tmp_path / "gold"), str(tmp_path / "pred")])
    lines = capsys.readouterr().out.splitlines()
    # strict: 1 of 3 predicted beads, 1 of 2 gold; lax: 2 of 3 ([]:[2] is no pair), 2 of 2
    assert lines[0].split() == ["strict", "P", "0.333", "R", "0.500", "F1", "0.400"]
    assert lines[1].split() == ["lax", "P", "0.667", "R", "1.000", "F1", "0.800"]
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path / "gold")])
    assert exit_info.value.code == 2


def test_accepts_triples_and_objects():
    class B:
        def __init__(self, src, tgt):
            self.src, self.tgt = src, tgt

    gold = [((0,), (0,))]
    assert score_doc(gold, [((0,), (0,), 0.3)])["f1_strict"] == 1.0
    assert score_doc(gold, [B([0], [0])])["f1_strict"] == 1.0


def test_agrees_with_the_reference_scorer_on_random_alignments():
    # Cross-check only: the peer package ships vecalign's score.py; we do not use it in the benchmark.
    ref = pytest.importorskip("sentalign.score")
    rng = random.Random(7)

    def random_beads(n_src, n_tgt):
        beads, i, j = [], 0, 0
        while i < n_src or j < n_tgt:
            a = min(rng.choice([0, 1, 1, 1, 2]), n_src - i)
            b = min(rng.choice([0, 1, 1, 1, 2]), n_tgt - j)
            if a == b == 0:
                a, b = (1, 0) if i < n_src else (0, 1)
            beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
            i, j = i + a, j + b
        return beads

    golds, preds = [], []
    for _ in range(20):
        n, m = rng.randint(1, 30), rng.randint(1, 30)
        golds.append(random_beads(n, m))
        preds.append(random_beads(n, m))
    ours = score(golds, preds)
    theirs = ref.score_multiple(gold_list=golds, test_list=preds)
    for key, value in ours.items():
        assert value == approx(float(theirs[key])), key


def test_real_gold_files_load(tmp_path):
    from benchmarks.data import default_data_dir, load

    if not (default_data_dir() / "text-berg-de-fr").is_dir():
        pytest.skip("benchmark data not present")
    docs = load("textberg", "test")
    assert len(docs) == 7
    assert sum(len(d.src) for d in docs) == 991
    assert sum(len(d.tgt) for d in docs) == 1011
    assert sum(len(d.gold) for d in docs) == 916
    # a gold alignment scores 1 against itself
    assert score([d.gold for d in docs], [d.gold for d in docs])["f1_strict"] == 1.0
    tr = load("transread", "all")
    assert [d.src_lang for d in tr] == ["fr"] * 6
