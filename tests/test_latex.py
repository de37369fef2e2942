"""LaTeX documents (.tex) read as their typeset page shows them, each sentence located by its line.

Read as plain text before, `\\documentclass{article}` and `\\begin{itemize}` were sentences, a
`\\usepackage[french]{babel}` was Spanish "set aside", `\\emph{program}` against `\\emph{programme}`
a placeholder mismatch, and a comment and a footnote stood inside their sentence.

tests/data/latex/lshort-things.{en,fr}.tex: the first pages of chapter 1 of "The Not So Short
Introduction to LaTeX" (lshort 6.4, things.tex, lines 1-55) and of its French translation (lshort-fr
5.01fr, lines 1-72, in Latin-1 as shipped), from Debian's texlive-lang-english and
texlive-lang-french packages (/usr/share/doc/texlive-doc/latex/lshort-*/, GPL). guide.{en,fr}.tex:
a small article with a preamble, babel, a footnote, a list, a reference and inline mathematics.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from align.errors import InputError
from align.readers import reader_for
from align.readers.latex import LatexReader

DATA = Path(__file__).parent / "data" / "latex"
LSHORT_EN, LSHORT_FR = DATA / "lshort-things.en.tex", DATA / "lshort-things.fr.tex"
GUIDE_EN, GUIDE_FR = DATA / "guide.en.tex", DATA / "guide.fr.tex"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def blocks_of(text: str, label: str = "doc.tex"):
    return LatexReader().blocks(text, label)


def texts_of(text: str) -> list[str]:
    return [block.text for block in blocks_of(text)]


def pair_json(tmp_path, source, target):
    out = tmp_path / "report.json"
    done = cli("pair", source, target, "--format", "json", "-o", out)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text()), done.stderr


# ------------------------------------------------------------------------------ real documents


def test_lshort_chapter_is_read_as_its_typeset_page():
    blocks = blocks_of(LSHORT_EN.read_text())
    texts = [block.text for block in blocks]
    assert not [text for text in texts if "\\" in text or "{" in text or "}" in text]
    assert texts[:2] == ["Things You Need to Know",
                         texts[1]] and texts[1].startswith("The first part of this chapter presents")
    assert "A Bit of History" in texts and "TeX" in texts and "LaTeX" in texts  # headings, blocks of their own
    history = next(text for text in texts if text.startswith("TeX is a computer program"))
    # An index entry is no text; a citation is its key; mathematics is what it prints.
    assert "Knuth, Donald E." not in history and "created by Donald E. Knuth [texbook]." in history
    assert history.endswith("The version number of TeX is converging to π and is now at 3.14159265.")
    # The footnote is a block after its paragraph, which reads on whole around where it stood.
    k = next(k for k, text in enumerate(texts) if text.startswith("TeX is pronounced"))
    assert "“Ach” or in the Scottish “Loch.”" in texts[k]
    assert texts[k + 1].startswith("In German there are actually two pronunciations for “ch”")
    assert "I do not get angry when people pronounce TeX in their favorite way … and" in texts[k + 1]
    # A commented-out paragraph is not read.
    assert not [text for text in texts if "venerable" in text]
    # Each sentence of a paragraph wrapped over lines 19-31 is located by its own line.
    paragraph = blocks[texts.index(history)]
    assert paragraph.locator == "line 19"
    words = history.split()
    marks = dict(paragraph.line_marks)
    started = words.index("started") - 1  # "Knuth started writing...", on line 21
    assert max(line for word, line in marks.items() if word <= started) == 21


def test_lshort_pair_through_the_cli_every_sentence_once_and_located(tmp_path):
    report, stderr = pair_json(tmp_path, LSHORT_EN, LSHORT_FR)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    assert report["source"]["lang"] == "en" and report["target"]["lang"] == "fr"
    for sentence in source + target:
        assert "\\" not in sentence["text"] and "%" not in sentence["text"], sentence
        assert sentence["locator"].startswith("line ")
    keys = [(s["locator"], s["text"]) for s in source]
    assert len(keys) == len(set(keys))
    started = [s for s in source if s["text"].startswith("Knuth started writing the TeX typesetting")]
    assert len(started) == 1 and started[0]["locator"] == "line 21"
    # The French file is Latin-1, as shipped; its accents and «\u00a0» read as printed.
    assert any("Le « ch » provient de l’alphabet grec" in s["text"] for s in target)
    assert any(s["text"] == "Ce qu’il faut savoir" for s in target)
    # Nothing of the original is left out, and no markup is a fact: the citations are one key.
    kinds = {finding["type"] for finding in report["findings"]}
    assert not kinds & {"omission", "fact_mismatch", "replaced"}, report["findings"]
    assert report["summary"]["verdict"] == "translation"



# lshort.sty of "The Not So Short Introduction to LaTeX" (lshort 6.4, the sources in Debian's
# texlive-lang-english 2022.20230122-1, GPL), the definitions the text uses, as it stands beside lshort.tex.
LSHORT_STY = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{lshort}[2018/02/28]
\newcommand{\org@Rightarrow}{}
\renewcommand{\chaptermark}[1]{\markboth{#1}{}}
\renewcommand{\Email}{\begingroup \def\UrlLeft{<}\def\UrlRight{>} \urlstyle{tt}\Url}     % email address
\def\mailto|#1|{\href{mailto:#1}{\Email|#1|}}        % url to mail somewhere
\newcommand{\PSi}{\textsc{PostScript}\index{PostScript@\textsc{PostScript}}}
\newcommand{\companion}{\emph{The \LaTeX{} Companion}~\cite{companion}}
\@ifundefined{bs}{\newcommand\bs{\char '134 }}%
  {\renewcommand\bs{\char '134 }}
\newcommand{\ci}[1]{\texttt{\bs #1}}
\newcommand{\wi}[1]{\index{#1}#1}
"""


def test_commands_a_package_beside_the_document_defines_are_read_as_they_print(tmp_path):
    # Before: "Described in doc.dtx and in ." and "to include graphics", the package's commands unknown.
    (tmp_path / "lshort.sty").write_text(LSHORT_STY, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{book}\n\\usepackage{makeidx,lshort}\n\\begin{document}\n"
        "Described in \\texttt{doc.dtx} and in \\companion.\n\n"
        "Packages are available to include \\PSi{} graphics, mail \\mailto|tobi@oetiker.ch|.\n\n"
        "The area between \\ci{documentclass} and \\ci{begin}\\verb|{document}| is the \\wi{preamble}.\n"
        "\\end{document}\n", encoding="utf-8")
    found = [block.text for block in LatexReader().blocks((tmp_path / "doc.tex").read_text(), str(tmp_path / "doc.tex"))]
    assert found == ["Described in doc.dtx and in The LaTeX Companion\u00a0[companion].",
                     "Packages are available to include PostScript graphics, mail tobi@oetiker.ch.",
                     "The area between \\documentclass and \\begin{document} is the preamble."]



def test_a_package_beside_the_document_that_cannot_be_followed_leaves_the_document_read(tmp_path):
    (tmp_path / "broken.sty").write_text("\\newcommand{\\x}{\\def", encoding="utf-8")
    (tmp_path / "doc.tex").write_text("\\documentclass{article}\n\\usepackage{broken}\n\\begin{document}\n"
                                      "Hello \\x{} world.\n\\end{document}\n", encoding="utf-8")
    assert [block.text for block in LatexReader().blocks((tmp_path / "doc.tex").read_text(),
                                                         str(tmp_path / "doc.tex"))] == ["Hello world."]


def test_a_document_s_preamble_babel_footnote_and_mathematics(tmp_path):
    blocks = blocks_of(GUIDE_FR.read_text())
    texts = [block.text for block in blocks]
    assert texts[0] == "Un petit guide" and not blocks[0].furniture  # the title: a heading
    assert texts[1] == "Jane Doe" and blocks[1].furniture  # the author: furniture
    assert {block.lang for block in blocks} == {"fr"}  # \usepackage[french]{babel}
    assert not [text for text in texts if "documentclass" in text or "babel" in text]
    assert texts[3] == ("Ce guide explique comment installer le programme sur votre ordinateur. Cela prend "
                        "environ 10\u00a0minutes. Il vous faut 2\u202fGo d’espace libre, voir la "
                        "section\u00a0[sec:install].")
    assert blocks[3].line_marks == ((10, 9), (15, 10))
    assert (texts[4], blocks[4].locator) == ("Sur une machine rapide.", "line 9")
    assert texts[6:] == ["Téléchargez l’archive depuis http://example.org.", "Décompressez-la avec tar -xf.",
                         "La formule E = mc² est vraie."]

    report, stderr = pair_json(tmp_path, GUIDE_EN, GUIDE_FR)
    assert "Spanish" not in stderr and "set_aside" not in json.dumps(report["target"])
    assert [finding["type"] for finding in report["findings"]] == ["omission"]
    assert report["findings"][0]["message"].endswith("We thank the G20 for nothing.")
    notes = [s for s in report["source"]["sentences"] if s["text"] == "On a fast machine."]
    assert [s["locator"] for s in notes] == ["line 9"]


# ------------------------------------------------------------------------------ constructs


def test_escapes_accents_dashes_quotes_and_comments_are_what_they_print():
    text = ("\\begin{document}\n"
            "Caf\\'e, na{\\\"\\i}ve, gar\\c{c}on, \\^{\\i}le and S\\~ao Paulo -- pages 3--5 --- ``quoted'' `single'. "
            "50\\% off \\& more, a\\_b. % a comment\n"
            "Fin\\'e\\-tude, \\og oui \\fg{} and ?`Qu\\'e? \\ldots{} \\LaTeX\\ rocks.\n"
            "\\end{document}\nAfter the end: not typeset.\n")
    assert texts_of(text) == [
        "Café, naïve, garçon, île and São Paulo – pages 3–5 — “quoted” ‘single’. 50% off & more, a_b. "
        "Finétude, «\u00a0oui\u00a0» and ¿Qué? … LaTeX rocks."]


def test_inline_commands_dissolve_and_labels_indexes_and_options_are_no_text():
    text = ("\\newcommand{\\prog}{Frobnicator}\n"
            "Use \\emph{the} \\textbf{\\textit{new}} \\prog{} \\label{x}\\index{prog}tool, "
            "see \\href{https://example.org/a%20b}{the site} or \\url{https://example.org/%7E}; "
            "type \\verb|\\emph{x}| or \\texttt{--help}, \\textcolor{red}{red} text, \\wi{WYSIWYG} "
            "\\hspace{1cm}and \\vspace*{2mm}more\\textsuperscript{2}.\n")
    assert texts_of(text) == [
        "Use the new Frobnicator tool, see the site or https://example.org/%7E; type \\emph{x} or --help, "
        "red text, WYSIWYG and more².",
    ]


def test_inline_mathematics_in_every_spelling_stays_in_its_sentence():
    text = "Area \\begin{math}\\pi r^2\\end{math}, $\\frac{a}{b}$, \\(x_1\\) and \\ensuremath{\\alpha}-rays.\n"
    assert texts_of(text) == ["Area π r², a/b, x₁ and α-rays."]


def test_a_display_s_label_and_inner_environments_are_no_part_of_its_formula():
    # amsldoc's displays read "e:barwqsplit H c = ..." and "eq:D pmatrix D₁t ...".
    text = "\\begin{equation}\\label{e:x}\n\\begin{pmatrix} a & b \\end{pmatrix} = \\phantom{x} c \\tag{3}\n\\end{equation}\n"
    assert [(b.text, b.furniture) for b in blocks_of(text)] == [("a b = c (3)", True)]


def test_lists_tables_code_and_display_mathematics_are_blocks_in_their_place():
    text = ("\\section*{Setup}\\label{s}\n"
            "Intro with a display\n\\[ x^2 + y^2 = z^2 \\]\nthat reads on.\n\n"
            "\\begin{description}\n\\item[Fast] It runs quickly.\n\\item[\\textbf{Small}] It is small.\n"
            "\\end{description}\n"
            "\\begin{tabular}{|l|c|}\\hline\nName & Size\\\\\nDisk & 2\\,GB \\\\ \\hline\n\\end{tabular}\n"
            "\\begin{verbatim}\nx = 1 % not a comment\n\\end{verbatim}\n"
            "\\begin{figure}[htbp]\\includegraphics[width=3cm]{a.png}\\caption{A picture.}\\end{figure}\n"
            "\\begin{minipage}{0.5\\textwidth}Boxed text.\\end{minipage}\n")
    blocks = blocks_of(text)
    assert [(b.text, b.locator, b.furniture) for b in blocks] == [
        ("Setup", "line 1", False),
        ("Intro with a display that reads on.", "line 2", False),
        ("x² + y² = z²", "line 3", True),
        ("Fast", "line 7", False), ("It runs quickly.", "line 7", False),
        ("Small", "line 8", False), ("It is small.", "line 8", False),
        ("Name", "line 11", False), ("Size", "line 11", False), ("Disk", "line 12", False),
        ("2\u202fGB", "line 12", False),
        ("x = 1 % not a comment", "line 15", True),
        ("A picture.", "line 17", False),
        ("Boxed text.", "line 18", False),
    ]


def test_a_listing_s_options_are_no_code_and_each_of_its_lines_is_located():
    text = ("Blank page:\n\n\\begin{Verbatim}[fontsize=\\small]\n\\documentclass{article}\n"
            "\\begin{document}\n\\end{document}\n\\end{Verbatim}\n")
    [prose, code] = blocks_of(text)
    assert (code.text, code.locator, code.furniture) == (
        "\\documentclass{article}\n\\begin{document}\n\\end{document}", "line 4", True)
    assert code.line_marks == ((1, 5), (2, 6))


def test_german_shorthands_where_babel_declares_german_and_a_bookmark_s_text_is_not_read():
    text = ("\\documentclass{article}\n\\usepackage[ngerman]{babel}\n\\begin{document}\n"
            "\\section{\\texorpdfstring{Gr\"o\"se $x$}{Groesse}}\n"
            "Die Stra\"se ist \"`sch\"on\"' und gro\"s, sagt er \"Hallo\".\n\\end{document}\n")
    assert texts_of(text) == ["Größe x", "Die Straße ist „schön“ und groß, sagt er \"Hallo\"."]
    english = text.replace("ngerman", "english")
    assert texts_of(english)[1] == "Die Stra\"se ist \"‘sch\"on\"’ und gro\"s, sagt er \"Hallo\"."


def test_an_unknown_environment_s_title_is_text_and_its_widths_and_columns_are_not():
    # amsldoc's "\\begin{ctab}{ll}" (a table of its own class) was a sentence "ll", and its cells one.
    text = ("\\begin{ctab}{ll}\nA & B\n\\end{ctab}\n\\begin{theorem}[Pythagoras]\nThe square.\n\\end{theorem}\n"
            "\\begin{tcolorbox}[colback=red]\nBoxed.\n\\end{tcolorbox}\n"
            "\\begin{exercise}{Counting sheep}\nCount.\n\\end{exercise}\n"
            "\\begin{lined}{0.8\\textwidth}\nLined.\n\\end{lined}\n")
    assert [(b.text, b.locator) for b in blocks_of(text)] == [
        ("A", "line 2"), ("B", "line 2"), ("Pythagoras", "line 4"), ("The square.", "line 5"), ("Boxed.", "line 8"),
        ("Counting sheep", "line 10"), ("Count.", "line 11"), ("Lined.", "line 14")]


def test_a_block_of_code_alone_is_furniture_and_a_sentence_about_code_is_text():
    # lshort's table of font sizes: "\\verb|\\tiny| & 5pt" was a cell "\\tiny" of content, "untranslated".
    text = ("\\begin{tabular}{ll}\n\\verb|\\tiny| & 5pt\\\\\n\\end{tabular}\n\n"
            "\\begin{lscommand}\n\\verb|\\usepackage{...}|\n\\end{lscommand}\n\n"
            "Unpack it with \\texttt{tar -xf}.\n\n\\texttt{--help}.\n")
    assert [(b.text, b.furniture) for b in blocks_of(text)] == [
        ("\\tiny", True), ("5pt", False), ("\\usepackage{...}", True), ("Unpack it with tar -xf.", False),
        ("--help.", True)]


def test_a_command_the_file_defines_prints_its_definition_with_its_arguments():
    # latex4wp's own commands (Debian's texlive-latex-base-doc): "\\cmd{footnote}" read "footnote".
    text = ("\\def\\bs      {\\textbackslash}\n\\newcommand{\\cmd}[1]\n{\\texttt{\\bs{}#1}}\n"
            "\\newcommand{\\entry}[2]\n{\\textsf{#1/#2}}\n\\newcommand{\\hi}[1][World]{Hello #1}\n"
            "\\def\\twice#1{#1#1}\n\\def\\loop{\\loop}\n"
            "Use \\cmd{footnote} in \\entry{File}{New}: \\hi, \\hi[You], \\twice{ab}\\loop.\n")
    assert texts_of(text) == ["Use \\footnote in File/New: Hello World, Hello You, abab."]
    # amsldoc.it's own \\pkg (its class's \\ntt, \\autoindex unknown here) and its \\vstrut.
    text = ("\\DeclareRobustCommand{\\pkg}[1]{{\\ntt#1}%\n  \\autoindex{#1@\\string\\pkg{#1}, pacchetto}}\n"
            "\\newcommand{\\vstrut}[1]{\\vrule width0pt height#1\\relax}\n"
            "Il pacchetto \\pkg{amsmath}\\vstrut{5ex} (versione~2.0).\n")
    assert texts_of(text) == ["Il pacchetto amsmath (versione\u00a02.0)."]


def test_a_file_input_or_included_that_is_not_there_is_named_in_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        texts = texts_of("\\chapter{One}\n\\input{intro}\n\\include{chapters/two}\n\\input story\nText.\n")
    assert texts == ["One", "Text."]
    assert "intro, chapters/two, story" in caplog.text and "not read" in caplog.text


def test_known_by_its_content_under_any_name_and_by_its_name():
    document = b"% A comment first\n\n\\documentclass[a4paper]{article}\n\\begin{document}\nHi.\n\\end{document}\n"
    assert reader_for("notes.txt", document).name == "latex"
    assert reader_for("chapter.tex", b"\\chapter{One}\nText.\n").name == "latex"
    assert reader_for("notes.md", b"# Notes\n\nWrite \\documentclass{article} first.\n") is None


# ------------------------------------------------------------------------------ damaged files


def test_a_file_cut_short_is_read_to_its_end_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        texts = texts_of("\\section{One}\nA sentence \\emph{that never\n\nends here")
    assert texts == ["One", "A sentence that never", "ends here"]
    assert "line 2: a brace is never closed" in caplog.text


def test_damaged_or_empty_files_are_one_line_errors(tmp_path):
    nested = tmp_path / "nested.tex"
    nested.write_text("\\emph{" * 5000 + "x" + "}" * 5000 + "\n")
    empty = tmp_path / "empty.tex"
    empty.write_text("% nothing but a comment\n\\documentclass{article}\n\\begin{document}\n\\end{document}\n")
    english = tmp_path / "en.txt"
    english.write_text("The meeting took place in Istanbul on 17 September.\n")
    for bad in (nested, empty):
        done = cli("pair", bad, english)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and bad.name in done.stderr
    with pytest.raises(InputError):
        blocks_of(nested.read_text())


def test_every_truncation_of_a_real_chapter_reads_or_fails_in_one_line():
    text = LSHORT_EN.read_text()
    for end in range(0, len(text), 53):
        try:
            blocks = blocks_of(text[:end])
        except InputError:
            continue
        assert all(block.text.strip() and block.locator.startswith("line ") for block in blocks)
