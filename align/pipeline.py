"""The Python API: read -> clean -> segment -> embed -> align -> find -> result.

    align_pair("original.txt", "reprint.txt")        # two files (or "-" for stdin)
    align_pair("mixed.txt")                           # one file holding both languages
    align_sentences(src_list, tgt_list, src_lang="de", tgt_lang="fr")   # pre-segmented
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass, replace

import numpy as np

from . import __version__, interrupts
from .aligner import AlignConfig, PackedBeads, align_embeddings, centred_on, centring_means, length_ratio, regrouped
from .arguments import checked_language, checked_pair_of_embeddings, checked_sentences
from .audit import AuditThresholds
from .audit.absorbed import (absorbed_sentences, paragraph_strays, proposed_on_two_counts, repeated_in_pairs,
                             translated_in_clauses, translated_in_pair, unmatched_figures_in_pairs,
                             unrelated_in_merges, unrelated_in_two_by_two)
from .audit.classify import AdditionContext, classify_line, split_metadata_prefix
from .audit.findings import classify_beads, line_span, structural_findings, unpaired_when_unrelated, verdict
from .audit.moves import align_around_blocks, find_moved_blocks, home_clause_fit
from .documents import LIST_MIN_LINES, LIST_SHARE, dominant_language
from .encoders import DEFAULT_MODEL, Encoder, as_encoder, encoder_for, is_fallback
from .encoders import prefetch as prefetch_encoder
from .errors import InputError
from .joined import corrections as joined_corrections
from .keyed import aligner_within, catalogue_data, keyed_pairs
from .language import LIST_ITEM, has_words, word_count
from .loading import load_documents
from .memory import give_back_free_pages
from .model import BEAD_KINDS, AlignmentResult, Document, Finding, finding_order, findings_by_type
from .neighbours import MIN_STRETCHES, Neighbours, neighbours, stretches
from .segmenters import load_segmenter
from .threads import one_blas_thread

logger = logging.getLogger("align")

__all__ = ["align_pair", "align_sentences", "AlignConfig", "AuditThresholds"]

# --------------------------------------------------------------------------------------------
# Alignment and findings
# --------------------------------------------------------------------------------------------


def _embedding_texts(doc: Document) -> tuple[list[str], list[tuple[int, str]]]:
    """The text each sentence is embedded with, without metadata glued to its front."""
    texts, notes = [], []
    for s in doc.sentences:
        prefix, rest = split_metadata_prefix(s.text)
        if prefix and rest:
            texts.append(rest)
            notes.append((s.id, prefix))
        else:
            texts.append(s.text)
    return texts, notes


@dataclass(frozen=True)
class PreparedDocument:
    """What the aligner and the finders need of one document's sentences besides their vectors.

    It depends on the document alone, so `align group` computes it once per document rather than
    once per pair: the categories alone were 40 % of a collection's time."""

    texts: list[str]  # what each sentence is embedded with: its text less glued-on metadata
    metadata: list[tuple[int, str]]  # (sentence id, metadata prefix) where one was cut off
    lengths: np.ndarray  # characters of each embedded text
    words: list[int]
    paragraphs: list[int]
    breaks: np.ndarray | None  # sentences opening a paragraph, where paragraphs tell anything
    categories: list[str]  # content / editorial / boilerplate
    sentence_a_line: bool = False  # a corpus file: each sentence on the line after the one before

    @property
    def peripheral(self) -> frozenset[int]:
        """Headlines, source lines and boilerplate, which the audit keeps out of its pairs' edges. A
        line with no letter or digit ("-", "»", "* * *") is no content either, but inside a text it
        stays in its pair: OCR'd text is full of such crumbs, and translations keep them where they
        stood (as peripheral, Text+Berg dev lost 0.026 omission F1)."""
        return frozenset(i for i, c in enumerate(self.categories)
                         if c == "boilerplate" or (c == "editorial" and has_words(self.texts[i])))


def prepare(doc: Document) -> PreparedDocument:
    texts, metadata = _embedding_texts(doc)
    paragraphs = [s.paragraph for s in doc.sentences]
    return PreparedDocument(
        texts=texts, metadata=metadata, lengths=np.array([len(t) for t in texts], dtype=np.float64),
        words=_word_counts(doc), paragraphs=paragraphs, breaks=_paragraph_breaks(paragraphs),
        categories=_categories(doc, texts), sentence_a_line=_sentence_a_line(doc))


# Texts per encode call when a collection is embedded. A call's vectors are copied two or three
# times on their way out (concatenated from the workers, cast, normalised; or stacked from the
# cache), so one call for a whole collection peaked at several times its vectors (they alone are
# 4.1 GB at 100,000 documents); in batches the peak is the vectors once plus one batch's copies.
EMBED_BATCH_TEXTS = 32_768


def embed_prepared(prepared: list[PreparedDocument], encoder: Encoder, progress: bool = False) -> list[np.ndarray]:
    """Each document's sentence vectors, in one array (views of it per document), from batches of
    EMBED_BATCH_TEXTS texts: each batch is one pool of workers."""
    texts = [t for doc in prepared for t in doc.texts]
    if len(texts) <= EMBED_BATCH_TEXTS:
        embedded = encoder.encode(texts, progress=progress)
    else:
        embedded = None
        for start in range(0, len(texts), EMBED_BATCH_TEXTS):
            part = encoder.encode(texts[start:start + EMBED_BATCH_TEXTS], progress=progress)
            if embedded is None:
                embedded = np.empty((len(texts), part.shape[1]), dtype=part.dtype)
            embedded[start:start + len(part)] = part
    bounds = np.cumsum([0] + [len(doc.texts) for doc in prepared])
    return [embedded[start:end] for start, end in zip(bounds[:-1], bounds[1:])]


# How far (in log ratio) the stretches between sure pairs may stand from the whole texts' ratio
# before the aligner expects theirs: their estimate keeps within 17 % (0.15) of a whole
# translation's ratio on every dev document, Chinese-English included; a text with as much again
# that the other lacks is off by 0.69.
RATIO_TOLERANCE = 0.25
# Too few stretches to trust (a short text) may still hold this many with as many sentences on
# each side: see translation_length_ratio.
MIN_EVEN_STRETCHES = 3
# ... and however few they are, they outweigh totals this far off (log 2, twice or half their
# ratio): an excerpt of five sentences against the 150 of its original had the totals' ratio 59, and
# not one of its sentences was paired.
EXCERPT_LOG_RATIO = float(np.log(2.0))


def translation_length_ratio(near: Neighbours, src_len, tgt_len) -> float:
    """Source characters per target character of the translation, for the length penalty.

    The totals' ratio holds for a whole translation. Where one text has passages the other lacks
    (a partial translation, a reprint with a section added), it is off by their share, and with it
    every bead's length penalty: an Alice chapter against its English plus twice as much other
    English expected each English sentence to be a third of a French one, and the aligner made
    1-4 beads of a text it otherwise has right. The stretches of translation between sure pairs
    (`neighbours.stretches`) hold whatever splits and merges (the ratio of single pairs does not: a
    Chinese sentence's best match is one of the English sentences it became); their ratio
    replaces the totals' when they differ by more than RATIO_TOLERANCE.

    A short text has fewer stretches than that, and its totals are as far off when it is a partial
    translation: an article of ten sentences against five of them made three 2-1 and 3-1 merges
    under a ratio of 1.7, and reported two of five left-out sentences. There, the stretches that
    hold as many sentences on each side (no split, merge or gap inside) give the ratio, when there
    are MIN_EVEN_STRETCHES of them. Not for long texts: on MAC zh-en, whose English splits many
    Chinese sentences, such stretches alone read another ratio than the whole translation's
    (addition F1 0.607 -> 0.584)."""
    src_len = np.asarray(src_len, dtype=np.float64)
    tgt_len = np.asarray(tgt_len, dtype=np.float64)
    ratio = length_ratio(src_len, tgt_len)
    found, enough = stretches(near), MIN_STRETCHES
    if len(found) < MIN_STRETCHES:
        even = [(i1, j1, i2, j2) for i1, j1, i2, j2 in found if i2 - i1 == j2 - j1]
        if len(even) >= MIN_EVEN_STRETCHES:
            found, enough = even, MIN_EVEN_STRETCHES
    found = _without_outlying_stretches(found, src_len, tgt_len)
    src_chars = float(sum(src_len[i1:i2].sum() for i1, _, i2, _ in found))
    tgt_chars = float(sum(tgt_len[j1:j2].sum() for _, j1, _, j2 in found))
    if src_chars <= 0 or tgt_chars <= 0:
        return ratio
    translated = src_chars / tgt_chars
    if len(found) < enough:
        return translated if abs(np.log(translated / ratio)) > EXCERPT_LOG_RATIO else ratio
    return translated if abs(np.log(translated / ratio)) > RATIO_TOLERANCE else ratio


def _without_outlying_stretches(found, src_len, tgt_len):
    """The stretches but those a factor 2 (EXCERPT_LOG_RATIO) off their median ratio because of one
    sentence GIANT_SENTENCE times its side's median length. A stretch counts sentences, so one
    sentence added without a full stop (a paragraph of 2,900 characters of keywords, or of
    sentences whose stops were lost) stays inside one, and its characters outweighed the rest: an
    article of 12 sentences a side kept the totals' ratio of 3.0 for a translation of ratio 1.0,
    and paired 9 of its 12 sentences. Only for such a sentence: a stretch as far off for a passage
    of ordinary sentences left out inside it (Text+Berg test4 with a paragraph removed) weighs in
    as before, as trimming it cost the test set's audit (omission F1 0.859 -> 0.838)."""
    if len(found) < 3:
        return found
    src_giant = GIANT_SENTENCE * float(np.median(src_len))
    tgt_giant = GIANT_SENTENCE * float(np.median(tgt_len))
    logs = np.log(np.array([max(float(src_len[i1:i2].sum()), 1.0) / max(float(tgt_len[j1:j2].sum()), 1.0)
                            for i1, j1, i2, j2 in found]))
    off = np.abs(logs - np.median(logs)) > EXCERPT_LOG_RATIO
    return [(i1, j1, i2, j2) for (i1, j1, i2, j2), far in zip(found, off)
            if not (far and (src_len[i1:i2].max() >= src_giant or tgt_len[j1:j2].max() >= tgt_giant))]


# A sentence this many times its side's median length is a paragraph without full stops.
GIANT_SENTENCE = 10


def _run(source: Document, target: Document, encoder: Encoder, config: AlignConfig, thresholds: AuditThresholds,
         segmenter_name: str, src_emb=None, tgt_emb=None, facts: bool = True, partial: bool = True,
         progress: bool = False, prepared: tuple[PreparedDocument, PreparedDocument] | None = None) -> AlignmentResult:
    src, tgt = prepared or (prepare(source), prepare(target))
    src_texts, tgt_texts = src.texts, tgt.texts
    vectors_given = src_emb is not None and tgt_emb is not None
    if not vectors_given:
        embedded = encoder.encode(src_texts + tgt_texts, progress=progress)
        src_emb, tgt_emb = embedded[: len(src_texts)], embedded[len(src_texts):]
    centres = centring_means(src_emb, tgt_emb)
    src_emb, tgt_emb = centred_on(src_emb, tgt_emb, centres)
    src_len, tgt_len = src.lengths, tgt.lengths
    breaks = (src.breaks, tgt.breaks)
    near = neighbours(src_emb, tgt_emb)
    ratio = translation_length_ratio(near, src_len, tgt_len)
    # Two files of a program's strings: their shared keys pair them (see align.keyed).
    keyed = keyed_pairs(source, target)

    def keyed_pass(pass_config: AlignConfig):
        return keyed.beads(len(src_emb), len(tgt_emb), aligner_within(src_emb, tgt_emb, src_len, tgt_len, pass_config,
                                                                      align_embeddings, ratio))

    if keyed is not None:
        raw_beads = keyed_pass(config)
    else:
        raw_beads = align_embeddings(src_emb, tgt_emb, src_len, tgt_len, config, src_breaks=breaks[0],
                                     tgt_breaks=breaks[1], ratio=ratio)
    refine = None
    if keyed is None and config.joined_weight and encoder is not None and getattr(encoder, "embeds_windows", False):
        refine = joined_corrections(src_texts, tgt_texts, src_emb, tgt_emb, src.words, tgt.words, raw_beads,
                                    encoder, config)
    src_categories, tgt_categories = src.categories, tgt.categories
    src_peripheral, tgt_peripheral = src.peripheral, tgt.peripheral
    clause_fit = None
    if encoder is not None:
        clause_fit = functools.partial(home_clause_fit, (src_texts, tgt_texts), (source.lang, target.lang),
                                       (src_emb, tgt_emb), encoder, centres or (None, None))
    moved_blocks = (keyed.moved_blocks() if keyed is not None else
                    find_moved_blocks(raw_beads, src_emb, tgt_emb, near, thresholds, src_len, tgt_len,
                                      src_peripheral, tgt_peripheral, clause_fit))
    # The refinement may regroup what the first pass paired, but a sentence that pass left
    # unaligned stays so: a joined text reads a sentence with an unrelated one beside it much as
    # the sentence alone, and let inserted sentences hide in splits (TransRead test: addition F1
    # 0.843 -> 0.809 without this rule, 0.840 with it; omission 0.842 -> 0.819, 0.860 with it).
    unaligned = _unaligned(raw_beads, len(src_emb), len(tgt_emb)) if refine is not None else (None, None)

    def final_pass(pass_config: AlignConfig):
        if keyed is not None:
            return keyed_pass(pass_config)
        if moved_blocks:
            return align_around_blocks(src_emb, tgt_emb, src_len, tgt_len, pass_config, moved_blocks, breaks,
                                       refine, unaligned, ratio)
        return align_embeddings(src_emb, tgt_emb, src_len, tgt_len, pass_config, unaligned[0], unaligned[1],
                                src_breaks=breaks[0], tgt_breaks=breaks[1], corrections=refine, ratio=ratio)

    if moved_blocks or refine is not None:
        # The first pass's beads are Python tuples, about 0.5 KB a bead (47 MB at 100,000
        # sentences): let them go before the second pass makes its own.
        del raw_beads
    # The absorbed check's pass at a lower skip cost reads none of the beads: run here, its DP
    # tables are not held beside the classified beads (the run's peak at 100,000 sentences), and
    # of its beads only the one-sided ones, all that the check reads, are kept.
    proposal = None
    if 0 < thresholds.absorbed_skip < config.skip:
        proposing = replace(config, skip=thresholds.absorbed_skip)
        proposal = [bead for bead in final_pass(proposing) if not bead[0] or not bead[1]]
        omission_tau = thresholds.absorbed_omission_tau
        if omission_tau is not None and omission_tau != config.tau:
            # The source's sentences left out are proposed by a pass at their own tau (see there).
            proposal = ([bead for bead in final_pass(replace(proposing, tau=omission_tau)) if bead[0] and not bead[1]]
                        + [bead for bead in proposal if bead[1]])
    give_back_free_pages()  # what the passes so far freed, before the final pass's tables
    if moved_blocks or refine is not None:
        raw_beads = final_pass(config)
    if config.final() != replace(config, final_tau=None, final_merge_penalty=None):
        # The pairs regrouped at the final pass's own tau and 2-3 penalty, where that leaves alone
        # no sentence the pass above pairs (it may pair one that pass leaves alone, but not one
        # the first pass left alone: those are held out of both when `refine` runs). See
        # AlignConfig.final_tau.
        today = PackedBeads(raw_beads)
        del raw_beads
        raw_beads = regrouped(today, final_pass(config.final()))
        del today
    interrupts.check()  # a Ctrl-C swallowed while numba compiled the DP
    beads = classify_beads(raw_beads, src_emb, tgt_emb, near, thresholds, src_peripheral, tgt_peripheral,
                           src_len, tgt_len, moved_blocks, words=(src.words, tgt.words),
                           paragraphs=(src.paragraphs, tgt.paragraphs), given=keyed is not None)
    del raw_beads  # the beads hold it all now, before the audit's own pass below
    give_back_free_pages()
    paired = [(b.src, b.tgt) for b in beads if b.kind in ("match", "moved")]
    # A sentence said twice on one side is that side's extra, whatever the lengths say; the other
    # tests weigh the pairs without it (the length test took the first of two equal sentences).
    repeated = repeated_in_pairs(paired, src_texts, tgt_texts, src.words, tgt.words, thresholds.fragment_words)
    if repeated[0] or repeated[1]:
        paired = [(tuple(i for i in s if i not in repeated[0]), tuple(j for j in t if j not in repeated[1]))
                  for s, t in paired]
    absorbed = (frozenset(), frozenset())
    if proposal is not None:
        figures = (frozenset(), frozenset())
        if thresholds.absorbed_figures is not None:
            figures = unmatched_figures_in_pairs(paired, (src_texts, tgt_texts), (source.lang, target.lang))
        absorbed = absorbed_sentences(paired, proposal, src_len, tgt_len, thresholds.absorbed_min_length,
                                      thresholds.absorbed_crossed_min_length, figures, thresholds.absorbed_figures,
                                      thresholds.absorbed_both_sides, thresholds.absorbed_sure_tolerance)
        absorbed = translated_in_pair(paired, absorbed, src_emb, tgt_emb, thresholds.absorbed_translated_percentile)
        absorbed = translated_in_clauses(paired, absorbed, (src_texts, tgt_texts), (source.lang, target.lang),
                                         (src_emb, tgt_emb), near, encoder, centres or (None, None),
                                         thresholds.absorbed_clause_margin, proposed_on_two_counts(proposal, figures))
        del proposal
    # Not in a file of a sentence a line: there every sentence is a "paragraph", and every sentence
    # of a 2-1 pair stood in a paragraph of its own (TransRead's Candide as given: 51 sentences left
    # out and 93 added inside pairs, against 6 and 5 with --segmenter lines).
    strays = ((frozenset(), frozenset()) if src.sentence_a_line or tgt.sentence_a_line
              else paragraph_strays(paired, src.paragraphs, tgt.paragraphs, src_emb, tgt_emb))
    # A 2-2 pair whose close pair is weak yet reads closer than the whole bead holds one sentence
    # of each side beside it; taken together they are as sure as `_crossed`'s, so its length floor.
    unrelated = unrelated_in_two_by_two(paired, src_emb, tgt_emb, src_len, tgt_len, thresholds.absorbed_min_length,
                                        thresholds.absorbed_crossed_min_length)
    absorbed = (absorbed[0] | strays[0] | unrelated[0] | repeated[0], absorbed[1] | strays[1] | unrelated[1] | repeated[1])
    if encoder is not None and is_fallback(encoder):
        # What the clause checks' whole-sentence clauses find on USE v3 (see there).
        merged = unrelated_in_merges(paired, src_emb, tgt_emb, src_len, tgt_len, thresholds.absorbed_min_length,
                                     thresholds.fallback_merge_percentile)
        absorbed = (absorbed[0] | merged[0], absorbed[1] | merged[1])
    del paired
    # A list of items on both sides (UI strings, a glossary): each line an item, none a headline. So
    # are the entries of two files paired by their keys, however few: a term base's German column
    # of two terms had the term it lacks reported left out as a headline, editorial, and hidden
    # under --min-severity content.
    lists = keyed is not None or (_listed(src, thresholds.list_item_words) and _listed(tgt, thresholds.list_item_words))
    if lists:
        src_categories, tgt_categories = _categories(source, src_texts, True), _categories(target, tgt_texts, True)
    if keyed is not None:
        data = catalogue_data(source, target)
        src_categories = [("boilerplate" if i in data else category) for i, category in enumerate(src_categories)]
    structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    categories = (src_categories, tgt_categories)
    if keyed is None and verdict(beads, source, target, near, structural, thresholds, categories)["verdict"] == "unrelated":
        # Nothing to audit pair by pair: the pairs that stood were weak ones among unrelated sentences.
        beads = unpaired_when_unrelated(beads, thresholds, near)
        structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    findings = []
    pairs = [b for b in beads if b.kind in ("match", "moved")]
    kept = _metadata_on_one_side(pairs, src.metadata, tgt.metadata)
    for side, doc, notes in (("source", source, src.metadata), ("target", target, tgt.metadata)):
        for sentence_id, prefix in notes:
            if (side, sentence_id) not in kept:
                continue
            findings.append(Finding(
                "metadata", [sentence_id] if side == "source" else [], [sentence_id] if side == "target" else [],
                f"metadata glued to {side} line {doc.sentences[sentence_id].line}: {prefix!r}", "editorial",
                {"text": prefix, "side": side}))
    if facts and pairs:
        findings += _fact_findings(pairs, source, target, src_texts, tgt_texts, absorbed)
        findings += _pair_checks(pairs, source, target, src_texts, tgt_texts, keyed is not None)
    if partial and pairs and encoder is not None:
        clauses, whole = _partial_findings(pairs, source, target, src_texts, tgt_texts, encoder, progress, absorbed)
        findings += clauses
        if whole[0] or whole[1]:
            # A "clause" that is a whole sentence of its pair is that sentence left out or added: said
            # so, and the pair's split or merge judged without it, as for the sentences found above.
            absorbed = (absorbed[0] | whole[0], absorbed[1] | whole[1])
            structural = structural_findings(beads, source, target, src_categories, tgt_categories, absorbed, lists)
    findings = structural + findings
    if keyed is not None:
        # A key the translation writes in another place is no news: the program finds it by its key.
        findings = [finding for finding in findings if finding.type != "moved"]
    findings.sort(key=lambda f: finding_order(f.severity, f.src, f.tgt))
    summary = _summary(beads, findings, source, target)
    summary.update(verdict(beads, source, target, near, findings, thresholds, categories))
    signature = {
        "tool": "align",
        "version": __version__,
        "encoder": encoder.name if encoder is not None else "precomputed",
        # Vectors the caller gave were aligned as given, whatever the encoder named above is.
        "vectors": "given" if vectors_given else "encoder",
        "segmenter": segmenter_name,
        "aligner": config.to_dict(),
        "thresholds": thresholds.to_dict(),
        "languages": f"{source.lang}-{target.lang}",
        # Which checks ran: a report without clause findings may have had none, or not looked.
        "checks": {"facts": bool(facts), "clauses": bool(partial and encoder is not None)},
    }
    skipped = "".join(f"|{name}:off" for name, ran in signature["checks"].items() if not ran)
    # The string names the main numbers and a digest of all of them: two runs whose settings differ
    # anywhere (the skip cost, a threshold) must not print the same signature.
    settings = json.dumps([signature["aligner"], signature["thresholds"]], sort_keys=True)
    signature["string"] = (
        f"align:{__version__}|enc:{signature['encoder']}|seg:{segmenter_name}|"
        f"tau:{config.tau}|margin:{config.margin}|pair:{thresholds.min_pair_cosine}|move:{thresholds.min_move_cosine}"
        f"|settings:{hashlib.sha1(settings.encode('utf-8')).hexdigest()[:8]}"
        f"{'|vectors:given' if vectors_given else ''}{skipped}"
    )
    return AlignmentResult(signature, source, target, beads, findings, summary)


def _metadata_on_one_side(pairs, src_notes, tgt_notes) -> set[tuple[str, int]]:
    """The (side, sentence) metadata notes to report: not those whose pair has one on the other
    side too, as a translation keeps its original's dateline ("BERLIN (Reuters) -" / "Berlin
    (Reuters) –"), which is nothing to tell."""
    src_ids, tgt_ids = {i for i, _ in src_notes}, {j for j, _ in tgt_notes}
    both = set()
    for bead in pairs:
        if src_ids.intersection(bead.src) and tgt_ids.intersection(bead.tgt):
            both.update(("source", i) for i in bead.src)
            both.update(("target", j) for j in bead.tgt)
    return ({("source", i) for i in src_ids} | {("target", j) for j in tgt_ids}) - both


def _unaligned(raw_beads, n_src: int, n_tgt: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the source and target sentences a pass left out of every bead."""
    src, tgt = np.zeros(n_src, dtype=bool), np.zeros(n_tgt, dtype=bool)
    for src_ids, tgt_ids, _gain in raw_beads:
        if not tgt_ids:
            src[list(src_ids)] = True
        if not src_ids:
            tgt[list(tgt_ids)] = True
    return src, tgt


# Paragraphs tell the aligner something only where they hold several sentences: in a file with one
# sentence per line every line is a paragraph, and a 2-1 bead there crosses one by necessity.
MIN_SENTENCES_PER_PARAGRAPH = 1.1


def _paragraph_breaks(paragraph_numbers: list[int]) -> np.ndarray | None:
    """Which sentences open a paragraph, where the document's paragraphs hold several sentences."""
    paragraphs = np.array(paragraph_numbers)
    if len(paragraphs) < 2 or len(paragraphs) < MIN_SENTENCES_PER_PARAGRAPH * len(set(paragraphs.tolist())):
        return None
    return np.concatenate([[False], paragraphs[1:] != paragraphs[:-1]])


# A file of a sentence a line, as corpora are written (TransRead, Text+Berg, Europarl): every
# sentence starts on the line after the one before, for this share of them, and no blank line
# parts them. A text whose one-sentence paragraphs stand between blank lines, or whose lines hold
# a paragraph of several sentences, has paragraphs that say something.
SENTENCE_A_LINE_SHARE = 0.95
SENTENCE_A_LINE_MIN = 20


def _sentence_a_line(doc: Document) -> bool:
    lines = [s.line for s in doc.sentences]
    if len(lines) < SENTENCE_A_LINE_MIN or None in lines:
        return False
    steps = np.diff(np.array(lines))
    return bool(np.mean(steps == 1) >= SENTENCE_A_LINE_SHARE)


def _listed(prepared: PreparedDocument, max_words: int | None) -> bool:
    """Whether a document is a list of items (AuditThresholds.list_item_words): its sentences stand
    in lines of their own (a line of two sentences aside: LIST_SHARE of them), of a median of at most
    `max_words` words. A file of a sentence a line read as one paragraph (the gold sets) is none."""
    count = len(prepared.words)
    if max_words is None or count < LIST_MIN_LINES:
        return False
    return len(set(prepared.paragraphs)) >= LIST_SHARE * count and float(np.median(prepared.words)) <= max_words


def _word_counts(doc: Document) -> list[int]:
    return [word_count(s.text) for s in doc.sentences]


def _categories(doc: Document, texts: list[str], listing: bool = False) -> list[str]:
    """content / editorial / boilerplate for every sentence, read in document order so that a
    line under a "most commented" heading inherits its boilerplate. `listing`: every line is an
    item of a list (`_listed`), none a headline."""
    out: list[str] = []
    paragraph_words: dict[int, int] = {}
    for s, text in zip(doc.sentences, texts):
        paragraph_words[s.paragraph] = paragraph_words.get(s.paragraph, 0) + word_count(text)
    last = max(len(texts) - 1, 1)
    passes_on = False
    for i, (s, text) in enumerate(zip(doc.sentences, texts)):
        context = AdditionContext(
            position=i / last, paragraph_words=paragraph_words[s.paragraph], section_start=i == 0,
            follows_boilerplate=passes_on, same_paragraph=i > 0 and doc.sentences[i - 1].paragraph == s.paragraph,
            list_item=listing or s.verse or bool(LIST_ITEM.match(s.original)))
        # A web page's menu or a PDF's running head is furniture by where it stood, whatever it says;
        # and, boilerplate by its place alone, it passes nothing on: after a page's <title>, every
        # one-sentence paragraph of its article had inherited "boilerplate", one from the next.
        category, passes_on = ("boilerplate", False) if s.furniture else classify_line(s.text, context)
        out.append(category)
    return out


def _joined(texts: list[str], ids) -> str:
    return " ".join(texts[i] for i in ids)


# Sentences either side of a pair's other side where a measure it lacks may stand instead.
STATED_BESIDE_SENTENCES = 2


def _one_sided(mismatch) -> bool:
    """A measure one side of the pair gives and the other lacks (facts.numbers._measures_left_out), or a
    placeholder. Told for a one-to-one pair only: in a pair of several sentences it is mostly a
    sentence paired with the wrong neighbour (the dev audit's "7729 m" in a 2-1 pair beside an
    injected change), or a plural's forms, one against two (dpkg's Russian catalogue: "%d package,
    from the following section:" against its few and many forms)."""
    return mismatch.kind in ("number", "placeholder") and (mismatch.src_value is None) != (mismatch.tgt_value is None)


def _stated_beside(mismatch, bead, src_text, tgt_text, src_texts, tgt_texts, src_lang, tgt_lang) -> bool:
    """Whether a measure one side of the pair gives and the other lacks stands in the sentences
    around the other side: in the dev audit, "250 m" of a French sentence whose German stood in the
    pair before was reported as missing in every variant of the document. `mismatch` is one-sided
    (`_one_sided`), a measure (a placeholder's is `_placeholder_beside`)."""
    if mismatch.tgt_value is None:
        own_text, span, own_lang, others, ids, other_lang = src_text, mismatch.src_span, src_lang, tgt_texts, bead.tgt, tgt_lang
    else:
        own_text, span, own_lang, others, ids, other_lang = tgt_text, mismatch.tgt_span, tgt_lang, src_texts, bead.src, src_lang
    around = others[max(0, min(ids) - STATED_BESIDE_SENTENCES):max(ids) + 1 + STATED_BESIDE_SENTENCES]
    from .audit.facts import figure_stated_in

    return figure_stated_in(own_text, span, own_lang, " ".join(around), other_lang)


def _edge_drawn_across(mismatch, bead, src_text, tgt_text, src_texts, tgt_texts, src_lang, tgt_lang) -> bool:
    """Whether a figure each side of a pair of several sentences gives differently stands, each, in
    the sentences beside the other side: the pair's edge drawn a sentence off, not a fact changed.
    Candide's "The fifth said: ..." / "It now came to the sixth monarch's turn" against "Dixo
    despues el quinto: ...", the "sexto" in the sentence after it, was "sixth vs quinto"."""
    if (mismatch.kind != "number" or mismatch.src_span is None or mismatch.tgt_span is None
            or len(bead.src) + len(bead.tgt) <= 2):
        return False
    from .audit.facts import figure_stated_in

    def beside(texts, ids):
        return " ".join(texts[max(0, min(ids) - STATED_BESIDE_SENTENCES):min(ids)]
                        + texts[max(ids) + 1:max(ids) + 1 + STATED_BESIDE_SENTENCES])

    return (figure_stated_in(src_text, mismatch.src_span, src_lang, beside(tgt_texts, bead.tgt), tgt_lang)
            and figure_stated_in(tgt_text, mismatch.tgt_span, tgt_lang, beside(src_texts, bead.src), src_lang))


def _placeholder_beside(mismatch, bead, source, target) -> bool:
    """Whether a placeholder one side of a one-to-one pair lacks stands in a sentence beside the
    other side's, of the same message (located alike): dpkg's "%s was locked by another process
    with pid %d" / "%s" was two sentences in English, its German one, and the second "%s" was "not
    in the source"."""
    from .audit.facts.quantities import PRINTF_PLACEHOLDER

    if mismatch.tgt_value is None:
        value, others, at = mismatch.src_value, target.sentences, bead.tgt[0]
    else:
        value, others, at = mismatch.tgt_value, source.sentences, bead.src[0]
    conversion = value[-1]
    # A named one ("%{count}", "{0}") by itself; a printf one by its conversion ("%s" is "%1$s").
    return any(others[k].where == others[at].where and (value in others[k].text if conversion == "}" else conversion in {
        m.group(2)[-1] for m in PRINTF_PLACEHOLDER.finditer(others[k].text)})
        for k in (at - 1, at + 1) if 0 <= k < len(others))


def _fact_findings(pairs, source, target, src_texts, tgt_texts, absorbed=(frozenset(), frozenset())) -> list[Finding]:
    """Facts each pair states differently. A sentence reported left out or added inside its pair
    takes no part: the "4" of a sentence added beside "three years" / "τρία χρόνια" was a changed
    number of the faithful pair."""
    from .audit.facts import compare_facts, link_mismatches, name_key, placeholder_mismatches, speaker_mismatches

    out = []
    renderings: dict[tuple[str, str], list[Finding]] = {}
    # A pair with no sentence set aside keeps its own ids (a list each was 21 MB at 100,000 pairs).
    kept = [(bead.src if absorbed[0].isdisjoint(bead.src) else [i for i in bead.src if i not in absorbed[0]] or bead.src,
             bead.tgt if absorbed[1].isdisjoint(bead.tgt) else [j for j in bead.tgt if j not in absorbed[1]] or bead.tgt)
            for bead in pairs]
    # A line given to another speaker: told by the labels of the whole document, not of one pair.
    speakers = speaker_mismatches(kept, src_texts, tgt_texts)
    for index, (bead, (src_ids, tgt_ids)) in enumerate(zip(pairs, kept)):
        src_text, tgt_text = _joined(src_texts, src_ids), _joined(tgt_texts, tgt_ids)
        mismatches = [m for m in compare_facts(src_text, tgt_text, source.lang, target.lang)
                      if m.kind != "placeholder" and (not _one_sided(m) or (
                          len(src_ids) == len(tgt_ids) == 1 and not _stated_beside(
                              m, bead, src_text, tgt_text, src_texts, tgt_texts, source.lang, target.lang)))
                      and not _edge_drawn_across(m, bead, src_text, tgt_text, src_texts, tgt_texts, source.lang,
                                                 target.lang)]
        # A program's placeholders, by the whole pair: a message's arguments are the message's, and
        # a piece of it read as added inside the pair ("%s: 依存関係に問題があります。", dpkg's Japanese
        # catalogue) takes its "%s" with it, a false "%s is not in the target".
        whole = ((src_text, tgt_text) if (list(src_ids), list(tgt_ids)) == (list(bead.src), list(bead.tgt))
                 else (_joined(src_texts, bead.src), _joined(tgt_texts, bead.tgt)))
        if "%" in whole[0] or "%" in whole[1] or "{" in whole[0] or "{" in whole[1]:
            mismatches += [m for m in placeholder_mismatches(*whole)
                           if not _one_sided(m) or (len(bead.src) == len(bead.tgt) == 1
                                                    and not _placeholder_beside(m, bead, source, target))]
        # The originals keep what cleaning took out of the texts: a markdown link's address.
        mismatches += link_mismatches(" ".join(source.sentences[i].original for i in src_ids),
                                      " ".join(target.sentences[j].original for j in tgt_ids), src_text, tgt_text,
                                      source.lang, target.lang)
        if index in speakers:
            mismatches.append(speakers[index])
        # Page furniture on both sides (a PDF's contents, a page's menu or footer): what it states
        # is the pages', not the text's. The Debian FAQ's contents paired entry by entry were some
        # 200 "number 2 vs 3" in each translation's PDF, each at the severity of a changed fact.
        severity = ("boilerplate" if mismatches and all(source.sentences[i].furniture for i in bead.src)
                    and all(target.sentences[j].furniture for j in bead.tgt) else "content")
        for mismatch in mismatches:
            finding = Finding(
                "fact_mismatch", list(bead.src), list(bead.tgt),
                f"{mismatch.message} (source {line_span(source, bead.src)}, target {line_span(target, bead.tgt)})",
                severity,
                {"kind": mismatch.kind, "src_value": mismatch.src_value, "tgt_value": mismatch.tgt_value,
                 "src_line": source.sentences[bead.src[0]].line, "tgt_line": target.sentences[bead.tgt[0]].line})
            if mismatch.kind == "name":
                renderings.setdefault((name_key(mismatch.src_value), name_key(mismatch.tgt_value)), []).append(finding)
            else:
                out.append(finding)
    # A name written the same other way in several pairs is how the translation renders it
    # ("Edward" / "Eduardo", "Majesty" / "Magestad": 20 of the 25 name findings on Candide es's gold
    # pairs), or a change made throughout: said once, as editorial, not once a pair as content.
    for findings in renderings.values():
        if len(findings) == 1:
            out += findings
            continue
        first = findings[0]
        values = first.details
        out.append(Finding(
            "fact_mismatch", first.src, first.tgt,
            f"name {values['src_value']} (source) is {values['tgt_value']} (target) in {len(findings)} pairs, "
            f"the first at source {line_span(source, first.src)}, target {line_span(target, first.tgt)}: the "
            f"translation's rendering of it, or a change made throughout", "editorial",
            {**values, "pairs": len(findings)}))
    return out


# The fewest letters of a string a program's file copies from the other, paired by their keys, to be
# told untranslated ("Group furniture" in a French menu); a name ("Sweet Home 3D") is none.
KEYED_COPY_MIN_LETTERS = 8


def _pair_checks(pairs, source, target, src_texts, tgt_texts, keyed: bool = False) -> list[Finding]:
    """Pairs left in the source language, and pairs far longer or shorter than the document's."""
    from .audit.qa import MIN_LETTERS_UNTRANSLATED, length_outliers, untranslated

    texts = [(_joined(src_texts, b.src), _joined(tgt_texts, b.tgt)) for b in pairs]
    paired = {j for b in pairs for j in b.tgt}
    unpaired = [text for j, text in enumerate(tgt_texts) if j not in paired]
    # --src-lang and --tgt-lang swapped (each text reads as the other's flag, which was warned
    # about): every faithful pair's target would be "in the source's language".
    swapped = (bool(source.sentences) and bool(target.sentences) and source.lang != target.lang
               and dominant_language(source.sentences) == target.lang
               and dominant_language(target.sentences) == source.lang)
    out = []
    copies = KEYED_COPY_MIN_LETTERS if keyed else MIN_LETTERS_UNTRANSLATED
    for issue in ((untranslated(texts, source.lang, target.lang, copies, unpaired) if not swapped else [])
                  + length_outliers(texts)):
        bead = pairs[issue.index]
        where = f"source {line_span(source, bead.src)}, target {line_span(target, bead.tgt)}"
        # Furniture on both sides copied word for word (an e-book's licence, a page's footer, a code
        # listing) is the distributor's, the site's or the program's, in its one language, not text
        # a translator left untranslated: no finding.
        if issue.kind == "untranslated" and (all(source.sentences[i].furniture for i in bead.src)
                                             and all(target.sentences[j].furniture for j in bead.tgt)):
            continue
        out.append(Finding(issue.kind, list(bead.src), list(bead.tgt), f"{issue.message} ({where})",
                           "content" if issue.kind == "untranslated" else "editorial", issue.details))
    return out


# A clause found missing that covers this much of a sentence of a multi-sentence pair is the whole
# sentence: "Nobody was hurt." dropped beside "... for nine hours." was a "clause left out" and a merge.
WHOLE_SENTENCE_SHARE = 0.9


def _partial_findings(pairs, source, target, src_texts, tgt_texts, encoder, progress=False,
                      absorbed=(frozenset(), frozenset())) -> tuple[list[Finding], tuple[set[int], set[int]]]:
    """Clauses one side of a pair has and the other lacks, and the sentences (source, target) that
    such a clause covers whole, which are left out or added rather. A clause inside a sentence that
    is already reported as left out or added within its pair (`absorbed`) is that finding again: an
    inserted German sentence was reported twice, as an addition and as an added clause."""
    from .audit.partial import partial_differences_batch

    batches = partial_differences_batch(
        [(_joined(src_texts, b.src), _joined(tgt_texts, b.tgt)) for b in pairs], encoder, source.lang, target.lang,
        progress=progress)
    out = []
    whole: tuple[set[int], set[int]] = (set(), set())
    for bead, differences in zip(pairs, batches):
        for diff in differences:
            side = "source" if diff.kind == "partial_omission" else "target"
            doc, ids = (source, bead.src) if side == "source" else (target, bead.tgt)
            texts, reported = (src_texts, absorbed[0]) if side == "source" else (tgt_texts, absorbed[1])
            under = _sentences_under(texts, ids, diff.span)
            if reported and set(under) <= reported:
                continue
            if len(ids) > 1 and len(under) == 1 and len(diff.text.strip()) >= WHOLE_SENTENCE_SHARE * len(texts[under[0]].strip()):
                whole[0 if side == "source" else 1].add(under[0])
                continue
            verb = "left out of" if diff.kind == "partial_omission" else "added in"
            out.append(Finding(
                diff.kind, list(bead.src), list(bead.tgt),
                f"clause {verb} the translation ({side} {line_span(doc, ids)}): {diff.text.strip()!r}", "content",
                {"text": diff.text, "score": round(float(diff.score), 4)}))
    return out, whole


def _sentences_under(texts, ids, span) -> list[int]:
    """The sentences of `ids` that `span` (in their joined text, `_joined`) touches."""
    out, start = [], 0
    for i in ids:
        end = start + len(texts[i])
        if start < span[1] and span[0] < end:
            out.append(i)
        start = end + 1
    return out


def _summary(beads, findings, source, target) -> dict:
    count = lambda kind: sum(1 for b in beads if b.kind == kind)  # noqa: E731
    return {
        "source_sentences": len(source.sentences),
        "target_sentences": len(target.sentences),
        "beads": {kind: count(kind) for kind in BEAD_KINDS},
        "findings": findings_by_type(findings),
    }


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


@one_blas_thread
def align_pair(source, target=None, *, src_lang: str | None = None, tgt_lang: str | None = None,
               model: str = DEFAULT_MODEL, encoder: Encoder | None = None, segmenter: str = "auto",
               cache: bool = True, config: AlignConfig | None = None, thresholds: AuditThresholds | None = None,
               facts: bool = True, partial: bool = True, progress: bool = False,
               encoding: str | None = None) -> AlignmentResult:
    """Align a text with its translation and audit the pair.

    `source`/`target` are file paths ("-" = stdin). With `target=None`, `source` is one file that
    holds both languages. `encoding` overrides the detected one. Raises `align.InputError` /
    `align.ModelError` on bad input.
    """
    config, thresholds = _checked_settings(config, thresholds)
    if encoder is None:
        prefetch_encoder(model)
    seg = load_segmenter(segmenter)
    src_doc, tgt_doc = load_documents(source, target, src_lang=src_lang, tgt_lang=tgt_lang, segmenter=seg,
                                      encoding=encoding)
    encoder = as_encoder(encoder) if encoder is not None else encoder_for(model, (src_doc.lang, tgt_doc.lang), cache=cache)
    # The clause checks' thresholds were set on USE v3's similarities; another model's differ.
    partial = partial and not is_fallback(encoder)
    return _run(src_doc, tgt_doc, encoder, config, thresholds, seg.name, facts=facts, partial=partial, progress=progress)


def _checked_settings(config, thresholds) -> tuple[AlignConfig, AuditThresholds]:
    if config is not None and not isinstance(config, AlignConfig):
        raise TypeError(f"config must be an align.AlignConfig, not {type(config).__name__}")
    if thresholds is not None and not isinstance(thresholds, AuditThresholds):
        raise TypeError(f"thresholds must be an align.AuditThresholds, not {type(thresholds).__name__}")
    return config or AlignConfig(), thresholds or AuditThresholds()


@one_blas_thread
def align_sentences(src_sentences: list[str], tgt_sentences: list[str], *, src_lang: str, tgt_lang: str,
                    encoder: Encoder | None = None, config: AlignConfig | None = None,
                    thresholds: AuditThresholds | None = None, src_embeddings=None, tgt_embeddings=None,
                    facts: bool = True, partial: bool = False) -> AlignmentResult:
    """Align pre-segmented sentences (one string each), as the benchmarks do.

    `encoder`: an Encoder, or any object with `encode(list[str])` returning one row per text (a
    SentenceTransformer, a model of your own). By default USE v3, or multilingual-e5 for a language
    USE v3 does not cover (said on stderr), as `align_pair` chooses. `src_embeddings` and
    `tgt_embeddings`: vectors of your own, one row per sentence, both or neither; they are aligned
    as given. Without an encoder beside them, multi-sentence beads are scored on their sentences'
    vectors alone (the joined-text pass needs an encoder) and no clause checks run.
    `facts`: compare the numbers, dates and names of each pair; `partial`: the clause-level checks
    (slow). A bad argument raises TypeError or `align.InputError` (a ValueError) that names it.
    """
    src_sentences = checked_sentences(src_sentences, "src_sentences")
    tgt_sentences = checked_sentences(tgt_sentences, "tgt_sentences")
    src_lang, tgt_lang = checked_language(src_lang, "src_lang"), checked_language(tgt_lang, "tgt_lang")
    src_embeddings, tgt_embeddings = checked_pair_of_embeddings(src_embeddings, tgt_embeddings,
                                                                len(src_sentences), len(tgt_sentences))
    config, thresholds = _checked_settings(config, thresholds)
    source = Document.from_lines("<source>", src_lang, src_sentences)
    target = Document.from_lines("<target>", tgt_lang, tgt_sentences)
    if encoder is not None:
        encoder = as_encoder(encoder)
        if src_embeddings is not None and src_embeddings.shape[1] != encoder.dim:
            # Joined texts and clauses are embedded by the encoder and set against these vectors.
            raise InputError(f"the encoder's vectors are {encoder.dim} wide, the embeddings given {src_embeddings.shape[1]}: "
                             "give the encoder that made them, or none")
    elif src_embeddings is None:
        encoder = encoder_for(DEFAULT_MODEL, (src_lang, tgt_lang), cache=False)
    partial = partial and encoder is not None and not is_fallback(encoder)
    return _run(source, target, encoder, config, thresholds, "lines", src_emb=src_embeddings, tgt_emb=tgt_embeddings,
                facts=facts, partial=partial)
