"""The catalogue of bad input, as a new user meets it on the command line.

Every case: exit code 2, exactly one line on stderr ("align: error: ..."), no traceback, and no
file changed but the output. Then input that is odd but good (legacy encodings, damaged UTF-8,
characters XML cannot hold): exit 0, and every input sentence once in the JSON report.
"""
import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, seed

ENGLISH = ("The meeting took place in Istanbul on 17 September.\n\n"
           "Senior officials from Washington and Brussels met Russian envoys there.\n\n"
           "Two days later Azerbaijan launched its offensive in Nagorno-Karabakh.\n")
FRENCH = ("La réunion a eu lieu à Istanbul le 17 septembre.\n\n"
          "De hauts responsables de Washington et de Bruxelles y ont rencontré des émissaires russes.\n\n"
          "Deux jours plus tard, l'Azerbaïdjan lançait son offensive au Haut-Karabakh.\n")
RUSSIAN = ("Встреча прошла в Стамбуле 17 сентября.\n\n"
           "Высокопоставленные чиновники из Вашингтона и Брюсселя встретились там с российскими посланниками.\n\n"
           "Через два дня Азербайджан начал наступление в Нагорном Карабахе.\n")


def run(*args, stdin=None, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=300)


def snapshot(folder: Path) -> dict:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def files(tmp_path):
    """A good English/French pair beside whatever a case writes, and the seeds' state before."""
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    return tmp_path


def _write(path: Path, content) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: no disk, over the 50 MB limit
    return path


# (id, files to write {name: content or a maker}, argument list with {name} for paths, words in the error)
CASES = [
    ("empty", {"bad.txt": b""}, ["pair", "{bad.txt}", "{fr.txt}"], "empty"),
    ("whitespace only", {"bad.txt": " \n\t\n  \n"}, ["pair", "{bad.txt}", "{fr.txt}"], "empty"),
    ("zero-width characters only", {"bad.txt": "\u200b\u200c\u200d\ufeff\u2060\n" * 20},
     ["pair", "{en.txt}", "{bad.txt}"], "no letters or digits"),
    ("punctuation only", {"bad.txt": "... !!! ??? --- ***\n" * 5}, ["pair", "{bad.txt}", "{fr.txt}"],
     "no letters or digits"),
    ("NUL bytes", {"bad.bin": b"\x00\x01\x02binary\x00\xff" * 50}, ["pair", "{bad.bin}", "{fr.txt}"], "binary"),
    ("a PNG", {"bad.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}, ["pair", "{en.txt}", "{bad.png}"],
     "binary"),
    ("control characters", {"bad.txt": bytes([1, 2, 3, 4, 5, 6, 7, 65, 66]) * 100},
     ["pair", "{bad.txt}", "{fr.txt}"], "binary"),
    ("a missing file", {}, ["pair", "{en.txt}", "{missing.txt}"], "no such file"),
    ("a dangling symlink", {"link.txt": lambda folder: _symlink(folder)}, ["pair", "{link.txt}", "{fr.txt}"],
     "no such file"),
    ("a directory", {"folder": lambda folder: _folder(folder)}, ["pair", "{folder}", "{fr.txt}"], "directory"),
    ("over 50 MB", {"huge.txt": _huge}, ["pair", "{en.txt}", "{huge.txt}"], "too large"),
    ("a named pipe with no writer", {"pipe": _fifo}, ["pair", "{en.txt}", "{pipe}"], "named pipe"),
    ("both inputs on stdin", {}, ["pair", "-", "-"], "stdin"),
    ("the same file twice", {}, ["pair", "{fr.txt}", "{fr.txt}"], "hold the same text; give its translation"),
    ("the same language twice", {"fr2.txt": FRENCH.replace("17", "18")}, ["pair", "{fr.txt}", "{fr2.txt}"],
     "both texts are in French"),
    ("one file in one language", {}, ["pair", "{fr.txt}"], "only French (fr) text found"),
    ("a language flag that is no code", {}, ["pair", "{en.txt}", "{fr.txt}", "--src-lang", "english"],
     "not a language code"),
    ("a numeric language flag", {}, ["pair", "{en.txt}", "{fr.txt}", "--tgt-lang", "12"], "not a language code"),
    ("a language code no language has", {}, ["pair", "{en.txt}", "{fr.txt}", "--tgt-lang", "xx"], "names no language"),
    ("the code for no language", {}, ["pair", "{en.txt}", "{fr.txt}", "--src-lang", "und"], "names no language"),
    ("a flag naming no part of a mixed file", {}, ["pair", "@000", "{fr.txt}", "--src-lang", "de"],
     "no German (de) text found"),
    ("the same language flag twice", {}, ["pair", "{en.txt}", "{fr.txt}", "--src-lang", "fr", "--tgt-lang", "fr"],
     "--src-lang and --tgt-lang both say French"),
    ("random bytes without a NUL", {"bad.txt": bytes(range(1, 256)) * 40}, ["pair", "{bad.txt}", "{fr.txt}"],
     "binary"),
    ("an unknown encoding", {}, ["pair", "{en.txt}", "{fr.txt}", "--encoding", "klingon-8"], "no such encoding"),
    ("a codec that is no text encoding", {}, ["pair", "{en.txt}", "{fr.txt}", "--encoding", "base64"],
     "not a text encoding"),
    ("a wrong encoding", {"ru.txt": RUSSIAN.encode("cp1251")},
     ["pair", "{en.txt}", "{ru.txt}", "--encoding", "utf-8"], "is not utf-8"),
    ("a UTF-8 BOM over other bytes", {"bad.txt": b"\xef\xbb\xbfCh\xe2teau fort et grand.\n"},
     ["pair", "{bad.txt}", "{en.txt}"], "byte-order mark"),
    ("a UTF-16 BOM over a broken surrogate", {"bad.txt": b"\xff\xfeA\x00\x00\xd8B\x00"},
     ["pair", "{bad.txt}", "{en.txt}"], "byte-order mark"),
    ("-o naming the source", {}, ["pair", "{en.txt}", "{fr.txt}", "-o", "{en.txt}"], "one of the inputs"),
    ("-o naming the target by another path", {}, ["pair", "{en.txt}", "{fr.txt}", "-o", "{./fr.txt}"],
     "one of the inputs"),
    ("-o naming a version", {}, ["versions", "{en.txt}", "{fr.txt}", "-o", "{fr.txt}"], "one of the inputs"),
    ("-o naming a collection's document", {}, ["group", "{en.txt}", "{fr.txt}", "-o", "{en.txt}"],
     "one of the inputs"),
    ("-o naming a document of a collection's folder", {"docs": lambda folder: _collection(folder)},
     ["group", "{docs}", "{en.txt}", "-o", "{docs/a.txt}"], "one of the inputs"),
    ("--pairs naming a collection's document", {}, ["group", "{en.txt}", "{fr.txt}", "--pairs", "{fr.txt}"],
     "--pairs"),
    ("--pairs and -o naming one new file", {}, ["group", "{en.txt}", "{fr.txt}", "--pairs", "{x.tsv}", "-o",
                                                 "{./x.tsv}"], "are one file"),
    ("the original given as its own version", {}, ["versions", "{en.txt}", "{./en.txt}"], "same text as the original"),
    ("a review project in a folder that does not exist", {},
     ["review", "{en.txt}", "{fr.txt}", "--no-browser", "-p", "{nowhere/p.json}"], "no such directory"),
    ("-o into a folder that does not exist", {}, ["pair", "{en.txt}", "{fr.txt}", "-o", "{nowhere/out.json}"],
     "no such directory"),
    ("-o naming a directory", {"out": lambda folder: _folder(folder, "out")},
     ["pair", "{en.txt}", "{fr.txt}", "-o", "{out}"], "is a directory"),
    # A path forgets its trailing slash: the report was written as a file named "newdir".
    ("-o naming a directory yet to be made", {}, ["pair", "{en.txt}", "{fr.txt}", "-o", "newdir/"], "names a directory"),
    ("--pairs naming a directory yet to be made", {}, ["group", "{en.txt}", "{fr.txt}", "--pairs", "newdir/"],
     "names a directory"),
    ("an unknown format", {}, ["pair", "{en.txt}", "{fr.txt}", "-f", "pdf"], "'pdf' is not one of"),
    ("a format versions has not", {}, ["versions", "{en.txt}", "{fr.txt}", "-f", "beads"], "'beads' is not one of"),
    ("a format group has not", {}, ["group", "{en.txt}", "{fr.txt}", "-f", "tmx"], "'tmx' is not one of"),
    ("a suffix group cannot write", {}, ["group", "{en.txt}", "{fr.txt}", "-o", "{report.tmx}"], "not available"),
    ("an unknown option", {}, ["pair", "{en.txt}", "{fr.txt}", "--bogus"], "No such option"),
    ("a missing argument", {}, ["pair"], "Missing argument"),
    ("an extra argument", {}, ["pair", "{en.txt}", "{fr.txt}", "{en.txt}"], "unexpected extra argument"),
    ("an unknown command", {}, ["frobnicate", "{en.txt}"], "No such command"),
    ("an unknown segmenter", {}, ["pair", "{en.txt}", "{fr.txt}", "--segmenter", "bogus"], "segmenter"),
    ("an unknown severity", {}, ["pair", "{en.txt}", "{fr.txt}", "--min-severity", "fatal"], "fatal"),
    ("a model folder that does not exist", {}, ["pair", "{en.txt}", "{fr.txt}", "--model", "{no-such-model}"],
     "model"),
    ("a collection of one", {}, ["group", "{en.txt}"], "at least two documents"),
    # "group needs at least two documents", as if one file had been named.
    ("a collection of one file given twice", {}, ["group", "{en.txt}", "{en.txt}"], "is given twice, which is one document"),
    # "both texts are in French (en.txt and fr.txt)": en.txt was French because the flag said so.
    ("a source language flag naming the target's language", {}, ["versions", "{en.txt}", "{fr.txt}", "--src-lang", "fr"],
     "--src-lang sets"),
    ("a target language flag naming the source's language", {}, ["pair", "{en.txt}", "{fr.txt}", "--tgt-lang", "en"],
     "--tgt-lang sets"),
    # `align export` wrote its table over the text the project was made from (a probe).
    ("export -o naming the project's source", {"p.review.json": lambda folder: _project(folder)},
     ["export", "{p.review.json}", "-o", "{en.txt}"], "holds the source text of"),
    ("export -o naming the project's target by another path", {"p.review.json": lambda folder: _project(folder)},
     ["export", "p.review.json", "-o", "{./fr.txt}"], "holds the target text of"),
    ("stdin empty", {}, ["pair", "-", "{fr.txt}"], "empty"),
]


def _symlink(folder: Path) -> None:
    (folder / "link.txt").symlink_to(folder / "nowhere.txt")


def _folder(folder: Path, name: str = "folder") -> None:
    (folder / name).mkdir()


def _project(folder: Path) -> None:
    """p.review.json: the review project of en.txt and fr.txt, as `align review` run in `folder`
    writes it (the texts named as given, a paragraph a sentence, each paired with its own)."""
    import hashlib

    def text(name: str, lang: str) -> dict:
        data = (folder / name).read_bytes()
        paragraphs = [p.strip() for p in data.decode("utf-8").split("\n\n") if p.strip()]
        return {"path": name, "lang": lang, "digest": hashlib.sha1(data).hexdigest(),
                "sentences": [{"id": k, "text": p, "original": p, "line": 2 * k + 1, "paragraph": k}
                              for k, p in enumerate(paragraphs)]}

    project = {"format": "align-review", "version": 1, "signature": {}, "source": text("en.txt", "en"),
               "target": text("fr.txt", "fr"), "findings": [], "summary": {},
               "beads": [{"src": [k], "tgt": [k], "kind": "match", "score": 0.9, "manual": False} for k in range(3)]}
    (folder / "p.review.json").write_text(json.dumps(project), encoding="utf-8")


def _collection(folder: Path) -> None:
    """A folder holding a copy of the English and French texts, as `align group docs/` reads it."""
    (folder / "docs").mkdir()
    for name, copy in (("en.txt", "a.txt"), ("fr.txt", "b.txt")):
        (folder / "docs" / copy).write_bytes((folder / name).read_bytes())


def _arguments(template: list[str], folder: Path) -> list[str]:
    out = []
    for item in template:
        if item.startswith("@"):
            out.append(seed(item[1:]))
        elif item.startswith("{./"):
            out.append(f"./{item[3:-1]}")
        elif item.startswith("{"):
            out.append(str(folder / item[1:-1]))
        else:
            out.append(item)
    return out


@pytest.mark.parametrize("name,written,template,words", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_one_line_and_exit_2_and_changes_nothing(files, name, written, template, words):
    for filename, content in written.items():
        if callable(content):
            content(files)
        else:
            _write(files / filename, content)
    before = snapshot(files)
    seeds_before = snapshot(ROOT / "seeds")
    done = run(*_arguments(template, files), "-q", cwd=files, stdin=b"")
    err = done.stderr.decode()
    assert done.returncode == 2, (done.returncode, err)
    assert len(err.strip().splitlines()) == 1 and err.startswith("align: error: "), err
    assert words in err and "Traceback" not in err
    assert snapshot(files) == before and snapshot(ROOT / "seeds") == seeds_before
    assert done.stdout == b""


def test_the_catalogue_holds_at_least_forty_cases():
    assert len(CASES) >= 40


# ------------------------------------------------------------------------------------------
# Odd but good input: read right, every sentence once in the report.
# ------------------------------------------------------------------------------------------


def _every_sentence_once(report: dict, texts: dict[str, str]) -> None:
    for side in ("source", "target"):
        sentences = report[side]["sentences"]
        assert [s["id"] for s in sentences] == list(range(len(sentences)))
        covered = sorted(i for bead in report["beads"] for i in bead["src" if side == "source" else "tgt"])
        assert covered == list(range(len(sentences))), side
        # Every non-space character of the input is in exactly one sentence of the report.
        expected = "".join(texts[side].split())
        assert "".join("".join(s["text"].split()) for s in sentences) == expected


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_a_legacy_encoding_is_read_as_its_language_and_said(files, encoding):
    _write(files / "ru.txt", RUSSIAN.encode(encoding))
    done = run("pair", files / "en.txt", files / "ru.txt", "-f", "json", "--no-partial")
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    assert report["target"]["lang"] == "ru" and report["target"]["encoding"] == codecs.lookup(encoding).name
    assert "read as" in done.stderr.decode() and "Russian" in done.stderr.decode()
    _every_sentence_once(report, {"source": ENGLISH, "target": RUSSIAN})
    assert [b["kind"] for b in report["beads"]] == ["match"] * 3


def test_a_few_bad_bytes_in_utf8_are_shown_and_their_lines_named(files):
    data = FRENCH.encode("utf-8").replace("réunion".encode(), b"r\xe9union").replace(b"Bruxelles", b"Brux\x92elles")
    _write(files / "fr.txt", data)
    done = run("pair", files / "en.txt", files / "fr.txt", "-f", "json", "--no-partial")
    assert done.returncode == 0
    err = done.stderr.decode()
    assert "2 bytes not valid UTF-8 on lines 1, 3" in err
    report = json.loads(done.stdout)
    texts = [s["text"] for s in report["target"]["sentences"]]
    assert texts[0].startswith("La r\ufffdunion a eu lieu à Istanbul") and "Brux\ufffdelles" in texts[1]
    assert report["target"]["encoding"] == "utf-8"


def test_characters_xml_cannot_hold_keep_the_tmx_valid(files):
    import xml.etree.ElementTree as ET

    _write(files / "fr.txt", FRENCH.replace("Istanbul", "Istan\ufffebul\uffff"))
    done = run("pair", files / "en.txt", files / "fr.txt", "-f", "tmx", "--no-partial", "--tgt-lang", "fr-CA")
    assert done.returncode == 0, done.stderr.decode()
    root = ET.fromstring(done.stdout)
    segs = [seg.text for seg in root.iter("seg")]
    assert "La réunion a eu lieu à Istan\ufffdbul\ufffd le 17 septembre." in segs
    assert {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")} == {"en", "fr-CA"}


def test_windows_line_ends_and_a_bom_are_read_through(files):
    _write(files / "fr.txt", b"\xef\xbb\xbf" + FRENCH.replace("\n", "\r\n").encode("utf-8"))
    done = run("pair", files / "en.txt", files / "fr.txt", "-f", "json", "--no-partial")
    assert done.returncode == 0
    _every_sentence_once(json.loads(done.stdout), {"source": ENGLISH, "target": FRENCH})


def test_an_output_file_is_replaced_whole(files):
    out = files / "report.json"
    out.write_text("the previous report")
    done = run("pair", files / "en.txt", files / "fr.txt", "-o", out, "--no-partial", "-q")
    assert done.returncode == 0 and json.loads(out.read_text())["summary"]["source_sentences"] == 3
    assert sorted(p.name for p in files.iterdir()) == ["en.txt", "fr.txt", "report.json"]  # no temporary left


# ------------------------------------------------------------------------------------------
# Ctrl-C and SIGTERM while the workers embed
# ------------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from /proc")
@pytest.mark.parametrize("signum,code,message", [(signal.SIGINT, 130, "align: interrupted"),
                                                 (signal.SIGTERM, 143, "align: terminated")])
def test_a_signal_while_embedding_ends_in_one_line_with_no_worker_left(tmp_path, signum, code, message):
    # Enough distinct sentences that the encoder starts its worker processes.
    english = "\n".join(f"Line {i} of the report says that {i * 7} sheep crossed the river at dawn." for i in range(900))
    french = "\n".join(f"La ligne {i} du rapport dit que {i * 7} moutons ont traversé la rivière." for i in range(900))
    _write(tmp_path / "en.txt", english)
    _write(tmp_path / "fr.txt", french)
    env = {**os.environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-m", "align", "pair", "en.txt", "fr.txt", "--segmenter", "lines",
                                "-f", "json"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers and time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        time.sleep(0.02)
    assert workers, "the encoder never started its workers"
    os.killpg(process.pid, signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code and err.decode().strip() == message
    time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    # The cache is intact: the next run uses it without a word.
    again = run("pair", tmp_path / "en.txt", tmp_path / "fr.txt", "--segmenter", "lines", "-f", "json",
                "--no-partial", env={"ALIGN_CACHE_DIR": str(tmp_path / "cache")})
    assert again.returncode == 0 and again.stderr.decode() == ""


@pytest.mark.parametrize("signum,code,message", [(signal.SIGINT, 130, "align: interrupted"),
                                                 (signal.SIGTERM, 143, "align: terminated")])
def test_a_signal_swallowed_on_its_way_up_still_ends_the_run(tmp_path, signum, code, message):
    # llvmlite swallows an exception raised inside numba's compiler: a Ctrl-C that landed there was
    # lost and the run exited 0. The signal is remembered and raised again at the next stage.
    script = f"""
import os, signal, sys
from align import interrupts
from align.cli import main
interrupts.install()
try:
    os.kill(os.getpid(), {int(signum)})
except BaseException:
    pass  # swallowed, as llvmlite does
sys.argv = ["align", "pair", {str(seed("000"))!r}, {str(seed("002"))!r}, "-o", "out.json"]
main()
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=300,
                          env={**os.environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache")})
    # (the line before it is the note that seed 000 holds two languages)
    assert done.returncode == code and done.stderr.decode().strip().splitlines()[-1] == message
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("template", [
    ["pair", "{en.txt}", "{fr.txt}", "--src-lang", "en", "--tgt-lang", "en-GB"],
    ["pair", "{bad.txt}", "{fr.txt}"],
], ids=["flags naming one language", "random bytes"])
def test_without_quiet_the_error_is_not_preceded_by_a_warning_it_contradicts(files, template):
    # Each once gave a warning first: "fr.txt reads as French, not English as --tgt-lang says" before
    # "both texts are in English ... if the detection is wrong"; "read as iso8859-1, where it is
    # Catalan text" before "looks like a binary file".
    _write(files / "bad.txt", bytes(range(1, 256)) * 40)
    done = run(*_arguments(template, files), cwd=files, stdin=b"")
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.strip().splitlines()) == 1 and err.startswith("align: error: "), err


def test_a_codec_that_fails_otherwise_and_a_score_that_is_no_number_are_one_line_errors(tmp_path):
    """A probe: --encoding punycode gave "align: error: UnicodeError: decoding with 'punycode' codec
    failed (...)", naming no file; --min-score nan passed the range check and compared with nothing."""
    (tmp_path / "en.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("Le conseil s'est réuni mardi.\n", encoding="utf-8")
    done = run("pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--encoding", "punycode")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == f"align: error: {tmp_path / 'en.txt'}: is not punycode (Invalid extended " \
                                           "code point ' ')"
    done = run("pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--min-score", "nan", "-f", "tmx")
    assert done.returncode == 2 and done.stderr.decode().strip() == ("align: error: --min-score nan is not a number "
                                                                     "between 0 and 1")


def test_export_to_dev_stdout_through_a_pipe_writes_and_ends(files):
    """`align export p.review.json -o /dev/stdout | head` hung: the check that -o names none of the
    project's texts read /dev/stdout to hash it, a pipe (on a terminal, the keyboard) no text is."""
    _project(files)
    done = subprocess.run([sys.executable, "-m", "align", "export", "p.review.json", "-f", "tsv", "-o", "/dev/stdout",
                           "-q"], cwd=files, capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[0].startswith("kind\t")


# ------------------------------------------------------------------------------------------
# Out of memory
# ------------------------------------------------------------------------------------------


def test_out_of_memory_is_one_line_and_exit_2(capsys):
    """A 100,000-entry catalogue under `ulimit -v 1400000` ended in numpy's _ArrayMemoryError
    traceback (np.stack of 215,280 x 512), exit code 1."""
    import typer

    from align.cli import _or_fail

    def stack_too_big():
        raise MemoryError("Unable to allocate 420. MiB for an array with shape (215280, 512) and data type float32")

    with pytest.raises(typer.Exit) as ended:
        _or_fail(stack_too_big)
    assert ended.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("align: error: out of memory (Unable to allocate 420. MiB")


def test_a_worker_out_of_memory_or_killed_by_the_system_is_memory_not_a_bug(monkeypatch):
    from align.encoders import use

    class Starved:
        def _encode_job(self, job):
            raise MemoryError()

    monkeypatch.setattr(use, "_worker_encoder", Starved())
    with pytest.raises(MemoryError, match="in an embedding worker: MemoryError"):
        use._run_workers([[(0, ("sentences", ["a"]))]], False, "test")

    class Killed:
        def _encode_job(self, job):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer ends a process

    monkeypatch.setattr(use, "_worker_encoder", Killed())
    with pytest.raises(MemoryError, match="stopped by the system"):
        use._run_workers([[(0, ("sentences", ["a"]))]], False, "test")
