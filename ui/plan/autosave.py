"""Save-as-you-type for editor forms: a short pause, a focus change or a selection change saves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

PAUSE_MS = 700


class Autosave(QObject):
    """Calls ``save`` once the clerk pauses typing, or at once on ``flush()``.

    ``with autosave:`` marks a block that fills the form from saved data:
    changes made there are not edits and start no save.
    """

    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.flush)

    def changed(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def flush(self, *_args) -> None:
        self._timer.stop()
        if not self._loading:
            self._save()

    def __enter__(self) -> "Autosave":
        self._timer.stop()
        self._loading = True
        return self

    def __exit__(self, *_exc) -> None:
        self._loading = False


def text_box(name: str, lines: int, placeholder: str = "", fixed: bool = True) -> QPlainTextEdit:
    """A multi-line field sized for ``lines`` lines (fixed, or as a minimum); Tab moves on."""
    box = QPlainTextEdit(objectName=name, placeholderText=placeholder)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height) if fixed else box.setMinimumHeight(height)
    return box
