"""Số liệu TTHC: procedures settled and settled on time, per quarter of a year; each cell saved when left."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.points import format_percent
from app.errors import UserError
from app.services import registers
from app.services.registers import MAX_PROCEDURES, QuarterStat
from ui.dialogs.error_dialog import show_error
from ui.dialogs.register_dialog import follow_stack
from ui.runner import attempt

QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")
RECEIVED, ON_TIME = "received", "on_time"


def rate(received: int, on_time: int) -> str:
    return format_percent(Decimal(on_time) * 100 / received) if received else ""


class ProcedureStatsDialog(QDialog):
    def __init__(self, store, undo_stack, notify, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify, self.year = store, undo_stack, notify, year
        self.setWindowTitle(f"Số liệu giải quyết thủ tục hành chính năm {year}")
        self.stats: list[QuarterStat] = [QuarterStat(quarter, 0, 0) for quarter in range(1, 5)]
        self.cells = {(quarter, field): self._cell(quarter, field) for quarter in range(1, 5)
                      for field in (RECEIVED, ON_TIME)}
        self.rates = {quarter: QLabel(objectName=f"rate_{quarter}") for quarter in range(1, 5)}
        self.totals = {name: QLabel(objectName=f"total_{name}") for name in (RECEIVED, ON_TIME, "rate")}
        self.undo_button = QPushButton("Hoàn tác", objectName="undo", clicked=self.undo_stack.undo)
        self.redo_button = QPushButton("Làm lại", objectName="redo", clicked=self.undo_stack.redo)
        self._saving = False
        self._build()
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Y"), self, activated=self.undo_stack.redo)
        self.reload()

    def _cell(self, quarter: int, field: str) -> QSpinBox:
        cell = QSpinBox(objectName=f"{field}_{quarter}", minimum=0, maximum=MAX_PROCEDURES)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        cell.setGroupSeparatorShown(True)
        cell.setMinimumWidth(120)
        cell.editingFinished.connect(lambda: self.save(quarter, field))
        return cell

    def _build(self) -> None:
        intro = QLabel(
            f"Số hồ sơ thủ tục hành chính xã đã giải quyết trong năm {self.year} và số hồ sơ đúng hạn, theo quý. "
            "Mỗi ô được lưu khi nhập xong (Enter hoặc chuyển sang ô khác).", wordWrap=True)
        intro.setStyleSheet("color: #555")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, text in enumerate(("", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn")):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for quarter in range(1, 5):
            grid.addWidget(QLabel(QUARTERS[quarter - 1]), quarter, 0)
            grid.addWidget(self.cells[(quarter, RECEIVED)], quarter, 1)
            grid.addWidget(self.cells[(quarter, ON_TIME)], quarter, 2)
            grid.addWidget(self.rates[quarter], quarter, 3)
        grid.addWidget(QLabel("<b>Cả năm</b>"), 5, 0)
        for column, name in enumerate((RECEIVED, ON_TIME, "rate"), start=1):
            if name != "rate":
                self.totals[name].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self.totals[name], 5, column)
        grid.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(540)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter saves a cell (the spin box did that already); it never presses a button of the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reload(self) -> None:
        stats = attempt(self, lambda: registers.procedure_stats(self.store, self.year))
        if stats.ok:
            self.stats = stats.value
        self._show()

    def _show(self) -> None:
        for stat in self.stats:
            for field in (RECEIVED, ON_TIME):
                cell = self.cells[(stat.quarter, field)]
                cell.blockSignals(True)
                cell.setValue(getattr(stat, field))
                cell.blockSignals(False)
            self.rates[stat.quarter].setText(rate(stat.received, stat.on_time))
        received = sum(stat.received for stat in self.stats)
        on_time = sum(stat.on_time for stat in self.stats)
        self.totals[RECEIVED].setText(f"{received:,}".replace(",", "."))
        self.totals[ON_TIME].setText(f"{on_time:,}".replace(",", "."))
        self.totals["rate"].setText(rate(received, on_time))
        for button, can, text, word in (
            (self.undo_button, self.undo_stack.canUndo(), self.undo_stack.undoText(), "Hoàn tác"),
            (self.redo_button, self.undo_stack.canRedo(), self.undo_stack.redoText(), "Làm lại"),
        ):
            button.setEnabled(can)
            button.setToolTip(f"{word}: {text}" if text else word)

    def save(self, quarter: int, field: str | None = None) -> None:
        """Save a quarter's row if it changed; a refusal is shown and the edited cell goes back to the saved value."""
        if self._saving:
            return
        before = self.stats[quarter - 1]
        received = self.cells[(quarter, RECEIVED)].value()
        on_time = self.cells[(quarter, ON_TIME)].value()
        if (received, on_time) == (before.received, before.on_time):
            return
        self._saving = True
        try:
            changes = registers.set_procedure_stat(self.store, self.year, quarter, received, on_time)
        except UserError as error:
            show_error(self, error)
            self._show()  # every cell back to what is saved, the refused one included
            if field is not None:
                self.cells[(quarter, field)].setFocus()
            return
        finally:
            self._saving = False
        self.stats[quarter - 1] = QuarterStat(quarter, received, on_time)
        self._saving = True  # the cells already show what was saved: no reload when the stack moves
        try:
            self.undo_stack.record(changes, origin=self)
        finally:
            self._saving = False
        self._show()

    def flush(self) -> None:
        """Save what is typed but not yet left (closing with Esc leaves no cell)."""
        for quarter in range(1, 5):
            self.save(quarter)

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, False)
        super().hideEvent(event)

    def _stack_moved(self, _index: int) -> None:
        if not self._saving:
            self.reload()
