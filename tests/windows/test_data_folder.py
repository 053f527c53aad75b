"""Where the data lives on Windows (%LOCALAPPDATA%, the portable data\\ beside the exe) and paths Windows finds hard."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app import paths
from app.backups import backup_now
from app.exporters.package import PackageRequest, build_package
from app.exporters.verify import verify_package
from app.paths import APP_DIR_NAME, DataFolder, default_data_dir
from app.services.evidence import attach, year_evidence
from app.startup import open_store

pytestmark = pytest.mark.windows


def test_the_default_folder_is_under_the_users_local_app_data(monkeypatch, tmp_path):
    """Windows: %LOCALAPPDATA%\\CCHC Xa (never the roaming profile); Linux: $XDG_DATA_HOME/CCHC Xa."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    expected = Path(os.environ["LOCALAPPDATA"]) if sys.platform == "win32" else tmp_path
    assert default_data_dir() == expected / APP_DIR_NAME


def test_a_portable_bundle_keeps_its_data_beside_the_exe(monkeypatch, tmp_path):
    """With portable.txt beside CCHC-Xa.exe the data folder is data\\ beside it; without it, the user's folder."""
    exe = tmp_path / "CCHC Xã USB" / "CCHC-Xa.exe"
    exe.parent.mkdir()
    exe.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert paths.portable_data_dir() is None
    (exe.parent / "portable.txt").write_text("", encoding="utf-8")
    assert default_data_dir() == exe.parent.resolve() / "data"


def _round_trip(data: Path, out: Path, evidence_name: str) -> None:
    """Open the demo in ``data``, attach a file, back up, export to ``out`` and verify the package."""
    store, _report = open_store(DataFolder(data), demo=True)
    try:
        source = out.parent / "scan.pdf"
        source.write_bytes(b"%PDF-1.4 scan")
        attach(store, year_evidence(store, 2024)[0].task_id, source, name=evidence_name)
        assert backup_now(DataFolder(data), "manual").path.is_file()
        result = build_package(store, PackageRequest(2024, ("plan", "evidence")), out)
    finally:
        store.close()
    assert verify_package(result.folder).ok and verify_package(result.zip_path).ok


def test_a_user_name_with_diacritics_in_the_data_path(tmp_path):
    """C:\\Users\\Nguyễn Thị Hòa\\…: the database, a backup and a package all work under a Vietnamese path."""
    home = tmp_path / "Nguyễn Thị Hòa" / "AppData" / "Local" / APP_DIR_NAME
    out = tmp_path / "Nguyễn Thị Hòa" / "Tài liệu"
    out.mkdir(parents=True)
    _round_trip(home, out, "Biên bản kiểm tra.pdf")


def test_data_and_export_folders_longer_than_260_characters(tmp_path):
    """A data folder and an export destination deeper than Windows' old 260-character limit still work."""
    deep = tmp_path.joinpath(*["thu-muc-rat-sau-" + "x" * 30] * 6)
    out = deep / "xuat"
    out.mkdir(parents=True)
    assert len(str(deep / "data" / "cchc-xa.sqlite3")) > 260 and len(str(out)) > 260
    _round_trip(deep / "data", out, "Biên bản kiểm tra " + "rất dài " * 20 + ".pdf")
