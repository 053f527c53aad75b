"""Run a program as ``python -m MODULE …`` or ``python SCRIPT …`` would, noting when its window was shown.

    python benchmarks/start_probe.py OUT -m app --data-dir DIR --exit-after-show
    python benchmarks/start_probe.py OUT benchmarks/bare_window.py

Both programs close their main window from the event loop's first turn
(``QTimer.singleShot(0, window.close)``), that is once the window is shown and
painted. The probe writes the wall-clock time (``time.time()``) of that first
``close`` to OUT, so the parent can time start → shown without counting the
tear-down after it. Nothing else changes: the same interpreter runs the same code.
"""

import os
import runpy
import sys
import time

from PySide6.QtWidgets import QMainWindow

_close = QMainWindow.close
_out: list[str] = []  # the file to write, until written


def _noting_close(self):
    if _out:
        shown = time.time()
        with open(_out.pop(), "w", encoding="ascii") as out:
            out.write(repr(shown))
    return _close(self)


if __name__ == "__main__":
    _out.append(sys.argv[1])
    QMainWindow.close = _noting_close
    if sys.argv[2] == "-m":
        module, sys.argv = sys.argv[3], [sys.argv[3], *sys.argv[4:]]
        sys.path[0] = os.getcwd()  # as ``python -m`` has it
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        script, sys.argv = sys.argv[2], sys.argv[2:]
        sys.path[0] = os.path.dirname(os.path.abspath(script))
        runpy.run_path(script, run_name="__main__")
