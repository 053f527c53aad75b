"""A bug inside a sub-command prints one Vietnamese line and exits 2; the traceback goes to errors.log only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

_CHILD = """
import sys
import app.cli.backup as backup

def broken(args, folder):
    raise ZeroDivisionError("boom")

backup.run = broken
from app.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1], "backup"]))
"""


def test_a_bug_in_a_command_is_logged_not_printed(tmp_path):
    """No traceback on the terminal: a Vietnamese message naming the log, exit 2, the traceback in logs/errors.log."""
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _CHILD, str(data)], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "lỗi ngoài dự kiến" in done.stderr
    log = (data / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log and "Traceback" in log
