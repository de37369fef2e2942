"""Moved blocks against a text that repeats itself: synthetic vectors, no encoder, no data."""
import numpy as np
import pytest

from align import AuditThresholds
from align.audit.moves import find_moved_blocks
from align.neighbours import neighbours


@pytest.mark.parametrize("home, moved", [(0.53, False), (0.10, True)])
def test_a_far_pair_is_no_move_when_its_sentence_stands_at_home_beside_a_close_partner(home, moved):
    """A novel says a thing twice: target 2 is most like source 10, far off, but where the aligner
    put it, beside source 2, it is nearly as alike (0.53 against 0.85): no move. Beside an
    unrelated source (0.10) it is one."""
    rng = np.random.default_rng(0)
    basis = np.linalg.qr(rng.normal(size=(64, 64)))[0]
    src = basis[:12].copy()
    tgt = np.stack([0.95 * basis[i] + 0.31 * basis[20 + i] for i in range(12)])
    tgt[10] = 0.1 * basis[10] + 0.995 * basis[40]  # source 10's own place holds nothing like it
    tgt[2] = 0.85 * basis[10] + home * basis[2] + np.sqrt(max(0.0, 1 - 0.85 ** 2 - home ** 2)) * basis[41]
    tgt /= np.linalg.norm(tgt, axis=1, keepdims=True)
    src, tgt = src.astype(np.float32), tgt.astype(np.float32)
    raw = [((i,), (i,), 1.0) for i in range(12)]
    lengths = np.full(12, 60.0)
    blocks = find_moved_blocks(raw, src, tgt, neighbours(src, tgt), AuditThresholds(), lengths, lengths)
    assert (((10,), (2,)) in [bead for block in blocks for bead in block]) is moved
