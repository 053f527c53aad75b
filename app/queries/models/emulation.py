"""The year's emulation evaluation as the table prints it: each official and collective, their marks, the verdict."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.emulation import Mark, Verdict
from app.queries.models.dossier import COLLECTIVE, OFFICIAL

SUBJECT_LABELS = {OFFICIAL: "Cá nhân", COLLECTIVE: "Tập thể"}


@dataclass(frozen=True)
class Subject:
    kind: str  # official | collective
    id: int
    name: str
    detail: str  # position, or the department a collective gathers
    marks: tuple[Mark, ...]
    verdict: Verdict

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


@dataclass(frozen=True)
class Evaluation:
    year: int
    set_id: int
    set_name: str
    subjects: tuple[Subject, ...]
    criterion_ids: dict[str, int]

    def subject(self, kind: str, subject_id: int) -> Subject:
        return next(item for item in self.subjects if item.kind == kind and item.id == subject_id)

    @property
    def qualified(self) -> tuple[Subject, ...]:
        return tuple(item for item in self.subjects if item.verdict.qualifies)
