"""The panel beside the checklist: the selected checkpoint's status, its task's evidence and history."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import DONE, SKIPPED, STATUS_LABELS
from app.services.checklist import ChecklistRow, HistoryEntry
from app.services.evidence import Evidence
from ui.widgets.date_field import DateField


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} byte"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"


class SidePanel(QWidget):
    """Emits ``status_chosen(status, completed_on, reason)``; evidence buttons emit their own signals."""

    status_chosen = Signal(str, object, str)
    attach_requested = Signal()
    open_requested = Signal(int)
    note_requested = Signal(int)
    detach_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ChecklistRow | None = None
        self._loading = False
        self.heading = QLabel(objectName="row_heading", wordWrap=True)
        self.status = QComboBox(objectName="status")
        for key, label in STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.completed_on = DateField(objectName="completed_on")
        self.reason = QLineEdit(objectName="reason", placeholderText="Bắt buộc khi “Không thực hiện”")
        self.done_today = QPushButton("Xong hôm nay", objectName="done_today", toolTip="Đánh dấu hoàn thành ngày hôm nay (Ctrl+Enter)")
        self.evidence = QListWidget(objectName="evidence", wordWrap=True)
        self.evidence_buttons = {
            name: QPushButton(text, objectName=name)
            for name, text in (("attach", "Đính kèm…"), ("open", "Mở"), ("note", "Ghi chú…"), ("detach", "Gỡ"))
        }
        self.history = QListWidget(objectName="history", wordWrap=True)
        self._build()
        self._connect()
        self.show_row(None, [], [])

    def _build(self) -> None:
        status_box = self.status_box = QGroupBox("Trạng thái của kỳ đang chọn", objectName="status_box")
        form = QFormLayout(status_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow screens: labels above the fields
        form.addRow("Trạng thái:", self.status)
        form.addRow("Ngày hoàn thành:", self.completed_on)
        form.addRow("Lý do:", self.reason)
        form.addRow(self.done_today)
        evidence_box = QGroupBox("Tài liệu kiểm chứng của nhiệm vụ")
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.addWidget(self.evidence)
        row = QGridLayout()  # two by two: the panel stays narrow enough to leave the list its columns
        for index, button in enumerate(self.evidence_buttons.values()):
            row.addWidget(button, index // 2, index % 2)
        evidence_layout.addLayout(row)
        history_box = QGroupBox("Lịch sử thay đổi")
        QVBoxLayout(history_box).addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, status_box, evidence_box, history_box):
            layout.addWidget(widget)

    def _connect(self) -> None:
        self.status.activated.connect(self._emit_status)
        self.completed_on.editingFinished.connect(self._emit_status)
        self.reason.editingFinished.connect(self._emit_status)
        self.done_today.clicked.connect(self.mark_done_today)
        self.evidence.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.evidence_buttons["attach"].clicked.connect(self.attach_requested)
        for name, signal in (("open", self.open_requested), ("note", self.note_requested), ("detach", self.detach_requested)):
            self.evidence_buttons[name].clicked.connect(lambda _=False, s=signal: self._emit_selected(s))

    def show_row(self, row: ChecklistRow | None, evidence: list[Evidence], history: list[HistoryEntry]) -> None:
        self.row = row
        self._loading = True
        self.setEnabled(row is not None)
        self.heading.setText(heading_html(row) if row else "Chọn một dòng trong danh sách.")
        self.heading.setToolTip(f"{row.number}. {row.title}" if row else "")
        status = row.status if row else "todo"
        self.status.setCurrentIndex(self.status.findData(status))
        day = (row.completed_on if row and row.completed_on else date.today())
        self.completed_on.setDate(QDate(day.year, day.month, day.day))
        self.completed_on.setEnabled(status == DONE)
        self.reason.setText(row.reason if row else "")
        self.reason.setEnabled(status == SKIPPED)
        self.evidence.clear()
        for item in evidence:
            text = f"{item.original_name} ({_size(item.size)})" + (f" — {item.note}" if item.note else "")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item.link_id)
            entry.setToolTip(f"Đính kèm ngày {item.attached_at:%d/%m/%Y %H:%M}")
            self.evidence.addItem(entry)
        self.history.clear()
        for entry in history:
            self.history.addItem(f"{entry.at:%d/%m/%Y %H:%M} — {entry.what}")
        self._loading = False

    def show_many(self, count: int) -> None:
        """Several rows chosen: the status chosen here goes to every one of them (the rest shows the current row)."""
        many = count > 1
        self.status_box.setTitle(f"Trạng thái cho {count} kỳ việc đang chọn" if many else "Trạng thái của kỳ đang chọn")
        if many:
            self.heading.setText(f"<b>Đã chọn {count} kỳ việc.</b> Trạng thái chọn dưới đây áp dụng cho cả {count} "
                                 "kỳ; tài liệu và lịch sử bên dưới là của dòng đang đứng.")

    def _emit_selected(self, signal) -> None:
        item = self.evidence.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    def _entered_date(self) -> date:
        qdate = self.completed_on.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def _emit_status(self, *_args) -> None:
        if self._loading or self.row is None:
            return
        status = self.status.currentData()
        self.completed_on.setEnabled(status == DONE)
        self.reason.setEnabled(status == SKIPPED)
        if status == SKIPPED and not self.reason.text().strip():
            self.reason.setFocus()  # the reason comes first; saved when the clerk leaves the field
            return
        completed = self._entered_date() if status == DONE else None
        if (status, completed, self.reason.text().strip()) == (self.row.status, self.row.completed_on, self.row.reason):
            return
        self.status_chosen.emit(status, completed, self.reason.text().strip() if status == SKIPPED else "")

    def mark_done_today(self) -> None:
        if self.row is None:
            return
        today = date.today()
        self._loading = True
        self.status.setCurrentIndex(self.status.findData(DONE))
        self.completed_on.setDate(QDate(today.year, today.month, today.day))
        self._loading = False
        self._emit_status()


HEADING_CHARS = 200  # about five lines of the panel at 800 px: a longer title is cut, whole in the tooltip


def heading_html(row: ChecklistRow) -> str:
    """The row's number, title (cut to ``HEADING_CHARS`` with "…") and period, escaped for the rich-text label."""
    title = row.title if len(row.title) <= HEADING_CHARS else row.title[:HEADING_CHARS - 1].rstrip() + "…"
    return f"<b>{escape(row.number)}. {escape(title)}</b><br>{escape(row.period or '')}"
