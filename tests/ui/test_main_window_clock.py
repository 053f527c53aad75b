"""The status bar warns when the computer clock looks wrong, judged from the data folder's backups."""

from __future__ import annotations

from datetime import date, datetime

from app.backups import backup_now

from .conftest import open_window


def _window(qtbot, store):
    return open_window(qtbot, store)


def test_status_bar_warns_when_today_is_before_the_last_backup(qtbot, store):
    """The only backup is dated 2099, so today (the real date) looks set back: the warning names today."""
    backup_now(store.folder, "auto", datetime(2099, 6, 1, 8, 0))
    window = _window(qtbot, store)
    qtbot.waitUntil(window.clock_label.isVisible)
    assert window.clock_label.text() == (f"Đồng hồ máy tính có vẻ sai: hôm nay là {date.today():%d/%m/%Y}; "
                                         "hãy chỉnh ngày giờ của máy tính.")
    assert "sớm hơn lần sao lưu gần nhất (01/06/2099)" in window.clock_label.toolTip()


def test_status_bar_says_nothing_about_a_right_clock(qtbot, store):
    """A backup taken now leaves the clock believed: no warning in the status bar."""
    backup_now(store.folder, "auto")
    window = _window(qtbot, store)
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("Sao lưu gần nhất:"))
    assert not window.clock_label.isVisible() and window.clock_label.text() == ""
