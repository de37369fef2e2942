"""A program's named and numbered placeholders (Ruby's "%{count}", i18next's "{{count}}", Java's
and .NET's "{0}", ICU's "{name}", Objective-C's "%@"), compared as printf's are: the program fills
them by name or number, so one a translation drops loses a value, and one renamed is never filled.
Before, "{0}" against "{1}" was "number 0 vs 1" and a dropped "%{count}" went unseen."""
from __future__ import annotations

from align import align_pair
from align.audit.facts import compare_facts


def messages(src, tgt):
    return [m.message for m in compare_facts(src, tgt, "en", "fr")]


def test_named_placeholders_dropped_renamed_or_reordered():
    assert messages("The file is larger than {0} MB.", "Le fichier dépasse {1} Mo.") == [
        "placeholder {0} (source) vs {1} (target)"]
    assert messages("Hello %{name}, you have %{count} messages.", "Bonjour %{name}, vous avez des messages.") == [
        "placeholder %{count} (source) is not in the target"]
    assert messages("%@ was deleted.", "Supprimé.") == ["placeholder %@ (source) is not in the target"]
    # Put in the translation's own order, or given a format, they are the same arguments.
    assert messages("Page {0} of {1}", "Page {1} sur {0}") == []
    assert messages("Total: {0,number,integer} items", "Total : {0} éléments") == []
    assert messages("{{count}} shelters opened on {date}.", "{{count}} abris ouverts le {date}.") == []
    # Braces around words of a sentence are no placeholder, and its numbers still count.
    assert messages("He paid 40 thalers {in full}.", "Il a payé 50 thalers.") == ["number 40 (source) vs 50 (target)"]


def test_a_rails_string_that_drops_its_count_is_a_fact_mismatch(tmp_path):
    english, french = tmp_path / "en.yml", tmp_path / "fr.yml"
    english.write_text('en:\n  shelters:\n    opened: "The mayor opened %{count} shelters on Monday."\n'
                       '    closed: "Schools stayed closed."\n', encoding="utf-8")
    french.write_text('fr:\n  shelters:\n    opened: "Le maire a ouvert des abris lundi."\n'
                      '    closed: "Les écoles sont restées fermées."\n', encoding="utf-8")
    result = align_pair(str(english), str(french))
    facts = [f.message for f in result.findings if f.type == "fact_mismatch"]
    assert len(facts) == 1 and facts[0].startswith("placeholder %{count} (source) is not in the target")
