"""Undo cases: the turn of the year (one action over plans, council, registration and scoring)."""

from __future__ import annotations

from app.services import year_start
from tests.app.undo_cases import Case

CASES = [
    Case("bắt đầu năm mới", lambda store, _prepared: year_start.start_year(store, 2025)),
]
