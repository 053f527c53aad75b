"""Every year box opens on the year in progress (issue 18), with an injected today, even with a plan of next year."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import plans
from ui.dialogs.package_dialog import PackageDialog
from ui.dialogs.progress_report_dialog import ProgressReportDialog
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DossierPage
from ui.pages.emulation_page import EmulationPage
from ui.pages.scoring_page import ScoringPage

DECEMBER, JANUARY = date(2026, 12, 6), date(2027, 1, 12)


@pytest.fixture
def ahead(demo_store):
    """The demo with its 2024 reform plan already copied to 2027 (next year, ahead of time); 2026 has none."""
    reform = next(p for p in plans.list_plans(demo_store, 2024) if p.kind == "reform")
    plans.copy_plan(demo_store, reform.id, 2027)
    return demo_store


@pytest.mark.parametrize("dialog_class", [ProgressReportDialog, PackageDialog])
def test_report_dialogs_open_on_this_year_not_next(qtbot, ahead, dialog_class):
    """In December 2026 the report and package dialogs open on 2026, though a 2027 plan exists."""
    dialog = dialog_class(ahead, today=DECEMBER)
    qtbot.addWidget(dialog)
    assert dialog.year_box.currentData() == 2026


@pytest.mark.parametrize("dialog_class", [ProgressReportDialog, PackageDialog])
def test_in_january_report_dialogs_open_on_last_year(qtbot, ahead, dialog_class):
    """On 12/01/2027 the year-end papers are still 2026's: the report dialog opens on its annual report."""
    dialog = dialog_class(ahead, today=JANUARY)
    qtbot.addWidget(dialog)
    assert dialog.year_box.currentData() == 2026
    if dialog_class is ProgressReportDialog:
        assert dialog.period_box.currentData() == "year"


def _page(qtbot, page_class, store, today):
    stack = JournalUndoStack(store, lambda changes: None)
    page = page_class(store, stack, stack.notify, today=today)
    qtbot.addWidget(page)
    page.show()
    return page


def test_emulation_page_opens_on_the_year_in_progress(qtbot, ahead):
    """The emulation page opens on 2026 in December 2026, not on 2024, the last year evaluated."""
    page = _page(qtbot, EmulationPage, ahead, DECEMBER)
    qtbot.waitUntil(lambda: page.year.value() == 2026)


def test_dossier_page_opens_on_the_year_in_progress(qtbot, ahead):
    """The dossier page opens on 2026 in December 2026, not on 2024, the year of the only dossier."""
    page = _page(qtbot, DossierPage, ahead, DECEMBER)
    qtbot.waitUntil(lambda: page.year.value() == 2026)


def test_scoring_page_opens_on_the_year_in_progress(qtbot, ahead):
    """The scoring page opens on 2026 in December 2026, though 2027 has a plan and 2024 the scores."""
    page = _page(qtbot, ScoringPage, ahead, DECEMBER)
    qtbot.waitUntil(lambda: page.year.currentData() == 2026)


def test_checklist_page_never_opens_on_a_year_ahead(qtbot, ahead):
    """With a plan copied ahead to 2027 the checklist still opens on today's year, 2026, not on 2027."""
    from ui.pages.checklist_page import ChecklistPage

    page = _page(qtbot, ChecklistPage, ahead, DECEMBER)
    qtbot.waitUntil(lambda: page.year.currentData() == 2026)
