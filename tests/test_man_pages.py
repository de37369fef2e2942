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


# ls(1) as `MANWIDTH=80 man ls | col -bx` saves it: a justified paragraph a line, each option's
# description indented under its name.
LS_OPENING = (
    'LS(1)                            User Commands                           LS(1)\n'
    '\n'
    'NAME\n'
    '       ls - list directory contents\n'
    '\n'
    'SYNOPSIS\n'
    '       ls [OPTION]... [FILE]...\n'
    '\n'
    'DESCRIPTION\n'
    '       List  information  about  the FILEs (the current directory by default).\n'
    '       Sort entries alphabetically if none of -cftuvSUX nor --sort  is  speci‐\n'
    '       fied.\n'
    '\n'
    '       Mandatory  arguments  to  long  options are mandatory for short options\n'
    '       too.\n'
    '\n'
    '       -a, --all\n'
    '              do not ignore entries starting with .\n'
    '\n'
    '       -A, --almost-all\n'
    '              do not list implied . and ..\n'
    '\n'
    '       --author\n'
    '              with -l, print the author of each file\n'
    '\n'
    '       -b, --escape\n'
    '              print C-style escapes for nongraphic characters\n'
    '\n'
    '       --block-size=SIZE\n'
    '              with  -l,  scale  sizes  by  SIZE  when  printing  them;   e.g.,\n'
    "              '--block-size=M'; see SIZE format below\n"
    '\n'
    '       -B, --ignore-backups\n'
    '              do not list implied entries ending with ~\n'
    '\n'
    '       -c     with -lt: sort by, and show, ctime (time of last modification of\n'
    '              file status information); with -l: show ctime and sort by  name;\n'
    '              otherwise: sort by ctime, newest first\n'
    '\n'
    '       -C     list entries by columns\n'
    '\n'
    '       --color[=WHEN]\n'
    '              color the output WHEN; more info below\n'
    '\n'
    '       -d, --directory\n'
)


def test_a_man_pages_justified_lines_go_on_whatever_the_next_line_opens_with():
    # The option lines above their descriptions ("-a, --all" / "do not ignore ...") outvoted the
    # wrapped lines: the text was not read as wrapped at 78 columns, and a line went on only into
    # one opening in lower case. "'--block-size=M'; see SIZE format below" and, after a
    # semicolon, "otherwise: sort by ctime, newest first" stood as sentences of their own.
    found = sentences(LS_OPENING)
    assert ("--block-size=SIZE with -l, scale sizes by SIZE when printing them; e.g., '--block-size=M'; "
            "see SIZE format below") in found
    assert ("-c with -lt: sort by, and show, ctime (time of last modification of file status information); "
            "with -l: show ctime and sort by name; otherwise: sort by ctime, newest first") in found
    assert "-B, --ignore-backups do not list implied entries ending with ~" in found
    assert "DESCRIPTION" in found and "SYNOPSIS" in found
