"""Undo steps of the checklist: a status change, attaching, detaching and noting evidence."""

from __future__ import annotations

from app.services import checklist, evidence
from app.services.changes import PLANS, Changes
from ui.undo_commands import DoneCommand, short


class ChecklistStep(DoneCommand):
    changes = Changes.of(PLANS)


class SetStatus(ChecklistStep):
    def __init__(self, store, notify, before, after, title: str) -> None:
        super().__init__(f"Cập nhật trạng thái “{short(title)}”", store, notify)
        self.before, self.after = before, after

    def apply(self) -> None:
        checklist.restore_status(self.store, self.after)

    def revert(self) -> None:
        checklist.restore_status(self.store, self.before)


class AttachEvidence(ChecklistStep):
    def __init__(self, store, notify, attached) -> None:
        super().__init__(f"Đính kèm “{attached.original_name}”", store, notify)
        self.link_id, self.values = attached.link_id, None

    def apply(self) -> None:
        evidence.reattach(self.store, self.values)

    def revert(self) -> None:
        self.values = evidence.detach(self.store, self.link_id)


class DetachEvidence(ChecklistStep):
    def __init__(self, store, notify, values: dict) -> None:
        super().__init__(f"Gỡ “{values['original_name']}”", store, notify)
        self.values = values

    def apply(self) -> None:
        self.values = evidence.detach(self.store, self.values["id"])

    def revert(self) -> None:
        evidence.reattach(self.store, self.values)


class NoteEvidence(ChecklistStep):
    def __init__(self, store, notify, link_id: int, before: str, after: str) -> None:
        super().__init__("Sửa ghi chú tài liệu", store, notify)
        self.link_id, self.before, self.after = link_id, before, after

    def apply(self) -> None:
        evidence.set_note(self.store, self.link_id, self.after)

    def revert(self) -> None:
        evidence.set_note(self.store, self.link_id, self.before)
