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
