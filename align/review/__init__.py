"""`align review`: correct an alignment by hand in the browser, every change saved to a project
file beside the inputs; `align export` writes the corrected alignment in any report format."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from ..errors import InputError
from . import project as projects

logger = logging.getLogger("align")


def open_project(inputs: list[str], project_file: str | None = None, **align_options) -> Path:
    """The project file for `inputs`, made if it is not there yet, reloaded if it is.

    `inputs` is a review project, an `align pair -f json` result, or the one or two texts to align
    (then `align_options` go to `align_pair`)."""
    if len(inputs) == 1 and inputs[0].endswith(".json"):
        data = _read_json(inputs[0])
        if data.get("format") == projects.FORMAT:
            projects.validate(data)
            return Path(inputs[0])
        path = Path(project_file) if project_file else Path(inputs[0]).with_suffix(".review.json")
        if not path.exists():
            projects.save(projects.from_result_json(data), path)
        return path
    path = Path(project_file) if project_file else projects.project_path(inputs[0], inputs[1] if len(inputs) > 1 else None)
    if path.exists():
        existing = projects.load(path)
        for side, given in zip(("source", "target"), inputs):
            if existing[side].get("digest") not in (None, projects.file_digest(given)):
                logger.warning("%s has changed since %s was made; the corrections there are about the old text "
                               "(delete the project to start again)", given, path.name)
        return path
    from ..pipeline import align_pair

    result = align_pair(inputs[0], inputs[1] if len(inputs) > 1 else None, **align_options)
    projects.save(projects.from_result(result), path)
    return path


def _read_json(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable JSON file ({error})") from None


__all__ = ["open_project"]
