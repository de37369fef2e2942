"""Strict and lax precision / recall / F1 of sentence alignments (Sennrich & Volk 2010), written
to give the same numbers as the scorer that Vecalign, Bertalign and SentAlign report with.

A bead is a pair (source ids, target ids); either side may be empty (a "null" bead).

Precision is taken over every predicted bead, null ones included:
  strict hit: the bead is identical to a gold bead;
  lax hit:    strict hit, or the bead contains a (source, target) sentence pair that lies inside one
              gold bead (so a null predicted bead can only be a strict hit).
Recall is taken over the gold beads whose two sides are both non-empty, against the predicted beads
whose two sides are both non-empty, with the same two tests in the other direction.
Beads are counted once each (duplicates collapse) and beads empty on both sides are ignored.
Counts are summed over documents before P and R are computed, so long documents weigh more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable, Sequence

Bead = tuple[tuple[int, ...], tuple[int, ...]]
Beads = list[Bead]

# "[0, 1]:[2]" as gold files write a bead; aligners (and `align pair -f beads`) add ":score".
_BEAD_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*[-+\d.eE]+\s*)?$")


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(tok) for tok in text.replace(",", " ").split())


def parse_gold(text: str) -> Beads:
    beads: Beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _BEAD_LINE.match(line)
        if not match:
            raise ValueError(f"line {number}: not a bead: {line!r}")
        beads.append((_ids(match.group(1)), _ids(match.group(2))))
    return beads


def read_gold(path: Path | str) -> Beads:
    return parse_gold(Path(path).read_text(encoding="utf-8"))


def format_beads(beads: Iterable[Bead]) -> str:
    return "".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n" for s, t in beads)


def as_beads(items: Iterable) -> Beads:
    """Accepts (src, tgt) pairs, (src, tgt, score) triples or objects with .src/.tgt."""
    out: Beads = []
    for item in items:
        if hasattr(item, "src") and hasattr(item, "tgt"):
            src, tgt = item.src, item.tgt
        else:
            src, tgt = item[0], item[1]
        out.append((tuple(int(i) for i in src), tuple(int(j) for j in tgt)))
    return out


@dataclass
class Counts:
    """Raw counts; add them up over documents, then call `.scores()`."""

    pred: int = 0  # predicted beads (precision denominator)
    pred_strict: int = 0  # ... identical to a gold bead
    pred_lax: int = 0  # ... strict or sharing a sentence pair with one gold bead
    gold: int = 0  # gold beads with both sides non-empty (recall denominator)
    gold_strict: int = 0
    gold_lax: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def scores(self) -> dict[str, float]:
        return scores_from_counts(self)


def _pairs(beads: Iterable[Bead]) -> set[tuple[int, int]]:
    return {(s, t) for src, tgt in beads for s in src for t in tgt}


def _hits(candidates: set[Bead], reference: set[Bead]) -> tuple[int, int]:
    """How many candidates are identical to a reference bead, and how many are identical or share
    a (source, target) pair with one reference bead."""
    ref_pairs = _pairs(reference)
    strict = lax = 0
    for src, tgt in candidates:
        if (src, tgt) in reference:
            strict += 1
            lax += 1
        elif any((s, t) in ref_pairs for s in src for t in tgt):
            lax += 1
    return strict, lax


def count(gold: Sequence, predicted: Sequence) -> Counts:
    gold_set = {b for b in as_beads(gold) if b[0] or b[1]}
    pred_set = {b for b in as_beads(predicted) if b[0] or b[1]}
    p_strict, p_lax = _hits(pred_set, gold_set)
    gold_full = {b for b in gold_set if b[0] and b[1]}
    pred_full = {b for b in pred_set if b[0] and b[1]}
    r_strict, r_lax = _hits(gold_full, pred_full)
    return Counts(pred=len(pred_set), pred_strict=p_strict, pred_lax=p_lax,
                  gold=len(gold_full), gold_strict=r_strict, gold_lax=r_lax)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores_from_counts(c: Counts) -> dict[str, float]:
    ps, pl = _ratio(c.pred_strict, c.pred), _ratio(c.pred_lax, c.pred)
    rs, rl = _ratio(c.gold_strict, c.gold), _ratio(c.gold_lax, c.gold)
    return {
        "precision_strict": ps, "recall_strict": rs, "f1_strict": _f1(ps, rs),
        "precision_lax": pl, "recall_lax": rl, "f1_lax": _f1(pl, rl),
    }


def score(golds: Sequence[Sequence], predictions: Sequence[Sequence]) -> dict[str, float]:
    """Score several documents together (counts summed before dividing)."""
    if len(golds) != len(predictions):
        raise ValueError("need one prediction per gold document")
    total = Counts()
    for gold, pred in zip(golds, predictions):
        total = total + count(gold, pred)
    return total.scores()


def score_doc(gold: Sequence, predicted: Sequence) -> dict[str, float]:
    return count(gold, predicted).scores()


def main(argv=None) -> None:
    """python -m benchmarks.scoring GOLD PREDICTED [GOLD PREDICTED ...]: strict and lax P/R/F1,
    counts summed over the pairs of files, e.g. on the output of `align pair --segmenter lines -f beads`."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.scoring", description=main.__doc__)
    parser.add_argument("files", nargs="+", type=Path, help="gold and predicted bead files, in pairs")
    args = parser.parse_args(argv)
    if len(args.files) % 2:
        parser.error("give the files in pairs: GOLD PREDICTED [GOLD PREDICTED ...]")
    try:
        golds = [read_gold(path) for path in args.files[0::2]]
        predictions = [read_gold(path) for path in args.files[1::2]]
    except (OSError, ValueError) as exc:
        parser.exit(2, f"{parser.prog}: error: {exc}\n")
    result = score(golds, predictions)
    for kind in ("strict", "lax"):
        print(f"{kind:6s}  P {result['precision_' + kind]:.3f}  R {result['recall_' + kind]:.3f}  "
              f"F1 {result['f1_' + kind]:.3f}")


if __name__ == "__main__":
    main()
