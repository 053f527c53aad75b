"""The commune's reporting periods: read the ones in force, change a window or a deadline, go back to the defaults.

The rules are data (``app.domain.reporting_periods``): the shipped versions with the commune's rows over
them (``app.queries.reporting_periods``). Each change is one undoable action; the dashboard's report
deadlines, the progress report's window and the report's default paper date follow at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.domain.reporting_periods import PeriodRule, ReportWindow, check_rule, version_for
from app.errors import UserError
from app.queries import reporting_periods as read
from app.resources import load_json
from app.services.changes import Changes
from app.store import Store
from db.models import ReportingPeriodRow


@dataclass(frozen=True)
class PeriodLine:
    """One period of a version as the screen shows it: the rule in force and the shipped default."""

    rule: PeriodRule
    default: PeriodRule

    @property
    def changed(self) -> bool:
        return _values(self.rule) != _values(self.default)


@dataclass(frozen=True)
class PeriodsView:
    """The version in force for ``year``: its start and name, and its four periods."""

    year: int
    valid_from: date
    name: str
    lines: tuple[PeriodLine, ...]
    sources: tuple[str, ...] = ()  # the shipped version's sources, each saying whether it was verified

    @property
    def changed(self) -> bool:
        return any(line.changed for line in self.lines)


def _values(rule: PeriodRule) -> tuple:
    return (rule.start_month, rule.start_day, rule.start_previous_year, rule.end_month, rule.end_day,
            rule.deadline_month, rule.deadline_day)


def period_rules(store: Store) -> tuple[PeriodRule, ...]:
    with store.reading() as connection:
        return read.period_rules(connection)


def year_windows(store: Store, year: int) -> tuple[ReportWindow, ...]:
    """The four reports of ``year``: what each counts and when it is due."""
    with store.reading() as connection:
        return read.report_windows(connection, year)


def report_window(store: Store, year: int, key: str) -> ReportWindow:
    with store.reading() as connection:
        return read.report_window(connection, year, key)


def periods_view(store: Store, year: int) -> PeriodsView:
    """The version the reports of ``year`` follow, with each period's shipped default beside it."""
    in_force = version_for(period_rules(store), year)
    defaults = {(rule.valid_from, rule.key): rule for rule in read.default_rules()}
    first = in_force[0]
    name = defaults[(first.valid_from, first.key)].source if (first.valid_from, first.key) in defaults else first.source
    lines = tuple(PeriodLine(rule, defaults.get((rule.valid_from, rule.key), rule)) for rule in in_force)
    return PeriodsView(year, first.valid_from, name, lines, _sources(first.valid_from))


def _sources(valid_from: date) -> tuple[str, ...]:
    """ "… (đã kiểm chứng)": what each part of the shipped version rests on (``reporting-periods.json``)."""
    version = next((v for v in load_json("defaults", "reporting-periods.json")["versions"]
                    if date.fromisoformat(v["valid_from"]) == valid_from), None)
    if version is None:
        return ()
    source = version["source"]
    return tuple(f"{source[part].rstrip('.')} ({'đã kiểm chứng' if source[f'{part}_verified'] else 'chưa kiểm chứng'})."
                 for part in ("windows", "valid_from", "deadlines") if part in source)


@dataclass(frozen=True)
class PeriodEntry:
    """What the clerk typed for one period: window start (month, day, in the previous year), cut-off, deadline."""

    start: tuple[int, int, bool]
    end: tuple[int, int]
    deadline: tuple[int, int]


def save_periods(store: Store, valid_from: date, entries: Mapping[str, PeriodEntry]) -> Changes:
    """Save the periods of the version from ``valid_from`` as typed (keys q1 | h1 | q3 | year), one undoable action.

    Nothing is saved when a row is refused: the Vietnamese reason names the period and the field (a window
    longer than 13 months, a start not before the cut-off, a deadline not after it). A row typed as it
    stands is not written, so saving an unchanged form does nothing."""
    rules = [typed_rule(_current(store, valid_from, key), entry) for key, entry in entries.items()]
    for rule in rules:
        problem = check_rule(rule)
        if problem:
            raise UserError(*problem)
    in_force = {rule.key: rule for rule in period_rules(store) if rule.valid_from == valid_from}
    changed = [rule for rule in rules if _values(rule) != _values(in_force[rule.key])]
    if not changed:
        return Changes(frozenset())
    names = ", ".join(rule.label for rule in changed)
    with store.action(f"Sửa kỳ báo cáo {names} (áp dụng từ năm {valid_from.year})") as action:
        for rule in changed:
            row = action.session.scalars(select(ReportingPeriodRow).where(
                ReportingPeriodRow.valid_from == valid_from, ReportingPeriodRow.key == rule.key)).one_or_none()
            if row is None:
                row = ReportingPeriodRow(valid_from=valid_from, key=rule.key, label=rule.label, source=rule.source)
                action.session.add(row)
            _fill(row, rule)
    return action.changes


def typed_rule(rule: PeriodRule, entry: PeriodEntry) -> PeriodRule:
    """``rule`` with the values typed (what the screen previews and ``save_periods`` checks)."""
    (start_month, start_day, previous), (end_month, end_day), (deadline_month, deadline_day) = (
        entry.start, entry.end, entry.deadline)
    return replace(rule, start_month=start_month, start_day=start_day, start_previous_year=previous,
                   end_month=end_month, end_day=end_day, deadline_month=deadline_month, deadline_day=deadline_day)


def _current(store: Store, valid_from: date, key: str) -> PeriodRule:
    found = [rule for rule in period_rules(store) if rule.valid_from == valid_from and rule.key == key]
    if not found:
        raise UserError(f"Không có kỳ báo cáo “{key}” áp dụng từ ngày {valid_from:%d/%m/%Y}.",
                        "Hãy mở lại màn hình Kỳ báo cáo và chọn một kỳ trong bảng.")
    return found[0]


def _fill(row: ReportingPeriodRow, rule: PeriodRule) -> None:
    row.start_month, row.start_day, row.start_previous_year = rule.start_month, rule.start_day, rule.start_previous_year
    row.end_month, row.end_day = rule.end_month, rule.end_day
    row.deadline_month, row.deadline_day = rule.deadline_month, rule.deadline_day


def restore_defaults(store: Store, valid_from: date) -> Changes:
    """Forget the commune's changes to the version from ``valid_from``: its periods follow the defaults again."""
    with store.reading() as connection:
        if not any(rule.valid_from == valid_from for rule in read.commune_rules(connection)):
            return Changes(frozenset())  # nothing changed: no empty step in the Edit menu
    with store.action(f"Khôi phục kỳ báo cáo mặc định (áp dụng từ năm {valid_from.year})") as action:
        for row in action.session.scalars(select(ReportingPeriodRow).where(ReportingPeriodRow.valid_from == valid_from)):
            action.session.delete(row)
    return action.changes
