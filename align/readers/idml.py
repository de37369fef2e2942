"""InDesign Markup Language packages (.idml), as InDesign exports a layout for translation: a zip
of XML parts, `designmap.xml` naming the spreads and the stories, each story's text in
`Stories/Story_<id>.xml`, in `<Content>` inside paragraph and character style ranges, a `<Br/>`
ending each paragraph. Before, an .idml was refused or read as bytes.

Each paragraph of a story is a block located by its story and its place in it, "story u11b,
paragraph 4". Stories are read in the order the spreads place their text frames, first frame
first; a story on master pages only (running heads, folios) is furniture, and so is one no
frame places (overset or unplaced text, in the file but on no page: kept, never dropped), after
the rest. A table's cells are paragraphs in turn. A footnote is a block of its own after its
paragraph. Editorial notes, hidden text and text under a condition set to be hidden are
furniture; text a tracked change deletes is not read, as InDesign shows it; a text variable (a
date, a running head's chapter name) reads as the text it shows.
"""
from __future__ import annotations

import logging
import posixpath
import zipfile
import zlib
from xml.etree import ElementTree

from ..errors import InputError
from .base import Block, Package, Reader, broken, tidy

logger = logging.getLogger("align")

IDML_MIMETYPE = b"application/vnd.adobe.indesign-idml-package"
_PACKAGING = "{http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging}"
# Characters InDesign writes in <Content> that are no text: the zero-width marker of an anchored
# object or a note (U+FEFF), and a zero-width space.
_NO_TEXT = dict.fromkeys(map(ord, "\ufeff\u200b"), None)
# Elements whose text is set apart from the running paragraph: (furniture, what they are).
_ASIDES = {"Footnote": False, "Note": True, "HiddenText": True}


def _story_ids_by_frames(archive: Package, spreads: list[str]) -> list[str]:
    """The stories the text frames of `spreads` place, first frame first, each once."""
    out: list[str] = []
    for part in spreads:
        root = ElementTree.fromstring(archive.read(part))
        for frame in root.iter("TextFrame"):
            story = frame.get("ParentStory", "")
            if story and story not in out:
                out.append(story)
    return out


class _Story:
    """The paragraphs of one story, each (text, furniture), and its asides after each."""

    def __init__(self, hidden_conditions: frozenset[str]) -> None:
        self.hidden_conditions = hidden_conditions
        self.paragraphs: list[tuple[str, bool]] = []  # every paragraph, empty ones too: they are counted
        self.pieces: list[str] = []
        self.furniture_pieces = 0
        self.text_pieces = 0
        self.asides: list[tuple[ElementTree.Element, bool]] = []
        self.after: dict[int, list[tuple[ElementTree.Element, bool]]] = {}

    def end_paragraph(self) -> None:
        text = tidy("".join(self.pieces).translate(_NO_TEXT), keep_no_break=True)
        furniture = self.furniture_pieces > 0 and self.text_pieces == 0
        self.paragraphs.append((text, furniture))
        if self.asides:
            self.after[len(self.paragraphs) - 1] = self.asides
        self.pieces, self.asides, self.furniture_pieces, self.text_pieces = [], [], 0, 0

    def read(self, element: ElementTree.Element, furniture: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag == "Content":
                text = child.text or ""
                self.pieces.append(text.replace("\u2028", "\n"))  # a forced line break stays one
                if text.strip():
                    self.furniture_pieces += furniture
                    self.text_pieces += not furniture
            elif tag == "TextVariableInstance":  # a date, a chapter's name: shown as its result
                self.pieces.append(child.get("ResultText", ""))
            elif tag == "Br":
                self.end_paragraph()
            elif tag in _ASIDES:
                self.asides.append((child, furniture or _ASIDES[tag]))
            elif tag == "Change" and child.get("ChangeType") == "DeletedText":
                continue  # InDesign shows the text as it stands with its changes accepted
            elif tag in ("Table", "Cell"):
                self.end_paragraph_if_open()
                self.read(child, furniture)
                self.end_paragraph_if_open()
            elif tag == "ParagraphStyleRange":
                self.read(child, furniture or self.conditional(child))
                self.end_paragraph_if_open()
            elif tag == "CharacterStyleRange":
                self.read(child, furniture or self.conditional(child))
            elif tag not in ("Properties", "StoryPreference", "InCopyExportOption"):
                self.read(child, furniture)

    def conditional(self, element: ElementTree.Element) -> bool:
        return any(condition in self.hidden_conditions for condition in element.get("AppliedConditions", "").split())

    def end_paragraph_if_open(self) -> None:
        if "".join(self.pieces).strip():
            self.end_paragraph()
        else:
            self.pieces = []


def _hidden_conditions(designmap: ElementTree.Element) -> frozenset[str]:
    return frozenset(condition.get("Self", "") for condition in designmap.iter("Condition")
                     if condition.get("Visible") == "false")


def _story_blocks(root: ElementTree.Element, story_id: str, furniture: bool, hidden: frozenset[str]) -> list[Block]:
    story = _Story(hidden)
    for element in root.iter("Story"):
        story.read(element)
    story.end_paragraph_if_open()
    out: list[Block] = []
    for number, (text, own_furniture) in enumerate(story.paragraphs, 1):
        locator = f"story {story_id}, paragraph {number}"
        if text:
            out.append(Block(text, locator, furniture=furniture or own_furniture))
        for aside, aside_furniture in story.after.get(number - 1, []):
            note = _Story(hidden)
            note.read(aside, aside_furniture)
            note.end_paragraph_if_open()
            kind = "footnote" if aside.tag == "Footnote" else aside.tag.lower()
            out += [Block(note_text, f"{locator}, {kind}", furniture=furniture or aside_furniture or note_furniture)
                    for note_text, note_furniture in note.paragraphs if note_text]
    return out


def _stories_in_order(archive: Package, designmap: ElementTree.Element):
    """(story id, its root, furniture, placed on no page) of each story, in reading order: those the
    spreads place, then those on master spreads only, then those no frame places; a story anchored
    in another (a frame that moves with its paragraph) right after that one, placed as it is."""
    stories = {posixpath.basename(part.get("src", "")).removeprefix("Story_").removesuffix(".xml"): part.get("src", "")
               for part in designmap.iter(_PACKAGING + "Story")}
    spreads = [part.get("src", "") for part in designmap.iter(_PACKAGING + "Spread")]
    masters = [part.get("src", "") for part in designmap.iter(_PACKAGING + "MasterSpread")]
    placed = [story for story in _story_ids_by_frames(archive, spreads) if story in stories]
    on_masters = [story for story in _story_ids_by_frames(archive, masters) if story in stories]
    read: set[str] = set()
    for story_ids, furniture, unplaced in ((placed, False, False), (on_masters, True, False), (list(stories), True, True)):
        waiting = list(story_ids)
        while waiting:
            story_id = waiting.pop(0)
            if story_id in read:
                continue
            read.add(story_id)
            root = ElementTree.fromstring(archive.read(stories[story_id]))
            yield story_id, root, furniture, unplaced
            waiting[:0] = [frame.get("ParentStory", "") for frame in root.iter("TextFrame")
                           if frame.get("ParentStory", "") in stories]


class IdmlReader(Reader):
    name = "idml"
    suffixes = (".idml",)

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and IDML_MIMETYPE in data[:200]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        out: list[Block] = []
        unplaced_text = []
        try:
            archive = Package(data, label)
            designmap = ElementTree.fromstring(archive.read("designmap.xml"))
            hidden = _hidden_conditions(designmap)
            for story_id, root, furniture, unplaced in _stories_in_order(archive, designmap):
                found = _story_blocks(root, story_id, furniture, hidden)
                if found and unplaced:
                    unplaced_text.append(story_id)
                out += found
        except InputError:
            raise  # too large unzipped: said as for every package
        # ValueError and RuntimeError: a damaged zip header ("negative seek value", "is encrypted"), found by fuzzing.
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, zlib.error, EOFError, NotImplementedError,
                RecursionError, ValueError, OSError, RuntimeError) as error:
            raise broken(label, "an InDesign IDML package", error) from error
        if unplaced_text:
            logger.warning("%s: stor%s %s placed in no text frame of a page, read as boilerplate after the rest",
                           label, "ies" if len(unplaced_text) > 1 else "y", ", ".join(unplaced_text))
        return out
