"""Backups as the clerk sees them: take one, list them, restore one, start afresh.

Wraps ``db.backup`` with the app's rules (daily automatic backup, rotation)
and turns its failures into Vietnamese messages.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.file_links import is_link
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
    """The automatic backup: taken unless one was already taken today; keeps the last ten."""
    now = now or datetime.now()
    latest_auto = next((b for b in list_backups(folder.backups) if b.kind == "auto"), None)
    if latest_auto and latest_auto.taken_at.date() == now.date():
        return None
    backup = backup_now(folder, "auto", now)
    rotate(folder.backups)
    return backup


def latest_backup(folder: DataFolder) -> Backup | None:
    """The newest backup of any restorable kind, for the status bar."""
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
    except PermissionError as error:
        # Windows: another CCHC Xã window (or a program such as DB Browser) has the file open.
        raise UserError(
            f"Không khôi phục được: không thay được tệp dữ liệu “{folder.database.name}”.",
            "Tệp đang được mở ở một cửa sổ CCHC Xã khác hoặc một chương trình khác (hoặc thư mục không cho ghi). "
            "Hãy đóng chúng rồi khôi phục lại. Dữ liệu hiện tại chưa bị thay đổi.",
            f"{folder.database}: {error}",
        ) from error
    except (BackupError, OSError) as error:
        raise UserError(
            "Không khôi phục được từ bản sao lưu này.",
            "Bản sao lưu có thể đã hỏng; hãy chọn một bản khác. Dữ liệu hiện tại chưa bị thay đổi.",
            f"{backup_path}: {error}",
        ) from error
    try:
        import_evidence_beside(backup_path, folder)
    except OSError as error:
        raise UserError(
            "Đã khôi phục dữ liệu nhưng chưa chép hết các tệp kiểm chứng đi kèm bản sao lưu.",
            "Kiểm tra ổ USB còn cắm và đọc được, rồi khôi phục lại từ bản này.",
            f"{backup_path.parent / 'evidence'}: {error}",
        ) from error
    return kept


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
    for parent, dirs, files in os.walk(source):
        # A link (or Windows junction) on a stick points elsewhere on this PC: never copied in.
        dirs[:] = [name for name in dirs if not is_link(Path(parent, name))]
        for name in files:
            item = Path(parent, name)
            target = folder.evidence / item.relative_to(source)
            if not is_link(item) and not target.exists():
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
