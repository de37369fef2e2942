"""A file that gives its text in several languages element by element (AppStream's metainfo: each
<name>, <summary> and <p> once untagged, once per language with xml:lang) is read as versions of
one text: a flag takes exactly the sentences declared in its language, the rest is set aside and
listed. Read by the detector, the English "part" held the Arabic and Esperanto lines, the French
one the Gaelic and Croatian ones, and each other language was "left out" over overlapping lines."""
from __future__ import annotations

import logging

import pytest

from align import align_pair
from align.errors import InputError
from align.loading import load_documents
from align.readers.xml_document import XmlDocumentReader

VERSIONS = {
    "": ("Photo Organizer", "Sort and share your photos",
         "Photo Organizer keeps your pictures in albums by date and place.",
         "You can share an album with your friends in a few clicks."),
    "ar": ("منظم الصور", "رتب صورك وشاركها", "يحفظ منظم الصور صورك في ألبومات حسب التاريخ والمكان.",
           "يمكنك مشاركة ألبوم مع أصدقائك ببضع نقرات."),
    "de": ("Fotoverwaltung", "Sortieren und teilen Sie Ihre Fotos",
           "Die Fotoverwaltung ordnet Ihre Bilder nach Datum und Ort in Alben.",
           "Sie können ein Album mit wenigen Klicks mit Ihren Freunden teilen."),
    "en-GB": ("Photo Organiser", "Sort and share your photos",
              "Photo Organiser keeps your pictures in albums by date and place.",
              "You can share an album with your friends in a few clicks."),
    "eo": ("Fotorganizilo", "Ordigu kaj kunhavigu viajn fotojn",
           "Fotorganizilo tenas viajn bildojn en albumoj laŭ dato kaj loko.",
           "Vi povas kunhavigi albumon kun viaj amikoj per kelkaj klakoj."),
    "fr": ("Organiseur de photos", "Triez et partagez vos photos",
           "L'organiseur de photos range vos images en albums par date et par lieu.",
           "Vous pouvez partager un album avec vos amis en quelques clics."),
}
RELEASE_NOTE = "This release fixes a crash when an album is empty."


def _attribute(tag: str) -> str:
    return f' xml:lang="{tag}"' if tag else ""


def _metainfo(path) -> str:
    """An AppStream metainfo file laid out as appstream's own: every element, then its versions."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<component type="desktop-application">',
             "  <id>org.example.photos</id>"]
    for k, element in ((0, "name"), (1, "summary")):
        lines += [f"  <{element}{_attribute(tag)}>{texts[k]}</{element}>" for tag, texts in VERSIONS.items()]
    lines.append("  <description>")
    for k in (2, 3):
        lines += [f"    <p{_attribute(tag)}>{texts[k]}</p>" for tag, texts in VERSIONS.items()]
    lines += ["  </description>", '  <url type="homepage">https://example.org/photos</url>',
              "  <mimetypes><mimetype>image/jpeg</mimetype></mimetypes>", "  <releases>", '    <release version="1.1">',
              f"      <description><p>{RELEASE_NOTE}</p></description>", "    </release>", "  </releases>",
              "</component>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


def _texts(document) -> list[str]:
    return [s.text for s in document.sentences]


def test_each_element_of_a_metainfo_file_is_a_block_of_its_version(tmp_path):
    data = open(_metainfo(tmp_path / "photos.metainfo.xml"), "rb").read()
    blocks = XmlDocumentReader().blocks(data, "photos.metainfo.xml")
    # AppStream's <name> is inline in TEI: its versions ran together into one "sentence".
    assert [b.text for b in blocks if b.version == "fr"] == list(VERSIONS["fr"])
    assert [b.text for b in blocks if b.version == ""] == ["org.example.photos", *VERSIONS[""][:2],
                                                            *VERSIONS[""][2:], "https://example.org/photos",
                                                            "image/jpeg", RELEASE_NOTE]
    # What no language gives a version of (an id, a URL, a mime type) is data beside the text: read
    # as text, an addon's mime types were "left out" of each translation of its name and summary.
    assert [b.text for b in blocks if b.furniture] == ["org.example.photos", "https://example.org/photos",
                                                       "image/jpeg"]


def test_a_serbian_version_in_latin_letters_is_a_version_of_its_own(tmp_path):
    data = open(_metainfo(tmp_path / "photos.metainfo.xml"), "rb").read().replace(
        b'<name xml:lang="eo">', b'<name xml:lang="sr@latin">Organizator fotografija</name>\n  <name xml:lang="eo">')
    blocks = XmlDocumentReader().blocks(data, "photos.metainfo.xml")
    # Not read as a tag, GNOME's "sr@latin" lines were the untagged English text's.
    assert [(b.text, b.lang) for b in blocks if b.version == "sr-Latn"] == [("Organizator fotografija", "sr")]


def test_the_flags_take_exactly_the_versions_they_name(tmp_path, caplog):
    path = _metainfo(tmp_path / "photos.metainfo.xml")
    with caplog.at_level(logging.WARNING, logger="align"):
        english, french = load_documents(path, src_lang="en", tgt_lang="fr")
    # "en": the untagged text, not its en-GB variant beside it.
    assert _texts(english) == ["org.example.photos", *VERSIONS[""], "https://example.org/photos", "image/jpeg",
                               RELEASE_NOTE]
    assert _texts(french) == list(VERSIONS["fr"])
    assert (english.lang, french.lang) == ("en", "fr")
    # Every other version set aside and listed, none lost, none twice.
    assert sorted(s.text for s in english.set_aside) == sorted(
        text for tag in ("ar", "de", "en-GB", "eo") for text in VERSIONS[tag])
    assert "6 languages element by element" in caplog.text and "left out" not in caplog.text


def test_a_flag_naming_a_region_takes_that_version(tmp_path):
    path = _metainfo(tmp_path / "photos.metainfo.xml")
    british, german = load_documents(path, src_lang="en-GB", tgt_lang="de")
    assert _texts(british) == list(VERSIONS["en-GB"]) and _texts(german) == list(VERSIONS["de"])


def test_a_language_the_file_has_no_version_in_is_one_line_naming_those_it_has(tmp_path):
    path = _metainfo(tmp_path / "photos.metainfo.xml")
    with pytest.raises(InputError, match=r"no Spanish \(es\) version found \(it holds: untagged \(English \(en\)\), "
                                         r"ar, de, en-GB, eo, fr\)"):
        load_documents(path, src_lang="en", tgt_lang="es")


def test_a_version_beside_another_file_is_the_one_the_flag_names(tmp_path):
    path = _metainfo(tmp_path / "photos.metainfo.xml")
    german = tmp_path / "de.txt"
    german.write_text("\n".join(VERSIONS["de"]) + "\n", encoding="utf-8")
    french, beside = load_documents(path, str(german), src_lang="fr")
    assert _texts(french) == list(VERSIONS["fr"]) and beside.lang == "de"
    # Without a flag: the untagged text, the original the others translate.
    english, _ = load_documents(path, str(german))
    assert english.lang == "en" and _texts(english)[1:5] == list(VERSIONS[""])


def test_a_metainfo_pair_reports_only_what_the_french_version_lacks(tmp_path):
    result = align_pair(_metainfo(tmp_path / "photos.metainfo.xml"), src_lang="en", tgt_lang="fr")
    assert sorted(s.text for f in result.findings if f.type == "addition" for s in
                  (result.target.sentences[k] for k in f.tgt)) == []
    left_out = [result.source.sentences[k].text for f in result.findings
                if f.type == "omission" and f.severity == "content" for k in f.src]
    assert left_out == [RELEASE_NOTE]


def test_one_paragraph_quoted_in_another_language_is_no_version(tmp_path):
    # A French article quoting an English paragraph: two languages side by side, read as today.
    path = tmp_path / "article.xml"
    path.write_text('<?xml version="1.0"?>\n<article><para>Le ministre a cité le rapport.</para>'
                    '<para lang="en">We must act now.</para><para>Puis il est parti.</para></article>\n',
                    encoding="utf-8")
    blocks = XmlDocumentReader().blocks(path.read_bytes(), "article.xml")
    assert [b.version for b in blocks] == [None, None, None] and [b.lang for b in blocks] == ["", "en", ""]


def _addon(path, french: tuple[str, str]) -> str:
    """Evince's PostScript add-on as its metainfo file gives it (Debian's evince): a name and a
    summary in each language, beside ids, MIME types, a URL and licences no language translates."""
    versions = {"": ("PostScript Documents", "Adds support for reading PostScript documents"),
                "de": ("PostScript-Dokumente", "Ermöglicht das Lesen von PostScript-Dokumenten"),
                "es": ("Documentos PostScript", "Añade soporte para leer documentos PostScript"), "fr": french}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<component type="addon">', "  <id>evince-psdocument</id>",
             "  <extends>org.gnome.Evince</extends>"]
    for k, element in ((0, "name"), (1, "summary")):
        lines += [f"  <{element}{_attribute(tag)}>{texts[k]}</{element}>" for tag, texts in versions.items()]
    lines += ["  <mimetypes>"] + [f"    <mimetype>{mime}</mimetype>" for mime in (
        "application/postscript", "application/x-bzpostscript", "application/x-gzpostscript",
        "application/x-ext-eps", "application/x-ext-ps", "image/x-bzeps", "image/x-eps", "image/x-gzeps")]
    lines += ["  </mimetypes>", '  <url type="homepage">https://wiki.gnome.org/Apps/Evince/SupportedDocumentFormats</url>',
              "  <metadata_license>GPL-2.0+ or GFDL-1.3-only</metadata_license>",
              "  <project_license>GPL-2.0+</project_license>", "  <update_contact>evince-list@gnome.org</update_contact>",
              "</component>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


def test_an_addons_name_and_summary_translated_beside_its_ids_is_a_translation(tmp_path):
    # Judged on every sentence, the sixteen ids, MIME types and licences only the untagged version
    # lists made the French's two pairs (at 0.99 and 0.80) "related, not a translation".
    translated = align_pair(_addon(tmp_path / "ps.metainfo.xml", (
        "Documents PostScript", "Ajoute la prise en charge de la lecture des documents PostScript")),
        src_lang="en", tgt_lang="fr")
    assert translated.summary["verdict"] == "translation", translated.summary
    # Another program's name and summary are no translation of these, however few the sentences.
    other = align_pair(_addon(tmp_path / "calc.metainfo.xml", (
        "Calculatrice", "Effectuer des calculs arithmétiques, scientifiques ou financiers")),
        src_lang="en", tgt_lang="fr")
    assert other.summary["verdict"] != "translation", other.summary


def test_align_group_reads_each_version_of_a_file_of_versions_as_a_document(tmp_path):
    # Split by the detector, the versions' short lines made documents of whatever languages they
    # read as: vim.desktop's 70 versions were 19 "parts" (its "Vim" German, Catalan in Spanish).
    from align.collection import load_collection
    from align.segmenters import load_segmenter

    path = _metainfo(tmp_path / "photos.metainfo.xml")
    documents = load_collection([path], load_segmenter("auto"))
    assert [(doc.locale, doc.lang) for doc in documents] == [
        (None, "en"), ("ar", "ar"), ("de", "de"), ("en-GB", "en"), ("eo", "eo"), ("fr", "fr")]
    assert _texts(documents[5]) == list(VERSIONS["fr"])
    from align.loading import _read
    # Every sentence of the file in one document, once.
    assert sum(len(doc.sentences) for doc in documents) == len(_read(path, load_segmenter("auto"))[1])
    from align.model import document_labels
    assert document_labels(documents)[3] == f"{path} (en-GB part)"


def test_align_versions_of_a_file_of_versions_alone_is_one_line_naming_them(tmp_path):
    # Taken as a mixed file, its untagged text was compared with its first version in another
    # language (Arabic here), unasked; align versions compares versions in one language.
    from align.versions import compare_versions

    path = _metainfo(tmp_path / "photos.metainfo.xml")
    with pytest.raises(InputError, match=r"gives its text in 6 languages element by element \(untagged, ar, de, "
                                         r"en-GB, eo, fr\): align versions compares versions in one language"):
        compare_versions(path, [])


def test_a_file_of_versions_own_version_in_the_versions_language_is_version_1(tmp_path, use_encoder):
    # Its first version in another language (Arabic) was taken as its "other half", and dropped for
    # not being in the versions' French: the file's own French version was not compared.
    from align.versions import compare_versions

    path = _metainfo(tmp_path / "photos.metainfo.xml")
    french = tmp_path / "fr.txt"
    french.write_text("\n\n".join(VERSIONS["fr"][:3]) + "\n", encoding="utf-8")
    result = compare_versions(path, [str(french)], encoder=use_encoder)
    assert [(v.target.path, v.target.lang) for v in result.versions] == [(path, "fr"), (str(french), "fr")]
    assert _texts(result.versions[0].target) == list(VERSIONS["fr"])


# A city notice giving each paragraph in English, then in French (<p lang="en">, <p lang="fr">).
NOTICE = [("Water main repairs", "Réparation de la conduite d'eau"),
          ("Repairs to the water main on Rideau Street will begin on Monday, 14 April.",
           "Les réparations de la conduite d'eau de la rue Rideau commenceront le lundi 14 avril."),
          ("Water service will be interrupted from 9 a.m. to 3 p.m.", "Le service d'eau sera interrompu de 9 h à 15 h."),
          ('"Keep the water running slowly," the city advises residents of older buildings.',
           "« Keep the water running slowly », conseille la Ville aux résidents des immeubles anciens."),
          ("Contact", "Contact"),
          ("Service Ottawa, 110 Laurier Avenue West", "Service Ottawa, 110, avenue Laurier Ouest"),
          ("Call 311 or visit ottawa.ca for updates.", "Composez le 311 ou visitez ottawa.ca pour des mises à jour.")]


def _notice(path) -> str:
    tags = ["h1" if k == 0 else "p" for k in range(len(NOTICE))]
    body = "".join(f'<{tag} lang="en">{english}</{tag}>\n<{tag} lang="fr">{french}</{tag}>\n'
                   for tag, (english, french) in zip(tags, NOTICE))
    path.write_text('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Notice / Avis</title></head>\n'
                    f"<body><main>\n{body}</main></body>\n</html>\n", encoding="utf-8")
    return str(path)


def test_a_page_giving_each_paragraph_in_two_languages_is_read_by_the_languages_it_declares(tmp_path):
    # Split by the detector, the French "Contact" and address went to the English part, which
    # held them beside its own, and the French part lacked them.
    english, french = load_documents(_notice(tmp_path / "notice.html"))
    assert (english.lang, french.lang) == ("en", "fr")
    assert _texts(english) == ["Notice / Avis"] + [en for en, _fr in NOTICE]
    assert _texts(french) == [fr for _en, fr in NOTICE]


def test_beside_a_text_in_one_of_its_languages_a_page_of_versions_gives_its_other(tmp_path):
    page = _notice(tmp_path / "notice.html")
    english = tmp_path / "en.txt"
    english.write_text("\n\n".join(en for en, _fr in NOTICE) + "\n", encoding="utf-8")
    for source, target in ((str(english), page), (page, str(english))):
        documents = load_documents(source, target)
        french = next(doc for doc in documents if doc.path == page)
        assert french.lang == "fr" and _texts(french) == [fr for _en, fr in NOTICE]


def test_a_language_menu_or_one_quoted_paragraph_makes_no_page_of_versions():
    from align.readers.html import HtmlReader

    menu = ('<html lang="fr"><body><ul><li lang="en">English</li><li lang="de">Deutsch</li><li lang="es">Español</li>'
            "</ul><p>La ville réparera la conduite d'eau de la rue Rideau à partir du lundi 14 avril prochain.</p>"
            "<p>Le service d'eau sera interrompu de 9 h à 15 h, et le stationnement interdit du côté nord.</p>"
            "</body></html>")
    quoted = ('<html lang="fr"><body><p lang="fr">Le maire a cité la devise de la ville ce matin.</p>'
              '<p lang="en">Keep the water running slowly.</p><p>Les travaux dureront trois semaines.</p></body></html>')
    for page in (menu, quoted):
        assert all(block.version is None for block in HtmlReader().blocks(page, "page.html"))


def test_a_file_of_many_versions_beside_a_text_in_its_first_ones_language_asks_which(tmp_path):
    # "both texts are in English": the metainfo's untagged English was taken beside an English text.
    english = tmp_path / "en.txt"
    english.write_text("\n".join(VERSIONS[""]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gives its text in 6 languages element by element, the first in English "
                                         r"\(en\), the language of .*en.txt: name the version to align with --tgt-lang"):
        load_documents(str(english), _metainfo(tmp_path / "photos.metainfo.xml"))
