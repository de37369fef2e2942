"""Inputs a fuzz probe built from real sentences perturbed as real files are (odd Unicode, line
ends, markdown, repeats), each of which was misread or lost before its fix."""
import logging

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
