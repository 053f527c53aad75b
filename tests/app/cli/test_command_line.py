"""The command line, run as a clerk or a script would: a real process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from app import __version__

REPO = Path(__file__).resolve().parents[3]


def run_app(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=REPO, env=env, capture_output=True,
        text=True, encoding="utf-8", timeout=timeout,
    )


def _count_officials(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT count(*) FROM official").fetchone()[0]
    finally:
        connection.close()


def test_version():
    result = run_app("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"CCHC Xã {__version__}"


def test_window_starts_with_demo_and_closes_cleanly(tmp_path):
    """`--data-dir X --demo` leaves the database (WAL), a backup and the demo officials."""
    data = tmp_path / "x"
    result = run_app("--data-dir", str(data), "--demo", "--exit-after-show")
    assert result.returncode == 0, result.stderr
    database = data / "cchc-xa.sqlite3"
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    assert _count_officials(database) == 17  # the merged commune of the roster (issue 18)
    assert list((data / "backups").glob("*_auto.sqlite3"))
    assert (data / "window.ini").exists()


def test_backup_then_restore_latest(tmp_path):
    """`backup` writes a manual backup; `restore --latest` puts it back and keeps what it replaced."""
    data = tmp_path / "x"
    assert run_app("--data-dir", str(data), "--demo", "--exit-after-show").returncode == 0
    backup = run_app("backup", "--data-dir", str(data))
    assert backup.returncode == 0 and "Đã sao lưu" in backup.stdout
    connection = sqlite3.connect(data / "cchc-xa.sqlite3")
    connection.execute("DELETE FROM official")
    connection.commit()
    connection.close()
    restored = run_app("--data-dir", str(data), "restore", "--latest")
    assert restored.returncode == 0, restored.stderr
    assert _count_officials(data / "cchc-xa.sqlite3") == 17
    kept = list((data / "backups").glob("*_before-restore.sqlite3"))
    assert len(kept) == 1 and _count_officials(kept[0]) == 0


def test_restore_without_backups_says_so_in_vietnamese(tmp_path):
    result = run_app("restore", "--latest", "--data-dir", str(tmp_path / "empty"))
    assert result.returncode == 2
    assert "Chưa có bản sao lưu nào" in result.stderr and "Traceback" not in result.stderr


def test_backup_of_a_damaged_database_is_refused(tmp_path):
    data = tmp_path / "x"
    data.mkdir()
    (data / "cchc-xa.sqlite3").write_bytes(b"this is not a database" * 500)
    result = run_app("backup", "--data-dir", str(data))
    assert result.returncode == 2 and "bị hỏng" in result.stderr and "Traceback" not in result.stderr


def test_restore_list(tmp_path):
    data = tmp_path / "x"
    run_app("--data-dir", str(data), "--demo", "--exit-after-show")
    listed = run_app("restore", "--list", "--data-dir", str(data))
    assert listed.returncode == 0 and "(tự động)" in listed.stdout


def test_backup_to_a_usb_folder_and_to_a_missing_one(tmp_path):
    """`backup --to DIR` writes a full copy with the evidence; a missing DIR gets a Vietnamese refusal."""
    data = tmp_path / "x"
    run_app("--data-dir", str(data), "--demo", "--exit-after-show")
    usb = tmp_path / "usb"
    usb.mkdir()
    done = run_app("backup", "--data-dir", str(data), "--to", str(usb))
    assert done.returncode == 0 and "tài liệu kiểm chứng" in done.stdout
    copy = next(usb.glob("CCHC-Xa_saoluu_*"))
    assert list(copy.glob("*.sqlite3")) and list((copy / "evidence").rglob("*.pdf"))
    missing = run_app("backup", "--data-dir", str(data), "--to", str(tmp_path / "khong-co"))
    assert missing.returncode == 2 and "Không tìm thấy thư mục" in missing.stderr and "Traceback" not in missing.stderr


def test_help_and_usage_errors_are_vietnamese(tmp_path):
    """argparse's own words come out in Vietnamese, and a bad year is refused with the reason."""
    helped = run_app("--help")
    assert helped.returncode == 0 and "cách dùng:" in helped.stdout and "tùy chọn" in helped.stdout
    assert "usage" not in helped.stdout and "show this help" not in helped.stdout
    assert "hiện phiên bản rồi thoát" in helped.stdout and "version number" not in helped.stdout
    wrong = run_app("import-plan", "x.docx", "--year", "99999")
    assert wrong.returncode == 2 and "lỗi:" in wrong.stderr and "không hợp lệ" in wrong.stderr


def test_self_test_passes_from_source():
    """What CI runs on the frozen bundle: every page loads, the demo's package is built and verifies."""
    result = run_app("--self-test", timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tự kiểm tra: đạt")
