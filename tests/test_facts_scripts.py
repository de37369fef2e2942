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
