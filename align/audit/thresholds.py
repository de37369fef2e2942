"""The audit's thresholds: one frozen record, so that a result's signature can name every one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditThresholds:
    """Absolute thresholds of the audit. They go into the result's signature."""

    min_pair_cosine: float = 0.10  # a bead less similar than this is no translation pair
    anchor_cosine: float = 0.55  # a bead this similar is a translation pair whatever its context ...
    anchor_quantile: float = 0.5  # ... or as similar as this quantile of the document's best matches,
    anchor_floor: float = 0.40  # when that quantile is at least this (unrelated texts: 0.32-0.36)
    anchor_context: int = 5  # a weaker pair needs an anchor this many beads away or nearer
    # ... or a pair of sentences that are each other's nearest by this margin over their runners-up:
    # an anchor by the document's own measure, where a language pair's cosines run low (zh-en).
    anchor_margin: float = 0.02
    # ... and a text with no pair at the fixed anchor cosine is a translation when this share of its
    # shorter side stands in such anchors (see findings._is_translation)
    anchor_share: float = 0.2
    min_move_cosine: float = 0.40  # out-of-order pairs must also be each other's best match
    block_cosine: float = 0.25  # next to a re-paired sentence, the rest of its block needs only this
    min_anchors_for_moves: int = 3  # only a text that is a translation somewhere has moved parts
    displaced_margin: float = 0.10  # how much more similar a moved pair must be than where the aligner put it
    # ... and where the aligner put either sentence beside a partner this share of the pair's own
    # cosine or more, it stands at home in a text that repeats itself, and is not moved
    home_share: float = 0.6
    # ... or a clause, or two neighbouring ones, of a partner at home this share as alike
    # (moves.home_clause_fit): a part of a sentence meets a stranger's words more easily than the
    # whole, so it must say the sentence more nearly as well as its twin far off. Candide el's false
    # move ("... they arrived at Portsmouth." / "... φτάσανε στο Μπορντώ.", 0.46) had a clause at home
    # at 0.43 (0.93). Dev audit, 6 variants: at 0.8 (and 0.7) Candide el moved F1 0.889 -> 0.912,
    # Candide es addition 0.682 -> 0.692 and moved 0.893 -> 0.902, the rest identical; at 0.9 the
    # same for el, es unchanged; at 0.6 Text+Berg dev lost 0.013 omission F1 (true seeds of its
    # injected variants with a home clause at 0.60-0.65 of their cosine).
    home_clause_share: float = 0.8
    unique_margin: float = 0.10  # ... and than either sentence is to its runner-up
    move_distance: int = 3  # sentences off the aligner's path before a pair counts as moved
    min_seed_chars: int = 30  # a moved block starts from sentences at least this long
    trim_gain: float = 0.0  # drop an end sentence from a bead when that raises its cosine this much
    translation_coverage: float = 0.80  # both sides this covered: a translation
    partial_coverage: float = 0.25  # either side this covered: a partial translation
    related_cosine: float = 0.35  # mean best similarity of an unrelated-but-same-topic text
    fragment_words: int = 4  # an unmatched sentence this short joins the matched one beside it
    # ... and a longer one joins it where that brings the pair's log length ratio more than this
    # closer to the document's usual one (None: never)
    attach_fit: float | None = 0.0
    # ... and keeps at least this share of the pair's cosine with it: "Work on the first bus lanes
    # will begin in March." left out of a Vietnamese article filled its neighbour's length and was
    # joined to it, the pair's cosine falling from 0.50 to 0.18 (an editorial "merge"). Dev sets,
    # 6 injected variants a document: Candide el omission F1 +0.002, addition +0.005, the rest
    # unchanged (0.7 cost Candide es 0.032 addition F1; 0.6 alarmed once more in el's windows).
    attach_min_share: float = 0.5
    # A second pass at this skip cost proposes sentences absorbed into a neighbour's bead (0: off),
    # reported when at least this share of their side's median sentence length; see align/audit/absorbed.py.
    # A 1-1 pair less similar than this share of the document's median pair is a sentence
    # replaced by another (see findings._weak_replaced)
    # when both sides have at least replaced_min_words words (short lines embed too vaguely).
    replaced_share: float = 0.35
    replaced_min_words: int = 8
    # Two 1-1 pairs shifted by one are re-paired (findings._unshift) when the pair across them is
    # this much more alike than the better of the two.
    shift_margin: float = 0.2
    # A source sentence's lone partner that reads this much closer to the neighbouring pair's source
    # goes to that pair, the sentence left out (findings._part_of_neighbour; None: never).
    neighbour_part_margin: float | None = 0.1
    absorbed_skip: float = 0.1
    # ... and source sentences (left out) by a pass at this tau as well (None: the aligner's): a pair
    # must read that much more alike to keep a sentence in it. Omission F1, 6 injected variants a
    # document: dev Text+Berg 0.897 -> 0.905, Alice 0.859 -> 0.868, MAC 0.786 -> 0.787, Candide es
    # 0.856 -> 0.859, el 0.818 -> 0.825; test Text+Berg 0.831 -> 0.835, TransRead 0.885 -> 0.889
    # (single sentences found 219 -> 224 of 330), precision nowhere lower. The target's sentences
    # keep the aligner's tau: at this one MAC's English, several sentences to one Chinese, had
    # sentences of its splits proposed as added (addition F1 0.665 -> 0.656) and no other dev set
    # found one addition more. The cost shows where the source holds the splits: MAC read the
    # other way round (English -> Chinese) loses omission F1 0.664 -> 0.659, TransRead's novels
    # read English -> French gain 0.815 -> 0.821.
    absorbed_omission_tau: float | None = -0.05
    # ... and so are sentences whose figures the other side of their pair lacks, all its own
    # figures accounted for (absorbed.unmatched_figures_in_pairs), when at least this share of
    # their side's median sentence length (None: not proposed so); the figure is evidence of its
    # own, where the length test alone needs longer sentences
    absorbed_figures: float | None = 0.5
    # A sentence that the pass leaves unaligned and whose figures stand nowhere on the other side
    # has two signs of its own: the length test then only asks that the pair fit no worse than
    # this (log length ratio) without it. "In Israel, about 1,000 people are diagnosed with the
    # disease each year." left out of a Hebrew article stood in a 2-1 pair that fit 0.03 worse
    # without it: the Hebrew of its neighbour runs long.
    absorbed_sure_tolerance: float = 0.05
    absorbed_min_length: float = 0.75
    # ... or, for a sentence left out and one added in one bead, taken together (absorbed._crossed),
    # this share: the pass must then leave one of each unaligned, which a real regrouping seldom
    # does (0.75 missed an added "Un buffet a été servi aux participants." at 0.64 of its median).
    absorbed_crossed_min_length: float = 0.5
    # A pair where that pass leaves sentences of both sides unaligned is judged by the crossed test
    # alone, not one side at a time: the two are often a loose pair of each other, one too short to
    # be taken ("C'est tout simple —" / "'Treacle,' said the Dormouse, ..." in a 3-2 bead of Alice:
    # the English one alone made the pair fit, a false addition in 4 of 6 variants). Dev audit,
    # omission / addition F1: Alice +0 / +0.004, Candide es +0 / +0.003, el -0.000 / +0.002, the
    # rest unchanged; with the final pass's regrouping (AlignConfig.final_tau) Alice 0.642 -> 0.662.
    absorbed_both_sides: bool = True
    # ... unless it is as close to the other side of its pair as this percentile of the document's
    # own 1-1 pairs (absorbed.translated_in_pair; None: never kept so).
    absorbed_translated_percentile: float | None = 40
    # ... or when a clause of the other side of its pair is this much closer to it than any sentence
    # of the other side outside the pair (absorbed.translated_in_clauses; None: never kept so).
    absorbed_clause_margin: float | None = 0.03
    # On the fallback encoder, which runs no clause checks, a sentence of an n-1 or 1-n pair that
    # the one sentence does not mean is left out or added when the bead's best sentence reads at
    # least as this percentile of the document's 1-1 pairs (absorbed.unrelated_in_merges; None:
    # never). A probe article in 17 languages on the fallback: a sentence left out found in 17
    # (10 before), one added in 12 (7); `python -m benchmarks.multilingual --sweep`, its six
    # fallback languages: 2 more found, no false alarm; Candide el, 6 injected variants: omission
    # F1 0.825 -> 0.822, addition 0.660 -> 0.661, single sentences left out found 75 -> 80 of 120.
    # At the 25th percentile: 16 and 10 of 17, el 0.825 / 0.658, 79; at half the median length
    # instead of 0.75: el addition F1 0.55.
    fallback_merge_percentile: float | None = 10

    # A text whose sentences stand each on a line of its own, those lines of a median of at most
    # this many words, is a list of items (software UI strings, a glossary's terms); None: never.
    # Where both sides are, a pair holding more lines of one side than of the other is lines left
    # out or added, not a merge or split (a translator keeps one string a line), and a line is a
    # list item, not a headline (findings.structural_findings, pipeline._listed). Probe files: UI
    # strings en/ru 2 words a line, a glossary's one; lyrics 6, slides 3 (de) and 4 (en), chat 9-10,
    # tweets 12 and more; the dev sets' gold files put every sentence in one paragraph, and are
    # never lists. A UI list with "Cut" left out read "Redo" / "Cut" against "Повторить" as an
    # editorial merge; an added string was an editorial headline.
    list_item_words: int | None = 3

    def to_dict(self) -> dict:
        return dict(self.__dict__)
