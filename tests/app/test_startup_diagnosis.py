"""Diagnose before accusing: busy, read-only, full, missing, empty, newer and damaged are each told apart."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys

import pytest

from app.backups import set_damaged_aside
from app.errors import DatabaseProblem
from app.folder_lock import folder_unwritable
from app.services.officials import list_officials
from app.startup import open_store
from db import integrity
from db.backup import list_backups


def _demo(folder):
    store, _ = open_store(folder, demo=True)
    store.close()
    return folder


def _problem(folder, **kwargs) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        open_store(folder, **kwargs)
    return caught.value


def _holding_the_file(database):
    """Another program with the file open in exclusive locking mode inside a write transaction."""
    code = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "c.execute('SELECT count(*) FROM official').fetchall()\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_file_locked_by_another_program_is_busy_not_damaged(folder, monkeypatch):
    """Another process holding an exclusive lock: "busy", no backup offered, nothing set aside."""
    monkeypatch.setattr(integrity, "CHECK_TIMEOUT", 0.2)
    _demo(folder)
    before = list_backups(folder.backups)
    holder = _holding_the_file(folder.database)
    try:
        problem = _problem(folder)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert problem.kind == "busy" and problem.latest_backup is None
    assert "không bị hỏng" in problem.message and "Thử lại" in problem.hint
    assert list_backups(folder.backups) == before
    store, _ = open_store(folder)  # once the other program lets go, the data is all there
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()


def test_a_read_only_folder_is_read_only_not_damaged(tmpfs):
    """A data folder on a read-only disk: "read-only" at once, no restore offered."""
    from app.paths import DataFolder

    folder = _demo(DataFolder(tmpfs / "data"))
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)  # EROFS for real, even as root
    problem = _problem(folder)
    assert problem.kind == "read-only" and problem.latest_backup is None
    assert problem.message.startswith("Thư mục dữ liệu chỉ cho phép đọc")
    assert "Read-only file system" in problem.details


def test_a_full_disk_is_named(tmpfs):
    """A data folder on a disk with no room left: "disk-full", not damaged."""
    from app.paths import DataFolder

    folder = _demo(DataFolder(tmpfs / "data"))
    with open(tmpfs / "filler", "wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC
    problem = _problem(folder)
    assert problem.kind == "disk-full" and "đã đầy" in problem.message


def test_the_unwritable_messages_follow_the_real_errno(tmp_path):
    """The same words wherever the errno comes from (a USB stick's lock switch, a quota): Windows has no tmpfs."""
    assert "chỉ cho phép đọc" in folder_unwritable(tmp_path, OSError(errno.EROFS, "Read-only file system")).message
    assert "chỉ cho phép đọc" in folder_unwritable(tmp_path, PermissionError(errno.EACCES, "Access denied")).message
    assert "đã đầy" in folder_unwritable(tmp_path, OSError(errno.ENOSPC, "No space left on device")).message


def test_a_missing_database_beside_backups_with_data_is_not_a_new_install(folder):
    """The data file is gone but a backup holds the commune: say so and offer that backup; create nothing."""
    _demo(folder)
    folder.database.unlink()
    for suffix in ("-wal", "-shm"):
        folder.database.with_name(folder.database.name + suffix).unlink(missing_ok=True)
    problem = _problem(folder)
    assert problem.kind == "missing" and problem.latest_backup is not None
    assert "Không tìm thấy tệp dữ liệu" in problem.message and "Nên khôi phục" in problem.hint
    assert not folder.database.exists()


def test_an_empty_database_beside_backups_with_data_is_not_a_new_install(folder):
    """A 0-byte file (a cut write) is reported as empty with the latest backup that holds data."""
    _demo(folder)
    folder.database.write_bytes(b"")
    problem = _problem(folder)
    assert problem.kind == "empty" and problem.latest_backup.kind == "auto"
    assert "0 byte" in problem.message
    assert folder.database.stat().st_size == 0


def test_backups_of_an_empty_database_are_not_offered(folder, template_database):
    """Only a backup that holds data counts: backups of an empty commune leave a missing file a new install."""
    store, _ = open_store(folder)  # a new install and its (empty) automatic backup
    store.close()
    folder.database.unlink()
    store, report = open_store(folder)
    store.close()
    assert report.created


def test_starting_fresh_keeps_the_empty_file_aside(folder):
    """The deliberate fresh start sets the 0-byte file aside and is not asked about again."""
    _demo(folder)
    folder.database.write_bytes(b"")
    set_damaged_aside(folder)
    store, report = open_store(folder, fresh=True)
    store.close()
    assert report.created
    assert [b.path.stat().st_size for b in list_backups(folder.backups) if b.kind == "damaged"] == [0]
    store, report = open_store(folder)  # the next start opens the new data without asking
    store.close()
    assert not report.created


def test_a_newer_version_is_its_own_diagnosis(migrated_folder):
    """A file from a newer release: "newer", no restore offered, the file untouched."""
    with sqlite3.connect(migrated_folder.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = migrated_folder.database.read_bytes()
    problem = _problem(migrated_folder)
    assert problem.kind == "newer" and problem.latest_backup is None
    assert migrated_folder.database.read_bytes() == before


def test_a_damaged_file_is_still_called_damaged(folder):
    """The real damage keeps its diagnosis and its rescue."""
    _demo(folder)
    data = bytearray(folder.database.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] = 0xA5
    folder.database.write_bytes(bytes(data))
    problem = _problem(folder)
    assert problem.kind == "damaged" and problem.latest_backup is not None


def test_a_new_folder_on_an_almost_full_disk_is_named_full(tmpfs):
    """Room for the folder but not for the schema (sqlite3's own error on the plain path): "disk-full" in
    Vietnamese, not an unexpected error."""
    from app.paths import DataFolder

    with open(tmpfs / "filler", "wb") as filler:
        free = os.statvfs(tmpfs).f_bavail * os.statvfs(tmpfs).f_frsize
        filler.write(b"\0" * max(0, free - 96 * 1024))  # ≈ 96 KB left: less than an empty database
    problem = _problem(DataFolder(tmpfs / "data"))
    assert problem.kind == "disk-full" and "đã đầy" in problem.message
