"""Who is above the commune on a given day, and what a paper of a past period is dated.

The superior LEVEL changes with the law (the district until 30/06/2025, the province from
01/07/2025: ``resources/law/hierarchy.json``); the NAMES of each level are the commune's own
(its profile). A paper addresses the level in force on the paper's own date, never on the
day it happens to be printed.

Each level of the table is a dict::

    {"level": "district", "from": null, "to": "2025-06-30",
     "authority_field": "district_authority", "office_field": "district_office", "basis": "…"}

``authority_field`` and ``office_field`` name the profile's fields holding that level's names.
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
    names (the paper then prints its own gap), never the other level's names.
    """
    level = level_on(day, levels if levels is not None else bundled_levels())
    return Superior(
        authority=str(getattr(profile, level["authority_field"], "") or ""),
        receiving_office=str(getattr(profile, level["office_field"], "") or ""),
        level=level["level"],
        basis=level.get("basis", ""),
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
