"""The command line as a user meets it: exit codes, one-line errors, formats, stdin."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, seed


def run(*args, stdin=None, env=None):
    return subprocess.run([sys.executable, "-m", "align", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300)


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
])
def test_bad_input_gives_one_line_and_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run("pair", str(bad), seed("000"))
    assert done.returncode == 2
    err = done.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err


def test_missing_file_and_same_language(tmp_path):
    done = run("pair", str(tmp_path / "nope.txt"), seed("001"))
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode()
    done = run("pair", seed("001"), seed("002"))
    assert done.returncode == 2
    assert "both texts are in French" in done.stderr.decode()


@pytest.mark.parametrize("order", ["mixed first", "mixed second"])
def test_mixed_file_beside_a_reprint_gives_its_other_language(order):
    # 000 holds a French reprint and the English original; 002 is French. The English half of 000
    # is what 002 must be aligned with, without flags, and the user is told which half was taken.
    files = [seed("000"), seed("002")] if order == "mixed first" else [seed("002"), seed("000")]
    done = run("pair", *files, "-f", "json")
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    english = data["source"] if order == "mixed first" else data["target"]
    french = data["target"] if order == "mixed first" else data["source"]
    assert english["lang"] == "en" and french["lang"] == "fr"
    assert [s["line"] for s in english["sentences"]][0] == 31
    assert "English part (lines 31-53)" in done.stderr.decode()
    assert run("pair", *files, "-f", "json", "-q").stderr.decode() == ""  # -q: no messages either


def test_a_file_holding_both_languages_given_twice_reads_as_given_once():
    # Aligned with itself, 000's English half was paired with the English of the whole file and its
    # French became sixteen "additions", each "untranslated".
    alone = run("pair", seed("000"), "-f", "json", "-q")
    twice = run("pair", seed("000"), seed("000"), "-f", "json")
    assert twice.returncode == 0, twice.stderr.decode()
    assert json.loads(twice.stdout)["beads"] == json.loads(alone.stdout)["beads"]
    assert "hold the same text: read as one file" in twice.stderr.decode()


def test_unknown_option_is_a_usage_error():
    assert run("pair", seed("000"), "--format", "pdf").returncode == 2


@pytest.mark.parametrize("command", ["pair", "group"])
def test_help_states_the_default_format(command):
    # Rich reads "[default: ...]" in a help text as markup and drops it: the defaults must survive.
    done = run(command, "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0
    assert "(default: table on a terminal, json otherwise)" in done.stdout.decode()


@pytest.mark.parametrize("command", ["pair", "group", "versions", "batch", "review", "export"])
def test_help_has_no_placeholders_and_lists_only_formats_the_command_writes(command):
    import re

    from align.reports.collection import COLLECTION_FORMATS
    from align.reports.versions import VERSIONS_FORMATS

    text = run(command, "--help", env={"COLUMNS": "200"}).stdout.decode()
    assert not re.search(r"<(bool|str|int|float|path)>|\{\w+\}", text), text
    listed = re.search(r"--format\s+-f\s+\[([a-z0-9|]+)\]", text)
    if command == "group":
        assert tuple(listed.group(1).split("|")) == COLLECTION_FORMATS
    elif command == "versions":
        assert tuple(listed.group(1).split("|")) == VERSIONS_FORMATS
    for fmt in listed.group(1).split("|") if listed and command in ("group", "versions") else ():
        assert "is not available" not in run(command, seed("000"), "-f", fmt, "-q", env={"COLUMNS": "200"}).stderr.decode()


def test_redirected_output_says_which_format_it_chose_and_the_table_explains_its_score():
    done = run("pair", seed("000"))
    assert done.returncode == 0 and json.loads(done.stdout)["beads"]
    assert "wrote the json report" in done.stderr.decode()
    assert "wrote the json report" not in run("pair", seed("000"), "-q").stderr.decode()
    table = run("pair", seed("000"), "-f", "table", "--no-color").stdout.decode()
    assert "score: for a pair, how alike its two sides are" in table


def test_one_sentence_per_line_files_align_as_the_benchmark_does(tmp_path):
    # A researcher's path: gold-set files through the command, beads out, scored as the
    # benchmark scores. It must give the benchmark's own alignment (align_sentences), which it
    # did not while each line was read as a paragraph and <...> quotes as HTML tags.
    from conftest import DATA

    from align import align_sentences
    from benchmarks.data import load
    from benchmarks.scoring import read_gold, score_doc

    if not (DATA / "text-berg-de-fr").exists():
        pytest.skip("benchmark data not present (../shared/data)")
    [doc] = [d for d in load("textberg", "test", DATA) if d.name == "test0"]
    folder = DATA / "text-berg-de-fr"
    out = tmp_path / "test0.beads"
    done = run("pair", "--segmenter", "lines", "--no-partial", "-q", str(folder / "test0.de"), str(folder / "test0.fr"),
               "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    ours = read_gold(out)
    api = align_sentences(doc.src, doc.tgt, src_lang="de", tgt_lang="fr", partial=False).beads
    assert ours == [(b.src, b.tgt) for b in api]
    assert score_doc(doc.gold, ours)["f1_strict"] > 0.85


def test_json_report_from_stdin_and_file(tmp_path):
    out = tmp_path / "report.json"
    english = seed("000")
    done = run("pair", "-", seed("001"), "--src-lang", "en", "-o", str(out), "-q",
               stdin=open(english, "rb").read())
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["path"] == "<stdin>" and data["source"]["lang"] == "en"
    assert data["summary"]["beads"]["match"] >= 10


def test_tsv_to_stdout_carries_every_sentence():
    done = run("pair", seed("000"), "-f", "tsv", "-q")
    assert done.returncode == 0, done.stderr.decode()
    *rows, signature = done.stdout.decode().rstrip("\n").split("\n")[1:]
    assert signature.startswith("# signature: align:")
    src_ids = [i for row in rows for i in row.split("\t")[2].split(",") if i]
    assert sorted(map(int, src_ids)) == list(range(len(set(src_ids))))


def test_no_partial_skips_the_clause_checks_only():
    full = json.loads(run("pair", seed("000"), "-f", "json", "-q").stdout)
    fast = json.loads(run("pair", seed("000"), "-f", "json", "-q", "--no-partial").stdout)
    assert "partial_omission" in full["summary"]["findings"]
    assert not {"partial_omission", "partial_addition"} & set(fast["summary"]["findings"])
    assert fast["beads"] == full["beads"]
    assert fast["summary"]["findings"].get("fact_mismatch") == full["summary"]["findings"].get("fact_mismatch")


def test_a_text_without_sentence_ends_is_cut_into_pieces_and_said_so(tmp_path):
    # A transcript or a file of one line: megabytes in one "sentence" once took gigabytes to
    # embed. It is cut into pieces of at most MAX_SENTENCE_CHARS, with a word on stderr, and
    # every word is still in the report once.
    import random

    from align.segmenters.base import MAX_SENTENCE_CHARS

    rng = random.Random(0)
    english = " ".join(rng.choice("the cat saw a dog near the river and the old mill".split()) for _ in range(6000))
    french = " ".join(rng.choice("le chat a vu un chien près de la rivière et du vieux moulin".split()) for _ in range(6000))
    (tmp_path / "en.txt").write_text("The mill.\n\n" + english + "\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Le moulin.\n\n" + french + "\n", encoding="utf-8")
    done = run("pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "-f", "json", "--no-partial")
    assert done.returncode == 0, done.stderr.decode()
    warnings = [line for line in done.stderr.decode().splitlines() if "without a sentence end" in line]
    assert [w.split(": ", 1)[1].split(":")[0] for w in warnings] == [f"{tmp_path / 'en.txt'}, line 3",
                                                                     f"{tmp_path / 'fr.txt'}, line 3"]
    report = json.loads(done.stdout)
    for side, text in (("source", english), ("target", french)):
        pieces = [s["text"] for s in report[side]["sentences"]][1:]
        assert len(pieces) == len(text) // MAX_SENTENCE_CHARS + 1
        assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
        assert " ".join(pieces) == text


def test_fail_on_exits_1_when_findings_reach_the_severity(tmp_path):
    # 000 alone: the English original against its French reprint, with a changed number (content).
    done = run("pair", seed("000"), "-f", "json", "--fail-on", "content")
    assert done.returncode == 1 and "at --fail-on content or above" in done.stderr.decode()
    assert json.loads(done.stdout)["findings"]  # the report is written all the same
    # A faithful translation passes.
    (tmp_path / "en.txt").write_text("The meeting took place in Istanbul.\n\nOfficials from three capitals "
                                     "attended.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La réunion a eu lieu à Istanbul.\n\nDes responsables de trois capitales "
                                     "y ont assisté.\n", encoding="utf-8")
    done = run("pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "-f", "json", "--fail-on", "content")
    assert done.returncode == 0, done.stderr.decode()
    # So does one that leaves out a scene break: layout, editorial (it was a content omission).
    (tmp_path / "en.txt").write_text("The meeting took place in Istanbul. It lasted two days.\n\n* * *\n\n"
                                     "Officials from three capitals attended. They signed nothing.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La réunion a eu lieu à Istanbul. Elle a duré deux jours.\n\nDes responsables "
                                     "de trois capitales y ont assisté. Ils n'ont rien signé.\n", encoding="utf-8")
    done = run("pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "-f", "json", "--fail-on", "content")
    findings = [(f["type"], f["severity"], f["src"]) for f in json.loads(done.stdout)["findings"]]
    assert done.returncode == 0 and findings == [("omission", "editorial", [2])], findings


@pytest.mark.parametrize("command", [["pair", seed("000")], ["batch", "--dirs", "seeds", "seeds", "-d"]])
def test_an_output_name_the_file_system_refuses_is_one_line_and_exit_2(tmp_path, command):
    too_long = str(tmp_path / ("a" * 300))
    done = run(*command, *([too_long] if command[0] == "batch" else ["-o", too_long + ".json"]))
    err = done.stderr.decode()
    assert done.returncode == 2 and "File name too long" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["pair", seed("000")], ["versions", seed("000"), seed("002")]])
def test_an_output_suffix_no_format_writes_is_refused_and_dash_is_stdout(tmp_path, command):
    # A report.docx or report.csv holding JSON was a surprise; so was a file named "-".
    done = run(*command, "-o", str(tmp_path / "report.docx"))
    err = done.stderr.decode()
    assert done.returncode == 2 and "writes no .docx file" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "report.docx").exists()
    # .xml names no one format: the pair report's three XML formats are named, nothing is written.
    as_xml = run(*command, "-o", str(tmp_path / "report.xml"))
    err = as_xml.stderr.decode()
    assert as_xml.returncode == 2 and len(err.strip().splitlines()) == 1 and not (tmp_path / "report.xml").exists()
    assert ("tmx, xliff, xliff12 are all XML; choose one with -f" if command[0] == "pair" else "writes no .xml") in err
    to_stdout = run(*command, "-o", "-", "-q", "-f", "json")
    assert to_stdout.returncode == 0 and json.loads(to_stdout.stdout)["signature"]
    # -f and a suffix that names another format: written as asked, and said (a .xlsx holding JSON).
    mismatched = run(*command, "-f", "json", "-o", str(tmp_path / "report.xlsx"))
    assert mismatched.returncode == 0 and "report.xlsx names a .xlsx file, but -f json writes json" in \
        mismatched.stderr.decode()
    # Tab-separated text in a .csv opens in a spreadsheet split at its commas: said too.
    as_csv = run(*command, "-f", "tsv", "-o", str(tmp_path / "report.csv"))
    assert as_csv.returncode == 0 and "report.csv names a .csv file, but -f tsv writes tsv" in as_csv.stderr.decode()


def test_export_takes_its_format_from_the_output_suffix(tmp_path, use_encoder):
    from align import align_pair
    from align.review import project as projects

    path = tmp_path / "pair.review.json"
    projects.save(projects.from_result(align_pair(seed("000"), encoder=use_encoder, partial=False)), path)
    for name, start in (("corrected.xlsx", b"PK"), ("corrected.html", b"<!DOCTYPE html>"), ("corrected.tmx", b"<?xml")):
        done = run("export", str(path), "-o", str(tmp_path / name))
        assert done.returncode == 0, done.stderr.decode()
        assert (tmp_path / name).read_bytes().startswith(start), name


def test_min_severity_counts_what_it_shows_and_says_what_it_hid():
    full = json.loads(run("pair", seed("000"), "-f", "json", "-q").stdout)
    shown = json.loads(run("pair", seed("000"), "-f", "json", "-q", "--min-severity", "content").stdout)
    assert sum(shown["summary"]["findings"].values()) == len(shown["findings"]) < len(full["findings"])
    assert shown["summary"]["findings_hidden"] == {"min_severity": "content",
                                                   "count": len(full["findings"]) - len(shown["findings"])}
    assert all(f["severity"] == "content" for f in shown["findings"])


def test_a_report_is_written_through_a_link_and_to_a_redirected_stdout_path(tmp_path):
    """`-o link.json` replaced the link by a file (its target kept the old report), and `-o
    /dev/stdout > file` replaced /dev/stdout itself and left the file empty."""
    target = tmp_path / "real" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    done = run("pair", seed("000"), seed("002"), "-q", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["beads"]
    redirected = tmp_path / "out.tsv"
    with open(redirected, "wb") as stdout:
        done = subprocess.run([sys.executable, "-m", "align", "pair", seed("000"), seed("002"), "-q", "-f", "tsv",
                               "-o", "/dev/fd/1"], stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert redirected.read_text(encoding="utf-8").startswith("kind\t")


def test_the_verdict_says_what_its_target_share_leaves_out():
    # "81% of the target aligned" stood beside "13 of 29 target sentences align": the share counts
    # the target without its headlines and boilerplate, and now says so.
    done = run("pair", seed("000"), seed("002"), "--src-lang", "en", "-f", "table")
    verdict = next(line for line in done.stdout.decode().splitlines() if line.startswith("Verdict:"))
    assert "of the target aligned, its headlines and boilerplate aside)" in verdict


def test_the_verdict_counts_a_sentence_left_out_inside_a_pair_as_not_aligned(tmp_path):
    # "(75% of the source ...): 4 of 4 source sentences align" beside "1 left out".
    src = tmp_path / "en.txt"
    tgt = tmp_path / "fr.txt"
    src.write_text("The summit in Baku ended on Friday.\nLeaders agreed on new climate funding of 300 billion "
                   "dollars.\nThe G20 meeting in Rio had not settled the question of who pays.\nDeveloping "
                   "countries called the deal far too small.\n", encoding="utf-8")
    tgt.write_text("Le sommet de Bakou s'est terminé vendredi.\nLes dirigeants ont convenu d'un nouveau "
                   "financement climatique de 300 milliards de dollars.\nLes pays en développement ont jugé "
                   "l'accord bien trop modeste.\n", encoding="utf-8")
    summary = json.loads(run("pair", str(src), str(tgt), "-f", "json", "-q").stdout)["summary"]
    assert summary["findings"]["omission"] == 1 and summary["source_coverage"] == 0.75
    assert summary["reason"].startswith("3 of 4 source and 3 of 3 target sentences align")


def test_a_tmx_says_how_many_sentences_stand_in_no_unit(tmp_path):
    """A TMX holds pairs only: the G20 paragraph left out of 002 and the French page's own lines were
    in no unit, and nothing said so (a probe of align export -f tmx: 9 and 26 sentences, unsaid)."""
    out = tmp_path / "memory.tmx"
    done = run("pair", seed("000"), seed("002"), "-f", "tmx", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    said = [line for line in done.stderr.decode().splitlines() if "stand in no pair of the TMX" in line]
    report = json.loads(run("pair", seed("000"), seed("002"), "-f", "json").stdout)
    units = out.read_text(encoding="utf-8").count("<tu ")
    in_units = {side: {i for b in report["beads"] if b["kind"] in ("match", "moved") and b["src"] and b["tgt"]
                       for i in b[key]} for side, key in (("source", "src"), ("target", "tgt"))}
    left = [len(report[side]["sentences"]) - len(in_units[side]) for side in ("source", "target")]
    assert units and left[0] >= 5 and said == [f"align: {left[0]} source and {left[1]} target sentences stand in no "
                                                "pair of the TMX (left out, added, markup or scored under "
                                                "--min-score); -f xliff or json holds every sentence"]


def test_a_headline_and_its_translation_both_read_as_german_are_aligned(tmp_path):
    """"Welcome to Berlin" reads as German (0.67; English 0.15) beside "Willkommen in Berlin": the
    pair was refused as "both texts are in German". The unsure one is read in its next likeliest
    language, said on stderr, and the TMX names both languages."""
    (tmp_path / "en.txt").write_text("Welcome to Berlin\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Willkommen in Berlin\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(tmp_path / "en.txt"), str(tmp_path / "de.txt"),
                           "-f", "tmx"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "en.txt: read as English (en), its next likeliest language" in done.stderr
    assert 'srclang="en"' in done.stdout and 'xml:lang="de"' in done.stdout and "Willkommen in Berlin" in done.stdout
