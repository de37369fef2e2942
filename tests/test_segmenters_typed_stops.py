"""Full stops as people type them where a keyboard lacks the script's own: a bar for the Indic
danda. Each of these texts was read as fewer sentences than it holds, or cut where no sentence ends."""
import pytest

from align.cleaning import clean_markdown
from align.documents import load_sentences
from align.reading import RawText
from align.segmenters import load_segmenter

SEGMENTER = load_segmenter("auto")


def read(text: str) -> list[tuple[str, str]]:
    """(text, original) of each sentence of `text` read as a plain-text file."""
    raw = RawText(text=text, encoding="utf-8", path="input.txt")
    return [(s.text, s.original) for s in load_sentences(raw, SEGMENTER)]


# A Hindi news paragraph typed with a bar for the danda, set apart by a space as many type it, and
# glued to the word; a Bengali one; a Marathi verse's "||" for the double danda.
HINDI_SPACED = ["नई दिल्ली में आज एक नए पुस्तकालय का उद्घाटन हुआ |",
                "इसमें दस हज़ार से अधिक किताबें रखी गई हैं |",
                "शिक्षा मंत्री ने कहा कि यह पुस्तकालय छात्रों के लिए मुफ़्त होगा |"]
HINDI_GLUED = ["मौसम विभाग ने अगले तीन दिनों तक भारी बारिश की चेतावनी दी है|",
               "लोगों से घरों में रहने की अपील की गई है|", "स्कूल भी बंद रहेंगे|"]
BENGALI = ["কলকাতায় আজ একটি নতুন গ্রন্থাগার খোলা হয়েছে |", "সেখানে দশ হাজার বই রাখা আছে |",
           "শিক্ষামন্ত্রী উদ্বোধন করেছেন |"]
MARATHI = ["पुण्यात नवीन ग्रंथालय सुरू झाले ||", "तेथे दहा हजार पुस्तके आहेत ||"]


@pytest.mark.parametrize("expected", [HINDI_SPACED, HINDI_GLUED, BENGALI, MARATHI], ids=["hi-spaced", "hi", "bn", "mr"])
def test_a_bar_typed_for_the_danda_ends_a_sentence(expected):
    """Read as a bar, each paragraph was one sentence (and the bar at its end dropped as a table's),
    so a sentence left out of a translation was hidden in a paragraph-long pair."""
    got = read(" ".join(expected) + "\n")
    assert [original for _, original in got] == expected
    # Read as the danda it stands for, so that each sentence ends like one to the classifier.
    assert all(text[-1] in "।॥" for text, _ in got)
    assert [text.replace("।", "|").replace("॥", "||") for text, _ in got] == expected


def test_a_bar_typed_for_the_danda_ends_a_sentence_on_every_line():
    lines = ["राम ने कहा कि वह कल आएगा |", "सीता ने हाँ कहा |", "बैठक सोमवार को होगी |"]
    assert [original for _, original in read("\n".join(lines) + "\n")] == lines


@pytest.mark.parametrize("text, rows", [
    # A markdown table in Hindi: its bars stand between cells, with a bar in front of each row ...
    ("| नाम | शहर | उम्र |\n|---|---|---|\n| राम | दिल्ली | 25 |\n| सीता | मुंबई | 30 |\n",
     ["| नाम | शहर | उम्र |", "|---|---|---|", "| राम | दिल्ली | 25 |", "| सीता | मुंबई | 30 |"]),
    # ... or without one,
    ("नाम | शहर | उम्र\n--- | --- | ---\nराम | दिल्ली | 25\nसीता | मुंबई | 30\n",
     ["नाम | शहर | उम्र", "--- | --- | ---", "राम | दिल्ली | 25", "सीता | मुंबई | 30"]),
    # ... a spreadsheet's rows, whose tabs are read as bars,
    ("नाम\tशहर\tउम्र\nराम\tदिल्ली\t25\nसीता\tमुंबई\t30\n", ["नाम\tशहर\tउम्र", "राम\tदिल्ली\t25", "सीता\tमुंबई\t30"]),
    # ... a shell's pipe after a Hindi word, a bar between Latin words, a code span.
    ("echo नमस्ते | wc -c\n", ["echo नमस्ते | wc -c"]),
    ("Revenue | Costs | Profit\n", ["Revenue | Costs | Profit"]),
    ("यह आदेश `cat सूची | sort` चलाएँ।\n", ["यह आदेश `cat सूची | sort` चलाएँ।"]),
    ("फ़ाइल में `नाम | पता` लिखें।\n", ["फ़ाइल में `नाम | पता` लिखें।"]),
    # ... a news site's menu, whose bars set apart its sections,
    ("होम | देश | विदेश | खेल | मुख्य समाचार\n", ["होम | देश | विदेश | खेल | मुख्य समाचार"]),
    # ... with items of three words or more (a review: four "sentences" and a false split),
    ("होम | राष्ट्रीय समाचार | विश्व समाचार | खेल और खेलकूद\n", ["होम | राष्ट्रीय समाचार | विश्व समाचार | खेल और खेलकूद"]),
    # ... a timetable's rows without a leading bar and with long cells (a review: three sentences a
    # row, and a faithful timetable "related, not a translation"): prose typed with bars ends its
    # last sentence with one.
    ("राजधानी एक्सप्रेस | नई दिल्ली से मुंबई | 16 घंटे\nशताब्दी एक्सप्रेस | नई दिल्ली से भोपाल | 8 घंटे\n",
     ["राजधानी एक्सप्रेस | नई दिल्ली से मुंबई | 16 घंटे", "शताब्दी एक्सप्रेस | नई दिल्ली से भोपाल | 8 घंटे"]),
])
def test_a_bar_between_cells_or_in_code_is_no_danda(text, rows):
    assert [original for _, original in read(text)] == rows


def test_a_long_line_of_bars_is_read_in_linear_time():
    import time

    text = " ".join(HINDI_SPACED * 4000)
    started = time.monotonic()
    cleaned, _ = clean_markdown(text)
    assert cleaned.count("।") == 3 * 4000 and time.monotonic() - started < 2


def test_cleaning_reads_the_danda_a_bar_stands_for_and_points_at_the_bar():
    text = "वह घर गया | फिर सो गया ||"
    cleaned, offsets = clean_markdown(text)
    assert cleaned == "वह घर गया । फिर सो गया ॥"
    assert [text[offsets[k]] for k, ch in enumerate(cleaned) if ch in "।॥"] == ["|", "|"]
    # In a table's row the bars are cells' (a row of tabs, or one the caller knows for a table's).
    assert clean_markdown("राम\tदिल्ली", table_row=True)[0] == "राम | दिल्ली"
    assert clean_markdown("राम | दिल्ली", pipe_row=True)[0] == "राम | दिल्ली"


# Amharic typed with two wordspaces "፡፡" for its full stop "።"; an older hand writes "፡" between
# every word, which ends no sentence.
AMHARIC = ["ኢትዮጵያ በምሥራቅ አፍሪካ የምትገኝ ሀገር ናት፡፡", "ዋና ከተማዋ አዲስ አበባ ናት፡፡",
           "በ2012 ዓ.ም. በከተማዋ አዲስ ቤተ መጻሕፍት ተከፈተ፡፡", "ሕዝቧ ከ120 ሚሊዮን በላይ ነው፡፡"]
AMHARIC_WORDSPACED = ["ኢትዮጵያ፡በምሥራቅ፡አፍሪካ፡የምትገኝ፡ሀገር፡ናት፡፡", "ዋና፡ከተማዋ፡አዲስ፡አበባ፡ናት፡፡"]


@pytest.mark.parametrize("expected", [AMHARIC, AMHARIC_WORDSPACED], ids=["spaced", "wordspaced"])
def test_two_ethiopic_wordspaces_end_an_amharic_sentence(expected):
    """A paragraph so typed was one sentence (and "ዓ.ም.", a year's abbreviation, stayed whole only
    where "።" was written)."""
    text = " ".join(expected)
    assert [text[a:b] for a, b in SEGMENTER.split(text, "am")] == expected
    got = read(text + "\n")
    assert [original for _, original in got] == expected
    assert all(sentence.endswith("።") and not sentence.endswith("፡።") for sentence, _ in got)


def test_one_ethiopic_wordspace_ends_no_sentence():
    text = "ኢትዮጵያ፡በምሥራቅ፡አፍሪካ፡የምትገኝ፡ሀገር፡ናት። ዋና፡ከተማዋ፡አዲስ፡አበባ፡ናት።"
    assert [text[a:b] for a, b in SEGMENTER.split(text, "am")] == [
        "ኢትዮጵያ፡በምሥራቅ፡አፍሪካ፡የምትገኝ፡ሀገር፡ናት።", "ዋና፡ከተማዋ፡አዲስ፡አበባ፡ናት።"]


# Urdu writes an initial's full stop as its sentence's, "۔": a degree ("ایم۔ اے۔", M.A.), a name
# ("ڈاکٹر اے۔ کیو۔ خان", "ن۔ م۔ راشد"), a party or an institution ("پی۔ ٹی۔ آئی۔", "آئی۔ ایم۔ ایف۔"),
# a page ("ص۔ 45").
URDU_INITIALS = [
    "لاہور کی جامعہ میں ایم۔ اے۔ اردو کی کلاسیں شروع ہو گئی ہیں۔",
    "افتتاح ڈاکٹر اے۔ کیو۔ خان نے کیا۔",
    "ن۔ م۔ راشد جدید اردو نظم کے بڑے شاعر تھے۔",
    "حکومت نے آئی۔ ایم۔ ایف۔ سے نیا قرض لینے کا فیصلہ کیا ہے۔",
    "پی۔ ٹی۔ آئی۔ نے اس فیصلے کے خلاف احتجاج کیا۔",
    "اس کی تفصیل رپورٹ کے ص۔ 45 پر درج ہے۔",
]


def test_an_urdu_initial_ends_no_sentence():
    """Each initial was cut off as a sentence: "ایم۔" / "اے۔" / "اردو کی کلاسیں..." against an English
    "M.A." read as a merge, and a name's letters as sentences left out."""
    text = " ".join(URDU_INITIALS)
    assert [text[a:b] for a, b in SEGMENTER.split(text, "ur")] == URDU_INITIALS
    assert [original for _, original in read(text + "\n")] == URDU_INITIALS


# Sentences that end on a word that is also a letter's name: "آئی" (came; I), "جی" (yes; G), also
# before an initialism opening the next sentence. Each stays a sentence.
URDU_ENDING_ON_LETTER_WORDS = [
    "مہنگائی کی شرح میں کمی آئی۔", "ایم۔ کیو۔ ایم۔ نے اس کا خیرمقدم کیا۔",
    "کیا آپ کل جلسے میں آئیں گے؟", "جی۔", "میں ضرور آؤں گا۔",
    "بارش کے بعد موسم میں ٹھنڈک آئی۔", "لوگ باہر نکل آئے۔", "اس نے اپنی بہن سے بات کی۔",
    "وہ شام کو گھر واپس آئی۔", "آئی۔ ایس۔ پی۔ آر۔ نے بیان جاری کیا۔",
]


def test_a_sentence_ending_on_a_letter_s_name_that_is_a_word_still_ends():
    text = " ".join(URDU_ENDING_ON_LETTER_WORDS)
    assert [text[a:b] for a, b in SEGMENTER.split(text, "ur")] == URDU_ENDING_ON_LETTER_WORDS
