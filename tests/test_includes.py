"""Text a document takes from other files, read in place: a DocBook book's external entities and
XIncludes, a DITA topic's conrefs, a LaTeX book's \\input and \\include, a reStructuredText and an
AsciiDoc `include`. Before, each was named in a warning and its text was not read: KCalc's manual
had no chapter of commands, lshort (a book of \\input's) read as no text at all.

Each included block is located by its file and line ("commands.docbook, line 3"), and an include
that cannot be followed (missing, a URL, a cycle, read from stdin) is named in one warning. The
fixtures of tests/data/includes are real documents, trimmed; its README says where each is from."""
from __future__ import annotations

import json
import logging

import pytest
import subprocess
import sys
from pathlib import Path

from conftest import assert_every_sentence_once, json_report_of

from align.documents import load_sentences
from align.readers.asciidoc import AsciidocReader
from align.readers.latex import LatexReader
from align.readers.rst import RstReader
from align.readers.xml_document import XmlDocumentReader
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "includes"


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          timeout=600, input=stdin)


def xml_blocks(path: Path):
    return [(b.locator, b.text, b.furniture) for b in XmlDocumentReader().blocks(path.read_bytes(), str(path))]


# ------------------------------------------------------------------------------ XML documents


def test_a_docbook_books_chapter_in_an_external_entity_is_read_in_place_located_by_its_file():
    found = xml_blocks(DATA / "kcalc" / "en" / "index.docbook")
    texts = [text for _where, text, _furniture in found]
    assert "&commands;" not in texts  # the stub that stood for the whole chapter
    assert ("commands.docbook, line 3", "Command Reference", False) in found
    assert ("commands.docbook, line 16", "Display Pi, Euler Number or Golden Ratio.", False) in found
    # The book's own text before it, at its own lines, and the chapter after it in reading order.
    assert found[0] == ("line 10", "Introduction", False)
    first_included = next(k for k, (where, _t, _f) in enumerate(found) if where.startswith("commands.docbook"))
    assert all(not where.startswith("commands.docbook") for where, _t, _f in found[:first_included])
    assert all(where.startswith("commands.docbook") for where, _t, _f in found[first_included:])


def test_align_pair_of_a_docbook_book_and_its_translation_reads_both_included_chapters():
    report, _stderr = json_report_of(DATA / "kcalc" / "en" / "index.docbook", DATA / "kcalc" / "fr" / "index.docbook")
    assert_every_sentence_once(report)
    for side in ("source", "target"):
        sentences = report[side]["sentences"]
        included = [s for s in sentences if s["locator"].startswith("commands.docbook, line ")]
        assert len(included) >= 25  # the chapter of commands, sentence by sentence
        assert not any("&commands;" in s["text"] for s in sentences)
    pairs = {(report["source"]["sentences"][b["src"][0]]["locator"], report["target"]["sentences"][b["tgt"][0]]["locator"])
             for b in report["beads"] if b["src"] and b["tgt"]}
    assert ("commands.docbook, line 3", "commands.docbook, line 4") in pairs  # "Command Reference"
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition")]


def included_sentences():
    raw = read_input(str(DATA / "lshort" / "en" / "lshort.tex"))
    return {s.text[:20]: s.locator for s in load_sentences(raw, load_segmenter("auto"))}


def test_a_sentence_of_an_included_wrapped_paragraph_is_at_its_own_line_of_its_file():
    # things.tex, lines 8-11: "The first part ... The second part focuses ... After reading ...", one
    # paragraph: each sentence at its own line of things.tex, not of lshort.tex nor the paragraph's.
    located = included_sentences()
    assert (located["The second part focu"], located["After reading this c"]) == \
        ("things.tex, line 9", "things.tex, line 11")


def test_a_mallard_pages_xincluded_licence_is_read_as_boilerplate_at_its_file():
    found = xml_blocks(DATA / "mallard" / "fr" / "index.page")
    licence = [(where, text, furniture) for where, text, furniture in found if where.startswith("legal.xml")]
    assert licence == [
        ("legal.xml, line 3", "Cette œuvre est sous licence Licence Creative Commons Paternité-Partage dans les "
                              "conditions Identiques à l’Initiale 3.0 non transposée.", True),
        ("legal.xml, line 4", "Exceptionnellement, les propriétaires du copyright vous donnent la permission de "
                              "copier, modifier et distribuer le code exemple contenu dans ce document sous les "
                              "termes de votre choix, sans restriction.", True)]


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_xinclude_reads_text_parts_pointed_elements_and_fallbacks_and_names_what_it_cannot(tmp_path, caplog):
    write(tmp_path, {
        "book.xml": """<?xml version="1.0"?>
<book xmlns:xi="http://www.w3.org/2001/XInclude">
<title>Guide</title>
<xi:include href="parts/ch1.xml"/>
<programlisting><xi:include href="parts/example.sh" parse="text"/></programlisting>
<xi:include href="parts/shared.xml" xpointer="warning"/>
<xi:include href="parts/gone.xml"><xi:fallback><para>The part is missing.</para></xi:fallback></xi:include>
<xi:include href="https://example.org/remote.xml"/>
<xi:include href="book.xml"/>
</book>
""",
        "parts/ch1.xml": """<chapter><title>Chapter one</title>
<para>A sentence of chapter one.</para>
<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="ch1.xml"/>
</chapter>
""",
        "parts/example.sh": "tally --count\n",
        "parts/shared.xml": """<?xml version="1.0"?>
<shared><para id="tip">Not this one.</para>
<warning id="warning"><para>Save your work first.</para></warning></shared>
""",
    })
    with caplog.at_level(logging.WARNING, logger="align"):
        found = xml_blocks(tmp_path / "book.xml")
    assert found == [
        ("line 3", "Guide", False),
        ("parts/ch1.xml, line 1", "Chapter one", False),
        ("parts/ch1.xml, line 2", "A sentence of chapter one.", False),
        ("parts/example.sh, line 1", "tally --count", True),  # code, as the listing it stands in
        ("parts/shared.xml, line 3", "Save your work first.", False),
        ("line 7", "The part is missing.", False)]
    warning = caplog.text
    assert "parts/gone.xml: no such file; its fallback read" in warning
    assert "https://example.org/remote.xml: a URL, never fetched" in warning
    assert "ch1.xml: it includes itself (a cycle)" in warning and "book.xml: it includes itself" in warning


def test_dita_conrefs_take_the_content_of_another_topics_element_and_of_their_own(tmp_path, caplog):
    write(tmp_path, {
        "install.dita": """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA Task//EN" "task.dtd">
<task id="install" xml:lang="en"><title>Installing</title>
<taskbody><context><p id="why">You need an account.</p>
<note conref="shared/notes.dita#notes/backup"/>
<p conref="#install/why"/>
<p conref="shared/notes.dita#notes/nothing"/>
<p><ph keyref="product"/> is ready.</p></context></taskbody></task>
""",
        "shared/notes.dita": """<?xml version="1.0" encoding="UTF-8"?>
<topic id="notes"><title>Shared notes</title><body>
<note id="backup">Back up
your data first.</note>
</body></topic>
""",
    })
    with caplog.at_level(logging.WARNING, logger="align"):
        found = xml_blocks(tmp_path / "install.dita")
    assert found == [
        ("line 3", "Installing", False),
        ("line 4", "You need an account.", False),
        ("shared/notes.dita, line 3", "Back up your data first.", False),
        ("line 4", "You need an account.", False),  # the text is the referenced element's, where it is written
        ("line 8", "is ready.", False)]
    assert "1 part included from other files not read (give those files too): shared/notes.dita#notes/nothing " \
           "(it names no element of that file)" in caplog.text
    assert "1 key reference not read, no DITA map beside it defines it: product" in caplog.text


def test_dita_key_references_read_as_the_map_beside_the_topics_defines_them(tmp_path, caplog):
    write(tmp_path, {
        "guide.ditamap": """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE map PUBLIC "-//OASIS//DTD DITA Map//EN" "map.dtd">
<map><title>Guide</title>
<keydef keys="product"><topicmeta><keywords><keyword>Tally Pro</keyword></keywords></topicmeta></keydef>
<keydef keys="shared" href="common/notes.dita"/>
<topicref href="topics/install.dita"/>
</map>
""",
        "topics/install.dita": """<?xml version="1.0" encoding="UTF-8"?>
<topic id="install"><title>Installing <ph keyref="product"/></title><body>
<p><ph keyref="product"/> needs an account.</p>
<note conkeyref="shared/backup"/>
<p><ph keyref="nowhere"/> stays.</p>
</body></topic>
""",
        "common/notes.dita": """<?xml version="1.0" encoding="UTF-8"?>
<topic id="notes"><title>Notes</title><body><note id="backup">Back up your data first.</note></body></topic>
""",
    })
    with caplog.at_level(logging.WARNING, logger="align"):
        found = xml_blocks(tmp_path / "topics" / "install.dita")
    assert found == [
        ("line 2", "Installing Tally Pro", False),
        ("line 3", "Tally Pro needs an account.", False),
        ("../common/notes.dita, line 2", "Back up your data first.", False),
        ("line 5", "stays.", False)]
    assert "1 key reference not read, no DITA map beside it defines it: nowhere" in caplog.text


def test_dita_keys_a_submap_of_a_submap_defines_are_read_as_the_root_map_gives_them(caplog):
    # Before: the maps beside the topic (topics/installing.ditamap) and above it (userguide.ditamap)
    # define no key themselves: "3 key references not read", the step and the version lost.
    with caplog.at_level(logging.WARNING, logger="align"):
        found = xml_blocks(DATA / "dita-ot" / "en" / "topics" / "determining-version-of-ditaot.dita")
    assert ("../resources/conref-task.dita, line 18", "Open a command prompt or terminal session.", False) in found
    assert ("../resources/conref-task.dita, line 12", "dita --version", True) in found
    assert ("line 40", "DITA-OT version 4.4.1", True) in found
    assert "key reference" not in caplog.text


def test_align_pair_of_a_dita_topic_and_its_translation_reads_the_step_their_keys_bring():
    report, stderr = json_report_of(DATA / "dita-ot" / "en" / "topics" / "determining-version-of-ditaot.dita",
                                    DATA / "dita-ot" / "fr" / "topics" / "determining-version-of-ditaot.dita")
    assert_every_sentence_once(report)
    assert "key reference" not in stderr
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    step = next(k for k, s in enumerate(source) if s["text"] == "Open a command prompt or terminal session.")
    [bead] = [bead for bead in report["beads"] if step in bead["src"]]
    assert [target[k]["text"] for k in bead["tgt"]] == ["Ouvrez une invite de commandes ou une session de terminal."]
    assert not [f for f in report["findings"] if f["type"] in ("omission", "addition")]



def test_dita_keys_defined_through_other_keys_and_links_to_a_keys_topic_read_as_dita_ot_writes_them(tmp_path):
    # As DITA-OT's own docs (github.com/dita-ot/docs, parameters/parameters.ditamap) define
    # "dita-ot-params": a topicref with keys and a keyref, holding the topicrefs of its children.
    # Before: "Like the generated HTML Help topics" (its sixth child's navtitle), "Use" (a key defined
    # through another read as nothing) and "See for details." (the key's topic's title not read).
    write(tmp_path, {
        "userguide.ditamap": """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE map PUBLIC "-//OASIS//DTD DITA Map//EN" "map.dtd">
<map><title>Guide</title>
  <keydef keys="parameters_intro" href="parameters/parameters_intro.dita"/>
  <keydef keys="parameters-htmlhelp" href="parameters/parameters-htmlhelp.dita"/>
  <keydef keys="tool-name"><topicmeta><keywords><keyword>DITA-OT</keyword></keywords></topicmeta></keydef>
  <keydef keys="tool" keyref="tool-name"/>
  <topicref keyref="parameters_intro" keys="dita-ot-params">
    <topicref keyref="parameters-htmlhelp" locktitle="yes" platform="windows">
      <topicmeta>
        <navtitle>HTML Help</navtitle>
      </topicmeta>
    </topicref>
  </topicref>
  <topicref href="release-notes/rel2.4.dita"/>
</map>
""",
        "parameters/parameters_intro.dita": """<?xml version="1.0" encoding="UTF-8"?>
<reference id="parameters_intro"><title>DITA-OT parameters</title><refbody/></reference>
""",
        "release-notes/rel2.4.dita": """<?xml version="1.0" encoding="UTF-8"?>
<topic id="rel"><title>Release 2.4</title><body>
<p>Like the generated <xref keyref="dita-ot-params"/> topics.</p>
<p>Use <ph keyref="tool"/>. See <xref keyref="parameters_intro"/> for details.</p>
</body></topic>
""",
    })
    assert [text for _where, text, _f in xml_blocks(tmp_path / "release-notes" / "rel2.4.dita")] == [
        "Release 2.4", "Like the generated DITA-OT parameters topics.",
        "Use DITA-OT. See DITA-OT parameters for details."]




def test_dita_keys_of_a_peer_map_are_read_through_the_key_scope_that_names_it(tmp_path):
    # DITA 1.3's cross-deliverable links: a peer map (another deliverable) named with a keyscope gives
    # its keys as "scope.key" (one named without gives none). Before: "See for setup.", "Works with .".
    # The topic beside its map: the other deliverable is then in the folder above it, which is read.
    write(tmp_path, {
        "productA/a.ditamap": '<map><title>Product A</title><mapref href="../productB/b.ditamap" scope="peer" '
                              'keyscope="prodB"/><mapref href="../productC/c.ditamap" scope="peer"/>'
                              '<topicref href="intro.dita"/></map>',
        "productA/intro.dita": '<topic id="intro"><title>Product A</title><body>'
                                      '<p>See <xref keyref="prodB.setup"/> for setup.</p>'
                                      '<p>Works with <ph keyref="prodB.name"/>.</p></body></topic>',
        "productB/b.ditamap": '<map><keydef keys="setup" href="topics/setup.dita"/><keydef keys="name">'
                              '<topicmeta><keywords><keyword>Product B</keyword></keywords></topicmeta></keydef></map>',
        "productB/topics/setup.dita": '<topic id="setup"><title>Setting up Product B</title><body/></topic>',
        "productC/c.ditamap": '<map><keydef keys="other"><topicmeta><keywords><keyword>C</keyword></keywords>'
                              '</topicmeta></keydef></map>',
    })
    assert [text for _where, text, _f in xml_blocks(tmp_path / "productA" / "intro.dita")] == [
        "Product A", "See Setting up Product B for setup.", "Works with Product B."]


# DITA-OT's topics/using-dita-command.dita (github.com/dita-ot/docs, Apache-2.0), cut to its title,
# context and one step, and its filter file resources/novice.ditaval, put beside it as `dita --filter` takes it.
USING_DITA_COMMAND = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE task PUBLIC "-//OASIS//DTD DITA General Task//EN" "generaltask.dtd">
<task id="using-command-line-tool">
  <title>
    <ph audience="novice">First build with the <cmdname>dita</cmdname> command</ph>
    <ph audience="expert">Publishing with the <cmdname>dita</cmdname> command</ph>
  </title>
  <taskbody>
    <context audience="novice">
      <p>The DITA-OT client is a command-line tool with no graphical user interface.</p></context>
    <steps>
      <step>
        <cmd>At the command-line prompt, enter the following command:</cmd>
        <info>
          <p audience="expert">where:</p>
          <p audience="novice expert">Run it from the <filepath>docsrc/samples</filepath> folder.</p>
        </info>
      </step>
    </steps>
  </taskbody>
</task>
"""
NOVICE_DITAVAL = """<?xml version="1.0" encoding="UTF-8"?>
<val>
  <prop action="include" att="audience" val="novice"/>
  <prop action="exclude" att="audience" val="expert"/>
</val>
"""


def test_a_dita_topic_is_read_as_the_ditaval_filter_file_beside_it_publishes_it(tmp_path, caplog):
    # Before: the title was "First build with the dita command Publishing with the dita command",
    # and the expert's "where:" read too.
    write(tmp_path, {"topics/using-dita-command.dita": USING_DITA_COMMAND, "novice.ditaval": NOVICE_DITAVAL})
    with caplog.at_level(logging.WARNING, logger="align"):
        found = [text for _where, text, _f in xml_blocks(tmp_path / "topics" / "using-dita-command.dita")]
    assert found == ["First build with the dita command",
                     "The DITA-OT client is a command-line tool with no graphical user interface.",
                     "At the command-line prompt, enter the following command:",
                     "Run it from the docsrc/samples folder."]  # one of its audiences is not excluded
    assert "2 elements left out as its filter file ../novice.ditaval excludes them" in caplog.text


def test_a_dita_topic_with_several_filter_files_beside_it_is_read_whole_and_says_so(tmp_path, caplog):
    write(tmp_path, {"topics/using-dita-command.dita": USING_DITA_COMMAND, "novice.ditaval": NOVICE_DITAVAL,
                     "expert.ditaval": NOVICE_DITAVAL.replace("novice", "x").replace("expert", "novice")})
    with caplog.at_level(logging.WARNING, logger="align"):
        found = [text for _where, text, _f in xml_blocks(tmp_path / "topics" / "using-dita-command.dita")]
    assert found[0] == "First build with the dita command Publishing with the dita command"
    assert "where:" in found
    assert "2 DITAVAL filter files beside it (../expert.ditaval, ../novice.ditaval)" in caplog.text


def keyword_keydef(keys: str, text: str) -> str:
    return f'<keydef keys="{keys}"><topicmeta><keywords><keyword>{text}</keyword></keywords></topicmeta></keydef>'


def topic_of_keys(*keys: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<topic id="t"><title>Keys</title><body>\n'
            + "".join(f'<p>{key}: <keyword keyref="{key}"/></p>\n' for key in keys) + "</body></topic>\n")


def resolved(path: Path) -> dict[str, str]:
    return dict(text.split(": ", 1) for _where, text, _f in xml_blocks(path)[1:] if ": " in text)


def test_dita_keys_of_several_maps_take_the_first_definition_breadth_first(tmp_path):
    # DITA 1.3, 2.3.4.10.2: the root map's key before its submaps', the first submap's before the second's.
    write(tmp_path, {
        "root.ditamap": f'<map>{keyword_keydef("toner-specs", "type A specs")}<mapref href="maps/submap-01.ditamap"/>'
                        '<mapref href="maps/submap-02.ditamap"/><topicref href="topics/toner.dita"/></map>',
        "maps/submap-01.ditamap": f'<map>{keyword_keydef("toner-specs", "type B specs")}'
                                  f'{keyword_keydef("toner-handling", "type B handling")}</map>',
        "maps/submap-02.ditamap": f'<map>{keyword_keydef("toner-specs", "type C specs")}'
                                  f'{keyword_keydef("toner-handling", "type C handling")}'
                                  f'{keyword_keydef("toner-disposal", "type C disposal")}</map>',
        "topics/toner.dita": topic_of_keys("toner-specs", "toner-handling", "toner-disposal"),
    })
    assert resolved(tmp_path / "topics" / "toner.dita") == {
        "toner-specs": "type A specs", "toner-handling": "type B handling", "toner-disposal": "type C disposal"}


def test_dita_key_scopes_resolve_a_topics_keys_in_the_scope_the_map_reads_it_in(tmp_path):
    # DITA 1.3, 2.3.4.10.8 (nested scopes) and 2.3.4.10.9 (a scope-qualified key's place), each key's
    # text saying which definition it is; the topics are read in scopes B (named there by a key the
    # root scope defines) and A-2.
    write(tmp_path, {
        "root.ditamap": '<map><keydef keys="in-b" href="topics/in-b.dita"/>' + keyword_keydef("a", "root a")
                        + '<topicgroup keyscope="A">' + keyword_keydef("b", "A b")
                        + '<topicgroup keyscope="A-1">' + keyword_keydef("c", "A-1 c") + "</topicgroup>"
                        + '<topicgroup keyscope="A-2">' + keyword_keydef("d", "A-2 d")
                        + '<topicref href="topics/in-a2.dita"/></topicgroup></topicgroup>'
                        + '<topicgroup keyscope="B">' + keyword_keydef("a", "B a") + keyword_keydef("e", "B e")
                        + '<topicgroup keyscope="B-1">' + keyword_keydef("f", "B-1 f") + "</topicgroup>"
                        + '<topicref keyref="in-b"/></topicgroup>'
                        + '<mapref href="maps/sub.ditamap" keyscope="scopeName"/>'
                        + keyword_keydef("scopeName.sample", "losing key") + "</map>",
        "maps/sub.ditamap": '<map keyscope="otherName">' + keyword_keydef("sample", "winning key") + "</map>",
        "topics/in-b.dita": topic_of_keys("a", "e", "B-1.f", "f", "A.b", "A.A-1.c", "scopeName.sample",
                                          "otherName.sample"),
        "topics/in-a2.dita": topic_of_keys("d", "b", "a", "A-1.c", "e", "B.e"),
    })
    # The root scope's "a" overrides B's; a child scope's keys only by its name; a mapref's scope is
    # also named as its submap's root names it, and its keys stand where the mapref does.
    assert resolved(tmp_path / "topics" / "in-b.dita") == {
        "a": "root a", "e": "B e", "B-1.f": "B-1 f", "A.b": "A b", "A.A-1.c": "A-1 c",
        "scopeName.sample": "winning key", "otherName.sample": "winning key"}
    assert resolved(tmp_path / "topics" / "in-a2.dita") == {"d": "A-2 d", "b": "A b", "a": "root a",
                                                             "A-1.c": "A-1 c", "B.e": "B e"}


def test_an_external_entitys_damaged_file_is_read_up_to_its_fault_and_named(tmp_path, caplog):
    write(tmp_path, {
        "book.xml": '<?xml version="1.0"?>\n<!DOCTYPE book [<!ENTITY ch SYSTEM "ch.xml">]>\n'
                    "<book><title>Guide</title>\n&ch;\n<para>After the chapter.</para></book>\n",
        "ch.xml": "<chapter><title>Cut</title><para>Its text",
    })
    with caplog.at_level(logging.WARNING, logger="align"):
        found = xml_blocks(tmp_path / "book.xml")
    assert ("line 5", "After the chapter.", False) in found
    assert "&ch; (ch.xml) is another file, not read (not well-formed from its line 1" in caplog.text


def test_read_from_stdin_a_document_follows_no_include_and_says_so():
    data = (DATA / "kcalc" / "en" / "index.docbook").read_bytes()
    done = cli("pair", "-", DATA / "kcalc" / "fr" / "index.docbook", "--format", "json", stdin=data.decode())
    assert done.returncode in (0, 1), done.stderr
    assert "<stdin>: the external entity &commands; (commands.docbook) is another file, not read (read from " \
           "stdin, there is no folder to find it in)" in done.stderr
    report = json.loads(done.stdout)
    assert not any(s["locator"].startswith("commands.docbook") for s in report["source"]["sentences"])


def test_an_include_reaching_outside_the_folder_above_the_document_is_not_read(tmp_path, caplog):
    inner = tmp_path / "a" / "b"
    write(tmp_path, {"secret.xml": "<p>Not for the report.</p>",
                     "a/b/doc.xml": '<?xml version="1.0"?>\n<doc xmlns:xi="http://www.w3.org/2001/XInclude">'
                                    '<p>Text.</p><xi:include href="../../secret.xml"/></doc>\n'})
    with caplog.at_level(logging.WARNING, logger="align"):
        assert xml_blocks(inner / "doc.xml") == [("line 2", "Text.", False)]
    assert "../../secret.xml (outside the document's folder)" in caplog.text


# ------------------------------------------------------------------------------ LaTeX


def test_a_latex_book_of_inputs_and_includes_is_read_through_them():
    found = [(b.locator, b.text, b.furniture) for b in
             LatexReader().blocks((DATA / "lshort" / "en" / "lshort.tex").read_text(), str(DATA / "lshort" / "en" / "lshort.tex"))]
    assert ("title.tex, line 17", "The Not So Short\nIntroduction to LaTeX2ε", False) in found
    assert ("things.tex, line 6", "Things You Need to Know", False) in found
    assert not any(where.startswith(("preamble.tex", "line ")) for where, _t, _f in found)  # no text of their own
    assert [where.split(",")[0] for where, _t, _f in found] == sorted(
        (where.split(",")[0] for where, _t, _f in found), key=["title.tex", "things.tex"].index)


def test_align_pair_of_a_latex_book_and_its_translation_through_their_includes():
    # Before: "lshort.tex: the latex file holds no text to align", exit code 2.
    report, stderr = json_report_of(DATA / "lshort" / "en" / "lshort.tex", DATA / "lshort" / "fr" / "lshort.tex")
    assert_every_sentence_once(report)
    assert "not read" not in stderr
    for side in ("source", "target"):
        sentences = report[side]["sentences"]
        assert sum(s["locator"].startswith("things.tex, line ") for s in sentences) >= 10
    french = [s["text"] for s in report["target"]["sentences"]]
    assert any("é" in text for text in french)  # things.tex in ISO-8859-1, read as such


def test_a_latex_include_missing_or_of_itself_is_named_once(tmp_path, caplog):
    write(tmp_path, {"book.tex": "\\documentclass{book}\n\\begin{document}\n\\chapter{One}\nText.\n"
                                 "\\input{missing}\n\\include{book}\n\\input{parts/two}\n\\input{plot.pgf}\n"
                                 "\\end{document}\n",
                     "parts/two.tex": "Second \\emph{file}.\n",
                     "plot.pgf": "\\pgfpathmoveto{\\pgfqpoint{1.0in}{2.0in}}\n"})
    with caplog.at_level(logging.WARNING, logger="align"):
        found = LatexReader().blocks((tmp_path / "book.tex").read_text(), str(tmp_path / "book.tex"))
    assert [(b.locator, b.text) for b in found] == [("line 3", "One"), ("line 4", "Text."),
                                                   ("parts/two.tex, line 1", "Second file.")]
    assert caplog.text.count("not read") == 1
    assert "missing, book, plot.pgf (missing: no such file; book: it includes itself (a cycle); plot.pgf: no LaTeX " \
           "text (.pgf))" in caplog.text


# A paper whose figures its scripts write to files, \\input in the middle of its sentences.
PAPER = {
    "en": ("Results", "The model reaches an accuracy of \\input{results/accuracy}\\% on the test set, against "
           "\\input{results/baseline}\\%\nfor the baseline.\n\nIt was trained on \\input{results/hours} hours of speech.",
           ("93.4%\n", "88.1\n", "120\n")),
    "fr": ("Résultats", "Le modèle atteint une exactitude de \\input{results/accuracy}\\,\\% sur le jeu de test, contre "
           "\\input{results/baseline}\\,\\%\npour le modèle de référence.\n\nIl a été entraîné sur "
           "\\input{results/hours} heures de parole.", ("93,4%\n", "88,1\n", "210\n")),
}


def latex_paper(folder: Path, lang: str) -> Path:
    title, body, (accuracy, baseline, hours) = PAPER[lang]
    write(folder, {"paper.tex": f"\\documentclass{{article}}\n\\begin{{document}}\n\\section{{{title}}}\n{body}\n"
                                "\\end{document}\n",
                   "results/accuracy.tex": accuracy, "results/baseline.tex": baseline, "results/hours.tex": hours})
    return folder / "paper.tex"


def test_a_latex_input_inside_a_sentence_is_typeset_into_it(tmp_path):
    # Before: "The model reaches an accuracy of" / "93.4" (results/accuracy.tex) / "% on the test set, ...".
    paper = latex_paper(tmp_path, "en")
    found = [(b.locator, b.text) for b in LatexReader().blocks(paper.read_text(), str(paper))]
    assert found == [("line 3", "Results"),
                     ("line 4", "The model reaches an accuracy of 93.4% on the test set, against 88.1 % for the baseline."),
                     ("line 7", "It was trained on 120 hours of speech.")]


def test_align_pair_of_two_papers_finds_the_changed_figure_an_input_puts_in_a_sentence(tmp_path):
    report, _stderr = json_report_of(latex_paper(tmp_path / "en", "en"), latex_paper(tmp_path / "fr", "fr"))
    assert_every_sentence_once(report)
    assert len(report["source"]["sentences"]) == len(report["target"]["sentences"]) == 3
    [finding] = report["findings"]
    assert finding["type"] == "fact_mismatch"
    assert [report["source"]["sentences"][k]["text"] for k in finding["src"]] == ["It was trained on 120 hours of speech."]
    assert (finding["details"]["src_value"], finding["details"]["tgt_value"]) == ("120", "210")


def test_a_latex_book_whose_begin_document_is_in_no_file_it_finds_is_read_whole(tmp_path):
    write(tmp_path, {"book.tex": "\\documentclass{book}\n\\input{gone}\nA sentence read.\n"})
    found = LatexReader().blocks((tmp_path / "book.tex").read_text(), str(tmp_path / "book.tex"))
    assert [(b.locator, b.text) for b in found] == [("line 3", "A sentence read.")]


# ------------------------------------------------------------------------------ reStructuredText, AsciiDoc


def test_a_restructuredtext_include_is_read_in_place_located_by_its_file():
    path = DATA / "cmake" / "prop_tgt" / "COMPILE_OPTIONS.rst"
    found = [(b.locator, b.text, b.furniture) for b in RstReader().blocks(path.read_text(), str(path))]
    assert found[0] == ("line 1", "COMPILE_OPTIONS", False)
    assert ("../command/OPTIONS_SHELL.txt, line 1", "Option De-duplication", False) in found
    assert ("../command/OPTIONS_SHELL.txt, line 4", "The final set of options used for a target is constructed by "
            "accumulating options from the current target and the usage requirements of its dependencies. The set "
            "of options is de-duplicated to avoid repetition.", False) in found


def test_restructuredtext_include_options_select_lines_and_literal_files_are_code(tmp_path, caplog):
    write(tmp_path, {"index.rst": "Guide\n=====\n\n.. include:: README.rst\n   :start-after: start-here\n"
                                  "   :end-before: end-here\n\n.. literalinclude:: example.py\n\n"
                                  ".. include:: missing.rst\n\nClosing.\n",
                     "README.rst": "Not this.\n\n.. start-here\n\nThis part is shown.\n\n.. end-here\n\nNor this.\n",
                     "example.py": "print('hi')\n"})
    with caplog.at_level(logging.WARNING, logger="align"):
        found = RstReader().blocks((tmp_path / "index.rst").read_text(), str(tmp_path / "index.rst"))
    assert [(b.locator, b.text, b.furniture) for b in found] == [
        ("line 1", "Guide", False), ("README.rst, line 5", "This part is shown.", False),
        ("example.py, line 1", "print('hi')", True), ("line 12", "Closing.", False)]
    assert "1 included file not followed (missing.rst): no such file" in caplog.text


# A Sphinx project as MinIO's and MongoDB's documentation are laid out: conf.py in the source folder,
# the snippets every page shares in /includes, pages two folders down naming them from the root.
SPHINX_PAGES = {
    "en": ("Set a bucket policy.", "Where the command is run from, and as which user.",
           "ALIAS is the alias of a configured MinIO deployment.", "The command prints the policy."),
    "fr": ("Définir la politique d'un bucket.", "D'où la commande est lancée, et sous quel utilisateur.",
           "ALIAS est l'alias d'un déploiement MinIO configuré.", "La commande affiche la politique."),
}


def sphinx_project(folder: Path, lang: str) -> Path:
    title, shared, alias, closing = SPHINX_PAGES[lang]
    write(folder, {
        "conf.py": f"project = 'MinIO'\nlanguage = '{lang}'\nextensions = ['sphinx.ext.intersphinx']\n",
        "includes/common-minio-mc.rst": f"Not this.\n\n.. start-minio-syntax\n\n{alias}\n\n"
                                        ".. end-minio-syntax\n\nNor this.\n",
        "includes/fact-context.rst": f"{shared}\n",
        "reference/mc/mc-policy-get.rst": f"mc policy get\n=============\n\n{title}\n\n"
                                          ".. include:: /includes/fact-context.rst\n\n"
                                          ".. include:: /includes/common-minio-mc.rst\n"
                                          "   :start-after: start-minio-syntax\n   :end-before: end-minio-syntax\n\n"
                                          f"{closing}\n"})
    return folder / "reference" / "mc" / "mc-policy-get.rst"


def test_a_sphinx_include_from_the_source_root_is_read_from_the_folder_of_conf_py(tmp_path, caplog):
    page = sphinx_project(tmp_path / "docs" / "en", "en")
    with caplog.at_level(logging.WARNING, logger="align"):
        found = [(b.locator, b.text) for b in RstReader().blocks(page.read_text(), str(page))]
    assert found == [("line 1", "mc policy get"), ("line 4", "Set a bucket policy."),
                     ("../../includes/fact-context.rst, line 1", "Where the command is run from, and as which user."),
                     ("../../includes/common-minio-mc.rst, line 5", "ALIAS is the alias of a configured MinIO deployment."),
                     ("line 12", "The command prints the policy.")]
    assert "not followed" not in caplog.text


def test_align_pair_of_two_sphinx_pages_reads_the_snippets_both_take_from_their_roots(tmp_path):
    report, stderr = json_report_of(sphinx_project(tmp_path / "en", "en"), sphinx_project(tmp_path / "fr", "fr"))
    assert_every_sentence_once(report)
    assert "not followed" not in stderr
    for side in ("source", "target"):
        assert [s["locator"].split(",")[0] for s in report[side]["sentences"]][2:4] == [
            "../../includes/fact-context.rst", "../../includes/common-minio-mc.rst"]
    assert not report["findings"]


def test_a_path_from_the_root_reads_nothing_outside_the_sphinx_project_nor_without_one(tmp_path, caplog):
    write(tmp_path, {"secret.rst": "Not for the report.\n",
                     "project/conf.py": "project = 'P'\n",
                     "project/guide/page.rst": "Text.\n\n.. include:: /../secret.rst\n\n"
                                               ".. include:: /etc/hostname\n",
                     "loose/guide/page.rst": "Text.\n\n.. include:: /includes/note.rst\n",
                     "loose/includes/note.rst": "Not a Sphinx project: no root to take it from.\n"})
    with caplog.at_level(logging.WARNING, logger="align"):
        for page in (tmp_path / "project" / "guide" / "page.rst", tmp_path / "loose" / "guide" / "page.rst"):
            assert [b.text for b in RstReader().blocks(page.read_text(), str(page))] == ["Text."]
    assert "(/../secret.rst, /etc/hostname): /../secret.rst: outside the document's folder; /etc/hostname: no such " \
           "file" in caplog.text
    assert "(/includes/note.rst): a path from a Sphinx project's folder, and no conf.py above the document" \
        in caplog.text



def test_substitutions_a_sphinx_conf_py_gives_every_page_are_read_as_the_page_shows_them(tmp_path):
    # Sphinx's own test root tests/roots/test-intl_substitution_definitions (sphinx 9.0.4, BSD), and an
    # rst_epilog that includes the project's substitutions file, as Univention's and nRF Connect's do.
    # Before: "This is content that contains |subst_prolog_1|." and "|ucs| 5.0 is out.".
    write(tmp_path, {
        "conf.py": 'exclude_patterns = [\'_build\']\n\nrst_prolog = """\\\n'
                   '.. |subst_prolog_1| replace:: prologue substitute text\n\n.. |subst_prolog_2| image:: /img.png\n"""\n\n'
                   'rst_epilog = """\\\n.. |subst_epilog_1| replace:: epilogue substitute text\n\n'
                   '.. include:: /substitutions.txt\n"""\nversion = __import__("os").getenv("V")\nrelease = "5.0-2"\n',
        "substitutions.txt": ".. |ucs| replace:: Univention Corporate Server\n",
        "guide/page.rst": "Prologue and epilogue\n=====================\n\n"
                          "This is content that contains |subst_prolog_1|.\n\n"
                          "Substituted image |subst_prolog_2| here.\n\n"
                          "This is content that contains |subst_epilog_1|.\n\n"
                          "|ucs| |release| is out, version |version|.\n",
    })
    page = tmp_path / "guide" / "page.rst"
    found = [b.text for b in RstReader().blocks(page.read_text(), str(page)) if not b.furniture]
    assert found == ["Prologue and epilogue", "This is content that contains prologue substitute text.",
                     "Substituted image here.", "This is content that contains epilogue substitute text.",
                     "Univention Corporate Server 5.0-2 is out, version |version|."]  # computed: not known


@pytest.mark.parametrize("chain", ["1 + " * 200_000 + "1", "-" * 200_000 + "1"])
def test_a_conf_py_the_parser_cannot_hold_leaves_the_page_read(tmp_path, chain):
    """A review: a conf.py of a long chain of operators ended in a RecursionError's traceback, or
    "out of memory", for a page that needs nothing of it."""
    write(tmp_path, {"conf.py": f"project = 'Storm'\nx = {chain}\n",
                     "guide/page.rst": "Storm\n=====\n\nThe storm reached the coast.\n"})
    page = tmp_path / "guide" / "page.rst"
    assert [b.text for b in RstReader().blocks(page.read_text(), str(page))] == ["Storm", "The storm reached the coast."]


def test_an_asciidoc_include_by_tag_is_read_in_place_located_by_its_file():
    path = DATA / "asciidoctor" / "fr" / "README.adoc"
    found = [(b.locator, b.text, b.furniture) for b in AsciidocReader().blocks(path.read_text(), str(path))]
    included = [item for item in found if item[0].startswith("CHANGELOG.adoc")]
    assert included[0] == ("CHANGELOG.adoc, line 19", "2.0.18 (2022-10-15) - @mojavelinux", False)
    assert ("CHANGELOG.adoc, line 23", "Propagate :to_dir option to document of AsciiDoc table cell (#4297)", False) \
        in included
    assert not any("This project utilizes" in text for _w, text, _f in found)  # outside the tag
    assert found[-1][1].startswith("Référez-vous au fichier")  # the README goes on after it


def test_align_pair_of_an_asciidoc_readme_and_its_translation_reads_the_included_changelog():
    report, stderr = json_report_of(DATA / "asciidoctor" / "en" / "README.adoc", DATA / "asciidoctor" / "fr" / "README.adoc")
    assert_every_sentence_once(report)
    assert "include" not in stderr
    for side in ("source", "target"):
        assert sum(s["locator"].startswith("CHANGELOG.adoc, line ") for s in report[side]["sentences"]) >= 10


@pytest.mark.parametrize("reader, text, warning", [
    (LatexReader(), "\\documentclass{book}\n\\begin{document}\nText.\n\\input{chapter}\n\\end{document}\n",
     "<stdin>: the files it \\input's or \\include's are not read: chapter (read from stdin"),
    (RstReader(), "Text.\n\n.. include:: chapter.rst\n", "<stdin>: 1 included file not followed (chapter.rst): read from stdin"),
    (AsciidocReader(), "Text.\n\ninclude::chapter.adoc[]\n", "<stdin>: 1 include not followed (chapter.adoc): read from stdin"),
])
def test_read_from_stdin_a_text_document_follows_no_include_and_says_so(reader, text, warning, caplog, tmp_path,
                                                                         monkeypatch):
    write(tmp_path, {"chapter.tex": "Not read.\n", "chapter.rst": "Not read.\n", "chapter.adoc": "Not read.\n"})
    monkeypatch.chdir(tmp_path)  # the files are there, but stdin has no folder
    with caplog.at_level(logging.WARNING, logger="align"):
        found = reader.blocks(text, "<stdin>")
    assert [b.text for b in found] == ["Text."]
    assert warning in caplog.text
