"""The "Bắt đầu năm …" dialog: the year offered, the checklist, one run with its result lines, a harmless rerun."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.services import plans, scoring
from ui.dialogs.year_start import YearStartDialog
from ui.journal_undo import JournalUndoStack


def _dialog(qtbot, store, today):
    stack = JournalUndoStack(store, lambda changes: None)
    dialog = YearStartDialog(store, today=today, undo_stack=stack)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack


def test_offers_next_year_from_december_and_this_year_before(qtbot, demo_store):
    """On 06/12/2026 it offers 2027; on 20/11/2026 it offers 2026 (the rule table's 01/12)."""
    assert _dialog(qtbot, demo_store, date(2026, 12, 6))[0].year.value() == 2027
    assert _dialog(qtbot, demo_store, date(2026, 11, 20))[0].year.value() == 2026


def test_the_checklist_says_what_each_step_will_do(qtbot, demo_store):
    """Ready steps are ticked with what they will do; a step with nothing to carry is unticked and says why."""
    dialog, _stack = _dialog(qtbot, demo_store, date(2026, 12, 6))
    assert dialog.step_boxes["council"].isChecked() and "9 thành viên" in dialog.will_labels["council"].text()
    assert not dialog.step_boxes["kinds"].isEnabled() and "không cần chép" in dialog.will_labels["kinds"].text()
    assert len(dialog.plan_boxes) == 2 and all(box.isChecked() for box in dialog.plan_boxes.values())
    assert dialog.start_button.text() == "Bắt đầu năm 2027"


def test_one_run_shows_results_and_one_undo_step(qtbot, demo_store, errors_shown):
    """Starting 2027 with only the reform plan ticked copies it and starts scoring; each step gets its result line."""
    dialog, stack = _dialog(qtbot, demo_store, date(2026, 12, 6))
    emulation_plan = next(p.id for p in plans.list_plans(demo_store, 2026) if p.kind != "reform")
    dialog.plan_boxes[emulation_plan].setChecked(False)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã bắt đầu năm 2027" in dialog.summary.text())
    assert [p.kind for p in plans.list_plans(demo_store, 2027)] == ["reform"]
    assert scoring.assessment_set(demo_store, 2027) == scoring.assessment_set(demo_store, 2026)
    assert dialog.result_labels["council"].text().startswith("✔ Đã chép 9 thành viên")
    assert stack.count() == 1 and stack.undoText() == "Bắt đầu năm 2027" and errors_shown == []
    assert not dialog.step_boxes["council"].isEnabled()  # the checklist now says 2027 has it


def test_after_a_full_run_nothing_is_left_to_start(qtbot, demo_store, errors_shown):
    """After a full run every step is done or said to exist: the start button is off, and the journal holds one step."""
    dialog, stack = _dialog(qtbot, demo_store, date(2026, 12, 6))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã bắt đầu năm 2027" in dialog.summary.text())
    assert not dialog.start_button.isEnabled() and stack.count() == 1 and errors_shown == []


def test_a_failure_is_said_in_vietnamese_and_changes_nothing(qtbot, demo_store, errors_shown, monkeypatch):
    """A step refusing midway shows its Vietnamese message; no plan of 2027 is left and no undo step is made."""
    from app.errors import UserError

    def refuse(*_args, **_kwargs):
        raise UserError("Bộ tiêu chí này không dùng được cho việc này.")
    monkeypatch.setattr(scoring, "start", refuse)
    dialog, stack = _dialog(qtbot, demo_store, date(2026, 12, 6))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không có gì thay đổi" in dialog.summary.text())
    assert errors_shown and "không dùng được" in errors_shown[0]
    assert plans.list_plans(demo_store, 2027) == [] and stack.count() == 0
