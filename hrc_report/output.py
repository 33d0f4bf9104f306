"""Write report files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .models import HrcReportError


def prepare_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` if needed and check it can be written, before any work is done."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise HrcReportError(f"{folder}: exists and is not a folder") from None
    except OSError as error:
        raise HrcReportError(f"{folder}: cannot create the output folder ({error.strerror or error})") from None
    if not folder.is_dir():
        raise HrcReportError(f"{folder}: exists and is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise HrcReportError(f"{folder}: the output folder is not writable")
    _remove_leftovers(folder)
    return folder


#: A temporary file older than this was left by a run that was killed (SIGKILL,
#: power cut): a live run renames its files within seconds.
LEFTOVER_AGE = 3600


def _remove_leftovers(folder: Path) -> None:
    """Temporary files that an interrupted run left behind (write_atomic's '.NAME.*.tmp')."""
    import time

    for leftover in folder.glob(".*.tmp"):
        try:
            if time.time() - leftover.stat().st_mtime > LEFTOVER_AGE:
                leftover.unlink()
        except OSError:
            pass


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``.

    A reader never sees half a report, and an interrupted run leaves the old
    file (or none) in place.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        if isinstance(error, OSError):
            raise HrcReportError(f"{path}: cannot write ({error.strerror or error})") from None
        raise
