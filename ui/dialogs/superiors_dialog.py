"""Lịch sử cơ quan cấp trên: the commune's superiors with their dates (add, edit, remove; undoable)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain.hierarchy import SuperiorPeriod
from app.services import superiors
from app.services.changes import Changes, Done
from app.services.superiors import LEVELS, PeriodData
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date import OptionalDate


class SuperiorsModel(RegisterModel):
    HEADERS = ("Thời gian", "Cấp", "Cơ quan cấp trên", "Nhận báo cáo", "Nhận hồ sơ khen thưởng")

    def texts(self, item: SuperiorPeriod) -> tuple[str, ...]:
        return (item.span(), LEVELS.get(item.level, item.level), item.authority, item.office,
                item.award_office or "(như cơ quan nhận hồ sơ)")


class PeriodForm(FormDialog):
    def __init__(self, save, item: SuperiorPeriod | None, parent: QWidget | None = None) -> None:
        super().__init__("Sửa cơ quan cấp trên" if item else "Thêm cơ quan cấp trên", save, parent)
        self.level = QComboBox(objectName="level")
        for key, label in LEVELS.items():
            self.level.addItem(label, key)
        self.valid_from = OptionalDate("valid_from")
        self.valid_to = OptionalDate("valid_to")
        self.authority = QLineEdit(objectName="authority", placeholderText="ví dụ: Ủy ban nhân dân tỉnh Quảng Ngãi")
        self.office = QLineEdit(objectName="office", placeholderText="ví dụ: Sở Nội vụ tỉnh Quảng Ngãi")
        self.award_office = QLineEdit(objectName="award_office",
                                      placeholderText="ví dụ: Sở Nội vụ (qua Phòng Thi đua, khen thưởng)")
        for label, widget in (("Từ ngày:", self.valid_from), ("Đến ngày:", self.valid_to), ("Cấp:", self.level),
                              ("Cơ quan cấp trên:", self.authority), ("Nhận báo cáo, hồ sơ:", self.office),
                              ("Nhận đề nghị khen thưởng:", self.award_office)):
            self.form.addRow(label, widget)
        self.valid_from.set_value(item.valid_from if item else None, date.today().year)
        self.valid_to.set_value(item.valid_to if item else None, date.today().year)
        if item:
            self.level.setCurrentIndex(max(0, self.level.findData(item.level)))
            self.authority.setText(item.authority)
            self.office.setText(item.office)
            self.award_office.setText(item.award_office)
        else:
            self.level.setCurrentIndex(self.level.findData("province"))

    def entered(self) -> PeriodData:
        return PeriodData(self.valid_from.value(), self.valid_to.value(), self.level.currentData(),
                          self.authority.text(), self.office.text(), self.award_office.text())


class SuperiorsDialog(RegisterDialog):
    TITLE = "Cơ quan cấp trên theo thời gian"
    NOUN = "giai đoạn"
    MODEL = SuperiorsModel
    STRETCH_COLUMN = 2
    COLUMN_WIDTHS = (110, 75, 220, 150, 170)
    WIDTH = 900

    def intro(self) -> str:
        return ("Giấy tờ ghi ngày nào thì gửi cơ quan cấp trên của giai đoạn chứa ngày đó (ví dụ: UBND huyện đến "
                "30/6/2025, UBND tỉnh và Sở Nội vụ từ 1/7/2025). Các giai đoạn không được trùng ngày nhau.")

    def load(self) -> list[SuperiorPeriod]:
        return list(superiors.list_periods(self.store))

    def make_form(self, item: SuperiorPeriod | None) -> PeriodForm:
        def save(entered: PeriodData) -> Done[int]:
            if item is None:
                return superiors.add_period(self.store, entered)
            return Done(item.id, superiors.update_period(self.store, item.id, entered))

        return PeriodForm(save, item, self)

    def delete(self, item: SuperiorPeriod) -> Changes:
        return superiors.remove_period(self.store, item.id)
