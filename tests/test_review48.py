"""Inputs a review of this round's reading and segmentation changes read worse than the code before
them (tests/data/review48/): each is read as its sentences again."""
from pathlib import Path

import pytest

from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "review48"


def sentences(name: str) -> list[str]:
    return [s.text for s in load_sentences(read_input(str(DATA / name)), load_segmenter("auto"))]


def test_japanese_wrapped_with_a_closing_mark_hung_past_the_width_is_read_as_wrapped():
    # A line two longer than the width ("…ね。」"): taken as the width, every other line read as the
    # end of its paragraph, and the story was ten sentences, "…黙ってうなず" / "いた。".
    texts = [text.replace(" ", "") for text in sentences("ja_hang2c.txt")]
    assert len(texts) == 5 and texts[1].startswith("父は") and texts[1].endswith("うなずいた。")


def test_a_csv_cell_that_holds_line_breaks_is_one_row():
    texts = sentences("multi.csv")
    assert texts[2] == 'Please arrive early, because the queue at the entrance can be long in the summer months.",checked'
    assert texts[-1] == '3,rules,"Please stay with your group at all times during the visit.",todo'


@pytest.mark.parametrize("name, sentence", [
    # A wrapped line opening on a name and a colon is no mail header field.
    ("mail3.txt", "We spent most of the meeting on the venue for the autumn conference and after a long discussion "
                  "we settled the question in the way proposed by Paul: the hotel in Lyon is cheaper, the trains are "
                  "better and the rooms are larger than the ones we were offered in Nantes or in Lille last year."),
    # A short line before a long address is a wrapped line, not a list's item.
    ("mail4.txt", "The full minutes of the meeting are now available on the board's page at Sharepoint "
                  "https://sharepoint.example.com/sites/board/minutes/2024-03-final and everyone should read them "
                  "before the next meeting on Friday."),
])
def test_a_quoted_paragraph_wrapped_before_a_colon_or_a_long_word_is_one_sentence(name, sentence):
    assert sentence in sentences(name)


@pytest.mark.parametrize("name, labels", [
    ("play_es.txt", ["Sr. GARCÍA. — Buenos días, señora.", "Sra. GÓMEZ. — No, ha salido temprano.",
                     "Sr. GARCÍA. — Entonces volveré mañana."]),
    # Hard-wrapped: each speech after the first opens a line, not the paragraph.
    ("play_fr_wrap.txt", ["MARIANNE. —", "OCTAVE. —", "MARIANNE. —", "OCTAVE. —"]),
])
def test_a_speakers_label_after_a_title_or_in_a_wrapped_scene_stays_with_the_speech(name, labels):
    texts = sentences(name)
    opening = [text for text in texts if any(text.startswith(label) for label in labels)]
    assert len(opening) == len(labels) and not any(text.endswith(". —") or text.rstrip(".").isupper() for text in texts)


def test_a_wrapped_line_of_prose_that_opens_on_a_time_in_brackets_goes_on():
    # A chat log's time stamps stop a line from going on with the one before: only under another
    # stamped line, not in prose ("The first speaker began at" / "(10:45) and talked...").
    assert "The first speaker began at (10:45) and talked for almost an hour about the budget for next year, which " \
           "had grown by ten percent since the last meeting in the spring." in sentences("wrap_time.txt")
