"""A plan as its paper prints it: the plan's own text, its areas and their tasks."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from app.domain.plan_kinds import REFORM, plan_kind
from app.domain.timeframe import Schedule


@dataclass(frozen=True)
class PlanData:
    """What the clerk edits on a plan; sections are (key, body) pairs in the kind's order."""

    year: int
    kind: str = REFORM
    number: str = ""
    issue_date: date | None = None
    title: str = ""
    intro: str = ""
    legal_bases: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    sections: tuple[tuple[str, str], ...] = ()

    def section(self, key: str) -> str:
        return dict(self.sections).get(key, "")

@dataclass(frozen=True)
class Plan(PlanData):
    id: int = 0
    copied_from_id: int | None = None

    @property
    def data(self) -> PlanData:
        return PlanData(**{f.name: getattr(self, f.name) for f in fields(PlanData)})

    @property
    def kind_label(self) -> str:
        return plan_kind(self.kind).label


@dataclass(frozen=True)
class TaskData:
    title: str
    detail: str = ""
    lead_official_id: int | None = None
    lead_text: str = ""
    coordinators: tuple[str, ...] = ()
    product: str = ""
    timeframe: str = ""
    target_value: float | None = None
    target_unit: str = ""
    due_override: date | None = None
    lead_office_id: int | None = None  # an office leads (its name printed); then no official, no text

_TASK_FIELDS = tuple(f.name for f in fields(TaskData))


@dataclass(frozen=True)
class Task(TaskData):
    id: int = 0
    area_id: int = 0
    position: int = 0
    lead: str = ""  # what to show: the official's name, or the role/free text
    schedule: Schedule | None = None
    first_due: date | None = None

    @property
    def data(self) -> TaskData:
        return TaskData(**{name: getattr(self, name) for name in _TASK_FIELDS})

    @property
    def due_text(self) -> str:
        if self.due_override is not None:
            return f"Hạn {self.due_override:%d/%m/%Y} (đặt tay)"
        if not self.timeframe.strip():
            return "Chưa ghi thời gian"
        return self.schedule.describe() if self.schedule else "Chưa xác định hạn"


@dataclass(frozen=True)
class Area:
    id: int
    plan_id: int
    position: int
    title: str
    tasks: tuple[Task, ...] = ()
