"""Sentences a many-sentence bead holds without their meaning being on the other side.

The aligner would rather pair than skip: leaving a sentence out costs `AlignConfig.skip`, and a
single omitted sentence usually costs less merged into its neighbour's bead than left out, where
it shows only as an editorial `merge` (an inserted one as a `split`). On the injected changes,
TransRead test found 62 of 110 omitted sentences; 35 of the misses sat in merges.

Lowering the skip cost finds them (62 -> 92 of 110) but alarms on free translations, where a
translator's real merges become omissions too (false omissions and additions on unmodified gold
pairs, Text+Berg test: 0.98 -> 2.95 per 100 beads), and it costs the alignment. So a second pass
at the audit's lower skip cost only proposes, and the beads stay as the aligner made them: a
sentence of a many-sentence bead that this pass leaves unaligned is reported as left
out (or added) inside its pair when

- without it, the pair's length ratio fits the document's better (a sentence whose meaning is
  on the other side carries characters that side needs; one absorbed whole leaves its side too
  long), and
- it is at least `min_length` times as long as the median sentence of its side: shorter ones
  (a crumb of OCR, "Alas!") tell the length ratio too little, and were most of the false alarms.

Measured with 6 injected variants a document (`python -m benchmarks --only audit --split dev
--cache --variants 6`, see benchmarks/README.md): omission F1 rose on every dev set, addition F1
on all but Alice (-0.006). The joined-text cosine of the bead with and without the sentence was
measured too: among these candidates it told omitted sentences from real merges no better than
chance (median change +0.01 for real merges, +0.03 for omissions), and requiring it lowered
recall with no gain in precision, so it is not asked. The sentence's own cosine to the pair's
other side is (`translated_in_pair`): one as close as a usual pair of the document stays.
"""
from __future__ import annotations

import re

import numpy as np

from ..encoders.base import normalise


def expected_log_ratio(pairs, src_len, tgt_len) -> float:
    """The document's usual log(target length / source length), from its 1-1 pairs."""
    ratios = [np.log(max(tgt_len[t[0]], 1.0) / max(src_len[s[0]], 1.0)) for s, t in pairs if len(s) == 1 and len(t) == 1]
    return float(np.median(ratios)) if ratios else 0.0


def misfit(src_chars: float, tgt_chars: float, expected: float) -> float:
    """How far a pair's log length ratio is from the document's usual one."""
    return abs(np.log(max(tgt_chars, 1.0) / max(src_chars, 1.0)) - expected)


def fit_gain(chars: float, other_chars: float, removed: float, expected: float, is_source: bool) -> float:
    """How much closer a pair's lengths come to the document's usual ratio when `removed`
    characters leave one side (`chars` long; the source when `is_source`)."""
    if is_source:
        return misfit(chars, other_chars, expected) - misfit(chars - removed, other_chars, expected)
    return misfit(other_chars, chars, expected) - misfit(other_chars, chars - removed, expected)


def _peel(ids: list[int], lengths, proposed, other_chars: float, expected: float, is_source: bool,
          min_chars: float, anchored=frozenset(), anchored_min_chars: float = 0.0, sure=frozenset(),
          sure_tolerance: float = 0.0) -> tuple[list[int], list[int]]:
    """Take proposed sentences off one side of a bead while each improves the length fit; return
    (kept, taken). Any sentence of the side, not only an end: a line dropped from the middle of
    a three-sentence passage leaves the pair around it (measured: Candide es 74 -> 76 of 108
    single omissions found, nothing lost on any dev set). A sentence of `sure` (proposed on two
    counts) is taken while the fit gets no worse than `sure_tolerance`."""
    taken: list[int] = []
    while len(ids) > 1:
        chars = float(sum(lengths[i] for i in ids))
        best = None
        for position in range(len(ids)):
            sentence = ids[position]
            if sentence not in proposed or lengths[sentence] < (anchored_min_chars if sentence in anchored else min_chars):
                continue
            gain = fit_gain(chars, other_chars, lengths[sentence], expected, is_source)
            if sentence in sure:
                gain += sure_tolerance
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, position)
        if best is None:
            break
        taken.append(ids.pop(best[1]))
    return ids, taken


def absorbed_sentences(pairs, proposal, src_len, tgt_len, min_length: float,
                       crossed_min_length: float | None = None, anchored=(frozenset(), frozenset()),
                       anchored_min_length: float | None = None,
                       both_sides_crossed: bool = False, sure_tolerance: float = 0.0) -> tuple[frozenset[int], frozenset[int]]:
    """The source and target sentences of `pairs` (source ids, target ids) whose meaning is not on
    the other side: see the module's docstring. `proposal` is the beads (source ids, target ids,
    gain) of a pass at a lower skip cost; `anchored` (source ids, target ids), sentences proposed on
    other evidence (`unmatched_figures_in_pairs`), which need only `anchored_min_length`.
    `both_sides_crossed`: a pair whose sentences that pass leaves unaligned stand on both of its
    sides is judged by `_crossed` alone, never one side at a time (AuditThresholds.absorbed_both_sides).
    A sentence both that pass and `anchored` propose needs only a fit no worse than
    `sure_tolerance` (AuditThresholds.absorbed_sure_tolerance)."""
    sure = proposed_on_two_counts(proposal, anchored)
    proposed_src = {s[0] for s, t, _gain in proposal if s and not t} | anchored[0]
    proposed_tgt = {t[0] for s, t, _gain in proposal if t and not s} | anchored[1]
    if not proposed_src and not proposed_tgt:
        return frozenset(), frozenset()
    crossed_min_length = min_length if crossed_min_length is None else crossed_min_length
    anchored_min_length = min_length if anchored_min_length is None else anchored_min_length
    expected = expected_log_ratio(pairs, src_len, tgt_len)
    src_median = float(np.median(src_len)) if len(src_len) else 0.0
    tgt_median = float(np.median(tgt_len)) if len(tgt_len) else 0.0
    src_min, tgt_min = min_length * src_median, min_length * tgt_median
    src_out: set[int] = set()
    tgt_out: set[int] = set()
    for src_ids, tgt_ids in pairs:
        if len(src_ids) < 2 and len(tgt_ids) < 2:
            continue
        if both_sides_crossed and any(i in proposed_src for i in src_ids) and any(j in proposed_tgt for j in tgt_ids):
            both = _crossed(list(src_ids), list(tgt_ids), src_len, tgt_len, proposed_src, proposed_tgt, expected,
                            crossed_min_length * src_median, crossed_min_length * tgt_median)
            src_out.update(both[0])
            tgt_out.update(both[1])
            continue
        tgt_chars = float(sum(tgt_len[j] for j in tgt_ids))
        kept_src, taken = _peel(list(src_ids), src_len, proposed_src, tgt_chars, expected, True, src_min,
                                anchored[0], anchored_min_length * src_median, sure[0], sure_tolerance)
        src_out.update(taken)
        src_chars = float(sum(src_len[i] for i in kept_src))
        kept_tgt, taken_tgt = _peel(list(tgt_ids), tgt_len, proposed_tgt, src_chars, expected, False, tgt_min,
                                    anchored[1], anchored_min_length * tgt_median, sure[1], sure_tolerance)
        tgt_out.update(taken_tgt)
        if not taken and not taken_tgt:
            both = _crossed(kept_src, kept_tgt, src_len, tgt_len, proposed_src, proposed_tgt, expected,
                            crossed_min_length * src_median, crossed_min_length * tgt_median)
            src_out.update(both[0])
            tgt_out.update(both[1])
    return frozenset(src_out), frozenset(tgt_out)


def proposed_on_two_counts(proposal, anchored) -> tuple[frozenset[int], frozenset[int]]:
    """The sentences (source ids, target ids) that the lower-skip pass leaves unaligned (`proposal`)
    and whose figures stand nowhere on the other side of their pair (`anchored`, from
    `unmatched_figures_in_pairs`): two signs that agree, each of its own kind."""
    return (frozenset(s[0] for s, t, _gain in proposal if s and not t) & frozenset(anchored[0]),
            frozenset(t[0] for s, t, _gain in proposal if t and not s) & frozenset(anchored[1]))


# A sentence the length test takes out of its pair stays in it when it is as close to the pair's
# other side as a usual pair of the document (AuditThresholds.absorbed_translated_percentile, 40:
# the 40th percentile of its own 1-1 pairs): its meaning is there, and the pair's lengths are those
# of a translator who says more. In Chinese-English one Chinese sentence is often four English
# ones, the first its close translation, and the length test took that one out ("Trinket noticed
# at once that he was wearing a completely new outfit, ..."). Relative to the document, as
# Chinese-English cosines run well under French-English ones. Dev sets, 6 injected variants a
# document: MAC zh-en omission F1 0.770 -> 0.777, addition 0.627 -> 0.638, false omissions and
# additions on its unmodified gold pairs 7 -> 5; every other dev set unchanged (among their
# sentences taken out, none that an injected change left out is this close). At the 30th
# percentile the same, but sentences of abridged passages stayed too (MAC sentence-level F1 -0.018).


def translated_in_pair(pairs, absorbed, src_emb, tgt_emb, percentile: float | None = 40
                       ) -> tuple[frozenset[int], frozenset[int]]:
    """`absorbed` (source ids, target ids) less the sentences as close to the other side of their
    pair (`pairs`: source ids, target ids) as this percentile of the document's 1-1 pairs."""
    if percentile is None or (not absorbed[0] and not absorbed[1]):
        return absorbed
    usual = usual_pair_cosines(pairs, src_emb, tgt_emb)
    if usual is None:
        return absorbed
    close = float(np.percentile(usual, percentile))
    out: tuple[set[int], set[int]] = (set(absorbed[0]), set(absorbed[1]))
    for ids in pairs:
        for side in (0, 1):
            taken = [k for k in ids[side] if k in absorbed[side]]
            other = list(ids[1 - side])
            if not taken or not other:
                continue
            own_emb, other_emb = (src_emb, tgt_emb) if side == 0 else (tgt_emb, src_emb)
            cosines = normalise(own_emb[taken]) @ normalise(other_emb[other]).T
            out[side].difference_update(k for k, best in zip(taken, cosines.max(axis=1)) if best >= close)
    return frozenset(out[0]), frozenset(out[1])


def translated_in_clauses(pairs, absorbed, texts, langs, embeddings, near, encoder, centres=(None, None),
                          margin: float | None = 0.03, sure=(frozenset(), frozenset())
                          ) -> tuple[frozenset[int], frozenset[int]]:
    """`absorbed` less the sentences that a clause of the other side of their pair translates: a
    clause, or two neighbouring ones, of that side's sentences closer to the sentence, by `margin`,
    than any sentence of the other side outside the pair (from `near`, the document's neighbours).

    One Chinese sentence is often two English ones, the second the translation of its last clause
    ("还说要三闷儿的娘抵命" / "He also said he'd make Shan Men Er's mother pay with her life."):
    the whole Chinese sentence reads little like that English one (0.18), too little to keep it
    by its cosine (`translated_in_pair`), and it was reported added on every run of MAC's unmodified
    pairs. Against its own clause it reads 0.37, where nothing else in the text comes near. Relative
    to the sentence's own neighbours, so it holds on any encoder's scale. `texts`, `langs` and
    `embeddings`: (source, target), the languages for the clause cuts; `centres`: the per-side mean
    vectors the document's embeddings were centred on (`aligner.centring_means`), or None.

    A sentence of `sure` (`proposed_on_two_counts`) stays out: a clause that rendered it would
    carry its figures, which its pair's other side does not. Against the clauses of a long
    neighbour, multilingual-e5 read a Swedish "Hon arbetade i 30 år som lärare ..." added to an
    article like "... who has lived in Kiruna for 40 years" (a figure that side has)."""
    if margin is None or encoder is None or (not absorbed[0] and not absorbed[1]):
        return absorbed
    from .partial import clause_pieces, unit_vectors_on_scale

    best = (near.src_best, near.tgt_best)
    best_id = (near.src_best_id, near.tgt_best_id)
    second = (near.src_second, near.tgt_second)
    jobs = []
    wanted: tuple[dict[str, None], dict[str, None]] = ({}, {})
    for ids in pairs:
        for side in (0, 1):
            taken = [k for k in ids[side] if k in absorbed[side] and k not in sure[side]]
            other_ids = ids[1 - side]
            if not taken or not other_ids:
                continue
            # Not a sentence of one clause, nor two clauses that make it: `translated_in_pair` judged those.
            pieces = [piece for k in other_ids for piece in clause_pieces(texts[1 - side][k], langs[1 - side])]
            if pieces:
                wanted[1 - side].update(dict.fromkeys(pieces))
                jobs.append((side, taken, pieces, set(other_ids)))
    if not jobs:
        return absorbed
    vectors = tuple(unit_vectors_on_scale(encoder, list(wanted[side]), centres[side]) for side in (0, 1))
    own = embeddings
    out: tuple[set[int], set[int]] = (set(absorbed[0]), set(absorbed[1]))
    for side, taken, pieces, other_ids in jobs:
        clause_rows = np.stack([vectors[1 - side][piece] for piece in pieces])
        candidates = normalise(own[side][taken])
        closest = (candidates @ clause_rows.T).max(axis=1)
        # A clause must say it better than its whole sentence does: a contract's "iii) immediately,
        # if the other party becomes insolvent." left out beside "ii) immédiatement, si l'autre
        # partie commet un manquement grave." reads like every part of that neighbour.
        whole = (candidates @ normalise(own[1 - side][sorted(other_ids)]).T).max(axis=1)
        for k, cosine, in_pair in zip(taken, closest, whole):
            elsewhere = best[side][k] if int(best_id[side][k]) not in other_ids else second[side][k]
            if cosine >= max(elsewhere, in_pair) + margin:
                out[side].discard(k)
    return frozenset(out[0]), frozenset(out[1])


def _crossed(src_ids, tgt_ids, src_len, tgt_len, proposed_src, proposed_tgt, expected, src_min, tgt_min):
    """A sentence left out and an unrelated one added side by side make a 2-2 bead whose lengths
    fit as well as a pair's: taken one at a time, neither improves the fit, and the bead stood
    as a match ("7 matched, 0 left out, 0 added" on a text with one of each). Taken together,
    when the lower-skip pass leaves one of each unaligned and the pair left fits at least as well.
    Only in a 2-2 bead: on the dev sets every case found was one (`/tmp/tl/crossed.py`, audit
    benchmark: the same with 3-3 beads allowed or not), and larger beads are regroupings."""
    if len(src_ids) != 2 or len(tgt_ids) != 2:
        return [], []  # a bead of three or more a side is a regrouping more often than not
    src_taken = [i for i in src_ids if i in proposed_src and src_len[i] >= src_min]
    tgt_taken = [j for j in tgt_ids if j in proposed_tgt and tgt_len[j] >= tgt_min]
    if not src_taken or not tgt_taken or len(src_taken) == len(src_ids) or len(tgt_taken) == len(tgt_ids):
        return [], []
    src_chars, tgt_chars = float(sum(src_len[i] for i in src_ids)), float(sum(tgt_len[j] for j in tgt_ids))
    removed_src, removed_tgt = float(sum(src_len[i] for i in src_taken)), float(sum(tgt_len[j] for j in tgt_taken))
    if misfit(src_chars - removed_src, tgt_chars - removed_tgt, expected) > misfit(src_chars, tgt_chars, expected):
        return [], []
    return src_taken, tgt_taken


# A 2-2 pair holds one sentence left out and one added when a single one of its four sentence
# pairs is as close as the document's usual pair (its 1-1 pairs' median or better) and the other
# three are as far apart as its worst pairs (under their 0.5th percentile): one of each side has
# nothing to do with the pair. Percentiles of the document's own pairs, so that Chinese-English
# (cosines well under French-English ones) is held to its own scale. (Close as each other's
# nearest sentence in the other text instead cost Candide el 0.002 omission and addition F1 and
# 4 false alarms on unchanged articles.)
CROSSED_STRONG_PERCENTILE = 50
CROSSED_WEAK_PERCENTILE = 0.5
MIN_PAIRS_FOR_PERCENTILES = 5


def usual_pair_cosines(pairs, src_emb, tgt_emb) -> np.ndarray | None:
    """The cosines of the document's 1-1 pairs, the scale its percentiles are read on; None with
    fewer than MIN_PAIRS_FOR_PERCENTILES of them."""
    ones = [(s[0], t[0]) for s, t in pairs if len(s) == 1 and len(t) == 1]
    if len(ones) < MIN_PAIRS_FOR_PERCENTILES:
        return None
    src_ids, tgt_ids = np.array(ones).T
    # In slices: the 1-1 pairs' vectors at once were two copies of both texts (400 MB at 100,000
    # sentences).
    return np.concatenate([np.einsum("ij,ij->i", normalise(src_emb[src_ids[k:k + 4096]]),
                                     normalise(tgt_emb[tgt_ids[k:k + 4096]]))
                           for k in range(0, len(src_ids), 4096)])


def unrelated_in_two_by_two(pairs, src_emb, tgt_emb, src_len, tgt_len, min_length: float,
                            diluted_min_length: float | None = None) -> tuple[frozenset[int], frozenset[int]]:
    """The source and target sentences of 2-2 pairs that neither sentence of the other side
    means (see CROSSED_STRONG_PERCENTILE). A German sentence dropped and an unrelated Dutch one
    added beside the sentence before it made a 2-2 pair, reported as an editorial "regrouped"
    (its lengths fit a pair's, so the length test of `absorbed_sentences` had nothing to go on).

    With `diluted_min_length`, also where the close pair is under the document's median but reads
    closer alone than the whole pair does (see `_diluted`); such sentences need only this share of
    their side's median length."""
    twos = [(s, t) for s, t in pairs if len(s) == 2 and len(t) == 2]
    usual = usual_pair_cosines(pairs, src_emb, tgt_emb) if twos else None
    if usual is None:
        return frozenset(), frozenset()
    strong, weak = np.percentile(usual, [CROSSED_STRONG_PERCENTILE, CROSSED_WEAK_PERCENTILE])
    src_out: set[int] = set()
    tgt_out: set[int] = set()
    src_median, tgt_median = float(np.median(src_len)), float(np.median(tgt_len))
    for s, t in twos:
        cosines = normalise(src_emb[list(s)]) @ normalise(tgt_emb[list(t)]).T
        close = np.argwhere(cosines >= strong)
        share = min_length
        if len(close) != 1 and diluted_min_length is not None:
            close = _diluted(cosines, weak, src_emb, tgt_emb, s, t)
            share = diluted_min_length
        if len(close) == 1 and (cosines < weak).sum() >= 3:
            a, b = close[0]
            # A short line ("Oh!", "said Alice") is far from everything: too little to go on.
            if src_len[s[1 - a]] >= share * src_median and tgt_len[t[1 - b]] >= share * tgt_median:
                src_out.add(s[1 - a])
                tgt_out.add(t[1 - b])
    return frozenset(src_out), frozenset(tgt_out)


def unrelated_in_merges(pairs, src_emb, tgt_emb, src_len, tgt_len, min_length: float,
                        usual_percentile: float | None = 10) -> tuple[frozenset[int], frozenset[int]]:
    """The sentence of an n-1 or 1-n pair (source ids, target ids) that the pair's one sentence does
    not mean: its cosine to it under the document's weakest pairs (CROSSED_WEAK_PERCENTILE) and
    under half that of the bead's best sentence, which reads as a usual pair of the document (at
    least `usual_percentile` of its 1-1 pairs), the bead reading closer without it, and at least
    `min_length` times its side's median length. None: never.

    For the fallback encoder (multilingual-e5), which runs no clause checks: their whole-sentence
    clauses find such a sentence on USE v3. Its vectors are centred (aligner.centred_if_anisotropic),
    which leaves two sentences of a text near orthogonal, so a stranger costs a bead little:
    "Adults must show an identity card to register." left out of a Hindi article read 0.28 to the
    "children" sentence its neighbour pairs at 0.78, yet the two together still read 0.75, and
    both the DP (at any skip cost) and the length test (Hindi runs long) kept it as a "merge". In
    seven languages of a probe article a sentence left out was an editorial merge, in eleven an
    added one a split. On USE v3's vectors the same test cost Text+Berg dev 0.05 omission F1 and
    MAC 0.13 addition F1: it runs on the fallback's alone (pipeline)."""
    from ..neighbours import bead_cosine

    if usual_percentile is None:
        return frozenset(), frozenset()
    usual = usual_pair_cosines(pairs, src_emb, tgt_emb)
    if usual is None:
        return frozenset(), frozenset()
    weak, usual_bar = np.percentile(usual, [CROSSED_WEAK_PERCENTILE, usual_percentile])
    medians = (float(np.median(src_len)), float(np.median(tgt_len)))
    out: tuple[set[int], set[int]] = (set(), set())
    for src_ids, tgt_ids in pairs:
        if len(src_ids) >= 2 and len(tgt_ids) == 1:
            side, many, one = 0, list(src_ids), list(tgt_ids)
        elif len(tgt_ids) >= 2 and len(src_ids) == 1:
            side, many, one = 1, list(tgt_ids), list(src_ids)
        else:
            continue
        many_emb, one_emb = (src_emb, tgt_emb) if side == 0 else (tgt_emb, src_emb)
        cosines = (normalise(many_emb[many]) @ normalise(one_emb[one]).T)[:, 0]
        stranger = int(np.argmin(cosines))
        rest = [many[i] for i in range(len(many)) if i != stranger]
        best = float(np.delete(cosines, stranger).max())
        if not (cosines[stranger] < weak and cosines[stranger] < 0.5 * best and best >= usual_bar):
            continue
        if (src_len, tgt_len)[side][many[stranger]] < min_length * medians[side]:
            continue
        if bead_cosine(many_emb, one_emb, rest, one) > bead_cosine(many_emb, one_emb, many, one):
            out[side].add(many[stranger])
    return frozenset(out[0]), frozenset(out[1])


# ... and the other two sentences less alike than this share of the close pair.
DILUTED_CROSS_SHARE = 0.5


def _diluted(cosines, weak: float, src_emb, tgt_emb, s, t) -> np.ndarray:
    """The one sentence pair of a 2-2 bead that the bead's other two sentences only dilute: its
    three other pairs under the document's `weak` percentile, and the pair alone closer than the
    whole bead. "The fair closes on 6 February." left out and "L'entrée est gratuite pour les
    enfants de moins de six ans." added after the next sentence made a 2-2 pair with it whose one
    close pair (the shuttle bus, 0.60) stood under every 1-1 pair of the short article, so the
    median test missed it: an editorial "regrouped" and 100 % coverage. The bead read 0.47, its
    pair 0.60: a real regrouping shares its meaning across the cut, and reads closer whole than
    any of its parts. Empty where that does not hold.

    Dev sets, 6 injected variants a document: Candide el addition F1 0.645 -> 0.650, omission
    0.811 -> 0.809, the rest unchanged; every sentence of the 16 languages' articles left out with
    the inserted sentence put after the next one: omissions found 93 -> 114 of 127, additions 88 ->
    112, no false alarm (two sentences on: 71 -> 72 and 75, one false alarm). The same test for any
    sentence of a larger bead cost Text+Berg 0.076 addition F1 and Candide es 0.014 omission F1."""
    from ..neighbours import bead_cosine

    best = int(np.argmax(cosines))
    a, b = divmod(best, 2)
    if (np.delete(cosines.ravel(), best) >= weak).any() or cosines.flat[best] <= bead_cosine(src_emb, tgt_emb, s, t):
        return np.empty((0, 2), dtype=int)
    # The two sentences it would call left out and added must not be each other's translation: in
    # a page that OCR ran into the next (Text+Berg test4, "Wenn irgendwann..." / "Quand une partie
    # de mon passé..."), the two read 0.40 to the close pair's 0.54, and were reported so.
    if cosines[1 - a, 1 - b] >= DILUTED_CROSS_SHARE * cosines[a, b]:
        return np.empty((0, 2), dtype=int)
    return np.array([[a, b]])


def paragraph_strays(pairs, src_paragraphs, tgt_paragraphs, src_emb, tgt_emb) -> tuple[frozenset[int], frozenset[int]]:
    """Sentences that stand in a paragraph of their own inside a pair whose other side keeps to one
    paragraph, and whose meaning is not on that side: the pair's cosine is no lower without them.

    A one-sentence paragraph left out of the translation ("The river made it rich.", between two
    paragraphs) was merged into its neighbour's pair and reported as an editorial merge: too short
    for the length test of `absorbed_sentences`, and where every paragraph is one sentence the
    aligner does not read paragraph breaks (translators join such lines). A translator who joins a
    paragraph to the next sentence keeps its meaning, and the pair then embeds closer with it."""
    from ..neighbours import bead_cosine

    out: tuple[set[int], set[int]] = (set(), set())
    paragraphs = (src_paragraphs, tgt_paragraphs)
    for src_ids, tgt_ids in pairs:
        for side, (own, other) in enumerate(((src_ids, tgt_ids), (tgt_ids, src_ids))):
            if len(own) < 2 or not other or len({paragraphs[1 - side][k] for k in other}) > 1:
                continue
            held = [paragraphs[side][k] for k in own]
            if len(set(held)) < 2:
                continue
            ids = (src_ids, tgt_ids)
            whole = bead_cosine(src_emb, tgt_emb, *ids)
            for k, paragraph in zip(own, held):
                if held.count(paragraph) > 1 or len(own) - len(out[side] & set(own)) < 2:
                    continue
                rest = tuple(x for x in own if x != k)
                without = bead_cosine(src_emb, tgt_emb, *((rest, tgt_ids) if side == 0 else (src_ids, rest)))
                if without >= whole:
                    out[side].add(k)
    return frozenset(out[0]), frozenset(out[1])


_NOT_WORD = re.compile(r"[\W_]+")
# A block of sentences said again this far on at most (a song's chorus of a few lines).
REPEAT_WINDOW = 6


def repeated_in_pairs(pairs, src_texts, tgt_texts, src_words, tgt_words, min_words: int) -> tuple[frozenset[int], frozenset[int]]:
    """Sentences of a many-sentence pair that their side has just said, where the pair's other
    side repeats fewer: what one side says again, the other says once.

    The second "Le reste sera financé par un emprunt municipal." of a machine translation caught
    in a loop made a 1-2 pair with its one source sentence, an editorial split that `--min-severity
    content` hid; a song's last chorus left out made a 3-1 pair whose first chorus line the length
    test took for the one left out. A repeat is the same words in the same order (case and
    punctuation aside) as the sentence before it, or, with a neighbour of its own, as a block of
    sentences up to REPEAT_WINDOW before: a sentence alone said again further on is a novel's
    ("'Stand and deliver!'"), and its translator may well word it otherwise the second time (MAC
    zh-en dev: four false omissions and four false additions). Lines of `min_words` words or fewer
    ("Non, non.") are left to the length test: a translator may double or drop those."""
    out: tuple[set[int], set[int]] = (set(), set())
    texts, words = (src_texts, tgt_texts), (src_words, tgt_words)
    keys: tuple[dict[int, str], dict[int, str]] = ({}, {})

    def key(side: int, k: int) -> str | None:
        if not 0 <= k < len(texts[side]):
            return None
        if k not in keys[side]:
            keys[side][k] = _NOT_WORD.sub(" ", texts[side][k]).strip().casefold()
        return keys[side][k]

    def repeats(side: int, k: int) -> bool:
        if words[side][k] <= min_words:
            return False
        if key(side, k) == key(side, k - 1):
            return True
        return any(key(side, k) == key(side, k - d)
                   and (key(side, k - 1) == key(side, k - 1 - d) or key(side, k + 1) == key(side, k + 1 - d))
                   for d in range(2, REPEAT_WINDOW + 1))

    for ids in pairs:
        if len(ids[0]) < 2 and len(ids[1]) < 2:
            continue
        again = [[k for k in ids[side] if repeats(side, k)] for side in (0, 1)]
        for side in (0, 1):
            # Never the whole side: a pair renders something of it. Of a paragraph said fifty times,
            # numbered as a list on one side ("45. ..."), both sentences of a 2-2 pair were left out,
            # its target rendering nothing, and `align versions` lost that target's id.
            extra = min(len(again[side]) - len(again[1 - side]), len(ids[side]) - 1)
            if extra > 0:
                out[side].update(again[side][-extra:])
    return frozenset(out[0]), frozenset(out[1])


def unmatched_figures_in_pairs(pairs, texts, langs) -> tuple[frozenset[int], frozenset[int]]:
    """Sentences of many-sentence pairs that hold figures (written in digits) none of which the
    pair's other side holds, where every figure of that side has its counterpart in the sentences
    beside them: proposed to the length test as the lower-skip pass's are.

    A figure is a lexical anchor no encoder blurs. "The 78 mobile gates, installed at the three
    inlets [...], rose within about 30 minutes." left out of an Italian article was merged into its
    neighbour's pair by a whisker (its 2-1 bead gained 0.615 where the 1-1 pair less the lower
    pass's skip gained 0.609), an editorial "merge"; its figures stand nowhere on the other side,
    whose own figures its neighbour accounts for. A figure changed by the translator leaves one
    there unaccounted for: a fact mismatch of the pair, not a sentence left out. Such a sentence needs only
    `AuditThresholds.absorbed_figures` of its side's median length, the figure being evidence of
    its own: "Кроме того, в 2024 г. планируется повторная экспедиция в северную часть озера." (79
    characters) added to a Russian article of long sentences stood in a split. `python -m
    benchmarks --only audit --split dev --cache --variants 6`: Text+Berg dev omission F1 0.881 ->
    0.897, Candide es 0.854 -> 0.853, the rest unchanged (with 0.3 of the median length, Text+Berg
    dev addition F1 -0.023); `python -m benchmarks.multilingual --sweep`: omissions found 164 ->
    167 of 177 in whole articles and 103 -> 106 of 109 in short ones, additions 164 -> 170 and 97
    -> 105, no false alarm. `texts`, `langs`: (source, target)."""
    from .facts import extract_numbers
    from .facts.numbers import _matched

    out: tuple[set[int], set[int]] = (set(), set())
    cache: tuple[dict, dict] = ({}, {})

    def figures(side: int, k: int):
        if k not in cache[side]:
            cache[side][k] = [q for q in extract_numbers(texts[side][k], langs[side]) if q.strong]
        return cache[side][k]

    for ids in pairs:
        for side in (0, 1):
            own, other = ids[side], ids[1 - side]
            if len(own) < 2 or not other:
                continue
            other_figures = [q for k in other for q in figures(1 - side, k)]
            for k in own:
                mine = figures(side, k)
                if not mine or any(_matched(q, mine, other_figures) for q in mine):
                    continue
                mates = [q for j in own if j != k for q in figures(side, j)]
                if all(_matched(q, other_figures, mates) for q in other_figures):
                    out[side].add(k)
    return frozenset(out[0]), frozenset(out[1])
