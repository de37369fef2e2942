"""Any sentence-transformers model (LaBSE, multilingual MiniLM, a local fine-tune...) by id or path.

sentence-transformers and torch are an optional extra (`pip install align-audit[transformers]`), so this
module imports them only when such an encoder is asked for.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .base import Encoder


def _looks_like_path(model: str) -> bool:
    """True for strings that can only mean a folder: hub ids are `name` or `org/name`.

    A mistyped path must fail at once with "no such folder", not be sent to the model hub as an id
    (which means a network round trip and a confusing "repository not found").
    """
    return (
        model.startswith((".", "~", os.sep, "/"))
        or (os.altsep is not None and os.altsep in model)
        or "\\" in model
        or model.count("/") > 1
        or Path(model).is_absolute()
    )


def _folder_fingerprint(folder: Path) -> str:
    """Names, sizes and mtimes of the model's files.

    Part of the encoder name, hence of the embedding cache key: re-training a model in place
    must not serve embeddings computed by its previous weights.
    """
    digest = hashlib.sha1()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()[:12]


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _hub_reachable(timeout: float = 3.0) -> bool:
    """A quick TCP probe of the model hub. Without it, an offline machine sits through the hub
    client's retries (minutes of HTTP noise) before saying what a probe says at once."""
    import socket
    from urllib.parse import urlparse

    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        with socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout=timeout):
            return True
    except OSError:
        return False


class SentenceTransformerEncoder(Encoder):
    batch_size = 64

    def __init__(self, model: str, device: str | None = None):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                f"model {model!r} needs sentence-transformers: pip install 'align-audit[transformers]'"
            ) from exc
        local = Path(model).expanduser()
        if local.exists() and not local.is_dir():
            raise ModelError(f"model {model!r} is a file; give the sentence-transformers model folder")
        if not local.exists() and _looks_like_path(model):
            raise ModelError(f"model folder {model!r} does not exist")
        if not local.exists() and not _offline():
            # A model downloaded before loads from the local cache with no network at all.
            try:
                self._model = SentenceTransformer(model, device=device, local_files_only=True)
            except Exception:
                self._model = None
            if self._model is None and not _hub_reachable():
                raise ModelError(f"cannot load model {model!r}: not a folder on disk, not in the local model "
                                 f"cache, and the model hub cannot be reached from this machine")
            if self._model is not None:
                self.name = f"sentence-transformers:{model}"
                return
        try:
            self._model = SentenceTransformer(str(local) if local.exists() else model, device=device)
        except Exception as exc:  # network, missing files, wrong format: all mean "cannot load"
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            where = (
                "not a sentence-transformers folder"
                if local.exists()
                else "not in the local model cache and HF_HUB_OFFLINE is set"
                if _offline()
                else "not a folder on disk and not loadable from the model hub"
            )
            raise ModelError(f"cannot load model {model!r}: {where} ({first_line})") from exc
        if local.exists():
            self.name = f"sentence-transformers:{local.resolve()}@{_folder_fingerprint(local)}"
        else:
            self.name = f"sentence-transformers:{model}"

    def _encode_batch(self, sentences: list[str]) -> np.ndarray:
        return self._model.encode(sentences, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)

    @property
    def dim(self) -> int:
        # Renamed in sentence-transformers 6; the old name still works there but warns.
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = getter()
        # Some module stacks cannot tell their output size without running; then measure it.
        return int(dim) if dim else super().dim
