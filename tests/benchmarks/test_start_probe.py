"""The start probe notes the main window's first paint and the moment it closes, for the bare window and the
app alike, and watches nothing else: its filter sits on the window and leaves after the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = REPO / "benchmarks" / "start_probe.py"


def _probe(tmp_path: Path, *program: str) -> tuple[float, float, float]:
    shown = tmp_path / "shown.txt"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    spawned = time.time()
    subprocess.run([sys.executable, str(PROBE), str(shown), *program], cwd=REPO, env=env, check=True,
                   capture_output=True, timeout=120)
    painted, closed = (float(line) for line in shown.read_text().split())
    return spawned, painted, closed


def test_the_bare_window_closes_on_its_first_turn(tmp_path):
    """Its close on the event loop's first turn may come before its paint: the close's moment stands for both
    (the floor is then, if anything, low)."""
    spawned, painted, closed = _probe(tmp_path, str(REPO / "benchmarks" / "bare_window.py"))
    assert spawned < painted <= closed


def test_the_app_is_painted_then_shows_its_data_then_closes(tmp_path):
    spawned, painted, closed = _probe(tmp_path, "-m", "app", "--data-dir", str(tmp_path / "data"),
                                      "--exit-after-show")
    assert spawned < painted < closed  # without a paint noted, the close's moment would stand for it


def test_the_filter_watches_the_window_alone_and_leaves_after_its_first_paint():
    source = PROBE.read_text(encoding="utf-8")
    assert "self.installEventFilter(" in source and "application.installEventFilter(" not in source
    assert "watched.removeEventFilter(self)" in source
