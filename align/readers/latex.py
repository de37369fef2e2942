"""LaTeX documents (.tex, .ltx): the text a reader of the typeset page sees, each sentence located
by its line in the file.

A LaTeX file is its text interleaved with commands. Read as plain text, as it was before this
reader, `\\documentclass{article}` and `\\begin{itemize}` were sentences (`\\usepackage[french]{babel}`
one read as Spanish and set aside), `\\emph{program}` against `\\emph{programme}` was a placeholder
mismatch, and a `% comment` and a `\\footnote{...}` sat inside the sentence around them.

Read here as it is typeset: the preamble (before `\\begin{document}`) holds no text but the title
(a heading) and the author and date (furniture); comments are gone; escapes, accents, dashes and
TeX's quotes are the characters they print; inline commands (`\\emph`, `\\textbf`, a command this
reader does not know) are dissolved into their sentence, their arguments' text kept; a label,
an index entry, a length or a package's options are no text. Sectioning commands, list items,
table cells and paragraphs (parted by a blank line) are blocks of their own; a footnote, a caption
or a margin note is a block after its paragraph, so that the sentence around it stays whole.
Code (verbatim, lstlisting, minted), pictures and display mathematics are furniture: shown on
the page, but no prose to translate. Inline mathematics is read as it prints, "$\\pi$" as "π",
"$mc^2$" as "mc²", and a reference or a citation as its key in brackets, "[sec:install]", the same
in both files. A file `\\input`, `\\include`d or `\\subfile`d beside it is typeset where it stands
(`includes`), an \\input's words in the running paragraph as TeX reads them, each of its blocks
located by that file and its line, "chapters/intro.tex, line 12", with the macros the document
defined before it (and those of a package of its own it loads, `\\usepackage{lshort}` with lshort.sty
beside it); before, it was named in a warning and its text
was not read at all (a thesis was its preamble and its front matter). One that cannot be read (no
such file, a cycle) is named in a warning.
"""
from __future__ import annotations

import bisect
import logging
import os
import re
import unicodedata

from .. import lazy_re
from .base import Block, Reader, broken, shifted, tidy
from .includes import FileLine, Includes, decoded, in_file, own_marks, where

logger = logging.getLogger("align")

# What holds text that is not TeX (verbatim, a URL, a listing) and what is no text at all (a
# comment): found before the comments are taken out, so that the "%" of a URL or of a listing stays.
# A comment takes its line's end and the next line's indent with it, as TeX reads it, unless the
# next line is blank: that one still ends the paragraph.
_VERBATIM_ENVS = ("verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "LVerbatim", "lstlisting",
                  "minted", "alltt", "comment", "filecontents", "filecontents*")
_RAW = lazy_re.compile(
    r"\\verb\*?([^A-Za-z\s*])(?:(?!\1)[^\n])*\1?"
    r"|\\lstinline(?:\[[^\]\n]*\])?(?:\{[^}\n]*\}|([^A-Za-z\s{\[])(?:(?!\2)[^\n])*\2?)"
    r"|\\mintinline(?:\[[^\]\n]*\])?\{[^}\n]*\}(?:\{[^}\n]*\}|([^A-Za-z\s{\[])(?:(?!\3)[^\n])*\3?)"
    r"|\\(?:url|path|nolinkurl|href)\{[^}\n]*\}"
    r"|\\begin\{(" + "|".join(re.escape(name) for name in _VERBATIM_ENVS) + r")\}.*?(?:\\end\{\4\}|\Z)"
    r"|\\."
    r"|%[^\n]*+(?:\n[ \t]*+(?!\n))?", re.S)

# Characters a control symbol or word prints.
_SYMBOLS = {
    "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}", " ": " ", "\n": " ", "\t": " ",
    ",": "\u202f", ";": " ", ":": " ", "!": "", "-": "", "/": "", "@": "", ">": " ", "<": "",
    "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "TeX": "TeX", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX", "LuaLaTeX": "LuaLaTeX", "pdfTeX": "pdfTeX", "pdfLaTeX": "pdfLaTeX", "AmS": "AMS",
    "AmSTeX": "AMS-TeX", "AMSLaTeX": "AMS-LaTeX", "METAFONT": "METAFONT", "MF": "METAFONT", "ConTeXt": "ConTeXt",
    "eTeX": "ε-TeX", "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
    "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
    "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "EUR": "€", "textdegree": "°", "degree": "°",
    "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
    "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•", "textperiodcentered": "·",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|", "textless": "<",
    "textgreater": ">", "textunderscore": "_", "textbraceleft": "{", "textbraceright": "}", "textdollar": "$",
    "textquotesingle": "'", "textquotedbl": '"', "slash": "/", "textslash": "/",
    "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»",
    "flqq": "«", "frqq": "»", "flq": "‹", "frq": "›", "og": "«\u00a0", "fg": "\u00a0»",
    "glqq": "„", "grqq": "“", "glq": "‚", "grq": "‘", "quotedblbase": "„", "quotesinglbase": "‚",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    "textexclamdown": "¡", "textquestiondown": "¿", "nobreakspace": "\u00a0", "space": " ", "enspace": " ",
    "quad": " ", "qquad": " ", "thinspace": "\u202f", "enskip": " ", "hfill": " ", "hfil": " ",
    "textpercent": "%", "textnumero": "№", "No": "№", "textmu": "µ", "textonehalf": "½", "textonequarter": "¼",
    "textthreequarters": "¾", "textminus": "−", "textpm": "±", "texttimes": "×", "textdiv": "÷",
    "newline": "\n", "linebreak": " ", "today": "",
}
# Accents over the next letter: the combining mark each puts.
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
            "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "d": "\u0323", "b": "\u0331", "r": "\u030a",
            "k": "\u0328", "t": "\u0361"}
# An accent over nothing ("\\^{}", "\\~{}"): TeX prints the accent alone.
_SPACING_ACCENTS = {"'": "´", "`": "`", "^": "^", '"': "¨", "~": "~", "=": "¯", ".": "˙", "u": "˘", "v": "ˇ",
                    "H": "˝", "c": "¸", "k": "˛", "r": "˚"}
# Commands whose arguments are no text: "o" an optional argument, "m" a mandatory one, "s" a star.
_NO_TEXT = {
    "label": "m", "index": "m", "urlstyle": "m", "glossary": "m", "usepackage": "om", "RequirePackage": "om", "documentclass": "om",
    "documentstyle": "om", "pagestyle": "m", "thispagestyle": "m", "pagenumbering": "m", "setlength": "mm",
    "addtolength": "mm", "settowidth": "mm", "settoheight": "mm", "setcounter": "mm", "addtocounter": "mm",
    "stepcounter": "m", "refstepcounter": "m", "newcounter": "mo", "newlength": "m", "vspace": "sm", "hspace": "sm",
    "addvspace": "m", "includegraphics": "som", "bibliographystyle": "m", "bibliography": "m", "hyphenation": "m",
    "nocite": "m", "color": "om", "definecolor": "mmm", "usetikzlibrary": "m", "graphicspath": "m", "lstset": "m",
    "hypersetup": "m", "geometry": "m", "markboth": "mm", "markright": "m", "addcontentsline": "mmm",
    "enlargethispage": "sm", "pagebreak": "o", "nopagebreak": "o", "selectlanguage": "m", "fontsize": "mm",
    "fontencoding": "m", "fontfamily": "m", "fontseries": "m", "fontshape": "m", "rule": "omm",
    "newtheorem": "somo", "newenvironment": "smoomm", "renewenvironment": "smoomm", "DeclareMathOperator": "smm",
    "captionsetup": "om", "setmainfont": "omo", "setsansfont": "omo", "setmonofont": "omo",
    "setmainlanguage": "om", "setdefaultlanguage": "om", "setotherlanguage": "om", "setotherlanguages": "m",
    "includeonly": "m", "cline": "m", "cmidrule": "om", "setcitestyle": "m", "bibliographystyle*": "m",
    "newpage": "", "clearpage": "", "cleardoublepage": "", "hline": "", "toprule": "o", "midrule": "o",
    "bottomrule": "o", "addlinespace": "o", "tableofcontents": "", "listoffigures": "", "listoftables": "",
    "maketitle": "", "printindex": "", "printbibliography": "o", "makeindex": "", "centering": "",
    "noindent": "", "indent": "", "vfill": "", "smallskip": "", "medskip": "", "bigskip": "", "frontmatter": "",
    "mainmatter": "", "backmatter": "", "appendix": "", "protect": "", "selectfont": "", "nolinebreak": "o",
    "FloatBarrier": "", "input": "m", "include": "m", "subfile": "m", "import": "mm",
    "subimport": "mm", "includefrom": "mm", "subincludefrom": "mm", "inputfrom": "mm", "subinputfrom": "mm",
}
# Commands whose last argument is inline text and whose others are not (a colour, a width, a language).
_TEXT_LAST = {
    "textcolor": "om", "colorbox": "om", "fcolorbox": "omm", "foreignlanguage": "om", "raisebox": "moo",
    "parbox": "ooom", "makebox": "oo", "framebox": "oo", "hyperref": "o", "href": "m", "multicolumn": "mm",
    "multirow": "mom", "resizebox": "smm", "scalebox": "mo", "rotatebox": "om", "hyperlink": "m",
    "hypertarget": "m",
}
_SECTIONS = frozenset("part chapter section subsection subsubsection paragraph subparagraph addsec addchap "
                      "minisec frametitle".split())
# Text shown apart from its sentence: a block of its own after the paragraph.
_NOTES = frozenset("footnote footnotetext marginpar caption thanks endnote sidenote".split())
# Page furniture: the author, the date, running heads.
_FURNITURE = frozenset("author date fancyhead fancyfoot lhead chead rhead lfoot cfoot rfoot publishers "
                       "institute address email".split())
_TITLES = frozenset("title subtitle".split())
_REFERENCES = frozenset("ref pageref eqref autoref cref Cref vref nameref cite citep citet parencite textcite "
                        "autocite footcite citeauthor citeyear fullcite".split())
_TYPEWRITER = frozenset("texttt url path nolinkurl".split())
_SHIFTS = {"textsuperscript": "super", "textsubscript": "sub"}

_LISTS = frozenset("itemize enumerate description list trivlist thebibliography compactitem compactenum "
                   "compactdesc inparaenum asparaenum dinglist".split())
_TABLES = {"tabular": "om", "tabular*": "mom", "tabularx": "mom", "tabulary": "mom", "longtable": "om",
           "array": "om", "supertabular": "om", "tabu": "om", "longtabu": "om", "xtabular": "om"}
_MATH_ENVS = frozenset("equation equation* align align* gather gather* multline multline* eqnarray eqnarray* "
                       "displaymath flalign flalign* alignat alignat* dmath dmath* split".split())
_PICTURES = frozenset("tikzpicture picture pspicture pgfpicture tikzcd forest circuitikz".split())
# Environments' arguments that are no text (a width, a column count, a language).
_ENV_ARGS = {"minipage": "oooom", "multicols": "mo", "multicols*": "mo", "wrapfigure": "oomom", "figure": "o",
             "figure*": "o", "table": "o", "table*": "o", "thebibliography": "m", "otherlanguage": "om",
             "otherlanguage*": "om", "list": "mm", "adjustbox": "m", "sloppypar": "", "center": "", "subfigure": "om"}

# babel's and polyglossia's names of a language, as ISO 639-1 codes.
_LANGUAGES = {
    "english": "en", "american": "en", "british": "en", "USenglish": "en", "UKenglish": "en", "canadian": "en",
    "australian": "en", "newzealand": "en", "french": "fr", "francais": "fr", "frenchb": "fr", "acadian": "fr",
    "canadien": "fr", "german": "de", "ngerman": "de", "austrian": "de", "naustrian": "de", "swissgerman": "de",
    "nswissgerman": "de", "spanish": "es", "italian": "it", "portuguese": "pt", "portuges": "pt", "brazil": "pt",
    "brazilian": "pt", "russian": "ru", "ukrainian": "uk", "polish": "pl", "dutch": "nl", "greek": "el",
    "bulgarian": "bg", "czech": "cs", "slovak": "sk", "croatian": "hr", "serbian": "sr", "slovene": "sl",
    "hungarian": "hu", "magyar": "hu", "romanian": "ro", "finnish": "fi", "swedish": "sv", "danish": "da",
    "norsk": "nb", "norwegian": "nb", "nynorsk": "nn", "icelandic": "is", "catalan": "ca", "galician": "gl",
    "basque": "eu", "turkish": "tr", "hebrew": "he", "arabic": "ar", "farsi": "fa", "persian": "fa",
    "japanese": "ja", "chinese": "zh", "korean": "ko", "vietnamese": "vi", "thai": "th", "hindi": "hi",
    "indonesian": "id", "bahasa": "id", "malay": "ms", "estonian": "et", "latvian": "lv", "lithuanian": "lt",
    "welsh": "cy", "irish": "ga", "albanian": "sq", "afrikaans": "af", "esperanto": "eo", "latin": "la",
    "mongolian": "mn", "belarusian": "be", "macedonian": "mk", "armenian": "hy", "georgian": "ka",
}

# Mathematics as it prints: letters and signs, a superscript raised where Unicode has the characters.
_MATH_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
    "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
    "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
    "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "propto": "∝", "infty": "∞",
    "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "partial": "∂", "nabla": "∇", "sqrt": "√", "in": "∈",
    "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "cup": "∪", "cap": "∩", "emptyset": "∅",
    "forall": "∀", "exists": "∃", "neg": "¬", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
    "rightarrow": "→", "to": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "iff": "⟺",
    "leftrightarrow": "↔", "Leftrightarrow": "⇔", "mapsto": "↦", "ldots": "…", "cdots": "⋯", "dots": "…",
    "prime": "′", "circ": "∘", "ast": "∗", "star": "⋆", "langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}",
    "{": "{", "}": "}", "%": "%", "$": "$", "&": "&", "#": "#", "_": "_", "|": "‖", "backslash": "\\",
    "ll": "≪", "gg": "≫", "perp": "⊥", "parallel": "∥", "angle": "∠", "hbar": "ℏ", "ell": "ℓ", "aleph": "ℵ",
    "Re": "ℜ", "Im": "ℑ", "degree": "°", "mid": "|", "colon": ":", "vert": "|", "Vert": "‖", "setminus": "∖",
    ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " ", "\\": " ",
}
_MATH_NO_TEXT = frozenset("label begin end phantom hphantom vphantom hspace vspace index".split())
_MATH_FUNCTIONS = frozenset("sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp lim "
                            "liminf limsup max min sup inf det dim ker deg gcd arg Pr mod bmod pmod".split())
_MATH_TEXT = frozenset("text textrm textit textbf mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak "
                       "boldsymbol operatorname mbox hbox bm mathnormal emph".split())
# A width or a column specification: no run of two letters once commands and units are taken out.
_COMMANDS_AND_UNITS = lazy_re.compile(r"\\[A-Za-z@]+|\d*[.,]?\d+\s*(?:pt|cm|mm|em|ex|in|bp|pc|sp|dd|cc|mu)\b")
_WORD = lazy_re.compile(r"[^\W\d_]{2,}")
_COLUMNS = lazy_re.compile(r"[lcrpmbXSLRCJ|@<>*!{}.\d\s]*")
_SPACES = lazy_re.compile(r"\s+")
_DOCUMENT = lazy_re.compile(r"\\begin\s*\{document\}")
_FILE_COMMAND = lazy_re.compile(r"\\(?:input|include|subfile|import|subimport)\b")
_DEF = lazy_re.compile(r"\\([A-Za-z@]+|.)([^{]*)")
_PARAMETERS = lazy_re.compile(r"(?:#\d)*")
_DELIMITED = lazy_re.compile(r"#\d")
_ENDS_IN_VERBATIM = lazy_re.compile(r"\\(?:Url|url|path|verb)\s*$")
_CHAR_CODE = lazy_re.compile(r"\s*('[0-7]+|\"[0-9A-F]+|\d+) ?")
_ARGUMENT = lazy_re.compile(r"#([1-9#])")
_ENDS_IN_CONTROL_WORD = lazy_re.compile(r"\\[A-Za-z@]+$")
# ("\\begingroup", "\\endgroup" are no block: lshort's \\Email, a group around \\Url, was never followed)
_BLOCK_LEVEL = lazy_re.compile(r"\\(?:par|begin|end|item|section|chapter)(?![A-Za-z@])|\n\s*\n")
_BLANK = lazy_re.compile(r"[ \t]*(?:\n[ \t]*(?!\n))?")
_CONTROL_WORD = lazy_re.compile(r"[A-Za-z@]+\*?")
_TEXT_RUN = lazy_re.compile(r"[^\\{}$~&\s`'\-?!\"]+")
# babel's German shorthands, in a document that declares German: "a is ä, "` a low quote.
_GERMAN_SHORTHANDS = {'"a': "ä", '"o': "ö", '"u': "ü", '"A': "Ä", '"O': "Ö", '"U': "Ü", '"s': "ß", '"z': "ß",
                      '"`': "„", "\"'": "“", '"<': "«", '">': "»", '"-': "", '"|': "", '""': "", '"~': "-", '"=': "-",
                      '"e': "ë", '"i': "ï"}
_LETTERS = lazy_re.compile(r"[A-Za-z@]+")
_DIMENSION = lazy_re.compile(r"\s*=?\s*[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*(?:pt|cm|mm|em|ex|in|bp|pc|sp|dd|cc|mu)"
                             r"|\s*=?\s*\\[A-Za-z@]+")
_RULE_SIZES = lazy_re.compile(r"(?:\s*(?:width|height|depth)\s*[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*"
                              r"(?:pt|cm|mm|em|ex|in|bp|pc|sp|dd|cc|mu))*")
_MAX_EXPANSIONS = 20000
_PLAIN_FILE_NAME = lazy_re.compile(r"[^\s{}\\%]+")
# Commands that typeset another file where they stand; those that name its folder first (import's).
_FILE_COMMANDS = frozenset("input include subfile import subimport includefrom subincludefrom inputfrom "
                           "subinputfrom".split())
# What an \\input'ed file is named when it holds the document's text: a chapter, a bibliography.
_TEXT_FILES = frozenset((".tex", ".ltx", ".latex", ".bbl"))
_FOLDER_AND_FILE = frozenset("import subimport includefrom subincludefrom inputfrom subinputfrom".split())
# Those that start a page (\\include's \\clearpage) or a document of its own (\\subfile): the running
# paragraph ends before them. The others lay the file's words in the running text, as TeX does.
_NEW_PAGE_FILE_COMMANDS = frozenset("include includefrom subincludefrom subfile".split())
# Deeper than this, a file's nesting is taken for a damaged one.
_MAX_DEPTH = 200


def _is_layout(argument: str) -> bool:
    """Whether an argument is a width, a position or a column specification, not text."""
    rest = _COMMANDS_AND_UNITS.sub(" ", argument)
    return not _WORD.search(rest) or _COLUMNS.fullmatch(rest) is not None


def _argument(match: re.Match, arguments: list[str]) -> str:
    """What a definition's "#1" stands for; after a control word ("\\ntt#1"), set apart from it by a
    space, which TeX, reading the word before the argument came, never ran into it."""
    if match.group(1) == "#":
        return "#"
    number = int(match.group(1))
    value = arguments[number - 1] if number <= len(arguments) else ""
    return " " + value if _ENDS_IN_CONTROL_WORD.search(match.string, 0, match.start()) else value


class _Collector:
    """The text of one block as it is read, piece by piece, each piece with the line it stands on."""

    def __init__(self, furniture: bool = False, line: int = 0) -> None:
        self.pieces: list[tuple[str, int]] = []
        self.furniture = furniture
        self.line = line
        self.prose = False  # some of its text is no code (\\verb, \\texttt, \\url)

    def add(self, text: str, line: int, code: bool = False) -> None:
        if text:
            self.pieces.append((text, line))
            self.prose = self.prose or (not code and any(char.isalnum() for char in text))

    def has_text(self) -> bool:
        return any(text.strip() for text, _line in self.pieces)


def _block_of(collector: _Collector, lang: str) -> Block | None:
    """The block a collector's pieces make, each source line its words go on to marked."""
    if not collector.has_text():
        return None
    marks: list[tuple[int, int]] = []
    words, in_word, last_line, first_line = 0, False, 0, 0
    for text, line in collector.pieces:
        tokens = text.split()
        if not tokens:
            in_word = False
            continue
        continues = in_word and not text[0].isspace()
        if not first_line:
            first_line = line
        elif _line_key(line) != _line_key(last_line) and not continues:
            marks.append((words, line))
        words += len(tokens) - continues
        in_word = not text[-1].isspace()
        last_line = line
    text = tidy(unicodedata.normalize("NFC", "".join(text for text, _line in collector.pieces)), keep_no_break=True)
    # A block of code alone (a table's cell "\\verb|\\tiny|", a command shown on a line of its own) is
    # shown, but no prose to translate: furniture, as a listing is.
    first_line = first_line or collector.line
    return Block(text, where(first_line), furniture=collector.furniture or not collector.prose,
                 lang=lang, line_marks=own_marks(first_line, marks))


def _line_key(line: int) -> tuple[int, str]:
    """A line as one of its file's: line 3 of an \\input file is not line 3 of the document."""
    return int(line), getattr(line, "source", "")


def _without_comments(source: str) -> tuple[str, list[int], list[int]]:
    """`source` without its comments, and where each kept stretch starts in it and in `source`."""
    kept: list[str] = []
    starts, origins = [0], [0]
    at, length = 0, 0
    for match in _RAW.finditer(source):
        if match.group().startswith("%"):
            kept.append(source[at:match.start()])
            length += match.start() - at
            at = match.end()
            starts.append(length)
            origins.append(at)
    kept.append(source[at:])
    return "".join(kept), starts, origins


def _math_text(source: str) -> str:
    """Mathematics as it prints, as near as plain characters come: "\\pi r^2" is "π r²"."""
    out: list[str] = []
    k = 0
    while k < len(source):
        char = source[k]
        if char == "\\":
            match = _LETTERS.match(source, k + 1)
            name = match.group() if match else source[k + 1:k + 2]
            k += 1 + len(name)
            if name in _MATH_SYMBOLS:
                out.append(_MATH_SYMBOLS[name])
            elif name in _MATH_FUNCTIONS:
                out.append(name)
            elif name == "frac" or name == "dfrac" or name == "tfrac":
                numerator, k = _math_argument(source, k)
                denominator, k = _math_argument(source, k)
                out.append(f"{_bracketed(numerator)}/{_bracketed(denominator)}")
            elif name in _MATH_TEXT:
                argument, k = _math_argument(source, k)
                out.append(argument)
            elif name in _MATH_NO_TEXT:  # a label, an inner environment's name, a phantom's box
                _argument, k = _math_argument(source, k)
            elif name == "tag":
                argument, k = _math_argument(source, k)
                out.append(f" ({argument})")
        elif char in "^_":
            argument, k = _math_argument(source, k + 1)
            # Set as after a figure: letters raised too where Unicode has them ("x^n" is "xⁿ"),
            # as figures always are ("mc^2" is "mc²").
            out.append(shifted(argument, "super" if char == "^" else "sub", "1"))
        elif char in "{}":
            k += 1
        elif char == "&":
            out.append(" ")
            k += 1
        else:
            out.append(char)
            k += 1
    return _SPACES.sub(" ", "".join(out)).strip()


def _bracketed(text: str) -> str:
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _math_argument(source: str, k: int) -> tuple[str, int]:
    """The printed text of the argument at `k` (a group, a command or a character), and where it ends."""
    while k < len(source) and source[k].isspace():
        k += 1
    if k >= len(source):
        return "", k
    if source[k] == "{":
        end = _group_end(source, k)
        return _math_text(source[k + 1:end]), min(end + 1, len(source))
    if source[k] == "\\":
        match = _LETTERS.match(source, k + 1)
        end = k + 1 + (len(match.group()) if match else 1)
        return _math_text(source[k:end]), end
    return source[k], k + 1


def _group_end(text: str, start: int, close: str = "}", open_: str = "{") -> int:
    """The position of the bracket closing the one at `start`, or the text's end if none does."""
    depth = 0
    k = start
    while k < len(text):
        char = text[k]
        if char == "\\":
            k += 2
            continue
        if char == open_:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return len(text)


class _Typesetter:
    """A walk through a LaTeX file's text (its comments taken out), block by block."""

    def __init__(self, text: str, line_of, label: str, includes: Includes) -> None:
        self.text = text
        self.line_of = line_of
        self.label = label
        self.includes = includes
        self.begins_in_file = includes.top is not None  # \\begin{document} may stand in a file it reads
        self.pos = 0
        self.blocks: list[Block] = []
        self.notes: list[Block] = []  # footnotes, captions: after the paragraph they stand in
        self.sink = _Collector()
        self.lang = ""
        self.macros: dict[str, tuple[int, str | None, str]] = {}  # name: (arguments, optional's default, body)
        # Expansions left to the whole file, its definitions' own included: a book of TeX programming
        # (apprendre-a-programmer-en-tex, 1.3 MB) made 186,000 of them in 13 seconds.
        self.expansions = [_MAX_EXPANSIONS]
        self.unclosed: list[int] = []
        self.in_table = 0
        self.typewriter = False
        self.depth = 0
        self.preamble = False
        self.done = False  # \\end{document} met: nothing after it is typeset

    # -- the blocks ---------------------------------------------------------------------------
    def paragraph_end(self) -> None:
        """End the running paragraph, and put the notes met in it after it."""
        block = _block_of(self.sink, self.lang)
        if block is not None:
            self.blocks.append(block)
        self.sink = _Collector(self.sink.furniture)
        self.blocks.extend(self.notes)
        self.notes = []

    def read_apart(self, start: int, end: int, furniture: bool = False) -> Block | None:
        """The text from `start` to `end` read as a block of its own."""
        outer, saved_pos, preamble = self.sink, self.pos, self.preamble
        self.sink = _Collector(furniture or outer.furniture, self.line_of(start))
        self.pos, self.preamble = start, False  # the title, read in the preamble, is text
        self.run(end)
        block = _block_of(self.sink, self.lang)
        self.sink, self.pos, self.preamble = outer, saved_pos, preamble
        return block

    def emit(self, text: str, at: int, code: bool = False) -> None:
        if not self.preamble:
            self.sink.add(text, self.line_of(at), code or self.typewriter)

    # -- arguments ----------------------------------------------------------------------------
    def skip_blank(self) -> None:
        """Skip spaces and one line end, but not the blank line that ends a paragraph."""
        self.pos = _BLANK.match(self.text, self.pos).end()

    def optional(self) -> tuple[int, int] | None:
        """The span of an optional argument, [...], where one follows, and the position past it."""
        saved = self.pos
        self.skip_blank()
        if self.pos < len(self.text) and self.text[self.pos] == "[":
            end = _group_end(self.text, self.pos, "]", "[")
            start, self.pos = self.pos + 1, min(end + 1, len(self.text))
            return start, end
        self.pos = saved
        return None

    def mandatory(self) -> tuple[int, int]:
        """The span of a mandatory argument: a group's inside, or the one token written instead."""
        self.skip_blank()
        text = self.text
        if self.pos >= len(text):
            return self.pos, self.pos
        if text[self.pos] == "{":
            end = _group_end(text, self.pos)
            if end == len(text):
                self.unclosed.append(self.pos)
            start, self.pos = self.pos + 1, min(end + 1, len(text))
            return start, end
        start = self.pos
        if text[start] == "\\":
            match = _CONTROL_WORD.match(text, start + 1)
            self.pos = start + 1 + (len(match.group()) if match else 1)
        else:
            self.pos = start + 1
        return start, self.pos

    def skip(self, spec: str) -> list[tuple[int, int]]:
        """Read past the arguments `spec` describes; the spans of the mandatory ones."""
        spans = []
        for kind in spec:
            if kind == "s":
                if self.text.startswith("*", self.pos):
                    self.pos += 1
            elif kind == "o":
                self.optional()
            else:
                spans.append(self.mandatory())
        return spans

    # -- the walk -----------------------------------------------------------------------------
    def run(self, end: int) -> None:
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise ValueError(f"commands nested more than {_MAX_DEPTH} deep at line {self.line_of(self.pos)}")
        text = self.text
        while self.pos < end and not self.done:
            at = self.pos
            char = text[at]
            if char == "\\":
                self.command(end)
            elif char in "{}":
                self.pos += 1
            elif char == "$":
                self.math_inline(end)
            elif char.isspace():
                match = _SPACES.match(text, at, end)
                self.pos = match.end()
                if match.group().count("\n") >= 2 and not self.in_table:
                    self.paragraph_end()
                else:
                    self.emit(" ", at)
            elif char == "~":
                self.emit("\u00a0", at)
                self.pos += 1
            elif char == "&":  # an alignment's cell ends, in any environment (a bare "&" is no text)
                self.paragraph_end()
                self.pos += 1
            else:
                self.typeset_run(end)
        self.depth -= 1

    def typeset_run(self, end: int) -> None:
        """Ordinary text: TeX's ligatures of dashes, quotes and Spanish marks made the characters they print."""
        text, at = self.text, self.pos
        match = _TEXT_RUN.match(text, at, end)
        if match:
            self.emit(match.group(), at)
            self.pos = match.end()
            return
        if self.typewriter:
            self.emit(text[at], at)
            self.pos += 1
            return
        if self.lang == "de" and text[at:at + 2] in _GERMAN_SHORTHANDS:
            self.emit(_GERMAN_SHORTHANDS[text[at:at + 2]], at)
            self.pos += 2
            return
        for written, printed in (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("`", "‘"), ("'", "’"),
                                 ("?`", "¿"), ("!`", "¡")):
            if text.startswith(written, at) and at + len(written) <= end:
                self.emit(printed, at)
                self.pos += len(written)
                return
        self.emit(text[at], at)
        self.pos += 1

    def math_inline(self, end: int) -> None:
        text, at = self.text, self.pos
        display = text.startswith("$$", at)
        mark = "$$" if display else "$"
        close = text.find(mark, at + len(mark), end)
        while close > 0 and text[close - 1] == "\\":
            close = text.find(mark, close + 1, end)
        close = end if close < 0 else close
        formula = _math_text(text[at + len(mark):close])
        self.pos = min(close + len(mark), end)
        if display:
            self.display(formula, at)
        else:
            self.emit(formula, at)

    def display(self, formula: str, at: int) -> None:
        """Display mathematics: shown between the lines of its paragraph, furniture of its own."""
        if formula.strip() and not self.preamble:
            self.notes.append(Block(formula, where(self.line_of(at)), furniture=True, lang=self.lang))

    def command(self, end: int) -> None:
        """Read the command at the position."""
        text, at = self.text, self.pos
        match = _CONTROL_WORD.match(text, at + 1)
        if not match:
            self.control_symbol(at)
            return
        name = match.group()
        self.pos = match.end()
        if not name.endswith("*"):
            self.skip_blank()
        base = name.rstrip("*")
        if base == "begin":
            self.begin(end)
        elif base == "end":
            start, stop = self.mandatory()
            environment = text[start:stop].strip()
            if environment == "document":
                self.paragraph_end()
                self.done = True
            else:
                self.environment_end(environment)
        else:
            self.macro(base, at)

    def control_symbol(self, at: int) -> None:
        text = self.text
        symbol = text[at + 1:at + 2]
        self.pos = at + 2
        if symbol == "\\":  # a line break; in a table, a row's end
            if text.startswith("*", self.pos):
                self.pos += 1
            self.optional()
            if self.in_table:
                self.paragraph_end()
            else:
                self.emit("\n", at)
        elif symbol in "[(":  # display or inline mathematics
            close = text.find("\\]" if symbol == "[" else "\\)", self.pos)
            close = len(text) if close < 0 else close
            formula = _math_text(text[self.pos:close])
            self.pos = close + 2
            if symbol == "[":
                self.display(formula, at)
            else:
                self.emit(formula, at)
        elif symbol in _ACCENTS:
            self.accent(symbol, at)
        elif symbol in _SYMBOLS:
            self.emit(_SYMBOLS[symbol], at)

    def accent(self, name: str, at: int) -> None:
        """An accent over the letter after it: "\\'e", "\\'{e}", "\\c{c}", "\\^\\i"."""
        start, stop = self.mandatory()
        letter = self.text[start:stop].strip()
        if letter.startswith("\\"):
            letter = _SYMBOLS.get(letter[1:].rstrip("*"), "")
        letter = letter.replace("{", "").replace("}", "")
        if letter in ("ı", "ȷ"):  # the dotless i and j carry the accent in place of the dot
            letter = "i" if letter == "ı" else "j"
        self.emit(unicodedata.normalize("NFC", letter[:1] + _ACCENTS[name] + letter[1:]) if letter
                  else _SPACING_ACCENTS.get(name, ""), at)

    def macro(self, base: str, at: int) -> None:
        text = self.text
        if base in _ACCENTS and len(base) == 1:
            self.accent(base, at)
        elif base in ("newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "DeclareRobustCommand"):
            self.definition(base)
        elif base in ("verb", "lstinline", "mintinline", "url", "path", "nolinkurl", "Url"):  # url.sty's \\Url|...|
            self.verbatim_inline(base, at)
        elif base in _FILE_COMMANDS:
            plain = _PLAIN_FILE_NAME.match(text, self.pos)  # plain TeX's "\\input story", no braces
            if plain and not text.startswith("{", self.pos):
                self.pos = plain.end()
                name = plain.group()
            else:
                spans = self.skip(_NO_TEXT[base])
                # \\import{chapters/}{intro}: a folder, then the file in it
                name = "".join(text[a:b].strip() for a, b in spans[-2:] if base in _FOLDER_AND_FILE
                               or (a, b) == spans[-1])
            if name and not name.startswith("\\"):
                self.typeset_file(base, name)
        elif base == "item":
            self.paragraph_end()
            label = self.optional()
            if label:
                block = self.read_apart(*label)
                if block is not None:
                    self.blocks.append(block)
        elif base == "bibitem":
            self.paragraph_end()
            label = self.optional()
            self.mandatory()
            if label:
                block = self.read_apart(*label)
                if block is not None:
                    self.blocks.append(block)
        elif base == "par":
            self.paragraph_end()
        elif base in _NO_TEXT:
            spans = self.skip(_NO_TEXT[base])
            if base in ("usepackage", "RequirePackage") and spans:
                self.own_packages(text[spans[-1][0]:spans[-1][1]])
            if base in ("documentclass", "documentstyle") and self.depth == 1:
                # The preamble starts here (a chapter \\include'd has none), and holds no text until
                # \\begin{document}, where there is one: a file cut short before it is read whole.
                # A book's \\begin{document} may stand in a file it \\input's (lshort's title.tex).
                self.preamble = _DOCUMENT.search(text, self.pos) is not None or (
                    self.begins_in_file and _FILE_COMMAND.search(text, self.pos) is not None)
            if base == "usepackage":
                self.package_language(at)
            elif base in ("setmainlanguage", "setdefaultlanguage"):
                self.declared_language(at)
        elif base in _SECTIONS or base in _TITLES:
            self.heading(base, at)
        elif base in _NOTES:
            self.note(base)
        elif base in _FURNITURE:
            self.optional()
            start, stop = self.mandatory()
            block = self.read_apart(start, stop, furniture=True)
            if block is not None:
                self.blocks.append(block)
        elif base in _REFERENCES:
            self.reference(base, at)
        elif base in ("char", "symbol"):  # a character by its code: "\\char'134" and "\\symbol{'134}" print "\\"
            code = _CHAR_CODE.match(text, self.pos if base == "char" else self.mandatory()[0])
            if base == "char" and code:
                self.pos = code.end()
            if code:
                number = code.group(1)
                self.emit(chr(int(number.lstrip("'\""), {"'": 8, '"': 16}.get(number[0], 10)) % 0x110000), at)
        elif base == "ensuremath":
            start, stop = self.mandatory()
            self.emit(_math_text(text[start:stop]), at)
        elif base == "texorpdfstring":  # the first argument is typeset, the second is a PDF bookmark's
            self.inline(*self.mandatory())
            self.mandatory()
        elif base in _TEXT_LAST:
            self.skip(_TEXT_LAST[base])
            self.inline(*self.mandatory())
        elif base in _SHIFTS:
            start, stop = self.mandatory()
            outer = self.sink
            self.sink = _Collector()
            self.inline(start, stop)
            raised = "".join(piece for piece, _line in self.sink.pieces)
            self.sink = outer
            before = "".join(piece for piece, _line in outer.pieces[-3:])
            self.emit(shifted(raised, _SHIFTS[base], before), at)
        elif base in _TYPEWRITER:
            start, stop = self.mandatory()
            typewriter, self.typewriter = self.typewriter, True
            self.inline(start, stop)
            self.typewriter = typewriter
        elif base in ("vskip", "hskip", "kern"):
            match = _DIMENSION.match(text, self.pos)
            if match:
                self.pos = match.end()
        elif base in ("vrule", "hrule"):  # "\\vrule width0pt height5ex": a rule's sizes are no text
            self.pos = _RULE_SIZES.match(text, self.pos).end()
        elif "index" in base.lower() and base not in self.macros:
            # An index entry by a class's or a package's own command (amsldoc's \\autoindex): no text.
            while text.startswith("{", _BLANK.match(text, self.pos).end()):
                self.mandatory()
        elif base in _SYMBOLS:
            if base == "fg":  # babel's closing guillemet takes the place of the space before it
                self.unspace()
            self.emit(_SYMBOLS[base], at)
        elif base in self.macros:
            self.expand(base, at)
        else:
            self.unknown(at)

    def typeset_file(self, command: str, name: str) -> None:
        """The file an \\input, \\include or \\subfile names, typeset where it stands, with the
        macros and language the document has so far (a chapter uses its book's commands); its blocks
        located by that file. An \\input's words go on the running paragraph, as TeX reads them (a
        figure a paper's sentence takes from a file its scripts write, "an accuracy of
        \\input{acc}\\%"); an \\include starts a page, and ends it."""
        suffixes = (".tex",) if command in ("include", "includefrom", "subincludefrom") else (".tex", "")
        if command in _NEW_PAGE_FILE_COMMANDS:  # its page starts whether the file is found or not
            self.paragraph_end()
        extension = os.path.splitext(name)[1].lower()
        if extension and extension not in _TEXT_FILES and not os.path.isfile(os.path.join(self.includes.top or "",
                                                                                        name + ".tex")):
            # A picture's code (.pgf, .tikz), data (.csv), a table of macros (.sty): no prose of the document.
            self.includes.not_read(name, f"no LaTeX text ({extension})")
            return
        path, reason = self.includes.locate(name, suffixes, from_top=True)
        if path is None:
            self.includes.not_read(name, reason)
            return
        source = self.includes.source(path)
        with self.includes.inside(path):
            self.blocks.extend(in_file(_read(decoded(self.includes.read(path)), source, self.includes, self,
                                             flows=command not in _NEW_PAGE_FILE_COMMANDS), source))

    def own_packages(self, names: str) -> None:
        """The commands a package beside the document defines (`\\usepackage{lshort}`, lshort.sty),
        printed where the text uses them as the package defines them: before, an unknown command,
        lshort's "\\PSi{} files" read " files", its "\\companion" nothing. TeX's own packages, which
        stand in its tree, not beside the document, are no concern of the text."""
        for name in names.split(","):
            name = name.strip()
            if not _PLAIN_FILE_NAME.fullmatch(name):
                continue
            path, _reason = self.includes.locate(name + ".sty", from_top=True)
            if path is None:
                continue
            preamble = self.preamble
            with self.includes.inside(path):
                try:  # its definitions only: a package typesets nothing where it is loaded
                    _read(decoded(self.includes.read(path)), self.includes.source(path), self.includes, self,
                          definitions=True)
                except (ValueError, RecursionError, IndexError):  # TeX a reader of text cannot follow
                    self.includes.not_read(name + ".sty", "its definitions could not be read")
            self.preamble = preamble

    def unknown(self, at: int) -> None:
        """A command this reader does not know: its options are no text; its arguments are, each
        apart from the next (`\\wi{WYSIWYG}`, `\\contrib{Tobias Oetiker}{tobi@oetiker.ch}`, a book's
        own commands), read as "WYSIWYG" and "Tobias Oetiker tobi@oetiker.ch"."""
        if self.text.startswith("[", self.pos):
            self.optional()
        arguments = 0
        while self.text.startswith("{", self.pos):
            if arguments:
                self.emit(" ", self.pos)
            self.inline(*self.mandatory())
            arguments += 1

    def unspace(self) -> None:
        pieces = self.sink.pieces
        while pieces and not pieces[-1][0].strip():
            pieces.pop()
        if pieces:
            pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])

    def inline(self, start: int, stop: int) -> None:
        """An argument read as part of the running text."""
        saved = self.pos
        self.pos = start
        self.run(stop)
        self.pos = max(saved, stop + 1 if stop < len(self.text) else stop)

    def heading(self, base: str, at: int) -> None:
        """A heading: a block of its own, its notes after it."""
        self.optional()
        start, stop = self.mandatory()
        if not self.preamble or base in _TITLES:
            self.paragraph_end()
            preamble, self.preamble = self.preamble, False
            block = self.read_apart(start, stop)
            self.preamble = preamble
            if block is not None:
                self.blocks.append(block)
            self.blocks.extend(self.notes)
            self.notes = []

    def note(self, base: str) -> None:
        """A footnote, a caption, a margin note: a block after the paragraph it stands in."""
        self.optional()
        start, stop = self.mandatory()
        notes, self.notes = self.notes, []
        block = self.read_apart(start, stop, furniture=self.sink.furniture)
        inner, self.notes = self.notes, notes
        if block is not None:
            self.notes.append(block)
        self.notes.extend(inner)

    def reference(self, base: str, at: int) -> None:
        """A reference or a citation: its key, in brackets, the same in a text and its translation."""
        if base.startswith(("cite", "parencite", "textcite", "autocite", "footcite", "fullcite")):
            notes = [tidy(self.text[a:b].replace("~", " ")) for a, b in filter(None, (self.optional(), self.optional()))]
        else:
            notes = []
        start, stop = self.mandatory()
        keys = ", ".join(key.strip() for key in self.text[start:stop].split(",") if key.strip())
        self.emit("[" + ", ".join([keys] + [note for note in notes if note]) + "]", at)

    def verbatim_inline(self, base: str, at: int) -> None:
        """Text printed as it is written: \\verb|...|, \\url{...}."""
        text = self.text
        if base == "mintinline":
            self.optional()
            self.mandatory()
        elif base == "lstinline":
            self.optional()
        if text.startswith("*", self.pos) and base == "verb":
            self.pos += 1
        if self.pos >= len(text):
            return
        delimiter = text[self.pos]
        close = "}" if delimiter == "{" else delimiter
        end = text.find(close, self.pos + 1)
        line_end = text.find("\n", self.pos + 1)
        if end < 0 or (0 <= line_end < end):
            end = line_end if line_end >= 0 else len(text)
        self.emit(text[self.pos + 1:end], at, code=True)
        self.pos = min(end + 1, len(text))

    def definition(self, base: str) -> None:
        """A command's definition: no text; kept, to print where the command is used."""
        text = self.text
        if base.endswith("def"):
            match = _DEF.match(text, self.pos)
            if not match:
                return
            self.pos = match.end()
            start, stop = self.mandatory()
            parameters = match.group(2).strip()
            # "\\def\\x#1#2{...}"; or a delimited one, lshort's "\\def\\mailto|#1|{...}", used "\\mailto|a@b.c|"
            delimiters = None if _PARAMETERS.fullmatch(parameters) else _DELIMITED.split(parameters)
            if delimiters is None or (_DELIMITED.search(parameters) and "#" not in "".join(delimiters)):
                self.macros[match.group(1)] = (parameters.count("#"), None, text[start:stop], delimiters)
            return
        if text.startswith("*", self.pos):
            self.pos += 1
        start, stop = self.mandatory()
        name = text[start:stop].strip().lstrip("\\")
        count = self.optional()
        default = self.optional()
        body_start, body_stop = self.mandatory()
        number = text[count[0]:count[1]].strip() if count else "0"
        if name and number.isdigit():
            self.macros[name] = (int(number), text[default[0]:default[1]] if default else None,
                                 text[body_start:body_stop], None)

    def delimited(self, delimiters: list[str]) -> list[str] | None:
        """The arguments of a command defined with delimited parameters, each running to the text
        that follows it in the definition (one written without, a group or a token); None where the
        text does not follow the definition."""
        text = self.text
        if not text.startswith(delimiters[0], self.pos):
            return None
        self.pos += len(delimiters[0])
        arguments = []
        for following in delimiters[1:]:
            if not following:
                start, stop = self.mandatory()
                arguments.append(text[start:stop])
                continue
            end = text.find(following, self.pos)
            if end < 0 or "\n\n" in text[self.pos:end]:
                return None
            arguments.append(text[self.pos:end])
            self.pos = end + len(following)
        return arguments

    def expand(self, name: str, at: int) -> None:
        """A command the file defines, printed as its definition with its arguments put in: latex4wp's
        "\\cmd{footnote}" is "\\footnote" in type, "\\entry{File}{New}" "File/New". A definition that
        holds blocks of its own (a heading, a paragraph's end) is not followed: its arguments are read
        as an unknown command's."""
        count, default, body, delimiters = self.macros[name]
        if self.depth > 20 or self.expansions[0] <= 0 or _BLOCK_LEVEL.search(body):
            self.unknown(at)
            return
        arguments = self.delimited(delimiters) if delimiters else []
        if arguments is None:  # not used as defined: TeX would stop on it; read as an unknown command
            self.unknown(at)
            return
        self.expansions[0] -= 1
        if default is not None:
            given = self.optional()
            arguments.append(self.text[given[0]:given[1]] if given else default)
        while len(arguments) < count:
            start, stop = self.mandatory()
            arguments.append(self.text[start:stop])
        shown = _ARGUMENT.sub(lambda match: _argument(match, arguments), body)
        if _ENDS_IN_VERBATIM.search(shown):
            # A definition that ends in url.sty's \\Url (lshort's \\Email, \\CTANref) takes the text after
            # the command as its argument, "\\Email|a@b.c|", as TeX reads on: "|a@b.c|" was read, bars and all.
            delimiter = self.text[self.pos:self.pos + 1]
            end = self.text.find(delimiter, self.pos + 1) if delimiter and delimiter not in "{}\\ \n" else -1
            if end >= 0 and "\n" not in self.text[self.pos:end]:
                shown, self.pos = shown + self.text[self.pos:end + 1], end + 1
        child = _Typesetter(shown, lambda _pos: self.line_of(at), self.label, self.includes)
        child.macros, child.lang, child.typewriter, child.depth = self.macros, self.lang, self.typewriter, self.depth + 5
        child.expansions = self.expansions
        child.sink = self.sink
        child.preamble = self.preamble
        child.run(len(shown))
        self.notes.extend(child.blocks + child.notes)

    def package_language(self, at: int) -> None:
        """The language babel is loaded for: the last one it is given (or the one named main=)."""
        match = re.compile(r"\\usepackage\s*\[([^\]]*)\]\s*\{babel\}").match(self.text, at)
        if not match:
            return
        options = [option.strip() for option in match.group(1).split(",")]
        main = [option.split("=", 1)[1].strip() for option in options if option.startswith("main=")]
        names = main or [option for option in options if option in _LANGUAGES]
        if names and names[-1] in _LANGUAGES:
            self.lang = _LANGUAGES[names[-1]]

    def declared_language(self, at: int) -> None:
        match = re.compile(r"\\set(?:main|default)language\s*(?:\[[^\]]*\])?\s*\{(\w+)\}").match(self.text, at)
        if match and match.group(1) in _LANGUAGES:
            self.lang = _LANGUAGES[match.group(1)]

    # -- environments --------------------------------------------------------------------------
    def begin(self, end: int) -> None:
        start, stop = self.mandatory()
        name = self.text[start:stop].strip()
        if name == "document":
            self.paragraph_end()
            self.sink = _Collector()
            self.preamble = False
            return
        if name in _VERBATIM_ENVS or name in _PICTURES or name in _MATH_ENVS:
            self.literal(name, end)
            return
        if name == "math":  # inline mathematics, as $...$ is
            close = self.text.find("\\end{math}", self.pos)
            close = len(self.text) if close < 0 else close
            self.emit(_math_text(self.text[self.pos:close]), self.pos)
            self.pos = min(close + len("\\end{math}"), len(self.text))
            return
        self.paragraph_end()
        if name in _TABLES:
            self.skip(_TABLES[name])
            self.in_table += 1
        elif name in _ENV_ARGS:
            self.skip(_ENV_ARGS[name])
        else:
            self.unknown_environment()

    def unknown_environment(self) -> None:
        """An environment this reader does not know. Its option is a title where it holds words and
        no setting ("\\begin{theorem}[Pythagoras]", shown in the theorem's head): a block of its own.
        An argument that is a width or a column specification ("{0.8\\textwidth}", "{|l|c|}",
        "{ll}") is no text; one of words is a block of its own, as the title is."""
        title = self.optional()
        if title and "=" not in self.text[title[0]:title[1]] and not _is_layout(self.text[title[0]:title[1]]):
            block = self.read_apart(*title)
            if block is not None:
                self.blocks.append(block)
        saved = self.pos
        self.skip_blank()
        if not self.text.startswith("{", self.pos):
            self.pos = saved
            return
        arg_start, arg_stop = self.mandatory()
        if not _is_layout(self.text[arg_start:arg_stop]):
            block = self.read_apart(arg_start, arg_stop)
            if block is not None:
                self.blocks.append(block)

    def environment_end(self, name: str) -> None:
        if name in _TABLES and self.in_table:
            self.in_table -= 1
        self.paragraph_end()

    def literal(self, name: str, end: int) -> None:
        """Code, a picture, display mathematics: furniture, shown but no prose, each line located
        by its own; a comment: nothing."""
        text = self.text
        closing = "\\end{" + name + "}"
        if name not in _MATH_ENVS and name not in _PICTURES and text.startswith("[", self.pos):
            self.optional()  # a listing's options: "[fontsize=\\small]", "[language=Python]"
        if name == "minted":
            self.mandatory()
        close = text.find(closing, self.pos)
        close = len(text) if close < 0 else close
        body_start = self.pos
        self.pos = min(close + len(closing), len(text))
        if name == "comment" or name.startswith("filecontents") or self.preamble:
            return
        body = text[body_start:close]
        if name in _MATH_ENVS:
            formula = _math_text(body)
            if formula:
                line = self.line_of(body_start + len(body) - len(body.lstrip()))
                self.notes.append(Block(formula, where(line), furniture=True, lang=self.lang))
            return
        self.paragraph_end()
        code = _Collector(furniture=True)
        at = body_start
        for line in body.split("\n"):
            code.add(line + "\n", self.line_of(at))
            at += len(line) + 1
        block = _block_of(code, self.lang)
        if block is not None:
            self.blocks.append(block)


class LatexReader(Reader):
    name = "latex"
    suffixes = (".tex", ".ltx", ".latex")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        """A file whose first line of TeX, after comments, declares its document class."""
        for line in data[:4096].lstrip(b"\xef\xbb\xbf").splitlines():
            line = line.strip()
            if line and not line.startswith(b"%"):
                return line.startswith((b"\\documentclass", b"\\documentstyle"))
        return False

    def blocks(self, text: str, label: str) -> list[Block]:
        try:
            return _read(text, label, Includes(label))
        except (ValueError, RecursionError, IndexError) as error:
            raise broken(label, "LaTeX", error) from None


def _read(source: str, label: str, includes: Includes, parent: _Typesetter | None = None,
          begins_in_file: bool = True, flows: bool = False, definitions: bool = False) -> list[Block]:
    """The blocks of a LaTeX file's text; `parent`, the typesetter of the file that \\input's it,
    whose macros, language and place (in the preamble or not) it shares, and with `flows` its
    running paragraph too: begun before the \\input, it goes on in the file, and what the file leaves
    open goes on after it. A document whose
    \\begin{document} is in none of its files (one missing, a file cut short) is read again whole,
    as if it had no preamble (`begins_in_file` off)."""
    text, starts, origins = _without_comments(source.lstrip("\ufeff"))
    line_starts = [0] + [k + 1 for k, char in enumerate(source) if char == "\n"]

    def line_of(position: int) -> int:
        k = bisect.bisect_right(starts, position) - 1
        line = bisect.bisect_right(line_starts, origins[k] + position - starts[k])
        return FileLine(line, label) if parent is not None else line

    typesetter = _Typesetter(text, line_of, label, includes)
    typesetter.begins_in_file = begins_in_file and includes.top is not None
    if parent is not None:
        typesetter.macros, typesetter.expansions = parent.macros, parent.expansions
        typesetter.lang, typesetter.preamble = parent.lang, parent.preamble or definitions
        if flows:
            typesetter.sink, typesetter.notes = parent.sink, parent.notes
    typesetter.run(len(text))
    if flows:
        parent.sink, parent.notes = typesetter.sink, typesetter.notes
    else:
        typesetter.paragraph_end()
    if parent is None and typesetter.preamble and typesetter.begins_in_file:
        return _read(source, label, Includes(label), begins_in_file=False)
    if parent is None and includes.unread:
        logger.warning("%s: the files it \\input's or \\include's are not read: %s (%s)", label, includes.names(),
                       includes.reasons())
    if parent is not None:
        parent.lang, parent.preamble = typesetter.lang, typesetter.preamble
    if typesetter.unclosed and not definitions:  # a package's own catcodes are no text's concern
        logger.warning("%s: line %d: a brace is never closed; read to the end of the file", label,
                       line_of(typesetter.unclosed[0]))
    blocks = typesetter.blocks
    if typesetter.lang:
        blocks = [block if block.lang else Block(block.text, block.locator, block.furniture, lang=typesetter.lang,
                                                 line_marks=block.line_marks) for block in blocks]
    return blocks
