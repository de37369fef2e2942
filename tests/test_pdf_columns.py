"""PDF pages set in two or three columns: read column by column, as a person reads them.

Some producers draw such a page row by row across the columns (a line of the left column, then the
line beside it in the right one), and pypdf reads text in the order the page draws it: every line
was a line of the left column and one of the right glued together, every sentence garbled, and the
alignment and the audit worthless on it. Pages drawn one column after the other, and pages of one
column, are read as before, to the byte."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, blocks_of, texts_of

pytest.importorskip("fpdf")
pypdf = pytest.importorskip("pypdf")

DATA = Path(__file__).parent / "data" / "pdf_columns"
sys.path.insert(0, str(DATA))
from make import candide, columns_pdf  # noqa: E402  (tests/data/pdf_columns/make.py: the fixtures' maker)

CANDIDE = Path(__file__).parent / "data" / "candide-fr-en"


def words(text):
    return " ".join(text.split())


def original(lang):
    """Candide's opening as the file writes it, one run of words."""
    lines = (CANDIDE / f"candide_{lang}.txt").read_text(encoding="utf-8").splitlines()[3:]
    return words(" ".join(line for line in lines if line.strip()))


def garbled(sentences, lang):
    """The sentences read that are no run of the original's words: words of two places glued."""
    whole = original(lang)
    return [sentence for sentence in sentences if words(sentence) not in whole]


def align_json(*paths):
    done = subprocess.run([sys.executable, "-m", "align", "pair", *map(str, paths), "--format", "json"],
                          capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_a_page_drawn_row_by_row_across_two_columns_is_read_column_by_column():
    """tests/data/pdf_columns/candide.en.pdf draws its columns row by row: read in the stream's order,
    "In the country of Westphalia, in the castle of the most Stones were made to be hewn and to
    construct castles," was one line. Read now: the title, the left column down, the right one
    down, the page number at the foot (furniture)."""
    blocks = blocks_of(DATA / "candide.en.pdf")
    text, = [block.text for block in blocks if not block.furniture]
    assert text.startswith("Candide, or Optimism\nIn the country of Westphalia, in the castle of the most")
    assert [block.text for block in blocks if block.furniture] == ["- 1 -"]
    paragraphs = candide("en", 24)
    # Every paragraph whole and in its order, whichever column it stands in.
    joined = words(text.replace("-\n", "-"))
    assert [joined.find(words(paragraph)) >= 0 for paragraph in paragraphs] == [True] * len(paragraphs)
    places = [joined.find(words(paragraph)) for paragraph in paragraphs]
    assert places == sorted(places)


def test_a_two_column_pair_is_aligned_sentence_by_sentence_through_the_cli():
    """End to end: every sentence of both files is a run of the original's words (before, 17 of the
    27 English and 17 of the 27 French sentences glued words of both columns), each on its page."""
    report = align_json(DATA / "candide.en.pdf", DATA / "candide.fr.pdf")
    for side, lang in (("source", "en"), ("target", "fr")):
        sentences = [s for s in report[side]["sentences"] if not s.get("furniture")]
        texts = [s["text"] for s in sentences if s["text"] not in ("Candide, or Optimism", "Candide, ou l'Optimisme")]
        assert garbled(texts, lang) == []
        assert {s["locator"] for s in sentences} == {"page 1"}
        # Each sentence of the original read once: the sentences read, joined, are its text.
        assert words(" ".join(texts)) in original(lang)
        assert len(words(" ".join(texts))) >= 0.95 * len(words(" ".join(candide(lang, 24))))


@pytest.mark.parametrize("columns", [2, 3])
def test_row_by_row_reads_as_the_same_page_drawn_column_by_column(tmp_path, columns):
    """Two and three columns, two pages (the second's last column short, as a chapter's last page
    is): read the same whether the page draws its columns row by row or one after the other, which
    pypdf read right already."""
    paragraphs = candide("fr")
    across = columns_pdf(tmp_path / "across.pdf", "Candide", paragraphs, columns, True, 40)
    down = columns_pdf(tmp_path / "down.pdf", "Candide", paragraphs, columns, False, 40)
    assert len(pypdf.PdfReader(str(tmp_path / "down.pdf")).pages) == 2
    assert texts_of(tmp_path / "across.pdf") == texts_of(tmp_path / "down.pdf")
    del across, down


def test_pages_drawn_column_by_column_or_in_one_column_read_as_pypdf_reads_them(tmp_path):
    """The stream's order where it is the reading order: to the byte what pypdf's extract_text gives."""
    from align.readers.pdf import _own_space_widths, _page_texts

    columns_pdf(tmp_path / "down.pdf", "Candide", candide("en"), 2, False, 40)
    pdf = __import__("fpdf").FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, " ".join(candide("en", 12)))
    pdf.output(str(tmp_path / "one.pdf"))
    for name in ("down.pdf", "one.pdf"):
        with _own_space_widths():
            pages = pypdf.PdfReader(str(tmp_path / name)).pages
            assert _page_texts(pages) == [page.extract_text() for page in pages]


def test_a_table_drawn_row_by_row_is_read_row_by_row(tmp_path):
    """A glossary's two columns, a term and its definition on each row, are no columns of prose: read
    across, term then definition, as before."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    terms = ["castle", "baron", "tapestry", "greyhound", "almoner", "parish", "spaniel", "preceptor"]
    for row, term in enumerate(terms):
        pdf.set_xy(50, 100 + 14 * row)
        pdf.cell(100, 14, term)
        pdf.set_xy(310, 100 + 14 * row)
        pdf.cell(230, 14, f"The word {term} as Voltaire uses it.")
    pdf.output(str(tmp_path / "glossary.pdf"))
    text, = texts_of(tmp_path / "glossary.pdf")
    assert text.split("\n")[:2] == ["castle The word castle as Voltaire uses it.",
                                    "baron The word baron as Voltaire uses it."]


def test_a_right_to_left_page_reads_its_columns_from_the_right():
    """An Arabic or Hebrew page's first column is its rightmost."""
    from align.readers.pdf import _read_by_columns

    left = ["שורה שמאלית מספר %d של הטור השני" % k for k in range(10)]
    right = ["שורה ימנית מספר %d של הטור הראשון" % k for k in range(10)]
    layout = "\n".join(f"{a:<40}      {b}" for a, b in zip(left, right))
    assert _read_by_columns(layout, right_to_left=True).split("\n") == right + left
    assert _read_by_columns(layout).split("\n") == left + right


def test_a_line_across_the_columns_stands_between_what_is_above_and_below_it():
    """A caption across both columns in the middle of a page: the columns above it are read before
    it, those below after it; a column's long line that runs into the gutter stays in its column."""
    from align.readers.pdf import _read_by_columns

    above = [(f"left above {k} runs on and on", f"right above {k} runs on and on") for k in range(5)]
    below = [(f"left below {k} runs on and on", f"right below {k} runs on and on") for k in range(5)]
    rows = [f"{a:<34}{b}" for a, b in above] + ["", "Figure 1: a caption across both of the columns here", ""]
    rows += [f"{a:<34}{b}" for a, b in below]
    rows[2] = "left above 2 runs on and on, longe" + "right above 2 runs on and on"
    lines = _read_by_columns("\n".join(rows)).split("\n")
    assert lines[:5] == [a for a, _ in above[:2]] + ["left above 2 runs on and on, longe"] + [a for a, _ in above[3:]]
    assert lines[5:10] == [b for _, b in above]
    assert lines[10] == "Figure 1: a caption across both of the columns here"
    assert lines[11:] == [a for a, _ in below] + [b for _, b in below]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_two_column_pdf_is_one_line_and_exit_2(tmp_path, cut):
    data = (DATA / "candide.en.pdf").read_bytes()
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(data[:int(len(data) * cut)])
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(bad), str(DATA / "candide.fr.pdf")],
                          capture_output=True, cwd=ROOT, timeout=300)
    err = done.stderr.decode().strip()
    if done.returncode == 0:  # pypdf recovers some truncations: then the text read is no garble
        return
    assert done.returncode == 2 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert re.search(r"cut\.pdf", err)



def test_text_the_layout_leaves_out_keeps_the_page_as_the_stream_reads_it(tmp_path, monkeypatch):
    """pypdf's layout mode drops rotated text and raises on some pages its plain mode reads: there the
    page is read as before, in the stream's order, nothing of it lost and no error."""
    page = pypdf.PdfReader(str(DATA / "candide.en.pdf")).pages[0]
    stream = page.extract_text()
    layout = page.extract_text(extraction_mode="layout")

    def laid_out(self, *args, **kwargs):
        if kwargs.get("extraction_mode") != "layout":
            return original(self, *args, **kwargs)
        if fails:
            raise KeyError("/Widths")
        return layout.replace("Westphalia", "")  # a word the layout lost

    original = pypdf.PageObject.extract_text
    monkeypatch.setattr(pypdf.PageObject, "extract_text", laid_out)
    from align.readers.pdf import _page_texts

    for fails in (True, False):
        assert _page_texts(pypdf.PdfReader(str(DATA / "candide.en.pdf")).pages) == [stream]


# ------------------------------------------------ a compound's hyphen at a line end, before a capital

def test_a_compound_broken_at_its_own_hyphen_before_a_capital_is_one_word(tmp_path):
    """German writes "Nord-Süd-Konflikt" and "EU-Kommission" with hyphens of their own: broken at
    one of them at a line end, the hyphen was kept and so was the line break, which before a capital
    opened a paragraph: "Der Streit ... als Nord-" and "Süd-Konflikt beschrieben, ..." were two
    sentences, "... den die" / "Mitgliedstaaten ..." a third break. Now the compound is whole, and
    the sentence one; English's "Nagorno-" / "Karabakh" and "COVID-" / "19" likewise."""
    from conftest import pdf_of_lines

    de = pdf_of_lines(tmp_path / "de.pdf", [
        "Der Streit zwischen den Staaten wurde als Nord-",
        "Süd-Konflikt beschrieben, und die EU-",
        "Kommission legte am Montag einen Plan vor, den die",
        "Mitgliedstaaten im Herbst prüfen wollen."])
    en = pdf_of_lines(tmp_path / "en.pdf", [
        "The dispute between the states was described as a North-",
        "South conflict during the COVID-",
        "19 pandemic, and the envoys from Nagorno-",
        "Karabakh met the Commission, which member states will review."])
    [text] = texts_of(de)
    assert "Nord-Süd-Konflikt" in text and "EU-Kommission" in text and "-\n" not in text
    [text] = texts_of(en)
    assert "North-South" in text and "COVID-19" in text and "Nagorno-Karabakh" in text
    report = align_json(en, de)
    assert [s["text"].replace("\n", " ") for s in report["target"]["sentences"]] == [
        "Der Streit zwischen den Staaten wurde als Nord-Süd-Konflikt beschrieben, und die EU-Kommission legte "
        "am Montag einen Plan vor, den die Mitgliedstaaten im Herbst prüfen wollen."]
    assert len(report["source"]["sentences"]) == 1


def test_a_hyphen_left_hanging_or_before_a_lower_case_word_is_read_as_before(tmp_path):
    """"Ein-" / "und Ausgang" keeps its hanging hyphen and its space; "well-" / "known" its hyphen."""
    from conftest import pdf_of_lines

    [text] = texts_of(pdf_of_lines(tmp_path / "de.pdf", [
        "Der Sturm traf die Küste, und die Helfer sicherten den Ein-",
        "und Ausgang des Hafens, sagte die well- known Verwaltung am Montag."]))
    assert "den Ein- und Ausgang" in text
