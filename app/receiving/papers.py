"""The papers of a received package (what its manifest lists), and one of them taken out to look at.

A paper is read only from a package that verifies now (it may have changed since it was taken in) and is
hashed again as it is read (``read_member``); it is written under a fresh temporary folder, never over a
file of the clerk's.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath

from app.errors import UserError
from app.exporters.manifest import ManifestFile
from app.exporters.verify import verify_package
from app.exchange.package_files import read_member

HIDDEN_KINDS = ("data",)  # the data file is what the window reads, not a paper


def _verified(path: Path):
    source = Path(path)
    if not source.exists():
        raise UserError(f"Không tìm thấy gói “{source}”.",
                        "Gói có thể đã bị chuyển hoặc xóa, hoặc ổ USB đã rút; hãy mở lại thư mục gói.")
    check = verify_package(source)
    if not check.ok:
        raise UserError(f"Gói “{source.name}” không còn khớp với manifest.json nên không mở văn bản trong gói.",
                        check.verdict)
    return check


def papers_of(path: Path) -> tuple[ManifestFile, ...]:
    """The files the package's manifest lists, the data file left out, as the manifest orders them."""
    check = _verified(path)
    return tuple(item for item in check.manifest.files if item.kind not in HIDDEN_KINDS)


def extract_paper(path: Path, relative: str, into: Path | None = None) -> Path:
    """Write one listed paper of the package into a new folder (under ``into`` or the system's temporary
    folder) and return the file's path."""
    check = _verified(path)
    raw = read_member(check, relative)
    folder = Path(tempfile.mkdtemp(prefix="cchc-goi-", dir=str(into) if into else None))
    target = folder / PurePosixPath(relative).name
    target.write_bytes(raw)
    return target
