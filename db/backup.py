"""Backups through SQLite's online backup API, rotation, and restore.

A backup is written to ``*.partial`` and renamed into place only when
complete, so a power cut never leaves a half file that looks like a backup.
Names carry the time and the kind: ``cchc-xa_20241205-081500_auto.sqlite3``.
Kinds: ``auto`` (at start, at most daily, the last ``KEEP_AUTO`` kept),
``manual`` (asked for), ``pre-migration`` and ``before-restore`` (kept),
``damaged`` (a raw copy of a file that failed its check, kept for rescue).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.fsync import replace_durably
from db.integrity import integrity_problems, is_intact

KEEP_AUTO = 10
KINDS = ("auto", "manual", "pre-migration", "before-restore", "damaged")
_SUFFIX = ".sqlite3"
_NAME = re.compile(r"^cchc-xa_(\d{8}-\d{6})(?:-(\d+))?_([a-z-]+)\.sqlite3$")


class BackupError(Exception):
    """A backup could not be read or written; the message is for the caller to translate."""


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    taken_at: datetime


def parse_backup_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match or match.group(3) not in KINDS:
        return None
    taken_at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return Backup(path, match.group(3), taken_at)


def _free_name(folder: Path, kind: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"cchc-xa_{stamp}_{kind}{_SUFFIX}"
    counter = 1
    while candidate.exists():
        candidate = folder / f"cchc-xa_{stamp}-{counter}_{kind}{_SUFFIX}"
        counter += 1
    return candidate


def take_backup(database: Path, folder: Path, kind: str, now: datetime | None = None) -> Backup:
    """Copy ``database`` (with whatever its WAL holds) into ``folder`` as a complete backup."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, kind, now)
    partial = target.with_name(target.name + ".partial")
    try:
        source = sqlite3.connect(str(database))
        destination = sqlite3.connect(str(partial))
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            destination.close()
            source.close()
        replace_durably(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    return Backup(target, kind, now)


def keep_damaged_copy(database: Path, folder: Path, now: datetime | None = None) -> Backup:
    """Put a raw copy of a damaged database (and its WAL) aside for rescue by an expert."""
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, "damaged", now)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():  # the WAL first: a damaged copy that is listed always has its WAL beside it
        wal_partial = target.with_name(target.name + ".wal-copy.partial")
        shutil.copyfile(wal, wal_partial)
        replace_durably(wal_partial, target.with_name(target.name + ".wal-copy"))
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(database, partial)
    replace_durably(partial, target)
    return Backup(target, "damaged", now)


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first; unfinished ``.partial`` files are not backups."""
    if not folder.is_dir():
        return []
    found = (parse_backup_name(path) for path in folder.iterdir() if path.suffix == _SUFFIX)
    return sorted((b for b in found if b), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotate(folder: Path, keep: int = KEEP_AUTO) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; other kinds are left alone."""
    automatic = [b for b in list_backups(folder) if b.kind == "auto"]
    removed = [b.path for b in automatic[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def latest_good_backup(folder: Path) -> Backup | None:
    """The newest backup that passes the integrity check (damaged copies never count)."""
    for backup in list_backups(folder):
        if backup.kind != "damaged" and is_intact(backup.path):
            return backup
    return None


def restore(backup_path: Path, database: Path, folder: Path, now: datetime | None = None) -> Backup | None:
    """Put ``backup_path`` in place of ``database``, keeping a copy of what it replaces.

    The caller must have closed every connection to ``database``. Returns the
    copy of the replaced file (``before-restore``, or ``damaged`` when it was
    not whole), or None when there was no database.
    """
    problems = integrity_problems(backup_path) if backup_path.exists() else ["missing"]
    if problems:
        raise BackupError("; ".join(problems[:3]))
    saved = None
    if database.exists():
        if is_intact(database):
            saved = take_backup(database, folder, "before-restore", now)
        else:
            saved = keep_damaged_copy(database, folder, now)
    incoming = database.with_name(database.name + ".restoring")
    try:
        shutil.copyfile(backup_path, incoming)
        # Windows refuses both steps while another program holds the database open: the
        # journal first, so a refusal leaves the current data as it was.
        for leftover in ("-wal", "-shm"):
            database.with_name(database.name + leftover).unlink(missing_ok=True)
        replace_durably(incoming, database)
    finally:
        incoming.unlink(missing_ok=True)
    return saved


def remove_leftovers(folder: Path) -> int:
    """Delete ``*.partial`` files left by a backup cut short (never listed as backups). Returns how many."""
    if not folder.is_dir():
        return 0
    leftovers = [path for path in folder.iterdir() if path.name.endswith(".partial") and path.is_file()]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return len(leftovers)
