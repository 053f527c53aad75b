"""Cơ quan, bộ phận: the offices of the UBND (kind, name, head, from/to), added, edited and ended (undoable)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.services import officials, offices
from app.services.changes import Changes, Done
from app.services.offices import Office, OfficeData
from app.services.profile import get_profile
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date import OptionalDate


def _span(office: Office) -> str:
    start = f"{office.active_from:%d/%m/%Y}" if office.active_from else "…"
    end = f"{office.active_to:%d/%m/%Y}" if office.active_to else "nay"
    return f"{start} – {end}"


class OfficesModel(RegisterModel):
    HEADERS = ("Tên cơ quan, bộ phận", "Loại", "Người đứng đầu", "Số người", "Thời gian hoạt động")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sizes: Counter = Counter()  # active officials per office

    def texts(self, item: Office) -> tuple[str, ...]:
        return (item.name, offices.kind_label(item.kind), item.head_name or "(chưa chọn)",
                str(self.sizes.get(item.id, 0)), _span(item))


class OfficeForm(FormDialog):
    """One office; choosing a kind fills the usual name of a commune or a ward while the name is untouched."""

    def __init__(self, save, people: list, unit_kind: str, item: Office | None, parent: QWidget | None = None) -> None:
        super().__init__("Sửa cơ quan, bộ phận" if item else "Thêm cơ quan, bộ phận", save, parent)
        self.unit_kind = unit_kind
        self.kind = QComboBox(objectName="kind")
        for entry in offices.office_kinds():
            self.kind.addItem(entry["label"], entry["kind"])
        self.name = QLineEdit(objectName="name", placeholderText="ví dụ: Phòng Văn hóa - Xã hội")
        self.head = QComboBox(objectName="head")
        self.head.addItem("(chưa chọn)", None)
        for person in people:
            self.head.addItem(person.full_name, person.id)
        self.active_from = OptionalDate("active_from")
        self.active_to = OptionalDate("active_to")
        for label, widget in (("Loại:", self.kind), ("Tên:", self.name), ("Người đứng đầu:", self.head),
                              ("Từ ngày:", self.active_from), ("Đến ngày:", self.active_to)):
            self.form.addRow(label, widget)
        this_year = date.today().year
        self.active_from.set_value(item.active_from if item else None, this_year)
        self.active_to.set_value(item.active_to if item else None, this_year)
        if item:
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
            self.name.setText(item.name)
            self.head.setCurrentIndex(max(0, self.head.findData(item.head_official_id)))
        else:
            self._suggest_name()
        self.kind.currentIndexChanged.connect(self._suggest_name)

    def _suggest_name(self, *_args) -> None:
        usual = {offices.default_office_name(entry["kind"], self.unit_kind) for entry in offices.office_kinds()}
        if not self.name.text() or self.name.text() in usual:
            self.name.setText(offices.default_office_name(self.kind.currentData(), self.unit_kind))

    def entered(self) -> OfficeData:
        return OfficeData(self.kind.currentData(), self.name.text(), self.head.currentData(),
                          self.active_from.value(), self.active_to.value())


class OfficesDialog(RegisterDialog):
    TITLE = "Cơ quan, bộ phận"
    NOUN = "cơ quan, bộ phận"
    MODEL = OfficesModel
    STRETCH_COLUMN = 0
    COLUMN_WIDTHS = (260, 140, 170, 70, 170)
    WIDTH = 880

    def __init__(self, store, undo_stack, notify, year: int, parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, notify, year, parent)
        # An office is never deleted (papers of its time name it): it stops on a day.
        self.delete_button.setText("Thôi hoạt động")
        self.delete_button.setToolTip("Ghi hôm nay là ngày cuối cùng cơ quan hoạt động; giấy tờ trước đó vẫn ghi tên.")

    def intro(self) -> str:
        return ("Các phòng, đơn vị thuộc UBND (Nghị định 150/2025/NĐ-CP): mỗi cơ quan là một tập thể xét "
                "“Tập thể lao động tiên tiến”, có thể chủ trì nhiệm vụ, và là nơi công tác của cán bộ, công chức. "
                "Giấy tờ ghi ngày nào thì dùng các cơ quan đang hoạt động vào ngày đó.")

    def load(self) -> list[Office]:
        people = officials.list_officials(self.store)
        self.model.sizes = Counter(person.office_id for person in people if person.active and person.office_id)
        return offices.list_offices(self.store)

    def make_form(self, item: Office | None) -> OfficeForm:
        def save(entered: OfficeData) -> Done[int]:
            if item is None:
                return offices.add_office(self.store, entered)
            return Done(item.id, offices.update_office(self.store, item.id, entered))

        people = officials.list_officials(self.store, include_inactive=False)
        return OfficeForm(save, people, get_profile(self.store).unit_kind, item, self)

    def delete(self, item: Office) -> Changes:
        return offices.end_office(self.store, item.id, date.today())
