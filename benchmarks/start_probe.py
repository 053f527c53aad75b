"""Run a program as ``python -m MODULE …`` or ``python SCRIPT …`` would, noting when its window showed.

    python benchmarks/start_probe.py OUT -m app --data-dir DIR --exit-after-show
    python benchmarks/start_probe.py OUT benchmarks/bare_window.py
    python benchmarks/start_probe.py --watch 5 OUT -m app --data-dir DIR

Two moments go to OUT as wall-clock times (``time.time()``), one per line:
the first paint of the main window (the clerk sees the program) and its first
``close``, which both programs call once their window is ready: the bare window
on the event loop's first turn (often before its paint: the close's moment then
stands for both), the app once the page in view has read and shown its data. The parent compares them with the moment it spawned the process.
Nothing else changes: the same interpreter runs the same code.

``--watch SECONDS``: the program is left running (its own ``close`` calls are
ignored) until SECONDS after the probe started; a 10 ms timer notes the longest
time the event loop did not turn from the window's ``show`` on (a click made then
would wait that long), written as a third line in milliseconds; then the probe
closes the window.
"""

import os
import runpy
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

_close, _show = QMainWindow.close, QMainWindow.show
_out: list[str] = []  # the file to write, until written
_painted: list[float] = []
_started = time.perf_counter()
_watch: list[float] = []  # --watch: seconds from the start to watch the event loop for
_TICK = 0.010  # seconds between the watcher's timer ticks


class _FirstPaint(QObject):
    """Notes the main window's first paint: Qt paints a window from the top, so its own paint event comes first.

    The filter sits on that window alone and leaves once it has seen it: a filter on the whole application
    runs Python for every event of every object, which charged a window of many widgets (the app's) tens of
    milliseconds that a bare window of one label did not pay.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            _painted.append(time.time())
            watched.removeEventFilter(self)
        return False


class _StallWatch(QObject):
    """Ticks every 10 ms; the longest gap beyond that is the longest the event loop stood still."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.window, self.longest, self.last = window, 0.0, time.perf_counter()
        self.timer = QTimer(self, interval=round(_TICK * 1000), timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest, self.last = max(self.longest, now - self.last - _TICK), now
        if now - _started >= _watch[0]:
            self.timer.stop()
            _write(f"{self.longest * 1000:.1f}\n")
            _close(self.window)


def _noting_show(self):
    application = QApplication.instance()
    if not hasattr(application, "_first_paint"):
        application._first_paint = _FirstPaint(self)
        self.installEventFilter(application._first_paint)
        if _watch:
            application._stall_watch = _StallWatch(self)
    return _show(self)


def _write(extra: str = "") -> None:
    closed = time.time()
    with open(_out.pop(), "w", encoding="ascii") as out:
        out.write(f"{(_painted or [closed])[0]!r}\n{closed!r}\n{extra}")


def _noting_close(self):
    if _watch:
        return False  # the watcher closes the window when its time is up
    if _out:
        _write()
    return _close(self)


if __name__ == "__main__":
    if sys.argv[1] == "--watch":
        _watch.append(float(sys.argv[2]))
        del sys.argv[1:3]
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
