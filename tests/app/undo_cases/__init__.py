"""Every user action, as a case for the one undo test (``tests/app/test_undo_every_action.py``).

A case is ``Case(name, act, prepare)``: ``prepare(store)`` (optional) sets the stage with any number
of actions and returns what ``act`` needs; ``act(store, prepared)`` then performs exactly one user
action through its service on the demo data and returns its ``Changes`` (or a ``Done``). Each area keeps its cases in its own module
here; ``all_cases()`` gathers them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    act: Callable  # (store, prepared) -> Changes | Done
    prepare: Callable = lambda store: None  # (store) -> anything act needs


def all_cases() -> list[Case]:
    cases = []
    for module in pkgutil.iter_modules(__path__):
        cases.extend(importlib.import_module(f"{__name__}.{module.name}").CASES)
    return cases
