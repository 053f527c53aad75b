"""The Edit menu's undo and redo, over the journal the data keeps (``app/services/undo.py``).

``QUndoStack`` gives the menu texts, the shortcuts and the enabled states; each command on it
is only a mirror of one journal step, and undoing or redoing it asks the data layer to do it.
The journal outlives the window, so the stack is refilled from it at start and after a restore.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window is built before the data (and SQLAlchemy) is loaded, its first paint before the rest
    from app.services.changes import Changes
    from app.store import Store

MIRRORED = 100  # steps mirrored at start: the journal keeps more, the menu needs only the recent ones


class JournalUndoStack(QUndoStack):
    """The window's one undo stack; pages call ``record(changes)`` after each action."""

    def __init__(self, store: "Store | None", notify: Callable[[Changes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.notify = store, notify
        self.mirroring = False

    def record(self, changes: Changes, origin: object = None) -> None:
        """An action was done: mirror its journal step and tell every page what changed.

        ``origin`` is the page that made it and already shows it: ``changes.touches(kind, page)`` is false there.
        """
        if changes.step:
            self.push(JournalStep(self, changes.step, changes.label))
        if changes:
            self.notify(replace(changes, origin=origin))

    def load(self) -> None:
        """Mirror the journal as it is in the data (at start, after a restore)."""
        from app.services import undo as journal

        done, undone = journal.history(self.store)
        self.mirroring = True
        try:
            self.clear()
            for step, label in done[-MIRRORED:] + undone:
                self.push(JournalStep(self, step, label))
            for _step in undone:
                self.undo()
        finally:
            self.mirroring = False


class JournalStep(QUndoCommand):
    def __init__(self, stack: JournalUndoStack, step: int, label: str) -> None:
        super().__init__(label)
        self.stack, self.step = stack, step
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed or self.stack.mirroring:
            self._pushed = True  # pushed after the action was done: nothing to do
            return
        self._move("redo")

    def undo(self) -> None:
        if self.stack.mirroring:
            return
        self._move("undo")

    def _move(self, direction: str) -> None:
        from app.services import undo as journal
        from ui.runner import attempt

        moved = attempt(self.stack.parent(), lambda: getattr(journal, direction)(self.stack.store, self.step))
        if not moved.ok:  # refused (shown): the step leaves the menu, the data stays as it is
            self.setObsolete(True)
            return
        self.stack.notify(moved.value)
