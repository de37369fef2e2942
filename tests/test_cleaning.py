import unicodedata
from pathlib import Path

import pytest

from align.cleaning import clean_markdown

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def check_offsets(original: str, cleaned: str, offsets: list[int]) -> None:
    assert len(offsets) == len(cleaned)
    assert offsets == sorted(offsets)
    assert len(set(offsets)) == len(offsets) or " " in cleaned
    for ch, index in zip(cleaned, offsets):
        # A cleaned character is the original one, or a space standing for whitespace or a <br>,
        # a raised digit standing for a note's or exponent's digit, or the character an entity names.
        assert (ch == original[index] or (ch == " " and (original[index].isspace() or original[index] == "<"))
                or unicodedata.normalize("NFKC", ch) == original[index] or original[index] == "&")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("De **non divulgués** ici", "De non divulgués ici"),
        ("un __gras__ mot", "un gras mot"),
        ("un *accent* ici", "un accent ici"),
        ("un _accent_ ici", "un accent ici"),
        ("avant que [l'Azerbaïdjan ne lance](#) pour", "avant que l'Azerbaïdjan ne lance pour"),
        ("voir [le site](https://example.org/a_b*c \"titre\").", "voir le site."),
        ("![une carte](img/map_1.png) légende", "une carte légende"),
        ("## Titre de section", "Titre de section"),
        ("###### Petit titre", "Petit titre"),
        ("- Avec AFP", "Avec AFP"),
        ("* premier point", "premier point"),
        ("+ autre point", "autre point"),
        ("> une citation", "une citation"),
        ("> > citation imbriquée", "citation imbriquée"),
        ("la commande `align` suffit", "la commande align suffit"),
        ("ligne<br>suivante", "ligne suivante"),
        ("<p>un <b>paragraphe</b></p>", "un paragraphe"),
        ('<div class="lead">un chapeau', "un chapeau"),  # attributes: markup, partner or not
        ("une image <img src=x.png> ici", "une image ici"),
        # A tag spoken of, not markup: no partner near it, no attributes. It reached the memory
        # as "the  element names the page".
        ("In HTML, the <title> element names the page.", "In HTML, the <title> element names the page."),
        ("close it with </p> at the end", "close it with </p> at the end"),
        ("for Caucasus negotiations |", "for Caucasus negotiations"),
        ("| River | Temperature |\n|---|:---:|\n| Rhine | 12 °C |", "River | Temperature\n\nRhine | 12 °C"),
        ("Stade | Ville\n--- | ---\nWembley | Londres", "Stade | Ville\n\nWembley | Londres"),
        ("un tiret --- puis | un mot", "un tiret --- puis | un mot"),
        ("trop   d'espaces\tet tab", "trop d'espaces et tab"),
        # The bold run at line 25 of seed 000 ends after the closing quote and "....".
        ('le **Kremlin détenait. "Nous"....**', 'le Kremlin détenait. "Nous"....'),
        # A bold run split by a paragraph break leaves unpaired markers.
        ("début **en gras", "début en gras"),
        ("fin en gras** et suite", "fin en gras et suite"),
    ],
)
def test_markdown_removed(text, expected):
    cleaned, offsets = clean_markdown(text)
    assert cleaned == expected
    check_offsets(text, cleaned, offsets)


@pytest.mark.parametrize(
    "text",
    [
        "l'UE et d'urgence, aujourd'hui",  # apostrophes
        "snake_case_name and file_v2_final",  # underscores inside words
        "prix* hors taxes",  # footnote asterisk after a word
        "a * b * c",  # lone asterisks with spaces
        "2**10 = 1024",
        "#LUE #Russie #les #ÉtatsUnis",  # hashtags are not headings
        "-5 degrés et +3",  # signs are not bullets
        "x < y et y > z",  # comparisons are not tags
        "eines solchen <Basislagers> fördert",  # OCR'd quotation marks: only HTML's elements are tags
        "2023-10-04 11:35:21",
    ],
)
def test_plain_text_untouched(text):
    cleaned, offsets = clean_markdown(text)
    assert cleaned == text
    assert offsets == list(range(len(text)))


def test_offsets_map_spans_back_to_original():
    text = "Le **contact rare** avec [Moscou](#) est *bref*."
    cleaned, offsets = clean_markdown(text)
    assert cleaned == "Le contact rare avec Moscou est bref."
    start = cleaned.index("Moscou")
    end = start + len("Moscou")
    assert text[offsets[start] : offsets[end - 1] + 1] == "Moscou"
    start = cleaned.index("contact rare")
    assert text[offsets[start] : offsets[start + len("contact rare") - 1] + 1] == "contact rare"


def test_multiline_markers_per_line():
    text = "# Titre\n- un\n- deux\n> cité"
    cleaned, offsets = clean_markdown(text)
    assert cleaned == "Titre\nun\ndeux\ncité"
    check_offsets(text, cleaned, offsets)


def test_seed_000_line_11():
    line = SEEDS[0].read_text(encoding="utf-8").splitlines()[10]
    cleaned, offsets = clean_markdown(line)
    assert "**" not in cleaned and "](#)" not in cleaned and "[" not in cleaned
    assert "pourparlers d'urgence non divulgués en Turquie" in cleaned
    assert "avant que l'Azerbaïdjan ne lance une offensive militaire pour reprendre" in cleaned
    check_offsets(line, cleaned, offsets)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_clean_consistently(seed):
    text = seed.read_text(encoding="utf-8")
    cleaned, offsets = clean_markdown(text)
    check_offsets(text, cleaned, offsets)
    assert "**" not in cleaned
    assert "](#)" not in cleaned
    # Only markup goes: every removed character is whitespace or a markup character.
    kept = set(offsets)
    removed = {text[i] for i in range(len(text)) if i not in kept}
    assert removed <= set(" \t*_[]()#|-`<>/!") | {"\n"}


def test_an_escaped_marker_is_text_not_emphasis():
    # TransRead's "\_ Rosier's Dictionary \_, \_ Candide \_": the underscores of "\_," and
    # "\_ Candide" were paired as an emphasis and dropped from the text embedded and exported.
    line = "The titles were \\_ Rosier's Dictionary \\_, \\_ Candide \\_, by Voltaire."
    assert clean_markdown(line)[0] == line
    assert clean_markdown("a \\*starred\\* word and a *real* one")[0] == "a \\*starred\\* word and a real one"


@pytest.mark.parametrize(
    "text,expected",
    [
        # A footnote mark is a note number after the sentence's end, as a page shows it: read as
        # "2020.[^1] Heavy", the two sentences were one (and "2020[^1]" a year of five digits).
        ("The survey covered 42 rivers in 2020.[^1] Heavy rain.", "The survey covered 42 rivers in 2020.¹ Heavy rain."),
        ("[^1]: Data from the national register.", "Data from the national register."),
        ("Read the [full report][rep] and [the annex][].", "Read the full report and the annex."),
        ('[rep]: http://example.org/report "The report"', ""),
        ("[1]: Figures for 2020.", "[1]: Figures for 2020."),  # no link target: text
        ("Annual Report\n=============", "Annual Report\n"),
        ("Methods\n-------", "Methods\n"),
        ("---", "---"),  # a rule alone is a scene break: layout, kept
        ("```python\nprint(1)\n```", "\nprint(1)\n"),
        ("Prices rose by 3<sup>2</sup> percent, H<sub>2</sub>O.", "Prices rose by 3² percent, H₂O."),
        ("Smith &amp; Sons sold 3&nbsp;500 kits &#8212; a record.", "Smith & Sons sold 3\u00a0500 kits \u2014 a record."),
        # An escaped tag is text, as a browser shows it.
        ("Write &lt;b&gt;bold&lt;/b&gt; here.", "Write <b>bold</b> here."),
        ("a &unknownentity; stays", "a &unknownentity; stays"),
        # A reviewing helper: a legacy entity's name at a word's start ("&not"), citations by
        # number and a title between tildes were read as markup.
        ("see &notes; below", "see &notes; below"),
        ("as shown before [3][4].", "as shown before [3][4]."),
        ("~~~ Part One ~~~", "~~~ Part One ~~~"),
        ('<script>var tracking = "x";</script>', ""),
        # Inside a sentence a tag is what the sentence speaks of (the tags go, as before).
        ("Type <script>alert(1)</script> into the field.", "Type alert(1) into the field."),
    ],
)
def test_markdown_notes_references_rules_and_entities(text, expected):
    cleaned, offsets = clean_markdown(text)
    assert cleaned == expected
    check_offsets(text, cleaned, offsets)


def test_invisible_characters_go_from_every_format():
    # "12\u200b500" was read as 12 and 500 (a false changed figure against "12 500").
    for markdown in (True, False):
        cleaned, offsets = clean_markdown("The plant treated 12\u200b500 litres in Mont\u00adpellier.", markdown=markdown)
        assert cleaned == "The plant treated 12500 litres in Montpellier."
    # The joiners are letters' business in Persian and the Indic scripts.
    assert clean_markdown("می\u200cخواهم")[0] == "می\u200cخواهم"


@pytest.mark.parametrize("text", ["> 90 % of the samples", "+ 12 %", "- 4 %", "# 3 on the list", "*required*",
                                  "the [guide](2019)", "Smith &amp; Sons"])
def test_a_readers_text_is_not_markdown(text):
    # From a web page or a .docx these are what the document says: the markdown passes dropped the
    # figures' signs and the year from the TMX.
    cleaned, offsets = clean_markdown(text, markdown=False)
    assert cleaned == text and offsets == list(range(len(text)))


@pytest.mark.parametrize(
    "text,expected",
    [
        # /tmp/probe13/en10.md: the TMX had "init.py", "f(*args, kwargs)", "Type in the field" and
        # "/*.py"; the passes after the backticks' one ran on the code's text.
        ("Create the file `__init__.py` in the package folder.", "Create the file __init__.py in the package folder."),
        ("Call `f(*args, **kwargs)` to forward all arguments.", "Call f(*args, **kwargs) to forward all arguments."),
        ("Type `<br>` in the field to insert a line break.", "Type <br> in the field to insert a line break."),
        ("The pattern `**/*.py` matches every Python file.", "The pattern **/*.py matches every Python file."),
        ("Write `&amp;` for an ampersand.", "Write &amp; for an ampersand."),
        ("Read `config[main](url)` first.", "Read config[main](url) first."),
        ("Use `_private_` and `*args`.", "Use _private_ and *args."),
        ("Mark a note with `[^1]`, a comment with `<!-- x -->`, a bold with `<b>x</b>`.",
         "Mark a note with [^1], a comment with <!-- x -->, a bold with <b>x</b>."),
        ("Indent with `a  b`, a tab `\t`.", "Indent with a  b, a tab \t."),
        # Outside the code, the markup goes as before, around and next to the code too.
        ("**Call `f(**kw)`** then [`run_all`](https://x.org/a_b) &amp; *stop*.", "Call f(**kw) then run_all & stop."),
        ("Set `x`<br>then _read_ `y_z` &lt;here&gt;.", "Set x then read y_z <here>."),
        ("- `__init__.py` of the package", "__init__.py of the package"),
    ],
)
def test_code_span_text_is_kept_as_written(text, expected):
    cleaned, offsets = clean_markdown(text)
    assert cleaned == expected
    check_offsets(text, cleaned, offsets)


def test_code_span_kept_in_a_table_row():
    assert clean_markdown("`**/*.py`\tPython files", table_row=True)[0] == "**/*.py | Python files"


def test_code_spans_reach_the_sentences_as_written():
    # The whole path to the TMX and XLIFF: /tmp/probe13/en10.md, read and segmented.
    from align.documents import load_sentences
    from align.reading import RawText
    from align.segmenters import load_segmenter

    text = ("Create the file `__init__.py` in the package folder.\n\n"
            "Call `f(*args, **kwargs)` to forward all arguments.\n\n"
            "Type `<br>` in the field to insert a line break.\n\n"
            "The pattern `**/*.py` matches every Python file.\n")
    sentences = load_sentences(RawText(text, "utf-8", "en10.md"), load_segmenter("auto"))
    assert [s.text for s in sentences] == [
        "Create the file __init__.py in the package folder.",
        "Call f(*args, **kwargs) to forward all arguments.",
        "Type <br> in the field to insert a line break.",
        "The pattern **/*.py matches every Python file.",
    ]


def test_a_link_whose_address_holds_parentheses_is_read_whole():
    """Wikipedia's addresses hold parentheses: the link ended at the first ")", and the text read
    "Le Niger) déborde."."""
    cleaned, _ = clean_markdown("Le [Niger](https://fr.wikipedia.org/wiki/Niger_(fleuve)) déborde chaque année.")
    assert cleaned == "Le Niger déborde chaque année."
    # An unpaired parenthesis still ends the address, as the sentence's own bracket.
    cleaned, _ = clean_markdown("Voir [la carte](https://example.org/map) (en ligne).")
    assert cleaned == "Voir la carte (en ligne)."
