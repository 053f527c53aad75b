"""Check a package (folder or .zip) against its ``manifest.json``: missing, extra and changed files.

Works on the receiving side as well as the sender's. A zip is never
extracted: entries are hashed as they stream. Before reading any entry the
zip is refused whole if an entry would land outside the package (``..``, an
absolute path, a drive letter), is a symbolic link, or if the entries
together would unpack to more than ``max_total`` bytes (a decompression bomb).
Input that cannot be checked at all (no such path, not a zip, no manifest)
raises a UserError instead.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.errors import UserError
from app.exporters.manifest import FILE_NAME, Manifest, parse_manifest
from app.file_links import is_link

DEFAULT_MAX_TOTAL = 8 * 1024**3  # a year's scanned evidence fits many times over
MAX_ENTRIES = 20_000
MAX_MANIFEST = 16 * 1024 * 1024
_CHUNK = 1024 * 1024
_ENCRYPTED = 0x1  # general purpose flag bit 0 (APPNOTE 4.4.4)
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
# what zipfile raises for a damaged zip or entry: bad headers, bad CRC, truncated or corrupt streams
_UNREADABLE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError,
               NotImplementedError, lzma.LZMAError)


@dataclass(frozen=True)
class Verification:
    """What a check found; ``ok`` only when every listed file is there, unchanged, and nothing else is."""

    source: Path
    manifest: Manifest | None
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()  # "entry: why", for a zip that is not opened at all

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not (self.missing or self.extra or self.changed or self.refused)

    @property
    def verdict(self) -> str:
        """The Vietnamese verdict, first line a summary, then one line per problem file."""
        if self.refused:
            lines = ["KẾT QUẢ: GÓI BỊ TỪ CHỐI — tệp nén có mục không an toàn; chưa giải nén tệp nào."]
            lines += [f"• {reason}" for reason in self.refused]
            return "\n".join(lines + ["Không mở gói này; hãy báo nơi gửi và xin gửi lại."])
        about = f" (xã {self.manifest.commune}, năm {self.manifest.year})" if self.manifest else ""
        if self.ok:
            return f"KẾT QUẢ: GÓI NGUYÊN VẸN — cả {len(self.matched)} tệp đều khớp với manifest.json{about}."
        counts = ", ".join(f"{label} {len(names)} tệp" for label, names in self._problems() if names)
        lines = [f"KẾT QUẢ: GÓI KHÔNG KHỚP{about} — {counts}."]
        lines += [f"• {label.capitalize()}: {name}" for label, names in self._problems() for name in names]
        return "\n".join(lines + ["Đừng dùng gói này; hãy xin nơi gửi xuất và gửi lại."])

    def _problems(self):
        return (("bị thay đổi", self.changed), ("thiếu", self.missing), ("thừa", self.extra))


def verify_package(path: Path, max_total: int = DEFAULT_MAX_TOTAL) -> Verification:
    """Check the package at ``path`` (its folder, its manifest.json, or its .zip)."""
    path = Path(path)
    if path.is_file() and path.name == FILE_NAME:
        path = path.parent
    if path.is_dir():
        return _verify_folder(path)
    if path.is_file() and zipfile.is_zipfile(path):
        return _verify_zip(path, max_total)
    if not path.exists():
        raise UserError(f"Không tìm thấy “{path}”.", "Kiểm tra lại đường dẫn, hoặc ổ USB còn cắm.", str(path))
    raise UserError(f"“{path.name}” không phải thư mục gói hay tệp .zip.",
                    "Chọn thư mục gói (có tệp manifest.json) hoặc tệp .zip của gói.", str(path))


def _hash_stream(reader) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := reader.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _compare(manifest: Manifest, present: dict[str, object], measure, source: Path,
             refused: tuple[str, ...] = ()) -> Verification:
    """Match ``present`` (relative path -> handle for ``measure``) with the manifest's files."""
    listed = {item.path.casefold(): item for item in manifest.files}
    matched, missing, changed = [], [], []
    by_folded = {name.casefold(): name for name in present}
    for key, item in listed.items():
        if key not in by_folded:
            missing.append(item.path)
        elif measure(present[by_folded[key]]) == (item.size, item.sha256):
            matched.append(item.path)
        else:
            changed.append(item.path)
    extra = sorted(name for folded, name in by_folded.items() if folded not in listed)
    return Verification(source, manifest, tuple(matched), tuple(missing), tuple(extra), tuple(changed), refused)


def _no_manifest(path: Path) -> UserError:
    return UserError(f"“{path.name}” không có tệp manifest.json.",
                     "Chỉ kiểm tra được gói do CCHC Xã tạo ra (thư mục hoặc .zip có manifest.json).", str(path))


# ---------------------------------------------------------------- folder


def _verify_folder(root: Path) -> Verification:
    manifest_path = root / FILE_NAME
    if not manifest_path.is_file():
        raise _no_manifest(root)
    if manifest_path.stat().st_size > MAX_MANIFEST:
        return Verification(root, None, refused=(f"{FILE_NAME}: quá lớn cho một manifest",))
    manifest = parse_manifest(manifest_path.read_bytes())
    present, links = {}, []
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            full = Path(folder, name)
            relative = full.relative_to(root).as_posix()
            if is_link(full):
                links.append(f"{relative}: là liên kết (symlink/junction) tới nơi khác, không phải tệp")
            elif name in files and relative != FILE_NAME:
                present[relative] = full
        dirs[:] = [d for d in dirs if not is_link(Path(folder, d))]

    def measure(file: Path):
        with file.open("rb") as reader:
            return _hash_stream(reader)

    return _compare(manifest, present, measure, root, tuple(links))


# ---------------------------------------------------------------- zip


def _unsafe(info: zipfile.ZipInfo) -> str:
    """Why an entry must not be trusted, or ``""``."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"{info.filename}: đường dẫn tuyệt đối"
    if ".." in PurePosixPath(name).parts:
        return f"{info.filename}: đường dẫn ra ngoài thư mục gói (“../”)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"{info.filename}: là liên kết tượng trưng (symlink)"
    if info.flag_bits & _ENCRYPTED:
        return f"{info.filename}: được đặt mật khẩu (mã hóa), không kiểm tra được"
    if info.compress_type not in _COMPRESSIONS:
        return f"{info.filename}: nén bằng phương pháp lạ (mã {info.compress_type}), không đọc được"
    return ""


def _duplicates(infos: list[zipfile.ZipInfo]) -> list[str]:
    """Entries sharing a name (also differing only in case: one file on Windows). Tools disagree on which copy
    they unpack, so an altered copy could hide behind an intact one."""
    seen: dict[str, str] = {}
    reasons = []
    for info in infos:
        key = info.filename.replace("\\", "/").casefold()
        if key in seen:
            reasons.append(f"{info.filename}: trùng tên với một mục khác ({seen[key]}) trong tệp nén")
        seen.setdefault(key, info.filename)
    return reasons


def _screen(infos: list[zipfile.ZipInfo], max_total: int) -> tuple[str, ...]:
    reasons = [reason for info in infos if (reason := _unsafe(info))] + _duplicates(infos)
    if len(infos) > MAX_ENTRIES:
        reasons.append(f"có {len(infos)} mục, quá giới hạn {MAX_ENTRIES}")
    total = sum(info.file_size for info in infos)
    if total > max_total:
        biggest = max(infos, key=lambda info: info.file_size)
        reasons.append(f"giải nén ra {total:,} byte, vượt giới hạn {max_total:,} byte (nghi “bom nén”); "
                       f"mục lớn nhất: {biggest.filename} ({biggest.file_size:,} byte)".replace(",", "."))
    return tuple(reasons)


def _manifest_entry(infos: list[zipfile.ZipInfo], path: Path) -> zipfile.ZipInfo:
    candidates = [i for i in infos if i.filename == FILE_NAME or i.filename.endswith("/" + FILE_NAME)]
    if not candidates:
        raise _no_manifest(path)
    return min(candidates, key=lambda info: info.filename.count("/"))


def _verify_zip(path: Path, max_total: int) -> Verification:
    try:
        with zipfile.ZipFile(path) as archive:
            return _verify_archive(archive, path, max_total)
    except _UNREADABLE as error:
        raise UserError(f"Không đọc được tệp nén “{path.name}”.",
                        "Tệp có thể bị hỏng khi chép; hãy chép lại từ nơi gửi.", f"{path}: {error!r}") from error


def _verify_archive(archive: zipfile.ZipFile, path: Path, max_total: int) -> Verification:
    infos = archive.infolist()
    refused = _screen(infos, max_total)
    if refused:
        return Verification(path, None, refused=refused)
    entry = _manifest_entry(infos, path)
    if entry.file_size > MAX_MANIFEST:
        return Verification(path, None, refused=(f"{entry.filename}: quá lớn cho một manifest",))
    manifest = parse_manifest(archive.read(entry))
    prefix = entry.filename[: -len(FILE_NAME)]
    present = {
        (info.filename[len(prefix):] if info.filename.startswith(prefix) else info.filename): info
        for info in infos if not info.is_dir() and info is not entry
    }

    def measure(info: zipfile.ZipInfo):
        try:
            with archive.open(info) as reader:
                return _hash_stream(reader)
        except _UNREADABLE:
            return None  # a damaged entry is a changed file

    return _compare(manifest, present, measure, path)
