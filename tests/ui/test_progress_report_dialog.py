"""The progress report dialog: counts for the chosen period, editable suggested text, export to a folder."""

from __future__ import annotations

from datetime import date

from docx import Document as WordDocument

from tests.app.services.test_progress_report import TODAY, half_year_commune
from ui.dialogs.progress_report_dialog import ProgressReportDialog, period_of


def _dialog(qtbot, store):
    dialog = ProgressReportDialog(store, None, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def _row(dialog, index: int) -> list[str]:
    model = dialog.counts_model
    return [model.item(index, column).text() for column in range(model.columnCount())]


def test_opens_on_the_period_holding_today_with_its_counts(qtbot, store):
    """On 20/06/2024 the dialog shows the six-month report: 6/11 done, totals row 11 6 1 1 3 2 1."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    assert (dialog.year(), dialog.period_key()) == (2024, "h1")
    assert "hoàn thành 6/11 lượt nhiệm vụ đến hạn (54,5%), 2 quá hạn, 1 không thực hiện" in dialog.totals_label.text()
    assert _row(dialog, dialog.counts_model.rowCount() - 1) == ["Tổng cộng", "11", "6", "1", "1", "3", "2", "1"]
    assert dialog.tabs.count() == 4 and dialog.tabs.tabText(1) == "2. Kết quả đạt được"


def test_choosing_quarter_one_recounts(qtbot, store):
    """Switching to quý I counts only what was due by 31/03: 5 of 6 done."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("q1"))
    assert _row(dialog, dialog.counts_model.rowCount() - 1)[1:3] == ["6", "5"]
    assert dialog.editors["results"].toPlainText().startswith("Trong quý I năm 2024, UBND xã đã hoàn thành 5/6")


def test_reset_puts_back_the_suggestion_of_the_open_section_only(qtbot, store):
    """After editing two sections, the reset button restores the open one and keeps the other edit."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    suggested = dialog.editors["results"].toPlainText()
    dialog.editors["results"].setPlainText("Bản sửa kết quả.")
    dialog.editors["direction"].setPlainText("Bản sửa phương hướng.")
    dialog.tabs.setCurrentIndex(1)
    dialog.reset_button.click()
    assert dialog.editors["results"].toPlainText() == suggested
    assert dialog.editors["direction"].toPlainText() == "Bản sửa phương hướng."


def test_export_writes_the_files_with_the_edited_text(qtbot, store, tmp_path):
    """The edited shortcomings paragraph is in the Word copy; the dialog lists the three files."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    dialog.editors["shortcomings"].setPlainText("Một số bộ phận còn chậm cập nhật kết quả.")
    dialog.folder_edit.setText(str(tmp_path))
    dialog.export_button.click()
    assert [w.path.name for w in dialog.written] == [
        "BC-CCHC-2024-6thang.pdf", "BC-CCHC-2024-6thang.docx", "BC-CCHC-2024-6thang_chi-tiet.xlsx",
    ]
    assert "BC-CCHC-2024-6thang_chi-tiet.xlsx" in dialog.result_label.text()
    word = WordDocument(str(tmp_path / "BC-CCHC-2024-6thang.docx"))
    assert "Một số bộ phận còn chậm cập nhật kết quả." in [p.text for p in word.paragraphs]


def test_export_to_an_unwritable_place_shows_the_error(qtbot, store, tmp_path, errors_shown):
    """A file where the folder should be: the one error dialog says so and nothing is reported as written."""
    half_year_commune(store)
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    dialog = _dialog(qtbot, store)
    dialog.folder_edit.setText(str(blocker / "con"))
    dialog.export_button.click()
    assert errors_shown == ["Không ghi được báo cáo ra thư mục đã chọn."]
    assert dialog.written == [] and dialog.result_label.text() == ""


def test_a_year_without_plans_still_opens(qtbot, store):
    """No plan at all: the current year is offered and every count is zero."""
    dialog = _dialog(qtbot, store)
    assert dialog.year() == 2024
    assert _row(dialog, 0) == ["Tổng cộng", "0", "0", "0", "0", "0", "0", "0"]


def test_period_of_a_day():
    """February is quý I, May is 6 tháng, August is 9 tháng, November is năm."""
    assert [period_of(date(2024, m, 1)) for m in (2, 5, 8, 11)] == ["q1", "h1", "q3", "year"]


def test_edited_text_is_kept_when_the_period_changes_unless_the_clerk_agrees(qtbot, store, monkeypatch):
    """Changing the period asks before the clerk's edited paragraphs are replaced by new suggestions."""
    from PySide6.QtWidgets import QMessageBox

    dialog = _dialog(qtbot, store)
    first = next(iter(dialog.editors.values()))
    first.setPlainText("Đoạn đã sửa tay.")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.period_box.setCurrentIndex((dialog.period_box.currentIndex() + 1) % dialog.period_box.count())
    assert first.toPlainText() == "Đoạn đã sửa tay."
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.period_box.setCurrentIndex((dialog.period_box.currentIndex() + 1) % dialog.period_box.count())
    assert first.toPlainText() != "Đoạn đã sửa tay."
