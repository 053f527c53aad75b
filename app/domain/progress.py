"""Statuses of a checkpoint and what the clerk sees of them (late, done late), quarters and report periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TODO, DOING, DONE, SKIPPED = "todo", "doing", "done", "skipped"
STATUS_LABELS = {
    TODO: "Chưa thực hiện",
    DOING: "Đang thực hiện",
    DONE: "Hoàn thành",
    SKIPPED: "Không thực hiện",
}
OVERDUE_LABEL = "Quá hạn"
DONE_LATE_LABEL = "Hoàn thành (trễ hạn)"


def is_overdue(status: str, due: date | None, today: date) -> bool:
    """Not finished and past its due date."""
    return status in (TODO, DOING) and due is not None and due < today


def is_done_late(status: str, due: date | None, completed_on: date | None) -> bool:
    return status == DONE and due is not None and completed_on is not None and completed_on > due


def state_label(status: str, due: date | None, completed_on: date | None, today: date) -> str:
    """The status as the checklist shows it: "Quá hạn", "Hoàn thành (trễ hạn)", or the plain label."""
    if is_overdue(status, due, today):
        return OVERDUE_LABEL if status == TODO else f"{OVERDUE_LABEL}, đang làm"
    if is_done_late(status, due, completed_on):
        return DONE_LATE_LABEL
    return STATUS_LABELS.get(status, status)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


@dataclass(frozen=True)
class ReportPeriod:
    """A report period's key and name, and the calendar quarter it is named after (``end``: what the package and
    the emulation papers still reckon by). What a report counts and when it is due are the commune's reporting
    periods (``app.domain.reporting_periods``: the cut-off window, 15/12 of the year before to 14/6, since 2025)."""

    key: str
    label: str  # "quý I", "6 tháng", "9 tháng", "năm"
    end_month: int

    def end(self, year: int) -> date:
        return date(year, self.end_month, 30 if self.end_month in (6, 9) else 31)


REPORT_PERIODS = (
    ReportPeriod("q1", "quý I", 3),
    ReportPeriod("h1", "6 tháng", 6),
    ReportPeriod("q3", "9 tháng", 9),
    ReportPeriod("year", "năm", 12),
)


def report_period(key: str) -> ReportPeriod:
    return next((p for p in REPORT_PERIODS if p.key == key), REPORT_PERIODS[-1])


def validate_status(status: str, completed_on: date | None, reason: str, today: date | None = None) -> str:
    """An empty string when the change is acceptable, else the Vietnamese reason it is not."""
    if status not in STATUS_LABELS:
        return f"Trạng thái “{status}” không có."
    if status == DONE and completed_on is None:
        return "Nhiệm vụ hoàn thành cần có ngày hoàn thành."
    if status == DONE and today is not None and completed_on > today:
        return f"Ngày hoàn thành {completed_on:%d/%m/%Y} chưa tới (hôm nay là {today:%d/%m/%Y})."
    if status == SKIPPED and not reason.strip():
        return "Nhiệm vụ không thực hiện cần ghi rõ lý do."
    return ""
