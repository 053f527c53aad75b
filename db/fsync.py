"""Make a finished file survive a power cut: flush it, then its folder entry."""

from __future__ import annotations

import os
from pathlib import Path


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
    os.replace(source, target)
    fsync_dir(target.parent)
