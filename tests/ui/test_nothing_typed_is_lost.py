"""Every editable field of every page and dialog keeps what was typed, whichever way the clerk leaves.

The fields are found by walking the widget tree (``tests/ui/field_walk.py``), so a field added
later is covered without a new test; only fields marked ``transient`` (search boxes, year
pickers) are left out, by that property.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.domain.working_year import year_to_start
from app.store import Store
from tests.ui.field_walk import press_quit, type_into, value_of, walk
from ui.main_window import PAGES, MainWindow

PAGE_EXITS = ("quit_shortcut", "close_button", "session_ends", "page_switch")


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store.folder)
    qtbot.addWidget(window)
    window.show()
    window.attach(store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _type_everywhere(root) -> dict:
    """Types a unique marker into every field of ``root``; what each field should hold afterwards."""
    expected = {}

    def act(key, field):
        expected[key] = type_into(field, f"Mk{len(expected):02d}đã gõ")

    walk(root, act)
    return expected


def _found(root, expected: dict) -> dict:
    seen = {}
    walk(root, lambda key, field: seen.__setitem__(key, value_of(field)) if key in expected else None)
    return {key: seen.get(key, "<không thấy ô>") for key in expected}


def _leave(window: MainWindow, row: int, how: str, qtbot) -> None:
    if how == "quit_shortcut":
        press_quit(window)
        qtbot.waitUntil(lambda: not window.isVisible())
    elif how == "close_button":
        window.close()
    elif how == "session_ends":
        # What ``commitDataRequest`` and ``aboutToQuit`` call (ui/application.py connects them); emitting the
        # application's signal here would also reach windows that earlier tests' run_window left behind.
        window.commit_data(None)
    else:
        window.nav.setCurrentRow(0 if row else 1)


def _reopened(qtbot, folder):
    store = Store(folder)
    return store, _window(qtbot, store)


@pytest.mark.parametrize("how", PAGE_EXITS)
@pytest.mark.parametrize("row", range(len(PAGES)), ids=[entry.module.rsplit(".", 1)[1] for entry in PAGES])
def test_every_page_field_survives_each_exit(qtbot, demo_store, errors_shown, row, how):
    """Text typed into every field of a page is found again in the same field after leaving that way."""
    window = _window(qtbot, demo_store)
    window.nav.setCurrentRow(row)
    expected = _type_everywhere(window.page_at(row))
    _leave(window, row, how, qtbot)
    store, fresh = _reopened(qtbot, demo_store.folder)
    try:
        fresh.nav.setCurrentRow(row)
        assert _found(fresh.page_at(row), expected) == expected
        assert errors_shown == []
    finally:
        fresh.close()
        store.close()


# Every menu entry that opens a window ("…"); the test below fails when a new one is not listed here.
MENU_DIALOGS = (
    "Sao lưu ra thư mục khác (USB)…", "Khôi phục từ bản sao lưu…", "Xuất hồ sơ gửi cấp trên…", "Kiểm tra gói hồ sơ…",
    "Nhập kết quả thẩm định…",
    "Báo cáo kết quả thực hiện CCHC…", "Sổ theo dõi khen thưởng…", "Danh hiệu và hình thức khen thưởng…",
    "Đăng ký thi đua…", "Mẫu giấy khen và in phôi…", "Thống kê khen thưởng…", "Kỳ báo cáo…",
    f"Bắt đầu năm {year_to_start(date.today())}…",  # the year the File menu offers today
)
DIALOG_EXITS = ("close_button", "escape", "window_x")
KNOWN: dict = {}


def _menu_actions(window) -> dict:
    return {action.text().replace("&", ""): action for menu in window.menuBar().actions() for action in menu.menu().actions()}


def test_the_dialog_list_names_every_menu_window(qtbot, demo_store):
    """A window added to the menus later must join the walk below."""
    window = _window(qtbot, demo_store)
    assert sorted(text for text in _menu_actions(window) if text.endswith("…")) == sorted(MENU_DIALOGS)


def _in_dialog(window, text: str, act) -> None:
    """Choose the menu entry; ``act(dialog)`` runs once the program's own window is open. File choosers and
    message boxes on the way are just closed (they hold nothing typed)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    running = [True]

    def inside() -> None:
        if not running[0]:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, (QFileDialog, QMessageBox)):
            dialog.reject()
        elif dialog is not None:
            act(dialog)
            return
        QTimer.singleShot(10, inside)

    QTimer.singleShot(0, inside)
    _menu_actions(window)[text].trigger()
    running[0] = False


def _close(dialog, how: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    if how == "close_button":
        buttons = [b for b in dialog.findChildren(QPushButton) if b.text() in ("Đóng", "&Đóng", "Close", "Hủy")]
        (buttons[0].click() if buttons else dialog.reject())
    elif how == "escape":
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    if dialog.isVisible():  # a field that keeps Esc to itself: the next one closes the window
        dialog.reject()


@pytest.mark.parametrize("how", DIALOG_EXITS)
@pytest.mark.parametrize("text", [pytest.param(t, marks=KNOWN[t]) if t in KNOWN else t for t in MENU_DIALOGS])
def test_every_dialog_field_survives_each_way_of_closing(qtbot, demo_store, errors_shown, text, how):
    """Text typed into every field of a menu's window is found again after closing it that way and reopening."""
    window = _window(qtbot, demo_store)
    expected: dict = {}

    def type_and_close(dialog) -> None:
        expected.update(_type_everywhere(dialog))
        _close(dialog, how)

    _in_dialog(window, text, type_and_close)
    window.close()
    store, fresh = _reopened(qtbot, demo_store.folder)
    found: dict = {}
    try:
        _in_dialog(fresh, text, lambda dialog: (found.update(_found(dialog, expected)), dialog.reject()))
        assert found == expected
        assert errors_shown == []
    finally:
        fresh.close()
        store.close()
