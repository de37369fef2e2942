"""The machine-readable result, exactly `AlignmentResult.to_json()`, so tools see one schema."""
from __future__ import annotations

from ..model import AlignmentResult
from .base import Report


class JSONReport(Report):
    name = "json"
    extension = "json"

    def render(self, result: AlignmentResult) -> str:
        return result.to_json() + "\n"
