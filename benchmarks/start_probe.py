"""Run a program as ``python -m MODULE …`` or ``python SCRIPT …`` would, noting when its window showed.

    python benchmarks/start_probe.py OUT -m app --data-dir DIR --exit-after-show
    python benchmarks/start_probe.py OUT benchmarks/bare_window.py

Two moments go to OUT as wall-clock times (``time.time()``), one per line:
the first paint of the main window (the clerk sees the program) and its first
``close``, which both programs call once their window is ready: the bare window
on the event loop's first turn, the app once the page in view has read and shown
its data. The parent compares them with the moment it spawned the process.
Nothing else changes: the same interpreter runs the same code.
"""

import os
import runpy
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

_close, _show = QMainWindow.close, QMainWindow.show
_out: list[str] = []  # the file to write, until written
_painted: list[float] = []


class _FirstPaint(QObject):
    """Notes the first paint of any widget of the shown main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if not _painted and event.type() == QEvent.Type.Paint and getattr(watched, "window", None):
            if watched.isWidgetType() and watched.window() is self.window:
                _painted.append(time.time())
        return False


def _noting_show(self):
    if not hasattr(QApplication.instance(), "_first_paint"):
        QApplication.instance()._first_paint = _FirstPaint(self)
        QApplication.instance().installEventFilter(QApplication.instance()._first_paint)
    return _show(self)


def _noting_close(self):
    if _out:
        closed = time.time()
        with open(_out.pop(), "w", encoding="ascii") as out:
            out.write(f"{(_painted or [closed])[0]!r}\n{closed!r}\n")
    return _close(self)


if __name__ == "__main__":
    _out.append(sys.argv[1])
    QMainWindow.close, QMainWindow.show = _noting_close, _noting_show
    if sys.argv[2] == "-m":
        module, sys.argv = sys.argv[3], [sys.argv[3], *sys.argv[4:]]
        sys.path[0] = os.getcwd()  # as ``python -m`` has it
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        script, sys.argv = sys.argv[2], sys.argv[2:]
        sys.path[0] = os.path.dirname(os.path.abspath(script))
        runpy.run_path(script, run_name="__main__")
