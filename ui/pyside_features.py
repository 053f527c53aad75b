"""PySide6's check of every module imported after it, made cheap (issue 24).

PySide6 replaces ``__import__`` to support ``from __feature__ import snake_case``: after each import it asks
whether the new module uses PySide6 by searching its source for the word, read with ``inspect.getsource``.
That call looks the module up among every loaded one first, so each of the ~110 imports of a start cost
≈ 0.5 ms, 40–80 ms in all, half of it between the first paint and the first page's data. The same test
(the source names PySide6), read straight from the module's loader, costs a file read. The answer is the
same, so the feature switching PySide6 bases on it is unchanged (the app uses no feature anyway).
"""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader

import PySide6.QtCore  # noqa: F401 — installs PySide6's import hook, the one made cheap here


def uses_pyside(module) -> bool:
    """PySide6's answer for ``module``: its source mentions PySide6 (False when it has no source to read)."""
    spec = getattr(module, "__spec__", None)
    try:
        if isinstance(spec.loader, SourceFileLoader):  # a .py file: its bytes, not decoded
            return b"PySide6" in spec.loader.get_data(spec.loader.get_filename(spec.name))
        source = spec.loader.get_source(spec.name)
    except Exception:  # noqa: BLE001 — no spec, no loader, unreadable or undecodable: PySide6 says False too
        return False
    return source is not None and "PySide6" in source


def use_cheap_feature_check() -> bool:
    """Answer PySide6's per-import question with ``uses_pyside``; False where this PySide6 asks differently."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
