"""A plan's reform areas and tasks: read the tree, add, edit, move, delete.

Positions are kept dense (0, 1, 2 …) inside each parent after every change. Every write is
one journaled action (``Store.action``): undo puts back every row it touched, positions too.
"""

from __future__ import annotations

from dataclasses import asdict, fields, replace

from sqlalchemy import select

from app.domain.text import clean_line, clean_text
from app.domain.timeframe import parse_timeframe
from app.errors import UserError
from app.queries.models.plans import Area, Task, TaskData
from app.services.changes import Changes, Done, short
from app.services.plan_rows import lines_of, save_task_schedule, text_of
from app.store import Store
from db.models import AreaRow, CollectiveRow, OfficialRow, PlanRow, TaskRow


_TASK_FIELDS = tuple(f.name for f in fields(TaskData))


def validated_task(data: TaskData) -> TaskData:
    clean = replace(
        data,
        title=clean_text(data.title),
        detail=clean_text(data.detail),
        lead_text="" if data.lead_office_id else clean_line(data.lead_text),
        lead_official_id=None if data.lead_office_id else data.lead_official_id,
        coordinators=tuple(filter(None, (clean_line(c) for c in data.coordinators))),
        product=clean_text(data.product),
        timeframe=clean_line(data.timeframe),
        target_unit=clean_line(data.target_unit),
    )
    if not clean.title:
        raise UserError("Chưa nhập nội dung nhiệm vụ.", "Gõ nội dung nhiệm vụ vào ô “Nhiệm vụ”.")
    if clean.target_value is not None and clean.target_value < 0:
        raise UserError("Chỉ tiêu không được là số âm.", "Nhập chỉ tiêu từ 0 trở lên, hoặc để trống.")
    return clean


def _task(row: TaskRow, year: int, names: dict[int, str]) -> Task:
    values = {name: getattr(row, name) for name in _TASK_FIELDS if name != "coordinators"}
    lead = names.get(row.lead_official_id, "") if row.lead_official_id else row.lead_text
    if row.lead_office_id:  # an office leads: printed by its name
        lead = names.get(("office", row.lead_office_id), "")
    return Task(
        **values, coordinators=lines_of(row.coordinators), id=row.id, area_id=row.area_id,
        position=row.position, lead=lead or row.lead_text,
        schedule=parse_timeframe(row.timeframe or "", year), first_due=row.first_due,
    )


def _official_names(session) -> dict:
    """Officials' names by id, and offices' names by ``("office", id)``: whoever may lead a task."""
    names: dict = dict(session.execute(select(OfficialRow.id, OfficialRow.full_name)).all())
    for office_id, name in session.execute(select(CollectiveRow.id, CollectiveRow.name)):
        names[("office", office_id)] = name
    return names


def _year_of_area(session, area: AreaRow) -> int:
    return session.get(PlanRow, area.plan_id).year


def plan_tree(store: Store, plan_id: int) -> tuple[Area, ...]:
    """The plan's areas in order, each with its tasks in order. Two queries, not one per row."""
    with store.transaction() as session:
        plan = session.get(PlanRow, plan_id)
        if plan is None:
            raise UserError("Không tìm thấy kế hoạch này; có thể đã bị xóa.", "Chọn lại kế hoạch trong danh sách.")
        areas = list(session.scalars(select(AreaRow).where(AreaRow.plan_id == plan_id).order_by(AreaRow.position)))
        tasks = session.scalars(
            select(TaskRow).join(AreaRow).where(AreaRow.plan_id == plan_id).order_by(TaskRow.position, TaskRow.id)
        )
        names = _official_names(session)
        by_area: dict[int, list[Task]] = {area.id: [] for area in areas}
        for row in tasks:
            by_area[row.area_id].append(_task(row, plan.year, names))
        return tuple(Area(a.id, a.plan_id, a.position, a.title, tuple(by_area[a.id])) for a in areas)


def get_task(store: Store, task_id: int) -> Task:
    with store.transaction() as session:
        row = _existing_task(session, task_id)
        return _task(row, _year_of_area(session, session.get(AreaRow, row.area_id)), _official_names(session))


def _existing_area(session, area_id: int) -> AreaRow:
    row = session.get(AreaRow, area_id)
    if row is None:
        raise UserError("Không tìm thấy lĩnh vực này; có thể đã bị xóa.", "Tải lại kế hoạch rồi thử lại.")
    return row


def _existing_task(session, task_id: int) -> TaskRow:
    row = session.get(TaskRow, task_id)
    if row is None:
        raise UserError("Không tìm thấy nhiệm vụ này; có thể đã bị xóa.", "Tải lại kế hoạch rồi thử lại.")
    return row


def _siblings(session, model, parent_column, parent_id: int, exclude_id: int | None = None) -> list:
    rows = session.scalars(select(model).where(parent_column == parent_id).order_by(model.position, model.id))
    return [row for row in rows if row.id != exclude_id]


def _renumber(rows: list) -> None:
    for number, item in enumerate(rows):
        item.position = number


def _place(rows: list, row, position: int | None) -> None:
    """Insert ``row`` among ``rows`` at ``position`` (end if None) and number them densely."""
    index = len(rows) if position is None else max(0, min(position, len(rows)))
    rows.insert(index, row)
    _renumber(rows)


def _area_title(title: str) -> str:
    clean = clean_line(title)
    if not clean:
        raise UserError("Chưa nhập tên lĩnh vực.", "Ví dụ: “Cải cách thủ tục hành chính”.")
    return clean


def add_area(store: Store, plan_id: int, title: str, position: int | None = None) -> Done[Area]:
    clean = _area_title(title)
    with store.action(f"Thêm lĩnh vực “{short(clean)}”") as action:
        session = action.session
        if session.get(PlanRow, plan_id) is None:
            raise UserError("Không tìm thấy kế hoạch này; có thể đã bị xóa.", "Chọn lại kế hoạch trong danh sách.")
        row = AreaRow(plan_id=plan_id, title=clean, position=0)
        siblings = _siblings(session, AreaRow, AreaRow.plan_id, plan_id)
        session.add(row)
        _place(siblings, row, position)
        session.flush()
        added = Area(row.id, plan_id, row.position, row.title)
    return Done(added, action.changes)


def rename_area(store: Store, area_id: int, title: str) -> Changes:
    clean = _area_title(title)
    with store.action(f"Đổi tên lĩnh vực thành “{short(clean)}”") as action:
        _existing_area(action.session, area_id).title = clean
    return action.changes


def move_area(store: Store, area_id: int, position: int) -> Changes:
    """Move an area to ``position`` among its plan's areas."""
    with store.action("Chuyển vị trí lĩnh vực") as action:
        row = _existing_area(action.session, area_id)
        _place(_siblings(action.session, AreaRow, AreaRow.plan_id, row.plan_id, exclude_id=row.id), row, position)
    return action.changes


def delete_area(store: Store, area_id: int) -> Changes:
    """Delete an area with its tasks and everything recorded on them."""
    with store.action("Xóa lĩnh vực") as action:
        session = action.session
        row = _existing_area(session, area_id)
        action.label = f"Xóa lĩnh vực “{short(row.title)}”"
        plan_id = row.plan_id
        session.delete(row)
        session.flush()
        _renumber(_siblings(session, AreaRow, AreaRow.plan_id, plan_id))
    return action.changes


def _apply(row: TaskRow, data: TaskData) -> None:
    for name, value in asdict(data).items():
        setattr(row, name, text_of(value) if name == "coordinators" else value)


def add_task(store: Store, area_id: int, data: TaskData, position: int | None = None) -> Done[Task]:
    clean = validated_task(data)
    with store.action("Thêm nhiệm vụ") as action:
        session = action.session
        area = _existing_area(session, area_id)
        year = _year_of_area(session, area)
        row = TaskRow(area_id=area_id, position=0)
        _apply(row, clean)
        siblings = _siblings(session, TaskRow, TaskRow.area_id, area_id)
        session.add(row)
        _place(siblings, row, position)
        save_task_schedule(session, row, year)
        added = _task(row, year, _official_names(session))
    return Done(added, action.changes)


def update_task(store: Store, task_id: int, data: TaskData) -> Done[Task]:
    """Save a task's fields (its checkpoints follow a new timeframe); returns the task as saved."""
    clean = validated_task(data)
    with store.action("Sửa nhiệm vụ") as action:
        session = action.session
        row = _existing_task(session, task_id)
        year = _year_of_area(session, session.get(AreaRow, row.area_id))
        _apply(row, clean)
        save_task_schedule(session, row, year)
        saved = _task(row, year, _official_names(session))
    return Done(saved, action.changes)


def move_task(store: Store, task_id: int, area_id: int, position: int) -> Changes:
    """Move a task to ``position`` in ``area_id`` (same plan)."""
    with store.action("Chuyển vị trí nhiệm vụ") as action:
        session = action.session
        row = _existing_task(session, task_id)
        target = _existing_area(session, area_id)
        source = session.get(AreaRow, row.area_id)
        if target.plan_id != source.plan_id:
            raise UserError("Chỉ chuyển được nhiệm vụ giữa các lĩnh vực của cùng một kế hoạch.",
                            "Chọn một lĩnh vực của kế hoạch đang mở.")
        _renumber(_siblings(session, TaskRow, TaskRow.area_id, row.area_id, exclude_id=row.id))
        row.area_id = area_id
        _place(_siblings(session, TaskRow, TaskRow.area_id, area_id, exclude_id=row.id), row, position)
    return action.changes


def delete_task(store: Store, task_id: int) -> Changes:
    """Delete a task with its checkpoints, history and evidence links (the stored files stay)."""
    with store.action("Xóa nhiệm vụ") as action:
        session = action.session
        row = _existing_task(session, task_id)
        area_id = row.area_id
        session.delete(row)
        session.flush()
        _renumber(_siblings(session, TaskRow, TaskRow.area_id, area_id))
    return action.changes
