"""A program's strings file holding several languages side by side, keyed the same way in each: a
Rails locale YAML with roots en:, fr:, de: (as Jekyll themes' _data/ui-text.yml ships some fifty),
i18next's resources and vue-i18n's messages in one JSON file. Each locale root is a version keyed
by the path below it, so --src-lang/--tgt-lang choose two and align.keyed pairs them string by
string. Read before as one text split by the language detector, `--tgt-lang de` left the French
out by name, reported French strings as the English's omissions, and merged four English strings
and a French one into the pair of a German "Entfernen"."""
from __future__ import annotations

import json
import logging

from align import align_pair
from align.readers.i18n_json import JsonStringsReader
from align.readers.yaml_strings import YamlStringsReader

# A shop's strings: German lacks "houses" and writes its account keys in another order.
SHOP = """\
en:
  greeting: "Welcome back!"
  houses: "Houses"
  cart:
    empty: "Your cart is empty."
    checkout: "Check out"
    remove: "Remove"
  account:
    sign_in: "Sign in"
    sign_out: "Sign out"
fr:
  greeting: "Bon retour !"
  houses: "Maisons"
  cart:
    empty: "Votre panier est vide."
    checkout: "Commander"
    remove: "Supprimer"
  account:
    sign_in: "Se connecter"
    sign_out: "Se déconnecter"
de:
  greeting: "Willkommen zurück!"
  cart:
    empty: "Ihr Warenkorb ist leer."
    checkout: "Zur Kasse"
    remove: "Entfernen"
  account:
    sign_out: "Abmelden"
    sign_in: "Anmelden"
"""

RESOURCES = {
    "en": {"translation": {"title": "Storm report",
                           "intro": "The storm reached the coast at dawn. Three villages lost power.",
                           "shelter": "Shelters are open in the town hall and the school.",
                           "items_one": "{{count}} warning issued", "items_other": "{{count}} warnings issued"}},
    "fr": {"translation": {"title": "Bulletin de tempête",
                           "intro": "La tempête a atteint la côte à l'aube. "
                                    "Trois villages ont perdu l'électricité.",
                           "shelter": "Des abris sont ouverts à la mairie et à l'école.",
                           "items_one": "{{count}} alerte émise", "items_other": "{{count}} alertes émises"}},
    "de": {"translation": {"title": "Sturmbericht",
                           "intro": "Der Sturm erreichte die Küste im Morgengrauen. "
                                    "Drei Dörfer hatten keinen Strom mehr.",
                           "items_one": "{{count}} Warnung ausgegeben",
                           "items_other": "{{count}} Warnungen ausgegeben"}},
}


def pairs_of(result):
    src, tgt = result.source.sentences, result.target.sentences
    return [([src[i].text for i in bead.src], [tgt[j].text for j in bead.tgt]) for bead in result.beads
            if bead.src and bead.tgt]


def one_sided(result):
    src, tgt = result.source.sentences, result.target.sentences
    return ([src[i].text for bead in result.beads if not bead.tgt for i in bead.src],
            [tgt[j].text for bead in result.beads if not bead.src for j in bead.tgt])


def test_each_locale_root_of_a_yaml_file_is_a_version_keyed_by_the_path_below_it():
    blocks = YamlStringsReader().blocks(SHOP, "shop.yml")
    assert list(dict.fromkeys(b.version for b in blocks)) == ["en", "fr", "de"]
    german = [(b.locator, b.text, b.lang) for b in blocks if b.version == "de"]
    assert german[0] == ("key greeting", "Willkommen zurück!", "de")
    assert [locator for locator, _t, _l in german] == ["key greeting", "key cart.empty", "key cart.checkout",
                                                       "key cart.remove", "key account.sign_out", "key account.sign_in"]
    # One root alone is read as before: its language, no version.
    single = YamlStringsReader().blocks("pt-BR:\n  greeting: Bem-vindo de volta!\n", "pt-BR.yml")
    assert [(b.locator, b.lang, b.version) for b in single] == [("key greeting", "pt", None)]


def test_tgt_lang_chooses_the_german_root_and_its_strings_pair_by_key(tmp_path, caplog):
    path = tmp_path / "shop.yml"
    path.write_text(SHOP, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="align"):
        result = align_pair(str(path), tgt_lang="de")
    assert "gives its text in 3 languages" in caplog.text and "French (fr) part" not in caplog.text
    pairs = pairs_of(result)
    # Before: "Remove Sign in Sign out Commander" / "Entfernen", and "Zur Kasse", "Abmelden" and
    # "Anmelden" reported left out of the English.
    assert (["Remove"], ["Entfernen"]) in pairs and (["Check out"], ["Zur Kasse"]) in pairs
    assert (["Sign in"], ["Anmelden"]) in pairs and (["Sign out"], ["Abmelden"]) in pairs
    assert one_sided(result) == (["Houses"], [])
    assert result.source.lang == "en" and result.target.lang == "de"
    texts = {s.text for s in result.source.sentences} | {s.text for s in result.target.sentences}
    assert not texts & {"Bon retour !", "Commander", "Maisons"}  # French set aside, not aligned


def test_i18next_resources_in_one_json_file_are_versions(tmp_path):
    path = tmp_path / "resources.json"
    path.write_text(json.dumps(RESOURCES, ensure_ascii=False, indent=2), encoding="utf-8")
    blocks = JsonStringsReader().blocks(path.read_text(encoding="utf-8"), str(path))
    assert list(dict.fromkeys(b.version for b in blocks)) == ["en", "fr", "de"]
    assert {b.locator for b in blocks if b.version == "de"} == {
        "key translation.title", "key translation.intro", "key translation.items_one", "key translation.items_other"}
    # Before: the French part was the source and the English left out.
    result = align_pair(str(path), tgt_lang="de")
    assert result.source.lang == "en"
    assert (["Storm report"], ["Sturmbericht"]) in pairs_of(result)
    assert one_sided(result) == (["Shelters are open in the town hall and the school."], [])


def test_vue_i18n_messages_pair_by_key_and_sections_named_like_languages_are_not_roots():
    messages = {"en": {"message": {"hello": "Hello world", "bye": "Goodbye"}},
                "pt_BR": {"message": {"hello": "Olá mundo", "bye": "Tchau"}}}
    blocks = JsonStringsReader().blocks(json.dumps(messages, ensure_ascii=False), "messages.json")
    assert [(b.version, b.locator, b.lang) for b in blocks][2:] == [
        ("pt-BR", "key message.hello", "pt"), ("pt-BR", "key message.bye", "pt")]
    # Two sections whose names happen to be language codes (Indonesian, Italian) but hold no key
    # in common are one language's strings, read as before.
    sections = {"id": {"label": "Identifier", "hint": "Your customer number"},
                "it": {"title": "Information technology", "contact": "Ask the help desk"}}
    blocks = JsonStringsReader().blocks(json.dumps(sections), "en.json")
    assert [(b.locator, b.version) for b in blocks][:2] == [("key id.label", None), ("key id.hint", None)]


def test_a_root_that_names_no_locale_beside_locale_roots_stays_untagged_and_listed():
    text = ("en:\n  page: Page\n  next: Next\n"
            "fr:\n  page: Page\n  next: Suivant\n"
            "defaults:\n  page: Page\n  next: Next\n")
    blocks = YamlStringsReader().blocks(text, "ui-text.yml")
    assert [(b.version, b.locator) for b in blocks] == [
        ("en", "key page"), ("en", "key next"), ("fr", "key page"), ("fr", "key next"),
        (None, "key defaults.page"), (None, "key defaults.next")]


def test_a_root_named_by_its_country_is_its_language(tmp_path):
    """Jekyll's minimal-mistakes theme names its Greek "gr" and "gr-GR" beside "en", "fr" and fifty
    others: untagged, `--tgt-lang el` could not choose it (35 pairs and 42 additions on the theme's
    file)."""
    text = ("en:\n  page: Page\n  next: Next\n"
            "fr:\n  page: Page\n  next: Suivant\n"
            "gr:\n  page: Σελίδα\n  next: Επόμενη\n")
    blocks = YamlStringsReader().blocks(text, "ui-text.yml")
    assert [(b.version, b.locator) for b in blocks][4:] == [("el", "key page"), ("el", "key next")]
    path = tmp_path / "ui-text.yml"
    path.write_text(text, encoding="utf-8")
    result = align_pair(str(path), tgt_lang="el")
    assert [s.text for s in result.target.sentences] == ["Σελίδα", "Επόμενη"] and len(pairs_of(result)) == 2


def test_a_note_beside_the_locale_roots_is_no_original(tmp_path):
    """A review: `{"_comment": "Generated...", "en": {...}, "fr": {...}, "de": {...}}` with no flag
    aligned the comment against the French and set the English aside: one false omission, three
    false additions, and no audit of the translation at all."""
    path = tmp_path / "messages.json"
    path.write_text(json.dumps({
        "_comment": "Generated by the export script; do not edit by hand.",
        "en": {"greeting": "The storm reached the coast on Monday.", "houses": "It destroyed 300 houses.",
               "schools": "Schools stayed closed for two days."},
        "fr": {"greeting": "La tempête a atteint la côte lundi.", "houses": "Elle a détruit 300 maisons.",
               "schools": "Les écoles sont restées fermées deux jours."},
        "de": {"greeting": "Der Sturm erreichte am Montag die Küste.", "houses": "Er zerstörte 300 Häuser."}},
        ensure_ascii=False), encoding="utf-8")
    result = align_pair(str(path))
    assert (result.source.lang, result.target.lang) == ("en", "fr")
    assert len(pairs_of(result)) == 3 and one_sided(result) == ([], [])
