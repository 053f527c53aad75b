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


def give_missing_checkpoints(store) -> int:
    """At start, before any action: give its checkpoints to every task saved before checkpoints existed.

    Like a migration, this is not a user action and is not journaled; reading the checklist
    never writes. Returns how many tasks got theirs (0 on every start but the first).
    """
    from db.models import AreaRow, PlanRow

    having = select(OccurrenceRow.task_id).distinct()
    query = select(TaskRow, PlanRow.year).join(AreaRow, TaskRow.area_id == AreaRow.id).join(PlanRow).where(
        TaskRow.id.not_in(having))
    with store.transaction() as session:
        missing = session.execute(query).all()
        for task, year in missing:
            sync_occurrences(session, task, year)
    return len(missing)
