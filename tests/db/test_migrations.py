"""Migrations produce exactly the models' schema, and the engine sets the safety pragmas."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from db import migrate
from db.engine import make_engine
from db.models import Base


def test_migrations_produce_exactly_the_models_schema(tmp_path):
    """Upgrading an empty file to head leaves nothing for autogenerate to add, drop or alter."""
    engine = make_engine(tmp_path / "fresh.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_head_constant_matches_the_scripts():
    """db.migrate.HEAD (the fast start-up check) names the newest migration script."""
    assert migrate.HEAD == migrate.head_revision()


def test_database_is_at_head_after_upgrade(tmp_path):
    engine = make_engine(tmp_path / "fresh.sqlite3")
    assert migrate.needs_upgrade(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert not migrate.needs_upgrade(engine)
    engine.dispose()


def test_migrations_go_down_and_up_again(tmp_path):
    """Every migration can be undone, so a bad release can be rolled back."""
    from alembic import command

    engine = make_engine(tmp_path / "fresh.sqlite3")
    migrate.upgrade(engine)
    config = migrate._config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_every_connection_gets_the_safety_pragmas(tmp_path):
    """WAL journal, synchronous=FULL (2), foreign keys on."""
    engine = make_engine(tmp_path / "pragmas.sqlite3")
    with engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert (journal, synchronous, foreign_keys) == ("wal", 2, 1)


def test_failed_transaction_leaves_nothing_behind(tmp_path):
    """A transaction that raises is rolled back whole (BEGIN is real, not the sqlite3 module's guess)."""
    engine = make_engine(tmp_path / "atomic.sqlite3")
    migrate.upgrade(engine)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO official (full_name, gender, position, department, category, active) VALUES ('A', '', '', '', '', 1)")
            connection.exec_driver_sql("CREATE TABLE scratch (x)")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    with engine.connect() as connection:
        count = connection.exec_driver_sql("SELECT count(*) FROM official").scalar()
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE name='scratch'").fetchall()
    engine.dispose()
    assert count == 0 and tables == []


def test_text_that_is_not_utf8_reads_back_with_the_replacement_character(tmp_path):
    """A value whose bytes are not UTF-8 (a flipped bit) reads as U+FFFD through the engine; good text is unchanged."""
    import sqlite3

    database = tmp_path / "bytes.sqlite3"
    raw = sqlite3.connect(database)
    raw.execute("CREATE TABLE t (x TEXT)")
    raw.execute("INSERT INTO t VALUES (CAST(X'48E1BAA7FF6E' AS TEXT)), ('Hà Nội')")
    raw.commit()
    raw.close()
    engine = make_engine(database)
    with engine.connect() as connection:
        values = connection.exec_driver_sql("SELECT x FROM t ORDER BY rowid").scalars().all()
    engine.dispose()
    assert values == ["Hầ\ufffdn", "Hà Nội"]
