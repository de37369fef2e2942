"""The XML readers' sniffs read a file's opening comments one by one: a comment's pattern that could
run on past its "-->" took text between two comments for part of one ("<!-- a --> <MODE> ... <!--
b --> <root>" was a .resx), and on jEdit's mode files, full of comments, backtracked for 6 s per
reader (qt-ts and resx: 13 s before a 10 KB file was read)."""
from __future__ import annotations

import pytest

from align.readers.android import AndroidStringsReader
from align.readers.qt import TsReader
from align.readers.resx import ResxReader

COMMENTS = b"".join(b"<!-- note %d -->\n" % k for k in range(3))


@pytest.mark.parametrize("reader, root", [
    (ResxReader(), b'<root><data name="a"><value>Open</value></data></root>'),
    (TsReader(), b'<TS version="2.1" language="fr"><context><name>A</name></context></TS>'),
])
def test_an_xml_file_is_taken_by_its_root_after_its_comments_not_through_them(reader, root):
    head = b'<?xml version="1.0"?>\n'
    assert reader.sniff(head + COMMENTS + root)
    # Another root between two comments: a mode file, a page, anything but the reader's format.
    assert not reader.sniff(head + b"<!-- a -->\n<MODE>\n<!-- b -->\n" + root)


def test_an_empty_android_resources_file_is_told_by_its_comments_alone():
    empty = AndroidStringsReader()
    assert empty.sniff(b'<?xml version="1.0"?>\n' + COMMENTS + b"<resources>\n<!-- none yet -->\n</resources>\n")


def test_many_comments_before_another_root_are_read_at_once_by_the_subtitle_sniff():
    # 3,000 comments before a root no reader takes: the TTML sniff's comment could run on past its
    # "-->" and backtracked without end.
    from align.readers.ttml import TtmlReader

    data = b'<?xml version="1.0"?>\n' + b"".join(b"<!-- note %d -->\n" % k for k in range(3000)) + b"<MODE/>"
    assert not TtmlReader().sniff(data)
    few = b'<?xml version="1.0"?>\n' + b"".join(b"<!-- note %d -->\n" % k for k in range(100))
    assert TtmlReader().sniff(few + b'<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>')


def test_many_comments_before_a_root_are_read_at_once_by_the_xml_document_sniff():
    from align.readers.xml_document import XmlDocumentReader

    comments = b"".join(b"<!-- note %d -->\n" % k for k in range(3000))
    assert not XmlDocumentReader().sniff(b'<?xml version="1.0"?>\n' + comments)  # a DTD's head: no root
    few = b"".join(b"<!-- note %d -->\n" % k for k in range(100))
    assert XmlDocumentReader().sniff(b'<?xml version="1.0"?>\n' + few + b"<topic><p>Text.</p></topic>")


def test_an_svg_texts_spans_are_one_line_of_text(tmp_path):
    # "First" and "quarter", two <tspan>s of one <text>, were two blocks, two "sentences".
    from align.documents import load_sentences
    from align.reading import read_input
    from align.segmenters import load_segmenter

    path = tmp_path / "chart.svg"
    path.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="2">'
                    '<tspan>First</tspan> <tspan font-weight="bold">quarter</tspan></text>'
                    '<text><textPath href="#c">Around the circle</textPath></text></svg>\n')
    assert [s.original for s in load_sentences(read_input(str(path)), load_segmenter("auto"))] == [
        "First quarter", "Around the circle"]
