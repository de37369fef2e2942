"""Giving freed memory back to the system between the passes of a long text.

glibc's malloc gives a block of 128 KB or more a mapping of its own, returned to the system when
freed, but it raises that threshold to the largest mapped block freed (up to 32 MB). Once the
aligner's first tables are freed, the next passes' arrays and the audit's large lists come from
the heap, whose freed middle stays resident: at 100,000 sentences a side the heap held about 90 MB
more than its live blocks by the end of a run. Holding the threshold at 128 KB cut the peak
(`python -m benchmarks.speed scale`: 787-829 MB -> 770-799 MB) but made every large array of the
encoder a fresh mapping: a whole novel's `align pair` took 17.5-18.0 s against 12.1-12.5 s. So the
threshold is left alone and the heap's free pages are handed back (`malloc_trim`) after the
passes that free the most.
"""
from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import sys


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has none)
        return None


def give_back_free_pages() -> None:
    """Return the heap's free pages to the system (glibc; elsewhere nothing to do)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@contextlib.contextmanager
def collection_paused():
    """Python's cyclic garbage collector paused while a reader builds its tree or a document's
    sentences are made: they hold no cycle to collect, but each full collection walks every object
    made so far, so that the time grew faster than the text (a catalogue of 100,000 entries: 3.5 of
    47.5 s, against 0.2 of 5.6 s for 10,000; a DocBook table of 80,000 rows, 3.7 MB: 3.5 s, 2.7 s
    paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
