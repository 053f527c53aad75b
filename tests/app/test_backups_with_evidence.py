"""A backup for another disk carries the evidence files, and restoring it on a new machine brings them back."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.backups import export_backup, restore_backup
from app.errors import UserError
from app.paths import DataFolder
from app.services.evidence import evidence_path, year_evidence
from app.startup import open_store


def test_a_usb_copy_restored_on_a_new_machine_keeps_the_evidence(demo_store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = export_backup(demo_store.folder, usb, now=datetime(2024, 12, 1, 9, 30))
    assert copy.name == "CCHC-Xa_saoluu_20241201-093000" and not list(usb.glob("*.partial"))
    backup_file = next(copy.glob("*.sqlite3"))
    assert len([p for p in (copy / "evidence").rglob("*") if p.is_file()]) == 3
    new_machine = DataFolder(tmp_path / "new-pc" / "data")  # not created yet
    restore_backup(new_machine, backup_file)
    store, _ = open_store(new_machine)
    try:
        attached = year_evidence(store, 2024)
        assert len(attached) == 3
        assert evidence_path(store, attached[0].link_id).read_bytes().startswith(b"%PDF")
    finally:
        store.close()


def test_a_missing_target_folder_is_refused_in_vietnamese(demo_store, tmp_path):
    with pytest.raises(UserError) as caught:
        export_backup(demo_store.folder, tmp_path / "khong-co-usb")
    assert "Không tìm thấy thư mục" in caught.value.message
    assert not (tmp_path / "khong-co-usb").exists()


def test_the_usb_copy_reports_each_file_and_a_cancel_leaves_no_partial_copy(demo_store, tmp_path):
    """Progress names every evidence file copied; Cancelled raised at the second one removes the .partial folder."""
    from app.progress import Cancelled

    usb = tmp_path / "usb"
    usb.mkdir()
    steps = []
    export_backup(demo_store.folder, usb, now=datetime(2024, 12, 1, 9, 30), progress=lambda *step: steps.append(step))
    assert sum("tài liệu kiểm chứng" in text for _, _, text in steps) == 3 and steps[-1][0] == steps[-1][1]

    def cancel_at_the_second_file(step, total, text):
        if "tài liệu kiểm chứng" in text and step >= 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_backup(demo_store.folder, usb, now=datetime(2024, 12, 2, 9, 30), progress=cancel_at_the_second_file)
    assert [path.name for path in usb.iterdir()] == ["CCHC-Xa_saoluu_20241201-093000"]
