"""Areas and tasks of a plan: due dates from the timeframe, order, moves, delete and undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.errors import UserError
from app.services.officials import OfficialData, add_official, delete_official
from app.services.plan_tree import (
    TaskData,
    add_area,
    add_task,
    delete_area,
    delete_task,
    get_task,
    move_area,
    move_task,
    plan_tree,
    rename_area,
    update_task,
)
from app.services import undo
from app.services.plans import PlanData, create_plan


@pytest.fixture
def plan(store):
    return create_plan(store, PlanData(year=2024, title="Cải cách hành chính năm 2024"), areas=("Cải cách thể chế", "Cải cách TTHC")).value


def _titles(store, plan):
    return [(area.title, [task.title for task in area.tasks]) for area in plan_tree(store, plan.id)]


def test_due_dates_come_from_the_timeframe(store, plan):
    area = plan_tree(store, plan.id)[0]
    task = add_task(store, area.id, TaskData("Ban hành kế hoạch", timeframe="Quý I/2024")).value
    assert task.first_due == date(2024, 3, 31) and "31/03/2024" in task.due_text
    assert task.timeframe == "Quý I/2024"


def test_an_unreadable_timeframe_shows_no_due_date_and_a_hand_date_wins(store, plan):
    area = plan_tree(store, plan.id)[0]
    task = add_task(store, area.id, TaskData("Việc khác", timeframe="khi nào xong thì thôi")).value
    assert task.first_due is None and task.schedule.kind == "unknown"
    update_task(store, task.id, replace(task.data, due_override=date(2024, 6, 15)))
    again = get_task(store, task.id)
    assert again.first_due == date(2024, 6, 15) and "đặt tay" in again.due_text
    assert again.timeframe == "khi nào xong thì thôi"


def test_task_text_is_cleaned_and_a_title_is_required(store, plan):
    area = plan_tree(store, plan.id)[0]
    with pytest.raises(UserError):
        add_task(store, area.id, TaskData("   "))
    task = add_task(store, area.id, TaskData(" Rà soát\u200b TTHC ", coordinators=(" Công chức TP-HT ", ""))).value
    assert task.title == "Rà soát TTHC" and task.coordinators == ("Công chức TP-HT",)


def test_lead_may_be_an_official_or_free_text(store, plan):
    official = add_official(store, OfficialData("Lê Thị Mai", position="Công chức Văn phòng - Thống kê")).value
    area = plan_tree(store, plan.id)[0]
    by_person = add_task(store, area.id, TaskData("A", lead_official_id=official.id)).value
    by_role = add_task(store, area.id, TaskData("B", lead_text="Lãnh đạo UBND xã")).value
    assert (by_person.lead, by_role.lead) == ("Lê Thị Mai", "Lãnh đạo UBND xã")


def test_an_official_who_leads_a_task_cannot_be_deleted(store, plan):
    official = add_official(store, OfficialData("Lê Thị Mai")).value
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("A", lead_official_id=official.id))
    with pytest.raises(UserError) as caught:
        delete_official(store, official.id)
    assert "đang chủ trì 1 nhiệm vụ" in caught.value.message


def test_tasks_insert_at_a_position_and_stay_dense(store, plan):
    area = plan_tree(store, plan.id)[0]
    add_task(store, area.id, TaskData("A"))
    add_task(store, area.id, TaskData("C"))
    add_task(store, area.id, TaskData("B"), position=1)
    tasks = plan_tree(store, plan.id)[0].tasks
    assert [(t.title, t.position) for t in tasks] == [("A", 0), ("B", 1), ("C", 2)]


def test_move_task_between_areas_and_back(store, plan):
    """A task moved to another area goes back to its place on undo, both areas numbered densely."""
    first, second = plan_tree(store, plan.id)
    a = add_task(store, first.id, TaskData("A")).value
    add_task(store, first.id, TaskData("B"))
    add_task(store, second.id, TaskData("X"))
    move_task(store, a.id, second.id, 1)
    assert _titles(store, plan) == [("Cải cách thể chế", ["B"]), ("Cải cách TTHC", ["X", "A"])]
    undo.undo(store)
    assert _titles(store, plan) == [("Cải cách thể chế", ["A", "B"]), ("Cải cách TTHC", ["X"])]


def test_move_and_rename_area_are_named_steps(store, plan):
    """Moving and renaming an area are steps the Edit menu names; an empty name is refused."""
    second = plan_tree(store, plan.id)[1]
    assert move_area(store, second.id, 0).label == "Chuyển vị trí lĩnh vực"
    assert [a.title for a in plan_tree(store, plan.id)] == ["Cải cách TTHC", "Cải cách thể chế"]
    renamed = rename_area(store, second.id, "Cải cách thủ tục hành chính")
    assert renamed.label == "Đổi tên lĩnh vực thành “Cải cách thủ tục hành chính”"
    with pytest.raises(UserError):
        rename_area(store, second.id, " ")


def test_deleted_task_comes_back_in_its_place(store, plan):
    area = plan_tree(store, plan.id)[0]
    for title in "ABC":
        add_task(store, area.id, TaskData(title))
    middle = plan_tree(store, plan.id)[0].tasks[1]
    delete_task(store, middle.id)
    assert [t.title for t in plan_tree(store, plan.id)[0].tasks] == ["A", "C"]
    undo.undo(store)
    assert [t.title for t in plan_tree(store, plan.id)[0].tasks] == ["A", "B", "C"]
    assert get_task(store, middle.id) == middle


def test_deleted_area_comes_back_with_its_tasks(store, plan):
    first = plan_tree(store, plan.id)[0]
    add_task(store, first.id, TaskData("A", timeframe="Thường xuyên"))
    delete_area(store, first.id)
    assert _titles(store, plan) == [("Cải cách TTHC", [])]
    undo.undo(store)
    assert _titles(store, plan) == [("Cải cách thể chế", ["A"]), ("Cải cách TTHC", [])]


def test_add_area_at_the_end_and_at_a_position(store, plan):
    add_area(store, plan.id, "Cải cách tài chính công")
    add_area(store, plan.id, "Công tác chỉ đạo, điều hành", position=0)
    assert [a.title for a in plan_tree(store, plan.id)] == [
        "Công tác chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách TTHC", "Cải cách tài chính công",
    ]
