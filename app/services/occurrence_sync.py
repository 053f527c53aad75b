"""Keep a task's occurrences in step with its timeframe, without losing what the clerk recorded.

Checkpoints whose key still exists keep their status, date and evidence; new
ones are added; one that disappeared is removed only if nothing was recorded
on it (status still "todo", no evidence), else it stays and keeps its due date.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.checkpoints import checkpoints
from app.domain.progress import TODO
from app.domain.timeframe import parse_timeframe
from db.models import EvidenceLinkRow, OccurrenceRow, TaskRow


def sync_occurrences(session, task: TaskRow, year: int) -> None:
    """Bring ``task``'s occurrences in line with its timeframe or hand-set date (``task.id`` must exist)."""
    wanted = checkpoints(parse_timeframe(task.timeframe or "", year), year, task.due_override)
    existing = {row.key: row for row in session.scalars(select(OccurrenceRow).where(OccurrenceRow.task_id == task.id))}
    for point in wanted:
        row = existing.pop(point.key, None)
        if row is None:
            session.add(OccurrenceRow(task_id=task.id, key=point.key, label=point.label, due=point.due, status=TODO, reason=""))
        else:
            row.label, row.due = point.label, point.due
    for row in existing.values():
        if row.status == TODO and not _has_evidence(session, row.id):
            session.delete(row)


def _has_evidence(session, occurrence_id: int) -> bool:
    count = session.scalar(select(func.count()).where(EvidenceLinkRow.occurrence_id == occurrence_id))
    return bool(count)


def tasks_without_occurrences(session, task_ids) -> list[TaskRow]:
    having = select(OccurrenceRow.task_id).distinct()
    return list(session.scalars(select(TaskRow).where(TaskRow.id.in_(task_ids), TaskRow.id.not_in(having))))
