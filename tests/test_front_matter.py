"""A markdown page's front matter (Hugo, Jekyll, Docusaurus...): its title and description read as
the page's text at their lines, its other keys as the site's furniture, the fences as markup; the
page's sentences keep the lines of the file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "front_matter"
ROOT = Path(__file__).parent.parent


def _sentences(path: Path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


def _pair(src: Path, tgt: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "align", "pair", str(src), str(tgt), "-f", "json", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_yaml_front_matter_title_and_description_are_text_the_rest_furniture():
    sentences = _sentences(DATA / "npm-test.en.md")
    by_text = {s.original: s for s in sentences}
    assert by_text["npm-test"].line == 2 and not by_text["npm-test"].furniture
    assert by_text["Test a package"].line == 4 and not by_text["Test a package"].furniture
    assert by_text["section: 1"].furniture and by_text["section: 1"].line == 3
    assert not any("---" in s.original or "title:" in s.original or "description:" in s.original
                   for s in sentences)
    # The page after the front matter keeps the file's lines.
    note = next(s for s in sentences if s.original.startswith("Note: This command"))
    assert note.line == 15
    described = next(s for s in sentences if s.original.startswith("This runs a predefined"))
    assert described.line == 19


def test_a_description_left_out_of_the_translation_is_found_at_its_line():
    report = _pair(DATA / "npm-test.en.md", DATA / "npm-test.fr.md")
    omissions = [f for f in report["findings"] if f["type"] == "omission"]
    source = {s["id"]: s for s in report["source"]["sentences"]}
    assert [[source[i]["text"] for i in f["src"]] for f in omissions] == [["Test a package"]]
    assert source[omissions[0]["src"][0]]["line"] == 4
    # Nothing of the front matter was set aside as a passage in another language.
    assert "set_aside" not in report["target"] and "set_aside" not in report["source"]
    # Every sentence of each file once in the beads.
    for side, key in (("source", "src"), ("target", "tgt")):
        placed = sorted(i for bead in report["beads"] for i in bead[key])
        assert placed == list(range(len(report[side]["sentences"])))


def test_toml_front_matter_and_shortcode_lines():
    sentences = _sentences(DATA / "hugo.fr.md")
    text = {s.original: s for s in sentences}
    assert not text["Installer le programme"].furniture and text["Installer le programme"].line == 2
    assert text["Comment installer le programme sous Linux, macOS et Windows."].line == 3
    assert text['icon = "download"'].furniture and text['icon = "download"'].line == 8
    assert text["weight = 20"].furniture
    # A line of template tags alone is markup, listed as furniture, never a sentence of the page.
    assert text["{{< note >}}"].furniture and text['{{% tab name="Linux" %}}'].furniture
    assert not text["Il vous faut un compte avant de commencer."].furniture
    report = _pair(DATA / "hugo.en.md", DATA / "hugo.fr.md")
    assert [f["type"] for f in report["findings"]] == ["fact_mismatch"]  # "ten" minutes against "vingt"


def test_a_plain_text_between_rules_is_not_front_matter(tmp_path):
    # A story that opens with a rule and a note is no site's page: read as it stands.
    story = tmp_path / "story.txt"
    story.write_text("---\nNote: the names have been changed.\n---\n\nThe boat left at dawn. Nobody saw it go.\n")
    sentences = _sentences(story)
    assert any("Note: the names have been changed." in s.original for s in sentences)
    assert not any(s.furniture for s in sentences if "Note" in s.original)


def test_front_matter_that_does_not_parse_is_read_as_text(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('---\ntitle: "unclosed\ndate: [2024\n---\n\nThe text of the page.\n')
    sentences = _sentences(page)
    assert any("The text of the page." in s.original for s in sentences)
    assert any("unclosed" in s.original for s in sentences)  # nothing lost


def test_a_yaml_alias_bomb_in_front_matter_is_read_without_expanding(tmp_path):
    bomb = "".join(f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * 9 if k else ['"lol"'] * 9) + "]\n" for k in range(9))
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: A page\n" + bomb + "---\n\nThe text of the page.\n")
    sentences = _sentences(page)
    assert [s.original for s in sentences if not s.furniture] == ["A page", "The text of the page."]

