"""A sentence absorbed into its neighbour's pair is reported as left out (or added) inside the pair,
and the pair's beads stay as the aligner made them."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from align import AuditThresholds, align_sentences
from align.audit.absorbed import absorbed_sentences, translated_in_pair
from align.audit.findings import _part_of_neighbour
from align.model import Bead

DATA = Path(__file__).parent / "data" / "text-berg-de-fr"


def lengths(*values):
    return np.array(values, dtype=np.float64)


def test_a_proposed_end_sentence_that_overfills_its_pair_is_absorbed():
    pairs = [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]
    proposal = [((0,), (0,), 0.5), ((1,), (), 0.0), ((2,), (1,), 0.5), ((3,), (2,), 0.5)]
    src, tgt = lengths(100, 90, 100, 100), lengths(105, 100, 98)
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75) == (frozenset({1}), frozenset())


def test_a_sentence_taken_out_that_is_as_close_to_the_other_side_as_a_usual_pair_stays():
    # Six 1-1 pairs, cosines 0.6 to 0.85 (sentence k and its translation share axis k), then a 1-2
    # pair whose target 7 renders source 6 as closely as a usual pair and whose target 8 is foreign.
    dim = 16
    src, tgt = np.zeros((7, dim)), np.zeros((9, dim))
    for k, cosine in enumerate((0.6, 0.65, 0.7, 0.75, 0.8, 0.85)):
        src[k, k] = 1.0
        tgt[k, k], tgt[k, 15] = cosine, np.sqrt(1 - cosine ** 2)
    src[6, 6] = 1.0
    tgt[7, 6], tgt[7, 15] = 0.8, 0.6
    tgt[8, 14] = 1.0  # on an axis of its own
    pairs = [((k,), (k,)) for k in range(6)] + [((6,), (7, 8))]
    assert translated_in_pair(pairs, (frozenset(), frozenset({7, 8})), src, tgt) == (frozenset(), frozenset({8}))
    # Too few 1-1 pairs to know the document's usual pair: left as it was.
    assert translated_in_pair(pairs[4:], (frozenset(), frozenset({7})), src, tgt) == (frozenset(), frozenset({7}))


def test_a_proposed_sentence_in_the_middle_of_its_side_is_absorbed_too():
    # Source 1 sits between the two sentences its pair's target does translate.
    pairs = [((0, 1, 2), (0,)), ((3,), (1,))]
    proposal = [((0,), (0,), 0.5), ((1,), (), 0.0), ((2,), (0,), 0.5), ((3,), (1,), 0.5)]
    src, tgt = lengths(100, 90, 100, 100), lengths(205, 100)
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75) == (frozenset({1}), frozenset())
    # Unproposed, it stays: the lower-skip pass is the evidence, the length fit only confirms.
    kept = [((0,), (0,), 0.5), ((1, 2), (0,), 0.0), ((3,), (1,), 0.5)]
    assert absorbed_sentences(pairs, kept, src, tgt, min_length=0.75) == (frozenset(), frozenset())


def test_a_real_merge_whose_lengths_fit_is_not_absorbed():
    pairs = [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]
    proposal = [((0,), (0,), 0.5), ((1,), (), 0.0), ((2,), (1,), 0.5), ((3,), (2,), 0.5)]
    src, tgt = lengths(100, 90, 100, 100), lengths(195, 100, 98)  # the target sentence holds both
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75) == (frozenset(), frozenset())


def test_only_what_the_lower_skip_pass_leaves_out_and_only_long_enough_sentences():
    pairs = [((0,), (0, 1)), ((1,), (2,)), ((2,), (3,))]
    src, tgt = lengths(100, 100, 100), lengths(100, 30, 100, 100)
    not_proposed = [((0,), (0, 1), 0.5), ((1,), (2,), 0.5), ((2,), (3,), 0.5)]
    assert absorbed_sentences(pairs, not_proposed, src, tgt, min_length=0.0) == (frozenset(), frozenset())
    proposed = [((0,), (0,), 0.5), ((), (1,), 0.0), ((1,), (2,), 0.5), ((2,), (3,), 0.5)]
    assert absorbed_sentences(pairs, proposed, src, tgt, min_length=0.0) == (frozenset(), frozenset({1}))
    # 30 characters against a median of 100: too short for its length to tell anything.
    assert absorbed_sentences(pairs, proposed, src, tgt, min_length=0.75) == (frozenset(), frozenset())


def test_a_sentence_left_out_beside_one_added_are_taken_together():
    # A 2-2 bead: source 1 untranslated, target 2 about something else; each alone leaves the
    # pair's lengths no closer to the document's ratio, both together do not make them worse.
    pairs = [((0,), (0,)), ((1, 2), (1, 2))]
    proposal = [((0,), (0,), 0.5), ((1,), (), 0.0), ((2,), (1,), 0.7), ((), (2,), 0.0)]
    src, tgt = lengths(100, 80, 90, 100), lengths(110, 100, 70)
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75, crossed_min_length=0.5) == (
        frozenset({1}), frozenset({2}))
    # Proposed on one side only, it is the length test's to decide, as before.
    one_side = [((0,), (0,), 0.5), ((1,), (), 0.0), ((2,), (1, 2), 0.7)]
    assert absorbed_sentences(pairs, one_side, src, tgt, min_length=0.75, crossed_min_length=0.5) == (
        frozenset(), frozenset())
    # What is left must fit no worse than the bead did: here the target keeps 40 characters for 90.
    assert absorbed_sentences(pairs, proposal, src, lengths(110, 40, 130), min_length=0.75,
                              crossed_min_length=0.5) == (frozenset(), frozenset())


def test_an_omission_and_an_addition_next_to_each_other_are_not_a_match(tmp_path, use_encoder):
    """A probe's text: the sixth sentence left out, an unrelated one added at the end. The two
    made a 2-2 bead: "7 matched, 0 left out, 0 added", a translation "100 % aligned"."""
    from align import align_pair

    en = ["The council met on Tuesday to discuss the new budget.",
          "The mayor said the city would spend €4 million on schools.",
          "“We cannot wait any longer,” she told reporters.",
          "Critics argued that the plan ignored the œuvre of local artists.",
          "The vote was postponed until 12 March.", "Residents will be able to comment online.",
          "The meeting ended shortly after nine o’clock."]
    fr = ["Le conseil s’est réuni mardi pour discuter du nouveau budget.",
          "La maire a déclaré que la ville dépenserait 4 millions d’€ pour les écoles.",
          "« Nous ne pouvons plus attendre », a-t-elle déclaré aux journalistes.",
          "Les critiques ont soutenu que le plan ignorait l’œuvre des artistes locaux.",
          "Le vote a été reporté au 12 mars.", "La réunion s’est terminée peu après neuf heures.",
          "Un buffet a été servi aux participants."]
    source, target = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text("\n".join(en) + "\n", encoding="utf-8")
    target.write_text("\n".join(fr) + "\n", encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder, partial=False)
    found = sorted((f.type, f.src, f.tgt) for f in result.findings if f.type in ("omission", "addition"))
    assert found == [("addition", [], [6]), ("omission", [5], [])]


def test_dropped_sentences_of_text_berg_are_reported_inside_their_pairs_with_the_beads_unchanged():
    from align.encoders import DEFAULT_MODEL, load_encoder

    encoder = load_encoder(DEFAULT_MODEL, cache=False)
    de = (DATA / "test4.de").read_text(encoding="utf-8").splitlines()
    fr = (DATA / "test4.fr").read_text(encoding="utf-8").splitlines()
    gold = [line.split(":") for line in (DATA / "test4.defr").read_text(encoding="utf-8").splitlines()]
    one_to_one = [(int(s.strip("[]")), int(t.strip("[]"))) for s, t in gold if "," not in s + t and s != "[]" != t]
    found_with, found_without, inside = 0, 0, 0
    # Each French sentence of a 1-1 pair of substantial sentences dropped in turn: the German is left out.
    for i, j in one_to_one:
        if len(de[i]) < 60:
            continue
        fr_cut = fr[:j] + fr[j + 1:]
        with_check = align_sentences(de, fr_cut, src_lang="de", tgt_lang="fr", encoder=encoder)
        without = align_sentences(de, fr_cut, src_lang="de", tgt_lang="fr", encoder=encoder,
                                  thresholds=replace(AuditThresholds(), absorbed_skip=0.0))
        assert [(b.src, b.tgt, b.kind) for b in with_check.beads] == [(b.src, b.tgt, b.kind) for b in without.beads]
        hits = [f for f in with_check.findings if f.type == "omission" and i in f.src]
        found_with += bool(hits)
        found_without += any(f.type == "omission" and i in f.src for f in without.findings)
        inside += any((f.details or {}).get("within_pair") for f in hits)
    assert inside >= 2 and found_with >= found_without + inside


_COUNCIL_EN = ["The town council met on Monday evening to discuss the new budget.",
               "The mayor opened the meeting with a short speech about the harbour.",
               "She said the harbour had lost money for three years in a row.",
               "The river made it rich.",
               "Several councillors asked for an independent audit of the accounts.",
               "The vote on the audit was postponed until the next meeting in May.",
               "Local shop owners have complained about the rising rents in the centre.",
               "The council promised to publish its answer before the summer."]
_COUNCIL_FR = ["Le conseil municipal s'est réuni lundi soir pour discuter du nouveau budget.",
               "La maire a ouvert la séance par un bref discours sur le port.",
               "Elle a déclaré que le port perdait de l'argent depuis trois années consécutives.",
               "Plusieurs conseillers ont demandé un audit indépendant des comptes.",
               "Le vote sur l'audit a été reporté à la prochaine séance, en mai.",
               "Les commerçants du centre se plaignent de la hausse des loyers.",
               "Le conseil a promis de publier sa réponse avant l'été."]


def test_a_short_paragraph_left_out_is_an_omission_not_a_merge(tmp_path, use_encoder):
    """"The river made it rich.", a paragraph of its own with no French, was merged into the pair
    before it and reported as an editorial merge, too short for the length test; `versions` showed
    it matched. Translated, the same short paragraph stays in its pair without a finding."""
    from align import align_pair, compare_versions

    source, target = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text("\n\n".join(_COUNCIL_EN) + "\n", encoding="utf-8")
    target.write_text("\n\n".join(_COUNCIL_FR) + "\n", encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder, partial=False)
    assert [(f.type, f.src) for f in result.findings if f.severity == "content"] == [("omission", [3])]
    # Not aligned, though inside a pair: the verdict said "100 % aligned" beside "1 left out".
    assert result.summary["source_coverage"] == round(7 / 8, 4)
    from align.reports import render

    unit = render(result, "tmx").split('<tu tuid="3">')[1].split("</tu>")[0]
    assert '<prop type="x-flag">omission</prop>' in unit and "The river made it rich." in unit
    grid = compare_versions(str(source), [str(target)], encoder=use_encoder).status()
    assert [row[0][0] for row in grid] == ["match"] * 3 + ["omission"] + ["match"] * 4

    joined = _COUNCIL_FR[:2] + ["Elle a déclaré que le port, que la rivière avait rendu riche, perdait de l'argent "
                                "depuis trois années consécutives."] + _COUNCIL_FR[3:]
    target.write_text("\n\n".join(joined) + "\n", encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder, partial=False)
    assert any(b.src == (2, 3) and b.tgt == (2,) for b in result.beads)
    assert not [f for f in result.findings if f.type == "omission"]


def test_versions_rows_show_a_pairs_text_beside_the_sentence_it_renders(tmp_path, use_encoder):
    """A one-sentence paragraph left out at the head of a merged pair: the TSV and HTML put the
    French text in its row (marked left out) and none in the row of the sentence it renders."""
    from align import compare_versions
    from align.reports.tsv import unescape
    from align.reports.versions import render_versions

    source, target = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text("\n\n".join(["The river made it rich."] + _COUNCIL_EN[:3] + _COUNCIL_EN[4:]) + "\n",
                      encoding="utf-8")
    target.write_text("\n\n".join(_COUNCIL_FR) + "\n", encoding="utf-8")
    result = compare_versions(str(source), [str(target)], encoder=use_encoder)
    assert [row[0][0] for row in result.status()][:2] == ["omission", "match"]
    table = [line.split("\t") for line in render_versions(result, "tsv").splitlines()]
    header, first, second = table[0], table[1], table[2]
    cell = dict(zip(header, first)), dict(zip(header, second))
    assert cell[0]["v1_kind"] == "omission" and cell[0]["v1_text"] == ""
    assert cell[1]["v1_kind"] == "match" and unescape(cell[1]["v1_text"]) == _COUNCIL_FR[0]
    html = render_versions(result, "html")
    river, council = html.index("The river made it rich."), html.index(_COUNCIL_EN[0])
    assert html.index("Le conseil municipal") > council > river


def test_a_sentence_dropped_beside_an_unrelated_one_added_in_a_two_by_two_pair(use_encoder):
    # A probe's German/Dutch news: "Ein Drittel davon soll der Bund übernehmen." dropped and "Ook de
    # oppositie steunt het plan grotendeels." added before the sentence it followed made a 2-2 pair,
    # reported as an editorial "regrouped". Of its four sentence pairs one is close (0.87) and three
    # far (0.00-0.22). (Both sentences are short for the audit's default length floor, 0.75 of the
    # median: asked here at 0.5.)
    from align.audit.absorbed import unrelated_in_two_by_two
    from align.pipeline import align_pair

    folder = Path(__file__).parent / "data" / "close-languages"
    for target, expected in (("nl_swap.txt", ({3}, {2})), ("nl.txt", (set(), set()))):
        result = align_pair(str(folder / "de.txt"), str(folder / target), encoder=use_encoder, partial=False)
        src = [s.text for s in result.source.sentences]
        tgt = [s.text for s in result.target.sentences]
        src_emb, tgt_emb = use_encoder.encode(src), use_encoder.encode(tgt)
        pairs = [(b.src, b.tgt) for b in result.beads if b.kind == "match"]
        found = unrelated_in_two_by_two(pairs, src_emb, tgt_emb, np.array([len(t) for t in src], dtype=float),
                                        np.array([len(t) for t in tgt], dtype=float), 0.5)
        assert (set(found[0]), set(found[1])) == expected, target


def test_in_a_file_of_a_sentence_a_line_a_merge_is_no_sentence_left_out(use_encoder):
    """TransRead's Candide as given (a sentence a line): every line was a paragraph, so every
    sentence of a 2-1 pair stood "in a paragraph of its own" and was tested as a stray; "Sa grande
    salle même était ornée d'une tapisserie.", which "his great hall was hung with tapestry"
    renders, was reported left out (51 left out and 93 added over the book, 6 and 5 read as lines)."""
    from align import align_pair

    folder = DATA.parent / "candide-fr-en"
    result = align_pair(folder / "candide_fr.txt", folder / "candide_en.txt", encoder=use_encoder)
    assert len(result.source.sentences) == 40 and len(result.target.sentences) == 47
    assert [f for f in result.findings if f.type in ("omission", "addition")] == []


PROBE = Path(__file__).parent / "data" / "probe14"


def test_a_sentence_said_twice_in_a_row_is_an_addition_not_a_split(use_encoder):
    """A machine translation caught in a loop wrote "Le reste sera financé par un emprunt
    municipal." twice: a 1-2 pair, reported as an editorial split that `--min-severity content`
    hid. The second is added, and the first stays the source's translation."""
    from align import align_pair

    result = align_pair(str(PROBE / "loop21.en.txt"), str(PROBE / "loop21.fr.txt"), encoder=use_encoder, partial=False)
    found = [(f.type, f.severity, f.tgt) for f in result.findings]
    assert found == [("addition", "content", [8])]
    assert "line 9 of the target" in result.findings[0].message


def test_a_chorus_left_out_at_the_end_is_the_last_one():
    """A song's last chorus left out made a 3-1 pair of the one before it and the last, and the
    length test took the first lines for the ones left out (tied lengths: the first wins)."""
    from align.audit.absorbed import repeated_in_pairs

    texts = (PROBE / "chorus_end.en.txt").read_text(encoding="utf-8").split("\n")
    src = [line for line in texts if line.strip()]
    tgt = ["Je l'ai lue vingt fois avant de tout comprendre", "Tiens bon, tiens bon, la nuit est presque finie",
           "Tiens bon, tiens bon, on chantera une autre chanson"]
    words = ([len(s.split()) for s in src], [len(t.split()) for t in tgt])
    pairs = [((0,), (0,)), ((1,), (1,)), ((2, 3, 4), (2,))]
    assert repeated_in_pairs(pairs, src, tgt, *words, min_words=4) == (frozenset({3, 4}), frozenset())
    # Said again on both sides (a chorus sung twice in each), nothing is extra.
    both = [((0,), (0,)), ((1, 2), (1, 2)), ((3, 4), (3, 4))]
    assert repeated_in_pairs(both, src, src, *(words[0],) * 2, min_words=4) == (frozenset(), frozenset())
    # A line said again alone further on is a novel's, and its translator may reword it.
    lone = ["He shouted at the top of his voice.", "Stand and deliver your money now!", "Nobody moved at all.",
            "Stand and deliver your money now!"]
    assert repeated_in_pairs([((0,), (0,)), ((1,), (1,)), ((2, 3), (2,))], lone, lone[:3],
                             [7, 6, 4, 6], [7, 6, 4], min_words=4) == (frozenset(), frozenset())


def test_the_chorus_left_out_is_reported_at_its_own_lines(use_encoder):
    from align import align_pair

    result = align_pair(str(PROBE / "chorus_end.en.txt"), str(PROBE / "chorus_end.fr.txt"), encoder=use_encoder,
                        partial=False)
    left_out = sorted(i for f in result.findings if f.type == "omission" for i in f.src)
    assert left_out == [3, 4]  # lines 6-7, the second chorus
    assert not [f for f in result.findings if f.type == "addition"]


VENICE = ["Venice's flood barrier system, known as MOSE, was raised for the first time this season on 2 November "
          "2023, as a storm pushed the tide towards 1.4 metres.",
          "The 78 mobile gates, installed at the three inlets that connect the lagoon to the Adriatic Sea, rose "
          "within about 30 minutes.",
          "St. Mark's Square, which begins to flood when the water exceeds 80 centimetres, stayed almost dry."]
VENEZIA = ["Il sistema di barriere contro l'acqua alta di Venezia, noto come MOSE, è stato sollevato per la prima "
           "volta in questa stagione il 2 novembre 2023, mentre una tempesta spingeva la marea verso 1,4 metri.",
           "Le 78 paratoie mobili, installate alle tre bocche di porto che collegano la laguna al mare Adriatico, "
           "si sono alzate in circa 30 minuti.",
           "Piazza San Marco, che inizia ad allagarsi quando l'acqua supera gli 80 centimetri, è rimasta quasi "
           "asciutta."]


def test_a_sentence_whose_figures_the_other_side_lacks_is_proposed():
    from align.audit.absorbed import unmatched_figures_in_pairs

    texts = (VENICE, [VENEZIA[0], VENEZIA[2]])
    # The gates' sentence merged into the first pair: its 78 and 30 stand nowhere in the Italian.
    assert unmatched_figures_in_pairs([((0, 1), (0,)), ((2,), (1,))], texts, ("en", "it")) == (frozenset({1}), frozenset())
    # Merged with the square's instead: the same, whichever end of its pair it stands at.
    assert unmatched_figures_in_pairs([((0,), (0,)), ((1, 2), (1,))], texts, ("en", "it")) == (frozenset({1}), frozenset())
    # The Italian renders it with a figure changed (78 -> 87): a fact of the pair, no sentence left out.
    changed = (VENICE, [VENEZIA[0] + " " + VENEZIA[1].replace("78", "87").replace("30", "40"), VENEZIA[2]])
    assert unmatched_figures_in_pairs([((0, 1), (0,)), ((2,), (1,))], changed, ("en", "it")) == (frozenset(), frozenset())
    # Both sentences of a real merge hold figures the Italian has.
    merged = (VENICE, [VENEZIA[0][:-1] + ", e " + VENEZIA[1][0].lower() + VENEZIA[1][1:], VENEZIA[2]])
    assert unmatched_figures_in_pairs([((0, 1), (0,)), ((2,), (1,))], merged, ("en", "it")) == (frozenset(), frozenset())


def test_a_sentence_with_figures_left_out_of_an_article_is_an_omission(use_encoder):
    # The Italian article of benchmarks/multilingual without its second sentence: its 2-1 bead beat
    # the 1-1 pair and the lower-skip pass's cost by 0.006, and it was an editorial "merge".
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "multilingual" / "it"
    english = " ".join((folder / "en.txt").read_text(encoding="utf-8").split("\n\n")[0].split("\n"))
    italian = (folder / "it.txt").read_text(encoding="utf-8").split("\n\n")[0].split("\n")
    assert english.startswith(VENICE[0]) and italian[1] == VENEZIA[1]
    from align.segmenters import load_segmenter

    src = [english[a:b] for a, b in load_segmenter("auto").split(english, "en")]
    result = align_sentences(src, [italian[0]] + italian[2:], src_lang="en", tgt_lang="it", encoder=use_encoder,
                             partial=True)
    assert [f.src for f in result.findings if f.type == "omission"] == [[1]]
    off = align_sentences(src, [italian[0]] + italian[2:], src_lang="en", tgt_lang="it", encoder=use_encoder,
                          partial=True, thresholds=AuditThresholds(absorbed_figures=None))
    assert not [f for f in off.findings if f.type == "omission"]


def test_a_short_sentence_added_with_a_figure_is_an_addition(use_encoder):
    # "Кроме того, в 2024 г. планируется повторная экспедиция в северную часть озера." put after the
    # first sentence of the Russian article of benchmarks/multilingual: on its topic (0.37 to that
    # sentence, whose pair reads 0.83), it made a 1-2 split, too short beside Russian's long
    # sentences (79 characters) for the length test alone. Its 2024 stands nowhere in English.
    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "multilingual" / "ru"
    english = [line for block in (folder / "en.txt").read_text(encoding="utf-8").split("\n\n")[:2]
               for line in block.split("\n")]
    russian = [line for block in (folder / "ru.txt").read_text(encoding="utf-8").split("\n\n")[:2]
               for line in block.split("\n")]
    added = "Кроме того, в 2024 г. планируется повторная экспедиция в северную часть озера."
    result = align_sentences(english, russian[:1] + [added] + russian[1:], src_lang="en", tgt_lang="ru",
                             encoder=use_encoder, partial=True)
    assert [f.tgt for f in result.findings if f.type == "addition"] == [[1]]
    assert not [f for f in result.findings if f.type in ("omission", "split")]


_FAIR_EN = ("Cairo Book Fair Opens Its 55th Edition\n\n"
            "The Cairo International Book Fair opened on 24 January 2024 at the Egypt International Exhibition "
            "Center. This year's edition hosts 1,200 publishers from 70 countries. Norway is the guest of honour, "
            "and the Norwegian author Jon Fosse will give a talk on 27 January. Tickets cost 5 pounds and can be "
            "bought online at https://www.cibf.gov.eg/tickets. Organisers expect more than 4 million visitors over "
            "14 days. The fair closes on 6 February. A shuttle bus runs every 20 minutes from Tahrir Square. "
            "Visitors can follow updates on X via @CairoBookFair. For press enquiries, write to press@cibf.gov.eg.\n")
_FAIR_FR = ("La Foire du livre du Caire ouvre sa 55e édition\n\n"
            "La Foire internationale du livre du Caire a ouvert le 24 janvier 2024 au Centre international des "
            "expositions d'Égypte. L'édition de cette année accueille 1 200 éditeurs de 70 pays. La Norvège est "
            "l'invitée d'honneur, et l'écrivain norvégien Jon Fosse donnera une conférence le 27 janvier. Les "
            "billets coûtent 5 livres et peuvent être achetés en ligne sur https://www.cibf.gov.eg/tickets. Les "
            "organisateurs attendent plus de 4 millions de visiteurs sur 14 jours. Une navette part toutes les 20 "
            "minutes de la place Tahrir. L'entrée est gratuite pour les enfants de moins de six ans. Les visiteurs "
            "peuvent suivre l'actualité sur X via @CairoBookFair. Pour les demandes de presse, écrivez à "
            "press@cibf.gov.eg.\n")


def test_a_sentence_left_out_and_one_added_after_the_next_are_no_regrouping(tmp_path, use_encoder):
    # A probe's article: "The fair closes on 6 February." left out and a sentence on children's
    # entry added after the next one made a 2-2 pair with the shuttle-bus sentence between them,
    # reported as an editorial "regrouped" at 100 % coverage. Its one close pair stood under every
    # 1-1 pair of the short article, so the test at the document's median pair missed it.
    from align.pipeline import align_pair

    source, target = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text(_FAIR_EN, encoding="utf-8")
    target.write_text(_FAIR_FR, encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder)
    found = sorted((f.type, f.severity, f.src, f.tgt) for f in result.findings)
    assert found == [("addition", "content", [], [7]), ("omission", "content", [6], [])]
    # The same article translated whole: nothing left out or added.
    faithful = _FAIR_FR.replace("L'entrée est gratuite pour les enfants de moins de six ans. ", "")
    target.write_text(faithful.replace("Une navette part", "La foire ferme le 6 février. Une navette part"),
                      encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder)
    assert [f for f in result.findings if f.type in ("omission", "addition", "regrouped")] == []


def test_two_sentences_of_a_two_by_two_pair_that_translate_each_other_are_not_left_out_and_added(use_encoder):
    """Text+Berg test4: OCR ran a page into the next, and a 2-2 gold pair's two sentences stood
    crosswise. Its close pair (the Piz Buin, 0.54) was taken for the one the other two only dilute,
    and "Wenn irgendwann..." and "Quand une partie de mon passé...", each other's translation (0.40),
    were reported left out and added on the unmodified text."""
    from align.audit.absorbed import _diluted
    from align.encoders.base import normalise

    src = ["Im Aufstieg über den Ostgrat von der Fuorcla Buin zum Piz Buin Grond nisse , denen eine starke "
           "subjektive Komponente anhaftet .",
           "Wenn irgendwann , irgendwo das Vergangene , das noch nicht vollständig verdaut ist , wie ein Film im "
           "Eiltempo sich abspult , gelange ich oft zu einer differenzierteren Betrachtungsweise oder sogar zu "
           "einer anderen Sicht der Dinge ."]
    tgt = ["Quand une partie de mon passé qui n' est pas encore entièrement « digérée » se met à se dérouler , "
           "n' importe quand , n' importe où , comme un film accéléré , je parviens souvent à Double page suivante :",
           "En montant au Piz Buin Grond par l' arête est , depuis la Fuorcla Buin une autre compréhension des choses ."]
    src_emb, tgt_emb = use_encoder.encode(src), use_encoder.encode(tgt)
    cosines = normalise(src_emb) @ normalise(tgt_emb).T
    crossed, close = cosines[1, 0], cosines[0, 1]
    assert close > crossed > 0.5 * close  # the two left are each other's translation
    weak = (crossed + close) / 2  # the document's weak cut stood between them
    assert len(_diluted(cosines, weak, src_emb, tgt_emb, (0, 1), (0, 1))) == 0


def test_a_pair_with_proposed_sentences_on_both_sides_is_judged_as_a_whole():
    # A 3-2 pair whose first sentences the lower-skip pass leaves unaligned on both sides, a loose
    # pair of each other: the source one too short to be taken, the target one alone made the pair
    # fit (Alice's "C'est tout simple —" / "'Treacle,' said the Dormouse, ...": a false addition).
    pairs = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4, 5), (3, 4))]
    proposal = [((0,), (0,), 0.5), ((1,), (1,), 0.5), ((2,), (2,), 0.5), ((3,), (), 0.0), ((), (3,), 0.0),
                ((4, 5), (4,), 0.5)]
    src, tgt = lengths(100, 100, 100, 20, 55, 28), lengths(100, 100, 100, 80, 80)
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75) == (frozenset(), frozenset({3}))
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75,
                              both_sides_crossed=True) == (frozenset(), frozenset())
    # A 2-2 pair of one sentence left out and one added is still found so.
    pairs = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4), (3, 4))]
    proposal = [((0,), (0,), 0.5), ((1,), (1,), 0.5), ((2,), (2,), 0.5), ((3,), (), 0.0), ((4,), (4,), 0.5),
                ((), (3,), 0.0)]
    src, tgt = lengths(100, 100, 100, 90, 100), lengths(100, 100, 100, 95, 100)
    assert absorbed_sentences(pairs, proposal, src, tgt, min_length=0.75, crossed_min_length=0.5,
                              both_sides_crossed=True) == (frozenset({3}), frozenset({3}))


def _left_out_beside_a_split(usual):
    """Usual 1-1 pairs of these cosines (sentence k and its translation share axis k), then a
    source sentence left out (n), the next source sentence (n + 1) translated by two target pieces
    (n and n + 1), and one more pair: vectors, lengths and the aligner's 1-1 beads."""
    n = len(usual)
    dim = n + 8
    src, tgt = np.zeros((n + 3, dim)), np.zeros((n + 3, dim))
    for k, cosine in enumerate(usual):
        src[k, k] = 1.0
        tgt[k, k], tgt[k, dim - 1] = cosine, np.sqrt(1 - cosine ** 2)
    src[n, n] = 1.0  # its meaning is nowhere on the other side
    src[n + 1, n + 1] = 1.0
    for j, axis in ((n, n + 3), (n + 1, n + 4)):
        tgt[j, n + 1], tgt[j, axis] = 0.7, np.sqrt(1 - 0.49)
    src[n + 2, n + 2] = tgt[n + 2, n + 2] = 1.0
    src_len, tgt_len = lengths(*[100] * (n + 1), 120, 100), lengths(*[100] * n, 55, 60, 100)
    return src, tgt, src_len, tgt_len, [Bead((k,), (k,), "match", 0.5) for k in range(n + 3)]


def test_a_sentence_left_out_whose_place_a_piece_of_its_neighbours_translation_took_stands_alone():
    """Candide's "I charged the old woman who attends me to bring you hither..." left out of the
    translation, the next sentence translated in two: the aligner paired the sentence left out with
    the first of those two pieces, and its neighbour with the second (two 1-1 "matches")."""
    src, tgt, src_len, tgt_len, beads = _left_out_beside_a_split((0.6, 0.65, 0.7, 0.75, 0.8, 0.85))
    out = _part_of_neighbour(beads, AuditThresholds(), src, tgt, src_len, tgt_len, 0.0)
    assert out[:6] == beads[:6]
    assert [(b.src, b.tgt, b.kind) for b in out[6:]] == [((6,), (), "omission"), ((7,), (6, 7), "match"),
                                                         ((8,), (8,), "match")]
    # Where the piece reads as its own partner's translation, or its neighbour's pair already fits its
    # lengths without it, the pairs stay as the aligner made them.
    own = tgt.copy()
    own[6] = 0.0
    own[6, 6], own[6, 9] = 0.8, 0.6
    assert _part_of_neighbour(beads, AuditThresholds(), src, own, src_len, tgt_len, 0.0) == beads
    fitting = lengths(*[100] * 6, 55, 120, 100)
    assert _part_of_neighbour(beads, AuditThresholds(), src, tgt, src_len, fitting, 0.0) == beads
    assert _part_of_neighbour(beads, AuditThresholds(neighbour_part_margin=None), src, tgt, src_len, tgt_len,
                              0.0) == beads
    # Nor where the piece reads with the neighbour (0.7) under the document's weak pairs (0.9 here).
    src, tgt, src_len, tgt_len, beads = _left_out_beside_a_split((0.9,) * 18)
    assert _part_of_neighbour(beads, AuditThresholds(), src, tgt, src_len, tgt_len, 0.0) == beads
