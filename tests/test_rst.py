"""reStructuredText read as the page docutils or Sphinx renders: section titles without their
underlines, paragraphs joined over their lines and each sentence located by its own, inline markup
dissolved, directives, targets and comments no sentences, code blocks as boilerplate. Before, a .rst
file was plain text: "Getting started ===============" and ".. note::" were sentences. The files of
tests/data/rst are described in its README."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

from align.readers import reader_for
from align.readers.rst import RstReader

DATA = Path(__file__).parent / "data" / "rst"


def blocks_of(text: str, label: str = "test.rst") -> list[tuple[str, str, bool]]:
    return [(block.text, block.locator, block.furniture) for block in RstReader().blocks(text, label)]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def report_of(source: Path, target: Path) -> dict:
    done = cli("pair", source, target, "--format", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def sentences(report: dict, side: str) -> list[tuple[str, str, bool]]:
    return [(s["text"], s["locator"], bool(s.get("furniture"))) for s in report[side]["sentences"]]


# ------------------------------------------------------------------------------ end to end


def test_a_sphinx_page_and_its_translation_read_as_their_pages_show_them():
    report = report_of(DATA / "getting_started.en.rst", DATA / "getting_started.fr.rst")
    assert sentences(report, "source") == [
        ("Getting started", "line 1", False),  # without its underline
        ("You need an account first.", "line 6", False),  # the note's text, not ".. note::"
        ("This page explains how to install the program.", "line 8", False),
        # The paragraph is one over its two lines: the role no longer starts a sentence, and it
        # reads as the title its label stands before in the file.
        ("See Installation and usage for more.", "line 8", False),
        ("pip install foo", "line 13", True),  # the code block: boilerplate
        ("First item of the list.", "line 15", False),
        ("Second item, with code.", "line 16", False),
        ("Installation", "line 20", False),
        ("Run the installer.", "line 23", False),
        ("It takes ten minutes¹.", "line 23", False),  # the footnote's mark, raised
        ("On a fast machine.", "line 25", False),  # the footnote: a block of its own
    ]
    assert [text for text, _locator, _furniture in sentences(report, "target")] == [
        "Premiers pas", "Il vous faut d'abord un compte.", "Cette page explique comment installer le programme.",
        "Voir Installation et usage pour en savoir plus.", "pip install foo", "Premier élément de la liste.",
        "Deuxième élément, avec code.", "Installation", "Lancez l'installateur.", "Cela prend dix minutes¹.",
        "Sur une machine rapide."]
    assert report["findings"] == []


def test_a_readme_and_its_french_translation_every_string_once_no_markup_left():
    report = report_of(DATA / "kakugo.en.rst", DATA / "kakugo.fr.rst")
    source, target = sentences(report, "source"), sentences(report, "target")
    texts = [text for text, _locator, _furniture in source + target]
    for markup in ("`", "<https", "|", "===", "---", ".. ", "_ "):
        assert not any(markup in text for text in texts), markup
    # Links read as their text, an image substitution as boilerplate after its paragraph.
    assert ("Download on F-Droid", "line 7", False) in source
    assert ("with PayPal.", "line 68", False) in source and ("Donate", "line 68", True) in source
    # A sentence on the second line of its paragraph is located by that line.
    assert ("Do not forget to donate to the projects listed above from which most of the work comes.",
            "line 64", False) in source
    # Every paragraph read once: each block's words are the sentences' words, in order.
    blocks = RstReader().blocks((DATA / "kakugo.en.rst").read_text(encoding="utf-8"), "kakugo.en.rst")
    assert " ".join(block.text for block in blocks).split() == " ".join(text for text, _l, _f in source).split()
    # The French has no "Privacy" section: its title and paragraph are what is reported left out.
    omitted = [source[k][0] for finding in report["findings"] if finding["type"] == "omission" for k in finding["src"]]
    assert sorted(omitted) == ["No data is ever uploaded on the Internet, this app does not use the Internet access.",
                               "Privacy", "This app does not collect any personal data, only your progression and settings "
                               "is saved on your device."]


# ------------------------------------------------------------------------------ the reader


def test_every_construct_reads_as_the_page_shows_it(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        blocks = blocks_of((DATA / "features.rst").read_text(encoding="utf-8"), "features.rst")
    assert blocks == [
        # A comment to translators is kept, as boilerplate; the other is said in the warning below.
        ("Translators: keep the product name in English.", "line 5", True),
        ("Guide title", "line 8", False),  # between its over- and underline
        ("A paragraph about Frobnicator with emphasis, strong text, a literal *star* and a link to the site, a "
         "glossary term, the usage page, an anonymous link and a name reference. Escaped *stars* stay. See "
         "|version| too. Cited [CIT2002] and noted¹.", "line 14", False),
        ("Do not unplug the device while it is writing.", "line 22", False),
        ("The export command.", "line 25", False),
        ("The reference manual.", "line 30", False),
        ('print("hello")', "line 35", True),
        ("A picture of the device", "line 38", True),  # an image's alternative text, not its path
        ("The caption of the figure.", "line 43", False), ("The legend of the figure.", "line 45", False),
        ("Contents", "line 49", False),  # a toctree's caption, not its entries
        ("First numbered item over two lines.", "line 57", False), ("Second numbered item.", "line 59", False),
        ("Term one", "line 61", False), ("Definition of term one.", "line 62", False),
        ("Term two", "line 64", False), ("Definition of term two.", "line 65", False),
        ("Author", "line 67", True), ("Jane Doe", "line 67", False),
        ("Version", "line 68", True), ("1.0", "line 68", False),
        ("-a, --all", "line 70", True), ("Show everything.", "line 70", False),
        ("--output=FILE", "line 71", True), ("Write to FILE.", "line 71", False),
        ("A line block,\nover two lines.", "line 73", False),
        ("A block quote.", "line 76", False), ("-- An Author", "line 78", False),
        ("Header one", "line 81", False), ("Header two", "line 81", False),
        ("Cell one goes on.", "line 83", False), ("Cell two", "line 83", False),
        ("Col A", "line 88", False), ("Col B", "line 88", False), ("one", "line 90", False),
        ("two", "line 90", False), ("three", "line 91", False), ("four", "line 91", False),
        ("A list table", "line 94", False), ("Name", "line 97", False), ("Value", "line 98", False),
        ("Speed", "line 99", False), ("Fast", "line 100", False),
        ("A CSV table", "line 102", False), ("Fruit", "line 103", False), ("Colour", "line 103", False),
        ("Apple", "line 105", False), ("Red", "line 105", False),
        (">>> print(1)\n1", "line 107", True),
        ("The first note.", "line 112", False), ("A citation text.", "line 113", False),
    ]
    assert '1 comment not read' in caplog.text and '"This is a comment that the page does not show."' in caplog.text
    assert "1 included file not followed (other.rst)" in caplog.text


def test_each_sentence_of_a_wrapped_paragraph_is_located_by_its_own_line():
    block = RstReader().blocks("One sentence on\nthe first lines. Another *on the\nsecond* line.\nA third.\n", "x.rst")[0]
    assert block.text == "One sentence on the first lines. Another on the second line. A third."
    assert block.line_marks == ((3, 2), (9, 3), (11, 4))


def test_roles_links_and_substitutions_as_sphinx_shows_them():
    text = ("Call :func:`~pkg.mod.run`, press :kbd:`Ctrl+C`, pick :menuselection:`File --> Save`,\n"
            "read :ref:`the guide <guide>`, :pep:`8` and `Python <https://python.org>`__; |name| is kept.\n")
    assert blocks_of(text) == [("Call run, press Ctrl+C, pick File \u2023 Save, read the guide, 8 and Python; |name| "
                                "is kept.", "line 1", False)]


def test_a_literal_block_after_double_colon_is_boilerplate_and_the_colon_reads_as_one():
    text = "Run this::\n\n    make install\n\nor this ::\n\n    make\n\n::\n\n    make clean\n"
    assert blocks_of(text) == [("Run this:", "line 1", False), ("make install", "line 3", True),
                               ("or this", "line 5", False), ("make", "line 7", True), ("make clean", "line 11", True)]


def test_an_rst_file_is_read_by_its_name_only():
    assert reader_for("guide.rst", b"Title\n=====\n").name == "rst"
    assert reader_for("guide.rest", b"Title\n=====\n").name == "rst"
    assert reader_for("guide.txt", b"Title\n=====\n") is None


# ------------------------------------------------------------------------------ bad and odd input


def test_a_file_of_comments_and_targets_only_is_one_clear_error(tmp_path):
    path = tmp_path / "empty.rst"
    path.write_text(".. a comment\n\n.. _target:\n", encoding="utf-8")
    done = cli("pair", path, DATA / "getting_started.fr.rst", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"align: error: {path}: the rst file holds no text to align"]


def test_a_binary_file_named_rst_is_one_clear_error(tmp_path):
    path = tmp_path / "image.rst"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    done = cli("pair", path, DATA / "getting_started.fr.rst", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_latin_1_file_reads_its_accents(tmp_path):
    path = tmp_path / "latin.rst"
    path.write_bytes("Café crème\n==========\n\nTrès *bien*.\n".encode("latin-1"))
    report = report_of(path, DATA / "getting_started.fr.rst")
    assert [text for text, _l, _f in sentences(report, "source")] == ["Café crème", "Très bien."]


def test_every_prefix_and_a_deep_nesting_read_without_error():
    text = (DATA / "features.rst").read_text(encoding="utf-8")
    for end in range(len(text)):
        RstReader().blocks(text[:end], "cut.rst")
    deep = blocks_of("- " * 20_000 + "deep\n")  # a list in a list... past Python's recursion limit
    assert [text.split()[-1] for text, _l, _f in deep] == ["deep"]


def test_a_large_file_and_unmatched_markup_read_in_linear_time():
    text = (DATA / "kakugo.en.rst").read_text(encoding="utf-8") * 300 + "**a " * 30_000 + "`" * 100_000
    start = time.perf_counter()
    RstReader().blocks(text, "large.rst")
    assert time.perf_counter() - start < 30


def test_a_directives_expression_or_class_is_no_text_an_admonitions_argument_is():
    # ".. only:: html" read "html" into the sentence after it (CMake's release notes, as Debian ships them).
    text = ".. only:: html\n\n  .. contents::\n\nText.\n\n.. note:: Back up\n   first.\n\n.. container:: big\n\n   Inside.\n"
    assert blocks_of(text) == [("Text.", "line 5", False), ("Back up first.", "line 7", False),
                               ("Inside.", "line 12", False)]


def test_a_definition_terms_written_wholly_as_code_are_options_shown_as_boilerplate():
    text = "``--verbose``, ``-v``\n   Print more.\n\nA term\n   Its text.\n"
    assert blocks_of(text) == [("--verbose, -v", "line 1", True), ("Print more.", "line 2", False),
                               ("A term", "line 4", False), ("Its text.", "line 5", False)]
