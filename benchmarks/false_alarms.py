"""How often do fact and partial-difference checks fire on gold beads of real translations?

Gold beads pair sentences that do translate each other, so every finding on them is either a
real translator's liberty or a false alarm; this script counts them (per 100 beads with both
sides non-empty) and, with --sample, prints findings at random for a hand check.

    python -m benchmarks.false_alarms                  # counts per corpus
    python -m benchmarks.false_alarms --sample 20 --seed 0
    python -m benchmarks.false_alarms --corpus textberg --sample 20 --seed 1   # one corpus only
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

DATA = Path(os.environ.get("ALIGN_DATA", "/work/shared/data"))


def _parse_bead(line: str) -> tuple[list[int], list[int]]:
    left, right = line.strip().split(":")
    ids = lambda part: [int(x) for x in re.findall(r"\d+", part)]  # noqa: E731
    return ids(left), ids(right)


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def text_berg_beads(root: Path) -> list[tuple[str, str, str]]:
    """(document, German, French) for every test bead with both sides non-empty."""
    beads = []
    for gold in sorted(root.glob("test*.defr")):
        de, fr = _read_lines(gold.with_suffix(".de")), _read_lines(gold.with_suffix(".fr"))
        for line in _read_lines(gold):
            if not line.strip():
                continue
            d, f = _parse_bead(line)
            if d and f:
                beads.append((gold.stem, " ".join(de[i].strip() for i in d), " ".join(fr[i].strip() for i in f)))
    return beads


def transread_beads(root: Path) -> list[tuple[str, str, str]]:
    """(book, French, English) for every bead with both sides non-empty (gold is French -> English)."""
    beads = []
    for gold in sorted((root / "gold").iterdir()):
        fr, en = _read_lines(root / "fr" / gold.name), _read_lines(root / "en" / gold.name)
        for line in _read_lines(gold):
            if not line.strip():
                continue
            f, e = _parse_bead(line)
            if f and e:
                beads.append((gold.name, " ".join(fr[i].strip() for i in f), " ".join(en[i].strip() for i in e)))
    return beads


CORPORA = {
    # name: (loader, folder, source language, target language)
    "text+berg test (de-fr)": (text_berg_beads, "text-berg-de-fr", "de", "fr"),
    "transread novels (fr-en)": (transread_beads, "transread-limsi-en-fr", "fr", "en"),
}
# --corpus choices; each corpus is its own batch, so restricting does not change its rates.
SHORT_NAMES = {"textberg": "text+berg test (de-fr)", "transread": "transread novels (fr-en)"}


def run(sample: int = 0, seed: int = 0, out=sys.stdout, corpus_only: str | None = None) -> dict[str, dict[str, float]]:
    from align.encoders import load_encoder
    from align.facts import compare_facts
    from align.partial import partial_differences_batch

    # The on-disk cache makes the second run (the hand check with --sample) take seconds.
    encoder = load_encoder("use")
    table: dict[str, dict[str, float]] = {}
    findings: list[tuple[str, str, str, str, str]] = []  # corpus, document, kind + message, src, tgt
    for corpus, (loader, folder, src_lang, tgt_lang) in CORPORA.items():
        if corpus_only and corpus != SHORT_NAMES[corpus_only]:
            continue
        root = DATA / folder
        if not root.exists():
            print(f"{corpus}: {root} not found, skipped", file=out)
            continue
        beads = loader(root)
        started = time.perf_counter()
        facts = [compare_facts(s, t, src_lang, tgt_lang) for _, s, t in beads]
        fact_seconds = time.perf_counter() - started
        started = time.perf_counter()
        partials = partial_differences_batch([(s, t) for _, s, t in beads], encoder, src_lang, tgt_lang)
        partial_seconds = time.perf_counter() - started
        counts = {"beads": len(beads), "number": 0, "name": 0, "partial_omission": 0, "partial_addition": 0}
        for (doc, s, t), fs, ps in zip(beads, facts, partials):
            for f in fs:
                counts[f.kind] += 1
                findings.append((corpus, doc, f"fact: {f.message}", s, t))
            for p in ps:
                counts[p.kind] += 1
                findings.append((corpus, doc, f"{p.kind} ({p.score:.2f}): {p.text}", s, t))
        per100 = {k: 100.0 * v / max(1, len(beads)) for k, v in counts.items() if k != "beads"}
        table[corpus] = {"beads": len(beads), **per100}
        print(
            f"{corpus}: {len(beads)} beads | per 100 beads: "
            f"fact mismatches {per100['number'] + per100['name']:.2f} "
            f"(number {per100['number']:.2f}, name {per100['name']:.2f}) | "
            f"partial omissions {per100['partial_omission']:.2f}, additions {per100['partial_addition']:.2f} "
            f"| {fact_seconds:.1f} s facts, {partial_seconds:.1f} s partial",
            file=out,
        )
    if sample and findings:
        rng = random.Random(seed)
        picked = rng.sample(findings, min(sample, len(findings)))
        for n, (corpus, doc, what, s, t) in enumerate(picked, 1):
            print(f"\n#{n} [{corpus} / {doc}] {what}\n  SRC: {s}\n  TGT: {t}", file=out)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print this many random findings with both texts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", choices=sorted(SHORT_NAMES), help="rates and sample for this corpus only")
    args = parser.parse_args(argv)
    run(sample=args.sample, seed=args.seed, corpus_only=args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
