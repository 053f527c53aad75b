"""Tổng quan page on a wrong clock: a red warning, no days left, no overdue count."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from ui.pages.dashboard_page import GREY, NOT_COMPUTED, DashboardPage


@pytest.fixture
def plan_2024(store):
    plan = create_plan(store, PlanData(year=2024, title="Kế hoạch CCHC năm 2024"), areas=("Cải cách thể chế",)).value
    add_task(store, plan_tree(store, plan.id)[0].id, TaskData("Niêm yết TTHC", timeframe="Trước ngày 15/5/2024"))
    return store


def _page(qtbot, store, today: date) -> DashboardPage:
    page = DashboardPage(store, None, lambda changes: None, today=lambda: today)
    qtbot.addWidget(page)
    page.resize(630, 560)
    page.show()
    return page


def test_a_2001_clock_shows_the_warning_instead_of_days_left(qtbot, plan_2024):
    """The clerk reads why nothing is counted, and no "còn 8455 ngày" or "0 quá hạn" anywhere."""
    page = _page(qtbot, plan_2024, date(2001, 1, 1))
    qtbot.waitUntil(page.clock_warning.isVisible)
    assert page.clock_warning.text().startswith("Đồng hồ máy tính có vẻ sai: hôm nay là 01/01/2001")
    model = page.deadlines_table.model()
    texts = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert texts and set(texts) == {"chưa tính được (đồng hồ máy sai)"}
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) == GREY
    assert page.summary.text().endswith("chưa tính được số quá hạn (đồng hồ máy sai).")
    assert page.sections["overdue"].title() == "Quá hạn (chưa tính được)"
    assert page.sections["upcoming"].empty.text() == NOT_COMPUTED and page.sections["upcoming"].empty.isVisible()


def test_a_right_clock_shows_no_warning(qtbot, plan_2024):
    """On 10/05/2024 the page counts days as usual and the warning stays hidden."""
    page = _page(qtbot, plan_2024, date(2024, 5, 10))
    assert not page.clock_warning.isVisible()
    assert page.upcoming_model.index(0, 3).data() == "còn 5 ngày"
    assert page.summary.text().endswith("0 quá hạn.")
