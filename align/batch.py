"""Many pairs in one run (`align batch`): the encoder is loaded once, the sentences of a group of
pairs are embedded in one call (so every core works on them), and each pair gets its own report
beside a summary table.

A run can be stopped and started again: a pair whose report is already there is skipped (reports
are written whole, by rename, so one that exists is complete) when the summary of the run that
wrote it names the same inputs and settings (`_fingerprint`): an input edited since, a manifest
whose lines were reordered or another format is aligned again, and a skipped pair keeps its row.
A pair that fails (a missing file, the same language twice) is reported in the summary and the
others go on.
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .aligner import AlignConfig
from .audit import AuditThresholds
from .encoders import DEFAULT_MODEL, Encoder, encoder_for, is_fallback, uncovered_languages
from .errors import AlignError, InputError
from .files import write_whole
from .reading import decode_text, folder_files, warn_unread_folders
from .reports.base import sentence_counts
from .reports.tsv import escape, unescape
from .threads import one_blas_thread

logger = logging.getLogger("align")

# Pairs are embedded together up to about this many sentences: enough to keep every worker
# busy, few enough that a corpus of thousands of pairs never holds all its vectors at once.
SENTENCES_PER_GROUP = 20_000
SUMMARY_COLUMNS = ("name", "status", "source", "target", "source_sentences", "target_sentences", "matched",
                   "omissions", "additions", "content_findings", "verdict", "report", "error", "inputs")


@dataclass(frozen=True)
class PairJob:
    name: str  # the report's file name without suffix; unique within a batch
    source: str
    target: str
    missing: str = ""  # why the pair cannot be aligned ("no namesake in fr/"): it fails, said in the summary


@dataclass
class BatchResult:
    rows: list[dict] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(row["status"] == "failed" for row in self.rows)


def read_manifest(path: str | Path) -> list[PairJob]:
    """Pairs from a TSV file: `source<TAB>target[<TAB>name]` a line; '#' starts a comment, and a
    first line that names the columns (`source<TAB>target...`, as a spreadsheet saves one) is a
    header. Paths are relative to the manifest's folder."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read the manifest ({error})") from None
    # Excel's "Unicode Text" is UTF-16 (marked) and its "Text (Tab delimited)" the system's code
    # page, cp1252 on a Western Windows: a manifest that is not UTF-8 is read in the code page in
    # which the files it names are there (the language detector has only file names to go on).
    if data.strip() and not _is_utf8(data):
        try:
            jobs = _manifest_jobs(data.decode("cp1252").replace("\r\n", "\n").replace("\r", "\n"), path)
        except UnicodeDecodeError:
            jobs = []
        if jobs and all(os.path.exists(name) for job in jobs for name in (job.source, job.target)):
            return _unique(jobs, str(path))
    found = _manifest_jobs(decode_text(data, str(path)) if data.strip() else "", path)
    return _unique(found, str(path))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 or UTF-32, marked
    return True


def _manifest_jobs(text: str, path: Path) -> list[PairJob]:
    jobs = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        # A spreadsheet quotes a cell that holds a quote or a separator ("en.txt" was no such file).
        cells = [cell.strip() for cell in next(csv.reader([line], delimiter="\t"))]
        if not jobs and [cell.lower() for cell in cells[:2]] == ["source", "target"]:
            continue
        if len(cells) not in (2, 3) or not all(cells):
            raise InputError(f"{path}, line {number}: expected 'source<TAB>target[<TAB>name]'")
        source, target = (_as_file(str(path.parent / cell)) for cell in cells[:2])
        jobs.append(PairJob(cells[2] if len(cells) == 3 else _name_of(cells[0], cells[1]), source, target))
    return jobs


def match_folders(src_dir: str | Path, tgt_dir: str | Path, out_dir: str | Path | None = None) -> list[PairJob]:
    """Pairs of files with the same name (or, failing that, the same stem) in two folders; the
    summary and the reports a run before wrote to `out_dir`, where that is one of them, are no inputs."""
    src_dir, tgt_dir = Path(src_dir), Path(tgt_dir)
    for folder in (src_dir, tgt_dir):
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
    ours = _outputs_of(Path(out_dir)) if out_dir is not None else set()
    (src_files, src_folders), (tgt_files, tgt_folders) = folder_files(src_dir), folder_files(tgt_dir)
    src_files = [path for path in src_files if os.path.realpath(path) not in ours]
    tgt_files = [path for path in tgt_files if os.path.realpath(path) not in ours]
    targets = {path.name: path for path in map(Path, tgt_files)}
    by_stem = {path.stem: path for path in targets.values()}
    jobs, unmatched, used = [], [], set()
    for source in map(Path, src_files):
        target = targets.get(source.name) or by_stem.get(source.stem)
        if target is None:
            unmatched.append(source.name)
            continue
        used.add(target.name)
        jobs.append(PairJob(source.stem, _as_file(str(source)), _as_file(str(target))))
    # Nothing left out unsaid: a file without a namesake is a pair that fails, in the summary and
    # the exit code (a chapter named otherwise on one side was never audited, and the run said
    # so on stderr only); sub-folders, not read, are named.
    if not jobs:
        raise InputError(f"{src_dir}: no file has a namesake in {tgt_dir}; no pairs to align")
    jobs += [PairJob(Path(name).stem, _as_file(str(src_dir / name)), "", f"no namesake in {tgt_dir}") for name in unmatched]
    jobs += [PairJob(Path(name).stem, "", _as_file(str(targets[name])), f"no namesake in {src_dir}")
             for name in sorted(set(targets) - used)]
    for folder, folders in ((src_dir, src_folders), (tgt_dir, tgt_folders)):
        warn_unread_folders(folder, folders)
    return _unique(jobs, str(src_dir))


def _outputs_of(out_dir: Path) -> set[str]:
    """What a batch run wrote to `out_dir`: its summary and the reports the summary lists. With -d
    the source folder, a rerun read them as inputs: a.json was aligned against the target folder's
    a.txt as a pair of its own, and summary.tsv failed as a file with no namesake (a probe)."""
    summary = out_dir / "summary.tsv"
    reports = {row.get("report") for row in _earlier_rows(summary).values()}
    return {os.path.realpath(summary)} | {os.path.realpath(out_dir / name) for name in reports if name}


def _as_file(path: str) -> str:
    """`path` as the file it names: a file "-" in the current folder (a manifest there naming it,
    --dirs .) is "./-"; as "-" (which pathlib makes of "./-"), every reader took it for standard
    input, and the pair's report was of whatever stdin held, not of the file."""
    return os.path.join(".", path) if path == "-" else path


def _name_of(source: str, target: str) -> str:
    return f"{Path(source).stem}--{Path(target).stem}"


def _unique(jobs: list[PairJob], where: str) -> list[PairJob]:
    if not jobs:
        raise InputError(f"{where}: no pairs to align")
    seen: dict[str, int] = {}
    out = []
    for job in jobs:
        # Not opening with "-": the shell takes "---fr.json" (a file "-" and fr.txt) for an option.
        safe = re.sub(r"[^\w.-]+", "_", job.name).lstrip("._-").rstrip("._") or "pair"
        seen[safe] = seen.get(safe, 0) + 1
        out.append(PairJob(safe if seen[safe] == 1 else f"{safe}-{seen[safe]}", job.source, job.target, job.missing))
    return out


@dataclass(frozen=True)
class Settings:
    """Everything a pair's alignment depends on besides its files: one object, so that a Dask
    worker aligns exactly as this process would."""

    fmt: str = "json"
    src_lang: str | None = None
    tgt_lang: str | None = None
    model: str = DEFAULT_MODEL
    segmenter: str = "auto"
    cache: bool = True
    partial: bool = True
    config: AlignConfig = field(default_factory=AlignConfig)
    thresholds: AuditThresholds = field(default_factory=AuditThresholds)


@one_blas_thread
def run_batch(jobs: list[PairJob], out_dir: str | Path, *, fmt: str = "json", src_lang: str | None = None,
              tgt_lang: str | None = None, model: str = DEFAULT_MODEL, encoder: Encoder | None = None,
              segmenter: str = "auto", cache: bool = True, partial: bool = True, config: AlignConfig | None = None,
              thresholds: AuditThresholds | None = None, progress: bool = False, dask: str | None = None,
              dask_workers: int | None = None, protected: tuple[str, ...] = ()) -> BatchResult:
    """Align every pair of `jobs`, writing `out_dir/NAME.<fmt>` each and `out_dir/summary.tsv`.

    A report whose name would land on an input, on `protected` files (the manifest) or on the
    summary is written under the next free name (NAME-2...), as the summary's `report` column says.

    `dask`: the address of a Dask scheduler (or "local" for a cluster of this machine's cores,
    `dask_workers` processes) to run the pairs on; its workers must see `out_dir` and the inputs."""
    from .reports import REPORTS

    settings = Settings(fmt, src_lang, tgt_lang, model, segmenter, cache, partial, config or AlignConfig(),
                        thresholds or AuditThresholds())
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    extension = REPORTS[fmt].extension
    earlier = _earlier_rows(out_dir / "summary.tsv")
    jobs = _clear_of_inputs(jobs, out_dir, extension, protected, {row.get("report") for row in earlier.values()})
    result = BatchResult()
    todo: list[PairJob] = []
    fingerprints = {job.name: _fingerprint(job, settings) for job in jobs}
    for job in jobs:
        if job.missing:
            result.rows.append(_row(job, "failed", error=job.missing))
            continue
        report = out_dir / f"{job.name}.{extension}"
        before = earlier.get(job.name)
        if (_exists(report) and before is not None and before.get("status") in ("aligned", "done before")
                and fingerprints[job.name] and before.get("inputs") == fingerprints[job.name]):
            result.rows.append({**dict.fromkeys(SUMMARY_COLUMNS, ""), **before, "status": "done before"})
        else:
            todo.append(job)
    bar = None
    if progress and todo:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), desc="pairs", unit="pair")
    written: list[dict] = []  # the rows of the pairs aligned so far, as they are written
    try:
        if dask and todo:
            from .cluster import run_on_dask

            result.rows += run_on_dask(todo, out_dir, settings, dask, dask_workers, bar)
        elif todo:
            result.rows += align_jobs(todo, out_dir, settings, encoder, {}, bar=bar, rows=written)
    except BaseException:
        # Ctrl-C, SIGTERM or a crash: the summary still names the reports written, so that the next
        # run skips them. Without it the next run aligned every pair again and, finding each report
        # there but in no summary, wrote them all a second time as NAME-2 (a probe). A pair not
        # reached keeps the row a run before gave it (its fingerprint says whether it still holds).
        done = _fingerprinted(result.rows + written, fingerprints)
        names = {row["name"] for row in done}
        left = [{**dict.fromkeys(SUMMARY_COLUMNS, ""), **earlier[job.name]} if job.name in earlier
                else _row(job, "interrupted", error="not aligned: the run was stopped")
                for job in todo if job.name not in names]
        _write_summary(out_dir, done + left, jobs)
        raise
    finally:
        if bar is not None:
            bar.close()
    result.rows = _fingerprinted(result.rows, fingerprints)
    _write_summary(out_dir, result.rows, jobs)
    return result


def _fingerprinted(rows: list[dict], fingerprints: dict[str, str]) -> list[dict]:
    """`rows` of this run, each with the fingerprint of the inputs its report was made from."""
    for row in rows:
        row["inputs"] = fingerprints[row["name"]] if row["status"] != "failed" else ""
    return rows


def _write_summary(out_dir: Path, rows: list[dict], jobs: list[PairJob]) -> None:
    """summary.tsv: `rows` in the order of `jobs`."""
    order = {job.name: k for k, job in enumerate(jobs)}
    rows.sort(key=lambda row: order[row["name"]])
    write_whole(out_dir / "summary.tsv", _summary_tsv(rows))


def _clear_of_inputs(jobs: list[PairJob], out_dir: Path, extension: str, protected,
                     ours: set | frozenset = frozenset()) -> list[PairJob]:
    """`jobs` renamed where a report would overwrite an input, the summary, or a file of `out_dir`
    that no earlier run wrote (`ours`: the reports the earlier summary lists): `-d` may be the
    inputs' own folder, where `en.txt<TAB>de.txt<TAB>de` with `-f table` names the report de.txt,
    and a user's notes.json in it had been replaced by the report of a pair named notes."""
    taken = {os.path.realpath(path) for job in jobs for path in (job.source, job.target) if path}
    taken |= {os.path.realpath(path) for path in protected}
    taken.add(os.path.realpath(out_dir / "summary.tsv"))
    names = {job.name for job in jobs}
    out = []
    for job in jobs:
        name, number = job.name, 1
        while (os.path.realpath(out_dir / f"{name}.{extension}") in taken
               or (name != job.name and name in names)  # nor on another pair's name
               or (os.path.lexists(out_dir / f"{name}.{extension}") and f"{name}.{extension}" not in ours)):
            number += 1
            name = f"{job.name}-{number}"
        if name != job.name:
            logger.warning("pair %s: its report would overwrite %s; written as %s.%s instead", job.name,
                           out_dir / f"{job.name}.{extension}", name, extension)
            names.add(name)
        taken.add(os.path.realpath(out_dir / f"{name}.{extension}"))
        out.append(PairJob(name, job.source, job.target, job.missing))
    return out


def align_jobs(todo: list[PairJob], out_dir: Path, settings: Settings, encoder: Encoder | None,
               loaded: dict, bar=None, encoder_workers: int | None = None,
               rows: list[dict] | None = None) -> list[dict]:
    """Align `todo`, writing each pair's report into `out_dir`; the summary rows. `loaded` keeps
    the encoders this process has loaded (by whether they are the fallback) from call to call;
    `rows`, where given, receives each aligned pair's row as its report is written."""
    from .loading import load_documents
    from .pipeline import _run, embed_prepared, prepare
    from .reports import REPORTS, render
    from .segmenters import load_segmenter

    seg = load_segmenter(settings.segmenter)
    extension = REPORTS[settings.fmt].extension
    rows = [] if rows is None else rows
    failed = BatchResult()
    for group in _groups(todo, seg, settings.src_lang, settings.tgt_lang, load_documents, failed):
        # Every pair of a group shares one encoder: the fallback's when one of them needs it. Each
        # is loaded once a run.
        languages = {d.lang for _, src, tgt in group for d in (src, tgt)}
        needs_fallback = bool(uncovered_languages(languages))
        # Keyed by model too: a Dask worker keeps its encoders from one run to the next.
        key = (settings.model, settings.cache, needs_fallback)
        if encoder is None and key not in loaded:
            loaded[key] = encoder_for(settings.model, languages, settings.cache, workers=encoder_workers)
        encoder_here = encoder or loaded[key]
        partial_here = settings.partial and not is_fallback(encoder_here)
        prepared = [(prepare(src), prepare(tgt)) for _, src, tgt in group]
        vectors = embed_prepared([doc for pair in prepared for doc in pair], encoder_here)
        for k, (job, src, tgt) in enumerate(group):
            try:
                aligned = _run(src, tgt, encoder_here, settings.config, settings.thresholds, seg.name,
                               src_emb=vectors[2 * k], tgt_emb=vectors[2 * k + 1], partial=partial_here,
                               prepared=prepared[k])
                report = out_dir / f"{job.name}.{extension}"
                write_whole(report, render(aligned, settings.fmt))
                rows.append(_row(job, "aligned", aligned, report.name))
            except AlignError as error:
                rows.append(_row(job, "failed", error=str(error)))
            except Exception as error:  # noqa: BLE001 - one pair's failure (a report name too long, a
                # writer's bug) must not cost the others their reports and the run its summary
                rows.append(_row(job, "failed", error=f"{type(error).__name__}: {error}"))
            if bar is not None:
                bar.update(1)
    if bar is not None and failed.rows:
        bar.update(len(failed.rows))
    return rows + failed.rows


def _fingerprint(job: PairJob, settings: Settings) -> str:
    """A digest of what a pair's report depends on: both files' bytes and every setting. Empty
    when a file cannot be read (the pair fails, and is tried again next time)."""
    digest = hashlib.sha256(repr(settings).encode())
    try:
        for path in (job.source, job.target):
            with open(path, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            digest.update(b"\0")
    except OSError:
        return ""
    return digest.hexdigest()[:16]


def _earlier_rows(path: Path) -> dict[str, dict]:
    """The rows of the summary a run before left, by pair name; none when there is none."""
    try:
        return {row["name"]: row for row in read_summary(path) if row.get("name")}
    except (OSError, UnicodeError, csv.Error):
        return {}


def _exists(path: Path) -> bool:
    """Whether a whole report is there; a name the file system refuses (too long) is not, and its
    pair fails when the report is written, with the others going on. An empty report, or a JSON
    one that no longer parses (cut short by a full disk, emptied by hand), was kept as done."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        return True
    except (OSError, ValueError):
        return False


def _groups(jobs, seg, src_lang, tgt_lang, load_documents, result: BatchResult):
    """The readable pairs as (job, source document, target document), in groups of about
    SENTENCES_PER_GROUP sentences; a pair that cannot be read goes into `result` as failed."""
    group, size = [], 0
    for job in jobs:
        try:
            src, tgt = load_documents(job.source, job.target, src_lang=src_lang, tgt_lang=tgt_lang, segmenter=seg)
        except (AlignError, OSError, UnicodeError) as error:
            result.rows.append(_row(job, "failed", error=str(error)))
            continue
        group.append((job, src, tgt))
        size += len(src.sentences) + len(tgt.sentences)
        if size >= SENTENCES_PER_GROUP:
            yield group
            group, size = [], 0
    if group:
        yield group


def _row(job: PairJob, status: str, aligned=None, report: str = "", error: str = "") -> dict:
    row = dict.fromkeys(SUMMARY_COLUMNS, "")
    row.update(name=job.name, status=status, source=job.source, target=job.target, report=report, error=error)
    if aligned is not None:
        # Sentences, as the pair's own report counts them (findings were counted: one omission
        # of a paragraph of five read as one sentence left out).
        counts = sentence_counts(aligned)
        row.update(source_sentences=len(aligned.source.sentences), target_sentences=len(aligned.target.sentences),
                   matched=counts["match"] + counts["moved"],
                   omissions=counts["omission"], additions=counts["addition"],
                   content_findings=sum(1 for f in aligned.findings if f.severity == "content"),
                   verdict=aligned.summary.get("verdict", ""))
    return row


# A cell holds what it names as written, a tab or line break in it escaped as the TSV report
# escapes one (`reports.tsv.escape`), so that each row is one line: collapsing every run of
# whitespace had named "fr  two.txt" as "fr two.txt", a file that is not there (a probe). A cell
# that opens with = + - @ (a file named "=HYPERLINK(...).txt", "-fr.txt") stands behind the
# spreadsheet's text mark `'`, as in the TSV report: opened in a spreadsheet, the summary ran it as
# a formula. `read_summary` undoes both: the escapes had been written and never read back, so a
# file "EN/a<TAB>b.txt" came back as "EN/a\tb.txt" (another file), a pair named with a tab was
# not found done and its report written again as NAME-2, and "a<TAB>b" and "a\tb" were one cell.
# A backslash that would read as an escape is doubled ("c\\td"); any other stays as written.


def _summary_tsv(rows: list[dict]) -> str:
    lines = ["\t".join(SUMMARY_COLUMNS)]
    for row in rows:
        lines.append("\t".join(escape(str(row[column]), quoting=False) for column in SUMMARY_COLUMNS))
    return "\n".join(lines) + "\n"


def read_summary(path: str | Path) -> list[dict]:
    """The rows of a summary.tsv; a quote is a character of its cell, as written (read as a
    spreadsheet's quoting, `"q" en.txt` came back as `q en.txt`, and a rerun wrote it so)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [{column: unescape(cell, quoting=False) if isinstance(cell, str) else cell for column, cell in row.items()}
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


__all__ = ["PairJob", "BatchResult", "read_manifest", "match_folders", "run_batch", "read_summary"]
