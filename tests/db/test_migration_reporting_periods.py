"""Revision 0013 (reporting_period) on a file from before it: the table arrives empty and the reports follow the defaults."""

from __future__ import annotations

import sqlite3
from datetime import date

from app.services.reporting_periods import report_window
from app.store import Store
from db import migrate
from db.engine import make_engine
from tests.db.migration_steps import upgraded_from
from tests.db.test_migration_paper_dates import INSERT_DATE, _downgrade

INSERT_PERIOD = ("INSERT INTO reporting_period (valid_from, key, label, start_month, start_day, start_previous_year, "
                 "end_month, end_day, deadline_month, deadline_day, source) "
                 "VALUES ('2025-01-01', 'h1', '6 tháng', 12, 15, 1, 6, 14, 6, 18, '')")


def test_a_pre_0013_file_upgrades_and_its_reports_follow_the_shipped_periods(tmp_path):
    """Upgraded from 0010 with a paper date in it: the date stays, reporting_period is empty, 2026's h1 ends 14/06."""
    folder = upgraded_from(tmp_path / "data", "0010", INSERT_DATE)
    with sqlite3.connect(folder.database) as connection:
        assert connection.execute("SELECT count(*) FROM reporting_period").fetchone() == (0,)
        assert connection.execute("SELECT day FROM paper_date").fetchall() == [("2024-11-20",)]
    store = Store(folder)
    try:
        window = report_window(store, 2026, "h1")
        assert (window.start, window.end, window.deadline) == (date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 16))
    finally:
        store.close()


def test_downgrade_drops_the_table_and_upgrade_brings_it_back(tmp_path):
    """0013 → 0010 (no reporting_period) → head (the table again, a row can be written)."""
    engine = make_engine(tmp_path / "round.sqlite3")
    migrate.upgrade(engine)
    _downgrade(engine, "0010")
    with engine.begin() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars().all()
    assert "reporting_period" not in tables
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(INSERT_PERIOD)
    assert migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()
