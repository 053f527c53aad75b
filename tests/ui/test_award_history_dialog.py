"""Sổ theo dõi khen thưởng: records added by hand and undone, imported from Excel, exported, searched."""

from __future__ import annotations

from datetime import date

import pytest

from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import award_history
from app.services.award_history import HISTORY_HEADER, RecordData
from app.services.changes import AWARDS
from ui.dialogs.award_history_dialog import (
    AwardHistoryDialog,
    HistoryModel,
    HistoryRow,
    RecordForm,
)
from ui.journal_undo import JournalUndoStack

from .conftest import type_text



@pytest.fixture
def demo_store(demo_store):
    """The demo with an empty award history (its issued decision wrote ten records): these tests count what
    they add."""
    from sqlalchemy import delete

    from db.models import AwardRecordRow

    with demo_store.transaction() as session:
        session.execute(delete(AwardRecordRow))
    return demo_store


def when_modal(kind, act, tries: int = 250) -> None:
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it opens; reject it if ``act`` fails."""
    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            elif dialog is not None:
                dialog.reject()
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, lambda: poll(tries))


def _open(qtbot, store):
    changes = []
    stack = JournalUndoStack(store, changes.append)
    dialog = AwardHistoryDialog(store, stack, changes.append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack, changes


def _column(dialog, column):
    return [dialog.model.index(row, column).data() for row in range(dialog.model.rowCount())]


def _workbook(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Khen thưởng"
    sheet.append(HISTORY_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _answer_yes(monkeypatch):
    """Record the confirmation questions and answer Yes."""
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_history_model_passes_qt_model_checks(qtmodeltester, demo_store):
    """The history table is a well-behaved Qt model."""
    award_history.add_record(demo_store, RecordData("official", "Lê Thị Mai", 2024, "Lao động tiên tiến"))
    award_history.add_record(demo_store, RecordData("official", "Người Lạ", 2024, "Lao động tiên tiến"))
    model = HistoryModel()
    model.replace_rows([HistoryRow.of(record) for record in award_history.list_records(demo_store)])
    qtmodeltester.check(model)


def test_record_added_by_hand_then_undone_and_redone(qtbot, demo_store):
    """A record typed in the form is linked to the official, brings the award's authority, and undoes and redoes."""
    dialog, stack, changes = _open(qtbot, demo_store)

    def fill(form):
        type_text(form.name.lineEdit(), "Trần Văn Hùng")
        assert form.match.text().startswith("✓")
        form.year.setValue(2023)
        type_text(form.award.lineEdit(), "Chiến sĩ thi đua cơ sở")
        form.decision_number.setText("125/QĐ-UBND")
        form.decision_date.given.setChecked(True)
        form.decision_date.edit.setDate(form.decision_date.edit.date().fromString("20/12/2023", "dd/MM/yyyy"))

    when_modal(RecordForm, lambda form: (fill(form), form.accept()))
    dialog.add_button.click()
    saved = award_history.list_records(demo_store)
    assert [(r.subject_name, r.year, r.award_key, r.authority, r.decision_date, r.subject_id is not None)
            for r in saved] == [("Trần Văn Hùng", 2023, "cstdcs", "Chủ tịch UBND xã", date(2023, 12, 20), True)]
    assert _column(dialog, 7) == ["✓"] and _column(dialog, 6) == ["20/12/2023"]
    assert changes[-1].touches(AWARDS)
    stack.undo()
    assert award_history.list_records(demo_store) == [] and dialog.model.rowCount() == 0
    stack.redo()
    assert award_history.list_records(demo_store) == saved and _column(dialog, 1) == ["Trần Văn Hùng"]


def test_record_of_an_unknown_name_is_kept_but_shown_unmatched(qtbot, demo_store):
    """A name not in the lists is saved as typed and shown "chưa khớp" with the reason in the tooltip."""
    dialog, _stack, _changes = _open(qtbot, demo_store)

    def fill(form):
        type_text(form.name.lineEdit(), "Phạm Văn Khánh")
        assert form.match.text().startswith("Không có trong danh sách")
        type_text(form.award.lineEdit(), "Kỷ niệm chương")

    when_modal(RecordForm, lambda form: (fill(form), form.accept()))
    dialog.add_button.click()
    [record] = award_history.list_records(demo_store)
    assert (record.subject_id, record.award_key, record.award_name) == (None, "", "Kỷ niệm chương")
    cell = dialog.model.index(0, 7)
    assert cell.data() == "chưa khớp" and "không khớp" in dialog.model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_deleted_record_comes_back_on_undo(qtbot, demo_store):
    """Xóa removes the selected record; undo brings it back with the same id."""
    record_id = award_history.add_record(demo_store, RecordData("official", "Lê Thị Mai", 2024,
                                                                "Lao động tiên tiến")).value
    dialog, stack, _changes = _open(qtbot, demo_store)
    dialog.select(record_id)
    dialog.delete_button.click()
    assert award_history.list_records(demo_store) == [] and dialog.model.rowCount() == 0
    stack.undo()
    assert [r.id for r in award_history.list_records(demo_store)] == [record_id]


def test_search_ignores_diacritics(qtbot, demo_store):
    """Typing "ngo van" finds Ngô Văn Toàn's records and the count says how many of all are shown."""
    for name in ("Ngô Văn Toàn", "Lê Thị Mai"):
        award_history.add_record(demo_store, RecordData("official", name, 2024, "Lao động tiên tiến"))
    dialog, _stack, _changes = _open(qtbot, demo_store)
    type_text(dialog.search, "ngo van")
    assert _column(dialog, 1) == ["Ngô Văn Toàn"] and dialog.count.text() == "1/2 bản ghi"
    dialog.search.clear()
    assert dialog.model.rowCount() == 2


def test_workbook_import_links_names_typed_without_diacritics(qtbot, demo_store, tmp_path, no_modal_boxes,
                                                               monkeypatch):
    """The preview counts the rows; a name written without diacritics still links to the official."""
    path = _workbook(tmp_path / "so.xlsx", [
        (2023, "Ngo Van Toan", "Cá nhân", "Lao dong tien tien", "Chủ tịch UBND xã", "98/QĐ-UBND", "15/12/2023"),
        (2024, "Lê Thị Mai", "Cá nhân", "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND xã", "120/QĐ-UBND", None),
        (2024, "Bộ phận Tiếp nhận và Trả kết quả xã", "Tập thể", "Tập thể lao động tiên tiến", "", "", None),
    ])
    asked = _answer_yes(monkeypatch)
    dialog, _stack, changes = _open(qtbot, demo_store)
    assert dialog.import_workbook(path) == (3, 0)
    assert "Sẽ nhập 3 dòng" in asked[0]
    records = {r.subject_name: r for r in award_history.list_records(demo_store)}
    assert records["Ngo Van Toan"].subject_id is not None and records["Ngo Van Toan"].award_key == "ldtt"
    assert all(r.subject_id is not None for r in records.values())
    assert no_modal_boxes[-1][1] == "Đã nhập 3 dòng." and dialog.model.rowCount() == 3
    assert changes[-1].touches(AWARDS)


def test_a_workbook_import_is_one_undoable_step(qtbot, demo_store, tmp_path, no_modal_boxes, monkeypatch):
    """The import, which had no undo, is one step "Nhập 2 khen thưởng vào sổ theo dõi"; undo takes both rows out."""
    path = _workbook(tmp_path / "so.xlsx", [
        (2023, "Ngo Van Toan", "Cá nhân", "Lao dong tien tien", "Chủ tịch UBND xã", "98/QĐ-UBND", "15/12/2023"),
        (2024, "Lê Thị Mai", "Cá nhân", "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND xã", "120/QĐ-UBND", None),
    ])
    _answer_yes(monkeypatch)
    dialog, stack, _changes = _open(qtbot, demo_store)
    assert dialog.import_workbook(path) == (2, 0)
    assert stack.count() == 1 and stack.undoText() == "Nhập 2 khen thưởng vào sổ theo dõi"
    dialog.undo_button.click()
    assert award_history.list_records(demo_store) == [] and dialog.model.rowCount() == 0


def test_workbook_with_a_bad_row_adds_nothing(qtbot, demo_store, tmp_path, errors_shown, monkeypatch):
    """One bad row: the error names the file and the count of problems, and no row is added."""
    path = _workbook(tmp_path / "so.xlsx", [
        (2023, "Lê Thị Mai", "Cá nhân", "Lao động tiên tiến", "", "", None),
        ("hai nghìn", "Ngô Văn Toàn", "Cán bộ", "Lao động tiên tiến", "", "", "31/02/2023"),
    ])
    asked = _answer_yes(monkeypatch)
    dialog, _stack, changes = _open(qtbot, demo_store)
    assert dialog.import_workbook(path) is None
    assert errors_shown == ["Tệp “so.xlsx” có 3 lỗi, chưa nhập dòng nào:"]
    assert award_history.list_records(demo_store) == [] and asked == [] and changes == []


def test_long_list_of_bad_rows_keeps_every_line_in_the_details(qtbot, demo_store, tmp_path, monkeypatch):
    """Twenty bad rows: the box lists the first twelve and says how many more; the details hold all twenty."""
    from ui.dialogs import error_dialog

    path = _workbook(tmp_path / "so.xlsx", [(1900, f"Người {n}", "Cá nhân", "Lao động tiên tiến") for n in range(20)])
    shown = []
    monkeypatch.setattr(error_dialog.QMessageBox, "exec",
                        lambda box: shown.append((box.informativeText(), box.detailedText())) or 0)
    dialog, _stack, _changes = _open(qtbot, demo_store)
    dialog.import_workbook(path)
    [(hint, details)] = shown
    assert hint.count("\n") == 12 and hint.endswith("… và 8 lỗi khác (bấm “Xem chi tiết…”).")
    assert [line.split(",")[0] for line in details.splitlines()] == [f"Dòng {n}" for n in range(2, 22)]


def test_export_then_import_again_skips_every_row(qtbot, demo_store, tmp_path, no_modal_boxes, monkeypatch):
    """The exported workbook imports back as "Đã nhập 0, bỏ qua 2 dòng đã có."."""
    award_history.add_record(demo_store, RecordData("official", "Lê Thị Mai", 2024, "Lao động tiên tiến",
                                                    decision_number="1/QĐ", decision_date=date(2024, 12, 1)))
    award_history.add_record(demo_store, RecordData("collective", "Ủy ban nhân dân xã Hòa Bình Xuân", 2023,
                                                    "Tập thể lao động tiên tiến"))
    _answer_yes(monkeypatch)
    dialog, _stack, changes = _open(qtbot, demo_store)
    path = dialog.export_workbook(tmp_path / "sổ.xlsx")
    assert path.exists() and "2 dòng" in no_modal_boxes[-1][1]
    assert dialog.import_workbook(path) == (0, 2)
    assert no_modal_boxes[-1][1] == "Đã nhập 0, bỏ qua 2 dòng đã có."
    assert len(award_history.list_records(demo_store)) == 2 and changes == []


def test_template_has_the_import_header_and_no_rows(qtbot, demo_store, tmp_path, errors_shown, no_modal_boxes):
    """The template's header is the one the importer expects: importing it unfilled says it has no rows."""
    dialog, _stack, _changes = _open(qtbot, demo_store)
    path = dialog.save_template(tmp_path / "mẫu.xlsx")
    assert path.exists() and no_modal_boxes[-1][0] == "Đã lưu tệp mẫu"
    dialog.import_workbook(path)
    assert errors_shown == ["Tệp “mẫu.xlsx” không có dòng khen thưởng nào."]
