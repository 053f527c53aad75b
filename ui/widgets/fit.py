"""A window's size on the clerk's screen: what it asks for, never more than the screen gives.

Offices run 1366×768 and smaller; a dialog larger than the screen hides its
buttons. The minimum size is capped too (a layout may still squeeze).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_MARGIN = 40  # room for the window frame and the task bar


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    most_wide, most_high = max(320, room.width() - _MARGIN), max(240, room.height() - _MARGIN)
    minimum = window.minimumSize()
    window.setMinimumSize(min(minimum.width(), most_wide), min(minimum.height(), most_high))
    window.resize(min(width, most_wide), min(height, most_high))
