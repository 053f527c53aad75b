"""The one dialog that shows errors: the message, what to do, details behind a button."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.logs import error_log, record_error

_UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu trước đó không bị ảnh hưởng."
_HINT = "Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký (hoặc phần chi tiết) cho người hỗ trợ."
_SHOWN_PROBLEMS = 12  # more lines of a hint than this go behind "Xem chi tiết…"


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
    """A bug: the traceback to the log file if it can be written, then a plain message saying where it is.

    The message never depends on the log: on a full disk or with ``logs`` unwritable the dialog still shows,
    saying so, with the traceback in its details instead.
    """
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    show_error(parent, UserError(_UNEXPECTED, _HINT, unexpected_details(text, log_file)))


def unexpected_details(trace: str, log_file: Path | None = None) -> str:
    """The details of an unexpected error: where its traceback was logged, or why not and the traceback itself."""
    failure = record_error(trace, log_file)
    if not failure:
        return f"Chi tiết kỹ thuật đã được ghi vào tệp {error_log()}."
    return f"Không ghi được nhật ký lỗi ({failure}).\nChi tiết kỹ thuật:\n{trace}"


def shortened(error: UserError) -> UserError:
    """A long list of problems (in the message or in the hint, one a line) shows its first lines and how many
    more; every line stays in the details, to copy. A short one is the same error, untouched."""
    message, hint, details = error.message, error.hint, error.details
    lines = message.split("\n")  # the first line says what failed; the problems follow
    if len(lines) > _SHOWN_PROBLEMS + 1:
        message = "\n".join(lines[: _SHOWN_PROBLEMS + 1]) + _more(len(lines) - 1 - _SHOWN_PROBLEMS)
        details = _joined("\n".join(lines[1:]), details)
    lines = hint.split("\n")
    if len(lines) > _SHOWN_PROBLEMS:
        hint = "\n".join(lines[:_SHOWN_PROBLEMS]) + _more(len(lines) - _SHOWN_PROBLEMS)
        details = _joined(error.hint, details)
    if (message, hint) == (error.message, error.hint):
        return error
    return UserError(message, hint, details)


def _more(count: int) -> str:
    return f"\n… và {count} lỗi khác (bấm “Xem chi tiết…”)."


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)
