"""Any sentence-transformers model (LaBSE, multilingual MiniLM, a local fine-tune...) by id or path.

sentence-transformers and torch are an optional extra (`pip install align[transformers]`), so this
module imports them only when such an encoder is asked for.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .base import Encoder


class SentenceTransformerEncoder(Encoder):
    batch_size = 64

    def __init__(self, model: str, device: str | None = None):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                f"model {model!r} needs sentence-transformers: pip install 'align[transformers]'"
            ) from exc
        local = Path(model).expanduser()
        if not local.exists() and os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0"):
            raise ModelError(f"model {model!r} is not a local folder and HF_HUB_OFFLINE is set")
        try:
            self._model = SentenceTransformer(str(local) if local.exists() else model, device=device)
        except Exception as exc:  # network, missing files, wrong format: all mean "cannot load"
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(
                f"cannot load model {model!r}: not a sentence-transformers folder on disk and not "
                f"reachable on the model hub ({first_line})"
            ) from exc
        self.name = f"sentence-transformers:{model}"

    def _encode_batch(self, sentences: list[str]) -> np.ndarray:
        return self._model.encode(sentences, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)

    @property
    def dim(self) -> int:
        return int(self._model.get_sentence_embedding_dimension())
