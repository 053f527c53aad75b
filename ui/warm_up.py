"""The ORM loaded after the first page shows its data, off the GUI thread, so the clerk's input never waits.

The start path reads on sqlite3 (issue 24); the first write or the next page needs SQLAlchemy and the
models, ≈ 450 ms of imports. Done here, in a thread, they are ready by the time the clerk clicks, and the
event loop keeps turning meanwhile (Python hands the GIL back every few milliseconds).
The garbage collector is paused while the thread imports: a collection run on it could free a closed
widget's Qt object off the GUI thread, which crashes Qt (see ``ui/runner.py``).
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QThread, Slot

from app.store import load_data_layer

log = logging.getLogger(__name__)


class WarmUp(QThread):
    """Runs ``load_data_layer`` in its own thread; touches no widget."""

    def run(self) -> None:
        try:
            load_data_layer()
        except Exception:  # noqa: BLE001 — the import is tried again where it is needed, and fails there visibly
            log.exception("warming the data layer failed")

    @Slot()
    def done(self) -> None:
        """On the GUI thread (the thread object lives there): collections may run again."""
        gc.enable()


def warm_up(parent) -> WarmUp:
    """Start loading the ORM in the background; returns the running thread (owned by ``parent``)."""
    thread = WarmUp(parent)
    thread.finished.connect(thread.done)
    gc.collect()  # what is garbage now is freed here, on the GUI thread
    gc.disable()
    thread.start()
    return thread
