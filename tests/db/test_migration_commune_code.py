"""Revision 0015 (commune_profile.commune_code) on a file from before it: the profile keeps its fields, the code
is empty (unknown), and going down drops the column."""

from __future__ import annotations

import sqlite3

from app.services.profile import get_profile
from app.store import Store
from db import migrate
from db.engine import make_engine
from tests.db.migration_steps import upgraded_from
from tests.db.test_migration_paper_dates import _downgrade


def _columns(engine) -> list[str]:
    with engine.begin() as connection:
        return [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(commune_profile)")]


def test_a_pre_0015_profile_upgrades_with_an_empty_code(tmp_path):
    """Upgraded from 0013 with a profile in it: its name stays and its code reads "" (not NULL)."""
    folder = upgraded_from(
        tmp_path / "data", "0013",
        "INSERT INTO commune_profile (id, commune_name, province, superior_authority, receiving_office, place_name, "
        "chairman_name, chairman_title, clerk_name, doc_suffix) VALUES "
        "(1, 'Hòa Bình Xuân', 'Quảng Ngãi', '', '', '', '', '', '', 'UBND')")
    with sqlite3.connect(folder.database) as connection:
        assert connection.execute("SELECT commune_name, commune_code FROM commune_profile").fetchall() == [
            ("Hòa Bình Xuân", "")]
    store = Store(folder)
    try:
        assert (get_profile(store).commune_name, get_profile(store).commune_code) == ("Hòa Bình Xuân", "")
    finally:
        store.close()


def test_downgrade_drops_the_column_and_upgrade_brings_it_back(tmp_path):
    """head → 0013 (no commune_code) → head (the column again)."""
    engine = make_engine(tmp_path / "round.sqlite3")
    migrate.upgrade(engine)
    _downgrade(engine, "0013")
    assert "commune_code" not in _columns(engine)
    migrate.upgrade(engine)
    assert "commune_code" in _columns(engine) and migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()
