"""A damaged database at start: the clerk restores the latest backup or starts afresh, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.officials import list_officials
from app.startup import open_store
from ui.application import open_with_recovery
from ui.dialogs.recovery_dialog import RecoveryDialog


def _damaged_demo_folder(folder):
    store, _ = open_store(folder, demo=True)
    store.close()
    data = bytearray(folder.database.read_bytes())
    for offset in range(4096, len(data), 89):
        data[offset] = 0x5A
    folder.database.write_bytes(bytes(data))
    return folder


def _click_when_open(button_name: str, seen: list):
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(20, act)
            return
        seen.append((dialog.text(), dialog.informativeText(), [b.text() for b in dialog.buttons()]))
        getattr(dialog, button_name).click()
    QTimer.singleShot(0, act)


def test_restore_button_brings_back_the_latest_backup(qtbot, folder):
    _damaged_demo_folder(folder)
    seen = []
    _click_when_open("restore_button", seen)
    store, _report = open_with_recovery(folder, demo=False)
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()
    message, hint, buttons = seen[0]
    assert message == "Tệp dữ liệu bị hỏng, không mở được."
    assert any(text.startswith("Khôi phục bản sao lưu") for text in buttons)
    assert "Traceback" not in message + hint
    assert list(folder.backups.glob("*_damaged.sqlite3"))


def test_fresh_start_keeps_the_damaged_file(qtbot, folder):
    _damaged_demo_folder(folder)
    _click_when_open("fresh_button", [])
    store, report = open_with_recovery(folder, demo=False)
    try:
        assert report.created and list_officials(store) == []
    finally:
        store.close()
    assert list(folder.backups.glob("*_damaged.sqlite3"))


def test_quit_leaves_everything_as_it_was(qtbot, folder):
    _damaged_demo_folder(folder)
    before = folder.database.read_bytes()
    _click_when_open("quit_button", [])
    assert open_with_recovery(folder, demo=False) is None
    assert folder.database.read_bytes() == before


def test_without_any_backup_only_fresh_start_or_quit_is_offered(qtbot, folder):
    _damaged_demo_folder(folder)
    for backup in folder.backups.iterdir():
        backup.unlink()
    seen = []
    _click_when_open("quit_button", seen)
    open_with_recovery(folder, demo=False)
    _message, hint, buttons = seen[0]
    assert "Không có bản sao lưu nào còn tốt" in hint
    assert not any(text.startswith("Khôi phục") for text in buttons)


def _dialog_seen(button_name: str, seen: list, before_click=None):
    """Like ``_click_when_open`` but records the dialog's default button and can act before clicking."""
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(20, act)
            return
        default = dialog.defaultButton()
        choices = [b.text() for b in dialog.buttons() if dialog.buttonRole(b) != QMessageBox.ButtonRole.ActionRole]
        seen.append({"text": dialog.text(), "buttons": choices,
                     "default": default.text() if default else None, "title": dialog.windowTitle()})
        if before_click:
            before_click()
        getattr(dialog, button_name).click()
    QTimer.singleShot(0, act)


def test_a_damaged_file_never_defaults_to_restoring(qtbot, folder):
    """Enter on the damage dialog quits: replacing data is always a deliberate click."""
    _damaged_demo_folder(folder)
    seen = []
    _dialog_seen("quit_button", seen)
    assert open_with_recovery(folder, demo=False) is None
    assert seen[0]["default"] == "Thoát"


def test_a_file_held_by_another_program_offers_retry_not_restore(qtbot, folder, monkeypatch):
    """Busy is not damaged: "Thử lại" and "Thoát" only; once the program lets go, Thử lại opens the data."""
    import subprocess
    import sys

    from db import integrity

    monkeypatch.setattr(integrity, "CHECK_TIMEOUT", 0.2)
    store, _ = open_store(folder, demo=True)
    store.close()
    code = (f"import sqlite3, sys\nc = sqlite3.connect({str(folder.database)!r}, isolation_level=None)\n"
            "c.execute('PRAGMA locking_mode=EXCLUSIVE')\nc.execute('BEGIN EXCLUSIVE')\n"
            "c.execute('SELECT count(*) FROM official').fetchall()\nprint('held', flush=True)\nsys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"

    def let_go():
        holder.stdin.close()
        holder.wait(timeout=30)

    seen = []
    _dialog_seen("retry_button", seen, before_click=let_go)
    store, _report = open_with_recovery(folder, demo=False)
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()
    assert seen[0]["buttons"] == ["Thử lại", "Thoát"] and seen[0]["default"] == "Thử lại"
    assert "không bị hỏng" in seen[0]["text"] and seen[0]["title"] != "CCHC Xã — Dữ liệu bị hỏng"
    assert not list(folder.backups.glob("*_damaged.sqlite3")) and not list(folder.backups.glob("*_before-restore*"))


def test_a_missing_file_beside_backups_offers_the_backup_that_holds_data(qtbot, folder):
    """The data file is gone: not a new empty commune; restoring the offered backup brings the officials back."""
    store, _ = open_store(folder, demo=True)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        folder.database.with_name(folder.database.name + suffix).unlink(missing_ok=True)
    seen = []
    _dialog_seen("restore_button", seen)
    store, _report = open_with_recovery(folder, demo=False)
    try:
        assert len(list_officials(store)) == 17
    finally:
        store.close()
    assert seen[0]["text"].startswith("Không tìm thấy tệp dữ liệu") and seen[0]["default"] == "Thoát"
    assert "Bắt đầu với dữ liệu mới" in seen[0]["buttons"]


def test_fresh_start_on_an_empty_file_keeps_it_aside_and_asks_once(qtbot, folder):
    """"Bắt đầu với dữ liệu mới" on a 0-byte file: a new commune, the empty file kept, no second question."""
    store, _ = open_store(folder, demo=True)
    store.close()
    folder.database.write_bytes(b"")
    seen = []
    _dialog_seen("fresh_button", seen)
    store, report = open_with_recovery(folder, demo=False)
    store.close()
    assert report.created and len(seen) == 1
    assert [p.stat().st_size for p in folder.backups.glob("*_damaged.sqlite3")] == [0]


def test_a_read_only_folder_says_so_once_and_quits(qtbot, tmpfs):
    """No hang, no loop: one message that the folder is read-only, only "Thoát", the data untouched."""
    import subprocess

    from app.paths import DataFolder

    folder = DataFolder(tmpfs / "data")
    store, _ = open_store(folder, demo=True)
    store.close()
    before = folder.database.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)  # EROFS for real, even as root
    seen = []
    _dialog_seen("quit_button", seen)
    assert open_with_recovery(folder, demo=False) is None
    assert len(seen) == 1 and seen[0]["buttons"] == ["Thoát"]
    assert "chỉ cho phép đọc" in seen[0]["text"]
    assert folder.database.read_bytes() == before
