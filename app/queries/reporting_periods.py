"""The reporting periods in force, read on plain sqlite3: the shipped defaults with the commune's rows over them.

The dashboard's first page reads its report deadlines here (issue 24: no ORM on the start path); the
services read through the same function, so the report, the paper dates and the dashboard never disagree.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from app.domain.reporting_periods import PeriodRule, ReportWindow, rules_from_defaults, windows
from app.queries.start import as_date
from app.resources import load_json

_COLUMNS = ("id, valid_from, key, label, start_month, start_day, start_previous_year, end_month, end_day, "
            "deadline_month, deadline_day, source")


def default_rules() -> tuple[PeriodRule, ...]:
    """Every period of every shipped version (``resources/defaults/reporting-periods.json``)."""
    return rules_from_defaults(load_json("defaults", "reporting-periods.json"))


def commune_rules(connection: sqlite3.Connection) -> tuple[PeriodRule, ...]:
    """The commune's own rows (those it changed); none on a data folder that never changed a period."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM reporting_period ORDER BY valid_from, id").fetchall()
    return tuple(
        PeriodRule(key=key, label=label, valid_from=as_date(valid_from), start_month=sm, start_day=sd,
                   start_previous_year=bool(previous), end_month=em, end_day=ed, deadline_month=dm, deadline_day=dd,
                   id=row_id, source=source)
        for row_id, valid_from, key, label, sm, sd, previous, em, ed, dm, dd, source in rows
    )


def period_rules(connection: sqlite3.Connection) -> tuple[PeriodRule, ...]:
    """The rules in force: each default, replaced by the commune's row of the same version and period."""
    own = {(rule.valid_from, rule.key): rule for rule in commune_rules(connection)}
    merged = {(rule.valid_from, rule.key): rule for rule in default_rules()}
    merged.update(own)
    return tuple(merged.values())


def report_windows(connection: sqlite3.Connection, year: int) -> tuple[ReportWindow, ...]:
    """The year's four reports: window and deadline."""
    return windows(period_rules(connection), year)


def report_window(connection: sqlite3.Connection, year: int, key: str) -> ReportWindow:
    """One report of the year (the year report for an unknown key, as ``report_period`` always did)."""
    found = report_windows(connection, year)
    return next((window for window in found if window.key == key), found[-1])
