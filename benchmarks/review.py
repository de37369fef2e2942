"""How `align review` keeps up on long texts: load time and the time from a keypress (unlink,
then undo) to the page redrawn and the project saved, on a whole novel (1,500 beads) and on
10,000 beads, in Debian's chromium.

    python -m benchmarks.review            # needs playwright and chromium (the test extra, apt)

The documents are the seed article's sentences repeated until the wanted size, aligned one to one:
the page's work depends on how many rows and sentences it holds, not on what they say.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from align.model import AlignmentResult, Bead, Document
from align.review import project as projects
from align.review.server import ReviewServer

ROOT = Path(__file__).resolve().parent.parent


def synthetic(beads: int) -> AlignmentResult:
    lines = [line for line in (ROOT / "seeds" / "000_ad9e4be62e06e56c.txt").read_text(encoding="utf-8").splitlines()
             if len(line) > 40]
    english, french = lines[15:], lines[:15]
    src = Document.from_lines("source.txt", "en", [english[k % len(english)] for k in range(beads)])
    tgt = Document.from_lines("target.txt", "fr", [french[k % len(french)] for k in range(beads)])
    return AlignmentResult({"string": "synthetic"}, src, tgt, [Bead((k,), (k,), "match", 0.8) for k in range(beads)],
                           [], {})


def measure(beads: int, browser) -> dict:
    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.review.json"
        projects.save(projects.from_result(synthetic(beads)), path)
        server = ReviewServer(path)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(server.url)
        expect(page.locator("#status")).to_have_text(re.compile("^loaded"), timeout=120_000)
        load = time.perf_counter() - started
        edits = []
        for key in ("u", "Control+z", "u", "Control+z"):
            started = time.perf_counter()
            page.keyboard.press(key)
            expect(page.locator("#status")).to_have_text(re.compile("^saved"), timeout=120_000)
            edits.append(time.perf_counter() - started)
        page.close()
        server.shutdown()
        server.server_close()
    return {"beads": beads, "load_s": round(load, 3), "edit_s": round(sorted(edits)[len(edits) // 2], 3)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        rows = [measure(beads, browser) for beads in (1_500, 10_000)]
        browser.close()
    for row in rows:
        print(f"{row['beads']:>6} beads: page loaded in {row['load_s']:.2f} s, an edit redrawn and saved in "
              f"{row['edit_s']:.2f} s (median of 4)")
    print(f"10,000 / 1,500 beads: edit {rows[1]['edit_s'] / rows[0]['edit_s']:.1f}x, load "
          f"{rows[1]['load_s'] / rows[0]['load_s']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
