"""Backups ordered by their sequence number, never by the clock; rotation keeps the data and the trusted date."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from db.backup import holds_data, latest_good_backup, list_backups, parse_backup_name, rotate, take_backup

GOOD_DAY = datetime(2026, 12, 1, 8, 0)


def _database(path, officials=("Nguyễn Văn An",)):
    """A database with the clerk's ``official`` table holding ``officials`` (none: an emptied database)."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE official (id INTEGER PRIMARY KEY, full_name TEXT)")
    connection.execute("CREATE TABLE criteria_set (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO criteria_set (name) VALUES ('bộ tiêu chí có sẵn')")  # shipped, not the clerk's
    connection.executemany("INSERT INTO official (full_name) VALUES (?)", [(n,) for n in officials])
    connection.commit()
    connection.close()
    return path


def test_new_names_carry_a_sequence_and_old_names_sort_before_them(tmp_path):
    """An old ``cchc-xa_DATE_auto`` name (even dated 2099) reads as sequence 0, older than any numbered backup."""
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "cchc-xa_20990101-080000_auto.sqlite3").write_bytes(b"")
    (folder / "cchc-xa_20241201-080000_auto.sqlite3").write_bytes(b"")
    new = take_backup(_database(tmp_path / "db.sqlite3"), folder, "auto", datetime(2001, 1, 1, 8, 0))
    assert new.path.name == "cchc-xa_000001_20010101-080000_auto.sqlite3" and new.sequence == 1
    assert [b.path.name for b in list_backups(folder)] == [
        new.path.name, "cchc-xa_20990101-080000_auto.sqlite3", "cchc-xa_20241201-080000_auto.sqlite3"]
    assert parse_backup_name(folder / "cchc-xa_20241201-080000_auto.sqlite3").sequence == 0


def test_the_sequence_goes_on_whatever_the_date(tmp_path):
    """Each backup takes the next number, so a backup taken in 2001 after one of 2026 is the newest."""
    database = _database(tmp_path / "db.sqlite3")
    folder = tmp_path / "backups"
    first = take_backup(database, folder, "auto", GOOD_DAY)
    second = take_backup(database, folder, "manual", datetime(2001, 1, 1, 7, 0))
    assert (first.sequence, second.sequence) == (1, 2)
    assert list_backups(folder)[0] == second


def test_a_backup_taken_on_a_2001_clock_survives_rotation(tmp_path):
    """Ten good days, then one start in 2001: rotation removes the oldest good day, never the 2001 backup."""
    database = _database(tmp_path / "db.sqlite3")
    folder = tmp_path / "backups"
    days = [take_backup(database, folder, "auto", GOOD_DAY + timedelta(days=n)) for n in range(10)]
    stuck = take_backup(database, folder, "auto", datetime(2001, 1, 1, 8, 0))
    assert rotate(folder) == [days[0].path]
    assert stuck.path.exists() and list_backups(folder)[0] == stuck


def test_ten_backups_of_an_emptied_database_keep_the_last_one_with_data(tmp_path):
    """The last backup holding the clerk's rows is never rotated away by ten newer empty ones."""
    database = _database(tmp_path / "db.sqlite3")
    folder = tmp_path / "backups"
    good = take_backup(database, folder, "auto", GOOD_DAY)
    _database(database, officials=())
    for day in range(1, 11):
        take_backup(database, folder, "auto", GOOD_DAY + timedelta(days=day))
        rotate(folder)
    automatic = [b for b in list_backups(folder) if b.kind == "auto"]
    assert good.path.exists() and len(automatic) == 11 and automatic[-1] == good
    assert latest_good_backup(folder) == good


def test_rotation_keeps_what_the_caller_protects(tmp_path):
    """A path passed in ``protect`` (the backup whose date the clock check trusts) stays beyond the ten."""
    database = _database(tmp_path / "db.sqlite3")
    folder = tmp_path / "backups"
    anchor = take_backup(database, folder, "auto", GOOD_DAY)
    wrong = [take_backup(database, folder, "auto", datetime(2099, 1, 1 + n, 8, 0)) for n in range(10)]
    assert rotate(folder, protect=[anchor.path]) == []
    assert anchor.path.exists() and all(b.path.exists() for b in wrong)


def test_latest_good_backup_follows_the_sequence_not_the_date(tmp_path):
    """A backup dated 2099 but taken before today's is not the latest."""
    database = _database(tmp_path / "db.sqlite3")
    folder = tmp_path / "backups"
    take_backup(database, folder, "auto", datetime(2099, 6, 1, 8, 0))
    today = take_backup(database, folder, "auto", GOOD_DAY)
    assert latest_good_backup(folder) == today


def test_holds_data_looks_only_at_the_clerks_tables(tmp_path):
    """Shipped rows do not count as data; a 0-byte file, a non-database and a missing file hold none."""
    assert holds_data(_database(tmp_path / "full.sqlite3"))
    assert not holds_data(_database(tmp_path / "empty.sqlite3", officials=()))
    (tmp_path / "zero.sqlite3").write_bytes(b"")
    (tmp_path / "text.sqlite3").write_bytes(b"not a database" * 100)
    assert not holds_data(tmp_path / "zero.sqlite3")
    assert not holds_data(tmp_path / "text.sqlite3")
    assert not holds_data(tmp_path / "missing.sqlite3")
