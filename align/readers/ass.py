"""SubStation Alpha and Advanced SubStation Alpha subtitles (.ssa, .ass: fansubs, Aegisub): the
text each Dialogue event shows, cue by cue, located as `subtitle 12`, its number in Aegisub's grid
(every event of the [Events] section counted, Comment events too).

A file is sections of `Key: value` lines: [Script Info] (title, play resolution, wrap style),
[V4+ Styles] (fonts and colours), [Events], where each event's fields follow the order of the
section's Format line and the Text field, the last, may hold commas. In the text, override blocks
`{\\i1}`, `{\\pos(10,20)}`, karaoke timings `{\\k42}` and comments `{like this}` are not shown; `\\N`
is a line break, `\\n` a space unless the script's WrapStyle is 2 (then a break too) and `\\h` a
no-break space (read as a space, as in every subtitle); between `{\\p1}` and `{\\p0}` the text is
a vector drawing, not words.

Read as plain text before, the script's header, its styles and every event's fields were
sentences ("Style: Default,Arial,48,...", "Dialogue: 0,0:00:04.00,0:00:06.00,Default,,0,0,0,,To
the market"), override tags and `\\N` stayed in the text, and a Comment event, which no viewer
sees, was reported left out of the translation.

A Comment event is the subtitler's note: shown as boilerplate, after the dialogue, never dropped.
An actor's name (the Name field) is not shown on screen: not read, but a change of name starts
another speaker's turn. A Dialogue event that repeats an earlier one's text and times on another
layer (a glow or a border drawn under the text, as typesetters do) is one subtitle on screen and
read once; so is a karaoke effect's generated syllable (Effect `fx`), whose line the script keeps
as a Comment with Effect `karaoke`, read in its place as the subtitle. Each is counted in a warning.
"""
from __future__ import annotations

import logging
import re

from .. import lazy_re
from .base import Block, Reader, broken, tidy, xml_head
from .subtitles import cue_blocks

logger = logging.getLogger("align")

_SECTION = lazy_re.compile(r"^\s*\[([^\]]+)\]\s*$")
_EVENT = lazy_re.compile(r"^\s*(Dialogue|Comment|Picture|Sound|Movie|Command)\s*:\s?(.*)$", re.IGNORECASE)
# The Events section's fields when it has no Format line, as ASS writes them (SSA: Marked for Layer).
_DEFAULT_FORMAT = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text")
_OVERRIDE = lazy_re.compile(r"\{[^{}]*\}")
# A drawing mode's switch in an override block: \p1 starts a drawing, \p0 ends it (\pos, \pbo differ).
_DRAWING = lazy_re.compile(r"\\p(\d+)(?![\d.])")


def _sections(text: str) -> dict[str, list[tuple[int, str]]]:
    """Each section's lines, (line number, line), by its lower-case name."""
    sections: dict[str, list[tuple[int, str]]] = {}
    current = sections.setdefault("", [])
    for number, line in enumerate(text.split("\n"), 1):
        heading = _SECTION.match(line)
        if heading:
            current = sections.setdefault(heading.group(1).strip().lower(), [])
        else:
            current.append((number, line))
    return sections


def _info(lines: list[tuple[int, str]], key: str) -> str:
    for _number, line in lines:
        name, colon, value = line.partition(":")
        if colon and name.strip().lower() == key:
            return value.strip()
    return ""


def shown_text(text: str, wrap_style: str = "0") -> str:
    """What an event's Text field shows: override blocks and drawings out, \\N and \\n as line breaks
    or spaces, \\h a no-break space; lines kept apart by "\\n"."""
    pieces, drawing, at = [], False, 0
    for block in _OVERRIDE.finditer(text):
        if not drawing:
            pieces.append(text[at:block.start()])
        switches = _DRAWING.findall(block.group())
        if switches:
            drawing = int(switches[-1]) > 0
        at = block.end()
    if not drawing:
        pieces.append(text[at:])
    shown = "".join(pieces)
    soft_break = "\n" if wrap_style.strip() == "2" else " "
    return shown.replace("\\N", "\n").replace("\\n", soft_break).replace("\\h", "\u00a0")


def _events(lines: list[tuple[int, str]], label: str) -> list[tuple[int, str, dict[str, str]]]:
    """(line number, kind, fields by lower-case name) of each event, in file order. An event with
    fewer fields than the Format line names keeps what it has as its text, with a warning."""
    names = list(_DEFAULT_FORMAT)
    out = []
    for number, line in lines:
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == "format":
            names = [name.strip().lower() for name in value.split(",")]
            continue
        event = _EVENT.match(line)
        if not event:
            continue
        values = event.group(2).split(",", len(names) - 1)
        if len(values) < len(names):
            logger.warning("%s, line %d: an event with %d of its %d fields, its text read as it stands",
                           label, number, len(values), len(names))
            values = [""] * (len(names) - 1) + [event.group(2)]
        fields = dict(zip(names, (value.strip() for value in values)))
        fields["text"] = values[names.index("text")] if "text" in names else values[-1]
        out.append((number, event.group(1).lower(), fields))
    return out


def _speaker_changes(name: str, previous: str | None) -> bool:
    return previous is not None and name != previous


class AssReader(Reader):
    name = "subtitles"  # read as SubRip's cues are, dialogue dashes and all
    suffixes = (".ass", ".ssa")
    reads_text = True

    def sniff(self, data: bytes) -> bool:
        # In UTF-16 too, as Windows editors save a script.
        head = xml_head(data, 256).lstrip()
        return head[:13].lower() == b"[script info]"

    def blocks(self, text: str, label: str) -> list[Block]:
        sections = _sections(text.lstrip("\ufeff"))
        if "events" not in sections:
            raise broken(label, "SubStation Alpha subtitles", ValueError("it has no [Events] section"))
        wrap_style = _info(sections.get("script info", []), "wrapstyle") or "0"
        events = _events(sections["events"], label)
        # Syllables stand for their karaoke line only where the script kept that line (as Comments).
        effects = {(kind, fields.get("effect", "").lower()) for _, kind, fields in events}
        karaoke = ("dialogue", "fx") in effects and ("comment", "karaoke") in effects
        cues, notes, seen = [], [], set()
        repeats = generated = 0
        speaker = None
        for number, (_line, kind, fields) in enumerate(events, 1):
            effect = fields.get("effect", "").lower()
            shown = tidy(shown_text(fields["text"], wrap_style))
            locator = f"subtitle {number}"
            if kind == "comment" and not (karaoke and effect == "karaoke"):
                if shown:
                    notes.append(Block(shown, locator, furniture=True))
                continue
            if kind not in ("dialogue", "comment"):
                continue  # a picture's, a sound's or a movie's file name, a command: nothing shown as text
            if karaoke and kind == "dialogue" and effect == "fx":
                generated += 1
                continue
            if not shown:
                continue
            shown_at = (fields.get("start", ""), fields.get("end", ""), shown)
            if shown_at in seen:
                repeats += 1
                continue
            seen.add(shown_at)
            name = fields.get("name", fields.get("actor", ""))
            cues.append((locator, shown.split("\n"), _speaker_changes(name, speaker)))
            speaker = name
        if repeats:
            logger.warning("%s: %d dialogue events repeat an earlier one's text and times (another layer of one "
                           "subtitle: a glow, a border): each read once", label, repeats)
        if generated:
            logger.warning("%s: %d karaoke syllables generated from the script's karaoke lines (Effect fx) "
                           "read as those lines", label, generated)
        return cue_blocks(cues) + notes
