"""The year's checklist: every checkpoint of every task of the year's plans, and its status.

Reads in a few queries whatever the size (no query per row); each row carries
its folded search text and sort keys, so filtering 10,000 rows needs no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.domain.progress import (
    DONE,
    STATUS_LABELS,
    TODO,
    validate_status,
)
from app.domain.vietnamese import collation_key
from app.errors import UserError
from app.queries.checklist_view import ChecklistRow
from app.queries.checklist_view import checklist_row as _row
from app.services.occurrence_sync import sync_occurrences, tasks_without_occurrences
from app.store import Store
from db.models import AreaRow, EvidenceLinkRow, OccurrenceRow, OfficialRow, PlanRow, TaskHistoryRow, TaskRow

@dataclass(frozen=True)
class StatusChange:
    """What a checkpoint held before a change: pass it back to ``set_status`` to undo."""

    occurrence_id: int
    status: str
    completed_on: date | None
    reason: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: str


def plan_years(store: Store) -> list[int]:
    with store.transaction() as session:
        return sorted(session.scalars(select(PlanRow.year).distinct()), reverse=True)


def ensure_occurrences(store: Store, year: int) -> int:
    """Give every task of the year its checkpoints (tasks saved before checkpoints existed). Returns how many."""
    with store.transaction() as session:
        task_ids = select(TaskRow.id).join(AreaRow).join(PlanRow).where(PlanRow.year == year)
        missing = tasks_without_occurrences(session, task_ids)
        for task in missing:
            sync_occurrences(session, task, year)
        return len(missing)


def year_checklist(store: Store, year: int) -> list[ChecklistRow]:
    """Every checkpoint of the year's plans, in plan order (reform plan first, then areas, tasks, dates)."""
    ensure_occurrences(store, year)
    # Plain columns, not ORM entities: building 20,000 entities costs seconds, tuples milliseconds.
    query = (
        select(
            OccurrenceRow.id, OccurrenceRow.label, OccurrenceRow.due, OccurrenceRow.status,
            OccurrenceRow.completed_on, OccurrenceRow.reason,
            TaskRow.id, TaskRow.position, TaskRow.title, TaskRow.lead_official_id, TaskRow.lead_text,
            TaskRow.coordinators, TaskRow.product,
            AreaRow.id, AreaRow.position, AreaRow.title, PlanRow.id, PlanRow.kind,
        )
        .join(TaskRow, OccurrenceRow.task_id == TaskRow.id)
        .join(AreaRow, TaskRow.area_id == AreaRow.id)
        .join(PlanRow, AreaRow.plan_id == PlanRow.id)
        .where(PlanRow.year == year)
    )
    with store.transaction() as session:
        names = dict(session.execute(select(OfficialRow.id, OfficialRow.full_name)).all())
        counts = _evidence_counts(session, year)
        return sorted((_row(values, names, counts) for values in session.execute(query)), key=lambda row: row.order_key)


def _evidence_counts(session, year: int) -> dict[tuple[int, int | None], int]:
    query = (
        select(EvidenceLinkRow.task_id, EvidenceLinkRow.occurrence_id, func.count())
        .join(TaskRow, EvidenceLinkRow.task_id == TaskRow.id)
        .join(AreaRow).join(PlanRow).where(PlanRow.year == year)
        .group_by(EvidenceLinkRow.task_id, EvidenceLinkRow.occurrence_id)
    )
    return {(task_id, occurrence_id): n for task_id, occurrence_id, n in session.execute(query)}


def _describe(before: StatusChange, after: StatusChange, label: str) -> str:
    def text(change: StatusChange) -> str:
        words = STATUS_LABELS.get(change.status, change.status)
        if change.status == DONE and change.completed_on:
            words += f" ngày {change.completed_on:%d/%m/%Y}"
        if change.reason:
            words += f" (lý do: {change.reason})"
        return words
    where = f" kỳ “{label}”" if label else ""
    return f"Trạng thái{where}: {text(before)} → {text(after)}"


def set_status(
    store: Store, occurrence_id: int, status: str, completed_on: date | None = None, reason: str = "",
    now: datetime | None = None,
) -> StatusChange:
    """Record a checkpoint's status (saved at once, written to the task's history); returns the previous one."""
    reason = " ".join(reason.split())
    completed_on = completed_on if status == DONE else None
    problem = validate_status(status, completed_on, reason, (now or datetime.now()).date())
    if problem:
        raise UserError(problem, "Sửa lại rồi lưu; trạng thái cũ vẫn được giữ.")
    with store.transaction() as session:
        occ = session.get(OccurrenceRow, occurrence_id)
        if occ is None:
            raise UserError("Không tìm thấy kỳ thực hiện này; có thể nhiệm vụ đã bị xóa.", "Tải lại danh sách.")
        before = StatusChange(occ.id, occ.status, occ.completed_on, occ.reason)
        after = StatusChange(occ.id, status, completed_on, reason if status != TODO else "")
        occ.status, occ.completed_on, occ.reason = after.status, after.completed_on, after.reason
        if before != after:
            session.add(TaskHistoryRow(task_id=occ.task_id, occurrence_id=occ.id, at=now or datetime.now(),
                                       what=_describe(before, after, occ.label)))
        return before


def restore_status(store: Store, change: StatusChange) -> StatusChange:
    """Undo of ``set_status``: put back what ``change`` recorded (also written to history)."""
    return set_status(store, change.occurrence_id, change.status, change.completed_on, change.reason)


def task_history(store: Store, task_id: int) -> list[HistoryEntry]:
    with store.transaction() as session:
        rows = session.scalars(
            select(TaskHistoryRow).where(TaskHistoryRow.task_id == task_id).order_by(TaskHistoryRow.at.desc(), TaskHistoryRow.id.desc())
        )
        return [HistoryEntry(row.at, row.what) for row in rows]


def sort_text(text: str) -> str:
    return collation_key(text)
