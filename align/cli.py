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

from . import __version__, interrupts
from .errors import AlignError
from .files import write_whole
from .model import SEVERITY_RANK

def _plain_help() -> None:
    """Help that reads like the README's usage: `SOURCE [TARGET]`, `--min-score FLOAT`, no `<bool>`.

    typer 0.29 writes a required argument as `{source}` and every value as `<str>`, `<bool>`; the
    two methods that do it are replaced by click's classic wording, where typer has them."""
    from typer import core

    names = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "path": "PATH", "file": "FILE"}

    def value_type(param, ctx):
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            return None
        if param.metavar is not None:
            return param.metavar or None
        label = str(param.display_type(ctx) or "").strip("<>")
        if not label or label == "bool":
            return None
        return f"[{label}]" if "|" in label else names.get(label, label.upper())

    def usage_name(param):
        name = param.display_name_raw.upper()
        name = name if param.required else f"[{name}]"
        return name + ("..." if param.nargs != 1 else "")

    for cls, method in ((getattr(core, "TyperArgument", None), "display_type_rich"),
                        (getattr(core, "TyperOption", None), "display_type_rich")):
        if cls is not None and hasattr(cls, method):
            setattr(cls, method, value_type)
    if hasattr(getattr(core, "TyperArgument", None), "_usage_display_name"):
        core.TyperArgument._usage_display_name = usage_name
    if hasattr(getattr(core, "TyperArgument", None), "_rich_display_name"):
        core.TyperArgument._rich_display_name = lambda param: param.display_name_raw.upper()


_plain_help()

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
    xliff = "xliff"
    xliff12 = "xliff12"
    xlsx = "xlsx"


# The formats `align group` and `align versions` write (reports/collection.py, reports/versions.py;
# a test holds them equal): --help lists no format the command would refuse.
class GroupFormat(str, Enum):
    table = "table"
    json = "json"
    tsv = "tsv"


class VersionsFormat(str, Enum):
    table = "table"
    json = "json"
    tsv = "tsv"
    html = "html"


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
    except MemoryError as exc:
        # A huge input on a small machine ended in numpy's traceback ("Unable to allocate 420. MiB
        # for an array with shape (215280, 512)"), exit code 1.
        detail = f" ({exc})" if str(exc) else ""
        _fail(f"out of memory{detail}: give smaller inputs (split the files), or run on a machine with more memory")


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
def _dash_is_stdout(value: Optional[Path]) -> Optional[Path]:
    return None if value is not None and str(value) == "-" else value


def _file_path(flag: str):
    """A parser for an option that names a file to write."""
    def parse(value: str) -> Path:
        # A Path forgets a trailing slash: "-o newdir/" wrote a report file named "newdir".
        if value.endswith(("/", os.sep)) and value.strip("/" + os.sep):
            _fail(f"{flag} {value} names a directory; name a file")
        return Path(value)
    return parse


OUTPUT = typer.Option(None, "--output", "-o", callback=_dash_is_stdout, parser=_file_path("-o"),
                      help="Write the report to this file (- for standard output).")
MODEL = typer.Option("use", "--model", "-m", help="Encoder: 'use' (bundled multilingual USE v3, offline) or a "
                                                   "sentence-transformers id or folder.")
SEGMENTER = typer.Option("auto", "--segmenter", help="auto (sentence-splitter) or lines (one sentence per line).")
NO_CACHE = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress on stderr.")
DASK_WORKERS = typer.Option(None, "--dask-workers", min=1, help="Worker processes of --dask local (default: one a core).")


def _check_dask(dask: Optional[str], dask_workers: Optional[int]) -> None:
    if dask_workers is not None and dask != "local":
        _fail("--dask-workers sets the size of --dask local; a cluster's workers are started with it (dask worker)")


def _dask_option(what: str, more: str = ""):
    return typer.Option(None, "--dask", metavar="ADDRESS", help=f"{what} on a Dask cluster: its scheduler's address "
                        "(tcp://host:8786), or 'local' for one of this machine's cores. Needs the 'dask' extra of "
                        f"align-audit.{more}")
ENCODING = typer.Option(None, "--encoding", help="Read the inputs in this encoding (e.g. cp1251, gb18030) instead "
                                                 "of detecting it; an input whose bytes say otherwise (a byte-order "
                                                 "mark, UTF-8, ISO-2022), or that it turns into mojibake where the "
                                                 "encoding detected reads it as text (cp1251 read as latin-1), is "
                                                 "read as they say, with a warning.")
# `align group` writes tables of its own: no TMX, HTML or beads.
SUMMARY_FORMAT = typer.Option(None, "--format", "-f", help="table, json or tsv (default: table on a terminal, json "
                                                          "otherwise).")


@app.command()
def pair(
    source: str = typer.Argument(..., help="The original: plain text or markdown, .docx or .doc, .odt, .html, .pdf (with "
                                           "a text layer), .epub, .srt or .vtt; - for stdin. Alone: one file "
                                           "holding both languages, a bilingual XLIFF (.xlf) or TMX, or a table of "
                                           "two tab-separated columns, whose targets are audited against its "
                                           "sources."),
    target: Optional[str] = typer.Argument(None, help="The translation or reprint to audit."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of the source (ISO 639-1, e.g. en); "
                                                                     "takes only that part of a mixed file."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Language of the target."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Report format (default: table on a "
                                                                       "terminal, json otherwise). With -o, the "
                                                                       "suffix chooses: .xlf is XLIFF 2.1."),
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
    encoding: Optional[str] = ENCODING,
    min_score: float = typer.Option(0.0, "--min-score", min=0.0, max=1.0,
                                    help="TMX: leave out pairs scored below this (0-1)."),
    fail_on: Optional[Severity] = typer.Option(None, "--fail-on", help="Exit 1 when there are findings this "
                                               "important or more (content, editorial, boilerplate): for scripts "
                                               "and CI."),
    quiet: bool = QUIET,
) -> None:
    """Align SOURCE with TARGET sentence by sentence and audit the pair."""
    from .model import findings_by_type
    from .pipeline import align_pair
    from .reports import render

    _check_output(output, [source, target])
    if min_score != min_score:  # NaN passes typer's range check and compared with no score
        _fail("--min-score nan is not a number between 0 and 1")
    to_terminal = output is None and sys.stdout.isatty()
    chosen = _chosen_format(fmt, output)
    _refuse_binary_on_terminal(chosen, to_terminal)
    result = _or_fail(align_pair, source, target, src_lang=src_lang, tgt_lang=tgt_lang, model=model,
                      segmenter=segmenter, cache=not no_cache, partial=not no_partial, progress=_progress(quiet),
                      encoding=encoding)
    shown = [f for f in result.findings if SEVERITY_RANK.get(f.severity, 0) <= SEVERITY_RANK[min_severity.value]]
    if len(shown) < len(result.findings):
        # The counts say what the report lists, and how much the filter hid.
        result.summary["findings"] = findings_by_type(shown)
        result.summary["findings_hidden"] = {"min_severity": min_severity.value,
                                             "count": len(result.findings) - len(shown)}
    result.findings = shown
    use_color = color if color is not None else (to_terminal and "NO_COLOR" not in os.environ)
    _write(render(result, chosen, color=bool(use_color and chosen == "table"), min_score=min_score), output,
           chosen, quiet)
    _said_format(fmt, output, chosen, quiet)
    _said_outside_tmx(result, chosen, quiet, min_score)
    if fail_on is not None:
        failing = [f for f in result.findings if SEVERITY_RANK.get(f.severity, 0) <= SEVERITY_RANK[fail_on.value]]
        if failing:
            if not quiet:
                typer.echo(f"align: {len(failing)} finding{'s' if len(failing) != 1 else ''} at --fail-on "
                           f"{fail_on.value} or above", err=True)
            raise typer.Exit(1)


@app.command()
def group(
    files: list[str] = typer.Argument(..., help="The documents of the collection, or folders of them; a file "
                                                "holding two languages counts as one document per language."),
    fmt: Optional[GroupFormat] = SUMMARY_FORMAT,
    output: Optional[Path] = OUTPUT,
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    encoding: Optional[str] = ENCODING,
    candidates: Optional[int] = typer.Option(None, "--candidates", "-k", min=0,
                                             help="Align each document only with its K nearest (by document "
                                                  "vector, half in its own language and half in the others); "
                                                  "default: every pair up to 64 documents, else 10; 0: every pair."),
    dask: Optional[str] = _dask_option("Embed the documents and align the pairs"),
    dask_workers: Optional[int] = DASK_WORKERS,
    pairs: Optional[Path] = typer.Option(None, "--pairs", parser=_file_path("--pairs"),
                                         help="Write every aligned pair to this TSV file as it is aligned; the "
                                              "report then lists only the links and each lone document's "
                                              "closest pair, so memory does not grow with the pairs."),
    quiet: bool = QUIET,
) -> None:
    """Tell which documents of a collection are versions (translations, reprints) of one another."""
    from .collection import group_documents, is_own_report
    from .reports.collection import COLLECTION_FORMATS, PairStream, render_collection

    # A report of an earlier run in a folder read is no document: it may be written again.
    documents = [path for path in _files_of(files) if path in files or not is_own_report(path)]
    _check_output(output, documents)
    _check_output(pairs, documents, "--pairs")
    if output is not None and pairs is not None and os.path.realpath(output) == os.path.realpath(pairs):
        _fail(f"--pairs {pairs} and -o {output} are one file; the report would overwrite the pairs")
    _check_dask(dask, dask_workers)
    chosen = _chosen_format(fmt, output, "group", COLLECTION_FORMATS)
    stream = None
    if pairs is not None:
        try:
            stream = open(pairs, "w", encoding="utf-8", newline="", buffering=1)  # a row shows as it comes
        except OSError as exc:
            _fail(f"cannot write {pairs}: {exc.strerror or exc}")
    on_pair = PairStream(stream) if stream else None
    try:
        result = _or_fail(group_documents, files, model=model, segmenter=segmenter, cache=not no_cache,
                          progress=_progress(quiet), encoding=encoding, candidates=candidates, dask=dask,
                          dask_workers=dask_workers, on_pair=on_pair)
        if on_pair is not None:
            on_pair.finish(result.signature)
    finally:
        if stream is not None:
            stream.close()
    if stream is not None and not quiet:
        typer.echo(f"align: wrote {result.signature['pairs_aligned']} pairs to {pairs}", err=True)
    _write(render_collection(result, chosen), output, chosen, quiet)
    _said_format(fmt, output, chosen, quiet)


@app.command()
def versions(
    original: str = typer.Argument(..., help="The original text (a file, or - for stdin). A file holding it beside a "
                                             "version (in another language) gives that version too."),
    files: Optional[list[str]] = typer.Argument(None, help="The versions of it (translations, reprints), in one "
                                                            "language."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of the original; takes only that "
                                                                     "part of a mixed file."),
    fmt: Optional[VersionsFormat] = typer.Option(None, "--format", "-f", help="table, json, tsv or html: the versions in "
                                                                       "columns beside the original (default: table "
                                                                       "on a terminal, json otherwise)."),
    output: Optional[Path] = OUTPUT,
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    partial: bool = typer.Option(False, "--partial", help="Also run the clause-level checks on every version "
                                                          "(in the json report; slower)."),
    encoding: Optional[str] = ENCODING,
    quiet: bool = QUIET,
) -> None:
    """Compare several versions of one original: what each leaves out, side by side."""
    from .reports.versions import VERSIONS_FORMATS, render_versions
    from .versions import compare_versions

    _check_output(output, [original, *(files or [])])
    chosen = _chosen_format(fmt, output, "versions", VERSIONS_FORMATS)
    result = _or_fail(compare_versions, original, files or [], src_lang=src_lang, model=model, segmenter=segmenter,
                      cache=not no_cache, partial=partial, progress=_progress(quiet), encoding=encoding)
    _write(render_versions(result, chosen), output, chosen, quiet)
    _said_format(fmt, output, chosen, quiet)


@app.command()
def batch(
    manifest: Optional[Path] = typer.Argument(None, help="A TSV of pairs: source<TAB>target[<TAB>name] a line, "
                                                          "paths relative to it."),
    dirs: Optional[tuple[Path, Path]] = typer.Option(None, "--dirs", metavar="SOURCE_DIR TARGET_DIR",
                                                     help="Two folders: each file of the first with its namesake "
                                                          "in the second."),
    out_dir: Path = typer.Option(..., "--out-dir", "-d", help="Folder for one report per pair and summary.tsv."),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="Format of each pair's report."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of every source."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Language of every target."),
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    no_cache: bool = NO_CACHE,
    no_partial: bool = typer.Option(False, "--no-partial", help="Skip the clause-level checks."),
    dask: Optional[str] = _dask_option("Run the pairs", " The workers must see the inputs and --out-dir."),
    dask_workers: Optional[int] = DASK_WORKERS,
    quiet: bool = QUIET,
) -> None:
    """Align many pairs in one run, loading the encoder once.

    Reports already written are skipped; a failed pair goes into summary.tsv, the rest go on.

    Exit 1 if any pair failed."""
    from .batch import match_folders, read_manifest, run_batch

    if (manifest is None) == (dirs is None):
        _fail("give either a manifest or --dirs SOURCE_DIR TARGET_DIR")
    try:
        if out_dir.exists() and not out_dir.is_dir():
            _fail(f"--out-dir {out_dir} is a file, not a folder")
    except OSError as exc:  # a name the file system refuses (too long)
        _fail(f"cannot write to {out_dir}: {exc.strerror or exc}")
    _check_dask(dask, dask_workers)
    jobs = _or_fail(read_manifest, manifest) if manifest is not None else _or_fail(match_folders, *dirs, out_dir)
    result = _or_fail(run_batch, jobs, out_dir, fmt=fmt.value, src_lang=src_lang, tgt_lang=tgt_lang, model=model,
                      segmenter=segmenter, cache=not no_cache, partial=not no_partial, progress=_progress(quiet),
                      dask=dask, dask_workers=dask_workers, protected=(str(manifest),) if manifest else ())
    if not quiet:
        done = sum(row["status"] == "aligned" for row in result.rows)
        before = sum(row["status"] == "done before" for row in result.rows)
        typer.echo(f"align: {done} pair{'s' if done != 1 else ''} aligned, {before} done before, {result.failed} "
                   f"failed; summary in {out_dir / 'summary.tsv'}", err=True)
        for row in result.rows:
            if row["status"] == "failed":
                typer.echo(f"align: {row['name']}: {row['error']}", err=True)
    if result.failed:
        raise typer.Exit(1)


@app.command()
def review(
    inputs: list[str] = typer.Argument(..., help="The original and the translation (or one file holding both), an "
                                                 "'align pair -f json' result, or a review project."),
    project_file: Optional[Path] = typer.Option(None, "--project", "-p", parser=_file_path("--project"),
                                                help="The project file (default: beside the source, "
                                                     "NAME--NAME.review.json)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Print the address instead of opening a browser."),
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one)."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Language of the source."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Language of the target."),
    model: str = MODEL,
    segmenter: str = SEGMENTER,
    quiet: bool = QUIET,
) -> None:
    """Review and correct an alignment in the browser.

    Link and unlink sentences, join and split rows, mark moves, accept or dismiss findings.

    Every change is saved to the project file at once."""
    from .review import open_project
    from .review.server import serve

    if len(inputs) > 2:
        _fail("review takes one or two texts, a JSON result or a project")
    _check_output(project_file, [], "--project")  # a project given as input may be written again
    path = _or_fail(open_project, inputs, str(project_file) if project_file else None, src_lang=src_lang,
                    tgt_lang=tgt_lang, model=model, segmenter=segmenter, progress=_progress(quiet))

    def ready(server) -> None:
        typer.echo(f"align: reviewing {path} at {server.url} (Ctrl-C to stop; every change is already saved)",
                   err=True)

    try:
        serve(path, open_browser=not no_browser, port=port, ready=ready)
    except AlignError as error:  # the project changed on disk before the server read it
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}")


@app.command("export")
def export_project(
    project_file: Path = typer.Argument(..., help="A review project (made by align review)."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Format of the corrected alignment "
                                                                       "(default: from -o's suffix, else tmx)."),
    output: Optional[Path] = OUTPUT,
    dismissed: bool = typer.Option(False, "--dismissed", help="Keep the findings marked 'not an issue'."),
    quiet: bool = QUIET,
) -> None:
    """Write the corrected alignment of a review project as TMX, XLIFF, xlsx, HTML, JSON..."""
    from .reports import render
    from .review import project as projects

    _check_output(output, [str(project_file)])
    chosen = fmt.value if fmt else (_format_from_suffix(output, "export") or "tmx")
    _refuse_binary_on_terminal(chosen, output is None and sys.stdout.isatty())
    from .review import warn_changed

    project = _or_fail(projects.load, project_file)
    _check_not_a_text_of(project, project_file, output)
    warn_changed(project, project_file)
    result = _or_fail(lambda: projects.to_result(project, dismissed=dismissed))
    _write(render(result, chosen), output, chosen, quiet)
    _said_outside_tmx(result, chosen, quiet)


def _check_not_a_text_of(project: dict, project_file: Path, output: Optional[Path]) -> None:
    """Refuse an -o that names a text the review project was made from: `export p.review.json -o
    en.txt` wrote the table over the source text (a probe). The project names its texts as they
    were given, from the folder align review ran in: they are looked for where every command of the
    project looks for them (`review.project.text_places`), and by their bytes, which the project
    holds the digest of."""
    if output is None or not output.is_file():
        # Nor a device or pipe (-o /dev/stdout): read to hash it, it hung on the pipe or the keyboard.
        return
    from .review.project import file_digest, text_places

    digest = file_digest(str(output))
    for side in ("source", "target"):
        path, kept = project[side]["path"], project[side].get("digest")
        places = text_places(path, project_file) if path != "-" else []
        if (digest is not None and digest == kept) or any(_same_file(place, output) for place in places):
            _fail(f"-o {output} holds the {side} text of {project_file} ({path}); the report would overwrite it")


def _same_file(one, other) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _files_of(paths: list[str]) -> list[str]:
    """The files a command reads from `paths`, each folder's own files in its place (hidden ones
    aside, as the readers do): a report must not be written over any of them."""
    from .reading import folder_files

    files = []
    for path in paths:
        try:
            files += folder_files(path)[0] if path != "-" and os.path.isdir(path) else [path]
        except OSError:  # an unreadable folder: the command itself says so
            files.append(path)
    return files


def _refuse_binary_on_terminal(chosen: str, to_terminal: bool) -> None:
    from .reports import REPORTS

    if to_terminal and REPORTS[chosen].binary:
        _fail(f"{chosen} is a binary file; write it to a file with -o report.{REPORTS[chosen].extension}")


def _check_output(output: Optional[Path], inputs: list[Optional[str]], flag: str = "-o") -> None:
    """Refuse, before any work, an output the report could not be written to or that is an input."""
    if output is None:
        return
    for given in inputs:
        if given is None or given == "-":
            continue
        try:
            same = os.path.samefile(given, output)
        except OSError:  # one of them does not exist (yet): they cannot be the same file
            same = False
        if same:
            _fail(f"{flag} {output} is one of the inputs; the report would overwrite it")
    folder = output.parent if str(output.parent) else Path(".")
    try:
        is_dir, exists = output.is_dir(), output.exists()
    except OSError as exc:  # a name the file system refuses (too long)
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    if is_dir:
        _fail(f"{flag} {output} is a directory; name a file")
    if not folder.is_dir():
        _fail(f"cannot write {output}: no such directory {folder}")
    if not os.access(folder, os.W_OK | os.X_OK) or (exists and not os.access(output, os.W_OK)):
        _fail(f"cannot write {output}: permission denied")


def _write(text: str | bytes, output: Optional[Path], chosen: str, quiet: bool) -> None:
    if isinstance(text, str) and not text.endswith("\n"):
        text += "\n"
    if output is None:
        try:
            if isinstance(text, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(text)
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped reading (`| head`): it has what it wanted, and nothing is said.
            _stdout_to_null()
        except OSError as exc:
            # A full disk or a device that refuses it (> /dev/full) ended in a traceback.
            _stdout_to_null()
            _fail(f"cannot write the report to standard output: {exc.strerror or exc}")
        return
    try:
        write_whole(output, text)  # a full disk or a kill leaves the previous report whole
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    if not quiet:
        typer.echo(f"align: wrote {chosen} report to {output}", err=True)


def _stdout_to_null() -> None:
    """Standard output pointed at /dev/null: what its buffer still holds cannot be written, and
    every flush on the way out (ours, the interpreter's) would fail again and print a traceback."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _said_outside_tmx(result, chosen: str, quiet: bool, min_score: float = 0.0) -> None:
    """A TMX holds pairs only: say how many sentences it leaves out, so that none goes unsaid."""
    if chosen != "tmx" or quiet:
        return
    from .reports.tmx import sentences_in_no_unit

    src_out, tgt_out = sentences_in_no_unit(result, min_score)
    if src_out or tgt_out:
        typer.echo(f"align: {src_out} source and {tgt_out} target sentences stand in no pair of the TMX (left out, "
                   "added, markup or scored under --min-score); -f xliff or json holds every sentence", err=True)


def _said_format(fmt: Optional[Enum], output: Optional[Path], chosen: str, quiet: bool) -> None:
    """A report redirected without -f is not what the terminal shows: say which one was written."""
    if fmt is None and output is None and not quiet and not sys.stdout.isatty():
        typer.echo(f"align: stdout is not a terminal: wrote the {chosen} report (-f table for the table)", err=True)


def _chosen_format(fmt: Optional[Enum], output: Optional[Path], command: str = "pair",
                   available: tuple[str, ...] | None = None) -> str:
    """-f if given; else a table for a terminal or a .txt file, the output file's suffix, or json."""
    if fmt:
        chosen = fmt.value
        named = _suffix_names(output)
        # A .csv holding tab-separated text opens in a spreadsheet split at its commas.
        if (named in Format.__members__ or named == "csv") and named != chosen and not (named == "xliff" and chosen == "xliff12"):
            logging.getLogger("align").warning("-o %s names a %s file, but -f %s writes %s", output, output.suffix,
                                               chosen, chosen)
    elif (output is None and sys.stdout.isatty()) or (output and output.suffix == ".txt"):
        chosen = "table"
    else:
        chosen = _format_from_suffix(output, command, available) or "json"
    if available is not None and chosen not in available:
        _fail(f"format {chosen!r} is not available for {command}; choose one of: {', '.join(available)}")
    return chosen


_SUFFIXES = {"json": ".json", "tsv": ".tsv", "table": ".txt (a table)", "html": ".html", "tmx": ".tmx",
             "xliff": ".xlf", "xlsx": ".xlsx", "beads": ".beads"}


def _suffix_names(output: Optional[Path]) -> str:
    """What -o's suffix would name as a format ("xlf" is xliff, "txt" a table); "" for none."""
    suffix = output.suffix.lstrip(".").lower() if output is not None else ""
    return {"xlf": "xliff", "txt": "table"}.get(suffix, suffix)


def _format_from_suffix(output: Optional[Path], command: str,
                        available: tuple[str, ...] | None = None) -> Optional[str]:
    """The format -o's suffix names; None for no suffix (or .xml, which several formats are). A
    suffix no format writes is an error: a report.docx or report.csv that held JSON was a surprise."""
    suffix = _suffix_names(output)
    if not suffix:
        return None
    if suffix == "xml":
        # Several formats are XML; a report.xml that held JSON was a surprise.
        xml_formats = [fmt for fmt in ("tmx", "xliff", "xliff12") if available is None or fmt in available]
        if xml_formats:
            _fail(f"-o {output}: {', '.join(xml_formats)} are all XML; choose one with -f")
    if suffix in Format.__members__:
        return suffix
    names = [name for fmt, name in _SUFFIXES.items() if available is None or fmt in available]
    _fail(f"-o {output}: {command} writes no {output.suffix} file; name it {', '.join(names[:-1])} or {names[-1]}, "
          "or choose the format with -f")


def main() -> None:
    """The command line; `align.startup.main`, the console script, starts the tokenizer's read first."""
    logging.basicConfig(level=logging.WARNING, format="align: %(message)s")
    interrupts.install()
    try:
        code = app(prog_name="align", standalone_mode=False)
        interrupts.check()
    except _command_line_errors() as exc:
        # One line, as for every other error, instead of a framed box over six lines.
        context = getattr(exc, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        typer.echo(f"align: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("align: interrupted", err=True)
        sys.exit(130)
    except interrupts.Terminated:
        typer.echo("align: terminated", err=True)
        sys.exit(143)
    if code == 130:  # typer turns Ctrl-C into a quiet exit 130
        typer.echo("align: interrupted", err=True)
    sys.exit(code if isinstance(code, int) else 0)


def _command_line_errors() -> tuple[type[Exception], ...]:
    """The usage errors of the command-line parser: click's, or those of the click that newer
    typer releases carry inside them."""
    errors: list[type[Exception]] = []
    typer_error = getattr(getattr(typer, "exceptions", None), "TyperException", None)
    if typer_error is not None:
        errors.append(typer_error)
    try:
        import click
    except ImportError:  # pragma: no cover - typer without click
        pass
    else:
        errors.append(click.ClickException)
    return tuple(errors)


if __name__ == "__main__":  # pragma: no cover
    main()
