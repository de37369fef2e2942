"""The benchmark's second peer, Bertalign's two passes written again (benchmarks/bertalign.py), on a
real article: Text+Berg test4 with its gold alignment (tests/data, GPL-2)."""
import numpy as np

from conftest import ROOT

from benchmarks.bertalign import BertalignSystem, anchors, bead_types, overlap_texts
from benchmarks.scoring import read_gold, score
from benchmarks.systems import EmbeddingStore

DATA = ROOT / "tests" / "data" / "text-berg-de-fr"


def test_overlaps_and_bead_types_are_bertalign_s():
    layers = overlap_texts(["A.", "", "C."], 3)
    assert layers == [["A.", "BLANK_LINE", "C."], ["PAD", "A. BLANK_LINE", "BLANK_LINE C."],
                      ["PAD", "PAD", "A. BLANK_LINE C."]]
    types = [tuple(t) for t in bead_types(5)]
    assert types[:3] == [(0, 1), (1, 0), (1, 1)] and len(types) == 12 and max(map(sum, types)) == 5


def test_the_peer_aligns_a_real_article_in_order_and_close_to_the_gold():
    german = (DATA / "test4.de").read_text(encoding="utf-8").splitlines()
    french = (DATA / "test4.fr").read_text(encoding="utf-8").splitlines()
    store = EmbeddingStore()
    peer = BertalignSystem(store)
    beads = peer.run(german, french, "de", "fr", None, None).beads
    # Every sentence once, in document order on both sides.
    assert [i for s, _ in beads for i in s] == list(range(len(german)))
    assert [j for _, t in beads for j in t] == list(range(len(french)))
    found = anchors(store.embed(german), store.embed(french))
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(found, found[1:])) and len(found) > len(german) // 2
    scores = score([read_gold(DATA / "test4.defr")], [beads])
    assert scores["f1_strict"] > 0.75 and scores["f1_lax"] > 0.95
