"""Alembic, driven from code: the scripts ship inside the package and are found at run time.

A frozen bundle has no ``alembic.ini``; the script location is set here from
this file's folder, which PyInstaller keeps (see ``installer.spec``).
Alembic and SQLAlchemy are imported only when a migration must run: checking that a
database is current is one sqlite3 query against ``HEAD`` (``app/queries/start.py``),
which keeps start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db.engine import set_foreign_keys

if TYPE_CHECKING:
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest revision in migrations/versions; tests/db/test_migrations.py keeps it true.
HEAD = "0016"


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head as Alembic reads it from the scripts (slow: for tests and checks)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known_revision(revision: str) -> bool:
    """False for a revision written by a newer release of the app than this one."""
    if revision == HEAD:
        return True
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != HEAD


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction, foreign keys off while tables are rebuilt."""
    from alembic import command

    config = _config()
    with engine.connect() as connection:
        set_foreign_keys(connection, False)
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left broken references: {broken[:5]}")
        set_foreign_keys(connection, True)
