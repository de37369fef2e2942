"""--src-lang / --tgt-lang choose a part of a mixed file; they never take lines out of a text."""
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from align.documents import load_sentences, text_parts
from align.errors import InputError
from align.language import parse_language_tag
from align.loading import load_documents
from align.reading import read_input
from align.segmenters import load_segmenter
from conftest import seed


@pytest.mark.parametrize("tag,expected", [
    ("en", ("en", "en")), ("EN", ("en", "en")), ("en-US", ("en", "en-US")), ("en_gb", ("en", "en-GB")),
    ("zh-CN", ("zh", "zh-CN")), ("zh-hant-tw", ("zh", "zh-Hant-TW")), (" fr ", ("fr", "fr")),
])
def test_language_tags_are_normalised_and_keep_their_region(tag, expected):
    assert parse_language_tag(tag) == expected


@pytest.mark.parametrize("tag", ["english", "e", "fr--", "12", "", "en US"])
def test_what_is_no_language_tag_is_refused(tag):
    with pytest.raises(ValueError, match="not a language code"):
        parse_language_tag(tag)


@pytest.mark.parametrize("segmenter", ["auto", "lines"])
def test_flags_keep_every_line_of_a_single_language_file(segmenter):
    # 002 is French and ends with "Facebook", "Twitter", ... that the detector calls English:
    # with --tgt-lang fr they used to vanish from the report (23 sentences instead of 29).
    seg = load_segmenter(segmenter)
    _, plain = load_documents(seed("000"), seed("002"), segmenter=seg)
    _, flagged = load_documents(seed("000"), seed("002"), src_lang="en", tgt_lang="fr", segmenter=seg)
    assert [s.original for s in flagged.sentences] == [s.original for s in plain.sentences]
    stray = [s.original for s in plain.sentences if s.lang != "fr"]
    assert "Facebook" in stray


def test_a_flag_takes_its_part_of_a_mixed_file_with_the_strays_in_it(caplog):
    # 000: a French reprint (lines 3-29), then the English original (lines 31-53).
    src, tgt = load_documents(seed("000"), seed("002"), src_lang="en-GB", tgt_lang="fr")
    assert src.lang == "en" and src.locale == "en-GB" and tgt.locale == "fr"
    assert min(s.line for s in src.sentences) == 31 and "English part (lines 31-53)" in caplog.text
    french, english = load_documents(seed("000"), src_lang="fr", tgt_lang="en")
    raw = read_input(seed("000"))
    everything = load_sentences(raw, load_segmenter("auto"))
    # The two halves of a mixed file hold every sentence of it between them.
    assert len(french.sentences) + len(english.sentences) == len(everything)


def test_a_flag_that_contradicts_the_text_says_so_and_keeps_it(caplog):
    with caplog.at_level(logging.WARNING, logger="align"):
        src, tgt = load_documents(seed("000"), seed("002"), src_lang="en", tgt_lang="de")
    assert tgt.lang == "de" and len(tgt.sentences) == 29
    assert "reads as French (fr), not German (de) as --tgt-lang says" in caplog.text


@pytest.mark.parametrize("tag, expected", [
    ("eng", ("en", "en")), ("fra", ("fr", "fr")), ("fre-CA", ("fr", "fr-CA")), ("deu", ("de", "de")),
    ("ger", ("de", "de")), ("zho-Hant", ("zh", "zh-Hant")), ("ell", ("el", "el")), ("yue", ("zh", "yue")),
])
def test_three_letter_codes_name_the_language_of_their_two_letter_code(tag, expected):
    """`--src-lang eng` was an unknown language "eng": the run fell back to the other encoder,
    dropped the clause checks and wrote "eng" into the TMX."""
    assert parse_language_tag(tag) == expected


_ARTICLE = ["The minister spoke to reporters on Monday about the new budget plan.",
            "She said the reform would take three years to complete in full.",
            "« Nous ne reculerons pas devant les difficultés », a-t-elle déclaré.",
            "Critics said the plan was too expensive for the regions.",
            "The vote will take place in May after a long debate."]


def test_a_flag_keeps_a_quotation_in_another_language_inside_its_text(tmp_path, caplog):
    """An English article quoting a French sentence: with --src-lang en the quotation was taken
    for a French part of the file and dropped, and its French rendering reported as added. A text
    and its translation interleaved paragraph by paragraph are still two parts."""
    path = tmp_path / "article.txt"
    path.write_text("\n\n".join(_ARTICLE) + "\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Le vote aura lieu en mai après un long débat.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        src, _ = load_documents(str(path), str(other), src_lang="en", tgt_lang="fr")
    assert [s.original for s in src.sentences] == _ARTICLE and "part" not in caplog.text
    french = ["Le ministre a parlé aux journalistes lundi du nouveau plan budgétaire.",
              "Elle a dit que la réforme prendrait trois ans.", "Les critiques ont dit que le plan coûtait trop cher.",
              "Le vote aura lieu en mai après un long débat."]
    english = [_ARTICLE[0], _ARTICLE[1], _ARTICLE[3], _ARTICLE[4]]
    path.write_text("\n\n".join(line for pair in zip(english, french) for line in pair) + "\n", encoding="utf-8")
    src, tgt = load_documents(str(path), src_lang="en", tgt_lang="fr")
    assert [s.original for s in src.sentences] == english and [s.original for s in tgt.sentences] == french
    # A paragraph, its translation, then a long translator's note in English: the translation is
    # no quotation (it is the size of the paragraph it renders), and the file still has two parts.
    note = ("Translator's note: the minister's words were reported by several newspapers on the same day, and "
            "each of them chose a slightly different wording for the last sentence of her speech, which we "
            "follow here as the agency printed it in its first dispatch that evening.")
    path.write_text("\n\n".join([" ".join(english[:2]), " ".join(french[:2]), note]) + "\n", encoding="utf-8")
    src, tgt = load_documents(str(path), src_lang="en", tgt_lang="fr")
    assert [s.original for s in tgt.sentences] == french[:2]


_CHINESE = ["今天天气很好。", "我们去公园散步吧。", "他昨天买了一本新书。", "这家餐厅的菜很好吃。"]
_ENGLISH = ["The weather is nice today.", "Let us take a walk in the park.", "He bought a new book yesterday.",
            "The food in this restaurant is delicious."]


@pytest.mark.parametrize("name, layout", [
    ("pairs.tsv", lambda: "".join(f"{zh}\t{en}\n" for zh, en in zip(_CHINESE, _ENGLISH))),
    ("pairs.srt", lambda: "\n".join(f"{k}\n00:00:0{k},000 --> 00:00:0{k},900\n{zh}\n{en}\n"
                                    for k, (zh, en) in enumerate(zip(_CHINESE, _ENGLISH), 1))),
])
def test_short_chinese_lines_beside_their_english_are_chinese(tmp_path, name, layout):
    """Each Chinese line has under 20 letters, too few to judge alone, and took the language of
    the English around it: a Chinese-English table was refused as 'both texts are in English', a
    bilingual subtitle file as 'only English text found'. A short line now leans only on text in
    its own script, and short lines with none around them are judged together."""
    path = tmp_path / name
    path.write_text(layout(), encoding="utf-8")
    texts = {doc.lang: [s.text for s in doc.sentences] for doc in load_documents(str(path))}
    assert texts == {"zh": _CHINESE, "en": _ENGLISH}


def test_a_text_and_a_much_wordier_translation_interleaved_are_two_texts(tmp_path):
    """A hotel's notices in English, each followed by a German rendering two or three times as
    long: the English paragraphs were taken for quotations inside a German text, and a short one
    ("Checkout is at eleven.") for German; the file gave one English sentence against seven."""
    english = ["Welcome to our hotel, we are very happy that you have come to stay with us.",
               "Breakfast is served from seven.", "Checkout is at eleven.", "Towels are changed daily."]
    german = ["Herzlich willkommen in unserem Hotel, wir freuen uns sehr über Ihren Besuch.",
              "Das Frühstück wird täglich ab sieben Uhr im Restaurant im Erdgeschoss serviert.",
              "Die Abreise muss bis spätestens elf Uhr am Vormittag an der Rezeption erfolgen.",
              "Die Handtücher werden auf Wunsch täglich von unserem Reinigungspersonal gewechselt."]
    path = tmp_path / "notices.txt"
    path.write_text("\n\n".join(line for pair in zip(english, german) for line in pair) + "\n", encoding="utf-8")
    texts = {doc.lang: [s.text for s in doc.sentences] for doc in load_documents(str(path))}
    assert texts == {"en": english, "de": german}


def test_share_buttons_and_a_source_line_in_a_chinese_half_stay_in_it(tmp_path):
    """Found by a review helper: with short lines leaning only on text in their own script,
    'Facebook', 'Twitter' and '来源：Reuters' in the Chinese half of a page went to the English text
    before it, reported there as left out. Latin letters stand in every script's text."""
    lines = ["The city council approved the new budget on Tuesday after a long debate about public transport.",
             "The mayor said the plan would add twenty new bus lines and extend the tram network by 2026.",
             "Photo: Reuters", "市议会在就公共交通问题进行长时间辩论后，于周二批准了新预算。",
             "市长表示，该计划将新增二十条公交线路，并在2026年前扩建有轨电车网络。", "Facebook", "Twitter",
             "反对派议员认为成本被低估，并要求进行独立审查。", "来源：Reuters"]
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    texts = {doc.lang: [s.text for s in doc.sentences] for doc in load_documents(str(path))}
    assert texts == {"en": lines[:3], "zh": lines[3:]}


def test_two_quotations_in_a_short_article_stay_in_it(tmp_path):
    """Found by a review helper: with a language alternating once it had a run for every three
    sentences of the other, two French quotations in a three-paragraph English article were taken
    for a French text of its own, set aside from the article."""
    paragraphs = ["The French president spoke to reporters in Marseille on Friday afternoon after visiting the harbour.",
                  "« Nous ne lâcherons rien face aux pressions de Bruxelles. »",
                  "He then promised new funding for the harbour, which has lost thousands of jobs over the past decade.",
                  "« La mer est notre avenir et celui de nos enfants. »",
                  "Local officials welcomed the announcement but said they would wait to see the money first."]
    path = tmp_path / "article.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    other = tmp_path / "de.txt"
    other.write_text("Der französische Präsident sprach am Freitag in Marseille mit Reportern.\n", encoding="utf-8")
    src, _ = load_documents(str(path), str(other), src_lang="en", tgt_lang="de")
    assert [s.original for s in src.sentences] == paragraphs and not src.set_aside


def test_swapped_language_flags_do_not_call_every_pair_untranslated(tmp_path, use_encoder, caplog):
    """Found by a probing helper: with --src-lang fr --tgt-lang en on an English original and its
    French translation, every pair's target was "in French, the source's language": false content
    findings beside the warnings that each text reads as the other language. With the flags right,
    a sentence left in English is still called untranslated."""
    from align import align_pair

    english = tmp_path / "en.txt"
    english.write_text("The committee met on Tuesday morning to discuss the budget for next year.\n"
                       "The chair promised a detailed answer on the maintenance costs by next month.\n", encoding="utf-8")
    french = tmp_path / "fr.txt"
    french.write_text("Le comité s'est réuni mardi matin pour discuter du budget de l'année prochaine.\n"
                      "La présidente a promis une réponse détaillée sur les coûts d'entretien d'ici le mois prochain.\n",
                      encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        swapped = align_pair(english, french, src_lang="fr", tgt_lang="en", encoder=use_encoder)
    assert not [f for f in swapped.findings if f.type == "untranslated"] and "not French (fr)" in caplog.text
    english.write_text("The committee met on Tuesday morning to discuss the budget for next year.\n"
                       "The chair promised a detailed answer on the maintenance costs by next month.\n"
                       "Several members said that the harbour needed new cranes and a longer quay.\n", encoding="utf-8")
    french.write_text("Le comité s'est réuni mardi matin pour discuter du budget de l'année prochaine.\n"
                      "The chair promised a detailed answer on the maintenance costs by next month.\n"
                      "Plusieurs membres ont dit que le port avait besoin de nouvelles grues et d'un quai plus long.\n",
                      encoding="utf-8")
    left = align_pair(english, french, src_lang="en", tgt_lang="fr", encoder=use_encoder)
    assert [f.tgt for f in left.findings if f.type == "untranslated"] == [[1]]


def test_the_part_of_a_two_column_table_is_named_by_its_rows(tmp_path, caplog):
    """A 7-row English-French table given beside a French file: stderr said the English part was
    "lines 1-19", lines of the text read out of the table, where the file has seven."""
    rows = [("The council met on Tuesday to discuss the new budget.", "Le conseil s'est réuni mardi pour discuter du budget."),
            ("The mayor said the city would spend more on schools.", "La maire a dit que la ville dépenserait plus pour les écoles."),
            ("Critics argued that the plan ignored local artists.", "Les critiques ont dit que le plan ignorait les artistes locaux."),
            ("The vote was postponed until the spring.", "Le vote a été reporté au printemps."),
            ("Residents will be able to comment online.", "Les habitants pourront commenter en ligne."),
            ("The meeting ended shortly after nine.", "La réunion s'est terminée peu après neuf heures."),
            ("A buffet was served to the participants.", "Un buffet a été servi aux participants.")]
    table = tmp_path / "bi.tsv"
    table.write_text("".join(f"{en}\t{fr}\n" for en, fr in rows), encoding="utf-8")
    other = tmp_path / "fr.txt"
    other.write_text("\n".join(fr for _, fr in rows) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        src, _ = load_documents(str(table), str(other))
    assert len(src.sentences) == 7 and "English part (rows 1-7)" in caplog.text


CLOSE = Path(__file__).parent / "data" / "close-languages"


def test_close_languages_are_no_mixed_file():
    # Sentence by sentence the detector reads 1 of the 9 Indonesian sentences as Malay, and the
    # Serbian ones as Serbian, Croatian and Slovenian: no file here holds two texts, and `align
    # pair id.txt ms.txt` used to align the one "Malay" line of id.txt, leaving out the other 8.
    seg = load_segmenter("auto")
    for name in ("id.txt", "ms.txt", "sr_lat.txt"):
        sentences = load_sentences(read_input(str(CLOSE / name)), seg)
        assert len({s.lang for s in sentences}) > 1  # what the detector says line by line
        parts = text_parts(sentences, told_apart=True)
        assert len(parts) == 1 and len(next(iter(parts.values()))) == len(sentences), name
        assert len(text_parts(sentences)) > 1  # a file given alone as holding two texts is split as before


def test_a_text_and_its_translation_in_a_close_language_stay_two_parts(tmp_path):
    # Spanish and Portuguese, Russian and Ukrainian: the detector tells them apart on whole
    # texts, so a page holding an article and its translation still gives its other half.
    seg = load_segmenter("auto")
    for first, second in (("es.txt", "pt.txt"), ("ru.txt", "uk.txt")):
        page = tmp_path / f"{first}+{second}"
        page.write_text("\n\n".join((CLOSE / name).read_text(encoding="utf-8") for name in (first, second)),
                        encoding="utf-8")
        parts = text_parts(load_sentences(read_input(str(page)), seg), told_apart=True)
        assert list(parts) == [first[:2], second[:2]] or list(parts) == [second[:2], first[:2]]


def test_flags_read_all_of_two_close_language_files():
    src, tgt = load_documents(str(CLOSE / "id.txt"), str(CLOSE / "ms.txt"), src_lang="id", tgt_lang="ms")
    assert (src.lang, tgt.lang) == ("id", "ms")
    for doc, name in ((src, "id.txt"), (tgt, "ms.txt")):
        assert [s.original for s in doc.sentences] == (CLOSE / name).read_text(encoding="utf-8").splitlines()
        assert doc.set_aside == []


@pytest.mark.parametrize("files, langs", [(("id.txt", "ms.txt"), ("id", "ms")),
                                           (("sr_cyr.txt", "sr_lat.txt"), ("sr", "sr-Latn")),
                                           (("sr_lat.txt", "sr_cyr.txt"), ("sr-Latn", "sr"))])
def test_two_files_read_as_one_language_unsurely_are_read_apart_and_whole(files, langs):
    # Without flags both files read as Indonesian (or Serbian), the Malay (the Serbian in Latin
    # letters) unsurely, Malay (Serbian in Latin script, not Croatian, beside the Cyrillic) its next
    # likeliest: they are aligned whole, that reading
    # said on stderr with the flag that changes it. Refused before as "both texts are in
    # Indonesian", and earlier still a part of one file was taken (8 of 9 lines dropped) or a
    # traceback came (KeyError on sr_cyr.txt sr_lat.txt).
    done = subprocess.run([sys.executable, "-m", "align", "pair", *(str(CLOSE / f) for f in files), "-f", "json"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["source"]["lang"], report["target"]["lang"]) == langs
    unsure = files[0] if langs[0] in ("ms", "sr-Latn") else files[1]
    assert f"{unsure}: read as " in done.stderr and "its next likeliest language" in done.stderr
    for side, name in zip(("source", "target"), files):
        lines = (CLOSE / name).read_text(encoding="utf-8").splitlines()
        assert [s["text"] for s in report[side]["sentences"]] == lines
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("tags", [("nb", "nn"), ("pt-PT", "pt-BR")])
def test_two_tags_of_one_language_are_named_as_typed(tags):
    # "both say Norwegian (no)" answered `--src-lang nb --tgt-lang nn` as if the user had typed one code twice.
    with pytest.raises(InputError) as refused:
        load_documents(seed("000"), seed("002"), src_lang=tags[0], tgt_lang=tags[1])
    assert f"--src-lang {tags[0]} and --tgt-lang {tags[1]}" in str(refused.value)
    assert "another standard or region of one language" in str(refused.value)


def test_a_language_guessed_from_too_little_text_is_said(tmp_path, caplog):
    # "Le chat dort." reads as German (score 0.27): the guess went into the TMX's xml:lang unsaid.
    (tmp_path / "en.txt").write_text("The cat sleeps on the sofa.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Le chat dort.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        src, tgt = load_documents(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"))
    unsure = [r.getMessage() for r in caplog.records if "unsure of its language" in r.getMessage()]
    assert len(unsure) == 1 and "fr.txt" in unsure[0] and "--tgt-lang" in unsure[0]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="align"):
        load_documents(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), tgt_lang="fr")
        load_documents(seed("000"), seed("001"))
    assert not [r for r in caplog.records if "unsure" in r.getMessage()]


RIVERTON = [("The city council of Riverton approved a new budget on Tuesday.",
             "Le conseil municipal de Riverton a approuvé mardi un nouveau budget."),
            ("The plan sets aside 12 million dollars for public transport.",
             "Le plan réserve 12 millions de dollars aux transports publics."),
            ("Mayor Helen Park said the money would pay for forty new buses.",
             "La maire Helen Park a déclaré que l'argent servirait à acheter quarante nouveaux bus."),
            ("Critics argued that the roads needed repairs first.",
             "Les critiques ont fait valoir que les routes devaient d'abord être réparées."),
            ("The vote passed by seven votes to four.", "Le vote a été acquis par sept voix contre quatre."),
            ("Work on the first bus lanes will begin in March.",
             "Les travaux des premières voies de bus commenceront en mars.")]


def test_a_file_of_lines_and_their_translations_beside_the_original_aligns_its_other_language(tmp_path, caplog):
    # English lines each followed by its French, given beside the English original: taken whole,
    # the file's English lines were paired with the original's and every French line was "added".
    original = tmp_path / "en.txt"
    original.write_text("\n".join(english for english, _ in RIVERTON) + "\n", encoding="utf-8")
    both = tmp_path / "en_fr.txt"
    both.write_text("\n".join(line for pair in RIVERTON for line in pair) + "\n", encoding="utf-8")
    for source, target in ((original, both), (both, original)):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="align"):
            src, tgt = load_documents(source, target)
        mixed = src if source == both else tgt
        assert mixed.lang == "fr" and [s.text for s in mixed.sentences] == [french for _, french in RIVERTON]
        assert [s.text for s in mixed.set_aside] == [english for english, _ in RIVERTON]
        assert "holds French (fr) and English (en) text; aligning its French part" in caplog.text
    # A flag still takes the part it names, and a French text quoting one English line keeps it.
    src, tgt = load_documents(original, both, tgt_lang="fr")
    assert len(tgt.sentences) == 6
    quoting = tmp_path / "fr.txt"
    quoting.write_text(" ".join(french for _, french in RIVERTON[:3]) + "\n\n\"We will not wait any longer,\" the "
                       "mayor wrote in English.\n\n" + " ".join(french for _, french in RIVERTON[3:]) + "\n",
                       encoding="utf-8")
    src, tgt = load_documents(original, quoting)
    assert len(tgt.sentences) == 7 and not tgt.set_aside


def test_afrikaans_beside_dutch_is_read_apart_and_beside_english_the_doubt_is_said(caplog):
    # The detector reads the Afrikaans paragraph as Dutch (0.51; Afrikaans 0.39). Beside its Dutch
    # original it was refused as "both texts are in Dutch" (Afrikaans was no language align named);
    # beside the English it was aligned as Dutch, on the encoder that does not cover Afrikaans, unsaid.
    load = lambda *names, **flags: load_documents(*(str(CLOSE / name) for name in names), **flags)
    src, tgt = load("nl_budget.txt", "af_budget.txt")
    assert (src.lang, tgt.lang) == ("nl", "af")
    with caplog.at_level(logging.WARNING, logger="align"):
        load("en_budget.txt", "af_budget.txt")
    said = [r.getMessage() for r in caplog.records if "af_budget.txt" in r.getMessage()]
    assert said and "Afrikaans (af)" in said[0] and "--tgt-lang" in said[0]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="align"):
        load("en_budget.txt", "nl_budget.txt")
    assert not caplog.records
    with caplog.at_level(logging.WARNING, logger="align"):
        assert load("en_budget.txt", "af_budget.txt", tgt_lang="af")[1].lang == "af"
    assert "almost as much" not in caplog.text


@pytest.mark.parametrize("code, name", [("gl", "Galician (gl)"), ("eu", "Basque (eu)"), ("af", "Afrikaans (af)"),
                                        ("is", "Icelandic (is)")])
def test_the_fallback_encoders_languages_are_named(code, name):
    from align.language import language_name

    assert language_name(code) == name


XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
         'srcLang="en" trgLang="fr"><file id="f1">'
         '<unit id="u1"><segment><source>The storm reached the coast on Monday.</source>'
         '<target>La tempête a atteint la côte lundi.</target></segment></unit>'
         '<unit id="u2"><segment><source>It destroyed 300 houses.</source>'
         '<target>Elle a détruit 300 maisons.</target></segment></unit></file></xliff>')


def test_a_flag_naming_a_language_a_bilingual_file_is_not_in_is_refused(tmp_path):
    """--tgt-lang de on an XLIFF from English into French labelled the French German, in every
    report and in the TMX written from it, unsaid."""
    path = tmp_path / "job.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    with pytest.raises(InputError, match=r"its translations are in French \(fr\), not German \(de\) as --tgt-lang says"):
        load_documents(str(path), tgt_lang="de")
    with pytest.raises(InputError, match=r"its sources are in English \(en\), not French \(fr\) as --src-lang says"):
        load_documents(str(path), src_lang="fr")
    original = tmp_path / "en.txt"
    original.write_text("The storm reached the coast on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"holds English \(en\) and French \(fr\) text, no German \(de\)"):
        load_documents(str(original), str(path), tgt_lang="de")
    source, target = load_documents(str(path), tgt_lang="fr")
    assert (source.lang, target.lang) == ("en", "fr")


def test_a_declaration_the_text_belies_yields_to_the_flag(tmp_path, caplog):
    """A CAT tool set up for the wrong language writes trgLang="fr" over German translations: the
    flag that says German is right, and said."""
    path = tmp_path / "job.xlf"
    path.write_text(XLIFF.replace("La tempête a atteint la côte lundi.", "Der Sturm erreichte am Montag die Küste.")
                    .replace("Elle a détruit 300 maisons.", "Er zerstörte 300 Häuser."), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        _source, target = load_documents(str(path), tgt_lang="de")
    assert target.lang == "de" and "declares its translations French (fr) but they read as German (de)" in caplog.text
