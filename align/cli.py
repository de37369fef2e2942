"""`align`: a thin command line over the Python API.

Results go to stdout (or -o FILE), progress and messages to stderr. Exit 0 on success, 2 on bad
input or usage with a one-line message, never a traceback.
"""
from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import AlignError
from .model import SEVERITY_RANK

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Align a text with its translation and report what was left out, added, moved or changed; "
                         "compare several versions of one original; or tell which documents of a collection are "
                         "versions of one another.")


class Format(str, Enum):
    table = "table"
    json = "json"
    tsv = "tsv"
    tmx = "tmx"
    html = "html"
    beads = "beads"


class Severity(str, Enum):
    content = "content"
    editorial = "editorial"
    boilerplate = "boilerplate"


def _fail(message: str) -> None:
    typer.echo(f"align: error: {message}", err=True)
    raise typer.Exit(2)


def _progress(quiet: bool) -> bool:
    """Whether to show progress bars; under --quiet the warnings on stderr go too."""
    if quiet:
        logging.getLogger("align").setLevel(logging.ERROR)
    return not quiet and sys.stderr.isatty()


def _or_fail(run, *args, **kwargs):
    """The result of run(...); the user's bad input (or an unreadable file) ends in one line, exit 2."""
    try:
        return run(*args, **kwargs)
    except AlignError as exc:
        _fail(str(exc))
    except (OSError, UnicodeError) as exc:
        _fail(f"{exc.__class__.__name__}: {exc}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"align {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    pass


# Options every command takes, spelled once.
OUTPUT = typer.Option(None, "--output", "-o", help="Write the report to this file.")
MODEL = typer.Option("use", "--model", "-m", help="Encoder: 'use' (bundled multilingual USE v3, offline) or a "
                                                   "sentence-transformers id or folder.")
SEGMENTER = typer.Option("auto", "--segmenter", help="auto (sentence-splitter) or lines (one sentence per line).")
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress on stderr.")
# `align group` writes tables of its own: no TMX, HTML or beads.
SUMMARY_FORMAT = typer.Option(None, "--format", "-f", help="table, json or tsv (default: table on a terminal, json "
                                                          "otherwise).")


@app.command()
def pair(
    source: str = typer.Argument(..., help="The original text (a file, or - for stdin). Alone: one file holding "
                                           "both languages."),
    target: Optional[str] = typer.Argument(None, help="The translation or reprint to audit."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of the source (ISO 639-1, e.g. en); "
                                                                     "takes only that part of a mixed file."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Language of the target."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Report format (default: table on a "
                                                                       "terminal, json otherwise)."),
    output: Optional[Path] = OUTPUT,
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    no_partial: bool = typer.Option(False, "--no-partial", help="Skip the clause-level checks (partial omissions "
                                                                "and additions): much faster on long texts."),
    min_severity: Severity = typer.Option(Severity.boilerplate, "--min-severity",
                                          help="Hide findings less important than this."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the table (default: on a "
                                                                          "terminal)."),
    quiet: bool = QUIET,
) -> None:
    """Align SOURCE with TARGET sentence by sentence and audit the pair."""
    from .pipeline import align_pair
    from .reports import render

    to_terminal = output is None and sys.stdout.isatty()
    chosen = _chosen_format(fmt, output)
    result = _or_fail(align_pair, source, target, src_lang=src_lang, tgt_lang=tgt_lang, model=model,
                      segmenter=segmenter, cache=not no_cache, partial=not no_partial, progress=_progress(quiet))
    result.findings = [f for f in result.findings
                       if SEVERITY_RANK.get(f.severity, 0) <= SEVERITY_RANK[min_severity.value]]
    use_color = color if color is not None else (to_terminal and "NO_COLOR" not in os.environ)
    _write(render(result, chosen, color=bool(use_color and chosen == "table")), output, chosen, quiet)


@app.command()
def group(
    files: list[str] = typer.Argument(..., help="The documents of the collection; a file holding two languages "
                                                "counts as one document per language."),
    fmt: Optional[Format] = SUMMARY_FORMAT,
    output: Optional[Path] = OUTPUT,
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    quiet: bool = QUIET,
) -> None:
    """Tell which documents of a collection are versions (translations, reprints) of one another."""
    from .collection import group_documents
    from .reports.collection import COLLECTION_FORMATS, render_collection

    chosen = _chosen_format(fmt, output, "group", COLLECTION_FORMATS)
    result = _or_fail(group_documents, files, model=model, segmenter=segmenter, cache=not no_cache,
                      progress=_progress(quiet))
    _write(render_collection(result, chosen), output, chosen, quiet)


@app.command()
def versions(
    original: str = typer.Argument(..., help="The original text (a file, or - for stdin). A file holding it beside a "
                                             "version (in another language) gives that version too."),
    files: Optional[list[str]] = typer.Argument(None, help="The versions of it (translations, reprints), in one "
                                                            "language."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of the original; takes only that "
                                                                     "part of a mixed file."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="table, json, tsv or html: the versions in "
                                                                       "columns beside the original (default: table "
                                                                       "on a terminal, json otherwise)."),
    output: Optional[Path] = OUTPUT,
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    partial: bool = typer.Option(False, "--partial", help="Also run the clause-level checks on every version "
                                                          "(in the json report; slower)."),
    quiet: bool = QUIET,
) -> None:
    """Compare several versions of one original: what each leaves out, side by side."""
    from .reports.versions import VERSIONS_FORMATS, render_versions
    from .versions import compare_versions

    chosen = _chosen_format(fmt, output, "versions", VERSIONS_FORMATS)
    result = _or_fail(compare_versions, original, files or [], src_lang=src_lang, model=model, segmenter=segmenter,
                      cache=not no_cache, partial=partial, progress=_progress(quiet))
    _write(render_versions(result, chosen), output, chosen, quiet)


def _write(text: str, output: Optional[Path], chosen: str, quiet: bool) -> None:
    text = text if text.endswith("\n") else text + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    if not quiet:
        typer.echo(f"align: wrote {chosen} report to {output}", err=True)


def _chosen_format(fmt: Optional[Format], output: Optional[Path], command: str = "pair",
                   available: tuple[str, ...] | None = None) -> str:
    """-f if given; else a table for a terminal or a .txt file, the output file's suffix, or json."""
    if fmt:
        chosen = fmt.value
    elif (output is None and sys.stdout.isatty()) or (output and output.suffix == ".txt"):
        chosen = "table"
    else:
        chosen = _format_from_suffix(output) or "json"
    if available is not None and chosen not in available:
        _fail(f"format {chosen!r} is not available for {command}; choose one of: {', '.join(available)}")
    return chosen


def _format_from_suffix(output: Optional[Path]) -> Optional[str]:
    if output is None:
        return None
    suffix = output.suffix.lstrip(".").lower()
    return suffix if suffix in Format.__members__ else None


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="align: %(message)s")
    try:
        app(prog_name="align")
    except KeyboardInterrupt:
        typer.echo("align: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
