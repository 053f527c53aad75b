"""The province's appraisal result for one commune and year: a small package the commune's app imports.

The province (Tổng hợp mode) writes it; the commune opens it ("Nhập kết quả thẩm định…") and sees the
appraised points and notes beside its own. It is a package like the commune's (``manifest.json`` with sizes
and SHA-256, ``DANH_MUC.txt``), so ``cchc-xa verify`` checks it, holding ``ket-qua-tham-dinh.json``
(kind ``appraisal``) and any paper the province adds (kind ``appraisal-paper``). Written as one .zip:
a temporary name, read back and verified, then renamed; an existing file is never replaced (``_2``…).
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app import __version__
from app.errors import UserError
from app.exchange.package_data import CommuneInfo, _Reader, _refuse
from app.exchange.package_files import listed_of_kind, read_member
from app.exporters.manifest import FILE_NAME, Manifest, ManifestFile, index_text
from app.exporters.package_names import commune_code, free_name
from db.fsync import fsync_dir

FORMAT = "cchc-xa-appraisal"
FORMAT_VERSION = 1
RESULT_FILE = "ket-qua-tham-dinh.json"
RESULT_KIND = "appraisal"
PAPER_KIND = "appraisal-paper"
INDEX_NAME = "DANH_MUC.txt"


@dataclass(frozen=True)
class AppraisalLine:
    code: str  # the criterion's code in the commune's set
    points: Decimal | None  # None: not appraised (the commune's own stays alone)
    note: str = ""  # ý kiến thẩm định


@dataclass(frozen=True)
class AppraisalResult:
    commune: CommuneInfo
    year: int
    set_name: str
    set_version: str  # ``criteria_version`` of the set the commune scored on
    appraiser: str  # "Sở Nội vụ tỉnh Quảng Ngãi"
    appraised_on: str  # ISO date
    lines: tuple[AppraisalLine, ...] = ()
    total: Decimal | None = None  # the appraised total as the province computed it (shown, not trusted)
    rating: str = ""

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "commune": {"name": self.commune.name, "province": self.commune.province,
                            "unit_kind": self.commune.unit_kind, "code": self.commune.code},
                "year": self.year, "set_name": self.set_name, "set_version": self.set_version,
                "appraiser": self.appraiser, "appraised_on": self.appraised_on,
                "total": _text(self.total), "rating": self.rating,
                "lines": [{"code": line.code, "points": _text(line.points), "note": line.note} for line in self.lines]}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def file_name(result: AppraisalResult) -> str:
    """ "KQTD_HoaBinhXuan_2026": the package's name (and its zip's, without ``.zip``)."""
    return f"KQTD_{commune_code(result.commune.name)}_{result.year}"


# ---------------------------------------------------------------- writing


def write_appraisal_file(result: AppraisalResult, destination: Path,
                         papers: tuple[tuple[Path, str], ...] = ()) -> Path:
    """Write the result (and ``papers``: (file, title) pairs, e.g. its PDF) as ``KQTD_….zip`` in ``destination``."""
    destination = Path(destination)
    if not destination.is_dir():
        raise UserError(f"Không tìm thấy thư mục “{destination}”.", "Chọn thư mục khác, hoặc cắm lại ổ USB.")
    name = free_name(destination, file_name(result), (".zip",))
    members = [(RESULT_FILE, result.to_json(), RESULT_KIND, "Kết quả thẩm định (dữ liệu máy đọc)")]
    members += [(f"{path.name}", path.read_bytes(), PAPER_KIND, title) for path, title in papers]
    files = tuple(ManifestFile(path, kind, title, "year", len(raw), _sha256(raw)) for path, raw, kind, title in members)
    base = Manifest(name, result.commune.name, result.commune.province, result.year, __version__,
                    datetime.now().astimezone().isoformat(timespec="seconds"),
                    ({"key": RESULT_KIND, "title": "Kết quả thẩm định"},), files)
    index = index_text(base).encode("utf-8-sig")
    manifest = Manifest(**{**base.__dict__, "files": files + (ManifestFile(INDEX_NAME, "index", "Danh mục", "",
                                                                          len(index), _sha256(index)),)})
    entries = [(path, raw) for path, raw, _kind, _title in members] + [(INDEX_NAME, index), (FILE_NAME, manifest.to_json())]
    return _write_zip(destination, name, entries)


def _sha256(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _write_zip(destination: Path, name: str, entries: list[tuple[str, bytes]]) -> Path:
    from app.exporters.verify import verify_package

    handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".zip.dang-ghi", dir=destination)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
                for path, data in entries:
                    archive.writestr(f"{name}/{path}", data)
            raw.flush()
            os.fsync(raw.fileno())
        if not verify_package(temp).ok:
            raise OSError("tệp nén đọc lại không khớp manifest.json")
        final = destination / f"{name}.zip"
        os.rename(temp, final)
        fsync_dir(destination)
        return final
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UserError(f"Không ghi được tệp kết quả thẩm định vào “{destination}”.",
                        "Kiểm tra ổ đĩa còn chỗ trống và không bị khóa ghi, rồi xuất lại.", str(error)) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- reading


def parse_appraisal(raw: bytes) -> AppraisalResult:
    """Read ``ket-qua-tham-dinh.json``; a UserError naming the field when it is malformed."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise UserError(f"Tệp {RESULT_FILE} không phải JSON hợp lệ.", "Hãy xin Sở Nội vụ gửi lại.", str(error)) from error
    root = _Reader(data, "")
    if root.text("format") != FORMAT:
        raise _refuse("format", f"không phải “{FORMAT}”")
    if (root.whole("format_version", 0) or 0) > FORMAT_VERSION:
        raise UserError("Tệp kết quả thẩm định thuộc phiên bản mới hơn phần mềm này.", "Hãy cập nhật CCHC Xã.")
    place = root.child("commune")
    if place is None:
        raise _refuse("commune", "bị thiếu")
    commune = CommuneInfo(place.text("name"), place.text("province"), place.one_of("unit_kind", ("xa", "phuong"), "xa"),
                          place.text("code"))
    lines = tuple(AppraisalLine(item.text("code"), item.points("points"), item.text("note"))
                  for item in root.items("lines"))
    year = root.whole("year")
    if year is None:
        raise _refuse("year", "bị thiếu")
    return AppraisalResult(commune, year, root.text("set_name"), root.text("set_version"), root.text("appraiser"),
                           root.text("appraised_on"), lines, root.points("total"), root.text("rating"))


def read_appraisal_file(path: Path) -> AppraisalResult:
    """Verify the result package at ``path`` (zip or folder) and read its result; a UserError when it is not
    whole or not a result file."""
    from app.exporters.verify import verify_package

    check = verify_package(Path(path))
    if not check.ok:
        raise UserError(f"Tệp kết quả thẩm định “{Path(path).name}” không nguyên vẹn; chưa nhập gì.", check.verdict)
    relative = listed_of_kind(check.manifest, RESULT_KIND)
    if relative is None:
        raise UserError(f"“{Path(path).name}” là một gói hồ sơ, không phải tệp kết quả thẩm định.",
                        "Chọn tệp KQTD_….zip do Sở Nội vụ gửi về.")
    return parse_appraisal(unicodedata.normalize("NFC", read_member(check, relative).decode("utf-8-sig")).encode())
