"""What the main window asks of a page: the page contract, declared once instead of ``hasattr``."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from app.services.changes import Changes


class Page(QWidget):
    """A page of the main window, built with ``(store, undo_stack, notify)`` on its first visit.

    ``refresh`` reloads what a change touched (never for the page's own edit: ``changes.touches(kind, self)``);
    ``flush_edits`` saves typing a pause has not saved yet (every exit path calls it);
    ``task_opener`` is the signal of a page whose rows open a task in the checklist, None elsewhere.
    """

    def refresh(self, changes: Changes) -> None:
        raise NotImplementedError

    def flush_edits(self) -> None:
        """Nothing held back by default: most pages save each edit as it is made."""

    def task_opener(self) -> SignalInstance | None:
        return None
