"""TMX 1.4 translation memory, for importing the aligned pairs into a CAT tool.

Only match and moved beads become translation units: an omission or addition has no
translation to remember, and a one-sided <tu> pollutes a memory.
"""
from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__
from ..model import AlignmentResult
from .base import Report, escape, rows

PAIRED_KINDS = ("match", "moved")


def _xml_text(text: str) -> str:
    return escape(text, quote=False)


def quoteattr(text: str) -> str:
    return f'"{escape(text)}"'


def _lang(code: str | None) -> str:
    # xml:lang must not be empty; "und" is the standard spelling of "language unknown".
    return code if code else "und"


class TMXReport(Report):
    name = "tmx"
    extension = "tmx"

    def render(self, result: AlignmentResult) -> str:
        src_lang = _lang(result.source.locale or result.source.lang)
        tgt_lang = _lang(result.target.locale or result.target.lang)
        created = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<tmx version="1.4">',
            "  <header creationtool=\"align\" creationtoolversion=" + quoteattr(__version__)
            + ' datatype="plaintext" segtype="sentence" o-tmf="align" adminlang="en"'
            + f" srclang={quoteattr(src_lang)} creationdate={quoteattr(created)}>",
            f'    <prop type="x-source-file">{_xml_text(result.source.path)}</prop>',
            f'    <prop type="x-target-file">{_xml_text(result.target.path)}</prop>',
            "  </header>",
            "  <body>",
        ]
        for row in rows(result):
            if row.bead.kind not in PAIRED_KINDS or not row.src or not row.tgt:
                continue
            src_text = " ".join(s.original for s in row.src)
            tgt_text = " ".join(t.original for t in row.tgt)
            out.append(f'    <tu tuid="{row.index + 1}">')
            out.append(f'      <prop type="x-kind">{row.bead.kind}</prop>')
            out.append(f'      <prop type="x-score">{row.bead.score:.4f}</prop>')
            out.append(f'      <prop type="x-source-lines">{",".join(str(s.line) for s in row.src)}</prop>')
            out.append(f'      <prop type="x-target-lines">{",".join(str(t.line) for t in row.tgt)}</prop>')
            out.append(f"      <tuv xml:lang={quoteattr(src_lang)}><seg>{_xml_text(src_text)}</seg></tuv>")
            out.append(f"      <tuv xml:lang={quoteattr(tgt_lang)}><seg>{_xml_text(tgt_text)}</seg></tuv>")
            out.append("    </tu>")
        out += ["  </body>", "</tmx>"]
        return "\n".join(out) + "\n"
