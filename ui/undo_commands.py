"""Undo steps for edits made through services (QUndoStack).

Each edit is made by its page first (so a refused edit never enters the
stack); the command pushed afterwards knows how to undo and redo it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.errors import UserError
from app.services.changes import Changes
from app.store import Store
from ui.dialogs.error_dialog import show_error

Notify = Callable[[Changes], None]


def short(text: str, length: int = 40) -> str:
    """A title cut for an undo label ("Hoàn tác Cập nhật trạng thái “…”"), with "…" where it was cut."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


class DoneCommand(QUndoCommand):
    """A step already carried out when pushed: the first ``redo`` (from ``push``) does nothing."""

    changes = Changes.of()

    def __init__(self, text: str, store: Store, notify: Notify) -> None:
        super().__init__(text)
        self.store = store
        self.notify = notify
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except UserError as error:
            self.setObsolete(True)
            show_error(None, error)
        self.notify(self.changes)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError
