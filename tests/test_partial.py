"""partial_differences on seed paragraphs, with the bundled USE encoder."""

import pytest
from conftest import seed_lines

from align.audit.partial import (
    PartialDifference,
    _prepare,
    partial_differences,
    partial_differences_batch,
    split_clauses,
)

S0, S1, S2 = seed_lines("000"), seed_lines("001"), seed_lines("002")
EN_39 = S0[38]  # "... marks a rare — if ultimately unsuccessful — contact ..."
EN_41_FIRST = S0[40][: S0[40].index(" According to the envoy")]


class CountingEncoder:
    """The real encoder, counting how often it is asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.calls = 0
        self.texts = 0

    def encode(self, sentences, progress=False):
        self.calls += 1
        self.texts += len(sentences)
        return self.inner.encode(sentences)


@pytest.fixture(scope="module")
def encoder():
    from align.encoders import load_encoder

    return CountingEncoder(load_encoder("use", cache=False))


def test_clauses_are_cut_at_dashes_commas_and_parentheses_with_spans():
    text = "The meeting marks a rare — if ultimately unsuccessful — contact (in Istanbul), after the war."
    clauses = split_clauses(text)
    assert [c.text for c in clauses] == [
        "The meeting marks a rare", "if ultimately unsuccessful", "contact", "in Istanbul", "after the war.",
    ]
    for c in clauses:
        assert text[c.span[0]:c.span[1]] == c.text
    assert split_clauses("Haut-Karabakh, 1914–1918")[0].text == "Haut-Karabakh"


def test_dropped_aside_is_a_partial_omission(encoder):
    found = partial_differences(EN_39, S0[12], encoder, "en", "fr")
    assert [(f.kind, f.text) for f in found] == [("partial_omission", "if ultimately unsuccessful")]
    assert EN_39[found[0].span[0]:found[0].span[1]] == "if ultimately unsuccessful"
    assert 0.0 <= found[0].score <= 1.0


def test_added_explanation_of_the_lachin_corridor_is_a_partial_addition(encoder):
    found = partial_differences(EN_41_FIRST, S2[6], encoder, "en", "fr")
    additions = [f for f in found if f.kind == "partial_addition"]
    assert len(additions) == 1
    assert "couloir de Lachin" in additions[0].text
    assert S2[6][additions[0].span[0]:additions[0].span[1]] == additions[0].text
    assert not [f for f in found if f.kind == "partial_omission"]


@pytest.mark.parametrize("english, french", [(43, 19), (37, 11), (49, 25)])
def test_faithful_paragraphs_have_no_partial_differences(encoder, english, french):
    assert partial_differences(S0[english - 1], S0[french - 1], encoder, "en", "fr") == []


def test_seed_001_keeps_the_aside_the_seed_000_reprint_drops(encoder):
    # 001 renders it as "– voire finalement infructueux –".
    assert partial_differences(EN_39, S1[2], encoder, "en", "fr") == []


def test_batch_embeds_in_two_calls_and_agrees_with_single_calls(encoder):
    pairs = [(EN_39, S0[12]), (EN_41_FIRST, S2[6]), (S0[42], S0[18]), ("", S0[18])]
    singles = [partial_differences(s, t, encoder, "en", "fr") for s, t in pairs]
    before, texts_before = encoder.calls, encoder.texts
    batch = partial_differences_batch(pairs, encoder, "en", "fr")
    # Clauses and what they are compared with, then the remainders of the few clauses that nothing
    # matches: not a remainder for every clause.
    assert encoder.calls - before == 2
    prepared = [(_prepare(s, "en"), _prepare(t, "fr")) for s, t in pairs]
    every_text = {t for a, b in prepared for side in (a, b)
                  for t in [c.clean for c in side.clauses] + side.without + side.context}
    assert encoder.texts - texts_before < len(every_text)
    assert batch == singles
    assert all(isinstance(f, PartialDifference) for found in batch for f in found)


def test_chinese_sentences_are_cut_into_clauses_at_full_width_punctuation():
    text = "他走进房间，打开了窗户；然后说：“走吧。”他笑了。"
    clauses = split_clauses(text)
    assert [c.text for c in clauses] == ["他走进房间", "打开了窗户", "然后说", "“走吧。”", "他笑了。"]
    for c in clauses:
        assert text[c.span[0]:c.span[1]] == c.text
    # A Chinese word is about two characters: a speech tag is as short as "said Alice", and is not
    # judged (MAC zh-en: translators drop or move 韦小宝道, "Wei Xiaobao said", all the time).
    tag = split_clauses("韦小宝道：“是去偷一部书出来。”")[0]
    assert tag.text == "韦小宝道" and tag.words == 2


def test_a_clause_of_a_chinese_source_missing_in_english_is_a_partial_omission(encoder):
    # Before Chinese was cut into clauses, a Chinese sentence could never show a partial omission,
    # and each English clause was held against the whole Chinese sentence.
    source = "他走进房间，打开了窗户，在桌边一个人坐了很久。"
    found = partial_differences(source, "He walked into the room and opened the window.", encoder, "zh", "en")
    assert [(f.kind, f.text) for f in found] == [("partial_omission", "在桌边一个人坐了很久。")]
    assert source[found[0].span[0]:found[0].span[1]] == found[0].text
    faithful = "He walked into the room, opened the window and sat alone at the table for a long time."
    assert partial_differences(source, faithful, encoder, "zh", "en") == []


FIRE_EN = ("A fire destroyed a warehouse belonging to the textile firm Lainière du Nord in Roubaix on Tuesday night, "
           "the local fire service said. More than 120 firefighters fought the blaze for nine hours. Nobody was hurt.\n\n"
           "The fire broke out shortly after 11 pm in a storage area containing about 1.5 million metres of fabric. "
           "Residents of 40 nearby homes were evacuated as a precaution.\n")
FIRE_FR = ("Un incendie a détruit mardi soir un entrepôt de l'entreprise textile Lainière du Nord à Roubaix, ont "
           "indiqué les pompiers. Plus de 120 sapeurs-pompiers ont lutté contre le feu pendant neuf heures.\n\n"
           "L'incendie s'est déclaré peu après 23 heures dans une zone de stockage contenant environ 1,5 million de "
           "mètres de tissu. Les habitants de 40 logements voisins ont été évacués par précaution. Deux ont été relogés.\n")


def test_a_short_sentence_left_out_or_added_beside_its_neighbour_is_an_omission_or_an_addition(tmp_path, use_encoder):
    """A probe's reprint dropped "Nobody was hurt." and added "Deux ont été relogés.": each joined
    its neighbour's pair (four words or fewer), and came out as a "clause" left out or added and an
    editorial merge or split, counted as matched."""
    from align import align_pair

    (tmp_path / "en.txt").write_text(FIRE_EN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FIRE_FR, encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), encoder=use_encoder)
    found = sorted((f.type, f.src if f.type == "omission" else f.tgt) for f in result.findings)
    assert found == [("addition", [4]), ("omission", [2])], [f.message for f in result.findings]


URL_EN = "The tool is free. Start the service with the command below. The data are stored locally."
URL_FR = ("L'outil est gratuit. Démarrez le service avec la commande ci-dessous, puis consultez "
          "https://example.org/docs/faq.html en cas d'erreur de démarrage. Les données sont stockées localement.")


def test_a_url_or_a_code_span_is_not_cut_at_its_colon():
    # /tmp/probe13/min/url_fr.txt: "puis consultez https" and "//example.org/docs/faq.html en cas
    # d'erreur de démarrage." were two clauses, and two additions.
    texts = [c.text for c in split_clauses(URL_FR)]
    assert "puis consultez https://example.org/docs/faq.html en cas d'erreur de démarrage." in texts
    assert [c.text for c in split_clauses("Set `port: 8443` in the file: then see http://x.org:8080/a: it works.")] == [
        "Set `port: 8443` in the file", "then see http://x.org:8080/a", "it works."]
    # A colon outside them still cuts (and one between digits does not, as before).
    assert [c.text for c in split_clauses("Two things matter: speed and cost, at 11:35.")] == [
        "Two things matter", "speed and cost", "at 11:35."]


def test_the_added_clause_with_a_url_is_one_addition(encoder):
    found = partial_differences(URL_EN, URL_FR, encoder, "en", "fr")
    assert [(f.kind, f.text) for f in found] == [
        ("partial_addition", "puis consultez https://example.org/docs/faq.html en cas d'erreur de démarrage.")]


def test_no_clause_ends_at_an_abbreviation():
    # /tmp/probe13/min/clause_en.txt: "vs." was a clause of its own, "12 MB/s over the VPN" another.
    text = ("The server needs 3 GB of disk space. Throughput reaches 100 MB/s on a local network, vs. 12 MB/s "
            "over the VPN. The sync time drops by 15 % when compression is enabled.")
    assert [c.text for c in split_clauses(text, "en")] == [
        "The server needs 3 GB of disk space.", "Throughput reaches 100 MB/s on a local network",
        "vs. 12 MB/s over the VPN.", "The sync time drops by 15 % when compression is enabled."]
    assert [c.text for c in split_clauses("As shown in Fig. 3 and Table 2, the rate rose. It fell.", "en")] == [
        "As shown in Fig. 3 and Table 2", "the rate rose.", "It fell."]
    # The segmenter's own rules per language: French "M. Dupont", German "z. B."
    assert [c.text for c in split_clauses("M. Dupont est venu hier. Il repart.", "fr")] == [
        "M. Dupont est venu hier.", "Il repart."]
    assert [c.text for c in split_clauses("Es kam z. B. Herr Dr. Müller. Dann ging er.", "de")] == [
        "Es kam z. B. Herr Dr. Müller.", "Dann ging er."]
