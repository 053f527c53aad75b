"""Plans: create with default areas, edit, list, delete with undo, copy from last year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.plan_kinds import EMULATION, REFORM
from app.errors import UserError
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import (
    DEFAULT_AREAS,
    PlanData,
    copy_plan,
    create_plan,
    delete_plan,
    get_plan,
    list_plans,
    new_plan_data,
    update_plan,
)
from app.services.profile import CommuneProfile, save_profile


def _plan(store, year=2024, kind=REFORM, **fields):
    return create_plan(store, PlanData(year=year, kind=kind, title=f"Cải cách hành chính năm {year}", **fields)).value


def test_new_plan_gets_the_eight_default_areas_in_order(store):
    plan = _plan(store)
    assert [area.title for area in plan_tree(store, plan.id)] == list(DEFAULT_AREAS)


def test_new_plan_data_takes_title_and_signer_from_the_profile(store):
    save_profile(store, CommuneProfile(commune_name="Hòa Bình Xuân", chairman_name="Trần Văn Hùng", chairman_title="Chủ tịch", doc_suffix="UBND"))
    data = new_plan_data(store, 2025, EMULATION)
    assert data.title.endswith("xã Hòa Bình Xuân năm 2025")
    assert (data.signer_title, data.signer_name, data.number) == ("CHỦ TỊCH", "Trần Văn Hùng", "/KH-UBND")


def test_plan_fields_and_sections_round_trip(store):
    sections = (("purpose", "Nâng cao chất lượng phục vụ."), ("organisation", "Công chức VP-TK theo dõi."))
    plan = _plan(store, number="15/KH-UBND", issue_date=date(2024, 2, 5),
                 legal_bases=("Căn cứ Nghị quyết số 76/NQ-CP;", "Căn cứ Kế hoạch của UBND huyện;"),
                 recipients=("UBND huyện;", "Lưu: VT."), sections=sections)
    again = get_plan(store, plan.id)
    assert again.number == "15/KH-UBND" and again.issue_date == date(2024, 2, 5)
    assert again.legal_bases == ("Căn cứ Nghị quyết số 76/NQ-CP;", "Căn cứ Kế hoạch của UBND huyện;")
    assert again.section("purpose") == "Nâng cao chất lượng phục vụ."
    assert again.section("requirements") == ""


def test_update_returns_the_saved_plan_as_one_undo_step(store):
    """Saving the plan's fields returns it as saved, and the step the Edit menu names."""
    plan = _plan(store)
    saved = update_plan(store, plan.id, replace(plan.data, title="Kế hoạch mới"))
    assert saved.value.title == "Kế hoạch mới" == get_plan(store, plan.id).title
    assert saved.changes.label == "Sửa thông tin kế hoạch" and saved.changes.ids("plan") == {plan.id}


@pytest.mark.parametrize("year", [1999, 2101])
def test_a_year_out_of_range_is_refused(store, year):
    with pytest.raises(UserError) as caught:
        _plan(store, year=year)
    assert "Năm" in caught.value.message and list_plans(store) == []


def test_list_counts_tasks_and_filters_by_year(store):
    first = _plan(store, 2024)
    _plan(store, 2025)
    area = plan_tree(store, first.id)[0]
    add_task(store, area.id, TaskData("Ban hành kế hoạch"))
    summaries = list_plans(store)
    assert [(s.year, s.task_count) for s in summaries] == [(2025, 0), (2024, 1)]
    assert [s.year for s in list_plans(store, year=2024)] == [2024]


def test_deleted_plan_comes_back_whole(store):
    """Undo of a deletion brings the plan back with its sections, areas and tasks."""
    from app.services import undo

    plan = _plan(store, sections=(("purpose", "Mục đích"),))
    area = plan_tree(store, plan.id)[2]
    add_task(store, area.id, TaskData("Niêm yết TTHC", timeframe="Thường xuyên"))
    deleted = delete_plan(store, plan.id)
    assert list_plans(store) == [] and deleted.label == "Xóa kế hoạch cải cách hành chính năm 2024"
    undo.undo(store)
    assert get_plan(store, plan.id) == plan
    assert [t.title for t in plan_tree(store, plan.id)[2].tasks] == ["Niêm yết TTHC"]


def test_copy_moves_years_forward_and_clears_number(store):
    plan = _plan(store, number="15/KH-UBND", issue_date=date(2024, 2, 5),
                 legal_bases=("Căn cứ Quyết định số 6140/QĐ-UBND ngày 26/12/2023;",),
                 sections=(("purpose", "Thực hiện tốt nhiệm vụ năm 2024."),))
    area = plan_tree(store, plan.id)[1]
    add_task(store, area.id, TaskData("Rà soát văn bản năm 2024", timeframe="Quý I/2024", due_override=date(2024, 3, 15)))
    copy = copy_plan(store, plan.id, 2025).value
    assert (copy.year, copy.number, copy.issue_date, copy.copied_from_id) == (2025, "/KH-UBND", None, plan.id)
    assert copy.title == "Cải cách hành chính năm 2025"
    assert copy.section("purpose") == "Thực hiện tốt nhiệm vụ năm 2025."
    assert copy.legal_bases == plan.legal_bases
    task = plan_tree(store, copy.id)[1].tasks[0]
    assert (task.title, task.timeframe, task.due_override) == ("Rà soát văn bản năm 2025", "Quý I/2025", None)
    assert task.first_due == date(2025, 3, 31)
    assert plan_tree(store, plan.id)[1].tasks[0].timeframe == "Quý I/2024"


def test_a_plan_with_recorded_progress_keeps_its_year(store):
    """Moving a plan whose work is under way would leave done tasks dated in the old year under the new one."""
    from app.services import checklist

    plan = create_plan(store, PlanData(year=2024), areas=("Cải cách thể chế",)).value
    area = plan_tree(store, plan.id)[0]
    add_task(store, area.id, TaskData("Rà soát văn bản", timeframe="Quý I/2024"))
    add_task(store, area.id, TaskData("Tuyên truyền", timeframe="Quý II/2024"))
    moved = update_plan(store, plan.id, replace(get_plan(store, plan.id).data, year=2025))  # nothing done yet: moves
    assert get_plan(store, plan.id).year == 2025
    update_plan(store, plan.id, replace(get_plan(store, plan.id).data, year=2024))
    first = checklist.year_checklist(store, 2024)[0]
    checklist.set_status(store, first.occurrence_id, "done", date(2024, 3, 20), "")
    with pytest.raises(UserError, match="đã có 1 kỳ việc được cập nhật tiến độ") as refused:
        update_plan(store, plan.id, replace(get_plan(store, plan.id).data, year=2025))
    assert "Sao chép" in refused.value.hint
    assert get_plan(store, plan.id).year == 2024 and checklist.year_checklist(store, 2024)[0].status == "done"
    assert moved.value.year == 2025
