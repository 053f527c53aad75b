"""Revision 0011 on a copy of the demo built before it (tests/fixtures/demo-at-0010.sqlite3.gz, made on main)."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

import pytest

from app.paths import DataFolder
from app.services.profile import get_profile
from app.startup import open_store
from db import migrate
from db.engine import make_engine

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "demo-at-0010.sqlite3.gz"


@pytest.fixture
def old_demo(tmp_path) -> Path:
    path = tmp_path / "old-demo.sqlite3"
    with gzip.open(FIXTURE, "rb") as packed, path.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    return path


def _rows(engine, sql: str) -> list[tuple]:
    with engine.begin() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_the_superior_history_is_seeded_from_the_profile_with_the_laws_dates(old_demo):
    """The district until 30/06/2025 and the province from 01/07/2025, with the profile's names."""
    engine = make_engine(old_demo)
    assert migrate.current_revision(engine) == "0010"
    migrate.upgrade(engine)
    assert _rows(engine, "SELECT valid_from, valid_to, level, authority, office FROM superior_period ORDER BY position") == [
        (None, "2025-06-30", "district", "Ủy ban nhân dân huyện Bình Xuân", "Phòng Nội vụ huyện Bình Xuân"),
        ("2025-07-01", None, "province", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi"),
    ]
    engine.dispose()


def test_every_row_survives_and_the_new_columns_start_empty(old_demo):
    """Tasks, officials and collectives keep their rows and leads; no office, a commune (xã)."""
    engine = make_engine(old_demo)
    before = _rows(engine, "SELECT id, title, lead_official_id, lead_text FROM plan_task ORDER BY id")
    officials = _rows(engine, "SELECT id, full_name FROM official ORDER BY id")
    migrate.upgrade(engine)
    assert _rows(engine, "SELECT id, title, lead_official_id, lead_text FROM plan_task ORDER BY id") == before
    assert _rows(engine, "SELECT count(*) FROM plan_task WHERE lead_office_id IS NOT NULL") == [(0,)]
    assert _rows(engine, "SELECT id, full_name FROM official ORDER BY id") == officials
    assert _rows(engine, "SELECT count(*) FROM collective WHERE kind IS NOT NULL") == [(0,)]
    assert _rows(engine, "SELECT unit_kind, drafting_office_id FROM commune_profile") == [("xa", None)]
    assert _rows(engine, "PRAGMA foreign_key_check") == []
    engine.dispose()


def test_the_migrated_demo_addresses_papers_by_their_date(old_demo, tmp_path):
    """Opened by the app (backup, migrate): a 2024 paper goes to the district, a 2026 one to the province."""
    folder = DataFolder(tmp_path / "data")
    folder.create()
    shutil.copyfile(old_demo, folder.database)
    store, _report = open_store(folder)
    try:
        profile = get_profile(store)
        assert profile.addressed_on(date(2024, 12, 5)).receiving_office == "Phòng Nội vụ huyện Bình Xuân"
        assert profile.addressed_on(date(2026, 12, 5)).receiving_office == "Sở Nội vụ tỉnh Quảng Ngãi"
    finally:
        store.close()
