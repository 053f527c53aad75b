"""Filters on PySide6 6.9 (the Windows run under Wine uses it): it has beginFilterChange but not endFilterChange."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel

from tests.ui.test_emulation_page import _shown_names as _shown_subjects
from tests.ui.test_emulation_page import started  # noqa: F401  (fixture)
from tests.ui.test_officials_page import _page as _officials_page
from tests.ui.test_officials_page import _shown_names as _shown_officials


@pytest.fixture
def qt_6_9(monkeypatch):
    """QSortFilterProxyModel as Qt 6.9 has it: endFilterChange arrived in 6.10."""
    monkeypatch.delattr(QSortFilterProxyModel, "endFilterChange", raising=False)


def test_officials_search_filters_on_qt_6_9(qt_6_9, qtbot, demo_store):
    """Typing a name without diacritics still narrows the list to that person."""
    page, _stack = _officials_page(qtbot, demo_store)
    qtbot.keyClicks(page.search, "dang van duc")
    assert _shown_officials(page) == ["Đặng Văn Đức"]
    page.show_inactive.setChecked(False)
    assert _shown_officials(page) == ["Đặng Văn Đức"]


def test_emulation_verdict_filter_on_qt_6_9(qt_6_9, qtbot, started):  # noqa: F811
    """Choosing "Đủ tiêu chuẩn" hides every subject that fails a criterion."""
    page, _stack = started
    page.filter.setCurrentIndex(page.filter.findText("Đủ tiêu chuẩn"))
    assert _shown_subjects(page) == []
