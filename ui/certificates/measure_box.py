"""The editor's small widgets: a measure in mm (or pt) with a decimal comma, and choice boxes."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox


def number_text(value: float) -> str:
    """43.5 -> "43,5", 78.0 -> "78": how a measure reads in Vietnamese."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


class MeasureBox(QDoubleSpinBox):
    """A measure in 0,5 steps shown with a decimal comma; "43,5" and "43.5" both read as 43,5."""

    def __init__(self, name: str, suffix: str, minimum: float, maximum: float) -> None:
        super().__init__(objectName=name, decimals=2, singleStep=0.5, minimum=minimum, maximum=maximum,
                         suffix=suffix, keyboardTracking=False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def _number(self, text: str) -> str:
        return text.removesuffix(self.suffix()).strip().replace(",", ".")

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return number_text(value)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(self._number(text))
        except ValueError:
            return self.value()

    def validate(self, text: str, position: int):
        number = self._number(text)
        if not re.fullmatch(r"\d*\.?\d{0,2}", number):
            return QValidator.State.Invalid, text, position
        if number in ("", "."):
            return QValidator.State.Intermediate, text, position
        inside = self.minimum() <= float(number) <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, position


def choice_box(name: str, labels: dict[str, str]) -> QComboBox:
    box = QComboBox(objectName=name)
    for value, label in labels.items():
        box.addItem(label, value)
    return box


def choose_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index < 0:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
