"""Opening a data folder: check, migrate (after a backup), fill the demo, take the daily backup.

Runs before any window exists and is shared by the window and the
sub-commands. Before anything is written it diagnoses the folder and raises a
``DatabaseProblem`` of one kind (see ``app/errors.py``): only a damaged file,
or a missing or empty one beside backups that hold data, is offered a restore.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import DBAPIError

from app import builtin_data
from app.backups import backup_now, daily_backup, describe
from app.errors import DatabaseDamagedError, DatabaseProblem, UserError
from app.paths import DataFolder
from app.store import Store
from db import migrate
from db.backup import Backup, latest_backup_with_data, latest_good_backup
from db.integrity import BUSY, CANT_OPEN, DISK_FULL, OK, READ_ONLY, check_file, classify

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupReport:
    created: bool = False
    migrated: bool = False
    pre_migration_backup: Backup | None = None
    daily_backup: Backup | None = None
    backup_problem: str = ""
    demo_loaded: bool = False


def check_database(folder: DataFolder, fresh: bool = False) -> None:
    """Say what stands between the clerk and the data before anything is written; raise ``DatabaseProblem``.

    ``fresh``: the clerk chose to start with new data, so a missing or empty
    file beside backups is not asked about again.
    """
    _check_writable(folder)
    database = folder.database
    if not database.exists() or database.stat().st_size == 0:
        if not fresh:
            _check_not_lost(folder, "missing" if not database.exists() else "empty")
        return
    verdict = check_file(database)
    if verdict.kind != OK:
        raise _problem(folder, verdict.kind, "; ".join(verdict.problems[:5]))
    # A newer version's file is named by ``bring_up_to_date``, on the connection it opens anyway.


def _check_writable(folder: DataFolder) -> None:
    """Write and remove a few bytes: a read-only folder or a full disk is named before SQLite fails on it."""
    probe = folder.root / ".cchc-xa-write-test"
    try:
        with open(probe, "wb") as stream:
            stream.write(b"ok")
            stream.flush()
            os.fsync(stream.fileno())
        probe.unlink()
        if folder.database.exists():
            open(folder.database, "r+b").close()  # a file marked read-only in a writable folder
    except OSError as error:
        try:
            probe.unlink(missing_ok=True)  # a full disk may have let the file be made, not written
        except OSError:
            pass
        raise _unwritable(folder, error) from error


def _unwritable(folder: DataFolder, error: OSError) -> DatabaseProblem:
    from app.folder_lock import folder_unwritable

    plain = folder_unwritable(folder.root, error)
    kind = DISK_FULL if "đầy" in plain.message else READ_ONLY
    return DatabaseProblem(kind, plain.message, plain.hint, plain.details)


def _check_not_lost(folder: DataFolder, kind: str) -> None:
    """A missing or empty database beside backups that hold data is a loss to repair, not a new install."""
    latest = latest_backup_with_data(folder.backups)
    if latest is None:
        return
    message = (
        "Không tìm thấy tệp dữ liệu, nhưng thư mục sao lưu còn dữ liệu của xã."
        if kind == "missing"
        else "Tệp dữ liệu rỗng (0 byte): dữ liệu đã mất, có thể do máy tắt đột ngột hoặc ổ đĩa lỗi."
    )
    raise DatabaseProblem(
        kind, message,
        f"Nên khôi phục bản sao lưu lúc {describe(latest)}. Chỉ chọn “Bắt đầu với dữ liệu mới” nếu thật sự muốn "
        "bỏ dữ liệu cũ (các bản sao lưu vẫn được giữ nguyên).",
        f"{folder.database}: {'không có tệp' if kind == 'missing' else '0 byte'}; bản sao lưu có dữ liệu: {latest.path}",
        latest_backup=latest,
    )


def _problem(folder: DataFolder, kind: str, details: str) -> DatabaseProblem:
    """The diagnosis of a file SQLite would not check: busy, read-only, full, or damaged."""
    where = f"{folder.database}: {details}"
    if kind == BUSY:
        return DatabaseProblem(
            BUSY, "Tệp dữ liệu đang bị một chương trình khác giữ, chưa mở được. Dữ liệu không bị hỏng.",
            "Đóng chương trình đang mở tệp cchc-xa.sqlite3 (phần mềm xem cơ sở dữ liệu, phần mềm sao lưu "
            "hoặc diệt virus đang quét), rồi bấm “Thử lại”.", where,
        )
    if kind in (READ_ONLY, CANT_OPEN):
        return DatabaseProblem(
            READ_ONLY, "Không ghi được vào tệp dữ liệu (chỉ cho phép đọc). Dữ liệu không bị hỏng.",
            "Nếu dữ liệu nằm trên ổ USB hoặc thẻ nhớ, hãy gạt khóa chống ghi ra; nếu không, nhờ người quản trị máy "
            "cấp quyền ghi cho thư mục dữ liệu, rồi mở lại.", where,
        )
    if kind == DISK_FULL:
        return DatabaseProblem(
            DISK_FULL, "Ổ đĩa chứa thư mục dữ liệu đã đầy, không ghi được. Dữ liệu không bị hỏng.",
            "Xóa bớt tệp không cần thiết trên ổ đĩa này rồi mở lại.", where,
        )
    latest = latest_good_backup(folder.backups)
    hint = (
        f"Có thể khôi phục bản sao lưu lúc {describe(latest)}, hoặc bắt đầu với dữ liệu mới."
        if latest
        else "Không có bản sao lưu nào còn tốt; có thể bắt đầu với dữ liệu mới (tệp hỏng được giữ lại)."
    )
    return DatabaseDamagedError("Tệp dữ liệu bị hỏng, không mở được.", hint, where, latest_backup=latest)


def _newer(folder: DataFolder, revision: str) -> DatabaseProblem:
    return DatabaseProblem(
        "newer", "Dữ liệu này được tạo bởi một phiên bản CCHC Xã mới hơn.",
        "Cài phiên bản mới nhất của phần mềm rồi mở lại; dữ liệu chưa bị thay đổi.",
        f"{folder.database}: phiên bản dữ liệu {revision}",
    )


def bring_up_to_date(store: Store, had_data: bool, now: datetime | None = None) -> Backup | None:
    """Apply pending migrations, backing the file up first when it held data. Returns that backup."""
    current = migrate.current_revision(store.engine)
    if current is not None and not migrate.is_known_revision(current):
        raise _newer(store.folder, current)
    pending = builtin_data.pending(store)
    if current == migrate.HEAD and not pending:
        return None
    backup = None
    if current != migrate.HEAD:
        backup = backup_now(store.folder, "pre-migration", now) if had_data else None
        builtin_data.mark_pending(store, pending | builtin_data.brought_by(current))
        migrate.upgrade(store.engine)
    builtin_data.install_pending(store, now)
    return backup


def open_store(folder: DataFolder, demo: bool = False, now: datetime | None = None,
               fresh: bool = False) -> tuple[Store, StartupReport]:
    """Open ``folder`` ready for work, creating it if needed (``fresh``: see ``check_database``)."""
    try:
        folder.create()
    except OSError as error:
        raise _unwritable(folder, error) from error
    check_database(folder, fresh)
    _remove_leftovers(folder)
    had_data = folder.database.exists() and folder.database.stat().st_size > 0
    store = Store(folder)
    try:
        pre_migration = bring_up_to_date(store, had_data, now)
        _give_missing_checkpoints(store)
        demo_loaded = _load_demo(store) if demo else False
        backup, problem = _daily_backup_or_problem(folder, now)
    except BaseException as error:
        store.close()
        kind = classify(error.orig) if isinstance(error, DBAPIError) and isinstance(error.orig, sqlite3.Error) else ""
        if kind in (BUSY, READ_ONLY, CANT_OPEN, DISK_FULL):
            # Diagnosed above, yet failed here (another program took the file meanwhile): say which failure.
            raise _problem(folder, kind, str(error.orig)) from error
        raise
    report = StartupReport(
        created=not had_data,
        migrated=pre_migration is not None or not had_data,
        pre_migration_backup=pre_migration,
        daily_backup=backup,
        backup_problem=problem,
        demo_loaded=demo_loaded,
    )
    return store, report


def _give_missing_checkpoints(store: Store) -> None:
    from app.services.occurrence_sync import give_missing_checkpoints  # loads the plan models only now

    give_missing_checkpoints(store)


def _load_demo(store: Store) -> bool:
    from app.demo import load_demo  # the demo's services and data load only when asked for

    return load_demo(store)


def _remove_leftovers(folder: DataFolder) -> None:
    """Temporary files of a write cut short (power cut, pulled plug): never taken for whole, now removed."""
    from app.services.evidence import remove_leftovers as evidence_leftovers
    from db.backup import remove_leftovers as backup_leftovers

    removed = backup_leftovers(folder.backups) + evidence_leftovers(folder)
    if removed:
        log.info("removed %d unfinished temporary files", removed)


def _daily_backup_or_problem(folder: DataFolder, now: datetime | None) -> tuple[Backup | None, str]:
    """A failed automatic backup must not keep the clerk out of the data: report it instead."""
    try:
        return daily_backup(folder, now), ""
    except UserError as error:
        log.warning("automatic backup failed: %s", error.details)
        return None, error.message
