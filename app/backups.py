"""Backups as the clerk sees them: take one, list them, restore one, start afresh.

Wraps ``db.backup`` with the app's rules (daily automatic backup, rotation)
and turns its failures into Vietnamese messages.
"""

from __future__ import annotations

import filecmp
import shutil
from datetime import datetime
from pathlib import Path

from app.clock import anchor_backup, backup_clock_check
from app.errors import UserError
from app.paths import DataFolder
from db.fsync import fsync_dir, fsync_file
from db.backup import (
    Backup,
    BackupError,
    keep_damaged_copy,
    list_backups,
    restore,
    rotate,
    take_backup,
)

__all__ = ["Backup", "backup_now", "daily_backup", "describe", "latest_backup", "restorable_backups", "restore_backup", "set_damaged_aside"]

KIND_LABELS = {
    "auto": "tự động",
    "manual": "theo yêu cầu",
    "pre-migration": "trước khi nâng cấp dữ liệu",
    "before-restore": "trước khi khôi phục",
    "damaged": "bản hỏng được giữ lại",
}


def describe(backup: Backup) -> str:
    """ "05/12/2024 08:15 (tự động)" """
    return f"{backup.taken_at:%d/%m/%Y %H:%M} ({KIND_LABELS.get(backup.kind, backup.kind)})"


def backup_now(folder: DataFolder, kind: str = "manual", now: datetime | None = None) -> Backup:
    """Take a backup of the database now; a Vietnamese UserError if it cannot be written."""
    try:
        return take_backup(folder.database, folder.backups, kind, now)
    except BackupError as error:
        raise UserError(
            "Không sao lưu được dữ liệu.",
            "Kiểm tra ổ đĩa còn chỗ trống và thư mục dữ liệu có quyền ghi, rồi thử lại.",
            f"{folder.backups}: {error}",
        ) from error


def daily_backup(folder: DataFolder, now: datetime | None = None) -> Backup | None:
    """The automatic backup at start; keeps the last ten (and what ``rotate`` must never lose).

    Skipped when an automatic backup already carries today's date, so a normal
    day gets one. The newest is found by sequence, never by date, so:

    - today earlier than that backup's date (the clock was put right after a
      run in 2099, or set back) takes one: at most one per start, as the next
      start finds today's date on it;
    - a clock that looks wrong (``app/domain/clock.py``) cannot tell one day
      from the next (a dead BIOS battery restarts at the same day every
      morning), so every start takes one, kept only if the data changed since
      the newest automatic backup: a week of mornings on 01/01/2001 keeps each
      day's work, and ten starts without a change do not push out older copies.
    """
    now = now or datetime.now()
    backups = list_backups(folder.backups)
    latest = next((b for b in backups if b.kind == "auto"), None)
    clock_wrong = backup_clock_check(now.date(), backups).wrong
    if latest is not None and not clock_wrong and latest.taken_at.date() == now.date():
        return None
    backup = backup_now(folder, "auto", now)
    if clock_wrong and latest is not None and filecmp.cmp(backup.path, latest.path, shallow=False):
        backup.path.unlink(missing_ok=True)  # the same bytes as the newest: nothing new to keep
        return None
    anchor = anchor_backup(list_backups(folder.backups))
    rotate(folder.backups, protect=[anchor.path] if anchor else [])
    return backup


def latest_backup(folder: DataFolder) -> Backup | None:
    """The newest backup (by sequence, not by its possibly wrong date) of any restorable kind, for the status bar."""
    return next((b for b in list_backups(folder.backups) if b.kind != "damaged"), None)


def restorable_backups(folder: DataFolder) -> list[Backup]:
    return [b for b in list_backups(folder.backups) if b.kind != "damaged"]


def restore_backup(folder: DataFolder, backup_path: Path, now: datetime | None = None) -> Backup | None:
    """Replace the database with ``backup_path``; every connection must be closed first.

    Returns the copy kept of what was replaced.
    """
    folder.create()
    try:
        kept = restore(backup_path, folder.database, folder.backups, now)
        import_evidence_beside(backup_path, folder)
        return kept
    except (BackupError, OSError) as error:
        raise UserError(
            "Không khôi phục được từ bản sao lưu này.",
            "Bản sao lưu có thể đã hỏng; hãy chọn một bản khác. Dữ liệu hiện tại chưa bị thay đổi.",
            f"{backup_path}: {error}",
        ) from error


def export_backup(folder: DataFolder, target_dir: Path, now: datetime | None = None) -> Path:
    """A complete copy for another disk (a USB stick): the database and every evidence file.

    Written as ``CCHC-Xa_saoluu_YYYYMMDD-HHMMSS/`` holding the backup file and
    ``evidence/``; built under a ``.partial`` name and renamed only when whole,
    so a pulled stick never leaves a copy that looks complete.
    """
    if not target_dir.is_dir():
        raise UserError(
            f"Không tìm thấy thư mục “{target_dir}”.",
            "Cắm ổ USB (hoặc tạo thư mục) rồi chọn lại; bản sao lưu phải được ghi vào một thư mục có sẵn.",
        )
    now = now or datetime.now()
    backup = backup_now(folder, "manual", now)
    final = target_dir / f"CCHC-Xa_saoluu_{now:%Y%m%d-%H%M%S}"
    partial = final.with_name(final.name + ".partial")
    try:
        partial.mkdir()
        shutil.copyfile(backup.path, partial / backup.path.name)
        if folder.evidence.is_dir():
            shutil.copytree(folder.evidence, partial / "evidence", ignore=shutil.ignore_patterns("*.part"))
        _fsync_tree(partial)
        partial.rename(final)
        fsync_dir(target_dir)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise UserError(
            "Không ghi được bản sao lưu vào thư mục đã chọn.",
            "Kiểm tra ổ USB còn cắm, còn chỗ trống và không bị khóa ghi. Dữ liệu trên máy không bị ảnh hưởng.",
            f"{final}: {error}",
        ) from error
    return final


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder under ``root`` before it is renamed into place (a USB stick may be pulled)."""
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_file():
            fsync_file(path)
        else:
            fsync_dir(path)
    fsync_dir(root)


def import_evidence_beside(backup_path: Path, folder: DataFolder) -> int:
    """Copy the evidence files that travel beside a backup (``evidence/``) into the data folder; returns how many."""
    source = backup_path.parent / "evidence"
    if not source.is_dir():
        return 0
    copied = 0
    for item in source.rglob("*"):
        target = folder.evidence / item.relative_to(source)
        if item.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item, target)
            copied += 1
    return copied


def set_damaged_aside(folder: DataFolder, now: datetime | None = None) -> Backup:
    """Move a damaged database out of the way (a copy is kept) so a fresh one can be created."""
    kept = keep_damaged_copy(folder.database, folder.backups, now)
    for suffix in ("", "-wal", "-shm"):
        folder.database.with_name(folder.database.name + suffix).unlink(missing_ok=True)
    return kept
