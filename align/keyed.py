"""Two files of a program's strings paired by their keys, then aligned sentence by sentence inside
each key.

A Java bundle, an Android strings.xml, a JSON, YAML, .strings or .resx file holds each string
under a key, and the program shows the French file's string where the English one stood by that
key alone. The files' order says nothing: a translator's tool writes the keys in its own order,
and a key the translation lacks shows the default's string. Aligned as running text, the order
was bent around the keys written elsewhere, and short strings ("Group furniture", "Chest") were
paired with their neighbours or left out although their key stood on both sides: of the content
Sweet Home 3D's bundles reported left out, 868 of 2,190 sentences had their key in the
translation. Here the keys the two files share pair their strings; a key written in another
place is a moved pair; inside a key (a message of several sentences), the aligner pairs the
sentences as everywhere else, so that a sentence a translation drops from its message is still
found. A pair whose two strings do not say the same is still told by the checks that follow:
the key pairs the strings, not their meaning.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import numpy as np

from .model import Document

KEY = "key "
# The share of either file's keys the other must hold for the two to be one program's strings.
MIN_SHARED_KEYS = 0.5


def _key_runs(doc: Document) -> dict[tuple[str, int], list[int]] | None:
    """The sentences (ids in order) of each run of a key, by (key, runs of it after this one): the
    program keeps the last value a file gives a key (a Java bundle, a .strings or JSON file read
    into a map), so a key's last run pairs with the other file's last, and one written twice in
    both files pairs run by run. None when a sentence has no key (a file not of a program's strings)."""
    runs: list[tuple[str, list[int]]] = []
    for sentence in doc.sentences:
        if not sentence.locator.startswith(KEY):
            return None
        if not runs or runs[-1][0] != sentence.locator:
            runs.append((sentence.locator, []))
        runs[-1][1].append(sentence.id)
    later: dict[str, int] = {}
    out: dict[tuple[str, int], list[int]] = {}
    for key, ids in reversed(runs):
        out[key, later.get(key, 0)] = ids
        later[key] = later.get(key, 0) + 1
    return dict(reversed(out.items()))


class KeyedPairs:
    """The keys two documents share, in the source's order, split into those that keep their
    place in the target (a longest increasing run of the target's positions) and those written
    elsewhere, moved."""

    def __init__(self, in_place: list[tuple[list[int], list[int]]], moved: list[tuple[list[int], list[int]]]):
        self.in_place = in_place
        self.moved = moved

    def moved_blocks(self) -> list[list[tuple[tuple[int, ...], tuple[int, ...]]]]:
        return [[(tuple(src_ids), tuple(tgt_ids))] for src_ids, tgt_ids in self.moved]

    def beads(self, n_src: int, n_tgt: int, align: Callable) -> list:
        """Raw beads over every sentence not in a moved key, in order: each shared key's sentences
        aligned by `align` (the aligner over those sentences alone, its ids local), the rest
        one-sided."""
        held_src = {i for src_ids, _t in self.moved for i in src_ids}
        held_tgt = {j for _s, tgt_ids in self.moved for j in tgt_ids}
        out = []
        next_src = next_tgt = 0
        for src_ids, tgt_ids in self.in_place + [([n_src], [n_tgt])]:
            out += [((i,), (), 0.0) for i in range(next_src, src_ids[0]) if i not in held_src]
            out += [((), (j,), 0.0) for j in range(next_tgt, tgt_ids[0]) if j not in held_tgt]
            if src_ids[0] == n_src:
                break
            for src_local, tgt_local, gain in align(src_ids, tgt_ids):
                out.append((tuple(src_ids[k] for k in src_local), tuple(tgt_ids[k] for k in tgt_local), gain))
            next_src, next_tgt = src_ids[-1] + 1, tgt_ids[-1] + 1
        return out


def keyed_pairs(source: Document, target: Document) -> KeyedPairs | None:
    """The keys the two documents share, or None where they are not two files of one program's
    strings (a sentence without a key, or fewer than MIN_SHARED_KEYS of the smaller file's keys
    in the other)."""
    src_runs, tgt_runs = _key_runs(source), _key_runs(target)
    if not src_runs or not tgt_runs:
        return None
    shared = [key for key in tgt_runs if key in src_runs]
    if len(shared) < MIN_SHARED_KEYS * min(len(src_runs), len(tgt_runs)):
        return None
    # The longest run of shared keys in the same order in both files (patience sorting).
    src_position = {key: k for k, key in enumerate(src_runs)}
    positions = [src_position[key] for key in shared]
    tails: list[int] = []
    tail_at: list[int] = []
    before = [-1] * len(positions)
    for k, position in enumerate(positions):
        at = bisect.bisect_left(tails, position)
        before[k] = tail_at[at - 1] if at else -1
        if at == len(tails):
            tails.append(position)
            tail_at.append(k)
        else:
            tails[at] = position
            tail_at[at] = k
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = before[k]
    in_place = [(src_runs[shared[k]], tgt_runs[shared[k]]) for k in sorted(keep)]
    moved = [(src_runs[shared[k]], tgt_runs[shared[k]]) for k in range(len(shared)) if k not in keep]
    in_place.sort(key=lambda pair: pair[0][0])
    return KeyedPairs(in_place, moved)


# A field of a numbered record, as a data catalogue keys it: Sweet Home 3D's furniture catalogue
# writes each piece's id, name, tags, sizes, model and creator as "id#12", "name#12", "creator#12".
_RECORD_FIELD = re.compile(r"key (.+)#(\d+)")
# A token of an identifier or a path: "eTeks#bed140x190", "Kator Legaz#concept-sedan-01v2".
_IDENTIFIER = re.compile(r"\S[#/]\S")


def _fields(doc: Document) -> dict[str, dict[str, list[int]]]:
    """The sentences (ids) of each numbered record's field: field -> record number -> ids."""
    out: dict[str, dict[str, list[int]]] = {}
    for sentence in doc.sentences:
        found = _RECORD_FIELD.fullmatch(sentence.locator)
        if found:
            out.setdefault(found.group(1), {}).setdefault(found.group(2), []).append(sentence.id)
    return out


def catalogue_data(source: Document, target: Document) -> frozenset[int]:
    """The source's sentences that are a data catalogue's data, not its text: a field of numbered
    records that the target writes for none of the records it translates, one value in most
    records (a creator's name) or identifiers in all ("Kator Legaz#concept-sedan-01v2").
    The program reads such a field from the default file whatever the language: Sweet Home 3D's
    translations write a piece's name, tags and category, never its id or creator, and the 100
    "eTeks" of its catalogue were content left out of every translation. A field written in other
    words in every record (a description, tags) is text, and where the target lacks it, left out."""
    src_fields, tgt_fields = _fields(source), _fields(target)
    translated = {record for records in tgt_fields.values() for record in records}
    data: set[int] = set()
    for field, records in src_fields.items():
        if field in tgt_fields or len(records) < 2 or len(translated & records.keys()) < MIN_SHARED_KEYS * len(records):
            continue
        values = [" ".join(source.sentences[i].text for i in ids) for ids in records.values()]
        most_common = max(values.count(value) for value in set(values))
        if most_common >= MIN_SHARED_KEYS * len(values) or all(_IDENTIFIER.search(value) for value in values):
            data.update(i for ids in records.values() for i in ids)
    return frozenset(data)


def aligner_within(src_emb: np.ndarray, tgt_emb: np.ndarray, src_len, tgt_len, config, align_embeddings,
                   ratio=None) -> Callable:
    """`align` for KeyedPairs.beads: a key of one sentence a side is its pair; a longer message is
    aligned by the aligner over its own sentences."""
    src_len, tgt_len = np.asarray(src_len), np.asarray(tgt_len)

    def align(src_ids: list[int], tgt_ids: list[int]):
        if len(src_ids) == 1 and len(tgt_ids) == 1:
            return [((0,), (0,), 0.0)]
        return align_embeddings(src_emb[src_ids], tgt_emb[tgt_ids], src_len[src_ids], tgt_len[tgt_ids], config,
                                ratio=ratio)

    return align
