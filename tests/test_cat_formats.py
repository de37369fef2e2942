"""TMX, XLIFF 2.1, XLIFF 1.2 and xlsx, read back the way a CAT tool or a spreadsheet reads them:
translate-toolkit (the importer behind Pootle and Weblate) for the translation formats, openpyxl
for the workbook; and validated against RELAX NG grammars of TMX 1.4b, XLIFF 1.2 and XLIFF 2.1
Core in tests/schemas. No XSD of XLIFF or DTD of TMX ships in a package this machine can install,
so those grammars were written for these tests from the specifications' element and attribute
definitions (each file says which sections); the tests below also show that they refuse what
the specifications forbid."""
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from align import align_pair
from align.reports import render
from align.reports.base import rows
from conftest import seed

translate_storage = pytest.importorskip("translate.storage", reason="translate-toolkit is in the test extra")
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
X1 = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture(scope="module")
def result(use_encoder):
    # 000 alone: a French reprint against its English original, with a changed number, clauses
    # left out, a headline and a source line added.
    return align_pair(seed("000"), encoder=use_encoder, src_lang="en-GB", tgt_lang="fr")


def _joined(sentences) -> str:
    return " ".join(s.text for s in sentences)


def test_xliff2_reads_back_with_every_sentence_once(result):
    from translate.storage.xliff2 import Xliff2File

    out = render(result, "xliff")
    units = Xliff2File.parsestring(out.encode("utf-8")).getunits()
    table = rows(result)
    assert len(units) == len(table)
    assert [unit.source for unit in units] == [_joined(row.src) for row in table]
    assert [unit.target or "" for unit in units] == [_joined(row.tgt) for row in table]
    root = ET.fromstring(out)
    assert root.get("version") == "2.1" and root.get("srcLang") == "en-GB" and root.get("trgLang") == "fr"
    for unit in root.iter(f"{X2}unit"):
        children = [child.tag for child in unit]
        # The schema's order: notes first, then the segment.
        assert children in ([f"{X2}segment"], [f"{X2}notes", f"{X2}segment"])
        segment = unit.find(f"{X2}segment")
        assert (segment.get("state") == "translated") == (segment.find(f"{X2}target") is not None
                                                          and bool(segment.find(f"{X2}source").text))
    categories = [note.get("category") for note in root.iter(f"{X2}note")]
    assert "align:fact_mismatch" in categories and "align:partial_omission" in categories
    fact = next(note for note in root.iter(f"{X2}note") if note.get("category") == "align:fact_mismatch")
    assert "100,000" in fact.text and fact.get("priority") == "1"


def test_xliff12_reads_back_with_notes_on_the_flagged_units(result):
    from translate.storage.xliff import xlifffile

    store = xlifffile.parsestring(render(result, "xliff12").encode("utf-8"))
    units = store.getunits()
    table = rows(result)
    assert [unit.source for unit in units] == [_joined(row.src) for row in table]
    assert [unit.target or "" for unit in units] == [_joined(row.tgt) for row in table]
    assert store.getsourcelanguage() == "en-GB" and store.gettargetlanguage() == "fr"
    noted = [unit for unit in units if "fact_mismatch" in unit.getnotes().replace(" ", "_")]
    assert len(noted) == 1 and "120 000" in noted[0].target


def test_both_xliffs_list_the_sentences_set_aside_once_each(use_encoder):
    """000's French half is in neither text when 000's English is aligned with 002: every other
    report lists those 16 sentences as not aligned, both XLIFFs left them out unsaid."""
    reprint = align_pair(seed("000"), seed("002"), encoder=use_encoder)
    aside = reprint.source.set_aside
    assert len(aside) >= 10
    for fmt, path in (("xliff", f"{X2}file/{X2}notes/{X2}note"), ("xliff12", f"{X1}file/{X1}header/{X1}note")):
        notes = [note.text for note in ET.fromstring(render(reprint, fmt)).findall(path)]
        listed = [text for text in notes if text.startswith("not aligned: French (fr)")]
        assert len(listed) == len(aside), fmt
        for sentence, text in zip(aside, listed):
            assert text.endswith(f"line {sentence.line} of the source file, in neither text aligned: {sentence.text}")


def test_tmx_reads_back_as_a_memory_of_pairs_only(result):
    from translate.storage.tmx import tmxfile

    units = tmxfile.parsestring(render(result, "tmx").encode("utf-8")).getunits()
    paired = [row for row in rows(result) if row.bead.kind in ("match", "moved")]
    assert [unit.source for unit in units] == [_joined(row.src) for row in paired]
    assert [unit.target for unit in units] == [_joined(row.tgt) for row in paired]


def test_xlsx_has_every_sentence_once_and_filters_on(result):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render(result, "xlsx")))
    assert book.sheetnames == ["Pairs", "Findings", "Signature"]
    pairs, findings = book["Pairs"], book["Findings"]
    assert pairs.auto_filter.ref == pairs.dimensions and findings.auto_filter.ref == findings.dimensions
    assert pairs.freeze_panes == "A2"
    cells = list(pairs.iter_rows(min_row=2, values_only=True))
    assert len(cells) == len(rows(result))
    source_cells = " ".join(c[5] or "" for c in cells)
    for sentence in result.source.sentences:
        assert source_cells.count(sentence.original) == 1
    assert findings.max_row - 1 == len(result.findings)
    assert {c[1] for c in findings.iter_rows(min_row=2, values_only=True)} >= {"fact_mismatch", "omission"}


def test_xlsx_takes_text_with_control_characters(tmp_path, use_encoder):
    """Word's exports break lines with a vertical tab, pdftotext pages with a form feed: a worksheet
    has no place for either, and openpyxl refused the whole workbook. U+FFFE/U+FFFF (a byte-order
    mark read the wrong way round) made it raise when saving."""
    from openpyxl import load_workbook

    source = tmp_path / "en.txt"
    target = tmp_path / "fr.txt"
    source.write_text("The city council met on Monday\x0cto discuss the new budget.\n"
                      "The mayor\x0bpresented a plan \x1b[1mfor the harbour\x1b[0m.\n"
                      "The works begin\ufffe in May\uffff.\n", encoding="utf-8")
    target.write_text("Le conseil municipal s'est réuni lundi pour discuter du nouveau budget.\n"
                      "Le maire a présenté un plan pour le port.\nLes travaux commencent en mai.\n", encoding="utf-8")
    result = align_pair(str(source), str(target), encoder=use_encoder, src_lang="en", tgt_lang="fr")
    book = load_workbook(io.BytesIO(render(result, "xlsx")))
    text = " ".join(c[5] or "" for c in book["Pairs"].iter_rows(min_row=2, values_only=True))
    # The vertical tab is a line break of the text (`reading._newlines`), kept as one in the cell.
    assert "Monday to discuss" in text and "mayor\npresented" in text
    assert text.count("\ufffd") == 4  # the two escapes and two non-characters, shown, not dropped unseen


def test_a_markdown_table_goes_into_the_memory_row_by_row_without_its_markup(tmp_path, use_encoder):
    table = "| {} | {} |\n|---|:---:|\n| {} | 12 °C |\n| Rhône | 14 °C |\n"
    (tmp_path / "en.md").write_text("# Results\n\nThe team measured three rivers this year.\n\n"
                                    + table.format("River", "Temperature", "Rhine")
                                    + "\nMore work is planned for next spring.\n", encoding="utf-8")
    (tmp_path / "fr.md").write_text("# Résultats\n\nL'équipe a mesuré trois rivières cette année.\n\n"
                                    + table.format("Rivière", "Température", "Rhin")
                                    + "\nD'autres travaux sont prévus au printemps prochain.\n", encoding="utf-8")
    result = align_pair(str(tmp_path / "en.md"), str(tmp_path / "fr.md"), encoder=use_encoder,
                        src_lang="en", tgt_lang="fr")
    # The delimiter row is markup, but a line of the input: every report still shows it once.
    assert [s.original for s in result.source.sentences].count("|---|:---:|") == 1
    root = ET.fromstring(render(result, "tmx"))
    pairs = [tuple(seg.text for seg in tu.iter("seg")) for tu in root.iter("tu")]
    assert ("River | Temperature", "Rivière | Température") in pairs
    assert ("Rhine | 12 °C", "Rhin | 12 °C") in pairs
    assert not [pair for pair in pairs if any("|-" in text or text.startswith("|") for text in pair)]


SCHEMAS = Path(__file__).parent / "schemas"
GRAMMARS = {"tmx": "tmx14.rng", "xliff": "xliff21-core.rng", "xliff12": "xliff12.rng"}


def _grammar(fmt: str):
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(SCHEMAS / GRAMMARS[fmt])))


@pytest.mark.parametrize("fmt", sorted(GRAMMARS))
def test_every_translation_format_is_valid_against_its_specification(result, use_encoder, fmt):
    from lxml import etree

    grammar = _grammar(fmt)
    # The reprint with its changed number and left-out clauses; a reprint with a moved paragraph,
    # omissions and additions; a text with characters XML cannot hold.
    reprint = align_pair(seed("000"), seed("002"), encoder=use_encoder)
    for case in (result, reprint):
        document = etree.fromstring(render(case, fmt).encode("utf-8"))
        assert grammar.validate(document), (fmt, grammar.error_log.last_error)
    if fmt == "tmx":
        from align.reports.tmx import TMXReport

        flagged = TMXReport(min_score=0.8).render(reprint)
        assert grammar.validate(etree.fromstring(flagged.encode("utf-8"))), grammar.error_log.last_error


@pytest.mark.parametrize("fmt,breakage", [
    ("tmx", lambda doc: doc.find("body/tu/tuv").attrib.clear()),  # a tuv without its language
    ("tmx", lambda doc: doc.find("header").attrib.pop("srclang")),
    ("tmx", lambda doc: doc.find("body/tu").append(doc.find("body/tu/prop"))),  # a prop after the tuvs
    ("xliff", lambda doc: doc.find(f"{X2}file/{X2}unit").append(doc.find(f"{X2}file/{X2}unit/{X2}notes"))),
    ("xliff", lambda doc: doc.find(f"{X2}file/{X2}unit/{X2}segment").set("state", "new")),  # a 1.2 state
    ("xliff", lambda doc: doc.find(f"{X2}file/{X2}unit").attrib.pop("id")),
    ("xliff12", lambda doc: doc.find(f"{X1}file/{X1}body/{X1}trans-unit/{X1}target").set("state", "done")),
    ("xliff12", lambda doc: doc.find(f"{X1}file").attrib.pop("datatype")),
    ("xliff12", lambda doc: doc.find(f"{X1}file/{X1}body/{X1}trans-unit").insert(
        0, doc.find(f"{X1}file/{X1}body/{X1}trans-unit/{X1}note"))),  # a note before the source
])
def test_the_grammars_refuse_what_the_specifications_forbid(result, fmt, breakage):
    """Each grammar is only worth its failures: a document align writes, broken in one way the
    specification does not allow, must not pass."""
    from lxml import etree

    document = etree.fromstring(render(result, fmt).encode("utf-8"))
    grammar = _grammar(fmt)
    assert grammar.validate(document)
    breakage(document)
    assert not grammar.validate(document)


_ESCAPED_EN = ("The formula 2*x*y gives the area of the field.\n\n"
               "The titles were \\_ Rosier's Dictionary \\_, \\_ Candide \\_, by [Voltaire](https://example.org).\n\n"
               "The price rose from five to fifteen dollars in a year.\n")
_ESCAPED_FR = ("La formule 2*x*y donne la surface du champ.\n\n"
               "Les titres étaient \\_ Dictionnaire de Rosier \\_, \\_ Candide \\_, de [Voltaire](https://example.org).\n\n"
               "Le prix passa de cinq à quinze dollars en un an.\n")


@pytest.mark.parametrize("fmt", ["tmx", "xliff", "xliff12"])
def test_an_escaped_underscore_goes_into_a_unit_as_written(tmp_path, use_encoder, fmt):
    """The cleaning took the underscores after "Dictionary \\" and before " Candide" for an
    emphasis and dropped them: "\\_ Rosier's Dictionary \\, \\ Candide \\_" went into the memory.
    The link's markup still goes."""
    (tmp_path / "en.md").write_text(_ESCAPED_EN, encoding="utf-8")
    (tmp_path / "fr.md").write_text(_ESCAPED_FR, encoding="utf-8")
    result = align_pair(str(tmp_path / "en.md"), str(tmp_path / "fr.md"), encoder=use_encoder,
                        src_lang="en", tgt_lang="fr")
    root = ET.fromstring(render(result, fmt))
    texts = [element.text for element in root.iter() if element.tag.split("}")[-1] in ("seg", "source", "target")]
    assert "The titles were \\_ Rosier's Dictionary \\_, \\_ Candide \\_, by Voltaire." in texts
    assert "Les titres étaient \\_ Dictionnaire de Rosier \\_, \\_ Candide \\_, de Voltaire." in texts


def test_each_unit_of_an_added_run_names_its_own_sentence_in_its_note(use_encoder):
    """Seed 001 adds three sentences on its line 17 and two after them, one unit each: every
    unit's note quoted the first of them ("L’Azerbaïdjan a lancé une offensive éclair..."), in both
    XLIFF versions."""
    result = align_pair(seed("000"), seed("001"), encoder=use_encoder)
    run = next(f for f in result.findings if f.type == "addition" and len(f.tgt) >= 3)
    for fmt, note_of in (("xliff", lambda unit: [n.text for n in unit.iter(f"{X2}note")]),
                         ("xliff12", lambda unit: [n.text for n in unit.iter(f"{X1}note")])):
        root = ET.fromstring(render(result, fmt))
        targets = {unit.find(f".//{{*}}target").text: note_of(unit) for unit in root.iter()
                   if unit.tag in (f"{X2}unit", f"{X1}trans-unit") and unit.find(".//{*}target") is not None}
        for j in run.tgt:
            sentence = result.target.sentences[j]
            [note] = [n for n in targets[sentence.text] if "added" in n]
            assert f"added (line {sentence.line} of the target" in note and note.endswith(f"): {sentence.text}"), note
            assert f"1 of {len(run.tgt)} sentences added together" in note


def test_a_replaced_pair_is_no_translated_unit(tmp_path, use_encoder):
    """Seed 001 with a sentence swapped for one of another article: the aligner pairs the two
    (kind "replaced"), the TMX leaves them out, and XLIFF marked them translated."""
    spokesperson = "Un porte-parole du Département d’État américain a refusé de commenter la réunion"
    stranger = ("De son côté, la diplomatie azerbaïdjanaise a annoncé dans un communiqué que Djeyhoun Baïramov "
                "serait également à Moscou ce mercredi pour des «consultations avec la partie russe».")
    text = Path(seed("001")).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(spokesperson))
    (tmp_path / "fr.txt").write_text(text.replace(line, stranger), encoding="utf-8")
    result = align_pair(seed("000"), str(tmp_path / "fr.txt"), encoder=use_encoder)
    assert any(b.kind == "replaced" for b in result.beads)
    x2 = ET.fromstring(render(result, "xliff"))
    units = [unit for unit in x2.iter(f"{X2}unit") if unit.get("name") == "replaced"]
    assert units and stranger in [unit.find(f"{X2}segment/{X2}target").text for unit in units]
    for unit in units:
        assert unit.find(f"{X2}segment").get("state") == "initial"
        assert "align:replaced" in [note.get("category") for note in unit.iter(f"{X2}note")]
    x1 = ET.fromstring(render(result, "xliff12"))
    units = [unit for unit in x1.iter(f"{X1}trans-unit") if unit.get("resname") == "replaced"]
    assert units and {unit.find(f"{X1}target").get("state") for unit in units} == {"needs-review-translation"}
    from lxml import etree

    for fmt in ("xliff", "xliff12"):
        assert _grammar(fmt).validate(etree.fromstring(render(result, fmt).encode("utf-8")))


def test_xlsx_signature_is_one_setting_a_row(result):
    # Its sheet showed Python dictionaries ("{'tau': -0.1, ...}") in one cell each.
    from openpyxl import load_workbook

    signature = dict(load_workbook(io.BytesIO(render(result, "xlsx")))["Signature"].iter_rows(values_only=True))
    assert signature["aligner.tau"] == str(result.signature["aligner"]["tau"])
    assert signature["aligner.beads"].startswith("0-1, 1-0, 1-1")
    assert not any(value.startswith(("{", "[")) for value in signature.values())


def test_chinese_sentences_of_one_unit_are_joined_without_a_space(tmp_path, use_encoder):
    """A 1-2 pair's Chinese target read "他很晚才回家。 她已经去车站了。" in the TMX, XLIFF and TSV:
    a segment the document does not hold, which a CAT tool never matches exactly."""
    (tmp_path / "en.txt").write_text("He came home late and she had already left for the station.\n"
                                     "The weather was cold.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("他很晚才回家。她已经去车站了。\n天气很冷。\n", encoding="utf-8")
    result = align_pair(str(tmp_path / "en.txt"), str(tmp_path / "zh.txt"), encoder=use_encoder,
                        src_lang="en", tgt_lang="zh")
    assert [len(b.tgt) for b in result.beads if b.src and b.tgt][0] == 2
    for fmt in ("tmx", "xliff", "xliff12", "tsv"):
        out = render(result, fmt)
        assert "他很晚才回家。她已经去车站了。" in out and "回家。 她" not in out, fmt


def test_a_segments_own_whitespace_survives_a_reader_that_collapses_it(tmp_path, use_encoder):
    """translate-toolkit, as OmegaT, collapses runs of spaces and trims a segment unless its
    element says xml:space="preserve": the code span's "x  =  1" came back as "x = 1", and a
    sentence given with a tab or a leading space lost them. Only the units that need it say so."""
    from lxml import etree
    from translate.storage.xliff import xlifffile
    from translate.storage.xliff2 import Xliff2File

    from align import align_sentences

    (tmp_path / "en.md").write_text("Type `x  =  1` in the box.\n\nThe meeting starts at noon in the main hall.\n",
                                    encoding="utf-8")
    (tmp_path / "fr.md").write_text("Tapez `x  =  1` dans la case.\n\nLa réunion commence à midi dans la grande "
                                    "salle.\n", encoding="utf-8")
    spaced = align_pair(str(tmp_path / "en.md"), str(tmp_path / "fr.md"), encoder=use_encoder,
                        src_lang="en", tgt_lang="fr")
    given = align_sentences(["Name:\tJohn Smith.", " The hall is on the left."],
                            ["Nom :\tJohn Smith.", " La salle est à gauche."], src_lang="en", tgt_lang="fr",
                            encoder=use_encoder)
    cases = [(spaced, [("Type x  =  1 in the box.", "Tapez x  =  1 dans la case."),
                       ("The meeting starts at noon in the main hall.",
                        "La réunion commence à midi dans la grande salle.")], ["preserve", None]),
             (given, [("Name:\tJohn Smith.", "Nom :\tJohn Smith."),
                      (" The hall is on the left.", " La salle est à gauche.")], ["preserve", "preserve"])]
    for fmt, reader, tag in (("xliff", Xliff2File, f"{X2}source"), ("xliff12", xlifffile, f"{X1}trans-unit")):
        for case, pairs, marks in cases:
            written = render(case, fmt)
            assert _grammar(fmt).validate(etree.fromstring(written.encode("utf-8")))
            store = reader.parsestring(written.encode("utf-8"))
            assert [(unit.source, unit.target) for unit in store.units] == pairs
            marked = [element.get("{http://www.w3.org/XML/1998/namespace}space")
                      for element in ET.fromstring(written).iter(tag)]
            assert marked == marks
