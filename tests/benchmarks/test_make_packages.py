"""The package generator of the receiving side's benchmarks (``benchmarks/make_packages.py``), run as a script."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from app.exporters.verify import verify_package

REPO = Path(__file__).resolve().parents[2]


def _make(out: Path, *extra: str) -> str:
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_packages.py"), "3", str(out), "--jobs", "1",
                           *extra], cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _checked(out: Path) -> dict[str, object]:
    """Each .zip in ``out`` by name, with what verify found."""
    return {path.name: verify_package(path) for path in sorted(out.glob("*.zip"))}


def test_three_packages_of_three_communes_each_whole_and_the_same_for_the_same_seed(tmp_path):
    """Three packages of three named communes verify whole; the same seed names them alike, and --tamper and
    --duplicates give one refused package and one commune exported twice."""
    _make(tmp_path / "a")
    plain = _checked(tmp_path / "a")
    assert len(plain) == 3 and all(found.ok for found in plain.values())
    assert all((tmp_path / "a" / Path(name).stem / "manifest.json").is_file() for name in plain)  # the folders too
    communes = {found.manifest.commune for found in plain.values()}
    assert len(communes) == 3
    assert all(name == unicodedata.normalize("NFC", name) for name in communes)
    assert any(not name.isascii() for name in communes)  # Vietnamese names, with their diacritics
    assert all(found.manifest.province for found in plain.values())

    said = _make(tmp_path / "b", "--tamper", "1", "--duplicates", "1", "--no-folders")
    again = _checked(tmp_path / "b")
    assert not [path for path in (tmp_path / "b").iterdir() if path.is_dir()]
    assert len(again) == 4
    assert {found.manifest.commune for found in again.values()} == communes
    refused = [name for name, found in again.items() if not found.ok]
    assert len(refused) == 1 and f"tampered: {Path(refused[0]).stem}" in said
    exports = sorted((found.manifest.commune, found.manifest.exported_at) for found in again.values())
    twice = [pair for pair in exports if sum(commune == pair[0] for commune, _ in exports) == 2]
    assert len(twice) == 2 and twice[0][1] < twice[1][1]
