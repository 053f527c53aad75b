"""The one way the window runs work and reports what went wrong.

- ``run(parent, title, work, cancel=…)``: slow work (a file written or read, a backup, a restore) on a
  worker thread; the window is disabled meanwhile (the Store is never used by two threads at once) and a
  progress box shows only if the work lasts past 600 ms, with "Hủy" when the work can stop between steps.
- ``start(parent, work, done)``: background work that needs no Store and holds nothing up (the hourly
  backup check); ``done`` gets its outcome on the GUI thread.
- ``attempt(parent, action)``: a blink of work on the GUI thread (one read, one transaction).

Each gives an ``Outcome`` (done with a value, failed, or cancelled; never None for a failure) and reports a
failure the one way, ``report``: a ``UserError`` is shown as it is; anything else is a bug, shown with the
"unexpected" message, its full traceback in errors.log (or in the details when the log cannot be written).
Work receives ``progress(step, total, text)`` (``app.progress``): each call crosses to the GUI thread through
a signal, and after "Hủy" the next call raises ``Cancelled`` instead, so the work stops between two steps.
"""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from app.errors import UserError
from app.progress import Cancelled
from ui.dialogs.error_dialog import show_error, shortened, unexpected_details

T = TypeVar("T")
SHOW_AFTER_MS = 600  # shorter work never flashes a box
_UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu trước đó không bị ảnh hưởng."
_HINT = "Hãy thử lại; nếu lỗi lặp lại, báo cho người hỗ trợ."
_NOTHING = object()


class Outcome(Generic[T]):
    """What became of a piece of work: ``ok`` with its ``value``, or ``error`` (already reported), or
    ``cancelled`` (the clerk pressed "Hủy"; nothing to report)."""

    __slots__ = ("_value", "error", "cancelled")

    def __init__(self, value: object = _NOTHING, error: BaseException | None = None, cancelled: bool = False) -> None:
        self._value, self.error, self.cancelled = value, error, cancelled

    @property
    def ok(self) -> bool:
        return self._value is not _NOTHING

    @property
    def value(self) -> T:
        """The work's result; asking a failed or cancelled outcome for it is a bug in the caller."""
        if not self.ok:
            raise ValueError("Outcome.value on work that did not finish: check .ok first")
        return self._value  # type: ignore[return-value]

    def value_or(self, default: T) -> T:
        """The value, or ``default`` when the work failed (already reported) or was cancelled."""
        return self._value if self.ok else default  # type: ignore[return-value]


def report(parent: QWidget | None, error: BaseException, unexpected: str | None = None) -> None:
    """Show a failure: a UserError as it is (a long list of bad rows behind Details); anything else is a bug,
    logged with its traceback and shown as ``unexpected`` (the general message when None)."""
    if isinstance(error, UserError):
        show_error(parent, shortened(error))
        return
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    show_error(parent, UserError(unexpected or _UNEXPECTED, _HINT, f"{error!r}\n{unexpected_details(trace)}"))


def attempt(parent: QWidget | None, action: Callable[[], T]) -> Outcome[T]:
    """Call ``action`` here, on the GUI thread (only for work that takes a blink); a failure is reported."""
    try:
        return Outcome(action())
    except Exception as error:  # a bug is reported too, never swallowed
        report(parent, error)
        return Outcome(error=error)


def start_worker(worker: QThread) -> None:
    """Start ``worker`` after collecting Python's garbage here, on the GUI thread.

    Closed dialogs and pages caught in reference cycles are freed by the garbage collector, which runs on
    whichever thread happens to allocate: freed on the worker, their Qt widgets would be deleted off the GUI
    thread, which crashes Qt. Collected now, there is nothing left for the worker to free.
    """
    gc.collect()
    worker.start()


class _Steps:
    """The ``progress`` the work receives: steps go to the GUI thread; after "Hủy" the next one raises Cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None], stop: threading.Event) -> None:
        self._emit, self._stop = emit, stop

    def __call__(self, step: int, total: int, text: str) -> None:
        if self.cancelled():
            raise Cancelled
        self._emit(step, total, text)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class _Worker(QThread):
    """Runs ``work(progress)`` and keeps its outcome; touches no widget (signals reach the GUI thread)."""

    stepped = Signal(int, int, str)

    def __init__(self, work: Callable[[_Steps], object], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.work, self.stop = work, threading.Event()
        # replaced when the work ends; kept only if the thread died of something that is no Exception
        self.outcome: Outcome = Outcome(error=RuntimeError("the work's thread ended before the work"))

    def run(self) -> None:
        try:
            self.outcome = Outcome(self.work(_Steps(self.stepped.emit, self.stop)))
        except Cancelled:
            self.outcome = Outcome(cancelled=True)
        except Exception as error:  # a bug is reported on the GUI thread, never swallowed
            self.outcome = Outcome(error=error)


def run(parent: QWidget | None, title: str, work: Callable[[_Steps], T], *, cancel: bool = False,
        unexpected: str | None = None) -> Outcome[T]:
    """Run ``work(progress)`` on a worker thread under a progress box titled ``title``; returns once it ends.

    ``cancel``: the box offers "Hủy" (only for work that leaves nothing half made when it stops between
    steps). A failure is reported (a bug as ``unexpected``) before this returns.
    """
    wait_for_background()
    worker = _Worker(work, parent)
    box = _progress_box(parent, title, worker, cancel)
    finished = QEventLoop()
    worker.finished.connect(finished.quit)
    held = _hold(parent.window() if parent is not None else None)
    box.setEnabled(True)  # a window of its own: its "Hủy" stays live inside the disabled parent
    try:
        start_worker(worker)
        finished.exec()
    finally:
        held()
        box.reset()
        box.deleteLater()
        worker.deleteLater()
    if worker.outcome.error is not None:
        report(parent, worker.outcome.error, unexpected)
    return worker.outcome


def _hold(window: QWidget | None) -> Callable[[], None]:
    """Disable ``window``, menus included (nothing else may use the Store meanwhile); returns what gives it back."""
    if window is None:
        return lambda: None
    was_enabled = window.isEnabled()
    window.setEnabled(False)
    return lambda: window.setEnabled(was_enabled)


def _progress_box(parent: QWidget | None, title: str, worker: _Worker, cancel: bool) -> QProgressDialog:
    box = QProgressDialog("Đang chuẩn bị…", "Hủy", 0, 0, parent, objectName="runner_progress")
    box.setWindowTitle(title)
    if cancel:
        box.canceled.connect(worker.stop.set)
    else:
        box.setCancelButton(None)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(SHOW_AFTER_MS)
    worker.stepped.connect(lambda step, total, text: (box.setMaximum(total), box.setLabelText(text),
                                                      box.setValue(min(step, total))))
    return box


_BACKGROUND: set[_Worker] = set()


def start(parent: QWidget, work: Callable[[_Steps], T], done: Callable[[Outcome[T]], None]) -> None:
    """Run ``work`` on a worker thread without holding the window: only for work that uses no Store (its own
    connection, its own files). ``done(outcome)`` runs on the GUI thread; it reports what it wants to."""
    worker = _Worker(work, parent)
    _BACKGROUND.add(worker)

    def finished() -> None:
        _BACKGROUND.discard(worker)
        worker.deleteLater()
        if parent is None or isValid(parent):  # a window closed meanwhile has nothing left to tell
            done(worker.outcome)

    worker.finished.connect(finished)
    start_worker(worker)


def wait_for_background() -> None:
    """Let background work end first: before other work (a restore must not replace a file being copied)
    and before the window closes (a thread must never outlive its window)."""
    for worker in list(_BACKGROUND):
        worker.wait()


def report_written(parent: QWidget, title: str, folder: str, written: list[Path]) -> None:
    """"Đã lưu vào …:" and the files' names; print a PDF, open a file or the folder from the same box."""
    from ui.dialogs.written_files import offer_written

    listing = "\n".join(f"• {Path(path).name}" for path in written)
    offer_written(parent, title, f"Đã lưu vào {folder}:\n{listing}", [Path(p) for p in written], Path(folder))
