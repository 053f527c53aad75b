"""Each paper's own date: the one the clerk set for it, or its default — never silently the export day.

A paper of a past period (the 2024 report exported in 2026) carries the date it was due upward:
for the progress report and the self-scoring (which goes with the year report) the deadline of its
period in the commune's reporting periods (``app.services.reporting_periods``), whose cut-off day ends
the period; for the others the deadline in ``resources/defaults/deadlines.json`` (each deadline lists its
papers as ``"kind:period"``). A paper of a period still running is dated today. The clerk may set another
date (the day the paper was really signed); it is stored per kind, year and period (``paper_date``),
is one undoable action, and wins everywhere the paper is made: the dialogs, the package, the
command line. The date also chooses the superior the paper addresses (``app.domain.hierarchy``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import short_date
from app.domain.hierarchy import default_paper_day
from app.domain.progress import REPORT_PERIODS, report_period
from app.domain.reporting_periods import ReportWindow
from app.errors import UserError
from app.resources import load_json
from app.services.changes import Changes
from app.services.reporting_periods import report_window
from app.store import Store
from db.models import PaperDateRow

REPORT, SCORING, EMULATION, DOSSIER = "report", "scoring", "emulation", "dossier"
PAPER_NAMES = {
    REPORT: "báo cáo kết quả CCHC",
    SCORING: "biểu tự chấm điểm Chỉ số CCHC",
    EMULATION: "kết quả đánh giá thi đua",
    DOSSIER: "hồ sơ đề nghị khen thưởng",
}
_STORED_KINDS = (REPORT, SCORING, EMULATION)  # a dossier keeps its own dates (letter, meeting)


@dataclass(frozen=True)
class PaperDate:
    """The date a paper prints, and why: ``stored`` when the clerk set it, else ``default`` with ``reason``."""

    day: date
    default: date
    stored: bool
    reason: str  # Vietnamese: "hạn gửi báo cáo năm (20/11/2024)", "kỳ báo cáo chưa kết thúc: ngày hôm nay"


def deadline(kind: str, year: int, period: str) -> tuple[date, str] | None:
    """The deadline of the paper ``kind`` of ``period`` in ``year`` and its label, from the bundled table."""
    for entry in load_json("defaults", "deadlines.json")["deadlines"]:
        if f"{kind}:{period}" in entry.get("papers", ()):
            month = int(entry["month"])
            day = min(int(entry["day"]), calendar.monthrange(year, month)[1])
            return date(year, month, day), entry["label"]
    return None


def default_day(kind: str, year: int, period: str, today: date,
                window: ReportWindow | None = None) -> tuple[date, str]:
    """The date a paper without one of its own carries, and the reason in Vietnamese; ``window``: the
    report period's, which dates the report and the self-scoring (the others keep the calendar period)."""
    end = report_period(period).end(year)
    due = deadline(kind, year, period)
    if window is not None and kind in (REPORT, SCORING):
        end, due = window.end, (window.deadline, due[1] if due else f"Báo cáo kết quả CCHC {window.label}")
    day = default_paper_day(due[0] if due else None, end, today)
    if end >= today:
        return day, "kỳ chưa kết thúc nên lấy ngày hôm nay"
    if due and day == due[0]:
        return day, f"theo hạn “{due[1]}” ({short_date(day)})"
    return day, f"kỳ đã kết thúc ngày {short_date(end)}"


def _row(session: Session, kind: str, year: int, period: str) -> PaperDateRow | None:
    return session.scalars(select(PaperDateRow).where(
        PaperDateRow.kind == kind, PaperDateRow.year == year, PaperDateRow.period == period,
    )).one_or_none()


def paper_date(store: Store, kind: str, year: int, period: str, today: date) -> PaperDate:
    """The date the paper prints: the clerk's if set, else the default (see the module docstring)."""
    _check(kind, period)
    window = report_window(store, year, period) if kind in (REPORT, SCORING) else None
    default, reason = default_day(kind, year, period, today, window)
    with store.transaction() as session:
        row = _row(session, kind, year, period)
        stored = row.day if row is not None else None
    if stored is not None:
        return PaperDate(stored, default, True, f"ngày đã đặt cho {PAPER_NAMES[kind]}")
    return PaperDate(default, default, False, reason)


def paper_day(store: Store, kind: str, year: int, period: str, today: date | None = None) -> date:
    return paper_date(store, kind, year, period, today or date.today()).day


def _check(kind: str, period: str) -> None:
    if kind not in _STORED_KINDS:
        raise UserError(f"Không có loại giấy tờ “{kind}” để đặt ngày.",
                        "Chọn báo cáo kết quả CCHC, biểu tự chấm điểm hoặc kết quả đánh giá thi đua.")
    if period not in {p.key for p in REPORT_PERIODS}:
        raise UserError(f"Không có kỳ báo cáo “{period}”.", "Chọn một kỳ: quý I, 6 tháng, 9 tháng hoặc năm.")


def _label(kind: str, year: int, period: str) -> str:
    span = "" if period == "year" and kind != REPORT else f" {report_period(period).label}"
    return f"{PAPER_NAMES[kind]}{span} năm {year}"


def set_paper_date(store: Store, kind: str, year: int, period: str, day: date) -> Changes:
    """Date the paper ``day`` (one undoable action); a date before its year began is refused."""
    _check(kind, period)
    if day.year < year:
        raise UserError(
            f"Ngày {short_date(day)} có trước năm {year} nên không thể là ngày của {_label(kind, year, period)}.",
            f"Chọn một ngày từ 01/01/{year} trở đi (thường là ngày ký gửi lên cấp trên).",
        )
    with store.action(f"Đặt ngày {short_date(day)} cho {_label(kind, year, period)}") as action:
        row = _row(action.session, kind, year, period)
        if row is None:
            action.session.add(PaperDateRow(kind=kind, year=year, period=period, day=day))
        else:
            row.day = day
    return action.changes


def clear_paper_date(store: Store, kind: str, year: int, period: str) -> Changes:
    """Forget the clerk's date: the paper carries its default again (one undoable action)."""
    _check(kind, period)
    with store.action(f"Dùng ngày mặc định cho {_label(kind, year, period)}") as action:
        row = _row(action.session, kind, year, period)
        if row is not None:
            action.session.delete(row)
    return action.changes
