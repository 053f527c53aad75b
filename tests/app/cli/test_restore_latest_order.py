"""``restore --latest`` picks the newest backup by sequence that holds data, whatever the dates in the names say."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from app.backups import backup_now
from app.services.officials import OfficialData, add_official
from app.store import Store

REPO = Path(__file__).resolve().parents[3]


def _restore_latest(folder) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(folder.root), "restore", "--latest"],
                          cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


def _officials(folder) -> list[str]:
    connection = sqlite3.connect(folder.database)
    try:
        return [row[0] for row in connection.execute("SELECT full_name FROM official ORDER BY full_name")]
    finally:
        connection.close()


def _add(folder, name: str) -> None:
    store = Store(folder)
    add_official(store, OfficialData(name))
    store.close()


def test_a_2099_dated_backup_taken_earlier_is_not_the_latest(migrated_folder):
    """A backup named 2099 but taken before today's: --latest restores today's."""
    _add(migrated_folder, "Có từ trước")
    stale = backup_now(migrated_folder, "auto", datetime(2099, 6, 1, 8, 0))
    _add(migrated_folder, "Thêm hôm nay")
    today = backup_now(migrated_folder, "auto", datetime(2026, 12, 1, 8, 0))
    _add(migrated_folder, "Chưa sao lưu")
    result = _restore_latest(migrated_folder)
    assert result.returncode == 0, result.stderr
    assert str(today.path) in result.stdout and str(stale.path) not in result.stdout
    assert _officials(migrated_folder) == ["Có từ trước", "Thêm hôm nay"]


def test_backups_of_an_emptied_database_are_passed_over(migrated_folder, template_database):
    """After the database came back empty and was backed up, --latest restores the last backup with data."""
    _add(migrated_folder, "Nguyễn Văn An")
    with_data = backup_now(migrated_folder, "auto", datetime(2026, 12, 1, 8, 0))
    shutil.copyfile(template_database, migrated_folder.database)
    backup_now(migrated_folder, "auto", datetime(2026, 12, 2, 8, 0))
    result = _restore_latest(migrated_folder)
    assert result.returncode == 0, result.stderr
    assert str(with_data.path) in result.stdout and _officials(migrated_folder) == ["Nguyễn Văn An"]
