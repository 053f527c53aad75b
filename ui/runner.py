"""Slow work off the GUI thread (papers written to a folder): a worker thread, a progress box that shows only
if the work lasts past 600 ms, the refusal shown; then the box that lists what was written.

The work receives ``progress(step, total, text)``; each call crosses back to the
GUI thread through a signal. The window stays painted but disabled meanwhile,
and there is no cancel: each file is written whole, and a half set is not worth
one. A ``UserError`` is shown as it is; any other exception is a bug, shown
with the ``unexpected`` message; its full traceback goes to errors.log (or into
the details when the log cannot be written).
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import UserError
from ui.dialogs.error_dialog import show_error, unexpected_details
from ui.system_open import open_path

T = TypeVar("T")
Progress = Callable[[int, int, str], None]


def start_worker(worker: QThread) -> None:
    """Start ``worker`` after collecting Python's garbage here, on the GUI thread.

    Closed dialogs and pages caught in reference cycles are freed by the garbage collector, which runs on
    whichever thread happens to allocate: freed on the worker, their Qt widgets would be deleted off the GUI
    thread, which crashes Qt. Collected now, there is nothing left for the worker to free.
    """
    gc.collect()
    worker.start()


class _Worker(QThread):
    """Runs ``work``; its steps come back through a signal, which Qt delivers on the GUI thread."""

    stepped = Signal(int, int, str)

    def __init__(self, work: Callable[[Progress], object], unexpected: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.work, self.unexpected = work, unexpected
        self.result: object = None
        self.error: UserError | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self.stepped.emit)
        except UserError as error:
            self.error = error
        except Exception as error:  # a bug: shown, never swallowed silently
            # formatted here, on the worker thread, while the traceback still shows where the work failed
            trace = "".join(traceback.format_exception(error))
            self.error = UserError(self.unexpected, "Hãy thử lại; nếu lỗi lặp lại, báo cho người hỗ trợ.",
                                   f"{error!r}\n{unexpected_details(trace)}")


def run_with_progress(parent: QWidget, title: str, work: Callable[[Progress], T], unexpected: str) -> tuple[T] | None:
    """``(what work returned,)`` once it has run on a worker thread under a progress box titled ``title``;
    None when it failed (the error has been shown)."""
    worker = _Worker(work, unexpected, parent)
    progress = QProgressDialog("Đang chuẩn bị…", "", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)  # each file is written whole; a half set is not worth a cancel
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(600)
    worker.stepped.connect(lambda step, total, text: (progress.setMaximum(total), progress.setLabelText(text),
                                                      progress.setValue(min(step, total))))
    waiting = QEventLoop()
    worker.finished.connect(waiting.quit)
    parent.setEnabled(False)
    start_worker(worker)
    waiting.exec()
    parent.setEnabled(True)
    progress.reset()
    progress.deleteLater()
    worker.deleteLater()
    if worker.error is not None:
        show_error(parent, worker.error)
        return None
    return (worker.result,)


def report_written(parent: QWidget, title: str, folder: str, written: list[Path]) -> None:
    """"Đã lưu vào …:" and the files' names, with "Mở thư mục" to open the folder."""
    listing = "\n".join(f"• {Path(path).name}" for path in written)
    box = QMessageBox(QMessageBox.Icon.Information, title, f"Đã lưu vào {folder}:\n{listing}", parent=parent)
    open_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is open_button:
        open_path(Path(folder))
