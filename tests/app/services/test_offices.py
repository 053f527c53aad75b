"""Offices of the UBND (collectives with a kind, head and dates) and officials belonging to them, on real SQLite."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.services import registers
from app.services.offices import (
    OfficeData,
    add_office,
    default_office_name,
    end_office,
    list_offices,
    set_official_office,
    update_office,
)
from app.services.officials import OfficialData, add_official, get_official, update_official
from app.services.plan_tree import add_area, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from app.queries.models.plans import TaskData

REFORM_DAY = date(2025, 7, 1)


def test_a_ward_gets_the_wards_economic_office_and_a_commune_its_own():
    """The default name comes from resources/defaults/offices.json by unit kind."""
    assert default_office_name("kinh_te", "phuong") == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert default_office_name("kinh_te", "xa") == "Phòng Kinh tế"
    assert default_office_name("van_hoa_xa_hoi", "phuong") == "Phòng Văn hóa - Xã hội"


def test_an_office_is_a_collective_with_its_head_and_dates(store):
    """Added once, it is listed as an office and as a collective nominations can name."""
    head = add_official(store, OfficialData("Bùi Thị Ngọc Ánh")).value.id
    office_id = add_office(store, OfficeData("van_hoa_xa_hoi", " Phòng Văn hóa - Xã hội ", head, REFORM_DAY)).value
    [office] = list_offices(store)
    assert (office.id, office.name, office.head_name, office.active_from) == (
        office_id, "Phòng Văn hóa - Xã hội", "Bùi Thị Ngọc Ánh", REFORM_DAY)
    assert [collective.name for collective in registers.list_collectives(store)] == ["Phòng Văn hóa - Xã hội"]


def test_offices_in_force_follow_their_dates(store):
    """An office founded on 01/07/2025 is not in force in 2024; one ended stays for papers before its end."""
    office_id = add_office(store, OfficeData("kinh_te", "Phòng Kinh tế", active_from=REFORM_DAY)).value
    assert list_offices(store, date(2024, 12, 31)) == []
    assert [office.id for office in list_offices(store, date(2026, 3, 1))] == [office_id]
    end_office(store, office_id, date(2026, 6, 30), today=date(2026, 12, 7))
    assert list_offices(store, date(2026, 7, 1)) == []
    assert [office.id for office in list_offices(store, date(2026, 6, 30))] == [office_id]
    assert registers.list_collectives(store, active_only=True) == []


def test_an_end_before_the_start_is_refused_in_vietnamese(store):
    """The message names the office and both dates."""
    with pytest.raises(UserError, match="“Phòng Kinh tế”: ngày thôi hoạt động 30/06/2025 trước ngày bắt đầu"):
        add_office(store, OfficeData("kinh_te", "Phòng Kinh tế", None, REFORM_DAY, date(2025, 6, 30)))


def test_an_unknown_kind_and_a_blank_name_are_refused(store):
    """Only the kinds of the data file; a name is required."""
    with pytest.raises(UserError, match="Loại cơ quan"):
        add_office(store, OfficeData("so_noi_vu", "Sở"))
    with pytest.raises(UserError, match="Chưa nhập tên"):
        add_office(store, OfficeData("other", "  "))


def test_officials_belong_to_an_office_through_their_data_or_the_service(store):
    """``office_id`` in OfficialData is saved; ``set_official_office`` moves and clears it."""
    office_id = add_office(store, OfficeData("van_phong", "Văn phòng HĐND và UBND")).value
    other = add_office(store, OfficeData("kinh_te", "Phòng Kinh tế")).value
    official = add_official(store, OfficialData("Đặng Văn Đức", office_id=office_id)).value
    assert get_official(store, official.id).office_id == office_id
    update_official(store, official.id, OfficialData("Đặng Văn Đức", office_id=other))
    assert get_official(store, official.id).office_id == other
    set_official_office(store, official.id, None)
    assert get_official(store, official.id).office_id is None


def test_an_office_renamed_keeps_its_officials(store):
    """Editing the name is one action; the official still names the office."""
    office_id = add_office(store, OfficeData("kinh_te", "Phòng Kinh tế")).value
    official = add_official(store, OfficialData("Huỳnh Văn Ân", office_id=office_id)).value
    changes = update_office(store, office_id, OfficeData("kinh_te", "Phòng Kinh tế, Hạ tầng và Đô thị"))
    assert changes.step and changes.label == "Sửa “Phòng Kinh tế, Hạ tầng và Đô thị”"
    assert get_official(store, official.id).office_id == office_id


def test_a_task_led_by_an_office_shows_the_offices_name(store):
    """The lead is the office's name; no official and no typed text are kept beside it."""
    office_id = add_office(store, OfficeData("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội")).value
    plan = create_plan(store, PlanData(year=2026, kind="reform"), areas=()).value
    area = add_area(store, plan.id, "Cải cách thể chế").value
    add_task(store, area.id, TaskData("Rà soát văn bản", lead_office_id=office_id, lead_text="Văn phòng"))
    [task] = plan_tree(store, plan.id)[0].tasks
    assert (task.lead, task.lead_office_id, task.lead_text, task.lead_official_id) == (
        "Phòng Văn hóa - Xã hội", office_id, "", None)


def test_a_task_led_by_an_office_is_printed_by_the_offices_name(store, tmp_path):
    """The plan's appendix workbook, read back, names the office in the lead column and its coordinators."""
    from openpyxl import load_workbook

    from app.exporters.plan_papers import export_plan_papers

    office_id = add_office(store, OfficeData("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội")).value
    plan = create_plan(store, PlanData(year=2026, kind="reform"), areas=()).value
    area = add_area(store, plan.id, "Cải cách thể chế").value
    add_task(store, area.id, TaskData("Rà soát văn bản", lead_office_id=office_id,
                                      coordinators=("Phòng Kinh tế",)))
    written = export_plan_papers(store, plan.id, tmp_path, word=False)
    workbook = next(item.path for item in written if item.path.suffix == ".xlsx")
    cells = [cell for row in load_workbook(workbook).active.iter_rows(values_only=True) for cell in row if cell]
    assert "Phòng Văn hóa - Xã hội" in cells and "Phòng Kinh tế" in cells


def test_the_progress_report_names_the_drafting_office_in_force_on_its_date(store):
    """A 2026 report: “Phòng Văn hóa - Xã hội theo dõi…”; a 2024 one keeps “công chức Văn phòng - Thống kê”."""
    from app.services.profile import set_drafting_office
    from app.services.progress_report import progress_report

    office_id = add_office(store, OfficeData("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội", active_from=REFORM_DAY)).value
    set_drafting_office(store, office_id)

    def deployment(year: int) -> str:
        report = progress_report(store, year, "year", date(year, 12, 10))
        return next(section.text for section in report.narrative if section.key == "deployment")

    assert "; Phòng Văn hóa - Xã hội theo dõi, đôn đốc tiến độ" in deployment(2026)
    assert "; công chức Văn phòng - Thống kê theo dõi, đôn đốc tiến độ" in deployment(2024)


def test_an_offices_members_for_emulation_are_the_officials_working_in_it(store):
    """A collective that is an office gathers its own officials, not the whole commune."""
    from app.services.proposals import read_facts, subject_members
    from db.models import CollectiveRow

    office_id = add_office(store, OfficeData("kinh_te", "Phòng Kinh tế")).value
    an = add_official(store, OfficialData("Huỳnh Văn Ân", office_id=office_id)).value.id
    add_official(store, OfficialData("Trần Văn Hùng"))
    with store.transaction() as session:
        facts = read_facts(session, 2026, date(2026, 12, 1))
        collectives = {office_id: session.get(CollectiveRow, office_id)}
        assert subject_members(facts, "collective", office_id, collectives) == [an]
