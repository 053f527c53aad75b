"""Verifying a package: every way a received folder or zip can be wrong is named, and unsafe zips are refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.errors import UserError
from app.exporters.package import PackageRequest, build_package
from app.exporters.verify import verify_package
from tests.windows.wine import NO_LINKS


@pytest.fixture
def built(demo_store, tmp_path):
    """A real evidence-only package (folder and zip) of the demo commune."""
    out = tmp_path / "usb"
    out.mkdir()
    return build_package(demo_store, PackageRequest(2024, ("evidence",)), out)


def _rewrite_zip(source: Path, target: Path, change) -> None:
    """Copy ``source`` to ``target`` entry by entry, passing (name, data) through ``change`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            changed = change(info.filename, old.read(info))
            if changed is not None:
                new.writestr(info.filename, changed)


def test_an_untouched_package_passes_as_folder_and_zip(built):
    """The folder, its manifest.json and its zip all verify with a verdict saying so."""
    for path in (built.folder, built.folder / "manifest.json", built.zip_path):
        result = verify_package(path)
        # three evidence files, the data file (du-lieu-cchc.json) and DANH_MUC.txt
        assert result.ok and "NGUYÊN VẸN" in result.verdict and len(result.matched) == 5


def test_one_changed_byte_in_the_folder_is_named(built):
    """Flipping a byte in one evidence file fails the check and names that file."""
    target = next((built.folder / "tai-lieu-kiem-chung").iterdir())
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    result = verify_package(built.folder)
    assert not result.ok and result.changed == (f"tai-lieu-kiem-chung/{target.name}",)
    assert target.name in result.verdict and "KHÔNG KHỚP" in result.verdict


def test_a_missing_and_an_extra_file_are_named(built):
    """A deleted file is missing, a file dropped in is extra; both appear in the verdict."""
    (built.folder / "DANH_MUC.txt").unlink()
    (built.folder / "virus.exe").write_bytes(b"MZ")
    result = verify_package(built.folder)
    assert result.missing == ("DANH_MUC.txt",) and result.extra == ("virus.exe",)
    assert "Thiếu: DANH_MUC.txt" in result.verdict and "Thừa: virus.exe" in result.verdict


def test_a_changed_byte_inside_the_zip_is_named(built, tmp_path):
    """A zip whose entry differs by one byte fails and names the entry's path in the package."""
    tampered = tmp_path / "tampered.zip"
    _rewrite_zip(built.zip_path, tampered,
                 lambda name, data: data[:-1] + bytes([data[-1] ^ 1]) if name.endswith("DANH_MUC.txt") else data)
    result = verify_package(tampered)
    assert result.changed == ("DANH_MUC.txt",) and not result.ok


def test_a_missing_entry_in_the_zip_is_named(built, tmp_path):
    """A zip without one of its listed files reports it missing."""
    tampered = tmp_path / "short.zip"
    _rewrite_zip(built.zip_path, tampered, lambda name, data: None if name.endswith(".pdf") and "bien-ban" in name else data)
    assert [p for p in verify_package(tampered).missing if "bien-ban" in p]


def _zip_with(tmp_path: Path, built, extra: zipfile.ZipInfo, data: bytes = b"x") -> Path:
    path = tmp_path / "evil.zip"
    _rewrite_zip(built.zip_path, path, lambda name, content: content)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(extra, data)
    return path


@pytest.mark.parametrize("name, why", [("../../evil.txt", "../"), ("/etc/cron.d/evil", "tuyệt đối"),
                                       ("C:/Windows/evil.dll", "tuyệt đối"), ("pkg\\..\\..\\evil", "../")])
def test_entries_escaping_the_package_are_refused(built, tmp_path, name, why):
    """Zip-slip and absolute entries refuse the whole zip before anything is read."""
    result = verify_package(_zip_with(tmp_path, built, zipfile.ZipInfo(name)))
    assert not result.ok and result.manifest is None and "TỪ CHỐI" in result.verdict and why in result.verdict


def test_a_symlink_entry_is_refused(built, tmp_path):
    """An entry marked as a symbolic link refuses the zip."""
    link = zipfile.ZipInfo(f"{built.name}/link")
    link.external_attr = 0o120777 << 16
    result = verify_package(_zip_with(tmp_path, built, link, b"/etc/passwd"))
    assert not result.ok and "symlink" in result.verdict


def test_a_decompression_bomb_is_refused_by_its_declared_size(tmp_path):
    """Highly compressible bytes beyond the cap are refused without being unpacked."""
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/manifest.json", b"{}")
        archive.writestr("pkg/zeros.bin", bytes(2_000_000))
    assert bomb.stat().st_size < 20_000
    result = verify_package(bomb, max_total=1_000_000)
    assert not result.ok and "bom nén" in result.verdict


@NO_LINKS
def test_a_symlink_in_a_folder_is_not_trusted(built, tmp_path):
    """A symbolic link planted in a package folder is refused rather than followed."""
    (built.folder / "link.pdf").symlink_to(tmp_path)
    result = verify_package(built.folder)
    assert not result.ok and "link.pdf" in result.verdict


def test_input_that_cannot_be_checked_raises_a_vietnamese_error(tmp_path):
    """A missing path, a plain file and a folder without manifest are UserErrors, not verdicts."""
    (tmp_path / "note.txt").write_text("hello")
    (tmp_path / "empty").mkdir()
    for path, words in ((tmp_path / "gone", "Không tìm thấy"), (tmp_path / "note.txt", "không phải"),
                        (tmp_path / "empty", "manifest.json")):
        with pytest.raises(UserError, match=words):
            verify_package(path)


def test_a_broken_manifest_is_an_error(built):
    """A manifest that is not JSON, or lists a path outside the package, cannot be trusted."""
    manifest = built.folder / "manifest.json"
    manifest.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="manifest.json"):
        verify_package(built.folder)
    manifest.write_text('{"format": "cchc-xa-package", "files": [{"path": "../x", "size": 1, "sha256": "' + "a" * 64
                        + '"}]}', encoding="utf-8")
    with pytest.raises(UserError) as raised:
        verify_package(built.folder)
    assert "không an toàn" in raised.value.details
