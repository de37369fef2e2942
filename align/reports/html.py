"""One self-contained HTML page: something to mail to a translator or open from a CI artifact.

No external stylesheet, font or script, so the page looks the same offline and years later.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import AlignmentResult, Sentence, short_where
from .base import (
    escape,
    KIND_MARKS,
    LONG_MARGIN,
    Report,
    finding_noun,
    FindingRows,
    finding_where,
    plural,
    rows,
    score_text,
    signature_line,
    sorted_findings,
    set_aside,
    maybe_inside_pairs,
    unpaired_inside_pairs,
    summary_line,
    verdict_line,
)

# Finding types the alignment table already shows on every row they concern.
STRUCTURAL = ("split", "merge", "regrouped")
FOLD_STRUCTURAL_OVER = 10

KIND_LABELS = {"match": "match", "moved": "moved", "replaced": "replaced", "omission": "left out", "addition": "added"}

STYLE = """
:root { --ink:#1d2125; --muted:#6a737d; --line:#d8dee4;
  --omission:#fde7e7; --omission-edge:#d1242f; --addition:#e3f5e6; --addition-edge:#1a7f37;
  --moved:#fff4cc; --moved-edge:#bf8700; --replaced:#f3e8fd; --replaced-edge:#8250df;
  --match-edge:#d8dee4; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI",
  Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1600px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 .6rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
.files { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: 0 0 .6rem; }
.files dt { color: var(--muted); }
.files dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.summary { font-weight: 600; margin: .4rem 0; }
.verdict { margin: .4rem 0; padding: .3rem .6rem; background: #eef3fb; border-left: 4px solid #3a6fb0; }
.signature { color: var(--muted); font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.legend span { display: inline-block; padding: .05rem .5rem; margin-right: .4rem; border-left: 4px solid;
  font-size: .85rem; }
ol.findings { padding-left: 1.6rem; margin: 0; }
ol.findings li { margin: .25rem 0; }
details { margin: .4rem 0; } details summary { cursor: pointer; color: var(--muted); }
.sev { display: inline-block; min-width: 6.5em; font-size: .75rem; font-weight: 600; text-transform: uppercase;
  letter-spacing: .03em; }
.sev-content { color: var(--omission-edge); } .sev-editorial { color: var(--moved-edge); }
.sev-boilerplate { color: var(--muted); }
.ftype { font-weight: 600; }
.where { color: var(--muted); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.n { width: 3.8rem; } col.k { width: 6.5rem; }
th { position: sticky; top: 0; background: #f6f8fa; text-align: left; font-weight: 600;
  border-bottom: 2px solid var(--line); padding: .4rem .6rem; }
td { vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
td.n { color: var(--muted); font-size: .8rem; text-align: right; white-space: nowrap; }
td.n a { color: inherit; text-decoration: none; }
td.k { font-size: .85rem; white-space: nowrap; }
td.k .score { display: block; color: var(--muted); font-size: .75rem; }
tr.kind-match td.k { border-left: 4px solid var(--match-edge); }
tr.kind-omission { background: var(--omission); } tr.kind-omission td.k { border-left: 4px solid var(--omission-edge); }
tr.kind-addition { background: var(--addition); } tr.kind-addition td.k { border-left: 4px solid var(--addition-edge); }
tr.kind-moved { background: var(--moved); } tr.kind-moved td.k { border-left: 4px solid var(--moved-edge); }
tr.kind-replaced { background: var(--replaced); } tr.kind-replaced td.k { border-left: 4px solid var(--replaced-edge); }
tr:target { outline: 3px solid #0969da; outline-offset: -3px; }
/* A row a finding's link jumps to stands below the sticky header, not under it: its first line
   ("CHAPITRE XIII.") was hidden there. */
tr { scroll-margin-top: 2.6rem; }
.s { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
.s > span:last-child { flex: 1 1 0; min-width: 8em; }
/* A program's key: a line of its own above its string, not a margin wider than the text. */
.ln.long { flex-basis: 100%; text-align: left; white-space: normal; overflow-wrap: anywhere; }
.s + .s { margin-top: .3rem; }
.s.in-pair-left-out { background: var(--omission); box-shadow: inset 3px 0 var(--omission-edge); }
.s.in-pair-added { background: var(--addition); box-shadow: inset 3px 0 var(--addition-edge); }
.badge { flex: 0 0 auto; align-self: flex-start; font-size: .7rem; padding: 0 .3em; border-radius: 3px;
  color: #fff; background: var(--omission-edge); }
.in-pair-added .badge { background: var(--addition-edge); }
mark.fact { background: #ffd54f; padding: 0 1px; } mark.clause { background: #ffccbc; padding: 0 1px; }
/* A book's line numbers have four or five digits: on one line, not "273" over "7". */
.ln { flex: 0 0 auto; min-width: 2.4em; padding-top: .15em; color: var(--muted); font-size: .75rem;
  text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.flag { display: block; margin-top: .15rem; font-size: .75rem; text-decoration: none; color: #0969da; }
input.filter { margin: 0 .4rem .6rem 0; } label.filter { font-size: .9rem; }
#only-content:checked ~ table tbody tr:not([data-content]) { display: none; }
@media (max-width: 900px) { body { padding: 1rem; } col.k { width: 5rem; } }
@media print { th { position: static; } tr { break-inside: avoid; } }
"""


class HTMLReport(Report):
    name = "html"
    extension = "html"

    def render(self, result: AlignmentResult) -> str:
        all_rows = rows(result)
        findings = sorted_findings(result.findings)
        # Each row links back to the findings that point at it, each finding links to its row.
        flags: dict[int, list[int]] = {}
        content_rows: set[int] = set()
        targets: list[int | None] = []
        finding_rows = FindingRows(all_rows)
        for n, finding in enumerate(findings, 1):
            touched = finding_rows.of(finding)
            targets.append(touched[0].index if touched else None)
            for row in touched:
                flags.setdefault(row.index, []).append(n)
                if finding.severity == "content":
                    content_rows.add(row.index)

        src, tgt = result.source, result.target
        title = f"{Path(src.path).name} ↔ {Path(tgt.path).name}"
        out = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>align: {escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body><main>",
            f"<h1>Alignment report: {escape(title)}</h1>",
            '<dl class="files">',
            f"<dt>Source ({escape(src.lang)})</dt><dd>{escape(src.path)}</dd>",
            f"<dt>Target ({escape(tgt.lang)})</dt><dd>{escape(tgt.path)}</dd>",
            "</dl>",
            f'<p class="summary">{escape(summary_line(result))}</p>',
            f'<p class="verdict">{escape(verdict_line(result))}</p>' if verdict_line(result) else "",
            f'<p class="signature">{escape(signature_line(result))}</p>',
        ]

        out.append(f"<h2>Findings ({len(findings)})</h2>")
        items = [(n, self._item(n, finding, target, result))
                 for n, (finding, target) in enumerate(zip(findings, targets), 1)]
        # A novel has hundreds of splits and merges, which the table marks row by row anyway:
        # folded, they no longer bury the handful of omissions and additions a reader looks for.
        folded = {n for n, f in enumerate(findings, 1) if f.type in STRUCTURAL} \
            if sum(f.type in STRUCTURAL for f in findings) > FOLD_STRUCTURAL_OVER else set()
        shown = [item for n, item in items if n not in folded]
        if shown:
            out += ['<ol class="findings">', *shown, "</ol>"]
        elif not folded:
            out.append("<p>None.</p>")
        if folded:
            kinds = Counter(f.type for f in findings if f.type in STRUCTURAL)
            parts = [plural(kinds[t], finding_noun(t)) for t in STRUCTURAL if kinds[t]]
            counts = parts[-1] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
            out.append(f'<details><summary>{escape(counts)}: sentences cut or joined differently, each marked in '
                       f'the table</summary><ol class="findings">')
            out += [item for n, item in items if n in folded]
            out.append("</ol></details>")

        aside = set_aside(result)
        if aside:
            out.append(f"<h2>Not aligned ({len(aside)})</h2><p>Other parts of the files, in another language: "
                       "in neither text aligned.</p><ul class=\"aside\">")
            out += [f'<li lang="{escape(s.lang or "und")}">{escape(side)} {escape(s.where)}: {escape(s.original)}</li>'
                    for side, s in aside]
            out.append("</ul>")

        out.append("<h2>Alignment</h2>")
        out.append(
            '<p class="legend">'
            + "".join(
                f'<span style="border-color:var(--{k}-edge);background:var(--{k}, #fff)">'
                f"{KIND_MARKS[k]} {KIND_LABELS[k]}</span>"
                for k in KIND_LABELS
            )
            + "</p>"
        )
        if content_rows:
            # A book's table is thousands of rows: the rows a content finding touches, and nothing
            # else, at one click. A checkbox and a style rule, no script: the page runs none.
            out.append('<input type="checkbox" id="only-content" class="filter">'
                       f'<label for="only-content" class="filter">Show only the {plural(len(content_rows), "row")} '
                       "with a content finding</label>")
        out.append('<table><colgroup><col class="n"><col class="k"><col><col></colgroup>')
        out.append(
            f"<thead><tr><th>#</th><th>Kind</th><th>Source ({escape(src.lang)})</th>"
            f"<th>Target ({escape(tgt.lang)})</th></tr></thead><tbody>"
        )
        marked, maybe = unpaired_inside_pairs(result), maybe_inside_pairs(result)
        values = _values_to_mark(result)
        for row in all_rows:
            kind = row.bead.kind
            label = escape(f"{KIND_MARKS.get(kind, '?')} {KIND_LABELS.get(kind, kind)}")
            flag_links = "".join(f'<a class="flag" href="#f{n}">⚑ finding {n}</a>' for n in flags.get(row.index, []))
            out.append(
                f'<tr id="b{row.index + 1}" class="kind-{escape(kind)}"{" data-content" if row.index in content_rows else ""}>'
                f'<td class="n"><a href="#b{row.index + 1}">{row.index + 1}</a></td>'
                f'<td class="k">{label}<span class="score">{score_text(row.bead.score, 2, "—")}</span>{flag_links}</td>'
                f'<td lang="{escape(src.lang)}"{_direction(src.lang)}>{_cell(row.src, marked[0], "left out", values[0], maybe[0])}</td>'
                f'<td lang="{escape(tgt.lang)}"{_direction(tgt.lang)}>{_cell(row.tgt, marked[1], "added", values[1], maybe[1])}</td></tr>'
            )
        out.append("</tbody></table>")
        out.append("</main></body></html>")
        return "\n".join(out) + "\n"

    @staticmethod
    def _item(n: int, finding, target: int | None, result: AlignmentResult) -> str:
        where = escape(finding_where(finding, result))
        if target is not None and where:
            where = f'<a href="#b{target + 1}">{where}</a>'
        sev = escape(finding.severity)
        # value= keeps each finding's number where a list is split in two.
        return (f'<li id="f{n}" value="{n}"><span class="sev sev-{sev}">{sev}</span> '
                f'<span class="ftype">{escape(finding.type.replace("_", " "))}</span> '
                f'<span class="where">{where}</span>: {_message(finding, result)}</li>')


# Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto: shown right to left. Without it, a quotation's
# marks and the full stop of an Arabic sentence stood on the wrong sides (a probe's screenshot).
_RIGHT_TO_LEFT = frozenset("ar he fa ur yi ps sd ug dv".split())


def _direction(lang: str | None) -> str:
    return ' dir="rtl"' if _right_to_left(lang) else ""


def _right_to_left(lang: str | None) -> bool:
    return (lang or "").split("-")[0] in _RIGHT_TO_LEFT


# Findings whose message ends in the text of one side, after "(where): ".
_QUOTING_SIDE = {"omission": "source", "partial_omission": "source", "addition": "target", "partial_addition": "target"}


def _message(finding, result: AlignmentResult) -> str:
    """A finding's message; a quoted right-to-left sentence in it isolated as right-to-left, or an
    Arabic sentence's Latin words ("World Bank.") were laid out at the wrong end of it."""
    side = _QUOTING_SIDE.get(finding.type)
    head, cut, quote = finding.message.partition("): ")
    if side is None or not cut or not _right_to_left(getattr(result, side).lang):
        return escape(finding.message)
    return f'{escape(head + cut)}<bdi dir="rtl">{escape(quote)}</bdi>'


def _cell(sentences: list[Sentence], marked: set[int] = frozenset(), label: str = "",
          values: dict[int, list[tuple[str, str]]] | None = None, maybe: set[int] = frozenset()) -> str:
    """A row's sentences; one in `marked` (left out or added inside its pair) is flagged `label`
    ("left out?" where it is one of the candidates, `maybe`), and the words of `values` (by
    sentence id: a changed figure, a clause left out) are marked."""
    return "".join(
        f'<div class="s{" in-pair-" + label.replace(" ", "-") if s.id in marked else ""}">'
        f'<span class="ln{" long" if len(short_where(s)) > LONG_MARGIN else ""}" title="{escape(s.where)}">'
        f'{escape(short_where(s))}</span>'
        + (f'<span class="badge">{escape(label + ("?" if s.id in maybe else ""))}</span>' if s.id in marked else "")
        + f'<span dir="{_sentence_direction(s)}">{_marked(s.original, (values or {}).get(s.id, []))}</span></div>'
        for s in sentences
    )


def _values_to_mark(result: AlignmentResult) -> tuple[dict[int, list], dict[int, list]]:
    """Per side, the words to mark in each sentence: a fact's two values, the clause left out or
    added. A changed figure's row looked like any match but for a small link (a probe), where
    align review marks them."""
    out: tuple[dict[int, list], dict[int, list]] = ({}, {})
    for finding in result.findings:
        details = finding.details or {}
        if finding.type == "fact_mismatch":
            for side, ids, key in ((0, finding.src, "src_value"), (1, finding.tgt, "tgt_value")):
                for k in ids:
                    if details.get(key):
                        out[side].setdefault(k, []).append((str(details[key]), "fact"))
        elif finding.type in ("partial_omission", "partial_addition") and details.get("text"):
            side, ids = (0, finding.src) if finding.type == "partial_omission" else (1, finding.tgt)
            for k in ids:
                out[side].setdefault(k, []).append((str(details["text"]).strip(), "clause"))
    return out


def _inside_a_word(text: str, start: int, end: int) -> bool:
    return ((start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            or (end < len(text) and text[end].isalnum() and text[end - 1].isalnum()))


def _marked(text: str, values: list[tuple[str, str]]) -> str:
    """`text` escaped, each value's first place in it (one not yet marked) in a <mark>."""
    spans: list[tuple[int, int, str]] = []
    for value, kind in values:
        start = text.find(value) if value else -1
        # Not inside a longer figure or word ("3" in "2023"), nor over a value already marked.
        while start >= 0 and (any(start < end and start + len(value) > begin for begin, end, _kind in spans)
                              or _inside_a_word(text, start, start + len(value))):
            start = text.find(value, start + 1)
        if start >= 0:
            spans.append((start, start + len(value), kind))
    out, at = [], 0
    for begin, end, kind in sorted(spans):
        out += [escape(text[at:begin]), f'<mark class="{kind}">', escape(text[begin:end]), "</mark>"]
        at = end
    return "".join(out) + escape(text[at:])


def _sentence_direction(sentence: Sentence) -> str:
    """A sentence in a right-to-left language is laid out so, whatever its first letter ("Google
    הודיעה..." read left to right put the company's name at the end); else by its first letter."""
    return "rtl" if _right_to_left(sentence.lang) else "auto"
