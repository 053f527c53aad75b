"""`export` then `verify` as a clerk or a receiving office would run them: real processes, real files."""

from __future__ import annotations

import zipfile

from .test_command_line import run_app


def test_export_then_verify_round_trip_and_tampering(demo_store, tmp_path):
    """The exported zip verifies (0); a flipped byte in the folder fails (1) naming the file."""
    out = tmp_path / "usb"
    out.mkdir()
    data = str(demo_store.folder.root)
    exported = run_app("export", "--data-dir", data, "--year", "2024", "--out", str(out), "--content", "report",
                       "--period", "h1", "--word")
    assert exported.returncode == 0, exported.stderr
    assert "Đã tạo gói hồ sơ" in exported.stdout and "Đã tạo tệp nén" in exported.stdout
    (archive,) = out.glob("*.zip")
    assert archive.name == "CCHC_HoaBinhXuan_2024_BC.zip"
    with zipfile.ZipFile(archive) as opened:
        assert "CCHC_HoaBinhXuan_2024_BC/BC-CCHC-2024-6thang.pdf" in opened.namelist()
    checked = run_app("verify", str(archive))
    assert checked.returncode == 0 and "NGUYÊN VẸN" in checked.stdout
    target = out / "CCHC_HoaBinhXuan_2024_BC" / "BC-CCHC-2024-6thang.docx"
    content = bytearray(target.read_bytes())
    content[100] ^= 0xFF
    target.write_bytes(bytes(content))
    tampered = run_app("verify", str(target.parent))
    assert tampered.returncode == 1 and "BC-CCHC-2024-6thang.docx" in tampered.stdout


def test_verify_of_something_that_is_no_package_exits_2(tmp_path):
    """A path that does not exist is unusable input: exit 2 with a Vietnamese message, no traceback."""
    result = run_app("verify", str(tmp_path / "khong-co.zip"))
    assert result.returncode == 2 and "Không tìm thấy" in result.stderr and "Traceback" not in result.stderr


def test_export_of_an_unknown_content_exits_2(demo_store, tmp_path):
    """`--content unknown` (no such content) is refused in Vietnamese and writes nothing."""
    result = run_app("export", "--data-dir", str(demo_store.folder.root), "--year", "2024", "--out", str(tmp_path),
                     "--content", "unknown")
    assert result.returncode == 2 and "unknown" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_export_twice_keeps_the_first_package(demo_store, tmp_path):
    """A second export without zip lands beside the first under "_2" and says why."""
    out = tmp_path / "usb"
    out.mkdir()
    args = ("export", "--data-dir", str(demo_store.folder.root), "--year", "2024", "--out", str(out),
            "--content", "evidence", "--no-zip")
    assert run_app(*args).returncode == 0
    second = run_app(*args)
    assert second.returncode == 0 and "_2" in second.stdout
    assert sorted(p.name for p in out.iterdir()) == ["CCHC_HoaBinhXuan_2024_TLKC", "CCHC_HoaBinhXuan_2024_TLKC_2"]
