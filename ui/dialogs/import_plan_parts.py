"""The side of the import preview: the plan's parts around the tasks, every warning, and
where the chosen task was read — so the clerk checks the reading against the document."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.dates import short_date
from app.importers.plan_model import ImportedPlan, ImportedTask

NOT_FOUND = "(không tìm thấy)"


class PlanPartsPanel(QTabWidget):
    """Three tabs: "Các phần" (a tree of the parts), "Lưu ý" (all warnings), "Nguồn" (the task's lines)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_parts_panel")
        self.parts = QTreeWidget(objectName="plan_parts")
        self.parts.setHeaderHidden(True)
        self.parts.setWordWrap(True)
        self.warnings = QListWidget(objectName="import_warnings")
        self.warnings.setWordWrap(True)
        self.source = QPlainTextEdit(objectName="task_source", readOnly=True)
        self.source.setPlaceholderText("Chọn một nhiệm vụ trong bảng để xem nó được đọc từ đâu trong văn bản.")
        self.addTab(self.parts, "Các phần của kế hoạch")
        self.addTab(self.warnings, "Lưu ý")
        self.addTab(self.source, "Nguồn nhiệm vụ")

    def show_plan(self, plan: ImportedPlan) -> None:
        self.parts.clear()
        for heading, lines in plan_parts(plan):
            top = QTreeWidgetItem(self.parts, [heading])
            for line in lines:
                child = QTreeWidgetItem(top, [line])
                child.setToolTip(0, line)
            top.setExpanded(True)
        self.warnings.clear()
        self.warnings.addItems(plan.warnings)  # every one: the clerk decides which matter
        self.setTabText(1, f"Lưu ý ({len(plan.warnings)})")
        self.source.clear()

    def show_task(self, task: ImportedTask | None) -> None:
        self.source.setPlainText(task_origin(task) if task else "")


def plan_parts(plan: ImportedPlan) -> list[tuple[str, list[str]]]:
    """The parts as (heading, lines), in the document's order; a part not found says so."""
    dated = short_date_or_text(plan.date)
    header = [f"Số: {plan.number or NOT_FOUND}", f"Ngày: {dated or NOT_FOUND}", f"Tên: {plan.title or NOT_FOUND}"]
    parts = [("Số, ngày, tên kế hoạch", header), (f"Căn cứ ({len(plan.bases)})", list(plan.bases) or [NOT_FOUND])]
    for section in plan.sections:
        parts.append((f"Mục: {section.get('heading', '')}", [section.get("text", "")]))
    parts.append((f"Nơi nhận ({len(plan.recipients)})", list(plan.recipients) or [NOT_FOUND]))
    signer = " — ".join(part for part in (plan.signer_title, plan.signer) if part)
    parts.append(("Người ký", [signer or NOT_FOUND]))
    return parts


def short_date_or_text(iso: str) -> str:
    """"2024-02-21" as "21/02/2024"; anything unreadable as written."""
    try:
        return short_date(date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return iso


def task_origin(task: ImportedTask) -> str:
    """Where a task was read and the words it was read from: "Dòng 12:\\n…"."""
    place = task.place or "Không rõ vị trí"
    return f"{place}:\n{task.source}" if task.source else place
