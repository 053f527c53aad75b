"""Every user action undoes and redoes through the data layer's journal, also after a restart.

One test over all actions (``tests/app/undo_cases``): on a copy of the demo, the action is done,
undone (every table back as it was), redone (every table as the action left it), and undone again
from a store opened afresh on the same file, as after closing and reopening the app.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from app.services import undo
from app.services.changes import Done
from app.store import Store
from tests.app.undo_cases import all_cases

SKIPPED_TABLES = {"journal_action", "journal_row", "alembic_version"}


def dump(database) -> dict[str, list[tuple]]:
    """Every row of every table but the journal's, in a comparable order."""
    with sqlite3.connect(database) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if name not in SKIPPED_TABLES and not name.startswith("sqlite_")]
        return {table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}


@pytest.fixture
def demo_store(demo_template, tmp_path):
    """A store on a private copy of the demo data."""
    from app.paths import DataFolder

    folder = DataFolder(tmp_path / "data")
    shutil.copytree(demo_template.root, folder.root)
    opened = Store(folder)
    yield opened
    opened.close()


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.name)
def test_action_undoes_and_redoes_through_the_journal(case, demo_store):
    """Undo puts every row back, redo makes it again, and undo still works in a new session."""
    database = demo_store.folder.database
    prepared = case.prepare(demo_store)
    before = dump(database)
    result = case.act(demo_store, prepared)
    changes = result.changes if isinstance(result, Done) else result
    assert changes and changes.step, f"{case.name}: the action reported no change"
    after = dump(database)
    assert after != before
    assert {table for table in after if after[table] != before[table]} == set(changes.rows)
    undo.undo(demo_store)
    assert dump(database) == before
    undo.redo(demo_store)
    assert dump(database) == after
    demo_store.close()
    reopened = Store(demo_store.folder)
    try:
        assert undo.next_steps(reopened)[0] == changes.label
        undo.undo(reopened)
        assert dump(database) == before
    finally:
        reopened.close()
