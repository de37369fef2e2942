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
