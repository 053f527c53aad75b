"""The report and package dialogs show each paper's own date and let the clerk change it, undoably."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from app.services.paper_dates import REPORT, SCORING, paper_date
from ui.dialogs.package_dialog import PackageDialog
from ui.dialogs.progress_report_dialog import ProgressReportDialog

EXPORTED = date(2026, 12, 6)


def _type_date(field, day: date) -> None:
    """What the clerk does: change the date in the box, then leave it (the dialog's flush stands for leaving)."""
    field.edit.setDate(QDate(day.year, day.month, day.day))
    field.flush()


def _report_dialog(qtbot, store) -> ProgressReportDialog:
    dialog = ProgressReportDialog(store, None, today=EXPORTED)
    qtbot.addWidget(dialog)
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2024))
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("year"))
    return dialog


def test_the_report_dialog_shows_a_past_reports_deadline_as_its_date(qtbot, demo_store):
    """The 2024 year report opened on 06/12/2026 shows 20/11/2024 and why; its statuses are judged as of it."""
    dialog = _report_dialog(qtbot, demo_store)
    assert dialog.date_field.value() == date(2024, 11, 20)
    assert "20/11/2024" in dialog.date_field.reason.text()
    assert dialog.report.today == date(2024, 11, 20)
    assert "tính đến 20/11/2024" in dialog.totals_label.text()


def test_a_date_typed_in_the_report_dialog_is_stored_and_undone(qtbot, demo_store):
    """Typing 02/12/2024 stores it and recounts as of it; Hoàn tác puts back the default date."""
    dialog = _report_dialog(qtbot, demo_store)
    _type_date(dialog.date_field, date(2024, 12, 2))
    assert paper_date(demo_store, REPORT, 2024, "year", EXPORTED).day == date(2024, 12, 2)
    qtbot.waitUntil(lambda: dialog.report.today == date(2024, 12, 2))
    assert dialog.date_field.reset_button.isEnabled()
    dialog.undo()
    qtbot.waitUntil(lambda: dialog.date_field.value() == date(2024, 11, 20))
    assert paper_date(demo_store, REPORT, 2024, "year", EXPORTED).stored is False
    assert dialog.report.today == date(2024, 11, 20)


def test_the_package_dialog_shows_and_sets_the_papers_dates(qtbot, demo_store, tmp_path):
    """For 2024 the report and the self-scoring show 20/11/2024; a date typed there is stored, undo restores it."""
    dialog = PackageDialog(demo_store, today=EXPORTED)
    qtbot.addWidget(dialog)
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2024))
    dialog.show()  # a shown dialog follows the undo stack
    assert dialog.period_box.currentData() == "year"
    assert dialog.report_date.value() == dialog.scoring_date.value() == date(2024, 11, 20)
    _type_date(dialog.scoring_date, date(2024, 11, 25))
    assert paper_date(demo_store, SCORING, 2024, "year", EXPORTED).day == date(2024, 11, 25)
    dialog.undo_stack.undo()
    qtbot.waitUntil(lambda: dialog.scoring_date.value() == date(2024, 11, 20))
    assert paper_date(demo_store, SCORING, 2024, "year", EXPORTED).stored is False


def test_a_date_typed_in_the_package_dialog_is_saved_when_it_closes(qtbot, demo_store):
    """A report date still in the box when the dialog is closed is stored, not lost."""
    dialog = PackageDialog(demo_store, today=EXPORTED)
    qtbot.addWidget(dialog)
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2024))
    dialog.show()
    dialog.report_date.edit.setDate(QDate(2024, 11, 18))
    dialog.reject()
    assert paper_date(demo_store, REPORT, 2024, "year", EXPORTED).day == date(2024, 11, 18)
