"""``manifest.json``: what a package holds, written by the sender and checked by the receiver.

Format (UTF-8 JSON, Vietnamese kept as is)::

    {"format": "cchc-xa-package", "format_version": 1,
     "package": "CCHC_HoaBinhXuan_2024_KH-BC", "commune": "Hòa Bình Xuân", "province": "Quảng Ngãi",
     "year": 2024, "app_version": "0.1.0", "exported_at": "2024-07-05T09:30:00+07:00",
     "contents": [{"key": "plan", "title": "Kế hoạch"}, ...],
     "files": [{"path": "KH-CCHC-2024.pdf", "kind": "plan", "title": "...", "period": "year",
                "size": 12345, "sha256": "..."},
               {"path": "quyet-dinh-cua-xa/QD-KhenThuong-2024.pdf", "kind": "decisions", ...},
               {"path": "du-lieu-cchc.json", "kind": "data", ...}, ...],
     "period": "q2"}

``period`` is the report's period key when the package carries the report, else "" (older manifests have no
such field: read as ""). A file whose kind is no content's (the data file, kind ``data``) is listed in
``DANH_MUC.txt`` after the contents, under its own title.

``path`` is relative to the package folder, with forward slashes (a content may keep its own subfolder:
the evidence, several dossiers, the commune's decisions). The manifest does not list itself.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from app.domain.province_names import province_title
from app.errors import UserError

FILE_NAME = "manifest.json"
FORMAT = "cchc-xa-package"
FORMAT_VERSION = 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_DEPTH = 32  # a manifest nests three deep; thousands of brackets only exhaust the parser's stack
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


@dataclass(frozen=True)
class ManifestFile:
    path: str
    kind: str
    title: str
    period: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    package: str
    commune: str
    province: str
    year: int
    app_version: str
    exported_at: str
    contents: tuple[dict, ...] = ()
    files: tuple[ManifestFile, ...] = field(default_factory=tuple)
    period: str = ""  # the report's period key ("q1"…"year") when the package carries the report; else ""

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(self)}
        data["contents"] = list(self.contents)
        data["files"] = [asdict(item) for item in self.files]
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def is_safe_relative(path: str) -> bool:
    """A path that stays inside the package: relative, forward slashes, no ``..``, no drive, no empty part."""
    if not path or path.startswith("/") or "\\" in path or "\x00" in path or re.match(r"^[A-Za-z]:", path):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _unreadable(why: str) -> UserError:
    return UserError(
        "Tệp manifest.json của gói không đọc được.",
        "Gói có thể bị hỏng hoặc không phải gói do CCHC Xã tạo ra; hãy xin nơi gửi gửi lại gói.",
        why,
    )


def _integer(value, what: str) -> int:
    """A whole number as this app writes it; anything else (a text, 1e999, a fraction, true) is refused by name."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _unreadable(f"{what} không phải số nguyên: {_short(value)}")
    return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _file(entry) -> ManifestFile:
    if not isinstance(entry, dict):
        raise _unreadable(f"mục tệp không hợp lệ: {_short(entry)}")
    try:
        path = entry["path"]
        item = ManifestFile(str(path), str(entry.get("kind", "")), str(entry.get("title", "")),
                            str(entry.get("period", "")), _integer(entry["size"], f"kích thước của “{path}”"),
                            str(entry["sha256"]).lower())
    except KeyError as error:
        raise _unreadable(f"mục tệp thiếu trường {error}: {_short(entry)}") from error
    if not isinstance(path, str) or not is_safe_relative(item.path):
        raise _unreadable(f"đường dẫn không an toàn trong manifest: {_short(path)}")
    if not _SHA256.match(item.sha256) or item.size < 0:
        raise _unreadable(f"mã SHA-256 hoặc kích thước không hợp lệ: {item.path}")
    return item


def _refuse_constant(name: str):
    raise ValueError(f"giá trị {name} không phải số hữu hạn")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 reads as infinity
        raise ValueError(f"số {text[:40]} quá lớn")
    return value


def _depth(text: str) -> int:
    """How deeply arrays and objects nest (brackets inside strings do not count); linear in the text."""
    depth = deepest = 0
    for bracket in _BRACKETS.finditer(_STRINGS.sub('""', text)):
        depth += 1 if bracket[0] in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _json(raw: bytes):
    """The manifest's JSON: UTF-8, nested at most MAX_DEPTH deep, finite numbers only."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _unreadable(f"không phải văn bản UTF-8: {error}") from error
    if _depth(text) > MAX_DEPTH:
        raise _unreadable(f"JSON lồng nhau quá {MAX_DEPTH} tầng")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as error:
        raise _unreadable(f"không phải JSON hợp lệ: {error}") from error


def parse_manifest(raw: bytes) -> Manifest:
    """Read a manifest; a UserError (in Vietnamese) if it is not one this app can check."""
    data = _json(raw)
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), list):
        raise _unreadable("thiếu trường “format” hoặc “files”")
    version = _integer(data.get("format_version", 0), "format_version")
    if version > FORMAT_VERSION:
        raise UserError("Gói được tạo bởi phiên bản CCHC Xã mới hơn.", "Hãy cập nhật phần mềm rồi kiểm tra lại.",
                        f"format_version {version}")
    files = tuple(_file(entry) for entry in data["files"])
    if len({item.path.casefold() for item in files}) != len(files):
        raise _unreadable("một tệp được ghi hai lần trong manifest")
    return Manifest(
        package=str(data.get("package", "")), commune=str(data.get("commune", "")),
        province=str(data.get("province", "")), year=_integer(data.get("year", 0), "năm"),
        app_version=str(data.get("app_version", "")), exported_at=str(data.get("exported_at", "")),
        contents=tuple(c for c in data.get("contents", ()) if isinstance(c, dict)), files=files,
        period=str(data.get("period") or ""),  # a manifest written before the period was recorded has none
    )


def _when(iso: str) -> str:
    """"04:48 ngày 23/11/2026" from the manifest's ISO time (kept as written if it does not parse)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def _day(iso: str) -> date:
    """The export's day, for naming the province as it was then (today if the time does not parse)."""
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return date.today()


def index_text(manifest: Manifest) -> str:
    """DANH_MUC.txt: the contents in Vietnamese for a person who opens the stick (CRLF, for Notepad)."""
    day = _day(manifest.exported_at)
    place = ", ".join(part for part in (f"Xã {manifest.commune}" if manifest.commune else "",
                                        province_title(manifest.province, day)) if part)
    lines = [f"HỒ SƠ CẢI CÁCH HÀNH CHÍNH NĂM {manifest.year}", place,
             f"Xuất lúc {_when(manifest.exported_at)} bằng phần mềm CCHC Xã {manifest.app_version}", "",
             "Gói gồm:"]
    for number, content in enumerate(manifest.contents, start=1):
        files = [item for item in manifest.files if item.kind == content.get("key")]
        lines.append(f"{number}. {content.get('title', '')} ({len(files)} tệp)")
        lines += [f"   - {item.path} — {item.title}" for item in files]
    number = len(manifest.contents)
    keys = {content.get("key") for content in manifest.contents} | {"index"}
    for item in (item for item in manifest.files if item.kind not in keys):  # the data file, whatever was chosen
        number += 1
        lines += [f"{number}. {item.title} (1 tệp)", f"   - {item.path}"]
    lines += ["", f"Tệp {FILE_NAME} ghi kích thước và mã kiểm tra SHA-256 của từng tệp.",
              "Để kiểm tra gói còn nguyên vẹn: mở CCHC Xã, chọn “Kiểm tra gói…”, hoặc chạy lệnh",
              f"    cchc-xa verify {manifest.package}.zip", ""]
    return "\r\n".join(lines)
