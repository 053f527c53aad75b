"""A date as a clerk types it: "20/12/2026", "20-12-26", "20.12", "20122026".

The year may be left out ("20/12": the year the field is in) or written with two digits
("20/12/26": 2026). Anything else is not a date; the caller says so and keeps the old one.
"""

from __future__ import annotations

import re
from datetime import date

_SEPARATED = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?$")
_RUN = re.compile(r"^(\d{2})(\d{2})(\d{4})?$")  # "2012" or "20122026": digits only, day and month of two


def parse_typed_date(text: str, year: int) -> date | None:
    """The day ``text`` names, with ``year`` when it gives none; None when it names no real day."""
    cleaned = text.strip()
    match = _SEPARATED.match(cleaned) or _RUN.match(cleaned)
    if match is None:
        return None
    day, month, typed_year = match.groups()
    if typed_year is None:
        full_year = year
    elif len(typed_year) == 2:
        full_year = 2000 + int(typed_year)
    else:
        full_year = int(typed_year)
    try:
        return date(full_year, int(month), int(day))
    except ValueError:
        return None


def is_complete(text: str) -> bool:
    """True when ``text`` gives a four-digit year: the clerk has typed the whole date."""
    match = _SEPARATED.match(text.strip()) or _RUN.match(text.strip())
    return bool(match and match.group(3) and len(match.group(3)) == 4)
