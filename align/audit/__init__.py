"""The audit stage: from the aligner's beads to what a translator is told.

`findings` classifies beads (un-pairing what is no translation, re-pairing what moved: `moves`)
and words the omissions, additions, splits, merges and the verdict; `absorbed` finds a sentence
left out or added inside a neighbour's pair; `facts` compares numbers, dates and names across a
pair and `partial` its clauses; `classify` says what kind of addition a line is (headline,
credit, boilerplate); `qa` holds the checks a reprint audit adds (untranslated text, length
ratio). Every threshold is in `AuditThresholds`, which goes into each result's signature.
"""
from .thresholds import AuditThresholds

__all__ = ["AuditThresholds"]
