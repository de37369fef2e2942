"""Loaders for the two gold sets the benchmark scores against.

Both folders keep one sentence per line and gold beads in vecalign's `[src ids]:[tgt ids]` format,
so a document here is just two sentence lists and a list of beads. Nothing is re-segmented.

Text+Berg (Sennrich & Volk 2010): German -> French, `dev` and `test0`..`test6`.
TransRead (Xu & Yvon 2016): French -> English (the gold files are written fr -> en), six novels;
Alice is our dev novel, the other five are the test set.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .scoring import Beads, read_gold

TEXTBERG = "text-berg-de-fr"
TRANSREAD = "transread-limsi-en-fr"
MAC = "mac-zh-en-dev"
CANDIDE = "transread-candide-en-es-el"
MAC_DEV = ("001", "002", "003", "004", "005", "006")
TEXTBERG_TEST = tuple(f"test{i}" for i in range(7))
TEXTBERG_DEV = ("dev",)
TRANSREAD_DEV = ("AlicesAdventuresInWonderland",)
TRANSREAD_TEST = (
    "Candide",
    "DuCoteDeChezSwann",
    "LesTravailleursDeLaMer",
    "VingtMilleLieuesSousLesMers",
    "VoyageAuCentreDeLaTerre",
)


@dataclass
class Doc:
    """One gold document pair: `src[i]` and `tgt[j]` are sentences, `gold` the reference beads."""

    corpus: str
    name: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    tgt: list[str]
    gold: Beads = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.name}"

    def __len__(self) -> int:
        return len(self.src) + len(self.tgt)


def default_data_dir() -> Path:
    """`../shared/data` relative to the repository root (the parent of this package)."""
    env = os.environ.get("ALIGN_BENCH_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def read_sentences(path: Path) -> list[str]:
    """One sentence per line; only the surrounding whitespace is removed (the files keep a trailing
    space on many lines). Empty lines would be kept as empty sentences so that indices stay valid."""
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    return [line.strip() for line in lines]


def _check(doc: Doc) -> Doc:
    for src, tgt in doc.gold:
        if any(i >= len(doc.src) for i in src) or any(j >= len(doc.tgt) for j in tgt):
            raise ValueError(f"{doc.key}: gold bead {src}:{tgt} points past the text "
                             f"({len(doc.src)} / {len(doc.tgt)} sentences)")
    return doc


@dataclass(frozen=True)
class Corpus:
    """Where one corpus keeps a document's source, target and gold files, below its folder."""

    name: str
    folder: str
    src_lang: str
    tgt_lang: str
    test: tuple[str, ...]
    dev: tuple[str, ...]
    layout: str  # paths of source, target and gold, with {name} for the document

    def load(self, data_dir: Path | str | None, names) -> list[Doc]:
        root = Path(data_dir or default_data_dir()) / self.folder
        docs = []
        for name in names:
            src_path, tgt_path, gold_path = (root / part.format(name=name) for part in self.layout.split())
            docs.append(_check(Doc(corpus=self.name, name=name, src_lang=self.src_lang, tgt_lang=self.tgt_lang,
                                   src=read_sentences(src_path), tgt=read_sentences(tgt_path),
                                   gold=read_gold(gold_path))))
        return docs


CORPORA = {
    "textberg": Corpus("textberg", TEXTBERG, "de", "fr", TEXTBERG_TEST, TEXTBERG_DEV,
                       "{name}.de {name}.fr {name}.defr"),
    "transread": Corpus("transread", TRANSREAD, "fr", "en", TRANSREAD_TEST, TRANSREAD_DEV,
                        "fr/{name} en/{name} gold/{name}"),
    # Dev material only. Both Candide gold files are written [en idx]:[es/el idx] (their first
    # column runs to the English file's last line), whatever that folder's README says.
    "mac": Corpus("mac", MAC, "zh", "en", (), MAC_DEV, "zh/{name} en/{name} gold/{name}"),
    "candide-es": Corpus("candide-es", CANDIDE, "en", "es", (), ("Candide",), "en/{name} es/{name} gold-es/{name}"),
    "candide-el": Corpus("candide-el", CANDIDE, "en", "el", (), ("Candide",), "en/{name} el/{name} gold-el/{name}"),
}
# The gold sets every split of the benchmark runs; the others hold dev documents only.
MAIN_CORPORA = ("textberg", "transread")


def load_textberg(data_dir: Path | str | None = None, names=TEXTBERG_TEST) -> list[Doc]:
    return CORPORA["textberg"].load(data_dir, names)


def load_transread(data_dir: Path | str | None = None, names=TRANSREAD_TEST) -> list[Doc]:
    return CORPORA["transread"].load(data_dir, names)


def load(corpus: str, split: str = "test", data_dir: Path | str | None = None) -> list[Doc]:
    chosen = CORPORA[corpus]
    names = {"test": chosen.test, "dev": chosen.dev, "all": chosen.dev + chosen.test}[split]
    return chosen.load(data_dir, names)
