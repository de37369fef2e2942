"""What every report format shares: the `Report` base class and the reading of a result.

Reports quote `Sentence.original` and `Sentence.line` because a translator checks them
against the file they opened, not against the cleaned text the encoder saw.
"""
from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass

from .. import lazy_re
from ..audit.findings import in_document_order, within_pairs
from ..model import SEVERITY_RANK, AlignmentResult, Bead, Document, Finding, Sentence, where_span

# Words for the summary line; bead kinds count sentences on the side that carries them.
KIND_WORDS = {"match": "matched", "moved": "moved", "replaced": "replaced", "omission": "left out", "addition": "added"}

# Text marks so a report without colour (a pipe, a log, a colour-blind reader) still shows kinds.
KIND_MARKS = {"match": "=", "moved": "~", "replaced": "!", "omission": "-", "addition": "+"}

# A sentence's place wider than this (a program's key, "BackgroundImageWizardStepsPanel.reduceImageSize.message")
# stands on a line of its own above the sentence, not as its margin: it left the text a column a word wide.
LONG_MARGIN = 20


# Characters XML 1.0 forbids even as references (C0 controls, lone surrogates, U+FFFE/U+FFFF): a
# TMX or XHTML file holding one is refused whole by a CAT tool or an XML parser. Listed, not as
# the complement of what XML allows: that class took 4.6 ms to compile, in every process.
# A vertical tab (Word's line break in a text export) and a form feed are line breaks to the
# reader, which XML cannot hold: written as one, not as a character that is not there.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
NOT_XML = lazy_re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str, quote: bool = True) -> str:
    """`text` escaped for HTML and XML, each character XML cannot hold shown as U+FFFD (one for one,
    so the reader still sees where it was)."""
    return html.escape(NOT_XML.sub("\ufffd", text.translate(_BREAKS)), quote=quote)


def xml_attribute(value: str) -> str:
    """`value` as a quoted XML attribute."""
    return f'"{escape(value)}"'


def xml_lang(doc: Document) -> str:
    """The document's language as xml:lang wants it: the user's tag ("en-GB") where given, and
    never empty ("und" is the standard spelling of "language unknown")."""
    return doc.locale or doc.lang or "und"


class Report:
    """One output format. Subclasses set `name` and implement `render`."""

    name: str = "report"
    extension: str = "txt"
    binary: bool = False  # render() returns bytes (a workbook), not text

    def __init__(self, color: bool = False, width: int | None = None, min_score: float = 0.0):
        self.color = color
        self.width = width
        self.min_score = min_score  # translation memories: pairs scored below this are left out

    def render(self, result: AlignmentResult) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Row:
    """One bead with its sentences looked up, ready to print."""

    index: int
    bead: Bead
    src: list[Sentence]
    tgt: list[Sentence]


def rows(result: AlignmentResult) -> list[Row]:
    """The beads in order, plus a row for any sentence no bead covers.

    The aligner should cover every sentence, but a report that silently drops one would hide
    exactly the kind of gap it exists to show, so stragglers become omission/addition rows.
    """
    src_seen: set[int] = set()
    tgt_seen: set[int] = set()
    beads: list[Bead] = []
    for bead in result.beads:
        src = tuple(i for i in bead.src if i not in src_seen and 0 <= i < len(result.source.sentences))
        tgt = tuple(i for i in bead.tgt if i not in tgt_seen and 0 <= i < len(result.target.sentences))
        src_seen.update(src)
        tgt_seen.update(tgt)
        if src or tgt:
            beads.append(bead if (src, tgt) == (bead.src, bead.tgt) else Bead(src, tgt, bead.kind, bead.score))
    beads += [Bead((s.id,), (), "omission", 0.0) for s in result.source.sentences if s.id not in src_seen]
    beads += [Bead((), (t.id,), "addition", 0.0) for t in result.target.sentences if t.id not in tgt_seen]
    beads = in_document_order(beads)
    return [
        Row(i, b, [result.source.sentences[j] for j in b.src], [result.target.sentences[j] for j in b.tgt])
        for i, b in enumerate(beads)
    ]


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Content findings first; within a severity, the aligner's order (document order)."""
    return sorted(findings, key=lambda f: SEVERITY_RANK.get(f.severity, len(SEVERITY_RANK)))


class FindingRows:
    """The rows each finding points at, found through the sentences they hold: an omission of two
    sentences may lie in two pairs, and a scan of every row for every finding is quadratic in a book."""

    def __init__(self, all_rows: list[Row]):
        self._by_sentence: tuple[dict[int, Row], dict[int, Row]] = ({}, {})
        for row in all_rows:
            for side, ids in enumerate((row.bead.src, row.bead.tgt)):
                for k in ids:
                    self._by_sentence[side].setdefault(k, row)

    def of(self, finding: Finding) -> list[Row]:
        """Every row the finding touches, in report order."""
        found = {row.index: row for side, ids in enumerate((finding.src, finding.tgt))
                 for k in ids if (row := self._by_sentence[side].get(k)) is not None}
        return [found[index] for index in sorted(found)]

    def first(self, finding: Finding) -> Row | None:
        """The first row it touches, the one reports link to."""
        touched = self.of(finding)
        return touched[0] if touched else None


def notes_by_row(result: AlignmentResult, all_rows: list[Row]) -> dict[int, list[Finding]]:
    """Each finding under every row it points at, most important first (under the first row only,
    the second sentence of an omission across two pairs was a pair without a finding)."""
    out: dict[int, list[Finding]] = {}
    touched = FindingRows(all_rows)
    for finding in sorted(result.findings, key=lambda f: SEVERITY_RANK.get(f.severity, len(SEVERITY_RANK))):
        for row in touched.of(finding):
            out.setdefault(row.index, []).append(finding)
    return out


def segment_text(sentences: list[Sentence]) -> str:
    """The text of a translation unit (TMX, XLIFF): the sentences cleaned of markdown, on one line."""
    return joined(sentences, lambda s: s.text)


# Chinese and Japanese put no space between sentences: a 1-2 pair's target read
# "他很晚才回家。 她已经去车站了。" in the TMX, a segment the document does not hold.
_UNSPACED = frozenset({"zh", "ja"})


def joined(sentences: list[Sentence], text=lambda s: s.original) -> str:
    """A bead's sentences as they read in running text: a space between two, none in Chinese or Japanese."""
    out = []
    for k, sentence in enumerate(sentences):
        if k and not (sentence.lang in _UNSPACED and sentences[k - 1].lang in _UNSPACED):
            out.append(" ")
        out.append(text(sentence))
    return "".join(out)


def typed(finding) -> str:
    """The note of XLIFF 1.2, which has no category: the finding's type before its message, once
    ("moved: moved: source line 39..." read twice)."""
    kind = finding.type.replace("_", " ")
    return finding.message if finding.message.startswith(f"{kind}:") else f"{kind}: {finding.message}"


def score_text(score: float, digits: int = 4, missing: str = "") -> str:
    """A bead's score as a report prints it; `missing` for a pair a reviewer linked by hand, which
    has no cosine (a score of 0 there read as the worst pair of the text)."""
    return f"{score:.{digits}f}" if math.isfinite(score) else missing


def has_score_below(bead: Bead, floor: float) -> bool:
    """Whether a translation memory's --min-score leaves `bead` out: a pair linked by hand stays."""
    return math.isfinite(bead.score) and bead.score < floor


def line_ref(doc: Document, ids: list[int]) -> str:
    sentences = [doc.sentences[i] for i in ids if 0 <= i < len(doc.sentences)]
    if any(s.locator for s in sentences):
        return where_span(sentences)
    lines = [s.line for s in sentences]
    if not lines:
        return ""
    lo, hi = min(lines), max(lines)
    return f"L{lo}" if lo == hi else f"L{lo}-{hi}"


def finding_where(finding: Finding, result: AlignmentResult) -> str:
    """`source L12 / target L15`: where to look, without quoting the text again."""
    parts = []
    src, tgt = line_ref(result.source, finding.src), line_ref(result.target, finding.tgt)
    if src:
        parts.append(f"source {src}")
    if tgt:
        parts.append(f"target {tgt}")
    return " / ".join(parts)


# How a finding type reads as a counted noun ("2 regroupings", "1 fact mismatch").
FINDING_NOUNS = {"regrouped": "regrouping", "untranslated": "untranslated pair", "length": "length outlier"}


def finding_noun(kind: str) -> str:
    return FINDING_NOUNS.get(kind, kind.replace("_", " "))


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    if word.endswith(("s", "ch", "sh", "x")):  # "mismatches", not "mismatchs"
        return f"{n} {word}es"
    return f"{n} {word}s"


def sentence_counts(result: AlignmentResult) -> Counter[str]:
    """Sentences by what became of them (bead kinds; "addition" counts target sentences, the rest
    source sentences), as every report and `align batch`'s summary count them."""
    counts: Counter[str] = Counter()
    # A sentence absorbed into a pair whose other side lacks its meaning is counted as what it is.
    inside_src, inside_tgt = within_pairs(result.findings)
    # A pair of two lists holding lines of one side more: that many of its lines are left out or
    # added, which ones the finding cannot say ("1 of lines 8-9"); the count was "0 left out".
    some_of = {(f.type, tuple(f.src if f.type == "omission" else f.tgt)): int(f.details["sentences"])
               for f in result.findings if f.type in ("omission", "addition") and "one_of" in (f.details or {})}
    for row in rows(result):
        kind = row.bead.kind
        if kind == "addition":
            counts[kind] += len(row.tgt)
            continue
        left_out = sum(1 for s in row.src if s.id in inside_src)
        added = sum(1 for t in row.tgt if t.id in inside_tgt)
        if kind == "match":
            left_out = max(left_out, some_of.get(("omission", tuple(s.id for s in row.src)), 0))
            added = max(added, some_of.get(("addition", tuple(t.id for t in row.tgt)), 0))
        counts[kind] += len(row.src) - left_out
        counts["omission"] += left_out
        counts["addition"] += added
    return counts


def unpaired_inside_pairs(result: AlignmentResult) -> tuple[set[int], set[int]]:
    """The source sentences reported left out and the target sentences reported added although a
    pair holds them (a sentence dropped beside its neighbour, which the audit finds inside their
    pair): a report marks them in their row, which otherwise read "= match"."""
    paired_src = {i for bead in result.beads if bead.src and bead.tgt for i in bead.src}
    paired_tgt = {j for bead in result.beads if bead.src and bead.tgt for j in bead.tgt}
    left_out = {i for f in result.findings if f.type == "omission" for i in f.src if i in paired_src}
    added = {j for f in result.findings if f.type == "addition" for j in f.tgt if j in paired_tgt}
    return left_out, added


def maybe_inside_pairs(result: AlignmentResult) -> tuple[set[int], set[int]]:
    """Of `unpaired_inside_pairs`, the sentences that are only candidates: one of a list's lines
    in a pair is left out, and the vectors cannot tell which (`findings._list_lines`). A report
    marks them "left out?", as "left out" on both read as two lines missing where one is."""
    maybe = [f for f in result.findings if "one_of" in (f.details or {})]
    return ({i for f in maybe if f.type == "omission" for i in f.src},
            {j for f in maybe if f.type == "addition" for j in f.tgt})


def set_aside(result: AlignmentResult) -> list[tuple[str, Sentence]]:
    """("source" or "target", sentence) for each sentence of the input files in neither aligned
    text (a third language in a mixed file, the part --src-lang did not choose)."""
    return ([("source", s) for s in result.source.set_aside] + [("target", s) for s in result.target.set_aside])


def on_side(side: str, value, empty=""):
    """(source cell, target cell) of a value that stands on one side."""
    return (value, empty) if side == "source" else (empty, value)


def set_aside_note(side: str, sentence: Sentence) -> str:
    """`not aligned: German (de), line 13 of the source file, in neither text aligned`."""
    from ..language import language_name

    return (f"not aligned: {language_name(sentence.lang or 'und')}, {sentence.where} of the {side} file, "
            f"in neither text aligned")


def summary_line(result: AlignmentResult) -> str:
    """`23 source / 31 target sentences: 19 matched, 2 moved, 2 left out, 10 added; 1 fact mismatch`.

    Counted from the beads rather than read from `result.summary` so that every report states
    the same numbers as the rows it prints.
    """
    counts = sentence_counts(result)
    head = f"{len(result.source.sentences)} source / {len(result.target.sentences)} target sentences: "
    # A replaced passage is rare enough that a standing "0 replaced" would be noise.
    head += ", ".join(f"{counts[k]} {KIND_WORDS[k]}" for k in KIND_WORDS if k != "replaced" or counts[k])
    others = Counter(f.type for f in result.findings if f.type not in ("omission", "addition", "moved", "replaced"))
    if others:
        head += "; " + ", ".join(plural(n, finding_noun(t)) for t, n in others.items())
    aside = set_aside(result)
    if aside:
        head += f"; {plural(len(aside), 'sentence')} in other parts of the files, not aligned"
    return head


def signature_line(result: AlignmentResult) -> str:
    """The one-line form of the signature when the pipeline made one (the JSON has every field)."""
    if "string" in result.signature:
        return str(result.signature["string"])
    return "|".join(f"{k}:{v}" for k, v in result.signature.items())


def verdict_line(result: AlignmentResult) -> str:
    """`Verdict: partial translation (71% of the source, 81% of the target aligned, its headlines and
    boilerplate aside): reason`. The target's share leaves out the lines a translator does not
    render (`findings.coverage`): said, or "81%" stood unexplained beside "13 of 29 target
    sentences align"."""
    summary = result.summary or {}
    if "verdict" not in summary:
        return ""
    coverage = ""
    if "source_coverage" in summary and "target_coverage" in summary:
        coverage = (f" ({summary['source_coverage']:.0%} of the source, "
                    f"{summary['target_coverage']:.0%} of the target aligned, its headlines and boilerplate aside)")
    reason = f": {summary['reason']}" if summary.get("reason") else ""
    return f"Verdict: {summary['verdict']}{coverage}{reason}"
