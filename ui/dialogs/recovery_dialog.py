"""Asked at start when the database is damaged: restore the latest good backup, start afresh, or quit."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.backups import describe
from app.errors import DatabaseDamagedError

RESTORE, FRESH, QUIT = "restore", "fresh", "quit"


class RecoveryDialog(QMessageBox):
    def __init__(self, error: DatabaseDamagedError, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, "CCHC Xã — Dữ liệu bị hỏng", error.message, parent=parent)
        self.setInformativeText(
            error.hint + "\nDù chọn cách nào, tệp hỏng cũng được giữ lại trong thư mục sao lưu."
        )
        self.setDetailedText(error.details)
        self.restore_button = None
        if error.latest_backup is not None:
            self.restore_button = self.addButton(
                f"Khôi phục bản sao lưu {describe(error.latest_backup)}", QMessageBox.ButtonRole.AcceptRole
            )
        self.fresh_button = self.addButton("Bắt đầu với dữ liệu mới", QMessageBox.ButtonRole.DestructiveRole)
        self.quit_button = self.addButton("Thoát", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return RESTORE
        if clicked is self.fresh_button:
            return FRESH
        return QUIT
