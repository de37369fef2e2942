"""An XML file that declares an encoding no codec reads ('encoding="UTF-P6"', a typo or a tool's
invention) is one line and exit code 2 from every XML reader: the parser's LookupError came out of
the XLIFF and TMX readers (and others) as a traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

DECLARED = b'<?xml version="1.0" encoding="UTF-P6"?>\n'


@pytest.mark.parametrize("name, body", [
    ("strings.xlf", b'<xliff version="1.2"><file source-language="en" target-language="fr"><body>'
                    b'<trans-unit id="1"><source>Hello</source><target>Bonjour</target></trans-unit></body></file></xliff>'),
    ("memory.tmx", b'<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv>'
                   b'<tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu></body></tmx>'),
    ("book.fb2", b'<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><body><p>Hello.</p></body>'
                 b'</FictionBook>'),
    ("Resources.resx", b'<root><data name="a"><value>Hello</value></data></root>'),
])
def test_an_xml_file_in_an_encoding_no_codec_reads_is_one_line(tmp_path, name, body):
    path = tmp_path / name
    path.write_bytes(DECLARED + body)
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 2, run.stderr
    assert "UTF-P6" in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
