"""The year's checklist: every checkpoint of every task of the year's plans, and its status.

Reads in a few queries whatever the size (no query per row); each row carries
its folded search text and sort keys, so filtering 10,000 rows needs no database.
Reading writes nothing: every task gets its checkpoints when it is saved (tasks saved before
checkpoints existed get them once at start, ``app.builtin_data``). A status change is one
journaled action (``Store.action``), undone through the journal.
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
from app.errors import UserError
from app.queries.checklist_view import ChecklistRow
from app.queries.checklist_view import checklist_row as _row
from app.services.changes import Changes, short
from app.store import Store
from db.models import AreaRow, EvidenceLinkRow, OccurrenceRow, OfficialRow, PlanRow, TaskHistoryRow, TaskRow

@dataclass(frozen=True)
class _Status:
    """What a checkpoint holds, as the task's history describes it."""

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


def year_checklist(store: Store, year: int) -> list[ChecklistRow]:
    """Every checkpoint of the year's plans, in plan order (reform plan first, then areas, tasks, dates)."""
    return _checklist(store, year)


def task_rows(store: Store, year: int, task_id: int) -> list[ChecklistRow]:
    """The checkpoints of one task, as ``year_checklist`` shows them (after the clerk changed one)."""
    return _checklist(store, year, task_id)


def _checklist(store: Store, year: int, task_id: int | None = None) -> list[ChecklistRow]:
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
    if task_id is not None:
        query = query.where(TaskRow.id == task_id)
    with store.transaction() as session:
        names = dict(session.execute(select(OfficialRow.id, OfficialRow.full_name)).all())
        counts = _evidence_counts(session, year, task_id)
        return sorted((_row(values, names, counts) for values in session.execute(query)), key=lambda row: row.order_key)


def _evidence_counts(session, year: int, task_id: int | None) -> dict[tuple[int, int | None], int]:
    query = (
        select(EvidenceLinkRow.task_id, EvidenceLinkRow.occurrence_id, func.count())
        .join(TaskRow, EvidenceLinkRow.task_id == TaskRow.id)
        .join(AreaRow).join(PlanRow).where(PlanRow.year == year)
        .group_by(EvidenceLinkRow.task_id, EvidenceLinkRow.occurrence_id)
    )
    if task_id is not None:
        query = query.where(EvidenceLinkRow.task_id == task_id)
    return {(task_id, occurrence_id): n for task_id, occurrence_id, n in session.execute(query)}


def _describe(before: _Status, after: _Status, label: str) -> str:
    def text(change: _Status) -> str:
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
) -> Changes:
    """Record a checkpoint's status (saved at once, written to the task's history)."""
    reason, completed_on = _checked(status, completed_on, reason, now)
    with store.action("Cập nhật trạng thái") as action:
        title = _apply(action.session, occurrence_id, _Status(status, completed_on, reason), now)
        action.label = f"Cập nhật trạng thái “{short(title)}”"
    return action.changes


def set_status_many(
    store: Store, occurrence_ids: list[int], status: str, completed_on: date | None = None, reason: str = "",
    now: datetime | None = None,
) -> Changes:
    """The same status for several checkpoints at once: one action, so one Undo puts every one back."""
    reason, completed_on = _checked(status, completed_on, reason, now)
    wanted = _Status(status, completed_on, reason)
    with store.action(f"Cập nhật trạng thái {len(occurrence_ids)} kỳ việc ({STATUS_LABELS[status]})") as action:
        for occurrence_id in dict.fromkeys(occurrence_ids):
            _apply(action.session, occurrence_id, wanted, now)
    return action.changes


def _checked(status: str, completed_on: date | None, reason: str, now: datetime | None) -> tuple[str, date | None]:
    reason = " ".join(reason.split())
    completed_on = completed_on if status == DONE else None
    problem = validate_status(status, completed_on, reason, (now or datetime.now()).date())
    if problem:
        raise UserError(problem, "Sửa lại rồi lưu; trạng thái cũ vẫn được giữ.")
    return reason, completed_on


def _apply(session, occurrence_id: int, wanted: _Status, now: datetime | None) -> str:
    """``wanted`` on one checkpoint, with a line in its task's history when it changes; the task's title."""
    occ = session.get(OccurrenceRow, occurrence_id)
    if occ is None:
        raise UserError("Không tìm thấy kỳ thực hiện này; có thể nhiệm vụ đã bị xóa.", "Tải lại danh sách.")
    before = _Status(occ.status, occ.completed_on, occ.reason)
    after = _Status(wanted.status, wanted.completed_on, wanted.reason if wanted.status != TODO else "")
    occ.status, occ.completed_on, occ.reason = after.status, after.completed_on, after.reason
    if before != after:
        session.add(TaskHistoryRow(task_id=occ.task_id, occurrence_id=occ.id, at=now or datetime.now(),
                                   what=_describe(before, after, occ.label)))
    return " ".join(session.get(TaskRow, occ.task_id).title.split())


def task_history(store: Store, task_id: int) -> list[HistoryEntry]:
    with store.transaction() as session:
        rows = session.scalars(
            select(TaskHistoryRow).where(TaskHistoryRow.task_id == task_id).order_by(TaskHistoryRow.at.desc(), TaskHistoryRow.id.desc())
        )
        return [HistoryEntry(row.at, row.what) for row in rows]

