"""Opening a data folder: demo, daily backup, migrations after a backup, damaged files caught."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from app.backups import restore_backup, set_damaged_aside
from app.errors import DatabaseDamagedError, UserError
from app.services.officials import list_officials
from app.services.plans import list_plans
from app.services.profile import get_profile
from app.startup import open_store
from db.backup import list_backups


def _open(folder, **kwargs):
    store, report = open_store(folder, **kwargs)
    return store, report


def _corrupt(path):
    """Overwrite the middle of the file, as a failing disk or a cut write would."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def test_demo_fills_an_empty_folder(folder):
    """--demo gives the profile, about twelve officials, a WAL database and a backup."""
    store, report = _open(folder, demo=True)
    try:
        assert report.demo_loaded and report.created
        assert get_profile(store).commune_name == "Hòa Bình Xuân"
        assert len(list_officials(store)) == 17
        plans = list_plans(store)
        assert [(p.kind, p.year, p.task_count) for p in plans if p.year == 2024] == [
            ("reform", 2024, 37), ("emulation", 2024, 21)]  # the pre-reform year as it was
        assert {p.year for p in plans} == {2024, 2025, *range(2026, date.today().year + 1)}  # up to the real year
    finally:
        store.close()
    connection = sqlite3.connect(folder.database)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    assert [b.kind for b in list_backups(folder.backups)] == ["auto"]


def test_second_start_the_same_day_changes_nothing(folder):
    """No second backup, no second demo, the same data."""
    store, _ = _open(folder, demo=True, now=datetime(2024, 12, 1, 8, 0))
    store.close()
    store, report = _open(folder, demo=True, now=datetime(2024, 12, 1, 15, 0))
    try:
        assert not report.demo_loaded and report.daily_backup is None and not report.migrated
        assert len(list_officials(store)) == 17
    finally:
        store.close()
    assert len(list_backups(folder.backups)) == 1


def test_next_day_takes_a_new_automatic_backup(folder):
    store, _ = _open(folder, now=datetime(2024, 12, 1, 8, 0))
    store.close()
    store, report = _open(folder, now=datetime(2024, 12, 2, 8, 0))
    store.close()
    assert report.daily_backup is not None
    assert len([b for b in list_backups(folder.backups) if b.kind == "auto"]) == 2


def test_demo_never_overwrites_real_data(folder):
    """--demo on a folder that already has officials leaves them alone."""
    from app.services.officials import OfficialData, add_official

    store, _ = _open(folder)
    add_official(store, OfficialData("Phan Văn Thật"))
    store.close()
    store, report = _open(folder, demo=True)
    try:
        assert not report.demo_loaded
        assert [o.full_name for o in list_officials(store)] == ["Phan Văn Thật"]
    finally:
        store.close()


def test_a_database_needing_migration_is_backed_up_first(folder):
    """An older file with data gets a pre-migration backup before its schema changes."""
    folder.create()
    connection = sqlite3.connect(folder.database)
    connection.execute("CREATE TABLE legacy_note (text TEXT)")
    connection.execute("INSERT INTO legacy_note VALUES ('giữ lại')")
    connection.commit()
    connection.close()
    store, report = _open(folder)
    store.close()
    assert report.pre_migration_backup is not None
    copy = sqlite3.connect(report.pre_migration_backup.path)
    assert copy.execute("SELECT text FROM legacy_note").fetchall() == [("giữ lại",)]
    assert copy.execute("SELECT name FROM sqlite_master WHERE name='official'").fetchall() == []
    copy.close()


def test_a_database_from_a_newer_version_is_refused_in_vietnamese(migrated_folder):
    connection = sqlite3.connect(migrated_folder.database)
    connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.commit()
    connection.close()
    with pytest.raises(UserError) as caught:
        _open(migrated_folder)
    assert "phiên bản CCHC Xã mới hơn" in caught.value.message


def test_damaged_database_is_caught_with_the_latest_good_backup(folder):
    """A corrupted file raises DatabaseDamagedError naming the backup that can rescue it."""
    store, _ = _open(folder, demo=True)
    store.close()
    _corrupt(folder.database)
    with pytest.raises(DatabaseDamagedError) as caught:
        _open(folder)
    error = caught.value
    assert error.latest_backup is not None and error.latest_backup.kind == "auto"
    assert "bị hỏng" in error.message and "Khôi phục" not in error.details


def test_restoring_the_latest_backup_brings_the_data_back(folder):
    store, _ = _open(folder, demo=True)
    store.close()
    _corrupt(folder.database)
    with pytest.raises(DatabaseDamagedError) as caught:
        _open(folder)
    kept = restore_backup(folder, caught.value.latest_backup.path).kept
    store, _ = _open(folder)
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()
    assert kept.kind == "damaged" and kept.path.exists()


def test_starting_fresh_keeps_the_damaged_file_aside(folder):
    store, _ = _open(folder, demo=True)
    store.close()
    _corrupt(folder.database)
    kept = set_damaged_aside(folder)
    store, report = _open(folder, fresh=True)  # the clerk chose "Bắt đầu với dữ liệu mới"
    try:
        assert report.created and list_officials(store) == []
    finally:
        store.close()
    assert kept.path.exists() and kept.kind == "damaged"


def test_start_removes_the_leftovers_of_a_write_cut_short(folder):
    """A half backup (.partial) and a half evidence copy (.part) are removed at the next start."""
    store, _ = _open(folder)
    store.close()
    half_backup = folder.backups / "cchc-xa_20240101-080000_manual.sqlite3.partial"
    half_backup.write_bytes(b"half")
    half_copy = folder.evidence / ".incoming-123-080000.part"
    half_copy.write_bytes(b"half")
    store, _ = _open(folder)
    store.close()
    assert not half_backup.exists() and not half_copy.exists()


def test_shipped_data_cut_off_by_a_failure_is_installed_at_the_next_start(folder, monkeypatch):
    """A failure after the schema upgrade (a power cut, here an error) leaves the installs pending, not lost."""
    from app import builtin_data
    from app.services import criteria_sets
    from app.services.award_kinds import award_kinds

    def cut(*_args, **_kwargs):
        raise OSError("mất điện")

    monkeypatch.setattr(criteria_sets, "add_default_sets", cut)
    with pytest.raises(OSError):
        open_store(folder)
    monkeypatch.undo()
    connection = sqlite3.connect(folder.database)
    try:
        assert connection.execute("SELECT count(*) FROM criteria_set").fetchone()[0] == 0  # nothing half-installed
        assert connection.execute("PRAGMA user_version").fetchone()[0] == builtin_data.brought_by(None)
    finally:
        connection.close()
    store, report = open_store(folder)
    try:
        assert criteria_sets.list_sets(store) and award_kinds(store)
        assert builtin_data.pending(store) == 0
    finally:
        store.close()


def test_a_shipped_set_the_clerk_deleted_stays_deleted(folder):
    from app.services import criteria_sets

    store, _ = open_store(folder)
    try:
        first = criteria_sets.list_sets(store)[0]
        criteria_sets.delete_set(store, first.id)
        remaining = len(criteria_sets.list_sets(store))
    finally:
        store.close()
    store, _ = open_store(folder)
    try:
        assert len(criteria_sets.list_sets(store)) == remaining
    finally:
        store.close()
