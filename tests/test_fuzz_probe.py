"""Inputs a fuzz probe built from real sentences perturbed as real files are (odd Unicode, line
ends, markdown, repeats), each of which was misread or lost before its fix."""
import logging

import pytest

from align.reading import read_input

# Sentences written for this test (not from a corpus).
ZH = ("北京是中华人民共和国的首都，也是全国的政治和文化中心。 这座城市有三千多年的历史，留下了许多古老的建筑和街道。 "
      "每年春天，很多游客来到这里参观故宫、天坛和长城。\n\n老人们喜欢在公园里散步、下棋，或者坐在树下聊天。 "
      "年轻人则更愿意去新开的咖啡馆，一边喝咖啡一边工作。 地铁四通八达，从城东到城西只要一个多小时。\n\n"
      "冬天很冷，常常刮大风，有时还会下雪。 夏天又热又潮湿，人们晚上才出门吃饭。 "
      "胡同里的小饭馆做的炸酱面特别好吃，价格也很便宜。\n\n我第一次来北京的时候，只会说几句简单的中文。 "
      "一位卖水果的阿姨耐心地教我怎么讲价，还送了我两个苹果。 后来我在这里住了五年，交了很多朋友。\n\n"
      "离开的那天，朋友们都到车站来送我，大家心里都很难过。 现在我每年都会回去看看，城市变化很大，但人情味还在。\n")


def test_gb18030_with_two_bidi_marks_is_read_as_chinese(tmp_path, caplog):
    # GB18030 writes a character GBK has not in four bytes; two bidi marks made the text too
    # "messy" for charset-normalizer, which proposed nothing, and the file was read as Russian in
    # ISO-8859-5 ("вВЪЧДјЕуЭцаІ..."), every sentence of it garbled, said only as "Russian text".
    text = "\u202b北\u2069" + (ZH * 2)[1:]
    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode("gb18030"))
    with caplog.at_level(logging.WARNING, logger="align"):
        raw = read_input(str(path))
    assert raw.encoding == "gb18030" and raw.text == text


# Candide (public domain), English and an early Spanish translation: one pair repeated, as a
# translation memory holds a recurring segment, with an HTML comment among the units.
THERE_EN = ('" There, " said she, " eat, drink, and sleep, and may Our Lady of Atocha, and the great St. Anthony of '
            'Padua, and the illustrious St. James of Compostella, take you under their protection. I shall be back '
            'tomorrow. "')
THERE_ES = ("Come, hijo, bebe y duerme, le dixo, y Nuestra Señora de Atocha, el señor San Antonio de Padua, y el señor "
            "Santiago de Compostela se queden contigo: mañana volveré.")
CANDIDE_UNITS = [
    (THERE_EN, THERE_ES.replace("Santiago", "~~Santiago~~")), ("<!-- comment -->", ""), *[(THERE_EN, THERE_ES)] * 6,
    ("Candide, struck with amazement at what he had seen, at what he had suffered, and still more with the charity "
     "of the old woman, would have shown his acknowledgment by kissing her hand.",
     "Confuso Candido con todo quanto habia visto, y quanto habia padecido, y inas todavía con la caridad de la "
     "vieja, le quiso besar la mano."),
    ('" It is not my hand you ought to kiss, " said the old woman. " I shall be back tomorrow.',
     "No es mi mano la que has de besar, le dixo la vieja; mañana volveré."),
    ('" Take off that veil, " said the old woman to Candide.', "Alza ese velo, dixo á Candido la vieja."),
]


def _tmx(units) -> str:
    from xml.sax.saxutils import escape

    body = "\n".join(f'<tu tuid="{k}"><tuv xml:lang="en"><seg>{escape(s)}</seg></tuv>'
                     f'<tuv xml:lang="es"><seg>{escape(t)}</seg></tuv></tu>' for k, (s, t) in enumerate(units, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
            'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
            f"{body}\n</body></tmx>\n")


def test_a_replaced_passage_keeps_both_sides_in_document_order(tmp_path, use_encoder):
    # The unmatched sentences of a gap were joined into one `replaced` bead across a pair in place
    # and around the comment kept apart: "match 0-1, replaced 1,3,4-0, omission 2", the target
    # reading 1 then 0 and the source 3, 4 then 2, in every report.
    from align import align_pair
    from align.reports.base import rows

    path = tmp_path / "memory.tmx"
    path.write_text(_tmx(CANDIDE_UNITS), encoding="utf-8")
    result = align_pair(str(path), encoder=use_encoder)
    in_place = [row.bead for row in rows(result) if row.bead.kind != "moved"]
    src = [i for bead in in_place for i in bead.src]
    tgt = [j for bead in in_place for j in bead.tgt]
    assert src == sorted(src) and tgt == sorted(tgt)
    assert sorted(src) == list(range(len(result.source.sentences)))


def test_short_gb18030_with_soft_hyphens_and_a_korean_line_is_read_as_chinese(tmp_path):
    # charset-normalizer proposes nothing for it at any threshold (eight soft hyphens and the
    # Hangul, four bytes each in GB18030); the single-byte pages alone were weighed and it was
    # read as Ukrainian in cp1251 ("ОТµЪТ»ґОАґ±±..."), then aligned with another encoder.
    text = ("我第一次来北\xad京的时候，只会说几\xad句简单的中文。\n一位卖水果的阿\xad姨耐心地教我怎么讲\xad价。\n"
            "서울은 대\xad한민국의 수\xad도이다.\n后来我在这里住了五\xad年，交了很多朋\xad友。\n")
    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode("gb18030"))
    raw = read_input(str(path))
    assert raw.encoding == "gb18030" and raw.text == text


@pytest.mark.parametrize("space", ["\u202f", "\u2009", "\u3000", "\t"])
def test_a_regnal_numeral_after_any_space_is_read_not_a_traceback(space):
    # "Paul\tII", or French's narrow no-break space before a numeral: the numeral was stripped of
    # " \u00a0." only, the space stayed in it, and `align pair` ended in a KeyError traceback.
    from align.audit.facts import compare_facts

    assert compare_facts(f"Pope John Paul{space}II visited Poland in 1979.",
                         f"Le pape Jean-Paul{space}II s'est rendu en Pologne en 1979.", "en", "fr") == []
    found = compare_facts(f"Pope John Paul{space}II visited Poland in 1979.",
                          f"Le pape Jean-Paul{space}III s'est rendu en Pologne en 1979.", "en", "fr")
    assert [(m.kind, m.src_value, m.tgt_value) for m in found] == [("number", f"Paul{space}II", f"Paul{space}III")]


def test_a_repeated_sentence_never_takes_a_whole_side_of_its_pair():
    # A paragraph said over and over, numbered as a list in the translation ("1. ...", "2. ..."):
    # the source's repeats had no repeats against them, and both sentences of a 2-2 pair were
    # reported left out, its target rendering nothing (`align versions` lost that target's id).
    from align.audit.absorbed import repeated_in_pairs

    en = "Utrecht already has the largest bicycle parking garage in the world, with room for 12,500 bicycles."
    nl = "Utrecht heeft al de grootste fietsenstalling ter wereld, met plaats voor 12.500 fietsen."
    src_texts, tgt_texts = [en] * 3, [nl, f"1. {nl}", f"2. {nl}"]
    words = ([16] * 3, [15] * 3)
    out = repeated_in_pairs([((0,), (0,)), ((1, 2), (1, 2))], src_texts, tgt_texts, *words, min_words=3)
    assert out == (frozenset({2}), frozenset())


def test_a_table_with_a_row_said_again_and_again_is_still_a_table(tmp_path):
    # A Chinese-English memory whose recurring segment comes back on row after row: its Chinese
    # cells, a fraction of their English as Chinese is, came back like a transcript's speaker
    # names, and the file was read as plain text and refused ("only English (en) text found").
    rows = [("请稍候。", "Please wait while we save your changes to the server.")] * 8 + [
        ("文件已保存。", "The file has been saved."), ("无法连接到服务器。", "Could not connect to the server."),
        ("是否删除此项目？", "Do you want to delete this item?"), ("密码错误。", "The password is wrong.")]
    path = tmp_path / "memory.csv"
    path.write_text("".join(f"{zh},{en}\n" for zh, en in rows), encoding="utf-8")
    raw = read_input(str(path))
    assert raw.format == "csv"
    assert {span.side for span in raw.spans} == {"source", "target"}
