"""Start-up shows the window before the data layer loads, and builds each page on its first visit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QKeySequence

from app.services.changes import EVERYTHING, Changes
from app.services.officials import list_officials
from ui.main_window import PAGES, MainWindow
from ui.pages.checklist_page import ChecklistPage
from ui.pages.officials_page import OfficialsPage

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "docx", "db.models", "app.store", "ui.pages")

# What ``python -m app`` runs up to the shown window, in a fresh interpreter.
_SHELL = """
import sys
from pathlib import Path
import app.__main__ as entry
args = entry.build_parser().parse_args(["--data-dir", sys.argv[1]])
from ui.application import make_application
from ui.main_window import MainWindow
from app.paths import DataFolder
application = make_application()
window = MainWindow(DataFolder(Path(sys.argv[1])))
window.show()
application.processEvents()
heavy = sys.argv[2].split(",")
print(sorted(name for name in sys.modules if any(name == h or name.startswith(h + ".") for h in heavy)))
"""


def test_the_window_shows_before_any_data_layer_or_renderer_is_imported(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _SHELL, str(tmp_path / "data"), ",".join(HEAVY)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_shell_waits_for_the_data_with_menus_and_keys_off(qtbot, folder):
    """The shell paints with the menus' titles only; their entries come after, with no key bound until the data opens."""
    window = MainWindow(folder)
    qtbot.addWidget(window)
    window.show()
    assert not window.menuBar().isEnabled()
    assert not window.menuBar().isNativeMenuBar()  # no D-Bus global-menu probe before the first paint
    assert window.folder_label.text() == "Đang mở dữ liệu…"
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [entry.title for entry in PAGES]
    assert window.pages == []
    assert [action.text() for action in window.menuBar().actions()] == [
        "&Tệp", "&Sửa", "&Xem", "&Báo cáo", "&Khen thưởng", "&Thiết lập", "Trợ &giúp"]
    assert all(action.menu().actions() == [] for action in window.menuBar().actions())
    window.finish_menus()
    window.finish_menus()  # once only
    undo = next(action for action in window.findChildren(type(window.menuBar().actions()[0]))
                if action.text().replace("&", "") == "Hoàn tác")
    assert undo.shortcut().isEmpty() and not undo.isEnabled()
    assert len(window.menuBar().actions()[2].menu().actions()) == len(PAGES)


def test_nothing_before_the_first_paint_uses_a_style_sheet(qtbot, folder):
    """The shell sets no style sheet (the first one sets up Qt's style-sheet engine, ~10 ms before the first paint)."""
    from PySide6.QtWidgets import QWidget

    window = MainWindow(folder)
    qtbot.addWidget(window)
    assert [widget.objectName() for widget in [window, *window.findChildren(QWidget)] if widget.styleSheet()] == []


def test_a_key_opens_a_page_not_built_yet_and_it_shows_its_data(qtbot, demo_store):
    """Ctrl+3 right after the data opens builds the checklist on that first visit, filled with the year's rows."""
    from PySide6.QtCore import Qt

    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(demo_store)
    qtbot.waitUntil(window.isActiveWindow)
    row = [entry.name for entry in PAGES].index("ChecklistPage")
    assert row == 2 and not any(isinstance(page, ChecklistPage) for page in window.pages)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), ChecklistPage))
    page = window.stack.currentWidget()
    from app.services.checklist import year_checklist

    assert window.nav.currentRow() == row and page.model.total() == len(year_checklist(demo_store, 2026)) > 0


def test_attaching_builds_only_the_page_in_view(qtbot, demo_store):
    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(demo_store)
    assert window.menuBar().isEnabled()
    assert [type(page).__name__ for page in window.pages] == [PAGES[window.nav.currentRow()].name]
    undo = next(action for action in window.findChildren(type(window.menuBar().actions()[0]))
                if action.text().replace("&", "") == "Hoàn tác")
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert str(demo_store.folder.root) in window.folder_label.text()


def test_a_page_first_visited_late_reads_the_data_of_that_moment(qtbot, demo_store):
    """Changes made before a page exists reach it because it reads the store when it is built."""
    from app.services.officials import OfficialData, add_official

    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(demo_store)
    add_official(demo_store, OfficialData("Người Mới Đến", position="Công chức"))
    window.notify(Changes.of(EVERYTHING))  # only built pages refresh: nothing else is built by it
    assert not any(isinstance(page, OfficialsPage) for page in window.pages)
    window.nav.setCurrentRow([entry.name for entry in PAGES].index("OfficialsPage"))
    officials = window.stack.currentWidget()
    assert isinstance(officials, OfficialsPage)
    assert officials.model.rowCount() == len(list_officials(demo_store)) == 18


def test_pages_are_built_once_and_keep_their_place(qtbot, demo_store):
    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(demo_store)
    checklist_row = [entry.name for entry in PAGES].index("ChecklistPage")
    window.nav.setCurrentRow(checklist_row)
    first = window.stack.currentWidget()
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(checklist_row)
    assert window.stack.currentWidget() is first is window.page(ChecklistPage)
    assert window.stack.count() == len(PAGES) and window.stack.indexOf(first) == checklist_row


def test_the_self_test_names_a_page_the_bundle_lacks(monkeypatch):
    """Pages load by name, which PyInstaller cannot see: ``--self-test`` checks each one loads."""
    from ui import main_window
    from ui.main_window import PageEntry, missing_pages

    assert missing_pages() == []
    monkeypatch.setattr(main_window, "PAGES", (*PAGES, PageEntry("Trang thiếu", "ui.pages.khong_co", "KhongCo")))
    assert [text.split(" (")[0] for text in missing_pages()] == ["Trang thiếu"]


def test_numbers_read_the_vietnamese_way_once_the_data_is_open(qtbot, demo_store):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDoubleSpinBox

    window = MainWindow(demo_store.folder)
    qtbot.addWidget(window)
    window.attach(demo_store)
    try:
        box = QDoubleSpinBox(decimals=2)
        qtbot.addWidget(box)
        box.setValue(0.6)
        assert box.text() == "0,60" and QLocale().toString(1404000) == "1.404.000"
    finally:
        QLocale.setDefault(QLocale.c())


def test_asking_for_the_demo_on_a_folder_with_data_says_nothing_was_loaded(qtbot, folder, monkeypatch):
    from app.startup import open_store
    from ui import application

    store, report = open_store(folder, demo=True)
    store.close()
    assert report.demo_loaded
    seen = []
    original = MainWindow.close

    def close(window):
        seen.append(window.statusBar().currentMessage())
        return original(window)

    monkeypatch.setattr(MainWindow, "close", close)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own: put it back after
    monkeypatch.setattr(application, "start_logs", lambda logs: None)  # keep pytest's faulthandler on stderr
    assert application.run_window(folder, demo=True, exit_after_show=True) == 0
    assert seen and seen[0].startswith("Thư mục dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu")
