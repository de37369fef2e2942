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
        if isinstance(data, dict) and data.get("format") == projects.FORMAT:
            projects.validate(data)
            warn_changed(data, Path(inputs[0]))
            return Path(inputs[0])
        path = Path(project_file) if project_file else Path(inputs[0]).with_suffix(".review.json")
        if not path.exists():
            projects.save(projects.from_result_json(data), path)
            return path
        # Read now: a --project naming a text, or a damaged project, ended in a traceback when the
        # server read it, and one made from other files was opened in silence (a probe).
        existing = projects.load(path)
        if not _made_from(existing, data):
            raise InputError(f"{path} is the review of {existing['source']['path']} and {existing['target']['path']} "
                             f"as they were then, not of the texts of {inputs[0]}; name another project with "
                             "--project (or delete that one)")
        warn_changed(existing, path)
        return path
    path = Path(project_file) if project_file else _project_of(inputs)
    if path.exists():
        existing = projects.load(path)
        if project_file and not projects.same_inputs(existing, inputs):
            raise InputError(f"{path} is the review of {existing['source']['path']} and {existing['target']['path']}, "
                             "not of these files; name another project with --project")
        warn_changed(existing, path)
        return path
    from ..pipeline import align_pair

    result = align_pair(inputs[0], inputs[1] if len(inputs) > 1 else None, **align_options)
    projects.save(projects.from_result(result), path)
    return path


def _made_from(project: dict, result) -> bool:
    """Whether `project` reviews the texts of `result`, an `align pair -f json` result: the same
    bytes on both sides, by the digests both keep."""
    if not isinstance(result, dict):
        return False
    for side in ("source", "target"):
        given = result.get(side)
        if not isinstance(given, dict) or project[side].get("digest") != (given.get("digest") or given.get("sha1")):
            return False
    return True


def _project_of(inputs: list[str]) -> Path:
    """The project of these inputs: beside the source, named after both files; when that name is
    taken by the review of other files of those names (fr/article.txt and fr2/article.txt beside
    en/article.txt), NAME-2, NAME-3... The second pair had reopened the first one's project."""
    first = projects.project_path(inputs[0], inputs[1] if len(inputs) > 1 else None)
    candidate, number = first, 1
    while candidate.exists():
        try:
            if projects.same_inputs(projects.load(candidate), inputs):
                return candidate
        except InputError:
            return candidate  # a damaged project: opening it says so
        number += 1
        candidate = first.with_name(first.name.replace(".review.json", f"-{number}.review.json"))
    if number > 1:
        logger.warning("%s is the review of other files of these names: this one is %s", first.name, candidate.name)
    return candidate


def warn_changed(project: dict, path: Path) -> None:
    for given in projects.changed_inputs(project, path):
        if not projects.input_found(given, path):
            # Said "has changed" (a probe): a project moved, or exported from another folder, whose
            # texts were not found, cannot tell whether they have changed.
            logger.warning("%s is not found (from this folder, nor beside %s): the project holds, and exports, "
                           "the text as it was when the project was made, which cannot be compared with the file now",
                           given, path.name)
            continue
        logger.warning("%s has changed since %s was made: it holds, and exports, the text as it was then "
                       "(delete the project to review the new text)", given, path.name)


def _read_json(path: str):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a readable JSON file ({error})") from None


__all__ = ["open_project"]
