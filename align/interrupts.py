"""Ctrl-C and SIGTERM for the command line, remembered as well as raised.

The handlers raise at once (KeyboardInterrupt, `Terminated`), so workers are stopped and files
closed on the way out. But an exception raised while numba compiles is swallowed by llvmlite's
callback, and the run then went on to the end and exited 0 as if nothing had happened. So each
signal is also remembered, and `check()` raises it again at the pipeline's next stage boundary.
"""
from __future__ import annotations

import signal

_pending: int | None = None


class Terminated(Exception):
    """SIGTERM, raised in the main thread."""


def _handler(signum, frame) -> None:
    global _pending
    _pending = signum
    _raise(signum)


def _raise(signum: int) -> None:
    if signum == signal.SIGTERM:
        raise Terminated()
    raise KeyboardInterrupt()


def install() -> None:
    signal.signal(signal.SIGINT, _handler)
    signal.signal(signal.SIGTERM, _handler)


def check() -> None:
    """Raise a signal that arrived and was swallowed on its way up (no-op otherwise)."""
    if _pending is not None:
        _raise(_pending)
