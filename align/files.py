"""Writing a file whole: reports, review projects, batch summaries.

Written beside the target and renamed over it, so a full disk, a kill or a crash leaves the
previous file as it was, never a truncated one; a new file gets the permissions the user's umask
gives, a replaced one keeps its own. A device or a pipe (-o /dev/stdout) is written as it is.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_whole(path: str | Path, content: str | bytes) -> None:
    path = Path(path)
    mode, encoding = ("wb", None) if isinstance(content, bytes) else ("w", "utf-8")
    # A device, a pipe, /dev/stdout (a link to whatever the shell redirected it to): written
    # through. Replaced as a file, /dev/stdout itself became the report, machine-wide for root.
    if str(path).startswith(("/dev/", "/proc/")) or (path.exists() and not path.is_file()):
        with open(path, mode, encoding=encoding) as stream:
            stream.write(content)
        return
    # A link to a file: its target gets the report, and the link stays (it was replaced by a file).
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(mode, encoding=encoding, dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
