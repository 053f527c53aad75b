"""“Kỳ báo cáo”: a deadline typed (saved as typed) moves Tổng quan's date; a refusal stays in the screen; restore and undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ui.dialogs.reporting_periods_dialog import LEAP, ReportingPeriodsDialog
from ui.journal_undo import JournalUndoStack
from ui.pages.dashboard_page import DashboardPage

TODAY = date(2026, 6, 1)


def _setup(qtbot, store):
    page = DashboardPage(store, None, lambda changes: page.refresh(changes), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    stack = JournalUndoStack(store, page.refresh)
    dialog = ReportingPeriodsDialog(store, stack, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return page, stack, dialog


def _h1_due(page) -> date:
    return next(d.due for d in page.board.deadlines if d.key == "report-h1")


def test_editing_a_deadline_moves_the_dashboard_date(qtbot, store):
    """Hạn 6 tháng typed as 18/06 (saved on the pause): Tổng quan shows 18/06/2026 without being reopened; undo puts 16/06 back."""
    page, stack, dialog = _setup(qtbot, store)
    qtbot.waitUntil(lambda: page.board is not None and _h1_due(page) == date(2026, 6, 16))
    dialog.findChild(type(dialog.rows[0].deadline), "deadline_h1").setDate(QDate(LEAP, 6, 18))
    assert dialog.rows[1].example.text() == "15/12/2025 – 14/06/2026, hạn 18/06/2026"
    qtbot.waitUntil(lambda: _h1_due(page) == date(2026, 6, 18))
    assert dialog.restore_button.isEnabled() and dialog.message.text() == ""
    stack.undo()
    qtbot.waitUntil(lambda: _h1_due(page) == date(2026, 6, 16))


def test_a_deadline_before_the_cut_off_is_refused_in_the_screen(qtbot, store):
    """Hạn quý I 01/03 (before the cut-off 14/03): the red line names the period and the field; nothing saved."""
    page, stack, dialog = _setup(qtbot, store)
    dialog.rows[0].deadline.setDate(QDate(LEAP, 3, 1))
    dialog.autosave.flush()
    qtbot.waitUntil(lambda: "Kỳ “quý I”: hạn gửi báo cáo 01/03" in dialog.message.text())
    assert "Hãy đặt hạn gửi sau ngày chốt số liệu" in dialog.message.text()
    assert stack.count() == 0 and dialog.isVisible()


def test_the_screen_says_what_the_defaults_rest_on_and_how_sure_they_are(qtbot, store):
    """The cut-off windows are the verified Văn bản 581/BNV-CCHC; the commune's default deadline is marked unverified."""
    _page, _stack, dialog = _setup(qtbot, store)
    text = dialog.sources.text()
    assert "Văn bản 581/BNV-CCHC" in text and "(đã kiểm chứng)" in text and "(chưa kiểm chứng)" in text


def test_restore_defaults_puts_the_shipped_deadline_back(qtbot, store):
    """After a saved change, “Khôi phục mặc định” shows 16/06 again and is greyed out."""
    page, stack, dialog = _setup(qtbot, store)
    dialog.rows[1].deadline.setDate(QDate(LEAP, 6, 18))
    dialog.autosave.flush()
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.rows[1].deadline.date() == QDate(LEAP, 6, 16))
    assert not dialog.restore_button.isEnabled() and stack.count() == 2
