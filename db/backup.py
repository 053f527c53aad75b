"""Backups through SQLite's online backup API, rotation, and restore.

A backup is written to ``*.partial`` and renamed into place only when
complete, so a power cut never leaves a half file that looks like a backup.
Names carry a sequence number, the time and the kind:
``cchc-xa_000123_20241205-081500_auto.sqlite3``. The sequence (one more than
the highest in the folder) orders backups: the time comes from the computer
clock, which an old PC with a dead BIOS battery sets to 2001 and a typo to
2099, so it is shown but never trusted for order. Names from before the
sequence (``cchc-xa_20241205-081500_auto.sqlite3``) read as sequence 0: older
than every new one, ordered among themselves by their time.
Kinds: ``auto`` (at start, at most daily, the last ``KEEP_AUTO`` kept),
``manual`` (asked for), ``pre-migration`` and ``before-restore`` (kept),
``damaged`` (a raw copy of a file that failed its check, kept for rescue).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.fsync import replace_durably
from db.integrity import CORE_TABLES, DAMAGED, check_file, commune_name, is_intact, schema_revision, table_names

KEEP_AUTO = 10
KINDS = ("auto", "manual", "pre-migration", "before-restore", "damaged")
_SUFFIX = ".sqlite3"
_NAME = re.compile(r"^cchc-xa_(?:(\d{6,})_)?(\d{8}-\d{6})(?:-(\d+))?_([a-z-]+)\.sqlite3$")
# The clerk's own tables: a row in any of them is work that a fresh database does not have. Shipped data
# (criteria sets, award kinds, certificate layout) is left out: every new database holds it.
CLERK_TABLES = ("commune_profile", "official", "plan", "award_record", "collective", "initiative",
                "discipline", "procedure_stat", "registration", "dossier", "council_member", "evidence_file")


class BackupError(Exception):
    """A backup could not be read or written; the message is for the caller to translate."""


class BackupRefused(BackupError):
    """The file is not one this version can restore; ``reason`` is one of the ``BackupFacts`` problems."""

    def __init__(self, reason: str, details: str) -> None:
        super().__init__(details)
        self.reason = reason


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    taken_at: datetime  # by the computer clock at the time: shown, never used for order
    sequence: int = 0  # 0 for names from before the sequence


def parse_backup_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if not match or match.group(4) not in KINDS:
        return None
    stamp = match.group(2)  # YYYYMMDD-HHMMSS, digits checked by _NAME; by hand, as strptime loads _strptime,
    # locale and calendar (≈ 4 ms) on the way to the first page's data (issue 24)
    taken_at = datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]),
                        int(stamp[13:15]))
    return Backup(path, match.group(4), taken_at, int(match.group(1) or 0))


def _order(backup: Backup) -> tuple:
    """Sequence first (the clock cannot break it); the time and the name only among old, unnumbered names."""
    return (backup.sequence, backup.taken_at, backup.path.name)


def _free_name(folder: Path, kind: str, now: datetime) -> Path:
    sequence = max((b.sequence for b in list_backups(folder)), default=0) + 1
    stamp = f"{sequence:06d}_{now:%Y%m%d-%H%M%S}"
    candidate = folder / f"cchc-xa_{stamp}_{kind}{_SUFFIX}"
    counter = 1
    while candidate.exists():  # two processes in the same second took the same number
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
    return parse_backup_name(target)


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
    return parse_backup_name(target)


def list_backups(folder: Path) -> list[Backup]:
    """Every backup in ``folder``, newest first by sequence; unfinished ``.partial`` files are not backups."""
    if not folder.is_dir():
        return []
    found = (parse_backup_name(path) for path in folder.iterdir() if path.suffix == _SUFFIX)
    return sorted((b for b in found if b), key=_order, reverse=True)


def holds_data(path: Path) -> bool:
    """Whether the database at ``path`` has a row in any of the clerk's tables (False when unreadable).

    Cheap: one ``EXISTS`` per table, read-only, on any schema version.
    """
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return any(connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]
                   for table in CLERK_TABLES if table in present)
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def rotate(folder: Path, keep: int = KEEP_AUTO, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep`` (by sequence); other kinds are left alone.

    Never deleted: the newest automatic backup that holds data (ten starts on an
    emptied database must not push out the last one with the clerk's work), and
    the paths in ``protect`` (the caller's reasons, e.g. the backup whose date the
    clock check trusts). The dates in the names play no part.
    """
    automatic = [b for b in list_backups(folder) if b.kind == "auto"]
    if len(automatic) <= keep:
        return []
    kept = {b.path for b in automatic[:keep]} | set(protect)
    with_data = next((b for b in automatic if holds_data(b.path)), None)
    if with_data is not None:
        kept.add(with_data.path)
    removed = [b.path for b in automatic if b.path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def latest_good_backup(folder: Path) -> Backup | None:
    """The newest backup (by sequence) that passes the integrity check and holds data.

    When no intact backup holds data, the newest intact one. Damaged copies never count.
    """
    intact = None
    for backup in list_backups(folder):
        if backup.kind == "damaged" or not is_intact(backup.path):
            continue
        if holds_data(backup.path):
            return backup
        intact = intact or backup
    return intact


def restore(backup_path: Path, database: Path, folder: Path, now: datetime | None = None) -> Backup | None:
    """Put ``backup_path`` in place of ``database``, keeping a copy of what it replaces.

    The caller must have closed every connection to ``database``. Raises
    ``BackupRefused`` for a file ``inspect_backup`` refuses, before anything is
    touched. Returns the copy of the replaced file (``before-restore``, or
    ``damaged`` when it was not whole), or None when there was no database.
    """
    facts = inspect_backup(backup_path)
    if facts.problem:
        raise BackupRefused(facts.problem, facts.details)
    saved = None
    if database.exists() and database.stat().st_size > 0:
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


_LEFTOVER_ENDINGS = (".partial", ".partial-journal", ".partial-wal", ".partial-shm")


def remove_leftovers(folder: Path) -> int:
    """Delete ``*.partial`` files left by a backup cut short (never listed as backups), with the journal
    SQLite keeps beside such a file (``*.partial-journal``). Returns how many."""
    if not folder.is_dir():
        return 0
    leftovers = [path for path in folder.iterdir() if path.name.endswith(_LEFTOVER_ENDINGS) and path.is_file()]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return len(leftovers)


def latest_backup_with_data(folder: Path) -> Backup | None:
    """The newest whole backup that holds the commune's data (an empty database's backups do not count)."""
    for backup in list_backups(folder):
        facts = inspect_backup(backup.path) if backup.kind != "damaged" else None
        if facts is not None and not facts.problem and facts.holds_data:
            return backup
    return None


@dataclass(frozen=True)
class BackupFacts:
    """What a file offered for restore is. ``problem``: "" (restorable), "missing", "empty", "damaged",
    "foreign" (SQLite, but not a CCHC Xã database) or "newer" (written by a newer release)."""

    problem: str
    details: str = ""
    revision: str | None = None
    commune: str = ""
    holds_data: bool = False


def inspect_backup(path: Path) -> BackupFacts:
    """Read ``path`` without changing it and say whether it can be restored, and whose it is."""
    from db import migrate  # Alembic's script directory is read only when a revision is not HEAD

    if not path.is_file():
        return BackupFacts("missing", f"{path}: không có tệp")
    if path.stat().st_size == 0:
        return BackupFacts("empty", f"{path}: 0 byte")
    verdict = check_file(path)
    if verdict.kind != "ok":
        return BackupFacts(DAMAGED, f"{path}: {'; '.join(verdict.problems[:3])}")
    missing = CORE_TABLES - table_names(path)
    if missing:
        return BackupFacts("foreign", f"{path}: thiếu bảng {', '.join(sorted(missing))}")
    revision = schema_revision(path)
    if revision is None or not migrate.is_known_revision(revision):
        return BackupFacts("newer", f"{path}: phiên bản dữ liệu {revision}", revision)
    return BackupFacts("", "", revision, commune_name(path), holds_data(path))
