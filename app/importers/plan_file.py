"""Opening a plan file (.txt or .docx) and refusing, in Vietnamese, what cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

from app.domain.legacy_vietnamese import UNICODE, detect_legacy
from app.domain.text import clean_text
from app.errors import UserError
from app.importers.plan_model import ImportedPlan
from app.importers.plan_text import parse_plan_text

__all__ = ["parse_plan_text", "read_plan_file", "decode_text", "legacy_text", "plain_text"]

_MAX_BYTES = 50 * 1024 * 1024
_ACCEPTED = "Hãy chọn tệp kế hoạch dạng .docx (Word) hoặc .txt, hoặc dán nội dung kế hoạch vào ô văn bản."
# Windows-1252's characters for 0x80–0x9F (“ ” – … €); the five bytes it leaves undefined stay Latin-1
_WINDOWS_1252 = {byte: bytes([byte]).decode("cp1252") for byte in range(0x80, 0xA0)
                 if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_plan_file(path: Path, transform=None) -> ImportedPlan:
    """The plan in a .txt or .docx file; UserError (naming the file) for anything that cannot be read.

    ``transform`` converts the text before it is read (a legacy-encoding converter).
    """
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from app.importers.plan_docx import parse_docx_bytes

        return parse_docx_bytes(data, path.name, transform)
    if suffix == ".txt":
        if transform is None:
            return parse_plan_text(_text_of(data, path.name))
        return parse_plan_text(transform(_legacy_text_of(data, path.name)))
    if suffix == ".doc":
        raise UserError(
            f"Tệp “{path.name}” là văn bản Word cũ (.doc), chưa đọc được.",
            "Hãy mở tệp bằng Word, chọn Lưu thành (Save As) dạng .docx rồi nhập lại.",
            str(path),
        )
    raise UserError(f"Không đọc được tệp “{path.name}”: chỉ nhận tệp .docx hoặc .txt.", _ACCEPTED, str(path))


def plain_text(path: Path) -> str:
    """The file's text as stored, for deciding how it was typed; "" when it is not a .txt or .docx."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from app.importers.plan_docx import docx_text

        return docx_text(_read_bytes(path), path.name)
    if suffix != ".txt":
        return ""
    data = _read_bytes(path)
    legacy = _legacy_text_of(data, path.name)
    return legacy if detect_legacy(legacy).encoding != UNICODE else _text_of(data, path.name)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp “{path.name}”.", "Hãy kiểm tra lại tệp đã chọn còn ở chỗ cũ không.", str(path))
    if path.is_dir():
        raise UserError(f"“{path.name}” là một thư mục, không phải tệp kế hoạch.", _ACCEPTED, str(path))
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise UserError(f"Tệp “{path.name}” quá lớn (trên 50 MB) để là một kế hoạch.", _ACCEPTED, str(path))
        data = path.read_bytes()
    except OSError as error:
        raise UserError(
            f"Không mở được tệp “{path.name}”.",
            "Hãy đóng tệp nếu đang mở trong chương trình khác, hoặc chép tệp ra máy rồi thử lại.",
            f"{path}: {error}",
        ) from error
    if not data.strip():
        raise UserError(f"Tệp “{path.name}” trống, không có nội dung.", _ACCEPTED, str(path))
    return data


def _text_of(data: bytes, name: str) -> str:
    text = decode_text(data)
    if text is None:
        raise UserError(
            f"Tệp “{name}” không phải tệp văn bản (.txt) đọc được.",
            "Nếu đây là tệp Word, hãy lưu lại dạng .docx; nếu là văn bản, hãy lưu dạng UTF-8.",
            name,
        )
    if not clean_text(text):
        raise UserError(f"Tệp “{name}” trống, không có nội dung.", _ACCEPTED, name)
    return text


def _legacy_text_of(data: bytes, name: str) -> str:
    """The text as a TCVN3 or VNI font drew it: each byte its Windows-1252 character (see ``legacy_text``)."""
    text = legacy_text(data)
    if text is None:
        return _text_of(data, name)  # refused the same way as any binary file
    return text


def legacy_text(data: bytes) -> str | None:
    """Text of a .txt typed with a legacy font: UTF-8/UTF-16 as written, else byte for byte in Windows-1252.

    The legacy fonts drew Vietnamese letters over Windows-1252 (Latin-1) code points, and the conversion tables
    are keyed by those characters. Windows-1258, the right reading of a genuine Vietnamese ANSI file, changes
    a dozen of those bytes (0xD2 → a combining hook, 0xD5 → Ơ …), which broke every word holding one.
    """
    if data.startswith(tuple(bom for bom, _encoding in _BOMS)) or b"\x00" in data:
        return decode_text(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_WINDOWS_1252)


def decode_text(data: bytes) -> str | None:
    """Text of a .txt file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258; None if binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return None
