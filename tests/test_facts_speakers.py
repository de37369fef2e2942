"""Issue 18: a line a translation gives to another speaker. A short play scene (three speakers) and
an interview (Q:/A:) in English, with faithful French, German and Russian translations written for
these tests (tests/data/speakers/); a swapped copy changes one line's label. The French play writes
its labels as French plays do ("TOM. — ..."), which the sentence splitter keeps with the speech;
the interview's labels are translated ("Q"/"F", "A"/"R", "В"/"О"), the Russian play's
transliterated ("Том", "Марта", "Джек")."""
import json
from pathlib import Path

import pytest

from align import align_pair
from align.audit.facts import speaker_mismatches
from align.cli import app

from conftest import seed

DATA = Path(__file__).parent / "data" / "speakers"


def speaker_messages(result) -> list[str]:
    """What the speaker check says on an alignment's pairs, in source order."""
    pairs = [(b.src, b.tgt) for b in result.beads if b.kind in ("match", "moved")]
    found = speaker_mismatches(pairs, [s.text for s in result.source.sentences],
                               [s.text for s in result.target.sentences])
    return [found[k].message for k in sorted(found)]


def swapped(tmp_path, name: str, line: int, old: str, new: str) -> str:
    """A copy of a faithful translation whose line `line` (from 1) is given to speaker `new`."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].startswith(old)
    lines[line - 1] = new + lines[line - 1][len(old):]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


FAITHFUL = [("play", lang) for lang in ("fr", "de", "ru")] + [("interview", lang) for lang in ("fr", "de", "ru")]


@pytest.mark.parametrize("kind, lang", FAITHFUL)
def test_a_faithful_dialogue_gives_no_speaker_finding(kind, lang, use_encoder):
    result = align_pair(str(DATA / f"{kind}.en.txt"), str(DATA / f"{kind}.{lang}.txt"), encoder=use_encoder)
    assert speaker_messages(result) == []
    assert not [f for f in result.findings if f.details.get("kind") == "speaker"]


SWAPS = [
    ("play.fr.txt", 1, "TOM", "MARTHA", "speaker TOM (source) is MARTHA in the target"),
    ("play.fr.txt", 12, "TOM", "JACK", "speaker TOM (source) is JACK in the target"),
    ("play.de.txt", 4, "JACK", "TOM", "speaker JACK (source) is TOM in the target"),
    ("play.ru.txt", 13, "Марта", "Джек", "speaker MARTHA (source) is Джек in the target, the target's label for JACK"),
    ("interview.fr.txt", 5, "R", "Q", "speaker A (source) is Q in the target"),
    ("interview.de.txt", 6, "F", "A", "speaker Q (source) is A in the target"),
    ("interview.ru.txt", 13, "О", "В", "speaker A (source) is В in the target, the target's label for Q"),
]


@pytest.mark.parametrize("name, line, old, new, message", SWAPS)
def test_a_line_given_to_another_speaker_is_told(name, line, old, new, message, tmp_path, use_encoder):
    source = DATA / (name.split(".")[0] + ".en.txt")
    result = align_pair(str(source), swapped(tmp_path, name, line, old, new), encoder=use_encoder)
    assert speaker_messages(result) == [message]


def test_the_finding_names_the_labels_and_their_place():
    src = (DATA / "play.en.txt").read_text(encoding="utf-8").splitlines()
    tgt = (DATA / "play.de.txt").read_text(encoding="utf-8").splitlines()
    tgt[3] = tgt[3].replace("JACK:", "TOM:")
    found = speaker_mismatches([([i], [i]) for i in range(len(src))], src, tgt)
    assert list(found) == [3]
    mismatch = found[3]
    assert (mismatch.kind, mismatch.src_value, mismatch.tgt_value) == ("speaker", "JACK", "TOM")
    assert src[3][slice(*mismatch.src_span)] == "JACK" and tgt[3][slice(*mismatch.tgt_span)] == "TOM"


def test_words_before_a_colon_that_are_no_labels_are_not_speakers():
    # Notes and warnings recur, and a translation may render them in another order; a sentence's
    # first words before a colon are no label either.
    src = ["Note: the valve must be closed.", "Warning: the pipe is hot.", "The reason is simple: it leaks.",
           "Note: keep the key.", "Warning: do not drink the water.", "The cause is simple: it rusts.",
           "Note: call the plumber.", "Warning: the floor is wet."]
    tgt = ["Remarque : la vanne doit être fermée.", "Attention : le tuyau est chaud.",
           "La raison est simple : il fuit.", "Remarque : gardez la clé.", "Remarque : ne buvez pas l'eau.",
           "La cause est simple : il rouille.", "Attention : appelez le plombier.", "Attention : le sol est mouillé."]
    assert speaker_mismatches([([i], [i]) for i in range(len(src))], src, tgt) == {}


def test_a_label_the_document_writes_once_is_none():
    # Three lines, MARTHA's one of them: no label the source uses as one, nothing to map it by.
    src = ["TOM: I never said that.", "MARTHA: You said it twice.", "TOM: Then I was joking."]
    tgt = ["TOM : Je n'ai jamais dit ça.", "TOM : Tu l'as dit deux fois.", "TOM : Alors je plaisantais."]
    assert speaker_mismatches([([i], [i]) for i in range(3)], src, tgt) == {}


def test_the_seeds_have_no_speakers(use_encoder):
    result = align_pair(seed("000"), seed("002"), src_lang="en", encoder=use_encoder)
    assert speaker_messages(result) == []


def test_align_pair_reports_the_swap_as_a_fact_finding(tmp_path):
    from typer.testing import CliRunner

    target = swapped(tmp_path, "play.fr.txt", 1, "TOM", "MARTHA")
    run = CliRunner().invoke(app, ["pair", str(DATA / "play.en.txt"), target, "-f", "json"])
    assert run.exit_code == 0, run.output
    report = json.loads(run.stdout)
    speakers = [f for f in report["findings"] if f["type"] == "fact_mismatch" and f["details"]["kind"] == "speaker"]
    assert [(f["message"], f["severity"]) for f in speakers] == [
        ("speaker TOM (source) is MARTHA in the target (source line 1, target line 1)", "content")]
    assert (speakers[0]["details"]["src_value"], speakers[0]["details"]["tgt_value"]) == ("TOM", "MARTHA")


TRANSCRIPT_EN = ["Speaker 1: Can everyone hear me?", "Speaker 2: Yes, loud and clear.", "Speaker 1: Good. Let us begin.",
                 "Speaker 3: I have a question first.", "Speaker 1: Go ahead.", "Speaker 3: Who wrote the report?",
                 "Speaker 2: I did, with Anna.", "Speaker 3: Then I will ask Anna.", "Speaker 1: Thank you both."]
TRANSCRIPT_FR = ["Intervenant 1 : Tout le monde m'entend ?", "Intervenant 2 : Oui, très bien.",
                 "Intervenant 1 : Bien. Commençons.", "Intervenant 3 : J'ai d'abord une question.",
                 "Intervenant 1 : Allez-y.", "Intervenant 3 : Qui a écrit le rapport ?",
                 "Intervenant 2 : Moi, avec Anna.", "Intervenant 3 : Alors je demanderai à Anna.",
                 "Intervenant 1 : Merci à vous deux."]
DIALOGUE_EN = ["Tom: Where were you?", "Anna: At the station.", "Tom: All night?", "Anna: The train was late.",
               "Tom: You could have called.", "Anna: My phone was dead."]
CHAT_EN = ["[09:14] Anna: Did anyone see the build failure?", "[09:15] Ben: Yes, the nightly job failed.",
           "[09:15] Ben: The migration timed out.", "[09:16] Anna: How long did it run?", "[09:17] Ben: About 45 minutes."]
CHAT_DE = ["[09:14] Anna: Hat jemand den fehlgeschlagenen Build gesehen?", "[09:15] Ben: Ja, der nächtliche Job ist abgebrochen.",
           "[09:15] Ben: Die Migration ist in ein Timeout gelaufen.", "[09:16] Anna: Wie lange lief sie?",
           "[09:17] Ben: Etwa 45 Minuten."]
DIALOGUE_ZH = ["汤姆：你去哪儿了？", "安娜：在车站。", "汤姆：一整夜？", "安娜：火车晚点了。", "汤姆：你本可以打电话的。", "安娜：我的手机没电了。"]


@pytest.mark.parametrize("src, tgt, line, new, message", [
    (TRANSCRIPT_EN, TRANSCRIPT_FR, 5, "Intervenant 2 : Qui a écrit le rapport ?",
     "speaker Speaker 3 (source) is Intervenant 2 in the target"),
    (DIALOGUE_EN, DIALOGUE_ZH, 4, "安娜：你本可以打电话的。", "speaker Tom (source) is 安娜 in the target, the target's label for Anna"),
    # A chat log's time stamps before the names (probe 47: "[09:17] Ben:" given to Anna went unsaid).
    (CHAT_EN, CHAT_DE, 4, "[09:17] Anna: Etwa 45 Minuten.", "speaker Ben (source) is Anna in the target"),
])
def test_numbered_and_uncased_labels_are_mapped_by_the_pairs(src, tgt, line, new, message):
    pairs = [([i], [i]) for i in range(len(src))]
    assert speaker_mismatches(pairs, src, tgt) == {}
    changed = tgt[:line] + [new] + tgt[line + 1:]
    assert {k: m.message for k, m in speaker_mismatches(pairs, src, changed).items()} == {line: message}
