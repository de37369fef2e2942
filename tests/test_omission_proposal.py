"""A sentence left out of the translation, absorbed into its neighbour's pair, is proposed by the
source side's own pass (AuditThresholds.absorbed_omission_tau).

Text+Berg dev (de-fr), 60 gold beads with the French of one 1-1 bead taken out: at the aligner's
tau the pass that proposes absorbed sentences keeps the German sentence in its neighbour's pair,
and the audit says nothing but an editorial merge.
"""
from dataclasses import replace

import pytest
from conftest import DATA

from align import AuditThresholds, align_sentences
from benchmarks.data import load

if not (DATA / "text-berg-de-fr").exists():
    pytest.skip("benchmark data not present (../shared/data)", allow_module_level=True)


def test_a_sentence_left_out_beside_its_neighbour_is_an_omission(use_encoder):
    [doc] = load("textberg", "dev", DATA)
    beads = doc.gold[330:390]
    src = [doc.src[i] for s, _ in beads for i in s]
    tgt = [doc.tgt[j] for k, (_, t) in enumerate(beads) if k != 30 for j in t]
    (left_out,) = [sum(len(s) for s, _ in beads[:30])]
    embedded = {"src_embeddings": use_encoder.encode(src), "tgt_embeddings": use_encoder.encode(tgt)}

    result = align_sentences(src, tgt, src_lang="de", tgt_lang="fr", encoder=use_encoder, **embedded)
    assert any(f.type == "omission" and left_out in f.src for f in result.findings)

    at_the_aligners_tau = replace(AuditThresholds(), absorbed_omission_tau=None)
    before = align_sentences(src, tgt, src_lang="de", tgt_lang="fr", encoder=use_encoder,
                             thresholds=at_the_aligners_tau, **embedded)
    assert not any(f.type == "omission" and left_out in f.src for f in before.findings)
