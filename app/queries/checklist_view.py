"""The year's checklist read on plain sqlite3: the rows the dashboard (and the checklist) are built from.

The same rows ``app/services/checklist.py`` reads through the ORM, in a few queries whatever the size;
``tests/app/queries/test_checklist_view.py`` holds the two equal on the demo and the ten-year database.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

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
    search_key: str
    order_key: tuple

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
        evidence_count=counts.get((task_id, occurrence_id), 0) + counts.get((task_id, None), 0),
        search_key=fold(" ".join((title, area_title, lead, coordinators, product or ""))),
        order_key=(plan_kind != "reform", plan_id, area_position, task_position, due or date.max),
    )


def plan_years(connection: sqlite3.Connection) -> list[int]:
    """The years that have a plan, newest first."""
    return [year for (year,) in connection.execute("SELECT DISTINCT year FROM plan ORDER BY year DESC")]


def any_task_lacks_checkpoints(connection: sqlite3.Connection) -> bool:
    """True when any task has no checkpoint yet (a file from before checkpoints existed): given at start."""
    return connection.execute(
        "SELECT 1 FROM plan_task t WHERE NOT EXISTS (SELECT 1 FROM task_occurrence o WHERE o.task_id = t.id)"
        " LIMIT 1").fetchone() is not None


_ROWS = """
SELECT o.id, o.label, o.due, o.status, o.completed_on, o.reason,
       t.id, t.position, t.title, t.lead_official_id, t.lead_text, t.coordinators, t.product,
       a.id, a.position, a.title, p.id, p.kind
FROM task_occurrence o
JOIN plan_task t ON o.task_id = t.id
JOIN plan_area a ON t.area_id = a.id
JOIN plan p ON a.plan_id = p.id
WHERE p.year = ?
ORDER BY o.id
"""
_EVIDENCE = """
SELECT l.task_id, l.occurrence_id, count(*)
FROM evidence_link l
JOIN plan_task t ON l.task_id = t.id
JOIN plan_area a ON t.area_id = a.id
JOIN plan p ON a.plan_id = p.id
WHERE p.year = ?
GROUP BY l.task_id, l.occurrence_id
"""


def year_checklist(connection: sqlite3.Connection, year: int) -> list[ChecklistRow]:
    """Every checkpoint of the year's plans in plan order; the caller has made sure none is missing."""
    names = dict(connection.execute("SELECT id, full_name FROM official"))
    counts = {(task_id, occurrence_id): n for task_id, occurrence_id, n in connection.execute(_EVIDENCE, (year,))}
    rows = (checklist_row(_dated(values), names, counts) for values in connection.execute(_ROWS, (year,)))
    return sorted(rows, key=lambda row: row.order_key)


def _dated(values: tuple) -> tuple:
    return (*values[:2], as_date(values[2]), values[3], as_date(values[4]), *values[5:])
