"""An Excel workbook for a reviewer who works in a spreadsheet: one sheet of pairs (every bead,
every sentence once, in document order), one of findings, each with filters on and its header
frozen, and a third with the signature that made it.
"""
from __future__ import annotations

import io
import math

from ..model import AlignmentResult, where_span
from .base import (
    NOT_XML,
    FindingRows,
    Report,
    joined,
    line_ref,
    notes_by_row,
    on_side,
    rows,
    set_aside,
    set_aside_note,
    sorted_findings,
    typed,
)


# The Pairs sheet's header; the text columns name their language: "source (en)", "target (fr)".
# `readers.xlsx` knows the report by it when it is given back as an input.
PAIRS_COLUMNS = ("#", "kind", "score", "source lines", "target lines", "source", "target", "findings")


def _append(sheet, values: list) -> None:
    """XML 1.0, and so a worksheet, has no place for most C0 control characters nor U+FFFE/U+FFFF:
    openpyxl refuses the whole workbook for the first, and writes a file Excel will not open for the
    second. Text exported from Word or pdftotext carries vertical tabs and form feeds (line and page
    breaks: written as a line break in the cell and a space); any other is shown as U+FFFD, not
    dropped unseen."""

    def visible(match) -> str:
        return {"\x0b": "\n", "\x0c": " "}.get(match.group(0), "\ufffd")

    sheet.append([NOT_XML.sub(visible, value) if isinstance(value, str) else value for value in values])


class XLSXReport(Report):
    name = "xlsx"
    extension = "xlsx"
    binary = True

    def render(self, result: AlignmentResult) -> bytes:  # type: ignore[override]
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        all_rows = rows(result)
        notes = notes_by_row(result, all_rows)
        book = Workbook()
        pairs = book.active
        pairs.title = "Pairs"
        header = list(PAIRS_COLUMNS)
        header[5:7] = [f"source ({result.source.lang})", f"target ({result.target.lang})"]
        _append(pairs, header)
        for row in all_rows:
            _append(pairs, [row.index + 1, row.bead.kind, round(row.bead.score, 4) if math.isfinite(row.bead.score) else None,
                            line_ref(result.source, list(row.bead.src)), line_ref(result.target, list(row.bead.tgt)),
                            joined(row.src), joined(row.tgt),
                            "; ".join(typed(f) for f in notes.get(row.index, []))])
        for side, sentence in set_aside(result):
            where = where_span([sentence]) if sentence.locator else f"L{sentence.line}"
            _append(pairs, [None, "set_aside", None, *on_side(side, where), *on_side(side, sentence.original),
                            set_aside_note(side, sentence)])
        findings = book.create_sheet("Findings")
        _append(findings, ["severity", "type", "pair #", "source lines", "target lines", "message"])
        finding_rows = FindingRows(all_rows)
        for finding in sorted_findings(result.findings):
            row = finding_rows.first(finding)
            _append(findings, [finding.severity, finding.type, row.index + 1 if row else None,
                               line_ref(result.source, finding.src), line_ref(result.target, finding.tgt),
                               finding.message])
        about = book.create_sheet("Signature")
        for key, value in result.signature.items():
            # A setting a row ("aligner.tau | -0.1"), not a Python dict in one cell.
            for name, setting in (value.items() if isinstance(value, dict) else [("", value)]):
                shown = ", ".join(map(str, setting)) if isinstance(setting, (list, tuple)) else setting
                _append(about, [f"{key}.{name}" if name else key, str(shown)])
        for sheet, widths in ((pairs, [6, 10, 8, 12, 12, 70, 70, 60]), (findings, [12, 18, 8, 12, 12, 90])):
            sheet.auto_filter.ref = sheet.dimensions
            sheet.freeze_panes = "A2"
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for index, width in enumerate(widths):
                sheet.column_dimensions[chr(ord("A") + index)].width = width
            for cells in sheet.iter_rows(min_row=2):
                for cell in cells:
                    if isinstance(cell.value, str):
                        # Text is text: "=SUM(...)" or "-" quoted in a sentence is no formula.
                        cell.data_type = "s"
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
