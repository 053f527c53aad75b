"""Tổng quan through the ORM: the same ``Dashboard`` as ``app/queries/dashboard_view.py`` reads on sqlite3.

The page reads the sqlite3 one (no ORM before the first page shows, issue 24); this one is the yardstick
the tests hold it to, and the entry point for code that already has the ORM loaded.
"""

from __future__ import annotations

from datetime import date

from app.clock import ClockCheck
from app.queries.dashboard_view import (  # noqa: F401 — the dashboard's values, where they were always found
    NO_LEAD,
    UPCOMING_DAYS,
    Completion,
    Dashboard,
    LastBackup,
    StatusCounts,
    StatutoryDate,
    build,
    days_left_text,
    statutory_dates,
)
from app.queries.dashboard_view import last_backup as _last_backup
from app.services.checklist import plan_years, year_checklist
from app.services.reporting_periods import year_windows
from app.store import Store


def last_backup(store: Store) -> LastBackup | None:
    """The newest restorable backup of the store's data folder, or None when there is none."""
    return _last_backup(store.folder)


def dashboard(store: Store, year: int, today: date, clock: ClockCheck | None = None) -> Dashboard:
    """Everything the start screen shows for ``year``, as of ``today``; ``clock`` defaults to the folder's check."""
    return build(store.folder, year_checklist(store, year), plan_years(store), year, today, clock,
                 windows=year_windows(store, year))
