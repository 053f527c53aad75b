"""The dashboard and the checklist rows read on sqlite3 equal what the ORM reads, on the demo and on ten years of data."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.domain.clock import EARLY, ClockCheck
from app.queries import checklist_view, dashboard_view
from app.services import checklist as orm_checklist
from app.services import dashboard as orm_dashboard

DAYS = (date(2024, 1, 2), date(2024, 6, 30), date(2024, 12, 31), date(2026, 12, 7))


def _years(store) -> list[int]:
    with store.reading() as connection:
        return checklist_view.plan_years(connection)


def _same_rows(store) -> None:
    years = _years(store)
    assert years == orm_checklist.plan_years(store) and years
    for year in years:
        with store.reading() as connection:
            read = checklist_view.year_checklist(connection, year)
        assert read == orm_checklist.year_checklist(store, year), year


def _same_dashboards(store) -> None:
    for year in [*_years(store), 2030]:
        for today in DAYS:
            assert dashboard_view.dashboard(store, year, today) == orm_dashboard.dashboard(store, year, today)


def test_the_demo_checklist_rows_equal_the_orms(demo_store):
    """Every checkpoint of the demo, field by field and in the same order, as the ORM's query gives it."""
    _same_rows(demo_store)


def test_the_demo_dashboard_equals_the_orms(demo_store):
    """The demo's dashboard of every year (and a year without plans) on four days equals the ORM-built one."""
    _same_dashboards(demo_store)


def test_the_ten_year_checklist_rows_equal_the_orms(decade_store):
    """Ten years of checkpoints (≈ 7,700) read on sqlite3 equal the ORM's rows."""
    _same_rows(decade_store)


def test_the_ten_year_dashboard_equals_the_orms(decade_store):
    """The ten-year database's dashboards of every year equal the ORM-built ones."""
    _same_dashboards(decade_store)


def test_a_wrong_clock_reads_the_same_on_both_paths(demo_store):
    """With the clock judged wrong, neither path computes anything from today, alike."""
    today = date(2001, 1, 1)
    wrong = ClockCheck(today, EARLY, date(2024, 12, 1))
    assert dashboard_view.dashboard(demo_store, 2024, today, wrong) == orm_dashboard.dashboard(demo_store, 2024, today, wrong)


def test_tasks_without_checkpoints_get_them_at_start_and_the_dashboard_only_reads(demo_store):
    """A task saved before checkpoints existed is found on sqlite3 and completed once at start; reading never writes."""
    from app.startup import open_store

    connection = sqlite3.connect(demo_store.folder.database)
    with connection:
        connection.execute("DELETE FROM task_occurrence WHERE task_id = (SELECT min(id) FROM plan_task)")
    connection.close()
    with demo_store.reading() as reading:
        assert checklist_view.any_task_lacks_checkpoints(reading)
    demo_store.close()
    store, _report = open_store(demo_store.folder)
    try:
        with store.reading() as reading:
            assert not checklist_view.any_task_lacks_checkpoints(reading)
        board = dashboard_view.dashboard(store, 2024, date(2024, 6, 30))
        assert board == orm_dashboard.dashboard(store, 2024, date(2024, 6, 30))
    finally:
        store.close()


def test_the_reader_may_not_write(demo_store):
    """The sqlite3 read path refuses a write: changes go through the services, never around them."""
    with demo_store.reading() as connection, pytest.raises(sqlite3.OperationalError, match="readonly"):
        connection.execute("DELETE FROM official")
