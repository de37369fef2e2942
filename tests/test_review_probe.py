"""`align review` as a translator found it (probe 10): after a correction the findings about the
corrected pair stayed in the list, in its count, after a reload and in the exports, and a jump to a
finding above put the row under the sticky column header. The projects are written here by hand,
a few sentences each: no aligner runs."""
import json
import re
import shutil
import threading
import urllib.request

import pytest

from align.review import project as projects
from align.review.server import ReviewServer

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

FR = ["Le conseil s'est réuni mardi.", "CHAPITRE XIII.", "Comment Candide fut obligé de partir.",
      "Il a payé 300 euros.", "La séance fut longue et difficile, puis elle reprit.", "Personne ne vint.",
      "Le vote a été reporté."]
EN = ["The council met on Tuesday.", "As soon as my companions could walk, they were sent away.",
      "He paid 500 euros.", "The meeting was long.", "It was hard, and then it resumed.",
      "The vote was postponed."]


def _document(path, lang, texts):
    return {"path": path, "lang": lang, "locale": lang, "encoding": "utf-8", "digest": None,
            "sentences": [{"id": k, "text": text, "original": text, "line": k + 1, "paragraph": 0}
                          for k, text in enumerate(texts)]}


def _finding(number, kind, src, tgt, message, severity="content", details=None):
    return {"id": f"f{number}", "type": kind, "src": src, "tgt": tgt, "message": message, "severity": severity,
            "details": details or {}, "decision": None, "comment": ""}


def _project():
    """Source lines 2-3 "replaced" by target line 2 (as in the probe's Candide), a pair with a
    changed number, a sentence split in two, a sentence left out."""
    beads = [([0], [0], "match"), ([1, 2], [1], "replaced"), ([3], [2], "match"), ([4], [3, 4], "match"),
             ([5], [], "omission"), ([6], [5], "match")]
    return {
        "format": projects.FORMAT, "version": projects.VERSION, "signature": {}, "summary": {},
        "source": _document("fr.txt", "fr", FR), "target": _document("en.txt", "en", EN),
        "beads": [{"src": src, "tgt": tgt, "kind": kind, "score": 0.05 if kind == "replaced" else 0.9,
                   "manual": False} for src, tgt, kind in beads],
        "findings": [
            _finding(1, "replaced", [1, 2], [1], "replaced: source lines 2-3 and target line 2 stand in the same place "
                     "but are not a close translation (similarity 0.05)", details={"similarity": 0.05}),
            _finding(2, "fact_mismatch", [3], [2], "number 300 (source) vs 500 (target) (source line 4, target line 3)",
                     details={"kind": "number", "src_value": "300", "tgt_value": "500"}),
            _finding(3, "split", [4], [3, 4], "split: source line 5 is 2 sentences in the target (lines 4-5)",
                     "editorial"),
            _finding(4, "omission", [5], [], "left out (line 6 of the source, content): Personne ne vint.",
                     details={"sentences": 1, "category": "content"}),
        ],
    }


def _unlinked(beads, index):
    """`beads` with the one at `index` unlinked, as the page's U does."""
    bead = beads[index]
    return (beads[:index]
            + [{"src": [i], "tgt": [], "kind": "omission", "score": 0, "manual": True} for i in bead["src"]]
            + [{"src": [], "tgt": [j], "kind": "addition", "score": 0, "manual": True} for j in bead["tgt"]]
            + beads[index + 1:])


def _said(findings):
    return sorted((f["type"], f["src"], f["tgt"]) for f in findings)


def test_the_findings_of_a_corrected_pair_follow_its_beads_in_the_file_and_the_export(tmp_path):
    """The probe unlinked a "replaced" pair: the file kept the "replaced" finding about a pair that
    no longer was, and the JSON export held it beside the two sentences now unpaired."""
    from align.reports import render

    path = tmp_path / "pair.review.json"
    project = _project()
    project["findings"][1].update(decision="not_an_issue", comment="house style")
    project["beads"] = _unlinked(project["beads"], 1)
    projects.save(project, path)
    saved = projects.load(path)
    assert _said(saved["findings"]) == [("addition", [], [1]), ("fact_mismatch", [3], [2]),
                                        ("omission", [1, 2], []), ("omission", [5], []), ("split", [4], [3, 4])]
    # The reviewer's decision on a finding still true is kept; the new findings say why they are there.
    fact = next(f for f in saved["findings"] if f["type"] == "fact_mismatch")
    assert (fact["id"], fact["decision"], fact["comment"]) == ("f2", "not_an_issue", "house style")
    new = [f for f in saved["findings"] if f["id"] not in ("f2", "f3", "f4")]
    assert len({f["id"] for f in saved["findings"]}) == 5 and all(f["decision"] is None for f in new)
    assert next(f for f in new if f["type"] == "omission")["message"].startswith("left out (lines 2-3 of the source")
    # Every export reads the same findings: the JSON's are the file's, less the one dismissed.
    exported = json.loads(render(projects.to_result(saved), "json"))
    assert _said(exported["findings"]) == _said(f for f in saved["findings"] if f["decision"] != "not_an_issue")
    assert sum(exported["summary"]["findings"].values()) == len(exported["findings"]) == 4
    # Saved again, the file stays as it is: the new findings are the beads', and hold.
    projects.save(saved, path)
    assert projects.load(path) == saved



def test_a_project_saved_with_stale_findings_is_read_as_its_beads_stand(tmp_path):
    """The probe's project file, written by the align before, held the "replaced" finding of the
    pair unlinked: `align export` and the review page, opened on it, read it as the beads stand."""
    path = tmp_path / "pair.review.json"
    project = _project()
    project["beads"] = _unlinked(project["beads"], 1)
    path.write_text(json.dumps(project), encoding="utf-8")  # as the align before saved it
    expected = [("addition", [], [1]), ("fact_mismatch", [3], [2]), ("omission", [1, 2], []), ("omission", [5], []),
                ("split", [4], [3, 4])]
    assert _said(f.to_dict() for f in projects.to_result(projects.load(path)).findings) == expected
    server = _serve(path)
    try:
        with urllib.request.urlopen(server.url.replace("/?", "/api/project?"), timeout=30) as response:
            assert _said(json.loads(response.read())["findings"]) == expected
    finally:
        server.shutdown()
        server.server_close()


def test_a_sentence_whose_finding_was_hidden_gains_none_until_it_is_corrected(tmp_path):
    """`align pair --min-severity content -f json`, reviewed: the sentences whose findings the filter
    hid stay without one; a pair the reviewer unlinks is said left out and added all the same."""
    path = tmp_path / "pair.review.json"
    project = _project()
    project["findings"] = [f for f in project["findings"] if f["type"] != "omission"]  # as if hidden
    projects.save(project, path)
    assert _said(projects.load(path)["findings"]) == _said(project["findings"])
    project["beads"] = _unlinked(project["beads"], 1)
    projects.save(project, path)
    assert _said(projects.load(path)["findings"]) == [("addition", [], [1]), ("fact_mismatch", [3], [2]),
                                                      ("omission", [1, 2], []), ("split", [4], [3, 4])]


def test_a_pair_marked_moved_keeps_what_is_said_of_its_sentences(tmp_path):
    """Marked moved, a pair is the same sentences: its changed number and its split still hold, and
    it is a move; linked anew, sentences left out are no longer said to be."""
    project = _project()
    project["beads"][2].update(kind="moved", manual=True)
    # The sentence left out, linked by hand with the next pair: two sentences to one, a merge.
    project["beads"][4:6] = [{"src": [5, 6], "tgt": [5], "kind": "match", "score": None, "manual": True}]
    projects.save(project, tmp_path / "pair.review.json")
    saved = projects.load(tmp_path / "pair.review.json")
    assert _said(saved["findings"]) == [("fact_mismatch", [3], [2]), ("merge", [5, 6], [5]), ("moved", [3], [2]),
                                        ("replaced", [1, 2], [1]), ("split", [4], [3, 4])]
    # Marked in place again, the move goes; a "replaced" pair marked moved is a translation after
    # all, moved, of two sentences in one.
    saved["beads"][2]["kind"] = "match"
    saved["beads"][1].update(kind="moved", manual=True)
    projects.save(saved, tmp_path / "pair.review.json")
    assert _said(projects.load(tmp_path / "pair.review.json")["findings"]) == [
        ("fact_mismatch", [3], [2]), ("merge", [1, 2], [1]), ("merge", [5, 6], [5]), ("moved", [1, 2], [1]),
        ("split", [4], [3, 4])]


# ---------------------------------------------------------------- in the browser

needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="Debian's chromium is not installed (.ci/run installs it)")


def _serve(path):
    server = ReviewServer(path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def _open(browser, server, height=900):
    page = browser.new_page(viewport={"width": 1400, "height": height})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server.url)
    page.wait_for_selector("[data-testid=row-0]")
    playwright_api.expect(page.locator("#status")).to_have_text(re.compile(r"^loaded"))
    return page


@needs_chromium
def test_unlinking_a_replaced_pair_takes_its_finding_away_on_the_page_after_a_reload_and_in_the_export(
        browser, tmp_path):
    """The probe pressed U on the "replaced" pair: "saved · 3 rows corrected", yet the finding stayed,
    "703 shown of 703" even after a reload, and the export held 706 findings."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    server = _serve(path)
    try:
        page = _open(browser, server)
        head = page.locator("#findings-head")
        playwright_api.expect(head).to_have_text("Findings (4 shown of 4)")
        page.click("[data-testid=finding-f1]")
        page.keyboard.press("u")
        playwright_api.expect(page.locator("#status")).to_have_text("saved · 3 rows corrected")
        playwright_api.expect(head).to_have_text("Findings (5 shown of 5)")
        assert page.locator("[data-testid=finding-f1]").count() == 0
        items = page.locator("#findings li")
        assert "replaced" not in items.all_inner_texts()[0]
        # The new findings are listed, with a box to filter them by (no sentence was added before).
        playwright_api.expect(items.filter(has_text="left out (lines 2-3 of the source")).to_have_count(1)
        playwright_api.expect(items.filter(has_text="added (line 2 of the target")).to_have_count(1)
        assert page.locator("[data-testid=filter-addition]").is_checked()
        listed = sorted(t.split("\n")[0] for t in items.all_inner_texts())
        # Undone, the pair and its finding come back, as they were; redone, they go again.
        page.keyboard.press("Control+z")
        playwright_api.expect(page.locator("#status")).to_have_text("saved · 0 rows corrected")
        playwright_api.expect(head).to_have_text("Findings (4 shown of 4)")
        assert _said(projects.load(path)["findings"]) == _said(_project()["findings"])
        page.keyboard.press("Control+y")
        playwright_api.expect(page.locator("#status")).to_have_text("saved · 3 rows corrected")
        playwright_api.expect(head).to_have_text("Findings (5 shown of 5)")
        page.reload()
        playwright_api.expect(page.locator("#status")).to_have_text(re.compile(r"^loaded"))
        playwright_api.expect(head).to_have_text("Findings (5 shown of 5)")
        assert sorted(t.split("\n")[0] for t in page.locator("#findings li").all_inner_texts()) == listed
        with urllib.request.urlopen(server.url.replace("/?", "/api/export?format=json&")) as response:
            exported = json.loads(response.read())
        assert _said(exported["findings"]) == _said(projects.load(path)["findings"])
        assert len(exported["findings"]) == 5 and "replaced" not in {f["type"] for f in exported["findings"]}
        page.screenshot(path=str(tmp_path / "unlinked.png"))
        assert not page.errors
    finally:
        server.shutdown()
        server.server_close()


def _long_project(rows=160):
    """Pairs of one to four lines each, a changed number on rows 20 and 130."""
    words = "la séance fut longue et difficile puis elle reprit après une pause".split()
    fr = [" ".join(words[: 3 + (k * 7) % 11]).capitalize() + f" ({k})." * (1 + k % 4) * 3 for k in range(rows)]
    en = [" ".join([f"Sentence {k} of the translation."] * (1 + (k * 3) % 5)) for k in range(rows)]
    project = _project()
    project.update(source=_document("fr.txt", "fr", fr), target=_document("en.txt", "en", en),
                   beads=[{"src": [k], "tgt": [k], "kind": "match", "score": 0.9, "manual": False}
                          for k in range(rows)],
                   findings=[_finding(n, "fact_mismatch", [k], [k], f"number {k} (source) vs {k + 1} (target)",
                                      details={"kind": "number"}) for n, k in ((1, 20), (2, 130))])
    return project


@needs_chromium
def test_a_finding_jumped_to_above_stands_below_the_column_header(browser, tmp_path):
    """A jump up from a finding far below put the row's top 30 px under the sticky header (row top
    at 47 px, header bottom at 77 px)."""
    path = tmp_path / "long.review.json"
    projects.save(_long_project(), path)
    server = _serve(path)
    try:
        page = _open(browser, server, height=700)
        for finding, row in (("f2", 130), ("f1", 20)):
            page.click(f"[data-testid=finding-{finding}]")
            playwright_api.expect(page.locator(f"[data-testid=row-{row}]")).to_have_class(re.compile(r"\bcurrent\b"))
            page.wait_for_timeout(200)  # the smooth scroll a browser may do, done
            box = page.locator(f"[data-testid=row-{row}]").bounding_box()
            head = page.locator(".row.head").bounding_box()
            view = page.locator("#rows").bounding_box()
            assert box["y"] >= head["y"] + head["height"] - 1, (finding, box, head)
            assert box["y"] + box["height"] <= view["y"] + view["height"] + 1, (finding, box, view)
        page.screenshot(path=str(tmp_path / "jumped.png"))
        assert not page.errors
    finally:
        server.shutdown()
        server.server_close()


def test_a_decision_or_comment_outlives_a_correction_of_its_pair(tmp_path):
    """A project saved by the code before the findings followed the beads, opened by it: a fact
    finding accepted with a comment on a pair the reviewer then split lost both, written over on
    disk when the server opened the file (a reviewing helper)."""
    project = _project()
    facts = next(f for f in project["findings"] if f["type"] == "fact_mismatch")
    facts["decision"], facts["comment"] = "accepted", "The translator must correct 500 to 300."
    split = next(f for f in project["findings"] if f["type"] == "split")
    split["decision"], split["comment"] = "not_an_issue", "house style"
    # The reviewer cuts the split pair (source 4 / target 3-4) in two: the split no longer holds,
    # but what the reviewer wrote about it stays, and so does the number that still differs.
    k = next(k for k, b in enumerate(project["beads"]) if b["src"] == [4])
    project["beads"][k:k + 1] = [{"src": [4], "tgt": [3], "kind": "match", "score": None, "manual": True},
                                 {"src": [], "tgt": [4], "kind": "addition", "score": 0, "manual": True}]
    path = tmp_path / "old.review.json"
    path.write_text(json.dumps(project), encoding="utf-8")
    server = ReviewServer(path)
    server.server_close()
    saved = {f["type"]: f for f in json.loads(path.read_text(encoding="utf-8"))["findings"]}
    assert saved["fact_mismatch"]["comment"] == "The translator must correct 500 to 300."
    assert saved["split"]["decision"] == "not_an_issue" and saved["split"]["comment"] == "house style"
