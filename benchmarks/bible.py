"""A kind of text none of the gold sets holds: the Bible, King James English against the Spanish
Reina-Valera of 1909, with a sentence-level gold read off the verse numbers.

Debian packages both translations for SWORD (`apt-get install diatheke sword-text-kjv
sword-text-sparv`); nothing is downloaded at run time and nothing is stored in the repository.
Each chapter of a book is one paragraph on each side, cut into sentences by align's own
segmenter, as `align pair` would cut a reader's file. Two sentences (one a side) that share a verse
belong to one gold bead; a gold bead is a connected component of that relation. A verse that holds
two sentences on both sides gives a 2-2 bead even where the sentences pair one to one, so the gold
is coarser than a hand alignment: besides strict F1, "consistent" precision counts the predicted
pairs that lie inside one gold bead, and "consistent" recall the two-sided gold beads that the
prediction covers exactly with pairs of its own.

    python -m benchmarks.bible                   # alignment: align and the Bertalign peer
    python -m benchmarks.bible --audit           # injected changes, scored as the audit benchmark scores them
    python -m benchmarks.bible --books Ruth,Mark --variants 2

It adds a dev set for issue 17 and 18's rule that a change must hold on every kind of text:
archaic, formulaic prose whose neighbouring sentences read alike.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter

from .data import Doc

SOURCE_MODULE = "engKJV2006eb"  # sword-text-kjv
TARGET_MODULE = "spaRV1909eb"  # sword-text-sparv
# Narrative, letters, law and poetry-like speech, about 2,000 sentences a side.
DEFAULT_BOOKS = ("Ruth", "Jonah", "Esther", "Mark", "Acts", "Philippians", "James")

_VERSE = re.compile(r"^(?P<book>(?:\d )?[A-Z][A-Za-z ]+?) (?P<chapter>\d+):(?P<verse>\d+): ?(?P<text>.*)$")
# The WEB module's plain text keeps Strong's numbers ("the <H3117> days"); the KJV's does not.
_STRONGS = re.compile(r"\s*<[HG]\d+>")


def available() -> bool:
    if shutil.which("diatheke") is None:
        return False
    listed = subprocess.run(["diatheke", "-b", "system", "-k", "modulelist"], capture_output=True, text=True).stdout
    return SOURCE_MODULE in listed and TARGET_MODULE in listed


def read_verses(module: str, book: str) -> dict[tuple[int, int], str]:
    """(chapter, verse) -> text of one book, as diatheke prints it in plain text."""
    printed = subprocess.run(["diatheke", "-b", module, "-f", "plain", "-k", book],
                             capture_output=True, text=True, check=True).stdout
    verses: dict[tuple[int, int], str] = {}
    last = None
    for line in printed.splitlines():
        m = _VERSE.match(line)
        if m:
            last = (int(m["chapter"]), int(m["verse"]))
            verses[last] = m["text"]
        elif last is not None and line.strip() and not (line.startswith("(") and line.endswith(")")):
            verses[last] += " " + line.strip()  # a verse printed over several lines
    return {ref: _STRONGS.sub("", text).replace("¶", "").strip() for ref, text in verses.items()}


def chapter_sentences(verses: list[str], lang: str, segmenter) -> tuple[list[str], list[set[int]]]:
    """A chapter's verses as one paragraph, cut into sentences; for each sentence, the verses it holds."""
    text, spans = "", []
    for verse in verses:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(verse)))
        text += verse
    sentences = segmenter.split(text, lang)
    held = [{k for k, (start, end) in enumerate(spans) if start < b and a < end} for a, b in sentences]
    return [text[a:b] for a, b in sentences], held


def verse_beads(src_verses: list[set[int]], tgt_verses: list[set[int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gold beads: the connected components of "a source and a target sentence share a verse"."""
    parent = list(range(len(src_verses) + len(tgt_verses)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    by_verse: dict[int, list[int]] = {}
    for i, verses in enumerate(src_verses):
        for verse in verses:
            by_verse.setdefault(verse, []).append(i)
    for j, verses in enumerate(tgt_verses):
        for verse in verses:
            by_verse.setdefault(verse, []).append(len(src_verses) + j)
    for nodes in by_verse.values():
        for node in nodes[1:]:
            parent[root(node)] = root(nodes[0])
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(len(src_verses)):
        groups.setdefault(root(i), ([], []))[0].append(i)
    for j in range(len(tgt_verses)):
        groups.setdefault(root(len(src_verses) + j), ([], []))[1].append(j)
    beads = [(tuple(src), tuple(tgt)) for src, tgt in groups.values()]
    return sorted(beads, key=lambda bead: (bead[0][0] if bead[0] else float("inf"), bead[1][0] if bead[1] else float("inf")))


def load_bible(books=DEFAULT_BOOKS) -> list[Doc]:
    from align.segmenters import load_segmenter

    segmenter = load_segmenter("sentence-splitter")
    docs = []
    for book in books:
        src_by_ref, tgt_by_ref = read_verses(SOURCE_MODULE, book), read_verses(TARGET_MODULE, book)
        both = sorted(ref for ref in set(src_by_ref) & set(tgt_by_ref) if src_by_ref[ref] and tgt_by_ref[ref])
        src: list[str] = []
        tgt: list[str] = []
        gold = []
        for chapter in sorted({c for c, _ in both}):
            refs = [ref for ref in both if ref[0] == chapter]
            src_sentences, src_held = chapter_sentences([src_by_ref[r] for r in refs], "en", segmenter)
            tgt_sentences, tgt_held = chapter_sentences([tgt_by_ref[r] for r in refs], "es", segmenter)
            for src_ids, tgt_ids in verse_beads(src_held, tgt_held):
                gold.append((tuple(len(src) + i for i in src_ids), tuple(len(tgt) + j for j in tgt_ids)))
            src += src_sentences
            tgt += tgt_sentences
        docs.append(Doc(corpus="bible", name=book.replace(" ", ""), src_lang="en", tgt_lang="es", src=src, tgt=tgt,
                        gold=gold))
    return docs


def consistent_counts(gold, predicted) -> tuple[int, int, int, int]:
    """(predicted pairs inside one gold bead, predicted pairs, two-sided gold beads covered exactly
    by predicted pairs inside them, two-sided gold beads)."""
    home_src, home_tgt = {}, {}
    for k, (src, tgt) in enumerate(gold):
        home_src.update(dict.fromkeys(src, k))
        home_tgt.update(dict.fromkeys(tgt, k))
    pairs = [(src, tgt) for src, tgt in predicted if src and tgt]
    inside: dict[int, list] = {}
    for src, tgt in pairs:
        homes = {home_src[i] for i in src} | {home_tgt[j] for j in tgt}
        if len(homes) == 1:
            inside.setdefault(homes.pop(), []).append((src, tgt))
    full = [k for k, (src, tgt) in enumerate(gold) if src and tgt]
    covered = sum(1 for k in full
                  if sorted(i for s, _ in inside.get(k, []) for i in s) == sorted(gold[k][0])
                  and sorted(j for _, t in inside.get(k, []) for j in t) == sorted(gold[k][1]))
    return sum(len(v) for v in inside.values()), len(pairs), covered, len(full)


def _alignment(docs, store) -> None:
    from . import bertalign
    from .scoring import Counts, count
    from .systems import AlignSystem

    for system in (AlignSystem(store), bertalign.BertalignSystem(store)):
        total, consistent = Counts(), [0, 0, 0, 0]
        for d in docs:
            out = system.run(d.src, d.tgt, d.src_lang, d.tgt_lang, store.embed(d.src), store.embed(d.tgt))
            total = total + count(d.gold, out.beads)
            consistent = [a + b for a, b in zip(consistent, consistent_counts(d.gold, out.beads))]
        scores = total.scores()
        precision, recall = consistent[0] / max(consistent[1], 1), consistent[2] / max(consistent[3], 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{system.name:10s} strict F1 {scores['f1_strict']:.4f}  lax F1 {scores['f1_lax']:.4f}  "
              f"consistent P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


def _audit(docs, store, variants: int) -> None:
    from .audit import AuditTally
    from .inject import foreign_pool, inject
    from .systems import AlignSystem

    system, tally = AlignSystem(store), AuditTally()
    injected = [inject(d, foreign_pool(docs, d), seed=0, variant=v) for d in docs for v in range(variants)]
    store.prefetch([s for i in injected for s in i.doc.src + i.doc.tgt])
    for i in injected:
        d = i.doc
        out = system.run(d.src, d.tgt, d.src_lang, d.tgt_lang, store.embed(d.src), store.embed(d.tgt))
        tally.add(out.findings, i.changes, i.background, d.key)
    scores = tally.scores()
    for kind in ("omission", "addition", "moved"):
        s = scores[kind]
        print(f"{kind:9s} F1 {s['f1']:.3f} (P {s['precision']:.3f}, R {s['recall']:.3f}; {s['found']} of {s['changes']})")
    for change, row in scores["by_change"].items():
        print(f"  {change:15s} found {row['found']} of {row['n']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bible", description=__doc__.split("\n\n")[0])
    parser.add_argument("--books", default=",".join(DEFAULT_BOOKS), help="comma-separated book names")
    parser.add_argument("--audit", action="store_true", help="injected changes instead of the alignment")
    parser.add_argument("--variants", type=int, default=4, help="injected variants a book (--audit)")
    parser.add_argument("--cache", action="store_true", help="keep the embeddings between runs")
    args = parser.parse_args(argv)
    if not available():
        print("benchmarks.bible: needs diatheke and the KJV and Reina-Valera modules: "
              "apt-get install diatheke sword-text-kjv sword-text-sparv", file=sys.stderr)
        return 2
    from .systems import EmbeddingStore

    docs = load_bible([b.strip() for b in args.books.split(",") if b.strip()])
    for d in docs:
        shapes = Counter(f"{len(s)}-{len(t)}" for s, t in d.gold)
        print(f"{d.name}: {len(d.src)} / {len(d.tgt)} sentences, {len(d.gold)} gold beads "
              f"({', '.join(f'{k} {v}' for k, v in shapes.most_common(4))})", file=sys.stderr)
    store = EmbeddingStore(cache=args.cache)
    store.prefetch([s for d in docs for s in d.src + d.tgt])
    (_audit(docs, store, args.variants) if args.audit else _alignment(docs, store))
    return 0


if __name__ == "__main__":
    sys.exit(main())
