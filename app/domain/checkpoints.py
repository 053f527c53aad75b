"""What a task has to be checked off for, through the year: its checkpoints (occurrences).

One for a single deadline; one per milestone; one per period of a recurring
task (month, quarter, half-year, year); a quarterly assessment for an ongoing
task ("thường xuyên"); one undated checkpoint when the date is set elsewhere
or unreadable. A date set by hand replaces them all. Keys are stable (the due
date, or "undated") so statuses survive an edit of the timeframe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.timeframe import Schedule, period_ends

UNDATED = "undated"
_ROMAN_QUARTERS = {3: "I", 6: "II", 9: "III", 12: "IV"}


@dataclass(frozen=True)
class Checkpoint:
    key: str
    label: str
    due: date | None


def period_label(recurrence: str | None, day: date) -> str:
    """ "Tháng 3", "Quý I", "6 tháng đầu năm", "Năm 2024": the period a recurring checkpoint closes."""
    if recurrence == "monthly":
        return f"Tháng {day.month}"
    if recurrence == "quarterly":
        return f"Quý {_ROMAN_QUARTERS.get(day.month, day.month)}"
    if recurrence == "half-yearly":
        return "6 tháng đầu năm" if day.month == 6 else "6 tháng cuối năm"
    return f"Năm {day.year}"


def _merge(points: dict[date, list[str]], day: date, label: str) -> None:
    labels = points.setdefault(day, [])
    if label and label not in labels:
        labels.append(label)


def checkpoints(schedule: Schedule, year: int, due_override: date | None = None) -> list[Checkpoint]:
    """The checkpoints of a task whose timeframe reads as ``schedule`` in a plan of ``year``."""
    if due_override is not None:
        return [Checkpoint(due_override.isoformat(), "Hạn đặt tay", due_override)]
    points: dict[date, list[str]] = {}
    for milestone in schedule.milestones:
        _merge(points, milestone.due, milestone.label)
    for day in period_ends(schedule.recurrence, schedule.year or year):
        _merge(points, day, period_label(schedule.recurrence, day))
    if schedule.kind == "ongoing" or (schedule.kind == "milestones" and not schedule.recurrence and "thường xuyên" in schedule.notes):
        for day in period_ends("quarterly", schedule.year or year):
            _merge(points, day, f"Đánh giá quý {_ROMAN_QUARTERS[day.month]}")
    if not points:
        return [Checkpoint(UNDATED, "", None)]
    return [Checkpoint(day.isoformat(), "; ".join(labels), day) for day, labels in sorted(points.items())]
