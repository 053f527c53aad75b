"""The task panel: every field of one task, saved as the clerk types, with the due date read live."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.timeframe import parse_timeframe
from app.services.offices import Office
from app.services.officials import Official
from app.services.plan_tree import Task, TaskData
from ui.widgets.autosave import Autosave, text_box
from ui.widgets.date_field import DateField


class TaskEditor(QWidget):
    """Emits ``edited(task_id, before, after)`` when the clerk's changes should be saved."""

    edited = Signal(int, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.year = date.today().year
        self.autosave = Autosave(self._emit, self)
        self.title = text_box("task_title", 5, "Nội dung nhiệm vụ")
        self.detail = text_box("task_detail", 2, "Chi tiết, ghi chú (nếu có)")
        self.lead = QComboBox(objectName="task_lead", editable=True)
        self.lead.lineEdit().setPlaceholderText("Chọn cán bộ hoặc gõ chức danh, ví dụ “Lãnh đạo UBND xã”")
        self.coordinators = QLineEdit(objectName="task_coordinators", placeholderText="Ngăn cách bằng dấu chấm phẩy ;")
        # Offers the offices' names: the chosen one is appended to the coordinators (they stay text).
        self.coordinator_pick = QComboBox(objectName="task_coordinator_pick")
        self.coordinator_pick.setToolTip("Thêm một cơ quan, bộ phận vào danh sách phối hợp")
        self.product = text_box("task_product", 3, "Sản phẩm, kết quả đầu ra")
        self.timeframe = QLineEdit(objectName="task_timeframe", placeholderText="Ví dụ: Quý I/2024; Thường xuyên; Trước ngày 15/12/2024")
        self.due_reading = QLabel(objectName="due_reading", wordWrap=True)
        self.override = QCheckBox("Đặt hạn bằng tay:", objectName="override")
        self.override_date = DateField(objectName="override_date")
        self.target = QLineEdit(objectName="task_target", placeholderText="Chỉ tiêu (số), ví dụ 100")
        self.target_unit = QLineEdit(objectName="task_target_unit", placeholderText="đơn vị, ví dụ %")
        self.target.setProperty("sample", "95")  # a number: what a test may type there
        self._layout()
        self._connect()
        self.setEnabled(False)

    def _layout(self) -> None:
        override_row = QHBoxLayout()
        override_row.addWidget(self.override)
        override_row.addWidget(self.override_date)
        override_row.addStretch(1)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 2)
        target_row.addWidget(self.target_unit, 1)
        coordinators_row = QHBoxLayout()
        coordinators_row.addWidget(self.coordinators, 3)
        coordinators_row.addWidget(self.coordinator_pick, 1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addStretch(1)
        for label, field in (
            ("Nhiệm vụ:", self.title), ("Chi tiết:", self.detail), ("Chủ trì:", self.lead),
            ("Phối hợp:", coordinators_row), ("Sản phẩm:", self.product),
            ("Thời gian thực hiện:", self.timeframe), ("", self.due_reading),
        ):
            form.addRow(label, field)
        form.addRow("", override_row)
        form.addRow("Chỉ tiêu:", target_row)

    def _connect(self) -> None:
        for box in (self.title, self.detail, self.product):
            box.textChanged.connect(self.autosave.changed)
        for line in (self.coordinators, self.timeframe, self.target, self.target_unit):
            line.textEdited.connect(self.autosave.changed)
            line.editingFinished.connect(self.autosave.flush)
        self.autosave.fields += [self.title, self.detail, self.product, self.coordinators, self.timeframe,
                                 self.target, self.target_unit, self.lead]  # marked if not saved
        self.lead.editTextChanged.connect(self.autosave.changed)
        self.lead.activated.connect(self.autosave.flush)
        self.coordinator_pick.activated.connect(self._add_coordinator)
        self.timeframe.textChanged.connect(self._show_due)
        self.override.toggled.connect(self._override_toggled)
        self.override_date.dateChanged.connect(self.autosave.changed)

    def set_officials(self, officials: list[Official], offices: list[Office] = ()) -> None:
        """The lead picker offers the offices first (data ``("office", id)``), then the officials (their id)."""
        with self.autosave:
            current = self.lead.currentText()
            self.lead.clear()
            self.lead.addItem("", None)
            for office in offices:
                self.lead.addItem(office.name, ("office", office.id))
            for official in officials:
                self.lead.addItem(official.full_name, official.id)
            self.lead.setCurrentText(current)
            self.coordinator_pick.clear()
            self.coordinator_pick.addItem("+ Cơ quan…", None)
            for office in offices:
                self.coordinator_pick.addItem(office.name, office.id)

    def _add_coordinator(self, index: int) -> None:
        name = self.coordinator_pick.itemText(index) if index > 0 else ""
        self.coordinator_pick.setCurrentIndex(0)
        parts = [part.strip() for part in self.coordinators.text().split(";") if part.strip()]
        if not name or name in parts:
            return
        self.coordinators.setText("; ".join((*parts, name)))
        self.autosave.changed()
        self.autosave.flush()

    def show_task(self, task: Task | None, year: int) -> None:
        """Fill the form from a saved task (None clears and disables it)."""
        self.task, self.year = task, year or date.today().year
        with self.autosave:
            self.setEnabled(task is not None)
            data = task.data if task else TaskData("")
            self.title.setPlainText(data.title)
            self.detail.setPlainText(data.detail)
            self._show_lead(data)
            self.coordinators.setText("; ".join(data.coordinators))
            self.product.setPlainText(data.product)
            self.timeframe.setText(data.timeframe)
            self.override.setChecked(data.due_override is not None)
            day = data.due_override or date(self.year, 12, 31)
            self.override_date.setDate(QDate(day.year, day.month, day.day))
            self.override_date.setEnabled(data.due_override is not None)
            self.target.setText("" if data.target_value is None else f"{data.target_value:g}")
            self.target_unit.setText(data.target_unit)
        self._show_due()

    def _show_lead(self, data: TaskData) -> None:
        index = self.lead.findData(data.lead_official_id) if data.lead_official_id else -1
        if data.lead_office_id:  # by hand: findData does not compare the ("office", id) pairs
            index = next((row for row in range(self.lead.count())
                          if self.lead.itemData(row) == ("office", data.lead_office_id)), -1)
        if index >= 0:
            self.lead.setCurrentIndex(index)
        else:
            self.lead.setCurrentText(data.lead_text)

    def _show_due(self, *_args) -> None:
        schedule = parse_timeframe(self.timeframe.text(), self.year)
        reading = f"→ {schedule.describe()}"
        if schedule.problem:
            reading += f"\n{schedule.problem}"
        self.due_reading.setText(reading)
        self.due_reading.setStyleSheet("color: #b00020" if schedule.kind == "unknown" else "color: #1b5e20")

    def _override_toggled(self, on: bool) -> None:
        self.override_date.setEnabled(on)
        self.autosave.changed()
        self.autosave.flush()

    def entered(self) -> TaskData:
        """The form as task data (not yet validated)."""
        lead_name = self.lead.currentText().strip()
        index = self.lead.findText(lead_name) if lead_name else -1
        picked = self.lead.itemData(index) if index > 0 else None
        office_id = picked[1] if isinstance(picked, tuple) else None
        official_id = None if office_id else picked
        qdate = self.override_date.date()
        try:
            target = float(self.target.text().replace(",", ".")) if self.target.text().strip() else None
        except ValueError:
            target = self.task.target_value if self.task else None
        return TaskData(
            title=self.title.toPlainText(),
            detail=self.detail.toPlainText(),
            lead_official_id=official_id,
            lead_text="" if official_id or office_id else lead_name,
            lead_office_id=office_id,
            coordinators=tuple(part.strip() for part in self.coordinators.text().split(";")),
            product=self.product.toPlainText(),
            timeframe=self.timeframe.text(),
            target_value=target,
            target_unit=self.target_unit.text(),
            due_override=date(qdate.year(), qdate.month(), qdate.day()) if self.override.isChecked() else None,
        )

    def _emit(self) -> None:
        if self.task is None:
            return
        after = self.entered()
        if _same(after, self.task.data):
            return
        self.edited.emit(self.task.id, self.task.data, after)

    def accept_saved(self, task: Task) -> None:
        """The page saved the edit: remember it as the new baseline without touching the fields."""
        self.task = task


def _same(entered: TaskData, saved: TaskData) -> bool:
    """Compare as the service will store it (trimmed, empty coordinators dropped)."""
    def tidy(data: TaskData) -> TaskData:
        return replace(
            data, title=data.title.strip(), detail=data.detail.strip(), product=data.product.strip(),
            lead_text=data.lead_text.strip(), timeframe=data.timeframe.strip(), target_unit=data.target_unit.strip(),
            coordinators=tuple(c for c in (x.strip() for x in data.coordinators) if c),
        )
    return tidy(entered) == tidy(saved)
