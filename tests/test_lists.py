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


def test_two_strings_swapped_far_apart_are_moved_not_paired_crosswise(use_encoder):
    # "Preferences" (line 14) and "Sign in" (line 23) trade places in ru_edit.txt. "Sign out" also
    # has "Войти" as its best match: keyed by best match alone, it hid the swap, and the two were
    # paired in place at 0.29 and 0.30 with nothing said.
    result = align_pair(str(DATA / "en.txt"), str(DATA / "ru_edit.txt"), encoder=use_encoder)
    src = {s.text: s.id for s in result.source.sentences}
    tgt = {s.text: s.id for s in result.target.sentences}
    moved = {(b.src, b.tgt) for b in result.beads if b.kind == "moved"}
    assert ((src["Preferences"],), (tgt["Настройки"],)) in moved, moved
    assert ((src["Sign in"],), (tgt["Войти"],)) in moved, moved
    assert not any(b.kind == "match" and b.src == (src["Preferences"],) for b in result.beads)


def test_the_summary_counts_the_line_left_out_and_marks_its_candidates(use_encoder):
    from align.reports import render

    result = align_pair(str(DATA / "en.txt"), str(DATA / "ru_edit.txt"), encoder=use_encoder)
    table = render(result, "table", width=120)
    # One of "Redo" / "Cut" is left out: counted once, each marked as a candidate, not both as gone.
    assert "1 left out" in table, table.splitlines()[-3:]
    assert "left out? Redo" in table and "left out? Cut" in table
    assert "left out: Redo" not in table
    html = render(result, "html")
    assert html.count('badge">left out?</span>') == 2
