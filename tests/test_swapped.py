"""Neighbouring sentences given in the other order are reported as moved (findings._swapped)."""
from pathlib import Path

import pytest

from align import align_pair

DATA = Path(__file__).parent / "data"


def moved(result):
    return sorted((f.src[0], f.tgt[0]) for f in result.findings if f.type == "moved")


def test_two_steps_swapped_in_a_manual_are_moved(use_encoder):
    """Steps 2 and 4 of a French manual traded places, numbers kept in order: each was paired with
    the other's translation (0.52, 0.55 where the document's pairs score 0.9), and nothing was said."""
    result = align_pair(str(DATA / "probe13" / "en5.md"), str(DATA / "probe13" / "fr5_swap24.md"),
                        encoder=use_encoder, partial=False)
    assert moved(result) == [(2, 4), (4, 2)]  # lines 4 and 6
    assert [f.type for f in result.findings] == ["moved", "moved"]
    assert all(b.kind == "moved" for b in result.beads if (b.src, b.tgt) in (((2,), (4,)), ((4,), (2,))))


def test_lines_swapped_around_a_short_one_are_moved_not_regrouped(use_encoder):
    """Two lines of a dialogue traded places around "Yes." / "Oui.": a 3-3 pair reported as
    "regrouped ... cut at other places", though every line was cut alike."""
    result = align_pair(str(DATA / "probe14" / "dlg.en.txt"), str(DATA / "probe14" / "dlg.fr.swap.txt"),
                        encoder=use_encoder, partial=False)
    assert moved(result) == [(8, 10), (10, 8)]
    assert not [f for f in result.findings if f.type == "regrouped"]
    assert ((9,), (9,), "match") in [(b.src, b.tgt, b.kind) for b in result.beads]


@pytest.mark.parametrize("src, tgt", [("probe13/en5.md", "probe13/fr5.md"), ("probe14/dlg.en.txt", "probe14/dlg.fr.txt")])
def test_a_faithful_translation_in_order_has_no_move(use_encoder, src, tgt):
    result = align_pair(str(DATA / src), str(DATA / tgt), encoder=use_encoder, partial=False)
    assert not result.findings
    assert all(b.kind == "match" for b in result.beads)


def test_two_short_paragraphs_swapped_across_a_heading_are_moved_whole(use_encoder):
    """A probe's README: the introduction (two sentences) and the install paragraph (two) traded
    places across the "Installation" heading. The second sentence of each was paired with the
    other paragraph as 1-2 and 2-1 "matches" of 0.16 and 0.19, and the figures of the unrelated
    sides (Windows 10, Python 3.9) were reported as changed."""
    result = align_pair(str(DATA / "probe46" / "tidepool.en.md"), str(DATA / "probe46" / "tidepool.es.swap.md"),
                        encoder=use_encoder, partial=False)
    assert moved(result) == [(1, 4), (4, 1)]
    assert [f.type for f in result.findings] == ["moved", "moved"]
    # Each sentence with its own translation, the heading between them in place.
    assert [(b.src, b.tgt, b.kind) for b in result.beads[:6]] == [
        ((0,), (0,), "match"), ((1,), (4,), "moved"), ((2,), (5,), "moved"), ((3,), (3,), "match"),
        ((4,), (1,), "moved"), ((5,), (2,), "moved")]


def test_the_readme_translated_in_order_has_no_finding(use_encoder):
    result = align_pair(str(DATA / "probe46" / "tidepool.en.md"), str(DATA / "probe46" / "tidepool.es.md"),
                        encoder=use_encoder, partial=False)
    assert not [f for f in result.findings if f.severity == "content"]


def test_the_first_and_last_subtitles_swapped_are_moved(use_encoder):
    """A probe's subtitles swapped their first and last cues ("Where were you last night?", "Good
    night, Marc."): each was paired in place with the other's translation (0.27 and 0.15), too short
    to seed a moved block and too far apart for neighbours swapped, and nothing was said."""
    result = align_pair(str(DATA / "probe46" / "claire.en.srt"), str(DATA / "probe46" / "claire.fr.first-last-swapped.srt"),
                        encoder=use_encoder, partial=False)
    last = len(result.source.sentences) - 1
    assert moved(result) == [(0, last), (last, 0)]
    assert [f.type for f in result.findings] == ["moved", "moved"]


def test_the_subtitles_in_order_have_no_finding(use_encoder):
    result = align_pair(str(DATA / "probe46" / "claire.en.srt"), str(DATA / "probe46" / "claire.fr.srt"),
                        encoder=use_encoder, partial=False)
    assert not result.findings
