"""Checks a reviewer runs on every aligned pair besides its meaning: a target left in the source
language, and a pair far longer or shorter than the document's pairs are.

Pure functions of the pairs' texts. Thresholds are relative to the document where they can be: a
German-French pair is longer on the French side, a Chinese-English one much shorter on the Chinese
side, so "out of range" means out of this document's own range.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from ..language import language_name, language_scores, language_words, names_only, reads_otherwise

# A target shorter than this says too little for the detector; "Antony Blinken" is the same in
# every language and is no untranslated sentence.
MIN_LETTERS_UNTRANSLATED = 30
MIN_DETECTOR_SCORE = 0.8
# A shorter copy is told by the document's own evidence (`words_only_the_source_writes`): a word of it
# the source writes in this many sentences and the translation in none.
MIN_SOURCE_SENTENCES_OF_A_WORD = 3
# Length: how far a pair's log length ratio may stray from the document's median, in robust
# standard deviations (1.4826 MAD), and never less than a factor LENGTH_MIN_FACTOR either way.
LENGTH_SPREAD = 4.0
LENGTH_MIN_FACTOR = 2.5
MIN_PAIRS_FOR_LENGTH = 10  # a median of fewer pairs says nothing about the document
MIN_CHARS_FOR_LENGTH = 40  # on the longer side: "Oui." against "Yes, sir." is no finding

_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PairIssue:
    index: int  # of the pair in the list given
    kind: str  # "untranslated" or "length"
    message: str
    details: dict


def untranslated(pairs: list[tuple[str, str]], src_lang: str, tgt_lang: str,
                 copy_min_letters: int = MIN_LETTERS_UNTRANSLATED,
                 unpaired_targets: list[str] | None = None) -> list[PairIssue]:
    """Pairs whose target repeats the source, or is written in the source language or a third one.
    `copy_min_letters`: the fewest letters of a target that repeats its source word for word to be
    told (a program's strings, paired by their keys, are short: "Group furniture" left in a French
    menu); any other target is read by the detector only from MIN_LETTERS_UNTRANSLATED.
    With `unpaired_targets` (the target's sentences in no pair), a shorter copy is told too where it
    writes in small letters a word its source writes and its translation never does
    (`words_only_the_source_writes`): a diagram's node "Plant the dune grass" left in a French
    deck, where a name ("Sweet Home 3D") writes none."""
    out = []
    source_only: frozenset[str] | None = None  # gathered at the first short copy: most documents have none
    for index, (src_text, tgt_text) in enumerate(pairs):
        letters = len(_LETTER.findall(tgt_text))
        if src_lang == tgt_lang:
            continue
        copied = _words(src_text) == _words(tgt_text)
        if letters < min(copy_min_letters, MIN_LETTERS_UNTRANSLATED):
            if not copied or unpaired_targets is None or not _prose(tgt_text):
                continue
            if source_only is None:
                source_only = words_only_the_source_writes(pairs, unpaired_targets)
            evidence = sorted(_small_letter_words(tgt_text) & source_only)
            if not evidence:
                continue
        else:
            evidence = []
        if letters < MIN_LETTERS_UNTRANSLATED and (not copied or _identifiers(tgt_text) or _product(tgt_text)):
            continue
        if _reference_or_code(tgt_text):
            # A manual page's SEE ALSO list ("chmod(1), chown(2), execve(2), ..."), an option's
            # name ("--dereference-command-line-symlink-to-dir") or a line of code stays as it is
            # in every translation: 82 of the 1,051 copies reported over 132 translated pages.
            continue
        if names_only(language_words(tgt_text)):
            # A contact line ("Helios Rail – Marc Lefèvre, +33 4 72 00 12 34, press@...") is copied,
            # as every press release's is: names, numbers and addresses have nothing to translate.
            continue
        if copied:
            # Close languages share sentences: "Tada je uginulo više od tri tone ribe." is Croatian
            # and Serbian alike. Copied is what reads as the source's language rather than the target's.
            scores = language_scores(tgt_text)
            if scores.get(src_lang, 0.0) > scores.get(tgt_lang, 0.0):
                out.append(PairIssue(index, "untranslated", "target repeats the source word for word",
                                     {"source_only_words": evidence} if evidence else {}))
            continue
        other = reads_otherwise(tgt_text, tgt_lang, MIN_DETECTOR_SCORE)
        if other is None:
            continue
        lang, score = other
        # A third language too: a Spanish sentence left in a French text (a translation memory's
        # wrong match, a machine translation's slip) was paired with its English and passed.
        whose = ", the source's language," if lang == src_lang else ""
        out.append(PairIssue(index, "untranslated", f"target is in {language_name(lang)}{whose} not in "
                             f"{language_name(tgt_lang)}", {"detected": lang, "score": round(score, 3)}))
    return out


# A token that is code or a reference rather than a word of prose: it holds a bracket, an operator,
# an underscore or a slash, or opens on a dash (an option); or it is punctuation alone.
_CODE_TOKEN = re.compile(r"[()\[\]{}<>=_/#*;|\\]|^-|^[^\w]+$")
CODE_TOKEN_SHARE = 0.8


def _reference_or_code(text: str) -> bool:
    """Whether nearly every token of `text` (split at spaces) is code or a reference to a page, or
    `text` reads as a statement or declaration of a program (`_statement`)."""
    tokens = text.split()
    return bool(tokens) and (sum(1 for token in tokens if _CODE_TOKEN.search(token)) >= CODE_TOKEN_SHARE * len(tokens)
                             or _statement(text) or _PROMPT.match(text) is not None)


# A command at a shell's prompt, or a script's comment ("$ egrep 'GNU.*LICENSE' ...", "# enable
# bash-completion"): the Debian Reference's commands, copied in every translation, were 112 of the
# 1,272 sentences of its French pages reported untranslated.
_PROMPT = re.compile(r"\s*[$#%] [a-z./~]")


# A comment of C or of the languages that write theirs so.
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)|//[^\n]*", re.DOTALL)
_CODE_MARK = re.compile(r"\w\(|[=_*#<>|&]|->")
# A word of prose: letters alone.
_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _statement(text: str) -> bool:
    """A line of a program, its comments aside: it ends as a statement, a declaration or a block
    does (";", ",", "{", "}", ")"), holds a bracket and a call, an operator or an identifier's
    underscore, and no three words of prose in a row. A manual page's synopsis ("int open(const
    char *pathname, int flags);") and its example code stay as they are in every translation, and
    were reported untranslated line by line."""
    code = _COMMENT.sub(" ", text).strip()
    if not code or code[-1] not in ";,{})" or not any(mark in code for mark in "(){}"):
        return False
    # A call, an operator, a pointer or an underscore: "Tom left, quietly (as ever);" is prose.
    if not _CODE_MARK.search(code):
        return False
    run = longest = 0
    for token in code.split():
        run = run + 1 if _PLAIN_WORD.fullmatch(token) else 0
        longest = max(longest, run)
    return longest < 3


# A name of letters and digits joined by dots or hyphens: a host's or an archive's name
# ("nyx2.local-2018-11-16T09:49:58"), a mode ("Repokey-AES256-OCB").
_IDENTIFIER = re.compile(r"(?=\S*\d)(?=\S*[^\W\d_])\S*\w[.-]\w\S*")


def _identifiers(text: str) -> bool:
    """Whether every token of a short string is an identifier, which a program's translations copy
    as it stands: vorta's example archive name, copied by every translation, was "untranslated"
    where two translations were paired by their messages."""
    tokens = text.split()
    return bool(tokens) and all(_IDENTIFIER.fullmatch(token) for token in tokens)


# A word of a name as a maker writes it: a capital after a small letter ("iMac", "eTeks") or a
# digit ("308", "R6"); and one of any name, opening on a capital ("YZR" too). A word in capitals
# alone says nothing: "NEXT Compression" in GNUstep's Japanese is English left untranslated.
_MAKERS_WORD = re.compile(r"\w*[a-z]\w*[A-Z]\w*|\w*\d\w*")
_CAPITALISED = re.compile(r"[A-Z]\w*")


def _product(text: str) -> bool:
    """Whether a short string is a product's or a maker's name: words opening on a capital, one of
    them at least a maker's ("Apple iMac 2004", "Peugeot 308 CC", "Yamaha YZR R6"), which a
    furniture catalogue's translations copy; a label in title case ("Select All") is no name."""
    tokens = text.split()
    return (bool(tokens) and all(_MAKERS_WORD.fullmatch(token) or _CAPITALISED.fullmatch(token) for token in tokens)
            and any(_MAKERS_WORD.fullmatch(token) for token in tokens))


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORDS.findall(text)]


def _small_letter_words(text: str) -> set[str]:
    """The words `text` writes in small letters: no name's, no heading's in capitals (a script
    without capitals has none)."""
    return {word for word in _WORDS.findall(text) if word.islower()}


def _prose(text: str) -> bool:
    """Whether most words after the first are in small letters, as a phrase's are: "Survey the sea
    bed", not a name with its particle ("Willy Auf der Maur, Seewen") nor a title in capitals."""
    words = _WORDS.findall(text)[1:]
    return 2 * sum(word.islower() for word in words) > len(words) > 0


def words_only_the_source_writes(pairs: list[tuple[str, str]], unpaired_targets: list[str]) -> frozenset[str]:
    """The words (folded to small letters) that the source of a document's pairs writes in several
    sentences (`MIN_SOURCE_SENTENCES_OF_A_WORD`) and its translation writes nowhere: its
    language's own ("the", "wall" in a French text). A pair whose target copies its source, or a
    part of it, is no evidence of either side; the target's sentences in no pair are of the
    translation."""
    counts: dict[str, int] = {}
    written: set[str] = set()
    for src_text, tgt_text in pairs:
        if set(_words(tgt_text)) <= set(_words(src_text)):
            continue
        for word in set(_words(src_text)):
            counts[word] = counts.get(word, 0) + 1
        written.update(_words(tgt_text))
    for text in unpaired_targets:
        written.update(_words(text))
    return frozenset(word for word, count in counts.items() if count >= MIN_SOURCE_SENTENCES_OF_A_WORD
                     and word not in written)


def length_outliers(pairs: list[tuple[str, str]]) -> list[PairIssue]:
    """Pairs whose target/source length ratio is far outside the document's own."""
    if len(pairs) < MIN_PAIRS_FOR_LENGTH:
        return []
    src_len = np.array([max(len(src), 1) for src, _ in pairs], dtype=float)
    tgt_len = np.array([max(len(tgt), 1) for _, tgt in pairs], dtype=float)
    ratio = np.log(tgt_len / src_len)
    median = float(np.median(ratio))
    spread = 1.4826 * float(np.median(np.abs(ratio - median)))
    limit = max(LENGTH_SPREAD * spread, math.log(LENGTH_MIN_FACTOR))
    out = []
    for index in np.flatnonzero(np.abs(ratio - median) > limit):
        if max(src_len[index], tgt_len[index]) < MIN_CHARS_FOR_LENGTH:
            continue
        factor = math.exp(abs(float(ratio[index]) - median))
        way = "longer" if ratio[index] > median else "shorter"
        out.append(PairIssue(int(index), "length", f"target {factor:.1f}x {way} than this document's pairs "
                             f"usually are", {"ratio": round(float(tgt_len[index] / src_len[index]), 3),
                                             "usual_ratio": round(math.exp(median), 3)}))
    return out
