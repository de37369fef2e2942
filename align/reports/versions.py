"""Reports for `align versions`: one original, what each of its versions did with every sentence."""
from __future__ import annotations

import shutil

from ..audit.findings import line_span, within_pairs
from ..collection import VERSION_VERDICTS
from ..errors import AlignError
from ..model import AlignmentResult, Sentence, VersionsResult, short_where
from .base import KIND_MARKS, KIND_WORDS, escape, set_aside_note, summary_line, typed
from .html import KIND_LABELS, STYLE
from .table import shown, shown_lines, wrap
from .tsv import escape as tsv_escape, signature_row

VERSIONS_FORMATS = ("table", "json", "tsv", "html")


def render_versions(result: VersionsResult, fmt: str, width: int | None = None) -> str:
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "table":
        return shown_lines(_table(result, width or shutil.get_terminal_size((120, 24)).columns))
    if fmt == "html":
        return _html(result)
    raise AlignError(f"format {fmt!r} is not available for versions; choose one of: {', '.join(VERSIONS_FORMATS)}")


def version_label(result: VersionsResult, k: int) -> str:
    doc = result.versions[k].target
    return f"{doc.path} ({doc.lang} part)" if doc.path == result.original.path else doc.path


def _set_aside(result: VersionsResult) -> list[tuple[int | None, Sentence]]:
    """(version index, or None for the original; sentence) for each sentence of the files in no
    text aligned: the other half of a mixed version (seed 000 given as a version), a third
    language. The pair reports list them; these listed none of them, the TSV without a word."""
    return ([(None, s) for s in result.original.set_aside]
            + [(k, s) for k, version in enumerate(result.versions) for s in version.target.set_aside])


def _aside_label(result: VersionsResult, k: int | None) -> str:
    return "original" if k is None else f"[{k + 1}]"


# Findings a row of the grid names in words: the omissions, additions and moves it marks itself.
_MARKED = frozenset(("omission", "addition", "moved", "split", "merge", "regrouped"))


def _row_notes(result: VersionsResult) -> list[list[list[str]]]:
    """notes[row][k]: what version k's findings say of original sentence `row` that the grid's
    marks do not (a fact mismatch, a clause left out or added, an untranslated pair)."""
    notes: list[list[list[str]]] = [[[] for _ in result.versions] for _ in result.original.sentences]
    for k, version in enumerate(result.versions):
        home = {j: bead.src[0] for bead in version.beads if bead.src for j in bead.tgt}
        for finding in version.findings:
            if finding.type in _MARKED:
                continue
            row = finding.src[0] if finding.src else next((home[j] for j in finding.tgt if j in home), None)
            if row is not None and notes:
                notes[row][k].append(typed(finding))
    return notes


def _counted(result: VersionsResult) -> list[int]:
    """The versions that are one: a text that translates none of the original leaves all of it
    out, and would make every sentence look left out by several versions."""
    return [k for k, v in enumerate(result.versions) if (v.summary or {}).get("verdict", "translation") in VERSION_VERDICTS]


def _shared_omissions(result: VersionsResult, status) -> list[tuple[Sentence, list[int]]]:
    """The original's sentences left out by more than one of the counted versions."""
    counted = _counted(result)
    left_out = [(s, [k for k in counted if row[k][0] == "omission"]) for s, row in zip(result.original.sentences, status)]
    return [(s, ks) for s, ks in left_out if len(ks) > 1]


def _not_versions(result: VersionsResult) -> str:
    others = [f"[{k + 1}]" for k in range(len(result.versions)) if k not in _counted(result)]
    return f"({' '.join(others)} {'is' if len(others) == 1 else 'are'} no version of the original: not counted below)"


def _verdict(version: AlignmentResult) -> str:
    summary = version.summary or {}
    if "verdict" not in summary:
        return ""
    return f": {summary['verdict']}, {summary['source_coverage']:.0%} of the original aligned"


def _table(result: VersionsResult, width: int) -> str:
    original, count = result.original, len(result.versions)
    part = ""
    if any(version.target.path == original.path for version in result.versions):
        numbers = [s.line for s in original.sentences]
        part = f" part, lines {min(numbers)}-{max(numbers)}"
    lines = [f"Original: {original.path} ({original.lang}{part}), {len(original.sentences)} sentences", "Versions:"]
    for k, version in enumerate(result.versions):
        lines.append(f"  [{k + 1}] {version_label(result, k)}, {len(version.target.sentences)} sentences"
                     f"{_verdict(version)}")
        lines.append(f"      {summary_line(version).split(': ', 1)[-1]}")
    status = result.status()
    shared, counted = _shared_omissions(result, status), len(_counted(result))
    if counted < count:
        lines.append(f"  {_not_versions(result)}")
    if counted > 1:
        lines += ["", "Left out by more than one version:" if shared else "No sentence is left out by more than one version."]
        for s, ks in shared:
            lines.append(f"  {shown(s.where)}, left out by {len(ks)} of {counted} ({' '.join(f'[{k + 1}]' for k in ks)}): "
                         f"{_cut(s.original, width - 40)}")
    legend = ", ".join(f"{KIND_MARKS[kind]} {KIND_WORDS[kind]}" for kind in ("match", "moved", "replaced", "omission"))
    marks_width = 4 * count
    lines += ["", f"Every sentence of the original, in each version ({legend}):",
              f"{'line':>5}  {''.join(f'[{k + 1}]'.ljust(4) for k in range(count))}  text"]
    for s, row in zip(original.sentences, status):
        marks = "".join(f" {KIND_MARKS.get(kind, '?')}  " for kind, _ in row)
        # A place may hold an XLIFF unit's id as the file wrote it: its line break is shown, as a tab is.
        lines.append(f"{shown(short_where(s)):>5}  {marks}  {_cut(s.original, width - 9 - marks_width)}")
    for k in range(count):
        lines += [""] + _version_lines(result, k, width)
    aside = _set_aside(result)
    if aside:
        lines += ["", f"Not aligned ({len(aside)}): other parts of the files, in another language:"]
        lines += [f"  {_aside_label(result, k)} {shown(s.where)} [{s.lang}]: {_cut(s.original, width - 20)}" for k, s in aside]
    # What made the report (tool version, model, segmenter, thresholds), as every report says it.
    lines += ["", f"Signature: {result.signature.get('string', '')}"]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    """The text on one line of at most `width` columns, an ellipsis marking a cut."""
    lines = wrap(" ".join(text.split()), max(width, 20) - 1)
    return lines[0] + "…" if len(lines) > 1 else "".join(lines)


def _tsv(result: VersionsResult) -> str:
    """A row per original sentence, and after it a row per passage a version adds there (its
    own columns filled, the others empty), so that every sentence of every version is listed,
    its text once: a version sentence that renders two original ones stands in the first's row."""
    count = len(result.versions)
    fields = ("kind", "ids", "lines", "text", "findings")
    header = ["id", "line", "text"] + [f"v{k + 1}_{field}" for k in range(count) for field in fields]
    out = ["\t".join(header)]
    blank = [""] * len(fields)

    def version_cells(k: int, kind: str, ids: list[int], texts_of: list[int], notes=()) -> list[str]:
        target = result.versions[k].target
        return [kind, ",".join(map(str, ids)), tsv_escape(",".join(short_where(target.sentences[j]) for j in ids)),
                tsv_escape(" ".join(target.sentences[j].original for j in texts_of)), tsv_escape("; ".join(notes))]

    placed, notes = _cells(result), _row_notes(result)
    added = [within_pairs(version.findings)[1] for version in result.versions]
    for s, row, beside, said in zip(result.original.sentences, result.status(), placed, notes):
        cells = [str(s.id), tsv_escape(short_where(s)), tsv_escape(s.original)]
        for k, (kind, tgt) in enumerate(row):
            cells += version_cells(k, kind, [j for j in tgt if j not in added[k]],
                                   [j for piece_kind, ids in beside[k] if piece_kind != "addition" for j in ids],
                                   said[k])
        out.append("\t".join(cells))
        for k, pieces in enumerate(beside):
            for kind, ids in pieces:
                if kind == "addition":
                    out.append("\t".join(["", "", ""] + blank * k + version_cells(k, kind, ids, ids)
                                         + blank * (count - k - 1)))
    # The sentences in no text aligned, a row each: "set_aside" in every version's column for one
    # of the original's file, in its own version's columns for one of a version's.
    for k, s in _set_aside(result):
        if k is None:
            note = ["set_aside", "", "", "", tsv_escape(set_aside_note("original", s))]
            out.append("\t".join(["", tsv_escape(short_where(s)), tsv_escape(s.original)] + note * count))
        else:
            cells = ["set_aside", "", tsv_escape(short_where(s)), tsv_escape(s.original),
                     tsv_escape(set_aside_note("version", s))]
            out.append("\t".join(["", "", ""] + blank * k + cells + blank * (count - k - 1)))
    return "\n".join(out) + "\n" + signature_row(result.signature)


def _version_lines(result: VersionsResult, k: int, width: int) -> list[str]:
    """Every sentence of version k, in its own order, with what it renders of the original."""
    version, original = result.versions[k], result.original
    rendering = {j: (bead.kind, bead.src) for bead in version.beads for j in bead.tgt}
    added = within_pairs(version.findings)[1]
    said: dict[int, list[str]] = {}
    for finding in version.findings:
        if finding.type not in _MARKED and finding.tgt:
            said.setdefault(finding.tgt[0], []).append(typed(finding))
    lines = [f"[{k + 1}] {version_label(result, k)}, sentence by sentence:"]
    for s in version.target.sentences:
        kind, src = ("addition", ()) if s.id in added else rendering.get(s.id, ("addition", ()))
        of = shown(line_span(original, list(src))) if src else "added"
        lines.append(f"{shown(short_where(s)):>5}  {KIND_MARKS.get(kind, '?')}  {of:<14} {_cut(s.original, width - 25)}")
        lines += [f"{'':>5}  ⚑  {_cut(note, width - 10)}" for note in said.get(s.id, [])]
    return lines


# A cell is coloured by what became of the original sentence in that version; added passages
# inside it are green.
_STYLE = """
td.kind-omission { background: var(--omission); } td.kind-moved { background: var(--moved); }
td.kind-replaced { background: var(--replaced); }
.piece-addition { background: var(--addition); border-left: 3px solid var(--addition-edge); }
"""


def _cells(result: VersionsResult) -> list[list[list[tuple[str, list[int]]]]]:
    """cells[row][k]: the pieces of version k shown beside original sentence `row`, in the version's
    order, each (bead kind, version sentence ids). A bead stands beside its first original sentence;
    an added passage beside the original sentence of the last in-order bead before it, so every
    sentence of every version is shown exactly once."""
    cells: list[list[list[tuple[str, list[int]]]]] = [
        [[] for _ in result.versions] for _ in result.original.sentences]
    for k, version in enumerate(result.versions):
        # A sentence left out inside a pair (`audit.absorbed`) is shown left out: the pair's text
        # stands beside the first of its sentences the version renders, not in the left-out row.
        left_out = {i for f in version.findings if f.type == "omission" for i in f.src}
        added = within_pairs(version.findings)[1]
        row = 0
        for bead in version.beads:
            if bead.src and bead.kind != "moved":
                row = bead.src[0]
            if bead.tgt and cells:
                home = next((i for i in bead.src if i not in left_out), bead.src[0]) if bead.src else row
                # A sentence added inside a pair is shown added, beside the pair it stands in.
                kept = [j for j in bead.tgt if j not in added or not bead.src]
                inside = [j for j in bead.tgt if j in added and bead.src]
                cells[home][k] += [(bead.kind, kept)] * bool(kept) + [("addition", inside)] * bool(inside)
    return cells


def _html(result: VersionsResult) -> str:
    original, status, cells = result.original, result.status(), _cells(result)
    count = len(result.versions)
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>align: versions of {escape(original.path)}</title>", f"<style>{STYLE}{_STYLE}</style>", "</head>",
           "<body><main>",
           f"<h1>{count} version{'s' if count != 1 else ''} of {escape(original.path)} ({escape(original.lang)})</h1>",
           '<ol class="findings">']
    for k, version in enumerate(result.versions):
        out.append(f"<li><b>{escape(version_label(result, k))}</b>{escape(_verdict(version))}. "
                   f"{escape(summary_line(version))}</li>")
    out.append("</ol>")
    shared, counted = _shared_omissions(result, status), len(_counted(result))
    if counted < count:
        out.append(f"<p>{escape(_not_versions(result))}</p>")
    if counted > 1:
        out.append("<h2>Left out by more than one version</h2>")
        out.append("<ul>" + "".join(
            f'<li><a href="#o{s.id + 1}">{escape(s.where)}</a>, left out by {len(ks)} of {counted} '
            f"({' '.join(f'[{k + 1}]' for k in ks)})</li>" for s, ks in shared) + "</ul>" if shared else "<p>None.</p>")
    aside = _set_aside(result)
    if aside:
        out.append(f"<h2>Not aligned ({len(aside)})</h2><p>Other parts of the files, in another language: "
                   "in no text aligned.</p><ul class=\"aside\">")
        out += [f'<li lang="{escape(s.lang or "und")}">{escape(_aside_label(result, k))} {escape(s.where)}: '
                f"{escape(s.original)}</li>" for k, s in aside]
        out.append("</ul>")
    out.append(f'<p class="signature">{escape(str(result.signature.get("string", "")))}</p>')
    out.append('<table><colgroup><col class="n">' + "<col>" * (count + 1) + "</colgroup>")
    out.append(f"<thead><tr><th>line</th><th>Original ({escape(original.lang)})</th>"
               + "".join(f"<th>[{k + 1}] {escape(version_label(result, k))}</th>" for k in range(count))
               + "</tr></thead><tbody>")
    # The first original sentence of each bead, by the version sentences the bead holds.
    first_row: list[dict[tuple[int, ...], int]] = [{} for _ in range(count)]
    for s, row in zip(original.sentences, status):
        for k, (_, tgt) in enumerate(row):
            first_row[k].setdefault(tgt, s.id)
    notes = _row_notes(result)
    for s, row, row_cells, said in zip(original.sentences, status, cells, notes):
        out.append(f'<tr id="o{s.id + 1}"><td class="n">{escape(short_where(s))}</td>'
                   f'<td lang="{escape(original.lang)}">{escape(s.original)}</td>')
        for k, ((kind, tgt), pieces) in enumerate(zip(row, row_cells)):
            target = result.versions[k].target
            body = "".join(
                f'<div class="s piece-{escape(piece_kind)}"><span class="ln">{KIND_MARKS.get(piece_kind, "?")}</span>'
                f"<span>{escape(' '.join(target.sentences[j].original for j in ids))} "
                f"<span class=\"where\">({line_span(target, ids)})</span></span></div>"
                for piece_kind, ids in pieces)
            note = ""
            if kind == "omission":
                note = KIND_LABELS["omission"]
            elif first_row[k][tgt] != s.id:  # the second sentence of a merge
                note = f"↑ in one sentence with {original.sentences[first_row[k][tgt]].where}"
            if note:
                body = f'<div class="s"><span class="ln">{KIND_MARKS.get(kind, "?")}</span>' \
                       f'<span class="where">{escape(note)}</span></div>' + body
            body += "".join(f'<div class="s"><span class="ln">⚑</span><span class="where">{escape(text)}</span></div>'
                            for text in said[k])
            out.append(f'<td class="kind-{escape(kind)}" lang="{escape(target.lang)}">{body}</td>')
        out.append("</tr>")
    out.append("</tbody></table></main></body></html>")
    return "\n".join(out) + "\n"
