"""The contents a package can carry, in the order the package lists them (``CONTENTS``, read by ``package.py``).

Each renders its files into a local scratch folder and returns them as ``PackItem``s.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.progress import report_period
from app.errors import UserError
from app.exporters.package_names import safe_file_name
from app.exporters.package_request import EVIDENCE_FOLDER, ContentKind, PackageRequest, PackItem, suggested_period
from app.queries.evidence import year_evidence_files
from app.queries.models.progress_report import period_span
from app.queries.plans import year_plans
from app.store import Store


def _plan_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    from app.exporters.plan_papers import export_plan_papers

    plans = year_plans(store, request.year)
    if not plans:
        raise UserError(f"Năm {request.year} chưa có kế hoạch nào.", "Bỏ chọn “Kế hoạch”, hoặc lập kế hoạch trước.")
    items = []
    for plan in plans:
        label = f"{plan.label} (số {plan.number})" if plan.number else plan.label
        for written in export_plan_papers(store, plan.id, scratch / str(plan.id), word=request.word_copies):
            items.append(PackItem(written.path, written.path.name, "plan", f"{label}: {written.description}", "year"))
    return items


def _report_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    from app.exporters.progress_report_files import export_progress_report

    today = request.today or date.today()
    period = report_period(request.period or suggested_period(store, request.year, today))
    written = export_progress_report(store, request.year, period.key, scratch, request.narrative, today,
                                     word=request.word_copies)
    title = f"Báo cáo kết quả CCHC {period_span(period.label, request.year)}"
    return [PackItem(w.path, w.path.name, "report", f"{title}: {w.description}", period.key) for w in written]


def _score_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    """The biểu tự chấm điểm and the emulation evaluation (PDF, Excel; Word when asked), each only when the year
    has it."""
    from app.exporters import scoring_files as files

    today, year, items = request.today or date.today(), request.year, []
    if files.has_scoring(store, year, today):
        for path in files.write_scoring_files(store, year, scratch, ("pdf", "xlsx"), today):
            items.append(PackItem(path, path.name, "scores", f"{files.scoring_title(year)} ({files.format_name(path)})",
                                  "year"))
    if files.has_emulation(store, year, today):
        kinds = ("pdf", "docx", "xlsx") if request.word_copies else ("pdf", "xlsx")
        for path in files.write_emulation_files(store, year, scratch, kinds, today):
            items.append(PackItem(path, path.name, "scores",
                                  f"{files.emulation_title(year)} ({files.format_name(path)})", "year"))
    return items


def _dossier_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    """The year's award dossiers: tờ trình and danh sách, biên bản, báo cáo thành tích (refused when not ready)."""
    from app.exporters.dossier_files import package_items

    return package_items(store, request, scratch)


def _decision_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    """The commune Chairman's issued award decisions with their lists: the record of what the commune granted."""
    from app.exporters.decision_files import package_decision_items

    return package_decision_items(store, request, scratch)


def _evidence_items(store: Store, request: PackageRequest, scratch: Path) -> list[PackItem]:
    return [PackItem(path, safe_file_name(evidence.original_name), "evidence", evidence.original_name, "",
                     EVIDENCE_FOLDER) for evidence, path in year_evidence_files(store, request.year)]


CONTENTS: dict[str, ContentKind] = {kind.key: kind for kind in (
    ContentKind("plan", "KH", "Kế hoạch", _plan_items),
    ContentKind("report", "BC", "Báo cáo kết quả", _report_items),
    ContentKind("scores", "CD", "Tự chấm điểm Chỉ số CCHC và đánh giá thi đua", _score_items, optional=True),
    ContentKind("dossier", "KT", "Hồ sơ đề nghị khen thưởng", _dossier_items, optional=True),
    ContentKind("decisions", "QD", "Quyết định khen thưởng của xã", _decision_items, optional=True),
    ContentKind("evidence", "TLKC", "Tài liệu kiểm chứng", _evidence_items, optional=True),
)}
