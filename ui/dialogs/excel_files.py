"""The Excel side of the dialogs that read and write workbooks (award history, registration, criteria sets):
picking a workbook to read or a name to save under. The read or write itself runs through ``ui.runner``,
whose report shows a refused file's first bad rows and puts every line behind "Xem chi tiết…"
(``error_dialog.shortened``). (The criteria sets dialog lists its problems in the message instead, and
shortens them itself.)

The folder last used for exports is offered first and remembered again; a name
saved without ".xlsx" gets it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.dialogs.export_plan_dialog import last_folder, remember_folder

EXCEL_FILTER = "Tệp Excel (*.xlsx)"


def ask_excel_path(parent: QWidget, store, save: bool, title: str, name: str = "") -> Path | None:
    """The workbook the clerk picks to open (``save``: the name to save under, ``name`` proposed); None if
    cancelled. The folder is remembered for next time."""
    start = str(Path(last_folder(store)) / name) if name else last_folder(store)
    ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    chosen, _ = ask(parent, title, start, EXCEL_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if save and path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    remember_folder(store, str(path.parent))
    return path
