"""The year in progress: the one rule every year box opens on (issue 18).

The working year is the calendar year of today; it is never the next year because a plan was
already copied ahead. Year-end papers (the annual report, the package, the award dossier) of year Y
are still written in January of Y+1, so until a day the rule table gives (``year_end_papers_until``,
``resources/defaults/working-year.json``) their boxes open on Y-1. The turn of the
year ("Bắt đầu năm …") offers next year from ``next_year_from``. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class YearRule:
    """The two days of the rule table, as (month, day)."""

    year_end_papers_until: tuple[int, int] = (1, 31)
    next_year_from: tuple[int, int] = (12, 1)

    @classmethod
    def from_json(cls, raw: Mapping) -> "YearRule":
        return cls(_month_day(raw["year_end_papers_until"]), _month_day(raw["next_year_from"]))


def _month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in str(text).split("-"))
    date(2024, month, day)  # a day that exists in a leap year, or ValueError for a broken table
    return month, day


def year_in_progress(today: date, years_with_data: Iterable[int] = ()) -> int:
    """The calendar year of ``today``: the year the clerk works in, whatever years already hold data.

    ``years_with_data`` is accepted so every caller asks the same question; a plan copied ahead to
    next year must not pull the boxes onto it (the bug of issue 18).
    """
    del years_with_data
    return today.year


def year_end_paper_year(today: date, years_with_data: Iterable[int] = (), rule: YearRule = YearRule()) -> int:
    """The year of a year-end paper written on ``today``: last year until the rule's day in January, else this year.

    In January last year's paper is the one being finished, whether or not it was begun yet.
    """
    if (today.month, today.day) <= rule.year_end_papers_until:
        return today.year - 1
    return year_in_progress(today, years_with_data)


def year_to_start(today: date, rule: YearRule = YearRule()) -> int:
    """The year "Bắt đầu năm …" offers: next year from the rule's day in December, else this year."""
    return today.year + 1 if (today.month, today.day) >= rule.next_year_from else today.year


def year_choices(years_with_data: Iterable[int], chosen: int) -> list[int]:
    """The years a box lists, newest first: those with data and the one it opens on."""
    return sorted(set(years_with_data) | {chosen}, reverse=True)
