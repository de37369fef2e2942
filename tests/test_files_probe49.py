"""Files in and out, as a translator's real files are: defects a second probe of the input formats
found (inline codes of CAT files, compressed parts, PDF line-end hyphens, align's own reports).

The inputs are written here by hand after the format's specification, as the tools that make
them write them.
"""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from align.errors import InputError
from align.reading import read_input
from conftest import blocks_of, pdf_of_lines as _pdf, texts_of


XLIFF_12 = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file original="a" source-language="en" target-language="fr" datatype="plaintext"><body>')
XLIFF_2 = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
           'srcLang="en" trgLang="fr"><file id="f1">')


def test_xliff12_placeholders_keep_the_value_they_stand_for(tmp_path):
    """A placeholder's native code ("{1}", "%d") and Angular's equiv-text ("{{ count }}") were left
    out: "The order will cost {1} euros." was read "The order will cost euros.", and the figure's
    fact check had nothing to check. Formatting codes (<b>, a tag pair's code) are still left out."""
    path = tmp_path / "job.xlf"
    path.write_text(
        XLIFF_12 + '<trans-unit id="1"><source>The order will cost <ph id="1">{1}</ph> euros.</source>'
        '<target>La commande coûtera <ph id="1">{1}</ph> euros.</target></trans-unit>'
        '<trans-unit id="2"><source>You have <x id="INTERPOLATION" equiv-text="{{ count }}"/> new <x id="START_BOLD_TEXT" '
        'ctype="x-b" equiv-text="&lt;b&gt;"/>messages<x id="CLOSE_BOLD_TEXT" ctype="x-b" equiv-text="&lt;/b&gt;"/>.</source>'
        '</trans-unit><trans-unit id="3"><source>Saved <ph id="1">%d</ph> files in <bpt id="2">&lt;b&gt;</bpt>'
        '<g id="3">Documents</g><ept id="2">&lt;/b&gt;</ept><ph id="4">{\\b </ph>.</source></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    assert [(block.side, block.text) for block in blocks_of(path)] == [
        ("source", "The order will cost {1} euros."), ("source", "You have {{ count }} new messages."),
        ("source", "Saved %d files in Documents."), ("target", "La commande coûtera {1} euros.")]


def test_xliff2_placeholders_read_as_their_display_text_or_original_data(tmp_path):
    """XLIFF 2's <ph/> is empty: what it stands for is its `disp` (what the CAT tool shows), its
    `equiv` or its original data. All were left out ("will cost euros", "in ."); Angular's
    equiv="INTERPOLATION" is a name, its disp the text; <pc>, <sc>/<ec> are formatting."""
    path = tmp_path / "job.xlf"
    path.write_text(
        XLIFF_2 + '<unit id="1"><segment><source>The order will cost <ph id="1" disp="{amount}"/> euros.</source>'
        '<target>La commande coûtera <ph id="1" disp="{amount}"/> euros.</target></segment></unit>'
        '<unit id="2"><originalData><data id="d1">{0}</data><data id="d2">&lt;b&gt;</data><data id="d3">&lt;/b&gt;'
        '</data></originalData><segment><source>Deliver <ph id="1" dataRef="d1"/> boxes <pc id="2" dataRefStart="d2" '
        'dataRefEnd="d3" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">today</pc>.</source></segment></unit>'
        '<unit id="3"><segment><source>You have <ph id="0" equiv="INTERPOLATION" disp="{{ count }}"/> new <sc id="1" '
        'disp="&lt;i&gt;"/>messages<ec startRef="1"/> in <ph id="2" equiv="{folder}"/><ph id="3" disp="&lt;img/&gt;" '
        'equiv="TAG_IMG"/>.</source></segment></unit></file></xliff>', encoding="utf-8")
    assert [(block.side, block.text) for block in blocks_of(path)] == [
        ("source", "The order will cost {amount} euros."), ("source", "Deliver {0} boxes today."),
        ("source", "You have {{ count }} new messages in {folder}."),
        ("target", "La commande coûtera {amount} euros.")]


def test_tmx_placeholders_keep_the_value_they_stand_for(tmp_path):
    """TMX's <ph> holds native code; "{1}" and "%1$s" are values the reader sees, and were left
    out with the markup of <bpt>/<ept>."""
    path = tmp_path / "memory.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu tuid="1"><tuv xml:lang="en"><seg>The order will cost <ph x="1">{1}</ph> euros.</seg></tuv>'
        '<tuv xml:lang="fr"><seg>La commande coûtera <ph x="1">{1}</ph> euros.</seg></tuv></tu>'
        '<tu tuid="2"><tuv xml:lang="en"><seg>Open <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept> at '
        '<ph x="2">%1$s</ph><ph x="3">&lt;img src="a.png"/&gt;</ph>.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    assert texts_of(path) == ["The order will cost {1} euros.", "Open now at %1$s.", "La commande coûtera {1} euros."]


# ------------------------------------------------------------------------------ compressed parts

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return path


def _padded_docx(path, padding: int):
    """A Word file whose one paragraph is followed by `padding` spaces: a few KB on disk."""
    body = (f'<w:document xmlns:w="{W_MAIN}"><w:body><w:p><w:r><w:t>The storm hit the coast.</w:t></w:r></w:p>'
            + " " * padding + "</w:body></w:document>")
    return _zip(path, [("[Content_Types].xml", "<Types/>"), ("word/document.xml", body)])


@pytest.mark.parametrize("kind", ["docx", "odt", "epub"])
def test_a_compressed_document_expanding_past_the_limit_is_refused(tmp_path, kind):
    """A document small on disk whose parts unzip past the input limit (a part of zeros compresses
    1000:1) was read whole into memory: the limit a plain file is held to did not hold for it."""
    zeros = b"\0" * 400_000
    if kind == "docx":
        path = _zip(tmp_path / "bomb.docx", [("[Content_Types].xml", "<Types/>"), ("word/document.xml", zeros)])
    elif kind == "odt":
        path = _zip(tmp_path / "bomb.odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                                            ("content.xml", zeros)])
    else:
        container = ('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                     '<rootfile full-path="c.opf"/></rootfiles></container>')
        package = ('<package xmlns="http://www.idpf.org/2007/opf"><manifest><item id="a" href="a.xhtml" '
                   'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>')
        path = _zip(tmp_path / "bomb.epub", [("mimetype", "application/epub+zip"),
                                             ("META-INF/container.xml", container), ("c.opf", package),
                                             ("a.xhtml", zeros)])
    assert path.stat().st_size < 10_000
    with pytest.raises(InputError, match="too large") as info:
        read_input(str(path), max_bytes=100_000)
    assert str(info.value).startswith(f"{path}: too large") and "the limit is 100000 bytes" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_word_file_expanding_past_50_mb_is_a_one_line_error_exit_2(tmp_path):
    """By the command line, with the limit a plain file has (50 MB): a 60 KB .docx whose text
    expands to 60 MB was read and parsed whole; it is refused by its part's declared size."""
    path = _padded_docx(tmp_path / "padded.docx", 60 * 1024 * 1024)
    assert path.stat().st_size < 200_000
    result = subprocess.run([sys.executable, "-m", "align", "pair", str(path), str(path)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "too large" in result.stderr and "52428800" in result.stderr


def test_a_compressed_document_within_the_limit_is_read(tmp_path):
    path = _padded_docx(tmp_path / "small.docx", 50_000)
    assert read_input(str(path), max_bytes=60_000).text == "The storm hit the coast."
    with pytest.raises(InputError, match="too large"):
        read_input(str(path), max_bytes=40_000)


# ---------------------------------------------------------------------------- PDF line-end hyphens


def test_a_pdfs_word_broken_at_a_line_end_is_read_whole(tmp_path):
    """A typesetter's break, "three thou-" / "sand people", went into the TMX, the XLIFF and the
    encoder as "thou-sand". A word is joined where the evidence says it is one; a compound broken
    at its own hyphen keeps it: the second part capitalised ("Nagorno-" / "Karabakh"), one
    letter before it ("e-" / "mail"), the document writing it with a hyphen elsewhere
    ("well-known"), or a doubled vowel ("anti-" / "inflammatory")."""
    path = _pdf(tmp_path / "en.pdf", [
        "The storm hit the coast on Monday and three thou-",
        "sand people lost power in the eastern districts of the",
        "city, a well-known harbour town where the well-",
        "known mayor met the envoys from Nagorno-",
        "Karabakh and doctors handed out anti-",
        "inflammatory drugs to the injured in the e-",
        "mail office and the infor-",
        "mation desk was open to all the people of the city."])
    [text] = texts_of(path)
    assert " ".join(text.split()) == (
        "The storm hit the coast on Monday and three thousand people lost power in the eastern districts of the "
        "city, a well-known harbour town where the well- known mayor met the envoys from Nagorno-Karabakh and "
        "doctors handed out anti- inflammatory drugs to the injured in the e- mail office and the information "
        "desk was open to all the people of the city.")
    assert "thou-" not in text and "well-\nknown" in text and "Nagorno-Karabakh" in text and "anti-\ninfl" in text


def test_a_pdfs_french_and_german_line_end_hyphens(tmp_path):
    """French "per-" / "sonnes" is one word; "c'est-à-" / "dire" and "peut-" / "être" (written so
    elsewhere) keep their hyphen; German "Bundes-" / "Regierung" keeps it, "Verwal-" / "tung" is
    joined (the document writes "Verwaltung"), and "Ein-" / "und Ausgang" keeps its hanging hyphen
    with the space after it."""
    fr = _pdf(tmp_path / "fr.pdf", [
        "La tempête a frappé la côte et trois mille per-",
        "sonnes ont perdu le courant, c'est-à-",
        "dire la moitié de la ville, et il faudra peut-",
        "être des semaines pour que le courant revienne, peut-être plus."])
    de = _pdf(tmp_path / "de.pdf", [
        "Der Sturm traf die Küste und die Bundes-",
        "Regierung sandte Helfer, die den Ein-",
        "und Ausgang des Hafens sicherten, sagte die Verwal-",
        "tung am Montag nach der Sitzung der Verwaltung."])
    [text] = texts_of(fr)
    assert "trois mille personnes\n" in text and "c'est-à-\ndire" in text and "peut-\nêtre" in text
    [text] = texts_of(de)
    assert "Bundes-Regierung" in text and "den Ein- und Ausgang" in text and "die Verwaltung\nam Montag" in text


# ------------------------------------------------------------------------- align's own reports


def test_aligns_own_tsv_report_is_read_as_its_source_and_target_columns(tmp_path):
    """align's TSV report given back as input was read as plain text, its nine columns as one
    "sentence" a line ("match 0.8435 1 1 ¶2 ¶2 The storm ..."). Its src_text and tgt_text are the
    two texts, unescaped, each in its own order (a moved target stands in its partner's row),
    located by the report's row; a sentence set aside follows its side's text."""
    path = tmp_path / "report.tsv"
    rows = ["kind\tscore\tsrc_ids\ttgt_ids\tsrc_lines\ttgt_lines\tsrc_text\ttgt_text\tfindings",
            "match\t0.84\t0\t0\t¶1\t¶1\tThe storm hit the coast.\tLa tempête a frappé la côte.\t",
            "moved\t0.80\t1\t2\t¶2\t¶3\tSchools are closed.\tLes écoles sont fermées.\tmoved",
            "omission\t0.90\t2\t\t¶3\t\tThe cost is \\t12\\nmillion.\t\tleft out",
            "match\t0.81\t3\t1\t¶4\t¶2\t'=Trains run.\tLes trains roulent.\t",
            "set_aside\t\t\t\t¶9\t\tDer Sturm kam.\t\tnot aligned: German (de)"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [(block.side, block.text, block.locator) for block in blocks_of(path)] == [
        ("source", "The storm hit the coast.", "row 2"), ("source", "Schools are closed.", "row 3"),
        ("source", "The cost is 12\nmillion.", "row 4"), ("source", "=Trains run.", "row 5"),
        ("source", "Der Sturm kam.", "row 6"),
        ("target", "La tempête a frappé la côte.", "row 2"), ("target", "Les trains roulent.", "row 5"),
        ("target", "Les écoles sont fermées.", "row 3")]


def test_an_angular_icu_placeholder_reads_as_its_variable(tmp_path):
    """Angular writes an ICU message whole into the placeholder's equiv-text (and again as a unit of
    its own): read as written, "{count, plural, =0 {no files} =1 {one file} other {{{count}} files}}"
    went into the sentence, its "0" and "1" into the fact checks (a review)."""
    path = tmp_path / "messages.xlf"
    icu = "{count, plural, =0 {no files} =1 {one file} other {{{count}} files}}"
    path.write_text(
        XLIFF_12 + f'<trans-unit id="1"><source>You deleted <x id="ICU" equiv-text="{icu}"/> today.</source>'
        f'<target>Vous avez supprimé <x id="ICU" equiv-text="{icu}"/> aujourd\'hui.</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    assert [(block.side, block.text) for block in blocks_of(path)] == [
        ("source", "You deleted {count} today."), ("target", "Vous avez supprimé {count} aujourd'hui.")]


def test_a_pdfs_compound_of_two_words_keeps_its_hyphen_without_the_documents_evidence(tmp_path):
    """"decision-" / "making" was read "decisionmaking": the document wrote neither the compound
    nor its parts elsewhere, and a hyphen without evidence was a typesetter's. Two words of the
    language (the encoder's vocabulary) that make no word written whole keep their hyphen; a
    typesetter's break still joins, whether its parts are words ("thou-" / "sand", "care-" /
    "fully") or not ("infor-" / "mation"), and a German break between two words ("Haus-" / "tür")
    joins, German writing its compounds whole."""
    path = _pdf(tmp_path / "en.pdf", [
        "The report on the harbour says that the council's decision-",
        "making was slow after the storm, when three thou-",
        "sand people lost power and the engineers had to work care-",
        "fully through the night, while the infor-",
        "mation desk stayed open until the morning of the next day."])
    [text] = texts_of(path)
    assert "decision-\nmaking" in text
    assert " ".join(text.split()) == (
        "The report on the harbour says that the council's decision- making was slow after the storm, when three "
        "thousand people lost power and the engineers had to work carefully through the night, while the "
        "information desk stayed open until the morning of the next day.")
    [text] = texts_of(_pdf(tmp_path / "de.pdf", [
        "Der Sturm traf die Küste am Montag, und der Wind riss die Haus-",
        "tür des Rathauses auf, bevor die Feuerwehr den Platz vor dem Gebäude sperrte."]))
    assert "die Haustür\ndes Rathauses" in text or "die Haustür des Rathauses" in text


def test_a_french_verb_broken_before_its_ending_is_joined_in_a_pdf(tmp_path):
    """A typesetter's break before a French verb's ending that is a word too ("cherche-" / "rais",
    "promet-" / "tais", "écou-" / "tons", "cares-" / "sait", "finis-" / "sais") was kept as a
    compound of two words ("cherche- rais"); no French compound ends in them. "porte-" / "parole"
    keeps its hyphen still."""
    [text] = texts_of(_pdf(tmp_path / "fr.pdf", [
        "Elle disait qu'elle ne cherche-",
        "rais jamais à partir, et nous le promet-",
        "tais chaque soir en riant ; puis nous écou-",
        "tons la mer, et il la cares-",
        "sait doucement pendant que je finis-",
        "sais mon travail, et le porte-",
        "parole du maire arrivait sur le quai du port."]))
    assert " ".join(text.split()) == (
        "Elle disait qu'elle ne chercherais jamais à partir, et nous le promettais chaque soir en riant ; puis nous "
        "écoutons la mer, et il la caressait doucement pendant que je finissais mon travail, et le porte- parole "
        "du maire arrivait sur le quai du port.")
