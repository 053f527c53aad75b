"""The scoring page with a set of today's shape: N/A toggling, declared figures, the appraisal, the column toggle."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt

from app.domain.criteria import PAR
from app.services import criteria_sets, scoring
from ui.journal_undo import JournalUndoStack
from ui.pages.scoring_page import ScoringPage
from ui.scoring.tree_model import APPRAISED, DECLARED, PROPOSAL, SCORE

from .conftest import type_text

TODAY = date(2025, 12, 20)
SHAPED = "Bộ chỉ số CCHC cấp xã mẫu 2025 (8 nội dung + điểm thưởng, điểm trừ)"


def _page(qtbot, store, width=1180):
    """The page on 2025, started on the shaped example set, 3.2 and 9b.2 scored."""
    summary = next(item for item in criteria_sets.list_sets(store, PAR) if item.name == SHAPED)
    scoring.start(store, 2025, summary.id)
    ids = criteria_sets.load_set(store, summary.id).criterion_ids
    scoring.set_score(store, 2025, ids["3.2"], Decimal(7))
    scoring.set_score(store, 2025, ids["9b.2"], Decimal(1))
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = ScoringPage(store, stack, stack.notify, today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    page.year.setCurrentIndex(page.year.findData(2025))
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.year == 2025)
    return page, stack


def _cell(page, code: str, column: int) -> str:
    line = next(line for line in page.sheet.lines if line.code == code)
    return page.model.index_of(line.criterion_id, column).data()


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_ticking_not_applicable_takes_the_criterion_out_of_the_total(qtbot, store):
    """7.3 ticked “Không áp dụng”: the tree shows KAD, the maximum falls to 96; undo brings it back."""
    page, stack = _page(qtbot, store)
    page.select_code("7.3")
    assert page.panel.details.not_applicable.isEnabled()
    box = page.panel.details.not_applicable
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the box itself
    qtbot.waitUntil(lambda: page.sheet.max_total == Decimal(96))
    assert _cell(page, "7.3", SCORE) == "KAD"
    assert "Tổng: 6 / 96" in page.summary.text()
    assert stack.undoText() == "Đánh dấu không áp dụng tiêu chí 7.3"
    stack.undo()
    qtbot.waitUntil(lambda: page.sheet.max_total == Decimal(100))
    assert not page.panel.details.not_applicable.isChecked()


def test_a_criterion_every_commune_scores_has_no_not_applicable_box(qtbot, store):
    """1.1 may not be N/A in the example set: the box is disabled."""
    page, _stack = _page(qtbot, store)
    page.select_code("1.1")
    assert not page.panel.details.not_applicable.isEnabled()


def test_declared_figures_typed_in_the_panel_are_saved_and_shown(qtbot, store):
    """“45/48 hồ sơ đúng hạn” + Enter: saved, the Kê khai column appears (a wide page) and shows it."""
    page, _stack = _page(qtbot, store)
    assert page.tree.isColumnHidden(DECLARED)
    page.select_code("3.2")
    _type(qtbot, page.panel.details.declared, "45/48 hồ sơ đúng hạn")
    qtbot.waitUntil(lambda: _cell(page, "3.2", DECLARED) == "45/48 hồ sơ đúng hạn")
    assert not page.tree.isColumnHidden(DECLARED) and page.extra_toggle.isChecked()
    assert scoring.score_sheet(store, 2025, TODAY).line(page.panel.line.criterion_id).declared == "45/48 hồ sơ đúng hạn"


def test_appraised_points_and_note_are_saved_with_both_totals(qtbot, store):
    """Appraised 4 with a note on 3.2: the Thẩm định column reads 4, the summary the appraised total 2."""
    page, _stack = _page(qtbot, store)
    page.select_code("3.2")
    details = page.panel.details
    _type(qtbot, details.appraisal_note, "Hệ thống ghi 40/48")
    _type(qtbot, details.appraised, "4")
    qtbot.waitUntil(lambda: page.sheet.has_appraisal and page.sheet.line(page.panel.line.criterion_id).appraised == 4)
    assert page.sheet.line(page.panel.line.criterion_id).appraisal_note == "Hệ thống ghi 40/48"
    assert _cell(page, "3.2", APPRAISED) == "4" and _cell(page, "9b.2", SCORE) == "\u22121"
    assert "thẩm định 3" in page.summary.text()  # 4 − 1 (the penalty kept from the self-score)


def test_appraised_points_that_are_not_a_number_are_refused(qtbot, store, errors_shown):
    """“bốn” in the appraised field: one Vietnamese error, nothing saved."""
    page, _stack = _page(qtbot, store)
    page.select_code("3.2")
    _type(qtbot, page.panel.details.appraised, "bốn")
    qtbot.waitUntil(lambda: len(errors_shown) == 1)
    assert "không phải là số điểm thẩm định" in errors_shown[0]
    assert not scoring.score_sheet(store, 2025, TODAY).has_appraisal


def test_the_toggle_shows_and_hides_the_new_columns(qtbot, store):
    """Hidden for a year without them; the toggle shows both (hiding the proposal on a narrow page), and hides them."""
    page, _stack = _page(qtbot, store, width=830)
    assert page.tree.isColumnHidden(APPRAISED)
    page.extra_toggle.click()
    assert not page.tree.isColumnHidden(APPRAISED) and not page.tree.isColumnHidden(DECLARED)
    assert page.tree.isColumnHidden(PROPOSAL)  # a narrow page: the proposal (in the panel) makes room
    page.extra_toggle.click()
    assert page.tree.isColumnHidden(APPRAISED) and not page.tree.isColumnHidden(PROPOSAL)


def test_on_a_narrow_page_a_year_with_appraisal_starts_with_the_columns_hidden(qtbot, store):
    """At 1024 pixels (a page ~830 wide) the names stay readable: the columns wait for the toggle."""
    from app.services import appraisal

    page, _stack = _page(qtbot, store, width=830)
    appraisal.set_appraisal(store, page.sheet.assessment_id, "3.2", Decimal(4))
    page.reload()
    assert page.sheet.has_appraisal and page.tree.isColumnHidden(APPRAISED) and not page.extra_toggle.isChecked()
    page.resize(1180, 700)
    qtbot.waitUntil(lambda: not page.tree.isColumnHidden(APPRAISED))
