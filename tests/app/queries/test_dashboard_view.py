"""The dashboard and the checklist rows read on sqlite3 equal what the ORM reads, on the demo and on ten years of data."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from app.domain.clock import EARLY, ClockCheck
from app.domain.vietnamese import fold
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


def _same_progress(store) -> None:
    for year in _years(store):
        with store.reading() as connection:
            progress = checklist_view.year_progress(connection, year)
        rows = orm_checklist.year_checklist(store, year)
        assert [(p.occurrence_id, p.status, p.due, p.completed_on, p.area_title, p.lead, p.order_key) for p in progress] \
            == [(r.occurrence_id, r.status, r.due, r.completed_on, r.area_title, r.lead, r.order_key) for r in rows], year


def test_the_demo_progress_equals_the_orms_rows(demo_store):
    """The lean state/area/lead read of each demo year matches the ORM's rows, field by field and in order."""
    _same_progress(demo_store)


def test_the_ten_year_progress_equals_the_orms_rows(decade_store):
    """Ten years of the lean read match the ORM's rows."""
    _same_progress(decade_store)


def test_the_unfinished_rows_by_a_day_are_those_of_the_whole_year(decade_store):
    """The rows the dashboard lists, read alone, are the year's unfinished rows due by that day, equal and in order."""
    day = date(2024, 7, 30)
    with decade_store.reading() as connection:
        every = checklist_view.year_checklist(connection, 2024)
        listed = checklist_view.year_checklist(connection, 2024, unfinished_by=day)
    expected = [row for row in every if row.status in ("todo", "doing") and row.due is not None and row.due <= day]
    assert listed == expected and listed


def test_the_dashboard_folds_no_search_text(decade_store, monkeypatch):
    """Reading the dashboard computes no diacritic-free search text: only the checklist's search needs it."""
    folded = []
    monkeypatch.setattr(checklist_view, "fold", lambda text: folded.append(text) or text)
    today = date(2024, 6, 30)
    board = dashboard_view.dashboard(decade_store, 2024, today, ClockCheck(today))
    assert board.overdue and board.upcoming and folded == []
    assert board.overdue[0].search_key == board.overdue[0].search_key  # asked for, it is worked out then, once
    assert len(folded) == 1


def test_the_search_text_is_worked_out_once_on_first_use(demo_store):
    """A row's search text folds its title, area, lead, coordinators and product, the same on both paths."""
    with demo_store.reading() as connection:
        row = checklist_view.year_checklist(connection, 2024)[0]
    orm_row = orm_checklist.year_checklist(demo_store, 2024)[0]
    assert row.search_key == orm_row.search_key
    assert row.search_key == fold(" ".join((row.title, row.area_title, row.lead, row.coordinators, row.product)))
    assert row.search_key is row.search_key
