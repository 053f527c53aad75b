"""The one dialog that shows errors: the message, what to do, details behind a button."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError

log = logging.getLogger(__name__)

_UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu trước đó không bị ảnh hưởng."


def error_box(parent: QWidget | None, error: UserError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "CCHC Xã — Có lỗi", error.message, QMessageBox.StandardButton.Ok, parent)
    if error.hint:
        box.setInformativeText(error.hint)
    if error.details:
        box.setDetailedText(error.details)
    return box


def show_error(parent: QWidget | None, error: UserError) -> None:
    from ui.widgets.autosave import caught_by_autosave

    if caught_by_autosave(error):  # a refused save while typing: the field keeps it and says so once
        return
    error_box(parent, error).exec()


def report_unexpected(parent: QWidget | None, error: BaseException, log_file: Path | None) -> None:
    """A bug: write the traceback to the log file, show the clerk a plain message and where the log is."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error\n%s", text)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    where = f"Chi tiết kỹ thuật đã được ghi vào tệp {log_file}." if log_file else ""
    show_error(parent, UserError(_UNEXPECTED, "Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho người hỗ trợ.", where))


def run_or_report(parent: QWidget | None, action):
    """Call ``action``; on a UserError show it and return None (the one way pages call services)."""
    try:
        return action()
    except UserError as error:
        show_error(parent, error)
        return None
