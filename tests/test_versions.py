"""`align versions`: one original against several versions of it, on the seeds."""
import json
from pathlib import Path

import pytest
from conftest import seed
from test_cli import run

from align import align_pair
from align.versions import compare_versions

G20 = "In March, U.S. Secretary of State Antony Blinken"


@pytest.fixture(scope="module")
def three(use_encoder):
    return compare_versions(seed("000"), [seed("001"), seed("002")], encoder=use_encoder)


def test_the_g20_paragraph_is_missing_from_two_of_the_three_french_versions(three):
    # seeds/README.md: "the paragraph on the G20 meeting between Blinken and Lavrov, missing from
    # two of the three French versions". 000 holds the English original and a French reprint.
    assert three.original.lang == "en" and three.original.sentences[0].line == 31
    assert [(v.target.path, v.target.lang) for v in three.versions] == [
        (seed("000"), "fr"), (seed("001"), "fr"), (seed("002"), "fr")]
    [g20] = [k for k, s in enumerate(three.original.sentences) if s.text.startswith(G20)]
    assert [kind for kind, _ in three.status()[g20]] == ["omission", "match", "omission"]


def test_the_half_of_the_original_file_that_is_version_1_is_not_also_set_aside(three):
    """000's French half is version 1: every version's report also listed its 16 sentences as
    "in other parts of the files, not aligned", and version 1's JSON held each of them twice."""
    from align.reports.versions import render_versions as render

    assert not three.original.set_aside and all(not v.source.set_aside for v in three.versions)
    out = json.loads(render(three, "json"))
    french = [s["text"] for s in out["versions"][0]["target"]["sentences"]]
    flat = json.dumps(out, ensure_ascii=False)
    assert all(flat.count(json.dumps(text, ensure_ascii=False)) >= 1 for text in french)
    assert "not aligned" not in render(three, "table") and "other parts of the files" not in render(three, "table")


def test_each_version_is_aligned_as_align_pair_aligns_it(three, use_encoder):
    for k, other in ((1, "001"), (2, "002")):
        alone = align_pair(seed("000"), seed(other), encoder=use_encoder, partial=False)
        assert [(b.src, b.tgt, b.kind) for b in three.versions[k].beads] == [(b.src, b.tgt, b.kind) for b in alone.beads]
    for version in three.versions:  # every sentence of both texts in exactly one bead
        assert sorted(i for b in version.beads for i in b.src) == list(range(len(three.original.sentences)))
        assert sorted(j for b in version.beads for j in b.tgt) == list(range(len(version.target.sentences)))


def test_command_prints_what_several_versions_leave_out():
    done = run("versions", seed("000"), seed("001"), seed("002"), "-f", "table", env={"COLUMNS": "120"})
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "Original: " + seed("000") + " (en part, lines 31-53), 17 sentences" in out
    assert f"line 45, left out by 2 of 3 ([1] [3]): {G20}" in out
    assert "its French part version 1" in done.stderr.decode() and len(done.stderr.decode().splitlines()) == 1
    data = json.loads(run("versions", seed("000"), seed("002"), "-f", "json", "-q").stdout)
    assert len(data["versions"]) == 2 and len(data["sentences"]) == 17
    assert all(len(s["versions"]) == 2 for s in data["sentences"])
    *rows, signature = run("versions", seed("000"), seed("002"), "-f", "tsv", "-q").stdout.decode().splitlines()
    assert signature.startswith("# signature: align:")
    assert rows[0].split("\t")[3:] == ["v1_kind", "v1_ids", "v1_lines", "v1_text", "v1_findings", "v2_kind", "v2_ids",
                                       "v2_lines", "v2_text", "v2_findings"]
    assert sum(1 for row in rows[1:] if row.split("\t")[0]) == 17  # a row per original sentence ...


def test_an_original_on_stdin_gives_what_the_file_gives():
    # The original is read once, so it may come from a pipe even with several versions.
    with open(seed("000"), "rb") as original:
        piped = run("versions", "-", seed("001"), seed("002"), "-f", "tsv", "-q", stdin=original.read())
    assert piped.returncode == 0, piped.stderr.decode()
    from_file = run("versions", seed("000"), seed("001"), seed("002"), "-f", "tsv", "-q")
    assert piped.stdout == from_file.stdout and len(piped.stdout.decode().splitlines()) > 18


def test_the_tsv_lists_every_sentence_of_every_version(three):
    """... and one per passage a version adds: 002 is a French reprint with a headline, source
    lines and more of its own, which the rows of the original's sentences cannot show."""
    from align.reports.tsv import escape as tsv_escape
    from align.reports.versions import render_versions

    rows = [row.split("\t") for row in render_versions(three, "tsv").splitlines()[1:-1]]
    assert sum(1 for row in rows if row[0]) == len(three.original.sentences)
    for k, version in enumerate(three.versions):
        listed = {int(i) for row in rows for i in row[3 + 5 * k + 1].split(",") if i}
        assert listed == set(range(len(version.target.sentences)))
        added = [row for row in rows if row[3 + 5 * k] == "addition"]
        assert all(not row[0] and not row[2] for row in added)
        # Each sentence's text once, in the version's order: a merge's sentence is not repeated.
        text = " ".join(row[3 + 5 * k + 3] for row in rows if row[3 + 5 * k + 3])
        assert sorted(text.split()) == sorted(" ".join(tsv_escape(s.original) for s in version.target.sentences).split())
    assert any(row[3 + 5 * 2] == "addition" for row in rows)


def test_the_table_lists_every_sentence_of_every_version_with_the_original_lines_it_renders(three):
    from align.reports.versions import render_versions

    table = render_versions(three, "table", width=400)
    for k, version in enumerate(three.versions):
        section = table.split(f"[{k + 1}] ")[-1].split("\n\n")[0].splitlines()[1:]
        sentences = [line for line in section if not line.split()[0] == "⚑"]  # a finding under its sentence
        assert [line.split()[0] for line in sentences] == [str(s.line) for s in version.target.sentences]
        # The text, on one line, cut with an ellipsis where the terminal is too narrow.
        assert all(" ".join(s.original.split()).startswith(line[25:].rstrip("…")) and len(line) > 30
                   for line, s in zip(sentences, version.target.sentences))
    section = table.split("[3] ")[-1].splitlines()
    assert any(line.split()[1:3] == ["+", "added"] and "Facebook" in line for line in section)


@pytest.mark.parametrize("args,message", [
    (("001", "002"), "both texts are in French"),
    (("001", "002"), "001_1bfc30d82954ac3a.txt and "),  # which file, of however many
    (("001",), "give a second file"),
    (("000", "002", "--format", "tmx"), "'tmx' is not one of"),
    (("-", "001", "-"), "only one input can be read from stdin"),
])
def test_bad_requests_get_one_line_and_exit_2(args, message):
    files = [seed(a) if a.isdigit() else a for a in args]
    done = run("versions", *files)
    assert done.returncode == 2
    err = done.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and message in err, err


def test_html_sets_every_sentence_of_every_version_beside_the_original(three):
    from align.reports.versions import _cells, render_versions

    cells = _cells(three)
    for k, version in enumerate(three.versions):
        shown = [j for row in cells for _, ids in row[k] for j in ids]
        assert sorted(shown) == list(range(len(version.target.sentences)))  # each exactly once
    page = render_versions(three, "html")
    assert page.count('<tr id="o') == len(three.original.sentences)
    [g20] = [s for s in three.original.sentences if s.text.startswith(G20)]
    row = page.split(f'<tr id="o{g20.id + 1}">')[1].split("</tr>")[0]
    assert row.count('class="kind-omission"') == 2 and row.count('class="kind-match"') == 1
    assert "<script" not in page and "http" not in page  # self-contained, like the pair report


def test_html_and_tsv_escape_what_the_texts_hold(three):
    from copy import deepcopy
    from dataclasses import replace

    from align.reports.versions import render_versions

    three = deepcopy(three)  # the fixture is shared
    target = three.versions[2].target
    target.sentences[0] = replace(target.sentences[0], original="<script>alert('x')</script>\tand a tab")
    page = render_versions(three, "html")
    assert "<script" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    three.original.sentences[0] = replace(three.original.sentences[0], original="tab\there")
    rows = render_versions(three, "tsv").splitlines()
    assert rows[1].split("\t")[2] == "tab\\there"


def test_a_text_that_is_no_version_is_not_counted_among_those_that_leave_sentences_out():
    # 003 and 004 are other articles on the conflict: they "leave out" all of 000, which must not
    # make every sentence look left out by several versions.
    done = run("versions", seed("000"), seed("003"), seed("004"), seed("002"), "-f", "table", "-q",
               env={"COLUMNS": "120"})
    out = done.stdout.decode()
    assert "([2] [3] are no version of the original: not counted below)" in out
    shared = [line for line in out.splitlines() if ", left out by " in line]
    assert len(shared) == 1 and f"line 45, left out by 2 of 2 ([1] [4]): {G20}" in shared[0]


def test_clause_checks_only_when_asked():
    def partial(*flags):
        done = run("versions", seed("000"), seed("002"), "-f", "json", "-q", *flags)
        assert done.returncode == 0, done.stderr.decode()
        return [[f["details"].get("text", f["message"]) for f in v["findings"] if f["type"].startswith("partial")]
                for v in json.loads(done.stdout)["versions"]]

    assert partial() == [[], []]
    assert any("couloir de Lachin" in text for text in partial("--partial")[1])  # as `align pair` reports it


def test_a_sentence_added_inside_a_pair_and_a_changed_figure_are_marked_in_every_versions_report(tmp_path,
                                                                                                  use_encoder):
    """Found by a probing helper: `align pair` reports the German version's added sentence and its
    1620 for 1602, but `versions` showed the added sentence inside a match and the changed year as
    a plain match in the table, the TSV and the HTML: only the JSON and the counts said so."""
    from align.reports.versions import render_versions

    original = tmp_path / "orig.txt"
    original.write_text("The village lies at the foot of the hill. It has a church and a school.\n\n"
                        "The river floods almost every spring. The mayor wants to build a dam.\n\n"
                        "Tourists come for the old bridge. It was built in 1602.\n", encoding="utf-8")
    german = tmp_path / "de.txt"
    german.write_text("Das Dorf liegt am Fuß des Hügels. Es hat eine Kirche und eine Schule.\n\n"
                      "Der Fluss tritt fast jeden Frühling über die Ufer. Der Bürgermeister will einen Damm bauen. "
                      "Die Regierung hat kein Geld dafür.\n\nTouristen kommen wegen der alten Brücke. "
                      "Sie wurde 1620 gebaut.\n", encoding="utf-8")
    result = compare_versions(str(original), [str(german)], encoder=use_encoder)
    assert {f.type for f in result.versions[0].findings} >= {"addition", "fact_mismatch"}
    rows = [row.split("\t") for row in render_versions(result, "tsv").splitlines()[1:-1]]
    assert ["addition", "Die Regierung hat kein Geld dafür."] in [[row[3], row[6]] for row in rows]
    built = next(row for row in rows if row[2] == "It was built in 1602.")
    assert "1602" in built[7] and "1620" in built[7]
    table = render_versions(result, "table", width=200)
    assert any(line.split()[1:3] == ["+", "added"] and "Die Regierung" in line for line in table.splitlines())
    assert "⚑  fact mismatch" in table
    html = render_versions(result, "html")
    assert "piece-addition" in html and "fact mismatch" in html


def test_a_version_given_twice_is_compared_once(use_encoder, caplog):
    """`align versions orig v1 v1` counted v1 twice: each sentence it left out was "left out by 2
    of 2", with no word said."""
    result = compare_versions(seed("000"), [seed("002"), seed("002")], encoder=use_encoder)
    assert [v.target.path for v in result.versions] == [seed("000"), seed("002")]
    assert "is given twice as a version: compared once" in caplog.text


def test_a_version_in_a_language_outside_the_encoder_changes_no_other_version():
    # Hebrew is outside USE v3: it moved the Arabic version to the fallback encoder too, where
    # its added sentence became a harmless split. Each version is read as `align pair` reads it.
    folder = Path(__file__).parent / "data" / "versions-rtl"
    original, arabic, hebrew = (str(folder / name) for name in ("en.txt", "ar_dropadd.txt", "he_dropadd.txt"))
    both = compare_versions(original, [arabic, hebrew])
    alone = align_pair(original, arabic)
    assert [(b.src, b.tgt, b.kind) for b in both.versions[0].beads] == [(b.src, b.tgt, b.kind) for b in alone.beads]
    assert both.versions[0].signature["encoder"] == alone.signature["encoder"]
    assert both.versions[1].signature["encoder"] != alone.signature["encoder"]
    for result in both.versions:
        assert [f.type for f in result.findings if f.type in ("omission", "addition")] == ["omission", "addition"]


def test_a_web_page_version_is_located_by_its_own_lines(tmp_path, use_encoder):
    """A probe's web-page version: the table and the TSV gave its sentences the lines of the
    extracted text (1, 4, 7...), not the page's own (2, 3, 5...), where align pair and the HTML
    report gave the right ones."""
    from align.reports.versions import render_versions

    (tmp_path / "en.txt").write_text("The council approved the barrier on Tuesday.\n\nIt will cost 320 million euros.\n\n"
                                     "Work begins next spring.\n", encoding="utf-8")
    (tmp_path / "fr.html").write_text("<html lang=\"fr\"><body>\n<p>Le conseil a approuvé la barrière mardi.</p>\n"
                                      "\n<p>Elle coûtera 320 millions d'euros.</p>\n<p>Les travaux commencent au "
                                      "printemps prochain.</p>\n</body></html>\n", encoding="utf-8")
    result = compare_versions(tmp_path / "en.txt", [tmp_path / "fr.html"], encoder=use_encoder)
    assert [s.where for s in result.versions[0].target.sentences] == ["line 2", "line 4", "line 5"]
    table = render_versions(result, "table", width=200)
    assert ([line.split()[0] for line in table.split("sentence by sentence:")[1].split("\n\nSignature:")[0].strip().splitlines()]
            == ["2", "4", "5"])
    rows = [row.split("\t") for row in render_versions(result, "tsv").splitlines()[1:-1]]
    assert [row[5] for row in rows] == ["2", "4", "5"]  # v1_lines


def test_a_version_in_the_originals_language_is_left_out_and_said_so(tmp_path, use_encoder, caplog):
    """A probe: a copy of the original among the versions (a reprint in its language) stopped the run
    with exit 2, and every other version's report with it."""
    import logging

    (tmp_path / "en.txt").write_text("The council approved the barrier on Tuesday.\n\nIt will cost 320 million "
                                     "euros.\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("BREAKING\n\nThe council approved the barrier on Tuesday.\n\nIt will cost "
                                       "320 million euros.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Le conseil a approuvé la barrière mardi.\n\nElle coûtera 320 millions "
                                     "d'euros.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        result = compare_versions(tmp_path / "en.txt", [tmp_path / "fr.txt", tmp_path / "copy.txt"],
                                  encoder=use_encoder)
    assert [version.target.path for version in result.versions] == [str(tmp_path / "fr.txt")]
    assert f"{tmp_path / 'copy.txt'}: in the original's language" in caplog.text


def test_the_other_half_of_a_mixed_version_is_listed_in_every_versions_report(tmp_path, use_encoder):
    """Seed 000 given as a version of the English text: its French half is aligned, its English
    half set aside. The pair reports list the 17 sentences set aside; the versions table and HTML
    only counted them, and the TSV did not say a word of them."""
    from align.reports.tsv import unescape
    from align.reports.versions import render_versions as render

    english = tmp_path / "en.txt"
    english.write_text("\n".join(Path(seed("000")).read_text(encoding="utf-8").splitlines()[30:]) + "\n",
                       encoding="utf-8")
    result = compare_versions(str(english), [seed("000"), seed("002")], encoder=use_encoder)
    aside = result.versions[0].target.set_aside
    assert len(aside) == 17 and aside[-1].original.startswith("sources : Politico")
    tsv = [line.split("\t") for line in render(result, "tsv").splitlines()[:-1]]
    listed = [unescape(row[6]) for row in tsv if row[3] == "set_aside"]
    assert listed == [s.original for s in aside]
    table, html = render(result, "table"), render(result, "html")
    assert "Not aligned (17)" in table and "[1] line 53 [en]: sources : Politico" in table
    assert "Not aligned (17)" in html and "[1] line 53: sources : Politico" in html
