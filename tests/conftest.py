import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT.parent / "shared" / "data"


def seed(prefix: str) -> str:
    return str(next(SEEDS.glob(f"{prefix}_*.txt")))


@pytest.fixture(autouse=True, scope="session")
def _private_embedding_cache(tmp_path_factory):
    # Tests must neither read a developer's cache nor leave one behind.
    os.environ["ALIGN_CACHE_DIR"] = str(tmp_path_factory.mktemp("embedding-cache"))


@pytest.fixture(scope="session")
def use_encoder():
    from align.encoders import load_encoder

    return load_encoder("use", cache=False)


def seed_lines(prefix: str) -> list[str]:
    """The lines of a seed file, so a test can quote the paragraph a README line points at."""
    return Path(seed(prefix)).read_text(encoding="utf-8").splitlines()


def blocks_of(path):
    """The blocks a reader extracts from a file, as `align` reads it: the readers' tests compare them."""
    from align.readers import reader_for

    data = Path(path).read_bytes()
    reader = reader_for(str(path), data)
    return reader.blocks(data.decode("utf-8") if reader.reads_text else data, str(path))


def texts_of(path):
    return [block.text for block in blocks_of(path)]


def pdf_of_lines(path, lines, font="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
    """A one-page PDF with one line of text a line (fpdf2 and a system font; skipped without them)."""
    fpdf = pytest.importorskip("fpdf")
    if not os.path.exists(font):
        pytest.skip(f"{font} is not installed")
    pdf = fpdf.FPDF()
    pdf.add_font("S", "", font)
    pdf.set_font("S", size=11)
    pdf.add_page()
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def json_report_of(source, target) -> tuple[dict, str]:
    """`align pair SOURCE TARGET --format json -q` through the CLI: (the report, stderr); a finding
    may end it with 1, anything else fails the test."""
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(source), str(target), "--format", "json", "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout), done.stderr


def assert_every_sentence_once(report: dict) -> None:
    """Every sentence of a JSON report's two sides in exactly one bead."""
    for side, key in (("source", "src"), ("target", "tgt")):
        ids = sorted(i for bead in report["beads"] for i in bead[key])
        assert ids == list(range(len(report[side]["sentences"])))


# The kinds of fact mismatch that compare figures (numbers, dates, times, money, measures).
FIGURE_KINDS = {"number", "date", "time", "currency", "unit"}


def figure_mismatches(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    """The messages of the figures `compare_facts` finds differing between two sentences."""
    from align.audit.facts import compare_facts
    return [f.message for f in compare_facts(src, tgt, src_lang, tgt_lang) if f.kind in FIGURE_KINDS]
