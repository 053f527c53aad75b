"""What an imported plan is: its areas and tasks as written, plus what the reader noticed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportedTask:
    """One task of a plan, every text as written in the document (NFC)."""

    area: str
    title: str
    lead: str = ""
    coordinators: list[str] = field(default_factory=list)
    product: str = ""
    timeframe: str = ""
    detail: str = ""
    line: int = 0
    place: str = ""  # where it was read, as the clerk finds it: "Dòng 12", "Đoạn 40", "Bảng 1, hàng 3"
    source: str = ""  # the lines (or the row's cells) it was read from, as written


@dataclass
class ImportedPlan:
    """A plan's areas in order, its tasks, header facts if found, and warnings in Vietnamese."""

    areas: list[str]
    tasks: list[ImportedTask]
    title: str = ""
    number: str = ""
    year: int | None = None
    warnings: list[str] = field(default_factory=list)
    date: str = ""  # ISO, as signed
    bases: list[str] = field(default_factory=list)  # the "Căn cứ …" lines
    sections: list[dict] = field(default_factory=list)  # {"heading", "text"}: every section but the tasks'
    recipients: list[str] = field(default_factory=list)
    signer: str = ""
    signer_title: str = ""


def to_json_dict(plan: ImportedPlan) -> dict:
    """A plain dict of the plan for JSON (texts NFC as in the document); ``plan`` holds the parts around the tasks."""
    return {
        "title": plan.title,
        "number": plan.number,
        "year": plan.year,
        "plan": {
            "number": plan.number,
            "date": plan.date,
            "title": plan.title,
            "bases": list(plan.bases),
            "sections": [dict(section) for section in plan.sections],
            "recipients": list(plan.recipients),
            "signer": plan.signer,
            "signer_title": plan.signer_title,
        },
        "areas": list(plan.areas),
        "tasks": [_task_dict(task) for task in plan.tasks],
        "warnings": list(plan.warnings),
    }


def _task_dict(task: ImportedTask) -> dict:
    return {
        "area": task.area,
        "title": task.title,
        "lead": task.lead,
        "coordinators": list(task.coordinators),
        "product": task.product,
        "timeframe": task.timeframe,
        "detail": task.detail,
        "line": task.line,
        "place": task.place,
        "source": task.source,
    }
