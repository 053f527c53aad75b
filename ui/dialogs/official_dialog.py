"""One official's details, for adding or editing. Refused input keeps the dialog open with the reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.errors import UserError
from app.resources import department_suggestions
from app.services.officials import CATEGORIES, GENDERS, OLDEST_BIRTH_YEAR, OfficialData, validated

_NO_YEAR = OLDEST_BIRTH_YEAR - 1  # the spin box's "not given" value, shown as blank


class OfficialDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, data: OfficialData | None = None, offices=()) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa thông tin cán bộ" if data else "Thêm cán bộ, công chức")
        self.result_data: OfficialData | None = None
        self.full_name = QLineEdit(objectName="full_name", placeholderText="ví dụ: Nguyễn Văn An")
        self.gender = self._combo("gender", ("", *GENDERS), editable=False)
        self.birth_year = QSpinBox(objectName="birth_year", minimum=_NO_YEAR, maximum=2100)
        self.birth_year.setSpecialValueText(" ")
        self.position = QLineEdit(objectName="position", placeholderText="ví dụ: Công chức Tư pháp - Hộ tịch")
        self.department = self._combo("department", ("", *department_suggestions()), editable=True)
        self.category = self._combo("category", ("", *CATEGORIES), editable=False)
        # The office of the UBND the official works in (offices that ended stay pickable for old records).
        self.office = QComboBox(objectName="office")
        self.office.addItem("(không thuộc cơ quan nào)", None)
        for office in offices:
            self.office.addItem(office.name, office.id)
        self.active = QCheckBox("Đang công tác", objectName="active", checked=True)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            ("Họ và tên:", self.full_name), ("Giới tính:", self.gender), ("Năm sinh:", self.birth_year),
            ("Chức vụ:", self.position), ("Cơ quan:", self.office), ("Bộ phận:", self.department),
            ("Loại:", self.category),
        ):
            form.addRow(label, widget)
        form.addRow("", self.active)
        form.addRow(self.message)
        form.addRow(buttons)
        self.setMinimumWidth(460)
        if data:
            self._fill(data)

    @staticmethod
    def _combo(name: str, items, editable: bool) -> QComboBox:
        combo = QComboBox(objectName=name, editable=editable)
        combo.addItems(list(items))
        return combo

    def _fill(self, data: OfficialData) -> None:
        self.full_name.setText(data.full_name)
        self.gender.setCurrentText(data.gender)
        self.birth_year.setValue(data.birth_year or _NO_YEAR)
        self.position.setText(data.position)
        self.department.setCurrentText(data.department)
        self.category.setCurrentText(data.category)
        self.active.setChecked(data.active)
        self.office.setCurrentIndex(max(0, self.office.findData(data.office_id)))

    def entered(self) -> OfficialData:
        year = self.birth_year.value()
        return OfficialData(
            full_name=self.full_name.text(),
            gender=self.gender.currentText(),
            birth_year=None if year == _NO_YEAR else year,
            position=self.position.text(),
            department=self.department.currentText(),
            category=self.category.currentText(),
            active=self.active.isChecked(),
            office_id=self.office.currentData(),
        )

    def accept(self) -> None:
        try:
            self.result_data = validated(self.entered())
        except UserError as error:
            self.message.setText(f"{error.message} {error.hint}".strip())
            self.full_name.setFocus()
            return
        super().accept()
