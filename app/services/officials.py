"""Officials (Cán bộ, công chức, người hoạt động không chuyên trách): list, add, edit, delete, undo."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select

from app.domain.text import clean_line
from app.domain.vietnamese import fold, name_key
from app.errors import UserError
from app.services.changes import Changes, Done, short
from app.store import Store
from db.models import CollectiveRow, OfficialRow, TaskRow

GENDERS = ("Nam", "Nữ")
CATEGORIES = ("Cán bộ", "Công chức", "Người hoạt động không chuyên trách")
OLDEST_BIRTH_YEAR = 1930


@dataclass(frozen=True)
class OfficialData:
    """What the clerk types for one official."""

    full_name: str
    gender: str = ""
    birth_year: int | None = None
    position: str = ""
    department: str = ""
    category: str = ""
    active: bool = True
    office_id: int | None = None  # the office of the UBND (app/services/offices.py); None: none


_DATA_FIELDS = tuple(field.name for field in fields(OfficialData))


@dataclass(frozen=True)
class Official(OfficialData):
    """A saved official, with the keys screens sort and search by."""

    id: int = 0
    sort_key: str = ""
    search_key: str = ""

    @property
    def data(self) -> OfficialData:
        return OfficialData(**{name: getattr(self, name) for name in _DATA_FIELDS})


def _read(row: OfficialRow) -> Official:
    values = {name: getattr(row, name) for name in _DATA_FIELDS}
    searchable = " ".join([row.full_name, row.position, row.department])
    return Official(**values, id=row.id, sort_key=name_key(row.full_name), search_key=fold(searchable))


def validated(data: OfficialData, today: date | None = None) -> OfficialData:
    """The data cleaned (NFC, single spaces) or a UserError naming the field that is wrong."""
    today = today or date.today()
    clean = replace(
        data,
        full_name=clean_line(data.full_name),
        gender=clean_line(data.gender),
        position=clean_line(data.position),
        department=clean_line(data.department),
        category=clean_line(data.category),
    )
    if not clean.full_name:
        raise UserError("Chưa nhập họ và tên.", "Nhập đầy đủ họ và tên, ví dụ “Nguyễn Văn An”.")
    if len(clean.full_name) > 200:
        raise UserError("Họ và tên quá dài (hơn 200 ký tự).", "Kiểm tra lại trường “Họ và tên”.")
    if not any(char.isalpha() for char in clean.full_name):
        raise UserError(f"“{clean.full_name}” không phải họ và tên (không có chữ nào).",
                        "Nhập đầy đủ họ và tên, ví dụ “Nguyễn Văn An”.")
    if clean.gender and clean.gender not in GENDERS:
        raise UserError(f"Giới tính “{clean.gender}” không hợp lệ.", "Chọn “Nam” hoặc “Nữ”.")
    if clean.birth_year is not None and not OLDEST_BIRTH_YEAR <= clean.birth_year <= today.year - 15:
        raise UserError(
            f"Năm sinh {clean.birth_year} không hợp lệ.",
            f"Nhập năm sinh từ {OLDEST_BIRTH_YEAR} đến {today.year - 15}, hoặc để trống.",
        )
    return clean


def list_officials(store: Store, include_inactive: bool = True) -> list[Official]:
    """Every official, in Vietnamese name order (given name first)."""
    query = select(OfficialRow)
    if not include_inactive:
        query = query.where(OfficialRow.active.is_(True))
    with store.transaction() as session:
        officials = [_read(row) for row in session.scalars(query)]
    return sorted(officials, key=lambda official: (official.sort_key, official.id))


def get_official(store: Store, official_id: int) -> Official:
    with store.transaction() as session:
        return _read(_existing(session, official_id))


def _existing(session, official_id: int) -> OfficialRow:
    row = session.get(OfficialRow, official_id)
    if row is None:
        raise UserError("Không tìm thấy cán bộ này; có thể đã bị xóa.", "Tải lại danh sách rồi thử lại.")
    return row


def add_official(store: Store, data: OfficialData) -> Done[Official]:
    clean = validated(data)
    with store.action(f"Thêm {short(clean.full_name)}") as action:
        _check_office(action.session, clean.office_id)
        row = OfficialRow(**asdict(clean))
        action.session.add(row)
        action.session.flush()
        added = _read(row)
    return Done(added, action.changes)


def update_official(store: Store, official_id: int, data: OfficialData) -> Done[Official]:
    clean = validated(data)
    with store.action(f"Sửa thông tin {short(clean.full_name)}") as action:
        row = _existing(action.session, official_id)
        _check_office(action.session, clean.office_id)
        for name, value in asdict(clean).items():
            setattr(row, name, value)
        updated = _read(row)
    return Done(updated, action.changes)


def _check_office(session, office_id: int | None) -> None:
    if office_id is not None and session.get(CollectiveRow, office_id) is None:
        raise UserError("Không tìm thấy cơ quan, bộ phận đã chọn; có thể đã bị xóa.", "Chọn lại cơ quan rồi lưu.")


def delete_official(store: Store, official_id: int) -> Changes:
    """Delete an official nothing refers to (undone through the journal)."""
    with store.action("Xóa cán bộ") as action:
        session = action.session
        row = _existing(session, official_id)
        action.label = f"Xóa {short(row.full_name)}"
        leading = session.scalar(select(func.count()).where(TaskRow.lead_official_id == official_id))
        if leading:
            raise UserError(
                f"{row.full_name} đang chủ trì {leading} nhiệm vụ nên không xóa được.",
                "Nếu người này đã nghỉ, hãy sửa trạng thái thành “Đã nghỉ” (bỏ chọn “Đang công tác”).",
            )
        kept = _records_naming(session, official_id)
        if kept:
            raise UserError(
                f"{row.full_name} có {', '.join(kept)} nên không xóa được.",
                "Nếu người này đã nghỉ, hãy sửa trạng thái thành “Đã nghỉ” (bỏ chọn “Đang công tác”).",
            )
        session.delete(row)
    return action.changes


def _records_naming(session, official_id: int) -> list[str]:
    """What the registers and the award dossier keep about an official (a deletion would orphan it)."""
    from db.models import (
        AwardRecordRow, DisciplineRow, InitiativeAuthorRow, NominationRow, RegistrationRow,
    )

    checks = (
        ("sáng kiến trong sổ", InitiativeAuthorRow.official_id == official_id),
        ("quyết định kỷ luật trong sổ", DisciplineRow.official_id == official_id),
        ("khen thưởng trong sổ theo dõi",
         (AwardRecordRow.subject_kind == "official") & (AwardRecordRow.subject_id == official_id)),
        ("đề nghị khen thưởng", (NominationRow.subject_kind == "official") & (NominationRow.subject_id == official_id)),
        ("đăng ký thi đua", (RegistrationRow.subject_kind == "official") & (RegistrationRow.subject_id == official_id)),
    )
    return [label for label, condition in checks if session.scalar(select(func.count()).where(condition))]
