"""`verify` on hostile packages: every malformed manifest or zip is a Vietnamese refusal, never a traceback."""

from __future__ import annotations

import hashlib
import json
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from app.exporters.manifest import FORMAT, FORMAT_VERSION
from app.exporters.verify import verify_package

from ..cli.test_command_line import run_app

_FILES = {"KH-CCHC-2024.pdf": b"%PDF-1.4 ke hoach", "BC-CCHC-2024.pdf": b"%PDF-1.4 bao cao"}


def _manifest(**changes) -> dict:
    files = [{"path": name, "kind": "plan", "title": name, "period": "year", "size": len(data),
              "sha256": hashlib.sha256(data).hexdigest()} for name, data in _FILES.items()]
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "package": "CCHC_Test_2024", "commune": "Thử",
            "province": "Tỉnh", "year": 2024, "app_version": "0", "exported_at": "2024-07-05T09:30:00+07:00",
            "contents": [], "files": files, **changes}


def _package_zip(path: Path, manifest: bytes | None = None, entries: list[tuple[str, bytes]] | None = None) -> Path:
    """A package zip: its manifest, then its files (or ``entries`` instead, in that order)."""
    raw = manifest if manifest is not None else json.dumps(_manifest()).encode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name, which is the point of one test
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("pkg/manifest.json", raw)
            for name, data in entries if entries is not None else list(_FILES.items()):
                archive.writestr(f"pkg/{name}", data)
    return path


def _patch_headers(path: Path, name: str, local_offset: int, central_offset: int, value: bytes) -> None:
    """Overwrite the same field of entry ``name`` in its local header and its central directory record."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data[info.header_offset + local_offset: info.header_offset + local_offset + len(value)] = value
    start = data.find(b"PK\x01\x02")
    while start != -1:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if bytes(data[start + 46: start + 46 + length]) == name.encode():
            data[start + central_offset: start + central_offset + len(value)] = value
        start = data.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(data))


def _encrypted(path: Path) -> Path:
    _package_zip(path)
    _patch_headers(path, "pkg/BC-CCHC-2024.pdf", 6, 8, struct.pack("<H", 0x1))
    return path


def _unknown_compression(path: Path) -> Path:
    _package_zip(path)
    _patch_headers(path, "pkg/BC-CCHC-2024.pdf", 8, 10, struct.pack("<H", 99))
    return path


def _manifest_text(text: str):
    return lambda path: _package_zip(path, text.encode("utf-8"))


_CASES = {
    "infinite-size": (_manifest_text(json.dumps(_manifest()).replace('"size": 17', '"size": 1e999')), 2, "1e999"),
    "infinite-year": (_manifest_text(json.dumps(_manifest()).replace('"year": 2024', '"year": 1e999')), 2, "1e999"),
    "text-version": (_manifest_text(json.dumps(_manifest(format_version="x"))), 2, "format_version"),
    "nan": (_manifest_text(json.dumps(_manifest()).replace('"year": 2024', '"year": NaN')), 2, "NaN"),
    "deep-json": (_manifest_text(json.dumps(_manifest()).replace('"contents": []',
                                                                 '"contents": ' + "[" * 100_000 + "]" * 100_000)),
                  2, "lồng nhau"),
    "encrypted": (_encrypted, 1, "mật khẩu"),
    "unknown-compression": (_unknown_compression, 1, "phương pháp lạ"),
}


@pytest.mark.parametrize("case", list(_CASES))
def test_malformed_package_is_refused_in_vietnamese_without_a_traceback(tmp_path, case):
    """Each hostile package makes `verify` exit 1 (refused) or 2 (unreadable) with the reason, never a traceback."""
    build, code, words = _CASES[case]
    path = build(tmp_path / "goi.zip")
    result = run_app("verify", str(path))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stdout + result.stderr
    assert words in result.stdout + result.stderr


def test_an_intact_hand_made_package_passes(tmp_path):
    """The hand-made package the hostile cases start from is itself intact (so each refusal is the change's)."""
    assert verify_package(_package_zip(tmp_path / "goi.zip")).ok


def test_duplicate_entry_names_are_refused(tmp_path):
    """A zip holding an altered copy of a file before the intact copy of the same name is refused, both named."""
    altered = [("KH-CCHC-2024.pdf", b"%PDF-1.4 da bi sua"), *list(_FILES.items())]
    result = verify_package(_package_zip(tmp_path / "goi.zip", entries=altered))
    assert not result.ok and "trùng tên" in result.verdict and "KH-CCHC-2024.pdf" in result.verdict


def test_names_differing_only_in_case_are_refused(tmp_path):
    """Two entries that are one file on Windows (KH.pdf, kh.pdf) are refused like a duplicate."""
    entries = [*list(_FILES.items()), ("kh-cchc-2024.PDF", b"khac")]
    result = verify_package(_package_zip(tmp_path / "goi.zip", entries=entries))
    assert not result.ok and "trùng tên" in result.verdict


def test_a_huge_entry_is_named(tmp_path):
    """A declared size past the limit names the biggest entry, without unpacking it."""
    entries = [*list(_FILES.items()), ("to.bin", bytes(3_000_000))]
    result = verify_package(_package_zip(tmp_path / "goi.zip", entries=entries), max_total=1_000_000)
    assert not result.ok and "bom nén" in result.verdict and "pkg/to.bin" in result.verdict


def test_a_text_where_a_size_belongs_is_named(tmp_path):
    """A size written as text ("x") is refused naming the file it belongs to."""
    manifest = _manifest()
    manifest["files"][0]["size"] = "x"
    result = run_app("verify", str(_package_zip(tmp_path / "goi.zip", json.dumps(manifest).encode())))
    assert result.returncode == 2 and "KH-CCHC-2024.pdf" in result.stderr and "Traceback" not in result.stderr


def test_an_oversized_manifest_in_a_folder_is_refused(tmp_path):
    """A folder whose manifest.json is larger than any manifest is refused without being read."""
    from app.exporters.verify import MAX_MANIFEST

    folder = tmp_path / "goi"
    folder.mkdir()
    with (folder / "manifest.json").open("wb") as manifest:
        manifest.truncate(MAX_MANIFEST + 1)
    result = verify_package(folder)
    assert not result.ok and "quá lớn cho một manifest" in result.verdict
