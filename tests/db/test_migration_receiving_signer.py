"""Revision 0016 (receiving_office.signer) on a receiving file from before it: the office keeps its name and
province, its signer reads "" (the paper leaves the line to write in), and going down drops the column."""

from __future__ import annotations

import sqlite3

from app.receiving import queries
from app.store import Store
from db.engine import make_engine
from tests.db.migration_steps import upgraded_from
from tests.db.test_migration_paper_dates import _downgrade


def test_a_pre_0016_office_upgrades_without_a_signer(tmp_path):
    folder = upgraded_from(tmp_path / "data", "0015",
                           "INSERT INTO receiving_office (id, name, province) VALUES (1, 'Sở Nội vụ tỉnh Gia Lai', 'Gia Lai')")
    with sqlite3.connect(folder.database) as connection:
        assert connection.execute("SELECT name, province, signer FROM receiving_office").fetchall() == [
            ("Sở Nội vụ tỉnh Gia Lai", "Gia Lai", "")]
    store = Store(folder)
    try:
        assert queries.receiving_office(store) == ("Sở Nội vụ tỉnh Gia Lai", "Gia Lai")
        assert queries.receiving_signer(store) == ""
    finally:
        store.close()
    engine = make_engine(folder.database)
    try:
        _downgrade(engine, "0015")
        with engine.begin() as connection:
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(receiving_office)")]
        assert "signer" not in columns and "province" in columns
    finally:
        engine.dispose()
