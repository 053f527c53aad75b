"""The date a paper carries, shown and changed where the paper is made (report dialog, package dialog).

A paper of a past period is dated at its deadline unless the clerk sets another day; setting it
and "Dùng ngày mặc định" are each one undoable action (``app.services.paper_dates``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.changes import Changes
from app.services.paper_dates import PaperDate, clear_paper_date, paper_date, set_paper_date
from ui.dossier import AutoField
from ui.runner import attempt
from ui.widgets.date_field import DateField


class PaperDateField(QWidget):
    """One paper's date: a date box, the reason of the default, and "Dùng ngày mặc định".

    ``record(changes)`` receives each action (the dialog's undo stack); ``reload`` after the paper
    chosen (``show(kind, year, period)``) or the journal moved.
    """

    def __init__(self, store, today: date, record: Callable[[Changes], None], name: str = "paper_date",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.today, self.record = store, today, record
        self.key: tuple[str, int, str] | None = None
        self.current: PaperDate | None = None
        self.edit = DateField(objectName=name)
        self.reset_button = QPushButton("Dùng ngày mặc định", objectName=f"{name}_reset")
        self.reason = QLabel(objectName=f"{name}_reason", wordWrap=True)
        self.reason.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        # saved on a pause in typing or on leaving the box, and by ``flush`` when the dialog closes
        self.field = AutoField(self.value, self._write, self._save, changed=(self.edit.dateChanged,),
                               focus=(self.edit,), parent=self)
        self.reset_button.clicked.connect(self.reset)

    def show_paper(self, kind: str, year: int, period: str) -> None:
        self.key = (kind, year, period)
        self.reload()

    def reload(self) -> None:
        """Show the paper's date as stored (after another paper was chosen, or undo and redo)."""
        if self.key is None:
            return
        self.current = paper_date(self.store, *self.key, self.today)
        self.field.show(self.key, self.current.day)
        default = f"{self.current.default:%d/%m/%Y}"
        self.reason.setText(
            f"Ngày đã đặt cho giấy tờ này (mặc định là {default})." if self.current.stored
            else f"Ngày mặc định: {self.current.reason}. Sửa ngày nếu giấy tờ ký vào ngày khác."
        )
        self.reset_button.setEnabled(self.current.stored)

    def value(self) -> date:
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _write(self, day: date) -> None:
        self.edit.setDate(QDate(day.year, day.month, day.day))

    def flush(self) -> None:
        """Save the date being typed now (before the paper is made, before closing)."""
        self.field.flush()

    def _save(self, key: tuple[str, int, str], day: date) -> bool:
        """Store the date the clerk typed (one undo step); False when it was refused."""
        outcome = attempt(self, lambda: set_paper_date(self.store, *key, day))
        if not outcome.ok:
            return False
        self.reload()  # before the record: whoever hears of the change reads the new date here
        self.record(outcome.value)
        return True

    def reset(self) -> None:
        """Forget the clerk's date: the paper carries its default again (one undo step)."""
        if self.key is None:
            return
        self.flush()
        outcome = attempt(self, lambda: clear_paper_date(self.store, *self.key))
        if outcome.ok:
            self.current = paper_date(self.store, *self.key, self.today)
            with self.field.autosave:  # the default shown is no typing to save
                self._write(self.current.day)
            self.field.saved = self.current.day
            self.reload()
            self.record(outcome.value)
