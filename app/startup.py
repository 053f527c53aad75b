"""Opening a data folder: check, migrate (after a backup), fill the demo, take the daily backup.

Runs before any window exists and is shared by the window and the
sub-commands; raises ``DatabaseDamagedError`` for a file that fails its check.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from app import builtin_data
from app.backups import backup_now, daily_backup, describe
from app.errors import DatabaseDamagedError, UserError
from app.paths import DataFolder
from app.store import Store
from db import migrate
from db.backup import Backup, latest_good_backup
from db.integrity import integrity_problems

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupReport:
    created: bool = False
    migrated: bool = False
    pre_migration_backup: Backup | None = None
    daily_backup: Backup | None = None
    backup_problem: str = ""
    demo_loaded: bool = False


def check_database(folder: DataFolder) -> None:
    """Raise ``DatabaseDamagedError`` (with the latest good backup) if the file is not whole."""
    problems = integrity_problems(folder.database)
    if not problems:
        return
    latest = latest_good_backup(folder.backups)
    hint = (
        f"Có thể khôi phục bản sao lưu lúc {describe(latest)}, hoặc bắt đầu với dữ liệu mới."
        if latest
        else "Không có bản sao lưu nào còn tốt; có thể bắt đầu với dữ liệu mới (tệp hỏng được giữ lại)."
    )
    raise DatabaseDamagedError(
        "Tệp dữ liệu bị hỏng, không mở được.",
        hint,
        f"{folder.database}: {'; '.join(problems[:5])}",
        latest_backup=latest,
    )


def bring_up_to_date(store: Store, had_data: bool, now: datetime | None = None) -> Backup | None:
    """Apply pending migrations, backing the file up first when it held data. Returns that backup."""
    current = migrate.current_revision(store.engine)
    if current is not None and not migrate.is_known_revision(current):
        raise UserError(
            "Dữ liệu này được tạo bởi một phiên bản CCHC Xã mới hơn.",
            "Cài phiên bản mới nhất của phần mềm rồi mở lại; dữ liệu chưa bị thay đổi.",
            f"{store.folder.database}: phiên bản dữ liệu {current}",
        )
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


def open_store(folder: DataFolder, demo: bool = False, now: datetime | None = None) -> tuple[Store, StartupReport]:
    """Open ``folder`` ready for work, creating it if needed."""
    folder.create()
    _remove_leftovers(folder)
    had_data = folder.database.exists() and folder.database.stat().st_size > 0
    if had_data:
        check_database(folder)
    store = Store(folder)
    try:
        pre_migration = bring_up_to_date(store, had_data, now)
        demo_loaded = _load_demo(store) if demo else False
        backup, problem = _daily_backup_or_problem(folder, now)
    except BaseException:
        store.close()
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
