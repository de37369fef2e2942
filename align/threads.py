"""One BLAS thread per process for a whole run.

The encoder parallelises with worker processes; BLAS threads on top of them fight over the same
cores. Issue 19 measured on 2 cores from a plain install (where nothing else limited OpenBLAS):
Text+Berg end to end 28.8 s with OpenBLAS's own threads, 7.8 s with one; the neighbour search at
100k sentences 7-19 s against 1.8 s. Forked workers inherit the limit.
"""
from __future__ import annotations

import functools

from threadpoolctl import threadpool_limits


def one_blas_thread(function):
    """`function` run with BLAS held to one thread, and the caller's setting restored after."""
    @functools.wraps(function)
    def limited(*args, **kwargs):
        with threadpool_limits(limits=1, user_api="blas"):
            return function(*args, **kwargs)
    return limited
