"""A new database in one step: the schema the migrations build at ``HEAD``, written through sqlite3.

The migrations stay the one truth for files that exist; ``schema.sql`` is what they build from nothing,
copied verbatim from ``sqlite_master``. A new data folder is then created without importing Alembic or
SQLAlchemy (issue 24: the first start shows its page as fast as any other). ``python -m db.schema``
writes the file again; ``tests/db/test_schema.py`` fails when it and the migrations differ.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

from db.engine import PRAGMAS

SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
_REVISION = re.compile(r"^[0-9a-z_]+$")


def schema_rows(connection: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """Every table, index, trigger and view a file defines (SQLite's own objects left out), tables first."""
    return connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid").fetchall()


def dump(database: Path) -> str:
    """The schema of ``database`` as a script, one statement per paragraph."""
    connection = sqlite3.connect(str(database))
    try:
        return "".join(f"{sql};\n\n" for _type, _name, _table, sql in schema_rows(connection))
    finally:
        connection.close()


def create(database: Path, revision: str, pending: int) -> None:
    """Create every table at ``revision`` in one transaction, ``pending`` installs noted in ``user_version``.

    A power cut leaves either no tables or all of them with their version: the script's own BEGIN…COMMIT.
    """
    if not _REVISION.match(revision):
        raise ValueError(f"not a revision: {revision!r}")
    script = SCHEMA_FILE.read_text(encoding="utf-8")
    connection = sqlite3.connect(str(database), isolation_level=None)
    try:
        for pragma in PRAGMAS:
            connection.execute(pragma)
        connection.executescript(
            f"BEGIN IMMEDIATE;\n{script}INSERT INTO alembic_version (version_num) VALUES ('{revision}');\n"
            f"PRAGMA user_version = {int(pending)};\nCOMMIT;")
    finally:
        connection.close()  # a script cut short by an error is rolled back here


def write_snapshot(target: Path = SCHEMA_FILE) -> None:
    """Run every migration on a new file and keep what they built (for a release that adds a migration)."""
    import tempfile

    from db.engine import make_engine
    from db.migrate import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "schema.sqlite3"
        engine = make_engine(database)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        target.write_text(dump(database), encoding="utf-8")


if __name__ == "__main__":
    write_snapshot(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_FILE)
