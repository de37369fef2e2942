import codecs
import io
import sys
from pathlib import Path

import pytest

from align.errors import InputError
from align.reading import MAX_INPUT_BYTES, RawText, read_input

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def write(tmp_path, name, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_read_as_utf8(seed):
    raw = read_input(str(seed))
    assert isinstance(raw, RawText)
    assert raw.encoding == "utf-8"
    assert raw.path == str(seed)
    assert raw.text == seed.read_text(encoding="utf-8").replace("\r\n", "\n")


def test_seed_000_content():
    raw = read_input(str(SEEDS[0]))
    assert raw.text.splitlines()[2] == "USA , UE , Russie : tous d'accord"
    assert "Azerbaïdjan" in raw.text


def test_utf8_bom(tmp_path):
    raw = read_input(write(tmp_path, "bom.txt", b"\xef\xbb\xbfCaf\xc3\xa9 cr\xc3\xa8me."))
    assert raw.encoding == "utf-8-sig"
    assert raw.text == "Café crème."  # the BOM is not part of the text


@pytest.mark.parametrize("codec,encoding", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(tmp_path, codec, encoding):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    data = bom + "Été à Paris.\r\nDeuxième ligne.".encode(codec)
    raw = read_input(write(tmp_path, "u16.txt", data))
    assert raw.encoding == encoding
    assert raw.text == "Été à Paris.\nDeuxième ligne."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_not_called_binary(tmp_path, codec):
    # Saved without a mark (some Windows tools), its NUL high bytes made it "a binary file".
    data = "Été à Paris.\r\nDeuxième ligne, et une troisième.".encode(codec)
    raw = read_input(write(tmp_path, "u16.txt", data))
    assert (raw.encoding, raw.text) == (codec, "Été à Paris.\nDeuxième ligne, et une troisième.")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["市议会星期二开会讨论新预算。\n市长说，该市将在学校上花费四百万欧元。\n一位议员表示反对。",
                                  "市議会は火曜日に新しい予算について話し合った。\n市長は学校に四百万ユーロを費やすと述べた。"],
                         ids=["chinese", "japanese"])
def test_chinese_and_japanese_utf16_without_bom_are_read(tmp_path, codec, text):
    """Few of their characters are under U+0100, so few NULs, and "一" (U+4E00) puts one at the
    other place: such a file was refused as binary, with advice to use --encoding."""
    raw = read_input(write(tmp_path, "u16.txt", text.encode(codec)))
    assert (raw.encoding, raw.text) == (codec, text)


def test_encoding_flag_does_not_turn_the_utf8_file_beside_it_into_nonsense(tmp_path, caplog):
    """--encoding applies to both inputs: named for a UTF-16 file, it read the UTF-8 English file
    beside it as "桔⁥潣湵...", aligned as Basque, with no word said."""
    english = "The council met on Tuesday to discuss the new budget.\nThe mayor spoke at once!\n\n"
    assert len(english.encode()) % 2 == 0  # an even length decodes as UTF-16 without an error
    raw = read_input(write(tmp_path, "en.txt", english.encode("utf-8")), encoding="utf-16-le")
    assert (raw.text, raw.encoding) == (english, "utf-8")
    assert "en.txt is UTF-8, not utf-16-le" in caplog.text
    chinese = "市议会星期二开会讨论新预算。\n"
    assert read_input(write(tmp_path, "zh.txt", chinese.encode("utf-16-le")), encoding="utf-16-le").text == chinese
    # Where the flag and the bytes agree, or the file could be either, the flag is followed silently.
    caplog.clear()
    assert read_input(write(tmp_path, "fr.txt", "Été à Paris.".encode("cp1252")), encoding="cp1252").text == "Été à Paris."
    assert read_input(write(tmp_path, "bom.txt", "\ufeffÉté.".encode("utf-8")), encoding="utf-8").text == "Été."
    assert not caplog.text


RUSSIAN = ("В прошлый вторник городской совет собрался в мэрии, чтобы обсудить новый бюджет.\n"
           "Мэр заявил, что город потратит четыре миллиона евро на ремонт школ.\n")
GREEK = ("Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη για να συζητήσει τον νέο προϋπολογισμό.\n"
         "Ο δήμαρχος δήλωσε ότι η πόλη θα δαπανήσει τέσσερα εκατομμύρια ευρώ για τα σχολεία.\n")
ARABIC = ("اجتمع المجلس البلدي يوم الثلاثاء لمناقشة الميزانية الجديدة.\n"
          "وقال رئيس البلدية إن المدينة ستنفق أربعة ملايين يورو على المدارس.\n")
CHINESE = "市议会星期二开会讨论新的预算。\n市长表示，该市将花费四百万欧元翻修小学。\n"
JAPANESE = "市議会は火曜日に新しい予算について話し合った。\n市長は学校に四百万ユーロを費やすと述べた。\n"
FRENCH = ("L’été dernier, le conseil municipal s’est réuni à l’hôtel de ville pour débattre du budget.\n"
          "Le maire a déclaré que la ville dépenserait quatre millions d’euros pour rénover les écoles.\n")
GERMAN = ("Der Stadtrat hat am Dienstag über den neuen Haushalt für das kommende Jahr beraten.\n"
          "Die Bürgermeisterin erklärte, die Stadt werde vier Millionen Euro für die Sanierung der Grundschulen "
          "ausgeben.\nDie Elternvertreter begrüßten den Beschluss, äußerten jedoch Bedenken wegen der hohen Kosten.\n")
TEXTS = {"Russian": RUSSIAN, "Greek": GREEK, "Arabic": ARABIC, "Chinese": CHINESE, "Japanese": JAPANESE, "French": FRENCH,
         "German": GERMAN}


MISREAD = [("Russian", "cp1251", "latin-1"), ("Russian", "cp1251", "cp1252"), ("Russian", "koi8-r", "latin-1"),
           ("Greek", "cp1253", "latin-1"), ("Greek", "iso8859-7", "cp1252"), ("Arabic", "cp1256", "cp1252"),
           ("Chinese", "gbk", "latin-1"), ("Chinese", "gbk", "koi8-r"), ("Japanese", "shift_jis", "latin-1"),
           ("Japanese", "euc_jp", "cp1252"), ("French", "cp1252", "cp1251"), ("German", "latin-1", "cp1253"),
           ("French", "utf-16-le", "latin-1"), ("German", "utf-16-be", "cp1252"), ("Russian", "utf-16-le", "cp1251"),
           ("Chinese", "utf-16-le", "latin-1")]


@pytest.mark.parametrize("language, codec, named", MISREAD, ids=[f"{l} in {c} as {n}" for l, c, n in MISREAD])
def test_an_encoding_that_makes_mojibake_of_a_file_is_not_followed(tmp_path, caplog, language, codec, named):
    """latin-1 and cp1252 (and any code page) decode every byte: named for the Russian file in
    cp1251 (or for the file beside it, --encoding applying to both), it read "Ïðèâåò", Chinese in
    GBK as "ÊÐÒé»á", UTF-16 without a mark as letters between NULs, or refused it as binary, and the
    audit was of nonsense, unsaid. The encoding the bytes are detected in reads them, with a warning
    that says so; named right, the same file is read as named, with no word said."""
    text = TEXTS[language]
    path = write(tmp_path, "in.txt", text.encode(codec))
    raw = read_input(path, encoding=codec)
    assert raw.text == text and raw.encoding == codecs.lookup(codec).name and not caplog.text
    raw = read_input(path, encoding=named)
    assert raw.text == text and raw.encoding != codecs.lookup(named).name
    assert len(caplog.records) == 1 and f"in.txt does not read as {codecs.lookup(named).name} (" in caplog.text
    assert f"read as {raw.encoding}" in caplog.text


@pytest.mark.parametrize("text, codec", [
    ("МосГорТранс РосАтом ГосДума ТрансНефть\n", "koi8-r"), ("ВКонтакте и МосГорТранс тоже.\n", "cp1251"),
    ("Мы пошли в мaгазин и купили сыр.\n", "cp1251"), ("Işığı kapat, ışığı aç! Ağaç, ılık, sığ.\n", "cp1254"),
    ("Température : 20 °C, ±0,5 mm, 5 µm ; x²+y², ¹²³ ©® ¼ ½ ¾ §4 ×÷.\n", "latin-1"),
    ("Tシャツを買った。Jリーグの試合、ＣＤショップ。\n", "shift_jis"), ("ΑΘΗΝΑ, ΨΥΧΉ. Το iPhone κοστίζει 1.000 €.\n", "cp1253"),
], ids=["camel-case names", "camel-case in a sentence", "a Latin a in a Russian word", "Turkish dotless i",
        "signs and superscripts", "Latin in Japanese", "Greek capitals"])
def test_a_short_text_that_looks_misread_keeps_the_encoding_named_and_the_file_beside_it_does_not(
        tmp_path, caplog, text, codec):
    """Right text holds now and then what a wrong encoding makes (a capital inside a word, a change
    of script, a run of accented letters, signs side by side), and in a short text detection
    misreads the bytes (these Russian lines as Hebrew or Arabic, the signs as Thai): named, the
    encoding is followed. The other input, Russian in UTF-16 with no mark, which it turns into
    mojibake, is read in its own."""
    raw = read_input(write(tmp_path, "short.txt", text.encode(codec)), encoding=codec)
    assert (raw.text, raw.encoding) == (text, codecs.lookup(codec).name) and not caplog.text
    beside = read_input(write(tmp_path, "beside.txt", RUSSIAN.encode("utf-16-le")), encoding=codec)
    assert beside.text == RUSSIAN and "beside.txt does not read as" in caplog.text


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(tmp_path, codec):
    bom = b"\xff\xfe\x00\x00" if codec.endswith("le") else b"\x00\x00\xfe\xff"
    raw = read_input(write(tmp_path, "u32.txt", bom + "Été à Paris.".encode(codec)))
    assert (raw.encoding, raw.text) == (codec, "Été à Paris.")


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["Été à Paris.\n", "Київ є столицею України.\n", "東京は日本の首都です。😀\n", "Yes\n"])
def test_utf32_without_bom(tmp_path, codec, text):
    """Refused before as "a binary file (contains NUL bytes)": every fourth byte of UTF-32 is NUL."""
    raw = read_input(write(tmp_path, "u32.txt", text.encode(codec)))
    assert (raw.encoding, raw.text) == (codec, text)


def test_binary_with_nul_bytes_is_still_refused(tmp_path):
    with pytest.raises(InputError, match="binary file .contains NUL bytes.*--encoding"):
        read_input(write(tmp_path, "b.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 20))


def test_cp1252_fallback(tmp_path):
    # é is 0xE9 and the curly apostrophe 0x92 in cp1252: invalid UTF-8.
    raw = read_input(write(tmp_path, "cp.txt", "L\u2019été est là.".encode("cp1252")))
    assert raw.encoding == "cp1252"
    assert raw.text == "L\u2019été est là."


def test_short_cp1252_full_of_curly_quotes_is_text_not_binary(tmp_path):
    # latin-1 reads 0x92-0x94 as C1 controls; as the leading reading, this line was refused as binary.
    text = "Vous \u00eates s\u00fbr ? Oui. \u201cBien\u201d, dit-il. C\u2019est fini.\n"
    raw = read_input(write(tmp_path, "cpa.txt", text.encode("cp1252")))
    assert (raw.encoding, raw.text) == ("cp1252", text)


def test_control_bytes_in_every_code_page_are_binary_with_the_encoding_hint(tmp_path):
    with pytest.raises(InputError, match="binary file .too many control characters.*--encoding"):
        read_input(write(tmp_path, "b.bin", bytes(range(1, 32)) * 8 + b"\xe9\xff" * 10))


def test_latin1_when_cp1252_fails(tmp_path):
    # 0x81 is undefined in cp1252, so only latin-1 can decode this.
    raw = read_input(write(tmp_path, "l1.txt", b"caf\xe9 \x81 ok, a normal sentence of text here."))
    assert raw.encoding == "iso8859-1"  # latin-1, by its codec name
    assert raw.text.startswith("café")


def test_crlf_and_cr_normalised(tmp_path):
    raw = read_input(write(tmp_path, "crlf.txt", b"one\r\ntwo\rthree\n\nfour"))
    assert raw.text == "one\ntwo\nthree\n\nfour"


def test_line_ends_converted_twice_are_one_line_end(tmp_path):
    # Layout probe: Alice wrapped at 70 columns with "\r\r\n" line ends (CRLF written as CRLF once
    # more) read a blank line after every line: 171 sentences for 150, each line a paragraph.
    from align.documents import load_sentences
    from align.segmenters import load_segmenter

    text = ("There was nothing so very remarkable in that; nor did Alice think it so\n"
            "very much out of the way to hear the Rabbit say to itself, 'Oh dear!\n"
            "Oh dear! I shall be late!' (when she thought it over afterwards, it\n"
            "occurred to her that she ought to have wondered at this, but at the\n"
            "time it all seemed quite natural).\n\nIn another moment down went Alice after it.\n")
    raw = read_input(write(tmp_path, "crcrlf.txt", text.replace("\n", "\r\r\n").encode()))
    assert raw.text == text
    plain = read_input(write(tmp_path, "lf.txt", text.encode()))
    segmenter = load_segmenter("auto")
    assert [s.text for s in load_sentences(raw, segmenter)] == [s.text for s in load_sentences(plain, segmenter)]
    # A lone "\r\r\n" among other line ends is a blank line, as an editor shows it.
    assert read_input(write(tmp_path, "one.txt", b"one\r\ntwo\r\r\nthree\r\nfour\r\n")).text == "one\ntwo\n\nthree\nfour\n"


def test_other_whitespace_kept(tmp_path):
    raw = read_input(write(tmp_path, "ws.txt", b"  a\tb  \n\n"))
    assert raw.text == "  a\tb  \n\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_input(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(InputError, match="empty") as info:
        read_input(path)
    assert path in str(info.value)
    assert "\n" not in str(info.value)


def test_binary_with_nul(tmp_path):
    path = write(tmp_path, "bin.dat", b"PK\x03\x04\x00\x00\x08\x00some zip-like bytes")
    with pytest.raises(InputError, match="binary") as info:
        read_input(path)
    assert path in str(info.value)


def test_binary_control_characters(tmp_path):
    path = write(tmp_path, "ctl.dat", bytes(range(1, 9)) * 20 + b"a little text")
    with pytest.raises(InputError, match="binary"):
        read_input(path)


def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such file") as info:
        read_input(path)
    assert str(info.value) == f"{path}: no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError, match="directory") as info:
        read_input(str(tmp_path))
    assert str(tmp_path) in str(info.value)


def test_too_large(tmp_path):
    path = write(tmp_path, "big.txt", b"word " * 300)
    with pytest.raises(InputError, match="too large") as info:
        read_input(path, max_bytes=1000)
    assert path in str(info.value)
    assert read_input(path, max_bytes=1500).text.startswith("word")
    assert MAX_INPUT_BYTES == 50 * 1024 * 1024


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Bonjour\r\nà tous.".encode("utf-8"))))
    raw = read_input("-")
    assert raw.text == "Bonjour\nà tous."
    assert raw.encoding == "utf-8"
    assert raw.path == "-"


def test_stdin_empty_names_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="<stdin>"):
        read_input("-")


@pytest.mark.parametrize("text,codec", [
    ("L\u2019été est là.", "cp1252"),  # short: the detector alone prefers the cp1250 reading
    ("Le château de Versailles était une résidence royale. Ça coûte cher, n’est-ce pas ?", "cp1252"),
    ("Die Straße führt über die Brücke zum Schloß. Größer als üblich.", "cp1252"),
    ("Zażółć gęślą jaźń. Łódź jest dużym miastem w Polsce, niedaleko Warszawy.", "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Praha je hlavní město.", "cp1250"),
    ("İstanbul Türkiye'nin en büyük şehridir. Boğaziçi köprüsü çok güzeldir.", "cp1254"),
    ("Москва — столица России. Это крупнейший город страны, в нём живут миллионы человек.", "cp1251"),
    ("Москва - столица России. Это крупнейший город страны, в нём живут миллионы человек.", "koi8-r"),
    ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "cp1253"),
    ("ירושלים היא עיר הבירה של ישראל. יש בה הרבה אתרים היסטוריים.", "cp1255"),
    ("القاهرة هي عاصمة مصر. إنها أكبر مدينة في العالم العربي.", "cp1256"),
    ("北京是中华人民共和国的首都。这座城市有三千多年的历史。", "gb18030"),
    ("台北是台灣的首都。這座城市有很多歷史建築。", "big5"),
    ("東京は日本の首都です。人口は千四百万人を超えています。", "shift_jis"),
    ("서울은 대한민국의 수도이다. 인구는 천만 명이 넘는다.", "euc_kr"),
])
def test_a_legacy_encoding_is_read_as_the_text_it_holds(tmp_path, caplog, text, codec):
    raw = read_input(write(tmp_path, "legacy.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding
    assert "is not UTF-8; read as" in caplog.text


@pytest.mark.parametrize("text, codec", [
    ("افتتح المقهى عام 1998 في شارع السلام.\nكانت صاحبته تخبز كل صباح.\n"
     "ارتفعت الأسعار بنسبة 12 في المئة العام الماضي.\nأشاد المجلس البلدي بعملها.\nتنوي التقاعد في الربيع المقبل.\n",
     "cp1256"),
    ("Le café a ouvert en 1998 rue de la Paix.\nSa propriétaire, Renée Müller, faisait le pain chaque matin.\n"
     "Les prix ont augmenté de 12 % l'an dernier.\n", "cp850"),
    ("Kirunas nya stadskärna i norra Sverige invigdes i september efter tio års arbete.\n", "cp850"),
    ("Os preços da habitação em Lisboa subiram mais de dez por cento no ano passado.\n", "cp850"),
    ("Il sistema di barriere contro l'acqua alta di Venezia, noto come MOSE, è stato sollevato per la prima "
     "volta in questa stagione il 2 novembre 2023.\n", "cp437"),
    ("Il sistema di barriere contro l'acqua alta di Venezia, noto come MOSE, è stato sollevato.\n", "cp850"),
    ("L’UE, la Russie et les États-Unis ont tenu des pourparlers secrets avant une guerre d’un jour au "
     "Karabakh\n", "mac_roman"),
    ("Eine Bahnstrecke im Osten Bayerns, die für den Güterverkehr gebaut wurde, ist wieder offen.\n", "mac_roman"),
    ("Поезд из Лиона опоздал на сорок минут.\nУ меня сел телефон.\n", "cp866"),  # named cp1125 before
    ("Nová tramvajová trať v Praze, která spojuje Pankrác se stanicí metra Budějovická, byla v sobotu "
     "zprovozněna pro cestující.\nTrať dlouhá 2,3 km má čtyři zastávky a ve špičce po ní jezdí linka č. 19 "
     "každých osm minut.\n", "iso8859-2"),
], ids=["Arabic, cp1256", "French, DOS", "Swedish, DOS", "Portuguese, DOS", "Italian, DOS (US)", "Italian, DOS", "French, Mac",
        "German, Mac", "Russian, DOS", "Czech, ISO-8859-2"])
def test_a_file_from_dos_an_old_mac_or_unix_is_read_as_written(tmp_path, caplog, text, codec):
    """charset-normalizer proposed cp1251 and KOI8-R alone for the Arabic ("ЗЭККН ЗбгЮем"), cp720
    for the French ("M\x81ller"), nothing DOS or Mac for the others, which cp1252 read as
    "stadsk„rna", "LÕUE", "fŸr"; cp1250 read ISO-8859-2's Czech as "tra»", "ąpičce"."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding
    if codec == "cp866":  # named as the DOS page Russian was written in, the one to give --encoding
        assert "read as cp866," in caplog.text


@pytest.mark.parametrize("text, codec", [
    ("Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη. Άλλες χώρες της περιοχής είναι η Αλβανία και η "
     "Βουλγαρία. Η Αθήνα είναι η πρωτεύουσα.\n", "cp1253"),  # "Ά" is 0xA2, ISO-8859-7's "’"
    ("המחיר הוא 10 ₪ לקילו. זה זול מאוד היום בשוק. אתמול זה עלה 15 ₪ ושלשום 20 ₪.\n", "cp1255"),  # ISO's "¤"
    ("Smith† found that the results† were robust. Jones‡ disagreed.\n", "cp1252"),  # cp850's "Smithå"
    ("In ’s-Hertogenbosch en ’s-Gravenhage zijn de prijzen hoger. De bakker zei dat het brood van gisteren "
     "was.\n", "cp1252"),  # cp850's "Æs-Hertogenbosch"
    ("Het kost ƒ 2,50 per stuk, zei de bakker in ’s-Hertogenbosch.\n", "cp1252"),
    ("He came—and went.\n", "cp1252"),  # cp850's "cameùand"
    ("• item one\n• item two\n", "cp1252"),  # cp850's "ò item one", Italian
    ("Alcohol level: 0,5‰. The limit is 0,5‰ for drivers.\n", "cp1252"),
], ids=["Greek, cp1253", "Hebrew, cp1255", "daggers", "Dutch apostrophes", "florin", "em dash", "bullets",
        "per mille"])
def test_a_windows_file_stays_read_in_its_windows_page(tmp_path, text, codec):
    """Found by a review of the DOS, Mac and ISO readings: each of these was read in another page
    that reads it as cleanly (ISO-8859-7, ISO-8859-8, cp850) until the ISO page was preferred only
    where it reads more letters, and DOS's and the Mac's pages only with fewer signs of a wrong
    encoding than cp1252, and a dagger after a word was no longer such a sign."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding


def test_a_few_bad_bytes_in_utf8_do_not_make_the_whole_file_cp1252(tmp_path, caplog):
    good = "Le château est au bord de l’eau. Ça coûte cher.\n" * 60
    data = good.encode("utf-8").replace(b"bord", b"b\xf4rd", 3)
    raw = read_input(write(tmp_path, "damaged.txt", data))
    assert raw.encoding == "utf-8" and raw.text.count("\ufffd") == 3 and "ch\u00e2teau" in raw.text
    assert "3 bytes not valid UTF-8 on lines 1, 2, 3" in caplog.text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b"],
                         ids=["line separator", "paragraph separator", "next line", "vertical tab"])
def test_unicode_separators_break_lines_so_no_sentences_run_together(tmp_path, separator, use_encoder):
    """Five sentences joined by U+2028 (Word's text export) had come out as one sentence, and one of
    them left out of the translation went unseen."""
    from align import align_pair

    en = ["The committee met on Monday in Geneva.", "It discussed the budget for the coming year.",
          "The chair opened the session in the morning.", "The delegation asked for more time.",
          "No decision was taken that day."]
    fr = ["Le comité s'est réuni lundi à Genève.", "Il a examiné le budget de l'année prochaine.",
          "Le président a ouvert la séance le matin.", "Aucune décision n'a été prise ce jour-là."]
    source = write(tmp_path, "en.txt", separator.join(en).encode("utf-8"))
    target = write(tmp_path, "fr.txt", "\n".join(fr).encode("utf-8"))
    raw = read_input(source)
    assert len(raw.text) == len(separator.join(en)) and separator not in raw.text
    result = align_pair(source, target, encoder=use_encoder, partial=False)
    assert [s.text for s in result.source.sentences] == en
    # An editor, grep -n and sed count "\n" alone: the file is one line, and so is every sentence on it.
    assert [s.line for s in result.source.sentences] == [1, 1, 1, 1, 1]
    omissions = [f for f in result.findings if f.type == "omission"]
    assert [f.src for f in omissions] == [[3]]


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\x0b"], ids=["line separator", "next line", "vertical tab"])
def test_a_separator_inside_a_sentence_is_quoted_and_moves_no_line_number(tmp_path, separator, use_encoder):
    """A vertical tab (Word's line break in a text export) inside a sentence counted as a line end:
    "number 9 vs 10 (source line 10)" pointed at line 7, three lines off, and the sentence was
    quoted with a newline the file does not hold."""
    from align import align_pair

    en = ["The first sentence is here.", f"The second one has a{separator}line break inside.",
          "The third sentence mentions 42 apples.", f"The fourth line has{separator}another.",
          "The fifth sentence mentions 9 plums."]
    fr = ["La première phrase est ici.", "La deuxième a un saut de ligne à l'intérieur.",
          "La troisième phrase mentionne 43 pommes.", "La quatrième ligne en a un autre.",
          "La cinquième phrase mentionne 10 prunes."]
    source = write(tmp_path, "en.txt", "\n".join(en).encode("utf-8"))
    target = write(tmp_path, "fr.txt", "\n".join(fr).encode("utf-8"))
    result = align_pair(source, target, encoder=use_encoder, partial=False)
    assert [s.line for s in result.source.sentences] == [1, 2, 3, 4, 5]
    assert [s.original for s in result.source.sentences] == en
    mismatches = sorted(f.message for f in result.findings if f.type == "fact_mismatch")
    assert mismatches[0].endswith("(source line 3, target line 3)") and mismatches[1].endswith("(source line 5, target line 5)")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b"],
                         ids=["line separator", "paragraph separator", "next line", "vertical tab"])
def test_one_sentence_a_line_is_cut_at_line_ends_only(tmp_path, separator, use_encoder):
    """With --segmenter lines, U+2028 inside a line made two sentences of it: seven sentences from a
    five-line file, and every id after it (beads, TSV, TMX tuid) named the wrong line of the file."""
    from align import align_pair

    en = ["The first line is plain.", f"The second line has a separator{separator}inside it.",
          "The third line is plain.", f"The fourth line has{separator}another one.", "The fifth line is plain."]
    fr = ["La première ligne est simple.", "La deuxième ligne a un séparateur à l'intérieur.",
          "La troisième ligne est simple.", "La quatrième ligne en a un autre.", "La cinquième ligne est simple."]
    source = write(tmp_path, "en.txt", ("\n".join(en) + "\n").encode("utf-8"))
    target = write(tmp_path, "fr.txt", ("\n".join(fr) + "\n").encode("utf-8"))
    result = align_pair(source, target, encoder=use_encoder, partial=False, segmenter="lines")
    assert [s.original for s in result.source.sentences] == en
    assert [s.line for s in result.source.sentences] == [1, 2, 3, 4, 5]
    assert [(b.src, b.tgt) for b in result.beads] == [((k,), (k,)) for k in range(5)]


def test_a_file_half_utf8_half_cp1252_reads_each_line_in_its_own(tmp_path, caplog):
    """Two files pasted together, one UTF-8 and one cp1252: read whole as cp1252, the UTF-8 lines
    came out as "s’est rÃ©uni" in every report (the TMX too), with no line named."""
    utf8 = "Le conseil s’est réuni mardi.\nLa maire a déclaré que la ville paierait.\n"
    cp1252 = "Le vote a été reporté au 12 mars.\nLa réunion s’est terminée peu après neuf heures.\n"
    raw = read_input(write(tmp_path, "mix.txt", utf8.encode("utf-8") + cp1252.encode("cp1252")))
    assert raw.text == utf8 + cp1252 and raw.encoding == "utf-8+cp1252"
    assert "mix.txt mixes encodings: lines 3-4 are not UTF-8, read as cp1252" in caplog.text
    # Said once, as itself: it had been put in the place of a language ("mix.txt is not UTF-8; read
    # as utf-8+cp1252, where it is mix.txt mixes encodings: ... text").
    assert "where it is" not in caplog.text and caplog.text.count("mixes encodings") == 1
    # A single UTF-8 line at the top is enough, as long as it holds more than one stray byte pair.
    raw = read_input(write(tmp_path, "mix2.txt", "L’été à Paris.\n".encode("utf-8") + cp1252.encode("cp1252")))
    assert raw.text == "L’été à Paris.\n" + cp1252


def test_iso2022_jp_is_read_as_japanese_not_as_escape_codes(tmp_path):
    """7-bit, so valid UTF-8: a Japanese mail saved as ISO-2022-JP was one "sentence" of escape
    codes, called Korean and unrelated to its English, with exit 0 and nothing said."""
    text = "市議会は火曜日に新しい予算について話し合った。\n市長は学校に四百万ユーロを費やすと述べた。\n"
    raw = read_input(write(tmp_path, "ja.txt", text.encode("iso2022_jp")))
    assert raw.text == text


@pytest.mark.parametrize("named", ["latin-1", "utf-8", "cp1252"])
def test_iso2022_jp_read_with_another_encoding_named_is_still_japanese(tmp_path, caplog, named):
    """Its escapes into a double-byte set leave no more doubt than UTF-8's multi-byte characters:
    with --encoding latin-1 (or utf-8, which plain 7-bit bytes are valid in) it was escape codes and
    "$B;T5D2q", unsaid."""
    text = "市議会は火曜日に新しい予算について話し合った。\n市長は学校に四百万ユーロを費やすと述べた。\n"
    raw = read_input(write(tmp_path, "ja.txt", text.encode("iso2022_jp")), encoding=named)
    assert (raw.text, raw.encoding) == (text, "iso2022_jp_2")
    assert f"ja.txt is iso2022_jp_2, not {codecs.lookup(named).name}: read as iso2022_jp_2" in caplog.text


def test_a_gbk_file_whose_short_line_is_valid_utf8_is_read_whole_in_gbk(tmp_path):
    """"目录" in GBK is valid UTF-8 by chance: the file was taken for a mix and that line misread."""
    text = "年度报告\n目录\n一、公司简介\n二、经营情况\n本公司成立于二零零五年，总部位于上海。\n"
    assert read_input(write(tmp_path, "zh.txt", text.encode("gbk"))).text == text


@pytest.mark.parametrize("codec, text", [("iso2022_jp", "東京で会議が開かれました。\n"), ("utf-7", "Été à Paris\n"),
                                         ("hz", "北京欢迎你\n")])
def test_a_7bit_encoding_the_user_names_is_followed(tmp_path, codec, text):
    """Plain ASCII bytes say nothing against ISO-2022-JP, UTF-7 or HZ: named with --encoding, they
    were overridden as "UTF-8" and the text came out as escape codes."""
    assert read_input(write(tmp_path, "x.txt", text.encode(codec)), encoding=codec).text == text


ARABIC_NEWS = ("اجتمع المجلس البلدي يوم الثلاثاء الماضي في مقر البلدية لمناقشة الميزانية الجديدة.\n"
               "وقال رئيس البلدية إن المدينة ستنفق أربعة ملايين يورو على تجديد المدارس الابتدائية.\n"
               "وانتقد عدد من أعضاء المعارضة هذا القرار ووصفوه بأنه متسرع.\n")
ARABIC_PARAGRAPH = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في شمال المدينة.\n"
                    "وسيضم المستشفى مئتي سرير وقسما خاصا لطب الأطفال.\n"
                    "وقال الوزير إن المشروع كلف نحو خمسين مليون دولار وسيخدم أكثر من مئة ألف نسمة.\n")
THAI_LINES = ("สภาเทศบาลประชุมเมื่อวันอังคารที่ผ่านมาเพื่อหารือเกี่ยวกับงบประมาณใหม่\n"
              "นายกเทศมนตรีกล่าวว่าเมืองจะใช้เงินสี่ล้านยูโรเพื่อซ่อมแซมโรงเรียนประถม\n")


@pytest.mark.parametrize("text, codec", [
    (ARABIC_NEWS, "iso8859-6"), ("شكرا لك على مساعدتك في الترجمة.\n", "iso8859-6"),
    (ARABIC_PARAGRAPH, "cp1256"), (THAI_LINES, "cp874"), ("ขอบคุณสำหรับความช่วยเหลือในการแปล\n", "cp874"),
], ids=["Arabic paragraph, ISO-8859-6", "Arabic line, ISO-8859-6", "Arabic paragraph, cp1256", "Thai lines",
        "Thai line"])
def test_arabic_in_its_code_pages_is_not_read_as_thai(tmp_path, text, codec):
    """cp874 reads Arabic's bytes as Thai letters, vowels and tone marks, and the language detector
    called "ใัอศว ศวแฺวแใ." ("مرحبا بالعالم.") Thai at 0.99: marks on vowels, words ending in a
    vowel written before its consonant. Thai itself is still Thai."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding


@pytest.mark.parametrize("text, codec", [("экспедицию", "koi8-r"), ("как\n", "koi8-r"), ("Дякую\n", "koi8-u"),
                                         ("financé fermées\n", "mac_roman")])
def test_a_short_text_in_a_code_page_is_not_read_as_utf16(tmp_path, text, codec):
    """Bytes with no NUL are UTF-16 only of text with no ASCII character in it, and charset-normalizer
    proposes UTF-16 for many a short text: "как" in KOI8-R was read as "쇋ો". Where the high bytes
    of a UTF-16 reading vary more than its low bytes it is set aside; text keeps to a script."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Київ є столицею України. Ґанок, їжак, єнот.\n", "مرحبا بالعالم.\n",
                                  "谢谢你的帮助。", ARABIC_PARAGRAPH],
                         ids=["Ukrainian line", "Arabic line", "Chinese, no NUL", "Arabic paragraph"])
def test_utf16_without_bom_in_a_non_latin_script_is_read_in_its_byte_order(tmp_path, codec, text):
    """Cyrillic or Arabic in UTF-16 holds NULs only where ASCII stands, too few to tell the byte
    order by: the language detector called the Ukrainian line read the wrong way round ("ᨄ㠄圄㈄")
    Chinese (0.96), and refused the Arabic one as binary. The right order's high bytes keep to one
    script's few values."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert (raw.text, raw.encoding) == (text, codec)


@pytest.mark.parametrize("text, codec", [
    ("обсуждения совет утвердил программу\n", "koi8-r"), ("Спасибо за вашу помощь с переводом.\n", "koi8-r"),
    ("зібралася на позачергове засідання.\n", "cp1251"), ("заявив, що місто витратить\n", "koi8-u"),
    ("Дякую за вашу допомогу з перекладом.\n", "koi8-u"), ("новия бюджет на града.\n", "cp1251"),
    ("ПО СЛОВАМ ОРГАНИЗАТОРОВ, В СЛЕДУЮЩЕМ ГОДУ КОНФЕРЕНЦИЯ ПРОЙДЁТ В ЯКУТСКЕ.\n", "koi8-r"),
], ids=["Russian, KOI8-R", "Russian line, KOI8-R", "Ukrainian, cp1251", "Ukrainian, KOI8-U",
        "Ukrainian line, KOI8-U", "Bulgarian, cp1251", "Russian capitals, KOI8-R"])
def test_cyrillic_code_pages_are_told_apart(tmp_path, text, codec):
    """cp1251, KOI8-R and KOI8-U hold the same letters in other bytes, so that each reads the others'
    bytes as Cyrillic clean of mojibake ("ЛПОЖЕТЕОГЙС" for KOI8-R's "конференция"), which the
    language detector calls Russian; and on a line of KOI8 charset-normalizer proposes Shift-JIS
    alone. The right reading has its letters where Cyrillic puts them ("й" after a vowel, no word
    begun with "ь") and as often."""
    raw = read_input(write(tmp_path, "in.txt", text.encode(codec)))
    assert raw.text == text, raw.encoding
