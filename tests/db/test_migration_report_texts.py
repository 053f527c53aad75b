"""Revision 0006 (report_text) upgrades every older database without losing a row."""

from __future__ import annotations

import pytest

from db import migrate
from db.engine import make_engine

OFFICIAL = ("INSERT INTO official (full_name, gender, position, department, category, active) "
            "VALUES ('Nguyễn Thị Lan', 'Nữ', 'Công chức', 'Văn phòng', '', 1)")


@pytest.mark.parametrize("revision", ["0001", "0002", "0003", "0004", "0005"])
def test_upgrade_from_an_older_revision_keeps_the_data(tmp_path, revision):
    """A database left at ``revision`` with an official in it reaches 0006 with the official and a usable report_text."""
    engine = make_engine(tmp_path / f"at-{revision}.sqlite3")
    migrate.upgrade(engine, revision)
    with engine.begin() as connection:
        connection.exec_driver_sql(OFFICIAL)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        names = connection.exec_driver_sql("SELECT full_name FROM official").scalars().all()
        connection.exec_driver_sql("INSERT INTO report_text (year, period, section, text) "
                                   "VALUES (2024, 'h1', 'results', 'Đã sửa')")
        texts = connection.exec_driver_sql("SELECT text FROM report_text").scalars().all()
    assert migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()
    assert names == ["Nguyễn Thị Lan"] and texts == ["Đã sửa"]


def test_one_text_per_year_period_and_section(tmp_path):
    """The table refuses a second row for the same section of the same report."""
    import sqlalchemy.exc

    engine = make_engine(tmp_path / "unique.sqlite3")
    migrate.upgrade(engine)
    insert = "INSERT INTO report_text (year, period, section, text) VALUES (2024, 'h1', 'results', 'x')"
    with engine.begin() as connection:
        connection.exec_driver_sql(insert)
    with pytest.raises(sqlalchemy.exc.IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(insert)
    engine.dispose()
