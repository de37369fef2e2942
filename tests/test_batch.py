"""`align batch`: many pairs in one run, resumable, a failure reported without stopping the rest."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from align import align_pair
from align.batch import PairJob, match_folders, read_manifest, read_summary, run_batch
from align.errors import InputError
from conftest import ROOT, seed


def _manifest(folder, lines):
    path = folder / "pairs.tsv"
    path.write_text("# source\ttarget\tname\n" + "\n".join("\t".join(cells) for cells in lines) + "\n",
                    encoding="utf-8")
    return path


def test_each_pair_gets_the_report_align_pair_gives_and_a_summary_row(tmp_path, use_encoder):
    manifest = _manifest(tmp_path, [(seed("000"), seed("001")), (seed("000"), seed("002"), "reprint"),
                                    (seed("001"), seed("002"), "both-french"), ("nowhere.txt", seed("002"))])
    jobs = read_manifest(manifest)
    assert [job.name for job in jobs] == ["000_ad9e4be62e06e56c--001_1bfc30d82954ac3a", "reprint", "both-french",
                                          "nowhere--002_2df298d6ec244cd0"]
    result = run_batch(jobs, tmp_path / "out", encoder=use_encoder)
    rows = read_summary(tmp_path / "out" / "summary.tsv")
    assert [(row["name"], row["status"]) for row in rows] == [
        (jobs[0].name, "aligned"), ("reprint", "aligned"), ("both-french", "failed"), (jobs[3].name, "failed")]
    assert "both texts are in French" in rows[2]["error"] and "no such file" in rows[3]["error"]
    assert result.failed == 2
    report = json.loads((tmp_path / "out" / "reprint.json").read_text(encoding="utf-8"))
    alone = json.loads(align_pair(seed("000"), seed("002"), encoder=use_encoder).to_json())
    assert report["beads"] == alone["beads"] and report["findings"] == alone["findings"]
    # Sentences, as the pair's own report counts them: the G20 paragraph is one finding of two sentences.
    left_out = {i for f in alone["findings"] if f["type"] == "omission" for i in f["src"]}
    assert int(rows[1]["omissions"]) == len(left_out) > sum(f["type"] == "omission" for f in alone["findings"])
    table = subprocess.run([sys.executable, "-m", "align", "pair", seed("000"), seed("002"), "-f", "table", "-q"],
                           capture_output=True, text=True, cwd=ROOT, timeout=300).stdout
    counted = {word: int(n) for n, word in re.findall(r"(\d+) (matched|moved|left out|added)", table)}
    assert int(rows[1]["matched"]) == counted["matched"] + counted.get("moved", 0)
    assert (int(rows[1]["omissions"]), int(rows[1]["additions"])) == (counted["left out"], counted["added"])


def test_a_second_run_skips_what_is_done_and_redoes_what_failed(tmp_path, use_encoder):
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "reprint"), ("later.txt", seed("001"), "later")])
    run_batch(read_manifest(manifest), tmp_path / "out", encoder=use_encoder, partial=False)
    report = tmp_path / "out" / "reprint.json"
    stamp = report.stat().st_mtime_ns
    # The missing file turns up: the second run aligns it and leaves the first report alone.
    (tmp_path / "later.txt").write_text((ROOT / "seeds" / "000_ad9e4be62e06e56c.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    result = run_batch(read_manifest(manifest), tmp_path / "out", encoder=use_encoder, partial=False)
    assert [(row["name"], row["status"]) for row in result.rows] == [("reprint", "done before"), ("later", "aligned")]
    assert report.stat().st_mtime_ns == stamp


def test_a_report_is_skipped_only_for_the_inputs_and_settings_that_made_it(tmp_path, use_encoder):
    import shutil

    for name in ("000", "001", "002"):
        shutil.copy(seed(name), tmp_path / f"{name}.txt")
    first = _manifest(tmp_path, [(str(tmp_path / "000.txt"), str(tmp_path / "002.txt"), "a"),
                                 (str(tmp_path / "000.txt"), str(tmp_path / "001.txt"), "b")])
    out = tmp_path / "out"
    run_batch(read_manifest(first), out, encoder=use_encoder, partial=False)
    rows = {row["name"]: row for row in read_summary(out / "summary.tsv")}
    # Run again: both skipped, and their rows keep what the first run counted.
    again = run_batch(read_manifest(first), out, encoder=use_encoder, partial=False)
    assert [row["status"] for row in again.rows] == ["done before", "done before"]
    kept = {row["name"]: row for row in read_summary(out / "summary.tsv")}
    assert kept["a"]["matched"] == rows["a"]["matched"] != "" and kept["b"]["verdict"] == rows["b"]["verdict"]
    # The names swapped between the pairs: each report now belongs to the other pair's files.
    swapped = _manifest(tmp_path, [(str(tmp_path / "000.txt"), str(tmp_path / "001.txt"), "a"),
                                   (str(tmp_path / "000.txt"), str(tmp_path / "002.txt"), "b")])
    result = run_batch(read_manifest(swapped), out, encoder=use_encoder, partial=False)
    assert [row["status"] for row in result.rows] == ["aligned", "aligned"]
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["target"]["path"].endswith("001.txt")
    # An input edited since: aligned again; the other pair is not.
    (tmp_path / "001.txt").write_text((tmp_path / "001.txt").read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
                                      encoding="utf-8")
    result = run_batch(read_manifest(swapped), out, encoder=use_encoder, partial=False)
    assert [row["status"] for row in result.rows] == ["aligned", "done before"]
    # Another format that writes the same suffix (.xlf): aligned again.
    run_batch(read_manifest(swapped), out, fmt="xliff12", encoder=use_encoder, partial=False)
    result = run_batch(read_manifest(swapped), out, fmt="xliff", encoder=use_encoder, partial=False)
    assert [row["status"] for row in result.rows] == ["aligned", "aligned"]


def test_two_folders_pair_their_namesakes(tmp_path, caplog):
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "chapters").mkdir()
    for name in ("a.txt", "b.txt", "only-en.txt"):
        (tmp_path / "en" / name).write_text("x", encoding="utf-8")
    for name in ("a.txt", "b.md", "only-fr.txt"):
        (tmp_path / "fr" / name).write_text("x", encoding="utf-8")
    jobs = match_folders(tmp_path / "en", tmp_path / "fr")
    assert [(job.name, os.path.basename(job.target), job.missing) for job in jobs if not job.missing] == [
        ("a", "a.txt", ""), ("b", "b.md", "")]
    # What is not paired is said, on both sides: a file without a namesake is a pair that fails (in
    # the summary and the exit code, not on stderr alone), a sub-folder not read is named.
    assert [(job.name, job.missing) for job in jobs if job.missing] == [
        ("only-en", f"no namesake in {tmp_path / 'fr'}"), ("only-fr", f"no namesake in {tmp_path / 'en'}")]
    assert "sub-folders are not read (chapters)" in caplog.text
    result = run_batch([job for job in jobs if job.missing], tmp_path / "out")
    assert result.failed == 2 and [row["error"] for row in read_summary(tmp_path / "out" / "summary.tsv")] == [
        job.missing for job in jobs if job.missing]


def test_a_manifest_header_is_not_a_pair(tmp_path):
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("Source\tTarget\tName\nen.txt\tfr.txt\tfirst\n", encoding="utf-8")
    assert [(job.name, os.path.basename(job.source)) for job in read_manifest(manifest)] == [("first", "en.txt")]


@pytest.mark.parametrize("codec", ["utf-16", "cp1252"], ids=["Excel's Unicode Text", "Excel's Text (Tab delimited)"])
def test_a_manifest_saved_by_excel_is_read(tmp_path, codec):
    """A manifest had to be UTF-8: Excel's UTF-16 export failed on its byte-order mark, and its
    cp1252 export on "é", with "cannot read the manifest ('utf-8' codec can't decode byte 0xff...)"."""
    for name in ("en doc é.txt", "fr doc é.txt"):
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_bytes("source\ttarget\r\nen doc é.txt\tfr doc é.txt\r\n".encode(codec))
    jobs = read_manifest(manifest)
    assert [(os.path.basename(job.source), os.path.basename(job.target)) for job in jobs] == [("en doc é.txt", "fr doc é.txt")]


def test_a_manifest_with_cells_a_spreadsheet_quoted_is_read(tmp_path):
    for name in ("en.txt", 'fr "v2".txt'):
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text('"en.txt"\t"fr ""v2"".txt"\t"first"\n', encoding="utf-8")
    [job] = read_manifest(manifest)
    assert (os.path.basename(job.source), os.path.basename(job.target), job.name) == ("en.txt", 'fr "v2".txt',
                                                                                       "first")


def test_a_bad_manifest_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "pairs.tsv"
    bad.write_text("only-one-column\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: expected"):
        read_manifest(bad)
    done = subprocess.run([sys.executable, "-m", "align", "batch", str(bad), "-d", str(tmp_path / "out")],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stderr.decode().count("\n") == 1


def test_a_report_that_cannot_be_written_fails_its_pair_only(tmp_path, use_encoder):
    # A name longer than the file system allows: the report's write fails with an OSError, which
    # took the whole run down with a traceback and no summary.
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "n" * 300), (seed("000"), seed("001"), "fine")])
    result = run_batch(read_manifest(manifest), tmp_path / "out", encoder=use_encoder, partial=False)
    rows = read_summary(tmp_path / "out" / "summary.tsv")
    assert [row["status"] for row in rows] == ["failed", "aligned"] and result.failed == 1
    assert "File name too long" in rows[0]["error"] and (tmp_path / "out" / "fine.json").exists()


def test_no_report_is_written_over_an_input_the_manifest_or_the_summary(tmp_path, use_encoder, caplog):
    """-d the inputs' own folder: a pair named after its target wrote its table over the target, a
    pair named after the manifest over the manifest, and a pair named summary was overwritten by
    the summary. Each report goes under the next free name, and the summary says which."""
    import shutil

    shutil.copy(seed("000"), tmp_path / "en.txt")
    shutil.copy(seed("002"), tmp_path / "fr.tsv")
    inputs = {name: (tmp_path / name).read_bytes() for name in ("en.txt", "fr.tsv")}
    manifest = _manifest(tmp_path, [("en.txt", "fr.tsv", "fr"), ("en.txt", "fr.tsv", "summary"),
                                    ("en.txt", "fr.tsv", "pairs"), ("en.txt", "fr.tsv", "fr-2")])
    listed = manifest.read_bytes()
    run_batch(read_manifest(manifest), tmp_path, fmt="tsv", encoder=use_encoder, partial=False,
              protected=(str(manifest),))
    assert {name: (tmp_path / name).read_bytes() for name in inputs} == inputs
    assert manifest.read_bytes() == listed
    rows = read_summary(tmp_path / "summary.tsv")
    assert [(row["name"], row["status"]) for row in rows] == [("fr-3", "aligned"), ("summary-2", "aligned"),
                                                              ("pairs-2", "aligned"), ("fr-2", "aligned")]
    for row in rows:  # each its own report: the pair's sentences, not the summary or another pair's
        assert row["report"] == f"{row['name']}.tsv"
        assert (tmp_path / row["report"]).read_text(encoding="utf-8").startswith("kind\tscore\t")
    assert "its report would overwrite" in caplog.text


def test_the_command_exits_1_when_a_pair_failed_and_says_which(tmp_path):
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "reprint"), (seed("001"), seed("002"), "twice-fr")])
    done = subprocess.run([sys.executable, "-m", "align", "batch", str(manifest), "-d", str(tmp_path / "out"),
                           "--no-partial"], capture_output=True, cwd=ROOT, timeout=300)
    err = done.stderr.decode()
    assert done.returncode == 1 and "1 pair aligned, 0 done before, 1 failed" in err
    assert "twice-fr: both texts are in French" in err and (tmp_path / "out" / "reprint.json").exists()


def test_on_a_dask_cluster_of_two_worker_processes_the_reports_are_the_same(tmp_path, use_encoder):
    distributed = pytest.importorskip("distributed")
    pairs = [(seed("000"), seed("001"), "a"), (seed("000"), seed("002"), "b"), (seed("001"), seed("002"), "c"),
             (seed("003"), seed("000"), "d"), ("nowhere.txt", seed("002"), "e")]
    jobs = read_manifest(_manifest(tmp_path, pairs))
    run_batch(jobs, tmp_path / "here", encoder=use_encoder)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster:
        result = run_batch(jobs, tmp_path / "there", dask=cluster.scheduler_address)
        workers = len(cluster.workers)
    assert workers == 2
    here, there = read_summary(tmp_path / "here" / "summary.tsv"), read_summary(tmp_path / "there" / "summary.tsv")
    assert [row["status"] for row in there] == ["aligned", "aligned", "failed", "aligned", "failed"]
    assert there == here and result.failed == 2
    for name in ("a", "b", "d"):
        assert (tmp_path / "there" / f"{name}.json").read_bytes() == (tmp_path / "here" / f"{name}.json").read_bytes()


def test_an_unreachable_dask_scheduler_is_a_one_line_error(tmp_path):
    pytest.importorskip("distributed")
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"))])
    done = subprocess.run([sys.executable, "-m", "align", "batch", str(manifest), "-d", str(tmp_path / "out"),
                           "--dask", "tcp://127.0.0.1:9", "-q"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("align: error: --dask tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_file_of_the_output_folder_that_no_run_wrote_is_never_overwritten(tmp_path, use_encoder):
    """A user's notes.json in `-d` was replaced by the report of a pair named notes. Such a report
    now takes the next free name, and a second run finds it there and skips it."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.json").write_text("my precious notes", encoding="utf-8")
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "notes")])
    result = run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    assert (out / "notes.json").read_text(encoding="utf-8") == "my precious notes"
    assert [(row["name"], row["report"]) for row in result.rows] == [("notes-2", "notes-2.json")]
    assert json.loads((out / "notes-2.json").read_text(encoding="utf-8"))["beads"]
    again = run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    assert [(row["name"], row["status"]) for row in again.rows] == [("notes-2", "done before")]
    assert (out / "notes.json").read_text(encoding="utf-8") == "my precious notes"


def test_an_emptied_or_cut_report_is_made_again(tmp_path, use_encoder):
    """A report emptied or cut short after its run was counted "done before" and kept."""
    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "reprint"), (seed("000"), seed("001"), "later")])
    out = tmp_path / "out"
    run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    (out / "reprint.json").write_text("", encoding="utf-8")
    whole = (out / "later.json").read_text(encoding="utf-8")
    (out / "later.json").write_text(whole[:100], encoding="utf-8")
    again = run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    assert [row["status"] for row in again.rows] == ["aligned", "aligned"]
    assert json.loads((out / "reprint.json").read_text(encoding="utf-8"))["beads"]
    assert (out / "later.json").read_text(encoding="utf-8") == whole


def test_a_rerun_with_the_reports_in_the_source_folder_reads_none_of_them(tmp_path):
    """A probe's `align batch --dirs EN FR -d EN`, run twice: the second run aligned a.json (the
    first run's report) against FR/a.txt as a pair of its own, realigned the real pairs under new
    names, and failed summary.tsv as a file with no namesake (exit 1)."""
    (tmp_path / "EN").mkdir()
    (tmp_path / "FR").mkdir()
    (tmp_path / "EN" / "a.txt").write_text("The storm reached the coast.\n\nSchools stayed closed.\n", encoding="utf-8")
    (tmp_path / "FR" / "a.txt").write_text("La tempête a atteint la côte.\n\nLes écoles sont restées fermées.\n",
                                           encoding="utf-8")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "align", "batch", "--dirs", str(tmp_path / "EN"),
                               str(tmp_path / "FR"), "-d", str(tmp_path / "EN"), "-q"], capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
    rows = read_summary(tmp_path / "EN" / "summary.tsv")
    assert [(row["name"], row["status"]) for row in rows] == [("a", "done before")]
    assert sorted(p.name for p in (tmp_path / "EN").iterdir()) == ["a.json", "a.txt", "summary.tsv"]


def test_a_run_stopped_by_ctrl_c_is_resumed_where_it_stopped(tmp_path, use_encoder, monkeypatch):
    """A probe's Ctrl-C after 47 of 60 pairs left their reports but no summary.tsv: the next run
    aligned all 60 again and, finding each report there but in no summary, wrote 47 of them a
    second time as NAME-2. The summary now names what was written before the run stopped."""
    import align.reports

    manifest = _manifest(tmp_path, [(seed("000"), seed("002"), "a"), (seed("000"), seed("001"), "b")])
    out = tmp_path / "out"
    render, calls = align.reports.render, []

    def render_then_ctrl_c(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return render(*args, **kwargs)

    monkeypatch.setattr(align.reports, "render", render_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    rows = read_summary(out / "summary.tsv")
    assert [(row["name"], row["status"]) for row in rows] == [("a", "aligned"), ("b", "interrupted")]
    monkeypatch.setattr(align.reports, "render", render)
    stamp = (out / "a.json").stat().st_mtime_ns
    again = run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    assert [(row["name"], row["status"]) for row in again.rows] == [("a", "done before"), ("b", "aligned")]
    assert (out / "a.json").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "summary.tsv"]


def test_the_summary_names_each_file_as_it_is_named(tmp_path, use_encoder):
    """summary.tsv collapsed every run of whitespace ("fr  two.txt" named as "fr two.txt", a file
    that is not there), and a rerun read a cell opening with a quote as a spreadsheet's quoting
    (`"q" en.txt` came back, and was written again, as `q en.txt`)."""
    import shutil

    shutil.copy(seed("000"), tmp_path / '"q" en.txt')
    shutil.copy(seed("002"), tmp_path / "fr  two.txt")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text('"""q"" en.txt"\tfr  two.txt\tq\n', encoding="utf-8")
    out = tmp_path / "out"
    for status in ("aligned", "done before"):
        run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
        [row] = read_summary(out / "summary.tsv")
        assert (row["status"], row["source"], row["target"]) == (
            status, str(tmp_path / '"q" en.txt'), str(tmp_path / "fr  two.txt"))


def test_a_summary_cell_that_a_spreadsheet_would_run_as_a_formula_stands_as_text(tmp_path, use_encoder, monkeypatch):
    """A probe: files named "=HYPERLINK(...).txt" and "-fr.txt" went into summary.tsv as written, and a
    spreadsheet opening it ran the first as a formula. Such a cell stands behind the text mark `'`,
    as in the TSV report; `read_summary` reads it as named, and a second run finds the pair done."""
    import csv

    source, target = '=HYPERLINK("x","y").txt', "-fr.txt"
    (tmp_path / source).write_text("The storm hit the coast on Monday.\n", encoding="utf-8")
    (tmp_path / target).write_text("La tempête a frappé la côte lundi.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the manifest named in the folder it is in: the files' paths as written there
    manifest = Path("pairs.tsv")
    manifest.write_text(f"{source}\t{target}\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    with open(out / "summary.tsv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in list(csv.reader(handle, dialect="excel-tab"))[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    [row] = read_summary(out / "summary.tsv")
    assert (row["source"], row["target"]) == (source, target)
    again = run_batch(read_manifest(manifest), out, encoder=use_encoder, partial=False)
    assert [r["status"] for r in again.rows] == ["done before"]
    [row] = read_summary(out / "summary.tsv")
    assert row["source"] == source


def test_a_name_with_a_tab_a_line_break_or_a_backslash_comes_back_from_the_summary_as_named(tmp_path, use_encoder):
    """summary.tsv wrote a tab in a cell as `\\t` and read it back as the two characters, so a pair
    of files named "a<TAB>b.txt" (`--dirs`) was taken as not done and aligned again at each rerun;
    a name holding a backslash and a "t" ("c\\td.txt") was read back as holding a tab. Written and
    read, a cell is what it names, and a second run finds every pair done."""
    names = ["a\tb.txt", "c\\td.txt", "e\nf.txt", "g\\\\h\\.txt"]
    for folder, text in (("EN", "The storm hit the coast on Monday.\n"), ("FR", "La tempête a frappé la côte lundi.\n")):
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first = run_batch(match_folders(tmp_path / "EN", tmp_path / "FR", out), out, encoder=use_encoder, partial=False)
    assert sorted(row["status"] for row in first.rows) == ["aligned"] * 4
    assert len((out / "summary.tsv").read_text(encoding="utf-8").splitlines()) == 1 + len(names)  # a row a line
    for status in ("aligned", "done before"):
        rows = read_summary(out / "summary.tsv")
        assert sorted((row["source"], row["target"], row["status"]) for row in rows) == sorted(
            (str(tmp_path / "EN" / name), str(tmp_path / "FR" / name), status) for name in names)
        again = run_batch(match_folders(tmp_path / "EN", tmp_path / "FR", out), out, encoder=use_encoder, partial=False)
        assert [row["status"] for row in again.rows] == ["done before"] * 4
    assert len(list(out.iterdir())) == 1 + len(names)  # no report written twice (NAME-2)
    # A pair named by a program (run_batch's own jobs): its name is its report's, tab and all.
    jobs = [PairJob(name, str(tmp_path / "EN" / names[0]), str(tmp_path / "FR" / names[0])) for name in ("x\ty", "x\\ty")]
    for status in ("aligned", "done before"):
        assert [row["status"] for row in run_batch(jobs, out, encoder=use_encoder, partial=False).rows] == [status] * 2
    assert sorted(row["name"] for row in read_summary(out / "summary.tsv")) == ["x\ty", "x\\ty"]
    assert not list(out.glob("x*-2.json"))


def test_a_file_named_dash_in_the_current_folder_is_read_not_standard_input(tmp_path, use_encoder, monkeypatch):
    """A manifest in the folder align batch runs in, naming a file "-" (or --dirs . holding one),
    gave the pair the path "-", which every reader takes for standard input: the report was of
    whatever stdin held, not of the file, and was named "---fr.json", a name the shell takes for
    an option."""
    import io
    from types import SimpleNamespace

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("The storm hit the coast on Monday. Nobody was hurt.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La tempête a frappé la côte lundi. Personne n'a été blessé.\n", encoding="utf-8")
    (tmp_path / "FR").mkdir()
    (tmp_path / "FR" / "-").write_text("La tempête a frappé la côte lundi. Personne n'a été blessé.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"Das ist ein ganz anderer Text.\n")))
    Path("pairs.tsv").write_text("-\tfr.txt\n", encoding="utf-8")
    for jobs in (read_manifest(Path("pairs.tsv")), match_folders(Path("."), Path("FR"))):
        result = run_batch(jobs, tmp_path / "out", encoder=use_encoder, partial=False)
        [row] = [row for row in result.rows if row["status"] != "failed"]
        assert row["status"] == "aligned" and not row["report"].startswith("-")
        report = json.loads((tmp_path / "out" / row["report"]).read_text(encoding="utf-8"))
        assert [s["text"] for s in report["source"]["sentences"]] == ["The storm hit the coast on Monday.",
                                                                     "Nobody was hurt."]
        assert report["source"]["path"] == row["source"] == os.path.join(".", "-")
