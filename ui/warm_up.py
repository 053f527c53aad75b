"""Start-up work off the GUI thread: opening the data, then loading the ORM, while the window keeps turning.

Issue 24: the clerk sees the window at once; a click made while the data opens must not wait half a
second. ``OpenData`` opens the folder (checks, schema, daily backup: sqlite3 and files) and reads the first
page's view in a thread; the GUI thread only builds the page. ``WarmUp`` then imports SQLAlchemy and the
models (≈ 450 ms) ahead of the first write. Python hands the GIL back every few milliseconds, so the
event loop keeps turning meanwhile.
The garbage collector is paused while such a thread runs: a collection run on it could free a closed
widget's Qt object off the GUI thread, which crashes Qt (see ``ui/runner.py``). When it ends, what exists
is frozen (``gc.freeze``) before collections resume: the modules just imported are there for good, and
walking their objects in a full collection stalled the GUI thread by ≈ 150 ms.
"""

from __future__ import annotations

import gc
import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal, Slot

from app.store import load_data_layer

log = logging.getLogger(__name__)


class _Background(QThread):
    """A thread whose ``then`` runs on the GUI thread once it is done (the thread object lives there)."""

    done = Signal()

    def __init__(self, parent, then: Callable | None = None) -> None:
        super().__init__(parent)
        self._then = then
        self.done.connect(self._finish)

    def begin(self) -> _Background:
        gc.disable()  # no collection anywhere until it is done, so none on the thread
        self.start()
        return self

    def run(self) -> None:
        try:
            self.work()
        finally:
            self.done.emit()

    def work(self) -> None:
        raise NotImplementedError

    @Slot()
    def _finish(self) -> None:
        gc.freeze()  # the garbage of the moment stays too: a few objects, against a long pause now
        gc.enable()
        if self._then is not None:
            self._then(self)


class OpenData(_Background):
    """Opens the folder and reads the page in view ahead; a problem is left for the GUI thread to ask about."""

    def __init__(self, parent, folder, demo: bool, page, then: Callable) -> None:
        super().__init__(parent, then)
        self.folder, self.demo, self.page = folder, demo, page
        self.opened = None  # (store, report) once open
        self.first_view = None

    def work(self) -> None:
        from app.startup import open_store

        try:
            self.opened = open_store(self.folder, self.demo, defer_installs=True)
        except Exception:  # noqa: BLE001 — asked about (or shown) on the GUI thread, which opens again
            return
        try:
            importlib.import_module(self.page.module)  # the page's code too, while the window waits anyway
            self.first_view = self.page.read_ahead(self.opened[0])
        except Exception:  # noqa: BLE001 — the page reads on the GUI thread instead, where a failure is shown
            log.exception("reading the first page ahead failed")
            self.first_view = None


class WarmUp(_Background):
    """Runs ``load_data_layer``; touches no widget."""

    def work(self) -> None:
        try:
            load_data_layer()
        except Exception:  # noqa: BLE001 — the import is tried again where it is needed, and fails there visibly
            log.exception("warming the data layer failed")


def warm_up(parent) -> WarmUp:
    """Start loading the ORM in the background; returns the running thread (owned by ``parent``)."""
    return WarmUp(parent).begin()
