"""Pair checks besides meaning: untranslated targets, length out of the document's range, addresses."""
from pathlib import Path

import pytest

from conftest import seed_lines

from align.audit.facts import compare_facts
from align.audit.qa import length_outliers, untranslated, words_only_the_source_writes

# Seed 000, lines 31-53: the English original; lines 3-29: its French reprint.
ENGLISH = [line for line in seed_lines("000")[30:53] if len(line) > 60]
FRENCH = [line for line in seed_lines("000")[2:29] if len(line) > 60]


def test_a_target_left_in_the_source_language_is_found():
    pairs = list(zip(ENGLISH[:8], FRENCH[:8]))
    assert untranslated(pairs, "en", "fr") == []
    pairs[3] = (ENGLISH[3], ENGLISH[3])  # copied over untranslated
    pairs[5] = (ENGLISH[5], ENGLISH[6])  # an English sentence standing in the French text
    found = untranslated(pairs, "en", "fr")
    assert [(issue.index, issue.message) for issue in found] == [
        (3, "target repeats the source word for word"),
        (5, "target is in English (en), the source's language, not in French (fr)")]


def test_a_name_alone_is_no_untranslated_sentence():
    assert untranslated([("Antony Blinken and Sergey Lavrov", "Antony Blinken and Sergey Lavrov")], "en", "fr") == []


def short_copies_told(copies: list[str], translated: list[tuple[str, str]], src: str = "en", tgt: str = "fr"):
    """The copies (each its own source) `untranslated` tells among a document's translated pairs,
    with the evidence it gives: the words its source writes and its translation never does."""
    pairs = translated + [(copy, copy) for copy in copies]
    found = untranslated(pairs, src, tgt, unpaired_targets=[])
    return [(pairs[issue.index][1], issue.details.get("source_only_words")) for issue in found]


TRANSLATED = [(ENGLISH[k], FRENCH[k]) for k in (0, 1, 2, 3, 4, 8, 9, 10)]


def test_a_short_copy_in_the_sources_words_the_translation_never_writes_is_untranslated():
    # Under 30 letters, a copy was never told: a diagram's node left in English passed unseen.
    assert words_only_the_source_writes(TRANSLATED, []) >= {"the", "of", "and"}
    assert short_copies_told(["Survey the sea bed first.", "Plant the dune grass."], TRANSLATED) == [
        ("Survey the sea bed first.", ["the"]), ("Plant the dune grass.", ["the"])]


@pytest.mark.parametrize("copy", [
    "Sweet Home 3D",  # a name
    "Ludwig van Beethoven",  # a name with its particle in small letters
    "Plan The Harbour Works",  # a heading in capitals: no small-letter word to tell
    "Summary",  # one word
    "sea bed survey",  # words the source writes in fewer than three sentences
])
def test_a_short_copy_of_a_name_a_heading_or_words_without_evidence_is_not_untranslated(copy):
    assert short_copies_told([copy], TRANSLATED) == []


def test_a_short_copy_of_words_the_translation_writes_too_is_not_untranslated():
    # "the" stands in a French sentence of the document (a title left in English, a quotation):
    # no evidence the copy is in the source's language rather than the translation's.
    quoting = TRANSLATED + [("He read it.", "Il a lu « The Times » et « the Guardian ».")]
    assert short_copies_told(["Survey the sea bed first."], quoting) == []


def test_length_is_judged_against_the_documents_own_ratio():
    # The paragraphs of 000 that translate each other line for line (the others are cut differently).
    pairs = [(ENGLISH[k], FRENCH[k]) for k in (0, 1, 2, 3, 4, 8, 9, 10)] * 2
    assert length_outliers(pairs) == []
    cut = list(pairs)
    cut[4] = (pairs[4][0], pairs[4][1][:len(pairs[4][1]) // 4])  # three quarters cut away
    [issue] = length_outliers(cut)
    assert issue.index == 4 and "shorter than this document's pairs usually are" in issue.message
    # The same cut in a document whose pairs are all that short is no outlier: the ratio is relative.
    short = [(src, tgt[:len(tgt) // 4]) for src, tgt in pairs]
    assert length_outliers(short) == []


def test_a_changed_address_is_a_fact_and_a_dropped_one_is_not():
    found = compare_facts("Read it at https://www.politico.eu/article/karabakh-talks and write to tips@politico.eu.",
                          "Lisez-le sur https://www.politico.eu/article/autre-chose et écrivez à info@example.com.",
                          "en", "fr")
    assert [(m.kind, m.src_value, m.tgt_value) for m in found] == [
        ("web address", "https://www.politico.eu/article/karabakh-talks", "https://www.politico.eu/article/autre-chose"),
        ("e-mail", "tips@politico.eu", "info@example.com")]
    assert compare_facts("Follow @POLITICOEurope.", "Suivez @politicoeurope.", "en", "fr") == []
    assert compare_facts("See https://a.org/x.", "Voir le site.", "en", "fr") == []
    [handle] = compare_facts("Follow @POLITICOEurope.", "Suivez @LeMondefr.", "en", "fr")
    assert handle.kind == "handle"


def test_a_link_whose_address_changed_is_a_changed_address():
    """Markdown cleaning keeps a link's words and drops its address: a reprint linking to another
    year's report passed."""
    from align.audit.facts import link_mismatches

    src = "The figures are [in the report](https://example.org/reports/2024-annual)."
    tgt = "Les chiffres sont [dans le rapport](https://example.org/reports/2023-annual)."
    [found] = link_mismatches(src, tgt, "The figures are in the report.", "Les chiffres sont dans le rapport.")
    assert (found.kind, found.src_value, found.tgt_value) == (
        "web address", "https://example.org/reports/2024-annual", "https://example.org/reports/2023-annual")
    # The same address, or one only the cleaned text shows (compare_facts reports that one): nothing.
    same = tgt.replace("2023", "2024")
    assert link_mismatches(src, same, "The figures are in the report.", "Les chiffres sont dans le rapport.") == []
    plain = "See https://a.org/x and https://a.org/y."
    assert link_mismatches(plain, plain.replace("/y", "/z"), plain, plain.replace("/y", "/z")) == []
    # A link's address against the same address written out in the other text.
    assert link_mismatches(src, "Voir https://example.org/reports/2024-annual.", "The figures are in the report.",
                           "Voir https://example.org/reports/2024-annual.") == []


@pytest.mark.parametrize("src, tgt", [
    ("https://example.org/en/report", "https://example.org/fr/rapport"),
    ("https://example.org/report?lang=en", "https://example.org/report?lang=fr"),
    ("https://en.wikipedia.org/wiki/Niger_River", "https://fr.wikipedia.org/wiki/Niger_(fleuve)"),
    ("https://example.org/charts/growth-en.png", "https://example.org/charts/growth-fr.png"),
    ("https://example.org/en-US/about", "https://example.org/fr-FR/a-propos"),
    ("https://example.org/caf%C3%A9?a=1&amp;b=2", "https://example.org/café?a=1&b=2"),
])
def test_a_link_to_the_same_page_in_the_other_language_is_no_change(src, tgt):
    """A reprint points its links at its own language's page: that is good practice, not a changed fact."""
    from align.audit.facts import link_mismatches

    assert link_mismatches(f"[the report]({src})", f"[le rapport]({tgt})", "the report", "le rapport", "en", "fr") == []
    assert compare_facts(f"See {src} today.", f"Voir {tgt} aujourd'hui.", "en", "fr") == []


def test_a_localized_link_with_another_figure_is_still_a_change():
    from align.audit.facts import link_mismatches

    [found] = link_mismatches("[r](https://example.org/en/report-2024)", "[r](https://example.org/fr/rapport-2023)",
                              "r", "r", "en", "fr")
    assert found.tgt_value == "https://example.org/fr/rapport-2023"


def test_align_pair_reports_a_markdown_link_whose_address_changed(tmp_path, use_encoder):
    from align import align_pair

    (tmp_path / "en.md").write_text(
        "The ministry published its annual report on Monday.\n\n"
        "The full figures are [in the report](https://example.org/reports/2024-annual).\n", encoding="utf-8")
    (tmp_path / "fr.md").write_text(
        "Le ministère a publié son rapport annuel lundi.\n\n"
        "Les chiffres complets sont [dans le rapport](https://example.org/reports/2023-annual).\n", encoding="utf-8")
    result = align_pair(str(tmp_path / "en.md"), str(tmp_path / "fr.md"), encoder=use_encoder, partial=False)
    [fact] = [f for f in result.findings if f.type == "fact_mismatch"]
    assert fact.details["kind"] == "web address" and fact.details["tgt_value"].endswith("2023-annual")
    assert fact.details["src_line"] == 3 and fact.severity == "content"


def test_a_contact_line_copied_as_it_is_is_not_untranslated():
    """Every press release copies its contact lines: names, a phone number, an address. They were
    'target repeats the source word for word', a content finding on a faithful translation."""
    contact = "Helios Rail – Marc Lefèvre, +33 4 72 00 12 34, press@heliosrail.example"
    assert untranslated([(contact, contact)], "en", "fr") == []
    for copied in ("The meeting of the board ended shortly after nine o'clock.",
                   "WARNING: DO NOT OPEN THE COVER WHILE THE UNIT IS RUNNING",  # a review's cases: a warning
                   "Terms And Conditions Of Sale For All Our Customers"):  # and a Title Case heading are text
        assert [issue.kind for issue in untranslated([(copied, copied)], "en", "fr")] == ["untranslated"]


def test_a_contact_line_in_a_short_french_file_stays_in_its_text(tmp_path, use_encoder):
    """Read as English, the copied contact line was set aside as the English part of a mixed file,
    its source reported left out and the translation called 'related, not a translation'."""
    from align import align_pair

    contact = "Helios Rail – Marc Lefèvre, +33 4 72 00 12 34, press@heliosrail.example"
    (tmp_path / "en.txt").write_text(f"The company employs 8,500 people.\n\nMedia contacts:\n{contact}\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text(f"L’entreprise emploie 8 500 personnes.\n\nContacts presse :\n{contact}\n",
                                     encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), encoder=use_encoder, partial=False)
    assert not result.target.set_aside and len(result.target.sentences) == 3
    assert result.summary["verdict"] == "translation"
    assert not [f for f in result.findings if f.severity == "content"]


def test_a_sentence_two_close_languages_write_alike_is_no_copy():
    # A probe's Croatian/Serbian pair: the sentence is the same in both languages, and was
    # reported at content severity as the target repeating the source.
    same = "Tada je uginulo više od tri tone ribe."
    assert untranslated([(same, same)], "hr", "sr") == []
    english = "The committee met on Tuesday to discuss the budget."
    assert [i.message for i in untranslated([(english, english)], "en", "fr")] == ["target repeats the source word for word"]


def test_a_target_in_a_third_language_is_found():
    """A probe's French text held a Spanish sentence (a translation memory's wrong match): it was
    paired with its English and passed, since only the source's language was looked for."""
    pairs = [("The rest will be paid by a municipal loan over twenty years.",
              "El resto se financiará con un préstamo municipal a veinte años.")]
    issues = untranslated(pairs, "en", "fr")
    assert [issue.kind for issue in issues] == ["untranslated"]
    assert issues[0].details["detected"] == "es" and "Spanish" in issues[0].message and "French" in issues[0].message
    # The same sentence in the target's language, or in the source's, reads as before.
    assert untranslated([(pairs[0][0], "Le reste sera financé par un emprunt municipal sur vingt ans.")], "en", "fr") == []
    assert "the source's language" in untranslated([(pairs[0][0], pairs[0][0] + " Again.")], "en", "fr")[0].message


def test_a_spanish_sentence_in_a_french_file_is_reported(use_encoder):
    from align import align_pair

    data = Path(__file__).parent / "data" / "probe14"
    result = align_pair(str(data / "lang.en.txt"), str(data / "lang.fr.txt"), encoder=use_encoder, partial=False)
    found = [f for f in result.findings if f.type == "untranslated"]
    assert len(found) == 1 and found[0].severity == "content" and "Spanish" in found[0].message
    assert result.target.sentences[found[0].tgt[0]].text.startswith("Algunas calles")


def test_a_changed_address_is_told_once_not_again_as_a_code():
    found = compare_facts("Download https://example.org/data-2024.csv today.",
                          "Téléchargez https://example.org/data-2023.csv aujourd'hui.", "en", "fr")
    assert [m.kind for m in found] == ["web address"]
    # A code in the text beside it is still a code of its own.
    found = compare_facts("Firmware v2.1.3 is at https://example.org/fw/v2.1.3/.",
                          "Le firmware v2.1.4 est sur https://example.org/fw/v2.1.4/.", "en", "fr")
    assert sorted(m.kind for m in found) == ["code", "web address"]


def test_a_link_within_the_site_whose_path_changed_is_a_changed_address():
    """A reprint's relative link ("/reports/2024.pdf") is read by no address pattern: it was never compared."""
    from align.audit.facts import link_mismatches

    [found] = link_mismatches("The [annual report](/reports/2024.pdf) is out.", "Le [rapport annuel](/reports/2023.pdf) est paru.",
                              "The annual report is out.", "Le rapport annuel est paru.", "en", "fr")
    assert (found.kind, found.src_value, found.tgt_value) == ("web address", "/reports/2024.pdf", "/reports/2023.pdf")
    # The same path, the page in each language, or an anchor on the page: nothing.
    for tgt in ("/reports/2024.pdf", "/fr/reports/2024.pdf"):
        src = "/en/reports/2024.pdf" if tgt.startswith("/fr/") else "/reports/2024.pdf"
        assert link_mismatches(f"[r]({src})", f"[r]({tgt})", "r", "r", "en", "fr") == []
    assert link_mismatches("[r](#top)", "[r](#haut)", "r", "r", "en", "fr") == []


def test_references_option_names_and_code_copied_as_they_are_are_not_untranslated():
    # From chmod(2), ls(1) and open(2) against their French pages: what no translation changes.
    kept = ["chmod(1), chown(2), execve(2), open(2), stat(2), inode(7), path_resolution(7), symlink(7)",
            "--dereference-command-line-symlink-to-dir",
            "#include <fcntl.h>"]
    prose = "The full documentation for diff3 is maintained as a Texinfo manual."
    found = untranslated([(text, text) for text in kept] + [(prose, prose)], "en", "fr")
    assert [issue.index for issue in found] == [3]


def test_a_programs_declarations_and_statements_copied_as_they_are_are_not_untranslated():
    # open(2)'s synopsis and pipe(2)'s example against their Russian pages: each line was
    # "target repeats the source word for word".
    kept = ["#include <fcntl.h>\n\n       int open(const char *pathname, int flags);",
            "const struct open_how *how, size_t size);",
            "/* Documented separately, in openat2(2): */\n       int openat2(int dirfd, const char *pathname,",
            "if (cpid == 0) {    /* Child reads from pipe */",
            'printf("%s", argv[1]);']
    # Prose that ends so is still read: copied, each is untranslated.
    prose = ["The mode argument (see below) is ignored;", "Tom left the old house, quietly (as he always did);",
             "See the GNU General Public License (GPL)"]
    found = untranslated([(text, text) for text in kept + prose], "en", "ru")
    assert [issue.index for issue in found] == [5, 6, 7]


def test_a_command_at_a_shells_prompt_copied_as_it_stands_is_not_untranslated():
    # The Debian Reference's French pages: its commands and a script's comments, copied, were 112
    # of the 1,272 sentences reported untranslated.
    kept = ["$ egrep 'GNU.*LICENSE|Yoyodyne' /usr/share/common-licenses/GPL",
            "$ echo $(date -R) # sub shell --> input to main shell",
            "# set PATH so it includes user's private bin if it exists\nif [ -d ~/bin ] ; then"]
    prose = ["The vim program changes its behavior to typed key strokes based on mode.",
             "# Storms and floods on the western coast of the island"]
    found = untranslated([(text, text) for text in kept + prose], "en", "fr")
    assert [issue.index for issue in found] == [3, 4]


def test_a_programs_identifier_copied_under_its_key_is_not_untranslated():
    # vorta's German and French .ts paired message by message: its example archive names and a
    # repository mode stay as they are in every translation; the English left after one is told.
    copies = [("nyx2.local-2018-11-16T09:49:58", "nyx2.local-2018-11-16T09:49:58"),
              ("Repokey-AES256-OCB", "Repokey-AES256-OCB"),
              ("nyx2.local-2018-11-16T09:49:58 from November 16, 2018",
               "nyx2.local-2018-11-16T09:49:58 from November 16, 2018")]
    assert [issue.index for issue in untranslated(copies, "de", "fr", copy_min_letters=8)] == [2]


def test_a_product_name_copied_under_its_key_is_not_untranslated_a_title_case_label_is():
    # Sweet Home 3D's furniture catalogues: a piece named by its maker stays so in every language;
    # GNUstep's Japanese leaves "NEXT Compression" in English, Sweet Home 3D's French "Group furniture".
    copies = [(name, name) for name in ("Apple iMac 2004", "Peugeot 308 CC", "Yamaha YZR R6", "NEXT Compression",
                                        "Group furniture")]
    assert [copies[issue.index][0] for issue in untranslated(copies, "en", "fr", copy_min_letters=8)] == [
        "NEXT Compression", "Group furniture"]
