"""`python -m benchmarks`: alignment quality, audit quality, speed and memory, a peer side by side,
and `align group` on a collection.

    python -m benchmarks                  # everything, test sets (about 3 minutes on 2 cores)
    python -m benchmarks --quick          # Text+Berg only, one injection variant, up to 5k sentences
    python -m benchmarks --only quality --split dev     # for tuning: Text+Berg dev and TransRead Alice
    python -m benchmarks --json results.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from . import bertalign as bertalign_mod
from .articles import score_articles
from . import collection as collection_mod
from . import install as install_mod
from . import peer as peer_mod
from .audit import AuditTally, clean_pair_counts
from align.encoders import uncovered_languages

from .data import CORPORA, MAIN_CORPORA, default_data_dir, load
from .inject import foreign_pool, gold_background, inject, self_pair
from .quality import run_docs, score_outputs
from .scoring import Counts, count
from .speed import best_alignment_time, run_end_to_end, run_scaling, time_alignment_alone, time_encoder_passes
from .systems import AlignSystem, EmbeddingStore

SECTIONS = ("quality", "peers", "audit", "speed", "peer", "collection", "install")

# Published strict F1 on Text+Berg test, and the measurements with the bundled USE v3 encoder.
ANCHORS = {
    "textberg": [("Vecalign + LASER (published)", 0.902, None), ("Bertalign + LaBSE (published)", 0.936, None),
                 ("Bertalign + USE v3 (issue, 2 cores, ~55 s)", 0.911, 0.984), ("Vecalign + USE v3 (issue)", 0.878, None),
                 ("hunalign, no dictionary (issue)", 0.751, None)],
    "transread": [("Bertalign + USE v3 (issue, 5 novels)", 0.889, None), ("Vecalign + USE v3 (issue)", 0.830, None),
                  ("hunalign (issue)", 0.718, None)],
}
TARGETS = {"textberg_f1_strict": 0.94, "textberg_f1_lax": 0.99, "transread_f1_strict": 0.92,
           "audit_f1_omission": 0.95, "audit_f1_addition": 0.95, "self_findings": 0,
           "textberg_end_to_end_seconds": 10.0, "embed_over_align": 50.0, "growth_50k_over_5k": 12.0,
           "peak_rss_mb": 600.0}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> dict:
    info = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        with open("/proc/meminfo") as handle:
            info["ram_gb"] = round(int(handle.readline().split()[1]) / 1024 / 1024, 1)
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        info["load_average"] = os.getloadavg()
    except OSError:
        pass
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                        cwd=Path(__file__).resolve().parent.parent).stdout.strip()
    except OSError:
        pass
    info["commit"] = info.get("commit") or os.environ.get("ALIGN_BENCH_COMMIT", "?")
    return info


def make_system(name: str, store: EmbeddingStore, args):
    if name == "align":
        return AlignSystem(store)
    if name == "bertalign":
        return bertalign_mod.BertalignSystem(store)
    return peer_mod.SentalignSystem(store, encode_overlaps=args.peer_encode_overlaps)


class Bench:
    def __init__(self, args):
        self.args = args
        self.data = Path(args.data) if args.data else default_data_dir()
        self.store = EmbeddingStore(cache=args.cache)
        self.system = make_system(args.system, self.store, args)
        # Audit, speed, peer and collection run on the two main gold sets.
        self.corpora = ["textberg"] if args.quick else list(MAIN_CORPORA)
        # Quality on the dev split reads every dev set at once: a change must hold on each language pair.
        self.quality_corpora = list(self.corpora)
        if args.split != "test" and not args.quick:
            self.quality_corpora += [c for c in CORPORA if c not in self.corpora
                                     and (self.data / CORPORA[c].folder).is_dir()]
        self.docs = {c: load(c, args.split, self.data) for c in self.quality_corpora}
        # A corpus in a language the default encoder does not cover runs where align pair would:
        # on the fallback encoder (multilingual-e5).
        self.fallback = {c for c in self.quality_corpora
                         if uncovered_languages((CORPORA[c].src_lang, CORPORA[c].tgt_lang))}
        self.outputs: dict[str, dict] = {}  # system name -> doc key -> Output, shared by the sections
        self.results: dict = {"machine": machine(), "command": "python -m benchmarks " + " ".join(sys.argv[1:]),
                              "system": self.system.describe(), "split": args.split, "targets": TARGETS}

    def warm_up(self, system) -> None:
        """One small untimed run, so that JIT compilation is not counted as alignment time."""
        if getattr(system, "_warm", False):
            return
        if system.name == "align":
            from align.aligner import compile_loops

            compile_loops()  # a short run alone would take the DP's plain-Python path
        doc = next(iter(self.docs.values()))[0]
        src, tgt = doc.src[:40], doc.tgt[:40]
        system.run(src, tgt, doc.src_lang, doc.tgt_lang, self.store.embed(src), self.store.embed(tgt))
        system._warm = True

    def outputs_for(self, system, corpus):
        self.warm_up(system)
        store, system = self._store_and_system(system, corpus)
        cache = self.outputs.setdefault(system.name, {})
        docs = self.docs[corpus]
        todo = [d for d in docs if d.key not in cache]
        if todo:
            cache.update(run_docs(system, store, todo, log if self.args.verbose else None))
        return {d.key: cache[d.key] for d in docs}

    # ------------------------------------------------------------------ 1. alignment quality
    def quality(self) -> dict:
        out = {}
        for corpus in self.quality_corpora:
            log(f"quality: {corpus} ({self.args.split})")
            out[corpus] = score_outputs(self.docs[corpus], self.outputs_for(self.system, corpus))
        self.results["quality"] = out
        return out

    # ------------------------------------------------------------------ 1b. the peers' quality
    def peers(self) -> dict:
        """Strict and lax F1 of both peers beside ours on every corpus the quality section scores,
        each on the same encoder (the fallback's where `align` falls back)."""
        ours = self.system if self.system.name == "align" else AlignSystem(self.store)
        systems = [bertalign_mod.BertalignSystem(self.store)]
        if peer_mod.available():
            systems.append(peer_mod.SentalignSystem(self.store, encode_overlaps=self.args.peer_encode_overlaps))
        out = {"peers": [p.describe() for p in systems], "corpora": {}}
        for corpus in self.quality_corpora:
            mine = score_outputs(self.docs[corpus], self.outputs_for(ours, corpus))
            row = {"align": {k: mine[k] for k in ("f1_strict", "f1_lax")}}
            for peer in systems:
                log(f"peers: {peer.name} on {corpus} ({self.args.split})")
                theirs = score_outputs(self.docs[corpus], self.outputs_for(peer, corpus))
                row[peer.name] = {k: theirs[k] for k in ("f1_strict", "f1_lax")}
            out["corpora"][corpus] = row
        self.results["peers"] = out
        return out

    # ------------------------------------------------------------------ 2. audit quality
    def audit(self, system=None) -> dict:
        """Injected changes on the main corpora (and, on the dev split, on every dev set), plus an
        abridged variant of each document: passages of 2-6 beads left out, nothing else; and
        article-sized windows with one change each (articles.py)."""
        system = system or self.system
        args = self.args
        out = {}
        corpora = self.corpora if args.split == "test" else self.quality_corpora
        for corpus in corpora:
            store, runner = self._store_and_system(system, corpus)
            docs = self.docs[corpus]
            log(f"audit: {corpus} ({system.name}), injecting with seed {args.seed}, {args.variants} variant(s)")
            scores, modified, changes, tally = self._injected(runner, store, docs, "mixed", args.variants)
            abridged = self._injected(runner, store, docs, "abridged", 1)
            article_sized = score_articles(runner, store, docs, args.seed)
            # unmodified gold pairs: every finding should sit on a gold null bead
            clean = {"findings": 0, "by_type": {}, "omission_addition_on_gold_null": 0, "moved_on_gold_crossing": 0,
                     "numbers_on_gold_discrepancy": 0}
            originals = self.outputs_for(system, corpus)
            for d in docs:
                background = _background_of(d)
                c = clean_pair_counts(originals[d.key].findings, background)
                clean["findings"] += c["findings"]
                clean["omission_addition_on_gold_null"] += c["omission_addition_on_gold_null"]
                clean["moved_on_gold_crossing"] += c["moved_on_gold_crossing"]
                clean["numbers_on_gold_discrepancy"] += c["numbers_on_gold_discrepancy"]
                for k, v in c["by_type"].items():
                    clean["by_type"][k] = clean["by_type"].get(k, 0) + v
            # a document against itself: nothing to report
            selfs = {"documents": 0, "findings": 0, "by_type": {}, "not_identity_beads": 0}
            for d in docs:
                pair = self_pair(d)
                result = runner.run(pair.src, pair.tgt, pair.src_lang, pair.tgt_lang,
                                    store.embed(pair.src), store.embed(pair.tgt))
                selfs["documents"] += 1
                selfs["findings"] += len(result.findings)
                for f in result.findings:
                    selfs["by_type"][f.type] = selfs["by_type"].get(f.type, 0) + 1
                selfs["not_identity_beads"] += sum(1 for s, t in result.beads if s != t or len(s) != 1)
            out[corpus] = {"scores": scores, "modified_alignment": modified.scores(), "changes": changes,
                           "abridged": {"scores": abridged[0], "changes": abridged[2],
                                        "modified_alignment": abridged[1].scores()},
                           "unmodified_pairs": clean, "self_pairs": selfs, "articles": article_sized,
                           "misses": tally.misses[:40], "false_alarms": tally.false_alarms[:40]}
        self.results.setdefault("audit", {})[system.name] = out
        return out

    def _store_and_system(self, system, corpus):
        """The store a corpus is embedded with (the fallback encoder's where align falls back)."""
        if corpus in self.fallback:
            if not hasattr(self, "fallback_store"):
                self.fallback_store = EmbeddingStore("e5", cache=self.args.cache)
            return self.fallback_store, system.with_store(self.fallback_store)
        return self.store, system

    def _injected(self, system, store, docs, mode: str, variants: int):
        tally = AuditTally()
        injected = [inject(d, foreign_pool(docs, d), seed=self.args.seed, variant=v, mode=mode)
                    for d in docs for v in range(variants)]
        store.prefetch([s for inj in injected for s in inj.doc.src + inj.doc.tgt])
        modified_counts = Counts()
        for inj in injected:
            d = inj.doc
            result = system.run(d.src, d.tgt, d.src_lang, d.tgt_lang, store.embed(d.src), store.embed(d.tgt))
            tally.add(result.findings, inj.changes, inj.background, d.key)
            modified_counts = modified_counts + count(d.gold, result.beads)
        return tally.scores(), modified_counts, len([c for i in injected for c in i.changes]), tally

    # ------------------------------------------------------------------ 3. speed and memory
    def speed(self) -> dict:
        out = {}
        log("speed: end to end in a fresh process (Text+Berg test)")
        for key, partial in (("end_to_end", False), ("end_to_end_with_partial", True)):
            if partial and self.args.system != "align":
                continue
            try:
                out[key] = run_end_to_end(self.data, self.args.system, partial=partial)
            except Exception as exc:  # keep the other numbers
                out[key] = {"error": str(exc)[-2000:]}
        log("speed: alignment alone vs embedding (Text+Berg test)")
        tb = load("textberg", "test", self.data)
        self.store.prefetch([s for d in tb for s in d.src + d.tgt])
        out["alignment_alone"] = time_alignment_alone(self.system, self.store, tb)
        if self.args.system == "align" and self.store.model == "use":
            log("speed: our encoder pass vs the package's (Text+Berg test, one core)")
            out["encoder_pass"] = time_encoder_passes(tb)
        sizes = self.args.sizes or ([1000, 5000] if self.args.quick else [1000, 5000, 50000])
        log(f"speed: growth with length {sizes} (TransRead concatenated, fresh process per size)")
        tr = load("transread", "all", self.data)
        self.store.prefetch([s for d in tr for s in d.src + d.tgt])
        out["growth"] = run_scaling(self.store, tr, sizes, self.args.system)
        by = {g["size"]: g for g in out["growth"]}
        if 5000 in by and 50000 in by:
            out["growth_50k_over_5k"] = by[50000]["align_and_findings_seconds"] / by[5000]["align_and_findings_seconds"]
            out["growth_50k_over_5k_alignment_alone"] = by[50000]["align_seconds"] / by[5000]["align_seconds"]
        out["embedding"] = {"sentences_embedded_this_run": self.store.encoded, "seconds": self.store.seconds,
                            "model_load_seconds": self.store.load_seconds}
        self.results["speed"] = out
        return out

    # ------------------------------------------------------------------ 4. peer side by side
    def peer(self) -> dict:
        if not peer_mod.available():
            out = {"error": "sentalign is not installed: pip install 'align-audit[bench]'"}
            self.results["peer"] = out
            return out
        ours = self.system
        theirs = peer_mod.SentalignSystem(self.store, encode_overlaps=self.args.peer_encode_overlaps)
        if ours.name == theirs.name:
            ours = AlignSystem(self.store)
        out = {"peer": theirs.describe(), "quality": {}, "audit": {}}
        for corpus in self.corpora:
            log(f"peer: quality on {corpus}")
            mine = score_outputs(self.docs[corpus], self.outputs_for(ours, corpus))
            peer = score_outputs(self.docs[corpus], self.outputs_for(theirs, corpus))
            out["quality"][corpus] = {
                "ours": {k: mine[k] for k in ("f1_strict", "f1_lax", "align_seconds")},
                "peer": {k: peer[k] for k in ("f1_strict", "f1_lax", "align_seconds")},
                "f1_strict_ratio": mine["f1_strict"] / peer["f1_strict"] if peer["f1_strict"] else None,
                "f1_lax_ratio": mine["f1_lax"] / peer["f1_lax"] if peer["f1_lax"] else None,
                "speedup_align_and_findings": peer["align_seconds"] / mine["align_seconds"] if mine["align_seconds"] else None,
            }
        log("peer: alignment alone on Text+Berg test")
        tb = load("textberg", "test", self.data)
        self.store.prefetch([s for d in tb for s in d.src + d.tgt])
        a = time_alignment_alone(ours, self.store, tb)
        inputs = [(d.src, d.tgt, self.store.embed(d.src), self.store.embed(d.tgt)) for d in tb]
        p = best_alignment_time(theirs, inputs, repeat=2)
        out["alignment_alone"] = {"ours_seconds": a["align_seconds"], "peer_seconds": p,
                                  "speedup": p / a["align_seconds"] if a["align_seconds"] else None}
        sizes = [s for s in (self.args.sizes or [5000, 50000]) if not self.args.quick or s <= 5000]
        tr = load("transread", "all", self.data)
        self.store.prefetch([s for d in tr for s in d.src + d.tgt])
        log(f"peer: growth {sizes}")
        done = {g["size"]: g for g in self.results.get("speed", {}).get("growth", [])} if ours is self.system else {}
        todo = [s for s in sizes if s not in done]
        fresh = {g["size"]: g for g in run_scaling(self.store, tr, todo, ours.name)} if todo else {}
        mine = [done.get(s) or fresh[s] for s in sizes]
        theirs_growth = run_scaling(self.store, tr, sizes, "sentalign")
        out["growth"] = [{"size": m["size"], "ours_seconds": m["align_seconds"], "peer_seconds": t["align_seconds"],
                          "speedup": t["align_seconds"] / m["align_seconds"] if m["align_seconds"] else None,
                          "ours_f1_strict": m["f1_strict"], "peer_f1_strict": t["f1_strict"],
                          "ours_peak_rss_mb": m["peak_rss_mb"], "peer_peak_rss_mb": t["peak_rss_mb"]}
                         for m, t in zip(mine, theirs_growth)]
        audit_peer = self.audit(theirs)
        audit_ours = self.results["audit"].get(ours.name) or self.audit(ours)
        for corpus in self.corpora:
            row = {}
            for t in ("omission", "addition"):
                o, q = audit_ours[corpus]["scores"][t]["f1"], audit_peer[corpus]["scores"][t]["f1"]
                row[t] = {"ours_f1": o, "peer_f1": q, "ratio": o / q if q else None}
            out["audit"][corpus] = row
        self.results["peer"] = out
        return out


    # ------------------------------------------------------------------ 5. collections
    def collection(self) -> dict:
        if self.args.system != "align":
            return {}
        log(f"collection: every document of {', '.join(self.corpora)} ({self.args.split}) against every other")
        docs = {corpus: self.docs[corpus] for corpus in self.corpora}
        self.store.prefetch([s for corpus_docs in docs.values() for d in corpus_docs for s in d.src + d.tgt])
        out = collection_mod.run(docs, self.store.as_encoder())
        self.results["collection"] = out
        return out

    # ------------------------------------------------------------------ 6. a plain install
    def install(self) -> dict:
        log("install: a fresh virtual environment with pip install . (no extras), the README's command in it")
        out = install_mod.run(self.data if self.data.is_dir() else None)
        self.results["install"] = out
        return out


def _background_of(doc):
    return gold_background(doc.gold, len(doc.src), len(doc.tgt), src_text=doc.src, tgt_text=doc.tgt)


# ---------------------------------------------------------------------- printing

def _mean_row(rows: dict, names: list[str]) -> dict | None:
    if len(rows) < 2:
        return None
    return {n: sum(row[n]["f1_strict"] for row in rows.values()) / len(rows) for n in names}


def _pct(x):
    return "-" if x is None else f"{x:.3f}"


def report(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines.append(f"machine: {m.get('cores')} cores, {m.get('ram_gb')} GB RAM, {m.get('cpu', '?')}; "
                 f"python {m.get('python')}; commit {m.get('commit', '?')}; load {m.get('load_average')}")
    lines.append(f"command: {results['command']}")
    lines.append(f"system: {results['system']}")
    q = results.get("quality")
    if q:
        lines.append("")
        lines.append(f"1. alignment quality ({results['split']})        strict P / R / F1        lax P / R / F1     align s")
        for corpus, r in q.items():
            lines.append(f"   {corpus:<10} {r['documents']} docs  {r['precision_strict']:.3f} {r['recall_strict']:.3f} "
                         f"{r['f1_strict']:.3f}    {r['precision_lax']:.3f} {r['recall_lax']:.3f} {r['f1_lax']:.3f}   "
                         f"{r['align_seconds']:.2f}")
            for name, doc in r["per_document"].items():
                lines.append(f"      {name:<30} strict {doc['f1_strict']:.3f}  lax {doc['f1_lax']:.3f}")
            for name, strict, lax in ANCHORS.get(corpus, []):
                lines.append(f"      anchor: {name:<45} strict {strict:.3f}" + (f"  lax {lax:.3f}" if lax else ""))
        if len(q) > 2:
            mean = sum(r["f1_strict"] for r in q.values()) / len(q)
            lines.append(f"   mean strict F1 over the {len(q)} sets: {mean:.3f}")
    for system, audit in (results.get("audit") or {}).items():
        lines.append("")
        lines.append(f"2. audit quality ({system}): injected changes, finding-level P / R / F1 "
                     "(sentence-level F1 in brackets)")
        for corpus, r in audit.items():
            lines.append(f"   {corpus}: {r['changes']} changes; alignment of the modified pairs strict F1 "
                         f"{r['modified_alignment']['f1_strict']:.3f}")
            for t in ("omission", "addition", "moved", "number"):
                s = r["scores"][t]
                extra = f" ({s['sentence_level']['f1']:.3f})" if "sentence_level" in s else ""
                lines.append(f"      {t:<9} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}{extra}   "
                             f"findings {s['findings']} (+{s['set_aside']} set aside), "
                             f"changes {s['found']}/{s['changes']}")
            for kind, b in r["scores"]["by_change"].items():
                lines.append(f"      {kind:<15} found {b['found']}/{b['n']}   touched by {b['detected_as']}")
            if "abridged" in r:
                a = r["abridged"]["scores"]["omission"]
                lines.append(f"      abridged (passages of 2-6 beads left out, {r['abridged']['changes']} passages): omission "
                             f"P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}, strict F1 of the "
                             f"alignment {r['abridged']['modified_alignment']['f1_strict']:.3f}; touched by "
                             f"{r['abridged']['scores']['by_change'].get('omit_passage', {}).get('detected_as')}")
            if "articles" in r:
                a = r["articles"]
                lines.append(f"      article-sized ({a['window_beads']} beads, one change each): omission found "
                             f"{a['omission']['found']}/{a['omission']['windows']}, addition found "
                             f"{a['addition']['found']}/{a['addition']['windows']}; false alarms "
                             f"{a['none']['false_alarms']} over {a['none']['windows']} unchanged windows, "
                             f"{a['omission']['false_alarms'] + a['addition']['false_alarms']} beside the changes")
            u, s = r["unmodified_pairs"], r["self_pairs"]
            lines.append(f"      unmodified gold pairs: {u['findings']} findings {u['by_type']}, "
                         f"{u['omission_addition_on_gold_null']} omission/addition on a gold null bead, "
                         f"{u['moved_on_gold_crossing']} moves on a gold bead out of order, "
                         f"{u['numbers_on_gold_discrepancy']} number mismatches on a gold pair whose numbers differ")
            lines.append(f"      documents against themselves: {s['findings']} findings {s['by_type']} over "
                         f"{s['documents']} docs, {s['not_identity_beads']} non-identity beads")
    sp = results.get("speed")
    if sp:
        lines.append("")
        lines.append("3. speed and memory")
        for key, label in (("end_to_end", "sentence-level findings"),
                           ("end_to_end_with_partial", "plus clause-level checks, as `align pair`")):
            e = sp.get(key, {})
            if "error" in e:
                lines.append(f"   end to end ({label}): failed: {e['error'][-300:]}")
            elif e:
                lines.append(f"   end to end, {label}, Text+Berg test ({e['sentences']} sentences, {e['documents']} docs, fresh process): "
                             f"whole command {e['command_wall_seconds']:.2f} s; reading to findings "
                             f"{e['reading_to_findings_seconds']:.2f} s = {e['sentences_per_second']:.0f} sentences/s "
                             f"(+ import {e['import_seconds']:.2f} s, model load {e['model_load_seconds']:.2f} s); "
                             f"{e['findings']} findings; peak RSS {e['peak_rss_mb']:.0f} MB "
                             f"(encoder workers {e['peak_rss_children_mb']:.0f} MB)")
        a = sp["alignment_alone"]
        lines.append(f"   alignment alone, Text+Berg test: {a['align_seconds']:.3f} s ({a['align_sentences_per_second']:.0f} "
                     f"sentences/s; first call {a['first_call_seconds']:.2f} s); embedding the same: "
                     f"{a['embed_seconds']:.2f} s -> embedding / alignment = {a['embed_over_align']:.0f}x")
        for name, label in (("sentences", "its sentences"), ("clause_texts", "the clause checks' texts of its gold pairs")):
            e = sp.get("encoder_pass", {}).get(name)
            if e:
                lines.append(f"   encoder pass, one core, Text+Berg test, {label} ({e['texts']} texts, {e['characters']} "
                             f"characters): ours {e['ours_seconds']:.2f} s, the package's {e['package_seconds']:.2f} s "
                             f"-> {e['speedup']:.1f}x; vectors differ by {e['max_abs_difference']:.1e} at most")
        for g in sp["growth"]:
            lines.append(f"   {g['size']:>6} source sentences ({g['tgt_sentences']} target): alignment {g['align_seconds']:.2f} s, "
                         f"with findings {g['align_and_findings_seconds']:.2f} s, peak RSS {g['peak_rss_mb']:.0f} MB "
                         f"({g.get('peak_rss_after_alignment_mb', 0):.0f} MB before the findings), "
                         f"strict F1 {g['f1_strict']:.3f}")
        if "growth_50k_over_5k" in sp:
            lines.append(f"   50k / 5k time ratio: {sp['growth_50k_over_5k']:.1f}x with findings, "
                         f"{sp['growth_50k_over_5k_alignment_alone']:.1f}x alignment alone")
    ps = results.get("peers")
    if ps:
        lines.append("")
        names = list(next(iter(ps["corpora"].values()), {}).keys())
        lines.append("1b. the peers beside align, same encoder (strict / lax F1)")
        lines.append("   corpus         " + "".join(f"{n:>20}" for n in names))
        for corpus, row in ps["corpora"].items():
            lines.append(f"   {corpus:<15}" + "".join(f"{row[n]['f1_strict']:>12.3f} / {row[n]['f1_lax']:.3f}" for n in names))
        for corpus_mean in (_mean_row(ps["corpora"], names),):
            if corpus_mean:
                lines.append(f"   {'mean':<15}" + "".join(f"{corpus_mean[n]:>12.3f}        " for n in names))
    pe = results.get("peer")
    if pe:
        lines.append("")
        if "error" in pe:
            lines.append(f"4. peer: {pe['error']}")
        else:
            lines.append(f"4. peer side by side: {pe['peer']}")
            for corpus, r in pe["quality"].items():
                lines.append(f"   {corpus}: strict F1 ours {r['ours']['f1_strict']:.3f} peer {r['peer']['f1_strict']:.3f} "
                             f"(ratio {_pct(r['f1_strict_ratio'])}); lax ours {r['ours']['f1_lax']:.3f} peer "
                             f"{r['peer']['f1_lax']:.3f} (ratio {_pct(r['f1_lax_ratio'])}); align+findings "
                             f"{r['ours']['align_seconds']:.2f} s vs {r['peer']['align_seconds']:.2f} s "
                             f"(speedup {_pct(r['speedup_align_and_findings'])}x)")
            a = pe["alignment_alone"]
            lines.append(f"   alignment alone, Text+Berg test: ours {a['ours_seconds']:.3f} s, peer {a['peer_seconds']:.3f} s "
                         f"-> {a['speedup']:.1f}x")
            for g in pe["growth"]:
                lines.append(f"   {g['size']:>6} sentences: ours {g['ours_seconds']:.2f} s / peer {g['peer_seconds']:.2f} s "
                             f"({g['speedup']:.1f}x), strict F1 {g['ours_f1_strict']:.3f} vs {g['peer_f1_strict']:.3f}, "
                             f"peak RSS {g['ours_peak_rss_mb']:.0f} vs {g['peer_peak_rss_mb']:.0f} MB")
            for corpus, row in pe["audit"].items():
                lines.append(f"   audit {corpus}: " + "; ".join(
                    f"{t} F1 ours {v['ours_f1']:.3f} peer {v['peer_f1']:.3f} (ratio {_pct(v['ratio'])})"
                    for t, v in row.items()))
    co = results.get("collection")
    if co:
        lines.append("")
        lines.append(f"5. collection (align group): {co['documents']} documents, {co['pairs']} pairs "
                     f"({co['same_language_pairs']} in one language), {co['true_links']} true links")
        lines.append(f"   links P {co['precision']:.3f} R {co['recall']:.3f} F1 {co['f1']:.3f}; "
                     f"{co['groups_exact']}/{co['true_links']} groups exact; {co['seconds']:.1f} s")
        for a, b in co["wrong_links"]:
            lines.append(f"   wrong link: {a} ~ {b}")
        for a, b in co["missed_links"]:
            lines.append(f"   missed link: {a} ~ {b}")
    ins = results.get("install")
    if ins:
        lines.append("")
        if "error" in ins:
            lines.append(f"6. plain install: {ins['error']}")
        else:
            lines.append(f"6. plain install (pip install . into a fresh venv, no extras: {ins['install_seconds']:.0f} s), "
                         "align pair --no-cache, best of 2")
            for r in ins["rows"]:
                lines.append(f"   {r['command']}: plain install {r['plain_install_seconds']:.2f} s, this environment "
                             f"{r['developers_seconds']:.2f} s -> ratio {r['ratio']:.2f}; encoding floor "
                             f"{r['encoding_floor_seconds']:.2f} s -> {r['over_floor']:.2f}x the floor (aim 1.3x)")
            lines.append(f"   fixed cost of a process (align pair, one sentence a side): {ins['fixed_cost_seconds']:.2f} s "
                         "(aim 0.4 s)")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="Text+Berg only, one variant, sizes up to 5k")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    parser.add_argument("--data", help="folder holding text-berg-de-fr/ and transread-limsi-en-fr/ "
                        "(default ../shared/data from the repository root)")
    parser.add_argument("--json", help="also write every number to this file")
    parser.add_argument("--split", default="test", choices=("test", "dev", "all"),
                        help="test (report), dev (tune: Text+Berg dev, TransRead Alice), or all")
    parser.add_argument("--system", default="align", choices=("align", "sentalign", "bertalign"),
                        help="the system under test (a peer: check the harness with it)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the injected changes")
    parser.add_argument("--variants", type=int, default=None, help="injected variants per document (default 2, quick 1)")
    parser.add_argument("--sizes", type=int, nargs="+", help="sentence counts for the growth test")
    parser.add_argument("--peer-encode-overlaps", action="store_true",
                        help="let the peer embed its overlap texts with the encoder (as Vecalign is normally run)")
    parser.add_argument("--cache", action="store_true",
                        help="read and fill align's embedding cache (quick reruns, e.g. of the peers' overlap "
                        "texts on e5; the speed section's encoder timings then mean nothing)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.variants is None:
        args.variants = 1 if args.quick else 2
    bench = Bench(args)
    sections = args.only or list(SECTIONS)
    started = time.perf_counter()
    for section in SECTIONS:
        if section in sections:
            getattr(bench, section)()
    bench.results["embedding"] = {"sentences": bench.store.encoded, "seconds": bench.store.seconds}
    bench.results["benchmark_seconds"] = time.perf_counter() - started
    print(report(bench.results))
    if args.json:
        Path(args.json).write_text(json.dumps(bench.results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
