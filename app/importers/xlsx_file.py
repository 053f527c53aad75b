"""Opening an untrusted .xlsx from another office: size limits, the checks before openpyxl, clear refusals.

Files arrive by USB stick and e-mail: a password-protected or old .xls file, a
Word file renamed, a truncated copy, a zip bomb. Each is refused here with a
Vietnamese message naming the file; openpyxl parses what passes through
defusedxml (a declared dependency), read-only, values not formulas.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from app.errors import UserError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RESAVE = "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx) rồi nhập lại."


def open_untrusted_workbook(path: Path, what: str):
    """The workbook at ``path`` opened read-only (values only), or a UserError saying why not.

    ``what`` names what the file should be, for the messages ("bộ tiêu chí", "sổ khen thưởng").
    """
    data = file_bytes(path, what)
    check_package(data, path.name, what)
    return open_workbook(data, path.name)


def file_bytes(path: Path, what: str) -> bytes:
    name = path.name
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp “{name}”.", "Hãy kiểm tra lại tệp đã chọn còn ở chỗ cũ không.", str(path))
    if path.is_dir():
        raise UserError(f"“{name}” là một thư mục, không phải tệp Excel.", f"Hãy chọn tệp {what} (.xlsx).",
                        str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError(f"Tệp “{name}” quá lớn (trên 20 MB) để là một {what}.",
                            f"Hãy chọn đúng tệp {what}; xóa hình ảnh và các trang thừa nếu có.", str(path))
        data = path.read_bytes()
    except OSError as error:
        raise UserError(
            f"Không mở được tệp “{name}”.",
            "Hãy đóng tệp nếu đang mở trong Excel, hoặc chép tệp ra máy rồi thử lại.",
            f"{path}: {error}",
        ) from error
    if not data:
        raise UserError(f"Tệp “{name}” trống, không có nội dung.", f"Hãy chọn đúng tệp {what} (.xlsx).", str(path))
    return data


def check_package(data: bytes, name: str, what: str) -> None:
    """Refuse, saying why, what is not an .xlsx package before openpyxl sees it."""
    if data.startswith(_OLE_MAGIC):
        raise UserError(
            f"Tệp “{name}” đang được đặt mật khẩu, hoặc là tệp Excel cũ (.xls).",
            "Hãy mở tệp bằng Excel, bỏ mật khẩu (nếu có), Lưu thành (Save As) dạng Excel Workbook (.xlsx) "
            "rồi nhập lại.",
            name,
        )
    if not zipfile.is_zipfile(BytesIO(data)):
        raise UserError(f"Tệp “{name}” không phải tệp Excel .xlsx (có thể là tệp khác đổi đuôi, hoặc tệp bị hỏng, "
                        "chép chưa hết).", RESAVE, name)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise damaged(name, error) from error
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        raise UserError(f"Tệp “{name}” là văn bản Word, không phải bảng tính Excel.",
                        f"Hãy chọn tệp Excel (.xlsx) của {what}.", name)
    if not any(member.startswith("xl/") for member in names):
        raise UserError(f"Tệp “{name}” là tệp nén nhưng không chứa bảng tính Excel.", RESAVE, name)
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise UserError(f"Tệp “{name}” quá lớn khi giải nén để là một {what}.",
                        f"Hãy chọn đúng tệp {what}.", name)


def open_workbook(data: bytes, name: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, ValueError, ParseError… for a damaged package
        raise damaged(name, error) from error


def damaged(name: str, error: BaseException) -> UserError:
    return UserError(f"Tệp “{name}” bị hỏng, không đọc được đúng cách.",
                     RESAVE + " Nếu tệp chép từ USB hay thư điện tử, hãy chép lại.", repr(error))
