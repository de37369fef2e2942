"""The objects that flow between stages: documents, sentences, beads, findings, results.

Everything here is plain data; the stages that make and consume it live in their own modules.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

BEAD_KINDS = ("match", "moved", "replaced", "omission", "addition")
# A finding's severity, most important first: reports list findings in this order and
# `--min-severity` cuts it.
SEVERITY_ORDER = ("content", "editorial", "boilerplate")
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITY_ORDER)}


def finding_order(severity: str, src, tgt) -> tuple[int, int, int]:
    """Where a finding is listed: by severity, then where it stands in each text."""
    return SEVERITY_RANK.get(severity, len(SEVERITY_RANK)), min(src or [1 << 30]), min(tgt or [1 << 30])


# Slots: a book of 100,000 sentences a side holds 200,000 of these (23 MB per 100,000 with a
# __dict__ each, 18 MB without), and as many beads.
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the aligner sees it, and where it came from in the input file."""

    id: int  # position in its document's sentence list, 0-based
    text: str  # cleaned text, the one that is embedded
    original: str  # the text exactly as in the input file (markdown and all)
    line: int  # 1-based line of the input file where the sentence starts
    paragraph: int  # 0-based paragraph index in the input file
    start: int = 0  # character offsets into the decoded input file
    end: int = 0
    lang: str | None = None
    # Where a translator finds the sentence in a file that is not plain text ("page 3",
    # "paragraph 12", "subtitle 45", "unit 7"); empty for plain text, where `line` says it.
    locator: str = ""
    furniture: bool = False  # page furniture of a web page or PDF (a menu, a running head)
    verse: bool = False  # a line of a stanza (documents.verse_stanzas): short and unpunctuated, no headline

    @property
    def where(self) -> str:
        return self.locator or f"line {self.line}"


_PLURALS = {"line": "lines", "page": "pages", "paragraph": "paragraphs", "subtitle": "subtitles", "unit": "units",
            "entry": "entries"}
_SHORT = {"line": "", "page": "p", "paragraph": "¶", "subtitle": "#", "unit": "u", "footnote": "fn", "endnote": "en",
          "key": ""}


def findings_by_type(findings) -> dict[str, int]:
    """How many findings of each type, in the order the types first come."""
    by_type: dict[str, int] = {}
    for f in findings:
        by_type[f.type] = by_type.get(f.type, 0) + 1
    return by_type


def where_span(sentences: list[Sentence]) -> str:
    """`line 7`, `lines 7-9`, `page 3`, `pages 3-4`, `chapter 2, paragraphs 4-6`: where these
    sentences (in document order) stand in the file the user gave."""
    places = list(dict.fromkeys(s.where for s in sorted(sentences, key=lambda s: s.id)))
    if len(places) <= 1:
        return places[0] if places else ""
    (head, _, first), (last_head, _, last) = places[0].rpartition(" "), places[-1].rpartition(" ")
    # A program's key is no noun and number: "key %lld photos selected.one" to "key Cancel" was
    # "strings.%lld photoss selected.one-Cancel".
    if head and head == last_head and not places[0].startswith("key "):
        prefix, _, noun = head.rpartition(" ")
        return f"{prefix + ' ' if prefix else ''}{_PLURALS.get(noun, noun + 's')} {first}-{last}"
    return f"{places[0]} to {places[-1]}"


def short_where(sentence: Sentence) -> str:
    """The sentence's place in a few characters, for a table's margin: `12` (a line), `p3`, `¶12`, `#45`,
    `s3` (a slide), `s3n` (its notes)."""
    if not sentence.locator:
        return str(sentence.line)
    if sentence.locator.startswith("key "):
        # A program's key, whole: "OS X" was read as a noun and its number in "key HomePane.NEW_HOME.AcceleratorKey.Mac OS X".
        return sentence.locator[4:]
    head, _, number = sentence.locator.rpartition(" ")
    noun = head.rpartition(" ")[2]
    if head.startswith("chapter "):
        return f"{head.split()[1].rstrip(',')}:{number}"
    if head.startswith("context "):  # a Qt message: "MainWindow:3", not "m3" of whichever window
        return f"{head[len('context '):].rsplit(', ', 1)[0]}:{number}"
    if head.startswith("story "):  # an InDesign story's paragraph: "u11b:4", not "¶4" of whichever story
        return f"{head.split()[1].rstrip(',')}:{number}"
    if head.startswith("supplement "):  # an e-book's document outside its reading order
        return f"s{head.split()[1].rstrip(',')}:{number}"
    if head.endswith(", line"):  # a line of an included file: "things.tex:9", not "9" of the document
        return f"{head[:-len(', line')]}:{number}"
    if head.startswith("contents,"):  # an e-book's table of contents
        return f"c:{number}"
    if number == "notes" and head.startswith("slide "):  # a slide's speaker notes: "s3n"
        return f"s{head.split()[1].rstrip(',')}n"
    short = _SHORT.get(noun, noun[:1])
    # An XLIFF unit's id may carry the letter already ("unit u3"): "u3", not "uu3".
    return number if short and number.startswith(short) else f"{short}{number}"


@dataclass
class Document:
    path: str
    lang: str
    encoding: str
    sentences: list[Sentence]
    # The language as the user tagged it ("en-GB", "zh-CN"), for TMX and XLIFF; `lang` is its
    # ISO 639-1 code, the one every comparison uses.
    locale: str | None = None
    # The file's sentences in neither aligned text (a third language in a mixed file, the part
    # --src-lang did not choose): not aligned, but named in every report, never dropped unsaid.
    set_aside: list[Sentence] = field(default_factory=list)
    digest: str | None = None  # SHA-1 of the input file as it was read (None: not from a file)

    @classmethod
    def from_lines(cls, path: str, lang: str, texts: list[str]) -> "Document":
        """A document already cut into sentences, one per line (the gold sets): nothing re-segmented."""
        # One int object for sentence i's id and sentence i-1's line: an int each of their own
        # was 2.6 MB more per 100,000 sentences (15.3 MB against 17.9 MB, tracemalloc).
        numbers = list(range(len(texts) + 1))
        return cls(path, lang, "utf-8", [Sentence(id=numbers[i], text=text, original=text, line=numbers[i + 1],
                                                  paragraph=0, lang=lang) for i, text in enumerate(texts)])

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "lang": self.lang,
            "locale": self.locale or self.lang,
            "encoding": self.encoding,
            **({"sha1": self.digest} if self.digest else {}),
            "sentences": [
                {"id": s.id, "text": s.original, "line": s.line, "paragraph": s.paragraph,
                 **({"locator": s.locator} if s.locator else {}), **({"furniture": True} if s.furniture else {})}
                for s in self.sentences
            ],
            **self.set_aside_dict(),
        }

    def set_aside_dict(self) -> dict[str, Any]:
        """{"set_aside": [...]} for a JSON document, or {} when nothing of the file was set aside."""
        if not self.set_aside:
            return {}
        return {"set_aside": [{"text": s.original, "line": s.line, "lang": s.lang,
                               **({"locator": s.locator} if s.locator else {})} for s in self.set_aside]}


@dataclass(slots=True)
class Bead:
    """A group of source sentences paired with a group of target sentences (either side may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    kind: str  # one of BEAD_KINDS
    score: float  # confidence in [0, 1]

    def to_dict(self) -> dict[str, Any]:
        return {"src": list(self.src), "tgt": list(self.tgt), "kind": self.kind, "score": round(float(self.score), 4)}


@dataclass
class Finding:
    """Something a translator should be told about, pointing at sentence ids on either side."""

    type: str  # omission, addition, moved, split, merge, regrouped, fact_mismatch, partial_omission, partial_addition
    src: list[int]
    tgt: list[int]
    message: str
    severity: str = "content"  # one of SEVERITY_ORDER
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AlignmentResult:
    signature: dict[str, Any]
    source: Document
    target: Document
    beads: list[Bead]
    findings: list[Finding]
    summary: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "signature": self.signature,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "beads": [b.to_dict() for b in self.beads],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return dumps(self.to_dict(), indent)


def dumps(data: Any, indent: int | None = 2) -> str:
    """JSON that every parser reads: a score that is not a number is written null, never NaN."""
    return json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


# A pair's verdict, from farthest to closest, in either wording (a translation, or a version in
# one language): the closest document is first of all the one the verdict says is nearest.
_VERDICT_RANK = {"unrelated": 0, "related, not a translation": 1, "related, not a version": 1,
                 "partial translation": 2, "partial version": 2, "translation": 3, "version": 3}


def closeness(pair: dict[str, Any]) -> tuple:
    """How close a pair of a collection's documents came: a lone document's closest is the first
    pair with the most of this (its verdict, then aligned sentence pairs, then topic similarity).
    By aligned pairs first, one chance pair of an unrelated text (mean similarity 0.12) was named
    before a related article on the same story (0.37) with none."""
    return _VERDICT_RANK.get(pair["verdict"], 0), pair["aligned_pairs"], pair["topic_similarity"]


def document_labels(documents: list[Document]) -> list[str]:
    """Each document's path, and its language (or its tag, "en-GB", where it has one: a file of
    versions gives several in one language) where one file gave several documents."""
    languages: dict[str, set[str]] = {}
    for doc in documents:
        languages.setdefault(doc.path, set()).add(doc.locale or doc.lang)
    return [f"{doc.path} ({doc.locale or doc.lang} part)" if len(languages[doc.path]) > 1 else doc.path
            for doc in documents]


@dataclass
class CollectionResult:
    """Which documents of a collection are versions of one another (`align group`)."""

    signature: dict[str, Any]
    documents: list[Document]
    pairs: list[dict[str, Any]]  # one per pair of documents: a, b (indexes), verdict, coverages, ...
    groups: list[list[int]]  # document indexes; every document is in exactly one group
    # Files of the folders given that could not be read: {"path", "error"} (see `load_collection`).
    unread: list[dict[str, str]] = field(default_factory=list)

    def label(self, k: int) -> str:
        """The document's path, and its language where one file gave several documents."""
        return self._labels[k]

    @cached_property
    def _labels(self) -> list[str]:
        # Worked out once: looking through every document for each label made a report of 10,000
        # documents spend 4 s on its labels, and the TSV of 100,000 (a row per candidate pair) hours.
        return document_labels(self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "signature": self.signature,
            "documents": [{"id": k, "path": d.path, "lang": d.lang, "label": self.label(k), "encoding": d.encoding,
                           "sentences": len(d.sentences)} for k, d in enumerate(self.documents)],
            "pairs": self.pairs,
            "groups": self.groups,
            "unread": self.unread,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return dumps(self.to_dict(), indent)


@dataclass
class VersionsResult:
    """One original against several versions of it (`align versions`): each pair's own result,
    the original as every pair's source."""

    signature: dict[str, Any]
    original: Document
    versions: list[AlignmentResult]

    def status(self) -> list[list[tuple[str, tuple[int, ...]]]]:
        """For each sentence of the original, in each version: the kind of bead it is in and the
        version's sentences in that bead."""
        table = [[("omission", ())] * len(self.versions) for _ in self.original.sentences]
        for k, result in enumerate(self.versions):
            for bead in result.beads:
                for i in bead.src:
                    table[i][k] = (bead.kind, bead.tgt)
            # A sentence left out inside a pair (its neighbour's, `audit.absorbed`) is left out here
            # too: the grid showed it matched beside a summary that counted it left out.
            for finding in result.findings:
                if finding.type == "omission":
                    for i in finding.src:
                        table[i][k] = ("omission", ())
        return table

    def to_dict(self) -> dict[str, Any]:
        sentences = [{"id": s.id, "line": s.line, "text": s.original,
                      "versions": [{"kind": kind, "tgt": list(tgt)} for kind, tgt in row]}
                     for s, row in zip(self.original.sentences, self.status())]
        return {
            "signature": self.signature,
            "original": self.original.to_dict(),
            "versions": [r.to_dict() for r in self.versions],
            "sentences": sentences,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return dumps(self.to_dict(), indent)
