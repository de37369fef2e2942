"""A sentence swapped for another in a short text: reported, whatever the aligner paired it with."""
from pathlib import Path

from align import align_pair, align_sentences

PAGE_EN = ["The city of Tokyo is large.", "She said the water is clean yesterday.",
           "Click the icon to open the settings.", "The old value was 5 mg 7 mg per litre.",
           "Three stations were closed for repairs in July.", "Press Save to keep the changes.",
           "Enter the code in the box."]
PAGE_FR = ["La ville de Tokyo est grande.", "Elle a dit l’eau est propre hier.",
           "Cliquez sur l’icône pour ouvrir les réglages.", "L’ancienne valeur était de 5 mg 7 mg par litre.",
           "Ce rapport a été traduit par un prestataire externe.", "Appuyez sur Enregistrer pour garder les modifications.",
           "Saisissez le code dans la case."]


def test_a_sentence_replaced_in_a_page_of_seven_is_reported(use_encoder):
    # Found by a probe: the two stood alone between good pairs, each other's best match for want
    # of anything closer, and passed as a match at 0.17: no finding, verdict "100%".
    result = align_sentences(PAGE_EN, PAGE_FR, src_lang="en", tgt_lang="fr", encoder=use_encoder)
    assert [(f.type, f.src, f.tgt) for f in result.findings if f.severity == "content"] == [("replaced", [4], [4])]


LAB_REPORT = Path(__file__).parent / "data" / "kinds-of-text"


def test_a_sentence_left_out_one_sentence_from_one_added_is_no_pair_of_wrong_matches(use_encoder):
    # Found by a probe: "Three stations..." left out and "Ce rapport..." (a paragraph of its own)
    # added one sentence later; the aligner paired "Three stations" with "Les résultats" and "The
    # results" with "Ce rapport" (0.22 and 0.41), and the report had no finding.
    result = align_pair(LAB_REPORT / "lab_report_en.html", LAB_REPORT / "lab_report_fr.html", encoder=use_encoder)
    source, target = [s.text for s in result.source.sentences], [s.text for s in result.target.sentences]
    left_out = source.index("Three stations were closed for repairs in July.")
    added = target.index("Ce rapport a été traduit par un prestataire externe.")
    results = (source.index("The results were sent to the ministry."), target.index("Les résultats ont été envoyés au ministère."))
    assert ((results[0],), (results[1],)) in [(tuple(b.src), tuple(b.tgt)) for b in result.beads if b.kind == "match"]
    content = sorted((f.type, f.src, f.tgt) for f in result.findings if f.severity == "content")
    assert content == [("addition", [], [added]), ("omission", [left_out], [])]
