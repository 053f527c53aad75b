"""Which contents of the package are due on a day: the period's papers, each with the deadline that makes it due.

Rules are data (``resources/defaults/package-due.json`` read with ``deadlines.json``): a row ties a
content (and, for the progress report, its period) to a deadline and says for how long around it
the content is due. This module only interprets the rows; it knows no month and no paper by name.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DueContent:
    """A content due on ``today``: its key, the report period ("" for other contents) and its deadline."""

    key: str
    period: str
    deadline: date
    label: str  # the deadline's own label, "Hồ sơ đề nghị khen thưởng năm"
    today: date

    @property
    def reason(self) -> str:
        """ "đến hạn 10/12/2026" (or "hạn 20/11/2024 đã qua"), then what the deadline is."""
        when = f"{self.deadline:%d/%m/%Y}"
        state = f"đến hạn {when}" if self.today <= self.deadline else f"hạn {when} đã qua"
        return f"{state} ({self.label})"


def deadline_in(entry: Mapping, year: int) -> date:
    """The deadline row's date in ``year`` (29/02 in a common year becomes 28/02)."""
    month = int(entry["month"])
    return date(year, month, min(int(entry["day"]), calendar.monthrange(year, month)[1]))


def _is_due(row: Mapping, deadline: date, year: int, today: date) -> bool:
    if today.year > year:
        return bool(row.get("after_year"))
    opens = deadline - timedelta(days=int(row.get("opens_days_before", 0)))
    closes = date(year, 12, 31) if row.get("until_year_end") else \
        deadline + timedelta(days=int(row.get("stays_days_after", 0)))
    return opens <= today <= closes


def due_contents(rows: Iterable[Mapping], deadlines: Iterable[Mapping], year: int,
                 today: date) -> tuple[DueContent, ...]:
    """The contents of ``year``'s package due on ``today``, in the rows' order; one report at most (the latest
    period due). A row naming a deadline the table lacks is skipped (the clerk may have removed it)."""
    by_key = {entry["key"]: entry for entry in deadlines}
    found: dict[str, DueContent] = {}
    for row in rows:
        entry = by_key.get(row["deadline"])
        if entry is None:
            continue
        deadline = deadline_in(entry, year)
        if _is_due(row, deadline, year, today):
            # a later row of the same content (the later report period) replaces the earlier one
            found.pop(row["content"], None)
            label = row.get("label") or entry["label"]  # a row may say how it rides with the deadline
            found[row["content"]] = DueContent(row["content"], row.get("period", ""), deadline, label, today)
    return tuple(found.values())
