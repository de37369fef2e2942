"""EBU STL subtitles (.stl): the files broadcasters exchange, read cue by cue (align/readers/ebu_stl.py).

tests/data/ebu_stl holds two of ttconv's test files (github.com/sandflow/ttconv, BSD-2-Clause, see its
README.md); the others are built here byte by byte as EBU Tech 3264 lays them out.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

from align.readers import reader_for
from align.readers.ebu_stl import EbuStlReader
from align.reading import read_input

DATA = Path(__file__).parent / "data" / "ebu_stl"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def stl(cues, language=b"09", table=b"00", title=b"") -> bytes:
    """An STL file: its header (GSI), then each cue's text field in as many 128-byte blocks (TTI) as it
    takes, 112 bytes each; a cue is its text (rows parted by 0x8A) or (text, comment flag, extension)."""
    gsi = (b"850STL25.01 " + table + language + title.ljust(32) + b" " * 1024)[:1024]
    blocks = []
    for number, cue in enumerate(cues, 1):
        text, comment, extension = cue if isinstance(cue, tuple) else (cue, 0, None)
        parts = [text[k:k + 112] for k in range(0, len(text), 112)] or [b""]
        for k, part in enumerate(parts):
            ebn = extension if extension is not None else (0xFF if k == len(parts) - 1 else k)
            blocks.append(bytes([0]) + number.to_bytes(2, "little") + bytes([ebn, 0]) + bytes([0, 0, number, 0])
                          + bytes([0, 0, number, 20]) + bytes([20, 2, comment]) + part.ljust(112, b"\x8f"))
    return gsi + b"".join(blocks)


def texts(data: bytes) -> list[tuple[str, str, bool]]:
    return [(b.locator, b.text, b.furniture) for b in EbuStlReader().blocks(data, "film.stl")]


def test_ttconvs_files_are_read_as_their_subtitles_not_as_utf16_or_refused_as_binary(tmp_path):
    # Before: multi_tti_subtitle.stl, whose cue runs over three blocks, was "㔸匰䱔㔲〮㈱〰㤰..." (704
    # characters read as UTF-16); two_contained_tti.stl, with NUL bytes, refused as binary.
    raw = read_input(str(DATA / "multi_tti_subtitle.stl"))
    assert raw.text == "Foo Bar Baz"
    assert type(reader_for("x.stl", (DATA / "two_contained_tti.stl").read_bytes())).__name__ == "EbuStlReader"
    assert texts((DATA / "two_contained_tti.stl").read_bytes()) == [
        ("subtitle 0", "Subtitle One", False), ("subtitle 1", "Subtitle Two", False),
        ("subtitle 2", "Subtitle Three", False)]


def test_iso_6937_accents_rows_teletext_codes_comments_and_user_data():
    data = stl([b"\x0d\x0b\x0bO\xc1u vas-tu ?\x0a\x0a",  # double height, boxed
                b"\x80Au march\xc2e,\x81 dit-elle.\x8aJe serai de retour \xc1a sept heures.",
                (b"Nous avons une r\xc2eunion \xc1a la Biblioth\xc1eque nationale de France, puis nous irons "
                 b"d\xc3iner chez Fran\xcbcoise \xc1a Saint-\xc2Etienne.", 0, None),  # over two blocks
                (b"v\xc2erifier le minutage", 1, None),
                (b"\x00\x01", 0, 0xFE)], language=b"0F", title=b"Le Voyage")
    assert texts(data) == [
        ("header, programme title", "Le Voyage", True),
        ("subtitle 1", "Où vas-tu ?", False),
        ("subtitle 2", "Au marché, dit-elle.\nJe serai de retour à sept heures.", False),
        ("subtitle 3", "Nous avons une réunion à la Bibliothèque nationale de France, puis nous irons dîner chez "
                       "Françoise à Saint-Étienne.", False),
        ("subtitle 4, comment", "vérifier le minutage", True)]
    assert {b.lang for b in EbuStlReader().blocks(data, "film.stl")} == {"fr"}


def test_other_code_tables_and_a_file_cut_short(caplog):
    greek = stl(["Καλημέρα.".encode("iso8859_7")], language=b"70", table=b"03")
    assert texts(greek) == [("subtitle 1", "Καλημέρα.", False)]
    with caplog.at_level(logging.WARNING, logger="align"):
        assert texts(stl([b"One.", b"Two."])[:-40]) == [("subtitle 1", "One.", False)]
    assert "film.stl: cut short: its last 88 bytes are part of a subtitle block" in caplog.text


def test_an_stl_pair_is_audited_the_cue_left_out_found(tmp_path):
    english = stl([b"Where are you going?", b"To the market, she said.\x8aI will be back at five.",
                   b"The G20 meets tomorrow in Paris."])
    french = stl([b"O\xc1u vas-tu ?", b"Au march\xc2e, dit-elle.\x8aJe serai de retour \xc1a cinq heures."],
                 language=b"0F")
    (tmp_path / "en.stl").write_bytes(english)
    (tmp_path / "fr.stl").write_bytes(french)
    run = cli("pair", tmp_path / "en.stl", tmp_path / "fr.stl", "--format", "json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["target"]["lang"] == "fr"
    assert [s["text"] for s in report["target"]["sentences"]] == [
        "Où vas-tu ?", "Au marché, dit-elle.", "Je serai de retour à cinq heures."]
    source = report["source"]["sentences"]
    content = [(f["type"], [source[k]["locator"] for k in f["src"]]) for f in report["findings"]
               if f["severity"] == "content"]
    assert content == [("omission", ["subtitle 3"])]


def test_a_3d_models_stl_is_a_one_line_error(tmp_path):
    path = tmp_path / "part.stl"
    path.write_text("solid part\n  facet normal 0 0 1\n  endfacet\nendsolid part\n")
    run = cli("pair", path, "-q")
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_an_stl_file_cut_anywhere_is_read_or_refused_in_one_line(tmp_path):
    data = (DATA / "two_contained_tti.stl").read_bytes()
    for cut in range(1, len(data), 61):
        path = tmp_path / "cut.stl"
        path.write_bytes(data[:cut])
        try:
            read_input(str(path))
        except Exception as error:  # noqa: BLE001 - any error but the one-line InputError fails
            assert type(error).__name__ == "InputError", (cut, error)
            assert "\n" not in str(error)
    path.write_bytes(data[:500])
    run = cli("pair", path, "-q")
    assert run.returncode == 2 and "cut short: 500 bytes, less than its 1024-byte header" in run.stderr
