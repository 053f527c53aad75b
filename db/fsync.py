"""Make a finished file survive a power cut: flush it, then its folder entry."""

from __future__ import annotations

import os
import time
from pathlib import Path

# Windows refuses to replace a file another program holds open. An antivirus scan, the search
# indexer or Explorer's preview let go within moments, so the rename is tried again a few times
# (1.5 s in all); a file open in Word or Excel stays refused and the caller reports it.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Persist a rename inside ``path``; Windows has no directory handles to sync, so skip there."""
    if os.name == "nt":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace_durably(source: Path, target: Path) -> None:
    """Rename a fully written ``source`` over ``target`` so that either the old or the new file survives."""
    fsync_file(source)
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            break
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)
    fsync_dir(target.parent)
