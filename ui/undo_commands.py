"""Undo steps for edits made through services (QUndoStack).

Each edit is made by its page first (so a refused edit never enters the
stack); the command pushed afterwards knows how to undo and redo it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.errors import UserError
from app.services import officials as officials_service
from app.services import profile as profile_service
from app.services.changes import OFFICIALS, PROFILE, Changes
from app.services.officials import Official
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


class SetProfileField(DoneCommand):
    changes = Changes.of(PROFILE)

    def __init__(self, store: Store, notify: Notify, label: str, name: str, old: str, new: str) -> None:
        super().__init__(f"Sửa “{label}”", store, notify)
        self.name, self.old, self.new = name, old, new

    def apply(self) -> None:
        profile_service.set_profile_field(self.store, self.name, self.new)

    def revert(self) -> None:
        profile_service.set_profile_field(self.store, self.name, self.old)


class AddOfficial(DoneCommand):
    changes = Changes.of(OFFICIALS)

    def __init__(self, store: Store, notify: Notify, added: Official) -> None:
        super().__init__(f"Thêm {added.full_name}", store, notify)
        self.added = added

    def apply(self) -> None:
        officials_service.restore_official(self.store, self.added)

    def revert(self) -> None:
        officials_service.delete_official(self.store, self.added.id)


class EditOfficial(DoneCommand):
    changes = Changes.of(OFFICIALS)

    def __init__(self, store: Store, notify: Notify, before: Official, after: Official) -> None:
        super().__init__(f"Sửa thông tin {after.full_name}", store, notify)
        self.before, self.after = before, after

    def apply(self) -> None:
        officials_service.update_official(self.store, self.after.id, self.after.data)

    def revert(self) -> None:
        officials_service.update_official(self.store, self.before.id, self.before.data)


class DeleteOfficial(DoneCommand):
    changes = Changes.of(OFFICIALS)

    def __init__(self, store: Store, notify: Notify, deleted: Official) -> None:
        super().__init__(f"Xóa {deleted.full_name}", store, notify)
        self.deleted = deleted

    def apply(self) -> None:
        officials_service.delete_official(self.store, self.deleted.id)

    def revert(self) -> None:
        officials_service.restore_official(self.store, self.deleted)
