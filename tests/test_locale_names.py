"""A program's strings file is in the language its name or folder names (`fr.lproj/`,
`Messages_fr.properties`, `values-pt-rBR/`) where it declares none itself, and in one language by
what it is: its short strings, read one by one as other languages, are no part of another text."""
from __future__ import annotations

import logging

import pytest

from align.locale_names import name_language
from align.loading import load_documents

# Two records of Sweet Home 3D's furniture catalogue (Debian's sweethome3d 7.0.2,
# DefaultFurnitureCatalog.properties) and their French translation.
ENGLISH_RECORDS = """\
id#7=eTeks#toiletUnit
name#7=Toilet unit
tags#7=Default
category#7=Bathroom
icon#7=/com/eteks/sweethome3d/io/resources/toiletUnit.png
model#7=/com/eteks/sweethome3d/io/resources/toiletUnit.obj
width#7=40
depth#7=80
height#7=62
dropOnTopElevation#7=61
movable#7=false
doorOrWindow#7=false
modelSize#7=125874
creator#7=eTeks
id#8=eTeks#washbasin
name#8=Washbasin
tags#8=Default
category#8=Bathroom
icon#8=/com/eteks/sweethome3d/io/resources/washbasin.png
model#8=/com/eteks/sweethome3d/io/resources/washbasin.obj
width#8=56
depth#8=47
height#8=97
dropOnTopElevation#8=77.6
movable#8=false
doorOrWindow#8=false
modelSize#8=239991
creator#8=eTeks
"""
FRENCH_RECORDS = """\
name#7=WC
tags#7=D\\u00e9faut, Toilettes
category#7=Salle de bain
name#8=Lavabo
tags#8=D\\u00e9faut, Vasque, Meuble
category#8=Salle de bain
"""


@pytest.mark.parametrize("path, lang", [
    ("i18n/Messages_fr.properties", "fr"), ("DefaultFurnitureCatalog_zh_CN.properties", "zh"),
    ("config/locales/messages.fr.yaml", "fr"), ("fr.json", "fr"), ("po/de.po", "de"),
    ("res/values-fr/strings.xml", "fr"), ("res/values-b+sr+Latn/strings.xml", "sr"),
    ("res/values-pt-rBR/strings.xml", "pt"), ("fr.lproj/Localizable.strings", "fr"),
    ("Japanese.lproj/Localizable.strings", "ja"), ("Properties/Resources.fr-FR.resx", "fr"),
    ("locale/fr/LC_MESSAGES/app.po", "fr"),
    # Names of no language: a default bundle, Android's qualifiers of screen and night, Apple's base.
    ("DefaultFurnitureCatalog.properties", ""), ("res/values/strings.xml", ""), ("res/values-night/strings.xml", ""),
    ("res/values-v21/strings.xml", ""), ("Base.lproj/Main.strings", ""), ("Resources.resx", ""),
    ("main.cs", ""), ("build.sh", ""), ("messages.json", ""),
])
def test_the_language_a_strings_file_is_named_for(path, lang):
    assert name_language(path) == lang


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_flag_takes_a_program_catalogue_whole_whatever_its_strings_read_as(tmp_path):
    # Read string by string, the English records' ids, paths and numbers were French, Russian and
    # Italian: `--src-lang en` was refused, "no English text found".
    english = _write(tmp_path, "DefaultFurnitureCatalog.properties", ENGLISH_RECORDS)
    french = _write(tmp_path, "DefaultFurnitureCatalog_fr.properties", FRENCH_RECORDS)
    src, tgt = load_documents(english, french, src_lang="en")
    assert (src.lang, tgt.lang) == ("en", "fr")
    assert len(src.sentences) == ENGLISH_RECORDS.count("\n") and not src.set_aside
    assert len(tgt.sentences) == FRENCH_RECORDS.count("\n") and not tgt.set_aside


def test_a_catalogue_is_read_in_the_language_of_its_folder(tmp_path, caplog):
    english = _write(tmp_path, "res/values/strings.xml", "<resources>\n" + "".join(
        f'  <string name="{key}">{text}</string>\n' for key, text in
        [("ok", "OK"), ("cancel", "Cancel"), ("menu", "Menu"), ("photo", "Photo"), ("album", "Album"),
         ("share", "Share")]) + "</resources>\n")
    french = _write(tmp_path, "res/values-fr/strings.xml", "<resources>\n" + "".join(
        f'  <string name="{key}">{text}</string>\n' for key, text in
        [("ok", "OK"), ("cancel", "Annuler"), ("menu", "Menu"), ("photo", "Photo"), ("album", "Album"),
         ("share", "Partager")]) + "</resources>\n")
    with caplog.at_level(logging.WARNING, logger="align"):
        src, tgt = load_documents(english, french)
    assert tgt.lang == "fr" and len(tgt.sentences) == 6 and not tgt.set_aside
    assert "holds" not in " ".join(r.getMessage() for r in caplog.records)


def test_a_gettext_catalogue_without_a_language_header_is_named_for_its_translations(tmp_path):
    # Read by the detector, "Status", "Name", "Filter" (German as they are in English) made both
    # halves English: refused as "both texts are in English".
    messages = [("Status", "Status"), ("Name", "Name"), ("Filter", "Filter"), ("Start", "Start"), ("Mode", "Modus"),
                ("Format", "Format"), ("Window", "Fenster"), ("Menu", "Menü")]
    catalogue = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(
        f'msgid "{english}"\nmsgstr "{german}"\n\n' for english, german in messages)
    src, tgt = load_documents(_write(tmp_path, "po/de.po", catalogue))
    assert (src.lang, tgt.lang) == ("en", "de")
    assert [s.text for s in tgt.sentences] == [german for _english, german in messages]


# GNU grep's and GTK 2's messages and their Afrikaans and Malay translations (Debian's
# /usr/share/locale/{af,ms}/LC_MESSAGES/{grep,gtk20}.mo), as a program's strings files.
GREP_AF = [("(standard input)", "(standaardtoevoer)"), ("Memory exhausted", "Geheue uitgeput"),
           ("Unknown system error", "Onbekende stelselfout"),
           ("input is too large to count", "toevoer is te veel om te tel"),
           ("invalid max count", "ongeldige maks-telling"), ("memory exhausted", "geheue uitgeput"),
           ("unknown binary-files type", "onbekende binêre-lêertipe"),
           ("unknown devices method", "onbekende metode vir toestelle")]
GTK_MS = [('"Deepness" of the color.', '"Deepness" warna.'), ("(disabled)", "(dimatikan)"),
          ("(unknown)", "(tidak diketahui)"), ("--- No Tip ---", "--Tiada Tip --"),
          ("Amharic (EZ+)", "Amharic (EZ+)"), ("Bad code encountered", "Kod teruk berlaku"),
          ("Brightness of the color.", "Kecerahan warna."), ("C_reate", "_Cipta"), ("Cedilla", "Cedilla"),
          ("Color Selection", "Pemilihan Warna"), ("Couldn't convert filename", "Tak dapat menukar namafail"),
          ("Couldn't create new pixbuf", "Tak dapat mencipta pixbuf baru"),
          ("Couldn't save the rest", "Tak dapat menyimpan selebihnya"),
          ("Create in _folder:", "Cipta dalam _folder:"),
          ("Cursor hotspot outside image", "Titik panas kursor di luar imej")]


def _bundle(messages, side):
    return "".join(f"message_{k}={pair[side]}\n" for k, pair in enumerate(messages))


def _android(messages, side):
    escaped = (pair[side].replace("&", "&amp;").replace("<", "&lt;").replace("'", "\\'") for pair in messages)
    return "<resources>\n" + "".join(f'  <string name="message_{k}">{text}</string>\n'
                                     for k, text in enumerate(escaped)) + "</resources>\n"


@pytest.mark.parametrize("messages, names, lang, read_as", [
    (GREP_AF, ("Messages.properties", "Messages_af.properties"), "af", "Dutch"),
    (GTK_MS, ("res/values/strings.xml", "res/values-ms/strings.xml"), "ms", "Indonesian"),
])
def test_a_name_wins_over_a_close_language_the_detector_reads_unsurely(tmp_path, caplog, messages, names, lang,
                                                                        read_as):
    # The detector reads these translations as a close language (Afrikaans as Dutch 0.66, Malay as
    # Indonesian 0.63), scoring their own 0.26 and 0.13: they were aligned as Dutch and Indonesian,
    # named so in every report, and Malay on an encoder chosen for Indonesian.
    write = _bundle if names[0].endswith(".properties") else _android
    source, target = (_write(tmp_path, name, write(messages, side)) for side, name in enumerate(names))
    with caplog.at_level(logging.WARNING, logger="align"):
        src, tgt = load_documents(source, target)
    assert (src.lang, tgt.lang) == ("en", lang) and not tgt.set_aside
    said = " ".join(r.getMessage() for r in caplog.records)
    assert f"reads it as {read_as}" in said and "not surely" in said


def test_a_name_the_text_surely_contradicts_is_overruled_though_the_languages_are_close(tmp_path, caplog):
    # Indonesian read surely as Indonesian (0.97) in a folder named Malay: a copy of another
    # translation, not a Malay text the detector cannot tell.
    indonesian = [("Open the file", "Buka berkas ini sekarang juga"),
                  ("The file could not be saved because the disk is full.",
                   "Berkas tidak dapat disimpan karena disk sudah penuh."),
                  ("Do you want to delete all selected photos?", "Apakah Anda ingin menghapus semua foto yang dipilih?")]
    source = _write(tmp_path, "res/values/strings.xml", _android(indonesian, 0))
    target = _write(tmp_path, "res/values-ms/strings.xml", _android(indonesian, 1))
    with caplog.at_level(logging.WARNING, logger="align"):
        _src, tgt = load_documents(source, target)
    assert tgt.lang == "id"
    assert "declares Malay (ms) but reads as Indonesian (id)" in " ".join(r.getMessage() for r in caplog.records)


# GNU coreutils' first thirty messages of a few words and their Danish translation (Debian's
# /usr/share/locale/da/LC_MESSAGES/coreutils.mo).
COREUTILS_DA = [
    ("\\nCombination settings:\\n", "\\nKombinationsindstillinger:\\n"), ("\\nOutput settings:\\n", "\\nIndstillinger for udskrift:\\n"),
    ("\\nSpecial characters:\\n", "\\nSpecialtegn:\\n"), ("\\nUNIT options:\\n", "\\nFlag til ENHED:\\n"),
    ("        ???", "        ???"), (" ??:????  ", " ??:????  "), (" TTY", " TTY"), (" groups=", " grupper="),
    (" old ", " gammel "), ("-R -h requires -P", "-R -h kræver -P"), ("-ef does not accept -l", "-ef accepterer ikke -l"),
    ("-nt does not accept -l", "-nt accepterer ikke -l"), ("-ot does not accept -l", "-ot accepterer ikke -l"),
    ("; giving up on this name", "; opgiver dette navn"), ("<internal>", "<intern>"), ("???\\n", "???\\n"),
    ("?????", "?????"), ("Aborted", "Afbrudt"), ("Alarm clock", "Vækkeur"), ("Alex Deymo", "Alex Deymo"),
    ("All requests done", "Alle forespørgsler fuldendt"), ("Argument buffer too small", "Argumentbuffer er for lille"),
    ("Arnold Robbins", "Arnold Robbins"), ("Assaf Gordon", "Assaf Gordon"), ("Avail", "Tilb"), ("Available", "Tilbage"),
    ("Bad system call", "Dårligt systemkald"), ("Bad value for ai_flags", "Ugyldig værdi for ai_flags"),
    ("Brian Fox", "Brian Fox"), ("Broken pipe", "Afbrudt datakanal")]


def test_a_default_bundle_is_read_in_the_language_of_its_whole_text(tmp_path, caplog):
    # String by string, the one message long enough to judge ("Argument buffer too small", Spanish
    # 0.09) gave its language to all the others: the English default bundle was read as Spanish,
    # "the language detector is unsure of its language". Its whole text reads as English (0.82).
    source = _write(tmp_path, "Messages.properties", _bundle(COREUTILS_DA, 0))
    target = _write(tmp_path, "Messages_da.properties", _bundle(COREUTILS_DA, 1))
    with caplog.at_level(logging.WARNING, logger="align"):
        src, tgt = load_documents(source, target)
    assert (src.lang, tgt.lang) == ("en", "da") and len(src.sentences) == 30 and not src.set_aside
    assert "unsure" not in " ".join(r.getMessage() for r in caplog.records)


def test_align_group_reads_a_program_catalogue_whole_in_the_language_it_is_named_for(tmp_path):
    # Split by the detector, the Malay catalogue was an "Indonesian" document and a Malay one, and
    # coreutils' English messages a Spanish document.
    from align.collection import load_collection
    from align.segmenters import load_segmenter

    paths = [_write(tmp_path, "gtk/res/values/strings.xml", _android(GTK_MS, 0)),
             _write(tmp_path, "gtk/res/values-ms/strings.xml", _android(GTK_MS, 1)),
             _write(tmp_path, "coreutils/Messages.properties", _bundle(COREUTILS_DA, 0)),
             _write(tmp_path, "coreutils/Messages_da.properties", _bundle(COREUTILS_DA, 1))]
    documents = load_collection(paths, load_segmenter("auto"))
    assert [(doc.path, doc.lang, len(doc.sentences)) for doc in documents] == [
        (paths[0], "en", len(GTK_MS)), (paths[1], "ms", len(GTK_MS)), (paths[2], "en", 30), (paths[3], "da", 30)]
