"""The demo loads whole or not at all: a load cut short leaves an empty folder that the next ``--demo`` fills."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.demo import STAGING, is_empty
from app.paths import DataFolder
from app.startup import open_store

REPO = Path(__file__).resolve().parents[2]


def row_counts(database: Path) -> dict[str, int]:
    connection = sqlite3.connect(str(database))
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    finally:
        connection.close()


def test_a_failure_while_loading_leaves_nothing_and_the_next_demo_loads_it_whole(folder, demo_template, demo_day,
                                                                                 monkeypatch):
    """A demo load that fails half-way writes nothing to the real database; a second ``--demo`` loads all of it."""
    import app.demo_dossier

    def broken(_store):
        raise RuntimeError("cut short")

    monkeypatch.setattr(app.demo_dossier, "load_demo_dossier", broken)
    with pytest.raises(RuntimeError):
        open_store(folder, demo=True)
    store, _report = open_store(folder)
    assert is_empty(store)
    store.close()
    monkeypatch.undo()
    store, report = open_store(folder, demo=True, demo_today=demo_day)  # the template's day: the same rows
    store.close()
    assert report.demo_loaded
    assert row_counts(folder.database) == row_counts(demo_template.database)
    assert not (folder.root / STAGING).exists()
    assert sorted(p.name for p in folder.evidence.rglob("*") if p.is_file()) == sorted(
        p.name for p in demo_template.evidence.rglob("*") if p.is_file()
    )


_CHILD = """
import sys
from pathlib import Path
from app.paths import DataFolder
from app.startup import open_store
store, _ = open_store(DataFolder(Path(sys.argv[1])), demo=True)
store.close()
"""


def test_a_demo_process_killed_mid_load_leaves_an_empty_folder(tmp_path, demo_template, demo_day):
    """kill -9 while the demo is being built: the data folder holds no half demo, and ``--demo`` then finishes it."""
    folder = DataFolder(tmp_path / "data")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder.root)], env=env)
    staging_db = folder.root / STAGING / "cchc-xa.sqlite3"
    deadline = time.monotonic() + 120
    while not _has_plans(staging_db) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    child.kill()  # SIGKILL; TerminateProcess on Windows
    child.wait()
    assert child.returncode != 0, "the child finished before it could be killed mid-load"
    store, _report = open_store(folder)
    assert is_empty(store)
    store.close()
    store, report = open_store(folder, demo=True, demo_today=demo_day)  # the template's day: the same rows
    store.close()
    assert report.demo_loaded
    assert row_counts(folder.database) == row_counts(demo_template.database)


def _has_plans(database: Path) -> bool:
    if not database.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1)
        try:
            return connection.execute("SELECT count(*) FROM plan").fetchone()[0] > 0
        finally:
            connection.close()
    except sqlite3.Error:
        return False
