"""The demo year's "6 tháng" report carries the checklist's counts into the PDF and the workbook."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from app.exporters.progress_report_files import export_progress_report
from app.services.checklist import year_checklist
from app.services.progress_report import as_of

AS_OF = date(2024, 7, 10)
HALF = date(2024, 6, 30)
DATED = date(2024, 5, 25)  # the paper of a past period carries its deadline, and judges lateness as of it


def _expected(store):
    """Counted straight from the checklist: checkpoints due by 30/06/2024, as of 10/07/2024; one finished after the
    cut-off (30/06) was still being worked on then; late as of the paper's date."""
    rows = [as_of(r, HALF) for r in year_checklist(store, 2024) if r.due is not None and r.due <= HALF]
    done = [r for r in rows if r.status == "done"]
    return {
        "total": len(rows),
        "done": len(done),
        "late": sum(1 for r in done if r.completed_on > r.due),
        "doing": sum(1 for r in rows if r.status == "doing"),
        "todo": sum(1 for r in rows if r.status == "todo"),
        "overdue": sum(1 for r in rows if r.status in ("todo", "doing") and r.due < DATED),
        "skipped": sum(1 for r in rows if r.status == "skipped"),
    }


def test_demo_half_year_report_counts_in_pdf_and_excel(demo_store, tmp_path):
    expected = _expected(demo_store)
    assert expected["total"] > 40 and expected["late"] > 0 and expected["todo"] > 0  # the demo is alive
    export_progress_report(demo_store, 2024, "h1", tmp_path, today=AS_OF)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "BC-CCHC-2024-6thang.pdf").pages)
    row = " ".join(str(expected[k]) for k in ("total", "done", "late", "doing", "todo", "overdue", "skipped"))
    assert f"Tổng cộng {row}" in text
    assert f"hoàn thành {expected['done']}/{expected['total']} lượt nhiệm vụ" in text
    book = load_workbook(tmp_path / "BC-CCHC-2024-6thang_chi-tiet.xlsx")
    sheet = book[next(name for name in book.sheetnames if name.startswith("Tổng hợp"))]
    totals = next(r for r in sheet.iter_rows(values_only=True) if "Tổng cộng" in r)
    numbers = [value for value in totals if isinstance(value, int)]
    assert numbers[:7] == [expected[k] for k in ("total", "done", "late", "doing", "todo", "overdue", "skipped")]
