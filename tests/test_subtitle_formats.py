"""Subtitles beside SubRip and WebVTT: Advanced SubStation Alpha (.ass, .ssa), TTML/DFXP (.ttml,
.dfxp, .xml), YouTube's SBV, SAMI (.smi) and MicroDVD (.sub), each read as a viewer sees it, cue by
cue, as the SubRip reader reads its cues. Read as plain text before, their headers, styles, event
fields, tags and timings were sentences.

The files in tests/data/subtitles2 are one dialogue in every format (see its README.md): the W3C's
TTML example as pysubs2 ships it, and the same cues as Aegisub, YouTube, SAMI and MicroDVD write them.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from align.documents import load_sentences
from align.readers import reader_for
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "subtitles2"

# What a viewer reads in every file of tests/data/subtitles2, sentence by sentence, and the cue
# each starts in, by the cue's place in the TTML and SBV files.
SYLVIE = [
    ("It seems a paradox, does it not,\nthat the image formed on\nthe Retina should be inverted?", 1),
    ("It is puzzling, why is it\nwe do not see things upside-down?", 3),
    ("You have never heard the Theory,\nthen, that the Brain also is inverted?", 4),
    ("No indeed!", 5), ("What a beautiful fact!", 5), ("But how is it proved?", 6),
    ("Thus: what we call\nthe vertex of the Brain\nis really its base\nand what we call its base\n"
     "is really its vertex,\nit is simply a question of nomenclature.", 7),
    ("How truly delightful!", 11)]


def sentences_of(path):
    raw = read_input(str(path))
    return raw, load_sentences(raw, load_segmenter("auto"))


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def one_line_error(path):
    run = cli("pair", path, "-q")
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    return run.stderr


def srt_of(cues):
    return "".join(f"{k}\n00:00:{k:02d},000 --> 00:00:{k:02d},900\n" + "\n".join(lines) + "\n\n"
                   for k, lines in enumerate(cues, 1))


# ------------------------------------------------------------------------------ one dialogue, all formats

@pytest.mark.parametrize("name, reader", [("sylvie.en.ttml", "TtmlReader"), ("sylvie.en.sbv", "SbvReader"),
                                          ("sylvie.en.sub", "MicroDvdReader")])
def test_every_format_reads_the_cues_as_the_subrip_reader_reads_them(tmp_path, name, reader):
    """The same eleven cues as TTML, SBV and MicroDVD give the sentences SubRip gives, each located by
    the cue it starts in: a sentence over three cues is one, two sentences in a cue are two."""
    raw, sentences = sentences_of(DATA / name)
    assert type(reader_for(name, (DATA / name).read_bytes())).__name__ == reader
    assert raw.format == "subtitles"  # its dialogue dashes read as SubRip's are
    assert [(s.original, s.where) for s in sentences] == [(text, f"subtitle {cue}") for text, cue in SYLVIE]
    srt = tmp_path / "sylvie.srt"
    srt.write_text(srt_of([[line.strip() for line in block.split("\n")[1:] if line.strip()]
                           for block in (DATA / "sylvie.en.sbv").read_text().split("\n\n")]), encoding="utf-8")
    assert [s.original for s in sentences_of(srt)[1]] == [s.original for s in sentences]


def test_dialogue_dashes_and_subrips_tags_are_read_as_in_subrip(tmp_path):
    """A file converted from SubRip keeps its <i> tags, and a cue of two speakers its dashes: an SBV
    held "<i>We left</i>" as text, and "- Did you eat?" was embedded with its dash, which SubRip's
    reader reads as a list's bullet."""
    cues = [["<i>We left the hut</i>", "before dawn."], ["- Did you eat?", "- Not since noon."],
            ["* Dancing in the moonlight *"]]
    srt, sbv, sub = tmp_path / "a.srt", tmp_path / "a.sbv", tmp_path / "a.sub"
    srt.write_text(srt_of(cues), encoding="utf-8")
    sbv.write_text("".join(f"0:00:0{k}.000,0:00:0{k}.900\n" + "\n".join(lines) + "\n\n" for k, lines in enumerate(cues)),
                   encoding="utf-8")
    sub.write_text("".join(f"{{{k}0}}{{{k}9}}" + "|".join(lines) + "\n" for k, lines in enumerate(cues, 1)),
                   encoding="utf-8")
    read = [[(s.original, s.text) for s in sentences_of(path)[1]] for path in (srt, sbv, sub)]
    assert read[0] == read[1] == read[2]
    assert read[0][:2] == [("We left the hut\nbefore dawn.", "We left the hut before dawn."),
                           ("- Did you eat?", "Did you eat?")]


def test_sami_reads_each_sync_as_a_cue_and_a_cleared_screen_as_none():
    raw, sentences = sentences_of(DATA / "sylvie.en.smi")
    assert type(reader_for("a.txt", (DATA / "sylvie.en.smi").read_bytes())).__name__ == "SamiReader"
    # SAMI clears the screen with a SYNC of "&nbsp;": counted among the SYNCs, which locate the cues.
    assert [(s.original, s.where) for s in sentences] == [(text, f"subtitle {sync}") for (text, _), sync in
                                                           zip(SYLVIE, (1, 4, 6, 7, 7, 9, 11, 17))]
    assert {span.lang for span in raw.spans} == {"en"}  # the class's "lang: en-US"


# ---------------------------------------------------------------------------------------------- ASS

def test_ass_is_read_as_the_viewer_sees_it():
    """Read as text, the script's header, styles and each event's ten fields were sentences
    ("Dialogue: 0,0:00:05.00,0:00:10.00,Default,Sylvie,0,0,0,,that the image..."), its override
    tags and \\N were in them, and the sign drawn twice for its glow was two sentences."""
    raw, sentences = sentences_of(DATA / "sylvie.en.ass")
    assert type(reader_for("a.txt", (DATA / "sylvie.en.ass").read_bytes())).__name__ == "AssReader"
    read = [(s.original, s.where, s.furniture) for s in sentences]
    assert read == [
        ("It seems a paradox, does it not,\nthat the image formed on\nthe Retina should be inverted?", "subtitle 1", False),
        ("It is puzzling, why is it\nwe do not see things upside-down?", "subtitle 4", False),
        # \n is a space where WrapStyle is 0, a line break only where it is 2
        ("You have never heard the Theory, then, that the Brain also is inverted?", "subtitle 5", False),
        ("No indeed!", "subtitle 6", False), ("What a beautiful fact!", "subtitle 6", False),
        ("MUSEUM OF THE BRAIN", "subtitle 7", False),  # layer 0 (its glow) and layer 1: one sign
        ("But how is it proved?", "subtitle 10", False),  # event 9, a drawing, shows no words
        ("Thus: what we call\nthe vertex of the Brain\nis really its base\nand what we call its base\n"
         "is really its vertex,\nit is simply a question of nomenclature.", "subtitle 11", False),
        ("How truly delightful!", "subtitle 15", False),
        ("check the timing against the film", "subtitle 3", True)]  # a Comment: boilerplate, after the cues
    text = " ".join(s.original for s in sentences)
    for markup in ("{", "\\N", "\\n", "\\h", "Dialogue", "Default", "Sylvie", "Arial", "0:00", "m 0 0"):
        assert markup not in text


ASS_HEAD = ("[Script Info]\nTitle: {title}\nScriptType: v4.00+\nPlayResX: 1920\n\n[V4+ Styles]\n"
            "Format: Name, Fontname, Fontsize, PrimaryColour, Bold\nStyle: Default,Arial,48,&H00FFFFFF,0\n\n[Events]\n"
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")


def test_an_ass_pair_is_audited_end_to_end_the_cue_left_out_found_among_no_noise(tmp_path):
    """The probe's pair: read as text, its header and styles were 11 'matched' sentences, each
    Dialogue's fields were in the sentences, and the Comment, which no viewer sees, was a sentence
    'left out' of the French as much as the cue the French does leave out."""
    english, french = tmp_path / "en.ass", tmp_path / "fr.ass"
    english.write_text(ASS_HEAD.format(title="Example") +
                       "Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,Where are you going?\n"
                       "Dialogue: 0,0:00:04.00,0:00:06.00,Default,,0,0,0,,{\\i1}To the market,{\\i0} she said.\\N"
                       "I will be back at five.\n"
                       "Comment: 0,0:00:06.00,0:00:07.00,Default,,0,0,0,,check timing\n"
                       "Dialogue: 0,0:00:07.00,0:00:09.00,Default,,0,0,0,,The G20 meets tomorrow in Paris.\n", encoding="utf-8")
    french.write_text(ASS_HEAD.format(title="Exemple") +
                      "Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,Où vas-tu ?\n"
                      "Dialogue: 0,0:00:04.00,0:00:06.00,Default,,0,0,0,,{\\i1}Au marché,{\\i0} dit-elle.\\N"
                      "Je serai de retour à sept heures.\n", encoding="utf-8")
    run = cli("pair", english, french, "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    source = report["source"]["sentences"]
    assert [(s["text"], s["locator"], s.get("furniture", False)) for s in source] == [
        ("Where are you going?", "subtitle 1", False), ("To the market, she said.", "subtitle 2", False),
        ("I will be back at five.", "subtitle 2", False), ("The G20 meets tomorrow in Paris.", "subtitle 4", False),
        ("check timing", "subtitle 3", True)]
    assert [s["text"] for s in report["target"]["sentences"]] == [
        "Où vas-tu ?", "Au marché, dit-elle.", "Je serai de retour à sept heures."]
    content = [(f["type"], [source[k]["locator"] for k in f["src"]]) for f in report["findings"]
               if f["severity"] == "content"]
    assert content == [("omission", ["subtitle 4"])]


def test_ass_fields_follow_the_format_line_and_the_text_keeps_its_commas(tmp_path):
    path = tmp_path / "old.ssa"
    path.write_text("[Script Info]\nScriptType: v4.00\nWrapStyle: 2\n\n[Events]\n"
                    "Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
                    "Dialogue: Marked=0,0:00:01.00,0:00:03.00,Default,,0000,0000,0000,,Well, well, well.\n"
                    "Dialogue: Marked=0,0:00:04.00,0:00:06.00,Default,,0000,0000,0000,,One line\\nand another.\n\n"
                    "[Events]\nFormat: Start, End, Text\nDialogue: 0:00:07.00,0:00:08.00,Then, at last, {\\k20}si{\\k30}lence.\n",
                    encoding="utf-8")
    _raw, sentences = sentences_of(path)
    # WrapStyle 2: \n is a line break too.
    assert [s.original for s in sentences] == ["Well, well, well.", "One line\nand another.", "Then, at last, silence."]


def test_a_karaoke_effects_syllables_are_read_as_the_line_they_were_made_from(tmp_path, caplog):
    """Aegisub's karaoke templater keeps each sung line as a Comment (Effect "karaoke") and writes a
    Dialogue event a syllable (Effect "fx"): read so, the song was a sentence a syllable, "SUN",
    "DAY", and its line was boilerplate."""
    path = tmp_path / "op.ass"
    events = ["Comment: 0,0:00:01.00,0:00:04.00,Romaji,,0,0,0,karaoke,{\\k50}SUN{\\k40}DAY {\\k30}MON{\\k40}DAY",
              "Comment: 0,0:00:00.00,0:00:00.00,Romaji,,0,0,0,template syl,{\\pos($x,$y)\\fad(100,100)}"]
    events += [f"Dialogue: 0,0:00:0{k}.00,0:00:0{k + 1}.00,Romaji,,0,0,0,fx,{{\\an5\\pos({100 * k},50)}}{syllable}"
               for k, syllable in enumerate(("SUN", "DAY", "MON", "DAY"), 1)]
    path.write_text("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, "
                    "MarginR, MarginV, Effect, Text\n" + "\n".join(events) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(path)
    assert [(s.original, s.where, s.furniture) for s in sentences] == [("SUNDAY MONDAY", "subtitle 1", False)]
    assert "4 karaoke syllables" in caplog.text
    # Without the lines they were made from, the syllables are all the song there is: read.
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if "karaoke" not in line),
                    encoding="utf-8")
    assert [s.original for s in sentences_of(path)[1]] == ["SUN", "DAY", "MON", "DAY"]


def test_ass_without_events_is_a_one_line_error(tmp_path):
    path = tmp_path / "styles.ass"
    path.write_text("[Script Info]\nTitle: Styles only\n\n[V4+ Styles]\nFormat: Name, Fontname\nStyle: Default,Arial\n",
                    encoding="utf-8")
    assert "cannot be read as SubStation Alpha subtitles (it has no [Events] section)" in one_line_error(path)


def test_ass_in_utf16_and_in_a_windows_code_page_is_read(tmp_path):
    script = "[Script Info]\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" \
             "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Où est la forêt ? Très loin d'ici, à l'été.\n"
    for encoding in ("utf-16", "cp1252"):
        path = tmp_path / f"{encoding}.ass"
        path.write_bytes(script.encode(encoding))
        raw, sentences = sentences_of(path)
        assert raw.format == "subtitles"
        assert [s.original for s in sentences] == ["Où est la forêt ?", "Très loin d'ici, à l'été."]
        assert type(reader_for("script.txt", script.encode(encoding))).__name__ == "AssReader"  # by its content


# --------------------------------------------------------------------------------------------- TTML

def test_ttml_spans_breaks_metadata_and_its_language(tmp_path):
    """EBU-TT writes TTML with a prefix (<tt:p>), and a cue's spans inline; a file's own line breaks
    are spaces unless xml:space says "preserve"; metadata and a ruby's reading are not shown."""
    path = tmp_path / "news.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tt:tt xmlns:tt="http://www.w3.org/ns/ttml" '
        'xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="de-DE">'
        '<tt:head><tt:metadata><ttm:title>Tagesschau 20 Uhr</ttm:title></tt:metadata></tt:head>\n<tt:body><tt:div>\n'
        '<tt:p begin="00:00:01.000" end="00:00:03.000"><tt:span tts:color="yellow">Guten</tt:span> <tt:span>Abend,\n'
        '   meine Damen</tt:span><tt:br/>und Herren.<tt:metadata><ttm:desc>Sprecher links</ttm:desc></tt:metadata></tt:p>\n'
        '<tt:p begin="3s" end="5s" xml:space="preserve">Der Ausschuss tagte\nin 東京<tt:span tts:ruby="text">とうきょう</tt:span>.</tt:p>\n'
        '</tt:div></tt:body></tt:tt>\n', encoding="utf-8")
    raw, sentences = sentences_of(path)
    assert type(reader_for(path.name, path.read_bytes())).__name__ == "TtmlReader"
    assert [(s.original, s.where) for s in sentences] == [("Guten Abend, meine Damen\nund Herren.", "subtitle 1"),
                                                          ("Der Ausschuss tagte\nin 東京.", "subtitle 2")]
    assert {span.lang for span in raw.spans} == {"de"}


def test_a_ttml_pair_is_audited_end_to_end_every_string_once(tmp_path):
    """`align pair en.ttml fr.ttml`: each side's sentences once, located by their cue; a cue left
    out of the French is an omission located at its cue."""
    run = cli("pair", DATA / "sylvie.en.ttml", DATA / "sylvie.fr.ttml", "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert [(s["text"], s["locator"]) for s in report["source"]["sentences"]] == [
        (text, f"subtitle {cue}") for text, cue in SYLVIE]
    assert report["target"]["sentences"][0]["text"] == "C'est un paradoxe, n'est-ce pas,\nque l'image formée sur\n" \
                                                        "la rétine soit inversée ?"
    assert report["summary"]["verdict"] == "translation" and not report["findings"]
    french = (DATA / "sylvie.fr.ttml").read_text(encoding="utf-8")
    cut = tmp_path / "fr.ttml"
    cut.write_text(french.replace("Non, vraiment ! Quel fait magnifique !", ""), encoding="utf-8")
    report = json.loads(cli("pair", DATA / "sylvie.en.ttml", cut, "--format", "json").stdout)
    source = report["source"]["sentences"]
    assert [(f["type"], [source[k]["locator"] for k in f["src"]]) for f in report["findings"]
            if f["type"] in ("omission", "addition", "merge", "split")] == [("omission", ["subtitle 5", "subtitle 5"])]


def test_ttml_is_told_from_other_xml_and_theirs_from_it():
    ttml = (DATA / "sylvie.en.ttml").read_bytes()
    assert type(reader_for("subtitles.xml", ttml)).__name__ == "TtmlReader"
    assert type(reader_for("subtitles.dfxp", ttml)).__name__ == "TtmlReader"
    xliff = b'<?xml version="1.0"?>\n<xliff version="1.2"><file><body><trans-unit id="tt"><source>tt</source>' \
            b'</trans-unit></body></file></xliff>'
    page = b'<!DOCTYPE html>\n<html><body><p>The <tt>tt</tt> element.</p></body></html>'
    tmx = b'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>tt</seg>' \
          b'</tuv></tu></body></tmx>'
    assert [reader_for(name, data).name for name, data in (("a.xlf", xliff), ("a.html", page), ("a.tmx", tmx))] == \
        ["xliff", "html", "tmx"]


@pytest.mark.parametrize("data, reason", [
    (b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s">Cut sh', "no element found"),
    (b'<?xml version="1.0" encoding="UTF-P6"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>', "UTF-P6"),
    (b'<?xml version="1.0" encoding="UTF-16"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>', "encoding"),
    (b'Plain words under a TTML name.\n', "syntax error"),
])
def test_a_damaged_ttml_file_is_a_one_line_error(tmp_path, data, reason):
    # An encoding Python does not know was a LookupError's traceback.
    path = tmp_path / "cues.ttml"
    path.write_bytes(data)
    error = one_line_error(path)
    assert "cannot be read as TTML subtitles" in error and reason in error


# ------------------------------------------------------------------------------- SBV, SAMI, MicroDVD

def test_subviewer_header_is_no_text_and_br_a_line_break(tmp_path):
    path = tmp_path / "talk.sbv"
    path.write_text("[INFORMATION]\n[TITLE]Keynote 2024\n[AUTHOR]\n[END INFORMATION]\n[SUBTITLE]\n"
                    "[COLF]&HFFFFFF,[STYLE]no,[SIZE]18,[FONT]Arial\n00:00:01.00,00:00:03.00\nWelcome, everyone,[br]to Lyon.\n\n"
                    "00:00:04.00,00:00:06.00\nLet us begin.\n", encoding="utf-8")
    _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [("Welcome, everyone,\nto Lyon.", "subtitle 1"),
                                                          ("Let us begin.", "subtitle 2")]


def test_an_sbv_cue_whose_timing_line_is_damaged_keeps_its_text_and_says_so(tmp_path, caplog):
    # webvtt-py 0.6.0's tests/samples/invalid_timeframe.sbv: the damaged timing line was a sentence.
    path = tmp_path / "invalid_timeframe.sbv"
    path.write_text("0:00:00.378,0:00:11.378\nCaption text #1\n\n0:00:11.378,0:00:12.305\nCaption text #2\n\n"
                    "0:00:13.f89,0:00:15.489\nCaption text #3\n\n0:00:15.489,0:00:16.234\nCaption text #4\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("Caption text #1", "subtitle 1"), ("Caption text #2", "subtitle 2"), ("Caption text #3", "line 8"),
        ("Caption text #4", "subtitle 3")]
    assert "invalid_timeframe.sbv, line 8: text outside any cue" in caplog.text


def test_sami_of_two_languages_reads_each_after_the_other(tmp_path, caplog):
    path = tmp_path / "film.smi"
    path.write_text("<SAMI><HEAD><TITLE>Film</TITLE><STYLE TYPE=\"text/css\"><!--\n.ENCC {Name: English; lang: en-US;}\n"
                    ".FRCC {Name: French; lang: fr-FR;}\n--></STYLE></HEAD><BODY>\n"
                    "<SYNC Start=1000><P Class=ENCC>The train leaves<br>at 9.<P Class=FRCC>Le train part<br>à 9 h.\n"
                    "<SYNC Start=4000><P Class=ENCC>&nbsp;<P Class=FRCC>&nbsp;\n"
                    "<SYNC Start=5000><P Class=ENCC>Don't be late!<P Class=FRCC>Ne sois pas en retard !\n"
                    "</BODY></SAMI>\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        ("The train leaves\nat 9.", "subtitle 1"), ("Don't be late!", "subtitle 3"),
        ("Le train part\nà 9 h.", "subtitle 1"), ("Ne sois pas en retard !", "subtitle 3")]
    assert [span.lang for span in raw.spans] == ["en", "en", "fr", "fr"]
    assert "2 classes (encc (en), frcc (fr))" in caplog.text


def test_microdvd_codes_and_a_cue_whose_frames_are_damaged(tmp_path, caplog):
    path = tmp_path / "film.sub"
    path.write_text("{1}{1}23.976\n{100}{200}{y:i}Where were you?|{c:$0000ff}/At home.\n{}{250}{300}Stop.\n"
                    "{300}{400}{f:Arial}{s:20}We leave at 6.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(path)
    # A line whose frames are damaged keeps its text, without them, and it is said.
    assert [(s.original, s.where) for s in sentences] == [("Where were you?", "subtitle 1"), ("At home.", "subtitle 1"),
                                                          ("Stop.", "line 3"), ("We leave at 6.", "subtitle 2")]
    assert "film.sub, line 3: text outside any cue" in caplog.text


@pytest.mark.parametrize("name", ["sylvie.en.ass", "sylvie.en.sbv", "sylvie.en.sub", "sylvie.en.smi"])
def test_a_subtitle_file_cut_anywhere_is_read_or_refused_in_one_line(tmp_path, name):
    data = (DATA / name).read_bytes()
    for cut in range(1, len(data), 97):
        path = tmp_path / name
        path.write_bytes(data[:cut])
        try:
            read_input(str(path))
        except Exception as error:  # noqa: BLE001 - any error but the one-line InputError fails
            assert type(error).__name__ == "InputError", (cut, error)


# ---------------------------------------------------------------------------------------------- SCC

def test_scc_pop_on_captions_are_decoded_as_a_television_shows_them():
    """pycaption's NOVA sample (tests/data/subtitles2/nova.en.scc): read as text, every caption was a
    line of hexadecimal words, "00:00:09:05 94ae 94ae 9420 9420 9470 9470 a820 e3ec...". Decoded:
    rows a line each, a command sent twice obeyed once, "♪" from its special code."""
    raw, sentences = sentences_of(DATA / "nova.en.scc")
    assert type(reader_for("a.txt", (DATA / "nova.en.scc").read_bytes())).__name__ == "SccReader"
    assert raw.format == "subtitles"
    assert [(s.original, s.where) for s in sentences] == [
        ("( clock ticking )", "subtitle 1"), ("MAN:\nWhen we think\nof \"E equals m c-squared\",\n"
                                               "we have this vision of Einstein\nas an old, wrinkly man\nwith white hair.",
                                               "subtitle 2"),
        ("MAN 2:\nE equals m c-squared is\nnot about an old Einstein.", "subtitle 5"),
        ("MAN 2:\nIt's all about an eternal\nEinstein.", "subtitle 6"), ("<LAUGHING & WHOOPS!>", "subtitle 7")]


def test_scc_roll_up_lines_accents_and_a_damaged_word(tmp_path, caplog):
    """Roll-up: each line a caption as it rolls up; an accented letter replaces the plain one sent
    before it for older sets ("A" then "Ä"); a word cut to one byte ("4c") is read, a damaged one
    ("94zz") left out and counted, a line of text that is no time code kept and said."""
    path = tmp_path / "news.scc"
    path.write_text("Scenarist_SCC V1.0\n\n"
                    "00:00:00;22\t9425 9425 94ad 94ad 9470 9470 3e3e 3e20 c849 ae80\n\n"  # >>> HI.
                    "00:00:02;23\t9425 9425 94ad 94ad 9470 9470 cdc1 1330 5254 c8c1 2073 e16e 6780\n\n"  # MAÄRTHA sang
                    "00:00:04;17\t9425 9425 94zz 94ad 9470 9470 57c8 4552 4520 d94f d5a7 5245 2041 4c\n\n"
                    "checked by J.\n\n00:00:05;00\t9425 9425 94ad 94ad\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        _raw, sentences = sentences_of(path)
    assert [(s.original, s.where) for s in sentences] == [
        (">>> HI.", "subtitle 1"), ("MÄRTHA sang", "subtitle 2"), ("checked by J.", "line 9"),
        ("WHERE YOU'RE AL", "subtitle 3")]  # a roll-up line is shown when the next rolls it up
    assert "news.scc: 1 words are no hexadecimal bytes" in caplog.text and "news.scc, line 9" in caplog.text
