"""The console script's way out of `align pair` (`startup.exit_at_once`): the interpreter is not
torn down, but everything an ordinary exit does that anyone can see is still done."""
import subprocess
import sys

_EXIT = """
import atexit, sys, threading, time
from align import startup
atexit.register(lambda: print("exit functions ran", file=sys.stderr))
sys.stdout.write("buffered, not yet flushed")
if sys.argv[1] == "thread":
    threading.Thread(target=lambda: (time.sleep(0.3), print(" and the thread's line"))).start()
startup.exit_at_once(int(sys.argv[2]))
print("not reached")
"""


def _run(*args):
    return subprocess.run([sys.executable, "-c", _EXIT, *args], capture_output=True, text=True, timeout=60)


def test_the_way_out_runs_the_exit_functions_flushes_and_keeps_the_code():
    done = _run("plain", "3")
    assert done.returncode == 3
    assert done.stdout == "buffered, not yet flushed"
    assert done.stderr == "exit functions ran\n"


def test_a_thread_still_running_is_waited_for_the_ordinary_way():
    done = _run("thread", "0")
    assert done.returncode == 0
    assert done.stdout == "buffered, not yet flushed and the thread's line\n"
    assert done.stderr == "exit functions ran\n"


def test_a_report_on_stdout_through_a_pipe_is_whole(tmp_path):
    (tmp_path / "en.txt").write_text("The meeting took place on Monday.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La réunion a eu lieu lundi.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"),
                           "-f", "json", "--no-cache"], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("}")
    import json

    assert json.loads(done.stdout)["source"]["sentences"][0]["text"] == "The meeting took place on Monday."


def _pair_into(tmp_path, stdout, *args):
    import os

    (tmp_path / "en.txt").write_text("The meeting took place on Monday.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La réunion a eu lieu lundi.\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "align", "pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"),
                           "-q", *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=300,
                          env={**os.environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache")})


def test_a_report_standard_output_refuses_is_one_line_and_exit_2(tmp_path):
    # `align pair a b > /dev/full` ended in a traceback (OSError: No space left on device), in a
    # small report's case from the flush on the way out.
    import os

    if not os.path.exists("/dev/full"):
        import pytest

        pytest.skip("no /dev/full here")
    for fmt in ("json", "beads"):
        with open("/dev/full", "w") as full:
            done = _pair_into(tmp_path, full, "-f", fmt)
        assert done.returncode == 2, done.stderr
        assert done.stderr == "align: error: cannot write the report to standard output: No space left on device\n"


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    import os

    read, write = os.pipe()
    os.close(read)  # `| head -0`: the reader is gone before the report comes
    with os.fdopen(write, "w") as pipe:
        done = _pair_into(tmp_path, pipe, "-f", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_a_ctrl_c_after_the_report_is_written_prints_no_traceback():
    # The report is out when `exit_at_once` begins; a Ctrl-C while the exit functions ran raised
    # KeyboardInterrupt inside them, and the interpreter printed its traceback after the report.
    code = """
import atexit, os, signal, sys
from align import startup
atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))
sys.stdout.write("the report")
startup.exit_at_once(0)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == "the report"
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr


def test_a_closed_standard_output_is_one_line_and_exit_2_unless_o_names_a_file(tmp_path):
    # `align pair a b >&-`: Python's sys.stdout is None, and `.isatty()` on it was a traceback.
    import os

    (tmp_path / "en.txt").write_text("The meeting took place on Monday.\n", encoding="utf-8")
    (tmp_path / "fr.txt").write_text("La réunion a eu lieu lundi.\n", encoding="utf-8")
    env = {**os.environ, "ALIGN_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "align", "pair", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--no-cache"]

    def closed(*extra):
        return subprocess.run(command + list(extra), stderr=subprocess.PIPE, text=True, timeout=300, env=env,
                              preexec_fn=lambda: os.close(1))

    refused = closed()
    assert refused.returncode == 2
    assert refused.stderr.strip() == "align: error: standard output is closed: name a file for the report with -o FILE"
    written = closed("-f", "json", "-o", str(tmp_path / "out.json"))
    assert written.returncode == 0, written.stderr
    assert "Traceback" not in written.stderr
    import json

    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["source"]["sentences"][0]["text"] == \
        "The meeting took place on Monday."
