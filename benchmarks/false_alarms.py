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
import random
import sys
import time

from .data import CORPORA as DATA_CORPORA
from .data import load


def gold_pairs(docs) -> list[tuple[str, str, str]]:
    """(document, source, target) for every gold bead with both sides non-empty."""
    return [(doc.name, " ".join(doc.src[i] for i in src), " ".join(doc.tgt[j] for j in tgt))
            for doc in docs for src, tgt in doc.gold if src and tgt]


CORPORA = {
    # label: (corpus, split); all six TransRead novels
    "text+berg test (de-fr)": ("textberg", "test"),
    "transread novels (fr-en)": ("transread", "all"),
    "mac dev (zh-en)": ("mac", "dev"),
    "candide (en-es)": ("candide-es", "dev"),
}
# --corpus choices; each corpus is its own batch, so restricting does not change its rates.
SHORT_NAMES = {name: label for label, (name, _split) in CORPORA.items()}


def run(sample: int = 0, seed: int = 0, out=sys.stdout, corpus_only: str | None = None,
        data_dir=None) -> dict[str, dict[str, float]]:
    from align.audit.facts import compare_facts, speaker_mismatches
    from align.audit.partial import partial_differences_batch
    from align.audit.qa import length_outliers, untranslated
    from align.encoders import load_encoder

    # The on-disk cache makes the second run (the hand check with --sample) take seconds.
    encoder = load_encoder("use")
    table: dict[str, dict[str, float]] = {}
    findings: list[tuple[str, str, str, str, str]] = []  # corpus, document, kind + message, src, tgt
    for corpus, (name, split) in CORPORA.items():
        if corpus_only and corpus != SHORT_NAMES[corpus_only]:
            continue
        src_lang, tgt_lang = DATA_CORPORA[name].src_lang, DATA_CORPORA[name].tgt_lang
        try:
            docs = load(name, split, data_dir)
            beads = gold_pairs(docs)
        except FileNotFoundError as missing:
            print(f"{corpus}: {missing.filename} not found, skipped", file=out)
            continue
        started = time.perf_counter()
        facts = [compare_facts(s, t, src_lang, tgt_lang) for _, s, t in beads]
        fact_seconds = time.perf_counter() - started
        started = time.perf_counter()
        partials = partial_differences_batch([(s, t) for _, s, t in beads], encoder, src_lang, tgt_lang)
        partial_seconds = time.perf_counter() - started
        counts = {"beads": len(beads), "number": 0, "name": 0, "speaker": 0, "address": 0, "partial_omission": 0,
                  "partial_addition": 0, "untranslated": 0, "length": 0}
        for (doc, s, t), fs, ps in zip(beads, facts, partials):
            for f in fs:
                kind = "number" if f.kind in ("date", "time", "currency") else f.kind  # the figures' checks
                counts[kind if kind in counts else "address"] += 1
                findings.append((corpus, doc, f"fact: {f.message}", s, t))
            for p in ps:
                counts[p.kind] += 1
                findings.append((corpus, doc, f"{p.kind} ({p.score:.2f}): {p.text}", s, t))
        # A speaker's label is matched with its translation over a whole document's pairs.
        for gold_doc in docs:
            pairs = [(src, tgt) for src, tgt in gold_doc.gold if src and tgt]
            for index, f in sorted(speaker_mismatches(pairs, gold_doc.src, gold_doc.tgt).items()):
                counts["speaker"] += 1
                src, tgt = pairs[index]
                findings.append((corpus, gold_doc.name, f"fact: {f.message}", " ".join(gold_doc.src[i] for i in src),
                                 " ".join(gold_doc.tgt[j] for j in tgt)))
        # Length is judged against each document's own pairs, so the pair checks run a document at a time.
        for document in dict.fromkeys(doc for doc, _, _ in beads):
            texts = [(s, t) for doc, s, t in beads if doc == document]
            for issue in untranslated(texts, src_lang, tgt_lang) + length_outliers(texts):
                counts[issue.kind] += 1
                findings.append((corpus, document, f"{issue.kind}: {issue.message}", *texts[issue.index]))
        per100 = {k: 100.0 * v / max(1, len(beads)) for k, v in counts.items() if k != "beads"}
        table[corpus] = {"beads": len(beads), **per100}
        print(
            f"{corpus}: {len(beads)} beads | per 100 beads: "
            f"fact mismatches {per100['number'] + per100['name'] + per100['speaker']:.2f} "
            f"(number {per100['number']:.2f}, name {per100['name']:.2f}, speaker {per100['speaker']:.2f}) | "
            f"partial omissions {per100['partial_omission']:.2f}, additions {per100['partial_addition']:.2f} | "
            f"addresses {per100['address']:.2f}, untranslated {per100['untranslated']:.2f}, "
            f"length {per100['length']:.2f} "
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
    parser.add_argument("--data", help="folder holding the gold sets (default ../shared/data)")
    args = parser.parse_args(argv)
    run(sample=args.sample, seed=args.seed, corpus_only=args.corpus, data_dir=args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
