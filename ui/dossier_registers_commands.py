"""Undo steps of the award registers: the award history (sổ theo dõi khen thưởng) and the award kinds.

Each step is pushed after its service call succeeded (``DoneCommand``); undo and
redo call the services again and tell every screen that the awards changed.
``item_id`` names the record (or the kind's key) a step is about, so the dialog
can select it.
"""

from __future__ import annotations

from app.services import award_history, award_kinds
from app.services.award_history import RecordData
from app.services.changes import AWARDS, Changes
from ui.undo_commands import DoneCommand


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class AwardStep(DoneCommand):
    changes = Changes.of(AWARDS)
    item_id: int | str | None = None


class AddAwardRecord(AwardStep):
    def __init__(self, store, notify, record_id: int, data: RecordData) -> None:
        super().__init__(f"Thêm khen thưởng của {_short(data.subject_name)} ({data.year})", store, notify)
        self.item_id, self.values = record_id, None

    def apply(self) -> None:
        award_history.restore_record(self.store, self.values)

    def revert(self) -> None:
        self.values = award_history.delete_record(self.store, self.item_id)


class DeleteAwardRecord(AwardStep):
    def __init__(self, store, notify, values: dict) -> None:
        super().__init__(f"Xóa khen thưởng của {_short(values['subject_name'])} ({values['year']})", store, notify)
        self.item_id, self.values = values["id"], values

    def apply(self) -> None:
        self.values = award_history.delete_record(self.store, self.item_id)

    def revert(self) -> None:
        award_history.restore_record(self.store, self.values)


class SaveAwardKind(AwardStep):
    """A changed definition of one kind; undo saves the definition it replaced."""

    def __init__(self, store, notify, before: dict, after: dict) -> None:
        super().__init__(f"Sửa “{_short(after['name'])}”", store, notify)
        self.item_id, self.before, self.after = after["key"], before, after

    @property
    def unchanged(self) -> bool:
        return self.before == self.after

    def apply(self) -> None:
        award_kinds.save_kind(self.store, self.after)

    def revert(self) -> None:
        award_kinds.save_kind(self.store, self.before)
