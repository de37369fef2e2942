"""The readers of programs' strings and slide decks (gettext .po and .mo, JSON, Android strings.xml,
.pptx) against damaged and unusual files: each input here is the reduced form of one a fuzzing run
broke (/tmp/rfz: real catalogues of /usr/share/locale cut short, re-encoded, their line ends
changed; decks written by python-pptx, a byte of them changed)."""
from __future__ import annotations

import copy
import io
import subprocess
import sys
import zipfile

import pytest
from pptx import Presentation
from pptx.util import Inches

from align.reading import read_input

HEADER = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n\n')
BRIDGE = 'msgid "The bridge is closed."\nmsgstr "Die Brücke ist gesperrt."\n'


def texts(path):
    raw = read_input(str(path))
    return [raw.text[span.start:span.end] for span in raw.spans]


def one_line_error(path, *more):
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), *map(str, more), "-q"],
                         capture_output=True, text=True, timeout=300)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    return run.stderr


# --- gettext ---------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    BRIDGE + '\nmsgctxt "menu"\n',  # a catalogue cut short after a context
    'msgstr "Ohne Quelle."\n\n' + BRIDGE,  # a translation with no msgid before it
])
def test_an_entry_without_its_msgid_is_a_one_line_error(tmp_path, body):
    # Both were a KeyError's traceback.
    path = tmp_path / "cut.po"
    path.write_text(HEADER.format(charset="UTF-8") + body, encoding="utf-8")
    assert "cannot be read as a gettext catalogue" in one_line_error(path)


def test_a_catalogue_with_old_mac_line_ends_is_read_as_with_any_other(tmp_path):
    # "\r" alone: read as one line, "an unterminated string".
    path = tmp_path / "mac.po"
    path.write_bytes((HEADER.format(charset="UTF-8") + BRIDGE).replace("\n", "\r").encode("utf-8"))
    assert texts(path) == ["The bridge is closed.", "Die Brücke ist gesperrt."]


def test_the_charset_of_a_header_after_long_credits_is_the_one_read(tmp_path):
    # The charset was looked for in the first 4096 bytes only: refused as not UTF-8.
    credits = "".join(f"# Translator {k} <t{k}@example.org>, 20{k % 24:02d}.\n" for k in range(150))
    path = tmp_path / "old.po"
    path.write_bytes((credits + "\n" + HEADER.format(charset="ISO-8859-1") + BRIDGE).encode("latin-1"))
    assert texts(path) == ["The bridge is closed.", "Die Brücke ist gesperrt."]


def test_a_catalogue_saved_as_utf16_is_read_by_its_byte_order_mark(tmp_path):
    # Its header's "charset=UTF-8" was believed, and the file refused.
    path = tmp_path / "windows.po"
    path.write_bytes((HEADER.format(charset="UTF-8") + BRIDGE).encode("utf-16"))
    assert texts(path) == ["The bridge is closed.", "Die Brücke ist gesperrt."]


# --- JSON ------------------------------------------------------------------------------------

def test_a_key_written_twice_keeps_both_its_strings(tmp_path):
    # json.loads kept the second: the first title was in no report.
    path = tmp_path / "en.json"
    path.write_text('{"title": "The first title is here.", "title": "The second title is here.", "body": "A body."}',
                    encoding="utf-8")
    assert texts(path) == ["The first title is here.", "The second title is here.", "A body."]


def test_a_lone_surrogate_escape_is_read_as_a_replacement_character(tmp_path):
    # "\ud800" stood in the text as is, and the language detector's traceback ended the run.
    path = tmp_path / "en.json"
    path.write_text('{"a": "Broken \\ud800 surrogate here.", "b": "A smile \\ud83d\\ude00 here."}', encoding="utf-8")
    assert texts(path) == ["Broken \ufffd surrogate here.", "A smile \U0001F600 here."]


def test_json_nested_deeper_than_the_parser_goes_is_a_one_line_error(tmp_path):
    # json.loads' RecursionError was a traceback.
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + '"The bridge is closed."' + "]" * 100000, encoding="utf-8")
    assert "cannot be read as JSON" in one_line_error(path)


def test_json_nested_as_deep_as_the_parser_goes_is_read(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 900 + '"The bridge is closed."' + "}" * 900, encoding="utf-8")
    assert texts(path) == ["The bridge is closed."]


# --- Android ---------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ['<?xml version="1.0" encoding="utf-8"?>\n<resources/>\n',
                                     '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n</resources>\n'])
def test_an_empty_android_file_holds_no_text(tmp_path, content):
    # Read as plain text, its XML declaration and tag were the sentences of the report.
    path = tmp_path / "strings.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(Exception, match="holds no text to align"):
        read_input(str(path))


def test_a_string_written_as_an_item_of_type_string_is_read(tmp_path):
    path = tmp_path / "strings.xml"
    path.write_text('<resources><string name="a">The bridge is closed.</string>'
                    '<item name="b" type="string">The gate opens at noon.</item></resources>', encoding="utf-8")
    assert texts(path) == ["The bridge is closed.", "The gate opens at noon."]


# --- PowerPoint ------------------------------------------------------------------------------

def test_a_shape_in_two_versions_is_read_once(tmp_path):
    # mc:AlternateContent, as PowerPoint writes a shape for newer and older versions of itself:
    # both were read, its text twice in every report.
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, Inches(5), Inches(1))
    box.text_frame.text = "The storm reached the coast."
    from lxml import etree
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    element = box._element
    parent = element.getparent()
    alternate = etree.SubElement(parent, f"{{{mc}}}AlternateContent", nsmap={"mc": mc})
    etree.SubElement(alternate, f"{{{mc}}}Choice", Requires="p14").append(copy.deepcopy(element))
    etree.SubElement(alternate, f"{{{mc}}}Fallback").append(element)
    slide.shapes.add_textbox(0, Inches(2), Inches(5), Inches(1)).text_frame.text = "Schools stayed closed."
    path = tmp_path / "deck.pptx"
    presentation.save(path)
    assert texts(path) == ["The storm reached the coast.", "Schools stayed closed."]


def test_a_deck_whose_compressed_slide_is_damaged_is_a_one_line_error(tmp_path):
    # zlib's "invalid code lengths set" was a traceback.
    presentation = Presentation()
    presentation.slides.add_slide(presentation.slide_layouts[1]).shapes.title.text = "The storm reached the coast."
    buffer = io.BytesIO()
    presentation.save(buffer)
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("ppt/slides/slide1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 5, start + 25):
        data[k] ^= 0x5A
    path = tmp_path / "deck.pptx"
    path.write_bytes(bytes(data))
    assert "cannot be read as a PowerPoint slide deck" in one_line_error(path)


def _mo_revision_1(header: str, messages, system_dependent, segments) -> bytes:
    """A compiled catalogue of minor revision 1 as GNU msgfmt lays it out: `messages` (original,
    translation) in the usual tables, `system_dependent` ones as lists of fixed pieces (str) and
    segment numbers (int) in tables of their own."""
    import struct
    blobs = bytearray()
    base = 48 + 16 * (len(messages) + 1)
    static = [("", header)] + list(messages)
    strings_at = base + 8 * len(segments) + 8 * len(system_dependent)

    def put(raw: bytes) -> int:
        at = strings_at + len(blobs)
        blobs.extend(raw)
        return at

    tables = [[], []]
    for original, translation in static:
        for side, text in enumerate((original, translation)):
            raw = text.encode("utf-8")
            tables[side].append((len(raw), put(raw + b"\0")))
    segment_rows = [(len(name) + 1, put(name.encode() + b"\0")) for name in segments]
    descriptors = [[], []]
    for pair in system_dependent:
        for side, pieces in enumerate(pair):
            fixed = [piece.encode("utf-8") for piece in pieces if isinstance(piece, str)]
            refs = [piece for piece in pieces if isinstance(piece, int)] + [0xFFFFFFFF]
            fixed[-1] += b"\0"
            offset = put(b"".join(fixed))
            row = struct.pack("<I", offset) + b"".join(struct.pack("<2I", len(f), r) for f, r in zip(fixed, refs))
            descriptors[side].append(put(row))
    n = len(static)
    head = struct.pack("<12I", 0x950412DE, 1, n, 48, 48 + 8 * n, 0, 0, len(segments), 48 + 16 * n,
                       len(system_dependent), 48 + 16 * n + 8 * len(segments),
                       48 + 16 * n + 8 * len(segments) + 4 * len(system_dependent))[:48]
    tables_bytes = b"".join(struct.pack("<2I", *row) for row in tables[0] + tables[1])
    seg_bytes = b"".join(struct.pack("<2I", *row) for row in segment_rows)
    desc_bytes = b"".join(struct.pack("<I", at) for at in descriptors[0] + descriptors[1])
    body = head + tables_bytes + seg_bytes + desc_bytes
    assert len(body) == strings_at
    return body + bytes(blobs)


def test_a_compiled_catalogues_system_dependent_messages_are_read(tmp_path):
    # gdk-pixbuf's Arabic .mo (revision 1.1) holds 4 of its messages, those whose translation says
    # "%Id", in tables of their own, and coreutils' those with "%<PRIuMAX>": none was in any report.
    path = tmp_path / "coreutils.mo"
    path.write_bytes(_mo_revision_1(
        "Language: de\nContent-Type: text/plain; charset=UTF-8\n",
        [("The bridge is closed.", "Die Brücke ist gesperrt.")],
        [(["Removed %", 0, " files from the disk."], ["%", 0, " Dateien von der Festplatte entfernt."]),
         (["Unsupported depth for the file: %d"], ["Nicht unterstützte Tiefe der Datei: %", 1, "d"])],
        ["PRIuMAX", "I"]))
    assert texts(path) == ["The bridge is closed.", "Removed %<PRIuMAX> files from the disk.",
                           "Unsupported depth for the file: %d", "Die Brücke ist gesperrt.",
                           "%<PRIuMAX> Dateien von der Festplatte entfernt.", "Nicht unterstützte Tiefe der Datei: %Id"]


def test_a_catalogue_of_one_line_messages_is_read_without_measuring_their_wrapping(tmp_path, monkeypatch):
    # A .po of 100,000 entries took 11 s to read, 7 of them measuring the wrapping width of messages
    # of one line; now 3 s.
    import align.readers.po as po_reader
    measured = []
    real = po_reader.wrap_width
    monkeypatch.setattr(po_reader, "wrap_width", lambda text: measured.append(text) or real(text))
    path = tmp_path / "big.po"
    path.write_text(HEADER.format(charset="UTF-8") + "".join(
        f'msgid "Item {k} is in stock."\nmsgstr "Artikel {k} ist vorrätig."\n\n' for k in range(2000))
        + 'msgid "Use the\\n--force option."\nmsgstr "Verwenden Sie\\ndie Option --force."\n', encoding="utf-8")
    assert len(texts(path)) == 4002
    assert len(measured) == 2


@pytest.mark.parametrize("compiled", [False, True])
def test_a_vertical_tab_parts_a_message_as_a_line_break_does(tmp_path, compiled):
    # libc's "Generate message catalog.\vIf INPUT-FILE is -, ...": the .po's "\v" was dropped and
    # "catalog.If" read as one sentence; the .mo kept the character itself, and a bell before
    # bash's "timed out waiting for input", which the .po dropped.
    body = ('msgid "Generate message catalog.\\vIf INPUT-FILE is -, input is read from standard input."\n'
            'msgstr "Erzeugt einen Nachrichtenkatalog.\\vWenn EINGABEDATEI - ist, wird die Standardeingabe gelesen."\n\n'
            'msgid "\\atimed out waiting for input: auto-logout"\nmsgstr "\\aZeitüberschreitung bei der Eingabe"\n')
    path = tmp_path / "libc.po"
    path.write_text(HEADER.format(charset="UTF-8") + body, encoding="utf-8")
    if compiled:
        from translate.storage import mo
        store = mo.mofile()
        store.addsourceunit("").target = "Language: de\nContent-Type: text/plain; charset=UTF-8\n"
        for source, target in (("Generate message catalog.\vIf INPUT-FILE is -, input is read from standard input.",
                                "Erzeugt einen Nachrichtenkatalog.\vWenn EINGABEDATEI - ist, wird die Standardeingabe "
                                "gelesen."),
                               ("\atimed out waiting for input: auto-logout", "\aZeitüberschreitung bei der Eingabe")):
            store.addsourceunit(source).target = target
        path = tmp_path / "libc.mo"
        path.write_bytes(bytes(store))
    raw = read_input(str(path))
    assert "\a" not in raw.text and "\v" not in raw.text
    from align.documents import load_sentences
    from align.segmenters import load_segmenter
    sentences = [s.text for s in load_sentences(raw, load_segmenter("auto"))]
    assert "Generate message catalog." in sentences and "If INPUT-FILE is -, input is read from standard input." in sentences
