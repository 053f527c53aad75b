"""Bộ tiêu chí: export a set to Excel and import it back; a broken workbook adds nothing; delete only when unused."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from app.domain.criteria import PAR
from app.errors import UserError
from app.exporters.criteria_workbook import CRITERIA_HEADER, CRITERIA_SHEET
from app.services import criteria_sets, scoring
from app.services.changes import short
from ui.dialogs.criteria_sets_dialog import (
    CriteriaSetsDialog,
    SetsModel,
    file_name,
)
from ui.dialogs.error_dialog import shortened
from ui.dialogs.export_plan_dialog import last_folder


def _example(store):
    return next(s for s in criteria_sets.list_sets(store, kind=PAR) if "ví dụ" in s.name)


def _dialog(qtbot, store, notified=None):
    dialog = CriteriaSetsDialog(store, notify=notified.append if notified is not None else None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_model_passes_qt_model_checks(qtmodeltester, store):
    """The sets table keeps Qt's model rules."""
    model = SetsModel()
    model.replace_rows(criteria_sets.list_sets(store))
    qtmodeltester.check(model)


def test_lists_every_set_with_its_use(qtbot, store):
    """Kind, name, year, issuer, criteria count and the years scored with it."""
    example = _example(store)
    scoring.start(store, 2024, example.id)
    dialog = _dialog(qtbot, store)
    row = dialog.model.row_of(example.id)
    shown = [dialog.model.index(row, column).data() for column in range(6)]
    assert shown == ["Chỉ số CCHC", example.name, "2024", example.issuer, str(example.criteria_count), "2024"]
    assert dialog.model.rowCount() == len(criteria_sets.list_sets(store))


def test_export_then_import_adds_a_second_set_with_the_same_criteria(qtbot, store, tmp_path, no_modal_boxes,
                                                                     errors_shown):
    """A set written to Excel and read back is saved as another set of the same size; screens are told."""
    notified = []
    dialog = _dialog(qtbot, store, notified)
    example = _example(store)
    count = dialog.model.rowCount()
    dialog.select(example.id)
    path = dialog.export_selected(tmp_path / "bo-tieu-chi.xlsx")
    assert path is not None and path.is_file()
    assert last_folder(store) == str(tmp_path)
    new_id = dialog.import_workbook(path)
    assert errors_shown == []
    added = next(s for s in criteria_sets.list_sets(store, kind=PAR) if s.id == new_id)
    assert new_id != example.id
    assert (added.name, added.year, added.criteria_count) == (example.name, example.year, example.criteria_count)
    assert dialog.model.rowCount() == count + 1 and dialog.selected_id() == new_id
    assert notified and no_modal_boxes[-1][0] == "Đã nhập bộ tiêu chí"


def test_broken_workbook_shows_its_problems_and_adds_nothing(qtbot, store, tmp_path, no_modal_boxes, errors_shown):
    """Unreadable points in the workbook: the error dialog names the rows; no set is added."""
    dialog = _dialog(qtbot, store)
    dialog.select(_example(store).id)
    path = dialog.export_selected(tmp_path / "hong.xlsx")
    workbook = load_workbook(path)
    sheet = workbook[CRITERIA_SHEET]
    column = CRITERIA_HEADER.index("Điểm tối đa") + 1
    sheet.cell(row=3, column=column).value = "bốn điểm"
    sheet.cell(row=4, column=column).value = "hai"
    workbook.save(path)
    before = criteria_sets.list_sets(store)
    assert dialog.import_workbook(path) is None
    assert criteria_sets.list_sets(store) == before
    assert len(errors_shown) == 1
    assert "dòng 3" in errors_shown[0] and "dòng 4" in errors_shown[0]


def test_a_file_that_is_not_a_workbook_is_refused(qtbot, store, tmp_path, errors_shown):
    """A text file named .xlsx is refused with a message, not a traceback."""
    dialog = _dialog(qtbot, store)
    fake = tmp_path / "khong-phai-excel.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    before = criteria_sets.list_sets(store)
    assert dialog.import_workbook(fake) is None
    assert len(errors_shown) == 1 and criteria_sets.list_sets(store) == before


def test_template_is_written(qtbot, store, tmp_path, no_modal_boxes):
    """"Tải tệp mẫu…" writes the blank workbook the clerk fills in."""
    dialog = _dialog(qtbot, store)
    path = dialog.save_template(tmp_path / "mau.xlsx")
    assert path.is_file() and CRITERIA_SHEET in load_workbook(path).sheetnames


def test_delete_is_refused_while_a_year_uses_the_set(qtbot, store, errors_shown):
    """A set a year is scored with stays; the dialog says why."""
    example = _example(store)
    scoring.start(store, 2024, example.id)
    dialog = _dialog(qtbot, store)
    dialog.select(example.id)
    assert not dialog.delete_selected()
    assert errors_shown == ["Không xóa được bộ tiêu chí đang dùng."]
    assert any(s.id == example.id for s in criteria_sets.list_sets(store))


def test_delete_an_unused_set_after_asking(qtbot, store, monkeypatch):
    """An unused set goes once the clerk confirms."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    notified = []
    dialog = _dialog(qtbot, store, notified)
    example = _example(store)
    dialog.select(example.id)
    assert dialog.delete_selected()
    assert asked and notified
    assert all(s.id != example.id for s in criteria_sets.list_sets(store))
    assert dialog.model.row_of(example.id) == -1


def test_long_problem_lists_keep_every_line_in_the_details():
    """Forty problems: the box shows the first ones and says how many more; the details hold all."""
    lines = [f"Trang “Tiêu chí”, dòng {n}: lỗi" for n in range(2, 42)]
    error = shortened(UserError("Chưa nhập được bộ tiêu chí:\n" + "\n".join(lines), "Sửa rồi nhập lại.", "a.xlsx"))
    assert error.message.endswith("… và 28 lỗi khác (bấm “Xem chi tiết…”).")
    assert all(line in error.details for line in lines) and error.hint == "Sửa rồi nhập lại."


def test_file_name_is_windows_safe():
    """A set's name becomes a file name Windows accepts."""
    assert file_name("Bộ chỉ số: xã/phường?") == "Bộ chỉ số xã phường.xlsx"


def test_an_imported_set_is_an_edit_menu_step_that_undo_removes(qtbot, store, tmp_path, no_modal_boxes,
                                                                 errors_shown):
    """Importing a workbook is undoable like any edit: "Nhập bộ tiêu chí “…”", and undo takes the set away."""
    from ui.journal_undo import JournalUndoStack

    stack = JournalUndoStack(store, lambda changes: None)
    dialog = CriteriaSetsDialog(store, notify=stack.notify, undo_stack=stack)
    qtbot.addWidget(dialog)
    example = _example(store)
    dialog.select(example.id)
    count = len(criteria_sets.list_sets(store))
    new_id = dialog.import_workbook(dialog.export_selected(tmp_path / "bo.xlsx"))
    assert stack.undoText() == f"Nhập bộ tiêu chí “{short(example.name)}”" and errors_shown == []
    stack.undo()
    assert new_id not in {item.id for item in criteria_sets.list_sets(store)}
    assert len(criteria_sets.list_sets(store)) == count
