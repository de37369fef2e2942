"""How the command asks the C library for memory.

glibc's malloc gives a block of 128 KB or more a mapping of its own, returned to the system when
freed, but it raises that threshold to the largest mapped block freed (up to 32 MB). Once the
aligner's first tables are freed, the next passes' arrays and the audit's large lists come from
the heap, whose freed middle stays resident: at 100,000 sentences a side the heap held about 90 MB
more than its live blocks by the end of a run (`python -m benchmarks.speed scale`: peak RSS 787-829
MB, 776-799 MB with the threshold set, in eight runs each way; the same beads and findings).

Setting the threshold turns the raising off. It is the process's setting, so the command sets it
(`align.startup.main`), not the library a program imports.
"""
from __future__ import annotations

import ctypes
import sys

_M_MMAP_THRESHOLD = -3  # malloc.h
_THRESHOLD = 128 * 1024  # glibc's own starting value


def large_blocks_mapped() -> None:
    """Keep glibc from raising its mmap threshold (Linux; elsewhere nothing to do)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt(_M_MMAP_THRESHOLD, _THRESHOLD)
