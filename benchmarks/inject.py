"""Known changes injected into gold parallel documents, so that an audit can be scored.

Source = the original, target = the translation. With a fixed seed, each document gets:

  omit_sentence   the translation of one gold bead is removed from the target -> omission (its source ids)
  omit_paragraph  the translations of 3-6 consecutive gold beads are removed   -> one omission
  drop_source     the source sentences of one gold bead are removed, so their
                  translation has nothing left to translate                      -> addition (its target ids)
  insert_foreign  1-2 sentences from another document of the same language are
                  inserted into the target                                       -> addition
  move_block      the translation of 1-3 consecutive gold beads is moved 6-15
                  beads further on (or back)                                     -> moved (src and tgt ids)
  change_number   a number that a gold bead has on both sides is changed in
                  the target                                                     -> fact_mismatch

The "abridged" mode instead leaves out passages only, as an abridged translation does:

  omit_passage    the translations of 2-6 consecutive gold beads are removed,
                  about one passage per 20 gold beads                            -> one omission

Changes are placed on "clean" gold beads (both sides non-empty, contiguous, in order with every
other bead) and kept `gap` beads apart, so that each expected finding is unambiguous. The gold
beads that are already null (a sentence the human translator left out or added) are returned as
`background`: a finding there is real but was not injected, so the audit score neither rewards nor
punishes it. Everything depends only on (seed, document key, variant).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from .data import Doc

CHANGE_FINDING = {
    "omit_sentence": "omission",
    "omit_paragraph": "omission",
    "omit_passage": "omission",
    "drop_source": "addition",
    "insert_foreign": "addition",
    "move_block": "moved",
    "change_number": "fact_mismatch",
}
KINDS = tuple(k for k in CHANGE_FINDING if k != "omit_passage")  # the kinds of the mixed mode

NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d.,]?\d)")


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS, or "gold_null" / "gold_uncovered" / "gold_moved" for background
    finding: str  # the finding type that should report it
    src: tuple[int, ...]  # sentence ids in the modified source
    tgt: tuple[int, ...]  # sentence ids in the modified target
    note: str = ""


@dataclass
class Injected:
    doc: Doc  # the modified pair; its `gold` is the gold alignment of the modified pair
    changes: list[Change]
    background: list[Change] = field(default_factory=list)
    original: Doc | None = None


def _contiguous(ids: tuple[int, ...]) -> bool:
    return bool(ids) and list(ids) == list(range(ids[0], ids[0] + len(ids)))


def in_order(gold) -> list[bool]:
    """Whether each bead stands in order with every other bead, on both sides."""
    n = len(gold)
    out = [False] * n
    before_s = before_t = -1
    prefix = []
    for src, tgt in gold:
        prefix.append((before_s, before_t))
        before_s = max([before_s, *src])
        before_t = max([before_t, *tgt])
    after_s = after_t = 1 << 60
    suffix = [None] * n
    for i in range(n - 1, -1, -1):
        suffix[i] = (after_s, after_t)
        src, tgt = gold[i]
        after_s = min([after_s, *src])
        after_t = min([after_t, *tgt])
    for i, (src, tgt) in enumerate(gold):
        if not (src and tgt):
            continue
        (bs, bt), (as_, at) = prefix[i], suffix[i]
        out[i] = bs < min(src) and max(src) < as_ and bt < min(tgt) and max(tgt) < at
    return out


def clean_beads(gold) -> list[bool]:
    """A bead is clean when both sides are non-empty runs and it is in order with every other bead."""
    return [ordered and _contiguous(src) and _contiguous(tgt) for ordered, (src, tgt) in zip(in_order(gold), gold)]


DIGITS = re.compile(r"\d+")


def numbers_differ(src_text: str, tgt_text: str) -> bool:
    """The two sides of a gold pair do not write the same digits (Text+Berg's French edition gives
    1937 where the German has 1938, 6179 m for 6719 m, page 80 for page 81)."""
    return sorted(DIGITS.findall(src_text)) != sorted(DIGITS.findall(tgt_text))


def gold_background(gold, n_src: int, n_tgt: int, src_map=None, tgt_map=None, src_text=None,
                    tgt_text=None) -> list[Change]:
    """What the human alignment itself leaves out, adds or pairs out of order, and (given the texts)
    the gold pairs whose numbers already differ: findings there are real but were not injected.
    `src_map`/`tgt_map` carry ids into a modified pair (a sentence the injection removed has no
    entry); without them the ids stand as they are."""
    src_map = src_map if src_map is not None else {k: k for k in range(n_src)}
    tgt_map = tgt_map if tgt_map is not None else {j: j for j in range(n_tgt)}
    ms = lambda ids: tuple(src_map[k] for k in ids if k in src_map)  # noqa: E731
    mt = lambda ids: tuple(tgt_map[j] for j in ids if j in tgt_map)  # noqa: E731
    background: list[Change] = []
    ordered = in_order(gold)
    for b, (src, tgt) in enumerate(gold):
        if src and tgt and not ordered[b] and ms(src) and mt(tgt):
            # The human alignment pairs these out of order (in Text+Berg, a caption set elsewhere).
            background.append(Change("gold_moved", "moved", ms(src), mt(tgt)))
        elif src and not tgt and ms(src):
            background.append(Change("gold_null", "omission", ms(src), ()))
        elif tgt and not src and mt(tgt):
            background.append(Change("gold_null", "addition", (), mt(tgt)))
        if (src and tgt and src_text is not None and ms(src) and mt(tgt)
                and numbers_differ(" ".join(src_text[k] for k in src), " ".join(tgt_text[j] for j in tgt))):
            background.append(Change("gold_numbers", "fact_mismatch", ms(src), mt(tgt)))
    covered_s = {k for s, _ in gold for k in s}
    covered_t = {j for _, t in gold for j in t}
    background += [Change("gold_uncovered", "omission", (src_map[k],), ())
                   for k in range(n_src) if k not in covered_s and k in src_map]
    background += [Change("gold_uncovered", "addition", (), (tgt_map[j],))
                   for j in range(n_tgt) if j not in covered_t and j in tgt_map]
    return background


WORD = re.compile(r"[^\W\d_]{2,}")


def substantive(text: str, min_words: int = 4) -> bool:
    """Real prose, not an OCR crumb ("__ .", "Dring ..."): a change there must be visible."""
    return len(WORD.findall(text)) >= min_words


def _adjacent(a, b) -> bool:
    return a[0][-1] + 1 == b[0][0] and a[1][-1] + 1 == b[1][0]


class _Planner:
    def __init__(self, doc: Doc, gold, rng: random.Random, gap: int):
        self.gold = gold
        self.clean = [
            ok and substantive(" ".join(doc.src[k] for k in s)) and substantive(" ".join(doc.tgt[j] for j in t))
            for ok, (s, t) in zip(clean_beads(gold), gold)
        ]
        self.used = [False] * len(gold)
        self.rng = rng
        self.gap = gap

    def free(self, lo: int, hi: int) -> bool:
        lo2, hi2 = max(0, lo - self.gap), min(len(self.gold) - 1, hi + self.gap)
        return lo >= 0 and hi < len(self.gold) and not any(self.used[lo2:hi2 + 1])

    def take(self, lo: int, hi: int) -> None:
        for i in range(lo, hi + 1):
            self.used[i] = True

    def run_ok(self, i: int, length: int) -> bool:
        if i < 0 or i + length > len(self.gold):
            return False
        if not all(self.clean[i:i + length]):
            return False
        return all(_adjacent(self.gold[j], self.gold[j + 1]) for j in range(i, i + length - 1))

    def pick_run(self, length: int, tries: int = 60, extra=None):
        """A random clean run of `length` beads with free surroundings; `extra(i)` may veto or widen."""
        n = len(self.gold)
        for _ in range(tries):
            i = self.rng.randrange(0, max(1, n - length + 1))
            if not self.run_ok(i, length) or not self.free(i, i + length - 1):
                continue
            if extra is None:
                return i, (i, i + length - 1)
            span = extra(i)
            if span is not None:
                return i, span
        return None


def _changeable_numbers(target: str, source: str) -> set[str]:
    """The numbers of a bead's target that the source holds at least as often (see `_bump_number`)."""
    target_numbers, source_numbers = NUMBER.findall(target), NUMBER.findall(source)
    return {n for n in target_numbers if 0 < target_numbers.count(n) <= source_numbers.count(n)}


def _bump_number(text: str, rng: random.Random, avoid: str, bead_text: str | None = None):
    """`text` with one of its numbers changed to one that `avoid` (the source) does not hold, the
    number and its new value; None when no number can be changed so that the change shows.

    Only a number the source holds as often as the bead's target does is changed: changing one
    copy of a number the target repeats beyond the source (a year restated in a translator's
    footnote) leaves every source number matched, which no check could report."""
    matches = list(NUMBER.finditer(text))
    rng.shuffle(matches)
    source_numbers = NUMBER.findall(avoid)
    bead_numbers = NUMBER.findall(text if bead_text is None else bead_text)
    for m in matches:
        if bead_numbers.count(m.group()) > source_numbers.count(m.group()):
            continue
        value = int(m.group())
        for _ in range(10):
            new = value + rng.choice([1, 2, 3, 5, 7, 10])
            if not re.search(rf"(?<!\d){new}(?!\d)", avoid):
                return text[:m.start()] + str(new) + text[m.end():], m.group(), str(new)
    return None


def inject(doc: Doc, foreign: list[str], seed: int = 0, variant: int = 0, per_beads: int = 60,
           gap: int = 3, mode: str = "mixed") -> Injected:
    """Inject about one change of each kind per `per_beads` gold beads into `doc` (mode "mixed"),
    or leave out about one passage of 2-6 beads per 20 gold beads (mode "abridged").

    `foreign` is a pool of target-language sentences from other documents.
    """
    rng = random.Random(f"{seed}/{doc.key}/{variant}" + ("" if mode == "mixed" else f"/{mode}"))
    gold = [(tuple(s), tuple(t)) for s, t in doc.gold]
    plan = _Planner(doc, gold, rng, gap)
    count = max(1, round(sum(plan.clean) / per_beads))

    omitted: dict[int, str] = {}  # bead -> change id, target side removed
    dropped: dict[int, str] = {}  # bead -> change id, source side removed
    inserts: dict[int, list] = {}  # old target position -> items inserted before it
    moved_tgt: set[int] = set()
    new_text: dict[int, str] = {}
    planned: list[tuple[str, str, list[int], str]] = []  # (kind, id, beads, note)

    def tgt_start(i):
        return gold[i][1][0]

    order = ["omit_paragraph", "move_block"] * count + ["omit_sentence", "drop_source", "insert_foreign",
                                                        "change_number"] * count
    if mode == "abridged":
        order = ["omit_passage"] * max(1, round(sum(plan.clean) / 20))
    for n_change, kind in enumerate(order):
        cid = f"c{n_change}"
        if kind in ("omit_paragraph", "omit_passage"):
            length = rng.randint(3, 6) if kind == "omit_paragraph" else rng.randint(2, 6)
            got = plan.pick_run(length)
            if not got:
                continue
            i, span = got
            plan.take(*span)
            for b in range(i, i + length):
                omitted[b] = cid
            planned.append((kind, cid, list(range(i, i + length)), ""))
        elif kind == "move_block":
            length = rng.randint(1, 3)
            jump = rng.randint(6, 15)
            forward = rng.random() < 0.5

            def where(i, length=length, jump=jump, forward=forward):
                d = i + length + jump if forward else i - jump
                if not (0 <= d < len(gold)) or not plan.clean[d]:
                    return None
                lo, hi = (i, d) if forward else (d, i + length - 1)
                if not plan.free(lo, hi):
                    return None
                return (lo, hi, d)

            got = plan.pick_run(length, extra=where)
            if not got:
                continue
            i, (lo, hi, d) = got
            plan.take(lo, hi)
            block = [j for b in range(i, i + length) for j in gold[b][1]]
            moved_tgt.update(block)
            inserts.setdefault(tgt_start(d), []).extend(("old", j, cid) for j in block)
            planned.append((kind, cid, list(range(i, i + length)),
                            f"{'forward' if forward else 'back'} {jump} beads"))
        elif kind in ("omit_sentence", "drop_source"):
            got = plan.pick_run(1)
            if not got:
                continue
            i, span = got
            plan.take(*span)
            (omitted if kind == "omit_sentence" else dropped)[i] = cid
            planned.append((kind, cid, [i], ""))
        elif kind == "insert_foreign":
            got = plan.pick_run(1)
            if not got or not foreign:
                continue
            i, span = got
            plan.take(*span)
            texts = rng.sample(foreign, min(len(foreign), rng.randint(1, 2)))
            inserts.setdefault(tgt_start(i), []).extend(("new", t, cid) for t in texts)
            planned.append((kind, cid, [i], ""))
        elif kind == "change_number":
            candidates = [i for i in range(len(gold)) if plan.clean[i] and plan.free(i, i)
                          and _changeable_numbers(" ".join(doc.tgt[j] for j in gold[i][1]),
                                                  " ".join(doc.src[k] for k in gold[i][0]))]
            if not candidates:
                continue
            i = rng.choice(candidates)
            src_text = " ".join(doc.src[k] for k in gold[i][0])
            done = None
            for j in gold[i][1]:
                shared = [m for m in NUMBER.findall(doc.tgt[j]) if m in set(NUMBER.findall(src_text))]
                if not shared:
                    continue
                done = _bump_number(doc.tgt[j], rng, src_text,
                                    " ".join(doc.tgt[t] for t in gold[i][1]))
                if done:
                    new_text[j] = done[0]
                    break
            if not done:
                continue
            plan.take(i, i)
            planned.append((kind, cid, [i], f"{done[1]} -> {done[2]}"))

    # Build the modified texts and the maps from old ids to new ones.
    src_removed = {k for b in dropped for k in gold[b][0]}
    tgt_removed = {j for b in omitted for j in gold[b][1]} | moved_tgt
    src_map: dict[int, int] = {}
    new_src: list[str] = []
    for k, text in enumerate(doc.src):
        if k not in src_removed:
            src_map[k] = len(new_src)
            new_src.append(text)
    tgt_map: dict[int, int] = {}
    new_tgt: list[str] = []
    inserted: dict[str, list[int]] = {}
    for p in range(len(doc.tgt) + 1):
        for item in inserts.get(p, []):
            if item[0] == "old":
                tgt_map[item[1]] = len(new_tgt)
                new_tgt.append(new_text.get(item[1], doc.tgt[item[1]]))
            else:
                inserted.setdefault(item[2], []).append(len(new_tgt))
                new_tgt.append(item[1])
        if p < len(doc.tgt) and p not in tgt_removed:
            tgt_map[p] = len(new_tgt)
            new_tgt.append(new_text.get(p, doc.tgt[p]))

    def ms(ids):
        return tuple(src_map[k] for k in ids if k in src_map)

    def mt(ids):
        return tuple(tgt_map[j] for j in ids if j in tgt_map)

    changes: list[Change] = []
    for kind, cid, beads, note in planned:
        src_ids = tuple(k for b in beads for k in gold[b][0])
        tgt_ids = tuple(j for b in beads for j in gold[b][1])
        if kind in ("omit_sentence", "omit_paragraph", "omit_passage"):
            changes.append(Change(kind, "omission", ms(src_ids), (), note))
        elif kind == "drop_source":
            changes.append(Change(kind, "addition", (), mt(tgt_ids), note))
        elif kind == "insert_foreign":
            changes.append(Change(kind, "addition", (), tuple(inserted[cid]), note))
        else:
            changes.append(Change(kind, CHANGE_FINDING[kind], ms(src_ids), mt(tgt_ids), note))

    new_gold = []
    for b, (src, tgt) in enumerate(gold):
        new_gold.append((ms(src), () if b in omitted else mt(tgt)))
    for ids in inserted.values():
        new_gold.extend(((), (j,)) for j in ids)
    new_gold = [bead for bead in new_gold if bead[0] or bead[1]]

    background = gold_background(gold, len(doc.src), len(doc.tgt), src_map, tgt_map, doc.src, doc.tgt)

    modified = Doc(corpus=doc.corpus, name=f"{doc.name}+{'inject' if mode == 'mixed' else mode}{variant}",
                   src_lang=doc.src_lang,
                   tgt_lang=doc.tgt_lang, src=new_src, tgt=new_tgt, gold=new_gold)
    return Injected(doc=modified, changes=changes, background=background, original=doc)


def foreign_pool(docs: list[Doc], exclude: Doc, min_chars: int = 40) -> list[str]:
    """Target-language sentences from the other documents: unrelated to `exclude`, no digits."""
    pool = []
    own = set(exclude.tgt)
    for d in docs:
        if d.key == exclude.key:
            continue
        pool.extend(s for s in d.tgt if len(s) >= min_chars and not any(c.isdigit() for c in s) and s not in own)
    return sorted(set(pool))


def self_pair(doc: Doc, side: str = "src") -> Doc:
    """A document aligned with itself: every sentence pairs with its own copy; nothing to report."""
    sents = doc.src if side == "src" else doc.tgt
    lang = doc.src_lang if side == "src" else doc.tgt_lang
    return Doc(corpus=doc.corpus, name=f"{doc.name}@self", src_lang=lang, tgt_lang=lang,
               src=list(sents), tgt=list(sents), gold=[((i,), (i,)) for i in range(len(sents))])
