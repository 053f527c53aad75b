"""The demo's years after the reform of 01/07/2025, built relative to the day the demo is loaded.

``plans-2025.json`` is the merged commune's first plan (the second half of 2025); ``year-template.json``
one full year, instantiated for every year from 2026 to the year in progress (``{Y}``, ``{Y-1}``, issue
dates as month-day). Years before today's are finished history (all done, a few late, one not done
with its reason); the year in progress shows its checklist as of today. Every state is worked out
from the row's place and due date, never from a random draw: the same day gives the same demo.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from app.demo import imported_plan, plan_data
from app.domain.criteria import PAR
from app.errors import UserError
from app.paths import resource
from app.queries.checklist_view import ChecklistRow
from app.resources import load_json
from app.services import scoring
from app.services.checklist import set_status, year_checklist
from app.services.criteria_sets import list_sets, load_set
from app.services.evidence import attach
from app.services.plan_import import save_imported_plan
from app.store import Store

FIRST_FULL_YEAR = 2026  # the first year planned whole by the merged commune
# The criteria set the post-reform years are scored on; at merge the lead switches it to
# "par-commune-2025-example.json" (the province's set of today's shape, added by the "criteria" helper).
PAR_SET_FILE = "par-commune-2025-example.json"

_SKIPPED_REASON = ("Tỉnh chưa ban hành hướng dẫn thực hiện trong năm; chuyển sang kế hoạch năm sau "
                   "theo chỉ đạo của Sở Nội vụ.")
_EVIDENCE = ("ke-hoach-kiem-soat-tthc-2024.pdf", "bao-cao-ra-soat-tthc-quy-1.pdf", "bien-ban-kiem-tra-niem-yet.pdf")


def post_reform_years(today: date) -> list[int]:
    """2025 (the half year) and every full year up to the year in progress."""
    return [2025, *range(FIRST_FULL_YEAR, today.year + 1)]


def load_years(store: Store, today: date) -> None:
    """Plans, checklist states and self-scores of every year after the reform, as of ``today``."""
    for year in post_reform_years(today):
        for plan in _plans_of(year):
            save_imported_plan(store, imported_plan(plan), plan_data(plan))
        rows = year_checklist(store, year)
        if year == 2025:
            rows = _skip_before_formed(store, rows, today)
        if year < today.year:
            _finish_history(store, rows, year, today)
        else:
            _states_as_of(store, rows, year, today)
        _score_year(store, year, today)
        _load_year_awards(store, year, today)


def _plans_of(year: int) -> list[dict]:
    if year == 2025:
        return load_json("demo", "plans-2025.json")["plans"]
    return [instantiate(plan, year) for plan in load_json("demo", "year-template.json")["plans"]]


def instantiate(plan: dict, year: int) -> dict:
    """The template plan of ``year``: ``{Y}``/``{Y-1}`` filled in, its issue date "MM-DD" of that year."""
    filled = _fill(plan, year)
    return filled | {"year": year, "issue_date": f"{year}-{plan['issue_date']}"}


def _fill(value, year: int):
    if isinstance(value, dict):
        return {key: _fill(item, year) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, year) for item in value]
    if isinstance(value, str):
        return value.replace("{Y-1}", str(year - 1)).replace("{Y}", str(year))
    return value


def _skip_before_formed(store: Store, rows: list[ChecklistRow], today: date) -> list[ChecklistRow]:
    """A "Thường xuyên" task gets a checkpoint every quarter of 2025, but the commune exists only from 01/07:
    the first two quarters are not done, with the reason; the other rows are returned."""
    half = load_json("demo", "plans-2025.json")
    formed = date.fromisoformat(half["formed_on"])
    for row in rows:
        if row.due and row.due < formed:
            set_status(store, row.occurrence_id, "skipped", None, half["before_formed"], now=_stamp(formed, today))
    return [row for row in rows if not row.due or row.due >= formed]


def _finish_history(store: Store, rows: list[ChecklistRow], year: int, today: date) -> None:
    """A finished year: every checkpoint done, every seventh a few days late, one not done with a reason."""
    skipped = next((i for i, row in enumerate(rows) if row.plan_kind == "reform" and i >= 5), None)
    for index, row in enumerate(rows):
        due = _due(row, year)
        if index == skipped:
            set_status(store, row.occurrence_id, "skipped", None, _SKIPPED_REASON, now=_stamp(due, today))
            continue
        late = index % 7 == 3
        completed = due + timedelta(days=3 + index % 5) if late else due - timedelta(days=index % 4)
        completed = min(completed, today)
        set_status(store, row.occurrence_id, "done", completed, now=_stamp(completed, today))


def _states_as_of(store: Store, rows: list[ChecklistRow], year: int, today: date) -> None:
    """The year in progress: what fell due is mostly done, the latest two not yet (one overdue, one in
    progress); what falls due later stays planned. The first done checkpoints carry evidence files."""
    past = [row for row in rows if _due(row, year) < today]
    latest = sorted(past, key=lambda row: (_due(row, year), row.order_key))
    in_progress = latest[-1:]
    others = [row for row in latest if row.task_id not in {r.task_id for r in in_progress}]
    overdue = others[-1:]  # another task than the one in progress: two different things to chase
    waiting = {row.occurrence_id for row in in_progress + overdue}
    done = [row for row in past if row.occurrence_id not in waiting]
    for index, row in enumerate(done):
        due = _due(row, year)
        completed = max(min(due - timedelta(days=index % 4), today - timedelta(days=1)), date(due.year, 1, 2))
        set_status(store, row.occurrence_id, "done", completed, now=_stamp(completed, today))
    for row in in_progress:
        set_status(store, row.occurrence_id, "doing", now=_stamp(today, today))
    for row, file in zip(done, _EVIDENCE):
        attach(store, row.task_id, resource("demo", "evidence", file), row.occurrence_id,
               now=_stamp(today, today), name=file)


def _due(row: ChecklistRow, year: int) -> date:
    """An ongoing task's checkpoint without a date counts as due at the end of its plan's year."""
    return row.due or date(year, 12, 31)


def _stamp(day: date, today: date) -> datetime:
    """When the clerk recorded it: the afternoon of that day, never after today."""
    return datetime.combine(min(day, today), time(16, 30))


def _score_year(store: Store, year: int, today: date) -> None:
    """Every leaf of the set scored: what the app proposes from its own data taken as proposed, the rest full
    marks but for every fifth (which five moves with the year), one step lower with the reason why."""
    chosen = next(summary for summary in list_sets(store, PAR) if summary.name == _set_name())
    stored = load_set(store, chosen.id)
    scoring.start(store, year, chosen.id)
    parents = {criterion.parent_code for criterion in stored.data.criteria}
    leaves = [c for c in stored.data.criteria if c.code not in parents and c.max_points and c.max_points > 0]
    as_of = min(today, date(year + 1, 1, 15))  # a finished year is scored as at the start of the next
    for index, criterion in enumerate(leaves):
        if getattr(criterion, "sign", 1) < 0:  # a penalty node: no deduction in the demo
            continue
        criterion_id = stored.criterion_ids[criterion.code]
        if criterion.source and _accepted(store, year, criterion_id, as_of):
            continue
        points = criterion.max_points
        if (index + year) % 5 == 2 and criterion.rule.kind != "yesno":  # Có/Không has no step but 0
            points = _step_below(criterion)
            scoring.set_comment(store, year, criterion_id,
                                f"Năm {year} chưa đạt tối đa: còn việc chậm so với kế hoạch, đã khắc phục.")
        try:
            scoring.set_score(store, year, criterion_id, points)
        except UserError:  # a rule of a new shape refusing this value: leave the criterion for the clerk
            continue


def _accepted(store: Store, year: int, criterion_id: int, as_of: date) -> bool:
    """The app's own proposal taken, when it has one."""
    try:
        scoring.accept_proposal(store, year, criterion_id, today=as_of)
    except UserError:
        return False
    return True


def _step_below(criterion) -> Decimal:
    """The highest value the rule offers below the maximum (half the maximum when it offers none)."""
    offered = [option.points for option in criterion.rule.options]
    lower = [value for value in offered if value < criterion.max_points]
    return max(lower) if lower else (criterion.max_points / 2).quantize(Decimal("0.01"))


def _set_name() -> str:
    return load_json("criteria", PAR_SET_FILE)["name"]


def _load_year_awards(store: Store, year: int, today: date) -> None:
    from app.demo_year_awards import load_year_awards

    load_year_awards(store, year, today)
