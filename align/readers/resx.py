""".NET resource files (`.resx`, and `.resw` as UWP apps name them), one language a file
(`Strings.resx` and its translation `Strings.fr.resx`): XML whose `<data name="X"><value>` entries
hold the program's strings. Each string is a block located by its name ("key btnOK.Text", "key
ErrorMessage"), read as the program shows it (XML's escapes undone, line breaks kept), in the
order of the names: .NET finds a string by its name, and the order of a file is its writer's. A
translated Windows Forms form holds only what its translator changed, written in another order
than the form's (ShareX's ErrorForm.fr.resx): read in the files' order, three buttons of the form
were "left out" and their French "added", the pair "related, not a translation".

Not read, as no text the program shows:
- the schema header a resource editor writes first (the comment explaining the format, with its
  own example `<data>` entries, `<xsd:schema>`, `<resheader>`), and each entry's `<comment>`, a
  note for translators;
- entries that are no string: a `type=` other than System.String (a control's size, location,
  font or colour on a localized Windows Forms form), a `mimetype=` (an image or an object,
  base64), a reference to a file (ResXFileRef: an icon, or a text kept in a file of its own,
  which a warning names, since its words are the program's but not in this file);
- the Windows Forms designer's records of its controls, named ">>btnOK.Name", ">>btnOK.Type",
  ">>btnOK.Parent", ">>btnOK.ZOrder": a control's name, class and place in the form, never
  shown, which a translated form does not repeat; read, they would be "omissions" of every form.
  They are not blocks at all, not boilerplate: no language of the program shows them.
A form's own strings are read as any others: "$this.Text" is the window's title, shown; its
"$this.ClientSize" or "$this.Font" is typed, so not read.

Read as plain text before, every line of the schema header, the tags and the designer's records
were sentences of the report: a Windows Forms form and its French version were 342 sentences
against 123, the French read as Czech.
"""
from __future__ import annotations

import logging
import re
from xml.etree import ElementTree

from .. import lazy_re
from .base import Block, Reader, broken, tidy, xml_head

logger = logging.getLogger("align")

# A resource file's root, after its XML declaration and comments (the schema's explanation).
_ROOT = lazy_re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*<root[\s>]", re.DOTALL)
_STRING_TYPE = lazy_re.compile(r"System\.String(?:\s*,|$)")


def _value(data: ElementTree.Element) -> str:
    """An entry's value: its <value>'s text, or, in files written by hand, the entry's own."""
    value = data.find("value")
    return "".join((value if value is not None else data).itertext())


def _is_string(data: ElementTree.Element) -> bool:
    """Whether an entry holds a string of the program: untyped or typed System.String, not an
    object, an image, a file reference, nor a designer's record (">>btnOK.Type")."""
    if data.get("name", "").startswith(">>") or data.get("mimetype") is not None:
        return False
    kind = data.get("type")
    return kind is None or _STRING_TYPE.match(kind.strip()) is not None


def _referenced_text(data: ElementTree.Element) -> str | None:
    """The file a ResXFileRef entry takes a string from ("..\\Resources\\animals.txt"), or None
    where it is no string (an icon, a bitmap)."""
    if not data.get("type", "").startswith("System.Resources.ResXFileRef"):
        return None
    path, _, rest = _value(data).partition(";")
    return path.strip() if rest.lstrip().startswith("System.String") else None


class ResxReader(Reader):
    name = "resx"
    suffixes = (".resx", ".resw")

    def sniff(self, data: bytes) -> bool:
        head = xml_head(data)
        return _ROOT.match(head) is not None and (b"microsoft-resx" in head or b"<data " in head)

    def blocks(self, data: bytes, label: str) -> list[Block]:
        try:
            root = ElementTree.fromstring(data)  # bytes: the parser honours the declared encoding
        except ElementTree.ParseError as error:
            raise broken(label, ".NET resources", error) from error
        if root.tag != "root":
            raise broken(label, ".NET resources", ValueError(f"the root element is {root.tag!r}, not 'root'"))
        out, elsewhere = [], []
        for data_element in root.findall("data"):
            if _is_string(data_element):
                try:
                    text = tidy(_value(data_element))
                except RecursionError as error:  # markup nested past Python's stack inside a value
                    raise broken(label, ".NET resources", error) from error
                if text:
                    out.append(Block(text, f"key {data_element.get('name', '')}"))
            elif _referenced_text(data_element):
                elsewhere.append(_referenced_text(data_element))
        if elsewhere:
            logger.warning("%s: %d string%s kept in files of %s own, not read (%s): give those files to audit them",
                           label, len(elsewhere), "" if len(elsewhere) == 1 else "s",
                           "its" if len(elsewhere) == 1 else "their", ", ".join(elsewhere[:3])
                           + (", ..." if len(elsewhere) > 3 else ""))
        return sorted(out, key=lambda block: block.locator)  # by name: see the module's docstring
