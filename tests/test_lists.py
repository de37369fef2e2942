"""A list of short lines on both sides (software UI strings, a glossary's terms): a line left out
is an omission, not a merge, and a line added is content, not a headline (issue 18)."""
from __future__ import annotations

from pathlib import Path

from align import align_pair

DATA = Path(__file__).parent / "data" / "ui"


def test_a_string_left_out_of_a_ui_list_is_an_omission_not_a_merge(use_encoder):
    # ru_edit.txt: "Cut" (line 9) left out, "Preferences" / "Sign in" swapped, "Экспортировать в PDF" added.
    result = align_pair(str(DATA / "en.txt"), str(DATA / "ru_edit.txt"), encoder=use_encoder)
    cut = next(s.id for s in result.source.sentences if s.text == "Cut")
    omissions = [f for f in result.findings if f.type == "omission" and f.severity == "content"]
    assert any(cut in f.src for f in omissions), [f.message for f in result.findings]
    assert not any(f.type == "merge" and cut in f.src for f in result.findings)
    added = next(s.id for s in result.target.sentences if s.text == "Экспортировать в PDF")
    assert any(f.type == "addition" and f.severity == "content" and added in f.tgt for f in result.findings)


def test_the_faithful_ui_list_has_no_content_finding(use_encoder):
    result = align_pair(str(DATA / "en.txt"), str(DATA / "ru.txt"), encoder=use_encoder)
    assert [f.message for f in result.findings if f.severity == "content"] == []
