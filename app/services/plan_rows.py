"""Small conversions shared by the plan services: stored lines, derived due dates."""

from __future__ import annotations

from app.domain.timeframe import parse_timeframe
from db.models import TaskRow


def lines_of(text: str) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line.strip())


def text_of(lines) -> str:
    return "\n".join(lines)


def derive_due(task: TaskRow, plan_year: int) -> None:
    """Recompute the stored due dates from the hand-set date or the timeframe phrase."""
    if task.due_override is not None:
        task.first_due = task.last_due = task.due_override
        return
    schedule = parse_timeframe(task.timeframe or "", plan_year)
    task.first_due, task.last_due = schedule.first_due, schedule.last_due


def save_task_schedule(session, task: TaskRow, plan_year: int) -> None:
    """Derived dates and occurrences after a task was added or its timing changed (flushes to get an id)."""
    from app.services.occurrence_sync import sync_occurrences

    derive_due(task, plan_year)
    session.flush()
    sync_occurrences(session, task, plan_year)
