"""Every editable field of every page and dialog keeps what was typed, whichever way the clerk leaves.

The fields are found by walking the widget tree (``tests/ui/field_walk.py``), so a field added
later is covered without a new test; only fields marked ``transient`` (search boxes, year
pickers) are left out, by that property.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.store import Store
from tests.ui.field_walk import press_quit, type_into, value_of, walk
from ui.main_window import PAGES, MainWindow

PAGE_EXITS = ("quit_shortcut", "close_button", "session_ends", "page_switch")


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _type_everywhere(root) -> dict:
    """Types a unique marker into every field of ``root``; what each field should hold afterwards."""
    expected = {}

    def act(key, field):
        expected[key] = type_into(field, f"Mk{len(expected):02d}đã gõ")

    walk(root, act)
    return expected


def _found(root, expected: dict) -> dict:
    seen = {}
    walk(root, lambda key, field: seen.__setitem__(key, value_of(field)) if key in expected else None)
    return {key: seen.get(key, "<không thấy ô>") for key in expected}


def _leave(window: MainWindow, row: int, how: str, qtbot) -> None:
    if how == "quit_shortcut":
        press_quit(window)
        qtbot.waitUntil(lambda: not window.isVisible())
    elif how == "close_button":
        window.close()
    elif how == "session_ends":
        QApplication.instance().commitDataRequest.emit(None)
    else:
        window.nav.setCurrentRow(0 if row else 1)


def _reopened(qtbot, folder):
    store = Store(folder)
    return store, _window(qtbot, store)


@pytest.mark.parametrize("how", PAGE_EXITS)
@pytest.mark.parametrize("row", range(len(PAGES)), ids=[entry.module.rsplit(".", 1)[1] for entry in PAGES])
def test_every_page_field_survives_each_exit(qtbot, demo_store, errors_shown, row, how):
    """Text typed into every field of a page is found again in the same field after leaving that way."""
    window = _window(qtbot, demo_store)
    window.nav.setCurrentRow(row)
    expected = _type_everywhere(window.page_at(row))
    _leave(window, row, how, qtbot)
    store, fresh = _reopened(qtbot, demo_store.folder)
    try:
        fresh.nav.setCurrentRow(row)
        assert _found(fresh.page_at(row), expected) == expected
        assert errors_shown == []
    finally:
        fresh.close()
        store.close()
