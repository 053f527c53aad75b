"""Asked at start when the data cannot be opened as it is: only the choices that fit the diagnosis.

Damaged, missing or empty (beside backups that hold data): restore the latest
backup, start with new data, or quit. Busy: try again or quit. Read-only, a
full disk, a newer version: the message and quit. The default button is never
one that replaces or sets data aside: it is Thoát (or Thử lại, which changes nothing).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.backups import describe
from app.errors import DatabaseProblem

RESTORE, FRESH, RETRY, QUIT = "restore", "fresh", "retry", "quit"
_OFFERS_RESTORE = ("damaged", "missing", "empty")
_KEPT = {
    "damaged": "Dù chọn cách nào, tệp hỏng cũng được giữ lại trong thư mục sao lưu.",
    "empty": "Dù chọn cách nào, tệp rỗng cũng được giữ lại trong thư mục sao lưu.",
    "missing": "Các bản sao lưu không bị xóa dù chọn cách nào.",
}


class RecoveryDialog(QMessageBox):
    def __init__(self, error: DatabaseProblem, parent: QWidget | None = None) -> None:
        title = "CCHC Xã — Dữ liệu bị hỏng" if error.kind == "damaged" else "CCHC Xã — Chưa mở được dữ liệu"
        super().__init__(QMessageBox.Icon.Critical, title, error.message, parent=parent)
        self.setInformativeText("\n".join(part for part in (error.hint, _KEPT.get(error.kind, "")) if part))
        self.setDetailedText(error.details)
        self.restore_button = self.fresh_button = self.retry_button = None
        if error.kind in _OFFERS_RESTORE:
            if error.latest_backup is not None:
                self.restore_button = self.addButton(
                    f"Khôi phục bản sao lưu {describe(error.latest_backup)}", QMessageBox.ButtonRole.AcceptRole
                )
            self.fresh_button = self.addButton("Bắt đầu với dữ liệu mới", QMessageBox.ButtonRole.DestructiveRole)
        if error.kind == "busy":
            self.retry_button = self.addButton("Thử lại", QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton("Thoát", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button or self.quit_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        clicked = self.clickedButton()
        for button, choice in ((self.restore_button, RESTORE), (self.fresh_button, FRESH), (self.retry_button, RETRY)):
            if clicked is not None and clicked is button:
                return choice
        return QUIT
