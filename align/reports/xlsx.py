"""An Excel workbook for a reviewer who works in a spreadsheet: one sheet of pairs (every bead,
every sentence once, in document order), one of findings, each with filters on and its header
frozen, and a third with the signature that made it.
"""
from __future__ import annotations

import io

from ..model import AlignmentResult
from .base import Report, finding_row, line_ref, rows, sorted_findings
from .xliff import notes_by_row


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
        pairs.append(["#", "kind", "score", "source lines", "target lines", f"source ({result.source.lang})",
                      f"target ({result.target.lang})", "findings"])
        for row in all_rows:
            pairs.append([row.index + 1, row.bead.kind, round(float(row.bead.score), 4),
                          line_ref(result.source, list(row.bead.src)), line_ref(result.target, list(row.bead.tgt)),
                          " ".join(s.original for s in row.src), " ".join(t.original for t in row.tgt),
                          "; ".join(f"{f.type}: {f.message}" for f in notes.get(row.index, []))])
        findings = book.create_sheet("Findings")
        findings.append(["severity", "type", "pair #", "source lines", "target lines", "message"])
        for finding in sorted_findings(result.findings):
            row = finding_row(finding, all_rows)
            findings.append([finding.severity, finding.type, row.index + 1 if row else None,
                             line_ref(result.source, finding.src), line_ref(result.target, finding.tgt),
                             finding.message])
        about = book.create_sheet("Signature")
        for key, value in result.signature.items():
            about.append([key, str(value)])
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
