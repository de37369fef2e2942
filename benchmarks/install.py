"""The README's first command from a plain install, against the developers' environment.

A plain `pip install .` once ran 3.6x slower than the environment the benchmarks ran in, unseen:
threadpoolctl came only with an extra, so the encoder's one-BLAS-thread limit did nothing there.
This section builds a fresh virtual environment, installs the repository into it without extras
(as the README's first command does), and times the same `align pair` commands in it and in the
running interpreter's environment, one after the other, each twice (the faster counts):

* the README's command on the seeds (000 against 002);
* Text+Berg test0, one sentence per line (`--segmenter lines`), when the benchmark data is there.

Both run with `--no-cache`, so every sentence is embedded. The ratio plain / developers' is the
number to watch: it should stay near 1. The install's own time is reported too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = ("seeds/000_ad9e4be62e06e56c.txt", "seeds/002_2df298d6ec244cd0.txt")


def _commands(data_dir: Path | None) -> dict[str, list[str]]:
    out = {"seeds 000 vs 002 (the README's command)": ["pair", *(str(REPO / s) for s in SEEDS)]}
    folder = (data_dir / "text-berg-de-fr") if data_dir else None
    if folder and (folder / "test0.de").exists():
        out["Text+Berg test0, --segmenter lines"] = ["pair", str(folder / "test0.de"), str(folder / "test0.fr"),
                                                    "--segmenter", "lines"]
    return out


def _time(argv: list[str], env: dict, out_dir: Path, repeat: int = 2) -> float:
    best = float("inf")
    for attempt in range(repeat):
        start = time.perf_counter()
        done = subprocess.run([*argv, "--no-cache", "-f", "json", "-o", str(out_dir / f"r{attempt}.json")],
                              capture_output=True, env=env, cwd=out_dir, timeout=900)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode(errors="replace")[-500:])
        best = min(best, elapsed)
    return best


def run(data_dir: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="align-fresh-install-"))
    try:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True, capture_output=True)
        # A copy of the tracked files: pip must not build from (or write into) the working tree.
        tree = work / "src"
        files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
        for name in filter(None, files.decode().split("\0")):
            target = tree / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if (REPO / name).is_file():
                shutil.copy2(REPO / name, target)
        done = subprocess.run([str(work / "venv" / "bin" / "pip"), "install", "-q", str(tree)],
                              capture_output=True, timeout=1800)
        if done.returncode != 0:
            return {"error": "pip install . failed: " + done.stderr.decode(errors="replace")[-500:]}
        install_seconds = time.perf_counter() - start
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["ALIGN_CACHE_DIR"] = str(work / "cache")
        plain = [str(work / "venv" / "bin" / "align")]
        ours = [sys.executable, "-m", "align"]
        rows = []
        for label, argv in _commands(data_dir).items():
            out_dir = work / "out"
            out_dir.mkdir(exist_ok=True)
            plain_seconds = _time(plain + argv, env, out_dir)
            ours_seconds = _time(ours + argv, {**env, "PYTHONPATH": str(REPO)}, out_dir)
            rows.append({"command": label, "plain_install_seconds": plain_seconds,
                         "developers_seconds": ours_seconds, "ratio": plain_seconds / ours_seconds})
        return {"install_seconds": install_seconds, "rows": rows}
    finally:
        shutil.rmtree(work, ignore_errors=True)
