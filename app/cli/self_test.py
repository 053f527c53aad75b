"""``--self-test``: prove a build works end to end without a window.

Creates a temporary data folder, loads the demo commune, builds the year's
package (plans, report, evidence, zip) and verifies it. Exit 0 only when all of
that worked; used by CI on the frozen bundle.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def run_self_test() -> int:
    from app.exporters.package import PackageRequest, build_package
    from app.exporters.verify import verify_package
    from app.paths import DataFolder
    from app.startup import open_store

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cchc-xa-selftest-") as tmp:
        store, report = open_store(DataFolder(Path(tmp) / "data"), demo=True)
        try:
            if not report.demo_loaded:
                print("Tự kiểm tra: KHÔNG nạp được dữ liệu mẫu.")
                return 1
            out = Path(tmp) / "out"
            out.mkdir()
            result = build_package(store, PackageRequest(2024, contents=("plan", "report", "evidence"), word_copies=True), out)
            verdict = verify_package(result.zip_path)
        finally:
            store.close()
    seconds = time.perf_counter() - start
    if not verdict.ok:
        print(f"Tự kiểm tra: gói hồ sơ KHÔNG khớp ({seconds:.1f} giây).")
        return 1
    print(f"Tự kiểm tra: đạt — dữ liệu mẫu, {len(result.manifest.files)} tệp trong gói, kiểm tra gói khớp ({seconds:.1f} giây).")
    return 0
