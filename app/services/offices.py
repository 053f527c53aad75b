"""Cơ quan, bộ phận: the offices of the UBND (NĐ 150/2025 Điều 11–16) and who works in each.

An office is a ``collective`` with a ``kind`` (resources/defaults/offices.json), a head and the days
it exists, so registration, evaluation and nominations keep treating it as a collective (it is the
one nominated for Tập thể lao động tiên tiến). Officials name their office (``official.office_id``).
Every edit is one user action (``store.action``), undone through the journal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.text import clean_line
from app.errors import UserError
from app.resources import load_json
from app.services.changes import Changes, Done, short
from app.store import Store
from db.models import CollectiveRow, CommuneProfileRow, OfficialRow

UNIT_KINDS = ("xa", "phuong")


def office_kinds() -> list[dict]:
    """The kinds of office, in the order the clerk picks them (data: resources/defaults/offices.json)."""
    return list(load_json("defaults", "offices.json")["kinds"])


def kind_label(kind: str | None) -> str:
    return next((item["label"] for item in office_kinds() if item["kind"] == kind), "")


def unit_word(unit_kind: str) -> str:
    """ "xã" or "phường", as papers write the commune's kind."""
    return load_json("defaults", "offices.json")["unit_kinds"].get(unit_kind or "xa", "xã")


def default_office_name(kind: str, unit_kind: str = "xa") -> str:
    """The office's usual name in a commune or a ward ("Phòng Kinh tế, Hạ tầng và Đô thị" in a ward)."""
    for item in office_kinds():
        if item["kind"] == kind:
            return item.get(unit_kind or "xa", "") or ""
    raise UserError(f"Không có loại cơ quan “{kind}”.", "Chọn một loại trong danh sách.")


@dataclass(frozen=True)
class OfficeData:
    """What the clerk types for one office."""

    kind: str
    name: str
    head_official_id: int | None = None
    active_from: date | None = None  # None: since ever
    active_to: date | None = None  # None: still in force


@dataclass(frozen=True)
class Office(OfficeData):
    id: int = 0
    head_name: str = ""

    def in_force_on(self, day: date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (self.active_to is None or day <= self.active_to)

    @property
    def data(self) -> OfficeData:
        return OfficeData(self.kind, self.name, self.head_official_id, self.active_from, self.active_to)


def _read(row: CollectiveRow, names: dict[int, str]) -> Office:
    return Office(row.kind or "other", row.name, row.head_official_id, row.active_from, row.active_to, id=row.id,
                  head_name=names.get(row.head_official_id or 0, ""))


def read_offices(session: Session, day: date | None = None) -> list[Office]:
    """The offices (collectives with a kind) in their order; with ``day``, only those in force that day."""
    rows = session.scalars(select(CollectiveRow).where(CollectiveRow.kind.is_not(None))
                           .order_by(CollectiveRow.position, CollectiveRow.id)).all()
    names = dict(session.execute(select(OfficialRow.id, OfficialRow.full_name)).all())
    offices = [_read(row, names) for row in rows]
    return [office for office in offices if day is None or office.in_force_on(day)]


def list_offices(store: Store, day: date | None = None) -> list[Office]:
    with store.transaction() as session:
        return read_offices(session, day)


def validated(session: Session, data: OfficeData) -> OfficeData:
    """The data cleaned, or a UserError naming what is wrong and what to do."""
    clean = replace(data, name=clean_line(data.name))
    if clean.kind not in {item["kind"] for item in office_kinds()}:
        raise UserError(f"Loại cơ quan “{clean.kind}” không có trong danh sách.", "Chọn một loại trong danh sách.")
    if not clean.name:
        raise UserError("Chưa nhập tên cơ quan, bộ phận.", "Ví dụ: “Phòng Văn hóa - Xã hội”.")
    if clean.active_from and clean.active_to and clean.active_to < clean.active_from:
        raise UserError(
            f"“{clean.name}”: ngày thôi hoạt động {clean.active_to:%d/%m/%Y} trước ngày bắt đầu "
            f"{clean.active_from:%d/%m/%Y}.", "Sửa lại ngày “Đến ngày” cho sau “Từ ngày”, hoặc để trống.")
    if clean.head_official_id is not None and session.get(OfficialRow, clean.head_official_id) is None:
        raise UserError("Không tìm thấy người đứng đầu đã chọn; có thể đã bị xóa.", "Chọn lại người đứng đầu.")
    return clean


def _apply(row: CollectiveRow, data: OfficeData, today: date) -> None:
    row.kind, row.name, row.head_official_id = data.kind, data.name, data.head_official_id
    row.active_from, row.active_to = data.active_from, data.active_to
    # The collective's own flag (registration lists read it): an office that ended is no longer active.
    row.active = data.active_to is None or data.active_to >= today


def add_office(store: Store, data: OfficeData, today: date | None = None) -> Done[int]:
    """Add an office (one undoable action); its id."""
    with store.action("Thêm cơ quan") as action:
        session = action.session
        clean = validated(session, data)
        action.label = f"Thêm “{short(clean.name)}”"
        last = session.scalar(select(CollectiveRow.position).order_by(CollectiveRow.position.desc()).limit(1))
        row = CollectiveRow(name=clean.name, department="", position=(last or 0) + 1)
        _apply(row, clean, today or date.today())
        session.add(row)
        session.flush()
        office_id = row.id
    return Done(office_id, action.changes)


def _existing(session: Session, office_id: int) -> CollectiveRow:
    row = session.get(CollectiveRow, office_id)
    if row is None or row.kind is None:
        raise UserError("Không tìm thấy cơ quan, bộ phận này; có thể đã bị xóa.", "Tải lại danh sách rồi thử lại.")
    return row


def update_office(store: Store, office_id: int, data: OfficeData, today: date | None = None) -> Changes:
    with store.action("Sửa cơ quan") as action:
        session = action.session
        clean = validated(session, data)
        action.label = f"Sửa “{short(clean.name)}”"
        _apply(_existing(session, office_id), clean, today or date.today())
    return action.changes


def end_office(store: Store, office_id: int, day: date, today: date | None = None) -> Changes:
    """Thôi hoạt động: the office exists until ``day`` (papers dated before still name it); nothing is deleted."""
    with store.action("Cho thôi hoạt động") as action:
        row = _existing(action.session, office_id)
        action.label = f"Cho “{short(row.name)}” thôi hoạt động"
        office = _read(row, {})
        _apply(row, validated(action.session, replace(office.data, active_to=day)), today or date.today())
    return action.changes


def set_official_office(store: Store, official_id: int, office_id: int | None) -> Changes:
    """Put an official in an office (None: no office, e.g. the leadership), one undoable action."""
    with store.action("Đổi cơ quan của cán bộ") as action:
        official = action.session.get(OfficialRow, official_id)
        if official is None:
            raise UserError("Không tìm thấy cán bộ này; có thể đã bị xóa.", "Tải lại danh sách rồi thử lại.")
        if office_id is not None:
            _existing(action.session, office_id)
        action.label = f"Đổi cơ quan của {short(official.full_name)}"
        official.office_id = office_id
    return action.changes


def office_name(session: Session, office_id: int | None) -> str:
    row = session.get(CollectiveRow, office_id) if office_id else None
    return row.name if row is not None else ""


def drafting_office_name(session: Session) -> str:
    """The office the profile names as drafting the CCHC papers; "" when none is chosen."""
    profile = session.get(CommuneProfileRow, 1)
    return office_name(session, profile.drafting_office_id if profile else None)
