"""The commands as a clerk or a script runs them, against a folder another process holds, and restore's checks."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.backups import backup_now

REPO = Path(__file__).resolve().parents[3]


def run_app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def _demo_closed(demo_store):
    demo_store.close()
    return demo_store.folder


def test_restore_is_refused_while_a_window_holds_the_folder(demo_store, hold_folder):
    """The window would go on saving into the replaced file: the command refuses and changes nothing."""
    folder = _demo_closed(demo_store)
    backup = backup_now(folder)
    before, backups_before = folder.database.read_bytes(), sorted(folder.backups.iterdir())
    hold_folder(folder, "window")
    result = run_app("restore", str(backup.path), "--data-dir", str(folder.root))
    assert result.returncode == 2
    assert "Dữ liệu đang được mở trong một cửa sổ CCHC Xã khác." in result.stderr
    assert "Traceback" not in result.stderr
    assert folder.database.read_bytes() == before and sorted(folder.backups.iterdir()) == backups_before


def test_backup_is_refused_while_a_restore_runs(demo_store, hold_folder):
    """A command holding the folder is named in the refusal."""
    folder = _demo_closed(demo_store)
    hold_folder(folder, "restore")
    result = run_app("backup", "--data-dir", str(folder.root))
    assert result.returncode == 2 and "Lệnh khôi phục đang chạy" in result.stderr


def test_a_second_window_says_so_and_exits_without_writing(demo_store, hold_folder):
    """Double-clicking twice: the second start names the open window, exits 1 and writes nothing."""
    folder = _demo_closed(demo_store)
    before, backups_before = folder.database.read_bytes(), sorted(folder.backups.iterdir())
    hold_folder(folder, "window")
    result = run_app("--data-dir", str(folder.root), "--exit-after-show")
    assert result.returncode == 1
    assert "Dữ liệu đang được mở trong một cửa sổ CCHC Xã khác." in result.stderr
    assert folder.database.read_bytes() == before and sorted(folder.backups.iterdir()) == backups_before


def test_another_communes_backup_needs_yes(demo_store, tmp_path):
    """Without --yes the command names both communes and says how to go on; with it, it restores."""
    folder = _demo_closed(demo_store)
    other = tmp_path / "cchc-xa_20240301-080000_manual.sqlite3"
    shutil.copyfile(backup_now(folder).path, other)
    with sqlite3.connect(other) as connection:
        connection.execute("UPDATE commune_profile SET commune_name = 'Tân Lập'")
    connection.close()
    refused = run_app("restore", str(other), "--data-dir", str(folder.root))
    assert refused.returncode == 2
    assert "“Tân Lập”" in refused.stderr and "“Hòa Bình Xuân”" in refused.stderr and "--yes" in refused.stderr
    done = run_app("restore", str(other), "--yes", "--data-dir", str(folder.root))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(folder.database) as connection:
        assert connection.execute("SELECT commune_name FROM commune_profile").fetchone()[0] == "Tân Lập"
    connection.close()


def test_a_newer_versions_backup_is_refused(demo_store, tmp_path):
    """The next start would lock the clerk out: refused, with what to do."""
    folder = _demo_closed(demo_store)
    newer = tmp_path / "cchc-xa_20240301-080000_manual.sqlite3"
    shutil.copyfile(backup_now(folder).path, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = folder.database.read_bytes()
    result = run_app("restore", str(newer), "--data-dir", str(folder.root))
    assert result.returncode == 2 and "phiên bản CCHC Xã mới hơn" in result.stderr
    assert folder.database.read_bytes() == before, "refused before the data was replaced"


def test_list_shows_damaged_and_before_restore_copies(demo_store):
    """``restore --list`` marks the copies kept by a restore and of a damaged file by their kind."""
    folder = _demo_closed(demo_store)
    backup = backup_now(folder)
    assert run_app("restore", str(backup.path), "--data-dir", str(folder.root)).returncode == 0
    folder.database.write_bytes(b"\x00garbage" * 4096)
    assert run_app("restore", str(backup.path), "--data-dir", str(folder.root)).returncode == 0
    listed = run_app("restore", "--list", "--data-dir", str(folder.root)).stdout
    assert "(trước khi khôi phục)" in listed and "(bản hỏng được giữ lại)" in listed
