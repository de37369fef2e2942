"""`align review` in a real browser (Debian's chromium driven by Playwright, no browser download):
corrections made by clicking and typing are saved at once, survive a reload, and are exported."""
import contextlib
import json
import re
import shutil
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from align import align_pair
from align.review import project as projects
from align.review.server import ReviewServer
from conftest import seed

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def aligned(use_encoder, tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    # A sentence that is markup must come out as text, never as an element.
    (folder / "en.txt").write_text(open(seed("000"), encoding="utf-8").read().split("\n", 30)[30]
                                   + "\n\nThe <img src=x onerror=alert(1)> tag is not a picture.\n", encoding="utf-8")
    shutil.copy(seed("002"), folder / "fr.txt")
    return folder, align_pair(folder / "en.txt", folder / "fr.txt", encoder=use_encoder)


@pytest.fixture
def server(aligned, tmp_path):
    folder, result = aligned
    path = tmp_path / "pair.review.json"
    projects.save(projects.from_result(result), path)
    server = ReviewServer(path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(server):
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: dialog.accept("house style") if dialog.type == "prompt"
                else (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
        page.goto(server.url)
        page.wait_for_selector("[data-testid=row-0]")
        yield page
        browser.close()


def _saved(page):
    # The page's own policy forbids evaluated strings, so wait through a locator, not a JS predicate.
    playwright_api.expect(page.locator("#status")).to_have_text(re.compile(r"^saved"))


def _row_of(project, side, sentence):
    return next(k for k, bead in enumerate(project["beads"]) if sentence in bead["src" if side == "s" else "tgt"])


def test_every_sentence_once_and_markup_shown_as_text(page, server, tmp_path):
    project = projects.load(server.project_file)
    assert page.locator("[data-testid^=src-]").count() == len(project["source"]["sentences"])
    assert page.locator("[data-testid^=tgt-]").count() == len(project["target"]["sentences"])
    assert page.locator("img").count() == 0 and "<img src=x onerror=alert(1)>" in page.content().replace("&lt;", "<").replace("&gt;", ">")
    assert page.locator("[data-testid^=finding-]").count() == len(project["findings"])
    page.screenshot(path=str(tmp_path / "review.png"))
    assert not page.errors


def test_link_by_clicking_is_saved_survives_a_reload_and_is_exported(page, server):
    before = projects.load(server.project_file)
    omitted = next(b["src"][0] for b in before["beads"] if b["kind"] == "omission")
    added = next(b["tgt"][0] for b in before["beads"] if b["kind"] == "addition")
    page.click(f"[data-testid=src-{omitted}]")
    page.click(f"[data-testid=tgt-{added}]")
    page.keyboard.press("l")
    _saved(page)
    after = projects.load(server.project_file)
    bead = after["beads"][_row_of(after, "s", omitted)]
    assert bead["src"] == [omitted] and bead["tgt"] == [added] and bead["manual"] and bead["kind"] == "match"
    page.reload()
    page.wait_for_selector("[data-testid=row-0]")
    row = page.locator(f"[data-testid=src-{omitted}]").locator("xpath=ancestor::div[contains(@class, 'bead')]")
    # Waited for as a person would see it: on a loaded machine the row exists before its text is in.
    playwright_api.expect(row).to_contain_text("corrected")
    assert row.locator(f"[data-testid=tgt-{added}]").count() == 1
    # The export is the corrected alignment: the new pair is a unit of the translation memory.
    with urllib.request.urlopen(server.url.replace("/?", "/api/export?format=tmx&")) as response:
        root = ET.fromstring(response.read())
    sentences = {side: {s["id"]: s["text"] for s in after[side]["sentences"]} for side in ("source", "target")}
    units = [[seg.text for seg in tu.iter("seg")] for tu in root.iter("tu")]
    assert [sentences["source"][omitted], sentences["target"][added]] in units


def test_unlink_undo_redo_and_moved_by_keyboard(page, server):
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    first = projects.load(server.project_file)["beads"][0]
    page.keyboard.press("u")
    _saved(page)
    assert projects.load(server.project_file)["beads"][0]["kind"] in ("omission", "addition")
    page.keyboard.press("Control+z")
    _saved(page)
    assert projects.load(server.project_file)["beads"][0] == first
    page.keyboard.press("Control+y")
    _saved(page)
    assert projects.load(server.project_file)["beads"][0] != first
    page.keyboard.press("Control+z")
    _saved(page)
    page.keyboard.press("m")
    _saved(page)
    assert projects.load(server.project_file)["beads"][0]["kind"] == "moved"


def test_a_finding_marked_not_an_issue_with_a_comment_is_kept_and_left_out_of_the_export(page, server):
    finding = projects.load(server.project_file)["findings"][0]
    page.click(f"[data-testid=dismiss-{finding['id']}]")  # the prompt is answered "house style"
    _saved(page)
    saved = next(f for f in projects.load(server.project_file)["findings"] if f["id"] == finding["id"])
    assert saved["decision"] == "not_an_issue" and saved["comment"] == "house style"
    page.reload()
    item = page.locator(f"[data-testid=finding-{finding['id']}]")
    item.wait_for()
    assert "decided-not_an_issue" in item.get_attribute("class") and "house style" in item.inner_text()
    exported = projects.to_result(projects.load(server.project_file))
    assert finding["message"] not in [f.message for f in exported.findings]
    # Filters: unticking the finding's kind hides it from the list.
    page.uncheck(f"[data-testid=filter-{finding['type']}]")
    assert item.count() == 0


def test_the_server_answers_only_its_token_and_this_machine(server):
    base = server.url.split("/?")[0]
    for url, headers in ((f"{base}/api/project", {}), (f"{base}/api/project?token=wrong", {}),
                         (server.url.replace("/?", "/api/project?"), {"Host": "evil.example:80"})):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers))
        assert error.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server.url.replace("/?", "/../../etc/passwd?"))
    assert error.value.code == 404
    # A project that loses a sentence is refused, and the file stays as it was.
    project = projects.load(server.project_file)
    broken = dict(project, beads=project["beads"][1:])
    request = urllib.request.Request(server.url.replace("/?", "/api/project?"), data=json.dumps(broken).encode(),
                                     method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request)
    assert error.value.code == 400 and projects.load(server.project_file) == project


@contextlib.contextmanager
def _review_page(result, folder, height=900):
    """A browser page on `align review` of `result` (saved as a project in `folder`)."""
    path = folder / "pair.review.json"
    projects.save(projects.from_result(result), path)
    server = ReviewServer(path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with playwright_api.sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": height})
            page.goto(server.url)
            page.wait_for_selector("[data-testid=row-0]")
            yield page
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def test_arabic_rows_and_the_sentence_a_finding_quotes_read_right_to_left(use_encoder, tmp_path):
    """A probe's screenshot: every Arabic sentence of `align review` was laid out left to right
    ("25" at the far left, "%." at the far right), where the HTML report reads it right to left."""
    (tmp_path / "en.txt").write_text("Sales rose by 25% last year.\n\nThe company opened an office in Dubai.\n",
                                     encoding="utf-8")
    (tmp_path / "ar.txt").write_text("ارتفعت المبيعات بنسبة 25% في العام الماضي.\n\nافتتحت الشركة مكتباً في دبي.\n\n"
                                     "وأكد ذلك البنك الدولي World Bank.\n", encoding="utf-8")
    with _review_page(align_pair(tmp_path / "en.txt", tmp_path / "ar.txt", encoder=use_encoder), tmp_path) as page:
        direction = "(node) => getComputedStyle(node).direction"
        assert page.locator("[data-testid=tgt-0]").evaluate(direction) == "rtl"
        assert page.locator("[data-testid=src-0]").evaluate(direction) == "ltr"
        quoted = page.locator("#findings bdi")
        assert quoted.count() == 1 and quoted.evaluate(direction) == "rtl"
        assert quoted.inner_text() == "وأكد ذلك البنك الدولي World Bank."
        page.screenshot(path=str(tmp_path / "review-ar.png"))


def test_a_finding_far_down_a_long_text_brings_its_row_into_view(use_encoder, tmp_path):
    """A probe on Candide (English against Spanish, the first 294 and 253 lines): rows are drawn
    lazily at an estimated height, the rows a jump scrolled past were drawn taller a frame later,
    and a clicked finding's row stood below the view (findings 6 and 10 of those clicked). With
    "only rows with shown findings" ticked, the arrow keys walked into rows not shown."""
    from conftest import DATA

    folder = DATA / "transread-candide-en-es-el"
    if not (folder / "en" / "Candide").exists():
        pytest.skip("benchmark data not present (../shared/data)")
    for lang, lines in (("en", 294), ("es", 253)):
        text = (folder / lang / "Candide").read_text(encoding="utf-8").splitlines()[:lines]
        (tmp_path / f"{lang}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    result = align_pair(tmp_path / "en.txt", tmp_path / "es.txt", encoder=use_encoder)
    in_view = """() => { const row = document.querySelector('.bead.current'), box = row.getBoundingClientRect(),
        view = document.getElementById('rows').getBoundingClientRect();
        return [row.dataset.index, box.top >= view.top - 1 && box.bottom <= view.bottom + 1]; }"""
    with _review_page(result, tmp_path, height=850) as page:
        page.wait_for_timeout(300)
        findings = page.locator("#findings li")
        missed = []
        for n in range(min(findings.count(), 12)):
            findings.nth(n).locator(".ftype").click()
            page.wait_for_timeout(400)
            index, shown = page.evaluate(in_view)
            if not shown:
                missed.append((n + 1, index))
        assert not missed
        # Only the flagged rows: the arrows go from one shown row to the next.
        page.locator("#only-flagged").check()
        page.evaluate("document.activeElement.blur()")  # keys typed into the box are its own
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(300)
        index, shown = page.evaluate(in_view)
        assert shown and page.locator(f"[data-testid=row-{index}]").count() == 1


def test_a_sentence_left_out_inside_its_pair_is_marked_so(use_encoder, tmp_path):
    """A probe: a sentence the audit found left out inside a pair stood in a row that read "match",
    unmarked, where the HTML report flags it "left out"."""
    from conftest import ROOT

    kinds = ROOT / "tests" / "data" / "kinds-of-text"
    result = align_pair(kinds / "contract_en.txt", kinds / "contract_fr_items_dropped.txt", encoder=use_encoder)
    inside = [i for f in result.findings if f.type == "omission" and f.details.get("within_pair") for i in f.src]
    assert inside
    with _review_page(result, tmp_path) as page:
        marked = page.locator(".s.in-pair")
        assert marked.count() == len(inside)
        assert {marked.nth(k).get_attribute("data-testid") for k in range(marked.count())} == {f"src-{i}" for i in inside}
        assert marked.first.locator(".badge").inner_text() == "left out"
