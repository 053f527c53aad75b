"""Kế hoạch: create a plan, add an area and a task, type a timeframe, see the due date, undo, restart."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan, get_plan, list_plans
from app.store import Store
from ui.journal_undo import JournalUndoStack
from ui.dialogs.new_plan_dialog import NewPlanDialog
from ui.pages.plans_page import PlansPage

from .conftest import type_text


def _page(qtbot, store):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = PlansPage(store, stack, stack.notify)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page, stack


def _plan(store, year=2024):
    return create_plan(store, PlanData(year=year, title=f"Cải cách hành chính năm {year}"), areas=("Cải cách thể chế",)).value


def _accept_new_plan_dialog(year: int, kind_index: int = 0):
    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewPlanDialog):
            QTimer.singleShot(20, act)
            return
        dialog.year.setValue(year)
        dialog.kind.setCurrentIndex(kind_index)
        dialog.accept()
    QTimer.singleShot(0, act)


def _tree_texts(page):
    model = page.tree.model
    rows = []
    for row in range(model.rowCount()):
        area = model.index(row, 0)
        rows.append((area.data(), [model.index(r, 0, area).data() for r in range(model.rowCount(area))]))
    return rows


def test_empty_folder_says_how_to_start(qtbot, store):
    page, _stack = _page(qtbot, store)
    assert page.empty.isVisible() and not page.tabs.isVisible()
    assert not page.actions["delete_plan"].isEnabled()


def test_new_plan_from_the_dialog_has_the_default_areas(qtbot, store):
    page, stack = _page(qtbot, store)
    _accept_new_plan_dialog(2025)
    page.actions["new_plan"].click()
    assert [s.year for s in list_plans(store)] == [2025]
    assert page.picker.currentText().startswith("Kế hoạch cải cách hành chính năm 2025")
    assert len(_tree_texts(page)) == 8 and _tree_texts(page)[0][0].startswith("I. ")
    stack.undo()
    assert list_plans(store) == [] and page.empty.isVisible()


def test_add_area_and_task_type_timeframe_see_due_undo_and_restart(qtbot, store, migrated_folder):
    """The issue's walk-through: everything saved at once, undo works, the data survives a restart."""
    plan = _plan(store)
    page, stack = _page(qtbot, store)
    page.tree.view.setFocus()
    page.tree.buttons["add_area"].click()
    type_text(page.tree.area_title, "\b" * 20)
    page.tree.area_title.setText("Cải cách thủ tục hành chính")
    page.tree.area_title.editingFinished.emit()
    page.tree.buttons["add_task"].click()
    editor = page.tree.task_editor
    editor.title.selectAll()
    type_text(editor.title, "Niêm yết công khai TTHC")
    editor.timeframe.setFocus()
    type_text(editor.timeframe, "Quý II/2024")
    assert "30/06/2024" in editor.due_reading.text()
    editor.autosave.flush()
    area = plan_tree(store, plan.id)[1]
    assert area.title == "Cải cách thủ tục hành chính"
    assert [(t.title, t.timeframe, str(t.first_due)) for t in area.tasks] == [("Niêm yết công khai TTHC", "Quý II/2024", "2024-06-30")]
    stack.undo()  # the task edit
    assert plan_tree(store, plan.id)[1].tasks[0].title == "Nhiệm vụ mới"
    stack.redo()
    page.close()
    store.close()
    reopened = Store(migrated_folder)
    try:
        again, _ = _page(qtbot, reopened)
        assert _tree_texts(again)[1] == ("II. Cải cách thủ tục hành chính", ["1. Niêm yết công khai TTHC"])
    finally:
        reopened.close()


def test_typing_pauses_save_by_themselves(qtbot, store):
    plan = _plan(store)
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Rà soát văn bản"))
    page, _stack = _page(qtbot, store)
    page.tree._select("task", plan_tree(store, plan.id)[0].tasks[0].id)
    type_text(page.tree.task_editor.product, "Báo cáo rà soát")
    qtbot.waitUntil(lambda: plan_tree(store, plan.id)[0].tasks[0].product == "Báo cáo rà soát", timeout=3000)


def test_an_unreadable_timeframe_is_said_plainly(qtbot, store):
    plan = _plan(store)
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Việc A"))
    page, _stack = _page(qtbot, store)
    page.tree._select("task", plan_tree(store, plan.id)[0].tasks[0].id)
    type_text(page.tree.task_editor.timeframe, "khi có điều kiện")
    assert "Chưa xác định hạn" in page.tree.task_editor.due_reading.text()


def test_keys_move_a_task_down_into_the_next_area_and_delete_with_undo(qtbot, store):
    plan = create_plan(store, PlanData(year=2024), areas=("A", "B")).value
    first = plan_tree(store, plan.id)[0]
    add_task(store, first.id, TaskData("Việc 1"))
    page, stack = _page(qtbot, store)
    page.tree._select("task", plan_tree(store, plan.id)[0].tasks[0].id)
    page.tree.move(1)
    assert [(a.title, [t.title for t in a.tasks]) for a in plan_tree(store, plan.id)] == [("A", []), ("B", ["Việc 1"])]
    page.tree.delete_selected()
    assert plan_tree(store, plan.id)[1].tasks == ()
    stack.undo()
    stack.undo()
    assert [t.title for t in plan_tree(store, plan.id)[0].tasks] == ["Việc 1"]
    assert _tree_texts(page)[0] == ("I. A", ["1. Việc 1"])


def test_plan_information_is_saved_and_undone(qtbot, store):
    plan = create_plan(store, PlanData(year=2024, kind="emulation"), areas=()).value
    page, stack = _page(qtbot, store)
    page.tabs.setCurrentIndex(1)
    page.info.number.setText("15/KH-UBND")
    type_text(page.info.sections["criteria_collective"], "Hoàn thành 100% nhiệm vụ.")
    page.info.autosave.flush()
    saved = get_plan(store, plan.id)
    assert saved.number == "15/KH-UBND" and saved.section("criteria_collective") == "Hoàn thành 100% nhiệm vụ."
    stack.undo()
    assert get_plan(store, plan.id).number == ""
    assert page.info.number.text() == ""


def test_delete_plan_asks_first(qtbot, store, monkeypatch):
    _plan(store)
    page, stack = _page(qtbot, store)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.actions["delete_plan"].click()
    assert len(list_plans(store)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.actions["delete_plan"].click()
    assert list_plans(store) == []
    stack.undo()
    assert len(list_plans(store)) == 1 and page.tabs.isVisible()


def test_a_second_plan_of_the_same_kind_and_year_asks_first(qtbot, store, monkeypatch):
    _plan(store, 2025)
    page, _stack = _page(qtbot, store)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _accept_new_plan_dialog(2025)
    page.actions["new_plan"].click()
    assert len(list_plans(store)) == 1


def test_the_picker_follows_a_changed_number(qtbot, store):
    _plan(store)
    page, _stack = _page(qtbot, store)
    page.tabs.setCurrentIndex(1)
    page.info.number.setText("15/KH-UBND")
    page.info.autosave.flush()
    assert "Số 15/KH-UBND" in page.picker.currentText()


def test_the_mouse_wheel_does_not_change_the_year_of_an_unfocused_field(qtbot, store):
    from PySide6.QtCore import QPoint, QPointF, Qt as QtNS
    from PySide6.QtGui import QWheelEvent

    _plan(store)
    page, _stack = _page(qtbot, store)
    page.tabs.setCurrentIndex(1)
    year = page.info.year
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), QtNS.MouseButton.NoButton,
                        QtNS.KeyboardModifier.NoModifier, QtNS.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(year, wheel)
    assert year.value() == 2024


def test_the_plan_picker_shows_the_whole_name_on_hover(qtbot, demo_store):
    page = PlansPage(demo_store, JournalUndoStack(demo_store, lambda changes: None), lambda changes: None)
    qtbot.addWidget(page)
    page.resize(595, 560)
    page.show()
    assert page.picker.toolTip() == page.picker.currentText() and len(page.picker.toolTip()) > 15
    page.picker.setCurrentIndex(page.picker.count() - 1)
    assert page.picker.toolTip() == page.picker.currentText()


def test_a_typed_task_edit_updates_its_row_without_rebuilding_the_tree(qtbot, store, monkeypatch):
    """Saving a typed task edit shows the new title in its row; the page reads no tree again for its own edit."""
    from ui.plan import tree_panel

    plan = _plan(store)
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Rà soát"))
    page, stack = _page(qtbot, store)
    page.tree._select("task", plan_tree(store, plan.id)[0].tasks[0].id)
    reads = []
    real = tree_panel.tree.plan_tree
    monkeypatch.setattr(tree_panel.tree, "plan_tree", lambda *args: reads.append(args) or real(*args))
    editor = page.tree.task_editor
    editor.title.selectAll()
    type_text(editor.title, "Rà soát văn bản")
    editor.autosave.flush()
    assert _tree_texts(page)[0][1] == ["1. Rà soát văn bản"] and reads == []
    assert stack.undoText() == "Sửa nhiệm vụ"


def test_undo_after_a_restart_takes_back_the_last_plan_edit(qtbot, store, migrated_folder):
    """The window's stack is refilled from the journal: Ctrl+Z after reopening undoes the area added before."""
    plan = _plan(store)
    page, _stack = _page(qtbot, store)
    page.tree.buttons["add_area"].click()
    page.close()
    store.close()
    reopened = Store(migrated_folder)
    try:
        again, stack = _page(qtbot, reopened)
        stack.load()
        assert stack.undoText() == "Thêm lĩnh vực “Lĩnh vực mới”"
        stack.undo()
        assert [a.title for a in plan_tree(reopened, plan.id)] == ["Cải cách thể chế"]
        assert [area for area, _tasks in _tree_texts(again)] == ["I. Cải cách thể chế"]
    finally:
        reopened.close()


def test_a_status_change_elsewhere_does_not_rebuild_the_tree(qtbot, store, monkeypatch):
    """Progress recorded on the checklist is not shown here: the page re-checks only the year's lock."""
    from datetime import date

    from app.services import checklist
    from ui.plan import tree_panel

    plan = _plan(store)
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Rà soát", timeframe="Quý I/2024"))
    page, _stack = _page(qtbot, store)
    assert not page.info.year.isReadOnly()
    reads = []
    real = tree_panel.tree.plan_tree
    monkeypatch.setattr(tree_panel.tree, "plan_tree", lambda *args: reads.append(args) or real(*args))
    occurrence = checklist.year_checklist(store, 2024)[0].occurrence_id
    page.refresh(checklist.set_status(store, occurrence, "done", date(2024, 3, 1)))
    assert reads == [] and page.info.year.isReadOnly()
