"""What the receiving window's menus do: take packages in (with progress and "Hủy"), write the year's
summary (workbook and paper) and the appraisal result files, name the receiving office.

Each takes its path as an argument when a test (or a later caller) has one; otherwise it asks with the
system's picker. Slow work runs through ``ui/runner.run``: the window is held meanwhile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import UserError
from app.receiving.models import ConsolidationReport
from ui.runner import attempt, report, report_written, run


def _asked_folder(parent: QWidget, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title)
    return Path(chosen) if chosen else None


def take_in(window, paths: list[Path] | None = None, *, files: bool = False) -> ConsolidationReport | None:
    """Tệp → Mở thư mục gói… (a folder searched for every package) or Thêm tệp gói .zip… (``files``)."""
    if paths is None:
        if files:
            chosen, _filter = QFileDialog.getOpenFileNames(window, "Chọn các tệp gói hồ sơ (.zip)", "",
                                                           "Gói hồ sơ (*.zip)")
            paths = [Path(name) for name in chosen]
        else:
            folder = _asked_folder(window, "Chọn thư mục chứa các gói hồ sơ của xã, phường")
            paths = [folder] if folder else []
    if not paths:
        return None
    from app.receiving.ingest import consolidate

    store = window.store

    def work(steps) -> ConsolidationReport:
        found = consolidate(store, paths, steps, steps.cancelled)
        year = _latest_year(found)
        if year:  # worked out here, off the GUI thread: the table's refresh then finds each row ready
            from app.receiving.queries import ranking

            ranking(store, year)
        return found

    outcome = run(window, "Tổng hợp các gói hồ sơ", work, cancel=True)
    window.refresh(year=_latest_year(outcome.value) if outcome.ok else None)
    if outcome.ok:
        window.statusBar().showMessage(said(outcome.value), 30000)
        return outcome.value
    return None


def _latest_year(result: ConsolidationReport) -> int | None:
    found = [line.year for line in result.lines if line.status != "refused" and line.year]
    return max(found) if found else None


def said(result: ConsolidationReport) -> str:
    """One line for the status bar: how many packages were seen and what became of them."""
    refused = sum(1 for line in result.lines if line.status == "refused")
    replaced = sum(1 for line in result.lines if line.status == "replaced")
    text = f"Đã kiểm tra {len(result.lines)} gói: tổng hợp được {result.consolidated}"
    text += f", bị từ chối {refused}" if refused else ""
    text += f", đã được thay bằng gói mới hơn {replaced}" if replaced else ""
    text += " (xem lý do ở thẻ “Các gói đã nhận”)." if refused or replaced else "."
    return text + (" Đã dừng theo yêu cầu: các gói đã kiểm tra được giữ lại." if result.cancelled else "")


def export_summary(window, folder: Path | None = None) -> list[Path]:
    """Tệp → Xuất bảng tổng hợp…: ``TongHop-CCHC-<năm>.xlsx`` and the summary paper (PDF) of the year shown."""
    year = window.year()
    if year is None:
        report(window, UserError("Chưa có năm nào để xuất bảng tổng hợp.",
                                 "Hãy mở thư mục gói hồ sơ của các xã (Tệp → Mở thư mục gói…) trước."))
        return []
    folder = folder or _asked_folder(window, f"Chọn thư mục để lưu bảng tổng hợp năm {year}")
    if folder is None:
        return []
    from app.receiving import queries
    from app.receiving.summary_paper import write_paper
    from app.receiving.summary_workbook import write_workbook

    store = window.store

    def work(_steps) -> list[Path]:
        summary = queries.summary(store, year)
        return [write_workbook(summary, folder), write_paper(summary, folder, date.today())]

    outcome = run(window, "Xuất bảng tổng hợp", work)
    if outcome.ok:
        report_written(window, "Đã xuất bảng tổng hợp", str(folder), outcome.value)
    return outcome.value_or([])


def export_results(window, keys: list[str] | None = None, folder: Path | None = None,
                   year: int | None = None) -> list[Path]:
    """Xuất kết quả thẩm định…: one ``KQTD_….zip`` per commune (``keys``; default every appraised commune of
    the year shown) into one folder."""
    year = year or window.year()
    if keys is None:
        keys = [row.commune_key for row in window.communes.rows_shown() if row.appraised_total is not None]
    if year is None or not keys:
        report(window, UserError(f"Chưa có xã, phường nào được thẩm định{f' năm {year}' if year else ''}.",
                                 "Mở một xã (Enter), nhập điểm thẩm định ở thẻ “Chấm điểm”, rồi xuất kết quả."))
        return []
    folder = folder or _asked_folder(window, "Chọn thư mục để lưu tệp kết quả thẩm định")
    if folder is None:
        return []
    from app.exchange.appraisal_result import write_appraisal_file
    from app.receiving.appraisal import result_for

    store = window.store

    def work(steps) -> list[Path]:
        written = []
        for number, key in enumerate(keys):
            steps(number, len(keys), f"Đang ghi kết quả thẩm định {number + 1}/{len(keys)}")
            written.append(write_appraisal_file(result_for(store, key, year), folder))
        return written

    outcome = run(window, "Xuất kết quả thẩm định", work)
    if outcome.ok:
        report_written(window, "Đã xuất kết quả thẩm định", str(folder), outcome.value)
    return outcome.value_or([])


def name_office(window, entered: tuple[str, ...] | None = None) -> bool:
    """Tên cơ quan tổng hợp…: the small form (or ``entered``); one undoable action."""
    from app.receiving.appraisal import set_receiving_office

    if entered is None:
        from ui.receiving.office_dialog import OfficeDialog
        from app.receiving import queries

        dialog = OfficeDialog(window, *queries.receiving_office(window.store),
                              save=lambda values: set_receiving_office(window.store, *values),
                              signer=queries.receiving_signer(window.store))
        if not dialog.exec():
            return False
        changes = dialog.result_value
    else:
        outcome = attempt(window, lambda: set_receiving_office(window.store, *entered))
        if not outcome.ok:
            return False
        changes = outcome.value
    window.record(changes)
    window.refresh()
    return True
