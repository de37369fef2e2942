"""Debian's documentation as its packages install it, translated (debian-faq-*, debian-reference-*):
DocBook's HTML pages, chapter by chapter, in /usr/share/doc/debian/FAQ and /usr/share/debian-reference.
Each excerpt is a short piece of a real page, where the English original and its translation were
read differently though they say the same thing."""
from pathlib import Path

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


# debian-faq.en.pdf (XeLaTeX, Charis SIL as a composite font): page 10's first two lines of text, with
# the font's own widths and map to Unicode, as the PDF holds them (the font program left out).
CHARIS_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /LLXGNW+CharisSIL-UTF16 def
/CMapType 2 def
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
11 beginbfchar
<0004> <0021>
<0006> <0023>
<0008> <0025>
<0040> <005D>
<0042> <005F>
<0087> <2022>
<008B> <00A9>
<00AB> <2026>
<00AC> <00A0>
<00B5> <201D>
<00B7> <2019>
endbfchar
2 beginbfrange
<000B> <003E> <0028>
<0044> <005D> <0061>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""
CHARIS_WIDTHS = (b"[4 [338] 6 [743] 8 [860] 11 [376 376 500 1000 280 320 280 490] 29 [280 280 1000 1000 1000 486 936 674 "
                 b"605 627 696 583 541 695 743 330 485 638 531 876 721 731 579 739 649 521 599 712 666 931 634 626 575 423] "
                 b"64 [423] 66 [335] 68 [509 555 466 564 490 326 525 574 303 292 534 297 850 567 544 559 549 391 398 340 "
                 b"569 529 783 510 530 462]]")
FAQ_PAGE_10 = (b"BT /F3 9.9626 Tf 57 700 Td[<00570052>-426<0049005500480048004700520050000f>-460<005100520057>-427"
               b"<00530055004c004600480011>-791<0029005500480048>-427<0056005200490057005a004400550048>-427"
               b"<00500048004400510056>-426<0057004b00440057>-427<005c00520058>-427<004b004400590048>-426"
               b"<0057004b0048>-427<0049005500480048004700520050>-427<00570052>-426"
               b"<0047004c005600570055004c0045005800570048>-427<004600520053004c00480056>-426<00520049>-427"
               b"<0049005500480048>]TJ 0 -11.956 Td[<0056005200490057005a004400550048000f>-296<0057004b00440057>-295"
               b"<005c00520058>-295<0055004800460048004c00590048>-296<005600520058005500460048>-295<0046005200470048>-296"
               b"<00520055>-295<004600440051>-296<004a00480057>-295<004c0057>-296<004c0049>-295<005c00520058>-295"
               b"<005a004400510057>-296<004c0057000f>-296<0057004b00440057>-295<005c00520058>-296<004600440051>-295"
               b"<0046004b00440051004a0048>-296<0057004b0048>-295<0056005200490057005a004400550048>-296<00520055>]TJ ET")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (the first the catalog), numbered from 1, with its cross-reference table."""
    out, offsets = b"%PDF-1.5\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def test_a_composite_fonts_word_gaps_are_spaces(tmp_path):
    # pypdf took the width of glyph 32 (1,000 units) for the font's space, and no gap of 300 to 460
    # units was one: "tofreedom,notprice.", "Freesoftwaremeansthatyouhavethefreedom...", each line of
    # every page of the FAQ a sentence of its own in all six languages it ships as PDF.
    path = tmp_path / "debian-faq.en.pdf"
    path.write_bytes(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F3 5 0 R >> >> >>",
        stream(FAQ_PAGE_10),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /LLXGNW+CharisSIL /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LLXGNW+CharisSIL /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 563 /CIDToGIDMap /Identity /W " + CHARIS_WIDTHS
        + b" /FontDescriptor 8 0 R >>",
        stream(CHARIS_TO_UNICODE),
        b"<< /Type /FontDescriptor /FontName /LLXGNW+CharisSIL /Flags 6 /FontBBox [-692 -533 3000 1270] "
        b"/ItalicAngle 0 /Ascent 1196 /Descent -439 /CapHeight 1196 /StemV 87 >>",
    ]))
    read = [s.text for s in load_sentences(read_input(str(path)), SEGMENTER)]
    assert read[0] == "to freedom, not price.", read
    assert read[1].startswith("Free software means that you have the freedom to distribute copies of free software, "
                              "that you receive source code or can get it if you want it"), read


def text_page(lines: list[str]) -> bytes:
    """A one-page PDF setting `lines` in Helvetica, one under the other."""
    return text_pages([lines])


def text_pages(pages: list[list[str]]) -> bytes:
    """A PDF of these pages, each setting its lines in Helvetica, one under the other."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(count)), count),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for lines in pages:
        shown = b" ".join(b"(%s) Tj 0 -14 Td" % line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
                          for line in lines)
        objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>" % (len(objects) + 2),
                    stream(b"BT /F1 10 Tf 57 780 Td " + shown + b" ET")]
    return pdf(objects)


# debian-faq.en.pdf and debian-faq.de.pdf, page iii: the contents, whose page numbers the translation
# changed (its pages run longer), and the text of the page after it.
FAQ_CONTENTS = {
    "en": ["Contents", "1 Definitions and overview 1",
           "1.1 What is this FAQ? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1",
           "1.2 What is Debian GNU/Linux? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1",
           "1.5 What is the difference between Debian GNU/Linux and other Linux distributions? Why",
           "should I choose Debian over some other distribution? . . . . . . . . . . . . . . . . . . . . 2",
           "2 Getting and installing Debian GNU/Linux 5",
           "2.1 What is the latest version of Debian? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 5",
           "This document answers questions frequently asked about Debian GNU/Linux."],
    "de": ["Inhaltsverzeichnis", "1 Definitionen und Überblick 1",
           "1.1 Was ist diese FAQ? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1",
           "1.2 Was ist Debian GNU/Linux? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1",
           "1.5 Was ist der Unterschied zwischen Debian GNU/Linux und anderen Linux-Distributionen?",
           "Warum sollte ich Debian einer anderen Distribution vorziehen? . . . . . . . . . . . . . . . 3",
           "2 Debian GNU/Linux bekommen und installieren 7",
           "2.1 Was ist die aktuellste Debian-Version? . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 7",
           "Dieses Dokument beantwortet häufig gestellte Fragen zu Debian GNU/Linux."],
}


def test_a_pdfs_table_of_contents_is_furniture(tmp_path):
    # Read as text, each entry's page number stood as a sentence or closed one, "5" against "7": a
    # false fact mismatch for every entry whose page the translation moved.
    for lang, lines in FAQ_CONTENTS.items():
        path = tmp_path / f"debian-faq.{lang}.pdf"
        path.write_bytes(text_page(lines))
        read = load_sentences(read_input(str(path)), SEGMENTER)
        text = [s.text for s in read if not s.furniture]
        assert text == [lines[0], lines[-1]], (lang, text)
        furniture = " ".join(s.text for s in read if s.furniture)
        for line in lines[1:-1]:
            assert line.split()[-1] in furniture


def test_a_web_address_broken_at_a_line_end_is_read_whole(tmp_path):
    # debian-faq.en.pdf, pages 9 and 13: LaTeX breaks an address after a dot or a slash. Read with
    # the break, the address was "https://www", a false fact mismatch against the French, whose
    # lines broke elsewhere.
    path = tmp_path / "debian-faq.en.pdf"
    path.write_bytes(text_page([
        "For Debian, free has the GNUish meaning (see the Debian Free Software Guidelines (https://www.",
        "debian.org/social_contract#guidelines)). When we speak of free software, we are referring",
        "to freedom, not price. For more information, see What is Linux (https://www.linux.org/info/) by Linux",
        "Online (https://www.linux.org/).",
        "1.4 Does Debian just do GNU/Linux?",
        "For more information related to security support please read the Security FAQ (https://www.",
        "debian.org/security/faq) or the Debian Security Manual (https://www.debian.org/doc/",
        "manuals/securing-debian-howto/).",
    ]))
    text = " ".join(s.text for s in load_sentences(read_input(str(path)), SEGMENTER))
    for address in ("(https://www.debian.org/social_contract#guidelines))", "(https://www.linux.org/)",
                    "(https://www.debian.org/security/faq)", "(https://www.debian.org/doc/manuals/securing-debian-howto/)"):
        assert address in text, (address, text)
    assert "(https://www.linux.org/). 1.4 Does" in text  # closed by its bracket: the next line is no address


def test_a_line_goes_on_into_a_word_the_document_writes_with_a_capital_inside_its_sentences(tmp_path):
    # debian-faq.de.pdf, page 10: a full line that ends no sentence, before a noun. German writes its
    # nouns with a capital, which the rule for a proportional font's lines read as a sentence's start:
    # "... sowie den GNU-, FSF- und sonstigen" and "Werkzeugen zielt darauf ab ..." were two sentences.
    path = tmp_path / "debian-faq.de.pdf"
    path.write_bytes(text_page([
        "Die Kombination aus Linux-Kernel, der Verzeichnisstruktur sowie den GNU-, FSF- und sonstigen",
        "Werkzeugen zielt darauf ab, dem POSIX (IEEE 1003.1)-Standard zu entsprechen; siehe Abschnitt 4.4.",
        "Allerdings wurden die Pakete in Stable mit den aktuellen Werkzeugen gebaut, die der Debian-",
        "Installer mitbringt, und das Paketverwaltungssystem verwaltet sie.",
    ]))
    read = [s.text for s in load_sentences(read_input(str(path)), SEGMENTER)]
    assert read[0] == ("Die Kombination aus Linux-Kernel, der Verzeichnisstruktur sowie den GNU-, FSF- und sonstigen "
                       "Werkzeugen zielt darauf ab, dem POSIX (IEEE 1003.1)-Standard zu entsprechen; siehe Abschnitt 4.4."), read



def test_a_line_goes_on_into_a_noun_in_a_language_that_writes_every_noun_with_a_capital(tmp_path):
    # debian-faq.de.pdf, pages 22, 23 and 34, and debian-reference.de.pdf, page 226. German writes
    # every noun with a capital, so a capital at a line's start says nothing of a sentence's start:
    # "... die Zahl der unterstützten" / "Prozessorarchitekturen bei Debian ..." was two sentences, as
    # were "dadurch" / "Ihre Probleme" and "andere" / "Distribution. Das ist ...". A table's rows
    # (the first ending in a bracket) and a sentence's end at a line's end stay cut.
    path = tmp_path / "debian-faq.de.pdf"
    path.write_bytes(text_pages([[
        "che zu laufen. Darüber hinaus ist die Anzahl der verfügbaren Pakete und die Zahl der unterstützten",
        "Prozessorarchitekturen bei Debian weitaus größer als bei Knoppix.",
        "die Sie so erhalten, passen möglicherweise nicht zu Ihrem System. Es könnte sogar sein, dass dadurch",
        "Ihre Probleme nur noch größer werden.",
        "Wenn Ihr System auf Knoppix, Linux Mint Debian Edition oder Ubuntu basiert, dann verwenden Sie",
        "nicht Debian. Die Pakete dort sind für jene gebaut, aber dann verwenden Sie nicht Debian, sondern eine andere",
        "Distribution. Das ist nicht das gleiche.",
        "in Stable übernommen zu werden. Sid enthält Pakete für bereits veröffentlichte und unveröffentlichte",
        "Architekturen.",
        "Der Name »Sid« kommt ebenfalls aus dem Animationsfilm »Toy Story«: Sid war der Junge von nebenan.",
    ], [
        "HTTP-Dienst Datenaustausch zwischen Web-Server/-Client",
        "HTTPS-Dienst Datenaustausch zwischen Web-Server/-Client mit verschlüsseltem Secure Sockets Layer (SSL) "
        "oder Transport Layer Security (TLS)",
        "FTP-Dienst Datenaustausch zwischen FTP-Server/-Client",
        "Tabelle 10.4: Liste von Netzwerkdiensten mit typischen Anwendungsszenarien",
    ]]))
    read = [s.text for s in load_sentences(read_input(str(path)), SEGMENTER) if not s.furniture]
    for sentence in ("Darüber hinaus ist die Anzahl der verfügbaren Pakete und die Zahl der unterstützten "
                     "Prozessorarchitekturen bei Debian weitaus größer als bei Knoppix.",
                     "Es könnte sogar sein, dass dadurch Ihre Probleme nur noch größer werden.",
                     "Die Pakete dort sind für jene gebaut, aber dann verwenden Sie nicht Debian, sondern eine andere "
                     "Distribution.",
                     "Das ist nicht das gleiche.",
                     "Sid enthält Pakete für bereits veröffentlichte und unveröffentlichte Architekturen.",
                     "FTP-Dienst Datenaustausch zwischen FTP-Server/-Client"):
        assert sentence in read, (sentence, read)
    assert read[-3].endswith("Transport Layer Security (TLS)"), read


def test_a_full_line_is_measured_against_the_documents_text_not_a_footnote_wider_than_it(tmp_path):
    # debian-faq.de.pdf, pages 25 and 26: the page's footnote, set smaller, holds 125 characters a
    # line, and the text's full lines (97-102) stood short of it: "... um nach Möglichkeit" /
    # "Binärkompatibilität zwischen ..." was two sentences, as was "in diesem" / "Standard, was ...".
    path = tmp_path / "debian-faq.de.pdf"
    path.write_bytes(text_pages([[
        "Die arm-Portierung wurde ebenfalls mit dieser Veröffentlichung eingestellt, sie wurde durch die armel-",
        "Architektur ersetzt.",
        "Die Unterstützung für die 32-Bit s390-Portierung (s390) wurde beendet und in Jessie (Debian 8)",
        "durch s390x ersetzt. Außerdem sind die Portierungen IA-64 und Sparc aus der Veröffentlichung entfernt,",
        "da sie nicht mehr genügend Unterstützung aus der Entwicklergemeinde bekamen.",
    ], [
        "Neben Linux bietet Debian eine vollständige Binärdistribution für die folgenden Betriebssystem-Kernel:",
        "Es gab auch Bestrebungen, die Distribution auf den NetBSD-Kernel zu portieren, um somit netbsd-i386",
        "(für 32-Bit-PCs) und netbsd-alpha (für Alpha-Maschinen) anzubieten. Aber diese Portierungen wurde nie",
        "veröffentlicht und sind mittlerweile stillgelegt.",
    ], [
        "4.3 Wie kompatibel ist Debian mit anderen Linux-Distributionen?",
        "Debian-Entwickler kommunizieren mit Herstellern anderer Linux-Distributionen, um nach Möglichkeit",
        "Binärkompatibilität zwischen Linux-Distributionen sicherzustellen. Die meisten kommerziellen Linux-",
        "Produkte laufen unter Debian genau so gut wie auf dem System, auf dem sie erstellt wurden.",
        "Debian GNU/Linux folgt dem Linux Filesystem Hierarchy Standard (https://www.pathname.",
        "com/fhs). Jedoch gibt es einen gewissen Interpretationsspielraum bei einigen Festlegungen in diesem",
        "Standard, was zu kleineren Unterschieden zwischen einem Debian-System und anderen Linux-Systemen",
        "führen kann.",
        "1Die Linux Standard Base (https://wiki.linuxfoundation.org/lsb/start/)-Spezifikation legt fest, wie dasselbe Bi-",
        "närpaket unter verschiedenen Distributionen verwendet werden kann. Nachdem Jessie (Debian 8) veröffentlicht "
        "wurde, hat Debian",
        "entschieden, auf die LSB-Kompatibilität zu verzichten.",
    ]]))
    read = [s.text for s in load_sentences(read_input(str(path)), SEGMENTER) if not s.furniture]
    for sentence in ("Debian-Entwickler kommunizieren mit Herstellern anderer Linux-Distributionen, um nach Möglichkeit "
                     "Binärkompatibilität zwischen Linux-Distributionen sicherzustellen.",
                     "Jedoch gibt es einen gewissen Interpretationsspielraum bei einigen Festlegungen in diesem Standard, "
                     "was zu kleineren Unterschieden zwischen einem Debian-System und anderen Linux-Systemen führen kann."):
        assert sentence in read, (sentence, read)
    assert "4.3 Wie kompatibel ist Debian mit anderen Linux-Distributionen?" in read, read
    # debian-faq.it.pdf, pages 58 and 59: a footnote under a sentence that runs over the page break
    # goes after the text, and the sentence is read whole; glued to the footnote's first line ("...
    # facendo il 1Nel 2014 Debian ...") or cut around it, it was garbled.
    path = tmp_path / "debian-faq.it.pdf"
    path.write_bytes(text_pages([[
        "con systemd. Se tuttavia si preferisce usare lo stesso comando su qualsiasi sistema Linux con systemd,",
        "per controllare lo stato eseguire",
        "Per ulteriori informazioni su systemd per Debian vedere https://wiki.debian.org/systemd.",
        "11.6 Cosa ne è dell'init System V tradizionale in Debian?",
        "Debian gestisce l'avvio attraverso l'init tradizionale System V attraverso il pacchetto sysvinit-core. Il file",
        "di configurazione per l'init System V (che è /etc/inittab) specifica che il primo script da eseguire",
        "dovrebbe essere /etc/init.d/rcS. Questo script esegue tutti gli script in /etc/rcS.d/ facendo il",
        "1Nel 2014 Debian ha cambiato il proprio sistema init predefinito da Sytem V a systemd. Nell'aprile 2015 Debian 8",
        "\"jessie\" è stato il primo rilascio fornito con systemd come init predefinito. A questo proposito ci sono state "
        "quattro deci-",
        "sioni del Debian Technical Committee.",
    ], [
        "fork di sottoprocessi per effettuare un'inizializzazione come verificare e montare file system.",
    ]]))
    read = [s.text for s in load_sentences(read_input(str(path)), SEGMENTER) if not s.furniture]
    assert ("Questo script esegue tutti gli script in /etc/rcS.d/ facendo il fork di sottoprocessi per effettuare "
            "un’inizializzazione come verificare e montare file system.") in read, read
    assert "1Nel 2014 Debian ha cambiato il proprio sistema init predefinito da Sytem V a systemd." in read, read

# debian-faq.en.pdf, pages 10 to 13: LaTeX's running head names the chapter and the section, in
# capitals, and differs from page to page; a sentence runs over each page break.
FAQ_PAGES = [
    ["CHAPTER 1. DEFINITIONS AND OVERVIEW 1.3. OK, NOW I KNOW WHAT DEBIAN IS... ...",
     "to freedom, not price. Free software means that you have the freedom to distribute copies of free",
     "software, that you receive source code or can get it if you want it, that you can change the software or",
     "cases) without rebooting the system. Most Linux distributions available today have some kind of", "2"],
    ["CHAPTER 1. DEFINITIONS AND OVERVIEW 1.6. HOW DOES THE DEBIAN PROJECT FIT IN ...",
     "package maintenance system; the Debian package maintenance system is unique and particularly",
     "robust (see Chapter 7). Ian Murdock, founder of the Debian Project, named it after himself and",
     "his wife, Debra.", "3"],
    ["CHAPTER 2. GETTING AND INSTALLING ... 2.3. WHERE/HOW CAN I GET THE DEBIAN ...",
     "The installation images are listed on the CD page. For more information, please read the",
     "Debian Security Manual.", "6"],
    ["CHAPTER 2. GETTING AND INSTALLING ... 2.6. CAN I GET AND INSTALL DEBIAN ...",
     "Yes. You can boot the Debian installation system from a set of files you can download from",
     "our archive site and its mirrors.", "7"],
]


def test_a_running_head_in_capitals_that_names_each_pages_section_is_furniture(tmp_path):
    # Read as text, "CHAPTER 1." and "DEFINITIONS AND OVERVIEW 1.3." stood between the halves of the
    # sentence the page break cut ("... have some kind of" / "package maintenance system; ..."), and
    # each section number was a false fact mismatch against a translation whose page held another.
    path = tmp_path / "debian-faq.en.pdf"
    path.write_bytes(text_pages(FAQ_PAGES))
    read = load_sentences(read_input(str(path)), SEGMENTER)
    text = [s.text for s in read if not s.furniture]
    assert not any("CHAPTER" in sentence for sentence in text), text
    assert ("Most Linux distributions available today have some kind of package maintenance system; the Debian "
            "package maintenance system is unique and particularly robust (see Chapter 7).") in text, text


# basic-defs.en.html: DocBook's navigation footer, the next chapter's title in it.
NAVFOOTER = ('<div class="navfooter"><hr /><table width="100%" summary="Navigation footer"><tr><td width="40%" '
             'align="left"><a accesskey="p" href="index.en.html"><img src="images/prev.png" alt="Prev" /></a> </td>'
             '<td width="20%" align="center"> </td><td width="40%" align="right"> <a accesskey="n" '
             'href="getting-debian.en.html"><img src="images/next.png" alt="Next" /></a></td></tr><tr><td width="40%" '
             'align="left" valign="top">The Debian GNU/Linux FAQ </td><td width="20%" align="center"><a accesskey="h" '
             'href="index.en.html"><img src="images/home.png" alt="Home" /></a></td><td width="40%" align="right" '
             'valign="top"> Chapter\u00a02.\u00a0Getting and installing Debian GNU/Linux</td></tr></table></div>')


def test_docbooks_navigation_header_and_footer_are_furniture(tmp_path):
    path = tmp_path / "basic-defs.en.html"
    path.write_text(xhtml("<p>Debian GNU/Linux is a particular distribution of the Linux operating system.</p>"
                          + NAVFOOTER, "en"), encoding="utf-8")
    read = load_sentences(read_input(str(path)), SEGMENTER)
    assert [s.text for s in read if not s.furniture] == [
        "Debian GNU/Linux is a particular distribution of the Linux operating system."], [(s.text, s.furniture) for s in read]


# The Debian FAQ as w3m dumps it (debian-faq, /usr/share/doc/debian-faq/debian-faq.en.txt.gz): wrapped
# at 69 columns but for one line of a program's output, 109 columns wide.
FAQ_EXCERPT = (
    '        new stable version. In our example, this new stable release\n'
    '        will be called bookworm.\n'
    '\n'
    '      * At this stage oldstable = bullseye, stable = bookworm. The\n'
    "        contents of stable and 'frozen testing' are same at this\n"
    '        point.\n'
    '\n'
    '      * A new testing is based on the old testing.\n'
    '\n'
    '      * Packages start coming down from sid to testing and the Debian\n'
    '        community will be working towards making the next stable\n'
    '        release.\n'
    '\n'
    '3.1.10.\xa0I have a working Desktop/cluster with Debian installed. How\n'
    'do I know which distribution I am running?\n'
    '\n'
    '    In most situations it is very easy to figure this out. Take a\n'
    '\xa0\xa0\xa0 look at the /etc/apt/sources.list file. There will be an entry\n'
    '    similar to this:\n'
    '\n'
    '\xa0\xa0\xa0 deb http://ftp.us.debian.org/debian/ unstable main contrib\n'
    '\n'
    "\xa0\xa0\xa0 The third field ('unstable' in the above example) indicates the\n"
    '    Debian distribution the system is currently tracking.\n'
    '\n'
    '    You can also use lsb_release (available in the lsb-release\n'
    '\xa0\xa0\xa0 package). If you run this program in an unstable system you will\n'
    '    get:\n'
    '\n'
    '    $ lsb_release  -a\n'
    '    LSB Version:    core-2.0-noarch:core-3.0-noarch:core-3.1-noarch:core-2.0-ia32:core-3.0-ia32:core-3.1-ia32\n'
    '\xa0\xa0\xa0 Distributor ID: Debian\n'
    '    Description:    Debian GNU/Linux unstable (sid)\n'
    '    Release:    unstable\n'
    '    Codename:   sid\n'
    '\n'
    '    However, this is not always that easy. Some systems might have\n'
    '    sources.list files with multiple entries corresponding to\n'
    '\xa0\xa0\xa0 different distributions. This could happen if the administrator\n'
    '    is tracking different packages from different Debian\n'
    '    distributions. This is frequently referred to as apt-pinning.\n'
    '    These systems might run a mixture of distributions.\n'
    '\n'
)


def test_a_ragged_text_with_a_line_it_could_not_break_is_read_as_wrapped():
    # The widest line was taken for the width, no line of the FAQ was full at it, and each line
    # opening on a capital began a sentence ("... indicates the" / "Debian distribution ...").
    from align.reading import RawText
    from align.wrapping import wrap_width

    assert wrap_width(FAQ_EXCERPT) == 69
    found = [s.text for s in load_sentences(RawText(FAQ_EXCERPT, "utf-8", "faq.txt"), load_segmenter("auto"))]
    assert ("The third field ('unstable' in the above example) indicates the Debian distribution the system "
            "is currently tracking.") in found
    assert ("This could happen if the administrator is tracking different packages from different Debian "
            "distributions.") in found
    # The program's output keeps its lines: the wide one goes on into no line beside it.
    assert "Distributor ID: Debian" in found and "Description: Debian GNU/Linux unstable (sid)" in found


def test_a_figure_page_furniture_states_otherwise_is_boilerplate(tmp_path):
    # The Debian FAQ's contents, paired entry by entry as furniture: each "2" against "3" was a
    # changed fact at the severity of one in the text (216 in the German PDF alone).
    from align import align_pair

    english, german = tmp_path / "en.html", tmp_path / "de.html"
    english.write_text(xhtml(
        '<div class="navheader"><p>Chapter 2. Getting and installing Debian</p></div>'
        '<p>The latest stable release of Debian is 12, released on 10 June 2023.</p>'
        '<p>Debian is produced by almost a thousand active developers spread around the world.</p>', "en"),
        encoding="utf-8")
    german.write_text(xhtml(
        '<div class="navheader"><p>Kapitel 3. Debian beschaffen und installieren</p></div>'
        '<p>Die letzte stabile Version von Debian ist 11, veröffentlicht am 10. Juni 2023.</p>'
        '<p>Debian wird von fast tausend aktiven Entwicklern in aller Welt erstellt.</p>', "de"),
        encoding="utf-8")
    facts = [(f.severity, f.details["src_value"], f.details["tgt_value"])
             for f in align_pair(str(english), str(german)).findings if f.type == "fact_mismatch"]
    assert ("boilerplate", "2", "3") in facts and ("content", "12", "11") in facts


def test_a_contents_entry_numbered_in_parts_is_an_item_of_its_own(tmp_path):
    # The Debian FAQ's contents as w3m dumps them: "1.1. What is this FAQ?" under "1. Definitions"
    # was read as that item's next line, and the entries ran together ("What is this FAQ? 1.2.").
    text = ("1. Definitions and overview\n"
            "    1.1. What is this FAQ?\n"
            "    1.2. What is Debian?\n"
            "    1.3. OK, now I know what Debian is... what is Linux?!\n")
    assert sentences(tmp_path, text, "faq.txt") == [
        "1. Definitions and overview", "1.1. What is this FAQ?", "1.2. What is Debian?",
        "1.3. OK, now I know what Debian is... what is Linux?!"]
    # A wrapped line that opens on a figure closing a bracket is no item: "... down to 0.3 (or" /
    # "0.5) of the median sentence" in a hard-wrapped markdown file.
    from align.wrapping import ITEM_OPENING

    assert ITEM_OPENING.match("    1.1. What is this FAQ?") and not ITEM_OPENING.match("0.5) of the median")


def test_a_note_mark_after_a_full_stop_and_a_space_goes_with_its_sentence(tmp_path):
    # The Debian FAQ's Portuguese page: "... lista de discussão. [7]" at a paragraph's end was a
    # sentence "[7]" of its own, left out of a translation that wrote the mark without the space.
    from align.segmenters import load_segmenter

    splitter = load_segmenter("auto")
    for text, lang, expected in (
            ("Envie uma mensagem para a lista de discussão. [7]", "pt",
             ["Envie uma mensagem para a lista de discussão. [7]"]),
            # Before more text a mark may open a note (a novel's footnote set inline): as it was.
            ("The great fire of 1842 had fortunately spared it. [1] Sixty-three.", "en",
             ["The great fire of 1842 had fortunately spared it.", "[1] Sixty-three."])):
        assert [text[a:b] for a, b in splitter.split(text, lang)] == expected


def test_a_paragraph_of_punctuation_alone_is_furniture(tmp_path):
    # The Debian FAQ's getting-debian page ends a sentence with "." in a paragraph of its own
    # after a code block; the Japanese, Russian and Chinese pages write it inside, and the "."
    # was a sentence left out of each at the severity of the text's.
    path = tmp_path / "page.html"
    path.write_text(xhtml('<p>Add this line to your sources.list:</p><pre>deb cdrom:[x]/ unstable main</pre>'
                          '<p>\n.\n</p><p>Then run the update.</p>', "en"), encoding="utf-8")
    found = [(s.text, s.furniture) for s in load_sentences(read_input(str(path)), SEGMENTER)]
    assert found == [("Add this line to your sources.list:", False), ("deb cdrom:[x]/ unstable main", False),
                     (".", True), ("Then run the update.", False)]


# The Debian Administrator's Handbook (debian-handbook 11.20220922), sect.apt-file.html and
# sect.backup.html in English and French: a crontab line and a configuration file, which every
# translation copies.
HANDBOOK_LISTINGS = {
    "en": ('<div class="para">To update the database on a weekly base, the following entry can be added to '
           '<code class="filename">/etc/crontab</code> if convenient.</div>'
           '<div class="informalexample"><pre class="programlisting">@weekly root test -x /usr/bin/apt-file '
           '&amp;&amp; /usr/bin/apt-file update &gt;&gt; /dev/null 2&gt;&amp;1</pre></div>'
           '<div class="example-contents"><pre class="programlisting">client: rivendell.falcot.com\ntree: /\n'
           'xdev: 1\nindex: gzip\n</pre></div>'),
    "fr": ('<div class="para">Pour mettre à jour la base de données chaque semaine, on peut ajouter cette '
           'entrée à <code class="filename">/etc/crontab</code>.</div>'
           '<div class="informalexample"><pre class="programlisting">@weekly root test -x /usr/bin/apt-file '
           '&amp;&amp; /usr/bin/apt-file update &gt;&gt; /dev/null 2&gt;&amp;1</pre></div>'
           '<div class="example-contents"><pre class="programlisting">client: rivendell.falcot.com\ntree: /\n'
           'xdev: 1\nindex: gzip\n</pre></div>'),
}


def test_a_listing_in_pre_is_furniture_and_its_copy_no_untranslated_text(tmp_path):
    from align import align_pair

    english, french = tmp_path / "en.html", tmp_path / "fr.html"
    english.write_text(xhtml(HANDBOOK_LISTINGS["en"], "en"), encoding="utf-8")
    french.write_text(xhtml(HANDBOOK_LISTINGS["fr"], "fr"), encoding="utf-8")
    read = load_sentences(read_input(str(english)), SEGMENTER)
    assert [s.text for s in read if not s.furniture] == [
        "To update the database on a weekly base, the following entry can be added to /etc/crontab if convenient."]
    assert any(s.text.startswith("@weekly root test") for s in read)  # kept, as furniture
    assert [f.message for f in align_pair(str(english), str(french)).findings if f.type == "untranslated"] == []


def test_a_pre_that_opens_on_code_is_a_listing_and_a_plain_pre_is_text(tmp_path):
    page = xhtml("<pre><code>apt-get install apt-file\n</code></pre>"
                 "<pre>Roses are red,\nviolets are blue.</pre>", "en")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    read = load_sentences(read_input(str(path)), SEGMENTER)
    assert [(s.text, s.furniture) for s in read] == [
        ("apt-get install apt-file", True), ("Roses are red, violets are blue.", False)]



def publican(body: str, lang: str) -> str:
    """A page as Publican (the Debian Administrator's Handbook's) writes one, its generator named."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}"><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />'
            '<meta xmlns:d="http://docbook.org/ns/docbook" name="generator" content="publican v4.3.2" />'
            f'</head><body><div class="section">{body}</div></body></html>\n')


# sect.apt-file.html, in English and in French, whose translation left its last box in English.
HANDBOOK_SIDEBAR = ('<div class="sidebar"><div class="titlepage"><div><div><p class="title"><strong><span class='
                    '"emphasis"><em>TIP</em></span> Listing a package contents and finding a file\'s package</strong>'
                    '</p></div></div></div><div class="para">\n\t\t\tSimilar to <code class="command">apt-file list'
                    '</code> the command <code class="command">dpkg -L <em class="replaceable">package</em></code> '
                    'lists all files, but only for an installed package.\n\t\t</div></div>')
HANDBOOK_TEXT = {
    "en": ('<div class="para">\n\t\t\tAfter the database has been updated, the command <code class="command">'
           'apt-file search <em class="replaceable">pattern</em></code> will list all packages, which contain a '
           'filename or path containing the pattern.\n\t\t</div>'),
    "fr": ('<div class="para">\n\t\t\tUne fois la base de données mise à jour, la commande <code class="command">'
           'apt-file search <em class="replaceable">motif</em></code> listera tous les paquets contenant un nom '
           'de fichier ou un chemin contenant ce motif.\n\t\t</div>'),
}


def test_a_docbook_sidebar_is_text_of_the_book(tmp_path):
    from align import align_pair

    english, french = tmp_path / "en.html", tmp_path / "fr.html"
    english.write_text(publican(HANDBOOK_TEXT["en"] + HANDBOOK_SIDEBAR, "en"), encoding="utf-8")
    french.write_text(publican(HANDBOOK_TEXT["fr"] + HANDBOOK_SIDEBAR, "fr"), encoding="utf-8")
    read = load_sentences(read_input(str(english)), SEGMENTER)
    assert not any(s.furniture for s in read), [s.text for s in read if s.furniture]
    untranslated = [f for f in align_pair(str(english), str(french)).findings if f.type == "untranslated"]
    assert untranslated and all(f.severity == "content" for f in untranslated)
    # A web page's sidebar, where no generator names DocBook, stays furniture.
    page = tmp_path / "page.html"
    page.write_text(xhtml('<p>Debian is a free operating system.</p><div class="sidebar"><p>Latest posts</p></div>',
                          "en"), encoding="utf-8")
    assert [(s.text, s.furniture) for s in load_sentences(read_input(str(page)), SEGMENTER)] == [
        ("Debian is a free operating system.", False), ("Latest posts", True)]


def test_publicans_navigation_is_furniture(tmp_path):
    # sect.ubuntu.html's links to the pages before and after, at its top and its foot.
    path = tmp_path / "sect.ubuntu.html"
    path.write_text(publican(
        '<ul class="docnav top"><li class="previous"><a accesskey="p" href="derivative-distributions.html">'
        '<strong>Prev</strong></a></li><li class="home">The Debian Administrator\'s Handbook</li>'
        '<li class="next"><a accesskey="n" href="sect.linux-mint.html"><strong>Next</strong></a></li></ul>'
        '<div class="para">\n\t\t\tUbuntu has reached a wide audience in the general public.\n\t\t</div>'
        '<ul class="docnav"><li class="previous"><a accesskey="p" href="derivative-distributions.html">'
        '<strong>Prev</strong>Appendix A. Derivative Distributions</a></li><li class="up"><a accesskey="u" '
        'href="#"><strong>Up</strong></a></li></ul>', "en"), encoding="utf-8")
    read = load_sentences(read_input(str(path)), SEGMENTER)
    assert [s.text for s in read if not s.furniture] == ["Ubuntu has reached a wide audience in the general public."]


# debian-faq.en.txt (debian-faq 11.1), sections 8.1.1 and 8.1.2, as the package installs it: a command
# the document spells in lower case opens a sentence after a full stop.
FAQ_DPKG_TXT = """8.1.1. dpkg

    This is the main package management program. dpkg can be invoked
    with many options. Some common uses are:

8.1.2. APT

    apt-get provides a simple way to retrieve and install packages
    from multiple sources using the command line. Unlike dpkg,
    apt-get does not understand .deb files, it works with the
    packages proper name and can only install .deb archives from a
    source specified in /etc/apt/sources.list. apt-get will call dpkg
    directly after downloading the .deb archives.
"""


def test_a_sentence_opening_on_a_command_the_document_spells_in_lower_case_is_a_sentence(tmp_path):
    read = sentences(tmp_path, FAQ_DPKG_TXT, "debian-faq.en.txt")
    assert read[1:3] == ["This is the main package management program.", "dpkg can be invoked with many options."], read
    assert read[-2:] == ["Unlike dpkg, apt-get does not understand .deb files, it works with the packages proper name "
                         "and can only install .deb archives from a source specified in /etc/apt/sources.list.",
                         "apt-get will call dpkg directly after downloading the .deb archives."], read


def test_a_lower_case_word_the_document_also_writes_with_a_capital_is_no_name(tmp_path):
    # "sid" opens a paragraph, but the FAQ also names Toy Story's "Sid": not a name spelled in lower case only,
    # and after an abbreviation ("e.g.") a name goes on with its sentence as well.
    text = ("sid or unstable is the place where most of the packages are initially uploaded.\n\n"
            "They will be released in stable later on. sid contains packages for all architectures.\n\n"
            "Sid was the boy next door. Use e.g. sid for testing.\n")
    read = sentences(tmp_path, text, "faq.txt")
    assert "They will be released in stable later on. sid contains packages for all architectures." in read, read
    assert "Use e.g. sid for testing." in read, read


# debian-reference.de.txt (debian-reference 2.100), Table 1.1 as the package ships the text: a table
# drawn with bars and rules, each row's cells wrapped over lines inside their bars (the no-break
# spaces before a rule are the dump's own).
REFERENCE_TABLE_DE_TXT = """    Tabelle 1.1. Liste interessanter Textmodus-Programm-Pakete

    +---------------------------------------------------------------+
    |  Paket  |Popcon|Größe|              Beschreibung              |
    |---------+------+-----+----------------------------------------|
    |mc       |V:54, |1482 |Ein Textmodus-Dateimanager mit          |
    |         |I:226 |     |Vollbildschirm-Ansicht                  |
    |---------+------+-----+----------------------------------------|
    |         |V:97, |     |Unix Texteditor Vi IMproved, ein        |
    |vim      |I:390 |3570 |Texteditor für Programmierer            |
    |         |      |     |(Standardversion)                       |
\u00a0\u00a0\u00a0 |---------+------+-----+----------------------------------------|
    |w3m      |V:14, |2828 |Textmodus-WWW-Browser                   |
    |         |I:190 |     |                                        |
    +---------------------------------------------------------------+

    Falls Sie diese Pakete bereits installiert haben, werden keine
    neuen Pakete installiert.
"""


def test_a_table_row_drawn_over_several_lines_is_one_sentence_read_cell_by_cell(tmp_path):
    read = sentences(tmp_path, REFERENCE_TABLE_DE_TXT, "debian-reference.de.txt")
    assert "mc | V:54, I:226 | 1482 | Ein Textmodus-Dateimanager mit Vollbildschirm-Ansicht" in read, read
    assert ("vim | V:97, I:390 | 3570 | Unix Texteditor Vi IMproved, ein Texteditor für Programmierer (Standardversion)"
            in read), read
    assert "w3m | V:14, I:190 | 2828 | Textmodus-WWW-Browser" in read, read
    assert read[-1] == "Falls Sie diese Pakete bereits installiert haben, werden keine neuen Pakete installiert.", read
    # each line of the text in one sentence, whole
    path = tmp_path / "debian-reference.de.txt"
    loaded = load_sentences(read_input(str(path)), SEGMENTER)
    assert [line.strip() for s in loaded for line in s.original.split("\n")] == \
        [line.strip() for line in REFERENCE_TABLE_DE_TXT.split("\n") if line.strip()]


def test_a_table_with_a_row_a_line_and_a_rule_under_its_header_only_keeps_a_row_a_line(tmp_path):
    text = ("+------+------+\n|Name  |Wert  |\n|------+------|\n|alpha |1     |\n|beta  |2     |\n|gamma |3     |\n"
            "+------+------+\n")
    # lines next to each other with no rule between them may each be a row: nothing tells them apart
    read = sentences(tmp_path, text, "table.de.txt")
    rows = [s for s in read if any(name in s for name in ("alpha", "beta", "gamma"))]
    assert len(rows) == 3 and all(sum(name in s for name in ("alpha", "beta", "gamma")) == 1 for s in rows), read


# debian-reference.de.txt (debian-reference 2.100): a piece of its contents, then section 2.1.4 with the
# sources.list lines (wider than the text, kept as written) and Table 2.2 (86 columns), as the package
# ships the text wrapped at 69 columns.
REFERENCE_DE_EXCERPT = Path(__file__).parent / "data" / "debian-reference.de.excerpt.txt"


def test_a_text_wrapped_around_wide_tables_and_commands_is_read_as_wrapped():
    # The table's lines and the commands' passed the width too often for it to be found, and every
    # line opening on a noun (German writes each with a capital) was cut from its sentence.
    read = [s.text for s in load_sentences(read_input(str(REFERENCE_DE_EXCERPT)), SEGMENTER)]
    assert ('Die "deb-src"-Zeilen können ohne Probleme weggelassen werden (oder auskommentiert, indem ein "#" an '
            'den Anfang der Zeile gestellt wird), wenn nur aptitude verwendet wird, was nicht auf Metadaten bezüglich '
            'der Quellpakete zugreift.') in read, read
    assert "Dies war immer ziemlich gründlich und zuverlässig." in read, read
    assert "http://deb.debian.org/debian/ | stable (bullseye) | Stable-(Bullseye-) Veröffentlichung" in read, read
    # ... and a contents' entry ends where the next opens, though its number would not have fitted
    assert read[3:7] == ["1.1.2. Die Shell-Eingabeaufforderung auf einem GUI-System", "1.1.3. Das root-Benutzerkonto",
                         "1.1.4. Die root-shell-Eingabeaufforderung",
                         "1.1.5. Systemadministrations-Werkzeuge mit grafischer Oberfläche (GUI)"], read


def test_a_sentence_opening_on_a_command_the_document_runs_is_a_sentence(tmp_path):
    # No paragraph opens on "apt-get", but the document runs it after a shell's prompt.
    text = ("Updating\n\nRun it once as root:\n\n    $ sudo apt-get update\n\n"
            "The package lists go stale after a week. apt-get update then reads them again from every source, and "
            "see the manual. ls(1) lists what was fetched.\n")
    read = sentences(tmp_path, text, "README.txt")
    assert read[-3:] == ["The package lists go stale after a week.",
                         "apt-get update then reads them again from every source, and see the manual.",
                         "ls(1) lists what was fetched."], read


# debian-reference.de.txt, Table 9.x (commands and what they do): a cell's command holds a bar of its own.
REFERENCE_COMMANDS_DE_TXT = """    Tabelle 9.2. Liste von Befehlen

    +---------------------------------------------------------------+
    |    Befehl   |                  Beschreibung                   |
    |-------------+-------------------------------------------------|
    |top          |Prozessinformationen im Vollbildschirm-Ansicht   |
    |             |anzeigen, drücken Sie "q" zum Beenden            |
    |-------------+-------------------------------------------------|
    |ps aux |     |Informationen über alle laufenden Prozesse im    |
    |pager        |BSD-Ausgabestil anzeigen                         |
    |-------------+-------------------------------------------------|
    |ps aux | grep|alle Prozesse anzeigen, die "exim" oder "exim4"  |
    |-e "[e]xim4*"|ausführen                                        |
    +---------------------------------------------------------------+
"""


def test_a_table_cell_holding_a_bar_of_its_own_is_read_between_the_rules_junctions(tmp_path):
    read = sentences(tmp_path, REFERENCE_COMMANDS_DE_TXT, "debian-reference.de.txt")
    assert "ps aux | pager | Informationen über alle laufenden Prozesse im BSD-Ausgabestil anzeigen" in read, read
    assert 'ps aux | grep -e "[e]xim4*" | alle Prozesse anzeigen, die "exim" oder "exim4" ausführen' in read, read
