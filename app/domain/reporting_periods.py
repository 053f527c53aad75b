"""Reporting periods as data: each report's data cut-off window and the commune's deadline, by year.

A ``PeriodRule`` is one row of the commune's table (``reporting_period``), or of the shipped defaults
(``resources/defaults/reporting-periods.json``): year-independent month/day values, in force for the
years from ``valid_from``. Which rules a year's reports follow is the version with the latest
``valid_from`` on or before 1 January of that year, so a 2024 report keeps the calendar quarters of its
day and a 2026 one counts from 15/12/2025 (Văn bản 581/BNV-CCHC). Standard library only.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

PERIOD_KEYS = ("q1", "h1", "q3", "year")
MAX_WINDOW_MONTHS = 13  # a cumulative year report reaches 12 months; one more forgives a shifted cut-off


def day_in(year: int, month: int, day: int) -> date:
    """The day in ``year``; 29/02 (or 31 of a short month) becomes the month's last day."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PeriodRule:
    """One period of one version: the window (start may lie in the previous year) and the deadline."""

    key: str  # q1 | h1 | q3 | year
    label: str  # "quý I", "6 tháng", "9 tháng", "năm"
    valid_from: date
    start_month: int
    start_day: int
    start_previous_year: bool
    end_month: int
    end_day: int
    deadline_month: int
    deadline_day: int
    id: int = 0  # the table row's id (0: a shipped default)
    source: str = ""

    def window(self, year: int) -> tuple[date, date]:
        start = day_in(year - 1 if self.start_previous_year else year, self.start_month, self.start_day)
        return start, day_in(year, self.end_month, self.end_day)

    def deadline(self, year: int) -> date:
        """The commune's deadline; a month before the window's end month lies in the next year (never here)."""
        return day_in(year, self.deadline_month, self.deadline_day)


@dataclass(frozen=True)
class ReportWindow:
    """A report of one year: what it counts (``start`` … ``end``, both included) and when it is due."""

    key: str
    label: str
    year: int
    start: date
    end: date
    deadline: date

    @property
    def statement(self) -> str:
        return window_statement(self.start, self.end)


def window_statement(start: date, end: date) -> str:
    """The line the paper prints: "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026"."""
    return f"Số liệu tính từ ngày {_long(start)} đến ngày {_long(end)}"


def _long(day: date) -> str:
    """Decree 30's way: a day below 10 and the months 1–2 with a leading zero (14/6/2026, 05/02/2026)."""
    return f"{day.day:02d}/{day.month}/{day.year}" if day.month > 2 else f"{day.day:02d}/{day.month:02d}/{day.year}"


def version_for(rules: Iterable[PeriodRule], year: int) -> tuple[PeriodRule, ...]:
    """The rules a year's reports follow, in period order (empty when no version is yet in force)."""
    rules = list(rules)
    starts = [rule.valid_from for rule in rules if rule.valid_from <= date(year, 1, 1)]
    if not starts:
        return ()
    chosen = max(starts)
    order = {key: index for index, key in enumerate(PERIOD_KEYS)}
    return tuple(sorted((r for r in rules if r.valid_from == chosen), key=lambda r: order.get(r.key, 99)))


def windows(rules: Iterable[PeriodRule], year: int) -> tuple[ReportWindow, ...]:
    """The year's four reports as the rules in force that year say."""
    found = []
    for rule in version_for(rules, year):
        start, end = rule.window(year)
        found.append(ReportWindow(rule.key, rule.label, year, start, end, rule.deadline(year)))
    return tuple(found)


def report_in_hand(year_windows: Iterable[ReportWindow], today: date) -> str:
    """The report the clerk is writing on ``today``: the first of the year whose cut-off or deadline, whichever
    is later, has not passed ("year" once all have). 17/03/2026 is the six-month report's (quý I was cut off
    on 14/03 and due on 16/03); 20/06/2024 still the six-month one (its period ran to 30/06)."""
    return next((window.key for window in year_windows if today <= max(window.end, window.deadline)), "year")


def check_rule(rule: PeriodRule) -> tuple[str, str] | None:
    """None when the row can be saved, else what is wrong and where, and what to do (Vietnamese)."""
    where = f"Kỳ “{rule.label}”"
    for field, month, day in (("ngày bắt đầu", rule.start_month, rule.start_day),
                              ("ngày chốt số liệu", rule.end_month, rule.end_day),
                              ("hạn gửi báo cáo", rule.deadline_month, rule.deadline_day)):
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
            return f"{where}: {field} {day}/{month} không có trong lịch.", "Hãy nhập ngày và tháng có thật."
    year = 2025  # any common year: the rows are year-independent
    start, end = rule.window(year)
    if start >= end:
        return (f"{where}: ngày bắt đầu {start:%d/%m} không trước ngày chốt số liệu {end:%d/%m}.",
                "Hãy chọn ngày bắt đầu sớm hơn (có thể là ngày của năm trước).")
    if _months_between(start, end) > MAX_WINDOW_MONTHS:
        return (f"{where}: khoảng chốt số liệu từ {start:%d/%m} năm trước đến {end:%d/%m} dài quá "
                f"{MAX_WINDOW_MONTHS} tháng.", "Hãy chọn ngày bắt đầu muộn hơn hoặc ngày chốt số liệu sớm hơn.")
    if rule.deadline(year) <= end:
        return (f"{where}: hạn gửi báo cáo {rule.deadline_day:02d}/{rule.deadline_month:02d} không sau ngày chốt "
                f"số liệu {end:%d/%m}.", "Hãy đặt hạn gửi sau ngày chốt số liệu, theo văn bản của tỉnh.")
    return None


def _months_between(start: date, end: date) -> float:
    """Whole months plus the fraction of days: 15/12 → 14/12 of the next year is just under 12."""
    return (end.year - start.year) * 12 + end.month - start.month + (end.day - start.day) / 31


def rules_from_defaults(document: Mapping) -> tuple[PeriodRule, ...]:
    """Every period of every version of the shipped table (``reporting-periods.json``)."""
    rules = []
    for version in document["versions"]:
        valid_from = date.fromisoformat(version["valid_from"])
        for period in version["periods"]:
            start, end, deadline = period["start"], period["end"], period["deadline"]
            rules.append(PeriodRule(
                key=period["key"], label=period["label"], valid_from=valid_from,
                start_month=int(start["month"]), start_day=int(start["day"]),
                start_previous_year=bool(start.get("previous_year")),
                end_month=int(end["month"]), end_day=int(end["day"]),
                deadline_month=int(deadline["month"]), deadline_day=int(deadline["day"]),
                source=version["name"],
            ))
    return tuple(rules)
