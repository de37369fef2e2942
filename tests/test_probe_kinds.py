"""Probe 47: eight kinds of text no earlier probe tried (verses, a chat log, a tweet thread, slides, UI
strings, a CSV, a wire story, lyrics), each read as a translator would cut it."""
from __future__ import annotations

from align.documents import load_sentences, wrap_width
from align.reading import RawText
from align.segmenters import load_segmenter

SEGMENTER = load_segmenter("auto")


def _texts(text: str) -> list[str]:
    return [s.text for s in load_sentences(RawText(text, "utf-8", "x"), SEGMENTER)]


# A chat log in Japanese: its lines, short and of about one length, end without a full stop.
CHAT_JA = ("[09:14] アンナ: おはよう、昨夜のビルド失敗を見た人いる？\n"
           "[09:15] ベン: 見たよ、ナイトリーのジョブがステップ3で落ちてた\n"
           "[09:15] ベン: たぶんデータベースの移行がタイムアウトしたんだと思う\n"
           "[09:16] アンナ: 落ちるまでどれくらい動いてた？\n"
           "[09:17] ベン: 45分くらい、普段は10分で終わる\n")


def test_a_japanese_chat_log_is_a_message_a_line():
    """Its lines were taken for a text hard-wrapped at 38: the next line's first "word" (Japanese
    has no spaces) was the whole line, which never fits, so three messages were one sentence, and
    a message left out of the translation was unseen."""
    assert wrap_width(CHAT_JA) is None
    assert _texts(CHAT_JA) == CHAT_JA.strip().split("\n")


UI_JA = ("サーバーに接続できませんでした。もう一度お試しください\n"
         "ファイルを保存する前に変更内容を確認してください\n"
         "最終更新日時が古いファイルは自動的に削除されます\n"
         "この操作は元に戻せません\n"
         "新しいバージョンが利用可能です。今すぐ更新しますか\n"
         "隠しファイルを表示する\n")


def test_japanese_ui_strings_of_about_one_length_are_a_string_a_line():
    """Taken for wrapped at 27 (the next line never fit), four strings were one sentence."""
    assert wrap_width(UI_JA) is None
    assert _texts(UI_JA) == ["サーバーに接続できませんでした。", "もう一度お試しください", "ファイルを保存する前に変更内容を確認してください",
                             "最終更新日時が古いファイルは自動的に削除されます", "この操作は元に戻せません", "新しいバージョンが利用可能です。",
                             "今すぐ更新しますか", "隠しファイルを表示する"]


def test_chinese_hard_wrapped_at_a_width_is_still_read_as_wrapped():
    """The other side of the rule: Chinese wrapped at 20 characters, a paragraph a line after the
    first, gives the sentences of the unwrapped text."""
    paragraphs = ["法国央行周二将今年的经济增长预期从此前的百分之一点一下调至百分之零点八，理由是德国需求疲软以及能源成本居高不下。",
                  "该行表示，目前预计今年平均通胀率为百分之二点六，明年将降至欧洲央行的目标以下。上周公布的企业调查显示工厂订单连续第三个月下降。"]
    wrapped = "\n".join(p[k:k + 20] for p in paragraphs for k in range(0, len(p), 20))
    assert wrap_width(wrapped) == 40  # columns: a Han character takes two
    assert [t.replace(" ", "") for t in _texts(wrapped)] == _texts("\n".join(paragraphs))


# The rows of a CSV in Japanese (an id, a section, the text, a note), read as plain text.
CSV_JA = ("id,section,text,notes\n"
          "1,intro,1609年に完成した姫路城へようこそ。,\n"
          "2,intro,見学中は常にグループから離れないでください。,\n"
          "3,intro,見学は約90分で、急な階段が6か所あります。,stairs\n"
          "4,keep,大天守は地上6階、地下1階です。,\n"
          "5,keep,白い壁は漆喰で覆われており、木材を火から守っています。,\n"
          "6,keep,その色から、この城は白鷺城とも呼ばれています。,\n"
          "7,keep,中に入る前に靴を脱いでください。,\n"
          "8,garden,隣接する好古園は1992年に開園しました。,\n"
          "9,garden,好古園は様式の異なる9つの庭園から成っています。,\n"
          "10,garden,茶室では午後4時30分までお茶をお出ししています。,\n")


def test_the_rows_of_a_japanese_csv_read_as_text_stay_apart():
    """A CSV of four columns is no bilingual table and is read as plain text: taken for a text
    wrapped at 41, its rows ran into each other, a sentence holding the end of one row and the
    start of the next (",\\n2,intro,見学中は...") and the header glued to the first row."""
    sentences = load_sentences(RawText(CSV_JA, "utf-8", "tour.ja.csv"), SEGMENTER)
    rows = CSV_JA.strip().split("\n")
    assert [s.line for s in sentences if s.original[:1].isalnum()] == list(range(1, len(rows) + 1))
    assert all("\n" not in s.original for s in sentences)


LYRICS_EN = ("August Moon\n\n[Verse 1]\nI was walking alone down the harbour street\nwith your old letter in my pocket\n"
             "the streetlights went out one by one\nand the sea was singing softly\n\n"
             "[Chorus]\nAugust moon, don't go away yet\nstay with me until the day comes\n"
             "August moon, tell me where it is\nthe love that left and won't come back\n\n"
             "[Verse 2]\nI was twenty years old and wore a blue dress\nwe danced barefoot on the sand\n"
             "you promised me a thousand nights like that one\nbut the wind carried the sorrow away\n")


def test_a_stanza_with_one_longer_line_is_still_a_line_a_sentence():
    """"you promised me a thousand nights like that one" (47 characters) kept the second verse from
    being a stanza: its four lines were one sentence, beside the Spanish original's four, and a line
    added to the translation went unseen."""
    texts = _texts(LYRICS_EN)
    assert texts == [line for line in LYRICS_EN.split("\n") if line]


def test_a_tweets_hashtags_stay_with_its_last_sentence():
    """The last tweet of a Spanish thread, read as Galician (a short line whose tags are English
    words), was cut by the punctuation rule before its tags: "#maps #javascript" stood as a sentence,
    and the faithful pair had a false split. A lone comma after a Japanese CSV cell stood as one too."""
    tweet = "10/10 ¡Haced RT si os resulta útil! #maps #javascript"
    for lang in ("es", "gl", "und"):
        assert SEGMENTER.split(tweet, lang) == [(0, len(tweet))]
    assert _texts(tweet) == [tweet]
    assert SEGMENTER.split("今日は晴れ。#東京 #旅行", "ja") == [(0, len("今日は晴れ。#東京 #旅行"))]
    row = "2,intro,見学中は常にグループから離れないでください。,"
    assert [row[a:b] for a, b in SEGMENTER.split(row, "ja")] == [row]
    row = "3,intro,見学は約90分で、急な階段が6か所あります。,stairs"
    assert [row[a:b] for a, b in SEGMENTER.split(row, "ja")] == [row]
    # A sentence that follows still stands apart, and so does an emoji (a reaction).
    assert len(SEGMENTER.split("¡Genial! #maps Mañana hay más.", "gl")) == 2
    assert len(SEGMENTER.split("Great! 🎉", "und")) == 2


def test_a_tweets_hashtags_do_not_name_its_language():
    from align.language import detect_language

    assert detect_language("10/10 ¡Haced RT si os resulta útil! #maps #javascript")[0] == "es"
    sentences = load_sentences(RawText("9/10 Y sí, por fin llega el modo oscuro. 🌙\n\n"
                                       "10/10 ¡Haced RT si os resulta útil! #maps #javascript\n", "utf-8", "x"), SEGMENTER)
    assert [s.lang for s in sentences] == ["es", "es"]
    # A tag alone is still read (as a guess): nothing else is left to read.
    assert detect_language("#javascript")[1] >= 0.0
