"""Reading one listed file out of a package (folder or .zip) that ``verify_package`` has passed.

A zip is never extracted: the member is read from the archive under the folder the manifest sits in.
Only a file the manifest lists is read, and its bytes are hashed again: what is returned is what was listed.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from app.errors import UserError
from app.exporters.manifest import FILE_NAME, Manifest
from app.exporters.verify import Verification

MAX_MEMBER = 64 * 1024 * 1024  # a data file is kilobytes; refuse to load a listed giant into memory


def listed_of_kind(manifest: Manifest, kind: str) -> str | None:
    """The path of the first file of ``kind`` the manifest lists, or None."""
    return next((item.path for item in manifest.files if item.kind == kind), None)


def read_member(check: Verification, relative: str) -> bytes:
    """The bytes of ``relative`` (a path the manifest lists) from the verified package ``check.source``."""
    if check.manifest is None or not check.ok:
        raise UserError(f"Gói “{check.source.name}” không nguyên vẹn nên không đọc dữ liệu trong gói.",
                        check.verdict)
    listed = {item.path: item for item in check.manifest.files}
    if relative not in listed:
        raise UserError(f"Gói “{check.source.name}” không có tệp “{relative}” trong manifest.json.")
    if listed[relative].size > MAX_MEMBER:
        raise UserError(f"Tệp “{relative}” trong gói “{check.source.name}” quá lớn để đọc.")
    raw = _read(Path(check.source), relative)
    if hashlib.sha256(raw).hexdigest() != listed[relative].sha256:  # changed since it was verified
        raise UserError(f"Tệp “{relative}” trong gói “{check.source.name}” vừa bị thay đổi sau khi kiểm tra.",
                        "Hãy chép lại gói từ nơi gửi rồi thử lại.")
    return raw


def _read(source: Path, relative: str) -> bytes:
    try:
        if source.is_dir():
            return (source / relative).read_bytes()
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            manifest = min((n for n in names if n == FILE_NAME or n.endswith("/" + FILE_NAME)), key=lambda n: n.count("/"))
            return archive.read(manifest[: -len(FILE_NAME)] + relative)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UserError(f"Không đọc được “{relative}” trong tệp nén “{source.name}”.",
                        "Tệp có thể vừa bị thay đổi hoặc ổ USB vừa bị rút; hãy chép lại gói rồi thử lại.",
                        f"{source}: {error!r}") from error
