"""The limits every Office file (.docx, .xlsx) from elsewhere must fit before a library unpacks it.

A .docx or .xlsx is a zip. A 1 MB file can declare a part that unpacks to
gigabytes (a "zip bomb"); python-docx and openpyxl read whole parts into memory,
so the sizes are checked here, from the zip's directory, before any part is
inflated. Python's ``zipfile`` never inflates more than an entry's declared
size (a lying entry fails its CRC instead), so the declared sizes are a real bound.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from app.errors import UserError

MAX_UNPACKED = 200 * 1024 * 1024  # a plan or a workbook with its pictures fits many times over
MAX_PARTS = 5_000  # Word and Excel write a few dozen parts, plus one per picture


def zip_members(data: bytes, name: str) -> list[zipfile.ZipInfo]:
    """The entries of the zip in ``data``; a UserError naming ``name`` when its directory cannot be read."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UserError(f"Tệp “{name}” bị hỏng, không đọc được đúng cách.",
                        "Nếu tệp chép từ USB hay thư điện tử, hãy chép lại; hoặc mở bằng Word/Excel và lưu lại.",
                        repr(error)) from error


def check_bounds(members: list[zipfile.ZipInfo], name: str, what: str,
                 max_unpacked: int = MAX_UNPACKED, max_parts: int = MAX_PARTS) -> None:
    """Refuse, in Vietnamese, a package with too many parts or too many bytes once unpacked."""
    hint = f"Hãy chọn đúng tệp {what}; nếu đúng, hãy xóa bớt hình ảnh và các trang thừa rồi lưu lại."
    if len(members) > max_parts:
        raise UserError(f"Tệp “{name}” có quá nhiều phần bên trong ({_number(len(members))} phần, giới hạn "
                        f"{_number(max_parts)}) để là một {what}.", hint, f"{name}: {len(members)} mục trong tệp nén")
    total = sum(member.file_size for member in members)
    if total > max_unpacked:
        raise UserError(f"Tệp “{name}” quá lớn khi giải nén ({_number(total // 2**20)} MB, giới hạn "
                        f"{_number(max_unpacked // 2**20)} MB) để là một {what}; có thể là tệp “bom nén”.", hint,
                        f"{name}: giải nén ra {total} byte")


def _number(value: int) -> str:
    """1.024 — thousands grouped with a dot, as Vietnamese writes them."""
    return f"{value:,}".replace(",", ".")
