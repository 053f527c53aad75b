"""What a database file is, read through the plain sqlite3 module: whole, readable, whose, which version.

``PRAGMA integrity_check`` alone called every failure "damaged": a file locked
by another program or sitting in a read-only folder was offered a restore over
intact data. ``check_file`` says which failure it is, by SQLite's error code.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

OK, BUSY, READ_ONLY, DISK_FULL, CANT_OPEN, DAMAGED = "ok", "busy", "read-only", "disk-full", "cant-open", "damaged"
# SQLite's primary result codes (https://sqlite.org/rescode.html) and what they mean for the clerk.
_BY_CODE = {5: BUSY, 6: BUSY, 8: READ_ONLY, 13: DISK_FULL, 14: CANT_OPEN, 11: DAMAGED, 26: DAMAGED}
# Python before 3.11 gives no error code: the messages SQLite writes for the same codes.
_BY_TEXT = (("locked", BUSY), ("readonly", READ_ONLY), ("disk is full", DISK_FULL), ("unable to open", CANT_OPEN))
# Tables every CCHC Xã database has had since its first release (0001).
CORE_TABLES = frozenset({"alembic_version", "commune_profile", "official"})
# A file "holds data" when any of these has a row: a new install has none of them.
CHECK_TIMEOUT = 3.0  # seconds to wait for a lock held by another program before calling the file busy


@dataclass(frozen=True)
class Verdict:
    kind: str  # OK, BUSY, READ_ONLY, DISK_FULL, CANT_OPEN or DAMAGED
    problems: tuple[str, ...] = ()


def classify(error: sqlite3.Error) -> str:
    """Which failure an sqlite3 error is; anything unrecognised counts as DAMAGED."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    text = str(error).lower()
    return next((kind for words, kind in _BY_TEXT if words in text), DAMAGED)


def check_file(path: Path, timeout: float | None = None) -> Verdict:
    """Run ``PRAGMA integrity_check`` on an existing file and say what kind of failure it met."""
    try:
        connection = sqlite3.connect(str(path), timeout=CHECK_TIMEOUT if timeout is None else timeout)
        connection.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return Verdict(classify(error), (str(error),))
    except UnicodeDecodeError as error:
        # SQLite quoted damaged bytes (a schema or a value) that are not UTF-8: the file is damaged either way.
        return Verdict(DAMAGED, (f"nội dung hỏng, không đọc được ({error.reason})",))
    problems = tuple(row[0] for row in rows if row[0] != "ok")
    return Verdict(DAMAGED if problems else OK, problems)


def integrity_problems(path: Path) -> list[str]:
    """The problems SQLite finds in ``path``; an empty list means the file is whole.

    A file that is not a database at all, or cannot be read, is one problem;
    a missing file is one too (connecting would create it).
    """
    if not path.exists():
        return [f"{path.name}: không có tệp"]
    return list(check_file(path).problems)


def is_intact(path: Path) -> bool:
    return path.exists() and not integrity_problems(path)


def _read(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=CHECK_TIMEOUT)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def table_names(path: Path) -> set[str]:
    return {row[0] for row in _read(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def schema_revision(path: Path) -> str | None:
    """The Alembic revision written in the file (None before the first migration)."""
    if "alembic_version" not in table_names(path):
        return None
    rows = _read(path, "SELECT version_num FROM alembic_version")
    return rows[0][0] if rows else None


def commune_name(path: Path) -> str:
    """The commune's name in a CCHC Xã file ("" when not set)."""
    rows = _read(path, "SELECT commune_name FROM commune_profile ORDER BY id LIMIT 1")
    return (rows[0][0] or "").strip() if rows else ""
