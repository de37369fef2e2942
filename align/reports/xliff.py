"""XLIFF, the bilingual exchange format every CAT tool opens: 2.1 (`xliff`) and 1.2 (`xliff12`,
for older tools such as Trados 2007 or OmegaT's import).

One unit per bead, in document order, so every sentence of both texts is in the file once: a pair
is a translated segment; a sentence left out is a segment with a source and no target; a sentence
added is a segment with an empty source and a target. What the audit found about a unit rides
along as its notes (priority 1 for content, 5 editorial, 9 boilerplate), so a reviewer sees it in
the CAT tool beside the segment. Texts are the cleaned sentences, as in the TMX. The sentences of
the input files in neither aligned text (a third language, the other half of a mixed file) are
notes of the file, one each: no segment in a language the file is not in.
"""
from __future__ import annotations

from dataclasses import replace

from .. import lazy_re
from ..model import AlignmentResult, Finding, where_span
from .base import (Report, Row, escape, notes_by_row, rows, segment_text, set_aside, set_aside_note, typed, xml_attribute,
                   xml_lang)

XLIFF2_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps 2.0's namespace
XLIFF12_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
PRIORITY = {"content": 1, "editorial": 5, "boilerplate": 9}


def _text(row_sentences) -> str:
    return escape(segment_text(row_sentences), quote=False)


# XML whitespace that a reader's default handling may collapse or trim (translate-toolkit does, as
# OmegaT does): a run of it, a tab or line break, a space at either end. A markdown code span keeps
# its spaces ("x  =  1"), and align_sentences takes sentences as they are given. A no-break space
# is no XML whitespace: no reader touches it.
_COLLAPSIBLE = lazy_re.compile(r"[ \t\n\r]{2,}|[\t\n\r]|^ | $")


def _preserve(*texts: str) -> str:
    """` xml:space="preserve"` where one of `texts` holds such whitespace, else nothing: both
    XLIFF versions leave its handling to the reader by default."""
    return ' xml:space="preserve"' if any(_COLLAPSIBLE.search(text) for text in texts) else ""


def _own_part(finding: Finding, row: Row, result: AlignmentResult) -> Finding:
    """`finding` as the note of `row`: an omission or addition of several units narrowed to the
    sentences this one holds, its message rewritten to name them (line and text). The message
    quotes the run from its start, and three added units' notes all quoted the first sentence.
    (The spreadsheets keep the message whole, to filter a finding's rows on.)"""
    if finding.type not in ("omission", "addition"):
        return finding
    omitted = finding.type == "omission"
    side, ids, doc, row_ids = (("source", finding.src, result.source, row.bead.src) if omitted
                               else ("target", finding.tgt, result.target, row.bead.tgt))
    own = [i for i in ids if i in row_ids]
    if not own or len(own) == len(ids):
        return finding
    sentences = [doc.sentences[i] for i in own]
    text = " ".join(" ".join(s.original.split()) for s in sentences)
    verb = "left out" if omitted else "added"
    message = (f"{verb} ({where_span(sentences)} of the {side}, {finding.severity}; {len(own)} of "
               f"{len(ids)} sentences {verb} together): {text}")
    return replace(finding, src=own if omitted else [], tgt=[] if omitted else own, message=message)


def _notes(result: AlignmentResult, all_rows: list[Row]) -> dict[int, list[Finding]]:
    """Each unit's notes (`notes_by_row`), each naming the unit's own sentences (`_own_part`)."""
    return {k: [_own_part(f, all_rows[k], result) for f in found] for k, found in notes_by_row(result, all_rows).items()}


def _set_aside_notes(result: AlignmentResult) -> list[str]:
    """`not aligned: French (fr), line 5 of the source file, in neither text aligned: Le texte.`"""
    return [escape(f"{set_aside_note(side, s)}: {s.text}", quote=False) for side, s in set_aside(result)]


def _state(row: Row) -> str:
    """XLIFF 2's state: a `replaced` pair (two sentences in one place that do not translate each
    other) is no translation, so it is `initial`, as a one-sided unit is, with the audit's note
    saying why; marked `translated`, a CAT tool took it for done."""
    return "translated" if row.src and row.tgt and row.bead.kind != "replaced" else "initial"


def _state12(row: Row) -> str:
    """XLIFF 1.2's state of a target: `new` beside no source, `needs-review-translation` for a
    `replaced` pair (see `_state`)."""
    if not row.src:
        return "new"
    return "needs-review-translation" if row.bead.kind == "replaced" else "translated"


class XLIFFReport(Report):
    """XLIFF 2.1."""

    name = "xliff"
    extension = "xlf"

    def render(self, result: AlignmentResult) -> str:
        all_rows = rows(result)
        notes = _notes(result, all_rows)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<xliff xmlns="{XLIFF2_NAMESPACE}" version="2.1" srcLang={xml_attribute(xml_lang(result.source))} '
            f'trgLang={xml_attribute(xml_lang(result.target))}>',
            f'  <file id="f1" original={xml_attribute(result.source.path)}>',
            f"    <notes><note id=\"n0\" category=\"align:signature\">{escape(result.signature.get('string', ''), quote=False)}"
            "</note>",
            *(f'      <note id="n{k}" category="align:not_aligned" priority="9">{text}</note>'
              for k, text in enumerate(_set_aside_notes(result), 1)),
            "    </notes>",
        ]
        for row in all_rows:
            out.append(f'    <unit id="u{row.index + 1}" name="{row.bead.kind}">')
            if notes.get(row.index):
                out.append("      <notes>")
                out += [f'        <note category="align:{escape(f.type)}" priority="{PRIORITY.get(f.severity, 5)}">'
                        f"{escape(f.message, quote=False)}</note>" for f in notes[row.index]]
                out.append("      </notes>")
            out.append(f'      <segment state="{_state(row)}">')
            source = _text(row.src)
            out.append(f"        <source{_preserve(source)}>{source}</source>")
            if row.tgt:
                target = _text(row.tgt)
                out.append(f"        <target{_preserve(target)}>{target}</target>")
            out.append("      </segment>")
            out.append("    </unit>")
        out += ["  </file>", "</xliff>"]
        return "\n".join(out) + "\n"


class XLIFF12Report(Report):
    """XLIFF 1.2, for tools that do not read 2.x."""

    name = "xliff12"
    extension = "xlf"

    def render(self, result: AlignmentResult) -> str:
        all_rows = rows(result)
        notes = _notes(result, all_rows)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<xliff version="1.2" xmlns="{XLIFF12_NAMESPACE}">',
            f"  <file original={xml_attribute(result.source.path)} source-language={xml_attribute(xml_lang(result.source))} "
            f'target-language={xml_attribute(xml_lang(result.target))} datatype="plaintext">',
            f"    <header><note from=\"align\">{escape(result.signature.get('string', ''), quote=False)}</note>",
            *(f'      <note from="align" priority="9">{text}</note>' for text in _set_aside_notes(result)),
            "    </header>",
            "    <body>",
        ]
        for row in all_rows:
            source, target = _text(row.src), _text(row.tgt) if row.tgt else ""
            # XLIFF 1.2 allows xml:space on the trans-unit, not on its source or target.
            out.append(f'      <trans-unit id="{row.index + 1}" resname="{row.bead.kind}"{_preserve(source, target)}>')
            out.append(f"        <source>{source}</source>")
            if row.tgt:
                out.append(f'        <target state="{_state12(row)}">{target}</target>')
            out += [f'        <note from="align" priority="{PRIORITY.get(f.severity, 5)}">'
                    f"{escape(typed(f), quote=False)}</note>" for f in notes.get(row.index, [])]
            out.append("      </trans-unit>")
        out += ["    </body>", "  </file>", "</xliff>"]
        return "\n".join(out) + "\n"
