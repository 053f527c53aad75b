"""The package dialog's list of the year's award dossiers: one box each, so none is taken (or left) silently."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.queries.package import dossier_choices


class DossierChoices(QWidget):
    """Each dossier of a year with its campaign, letter and how many go upward; those going upward are ticked,
    a dossier with nobody going upward is shown but cannot be ticked (its decision goes in its own content)."""

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.boxes: dict[int, QCheckBox] = {}
        self.details: dict[int, QLabel] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(wordWrap=True)
        self._layout.addWidget(self.empty_label)

    def show_year(self, year: int, today: date) -> None:
        """List the dossiers of ``year`` (routing as of ``today``), replacing what was listed."""
        for widget in (*self.boxes.values(), *self.details.values()):
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self.boxes, self.details = {}, {}
        choices = dossier_choices(self.store, year, today)
        self.empty_label.setText("" if choices else f"Năm {year} chưa có hồ sơ khen thưởng nào.")
        self.empty_label.setVisible(not choices)
        for choice in choices:
            box = QCheckBox(choice.heading, checked=choice.goes_upward)
            box.setEnabled(choice.goes_upward)
            box.setProperty("goes_upward", choice.goes_upward)
            # under the box, wrapped: a long campaign name must not widen the dialog past a laptop screen
            details = QLabel(choice.details, wordWrap=True, enabled=False)
            details.setContentsMargins(24, 0, 0, 4)
            self.boxes[choice.id], self.details[choice.id] = box, details
            self._layout.addWidget(box)
            self._layout.addWidget(details)

    def any_upward(self) -> bool:
        return any(box.property("goes_upward") for box in self.boxes.values())

    def chosen(self) -> tuple[int, ...] | None:
        """The ticked dossiers' ids; None when the year has none (the package then says so itself)."""
        if not self.boxes:
            return None
        return tuple(number for number, box in self.boxes.items() if box.isChecked())

    def set_active(self, active: bool) -> None:
        """Enabled only while the dossier content is ticked; a dossier with nobody going upward stays off."""
        for box in self.boxes.values():
            box.setEnabled(active and bool(box.property("goes_upward")))
