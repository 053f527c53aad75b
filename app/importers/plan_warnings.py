"""What the clerk should check after an import, in Vietnamese, each naming where in the document."""

from __future__ import annotations

from collections.abc import Callable

from app.importers.plan_model import ImportedPlan, ImportedTask

_SHORT = 60


def short(text: str) -> str:
    """A task title cut to a readable length for a message."""
    return text if len(text) <= _SHORT else text[:_SHORT].rstrip() + "…"


def plan_warnings(plan: ImportedPlan, areas, where: Callable[[int], str], found_section: bool) -> list[str]:
    """Warnings about the section, empty areas, and tasks without a lead or a timeframe."""
    if not plan.tasks:
        return ["Không tìm thấy nhiệm vụ nào trong văn bản: hãy kiểm tra văn bản có mục “Nội dung/Nhiệm vụ” "
                "với các nhiệm vụ đánh “a)”, “-” hoặc bảng nhiệm vụ."]
    warnings = [] if found_section else [
        "Không thấy đề mục “Nội dung” hay “Nhiệm vụ”; đã tìm nhiệm vụ trong toàn bộ văn bản."
    ]
    warnings += [
        f"{where(area.line)}: lĩnh vực “{area.name}” chưa có nhiệm vụ nào."
        for area in areas
        if not any(task.area == area.name for task in plan.tasks)
    ]
    return warnings + unplaced_warnings(areas, where) + task_warnings(plan.tasks, where)


def unplaced_warnings(areas, where: Callable[[int], str]) -> list[str]:
    """One warning per line of an area that belongs to no task (a target, an introduction), naming where it is."""
    return [
        f"{where(line.number)}: “{short(line.text)}” thuộc lĩnh vực “{short(area.name)}” nhưng không thuộc "
        "nhiệm vụ nào nên chưa được nhập; nếu đó là một nhiệm vụ, hãy thêm nhiệm vụ này sau khi nhập."
        for area in areas
        for line in getattr(area, "unplaced", ())
    ]


def task_warnings(tasks: list[ImportedTask], where: Callable[[int], str]) -> list[str]:
    """One warning per task without a lead; per task without a timeframe unless no task has one."""
    any_timeframe = any(task.timeframe for task in tasks)
    warnings = []
    for task in tasks:
        if not task.lead:
            warnings.append(f"{where(task.line)}: nhiệm vụ “{short(task.title)}” chưa có người chủ trì.")
        if any_timeframe and not task.timeframe:
            warnings.append(f"{where(task.line)}: nhiệm vụ “{short(task.title)}” chưa có thời gian thực hiện.")
    if not any_timeframe:
        warnings.append("Kế hoạch không ghi thời gian thực hiện cho nhiệm vụ nào: hãy bổ sung sau khi nhập.")
    return warnings
