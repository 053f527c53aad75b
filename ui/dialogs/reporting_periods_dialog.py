"""“Kỳ báo cáo”: the four cumulative reports of the version in force, their cut-off windows and the commune's deadlines.

The defaults follow the national rule (Văn bản 581/BNV-CCHC); the province sets the deadline of its communes, so
the clerk types it here. What is typed is saved as it is typed (``Autosave``: a pause, leaving a field, any way
out of the dialog), one call of ``reporting_periods.save_periods`` each time (one undoable action; a refusal
keeps the typing in the form with its reason in red); "Khôi phục mặc định" is one call of ``restore_defaults``. The dashboard's report
deadlines, the report's window and its default date follow at once (``PERIODS`` changes).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import reporting_periods
from app.services.reporting_periods import PeriodEntry, PeriodLine, PeriodsView
from ui.widgets.autosave import Autosave
from ui.widgets.form_dialog import ERROR_STYLE

LEAP = 2024  # the edits are year-independent: a leap year lets 29/02 be typed
HEADERS = ("Kỳ báo cáo", "Bắt đầu tính số liệu", "", "Ngày chốt số liệu", "Hạn xã gửi báo cáo", "Năm {year}")


def _day_edit(name: str, month: int, day: int) -> QDateEdit:
    edit = QDateEdit(QDate(LEAP, month, day), objectName=name, displayFormat="dd/MM")
    edit.setMinimumDate(QDate(LEAP, 1, 1))
    edit.setMaximumDate(QDate(LEAP, 12, 31))
    return edit


class PeriodRow:
    """The widgets of one period: start (and whether it is last year's), cut-off, deadline, and the year's dates."""

    def __init__(self, line: PeriodLine) -> None:
        rule, key = line.rule, line.rule.key
        self.key = key
        self.name = QLabel(f"Báo cáo {rule.label}", objectName=f"name_{key}")
        self.start = _day_edit(f"start_{key}", rule.start_month, rule.start_day)
        self.previous = QCheckBox("của năm trước", objectName=f"previous_{key}", checked=rule.start_previous_year)
        self.end = _day_edit(f"end_{key}", rule.end_month, rule.end_day)
        self.deadline = _day_edit(f"deadline_{key}", rule.deadline_month, rule.deadline_day)
        self.example = QLabel(objectName=f"example_{key}")

    def widgets(self) -> tuple[QWidget, ...]:
        return self.name, self.start, self.previous, self.end, self.deadline, self.example

    def show(self, line: PeriodLine) -> None:
        rule = line.rule
        self.start.setDate(QDate(LEAP, rule.start_month, rule.start_day))
        self.previous.setChecked(rule.start_previous_year)
        self.end.setDate(QDate(LEAP, rule.end_month, rule.end_day))
        self.deadline.setDate(QDate(LEAP, rule.deadline_month, rule.deadline_day))

    def entry(self) -> PeriodEntry:
        start, end, deadline = self.start.date(), self.end.date(), self.deadline.date()
        return PeriodEntry((start.month(), start.day(), self.previous.isChecked()), (end.month(), end.day()),
                           (deadline.month(), deadline.day()))


class ReportingPeriodsDialog(QDialog):
    """The periods the reports of ``today``'s year follow; saves and restores through the services."""

    def __init__(self, store, undo_stack, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reporting_periods_dialog")
        self.setWindowTitle("Kỳ báo cáo")
        self.store, self.undo_stack = store, undo_stack
        self.year = (today or date.today()).year
        self.intro = QLabel(objectName="intro", wordWrap=True)
        self.grid_holder = QWidget(objectName="periods")
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.sources = QLabel(objectName="sources", wordWrap=True)
        self.sources.setStyleSheet("color: #555555")
        self.restore_button = QPushButton("Khôi phục mặc định", objectName="restore", clicked=self.restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.grid_holder, self.message, self.sources):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.autosave = Autosave(self.save, self)
        self.view: PeriodsView = reporting_periods.periods_view(self.store, self.year)
        self.rows = self._build_rows()
        self.reload()

    def _build_rows(self) -> list[PeriodRow]:
        for column, title in enumerate(HEADERS):
            self.grid.addWidget(QLabel(f"<b>{title.format(year=self.year)}</b>"), 0, column)
        rows = [PeriodRow(line) for line in self.view.lines]
        for number, row in enumerate(rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
            for edit in (row.start, row.end, row.deadline):
                edit.dateChanged.connect(self._show_examples)
                self.autosave.follow(edit)
            row.previous.toggled.connect(self._show_examples)
            row.previous.toggled.connect(self.autosave.changed)
        return rows

    def reload(self) -> None:
        """Read the version in force again and show it (after a save, a restore, an undo)."""
        self.view = reporting_periods.periods_view(self.store, self.year)
        with self.autosave:  # filling the form is not an edit
            for row, line in zip(self.rows, self.view.lines):
                row.show(line)
        self.intro.setText(
            f"Báo cáo kết quả CCHC gửi cấp trên: bốn kỳ mỗi năm, lũy kế từ ngày bắt đầu tính số liệu. Áp dụng cho "
            f"báo cáo từ năm {self.view.valid_from.year}: {self.view.name}. Hạn xã gửi báo cáo do tỉnh quy định: "
            "sửa theo văn bản của tỉnh (lưu ngay khi sửa); hạn phải sau ngày chốt số liệu.")
        self.sources.setText("Căn cứ mặc định: " + " ".join(self.view.sources) if self.view.sources else "")
        self.restore_button.setEnabled(self.view.changed)
        self._show_examples()

    def _show_examples(self) -> None:
        """What each row means this year, as the clerk types: "15/12/2025 – 14/03/2026, hạn 16/03/2026"."""
        for row, line in zip(self.rows, self.view.lines):
            rule = reporting_periods.typed_rule(line.rule, row.entry())
            start, end = rule.window(self.year)
            row.example.setText(f"{start:%d/%m/%Y} – {end:%d/%m/%Y}, hạn {rule.deadline(self.year):%d/%m/%Y}")

    def entries(self) -> dict[str, PeriodEntry]:
        return {row.key: row.entry() for row in self.rows}

    def save(self) -> None:
        """Save what is typed (the autosave's call); a refusal stays in red, the typing in the fields."""
        self._run(lambda: reporting_periods.save_periods(self.store, self.view.valid_from, self.entries()))

    def restore(self) -> None:
        self.autosave.flush()
        self._run(lambda: reporting_periods.restore_defaults(self.store, self.view.valid_from))

    def _run(self, act) -> None:
        try:
            changes = act()
        except UserError as error:
            self.message.setText(f"{error.message} {error.hint}".strip())
            return
        self.message.clear()
        if changes:
            self.undo_stack.record(changes, origin=self)
            self.reload()

