"""Reports for `align versions`: one original, what each of its versions did with every sentence."""
from __future__ import annotations

import shutil

from ..errors import AlignError
from ..model import AlignmentResult, VersionsResult
from .base import KIND_MARKS, KIND_WORDS, summary_line
from .table import wrap
from .tsv import escape

VERSIONS_FORMATS = ("table", "json", "tsv")


def render_versions(result: VersionsResult, fmt: str, width: int | None = None) -> str:
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "table":
        return _table(result, width or shutil.get_terminal_size((120, 24)).columns)
    raise AlignError(f"format {fmt!r} is not available for versions; choose one of: {', '.join(VERSIONS_FORMATS)}")


def version_label(result: VersionsResult, k: int) -> str:
    doc = result.versions[k].target
    return f"{doc.path} ({doc.lang} part)" if doc.path == result.original.path else doc.path


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
    left_out = [(s, [k for k, (kind, _) in enumerate(row) if kind == "omission"])
                for s, row in zip(original.sentences, status)]
    shared = [(s, ks) for s, ks in left_out if len(ks) > 1]
    if count > 1:
        lines += ["", "Left out by more than one version:" if shared else "No sentence is left out by more than one version."]
        for s, ks in shared:
            lines.append(f"  line {s.line}, left out by {len(ks)} of {count} ({' '.join(f'[{k + 1}]' for k in ks)}): "
                         f"{_cut(s.original, width - 40)}")
    legend = ", ".join(f"{KIND_MARKS[kind]} {KIND_WORDS[kind]}" for kind in ("match", "moved", "replaced", "omission"))
    marks_width = 4 * count
    lines += ["", f"Every sentence of the original, in each version ({legend}):",
              f"{'line':>5}  {''.join(f'[{k + 1}]'.ljust(4) for k in range(count))}  text"]
    for s, row in zip(original.sentences, status):
        marks = "".join(f" {KIND_MARKS.get(kind, '?')}  " for kind, _ in row)
        lines.append(f"{s.line:>5}  {marks}  {_cut(s.original, width - 9 - marks_width)}")
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    """The text on one line of at most `width` columns, an ellipsis marking a cut."""
    lines = wrap(" ".join(text.split()), max(width, 20) - 1)
    return lines[0] + "…" if len(lines) > 1 else "".join(lines)


def _tsv(result: VersionsResult) -> str:
    count = len(result.versions)
    header = ["id", "line", "text"] + [f"v{k + 1}_{field}" for k in range(count) for field in ("kind", "ids", "lines")]
    out = ["\t".join(header)]
    for s, row in zip(result.original.sentences, result.status()):
        cells = [str(s.id), str(s.line), escape(s.original)]
        for k, (kind, tgt) in enumerate(row):
            target = result.versions[k].target
            cells += [kind, ",".join(map(str, tgt)), ",".join(str(target.sentences[j].line) for j in tgt)]
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"
