"""The commune's superior history with dates (Lịch sử cơ quan cấp trên): add, edit, remove a period.

Papers address the superior of their own date (``CommuneProfile.addressed_on``); the periods must not
share a day, or a paper would have two addressees. Each edit is one undoable action.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.domain.hierarchy import SuperiorPeriod, overlapping
from app.domain.text import clean_line
from app.errors import UserError
from app.services.changes import Changes, Done
from app.services.profile import read_periods
from app.store import Store
from db.models import SuperiorPeriodRow

LEVELS = {"district": "Cấp huyện", "province": "Cấp tỉnh"}


@dataclass(frozen=True)
class PeriodData:
    """What the clerk types for one period."""

    valid_from: date | None
    valid_to: date | None
    level: str
    authority: str
    office: str
    award_office: str = ""


def list_periods(store: Store) -> tuple[SuperiorPeriod, ...]:
    with store.transaction() as session:
        return read_periods(session)


def _clean(data: PeriodData) -> PeriodData:
    clean = replace(data, authority=clean_line(data.authority), office=clean_line(data.office),
                    award_office=clean_line(data.award_office))
    if clean.level not in LEVELS:
        raise UserError(f"Cấp “{clean.level}” không có trong danh sách.", "Chọn “Cấp huyện” hoặc “Cấp tỉnh”.")
    if not clean.authority:
        raise UserError("Chưa nhập tên cơ quan cấp trên.", "Ví dụ: “Ủy ban nhân dân tỉnh Quảng Ngãi”.")
    if clean.valid_from and clean.valid_to and clean.valid_to < clean.valid_from:
        raise UserError(f"“Đến ngày” {clean.valid_to:%d/%m/%Y} trước “Từ ngày” {clean.valid_from:%d/%m/%Y}.",
                        "Sửa lại hai ngày, hoặc để trống “Đến ngày” nếu cấp trên này vẫn còn.")
    return clean


def _check_overlap(periods: tuple[SuperiorPeriod, ...]) -> None:
    """Refuse two periods sharing a day, naming both rows as the profile page numbers them."""
    ordered = sorted(periods, key=lambda period: (period.valid_from or date.min, period.id))
    clash = overlapping(ordered)
    if clash is None:
        return
    first, second = (ordered[index] for index in clash)
    raise UserError(
        f"Dòng {clash[0] + 1} ({first.authority}, {first.span()}) và dòng {clash[1] + 1} "
        f"({second.authority}, {second.span()}) trùng thời gian.",
        "Mỗi ngày chỉ có một cơ quan cấp trên: sửa “Đến ngày” của dòng trước cho trước “Từ ngày” của dòng sau.")


def _period(data: PeriodData, period_id: int) -> SuperiorPeriod:
    return SuperiorPeriod(data.valid_from, data.valid_to, data.level, data.authority, data.office,
                          data.award_office, period_id)


def _apply(row: SuperiorPeriodRow, data: PeriodData) -> None:
    row.valid_from, row.valid_to, row.level = data.valid_from, data.valid_to, data.level
    row.authority, row.office, row.award_office = data.authority, data.office, data.award_office


def add_period(store: Store, data: PeriodData) -> Done[int]:
    clean = _clean(data)
    with store.action("Thêm cơ quan cấp trên") as action:
        session = action.session
        # The new period's id is not known yet: -1 cannot clash with a saved row's.
        _check_overlap((*read_periods(session), _period(clean, -1)))
        row = SuperiorPeriodRow(position=0)
        _apply(row, clean)
        session.add(row)
        session.flush()
        period_id = row.id
    return Done(period_id, action.changes)


def update_period(store: Store, period_id: int, data: PeriodData) -> Changes:
    clean = _clean(data)
    with store.action("Sửa cơ quan cấp trên") as action:
        session = action.session
        row = _existing(session, period_id)
        others = tuple(period for period in read_periods(session) if period.id != period_id)
        _check_overlap((*others, _period(clean, period_id)))
        _apply(row, clean)
    return action.changes


def remove_period(store: Store, period_id: int) -> Changes:
    with store.action("Xóa cơ quan cấp trên") as action:
        action.session.delete(_existing(action.session, period_id))
    return action.changes


def _existing(session, period_id: int) -> SuperiorPeriodRow:
    row = session.get(SuperiorPeriodRow, period_id)
    if row is None:
        raise UserError("Không tìm thấy dòng cấp trên này; có thể đã bị xóa.", "Tải lại trang rồi thử lại.")
    return row
