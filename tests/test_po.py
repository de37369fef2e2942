"""Gettext catalogues (.po) in: each entry's msgid is the source, its msgstr the translation, each
sentence located by the line its message stands on. Catalogues are written by translate-toolkit,
as a CAT tool's exporter would, or are excerpts of Debian's own (`msgunfmt` of adduser's and
apt's French and Japanese catalogues)."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys

import pytest
from translate.misc.multistring import multistring
from translate.storage import po

from align import align_pair
from align.audit.facts import extract_numbers
from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter


def sentences_of(path):
    raw = read_input(str(path))
    return raw, load_sentences(raw, load_segmenter("auto"))


def catalogue(language: str, entries) -> bytes:
    store = po.pofile()
    store.updateheader(add=True, Language=language, Content_Type="text/plain; charset=UTF-8")
    for source, target, *marks in entries:
        unit = po.pounit(source)
        if target is not None:
            unit.target = target
        if "fuzzy" in marks:
            unit.markfuzzy()
        store.addunit(unit)
        if "obsolete" in marks:
            unit.makeobsolete()
    return bytes(store)


STORM = [
    ("The storm reached the coast.", "Burza dotarła do wybrzeża."),
    (multistring(["%d house was destroyed.", "%d houses were destroyed."]),
     multistring(["Zniszczono %d dom.", "Zniszczono %d domy.", "Zniszczono %d domów."])),
    ("Schools stayed closed.", "Szkoły pozostały zamknięte.", "fuzzy"),
    ("The ferry ran again on Friday.", None),
    ("An old line.", "Stara linia.", "obsolete"),
    ("The mayor opened two shelters.", "Burmistrz otworzył dwa schroniska."),
]


def test_a_catalogue_is_read_as_its_sources_and_their_translations(tmp_path, caplog):
    # Read as plain text before, its 'msgid "..."' lines were the sentences of every report.
    path = tmp_path / "storm.pl.po"
    path.write_bytes(catalogue("pl", STORM))
    with caplog.at_level(logging.WARNING, logger="align"):
        raw, sentences = sentences_of(path)
    text = path.read_text(encoding="utf-8").split("\n")
    line_of = {line.split('"')[1]: f"line {k}" for k, line in enumerate(text, 1)
               if line.startswith(("msgid", "msgstr")) and line.split('"')[1]}
    assert [(s.original, s.where) for s in sentences] == [
        (message, line_of[message]) for message in (
            "The storm reached the coast.", "%d house was destroyed.", "%d houses were destroyed.",
            "Schools stayed closed.", "The ferry ran again on Friday.", "The mayor opened two shelters.",
            "Burza dotarła do wybrzeża.", "Zniszczono %d dom.", "Zniszczono %d domy.", "Zniszczono %d domów.",
            "Szkoły pozostały zamknięte.", "Burmistrz otworzył dwa schroniska.")]
    assert [span.side for span in raw.spans] == ["source"] * 6 + ["target"] * 6
    # The header is no entry; the obsolete entry no program shows is not read, and the warnings
    # count it, the fuzzy one and the one not translated yet.
    assert not any("Project-Id-Version" in s.text or "Stara" in s.text for s in sentences)
    warnings = " ".join(record.getMessage() for record in caplog.records)
    assert "1 entry marked fuzzy" in warnings and "1 entry without a translation" in warnings
    assert "1 obsolete entry" in warnings


def test_a_catalogue_given_alone_is_audited_entry_by_entry(tmp_path):
    path = tmp_path / "storm.pl.po"
    path.write_bytes(catalogue("pl", STORM))
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "pl")
    source = [s.text for s in result.source.sentences]
    # The entry without a translation is left out; a plural's forms beyond the other side's are
    # boilerplate at most: Polish has three forms to English's two, and no form is a content addition.
    content = [f for f in result.findings if f.type in ("omission", "addition") and f.severity == "content"]
    assert [(f.type, [source[i] for i in f.src]) for f in content] == [
        ("omission", ["The ferry ran again on Friday."])]
    # Every sentence once in the report, matched or not.
    assert sorted(i for b in result.beads for i in b.src) == list(range(len(source)))
    assert sorted(j for b in result.beads for j in b.tgt) == list(range(len(result.target.sentences)))


def test_a_language_with_one_plural_form_leaves_no_content_omission(tmp_path):
    # apt's Japanese catalogue: one form for English's singular and plural.
    path = tmp_path / "apt.ja.po"
    path.write_bytes(catalogue("ja", [
        (multistring(["%lu package was automatically installed and is no longer required.",
                      "%lu packages were automatically installed and are no longer required."]),
         multistring(["%lu つのパッケージが自動でインストールされましたが、もう必要とされていません。"])),
        ("Do you want to continue?", "続行しますか?"),
        ("Reading package lists...", "パッケージリストを読み込んでいます..."),
    ]))
    result = align_pair(str(path))
    assert not [f for f in result.findings if f.type in ("omission", "addition") and f.severity == "content"]


# adduser's French catalogue (Debian, `msgunfmt`): a help text hard-wrapped by its writer, the
# translation broken elsewhere, and a message of two paragraphs.
ADDUSER_FR = r'''msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid ""
"Please enter a username matching the regular expression\n"
"            configured via the %s configuration variable.  Use the\n"
"            `--allow-bad-names' option to relax this check or reconfigure\n"
"            %s in configuration.\n"
msgstr ""
"Veuillez indiquer un nom d'utilisateur qui corresponde à l'expression\n"
"            rationnelle spécifiée à l’aide de la variable de configuration\n"
"            « %s ». Utilisez l'option « --allow-bad-names » pour\n"
"            pour outrepasser cette vérification ou reconfigurez « %s »\n"
"            dans la configuration.\n"

msgid "The user `%s' is not a system user. Exiting.\n"
msgstr "L'utilisateur « %s » n'est pas un utilisateur système. Abandon.\n"

msgid ""
"deluser [--system] [--remove-home] [--remove-all-files] [--backup]\n"
"        [--backup-to dir] [--backup-suffix str] [--conf file]\n"
"        [--quiet] [--verbose] [--debug] user\n"
"\n"
"  remove a normal user from the system\n"
msgstr ""
"deluser [--system] [--remove-home] [--remove-all-files] [--backup]\n"
"        [--backup-to rép] [--backup-suffix chaine] [--conf fichier]\n"
"        [--quiet] [--verbose] [--debug] utilisateur\n"
"\n"
"  Suppression d’un utilisateur normal du système\n"
'''


def test_a_message_broken_across_lines_by_its_writer_reads_as_its_sentences(tmp_path):
    path = tmp_path / "adduser.fr.po"
    path.write_text(ADDUSER_FR, encoding="utf-8")
    _raw, sentences = sentences_of(path)
    texts = [s.text for s in sentences]
    # Cut at each line break, "Use the" stood alone: a false omission.
    assert ("Use the `--allow-bad-names' option to relax this check or reconfigure %s in configuration."
            in texts)
    # A blank line inside a message parts two paragraphs, whatever case the next one opens in.
    assert "remove a normal user from the system" in texts
    assert "Suppression d’un utilisateur normal du système" in texts
    assert sentences[-1].where == "line 27" and sentences[0].where == "line 6"


def test_a_catalogue_in_its_declared_charset(tmp_path):
    path = tmp_path / "old.de.po"
    path.write_bytes('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     'msgid "The bridge is closed."\nmsgstr "Die Brücke ist gesperrt."\n'.encode("latin-1"))
    _raw, sentences = sentences_of(path)
    assert [s.text for s in sentences] == ["The bridge is closed.", "Die Brücke ist gesperrt."]


@pytest.mark.parametrize("content, message", [
    ('msgid ""\nmsgstr ""\n"Language: \\n"\n\nmsgid "The bridge is closed."\nmsgstr ""\n',
     "a gettext catalogue without translations (a template?): nothing to audit"),
    ('msgid "The bridge is closed."\nmsgstr "Die Brücke\nist gesperrt."\n', "cannot be read as a gettext catalogue"),
])
def test_a_template_or_a_broken_catalogue_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "messages.po"
    path.write_text(content, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 2 and message in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_align_pair_reports_every_entry_of_a_catalogue_once(tmp_path):
    path = tmp_path / "storm.pl.po"
    path.write_bytes(catalogue("pl", STORM))
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(path), "-f", "json"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    for side in ("source", "target"):
        ids = sorted(i for bead in report["beads"] for i in bead["src" if side == "source" else "tgt"])
        assert ids == list(range(len(report[side]["sentences"])))


@pytest.mark.parametrize("text, figures", [
    # apt's Japanese catalogue puts the arguments in its own order: each "%2$s" was "number 2$".
    ("リリース '%2$s' にはパッケージ '%1$s' は見つかりませんでした", []),
    ("Found %5d files in %.2f seconds.", []),
    # A percentage stays one, with or without a space before the next word.
    ("Prices rose 5% of 20 in 50%s of shops.", ["5", "20", "50"]),
])
def test_a_printf_placeholder_is_no_number(text, figures):
    assert [q.text for q in extract_numbers(text, "en")] == figures


@pytest.mark.parametrize("src, tgt, messages", [
    # adduser's German catalogue: a "%d" the program never passes (it would read a number off the stack).
    ("Adding new group `%s' (new group ID) ...", "Lege neue Gruppe »%s« (neue Gruppenkennung %d) an …",
     ["placeholder %d (target) is not in the source"]),
    # apt's Japanese catalogue names each argument to put them in its own order: no finding.
    ("Can not find a package '%s' with release '%s'", "リリース '%2$s' にはパッケージ '%1$s' は見つかりませんでした", []),
    ("Copied %d files to %s.", "Copié %s fichiers vers %d.",
     ["placeholder %d (source) vs %s (target)", "placeholder %s (source) vs %d (target)"]),
    ("Copied %d files to %s.", "%d fichiers copiés.", ["placeholder %s (source) is not in the target"]),
    # "%i" is "%d"; the width is the translation's to set; a percentage is no placeholder.
    ("Removed %i of %lu (50% of them).", "Supprimé %3d sur %lu (50 % d'entre eux).", []),
])
def test_a_placeholder_dropped_added_or_changed_is_a_fact_mismatch(src, tgt, messages):
    from align.audit.facts import compare_facts

    assert [m.message for m in compare_facts(src, tgt, "en", "fr") if m.kind == "placeholder"] == messages


def test_a_catalogue_beside_another_file_gives_its_translation_and_sets_its_source_aside(tmp_path, caplog):
    # A French catalogue beside a German one was read whole as one "French" text of English and
    # French sentences, its English ones reported untranslated.
    french, german = tmp_path / "storm.fr.po", tmp_path / "storm.de.po"
    english = [source for source, *_ in STORM_FR]
    french.write_bytes(catalogue("fr", STORM_FR))
    german.write_bytes(catalogue("de", [(source, target) for source, target in zip(english, [
        "Der Sturm erreichte die Küste.", "Die Schulen blieben geschlossen.", "Der Bürgermeister öffnete zwei Notunterkünfte."])]))
    with caplog.at_level(logging.WARNING, logger="align"):
        result = align_pair(str(french), str(german))
    assert (result.source.lang, result.target.lang) == ("fr", "de")
    assert [s.text for s in result.source.sentences] == [target for _source, target in STORM_FR]
    assert [s.text for s in result.source.set_aside] == english
    assert not result.findings
    assert re.search(r"storm\.fr\.po holds a text and its translation; beside \S+storm\.de\.po, its French part "
                     r"\(lines \d+-\d+\), its translation, is aligned and its English part set aside", caplog.text)
    # Beside the original, its translation is what is aligned; a flag in its source's language
    # chooses the source.
    original = tmp_path / "storm.txt"
    original.write_text(" ".join(english), encoding="utf-8")
    result = align_pair(str(original), str(french))
    assert (result.source.lang, result.target.lang) == ("en", "fr") and not result.findings
    result = align_pair(str(german), str(french), src_lang="en")
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert [s.text for s in result.source.sentences] == english


STORM_FR = [
    ("The storm reached the coast.", "La tempête a atteint la côte."),
    ("Schools stayed closed.", "Les écoles sont restées fermées."),
    ("The mayor opened two shelters.", "Le maire a ouvert deux abris."),
]


def test_a_sentence_ending_on_a_placeholder_ends_there_in_every_language():
    # adduser's catalogue: "signal %d. Exiting." was two sentences in English and one in French
    # and German, whose splitters read "d." as an initial: a false merge on every such message.
    segmenter = load_segmenter("auto")
    for text, lang in (("`%s' exited from signal %d. Exiting.", "en"),
                       ("« %s » a terminé sur le signal %d. Abandon.", "fr"),
                       ("»%s« wurde durch Signal %d beendet. Abbruch.", "de"),
                       ("Das Programm %s. Abbruch.", "de")):
        assert len(segmenter.split(text, lang)) == 2, text


def test_a_compiled_catalogue_is_read_as_its_po_is(tmp_path):
    # A program's installed translations are .mo files (/usr/share/locale/*/LC_MESSAGES): given
    # one, the user had "a binary file" before.
    from translate.storage import mo

    store = po.pofile(catalogue("pl", STORM))
    compiled = mo.mofile()
    for unit in store.units:
        if unit.isheader() or unit.istranslated() and not unit.isfuzzy():  # what msgfmt compiles
            compiled.addunit(compiled.UnitClass.buildfromunit(unit))
    path = tmp_path / "storm.mo"
    path.write_bytes(bytes(compiled))
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "pl")
    # Entries by their number: a .mo keeps them sorted, and no lines.
    assert sorted((s.text, s.where) for s in result.source.sentences) == [
        ("%d house was destroyed.", "entry 2"), ("%d houses were destroyed.", "entry 2"),
        ("The mayor opened two shelters.", "entry 3"), ("The storm reached the coast.", "entry 4")]
    assert not [f for f in result.findings if f.severity == "content"]
    truncated = tmp_path / "broken.mo"
    truncated.write_bytes(bytes(compiled)[:40])
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(truncated)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 2 and "cannot be read as a compiled gettext catalogue" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_help_texts_table_of_terms_keeps_a_row_a_sentence(tmp_path):
    # coreutils' stat(1) help in French: its rows of directives ran on into one another in English
    # (each ends on a lower-case word) and were cut elsewhere in French, and the misaligned pairs
    # gave 8 false placeholder mismatches ("%i (source) vs %o (target)").
    path = tmp_path / "stat.fr.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid ""\n"  %h   number of hard links\\n"\n"  %i   inode number\\n"\n"  %m   mount point\\n"\n'
        '"  %n   file name\\n"\nmsgstr ""\n"  %h   nombre de liens matériels\\n"\n"  %i   numéro d\'inode\\n"\n'
        '"  %m   point de montage\\n"\n"  %n   nom de fichier\\n"\n\n'
        'msgid ""\n"Usage: %s [OPTION]... [-T] SOURCE DEST\\n"\n"  or:  %s [OPTION]... SOURCE... DIRECTORY\\n"\n'
        'msgstr ""\n"Utilisation : %s [OPTION]... [-T] SOURCE DEST\\n"\n"  ou : %s [OPTION]... SOURCE... RÉPERTOIRE\\n"\n',
        encoding="utf-8")
    result = align_pair(str(path))
    assert [s.text for s in result.source.sentences][:4] == ["%h number of hard links", "%i inode number",
                                                             "%m mount point", "%n file name"]
    assert all(len(b.src) == len(b.tgt) == 1 for b in result.beads)
    assert not [f for f in result.findings if f.type == "fact_mismatch"]


# Entries of dpkg's own catalogues (Debian, `msgunfmt`): Russian's three plural forms, a German
# message whose second line is a sentence of its own in English only, and a real error of the
# Russian translation (">=0555" rendered ">=0755").
DPKG_RU = [
    (multistring(["%d package, from the following section:", "%d packages, from the following sections:"]),
     multistring(["%d пакет из следующего раздела:", "%d пакета из следующих разделов:",
                  "%d пакетов из следующих разделов:"])),
    ("maintainer script '%.50s' has bad permissions %03lo (must be >=0555 and <=0775)",
     "у сценария сопровождающего «%.50s» установлен недопустимые права доступа %03lo (должно быть >=0755 и <=0775)"),
]
DPKG_DE = [("%s was locked by another process with pid %d\n%s", "%s war von einem anderen Prozess mit PID %d gesperrt\n%s"),
           ("The following packages will be removed:", "Die folgenden Pakete werden entfernt:")]


def test_placeholders_are_compared_message_by_message(tmp_path):
    found = {}
    for name, language, entries in (("dpkg.ru.po", "ru", DPKG_RU), ("dpkg.de.po", "de", DPKG_DE)):
        path = tmp_path / name
        path.write_bytes(catalogue(language, entries))
        found[language] = [f.details["kind"] + ": " + f.message.split(" (source ")[0]
                           for f in align_pair(str(path)).findings if f.type == "fact_mismatch"]
    # The plural's forms, one English against two Russian in a pair, are no placeholder left out;
    # German's second "%s" stands in the sentence beside, of the same message.
    assert found == {"ru": ["number: number 0555 (source) vs 0755 (target)"], "de": []}


def test_placeholders_that_name_their_arguments_count_from_the_first_a_sentence_names():
    from align.audit.facts import compare_facts

    # dpkg's Japanese: the message's first two arguments are in the sentence before this one.
    assert [m.message for m in compare_facts(
        "'%c' is obsolete, use '%c=' or '%c%c' instead",
        "`%3$c' は時代遅れです。代わりに `%4$c=' または `%5$c%6$c' を使ってください", "en", "ja")] == []


def test_a_catalogues_few_short_sources_are_read_in_their_own_language(tmp_path):
    # Short lines took the language of the whole file read around them: a German catalogue's two
    # English messages were German, and the catalogue was refused, "both texts are in German".
    path = tmp_path / "t.de.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "There is %d house."\nmsgstr "Es gibt %d Haus."\n\n'
                    'msgid "The bridge is closed."\nmsgstr "Die Brücke ist gesperrt."\n', encoding="utf-8")
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "de") and not result.findings


def test_a_sentence_opened_at_a_lines_end_goes_on_into_a_placeholder(tmp_path):
    """bash's help texts in Debian's French catalogue: a sentence that opens after another's end and
    stops at the line's end ("...actives.  Sans" / "JOBSPEC, le shell ...") goes on, though the next
    line opens on a placeholder in capitals; cut there, "Sans" and "Si" stood alone, false additions."""
    path = tmp_path / "bash.fr.po"
    path.write_bytes(catalogue("fr", [
        ("Removes each JOBSPEC argument from the table of active jobs.  Without\n    any JOBSPECs, the shell uses "
         "its notion of the current job.",
         "Retire chaque argument JOBSPEC de la table des tâches actives.  Sans\n    JOBSPEC, le shell utilise sa "
         "propre notion de tâche courante."),
        ("Place the job identified by JOB_SPEC in the foreground, making it the\n    current job.  If JOB_SPEC is "
         "not present, the shell's notion of the\n    current job is used.",
         "Place JOB_SPEC au premier plan et en fait la tâche actuelle. Si\n    JOB_SPEC n'est pas fourni, le shell "
         "utilise sa propre notion\n    de tâche actuelle."),
    ]))
    _raw, sentences = sentences_of(path)
    texts = [" ".join(s.text.split()) for s in sentences]
    assert "Sans JOBSPEC, le shell utilise sa propre notion de tâche courante." in texts
    assert "Si JOB_SPEC n'est pas fourni, le shell utilise sa propre notion de tâche actuelle." in texts
    assert "Without any JOBSPECs, the shell uses its notion of the current job." in texts
    result = align_pair(str(path))
    assert not [f for f in result.findings if f.type in ("addition", "omission", "split", "merge")], result.findings
