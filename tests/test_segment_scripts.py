"""Segmentation of scripts and languages the benchmarks do not cover, on a probe's translations of
an English news article (Greek, Thai...)."""

import pytest

from align.segmenters import load_segmenter


def sentences(text, lang):
    return [text[a:b] for a, b in load_segmenter("auto").split(text, lang)]


def test_greek_pm_before_a_capital_ends_the_sentence():
    """"μ.μ." (p.m.) closed a sentence and the next one was read on into it: a faithful Greek
    translation was 13 sentences against 14, and a merge."""
    text = ("Η βιβλιοθήκη είναι ανοιχτή καθημερινά από τις 8 π.μ. έως τις 9 μ.μ. Τα παιδιά κάτω των 14 ετών "
            "μπορούν να δανείζονται έως 10 βιβλία κάθε φορά.")
    assert sentences(text, "el") == [
        "Η βιβλιοθήκη είναι ανοιχτή καθημερινά από τις 8 π.μ. έως τις 9 μ.μ.",
        "Τα παιδιά κάτω των 14 ετών μπορούν να δανείζονται έως 10 βιβλία κάθε φορά."]


def test_greek_bc_before_a_capital_ends_the_sentence_but_not_before_its_day():
    text = "Γεννήθηκε το 356 π.Χ. Ο πατέρας του ήταν ο Φίλιππος. Ξεκινά στις 9 μ.μ. Δευτέρα 5 Μαΐου."
    assert sentences(text, "el") == ["Γεννήθηκε το 356 π.Χ.", "Ο πατέρας του ήταν ο Φίλιππος.",
                                     "Ξεκινά στις 9 μ.μ. Δευτέρα 5 Μαΐου."]


@pytest.mark.parametrize("text, expected", [
    # Thai writes no full stop: "ม.ค." (January) and "ส.ส." (MP) are abbreviations a sentence goes on after.
    ("เมื่อวันที่ 5 ม.ค. ส.ส. พรรคก้าวไกลได้ยื่นญัตติ ประชาชนได้รับผลกระทบกว่า 2,000 ครัวเรือน",
     ["เมื่อวันที่ 5 ม.ค. ส.ส. พรรคก้าวไกลได้ยื่นญัตติ", "ประชาชนได้รับผลกระทบกว่า 2,000 ครัวเรือน"]),
    ("ผู้ว่าฯ กทม. ลงพื้นที่ตรวจน้ำท่วม ประชาชนได้รับผลกระทบ",
     ["ผู้ว่าฯ กทม. ลงพื้นที่ตรวจน้ำท่วม", "ประชาชนได้รับผลกระทบ"]),
    # The clock's "น." ends a clause, except before the "to" of a range (from 8:00 to 21:00).
    ("ห้องสมุดเปิดทุกวันตั้งแต่เวลา 8.00 น. ถึง 21.00 น. เด็กอายุต่ำกว่า 14 ปีสามารถยืมหนังสือได้",
     ["ห้องสมุดเปิดทุกวันตั้งแต่เวลา 8.00 น. ถึง 21.00 น.", "เด็กอายุต่ำกว่า 14 ปีสามารถยืมหนังสือได้"]),
], ids=["month-and-mp", "governor-bangkok", "clock-range"])
def test_a_thai_abbreviation_does_not_end_a_sentence(text, expected):
    """"8.00 น. ถึง 21.00 น." (from 8:00 to 21:00) was cut after the first "น.", as a full stop: a
    faithful Thai translation's sentence was two, and a split."""
    assert sentences(text, "th") == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("— Де бібліотека? — запитала Марія. — Біля вокзалу, — сказав охоронець.", "uk",
     ["— Де бібліотека? — запитала Марія.", "— Біля вокзалу, — сказав охоронець."]),
    ("«Де бібліотека?» — запитала Марія.", "uk", ["«Де бібліотека?» — запитала Марія."]),
    ("— Къде е библиотеката?! — попита Мария.", "bg", ["— Къде е библиотеката?! — попита Мария."]),
    # A capital after the dash is the next speaker.
    ("Де бібліотека? — Біля вокзалу.", "uk", ["Де бібліотека?", "— Біля вокзалу."]),
], ids=["uk", "uk-quote", "bg", "next-speaker"])
def test_a_speaker_after_a_question_and_a_dash_goes_on_its_sentence(text, lang, expected):
    """Dash dialogue names the speaker after the question, in lower case: "— Де бібліотека? —
    запитала Марія." was a question and a fragment, as Russian (the splitter's rules) never was."""
    assert sentences(text, lang) == expected


def test_a_greek_question_closed_by_a_quote_ends_the_sentence():
    """«Πότε ανοίγει;» «Στις 8 κάθε πρωί.»: the question mark ";" before a closing quote was read as
    the semicolon it looks like, and a dialogue's question and answer were one sentence."""
    assert sentences("«Πότε ανοίγει;» «Στις 8 κάθε πρωί.» «Πού είναι η βιβλιοθήκη;» ρώτησε η Μαρία.", "el") == [
        "«Πότε ανοίγει;»", "«Στις 8 κάθε πρωί.»", "«Πού είναι η βιβλιοθήκη;» ρώτησε η Μαρία."]


def test_two_thai_quotations_side_by_side_are_two_sentences():
    """Thai marks no sentence end, and its rule cut only between two Thai letters: a dialogue's
    lines, each in its quotation marks, were one sentence (six lines read as one)."""
    text = 'ยามตอบว่า "อยู่ข้างสถานีรถไฟ" "เปิดกี่โมง" "ทุกเช้า 8 โมง" "ได้ แต่ต้องมีบัตรประจำตัว"'
    assert sentences(text, "th") == ['ยามตอบว่า "อยู่ข้างสถานีรถไฟ"', '"เปิดกี่โมง"', '"ทุกเช้า 8 โมง"',
                                     '"ได้ แต่ต้องมีบัตรประจำตัว"']


@pytest.mark.parametrize("text, lang, expected", [
    ("1. நூலக அட்டைக்கு விண்ணப்பிக்கவும். 2. உங்கள் அடையாள அட்டையைக் காட்டவும். 3. படிவத்தை நிரப்பவும்.", "ta",
     ["1. நூலக அட்டைக்கு விண்ணப்பிக்கவும்.", "2. உங்கள் அடையாள அட்டையைக் காட்டவும்.", "3. படிவத்தை நிரப்பவும்."]),
    ("۱. فرم را پر کنید. ۲. کارت شناسایی را نشان دهید.", "fa", ["۱. فرم را پر کنید.", "۲. کارت شناسایی را نشان دهید."]),
    ("۱۔ فارم بھریں۔ ۲۔ شناختی کارڈ دکھائیں۔", "ur", ["۱۔ فارم بھریں۔", "۲۔ شناختی کارڈ دکھائیں۔"]),
    ("၁။ လျှောက်လွှာဖြည့်ပါ။ ၂။ မှတ်ပုံတင်ကတ်ပြပါ။", "my", ["၁။ လျှောက်လွှာဖြည့်ပါ။", "၂။ မှတ်ပုံတင်ကတ်ပြပါ။"]),
    ("1. מלאו את הטופס. 2. הציגו תעודת זהות.", "he", ["1. מלאו את הטופס.", "2. הציגו תעודת זהות."]),
    ("1. Jaza fomu. 2. Onyesha kitambulisho.", "sw", ["1. Jaza fomu.", "2. Onyesha kitambulisho."]),
], ids=["ta", "fa", "ur", "my", "he", "sw"])
def test_the_markers_of_an_inline_list_open_their_items(text, lang, expected):
    """Instructions numbered on one line: from the second item on, the figure ("2.", Urdu "۲۔",
    Burmese "၂။") was a sentence of its own, and every item a split."""
    assert sentences(text, lang) == expected


def test_a_thai_name_after_a_role_noun_goes_on_its_sentence():
    """A foreign name is spaced between given name and surname: "นายกเทศมนตรีแอนนา | โควัช กล่าวว่า"
    (Mayor Anna Kovač said) and "สถาปนิกเปโดร | อัลเมดา | ออกแบบ..." were cut into pieces."""
    assert sentences("นายกเทศมนตรีแอนนา โควัช กล่าวว่าห้องสมุดจะเปิดทุกวัน ประชาชนดีใจมาก", "th") == [
        "นายกเทศมนตรีแอนนา โควัช กล่าวว่าห้องสมุดจะเปิดทุกวัน", "ประชาชนดีใจมาก"]
    assert sentences("สถาปนิกเปโดร อัลเมดา ออกแบบหลังคาให้เก็บน้ำฝนได้ เมืองยังมีแผนจะสร้างสระว่ายน้ำ", "th") == [
        "สถาปนิกเปโดร อัลเมดา ออกแบบหลังคาให้เก็บน้ำฝนได้", "เมืองยังมีแผนจะสร้างสระว่ายน้ำ"]
    assert sentences("นายกรัฐมนตรีเดินทางถึงแล้ว ประชาชนรอรับ", "th") == ["นายกรัฐมนตรีเดินทางถึงแล้ว", "ประชาชนรอรับ"]


def test_a_space_inside_a_thai_quotation_ends_no_sentence():
    assert sentences('หนังสือ "แฮร์รี่ พอตเตอร์" ขายดีมาก ร้านค้าสั่งเพิ่ม', "th") == [
        'หนังสือ "แฮร์รี่ พอตเตอร์" ขายดีมาก', "ร้านค้าสั่งเพิ่ม"]


def test_a_space_after_a_thai_year_ends_the_sentence():
    """A space after a figure was never a sentence's end (it stands before a unit: "250,000 เล่ม");
    after a year it is: "... 12 มีนาคม 2024 อาคารนี้..." (... 12 March 2024. The building...)."""
    assert sentences("ห้องสมุดเปิดเมื่อวันที่ 12 มีนาคม 2024 อาคารนี้มีหนังสือ 250,000 เล่มในสิบสองภาษา", "th") == [
        "ห้องสมุดเปิดเมื่อวันที่ 12 มีนาคม 2024", "อาคารนี้มีหนังสือ 250,000 เล่มในสิบสองภาษา"]
    assert sentences("ห้องสมุดเปิดในปี 2024 อาคารนี้มีสามชั้น", "th") == ["ห้องสมุดเปิดในปี 2024", "อาคารนี้มีสามชั้น"]
    assert sentences("โครงการนี้ดำเนินการในปี 2023 ถึง 2024", "th") == ["โครงการนี้ดำเนินการในปี 2023 ถึง 2024"]


def test_the_numbers_of_a_thai_inline_list_open_their_items():
    assert sentences("1. กรอกใบสมัคร 2. แสดงบัตรประจำตัว 3. รับบัตรห้องสมุด", "th") == [
        "1. กรอกใบสมัคร", "2. แสดงบัตรประจำตัว", "3. รับบัตรห้องสมุด"]


@pytest.mark.parametrize("text, lang, expected", [
    ('"איפה הספרייה?" שאלה מריה. "היא ליד התחנה," אמר השומר. "מתי היא נפתחת?" "ב-8 כל בוקר."', "he",
     ['"איפה הספרייה?" שאלה מריה.', '"היא ליד התחנה," אמר השומר.', '"מתי היא נפתחת?"', '"ב-8 כל בוקר."']),
    ("ማሪያ «ቤተ መጻሕፍቱ የት ነው?» ስትል ጠየቀች። ጠባቂው «ከጣቢያው አጠገብ ነው» አለ። «መቼ ይከፈታል?» «በየቀኑ ጠዋት 8 ሰዓት።»", "am",
     ["ማሪያ «ቤተ መጻሕፍቱ የት ነው?» ስትል ጠየቀች።", "ጠባቂው «ከጣቢያው አጠገብ ነው» አለ።", "«መቼ ይከፈታል?»", "«በየቀኑ ጠዋት 8 ሰዓት።»"]),
    ("— სად არის ბიბლიოთეკა? — იკითხა მარიამ.\n— სადგურის გვერდით, — თქვა დარაჯმა.\n— როდის იხსნება?\n"
     "— ყოველ დილით 8 საათზე.", "ka",
     ["— სად არის ბიბლიოთეკა? — იკითხა მარიამ.", "— სადგურის გვერდით, — თქვა დარაჯმა.", "— როდის იხსნება?",
      "— ყოველ დილით 8 საათზე."]),
    ("ماریا پرسید: «کتابخانه کجاست؟» نگهبان گفت: «کنار ایستگاه است.»", "fa",
     ["ماریا پرسید: «کتابخانه کجاست؟»", "نگهبان گفت: «کنار ایستگاه است.»"]),
], ids=["he", "am", "ka", "fa"])
def test_a_speech_tag_after_a_quoted_question_goes_on_in_a_script_without_capitals(text, lang, expected):
    """Without capitals, the tag after a quoted question ("שאלה מריה.", asked Maria) read as a new
    sentence, and stood as one; the next line's speaker before its quotation still opens one."""
    assert [s.replace("\n", " ") for s in sentences(text, lang)] == [e.replace("\n", " ") for e in expected]
