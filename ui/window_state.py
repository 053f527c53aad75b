"""Window geometry only, in an INI file in the data folder (never the registry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow


def _settings(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def restore_window(window: QMainWindow, path: Path) -> int:
    """Put the window back where the clerk left it; returns the page index that was open."""
    settings = _settings(path)
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1100, 720)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    return int(settings.value("window/page", 0))


def save_window(window: QMainWindow, path: Path, page: int) -> None:
    settings = _settings(path)
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/page", page)
    settings.sync()
