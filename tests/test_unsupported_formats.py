"""Binary formats a translator is handed that no reader takes: each refused in one line that names
what the file is and what to give instead, by its content where it carries a signature and by its
name otherwise, never as "a binary file (contains NUL bytes)"."""
from __future__ import annotations

import subprocess
import sys

import pytest

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("name, data, said", [
    ("book.djvu", b"AT&TFORM\x00\x00\x12\x34DJVMDIRM" + bytes(200), "a DjVu scan"),
    ("scan.bin", b"AT&TFORM\x00\x00\x12\x34DJVUINFO" + bytes(200), "a DjVu scan"),
    ("help.chm", b"ITSF\x03\x00\x00\x00" + bytes(200), "compiled HTML help"),
    ("manual", b"ITSF\x03\x00\x00\x00" + bytes(200), "compiled HTML help"),
    ("layout.indd", bytes.fromhex("0606EDF5D81D46E5BD31EFE7FE74B71D") + bytes(200), "an InDesign document"),
    ("report.hwp", OLE + bytes(200), "a Hangul (HWP) document"),
    ("letter.wpd", b"\xffWPC" + bytes(200), "a WordPerfect document"),
    ("novel.lit", b"ITOLITLS" + bytes(200), "a Microsoft Reader e-book"),
    ("deck.key", b"PK\x03\x04" + bytes(26) + b"Index/Document.iwa" + bytes(100), "a Keynote presentation"),
    ("form.xps", b"PK\x03\x04" + bytes(26) + b"FixedDocSeq.fdseq" + bytes(100), "an XPS document"),
])
def test_a_binary_format_no_reader_takes_is_named_in_one_line(tmp_path, name, data, said):
    path = tmp_path / name
    path.write_bytes(data)
    other = tmp_path / "fr.txt"
    other.write_text("Le texte traduit de ce document.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), str(other)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 2, run.stderr
    assert said in run.stderr and "NUL" not in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
