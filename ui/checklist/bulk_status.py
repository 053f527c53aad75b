"""Several checkpoints at once on the checklist: one status for every selected row (one Undo step),
from the side panel or the table's context menu, and files dropped on a row as its evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QTableView

from app.domain.progress import DONE, SKIPPED, STATUS_LABELS
from ui.models.checklist_model import ROW_ROLE


def selected_rows(table: QTableView) -> list:
    """The checkpoints of the selected rows, top to bottom (the current one alone when nothing is selected)."""
    indexes = sorted(table.selectionModel().selectedRows(), key=lambda index: index.row())
    rows = [index.data(ROW_ROLE) for index in indexes]
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().data(ROW_ROLE)]
    return [row for row in rows if row is not None]


def status_menu(parent, count: int, choose: Callable[[str], None]) -> QMenu:
    """"Đặt trạng thái cho N kỳ việc" with one item per status."""
    menu = QMenu(f"Đặt trạng thái cho {count} kỳ việc đang chọn" if count > 1 else "Đặt trạng thái", parent)
    for number, (key, label) in enumerate(STATUS_LABELS.items(), start=1):
        action = QAction(f"&{number} {label}", menu, objectName=f"bulk_{key}")
        action.triggered.connect(lambda _=False, k=key: choose(k))
        menu.addAction(action)
    return menu


def ask_details(parent, status: str, count: int, today: date) -> tuple[date | None, str] | None:
    """The day (done: today) or the reason (skipped) the status needs; None when the clerk cancels."""
    if status == SKIPPED:
        reason, ok = QInputDialog.getText(parent, "Lý do không thực hiện",
                                          f"Lý do không thực hiện (ghi cho cả {count} kỳ việc):")
        return (None, reason) if ok and reason.strip() else None
    return (today if status == DONE else None), ""


class FileDrop(QObject):
    """Files dragged from Explorer onto a table row: ``drop(row_index, paths)`` attaches them there."""

    def __init__(self, table: QTableView, drop: Callable[[int, list[Path]], None]) -> None:
        super().__init__(table)
        self.table, self.drop = table, drop
        table.setAcceptDrops(True)
        table.viewport().setAcceptDrops(True)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            row = self.table.indexAt(event.position().toPoint()).row()
            if _files(event.mimeData()) and (row >= 0 or kind == QEvent.Type.DragEnter):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if row >= 0:
                    self.table.selectRow(row)  # the row the files will go to is the one shown selected
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            row = self.table.indexAt(event.position().toPoint()).row()
            files = _files(event.mimeData())
            if row >= 0 and files:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.drop(row, files)
            return True
        return False


def _files(mime) -> list[Path]:
    """The local files (not folders, not web links) a drag carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]
