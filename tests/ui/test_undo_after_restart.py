"""Sửa → Hoàn tác still knows the last action after the app was closed and reopened."""

from __future__ import annotations

from app.services.officials import OfficialData, add_official, list_officials
from app.store import Store

from .conftest import open_window


def _window(qtbot, store):
    return open_window(qtbot, store)


def _edit_action(window, starts):
    edit = window.menuBar().actions()[1].menu()
    return next(action for action in edit.actions() if action.text().replace("&", "").startswith(starts))


def test_undo_and_redo_survive_closing_the_window(qtbot, store):
    """An action taken before a restart is undone from the reopened window's menu, and redone."""
    changes = add_official(store, OfficialData("Lê Thị Mai")).changes
    first = _window(qtbot, store)
    first.undo_stack.record(changes)
    first.close()
    store.close()

    reopened = Store(store.folder)
    try:
        window = _window(qtbot, reopened)
        undo = _edit_action(window, "Hoàn tác")
        assert undo.isEnabled() and undo.text().replace("&", "") == "Hoàn tác Thêm Lê Thị Mai"
        undo.trigger()
        assert list_officials(reopened) == []
        redo = _edit_action(window, "Làm lại")
        assert redo.text().replace("&", "") == "Làm lại Thêm Lê Thị Mai"
        redo.trigger()
        assert [o.full_name for o in list_officials(reopened)] == ["Lê Thị Mai"]
        window.close()
    finally:
        reopened.close()


def test_the_demo_brings_no_undo_steps(qtbot, demo_store):
    """The demo arrives whole: there is nothing of it to undo."""
    window = _window(qtbot, demo_store)
    assert not _edit_action(window, "Hoàn tác").isEnabled()


def test_a_refused_undo_is_said_and_changes_nothing(qtbot, store, errors_shown):
    """Ctrl+Z on a row changed outside the journal says why in Vietnamese and leaves the data as it is."""
    import sqlite3
    from contextlib import closing

    added = add_official(store, OfficialData("Lê Thị Mai")).value
    window = _window(qtbot, store)
    with closing(sqlite3.connect(store.folder.database)) as conn, conn:
        conn.execute("UPDATE official SET full_name = 'Lê Thị Mai Anh' WHERE id = ?", (added.id,))
    _edit_action(window, "Hoàn tác").trigger()
    assert errors_shown and errors_shown[0].startswith("Không hoàn tác được “Thêm Lê Thị Mai”")
    assert [o.full_name for o in list_officials(store)] == ["Lê Thị Mai Anh"]
    assert not _edit_action(window, "Hoàn tác").isEnabled()
    window.close()
