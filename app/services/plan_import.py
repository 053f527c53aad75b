"""Save an imported (and checked) plan as a new plan, in one journaled action (undone as a whole).

A lead that is exactly one active official's full name is linked to that
official; any other lead (a role such as "Công chức Tư pháp - Hộ tịch" or
"Lãnh đạo UBND xã") is kept as written, since the printed plan names roles.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from app.domain.vietnamese import fold
from app.importers.plan_model import ImportedPlan, to_json_dict
from app.services.changes import Done
from app.services.plan_rows import save_task_schedule, text_of
from app.services.plan_tree import TaskData, validated_task
from app.services.plans import Plan, PlanData, _read, _write, plan_label, validated
from app.store import Store
from db.models import AreaRow, OfficialRow, PlanRow, TaskRow


def match_lead(lead: str, officials: list[tuple[int, str]]) -> int | None:
    """The id of the one official whose full name is ``lead`` (ignoring case and diacritics), else None."""
    wanted = fold(lead)
    hits = [official_id for official_id, name in officials if wanted and fold(name) == wanted]
    return hits[0] if len(hits) == 1 else None


def save_imported_plan(store: Store, imported: ImportedPlan, data: PlanData) -> Done[Plan]:
    """A new plan with ``data``'s fields and the imported areas and tasks, in their order."""
    clean = validated(data)
    tasks = [
        (task.area, validated_task(TaskData(
            title=task.title, detail=task.detail, lead_text=task.lead, coordinators=tuple(task.coordinators),
            product=task.product, timeframe=task.timeframe,
        )))
        for task in imported.tasks
    ]
    with store.action(f"Tạo {plan_label(clean.kind, clean.year)}") as action:
        session = action.session
        officials = session.execute(
            select(OfficialRow.id, OfficialRow.full_name).where(OfficialRow.active.is_(True))
        ).all()
        plan = PlanRow(year=clean.year, kind=clean.kind, parts_json=parts_json(imported))
        session.add(plan)
        session.flush()
        _write(session, plan, clean)
        areas = _add_areas(session, plan.id, imported.areas + [t[0] for t in tasks if t[0] not in imported.areas])
        positions: dict[int, int] = {}
        for area_title, task in tasks:
            area_id = areas[area_title]
            row = TaskRow(area_id=area_id, position=positions.get(area_id, 0))
            positions[area_id] = row.position + 1
            _fill(row, task, match_lead(task.lead_text, officials))
            session.add(row)
            save_task_schedule(session, row, clean.year)
        session.flush()
        saved = _read(session, plan)
    return Done(saved, action.changes)


def parts_json(imported: ImportedPlan) -> str:
    """The document's parts around the tasks, as read, kept verbatim with the plan (NFC, not escaped)."""
    return json.dumps(to_json_dict(imported)["plan"], ensure_ascii=False)


def _add_areas(session, plan_id: int, titles: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for title in titles:
        if title in ids:
            continue
        row = AreaRow(plan_id=plan_id, position=len(ids), title=title or "Nhiệm vụ khác")
        session.add(row)
        session.flush()
        ids[title] = row.id
    return ids


def _fill(row: TaskRow, task: TaskData, official_id: int | None) -> None:
    row.title, row.detail, row.product, row.timeframe = task.title, task.detail, task.product, task.timeframe
    row.lead_official_id = official_id
    row.lead_text = "" if official_id else task.lead_text
    row.coordinators = text_of(task.coordinators)
    row.target_unit = ""
