"""Collection quality: does `align group` link each text with its version and with nothing else?

The collection is every document pair of the chosen split, each side a document of its own:
Text+Berg's German and French articles, and an excerpt of each TransRead novel in French and in
English (the first `EXCERPT_BEADS` gold beads, so the run stays short). Every other pairing is a
negative, among them the hard ones: two articles of one Alpine yearbook in the same language, two
French novels. A link is a pair `align group` calls a (partial) translation or version.
"""
from __future__ import annotations

import time

from align.collection import group_loaded
from align.model import Document

from .scoring import _f1, _ratio

EXCERPT_BEADS = 150


def build(docs_by_corpus: dict) -> tuple[list[Document], set[frozenset]]:
    documents: list[Document] = []
    truth: set[frozenset] = set()
    for corpus, docs in docs_by_corpus.items():
        for doc in docs:
            src, tgt = doc.src, doc.tgt
            if corpus == "transread":
                beads = doc.gold[:EXCERPT_BEADS]
                src = [doc.src[i] for s, _ in beads for i in s]
                tgt = [doc.tgt[j] for _, t in beads for j in t]
            first = len(documents)
            documents.append(Document.from_lines(f"{doc.key}.{doc.src_lang}", doc.src_lang, src))
            documents.append(Document.from_lines(f"{doc.key}.{doc.tgt_lang}", doc.tgt_lang, tgt))
            truth.add(frozenset((first, first + 1)))
    return documents, truth


def run(docs_by_corpus: dict, encoder) -> dict:
    documents, truth = build(docs_by_corpus)
    started = time.perf_counter()
    result = group_loaded(documents, encoder)
    seconds = time.perf_counter() - started
    predicted = {frozenset((p["a"], p["b"])) for p in result.pairs if p["version"]}
    right = predicted & truth
    precision, recall = _ratio(len(right), len(predicted)), _ratio(len(right), len(truth))
    same_language = [p for p in result.pairs if documents[p["a"]].lang == documents[p["b"]].lang]
    return {
        "documents": len(documents), "pairs": len(result.pairs), "same_language_pairs": len(same_language),
        "true_links": len(truth), "predicted_links": len(predicted),
        "precision": precision, "recall": recall, "f1": _f1(precision, recall),
        "groups_exact": sum(1 for g in result.groups if frozenset(g) in truth),
        "wrong_links": sorted([documents[a].path, documents[b].path] for a, b in map(sorted, predicted - truth)),
        "missed_links": sorted([documents[a].path, documents[b].path] for a, b in map(sorted, truth - predicted)),
        "seconds": seconds,
    }
