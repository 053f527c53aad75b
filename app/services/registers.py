"""The registers evaluation reads: collectives, initiatives (sáng kiến), discipline, procedures settled per quarter.

Each edit is one user action (``store.action``): undone through the journal, it returns what it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, select

from app.domain.text import clean_line, clean_text
from app.domain.vietnamese import name_key
from app.errors import UserError
from app.services.changes import Changes, Done, short
from app.store import Store
from db.models import (
    CollectiveRow,
    DisciplineRow,
    InitiativeAuthorRow,
    InitiativeRow,
    OfficialRow,
    ProcedureStatRow,
)

DISCIPLINE_FORMS = ("Khiển trách", "Cảnh cáo", "Hạ bậc lương", "Giáng chức", "Cách chức", "Buộc thôi việc")
MAX_PROCEDURES = 1_000_000


# --- collectives ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Collective:
    id: int
    name: str
    department: str  # whose officials belong to it; blank: every official of the commune
    active: bool = True


def list_collectives(store: Store, active_only: bool = False) -> list[Collective]:
    with store.transaction() as session:
        query = select(CollectiveRow).order_by(CollectiveRow.position, CollectiveRow.id)
        if active_only:
            query = query.where(CollectiveRow.active.is_(True))
        return [Collective(row.id, row.name, row.department, row.active) for row in session.scalars(query)]


def save_collective(store: Store, name: str, department: str = "", collective_id: int | None = None,
                    active: bool = True) -> Done[Collective]:
    name, department = clean_line(name), clean_line(department)
    if not name:
        raise UserError("Chưa nhập tên tập thể.", "Ví dụ: “Ủy ban nhân dân xã” hoặc “Bộ phận Một cửa”.")
    verb = "Thêm" if collective_id is None else "Sửa"
    with store.action(f"{verb} tập thể “{short(name)}”") as action:
        session = action.session
        if collective_id is None:
            last = session.scalar(select(CollectiveRow.position).order_by(CollectiveRow.position.desc()).limit(1))
            row = CollectiveRow(name=name, department=department, position=(last or 0) + 1, active=active)
            session.add(row)
        else:
            row = session.get(CollectiveRow, collective_id)
            if row is None:
                raise UserError("Không tìm thấy tập thể này; có thể đã bị xóa.")
            row.name, row.department, row.active = name, department, active
        session.flush()
        saved = Collective(row.id, row.name, row.department, row.active)
    return Done(saved, action.changes)


def delete_collective(store: Store, collective_id: int) -> Changes:
    with store.action("Xóa tập thể") as action:
        row = action.session.get(CollectiveRow, collective_id)
        if row is None:
            raise UserError("Không tìm thấy tập thể này; có thể đã bị xóa.")
        action.label = f"Xóa tập thể “{short(row.name)}”"
        action.session.delete(row)
    return action.changes


def members(officials: list[OfficialRow], collective: Collective) -> list[OfficialRow]:
    """The officials who belong to a collective: those of its department, or everyone when it names none."""
    if not collective.department:
        return list(officials)
    return [official for official in officials if official.department == collective.department]


# --- initiatives -----------------------------------------------------------------------------

@dataclass(frozen=True)
class InitiativeData:
    year: int
    title: str
    author_ids: tuple[int, ...] = ()
    recognised_by: str = ""
    decision_number: str = ""
    decision_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Initiative(InitiativeData):
    id: int = 0
    authors: str = ""  # the authors' names, for display


def list_initiatives(store: Store, year: int | None = None) -> list[Initiative]:
    with store.transaction() as session:
        query = select(InitiativeRow).order_by(InitiativeRow.year.desc(), InitiativeRow.id)
        if year is not None:
            query = query.where(InitiativeRow.year == year)
        rows = session.scalars(query).all()
        names = dict(session.execute(select(OfficialRow.id, OfficialRow.full_name)).all())
        authors: dict[int, list[int]] = {}
        for initiative_id, official_id in session.execute(
            select(InitiativeAuthorRow.initiative_id, InitiativeAuthorRow.official_id).order_by(InitiativeAuthorRow.id)
        ):
            authors.setdefault(initiative_id, []).append(official_id)
        return [
            Initiative(
                year=row.year, title=row.title, author_ids=tuple(authors.get(row.id, [])),
                recognised_by=row.recognised_by, decision_number=row.decision_number,
                decision_date=row.decision_date, note=row.note, id=row.id,
                authors=", ".join(names.get(author, "?") for author in authors.get(row.id, [])),
            )
            for row in rows
        ]


def _checked_initiative(data: InitiativeData) -> InitiativeData:
    data = replace(data, title=clean_text(data.title), recognised_by=clean_line(data.recognised_by),
                   decision_number=clean_line(data.decision_number), note=clean_text(data.note))
    if not data.title:
        raise UserError("Chưa nhập tên sáng kiến.")
    if not data.author_ids:
        raise UserError("Sáng kiến chưa có tác giả.", "Chọn ít nhất một cán bộ, công chức là tác giả.")
    if not 2000 <= data.year <= 2100:
        raise UserError(f"Năm {data.year} không hợp lệ.")
    if data.decision_date is not None and data.decision_date.year not in (data.year, data.year + 1):
        raise UserError(
            f"Ngày quyết định công nhận {data.decision_date:%d/%m/%Y} không thuộc năm {data.year}.",
            "Kiểm tra lại năm của sáng kiến hoặc ngày quyết định.",
        )
    return data


def save_initiative(store: Store, data: InitiativeData, initiative_id: int | None = None) -> Done[int]:
    """Add (or edit) an initiative and its authors; its id."""
    data = _checked_initiative(data)
    verb = "Thêm" if initiative_id is None else "Sửa"
    with store.action(f"{verb} sáng kiến “{short(data.title)}”") as action:
        session = action.session
        for official_id in data.author_ids:
            if session.get(OfficialRow, official_id) is None:
                raise UserError("Một tác giả không còn trong danh sách cán bộ, công chức.")
        if initiative_id is None:
            row = InitiativeRow(year=data.year, title=data.title)
            session.add(row)
        else:
            row = session.get(InitiativeRow, initiative_id)
            if row is None:
                raise UserError("Không tìm thấy sáng kiến này; có thể đã bị xóa.")
        row.year, row.title, row.recognised_by = data.year, data.title, data.recognised_by
        row.decision_number, row.decision_date, row.note = data.decision_number, data.decision_date, data.note
        session.flush()
        _set_authors(session, row.id, data.author_ids)
        saved = row.id
    return Done(saved, action.changes)


def _set_authors(session, initiative_id: int, author_ids: tuple[int, ...]) -> None:
    """Keep the author rows that stay (an edit that keeps the authors journals no author row)."""
    wanted = list(dict.fromkeys(author_ids))
    kept = session.scalars(select(InitiativeAuthorRow).where(InitiativeAuthorRow.initiative_id == initiative_id)
                           .order_by(InitiativeAuthorRow.id)).all()
    if [row.official_id for row in kept] == wanted:
        return
    session.execute(delete(InitiativeAuthorRow).where(InitiativeAuthorRow.initiative_id == initiative_id))
    for official_id in wanted:
        session.add(InitiativeAuthorRow(initiative_id=initiative_id, official_id=official_id))


def delete_initiative(store: Store, initiative_id: int) -> Changes:
    """Delete an initiative with its authors (ON DELETE CASCADE; the journal keeps both)."""
    with store.action("Xóa sáng kiến") as action:
        row = action.session.get(InitiativeRow, initiative_id)
        if row is None:
            raise UserError("Không tìm thấy sáng kiến này; có thể đã bị xóa.")
        action.label = f"Xóa sáng kiến “{short(row.title)}”"
        action.session.execute(delete(InitiativeAuthorRow).where(InitiativeAuthorRow.initiative_id == initiative_id))
        action.session.delete(row)
    return action.changes


# --- discipline ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DisciplineData:
    official_id: int
    year: int
    form: str
    decision_number: str = ""
    decision_date: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Discipline(DisciplineData):
    id: int = 0
    official_name: str = ""


def list_discipline(store: Store, year: int | None = None) -> list[Discipline]:
    with store.transaction() as session:
        query = (select(DisciplineRow, OfficialRow.full_name)
                 .join(OfficialRow, OfficialRow.id == DisciplineRow.official_id)
                 .order_by(DisciplineRow.year.desc(), DisciplineRow.id))
        if year is not None:
            query = query.where(DisciplineRow.year == year)
        return [
            Discipline(row.official_id, row.year, row.form, row.decision_number, row.decision_date, row.reason,
                       id=row.id, official_name=name)
            for row, name in session.execute(query)
        ]


def save_discipline(store: Store, data: DisciplineData, discipline_id: int | None = None) -> Done[int]:
    """Add (or edit) a disciplinary record; its id."""
    data = replace(data, form=clean_line(data.form), decision_number=clean_line(data.decision_number),
                   reason=clean_text(data.reason))
    if not data.form:
        raise UserError("Chưa nhập hình thức kỷ luật.", "Ví dụ: " + ", ".join(DISCIPLINE_FORMS[:2]) + ".")
    if not 2000 <= data.year <= 2100:
        raise UserError(f"Năm {data.year} không hợp lệ.")
    with store.action("Ghi kỷ luật") as action:
        session = action.session
        official = session.get(OfficialRow, data.official_id)
        if official is None:
            raise UserError("Không tìm thấy cán bộ, công chức này.")
        row = DisciplineRow() if discipline_id is None else session.get(DisciplineRow, discipline_id)
        if row is None:
            raise UserError("Không tìm thấy bản ghi kỷ luật này; có thể đã bị xóa.")
        action.label = f"{'Thêm' if discipline_id is None else 'Sửa'} kỷ luật của {official.full_name}"
        row.official_id, row.year, row.form = data.official_id, data.year, data.form
        row.decision_number, row.decision_date, row.reason = data.decision_number, data.decision_date, data.reason
        session.add(row)
        session.flush()
        saved = row.id
    return Done(saved, action.changes)


def delete_discipline(store: Store, discipline_id: int) -> Changes:
    with store.action("Xóa kỷ luật") as action:
        row = action.session.get(DisciplineRow, discipline_id)
        if row is None:
            raise UserError("Không tìm thấy bản ghi kỷ luật này; có thể đã bị xóa.")
        official = action.session.get(OfficialRow, row.official_id)
        action.label = f"Xóa kỷ luật của {official.full_name if official else ''}".rstrip()
        action.session.delete(row)
    return action.changes


# --- procedures settled on time, per quarter ----------------------------------------------------------

@dataclass(frozen=True)
class QuarterStat:
    quarter: int
    received: int
    on_time: int


def procedure_stats(store: Store, year: int) -> list[QuarterStat]:
    """Four quarters, zero where nothing was entered."""
    with store.transaction() as session:
        rows = {row.quarter: row for row in session.scalars(select(ProcedureStatRow).where(ProcedureStatRow.year == year))}
    return [QuarterStat(quarter, rows[quarter].received, rows[quarter].on_time) if quarter in rows
            else QuarterStat(quarter, 0, 0) for quarter in range(1, 5)]


def set_procedure_stat(store: Store, year: int, quarter: int, received: int, on_time: int) -> Changes:
    """Save one quarter's figures."""
    numeral = ('I', 'II', 'III', 'IV')[quarter - 1] if 1 <= quarter <= 4 else str(quarter)
    label = f"Quý {numeral}"
    if not 1 <= quarter <= 4:
        raise UserError(f"{label} không có trong năm.")
    if received < 0 or on_time < 0:
        raise UserError(f"{label}: số hồ sơ không được âm.")
    if received > MAX_PROCEDURES:
        raise UserError(f"{label}: {received} hồ sơ là quá nhiều cho một quý; kiểm tra lại.")
    if on_time > received:
        raise UserError(
            f"{label}: số hồ sơ đúng hạn ({on_time}) lớn hơn số hồ sơ đã giải quyết ({received}).",
            "Số đúng hạn phải nhỏ hơn hoặc bằng số đã giải quyết.",
        )
    with store.action(f"Sửa số liệu TTHC quý {numeral} năm {year}") as action:
        session = action.session
        row = session.scalar(select(ProcedureStatRow).where(
            ProcedureStatRow.year == year, ProcedureStatRow.quarter == quarter))
        if row is None:
            row = ProcedureStatRow(year=year, quarter=quarter)
            session.add(row)
        row.received, row.on_time = received, on_time
    return action.changes


def official_names(store: Store, active_only: bool = True) -> list[tuple[int, str]]:
    """(id, full name) sorted the Vietnamese way, for pickers."""
    with store.transaction() as session:
        query = select(OfficialRow.id, OfficialRow.full_name)
        if active_only:
            query = query.where(OfficialRow.active.is_(True))
        rows = session.execute(query).all()
    return sorted(((row[0], row[1]) for row in rows), key=lambda item: name_key(item[1]))
