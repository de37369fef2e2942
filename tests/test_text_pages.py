"""A text dumped from a printed book (pdftotext, OCR, "Save as text"): hard-wrapped, its pages
parted by form feeds or blank lines, each with a running head and a page number, a sentence and
sometimes a word running over the page break. It must read as the same sentences as the clean
text, its furniture listed after the text as a PDF's is."""
from __future__ import annotations

import textwrap

import pytest

from align.documents import load_sentences
from align.reading import read_input
from align.segmenters import load_segmenter

# An invented story: paragraphs long enough that sentences run over the page breaks.
PARAGRAPHS = [
    "The lighthouse keeper rose before dawn every morning of the year, and the first thing he did was "
    "climb the hundred and twelve steps to the lamp room. He cleaned the great lens with a soft cloth, "
    "trimmed the wick and wrote the hour in a thick logbook that his father had kept before him.",
    "Nobody in the village remembered a time when the light had failed. Fishermen said that on the "
    "darkest nights of winter they could see its beam from forty miles out, sweeping across the water "
    "like the arm of a patient giant who had nothing better to do than wait for them to come home.",
    "One autumn a young woman arrived on the supply boat with a leather bag and a letter from the harbour "
    "office. She had been sent to learn the work, the letter said, because the keeper was getting old "
    "and the office did not want the light to go out when he could no longer climb the stairs.",
    "He read the letter twice, folded it carefully and put it in the drawer of the kitchen table. Then "
    "he made tea for both of them and asked her whether she was afraid of storms, of heights, or of "
    "long evenings with nobody to talk to but the gulls and an old man who did not talk much either.",
    "She said that she was afraid of none of those things, which was not quite true. The storms "
    "frightened her a little, especially the first one, when the whole tower seemed to hum like a "
    "string and the windows of the lamp room turned white with spray for the better part of an hour.",
    "By the end of the winter she could trim the wick faster than he could, and she had started to "
    "keep the logbook in her own small and careful handwriting. He pretended not to notice, but in "
    "the evenings he sometimes read her entries aloud, slowly, as if they were the lines of a poem.",
    "In the spring the harbour office wrote again to ask whether the training was going well. The "
    "keeper answered that it was going very well indeed, and that the office would do better to send "
    "a new boat than another apprentice, since the old one leaked and the new keeper could not swim.",
    "The boat came in June, painted blue, with her name written on the bow in white letters. She "
    "laughed when she saw it, and he said that it was only fair, because a lighthouse needs a keeper "
    "and a keeper needs a boat, and the sea has never cared much for fairness or for old men's plans.",
]
TITLE, CHAPTER = "THE KEEPER OF THE LIGHT", "CHAPTER III"


def _dump(width: int, lines_a_page: int, number: str, at_top: bool, form_feeds: bool, alternate: bool,
          hyphenate: bool = False) -> tuple[str, list[str]]:
    """The paragraphs as a page dump, and its furniture lines in the order they stand."""
    body: list[str] = []
    for paragraph in PARAGRAPHS:
        body += textwrap.wrap(paragraph, width) + [""]
    pages = [body[k:k + lines_a_page] for k in range(0, len(body), lines_a_page)]
    if hyphenate:
        # A word cut at the foot of a page, its end at the head of the next one.
        for page, following in zip(pages, pages[1:]):
            if page[-1] and following[0]:
                first, _, rest = following[0].partition(" ")
                if len(first) >= 5 and first.isalpha() and len(page[-1]) + len(first) // 2 + 2 <= width:
                    page[-1] += " " + first[:len(first) // 2] + "-"
                    following[0] = first[len(first) // 2:] + " " + rest
    texts, furniture = [], []
    for k, page in enumerate(pages, start=1):
        head = (TITLE if k % 2 == 0 else CHAPTER) if alternate else TITLE
        figure = number.format(k)
        if at_top:
            texts.append("\n".join([head, figure, ""] + page))
            furniture += [head, figure]
        else:
            texts.append("\n".join([head, ""] + page + ["", figure]))
            furniture += [head, figure]
    return ("\n\f" if form_feeds else "\n\n\n").join(texts) + "\n", furniture


def _sentences(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_input(str(path)), load_sentences(read_input(str(path)), load_segmenter("auto"))


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("width, lines_a_page, number, at_top, form_feeds, alternate, hyphenate", [
    (66, 13, "— {} —", False, True, True, False),   # pdftotext: form feeds, book and chapter title by turns
    (70, 11, "{}", True, True, False, True),         # a figure alone under the head, a word cut over the break
    (64, 13, "Page {}", False, False, True, True),    # no form feeds: pages parted by blank lines, a word cut
    (68, 10, "- {} -", True, False, False, False),
])
def test_a_page_dump_reads_as_the_clean_text(tmp_path, width, lines_a_page, number, at_top, form_feeds,
                                             alternate, hyphenate):
    # Read as plain text, each running head and page number was a "sentence" of its own or glued
    # into the sentence the page break cut ("... the darkest nights of — 2 — THE KEEPER OF THE
    # LIGHT winter they could see ..."), and a word cut over the break stayed cut.
    clean = [_words(s.text) for s in _sentences(tmp_path, "clean.txt", "\n\n".join(PARAGRAPHS) + "\n")[1]]
    dump, furniture = _dump(width, lines_a_page, number, at_top, form_feeds, alternate, hyphenate)
    if hyphenate:
        assert any(line.endswith("-") for line in dump.split("\n"))
    raw, sentences = _sentences(tmp_path, "dump.txt", dump)
    assert [_words(s.text) for s in sentences if not s.furniture] == clean
    # Not dropped: listed after the text, as boilerplate, each by the line it stands on in the file.
    listed = [s for s in sentences if s.furniture]
    assert [s.original for s in listed] == furniture
    file_lines = dump.split("\n")
    for sentence in listed:
        assert file_lines[int(sentence.locator.split()[-1]) - 1].strip("\f") == sentence.original
    # Every sentence is found by the line of the file it starts on.
    for sentence in sentences:
        assert sentence.locator.startswith("line ")
        line = file_lines[int(sentence.locator.split()[-1]) - 1]
        assert sentence.original.split()[0] in line


def test_a_text_without_pages_reads_as_before(tmp_path):
    # Short numbered chapters: their numbers count on by one, but the chapters are of no one length,
    # and a heading is no page number.
    chapters = []
    for k, paragraph in enumerate(PARAGRAPHS[:6], start=1):
        chapters.append(f"{k}\n\n" + "\n".join(textwrap.wrap(paragraph * (1 + k % 3), 70)))
    raw, sentences = _sentences(tmp_path, "chapters.txt", "\n\n".join(chapters) + "\n")
    assert not raw.spans and not any(s.furniture for s in sentences)
    assert [s.text for s in sentences if s.text.isdigit()] == ["1", "2", "3", "4", "5", "6"]


def test_form_feeds_without_furniture_read_as_before(tmp_path):
    # Pages with no running head nor page number: nothing is taken out, and a one-line paragraph at a
    # page's top ("Epilogue") stays where it stands.
    pages = ["\n".join(textwrap.wrap(paragraph, 70)) for paragraph in PARAGRAPHS[:4]]
    pages[2] = "Epilogue\n\n" + pages[2]
    raw, sentences = _sentences(tmp_path, "pages.txt", "\n\f".join(pages) + "\n")
    assert not raw.spans and not any(s.furniture for s in sentences)
    assert "Epilogue" in [s.text for s in sentences]


def test_a_heading_at_a_pages_top_stays_text(tmp_path):
    # A page dump whose fourth page opens a part with its heading, under the running head: a line at
    # the page's edge, but on no other page, so no furniture.
    dump, furniture = _dump(66, 12, "— {} —", False, True, True)  # each page opens a paragraph
    pages = dump.split("\f")
    head, rest = pages[3].split("\n", 1)
    pages[3] = head + "\nEpilogue\n" + rest
    raw, sentences = _sentences(tmp_path, "dump.txt", "\f".join(pages))
    assert [s.original for s in sentences if s.furniture] == furniture
    assert "Epilogue" in [s.text for s in sentences if not s.furniture]


def test_chapter_headings_that_count_on_are_no_page_numbers(tmp_path):
    # A book one sentence a line whose chapters, about one length, open with "CHAPTER 2", "CHAPTER 3":
    # figures that count on by one at regular intervals, as page numbers do (the opening chapters of
    # Twenty Thousand Leagues in the TransRead set), read as pages and their headings as furniture.
    # A chapter's heading follows the end of a sentence; a printed page breaks off inside one.
    sentences = [sentence.strip() + "." for paragraph in PARAGRAPHS for sentence in paragraph.split(". ")]
    chapters = [f"CHAPTER {k}\n" + "\n".join((sentences * 2)[k * 5:k * 5 + 10 + k % 3]) for k in range(1, 6)]
    raw, read = _sentences(tmp_path, "book.txt", "\n".join(chapters) + "\n")
    assert not raw.spans and not any(s.furniture for s in read)
    assert [s.text for s in read if s.text.startswith("CHAPTER")] == [f"CHAPTER {k}" for k in range(1, 6)]
