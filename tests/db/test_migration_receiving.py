"""Revision 0014 (the receiving side) on a file from before it: the commune's data stays, three empty tables arrive."""

from __future__ import annotations

import sqlite3

from app.receiving import queries
from app.store import Store
from db import migrate
from db.engine import make_engine
from tests.db.migration_steps import upgraded_from
from tests.db.test_migration_paper_dates import _downgrade
from tests.db.test_migration_reporting_periods import INSERT_PERIOD

RECEIVING = {"received_package", "province_appraisal", "receiving_office"}


def _tables(engine) -> set[str]:
    with engine.begin() as connection:
        return set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())


def test_a_pre_0014_file_upgrades_with_its_data_and_empty_receiving_tables(tmp_path):
    """Upgraded from 0013 with a reporting period in it: the row stays, nothing is received, the office defaults."""
    folder = upgraded_from(tmp_path / "data", "0013", INSERT_PERIOD)
    with sqlite3.connect(folder.database) as connection:
        assert connection.execute("SELECT count(*) FROM reporting_period").fetchone() == (1,)
    store = Store(folder)
    try:
        assert queries.received(store) == () and queries.years(store) == ()
        assert queries.receiving_office(store) == ("Sở Nội vụ", "")
    finally:
        store.close()


def test_downgrade_drops_the_receiving_tables_and_upgrade_brings_them_back(tmp_path):
    """Head → 0013 (no receiving tables) → head (all three again)."""
    engine = make_engine(tmp_path / "round.sqlite3")
    migrate.upgrade(engine)
    _downgrade(engine, "0013")
    assert not RECEIVING & _tables(engine)
    migrate.upgrade(engine)
    assert RECEIVING <= _tables(engine) and migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()
