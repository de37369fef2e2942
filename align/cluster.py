"""`align batch` and `align group` on a Dask cluster, every worker process loading the encoder once
and keeping it for the tasks that follow.

`align batch`: the pairs in tasks of a few each.

Dask (its `distributed` scheduler) is an optional extra: `pip install 'align-audit[dask]'`. The
workers write the reports themselves, so they must see the output folder and the inputs at the
same paths (one machine, or a shared file system); the summary is written here.

`align group`: the documents' sentences embedded in tasks, then the candidate pairs aligned in
tasks, with the collection (documents and vectors) sent to every worker once; only the inputs
need be readable where the command runs.

A worker aligns with a one-process encoder: the cluster's processes are the parallelism, and a
Dask worker may not fork encoder processes of its own.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

import numpy as np

from .errors import AlignError, InputError

# Pairs per task: enough that a task's single encode call has sentences to batch, few enough
# that every worker gets several tasks and the progress bar moves.
MAX_PAIRS_PER_TASK = 16
# A worker keeps the encoders it has loaded, by whether they are the fallback, across tasks.
_WORKER_ENCODERS: dict = {}


def _client(address: str, workers: int | None):
    """(client, cluster to close or None) for `address`, or "local" for a cluster of this machine."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--dask needs Dask's distributed scheduler: pip install 'align-audit[dask]'") from None
    # The scheduler's and nannies' start-up chatter is not the user's business; warnings still show.
    for name in ("distributed", "tornado", "bokeh"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if address == "local":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=":0")
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except (OSError, TimeoutError) as error:
        raise InputError(f"--dask {address}: cannot reach the Dask scheduler ({error})") from None
    except (ValueError, TypeError) as error:  # "loca1", "Local", an unknown protocol
        raise InputError(f"--dask {address}: not a scheduler address such as tcp://host:8786, nor 'local' "
                         f"({error})") from None


def _absolute(path: str) -> str:
    return path if path == "-" else str(Path(path).resolve())


def _task(jobs, out_dir: str, settings) -> list[dict]:
    """What a worker runs: align `jobs`, write their reports, return their summary rows."""
    from .batch import align_jobs
    from .threads import one_blas_thread

    return one_blas_thread(align_jobs)(jobs, Path(out_dir), settings, None, _WORKER_ENCODERS, encoder_workers=1)


def run_on_dask(todo, out_dir: Path, settings, address: str, workers: int | None, bar=None) -> list[dict]:
    """Align `todo` on the cluster at `address`; the summary rows, one a pair, whatever fails."""
    from distributed import as_completed

    from .batch import _row

    client, cluster = _client(address, workers)
    try:
        slots = max(1, sum(client.nthreads().values()))
        size = max(1, min(MAX_PAIRS_PER_TASK, len(todo) // (4 * slots)))
        chunks = [todo[k:k + size] for k in range(0, len(todo), size)]
        # Workers run elsewhere, from another folder: they get absolute paths.
        chunks = [[replace(job, source=_absolute(job.source), target=_absolute(job.target)) for job in chunk]
                  for chunk in chunks]
        futures = {client.submit(_task, chunk, str(Path(out_dir).resolve()), settings, pure=False): chunk
                   for chunk in chunks}
        given = {job.name: job for job in todo}
        rows: list[dict] = []
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                done = future.result()
            except Exception as error:  # a worker lost or a bug in one task: its pairs fail, the rest go on
                reason = f"{type(error).__name__}: {error}".strip()
                done = [_row(job, "failed", error=f"on the cluster: {reason}") for job in chunk]
            for row in done:  # the summary names the inputs as they were given
                row.update(source=given[row["name"]].source, target=given[row["name"]].target)
            rows += done
            if bar is not None:
                bar.update(len(chunk))
        return rows
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ----------------------------------------------------------------------------- align group

# Texts per embedding task and pairs per alignment task: a few seconds of work each.
MAX_TEXTS_PER_TASK = 2000
MAX_PAIRS_PER_GROUP_TASK = 256


class DaskCollection:
    """`align group` on a Dask cluster: every document's sentences embedded and the candidate
    pairs aligned in tasks, each worker process loading the encoder once. The collection (its
    documents and vectors) is sent to every worker once, where the pair tasks read it."""

    def __init__(self, address: str, workers: int | None, model: str, cache: bool):
        self.client, self.cluster = _client(address, workers)
        self.model, self.cache = model, cache

    def __enter__(self) -> "DaskCollection":
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """The vectors of `texts`, embedded by the workers: an encoder's call, so that
        `pipeline.embed_prepared` cuts them into documents as it does for one here."""
        size = _task_size(len(texts), self._slots(), MAX_TEXTS_PER_TASK)
        futures = [self.client.submit(_embed_task, texts[k:k + size], self.model, self.cache, pure=False)
                   for k in range(0, len(texts), size)]
        parts = self._gather(futures, "embedding")
        return np.concatenate(parts) if parts else np.zeros((0, 512), dtype=np.float32)

    def pair_rows(self, shared, combinations: list[tuple[int, int]], bar=None) -> list[dict]:
        [collection] = self.client.scatter([shared], broadcast=True)
        size = _task_size(len(combinations), self._slots(), MAX_PAIRS_PER_GROUP_TASK)
        chunks = [combinations[k:k + size] for k in range(0, len(combinations), size)]
        futures = [self.client.submit(_pairs_task, collection, chunk, pure=False) for chunk in chunks]
        return [row for part in self._gather(futures, "aligning pairs", bar) for row in part]

    def _slots(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def _gather(self, futures, stage: str, bar=None) -> list:
        from distributed import as_completed

        index = {future.key: k for k, future in enumerate(futures)}
        parts: list = [None] * len(futures)
        for future in as_completed(futures):
            try:
                parts[index[future.key]] = future.result()
            except Exception as error:  # a lost worker or a bug: the grouping cannot be whole without it
                raise AlignError(f"on the Dask cluster, {stage}: {type(error).__name__}: {error}".strip()) from None
            if bar is not None:
                bar.update(len(parts[index[future.key]]))
        return parts


def _task_size(count: int, slots: int, most: int) -> int:
    # Several tasks a worker balance the load; no more than `most` keeps each task short.
    return max(1, min(most, -(-count // (4 * slots))))


def _embed_task(texts: list[str], model: str, cache: bool) -> np.ndarray:
    from .encoders import load_encoder
    from .threads import one_blas_thread

    key = ("group", model, cache)
    if key not in _WORKER_ENCODERS:
        _WORKER_ENCODERS[key] = load_encoder(model, cache=cache, workers=1)
    return one_blas_thread(_WORKER_ENCODERS[key].encode)(texts)


def _pairs_task(shared, pairs: list[tuple[int, int]]) -> list[dict]:
    # The collection goes in as an argument: a worker may run several tasks at once in threads.
    from .collection import _pair_row
    from .threads import one_blas_thread

    return one_blas_thread(lambda: [_pair_row(pair, shared) for pair in pairs])()
