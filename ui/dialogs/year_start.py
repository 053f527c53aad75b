"""Bắt đầu năm …: the turn of the year as one guided step (``app/services/year_start.py`` does the work).

A checklist: each step with its box, what it will do (or why it will not: the new year already has it,
or last year has nothing to carry), and after the run its result line. The run is one undoable action
on a worker thread under the runner's progress box; a failure leaves nothing and is said in Vietnamese.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.working_year import year_to_start
from app.resources import working_year_rule
from app.services import year_start as service
from ui.journal_undo import JournalUndoStack
from ui.runner import attempt, run
from ui.widgets.autosave import transient
from ui.widgets.fit import fit_to_screen

_MARKS = {service.DONE: "✔", service.SKIPPED: "—", service.NOTHING_TO_DO: "—"}


class YearStartDialog(QDialog):
    """``today`` is for tests (it picks the year offered); ``undo_stack``/``notify`` are the window's."""

    def __init__(self, store, parent: QWidget | None = None, today: date | None = None,
                 undo_stack: JournalUndoStack | None = None, notify=None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today or date.today()
        self.notify = notify or (lambda _changes: None)
        self.undo_stack = undo_stack if undo_stack is not None else JournalUndoStack(store, self.notify, self)
        self.preview: service.YearStart | None = None
        self.step_boxes: dict[str, QCheckBox] = {}
        self.will_labels: dict[str, QLabel] = {}
        self.result_labels: dict[str, QLabel] = {}
        self.plan_boxes: dict[int, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._year_row())
        self.intro = QLabel(wordWrap=True)
        layout.addWidget(self.intro)
        self.steps_area = QScrollArea(widgetResizable=True)
        layout.addWidget(self.steps_area, 1)
        self.summary = QLabel(wordWrap=True, objectName="summary",
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        fit_to_screen(self, 860, 640)
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.reload()

    def _year_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        offered = year_to_start(self.today, working_year_rule())
        self.year = transient(QSpinBox(objectName="year", minimum=2000, maximum=2100, value=offered,
                                       keyboardTracking=False))
        row.addWidget(QLabel("Bắt đầu năm:"))
        row.addWidget(self.year)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_button = QPushButton(objectName="start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(close)
        return row

    # --- showing the steps -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read what each step would do for the chosen year, and show the checklist afresh."""
        year = self.year.value()
        self.setWindowTitle(f"Bắt đầu năm {year}")
        self.start_button.setText(f"Bắt đầu năm {year}")
        self.intro.setText(
            f"Chép những gì năm {year - 1} đã có sang năm {year}. Bước nào năm {year} đã có thì bỏ qua và nói rõ, "
            "nên chạy lại không tạo trùng. Cả lần chạy là một thao tác: Sửa → Hoàn tác trả lại như cũ.")
        preview = attempt(self, lambda: service.preview(self.store, year))
        if not preview.ok:
            return
        self.preview = preview.value
        self.steps_area.setWidget(self._checklist(self.preview))
        self._enable_start()
        self.summary.clear()

    def _checklist(self, preview: service.YearStart) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setColumnStretch(1, 1)
        self.step_boxes.clear(), self.will_labels.clear(), self.result_labels.clear(), self.plan_boxes.clear()
        row = 0
        for step in preview.steps:
            box = QCheckBox(step.title, checked=step.ready, enabled=step.ready, objectName=f"step_{step.key}")
            box.toggled.connect(lambda _on: self._enable_start())
            will = QLabel(step.will, wordWrap=True, objectName=f"will_{step.key}")
            if not step.ready:
                will.setStyleSheet("color: #616161;")
            result = QLabel(wordWrap=True, objectName=f"result_{step.key}")
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(will, row, 1)
            self.step_boxes[step.key], self.will_labels[step.key] = box, will
            row += 1
            if step.key == service.PLANS:
                row = self._plan_rows(grid, row, preview, box)
            grid.addWidget(result, row, 1)
            self.result_labels[step.key] = result
            row += 1
        grid.setRowStretch(row, 1)
        return holder

    def _plan_rows(self, grid: QGridLayout, row: int, preview: service.YearStart, step_box: QCheckBox) -> int:
        """One box per plan of last year; a kind the new year already has is shown, not offered."""
        for choice in preview.plans:
            text = choice.label + (f" (năm {preview.to_year} đã có loại này)" if choice.present else "")
            box = QCheckBox(text, checked=not choice.present, enabled=not choice.present and step_box.isChecked())
            step_box.toggled.connect(lambda on, box=box, present=choice.present: box.setEnabled(on and not present))
            box.toggled.connect(lambda _on: self._enable_start())
            grid.addWidget(box, row, 1)
            self.plan_boxes[choice.plan_id] = box
            row += 1
        return row

    def _chosen(self) -> tuple[set[str], set[int]]:
        keys = {key for key, box in self.step_boxes.items() if box.isChecked()}
        plans = {plan_id for plan_id, box in self.plan_boxes.items() if box.isChecked() and box.isEnabled()}
        if not plans:
            keys.discard(service.PLANS)
        return keys, plans

    def _enable_start(self) -> None:
        self.start_button.setEnabled(bool(self._chosen()[0]))

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Run the ticked steps as one action; show a result line under each step."""
        keys, plans = self._chosen()
        year = self.year.value()
        if not keys:
            return
        outcome = run(self, f"Đang bắt đầu năm {year}",
                      lambda progress: service.start_year(self.store, year, keys, plans, progress),
                      unexpected=f"Đã xảy ra lỗi ngoài dự kiến khi bắt đầu năm {year}; không có gì thay đổi.")
        if not outcome.ok:
            self.summary.setText(f"Chưa bắt đầu năm {year}: không có gì thay đổi. Sửa điều được báo rồi chạy lại.")
            return
        self.undo_stack.record(outcome.value.changes, origin=self)
        results = outcome.value.value
        self.reload()  # the boxes now say what exists; the results go under them
        for result in results:
            self.result_labels[result.key].setText(f"{_MARKS.get(result.state, '')} {result.text}")
        done = sum(1 for result in results if result.state == service.DONE)
        self.summary.setText(f"Đã bắt đầu năm {year}: {done} bước đã làm. Hoàn tác: Sửa → Hoàn tác “Bắt đầu năm {year}”."
                             if done else f"Năm {year} đã có đủ; không có gì thay đổi.")
