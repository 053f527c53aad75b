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

from db.fsync import replace_durably


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
        replace_durably(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
