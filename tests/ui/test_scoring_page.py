"""Chấm điểm CCHC: start a year, refuse and save scores, proposals, overrides, undo, evidence, restart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.criteria import PAR, CriteriaSetData, CriterionData, RatingBand
from app.services import criteria_sets, scoring
from app.services.evidence_choices import year_evidence_files
from app.store import Store
from ui.pages import scoring_page
from ui.pages.scoring_page import ScoringPage, summary_text
from ui.scoring.tree_model import LINE_ROLE, NAME, SCORE, ScoreTreeModel
from ui.journal_undo import JournalUndoStack

from .conftest import type_text

TODAY = date(2024, 12, 1)


def _page(qtbot, store, today=TODAY):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = ScoringPage(store, stack, stack.notify, today=today)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page, stack


def _example_set(store) -> int:
    return next(s.id for s in criteria_sets.list_sets(store, kind=PAR) if "ví dụ" in s.name)


def _started(qtbot, store):
    """The page on 2024, scoring started from the screen on the shipped example set."""
    page, stack = _page(qtbot, store)
    page.year.setCurrentIndex(page.year.findData(2024))
    page.set_choice.setCurrentIndex(page.set_choice.findData(_example_set(store)))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    return page, stack


def _line(store, code: str, year: int = 2024):
    return next(line for line in scoring.score_sheet(store, year, TODAY).lines if line.code == code)


def _enter(qtbot, page, text: str) -> None:
    """Type into the panel's score field as the clerk would, then Enter."""
    page.panel.score.selectAll()
    qtbot.keyClick(page.panel.score, Qt.Key.Key_Backspace)
    type_text(page.panel.score, text)
    qtbot.keyClick(page.panel.score, Qt.Key.Key_Return)


@pytest.fixture
def ten_point_set(store) -> int:
    """A small set with a 10-point leaf (1.1) under a 12-point field, started for 2024."""
    data = CriteriaSetData(
        kind=PAR, name="Bộ thử điểm mười", year=2024,
        criteria=(CriterionData("1", "Lĩnh vực thử", "field", max_points=Decimal(12)),
                  CriterionData("1.1", "Tiêu chí mười điểm", "criterion", "1", Decimal(10)),
                  CriterionData("1.2", "Tiêu chí hai điểm", "criterion", "1", Decimal(2))),
        ratings=(RatingBand("Tốt", Decimal(10)), RatingBand("Chưa tốt", Decimal(0))),
    )
    set_id = criteria_sets.save_set(store, data).value
    scoring.start(store, 2024, set_id)
    return set_id


def test_model_passes_qt_model_checks(qtmodeltester, store):
    """The tree model keeps Qt's model rules (parents, rows, data roles)."""
    scoring.start(store, 2024, _example_set(store))
    sheet = scoring.score_sheet(store, 2024, TODAY)
    parents = {c.code: c.parent_code for c in criteria_sets.load_set(store, sheet.set_id).data.criteria}
    model = ScoreTreeModel()
    model.set_sheet(sheet, parents)
    qtmodeltester.check(model)


def test_year_without_scoring_offers_the_sets_and_starts(qtbot, store):
    """An unscored year says so, offers the PAR sets, and "Bắt đầu chấm" ties the year to the chosen set."""
    page, _stack = _page(qtbot, store)
    assert page.stack.currentIndex() == 0
    assert page.empty_text.text() == "Năm 2024 chưa chấm điểm. Chọn bộ tiêu chí để bắt đầu:"
    assert page.set_choice.findData(_example_set(store)) >= 0
    page.set_choice.setCurrentIndex(page.set_choice.findData(_example_set(store)))
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert scoring.assessment_set(store, 2024) == _example_set(store)
    assert page.stack.currentIndex() == 1
    assert page.model.rowCount() == 7  # the seven fields of the example set
    assert page.summary.text() == "Tổng: 0 / 100 — đã chấm 0/26 tiêu chí"


def test_score_above_the_maximum_is_refused_in_the_panel(qtbot, store, ten_point_set, errors_shown):
    """11 on a 10-point criterion: the field stays red with the service's reason under it; nothing is saved."""
    page, _stack = _page(qtbot, store)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.select_code("1.1")
    page.panel.score.setFocus()
    _enter(qtbot, page, "11")
    assert page.panel.error.text() == "Điểm tối đa của tiêu chí 1.1 là 10; không nhập được 11."
    assert page.panel.error.isVisible() and page.panel.refused
    assert "#b00020" in page.panel.score.styleSheet()
    assert page.panel.score.text() == "11" and page.panel.score.hasFocus()
    assert _line(store, "1.1").points is None
    assert page.panel.score_note.text() == "Chưa lưu giá trị vừa gõ; tiêu chí này vẫn chưa chấm."
    _enter(qtbot, page, "7")
    _enter(qtbot, page, "12")  # a second refusal: the 7 stays saved, and the note says so
    assert page.panel.score_note.text() == "Chưa lưu giá trị vừa gõ; điểm đã lưu vẫn là 7."
    assert errors_shown == []  # no message box for a refused score


def test_a_value_that_is_not_a_number_is_refused(qtbot, store, ten_point_set, errors_shown):
    """Letters in the score field are refused the same way, with what to type instead."""
    page, _stack = _page(qtbot, store)
    page.select_code("1.1")
    _enter(qtbot, page, "mười")
    assert page.panel.error.text() == "“mười” không phải là số điểm. Gõ một số từ 0 đến 10, ví dụ 0,5."
    assert _line(store, "1.1").points is None and errors_shown == []


def test_decimal_comma_score_is_saved_and_added_up(qtbot, store, ten_point_set):
    """9,5 is saved as 9.5; the field's subtotal and the total under the tree follow."""
    page, _stack = _page(qtbot, store)
    page.select_code("1.1")
    _enter(qtbot, page, "11")
    _enter(qtbot, page, "9,5")
    assert _line(store, "1.1").points == Decimal("9.5")
    assert not page.panel.refused and page.panel.error.text() == ""
    field = page.model.index(0, SCORE)
    assert field.data() == "9,5"
    assert page.summary.text() == "Tổng: 9,5 / 12 — Xếp loại: Chưa tốt — đã chấm 1/2 tiêu chí"


def test_typing_in_the_tree_saves_and_enter_moves_to_the_next_leaf(qtbot, store):
    """A digit on a row opens its score; Enter saves it and goes on to the next criterion to score."""
    page, _stack = _started(qtbot, store)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.select_code("1.1")
    page.tree.setFocus()
    qtbot.keyClicks(page.tree, "2")
    editor = QApplication.focusWidget()
    assert editor is not page.tree and editor.text() == "2"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tree.currentIndex().data(LINE_ROLE).code == "1.2")
    assert _line(store, "1.1").points == Decimal(2)
    assert page.model.index_of(_line(store, "1.1").criterion_id, SCORE).data() == "2"


def test_refused_in_the_tree_moves_to_the_panel(qtbot, store, ten_point_set, errors_shown):
    """11 typed in the tree's cell: the panel's field takes it, red, with the reason; the row stays."""
    page, _stack = _page(qtbot, store)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.select_code("1.1")
    page.tree.setFocus()
    qtbot.keyClicks(page.tree, "1")  # opens the cell's editor with that digit
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "1")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.panel.refused and page.panel.score.hasFocus())
    assert page.panel.error.text() == "Điểm tối đa của tiêu chí 1.1 là 10; không nhập được 11."
    assert page.tree.currentIndex().data(LINE_ROLE).code == "1.1"
    assert _line(store, "1.1").points is None and errors_shown == []


def test_leaving_the_field_saves_and_esc_gives_up(qtbot, store, ten_point_set):
    """A score typed and left (or flushed before undo) is saved; Esc puts the saved value back."""
    page, _stack = _page(qtbot, store)
    page.select_code("1.2")
    page.panel.score.selectAll()
    type_text(page.panel.score, "1,5")
    page.flush_edits()
    assert _line(store, "1.2").points == Decimal("1.5")
    type_text(page.panel.score, "7")
    qtbot.keyClick(page.panel.score, Qt.Key.Key_Escape)
    assert page.panel.score.text() == "1,5" and not page.panel.refused
    page.flush_edits()
    assert _line(store, "1.2").points == Decimal("1.5")


def test_parents_show_subtotals_and_are_not_editable(qtbot, store):
    """A field's score is the sum of its criteria and cannot be typed over."""
    page, _stack = _started(qtbot, store)
    scoring.set_score(store, 2024, _line(store, "1.3.1").criterion_id, Decimal("0.5"))
    scoring.set_score(store, 2024, _line(store, "1.1").criterion_id, Decimal(2))
    page.show_year()
    field = page.model.index(0, SCORE)
    assert field.data() == "2,5"
    assert not field.flags() & Qt.ItemFlag.ItemIsEditable
    page.select_code("1.3")
    assert not page.panel.score.isEnabled()


def test_accept_proposal_override_and_undo(qtbot, store):
    """4.1 proposes full points when nobody is disciplined; accepting takes it, typing over marks an override."""
    page, stack = _started(qtbot, store)
    page.select_code("4.1")
    assert page.panel.accept.isEnabled()
    assert "4 điểm" in page.panel.proposal.text()
    qtbot.mouseClick(page.panel.accept, Qt.MouseButton.LeftButton)
    accepted = _line(store, "4.1")
    assert (accepted.points, accepted.basis) == (Decimal(4), scoring.PROPOSAL_BASIS)
    assert page.panel.score.text() == "4"
    _enter(qtbot, page, "0")
    overridden = _line(store, "4.1")
    assert overridden.points == 0 and overridden.overridden
    cell = page.model.index_of(overridden.criterion_id, SCORE)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Đã sửa; phần mềm đề xuất 4"
    assert cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() != \
        page.model.index_of(_line(store, "1.1").criterion_id, SCORE).data(Qt.ItemDataRole.DecorationRole).cacheKey()
    assert page.panel.score_note.text() == "Đã sửa; phần mềm đề xuất 4."
    stack.undo()
    restored = _line(store, "4.1")
    assert (restored.points, restored.basis) == (Decimal(4), scoring.PROPOSAL_BASIS)
    assert page.panel.score.text() == "4"
    stack.undo()
    assert _line(store, "4.1").points is None
    stack.redo()
    stack.redo()
    assert _line(store, "4.1").points == 0


def test_ctrl_enter_accepts_the_selected_proposal(qtbot, store):
    """Ctrl+Enter in the tree takes the selected criterion's proposal."""
    page, _stack = _started(qtbot, store)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.select_code("4.1")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _line(store, "4.1").points == Decimal(4)


def test_proposal_button_is_off_without_a_proposal(qtbot, store):
    """A criterion scored by hand has nothing to accept."""
    page, _stack = _started(qtbot, store)
    page.select_code("2.1")
    assert not page.panel.accept.isEnabled()


def test_comment_saves_on_pause_and_undoes(qtbot, store):
    """The comment is saved when the clerk stops typing (or leaves); undo takes it back."""
    page, stack = _started(qtbot, store)
    page.select_code("2.1")
    type_text(page.panel.comment, "Đã ban hành 3 văn bản triển khai")
    qtbot.waitUntil(lambda: _line(store, "2.1").comment == "Đã ban hành 3 văn bản triển khai", timeout=3000)
    page.select_code("2.2")
    type_text(page.panel.comment, "Chưa rà soát")
    page.flush_edits()
    assert _line(store, "2.2").comment == "Chưa rà soát"
    stack.undo()
    assert _line(store, "2.2").comment == ""
    assert _line(store, "2.1").comment == "Đã ban hành 3 văn bản triển khai"


def test_scores_survive_a_restart(qtbot, store, ten_point_set):
    """Close the page and the store, open the folder again: the scores and comments are there."""
    page, _stack = _page(qtbot, store)
    page.select_code("1.1")
    _enter(qtbot, page, "9,5")
    type_text(page.panel.comment, "Có biên bản kiểm tra")
    page.flush_edits()
    page.close()
    folder = store.folder
    store.close()
    reopened = Store(folder)
    try:
        again, _stack = _page(qtbot, reopened)
        again.select_code("1.1")
        assert again.panel.score.text() == "9,5"
        assert again.panel.comment.toPlainText() == "Có biên bản kiểm tra"
        assert again.summary.text().startswith("Tổng: 9,5 / 12")
    finally:
        reopened.close()


def test_evidence_from_the_checklist_and_from_a_file(qtbot, demo_store, tmp_path, monkeypatch):
    """Link a file the checklist holds, attach a new one, open, remove; each step undoes."""
    page, stack = _page(qtbot, demo_store)
    page.year.setCurrentIndex(page.year.findData(2024))
    page.select_code("1.5")
    before = len(_line(demo_store, "1.5").evidence)
    choice = year_evidence_files(demo_store, 2024)[0]
    page.pick([choice])
    assert [e.file_id for e in _line(demo_store, "1.5").evidence][before:] == [choice.file_id]
    assert page.panel.evidence.count() == before + 1
    scan = tmp_path / "Biên bản kiểm tra CCHC.pdf"
    scan.write_bytes(b"%PDF-1.4 kiem tra")
    monkeypatch.setattr(scoring_page.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(scan)], ""))
    qtbot.mouseClick(page.panel.buttons["attach"], Qt.MouseButton.LeftButton)
    names = [e.original_name for e in _line(demo_store, "1.5").evidence]
    assert names[-1] == "Biên bản kiểm tra CCHC.pdf"
    opened = []
    monkeypatch.setattr(scoring_page, "open_path", lambda path: opened.append(path) or True)
    link_id = _line(demo_store, "1.5").evidence[-1].id
    page.open_evidence(link_id)
    assert opened and opened[0].read_bytes() == b"%PDF-1.4 kiem tra"
    page.detach(link_id)
    assert len(_line(demo_store, "1.5").evidence) == before + 1
    stack.undo()
    assert _line(demo_store, "1.5").evidence[-1].original_name == "Biên bản kiểm tra CCHC.pdf"
    stack.undo()
    stack.undo()
    assert len(_line(demo_store, "1.5").evidence) == before


def test_years_offer_plans_scoring_and_this_year(qtbot, demo_store):
    """The year picker lists plan years, scored years and the current year, newest first, and opens on this year."""
    page, _stack = _page(qtbot, demo_store, today=date(2025, 3, 1))
    years = [page.year.itemData(i) for i in range(page.year.count())]
    assert years == sorted(set(years), reverse=True) and {2023, 2024, 2025, 2026} <= set(years)
    assert page.year.currentData() == 2025  # the year in progress on that day, not the latest scored one
    page.year.setCurrentIndex(page.year.findData(2024))
    assert "Xếp loại" in page.summary.text() and "năm trước" in page.summary.text()


def test_summary_reads_like_the_paper():
    """The line under the tree: total, rating, last year with the change, how many are scored."""
    from app.services.scoring import ScoreSheet

    sheet = ScoreSheet(2024, 1, "", "", "", (), Decimal("72.5"), Decimal(100), "Khá", Decimal(68), 20, 31)
    assert summary_text(sheet) == "Tổng: 72,5 / 100 — Xếp loại: Khá — năm trước 68 (+4,5) — đã chấm 20/31 tiêu chí"


def test_fits_an_800_pixel_screen(qtbot, demo_store):
    """The page leaves room for the navigation on an 800-pixel-wide screen."""
    page, _stack = _page(qtbot, demo_store)
    assert page.minimumSizeHint().width() <= 600
    assert page.tree.header().sectionSize(NAME) > 100


def test_starting_a_year_is_undone_while_nothing_is_scored(qtbot, store, errors_shown):
    """Undo after "Bắt đầu chấm" unties the year (the sets are offered again); after a score, undo steps back
    the score first, and only then the start."""
    page, stack = _started(qtbot, store)
    assert stack.undoText() == "Bắt đầu chấm điểm năm 2024"
    stack.undo()
    assert scoring.assessment_set(store, 2024) is None and page.stack.currentIndex() == 0
    stack.redo()
    assert scoring.assessment_set(store, 2024) == _example_set(store) and page.stack.currentIndex() == 1
    leaf = _line(store, "1.1")
    assert page.enter_score(leaf.criterion_id, "0,5")
    assert stack.undoText() == "Chấm điểm tiêu chí 1.1"
    stack.undo()  # the score
    stack.undo()  # the start
    assert scoring.assessment_set(store, 2024) is None and errors_shown == []


def test_on_a_narrow_page_the_tree_keeps_codes_and_names_in_view(qtbot, store):
    """Selecting a criterion (the score column is current) does not slide the tree sideways."""
    page, _stack = _started(qtbot, store)
    page.resize(595, 560)
    page.select_code("1.1")
    qtbot.wait(10)
    assert page.tree.horizontalScrollBar().value() == 0


def test_a_typed_score_is_one_read_and_still_undone_after_a_restart(qtbot, store, monkeypatch):
    """The page saves (one transaction) and reads its sheet once; the step outlives the window and the store."""
    from app.store import Store as StoreClass
    from app.services import undo

    page, _stack = _started(qtbot, store)
    leaf = _line(store, "1.1")
    opened = []
    real = StoreClass.transaction
    monkeypatch.setattr(StoreClass, "transaction", lambda self: opened.append(1) or real(self))
    assert page.enter_score(leaf.criterion_id, "0,5")
    assert len(opened) == 2  # the write, then the sheet
    monkeypatch.undo()
    store.close()
    reopened = Store(store.folder)
    try:
        again, stack = _page(qtbot, reopened)
        stack.load()
        assert stack.undoText() == "Chấm điểm tiêu chí 1.1"
        stack.undo()
        assert _line(reopened, "1.1").points is None and undo.next_steps(reopened)[1] == "Chấm điểm tiêu chí 1.1"
    finally:
        reopened.close()
