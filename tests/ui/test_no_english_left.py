"""No English and no empty text left where the clerk reads: every menu item, and every button, label, group,
tab and column title of every page, walked on the demo."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QTabBar

from ui.main_window import PAGES

from .conftest import open_window

ENGLISH = re.compile(
    r"\b(OK|Cancel|Close|Open|Save|File|Edit|View|Help|Yes|No|Apply|Reset|Browse|Delete|Add|Remove|Print|Search|"
    r"Name|Date|Size|Type|Back|Next|Finish|Settings|Options|Actual size|Preview|Page|Untitled)\b")


def _texts(widget) -> list[tuple[str, str]]:
    found = []
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            found.append((f"nút {button.objectName()}", button.text()))
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget) and label.text():
            found.append((f"nhãn {label.objectName()}", re.sub(r"<[^>]+>", " ", label.text())))
    for group in widget.findChildren(QGroupBox):
        found.append((f"nhóm {group.objectName()}", group.title()))
    for bar in widget.findChildren(QTabBar):
        found += [(f"thẻ {bar.objectName()}", bar.tabText(i)) for i in range(bar.count())]
    for view in widget.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", getattr(view, "header", None))
        model = view.model()
        if model is not None and header is not None:
            found += [(f"cột {view.objectName()}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(header().count())]
    return found


def test_every_menu_item_and_page_text_is_vietnamese(qtbot, demo_store):
    """Menu items are never empty; no menu item, button, label, group, tab or column title reads as English."""
    window = open_window(qtbot, demo_store)
    problems = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                text = action.text().replace("&", "")
                if not text.strip() or ENGLISH.search(text):
                    problems.append((menu_action.text(), text))
    for row, entry in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        for where, text in _texts(page):
            if ENGLISH.search(text):
                problems.append((entry.title, where, text))
    assert problems == []
