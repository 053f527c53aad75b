"""Each paper's own date: the default of its period, the clerk's date stored with it, undo, reopen."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.services import undo
from app.services.dossier_day import dossier_day
from app.services.paper_dates import (
    EMULATION,
    REPORT,
    SCORING,
    clear_paper_date,
    paper_date,
    set_paper_date,
)
from app.store import Store

EXPORTED = date(2026, 12, 6)


def test_a_past_years_report_defaults_to_its_deadline_not_the_export_day(store):
    """The 2024 year report, exported on 06/12/2026 with no date set: 20/11/2024, the year report's deadline."""
    dated = paper_date(store, REPORT, 2024, "year", EXPORTED)
    assert (dated.day, dated.stored) == (date(2024, 11, 20), False)
    assert "20/11/2024" in dated.reason


def test_each_period_and_paper_has_its_own_deadline(store):
    """Quý I by 25/02, 6 tháng by 25/05; the self-scoring with the year report; the evaluation by 10/12."""
    assert paper_date(store, REPORT, 2024, "q1", EXPORTED).day == date(2024, 2, 25)
    assert paper_date(store, REPORT, 2024, "h1", EXPORTED).day == date(2024, 5, 25)
    assert paper_date(store, SCORING, 2024, "year", EXPORTED).day == date(2024, 11, 20)
    assert paper_date(store, EMULATION, 2024, "year", EXPORTED).day == date(2024, 12, 10)


def test_the_running_periods_report_is_dated_today(store):
    """The export day stays only for a period still running without a date of its own."""
    assert paper_date(store, REPORT, 2026, "year", EXPORTED).day == EXPORTED


def test_a_date_set_by_the_clerk_survives_a_reopen(store):
    """The date is stored in the data file: a new store on the same file reads it back."""
    set_paper_date(store, REPORT, 2024, "year", date(2024, 12, 2))
    store.close()
    reopened = Store(store.folder)
    try:
        dated = paper_date(reopened, REPORT, 2024, "year", EXPORTED)
        assert (dated.day, dated.stored, dated.default) == (date(2024, 12, 2), True, date(2024, 11, 20))
    finally:
        reopened.close()


def test_undo_puts_back_the_previous_date(store):
    """Setting a second date then undoing it gives the first date back; undoing again the default."""
    set_paper_date(store, SCORING, 2024, "year", date(2024, 12, 1))
    changes = set_paper_date(store, SCORING, 2024, "year", date(2024, 12, 3))
    assert changes.label == "Đặt ngày 03/12/2024 cho biểu tự chấm điểm Chỉ số CCHC năm 2024"
    undo.undo(store)
    assert paper_date(store, SCORING, 2024, "year", EXPORTED).day == date(2024, 12, 1)
    undo.undo(store)
    assert paper_date(store, SCORING, 2024, "year", EXPORTED).stored is False


def test_the_default_date_comes_back_and_undo_restores_the_clerks(store):
    """“Dùng ngày mặc định” forgets the date; undo brings it back."""
    set_paper_date(store, REPORT, 2024, "h1", date(2024, 6, 3))
    clear_paper_date(store, REPORT, 2024, "h1")
    assert paper_date(store, REPORT, 2024, "h1", EXPORTED).day == date(2024, 5, 25)
    undo.undo(store)
    assert paper_date(store, REPORT, 2024, "h1", EXPORTED).day == date(2024, 6, 3)


def test_a_date_before_the_papers_year_is_refused_in_vietnamese(store):
    """A 2024 report cannot be dated 2023: the message says which paper and what to choose."""
    with pytest.raises(UserError) as refused:
        set_paper_date(store, REPORT, 2024, "q1", date(2023, 12, 30))
    assert "30/12/2023" in refused.value.message and "01/01/2024" in refused.value.hint


def test_a_dossier_is_dated_by_its_letter_then_its_meeting_then_its_deadline():
    """The dossier's own dates win; without them a past year's dossier is dated at 10/12."""
    assert dossier_day(date(2024, 12, 5), date(2024, 12, 2), EXPORTED, 2024) == date(2024, 12, 5)
    assert dossier_day(None, date(2024, 12, 2), EXPORTED, 2024) == date(2024, 12, 2)
    assert dossier_day(None, None, EXPORTED, 2024) == date(2024, 12, 10)
