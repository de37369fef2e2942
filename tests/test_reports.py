"""Every report format, on a small hand-made result from a real English/French pair (seed 000)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html import escape as html_escape
from pathlib import Path

import pytest

from align.errors import AlignError
from align.model import AlignmentResult, Bead, Document, Finding, Sentence
from align.reports import REPORTS, render
from align.reports.base import sorted_findings, summary_line
from align.reports.tsv import COLUMNS, escape as tsv_escape, unescape as tsv_unescape

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ad9e4be62e06e56c.txt"
ANSI = re.compile(r"\033\[[0-9;]*m")


def _sentences(lines: list[str], picks: list[tuple[int, int, int]], lang: str) -> list[Sentence]:
    """(line, start, end) picks: `original` is exactly the file's text, `text` is a cleaned copy."""
    out = []
    for i, (line, start, end) in enumerate(picks):
        original = lines[line - 1][start:end] if end else lines[line - 1][start:]
        original = original.strip()
        cleaned = re.sub(r"\*\*|\[|\]\(#\)", "", original).replace(" |", "").strip()
        out.append(Sentence(id=i, text=cleaned, original=original, line=line, paragraph=line // 2, lang=lang))
    return out


def make_result() -> AlignmentResult:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    first_45 = lines[44].index("In March")
    first_19 = lines[18].index(" La Russie")
    src = _sentences(
        lines,
        [(31, 0, 0), (33, 0, 0), (35, 0, 0), (39, 0, 0), (45, 0, first_45), (45, first_45, 0), (49, 0, 0), (53, 0, 0)],
        "en",
    )
    tgt = _sentences(
        lines,
        [(3, 0, 0), (5, 0, 0), (7, 0, 0), (13, 0, 0), (19, 0, first_19), (21, 0, 0), (25, 0, 0), (29, 0, 0)],
        "fr",
    )
    beads = [
        Bead((), (0,), "addition", 0.71),
        Bead((0,), (1,), "match", 0.93),
        Bead((1,), (2,), "match", 0.91),
        Bead((2,), (4,), "moved", 0.77),  # a moved bead stands where its source stands
        Bead((3,), (3,), "match", 0.84),
        Bead((4,), (5,), "match", 0.95),
        Bead((5,), (), "omission", 0.88),
        Bead((6,), (6,), "match", 0.9),
        Bead((7,), (7,), "match", 0.99),
    ]
    findings = [
        Finding("addition", [], [0], "a headline appears only in the target", severity="boilerplate"),
        Finding("moved", [2], [4], "moved 2 sentences later in the target", severity="editorial"),
        Finding("omission", [5], [], "a sentence about the March G20 meeting is missing", severity="content"),
        Finding("partial_omission", [3], [3], "'if ultimately unsuccessful' has no counterpart", severity="content"),
        Finding("fact_mismatch", [3], [3], "number 2022 matches but 'off-diary' is rendered loosely"),
    ]
    return AlignmentResult(
        signature={"model": "test", "version": "0.1.0"},
        source=Document("seeds/en.txt", "en", "utf-8", src),
        target=Document("seeds/fr.txt", "fr", "utf-8", tgt),
        beads=beads,
        findings=findings,
        summary={},
    )


@pytest.fixture()
def result() -> AlignmentResult:
    return make_result()


def all_sentences(result: AlignmentResult) -> list[Sentence]:
    return result.source.sentences + result.target.sentences


def test_fixture_uses_originals_that_differ_from_cleaned_text(result):
    # Guards the tests below: they can tell `original` from `text` only if the two differ.
    differing = [s for s in all_sentences(result) if s.original != s.text]
    assert len(differing) >= 3


def test_summary_line(result):
    assert summary_line(result) == (
        "8 source / 8 target sentences: 6 matched, 1 moved, 1 left out, 1 added; "
        "1 partial omission, 1 fact mismatch"
    )
    result.findings += [Finding("regrouped", [1, 2], [3, 4], "r", "editorial") for _ in range(2)]
    result.findings.append(Finding("merge", [1, 2], [3], "m", "editorial"))
    assert summary_line(result).endswith("1 partial omission, 1 fact mismatch, 2 regroupings, 1 merge")


@pytest.mark.parametrize("color", [False, True])
def test_table_each_sentence_once_unwrapped(result, color):
    out = ANSI.sub("", render(result, "table", color=color, width=2000))
    for s in all_sentences(result):
        assert out.count(s.original) == 1, s.original
    for s in all_sentences(result):
        if s.text not in s.original:
            assert s.text not in out


def test_table_wraps_to_width_and_marks_kinds_without_colour(result):
    out = REPORTS["table"](color=False, width=90).render(result)
    assert "\033[" not in out
    body = out.split("\nFindings")[0]
    assert all(len(line) <= 90 for line in body.splitlines())
    for mark in ("= match", "~ moved", "- omission", "+ addition"):
        assert mark in out
    assert out.rstrip().endswith(summary_line(result) + "\nSignature: model:test|version:0.1.0")
    # Wrapped text, once un-wrapped, still holds every word of every sentence in order.
    for s in all_sentences(result):
        assert s.original.split()[0] in body


def test_table_colours_match_plain_layout(result):
    plain = REPORTS["table"](color=False, width=100).render(result)
    coloured = REPORTS["table"](color=True, width=100).render(result)
    assert "\033[31m" in coloured and "\033[32m" in coloured and "\033[33m" in coloured and "\033[2m" in coloured
    assert ANSI.sub("", coloured) == plain


@pytest.mark.parametrize("color", [False, True])
def test_table_shows_control_characters_instead_of_sending_them_to_the_terminal(result, color):
    """An escape sequence quoted in a text (a log pasted into an article, a hostile file) cleared
    the screen or retitled the window when the table was printed; now the reader sees it."""
    sentence = result.source.sentences[0]
    result.source.sentences[0] = replace(sentence, original="\x1b[2J\x1b]0;title\x07" + sentence.original)
    result.findings[0] = replace(result.findings[0], message="quoted \x1b[31mred\x9b")
    out = render(result, "table", color=color, width=2000)
    assert ANSI.sub("", out).count("\x1b") == 0 and "\x07" not in out and "\x9b" not in out
    assert "\u241b[2J\u241b]0;title\u2407" + sentence.original in ANSI.sub("", out)
    assert "quoted \u241b[31mred\ufffd" in out


def test_table_findings_ordered_by_severity(result):
    out = render(result, "table")
    findings = out.split("\nFindings")[1]
    order = [findings.index(f"[{sev}]") for sev in ("content", "editorial", "boilerplate")]
    assert order == sorted(order)
    assert "source L39 / target L13" in findings


def test_tsv_one_row_per_bead_and_each_sentence_once(result):
    out = render(result, "tsv")
    *lines, signature = out.rstrip("\n").split("\n")
    assert signature == "# signature: model:test|version:0.1.0"  # last, the header first
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 1 + len(result.beads)
    cells = [line.split("\t") for line in lines[1:]]
    assert all(len(c) == len(COLUMNS) for c in cells)
    assert [c[0] for c in cells] == [b.kind for b in result.beads]
    assert cells[3][4:6] == ["35", "19"]  # the moved bead, at its source position
    for s in all_sentences(result):
        assert out.count(tsv_escape(s.original)) == 1, s.original


def test_tsv_escapes_tabs_and_newlines(result):
    s = result.source.sentences[0]
    result.source.sentences[0] = replace(s, original="a\tb\nc\\d")
    out = render(result, "tsv")
    row = out.split("\n")[2].split("\t")
    assert len(row) == len(COLUMNS)
    assert tsv_unescape(row[6]) == "a\tb\nc\\d"


def test_tsv_rows_stay_one_line_for_every_line_reader(result):
    """A vertical tab or U+2028 in a sentence (Word's line break in a text export) went into the
    cell as it was: Python's splitlines, and the line readers that follow it, cut the row there."""
    s = result.source.sentences[0]
    text = "a\x0bb\u2028c\x85d\x0ce \\u2028 as written"
    result.source.sentences[0] = replace(s, original=text)
    out = render(result, "tsv")
    lines = out.splitlines()
    assert len(lines) == len(out.split("\n")) - (out.endswith("\n"))
    row = lines[2].split("\t")
    assert len(row) == len(COLUMNS) and tsv_unescape(row[6]) == text


def test_html_shows_a_vertical_tab_as_the_line_break_it_is(result):
    s = result.source.sentences[0]
    result.source.sentences[0] = replace(s, original="The second one has a vertical\x0btab inside.")
    out = render(result, "html")
    assert "vertical\ntab inside." in out and "vertical\ufffdtab" not in out


def test_tsv_cells_read_back_whole_in_a_spreadsheet_reader(result):
    # Python's csv module reads as Excel does: an opening quote starts a quoted field, and a
    # cell opening with = + - @ is a formula unless marked as text by a leading '.
    import csv
    texts = ['"Never," she said, "not here."', "=HYPERLINK(\"http://x\")", "-5 degrees overnight.",
             "'=kept' as written", "'Tis the season."]
    for k, text in enumerate(texts):
        result.source.sentences[k] = replace(result.source.sentences[k], original=text)
    out = render(result, "tsv")
    read = list(csv.reader(out.splitlines(), dialect="excel-tab"))
    src_cells = [row[6] for row in read[1:-1] if row[6]]
    for text in texts:
        cell = next(c for c in src_cells if text.lstrip("'") in c)
        assert tsv_unescape(tsv_escape(text)) == text
        # What a spreadsheet shows: the sentence, or the sentence behind the text mark.
        assert cell in (text, "'" + text), (cell, text)
        assert not cell.startswith(("=", "+", "-", "@"))
    assert tsv_escape("'Tis the season.") == "'Tis the season."  # an apostrophe alone is no formula


def test_tsv_carries_each_finding_on_every_row_it_touches(result):
    lines = render(result, "tsv").rstrip("\n").split("\n")
    cells = [line.split("\t") for line in lines[1:-1]]
    findings = {c[2]: tsv_unescape(c[8]) for c in cells if c[2]}
    assert findings["5"] == "omission: a sentence about the March G20 meeting is missing"
    # Most important first, each once with its type.
    assert findings["3"].startswith("partial omission: 'if ultimately")
    assert "fact mismatch: number 2022" in findings["3"]
    assert findings["0"] == ""


def test_tmx_parses_with_one_tu_per_paired_bead(result):
    out = render(result, "tmx")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "en" and header.get("segtype") == "sentence"
    for attr in ("adminlang", "o-tmf", "creationtoolversion", "datatype"):
        assert header.get(attr)
    assert header.get("creationtool") == "align"
    tus = root.findall("body/tu")
    assert len(tus) == sum(b.kind in ("match", "moved") for b in result.beads)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    segs = []
    for tu in tus:
        tuvs = tu.findall("tuv")
        assert [t.get(xml_lang) for t in tuvs] == ["en", "fr"]
        segs += [t.find("seg").text for t in tuvs]
    # A translation memory holds pairs only: paired sentences once, one-sided ones not at all.
    paired_src = {i for b in result.beads if b.kind in ("match", "moved") for i in b.src}
    paired_tgt = {i for b in result.beads if b.kind in ("match", "moved") for i in b.tgt}
    for side, paired in ((result.source, paired_src), (result.target, paired_tgt)):
        for s in side.sentences:
            # The cleaned text goes into the memory: no markdown, no line break inside a unit.
            assert segs.count(s.text) == (1 if s.id in paired else 0), s.text
    assert not any("**" in seg or "](" in seg or "\n" in seg for seg in segs)


def test_tmx_flags_pairs_the_audit_found_fault_with_and_can_leave_weak_ones_out(result):
    root = ET.fromstring(render(result, "tmx").encode("utf-8"))
    flagged = {tu.find("tuv/seg").text: ([p.text for p in tu.findall("prop") if p.get("type") == "x-flag"],
                                         [n.text for n in tu.findall("note")]) for tu in root.iter("tu")}
    third = result.source.sentences[3].text
    assert flagged[third][0] == ["partial_omission", "fact_mismatch"]
    assert "'if ultimately unsuccessful' has no counterpart" in flagged[third][1]
    assert sum(1 for flags, _ in flagged.values() if flags) == 1
    strong = ET.fromstring(render(result, "tmx", min_score=0.9).encode("utf-8"))
    scores = [float(p.text) for p in strong.iter("prop") if p.get("type") == "x-score"]
    assert scores and min(scores) >= 0.9 and len(scores) == sum(b.kind in ("match", "moved") and b.score >= 0.9
                                                                 for b in result.beads)


@pytest.mark.parametrize("forbidden", ["\x01", "\ufffe", "\uffff", "\ud800"])
def test_tmx_escapes_markup_and_marks_what_xml_cannot_hold(result, forbidden):
    # XML 1.0 cannot hold these even as references: a CAT tool refuses the whole file. Each is
    # shown as U+FFFD, so the unit keeps its text and the reader sees where something was.
    s = result.source.sentences[1]
    text = f'<b>Tom & "Jerry"</b>{forbidden}.'
    result.source.sentences[1] = replace(s, original=text, text=text)
    out = render(result, "tmx").encode("utf-8", "surrogatepass")
    root = ET.fromstring(out)
    assert '<b>Tom & "Jerry"</b>\ufffd.' in [seg.text for seg in root.iter("seg")]
    page = render(result, "html")
    assert forbidden not in page and "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;\ufffd." in page


def test_json_round_trips(result):
    out = render(result, "json")
    data = json.loads(out)
    assert data == json.loads(result.to_json())
    assert [s["text"] for s in data["source"]["sentences"]] == [s.original for s in result.source.sentences]
    ids = sorted(i for b in data["beads"] for i in b["src"])
    assert ids == list(range(len(result.source.sentences)))
    for s in all_sentences(result):
        assert out.count(json.dumps(s.original, ensure_ascii=False)[1:-1]) == 1


def test_html_each_sentence_once_with_rows_and_anchors(result):
    out = render(result, "html")
    for s in all_sentences(result):
        assert out.count(html_escape(s.original)) == 1, s.original
    assert out.count("<tr id=\"b") == len(result.beads)
    for kind in ("match", "moved", "omission", "addition"):
        assert f'class="kind-{kind}"' in out
    # Every finding links to an existing row.
    for anchor in re.findall(r'href="#(b\d+)"', out):
        assert f'id="{anchor}"' in out
    assert out.count('<li id="f') == len(result.findings)
    assert summary_line(result) in out
    assert "<link" not in out and "src=" not in out and "http" not in out  # self-contained


def test_html_escapes_script(result):
    s = result.target.sentences[2]
    result.target.sentences[2] = replace(s, original="<script>alert('x')</script>")
    result.findings.append(Finding("addition", [], [2], "<script>evil()</script>"))
    result.source.path = "<script>.txt"
    out = render(result, "html")
    assert "<script" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out


def test_beads_are_vecalign_lines_covering_every_sentence_once(result):
    from benchmarks.scoring import parse_gold

    result.beads = [b for b in result.beads if b.src != (5,)]  # a sentence no bead covers
    lines = render(result, "beads").splitlines()
    assert lines[:3] == ["[]:[0]:0.7100", "[0]:[1]:0.9300", "[1]:[2]:0.9100"]
    beads = parse_gold("\n".join(lines))
    assert sorted(i for src, _ in beads for i in src) == list(range(len(result.source.sentences)))
    assert sorted(j for _, tgt in beads for j in tgt) == list(range(len(result.target.sentences)))
    # The straggler stands where it is in the source, not at the end of the report.
    assert beads[beads.index(((4,), (5,))) + 1] == ((5,), ())


def test_uncovered_sentences_still_appear_once(result):
    # An aligner bug must not make a sentence vanish from the report.
    result.beads = [b for b in result.beads if b.src != (5,) and b.tgt != (0,)]
    for fmt in ("table", "tsv", "html"):
        out = render(result, fmt, width=5000)
        for s in (result.source.sentences[5], result.target.sentences[0]):
            needle = {"tsv": tsv_escape, "html": html_escape}.get(fmt, str)(s.original)
            assert out.count(needle) == 1, (fmt, s.original)


def test_every_format_renders_empty_documents():
    empty = AlignmentResult({}, Document("a", "en", "utf-8", []), Document("b", "fr", "utf-8", []), [], [], {})
    for fmt in REPORTS:
        assert render(empty, fmt) or fmt == "beads"  # no bead, no line
    assert summary_line(empty).startswith("0 source / 0 target sentences")


def test_unknown_format_is_a_user_error(result):
    with pytest.raises(AlignError, match="unknown report format"):
        render(result, "pdf")


def test_table_wraps_wide_characters_by_terminal_columns(result):
    from align.reports.table import display_width, wrap

    assert display_width("中文ab") == 6
    chinese = "欧盟、俄罗斯和美国在纳戈尔诺-卡拉巴赫闪电战前几天举行了秘密会谈。" * 3
    assert all(display_width(line) <= 20 for line in wrap(chinese, 20))
    assert "".join(wrap(chinese, 20)) == chinese
    # Like textwrap, an over-long word starts on the current line rather than leaving a gap.
    assert wrap("a b " + "x" * 12, 5) == ["a b x", "xxxxx", "xxxxx", "x"]
    assert wrap("one two three", 7) == ["one two", "three"]

    s = result.target.sentences[1]
    result.target.sentences[1] = replace(s, original=chinese)
    out = render(result, "table", width=80)
    assert all(display_width(line) <= 80 for line in out.split("\nFindings")[0].splitlines())


def test_html_folds_many_splits_merges_and_regroupings_but_keeps_every_finding(result):
    # A novel has hundreds of splits and merges: they fold away under the few omissions and
    # additions, and every finding keeps its number and anchor so the table's flags still lead there.
    result.findings += [Finding("split" if n % 3 else "merge", [1], [2, 3], f"split number {n}", "editorial")
                        for n in range(12)]
    result.findings.append(Finding("regrouped", [4, 5], [6, 7], "regrouped here", "editorial"))
    out = render(result, "html")
    assert out.count("<details>") == 1 and "8 splits, 4 merges and 1 regrouping:" in out
    folded = out.split("<details>")[1]
    assert folded.count('<li id="f') == 13 and "split number 11" in folded and "regrouped here" in folded
    numbers = [int(n) for n in re.findall(r'<li id="f(\d+)" value="\1"', out)]
    assert sorted(numbers) == list(range(1, len(result.findings) + 1))
    for anchor in re.findall(r'href="#(f\d+)"', out):
        assert f'id="{anchor}"' in out
    # A handful stays in the list.
    result.findings = result.findings[:-3]
    assert "<details>" not in render(result, "html")


def test_a_pair_linked_by_hand_in_review_has_no_score_and_stays_in_the_memory(result, tmp_path):
    # `align review` saves a hand-made pair with no score; exported, it read as score 0 and
    # `--min-score` dropped from the translation memory the pairs a reviewer had confirmed.
    from align.review import project as projects

    project = projects.from_result(result)
    linked = next(k for k, b in enumerate(project["beads"]) if b["kind"] == "match")
    project["beads"][linked].update(score=None, manual=True)
    path = tmp_path / "pair.review.json"
    projects.save(project, path)
    exported = projects.to_result(projects.load(path))
    bead = exported.beads[linked]
    src_text = " ".join(exported.source.sentences[i].text for i in bead.src)
    memory = ET.fromstring(render(exported, "tmx", min_score=0.99))
    units = [[seg.text for seg in tu.iter("seg")] for tu in memory.iter("tu")]
    assert [src_text, " ".join(exported.target.sentences[j].text for j in bead.tgt)] in units
    scores = [float(p.text) for p in memory.iter("prop") if p.get("type") == "x-score"]
    assert len(scores) == len(units) - 1 and min(scores) >= 0.99
    tsv_row = render(exported, "tsv").splitlines()[1 + linked].split("\t")
    assert tsv_row[:2] == ["match", ""]
    beads_line = render(exported, "beads").splitlines()[linked]
    assert re.fullmatch(r"\[[\d, ]+\]:\[[\d, ]+\]", beads_line)
    assert json.loads(render(exported, "json"))["beads"][linked]["score"] is None
    assert "—" in ANSI.sub("", render(exported, "table"))


def test_the_characters_xml_forbids_are_exactly_those_outside_its_char_production():
    """XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; every
    other code point is replaced before a TMX, XLIFF, HTML or xlsx file is written."""
    from align.reports.base import NOT_XML

    def allowed(cp: int) -> bool:
        return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF

    every = "".join(chr(cp) for cp in range(0x110000))
    flagged = {m.start() for m in NOT_XML.finditer(every)}
    assert flagged == {cp for cp in range(0x110000) if not allowed(cp)}


def test_a_finding_over_two_pairs_is_on_both_rows_of_the_html_and_the_spreadsheet():
    """The seeds' G20 omission covers a sentence left out in a pair's neighbour and the next one;
    only the first row carried it, so filtering the Pairs sheet on its findings missed the other."""
    import io

    import openpyxl

    result = make_result()
    result.findings.append(Finding("omission", [4, 5], [], "left out: the two sentences of line 45"))
    rows_of = {b.src: n for n, b in enumerate(result.beads, 1)}
    sheet = openpyxl.load_workbook(io.BytesIO(render(result, "xlsx")))["Pairs"]
    cells = {row[0]: row[7] or "" for row in sheet.iter_rows(min_row=2, values_only=True)}
    for src in ((4,), (5,)):
        assert "left out: the two sentences of line 45" in cells[rows_of[src]]
    assert "omission: omission" not in " ".join(cells.values())
    page = render(result, "html")
    number = [f.message for f in sorted_findings(result.findings)].index("left out: the two sentences of line 45") + 1
    assert page.count(f'href="#f{number}">⚑') == 2


def test_a_third_language_left_out_of_a_mixed_file_is_in_every_report(tmp_path, use_encoder):
    """English and French with a German closing line: the German was left out with a warning that
    -q silences, and no report said it existed. Every report now names it once, as not aligned."""
    from openpyxl import load_workbook

    from align import align_pair

    german = "Die Sitzung wurde um zwölf Uhr mittags geschlossen, und alle Mitglieder gingen nach Hause."
    path = tmp_path / "minutes.txt"
    path.write_text("The committee met on Tuesday morning to discuss the budget. Dr. Smith presented the annual "
                    "report.\n\nLe comité s'est réuni mardi matin pour discuter du budget. Le Dr Smith a présenté le "
                    "rapport annuel.\n\nSeveral members raised concerns about the rising costs of maintenance.\n\n"
                    "Plusieurs membres se sont inquiétés de la hausse des coûts d'entretien.\n\n"
                    "Finally, the meeting was adjourned at noon.\n\nEnfin, la séance a été levée à midi.\n\n"
                    f"{german}\n", encoding="utf-8")
    result = align_pair(path, encoder=use_encoder)
    assert [s.original for s in result.source.set_aside] == [german]
    texts = {name: render(result, name) for name in ("table", "tsv", "html", "json")}
    assert texts["table"].count(german) == 1 and "1 sentence in other parts of the files, not aligned" in texts["table"]
    [aside_row] = [line for line in texts["tsv"].splitlines() if line.startswith("set_aside")]
    assert aside_row.split("\t")[6] == german and "German (de), line 13" in aside_row
    assert texts["html"].count(html_escape(german)) == 1
    assert json.loads(texts["json"])["source"]["set_aside"] == [{"text": german, "line": 13, "lang": "de"}]
    workbook = tmp_path / "r.xlsx"
    workbook.write_bytes(render(result, "xlsx"))
    cells = [cell.value for row in load_workbook(workbook)["Pairs"].iter_rows() for cell in row]
    assert cells.count(german) == 1


def test_the_plural_of_a_mismatch_is_mismatches():
    """A probe read "4 fact mismatchs" in the summary."""
    from align.reports.base import plural

    assert [plural(4, "fact mismatch"), plural(1, "fact mismatch"), plural(2, "omission")] == [
        "4 fact mismatches", "1 fact mismatch", "2 omissions"]


SCHOOLS_EN = ("Inspectors found leaking roofs, broken heating and asbestos in more than half of the buildings "
              "surveyed last year. In some classrooms, temperatures fell below 12 degrees Celsius during the winter "
              "of 2023. Parents' associations have complained for a decade about rats, mould and toilets that do not "
              "work. \"Children cannot learn in buildings that are falling apart,\" said Samia Ghali, the deputy mayor "
              "in charge of schools.\n")
SCHOOLS_FR = ("Les inspecteurs ont constaté des toits qui fuient, des chauffages en panne et de l'amiante dans plus "
              "de la moitié des bâtiments inspectés l'an dernier. Les associations de parents se plaignent depuis dix "
              "ans des rats, des moisissures et des toilettes hors d'usage. « Les enfants ne peuvent pas apprendre "
              "dans des bâtiments qui tombent en ruine », a déclaré Samia Ghali, l'adjointe au maire chargée des écoles.\n")


def test_a_sentence_left_out_inside_a_pair_is_marked_in_its_row(tmp_path, use_encoder):
    """A probe's reprint dropped "In some classrooms..." beside its neighbour: the audit found it,
    but its row in the table and the HTML read "= match", unmarked."""
    from align import align_pair
    from align.reports import render

    (tmp_path / "en.txt").write_text(SCHOOLS_EN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(SCHOOLS_FR, encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), encoder=use_encoder, partial=False)
    [omission] = [f for f in result.findings if f.type == "omission"]
    assert omission.src == [1] and any(b.src and b.tgt and 1 in b.src for b in result.beads)
    table = render(result, "table", color=False, width=160)
    [row_line] = [line for line in table.splitlines() if "In some classrooms" in line and "│" in line]
    assert "│ 1 left out: In some classrooms" in row_line  # said in words: "-1" read as line minus one
    assert "left out:" not in table.replace(row_line, "")  # no other sentence is marked
    html = render(result, "html")
    assert html.count('class="s in-pair-left-out"') == 1 and '<span class="badge">left out</span>' in html


def test_a_closing_mark_never_opens_a_wrapped_line_of_chinese():
    """A probe's Chinese report: the table wrapped a lone "。" to the start of a line."""
    from align.reports.table import display_width, wrap

    text = "上海港集装箱吞吐量连续十四年位居世界第一。这是第二句话，还有更多内容。"
    for width in (10, 20, 40):
        lines = wrap(text, width)
        assert "".join(lines) == text and all(display_width(line) <= width for line in lines)
        assert not any(line[0] in "。，" for line in lines)


def test_arabic_cells_of_the_html_report_read_right_to_left(tmp_path, use_encoder):
    """A probe's screenshot: Arabic stood left to right, its quotation marks and full stop on the wrong sides."""
    from align import align_pair
    from align.reports import render

    (tmp_path / "en.txt").write_text("Work will begin in June and should end by December 2029.\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("وستبدأ الأعمال في يونيو وينتظر أن تنتهي بحلول ديسمبر ٢٠٢٩.\n", encoding="utf-8")
    html = render(align_pair(str(tmp_path / "en.txt"), str(tmp_path / "ar.txt"), encoder=use_encoder, partial=False), "html")
    assert '<td lang="ar" dir="rtl">' in html and '<td lang="en">' in html


def test_tsv_writes_a_backslash_once_where_it_escapes_nothing(tmp_path, use_encoder):
    """`\\_` (markdown's escaped underscore) came out as `\\\\_` and a Windows path with every
    backslash doubled: a spreadsheet showed text the file does not hold. A backslash is doubled
    only where `unescape` would read an escape ("C:\\new" as "C:\\\\new", not a line break), and a
    row is still one line."""
    import csv

    from align import align_pair

    titles_en = "The titles were \\_ Rosier's Dictionary \\_, \\_ Candide \\_, by Voltaire."
    titles_fr = "Les titres étaient \\_ Dictionnaire de Rosier \\_, \\_ Candide \\_, de Voltaire."
    path_en, path_fr = "The report is saved in C:\\new\\Users\\data.", "Le rapport est enregistré dans C:\\new\\Users\\data."
    (tmp_path / "en.txt").write_text(f"The team measured three rivers\nthis year.\n\n{titles_en}\n\n{path_en}\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(f"L'équipe a mesuré trois rivières\ncette année.\n\n{titles_fr}\n\n{path_fr}\n",
                                     encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), encoder=use_encoder, src_lang="en", tgt_lang="fr")
    out = render(result, "tsv")
    read = list(csv.reader(out.splitlines(), dialect="excel-tab"))
    assert len(read) == len(out.splitlines()) == 1 + len(result.beads) + 1  # the header, the rows, the signature
    cells = [cell for row in read[1:-1] for cell in row[6:8]]
    assert titles_en in cells and titles_fr in cells
    assert "The report is saved in C:\\\\new\\Users\\data." in cells  # "\n" escaped, "\U" as written
    assert "The team measured three rivers\\nthis year." in cells
    originals = {s.original for s in result.source.sentences + result.target.sentences}
    assert {tsv_unescape(cell) for cell in cells if cell} == originals


def test_a_hebrew_sentence_that_opens_with_a_latin_name_reads_right_to_left(tmp_path, use_encoder):
    """A probe's screenshot: "Google הודיעה ביום שני..." took its direction from its first letter
    (dir="auto"), so the company's name stood at the end of the line; and the Arabic sentence an
    'added' finding quotes had its Latin words laid out at the wrong end."""
    from align import align_pair
    from align.reports import render

    (tmp_path / "en.txt").write_text("Google said on Monday that it would open a research centre in Haifa.\n\n"
                                     "The centre will employ 300 engineers.\n", encoding="utf-8")
    (tmp_path / "he.txt").write_text("Google הודיעה ביום שני כי תפתח מרכז מחקר בחיפה.\n\n"
                                     "במרכז יועסקו 300 מהנדסים.\n\nהפרויקט נתמך על ידי World Bank.\n", encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "he.txt"), encoder=use_encoder, partial=False)
    html = render(result, "html")
    assert '<span dir="rtl">Google הודיעה' in html
    assert '<bdi dir="rtl">הפרויקט נתמך על ידי World Bank.</bdi>' in html


def test_the_html_report_marks_a_changed_figure_in_both_sentences(tmp_path, use_encoder):
    """A probe's screenshot: the row of a changed number looked like any match but for a small
    "finding 1" link; neither 300 nor 350 stood out, where align review marks them."""
    from align import align_pair
    from align.reports import render

    (tmp_path / "en.txt").write_text("The storm reached the coast on Monday night.\n\n"
                                     "It destroyed 300 houses and cost 12 million euros.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La tempête a atteint la côte lundi soir.\n\n"
                                     "Elle a détruit 350 maisons et coûté 12 millions d'euros.\n", encoding="utf-8")
    html = render(align_pair(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), encoder=use_encoder, partial=False),
                  "html")
    assert 'It destroyed <mark class="fact">300</mark> houses' in html
    assert 'Elle a détruit <mark class="fact">350</mark> maisons' in html
    assert html.count("<mark") == 2


def test_a_marked_figure_is_never_a_piece_of_a_longer_one():
    """A review: the value "3" was marked inside "2023", its first place in the sentence."""
    from align.reports.html import _marked

    assert _marked("In 2023 the 3 ferries ran.", [("3", "fact")]) == 'In 2023 the <mark class="fact">3</mark> ferries ran.'
