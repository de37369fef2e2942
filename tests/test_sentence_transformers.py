"""The sentence-transformers encoder, run for real on a tiny random model the test builds itself.

No weights can be downloaded here, and none are needed: loading, batching, normalising and the
error paths are the same for a 2-layer random BERT as for LaBSE.
"""
from __future__ import annotations

import os
import socket
import string

import numpy as np
import pytest

# huggingface_hub reads this once, at import: set it before anything imports it.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

pytest.importorskip("sentence_transformers")
torch = pytest.importorskip("torch")

from align.encoders import load_encoder  # noqa: E402
from align.errors import ModelError  # noqa: E402

HIDDEN = 32
WORDS = "the cat sat on a mat le chat est sur tapis eu russia talks pourparlers secrets meeting réunion".split()
TEXTS = [
    "The cat sat on the mat.",
    "Le chat est sur le tapis.",
    "EU, Russia and US held secret talks.",
    "L'UE et la Russie ont tenu des pourparlers secrets.",
    "",
    "A meeting; une réunion!",
    "The cat sat on the mat.",
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A 2-layer BERT with random weights, a WordPiece vocab that covers any ASCII text, mean pooling."""
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    try:  # sentence-transformers >= 6 moved the modules; older releases only have `models`
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:
        from sentence_transformers.models import Pooling, Transformer

    root = tmp_path_factory.mktemp("tiny-st")
    # Whole words, then single characters and their "##" continuations, so nothing maps to [UNK]
    # (BERT lowercases and strips accents, so ASCII is enough).
    chars = list(string.ascii_lowercase + string.digits + string.punctuation)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + WORDS + chars + ["##" + c for c in chars]
    vocab = list(dict.fromkeys(vocab))
    vocab_dir = root / "vocab"
    vocab_dir.mkdir()
    (vocab_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    # from_pretrained on a folder holding only vocab.txt works on transformers 4 and 5 alike; the
    # constructor's vocab argument changed name between them, and the wrong one is silently ignored.
    tokenizer = BertTokenizerFast.from_pretrained(str(vocab_dir))
    assert "[UNK]" not in tokenizer.tokenize(" ".join(TEXTS))

    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=HIDDEN,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    hf_dir = root / "hf"
    BertModel(config).save_pretrained(hf_dir)
    tokenizer.save_pretrained(hf_dir)

    transformer = Transformer(str(hf_dir), max_seq_length=64)
    pooling = Pooling(HIDDEN, "mean")
    model_dir = root / "st"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(model_dir))
    return model_dir


@pytest.fixture()
def no_network(monkeypatch):
    """Fail loudly instead of quietly reaching for the model hub."""
    import huggingface_hub.constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_rows_are_unit_float32_of_model_dim(tiny_model, no_network):
    encoder = load_encoder(str(tiny_model), cache=False)
    rows = encoder.encode(TEXTS)
    assert rows.dtype == np.float32
    assert rows.shape == (len(TEXTS), HIDDEN)
    assert encoder.dim == HIDDEN
    norms = np.linalg.norm(rows, axis=1)
    np.testing.assert_allclose(norms, 1.0, atol=1e-5)
    assert np.isfinite(rows).all()


def test_identical_texts_identical_rows_and_different_texts_differ(tiny_model, no_network):
    rows = load_encoder(str(tiny_model), cache=False).encode(TEXTS)
    np.testing.assert_array_equal(rows[0], rows[6])
    assert not np.allclose(rows[0], rows[1])
    assert not np.allclose(rows[2], rows[3])


def test_batch_order_is_preserved_across_batches(tiny_model, no_network):
    encoder = load_encoder(str(tiny_model), cache=False)
    encoder.batch_size = 2  # several batches, so a reordering between batches would show
    together = encoder.encode(TEXTS)
    alone = np.stack([encoder.encode([t])[0] for t in TEXTS])
    # Padding changes float rounding a little, never which row is which.
    np.testing.assert_allclose(together, alone, atol=1e-5)
    reversed_rows = encoder.encode(TEXTS[::-1])
    np.testing.assert_allclose(reversed_rows[::-1], together, atol=1e-5)


def test_cache_returns_the_same_rows_and_tracks_retraining(tiny_model, no_network, monkeypatch, tmp_path):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    plain = load_encoder(str(tiny_model), cache=False)
    cached = load_encoder(str(tiny_model), cache=True)
    np.testing.assert_allclose(cached.encode(TEXTS), plain.encode(TEXTS), atol=1e-6)
    np.testing.assert_allclose(cached.encode(TEXTS), plain.encode(TEXTS), atol=1e-6)  # now from disk
    assert str(tiny_model.resolve()) in plain.name

    weights = next(tiny_model.glob("*.safetensors"))
    stat = weights.stat()
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_encoder(str(tiny_model), cache=False).name != plain.name


@pytest.mark.parametrize(
    "model, expected",
    [
        ("{tmp}/no-such-model", "does not exist"),
        ("./no/such/model/folder", "does not exist"),
        ("align-tests/no-such-model-anywhere", "HF_HUB_OFFLINE"),
        ("no-such-model-anywhere", "HF_HUB_OFFLINE"),
        ("{tmp}", "not a sentence-transformers folder"),
        ("{tmp}/file.txt", "is a file"),
    ],
)
def test_missing_or_bad_model_is_a_one_line_model_error(model, expected, tmp_path, no_network):
    (tmp_path / "file.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_encoder(model.format(tmp=tmp_path), cache=False)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message


def test_align_end_to_end_with_local_model(tiny_model, no_network, tmp_path, monkeypatch):
    # The pipeline is written separately; this check switches itself on once it exists.
    import dataclasses
    import inspect

    pipeline = pytest.importorskip("align.pipeline")
    if not hasattr(pipeline, "align_pair"):
        pytest.skip("align.pipeline.align_pair not written yet")
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "en.txt"
    tgt = tmp_path / "fr.txt"
    src.write_text("The cat sat on the mat.\n\nEU, Russia and US held secret talks.\n", encoding="utf-8")
    tgt.write_text("Le chat est sur le tapis.\n\nL'UE et la Russie ont tenu des pourparlers secrets.\n", encoding="utf-8")

    params = inspect.signature(pipeline.align_pair).parameters
    config_class = getattr(pipeline, "AlignConfig", None)
    if "model" in params:
        result = pipeline.align_pair(str(src), str(tgt), model=str(tiny_model))
    elif (
        dataclasses.is_dataclass(config_class)
        and "config" in params
        and "model" in {f.name for f in dataclasses.fields(config_class)}
    ):
        result = pipeline.align_pair(str(src), str(tgt), config=config_class(model=str(tiny_model)))
    else:
        pytest.skip("align_pair takes the model in a way this test does not know yet")
    assert len(result.source.sentences) == 2 and len(result.target.sentences) == 2
    assert sorted(i for b in result.beads for i in b.src) == [0, 1]
    assert sorted(i for b in result.beads for i in b.tgt) == [0, 1]


def test_unreachable_hub_is_a_prompt_one_line_error(monkeypatch, tmp_path):
    """Online mode, but the hub cannot be reached and the model was never downloaded: say so at
    once instead of sitting through the hub client's retries."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-hf-cache"))
    attempts = []

    def unreachable(self, address):
        attempts.append(address)
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    with pytest.raises(ModelError) as info:
        load_encoder("align-tests/no-such-model-anywhere", cache=False)
    assert "model hub cannot be reached" in str(info.value) and "\n" not in str(info.value)
    assert len(attempts) <= 1  # at most the probe (DNS may fail first), never the retries
