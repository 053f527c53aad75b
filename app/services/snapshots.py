"""Whole rows as plain values, so a deletion can be undone with the same ids."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def row_values(row) -> dict[str, Any]:
    """Every column of ``row`` by attribute name."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def revive(session: Session, model, values: dict[str, Any]):
    """Insert a row again exactly as it was snapshotted (same primary key)."""
    row = model(**values)
    session.add(row)
    return row


def task_dependents(session: Session, task_ids: list[int]) -> list[tuple[str, dict[str, Any]]]:
    """Checkpoints, evidence links and history of the tasks, in the order they must be revived."""
    from sqlalchemy import select

    from db.models import EvidenceLinkRow, OccurrenceRow, TaskHistoryRow

    items: list[tuple[str, dict[str, Any]]] = []
    for name, model in (("occurrence", OccurrenceRow), ("evidence", EvidenceLinkRow), ("history", TaskHistoryRow)):
        rows = session.scalars(select(model).where(model.task_id.in_(task_ids))) if task_ids else []
        items.extend((name, row_values(row)) for row in rows)
    return items


def revive_dependents(session: Session, items: list[tuple[str, dict[str, Any]]]) -> None:
    from db.models import EvidenceLinkRow, OccurrenceRow, TaskHistoryRow

    models = {"occurrence": OccurrenceRow, "evidence": EvidenceLinkRow, "history": TaskHistoryRow}
    for name in ("occurrence", "evidence", "history"):
        for kind, values in items:
            if kind == name:
                revive(session, models[kind], dict(values))
        session.flush()
