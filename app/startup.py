"""Opening a data folder: check, migrate (after a backup), fill the demo, take the daily backup.

Every check reads through ``sqlite3`` (integrity, schema version, pending installs, the backup API);
SQLAlchemy and Alembic are imported only when there is something to migrate or install (issue 24).
A new folder gets its schema from ``db/schema.sql`` in one transaction, without Alembic.

Runs before any window exists and is shared by the window and the
sub-commands. Before anything is written it diagnoses the folder and raises a
``DatabaseProblem`` of one kind (see ``app/errors.py``): only a damaged file,
or a missing or empty one beside backups that hold data, is offered a restore.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date, datetime

from app import builtin_data
from app.backups import backup_now, daily_backup, describe
from app.errors import DatabaseDamagedError, DatabaseProblem, UserError
from app.paths import DataFolder
from app.queries.start import read_schema_state
from app.store import Store
from db import migrate, schema
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


def bring_up_to_date(store: Store, had_data: bool, now: datetime | None = None,
                     defer_installs: bool = False) -> Backup | None:
    """Apply pending migrations, backing the file up first when it held data. Returns that backup.

    ``defer_installs``: leave the shipped data a new folder still needs (criteria sets, award kinds) for
    ``finish_installs`` once the window shows its first page; it stays noted in ``user_version`` meanwhile.
    """
    state = read_schema_state(store.folder.database)
    current, pending = state.revision, state.pending
    if current is not None and current != migrate.HEAD and not migrate.is_known_revision(current):
        raise _newer(store.folder, current)
    if current == migrate.HEAD and (not pending or defer_installs):
        return None
    backup = None
    if current is None and not _has_tables(store):
        schema.create(store.folder.database, migrate.HEAD, pending | builtin_data.brought_by(None))
    elif current != migrate.HEAD:
        backup = backup_now(store.folder, "pre-migration", now) if had_data else None
        builtin_data.mark_pending(store, pending | builtin_data.brought_by(current))
        migrate.upgrade(store.engine)
    if not defer_installs:
        builtin_data.install_pending(store, now)
    return backup


def _has_tables(store: Store) -> bool:
    """A file with tables but no version is left to Alembic, which says what it makes of it."""
    with store.reading() as connection:
        return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is not None


def finish_installs(store: Store, now: datetime | None = None) -> int:
    """Install what ``bring_up_to_date(defer_installs=True)`` left (the ORM loads here); returns the flags."""
    if not read_schema_state(store.folder.database).pending:
        return 0
    return builtin_data.install_pending(store, now)


def open_store(folder: DataFolder, demo: bool = False, now: datetime | None = None,
               fresh: bool = False, defer_installs: bool = False,
               demo_today: date | None = None) -> tuple[Store, StartupReport]:
    """Open ``folder`` ready for work, creating it if needed (``fresh``: see ``check_database``;
    ``defer_installs``: see ``bring_up_to_date``; ``demo_today``: the day the demo is built as of,
    default the real date)."""
    try:
        folder.create()
    except OSError as error:
        raise _unwritable(folder, error) from error
    check_database(folder, fresh)
    _remove_leftovers(folder)
    had_data = folder.database.exists() and folder.database.stat().st_size > 0
    store = Store(folder)
    try:
        pre_migration = bring_up_to_date(store, had_data, now, defer_installs and not demo)
        _give_missing_checkpoints(store)
        demo_loaded = _load_demo(store, demo_today) if demo else False
        backup, problem = _daily_backup_or_problem(folder, now)
    except BaseException as error:
        store.close()
        cause = _sqlite_error(error)  # sqlite3's own (the plain read path) or the one SQLAlchemy wraps
        kind = classify(cause) if cause is not None else ""
        if kind in (BUSY, READ_ONLY, CANT_OPEN, DISK_FULL):
            # Diagnosed above, yet failed here (another program took the file meanwhile): say which failure.
            raise _problem(folder, kind, str(cause)) from error
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
    """Tasks saved before checkpoints existed get theirs, once, outside the journal like a migration;
    looked for on sqlite3 first, so a start with nothing to give never loads the ORM."""
    from app.queries.checklist_view import any_task_lacks_checkpoints

    with store.reading() as connection:
        if not any_task_lacks_checkpoints(connection):
            return
    from app.services.occurrence_sync import give_missing_checkpoints  # loads the plan models only now

    give_missing_checkpoints(store)


def _sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error under ``error`` (raised by sqlite3 itself or wrapped by SQLAlchemy), if any."""
    if isinstance(error, sqlite3.Error):
        return error
    exc = sys.modules.get("sqlalchemy.exc")  # never imported just to look: the start path may not have it
    if exc is not None and isinstance(error, exc.DBAPIError) and isinstance(error.orig, sqlite3.Error):
        return error.orig
    return None


def _load_demo(store: Store, today: date | None) -> bool:
    from app.demo import load_demo  # the demo's services and data load only when asked for

    return load_demo(store, today)


def _remove_leftovers(folder: DataFolder) -> None:
    """Temporary files of a write cut short (power cut, pulled plug): never taken for whole, now removed."""
    from db.backup import remove_leftovers as backup_leftovers

    removed = backup_leftovers(folder.backups)
    if folder.evidence.is_dir() and any(folder.evidence.glob(".incoming-*.part")):
        from app.services.evidence import remove_leftovers as evidence_leftovers  # the ORM only when there is some

        removed += evidence_leftovers(folder)
    if removed:
        log.info("removed %d unfinished temporary files", removed)


def _daily_backup_or_problem(folder: DataFolder, now: datetime | None) -> tuple[Backup | None, str]:
    """A failed automatic backup must not keep the clerk out of the data: report it instead."""
    try:
        return daily_backup(folder, now), ""
    except UserError as error:
        log.warning("automatic backup failed: %s", error.details)
        return None, error.message
