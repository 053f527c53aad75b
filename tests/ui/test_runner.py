"""Work off the GUI thread: garbage is freed on the GUI thread before a worker starts."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QThread

from ui.runner import start_worker


def test_garbage_is_freed_on_the_gui_thread_before_a_worker_starts(qtbot):
    """A closed dialog caught in a reference cycle must not be freed by the worker (Qt would crash)."""
    freed_on_gui_thread = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            freed_on_gui_thread.append(threading.current_thread() is threading.main_thread())

    gc.disable()  # as if the collector had not run yet when the worker starts
    try:
        Cycle()
        worker = QThread()
        start_worker(worker)
        worker.quit()
        assert worker.wait(5000)
    finally:
        gc.enable()
    assert freed_on_gui_thread == [True]
