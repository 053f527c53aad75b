"""Reporting periods as data: the version in force by year, the windows, the checks on what the clerk types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.reporting_periods import (
    check_rule,
    report_in_hand,
    rules_from_defaults,
    version_for,
    window_statement,
    windows,
)
from app.resources import load_json

RULES = rules_from_defaults(load_json("defaults", "reporting-periods.json"))


def _rule(year: int, key: str):
    return next(rule for rule in version_for(RULES, year) if rule.key == key)


def test_a_2024_report_counts_by_calendar_quarter_with_the_districts_deadline():
    """Before 2025 the six-month report reaches 01/01–30/06 and was due by 25/05."""
    h1 = next(window for window in windows(RULES, 2024) if window.key == "h1")
    assert (h1.start, h1.end, h1.deadline) == (date(2024, 1, 1), date(2024, 6, 30), date(2024, 5, 25))


def test_from_2025_every_report_counts_from_15_december_of_the_year_before():
    """The national cut-off: 15/12/2025 to 14/3, 14/6, 14/9, 14/12/2026, cumulative."""
    found = {window.key: (window.start, window.end) for window in windows(RULES, 2026)}
    start = date(2025, 12, 15)
    assert found == {"q1": (start, date(2026, 3, 14)), "h1": (start, date(2026, 6, 14)),
                     "q3": (start, date(2026, 9, 14)), "year": (start, date(2026, 12, 14))}


def test_every_default_of_the_national_version_passes_the_checks():
    """The shipped 2025 rows are valid as the screen would save them."""
    assert [check_rule(rule) for rule in version_for(RULES, 2025)] == [None] * 4


def test_a_deadline_not_after_the_cut_off_is_refused_naming_the_period_and_field():
    """Hạn 10/06 before the cut-off 14/06: the message names “6 tháng” and the deadline, and says what to do."""
    problem = check_rule(replace(_rule(2026, "h1"), deadline_month=6, deadline_day=10))
    assert problem is not None
    assert "Kỳ “6 tháng”" in problem[0] and "hạn gửi báo cáo 10/06" in problem[0] and "14/06" in problem[0]
    assert problem[1].startswith("Hãy đặt hạn gửi sau ngày chốt số liệu")


def test_a_window_longer_than_13_months_is_refused():
    """A year report from 01/11 of the year before to 14/12 reaches 13.4 months: refused."""
    problem = check_rule(replace(_rule(2026, "year"), start_month=11, start_day=1))
    assert problem is not None and "dài quá 13 tháng" in problem[0] and "Kỳ “năm”" in problem[0]


def test_a_day_that_is_not_in_the_calendar_is_refused():
    """31/06 does not exist: the message names the field."""
    problem = check_rule(replace(_rule(2026, "h1"), end_day=31))
    assert problem is not None and "ngày chốt số liệu 31/6" in problem[0]


def test_the_paper_states_the_window_as_decree_30_writes_dates():
    """ "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026": months 1–2 and days below 10 with a zero."""
    assert window_statement(date(2025, 12, 15), date(2026, 6, 14)) == "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026"
    assert window_statement(date(2024, 1, 1), date(2024, 3, 31)) == "Số liệu tính từ ngày 01/01/2024 đến ngày 31/3/2024"


def test_every_version_says_its_source_and_whether_it_is_verified():
    """Rules as data carry their source and verification flags (DOMAIN.md)."""
    for version in load_json("defaults", "reporting-periods.json")["versions"]:
        source = version["source"]
        assert source["windows"] and isinstance(source["windows_verified"], bool)
        assert source["deadlines"] and isinstance(source["deadlines_verified"], bool)


def test_the_report_in_hand_is_the_first_whose_cut_off_or_deadline_is_still_ahead():
    """2024 by calendar quarters (deadlines before the period's end): February quý I, May and 20 June 6 tháng,
    August 9 tháng, November năm. 2026 from 15/12: quý I until its deadline 16/03, then 6 tháng; after 16/12 năm."""
    in_2024 = windows(RULES, 2024)
    assert [report_in_hand(in_2024, date(2024, m, d)) for m, d in ((2, 1), (5, 1), (6, 20), (8, 1), (11, 1))] == [
        "q1", "h1", "h1", "q3", "year"]
    in_2026 = windows(RULES, 2026)
    days = (date(2026, 3, 14), date(2026, 3, 16), date(2026, 3, 17), date(2026, 6, 20), date(2026, 12, 17))
    assert [report_in_hand(in_2026, day) for day in days] == ["q1", "q1", "h1", "q3", "year"]
