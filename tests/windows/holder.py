"""A second, real process that holds a file (or a SQLite database) open until told to let go."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLD_FILE = "import sys; f = open(sys.argv[1], 'rb'); print('ready', flush=True); sys.stdin.read()"
# A reader inside a transaction keeps the database and its -wal/-shm files open, as a second
# CCHC Xã window would.
_HOLD_DATABASE = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN');"
    " c.execute('SELECT count(*) FROM sqlite_master').fetchall(); print('ready', flush=True); sys.stdin.read()"
)


@contextmanager
def held_open(path: Path, database: bool = False) -> Iterator[None]:
    """Keep ``path`` open in another process for the duration of the ``with`` block."""
    process = subprocess.Popen([sys.executable, "-c", _HOLD_DATABASE if database else _HOLD_FILE, str(path)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "ready"
        yield
    finally:
        process.stdin.close()
        process.wait(timeout=60)
