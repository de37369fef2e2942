"""XML documents (DITA, DocBook, Mallard, any XML) read as a reader of the published document sees
them: each paragraph's text with its inline markup dissolved, located by its line, code, metadata
and index terms as boilerplate, entities an external DTD declares kept as written. Before, such a
file was plain text: its declaration, DOCTYPE and tags were sentences and findings.

The fixtures of tests/data/xmldoc are described in its README: KDE's KCalc handbook chapter and
GNOME Calculator's help page, in English and French, as Debian ships them, and a DITA topic."""
from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import assert_every_sentence_once, json_report_of

from align.documents import load_sentences
from align.errors import InputError
from align.readers import reader_for
from align.readers.xml_document import XmlDocumentReader
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "xmldoc"
TAG = re.compile(r"</?[A-Za-z][\w:.-]*[^<>]*>|<\?xml|<!DOCTYPE")


def blocks_of(data: bytes, label: str = "doc.xml"):
    return [(block.locator, block.text, block.furniture) for block in XmlDocumentReader().blocks(data, label)]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True, timeout=600)


# ------------------------------------------------------------------------------ DITA


def test_a_dita_topic_is_read_as_its_published_text_each_block_by_its_line():
    found = XmlDocumentReader().blocks((DATA / "dita_install_fr.dita").read_bytes(), "fr.dita")
    assert [(b.locator, b.text, b.furniture) for b in found] == [
        ("line 4", "Installer le programme", False),
        ("line 6", "Cette rubrique explique comment installer le programme. Cela prend dix minutes.", False),
        ("line 7", "Il vous faut d'abord un compte.", False),
        ("line 8", "pip install foo", True),  # a code block: shown, no prose
        ("line 9", "Premier élément.", False),
        ("line 9", "Deuxième élément.", False)]
    assert {b.lang for b in found} == {"fr"}  # the topic's xml:lang


def test_align_pair_of_two_dita_topics_has_no_tag_in_any_sentence_and_no_finding():
    # Before: 12 sentences a side, "<?xml ...>" and "<topic id=...>" among them, the code block and
    # the DOCTYPE "untranslated", the French "French and Polish and Korean".
    report, stderr = json_report_of(DATA / "dita_install_en.dita", DATA / "dita_install_fr.dita")
    assert "Polish" not in stderr and (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")
    assert report["findings"] == []
    assert_every_sentence_once(report)
    source = [(s["text"], s["locator"]) for s in report["source"]["sentences"]]
    assert source == [("Installing the program", "line 4"),
                      ("This topic explains how to install the program.", "line 6"), ("It takes ten minutes.", "line 6"),
                      ("You need an account first.", "line 7"), ("pip install foo", "line 8"),
                      ("First item.", "line 9"), ("Second item.", "line 9")]


DITA_TASK = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd">
<task id="t" xml:lang="en-US">
  <title>Back up the <ph translate="no">Acme</ph> database</title>
  <prolog><author>J. Writer</author><critdates><created date="2024-01-01"/></critdates></prolog>
  <taskbody>
    <context><p>Backups run at night<fn>Local time of the server.</fn>. They take an
      hour.<indexterm>backup<indexterm>nightly</indexterm></indexterm></p></context>
    <steps>
      <step><cmd>Open the <uicontrol>Settings</uicontrol> menu.</cmd>
        <info><p>It is on the right.</p></info></step>
      <step><cmd>Choose <menucascade><uicontrol>Data</uicontrol><uicontrol>Backup</uicontrol></menucascade>.</cmd></step>
    </steps>
    <result><p translate="no">ACME-DB-7</p><image href="done.png"><alt>The backup window</alt></image></result>
  </taskbody>
</task>
"""


def test_dita_inline_elements_dissolve_and_notes_index_terms_and_metadata_stand_apart():
    assert blocks_of(DITA_TASK) == [
        ("line 4", "Back up the Acme database", False),  # a term not to translate, inside its sentence
        ("line 5", "J. Writer", True),  # the prolog: metadata
        ("line 7", "Backups run at night. They take an hour.", False),  # the footnote not spliced in
        ("line 7", "Local time of the server.", False),  # but after its paragraph
        ("line 8", "backup", True), ("line 8", "nightly", True),  # index terms
        ("line 10", "Open the Settings menu.", False),
        ("line 11", "It is on the right.", False),
        ("line 12", "Choose Data > Backup.", False),
        ("line 14", "ACME-DB-7", True),  # a block marked not to translate
        ("line 14", "The backup window", True)]  # an image's alternative text
    assert {b.lang for b in XmlDocumentReader().blocks(DITA_TASK, "t.dita")} == {"en"}


@pytest.mark.parametrize("reference, text", [
    ('<xref href="#t/s1"/>', "See Before you start."),  # DITA: the section's title
    ('<xref href="#t/s2"/>', "See the checklist."),  # DocBook's and DITA's label where the target has one
    ('<xref href="other.dita#x/s1"/>', "See ."),  # another file's: not read, left as the page leaves it
    ('<xref href="#t/s1">the first part</xref>', "See the first part."),
])
def test_an_empty_cross_reference_reads_as_its_targets_title(reference, text):
    data = (f'<?xml version="1.0"?><topic id="t"><title>T</title><body><section id="s1"><title>Before you '
            f'start</title></section><section id="s2" xreflabel="the checklist"/><p>See {reference}.</p></body>'
            f'</topic>').encode()
    assert blocks_of(data)[-1][1] == text


# ------------------------------------------------------------------------------ DocBook (KDE)


def test_a_docbook_chapter_keeps_the_entities_its_book_declares_as_written(caplog):
    # KDE's handbooks write &kcalc;, &Ctrl; and the authors' names as entities of KDE's DTD; the
    # chapter, included by the book, has no DOCTYPE. Expat alone stops at the first ("undefined
    # entity"): the chapter is read, each kept as written, with one warning naming them.
    with caplog.at_level(logging.WARNING, logger="align"):
        found = XmlDocumentReader().blocks((DATA / "kcalc_commands_en.docbook").read_bytes(), "commands.docbook")
    texts = [b.text for b in found]
    assert texts[:4] == ["Command Reference", "Menu Items", "A brief overview of some special menu items in &kcalc;:",
                         "Constants → Mathematics"]
    assert "Display Pi, Euler Number or Golden Ratio." in texts
    assert "Show &kcalc;'s normal calculations history." not in texts  # no entity expanded to nothing
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "&kcalc;" in warnings[0] and "kept as written" in warnings[0]
    assert not any(TAG.search(text) for text in texts)


def test_align_pair_of_a_docbook_chapter_and_its_french_translation():
    # Before: 126 and 217 "sentences", 190 of them with tags, 81 additions. Read as published:
    # 31 and 32, none with a tag, every one read once, each at its line.
    report, _stderr = json_report_of(DATA / "kcalc_commands_en.docbook", DATA / "kcalc_commands_fr.docbook")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    assert (len(source), len(target)) == (31, 32)
    assert not any(TAG.search(s["text"]) for s in source + target)
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition", "untranslated")]
    assert (source[0]["text"], source[0]["locator"]) == ("Command Reference", "line 3")
    # A paragraph wrapped over two lines of the file: its sentence is located by its own line.
    impedance = next(s for s in source if s["text"].startswith("Display Light Speed"))
    assert impedance["locator"] == "line 25"


DOCBOOK_BOOK = b"""<?xml version="1.0" ?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "docbookx.dtd" [
  <!ENTITY product "Tally">
  <!ENTITY chapter SYSTEM "chapter.xml">
]>
<book lang="&language;">
<bookinfo>
<title>The &product; Handbook</title>
<authorgroup><author><firstname>Ann</firstname> <surname>Lee</surname></author></authorgroup>
<date>2024-05-01</date>
<abstract><para>&product; counts things.</para></abstract>
</bookinfo>
<chapter id="intro"><title>Introduction</title>
<para>Press <keycombo>&Ctrl;<keycap>S</keycap></keycombo> to save<footnote><para>Or use the menu.</para></footnote>.
Then <remark>check this</remark>quit.</para>
<programlisting>tally --count
tally --reset</programlisting>
<para>See <xref linkend="intro"/> and <ulink url="http://example.org">the site</ulink>.<!-- a comment --><?pi data?></para>
</chapter>
&chapter;
</book>
"""


def test_a_docbook_book_read_as_typeset(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        found = blocks_of(DOCBOOK_BOOK, "book.xml")
    assert found == [
        ("line 8", "The Tally Handbook", False),  # a declared entity resolved
        ("line 9", "Ann", True), ("line 9", "Lee", True), ("line 10", "2024-05-01", True),  # the title page
        ("line 11", "Tally counts things.", False),  # its abstract is prose
        ("line 13", "Introduction", False),
        ("line 14", "Press &Ctrl;+S to save. Then quit.", False),
        ("line 14", "Or use the menu.", False),
        ("line 15", "check this", True),
        ("line 16", "tally --count\ntally --reset", True),
        ("line 18", "See Introduction and the site.", False),  # an empty cross-reference: its target's title
        ("line 20", "&chapter;", False)]
    warnings = " ".join(r.getMessage() for r in caplog.records)
    assert "&Ctrl;" in warnings and "&chapter; (chapter.xml) is another file, not read" in warnings


def test_a_part_xinclude_brings_from_a_file_that_is_not_there_is_named_in_a_warning(caplog):
    data = (b'<?xml version="1.0"?><book xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude">'
            b'<title>Guide</title><xi:include href="ch01.xml"/><xi:include href="ch02.xml"/></book>')
    with caplog.at_level(logging.WARNING, logger="align"):
        assert blocks_of(data) == [("line 1", "Guide", False)]
    assert "2 parts included from other files not read (give those files too): ch01.xml, ch02.xml" in caplog.text


@pytest.mark.parametrize("markup, text", [
    # KCalc's handbook: "10x" was a number of the sentence, for the facts' check too.
    ("<entry>&Shift; Log or 10<superscript>x</superscript></entry>", "&Shift; Log or 10ˣ"),
    ("<para>CO<subscript>2</subscript> rose in 1932.<superscript>1</superscript> Then</para>", "CO₂ rose in 1932.¹ Then"),
    ("<para>Press <keycombo>&Ctrl; &Shift;<keycap>Z</keycap></keycombo>.</para>", "Press &Ctrl;+&Shift;+Z."),
    ("<para><menuchoice><guimenu>Settings</guimenu> <guimenuitem>Configure</guimenuitem></menuchoice></para>",
     "Settings → Configure"),
])
def test_raised_text_and_shortcuts_read_as_typeset(markup, text):
    assert blocks_of(f'<?xml version="1.0"?><!DOCTYPE a SYSTEM "d.dtd"><article>{markup}</article>'.encode())[0][1] == text


# ------------------------------------------------------------------------------ Mallard (GNOME help)


def test_a_mallard_page_is_read_with_its_translators_credits_as_boilerplate():
    found = XmlDocumentReader().blocks((DATA / "calculator_base_fr.page").read_bytes(), "base.page")
    credits = [b for b in found if b.furniture]
    assert credits[0].text == "Jonathan Ernst" and len(credits) == 15  # five translators' names, mails, years
    prose = [(b.locator, b.text) for b in found if not b.furniture]
    assert prose[:2] == [("line 38", "Bases numériques"), (
        "line 40", "Pour saisir des nombres dans une base particulière, utilisez des nombres en indice. "
                   "Les nombres suivants sont équivalents.")]
    assert ("line 48", "Vous pouvez utiliser ces raccourcis clavier pour passer au mode Binaire (Ctrl+B), Octal "
            "(Ctrl+O), Decimal (Ctrl+D) et Hexadécimal (Ctrl+H).") in prose
    assert {b.lang for b in found} == {"fr"}


def test_a_mallard_pages_titles_for_links_are_boilerplate_its_heading_is_not():
    data = (b'<page xmlns="http://projectmallard.org/1.0/" type="guide" id="index"><info>'
            b'<title type="link" role="trail">Calculator Help</title><title type="text">Calculator</title>'
            b'<desc>What it does.</desc></info><title><media type="image" src="icon.png">Icon</media> Calculator'
            b'</title></page>')
    # The info's furniture at the page's foot, where yelp shows its credits.
    assert blocks_of(data) == [("line 1", "What it does.", False), ("line 1", "Icon Calculator", False),
                               ("line 1", "Calculator Help", True), ("line 1", "Calculator", True)]


def test_a_mallard_images_content_is_its_alternative_text_boilerplate_a_videos_captions_are_not():
    # gnome-help's bluetooth-turn-on-off.page and clock-calendar.page (gnome-user-docs 43): yelp writes
    # an image's content as the picture's alt, never on the page; its:translate="yes" only says that
    # it is translated. Before, both were prose: the alt text of a picture left out was content.
    data = (b'<page xmlns="http://projectmallard.org/1.0/" xmlns:its="http://www.w3.org/2005/11/its" id="b">\n'
            b'<title>Turn Bluetooth on or off</title>\n'
            b'<media its:translate="no" type="image" src="figures/bluetooth-symbolic.svg" style="floatend">\n'
            b'  <p its:translate="yes">The Bluetooth icon on the top bar</p>\n</media>\n'
            b'<media type="image" src="figures/shell-appts.png" width="500">\n'
            b'  <p>Clock, calendar, and appointments</p>\n</media>\n'
            b'<p>Holding the <media its:translate="no" type="image" src="figures/ps-create.svg">Create</media>'
            b' button, press it.</p>\n'
            b'<media type="video" src="v.webm"><tt:tt xmlns:tt="http://www.w3.org/ns/ttml"><tt:body>'
            b'<tt:div begin="1s" end="3s"><tt:p>Type <input>displays</input> in the overview.</tt:p>'
            b'</tt:div></tt:body></tt:tt></media>\n</page>')
    assert blocks_of(data) == [("line 2", "Turn Bluetooth on or off", False),
                               ("line 4", "The Bluetooth icon on the top bar", True),
                               ("line 7", "Clock, calendar, and appointments", True),
                               ("line 9", "Holding the Create button, press it.", False),
                               ("line 10", "Type displays in the overview.", False)]


def test_an_image_element_of_another_vocabulary_is_read_as_before():
    data = b'<?xml version="1.0"?><TEI><text><body><media type="image"><p>A map of the town</p></media></body></text></TEI>'
    assert blocks_of(data) == [("line 1", "A map of the town", False)]


def test_an_empty_link_to_another_mallard_page_reads_that_pages_title(tmp_path, caplog):
    # gnome-help's a11y-slowkeys.page links to a11y-bouncekeys.page and shell-introduction.page's
    # section (gnome-user-docs 43, French): yelp writes the linked page's title. Before, "Consultez
    # pour plus d'informations." in every language, the link's text lost.
    (tmp_path / "a11y-bouncekeys.page").write_bytes(
        '<page xmlns="http://projectmallard.org/1.0/" id="a11y-bouncekeys" xml:lang="fr"><info>'
        '<link type="guide" xref="a11y#mobility"/><desc>Ignorer les appuis de touches rapides.</desc></info>'
        '<title>Activation des touches rebond</title></page>'.encode())
    (tmp_path / "shell-introduction.page").write_bytes(
        '<page xmlns="http://projectmallard.org/1.0/" id="shell-introduction"><title>Introduction</title>'
        '<section id="systemmenu"><info><title type="link" role="trail">Menu</title>'
        '<title type="link">Le menu système</title></info><title>Menu système</title></section></page>'.encode())
    page = tmp_path / "a11y-slowkeys.page"
    page.write_bytes(
        '<page xmlns="http://projectmallard.org/1.0/" id="a11y-slowkeys" xml:lang="fr"><info>'
        '<link type="guide" xref="a11y-bouncekeys"/></info>\n'
        '<p>Consultez <link xref="a11y-bouncekeys"/> pour plus d’informations.</p>\n'
        '<p>Cliquez sur le <link xref="shell-introduction#systemmenu"/> puis sur <link xref="power-off"/>.</p>\n'
        # color-calibrationdevices.page: a link to the web that says nothing else reads as its address.
        '<p>Une liste des instruments de mesure pris en charge est disponible sur '
        '<link href="https://www.argyllcms.com/doc/instruments.html"/> (site en anglais).</p></page>'.encode())
    with caplog.at_level(logging.WARNING, logger="align"):
        found = [block.text for block in XmlDocumentReader().blocks(page.read_bytes(), str(page))]
    assert found == ["Consultez Activation des touches rebond pour plus d’informations.",
                     "Cliquez sur le Le menu système puis sur .",
                     "Une liste des instruments de mesure pris en charge est disponible sur "
                     "https://www.argyllcms.com/doc/instruments.html (site en anglais)."]
    assert "links to 1 other page read without their text" in caplog.text and "power-off" in caplog.text


def test_a_mallard_items_terms_and_code_are_blocks_of_their_own():
    # gnome-help's net-proxy.page and net-wireless-troubleshooting-hardware-check.page (gnome-user-docs
    # 43): in a list's item, a <terms> list and a <code> block stand beside its paragraph. Before, the
    # terms were one paragraph with the item's ("None The applications will use... Manual For each
    # proxied protocol..."), the code a sentence of prose.
    data = (b'<page xmlns="http://projectmallard.org/1.0/" id="net-proxy"><steps>\n'
            b'<item>\n  <p>Choose which proxy method you want to use from:</p>\n  <terms>\n    <item>\n'
            b'      <title><gui>None</gui></title>\n'
            b'      <p>The applications will use a direct connection to fetch the content\n      from the web.</p>\n'
            b'    </item>\n    <item>\n      <title><gui>Manual</gui></title>\n'
            b'      <p>For each proxied protocol, define the address of a proxy and port\n      for the protocols.</p>\n'
            b'    </item>\n  </terms>\n</item>\n<item>\n'
            b'  <p>Here is an example of what the entry might look like:</p>\n'
            b'  <code>Network controller: Intel Corporation PRO/Wireless 3945ABG [Golan] Network Connection</code>\n'
            b'</item>\n</steps></page>')
    assert blocks_of(data) == [
        ("line 3", "Choose which proxy method you want to use from:", False), ("line 6", "None", False),
        ("line 7", "The applications will use a direct connection to fetch the content from the web.", False),
        ("line 11", "Manual", False),
        ("line 12", "For each proxied protocol, define the address of a proxy and port for the protocols.", False),
        ("line 18", "Here is an example of what the entry might look like:", False),
        ("line 19", "Network controller: Intel Corporation PRO/Wireless 3945ABG [Golan] Network Connection", True)]


def test_align_pair_of_a_mallard_page_and_its_translation():
    # Before: 35 and 10 sentences, 37 with tags, 16 omissions (the English page's tags).
    report, _stderr = json_report_of(DATA / "calculator_base_C.page", DATA / "calculator_base_fr.page")
    assert_every_sentence_once(report)
    assert (len(report["source"]["sentences"]), len(report["target"]["sentences"])) == (10, 25)
    assert [f["type"] for f in report["findings"]] == ["addition"]  # the credits, as boilerplate
    assert "boilerplate" in report["findings"][0]["message"]



def test_a_translated_mallard_pages_title_pairs_with_the_originals_past_its_translators_credits():
    # GNOME's "Sound problems" and its German page, whose <info> lists nine translators before the
    # title. Before, their 27 lines stood between the two titles: "Sound problems" was paired with
    # "gabor.karsay@gmx.at 2011-2012." and "Klangprobleme" reported as added.
    folder = DATA / "gnome-help"
    report, _stderr = json_report_of(folder / "C" / "sound-broken.page", folder / "de" / "sound-broken.page")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    pairs = {(" ".join(source[i]["text"] for i in bead["src"]), " ".join(target[j]["text"] for j in bead["tgt"]))
             for bead in report["beads"]}
    assert ("Sound problems", "Klangprobleme") in pairs
    assert ("Which of the topics below best describes the problem you are experiencing?",
            "Welches der nachfolgenden Themen beschreibt das Problem, das bei Ihnen auftritt?") in pairs
    added = [f for f in report["findings"] if f["type"] == "addition"]
    assert added and all("boilerplate" in f["message"] for f in added)  # the translators' credits only


# ------------------------------------------------------------------------------ sentences and lines


def test_each_sentence_of_a_wrapped_paragraph_is_located_by_its_own_line(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<doc>\n<p>The first sentence runs\nover two lines. The second\n'
                     b'starts on line 4.\nThe <b>third</b> is on line 6.</p>\n</doc>\n')
    sentences = load_sentences(read_input(str(path)), load_segmenter("auto"))
    assert [(s.text, s.where) for s in sentences] == [
        ("The first sentence runs over two lines.", "line 3"), ("The second starts on line 4.", "line 4"),
        ("The third is on line 6.", "line 6")]


def test_an_unknown_vocabulary_is_read_by_its_shape():
    # TEI-like: mixed content is a paragraph, an element of elements is structure.
    data = ('<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
            '<titleStmt><title>A Letter</title></titleStmt></fileDesc></teiHeader><text><body>'
            '<p>Dear <persName>Anna</persName>, I read <title>Emma</title> twice.</p>'
            '<list><item>Bread</item><item>Milk</item></list><lg><l>Roses are red,</l><l>violets blue.</l></lg>'
            '</body></text></TEI>').encode()
    assert [(text, furniture) for _line, text, furniture in blocks_of(data)] == [
        ("A Letter", False), ("Dear Anna, I read Emma twice.", False), ("Bread", False), ("Milk", False),
        ("Roses are red,", False), ("violets blue.", False)]


# ------------------------------------------------------------------------------ which reader


@pytest.mark.parametrize("name, data, expected", [
    ("topic.xml", b'<?xml version="1.0"?>\n<topic id="a"><title>T</title></topic>', "xml"),
    ("chapter.docbook", b"<chapter><title>T</title></chapter>", "xml"),  # no declaration: by its name
    ("page.page", b'<page xmlns="http://projectmallard.org/1.0/"><title>T</title></page>', "xml"),
    ("anything.txt", b'<?xml version="1.0" encoding="UTF-8"?>\n<book><title>T</title></book>', "xml"),
    # Other readers' XML keeps its reader.
    ("x.xlf", b'<?xml version="1.0"?><xliff version="1.2"><file></file></xliff>', "xliff"),
    ("x.tmx", b'<?xml version="1.0"?><tmx version="1.4"><body/></tmx>', "tmx"),
    ("strings.xml", b'<?xml version="1.0"?><resources><string name="a">A</string></resources>', "android"),
    ("x.ts", b'<?xml version="1.0"?><!DOCTYPE TS><TS version="2.1"><context></context></TS>', "qt-ts"),
    ("x.xhtml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>A</p></body></html>', "html"),
    ("x.stringsdict", b'<?xml version="1.0"?><!DOCTYPE plist><plist version="1.0"><dict/></plist>', "strings"),
])
def test_the_reader_is_chosen_by_content_and_other_readers_keep_their_xml(name, data, expected):
    assert reader_for(name, data).name == expected


@pytest.mark.parametrize("name, root, expected", [("x.xlf", b'<xliff version="1.2"><file/></xliff>', "xliff"),
                                                  ("x.tmx", b'<tmx version="1.4"><body/></tmx>', "tmx"),
                                                  ("x.resx", b"<root><data name='a'><value>A</value></data></root>", "resx")])
def test_a_file_whose_licence_comment_hides_its_root_from_its_reader_keeps_it_by_name(name, root, expected):
    data = b'<?xml version="1.0"?>\n<!--' + b" licence text" * 400 + b"-->\n" + root
    assert reader_for(name, data).name == expected


@pytest.mark.parametrize("data", [
    b"<b>Note</b>: a text that opens on a tag.\nSecond line.",
    b'<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>',  # TTML subtitles
    b'<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
])
def test_what_is_no_xml_document_or_another_readers_is_not_sniffed(data):
    assert not XmlDocumentReader().sniff(data)


# ------------------------------------------------------------------------------ damaged files


@pytest.mark.parametrize("content, reason", [
    (b'<?xml version="1.0"?>\n<topic>\n<p>Cut short', "line 3"),
    (b'<?xml version="1.0"?>\n<topic><p>One</topic>', "mismatched tag, line 2"),
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<topic><p>Caf\xe9</p></topic>', "not in the encoding it declares"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY a "b">]>\n<t>&undefined;</t>', "undefined entity &undefined;"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (bytes([98 + k]), (b"&%c;" % (97 + k)) * 10) for k in range(8))
     + b']>\n<lolz>&i;</lolz>', "expand too far"),
])
def test_a_damaged_file_is_one_line_and_exit_2(tmp_path, content, reason):
    path = tmp_path / "damaged.xml"
    path.write_bytes(content)
    with pytest.raises(InputError, match="cannot be read as an XML document") as raised:
        XmlDocumentReader().blocks(content, str(path))
    assert reason in str(raised.value)
    done = cli("pair", path, DATA / "dita_install_fr.dita", "-q")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and reason in done.stderr, done.stderr


def test_a_file_of_white_space_named_xml_is_empty_not_malformed(tmp_path):
    path = tmp_path / "blank.xml"
    path.write_bytes(b"  \n\n")
    with pytest.raises(InputError, match="the input is empty"):
        read_input(str(path))


def test_a_dita_maps_titles_are_its_table_of_contents():
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE map PUBLIC "-//OASIS//DTD DITA Map//EN" "map.dtd">
<map xml:lang="en-US">
  <title>User Guide</title>
  <topicref href="install.dita" navtitle="Installing"/>
  <topicref href="use.dita"><topicmeta><navtitle>Using the program</navtitle></topicmeta></topicref>
</map>"""
    assert blocks_of(data, "guide.ditamap") == [("line 4", "User Guide", False), ("line 5", "Installing", True),
                                                ("line 6", "Using the program", True)]


def test_every_prefix_of_a_real_file_reads_or_is_one_clear_error():
    data = (DATA / "kcalc_commands_fr.docbook").read_bytes()
    for end in range(0, len(data), 61):
        try:
            XmlDocumentReader().blocks(data[:end], "cut.docbook")
        except InputError as error:
            assert ("cannot be read as an XML document" in str(error) or (end == 0 and "empty" in str(error))) \
                and "\n" not in str(error)


@pytest.mark.parametrize("encoding", ["shift_jis", "euc-jp", "big5", "gbk", "windows-1251", "utf-16"])
def test_a_document_in_its_declared_code_page_is_read(encoding):
    # Expat reads no code page of several bytes a character: a Japanese DocBook in Shift_JIS ended
    # in pyexpat's ValueError ("multi-byte encodings are not supported"), a traceback.
    text = {"big5": "中文說明。", "gbk": "中文说明。", "windows-1251": "Описание."}.get(encoding, "日本語の説明。")
    data = f'<?xml version="1.0" encoding="{encoding}"?>\n<doc>\n<p>{text} &amp; &product;</p></doc>'.encode(encoding)
    assert blocks_of(data) == [("line 3", f"{text} & &product;", False)]


def test_an_encoding_no_one_knows_is_one_line():
    # Found by fuzzing: pyexpat's LookupError ("unknown encoding: UTF-j") was a traceback.
    with pytest.raises(InputError, match="unknown encoding: UTF-j"):
        XmlDocumentReader().blocks(b'<?xml version="1.0" encoding="UTF-j"?>\n<doc><p>A</p></doc>', "x.xml")


def test_bytes_not_in_the_declared_code_page_are_one_line():
    with pytest.raises(InputError, match="not in the encoding it declares, shift_jis"):
        XmlDocumentReader().blocks(b'<?xml version="1.0" encoding="shift_jis"?>\n<doc><p>\xff\xfe</p></doc>', "x.xml")


def test_utf16_and_deep_nesting_and_a_large_file():
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<doc><p>Größe</p></doc>'
    assert blocks_of(text.encode("utf-16")) == [("line 2", "Größe", False)]
    depth = 100_000
    deep = b"<?xml version='1.0'?>" + b"<div>" * depth + b"<p>deep text</p>" + b"</div>" * depth
    try:
        assert [text for _line, text, _f in blocks_of(deep)] == ["deep text"]
    except InputError as error:
        assert "nest too deep" in str(error)
    large = b"<?xml version='1.0'?><doc>" + b"<p>A sentence <b>with</b> words &amp; more.</p>\n" * 100_000 + b"</doc>"
    start = time.perf_counter()
    assert len(blocks_of(large)) == 100_000
    assert time.perf_counter() - start < 30
