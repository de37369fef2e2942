"""Report formats, one module each, all rendering the same `AlignmentResult`.

    >>> from align.reports import render
    >>> print(render(result, "table", color=True))
"""
from __future__ import annotations

from ..errors import AlignError
from ..model import AlignmentResult
from .base import Report, summary_line
from .beads import BeadsReport
from .html import HTMLReport
from .json import JSONReport
from .table import TableReport
from .tmx import TMXReport
from .tsv import TSVReport
from .xliff import XLIFF12Report, XLIFFReport
from .xlsx import XLSXReport

REPORTS: dict[str, type[Report]] = {
    "table": TableReport,
    "json": JSONReport,
    "tsv": TSVReport,
    "tmx": TMXReport,
    "html": HTMLReport,
    "beads": BeadsReport,
    "xliff": XLIFFReport,
    "xliff12": XLIFF12Report,
    "xlsx": XLSXReport,
}


def render(result: AlignmentResult, fmt: str, color: bool = False, width: int | None = None,
           min_score: float = 0.0) -> str | bytes:
    """The result as text in format `fmt` (a key of REPORTS); `min_score` leaves weaker pairs out of a TMX."""
    try:
        report_class = REPORTS[fmt]
    except KeyError:
        # A user-typed option, so an AlignError: the CLI prints it on one line.
        raise AlignError(f"unknown report format {fmt!r}; choose one of: {', '.join(REPORTS)}") from None
    return report_class(color=color, width=width, min_score=min_score).render(result)


__all__ = ["REPORTS", "Report", "render", "summary_line"]
