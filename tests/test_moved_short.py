"""Short lines that are one of a kind in their document move like long ones (findings._release_displaced).
The same subtitles in order: test_swapped.test_the_subtitles_in_order_have_no_finding."""
from pathlib import Path

from align import align_pair

DATA = Path(__file__).parent / "data" / "probe46"


def test_two_short_cues_swapped_are_moved_not_left_out_and_added(use_encoder):
    """Subtitles 9 and 10 traded places in the French. "Merci, Claire." / "Vraiment." were held in
    the pair before them ("- Not since noon." / "- Pas depuis midi."), and "Thank you, Claire. I
    mean it." was reported left out and its translation added: too short (under 30 characters) to
    count as moved, though "Merci, Claire." matches nothing else in the file (0.96, its runner-up 0.41)."""
    result = align_pair(str(DATA / "claire.en.srt"), str(DATA / "claire.fr.swap.srt"),
                        encoder=use_encoder, partial=False)
    content = [f for f in result.findings if f.severity == "content"]
    assert [f.type for f in content] == ["moved"]
    assert not [b for b in result.beads if b.kind in ("omission", "addition")]
    assert {(b.src, b.tgt) for b in result.beads if b.kind == "moved"} == {((10,), (8,)), ((11,), (9,))}
    assert ((7,), (7,), "match") in [(b.src, b.tgt, b.kind) for b in result.beads]

