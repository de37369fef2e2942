"""Audit quality: do the findings report the changes we injected, and nothing on clean pairs?

A finding counts for a change when it has the change's finding type and shares a sentence with it:
the source side for an omission, the target side for an addition, either side for a move or a
number mismatch. Precision is over the findings of that type; those the gold itself backs are set
aside, neither right nor wrong: an omission or addition on a gold null bead (a real omission or
addition of the human translation), a move on a gold bead out of order, a number mismatch on a gold
pair whose two sides already write different numbers;
recall is over the injected changes. Several findings on one change all count as right (a
paragraph reported in two pieces); `findings_per_change` shows how fragmented the reports are.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .inject import Change
from .scoring import _f1, _ratio

SCORED = ("omission", "addition", "moved", "number")
CHANGE_TYPE = {"omission": "omission", "addition": "addition", "moved": "moved", "fact_mismatch": "number"}


def finding_type(finding) -> str | None:
    """Which scored type a finding is, if any (a fact mismatch counts here only when it is about a number)."""
    kind = finding.type
    if kind in ("omission", "addition", "moved"):
        return kind
    if kind == "fact_mismatch":
        details = getattr(finding, "details", None) or {}
        fact = str(details.get("kind", details.get("fact", ""))).lower()
        if fact in ("number", "num", "date", "time", "quantity", ""):
            if fact == "" and "name" in str(getattr(finding, "message", "")).lower():
                return None
            return "number"
    return None


def _overlaps(kind: str, finding, change: Change) -> bool:
    src, tgt = set(finding.src), set(finding.tgt)
    if kind == "omission":
        return bool(src & set(change.src))
    if kind == "addition":
        return bool(tgt & set(change.tgt))
    return bool(src & set(change.src)) or bool(tgt & set(change.tgt))


def _backed(kind: str, finding, background: list[Change]) -> bool:
    """The gold itself backs this finding of a scored type (see `inject.gold_background`)."""
    return any(CHANGE_TYPE[c.finding] == kind and _overlaps(kind, finding, c) for c in background)


def _touches(finding, change: Change) -> bool:
    return bool(set(finding.src) & set(change.src)) or bool(set(finding.tgt) & set(change.tgt))


class AuditTally:
    def __init__(self):
        self.pred = Counter()  # findings of each scored type, background ones excluded
        self.pred_ok = Counter()  # ... that report an injected change
        self.background = Counter()  # findings set aside: the gold itself backs them (see gold_background)
        self.expected = Counter()  # injected changes per type
        self.found = Counter()  # ... reported by at least one finding of the right type
        self.detected_as = defaultdict(Counter)  # change kind -> finding types touching it
        self.by_kind = defaultdict(Counter)  # change kind -> {"n": .., "found": ..}
        self.other_findings = Counter()  # finding types not scored here
        self.sent = defaultdict(Counter)  # omission/addition at sentence level: tp, pred, gold
        self.misses: list[dict] = []
        self.false_alarms: list[dict] = []

    def add(self, findings, changes: list[Change], background: list[Change], doc_key: str = "",
            src_text=None, tgt_text=None) -> None:
        typed = [(finding_type(f), f) for f in findings]
        for t, f in typed:
            if t is None:
                self.other_findings[f.type] += 1
        for change in changes:
            expected_type = CHANGE_TYPE[change.finding]
            self.expected[expected_type] += 1
            self.by_kind[change.kind]["n"] += 1
            hit = any(t == expected_type and _overlaps(t, f, change) for t, f in typed)
            if hit:
                self.found[expected_type] += 1
                self.by_kind[change.kind]["found"] += 1
            else:
                self.misses.append({"doc": doc_key, "kind": change.kind, "src": list(change.src),
                                    "tgt": list(change.tgt), "note": change.note})
            touched = sorted({f.type for f in findings if _touches(f, change)}) or ["(nothing)"]
            for name in touched:
                self.detected_as[change.kind][name] += 1
        for t, f in typed:
            if t is None:
                continue
            if any(CHANGE_TYPE[c.finding] == t and _overlaps(t, f, c) for c in changes):
                self.pred[t] += 1
                self.pred_ok[t] += 1
            elif _backed(t, f, background):
                self.background[t] += 1
            else:
                self.pred[t] += 1
                alarm = {"doc": doc_key, "type": f.type, "src": list(f.src), "tgt": list(f.tgt),
                         "message": getattr(f, "message", "")}
                self.false_alarms.append(alarm)
        # sentence level, omissions on the source side and additions on the target side
        for t, side in (("omission", "src"), ("addition", "tgt")):
            gold = {i for c in changes if c.finding == t for i in getattr(c, side)}
            back = {i for c in background if c.finding == t for i in getattr(c, side)}
            pred = {i for ft, f in typed if ft == t for i in getattr(f, side)} - back
            self.sent[t]["tp"] += len(pred & gold)
            self.sent[t]["pred"] += len(pred)
            self.sent[t]["gold"] += len(gold)

    def scores(self) -> dict:
        out = {}
        for t in SCORED:
            p = _ratio(self.pred_ok[t], self.pred[t])
            r = _ratio(self.found[t], self.expected[t])
            out[t] = {"precision": p, "recall": r, "f1": _f1(p, r), "findings": self.pred[t],
                      "correct_findings": self.pred_ok[t], "changes": self.expected[t], "found": self.found[t],
                      "set_aside": self.background[t]}
            if t in self.sent:
                s = self.sent[t]
                sp, sr = _ratio(s["tp"], s["pred"]), _ratio(s["tp"], s["gold"])
                out[t]["sentence_level"] = {"precision": sp, "recall": sr, "f1": _f1(sp, sr)}
        out["by_change"] = {k: {"n": v["n"], "found": v["found"], "detected_as": dict(self.detected_as[k])}
                            for k, v in sorted(self.by_kind.items())}
        out["other_findings"] = dict(self.other_findings)
        return out


def clean_pair_counts(findings, background: list[Change]) -> dict:
    """Findings on an unmodified gold pair, and how many of them the gold itself backs up: an
    omission or addition on a gold null bead, a move on a gold bead out of order, a number
    mismatch on a gold pair whose two sides write different numbers."""
    counts = Counter(f.type for f in findings)
    backed = Counter()
    for f in findings:
        t = finding_type(f)
        if t is not None and _backed(t, f, background):
            backed["omission_addition" if t in ("omission", "addition") else t] += 1
    return {"findings": sum(counts.values()), "by_type": dict(counts),
            "omission_addition_on_gold_null": backed["omission_addition"], "moved_on_gold_crossing": backed["moved"],
            "numbers_on_gold_discrepancy": backed["number"]}
