"""Change injection for the audit benchmark: deterministic, and its expected findings point at the
sentences that were really changed."""
from __future__ import annotations

import re
import string

import pytest

from benchmarks.data import Doc
from benchmarks.inject import KINDS, NUMBER, clean_beads, foreign_pool, inject, self_pair


def label(i: int) -> str:
    """A digit-free label per bead, so that sentences can be traced after the shuffle."""
    letters = string.ascii_lowercase
    out = ""
    i += 26
    while i:
        i, r = divmod(i, 26)
        out = letters[r] + out
    return out


def make_doc(n: int = 240) -> Doc:
    """n gold beads: mostly 1-1, every 7th 2-1, every 11th 1-2; every 5th pair shares a number.
    Source sentences read "src LABEL ...", target sentences "tgt LABEL ..."."""
    src, tgt, gold = [], [], []
    for b in range(n):
        lab = label(b)
        number = f" {100 + b} " if b % 5 == 0 else " "
        n_src = 2 if b % 7 == 3 else 1
        n_tgt = 2 if b % 11 == 4 else 1
        s_ids = tuple(range(len(src), len(src) + n_src))
        t_ids = tuple(range(len(tgt), len(tgt) + n_tgt))
        src.extend(f"src {lab} part{'x' * p} Quelle hat{number}viele Wörter" for p in range(n_src))
        tgt.extend(f"tgt {lab} part{'x' * p} source a{number}beaucoup de mots" for p in range(n_tgt))
        gold.append((s_ids, t_ids))
    return Doc(corpus="synthetic", name="d", src_lang="de", tgt_lang="fr", src=src, tgt=tgt, gold=gold)


FOREIGN = [f"foreign sentence number {label(i)} from another book entirely" for i in range(50)]


def lab_of(sentence: str) -> str:
    return sentence.split()[1]


def test_same_seed_same_result_and_other_seed_differs():
    doc = make_doc()
    a = inject(doc, FOREIGN, seed=3)
    b = inject(doc, FOREIGN, seed=3)
    c = inject(doc, FOREIGN, seed=4)
    assert a.doc.src == b.doc.src and a.doc.tgt == b.doc.tgt and a.changes == b.changes
    assert a.doc.gold == b.doc.gold
    assert a.changes != c.changes
    # variants of one seed differ too
    assert inject(doc, FOREIGN, seed=3, variant=1).changes != a.changes


def test_every_kind_is_injected_and_the_original_is_untouched():
    doc = make_doc()
    before = (list(doc.src), list(doc.tgt), list(doc.gold))
    inj = inject(doc, FOREIGN, seed=1)
    assert (doc.src, doc.tgt, doc.gold) == before
    assert {c.kind for c in inj.changes} == set(KINDS)
    # 240 clean beads / 60 per change -> 4 of each kind asked for; all fit in a doc this size
    assert all(sum(c.kind == k for c in inj.changes) == 4 for k in KINDS)


def test_expected_findings_point_at_the_changed_sentences():
    doc = make_doc()
    inj = inject(doc, FOREIGN, seed=1)
    new_src, new_tgt = inj.doc.src, inj.doc.tgt
    src_labels = {lab_of(s) for s in new_src}
    tgt_labels = [lab_of(t) if t.startswith("tgt ") else None for t in new_tgt]
    for change in inj.changes:
        if change.finding == "omission":
            assert change.src and not change.tgt
            labs = {lab_of(new_src[k]) for k in change.src}
            # the source sentences are still there, their translations are gone
            assert not labs & set(tgt_labels)
            if change.kind == "omit_paragraph":
                assert 3 <= len(labs) <= 6
                assert list(change.src) == list(range(change.src[0], change.src[-1] + 1))
        elif change.kind == "drop_source":
            labs = {lab_of(new_tgt[j]) for j in change.tgt}
            assert len(labs) == 1 and not labs & src_labels
        elif change.kind == "insert_foreign":
            assert all(new_tgt[j] in FOREIGN for j in change.tgt)
            assert 1 <= len(change.tgt) <= 2
        elif change.kind == "move_block":
            src_labs = [lab_of(new_src[k]) for k in change.src]
            tgt_labs = [lab_of(new_tgt[j]) for j in change.tgt]
            assert set(src_labs) == set(tgt_labs)
            # the block now sits out of order: the target sentence just before or after it
            # belongs to a bead at least 6 beads away from the block's own
            neighbour = new_tgt[change.tgt[0] - 1] if change.tgt[0] > 0 else new_tgt[change.tgt[-1] + 1]
            assert lab_of(neighbour) not in src_labs
        elif change.kind == "change_number":
            src_text = " ".join(new_src[k] for k in change.src)
            tgt_text = " ".join(new_tgt[j] for j in change.tgt)
            assert {lab_of(new_src[k]) for k in change.src} == {lab_of(new_tgt[j]) for j in change.tgt}
            assert set(NUMBER.findall(src_text)) != set(NUMBER.findall(tgt_text))
            old, new = change.note.split(" -> ")
            assert old in src_text and new in tgt_text and new not in src_text
    # untouched target sentences keep their text; only the number changes edit a sentence
    original = set(doc.tgt)
    edited = [t for t in new_tgt if t not in original and t not in FOREIGN]
    assert len(edited) == sum(c.kind == "change_number" for c in inj.changes)


def test_modified_gold_is_consistent_with_the_modified_texts():
    doc = make_doc()
    inj = inject(doc, FOREIGN, seed=2)
    seen_src, seen_tgt = set(), set()
    for src, tgt in inj.doc.gold:
        labs = {lab_of(inj.doc.src[k]) for k in src} | {
            lab_of(inj.doc.tgt[j]) if inj.doc.tgt[j] not in FOREIGN else "FOREIGN" for j in tgt}
        assert len(labs) == 1  # a bead never mixes two original beads
        seen_src.update(src)
        seen_tgt.update(tgt)
    # every sentence of the modified pair is in the modified gold
    assert seen_src == set(range(len(inj.doc.src)))
    assert seen_tgt == set(range(len(inj.doc.tgt)))


def test_gold_null_beads_become_background_with_new_ids():
    doc = make_doc(120)
    # make bead 50 a 1-0 bead and bead 80 a 0-1 bead (drop a target / a source sentence)
    gold = list(doc.gold)
    (s50, t50), (s80, t80) = gold[50], gold[80]
    gold[50] = (s50, ())
    gold[80] = ((), t80)
    doc.gold = gold
    # the null beads themselves are never picked for a change
    clean = clean_beads(gold)
    assert not clean[50] and not clean[80]
    inj = inject(doc, FOREIGN, seed=5)
    omitted = [c for c in inj.background if c.kind == "gold_null" and c.finding == "omission"]
    added = [c for c in inj.background if c.kind == "gold_null" and c.finding == "addition"]
    # the sentences the edit left in no bead (t50's target, s80's sources) are background too
    uncovered = [c for c in inj.background if c.kind == "gold_uncovered"]
    assert sorted(lab_of(inj.doc.tgt[j]) for c in uncovered for j in c.tgt) == [lab_of(doc.tgt[j]) for j in t50]
    assert sorted(lab_of(inj.doc.src[k]) for c in uncovered for k in c.src) == [lab_of(doc.src[k]) for k in s80]
    # ... and each background entry still names the same sentence after the ids moved
    assert [lab_of(inj.doc.src[k]) for c in omitted for k in c.src] == [lab_of(doc.src[k]) for k in s50]
    assert [lab_of(inj.doc.tgt[j]) for c in added for j in c.tgt] == [lab_of(doc.tgt[j]) for j in t80]


def test_self_pair_is_the_identity():
    doc = make_doc(10)
    pair = self_pair(doc)
    assert pair.src == pair.tgt == doc.src and pair.src_lang == pair.tgt_lang == "de"
    assert pair.gold == [((i,), (i,)) for i in range(len(doc.src))]


def test_foreign_pool_excludes_the_document_and_digits():
    a, b = make_doc(30), make_doc(30)
    b.name = "other"
    b.tgt = [t.replace("tgt", "autre") + " phrase assez longue pour compter" for t in b.tgt]
    pool = foreign_pool([a, b], exclude=a)
    assert pool and all(not re.search(r"\d", s) for s in pool) and not set(pool) & set(a.tgt)


def test_real_document_is_deterministic():
    from benchmarks.data import default_data_dir, load

    if not (default_data_dir() / "text-berg-de-fr").is_dir():
        pytest.skip("benchmark data not present")
    docs = load("textberg", "test")
    one = [inject(d, foreign_pool(docs, d), seed=0) for d in docs]
    two = [inject(d, foreign_pool(docs, d), seed=0) for d in docs]
    assert [i.changes for i in one] == [i.changes for i in two]
    assert [i.doc.tgt for i in one] == [i.doc.tgt for i in two]
    assert sum(len(i.changes) for i in one) >= 6 * len(docs) - 7  # few documents lack a number to change


def test_gold_background_holds_the_gold_own_omissions_additions_and_moves():
    from benchmarks.inject import gold_background

    # Text+Berg-like: bead ((4,), (2,)) is a caption the French volume prints two sentences early.
    gold = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (3,)), ((4,), (2,)), ((), (4,)), ((5,), (5,))]
    found = {(c.kind, c.finding, c.src, c.tgt) for c in gold_background(gold, 7, 6)}
    assert found == {("gold_null", "omission", (1,), ()), ("gold_null", "addition", (), (4,)),
                     ("gold_moved", "moved", (4,), (2,)), ("gold_moved", "moved", (3,), (3,)),
                     ("gold_uncovered", "omission", (6,), ())}
    assert clean_beads(gold) == [True, False, True, False, False, False, True]


def test_gold_pairs_whose_numbers_already_differ_are_background_for_number_findings():
    from benchmarks.audit import AuditTally, clean_pair_counts
    from benchmarks.inject import gold_background
    from align.model import Finding

    # Text+Berg dev, line 359: the French edition gives 1937 where the German has 1938.
    src = ["Der Gipfel heisst seit 1938 offiziell Sia Kangri .", "Er misst 7422 m ."]
    tgt = ["Le sommet s' appelle officiellement Sia Kangri depuis 1937 .", "Il mesure 7422 m ."]
    gold = [((0,), (0,)), ((1,), (1,))]
    background = gold_background(gold, 2, 2, src_text=src, tgt_text=tgt)
    assert [(c.kind, c.finding, c.src, c.tgt) for c in background] == [("gold_numbers", "fact_mismatch", (0,), (0,))]
    assert gold_background(gold, 2, 2) == []  # without the texts, nothing is known of the numbers

    def number(i):
        return Finding("fact_mismatch", [i], [i], "number differs", "content", {"kind": "number"})

    tally = AuditTally()
    tally.add([number(0), number(1)], [], background)
    scores = tally.scores()["number"]
    assert scores["set_aside"] == 1 and scores["findings"] == 1 and scores["precision"] == 0.0
    assert clean_pair_counts([number(0), number(1)], background)["numbers_on_gold_discrepancy"] == 1


def test_abridged_mode_leaves_out_passages_only():
    doc = make_doc()
    inj = inject(doc, FOREIGN, seed=0, mode="abridged")
    assert {c.kind for c in inj.changes} == {"omit_passage"}
    assert len(inj.changes) >= 8  # about one passage per 20 of the 240 beads
    for change in inj.changes:
        assert change.finding == "omission" and not change.tgt
        labs = {lab_of(inj.doc.src[k]) for k in change.src}
        assert 2 <= len(labs) <= 6  # 2-6 whole beads
        assert not any(lab_of(t) in labs for t in inj.doc.tgt)  # their translations are gone
    assert inj.doc.src == doc.src and len(inj.doc.tgt) < len(doc.tgt)
    assert inject(doc, FOREIGN, seed=0, mode="abridged").doc == inj.doc
    assert inject(doc, FOREIGN, seed=0).doc != inj.doc


def test_article_windows_change_one_thing_each_and_nothing_else():
    from benchmarks.articles import WINDOW, articles

    doc = make_doc(130)
    foreign = ["an added sentence from another book, long enough to count"]
    windows = articles(doc, foreign, seed=3)
    assert windows == articles(doc, foreign, seed=3)  # the same windows on every run
    starts = range(0, len(doc.gold) - WINDOW + 1, WINDOW)
    assert [a.change for a in windows] == ["none", "omission", "addition"] * len(starts)
    for start, (plain, omitted, added) in zip(starts, zip(*[iter(windows)] * 3)):
        beads = doc.gold[start:start + WINDOW]
        assert plain.src == [doc.src[i] for s, _ in beads for i in s]
        assert plain.tgt == [doc.tgt[j] for _, t in beads for j in t]
        # Left out: the translation of one single-sentence bead; every source sentence stays.
        assert omitted.src == plain.src and len(plain.tgt) > len(omitted.tgt)
        left = omitted.src[omitted.changed].split()[1]  # the bead's label
        assert [t for t in plain.tgt if t.split()[1] == left] and not [t for t in omitted.tgt if t.split()[1] == left]
        assert [t for t in plain.tgt if t.split()[1] != left] == omitted.tgt
        # Added: one sentence, at the place it says; the rest as it was.
        assert added.src == plain.src and added.tgt[added.changed] == foreign[0]
        assert added.tgt[:added.changed] + added.tgt[added.changed + 1:] == plain.tgt
