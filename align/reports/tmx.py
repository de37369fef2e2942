"""TMX 1.4 translation memory, for importing the aligned pairs into a CAT tool.

Only match and moved beads become translation units: an omission or addition has no
translation to remember, and a one-sided <tu> pollutes a memory; nor does a pair with no letter
or digit on either side (a markdown table's "|---|" row, a "* * *" scene break), which is markup
that the reports keep only so that no line of the input goes missing. A unit holds the cleaned text
(`segment_text`: no markdown, a wrapped sentence on one line, an escaped "\\_" as written), and a
pair the audit found fault with (a number that differs, a clause left out) carries that as an
x-flag property and a note, so the translator can filter it out of the memory or fix it there.
"""
from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__
from ..language import has_words
from ..model import AlignmentResult, short_where
from .base import (Report, escape, has_score_below, rows, score_text, segment_text, signature_line, xml_attribute,
                   xml_lang)

PAIRED_KINDS = ("match", "moved")


def _xml_text(text: str) -> str:
    return escape(text, quote=False)


class TMXReport(Report):
    name = "tmx"
    extension = "tmx"

    def render(self, result: AlignmentResult) -> str:
        src_lang, tgt_lang = xml_lang(result.source), xml_lang(result.target)
        created = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<tmx version="1.4">',
            "  <header creationtool=\"align\" creationtoolversion=" + xml_attribute(__version__)
            + ' datatype="plaintext" segtype="sentence" o-tmf="align" adminlang="en"'
            + f" srclang={xml_attribute(src_lang)} creationdate={xml_attribute(created)}>",
            f'    <prop type="x-source-file">{_xml_text(result.source.path)}</prop>',
            f'    <prop type="x-target-file">{_xml_text(result.target.path)}</prop>',
            # What made the memory (tool version, model, segmenter, thresholds), as every report says it.
            f'    <prop type="x-align-signature">{_xml_text(signature_line(result))}</prop>',
            "  </header>",
            "  <body>",
        ]
        flagged = _pair_findings(result)
        for row, src_text, tgt_text in _units(result, self.min_score):
            findings = flagged.get((row.bead.src, row.bead.tgt), [])
            out.append(f'    <tu tuid="{row.index + 1}">')
            out += [f"      <note>{_xml_text(f.message)}</note>" for f in findings]
            out += [f'      <prop type="x-flag">{_xml_text(kind)}</prop>'
                    for kind in dict.fromkeys(f.type for f in findings)]
            out.append(f'      <prop type="x-kind">{row.bead.kind}</prop>')
            if score_text(row.bead.score):
                out.append(f'      <prop type="x-score">{score_text(row.bead.score)}</prop>')
            out.append(f'      <prop type="x-source-lines">{",".join(short_where(s) for s in row.src)}</prop>')
            out.append(f'      <prop type="x-target-lines">{",".join(short_where(t) for t in row.tgt)}</prop>')
            out.append(f"      <tuv xml:lang={xml_attribute(src_lang)}><seg>{_xml_text(src_text)}</seg></tuv>")
            out.append(f"      <tuv xml:lang={xml_attribute(tgt_lang)}><seg>{_xml_text(tgt_text)}</seg></tuv>")
            out.append("    </tu>")
        out += ["  </body>", "</tmx>"]
        return "\n".join(out) + "\n"


def _units(result: AlignmentResult, min_score: float = 0.0):
    """(row, source text, target text) of each pair that becomes a translation unit."""
    for row in rows(result):
        if row.bead.kind not in PAIRED_KINDS or not row.src or not row.tgt or has_score_below(row.bead, min_score):
            continue
        src_text, tgt_text = segment_text(row.src), segment_text(row.tgt)
        if has_words(src_text) or has_words(tgt_text):
            yield row, src_text, tgt_text


def sentences_in_no_unit(result: AlignmentResult, min_score: float = 0.0) -> tuple[int, int]:
    """How many source and target sentences stand in no translation unit of the TMX (left out,
    added, markup, or in a pair under `min_score`), for the command to say so."""
    in_units = [set(), set()]
    for row, _src_text, _tgt_text in _units(result, min_score):
        in_units[0].update(s.id for s in row.src)
        in_units[1].update(t.id for t in row.tgt)
    return (len(result.source.sentences) - len(in_units[0]), len(result.target.sentences) - len(in_units[1]))


def _pair_findings(result: AlignmentResult) -> dict[tuple, list]:
    """The findings about what a pair says (facts, clauses, a sentence of it left out or added), by
    the pair's (source, target) ids. A sentence the audit found untranslated inside a pair
    (`audit.absorbed`) had gone into the memory as a plain match, its translation missing."""
    out: dict[tuple, list] = {}
    pair_of = ({i: (b.src, b.tgt) for b in result.beads if b.src and b.tgt for i in b.src},
               {j: (b.src, b.tgt) for b in result.beads if b.src and b.tgt for j in b.tgt})
    for finding in result.findings:
        if finding.type in ("fact_mismatch", "partial_omission", "partial_addition"):
            out.setdefault((tuple(finding.src), tuple(finding.tgt)), []).append(finding)
        elif finding.type in ("omission", "addition"):
            side, ids = (0, finding.src) if finding.type == "omission" else (1, finding.tgt)
            for key in dict.fromkeys(pair_of[side][k] for k in ids if k in pair_of[side]):
                out.setdefault(key, []).append(finding)
    return out
