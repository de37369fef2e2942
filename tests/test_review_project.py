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
    # Each of these ended `align export` in a traceback (a probe).
    "the source's language gone": (lambda p: p["source"].pop("lang"), "source's lang is not text"),
    "the target's path null": (lambda p: p["target"].update(path=None), "target's path is not text"),
    "the locale a number": (lambda p: p["source"].update(locale=5), "source's locale is not text"),
    "the signature a list": (lambda p: p.update(signature=[]), "signature is not an object"),
    "a sentence's text a number": (lambda p: p["source"]["sentences"][0].update(text=123), "sentence 0 has no text"),
    "a sentence's locator a number": (lambda p: p["target"]["sentences"][0].update(locator=5), "sentence 0 has"),
    "a sentence set aside in a language that is a number": (
        lambda p: p["source"]["set_aside"][0].update(lang=5), "set aside has"),
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
    if name in ("a score in words", "the signature a list", "the target's path null"):  # in one line, exit 2
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
    # Its source is named "<stdin>", no file: every export had said "<stdin> has changed".
    assert made["source"]["path"] == "<stdin>"
    assert projects.changed_inputs(made, tmp_path / "stdin--fr.review.json") == []


def test_a_project_exported_from_another_folder_does_not_say_its_texts_changed(saved, tmp_path):
    """The project names its texts as given where align review ran ("en.txt"); `align export
    a/p.review.json` run from the folder above said both "have changed since" the project was made."""
    import shutil

    (tmp_path / "a").mkdir()
    shutil.copy(seed("000"), tmp_path / "a" / "en.txt")
    shutil.copy(seed("002"), tmp_path / "a" / "fr.txt")
    project = json.loads(json.dumps(saved))
    project["source"]["path"], project["target"]["path"] = "en.txt", "fr.txt"
    (tmp_path / "a" / "p.review.json").write_text(json.dumps(project), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "align", "export", "a/p.review.json", "-o", "out.tmx"],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0 and "changed" not in done.stderr.decode(), done.stderr.decode()
    (tmp_path / "a" / "en.txt").write_text("Another text.\n", encoding="utf-8")  # and when one has, it says so
    done = subprocess.run([sys.executable, "-m", "align", "export", "a/p.review.json", "-o", "out.tmx"],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert "en.txt has changed" in done.stderr.decode() and "fr.txt" not in done.stderr.decode()
    # Found neither from here nor beside the project, a text is said not found: "has changed" was
    # said of texts that had not (a probe), and whether they have is not known.
    (tmp_path / "a" / "en.txt").unlink()
    (tmp_path / "a" / "fr.txt").rename(tmp_path / "a" / "fr-moved.txt")
    done = subprocess.run([sys.executable, "-m", "align", "export", "a/p.review.json", "-o", "out.tmx"],
                          capture_output=True, cwd=tmp_path, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 0 and "changed since" not in err, err
    for name in ("en.txt", "fr.txt"):
        assert f"{name} is not found (from this folder, nor beside p.review.json)" in err, err


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


def _texts(folder: Path, en: list[str], fr: list[str]) -> tuple[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (folder / "fr.txt").write_text("\n".join(fr) + "\n", encoding="utf-8")
    return str(folder / "en.txt"), str(folder / "fr.txt")


EN = ["The council met on Tuesday to discuss the new budget.", "The mayor said the city would spend more on schools.",
      "The vote was postponed until the spring."]
FR = ["Le conseil s'est réuni mardi pour discuter du nouveau budget.",
      "La maire a dit que la ville dépenserait plus pour les écoles.", "Le vote a été reporté au printemps."]


def test_two_translations_of_one_name_get_a_project_each(tmp_path, use_encoder, caplog):
    """en/article.txt with fr/article.txt, then with fr2/article.txt: the project was named after
    the two file names only, so the second pair reopened the first one's, and exported it."""
    from align.review import open_project

    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr2").mkdir()
    source = tmp_path / "en" / "article.txt"
    source.write_text("\n".join(EN) + "\n", encoding="utf-8")
    (tmp_path / "fr" / "article.txt").write_text("\n".join(FR) + "\n", encoding="utf-8")
    (tmp_path / "fr2" / "article.txt").write_text("\n".join(FR + ["EXCLUSIF : le maire démissionne."]) + "\n",
                                                  encoding="utf-8")
    first = open_project([str(source), str(tmp_path / "fr" / "article.txt")], encoder=use_encoder)
    second = open_project([str(source), str(tmp_path / "fr2" / "article.txt")], encoder=use_encoder)
    assert first.name == "article--article.review.json" and second.name == "article--article-2.review.json"
    assert "EXCLUSIF" in second.read_text(encoding="utf-8") and "EXCLUSIF" not in first.read_text(encoding="utf-8")
    # Each pair reopens its own.
    assert open_project([str(source), str(tmp_path / "fr2" / "article.txt")], encoder=use_encoder) == second
    assert open_project([str(source), str(tmp_path / "fr" / "article.txt")], encoder=use_encoder) == first
    # --project naming the other pair's file is refused, not silently reused.
    with pytest.raises(InputError, match="not of these files"):
        open_project([str(source), str(tmp_path / "fr2" / "article.txt")], project_file=str(first))


def test_an_export_of_a_project_whose_input_changed_says_so(tmp_path, use_encoder):
    """A translation edited after its review (a figure changed, a sentence appended): the export
    went out with the old text and without the new sentence, exit 0, nothing said. Nor was it said
    for a project made from `align pair -f json`, which kept no digest of its inputs."""
    from align.review import open_project

    source, target = _texts(tmp_path, EN, FR)
    made = open_project([source, target], encoder=use_encoder)
    report = tmp_path / "pair.json"
    done = subprocess.run([sys.executable, "-m", "align", "pair", source, target, "-f", "json", "-o", str(report),
                           "-q", "--no-partial"], capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    from_json = open_project([str(report)])
    Path(target).write_text("\n".join(FR + ["Une phrase ajoutée après la revue."]) + "\n", encoding="utf-8")
    for project in (made, from_json):
        done = subprocess.run([sys.executable, "-m", "align", "export", str(project), "-f", "tsv"],
                              capture_output=True, cwd=ROOT, timeout=120)
        err = done.stderr.decode()
        assert done.returncode == 0 and f"{target} has changed since {project.name} was made" in err, err


@pytest.mark.parametrize("content", ['{"a": 1}', "[]", '{"source": {}, "target": {}, "beads": []}',
                                     '{"source": {"sentences": [{"id": 0}]}, "target": {"sentences": []}, "beads": []}'],
                         ids=["another JSON", "a list", "no sentences", "a sentence without text"])
def test_a_json_that_is_no_pair_result_is_a_one_line_error(tmp_path, content):
    """`align review versions.json` (or any other JSON) ended in a KeyError traceback, exit 1."""
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "align", "review", "--no-browser", str(path)], capture_output=True,
                          cwd=ROOT, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_an_export_counts_only_the_findings_it_holds(saved):
    project = json.loads(json.dumps(saved))
    project["findings"][0]["decision"] = "not_an_issue"
    kind = project["findings"][0]["type"]
    result = projects.to_result(project)
    assert result.summary["findings"].get(kind, 0) == sum(1 for f in result.findings if f.type == kind)
    assert result.summary["findings"].get(kind, 0) == saved["summary"]["findings"][kind] - 1


def test_a_pair_the_reviewer_unlinked_is_an_omission_and_an_addition_in_the_export(saved):
    """Unlinked in review, a pair became a sentence left out and one added in the table's rows, but
    no finding said so: "Findings (1)" above "1 left out, 1 added"."""
    project = json.loads(json.dumps(saved))
    pair = next(b for b in project["beads"] if b["kind"] == "match" and len(b["src"]) == 1 == len(b["tgt"]))
    project["beads"].remove(pair)
    project["beads"] += [{"src": pair["src"], "tgt": [], "kind": "omission", "score": 0, "manual": True},
                         {"src": [], "tgt": pair["tgt"], "kind": "addition", "score": 0, "manual": True}]
    result = projects.to_result(project)
    mine = [f for f in result.findings if f.details.get("review", {}).get("decision") == "unlinked by the reviewer"]
    assert [(f.type, f.src, f.tgt) for f in mine] == [("omission", pair["src"], []), ("addition", [], pair["tgt"])]
    assert mine[0].message.startswith(f"left out (line {result.source.sentences[pair['src'][0]].line} of the source")
    assert result.summary["findings"]["omission"] == saved["summary"]["findings"]["omission"] + 1
    # An unchanged project gains none.
    assert not [f for f in projects.to_result(json.loads(json.dumps(saved))).findings if "review" in f.details]


def test_a_result_opened_into_a_project_it_is_not_the_review_of_is_a_one_line_error(saved, tmp_path):
    """`align review pair.json -p en.txt` ended in a traceback when the server read the text as a
    project, and `-p` naming the review of other files opened that review in silence."""
    result = json.loads(json.dumps(saved))
    for key in ("format", "version"):
        result.pop(key)
    for side in ("source", "target"):
        result[side].pop("digest")
        result[side]["sha1"] = "0" * 40  # other texts than the project's
    (tmp_path / "pair.json").write_text(json.dumps(result), encoding="utf-8")
    (tmp_path / "en.txt").write_text("The storm reached the coast.\n", encoding="utf-8")
    (tmp_path / "other.review.json").write_text(json.dumps(saved), encoding="utf-8")
    for project, words in (("en.txt", "cannot read the review project"), ("other.review.json", "is the review of")):
        before = (tmp_path / project).read_bytes()
        done = subprocess.run([sys.executable, "-m", "align", "review", "pair.json", "-p", project, "--no-browser"],
                              capture_output=True, cwd=tmp_path, timeout=60)
        err = done.stderr.decode()
        assert done.returncode == 2 and len(err.strip().splitlines()) == 1 and words in err, err
        assert (tmp_path / project).read_bytes() == before
