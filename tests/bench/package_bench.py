"""Benchmark (not a test): build the demo year's full package (plan, report, evidence, zip).

    python tests/bench/package_bench.py [--runs 3]

Prints the time of each run in a fresh data folder with the demo commune; the first
run includes loading the renderers (reportlab, python-docx, openpyxl). Budget: 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BUDGET_S = 3.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from app.exporters.package import PackageRequest, build_package
    from app.exporters.verify import verify_package
    from app.paths import DataFolder
    from app.startup import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store, _ = open_store(DataFolder(Path(tmp) / "data"), demo=True)
        out = Path(tmp) / "usb"
        out.mkdir()
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            result = build_package(store, PackageRequest(2024, contents=("plan", "report", "evidence")), out)
            times.append(time.perf_counter() - start)
            assert verify_package(result.zip_path).ok
            print(f"run {run + 1}: {times[-1]:.2f} s  ({len(result.manifest.files)} files, {result.zip_path.stat().st_size // 1024} KB zip)")
        store.close()
    first, median = times[0], statistics.median(times)
    verdict = "holds" if first <= BUDGET_S else "MISSES"
    print(f"demo-year package: first {first:.2f} s, median {median:.2f} s; budget {BUDGET_S:.1f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
