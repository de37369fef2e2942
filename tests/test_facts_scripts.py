"""Facts in scripts and numbering conventions the benchmarks do not cover (a probe of Hindi,
Bengali, Tamil, Urdu, Persian, Thai, Burmese, Khmer and more translations of an English article)."""

import pytest

from align.audit.facts import compare_facts


def messages(src, tgt, src_lang, tgt_lang):
    return [m.message for m in compare_facts(src, tgt, src_lang, tgt_lang)]


@pytest.mark.parametrize("tgt, tgt_lang", [
    ("इसमें बारह भाषाओं में 2,50,000 पुस्तकें हैं।", "hi"),
    ("इसमें बारह भाषाओं में २,५०,००० पुस्तकें हैं।", "hi"),
    ("এতে বারোটি ভাষায় 2,50,000টি বই রয়েছে।", "bn"),
    ("இதில் பன்னிரண்டு மொழிகளில் 2,50,000 புத்தகங்கள் உள்ளன.", "ta"),
    ("اس میں بارہ زبانوں میں ۲٬۵۰٬۰۰۰ کتابیں ہیں۔", "ur"),
])
def test_a_figure_grouped_in_lakhs_is_the_same_figure(tgt, tgt_lang):
    """India groups a figure's digits by lakh and crore ("2,50,000" is 250,000): read as "2,50",
    the faithful Hindi, Bengali and Tamil sentences were "number twelve vs 2,50"."""
    assert messages("It holds 250,000 books in twelve languages.", tgt, "en", tgt_lang) == []


def test_a_changed_figure_grouped_in_lakhs_is_found():
    found = messages("The project cost 1,25,00,000 rupees.", "परियोजना की लागत 1,52,00,000 रुपये थी।", "en", "hi")
    assert len(found) == 1 and "1,25,00,000" in found[0] and "1,52,00,000" in found[0]


@pytest.mark.parametrize("tgt, tgt_lang", [
    ("Ilifunguliwa tarehe 13 Machi 2024.", "sw"),
    ("Dibuka pada hari Senin, 13 Maret 2024.", "id"),
    ("এটি ১৩ মার্চ ২০২৪ তারিখে খোলা হয়।", "bn"),
    ("Otvorena je 13. marta 2024.", "sr"),
    ("ის 2024 წლის 13 მარტს გაიხსნა.", "ka"),
    ("၂၀၂၄ ခုနှစ် မတ်လ ၁၃ ရက်တွင် ဖွင့်ခဲ့သည်။", "my"),
], ids=["sw", "id", "bn", "sr-latn", "ka", "my"])
def test_a_changed_day_is_found_where_the_month_name_is_not_known(tgt, tgt_lang):
    """Where the target's month names are not read, its day is a bare figure, which was compared
    with nothing: "12 March" against "13 Machi" (Swahili) was no finding. Both ways round."""
    assert len(messages("It opened on 12 March 2024.", tgt, "en", tgt_lang)) == 1
    assert len(messages(tgt, "It opened on 12 March 2024.", tgt_lang, "en")) == 1


@pytest.mark.parametrize("tgt, tgt_lang", [
    ("Ilifunguliwa tarehe 12 Machi 2024 kwa watu 300.", "sw"),
    ("Dibuka pada hari Senin, 12 Maret 2024.", "id"),
    ("এটি ১২ মার্চ ২০২৪ তারিখে খোলা হয়।", "bn"),
], ids=["sw", "id", "bn"])
def test_the_same_day_where_the_month_name_is_not_known_is_no_finding(tgt, tgt_lang):
    src = "It opened on 12 March 2024 for 300 people." if tgt_lang == "sw" else "It opened on 12 March 2024."
    assert messages(src, tgt, "en", tgt_lang) == []


def test_a_persian_decimal_typed_with_a_slash_is_a_decimal():
    """Persian keyboards type the decimal mark "٫" as "/": "۲/۵ درصد" (2.5 percent) was read as 2
    and 5, and a faithful translation was "number 2.5 vs ۲". A changed one is still found, and a
    date with two slashes stays a date."""
    assert messages("Prices rose 2.5 percent.", "قیمت‌ها ۲/۵ درصد افزایش یافت.", "en", "fa") == []
    assert messages("Prices rose 12.75 percent.", "قیمت‌ها ۱۲/۷۵ درصد افزایش یافت.", "en", "fa") == []
    assert len(messages("Prices rose 2.5 percent.", "قیمت‌ها ۲/۷ درصد افزایش یافت.", "en", "fa")) == 1
    assert messages("It opened on 12 March 2024.", "در تاریخ ۲۰۲۴/۰۳/۱۲ افتتاح شد.", "en", "fa") == []


_MARCH = "It opened on 12 March 2024."


@pytest.mark.parametrize("same, changed, lang", [
    ("Ilifunguliwa tarehe 12 Machi 2024.", "Ilifunguliwa tarehe 12 Aprili 2024.", "sw"),
    ("Dibuka pada 12 Maret 2024.", "Dibuka pada 12 April 2024.", "id"),
    ("Dibuka pada 12 Mac 2024.", "Dibuka pada 12 Ogos 2024.", "ms"),
    ("এটি ১২ মার্চ ২০২৪ তারিখে খোলা হয়।", "এটি ১২ এপ্রিল ২০২৪ তারিখে খোলা হয়।", "bn"),
    ("یہ 12 مارچ 2024 کو کھلا۔", "یہ 12 اپریل 2024 کو کھلا۔", "ur"),
    ("ის 2024 წლის 12 მარტს გაიხსნა.", "ის 2024 წლის 12 აპრილს გაიხსნა.", "ka"),
    ("Այն բացվեց 2024 թվականի մարտի 12-ին։", "Այն բացվեց 2024 թվականի ապրիլի 12-ին։", "hy"),
    ("இது 2024 மார்ச் 12 அன்று திறக்கப்பட்டது.", "இது 2024 ஏப்ரல் 12 அன்று திறக்கப்பட்டது.", "ta"),
    ("በማርች 12 ቀን 2024 ተከፈተ።", "በኤፕሪል 12 ቀን 2024 ተከፈተ።", "am"),
    ("၂၀၂၄ ခုနှစ် မတ်လ ၁၂ ရက်တွင် ဖွင့်ခဲ့သည်။", "၂၀၂၄ ခုနှစ် ဧပြီလ ၁၂ ရက်တွင် ဖွင့်ခဲ့သည်။", "my"),
    ("បានបើកនៅថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៤។", "បានបើកនៅថ្ងៃទី១២ ខែមេសា ឆ្នាំ២០២៤។", "km"),
    ("Otvorena je 12. marta 2024.", "Otvorena je 12. aprila 2024.", "sr"),
    ("Отворена је 12. марта 2024.", "Отворена је 12. априла 2024.", "sr"),
], ids=["sw", "id", "ms", "bn", "ur", "ka", "hy", "ta", "am", "my", "km", "sr-latn", "sr-cyrl"])
def test_a_changed_month_is_found_where_the_day_is_the_same(same, changed, lang):
    """These languages' month names were not read: "12 March" against "12 Aprili" was a date
    against a bare 12, the same day, and the changed month went unseen. The same month is silent."""
    assert messages(_MARCH, same, "en", lang) == [] and messages(same, _MARCH, lang, "en") == []
    assert len(messages(_MARCH, changed, "en", lang)) == 1 and len(messages(changed, _MARCH, lang, "en")) == 1


def test_a_persian_solar_date_is_its_western_date():
    """"۲۲ اسفند ۱۴۰۲" is 12 March 2024 in Iran's calendar: it was "date 12 March vs ۲۲" and
    "number 2024 vs ۱۴۰۲". Another solar month or year is still found; so is Ethiopia's calendar."""
    assert messages(_MARCH, "در ۲۲ اسفند ۱۴۰۲ افتتاح شد.", "en", "fa") == []
    assert messages("It opened in 2024.", "در سال ۱۴۰۲ افتتاح شد.", "en", "fa") == []
    assert len(messages(_MARCH, "در ۲۲ بهمن ۱۴۰۲ افتتاح شد.", "en", "fa")) == 1
    assert len(messages(_MARCH, "در ۲۲ اسفند ۱۴۰۳ افتتاح شد.", "en", "fa")) == 1
    assert messages(_MARCH, "መጋቢት 3 ቀን 2016 ተከፈተ።", "en", "am") == []
    assert len(messages(_MARCH, "መጋቢት 9 ቀን 2016 ተከፈተ።", "en", "am")) == 1


def test_a_persian_fraction_typed_with_a_slash_is_a_fraction_too():
    """"۱/۲" is a half as much as 1.2 (the decimal typed with a slash): against "1/2" it was
    "number 1/2 vs ۱/۲". Another fraction is still found."""
    assert messages("Add 1/2 cup of sugar.", "۱/۲ پیمانه شکر اضافه کنید.", "en", "fa") == []
    assert len(messages("Add 1/3 cup of sugar.", "۱/۲ پیمانه شکر اضافه کنید.", "en", "fa")) == 1


@pytest.mark.parametrize("changed, same, lang", [
    ("இது 2024 ஏப்ரல் 12ஆம் தேதி திறக்கப்பட்டது.", "இது 2024 மார்ச் 12ஆம் தேதி திறக்கப்பட்டது.", "ta"),
    ("၂၀၂၄ ခုနှစ် ဧပြီလ ၁၂ရက်နေ့တွင် ဖွင့်လှစ်ခဲ့သည်။", "၂၀၂၄ ခုနှစ် မတ်လ ၁၂ရက်နေ့တွင် ဖွင့်လှစ်ခဲ့သည်။", "my"),
])
def test_a_changed_month_is_found_beside_a_day_with_its_suffix(changed, same, lang):
    # Tamil "12ஆம்" (the 12th) and Burmese "၁၂ရက်" (day 12) glue a suffix to the day: the date was
    # not read, and April for March went unseen.
    english = "It opened on 12 March 2024."
    assert [m.kind for m in compare_facts(english, changed, "en", lang)] == ["date"]
    assert compare_facts(english, same, "en", lang) == []
