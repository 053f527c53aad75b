"""Choose the backup to restore: newest first, with date and kind.

``before-restore`` copies (to undo a restore) and ``damaged`` copies (kept for
rescue) are listed too, marked by their kind; a damaged copy is never chosen
by default.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backups import describe
from app.backups import Backup


class BackupPicker(QDialog):
    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Khôi phục dữ liệu từ bản sao lưu")
        self.list = QListWidget(objectName="backups")
        for backup in backups:
            item = QListWidgetItem(f"{describe(backup)} — {backup.path.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            if backup.kind == "damaged":
                item.setToolTip("Bản hỏng được giữ lại để cứu dữ liệu: chỉ khôi phục được nếu tệp còn đọc được.")
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        first_whole = next((row for row, backup in enumerate(backups) if backup.kind != "damaged"), 0)
        self.list.setCurrentRow(first_whole)
        self.list.itemDoubleClicked.connect(self.accept)
        explanation = QLabel(
            "Dữ liệu hiện tại sẽ được thay bằng bản sao lưu đã chọn. "
            "Trước khi thay, phần mềm tự giữ lại một bản sao lưu của dữ liệu hiện tại.",
            wordWrap=True,
        )
        self.other_file: Path | None = None
        if not backups:
            explanation.setText(explanation.text() + "\nThư mục dữ liệu chưa có bản sao lưu nào: hãy chọn tệp sao lưu trên ổ USB.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        other = buttons.addButton("Chọn tệp khác…", QDialogButtonBox.ButtonRole.ActionRole)
        other.setObjectName("other_file")
        other.clicked.connect(self.choose_other)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Khôi phục")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def choose_other(self) -> None:
        """A backup from elsewhere (a USB stick, another machine): its evidence folder comes along."""
        name, _filter = QFileDialog.getOpenFileName(self, "Chọn tệp sao lưu", "", "Bản sao lưu CCHC Xã (*.sqlite3);;Tất cả (*)")
        if name:
            self.other_file = Path(name)
            self.accept()

    def chosen(self) -> Path | None:
        if self.other_file is not None:
            return self.other_file
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None
