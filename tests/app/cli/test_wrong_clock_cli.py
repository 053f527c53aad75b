"""``backup`` and ``export`` run under a faked computer clock (``faketime``): no traceback, nothing lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.backups import daily_backup
from app.exporters.verify import verify_package
from app.services.officials import OfficialData, add_official
from app.store import Store
from db.backup import list_backups

REPO = Path(__file__).resolve().parents[3]
FAKETIME = shutil.which("faketime")
pytestmark = pytest.mark.skipif(FAKETIME is None, reason="faketime is not installed (apt-get install faketime)")


def _run_at(moment: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m app ARGS`` in a real process whose clock reads ``moment``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([FAKETIME, moment, sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


@pytest.fixture
def used_folder(folder, demo_template):
    """The demo commune after ten days of use (ten automatic backups dated 20–29/11/2026), then one more edit."""
    folder.create()
    shutil.copyfile(demo_template.database, folder.database)
    for day in range(10):
        daily_backup(folder, datetime(2026, 11, 20, 8, 0) + timedelta(days=day))
    store = Store(folder)
    add_official(store, OfficialData("Cán bộ nhập sau lần sao lưu cuối"))
    store.close()
    return folder


def test_export_on_a_1970_clock_makes_a_whole_package_and_says_the_clock_is_wrong(used_folder, tmp_path):
    """At 02/01/1970 the Excel and Word papers and the zip are written; the start's backup of the new edit is kept."""
    result = _run_at("1970-01-02 10:00:00", "--data-dir", str(used_folder.root), "export", "--year", "2024",
                     "--out", str(tmp_path), "--word")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Đồng hồ máy tính có vẻ sai: hôm nay là 02/01/1970" in result.stdout
    zips = list(tmp_path.glob("*.zip"))
    assert len(zips) == 1 and verify_package(zips[0]).ok
    automatic = [b for b in list_backups(used_folder.backups) if b.kind == "auto"]
    assert automatic[0].taken_at.year == 1970 and len(automatic) == 10


def test_backup_on_a_2001_clock_is_the_newest(used_folder):
    """``backup`` at 01/01/2001 writes a backup numbered after the 2026 ones, and it stays the newest."""
    result = _run_at("2001-01-01 08:00:00", "--data-dir", str(used_folder.root), "backup")
    assert result.returncode == 0, result.stderr
    assert "Đã sao lưu:" in result.stdout and "01/01/2001" in result.stdout
    newest = list_backups(used_folder.backups)[0]
    assert (newest.kind, newest.taken_at.year, newest.sequence) == ("manual", 2001, 11)
