"""Undo steps of the self-scoring: a score, an accepted proposal, a comment, evidence linked or removed.

Every step is carried out by the page first (a refused edit never enters the
stack). A score or comment step keeps the entry as it was: undo puts it back
with ``restore_state``, which hands back the state it replaced, so redo needs
nothing else.
"""

from __future__ import annotations

from app.services import scoring
from app.services.changes import SCORING, Changes
from app.services.scoring import ScoreState
from ui.undo_commands import DoneCommand, short


class ScoringStep(DoneCommand):
    changes = Changes.of(SCORING)


class StartYear(ScoringStep):
    """A year tied to a criteria set (PAR scoring or the emulation evaluation), or switched to another while
    nothing is scored; undo puts back the set it had, or none."""

    def __init__(self, store, notify, year: int, set_id: int, previous: int | None, kind: str, text: str) -> None:
        super().__init__(text, store, notify)
        self.year, self.set_id, self.previous, self.kind = year, set_id, previous, kind

    def apply(self) -> None:
        scoring.start(self.store, self.year, self.set_id, kind=self.kind)

    def revert(self) -> None:
        if self.previous is None:
            scoring.stop(self.store, self.year, kind=self.kind)
        else:
            scoring.start(self.store, self.year, self.previous, kind=self.kind)


class RestoreEntry(ScoringStep):
    """A score typed or accepted, or a comment: ``before`` is what the service returned."""

    def __init__(self, store, notify, before: ScoreState, text: str) -> None:
        super().__init__(text, store, notify)
        self.before = before
        self.after: ScoreState | None = None

    def apply(self) -> None:
        self.before = scoring.restore_state(self.store, self.after)

    def revert(self) -> None:
        self.after = scoring.restore_state(self.store, self.before)


class LinkEvidence(ScoringStep):
    """A file attached or picked from the checklist; undo removes the link (the stored file stays)."""

    def __init__(self, store, notify, link_id: int, name: str) -> None:
        super().__init__(f"Gắn tài liệu “{short(name)}”", store, notify)
        self.link_id, self.values = link_id, None

    def apply(self) -> None:
        scoring.reattach_evidence(self.store, self.values)

    def revert(self) -> None:
        self.values = scoring.detach_evidence(self.store, self.link_id)


class UnlinkEvidence(ScoringStep):
    def __init__(self, store, notify, values: dict) -> None:
        super().__init__(f"Gỡ tài liệu “{short(values['original_name'])}”", store, notify)
        self.values = values

    def apply(self) -> None:
        self.values = scoring.detach_evidence(self.store, self.values["id"])

    def revert(self) -> None:
        scoring.reattach_evidence(self.store, self.values)
