"""Benchmark (not a test): the checklist with 10,000 tasks — load, filter, search, sort.

    QT_QPA_PLATFORM=offscreen python tests/bench/checklist_bench.py [--tasks 10000] [--runs 5]

Builds a throwaway data folder with one plan of N tasks (timeframes of every
kind, so checkpoints outnumber tasks), then prints the median time of each step.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIMEFRAMES = ("Quý I/2024", "Quý II/2024", "Thường xuyên", "Tháng 12 năm 2024", "Trước ngày 15/10/2024",
              "Theo tiến độ và hướng dẫn", "Quý III năm 2024", "Định kỳ hàng quý trong năm 2024")


def build(folder, tasks: int):
    from app.importers.plan_model import ImportedPlan, ImportedTask
    from app.services.plan_import import save_imported_plan
    from app.services.plans import PlanData
    from app.startup import open_store

    store, _ = open_store(folder)
    areas = [f"Lĩnh vực {n}: cải cách thủ tục hành chính" for n in range(8)]
    imported = ImportedPlan(areas=areas, tasks=[
        ImportedTask(areas[i % 8], f"Nhiệm vụ {i}: rà soát, đơn giản hóa thủ tục số {i}", f"Công chức {i % 12}",
                     ["Các công chức có liên quan"], "Báo cáo", TIMEFRAMES[i % len(TIMEFRAMES)])
        for i in range(tasks)
    ])
    save_imported_plan(store, imported, PlanData(year=2024, title="Cải cách hành chính năm 2024"))
    return store


def median_ms(step, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from app.paths import DataFolder
    from app.services.checklist import year_checklist
    from ui.models.checklist_model import ChecklistFilter, ChecklistModel

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build(DataFolder(Path(tmp)), args.tasks)
        built = time.perf_counter() - start
        rows = year_checklist(store, 2024)
        model, proxy = ChecklistModel(), ChecklistFilter()
        proxy.setSourceModel(model)
        today = date(2024, 7, 1)
        figures = {
            "read checklist rows (year_checklist)": median_ms(lambda: year_checklist(store, 2024), args.runs),
            "fill the table model": median_ms(lambda: model.set_rows(rows, today), args.runs),
            "filter: overdue only": median_ms(lambda: (proxy.set_criterion("overdue", True), proxy.set_criterion("overdue", False)), args.runs) / 2,
            "filter: one lead": median_ms(lambda: (proxy.set_criterion("lead", "Công chức 3"), proxy.set_criterion("lead", None)), args.runs) / 2,
            "search 'cai cach thu tuc 123'": median_ms(lambda: (proxy.set_criterion("words", "cai cach thu tuc 123"), proxy.set_criterion("words", "")), args.runs) / 2,
            "sort by due date": median_ms(lambda: proxy.sort(2), args.runs),
        }
        store.close()
    print(f"{args.tasks} tasks, {len(rows)} checkpoints; database built in {built:.1f} s; median of {args.runs} runs:")
    for name, ms in figures.items():
        print(f"  {name:<40} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
