"""What a researcher passes to the Python API is checked at the door (a probe of the API as a
vecalign or bertalign user would call it): every wrong argument below once gave a plausible wrong
alignment or failed deep inside numpy, numba or the joined-text pass.

Text: Text+Berg test4 (tests/data/text-berg-de-fr), its 36 German and 40 French lines."""
from pathlib import Path

import numpy as np
import pytest

from align import AlignConfig, InputError, ModelError, align_sentences
from align.aligner import align_embeddings

DATA = Path(__file__).resolve().parent / "data" / "text-berg-de-fr"
GERMAN = (DATA / "test4.de").read_text(encoding="utf-8").splitlines()[:40]
FRENCH = (DATA / "test4.fr").read_text(encoding="utf-8").splitlines()[:40]


def beads_of(result):
    return [(b.src, b.tgt) for b in result.beads]


@pytest.fixture(scope="module")
def vectors(use_encoder):
    return use_encoder.encode(GERMAN), use_encoder.encode(FRENCH)


@pytest.mark.parametrize("src, error, says", [
    ("Ein Satz. Noch einer.", TypeError, "not one str"),  # was aligned character by character
    (GERMAN[:3] + [None], TypeError, "src_sentences[3] is NoneType"),
    (GERMAN[:3] + ["   "], InputError, "src_sentences[3] is blank"),  # was paired with a real sentence
])
def test_sentences_must_be_a_list_of_strings(src, error, says):
    with pytest.raises(error, match=None) as raised:
        align_sentences(src, FRENCH[:4], src_lang="de", tgt_lang="fr")
    assert says in str(raised.value)


def test_a_language_must_be_one():
    with pytest.raises(ValueError, match="src_lang: 'German' is not a language code"):
        align_sentences(GERMAN, FRENCH, src_lang="German", tgt_lang="fr")


def test_given_vectors_must_fit_the_sentences(vectors):
    src, tgt = vectors
    with pytest.raises(InputError, match="both src_embeddings and tgt_embeddings"):  # one was thrown away
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=src)
    with pytest.raises(InputError, match="tgt_embeddings has 40 rows for 39 sentences"):  # were read as they came
        align_sentences(GERMAN, FRENCH[:39], src_lang="de", tgt_lang="fr", src_embeddings=src, tgt_embeddings=tgt)
    broken = src.copy()
    broken[7, 3] = np.nan  # was every sentence unaligned, and the verdict "unrelated"
    with pytest.raises(InputError, match=r"non-finite values in 1 rows \(the first: row 7\)"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=broken, tgt_embeddings=tgt)
    with pytest.raises(InputError, match="differ in width"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=src, tgt_embeddings=tgt[:, :256])


def test_given_vectors_are_aligned_and_the_signature_says_so(vectors, use_encoder):
    src, tgt = vectors
    given = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=src, tgt_embeddings=tgt,
                            encoder=use_encoder)
    encoded = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder)
    assert beads_of(given) == beads_of(encoded)
    assert given.signature["vectors"] == "given" and encoded.signature["vectors"] == "encoder"
    assert "|vectors:given" in given.signature["string"] and "vectors" not in encoded.signature["string"]
    with pytest.raises(InputError, match="encoder's vectors are 512 wide, the embeddings given 256"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=src[:, :256],
                        tgt_embeddings=tgt[:, :256], encoder=use_encoder)


def test_any_object_with_an_encode_method_is_an_encoder(use_encoder, vectors):
    """The README's protocol, encode(list[str]) -> array: such an object failed on the `progress`
    keyword and on its missing name. (It embeds no joined texts, so it aligns as its vectors given
    alone do.)"""
    class Plain:
        def encode(self, sentences):
            return [list(row) for row in use_encoder.encode(sentences)]  # rows as lists, as some models give

    plain = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=Plain())
    ours = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", src_embeddings=vectors[0],
                           tgt_embeddings=vectors[1])
    assert beads_of(plain) == beads_of(ours)
    assert plain.signature["encoder"].endswith("Plain")

    class Broken(Plain):
        name = "broken-model"

        def encode(self, sentences):
            rows = use_encoder.encode(sentences)
            rows[2] = np.nan
            return rows

    with pytest.raises(ModelError, match="broken-model returned non-finite vectors for 1 of 76 texts"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=Broken())
    with pytest.raises(TypeError, match="encode"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder="use")


def test_two_settings_never_print_one_signature(use_encoder):
    default = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder)
    other = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder,
                            config=AlignConfig(skip=0.5))
    assert default.signature["string"] != other.signature["string"]
    with pytest.raises(TypeError, match="config must be an align.AlignConfig, not dict"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder, config={"tau": 0})
    # Beads that cannot make an alignment of these lengths: said so, where "alignment band lost the
    # path" came from deep in the DP. (1-1 beads alone align texts of one length, as before.)
    with pytest.raises(ValueError, match="no alignment of 36 source and 40 target sentences"):
        align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder, config=AlignConfig(beads=((5, 5),)))
    one_to_one = align_sentences(GERMAN, GERMAN, src_lang="de", tgt_lang="fr", encoder=use_encoder,
                                 config=AlignConfig(beads=[[1, 1]]))
    assert [(b.src, b.tgt) for b in one_to_one.beads] == [((i,), (i,)) for i in range(len(GERMAN))]
    with pytest.raises(ValueError, match="each bead is"):
        AlignConfig(beads=((0, 0), (1, 1)))


def test_align_embeddings_checks_its_arrays(vectors):
    src, tgt = vectors
    lengths = [len(s) for s in GERMAN], [len(s) for s in FRENCH]
    with pytest.raises(ValueError, match="10 source and 40 target lengths for 36 and 40 sentences"):
        align_embeddings(src, tgt, lengths[0][:10], lengths[1])  # the compiled loops read past the end
    with pytest.raises(ValueError, match="one width"):
        align_embeddings(src, tgt[:, :100], *lengths)


def test_an_object_that_composes_joined_texts_keeps_the_joined_text_pass(use_encoder):
    """The benchmark's own encoder object (an embedding store) composes joined texts as ours do;
    wrapped without them, every dev set's alignment changed (MAC strict F1 0.8975 -> 0.8754)."""
    class Store:
        name = use_encoder.name
        embeds_windows = True

        def encode(self, sentences, progress=False):
            return use_encoder.encode(sentences)

        def encode_windows(self, texts, spans):
            return use_encoder.encode_windows(texts, spans)

    stored = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=Store())
    ours = align_sentences(GERMAN, FRENCH, src_lang="de", tgt_lang="fr", encoder=use_encoder)
    assert beads_of(stored) == beads_of(ours)
