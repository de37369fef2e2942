"""Makes candide.en.pdf and candide.fr.pdf: the opening of Candide (../candide-fr-en, public domain)
on an A4 page in two columns under a title across both, a page number at the foot, drawn as some
producers draw such a page: row by row across the columns, a line of the left column, then the
line of the right one beside it. Run with fpdf2: python tests/data/pdf_columns/make.py"""
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).parent


def columns_pdf(path, title, paragraphs, columns=2, across=True, lines_per_column=48, font_size=9.0):
    """A PDF of `paragraphs` in `columns` columns, a blank line between paragraphs, drawn row by row
    across the columns (`across`) or one column after the other, in Helvetica (no font embedded)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=font_size)
    pdf.add_page()
    margin, gutter, lead = 50, 20, font_size * 1.3
    width = (595 - 2 * margin - (columns - 1) * gutter) / columns
    rows = []
    for paragraph in paragraphs:
        rows += pdf.multi_cell(width, lead, paragraph, dry_run=True, output="LINES") + [""]
    pages = []
    while rows:
        pages.append([rows[k * lines_per_column:(k + 1) * lines_per_column] for k in range(columns)])
        rows = rows[columns * lines_per_column:]
    for number, page in enumerate(pages, start=1):
        if number > 1:
            pdf.add_page()
        if number == 1:
            pdf.set_font("helvetica", size=16)
            pdf.set_xy(margin, 60)
            pdf.cell(595 - 2 * margin, 20, title, align="C")
            pdf.set_font("helvetica", size=font_size)
        draws = [(row, column, line) for column, lines in enumerate(page) for row, line in enumerate(lines) if line]
        for row, column, line in sorted(draws) if across else sorted(draws, key=lambda draw: (draw[1], draw[0])):
            pdf.set_xy(margin + column * (width + gutter), 110 + row * lead)
            pdf.cell(width, lead, line)
        pdf.set_xy(margin, 800)
        pdf.cell(595 - 2 * margin, 12, f"- {number} -", align="C")
    pdf.output(str(path))


def candide(lang, sentences=None):
    """The opening's paragraphs, four sentences each (the file holds a sentence a line)."""
    lines = (HERE.parent / "candide-fr-en" / f"candide_{lang}.txt").read_text(encoding="utf-8").splitlines()[3:]
    lines = [line.strip() for line in lines if line.strip()][:sentences]
    return [" ".join(lines[k:k + 4]) for k in range(0, len(lines), 4)]


if __name__ == "__main__":
    for lang, title in (("en", "Candide, or Optimism"), ("fr", "Candide, ou l'Optimisme")):
        columns_pdf(HERE / f"candide.{lang}.pdf", title, candide(lang, 24))
