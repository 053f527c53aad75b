"""A write the disk refuses reaches the screens as ``SaveFailed`` in Vietnamese; other errors stay what they are."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event

from app.errors import SaveFailed
from app.services.profile import get_profile, set_profile_field


def refuse_commits(store, message: str = "database or disk is full"):
    """From now on every commit fails as SQLite fails on a full disk; call the result to free the disk."""
    def refuse(_connection) -> None:
        raise sqlite3.OperationalError(message)

    event.listen(store.engine, "commit", refuse)
    return lambda: event.remove(store.engine, "commit", refuse)


@pytest.mark.parametrize("message, says", [
    ("database or disk is full", "ổ đĩa đã đầy"),
    ("disk I/O error", "lỗi khi ghi ra ổ đĩa"),
    ("attempt to write a readonly database", "chỉ cho phép đọc"),
])
def test_a_refused_write_is_a_save_failed_in_vietnamese(store, message, says):
    """Full, failing or read-only disks each say what happened and what to do; the old value stays."""
    free = refuse_commits(store, message)
    with pytest.raises(SaveFailed) as raised:
        set_profile_field(store, "commune_name", "Tên mới")
    free()
    assert says in raised.value.message and raised.value.hint
    assert message in raised.value.details
    assert get_profile(store).commune_name == ""


def test_other_database_errors_are_not_disguised(store):
    """A bug (here a malformed statement) is not reported as a full disk."""
    refuse_commits(store, "near \"SELEC\": syntax error")
    with pytest.raises(sqlite3.OperationalError):
        set_profile_field(store, "commune_name", "Tên mới")


def test_a_real_full_disk_is_a_save_failed(folder, template_database, tmpfs):
    """On a real, full file system the write fails as SaveFailed and succeeds once space is freed."""
    import shutil

    from app.paths import DataFolder
    from app.store import Store

    data = DataFolder(tmpfs / "data")
    data.create()
    shutil.copyfile(template_database, data.database)
    store = Store(data)
    try:
        filler = fill(tmpfs)
        with pytest.raises(SaveFailed, match="ổ đĩa đã đầy"):
            set_profile_field(store, "commune_name", "Xã " + "rất dài " * 4000)
        filler.unlink()
        set_profile_field(store, "commune_name", "Xã " + "rất dài " * 4000)
        assert get_profile(store).commune_name.startswith("Xã rất dài")
    finally:
        store.close()


def fill(disk):
    """Takes every free byte of ``disk`` with one file; returns it (delete it to free the space)."""
    filler = disk / "filler.bin"
    with filler.open("wb", buffering=0) as handle:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                continue
    return filler
