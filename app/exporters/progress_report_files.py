"""Write the progress report to a folder: BÁO CÁO (PDF with its appendix, Word) and the detail workbook (Excel).

File names are ASCII ("BC-CCHC-2024-6thang.pdf") so they survive any USB stick,
e-mail gateway or Windows code page; the Vietnamese titles live inside the files.
Each file is written whole or not at all (the renderers write atomically).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from app.exporters.written import WrittenFile, write_files
from app.queries.year_papers import report_paper_facts
from app.store import Store

PERIOD_CODES = {"q1": "quy1", "h1": "6thang", "q3": "9thang", "year": "nam"}


def base_name(year: int, period_key: str) -> str:
    """ "BC-CCHC-2024-6thang": the report's file name without extension."""
    return f"BC-CCHC-{year}-{PERIOD_CODES.get(period_key, period_key)}"


def file_names(year: int, period_key: str) -> tuple[str, ...]:
    stem = base_name(year, period_key)
    return (f"{stem}.pdf", f"{stem}.docx", f"{stem}_chi-tiet.xlsx")


def export_progress_report(
    store: Store, year: int, period_key: str, folder: Path, narrative: Mapping[str, str] | None = None,
    today: date | None = None, progress=None, word: bool = True,
) -> list[WrittenFile]:
    """Write the three files into ``folder`` (created if missing; the Word copy only with ``word``).

    The narrative is the one stored (``app.services.report_texts``), as the dialog, the package and
    ``python -m app export`` all print it; ``narrative`` overrides sections for this one paper only."""
    from app.documents.papers.progress_report import detail_workbook, report_document
    from app.documents.render_pdf import render_pdf
    from app.documents.render_xlsx import render_xlsx

    facts = report_paper_facts(store, year, period_key, today or date.today())
    report, profile = facts.report.with_narrative(narrative), facts.profile
    stem = base_name(year, period_key)
    jobs = [(render_pdf, report_document(report, profile), f"{stem}.pdf", "Báo cáo kèm phụ lục chi tiết (PDF)")]
    if word:  # the Word copy is for editing the text; the detail lives in the PDF appendix and the workbook
        from app.documents.render_docx import render_docx

        jobs.append((render_docx, report_document(report, profile, appendix=False), f"{stem}.docx",
                     "Báo cáo (Word, để chỉnh sửa)"))
    jobs.append((render_xlsx, detail_workbook(report, profile), f"{stem}_chi-tiet.xlsx", "Bảng tổng hợp và chi tiết (Excel)"))
    return write_files(jobs, Path(folder), "báo cáo", progress)
