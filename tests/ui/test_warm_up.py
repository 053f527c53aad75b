"""Start-up work off the GUI thread: the folder opened and the first view read in a thread, the ORM warmed after."""

from __future__ import annotations

import gc
import sys
from datetime import date

from PySide6.QtWidgets import QWidget

from app.queries.dashboard_view import FirstView
from ui.main_window import PAGES, MainWindow
from ui.pages.dashboard_page import DashboardPage
from ui.warm_up import OpenData, warm_up


def test_the_orm_warms_in_a_thread_and_collections_resume_on_the_gui_thread(qtbot):
    """While the thread imports no collection may run (none could free a widget off the GUI thread); after, they do."""
    parent = QWidget()
    qtbot.addWidget(parent)
    thread = warm_up(parent)
    try:
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=30000)
        assert thread.isFinished() and "sqlalchemy.orm" in sys.modules and gc.get_freeze_count() > 0
    finally:
        thread.wait()
        gc.enable()
        gc.unfreeze()


def test_the_folder_opens_and_the_first_view_is_read_in_a_thread(qtbot, demo_store):
    """OpenData hands back the open store and the dashboard read ahead, on the GUI thread."""
    demo_store.close()
    parent = QWidget()
    qtbot.addWidget(parent)
    delivered = []
    opener = OpenData(parent, demo_store.folder, False, PAGES[0], delivered.append).begin()
    qtbot.waitUntil(lambda: bool(delivered), timeout=30000)
    opener.wait()
    store, _report = opener.opened
    try:
        assert delivered == [opener] and isinstance(opener.first_view, FirstView)
        assert opener.first_view.board.has_plans and 2024 in opener.first_view.years
    finally:
        store.close()


def test_a_damaged_file_is_left_for_the_gui_thread_to_ask_about(qtbot, demo_store):
    """A problem found in the thread opens nothing there: the GUI thread asks the clerk (recovery dialog)."""
    demo_store.close()
    data = bytearray(demo_store.folder.database.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] = 0xA5
    demo_store.folder.database.write_bytes(bytes(data))
    parent = QWidget()
    qtbot.addWidget(parent)
    delivered = []
    opener = OpenData(parent, demo_store.folder, False, PAGES[0], delivered.append).begin()
    qtbot.waitUntil(lambda: bool(delivered), timeout=30000)
    opener.wait()
    assert opener.opened is None and opener.first_view is None


def test_attaching_in_steps_shows_the_page_in_view_first_and_then_the_menus(qtbot, demo_store):
    """The title first, then the page built, then shown; the callback comes with the page showing its data, and
    the menus' entries, keys and backup actions right after it (disabled until then)."""
    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.show()
    called = []
    window.attach_in_steps(demo_store, None, lambda: called.append(
        (window.stack.currentWidget(), window.menuBar().isEnabled())))
    assert window.windowTitle() == "Xã Hòa Bình Xuân — CCHC Xã"
    assert not window.menuBar().isEnabled() and window.pages == []
    qtbot.waitUntil(lambda: bool(called))
    page, menus_enabled = called[0]
    assert isinstance(page, DashboardPage) and page.board is not None and not menus_enabled
    qtbot.waitUntil(window.menuBar().isEnabled)
    assert window.backups is not None
    titles = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert any("Sao lưu ngay" in text for text in titles)


def test_the_dashboard_shows_a_view_read_ahead_without_reading_again(qtbot, demo_store, monkeypatch):
    """Given today's first view the page reads nothing; given yesterday's it reads afresh."""
    from app.queries import dashboard_view
    from ui.pages import dashboard_page

    today = date(2024, 6, 30)
    ahead = dashboard_view.first_view(demo_store, today)
    reads = []
    monkeypatch.setattr(dashboard_page, "dashboard", lambda *args: reads.append(args) or dashboard_view.dashboard(*args))
    page = DashboardPage(demo_store, None, lambda changes: None, today=lambda: today, first_view=ahead)
    qtbot.addWidget(page)
    assert reads == [] and page.board == ahead.board and page.selected_year() == 2024
    stale = DashboardPage(demo_store, None, lambda changes: None, today=lambda: date(2024, 7, 1), first_view=ahead)
    qtbot.addWidget(stale)
    assert len(reads) == 1 and stale.board.today == date(2024, 7, 1)
