"""The "Chuyển sang bộ tiêu chí khác…" dialog: proposals in a table, the clerk's corrections, one undoable move."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.services import criteria_sets, scoring
from tests.app.undo_cases.score_remap import reshaped
from ui.dialogs.score_remap import NOT_MOVED, TARGET, ScoreRemapDialog
from ui.journal_undo import JournalUndoStack
from ui.pages.scoring_page import ScoringPage

YEAR = 2024


@pytest.fixture
def new_set(demo_store) -> int:
    """The province's reshaped set imported beside the demo's 2024 set."""
    old = criteria_sets.load_set(demo_store, scoring.assessment_set(demo_store, YEAR))
    return criteria_sets.save_set(demo_store, reshaped(old)).value


def _dialog(qtbot, store):
    stack = JournalUndoStack(store, lambda changes: None)
    dialog = ScoreRemapDialog(store, YEAR, undo_stack=stack)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, stack


def _row(dialog, code: str) -> int:
    return next(row for row, line in enumerate(dialog.model.plan.lines) if line.code == code)


def test_the_table_shows_proposals_and_the_unmatched(qtbot, qtmodeltester, demo_store, new_set):
    """The new set is offered; 1.1 goes to A1.1; 3.1 and 6.4 say "không chuyển"; the split's halves are listed."""
    dialog, _stack = _dialog(qtbot, demo_store)
    assert dialog.sets.findData(new_set) >= 0
    dialog.sets.setCurrentIndex(dialog.sets.findData(new_set))  # the demo has other sets too (2025's shape)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.index(_row(dialog, "1.1"), TARGET).data().startswith("A1.1.")
    assert model.index(_row(dialog, "3.1"), TARGET).data() == NOT_MOVED
    assert "A3.1a" in dialog.unmatched.text() and "A3.1b" in dialog.unmatched.text()
    assert "3.1" in dialog.dropped.text() and "6.4" in dialog.dropped.text()


def test_the_clerk_picks_a_half_in_the_combo_and_moves(qtbot, demo_store, new_set, errors_shown):
    """Choosing A3.1a for 3.1 in the cell's combo moves its score there; the year then uses the new set."""
    dialog, stack = _dialog(qtbot, demo_store)
    dialog.sets.setCurrentIndex(dialog.sets.findData(new_set))  # the demo has other sets too (2025's shape)
    points = next(line.points for line in dialog.model.plan.lines if line.code == "3.1")
    index = dialog.model.index(_row(dialog, "3.1"), TARGET)
    dialog.table.edit(index)
    combo = dialog.table.findChild(QComboBox)
    qtbot.waitUntil(lambda: combo is not None and combo.isVisible())
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith("A3.1a")))
    dialog.table.commitData(combo)
    assert index.data().startswith("A3.1a") and "3.1," not in dialog.dropped.text()
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert dialog.result.dropped == ("6.4",) and errors_shown == []
    assert scoring.assessment_set(demo_store, YEAR) == new_set and stack.count() == 1
    sheet = {line.code: line for line in scoring.score_sheet(demo_store, YEAR).lines}
    assert sheet["A3.1a"].points == points


def test_two_onto_one_is_refused_and_nothing_moves(qtbot, demo_store, new_set, errors_shown):
    """Sending 1.2 onto 1.1's target shows the Vietnamese refusal; the year keeps its old set."""
    dialog, _stack = _dialog(qtbot, demo_store)
    target = dialog.model.mapping[dialog.model.plan.lines[_row(dialog, "1.1")].old_id]
    dialog.model.setData(dialog.model.index(_row(dialog, "1.2"), TARGET), target)
    old = scoring.assessment_set(demo_store, YEAR)
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert len(errors_shown) == 1 and "cùng được chuyển sang" in errors_shown[0]
    assert scoring.assessment_set(demo_store, YEAR) == old and dialog.isVisible()


def test_the_scoring_page_offers_it_once_a_year_is_scored(qtbot, demo_store, new_set):
    """The page's re-mapping button is off for 2028 (not started) and on for the scored 2024."""
    stack = JournalUndoStack(demo_store, lambda changes: None)
    page = ScoringPage(demo_store, stack, stack.notify, today=date(2028, 12, 6))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.year.currentData() == 2028)
    assert not page.remap_button.isEnabled()
    page.year.setCurrentIndex(page.year.findData(YEAR))
    qtbot.waitUntil(page.remap_button.isEnabled)
