"""The reserve against PySide6's lost references to None and True: thousands of progress steps in one process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

MANY_STEPS = """
from PySide6.QtWidgets import QMainWindow
from ui.application import make_application
from ui.runner import run

make_application()
window = QMainWindow()
window.show()

def work(steps):
    for step in range(5000):
        steps(step, 5000, f"Bước {step}")
    return "xong"

print(run(window, "Thử", work, cancel=True).value)
"""


def test_five_thousand_progress_steps_do_not_kill_the_process():
    """A run of 5,000 steps (a big consolidation) ends normally instead of "Fatal Python error: bool_dealloc"."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", MANY_STEPS], cwd=REPO, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "xong", result.stderr[-500:]


def test_a_check_gives_back_what_void_calls_and_emits_lost(qapp):
    """After 50,000 void calls and emits, one check brings both counts back to where the reserve holds them."""
    from PySide6.QtWidgets import QLabel

    from ui.pyside_workarounds import _Probe, _baseline, keep_reserve, top_up

    if not keep_reserve(qapp):
        return  # this PySide6 loses nothing: there is nothing to give back
    label, probe = QLabel(), _Probe()
    for number in range(50_000):
        label.setText("x")
        probe.fired.emit(number)
    assert sys.getrefcount(None) < _baseline[None] - 40_000 and sys.getrefcount(True) < _baseline[True] - 40_000
    top_up()
    assert abs(sys.getrefcount(None) - _baseline[None]) < 100 and abs(sys.getrefcount(True) - _baseline[True]) < 100
