"""Ask for a new plan's year and kind, or the year to copy a plan into."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from app.domain.plan_kinds import PLAN_KINDS
from app.services.plans import MAX_YEAR, MIN_YEAR


class NewPlanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, year: int | None = None, copy_of: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sao chép {copy_of}" if copy_of else "Kế hoạch mới")
        self.year = QSpinBox(objectName="new_year", minimum=MIN_YEAR, maximum=MAX_YEAR, value=year or date.today().year)
        self.kind = QComboBox(objectName="new_kind")
        for key, kind in PLAN_KINDS.items():
            self.kind.addItem(kind.label, key)
        form = QFormLayout(self)
        if copy_of:
            form.addRow(QLabel(
                f"Tạo kế hoạch mới từ {copy_of}: các năm trong trích yếu, nội dung và thời gian thực hiện "
                "được chuyển sang năm mới; số và ngày ban hành để trống; căn cứ giữ nguyên để rà soát lại.",
                wordWrap=True,
            ))
            form.addRow("Sang năm:", self.year)
        else:
            form.addRow("Loại kế hoạch:", self.kind)
            form.addRow("Năm:", self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Tạo")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> tuple[int, str]:
        return self.year.value(), self.kind.currentData()
