"""Every page of the window keeps the declared page contract (``ui/pages/page.py``), not a duck-typed one."""

from __future__ import annotations

import pytest

from ui.main_window import PAGES
from ui.pages.page import Page


@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.name)
def test_each_page_is_a_page_that_refreshes(entry):
    """A page class derives from Page and says how it refreshes for a change."""
    kind = entry.load()
    assert issubclass(kind, Page)
    assert kind.refresh is not Page.refresh
