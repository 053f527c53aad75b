"""Starting the receiving (Tổng hợp) mode as the clerk does: a real process on a real data folder, each
side's window refusing the other side's folder, and the commune window's menu entry that starts it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.paths import DataFolder
from app.receiving.folder_kind import MARKER, RECEIVING, kind_of

REPO = Path(__file__).resolve().parents[3]


def run_app(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_tong_hop_opens_its_own_folder_and_exits_cleanly(tmp_path):
    """`--tong-hop --data-dir X --exit-after-show` exits 0 and leaves a receiving folder (database, backup, marker)."""
    data = tmp_path / "tong-hop"
    result = run_app("--tong-hop", "--data-dir", str(data), "--exit-after-show")
    assert result.returncode == 0, result.stderr
    assert (data / "cchc-xa.sqlite3").is_file() and (data / MARKER).is_file() and any((data / "backups").iterdir())
    assert kind_of(DataFolder(data)) == RECEIVING


def test_a_commune_folder_is_refused_in_receiving_mode(tmp_path, demo_template):
    """The demo commune's folder opened with --tong-hop: exit 1, a Vietnamese reason, nothing marked."""
    data = tmp_path / "xa"
    data.mkdir()
    shutil.copyfile(demo_template.database, data / "cchc-xa.sqlite3")
    result = run_app("--tong-hop", "--data-dir", str(data), "--exit-after-show")
    assert result.returncode == 1
    assert "là thư mục dữ liệu của một xã" in result.stderr and "Traceback" not in result.stderr
    assert not (data / MARKER).exists()


def test_a_receiving_folder_is_refused_by_the_commune_window(tmp_path):
    """A receiving folder opened by the commune's window: exit 1, told to use the Tổng hợp mode."""
    data = tmp_path / "tong-hop"
    assert run_app("--tong-hop", "--data-dir", str(data), "--exit-after-show").returncode == 0
    result = run_app("--data-dir", str(data), "--exit-after-show")
    assert result.returncode == 1
    assert "chế độ Tổng hợp" in result.stderr and "--tong-hop" in result.stderr


def test_the_commune_windows_file_menu_starts_the_mode_in_a_new_process(qtbot, tmp_path, monkeypatch):
    """Tệp → Mở chế độ Tổng hợp (Sở Nội vụ) starts this Python with -m app --tong-hop, detached."""
    from PySide6.QtCore import QProcess
    from PySide6.QtGui import QAction

    from ui.main_window import MainWindow

    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append([program, *arguments])
                        or (True, 4242))
    window = MainWindow(DataFolder(tmp_path / "xa"))
    qtbot.addWidget(window)
    window.finish_menus()
    # found among the window's actions: a QMenu reached through ``QAction.menu()`` reads as deleted on PySide6 6.9
    entry = next(action for action in window.findChildren(QAction) if "Tổng hợp" in action.text())
    assert entry in window.menuBar().actions()[0].menu().actions()
    assert entry.text() == "Mở &chế độ Tổng hợp (Sở Nội vụ)"
    entry.trigger()
    assert started == [[sys.executable, "-m", "app", "--tong-hop"]]
