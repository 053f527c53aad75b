"""Opening an untrusted .xlsx from another office: size limits, the checks before openpyxl, clear refusals.

Files arrive by USB stick and e-mail: a password-protected or old .xls file, a
Word file renamed, a truncated copy, a zip bomb, a part whose XML declares a
DOCTYPE or entities (billion laughs, external entities reading local files).
Each is refused here with a Vietnamese message naming the file; openpyxl parses
what passes through defusedxml (a declared dependency), read-only, values not
formulas.

Excel never writes a DOCTYPE, so any part that carries one is refused before
openpyxl runs: each part's prolog is read by expat up to its first element
(a few hundred bytes; entities are never expanded), whatever XML parser
openpyxl then picks (lxml or defusedxml). Should a parser still meet one, the
refusal says the same.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from xml.parsers import expat

from app.errors import UserError
from app.importers.zip_bounds import check_bounds

MAX_BYTES = 20 * 1024 * 1024
MAX_PROLOG = 64 * 1024  # bytes of a part read before its first element; Excel's prologs are under 100
_XML_SUFFIXES = (".xml", ".rels")  # parts that must be XML; the others are checked when they parse as XML
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
    check_bounds(members, name, what)
    check_xml_prologs(data, name)


class _Doctype(Exception):
    """A part declares a DOCTYPE or an entity."""


class _Root(Exception):
    """The part's first element: its prolog is over, and it was clean."""


def check_xml_prologs(data: bytes, name: str) -> None:
    """Refuse a package any of whose XML parts declares a DOCTYPE or an entity (see the module's note)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            for member in archive.infolist():
                if member.is_dir() or member.file_size == 0:
                    continue
                verdict = _prolog_verdict(archive, member)
                if verdict == "doctype":
                    raise unsafe_xml(name, member.filename)
                if verdict == "unreadable" and member.filename.lower().endswith(_XML_SUFFIXES):
                    raise damaged(name, ValueError(f"{member.filename}: not XML before its first element"))
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise damaged(name, error) from error


def _prolog_verdict(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> str:
    """"clean" (first element reached), "doctype", or "unreadable" (not XML, or no element in MAX_PROLOG bytes)."""
    parser = expat.ParserCreate()

    def doctype(*_args) -> None:
        raise _Doctype

    def root(*_args) -> None:
        raise _Root

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    read = 0
    with archive.open(member) as stream:
        try:
            while read < MAX_PROLOG:
                chunk = stream.read(4096)
                read += len(chunk)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    break
        except _Doctype:
            return "doctype"
        except _Root:
            return "clean"
        except expat.ExpatError:
            return "unreadable"
    return "unreadable"


def unsafe_xml(name: str, part: str = "") -> UserError:
    where = f" ở phần “{part}”" if part else ""
    return UserError(
        f"Tệp “{name}” chứa khai báo XML không an toàn (DOCTYPE/ENTITY){where}; không đọc được, "
        "phần mềm không mở tệp này.",
        "Bảng tính do Excel lưu không có khai báo này: tệp đã bị sửa bằng công cụ khác, có thể để đọc trộm dữ liệu "
        "trên máy hoặc làm treo máy. Hãy hỏi lại nơi gửi tệp, hoặc mở bằng Excel, Lưu thành (Save As) tệp .xlsx "
        "mới rồi nhập tệp mới.",
        f"{name}: {part or 'XML'} có <!DOCTYPE> hoặc <!ENTITY>",
    )


def open_workbook(data: bytes, name: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, ValueError, ParseError… for a damaged package
        raise damaged(name, error) from error


def damaged(name: str, error: BaseException) -> UserError:
    """The refusal of a package that failed to parse; an unsafe-XML refusal if a parser met a DOCTYPE/entity."""
    if _is_unsafe_xml(error):
        refusal = unsafe_xml(name)
        refusal.details += f" ({error!r})"
        return refusal
    return UserError(f"Tệp “{name}” bị hỏng, không đọc được đúng cách.",
                     RESAVE + " Nếu tệp chép từ USB hay thư điện tử, hãy chép lại.", repr(error))


def _is_unsafe_xml(error: BaseException | None) -> bool:
    """defusedxml's DTD/entity refusals, anywhere in the chain of causes (openpyxl wraps them)."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if type(error).__module__.startswith("defusedxml"):
            return True
        error = error.__cause__ or error.__context__
    return False
