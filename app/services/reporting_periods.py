"""The commune's reporting periods: read the ones in force, change a window or a deadline, go back to the defaults.

The rules are data (``app.domain.reporting_periods``): the shipped versions with the commune's rows over
them (``app.queries.reporting_periods``). Each change is one undoable action; the dashboard's report
deadlines, the progress report's window and the report's default paper date follow at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.domain.reporting_periods import PeriodRule, ReportWindow, check_rule, version_for
from app.errors import UserError
from app.queries import reporting_periods as read
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
    return PeriodsView(year, first.valid_from, name, lines)


def set_period(store: Store, valid_from: date, key: str, *, start: tuple[int, int, bool],
               end: tuple[int, int], deadline: tuple[int, int]) -> Changes:
    """Save one period's window (``start``: month, day, of the previous year) and deadline (month, day).

    Refused in Vietnamese, naming the period and the field, when the window is not a window of at most
    13 months or the deadline is not after the cut-off day."""
    current = _current(store, valid_from, key)
    rule = replace(current, start_month=start[0], start_day=start[1], start_previous_year=start[2],
                   end_month=end[0], end_day=end[1], deadline_month=deadline[0], deadline_day=deadline[1])
    problem = check_rule(rule)
    if problem:
        raise UserError(*problem)
    with store.action(f"Sửa kỳ báo cáo {rule.label} (áp dụng từ năm {valid_from.year})") as action:
        row = action.session.scalars(select(ReportingPeriodRow).where(
            ReportingPeriodRow.valid_from == valid_from, ReportingPeriodRow.key == key)).one_or_none()
        if row is None:
            row = ReportingPeriodRow(valid_from=valid_from, key=key, label=rule.label, source=rule.source)
            action.session.add(row)
        _fill(row, rule)
    return action.changes


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
    with store.action(f"Khôi phục kỳ báo cáo mặc định (áp dụng từ năm {valid_from.year})") as action:
        for row in action.session.scalars(select(ReportingPeriodRow).where(ReportingPeriodRow.valid_from == valid_from)):
            action.session.delete(row)
    return action.changes
