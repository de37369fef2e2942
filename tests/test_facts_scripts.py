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
