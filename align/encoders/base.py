"""The encoder interface: a list of sentences in, one L2-normalised row per sentence out."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np


class Encoder:
    """Base class of every encoder. Subclasses implement `_encode_batch` and set `name`."""

    name: str = "encoder"
    batch_size: int = 256

    def _encode_batch(self, sentences: list[str]) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def encode(self, sentences: list[str], progress: bool = False) -> np.ndarray:
        """Embed `sentences`, returning float32 rows of unit length, in the same order."""
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        batches = [sentences[i : i + self.batch_size] for i in range(0, len(sentences), self.batch_size)]
        if progress and len(batches) > 1:
            from tqdm import tqdm

            batches = tqdm(batches, desc=f"embedding ({self.name})", unit="batch", file=None, leave=False)
        rows = [np.asarray(self._encode_batch(list(batch)), dtype=np.float32) for batch in batches]
        return normalise(np.concatenate(rows, axis=0))

    @property
    def dim(self) -> int:
        return int(self.encode(["."]).shape[1])


def normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    # An all-zero row (empty text for some models) stays zero instead of becoming NaN.
    return matrix / np.where(norms == 0, 1.0, norms)


def default_cache_dir() -> Path:
    env = os.environ.get("ALIGN_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "align" / "embeddings"


class CachedEncoder(Encoder):
    """Wraps an encoder with an on-disk cache keyed by model name and text hash.

    Re-running an audit after editing one paragraph then re-embeds only that paragraph.
    One .npy file per sentence is simple and safe under concurrent runs (atomic rename).
    """

    def __init__(self, inner: Encoder, cache_dir: Path | None = None):
        self.inner = inner
        self.name = inner.name
        self.batch_size = inner.batch_size
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self._model_key = hashlib.sha1(inner.name.encode("utf-8")).hexdigest()[:16]
        self._model_dir = str(self.cache_dir / self._model_key)

    def _path(self, sentence: str) -> str:
        # A string, not a Path: joining Paths took a tenth of a re-run on a novel.
        digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
        return os.path.join(self._model_dir, digest[:2], digest + ".npy")

    def encode(self, sentences: list[str], progress: bool = False) -> np.ndarray:
        rows: list[np.ndarray | None] = [_read_row(self._path(s)) for s in sentences]
        missing = [i for i, row in enumerate(rows) if row is None]
        if missing:
            # A sentence repeated in the input (a refrain, a share button) is embedded and stored once.
            unique_texts = list(dict.fromkeys(sentences[i] for i in missing))
            fresh = dict(zip(unique_texts, self.inner.encode(unique_texts, progress=progress)))
            for text, row in fresh.items():
                self._store(self._path(text), row)
            for i in missing:
                rows[i] = fresh[sentences[i]]
        if not rows:
            return self.inner.encode([])
        return np.stack(rows).astype(np.float32)

    def _store(self, path: str, row: np.ndarray) -> None:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path[:-4]}.{os.getpid()}.tmp"
            with open(tmp, "wb") as handle:
                np.save(handle, row)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full cache must not stop an audit

    @property
    def dim(self) -> int:
        return self.inner.dim


_NPY_V1 = b"\x93NUMPY\x01"


def _read_row(path: str) -> np.ndarray | None:
    """One cached row, or None when it is missing or not what `_store` writes.

    np.load parses every header with ast.literal_eval: 145 microseconds a file, 3 of the 7 s of a
    re-run on a novel whose 22,000 sentences and clauses are all cached. Our files all come from
    np.save of one 1-D little-endian float32 row, so checking the header's three fields as bytes
    and taking the data after it reads the same files ten times faster."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if not data.startswith(_NPY_V1) or len(data) < 10:
        return None
    start = 10 + int.from_bytes(data[8:10], "little")
    header, values = data[10:start], len(data) - start
    # Anything else (another writer's file, one cut short) is embedded again.
    if values <= 0 or values % 4 or b"'descr': '<f4'" not in header or b"'fortran_order': False" not in header:
        return None
    if b"'shape': (%d,)" % (values // 4) not in header:
        return None
    return np.frombuffer(data, dtype="<f4", offset=start)
