"""The menu's backup and restore actions: thin wrappers over ``app.backups``.

A restore from the window keeps the window's hold on the data folder (the lock
is this process's), saves what is being typed first, closes every connection,
and reopens the restored file: nothing the window writes afterwards can land in
the file that was replaced. The copying and the restore run on the runner's
worker thread, the window disabled meanwhile; a copy to a USB stick can be
cancelled ("Hủy") and then leaves no half copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.backups import (
    Backup,
    OtherCommuneError,
    RestoreResult,
    backup_now,
    describe,
    export_backup,
    restorable_backups,
    restore_backup,
)
from app.services.changes import BACKUPS, EVERYTHING, Changes
from app.startup import bring_up_to_date
from app.store import Store
from ui.dialogs.backup_picker import BackupPicker
from ui.runner import Outcome, run, wait_for_background


class BackupActions:
    """Each copy and each restore runs on the runner's worker thread; only the questions and the answers here."""

    def __init__(self, window: QWidget, store: Store, undo_stack, notify) -> None:
        self.window, self.store, self.undo_stack, self.notify = window, store, undo_stack, notify

    def backup(self) -> Outcome[Backup]:
        taken = run(self.window, "Đang sao lưu dữ liệu", lambda progress: backup_now(self.store.folder))
        if taken.ok:
            self.notify(Changes.of(BACKUPS))
            QMessageBox.information(self.window, "Đã sao lưu",
                                    f"Đã sao lưu dữ liệu lúc {describe(taken.value)}.\nTệp: {taken.value.path}")
        return taken

    def backup_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Chọn thư mục (ví dụ ổ USB) để chép bản sao lưu")
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> Outcome[Path]:
        """A full copy (database and evidence files) into ``folder``, with "Hủy"; reports where it went."""
        copy = run(self.window, "Đang chép bản sao lưu", lambda progress: export_backup(
            self.store.folder, folder, progress=progress), cancel=True)
        if not copy.ok:
            return copy
        self.notify(Changes.of(BACKUPS))
        QMessageBox.information(
            self.window, "Đã sao lưu",
            f"Đã chép bản sao lưu đầy đủ (dữ liệu và tài liệu kiểm chứng) vào:\n{copy.value}\n\n"
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
        wait_for_background()  # the hourly copy must not read the file being replaced
        self.store.close()
        restored = run(self.window, "Đang khôi phục dữ liệu", self._restore_work(path, other_commune_ok=False))
        if restored.ok and isinstance(restored.value, OtherCommuneError):
            if not confirm_other_commune(self.window, restored.value):
                self.store.reconnect()
                return
            restored = run(self.window, "Đang khôi phục dữ liệu", self._restore_work(path, other_commune_ok=True))
        if not restored.ok:
            self.store.reconnect()  # the data as it was (or as restored, when only the update failed)
            return
        self.undo_stack.load()  # the restored data brings its own journal
        self.notify(Changes.of(EVERYTHING))
        result = restored.value
        kept_text = f"\nDữ liệu trước khi khôi phục được giữ tại:\n{result.kept.path}" if result.kept else ""
        note = f"\n\n{result.evidence_note()}" if result.evidence_rejected else ""
        QMessageBox.information(self.window, "Đã khôi phục", f"Đã khôi phục dữ liệu từ {path.name}.{kept_text}{note}")

    def _restore_work(self, path: Path, other_commune_ok: bool):
        """The worker's part: restore, reopen, migrate. Another commune's backup comes back as the question
        to ask (nothing changed, the store still closed) instead of a failure."""
        def work(progress) -> RestoreResult | OtherCommuneError:
            progress(0, 2, f"Đang khôi phục từ {path.name}…")
            try:
                result = restore_backup(self.store.folder, path, other_commune_ok=other_commune_ok)
            except OtherCommuneError as question:
                return question
            self.store.reconnect()
            progress(1, 2, "Đang cập nhật dữ liệu đã khôi phục…")
            bring_up_to_date(self.store, had_data=True)
            return result
        return work

    def _flush_edits(self) -> None:
        """What is being typed goes into the current data first, so the before-restore copy holds it."""
        for page in getattr(self.window, "pages", []):
            page.flush_edits()

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
