"""build/bundle_report.py, run as CI runs it on a built bundle: the largest pieces, the total, the limit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MB = 2**20


def _report(bundle: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build" / "bundle_report.py"), str(bundle), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def bundle(tmp_path) -> Path:
    """A folder shaped like the one-folder bundle: 20 files of 1..20 MB (sparse, so nothing is written)."""
    root = tmp_path / "CCHC-Xa"
    for index in range(1, 21):
        piece = root / "_internal" / f"piece{index:02d}.bin"
        piece.parent.mkdir(parents=True, exist_ok=True)
        with piece.open("wb") as handle:
            handle.truncate(index * MB)
    return root


def test_it_lists_the_15_largest_pieces_and_the_total(bundle):
    """Largest first, 15 of them, and the total of all 20 files (210 MB) against the limit."""
    done = _report(bundle, "--limit-mb", "300")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    listed = [line.split()[-1] for line in lines[1:-1]]
    assert listed == [f"_internal/piece{index:02d}.bin" for index in range(20, 5, -1)]
    assert lines[1].split()[0] == "20.0"
    assert lines[-1].startswith("Bundle total: 210.0 MB (within")


def test_it_fails_above_the_limit(bundle):
    """Above 150 MB (the default) the exit status is 1 and the verdict says so."""
    done = _report(bundle)
    assert done.returncode == 1
    assert "ABOVE the limit of 150 MB" in done.stdout.splitlines()[-1]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_a_symbolic_link_counts_once(bundle):
    """A link to a library (as PyInstaller makes on Linux) does not count its target twice."""
    (bundle / "piece20-link.bin").symlink_to(bundle / "_internal" / "piece20.bin")
    done = _report(bundle, "--limit-mb", "300")
    assert done.stdout.splitlines()[-1].startswith("Bundle total: 210.0 MB")
    assert "piece20-link" not in done.stdout


def test_no_bundle_is_an_error_that_says_what_to_do(tmp_path):
    """Without a bundle the exit status is 2 and the message says to build it first."""
    done = _report(tmp_path / "missing")
    assert done.returncode == 2
    assert "build it first" in done.stderr
