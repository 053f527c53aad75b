"""UI fixtures: the main window on a real data folder, Vietnamese Qt strings installed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.application import make_application


@pytest.fixture(autouse=True)
def vietnamese_qt(qapp):
    make_application()


@pytest.fixture
def no_modal_boxes(monkeypatch):
    """Record information boxes instead of blocking on them; returns the list of (title, text)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a, **k: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def errors_shown(monkeypatch):
    """Record the errors the one error dialog would show, instead of blocking on them."""
    shown = []
    import ui.dialogs.error_dialog as error_dialog

    monkeypatch.setattr(error_dialog.QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def type_text(widget, text: str) -> None:
    """Type any text, Vietnamese included, as key events (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def open_window(qtbot, store):
    """The main window on ``store``, shown and attached, as the application opens it."""
    from ui.main_window import MainWindow

    window = MainWindow(store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(store)
    return window
