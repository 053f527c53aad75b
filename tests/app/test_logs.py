"""The logs in the data folder: errors.log rotates, and a log that cannot be written never raises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import logs

REPO = Path(__file__).resolve().parents[2]


def test_errors_log_rotates_and_keeps_three_old_files(tmp_path):
    """Forty 100 KB tracebacks leave errors.log and .1–.3, each about 1 MB at most, not a 4 MB file."""
    folder = tmp_path / "logs"
    logs.configure(folder)
    for number in range(40):
        assert logs.record_error(f"Traceback {number}\n" + "x" * 100_000) == ""
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["errors.log", "errors.log.1", "errors.log.2", "errors.log.3"]
    assert all(path.stat().st_size <= logs.MAX_BYTES + 101_000 for path in folder.iterdir())
    assert "Traceback 39" in (folder / "errors.log").read_text(encoding="utf-8")


def test_configuring_twice_keeps_one_handler(tmp_path):
    """The log is configured once: a second call for the same folder adds no second writer (no doubled lines)."""
    folder = tmp_path / "logs"
    logs.configure(folder)
    logs.configure(folder)
    logs.record_error("một lần")
    assert (folder / "errors.log").read_text(encoding="utf-8").count("một lần") == 1


def test_an_unwritable_log_is_reported_not_raised(tmp_path, capfd):
    """With ``logs`` a file (as on a broken or full disk) recording says why in Vietnamese and prints nothing."""
    blocker = tmp_path / "logs"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    failure = logs.record_error("Traceback …", blocker / "errors.log")
    assert failure.startswith("không ghi được tệp nhật ký")
    _out, err = capfd.readouterr()
    assert "Traceback" not in err and "Logging error" not in err


def test_a_native_crash_leaves_its_stack_in_crash_log(tmp_path):
    """A segfault in a real second process, after enable_crash_log, leaves the Python stack in logs/crash.log."""
    script = ("import faulthandler, sys\nfrom pathlib import Path\nfrom app.logs import enable_crash_log\n"
              "enable_crash_log(Path(sys.argv[1]))\ndef inside_the_export():\n    faulthandler._sigsegv()\n"
              "inside_the_export()\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "logs")], cwd=REPO, env=env,
                            capture_output=True, timeout=60)
    assert result.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "inside_the_export" in crash


def test_the_rotating_writer_loads_at_the_first_error_only(tmp_path):
    """In a fresh interpreter ``start_logs`` leaves ``logging.handlers`` unimported; the first error loads it and is written."""
    script = ("import sys\nfrom pathlib import Path\nfrom app import logs\nlogs.start_logs(Path(sys.argv[1]))\n"
              "print('logging.handlers' in sys.modules)\nprint(repr(logs.record_error('Traceback một')))\n"
              "print('logging.handlers' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "logs")], cwd=REPO, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.stdout.split() == ["False", "''", "True"], result.stderr
    assert "Traceback một" in (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")


def test_a_second_folder_moves_the_writer(tmp_path):
    """Configured for another folder, the next error goes to the new errors.log and not to the old one."""
    logs.configure(tmp_path / "a")
    logs.record_error("thứ nhất")
    logs.configure(tmp_path / "b")
    logs.record_error("thứ hai")
    assert "thứ hai" not in (tmp_path / "a" / "errors.log").read_text(encoding="utf-8")
    assert "thứ hai" in (tmp_path / "b" / "errors.log").read_text(encoding="utf-8")
