"""The progress report's paper states its data cut-off window, read back from the PDF and the Word copy."""

from __future__ import annotations

from datetime import date

from app.exporters.progress_report_files import export_progress_report
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from tests.app.exporters.test_progress_report_files import _pdf_text, _word_text


def test_the_2026_six_month_report_says_it_counts_from_15_december_2025_to_14_june_2026(store, tmp_path):
    """“(Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)” under the title, in the PDF and in Word."""
    plan = create_plan(store, PlanData(year=2026, title="Kế hoạch CCHC năm 2026"), areas=("Cải cách thể chế",)).value
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Rà soát văn bản", timeframe="Trước ngày 10/6/2026"))
    written = export_progress_report(store, 2026, "h1", tmp_path / "out", today=date(2026, 6, 20))
    statement = "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)"
    assert statement in _pdf_text(written[0].path)
    assert statement in _word_text(written[1].path)
