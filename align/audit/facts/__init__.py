"""Facts that a matched pair of sentences disagrees on: numbers, dates and names.

Everything here is a pure function of the two texts. The rule that keeps false alarms down:
a value that is only on one side is a mismatch only when the other side has a *different*
value of the same kind that is itself unaccounted for. A number that is simply dropped is an
omission, not a wrong fact, and `partial.py` is the place that reports it.

One module a kind of fact, each reading on the ones before it: `mismatch` (what a check reports),
`quantities` (numbers, dates, times and amounts as each language writes them), `codes` (web
addresses, e-mails, handles and codes), `numbers` (figures, measures, currencies and units
compared), `names`, `weekdays` (days and months) and `speakers` (a script's or a transcript's);
`compare_facts` here runs them on a pair.
"""
from __future__ import annotations

from .codes import _address_mismatches, _addresses, _code_mismatches, _codes, link_mismatches, placeholder_mismatches
from .mismatch import FactMismatch
from .names import _country_mismatches, _name_mismatches, extract_names, name_key
from .numbers import _number_mismatches, figure_stated_in
from .quantities import extract_numbers
from .speakers import speaker_mismatches
from .weekdays import _calendar_mismatches

__all__ = ["FactMismatch", "compare_facts", "extract_numbers", "extract_names", "figure_stated_in", "link_mismatches",
           "name_key", "placeholder_mismatches", "speaker_mismatches"]


def compare_facts(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> list[FactMismatch]:
    """Numbers, dates, names and addresses that a matched pair states differently, in source order."""
    src_codes, tgt_codes = _codes(src_text), _codes(tgt_text)  # read once: the number check skips their digits
    found = _number_mismatches(src_text, tgt_text, src_lang, tgt_lang, src_codes, tgt_codes)
    found += _calendar_mismatches(src_text, tgt_text)
    found += _name_mismatches(src_text, tgt_text, src_lang, tgt_lang)
    found += _country_mismatches(src_text, tgt_text, src_lang, tgt_lang, found)
    found += _address_mismatches(src_text, tgt_text, src_lang, tgt_lang)
    # A code inside an address is the address's: "data-2024.csv" in a changed link was told twice.
    found += _code_mismatches(_outside_addresses(src_codes, src_text), _outside_addresses(tgt_codes, tgt_text))
    found += placeholder_mismatches(src_text, tgt_text)
    return sorted(found, key=lambda f: (f.src_span or (1 << 30, 0), f.kind))


def _outside_addresses(codes, text: str):
    if not codes:
        return codes
    spans = [span for values in _addresses(text).values() for _, span in values]
    return [c for c in codes if not any(a <= c[2][0] and c[2][1] <= b for a, b in spans)]
