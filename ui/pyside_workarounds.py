"""A guard against a PySide6 reference bug that kills the process on Python 3.10 and 3.11.

PySide6 6.12.0 (abi3 wheels) on Python 3.11: every call of a Qt method that returns nothing drops one
reference to ``None`` that it never took, and every signal emitted from Python drops one to ``True``
(6.11.3 does not). On Python 3.12+ both objects are immortal and nothing happens; here their counts fall
by one per call until the process dies ("Fatal Python error: none_dealloc" / "bool_dealloc"): one
consolidation of a few thousand packages (a progress step each: an emit and three calls) was enough, and
a long day of work would be too.

``make_immortal_if_needed`` measures it once at start (ten calls on a probe) and, only when the counts fall,
does what Python 3.12 does: gives ``None``, ``True`` and ``False`` a reference count so high that no session
can spend it (these objects are never freed anyway). O(1), no memory; done before any other thread runs.
Drop this module once the PySide6 the app requires no longer does it (pyproject.toml could refuse 6.12.0).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

CUSHION = 1 << 40  # a trillion references: decades of calls
_done: list[bool] = []


class _Probe(QObject):
    fired = Signal(int)


def references_lost() -> tuple[int, int]:
    """How many references to (None, True) ten void calls and ten emits lose here."""
    probe = _Probe()
    none, true = sys.getrefcount(None), sys.getrefcount(True)
    for number in range(10):
        probe.setObjectName("thu")
        probe.fired.emit(number)
    return max(0, none - sys.getrefcount(None)), max(0, true - sys.getrefcount(True))


def make_immortal_if_needed() -> bool:
    """Raise the counts of None, True and False out of reach when this PySide6 loses references to them
    (once per process); True when it did."""
    if _done:
        return True
    if sys.version_info >= (3, 12) or not any(references_lost()):
        return False
    import ctypes

    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += CUSHION  # ob_refcnt: the object's first field
    _done.append(True)
    return True
