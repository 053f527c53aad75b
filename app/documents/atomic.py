"""Write a file so that its final name holds either the old content or the complete new one.

A renderer writes to a temporary file beside the target (same folder, hence the
same file system, so the rename is atomic), the bytes are flushed to disk, then
the temporary file replaces the target. On any error the temporary file is
removed and the target is left as it was: a pulled USB stick or a crash never
leaves half a PDF under the name the clerk will send.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder, and needs nothing here."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on normal exit it replaces ``target``, on error it is deleted.

    The caller writes the whole file to the yielded path (by name; it already exists, empty).
    """
    final = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _fsync_file(temp)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(final.parent)
