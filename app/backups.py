"""Backups as the clerk sees them: take one, list them, restore one, start afresh.

Wraps ``db.backup`` with the app's rules (daily automatic backup, rotation)
and turns its failures into Vietnamese messages.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import folder_lock
from app.clock import anchor_backup, backup_clock_check
from app.errors import UserError
from app.file_links import is_link
from app.paths import DataFolder
from app.progress import Progress, no_progress
from db.fsync import fsync_dir, fsync_file
from db.backup import (
    Backup,
    BackupError,
    BackupRefused,
    inspect_backup,
    keep_damaged_copy,
    list_backups,
    parse_backup_name,
    restore,
    rotate,
    take_backup,
)
from db.integrity import commune_name, is_intact

__all__ = ["Backup", "OtherCommuneError", "RestoreResult", "backup_now", "daily_backup", "describe", "latest_backup",
           "restorable_backups", "restore_backup", "set_damaged_aside"]

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
    if clock_wrong and latest is not None and _same_bytes(backup.path, latest.path):
        backup.path.unlink(missing_ok=True)  # the same bytes as the newest: nothing new to keep
        return None
    anchor = anchor_backup(list_backups(folder.backups))
    rotate(folder.backups, protect=[anchor.path] if anchor else [])
    return backup


def latest_backup(folder: DataFolder) -> Backup | None:
    """The newest backup (by sequence, not by its possibly wrong date) of any restorable kind, for the status bar."""
    return next((b for b in list_backups(folder.backups) if b.kind != "damaged"), None)


def restorable_backups(folder: DataFolder) -> list[Backup]:
    """Every backup in the folder, newest first, ``damaged`` and ``before-restore`` copies included (marked by kind)."""
    return list_backups(folder.backups)


class OtherCommuneError(UserError):
    """The backup belongs to another commune: restore only when the clerk confirms (``other_commune_ok``)."""

    def __init__(self, message: str, hint: str, details: str, backup_commune: str, current_commune: str,
                 taken_at: datetime) -> None:
        super().__init__(message, hint, details)
        self.backup_commune, self.current_commune, self.taken_at = backup_commune, current_commune, taken_at


@dataclass(frozen=True)
class RestoreResult:
    kept: Backup | None  # the copy of what was replaced (before-restore, or damaged)
    evidence_copied: int = 0
    evidence_rejected: tuple[Path, ...] = ()  # files beside the backup whose content did not match their name

    def evidence_note(self) -> str:
        """A sentence for the clerk when evidence files were left out, else ""."""
        if not self.evidence_rejected:
            return ""
        names = ", ".join(path.name for path in self.evidence_rejected[:3])
        return (f"{len(self.evidence_rejected)} tệp tài liệu kiểm chứng đi kèm bản sao lưu không khớp với nội dung "
                f"ghi trong tên ({names}) nên không được chép: tệp đã bị sửa hoặc hỏng. "
                "Hãy đính kèm lại các tệp đó từ bản gốc.")


_REFUSALS = {
    "missing": ("Không tìm thấy tệp sao lưu.", "Kiểm tra ổ USB còn cắm và chọn lại tệp."),
    "empty": ("Tệp sao lưu này rỗng (0 byte), không có dữ liệu.", "Hãy chọn một bản sao lưu khác."),
    "damaged": ("Tệp sao lưu này bị hỏng.", "Hãy chọn một bản sao lưu khác."),
    "foreign": ("Tệp này không phải bản sao lưu dữ liệu CCHC Xã.",
                "Hãy chọn tệp cchc-xa_….sqlite3 trong thư mục sao lưu (hoặc trong thư mục CCHC-Xa_saoluu_… trên ổ USB)."),
    "newer": ("Bản sao lưu này được tạo bởi một phiên bản CCHC Xã mới hơn phiên bản đang dùng.",
              "Cài phiên bản mới nhất của phần mềm rồi khôi phục lại; nếu khôi phục bằng phiên bản này, "
              "phần mềm sẽ không mở được dữ liệu."),
}


def restore_backup(folder: DataFolder, backup_path: Path, now: datetime | None = None,
                   other_commune_ok: bool = False) -> RestoreResult:
    """Replace the database with ``backup_path``; every connection must be closed first.

    Refuses (a Vietnamese ``UserError``, nothing changed) a file that is not a
    restorable CCHC Xã backup, and a folder another process holds; raises
    ``OtherCommuneError`` for another commune's backup unless ``other_commune_ok``.
    """
    folder.create()
    with folder_lock.writing(folder, "restore"):
        _check_commune(folder, backup_path, other_commune_ok)
        try:
            kept = restore(backup_path, folder.database, folder.backups, now)
        except BackupRefused as refused:
            message, hint = _REFUSALS[refused.reason]
            raise UserError(message, hint + " Dữ liệu hiện tại chưa bị thay đổi.", str(refused)) from refused
        except PermissionError as error:
            # Windows: another program (or a window of another version) has the file open.
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
            copied, rejected = import_evidence_beside(backup_path, folder)
        except OSError as error:
            raise UserError(
                "Đã khôi phục dữ liệu nhưng chưa chép hết các tệp kiểm chứng đi kèm bản sao lưu.",
                "Kiểm tra ổ USB còn cắm và đọc được, rồi khôi phục lại từ bản này.",
                f"{backup_path.parent / 'evidence'}: {error}",
            ) from error
    return RestoreResult(kept, copied, tuple(rejected))


def _same_name(first: str, second: str) -> bool:
    def plain(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return plain(first) == plain(second)


def _check_commune(folder: DataFolder, backup_path: Path, other_commune_ok: bool) -> None:
    """Another commune's backup would replace this commune's data: never silently."""
    facts = inspect_backup(backup_path)
    if facts.problem or other_commune_ok or not facts.commune or not is_intact(folder.database):
        return
    try:
        current = commune_name(folder.database)
    except Exception:  # noqa: BLE001 - an unreadable or foreign current file has no name to protect
        return
    if not current or _same_name(current, facts.commune):
        return
    named = parse_backup_name(backup_path)
    taken_at = named.taken_at if named else datetime.fromtimestamp(backup_path.stat().st_mtime)
    raise OtherCommuneError(
        f"Bản sao lưu này là của xã “{facts.commune}” (lúc {taken_at:%d/%m/%Y %H:%M}), "
        f"không phải của xã “{current}” đang mở.",
        f"Nếu khôi phục, dữ liệu của xã “{current}” sẽ được thay bằng dữ liệu của xã “{facts.commune}” "
        "(dữ liệu hiện tại vẫn được giữ lại một bản sao lưu). Chỉ khôi phục nếu chắc chắn.",
        f"{backup_path}", facts.commune, current, taken_at,
    )


def export_backup(folder: DataFolder, target_dir: Path, now: datetime | None = None,
                  progress: Progress = no_progress) -> Path:
    """A complete copy for another disk (a USB stick): the database and every evidence file.

    Written as ``CCHC-Xa_saoluu_YYYYMMDD-HHMMSS/`` holding the backup file and
    ``evidence/``; built under a ``.partial`` name and renamed only when whole,
    so a pulled stick never leaves a copy that looks complete. ``progress`` is
    told of each file copied and may raise ``Cancelled`` between two: the
    ``.partial`` folder is removed then too.
    """
    if not target_dir.is_dir():
        raise UserError(
            f"Không tìm thấy thư mục “{target_dir}”.",
            "Cắm ổ USB (hoặc tạo thư mục) rồi chọn lại; bản sao lưu phải được ghi vào một thư mục có sẵn.",
        )
    now = now or datetime.now()
    progress(0, 1, "Đang sao lưu dữ liệu…")
    backup = backup_now(folder, "manual", now)
    final = target_dir / f"CCHC-Xa_saoluu_{now:%Y%m%d-%H%M%S}"
    partial = final.with_name(final.name + ".partial")
    try:
        partial.mkdir()
        _copy_with_progress(folder, backup.path, partial, progress)
        _fsync_tree(partial)
        partial.rename(final)
        fsync_dir(target_dir)
    except BaseException as error:  # a refusal, a cancel or a bug: never a half copy left behind
        shutil.rmtree(partial, ignore_errors=True)
        if not isinstance(error, OSError):
            raise
        raise UserError(
            "Không ghi được bản sao lưu vào thư mục đã chọn.",
            "Kiểm tra ổ USB còn cắm, còn chỗ trống và không bị khóa ghi. Dữ liệu trên máy không bị ảnh hưởng.",
            f"{final}: {error}",
        ) from error
    return final


def _copy_with_progress(folder: DataFolder, backup_file: Path, partial: Path, progress: Progress) -> None:
    """The backup file, then the evidence files one by one, each step told to ``progress``."""
    evidence = [path for path in folder.evidence.rglob("*") if path.is_file() and path.suffix != ".part"] \
        if folder.evidence.is_dir() else []
    total = len(evidence) + 1
    progress(0, total, "Đang chép dữ liệu…")
    shutil.copyfile(backup_file, partial / backup_file.name)
    copied = iter(range(1, total))

    def copy_one(source: str, target: str) -> str:
        progress(next(copied, total - 1), total, f"Đang chép tài liệu kiểm chứng {Path(source).name}…")
        return shutil.copy2(source, target)

    if folder.evidence.is_dir():
        shutil.copytree(folder.evidence, partial / "evidence", ignore=shutil.ignore_patterns("*.part"),
                        copy_function=copy_one)
    progress(total, total, "Đang ghi hẳn xuống ổ đĩa…")  # the last moment a cancel leaves nothing


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder under ``root`` before it is renamed into place (a USB stick may be pulled)."""
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_file():
            fsync_file(path)
        else:
            fsync_dir(path)
    fsync_dir(root)


def import_evidence_beside(backup_path: Path, folder: DataFolder) -> tuple[int, list[Path]]:
    """Copy the evidence files that travel beside a backup (``evidence/``) into the data folder.

    Each file is named by the SHA-256 of its content; one whose content does not
    match its name was altered or damaged on the way and is not copied.
    Returns (how many were copied, the files refused).
    """
    source = backup_path.parent / "evidence"
    if not source.is_dir():
        return 0, []
    copied, rejected = 0, []
    for parent, dirs, files in os.walk(source):
        # A link (or Windows junction) on a stick points elsewhere on this PC: never copied in.
        dirs[:] = sorted(name for name in dirs if not is_link(Path(parent, name)))
        for name in sorted(files):
            item = Path(parent, name)
            target = folder.evidence / item.relative_to(source)
            if is_link(item) or target.exists():
                continue
            if _sha256(item) != item.name.split(".")[0].lower():
                rejected.append(item)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            # The evidence store's own temporary name: a copy cut short is removed at the next start.
            partial = folder.evidence / f".incoming-{os.getpid()}-restore.part"
            shutil.copyfile(item, partial)
            fsync_file(partial)
            partial.replace(target)
            copied += 1
    return copied, rejected


def _same_bytes(one: Path, other: Path) -> bool:
    import filecmp  # here, not on every start's path: only a wrong clock compares

    return filecmp.cmp(one, other, shallow=False)


def _sha256(path: Path) -> str:
    import hashlib  # its OpenSSL library loads in ≈ 3 ms: only a restore with evidence files needs it

    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def set_damaged_aside(folder: DataFolder, now: datetime | None = None) -> Backup:
    """Move a damaged database out of the way (a copy is kept) so a fresh one can be created."""
    kept = keep_damaged_copy(folder.database, folder.backups, now)
    for suffix in ("", "-wal", "-shm"):
        folder.database.with_name(folder.database.name + suffix).unlink(missing_ok=True)
    return kept
