"""Plans of a year (Kế hoạch CCHC, Kế hoạch phát động phong trào thi đua): create, edit, copy, delete.

Every write is one journaled action (``Store.action``): undo and redo go through the journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select

from app.domain.plan_kinds import PLAN_KINDS, REFORM, plan_kind
from app.domain.text import clean_line, clean_text
from app.domain.world_update import Proposal, propose
from app.errors import UserError
from app.queries.models.plans import Plan, PlanData
from app.services.changes import Changes, Done
from app.services.plan_rows import lines_of, save_task_schedule, text_of
from app.services.plan_world import CopyDraft, CopyPreview, apply_accepted, draft_copy, texts_of, world_of
from app.services.profile import get_profile
from app.store import Store
from db.models import AreaRow, PlanRow, PlanSectionRow, TaskRow

DEFAULT_AREAS = (
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "Nâng cao chỉ số cải cách hành chính (PAR INDEX)",
)
MIN_YEAR, MAX_YEAR = 2000, 2100


_SCALARS = tuple(f.name for f in fields(PlanData) if f.name not in {"legal_bases", "recipients", "sections"})


@dataclass(frozen=True)
class PlanSummary:
    id: int
    year: int
    kind: str
    title: str
    number: str
    task_count: int

    @property
    def label(self) -> str:
        return f"{plan_kind(self.kind).label} năm {self.year}"


def validated(data: PlanData) -> PlanData:
    if not MIN_YEAR <= data.year <= MAX_YEAR:
        raise UserError(f"Năm {data.year} không hợp lệ.", f"Nhập năm của kế hoạch, từ {MIN_YEAR} đến {MAX_YEAR}.")
    if data.kind not in PLAN_KINDS:
        raise UserError(f"Loại kế hoạch “{data.kind}” không có.", "Chọn kế hoạch CCHC hoặc kế hoạch thi đua.")
    known = {section.key for section in plan_kind(data.kind).sections}
    return replace(
        data,
        number=clean_line(data.number),
        title=clean_line(data.title),
        intro=clean_text(data.intro),
        legal_bases=tuple(filter(None, (clean_line(line) for line in data.legal_bases))),
        recipients=tuple(filter(None, (clean_line(line) for line in data.recipients))),
        signer_authority=clean_line(data.signer_authority),
        signer_title=clean_line(data.signer_title),
        signer_name=clean_line(data.signer_name),
        sections=tuple((key, clean_text(body)) for key, body in data.sections if key in known),
    )


def _read(session, row: PlanRow) -> Plan:
    sections = session.scalars(select(PlanSectionRow).where(PlanSectionRow.plan_id == row.id)).all()
    by_key = {section.key: section.body for section in sections}
    ordered = tuple((s.key, by_key.get(s.key, "")) for s in plan_kind(row.kind).sections)
    return Plan(
        **{name: getattr(row, name) for name in _SCALARS},
        legal_bases=lines_of(row.legal_bases),
        recipients=lines_of(row.recipients),
        sections=ordered,
        id=row.id,
        copied_from_id=row.copied_from_id,
    )


def _write(session, row: PlanRow, data: PlanData) -> None:
    for name in _SCALARS:
        setattr(row, name, getattr(data, name))
    row.legal_bases = text_of(data.legal_bases)
    row.recipients = text_of(data.recipients)
    existing = {s.key: s for s in session.scalars(select(PlanSectionRow).where(PlanSectionRow.plan_id == row.id))}
    for key, body in data.sections:
        if key in existing:
            existing[key].body = body
        else:
            session.add(PlanSectionRow(plan_id=row.id, key=key, body=body))


def _existing(session, plan_id: int) -> PlanRow:
    row = session.get(PlanRow, plan_id)
    if row is None:
        raise UserError("Không tìm thấy kế hoạch này; có thể đã bị xóa.", "Chọn lại kế hoạch trong danh sách.")
    return row


def new_plan_data(store: Store, year: int, kind: str = REFORM, today: date | None = None) -> PlanData:
    """A blank plan of ``kind`` for ``year``, with the commune's title and signer filled in; its recipient is
    the superior in force when the plan is issued (1 January of a past year, else today)."""
    today = today or date.today()
    profile = get_profile(store).addressed_on(date(year, 1, 1) if year < today.year else today)
    suffix = profile.doc_suffix or "UBND"
    return PlanData(
        year=year,
        kind=kind,
        number=f"/KH-{suffix}",
        title=plan_kind(kind).title_for(year, profile.commune_name),
        signer_title=(profile.chairman_title or "Chủ tịch").upper(),
        signer_name=profile.chairman_name,
        recipients=(profile.superior_authority, "Lưu: VT.") if profile.superior_authority else ("Lưu: VT.",),
    )


def plan_label(kind: str, year: int) -> str:
    """How a plan is named in an undo label and a message: "kế hoạch CCHC năm 2025"."""
    return f"{plan_kind(kind).label.lower()} năm {year}"


def create_plan(store: Store, data: PlanData, areas: tuple[str, ...] = DEFAULT_AREAS) -> Done[Plan]:
    clean = validated(data)
    with store.action(f"Tạo {plan_label(clean.kind, clean.year)}") as action:
        session = action.session
        row = PlanRow(year=clean.year, kind=clean.kind)
        session.add(row)
        session.flush()
        _write(session, row, clean)
        for position, title in enumerate(areas):
            session.add(AreaRow(plan_id=row.id, position=position, title=title))
        session.flush()
        created = _read(session, row)
    return Done(created, action.changes)


def get_plan(store: Store, plan_id: int) -> Plan:
    with store.transaction() as session:
        return _read(session, _existing(session, plan_id))


def update_plan(store: Store, plan_id: int, data: PlanData) -> Done[Plan]:
    """Save the plan's own fields; returns the plan as saved."""
    clean = validated(data)
    with store.action("Sửa thông tin kế hoạch") as action:
        session = action.session
        row = _existing(session, plan_id)
        year_changed = row.year != clean.year
        if year_changed:
            _refuse_year_change_with_progress(session, plan_id, row.year, clean.year)
        _write(session, row, clean)
        if year_changed:
            for task in _tasks_of(session, plan_id):
                save_task_schedule(session, task, clean.year)
        session.flush()
        saved = _read(session, row)
    return Done(saved, action.changes)


def _recorded_checkpoints(session, plan_id: int) -> int:
    from db.models import OccurrenceRow

    return session.scalar(
        select(func.count(OccurrenceRow.id)).join(TaskRow, TaskRow.id == OccurrenceRow.task_id)
        .join(AreaRow, AreaRow.id == TaskRow.area_id)
        .where(AreaRow.plan_id == plan_id, OccurrenceRow.status != "todo"))


def year_is_fixed(store: Store, plan_id: int) -> bool:
    """The plan's year can no longer change (see ``_refuse_year_change_with_progress``): the form locks it."""
    with store.transaction() as session:
        return bool(_recorded_checkpoints(session, plan_id))


def _refuse_year_change_with_progress(session, plan_id: int, old: int, new: int) -> None:
    """A plan whose checkpoints already record progress keeps its year: moving it would leave the work done
    on the old dates under the new year (done tasks "late" in a year not yet begun)."""
    recorded = _recorded_checkpoints(session, plan_id)
    if recorded:
        raise UserError(
            f"Kế hoạch năm {old} đã có {recorded} kỳ việc được cập nhật tiến độ: không đổi sang năm {new} được.",
            f"Để lập kế hoạch năm {new} từ kế hoạch này, dùng “Sao chép…” (nội dung và thời hạn được chuyển năm); "
            f"kế hoạch và tiến độ năm {old} giữ nguyên.",
        )


def _tasks_of(session, plan_id: int) -> list[TaskRow]:
    return list(session.scalars(select(TaskRow).join(AreaRow).where(AreaRow.plan_id == plan_id)))


def list_plans(store: Store, year: int | None = None) -> list[PlanSummary]:
    """Plans newest year first, the reform plan before the emulation plan."""
    counts = (
        select(AreaRow.plan_id, func.count(TaskRow.id).label("n"))
        .join(TaskRow, TaskRow.area_id == AreaRow.id, isouter=True)
        .group_by(AreaRow.plan_id)
        .subquery()
    )
    query = select(PlanRow, counts.c.n).join(counts, counts.c.plan_id == PlanRow.id, isouter=True)
    if year is not None:
        query = query.where(PlanRow.year == year)
    with store.transaction() as session:
        rows = session.execute(query.order_by(PlanRow.year.desc(), PlanRow.kind.desc(), PlanRow.id)).all()
        return [PlanSummary(p.id, p.year, p.kind, p.title, p.number, n or 0) for p, n in rows]


def delete_plan(store: Store, plan_id: int) -> Changes:
    """Delete a plan with its areas, tasks, checkpoints, history and evidence links (undone through the journal)."""
    with store.action("Xóa kế hoạch") as action:
        row = _existing(action.session, plan_id)
        action.label = f"Xóa {plan_label(row.kind, row.year)}"
        action.session.delete(row)
    return action.changes


def preview_copy(store: Store, plan_id: int, to_year: int, today: date | None = None) -> CopyPreview:
    """What copying the plan to ``to_year`` would change about the world (the superior, the period, the
    legal bases), for the clerk to accept line by line, and what the software cannot decide."""
    source = get_plan(store, plan_id)
    with store.transaction() as session:
        draft = draft_copy(session, source, to_year)
    proposals, unresolved = propose(texts_of(draft), world_of(store, to_year, today))
    return CopyPreview(to_year, proposals, unresolved)


def copy_plan(store: Store, plan_id: int, to_year: int, accepted: Sequence[Proposal] = ()) -> Done[Plan]:
    """A new plan for ``to_year`` from an earlier one (``plan_world.draft_copy``: years moved forward, number
    and issue date cleared), with the ``accepted`` lines of ``preview_copy`` written in; one undo step."""
    source = get_plan(store, plan_id)
    with store.action(f"Tạo {plan_label(source.kind, to_year)}") as action:
        session = action.session
        draft = apply_accepted(draft_copy(session, source, to_year), accepted)
        row = PlanRow(year=to_year, kind=source.kind, copied_from_id=source.id)
        session.add(row)
        session.flush()
        _write(session, row, validated(draft.data))
        _copy_tree(session, draft, row.id, to_year)
        session.flush()
        copied = _read(session, row)
    return Done(copied, action.changes)


def _copy_tree(session, draft: CopyDraft, plan_id: int, year: int) -> None:
    for position, title, tasks in draft.areas:
        copy = AreaRow(plan_id=plan_id, position=position, title=title)
        session.add(copy)
        session.flush()
        for values in tasks:
            new_task = TaskRow(**{**values, "id": None, "area_id": copy.id, "due_override": None})
            session.add(new_task)
            save_task_schedule(session, new_task, year)
