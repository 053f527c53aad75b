"""Revision 0009 (council_rule, council_threshold, written_vote) goes up and down on a real file, no row lost."""

from __future__ import annotations

import pytest
import sqlalchemy.exc
from alembic import command

from db import migrate
from db.engine import make_engine

ROWS = (
    "INSERT INTO dossier (year, campaign, form_version, letter_number, addressee, summary) "
    "VALUES (2024, 'Phong trào thi đua', 'nd98-m08', '', '', '')",
    "INSERT INTO nomination (dossier_id, position, subject_kind, subject_id, award_key, excellent, justification, "
    "note, report_identity, report_duties, report_achievements) "
    "VALUES (1, 1, 'official', 1, 'cstdcs', 0, '', '', '', '', '')",
    "INSERT INTO council_member (year, position, full_name, title, role) "
    "VALUES (2024, 1, 'Ngô Văn Toàn', 'Chỉ huy trưởng', 'Ủy viên')",
)
NEW_TABLES = {"council_rule", "council_threshold", "written_vote"}


def _tables(connection) -> set[str]:
    return set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())


def _downgrade(engine, revision: str) -> None:
    config = migrate._config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_round_trip_keeps_the_dossier_and_the_new_tables_work(tmp_path):
    """0008 with a dossier → 0009 (a written vote, a year's rules) → 0008 (tables gone, dossier kept) → 0009."""
    engine = make_engine(tmp_path / "round-trip.sqlite3")
    migrate.upgrade(engine, "0008")
    with engine.begin() as connection:
        for statement in ROWS:
            connection.exec_driver_sql(statement)
    migrate.upgrade(engine, "0009")
    assert migrate.current_revision(engine) == "0009"
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO written_vote (nomination_id, member_id, agrees) VALUES (1, 1, 1)")
        connection.exec_driver_sql("INSERT INTO council_rule (year, quorum_numerator, quorum_denominator) "
                                   "VALUES (2024, 3, 4)")
        connection.exec_driver_sql("INSERT INTO council_threshold (year, award_key, percent, base, strictly_more, "
                                   "secret_ballot) VALUES (2024, 'ldtt', '60', 'present', 0, 0)")
    _downgrade(engine, "0008")
    with engine.begin() as connection:
        assert not NEW_TABLES & _tables(connection)
        assert connection.exec_driver_sql("SELECT campaign FROM dossier").scalars().all() == ["Phong trào thi đua"]
    migrate.upgrade(engine)
    with engine.begin() as connection:
        assert NEW_TABLES <= _tables(connection)
        assert connection.exec_driver_sql("SELECT count(*) FROM written_vote").scalar() == 0
    engine.dispose()


def test_a_written_vote_goes_with_its_nomination_and_is_one_per_member(tmp_path):
    """ON DELETE CASCADE from the nomination; a second vote of the same member on the same nominee is refused."""
    engine = make_engine(tmp_path / "cascade.sqlite3")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        for statement in ROWS:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("INSERT INTO written_vote (nomination_id, member_id, agrees) VALUES (1, 1, 1)")
    with pytest.raises(sqlalchemy.exc.IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO written_vote (nomination_id, member_id, agrees) VALUES (1, 1, 0)")
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM nomination")
        assert connection.exec_driver_sql("SELECT count(*) FROM written_vote").scalar() == 0
    engine.dispose()
