"""The demo commune opens with nothing to undo: building it is not the clerk's action."""

from __future__ import annotations

from app.services import undo


def test_the_demo_opens_with_an_empty_journal(demo_store):
    """Sửa → Hoàn tác has nothing to offer on a fresh demo (its dossier was built through journaled services)."""
    assert undo.next_steps(demo_store) == (None, None)
    assert undo.history(demo_store) == ([], [])
