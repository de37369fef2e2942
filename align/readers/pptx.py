"""PowerPoint slide decks (.pptx): each slide's text in the order its shapes stand in the slide
(titles, text boxes, table cells, grouped shapes, SmartArt diagrams and charts), then the text it
shows from its layout and master (their own shapes, not their placeholders' prompts) as furniture,
once, "master, slide 3", then its speaker notes, located by the slide ("slide 3", "slide 3, notes"),
a chart or diagram on the notes page too ("chart on slide 3, notes"; before, not read). A paragraph
of a shape is a block; a line break inside it (Shift+Enter) goes on with its sentence, as a wrapped line does. Slide numbers, dates and footers, and the
alternative text of pictures, are page furniture (reported as boilerplate, never dropped). Slides
are read in the order the presentation shows them, hidden ones too (they are in the file the
translator was given), and a warning names those.

A SmartArt diagram's and a chart's text live in parts of their own, which the slide's graphic
frame names by a relationship: before, neither was read, and a translator never saw a diagram or a
chart left untranslated. A diagram's nodes are read from its data model (`ppt/diagrams/data1.xml`)
in the order of its outline, each paragraph once (PowerPoint's drawing of it, `drawing1.xml`,
holds a second copy of the same words, not read), located "diagram on slide 3". A chart's title,
axis titles, series names, category labels, text typed into its data labels and its own text
boxes are read as text, "chart on slide 3"; a category that is a number or a date is furniture,
and so are the plotted figures where its data labels show them (else they are not read: the
chart shows them as bars, not words). Word's reader reads the same parts
with these functions (`graphic_blocks`). A reviewer's comments are not the slide's text: read as
furniture, "comment on slide 3", so that none is lost unsaid.

Read with the standard library, as Word files are: a .pptx is a zip of XML parts.
"""
from __future__ import annotations

import datetime
import logging
import posixpath
import re
import zipfile
import zlib
from dataclasses import replace
from xml.etree import ElementTree

from ..errors import InputError
from .base import Block, Package, Reader, broken, refuse_ole, tidy

logger = logging.getLogger("align")

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SLIDE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
_LAYOUT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout"
_MASTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster"
# A slide's comments: PowerPoint 2007-2019's, and the threaded ones of Microsoft 365.
_COMMENTS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
             "http://schemas.microsoft.com/office/2018/10/relationships/comments")
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
C15 = "{http://schemas.microsoft.com/office/drawing/2012/chart}"
CX = "{http://schemas.microsoft.com/office/drawing/2014/chartex}"
_USER_SHAPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes"
# Placeholders PowerPoint fills itself: the slide's number, the date, the footer; in the notes,
# the slide's picture and its number too.
_FURNITURE_PLACEHOLDERS = frozenset(("sldNum", "dt", "ftr", "hdr", "sldImg"))


def _relations(archive: Package, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of `part`: id -> (type, the target part's name)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except KeyError:
        return {}
    return {rel.get("Id", ""): (rel.get("Type", ""), posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
            for rel in root.iter(_RELS + "Relationship") if rel.get("TargetMode") != "External"}


def _part_root(archive: Package, name: str) -> ElementTree.Element | None:
    """The XML of part `name`, None where the package lacks it (a relationship to a part left out)."""
    try:
        return ElementTree.fromstring(archive.read(name))
    except KeyError:
        return None


# A label that is a figure (a year, an amount, a date as Excel's serial number): no words to
# translate, as a table's figures are.
_FIGURE = re.compile(r"[-+−]?[\d\s.,:/%]*\d[\d\s.,:/%]*(?:[eE][-+]?\d+)?")


def _label_block(text: str, locator: str, furniture: bool) -> Block | None:
    text = tidy(text, keep_no_break=True)
    if not text:
        return None
    return Block(text, locator, furniture=furniture or _FIGURE.fullmatch(text) is not None)


# A number format that shows a date: its day, month or year codes outside quoted text.
_DATE_CODE = re.compile(r"(?<![\\_])[dmy]", re.IGNORECASE)


def _shown_figure(value: str, format_code: str) -> str:
    """A chart's figure as a label shows it: a date format's serial number as the date (ISO 8601;
    37261 is 2002-01-05, not "37261.0"), a percentage format's fraction as a percentage (0.25 is
    25%), a whole number without Excel's ".0"."""
    try:
        number = float(value)
    except ValueError:
        return value
    code = re.sub(r'"[^"]*"|\[[^]]*]', "", format_code)
    if _DATE_CODE.search(code) and 0 < number < 2958466:
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(number))).isoformat()
    if "%" in code:
        return f"{round(number * 100, 6):g}%"
    return str(int(number)) if number.is_integer() else value


def _rich_paragraphs(element: ElementTree.Element, locator: str, furniture: bool) -> list[Block]:
    """Each DrawingML paragraph (a:p) under `element` as a block: a title, a diagram's node."""
    out = []
    for paragraph in element.iter(A + "p"):
        block = _label_block(_paragraph_text(paragraph), locator, furniture)
        if block:
            out.append(block)
    return out


def _diagram_points(model: ElementTree.Element) -> list[ElementTree.Element]:
    """A SmartArt data model's points in the order of its outline (the text pane's order): the
    document point's children by their order, each followed by its own children; then any point
    the outline does not reach, as the file lists them. The file lists its points in the order they
    were made, not shown."""
    points = {point.get("modelId"): point for point in model.iter(DGM + "pt")}
    children: dict[str, list[tuple[int, str]]] = {}
    for connection in model.iter(DGM + "cxn"):
        if connection.get("type", "parOf") == "parOf":
            try:
                order = int(connection.get("srcOrd", "0"))
            except ValueError:
                order = 0
            children.setdefault(connection.get("srcId", ""), []).append((order, connection.get("destId", "")))
    ordered: list[ElementTree.Element] = []
    seen: set[str] = set()
    roots = [key for key, point in points.items() if point.get("type") == "doc"]
    stack = list(reversed(roots))
    while stack:
        key = stack.pop()
        if key in seen or key not in points:
            continue
        seen.add(key)
        ordered.append(points[key])
        stack += [child for _order, child in sorted(children.get(key, []), reverse=True)]
    return ordered + [point for key, point in points.items() if key not in seen]


def _diagram_blocks(model: ElementTree.Element, locator: str, furniture: bool) -> list[Block]:
    """The text of a SmartArt diagram's nodes (and of a connector or shape given text of its own),
    paragraph by paragraph, in the outline's order."""
    out = []
    for point in _diagram_points(model):
        if point.get("type") == "doc":  # the diagram itself: no text of its own
            continue
        for text in point.findall(DGM + "t"):
            out += _rich_paragraphs(text, locator, furniture)
    return out


def _chart_text(element: ElementTree.Element) -> list[str]:
    """The text of a chart's c:tx (or a title's): its rich paragraphs, else the cached cell text
    it refers to, else the text written in it."""
    paragraphs = [_paragraph_text(paragraph) for paragraph in element.iter(A + "p")]
    if any(text.strip() for text in paragraphs):
        return paragraphs
    return [value.text or "" for value in element.iter(C + "v")] or [element.text or ""]


def _shows_values(series: ElementTree.Element, chart_type: ElementTree.Element) -> bool:
    """Whether a series' data labels show its values: its own c:dLbls says so, else its chart type's."""
    for labels in (series.find(C + "dLbls"), chart_type.find(C + "dLbls")):
        if labels is None:
            continue
        for switch in ("delete", "showVal"):  # labels deleted show nothing
            found = labels.find(C + switch)
            if found is not None and (switch == "showVal" or found.get("val", "1").lower() in ("1", "true")):
                return switch == "showVal" and found.get("val", "1").lower() in ("1", "true")
    return False


def _chart_blocks(chart: ElementTree.Element, locator: str, furniture: bool) -> list[Block]:
    """A chart's words as the chart shows them: its title, then in the order the file keeps them its
    series' names, their category labels (each once: every series repeats them), the text typed
    into data labels or taken for them from cells, and the axes' titles. A category that is a figure
    is furniture; the plotted values are not read."""
    out: list[Block] = []
    categories: set[str] = set()

    def add(texts, as_furniture=False):
        for text in texts:
            block = _label_block(text, locator, furniture or as_furniture)
            if block:
                out.append(block)

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag in (C + "title", C + "dispUnitsLbl") or (tag == C + "dLbl" and child.find(C + "tx") is not None):
                found = child.find(C + "tx")
                if found is not None:
                    add(_chart_text(found))
            elif tag == C + "ser":
                found = child.find(C + "tx")
                if found is not None:
                    add(_chart_text(found))
                walk(child)
                if _shows_values(child, element):  # its data labels show its figures: furniture
                    figures = child.find(f"{C}val/{C}numRef/{C}numCache")
                    if figures is None:
                        figures = child.find(f"{C}yVal/{C}numRef/{C}numCache")
                    code = figures.findtext(C + "formatCode", "") if figures is not None else ""
                    add([_shown_figure(value.text or "", code) for value in
                         (figures.iter(C + "v") if figures is not None else ())], as_furniture=True)
            elif tag in (C + "cat", C + "xVal"):
                figures = child.find(f".//{C}numCache")
                code = figures.findtext(C + "formatCode", "") if figures is not None else ""
                for value in child.iter(C + "v"):
                    text = tidy(value.text or "")
                    if text not in categories:
                        categories.add(text)
                        add([_shown_figure(text, code) if figures is not None else text], as_furniture=figures is not None)
            elif tag == C15 + "dlblRangeCache" or tag == C + "name":  # labels from cells, a trendline's name
                add([value.text or "" for value in child.iter(C + "v")] if tag != C + "name" else [child.text or ""])
            elif tag in (C + "val", C + "yVal", C + "bubbleSize", C + "txPr", C + "spPr", C + "f", MC + "Fallback"):
                continue  # figures, formatting, a cell's address, a second copy of a choice
            else:
                walk(child)

    walk(chart)
    return out


def _chartex_blocks(chart: ElementTree.Element, locator: str, furniture: bool) -> list[Block]:
    """An Office 2016 chart's (waterfall, treemap, sunburst...) words: its titles, series names and
    text categories, in the file's order; its figures are not read."""
    out: list[Block] = []
    seen: set[str] = set()
    for element in chart.iter():
        if element.tag in (CX + "title", CX + "series"):
            found = element.find(CX + "tx")
            texts = [] if found is None else (
                [_paragraph_text(p) for p in found.iter(A + "p")] or [v.text or "" for v in found.iter(CX + "v")])
        elif element.tag == CX + "strDim" and element.get("type", "cat") == "cat":
            texts = [pt.text or "" for pt in element.iter(CX + "pt") if tidy(pt.text or "") not in seen]
            seen.update(tidy(text) for text in texts)
        else:
            continue
        for text in texts:
            block = _label_block(text, locator, furniture)
            if block:
                out.append(block)
    return out


def _user_shapes(archive: Package, part: str, locator: str, furniture: bool) -> list[Block]:
    """The text boxes drawn on a chart (its chartDrawing part)."""
    out = []
    for kind, target in _relations(archive, part).values():
        root = _part_root(archive, target) if kind == _USER_SHAPES else None
        if root is not None:
            out += _rich_paragraphs(root, locator, furniture)
    return out


def graphic_blocks(archive: Package, relations: dict[str, tuple[str, str]], element: ElementTree.Element,
                   where: str, furniture: bool = False) -> list[Block]:
    """The text of the SmartArt diagram or chart that `element` (a dgm:relIds, c:chart or cx:chart
    of a graphic frame) names through `relations`, its part's relationships; located "diagram
    `where`" or "chart `where`" ("on slide 3", "in paragraph 12"). Empty for any other element."""
    tag = element.tag
    if tag == DGM + "relIds":
        kind, key = "diagram", element.get(R + "dm", "")
    elif tag in (C + "chart", CX + "chart"):
        kind, key = "chart", element.get(R + "id", "")
    else:
        return []
    target = relations.get(key, ("", ""))[1]
    root = _part_root(archive, target) if target else None
    if root is None:
        return []
    locator = f"{kind} {where}"
    if kind == "diagram":
        return _diagram_blocks(root, locator, furniture)
    if tag == CX + "chart":
        return _chartex_blocks(root, locator, furniture) + _user_shapes(archive, target, locator, furniture)
    return _chart_blocks(root, locator, furniture) + _user_shapes(archive, target, locator, furniture)


def comment_blocks(archive: Package, part: str, where: str) -> list[Block]:
    """A slide's comments (and their replies) as furniture: a reviewer's words, not the slide's."""
    out = []
    for kind, target in _relations(archive, part).values():
        root = _part_root(archive, target) if kind in _COMMENTS else None
        if root is None:
            continue
        for element in root.iter():
            name = element.tag.rpartition("}")[2]
            if name == "text" and element.tag == P + "text":  # PowerPoint 2007-2019: p:cm/p:text
                block = _label_block(element.text or "", f"comment {where}", True)
                out += [block] if block else []
            elif name == "txBody":  # a threaded comment's, or a reply's, paragraphs
                out += _rich_paragraphs(element, f"comment {where}", True)
    return out


def alt_texts(described: ElementTree.Element | None) -> list[str]:
    """A drawing's alternative text (cNvPr's or wp:docPr's description, and its title where that says
    something else), as every Office reader reads it: what a screen reader says. Before, PowerPoint's
    was read for pictures only, and Word's title was dropped where a description stood beside it."""
    if described is None:
        return []
    texts = [tidy(described.get(name) or "", keep_no_break=True) for name in ("descr", "title")]
    return [text for k, text in enumerate(texts) if text and text not in texts[:k]]


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    pieces = []
    for element in paragraph.iter():
        if element.tag == A + "t":
            pieces.append(element.text or "")
        elif element.tag == A + "br":
            pieces.append("\n")
    return "".join(pieces)


def _placeholder_type(shape: ElementTree.Element) -> str:
    placeholder = next(shape.iter(P + "ph"), None)
    return placeholder.get("type", "body") if placeholder is not None else ""


def _shape_blocks(tree: ElementTree.Element, locator: str, graphics=None) -> list[Block]:
    """The paragraphs of every shape of a slide's (or its notes') shape tree, in the order they
    stand in it, table cells row by row; a picture's alternative text as furniture; the text of a
    diagram or chart a graphic frame shows, which `graphics` (a graphic frame's element to its
    blocks) reads from its own part."""
    out = []
    for shape in tree:
        tag = shape.tag
        if tag == P + "grpSp":
            out += _shape_blocks(shape, locator, graphics)
            continue
        if tag == MC + "AlternateContent":
            # One shape in two versions, for newer PowerPoints and older ones: both were read, and
            # its text stood twice in every report. The older one is what every reader shows, but
            # for an Office 2016 chart (a waterfall, a treemap), whose older version is a picture
            # saying "This chart isn't available in your version of PowerPoint".
            choices = shape.findall(MC + "Choice")[:1]
            chartex = choices and choices[0].find(f".//{CX}chart") is not None
            versions = choices if chartex else shape.findall(MC + "Fallback") or choices
            for version in versions:
                out += _shape_blocks(version, locator, graphics)
            continue
        furniture = _placeholder_type(shape) in _FURNITURE_PLACEHOLDERS
        described = next(shape.iter(P + "cNvPr"), None)
        alt = [Block(text, locator, furniture=True) for text in alt_texts(described)]
        if tag == P + "pic":
            out += alt
            continue
        if tag == P + "graphicFrame" and graphics is not None:
            for element in shape.iter():
                out += graphics(element)
        for paragraph in shape.iter(A + "p"):
            text = tidy(_paragraph_text(paragraph))
            if not text:
                continue
            lines = text.split("\n")
            breaks, at = [], 0
            for line in lines[:-1]:
                at += len(line)
                breaks.append(at)
                at += 1
            out.append(Block(text, locator, furniture=furniture, run_on_breaks=tuple(breaks)))
        out += alt  # a chart's, a diagram's, a shape's alternative text, after what it shows
    return out


def _shows_master_shapes(root: ElementTree.Element) -> bool:
    """Whether a slide (or layout) shows the shapes of the layout or master behind it (PowerPoint's
    "Hide background graphics" unchecked)."""
    return root.get("showMasterSp", "1").lower() not in ("0", "false")


def _backdrop_blocks(archive: Package, part: str, slide: ElementTree.Element, number: int,
                     seen: set[str]) -> list[Block]:
    """The text a slide shows from its layout and its master: their own shapes (a tagline, "For
    internal use only"), not their placeholders, whose words are prompts ("Click to edit Master
    title style") the slide replaces. Furniture, each layout's and master's once, at the first slide
    that shows it, "master, slide 3": before, never read."""
    out: list[Block] = []
    root, relations = slide, _relations(archive, part)
    for kind, name in ((_LAYOUT, "layout"), (_MASTER, "master")):
        if not _shows_master_shapes(root):
            break
        target = next((target for rel_kind, target in relations.values() if rel_kind == kind), None)
        root = _part_root(archive, target) if target else None
        if root is None:
            break
        relations = _relations(archive, target)
        if target in seen:
            continue
        seen.add(target)
        tree = next(root.iter(P + "spTree"), None)
        if tree is None:
            continue
        own = ElementTree.Element(tree.tag)
        own.extend(shape for shape in tree if next(shape.iter(P + "ph"), None) is None)
        out += [replace(block, furniture=True)
                for block in _shape_blocks(own, f"{name}, slide {number}", _graphics_of(archive, relations, f"on slide {number}"))]
    return out


def _graphics_of(archive: Package, relations: dict[str, tuple[str, str]], where: str):
    return lambda element: graphic_blocks(archive, relations, element, where)


class PptxReader(Reader):
    name = "pptx"
    suffixes = (".pptx", ".pptm", ".ppsx", ".potx")

    def sniff(self, data: bytes) -> bool:
        return data[:2] == b"PK" and b"ppt/" in data[:4096]

    def blocks(self, data: bytes, label: str) -> list[Block]:
        refuse_ole(data, label, "slide deck", "PowerPoint .ppt", ".pptx")
        try:
            archive = Package(data, label)
            presentation = ElementTree.fromstring(archive.read("ppt/presentation.xml"))
            relations = _relations(archive, "ppt/presentation.xml")
            slide_parts = [relations[slide.get(R + "id", "")][1] for slide in presentation.iter(P + "sldId")
                           if relations.get(slide.get(R + "id", ""), ("", ""))[0] == _SLIDE]
            out: list[Block] = []
            hidden = []
            backdrops: set[str] = set()  # the layouts and masters read
            for number, part in enumerate(slide_parts, 1):
                slide = ElementTree.fromstring(archive.read(part))
                if slide.get("show") == "0":
                    hidden.append(number)
                tree = next(slide.iter(P + "spTree"), None)
                slide_relations = _relations(archive, part)
                if tree is not None:
                    out += _shape_blocks(tree, f"slide {number}", _graphics_of(archive, slide_relations, f"on slide {number}"))
                out += _backdrop_blocks(archive, part, slide, number, backdrops)
                notes = [target for kind, target in slide_relations.values() if kind == _NOTES]
                for notes_part in notes[:1]:
                    notes_tree = next(ElementTree.fromstring(archive.read(notes_part)).iter(P + "spTree"), None)
                    if notes_tree is not None:
                        # A chart or diagram the speaker's page holds is in parts the notes name.
                        out += _shape_blocks(notes_tree, f"slide {number}, notes",
                                             _graphics_of(archive, _relations(archive, notes_part),
                                                          f"on slide {number}, notes"))
                out += comment_blocks(archive, part, f"on slide {number}")
        # zlib.error and EOFError: a part whose compressed bytes are damaged (a deck cut short by a
        # download, or a byte changed on a disk) ended the run with zlib's traceback.
        except InputError:  # too large unzipped: its own line (an InputError is a ValueError)
            raise
        # ValueError: a zip whose directory points before its start ("negative seek value"); RuntimeError:
        # an encrypted part.
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, zlib.error, EOFError,
                NotImplementedError, ValueError, RuntimeError) as error:
            raise broken(label, "a PowerPoint slide deck", error) from error
        if hidden:
            logger.warning("%s: slide%s %s hidden in the show, read all the same", label, "s" if len(hidden) > 1 else "",
                           ", ".join(map(str, hidden)))
        return out
