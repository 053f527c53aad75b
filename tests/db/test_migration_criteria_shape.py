"""Revision 0012 (bonus/penalty nodes, "Không áp dụng", declared and appraised scores) on a pre-0012 database."""

from __future__ import annotations

from db import migrate
from db.engine import make_engine
from tests.db.test_migration_paper_dates import _downgrade

ROWS = (
    "INSERT INTO criteria_set (id, kind, name, year, issuer, decision, note, added_at) "
    "VALUES (1, 'par', 'Bộ của tỉnh', 2024, '', '', '', '2024-01-02 08:00:00')",
    "INSERT INTO criterion (id, set_id, position, code, parent_code, level, name, max_points, rule_kind, rule_levels, "
    "evidence, source, subject) VALUES (1, 1, 0, '1', '', 'field', 'Chỉ đạo, điều hành', '2', 'manual', '', '', '', '')",
    "INSERT INTO assessment (id, year, kind, set_id) VALUES (1, 2024, 'par', 1)",
    "INSERT INTO score_entry (id, assessment_id, criterion_id, points, basis, comment) "
    "VALUES (1, 1, 1, '1.5', 'manual', 'Đã có kế hoạch')",
)


def _at_0010(tmp_path):
    engine = make_engine(tmp_path / "at-0010.sqlite3")
    migrate.upgrade(engine, "0010")
    with engine.begin() as connection:
        for statement in ROWS:
            connection.exec_driver_sql(statement)
    return engine


def _query(engine, sql: str):
    with engine.begin() as connection:
        return connection.exec_driver_sql(sql).one()


def test_old_sets_and_scores_keep_their_meaning(tmp_path):
    """After 0012 an old set scales N/A, its node is ordinary and N/A-able, its score applicable, unappraised."""
    engine = _at_0010(tmp_path)
    migrate.upgrade(engine)
    assert _query(engine, "SELECT na_rule FROM criteria_set") == ("scale",)
    assert _query(engine, "SELECT node_kind, na_allowed FROM criterion") == ("", 1)
    assert _query(engine, "SELECT points, comment, not_applicable, declared, appraised_points, appraisal_note "
                          "FROM score_entry") == ("1.5", "Đã có kế hoạch", 0, "", None, "")
    engine.dispose()


def test_round_trip_keeps_the_scores(tmp_path):
    """Upgrade, downgrade to 0010 (the new columns gone, the score intact), upgrade again."""
    engine = _at_0010(tmp_path)
    migrate.upgrade(engine)
    _downgrade(engine, "0010")
    with engine.begin() as connection:
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(score_entry)")]
    assert "declared" not in columns and _query(engine, "SELECT points FROM score_entry") == ("1.5",)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.HEAD
    engine.dispose()


def test_an_upgrade_from_before_0012_installs_the_shaped_example_only(tmp_path):
    """brought_by("0010") asks for the shaped example set, not the old sets again (a deleted one stays deleted)."""
    from app import builtin_data

    flags = builtin_data.brought_by("0010")
    assert flags == builtin_data.SHAPED_SETS
