"""Sáng kiến: the initiatives recognised each year and their authors (the "has an initiative" criterion reads them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QWidget

from app.services import registers
from app.services.changes import Changes, Done
from app.services.registers import Initiative, InitiativeData
from ui.dialogs.register_dialog import RegisterDialog, RegisterModel
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date import OptionalDate


def recognition(item: Initiative) -> str:
    """"QĐ số 12/QĐ-UBND ngày 15/11/2024 — Hội đồng sáng kiến xã", leaving out what is not given."""
    decision = f"QĐ số {item.decision_number}" if item.decision_number else ""
    if item.decision_date:
        decision = f"{decision or 'QĐ'} ngày {item.decision_date:%d/%m/%Y}"
    return " — ".join(part for part in (decision, item.recognised_by) if part)


class InitiativesModel(RegisterModel):
    HEADERS = ("Năm", "Tên sáng kiến", "Tác giả", "Công nhận")

    def texts(self, item: Initiative) -> tuple[str, ...]:
        return str(item.year), item.title, item.authors, recognition(item)


class InitiativeForm(FormDialog):
    def __init__(self, save, people: list[tuple[int, str]], year: int, item: Initiative | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Sửa sáng kiến" if item else "Thêm sáng kiến", save, parent)
        self.year = QSpinBox(objectName="year", minimum=2000, maximum=2100, value=item.year if item else year)
        self.title = QPlainTextEdit(objectName="title", placeholderText="Tên sáng kiến, giải pháp")
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.authors = QListWidget(objectName="authors")
        self.authors.setStyleSheet("QListWidget::item { padding: 2px; }")  # room for the marks above capitals
        chosen = set(item.author_ids) if item else set()
        for official_id, name in people:
            entry = QListWidgetItem(name)
            entry.setData(Qt.ItemDataRole.UserRole, official_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if official_id in chosen else Qt.CheckState.Unchecked)
            self.authors.addItem(entry)
        shown = max(6, min(self.authors.count(), 12))  # a commune's dozen officials without scrolling
        self.authors.setMinimumHeight(self.authors.sizeHintForRow(0) * shown + 2 * self.authors.frameWidth() + 4)
        self.recognised_by = QLineEdit(objectName="recognised_by", placeholderText="ví dụ: Hội đồng sáng kiến xã")
        self.decision_number = QLineEdit(objectName="decision_number", placeholderText="ví dụ: 125/QĐ-UBND")
        self.decision_date = OptionalDate("decision_date")
        self.decision_date.set_value(item.decision_date if item else None, self.year.value())
        self.year.valueChanged.connect(self.decision_date.follow_year)
        self.note = QLineEdit(objectName="note")
        for label, widget in (
            ("Năm:", self.year), ("Tên sáng kiến:", self.title), ("Tác giả (đánh dấu):", self.authors),
            ("Cơ quan công nhận:", self.recognised_by), ("Số quyết định:", self.decision_number),
            ("Ngày quyết định:", self.decision_date), ("Ghi chú:", self.note),
        ):
            self.form.addRow(label, widget)
        if item:
            self.title.setPlainText(item.title)
            self.recognised_by.setText(item.recognised_by)
            self.decision_number.setText(item.decision_number)
            self.note.setText(item.note)

    def check_authors(self, official_ids) -> None:
        wanted = set(official_ids)
        for row in range(self.authors.count()):
            entry = self.authors.item(row)
            entry.setCheckState(Qt.CheckState.Checked if entry.data(Qt.ItemDataRole.UserRole) in wanted
                                else Qt.CheckState.Unchecked)

    def entered(self) -> InitiativeData:
        authors = tuple(
            self.authors.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.authors.count())
            if self.authors.item(row).checkState() == Qt.CheckState.Checked
        )
        return InitiativeData(
            year=self.year.value(), title=self.title.toPlainText(), author_ids=authors,
            recognised_by=self.recognised_by.text(), decision_number=self.decision_number.text(),
            decision_date=self.decision_date.value(), note=self.note.text(),
        )


class InitiativesDialog(RegisterDialog):
    TITLE = "Sổ sáng kiến"
    NOUN = "sáng kiến"
    MODEL = InitiativesModel
    COLUMN_WIDTHS = (50, 280, 180, 270)
    WIDTH = 880

    def intro(self) -> str:
        return "Sáng kiến, giải pháp được công nhận trong năm; tác giả là cán bộ, công chức của xã."

    def load(self) -> list[Initiative]:
        return registers.list_initiatives(self.store)

    def _people(self, item: Initiative | None) -> list[tuple[int, str]]:
        """Officials at work, and any author of ``item`` who has since left."""
        people = registers.official_names(self.store)
        if item and not set(item.author_ids) <= {official_id for official_id, _ in people}:
            everyone = registers.official_names(self.store, active_only=False)
            people = [(official_id, name) for official_id, name in everyone
                      if official_id in item.author_ids or official_id in dict(people)]
        return people

    def make_form(self, item: Initiative | None) -> InitiativeForm:
        def save(data: InitiativeData) -> Done[int]:
            return registers.save_initiative(self.store, data, item.id if item else None)

        return InitiativeForm(save, self._people(item), self.year, item, self)

    def delete(self, item: Initiative) -> Changes:
        return registers.delete_initiative(self.store, item.id)
