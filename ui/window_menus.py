"""The main window's menu entries and their keys, added after its first paint (issue 24).

The window paints with the menu titles only (the menus are disabled until the data is open anyway);
the 24 entries, their keys and the Edit menu's undo texts are added on the event loop's first turn,
while the data opens in a thread: building them had cost ~25 ms before the first paint. ``fill_menus``
runs once, whichever comes first: that turn or ``MainWindow.attach``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The menus' titles, painted with the window; ``fill_menus`` adds what is in each.
TITLES = ("&Tệp", "&Sửa", "&Xem", "&Báo cáo", "&Khen thưởng", "&Thiết lập", "Trợ &giúp")


def add_titles(window: MainWindow) -> dict:
    return {title: window.menuBar().addMenu(title) for title in TITLES}


def fill_menus(window: MainWindow, menus: dict) -> None:
    """Every entry of every menu, its key noted for ``MainWindow._bind_shortcuts`` (bound once the data is open)."""
    _file(window, menus["&Tệp"])
    _edit(window, menus["&Sửa"])
    from ui.main_window import PAGES

    for number, entry in enumerate(PAGES):
        _action(window, menus["&Xem"], entry.title, lambda _=False, n=number: window.nav.setCurrentRow(n),
                f"Ctrl+{number + 1}")
    _action(window, menus["&Báo cáo"], "Báo cáo kết quả thực hiện CCHC…", window.open_progress_report)
    awards = menus["&Khen thưởng"]
    _action(window, awards, "Sổ theo dõi khen thưởng…", window.open_award_history)
    _action(window, awards, "Danh hiệu và hình thức khen thưởng…", window.open_award_kinds)
    awards.addSeparator()
    _action(window, awards, "Đăng ký thi đua…", window.open_registration)
    _action(window, awards, "Mẫu giấy khen và in phôi…", window.open_certificates)
    _action(window, awards, "Thống kê khen thưởng…", window.open_award_statistics)
    _action(window, menus["&Thiết lập"], "Kỳ báo cáo…", window.open_reporting_periods)
    _action(window, menus["Trợ &giúp"], "Hướng dẫn sử dụng", window.show_help, "F1")
    _action(window, menus["Trợ &giúp"], "Giới thiệu CCHC Xã", window.show_about)


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an Alt letter (``&``) no other item of its menu has: a word's first plain letter if
    one is free, else any plain letter ("Đ", "ổ" cannot be typed as such on the clerk's keyboard)."""
    if "&" in text:
        taken.add(text[text.index("&") + 1].lower())
        return text
    starts = [i for i, c in enumerate(text) if c.isascii() and c.isalpha() and (i == 0 or text[i - 1] == " ")]
    anywhere = [i for i, c in enumerate(text) if c.isascii() and c.isalpha()]
    for i in starts + anywhere:
        if text[i].lower() not in taken:
            taken.add(text[i].lower())
            return f"{text[:i]}&{text[i:]}"
    return text


def _action(window: MainWindow, menu, text: str, slot, *shortcuts) -> QAction:
    taken = menu.property("mnemonics") or []
    letters = set(taken)
    action = QAction(with_mnemonic(text, letters), window)
    menu.setProperty("mnemonics", sorted(letters))
    if shortcuts:
        window._shortcuts.append((action, shortcuts))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def _file(window: MainWindow, menu) -> None:
    _action(window, menu, "Sao lưu ngay", lambda: window.backups.backup(), "Ctrl+Shift+B")
    _action(window, menu, "Sao lưu ra thư mục khác (USB)…", lambda: window.backups.backup_elsewhere())
    _action(window, menu, "Khôi phục từ bản sao lưu…", lambda: window.backups.restore())
    menu.addSeparator()
    _action(window, menu, f"Bắt đầu năm {_year_to_start()}…", window.open_year_start)
    menu.addSeparator()
    _action(window, menu, "Xuất hồ sơ gửi cấp trên…", window.export_package, "Ctrl+E")
    _action(window, menu, "Kiểm tra gói hồ sơ…", window.check_package)
    _action(window, menu, "Nhập kết quả thẩm định…", window.import_appraisal)
    menu.addSeparator()
    _action(window, menu, "Mở thư mục dữ liệu", window.open_data_folder)
    # a window of its own in a process of its own: nothing is asked here, so no "…"
    _action(window, menu, "Mở chế độ Tổng hợp (Sở Nội vụ)", lambda: _receiving_mode(window))
    menu.addSeparator()
    # Spelled out: the standard Quit key has no binding on Windows (nor offscreen), so Ctrl+Q did nothing there.
    _action(window, menu, "Thoát", window.close, "Ctrl+Q")


def _receiving_mode(window: MainWindow) -> None:
    from ui.receiving.launch import start_receiving_mode  # QProcess: its own process, its own data folder

    start_receiving_mode(window)


def _year_to_start() -> int:
    """The year the File menu offers to start (next year from December: resources/defaults/working-year.json)."""
    from datetime import date

    from app.domain.working_year import year_to_start
    from app.resources import working_year_rule

    return year_to_start(date.today(), working_year_rule())


def _edit(window: MainWindow, menu) -> None:
    stack = window.undo_stack
    undo = _action(window, menu, "&Hoàn tác", lambda: window.undo_redo(stack.undo), QKeySequence.StandardKey.Undo)
    redo = _action(window, menu, "&Làm lại", lambda: window.undo_redo(stack.redo), "Ctrl+Y", "Ctrl+Shift+Z")
    stack.undoTextChanged.connect(lambda text: undo.setText(f"&Hoàn tác {text}".strip()))
    stack.redoTextChanged.connect(lambda text: redo.setText(f"&Làm lại {text}".strip()))
    # the journal may be mirrored already (the first page's data comes before the menus): its text now
    undo.setText(f"&Hoàn tác {stack.undoText()}".strip())
    redo.setText(f"&Làm lại {stack.redoText()}".strip())
    menu.addSeparator()
    _action(window, menu, "&Tìm khắp dữ liệu", window.open_search, QKeySequence.StandardKey.Find)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
