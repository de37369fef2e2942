"""Alignment quality: strict and lax P/R/F1 of a system's beads against the gold beads."""
from __future__ import annotations

from .data import Doc
from .scoring import Counts, count
from .systems import Output


def run_docs(system, store, docs: list[Doc], log=None) -> dict[str, Output]:
    """Run `system` on each document with embeddings from the shared store."""
    store.prefetch([s for d in docs for s in d.src + d.tgt])
    outputs: dict[str, Output] = {}
    for doc in docs:
        src_emb, tgt_emb = store.embed(doc.src), store.embed(doc.tgt)
        outputs[doc.key] = system.run(doc.src, doc.tgt, doc.src_lang, doc.tgt_lang, src_emb, tgt_emb)
        if log:
            log(f"  {system.name} {doc.key}: {len(doc.src)}x{len(doc.tgt)} in {outputs[doc.key].seconds:.2f}s")
    return outputs


def score_outputs(docs: list[Doc], outputs: dict[str, Output]) -> dict:
    total = Counts()
    per_doc = {}
    for doc in docs:
        c = count(doc.gold, outputs[doc.key].beads)
        total = total + c
        s = c.scores()
        per_doc[doc.name] = {"f1_strict": s["f1_strict"], "f1_lax": s["f1_lax"], "beads": c.pred, "gold": len(doc.gold)}
    return {
        **total.scores(),
        "counts": vars(total),
        "documents": len(docs),
        "sentences": sum(len(d) for d in docs),
        "align_seconds": sum(outputs[d.key].seconds for d in docs),
        "per_document": per_doc,
    }
