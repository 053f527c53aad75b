"""Several checkpoints at once on the checklist: one status for every selected row (one Undo step),
from the side panel or the table's context menu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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
