"""Command-line output on a console that is not UTF-8 (cp1252, cp437): Vietnamese never crashes the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.windows
REPO = Path(__file__).resolve().parents[2]


def run_on_console(encoding: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m app ARGS`` whose standard streams start in ``encoding`` with errors fatal, as on such a console."""
    env = dict(os.environ, PYTHONIOENCODING=f"{encoding}:strict", PYTHONUTF8="0")
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env, capture_output=True, timeout=300)


@pytest.mark.parametrize("encoding", ["cp1252", "cp437", "ascii"])
def test_help_prints_vietnamese_on_a_narrow_console(encoding):
    """`--help` exits 0 and its Vietnamese text arrives whole (as UTF-8), with no traceback."""
    result = run_on_console(encoding, "--help")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "thư mục dữ liệu" in result.stdout.decode("utf-8") and b"Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_an_error_is_printed_in_vietnamese_with_exit_code_2(encoding, tmp_path):
    """A failing sub-command (a package that does not exist) says so in Vietnamese and exits 2, no traceback."""
    result = run_on_console(encoding, "--data-dir", str(tmp_path / "data"), "verify", str(tmp_path / "không-có.zip"))
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2 and message.startswith("Lỗi:") and "Traceback" not in message


def test_an_unknown_option_is_refused_in_vietnamese(tmp_path):
    """argparse's own error goes through the same console: Vietnamese, exit 2, no traceback."""
    result = run_on_console("cp1252", "--không-có")
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in message and "--không-có" in message
