"""The package dialog: choices, a build off the GUI thread, the e-mail draft, and checking a package."""

from __future__ import annotations

import email
from datetime import date
from email import policy

from PySide6.QtWidgets import QMessageBox

import ui.dialogs.package_dialog as package_dialog
from ui.dialogs.package_dialog import PackageDialog, check_package_interactively


def _dialog(qtbot, store, out, today=date(2024, 8, 1)) -> PackageDialog:
    dialog = PackageDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(out))
    return dialog


def test_defaults_follow_the_registry_and_the_date(qtbot, demo_store, tmp_path):
    """Plan and report are ticked, scores and evidence are not; in August the six-month report is proposed."""
    dialog = _dialog(qtbot, demo_store, tmp_path)
    ticked = {key: box.isChecked() for key, box in dialog.content_boxes.items()}
    assert ticked == {"plan": True, "report": True, "scores": False, "dossier": False, "evidence": False}
    assert dialog.period_box.currentData() == "h1"
    dialog.content_boxes["report"].setChecked(False)
    assert not dialog.period_box.isEnabled()


def test_word_copies_are_off_unless_ticked(qtbot, demo_store, tmp_path):
    """The package carries PDF and Excel; the Word box, off by default, asks for the .docx copies too."""
    dialog = _dialog(qtbot, demo_store, tmp_path)
    assert not dialog.word_box.isChecked() and dialog.request().word_copies is False
    dialog.word_box.setChecked(True)
    assert dialog.request().word_copies is True


def test_export_builds_on_a_worker_and_offers_the_next_steps(qtbot, demo_store, tmp_path, monkeypatch):
    """Evidence only: the package appears, the result box is offered, the .eml carries the zip."""
    opened, offered = [], []
    monkeypatch.setattr(package_dialog, "open_path", opened.append)
    monkeypatch.setattr(PackageDialog, "offer_next_steps", lambda self: offered.append(self.result))
    dialog = _dialog(qtbot, demo_store, tmp_path)
    dialog.content_boxes["plan"].setChecked(False)
    dialog.content_boxes["report"].setChecked(False)
    dialog.content_boxes["evidence"].setChecked(True)
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert offered and dialog.result.zip_path.exists() and "Đã tạo gói" in dialog.result_label.text()
    draft = dialog.make_email_draft().value
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Hồ sơ CCHC năm 2024 - xã Hòa Bình Xuân" and opened == [draft]
    dialog.open_folder()
    assert opened[-1] == tmp_path


def test_a_failed_export_shows_the_error_and_leaves_nothing(qtbot, demo_store, tmp_path, errors_shown):
    """A destination that is gone is shown through the one error dialog."""
    dialog = _dialog(qtbot, demo_store, tmp_path / "rut-usb")
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(errors_shown), timeout=20000)
    assert "Không tìm thấy thư mục đích" in errors_shown[0] and dialog.result is None


def test_a_cancelled_export_leaves_no_half_file(qtbot, demo_store, tmp_path, errors_shown, monkeypatch):
    """"Hủy" pressed after the first step: the destination holds nothing, not even a half-written package."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    stepping, pressed = threading.Event(), threading.Event()
    real_build = package_dialog.build_package

    def build_held_at_first_step(store, request, destination, progress, cancelled):
        def step(*args):
            progress(*args)
            stepping.set()
            assert pressed.wait(20)
        return real_build(store, request, destination, progress=step, cancelled=cancelled)

    monkeypatch.setattr(package_dialog, "build_package", build_held_at_first_step)
    out = tmp_path / "usb"
    out.mkdir()
    dialog = _dialog(qtbot, demo_store, out)
    dialog.content_boxes["evidence"].setChecked(True)

    def press_hủy():
        box = dialog.findChild(QProgressDialog, "runner_progress")
        if box is None or not stepping.is_set():
            QTimer.singleShot(10, press_hủy)
            return
        box.findChild(QPushButton).click()
        pressed.set()

    QTimer.singleShot(0, press_hủy)
    dialog.start_export()
    assert list(out.iterdir()) == [] and dialog.result is None and errors_shown == []
    assert dialog.result_label.text() == "Đã hủy xuất gói; không có gì được ghi lại."


def test_check_package_shows_the_verdict(qtbot, demo_store, tmp_path, monkeypatch):
    """“Kiểm tra gói…” on a tampered folder shows a warning naming the changed file."""
    from app.exporters.package import PackageRequest, build_package

    built = build_package(demo_store, PackageRequest(2024, ("evidence",)), tmp_path)
    (built.folder / "DANH_MUC.txt").write_text("sửa", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.icon(), box.text())) or 0)
    result = check_package_interactively(None, str(built.folder))
    assert not result.ok
    assert shown[0][0] == QMessageBox.Icon.Warning and "DANH_MUC.txt" in shown[0][1]
