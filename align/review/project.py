"""The review project file: an alignment and the reviewer's corrections, as one JSON file beside
the inputs (versioned, human-readable, written whole on every change).

It holds both texts sentence by sentence (cleaned text and original, line, paragraph), the beads
as they stand after the reviewer's corrections, and every finding with the reviewer's decision
("accepted", "not_an_issue", or none yet) and comment. `to_result` turns it back into an
`AlignmentResult`, so every report format exports the corrected alignment.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
from pathlib import Path
from typing import Any

from ..audit.findings import coverage, structural_findings
from ..errors import InputError
from ..files import write_whole
from ..model import (BEAD_KINDS, SEVERITY_ORDER, AlignmentResult, Bead, Document, Finding, Sentence, dumps,
                     finding_order, findings_by_type)

FORMAT = "align-review"
VERSION = 1
DECISIONS = (None, "accepted", "not_an_issue")


def project_path(source: str, target: str | None) -> Path:
    """Where the project of a pair lives: beside the source, named after both inputs."""
    src = Path(source)
    name = _stem(source) if target is None else f"{_stem(source)}--{_stem(target)}"
    return src.with_name(f"{name}.review.json")


def _stem(path: str) -> str:
    # Text read from stdin ("-") had made "---fr.review.json", a name the shell takes for an option.
    return "stdin" if str(path) == "-" else Path(path).stem


def file_digest(path: str) -> str | None:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def changed_inputs(project: dict[str, Any], project_file: str | Path | None = None) -> list[str]:
    """The input files that are no longer as the project read them (edited, or gone): the
    project's sentences, and so every export of it, are the text as it was.

    A project names its texts as they were given, from the folder align review ran in; from
    another folder they are also looked for beside `project_file` (where the project is made by
    default): `align export` run there said both texts "have changed" (a probe)."""
    out = []
    for side in ("source", "target"):
        path, digest = project[side].get("path"), project[side].get("digest")
        # Text read from stdin is named "<stdin>": no file to compare, and every export of its
        # project said it "has changed" (a probe).
        if not digest or not path or path in ("-", "<stdin>"):
            continue
        if all(file_digest(place) != digest for place in text_places(path, project_file)):
            out.append(path)
    return out


def text_places(path: str, project_file: str | Path | None) -> list[str | Path]:
    """Where a text the project names is looked for: as named, and beside the project (as named
    from there, and by its file name)."""
    places: list[str | Path] = [path]
    if project_file is not None:
        folder = Path(project_file).parent
        places += [folder / path, folder / Path(path).name]
    return places


def input_found(path: str, project_file: str | Path | None = None) -> bool:
    """Whether a text the project names is a file from here or beside the project (`changed_inputs`
    counts one that is not as changed: there is nothing to compare)."""
    return any(Path(place).is_file() for place in text_places(path, project_file))


def same_inputs(project: dict[str, Any], inputs: list[str]) -> bool:
    """Whether `project` was made from the files `inputs` names: the same paths, or files with the
    same bytes (the same files, named from another folder)."""
    for side, given in zip(("source", "target"), inputs):
        stored = project[side].get("path") or ""
        if os.path.realpath(stored) == os.path.realpath(given):
            continue
        if project[side].get("digest") and project[side]["digest"] == file_digest(given):
            continue
        return False
    return True


def _document(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "lang": doc.lang, "locale": doc.locale or doc.lang, "encoding": doc.encoding,
            "digest": doc.digest or file_digest(doc.path),
            "sentences": [{"id": s.id, "text": s.text, "original": s.original, "line": s.line,
                           "paragraph": s.paragraph, **({"locator": s.locator} if s.locator else {}),
                           **({"furniture": True} if s.furniture else {})} for s in doc.sentences],
            # The file's parts not aligned (another language): the exports list them, as every report does.
            **doc.set_aside_dict()}


def from_result(result: AlignmentResult) -> dict[str, Any]:
    """A new project from an alignment: no corrections, no decisions yet."""
    return {
        "format": FORMAT, "version": VERSION, "signature": result.signature,
        "source": _document(result.source), "target": _document(result.target),
        "beads": [{**bead.to_dict(), "manual": False} for bead in result.beads],
        "findings": [{"id": f"f{k + 1}", **finding.to_dict(), "decision": None, "comment": ""}
                     for k, finding in enumerate(result.findings)],
        "summary": result.summary,
    }


def from_result_json(data: dict[str, Any]) -> dict[str, Any]:
    """A new project from `align pair -f json` output (which keeps each sentence's original text only)."""
    if not isinstance(data, dict) or not all(isinstance(data.get(side), dict) for side in ("source", "target")) \
            or "beads" not in data:
        raise InputError("not an 'align pair -f json' result nor a review project (no source, target and beads)")
    try:
        for side in ("source", "target"):
            data[side].setdefault("digest", data[side].get("sha1"))  # the input as `align pair` read it
            for sentence in data[side]["sentences"]:
                sentence.setdefault("original", sentence["text"])
    except (TypeError, KeyError, AttributeError) as error:
        what = f"no {error}" if isinstance(error, KeyError) else str(error)
        raise InputError(f"not a readable 'align pair -f json' result ({what})") from None
    project = {
        "format": FORMAT, "version": VERSION, "signature": data.get("signature", {}),
        "source": data["source"], "target": data["target"],
        "beads": [{**bead, "manual": False} for bead in data["beads"]],
        "findings": [{"id": f"f{k + 1}", **finding, "decision": None, "comment": ""}
                     for k, finding in enumerate(data.get("findings", []))],
        "summary": data.get("summary", {}),
    }
    validate(project)
    return project


def validate(project: dict[str, Any]) -> None:
    """InputError unless `project` is a review project whose beads hold every sentence once. A
    project is a file a person may edit by hand: whatever shape an edit leaves it in is a one-line
    error naming what is wrong, never a traceback."""
    if not isinstance(project, dict) or project.get("format") != FORMAT:
        raise InputError("not an align review project (no \"format\": \"align-review\")")
    if project.get("version") != VERSION:
        raise InputError(f"review project version {project.get('version')!r}; this align reads version {VERSION}")
    try:
        _check(project)
    except (TypeError, KeyError, AttributeError, ValueError, IndexError) as error:
        what = f"no {error}" if isinstance(error, KeyError) else str(error)
        raise InputError(f"the review project is damaged ({what}); open it again from the texts") from None


# The sides each kind of bead has: (source, target).
_SIDES = {"omission": (True, False), "addition": (False, True), "match": (True, True), "moved": (True, True),
          "replaced": (True, True)}


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in value)


def _not_text(value: dict[str, Any], keys: tuple[str, ...], optional: tuple[str, ...] = ()) -> str | None:
    """The first of `keys` that `value` does not hold as text, or of `optional` that it holds as
    something else; None when all are as they should be."""
    return next((key for key in keys if not isinstance(value.get(key), str)), None) or next(
        (key for key in optional if value.get(key) is not None and not isinstance(value[key], str)), None)


def _check(project: dict[str, Any]) -> None:
    # What every export reads besides the beads: a signature or path edited to another type (a
    # list, null, a number) ended `align export` in a traceback (a probe).
    for key in ("signature", "summary"):
        if not isinstance(project.get(key, {}), dict):
            raise InputError(f"the {key} is not an object")
    counts = {}
    for side in ("source", "target"):
        wrong = _not_text(project[side], ("path", "lang"), ("locale", "encoding"))
        if wrong:
            raise InputError(f"the {side}'s {wrong} is not text")
        sentences = project[side]["sentences"]
        for position, sentence in enumerate(sentences):
            if sentence["id"] != position:
                raise InputError(f"{side} sentence {position} has the id {sentence['id']!r}: the ids must count "
                                 "from 0 in order")
            if not isinstance(sentence["original"], str) or _not_text(sentence, (), ("text", "locator")):
                raise InputError(f"{side} sentence {position} has no text")
        counts[side] = len(sentences)
        for sentence in project[side].get("set_aside", []):
            if not isinstance(sentence["text"], str) or not isinstance(sentence["line"], int) \
                    or _not_text(sentence, (), ("lang", "locator")):
                raise InputError(f"a {side} sentence set aside has no text or line: {str(sentence)[:60]}")
    seen = {"source": [], "target": []}
    for bead in project["beads"]:
        if not isinstance(bead, dict) or not _is_id_list(bead["src"]) or not _is_id_list(bead["tgt"]):
            raise InputError(f"a bead is not {{\"src\": [ids], \"tgt\": [ids], ...}}: {str(bead)[:60]}")
        if bead.get("score") is not None and (isinstance(bead["score"], bool)
                                               or not isinstance(bead["score"], (int, float))):
            raise InputError(f"a bead's score is not a number: {bead['score']!r}")
        if bead.get("kind") not in BEAD_KINDS:
            raise InputError(f"unknown bead kind {bead.get('kind')!r}")
        if not bead["src"] and not bead["tgt"]:
            raise InputError("a bead with no sentence on either side")
        # A kind says which sides it has: an "omission" holding a target sentence left the pair
        # out of the TMX, and a TSV showed a sentence "left out" beside its translation.
        if (bool(bead["src"]), bool(bead["tgt"])) != _SIDES.get(bead["kind"], (True, True)):
            raise InputError(f"a bead of kind {bead['kind']!r} with {len(bead['src'])} source and {len(bead['tgt'])} "
                             "target sentences")
        seen["source"] += bead["src"]
        seen["target"] += bead["tgt"]
    for side, ids in seen.items():
        if sorted(ids) != list(range(counts[side])):
            raise InputError(f"the beads do not hold every {side} sentence exactly once")
    if not isinstance(project["findings"], list):
        raise InputError("the findings are not a list")
    for finding in project["findings"]:
        if not isinstance(finding, dict) or not _is_id_list(finding["src"]) or not _is_id_list(finding["tgt"]):
            raise InputError(f"a finding is not {{\"src\": [ids], \"tgt\": [ids], ...}}: {str(finding)[:60]}")
        if any(not 0 <= i < counts["source"] for i in finding["src"]) or any(
                not 0 <= j < counts["target"] for j in finding["tgt"]):
            raise InputError(f"finding {finding.get('id')} names a sentence the texts do not have")
        if not isinstance(finding["type"], str) or not isinstance(finding["message"], str):
            raise InputError(f"finding {finding.get('id')} has no type or message as text")
        if not isinstance(finding.get("details") or {}, dict):
            raise InputError(f"finding {finding.get('id')}: its details are not an object")
        if finding.get("decision") not in DECISIONS:
            raise InputError(f"unknown decision {finding.get('decision')!r} on finding {finding.get('id')}")
        if finding.get("severity") not in SEVERITY_ORDER:
            raise InputError(f"unknown severity {finding.get('severity')!r} on finding {finding.get('id')}")


def load(path: str | Path) -> dict[str, Any]:
    try:
        project = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read the review project ({error})") from None
    validate(project)
    return project


def save(project: dict[str, Any], path: str | Path) -> None:
    """Validate, bring the findings to the beads as they now stand (`current_findings`, in place:
    the review server answers the page with them), then write whole: a crash mid-write leaves the
    previous corrections as they were."""
    validate(project)
    project["findings"] = current_findings(project)
    write_whole(path, _readable(project))


def _readable(value: Any, depth: int = 0) -> str:
    """JSON with one sentence, bead or finding a line: a person reads and diffs it, and it is written
    by the C encoder a line at a time (indenting every value took 0.6 s a save at 10,000 beads)."""
    pad = " " * (depth + 1)
    if isinstance(value, dict) and depth < 2:
        items = [f"{pad}{json.dumps(key)}: {_readable(item, depth + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}" + ("\n" if depth == 0 else "")
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "[\n" + ",\n".join(pad + _line(item) for item in value) + "\n" + " " * depth + "]"
    return _line(value)


def _line(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a score that is not a number: written null, as every JSON output of align
        return dumps(value, None)


def _read_document(data: dict[str, Any]) -> Document:
    sentences = [Sentence(id=s["id"], text=s.get("text", s["original"]), original=s["original"], line=s["line"],
                          paragraph=s.get("paragraph", 0), locator=s.get("locator", ""),
                          furniture=s.get("furniture", False)) for s in data["sentences"]]
    set_aside = [Sentence(id=-1, text=s["text"], original=s["text"], line=s["line"], paragraph=0, lang=s.get("lang", ""),
                          locator=s.get("locator", "")) for s in data.get("set_aside", [])]
    return Document(data["path"], data["lang"], data.get("encoding", "utf-8"), sentences,
                    locale=data.get("locale"), set_aside=set_aside)


def to_result(project: dict[str, Any], dismissed: bool = False) -> AlignmentResult:
    """The corrected alignment as a result every report renders. Findings the reviewer marked
    "not an issue" are left out unless `dismissed`; a decision and comment go into the details."""
    validate(project)
    beads = [Bead(tuple(b["src"]), tuple(b["tgt"]), b["kind"], math.nan if b.get("score") is None else float(b["score"]))
             for b in project["beads"]]
    findings = []
    for f in current_findings(project):
        if f["decision"] == "not_an_issue" and not dismissed:
            continue
        details = dict(f.get("details") or {})
        if f["decision"]:
            details["review"] = {"decision": f["decision"], "comment": f.get("comment", "")}
        elif f.get("derived"):
            details["review"] = {"decision": f["derived"], "comment": ""}
        findings.append(Finding(f["type"], list(f["src"]), list(f["tgt"]), f["message"], f["severity"], details))
    signature = {**project.get("signature", {}), "reviewed": True,
                 "corrections": sum(1 for b in project["beads"] if b.get("manual"))}
    source, target = _read_document(project["source"]), _read_document(project["target"])
    summary = dict(project.get("summary", {}))
    summary["beads"] = {kind: sum(1 for b in beads if b.kind == kind) for kind in BEAD_KINDS}
    # As the findings the export holds: one dismissed as "not an issue" was still counted.
    summary["findings"] = findings_by_type(findings)
    if signature["corrections"]:
        summary.update(_corrected_coverage(summary, beads, findings, source, target))
    return AlignmentResult(signature, source, target, beads, findings, summary)


# ---------------------------------------------------------------- findings after corrections
#
# A finding is about the beads as the aligner made them: a pair's replacement, merge, clause or
# fact, a run of sentences left out. Unlinked, the pair stayed "replaced" in the list and in every
# export beside the sentences now left out (703 findings on the page, 706 in the JSON). Every
# save, the page after it, a reload and every export read the findings through this one rule.

# Unpaired sentences, said one finding a run, as the aligner says them.
_UNPAIRED = ("omission", "addition")
# The shapes of a pair the aligner names; a pair the reviewer made is named the same way.
_SHAPES = ("split", "merge", "regrouped")


def current_findings(project: dict[str, Any]) -> list[dict[str, Any]]:
    """The project's findings as its beads now stand: those still true of them, with the reviewer's
    decision and comment, and those the beads imply that no finding says yet (a sentence unpaired is
    left out or added, a pair marked moved is moved, a pair of two sentences to one is a merge),
    each marked "derived". A finding about a pair the reviewer changed goes with the pair; a pair
    only marked moved or in place keeps its sentences, and what is said of them (facts, clauses)."""
    beads = project["beads"]
    where: tuple[dict[int, int], dict[int, int]] = ({}, {})  # sentence -> index of its bead, per side
    for k, bead in enumerate(beads):
        where[0].update((i, k) for i in bead["src"])
        where[1].update((j, k) for j in bead["tgt"])

    def beads_of(f: dict[str, Any]) -> list[dict[str, Any]]:
        return [beads[k] for k in sorted({where[0][i] for i in f["src"]} | {where[1][j] for j in f["tgt"]})]

    # Sentences left out or added inside a pair first: a pair's split or merge is judged without them.
    # They hold while they stand in a pair: the reviewer who links another sentence into it has not
    # said that theirs is translated.
    within = {id(f): f for f in project["findings"]
              if f["type"] in _UNPAIRED and (f.get("details") or {}).get("within_pair")}
    kept_within = {key for key, f in within.items() if all(b["src"] and b["tgt"] for b in beads_of(f))}
    absorbed = ({i for key in kept_within for i in within[key]["src"]},
                {j for key in kept_within for j in within[key]["tgt"]})
    # A finding the reviewer decided on or wrote about is the reviewer's work: kept whatever the
    # beads now say (a project saved before this rule, its fact finding accepted with a comment and
    # its pair split, lost both when the server opened it).
    kept = [f for f in project["findings"] if id(f) in kept_within or f.get("decision") or f.get("comment")
            or (id(f) not in within and _still_true(f, beads_of(f), absorbed))]
    # Only what a correction touched is said anew: the reviewer's beads, and the sentences of a
    # finding that no longer holds (the rest of a run left out, of a passage moved). A sentence
    # that never had a finding keeps none: `align pair --min-severity content` hid it on purpose.
    ids = {id(f) for f in kept}
    touched = ({i for b in beads if b.get("manual") for i in b["src"]} |
               {i for f in project["findings"] if id(f) not in ids for i in f["src"]},
               {j for b in beads if b.get("manual") for j in b["tgt"]} |
               {j for f in project["findings"] if id(f) not in ids for j in f["tgt"]})
    derived = _implied(project, kept, absorbed, touched)
    if not derived:
        return kept
    numbers = [int(f["id"][1:]) for f in project["findings"] if str(f.get("id", "")).startswith("f")
               and f["id"][1:].isdigit()]
    out = []
    for n, (finding, label) in enumerate(derived, start=max(numbers, default=0) + 1):
        out.append({"id": f"f{n}", **finding.to_dict(), "decision": None, "comment": "", "derived": label})
    # In the aligner's order (severity, then where): the sentence now left out stands among its
    # neighbours' findings, not after the last of 700.
    return list(heapq.merge(kept, sorted(out, key=_order), key=_order))


def _order(f: dict[str, Any]) -> tuple[int, int, int]:
    """Where the aligner lists a finding."""
    return finding_order(f["severity"], f["src"], f["tgt"])


def _still_true(f: dict[str, Any], beads: list[dict[str, Any]], absorbed: tuple[set[int], set[int]]) -> bool:
    """Whether finding `f` still says something true of `beads`, the beads that hold its sentences."""
    if f["type"] in _UNPAIRED:  # a run of sentences left out or added: all still unpaired
        return all(b["kind"] == f["type"] for b in beads)
    if not f["src"] or not f["tgt"]:
        return True  # about one sentence's text (metadata glued to it), wherever it stands
    if f["type"] == "moved":  # a passage of moved pairs: all still moved, and no other sentence joined
        held = ({i for b in beads for i in b["src"]}, {j for b in beads for j in b["tgt"]})
        return all(b["kind"] == "moved" for b in beads) and held == (set(f["src"]), set(f["tgt"]))
    if f["type"] == "fact_mismatch":
        # What the sentences say, not how they are paired: a number that differs still differs when
        # the pair is split or joined with its neighbour, while its sentences stay paired.
        return all(b["src"] and b["tgt"] for b in beads)
    if len(beads) != 1 or not beads[0]["src"] or not beads[0]["tgt"]:
        return False  # the pair was unlinked, or its sentences taken into other pairs
    bead = beads[0]
    if f["type"] == "replaced" and bead["kind"] != "replaced":
        return False  # marked moved or in place: a translation after all
    if not bead.get("manual"):
        return True
    # A pair the reviewer touched holds if it is the same pair (marked moved, say): a finding
    # names its whole pair, or the pair less the sentences left out or added inside it.
    named = (set(f["src"]), set(f["tgt"]))
    return named in ((set(bead["src"]), set(bead["tgt"])),
                     (set(bead["src"]) - absorbed[0], set(bead["tgt"]) - absorbed[1]))


def _implied(project: dict[str, Any], kept: list[dict[str, Any]], absorbed: tuple[set[int], set[int]],
             touched: tuple[set[int], set[int]]) -> list[tuple[Finding, str]]:
    """The findings the `touched` beads imply that no kept finding says, each with what the export
    tells of it: the aligner's own rule (`structural_findings`), on the beads left unsaid."""
    # What the kept findings say already, by source sentence (by target sentence for the added ones).
    named: dict[str, set] = {"omission": set(), "addition": set(), "moved": set(), "replaced": set(), "shape": set()}
    for f in kept:
        # A sentence left out inside its pair stays named when the reviewer takes it out of the pair.
        if f["type"] in _UNPAIRED:
            named[f["type"]].update(f["src"] if f["type"] == "omission" else f["tgt"])
        elif f["type"] in ("moved", "replaced"):
            named[f["type"]].update(f["src"])
        elif f["type"] in _SHAPES:
            named["shape"].update(f["src"])
    unsaid, reshaped = [], []
    for b in project["beads"]:
        if not touched[0] & set(b["src"]) and not touched[1] & set(b["tgt"]):
            continue
        score = math.nan if b.get("score") is None else float(b["score"])
        bead = Bead(tuple(b["src"]), tuple(b["tgt"]), b["kind"], score)
        if b["kind"] == "omission":
            unsaid += [Bead((i,), (), "omission", 0.0) for i in b["src"] if i not in named["omission"]]
        elif b["kind"] == "addition":
            unsaid += [Bead((), (j,), "addition", 0.0) for j in b["tgt"] if j not in named["addition"]]
        elif b["kind"] in ("moved", "replaced") and not named[b["kind"]] & set(b["src"]):
            unsaid.append(bead)
        # The aligner's pairs were judged with what this project does not hold (a sentence whose
        # clause was found whole): only the reviewer's pairs are judged again.
        if b.get("manual") and b["src"] and b["tgt"] and b["kind"] != "replaced" \
                and not named["shape"] & set(b["src"]):
            reshaped.append(bead)
    if not unsaid and not reshaped:
        return []
    source, target = _read_document(project["source"]), _read_document(project["target"])
    # A sentence keeps the kind (content, editorial, boilerplate) a finding had given it.
    categories = (["content"] * len(source.sentences), ["content"] * len(target.sentences))
    for f in project["findings"]:
        if f["type"] in _UNPAIRED and f.get("severity") in SEVERITY_ORDER:
            for i in f["src"]:
                categories[0][i] = f["severity"]
            for j in f["tgt"]:
                categories[1][j] = f["severity"]
    manual = ({i for b in project["beads"] if b.get("manual") for i in b["src"]},
              {j for b in project["beads"] if b.get("manual") for j in b["tgt"]})
    out = []
    for f in structural_findings(unsaid, source, target, *categories):
        if f.type in ("omission", "addition", "moved", "replaced"):
            unlinked = f.type in _UNPAIRED and set(f.src) <= manual[0] and set(f.tgt) <= manual[1]
            out.append((f, "unlinked by the reviewer" if unlinked else "found after the reviewer's corrections"))
    inside = (frozenset(absorbed[0]), frozenset(absorbed[1]))
    for f in structural_findings(reshaped, source, target, *categories, inside):
        if f.type in _SHAPES:
            out.append((f, "found after the reviewer's corrections"))
    return out


def _corrected_coverage(summary: dict[str, Any], beads: list[Bead], findings: list[Finding], source: Document,
                        target: Document) -> dict[str, Any]:
    """The coverage of the corrected pairs: an export kept the automatic alignment's, beside the
    reviewer's pairs. The verdict itself weighs similarities the project does not hold, so it is
    kept and said to be the automatic one."""
    src_coverage, tgt_coverage = coverage(beads, findings, source, target)
    out: dict[str, Any] = {"source_coverage": round(src_coverage, 4), "target_coverage": round(tgt_coverage, 4)}
    if "verdict" in summary and summary.get("reason") and "before review" not in summary["reason"]:
        out["reason"] = f"{summary['reason']} (verdict of the alignment before review)"
    return out
