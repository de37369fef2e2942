"""The encoder interface: a list of sentences in, one L2-normalised row per sentence out."""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from pathlib import Path

import numpy as np

from ..errors import ModelError

log = logging.getLogger("align")


class Encoder:
    """Base class of every encoder. Subclasses implement `_encode_batch` and set `name`."""

    name: str = "encoder"
    # Whether embedding runs of 2-4 joined sentences is cheap enough to refine multi-sentence
    # beads with (align/joined.py); about three more texts per sentence.
    embeds_windows: bool = False
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
        rows = [as_matrix(self._encode_batch(list(batch))) for batch in batches]
        return normalise(checked_vectors(np.concatenate(rows, axis=0), len(sentences), self.name))

    def encode_windows(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """One row per span (start, stop): the vector of `" ".join(texts[start:stop])`. Encoders
        that can compose it from the texts' own work (USE v3) override this."""
        return self.encode([" ".join(texts[start:stop]) for start, stop in spans])

    @property
    def dim(self) -> int:
        return int(self.encode(["."]).shape[1])


def as_matrix(vectors) -> np.ndarray:
    """float32 rows from what an encoder returns: an array, a list of rows or a (CPU or GPU) tensor."""
    if hasattr(vectors, "detach"):  # numpy has no bfloat16: through float32 first
        vectors = vectors.detach().cpu().float().numpy()
    return np.asarray(vectors, dtype=np.float32)


def non_finite_rows(matrix: np.ndarray) -> np.ndarray:
    """Indices of the rows holding a NaN or an infinity (a row's sum is non-finite exactly then)."""
    return np.flatnonzero(~np.isfinite(matrix.sum(axis=1, dtype=np.float64)))


def checked_vectors(matrix: np.ndarray, count: int, name: str) -> np.ndarray:
    """`matrix` when it holds one finite row per text. A model that gives NaN for a few texts (a
    half-precision overflow, an empty text) made every pair of the document 'unrelated', silently."""
    if matrix.ndim != 2 or len(matrix) != count:
        raise ModelError(f"the encoder {name} returned an array of shape {matrix.shape} for {count} texts")
    bad = non_finite_rows(matrix)
    if len(bad):
        raise ModelError(f"the encoder {name} returned non-finite vectors for {len(bad)} of {count} texts "
                         f"(the first: text {bad[0]})")
    return matrix


class EncoderAdapter(Encoder):
    """Any object with `encode(list[str])` returning one row per text (a SentenceTransformer, a
    researcher's own model) as an Encoder: it takes `progress`, has a name for the signature and
    the cache, and returns unit float32 rows, checked."""

    def __init__(self, inner, name: str | None = None):
        self.inner = inner
        self.name = name or _name_of(inner)
        # An object that composes joined texts itself (as ours do) keeps doing so.
        self.embeds_windows = bool(getattr(inner, "embeds_windows", False))

    def encode(self, sentences: list[str], progress: bool = False) -> np.ndarray:
        # In one call: such a model batches (and shows progress) its own way.
        sentences = list(sentences)
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(checked_vectors(as_matrix(self.inner.encode(sentences)), len(sentences), self.name))

    def encode_windows(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        if callable(getattr(self.inner, "encode_windows", None)):
            rows = as_matrix(self.inner.encode_windows(texts, spans))
            return normalise(checked_vectors(rows, len(spans), self.name))
        return super().encode_windows(texts, spans)


def _name_of(model) -> str:
    """What names a model object: its own `name`, a sentence-transformers model's id or folder, or
    its class."""
    name = getattr(model, "name", None)
    if isinstance(name, str) and name:
        return name
    card = getattr(model, "model_card_data", None)
    for candidate in (getattr(card, "base_model", None), getattr(model, "name_or_path", None)):
        if isinstance(candidate, str) and candidate:
            return candidate
    return f"{type(model).__module__}.{type(model).__qualname__}"


def as_encoder(model) -> Encoder:
    """`model` as an Encoder: an Encoder as it is, any object with an `encode` method wrapped."""
    if isinstance(model, Encoder):
        return model
    if callable(getattr(model, "encode", None)):
        return EncoderAdapter(model)
    raise TypeError(f"encoder must have an encode(list[str]) method, not {type(model).__name__}")


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

    Re-running an audit after editing one paragraph then re-embeds only that paragraph. The cache
    is one SQLite file per model, one row per text (its SHA-1, its float32 vector): a novel and its
    clause checks are 22,000 texts, and as one file each they took 7 s to write and 2 s to read
    back, against 0.1 s each way in one transaction. SQLite also keeps concurrent runs safe.
    (Versions before this one kept one .npy file per text in the same folder; they are not read.)
    """

    def __init__(self, inner: Encoder, cache_dir: Path | None = None):
        self.inner = inner
        self.name = inner.name
        self.embeds_windows = getattr(inner, "embeds_windows", False)
        self.batch_size = inner.batch_size
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        model_key = hashlib.sha1(inner.name.encode("utf-8")).hexdigest()[:16]
        self.path = self.cache_dir / f"{model_key}.sqlite"
        self._warned = False

    def encode(self, sentences: list[str], progress: bool = False) -> np.ndarray:
        keys = [_text_key(s) for s in sentences]
        # A sentence repeated in the input (a refrain, a share button) is read, embedded and stored once.
        unique = list(dict.fromkeys(keys))
        stored = self._read(unique)
        missing = [key for key in unique if key not in stored]
        if missing:
            text_of = dict(zip(keys, sentences))
            fresh = dict(zip(missing, self.inner.encode([text_of[key] for key in missing], progress=progress)))
            self._write(fresh)
            stored.update(fresh)
        if not sentences:
            return self.inner.encode([])
        return np.stack([stored[key] for key in keys]).astype(np.float32)

    def encode_windows(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        joined = [" ".join(texts[start:stop]) for start, stop in spans]
        keys = [_text_key(text) for text in joined]
        stored = self._read(list(dict.fromkeys(keys)))
        missing = {}  # key -> the first span that makes it
        for key, span in zip(keys, spans):
            if key not in stored:
                missing.setdefault(key, span)
        if missing:
            fresh = dict(zip(missing, self.inner.encode_windows(texts, list(missing.values()))))
            self._write(fresh)
            stored.update(fresh)
        if not spans:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([stored[key] for key in keys]).astype(np.float32)

    def _connect(self) -> sqlite3.Connection:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        # Rows of 2 KB fit 7 to a 16 KB page, where 4 KB pages spread each over two: half the file.
        # The page size only takes on a file without tables yet.
        connection.execute("PRAGMA page_size = 16384")
        connection.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        connection.execute("CREATE TABLE IF NOT EXISTS about (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        return connection

    def _read(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        if not keys:
            return found
        try:
            connection = self._connect()
            try:
                dim = connection.execute("SELECT value FROM about WHERE name = 'dim'").fetchone()
                # A row of another length (damaged, or from another writer) is embedded again.
                size = 4 * dim[0] if dim else -1
                for start in range(0, len(keys), _KEYS_PER_QUERY):
                    chunk = keys[start:start + _KEYS_PER_QUERY]
                    query = f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})"
                    for key, blob in connection.execute(query, chunk):
                        if len(blob) == size:
                            vector = np.frombuffer(blob, dtype="<f4")
                            # A NaN or all-zero row (a disk error, another writer's bug) would
                            # pair nothing and put NaN in the report: it is embedded again.
                            if np.isfinite(vector).all() and vector.any():
                                found[key] = vector
            finally:
                connection.close()
        except (sqlite3.Error, OSError) as exc:
            self._warn(exc)
            return {}
        return found

    def _write(self, rows: dict[bytes, np.ndarray]) -> None:
        try:
            connection = self._connect()
            try:
                with connection:
                    # The model's own rows say what length a row has.
                    dim = len(next(iter(rows.values())))
                    connection.execute("INSERT OR REPLACE INTO about VALUES ('dim', ?)", (dim,))
                    connection.executemany(
                        "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                        ((key, np.ascontiguousarray(row, dtype="<f4").tobytes()) for key, row in rows.items()))
            finally:
                connection.close()
        except (sqlite3.Error, OSError) as exc:
            self._warn(exc)  # a read-only, full or damaged cache must not stop an audit

    def _warn(self, exc: Exception) -> None:
        if self._warned:
            return
        self._warned = True
        # A damaged file (not a database, cut short) is set aside so the next run starts a new
        # cache, instead of warning on every run for good; a locked or read-only one is left alone.
        damaged = isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)
        if damaged and self.path.is_file():
            aside = self.path.with_name(self.path.name + ".damaged")
            try:
                os.replace(self.path, aside)
            except OSError:
                pass
            else:
                log.warning("embedding cache %s not usable (%s); moved to %s, a new one is started", self.path,
                            exc, aside.name)
                self._warned = False  # the new cache is another file: its own troubles are news
                return
        log.warning("embedding cache %s not usable (%s); embedding without it", self.path, exc)

    @property
    def dim(self) -> int:
        return self.inner.dim


_KEYS_PER_QUERY = 500  # SQLite's bound on a statement's parameters is 999 in older builds


def _text_key(text: str) -> bytes:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()
