"""Review of the day's changes (126745a..): regressions and misfires of the new rules on ordinary text."""
from __future__ import annotations

import pytest

from conftest import pdf_of_lines as _pdf, texts_of


@pytest.mark.parametrize("lines, whole", [
    (["La tempête a frappé la côte et trois mille personnes ont perdu le courant, c'est-",
      "à-dire la moitié de la ville, et il faudra des semaines pour que tout revienne."], "c'est-à-dire"),
    (["Le gouvernement a changé sa position vis-",
      "à-vis des syndicats après la grève de la semaine dernière dans la capitale."], "vis-à-vis"),
    (["Le ministre a présenté deux projets et celui-",
      "ci a été adopté par le conseil municipal lors de la séance de mardi soir."], "celui-ci"),
    (["Le conseil municipal a voté la loi le mardi dix-",
      "huit mars après une longue séance de débats dans la salle du conseil."], "dix-huit"),
    (["Les enfants ont vu un arc-",
      "en-ciel au-dessus de la mer après la tempête qui avait frappé la côte."], "arc-en-ciel"),
    (["The committee said that the answer to the question was self-",
      "evident and that no further inquiry into the matter would be held."], "self-evident"),
    (["The minister travelled to the coast with his mother-",
      "in-law and two aides after the storm had hit the harbour town."], "mother-in-law"),
    (["The council approved a budget of 4.5 million for the twenty-",
      "first century programme of the city and the harbour district."], "twenty-first"),
    (["El tratado franco-",
      "alemán fue firmado en la capital después de largas negociaciones entre ambos países."], "franco-alemán"),
    (["De minister sprak met de vertegenwoordigers van de auto-",
      "industrie over de nieuwe regels voor de uitstoot van de fabrieken."], "auto-industrie"),
    (["Правительство сообщило, что кто-",
      "то из министров подал в отставку в понедельник вечером после встречи."], "кто-то"),
    (["The union called the strike non-violent and the non-",
      "violent protest went on against the cuts to the budget of the hospitals."], "non-violent"),
])
def test_a_pdfs_compound_broken_at_its_own_hyphen_keeps_it(tmp_path, lines, whole):
    """The PDF line-end rule (7436544) joined every hyphen it had no evidence on: "c'est-" / "à-dire"
    was read "c'està-dire", "celui-" / "ci" "celuici", "self-" / "evident" "selfevident", "кто-" /
    "то" "ктото", where the old reader kept the compound whole. A compound's hyphen is kept where
    the part after it is a compound, a part makes compounds (usual ones, or the document writes
    one so), or two vowels meet."""
    from align.documents import _embeddable

    [text] = texts_of(_pdf(tmp_path / "doc.pdf", lines))
    assert whole in _embeddable(text)


def test_a_pdfs_typesetter_break_is_still_joined(tmp_path):
    [text] = texts_of(_pdf(tmp_path / "doc.pdf", [
        "La tempête a frappé la côte et trois mille per-",
        "sonnes ont perdu le courant, c'est-à-dire la moitié de la ville, et l'infor-",
        "mation est arrivée tard dans la nuit selon les autorités de la région."]))
    assert "personnes" in text and "l'information" in text


@pytest.mark.parametrize("src, tgt", [
    ("The clinic is open 24/7 for patients.", "درمانگاه ۲۴/۷ برای بیماران باز است."),
    ("The vote was 7/2 in favour.", "رای ۷/۲ به نفع بود."),
    ("The meeting is on 12/3.", "جلسه در ۱۲/۳ است."),
])
def test_a_persian_slash_figure_written_so_on_the_other_side_is_no_decimal(src, tgt):
    """The Persian slash decimal (d82b442) read "۲۴/۷" as 24.7, and a faithful "open 24/7" was
    "number 24 vs ۲۴/۷", where the old reading found nothing. The other side writing the same
    figure with a slash is the same figure; a decimal and a fraction are still read so."""
    from align.audit.facts import compare_facts

    assert compare_facts(src, tgt, "en", "fa") == []
    assert compare_facts("The price rose 2.5 percent.", "قیمت ۲/۵ درصد افزایش یافت.", "en", "fa") == []
    assert compare_facts("Half a cup (1/2).", "نصف پیمانه (۱/۲).", "en", "fa") == []
    assert compare_facts("The vote was 7/2 in favour.", "رای ۷/۳ به نفع بود.", "en", "fa")
