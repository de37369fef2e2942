"""Language detection of scripts and languages the benchmarks do not cover (a probe of translations
of an English news article)."""

import json
import subprocess
import sys

import pytest

from align.documents import dominant_language, load_sentences
from align.language import language_name, likeliest_apart, serbo_croatian_standard
from align.reading import read_input
from align.segmenters import load_segmenter

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


# A Croatian paragraph the detector reads as Serbian (sentence by sentence Croatian, Serbian,
# Serbo-Croatian, Croatian; the most letters Serbian), and its Serbian translation in both scripts.
CROATIAN = ("Predsjednik je u utorak rekao da se vlada neće mijenjati. Novinarima je objasnio da je sastanak "
            "trajao dva sata i da su razgovarali o plaćama, porezima i mirovinama. Oporba traži izvanredne "
            "izbore. Tko će pobijediti, još nitko ne zna.")
SERBIAN_LATIN_EKAVIAN = ("Predsednik je u utorak rekao da se vlada neće menjati. Novinarima je objasnio da je sastanak "
                         "trajao dva sata i da su razgovarali o platama, porezima i penzijama. Opozicija traži "
                         "vanredne izbore. Ko će pobediti, još niko ne zna.")
SERBIAN_CYRILLIC_EKAVIAN = ("Председник је у уторак рекао да се влада неће мењати. Новинарима је објаснио да је "
                            "састанак трајао два сата и да су разговарали о платама, порезима и пензијама. Опозиција "
                            "тражи ванредне изборе. Ко ће победити, још нико не зна.")


def test_croatian_beside_serbian_cyrillic_is_croatian_not_serbian_latin():
    """A Croatian text read as Serbian beside a Serbian one in Cyrillic was named Serbian in Latin
    script; its words ("tko", "nitko", "oporba", "mirovina", ijekavian "predsjednik") are Croatian."""
    assert likeliest_apart(CROATIAN, SERBIAN_CYRILLIC_EKAVIAN, "sr") == (0, "hr")
    assert likeliest_apart(SERBIAN_CYRILLIC_EKAVIAN, CROATIAN, "sr") == (1, "hr")
    # Serbian in Latin letters beside the same Cyrillic text is still Serbian in Latin script.
    assert likeliest_apart(SERBIAN_LATIN_EKAVIAN, SERBIAN_CYRILLIC_EKAVIAN, "sr") == (0, "sr-Latn")
    assert likeliest_apart(SERBIAN_CYRILLIC, SERBIAN_LATIN, "sr") == (1, "sr-Latn")


@pytest.mark.parametrize("text, standard", [
    (CROATIAN, "hr"),
    (SERBIAN_LATIN_EKAVIAN, "sr"),
    # Croatian: "tjedan, sveučilište, kava, kruh, tisuća, vlak, lipanj", ijekavian "rijeka, mjesto, gdje".
    ("Sveučilište u Zadru otvorilo je prošli tjedan novu knjižnicu uz rijeku. Tko god želi učiti, može doći "
     "svaki dan od osam sati ujutro. Studenti kažu da je najbolje mjesto za rad čitaonica na drugom katu, gdje se "
     "smije piti kava, ali ne i jesti kruh. Rektorica je rekla što očekuje: više od tisuću posjetitelja mjesečno i "
     "vlak koji će od lipnja stajati pred zgradom.", "hr"),
    # Its Serbian translation: "nedelja, univerzitet, kafa, hleb, hiljada, voz, šta", ekavian "reka, mesto, gde".
    ("Univerzitet u Novom Sadu otvorio je prošle nedelje novu biblioteku pored reke. Ko god želi da uči, može da "
     "dođe svakog dana od osam sati ujutru. Studenti kažu da je najbolje mesto za rad čitaonica na drugom spratu, "
     "gde sme da se pije kafa, ali ne i da se jede hleb. Rektorka je rekla šta očekuje: više od hiljadu posetilaca "
     "mesečno i voz koji će od juna stajati ispred zgrade.", "sr"),
    # Ijekavian with Serbian and Bosnian words ("ko", "hiljada", "historija"): Bosnian, or Serbian as
    # written in Bosnia; not told.
    ("Ko želi da vidi muzej, može doći prije podne. Ondje je izloženo više od hiljadu predmeta iz historije "
     "grada, a djeca ulaze besplatno.", None),
    (SERBIAN_CYRILLIC_EKAVIAN, None),  # Cyrillic: no markers, and Serbian anyway
])
def test_the_standard_of_a_serbo_croatian_text_is_told_by_its_words(text, standard):
    assert serbo_croatian_standard(text) == standard


def test_a_croatian_file_beside_serbian_cyrillic_is_named_croatian(tmp_path):
    for name, text in (("hr.txt", CROATIAN), ("sr_lat.txt", SERBIAN_LATIN_EKAVIAN),
                       ("sr_cyr.txt", SERBIAN_CYRILLIC_EKAVIAN)):
        (tmp_path / name).write_text(text.replace(". ", ".\n") + "\n", encoding="utf-8")
    seg = load_segmenter("auto")
    # Alone: the detector's sentences give Serbian the most letters.
    assert dominant_language(load_sentences(read_input(str(tmp_path / "hr.txt")), seg)) == "hr"
    for files, langs in ((("hr.txt", "sr_cyr.txt"), ("hr", "sr")), (("sr_cyr.txt", "hr.txt"), ("sr", "hr")),
                         (("sr_lat.txt", "sr_cyr.txt"), ("sr-Latn", "sr"))):
        done = subprocess.run([sys.executable, "-m", "align", "pair", *(str(tmp_path / f) for f in files),
                               "-f", "json"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert (report["source"]["lang"], report["target"]["lang"]) == langs, files


ENGLISH = ("The president said on Tuesday that the government would not change. He told reporters that the "
           "meeting had lasted two hours and that they had discussed wages, taxes and pensions. The opposition "
           "is calling for early elections. Who will win, nobody knows yet.")


def _lines(text: str) -> str:
    return text.replace(". ", ".\n") + "\n"


def _pair(*files):
    return subprocess.run([sys.executable, "-m", "align", "pair", *map(str, files), "-f", "json"],
                          capture_output=True, text=True)


def test_a_croatian_file_given_alone_is_one_language_not_two_halves(tmp_path):
    """Sentence by sentence the detector reads this Croatian text as hr, sr, sh and hr: given alone
    (one file holding both languages) it was split into a "Serbian" and a "Croatian" half, and its
    "sh (sh)" sentence left out. It is one text in one language, refused as a French one is."""
    (tmp_path / "hr.txt").write_text(_lines(CROATIAN), encoding="utf-8")
    done = _pair(tmp_path / "hr.txt")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"align: error: {tmp_path / 'hr.txt'}: only Croatian (hr) text found; give a second file to align against"]


@pytest.mark.parametrize("first, second, langs", [
    (ENGLISH, CROATIAN, ("en", "hr")),
    # A real two-language file of close languages: its halves are kept, told by script and words.
    (CROATIAN, SERBIAN_CYRILLIC_EKAVIAN, ("hr", "sr")),
    (CROATIAN, SERBIAN_LATIN_EKAVIAN, ("hr", "sr")),
])
def test_a_file_holding_croatian_and_another_language_gives_each_whole(tmp_path, first, second, langs):
    """English above its Croatian translation: the English was aligned with one "Serbian" sentence
    and the rest of the Croatian (its "hr" and "sh" sentences) left out."""
    (tmp_path / "both.txt").write_text(_lines(first) + "\n" + _lines(second), encoding="utf-8")
    done = _pair(tmp_path / "both.txt")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["source"]["lang"], report["target"]["lang"]) == langs
    for side, text in zip(("source", "target"), (first, second)):
        assert [s["text"] for s in report[side]["sentences"]] == _lines(text).splitlines()
    assert "left out" not in done.stderr


def test_serbo_croatian_and_bosnian_have_names():
    assert language_name("sh") == "Serbo-Croatian (sh)"
    assert language_name("bs") == "Bosnian (bs)"


# A Croatian news item and its Serbian (ekavian, Latin script) translation, one sentence a line: a
# paragraph a sentence, of which few hold two marker words.
CROATIAN_NEWS = """Vlada Republike Hrvatske usvojila je u četvrtak prijedlog zakona o zaštiti okoliša.
Ministrica je novinarima rekla da će zakon stupiti na snagu sljedeće godine.
Prema njezinim riječima, cilj je smanjiti onečišćenje zraka u većim gradovima.
U Zagrebu i Slavonskom Brodu prošle je zime kakvoća zraka često bila vrlo loša.
Stručnjaci upozoravaju da su djeca i starije osobe najviše izloženi.
Oporba tvrdi da mjere nisu dovoljne i traži hitnu raspravu u Saboru.
Predsjednik udruge građana rekao je da ljudi žele čist zrak, a ne obećanja.
Novi zakon predviđa kazne do dvjesto tisuća eura za tvornice koje prekrše pravila.
Sredstva za projekt osigurat će se iz proračuna i iz fondova Europske unije.
Rasprava u Saboru očekuje se krajem mjeseca.
"""
SERBIAN_NEWS = """Vlada Srbije usvojila je u četvrtak nacrt zakona o zaštiti životne sredine.
Ministarka je novinarima rekla da će zakon stupiti na snagu sledeće godine.
Prema njenim rečima, cilj je da se smanji zagađenje vazduha u većim gradovima.
U Beogradu je prošle zime kvalitet vazduha često bio veoma loš.
Stručnjaci upozoravaju da su deca i stariji najviše izloženi.
Opozicija tvrdi da mere nisu dovoljne i traži hitnu raspravu u Skupštini.
Predsednik udruženja građana rekao je da ljudi žele čist vazduh, a ne obećanja.
Novi zakon predviđa kazne do dva miliona dinara za fabrike koje prekrše pravila.
Sredstva za projekat obezbediće se iz budžeta i iz fondova Evropske unije.
Rasprava u parlamentu očekuje se krajem meseca.
"""


@pytest.mark.parametrize("first, second", [(CROATIAN_NEWS, SERBIAN_NEWS), (SERBIAN_NEWS, CROATIAN_NEWS)])
def test_a_file_holding_croatian_and_serbian_latin_a_sentence_a_line_gives_each_whole(tmp_path, first, second):
    """No one-line paragraph says its standard (two markers at least), so the file was read as one
    Croatian text and refused ("only Croatian (hr) text found"); its first half says Croatian and
    its second Serbian. Before the markers it was aligned, 9 sentences to 9, one left out each."""
    (tmp_path / "both.txt").write_text(first + "\n" + second, encoding="utf-8")
    done = _pair(tmp_path / "both.txt")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    # The main part (the one with most letters, here the Croatian) is the source.
    assert (report["source"]["lang"], report["target"]["lang"]) == ("hr", "sr")
    for side, text in (("source", CROATIAN_NEWS), ("target", SERBIAN_NEWS)):
        assert [s["text"] for s in report[side]["sentences"]] == text.splitlines()
    assert "left out" not in done.stderr
