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
