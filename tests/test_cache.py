"""The on-disk embedding cache, around the real bundled encoder."""
import sqlite3
import threading

import numpy as np
import pytest

from align.encoders.base import CachedEncoder, _text_key

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
    # One row a text, in a plain SQLite file: the vector as little-endian float32.
    with sqlite3.connect(encoder.path) as db:
        [(blob,)] = db.execute("SELECT vector FROM vectors WHERE key = ?", (_text_key(TEXTS[1]),)).fetchall()
        assert db.execute("SELECT count(*) FROM vectors").fetchone() == (2,)
    assert np.array_equal(np.frombuffer(blob, dtype="<f4"), first[1])


def test_only_new_sentences_are_embedded(cached):
    counting, encoder = cached
    encoder.encode(TEXTS[:1])
    rows = encoder.encode(TEXTS + ["Une phrase de plus."])
    assert counting.embedded == 1 + 2
    assert np.array_equal(rows[0], rows[2])


def test_a_row_of_another_length_is_embedded_again(cached):
    counting, encoder = cached
    expected = encoder.encode(TEXTS[:2])
    with sqlite3.connect(encoder.path) as db:
        db.execute("UPDATE vectors SET vector = ? WHERE key = ?", (b"\0" * 12, _text_key(TEXTS[0])))
    rows = encoder.encode(TEXTS[:2])
    assert counting.embedded == 2 + 1
    # Embedded alone now, beside the other in the first batch: the same vector to float rounding.
    assert np.allclose(rows[0], expected[0], atol=1e-6) and np.array_equal(rows[1], expected[1])


@pytest.mark.parametrize("bad", [np.nan, np.inf, 0.0])
def test_a_cached_nan_or_zero_row_is_embedded_again(cached, bad):
    counting, encoder = cached
    expected = encoder.encode(TEXTS[:2])
    with sqlite3.connect(encoder.path) as db:
        db.execute("UPDATE vectors SET vector = ? WHERE key = ?",
                   (np.full(512, bad, dtype="<f4").tobytes(), _text_key(TEXTS[0])))
    rows = encoder.encode(TEXTS[:2])
    assert counting.embedded == 2 + 1 and np.isfinite(rows).all()
    assert np.allclose(rows, expected, atol=1e-6)


@pytest.mark.parametrize("damage", ["not a database", "cut short"])
def test_a_damaged_cache_file_is_set_aside_and_started_anew(cached, damage, caplog):
    counting, encoder = cached
    encoder.encode(TEXTS)
    data = encoder.path.read_bytes()
    encoder.path.write_bytes(b"garbage" * 1000 if damage == "not a database" else data[:5000])
    encoder.encode(TEXTS)
    assert "moved to" in caplog.text and encoder.path.with_name(encoder.path.name + ".damaged").exists()
    caplog.clear()
    # A later run (a new encoder object) reads the new cache: nothing embedded, nothing to say.
    later = CachedEncoder(counting, encoder.cache_dir)
    embedded = counting.embedded
    later.encode(TEXTS)
    assert counting.embedded == embedded and caplog.text == ""


@pytest.mark.parametrize("damage", ["not a database", "cut short", "a folder in its place"])
def test_a_damaged_cache_never_stops_an_audit(cached, damage, caplog):
    counting, encoder = cached
    expected = encoder.encode(TEXTS)
    if damage == "not a database":
        encoder.path.write_bytes(b"garbage" * 1000)
    elif damage == "cut short":
        encoder.path.write_bytes(encoder.path.read_bytes()[:5000])
    else:
        encoder.path.unlink()
        encoder.path.mkdir()
    assert np.array_equal(encoder.encode(TEXTS), expected)
    assert counting.embedded == 2 + 2
    assert "embedding cache" in caplog.text and "not usable" in caplog.text


def test_runs_at_the_same_time_share_the_cache(use_encoder, tmp_path):
    texts = [f"Phrase numéro {i} du chapitre." for i in range(300)]
    encoders = [CachedEncoder(use_encoder, tmp_path) for _ in range(3)]
    results, errors = {}, []

    def run(n):
        try:
            results[n] = encoders[n].encode(texts[n * 50:] + texts[: n * 50])
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and not any(e._warned for e in encoders)
    expected = use_encoder.encode(texts)
    for n, rows in results.items():
        # Whoever embedded a text first, in whichever batch: the same vector to float rounding.
        assert np.allclose(rows, np.concatenate([expected[n * 50:], expected[: n * 50]]), atol=1e-6)
    with sqlite3.connect(encoders[0].path) as db:
        assert db.execute("SELECT count(*) FROM vectors").fetchone() == (300,)
