"""AsciiDoc read as the page Asciidoctor renders: titles without their markup, paragraphs joined
over their lines and each sentence located by its own, inline markup and macros dissolved,
attribute entries, block delimiters and comments no sentences, listings as boilerplate, a
footnote's text a block of its own. Before, a .adoc file was plain text: "NAME ----" and ":toc:
left" were sentences. The files of tests/data/asciidoc are described in its README."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

from align.readers import reader_for
from align.readers.asciidoc import AsciidocReader

DATA = Path(__file__).parent / "data" / "asciidoc"


def blocks_of(text: str, label: str = "test.adoc") -> list[tuple[str, str, bool]]:
    return [(block.text, block.locator, block.furniture) for block in AsciidocReader().blocks(text, label)]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


def sentences(report: dict, side: str) -> list[tuple[str, str, bool]]:
    return [(s["text"], s["locator"], bool(s.get("furniture"))) for s in report[side]["sentences"]]


# ------------------------------------------------------------------------------ end to end


def test_gits_manual_page_and_its_spanish_translation_read_as_their_pages_show_them():
    done = cli("pair", DATA / "git-mv.en.adoc", DATA / "git-mv.es.adoc", "--format", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    source, target = sentences(report, "source"), sentences(report, "target")
    assert source[:6] == [
        ("git-mv(1)", "line 1", False), ("NAME", "line 4", False),  # two-line titles, without their underline
        ("git-mv - Move or rename a file, a directory, or a symlink", "line 6", False), ("SYNOPSIS", "line 9", False),
        # The synopsis is shown, but is no prose: boilerplate, its lines as written.
        ("git mv [-v] [-f] [-n] [-k] <source> <destination>\n"
         "git mv [-v] [-f] [-n] [-k] <source>... <destination-directory>", "line 13", True),
        ("DESCRIPTION", "line 16", False)]
    # An option list: each option (a term all in monospace) boilerplate, its description text.
    assert source[11:14] == [("-f", "line 30", True), ("--force", "line 31", True),
                             ("Force renaming or moving of a file even if the <destination> exists.", "line 32", False)]
    # The second sentence of a paragraph is located by the line it starts on.
    assert ("An error happens when a source is neither existing nor controlled by Git, or when it would overwrite an "
            "existing file unless -f is given.", "line 35", False) in source
    assert ("Part of the git(1) suite", "line 68", False) in source  # linkgit:git[1]
    assert ("Parte de la suite de git(1)", "line 48", False) in target
    texts = [text for text, _locator, _furniture in source + target]
    for markup in ("`", "::", "linkgit", "[synopsis]", "----", "===", "_<"):
        assert not any(markup in text for text in texts), markup
    # Every block of the page read once, in order.
    blocks = AsciidocReader().blocks((DATA / "git-mv.en.adoc").read_text(encoding="utf-8"), "git-mv.en.adoc")
    assert " ".join(block.text for block in blocks).split() == " ".join(texts[:len(source)]).split()
    # What the Spanish left in English is what is reported untranslated; nothing is left out or added.
    kinds = sorted((finding["type"], tuple(finding["src"])) for finding in report["findings"])
    assert [source[src[0]][0][:30] for kind, src in kinds if kind == "untranslated" and not source[src[0]][2]] == [
        "In the first form, it renames ", "In the second form, <destinati", "Moving a submodule using a git",
        "It also will attempt to update"]
    assert not [kind for kind, _src in kinds if kind != "untranslated"]


# ------------------------------------------------------------------------------ the reader


def test_every_construct_reads_as_the_page_shows_it(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        blocks = blocks_of((DATA / "features.adoc").read_text(encoding="utf-8"), "features.adoc")
    assert blocks == [
        ("The Frobnicator Guide", "line 1", False),
        ("Jane Doe <jane@example.org>", "line 2", True), ("v1.2, 2024-05-01", "line 3", True),  # the header
        ("Introduction", "line 10", False),
        # An attribute reference kept as written; links and cross references as their text; the
        # footnote's raised mark, and its text a block of its own, located by its line.
        ("The {product} is fast, small and frob --all runs it. It is described on the site, at our home and in "
         "usage.¹ See the introduction too.", "line 12", False),
        ("Since version 2.", "line 14", False),
        ("Unplug the device before opening it.", "line 16", False),  # NOTE: not read
        ("A block title", "line 19", False),
        ("$ frob --all", "line 22", True),
        ("First item over two lines.", "line 29", False), ("Second item with Ctrl+C and OK.", "line 31", False),
        ("A nested item.", "line 32", False), ("Step one.", "line 34", False),
        ("Step two, see File \u203a Save As.", "line 35", False),
        ("CPU", "line 37", False), ("The processor.", "line 37", False),
        ("--verbose", "line 38", True), ("Print more.", "line 39", False),
        ("A quoted sentence.", "line 43", False), ("Mark Twain, Roughing It", "line 42", False),
        ("A sidebar.", "line 47", False), ("An example.", "line 51", False),
        ("Name", "line 55", False), ("Value", "line 55", False), ("Speed", "line 57", False), ("Fast", "line 58", False),
        ("A line of verse,\nand another.", "line 62", False),
        ("indented literal text", "line 65", True),
        ("A picture of the device", "line 67", True),
        ("Usage", "line 69", False),
        ("H\u2082O and E=mc\u00b2 and a space. \u00a9 2024 \u2014 all rights. Git's git-add(1) page.", "line 71", False),
    ]
    assert '2 comments not read' in caplog.text and '"A comment the page does not show."' in caplog.text
    assert "1 include not followed (other.adoc)" in caplog.text


def test_each_sentence_of_a_wrapped_paragraph_is_located_by_its_own_line():
    block = AsciidocReader().blocks("One sentence on\nthe first lines. Another *on the\nsecond* line.\nA third.\n",
                                    "x.adoc")[0]
    assert block.text == "One sentence on the first lines. Another on the second line. A third."
    assert block.line_marks == ((3, 2), (9, 3), (11, 4))


def test_markdown_style_titles_fenced_code_and_hard_line_breaks():
    text = "# Title\n\n## Section\n\nFirst line +\nsecond line.\n\n```python\nprint(1)\n```\n"
    assert blocks_of(text) == [("Title", "line 1", False), ("Section", "line 3", False),
                               ("First line\nsecond line.", "line 5", False), ("print(1)", "line 9", True)]


def test_an_asciidoc_file_is_read_by_its_name_only():
    for name in ("guide.adoc", "guide.asciidoc", "guide.asc"):
        assert reader_for(name, b"= Title\n\nText.\n").name == "asciidoc"
    assert reader_for("guide.txt", b"= Title\n\nText.\n") is None


# ------------------------------------------------------------------------------ bad and odd input


def test_a_file_of_attributes_and_comments_only_is_one_clear_error(tmp_path):
    path = tmp_path / "empty.adoc"
    path.write_text(":toc: left\n// a comment\n", encoding="utf-8")
    done = cli("pair", path, DATA / "git-mv.es.adoc", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"align: error: {path}: the asciidoc file holds no text to align"]


def test_a_binary_file_named_adoc_is_one_clear_error(tmp_path):
    path = tmp_path / "image.adoc"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    done = cli("pair", path, DATA / "git-mv.es.adoc", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_every_prefix_and_deep_or_unclosed_blocks_read_without_error():
    text = (DATA / "features.adoc").read_text(encoding="utf-8")
    for end in range(len(text)):
        AsciidocReader().blocks(text[:end], "cut.adoc")
    deep = "".join("=" * (4 + k) + "\n" for k in range(200)) + "deep text\n"  # blocks in blocks, never closed
    assert blocks_of(deep)[-1][0].split()[-2:] == ["deep", "text"]
    assert blocks_of("----\n$ make\n") == [("$ make", "line 2", True)]  # a listing never closed


def test_a_large_file_and_unmatched_markup_read_in_linear_time():
    text = ((DATA / "git-mv.en.adoc").read_text(encoding="utf-8") * 300 + "<<" * 50_000 + "\n\n"
            + "link:x[" * 20_000 + "\n\n" + "*a " * 30_000)
    start = time.perf_counter()
    AsciidocReader().blocks(text, "large.adoc")
    assert time.perf_counter() - start < 30


def test_gits_older_quotes_and_a_cross_reference_whose_text_holds_brackets():
    # As Git's pages write them (git-svn, git-add, git-pull): `this' and ``this'' are curly quotes.
    text = "See <<fetch-refspec,<refspec>>> below, `svn log' and ``Interactive mode''.\n"
    assert blocks_of(text) == [("See <refspec> below, \u2018svn log\u2019 and \u201cInteractive mode\u201d.", "line 1", False)]


def test_a_conditional_or_a_comment_inside_a_paragraph_does_not_cut_it():
    # Git's git-init page: both branches of its ifdef are read, into the one paragraph they stand in
    # (cut there, "fall back to the default name" and "(currently master...)" were sentences apart).
    text = ("If not specified, fall back to the default name\nifndef::with-breaking-changes[]\n"
            "(currently `master`).\nendif::with-breaking-changes[]\n// a note to self\nifdef::with-breaking-changes[]\n"
            "`main`.\nendif::with-breaking-changes[]\nThe default name can be customized.\n")
    block = AsciidocReader().blocks(text, "git-init.adoc")[0]
    assert block.text == ("If not specified, fall back to the default name (currently master). main. "
                          "The default name can be customized.")
    assert block.line_marks == ((9, 3), (11, 7), (12, 9))


def test_links_whose_address_an_attribute_holds_read_as_their_text_and_the_header_keeps_no_conditional():
    # As Asciidoctor's own README (and its fr, de, ja and zh translations) writes them: the header
    # sets addresses, in conditionals too, and the text links to "{uri-project}/docs[...]".
    text = ("= Asciidoctor\nDan Allen <https://github.com/mojavelinux[@mojavelinux]>\n:uri-project: https://asciidoctor.org\n"
            "ifdef::env-site[:uri-project: link:]\n:uri-docs: {uri-project}/docs\n:release-version: 2.0.22\n\n"
            "{uri-project}/[Asciidoctor] is a fast, {uri-license}[open source] processor; read {uri-docs}/user-manual[the "
            "manual] for {release-version} and {release-version}[not a link].\n")
    assert blocks_of(text) == [
        ("Asciidoctor", "line 1", False), ("Dan Allen <@mojavelinux>", "line 2", True),
        ("Asciidoctor is a fast, open source processor; read the manual for {release-version} and "
         "{release-version}[not a link].", "line 8", False)]


def test_table_cells_with_specifiers_blocks_escaped_separators_and_csv():
    text = ('[cols="1,2",options="header"]\n|===\n|Column A |Column B\n\n2+|Spanning cell\na|* item one\n* item two\n'
            '|a pipe\\| kept\n|===\n\n[%header,format=csv]\n|===\nName,Value\n"A, B",C\n|===\n')
    assert blocks_of(text) == [
        ("Column A", "line 3", False), ("Column B", "line 3", False), ("Spanning cell", "line 5", False),
        ("item one", "line 6", False), ("item two", "line 7", False), ("a pipe| kept", "line 8", False),
        ("Name", "line 13", False), ("Value", "line 13", False), ("A, B", "line 14", False), ("C", "line 14", False)]
