"""Kỷ luật: disciplinary measures by official and year (the "no discipline" criteria read them)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from app.errors import UserError
from app.services import registers
from app.services.changes import Changes, Done
from app.services.registers import DISCIPLINE_FORMS, Discipline, DisciplineData
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date import OptionalDate


def decision(item: Discipline) -> str:
    text = f"QĐ số {item.decision_number}" if item.decision_number else ""
    if item.decision_date:
        text = f"{text or 'QĐ'} ngày {item.decision_date:%d/%m/%Y}"
    return text


class DisciplineModel(RegisterModel):
    HEADERS = ("Năm", "Họ và tên", "Hình thức", "Quyết định", "Lý do")

    def texts(self, item: Discipline) -> tuple[str, ...]:
        return str(item.year), item.official_name, item.form, decision(item), item.reason


class DisciplineForm(FormDialog):
    def __init__(self, save, people: list[tuple[int, str]], year: int, item: Discipline | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Sửa kỷ luật" if item else "Ghi kỷ luật", save, parent)
        self.official = QComboBox(objectName="official")
        for official_id, name in people:
            self.official.addItem(name, official_id)
        self.year = QSpinBox(objectName="year", minimum=2000, maximum=2100, value=item.year if item else year)
        self.measure = QComboBox(objectName="form", editable=True)
        self.measure.addItems(list(DISCIPLINE_FORMS))
        self.decision_number = QLineEdit(objectName="decision_number", placeholderText="ví dụ: 45/QĐ-UBND")
        self.decision_date = OptionalDate("decision_date")
        self.decision_date.set_value(item.decision_date if item else None, self.year.value())
        self.year.valueChanged.connect(self.decision_date.follow_year)
        self.reason = QLineEdit(objectName="reason", placeholderText="Vi phạm gì")
        for label, widget in (
            ("Cán bộ, công chức:", self.official), ("Năm:", self.year), ("Hình thức:", self.measure),
            ("Số quyết định:", self.decision_number), ("Ngày quyết định:", self.decision_date),
            ("Lý do:", self.reason),
        ):
            self.form.addRow(label, widget)
        if item:
            self.official.setCurrentIndex(max(0, self.official.findData(item.official_id)))
            self.measure.setCurrentText(item.form)
            self.decision_number.setText(item.decision_number)
            self.reason.setText(item.reason)
            self.reason.setCursorPosition(0)

    def entered(self) -> DisciplineData:
        return DisciplineData(
            official_id=self.official.currentData(), year=self.year.value(), form=self.measure.currentText(),
            decision_number=self.decision_number.text(), decision_date=self.decision_date.value(),
            reason=self.reason.text(),
        )


class DisciplineDialog(RegisterDialog):
    TITLE = "Sổ theo dõi kỷ luật"
    NOUN = "bản ghi"
    MODEL = DisciplineModel
    STRETCH_COLUMN = 4
    COLUMN_WIDTHS = (50, 170, 110, 250, 200)
    WIDTH = 880

    def intro(self) -> str:
        return ("Cán bộ, công chức bị kỷ luật trong năm không đạt tiêu chuẩn “chấp hành kỷ luật”; "
                "tập thể có người bị kỷ luật cũng vậy.")

    def load(self) -> list[Discipline]:
        return registers.list_discipline(self.store)

    def _people(self, item: Discipline | None) -> list[tuple[int, str]]:
        people = registers.official_names(self.store)
        if item and item.official_id not in dict(people):  # someone who has since left
            people = [(official_id, name) for official_id, name in registers.official_names(self.store, False)
                      if official_id == item.official_id or official_id in dict(people)]
        return people

    def make_form(self, item: Discipline | None) -> DisciplineForm:
        def save(data: DisciplineData) -> Done[int]:
            if data.official_id is None:
                raise UserError("Chưa chọn cán bộ, công chức.")
            return registers.save_discipline(self.store, data, item.id if item else None)

        return DisciplineForm(save, self._people(item), self.year, item, self)

    def delete(self, item: Discipline) -> Changes:
        return registers.delete_discipline(self.store, item.id)
