"""The copy preview: every proposal ticked by default, a line unticked keeps its words, the keyboard works."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.plans import copy_plan, get_plan, list_plans, preview_copy
from tests.app.services.test_plan_copy_world import import_seed_002
from ui.dialogs.copy_preview import CopyPreviewDialog, ProposalsModel, UnresolvedModel
from ui.dialogs.new_plan_dialog import NewPlanDialog

TODAY = date(2026, 12, 7)


def _dialog(qtbot, store):
    plan = import_seed_002(store)
    preview = preview_copy(store, plan.id, 2027, today=TODAY)
    dialog = CopyPreviewDialog(preview, "kế hoạch cải cách hành chính năm 2024")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return plan, preview, dialog


def _row_of(dialog, field: str) -> int:
    return next(row for row, p in enumerate(dialog.proposals.chosen()) if p.field == field)


def test_models_pass_qt_model_checks(qtmodeltester, store):
    """Both tables of the preview are well-behaved Qt models."""
    plan = import_seed_002(store)
    preview = preview_copy(store, plan.id, 2027, today=TODAY)
    qtmodeltester.check(ProposalsModel(preview.proposals))
    qtmodeltester.check(UnresolvedModel(preview.unresolved))


def test_unticking_one_line_by_keyboard_keeps_its_words_in_the_copy(qtbot, store):
    """Space on the recipient line unticks it: the copy keeps "Phòng Nội vụ huyện Sơn Tịnh", the rest is replaced."""
    plan, preview, dialog = _dialog(qtbot, store)
    assert dialog.accepted_proposals() == preview.proposals  # all ticked by default
    row = _row_of(dialog, "recipients/1")
    dialog.proposal_table.selectRow(row)
    dialog.proposal_table.setFocus()
    qtbot.waitUntil(dialog.proposal_table.hasFocus)
    qtbot.keyClick(dialog.proposal_table, Qt.Key.Key_Space)
    assert dialog.proposals.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Phòng Nội vụ huyện Sơn Tịnh" in dialog.detail.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    copy = get_plan(store, copy_plan(store, plan.id, 2027, dialog.accepted_proposals()).value.id)
    assert copy.recipients[1] == "Phòng Nội vụ huyện Sơn Tịnh"
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi (Sở Nội vụ tỉnh Quảng Ngãi)" in copy.section("organisation")


def test_untick_all_and_tick_all(qtbot, store):
    """ "Bỏ chọn tất cả" leaves nothing to replace; "Chọn tất cả" ticks every line again."""
    _plan, preview, dialog = _dialog(qtbot, store)
    dialog.untick_all.click()
    assert dialog.accepted_proposals() == ()
    dialog.tick_all.click()
    assert dialog.accepted_proposals() == preview.proposals


def test_what_it_cannot_decide_is_listed_below(qtbot, store):
    """The district plans cited as bases and the former drafting office are listed, with the reason on selection."""
    _plan, preview, dialog = _dialog(qtbot, store)
    assert dialog.unresolved.rowCount() == len(preview.unresolved) and dialog.unresolved_table.isVisible()
    dialog.unresolved_table.selectRow(0)
    assert preview.unresolved[0].why in dialog.detail.text()


def test_the_dialog_fits_a_1024_by_768_screen(qtbot, store):
    """At its smallest the preview fits 1024×768 with room for the window frame and the taskbar."""
    _plan, _preview, dialog = _dialog(qtbot, store)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 700
    dialog.resize(1000, 700)
    qtbot.waitUntil(lambda: dialog.proposal_table.viewport().height() > 3 * dialog.proposal_table.rowHeight(0))


def test_the_plans_page_copies_with_the_lines_left_ticked(qtbot, store):
    """Sao chép… on the plans page: the year, then the preview; an unticked line is copied as it was."""
    from tests.ui.test_plans_page import _page

    import_seed_002(store)
    page, _stack = _page(qtbot, store)

    def answer_year():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewPlanDialog):
            QTimer.singleShot(20, answer_year)
            return
        dialog.year.setValue(2027)
        QTimer.singleShot(20, answer_preview)
        dialog.accept()

    def answer_preview():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CopyPreviewDialog):
            QTimer.singleShot(20, answer_preview)
            return
        dialog.proposals.toggle(_row_of(dialog, "recipients/1"))
        dialog.accept()

    QTimer.singleShot(20, answer_year)
    page.actions["copy_plan"].click()
    copy = next(p for p in list_plans(store) if p.year == 2027)
    assert get_plan(store, copy.id).recipients[1] == "Phòng Nội vụ huyện Sơn Tịnh"
    assert "72/2025/QH15" in get_plan(store, copy.id).legal_bases[0]
