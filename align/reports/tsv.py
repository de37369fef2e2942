"""One row per bead for spreadsheets and `cut`/`awk`.

A cell is the sentence as written, with three marks so that neither a line tool nor a spreadsheet
misreads it: a tab or newline inside it is backslash-escaped, and so is every other character that
a line reader takes for a line end (a vertical tab, Word's line break in a text export, as `\v`;
U+2028 as `\u2028`...), so that one row stays one line for `cut`, `awk` and `wc -l` (the xlsx
report is the one for a spreadsheet: its cells hold the line breaks themselves); a backslash is
doubled only where it would read as such an escape (markdown's `\\_` stays as written);
a cell opening with `"` is quoted as a spreadsheet quotes it (Excel and Python's csv module take
an opening quote for the start of a quoted field, and the sentence lost its quotes or ran into
the next cell); a cell opening with `=`, `+`, `-` or `@` starts with `'`, the spreadsheet's own
mark for "text", so that a sentence is never run as a formula. `unescape` undoes all three.

The report's last line is its signature, as a comment: `# signature: align:0.1.0|enc:...`, so that
the file says which tool, model, segmenter and thresholds made it, as every other report does.
Last, not first: the header stays the first row, which a spreadsheet's filter, `csv.DictReader`,
pandas and align itself (`readers.columns.ReportColumnsReader`) take for the column names, and
each bead keeps its row. No row of the table opens with `#` (the first column is a bead's kind), so
`grep -v '^#'`, pandas' `comment="#"` and R's `read.table` leave the line out, and a spreadsheet
shows it as a note under the table.
"""
from __future__ import annotations

import re

from ..model import AlignmentResult, short_where
from .base import Report, joined, notes_by_row, on_side, rows, score_text, set_aside, set_aside_note, typed

COLUMNS = ("kind", "score", "src_ids", "tgt_ids", "src_lines", "tgt_lines", "src_text", "tgt_text", "findings")

_FORMULA_STARTS = ("=", "+", "-", "@")
# What `str.splitlines` (and so many a line reader) ends a line at, besides "\n" and "\r".
_LINE_ENDS = {"\x0b": "\\v", "\x0c": "\\f", **{c: f"\\u{ord(c):04x}" for c in "\x1c\x1d\x1e\x85\u2028\u2029"}}
_LINE_ENDS_TABLE = str.maketrans(_LINE_ENDS)


def _reads_as_formula(text: str) -> bool:
    """Whether a spreadsheet would take `text` for a formula, or `text` is one after a `'` mark
    (so that a sentence that itself opens with `'=` comes back whole)."""
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(_FORMULA_STARTS)


def as_text(cell: str) -> str:
    """`cell` behind the spreadsheet's text mark `'` where a spreadsheet would run it as a formula."""
    return "'" + cell if _reads_as_formula(cell) else cell


def from_text(cell: str) -> str:
    """The cell `as_text` wrote, as it was."""
    return cell[1:] if cell.startswith("'") and _reads_as_formula(cell[1:]) else cell


# A backslash that `unescape` would read as the start of an escape: before a backslash, one of the
# escape letters, or a character that is escaped itself. Every other backslash ("\_" in markdown,
# "C:\Users") is written once, so that the cell reads as the text does in a spreadsheet.
_AMBIGUOUS_BACKSLASH = re.compile(r"\\(?=[\\tnrvf\t\n\r]|u[0-9a-f]{4}|[" + "".join(_LINE_ENDS) + "])")


def escape(text: str, quoting: bool = True) -> str:
    """`text` as one TSV cell (see the module's note); without `quoting`, a cell opening with `"`
    is written as it is (batch's summary.tsv, read with no quoting)."""
    text = _AMBIGUOUS_BACKSLASH.sub(r"\\\\", text)
    text = text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    text = text.translate(_LINE_ENDS_TABLE)
    text = as_text(text)
    if quoting and text.startswith('"'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def unescape(text: str, quoting: bool = True) -> str:
    """The text of a cell `escape` wrote (with the same `quoting`)."""
    if quoting and len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    text = from_text(text)
    out, i = [], 0
    table = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "v": "\x0b", "f": "\x0c"}
    while i < len(text):
        if text.startswith("\\u", i) and re.fullmatch(r"[0-9a-f]{4}", text[i + 2:i + 6]):
            out.append(chr(int(text[i + 2:i + 6], 16)))
            i += 6
        elif text[i] == "\\" and i + 1 < len(text) and text[i + 1] in table:
            out.append(table[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


SIGNATURE_MARK = "# signature: "


def signature_row(signature: dict) -> str:
    """The signature's one-line string as the last line of a TSV report (see the module's note),
    escaped as a cell is, so that a model's path holding a tab or line break keeps it one line."""
    string = signature.get("string") or "|".join(f"{k}:{v}" for k, v in signature.items())
    return SIGNATURE_MARK + escape(str(string)) + "\n"


class TSVReport(Report):
    name = "tsv"
    extension = "tsv"

    def render(self, result: AlignmentResult) -> str:
        out = ["\t".join(COLUMNS)]
        all_rows = rows(result)
        notes = notes_by_row(result, all_rows)
        for row in all_rows:
            out.append(
                "\t".join(
                    [
                        row.bead.kind,
                        score_text(row.bead.score),
                        ",".join(str(s.id) for s in row.src),
                        ",".join(str(t.id) for t in row.tgt),
                        # A place is a reader's locator, which may hold an XLIFF unit's id as the
                        # file wrote it: a tab or line break in it is escaped as a sentence's is.
                        escape(",".join(short_where(s) for s in row.src)),
                        escape(",".join(short_where(t) for t in row.tgt)),
                        # A bead's sentences are joined as they read in running text; the id
                        # columns keep the boundaries.
                        escape(joined(row.src)),
                        escape(joined(row.tgt)),
                        # Last, so that the columns before it keep their numbers for `cut -f`.
                        escape("; ".join(typed(f) for f in notes.get(row.index, []))),
                    ]
                )
            )
        for side, sentence in set_aside(result):
            out.append("\t".join(["set_aside", "", "", "", *on_side(side, escape(short_where(sentence))),
                                  *on_side(side, escape(sentence.original)), escape(set_aside_note(side, sentence))]))
        return "\n".join(out) + "\n" + signature_row(result.signature)
