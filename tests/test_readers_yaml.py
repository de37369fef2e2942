"""A program's strings in YAML (Rails' config/locales/fr.yml, Symfony's messages.fr.yaml), read as
the app shows them, each located by its key's path. Read as plain text before, the keys, quotes,
indentation and comments were the report's sentences (Redmine's en.yml: 234 "sentences", one of
10,000 characters).

tests/data/yaml_arb/redmine_{en,fr}.yml are Redmine 5.0.4's config/locales/{en,fr}.yml (Debian's
redmine 5.0.4-5+deb12u1, GPL-2), cut to their date, time and number sections and a few notices;
the French one holds a section the English has none of (datetime.prompts), as it does whole.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from align.documents import load_sentences
from align.errors import InputError
from align.reading import read_input
from align.readers.yaml_strings import YamlStringsReader
from align.segmenters import load_segmenter

DATA = Path(__file__).parent / "data" / "yaml_arb"
ENGLISH, FRENCH = DATA / "redmine_en.yml", DATA / "redmine_fr.yml"


def blocks_of(path):
    raw = read_input(str(path))
    return [(raw.text[span.start:span.end], span.locator, span.furniture, span.lang) for span in raw.spans]


def sentences_of(path):
    return load_sentences(read_input(str(path)), load_segmenter("auto"))


def one_line_error(*paths, timeout=60):
    run = subprocess.run([sys.executable, "-m", "align", "pair", *map(str, paths), "-q"],
                         capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    return run.stderr


def string_leaves(value, path=""):
    """(key path, string) of every string YAML's own loader finds, the way the app gets them."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from string_leaves(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from string_leaves(child, f"{path}.{index}" if path else str(index))
    elif isinstance(value, str) and value.strip():
        yield path, value


def test_a_rails_locale_file_is_read_string_by_string_as_the_app_shows_it():
    blocks = blocks_of(ENGLISH)
    assert read_input(str(ENGLISH)).format == "yaml"
    by_key = {locator: (text, furniture, lang) for text, locator, furniture, lang in blocks}
    assert by_key["key notice_account_updated"] == ("Account was successfully updated.", False, "en")
    assert by_key["key datetime.distance_in_words.x_minutes.other"] == ("%{count} minutes", False, "en")
    assert by_key["key date.month_names.1"] == ("January", False, "en")  # the nil before it is no month
    assert by_key["key number.human.storage_units.units.byte.one"] == ("Byte", False, "en")
    # Formats are settings each language writes its own way: boilerplate, not sentences.
    assert by_key["key date.formats.default"] == ("%m/%d/%Y", True, "en")
    assert by_key["key number.human.storage_units.format"] == ("%n %u", True, "en")
    texts = [text for text, *_ in blocks]
    # Not read: the language root, the keys, the comments, numbers, booleans, symbols.
    assert not any("strftime" in text or "notice_" in text or text.startswith("en") for text in texts)
    assert not any(locator.startswith(("key date.order", "key number.format.precision", "key en."))
                   for _text, locator, *_ in blocks)


def test_every_string_of_a_rails_file_is_read_once_at_its_key():
    for path in (ENGLISH, FRENCH):
        (lang, tree), = yaml.safe_load(path.read_text(encoding="utf-8")).items()
        expected = [f"key {key}" for key, text in string_leaves(tree) if not text.startswith(":")]
        read = [locator for _text, locator, _furniture, block_lang in blocks_of(path)]
        assert sorted(read) == sorted(expected), path
        assert {block[3] for block in blocks_of(path)} == {lang}


def test_a_rails_pair_is_aligned_string_by_string_through_the_command_line(tmp_path):
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "align", "pair", str(ENGLISH), str(FRENCH), "--format", "json",
                          "-o", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "characters without a sentence end" not in run.stderr  # the whole file was one "sentence"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["source_sentences"] == len(sentences_of(ENGLISH))
    assert report["summary"]["target_sentences"] == len(sentences_of(FRENCH))
    content = [f for f in report["findings"] if f["severity"] == "content"]
    assert all(re.search(r"\bkeys? \w", f["message"]) for f in report["findings"])
    # The French file's own section is an addition, found by its keys; its words are no omission
    # of the English.
    assert any(f["type"] == "addition" and "datetime.prompts" in f["message"] for f in content)
    # Formats differ by language, by design: boilerplate at most; comments are not read at all.
    assert not any("%Y" in f["message"] or "%d" in f["message"] for f in content)
    assert not any("Use the strftime" in f["message"] for f in report["findings"])


SYMFONY_AND_RAILS = """\
# A hand-written file of each thing YAML writes, in a Rails layout.
pl:
  quoted: 'It''s late.'
  escaped: "Line one.\\nLine two, a tab:\\tend."
  literal: |
    First line.
    Second line.
  folded: >
    One sentence folded
    over two lines.
  defaults: &defaults
    ok: "OK, go on."
  dialog:
    <<: *defaults
    cancel: Cancel the upload.
  answer: yes
  count: 3
  enabled: true
  released: 2024-01-31
  order: [:day, :month, :year]
  shelters:
    one: "%{count} shelter opened."
    few: "%{count} shelters opened."
    other: "%{count} shelters opened."
  icu: "{count, plural, one{# file} other{# files}} left."
"""


def test_quoting_escapes_block_scalars_anchors_and_settings_are_read_as_yaml_reads_them():
    blocks = YamlStringsReader().blocks(SYMFONY_AND_RAILS, "messages.pl.yaml")
    assert [(b.text, b.locator, b.furniture) for b in blocks] == [
        ("It's late.", "key quoted", False),
        ("Line one.\nLine two, a tab: end.", "key escaped", False),
        ("First line.\nSecond line.", "key literal", False),
        ("One sentence folded over two lines.", "key folded", False),
        ("OK, go on.", "key defaults.ok", False),
        ("OK, go on.", "key dialog.ok", False),  # merged: the app shows it at both keys
        ("Cancel the upload.", "key dialog.cancel", False),
        ("yes", "key answer", True),  # a boolean to YAML 1.1 and Ruby, kept where a reader sees it
        ("%{count} shelter opened.", "key shelters.one", False),
        ("%{count} shelters opened.", "key shelters.few", True),  # a form English has none of
        ("%{count} shelters opened.", "key shelters.other", False),
        ("{count} file left.", "key icu.one", False), ("{count} files left.", "key icu.other", False)]
    assert {b.lang for b in blocks} == {"pl"}


def test_a_flat_file_is_read_by_its_name_and_a_locale_file_by_its_content(tmp_path):
    flat = tmp_path / "messages.fr.yaml"
    flat.write_text("app.title: Rapport de tempête\n'Hello %name%!': 'Bonjour %name% !'\n", encoding="utf-8")
    assert [(t, loc) for t, loc, *_ in blocks_of(flat)] == [
        ("Rapport de tempête", "key app.title"), ("Bonjour %name% !", "key Hello %name%!")]
    named_as_text = tmp_path / "fr.txt"
    named_as_text.write_text("fr:\n  title: Rapport de tempête\n", encoding="utf-8")
    assert blocks_of(named_as_text) == [("Rapport de tempête", "key title", False, "fr")]
    notes = tmp_path / "notes.txt"
    notes.write_text("Note: the storm reached the coast.\nSee: the mayor's statement.\n", encoding="utf-8")
    assert read_input(str(notes)).format == "text"


def test_a_flow_list_of_symbols_as_ruby_reads_it_is_no_error():
    blocks = YamlStringsReader().blocks('de:\n  date:\n    order: [:day, :month, :year]\n'
                                        '    label: "[:kept, as written]"\n', "de.yml")
    assert [(b.text, b.locator) for b in blocks] == [("[:kept, as written]", "key date.label")]


BILLION_LAUGHS = "en:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"  {chr(98 + k)}: &{chr(98 + k)} [{','.join([f'*{chr(97 + k)}'] * 9)}]\n" for k in range(8))


@pytest.mark.parametrize("content, says", [
    (BILLION_LAUGHS, "aliases expand"),
    ("en:\n" + "".join("  " * (k + 1) + f"k{k}:\n" for k in range(1200)) + "  " * 1201 + "x: deep\n", "nesting depth"),
    ("en:\n  title: 'Storm report\n  intro: It came.\n", "line"),
    ("en:\n\ttitle: Storm report\n", "line 2"),
])
def test_a_hostile_or_damaged_file_is_one_line_and_exit_2_at_once(tmp_path, content, says):
    path = tmp_path / "en.yml"
    path.write_text(content, encoding="utf-8")
    started = time.monotonic()
    error = one_line_error(path, path)
    # Said once: a review found it wrapped in itself ("cannot be read as YAML (en.yml: cannot be read as YAML (...))").
    assert error.count("cannot be read as YAML") == 1 and says in error
    assert time.monotonic() - started < 30


def test_a_file_cut_short_anywhere_is_read_or_refused_in_one_line():
    text = ENGLISH.read_text(encoding="utf-8")
    reader = YamlStringsReader()
    for end in range(0, len(text), 37):
        try:
            blocks = reader.blocks(text[:end], "en.yml")
        except InputError as error:
            assert "\n" not in str(error)
        else:
            assert all(block.locator.startswith("key ") for block in blocks)


def test_yaml_is_imported_only_when_a_yaml_file_is_read():
    run = subprocess.run([sys.executable, "-c", "import sys, align.cli, align.readers, align.reading; "
                          "print('yaml' in sys.modules)"], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "False", run.stderr
