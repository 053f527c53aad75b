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


def test_in_august_the_quarter_report_is_due_and_said_so(qtbot, demo_store, tmp_path):
    """On 01/08 only the report is ticked, for the nine months (due 25/08 in deadlines.json), with why."""
    dialog = _dialog(qtbot, demo_store, tmp_path)
    ticked = {key for key, box in dialog.content_boxes.items() if box.isChecked()}
    assert ticked == {"report"} and dialog.period_box.currentData() == "q3"
    assert dialog.reason_labels["report"].text().startswith("đến hạn 25/08/2024")
    assert dialog.reason_labels["dossier"].text() == ""
    dialog.content_boxes["report"].setChecked(False)
    assert not dialog.period_box.isEnabled()


def test_defaults_in_december_and_in_october_differ_as_the_data_says(qtbot, demo_store, tmp_path):
    """December ticks the year report, scores, dossier and decisions (“đến hạn 10/12/2024”); October the 9 months."""
    december = _dialog(qtbot, demo_store, tmp_path, today=date(2024, 12, 5))
    assert {key for key, box in december.content_boxes.items() if box.isChecked()} == \
        {"report", "scores", "dossier", "decisions"}
    assert december.period_box.currentData() == "year"
    assert december.reason_labels["dossier"].text() == "đến hạn 10/12/2024 (Hồ sơ đề nghị khen thưởng năm)"
    october = _dialog(qtbot, demo_store, tmp_path, today=date(2024, 10, 1))
    assert {key for key, box in october.content_boxes.items() if box.isChecked()} == {"report"}
    assert october.period_box.currentData() == "q3"


def test_a_changed_rule_changes_the_ticks(qtbot, demo_store, tmp_path, monkeypatch):
    """The choice is data: a package-due table that makes the dossier due in October ticks it in October."""
    import app.exporters.package_request as package_request

    real = package_request.load_json

    def load_json(*parts):
        data = real(*parts)
        if parts[-1] != "package-due.json":
            return data
        return {"due": [dict(row, opens_days_before=80) if row["content"] == "dossier" else row
                        for row in data["due"]]}

    monkeypatch.setattr(package_request, "load_json", load_json)
    october = _dialog(qtbot, demo_store, tmp_path, today=date(2024, 10, 1))
    assert october.content_boxes["dossier"].isChecked() and not october.content_boxes["decisions"].isChecked()


def test_each_dossier_of_the_year_is_listed_for_the_clerk(qtbot, demo_store, tmp_path):
    """Both 2024 dossiers are shown; the one going upward is ticked, the commune's own is shown, off, not tickable
    (the titles' letter dated after 01/07/2025: the commune grants them all)."""
    from tests.app.exporters.test_package_awards import keep_titles_at_the_commune

    keep_titles_at_the_commune(demo_store)
    dialog = _dialog(qtbot, demo_store, tmp_path, today=date(2024, 12, 20))
    boxes = dialog.dossier_choices.boxes
    assert len(boxes) == 2
    (drive, titles) = sorted(boxes.values(), key=lambda box: "Bình xét" in box.text())
    details = {box: dialog.dossier_choices.details[number].text() for number, box in boxes.items()}
    assert "Tờ trình số 218/TTr-UBND ngày 05/12/2024" in details[drive] and drive.isChecked() and drive.isEnabled()
    assert "Quyết định số 52/QĐ-UBND" in details[titles] and not titles.isChecked() and not titles.isEnabled()
    assert dialog.request().dossiers == tuple(number for number, box in boxes.items() if box is drive)
    dialog.content_boxes["dossier"].setChecked(False)
    assert not drive.isEnabled()
    drive.setChecked(False)
    assert dialog.request().dossiers == ()


def test_a_year_with_nothing_going_upward_leaves_the_dossier_unticked(qtbot, demo_store, tmp_path):
    """December of a year whose dossiers end with the commune's decision (the demo's 2025 one and a new one): the
    dossier is unticked, saying why."""
    from app.services.dossier import create_dossier

    create_dossier(demo_store, 2025, "Bình xét danh hiệu thi đua năm 2025", today=date(2025, 12, 1))
    dialog = _dialog(qtbot, demo_store, tmp_path, today=date(2025, 12, 5))
    dialog.year_box.addItem("2025", 2025)
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2025))
    assert len(dialog.dossier_choices.boxes) == 2 and not dialog.content_boxes["dossier"].isChecked()
    assert dialog.reason_labels["dossier"].text() == "năm 2025 không có hồ sơ nào đề nghị cấp trên khen thưởng"
    assert dialog.content_boxes["report"].isChecked()


def test_the_december_package_carries_the_dossier_and_the_decision(qtbot, demo_store, tmp_path, monkeypatch):
    """Exported as ticked in December: the letter going upward and QĐ 52 in its folder; the zip verifies."""
    from app.exporters.verify import verify_package

    monkeypatch.setattr(PackageDialog, "offer_next_steps", lambda self: None)
    dialog = _dialog(qtbot, demo_store, tmp_path, today=date(2024, 12, 20))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60000)
    paths = {item.path for item in dialog.result.manifest.files}
    # both 2024 dossiers go upward (CSTĐCS and TTLĐTT were the district's), each in its own folder
    assert {"HoSoKhenThuong-1/TTr-KhenThuong-2024.pdf", "HoSoKhenThuong-2/TTr-KhenThuong-2024.pdf",
            "quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf"} <= paths
    assert verify_package(dialog.result.zip_path).ok


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
