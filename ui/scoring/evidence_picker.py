"""The picker of the files the year's checklist already holds, to back a criterion without copying them again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.evidence_choices import EvidenceChoice


class EvidencePicker(QDialog):
    """Choose files the year's checklist already holds, to back a criterion without copying them again."""

    def __init__(self, choices: list[EvidenceChoice], year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chọn từ tài liệu của danh mục")
        self.choices = choices
        self.list = QListWidget(objectName="evidence_choices", wordWrap=True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for number, choice in enumerate(choices):
            item = QListWidgetItem(f"{choice.name}\n    — {choice.task_title}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(choice.task_title)
            self.list.addItem(item)
        hint = QLabel(f"Tài liệu kiểm chứng đã đính kèm ở Theo dõi nhiệm vụ năm {year}. "
                      "Chọn một hoặc nhiều tệp (giữ Ctrl để chọn nhiều):" if choices else
                      f"Chưa có tài liệu kiểm chứng nào đính kèm ở Theo dõi nhiệm vụ năm {year}. "
                      "Dùng “Thêm tệp…” để chọn tệp trên máy.", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Gắn tệp đã chọn")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.list.itemSelectionChanged.connect(
            lambda: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.list.selectedItems())))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def chosen(self) -> list[EvidenceChoice]:
        rows = sorted(item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems())
        return [self.choices[row] for row in rows]
