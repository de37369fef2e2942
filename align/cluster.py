"""`align batch` on a Dask cluster: the pairs in tasks of a few each, every worker process loading
the encoder once and keeping it for the tasks that follow.

Dask (its `distributed` scheduler) is an optional extra: `pip install 'align-audit[dask]'`. The
workers write the reports themselves, so they must see the output folder and the inputs at the
same paths (one machine, or a shared file system); the summary is written here.

A worker aligns with a one-process encoder: the cluster's processes are the parallelism, and a
Dask worker may not fork encoder processes of its own.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .errors import InputError

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
                               host="127.0.0.1", dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout="10s"), None
    except (OSError, TimeoutError) as error:
        raise InputError(f"--dask {address}: cannot reach the Dask scheduler ({error})") from None


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
        futures = {client.submit(_task, chunk, str(out_dir), settings, pure=False): chunk for chunk in chunks}
        rows: list[dict] = []
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                rows += future.result()
            except Exception as error:  # a worker lost or a bug in one task: its pairs fail, the rest go on
                reason = f"{type(error).__name__}: {error}".strip()
                rows += [_row(job, "failed", error=f"on the cluster: {reason}") for job in chunk]
            if bar is not None:
                bar.update(len(chunk))
        return rows
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
