"""compare_facts between languages other than English: a probe's faithful translations and its
copies with planted changes (Spanish, Portuguese, Italian, German, Polish, Russian, Ukrainian,
Arabic, Chinese, Japanese, Korean)."""

import pytest

from align.audit.facts import compare_facts


def messages(src, tgt, src_lang, tgt_lang):
    return [m.message for m in compare_facts(src, tgt, src_lang, tgt_lang)]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Empieza a las 5 de la tarde.", "Inizia alle 17:00.", "es", "it"),
    ("Empieza a las 9 de la noche.", "Inizia alle 21.", "es", "it"),
    ("오후 3시에 시작한다.", "15時に始まる。", "ko", "ja"),
    ("下午3点开始。", "15時に始まる。", "zh", "ja"),
    ("下午3点30分开始。", "15時30分に始まる。", "zh", "ja"),
    ("午後3時に始まる。", "15시에 시작한다.", "ja", "ko"),
    ("오후 3시 반에 시작한다.", "15:30に始まる。", "ko", "ja"),
    ("الساعة ٣:٣٠ مساءً.", "À 15 h 30.", "ar", "fr"),
    ("Começa às 3 da tarde.", "Empieza a las 15:00.", "pt", "es"),
    ("Beginn um 3 Uhr nachmittags.", "Début à 15 h.", "de", "fr"),
    ("Начало в 10 часов вечера.", "Початок о 22:00.", "ru", "uk"),
    ("晚上9点开始。", "21時に始まる。", "zh", "ja"),
    # Morning markers leave the hour as it is.
    ("Abre a las 9 de la mañana.", "Apre alle 9.", "es", "it"),
    ("Apre alle 9 del mattino.", "Abre a las 9:00.", "it", "es"),
    ("오전 9시에 시작한다.", "9時に始まる。", "ko", "ja"),
    ("上午9点开始。", "午前9時に始まる。", "zh", "ja"),
    ("Beginn um 9 Uhr morgens.", "Début à 9 h.", "de", "fr"),
    ("الساعة 9:30 صباحًا.", "À 9 h 30.", "ar", "fr"),
    # "3 дня" is three days: only after the word for hour is "дня" the afternoon.
    ("Он уехал на 3 дня раньше.", "Він поїхав на 3 дні раніше.", "ru", "uk"),
])
def test_a_twelve_hour_time_with_its_part_of_day_is_that_time_on_24_hours(src, tgt, src_lang, tgt_lang):
    """A probe's faithful translations: "a las 5 de la tarde" against "alle 17:00" was "time 5 vs
    17:00", "오후 3시" against "15時" "number 3 vs 15" (English "3 pm" was read, no other language's)."""
    assert messages(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("Empieza a las 9 de la noche.", "Inizia alle 22.", "es", "it", "number 9 de la noche (source) vs 22 (target)"),
    ("오후 3시에 시작한다.", "16時に始まる。", "ko", "ja", "number 오후 3시 (source) vs 16時 (target)"),
    ("الساعة 3:30 مساءً.", "À 16 h 30.", "ar", "fr", "time 3:30 مساءً (source) vs 16 h 30 (target)"),
    ("Começa às 3 da tarde.", "Empieza a las 16:00.", "pt", "es", "time 3 da tarde (source) vs 16:00 (target)"),
    ("Beginn um 3 Uhr nachmittags.", "Début à 16 h.", "de", "fr", "time 3 Uhr nachmittags (source) vs 16 h (target)"),
    ("Abre a las 9 de la mañana.", "Apre alle 21.", "es", "it", "number 9 de la mañana (source) vs 21 (target)"),
    ("Начало в 3 часа дня.", "Початок о 16:00.", "ru", "uk", "time 3 часа дня (source) vs 16:00 (target)"),
])
def test_a_changed_twelve_hour_time_with_its_part_of_day_is_found(src, tgt, src_lang, tgt_lang, expected):
    assert messages(src, tgt, src_lang, tgt_lang) == [expected]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("第1四半期の決算を発表した。", "1분기 실적을 발표했다.", "ja", "ko", []),
    ("第3四半期の売上は5%増えた。", "第3季度销售额增长5%。", "ja", "zh", []),
    ("第3四半期の売上は5%増えた。", "Sales rose 5% in Q3.", "ja", "en", []),
    ("公布了第一季度业绩。", "第1四半期の決算を発表した。", "zh", "ja", []),
    ("올해 1/4분기 실적.", "今年の第1四半期の業績。", "ko", "ja", []),
    ("四半期決算を発表した。", "분기 실적을 발표했다.", "ja", "ko", []),
    ("第1四半期の決算を発表した。", "2분기 실적을 발표했다.", "ja", "ko", ["number 第1四半期 (source) vs 2분기 (target)"]),
    ("第3四半期の売上は5%増えた。", "第4季度销售额增长5%。", "ja", "zh", ["number 第3四半期 (source) vs 第4季度 (target)"]),
    ("第3四半期の売上は5%増えた。", "Sales rose 5% in Q4.", "ja", "en", ["number 第3四半期 (source) vs Q4 (target)"]),
    ("公布了第一季度业绩。", "第2四半期の決算を発表した。", "zh", "ja", ["number 第一季度 (source) vs 第2四半期 (target)"]),
    ("올해 1/4분기 실적.", "今年の第2四半期の業績。", "ko", "ja", ["number 1/4분기 (source) vs 第2四半期 (target)"]),
])
def test_a_quarter_in_japanese_chinese_or_korean_is_compared_as_a_quarter(src, tgt, src_lang, tgt_lang, expected):
    """A probe's faithful Japanese: the "四" of "四半期" (a quarter) was read as four, "第1四半期"
    against "1분기" a false "number 四 vs 1"."""
    assert messages(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("Visitó Estados Unidos, Alemania y Países Bajos.", "Visitou os Estados Unidos, a Alemanha e os Países Baixos.",
     "es", "pt"),
    ("Viajó a Corea del Sur.", "Viajou para a Coreia do Sul.", "es", "pt"),
    ("Viajó a los Emiratos Árabes Unidos.", "È andato negli Emirati Arabi Uniti.", "es", "it"),
    ("Papa Giovanni Paolo II visitò Cracovia.", "Papst Johannes Paul II. besuchte Krakau.", "it", "de"),
    ("Papież Jan Paweł II odwiedził Kraków.", "Papst Johannes Paul II. besuchte Krakau.", "pl", "de"),
])
def test_a_place_name_or_a_popes_name_in_a_sister_language_is_no_changed_name(src, tgt, src_lang, tgt_lang):
    """A probe's faithful exonyms: the kept "Países" / "Corea" / "Papa" made the translated word
    after it a changed surname ("name Bajos vs Baixos", "Sur vs Sul", "Giovanni vs Johannes")."""
    assert messages(src, tgt, src_lang, tgt_lang) == []


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("Prezes Jan Kowalski powiedział.", "Vorstandschef Jan Nowak sagte.", "pl", "de", ["name Kowalski (source) vs Nowak (target)"]),
    ("Papa Giovanni Paolo II visitò Cracovia.", "Papst Benedikt XVI. besuchte Krakau.", "it", "de",
     ["number Paolo II (source) vs Benedikt XVI (target)"]),
])
def test_a_changed_surname_or_pope_is_still_found(src, tgt, src_lang, tgt_lang, expected):
    assert messages(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("Le budget est de 1 234,5 millions d'euros.", "Das Budget beträgt 1 234,5 Milliarden Euro.", "fr", "de",
     ["number 1 234,5 millions (source) vs 1 234,5 Milliarden (target)"]),
    ("Бюджет составил 1 234,5 млн рублей.", "Бюджет склав 1 234,5 млрд рублів.", "ru", "uk",
     ["number 1 234,5 млн (source) vs 1 234,5 млрд (target)"]),
    ("Il debito è di 1.234,5 miliardi di euro.", "Die Schulden betragen 1.234,5 Millionen Euro.", "it", "de",
     ["number 1.234,5 miliardi (source) vs 1.234,5 Millionen (target)"]),
    ("بلغت الاستثمارات ٦٠٠ مليون يورو.", "Les investissements ont atteint 600 milliards d'euros.", "ar", "fr",
     ["number ٦٠٠ مليون (source) vs 600 milliards (target)"]),
    ("بلغ عدد السكان ٤٫٥ مليون نسمة.", "La population atteint 4,5 milliards d'habitants.", "ar", "fr",
     ["number ٤٫٥ مليون (source) vs 4,5 milliards (target)"]),
    ("La deuda es de 2 billones de euros.", "A dívida é de 2 bilhões de euros.", "es", "pt",
     ["number 2 billones (source) vs 2 bilhões (target)"]),
    # ... and the same amounts kept
    ("Бюджет составил 1 234,5 млн рублей.", "Бюджет склав 1 234,5 млн рублів.", "ru", "uk", []),
    ("Il debito è di 1.234,5 miliardi di euro.", "Die Schulden betragen 1.234,5 Milliarden Euro.", "it", "de", []),
    ("بلغت الاستثمارات ٦٠٠ مليون يورو.", "Les investissements ont atteint 600 millions d'euros.", "ar", "fr", []),
    ("A dívida é de 2 bilhões de reais.", "La deuda es de 2.000 millones de reales.", "pt", "es", []),
    ("La deuda es de 2 billones de euros.", "A dívida é de 2 trilhões de euros.", "es", "pt", []),
])
def test_a_changed_scale_beside_a_long_or_arabic_figure_is_found(src, tgt, src_lang, tgt_lang, expected):
    """A probe's planted changes: the digits of "1 234,5 millions" are those of "1 234,5 Milliarden",
    and equal digits passed for one figure; "٦٠٠" was not the "600" of "600 milliards"; Brazilian
    "bilhões" (10^9) was read as Spanish "billones" (10^12) too."""
    assert messages(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("Інвестиції склали 400 млн євро.", "Інвестиції склали 400 млн доларів.", "uk", "uk",
     ["currency 400 млн євро (source) vs 400 млн доларів (target)"]),
    ("Бюджет составил 1 234,5 млн рублей.", "Бюджет склав 1 234,5 млн гривень.", "ru", "uk",
     ["currency 1 234,5 млн рублей (source) vs 1 234,5 млн гривень (target)"]),
    ("Цена 300 долларов.", "Ціна 300 євро.", "ru", "uk", ["currency 300 долларов (source) vs 300 євро (target)"]),
    ("Расстояние 150 км.", "Відстань 150 миль.", "ru", "uk", ["unit 150 км (source) vs 150 миль (target)"]),
    ("بلغ المبلغ ١٬٢٣٤ دينار.", "Le montant s'élève à 1 234 euros.", "ar", "fr",
     ["currency ١٬٢٣٤ دينار (source) vs 1 234 euros (target)"]),
    ("价格为人民币1.5万元。", "価格は1万5000円だ。", "zh", "ja", ["currency 人民币1.5万 (source) vs 1万5000円 (target)"]),
    # ... and the same currencies and units in the other language's words
    ("Цена 300 рублей.", "Ціна 300 рублів.", "ru", "uk", []),
    ("Цена 300 долларов.", "Ціна 300 доларів.", "ru", "uk", []),
    ("Расстояние 150 км.", "Відстань 150 км.", "ru", "uk", []),
    ("بلغ المبلغ ١٬٢٣٤ دينار.", "Le montant s'élève à 1 234 dinars.", "ar", "fr", []),
    ("价格为人民币1.5万元。", "価格は1万5000元だ。", "zh", "ja", []),
    ("価格は1万5000円だ。", "価格は¥15,000だ。", "ja", "ja", []),
])
def test_a_changed_currency_or_unit_in_cyrillic_arabic_or_cjk_words_is_found(src, tgt, src_lang, tgt_lang, expected):
    """A probe's planted changes: Ukrainian "євро", "доларів", "гривень", Russian "км" and Arabic
    "دينار" were no currency or unit, and "円" (yen) passed for the "元" of "人民币" (yuan)."""
    assert messages(src, tgt, src_lang, tgt_lang) == expected


def test_the_rest_of_a_figure_after_a_cjk_multiplier_is_not_read_twice():
    """"1万5000" was read whole and its "5000" once more: one changed currency, two findings."""
    assert messages("価格は1万5000円だ。", "가격은 1만 5000원이다.", "ja", "ko") == [
        "currency 1万5000円 (source) vs 1만 5000원 (target)"]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang, expected", [
    ("売上高は3割増加した。", "매출은 30% 증가했다.", "ja", "ko", []),
    ("売上高は3割5分増加した。", "매출은 35% 증가했다.", "ja", "ko", []),
    ("売上高は3割増加した。", "매출은 40% 증가했다.", "ja", "ko", ["number 3割 (source) vs 40 (target)"]),
])
def test_a_japanese_share_in_tenths_is_a_percentage(src, tgt, src_lang, tgt_lang, expected):
    """A probe's faithful Korean: "3割" (30 %) against "30%" was "number 3 vs 30"."""
    assert messages(src, tgt, src_lang, tgt_lang) == expected


@pytest.mark.parametrize("src, tgt, expected", [
    ("会议于二〇二五年三月三日举行。", "会議は2025年3月3日に開催された。", []),
    ("会议于二〇二五年十二月二十五日举行。", "会議は2025年12月25日に開催された。", []),
    ("会议于二〇二五年三月三日举行。", "会議は2025年3月13日に開催された。", ["date 三月三日 (source) vs 3月13日 (target)"]),
    ("会议于二〇二四年三月三日举行。", "会議は2025年3月3日に開催された。", ["number 二〇二四 (source) vs 2025 (target)"]),
])
def test_a_chinese_date_in_numerals_is_compared(src, tgt, expected):
    """A probe's planted change: "二〇二五年三月三日" against "2025年3月13日" was not compared."""
    assert messages(src, tgt, "zh", "ja") == expected


@pytest.mark.parametrize("src, tgt, tgt_lang, expected", [
    # A count of 1000-2099 with a separator against the same count written bare.
    ("It employed 1,500 people.", "На нём работали 1800 человек.", "ru", ["number 1,500 (source) vs 1800 (target)"]),
    ("It employed 1,500 people.", "Elle comptait 1800 salariés.", "fr", ["number 1,500 (source) vs 1800 (target)"]),
    ("It employed 1,200 people.", "当时工厂有2000名员工。", "zh", ["number 1,200 (source) vs 2000 (target)"]),
    ("It employed 1,500 people.", "Elle comptait 1500 salariés.", "fr", []),
    ("In 1998 it employed 1,500 people.", "En 1998, elle comptait 1 500 salariés.", "fr", []),
    # A changed rate beside a whole number in words.
    ("Inflation fell to 2.9% in October, its lowest level in two years.",
     "L'inflation est tombée à 2,8 % en octobre, son plus bas niveau depuis deux ans.", "fr",
     ["number 2.9 (source) vs 2,8 (target)"]),
    ("Inflation fell to 2.9% in October, its lowest level in two years.",
     "L'inflation est tombée à 2,9 % en octobre, son plus bas niveau depuis deux ans.", "fr", []),
    ("The ship made 13.43 knots.", "Le navire filait treize noeuds quarante-trois centièmes.", "fr", []),
    # Feminine hundreds, a possessive king, Russian chapters and centuries.
    ("About 300 people came.", "Vinieron unas cuatrocientas personas.", "es",
     ["number 300 (source) vs cuatrocientas (target)"]),
    ("About 300 people came.", "Vieram cerca de quatrocentas pessoas.", "pt",
     ["number 300 (source) vs quatrocentas (target)"]),
    ("Louis XIV's palace was vast.", "Le palais de Louis XV était immense.", "fr",
     ["number Louis XIV (source) vs Louis XV (target)"]),
    ("Louis XIV's palace was vast.", "Le palais de Louis XIV était immense.", "fr", []),
    ("Chapter IV begins here.", "Глава V начинается здесь.", "ru", ["number Chapter IV (source) vs Глава V (target)"]),
    ("Chapter IV begins here.", "Глава IV начинается здесь.", "ru", []),
    ("In the 18th century.", "В XVIII веке.", "ru", []),
    ("In the 18th century.", "В XVII веке.", "ru", ["number 18 (source) vs XVII век (target)"]),
    # Below zero in Chinese and Japanese words; Fahrenheit converted to plain "degrees".
    ("It was 14°F (-10°C).", "气温零下10摄氏度。", "zh", []),
    ("It was 14°F (-10°C).", "気温はマイナス10度だった。", "ja", []),
    ("It was 95°F in the shade.", "Il faisait 35 degrés à l'ombre.", "fr", []),
    ("It was 72 degrees.", "Es war 22 Grad.", "de", []),
    ("It was 95°F in the shade.", "Il faisait 38 degrés à l'ombre.", "fr", ["number 95 (source) vs 38 (target)"]),
    # Web addresses that Chinese and Japanese write on against.
    ("Visit www.siemens.com.", "详情请访问www.siemens.com。", "zh", []),
    ("Visit www.siemens.com.", "詳しくはwww.siemens.comまで。", "ja", []),
    ("Visit www.siemens.com.", "詳しくはwww.siemens.deまで。", "ja",
     ["web address www.siemens.com (source) vs www.siemens.de (target)"]),
])
def test_a_probes_faithful_and_changed_facts(src, tgt, tgt_lang, expected):
    """A probe of ten languages' facts: each changed one went unseen (or a faithful one was flagged)."""
    assert messages(src, tgt, "en", tgt_lang) == expected


@pytest.mark.parametrize("space", ["\u202f", "\u2009", "\u2007", "\u200a"])
def test_thin_spaces_in_figures_and_before_units(space):
    """French typography's narrow spaces: a figure space in "10 000" split it into 10 and 000, and
    a narrow no-break space before "km" hid the unit."""
    assert messages("A donation of 10,000 euros, then 2,500 euros.",
                    f"Un don de 10{space}000{space}€, puis 2{space}500 euros.", "en", "fr") == []
    assert messages("A donation of 1,850 euros.", f"Un don de 1{space}580 euros.", "en", "fr") == [
        f"number 1,850 (source) vs 1{space}580 (target)"]
    assert messages("It is 7.5 miles long.", f"Il mesure 12{space}km.", "en", "fr") == []
    assert messages("It is 12 km long.", f"Il mesure 12{space}miles.", "en", "fr") == [
        f"unit 12 km (source) vs 12{space}miles (target)"]


def test_a_changed_square_unit_is_found():
    assert messages("The flat is 120 m².", "L'appartement fait 120 km².", "en", "fr") == [
        "unit 120 m² (source) vs 120 km² (target)"]
    assert messages("The flat is 120 m².", "L'appartement fait 120 m².", "en", "fr") == []


@pytest.mark.parametrize("tgt, tgt_lang, expected", [
    # A part of the day on each side: compared on twenty-four hours alone.
    ("El tren sale a las 9 de la noche.", "es", ["time 9 am (source) vs 9 de la noche (target)"]),
    ("Le train part à 9 heures du soir.", "fr", ["time 9 am (source) vs 9 heures du soir (target)"]),
    ("Der Zug fährt um 9 Uhr abends.", "de", ["time 9 am (source) vs 9 Uhr abends (target)"]),
    ("列车晚上9点出发。", "zh", ["time 9 am (source) vs 晚上9点 (target)"]),
    ("El tren sale a las 9 de la mañana.", "es", []),
    # An hour on twenty-four hours with the language's word for it.
    ("Поезд отправляется в 21 час.", "ru", ["time 9 am (source) vs 21 час (target)"]),
    ("列車は21時に出発する。", "ja", ["time 9 am (source) vs 21時 (target)"]),
    ("列车9点出发。", "zh", []),
    ("3時間後に列車は出発する。", "ja", []),
])
def test_a_morning_time_against_an_evening_one_is_found(tgt, tgt_lang, expected):
    """A probe's planted changes: "9 am" against "9 de la noche", "晚上9点" or "21時" went unseen
    (the hour as written matched, and "21時" was no time)."""
    assert messages("The train leaves at 9 am.", tgt, "en", tgt_lang) == expected


@pytest.mark.parametrize("tgt, tgt_lang, expected", [
    ("Поезд отправляется в 22 часа.", "ru", ["time 9 pm (source) vs 22 часа (target)"]),
    ("列车22点出发。", "zh", ["time 9 pm (source) vs 22点 (target)"]),
    ("列车21点30分出发。", "zh", ["time 9 pm (source) vs 21点30分 (target)"]),
    ("列车21点出发。", "zh", []),
    ("Через 3 часа поезд отправится.", "ru", []),
])
def test_an_hour_in_the_words_of_russian_and_cjk_is_a_time(tgt, tgt_lang, expected):
    assert messages("The train leaves at 9 pm.", tgt, "en", tgt_lang) == expected
    # "3点" is also three points of a plan: it keeps its reading as a number.
    assert messages("At 9 pm he made 3 proposals.", "他在晚上9点提出了3点建议。", "en", "zh") == []


@pytest.mark.parametrize("src, tgt, expected", [
    ("The company opened an office on 12/03/2024.", "افتتحت الشركة مكتباً في ١٢/٠٤/٢٠٢٤.",
     ["date 12/03/2024 (source) vs ١٢/٠٤/٢٠٢٤ (target)"]),
    ("The company opened an office on 12/03/2024.", "افتتحت الشركة مكتباً في ١٢/٠٣/٢٠٢٤.", []),
    ("Opened on 2024-03-12.", "افتُتح في ٢٠٢٤-٠٤-١٢.", ["date 2024-03-12 (source) vs ٢٠٢٤-٠٤-١٢ (target)"]),
    ("Opened on 2024-03-12.", "افتُتح في ٢٠٢٤-٠٣-١٢.", []),
])
def test_a_date_in_numbers_of_arabic_indic_digits_is_a_date(src, tgt, expected):
    """A probe's changed month in Arabic-Indic digits went unseen: the year's "20" was read in
    Latin digits only."""
    assert messages(src, tgt, "en", "ar") == expected


def test_the_date_tables_digits_are_each_scripts_own():
    """Every digit read as a Latin one is that digit (Khmer, Myanmar, Lao, Tibetan, Mongolian and the
    Indic scripts were missing: a probe's Khmer date with a changed month went unseen)."""
    import unicodedata

    from align.audit.facts.quantities import _LATIN_DIGITS

    assert all(unicodedata.digit(chr(code)) == int(latin) for code, latin in _LATIN_DIGITS.items())
    assert messages("Opened on 12/03/2024.", "បើកនៅ ១២/០៤/២០២៤។", "en", "km") == [
        "date 12/03/2024 (source) vs ១២/០៤/២០២៤ (target)"]


@pytest.mark.parametrize("src, tgt, tgt_lang, expected", [
    ("The tank holds 10 gallons.", "Le réservoir contient 38 litres.", "fr", []),
    ("The farm covers 50 acres.", "La ferme couvre 20 hectares.", "fr", []),
    ("The farm covers 50 acres.", "Die Farm umfasst 20 Hektar.", "de", []),
    ("The tank holds 10 gallons.", "Le réservoir contient 12 gallons.", "fr", ["number 10 (source) vs 12 (target)"]),
    ("The farm covers 50 acres.", "La ferme couvre 60 acres.", "fr", ["number 50 (source) vs 60 (target)"]),
])
def test_gallons_and_acres_converted_are_no_changed_figures(src, tgt, tgt_lang, expected):
    """A probe's faithful conversions: "10 gallons" / "38 litres" and "50 acres" / "20 hectares" were
    changed numbers (the units were unknown, so nothing said they measure one thing two ways)."""
    assert messages(src, tgt, "en", tgt_lang) == expected


def test_a_celsius_figure_is_not_taken_for_fahrenheit():
    """A review: the conversion test ran both ways, so "95 °C" / "36 degrés" (a changed boiling
    point) passed as 95 °F converted."""
    assert messages("Water here boils at 95 °C.", "L'eau bout ici à 36 degrés.", "en", "fr") == [
        "number 95 (source) vs 36 (target)"]
