"""`align review` as a translator meets it over a session: two tabs on one project, a project file
changed on disk, a server stopped, a small window. The projects are written here by hand, a few
sentences each (no aligner runs); the browser tests skip without playwright or Debian's chromium."""
import contextlib
import json
import re
import shutil
import threading
import time
import urllib.error
import urllib.request

import pytest

from align.review import project as projects
from align.review.server import ReviewServer

REVISION = "X-Align-Revision"
EN = ["The council met on Tuesday.", "It voted on the budget.", "The meeting was long.", "Nobody came.",
      "The vote was postponed."]
FR = ["Le conseil s'est réuni mardi.", "Il a voté le budget.", "La séance fut longue.", "Le vote a été reporté.",
      "Lire aussi : nos autres articles."]


def _document(path, lang, texts):
    return {"path": path, "lang": lang, "locale": lang, "encoding": "utf-8", "digest": None,
            "sentences": [{"id": k, "text": text, "original": text, "line": k + 1, "paragraph": k}
                          for k, text in enumerate(texts)]}


def _project():
    beads = [([0], [0], "match"), ([1], [1], "match"), ([2], [2], "match"), ([3], [], "omission"),
             ([4], [3], "match"), ([], [4], "addition")]
    return {
        "format": projects.FORMAT, "version": projects.VERSION, "signature": {}, "summary": {},
        "source": _document("en.txt", "en", EN), "target": _document("fr.txt", "fr", FR),
        "beads": [{"src": src, "tgt": tgt, "kind": kind, "score": 0.9, "manual": False} for src, tgt, kind in beads],
        "findings": [
            {"id": "f1", "type": "omission", "src": [3], "tgt": [], "severity": "content", "details": {},
             "message": "left out (line 4 of the source, content): Nobody came.", "decision": None, "comment": ""},
            {"id": "f2", "type": "addition", "src": [], "tgt": [4], "severity": "boilerplate", "details": {},
             "message": "added (line 5 of the target, boilerplate): Lire aussi : nos autres articles.",
             "decision": None, "comment": ""},
        ],
    }


@contextlib.contextmanager
def _served(path):
    server = ReviewServer(path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _api(server, route):
    return server.url.replace("/?", f"{route}?")


def _get(server):
    with urllib.request.urlopen(_api(server, "/api/project"), timeout=30) as response:
        return json.loads(response.read()), response.headers[REVISION]


def _post(server, project, revision=None):
    headers = {"Content-Type": "application/json", **({REVISION: revision} if revision else {})}
    request = urllib.request.Request(_api(server, "/api/project"), data=json.dumps(project).encode(),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _link(project, src, tgt):
    """`project` with source sentence `src` and target sentence `tgt` paired, as the page's L does."""
    project = json.loads(json.dumps(project))
    beads = [b for b in project["beads"] if src not in b["src"] and tgt not in b["tgt"]]
    project["beads"] = beads + [{"src": [src], "tgt": [tgt], "kind": "match", "score": None, "manual": True}]
    return project


def test_a_save_over_a_project_file_changed_since_the_page_read_it_is_refused(tmp_path):
    """Two tabs on one project (or a second `align review` of it): each saves the whole project, so
    the second tab's next edit wrote over the first tab's link, and both said "saved"."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        first, first_revision = _get(server)
        second, second_revision = _get(server)
        assert first_revision == second_revision
        status, saved = _post(server, _link(first, 3, 4), first_revision)
        assert status == 200 and saved["revision"] != first_revision
        linked = path.read_bytes()
        # The second tab, which never read the link, marks a pair moved.
        second["beads"][0].update(kind="moved", manual=True)
        status, answer = _post(server, second, second_revision)
        assert status == 409 and "has changed since this page read it" in answer and "reload" in answer
        assert path.read_bytes() == linked  # the first tab's link is kept
        # The first tab goes on from the revision its save was answered with.
        again = _link(first, 3, 4)
        again["beads"][0].update(kind="moved", manual=True)
        status, saved = _post(server, again, saved["revision"])
        assert status == 200 and saved["revision"] == _get(server)[1]
        # A project edited on disk (a comment written by hand) is not overwritten either.
        revision = saved["revision"]
        by_hand = json.loads(path.read_text(encoding="utf-8"))
        by_hand["findings"][0]["comment"] = "written in an editor"
        path.write_text(json.dumps(by_hand), encoding="utf-8")
        status, answer = _post(server, again, revision)
        assert status == 409
        assert json.loads(path.read_text(encoding="utf-8"))["findings"][0]["comment"] == "written in an editor"
        # Read again, the file as it is now is saved over.
        now, revision = _get(server)
        status, _ = _post(server, now, revision)
        assert status == 200


def _lose_a_sentence(path) -> None:
    """The project on disk edited by hand into one that no longer holds every sentence."""
    damaged = _project()
    damaged["beads"].pop(1)
    path.write_text(json.dumps(damaged), encoding="utf-8")


def test_a_project_damaged_on_disk_is_said_when_the_page_reads_it(tmp_path):
    """Edited by hand into a project that loses a sentence, it was served as it was: the page showed
    every row but that one and said "loaded"; a JSON cut short left the page at "loading…"."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        _lose_a_sentence(path)
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(_api(server, "/api/project"), timeout=30)
        assert raised.value.code == 409
        assert "do not hold every source sentence exactly once" in raised.value.read().decode()
        path.write_text('{"format": "align-review", "beads": [', encoding="utf-8")
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(_api(server, "/api/project"), timeout=30)
        assert raised.value.code == 409 and "cannot be read" in raised.value.read().decode()


def test_a_save_the_disk_refuses_is_answered_not_saved(tmp_path, monkeypatch):
    """A disk full (or a folder gone read-only) ended the request with no answer: the page said
    "the review server is gone" while it ran."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with _served(path) as server:
        project, revision = _get(server)
        monkeypatch.setattr(projects, "write_whole", full)
        status, answer = _post(server, _link(project, 3, 4), revision)
        assert status == 400 and "not saved" in answer and "No space left on device" in answer
    assert path.read_bytes() == before


# ---------------------------------------------------------------- in the browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def _open(browser, server, width=1366, height=768, wait=True):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server.url)
    if wait:
        page.wait_for_selector("[data-testid=row-0]")
        _status(page, r"^loaded")
    return page


def _status(page, pattern):
    from playwright.sync_api import expect

    expect(page.locator("#status")).to_have_text(re.compile(pattern))


def test_a_second_tab_saving_over_the_first_ones_link_says_not_saved(browser, tmp_path):
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        first, second = _open(browser, server), _open(browser, server)
        first.click("[data-testid=src-3]")
        first.click("[data-testid=tgt-4]")
        first.keyboard.press("l")
        _status(first, r"^saved")
        second.click("[data-testid=row-0] .kind")
        second.keyboard.press("m")
        _status(second, r"^NOT SAVED: .*has changed since this page read it")
        assert second.locator("#status.bad").count() == 1
        beads = json.loads(path.read_text(encoding="utf-8"))["beads"]
        assert {"src": [3], "tgt": [4], "kind": "match", "score": None, "manual": True} in beads
        assert beads[0]["kind"] == "match"
        # The first tab goes on saving: its revision is the one its last save was answered with.
        first.click("[data-testid=row-0] .kind")
        first.keyboard.press("m")
        _status(first, r"^saved · 2 rows corrected")
        assert json.loads(path.read_text(encoding="utf-8"))["beads"][0]["kind"] == "moved"
        assert not first.errors and not second.errors


def test_a_project_damaged_on_disk_is_said_on_the_page(browser, tmp_path):
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        _lose_a_sentence(path)
        page = _open(browser, server, wait=False)
        _status(page, r"^cannot load the project: pair.review.json cannot be read: .*every source sentence")
        assert page.locator("[data-testid=row-0]").count() == 0


def test_a_change_made_after_the_server_stopped_can_be_kept_and_is_not_closed_away(browser, tmp_path):
    """The page said "keep this tab open and restart it", but a server started again has another
    address and token: this tab could never save again, and closing it lost every change since."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        page = _open(browser, server)
        assert page.locator("#copy").is_hidden()
    page.click("[data-testid=row-0] .kind")
    page.keyboard.press("m")
    _status(page, r"^NOT SAVED: the review server is gone\. Save a copy .* align review en--fr\.copy\.review\.json")
    assert json.loads(path.read_text(encoding="utf-8"))["beads"][0]["kind"] == "match"
    with page.expect_download() as download:
        page.click("#copy")
    assert download.value.suggested_filename == "en--fr.copy.review.json"
    copy = tmp_path / "copy.review.json"
    download.value.save_as(copy)
    kept = projects.load(copy)  # a project align review opens
    assert kept["beads"][0]["kind"] == "moved" and kept["beads"][0]["manual"]
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    address = page.url
    with contextlib.suppress(Exception):  # the navigation is cancelled: the reviewer stayed
        page.goto("about:blank", timeout=5000)
    assert asked == ["beforeunload"] and page.url == address
    assert page.locator("[data-testid=row-0]").count() == 1


def test_an_export_chosen_while_a_change_is_being_saved_holds_that_change(browser, tmp_path, monkeypatch):
    """The export was asked for at once, beside the saves under way: on a project slow to write, the
    TMX chosen right after two corrections held the first of them only."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    save = projects.save

    def slow(project, where):
        time.sleep(1.0)
        save(project, where)

    with _served(path) as server:
        page = _open(browser, server)
        monkeypatch.setattr(projects, "save", slow)
        page.click("[data-testid=row-0] .kind")
        page.keyboard.press("m")
        page.click("[data-testid=src-3]")
        page.click("[data-testid=tgt-4]")
        page.keyboard.press("l")
        with page.expect_download(timeout=15000) as download:
            page.select_option("#export", "json")
        exported = json.loads(download.value.path().read_text(encoding="utf-8"))
        pairs = [(bead["src"], bead["tgt"], bead["kind"]) for bead in exported["beads"]]
        assert ([0], [0], "moved") in pairs and ([3], [4], "match") in pairs
        _status(page, r"^saved · 2 rows corrected")
        # A change the server did not take is not exported as if it were in the file.
        page.route("**/api/project?*", lambda route: route.abort() if route.request.method == "POST"
                   else route.continue_())
        page.click("[data-testid=row-1] .kind")
        page.keyboard.press("m")
        _status(page, r"^NOT SAVED")
        downloads = []
        page.on("download", lambda download: downloads.append(download))
        page.select_option("#export", "json")
        _status(page, r"^NOT EXPORTED \(it would lack the changes not saved\)\. NOT SAVED")
        assert not downloads


@pytest.mark.parametrize("width, height", [(1366, 768), (800, 600), (420, 800)])
def test_the_texts_are_readable_and_nothing_overlaps_in_a_small_window(browser, tmp_path, width, height):
    """At 420 pixels the findings list (360 wide) left the texts 12 pixels a column, one letter a line;
    at 800, 146 pixels."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        page = _open(browser, server, width, height)
        boxes = page.evaluate("""() => {
          const box = (node) => { const b = node.getBoundingClientRect();
                                  return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width}; };
          const row = document.querySelector("[data-testid=row-0]");
          return {source: box(row.children[2]), target: box(row.children[3]), rows: box(document.getElementById("rows")),
                  aside: box(document.querySelector("aside")), scroll: document.documentElement.scrollWidth};
        }""")
        page.screenshot(path=str(tmp_path / f"review-{width}x{height}.png"))
        for column in ("source", "target"):
            assert boxes[column]["width"] >= 150 and boxes[column]["right"] <= width
        assert boxes["scroll"] <= width
        rows, aside = boxes["rows"], boxes["aside"]
        assert rows["right"] <= aside["left"] + 1 or rows["bottom"] <= aside["top"] + 1  # side by side, or under


def test_the_numbers_of_a_long_findings_list_are_shown_whole(browser, tmp_path):
    """Candide's 359 findings were numbered "59.", "53.", ...: the list's margin held two digits,
    and the aside cut off the rest."""
    texts = [f"Sentence number {k} was left out of the translation." for k in range(120)]
    project = _project()
    project["source"] = _document("en.txt", "en", texts)
    project["target"] = _document("fr.txt", "fr", ["Une seule phrase."])
    project["beads"] = [{"src": [k], "tgt": [], "kind": "omission", "score": 0, "manual": False} for k in range(120)]
    project["beads"].insert(0, {"src": [], "tgt": [0], "kind": "addition", "score": 0, "manual": False})
    project["findings"] = [{"id": f"f{k + 1}", "type": "omission", "src": [k], "tgt": [], "severity": "content",
                            "details": {}, "message": f"left out (line {k + 1} of the source, content): {text}",
                            "decision": None, "comment": ""} for k, text in enumerate(texts)]
    path = tmp_path / "pair.review.json"
    projects.save(project, path)
    with _served(path) as server:
        page = _open(browser, server)
        room, needed = page.evaluate("""() => {
          const list = document.getElementById("findings"), item = list.lastElementChild;
          const probe = document.createElement("span");
          probe.textContent = list.children.length + ". ";
          probe.style.whiteSpace = "pre";
          item.append(probe);
          const needed = probe.getBoundingClientRect().width;
          probe.remove();
          return [item.getBoundingClientRect().left - list.parentElement.getBoundingClientRect().left, needed];
        }""")
        assert page.locator("#findings li").count() == 120
        assert room >= needed


def test_the_parts_of_a_file_set_aside_are_listed_on_the_page(browser, tmp_path):
    """Seed 000 is French, then English: `align review` of it against a French text aligns the English
    part and every report lists the French one as "Not aligned"; the page showed neither it nor a word
    of it, and 16 of the file's sentences were nowhere."""
    project = _project()
    project["source"]["set_aside"] = [{"text": "USA, UE, Russie : tous d'accord", "line": 3, "lang": "fr"},
                                      {"text": "Une rencontre rare.", "line": 5, "lang": "fr"}]
    project["target"]["set_aside"] = [{"text": "שלום לכולם.", "line": 9, "lang": "he"}]
    path = tmp_path / "pair.review.json"
    projects.save(project, path)
    with _served(path) as server:
        page = _open(browser, server)
        summary = page.locator("#set-aside summary")
        assert summary.is_visible() and summary.inner_text() == "Not aligned (3 sentences)"
        summary.click()
        items = page.locator("#set-aside li")
        assert items.all_inner_texts() == ["source line 3: USA, UE, Russie : tous d'accord",
                                           "source line 5: Une rencontre rare.", "target line 9: שלום לכולם."]
        assert items.last.locator("bdi").evaluate("(node) => getComputedStyle(node).direction") == "rtl"
        page.screenshot(path=str(tmp_path / "review-set-aside.png"))
    projects.save(_project(), path)
    with _served(path) as server:
        assert _open(browser, server).locator("#set-aside").is_hidden()  # nothing set aside, nothing said


def test_a_japanese_sentence_wrapped_in_its_file_is_shown_without_a_space_in_it(browser, tmp_path):
    """tests/data/review48/ja_hang2c.txt is hard-wrapped: its sentences keep the file's line breaks,
    which the page showed as spaces, "黙ってうなず いた" (two words where the text has one)."""
    project = _project()
    project["source"]["sentences"][2].update(original="The meeting\nwas long.")
    project["target"]["lang"] = project["target"]["locale"] = "ja"
    project["target"]["sentences"][1].update(text="父は新聞から顔を上げずに、黙ってうなず\nいた。",
                                             original="父は新聞から顔を上げずに、黙ってうなず\nいた。")
    path = tmp_path / "pair.review.json"
    projects.save(project, path)
    with _served(path) as server:
        page = _open(browser, server)
        shown = page.locator("[data-testid=tgt-1]").evaluate("(node) => node.lastChild.textContent")
        assert shown == "父は新聞から顔を上げずに、黙ってうなずいた。"
        assert page.locator("[data-testid=tgt-1]").inner_text().endswith("うなずいた。")
        assert page.locator("[data-testid=src-2]").inner_text().endswith("The meeting was long.")


def test_the_keys_work_after_a_filter_box_is_ticked(browser, tmp_path):
    """Ticking a filter box left the focus in it, and every key was taken for typing in a field: the
    arrows moved no row and M marked nothing, with no word said."""
    path = tmp_path / "pair.review.json"
    projects.save(_project(), path)
    with _served(path) as server:
        page = _open(browser, server)
        box = page.locator("[data-testid=filter-omission]")
        box.click()
        box.click()
        assert box.is_checked()
        page.keyboard.press("ArrowDown")
        assert page.locator(".bead.current").get_attribute("data-testid") == "row-1"
        page.keyboard.press("m")
        _status(page, r"^saved · 1 row corrected")
        assert json.loads(path.read_text(encoding="utf-8"))["beads"][1]["kind"] == "moved"
        page.keyboard.press(" ")  # Space on the box still ticks it
        assert not box.is_checked() and page.locator(".s.sel").count() == 0


@pytest.mark.parametrize("inputs, copy", [(["-", "fr.txt"], "stdin--fr.copy.review.json"),
                                          (["-"], "stdin.copy.review.json")])
def test_the_copy_of_a_project_whose_text_came_from_standard_input_has_a_name_to_type(
        browser, tmp_path, monkeypatch, use_encoder, inputs, copy):
    """`cat en.txt | align review - fr.txt`: its project keeps the text's name as "<stdin>", and the
    page offered its copy as "<stdin>--fr.copy.review.json" and told the reviewer to run `align
    review <stdin>--fr.copy.review.json`, which the shell reads as a redirection. The copy is named
    as the project is (stdin--fr.review.json), a project of one text after it once."""
    import io
    import sys
    from types import SimpleNamespace

    from align.review import open_project

    monkeypatch.chdir(tmp_path)
    (tmp_path / "fr.txt").write_text("\n".join(FR) + "\n", encoding="utf-8")
    given = " ".join(EN) + ("" if len(inputs) > 1 else "\n\n" + " ".join(FR)) + "\n"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(given.encode("utf-8"))))
    path = open_project(inputs, encoder=use_encoder)
    assert path.name == copy.replace(".copy", "")
    with _served(path) as server:
        page = _open(browser, server)
    page.click("[data-testid=row-0] .kind")
    page.keyboard.press("m")
    _status(page, rf"^NOT SAVED: the review server is gone\. Save a copy .* align review {re.escape(copy)}")
    with page.expect_download() as download:
        page.click("#copy")
    assert download.value.suggested_filename == copy
    assert not page.errors
