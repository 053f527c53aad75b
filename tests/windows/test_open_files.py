"""Windows refuses to replace or delete a file another process holds open: never a traceback, never half a change."""

from __future__ import annotations

import sqlite3
import sys
from datetime import datetime

import pytest
from sqlalchemy import text

import db.fsync
from app.backups import backup_now, restore_backup
from app.documents.atomic import atomic_path
from app.errors import UserError
from app.exporters.written import write_files
from app.store import Store
from db.fsync import replace_durably
from tests.windows.holder import held_open

pytestmark = pytest.mark.windows
WINDOWS = sys.platform == "win32"


def test_replace_onto_a_file_held_open_elsewhere(tmp_path):
    """Windows refuses (PermissionError, the old file intact, the new one kept); Linux replaces."""
    target, source = tmp_path / "KH-CCHC-2024.pdf", tmp_path / "new.tmp"
    target.write_bytes(b"old")
    source.write_bytes(b"new")
    with held_open(target):
        if WINDOWS:
            with pytest.raises(PermissionError):
                replace_durably(source, target)
            assert target.read_bytes() == b"old" and source.read_bytes() == b"new"
        else:
            replace_durably(source, target)
            assert target.read_bytes() == b"new"


def test_a_holder_that_lets_go_soon_is_waited_for(tmp_path, monkeypatch):
    """A file an antivirus scan holds for a moment is replaced once it is let go, not reported."""
    target, source = tmp_path / "target", tmp_path / "source"
    target.write_bytes(b"old")
    source.write_bytes(b"new")
    real_replace, refusals, waits = db.fsync.os.replace, [PermissionError(13, "in use")] * 2, []

    def busy_then_free(src, dst):
        if refusals:
            raise refusals.pop()
        real_replace(src, dst)

    monkeypatch.setattr(db.fsync.os, "replace", busy_then_free)
    monkeypatch.setattr(db.fsync.time, "sleep", waits.append)
    replace_durably(source, target)
    assert target.read_bytes() == b"new" and len(waits) == 2


def test_papers_written_over_a_file_open_in_a_reader_say_so_in_vietnamese(tmp_path):
    """On Windows the clerk reads that the file is open, the old paper stays and no temporary file is left."""
    out = tmp_path / "out"
    out.mkdir()
    paper = out / "KH-CCHC-2024.pdf"
    paper.write_bytes(b"old paper")

    def render(document, path):
        with atomic_path(path) as temp:
            temp.write_bytes(document)

    with held_open(paper):
        if WINDOWS:
            with pytest.raises(UserError) as caught:
                write_files([(render, b"new paper", paper.name, "Kế hoạch")], out, "kế hoạch")
            assert "Không ghi được kế hoạch" in caught.value.message and "đang mở" in caught.value.hint
            assert paper.read_bytes() == b"old paper"
        else:
            write_files([(render, b"new paper", paper.name, "Kế hoạch")], out, "kế hoạch")
            assert paper.read_bytes() == b"new paper"
    assert sorted(p.name for p in out.iterdir()) == [paper.name]


def _mark_after_backup(database) -> None:
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE after_backup (x)")
    connection.commit()
    connection.close()


def _has_mark(database) -> bool:
    connection = sqlite3.connect(database)
    try:
        return bool(connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'after_backup'").fetchall())
    finally:
        connection.close()


def test_restore_while_another_process_has_the_database_open(migrated_folder):
    """Windows: a Vietnamese message naming the open file, the data unchanged, nothing left over; Linux restores."""
    backup = backup_now(migrated_folder, "manual", datetime(2024, 1, 1))
    _mark_after_backup(migrated_folder.database)
    with held_open(migrated_folder.database, database=True):
        if WINDOWS:
            with pytest.raises(UserError) as caught:
                restore_backup(migrated_folder, backup.path)
            assert "đang được mở" in caught.value.hint and "chưa bị thay đổi" in caught.value.hint
            assert migrated_folder.database.name in caught.value.message
        else:
            restore_backup(migrated_folder, backup.path)
    assert _has_mark(migrated_folder.database) is WINDOWS
    assert not list(migrated_folder.root.glob("*.restoring"))


def test_restore_after_the_store_is_closed_replaces_the_database(migrated_folder):
    """Closing the store lets every connection go, so even Windows lets the restore replace the file."""
    backup = backup_now(migrated_folder, "manual", datetime(2024, 1, 1))
    _mark_after_backup(migrated_folder.database)
    store = Store(migrated_folder)
    with store.engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM sqlite_master")).all()
    store.close()
    kept = restore_backup(migrated_folder, backup.path).kept
    assert not _has_mark(migrated_folder.database) and _has_mark(kept.path)
