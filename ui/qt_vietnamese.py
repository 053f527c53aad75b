"""Vietnamese for the few strings Qt itself shows (Qt ships no Vietnamese translation).

Covers the buttons of message boxes and dialogs and the context menu of
text fields, so no English is left in front of the clerk.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

_STRINGS = {
    "OK": "Đồng ý",
    "&OK": "Đồng ý",
    "Cancel": "Hủy",
    "&Cancel": "Hủy",
    "Close": "Đóng",
    "&Close": "Đóng",
    "Yes": "Có",
    "&Yes": "&Có",
    "No": "Không",
    "&No": "&Không",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Discard": "Bỏ qua",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Help": "Trợ giúp",
    "Abort": "Hủy bỏ",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Show Details...": "Xem chi tiết…",
    "Hide Details...": "Ẩn chi tiết",
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "Copy &Link Location": "Sao chép địa chỉ liên kết",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Select All": "Chọn &tất cả",
    "About Qt": "Giới thiệu Qt",
}


class VietnameseQtStrings(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        return _STRINGS.get(source_text, "")

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def use_vietnamese_numbers() -> None:
    """Spin boxes and number fields write "0,30" and "1.404.000" as Vietnamese papers do (Qt's default is C)."""
    from PySide6.QtCore import QLocale  # its enums cost a few ms to create: called once the window has shown

    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
