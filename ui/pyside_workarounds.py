"""A reserve against a PySide6 reference bug that kills the process on Python 3.10 and 3.11.

PySide6 6.12.0 (abi3 wheels) on Python 3.11: every call of a Qt method that returns nothing drops one
reference to ``None`` that it never took, and every signal emitted from Python drops one to ``True``. On
Python 3.12+ both are immortal and nothing happens; here their counts fall by one per call until the
process dies ("Fatal Python error: none_dealloc" / "bool_dealloc"): one consolidation of a few thousand
packages (a progress step each: an emit and three calls) was enough, and a long day of work would be too.

``keep_reserve`` measures it once at start (a few calls on a probe) and, only when the counts fall, holds
``FLOOR`` extra references to each and tops them back up every second on the GUI thread (also while the
runner's work runs: its wait is an event loop). Memory grows by 8 bytes per reference lost. Drop this
module once the PySide6 the app requires no longer does it (pyproject.toml could also refuse 6.12.0).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

FLOOR = 200_000  # references held beyond the start's count: far more than a second's calls can lose
CHECK_MS = 1000
_reserve: list[list] = []
_baseline: dict[bool | None, int] = {}


class _Probe(QObject):
    fired = Signal(int)


def _hold(chunk: list) -> None:
    """Keep ``chunk`` (and so the references it holds) to the very end: freed at exit, it would give back
    references the lost ones already spent, and the count would reach zero then."""
    import ctypes

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))
    _reserve.append(chunk)


def references_lost() -> tuple[int, int]:
    """How many references to (None, True) ten void calls and ten emits lose here (given back at once)."""
    probe = _Probe()
    none, true = sys.getrefcount(None), sys.getrefcount(True)
    for number in range(10):
        probe.setObjectName("thu")
        probe.fired.emit(number)
    lost = (max(0, none - sys.getrefcount(None)), max(0, true - sys.getrefcount(True)))
    _hold([None] * lost[0] + [True] * lost[1])
    return lost


def top_up() -> None:
    """Give back what was lost since the last check, so each count stays at its baseline."""
    for value, baseline in _baseline.items():
        missing = baseline - sys.getrefcount(value)
        if missing > 0:
            _hold([value] * missing)


def keep_reserve(app: QCoreApplication) -> bool:
    """Hold the reserve and check it every second when this PySide6 needs it; True when it does."""
    if _baseline:
        return True
    none_lost, true_lost = references_lost()
    if not (none_lost or true_lost):
        return False
    _hold([None] * FLOOR + [True] * FLOOR)
    _baseline.update({None: sys.getrefcount(None), True: sys.getrefcount(True)})
    timer = QTimer(app, objectName="reference_reserve", interval=CHECK_MS)
    timer.timeout.connect(top_up)
    timer.start()
    return True
