"""Backups: complete or absent, rotated at ten, restorable with a copy of what they replace."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from db.backup import (
    BackupError,
    latest_good_backup,
    list_backups,
    restore,
    rotate,
    take_backup,
)
from db.integrity import integrity_problems, is_intact
from db.migrate import HEAD


def _database(path, names=("An",)):
    """A tiny file with the tables that make it a CCHC Xã database (restore refuses any other) and ``person``."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (HEAD,))
    connection.execute("CREATE TABLE commune_profile (id INTEGER PRIMARY KEY, commune_name TEXT)")
    connection.execute("CREATE TABLE official (id INTEGER PRIMARY KEY)")
    connection.execute("CREATE TABLE person (name TEXT)")
    connection.executemany("INSERT INTO person VALUES (?)", [(n,) for n in names])
    connection.commit()
    return connection  # left open: the WAL holds the rows, as in a running app


def _names(path):
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM person ORDER BY name")]
    finally:
        connection.close()


def test_backup_holds_what_the_wal_holds(tmp_path):
    """A backup taken while the app is open includes rows not yet checkpointed."""
    open_connection = _database(tmp_path / "db.sqlite3", ("An", "Bình"))
    backup = take_backup(tmp_path / "db.sqlite3", tmp_path / "backups", "manual")
    open_connection.close()
    assert _names(backup.path) == ["An", "Bình"]
    assert is_intact(backup.path)
    assert backup.kind == "manual" and backup.path.name.endswith("_manual.sqlite3")


def test_backup_is_a_single_self_contained_file(tmp_path):
    """No -wal file is needed to read a backup: it can be copied alone to a USB stick."""
    _database(tmp_path / "db.sqlite3").close()
    backup = take_backup(tmp_path / "db.sqlite3", tmp_path / "backups", "auto")
    connection = sqlite3.connect(backup.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


def test_automatic_backups_rotate_at_ten(tmp_path):
    """Twelve automatic backups leave the newest ten; manual and pre-migration ones stay."""
    _database(tmp_path / "db.sqlite3").close()
    folder = tmp_path / "backups"
    start = datetime(2024, 1, 1, 8, 0)
    automatic = [take_backup(tmp_path / "db.sqlite3", folder, "auto", start + timedelta(days=d)) for d in range(12)]
    manual = take_backup(tmp_path / "db.sqlite3", folder, "manual", start)
    premigration = take_backup(tmp_path / "db.sqlite3", folder, "pre-migration", start)
    removed = rotate(folder)
    remaining = list_backups(folder)
    assert sorted(removed) == sorted(b.path for b in automatic[:2])
    assert [b.path for b in remaining if b.kind == "auto"] == [b.path for b in reversed(automatic[2:])]
    assert manual.path.exists() and premigration.path.exists()


def test_unfinished_backup_is_never_listed(tmp_path):
    """A ``.partial`` file left by a power cut is not taken for a backup."""
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "cchc-xa_20240101-080000_auto.sqlite3.partial").write_bytes(b"half")
    (folder / "notes.txt").write_text("x")
    assert list_backups(folder) == []


def test_two_backups_in_the_same_second_get_different_names(tmp_path):
    _database(tmp_path / "db.sqlite3").close()
    moment = datetime(2024, 5, 1, 9, 30)
    first = take_backup(tmp_path / "db.sqlite3", tmp_path / "b", "manual", moment)
    second = take_backup(tmp_path / "db.sqlite3", tmp_path / "b", "manual", moment)
    assert first.path != second.path and len(list_backups(tmp_path / "b")) == 2


def test_latest_good_backup_skips_a_damaged_one(tmp_path):
    _database(tmp_path / "db.sqlite3").close()
    folder = tmp_path / "backups"
    good = take_backup(tmp_path / "db.sqlite3", folder, "auto", datetime(2024, 1, 1))
    bad = take_backup(tmp_path / "db.sqlite3", folder, "auto", datetime(2024, 1, 2))
    bad.path.write_bytes(b"not a database at all" * 100)
    assert latest_good_backup(folder).path == good.path


def test_restore_replaces_the_database_and_keeps_a_copy(tmp_path):
    """Restore puts the backup's rows in place; what it replaced is kept as before-restore."""
    database = tmp_path / "db.sqlite3"
    _database(database, ("An",)).close()
    backup = take_backup(database, tmp_path / "backups", "manual", datetime(2024, 1, 1))
    connection = sqlite3.connect(database)
    connection.execute("INSERT INTO person VALUES ('Chi')")
    connection.commit()
    connection.close()
    kept = restore(backup.path, database, tmp_path / "backups")
    assert _names(database) == ["An"]
    assert kept.kind == "before-restore" and _names(kept.path) == ["An", "Chi"]


def test_restore_of_a_damaged_database_keeps_the_raw_file(tmp_path):
    database = tmp_path / "db.sqlite3"
    _database(database).close()
    backup = take_backup(database, tmp_path / "backups", "manual")
    database.write_bytes(b"\x00garbage" * 4096)
    kept = restore(backup.path, database, tmp_path / "backups")
    assert kept.kind == "damaged" and kept.path.read_bytes().startswith(b"\x00garbage")
    assert _names(database) == ["An"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path):
    database = tmp_path / "db.sqlite3"
    _database(database, ("An",)).close()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(BackupError):
        restore(broken, database, tmp_path / "backups")
    assert _names(database) == ["An"]
    assert list_backups(tmp_path / "backups") == []


def test_integrity_problems_name_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"hello world" * 1000)
    assert integrity_problems(path) != []


def test_a_cut_backup_leaves_no_journal_behind(tmp_path):
    """A backup killed mid-copy leaves ``.partial`` and SQLite's ``.partial-journal``: both removed at the next start, backups kept."""
    from db.backup import remove_leftovers

    (tmp_path / "cchc-xa_000003_20261201-080000_auto.sqlite3.partial").write_bytes(b"x")
    (tmp_path / "cchc-xa_000003_20261201-080000_auto.sqlite3.partial-journal").write_bytes(b"x")
    kept = tmp_path / "cchc-xa_000002_20261130-080000_auto.sqlite3"
    kept.write_bytes(b"x")
    assert remove_leftovers(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [kept.name]
