"""Giấy khen in lên phôi: the layout editor (boxes on the scanned blank, in mm) and its dialog; their undo steps.

Each step is pushed after its service call succeeded (``DoneCommand``): undo and
redo call the services again and tell every screen that the awards changed.
"""

from __future__ import annotations

from app.domain.certificates import CertificateLayout
from app.services import certificates
from app.services.changes import AWARDS, Changes
from ui.undo_commands import DoneCommand

NUDGE_STEP_ID = 0x676B  # QUndoCommand.id() of merging nudges ("gk")


class SaveLayoutStep(DoneCommand):
    """A changed layout; undo puts the row back as it was. Nudges of one box in a row merge into one step."""

    changes = Changes.of(AWARDS)

    def __init__(self, store, notify, text: str, layout_id: int, before: dict, after: CertificateLayout,
                 merge: str = "") -> None:
        super().__init__(text, store, notify)
        self.layout_id, self.before, self.after, self.merge = layout_id, before, after, merge

    def id(self) -> int:
        return NUDGE_STEP_ID if self.merge else -1

    def mergeWith(self, other) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(other, SaveLayoutStep) and other.merge == self.merge and other.layout_id == self.layout_id:
            self.after = other.after
            return True
        return False

    def apply(self) -> None:
        certificates.save_layout(self.store, self.after, self.layout_id)

    def revert(self) -> None:
        certificates.restore_layout(self.store, self.before)


class SetScanStep(DoneCommand):
    """The scanned blank shown under a layout changed (or removed); undo shows the previous one again."""

    changes = Changes.of(AWARDS)

    def __init__(self, store, notify, text: str, layout_id: int, before: str, after: str) -> None:
        super().__init__(text, store, notify)
        self.layout_id, self.before, self.after = layout_id, before, after

    def apply(self) -> None:
        certificates.restore_background(self.store, self.layout_id, self.after)

    def revert(self) -> None:
        certificates.restore_background(self.store, self.layout_id, self.before)


class AddLayoutStep(DoneCommand):
    """A layout added (new, copied or imported); undo deletes it, redo brings the same row back."""

    changes = Changes.of(AWARDS)

    def __init__(self, store, notify, text: str, layout_id: int) -> None:
        super().__init__(text, store, notify)
        self.layout_id, self.values = layout_id, None

    def apply(self) -> None:
        certificates.restore_layout(self.store, self.values)

    def revert(self) -> None:
        self.values = certificates.delete_layout(self.store, self.layout_id)


class DeleteLayoutStep(DoneCommand):
    changes = Changes.of(AWARDS)

    def __init__(self, store, notify, values: dict) -> None:
        super().__init__(f"Xóa mẫu vị trí in “{values['name']}”", store, notify)
        self.layout_id, self.values = values["id"], values

    def apply(self) -> None:
        self.values = certificates.delete_layout(self.store, self.layout_id)

    def revert(self) -> None:
        certificates.restore_layout(self.store, self.values)
