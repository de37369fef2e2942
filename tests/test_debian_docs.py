"""Debian's documentation as its packages install it, translated (debian-faq-*, debian-reference-*):
DocBook's HTML pages, chapter by chapter, in /usr/share/doc/debian/FAQ and /usr/share/debian-reference.
Each excerpt is a short piece of a real page, where the English original and its translation were
read differently though they say the same thing."""
from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

SEGMENTER = load_segmenter("auto")


def sentences(tmp_path, page: str, name: str = "page.html") -> list[str]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [s.text for s in load_sentences(read_input(str(path)), SEGMENTER)]


def xhtml(body: str, lang: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
            f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}"><head></head>'
            f'<body>{body}</body></html>\n')


# basic-defs.en.html and its French, Russian and German pages (debian-faq 11.1), and ch03.en.html
# of the Reference: a heading's number and its title.
HEADINGS = {
    "en": ('<h1 class="title"><a id="basic-defs"></a>Chapter\u00a01.\u00a0Definitions and overview</h1>'
           '<h2 class="title"><a id="whatisfaq"></a>1.1. What is this FAQ?</h2>'
           '<p>This document gives frequently asked questions (with their answers!) about the\n'
           'Debian distribution (Debian GNU/Linux and others) and about the Debian project.\n</p>'
           '<h4 class="title"><a id="s-stage2"></a>3.1.2. Stage 2: the boot loader</h4>'
           '<p class="title">\n  <strong>Table\u00a03.1.\u00a0List of boot loaders</strong>\n</p>',
           ["Chapter\u00a01.\u00a0Definitions and overview", "1.1. What is this FAQ?",
            "3.1.2. Stage 2: the boot loader", "Table\u00a03.1.\u00a0List of boot loaders"]),
    "fr": ('<h1 class="title"><a id="basic-defs"></a>Chapitre\u00a01.\u00a0Définitions et vue d\'ensemble</h1>'
           '<h2 class="title"><a id="whatisfaq"></a>1.1. Qu\'est-ce que cette FAQ\u00a0?</h2>'
           '<p>Ce document rassemble les questions fréquemment posées.</p>',
           ["Chapitre\u00a01.\u00a0Définitions et vue d'ensemble", "1.1. Qu'est-ce que cette FAQ\u00a0?"]),
    "ru": ('<h1 class="title"><a id="basic-defs"></a>Глава\u00a01.\u00a0Определения и краткий обзор</h1>'
           '<h2 class="title"><a id="whatisfaq"></a>1.1. О чём данные ЧаВо?</h2>'
           '<p>В этом документе собраны часто задаваемые вопросы о дистрибутиве Debian.</p>',
           ["Глава\u00a01.\u00a0Определения и краткий обзор", "1.1. О чём данные ЧаВо?"]),
    "de": ('<h1 class="title"><a id="basic-defs"></a>Kapitel\u00a03.\u00a0Die Systeminitialisierung</h1>'
           '<h2 class="title"><a id="whatisfaq"></a>1.1. Was ist diese FAQ?</h2>'
           '<p>Dieses Dokument beantwortet häufig gestellte Fragen zur Debian-Distribution.</p>',
           ["Kapitel\u00a03.\u00a0Die Systeminitialisierung", "1.1. Was ist diese FAQ?"]),
}


def test_a_heading_number_stays_with_its_title(tmp_path):
    # English, French and Russian were cut after "Chapter 1." and "1.1.", German after "Kapitel 3."
    # before "Die", and kept whole elsewhere: each heading was a false merge against the German,
    # Japanese or Chinese page, and a sentence "1.1." stood in every report.
    for lang, (body, headings) in HEADINGS.items():
        read = sentences(tmp_path, xhtml(body, lang), f"basic-defs.{lang}.html")
        for heading in headings:
            assert heading in read, (lang, heading, read)


def test_a_number_at_a_sentence_end_still_ends_it(tmp_path):
    # Not a heading: the paragraph's first sentence ends on a figure and the next one starts.
    read = sentences(tmp_path, xhtml("<p>Debian includes more than 59100 software packages at present.\n"
                                     "Users can select which packages to install.</p>", "en"))
    assert read == ["Debian includes more than 59100 software packages at present.",
                    "Users can select which packages to install."]


# basic-defs.ja.html: a section linked by its quoted title, and a parenthesis, before a particle
# on the next source line.
BASIC_DEFS_JA = xhtml(
    '<p>\nこの文書は Debian ディストリビューション (Debian GNU/Linux その他) や Debian プロジェクトについてよく聞かれる疑問 (その回答も!)\n'
    'を集めています。他の文書へのポインタで済ませることができるものについてはそのようにしています。\n</p>'
    '<p>WWW アーカイブやメール経由で迅速にアクセスできるようになります。この FAQ のバグ記録の管理 '
    '<a class="xref" href="support.ja.html#buglogs" title="12.4. 既知のバグのログはありますか?">「既知のバグのログはありますか?」</a>\n'
    'にある追加情報を見てください。\n</p>'
    '<p>Knoppix/LMDE (Linux Mint Debian Edition)/Ubuntu/... が Debian ベースだということはわかりました。</p>', "ja")


def test_a_japanese_particle_after_a_closing_quote_goes_on_with_its_sentence(tmp_path):
    # Each was cut after "?」", "!)" or "...": "を集めています。", "にある追加情報を見てください。" and
    # "が Debian ベース..." stood as sentences, a false split against the English sentence.
    read = sentences(tmp_path, BASIC_DEFS_JA, "basic-defs.ja.html")
    assert read == [
        "この文書は Debian ディストリビューション (Debian GNU/Linux その他) や Debian プロジェクトについてよく聞かれる疑問 (その回答も!) を集めています。",
        "他の文書へのポインタで済ませることができるものについてはそのようにしています。",
        "WWW アーカイブやメール経由で迅速にアクセスできるようになります。",
        "この FAQ のバグ記録の管理 「既知のバグのログはありますか?」 にある追加情報を見てください。",
        "Knoppix/LMDE (Linux Mint Debian Edition)/Ubuntu/... が Debian ベースだということはわかりました。",
    ], read


def test_a_japanese_sentence_opening_after_a_question_is_still_one(tmp_path):
    # support.ja.html and basic-defs.ja.html: "はい。" (yes) and "では ..." (then) open sentences.
    read = sentences(tmp_path, xhtml("<p>Debian にはメーリングリストがありますか? はい。</p>"
                                     "<p>これで Debian が何なのかはわかった。。。 では Linux とは何?</p>", "ja"))
    assert read == ["Debian にはメーリングリストがありますか?", "はい。",
                    "これで Debian が何なのかはわかった。。。", "では Linux とは何?"], read


# ch01.en.html of the Reference: sentences that open on a command's manual page.
CH01_EN = xhtml(
    '<p>These files and directories can be spread out over several devices. <code class="literal">mount</code>(8) '
    'serves to attach the filesystem found on some device to the big file tree.</p>'
    '<p>Use e.g. <code class="literal">ls</code>(1) to list them.</p>', "en")


def test_a_sentence_opening_on_a_manual_page_is_a_sentence(tmp_path):
    # The Japanese, German... write "mount(8)" in a sentence of their own, as the English does:
    # run into the sentence before, the English was a false split in every translation.
    read = sentences(tmp_path, CH01_EN, "ch01.en.html")
    assert read == ["These files and directories can be spread out over several devices.",
                    "mount(8) serves to attach the filesystem found on some device to the big file tree.",
                    "Use e.g. ls(1) to list them."], read
