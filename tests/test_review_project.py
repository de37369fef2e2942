"""A review project is a file a person may open in an editor: whatever a hand edit leaves in it,
`align export` and `align review` answer with one line and exit 2, never a traceback."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from align import align_pair
from align.errors import InputError
from align.review import project as projects
from conftest import ROOT, seed


@pytest.fixture(scope="module")
def saved(use_encoder, tmp_path_factory):
    path = tmp_path_factory.mktemp("project") / "pair.review.json"
    projects.save(projects.from_result(align_pair(seed("000"), seed("002"), encoder=use_encoder)), path)
    return json.loads(path.read_text(encoding="utf-8"))


def _set(key, value):
    def edit(project):
        project["beads"][0][key] = value
    return edit


EDITS = {
    "a score in words": (_set("score", "high"), "score is not a number"),
    "no beads": (lambda p: p.update(beads=None), "damaged"),
    "a bead that is a string": (lambda p: p["beads"].__setitem__(0, "match"), "a bead is not"),
    "a source id that is no list": (_set("src", 1), "a bead is not"),
    "a source id in quotes": (_set("src", ["0"]), "a bead is not"),
    "the target's sentences gone": (lambda p: p["target"].pop("sentences"), "no 'sentences'"),
    "a sentence's id changed": (lambda p: p["source"]["sentences"][1].update(id=5), "ids must count from 0"),
    "a finding's ids in quotes": (lambda p: p["findings"][0].update(src=["3"]), "a finding is not"),
    "a finding without its message": (lambda p: p["findings"][0].pop("message"), "damaged"),
    "a finding's message a number": (lambda p: p["findings"][0].update(message=5), "no type or message"),
    "a finding's details a list": (lambda p: p["findings"][0].update(details=[1, 2]), "details"),
    "a finding on a sentence the texts lack": (lambda p: p["findings"][0].update(src=[999]), "do not have"),
    "the findings an object": (lambda p: p.update(findings={}), "not a list"),
    "a pair relabelled an omission": (lambda p: next(b for b in p["beads"] if b["src"] and b["tgt"]).update(
        kind="omission"), "kind 'omission' with"),
    "a sentence set aside without its line": (lambda p: p["source"]["set_aside"][0].pop("line"), "damaged"),
    "the sentences set aside a string": (lambda p: p["source"].update(set_aside="fr"), "damaged"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_hand_edited_project_is_a_one_line_error(saved, tmp_path, name):
    edit, words = EDITS[name]
    project = json.loads(json.dumps(saved))
    edit(project)
    path = tmp_path / "edited.review.json"
    path.write_text(json.dumps(project), encoding="utf-8")
    with pytest.raises(InputError, match=words):
        projects.load(path)
    if name == "a score in words":  # and the command says so in one line, exit 2
        done = subprocess.run([sys.executable, "-m", "align", "export", str(path), "-f", "tmx", "-q"],
                              capture_output=True, cwd=ROOT, timeout=120)
        err = done.stderr.decode()
        assert done.returncode == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_the_project_as_saved_loads_and_exports(saved, tmp_path):
    path = tmp_path / "as-saved.review.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    result = projects.to_result(projects.load(path))
    assert sorted(i for b in result.beads for i in b.src) == list(range(len(result.source.sentences)))


def test_an_export_lists_the_parts_of_the_files_not_aligned(saved, tmp_path):
    """Seed 000's French half is not aligned with 002: the pair's reports list it as set aside;
    a project kept no trace of it, and its exports dropped it."""
    from align.reports import render

    path = tmp_path / "as-saved.review.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    result = projects.to_result(projects.load(path))
    aside = [s.original for s in result.source.set_aside]
    assert len(aside) == len(saved["source"]["set_aside"]) > 10 and aside[0].startswith("USA , UE , Russie")
    tsv = render(result, "tsv")
    assert sum(line.startswith("set_aside\t") for line in tsv.splitlines()) == len(aside)


def test_the_review_server_refuses_what_would_damage_the_project(saved, tmp_path):
    """Each of these was answered with no response at all (a traceback on the reviewer's terminal)
    or, worse, saved: after it the corrections could no longer be exported."""
    import http.client
    import threading
    from urllib.parse import urlparse

    from align.review.server import ReviewServer

    path = tmp_path / "pair.review.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    before = path.read_bytes()
    server = ReviewServer(path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = urlparse(server.url)
        api = f"/api/project?{address.query}"
        no_message = json.loads(json.dumps(saved))
        no_message["findings"][0].pop("message")
        bodies = [b"[]", b'"text"', b"null", b"[" * 100_000, json.dumps(no_message).encode()]
        for body in bodies:
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
            connection.request("POST", api, body=body)
            assert connection.getresponse().status == 400
            connection.close()
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.putrequest("POST", api)
        connection.putheader("Content-Length", "abc")
        connection.endheaders()
        assert connection.getresponse().status == 400
        connection.close()
        assert path.read_bytes() == before  # nothing half-saved
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("GET", f"/api/export?{address.query}&format=tmx")
        assert connection.getresponse().status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_a_text_read_from_stdin_names_its_project_stdin(tmp_path):
    """`align review - fr.txt` had written '---fr.review.json', a name the shell reads as an option."""
    target = tmp_path / "fr.txt"
    target.write_text(Path(seed("002")).read_text(encoding="utf-8"), encoding="utf-8")
    code = "from align.review import open_project; print(open_project(['-', 'fr.txt']))"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          input=Path(seed("000")).read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stdin--fr.review.json"
    made = json.loads((tmp_path / "stdin--fr.review.json").read_text(encoding="utf-8"))
    assert made["source"]["sentences"] and made["target"]["sentences"]
    assert projects.project_path("a/en.txt", "-") == Path("a/en--stdin.review.json")
    assert projects.project_path("-", None) == Path("stdin.review.json")


def test_an_export_counts_the_coverage_of_the_corrected_pairs(saved):
    """An export after corrections still said the automatic alignment's coverage, beside the
    reviewer's pairs; it now counts those pairs, and says whose the verdict is."""
    project = json.loads(json.dumps(saved))
    omission = next(b for b in project["beads"] if b["kind"] == "omission")
    addition = next(b for b in project["beads"] if b["kind"] == "addition")
    project["beads"] = [b for b in project["beads"] if b is not omission and b is not addition]
    project["beads"].append({"src": omission["src"], "tgt": addition["tgt"], "kind": "match", "score": None,
                             "manual": True})
    before = saved["summary"]
    result = projects.to_result(project)
    n_src = len(result.source.sentences)
    assert result.summary["source_coverage"] == round(before["source_coverage"] + len(omission["src"]) / n_src, 4)
    assert result.summary["target_coverage"] > before["target_coverage"]
    assert result.summary["verdict"] == before["verdict"]
    assert result.summary["reason"].endswith("(verdict of the alignment before review)")
    untouched = projects.to_result(json.loads(json.dumps(saved)))
    assert (untouched.summary["source_coverage"], untouched.summary["reason"]) == (
        before["source_coverage"], before["reason"])
