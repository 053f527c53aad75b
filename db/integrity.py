"""Is a database file whole? ``PRAGMA integrity_check`` through the plain sqlite3 module."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def integrity_problems(path: Path) -> list[str]:
    """The problems SQLite finds in ``path``; an empty list means the file is whole.

    A file that is not a database at all, or cannot be read, is one problem.
    """
    try:
        connection = sqlite3.connect(str(path))
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    problems = [row[0] for row in rows if row[0] != "ok"]
    return problems


def is_intact(path: Path) -> bool:
    return path.exists() and not integrity_problems(path)
