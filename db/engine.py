"""One SQLAlchemy engine per data folder, with the pragmas that keep data safe.

WAL lets the window read while a write is in flight; ``synchronous=FULL``
makes every committed transaction survive a power cut; foreign keys are off
by default in SQLite and must be switched on for every connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def decode_text(raw: bytes) -> str:
    """A stored text as str; bytes that are not UTF-8 (a flipped bit that ``integrity_check`` cannot see)
    become U+FFFD, so the page shows the text with a mark where it is damaged instead of failing."""
    return raw.decode("utf-8", errors="replace")


def _apply_pragmas(dbapi_connection, _record) -> None:
    # Take transaction control from the sqlite3 module, which otherwise commits
    # silently before DDL; SQLAlchemy then emits BEGIN itself (see _begin).
    dbapi_connection.isolation_level = None
    dbapi_connection.text_factory = decode_text
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def set_foreign_keys(connection, enabled: bool) -> None:
    """Switch foreign keys on a connection that is not inside a transaction (SQLite ignores it there)."""
    raw = connection.connection.dbapi_connection
    raw.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")


def make_engine(database: Path) -> Engine:
    """An engine on ``database`` (created if missing) with the safety pragmas on every connection."""
    # Imported here: the start path reads through sqlite3 and imports SQLAlchemy only when it writes (issue 24).
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    engine = create_engine(URL.create("sqlite", database=str(database)))
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine
