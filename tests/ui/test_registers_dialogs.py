"""The registers Thi đua reads: collectives, initiatives, discipline, procedures per quarter — edits, refusals, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.services import registers
from app.services.changes import SCORING
from app.store import Store
from ui.dialogs.collectives_dialog import CollectiveForm, CollectivesDialog, CollectivesModel
from ui.dialogs.discipline_dialog import DisciplineDialog, DisciplineForm, DisciplineModel
from ui.dialogs.initiatives_dialog import InitiativeForm, InitiativesDialog, InitiativesModel
from ui.dialogs.procedure_stats_dialog import ProcedureStatsDialog
from ui.journal_undo import JournalUndoStack

from .conftest import type_text


def when_modal(kind, act, tries: int = 250) -> None:
    """Run ``act(dialog)`` on the next modal dialog of ``kind`` once it opens; reject it if ``act`` fails."""
    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left:
                QTimer.singleShot(20, lambda: poll(left - 1))
            elif dialog is not None:
                dialog.reject()  # the wrong dialog: close it rather than hang the test
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, lambda: poll(tries))


def _open(qtbot, dialog_class, store, year=2024):
    changes = []
    stack = JournalUndoStack(store, changes.append)
    dialog = dialog_class(store, stack, changes.append, year)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack, changes


def _names(dialog, column=0):
    return [dialog.model.index(row, column).data() for row in range(dialog.model.rowCount())]


def _add(dialog, kind, fill) -> None:
    """Press Thêm…, fill the form, press Lưu."""
    when_modal(kind, lambda form: (fill(form), form.accept()))
    dialog.add_button.click()


def test_register_models_pass_qt_model_checks(qtmodeltester, demo_store):
    """The three register tables are well-behaved Qt models."""
    for model_class, rows in ((CollectivesModel, registers.list_collectives(demo_store)),
                              (InitiativesModel, registers.list_initiatives(demo_store)),
                              (DisciplineModel, registers.list_discipline(demo_store))):
        model = model_class()
        model.replace_rows(rows)
        qtmodeltester.check(model)


def test_collective_added_edited_deleted_and_undone(qtbot, demo_store):
    """A collective for one department is added, renamed and deleted; undo walks each step back."""
    dialog, _stack, changes = _open(qtbot, CollectivesDialog, demo_store)
    before = len(registers.list_collectives(demo_store))

    def fill(form):
        type_text(form.name, "Bộ phận Địa chính")
        form.department.setCurrentIndex(form.department.findData("ĐC-XD"))

    _add(dialog, CollectiveForm, fill)
    added = registers.list_collectives(demo_store)[-1]
    assert (added.name, added.department) == ("Bộ phận Địa chính", "ĐC-XD")
    assert "Bộ phận ĐC-XD" in _names(dialog, 1)[-1] and changes[-1].touches(SCORING)
    dialog.select(added.id)
    when_modal(CollectiveForm, lambda form: (form.name.setText("Bộ phận Địa chính - Xây dựng"), form.accept()))
    dialog.edit_button.click()
    assert registers.list_collectives(demo_store)[-1].name == "Bộ phận Địa chính - Xây dựng"
    dialog.select(added.id)
    dialog.delete_button.click()
    assert len(registers.list_collectives(demo_store)) == before
    for expected in ("Bộ phận Địa chính - Xây dựng", "Bộ phận Địa chính"):
        dialog.undo_button.click()
        assert registers.list_collectives(demo_store)[-1].name == expected and _names(dialog)[-1] == expected
    dialog.undo_button.click()
    assert len(registers.list_collectives(demo_store)) == before
    dialog.redo_button.click()
    assert registers.list_collectives(demo_store)[-1].id == added.id


def test_collective_without_a_name_is_refused_in_the_form(qtbot, demo_store):
    """Lưu with a blank name keeps the form open with the service's message; nothing is saved."""
    dialog, stack, _changes = _open(qtbot, CollectivesDialog, demo_store)
    before = registers.list_collectives(demo_store)
    seen = []

    def act(form):
        form.accept()
        seen.append((form.isVisible(), form.message.text()))
        form.reject()

    when_modal(CollectiveForm, act)
    dialog.add_button.click()
    assert seen == [(True, "Chưa nhập tên tập thể. Ví dụ: “Ủy ban nhân dân xã” hoặc “Bộ phận Một cửa”.")]
    assert registers.list_collectives(demo_store) == before and stack.count() == 0


def test_whole_commune_is_the_blank_department(qtbot, store):
    """The first choice, "Toàn xã", saves a collective with no department."""
    dialog, _stack, _changes = _open(qtbot, CollectivesDialog, store)
    _add(dialog, CollectiveForm, lambda form: type_text(form.name, "Ủy ban nhân dân xã"))
    assert [(c.name, c.department) for c in registers.list_collectives(store)] == [("Ủy ban nhân dân xã", "")]
    assert _names(dialog, 1) == ["Toàn xã (0 người)"]


def test_initiative_with_authors_and_a_decision_date(qtbot, demo_store):
    """Authors are ticked in a list; the decision date is entered dd/MM/yyyy and saved as a date."""
    dialog, stack, _changes = _open(qtbot, InitiativesDialog, demo_store, year=2028)
    people = {name: official_id for official_id, name in registers.official_names(demo_store)}

    def fill(form):
        assert form.year.value() == 2028 and form.decision_date.edit.displayFormat() == "dd/MM/yyyy"
        type_text(form.title, "Trả kết quả qua Zalo")
        form.check_authors([people["Lê Thị Mai"], people["Đặng Văn Đức"]])
        form.decision_number.setText("12/QĐ-UBND")
        form.decision_date.given.setChecked(True)
        form.decision_date.edit.setDate(form.decision_date.edit.date().fromString("20/11/2028", "dd/MM/yyyy"))

    _add(dialog, InitiativeForm, fill)
    saved = registers.list_initiatives(demo_store, 2028)
    assert [(i.title, i.decision_date, i.authors) for i in saved] == [
        ("Trả kết quả qua Zalo", date(2028, 11, 20), "Đặng Văn Đức, Lê Thị Mai")]
    assert "QĐ số 12/QĐ-UBND ngày 20/11/2028" in _names(dialog, 3)
    stack.undo()
    assert registers.list_initiatives(demo_store, 2028) == []
    stack.redo()
    assert [i.id for i in registers.list_initiatives(demo_store, 2028)] == [saved[0].id]


def test_initiative_date_may_be_left_empty(qtbot, demo_store):
    """With "Có ngày" unticked the decision date is saved as none."""
    dialog, _stack, _changes = _open(qtbot, InitiativesDialog, demo_store, year=2028)

    def fill(form):
        assert not form.decision_date.given.isChecked() and not form.decision_date.edit.isEnabled()
        type_text(form.title, "Sổ tay hướng dẫn thủ tục")
        form.authors.item(0).setCheckState(Qt.CheckState.Checked)

    _add(dialog, InitiativeForm, fill)
    assert [i.decision_date for i in registers.list_initiatives(demo_store, 2028)] == [None]


def test_initiative_without_an_author_is_refused(qtbot, demo_store):
    """No author ticked: the form says so and stays open."""
    dialog, stack, _changes = _open(qtbot, InitiativesDialog, demo_store, year=2028)
    seen = []

    def act(form):
        type_text(form.title, "Sáng kiến không tác giả")
        form.accept()
        seen.append((form.isVisible(), form.message.text()))

    when_modal(InitiativeForm, act)
    dialog.add_button.click()
    assert seen == [(True, "Sáng kiến chưa có tác giả. Chọn ít nhất một cán bộ, công chức là tác giả.")]
    assert registers.list_initiatives(demo_store, 2028) == [] and stack.count() == 0


def test_discipline_record_added_and_deleted_with_undo(qtbot, demo_store):
    """A measure typed into the editable combo is saved; delete and undo bring it back."""
    dialog, stack, _changes = _open(qtbot, DisciplineDialog, demo_store, year=2028)

    def fill(form):
        form.official.setCurrentIndex(form.official.findText("Đỗ Minh Tâm"))
        form.measure.setCurrentText("")
        type_text(form.measure.lineEdit(), "Cảnh cáo")
        type_text(form.reason, "Chậm nộp báo cáo")

    _add(dialog, DisciplineForm, fill)
    saved = registers.list_discipline(demo_store, 2028)
    assert [(d.official_name, d.form, d.reason, d.decision_date) for d in saved] == [
        ("Đỗ Minh Tâm", "Cảnh cáo", "Chậm nộp báo cáo", None)]
    dialog.select(saved[0].id)
    dialog.delete_button.click()
    assert registers.list_discipline(demo_store, 2028) == []
    stack.undo()
    assert registers.list_discipline(demo_store, 2028) == saved
    assert "Đỗ Minh Tâm" in _names(dialog, 1)


def _cell(dialog, quarter, field):
    return dialog.cells[(quarter, field)]


def _enter(qtbot, cell, value: int) -> None:
    cell.setFocus()
    cell.selectAll()
    qtbot.keyClicks(cell, str(value))
    qtbot.keyClick(cell, Qt.Key.Key_Return)


def test_procedure_figures_saved_cell_by_cell(qtbot, demo_store, errors_shown):
    """Each cell is saved when entered; the rate and the year's total follow; undo restores the cell."""
    dialog, stack, changes = _open(qtbot, ProcedureStatsDialog, demo_store, year=2028)
    _enter(qtbot, _cell(dialog, 1, "received"), 200)
    _enter(qtbot, _cell(dialog, 1, "on_time"), 190)
    assert registers.procedure_stats(demo_store, 2028)[0] == registers.QuarterStat(1, 200, 190)
    assert dialog.rates[1].text() == "95%" and dialog.totals["rate"].text() == "95%"
    assert stack.count() == 2 and changes[-1].touches(SCORING)
    dialog.undo_button.click()
    assert registers.procedure_stats(demo_store, 2028)[0] == registers.QuarterStat(1, 200, 0)
    assert _cell(dialog, 1, "on_time").value() == 0


def test_procedure_on_time_above_settled_is_refused(qtbot, demo_store, errors_shown):
    """Đúng hạn above Đã giải quyết: the service's message is shown, the cell goes back, nothing is saved."""
    dialog, stack, _changes = _open(qtbot, ProcedureStatsDialog, demo_store, year=2028)
    _enter(qtbot, _cell(dialog, 2, "received"), 50)
    _enter(qtbot, _cell(dialog, 2, "on_time"), 60)
    assert errors_shown == ["Quý II: số hồ sơ đúng hạn (60) lớn hơn số hồ sơ đã giải quyết (50)."]
    assert _cell(dialog, 2, "on_time").value() == 0
    assert registers.procedure_stats(demo_store, 2028)[1] == registers.QuarterStat(2, 50, 0)
    assert stack.count() == 1


def test_register_steps_are_named_in_the_journal_and_outlive_the_dialog(qtbot, demo_store):
    """A collective added in the dialog is a journal step "Thêm tập thể “…”" that a fresh store still undoes."""
    from app.services import undo

    dialog, _stack, _changes = _open(qtbot, CollectivesDialog, demo_store)
    before = registers.list_collectives(demo_store)
    _add(dialog, CollectiveForm, lambda form: type_text(form.name, "Bộ phận Văn hóa"))
    dialog.close()
    assert undo.next_steps(demo_store)[0] == "Thêm tập thể “Bộ phận Văn hóa”"
    demo_store.close()
    reopened = Store(demo_store.folder)
    try:
        undo.undo(reopened)
        assert registers.list_collectives(reopened) == before
    finally:
        reopened.close()


def test_a_saved_procedure_cell_does_not_read_the_quarters_again(qtbot, demo_store, monkeypatch):
    """The dialog already shows what it saved: its own step does not reload the figures (undo does)."""
    dialog, _stack, _changes = _open(qtbot, ProcedureStatsDialog, demo_store, year=2028)
    reads = []
    real = registers.procedure_stats
    monkeypatch.setattr(registers, "procedure_stats", lambda *args: reads.append(args) or real(*args))
    _enter(qtbot, _cell(dialog, 3, "received"), 75)
    assert registers.procedure_stats is not real and reads == []
    assert dialog.totals["received"].text() == "75"
    dialog.undo_button.click()
    assert len(reads) == 1 and _cell(dialog, 3, "received").value() == 0
