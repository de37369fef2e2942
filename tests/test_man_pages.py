"""Linux man pages saved as text (`MANWIDTH=80 man -l ls.1.gz | col -bx`): groff hyphenates the
words it breaks at a line end with U+2010 HYPHEN, indents and justifies its paragraphs, and sets
an option's name on a line above its description."""
from align.documents import load_sentences
from align.reading import RawText
from align.segmenters import load_segmenter

SEGMENTER = load_segmenter("auto")


def sentences(text: str, name: str = "page.txt") -> list[str]:
    return [s.text for s in load_sentences(RawText(text, "utf-8", name), SEGMENTER)]


def test_a_word_groff_hyphenated_with_u2010_at_a_line_end_is_read_whole():
    # ls(1) in English and date(1) in French, as man prints them: the encoder read "speci‐ fied"
    # and "ac‐ tuelle", the break's hyphen and a space inside the word.
    english = ("DESCRIPTION\n"
               "       List  information  about  the FILEs (the current directory by default).\n"
               "       Sort entries alphabetically if none of -cftuvSUX nor --sort  is  speci\u2010\n"
               "       fied.\n")
    assert "Sort entries alphabetically if none of -cftuvSUX nor --sort is specified." in sentences(english)
    french = ("       -d, --date=CHAÎNE\n"
              "              afficher  la  date  indiquée  dans CHAÎNE plutôt que la date ac\u2010\n"
              "              tuelle, et pas « now »\n")
    assert any("la date actuelle, et pas" in s for s in sentences(french, "fr.txt"))
