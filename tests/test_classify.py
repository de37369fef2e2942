"""classify_addition and split_metadata_prefix on the lines the seed reprints really add."""

import pytest
from conftest import seed_lines

from align.audit.classify import (SEVERITY_ORDER, AdditionContext, classify_addition, classify_line,
                                  split_metadata_prefix)


def test_severity_order_goes_from_content_to_boilerplate():
    assert SEVERITY_ORDER == ("content", "editorial", "boilerplate")


def test_every_trailing_line_of_seed_002_is_boilerplate():
    lines = seed_lines("002")
    start = next(i for i, line in enumerate(lines) if line.strip() == "2023-10-04 11:35:21")
    tail = [line for line in lines[start:] if line.strip()]
    assert len(tail) >= 9  # timestamp, unix time, hashtags, four share buttons, comment widget, Akismet
    for line in tail:
        assert classify_addition(line) == "boilerplate", line


@pytest.mark.parametrize("seed, number", [("003", 24), ("003", 26), ("003", 27), ("003", 29), ("003", 31), ("004", 10)])
def test_cookie_banners_disclaimers_and_sidebars_are_boilerplate(seed, number):
    assert classify_addition(seed_lines(seed)[number - 1]) == "boilerplate"


@pytest.mark.parametrize(
    "seed, number",
    [
        ("000", 3),  # added headline
        ("000", 29),  # source : Politico , JP D.
        ("000", 53),
        ("002", 5),  # Source:vérité européenne” ...
        ("002", 31),  # EuroPravda a parlé en détail ... dans un article
        ("002", 33),  # Découvrez ... dans l'article
        ("003", 3),  # - Avec AFP
    ],
)
def test_headlines_source_and_read_more_lines_are_editorial(seed, number):
    assert classify_addition(seed_lines(seed)[number - 1]) == "editorial"


@pytest.mark.parametrize("line, kind", [
    ("Share this article on Facebook.", "boilerplate"),  # was content: a left-out share line tripped --fail-on
    ("Partagez cet article sur Twitter ou LinkedIn", "boilerplate"),
    ("Teilen Sie diesen Artikel auf Facebook", "boilerplate"),
    ("He decided to share this article with the committee.", "content"),
    ("Share this view of the world with your friends.", "content"),
])
def test_a_share_this_article_line_is_boilerplate_a_sentence_about_sharing_is_not(line, kind):
    assert classify_addition(line) == kind


def test_source_line_literal():
    assert classify_addition("source : Politico , JP D.") == "editorial"
    assert classify_addition("Source: AFP") == "editorial"


@pytest.mark.parametrize("seed, number", [("000", 41), ("002", 29), ("001", 17), ("003", 10), ("004", 7)])
def test_real_sentences_are_content(seed, number):
    assert classify_addition(seed_lines(seed)[number - 1]) == "content"


def test_sidebar_titles_after_a_most_commented_heading_are_boilerplate():
    lines = seed_lines("004")
    for number in (11, 12, 13):
        context = AdditionContext(position=number / len(lines), follows_boilerplate=True)
        assert classify_addition(lines[number - 1], context) == "boilerplate"
    # Without that context a headline-like line cannot be told from an editor's title.
    assert classify_addition(lines[11]) != "boilerplate"


def test_long_paragraph_context_keeps_a_short_unpunctuated_line_as_content():
    assert classify_addition("et la nuit tombait sur le glacier", AdditionContext(paragraph_words=120)) == "content"


def test_metadata_prefix_is_split_from_the_first_sentence_of_seed_001():
    prefix, rest = split_metadata_prefix(seed_lines("001")[0])
    assert prefix == "date 2023-10"
    assert rest.startswith("De hauts responsables des États-Unis")
    assert classify_addition(prefix) == "editorial"
    assert classify_addition(rest) == "content"


def test_no_metadata_prefix_leaves_the_text_alone():
    line = seed_lines("000")[40]
    assert split_metadata_prefix(line) == ("", line)
    assert split_metadata_prefix("2022 a été une année difficile.") == ("", "2022 a été une année difficile.")


def test_short_dialogue_near_the_end_of_a_novel_is_content():
    # Lines of the English "Vingt mille lieues sous les mers" (TransRead), 96% of the way in: a
    # line of dialogue ends with its closing quote after the full stop. Read as page furniture,
    # they made the next lines boilerplate too, fifty sentences of the novel in a row.
    context = AdditionContext(position=0.96, paragraph_words=4)
    assert classify_addition('" As master wishes! "', context) == "content"
    assert classify_addition('" Well, helmsman? "', context) == "content"
    # A short line without a full stop there is still the page's furniture.
    assert classify_addition("Conflict archive", context) == "boilerplate"


@pytest.mark.parametrize("sentence", [
    # TransRead: Alice, and Vingt mille lieues sous les mers.
    "Elle eut même une longue discussion avec le Lory, qui, à la fin, lui fit la mine et lui dit d'un air"
    " boudeur : \" Je suis plus âgé que vous, et je dois par conséquent en savoir plus long. \"",
    "Enfin, dans un article d'un journal satirique très redouté, le plus aimé de ses rédacteurs, brochant"
    " sur le tout, poussa au monstre, comme Hippolyte, lui porta un dernier coup et l'acheva au milieu d'un"
    " éclat de rire universel.",
])
def test_a_long_sentence_with_a_read_more_phrase_is_prose(sentence):
    assert classify_addition(sentence) == "content"


def test_words_are_counted_in_scripts_without_spaces():
    from align.language import word_count

    # MAC dev 001: a plain Chinese sentence is no four-word fragment, and no headline.
    sentence = "他们走进了那间小屋，屋里只有一张桌子和两把椅子。"
    assert word_count(sentence) >= 15 and word_count("The capital of China, Beijing.") == 5
    # Thai has no spaces either: "Bangkok is the capital of Thailand" is no one-word line.
    assert word_count("กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย") >= 6
    assert classify_addition(sentence, AdditionContext(position=0.5, paragraph_words=60)) == "content"
    # Near the end of a Chinese text, a sentence that ends in 。 is no page furniture.
    assert classify_addition("他笑了。", AdditionContext(position=0.95, paragraph_words=3)) == "content"
    assert classify_addition("关注我们", AdditionContext(position=0.95, paragraph_words=4)) == "boilerplate"


def _categories_of(lines, lang="en"):
    from align.model import Document
    from align.pipeline import prepare

    return prepare(Document.from_lines("<test>", lang, lines)).categories


def test_a_line_of_dialogue_near_the_end_of_a_novel_does_not_make_the_rest_boilerplate():
    # The last lines of MAC dev 002 (The Deer and the Cauldron): "Never!' protested Trinket," stands
    # 91 % of the way in, ends in a comma and is six words or fewer. It was read as page furniture,
    # and every short line after it inherited that: fifteen sentences of the novel in a row.
    story = ["Trinket and Misty wrestled on the floor of the little room for a long while."] * 36
    ending = ["Never!' protested Trinket,",
              "but when he tried to straighten himself up and get to his feet, he fell down again.",
              "Misty had beaten him to it!",
              "'All right!' he cried.",
              "This time I surrender!'",
              "Misty laughed and set him free."]
    assert _categories_of(story + ending)[36:] == ["content"] * len(ending)
    # Nor does a line ending in a colon or opening with a dialogue dash stand for furniture there.
    assert _categories_of(story + ["Alles Rufen nützt nichts :", "— Τι πρέπει λοιπόν να κάνω;",
                                   "Es bleibt nur , ihnen zu folgen ."], "de")[36:] == ["content"] * 3


def test_a_sidebar_heading_still_makes_the_titles_under_it_boilerplate():
    categories = _categories_of(seed_lines("004"), "fr")
    assert categories[9] == "boilerplate"  # "Les plus commentés"
    assert categories[10:13] == ["boilerplate"] * 3


@pytest.mark.parametrize("line", ["यहाँ कई भाषाएँ बोली जाती हैं।", "ደህና ነኝ።", "Նա քնեց։", "او به خانه رفت؟"])
def test_a_sentence_ended_in_its_own_script_is_no_headline(line):
    # Without the danda among the sentence ends, every short Hindi sentence a translation added
    # was called a headline (editorial), not content.
    assert classify_addition(line, AdditionContext(position=0.5, paragraph_words=12)) == "content"


@pytest.mark.parametrize("line", ["* * *", "---", "| --- | :---: |", "»", "👍"])
def test_a_line_with_no_letter_or_digit_is_layout_not_content(line):
    # A scene break or a table's separator row a reprint leaves out was a content omission, the
    # top severity, and tripped --fail-on content.
    assert classify_addition(line, AdditionContext(position=0.5, paragraph_words=3)) == "editorial"


@pytest.mark.parametrize("line", ["Heavy trams crossed it every day until the line was closed in 1958.[2]",
                                  "It was a cold morning in November when the letter arrived.*",
                                  "The bridge was completed in the spring of 1932.¹"])
def test_a_sentence_ending_in_a_note_mark_is_content_not_a_headline(line):
    """Without a full stop at its very end, a left-out sentence with a note mark was called a
    headline, editorial, and ranked below what the translator must see."""
    assert classify_addition(line) == "content"


@pytest.mark.parametrize("line", ["Python 3.10 or later", "(b) modify, decompile or reverse engineer the Software;",
                                  "Raised bed | 1 × 2 m | $20", "• Top speed: 160 km/h"])
def test_an_item_of_a_list_or_a_row_of_a_table_is_content_not_a_headline(line):
    """Short and without a full stop, each was taken for a headline: a contract's clause or a
    manual's requirement left out was an editorial omission, hidden by --min-severity content."""
    context = AdditionContext(position=0.4, paragraph_words=10, list_item=True)
    assert classify_addition(line, context) == "content"
    if not line.endswith(";"):
        assert classify_addition(line, AdditionContext(position=0.4, paragraph_words=10)) == "editorial"


def test_a_paragraph_that_ends_in_a_bare_address_is_no_headline():
    line = "Alstara SA builds rolling stock in four countries. More at www.alstara.com"
    assert classify_addition(line, AdditionContext(position=0.4, paragraph_words=12)) == "content"


def test_a_clause_left_out_of_a_contract_is_a_content_omission(tmp_path, use_encoder):
    from align import align_pair

    source, target = tmp_path / "en.txt", tmp_path / "de.txt"
    source.write_text("2.2 The Licensee shall not:\n\n(a) sublicense, rent or lend the Software to any third party;\n\n"
                      "(b) modify, decompile or reverse engineer the Software, except as permitted by mandatory law;\n\n"
                      "(c) use the Software for the benefit of more than 250 named users.\n", encoding="utf-8")
    target.write_text("2.2 Der Lizenznehmer ist nicht berechtigt,\n\n(a) die Software an Dritte unterzulizenzieren, zu "
                      "vermieten oder zu verleihen;\n\n(c) die Software für mehr als 250 namentlich benannte Nutzer zu "
                      "verwenden.\n", encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder, partial=False)
    [omission] = [f for f in result.findings if f.type == "omission"]
    assert omission.src == [2] and omission.severity == "content"


def test_a_thai_sentence_is_content_not_a_headline():
    """Thai ends no sentence with a mark, and every Thai sentence left out or added was read as a
    headline ("editorial"), hidden by --min-severity content (a probe's Thai news)."""
    assert classify_addition("ค่าโดยสารสูงสุดจะอยู่ที่ 45 บาท") == "content"
    assert classify_addition("The maximum fare will be 45 baht.") == "content"
    assert classify_addition("Bangkok unveils new train line") == "editorial"


@pytest.mark.parametrize("line, expected", [
    ("Publié le 14/10/2024 à 07h12, mis à jour à 18h40", "boilerplate"),
    ("Updated 14 Oct 2024, 18:40", "boilerplate"),
    ("Veröffentlicht am 5. Dezember 2026, 10:12 Uhr", "boilerplate"),
    ("Publicado el 5 de diciembre de 2026 a las 10:12", "boilerplate"),
    ("Published in 1859, the book sold 1,250 copies on its first day.", "content"),
    ("Updated figures show 3% growth.", "content"),
    # a review of the rule: no time of day, no stamp
    ("Updated figures show unemployment fell to 4.2% in 2024.", "content"),
    ("Veröffentlicht wurde die Studie im Fachjournal Nature am 5. Mai 2024.", "content"),
])
def test_a_publication_stamp_is_boilerplate(line, expected):
    """A probe's reprint added 'Publié le 14/10/2024 à 07h12, mis à jour à 18h40', reported as an
    editorial addition, level with a headline; a bare timestamp was boilerplate already."""
    assert classify_addition(line) == expected


@pytest.mark.parametrize("line", [
    "Lee también: Las renovables baten récords en España", "Leggi anche: Venezia, il turismo cambia",
    "LEGGI ANCHE: Il nuovo ticket d'accesso", "Foto: Ein ICE im Frankfurter Hauptbahnhof.",
])
def test_read_more_lines_and_photo_credits_of_more_languages_are_editorial(line):
    """A probe's Spanish, Italian and German reprints: at a page's end these were content additions."""
    assert classify_addition(line, AdditionContext(position=0.95)) == "editorial"


@pytest.mark.parametrize("line", ["延伸阅读：洋山港五期工程全面投产", "関連記事：訪日客、過去最多に", "관련기사: 반도체 수출 호조에 코스피 상승",
                                  "图为洋山港五期码头。", "写真：京都・清水寺の参道", "사진=연합뉴스"])
def test_chinese_japanese_and_korean_read_more_lines_and_captions_are_editorial(line):
    """A probe's Chinese, Japanese and Korean reprints: each was a content addition."""
    assert classify_addition(line, AdditionContext(position=0.95)) == "editorial"


@pytest.mark.parametrize("line, prefix", [
    ("Hamburg (dpa) – Der Konzern streicht 2300 Stellen.", "Hamburg (dpa) –"),
    ("BERLIN (Reuters) - The supplier is cutting jobs.", "BERLIN (Reuters) -"),
    ("Badajoz, 4 dic (EFE).- El Gobierno aprobó el plan.", "Badajoz, 4 dic (EFE).-"),
    ("(서울=연합뉴스) 김민수 기자 = 한국의 수출이 늘었다.", "(서울=연합뉴스) 김민수 기자 ="),
    ("According to the report (AP), sales rose.", ""),
])
def test_an_agency_dateline_before_the_first_sentence_is_metadata(line, prefix):
    """Probes' German, Spanish, English and Korean reprints added these before a sentence the
    original has: the sentence matched, and nothing was said."""
    assert split_metadata_prefix(line)[0] == prefix


@pytest.mark.parametrize("line, expected", [
    ("اقرأ أيضا: ميناء صلالة يوسع طاقته", "editorial"), ("بیشتر بخوانید: بندر چابهار", "editorial"),
    ("קראו גם: הרכבת הקלה", "editorial"), ("Διαβάστε επίσης: Το μετρό", "editorial"),
    ("Ayrıca okuyun: Mersin limanı büyüyor", "editorial"), ("Πηγή: ΑΠΕ-ΜΠΕ", "editorial"),
    # ... only as a line's lead (a review): these are sentences
    ("Leer más de 500 libros al año es posible, dijo el autor de la encuesta.", "content"),
    ("Ver también cómo creció la economía en 2024 es importante para todos nosotros.", "content"),
])
def test_read_more_lines_and_sources_of_more_languages(line, expected):
    """A probe's Arabic, Persian, Hebrew, Greek and Turkish reprints: "read more" lines were content."""
    assert classify_addition(line, AdditionContext(position=0.5)) == expected


@pytest.mark.parametrize("line, prefix", [
    ("МОСКВА, 5 декабря. /ТАСС/. Правительство объявило о плане.", "МОСКВА, 5 декабря. /ТАСС/."),
    ("MERSİN (AA) - Türkiye'nin en büyük limanı genişliyor.", "MERSİN (AA) -"),
    ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) – Η κυβέρνηση ανακοίνωσε.", "ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) –"),
])
def test_datelines_of_more_agencies_are_metadata(line, prefix):
    assert split_metadata_prefix(line)[0] == prefix


def test_an_article_under_a_menu_is_content_and_a_sidebar_under_its_heading_is_not():
    """A probe's page: after the menu line every one-sentence paragraph inherited "boilerplate"
    from the line before it, so the whole article was furniture and its omissions hidden. A line
    that ends in a full stop is an heir only inside the boilerplate line's own paragraph."""
    from align.model import Document, Sentence

    lines = [("Accept cookies | Manage preferences", 0),
             ("Home | World | Politics | Business | Science | Sport", 1),
             ("Local bakery wins national bread award", 2),
             ("A small family bakery in the village of Ashby has won the national award for the best loaf.", 3),
             ("The owners started baking in their kitchen only four years ago.", 4),
             ("Related articles: Ten things to know before you travel this summer.", 5),
             ("Why your electricity bill is going up.", 5),
             ("Sign up for our daily newsletter to get the top stories in your inbox every morning.", 6),
             ("Follow us on Facebook, Instagram and X.", 7),
             ("© 2024 The Daily Courier.", 8), ("All rights reserved.", 8)]
    from align.pipeline import prepare

    doc = Document("<test>", "en", "utf-8", [Sentence(id=k, text=t, original=t, line=k + 1, paragraph=p, lang="en")
                                             for k, (t, p) in enumerate(lines)])
    assert prepare(doc).categories == ["boilerplate"] * 3 + ["content", "content"] + ["boilerplate"] * 6


@pytest.mark.parametrize("lang, article", [
    ("ur", ["لاہور میں نئی لائبریری کھل گئی",
            "لاہور میں ایک نئی لائبریری کا افتتاح ہوا جس میں دس ہزار کتابیں رکھی گئی ہیں۔",
            "وزیر تعلیم نے کہا کہ یہ لائبریری طلبہ کے لیے مفت ہوگی۔"]),
    ("hy", ["Երևանում նոր գրադարան բացվեց",
            "Երևանում բացվեց նոր գրադարան, որտեղ պահվում է տասը հազար գիրք։",
            "Կրթության նախարարը ասաց, որ գրադարանն անվճար կլինի ուսանողների համար։"]),
    ("my", ["ရန်ကုန်တွင် စာကြည့်တိုက်သစ် ဖွင့်",
            "ရန်ကုန်မြို့တွင် စာကြည့်တိုက်အသစ် ဖွင့်လှစ်ခဲ့သည်။",
            "ပညာရေးဝန်ကြီးက ကျောင်းသားများအတွက် အခမဲ့ဖြစ်မည်ဟု ပြောသည်။"]),
    ("km", ["បណ្ណាល័យថ្មីបើកនៅភ្នំពេញ",
            "បណ្ណាល័យថ្មីមួយដែលមានសៀវភៅមួយម៉ឺនក្បាលត្រូវបានបើកនៅភ្នំពេញ។",
            "រដ្ឋមន្ត្រីក្រសួងអប់រំបាននិយាយថា បណ្ណាល័យនេះនឹងឥតគិតថ្លៃសម្រាប់សិស្ស។"]),
])
def test_an_article_under_a_menu_is_content_in_every_script_s_full_stop(lang, article):
    """The rule above knew the full stops . 。 ． । ። only: an Urdu, Armenian, Burmese or Khmer
    article under a site's menu inherited "boilerplate" one paragraph from the next, and a sentence
    the translation left out of it was hidden as furniture."""
    from align.model import Document, Sentence
    from align.pipeline import prepare

    lines = [("Accept cookies | Manage preferences", 0),
             ("Home | World | Politics | Business | Science | Sport", 1)] + [(t, k + 2) for k, t in enumerate(article)]
    doc = Document("<test>", lang, "utf-8", [Sentence(id=k, text=t, original=t, line=k + 1, paragraph=p, lang=lang)
                                             for k, (t, p) in enumerate(lines)])
    # The headline, with no full stop, still inherits, as on the English page above.
    assert prepare(doc).categories == ["boilerplate"] * 3 + ["content", "content"]


@pytest.mark.parametrize("line, category", [
    ("(c) 2024 accounts shall be audited by an independent firm before 30 June.", "content"),
    ("Copyright 2019 was a turning point for the law, the court said.", "content"),
    ("© 2024 The Daily Courier.", "boilerplate"),
    ("Copyright 2024 Acme Corp. All rights reserved.", "boilerplate"),
    ("Follow us on the road to Rome.", "content"),
    ("Suivez-nous sur Facebook et Twitter", "boilerplate"),
])
def test_a_copyright_line_is_a_year_and_a_name_not_a_clause_that_opens_with_one(line, category):
    """A review: the copyright rule took a contract's clause "(c) 2024 accounts shall be audited..."
    for furniture, so leaving it out of the translation was only boilerplate."""
    assert classify_line(line)[0] == category



@pytest.mark.parametrize("line", ["They freeze.)", "He never came back.]", "Il sortit.）"])
def test_a_sentence_that_closes_an_aside_is_no_headline(line):
    # A probe's play: the stage direction "(A knock at the door. They freeze.)" left out was two
    # findings, content for its first sentence and editorial for its last, which ends in ")".
    assert classify_addition(line) == "content"


@pytest.mark.parametrize("line", ["Photo (AFP)", "Überblick (Teil 2)", "Results (2024)"])
def test_a_short_line_ending_in_a_bracket_without_a_full_stop_is_still_a_headline(line):
    assert classify_addition(line) == "editorial"
