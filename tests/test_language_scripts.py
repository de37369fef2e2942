"""Language detection of scripts and languages the benchmarks do not cover (a probe of translations
of an English news article)."""

from align.language import language_name, likeliest_apart

SERBIAN_CYRILLIC = ("Град Ривертон отворио је у понедељак, 12. марта 2024, нову јавну библиотеку. Зграда је коштала "
                    "45 милиона долара, а градња је трајала три године. Градоначелница Ана Ковач рекла је да ће "
                    "библиотека служити за више од 80.000 становника. Библиотека има 250.000 књига на дванаест језика.")
SERBIAN_LATIN = ("Grad Riverton otvorio je u ponedeljak, 12. marta 2024, novu javnu biblioteku. Zgrada je koštala "
                 "45 miliona dolara, a gradnja je trajala tri godine. Gradonačelnica Ana Kovač rekla je da će "
                 "biblioteka služiti za više od 80.000 stanovnika. Biblioteka ima 250.000 knjiga na dvanaest jezika.")


def test_serbian_in_latin_script_beside_cyrillic_is_serbian_latin_not_croatian():
    """Both read as Serbian; the Latin text was then taken in its next likeliest language, Croatian,
    and so named in every report. Beside Serbian in Cyrillic it is Serbian in Latin script."""
    assert likeliest_apart(SERBIAN_CYRILLIC, SERBIAN_LATIN, "sr") == (1, "sr-Latn")
    assert likeliest_apart(SERBIAN_LATIN, SERBIAN_CYRILLIC, "sr") == (0, "sr-Latn")
    assert language_name("sr-Latn") == "Serbian in Latin script (sr-Latn)"
