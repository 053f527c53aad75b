"""The commune profile (Thông tin đơn vị): read it, change one field, replace it whole."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy.orm import Session

from app.domain.text import clean_line
from app.errors import UserError
from app.queries.models.profile import CommuneProfile
from app.services.changes import Changes
from app.store import Store
from db.models import CommuneProfileRow

_PROFILE_ID = 1

PROFILE_FIELDS = tuple(field.name for field in fields(CommuneProfile) if field.name != "addressed_day")
FIELD_LABELS = {
    "commune_name": "Tên xã", "province": "Tỉnh, thành phố", "superior_authority": "Cơ quan cấp trên",
    "receiving_office": "Cơ quan nhận hồ sơ", "district_authority": "UBND huyện (trước 01/7/2025)",
    "district_office": "Phòng Nội vụ huyện (trước 01/7/2025)", "place_name": "Địa danh ghi ngày tháng",
    "chairman_name": "Họ tên Chủ tịch UBND xã", "chairman_title": "Chức danh người ký",
    "clerk_name": "Công chức Văn phòng - Thống kê", "doc_suffix": "Ký hiệu cơ quan trong số văn bản",
}


def _row(session: Session) -> CommuneProfileRow:
    row = session.get(CommuneProfileRow, _PROFILE_ID)
    if row is None:
        row = CommuneProfileRow(id=_PROFILE_ID, **{name: getattr(CommuneProfile(), name) for name in PROFILE_FIELDS})
        session.add(row)
    return row


def _read(row: CommuneProfileRow | None) -> CommuneProfile:
    if row is None:
        return CommuneProfile()
    return CommuneProfile(**{name: getattr(row, name) for name in PROFILE_FIELDS})


def get_profile(store: Store) -> CommuneProfile:
    with store.transaction() as session:
        return _read(session.get(CommuneProfileRow, _PROFILE_ID))


def set_profile_field(store: Store, name: str, value: str) -> Changes:
    """Save one field at once (as the clerk leaves it); quick edits of one field are one undo step."""
    if name not in PROFILE_FIELDS:
        raise UserError(f"Không có trường “{name}” trong thông tin đơn vị.")
    value = clean_line(value)
    if name == "doc_suffix":
        _check_suffix(value)
    with store.action(f"Sửa “{FIELD_LABELS[name]}”") as action:
        setattr(_row(action.session), name, value)
    return action.changes


def _check_suffix(value: str) -> None:
    """The issuing body's symbol in "Số: 15/KH-UBND" is only the part after "KH-"."""
    if "/" in value or " " in value or value.upper().startswith(("KH-", "BC-", "TTR-", "QĐ-", "BB-")):
        raise UserError(
            f"Ký hiệu “{value}” không đúng dạng.",
            "Chỉ ghi ký hiệu cơ quan ban hành, ví dụ “UBND”; phần mềm tự thêm số và loại văn bản (Số: 15/KH-UBND).",
        )


def save_profile(store: Store, profile: CommuneProfile) -> CommuneProfile:
    """Replace the whole profile (demo loading, import)."""
    with store.transaction() as session:
        row = _row(session)
        for name in PROFILE_FIELDS:
            setattr(row, name, clean_line(getattr(profile, name)))
        return _read(row)
