"""Write a plan's papers to a folder: KẾ HOẠCH (PDF, Word) and its task appendix (PDF, Excel).

File names are ASCII so they survive any USB stick, e-mail gateway or
Windows code page; the Vietnamese titles live inside the files.
"""

from __future__ import annotations

from pathlib import Path

from app.exporters.written import WrittenFile, write_files
from app.queries.plans import plan_paper_facts
from app.store import Store

_KIND_CODES = {"reform": "KH-CCHC", "emulation": "KH-ThiDua-CCHC"}


def base_name(kind: str, year: int) -> str:
    """ "KH-CCHC-2024": the plan's file name without extension."""
    return f"{_KIND_CODES.get(kind, 'KH')}-{year}"


def file_names(kind: str, year: int) -> tuple[str, ...]:
    stem = base_name(kind, year)
    return (f"{stem}.pdf", f"{stem}.docx", f"{stem}_phu-luc.pdf", f"{stem}_phu-luc.xlsx")


def export_plan_papers(store: Store, plan_id: int, folder: Path, progress=None, word: bool = True) -> list[WrittenFile]:
    """Write the four files into ``folder`` (created if missing; the Word copy only with ``word``); each whole or not at all."""
    from app.documents.papers.plan import plan_appendix, plan_document
    from app.documents.render_pdf import render_pdf
    from app.documents.render_xlsx import render_xlsx

    facts = plan_paper_facts(store, plan_id)
    plan, areas, profile = facts.plan, facts.areas, facts.profile
    paper, appendix = plan_document(plan, areas, profile), plan_appendix(plan, areas, profile)
    pdf, docx, appendix_pdf, appendix_xlsx = file_names(plan.kind, plan.year)
    jobs = [(render_pdf, paper, pdf, "Kế hoạch (PDF)")]
    if word:
        from app.documents.render_docx import render_docx  # python-docx loads only when a Word copy is asked for

        jobs.append((render_docx, paper, docx, "Kế hoạch (Word, để chỉnh sửa)"))
    jobs += [
        (render_pdf, appendix, appendix_pdf, "Phụ lục nhiệm vụ (PDF, khổ ngang)"),
        (render_xlsx, appendix, appendix_xlsx, "Phụ lục nhiệm vụ (Excel)"),
    ]
    return write_files(jobs, folder, "văn bản", progress)
