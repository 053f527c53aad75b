"""The Excel side of the dialogs that read and write workbooks (award history, registration, criteria sets):
picking a workbook to read or a name to save under, and running the read or write under the wait cursor
with a refusal shown short.

The folder last used for exports is offered first and remembered again; a name
saved without ".xlsx" gets it. A refused file lists its bad rows in the hint;
past ``_SHOWN_PROBLEMS`` lines the rest go behind "Xem chi tiết…", every line
kept there to copy. (The criteria sets dialog lists its problems in the message
instead, and shortens them itself.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import UserError
from ui.dialogs.error_dialog import shortened, show_error
from ui.dialogs.export_plan_dialog import last_folder, remember_folder

EXCEL_FILTER = "Tệp Excel (*.xlsx)"

T = TypeVar("T")


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


def run_waiting(parent: QWidget, action: Callable[[], T]) -> tuple[T] | None:
    """Call ``action`` under the wait cursor: ``(its result,)``, or None once a UserError is shown (a long
    list of rows behind Details)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return (action(),)
    except UserError as error:
        failure = error
    finally:
        QGuiApplication.restoreOverrideCursor()
    show_error(parent, shortened(failure))
    return None
