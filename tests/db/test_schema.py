"""A new database made from ``db/schema.sql`` is the one the migrations build, object for object."""

from __future__ import annotations

import sqlite3

import pytest

from db import migrate, schema
from db.engine import make_engine


def _objects(path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return sorted(schema.schema_rows(connection))
    finally:
        connection.close()


@pytest.fixture
def migrated(tmp_path):
    path = tmp_path / "migrated.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine)
    engine.dispose()
    return path


def test_the_snapshot_is_what_the_migrations_build(migrated):
    """schema.sql holds exactly what every migration builds from nothing (run ``python -m db.schema`` after a new one)."""
    assert schema.dump(migrated) == schema.SCHEMA_FILE.read_text(encoding="utf-8")


def test_a_database_made_from_the_snapshot_equals_a_migrated_one(migrated, tmp_path):
    """Tables, indexes and their SQL, the revision and the noted installs: as Alembic leaves them."""
    made = tmp_path / "made.sqlite3"
    schema.create(made, migrate.HEAD, 3)
    assert _objects(made) == _objects(migrated)
    connection = sqlite3.connect(made)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.HEAD,)]
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 3
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()
    engine = make_engine(made)
    try:
        assert migrate.current_revision(engine) == migrate.HEAD == migrate.head_revision()
    finally:
        engine.dispose()


def test_a_snapshot_that_fails_halfway_leaves_no_tables(tmp_path, monkeypatch):
    """A statement that fails mid-script rolls the whole creation back: no half schema is ever left."""
    broken = tmp_path / "schema.sql"
    broken.write_text(schema.SCHEMA_FILE.read_text(encoding="utf-8") + "CREATE TABLE official (id INTEGER);\n\n",
                      encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_FILE", broken)
    made = tmp_path / "made.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        schema.create(made, migrate.HEAD, 0)
    assert _objects(made) == []
