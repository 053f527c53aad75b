"""Crash reports that help: the window arms crash.log, workers log full tracebacks, the error dialog never
depends on the log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app import logs
from ui.dialogs.error_dialog import report_unexpected
from ui.runner import run
from tests.windows.wine import wine_gap

REPO = Path(__file__).resolve().parents[2]


@wine_gap("a native crash of a Qt process now and then starts winedbg, which waits for ever "
          "(the test passed in one Windows run and hung 120 s in the next)")
def test_a_native_crash_in_the_window_leaves_crash_log(tmp_path):
    """A segfault while the window opens its data (a real second process) leaves its stack in logs/crash.log."""
    script = (  # the data opens in a thread (ui/warm_up.py); the window then builds the page on its own thread
        "import faulthandler, sys\nfrom pathlib import Path\nimport ui.application as application\n"
        "import ui.main_window as main_window\nfrom app.paths import DataFolder\n"
        "def attach_in_steps(window, *args):\n    faulthandler._sigsegv()\n"
        "main_window.MainWindow.attach_in_steps = attach_in_steps\n"
        "application.run_window(DataFolder(Path(sys.argv[1])))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], cwd=REPO, env=env,
                            capture_output=True, timeout=120)
    assert result.returncode != 0
    crash = (tmp_path / "data" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "attach_in_steps" in crash


def _export_that_fails(progress):
    raise ValueError("mục lục hỏng")


def test_a_worker_crash_logs_its_full_traceback(qtbot, tmp_path, errors_shown):
    """A bug inside background work leaves its whole traceback (the failing function) in errors.log."""
    logs.configure(tmp_path / "logs")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert run(parent, "Xuất gói", _export_that_fails, unexpected="Không xuất được gói.").error is not None
    assert errors_shown == ["Không xuất được gói."]
    logged = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "_export_that_fails" in logged and "mục lục hỏng" in logged


def test_the_error_dialog_shows_when_the_log_cannot_be_written(qtbot, tmp_path, monkeypatch):
    """With ``logs`` a file the dialog still shows the plain message, and its details hold the traceback."""
    shown = []
    import ui.dialogs.error_dialog as error_dialog

    monkeypatch.setattr(error_dialog.QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())))
    (tmp_path / "logs").write_text("không phải thư mục", encoding="utf-8")
    try:
        raise RuntimeError("đĩa đầy")
    except RuntimeError as error:
        report_unexpected(None, error, tmp_path / "logs" / "errors.log")
    ((message, details),) = shown
    assert message.startswith("Đã xảy ra lỗi ngoài dự kiến")
    assert "Không ghi được nhật ký lỗi" in details and "RuntimeError: đĩa đầy" in details
