"""Restore from inside the window: under the window's lock, typing saved first, another commune confirmed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import folder_lock
from app.backups import backup_now, restorable_backups, restore_backup
from app.services.plan_tree import get_task
from app.services.profile import get_profile
from ui.dialogs.backup_picker import BackupPicker

from ui.pages.plans_page import PlansPage
from .conftest import open_window

REPO = Path(__file__).resolve().parents[2]


def _window(qtbot, store):
    return open_window(qtbot, store)


def _click_in_box(object_name: str, button_name: str, seen: list):
    """Click ``button_name`` in the modal box called ``object_name`` once it is open; record its texts."""
    def act():
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != object_name:
            QTimer.singleShot(20, act)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        box.findChild(type(box.defaultButton()), button_name).click()
    QTimer.singleShot(0, act)


def test_a_restore_in_the_window_keeps_the_folder_held(qtbot, demo_store, no_modal_boxes):
    """The window's lock stays through the restore: a command started meanwhile or after is refused."""
    with folder_lock.acquire(demo_store.folder, folder_lock.WINDOW) as lock:  # as run_window holds it
        window = _window(qtbot, demo_store)
        window.backups.restore_file(backup_now(demo_store.folder).path)
        assert no_modal_boxes[-1][0] == "Đã khôi phục"
        assert folder_lock.held_here(demo_store.folder) is lock and lock.held
        other = subprocess.run([sys.executable, "-m", "app", "backup", "--data-dir", str(demo_store.folder.root)],
                               cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert other.returncode == 2 and "cửa sổ CCHC Xã khác" in other.stderr


def test_typing_is_saved_before_the_restore_and_never_lands_in_the_restored_data(qtbot, demo_store, no_modal_boxes):
    """Text still inside the autosave pause goes into the before-restore copy; nothing is pending afterwards."""
    backup = backup_now(demo_store.folder)
    window = _window(qtbot, demo_store)
    plans = window.page(PlansPage)
    task = plans.tree.areas[0].tasks[0]
    plans.tree._select("task", task.id)
    plans.tree.task_editor.product.setPlainText("Gõ dở trước khi khôi phục")  # not yet saved
    window.backups.restore_file(backup.path)
    kept = next(b for b in restorable_backups(demo_store.folder) if b.kind == "before-restore")
    with sqlite3.connect(kept.path) as connection:
        assert connection.execute("SELECT product FROM plan_task WHERE id = ?", (task.id,)).fetchone()[0] \
            == "Gõ dở trước khi khôi phục"
    connection.close()
    assert get_task(demo_store, task.id).product == task.product
    assert not plans.tree.task_editor.autosave._timer.isActive()


def _other_commune_backup(store, tmp_path) -> Path:
    other = tmp_path / "cchc-xa_20240301-080000_manual.sqlite3"
    shutil.copyfile(backup_now(store.folder).path, other)
    with sqlite3.connect(other) as connection:
        connection.execute("UPDATE commune_profile SET commune_name = 'Tân Lập'")
    connection.close()
    return other


def test_another_communes_backup_is_shown_and_kept_out_by_default(qtbot, demo_store, tmp_path, no_modal_boxes):
    """The question names both communes and the date; "Không khôi phục" leaves the data as it was."""
    other = _other_commune_backup(demo_store, tmp_path)
    window = _window(qtbot, demo_store)
    seen = []
    _click_in_box("other_commune", "keep_current", seen)
    window.backups.restore_file(other)
    assert "“Tân Lập”" in seen[0] and "“Hòa Bình Xuân”" in seen[0] and "01/03/2024 08:00" in seen[0]
    assert get_profile(demo_store).commune_name == "Hòa Bình Xuân"
    assert not [b for b in restorable_backups(demo_store.folder) if b.kind == "before-restore"]


def test_another_communes_backup_is_restored_when_confirmed(qtbot, demo_store, tmp_path, no_modal_boxes):
    """"Vẫn khôi phục" restores it, keeping the current commune as a before-restore copy."""
    other = _other_commune_backup(demo_store, tmp_path)
    window = _window(qtbot, demo_store)
    _click_in_box("other_commune", "restore_anyway", [])
    window.backups.restore_file(other)
    assert get_profile(demo_store).commune_name == "Tân Lập"
    assert window.windowTitle().startswith("Xã Tân Lập")


def test_the_picker_lists_damaged_and_before_restore_copies_but_never_preselects_damage(qtbot, demo_store):
    """Both kinds are there, named by kind; the preselected one is a whole backup."""
    demo_store.close()
    folder = demo_store.folder
    backup = backup_now(folder, "manual", datetime(2030, 1, 1, 8, 0))
    restore_backup(folder, backup.path, now=datetime(2030, 1, 2, 8, 0))
    folder.database.write_bytes(b"\x00garbage" * 4096)
    restore_backup(folder, backup.path, now=datetime(2030, 1, 3, 8, 0))  # the newest copy is the damaged one
    picker = BackupPicker(restorable_backups(folder))
    qtbot.addWidget(picker)
    texts = [picker.list.item(row).text() for row in range(picker.list.count())]
    assert any("(bản hỏng được giữ lại)" in text for text in texts)
    assert any("(trước khi khôi phục)" in text for text in texts)
    assert "bản hỏng" in texts[0] and "bản hỏng" not in picker.list.currentItem().text()


def test_a_backup_runs_off_the_gui_thread(qtbot, demo_store, no_modal_boxes, monkeypatch):
    """"Sao lưu ngay" copies on a worker thread; the window says when it is done."""
    import threading

    import ui.backup_actions as backup_actions

    threads = []

    def backup_on(folder, *args, **kwargs):
        threads.append(threading.current_thread())
        return backup_now(folder, *args, **kwargs)

    monkeypatch.setattr(backup_actions, "backup_now", backup_on)
    window = _window(qtbot, demo_store)
    assert window.backups.backup().ok
    assert threads and threads[0] is not threading.main_thread()
    assert no_modal_boxes[-1][0] == "Đã sao lưu"


def test_a_restore_runs_off_the_gui_thread(qtbot, demo_store, no_modal_boxes, monkeypatch):
    """The file is replaced on a worker thread, and the window reopens it afterwards."""
    import threading

    import ui.backup_actions as backup_actions

    threads = []

    def restore_on(*args, **kwargs):
        threads.append(threading.current_thread())
        return restore_backup(*args, **kwargs)

    monkeypatch.setattr(backup_actions, "restore_backup", restore_on)
    window = _window(qtbot, demo_store)
    window.backups.restore_file(backup_now(demo_store.folder).path)
    assert threads and threads[0] is not threading.main_thread()
    assert no_modal_boxes[-1][0] == "Đã khôi phục" and get_profile(demo_store).commune_name == "Hòa Bình Xuân"


def test_a_cancelled_copy_to_a_usb_stick_leaves_nothing_there(qtbot, demo_store, tmp_path, no_modal_boxes,
                                                               errors_shown, monkeypatch):
    """"Hủy" pressed while the evidence is copied: no copy, not even a .partial one, and nothing reported."""
    import threading

    import app.backups as backups
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    evidence = demo_store.folder.evidence / "ab" / ("ab" + "0" * 62 + ".txt")
    evidence.parent.mkdir(parents=True, exist_ok=True)
    evidence.write_text("biên bản", encoding="utf-8")
    copying, pressed = threading.Event(), threading.Event()
    real_copy = backups.shutil.copy2

    def copy_slowly(source, target, **kwargs):
        copying.set()
        assert pressed.wait(20)
        return real_copy(source, target, **kwargs)

    monkeypatch.setattr(backups.shutil, "copy2", copy_slowly)
    window = _window(qtbot, demo_store)

    def press_hủy():
        box = window.findChild(QProgressDialog, "runner_progress")
        if box is None or not copying.is_set():
            QTimer.singleShot(10, press_hủy)
            return
        box.findChild(QPushButton).click()
        pressed.set()

    QTimer.singleShot(0, press_hủy)
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = window.backups.backup_to(usb)
    assert copy.cancelled and list(usb.iterdir()) == []
    assert errors_shown == [] and not any(title == "Đã sao lưu" for title, _ in no_modal_boxes)


def test_the_hourly_backup_check_runs_off_the_gui_thread(qtbot, demo_store, monkeypatch):
    """The timer's check copies on a worker while the window stays usable, then updates the status bar."""
    import threading

    import app.backups as backups
    from ui.runner import wait_for_background

    threads = []
    real = backups.daily_backup

    def daily_on(folder, *args, **kwargs):
        threads.append(threading.current_thread())
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(backups, "daily_backup", daily_on)
    window = _window(qtbot, demo_store)
    window.backup_label.setText("")
    window._daily_backup()
    assert window.isEnabled()
    wait_for_background()
    qtbot.waitUntil(lambda: window.backup_label.text() != "")
    assert threads and threads[0] is not threading.main_thread()
