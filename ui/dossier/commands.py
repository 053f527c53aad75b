"""Undo steps of the award dossier, and ``Edits``: how a tab makes one (service call, undo step, notify).

Every step is carried out first (a refused edit never enters the stack) and
pushed afterwards (``DoneCommand``); undo and redo call the services again and
tell every screen that the awards changed.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services import council
from app.services import dossier as service
from app.services.changes import AWARDS, Changes
from ui.dialogs.error_dialog import run_or_report
from ui.undo_commands import DoneCommand, short  # noqa: F401 (short: used by the tabs)


class AwardStep(DoneCommand):
    changes = Changes.of(AWARDS)


class EditDossier(AwardStep):
    """Fields of the dossier (campaign, form version, the letter's number, date, addressee, summary)."""

    def __init__(self, store, notify, dossier_id: int, before: dict, after: dict, text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.before, self.after = dossier_id, before, after

    def apply(self) -> None:
        service.update_dossier(self.store, self.dossier_id, **self.after)

    def revert(self) -> None:
        service.update_dossier(self.store, self.dossier_id, **self.before)


class DeleteDossier(AwardStep):
    """A dossier nobody is proposed in, removed; undo brings it back with the same id."""

    def __init__(self, store, notify, saved: service.DeletedDossier, text: str) -> None:
        super().__init__(text, store, notify)
        self.saved = saved

    def apply(self) -> None:
        self.saved = service.delete_dossier(self.store, self.saved.dossier["id"])

    def revert(self) -> None:
        service.restore_dossier(self.store, self.saved)


class AddNominations(AwardStep):
    def __init__(self, store, notify, nomination_ids: list[int], text: str) -> None:
        super().__init__(text, store, notify)
        self.ids, self.saved = nomination_ids, []

    def apply(self) -> None:
        for saved in self.saved:
            service.restore_removed(self.store, saved)

    def revert(self) -> None:
        self.saved = [service.remove_nomination(self.store, nomination_id) for nomination_id in reversed(self.ids)]
        self.saved.reverse()


class RemoveNomination(AwardStep):
    def __init__(self, store, notify, saved, text: str) -> None:
        super().__init__(text, store, notify)
        self.saved = saved

    def apply(self) -> None:
        self.saved = service.remove_nomination(self.store, self.saved[0]["id"])

    def revert(self) -> None:
        service.restore_removed(self.store, self.saved)


class EditNomination(AwardStep):
    """A nomination's justification, note, excellent flag or report: ``before`` is the whole row."""

    def __init__(self, store, notify, nomination_id: int, before: dict, after: dict, text: str) -> None:
        super().__init__(text, store, notify)
        self.nomination_id, self.before, self.after = nomination_id, before, after

    def apply(self) -> None:
        service.update_nomination(self.store, self.nomination_id, **self.after)

    def revert(self) -> None:
        service.restore_nomination(self.store, self.before)


class SetVotes(AwardStep):
    def __init__(self, store, notify, nomination_id: int, before: int | None, after: int | None, text: str) -> None:
        super().__init__(text, store, notify)
        self.nomination_id, self.before, self.after = nomination_id, before, after

    def apply(self) -> None:
        council.set_votes(self.store, self.nomination_id, self.after)

    def revert(self) -> None:
        council.set_votes(self.store, self.nomination_id, self.before)


class AddMembers(AwardStep):
    """Members added one by one or copied from last year; undo takes them out again."""

    def __init__(self, store, notify, member_ids: list[int], text: str) -> None:
        super().__init__(text, store, notify)
        self.ids, self.saved = member_ids, []

    def apply(self) -> None:
        for saved in self.saved:
            council.restore_member(self.store, saved)

    def revert(self) -> None:
        self.saved = [council.remove_member(self.store, member_id) for member_id in self.ids]


class RemoveMember(AwardStep):
    def __init__(self, store, notify, saved, text: str) -> None:
        super().__init__(text, store, notify)
        self.saved = saved

    def apply(self) -> None:
        self.saved = council.remove_member(self.store, self.saved[0]["id"])

    def revert(self) -> None:
        council.restore_member(self.store, self.saved)


class EditMeeting(AwardStep):
    def __init__(self, store, notify, dossier_id: int, before: dict, after: dict, text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.before, self.after = dossier_id, before, after

    def apply(self) -> None:
        council.update_meeting(self.store, self.dossier_id, **self.after)

    def revert(self) -> None:
        council.restore_meeting(self.store, self.before)


class SetAttendance(AwardStep):
    def __init__(self, store, notify, dossier_id: int, member_id: int, before: tuple, after: tuple,
                 text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.member_id, self.before, self.after = dossier_id, member_id, before, after

    def apply(self) -> None:
        council.set_attendance(self.store, self.dossier_id, self.member_id, *self.after)

    def revert(self) -> None:
        council.set_attendance(self.store, self.dossier_id, self.member_id, *self.before)


class Edits:
    """The one way the dossier's tabs change data: call the service (a refusal is shown, never a
    traceback), then push the undo step and tell the screens (``done``)."""

    def __init__(self, parent, store, notify, done: Callable) -> None:
        self.parent, self.store, self.notify, self.done = parent, store, notify, done

    def call(self, action) -> tuple | None:
        """``(result,)``, or None when the service refused (a result may itself be None)."""
        return run_or_report(self.parent, lambda: (action(),))

    def dossier(self, dossier_id: int, text: str, **after) -> bool:
        old = self.call(lambda: service.update_dossier(self.store, dossier_id, **after))
        if old is None:
            return False
        before = {name: getattr(old[0], name) for name in after}
        self.done(EditDossier(self.store, self.notify, dossier_id, before, after, text))
        return True

    def nomination(self, nomination_id: int, text: str, **after) -> bool:
        before = self.call(lambda: service.update_nomination(self.store, nomination_id, **after))
        if before is None:
            return False
        self.done(EditNomination(self.store, self.notify, nomination_id, before[0], after, text))
        return True

    def meeting(self, dossier_id: int, text: str, **after) -> bool:
        before = self.call(lambda: council.update_meeting(self.store, dossier_id, **after))
        if before is None:
            return False
        self.done(EditMeeting(self.store, self.notify, dossier_id, before[0], after, text))
        return True

    def votes(self, nomination_id: int, votes_for: int | None, text: str) -> bool:
        before = self.call(lambda: council.set_votes(self.store, nomination_id, votes_for))
        if before is None:
            return False
        if before[0] != votes_for:
            self.done(SetVotes(self.store, self.notify, nomination_id, before[0], votes_for, text))
        return True

    def attendance(self, dossier_id: int, member_id: int, after: tuple, text: str) -> bool:
        before = self.call(lambda: council.set_attendance(self.store, dossier_id, member_id, *after))
        if before is None:
            return False
        self.done(SetAttendance(self.store, self.notify, dossier_id, member_id, before[0], after, text))
        return True
