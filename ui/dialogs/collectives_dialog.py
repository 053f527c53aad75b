"""Tập thể: the collectives the emulation evaluates, each gathering one department's officials or the whole commune."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.domain.vietnamese import collation_key
from app.services import officials, registers
from app.services.changes import Changes, Done
from app.services.registers import Collective
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog

WHOLE_COMMUNE = "Toàn xã (mọi cán bộ, công chức)"


class CollectivesModel(RegisterModel):
    HEADERS = ("Tên tập thể", "Gồm", "Xét thi đua")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sizes: Counter = Counter()  # officials per department
        self.everyone = 0

    def texts(self, item: Collective) -> tuple[str, ...]:
        if item.department:
            members = f"Bộ phận {item.department} ({self.sizes.get(item.department, 0)} người)"
        else:
            members = f"Toàn xã ({self.everyone} người)"
        return item.name, members, "Có" if item.active else "Không (tạm ngừng)"


class CollectiveForm(FormDialog):
    def __init__(self, save, departments: list[str], item: Collective | None, parent: QWidget | None = None) -> None:
        super().__init__("Sửa tập thể" if item else "Thêm tập thể", save, parent)
        self.name = QLineEdit(objectName="name", placeholderText="ví dụ: Bộ phận Tiếp nhận và trả kết quả")
        self.department = QComboBox(objectName="department")
        self.department.addItem(WHOLE_COMMUNE, "")
        for department in departments:
            self.department.addItem(f"Bộ phận {department}", department)
        self.active = QCheckBox("Đưa vào đánh giá thi đua", objectName="active", checked=True)
        self.form.addRow("Tên tập thể:", self.name)
        self.form.addRow("Gồm cán bộ của:", self.department)
        self.form.addRow("", self.active)
        if item:
            self.name.setText(item.name)
            if self.department.findData(item.department) < 0:  # a department nobody works in any more
                self.department.addItem(f"Bộ phận {item.department}", item.department)
            self.department.setCurrentIndex(self.department.findData(item.department))
            self.active.setChecked(item.active)

    def entered(self) -> tuple[str, str, bool]:
        return self.name.text(), self.department.currentData(), self.active.isChecked()


class CollectivesDialog(RegisterDialog):
    TITLE = "Tập thể xét thi đua"
    NOUN = "tập thể"
    MODEL = CollectivesModel
    STRETCH_COLUMN = 0
    COLUMN_WIDTHS = (300, 240, 130)

    def intro(self) -> str:
        return ("Mỗi tập thể gồm cán bộ, công chức của một bộ phận, hoặc của toàn xã. "
                "Tiêu chuẩn tập thể (không ai bị kỷ luật, nhiệm vụ chủ trì…) tính theo những người này.")

    def load(self) -> list[Collective]:
        people = [person for person in officials.list_officials(self.store) if person.active]
        self.model.sizes = Counter(person.department for person in people if person.department)
        self.model.everyone = len(people)
        return registers.list_collectives(self.store)

    def _departments(self) -> list[str]:
        return sorted(self.model.sizes, key=collation_key)

    def make_form(self, item: Collective | None) -> CollectiveForm:
        def save(entered) -> Done[int]:
            name, department, active = entered
            done = registers.save_collective(self.store, name, department, item.id if item else None, active)
            return Done(done.value.id, done.changes)

        return CollectiveForm(save, self._departments(), item, self)

    def delete(self, item: Collective) -> Changes:
        return registers.delete_collective(self.store, item.id)
