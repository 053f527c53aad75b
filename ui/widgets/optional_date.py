"""A date field that may be left empty ("Có ngày" unticked), shared by the register and dossier forms."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ui.widgets.date_field import DateField


class OptionalDate(QWidget):
    """A date that may be left out: "Có ngày" unticked means none; shown dd/MM/yyyy."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given = QCheckBox("Có ngày", objectName=f"{name}_given")
        self.edit = DateField(objectName=name)
        self.edit.setEnabled(False)
        self.given.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.given)
        layout.addWidget(self.edit, 1)

    def set_value(self, value: date | None, year: int) -> None:
        """Show ``value``; with none, the box is unticked and the date waits at a sensible day of ``year``."""
        today = date.today()
        shown = value or (today if today.year == year else date(year, 12, 31))
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.given.setChecked(value is not None)

    def follow_year(self, year: int) -> None:
        """While no date is given, keep the waiting date in the year being entered."""
        if not self.given.isChecked():
            self.set_value(None, year)

    def value(self) -> date | None:
        if not self.given.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())
