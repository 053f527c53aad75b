"""The menu's backup and restore actions: thin wrappers over ``app.backups``.

A restore from the window keeps the window's hold on the data folder (the lock
is this process's), saves what is being typed first, closes every connection,
and reopens the restored file: nothing the window writes afterwards can land in
the file that was replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backups import OtherCommuneError, RestoreResult, backup_now, describe, export_backup, restorable_backups, restore_backup
from app.errors import UserError
from app.services.changes import BACKUPS, Changes, EVERYTHING
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
        self.notify(Changes.of(BACKUPS))
        QMessageBox.information(self.window, "Đã sao lưu", f"Đã sao lưu dữ liệu lúc {describe(taken)}.\nTệp: {taken.path}")

    def backup_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Chọn thư mục (ví dụ ổ USB) để chép bản sao lưu")
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> Path | None:
        """A full copy (database and evidence files) into ``folder``; reports where it went."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            copy = export_backup(self.store.folder, folder)
        except UserError as error:
            QGuiApplication.restoreOverrideCursor()
            show_error(self.window, error)
            return None
        QGuiApplication.restoreOverrideCursor()
        self.notify(Changes.of(BACKUPS))
        QMessageBox.information(
            self.window, "Đã sao lưu",
            f"Đã chép bản sao lưu đầy đủ (dữ liệu và tài liệu kiểm chứng) vào:\n{copy}\n\n"
            "Để khôi phục trên máy khác: Tệp → Khôi phục từ bản sao lưu… → Chọn tệp khác…, "
            "rồi chọn tệp .sqlite3 trong thư mục này.",
        )
        return copy

    def restore(self) -> None:
        picker = BackupPicker(restorable_backups(self.store.folder), self.window)
        if not picker.exec() or picker.chosen() is None:
            return
        self.restore_file(picker.chosen())

    def restore_file(self, path: Path) -> None:
        """Save the typing, close the database, put the backup in place, reopen and bring it up to date."""
        self._flush_edits()
        self.store.close()
        try:
            result = self._restore_asking(path)
            self.store.reconnect()
            if result is None:
                return
            bring_up_to_date(self.store, had_data=True)
        except UserError as error:
            self.store.reconnect()
            show_error(self.window, error)
            return
        self.undo_stack.load()  # the restored data brings its own journal
        self.notify(Changes.of(EVERYTHING))
        kept_text = f"\nDữ liệu trước khi khôi phục được giữ tại:\n{result.kept.path}" if result.kept else ""
        note = f"\n\n{result.evidence_note()}" if result.evidence_rejected else ""
        QMessageBox.information(self.window, "Đã khôi phục", f"Đã khôi phục dữ liệu từ {path.name}.{kept_text}{note}")

    def _flush_edits(self) -> None:
        """What is being typed goes into the current data first, so the before-restore copy holds it."""
        for page in getattr(self.window, "pages", []):
            flush = getattr(page, "flush_edits", None)
            if flush is not None:
                flush()

    def _restore_asking(self, path: Path) -> RestoreResult | None:
        """Restore; another commune's backup only after the clerk confirms it (None: not confirmed)."""
        try:
            return restore_backup(self.store.folder, path)
        except OtherCommuneError as question:
            if not confirm_other_commune(self.window, question):
                return None
            return restore_backup(self.store.folder, path, other_commune_ok=True)


def confirm_other_commune(parent: QWidget, question: OtherCommuneError) -> bool:
    """Both communes' names and the backup's date; the default answer keeps the current data."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Bản sao lưu của xã khác", question.message, parent=parent)
    box.setObjectName("other_commune")
    box.setInformativeText(question.hint)
    box.setDetailedText(question.details)
    restore = box.addButton("Vẫn khôi phục", QMessageBox.ButtonRole.DestructiveRole)
    restore.setObjectName("restore_anyway")
    keep = box.addButton("Không khôi phục", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keep_current")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is restore
