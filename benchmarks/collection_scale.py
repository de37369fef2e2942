"""Collections at scale (issue 22): `align group` from 1,000 to 10,000 documents, and what
100,000 would take.

The gold sets hold about 10,000 sentence pairs, too few for 10,000 real articles, so the
collections are built from them:

* **versions**: every gold document is cut into pieces of `PIECE_BEADS` gold beads; a piece gives
  a source-language and a target-language document that are translations of each other. Every
  other piece is kept for the versions, `TRUE_SHARE` of each collection's documents;
* **others**: the sentences of the remaining pieces, per text and language, are where the other
  documents come from: each is 10 to 30 of them drawn at random from one text, in text order.
  Two of them from one text share its names, subject and style, as articles on one story do, and
  (at these sizes, about 9,000 sentences for up to 10,000 documents) also a sentence or two, which
  can make them partial versions of each other; so links precision is counted on the links to a
  version document, which shares no sentence with the others, and the links between the others
  are counted apart.

Each size runs in a fresh process (`python -m benchmarks.collection_scale child ...`) with
`align group`'s own code (`group_loaded`, default candidates), so its peak RSS is its own. The
sentences' vectors come from align's embedding cache (`--cache`; the first run fills it), the
pairs are aligned as `align group` aligns them, in one worker process a core. Reported per size:
the time to read the vectors, to find the candidates and to align them, links precision and
recall, peak RSS; then the growth from the smallest to the largest size fitted as n^b, and an
estimate for 100,000 documents from the measured cost per aligned pair, the candidate pairs per
document, the candidate search (n^2) and the encoder's speed.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .data import load

REPO = Path(__file__).resolve().parent.parent
# Every gold set the default encoder covers. Candide's English is in two of them (TransRead's
# en-fr and the en-es set): the first set listed keeps it, so candide-es comes before transread
# to keep Spanish in the collection.
CORPORA = ("textberg", "candide-es", "transread", "mac")
PIECE_BEADS = 20
TRUE_SHARE = 0.05
SIZES = (1000, 2000, 5000, 10000)
MIN_SENTENCES, MAX_SENTENCES = 10, 30


def _sources(data_dir):
    """Pieces for versions and, per (text, language), the sentences kept for other documents.

    A text that two gold sets share is taken from the first only. Taken from both, the pieces of
    one set and the pieces of the other overlap (cut at other gold beads), so a version piece from
    one had its own sentences, or their translation, in a version or an "other" document from the
    other: true versions that the truth did not list (most of the false links at 10,000 documents)."""
    version_pieces, other_texts = [], {}
    seen: dict[str, set[str]] = {}
    for corpus in CORPORA:
        for doc in load(corpus, "all", data_dir):
            sides = ((doc.src_lang, doc.src), (doc.tgt_lang, doc.tgt))
            if any(sum(s in seen.get(lang, ()) for s in sentences) > len(sentences) / 2 for lang, sentences in sides):
                continue
            for lang, sentences in sides:
                seen.setdefault(lang, set()).update(sentences)
            pieces = [doc.gold[k:k + PIECE_BEADS] for k in range(0, len(doc.gold), PIECE_BEADS)]
            for number, beads in enumerate(pieces):
                src = [doc.src[i] for s, _ in beads for i in s]
                tgt = [doc.tgt[j] for _, t in beads for j in t]
                if number % 2 == 0 and len(src) >= 5 and len(tgt) >= 5:
                    version_pieces.append((doc.key, doc.src_lang, src, doc.tgt_lang, tgt))
                else:
                    other_texts.setdefault((doc.key, doc.src_lang), []).extend(src)
                    other_texts.setdefault((doc.key, doc.tgt_lang), []).extend(tgt)
    return version_pieces, other_texts


def build(data_dir, size: int, seed: int = 0):
    """`size` documents (align Documents) and the set of true links between them."""
    from align.model import Document

    rng = np.random.default_rng(seed)
    version_pieces, other_texts = _sources(data_dir)
    pairs = min(round(size * TRUE_SHARE / 2), len(version_pieces))
    documents, truth = [], set()
    for k in rng.permutation(len(version_pieces))[:pairs]:
        key, src_lang, src, tgt_lang, tgt = version_pieces[k]
        truth.add(frozenset((len(documents), len(documents) + 1)))
        documents.append(Document.from_lines(f"{key}#{k}.{src_lang}", src_lang, src))
        documents.append(Document.from_lines(f"{key}#{k}.{tgt_lang}", tgt_lang, tgt))
    texts = list(other_texts.items())
    weights = np.array([len(sentences) for _, sentences in texts], dtype=float)
    for number in range(size - len(documents)):
        (key, lang), sentences = texts[rng.choice(len(texts), p=weights / weights.sum())]
        count = min(len(sentences), int(rng.integers(MIN_SENTENCES, MAX_SENTENCES + 1)))
        chosen = np.sort(rng.choice(len(sentences), size=count, replace=False))
        documents.append(Document.from_lines(f"{key}~{number}.{lang}", lang, [sentences[i] for i in chosen]))
    return documents, truth


class _TimedEncoder:
    """The encoder as `align group` gets it, counting the seconds spent inside it."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.embeds_windows = getattr(inner, "embeds_windows", False)
        self.batch_size = inner.batch_size
        self.seconds = 0.0
        self.texts = 0

    def encode(self, sentences, progress: bool = False):
        start = time.perf_counter()
        out = self.inner.encode(sentences, progress=progress)
        self.seconds += time.perf_counter() - start
        self.texts += len(sentences)
        return out

    def encode_windows(self, texts, spans):
        start = time.perf_counter()
        out = self.inner.encode_windows(texts, spans)
        self.seconds += time.perf_counter() - start
        self.texts += len(spans)
        return out

    @property
    def dim(self):
        return self.inner.dim


def _child(ns) -> dict:
    from align import collection
    from align.collection import group_loaded
    from align.encoders import load_encoder

    documents, truth = build(ns.data, ns.size, ns.seed)
    encoder = _TimedEncoder(load_encoder("use", cache=True))
    encoder.encode(["."])  # the weights, before any timing
    encoder.seconds = 0.0
    searched = {"seconds": 0.0}
    search = collection.candidate_pairs

    def timed_search(*args):
        start = time.perf_counter()
        found = search(*args)
        searched["seconds"] += time.perf_counter() - start
        return found

    collection.candidate_pairs = timed_search
    start = time.perf_counter()
    result = group_loaded(documents, encoder)
    seconds = time.perf_counter() - start
    # What `align group` then writes: the table (the default) and the TSV of every aligned pair.
    from align.reports.collection import render_collection

    report_seconds = {}
    for fmt in ("table", "tsv"):
        start = time.perf_counter()
        render_collection(result, fmt)
        report_seconds[fmt] = time.perf_counter() - start
    predicted = {frozenset((p["a"], p["b"])) for p in result.pairs if p["version"]}
    right = len(predicted & truth)
    # Versions come first; they share no sentence with the other documents, which may share a few
    # among themselves (drawn from one text): precision is counted on links to a version.
    versions = set(range(2 * len(truth)))
    judged = {link for link in predicted if link & versions}
    return {
        "documents": len(documents), "sentences": sum(len(d.sentences) for d in documents),
        "true_links": len(truth), "predicted_links": len(predicted), "links_between_others": len(predicted - judged),
        "precision": right / len(judged) if judged else 0.0, "recall": right / len(truth) if truth else 0.0,
        "pairs_aligned": len(result.pairs), "candidates": result.signature["candidates"],
        "seconds": seconds, "encoder_seconds": encoder.seconds, "texts_embedded": encoder.texts,
        "candidate_search_seconds": searched["seconds"], "report_seconds": report_seconds,
        "alignment_seconds": seconds - encoder.seconds - searched["seconds"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "cores": os.cpu_count(),
    }


def _encoder_rate(data_dir, count: int = 2000) -> float:
    """Sentences a second of the default encoder with its worker processes, no cache."""
    from align.encoders import load_encoder

    _, other_texts = _sources(data_dir)
    sentences = list(dict.fromkeys(s for texts in other_texts.values() for s in texts))[:count]
    encoder = load_encoder("use", cache=False)
    encoder.encode(["."])
    start = time.perf_counter()
    encoder.encode(sentences)
    return len(sentences) / (time.perf_counter() - start)


def run(data_dir, sizes=SIZES, seed: int = 0) -> dict:
    rows = []
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for size in sizes:
        done = subprocess.run([sys.executable, "-m", "benchmarks.collection_scale", "child", "--size", str(size),
                               "--seed", str(seed), "--data", str(data_dir)],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            rows.append({"documents": size, "error": done.stderr[-1500:]})
            break
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    out = {"rows": rows}
    good = [r for r in rows if "error" not in r]
    if len(good) >= 2:
        first, last = good[0], good[-1]
        span = math.log(last["documents"] / first["documents"])
        out["growth_exponent_seconds"] = math.log(last["seconds"] / first["seconds"]) / span
        out["growth_exponent_pairs"] = math.log(last["pairs_aligned"] / first["pairs_aligned"]) / span
        out["growth_exponent_rss"] = math.log(last["peak_rss_mb"] / first["peak_rss_mb"]) / span
        rate = _encoder_rate(data_dir)
        target = 100_000
        factor = target / last["documents"]
        per_pair = last["alignment_seconds"] / last["pairs_aligned"]
        sentences = last["sentences"] * factor
        out["extrapolation_100k"] = {
            "pairs": last["pairs_aligned"] * factor,
            "seconds_per_pair": per_pair,
            "alignment_seconds": per_pair * last["pairs_aligned"] * factor,
            "candidate_search_seconds": last["candidate_search_seconds"] * factor ** 2,
            "embedding_seconds": sentences / rate, "encoder_sentences_per_second": rate,
            "vectors_gb": sentences * 512 * 4 / 1e9,
        }
    return out


def summary(out: dict) -> list[str]:
    lines = ["7b. collections at scale (align group, default candidates and workers; sentences' vectors cached)"]
    for r in out["rows"]:
        if "error" in r:
            lines.append(f"   {r['documents']} documents: {r['error'][-300:]}")
            continue
        lines.append(f"   {r['documents']:>6} documents ({r['sentences']} sentences): {r['pairs_aligned']} pairs aligned, "
                     f"{r['seconds']:.1f} s (sentence vectors {r['encoder_seconds']:.1f} s, candidates "
                     f"{r['candidate_search_seconds']:.2f} s, alignment {r['alignment_seconds']:.1f} s), links to "
                     f"versions P {r['precision']:.3f} R {r['recall']:.3f} ({r['links_between_others']} links "
                     f"between others), peak RSS {r['peak_rss_mb']:.0f} MB")
    if "growth_exponent_seconds" in out:
        lines.append(f"   growth n^{out['growth_exponent_seconds']:.2f} (time), n^{out['growth_exponent_pairs']:.2f} "
                     f"(pairs), n^{out['growth_exponent_rss']:.2f} (peak RSS)")
        e = out["extrapolation_100k"]
        cores = out["rows"][-1].get("cores", 1)
        lines.append(f"   100,000 documents, estimated: {e['pairs']:.0f} pairs x {e['seconds_per_pair'] * 1000:.2f} ms = "
                     f"{e['alignment_seconds'] / 3600:.2f} h of alignment on this machine's {cores} cores, candidate search "
                     f"{e['candidate_search_seconds'] / 60:.1f} min, embedding {e['embedding_seconds'] / 3600:.1f} h at "
                     f"{e['encoder_sentences_per_second']:.0f} sentences/s, vectors {e['vectors_gb']:.1f} GB")
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.collection_scale")
    sub = parser.add_subparsers(dest="what", required=True)
    child = sub.add_parser("child")
    child.add_argument("--size", type=int, required=True)
    child.add_argument("--seed", type=int, default=0)
    child.add_argument("--data", required=True)
    whole = sub.add_parser("run")
    whole.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    whole.add_argument("--data", default=None)
    whole.add_argument("--json")
    ns = parser.parse_args(argv)
    if ns.what == "child":
        print(json.dumps(_child(ns)))
        return
    from .data import default_data_dir

    out = run(ns.data or default_data_dir(), ns.sizes)
    if ns.json:
        Path(ns.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    print("\n".join(summary(out)))


if __name__ == "__main__":
    main()
