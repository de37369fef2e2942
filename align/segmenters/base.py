"""The segmenter interface: text in, sentence spans out.

Spans rather than strings, so that every sentence can be traced back to the input and so that
a test can prove no character was lost on the way.
"""
from __future__ import annotations


class Segmenter:
    """Base class of every segmenter. Subclasses set `name` and implement `split`."""

    name: str = "segmenter"
    # Whether paragraphs are only the blocks between blank lines. Text that comes cut into one
    # sentence per line says nothing about paragraphs by its line breaks: read the usual way,
    # every line would be a paragraph of its own, and a short sentence alone in a paragraph reads
    # as a headline, which is never paired again.
    blank_line_paragraphs: bool = False
    # Whether a sentence ends only at a line end ("\n", "\r\n", "\r"). Read the usual way, the
    # line and paragraph separators U+2028 and U+2029, NEL and the vertical tab are line breaks
    # (Word's soft return); in text cut one sentence a line they split a line in two, and every
    # sentence id after it no longer named its line of the file.
    line_ends_only: bool = False

    def split(self, text: str, lang: str | None,
              names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:  # pragma: no cover - abstract
        """Return sentence spans (start, end) into `text`, in order, each stripped of surrounding
        whitespace; every non-space character of `text` lies in exactly one span. `names`: the
        words the document spells in lower case where a sentence opens (`lower_case_names`)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def locate_sentences(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Find each of `sentences` (the output of a splitter that may have changed whitespace) in
    `text`, in order, by walking their non-space characters; return exact spans into `text`.

    The walk counts characters rather than trusting them: if a splitter ever rewrote a character
    (a quote, a dash) the spans stay in step. Whatever the splitter dropped at the end is given
    to the last sentence, so nothing is lost.
    """
    spans: list[tuple[int, int]] = []
    cursor = 0
    length = len(text)
    for sentence in sentences:
        wanted = sum(1 for ch in sentence if not ch.isspace())
        if wanted == 0:
            continue
        while cursor < length and text[cursor].isspace():
            cursor += 1
        if cursor >= length:
            break
        start = cursor
        while wanted and cursor < length:
            if not text[cursor].isspace():
                wanted -= 1
            cursor += 1
        spans.append((start, cursor))
    rest_start, rest_end = strip_span(text, cursor, length)
    if rest_start < rest_end:
        if spans:
            spans[-1] = (spans[-1][0], rest_end)
        else:
            spans.append((rest_start, rest_end))
    return spans


# Longer than any sentence of the novels we test on (Proust's reach 3,200 characters), and short
# enough to embed in a few MB: a text without sentence ends (a transcript, a file of one line)
# would otherwise be one "sentence" of megabytes, and its embedding would take gigabytes.
MAX_SENTENCE_CHARS = 10_000
# A long span is cut after a comma, semicolon or colon in the last fifth of the window if there
# is one, else at the last space, else (no space at all) at the limit itself.
_CLAUSE_END = ",;:"


def cap_spans(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """`spans` with every span longer than `limit` cut into consecutive pieces of at most `limit`
    characters; every character stays in exactly one span."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            window = text[start:start + limit]
            cut = max((window.rfind(mark + " ") + 1 for mark in _CLAUSE_END), default=0)
            if cut < 0.8 * limit:
                cut = window.rfind(" ")
            if cut <= 0:
                cut = limit
            piece = strip_span(text, start, start + cut)
            if piece[0] < piece[1]:
                out.append(piece)
            start = strip_span(text, start + cut, end)[0]
        if start < end:
            out.append((start, end))
    return out
