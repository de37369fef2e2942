"""The README's first command from a plain install, against the developers' environment.

A plain `pip install .` once ran 3.6x slower than the environment the benchmarks ran in, unseen:
threadpoolctl came only with an extra, so the encoder's one-BLAS-thread limit did nothing there.
This section builds a fresh virtual environment, installs the repository into it without extras
(as the README's first command does), and times the same `align pair` commands in it and in the
running interpreter's environment, one after the other, each twice (the faster counts):

* the README's command on the seeds (000 against 002);
* Text+Berg test0, one sentence per line (`--segmenter lines`), when the benchmark data is there.

* Candide, a whole novel (1,523 English and 1,196 French lines), when the data is there.

Both run with `--no-cache`, so every sentence is embedded. The ratio plain / developers' is the
number to watch: it should stay near 1. The install's own time is reported too.

In the plain environment it also measures (issue 19):

* the **encoding floor** of each command: a fresh process that loads the encoder and embeds each
  distinct sentence of the report once, with the same worker processes. `align pair` over its
  floor is what reading, aligning, the audit's own embeddings (joined texts, clause checks) and
  writing the report add; the aim is 1.3x;
* the **fixed cost of a process**: `align pair` on two one-sentence files, where nearly all the
  time is starting up (interpreter, imports, weights, numba's compiled code). The aim is 0.4 s.
"""
from __future__ import annotations

import json
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
    novel = (data_dir / "transread-limsi-en-fr") if data_dir else None
    if novel and (novel / "en" / "Candide").exists():
        out["Candide, a whole novel, --segmenter lines"] = [
            "pair", str(novel / "en" / "Candide"), str(novel / "fr" / "Candide"), "--segmenter", "lines",
            "--src-lang", "en", "--tgt-lang", "fr"]
    return out


# The floor: what any aligner on this encoder must spend. Same encoder, same worker processes.
_FLOOR = """
import json, sys
from align.encoders import load_encoder
texts = json.load(open(sys.argv[1], encoding="utf-8"))
load_encoder("use", cache=False).encode(list(dict.fromkeys(texts)))
"""


def _report_sentences(report: Path) -> list[str]:
    done = json.loads(report.read_text(encoding="utf-8"))
    return [s["text"] for side in ("source", "target") for s in done[side]["sentences"]]


def _time_script(argv: list[str], env: dict, cwd: Path, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, env=env, cwd=cwd, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode(errors="replace")[-500:])
        best = min(best, time.perf_counter() - start)
    return best


def _time(argv: list[str], env: dict, out_dir: Path, repeat: int = 2) -> float:
    """An `align` command, best of `repeat`; attempt k writes its report to rk.json."""
    return min(_time_script([*argv, "--no-cache", "-f", "json", "-o", str(out_dir / f"r{attempt}.json")],
                            env, out_dir, repeat=1) for attempt in range(repeat))


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
        out_dir = work / "out"
        out_dir.mkdir(exist_ok=True)
        # A first run writes the weights' uncompressed copy to the cache (use_weights), as a user's
        # first run does; every timed run after it maps that copy.
        _time(plain + list(_commands(None).values())[0], env, out_dir, repeat=1)
        rows = []
        for label, argv in _commands(data_dir).items():
            plain_seconds = _time(plain + argv, env, out_dir)
            texts = out_dir / "texts.json"
            texts.write_text(json.dumps(_report_sentences(out_dir / "r0.json")), encoding="utf-8")
            floor = _time_script([str(work / "venv" / "bin" / "python"), "-c", _FLOOR, str(texts)], env, out_dir)
            ours_seconds = _time(ours + argv, {**env, "PYTHONPATH": str(REPO)}, out_dir)
            rows.append({"command": label, "plain_install_seconds": plain_seconds,
                         "developers_seconds": ours_seconds, "ratio": plain_seconds / ours_seconds,
                         "encoding_floor_seconds": floor, "over_floor": plain_seconds / floor})
        (out_dir / "one.en").write_text("The meeting took place on Monday.\n", encoding="utf-8")
        (out_dir / "one.fr").write_text("La réunion a eu lieu lundi.\n", encoding="utf-8")
        # Half a second, and runs here vary by 30 %: the best of 7 is a steadier floor than of 3.
        fixed = _time(plain + ["pair", str(out_dir / "one.en"), str(out_dir / "one.fr")], env, out_dir, repeat=7)
        return {"install_seconds": install_seconds, "rows": rows, "fixed_cost_seconds": fixed}
    finally:
        shutil.rmtree(work, ignore_errors=True)
