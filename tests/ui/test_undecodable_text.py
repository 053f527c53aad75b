"""A byte flipped inside a stored text (integrity_check passes) shows as U+FFFD on every page, never an error."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from db.integrity import integrity_problems
from tests.app.services.test_undecodable_text import DAMAGED, damaged_store  # noqa: F401 (a fixture)


def _texts(model, tree: bool, parent=QModelIndex()) -> list[str]:
    """Every displayed cell of an item model (a tree's children included)."""
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)):
            index = model.index(row, column, parent)
            found.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            if tree and column == 0:
                found += _texts(model, tree, index)
    return found


def _shown(page) -> str:
    """What the page's tables, lists and trees display."""
    views = [view for view in page.findChildren(QAbstractItemView) if view.model() is not None]
    return "\n".join(text for view in views for text in _texts(view.model(), isinstance(view, QTreeView)))


def test_integrity_check_passes_on_the_flipped_bytes(damaged_store):
    """The damage is inside a text value: SQLite's own check finds nothing, so the app must cope itself."""
    assert integrity_problems(damaged_store.folder.database) == []


@pytest.mark.parametrize(("module", "name", "today", "expected"), [
    ("ui.pages.scoring_page", "ScoringPage", date(2024, 12, 1), DAMAGED[1][1]),
    ("ui.pages.emulation_page", "EmulationPage", date(2025, 1, 15), DAMAGED[0][1]),
    ("ui.pages.dossier_page", "DossierPage", date(2025, 1, 10), DAMAGED[0][1]),
])
def test_each_page_shows_the_replacement_character(qtbot, damaged_store, errors_shown, module, name, today, expected):
    """Chấm điểm, Thi đua and Khen thưởng open on the damaged data, show U+FFFD in place of the bad byte, no error."""
    import importlib

    kind = getattr(importlib.import_module(module), name)
    holder = {}
    page = kind(damaged_store, QUndoStack(), lambda changes: holder["page"].refresh(changes), today=today)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: expected in _shown(page))
    assert errors_shown == []
