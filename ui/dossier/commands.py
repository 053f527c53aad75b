"""``Edits``: how a tab of the award dossier changes data — the service call, then the undo step and the screens told.

Each service writes inside one journaled action (``app/store.py``) and returns what it changed;
undo and redo go through the journal, so no tab keeps an inverse of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services import council, written_votes
from app.services import dossier as service
from app.services.changes import Changes, Done
from ui.runner import Outcome, attempt


class Edits:
    """The one way the dossier's tabs change data: call the service (a refusal is shown, never a
    traceback), then record what it changed (``record``: one undo step, every screen told)."""

    def __init__(self, parent, store, notify, record: Callable[[Changes], None]) -> None:
        self.parent, self.store, self.notify, self.record = parent, store, notify, record

    def run(self, action: Callable[[], Changes | Done]) -> Outcome[Done | Changes]:
        """Run one action without recording it yet (the caller records it); a refusal is already shown."""
        return attempt(self.parent, action)

    def apply(self, action: Callable[[], Changes | Done]) -> Outcome[Done | Changes]:
        """Run one action and record it when it was done; a refusal is already shown."""
        outcome = self.run(action)
        if outcome.ok:
            result = outcome.value
            self.record(result.changes if isinstance(result, Done) else result)
        return outcome

    def dossier(self, dossier_id: int, text: str, **after) -> bool:
        return self.apply(lambda: service.update_dossier(self.store, dossier_id, text, **after)).ok

    def nomination(self, nomination_id: int, text: str, **after) -> bool:
        return self.apply(lambda: service.update_nomination(self.store, nomination_id, text, **after)).ok

    def meeting(self, dossier_id: int, text: str, **after) -> bool:
        return self.apply(lambda: council.update_meeting(self.store, dossier_id, text, **after)).ok

    def votes(self, nomination_id: int, votes_for: int | None, text: str) -> bool:
        return self.apply(lambda: council.set_votes(self.store, nomination_id, votes_for, text)).ok

    def written(self, nomination_id: int, member_id: int, agrees: bool | None, text: str) -> bool:
        return self.apply(lambda: written_votes.set_written_vote(self.store, nomination_id, member_id, agrees,
                                                                 text)).ok

    def attendance(self, dossier_id: int, member_id: int, after: tuple, text: str) -> bool:
        present, reason, written = after
        return self.apply(lambda: council.set_attendance(self.store, dossier_id, member_id, present, reason,
                                                         written, label=text)).ok
