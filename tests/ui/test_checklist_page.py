"""Theo dõi nhiệm vụ: filters, diacritic-free search, marking done, undo, evidence, restart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.checklist import year_checklist
from app.services.officials import OfficialData, add_official
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan
from app.store import Store
from ui.journal_undo import JournalUndoStack
from ui.models.checklist_model import ROW_ROLE, STATUS_COLUMN, ChecklistModel
from ui.pages import checklist_page
from ui.pages.checklist_page import ChecklistPage

from .conftest import type_text

TODAY = date(2024, 7, 1)


@pytest.fixture
def year_plan(store):
    """A 2024 plan: one task led by Lê Thị Mai, one by a role, due in different quarters."""
    mai = add_official(store, OfficialData("Lê Thị Mai", position="Công chức Văn phòng - Thống kê")).value
    plan = create_plan(store, PlanData(year=2024), areas=("Cải cách thể chế", "Cải cách thủ tục hành chính")).value
    first, second = plan_tree(store, plan.id)
    add_task(store, first.id, TaskData("Rà soát văn bản quy phạm pháp luật", lead_official_id=mai.id, timeframe="Quý I/2024"))
    add_task(store, second.id, TaskData("Cải cách thủ tục tại Bộ phận Một cửa", lead_text="Lãnh đạo UBND xã", timeframe="Quý III/2024"))
    add_task(store, second.id, TaskData("Đánh giá sự hài lòng", lead_official_id=mai.id, timeframe="Tháng 12 năm 2024"))
    return plan


def _page(qtbot, store):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = ChecklistPage(store, stack, stack.notify, today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page, stack


def _titles(page):
    return [page.model.index(r, 1).data() for r in range(page.model.rowCount())]


def _select(page, title):
    for r in range(page.model.rowCount()):
        if page.model.index(r, 1).data() == title:
            page.table.selectRow(r)
            return page.model.index(r, 0).data(ROW_ROLE)
    raise AssertionError(title)


def test_model_passes_qt_model_checks(qtmodeltester, store, year_plan):
    model = ChecklistModel()
    model.set_rows(year_checklist(store, 2024), TODAY)
    qtmodeltester.check(model)


def test_filter_by_official_and_by_overdue(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    lead = page.filters["lead"]
    lead.setCurrentIndex(lead.findData("Lê Thị Mai"))
    assert _titles(page) == ["Rà soát văn bản quy phạm pháp luật", "Đánh giá sự hài lòng"]
    lead.setCurrentIndex(0)
    page.overdue_only.setChecked(True)
    assert _titles(page) == ["Rà soát văn bản quy phạm pháp luật"]
    assert page.model.index(0, STATUS_COLUMN).data() == "Quá hạn"
    page.overdue_only.setChecked(False)
    status = page.filters["status"]
    status.setCurrentIndex(status.findText("Quá hạn"))
    assert page.count.text() == "1 / 3 kỳ việc"


def test_search_ignores_diacritics_and_case(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    qtbot.keyClicks(page.search, "CAI CACH THU TUC")  # matches titles and the area "Cải cách thủ tục hành chính"
    page.apply_search_now()
    assert _titles(page) == ["Cải cách thủ tục tại Bộ phận Một cửa", "Đánh giá sự hài lòng"]
    page.search.clear()
    qtbot.keyClicks(page.search, "bo phan mot cua")
    page.apply_search_now()
    assert _titles(page) == ["Cải cách thủ tục tại Bộ phận Một cửa"]


def test_search_waits_for_the_pause_in_typing_and_enter_applies_at_once(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    everything = _titles(page)
    type_text(page.search, "đánh giá")
    assert _titles(page) == everything and page._search_timer.isActive()  # still typing: nothing filtered yet
    qtbot.waitUntil(lambda: _titles(page) == ["Đánh giá sự hài lòng"], timeout=2000)
    assert page.count.text() == "1 / 3 kỳ việc"
    page.search.clear()
    type_text(page.search, "ra soat")
    assert _titles(page) == ["Đánh giá sự hài lòng"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _titles(page) == ["Rà soát văn bản quy phạm pháp luật"] and not page._search_timer.isActive()


def test_quarter_filter(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    page.filters["quarter"].setCurrentIndex(3)
    assert _titles(page) == ["Cải cách thủ tục tại Bộ phận Một cửa"]


def test_mark_done_with_a_date_then_undo(qtbot, store, year_plan):
    page, stack = _page(qtbot, store)
    row = _select(page, "Rà soát văn bản quy phạm pháp luật")
    page.panel.completed_on.setDate(date(2024, 4, 5))
    page.panel.status.setCurrentIndex(page.panel.status.findData("done"))
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    saved = next(r for r in year_checklist(store, 2024) if r.occurrence_id == row.occurrence_id)
    assert (saved.status, saved.completed_on) == ("done", date(2024, 4, 5))
    assert page.model.index(0, STATUS_COLUMN).data() == "Hoàn thành (trễ hạn)"
    assert "Hoàn thành ngày 05/04/2024" in page.panel.history.item(0).text()
    stack.undo()
    assert next(r for r in year_checklist(store, 2024) if r.occurrence_id == row.occurrence_id).status == "todo"
    assert page.model.index(0, STATUS_COLUMN).data() == "Quá hạn"


def test_not_done_needs_a_reason(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    _select(page, "Đánh giá sự hài lòng")
    page.panel.status.setCurrentIndex(page.panel.status.findData("skipped"))
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    assert year_checklist(store, 2024)[-1].status == "todo"  # nothing saved without a reason
    page.panel.reason.setText("Cấp trên chưa hướng dẫn")
    page.panel.reason.editingFinished.emit()
    assert (year_checklist(store, 2024)[-1].status, year_checklist(store, 2024)[-1].reason) == ("skipped", "Cấp trên chưa hướng dẫn")


def test_attach_and_open_evidence_then_restart(qtbot, store, year_plan, migrated_folder, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(checklist_page, "open_path", lambda path: opened.append(path) or True)
    scan = tmp_path / "usb" / "Biên bản.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 scan")
    page, stack = _page(qtbot, store)
    _select(page, "Rà soát văn bản quy phạm pháp luật")
    page.attach([str(scan)])
    assert page.panel.evidence.count() == 1 and page.panel.evidence.item(0).text().startswith("Biên bản.pdf")
    assert page.model.index(0, 5).data() == "1"
    scan.unlink()  # the stick is gone
    page.panel.evidence.setCurrentRow(0)
    page.panel.evidence_buttons["open"].click()
    assert opened and opened[0].read_bytes() == b"%PDF-1.4 scan"
    stack.undo()
    assert page.panel.evidence.count() == 0
    stack.redo()
    page.panel.completed_on.setDate(date(2024, 3, 28))
    page.panel.status.setCurrentIndex(page.panel.status.findData("done"))
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    page.close()
    store.close()
    reopened = Store(migrated_folder)
    try:
        again, _ = _page(qtbot, reopened)
        row = _select(again, "Rà soát văn bản quy phạm pháp luật")
        assert again.panel.evidence.count() == 1 and again.model.index(0, 5).data() == "1"
        assert (row.status, row.completed_on) == ("done", date(2024, 3, 28))
        history = [again.panel.history.item(i).text() for i in range(again.panel.history.count())]
        assert len(history) == 2  # attached, status: the undo took the attach's line back, the redo put it back
        assert "Hoàn thành ngày 28/03/2024" in history[0] and "Đính kèm tài liệu kiểm chứng “Biên bản.pdf”" in history[-1]
    finally:
        reopened.close()


def test_sort_by_due_then_back_to_plan_order(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    page.table.sortByColumn(2, page.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert _titles(page)[0] == "Đánh giá sự hài lòng"
    page.table.sortByColumn(0, page.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert _titles(page)[0] == "Rà soát văn bản quy phạm pháp luật"


def _panel_title(page):
    return page.panel.row.title if page.panel.row else None


def test_a_filter_keeps_the_selected_task_while_it_is_shown_and_empties_the_panel_when_not(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    _select(page, "Đánh giá sự hài lòng")
    lead = page.filters["lead"]
    lead.setCurrentIndex(lead.findData("Lê Thị Mai"))  # still shown, now on the second row
    assert page.table.currentIndex().row() == 1 and _panel_title(page) == "Đánh giá sự hài lòng"
    assert page.table.selectionModel().isRowSelected(1)
    page.filters["quarter"].setCurrentIndex(1)  # Quý I: filtered out
    assert not page.table.currentIndex().isValid() and page.panel.row is None
    assert not page.panel.isEnabled()
    page.filters["quarter"].setCurrentIndex(0)  # back, but nothing is selected any more
    assert not page.table.currentIndex().isValid() and page.panel.row is None


def test_sorting_keeps_the_selection_and_filtering_keeps_the_sort(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    _select(page, "Rà soát văn bản quy phạm pháp luật")
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # latest due date first
    assert _titles(page) == ["Đánh giá sự hài lòng", "Cải cách thủ tục tại Bộ phận Một cửa", "Rà soát văn bản quy phạm pháp luật"]
    assert page.table.currentIndex().row() == 2 and _panel_title(page) == "Rà soát văn bản quy phạm pháp luật"
    lead = page.filters["lead"]
    lead.setCurrentIndex(lead.findData("Lê Thị Mai"))
    assert _titles(page) == ["Đánh giá sự hài lòng", "Rà soát văn bản quy phạm pháp luật"]
    assert page.table.currentIndex().row() == 1 and _panel_title(page) == "Rà soát văn bản quy phạm pháp luật"
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (2, Qt.SortOrder.DescendingOrder)
    page.reload()  # e.g. after a change elsewhere: the sort and the filter stay
    assert _titles(page) == ["Đánh giá sự hài lòng", "Rà soát văn bản quy phạm pháp luật"]
    assert _panel_title(page) == "Rà soát văn bản quy phạm pháp luật"


def test_the_count_reads_shown_over_total(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    assert page.count.text() == "3 kỳ việc" and page.model.total() == 3
    page.filters["quarter"].setCurrentIndex(3)
    assert page.count.text() == "1 / 3 kỳ việc"
    page.filters["quarter"].setCurrentIndex(0)
    assert page.count.text() == "3 kỳ việc"


def test_a_long_or_markup_title_fits_the_panel_heading_whole_in_its_tooltip(qtbot, store, year_plan):
    """A title of several hundred characters is cut with "…" (the full text on hover); "<" stays text."""
    from ui.checklist.side_panel import HEADING_CHARS

    area = plan_tree(store, year_plan.id)[0]
    long_title = "Triển khai <b>kế hoạch</b> " + "nâng cao chất lượng phục vụ người dân, doanh nghiệp " * 8
    add_task(store, area.id, TaskData(long_title.strip(), timeframe="Quý IV/2024"))
    page, _stack = _page(qtbot, store)
    page.reload()
    _select(page, long_title.strip())
    heading = page.panel.heading
    assert heading.toolTip().endswith(long_title.strip())
    assert "…" in heading.text() and "&lt;b&gt;kế hoạch&lt;/b&gt;" in heading.text()
    assert len(heading.text()) < HEADING_CHARS + 120
    page.resize(790, 560)
    assert heading.sizeHint().height() < page.panel.height() / 3


def test_an_undo_label_cuts_a_long_title_with_an_ellipsis():
    from app.services.changes import short

    cut = short("Tham mưu UBND xã kịp thời thể chế hóa và tổ chức triển khai")
    assert cut == "Tham mưu UBND xã kịp thời thể chế hóa v…" and len(cut) == 40
    assert short("Rà soát văn bản") == "Rà soát văn bản"


def test_an_empty_table_says_why_and_offers_to_clear_the_filters(qtbot, store, year_plan):
    page, _stack = _page(qtbot, store)
    assert not page.hint.isVisible()
    page.search.setText("xyzxyz")
    page.apply_search_now()
    assert page.model.rowCount() == 0 and page.hint.isVisible() and "Không có kỳ việc nào khớp" in page.hint.text()
    assert page.clear_filters_button.isVisible()
    page.clear_filters_button.click()
    assert page.model.rowCount() == page.model.total() > 0 and not page.hint.isVisible()


def test_without_any_plan_the_page_points_to_the_plans_page(qtbot, store):
    page, _stack = _page(qtbot, store)
    assert page.hint.isVisible() and "Kế hoạch" in page.hint.text()
    assert not page.clear_filters_button.isVisible()


def test_a_status_change_rereads_only_its_task_not_the_year(qtbot, store, year_plan, monkeypatch):
    """The page shows its own status change from that task's rows: the year's checklist is not read again."""
    page, stack = _page(qtbot, store)
    _select(page, "Rà soát văn bản quy phạm pháp luật")
    reads = []
    real = checklist_page.checklist.year_checklist
    monkeypatch.setattr(checklist_page.checklist, "year_checklist", lambda *args: reads.append(args) or real(*args))
    page.panel.completed_on.setDate(date(2024, 4, 5))
    page.panel.status.setCurrentIndex(page.panel.status.findData("done"))
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    assert page.model.index(0, STATUS_COLUMN).data() == "Hoàn thành (trễ hạn)" and reads == []
    assert stack.undoText() == "Cập nhật trạng thái “Rà soát văn bản quy phạm pháp luật”"
    assert _panel_title(page) == "Rà soát văn bản quy phạm pháp luật"


def test_a_task_edited_elsewhere_rereads_only_that_task(qtbot, store, year_plan, monkeypatch):
    """A task renamed on the plans page shows its new title here without the year being read again."""
    from app.services.plan_tree import get_task, update_task

    page, _stack = _page(qtbot, store)
    row = _select(page, "Đánh giá sự hài lòng")
    reads = []
    real = checklist_page.checklist.year_checklist
    monkeypatch.setattr(checklist_page.checklist, "year_checklist", lambda *args: reads.append(args) or real(*args))
    task = get_task(store, row.task_id)
    page.refresh(update_task(store, task.id, replace(task.data, title="Khảo sát sự hài lòng")).changes)
    assert "Khảo sát sự hài lòng" in _titles(page) and reads == []
    assert _panel_title(page) == "Khảo sát sự hài lòng"
