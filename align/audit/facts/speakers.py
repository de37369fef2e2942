"""The speakers of a script or a transcript, which each line names before its words."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ... import lazy_re
from .mismatch import FactMismatch
from .names import _ascii, name_key


# A speaker's label at the start of a line of a play, an interview, a transcript or subtitles:
# "TOM: ...", "MARTHA : ...", "Q: ...", "Interviewer: ...", "M. DUPONT. — ...", "JEAN — ...",
# "Том: ...", "汤姆：...", "- TOM: ..." (subtitles), "**Q:** ..." (markdown), "TOM (softly): ...",
# "Speaker 2: ..." (a transcript). Up to four words of letters, an abbreviation's full stop kept
# ("M.", "Dr.", "Mrs."), and a speaker's number.
_SPEAKER_RE = lazy_re.compile(
    # A chat log's time stamp before the name ("[09:17] Ben: ...") is no part of the label.
    r"\s*(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]\s*)?(?:[-–—]\s+)?[*_]{0,2}"
    r"(?P<label>[^\W\d_][\w'’-]*\.?(?:[ \u00a0][^\W\d_][\w'’-]*\.?){0,3}?(?:[ \u00a0]\d{1,2})?)"
    r"(?:[ \u00a0]*\([^()\n]{1,40}\))?[*_]{0,2}"
    r"(?:(?P<colon>[ \u00a0\u202f]?[:：])|(?P<dot>\.[*_]{0,2}[ \u00a0]*[—–-])|(?P<dash>[ \u00a0]+[—–]))")
# Words written before a colon at the start of a sentence that name no one, however often they
# recur: a document's notes, warnings and examples are no speakers, nor its updates.
_NOT_SPEAKERS = frozenset(_ascii(w) for w in """
    note notes nb ps warning caution tip tips hint example examples source sources update edit important
    summary remarque remarques avertissement exemple conseil astuce attention
    hinweis hinweise achtung warnung beispiel quelle tipp anmerkung wichtig
    nota aviso advertencia ejemplo fuente consejo importante atencion actualizacion
    avvertenza esempio fonte suggerimento aggiornamento
    exemplo dica atualizacao opmerking waarschuwing voorbeeld bron
    примечание внимание пример источник совет важно обновление замечание
    """.split())
_LABEL_LENGTH = 30  # characters of a label at most: "FIRST GENTLEMAN OF THE COURT" is one
_UNCASED_LABEL_LENGTH = 12  # in a script without capitals, where anything before a colon could be one


@dataclass(frozen=True)
class _Speaker:
    label: str  # as written: "TOM", "M. DUPONT", "Q"
    key: str  # what two writings of one label share: "tom", "m dupont"
    span: tuple[int, int]


def _speaker_at(text: str, following: str = "") -> _Speaker | None:
    """The speaker's label that `text` opens with, if it opens with one. A label the sentence
    splitter cut off as a sentence of its own ("M. DUPONT." before "— Je n'ai jamais dit ça.")
    is read with the sentence that follows it."""
    m = _SPEAKER_RE.match(text)
    if m is None and following and len(text) <= _LABEL_LENGTH + 8:
        m = _SPEAKER_RE.match(f"{text} {following}")
        if m is not None and m.end("label") > len(text):
            m = None
    if m is None:
        return None
    label = m.group("label").strip()
    letters = [ch for ch in label if ch.isalpha()]
    cased = [ch for ch in letters if ch.isupper() or ch.islower()]
    if cased:
        if len(label) > _LABEL_LENGTH:
            return None
        # A play's "MARTHA. —" and "JEAN —" are in capitals; before a colon a label may be in
        # title case ("Interviewer:", "Том:"): each word opens with a capital, so a sentence's
        # first words before a colon ("The reason is simple: ...") are none.
        if m.group("colon") is None and any(ch.islower() for ch in cased):
            return None
        if not all(word[0].isupper() for word in label.split() if word[0].isupper() or word[0].islower()):
            return None
    elif len(label) > _UNCASED_LABEL_LENGTH:
        return None
    key = " ".join(re.sub(r"[^\w]", " ", label.casefold()).split())
    if not key or _ascii(key) in _NOT_SPEAKERS or _ascii(key.split()[0]) in _NOT_SPEAKERS:
        return None
    start, end = m.span("label")
    return _Speaker(label.rstrip("."), key, (start, end - (len(label) - len(label.rstrip(".")))))


# A document writes its speakers' labels on this share of its sentences at the least: a dialogue,
# an interview or a transcript. In prose, a sentence that opens with a word and a colon now and
# then ("Update: ...", "Résultat : ...") names no speaker.
_SPEAKER_SHARE = 0.1


def _document_speakers(texts) -> list[_Speaker | None]:
    """Each sentence's speaker, where it opens with a label that the document uses as one: a label
    it writes at least twice, in a document where at least two such labels open a tenth of the
    sentences."""
    found = [_speaker_at(text, texts[i + 1] if i + 1 < len(texts) else "") for i, text in enumerate(texts)]
    counts = Counter(s.key for s in found if s is not None)
    recurring = {key for key, n in counts.items() if n >= 2}
    if len(recurring) < 2 or sum(counts[key] for key in recurring) < max(4, _SPEAKER_SHARE * len(texts)):
        return [None] * len(texts)
    return [s if s is not None and s.key in recurring else None for s in found]


def _counterparts(co: Counter) -> dict[str, str]:
    """Source label -> target label, where each is the other's most frequent partner in the pairs
    that both open with a label, by a clear lead: "TOM"/"TOM", "Q"/"F", "Tom"/"Том". Two labels
    that the other side reads alike ("TOM"/"Tom") decide a tie."""
    def best(pairs: dict[str, int], own: str) -> str | None:
        if not pairs:
            return None
        top = max(pairs.values())
        tied = [other for other, n in pairs.items() if n == top]
        if len(tied) > 1:
            tied = [other for other in tied if _label_alike(own, other)]
        if len(tied) != 1 or top < 2 and not _label_alike(own, tied[0]):
            return None
        return tied[0]

    by_source: dict[str, dict[str, int]] = {}
    by_target: dict[str, dict[str, int]] = {}
    for (s, t), n in co.items():
        by_source.setdefault(s, {})[t] = n
        by_target.setdefault(t, {})[s] = n
    out = {}
    for s, partners in by_source.items():
        t = best(partners, s)
        if t is not None and best(by_target[t], t) == s:
            out[s] = t
    return out


def _label_alike(a: str, b: str) -> bool:
    """One label, however each side writes it: "TOM"/"Tom", "Sergei"/"Sergueï", "Speaker 2"/"Intervenant 2"."""
    na, nb = re.search(r"\d+$", a), re.search(r"\d+$", b)
    if na and nb:
        return na.group() == nb.group()
    ka, kb = name_key(a.replace(" ", "")), name_key(b.replace(" ", ""))
    return a == b or bool(ka) and ka == kb


def speaker_mismatches(pairs, src_texts, tgt_texts) -> dict[int, FactMismatch]:
    """Pairs whose target gives the line to another speaker than the source: `pairs` are the aligned
    pairs as (source sentence ids, target sentence ids), `src_texts` and `tgt_texts` every sentence
    of each document. A label is a speaker's where its document uses it as one (`_document_speakers`);
    the two documents' labels are matched by the pairs that open with them (`_counterparts`), so a
    translated or transliterated label ("Q"/"F", "Tom"/"Том") is its original's; a pair whose
    target label is the counterpart of another source label than its own is told, by index."""
    src_speakers, tgt_speakers = _document_speakers(src_texts), _document_speakers(tgt_texts)
    if not any(src_speakers) or not any(tgt_speakers):
        return {}
    opened = {}
    for index, (src_ids, tgt_ids) in enumerate(pairs):
        if src_ids and tgt_ids:
            s, t = src_speakers[min(src_ids)], tgt_speakers[min(tgt_ids)]
            if s is not None and t is not None:
                opened[index] = (s, t)
    co = Counter((s.key, t.key) for s, t in opened.values())
    forward = _counterparts(co)
    backward = {t: s for s, t in forward.items()}
    written = {}  # each source label as the document first writes it
    for s in src_speakers:
        if s is not None:
            written.setdefault(s.key, s.label)
    out = {}
    for index, (s, t) in opened.items():
        other = backward.get(t.key)
        if other is None or other == s.key or s.key not in forward:
            continue
        mine = written[other]
        out[index] = FactMismatch(
            "speaker", s.label, t.label, s.span, t.span,
            f"speaker {s.label} (source) is {t.label} in the target"
            + ("" if _label_alike(mine, t.label) else f", the target's label for {mine}"))
    return out
