"""A damaged database at start: the clerk restores the latest backup or starts afresh, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

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
        assert len(list_officials(store)) == 12
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
