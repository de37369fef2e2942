"""What a fact check reports: one disagreement between the two sides of a pair."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactMismatch:
    # "number", "date", "time", "currency", "unit", "name", "web address", "e-mail", "handle", "code", "placeholder"
    # or "speaker"
    kind: str
    src_value: str | None
    tgt_value: str | None
    src_span: tuple[int, int] | None
    tgt_span: tuple[int, int] | None
    message: str
