"""The HTML report as a person sees it: Debian's chromium driven by Playwright (no browser download)."""
import shutil

import pytest

from align.model import AlignmentResult, Bead, Document, Finding, Sentence
from align.reports import render

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def _book_result(rows: int = 80) -> AlignmentResult:
    """A stretch of a book far into it: line numbers of five digits on both sides."""
    def side(lang, word, first_line):
        return [Sentence(id=k, text=f"{word} {k} of the chapter, a sentence of some length.",
                         original=f"{word} {k} of the chapter, a sentence of some length.", line=first_line + k,
                         paragraph=k, lang=lang) for k in range(rows)]

    beads = [Bead((k,), (k,), "match", 0.9) for k in range(rows - 1)] + [Bead((rows - 1,), (), "omission", 0.8)]
    findings = [Finding("omission", [rows - 1], [], "left out: the chapter's last sentence", severity="content")]
    return AlignmentResult(signature={"model": "test", "version": "0.1.0"},
                           source=Document("book_fr.txt", "fr", "utf-8", side("fr", "Phrase", 12001)),
                           target=Document("book_en.txt", "en", "utf-8", side("en", "Sentence", 13101)),
                           beads=beads, findings=findings, summary={})


def test_a_books_line_numbers_stand_on_one_line_and_a_jump_lands_below_the_header(tmp_path):
    # A probe's book: "273" over "7" in the row numbers, "311" over "3" in the line numbers, and a
    # finding's link scrolled its row's first line under the sticky column header.
    page_file = tmp_path / "report.html"
    page_file.write_text(render(_book_result(), "html"), encoding="utf-8")
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.goto(page_file.as_uri() + "#b60")
        # The lines a number's text is laid out on: one rectangle a line.
        lines = ("es => es.map(e => { const r = document.createRange(); r.selectNodeContents(e); "
                 "return new Set(Array.from(r.getClientRects(), b => Math.round(b.top))).size; })")
        assert set(page.locator(".ln").evaluate_all(lines)) == {1}
        assert set(page.locator("td.n a").evaluate_all(lines)) == {1}
        header = page.locator("th").first.bounding_box()
        target = page.locator("#b60").bounding_box()
        assert target["y"] >= header["y"] + header["height"] - 1
        page.screenshot(path=str(tmp_path / "jump.png"))
        browser.close()


def test_one_click_shows_only_the_rows_of_content_findings(tmp_path):
    # A book's report was 245 screens of rows with no way to narrow them to what was left out.
    result = _book_result()
    result.findings.append(Finding("merge", [3], [3], "merged", severity="editorial"))
    page_file = tmp_path / "report.html"
    page_file.write_text(render(result, "html"), encoding="utf-8")
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.goto(page_file.as_uri())
        assert page.locator("tbody tr:visible").count() == page.locator("tbody tr").count() > 1
        page.get_by_text("Show only the 1 row with a content finding").click()
        assert page.locator("tbody tr:visible").count() == 1
        assert "Phrase 79" in page.locator("tbody tr:visible").inner_text()
        page.screenshot(path=str(tmp_path / "filtered.png"))
        browser.close()
