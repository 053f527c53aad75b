"""One measurement in its own process, for ``benchmarks/run.py``: prints its figures as one JSON line.

    python benchmarks/measure.py open-decade DIR
    python benchmarks/measure.py checklist-folder DIR [--tasks 10000]
    python benchmarks/measure.py checklist DIR [--runs 3]
    python benchmarks/measure.py documents DIR [--runs 3]
    python benchmarks/measure.py package DIR
    python benchmarks/measure.py demo-folder DIR

Each figure is in milliseconds. Imports happen before the clock starts, except
where loading them is what is measured (the first document of a process, the
package). The running process's peak RSS is read by the parent (``os.wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENT_YEAR = 2023  # the decade's last full year on Form 07: 15 nominees, ≈ 330 tasks
CHECKLIST_TIMEFRAMES = ("Quý I/2024", "Quý II/2024", "Thường xuyên", "Tháng 12 năm 2024", "Trước ngày 15/10/2024",
                        "Theo tiến độ và hướng dẫn", "Quý III năm 2024", "Định kỳ hàng quý trong năm 2024")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _timed(step) -> float:
    start = time.perf_counter()
    step()
    return _ms(start)


# ----------------------------------------------------------------------------- the 10-year database


def open_decade(folder: Path) -> dict:
    """open_store + the main window built and shown, on a folder already backed up today."""
    from PySide6.QtWidgets import QApplication

    from app.backups import daily_backup
    from app.paths import DataFolder
    from app.startup import open_store
    from db.backup import list_backups
    from ui.application import make_application
    from ui.main_window import MainWindow

    app = make_application()
    data = DataFolder(folder)
    daily_backup(data)  # today's backup exists: what is timed is a usual start, not the first of a day
    start = time.perf_counter()
    store, _ = open_store(data)
    opened = _ms(start)
    window = MainWindow(data)
    window.show()
    window.attach(store)
    QApplication.processEvents()
    total = _ms(start)
    window.close()
    store.close()
    # The first start of a day also takes the automatic backup before the window shows:
    # a day after the latest backup, so that every process of the series takes one.
    latest = max([b.taken_at for b in list_backups(data.backups)] + [datetime.now()])
    backup = _timed(lambda: daily_backup(data, latest + timedelta(days=1)))
    app.processEvents()
    return {"open_decade": total, "open_decade_store": opened, "open_decade_window": total - opened,
            "daily_backup_decade": backup}


# ----------------------------------------------------------------------------- the checklist


def _checklist_store(folder: Path, tasks: int):
    """A data folder with one 2024 plan of ``tasks`` tasks."""
    from app.importers.plan_model import ImportedPlan, ImportedTask
    from app.paths import DataFolder
    from app.services.plan_import import save_imported_plan
    from app.services.plans import PlanData
    from app.startup import open_store

    store, _ = open_store(DataFolder(folder))
    from app.services.checklist import plan_years

    if not plan_years(store):
        areas = [f"Lĩnh vực {n}: cải cách thủ tục hành chính" for n in range(8)]
        imported = ImportedPlan(areas=areas, tasks=[
            ImportedTask(areas[i % 8], f"Nhiệm vụ {i}: rà soát, đơn giản hóa thủ tục số {i}", f"Công chức {i % 12}",
                         ["Các công chức có liên quan"], "Báo cáo", CHECKLIST_TIMEFRAMES[i % len(CHECKLIST_TIMEFRAMES)])
            for i in range(tasks)
        ])
        save_imported_plan(store, imported, PlanData(year=2024, title="Cải cách hành chính năm 2024"))
    return store


def checklist(folder: Path, tasks: int, runs: int) -> dict:
    """The checklist page as the clerk uses it: shown (loads the year), then a filter, a search, a sort.

    Each step is timed through the page's own widgets, with the repaint it causes. One page per
    process (its first showing is timed once), so that the peak RSS is one page's; the filters ``runs`` times.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from ui.pages.checklist_page import ChecklistPage

    app = QApplication.instance() or QApplication([])
    store = _checklist_store(folder, tasks)  # built beforehand by "checklist-folder", in its own process

    def shown(step) -> float:
        """Time ``step`` and the repaint it causes."""
        def run():
            step()
            app.processEvents()
        return _timed(run)

    samples: dict[str, list[float]] = {key: [] for key in ("filter_overdue", "filter_lead", "search_folded", "sort_due")}
    page = ChecklistPage(store, QUndoStack(), lambda _changes: None, today=date(2024, 7, 1))
    page.resize(1280, 760)
    samples["checklist_load"] = [shown(page.show)]  # the first show reads the year
    lead = page.filters["lead"]
    for _ in range(runs):
        for key, apply, clear in (
            ("filter_overdue", lambda: page.overdue_only.setChecked(True), lambda: page.overdue_only.setChecked(False)),
            ("filter_lead", lambda: lead.setCurrentIndex(lead.findData("Công chức 3")), lambda: lead.setCurrentIndex(0)),
            # The search's debounce pause is not counted: the clerk is still typing during it.
            ("search_folded", lambda: (page.search.setText("cai cach thu tuc 123"), page.apply_search_now()),
             lambda: (page.search.setText(""), page.apply_search_now())),
        ):
            samples[key].append(shown(apply))
            shown(clear)
        samples["sort_due"].append(shown(lambda: page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)))
        shown(lambda: page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
    rows = page.model.rowCount()
    page.close()
    store.close()
    return {**samples, "checklist_rows": rows}


def checklist_folder(folder: Path, tasks: int) -> dict:
    """Build the checklist's data folder, so that its memory does not count against the page's."""
    start = time.perf_counter()
    _checklist_store(folder, tasks).close()
    return {"checklist_build_s": round(_ms(start) / 1000, 1)}


# ----------------------------------------------------------------------------- documents


def documents(folder: Path, runs: int) -> dict:
    """Each paper of ``DOCUMENT_YEAR`` on the 10-year database: the first build of the process, then warm ones."""
    from app.exporters.dossier_files import export_dossier
    from app.exporters.plan_papers import export_plan_papers
    from app.exporters.progress_report_files import export_progress_report
    from app.exporters.scoring_files import write_scoring_files
    from app.paths import DataFolder
    from app.services.dossier import list_dossiers
    from app.services.plans import list_plans
    from app.startup import open_store

    store, _ = open_store(DataFolder(folder))
    year = DOCUMENT_YEAR
    reform = next(plan.id for plan in list_plans(store, year) if plan.kind == "reform")
    dossier = list_dossiers(store, year)[0].id
    out = Path(tempfile.mkdtemp(prefix="cchc-bench-docs-"))
    steps = {
        "doc_plan": lambda target: export_plan_papers(store, reform, target),
        "doc_report": lambda target: export_progress_report(store, year, "year", target, today=date(year + 1, 1, 10)),
        "doc_scoring": lambda target: write_scoring_files(store, year, target, ("pdf", "xlsx"), date(year + 1, 1, 10)),
        "doc_dossier": lambda target: export_dossier(store, dossier, target, date(year, 12, 10)),
    }
    samples: dict[str, list[float]] = {key: [] for key in steps}
    # The first paper of a process also loads reportlab, python-docx, openpyxl and the fonts.
    first = _timed(lambda: steps["doc_plan"](out / "first"))
    try:
        for run in range(runs):
            for key, step in steps.items():
                target = out / f"{key}-{run}"
                samples[key].append(_timed(lambda step=step, target=target: step(target)))
    finally:
        shutil.rmtree(out, ignore_errors=True)
        store.close()
    return {**samples, "doc_first_cold": first}


# ----------------------------------------------------------------------------- the package


def package(folder: Path) -> dict:
    """The demo year's whole package (every kind of content, zip, verified) in a process that has built nothing yet.

    The ORM is loaded first, as the window does right after its first page (``ui/warm_up.py``): the clerk's
    first package finds it there, and its import (≈ 0.4 s) belongs to the start's figures, not the package's.
    """
    from app.exporters.package import CONTENTS, PackageRequest, build_package
    from app.exporters.verify import verify_package
    from app.paths import DataFolder
    from app.startup import open_store
    from app.store import load_data_layer

    store, _ = open_store(DataFolder(folder))
    load_data_layer()
    request = PackageRequest(2024, contents=tuple(CONTENTS), today=date(2025, 1, 15))
    out = Path(tempfile.mkdtemp(prefix="cchc-bench-usb-"))
    try:
        times, cpu = [], []
        # Cold (renderers not loaded yet), then warm; then warm with the Word copies the clerk may tick.
        for run, asked in enumerate((request, request, replace(request, word_copies=True))):
            (out / str(run)).mkdir()
            start, start_cpu = time.perf_counter(), time.process_time()
            result = build_package(store, asked, out / str(run))
            times.append(_ms(start))
            cpu.append((time.process_time() - start_cpu) * 1000)
            if not verify_package(result.zip_path).ok:
                raise SystemExit("the package does not verify")
        files = len(result.manifest.files)  # with the Word copies
    finally:
        shutil.rmtree(out, ignore_errors=True)
        store.close()
    return {"package_demo": times[0], "package_demo_warm": times[1], "package_demo_word": times[2], "package_files": files,
            "package_cpu_ms": [round(value) for value in cpu]}


def demo_folder(folder: Path) -> dict:
    """Fill a new data folder with the demo commune (what ``--demo`` does), for the start-ups and the package.

    The package takes every dossier of the year and refuses one without its letter's number and date;
    a demo dossier that lacks them gets them here, so that the package is whole. Returns what was filled.
    """
    from app.paths import DataFolder
    from app.services.dossier import list_dossiers, update_dossier
    from app.startup import open_store

    store, _ = open_store(DataFolder(folder), demo=True)
    filled = []
    for number, dossier in enumerate(list_dossiers(store, 2024), start=1):
        if not (dossier.letter_number and dossier.letter_date):
            update_dossier(store, dossier.id, letter_number=dossier.letter_number or f"9{number}/TTr-UBND",
                           letter_date=dossier.letter_date or date(2024, 12, 20))
            filled.append(dossier.campaign)
    store.close()
    return {"demo_dossiers_given_a_letter": filled}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("open-decade", "checklist", "checklist-folder", "documents", "package",
                                         "demo-folder"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    result = {
        "open-decade": lambda: open_decade(folder),
        "checklist": lambda: checklist(folder, args.tasks, args.runs),
        "checklist-folder": lambda: checklist_folder(folder, args.tasks),
        "documents": lambda: documents(folder, args.runs),
        "package": lambda: package(folder),
        "demo-folder": lambda: demo_folder(folder),
    }[args.what]()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
