"""Who is above the commune on a given day, and what a paper of a past period is dated.

The superior LEVEL changes with the law (the district until 30/06/2025, the province from
01/07/2025: ``resources/law/hierarchy.json``); the NAMES of each level are the commune's own
(its profile). A paper addresses the level in force on the paper's own date, never on the
day it happens to be printed.

Each level of the table is a dict::

    {"level": "district", "from": null, "to": "2025-06-30",
     "authority_field": "district_authority", "office_field": "district_office", "basis": "…"}

``authority_field`` and ``office_field`` name the profile's fields holding that level's names.

The commune's own history (``SuperiorPeriod``, the ``superior_period`` table the clerk edits) comes
first: a period covering the paper's day gives its names; a day no period covers falls back to the
law's level and the profile's fields, as before the history existed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Superior:
    """The superior body of a day: "Ủy ban nhân dân huyện …" and its office receiving papers."""

    authority: str
    receiving_office: str
    level: str  # district | province | … as the table names it
    basis: str = ""
    award_office: str = ""  # receives award proposals ("Sở Nội vụ (qua Phòng Thi đua, khen thưởng)")


@dataclass(frozen=True)
class SuperiorPeriod:
    """One span of the commune's own superior history: from ``valid_from`` to ``valid_to`` (None: open)."""

    valid_from: date | None
    valid_to: date | None
    level: str
    authority: str
    office: str
    award_office: str = ""
    id: int = 0

    def covers(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def span(self) -> str:
        """ "từ 01/07/2025", "đến 30/06/2025", "01/07/2025 – 31/12/2030": the dates as the clerk reads them."""
        start = f"{self.valid_from:%d/%m/%Y}" if self.valid_from else ""
        end = f"{self.valid_to:%d/%m/%Y}" if self.valid_to else ""
        if start and end:
            return f"{start} – {end}"
        return f"từ {start}" if start else (f"đến {end}" if end else "mọi thời điểm")


def overlapping(periods: Sequence[SuperiorPeriod]) -> tuple[int, int] | None:
    """The positions (0-based, in the order given) of the first two periods sharing a day; None when none do."""
    for first in range(len(periods)):
        for second in range(first + 1, len(periods)):
            a, b = periods[first], periods[second]
            a_start, b_start = a.valid_from or date.min, b.valid_from or date.min
            a_end, b_end = a.valid_to or date.max, b.valid_to or date.max
            if a_start <= b_end and b_start <= a_end:
                return first, second
    return None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def level_on(day: date, levels: Sequence[Mapping]) -> Mapping:
    """The table's level in force on ``day``; the last one when none covers it (a gap in the data)."""
    for level in levels:
        start, end = _day(level.get("from")), _day(level.get("to"))
        if (start is None or start <= day) and (end is None or day <= end):
            return level
    return levels[-1]


def superior_on(profile: object, day: date, levels: Sequence[Mapping] | None = None) -> Superior:
    """The superior named on a paper dated ``day``: the level of the law then, the names of the profile.

    ``levels`` defaults to the bundled table. A level whose names the clerk left blank gives blank
    names (the paper then prints its own gap), never the other level's names. A period of the profile's
    ``superiors`` covering ``day`` wins over both.
    """
    for period in getattr(profile, "superiors", ()) or ():
        if period.covers(day):
            return Superior(period.authority, period.office, period.level,
                            award_office=period.award_office or period.office)
    level = level_on(day, levels if levels is not None else bundled_levels())
    return Superior(
        authority=str(getattr(profile, level["authority_field"], "") or ""),
        receiving_office=str(getattr(profile, level["office_field"], "") or ""),
        level=level["level"],
        basis=level.get("basis", ""),
        award_office=str(getattr(profile, level["office_field"], "") or ""),
    )


def bundled_levels() -> Sequence[Mapping]:
    """``resources/law/hierarchy.json``, read through the one resource reader (imported late: the table
    is data, the rule above stays testable with any table)."""
    from app.resources import load_json

    return load_json("law", "hierarchy.json")["levels"]


def default_paper_day(deadline: date | None, period_end: date, today: date) -> date:
    """The date a paper without a date of its own carries.

    A period still running (its end not passed) is reported as of today; a past period's paper
    is dated at its deadline (the day it was due upward), never after today.
    """
    if period_end >= today:
        return today
    return min(deadline or period_end, today)
