"""A plan as a two-level tree (areas, then tasks) for a QTreeView; rebuilt from the service's read model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.services.plan_tree import Area, Task

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "area" | "task"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Lĩnh vực / nhiệm vụ", "Chủ trì", "Hạn")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def area_label(area: Area) -> str:
    number = _ROMAN[area.position] if area.position < len(_ROMAN) else str(area.position + 1)
    return f"{number}. {area.title}"


def task_label(task: Task) -> str:
    return f"{task.position + 1}. {' '.join(task.title.split())}"


def _item(text: str, kind: str, item_id: int, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(item_id, ID_ROLE)
    item.setToolTip(tooltip or text)
    return item


def _task_row(task: Task) -> list[QStandardItem]:
    due = _item(task.due_text, "task", task.id)
    if not task.timeframe.strip() and task.due_override is None:
        due.setForeground(Qt.GlobalColor.gray)
    elif task.first_due is None and task.schedule is not None and task.schedule.kind == "unknown":
        due.setForeground(Qt.GlobalColor.darkRed)
    return [_item(task_label(task), "task", task.id, task.title), _item(task.lead, "task", task.id), due]


def build_model(areas: tuple[Area, ...], model: QStandardItemModel | None = None) -> QStandardItemModel:
    model = model or QStandardItemModel()
    model.clear()
    model.setHorizontalHeaderLabels(list(HEADERS))
    bold = QFont()
    bold.setBold(True)
    for area in areas:
        head = _item(area_label(area), "area", area.id)
        head.setFont(bold)
        count = _item(f"{len(area.tasks)} nhiệm vụ", "area", area.id)
        for task in area.tasks:
            head.appendRow(_task_row(task))
        model.appendRow([head, count, _item("", "area", area.id)])
    return model


def show_task_row(model: QStandardItemModel, task: Task) -> None:
    """Show a task's saved fields in its row, in place (a typed edit need not rebuild the tree)."""
    for row in range(model.rowCount()):
        area = model.item(row, 0)
        for child in range(area.rowCount()):
            if area.child(child, 0).data(ID_ROLE) == task.id:
                for column, fresh in enumerate(_task_row(task)):
                    item = area.child(child, column)
                    item.setText(fresh.text())
                    item.setToolTip(fresh.toolTip())
                    item.setForeground(fresh.foreground())
                return
