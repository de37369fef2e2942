from pathlib import Path

import pytest

from align.errors import AlignError
from align.segmenters import (
    LinesSegmenter,
    Segmenter,
    SentenceSplitterSegmenter,
    load_segmenter,
    locate_sentences,
)

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def non_space(text: str) -> str:
    return "".join(text.split())


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, stripped, and together hold every non-space character."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not non_space(text[previous_end:start])
        previous_end = end
    assert not non_space(text[previous_end:])


def sentences(segmenter: Segmenter, text: str, lang: str) -> list[str]:
    spans = segmenter.split(text, lang)
    check_spans(text, spans)
    return [text[a:b] for a, b in spans]


def test_load_segmenter_names():
    assert isinstance(load_segmenter(), SentenceSplitterSegmenter)
    assert isinstance(load_segmenter("auto"), SentenceSplitterSegmenter)
    assert isinstance(load_segmenter("sentence-splitter@1.4"), SentenceSplitterSegmenter)
    assert isinstance(load_segmenter("lines"), LinesSegmenter)
    assert load_segmenter().name.startswith("sentence-splitter@1.")
    assert load_segmenter("lines").name == "lines"
    with pytest.raises(AlignError, match="unknown segmenter 'spacy'"):
        load_segmenter("spacy")


def test_english_abbreviations_and_whitespace():
    seg = load_segmenter()
    text = "The U.S. was represented by Mr. Bono.  Russia,  meanwhile, sent Igor Khovaev. It is rare."
    assert sentences(seg, text, "en") == [
        "The U.S. was represented by Mr. Bono.",
        "Russia,  meanwhile, sent Igor Khovaev.",
        "It is rare.",
    ]


def test_french_guillemets_and_wrapped_line():
    seg = load_segmenter()
    text = "Un responsable a dit: « nous pensons\nqu'il est important ». M. Klaar a cherché à maintenir les lignes."
    assert sentences(seg, text, "fr") == [
        "Un responsable a dit: « nous pensons\nqu'il est important ».",
        "M. Klaar a cherché à maintenir les lignes.",
    ]


def test_seed_000_english_paragraph():
    line = SEEDS[0].read_text(encoding="utf-8").splitlines()[44]
    got = sentences(load_segmenter(), line, "en")
    assert got[0] == "Such high-level diplomatic interaction is rare."
    assert got[1].startswith("In March, U.S. Secretary of State Antony Blinken")
    assert len(got) == 2


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("zh", "你好。我是中国人！你呢？ 好的", ["你好。", "我是中国人！", "你呢？", "好的"]),
        ("ja", "今日は晴れです。明日は「雨」です。", ["今日は晴れです。", "明日は「雨」です。"]),
        ("ar", "مرحبا بكم؟ هذا نص. نعم", ["مرحبا بكم؟", "هذا نص.", "نعم"]),
        ("ko", "안녕하세요. 3.5 퍼센트입니다! 네", ["안녕하세요.", "3.5 퍼센트입니다!", "네"]),
        (None, "No language given. Still split!", ["No language given.", "Still split!"]),
    ],
)
def test_punctuation_fallback(lang, text, expected):
    assert sentences(load_segmenter(), text, lang) == expected


def test_empty_and_blank():
    seg = load_segmenter()
    assert seg.split("", "en") == []
    assert seg.split("  \n ", "fr") == []
    assert LinesSegmenter().split("\n\n", None) == []


def test_lines_segmenter():
    text = "  First line. Still first.\n\nSecond line\n   \n third  "
    assert sentences(LinesSegmenter(), text, "en") == ["First line. Still first.", "Second line", "third"]


def test_locate_sentences_survives_whitespace_and_char_changes():
    text = "One  sentence\there.   Two\u00a0here!"
    # A splitter that collapses whitespace and rewrites a character still yields exact spans.
    spans = locate_sentences(text, ["One sentence here.", "Two here?"])
    assert [text[a:b] for a, b in spans] == ["One  sentence\there.", "Two\u00a0here!"]


def test_locate_sentences_never_drops_a_tail():
    text = "Kept. Dropped by splitter"
    spans = locate_sentences(text, ["Kept."])
    assert [text[a:b] for a, b in spans] == ["Kept. Dropped by splitter"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("name", ["auto", "lines"])
def test_seeds_lose_nothing(seed, name):
    seg = load_segmenter(name)
    for paragraph in seed.read_text(encoding="utf-8").split("\n\n"):
        spans = seg.split(paragraph, "fr")
        check_spans(paragraph, spans)
