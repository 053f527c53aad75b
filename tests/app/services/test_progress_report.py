"""The periodic progress report: what is counted in each column, the late list, evidence and the suggested text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.plan_kinds import EMULATION, REFORM
from app.services.checklist import set_status, year_checklist
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from app.services.profile import CommuneProfile, save_profile
from app.services.progress_report import Counts, percent, progress_report

TODAY = date(2024, 6, 20)  # the six-month report drafted before 30/06: June's checkpoints are not late yet


@dataclass(frozen=True)
class StandInEvidence:
    """What ``app.services.evidence`` hands out, reduced to what the report reads."""

    link_id: int
    task_id: int
    occurrence_id: int | None
    original_name: str
    note: str = ""
    attached_at: datetime = datetime(2024, 6, 1, 8, 0)
    size: int = 1000


def _checkpoint(store, task_id: int, due: date) -> int:
    return next(r.occurrence_id for r in year_checklist(store, 2024) if r.task_id == task_id and r.due == due)


def _tasks(store, area_id: int, *specs: tuple[str, str, str]) -> list[int]:
    return [add_task(store, area_id, TaskData(title, lead_text=lead, timeframe=tf)).value.id for title, lead, tf in specs]


def half_year_commune(store) -> dict[str, int]:
    """A commune's 2024: a reform plan (3 areas with tasks) and an emulation plan; statuses set as of 20/06/2024.

    Six months: 11 dated checkpoints — 6 done (1 late), 1 doing, 3 todo, 1 skipped; 2 overdue; 1 undated.
    """
    save_profile(store, CommuneProfile(
        commune_name="Hòa Bình Xuân", place_name="Hòa Bình Xuân", chairman_name="Trần Văn Hùng",
        chairman_title="Chủ tịch", district_authority="Ủy ban nhân dân huyện Sơn Hà",
        district_office="Phòng Nội vụ huyện Sơn Hà", superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi",
        receiving_office="Sở Nội vụ tỉnh Quảng Ngãi", doc_suffix="UBND",
    ))
    reform = create_plan(store, PlanData(year=2024, kind=REFORM, number="12/KH-UBND", issue_date=date(2024, 1, 5),
                                         title="Cải cách hành chính năm 2024 của xã Hòa Bình Xuân")).value
    steer, law, tthc = (area.id for area in plan_tree(store, reform.id)[:3])
    plan_task, monthly = _tasks(store, steer, ("Ban hành Kế hoạch CCHC năm 2024", "Văn phòng - Thống kê", "Quý I/2024"),
                                ("Báo cáo tình hình CCHC hằng tháng", "Văn phòng - Thống kê", "Định kỳ hàng tháng trong năm 2024"))
    review, _december = _tasks(store, law, ("Rà soát văn bản quy phạm pháp luật", "Tư pháp - Hộ tịch", "Quý II/2024"),
                               ("Tự kiểm tra công tác CCHC", "Văn phòng - Thống kê", "Tháng 12 năm 2024"))
    posting, guided = _tasks(store, tthc, ("Niêm yết công khai thủ tục hành chính", "Bộ phận Một cửa", "Thường xuyên"),
                             ("Triển khai dịch vụ công trực tuyến", "Bộ phận Một cửa", "Theo tiến độ và hướng dẫn"))
    emulation = create_plan(store, PlanData(year=2024, kind=EMULATION, title="Phát động phong trào thi đua năm 2024"),
                            areas=("Thi đua thực hiện cải cách hành chính",)).value
    (launch,) = _tasks(store, plan_tree(store, emulation.id)[0].id,
                       ("Tổ chức lễ phát động phong trào thi đua", "Văn phòng - Thống kê", "Quý I/2024"))
    done = [(plan_task, date(2024, 3, 31), date(2024, 3, 20)), (monthly, date(2024, 1, 31), date(2024, 2, 5)),
            (monthly, date(2024, 2, 29), date(2024, 2, 28)), (monthly, date(2024, 3, 31), date(2024, 3, 29)),
            (monthly, date(2024, 4, 30), date(2024, 4, 30)), (posting, date(2024, 3, 31), date(2024, 3, 31))]
    for task_id, due, on in done:
        set_status(store, _checkpoint(store, task_id, due), "done", on, "Gửi báo cáo chậm" if on > due else "")
    set_status(store, _checkpoint(store, monthly, date(2024, 5, 31)), "doing")
    set_status(store, _checkpoint(store, review, date(2024, 6, 30)), "skipped", None, "Chưa có hướng dẫn của cấp trên")
    return {"plan_task": plan_task, "monthly": monthly, "review": review, "december": _december,
            "posting": posting, "guided": guided, "launch": launch}


def test_six_month_totals_follow_the_counting_rules(store):
    """Due on or before 30/06: 11 dated checkpoints, 6 done of which 1 late, 2 overdue, 1 skipped, 1 undated apart."""
    half_year_commune(store)
    report = progress_report(store, 2024, "h1", TODAY, evidence=[])
    assert (report.start, report.end, report.span) == (date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024")
    assert report.totals == Counts(total=11, done=6, done_late=1, doing=1, todo=3, overdue=2, skipped=1,
                                   undated=1, undated_done=0)


def test_areas_come_in_plan_order_with_their_own_counts(store):
    """Reform areas first (only those with tasks), then the emulation plan's; each area counts its own checkpoints."""
    half_year_commune(store)
    report = progress_report(store, 2024, "h1", TODAY, evidence=[])
    assert [(a.title, a.counts.table_values()) for a in report.areas] == [
        ("Công tác chỉ đạo, điều hành cải cách hành chính", (7, 5, 1, 1, 1, 1, 0)),
        ("Cải cách thể chế", (1, 0, 0, 0, 0, 0, 1)),
        ("Cải cách thủ tục hành chính", (2, 1, 0, 0, 1, 0, 0)),
        ("Thi đua thực hiện cải cách hành chính", (1, 0, 0, 0, 1, 1, 0)),
    ]
    assert report.areas[2].counts.undated == 1


def test_quarter_one_counts_only_checkpoints_due_by_31_march(store):
    """Quý I: plan task, three months, the first quarterly check and the emulation launch; the launch is overdue."""
    half_year_commune(store)
    report = progress_report(store, 2024, "q1", date(2024, 4, 10), evidence=[])
    assert report.totals.table_values() == (6, 5, 1, 0, 1, 1, 0)
    assert report.span == "quý I năm 2024"


def test_the_late_list_holds_overdue_late_and_skipped_checkpoints_with_reasons(store):
    """Done late (January), overdue (May's report, the emulation launch) and skipped with its reason; June is not late yet."""
    half_year_commune(store)
    issues = progress_report(store, 2024, "h1", TODAY, evidence=[]).issues
    assert [(i.title, i.period, i.state, i.reason) for i in issues] == [
        ("Báo cáo tình hình CCHC hằng tháng", "Tháng 1", "Hoàn thành trễ hạn", "Gửi báo cáo chậm"),
        ("Báo cáo tình hình CCHC hằng tháng", "Tháng 5", "Quá hạn (đang thực hiện)", ""),
        ("Rà soát văn bản quy phạm pháp luật", "", "Không thực hiện", "Chưa có hướng dẫn của cấp trên"),
        ("Tổ chức lễ phát động phong trào thi đua", "", "Quá hạn (chưa thực hiện)", ""),
    ]


def test_items_list_the_dated_checkpoints_then_the_undated(store):
    """Every checkpoint of the period is an item (for the detailed table); the undated one comes last."""
    half_year_commune(store)
    items = progress_report(store, 2024, "h1", TODAY, evidence=[]).items
    assert len(items) == 12
    assert items[-1].title == "Triển khai dịch vụ công trực tuyến" and items[-1].due is None


def test_evidence_of_the_period_is_listed_and_later_evidence_left_out(store):
    """Evidence on a checkpoint of the period or on the whole task is listed; evidence of December's task is not."""
    ids = half_year_commune(store)
    evidence = [
        StandInEvidence(1, ids["december"], _checkpoint(store, ids["december"], date(2024, 12, 31)), "tu-kiem-tra.pdf"),
        StandInEvidence(2, ids["posting"], None, "anh-niem-yet.jpg", "Ảnh bảng niêm yết"),
        StandInEvidence(3, ids["plan_task"], _checkpoint(store, ids["plan_task"], date(2024, 3, 31)), "KH-CCHC.pdf"),
    ]
    report = progress_report(store, 2024, "h1", TODAY, evidence=evidence)
    assert [(e.number, e.original_name, e.note) for e in report.evidence] == [
        ("I.1", "KH-CCHC.pdf", ""), ("III.1", "anh-niem-yet.jpg", "Ảnh bảng niêm yết"),
    ]


def test_stored_evidence_is_read_when_none_is_given(store, tmp_path):
    """Without an evidence argument the report reads the year's attached files itself."""
    from app.services.evidence import attach

    ids = half_year_commune(store)
    source = tmp_path / "bien-ban-niem-yet.pdf"
    source.write_bytes(b"%PDF-1.4 minutes")
    attach(store, ids["posting"], source, _checkpoint(store, ids["posting"], date(2024, 3, 31)), "Biên bản kiểm tra")
    later = tmp_path / "tu-kiem-tra.docx"
    later.write_bytes(b"december")
    attach(store, ids["december"], later)
    report = progress_report(store, 2024, "h1", TODAY)
    assert [(e.number, e.original_name, e.note) for e in report.evidence] == [
        ("III.1", "bien-ban-niem-yet.pdf", "Biên bản kiểm tra"),
    ]


def test_suggested_text_is_written_from_the_numbers(store):
    """The results paragraph quotes 6/11 and 54,5 %; shortcomings give the counts and the reasons."""
    half_year_commune(store)
    report = progress_report(store, 2024, "h1", TODAY, evidence=[])
    text = {section.key: section.text for section in report.narrative}
    assert text["results"].startswith(
        "Trong 6 tháng đầu năm 2024, UBND xã đã hoàn thành 6/11 lượt nhiệm vụ đến hạn (đạt 54,5%), trong đó 1 lượt "
        "hoàn thành trễ hạn; 1 lượt nhiệm vụ đang thực hiện; 3 lượt nhiệm vụ chưa thực hiện; 1 lượt nhiệm vụ không thực hiện."
    )
    assert "Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND xã về cải cách hành chính năm 2024" in text["deployment"]
    assert text["shortcomings"].startswith("Còn 2 lượt nhiệm vụ đã quá hạn nhưng chưa hoàn thành; 1 lượt nhiệm vụ không thực hiện")
    assert "Nguyên nhân: Gửi báo cáo chậm; Chưa có hướng dẫn của cấp trên." in text["shortcomings"]
    assert "Tiếp tục triển khai 9 lượt nhiệm vụ đến hạn trong 6 tháng cuối năm 2024" in text["direction"]


def test_edited_text_replaces_only_the_sections_given(store):
    """The clerk's edit of one section replaces it; the other sections keep their suggestion."""
    half_year_commune(store)
    report = progress_report(store, 2024, "h1", TODAY, evidence=[])
    edited = report.with_narrative({"results": "Đã hoàn thành tốt."})
    assert [s.text for s in edited.narrative] == [
        report.narrative[0].text, "Đã hoàn thành tốt.", report.narrative[2].text, report.narrative[3].text,
    ]


def test_empty_year_reports_zero_without_failing(store):
    """No plan for the year: all counts zero, a text that still reads."""
    report = progress_report(store, 2030, "year", date(2030, 12, 1), evidence=[])
    assert report.totals == Counts() and report.areas == ()
    assert "hoàn thành 0/0 lượt nhiệm vụ" in report.narrative[1].text


def test_percent_uses_a_comma_and_drops_a_zero_decimal():
    """54,5% and 100%, never 54.5% or 100.0%."""
    assert (percent(6, 11), percent(4, 4), percent(0, 0)) == ("54,5%", "100%", "0%")
