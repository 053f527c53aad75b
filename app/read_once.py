"""Reads made once within one long read-only job (a package, a dossier's papers).

A package renders a dozen papers, and each paper's facts read the year's criteria set and emulation verdicts
again: the same rows, read ten times. Inside ``read_once()`` the reads that opt in (``remembered``) are made
once and shared; outside it they read as before. The scope belongs to the thread that opened it (a context
variable), and an action written meanwhile reads afresh and then forgets everything (``writing``), so nothing read can be stale.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_remembered: ContextVar[dict | None] = ContextVar("read_once", default=None)


@contextmanager
def read_once() -> Iterator[None]:
    """Share the opted-in reads within the block; nested blocks join the outer one."""
    if _remembered.get() is not None:
        yield
        return
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or what it returned for ``key`` earlier in the same ``read_once`` block."""
    shared = _remembered.get()
    if shared is None:
        return read()
    if key not in shared:
        shared[key] = read()
    return shared[key]


@contextmanager
def writing() -> Iterator[None]:
    """A write (``Store.action``): within it every read is fresh, and after it the block remembers nothing."""
    shared = _remembered.get()
    if shared is None:
        yield
        return
    token = _remembered.set(None)
    try:
        yield
    finally:
        _remembered.reset(token)
        shared.clear()
