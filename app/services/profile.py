"""The commune profile (Thông tin đơn vị): read it, change one field, replace it whole."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.hierarchy import SuperiorPeriod
from app.domain.text import clean_line
from app.errors import UserError
from app.queries.models.profile import CommuneProfile
from app.services.changes import Changes
from app.store import Store
from db.models import CollectiveRow, CommuneProfileRow, SuperiorPeriodRow

_PROFILE_ID = 1

# The row's own fields; the rest of CommuneProfile is read beside it (the drafting office's name, the history).
# PROFILE_FIELDS are the texts the clerk types (the drafting office is chosen: ``set_drafting_office``).
_READ_BESIDE = {"addressed_day", "drafting_office", "superiors", "drafting_office_id", "award_office"}
PROFILE_FIELDS = tuple(field.name for field in fields(CommuneProfile) if field.name not in _READ_BESIDE)
FIELD_LABELS = {
    "commune_name": "Tên xã", "province": "Tỉnh, thành phố", "superior_authority": "Cơ quan cấp trên",
    "receiving_office": "Cơ quan nhận hồ sơ", "district_authority": "UBND huyện (trước 01/7/2025)",
    "district_office": "Phòng Nội vụ huyện (trước 01/7/2025)", "place_name": "Địa danh ghi ngày tháng",
    "chairman_name": "Họ tên Chủ tịch UBND xã", "chairman_title": "Chức danh người ký",
    "clerk_name": "Công chức phụ trách CCHC, thi đua - khen thưởng", "doc_suffix": "Ký hiệu cơ quan trong số văn bản",
    "unit_kind": "Xã hay phường", "drafting_office_id": "Cơ quan tham mưu văn bản CCHC",
    "commune_code": "Mã đơn vị hành chính",
}
UNIT_KINDS = {"xa": "Xã", "phuong": "Phường"}


def _row(session: Session) -> CommuneProfileRow:
    row = session.get(CommuneProfileRow, _PROFILE_ID)
    if row is None:
        row = CommuneProfileRow(id=_PROFILE_ID, **{name: getattr(CommuneProfile(), name) for name in PROFILE_FIELDS})
        session.add(row)
    return row


def _read(row: CommuneProfileRow | None, session: Session | None = None) -> CommuneProfile:
    superiors = read_periods(session) if session is not None else ()
    if row is None:
        return CommuneProfile(superiors=superiors)
    drafting = session.get(CollectiveRow, row.drafting_office_id) if session and row.drafting_office_id else None
    return CommuneProfile(**{name: getattr(row, name) for name in PROFILE_FIELDS},
                          drafting_office_id=row.drafting_office_id, drafting_office=drafting.name if drafting else "", superiors=superiors)


def read_periods(session: Session) -> tuple[SuperiorPeriod, ...]:
    """The commune's superior history, oldest first (a period open at its start comes first)."""
    rows = session.scalars(select(SuperiorPeriodRow)).all()
    periods = [SuperiorPeriod(row.valid_from, row.valid_to, row.level, row.authority, row.office,
                              row.award_office, row.id) for row in rows]
    return tuple(sorted(periods, key=lambda period: (period.valid_from or date.min, period.id)))


def get_profile(store: Store) -> CommuneProfile:
    with store.transaction() as session:
        return read_profile(session)


def read_profile(session: Session) -> CommuneProfile:
    """``get_profile`` inside a transaction already open (its superior history included)."""
    return _read(session.get(CommuneProfileRow, _PROFILE_ID), session)


def set_profile_field(store: Store, name: str, value: str) -> Changes:
    """Save one field at once (as the clerk leaves it); quick edits of one field are one undo step."""
    if name not in PROFILE_FIELDS:
        raise UserError(f"Không có trường “{name}” trong thông tin đơn vị.")
    value = clean_line(value)
    if name == "doc_suffix":
        _check_suffix(value)
    if name == "commune_code":
        _check_code(value)
    if name == "unit_kind" and value not in UNIT_KINDS:
        raise UserError(f"“{value}” không phải xã hay phường.", "Chọn “Xã” hoặc “Phường”.")
    with store.action(f"Sửa “{FIELD_LABELS[name]}”") as action:
        setattr(_row(action.session), name, value)
    return action.changes


def set_drafting_office(store: Store, office_id: int | None) -> Changes:
    """Which office drafts the CCHC papers (its name replaces "Văn phòng - Thống kê" on them)."""
    with store.action(f"Sửa “{FIELD_LABELS['drafting_office_id']}”") as action:
        if office_id is not None:
            office = action.session.get(CollectiveRow, office_id)
            if office is None or office.kind is None:
                raise UserError("Không tìm thấy cơ quan đã chọn; có thể đã bị xóa.", "Chọn lại cơ quan.")
        _row(action.session).drafting_office_id = office_id
    return action.changes


def _check_suffix(value: str) -> None:
    """The issuing body's symbol in "Số: 15/KH-UBND" is only the part after "KH-"."""
    if "/" in value or " " in value or value.upper().startswith(("KH-", "BC-", "TTR-", "QĐ-", "BB-")):
        raise UserError(
            f"Ký hiệu “{value}” không đúng dạng.",
            "Chỉ ghi ký hiệu cơ quan ban hành, ví dụ “UBND”; phần mềm tự thêm số và loại văn bản (Số: 15/KH-UBND).",
        )


def _check_code(value: str) -> None:
    """The code of the national list of administrative units is digits only (e.g. 21550); empty: not known."""
    if value and not (value.isascii() and value.isdigit()):
        raise UserError(
            f"Mã đơn vị hành chính “{value}” không đúng: mã chỉ gồm chữ số.",
            "Gõ mã số của xã theo danh mục đơn vị hành chính (ví dụ 21550), hoặc để trống nếu chưa biết.",
        )


def save_profile(store: Store, profile: CommuneProfile) -> CommuneProfile:
    """Replace the whole profile (demo loading, import)."""
    with store.transaction() as session:
        row = _row(session)
        for name in PROFILE_FIELDS:
            setattr(row, name, clean_line(getattr(profile, name)))
        row.unit_kind = row.unit_kind if row.unit_kind in UNIT_KINDS else "xa"  # "" from an older demo file
        row.drafting_office_id = profile.drafting_office_id
        return _read(row, session)
