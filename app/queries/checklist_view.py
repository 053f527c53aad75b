"""The year's checklist read on plain sqlite3: the rows the dashboard (and the checklist) are built from.

The same rows ``app/services/checklist.py`` reads through the ORM, in a few queries whatever the size;
``tests/app/queries/test_checklist_view.py`` holds the two equal on the demo and the ten-year database.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from typing import NamedTuple

from app.domain.progress import is_done_late, is_overdue, quarter_of, state_label
from app.domain.vietnamese import fold
from app.queries.start import as_date

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


@dataclass(frozen=True)
class ChecklistRow:
    occurrence_id: int
    task_id: int
    plan_id: int
    plan_kind: str
    area_id: int
    area_title: str
    number: str  # "II.3": area (roman) and task number in the plan
    title: str
    lead: str
    lead_official_id: int | None
    coordinators: str
    period: str  # "Quý I", "Tháng 3", "ban hành kế hoạch" or ""
    due: date | None
    status: str
    completed_on: date | None
    reason: str
    evidence_count: int
    product: str
    order_key: tuple

    @cached_property
    def search_key(self) -> str:
        """The row's words without diacritics, for the checklist's search; worked out on first use, as folding
        every row's long texts was most of the dashboard's read, which never searches (issue 24)."""
        return fold(" ".join((self.title, self.area_title, self.lead, self.coordinators, self.product)))

    def state(self, today: date) -> str:
        return state_label(self.status, self.due, self.completed_on, today)

    def overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due, today)

    @property
    def done_late(self) -> bool:
        return is_done_late(self.status, self.due, self.completed_on)

    @property
    def quarter(self) -> int | None:
        return quarter_of(self.due) if self.due else None


def checklist_row(values, names: dict[int, str], counts: dict[tuple[int, int | None], int]) -> ChecklistRow:
    """One row from the columns both readers select, in this order (dates already ``date``)."""
    (occurrence_id, label, due, status, completed_on, reason, task_id, task_position, title, lead_id, lead_text,
     coordinators, product, area_id, area_position, area_title, plan_id, plan_kind) = values
    lead = (names.get(lead_id, "") if lead_id else "") or lead_text
    coordinators = "; ".join(line for line in (coordinators or "").split("\n") if line.strip())
    title = " ".join(title.split())
    area_number = _ROMAN[area_position] if area_position < len(_ROMAN) else area_position + 1
    return ChecklistRow(
        occurrence_id=occurrence_id, task_id=task_id, plan_id=plan_id, plan_kind=plan_kind, area_id=area_id,
        area_title=area_title, number=f"{area_number}.{task_position + 1}", title=title, lead=lead,
        lead_official_id=lead_id, coordinators=coordinators, period=label, due=due, status=status,
        completed_on=completed_on, reason=reason,
        evidence_count=counts.get((task_id, occurrence_id), 0) + counts.get((task_id, None), 0), product=product or "",
        order_key=(plan_kind != "reform", plan_id, area_position, task_position, due or date.max),
    )


class Progress(NamedTuple):
    """What the dashboard counts of one checkpoint: its state, area and lead; no titles, no search text."""

    occurrence_id: int
    status: str
    due: date | None
    completed_on: date | None
    area_title: str
    lead: str
    order_key: tuple


def plan_years(connection: sqlite3.Connection) -> list[int]:
    """The years that have a plan, newest first."""
    return [year for (year,) in connection.execute("SELECT DISTINCT year FROM plan ORDER BY year DESC")]


def any_task_lacks_checkpoints(connection: sqlite3.Connection) -> bool:
    """True when any task has no checkpoint yet (a file from before checkpoints existed): given at start."""
    return connection.execute(
        "SELECT 1 FROM plan_task t WHERE NOT EXISTS (SELECT 1 FROM task_occurrence o WHERE o.task_id = t.id)"
        " LIMIT 1").fetchone() is not None


# A task led by an office shows the office's name where a role typed as text would stand.
_LEAD_TEXT = "COALESCE((SELECT c.name FROM collective c WHERE c.id = t.lead_office_id), t.lead_text)"
_ROWS = """
SELECT o.id, o.label, o.due, o.status, o.completed_on, o.reason,
       t.id, t.position, t.title, t.lead_official_id, {lead_text}, t.coordinators, t.product,
       a.id, a.position, a.title, p.id, p.kind
FROM task_occurrence o
JOIN plan_task t ON o.task_id = t.id
JOIN plan_area a ON t.area_id = a.id
JOIN plan p ON a.plan_id = p.id
WHERE p.year = ? {only}
ORDER BY o.id
""".replace("{lead_text}", _LEAD_TEXT)
# The checkpoints the dashboard lists: not finished and due by a date (overdue, or due in the next 30 days).
_UNFINISHED_BY = "AND o.status IN ('todo', 'doing') AND o.due IS NOT NULL AND o.due <= ?"
_PROGRESS = """
SELECT o.id, o.status, o.due, o.completed_on, t.position, t.lead_official_id, {lead_text}, a.position, a.title,
       p.id, p.kind
FROM task_occurrence o
JOIN plan_task t ON o.task_id = t.id
JOIN plan_area a ON t.area_id = a.id
JOIN plan p ON a.plan_id = p.id
WHERE p.year = ?
ORDER BY o.id
""".replace("{lead_text}", _LEAD_TEXT)
_EVIDENCE = """
SELECT l.task_id, l.occurrence_id, count(*)
FROM evidence_link l
JOIN plan_task t ON l.task_id = t.id
JOIN plan_area a ON t.area_id = a.id
JOIN plan p ON a.plan_id = p.id
WHERE p.year = ?
GROUP BY l.task_id, l.occurrence_id
"""


def year_checklist(connection: sqlite3.Connection, year: int, unfinished_by: date | None = None) -> list[ChecklistRow]:
    """Every checkpoint of the year's plans in plan order; the caller has made sure none is missing.

    ``unfinished_by``: only those not finished and due on or before that day (what the dashboard lists)."""
    names = _names(connection)
    counts = {(task_id, occurrence_id): n for task_id, occurrence_id, n in connection.execute(_EVIDENCE, (year,))}
    query, arguments = _ROWS.format(only=""), (year,)
    if unfinished_by is not None:
        query, arguments = _ROWS.format(only=_UNFINISHED_BY), (year, unfinished_by.isoformat())
    rows = (checklist_row(_dated(values), names, counts) for values in connection.execute(query, arguments))
    return sorted(rows, key=lambda row: row.order_key)


def year_progress(connection: sqlite3.Connection, year: int) -> list[Progress]:
    """The state, area and lead of every checkpoint of the year, in the order of ``year_checklist``.

    What the dashboard counts, read without the titles, products and coordinators: folding those into search
    text for the whole year was most of the first page's read (issue 24); the checklist page does it."""
    names = _names(connection)
    rows = []
    for (occurrence_id, status, due, completed_on, task_position, lead_id, lead_text, area_position, area_title,
         plan_id, plan_kind) in connection.execute(_PROGRESS, (year,)):
        due = as_date(due)
        lead = (names.get(lead_id, "") if lead_id else "") or lead_text
        rows.append(Progress(occurrence_id, status, due, as_date(completed_on), area_title, lead,
                             (plan_kind != "reform", plan_id, area_position, task_position, due or date.max)))
    return sorted(rows, key=lambda row: row.order_key)


def _names(connection: sqlite3.Connection) -> dict[int, str]:
    return dict(connection.execute("SELECT id, full_name FROM official"))


def _dated(values: tuple) -> tuple:
    return (*values[:2], as_date(values[2]), values[3], as_date(values[4]), *values[5:])
