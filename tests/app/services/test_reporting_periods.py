"""The commune's reporting periods: the progress report counts by its window, the paper date and the dashboard follow."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.queries import dashboard_view
from app.services import reporting_periods
from app.services.checklist import set_status, year_checklist
from app.services.dashboard import dashboard
from app.services.paper_dates import REPORT, SCORING, paper_date
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from app.services.progress_report import progress_report
from app.services.reporting_periods import PeriodEntry

NATIONAL = date(2025, 1, 1)


def _task(store, year: int, title: str, timeframe: str) -> int:
    plan = create_plan(store, PlanData(year=year, title=f"Kế hoạch CCHC năm {year} ({title})"),
                       areas=("Cải cách thủ tục hành chính",)).value
    return add_task(store, plan_tree(store, plan.id)[0].id, TaskData(title, timeframe=timeframe)).value.id


def _finish(store, year: int, task_id: int, on: date) -> None:
    point = next(row for row in year_checklist(store, year) if row.task_id == task_id)
    set_status(store, point.occurrence_id, "done", on)


@pytest.mark.parametrize(("finished", "done", "doing"), [(date(2026, 6, 14), 1, 0), (date(2026, 6, 15), 0, 1)])
def test_a_checkpoint_finished_on_the_cut_off_day_counts_as_done_in_h1_one_day_later_does_not(
        store, finished, done, doing):
    """Due 10/06/2026: finished 14/06 it is done in the six-month report; finished 15/06 it was still open on 14/06."""
    task = _task(store, 2026, "Niêm yết thủ tục hành chính", "Trước ngày 10/6/2026")
    _finish(store, 2026, task, finished)
    report = progress_report(store, 2026, "h1", date(2026, 6, 20), evidence=[])
    assert (report.totals.total, report.totals.done, report.totals.doing) == (1, done, doing)
    assert report.totals.overdue == doing  # still open on the cut-off day, past its due date
    assert report.data_window == "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026"


def test_the_window_takes_last_years_checkpoints_from_15_december_and_leaves_the_days_after_the_cut_off(store):
    """Q1 2026 counts a 2025 task due 20/12/2025 and one due 14/03/2026, not one due 15/03/2026 (upcoming)."""
    _task(store, 2025, "Tổng kết năm 2025", "Trước ngày 20/12/2025")
    _task(store, 2025, "Rà soát đầu tháng 12", "Trước ngày 10/12/2025")
    _task(store, 2026, "Ban hành kế hoạch", "Trước ngày 14/3/2026")
    _task(store, 2026, "Niêm yết", "Trước ngày 15/3/2026")
    report = progress_report(store, 2026, "q1", date(2026, 3, 20), evidence=[])
    assert sorted(item.title for item in report.items) == ["Ban hành kế hoạch", "Tổng kết năm 2025"]
    assert report.upcoming == 1


def test_a_2024_report_still_counts_by_calendar_quarter(store):
    """Quý I 2024 reaches 01/01–31/03/2024: a task due 31/03 is in it, one due 01/04 is not."""
    _task(store, 2024, "Ban hành kế hoạch", "Trước ngày 31/3/2024")
    _task(store, 2024, "Niêm yết", "Trước ngày 1/4/2024")
    report = progress_report(store, 2024, "q1", date(2024, 4, 10), evidence=[])
    assert (report.start, report.end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert [item.title for item in report.items] == ["Ban hành kế hoạch"]
    assert report.data_window == "Số liệu tính từ ngày 01/01/2024 đến ngày 31/3/2024"


def test_a_changed_deadline_dates_the_past_report_and_the_dashboard(store):
    """Hạn 6 tháng moved to 18/06: the 2026 report's default date and Tổng quan (both readers) say 18/06/2026."""
    assert paper_date(store, REPORT, 2026, "h1", date(2026, 12, 6)).day == date(2026, 6, 16)
    reporting_periods.save_periods(store, NATIONAL, {"h1": PeriodEntry((12, 15, True), (6, 14), (6, 18))})
    assert paper_date(store, REPORT, 2026, "h1", date(2026, 12, 6)).day == date(2026, 6, 18)
    assert paper_date(store, REPORT, 2024, "h1", date(2026, 12, 6)).day == date(2024, 5, 25)  # another version
    for board in (dashboard(store, 2026, date(2026, 6, 1)), dashboard_view.dashboard(store, 2026, date(2026, 6, 1))):
        assert {d.key: d.due for d in board.deadlines}["report-h1"] == date(2026, 6, 18)


def test_the_self_scoring_is_dated_with_the_year_reports_deadline(store):
    """The self-scoring goes with the year report: 16/12 of its year under the national rule."""
    assert paper_date(store, SCORING, 2025, "year", date(2026, 12, 6)).day == date(2025, 12, 16)


def test_a_refused_row_saves_nothing_and_names_the_period(store):
    """A deadline before the cut-off is refused for “quý I”; the other row typed with it is not saved either."""
    entries = {"h1": PeriodEntry((12, 15, True), (6, 14), (6, 18)), "q1": PeriodEntry((12, 15, True), (3, 14), (3, 1))}
    with pytest.raises(UserError) as refused:
        reporting_periods.save_periods(store, NATIONAL, entries)
    assert "Kỳ “quý I”" in refused.value.message and "hạn gửi báo cáo 01/03" in refused.value.message
    assert reporting_periods.report_window(store, 2026, "h1").deadline == date(2026, 6, 16)


def test_restoring_the_defaults_forgets_the_communes_rows(store):
    """After “Khôi phục mặc định” the version's periods are the shipped ones again; a second restore changes nothing."""
    reporting_periods.save_periods(store, NATIONAL, {"year": PeriodEntry((12, 15, True), (12, 14), (12, 18))})
    assert reporting_periods.periods_view(store, 2026).changed
    assert reporting_periods.restore_defaults(store, NATIONAL)
    assert not reporting_periods.periods_view(store, 2026).changed
    assert not reporting_periods.restore_defaults(store, NATIONAL)


def test_the_package_marks_the_report_due_by_the_communes_periods(store):
    """On 10/06/2026 the six-month report is due on 16/06 (the 2026 periods), not “hạn 25/05 đã qua” (the old
    table's day); the clerk's own deadline moves it; 2024 keeps its 25/05; the period suggested and the
    latest ended follow the cut-offs (14/06 in 2026, 30/06 in 2024)."""
    from app.exporters.package import default_contents
    from app.exporters.package_request import default_period, suggested_period

    _contents, due = default_contents(store, 2026, date(2026, 6, 10))
    report = next(item for item in due if item.key == "report")
    assert (report.period, report.deadline, report.reason.split(" (")[0]) == ("h1", date(2026, 6, 16), "đến hạn 16/06/2026")
    reporting_periods.save_periods(store, NATIONAL, {"h1": PeriodEntry((12, 15, True), (6, 14), (6, 20))})
    report = next(item for item in default_contents(store, 2026, date(2026, 6, 19))[1] if item.key == "report")
    assert report.deadline == date(2026, 6, 20)
    old = next(item for item in default_contents(store, 2024, date(2024, 5, 10))[1] if item.key == "report")
    assert (old.period, old.deadline) == ("h1", date(2024, 5, 25))
    assert suggested_period(store, 2026, date(2026, 6, 10)) == "h1"
    assert default_period(store, 2026, date(2026, 6, 15)) == "h1"  # 2026's six months were cut off on 14/06
    assert default_period(store, 2024, date(2024, 6, 15)) == "q1"  # 2024's on 30/06
