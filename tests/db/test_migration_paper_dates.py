"""Revision 0010 (paper_date, the district's names in the profile) upgrades, downgrades and upgrades again."""

from __future__ import annotations

import pytest
import sqlalchemy.exc

from db import migrate
from db.engine import make_engine

PROFILE = ("INSERT INTO commune_profile (id, commune_name, province, superior_authority, receiving_office, place_name, "
           "chairman_name, chairman_title, clerk_name, doc_suffix) VALUES (1, 'Hòa Bình Xuân', 'Quảng Ngãi', "
           "'{authority}', '{office}', '', '', '', '', 'UBND')")
INSERT_DATE = "INSERT INTO paper_date (kind, year, period, day) VALUES ('report', 2024, 'year', '2024-11-20')"


def _at_0008(tmp_path, authority: str, office: str):
    engine = make_engine(tmp_path / "at-0008.sqlite3")
    migrate.upgrade(engine, "0008")
    with engine.begin() as connection:
        connection.exec_driver_sql(PROFILE.format(authority=authority, office=office))
    return engine


def _profile(engine) -> tuple:
    with engine.begin() as connection:
        return connection.exec_driver_sql(
            "SELECT superior_authority, receiving_office, district_authority, district_office FROM commune_profile"
        ).one()


def test_a_district_typed_as_the_one_superior_becomes_the_districts_name(tmp_path):
    """Before 0010 a commune had one superior; a “huyện” there is the district, kept for papers before 01/07/2025."""
    engine = _at_0008(tmp_path, "Ủy ban nhân dân huyện Sơn Hà", "Phòng Nội vụ huyện Sơn Hà")
    migrate.upgrade(engine)
    assert _profile(engine) == ("Ủy ban nhân dân huyện Sơn Hà", "Phòng Nội vụ huyện Sơn Hà",
                                "Ủy ban nhân dân huyện Sơn Hà", "Phòng Nội vụ huyện Sơn Hà")
    engine.dispose()


def test_a_province_typed_as_the_one_superior_leaves_the_district_blank(tmp_path):
    """The province's names stay the province's; the district is left for the clerk to name."""
    engine = _at_0008(tmp_path, "Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi")
    migrate.upgrade(engine)
    assert _profile(engine)[2:] == ("", "")
    engine.dispose()


def test_round_trip_keeps_the_profile_and_one_date_per_paper(tmp_path):
    """Upgrade, downgrade to 0008 (the profile intact, no paper_date), upgrade again; one row per paper."""
    engine = _at_0008(tmp_path, "Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(INSERT_DATE)
    with pytest.raises(sqlalchemy.exc.IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(INSERT_DATE)
    _downgrade(engine, "0008")
    with engine.begin() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars().all()
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(commune_profile)")]
        names = connection.exec_driver_sql("SELECT commune_name, superior_authority FROM commune_profile").one()
    assert "paper_date" not in tables and "district_authority" not in columns
    assert names == ("Hòa Bình Xuân", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(INSERT_DATE)
    assert migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()


def _downgrade(engine, revision: str) -> None:
    """Alembic's downgrade in one transaction, as ``migrate.upgrade`` runs the other way (the app never downgrades)."""
    from alembic import command

    config = migrate._config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
