"""The RTF reader: documents as Word, WordPad, TextEdit and LibreOffice write them, read as the word
processor shows them, each paragraph located as in a .docx. Before, every RTF file was refused
("save it as .docx"). The files of tests/data/rtf are described in its README."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.errors import InputError
from align.readers import reader_for
from align.readers.rtf import RtfReader
from align.reading import read_input

DATA = Path(__file__).parent / "data" / "rtf"


def blocks_of(data: bytes) -> list[tuple[str, str, bool]]:
    return [(block.text, block.locator, block.furniture) for block in RtfReader().blocks(data, "test.rtf")]


def texts_of(data: bytes) -> list[str]:
    return [text for text, _locator, _furniture in blocks_of(data)]


def lines(name: str) -> list[str]:
    return [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


# ------------------------------------------------------------------------------ code pages and escapes


def test_a_wordpad_file_reads_its_greek_bytes_in_the_code_page_of_their_font():
    # WordPad sets Greek in a font of \fcharset161 beside a Western one, with no \ansicpg: read in
    # the document's code page, every letter was a Latin-1 accent ("Ï ÁÃÁÈÏÕËÇÓ").
    data = (DATA / "candide_el.rtf").read_bytes()
    assert blocks_of(data) == [(line, f"paragraph {k}", False) for k, line in enumerate(lines("candide_el.txt"), 1)]


def test_unicode_escapes_read_as_the_same_text_as_the_code_page_bytes():
    # LibreOffice writes each Greek letter as \uN with a "?" fallback (\'3f), which is skipped.
    assert texts_of((DATA / "candide_el_unicode.rtf").read_bytes()) == lines("candide_el.txt")


@pytest.mark.parametrize("rtf, text", [
    # A Cyrillic font in a Western document, as Word writes a Russian run.
    (rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fswiss\fcharset204 Arial Cyr;}}"
     rb"\pard\f0 caf\'e9 {\f1 \'cf\'f0\'e8\'e2\'e5\'f2} caf\'e9\par}", "café Привет café"),
    # The document's own code page for a font of the default charset.
    (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fnil\fcharset0 Arial;}}\f0 \'cf\'f0\'e8\'e2\'e5\'f2\par}", "Привет"),
    # Shift-JIS: two bytes a character, decoded together.
    (rb"{\rtf1\ansi{\fonttbl{\f0\fnil\fcharset128 MS Mincho;}}\f0 \'93\'fa\'96\'7b\'8c\'ea\par}", "日本語"),
    # GB2312 (charset 134), and a font's own \cpg.
    (rb"{\rtf1\ansi{\fonttbl{\f0\fnil\fcharset134 SimSun;}{\f1\cpg1253 Greek;}}\f0 \'d6\'d0\'ce\'c4 \f1 \'e1\par}",
     "中文 α"),
    # TextEdit's form: the font table's entries without braces, \mac's code page.
    (b"{\\rtf1\\mac\\ansicpg10000\\cocoartf102\n{\\fonttbl\\f0\\fswiss\\fcharset77 Helvetica;}\n\\f0 Caf\\'8e\\\n}",
     "Café"),
    # \plain goes back to the default font, and so to its code page.
    (rb"{\rtf1\ansi\deff0{\fonttbl{\f0\fnil\fcharset0 Arial;}{\f1\fnil\fcharset161 Arial Greek;}}\f1 \'e1 \plain \'e9\par}",
     "α é"),
    # The Symbol font's letters are Greek ones.
    (rb"{\rtf1\ansi{\fonttbl{\f0 Times;}{\f3\ftech\fcharset2 Symbol;}}\f0 x {\f3 \'b3} 5 and {\f3 p}r\'b2\par}",
     "x ≥ 5 and πr²"),
    # Its signs the .docx reader's table lacks: U+FFFD before.
    (rb"{\rtf1\ansi{\fonttbl{\f0 Times;}{\f3\ftech\fcharset2 Symbol;}}{\f3 \'a9 \'c4 \'c9}\par}", "♥ ⊗ ⊃"),
])
def test_bytes_are_read_in_their_fonts_code_page(rtf, text):
    assert texts_of(rtf) == [text]


@pytest.mark.parametrize("rtf, text", [
    (rb"{\rtf1\ansi r\u233?sum\u233?\par}", "résumé"),
    (rb"{\rtf1\ansi\uc0 \u8220 Yes\u8221 \par}", "“Yes”"),  # \uc0: no fallback to skip (TextEdit)
    (rb"{\rtf1\ansi\uc2 \u26085\'93\'fa\u26412\'96\'7b!\par}", "日本!"),  # two fallback bytes each
    (rb"{\rtf1\ansi \u-3913?\u-10179?\u-8704?\par}", "\uf0b7😀"),  # signed 16 bits; a surrogate pair joined
    (rb"{\rtf1\ansi a{\uc3 \u948 xyz}b\par}", "aδb"),  # \uc in a group, the fallback a text run
    (rb"{\rtf1\ansi 12\~%\_3 co\-operate \{x\} a\\b\par}", "12\u00a0%-3 cooperate {x} a\\b"),
    (rb"{\rtf1\ansi \lquote a\rquote  \ldblquote b\rdblquote \emdash c\endash d\bullet\par}", "‘a’ “b”—c–d•"),
    (rb"{\rtf1\ansi one\tab two\line three\par}", "one two\nthree"),
    # The file's line ends are no text, nor a stray NUL or BEL (they reached the TMX as U+FFFD).
    (b"{\\rtf1\\ansi The harbour\x00 wall\x07 fell\r\non Tuesday.\\par}", "The harbour wall fellon Tuesday."),
    (rb"{\rtf1\ansi m\super 2\nosupersub  and H{\sub 2}O\par}", "m² and H₂O"),
])
def test_escapes_and_special_characters_read_as_shown(rtf, text):
    assert texts_of(rtf) == [text]


# ------------------------------------------------------------------------------ what is no text


def test_destinations_that_are_no_text_are_left_out():
    rtf = (rb"{\rtf1\ansi\deff0{\fonttbl{\f0\froman Times New Roman;}}{\colortbl;\red255\green0\blue0;}"
           rb"{\stylesheet{\s0 Normal;}}{\info{\title A title}{\author Ann}}{\*\generator Word 16;}"
           rb"{\*\bkmkstart intro}The harbour {\*\unknownthing secret} wall{\*\bkmkend intro}.\par"
           rb"{\pict\pngblip\bin8 }{}\\{{}}A picture.\par"
           rb"{\object\objemb{\*\objclass Excel.Sheet.12}{\*\objdata 0105000002}{\result Shown result.}}\par}")
    assert texts_of(rtf) == ["The harbour wall.", "A picture.", "Shown result."]


def test_a_field_reads_as_its_result_and_a_table_of_contents_as_furniture():
    rtf = (rb"{\rtf1\ansi "
           rb"{\field{\*\fldinst { TOC \\o \"1-3\" \\h }}{\fldrslt {Introduction\tab 1\par}{Results\tab 2\par}}}"
           rb"\pard Introduction\par See {\field{\*\fldinst HYPERLINK \"http://x.org\"}{\fldrslt the site}}.\par}")
    assert blocks_of(rtf) == [("Introduction 1", "paragraph 1", True), ("Results 2", "paragraph 2", True),
                              ("Introduction", "paragraph 3", False), ("See the site.", "paragraph 4", False)]


def test_list_numbers_are_not_read_as_in_a_docx():
    # LibreOffice's numbered list: {\listtext 1.\tab} before each item. The .docx of the same
    # document reads no number either (Word computes them), so both read alike.
    steps = blocks_of((DATA / "steps.rtf").read_bytes())
    assert steps[:3] == [("Steps to take", "paragraph 1", False), ("Switch off the power.", "paragraph 2", False),
                         ("Close the main valve slowly.", "paragraph 3", False)]


def test_a_tracked_deletion_is_left_out_and_a_text_box_follows_its_paragraph():
    # "Close the {\deleted very }main valve{\revised  slowly}.": changes accepted, as in a .docx.
    steps = blocks_of((DATA / "steps.rtf").read_bytes())
    assert steps[2:] == [("Close the main valve slowly.", "paragraph 3", False),
                         ("A paragraph with a text box.", "paragraph 4", False),
                         ("Text inside the box.", "paragraph 4", False),
                         ("The last paragraph.", "paragraph 5", False)]


def test_an_equation_reads_as_its_runs_text_as_in_a_docx():
    # Word's equation: its runs ({\mr ...}, a fraction's {\mnum} and {\mden}) read, their properties
    # and the picture of it for older readers (\mmathPict) not. Starred, all of it was left out.
    rtf = (rb"{\rtf1\ansi{\*\mmathPr\mmathFont0\mdefJc3 }Speed {\mmath{\*\moMathPara{\*\moMath\i\f0"
           rb"{\mr{\mrPr{\msty2}}v=5}{\mf{\mfPr{\mctrlPr\i\f0 }}{\mnum\i m}{\mden\i s}}}}}"
           rb"{\mmathPict{\pict\pngblip 89504e47}} today.\par}")
    assert texts_of(rtf) == ["Speed v=5ms today."]


def test_a_pictures_alternative_text_follows_its_paragraph_as_furniture():
    # As Word writes a picture: its alternative text among the properties of \shppict's \pict, and
    # a copy of the picture for older readers (\nonshppict), read no more than once.
    rtf = (rb"{\rtf1\ansi The wall {\*\shppict{\pict{\*\picprop\shplid1025{\sp{\sn shapeType}{\sv 75}}"
           rb"{\sp{\sn wzDescription}{\sv The harbour wall after the storm}}}\pngblip 89504e470d0a}}"
           rb"{\nonshppict{\pict\wmetafile8 0100}}fell.\par Next.\par}")
    assert blocks_of(rtf) == [("The wall fell.", "paragraph 1", False),
                              ("The harbour wall after the storm", "paragraph 1", True), ("Next.", "paragraph 2", False)]


def test_notes_headers_footers_tables_and_hidden_text_as_in_a_docx(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        report = blocks_of((DATA / "report.rtf").read_bytes())
    assert report == [
        ("The storm over Marseille", "paragraph 1", False),
        # The footnote is read out of the sentence that cites it, after the body.
        ("Three thousand people were evacuated on Tuesday after the storm reached the coast.", "paragraph 2", False),
        ("The mayor said « nothing » about the harbour wall, which cost 2.5 million euros in 2020².",
         "paragraph 3", False),
        ("Wind speed", "paragraph 4", False), ("140 km/h", "paragraph 5", False),
        ("Houses damaged", "paragraph 6", False), ("About 300, mostly in the old port.", "paragraph 7", False),
        ("A second paragraph in the cell.", "paragraph 8", False),
        ("Ψ Greek, Кириллица, 日本語 and an emoji 😀 stay as written.", "paragraph 9", False),
        ("Schools reopen on Friday.", "paragraph 10", False),
        ("The end.", "paragraph 11", False),
        ("Figures of the prefecture, 12 March.", "footnote 1", False),
        ("Except in the 7th district.", "footnote 2", False),
        ("An endnote.", "endnote 1", False),
        ("The Harbour Report – draft", "header", True),
        ("Confidential", "footer", True),
    ]
    # The hidden "(check this)" is in no block, and the warning quotes it.
    assert "2 words of hidden text" in caplog.text and '"(check this)"' in caplog.text


def test_a_header_repeated_for_first_odd_and_even_pages_is_read_once():
    rtf = (rb"{\rtf1\ansi{\headerl \pard Annual report\par}{\headerr \pard Annual report\par}"
           rb"{\headerf \pard Annual report\par}{\footer \pard Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"
           rb"\pard Body.\par}")
    assert blocks_of(rtf) == [("Body.", "paragraph 1", False), ("Annual report", "header", True),
                              ("Page 1", "footer", True)]


def test_textedits_paragraphs_end_with_a_backslash_at_the_line_end():
    rtf = (b"{\\rtf1\\ansi\\ansicpg1252\\cocoartf2580\n{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
           b"\\pard\\f0\\fs24 \\cf0 First paragraph.\\\nSecond one, caf\\'e9 \\uc0\\u8364 \\\n\\\nThird}")
    assert blocks_of(rtf) == [("First paragraph.", "paragraph 1", False), ("Second one, café €", "paragraph 2", False),
                              ("Third", "paragraph 3", False)]


# ------------------------------------------------------------------------------ the file as a whole


def test_an_rtf_file_is_read_whatever_its_name():
    # Both were refused: "an RTF file; save it as .docx".
    rtf = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Le conseil s\rquote est r\u233?uni mardi.\par}"
    assert reader_for("fr.rtf", rtf).name == "rtf" and reader_for("saved-as.txt", rtf).name == "rtf"
    assert reader_for("saved-as.txt", b"\xef\xbb\xbf\r\n" + rtf).name == "rtf"
    # Word's "Save as RTF" under a .doc name, as some sites and mailers send it: read, not taken
    # for an old Word file.
    assert reader_for("letter.doc", rtf).name == "rtf"


def test_read_input_gives_the_text_with_its_paragraphs_located(tmp_path):
    path = tmp_path / "saved-as.txt"
    path.write_bytes(rb"{\rtf1\ansi Le conseil s'est r\'e9uni mardi.\par Il a vot\'e9.\par}")
    raw = read_input(str(path))
    assert raw.format == "rtf"
    assert [(raw.text[span.start:span.end], span.locator) for span in raw.spans] == [
        ("Le conseil s'est réuni mardi.", "paragraph 1"), ("Il a voté.", "paragraph 2")]


@pytest.mark.parametrize("content, reason", [
    (rb"{\rtf1\ansi {\b The storm", "cut short: 2 groups not closed"),
    (rb"{\rtf1\ansi The storm.\par}}", "closes no group"),
    (rb"{\rtf1\ansi The storm.\par} and more", "text after the document's closing brace"),
    (rb"\rtf1\ansi The storm.\par}", r"does not begin with {\rtf"),
])
def test_a_damaged_file_is_one_line_and_exit_2(tmp_path, content, reason):
    path = tmp_path / "damaged.rtf"
    path.write_bytes(content)
    with pytest.raises(InputError, match="cannot be read as an RTF document"):
        RtfReader().blocks(content, str(path))
    done = cli("pair", path, DATA / "candide_en.rtf", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and reason in done.stderr, done.stderr


def test_every_prefix_of_a_real_file_reads_or_is_one_clear_error():
    data = (DATA / "report.rtf").read_bytes()
    for end in range(0, len(data), 97):
        try:
            RtfReader().blocks(data[:end], "cut.rtf")
        except InputError as error:
            assert "cannot be read as an RTF document" in str(error) and "\n" not in str(error)


def test_groups_nested_deeper_than_pythons_recursion_limit_are_read():
    depth = sys.getrecursionlimit() * 20
    rtf = b"{\\rtf1\\ansi " + b"{\\b " * depth + b"deep text" + b"}" * depth + b"\\par}"
    assert texts_of(rtf) == ["deep text"]


def test_a_large_file_reads_in_linear_time():
    # One paragraph of a million pieces (words, \'hh bytes, \uN escapes): joined once, not piece by piece.
    rtf = b"{\\rtf1\\ansi " + b"word caf\\'e9 \\u8364?{\\super 2} " * 250_000 + b"\\par}"
    start = time.perf_counter()
    text = texts_of(rtf)[0]
    assert time.perf_counter() - start < 60
    assert text.count("café €²") == 250_000


# ------------------------------------------------------------------------------ end to end


def test_align_pair_of_two_rtf_files_reads_every_sentence_once_located_by_paragraph():
    done = cli("pair", DATA / "candide_en.rtf", DATA / "candide_el.rtf", "--format", "json", "-q")
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    source = [(s["text"], s["locator"]) for s in report["source"]["sentences"]]
    target = [(s["text"], s["locator"]) for s in report["target"]["sentences"]]
    assert source == [(line, f"paragraph {k}") for k, line in enumerate(lines("candide_en.txt"), 1)]
    assert target == [(line, f"paragraph {k}") for k, line in enumerate(lines("candide_el.txt"), 1)]
    assert not any("\\" in text or "rtf" in text for text, _locator in source + target)
    # The Greek leaves out the English fifth line, and the report says where it stands.
    omissions = [f for f in report["findings"] if f["type"] == "omission"]
    assert [f["src"] for f in omissions] == [[4]]
    assert "paragraph 5 of the source" in omissions[0]["message"]


def test_raw_utf8_text_reads_as_utf8_and_a_utf16_file_as_its_characters(tmp_path):
    # Both were misread: the UTF-8 text in the code page ("La rÃ©union ... Ã  Paris"), the UTF-16
    # file refused ("it does not begin with {\rtf").
    rtf = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\n\\f0 La réunion a eu lieu à Paris, 5 €.\\par\nFin\\'e9.\\par}"
    assert texts_of(rtf.encode("utf-8")) == ["La réunion a eu lieu à Paris, 5 €.", "Finé."]
    utf16 = rtf.encode("utf-16")
    assert reader_for("saved-as.txt", utf16).name == "rtf"
    assert texts_of(utf16) == ["La réunion a eu lieu à Paris, 5 €.", "Finé."]
    # Raw 8-bit text that is no UTF-8 stays in the code page, as the specification has it.
    assert texts_of(rtf.encode("cp1252")) == ["La réunion a eu lieu à Paris, 5 €.", "Finé."]
