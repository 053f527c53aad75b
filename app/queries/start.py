"""The start path's reads on the standard library's ``sqlite3``: no SQLAlchemy, no models, no Alembic.

Issue 24: importing SQLAlchemy, the ORM, the 33 models and configuring the mappers cost ≈ 450 ms before
one row was read, five times a bare window's start. Checking a folder (schema version, pending installs)
and showing the first page need none of it: they read here, and the ORM loads on the first write, a
migration, or a page that needs it (``Store.engine`` is built on first use).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.engine import PRAGMAS, decode_text


def open_reader(database: Path) -> sqlite3.Connection:
    """A connection that may only read (``query_only``), with the same pragmas as the ORM's engine."""
    connection = sqlite3.connect(str(database), isolation_level=None)
    connection.text_factory = decode_text
    for pragma in PRAGMAS:
        connection.execute(pragma)
    connection.execute("PRAGMA query_only=ON")  # a bug that writes here fails instead of bypassing the services
    return connection


@contextmanager
def snapshot(database: Path) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same committed state, whatever a writer does meanwhile."""
    connection = open_reader(database)
    try:
        connection.execute("BEGIN")
        yield connection
    finally:
        connection.close()  # ends the read transaction; nothing was written


@dataclass(frozen=True)
class SchemaState:
    revision: str | None  # the Alembic revision written in the file; None: no schema yet
    pending: int  # the installs still to do (``app/builtin_data.py``'s bits in ``user_version``)


def schema_state(connection: sqlite3.Connection) -> SchemaState:
    """Which schema the file holds and what shipped data is still to install, in two queries."""
    has_version = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
    pending = connection.execute("PRAGMA user_version").fetchone()[0]
    return SchemaState(row[0] if row else None, int(pending or 0))


def read_schema_state(database: Path) -> SchemaState:
    with snapshot(database) as connection:
        return schema_state(connection)


PROFILE_ID = 1  # the one profile row, as ``app/services/profile.py`` keeps it


def commune_name(connection: sqlite3.Connection) -> str:
    """The commune's name as ``get_profile`` reads it ("" when there is no profile yet)."""
    row = connection.execute("SELECT commune_name FROM commune_profile WHERE id = ?", (PROFILE_ID,)).fetchone()
    return row[0] if row else ""


def commune_of(store) -> str:
    """The commune's name for the window's title, read on sqlite3 (``store``: an ``app.store.Store``)."""
    with store.reading() as connection:
        return commune_name(connection)


def as_date(value: str | None) -> date | None:
    """A date column as SQLAlchemy's ``Date`` reads it: ISO text to ``date`` (None stays None)."""
    return date.fromisoformat(value) if value else None
