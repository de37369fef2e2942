"""The on-disk embedding cache, around the real bundled encoder."""
from pathlib import Path

import numpy as np
import pytest

from align.encoders.base import CachedEncoder

TEXTS = ["The meeting took place on September 17 in Istanbul.", "La réunion a eu lieu le 17 septembre.",
         "The meeting took place on September 17 in Istanbul."]


class Counting:
    """Counts the sentences that reach the real encoder."""

    def __init__(self, inner):
        self.inner, self.name, self.batch_size, self.embedded = inner, inner.name, inner.batch_size, 0

    def encode(self, sentences, progress=False):
        self.embedded += len(sentences)
        return self.inner.encode(sentences)


@pytest.fixture
def cached(use_encoder, tmp_path):
    counting = Counting(use_encoder)
    return counting, CachedEncoder(counting, tmp_path)


def test_second_run_reads_every_row_back_unchanged(cached, use_encoder):
    counting, encoder = cached
    first = encoder.encode(TEXTS)
    assert counting.embedded == 2  # the repeated sentence is embedded once
    again = encoder.encode(TEXTS)
    assert counting.embedded == 2
    assert again.dtype == np.float32 and np.array_equal(again, first)
    assert np.array_equal(first, use_encoder.encode(TEXTS))
    # The files stay plain .npy, readable by numpy itself.
    assert np.array_equal(np.load(encoder._path(TEXTS[1])), first[1])


@pytest.mark.parametrize("damage", ["cut short", "float64", "two rows", "not npy"])
def test_a_damaged_or_foreign_file_is_embedded_again(cached, damage):
    counting, encoder = cached
    expected = encoder.encode(TEXTS[:1])
    path = Path(encoder._path(TEXTS[0]))
    if damage == "cut short":
        path.write_bytes(path.read_bytes()[:-8])
    elif damage == "float64":
        np.save(path, expected[0].astype(np.float64))
    elif damage == "two rows":
        np.save(path, np.stack([expected[0], expected[0]]))
    else:
        path.write_bytes(b"garbage")
    assert np.array_equal(encoder.encode(TEXTS[:1]), expected)
    assert counting.embedded == 2
