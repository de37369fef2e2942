"""The Bible benchmark's gold: sentence beads read off the verse numbers (benchmarks/bible.py).

The SWORD modules are not needed here: the verses below are Ruth 1:1-3 as the KJV and the
Reina-Valera 1909 print them."""
from align.segmenters import load_segmenter
from benchmarks.bible import chapter_sentences, consistent_counts, verse_beads

KJV = [
    "Now it came to pass in the days when the judges ruled, that there was a famine in the land. And a certain "
    "man of Beth-lehem-judah went to sojourn in the country of Moab, he, and his wife, and his two sons.",
    "And the name of the man was Elimelech, and the name of his wife Naomi, and the name of his two sons Mahlon "
    "and Chilion, Ephrathites of Beth-lehem-judah. And they came into the country of Moab, and continued there.",
    "And Elimelech Naomi’s husband died; and she was left, and her two sons.",
]
RV1909 = [
    "Y ACONTECIÓ en los días que gobernaban los jueces, que hubo hambre en la tierra. Y un varón de Beth-lehem "
    "de Judá, fué á peregrinar en los campos de Moab, él y su mujer, y dos hijos suyos.",
    "El nombre de aquel varón era Elimelech, y el de su mujer Noemi; y los nombres de sus dos hijos eran, Mahalón "
    "y Chelión, Ephrateos de Beth-lehem de Judá. Llegaron pues á los campos de Moab, y asentaron allí.",
    "Y murió Elimelech, marido de Noemi, y quedó ella con sus dos hijos;",
]


def test_a_chapter_is_cut_by_aligns_segmenter_and_each_sentence_knows_its_verses():
    segmenter = load_segmenter("sentence-splitter")
    sentences, verses = chapter_sentences(KJV, "en", segmenter)
    assert sentences[0] == "Now it came to pass in the days when the judges ruled, that there was a famine in the land."
    assert len(sentences) == 5
    assert verses == [{0}, {0}, {1}, {1}, {2}]
    # Every character of the verses is in a sentence, in order.
    assert "".join(sentences).replace(" ", "") == "".join(KJV).replace(" ", "")


def test_gold_beads_are_the_groups_of_sentences_that_share_verses():
    # Verse 0: two sentences a side; verse 1: one English sentence, two Spanish; a Spanish
    # sentence that runs over verses 2 and 3 joins them; verse 4 is English only.
    src = [{0}, {0}, {1}, {2}, {3}, {4}]
    tgt = [{0}, {0}, {1}, {1}, {2, 3}]
    assert verse_beads(src, tgt) == [((0, 1), (0, 1)), ((2,), (2, 3)), ((3, 4), (4,)), ((5,), ())]


def test_consistent_counts_take_pairs_inside_a_gold_bead_as_right():
    gold = [((0, 1), (0, 1)), ((2,), (2, 3)), ((3,), ())]
    # 0-0 and 1-1 lie inside the first gold bead and cover it; 2-2 lies inside the second but
    # leaves target 3 out; 3-3 crosses two gold beads.
    predicted = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert consistent_counts(gold, predicted) == (3, 4, 1, 2)


def test_the_two_translations_of_ruth_1_1_3_give_a_bead_a_verse_or_finer():
    segmenter = load_segmenter("sentence-splitter")
    _, src_verses = chapter_sentences(KJV, "en", segmenter)
    _, tgt_verses = chapter_sentences(RV1909, "es", segmenter)
    beads = verse_beads(src_verses, tgt_verses)
    assert [len(src) for src, _ in beads] == [2, 2, 1]
    assert all(tgt for _, tgt in beads)
