"""Which documents of a collection are versions of one another.

Every document (or every language part of a file that holds two languages, such as a reprint
pasted above its original) is embedded once; every pair is then aligned as `align pair` would
align it, without the fact and clause checks, and the pair verdict says whether one is a version
of the other. Versions are grouped transitively: a French reprint and a French translation of
the same English article belong together even where they share few sentences with each other.

Two texts in one language are more alike than a text and its translation: on the seeds, two
different French articles on one topic reach bead cosines of 0.63, where a paraphrased French
reprint of the same article has a dozen above 0.70. So a same-language pair needs anchors of
`same_language_anchor_cosine`.
"""
from __future__ import annotations

import itertools
from dataclasses import replace

from . import __version__
from .aligner import AlignConfig
from .documents import dominant_language, renumber, text_parts
from .encoders import DEFAULT_MODEL, Encoder, load_encoder
from .errors import InputError
from .findings import AuditThresholds
from .model import CollectionResult, Document
from .segmenters import load_segmenter
from .threads import one_blas_thread

SAME_LANGUAGE_ANCHOR_COSINE = 0.70
# Pair verdicts that make two documents versions of one another, and what they are called when
# both are in one language.
VERSION_VERDICTS = ("translation", "partial translation")
SAME_LANGUAGE_WORDS = {"translation": "version", "partial translation": "partial version",
                       "related, not a translation": "related, not a version"}


def load_collection(paths, segmenter, encoding: str | None = None) -> list[Document]:
    """The documents of `paths`, a file with two languages split into one document per language
    (by the rule `align pair` uses for a mixed file: `documents.text_languages`)."""
    from .pipeline import _read

    documents: list[Document] = []
    for path in paths:
        raw, sentences = _read(path, segmenter, encoding)
        parts = text_parts(sentences)
        if len(parts) == 1:
            documents.append(Document(raw.path, dominant_language(sentences), raw.encoding, renumber(sentences)))
            continue
        # Stray short lines in another language (a share button read as English) are in the part around them.
        for lang, own in parts.items():
            documents.append(Document(raw.path, lang, raw.encoding, renumber(own)))
    if len(documents) < 2:
        raise InputError("group needs at least two documents (or one file holding two languages)")
    return documents


@one_blas_thread
def group_documents(paths, *, model: str = DEFAULT_MODEL, encoder: Encoder | None = None, segmenter: str = "auto",
                    cache: bool = True, config: AlignConfig | None = None,
                    thresholds: AuditThresholds | None = None, progress: bool = False,
                    encoding: str | None = None) -> CollectionResult:
    """Align every pair of documents in `paths` and group those that are versions of one another."""
    seg = load_segmenter(segmenter)
    documents = load_collection(paths, seg, encoding)
    encoder = encoder or load_encoder(model, cache=cache)
    return group_loaded(documents, encoder, config, thresholds, seg.name, progress)


def group_loaded(documents: list[Document], encoder: Encoder, config: AlignConfig | None = None,
                 thresholds: AuditThresholds | None = None, segmenter_name: str = "lines",
                 progress: bool = False) -> CollectionResult:
    """`group_documents` on documents already read and segmented."""
    from .pipeline import _run, embed_prepared, prepare

    config = config or AlignConfig()
    thresholds = thresholds or AuditThresholds()
    same_language = replace(thresholds, anchor_cosine=max(thresholds.anchor_cosine, SAME_LANGUAGE_ANCHOR_COSINE))
    prepared = [prepare(doc) for doc in documents]
    embeddings = embed_prepared(prepared, encoder, progress)

    pairs = []
    combinations = list(itertools.combinations(range(len(documents)), 2))
    if progress:
        from tqdm import tqdm

        combinations = tqdm(combinations, desc="pairs", unit="pair", leave=False)
    for a, b in combinations:
        pair_thresholds = same_language if documents[a].lang == documents[b].lang else thresholds
        result = _run(documents[a], documents[b], encoder, config, pair_thresholds, segmenter_name,
                      src_emb=embeddings[a], tgt_emb=embeddings[b], facts=False, partial=False,
                      prepared=(prepared[a], prepared[b]))
        summary = result.summary
        aligned = sum(1 for bead in result.beads if bead.kind in ("match", "moved"))
        verdict = summary["verdict"]
        if documents[a].lang == documents[b].lang:
            verdict = SAME_LANGUAGE_WORDS.get(verdict, verdict)
        pairs.append({
            "a": a, "b": b, "verdict": verdict, "reason": summary["reason"],
            "version": summary["verdict"] in VERSION_VERDICTS, "aligned_pairs": aligned,
            "a_coverage": summary["source_coverage"], "b_coverage": summary["target_coverage"],
            "topic_similarity": summary["topic_similarity"],
        })

    signature = {
        "tool": "align", "version": __version__, "encoder": encoder.name, "segmenter": segmenter_name,
        "aligner": config.to_dict(), "thresholds": thresholds.to_dict(),
        "same_language_anchor_cosine": same_language.anchor_cosine,
    }
    signature["string"] = (f"align:{__version__}|enc:{encoder.name}|seg:{segmenter_name}|tau:{config.tau}|"
                           f"anchor:{thresholds.anchor_cosine}|same-lang-anchor:{same_language.anchor_cosine}|group")
    return CollectionResult(signature, documents, pairs, _groups(len(documents), pairs))


def _groups(count: int, pairs: list[dict]) -> list[list[int]]:
    """Connected components of the version graph, each in document order, in order of their first member."""
    parent = list(range(count))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for pair in pairs:
        if pair["version"]:
            parent[root(pair["a"])] = root(pair["b"])
    members: dict[int, list[int]] = {}
    for k in range(count):
        members.setdefault(root(k), []).append(k)
    return sorted(members.values())
