"""Article-sized texts with one change each: the audit as a translator meets it on a reprint.

The injected-changes benchmark (`inject.py`) changes whole novels and yearbook articles, where a
document holds hundreds of sure pairs to set its length ratio and anchors. A reprint is audited in
pieces of 20 to 40 sentences. Here each document's gold beads are cut into windows of WINDOW beads
(windows holding a gold null bead are passed over: what they leave out is no injected change), and
each window is aligned three times:

- as it is: every omission or addition finding is a false alarm;
- with the translation of one source sentence left out (a gold bead with one source sentence): the
  omission must be found, and any other omission or addition is a false alarm;
- with one sentence of another document of the corpus (`inject.foreign_pool`; in a corpus of one
  document, one from two windows away or more) added to the target: the addition must be found,
  likewise.

Windows, left-out beads and added sentences are drawn with a generator seeded by the document and
the window's place, so every run and every system meets the same ones.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .data import Doc
from .inject import foreign_pool

WINDOW = 30
STRIDE = WINDOW  # windows side by side: distinct texts


@dataclass
class Article:
    doc_key: str
    change: str  # "none", "omission" or "addition"
    src: list[str]
    tgt: list[str]
    changed: int | None  # the left-out source sentence, or the added target sentence


def articles(doc: Doc, foreign: list[str], seed: int = 0) -> list[Article]:
    out = []
    for start in range(0, len(doc.gold) - WINDOW + 1, STRIDE):
        beads = doc.gold[start:start + WINDOW]
        if any(not s or not t for s, t in beads):
            continue
        rng = random.Random(f"{seed}/{doc.key}/{start}")
        singles = [k for k in range(2, WINDOW - 2) if len(beads[k][0]) == 1]
        left_out = rng.choice(singles) if singles else None
        pool = foreign or _far_from(doc, start)
        added_at, added = rng.randrange(2, WINDOW - 2), rng.choice(pool) if pool else None
        for change in ("none", "omission", "addition"):
            if (change == "omission" and left_out is None) or (change == "addition" and added is None):
                continue
            src, tgt, changed = [], [], None
            for k, (src_ids, tgt_ids) in enumerate(beads):
                if change == "addition" and k == added_at:
                    changed = len(tgt)
                    tgt.append(added)
                if change == "omission" and k == left_out:
                    changed = len(src)
                else:
                    tgt.extend(doc.tgt[j] for j in tgt_ids)
                src.extend(doc.src[i] for i in src_ids)
            out.append(Article(doc.key, change, src, tgt, changed))
    return out


def _far_from(doc: Doc, start: int) -> list[str]:
    """A corpus of one document has no other to add from: its own target sentences two windows away
    or more, as `foreign_pool` takes them (40 characters or more, no digits)."""
    return sorted({doc.tgt[j] for k, (_, tgt_ids) in enumerate(doc.gold) if abs(k - start) >= 2 * WINDOW
                   for j in tgt_ids if len(doc.tgt[j]) >= 40 and not any(c.isdigit() for c in doc.tgt[j])})


def score_articles(system, store, docs: list[Doc], seed: int = 0) -> dict:
    """Found changes and false alarms over every window of `docs`, aligned by `system`."""
    windows = [a for d in docs for a in articles(d, foreign_pool(docs, d), seed)]
    store.prefetch([s for a in windows for s in a.src + a.tgt])
    lang = {d.key: (d.src_lang, d.tgt_lang) for d in docs}
    tally = {change: {"windows": 0, "found": 0, "false_alarms": 0} for change in ("none", "omission", "addition")}
    for article in windows:
        result = system.run(article.src, article.tgt, *lang[article.doc_key], store.embed(article.src),
                            store.embed(article.tgt))
        omitted = {i for f in result.findings if f.type == "omission" for i in f.src}
        added = {j for f in result.findings if f.type == "addition" for j in f.tgt}
        row = tally[article.change]
        row["windows"] += 1
        if article.change == "omission" and article.changed in omitted:
            row["found"] += 1
            omitted.discard(article.changed)
        if article.change == "addition" and article.changed in added:
            row["found"] += 1
            added.discard(article.changed)
        row["false_alarms"] += len(omitted) + len(added)
    return {"window_beads": WINDOW, **tally}
