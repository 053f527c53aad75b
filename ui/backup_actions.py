"""The menu's backup and restore actions: thin wrappers over ``app.backups``."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backups import backup_now, describe, restorable_backups, restore_backup
from app.errors import UserError
from app.services.changes import EVERYTHING, Changes
from app.startup import bring_up_to_date
from app.store import Store
from ui.dialogs.backup_picker import BackupPicker
from ui.dialogs.error_dialog import show_error


class BackupActions:
    def __init__(self, window: QWidget, store: Store, undo_stack, notify) -> None:
        self.window, self.store, self.undo_stack, self.notify = window, store, undo_stack, notify

    def backup(self) -> None:
        try:
            taken = backup_now(self.store.folder)
        except UserError as error:
            show_error(self.window, error)
            return
        self.notify(Changes.of())
        QMessageBox.information(self.window, "Đã sao lưu", f"Đã sao lưu dữ liệu lúc {describe(taken)}.\nTệp: {taken.path}")

    def backup_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Chọn thư mục (ví dụ ổ USB) để chép bản sao lưu")
        if not folder:
            return
        try:
            taken = backup_now(self.store.folder)
            target = Path(folder) / taken.path.name
            shutil.copyfile(taken.path, target)
        except UserError as error:
            show_error(self.window, error)
            return
        except OSError as error:
            show_error(self.window, UserError(
                "Không chép được bản sao lưu vào thư mục đã chọn.",
                "Kiểm tra ổ USB còn cắm, còn chỗ trống và không bị khóa ghi.", f"{folder}: {error}",
            ))
            return
        self.notify(Changes.of())
        QMessageBox.information(self.window, "Đã sao lưu", f"Đã chép bản sao lưu vào:\n{target}")

    def restore(self) -> None:
        backups = restorable_backups(self.store.folder)
        if not backups:
            show_error(self.window, UserError("Chưa có bản sao lưu nào để khôi phục.", "Dùng “Sao lưu ngay” để tạo một bản."))
            return
        picker = BackupPicker(backups, self.window)
        if not picker.exec() or picker.chosen() is None:
            return
        self.restore_file(picker.chosen())

    def restore_file(self, path: Path) -> None:
        """Close the database, put the backup in place, reopen and bring it up to date."""
        self.store.close()
        try:
            kept = restore_backup(self.store.folder, path)
            self.store.reconnect()
            bring_up_to_date(self.store, had_data=True)
        except UserError as error:
            self.store.reconnect()
            show_error(self.window, error)
            return
        self.undo_stack.clear()
        self.notify(Changes.of(EVERYTHING))
        kept_text = f"\nDữ liệu trước khi khôi phục được giữ tại:\n{kept.path}" if kept else ""
        QMessageBox.information(self.window, "Đã khôi phục", f"Đã khôi phục dữ liệu từ {path.name}.{kept_text}")
