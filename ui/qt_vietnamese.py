"""Vietnamese for the strings Qt itself shows (Qt ships no Vietnamese translation).

Covers the buttons of message boxes and dialogs, the context menus of text, number and
date fields, and Qt's own file dialog, so no English is left in front of the clerk. A string
not listed gets no translation (``None``), so Qt keeps its own text: an empty string would be
taken as the translation and blank it (shortcut names such as "Ctrl+Shift+B" included).
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
    # number and date fields' context menu
    "&Step up": "&Tăng",
    "Step &down": "&Giảm",
    # Qt's own file dialog (used where the system's is not)
    "&Open": "&Mở",
    "Open": "Mở",
    "&Choose": "&Chọn",
    "Choose": "Chọn",
    "Look in:": "Tìm trong:",
    "&Look in:": "Tìm &trong:",
    "Files of &type:": "&Loại tệp:",
    "File &name:": "&Tên tệp:",
    "Files of type:": "Loại tệp:",
    "Directory:": "Thư mục:",
    "Name": "Tên",
    "Size": "Kích thước",
    "Type": "Loại",
    "Kind": "Loại",
    "Date Modified": "Ngày sửa",
    "Back": "Quay lại",
    "Forward": "Tiến tới",
    "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "New Folder": "Thư mục mới",
    "&New Folder": "Thư mục &mới",
    "List View": "Xem dạng danh sách",
    "Detail View": "Xem chi tiết",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn",
    "File Folder": "Thư mục",
    "Folder": "Thư mục",
    "File": "Tệp",
    "Drive": "Ổ đĩa",
    "Unknown": "Không rõ",
    "Computer": "Máy tính",
    "My Computer": "Máy tính",
    "Recent Places": "Vừa mở",
    "All Files (*)": "Mọi tệp (*)",
    "Sidebar": "Thanh bên",
    "Files": "Tệp",
    # QPrintPreviewDialog's toolbar (the preview before printing a paper)
    "Print Preview": "Xem trước khi in",
    "Fit width": "Vừa chiều rộng",
    "Fit page": "Vừa trang",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
    "Portrait": "Khổ dọc",
    "Landscape": "Khổ ngang",
    "First page": "Trang đầu",
    "Previous page": "Trang trước",
    "Next page": "Trang sau",
    "Last page": "Trang cuối",
    "Show single page": "Một trang",
    "Show facing pages": "Hai trang cạnh nhau",
    "Show overview of all pages": "Tất cả các trang",
    "Print": "In",
    "Page setup": "Thiết lập trang",
    "Export to PDF": "Xuất ra PDF",
}


class VietnameseQtStrings(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        return _STRINGS.get(source_text)  # None: no translation, Qt keeps its own text

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def use_vietnamese_numbers() -> None:
    """Spin boxes and number fields write "0,30" and "1.404.000" as Vietnamese papers do (Qt's default is C)."""
    from PySide6.QtCore import QLocale  # its enums cost a few ms to create: called once the window has shown

    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
