"""The language a file in one language declares for its text (a Flutter ARB's @@locale here) reads
the file whole in that language, where the detector reads it so or is unsure; a declaration the
text contradicts (a copy of the English file, its @@locale left as it was) is said and overruled."""
from __future__ import annotations

import json
import logging

from align import align_pair

ENGLISH = {"@@locale": "en", "ok": "OK", "cancel": "Cancel", "settings": "Settings", "save": "Save",
           "open": "Open file"}
PORTUGUESE = {"@@locale": "pt", "ok": "OK", "cancel": "Cancelar", "settings": "Configurações", "save": "Salvar",
              "open": "Abrir arquivo"}


def _write(path, strings):
    path.write_text(json.dumps(strings, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_declared_locale_keeps_short_strings_the_detector_reads_as_english(tmp_path):
    # "OK" and "Cancelar" read as English were set aside as the Portuguese file's English part,
    # and reported left out.
    result = align_pair(_write(tmp_path / "app_en.arb", ENGLISH), _write(tmp_path / "app_pt.arb", PORTUGUESE))
    assert result.target.lang == "pt" and not result.target.set_aside
    assert [s.text for s in result.target.sentences] == ["OK", "Cancelar", "Configurações", "Salvar", "Abrir arquivo"]
    assert not [f for f in result.findings if f.type in ("omission", "addition")]


def test_a_declaration_the_text_contradicts_is_said_and_the_text_read_as_it_reads(tmp_path, caplog):
    english = {"@@locale": "en", "welcome": "Welcome to the photo library.",
               "empty": "You have not added any photos yet.", "delete": "Do you really want to delete this album?",
               "share": "Share the album with your friends."}
    copied = {"@@locale": "en", "welcome": "Bem-vindo à biblioteca de fotos.",
              "empty": "Você ainda não adicionou nenhuma foto.", "delete": "Deseja mesmo excluir este álbum?",
              "share": "Compartilhe o álbum com seus amigos."}
    with caplog.at_level(logging.WARNING, logger="align"):
        result = align_pair(_write(tmp_path / "en.arb", english), _write(tmp_path / "pt.arb", copied))
    assert result.target.lang == "pt"
    assert "declares English (en) but reads as Portuguese (pt)" in " ".join(r.getMessage() for r in caplog.records)
    assert len([b for b in result.beads if b.kind == "match"]) == 4


def test_a_language_declared_for_one_passage_is_no_declaration_of_the_file(tmp_path, caplog):
    # A French DocBook article quoting a German sentence (lang="de" on that paragraph only): the
    # file declares nothing of the rest, and is read as the detector reads it, unsaid.
    english = tmp_path / "en.xml"
    english.write_text('<?xml version="1.0"?>\n<article><title>The visit</title><para>The minister arrived in '
                       'Berlin on Monday and met the chancellor.</para><para lang="de">Wir schaffen das.</para>'
                       '<para>The talks lasted three hours.</para></article>\n')
    french = tmp_path / "fr.xml"
    french.write_text('<?xml version="1.0"?>\n<article><title>La visite</title><para>Le ministre est arrivé à '
                      'Berlin lundi et a rencontré la chancelière.</para><para lang="de">Wir schaffen das.</para>'
                      '<para>Les entretiens ont duré trois heures.</para></article>\n')
    with caplog.at_level(logging.WARNING, logger="align"):
        result = align_pair(str(english), str(french))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert "declares" not in " ".join(r.getMessage() for r in caplog.records)
