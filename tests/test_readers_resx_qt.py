""".NET resource files (.resx) and Qt Linguist's files (.ts, and the compiled .qm), read as the
program shows their strings, each located by its name or its context. Before, a .resx and a .ts
were read as plain text, every line of the schema header, tag, location and designer record a
"sentence" of the report, and a .qm was refused as binary.

The fixtures in tests/data/resx_qt are real files or excerpts of them (ShareX's ErrorForm, vorta's
German and French translations, Debian's qtserialport_ru.qm) and a .ts written by Qt's DTD,
compiled by Qt's own lrelease; see tests/data/resx_qt/README.md."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_every_sentence_once

from align import align_pair
from align.documents import load_sentences
from align.readers import reader_for
from align.readers.qt import QM_MAGIC, shown
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).resolve().parent / "data" / "resx_qt"


def blocks(path):
    data = Path(path).read_bytes()
    return reader_for(str(path), data).blocks(data, str(path))


def sentences_of(path):
    raw = read_input(str(path))
    return raw, load_sentences(raw, load_segmenter("auto"))


def run_align(*args):
    return subprocess.run([sys.executable, "-m", "align", "pair", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def report_of(*paths):
    run = run_align(*paths, "-f", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout), run.stderr


# --- .resx -------------------------------------------------------------------------------------

ERROR_FORM = [("key $this.Text", "ShareX - Error"), ("key btnClose.Text", "Quit"),
              ("key btnContinue.Text", "Continue"), ("key btnOK.Text", "OK"),
              ("key btnOpenLogFile.Text", "Open log file..."), ("key btnSendBugReport.Text", "Send bug report..."),
              ("key lblErrorMessage.Text", "Error\nError 2")]


def test_a_windows_forms_resx_is_read_as_the_strings_the_form_shows():
    # ShareX's ErrorForm.resx: of its 82 entries, 7 are text the form shows. Its controls' sizes and
    # fonts (typed), the designer's records (">>btnOK.Type"), the schema header and its example
    # entries are none; the window's title, "$this.Text", is.
    found = blocks(DATA / "ErrorForm.resx")
    assert [(block.locator, block.text) for block in found] == ERROR_FORM
    assert not any(block.furniture or block.side for block in found)


def test_a_form_and_its_translation_written_in_another_order_align_name_by_name():
    # The French form writes its entries in another order: read in the files' order, three
    # buttons were "left out" and three "added" (exit 0, "related, not a translation").
    report, _stderr = report_of(DATA / "ErrorForm.resx", DATA / "ErrorForm.fr.resx")
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "fr")
    assert report["findings"] == []
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    for bead in report["beads"]:
        assert {source[i]["locator"] for i in bead["src"]} == {target[j]["locator"] for j in bead["tgt"]}
    assert [s["text"] for s in target] == ["ShareX - Erreur", "Quitter", "Continuer", "OK",
                                           "Ouvrir le fichier des logs...", "Envoyer le rapport d'erreur...",
                                           "Erreur", "Erreur 2"]


def _resources(entries: str) -> str:
    """A .resx as Visual Studio writes it: ErrorForm's header (the schema and its explanation),
    then `entries`."""
    header = (DATA / "ErrorForm.resx").read_text(encoding="utf-8-sig")
    return header[:header.index("  <assembly ")] + entries + "</root>\n"


STRINGS = """  <data name="Title" xml:space="preserve">
    <value>Storm report</value>
    <comment>The window's title; keep it short.</comment>
  </data>
  <data name="Intro" xml:space="preserve">
    <value>The storm reached the coast on Monday &amp; destroyed 300 houses.
Schools stayed closed.</value>
  </data>
  <data name="Typed" type="System.String, mscorlib">
    <value>The mayor opened two shelters.</value>
  </data>
  <data name="Empty" xml:space="preserve">
    <value />
  </data>
  <data name="Logo" type="System.Resources.ResXFileRef, System.Windows.Forms">
    <value>..\\Resources\\logo.png;System.Drawing.Bitmap, System.Drawing</value>
  </data>
  <data name="Names" type="System.Resources.ResXFileRef, System.Windows.Forms">
    <value>..\\Resources\\names.txt;System.String, mscorlib, Version=4.0.0.0, Culture=neutral;utf-8</value>
  </data>
  <data name="Icon" mimetype="application/x-microsoft.net.object.bytearray.base64">
    <value>AAABAAEAEBAAAAEAIABoBAAAFgAAACgAAAAQAAAAIAAAAAEAIAAAAAAAAAQAAA==</value>
  </data>
  <data name="Delay" type="System.Int32, mscorlib">
    <value>300</value>
  </data>
"""


def test_only_strings_are_read_and_a_string_kept_in_a_file_of_its_own_is_named(tmp_path, caplog):
    path = tmp_path / "Strings.resx"
    path.write_text(_resources(STRINGS), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        found = blocks(path)
    assert [(block.locator, block.text) for block in found] == [
        ("key Intro", "The storm reached the coast on Monday & destroyed 300 houses.\nSchools stayed closed."),
        ("key Title", "Storm report"), ("key Typed", "The mayor opened two shelters.")]
    # The translators' comment is no text of the program; a picture, bytes and a number are none.
    assert "1 string kept in files of its own, not read (..\\Resources\\names.txt)" in caplog.text
    assert "logo.png" not in caplog.text


def test_resources_in_utf16_and_a_resw_are_read(tmp_path):
    path = tmp_path / "Resources.resw"
    path.write_bytes(_resources(STRINGS).replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    assert [block.locator for block in blocks(path)] == ["key Intro", "key Title", "key Typed"]


@pytest.mark.parametrize("content, message", [
    (lambda: (DATA / "ErrorForm.resx").read_bytes()[:9000], "cannot be read as .NET resources (unclosed token"),
    (lambda: _resources('  <data name="a"><value>Caf\xe9</value></data>\n').encode("latin-1"),
     "cannot be read as .NET resources (not well-formed"),
    (lambda: _resources("").encode("utf-8"), "holds no text to align"),
])
def test_a_damaged_resx_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "Strings.fr.resx"
    path.write_bytes(content())
    run = run_align(path)
    assert run.returncode == 2 and message in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


# --- .ts ---------------------------------------------------------------------------------------

STORM_SOURCES = [("Storm Watch", "context MainWindow, message 1"), ("File", "context MainWindow, message 2"),
                 ("The storm reached the coast on Monday.", "context MainWindow, message 3"),
                 ("It destroyed 300 houses.", "context MainWindow, message 3"),
                 ("Schools stayed closed.", "context MainWindow, message 4"),
                 ("The mayor opened %n shelter(s).", "context ShelterList, message 1"),
                 ("Open shelters", "context ShelterList, message 2"),
                 ("The ferry ran again on Friday.", "context ShelterList, message 3")]
STORM_TARGETS = [("Штормовое предупреждение", "context MainWindow, message 1", False),
                 ("Файл", "context MainWindow, message 2", False),
                 ("Шторм достиг побережья в понедельник.", "context MainWindow, message 3", False),
                 ("Он разрушил 300 домов.", "context MainWindow, message 3", False),
                 ("Школы остались закрытыми.", "context MainWindow, message 4", False),
                 ("Мэр открыл %n убежище.", "context ShelterList, message 1", False),
                 ("Мэр открыл %n убежища.", "context ShelterList, message 1", True),
                 ("Мэр открыл %n убежищ.", "context ShelterList, message 1", True),
                 ("Открытые убежища", "context ShelterList, message 2", False),
                 ("Убежища", "context ShelterList, message 2", True)]


def test_a_ts_file_is_read_as_its_sources_and_translations(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        raw, sentences = sentences_of(DATA / "storm.ru.ts")
    sources = [(s.text, s.where) for s in sentences[:len(STORM_SOURCES)]]
    assert sources == STORM_SOURCES
    assert [(s.text, s.where, s.furniture) for s in sentences[len(STORM_SOURCES):]] == STORM_TARGETS
    assert {(span.side, span.lang) for span in raw.spans} == {("source", "en"), ("target", "ru")}
    # Locations, comments for translators, the obsolete and vanished messages: none is read.
    hidden = ("mainwindow", "ministry", "Tooltip", "list heading", "old", "Старая")
    assert not any(word in raw.text for word in hidden)
    assert "1 message marked unfinished" in caplog.text
    assert "1 message without a translation, reported as left out" in caplog.text
    assert "2 obsolete messages" in caplog.text


def test_a_ts_file_given_alone_has_its_translations_audited():
    report, _stderr = report_of(DATA / "storm.ru.ts")
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "ru")
    assert_every_sentence_once(report)
    content = [(f["type"], f["message"]) for f in report["findings"] if f["severity"] == "content"]
    # The message not translated yet is left out; the Russian plural's further forms and the
    # shorter variant are boilerplate, no content addition.
    assert [kind for kind, _message in content] == ["omission"]
    assert "The ferry ran again on Friday." in content[0][1]


def test_vortas_german_translation_is_audited_message_by_message():
    # An excerpt of vorta's German .ts (PyPI's vorta 0.11.6): read as text before, its XML and
    # locations were 2753 "sentences" of the whole file's report, 513 "omissions".
    report, stderr = report_of(DATA / "vorta.de.ts")
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "de")
    assert_every_sentence_once(report)
    assert "4 messages without a translation" in stderr and "1 obsolete message" in stderr
    source = report["source"]["sentences"]
    left_out = {source[i]["text"] for f in report["findings"] if f["type"] == "omission" for i in f["src"]}
    assert {"Requesting differences between archives…", "Obtained differences between archives.", "Select All",
            "Select None"} <= left_out
    assert source[0] == {**source[0], "text": "Please enter a profile name.",
                         "locator": "context AddProfileWindow, message 1"}
    assert not any("<" in s["text"] or "filename" in s["text"] for side in ("source", "target")
                   for s in report[side]["sentences"])


def test_a_ts_file_beside_another_gives_its_translation():
    report, stderr = report_of(DATA / "vorta.de.ts", DATA / "vorta.fr.ts")
    assert (report["source"]["lang"], report["target"]["lang"]) == ("de", "fr")
    assert report["source"]["sentences"][0]["text"] == "Bitte einen Profilnamen eingeben."
    assert report["target"]["sentences"][0]["text"] == "Veuillez entrer un nom de profil."
    assert "vorta.de.ts holds a text and its translation" in stderr


def test_two_translations_of_one_program_are_paired_message_by_message():
    # The German leaves NetworksPage's last two messages and BorgDiffJob's untranslated, the French
    # Form's: aligned as running text, "Zugriff verweigert" (Permission Denied) was paired with
    # "Réseaux autorisés :" and NetworksPage's three German strings with BorgDiffJob's French.
    report, _stderr = report_of(DATA / "vorta.de.ts", DATA / "vorta.fr.ts")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    pairs = {(source[i]["text"], target[j]["text"]) for bead in report["beads"] for i in bead["src"] for j in bead["tgt"]}
    assert ("Erlaubte Netzwerke:", "Réseaux autorisés\u00a0:") in pairs and ("Netzwerke", "Réseaux") in pairs
    assert all(source[i]["locator"] == target[j]["locator"] for bead in report["beads"] for i in bead["src"]
               for j in bead["tgt"])
    left_out = {source[i]["text"] for f in report["findings"] if f["type"] == "omission" for i in f["src"]}
    added = {target[j]["text"] for f in report["findings"] if f["type"] == "addition" for j in f["tgt"]}
    assert {"Zugriff verweigert", "%1 zum Melden eines Fehlers."} <= left_out
    assert added == {"Récupération des différences entre les archives…", "Différences entre les archives récupérées."}
    # Each located by its message: the context and the English source the program finds it by.
    assert target[0]["locator"] == "key AddProfileWindow: Please enter a profile name."
    assert not [f for f in report["findings"] if f["type"] in ("moved", "regrouped", "merge", "split")]


@pytest.mark.parametrize("written, read", [
    ("&File", "File"), ("E&xit", "Exit"), ("ファイル(&F)", "ファイル(F)"), ("Tom && Jerry", "Tom & Jerry"),
    ("Security & Privacy", "Security & Privacy"), ("&Options <<", "Options <<"),
    ("<html><head/><body><p>One <b>bold</b>&nbsp;word.</p><p>Two.</p></body></html>", "One bold\u00a0word.\n\nTwo."),
    ("Check the <a href=\"%s\">module</a> is installed!", "Check the module is installed!"),
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<html><head><style type="text/css">\np { white-space: '
     'pre-wrap; }\n</style></head><body>\n<p>Line one<br />line two</p></body></html>', "Line one\nline two"),
    ("a < b and c > d", "a < b and c > d"),
])
def test_a_qt_string_is_read_as_the_program_shows_it(written, read):
    assert shown(written) == read


def test_typescript_is_no_qt_linguist_file_and_utf16_ts_is(tmp_path):
    typescript = tmp_path / "app.ts"
    typescript.write_text("function first<TS>(items: TS[]): TS {\n  return items[0];\n}\n", encoding="utf-8")
    assert reader_for(str(typescript), typescript.read_bytes()) is None  # plain text, as before
    wide = tmp_path / "storm.ru.ts"
    text = (DATA / "storm.ru.ts").read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    wide.write_bytes(text.encode("utf-16"))
    assert [block.text for block in blocks(wide)] == [block.text for block in blocks(DATA / "storm.ru.ts")]


@pytest.mark.parametrize("content, message", [
    (lambda: (DATA / "vorta.de.ts").read_bytes()[:2500], "cannot be read as a Qt Linguist file (no element found"),
    (lambda: (DATA / "storm.ru.ts").read_bytes().replace(b"<name>ShelterList</name>", b"<name>Abri\xe9</name>"),
     "cannot be read as a Qt Linguist file (not well-formed"),
    (lambda: b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">\n<context><name>'
             b"A</name><message><source>Hello there.</source><translation type=\"unfinished\"/></message></context>"
             b"</TS>\n", "a Qt Linguist file without translations (a template?)"),
])
def test_a_damaged_ts_file_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "app_fr.ts"
    path.write_bytes(content())
    run = run_align(path)
    assert run.returncode == 2 and message in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


# --- .qm ---------------------------------------------------------------------------------------

def test_a_compiled_qm_is_read_as_its_ts_is():
    # storm.ru.qm is lrelease's own compilation of storm.ru.ts: its messages in an order of their
    # own, the one not translated left out, each message located by its context and number.
    compiled = blocks(DATA / "storm.ru.qm")
    written = [block for block in blocks(DATA / "storm.ru.ts") if "ferry" not in block.text]
    assert sorted((b.text, b.side, b.lang, b.furniture) for b in compiled) == \
        sorted((b.text, b.side, "" if b.side == "source" else b.lang, b.furniture) for b in written)
    assert compiled[0].locator == "context MainWindow, entry 1" and compiled[0].text == "File"


def test_debians_compiled_qt_translation_is_audited_alone():
    # qtserialport_ru.qm of Debian's qttranslations5-l10n: refused as "a binary file" before.
    report, _stderr = report_of(DATA / "qtserialport_ru.qm")
    assert (report["source"]["lang"], report["target"]["lang"]) == ("en", "ru")
    assert (len(report["source"]["sentences"]), len(report["target"]["sentences"])) == (16, 16)
    assert report["source"]["sentences"][0]["locator"] == "context QSerialPort, entry 1"
    assert_every_sentence_once(report)
    assert not [f for f in report["findings"] if f["severity"] == "content"]


def _section(tag: int, payload: bytes) -> bytes:
    return bytes([tag]) + len(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("content, message", [
    # lrelease -idbased keeps each message's id where its source stands.
    (lambda: (DATA / "storm.id.qm").read_bytes(), "keyed by ids (lrelease -idbased), which keeps no source texts"),
    # Qt's qt_fi.qm names the files it loads and holds no message.
    (lambda: QM_MAGIC + _section(0xA7, b"fi") + _section(0x96, b"".join(
        len(name).to_bytes(4, "big") + name for name in ("qtbase_fi".encode("utf-16-be"),
                                                        "qtscript_fi".encode("utf-16-be")))),
     "holds no messages, only the names of the files it loads (qtbase_fi.qm, qtscript_fi.qm): give those"),
    (lambda: (DATA / "storm.ru.qm").read_bytes()[:300], "cannot be read as a compiled Qt translation"),
    (lambda: QM_MAGIC + _section(0x69, b"\x03\x00\x00\x00\x03abc\x01"), "cannot be read as a compiled Qt translation"),
])
def test_a_qm_without_sources_or_damaged_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "app_fi.qm"
    path.write_bytes(content())
    run = run_align(path)
    assert run.returncode == 2 and message in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_ts_file_and_its_qm_are_read_with_the_python_api():
    result = align_pair(str(DATA / "storm.ru.qm"))
    assert (result.source.lang, result.target.lang) == ("en", "ru")
    assert not [f for f in result.findings if f.severity == "content"]


@pytest.mark.parametrize("name, content", [
    ("deep.ts", b'<TS version="2.1" language="fr"><context><name>A</name><message><source>'
                + b"<x>" * 5000 + b"Hello" + b"</x>" * 5000 + b"</source><translation>Bonjour</translation></message>"
                b"</context></TS>"),
    ("deep.resx", b'<root><data name="a"><value>' + b"<x>" * 5000 + b"Hello" + b"</x>" * 5000 + b"</value></data></root>"),
    ("byte.ts", b'<TS version="2.1" language="fr"><context><name>A</name><message><source>Hello<byte value="x110000"/>'
                b'<byte value="99999999999999999999"/></source><translation>Bonjour</translation></message></context></TS>'),
])
def test_markup_nested_past_the_stack_or_a_byte_past_unicode_is_no_traceback(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    try:
        found = blocks(path)
    except ValueError as error:  # InputError: the one-line error of a damaged file
        assert "cannot be read as" in str(error)
    else:
        assert [block.text for block in found] == (["Hello"] if name.endswith(".resx") else ["Hello", "Bonjour"])


def test_half_an_emoji_in_a_qm_translation_is_read_as_a_replacement_character(tmp_path):
    # A translation ending on a lone surrogate (an emoji cut in half): the whole file was refused.
    translation = "Буря \U0001f32a".encode("utf-16-be")[:-2]
    message = (b"\x03" + len(translation).to_bytes(4, "big") + translation + b"\x06\x00\x00\x00\x06Storm!"
               + b"\x07\x00\x00\x00\x04Main" + b"\x01")
    path = tmp_path / "storm_ru.qm"
    path.write_bytes(QM_MAGIC + _section(0xA7, b"ru") + _section(0x69, message))
    assert [(block.text, block.side, block.locator) for block in blocks(path)] == [
        ("Storm!", "source", "context Main, entry 1"), ("Буря \ufffd", "target", "context Main, entry 1")]
