"""The checklist as a spreadsheet: several rows at once, rows copied for Excel, files dropped on a row,
column widths kept."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtTest import QTest

from app.services import evidence
from app.services.checklist import year_checklist
from ui.widgets.file_drop import FileDrop
from ui.journal_undo import JournalUndoStack
from ui.models.checklist_model import ROW_ROLE, STATUS_COLUMN
from ui.pages.checklist_page import ChecklistPage

from .test_checklist_page import TODAY, _page, year_plan  # noqa: F401 - the fixture is used by name


def _select_all_rows(page):
    selection = page.table.selectionModel()
    page.table.setCurrentIndex(page.model.index(0, 0))
    for row in range(page.model.rowCount()):
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_one_status_for_several_rows_is_one_undo_step(qtbot, store, year_plan):
    """Three rows selected, "Không thực hiện" with a reason in the panel: all three change; one Ctrl+Z puts all back."""
    page, stack = _page(qtbot, store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    _select_all_rows(page)
    assert page.panel.status_box.title() == "Trạng thái cho 3 kỳ việc đang chọn"
    page.panel.reason.setText("Không còn phù hợp")
    page.panel.status.setCurrentIndex(page.panel.status.findData("skipped"))
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    assert {row.status for row in year_checklist(store, 2024)} == {"skipped"}
    assert stack.undoText() == "Cập nhật trạng thái 3 kỳ việc (Không thực hiện)"
    stack.undo()
    assert {row.status for row in year_checklist(store, 2024)} == {"todo"}


def test_ctrl_c_copies_the_selected_rows_as_columns(qtbot, store, year_plan):
    """Ctrl+C on the table puts one line per selected row, cells split by tabs, as Excel pastes into columns."""
    page, _ = _page(qtbot, store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    _select_all_rows(page)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().split("\n")
    assert len(lines) == 3
    header = page.table.horizontalHeader()
    order = sorted(range(page.model.columnCount()), key=header.visualIndex)
    assert order[:2] == [0, STATUS_COLUMN]  # the status beside the number
    shown = [[page.model.index(r, c).data() or "" for c in order] for r in range(3)]
    assert [line.split("\t") for line in lines] == [[" ".join(str(v).split()) for v in row] for row in shown]
    assert "Rà soát văn bản quy phạm pháp luật" in lines[0].split("\t")


def test_a_file_dropped_on_a_row_is_its_evidence(qtbot, store, year_plan, tmp_path):
    """A file dragged from the file manager onto the second row is attached to that row's task."""
    page, _ = _page(qtbot, store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    dropped = tmp_path / "Biên bản họp.pdf"
    dropped.write_bytes(b"%PDF-1.4 demo")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    where = QPointF(page.table.visualRect(page.model.index(1, 1)).center())
    event = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers a drop only inside a real drag (a system drag loop): hand it to the table's drop handler as Qt would
    drop = page.table.findChild(FileDrop)
    assert drop.eventFilter(page.table.viewport(), event) and event.isAccepted()
    task_id = page.model.index(1, 0).data(ROW_ROLE).task_id
    qtbot.waitUntil(lambda: [e.original_name for e in evidence.list_evidence(store, task_id)] == ["Biên bản họp.pdf"])
    others = {page.model.index(r, 0).data(ROW_ROLE).task_id for r in (0, 2)}
    assert not any(evidence.list_evidence(store, other) for other in others)


def test_column_widths_come_back(qtbot, store, year_plan):
    """A column made wider is as wide in the next window on the same data folder."""
    page, _ = _page(qtbot, store)
    page.table.horizontalHeader().resizeSection(2, 333)
    qtbot.waitUntil(lambda: store.folder.window_settings.exists()
                    and "tables" in store.folder.window_settings.read_text(encoding="utf-8"))
    stack = JournalUndoStack(store, lambda changes: None)
    again = ChecklistPage(store, stack, stack.notify, today=TODAY)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(2) == 333
