"""The progress report dialog: counts for the chosen period, editable suggested text, export to a folder."""

from __future__ import annotations

from datetime import date

from docx import Document as WordDocument

from app.services.report_texts import stored_texts
from tests.app.services.test_progress_report import TODAY, half_year_commune
from tests.ui.conftest import type_text
from ui.dialogs.progress_report_dialog import ProgressReportDialog


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
    assert stored_texts(store, 2024, "h1") == {"direction": "Bản sửa phương hướng."}


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


def test_it_opens_on_the_report_in_hand_by_the_years_periods(qtbot, store):
    """17/03/2026, after quý I's cut-off (14/03) and deadline (16/03): the six-month report; on 16/03 still
    quý I. 2024 counted by calendar quarters: 20/06 is in the six months."""
    for today, period in ((date(2026, 3, 16), "q1"), (date(2026, 3, 17), "h1"), (date(2026, 12, 17), "year")):
        dialog = ProgressReportDialog(store, None, today=today)
        qtbot.addWidget(dialog)
        assert (dialog.year(), dialog.period_key()) == (2026, period), today


def _type(qtbot, dialog, key: str, text: str) -> None:
    """Type into a section as the clerk does: its tab opened, its text selected and typed over, key by key."""
    editor = dialog.editors[key]
    dialog.tabs.setCurrentWidget(editor)
    editor.setFocus()
    editor.selectAll()
    type_text(editor, text)


def test_typed_text_is_saved_after_a_pause(qtbot, store):
    """Typing into a section stores it without any button: the save follows a pause in typing."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    _type(qtbot, dialog, "results", "Kết quả do công chức viết.")
    qtbot.waitUntil(lambda: stored_texts(store, 2024, "h1").get("results") == "Kết quả do công chức viết.")


def test_reopening_the_dialog_shows_the_edited_text(qtbot, store):
    """Text typed and the dialog closed at once (no pause) is shown again when the dialog is opened anew."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    _type(qtbot, dialog, "shortcomings", "Còn chậm cập nhật tài liệu kiểm chứng.")
    dialog.reject()
    again = _dialog(qtbot, store)
    assert again.editors["shortcomings"].toPlainText() == "Còn chậm cập nhật tài liệu kiểm chứng."
    assert again.reset_button.isEnabled() is False  # the open tab is the first, not edited
    again.tabs.setCurrentIndex(2)
    assert again.reset_button.isEnabled() and "đã được sửa" in again.source_label.text()


def test_the_edited_text_survives_closing_the_data_folder(qtbot, store):
    """Typed, the dialog closed, the data folder closed and opened again (a new start): the text is there."""
    from app.startup import open_store

    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    _type(qtbot, dialog, "results", "Kết quả sau khi khởi động lại.")
    dialog.reject()
    store.close()
    reopened, _report = open_store(store.folder)
    try:
        again = _dialog(qtbot, reopened)
        assert again.editors["results"].toPlainText() == "Kết quả sau khi khởi động lại."
    finally:
        reopened.close()


def test_each_period_keeps_its_own_text_back_and_forth(qtbot, store):
    """A text typed for 6 tháng is still there after going to quý I and back; quý I shows its suggestion."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    _type(qtbot, dialog, "direction", "Phương hướng 6 tháng cuối năm.")
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("q1"))
    assert dialog.editors["direction"].toPlainText() != "Phương hướng 6 tháng cuối năm."
    assert dialog.editors["results"].toPlainText().startswith("Trong quý I năm 2024")
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("h1"))
    assert dialog.editors["direction"].toPlainText() == "Phương hướng 6 tháng cuối năm."
    assert stored_texts(store, 2024, "q1") == {}


def test_undo_and_redo_an_edit(qtbot, store):
    """Hoàn tác takes a saved edit back to the suggestion (field and database); Làm lại brings it back."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    suggested = dialog.editors["results"].toPlainText()
    _type(qtbot, dialog, "results", "Bản sửa.")
    dialog.undo_button.click()
    assert dialog.editors["results"].toPlainText() == suggested and stored_texts(store, 2024, "h1") == {}
    dialog.redo_button.click()
    assert dialog.editors["results"].toPlainText() == "Bản sửa."
    assert stored_texts(store, 2024, "h1") == {"results": "Bản sửa."}


def test_undo_and_redo_the_reset(qtbot, store):
    """Dùng lại nội dung gợi ý is one undo step: undo brings the clerk's text back, redo drops it again."""
    half_year_commune(store)
    dialog = _dialog(qtbot, store)
    suggested = dialog.editors["deployment"].toPlainText()
    _type(qtbot, dialog, "deployment", "Triển khai theo cách của xã.")
    dialog.reset_button.click()
    assert dialog.editors["deployment"].toPlainText() == suggested and stored_texts(store, 2024, "h1") == {}
    assert dialog.undo_stack.undoText() == "Dùng lại nội dung gợi ý “Tình hình triển khai” của báo cáo"
    dialog.undo_button.click()
    assert dialog.editors["deployment"].toPlainText() == "Triển khai theo cách của xã."
    assert stored_texts(store, 2024, "h1") == {"deployment": "Triển khai theo cách của xã."}
    dialog.redo_button.click()
    assert dialog.editors["deployment"].toPlainText() == suggested and stored_texts(store, 2024, "h1") == {}


def test_the_window_stack_gets_the_steps(qtbot, store):
    """Opened with the window's undo stack, the dialog's saves are steps there (undoable after it closes)."""
    from ui.journal_undo import JournalUndoStack

    half_year_commune(store)
    heard = []
    stack = JournalUndoStack(store, heard.append)
    dialog = ProgressReportDialog(store, None, today=TODAY, undo_stack=stack, notify=heard.append)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog, "results", "Bản sửa.")
    dialog.reject()
    assert stack.count() == 1 and len(heard) == 1
    stack.undo()
    assert stored_texts(store, 2024, "h1") == {}
