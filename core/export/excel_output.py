"""Writing export files so that nothing half-done is ever left behind.

An export goes to a temporary file in the target's folder and is renamed
over the target only once complete (``os.replace`` is atomic on one file
system), so cancelling, a crash or a full disk never damages an existing
file. Errors the user can fix (a read-only folder, a file open in Excel)
become :class:`ExportError` with a message that says what to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from core.store.store import ProjectError


class ExportError(ProjectError):
    """The export could not be written; the message says why and what to do."""


def check_writable(target: Path) -> None:
    """Fail early, before minutes of work, if ``target`` cannot be written."""
    if target.is_dir():
        raise ExportError(f"{target} is a folder; choose a file name to export to.")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"Cannot write to the folder {folder}: permission denied. Choose another folder.")
    if target.exists():
        try:  # on Windows a file open in Excel refuses this; elsewhere a read-only file does
            with open(target, "ab"):
                pass
        except OSError as exc:
            raise ExportError(_explain(exc, target)) from exc


def _explain(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) or isinstance(exc, PermissionError):
        return (
            f"Cannot write {target.name}: it is read-only or open in another program (such as Excel). "
            "Close it there, or choose another name, and export again."
        )
    if exc.errno == errno.ENOSPC:
        return f"Cannot write {target.name}: the disk is full."
    return f"Cannot write {target}: {exc.strerror or exc}"


@contextmanager
def atomic_output(target: Path, suffix: str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    On any error or cancel the temporary file is removed and ``target``, if
    it existed, is left exactly as it was.
    """
    check_writable(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix + ".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(_explain(exc, target)) from exc
    os.close(handle)
    temp = Path(name)
    # mkstemp makes the file private: keep the old file's mode, else the usual one
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    try:
        try:
            yield temp
            os.chmod(temp, mode)
            os.replace(temp, target)
        except OSError as exc:
            raise ExportError(_explain(exc, target)) from exc
    finally:
        temp.unlink(missing_ok=True)
