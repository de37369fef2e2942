"""benchmarks.multilingual --sweep: every sentence left out, and one added, at every place."""
from benchmarks.multilingual import sweep_language, sweep_report


def test_the_sweep_finds_every_single_change_in_a_polish_article(use_encoder):
    # Polish (USE v3): 11 sentences in 4 paragraphs; each left out in turn, and the inserted
    # sentence of changes.json put after each in turn, whole and in the first two paragraphs.
    result = sweep_language("pl", use_encoder)
    whole, short = result["whole"], result["short"]
    assert (whole["omission_tried"], whole["addition_tried"]) == (11, 11)
    assert (short["omission_tried"], short["addition_tried"]) == (7, 7)
    for row in (whole, short):
        assert row["omission_found"] == row["omission_tried"] and row["addition_found"] == row["addition_tried"]
        assert row["alarms"] == 0 and row["missed"] == []
    assert short["faithful_alarms"] == 0
    report = sweep_report({"pl": result})
    assert "single omissions found 11/11, single additions found 11/11, 0 false alarms" in report
