"""The progress protocol of slow work, and how it stops: plain Python, so the command line and tests use it too.

Slow work takes ``progress`` and calls ``progress(step, total, text)`` between
its steps (``text`` in Vietnamese: what it is doing now). The window's runner
hands in one whose call raises ``Cancelled`` once the clerk has pressed "Hủy":
every step boundary is a place the work may stop, so work that cleans up after
any exception (``try``/``except BaseException``) is cancellable for free. Work
that polls instead (a long loop with no step to report) calls
``progress.cancelled()`` where the object has it.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The clerk pressed "Hủy"; the work stopped between two steps and removed what it had half made."""


class Progress(Protocol):
    def __call__(self, step: int, total: int, text: str) -> None:
        """Say where the work is; may raise ``Cancelled``."""


def no_progress(_step: int, _total: int, _text: str) -> None:
    """The progress of work nobody watches (the command line, tests)."""
