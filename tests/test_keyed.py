"""Two files of a program's strings paired by their keys (align.keyed): the order the files write
them in says nothing, a key the translation lacks is its string left out, and inside a message
of several sentences the aligner still finds the sentence a translation drops."""
from __future__ import annotations

import json
from dataclasses import replace

from align import align_pair
from align.keyed import keyed_pairs
from align.model import Document, Sentence


def document(keys):
    sentences = [Sentence(id=k, text="x", original="x", line=1, paragraph=k, start=0, end=1, lang="en",
                          locator=f"key {key}") for k, key in enumerate(keys)]
    return Document(path="x", lang="en", encoding="utf-8", sentences=sentences)


def test_the_shared_keys_in_order_pair_and_one_written_elsewhere_is_moved():
    source = document(["title", "intro", "intro", "closed", "days.0", "days.1"])
    target = document(["title", "days.0", "intro", "intro", "days.1", "extra"])
    pairs = keyed_pairs(source, target)
    assert pairs.in_place == [([0], [0]), ([1, 2], [2, 3]), ([5], [4])]
    assert pairs.moved == [([4], [1])]
    beads = pairs.beads(6, 6, lambda src_ids, tgt_ids: [((k,), (k,), 1.0) for k in range(len(src_ids))])
    assert [(s, t) for s, t, _gain in beads] == [((0,), (0,)), ((1,), (2,)), ((2,), (3,)), ((3,), ()), ((5,), (4,)),
                                                 ((), (5,))]


def test_a_key_written_twice_pairs_its_last_value_as_the_program_keeps_it():
    source = document(["title", "intro"])
    target = document(["title", "intro", "title"])
    pairs = keyed_pairs(source, target)
    assert sorted(pairs.in_place + pairs.moved) == [([0], [2]), ([1], [1])]  # target sentence 0 stands unpaired
    both = keyed_pairs(document(["title", "intro", "title"]), document(["title", "intro", "title"]))
    assert both.in_place == [([0], [0]), ([1], [1]), ([2], [2])] and not both.moved


def test_files_that_are_not_keyed_or_share_too_few_keys_are_aligned_as_text():
    assert keyed_pairs(document(["a", "b"]), document(["c", "d"])) is None
    plain = document(["a"])
    plain.sentences[0] = replace(plain.sentences[0], locator="line 1")
    assert keyed_pairs(plain, document(["a"])) is None


ENGLISH = {"app": {"title": "Storm report",
                   "intro": "The storm reached the coast on Monday. It destroyed 300 houses. Schools stayed closed.",
                   "shelters": "The mayor opened twelve shelters.", "help": "Call 112 in an emergency.",
                   "ok": "OK", "cancel": "Cancel", "hours": "The museum closes at six on Sundays."}}
FRENCH = {"app": {"cancel": "Annuler", "title": "Rapport sur la tempête",
                  "intro": "La tempête a atteint la côte lundi. Les écoles sont restées fermées.",
                  "help": "Appelez le 112 en cas d'urgence.", "ok": "OK",
                  "hours": "Le prix du billet comprend une boisson chaude."}}


def test_a_translation_in_another_order_is_paired_by_its_keys(tmp_path):
    english, french = tmp_path / "en.json", tmp_path / "fr.json"
    english.write_text(json.dumps(ENGLISH), encoding="utf-8")
    french.write_text(json.dumps(FRENCH, ensure_ascii=False), encoding="utf-8")
    result = align_pair(str(english), str(french))
    source, target = result.source.sentences, result.target.sentences
    pairs = sorted(([source[i].text for i in b.src], [target[j].text for j in b.tgt]) for b in result.beads
                   if b.src and b.tgt)
    assert (["Cancel"], ["Annuler"]) in pairs  # written first in the French, last in the English
    omitted = [source[i].text for f in result.findings if f.type == "omission" for i in f.src]
    # The sentence the French drops from its message, and the message it lacks.
    assert sorted(omitted) == ["It destroyed 300 houses.", "The mayor opened twelve shelters."]
    assert not [f for f in result.findings if f.type in ("moved", "addition")]
    # Under one key, a French string that says something else ("the ticket's price includes a hot
    # drink" for "the museum closes at six on Sundays"): replaced, not one left out and one added.
    replaced = [([source[i].text for i in f.src], [target[j].text for j in f.tgt]) for f in result.findings
                if f.type == "replaced"]
    assert replaced == [(["The museum closes at six on Sundays."], ["Le prix du billet comprend une boisson chaude."])]


def test_a_pair_the_keys_give_below_the_floor_is_replaced_unless_a_word_or_two():
    import numpy as np

    from align.audit.findings import classify_beads
    from align.audit.thresholds import AuditThresholds
    from align.neighbours import neighbours

    rng = np.random.default_rng(0)
    src = rng.normal(size=(4, 16))
    src /= np.linalg.norm(src, axis=1, keepdims=True)
    tgt = src.copy()
    tgt[1] = -src[1]  # the second key's strings read nothing alike
    raw = [((k,), (k,), 0.0) for k in range(4)]
    words = (np.array([6, 6, 6, 6]), np.array([6, 6, 6, 6]))

    def kinds(words):
        beads = classify_beads(raw, src, tgt, neighbours(src, tgt), AuditThresholds(), given=True, words=words,
                               paragraphs=(np.arange(4), np.arange(4)))
        return [bead.kind for bead in beads]

    assert kinds(words) == ["match", "replaced", "match", "match"]
    # "Cancel" / "Άκυρο": a word a side says too little to tell them apart on their vectors.
    assert kinds((np.array([6, 1, 6, 6]), np.array([6, 1, 6, 6]))) == ["match"] * 4


def test_a_json_catalogues_help_text_goes_on_where_its_writer_broke_the_line(tmp_path):
    """Messages of Debian's coreutils and adduser, the French as their translators broke its lines:
    read as JSON, each break before a quotation mark, a capital word or an option cut a sentence
    ("(Utiliser l’option" / "« --allow-all-names » pour ...", "Avec" / "--invalid='warn', ..."),
    and each piece was a false addition; the same messages in a .po were read whole."""
    from tests.conftest import assert_every_sentence_once, json_report_of
    english = {
        "seq.status": "\nExit status is 0 if all input numbers were successfully converted.\nBy default, %s will stop "
                      "at the first conversion error with exit status 2.\nWith --invalid='fail' a warning is printed "
                      "for each conversion error\nand the exit status is 2.  With --invalid='warn' each conversion "
                      "error is\ndiagnosed, but the exit status is 0.  With --invalid='ignore' conversion\nerrors are "
                      "not diagnosed and the exit status is 0.\n",
        "kill.sig": "\nSIG may be a signal name like 'PIPE', or a signal number like '13'.\nWithout SIG, all known "
                    "signals are included.  Multiple signals can be\ncomma-separated.\n",
        "adduser.names": "To avoid problems, the username should consist only of\n            letters, digits, "
                         "underscores, periods, at signs and dashes, and\n            not start with a dash (as "
                         "defined by IEEE Std 1003.1-2001). For\n            compatibility with Samba machine "
                         "accounts, $ is also supported\n            at the end of the username.  (Use the "
                         "`--allow-all-names' option\n            to bypass this restriction.)\n",
    }
    french = {
        "seq.status": "\nLe code de retour est 0 si tous les nombres en entrée ont été convertis\nsans erreur. Par "
                      "défaut, %s s'arrêtera à la première erreur de conversion\navec un code de retour de 2. Avec "
                      "--invalid='fail', un avertissement est\naffiché à chaque erreur de conversion et le code de "
                      "retour est 2. Avec\n--invalid='warn', toutes les erreurs de conversion sont diagnostiquées,\n"
                      "mais le code de retour est 0. Avec --invalid='ignore', les erreur de\nconversion ne sont pas "
                      "diagnostiquées et le code de retour est 0.\n",
        "kill.sig": "\nSIG peut être un nom de signal comme «\u00a0PIPE\u00a0», un numéro de signal comme\n"
                    "«\u00a013\u00a0». Sans SIG, tous les signaux connus sont inclus. Plusieurs signaux\npeuvent "
                    "être séparés par des virgules.\n",
        "adduser.names": "Pour éviter tout problème, le nom d'utilisateur ne doit comporté que des\n            "
                         "lettres, chiffres, tirets de soulignement, arobases et tirets\n            Il ne "
                         "devrait pas commencer par un tiret (comme défini dans\n            la norme IEEE "
                         "1003.1-2001). Pour des raisons de compatibilité\n            avec les comptes de machines "
                         "Samba, le signe dollar est\n            aussi autorisé en fin de nom. (Utiliser l’option\n"
                         "            «\u00a0--allow-all-names\u00a0» pour contourner cette restriction.)\n",
    }
    (tmp_path / "en.json").write_text(json.dumps(english), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps(french), encoding="utf-8")
    report, _stderr = json_report_of(tmp_path / "en.json", tmp_path / "fr.json")
    assert_every_sentence_once(report)
    french_sentences = [sentence["text"] for sentence in report["target"]["sentences"]]
    assert not any(text.startswith(("«", "--invalid", "(Utiliser l’option")) and len(text) < 60 or text == "Avec"
                   for text in french_sentences), french_sentences
    assert not [finding for finding in report["findings"] if finding["type"] in ("addition", "omission")], \
        report["findings"]


def test_a_label_each_help_text_repeats_is_no_speaker(tmp_path):
    """bash's help texts as JSON (Debian's French catalogue): "Exit Status:" in title case over
    each was read as a speaker's name and ran into the line under it in English only ("Code de
    retour :" has a word in lower case), and each French label was a false addition."""
    from tests.conftest import assert_every_sentence_once, json_report_of
    english = {"true": "Return a successful result.\n    \n    Exit Status:\n    Always succeeds.",
               "false": "Return an unsuccessful result.\n    \n    Exit Status:\n    Always fails.",
               ":": "Null command.\n    \n    No effect; the command does nothing.\n    \n    Exit Status:\n"
                    "    Always succeeds."}
    french = {"true": "Renvoie un résultat de succès.\n    \n    Code de retour :\n    Succès.",
              "false": "Renvoie un résultat d'échec.\n    \n    Code de sortie :\n    Toujours l'échec.",
              ":": "Commande vide.\n    \n    Sans effet : la commande ne fait rien.\n    \n    Code de retour :\n"
                   "    Renvoie toujours le code de succès."}
    (tmp_path / "en.json").write_text(json.dumps(english), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps(french), encoding="utf-8")
    report, _stderr = json_report_of(tmp_path / "en.json", tmp_path / "fr.json")
    assert_every_sentence_once(report)
    assert [sentence["text"] for sentence in report["source"]["sentences"]].count("Exit Status:") == 3
    assert not [finding for finding in report["findings"] if finding["type"] in ("addition", "omission")], \
        report["findings"]



def test_a_key_on_one_side_alone_is_left_out_not_paired_with_another_keys_string(tmp_path):
    # vorta's strings and their French (its .ts files), the French copy written before one key was
    # renamed: its string under the old key was paired with the English under the new as "moved",
    # and as moves between keys are no news, neither was reported.
    from conftest import assert_every_sentence_once, json_report_of

    english = {"profile": {"name": "Please enter a profile name.", "exists": "A profile with this name already exists.",
                           "save": "Save", "cancel": "Cancel"},
               "lock": {"brokenAgain": "Repository lock broken. Please redo your last action."}}
    french = {"profile": {"name": "Veuillez entrer un nom de profil.", "exists": "Un profil avec ce nom existe déjà.",
                          "save": "Sauvegarder", "cancel": "Annuler"},
              "lock": {"broken": "Verrou du dépôt cassé. Veuillez répéter votre dernière action."}}
    (tmp_path / "en.json").write_text(json.dumps(english), encoding="utf-8")
    (tmp_path / "fr.json").write_text(json.dumps(french, ensure_ascii=False), encoding="utf-8")
    report, _stderr = json_report_of(tmp_path / "en.json", tmp_path / "fr.json")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    assert all(source[i]["locator"] == target[j]["locator"] for bead in report["beads"] for i in bead["src"]
               for j in bead["tgt"])
    left_out = [source[i]["locator"] for f in report["findings"] if f["type"] == "omission" for i in f["src"]]
    added = [target[j]["locator"] for f in report["findings"] if f["type"] == "addition" for j in f["tgt"]]
    assert left_out == ["key lock.brokenAgain"] * 2 and added == ["key lock.broken"] * 2


def _catalogue(language: str, entries: list[tuple[str, str]]) -> str:
    header = (f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    return header + "".join(f'msgid "{source}"\nmsgstr "{target}"\n\n' for source, target in entries)


def test_two_gettext_catalogues_are_paired_entry_by_entry(tmp_path):
    # apt's German and French messages (Debian's apt.mo), each catalogue with one entry its
    # translator has not done: paired by the msgid each entry renders, as a .ts's messages are,
    # not as running text (22 pairs of two different entries in apt, dpkg, coreutils, grep and
    # bash, German against French).
    sources = ["Unable to locate package %s", "The following packages have unmet dependencies:",
               "You might want to run 'apt --fix-broken install' to correct these.", "Do you want to continue?",
               "Abort.", "Unable to lock the download directory"]
    german = ["Paket %s kann nicht gefunden werden.", "Die folgenden Pakete haben unerfüllte Abhängigkeiten:",
              "Probieren Sie »apt --fix-broken install«, um dies zu korrigieren.", "", "Abbruch.",
              "Das Downloadverzeichnis konnte nicht gesperrt werden."]
    french = ["Impossible de trouver le paquet %s", "Les paquets suivants contiennent des dépendances non satisfaites :",
              "", "Souhaitez-vous continuer ?", "Annulation.", "Impossible de verrouiller le répertoire de téléchargement"]
    (tmp_path / "de.po").write_text(_catalogue("de", list(zip(sources, german))), encoding="utf-8")
    (tmp_path / "fr.po").write_text(_catalogue("fr", list(zip(sources, french))), encoding="utf-8")
    from conftest import assert_every_sentence_once, json_report_of

    report, _stderr = json_report_of(tmp_path / "de.po", tmp_path / "fr.po")
    assert_every_sentence_once(report)
    source, target = report["source"]["sentences"], report["target"]["sentences"]
    assert all(source[i]["locator"] == target[j]["locator"] for bead in report["beads"] for i in bead["src"]
               for j in bead["tgt"])
    left_out = [source[i]["text"] for f in report["findings"] if f["type"] == "omission" for i in f["src"]]
    added = [target[j]["text"] for f in report["findings"] if f["type"] == "addition" for j in f["tgt"]]
    assert left_out == ["Probieren Sie »apt --fix-broken install«, um dies zu korrigieren."]
    assert added == ["Souhaitez-vous continuer ?"]
    assert target[0]["locator"] == "key Unable to locate package %s"
