"""Xuất văn bản: choose a folder, write the plan's papers, say what was written and offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.exporters.plan_papers import export_plan_papers, file_names
from app.services.plans import get_plan
from ui.dialogs.written_files import offer_written
from ui.runner import run


def last_folder(store) -> str:
    return str(QSettings(str(store.folder.window_settings), QSettings.Format.IniFormat).value("export/folder", str(Path.home())))


def remember_folder(store, folder: str) -> None:
    settings = QSettings(str(store.folder.window_settings), QSettings.Format.IniFormat)
    settings.setValue("export/folder", folder)


def confirm_overwrite(parent: QWidget, folder: str, names) -> bool:
    """Ask before replacing files of the same name (the clerk may have edited the Word file)."""
    existing = [name for name in names if (Path(folder) / name).exists()]
    if not existing:
        return True
    answer = QMessageBox.question(
        parent, "Ghi đè tệp đã có?",
        "Trong thư mục đã có:\n" + "\n".join(f"• {name}" for name in existing)
        + "\n\nGhi đè bằng bản mới? (Nếu đã sửa tệp Word, hãy chọn “Không” và lưu vào thư mục khác.)",
    )
    return answer == QMessageBox.StandardButton.Yes


def export_plan_interactively(parent: QWidget, store, plan_id: int, folder: str | None = None) -> list:
    """Ask for the folder (unless given), write the files on the runner's worker (with "Hủy": a cancel leaves
    none of them), report them. Returns what was written."""
    folder = folder or QFileDialog.getExistingDirectory(parent, "Chọn thư mục để lưu văn bản", last_folder(store))
    if not folder:
        return []
    plan = get_plan(store, plan_id)
    if not confirm_overwrite(parent, folder, file_names(plan.kind, plan.year)):
        return []
    papers = run(parent, "Đang xuất văn bản", lambda progress: export_plan_papers(
        store, plan_id, Path(folder), progress=progress), cancel=True)
    if not papers.ok:
        return []
    written = papers.value
    remember_folder(store, folder)
    listing = "\n".join(f"• {item.path.name} — {item.description}" for item in written)
    offer_written(parent, "Đã xuất văn bản", f"Đã lưu vào {folder}:\n{listing}", [item.path for item in written],
                  Path(folder))
    return written
