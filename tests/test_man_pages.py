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
    assert "with -l, scale sizes by SIZE when printing them; e.g., '--block-size=M'; see SIZE format below" in found
    assert ("-c with -lt: sort by, and show, ctime (time of last modification of file status information); "
            "with -l: show ctime and sort by name; otherwise: sort by ctime, newest first") in found
    assert "do not list implied entries ending with ~" in found
    assert "DESCRIPTION" in found and "SYNOPSIS" in found


def test_an_options_name_and_its_description_indented_under_it_are_read_alike_in_every_language():
    # diff(1) in English and in German: a description opening in lower case went on with the option's
    # name above it, one opening in a capital (German's) did not, and every option of the pair was
    # a false "split". A section's heading under three letters ("NOM", "ИМЯ") was read into the
    # line indented under it ("NOM ls - Afficher le contenu de répertoires").
    english = ("       --normal\n"
               "              output a normal diff (the default)\n"
               "\n"
               "       -q, --brief\n"
               "              report only when files differ\n")
    german = ("       --normal\n"
              "              Ein normales Diff ausgeben (Voreinstellung)\n"
              "\n"
              "       -q, --brief\n"
              "              Nur melden, wenn sich Dateien unterscheiden\n")
    assert sentences(english) == ["--normal", "output a normal diff (the default)",
                                  "-q, --brief", "report only when files differ"]
    assert sentences(german, "de.txt") == ["--normal", "Ein normales Diff ausgeben (Voreinstellung)",
                                           "-q, --brief", "Nur melden, wenn sich Dateien unterscheiden"]
    french = ("LS(1)                     Commandes de l'utilisateur                     LS(1)\n"
              "\n"
              "NOM\n"
              "       ls - Afficher le contenu de répertoires\n")
    assert sentences(french, "fr.txt")[1:] == ["NOM", "ls - Afficher le contenu de répertoires"]


def test_a_web_address_in_the_angle_brackets_groff_prints_ends_at_the_bracket():
    # cp(1): the English page writes "<https://...>", the German one's .UR macro "⟨https://...⟩"
    # (U+27E8, U+27E9), and the closing bracket was read into the address: every address of the
    # translated pages was a "web address ... vs .../⟩" mismatch.
    from align.audit.facts import compare_facts

    assert compare_facts("GNU coreutils online help: <https://www.gnu.org/software/coreutils/>",
                         "Onlinehilfe für GNU coreutils: ⟨https://www.gnu.org/software/coreutils/⟩", "en", "de") == []
    assert compare_facts("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.",
                         "Lizenz GPLv3+: GNU GPL Version 3 ⟨https://gnu.org/licenses/gpl.html⟩ oder neuer.",
                         "en", "de") == []


def test_a_full_line_goes_on_under_a_deeper_indent_where_the_page_has_no_wrapping_width():
    # signal(7) in French: its tables outvote its wrapped lines, so no wrapping width is found; a
    # numbered step's full line goes on, indented under its number, and stays one sentence.
    text = ("signal(7)              Miscellaneous Information Manual              signal(7)\n"
            "\n"
            "       (1)  Le  noyau réalise les étapes préparatoires nécessaires pour l’exé\u2010\n"
            "            cution du gestionnaire de signal :\n"
            "\n"
            "            (1.1)  Le signal est supprimé de l’ensemble  des  signaux  en  at\u2010\n"
            "                   tente.\n")
    assert sentences(text, "fr.txt")[-1] == "(1.1) Le signal est supprimé de l’ensemble des signaux en attente."


# The end of ls(1), as man sets it: justified, every line it breaks padded to 78 columns.
LS_END = (
    '       --version\n'
    '              output version information and exit\n'
    '\n'
    '       The SIZE argument is an integer and  optional  unit  (example:  10K  is\n'
    '       10*1024).   Units  are  K,M,G,T,P,E,Z,Y  (powers  of 1024) or KB,MB,...\n'
    '       (powers of 1000).  Binary prefixes can be used, too: KiB=K, MiB=M,  and\n'
    '       so on.\n'
    '\n'
    '       The  TIME_STYLE  argument  can  be  full-iso, long-iso, iso, locale, or\n'
    '       +FORMAT.  FORMAT is interpreted like in date(1).   If  FORMAT  is  FOR‐\n'
    '       MAT1<newline>FORMAT2, then FORMAT1 applies to non-recent files and FOR‐\n'
    "       MAT2 to recent files.  TIME_STYLE prefixed with 'posix-'  takes  effect\n"
    '       only  outside  the POSIX locale.  Also the TIME_STYLE environment vari‐\n'
    '       able sets the default style to use.\n'
    '\n'
    "       The WHEN argument defaults to  'always'  and  can  also  be  'auto'  or\n"
    "       'never'.\n"
    '\n'
    '       Using  color  to distinguish file types is disabled both by default and\n'
    '       with --color=never.  With --color=auto, ls emits color codes only  when\n'
    '       standard  output is connected to a terminal.  The LS_COLORS environment\n'
    '       variable can change the settings.  Use the dircolors(1) command to  set\n'
    '       it.\n'
    '\n'
    '   Exit status:\n'
    '       0      if OK,\n'
    '\n'
    '       1      if minor problems (e.g., cannot access subdirectory),\n'
    '\n'
    '       2      if serious trouble (e.g., cannot access command-line argument).\n'
    '\n'
    'AUTHOR\n'
    '       Written by Richard M. Stallman and David MacKenzie.\n'
    '\n'
    'REPORTING BUGS\n'
    '       GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n'
    '       Report any translation bugs to <https://translationproject.org/team/>\n'
    '\n'
    'COPYRIGHT\n'
    '       Copyright  ©  2022  Free Software Foundation, Inc.  License GPLv3+: GNU\n'
    '       GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n'
    '       This is free software: you are free  to  change  and  redistribute  it.\n'
    '       There is NO WARRANTY, to the extent permitted by law.\n'
    '\n'
    'SEE ALSO\n'
)


def test_a_justified_pages_line_shorter_than_the_width_ends_where_its_writer_broke_it():
    # "GNU coreutils online help: <https://...>" / "Report any translation bugs to <...>" are two
    # lines of the page's source; the next word would not have fit on the first, so it read as
    # wrapped, one "sentence" in English beside two in every translation (whose lines differ): a
    # false split on every coreutils page. A line the justifier broke is exactly 78 columns wide.
    found = sentences(LS_END)
    assert "GNU coreutils online help: <https://www.gnu.org/software/coreutils/>" in found
    assert "Report any translation bugs to <https://translationproject.org/team/>" in found
    assert ("The TIME_STYLE argument can be full-iso, long-iso, iso, locale, or +FORMAT.") in found
    assert "Using color to distinguish file types is disabled both by default and with --color=never." in found


def test_a_punctuation_mark_quoted_alone_is_named_not_a_sentences_end():
    # glob(7) in Japanese: "'?'" is the wildcard the sentence speaks of, and "(ブラケット外部の) '?'"
    # stood as a sentence of its own, the rest of it another (a false split on each such line).
    text = ("       (ブラケット外部の) '?' はあらゆる単一の文字にマッチする。\n"
            "\n"
            "       glob  動作は、パス名のそれぞれの部分に独立に適用される。 パス名に存在する '/' は '?' や '*' ワイルドカードにはマッチしない。\n")
    assert sentences(text, "ja.txt") == ["(ブラケット外部の) '?' はあらゆる単一の文字にマッチする。",
                                         "glob 動作は、パス名のそれぞれの部分に独立に適用される。",
                                         "パス名に存在する '/' は '?' や '*' ワイルドカードにはマッチしない。"]


def test_a_full_stop_standing_alone_as_a_name_before_japanese_ends_no_sentence():
    # ls(1) in Japanese: ". で始まる要素を無視しない" (do not ignore entries starting with ".") was
    # the "sentence" "." and the rest, ". および .. を一覧表示しない" three pieces.
    text = ("       -a, --all\n"
            "              . で始まる要素を無視しない\n"
            "\n"
            "       -A, --almost-all\n"
            "              . および .. を一覧表示しない\n")
    assert sentences(text, "ja.txt") == ["-a, --all", ". で始まる要素を無視しない",
                                         "-A, --almost-all", ". および .. を一覧表示しない"]


# signal(7) in German as `MANWIDTH=80 man -l signal.7.gz | col -bx` saves it: paragraphs justified
# to 78 columns, and the signal table's rule and a row or two wider than that.
SIGNAL_DE = (
    '       Ein Prozess kann die Zuordnung eines Signals mit Hilfe von sigaction(2)\n'
    '       oder signal(2) ändern. (Letzteres ist  schlechter  portierbar  bei  der\n'
    '       Realisierung  von  Signal-Handlern;  siehe  signal(2) für Details.) Mit\n'
    '       diesen Systemaufrufen kann ein Prozess eine der  folgenden  Verhaltens‐\n'
    '       weisen  bei  Erhalt eines Signals auswählen: die Standardaktion ausfüh‐\n'
    '       ren, das Signal ignorieren oder das Signal mit einem Signal-Handler ab‐\n'
    '       fangen.  Ein Signal-Handler ist eine vom Programmierer definierte Funk‐\n'
    '       tion. Sie wird automatisch aufgerufen, wenn das Signal eintrifft.\n'
    '\n'
    '       Standardmäßig wird ein Signal-Handler auf  dem  normalen  Prozess-Stack\n'
    '       aufgerufen.  Man  kann es einrichten, dass der Signal-Handler einen al‐\n'
    '       ternativen Stack benutzt; vgl. sigaltstack(2) für eine Erörterung,  wie\n'
    '       das gemacht wird und wann es nützlich sein könnte.\n'
    '\n'
    '       Die  Signalzuordnung ist ein prozessbezogenes Attribut; in einer Multi‐\n'
    '       thread-Anwendung ist die Zuordnung eines bestimmten Signales  für  alle\n'
    '       Threads gleich.\n'
    '\n'
    '       Ein  mittels fork(2) erstellter Kindprozess erbt eine Kopie der Signal‐\n'
    '       zuordnungen seines Elternprozesses. Während eines execve(2) werden  die\n'
    '       Zuordnungen von verwalteten Signalen auf die Vorgabe zurückgesetzt; die\n'
    '       Zuordnung ignorierter Signale werden unverändert gelassen.\n'
    '\n'
    '   Ein Signal senden\n'
    '       Die folgenden Systemaufrufe und Bibliotheksfunktionen  ermöglichen  dem\n'
    '       aufrufenden Programm den Versand eines Signals:\n'
    '\n'
    '       raise(3)\n'
    '              sendet dem aufrufenden Thread ein Signal\n'
    '\n'
    '       kill(2)\n'
    '              sendet  ein  Signal an einen bestimmten Prozess, alle Mitglieder\n'
    '              einer bestimmten Prozessgruppe oder an alle Prozesse im System\n'
    '\n'
    '\n'
    '   Standard-Signale\n'
    '       Linux  untersützt  die  nachfolgend  aufgeführten Standard-Signale. Die\n'
    '       zweite Spalte der Tabelle zeigt an, welcher Standard (falls  vorhanden)\n'
    '       das Signal festlegt: »P1990« zeigt an, dass das Signal in dem ursprüng‐\n'
    '       lichen Standard POSIX.1-1990 beschrieben wurde; »P2001« zeigt an,  dass\n'
    '       das Signal in SUSv2 und POSIX.1-2001 hinzugefügt wurde.\n'
    '\n'
    '       Signal      Standard   Aktion   Kommentar\n'
    '       ──────────────────────────────────────────────────────────────────────────────────────────\n'
    '       SIGABRT      P1990      Core    Abbruchsignal von abort(3)\n'
    '       SIGALRM      P1990      Term    Timersignal von alarm(2)\n'
    '       SIGBUS       P2001      Core    Bus-Fehler (Speicherzugriffsfehler)\n'
    '       SIGCHLD      P1990      Ign     Kindprozess angehalten oder beendet\n'
    '       SIGCLD         -        Ign     ein Synonym für SIGCHLD\n'
    '       SIGCONT      P1990      Cont    fortsetzen, wenn angehalten\n'
    '       SIGEMT         -        Term    Emulator-Ausnahmebehandlung\n'
    '       SIGFPE       P1990      Core    Fließkomma-Ausnahmefehler\n'
)


def test_a_justified_page_with_a_line_wider_than_its_text_is_read_as_wrapped_at_its_text():
    # The rule under the table's heading is 90 columns wide: taken as the width, no line of the
    # page was full, and each line opening on a capital (every German noun) began a "sentence":
    # 53 false additions and 78 splits against the English page.
    from align.wrapping import wrap_width

    assert wrap_width(SIGNAL_DE) == 78
    found = sentences(SIGNAL_DE, "de.txt")
    assert ("(Letzteres ist schlechter portierbar bei der Realisierung von Signal-Handlern; siehe "
            "signal(2) für Details.)") in found
    assert ("Die Signalzuordnung ist ein prozessbezogenes Attribut; in einer Multithread-Anwendung ist "
            "die Zuordnung eines bestimmten Signales für alle Threads gleich.") in found
    # The table's rows fill the width too, and each is a row of its own; the rule runs into neither
    # the heading above it nor the row under it.
    assert found[-10:-8] == ["Signal Standard Aktion Kommentar", "─" * 90]
    assert found[-8:-5] == ["SIGABRT P1990 Core Abbruchsignal von abort(3)",
                            "SIGALRM P1990 Term Timersignal von alarm(2)",
                            "SIGBUS P2001 Core Bus-Fehler (Speicherzugriffsfehler)"]


def test_a_table_drawn_in_box_characters_keeps_a_row_a_line():
    # strlen(3)'s ATTRIBUTES table: its 80-column frame passed for the width the page was wrapped
    # at, and the frame and both rows ran on into one "sentence".
    text = ('DESCRIPTION\n'
            '       The strlen() function calculates the length of the string pointed to by\n'
            "       s, excluding the terminating null byte ('\\0').\n"
            '\n'
            'RETURN VALUE\n'
            '       The strlen() function returns the number of bytes in the string pointed\n'
            '       to by s.\n'
            '\n'
            'ATTRIBUTES\n'
            '       For  an  explanation  of  the  terms  used  in  this  section,  see at‐\n'
            '       tributes(7).\n'
            '\n'
            '       ┌────────────────────────────────────────────┬───────────────┬─────────┐\n'
            '       │Interface                                   │ Attribute     │ Value   │\n'
            '       ├────────────────────────────────────────────┼───────────────┼─────────┤\n'
            '       │strlen()                                    │ Thread safety │ MT-Safe │\n'
            '       └────────────────────────────────────────────┴───────────────┴─────────┘\n'
            '\n'
            'STANDARDS\n'
            '       POSIX.1-2001, POSIX.1-2008, C99, C11, SVr4, 4.3BSD.\n')
    found = sentences(text)
    assert "For an explanation of the terms used in this section, see attributes(7)." in found
    assert "│Interface │ Attribute │ Value │" in found
    assert "│strlen() │ Thread safety │ MT-Safe │" in found


def test_a_row_of_a_table_set_out_with_spaces_is_no_wrapped_line():
    # signal(7) in Czech: the SIGALRM row fills the 78 columns the page is justified to, and ran on
    # into the SIGBUS row under it, one "sentence" of two rows beside two in English.
    from align.wrapping import one_table

    assert one_table('       SIGALRM      P1990     Term   Signál od časovače, nastaveného funkcí alarm(1)',
                     '       SIGBUS       P2001     Core   "Bus error" - pokus o přístup mimo mapovanou paměť')
    # Two widely spaced lines of a justified paragraph (mailaddr(7) in Italian) share a column
    # after a gap by chance, not two.
    assert not one_table('       Giovanni    Bortolozzo    <borto@dei.unipd.it>,    Ottavio   G.   Rizzo',
                         '       <rizzo@pluto.linux.it>,  Giulio  Daprelà   <giulio@pluto.it>   e   Marco')
