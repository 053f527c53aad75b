"""Restore checks what it restores: newer, foreign, empty and other communes' files, and evidence by its hash."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime

import pytest

from app.backups import OtherCommuneError, backup_now, restorable_backups, restore_backup
from app.errors import UserError
from app.services.officials import list_officials
from app.services.profile import get_profile
from app.startup import open_store


@pytest.fixture
def demo_folder(demo_store):
    """The demo commune, closed, with one manual backup of it."""
    demo_store.close()
    return demo_store.folder


def _refused(folder, path) -> UserError:
    before = folder.database.read_bytes()
    kinds_before = [b.kind for b in restorable_backups(folder)]
    with pytest.raises(UserError) as caught:
        restore_backup(folder, path)
    assert folder.database.read_bytes() == before, "the current data must not change"
    assert [b.kind for b in restorable_backups(folder)] == kinds_before, "no before-restore copy for a refusal"
    assert "Dữ liệu hiện tại chưa bị thay đổi" in caught.value.hint
    return caught.value


def _copy_with(folder, tmp_path, sql: str, *parameters):
    copy = tmp_path / "elsewhere" / "cchc-xa_20240301-080000_manual.sqlite3"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(backup_now(folder, "manual", datetime(2024, 3, 1, 8, 0)).path, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute(sql, parameters)
    connection.close()
    return copy


def test_a_backup_from_a_newer_version_is_refused(demo_folder, tmp_path):
    """A schema this version does not know would lock the clerk out at the next start."""
    newer = _copy_with(demo_folder, tmp_path, "UPDATE alembic_version SET version_num = '9999_future'")
    error = _refused(demo_folder, newer)
    assert "phiên bản CCHC Xã mới hơn" in error.message


def test_another_programs_sqlite_file_is_refused(demo_folder, tmp_path):
    """A SQLite file without CCHC Xã's tables is not a backup of ours."""
    foreign = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE contact (name TEXT)")
        connection.execute("INSERT INTO contact VALUES ('An')")
    connection.close()
    error = _refused(demo_folder, foreign)
    assert error.message == "Tệp này không phải bản sao lưu dữ liệu CCHC Xã."


def test_an_empty_file_is_refused(demo_folder, tmp_path):
    """A 0-byte file (a cut copy) would have replaced the data with nothing."""
    empty = tmp_path / "cchc-xa_20240301-080000_manual.sqlite3"
    empty.write_bytes(b"")
    assert "rỗng (0 byte)" in _refused(demo_folder, empty).message


def test_another_communes_backup_is_asked_about_with_both_names_and_its_date(demo_folder, tmp_path):
    """Never silently: both names and the backup's date; restored only when confirmed."""
    other = _copy_with(demo_folder, tmp_path, "UPDATE commune_profile SET commune_name = 'Tân Lập'")
    with pytest.raises(OtherCommuneError) as caught:
        restore_backup(demo_folder, other)
    question = caught.value
    assert (question.backup_commune, question.current_commune) == ("Tân Lập", "Hòa Bình Xuân")
    assert "“Tân Lập”" in question.message and "“Hòa Bình Xuân”" in question.message
    assert "01/03/2024 08:00" in question.message
    restore_backup(demo_folder, other, other_commune_ok=True)
    store, _ = open_store(demo_folder)
    try:
        assert get_profile(store).commune_name == "Tân Lập"
    finally:
        store.close()


def test_the_same_commune_is_not_asked_about(demo_folder, tmp_path):
    """A backup of this commune (names compared regardless of case and spacing) restores at once."""
    same = _copy_with(demo_folder, tmp_path, "UPDATE commune_profile SET commune_name = ' hòa bình  xuân'")
    result = restore_backup(demo_folder, same)
    assert result.kept is not None and result.kept.kind == "before-restore"


def test_evidence_that_does_not_match_its_hash_is_not_copied(demo_folder, tmp_path):
    """Beside a backup, a file whose content differs from its SHA-256 name is left out and named."""
    backup = backup_now(demo_folder, "manual")
    usb = tmp_path / "usb"
    (usb / "evidence" / "ab").mkdir(parents=True)
    shutil.copyfile(backup.path, usb / backup.path.name)
    good = b"bien ban hop"
    good_name = hashlib.sha256(good).hexdigest() + ".pdf"
    (usb / "evidence" / good_name[:2]).mkdir(exist_ok=True)
    (usb / "evidence" / good_name[:2] / good_name).write_bytes(good)
    forged = usb / "evidence" / "ab" / ("ab" + "0" * 62 + ".pdf")
    forged.write_bytes(b"not what the name promises")
    result = restore_backup(demo_folder, usb / backup.path.name)
    assert result.evidence_copied == 1 and result.evidence_rejected == (forged,)
    assert (demo_folder.evidence / good_name[:2] / good_name).read_bytes() == good
    assert not (demo_folder.evidence / "ab" / forged.name).exists()
    assert "không khớp" in result.evidence_note() and forged.name in result.evidence_note()


def test_damaged_and_before_restore_copies_are_listed(demo_folder):
    """Both kinds stay restorable in the list, marked by their kind."""
    backup = backup_now(demo_folder, "manual")
    restore_backup(demo_folder, backup.path)  # keeps a before-restore copy
    demo_folder.database.write_bytes(b"\x00garbage" * 4096)
    restore_backup(demo_folder, backup.path)  # keeps a damaged copy
    kinds = {b.kind for b in restorable_backups(demo_folder)}
    assert {"before-restore", "damaged"} <= kinds
    store, _ = open_store(demo_folder)
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()
