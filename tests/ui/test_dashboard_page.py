"""Tổng quan page: year picker, overdue and upcoming tables, statutory dates, charts, backup line, open_task."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.backups import backup_now
from app.services.changes import PLANS, Changes
from app.services.checklist import set_status, year_checklist
from app.services.officials import OfficialData, add_official
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from ui.pages.dashboard_page import GREY, ORANGE, TASK_ID_ROLE, CheckpointsModel, DashboardPage, DeadlinesModel
from ui.widgets.bar_chart import BarChart

TODAY = date(2024, 5, 10)


def _plan(store, year: int, tasks: list[TaskData]) -> list[int]:
    plan = create_plan(store, PlanData(year=year, title=f"Kế hoạch CCHC năm {year}"),
                       areas=("Cải cách thể chế", "Cải cách thủ tục hành chính")).value
    areas = plan_tree(store, plan.id)
    return [add_task(store, areas[n % 2].id, task).value.id for n, task in enumerate(tasks)]


@pytest.fixture
def two_years(store):
    """2024: two tasks overdue on 10/05, one due 15/05, one done; 2023: one task, left undone."""
    an = add_official(store, OfficialData("Nguyễn Văn An")).value
    ids = _plan(store, 2024, [
        TaskData("Ban hành kế hoạch CCHC", lead_official_id=an.id, timeframe="Quý I/2024"),
        TaskData("Niêm yết TTHC", lead_text="Công chức TP-HT", timeframe="Trước ngày 15/5/2024"),
        TaskData("Báo cáo tháng 2", lead_official_id=an.id, timeframe="Tháng 2 năm 2024"),
        TaskData("Rà soát TTHC", lead_text="Công chức TP-HT", timeframe="Tháng 12 năm 2024"),
    ])
    done = next(r for r in year_checklist(store, 2024) if r.task_id == ids[3])
    set_status(store, done.occurrence_id, "done", date(2024, 5, 1))
    _plan(store, 2023, [TaskData("Tổng kết năm 2023", timeframe="Tháng 12 năm 2023")])
    store.task_ids = ids
    return store


def _page(qtbot, store, today: date = TODAY) -> DashboardPage:
    page = DashboardPage(store, None, lambda changes: page.refresh(changes), today=lambda: today)
    qtbot.addWidget(page)
    page.resize(630, 560)
    page.show()
    return page


def _double_click(table, index) -> None:
    """Press, release, then double-click, as a real mouse does (a lone double-click event opens nothing)."""
    point = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _column(table, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_models_pass_qt_model_checks(qtmodeltester, two_years):
    """Both table models behave as Qt expects."""
    page = DashboardPage(two_years, None, lambda changes: None, today=lambda: TODAY)
    checkpoints = CheckpointsModel()
    checkpoints.set_rows(page.board.overdue, TODAY)
    qtmodeltester.check(checkpoints)
    deadlines = DeadlinesModel()
    deadlines.set_dates(page.board.deadlines)
    qtmodeltester.check(deadlines)


def test_the_year_defaults_to_this_year_else_the_latest(qtbot, two_years):
    """Today's year is chosen when it has plans; otherwise the latest year that has."""
    assert _page(qtbot, two_years).selected_year() == 2024
    assert _page(qtbot, two_years, date(2023, 6, 1)).selected_year() == 2023
    later = _page(qtbot, two_years, date(2026, 1, 5))
    assert later.selected_year() == 2024
    assert [later.year_picker.itemText(i) for i in range(later.year_picker.count())] == ["2024", "2023"]


def test_overdue_and_upcoming_tables_show_the_right_rows(qtbot, two_years):
    """Overdue rows come oldest first with days late; upcoming rows say how many days are left."""
    page = _page(qtbot, two_years)
    assert page.today_label.text() == "Hôm nay: 10/05/2024"
    assert _column(page.overdue_table, 0) == ["29/02", "31/03"]
    assert ["Báo cáo tháng 2" in t for t in _column(page.overdue_table, 1)] == [True, False]
    assert _column(page.overdue_table, 3) == ["trễ 71 ngày", "trễ 40 ngày"]
    assert _column(page.upcoming_table, 3) == ["còn 5 ngày"]
    assert page.sections["overdue"].title() == "Quá hạn (2)"
    assert page.sections["upcoming"].title() == "Sắp đến hạn (30 ngày) (1)"


def test_statutory_dates_show_days_left_in_colour(qtbot, two_years):
    """Passed dates read "đã qua …" in grey; the next one reads "còn …" in orange when within 30 days."""
    page = _page(qtbot, two_years)
    model = page.deadlines_table.model()
    assert _column(page.deadlines_table, 2)[:2] == ["đã qua 75 ngày", "còn 15 ngày"]
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) == GREY
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) == ORANGE
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_switching_the_year_reloads_everything(qtbot, two_years):
    """Choosing 2023 shows that year's overdue task, its dates and its chart."""
    page = _page(qtbot, two_years)
    page.year_picker.setCurrentIndex(page.year_picker.findData(2023))
    assert ["Tổng kết năm 2023" in t for t in _column(page.overdue_table, 1)] == [True]
    assert _column(page.overdue_table, 0) == ["31/12"]
    assert _column(page.deadlines_table, 1)[0] == "25/02/2023"
    assert "năm 2023" in page.sections["deadlines"].title()
    assert [(b.label, b.done, b.total) for b in page.area_chart.bars()] == [("Cải cách thể chế", 0, 1)]


def test_charts_show_done_over_total_per_area_and_lead(qtbot, two_years):
    """The charts carry done/total per area and per lead, with the percentage in the value text."""
    page = _page(qtbot, two_years)
    assert [(b.label, b.value_text) for b in page.area_chart.bars()] == [
        ("Cải cách thể chế", "0/2 (0%)"), ("Cải cách thủ tục hành chính", "1/2 (50%)"),
    ]
    assert [(b.label, b.value_text) for b in page.lead_chart.bars()] == [
        ("Công chức TP-HT", "1/2 (50%)"), ("Nguyễn Văn An", "0/2 (0%)"),
    ]
    assert "Hoàn thành 1/2 kỳ (50%)" in page.lead_chart.tooltip_text(page.lead_chart.bars()[0])


def test_double_clicking_an_overdue_row_emits_open_task(qtbot, two_years):
    """Double-clicking a checkpoint asks for its task, by id."""
    page = _page(qtbot, two_years)
    table = page.overdue_table
    index = table.model().index(0, 1)
    with qtbot.waitSignal(page.open_task, timeout=1000) as signal:
        _double_click(table, index)
    assert signal.args == [two_years.task_ids[2]] == [index.data(TASK_ID_ROLE)]


def test_double_clicking_an_upcoming_row_emits_open_task(qtbot, two_years):
    """The upcoming table opens its task the same way."""
    page = _page(qtbot, two_years)
    table = page.upcoming_table
    with qtbot.waitSignal(page.open_task, timeout=1000) as signal:
        _double_click(table, table.model().index(0, 0))
    assert signal.args == [two_years.task_ids[1]]


def test_a_commune_without_plans_sees_a_hint_and_this_years_dates(qtbot, store):
    """With no plan at all the page says what to do and still lists this year's statutory dates."""
    page = _page(qtbot, store)
    assert page.empty_hint.isVisible() and "chưa có kế hoạch" in page.empty_hint.text()
    assert not page.sections["overdue"].isVisible() and not page.sections["areas"].isVisible()
    assert page.sections["deadlines"].isVisible() and page.deadlines_table.model().rowCount() == 5
    assert page.selected_year() == 2024


def test_no_backup_is_shown_in_red_then_the_latest_after_a_refresh(qtbot, store):
    """Without backups the line warns in red; after a backup any refresh shows its time."""
    page = _page(qtbot, store)
    assert page.backup_label.text().startswith("Chưa có bản sao lưu") and "c62828" in page.backup_label.styleSheet()
    backup_now(store.folder, now=datetime(2024, 5, 10, 8, 15))
    page.refresh(Changes.of())
    assert page.backup_label.text().startswith("Sao lưu gần nhất: 10/05/2024 08:15")
    assert page.backup_label.styleSheet() == ""


def test_refresh_reloads_on_plan_changes_only(qtbot, two_years):
    """A change to plans reloads the lists; a change that touches nothing of theirs does not."""
    page = _page(qtbot, two_years)
    area = plan_tree(two_years, page.board.overdue[0].plan_id)[0]
    add_task(two_years, area.id, TaskData("Việc mới quá hạn", timeframe="Tháng 1 năm 2024"))
    page.refresh(Changes.of("profile"))
    assert page.overdue_table.model().rowCount() == 2
    page.refresh(Changes.of(PLANS))
    assert page.overdue_table.model().rowCount() == 3 and page.sections["overdue"].title() == "Quá hạn (3)"


def test_a_hidden_page_reloads_when_shown_again(qtbot, two_years):
    """Plan changes made while the page is hidden are shown as soon as it comes back."""
    page = _page(qtbot, two_years)
    page.hide()
    create_plan(two_years, PlanData(year=2025, title="Kế hoạch CCHC năm 2025"))
    page.refresh(Changes.of(PLANS))
    assert page.year_picker.count() == 2
    page.show()
    qtbot.waitUntil(lambda: page.year_picker.count() == 3)


def test_bar_chart_grows_taller_instead_of_clipping_long_labels(qtbot):
    """A long Vietnamese label wraps onto more lines when the chart is narrow; nothing is cut off."""
    chart = BarChart()
    qtbot.addWidget(chart)
    long_label = "Xây dựng và phát triển chính quyền điện tử hướng đến chính quyền số, chuyển đổi số"
    chart.set_items([type("Item", (), {"label": long_label, "done": 3, "total": 7})()])
    assert chart.heightForWidth(220) > chart.heightForWidth(600)
    chart.resize(220, 50)
    chart.show()
    qtbot.waitUntil(lambda: chart.minimumHeight() >= chart.heightForWidth(220))
    assert chart.bar_at(5, 5).value_text == "3/7 (43%)"


def _items(*labels: str) -> list:
    return [type("Item", (), {"label": label, "done": 1, "total": 2})() for label in labels]


def test_bar_chart_lays_out_each_width_once(qtbot, monkeypatch):
    """Asked for the same width again and again (as a layout pass does), the chart measures its labels once."""
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_items(_items("Cải cách thể chế", "Cải cách thủ tục hành chính"))
    laid_out = []
    place = chart._place
    monkeypatch.setattr(chart, "_place", lambda width: laid_out.append(width) or place(width))
    heights = {chart.heightForWidth(300) for _ in range(12)}
    assert len(heights) == 1 and laid_out == [300]


def test_bar_chart_measures_again_after_new_items_or_a_bigger_font(qtbot):
    """A longer label or a bigger font makes the chart taller at the same width: no stale layout is kept."""
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_items(_items("Ngắn"))
    short = chart.heightForWidth(220)
    chart.set_items(_items("Xây dựng và phát triển chính quyền điện tử hướng đến chính quyền số, chuyển đổi số"))
    wrapped = chart.heightForWidth(220)
    assert wrapped > short
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)
    assert chart.heightForWidth(220) > wrapped


def test_screenshot_of_the_demo_at_the_narrowest_window(qtbot, demo_store, tmp_path):
    """The demo year renders at 630 px (an 800 px window less navigation) with every chart bar inside its widget."""
    page = _page(qtbot, demo_store)
    qtbot.waitUntil(lambda: page.area_chart.height() >= page.area_chart.heightForWidth(page.area_chart.width()))
    assert page.area_chart.bars() and page.lead_chart.bars()
    shot = tmp_path / "dashboard.png"
    assert page.grab().save(str(shot)) and shot.stat().st_size > 10_000
