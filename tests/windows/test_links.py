"""Links in a package or in the evidence beside a USB backup are refused; on Windows junctions too."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

import pytest

from app import file_links
from app.backups import import_evidence_beside
from app.exporters.package import PackageRequest, build_package
from app.exporters.verify import verify_package
from tests.windows.wine import NO_LINKS

pytestmark = pytest.mark.windows

IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003  # a junction
IO_REPARSE_TAG_CLOUD_6 = 0x9000601A  # a OneDrive placeholder: the file itself, not a link


def make_folder_link(link: Path, target: Path) -> None:
    """A junction on Windows (what a user or a tool makes without admin rights), a symlink elsewhere."""
    if sys.platform == "win32":
        import _winapi

        _winapi.CreateJunction(str(target), str(link))
    else:
        link.symlink_to(target, target_is_directory=True)


class _FakeStat:
    """What os.lstat reports on Windows for a reparse point."""

    def __init__(self, tag: int) -> None:
        self.st_mode = stat.S_IFDIR
        self.st_file_attributes = stat.FILE_ATTRIBUTE_REPARSE_POINT | stat.FILE_ATTRIBUTE_DIRECTORY
        self.st_reparse_tag = tag


def test_a_junction_tag_is_a_link_and_a_cloud_placeholder_is_not(monkeypatch, tmp_path):
    """A reparse point naming another path (junction) is a link; a OneDrive placeholder stays a file."""
    monkeypatch.setattr(file_links.os, "lstat", lambda path: _FakeStat(IO_REPARSE_TAG_MOUNT_POINT))
    assert file_links.is_link(tmp_path)
    monkeypatch.setattr(file_links.os, "lstat", lambda path: _FakeStat(IO_REPARSE_TAG_CLOUD_6))
    assert not file_links.is_link(tmp_path)


def test_ordinary_files_and_folders_are_not_links(tmp_path):
    """A real file, a real folder and a missing path are not links."""
    (tmp_path / "a.pdf").write_bytes(b"x")
    assert not any(file_links.is_link(p) for p in (tmp_path, tmp_path / "a.pdf", tmp_path / "missing"))


@NO_LINKS
def test_a_junction_in_a_package_folder_is_refused(demo_store, tmp_path):
    """A folder link (a junction on Windows) planted in a package is named and fails the check."""
    out = tmp_path / "usb"
    out.mkdir()
    built = build_package(demo_store, PackageRequest(2024, ("evidence",)), out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("not part of the package", encoding="utf-8")
    make_folder_link(built.folder / "them", elsewhere)
    result = verify_package(built.folder)
    assert not result.ok and "them" in result.verdict and "liên kết" in result.verdict
    assert not any("secret" in name for name in result.extra)


@NO_LINKS
def test_links_beside_a_usb_backup_are_not_copied_into_the_evidence(migrated_folder, tmp_path):
    """A linked file or folder in the evidence beside a backup stays out; real files come in."""
    stick = tmp_path / "stick"
    real = hashlib.sha256(b"real").hexdigest()  # evidence is named by its content's hash
    (stick / "evidence" / real[:2]).mkdir(parents=True)
    (stick / "evidence" / real[:2] / f"{real}.pdf").write_bytes(b"real")
    private = tmp_path / "private"
    private.mkdir()
    (private / "passwords.txt").write_text("secret", encoding="utf-8")
    make_folder_link(stick / "evidence" / "cd", private)
    if sys.platform != "win32":  # Windows needs admin rights for file symlinks
        (stick / "evidence" / real[:2] / "link.pdf").symlink_to(private / "passwords.txt")
    copied, _refused = import_evidence_beside(stick / "backup.sqlite3", migrated_folder)
    stored = sorted(p.relative_to(migrated_folder.evidence).as_posix() for p in migrated_folder.evidence.rglob("*") if p.is_file())
    assert copied == 1 and stored == [f"{real[:2]}/{real}.pdf"]
    assert os.path.exists(private / "passwords.txt")
