"""Tổng quan: what the clerk sees first each morning, read from the year's checklist in one pass, on sqlite3.

Overdue checkpoints, those due in the next 30 days, the statutory dates of the
year (listed in ``resources/defaults/deadlines.json``; a report's date is its period's deadline in the
commune's reporting periods, ``app/queries/reporting_periods.py``)
with the days left, completion by area and by lead, and the last backup.
When the computer clock looks wrong (``app/domain/clock.py``) nothing that
depends on today is computed: no overdue or upcoming rows, no days left, no
overdue count — "còn 8455 ngày" and "0 quá hạn" from a 2001 clock would be
read as facts — and ``clock`` carries the warning to show instead.
Builds on ``year_progress`` and ``year_checklist`` (a few queries whatever the size), never a query per row. The first page
the window shows: read on plain sqlite3 so no ORM is imported before the clerk sees it (issue 24);
``app/services/dashboard.py`` builds the same value from the ORM's rows, and the tests hold them equal.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.backups import describe, latest_backup
from app.clock import ClockCheck, folder_clock_check
from app.domain.progress import DOING, DONE, SKIPPED, TODO, is_done_late, is_overdue
from app.domain.vietnamese import collation_key
from app.domain.reporting_periods import ReportWindow
from app.queries import checklist_view
from app.queries.checklist_view import ChecklistRow, Progress
from app.queries.reporting_periods import report_windows
from app.resources import load_json

UPCOMING_DAYS = 30
NO_LEAD = "Chưa giao người chủ trì"


@dataclass(frozen=True)
class StatutoryDate:
    """One fixed deadline of the year (a report or a dossier to the superior level)."""

    key: str
    label: str
    kind: str  # "report" | "dossier"
    due: date
    days_left: int | None  # negative once passed; None when the clock looks wrong

    @property
    def days_left_text(self) -> str:
        return days_left_text(self.days_left)


@dataclass(frozen=True)
class Completion:
    """Done / total checkpoints of one area or one lead ("skipped" counted in neither)."""

    label: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class StatusCounts:
    todo: int = 0
    doing: int = 0
    done: int = 0
    skipped: int = 0
    overdue: int | None = 0  # None when the clock looks wrong
    done_late: int = 0

    @property
    def total(self) -> int:
        return self.todo + self.doing + self.done + self.skipped


@dataclass(frozen=True)
class LastBackup:
    taken_at: datetime
    text: str  # "05/12/2024 08:15 (tự động)"


@dataclass(frozen=True)
class Dashboard:
    year: int
    today: date
    has_plans: bool
    overdue: tuple[ChecklistRow, ...]  # oldest due first
    upcoming: tuple[ChecklistRow, ...]  # due today … today + 30 days, not finished; soonest first
    deadlines: tuple[StatutoryDate, ...]  # in date order
    by_area: tuple[Completion, ...]  # in plan order
    by_lead: tuple[Completion, ...]  # in Vietnamese alphabetical order, unassigned last
    counts: StatusCounts
    last_backup: LastBackup | None
    clock: ClockCheck | None = None  # None: not checked

    @property
    def clock_wrong(self) -> bool:
        return self.clock is not None and self.clock.wrong

    @property
    def last_backup_at(self) -> datetime | None:
        return self.last_backup.taken_at if self.last_backup else None


def days_left_text(days: int | None) -> str:
    """ "còn 12 ngày", "hạn là hôm nay", "đã qua 3 ngày"; "chưa tính được" when the clock looks wrong. """
    if days is None:
        return "chưa tính được (đồng hồ máy sai)"
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "hạn là hôm nay"
    return f"đã qua {-days} ngày"


def statutory_dates(year: int, today: date | None, windows: Sequence[ReportWindow] = ()) -> tuple[StatutoryDate, ...]:
    """The year's fixed deadlines from the bundled rule table, each with the days left from ``today`` (None: unknown);
    a report's deadline is its period's in ``windows`` (the commune's reporting periods of ``year``)."""
    found = []
    by_period = {window.key: window.deadline for window in windows}
    for entry in load_json("defaults", "deadlines.json")["deadlines"]:
        month = int(entry["month"])
        day = min(int(entry["day"]), calendar.monthrange(year, month)[1])  # 29/02 in a common year -> 28/02
        due = by_period.get(entry.get("period", ""), date(year, month, day))
        days_left = None if today is None else (due - today).days
        found.append(StatutoryDate(entry["key"], entry["label"], entry["kind"], due, days_left))
    return tuple(sorted(found, key=lambda item: item.due))


def last_backup(folder) -> LastBackup | None:
    """The newest restorable backup of the data folder, or None when there is none."""
    backup = latest_backup(folder)
    return LastBackup(backup.taken_at, describe(backup)) if backup else None


def dashboard(store, year: int, today: date, clock: ClockCheck | None = None) -> Dashboard:
    """Everything the start screen shows for ``year``, as of ``today``; ``clock`` defaults to the folder's check.

    Reads on sqlite3 only what the page shows: the state, area and lead of each checkpoint for the counts
    and bars, and in full only the rows it lists (issue 24). The tasks' checkpoints were given at start
    (``app.startup``), so reading never writes.
    """
    clock = clock or folder_clock_check(store.folder, today)
    with store.reading() as connection:
        years, progress = checklist_view.plan_years(connection), checklist_view.year_progress(connection, year)
        listed = [] if clock.wrong else checklist_view.year_checklist(connection, year, unfinished_by=_horizon(today))
        windows = report_windows(connection, year)
    return build(store.folder, progress, years, year, today, clock, {row.occurrence_id: row for row in listed}, windows)


def plan_years(store) -> list[int]:
    """The years that have a plan, newest first."""
    with store.reading() as connection:
        return checklist_view.plan_years(connection)


def shown_year(years: list[int], today: date, keep: int | None = None) -> int:
    """The year the page shows: the one kept, else this year if it has a plan, else the newest with one."""
    years = years or [today.year]
    return keep if keep in years else (today.year if today.year in years else years[0])


@dataclass(frozen=True)
class FirstView:
    """What the page shows when it opens: the years to pick from and the dashboard of the chosen one."""

    years: tuple[int, ...]
    board: Dashboard


def first_view(store, today: date | None = None) -> FirstView:
    """The page's data as it opens, read ahead (off the GUI thread at start) so building the page reads nothing."""
    today = today or date.today()
    years = plan_years(store)
    return FirstView(tuple(years), dashboard(store, shown_year(years, today), today))


def build(folder, rows: Sequence[ChecklistRow | Progress], years: list[int], year: int, today: date,
          clock: ClockCheck | None = None, listed: dict[int, ChecklistRow] | None = None,
          windows: Sequence[ReportWindow] = ()) -> Dashboard:
    """The dashboard of ``year`` from its checkpoints in plan order and the years that have plans (whoever read them).

    ``rows``: full ``ChecklistRow``s (the ORM's path), or ``Progress`` with the rows the page lists in full in
    ``listed`` by checkpoint id (the sqlite3 path); ``windows``: the year's reporting periods (their deadlines)."""
    clock = clock or folder_clock_check(folder, today)
    known = None if clock.wrong else today  # a wrong clock's today is not used for anything
    unfinished = [] if known is None else [row for row in rows if row.status in (TODO, DOING) and row.due is not None]
    horizon = _horizon(today)
    full = (lambda row: row) if listed is None else (lambda row: listed[row.occurrence_id])
    return Dashboard(
        year=year,
        today=today,
        has_plans=year in years,
        overdue=tuple(sorted((full(r) for r in unfinished if r.due < today), key=_by_due)),
        upcoming=tuple(sorted((full(r) for r in unfinished if today <= r.due <= horizon), key=_by_due)),
        deadlines=statutory_dates(year, known, windows),
        by_area=_completion(rows, lambda row: " ".join(row.area_title.split())),
        by_lead=_sorted_leads(_completion(rows, lambda row: " ".join(row.lead.split()) or NO_LEAD)),
        counts=_counts(rows, known),
        last_backup=last_backup(folder),
        clock=clock,
    )


def _horizon(today: date) -> date:
    return today + timedelta(days=UPCOMING_DAYS)


def _by_due(row: ChecklistRow) -> tuple:
    return (row.due, row.order_key)


def _completion(rows: Sequence[ChecklistRow | Progress], label_of) -> tuple[Completion, ...]:
    """Groups in order of first appearance; groups whose every checkpoint was skipped are left out."""
    done: dict[str, int] = {}
    total: dict[str, int] = {}
    for row in rows:
        label = label_of(row)
        done.setdefault(label, 0)
        total.setdefault(label, 0)
        if row.status == SKIPPED:
            continue
        total[label] += 1
        done[label] += row.status == DONE
    return tuple(Completion(label, done[label], total[label]) for label in total if total[label])


def _sorted_leads(items: tuple[Completion, ...]) -> tuple[Completion, ...]:
    return tuple(sorted(items, key=lambda item: (item.label == NO_LEAD, collation_key(item.label))))


def _counts(rows: Sequence[ChecklistRow | Progress], today: date | None) -> StatusCounts:
    by_status = {TODO: 0, DOING: 0, DONE: 0, SKIPPED: 0}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    return StatusCounts(
        todo=by_status[TODO], doing=by_status[DOING], done=by_status[DONE], skipped=by_status[SKIPPED],
        overdue=None if today is None else sum(is_overdue(row.status, row.due, today) for row in rows),
        done_late=sum(is_done_late(row.status, row.due, row.completed_on) for row in rows),
    )
