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

import functools
import itertools
import logging
import multiprocessing
import os
from dataclasses import replace

import numpy as np

from . import __version__
from .aligner import AlignConfig
from .audit import AuditThresholds
from .documents import dominant_language, renumber, text_parts
from .encoders import DEFAULT_MODEL, FALLBACK_MODEL, Encoder, encoder_for, is_fallback
from .errors import InputError
from .model import CollectionResult, Document, closeness
from .reading import expand_folders, folder_files
from .segmenters import load_segmenter
from .threads import one_blas_thread

log = logging.getLogger("align")

SAME_LANGUAGE_ANCHOR_COSINE = 0.70
# Pair verdicts that make two documents versions of one another, and what they are called when
# both are in one language.
VERSION_VERDICTS = ("translation", "partial translation")
SAME_LANGUAGE_WORDS = {"translation": "version", "partial translation": "partial version",
                       "related, not a translation": "related, not a version"}


def load_collection(paths, segmenter, encoding: str | None = None, unread: list[dict] | None = None) -> list[Document]:
    """The documents of `paths`, a file with two languages split into one document per language
    (by the rule `align pair` uses for a mixed file: `documents.text_languages`).

    With `unread` (a list), a file that cannot be read (empty, binary, an encoding it is not in)
    is said on stderr and appended there as {"path", "error"}, and the rest is read: one empty file
    among a newsroom's thousands stopped the whole run, in a folder or named (`articles/*.txt`
    names every file). Stdin is still an error."""
    from .loading import _read, version_documents, whole_language

    named = {os.path.realpath(path) for path in paths if path != "-" and not os.path.isdir(path)}
    repeated = _given_twice(paths)
    documents: list[Document] = []
    for path in expand_folders(paths, unread):
        if unread is not None and os.path.realpath(path) not in named and is_own_report(path):
            # `group FOLDER -o FOLDER/report.json` made the next run group its own report.
            log.warning("not read: %s is a report of align, not a document", path)
            unread.append({"path": path, "error": f"{path}: a report of align, not a document"})
            continue
        try:
            raw, sentences = _read(path, segmenter, encoding)
        except InputError as exc:
            if unread is None or path == "-":
                raise
            log.warning("not read: %s", exc)
            unread.append({"path": path, "error": str(exc)})
            continue
        versions = version_documents((raw, sentences))
        if versions is not None:
            # A file giving its text in many languages element by element: its versions are the
            # documents it holds, by the language each element declares.
            log.warning("%s gives its text in %d languages element by element: each version read as a document",
                        raw.path, len(versions))
            documents += versions
            continue
        lang = whole_language((raw, sentences))
        if lang is not None:
            documents.append(Document(raw.path, lang, raw.encoding, renumber(sentences)))
            continue
        parts = text_parts(sentences)
        if len(parts) == 1:
            documents.append(Document(raw.path, dominant_language(sentences), raw.encoding, renumber(sentences)))
            continue
        # Stray short lines in another language (a share button read as English) are in the part around them.
        for lang, own in parts.items():
            documents.append(Document(raw.path, lang, raw.encoding, renumber(own)))
    if len(documents) < 2:
        if repeated:
            path, first = repeated[0]
            named_as = f"{path} is given twice" if path == first else f"{first} and {path} name one file"
            raise InputError(f"group needs at least two documents (or one file holding two languages): "
                             f"{named_as}, which is one document")
        raise InputError("group needs at least two documents (or one file holding two languages)")
    for path, first in repeated:
        log.warning("%s is given twice%s: read once", path, "" if path == first else f" (as {first})")
    return documents


def _given_twice(paths) -> list[tuple[str, str]]:
    """(path, the path first naming the same file) of each file named twice, itself or in a folder
    named: read once, as `expand_folders` reads it, and said (`align versions` says so; `group a.txt
    a.txt` said only that it needed two documents)."""
    first: dict[str, str] = {}
    twice = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            try:
                files = folder_files(path)[0]
            except OSError:
                continue  # said where the folder is read
        else:
            files = [path]
        for file in files:
            key = file if file == "-" else os.path.realpath(file)
            if key in first:
                twice.append((file, first[key]))
            else:
                first[key] = file
    return twice


# Where align's reports carry their signature: the JSON's and the review project's opening, the
# HTML's header (after its style sheet), the TMX's and XLIFF's header; the TSV's and the table's last
# line. The xlsx report has a Signature sheet (`readers.xlsx` knows it).
_OWN_HEAD = (b'"tool": "align"', b'"format": "align-review"', b'<p class="signature">align:',
             b'<prop type="x-align-signature">', b'category="align:signature"', b'<note from="align">align:')
_OWN_TAIL = (b"# signature: align:", b"Signature: align:")
_OWN_HEAD_BYTES = 32768
_OWN_TAIL_BYTES = 4096
_OWN_XLSX_MAX_BYTES = 64 << 20


def is_own_report(path: str) -> bool:
    """A report or review project that align wrote, in any of its formats (its signature names the
    tool): a group TSV, a table or an HTML report left in the folder was read as one more document
    of the collection (the TSV as a Catalan text)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_OWN_HEAD_BYTES)
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - _OWN_TAIL_BYTES))
            tail = handle.read()
            if head[:2] == b"PK" and size <= _OWN_XLSX_MAX_BYTES:
                from .readers.xlsx import XlsxReportReader

                handle.seek(0)
                return XlsxReportReader().sniff(handle.read())
    except OSError:
        return False
    return any(mark in head for mark in _OWN_HEAD) or any(mark in tail for mark in _OWN_TAIL)


# Up to this many documents every pair is aligned; above it, each document only with its
# `candidates` nearest documents by document vector (and they with it): O(n k) alignments, not n^2.
ALL_PAIRS_UP_TO = 64
DEFAULT_CANDIDATES = 10
# Document vectors are compared this many rows at a time, and at most this many similarities at
# once (64 MB), so that 10^5 documents never need an n x n matrix.
_ROWS_PER_BLOCK = 1024
_CELLS_PER_BLOCK = 1 << 24
MIN_DOCUMENTS_TO_CENTRE = 8
# Above this many documents the exact search (3.2 s at 10,000, growing as n^2: about 5 min at
# 100,000) gives way to an inverted-file index (faiss, the `ann` extra) when it is installed.
ANN_ABOVE = 10_000
# Lists of the inverted file: about four per square root of the documents indexed, of which this
# many are searched for each query (benchmarks/README.md, section 7, has the recall).
ANN_LISTS_PER_SQRT = 4
ANN_PROBES = 32


@one_blas_thread
def group_documents(paths, *, model: str = DEFAULT_MODEL, encoder: Encoder | None = None, segmenter: str = "auto",
                    cache: bool = True, config: AlignConfig | None = None,
                    thresholds: AuditThresholds | None = None, progress: bool = False,
                    encoding: str | None = None, candidates: int | None = None, dask: str | None = None,
                    dask_workers: int | None = None, on_pair=None) -> CollectionResult:
    """Align the pairs of documents in `paths` that may be versions of one another (every pair up to
    ALL_PAIRS_UP_TO documents, else each document's `candidates` nearest) and group the versions.
    `dask`: a Dask scheduler's address (or "local", a cluster of `dask_workers` processes here)
    whose workers embed the documents and align the pairs. `on_pair`: see `group_loaded`."""
    seg = load_segmenter(segmenter)
    unread: list[dict] = []
    documents = load_collection(paths, seg, encoding, unread)
    encoder = encoder or encoder_for(model, [doc.lang for doc in documents], cache=cache)
    if dask is None:
        result = group_loaded(documents, encoder, config, thresholds, seg.name, progress, candidates, on_pair=on_pair)
    else:
        from .cluster import DaskCollection

        # The workers load the encoder chosen here (the fallback, if a language needs it) by name.
        worker_model = FALLBACK_MODEL if is_fallback(encoder) else model
        with DaskCollection(dask, dask_workers, worker_model, cache) as cluster:
            result = group_loaded(documents, encoder, config, thresholds, seg.name, progress, candidates,
                                  cluster=cluster, on_pair=on_pair)
    result.unread = unread
    return result


def document_vectors(embeddings: list[np.ndarray], categories: list[list[str]]) -> np.ndarray:
    """One unit vector per document: the mean of its content sentences (all of them if it has none),
    so that share buttons and cookie banners, alike everywhere, do not make documents alike."""
    rows = []
    for vectors, kinds in zip(embeddings, categories):
        content = vectors[[k for k, kind in enumerate(kinds) if kind == "content"]] if len(vectors) else vectors
        chosen = content if len(content) else vectors
        rows.append(chosen.mean(axis=0) if len(chosen) else np.zeros(vectors.shape[1], dtype=np.float32))
    matrix = np.array(rows, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def candidate_pairs(vectors: np.ndarray, k: int, languages: list[str] | None = None) -> list[tuple[int, int]]:
    """(a, b) with a < b where b is among a's k nearest documents or a among b's, in order.

    With `languages`, half of each document's candidates (at least one) are its nearest in its own
    language and half its nearest in the others, on vectors centred per language: a document is nearer to
    every text on its topic in its own language than to its translation, and at 10,000 documents
    (benchmarks/collection_scale.py) the plain k nearest missed 21 % of the translations among
    them, where this misses 0.5 % with as many candidates."""
    count = len(vectors)
    k = min(k, count - 1)
    if k <= 0:
        return []
    if languages is None or len(set(languages)) < 2:
        return _nearest_pairs(vectors, np.zeros(count, dtype=np.int64), [(None, k)])
    codes = np.unique(np.asarray(languages), return_inverse=True)[1].ravel()
    # At least one of each, so that -k 1 still finds a reprint in the same language.
    quotas = [(True, max(1, k // 2)), (False, max(1, k - k // 2))]
    return _nearest_pairs(_centred_per_language(vectors, codes), codes, quotas)


def _nearest_pairs(vectors: np.ndarray, codes: np.ndarray, quotas) -> list[tuple[int, int]]:
    """The pairs of `_exact_pairs`; above ANN_ABOVE documents from an approximate index when faiss
    is installed."""
    if len(vectors) > ANN_ABOVE:
        try:
            import faiss  # noqa: F401
        except ImportError:
            log.warning("%d documents: the exact candidate search grows as n^2 (about 5 min at "
                        "100,000); pip install 'align-audit[ann]' for an approximate one", len(vectors))
        else:
            return _approximate_pairs(vectors, codes, quotas)
    return _exact_pairs(vectors, codes, quotas)


def _approximate_pairs(vectors: np.ndarray, codes: np.ndarray, quotas) -> list[tuple[int, int]]:
    """`_exact_pairs` from one faiss inverted-file index per language: each query searches the
    ANN_PROBES lists nearest to it instead of every document. Its k-means starts from faiss's
    fixed seed, so a collection gets the same candidates every run."""
    import faiss

    faiss.omp_set_num_threads(_usable_cores())
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    members = {int(code): np.flatnonzero(codes == code) for code in np.unique(codes)}
    indexes = {code: _index(vectors[rows]) for code, rows in members.items()}
    found: set[tuple[int, int]] = set()
    for same_language, k in quotas:
        if k <= 0:
            continue
        for code, rows in members.items():
            if same_language is None:
                targets = [code]
            else:
                targets = [code] if same_language else [other for other in members if other != code]
            scores, ids = [], []
            for target in targets:
                # One more than k from its own language: the document itself comes back.
                want = min(k + (target == code), len(members[target]))
                found_scores, found_rows = indexes[target].search(vectors[rows], want)
                scores.append(found_scores)
                ids.append(np.where(found_rows >= 0, members[target][np.maximum(found_rows, 0)], -1))
            scores, ids = np.concatenate(scores, axis=1), np.concatenate(ids, axis=1)
            scores[(ids < 0) | (ids == rows[:, None])] = -np.inf
            nearest = np.argsort(-scores, axis=1, kind="stable")[:, :k]
            _add_pairs(found, rows.tolist(), np.take_along_axis(ids, nearest, axis=1),
                       np.isfinite(np.take_along_axis(scores, nearest, axis=1)))
    return sorted(found)


def _add_pairs(found: set[tuple[int, int]], rows, neighbours: np.ndarray, reachable: np.ndarray) -> None:
    """Add (a, b), a < b, for each row and each of its neighbours that was reachable."""
    for row, others, keep in zip(rows, neighbours, reachable):
        for other in others[keep].tolist():
            found.add((min(row, other), max(row, other)))


def _index(vectors: np.ndarray):
    """An inverted-file index over `vectors` (inner product), or a flat one for too few to train."""
    import faiss

    # k-means wants 39 training points a list or more (faiss warns below that).
    lists = min(int(ANN_LISTS_PER_SQRT * np.sqrt(len(vectors))), len(vectors) // 39)
    if lists < 2 * ANN_PROBES:
        index = faiss.IndexFlatIP(vectors.shape[1])
    else:
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(vectors.shape[1]), vectors.shape[1], lists,
                                   faiss.METRIC_INNER_PRODUCT)
        index.train(vectors)
        index.nprobe = ANN_PROBES
    index.add(vectors)
    return index


def _centred_per_language(vectors: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Each language's documents less their mean, made unit length again: what stays is what a
    document is about, not the language it is written in. A language of fewer than
    MIN_DOCUMENTS_TO_CENTRE documents keeps its vectors (its mean would be mostly the documents)."""
    out = vectors.astype(np.float32, copy=True)
    for code in np.unique(codes):
        rows = codes == code
        if rows.sum() >= MIN_DOCUMENTS_TO_CENTRE:
            out[rows] -= out[rows].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


def _exact_pairs(vectors: np.ndarray, codes: np.ndarray, quotas) -> list[tuple[int, int]]:
    """Pairs of each document with its `k` nearest for each (same language?, k) of `quotas`
    (None: any language), a block of rows at a time so that no n x n matrix is ever held."""
    count = len(vectors)
    rows_per_block = max(1, min(_ROWS_PER_BLOCK, _CELLS_PER_BLOCK // count))
    found: set[tuple[int, int]] = set()
    for start in range(0, count, rows_per_block):
        similarity = vectors[start:start + rows_per_block] @ vectors.T
        rows = np.arange(len(similarity))
        similarity[rows, start + rows] = -np.inf  # a document is not its own candidate
        same = codes[start:start + rows_per_block, None] == codes[None, :]
        for same_language, k in quotas:
            if k <= 0:
                continue
            allowed = similarity if same_language is None else np.where(same == same_language, similarity, -np.inf)
            k = min(k, count - 1)
            nearest = np.argpartition(-allowed, k - 1, axis=1)[:, :k]
            _add_pairs(found, range(start, start + len(similarity)), nearest,
                       np.isfinite(np.take_along_axis(allowed, nearest, axis=1)))
    return sorted(found)


def group_loaded(documents: list[Document], encoder: Encoder, config: AlignConfig | None = None,
                 thresholds: AuditThresholds | None = None, segmenter_name: str = "lines",
                 progress: bool = False, candidates: int | None = None,
                 workers: int | None = None, cluster=None, on_pair=None) -> CollectionResult:
    """`group_documents` on documents already read and segmented. `candidates`: how many nearest
    documents each is aligned with (None: every pair up to ALL_PAIRS_UP_TO documents, else
    DEFAULT_CANDIDATES; 0: every pair whatever the size). `workers`: processes aligning the pairs
    (None: one a core). `cluster`: a `cluster.DaskCollection` that embeds and aligns instead.
    `on_pair`: called with the documents and each pair's row as soon as it is aligned; the result then keeps only
    the rows its report needs (every link, and each document's closest pair), so that memory does
    not grow with the number of pairs (100,000 documents: about a million rows)."""
    from .pipeline import embed_prepared, prepare

    config = config or AlignConfig()
    thresholds = thresholds or AuditThresholds()
    # Two texts in one language share words and names: being each other's nearest by a margin says
    # little there, so only the stronger cosine makes an anchor.
    same_language = replace(thresholds, anchor_cosine=max(thresholds.anchor_cosine, SAME_LANGUAGE_ANCHOR_COSINE),
                            anchor_margin=-1.0, anchor_quantile=-1.0)
    prepared = [prepare(doc) for doc in documents]
    embeddings = embed_prepared(prepared, cluster or encoder, progress)

    if candidates is None:
        candidates = 0 if len(documents) <= ALL_PAIRS_UP_TO else DEFAULT_CANDIDATES
    if candidates and candidates < len(documents) - 1:
        vectors = document_vectors(embeddings, [doc.categories for doc in prepared])
        combinations = candidate_pairs(vectors, candidates, [doc.lang for doc in documents])
    else:
        combinations = list(itertools.combinations(range(len(documents)), 2))
    global _shared
    # Whether two documents are versions is read off the first pass's beads; the joined texts only
    # regroup sentences within a pair, and embedding them cost about 100 texts a pair (70 % of the
    # time at 300 documents). Without them every verdict of the benchmark's collection is the same.
    pair_config = replace(config, joined_weight=0.0)
    shared = (documents, prepared, embeddings, pair_config, thresholds, same_language, segmenter_name)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(combinations), desc="pairs", unit="pair", leave=False)
    kept = _KeptRows(keep_all=on_pair is None)
    if on_pair is not None:
        on_pair = functools.partial(on_pair, documents)
    try:
        if cluster is not None:
            for row in cluster.pair_rows(shared, combinations, bar):
                kept.add(row, on_pair)
        else:
            _shared = shared
            for row in _pair_rows(combinations, workers):
                kept.add(row, on_pair)
                if bar is not None:
                    bar.update(1)
    finally:
        _shared = None
        if bar is not None:
            bar.close()
    pairs = kept.rows()

    signature = {
        "tool": "align", "version": __version__, "encoder": encoder.name, "segmenter": segmenter_name,
        "aligner": pair_config.to_dict(), "thresholds": thresholds.to_dict(),
        "same_language_anchor_cosine": same_language.anchor_cosine,
        "candidates": candidates or "all pairs", "pairs_aligned": kept.seen,
        "pairs_possible": len(documents) * (len(documents) - 1) // 2,
    }
    if on_pair is not None:
        signature["pairs_listed"] = "the links and each document's closest pair (every pair went to on_pair)"
    signature["string"] = (f"align:{__version__}|enc:{encoder.name}|seg:{segmenter_name}|tau:{config.tau}|"
                           f"anchor:{thresholds.anchor_cosine}|same-lang-anchor:{same_language.anchor_cosine}|group")
    return CollectionResult(signature, documents, pairs, _groups(len(documents), pairs))


class _KeptRows:
    """The pair rows a collection's report needs. All of them, or, when every row is streamed
    out as it comes, only the links and each document's closest pair (what the table says of a
    document that stands alone), in the order they were aligned."""

    def __init__(self, keep_all: bool):
        self.keep_all = keep_all
        self.seen = 0
        self.kept: dict[int, dict] = {}  # order aligned -> row
        self.closest: dict[int, tuple[tuple, int]] = {}  # document -> (rank, order aligned)

    def add(self, row: dict, on_pair=None) -> None:
        order = self.seen
        self.seen += 1
        if on_pair is not None:
            on_pair(row)  # bound to the documents by `group_loaded`
        if self.keep_all or row["version"]:
            self.kept[order] = row
            return
        # The first of the best, as max() over the rows in order would choose.
        rank = closeness(row)
        for document in (row["a"], row["b"]):
            held = self.closest.get(document)
            if held is None or rank > held[0]:
                if held is not None:
                    self._release(held[1], document)
                self.closest[document] = (rank, order)
                self.kept[order] = row

    def _release(self, order: int, document: int) -> None:
        row = self.kept.get(order)
        if row is None or row["version"]:
            return
        other = row["b"] if row["a"] == document else row["a"]
        held = self.closest.get(other)
        if held is None or held[1] != order:
            del self.kept[order]

    def rows(self) -> list[dict]:
        return [self.kept[order] for order in sorted(self.kept)]


# What the pair workers read, set before they fork so that they share it without copying it.
_shared = None
# Below this many pairs a worker, starting processes costs more than they save.
MIN_PAIRS_PER_WORKER = 200


def _pair_rows(combinations: list[tuple[int, int]], workers: int | None):
    """The row of each pair, in order: in worker processes forked from this one when there are
    enough pairs, else here. A worker that dies (killed for memory) stops the run with an error
    (BrokenProcessPool), where a multiprocessing.Pool would wait for it for ever."""
    workers = min(workers or _usable_cores(), len(combinations) // MIN_PAIRS_PER_WORKER)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_pair_row, combinations)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_pair_row, combinations, chunksize=32)


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what a container or taskset leaves this process
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _pair_row(pair: tuple[int, int], shared=None) -> dict:
    from .pipeline import _run

    documents, prepared, embeddings, config, thresholds, same_language, segmenter_name = shared or _shared
    a, b = pair
    one_language = documents[a].lang == documents[b].lang
    # The shorter text is the source, whatever the names: a pair's verdict is not symmetric (the
    # target's headlines and source lines are excused, the source's are not), and two copies of
    # one text, sorting before and after a third, were a "version" and a "partial version" of it.
    source, target = (b, a) if len(documents[b].sentences) < len(documents[a].sentences) else (a, b)
    result = _run(documents[source], documents[target], None, config,
                  same_language if one_language else thresholds, segmenter_name, src_emb=embeddings[source],
                  tgt_emb=embeddings[target], facts=False, partial=False,
                  prepared=(prepared[source], prepared[target]))
    summary = result.summary
    verdict = summary["verdict"]
    coverage = {source: summary["source_coverage"], target: summary["target_coverage"]}
    return {
        "a": a, "b": b, "verdict": SAME_LANGUAGE_WORDS.get(verdict, verdict) if one_language else verdict,
        "reason": summary["reason"], "version": verdict in VERSION_VERDICTS,
        "aligned_pairs": sum(1 for bead in result.beads if bead.kind in ("match", "moved")),
        "a_coverage": coverage[a], "b_coverage": coverage[b],
        "topic_similarity": summary["topic_similarity"],
    }


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
