"""Thi đua: starting a year, the subjects and their verdicts, marks with undo, and the registers changing verdicts.

Most tests evaluate 2028 on the demo commune: its registers are empty that year,
so what a test adds is the only thing that moves a verdict.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain.emulation import MET, NOT_MET
from app.services import criteria_sets, registers
from app.services.emulation_evaluation import evaluation
from app.services.scoring import assessment_set
from ui.dialogs.collectives_dialog import CollectiveForm, CollectivesDialog
from ui.dialogs.discipline_dialog import DisciplineDialog, DisciplineForm
from ui.dialogs.initiatives_dialog import InitiativeForm, InitiativesDialog
from ui.emulation.subjects_model import NAME, REASON, RESULT, SubjectsModel
from ui.pages.emulation_page import EmulationPage
from ui.journal_undo import JournalUndoStack

from .conftest import type_text
from .test_registers_dialogs import when_modal

TODAY = date(2026, 1, 15)
SEED_000 = "Tiêu chuẩn khen thưởng phong trào thi đua CCHC của xã năm 2024"
PERSON = "Bùi Thị Ngọc Ánh"


def _page(qtbot, store, year: int | None = None):
    stack = JournalUndoStack(store, lambda changes: page.refresh(changes))
    page = EmulationPage(store, stack, stack.notify, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    if year is not None:
        page.year.setValue(year)
    return page, stack


def _start(page) -> None:
    page.sets.setCurrentIndex(page.sets.findText(SEED_000, Qt.MatchFlag.MatchStartsWith))
    page.start_button.click()


@pytest.fixture
def started(qtbot, demo_store):
    """The demo commune's 2028 started with the seed-000 emulation set, through the page."""
    page, stack = _page(qtbot, demo_store, 2028)
    _start(page)
    assert stack.undoText() == "Bắt đầu đánh giá thi đua năm 2028"  # undoable while nothing is marked
    stack.clear()
    return page, stack


def _row(page, name: str) -> int:
    return next(row for row in range(page.proxy.rowCount()) if page.proxy.index(row, NAME).data() == name)


def _cell(page, name: str, column: int) -> str:
    return page.proxy.index(_row(page, name), column).data()


def _choose(page, name: str) -> None:
    page.table.setCurrentIndex(page.proxy.index(_row(page, name), NAME))
    assert page.panel.subject.name == name


def _mark(page, code: str):
    return next(mark for mark in page.panel.subject.marks if mark.criterion_code == code)


def _select_status(row, status: str) -> None:
    row.status.setCurrentIndex(row.status.findData(status))
    row.status.activated.emit(row.status.currentIndex())


def _shown_names(page):
    return [page.proxy.index(row, NAME).data() for row in range(page.proxy.rowCount())]


def test_subjects_model_passes_qt_model_checks(qtmodeltester, demo_store):
    """The subjects table is a well-behaved Qt model."""
    model = SubjectsModel()
    model.replace_rows(evaluation(demo_store, 2024, TODAY).subjects)
    qtmodeltester.check(model)


def test_year_without_a_set_offers_the_emulation_sets_and_starts(qtbot, store):
    """2024 with no set chosen shows the empty state; "Bắt đầu" ties the year to the seed-000 set."""
    criteria_sets.install_default_sets(store)
    page, _stack = _page(qtbot, store, 2024)
    assert page.views.currentIndex() == 0 and "Năm 2024 chưa chọn" in page.start_heading.text()
    titles = [page.sets.itemText(index) for index in range(page.sets.count())]
    assert len(titles) == 2 and page.sets.currentText() == titles[0]
    _start(page)
    chosen = next(item for item in criteria_sets.list_sets(store, "emulation") if item.name == SEED_000)
    assert assessment_set(store, 2024, "emulation") == chosen.id
    assert page.views.currentIndex() == 1 and SEED_000 in page.set_name.text()
    assert page.collectives_hint.isVisibleTo(page)


def test_demo_year_opens_on_its_evaluation(qtbot, demo_store):
    """The demo's evaluated year lists collectives before officials, with the count qualified."""
    page, _stack = _page(qtbot, demo_store, 2024)
    assert page.year.value() == 2024 and page.views.currentIndex() == 1
    kinds = [subject.kind for subject in page.model.rows]
    assert kinds == sorted(kinds, key=lambda kind: kind != "collective") and kinds[0] == "collective"
    qualified = sum(1 for subject in page.model.rows if subject.verdict.qualifies)
    assert page.count.text() == f"{qualified}/{len(kinds)} đủ tiêu chuẩn"


def test_filter_by_verdict(qtbot, started):
    """"Chưa đủ" shows only subjects that fail a criterion."""
    page, _stack = started
    page.filter.setCurrentIndex(page.filter.findText("Chưa đủ"))
    assert _shown_names(page) and all(_cell(page, name, RESULT) == "Chưa đủ" for name in _shown_names(page))
    page.filter.setCurrentIndex(page.filter.findText("Đủ tiêu chuẩn"))
    assert _shown_names(page) == []


def test_collective_added_in_the_dialog_is_listed_first(qtbot, started):
    """A collective added through "Tập thể…" appears above the officials, judged on collective criteria."""
    page, _stack = started

    def in_dialog(dialog):
        when_modal(CollectiveForm, lambda form: (type_text(form.name, "Ủy ban nhân dân xã"), form.accept()))
        dialog.add_button.click()
        dialog.accept()

    when_modal(CollectivesDialog, in_dialog)
    page.registers["collectives"].click()
    added = [subject for subject in page.model.rows if subject.name == "Ủy ban nhân dân xã"]
    assert len(added) == 1 and added[0].kind == "collective"
    assert _shown_names(page).index("Ủy ban nhân dân xã") < _shown_names(page).index(PERSON)
    assert _cell(page, "Ủy ban nhân dân xã", 1) == "Toàn xã"
    assert {mark.criterion_code[:2] for mark in added[0].marks} == {"TT"}


def test_official_without_initiative_fails_with_the_reason(qtbot, started):
    """No initiative in 2028: "Chưa đủ", and the reason names the initiative criterion and why."""
    page, _stack = started
    assert _cell(page, PERSON, RESULT) == "Chưa đủ"
    reason = page.proxy.index(_row(page, PERSON), REASON).data(Qt.ItemDataRole.ToolTipRole)
    assert "Có sáng kiến hoặc biện pháp" in reason
    assert "Sổ sáng kiến năm 2028 không có sáng kiến nào của người này" in reason
    _choose(page, PERSON)
    assert "không đạt CN.4" in page.panel.verdict.text()


def test_initiative_added_in_the_dialog_meets_the_criterion(qtbot, started):
    """An initiative recorded with the official as author turns the computed initiative mark to Đạt."""
    page, _stack = started

    def fill(form):
        type_text(form.title, "Số hóa hồ sơ văn hóa")
        form.authors.findItems(PERSON, Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
        form.accept()

    def in_dialog(dialog):
        when_modal(InitiativeForm, fill)
        dialog.add_button.click()
        dialog.accept()

    when_modal(InitiativesDialog, in_dialog)
    page.registers["initiatives"].click()
    _choose(page, PERSON)
    mark = _mark(page, "CN.4")
    assert mark.status == MET and mark.computed and "Số hóa hồ sơ văn hóa" in mark.reason
    row = page.panel.row("CN.4")
    assert row.status.currentText() == "Đạt" and "Phần mềm tính: Đạt" in row.computed.text()


def test_discipline_record_fails_the_discipline_criterion(qtbot, started):
    """A discipline record makes the discipline mark "Không đạt" with the measure in the reason."""
    page, _stack = started

    def fill(form):
        form.official.setCurrentIndex(form.official.findText(PERSON))
        form.measure.setCurrentText("Khiển trách")
        form.decision_number.setText("7/QĐ-UBND")
        form.accept()

    def in_dialog(dialog):
        when_modal(DisciplineForm, fill)
        dialog.add_button.click()
        dialog.accept()

    when_modal(DisciplineDialog, in_dialog)
    page.registers["discipline"].click()
    _choose(page, PERSON)
    assert _mark(page, "CN.5").status == NOT_MET
    assert "Khiển trách (QĐ số 7/QĐ-UBND)" in _mark(page, "CN.5").reason
    assert page.panel.row("CN.5").status.currentText() == "Không đạt"
    assert "Khiển trách" in page.proxy.index(_row(page, PERSON), REASON).data(Qt.ItemDataRole.ToolTipRole)


def test_override_a_computed_mark_with_a_reason(qtbot, started):
    """Đạt over the app's "Không đạt": saved with its reason, flagged, and the verdict no longer fails on it."""
    page, stack = started
    _choose(page, PERSON)
    row = page.panel.row("CN.4")
    assert not row.flag.isVisibleTo(page) and not row.follow.isEnabled()
    _select_status(row, MET)
    row.reason.setFocus()
    type_text(row.reason, "Giải pháp sắp xếp hồ sơ đã áp dụng")
    qtbot.keyClick(row.reason, Qt.Key.Key_Return)
    mark = _mark(page, "CN.4")
    assert (mark.status, mark.reason, mark.overridden) == (MET, "Giải pháp sắp xếp hồ sơ đã áp dụng", True)
    assert page.panel.row("CN.4").flag.isVisibleTo(page) and page.panel.row("CN.4").follow.isEnabled()
    assert _cell(page, PERSON, RESULT) == "Chưa rõ"  # CN.4 passes; CN.1–CN.3 are still to be judged
    assert stack.count() == 2


def test_follow_the_software_drops_the_override(qtbot, started):
    """"Theo phần mềm" clears the clerk's mark; the app's "Không đạt" shows again."""
    page, _stack = started
    _choose(page, PERSON)
    _select_status(page.panel.row("CN.4"), MET)
    page.panel.row("CN.4").follow.click()
    mark = _mark(page, "CN.4")
    assert mark.computed and mark.status == NOT_MET and not page.panel.row("CN.4").flag.isVisibleTo(page)
    assert _cell(page, PERSON, RESULT) == "Chưa đủ"


def test_undo_and_redo_a_mark(qtbot, started):
    """Undo puts the mark back as it was, redo sets it again; the table follows."""
    page, stack = started
    _choose(page, PERSON)
    _select_status(page.panel.row("CN.1"), MET)
    assert _mark(page, "CN.1").status == MET
    stack.undo()
    assert _mark(page, "CN.1").status == "unknown" and page.panel.row("CN.1").status.currentText() == "Chưa rõ"
    stack.redo()
    assert _mark(page, "CN.1").status == MET and page.panel.row("CN.1").status.currentText() == "Đạt"


def test_undo_of_a_register_change_recomputes_the_verdict(qtbot, started):
    """Undoing an added initiative brings the initiative criterion back to "Không đạt"."""
    page, stack = started
    people = {name: official_id for official_id, name in registers.official_names(page.store)}

    def fill(form):
        type_text(form.title, "Sáng kiến thử")
        form.check_authors([people[PERSON]])
        form.accept()

    def in_dialog(dialog):
        when_modal(InitiativeForm, fill)
        dialog.add_button.click()
        dialog.accept()

    when_modal(InitiativesDialog, in_dialog)
    page.registers["initiatives"].click()
    _choose(page, PERSON)
    assert _mark(page, "CN.4").status == MET
    stack.undo()
    assert _mark(page, "CN.4").status == NOT_MET
    stack.redo()
    assert _mark(page, "CN.4").status == MET


def test_reason_being_typed_is_saved_before_undo(qtbot, started):
    """flush_edits (called by the main window before undo) saves a reason not yet left."""
    page, stack = started
    _choose(page, PERSON)
    row = page.panel.row("CN.2")
    row.reason.setFocus()
    type_text(row.reason, "Theo biên bản bình xét")
    page.flush_edits()
    assert _mark(page, "CN.2").reason == "Theo biên bản bình xét" and stack.count() == 1


def test_page_fits_a_small_screen(qtbot, started):
    """The page asks for no more than 790 pixels of width."""
    page, _stack = started
    assert page.minimumSizeHint().width() <= 790


def test_starting_the_evaluation_is_undone_while_nothing_is_marked(qtbot, demo_store):
    from app.domain.criteria import EMULATION
    from app.services import scoring

    page, stack = _page(qtbot, demo_store, 2028)
    _start(page)
    stack.undo()
    assert scoring.assessment_set(demo_store, 2028, EMULATION) is None
    stack.redo()
    assert scoring.assessment_set(demo_store, 2028, EMULATION) is not None
