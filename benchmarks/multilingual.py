"""Sixteen languages the tool was never tuned on: a news article, its translation, one change each.

`benchmarks/multilingual/<lang>/` holds an English article (`en.txt`) and a faithful translation
(`<lang>.txt`), one sentence a line and a blank line between paragraphs, written for this check
(the stories, names and figures are invented), and `changes.json`: the sentence to remove
(paragraph, sentence), the sentence to insert (paragraph, after which sentence, its text) and the
figure to change (paragraph, sentence, old text, new text) in the translation. Each pair is aligned
four times, as `align pair` would, the sentences joined into paragraphs (Chinese and Japanese
without spaces), so that the segmenter meets them as a reader's file:

- faithful: every finding is a false alarm, and every sentence should come back as written;
- one sentence removed: it must be reported as an omission;
- one sentence added: it must be reported as an addition;
- one figure changed: it must be reported as a fact mismatch.

    python -m benchmarks.multilingual            # every language, a table on stdout
    python -m benchmarks.multilingual --sweep    # every sentence left out in turn, whole and short

The sweep leaves out each sentence of the translation in turn, and puts the language's inserted
sentence after each sentence in turn, in the whole article and in a short one (its first two
paragraphs, 6-8 sentences a side: an article-sized text, where each side's vectors are too few to
say much about their language's common direction), and counts how many of those single omissions
and additions are reported as such, and the false alarms (omissions or additions of other
sentences) beside them and on the short faithful text.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "multilingual"


def _paragraphs(path: Path) -> list[list[str]]:
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    return [[line.strip() for line in block.splitlines() if line.strip()] for block in blocks]


def _variants(translation: list[list[str]], changes: dict) -> dict[str, tuple[list[list[str]], str | None]]:
    """Each variant's paragraphs and the sentence whose finding is wanted (None: none wanted)."""
    removed = [list(p) for p in translation]
    paragraph, sentence = changes["remove"]
    removed[paragraph].pop(sentence)
    added = [list(p) for p in translation]
    paragraph, after, text = changes["insert"]
    added[paragraph].insert(after + 1, text)
    changed = [list(p) for p in translation]
    paragraph, sentence, old, new = changes["number"]
    changed[paragraph][sentence] = changed[paragraph][sentence].replace(old, new, 1)
    return {"faithful": (translation, None), "omission": (removed, None), "addition": (added, text),
            "fact_mismatch": (changed, changed[paragraph][sentence])}


def _ids_holding(doc, text: str) -> set[int]:
    """The sentences of `doc` that hold some of `text` (found in the file by its offsets)."""
    whole = Path(doc.path).read_text(encoding="utf-8")
    start = whole.find(text)
    return {s.id for s in doc.sentences if start >= 0 and s.start < start + len(text) and start < s.end}


def run_language(lang: str, encoder) -> dict:
    from align import align_pair

    folder = FOLDER / lang
    english, translation = _paragraphs(folder / "en.txt"), _paragraphs(folder / f"{lang}.txt")
    changes = json.loads((folder / "changes.json").read_text(encoding="utf-8"))
    joiner = "" if lang in ("ja", "zh") else " "
    out = {"sentences": [sum(map(len, english)), sum(map(len, translation))]}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "en.txt"
        source.write_text("\n\n".join(" ".join(p) for p in english) + "\n", encoding="utf-8")
        for name, (paragraphs, wanted) in _variants(translation, changes).items():
            target = Path(tmp) / f"{lang}.txt"
            target.write_text("\n\n".join(joiner.join(p) for p in paragraphs) + "\n", encoding="utf-8")
            started = time.perf_counter()
            result = align_pair(source, target, encoder=encoder)
            row = {"seconds": round(time.perf_counter() - started, 2),
                   "sentences": [len(result.source.sentences), len(result.target.sentences)],
                   "findings": [f"{f.type}: {f.message}" for f in result.findings]}
            if name == "faithful":
                row["segmented_as_written"] = row["sentences"] == out["sentences"]
            elif name == "omission":
                paragraph, sentence = changes["remove"]
                ids = _ids_holding(result.source, english[paragraph][sentence])
                row["found"] = any(f.type == "omission" and ids & set(f.src) for f in result.findings)
            else:
                ids = _ids_holding(result.target, wanted)
                row["found"] = any(f.type == name and ids & set(f.tgt) for f in result.findings)
            out[name] = row
    return out


def _write(path: Path, paragraphs: list[list[str]], joiner: str) -> None:
    path.write_text("\n\n".join(joiner.join(p) for p in paragraphs) + "\n", encoding="utf-8")


def sweep_language(lang: str, encoder) -> dict:
    """Each sentence of the translation left out in turn, and the language's inserted sentence put
    after each sentence in turn, in the whole article and in its first two paragraphs: how many are
    reported as omissions and additions, and the false omissions and additions beside them."""
    from align import align_pair

    folder = FOLDER / lang
    english, translation = _paragraphs(folder / "en.txt"), _paragraphs(folder / f"{lang}.txt")
    if [len(p) for p in english] != [len(p) for p in translation]:
        return {"skipped": "paragraphs of different sizes"}  # no sentence-to-sentence key
    inserted = json.loads((folder / "changes.json").read_text(encoding="utf-8"))["insert"][2]
    joiner = "" if lang in ("ja", "zh") else " "
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "en.txt", Path(tmp) / f"{lang}.txt"

        def check(row, key, paragraphs, doc_side, text, wanted, paragraph, position):
            _write(target, [p for p in paragraphs if p], joiner)
            result = align_pair(source, target, encoder=encoder)
            doc = result.source if doc_side == 0 else result.target
            ids = _ids_holding(doc, text)
            touching = [f for f in result.findings if ids & set(f.src if doc_side == 0 else f.tgt)]
            row[key + "_tried"] += 1
            if any(f.type == wanted for f in touching):
                row[key + "_found"] += 1
            else:
                row["missed"].append([key, paragraph, position, sorted({f.type for f in touching})])
            row["alarms"] += sum(1 for f in result.findings if f.type in ("omission", "addition") and f not in touching)

        for name, count in (("whole", len(english)), ("short", 2)):
            english_part, translation_part = english[:count], translation[:count]
            _write(source, english_part, " ")
            _write(target, translation_part, joiner)
            faithful = align_pair(source, target, encoder=encoder)
            row = {"faithful_alarms": sum(f.type in ("omission", "addition") for f in faithful.findings),
                   "omission_found": 0, "omission_tried": 0, "addition_found": 0, "addition_tried": 0,
                   "alarms": 0, "missed": []}
            for paragraph, sentences in enumerate(translation_part):
                for position in range(len(sentences)):
                    removed = [list(p) for p in translation_part]
                    removed[paragraph].pop(position)
                    check(row, "omission", removed, 0, english_part[paragraph][position], "omission", paragraph, position)
                    added = [list(p) for p in translation_part]
                    added[paragraph].insert(position + 1, inserted)
                    check(row, "addition", added, 1, inserted, "addition", paragraph, position)
            out[name] = row
    return out


def sweep(languages: list[str] | None = None) -> dict:
    from align.encoders import encoder_for

    languages = languages or sorted(p.name for p in FOLDER.iterdir() if p.is_dir())
    return {lang: sweep_language(lang, encoder_for("use", ("en", lang), cache=True)) for lang in languages}


def sweep_report(results: dict) -> str:
    lines = ["| language | whole: omissions found | additions found | false alarms | short: omissions found | "
             "additions found | false alarms | short faithful: false alarms |", "|---|---|---|---|---|---|---|---|"]
    keys = ("omission_found", "omission_tried", "addition_found", "addition_tried", "alarms", "faithful_alarms")
    totals = {name: dict.fromkeys(keys, 0) for name in ("whole", "short")}
    for lang, r in results.items():
        if "skipped" in r:
            lines.append(f"| {lang} | skipped: {r['skipped']} | | | | | | |")
            continue
        cells = []
        for name in ("whole", "short"):
            row = r[name]
            cells += [f"{row['omission_found']}/{row['omission_tried']}", f"{row['addition_found']}/{row['addition_tried']}",
                      str(row["alarms"])]
            for key in keys:
                totals[name][key] += row[key]
        lines.append(f"| {lang} | " + " | ".join(cells) + f" | {r['short']['faithful_alarms']} |")
    for name, label in (("whole", "whole articles"), ("short", "short articles")):
        t = totals[name]
        lines.append(f"\n{label}: single omissions found {t['omission_found']}/{t['omission_tried']}, single additions "
                     f"found {t['addition_found']}/{t['addition_tried']}, {t['alarms']} false alarms beside them"
                     + (f", {t['faithful_alarms']} on the faithful texts" if name == "short" else ""))
    return "\n".join(lines)


def run(languages: list[str] | None = None) -> dict:
    from align.encoders import encoder_for

    languages = languages or sorted(p.name for p in FOLDER.iterdir() if p.is_dir())
    results = {}
    for lang in languages:
        results[lang] = run_language(lang, encoder_for("use", ("en", lang), cache=True))
    return results


def report(results: dict) -> str:
    lines = ["| language | sentences written / read | false alarms (faithful) | omission | addition | figure | seconds |",
             "|---|---|---|---|---|---|---|"]
    for lang, r in results.items():
        read = r["faithful"]["sentences"]
        lines.append(f"| {lang} | {r['sentences'][0]}/{r['sentences'][1]} -> {read[0]}/{read[1]} | "
                     f"{len(r['faithful']['findings'])} | {'yes' if r['omission']['found'] else 'no'} | "
                     f"{'yes' if r['addition']['found'] else 'no'} | {'yes' if r['fact_mismatch']['found'] else 'no'} | "
                     f"{r['faithful']['seconds']} |")
    totals = {k: sum(r[k]["found"] for r in results.values()) for k in ("omission", "addition", "fact_mismatch")}
    clean = sum(1 for r in results.values() if not r["faithful"]["findings"])
    lines.append(f"\n{len(results)} languages: {clean} faithful translations without a finding; found "
                 f"{totals['omission']} omissions, {totals['addition']} additions, {totals['fact_mismatch']} changed figures")
    return "\n".join(lines)


if __name__ == "__main__":
    if "--sweep" in sys.argv[1:]:
        outcome = sweep([a for a in sys.argv[1:] if a != "--sweep"] or None)
        print(sweep_report(outcome))
        for lang, r in outcome.items():
            for name in ("whole", "short"):
                for kind, paragraph, position, types in r.get(name, {}).get("missed", []):
                    where = "sentence" if kind == "omission" else "the sentence added after sentence"
                    print(f"  {lang}, {name}, {kind}: {where} {position + 1} of paragraph {paragraph + 1} missed "
                          f"({', '.join(types) or 'no finding'})")
        sys.exit(0)
    outcome = run(sys.argv[1:] or None)
    print(report(outcome))
    for lang, r in outcome.items():
        for finding in r["faithful"]["findings"]:
            print(f"  {lang}, faithful: {finding[:120]}")
