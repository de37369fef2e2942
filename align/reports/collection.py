"""Reports for `align group`: which documents of a collection are versions of one another."""
from __future__ import annotations

from ..errors import AlignError
from ..model import CollectionResult, closeness, document_labels
from .table import shown_lines
from .tsv import escape, signature_row

COLLECTION_FORMATS = ("table", "json", "tsv")


def render_collection(result: CollectionResult, fmt: str) -> str:
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "table":
        return shown_lines(_table(result))
    raise AlignError(f"format {fmt!r} is not available for a collection; choose one of: {', '.join(COLLECTION_FORMATS)}")


def _percent(value: float) -> str:
    return f"{round(100 * value)}%"


def _pair_line(result: CollectionResult, pair: dict) -> str:
    a, b = result.documents[pair["a"]], result.documents[pair["b"]]
    return (f"  [{pair['a']}]-[{pair['b']}] {pair['verdict']}: {_percent(pair['a_coverage'])} of [{pair['a']}] and "
            f"{_percent(pair['b_coverage'])} of [{pair['b']}] align ({pair['aligned_pairs']} pairs, {a.lang}-{b.lang})")


def _table(result: CollectionResult) -> str:
    docs = result.documents
    versions = [g for g in result.groups if len(g) > 1]
    alone = [g[0] for g in result.groups if len(g) == 1]
    lines = [f"{len(docs)} documents: {len(versions)} group{'s' if len(versions) != 1 else ''} of versions, "
             f"{len(alone)} standing alone", ""]
    if result.unread:
        lines[1:1] = [f"{len(result.unread)} file{'s' if len(result.unread) != 1 else ''} not read:"]
        lines[2:2] = [f"  {entry['error']}" for entry in result.unread]
    # Each document's pairs, gathered in one pass: scanning every pair for each group made the
    # table of a large collection quadratic (100,000 documents: about 10^11 steps).
    links: dict[int, list[tuple[int, dict]]] = {}
    pairs_of: dict[int, list[dict]] = {}
    for index, pair in enumerate(result.pairs):
        if pair["version"]:
            links.setdefault(pair["a"], []).append((index, pair))
        for k in (pair["a"], pair["b"]):
            pairs_of.setdefault(k, []).append(pair)
    for number, group in enumerate(result.groups, 1):
        title = "versions of one another" if len(group) > 1 else "stands alone"
        lines.append(f"Group {number} ({title}):")
        for k in group:
            lines.append(f"  [{k}] {result.label(k)}: {docs[k].lang}, {len(docs[k].sentences)} sentences")
        if len(group) > 1:
            members = set(group)
            for _, pair in sorted(link for k in members for link in links.get(k, ())):
                lines.append(_pair_line(result, pair))
        else:
            # Why it stands alone: its closest document, and what the alignment made of them.
            own = pairs_of.get(group[0], [])
            closest = max(own, key=closeness, default=None)
            if closest is not None:
                other = closest["b"] if closest["a"] == group[0] else closest["a"]
                lines.append(f"  closest: [{other}], {closest['verdict']}: {closest['reason']}")
        lines.append("")
    # What made the report (tool version, model, segmenter, thresholds), as every report says it.
    lines += [f"Signature: {result.signature.get('string', '')}", ""]
    return "\n".join(lines)


# The columns of a pair's row, as `align group --pairs FILE` streams them (the report's TSV adds
# each document's group, known only at the end).
PAIR_COLUMNS = ["a", "b", "a_document", "b_document", "a_lang", "b_lang", "verdict", "version", "a_coverage",
                "b_coverage", "aligned_pairs"]


def pair_cells(documents, labels: list[str], pair: dict) -> list[str]:
    a, b = documents[pair["a"]], documents[pair["b"]]
    return [str(v) for v in (pair["a"], pair["b"], escape(labels[pair["a"]]), escape(labels[pair["b"]]), a.lang, b.lang,
                             pair["verdict"], int(pair["version"]), pair["a_coverage"], pair["b_coverage"],
                             pair["aligned_pairs"])]


class PairStream:
    """Writes each pair's row to a TSV file as `align group` aligns it (`--pairs FILE`): a long
    run shows its progress there, and keeps in memory only the rows its report needs."""

    def __init__(self, handle):
        self.handle = handle
        self.labels: list[str] | None = None
        handle.write("\t".join(PAIR_COLUMNS) + "\n")

    def __call__(self, documents, pair: dict) -> None:
        if self.labels is None:
            self.labels = document_labels(documents)
        self.handle.write("\t".join(pair_cells(documents, self.labels, pair)) + "\n")

    def finish(self, signature: dict) -> None:
        """The signature last, as the report's TSV ends (known only once every pair is aligned)."""
        self.handle.write(signature_row(signature))


def _tsv(result: CollectionResult) -> str:
    group_of = {k: number for number, group in enumerate(result.groups, 1) for k in group}
    labels = [result.label(k) for k in range(len(result.documents))]
    out = ["\t".join(PAIR_COLUMNS + ["a_group", "b_group"])]
    for pair in result.pairs:
        cells = pair_cells(result.documents, labels, pair) + [str(group_of[pair["a"]]), str(group_of[pair["b"]])]
        out.append("\t".join(cells))
    return "\n".join(out) + "\n" + signature_row(result.signature)
