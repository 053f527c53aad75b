"""Undo steps for plans, areas and tasks (see ``ui.undo_commands.DoneCommand``)."""

from __future__ import annotations

from app.services import plan_tree as tree
from app.services import plans
from app.services.changes import PLANS, Changes
from ui.undo_commands import DoneCommand

_CHANGES = Changes.of(PLANS)


class PlanStep(DoneCommand):
    changes = _CHANGES


class CreatePlan(PlanStep):
    def __init__(self, store, notify, plan) -> None:
        super().__init__(f"Tạo {plan.kind_label.lower()} năm {plan.year}", store, notify)
        self.plan_id, self.snapshot = plan.id, None

    def apply(self) -> None:
        plans.restore_plan(self.store, self.snapshot)

    def revert(self) -> None:
        self.snapshot = plans.delete_plan(self.store, self.plan_id)


class DeletePlan(PlanStep):
    def __init__(self, store, notify, snapshot, label: str) -> None:
        super().__init__(f"Xóa {label}", store, notify)
        self.snapshot = snapshot

    def apply(self) -> None:
        self.snapshot = plans.delete_plan(self.store, self.snapshot.plan["id"])

    def revert(self) -> None:
        plans.restore_plan(self.store, self.snapshot)


class EditPlan(PlanStep):
    def __init__(self, store, notify, plan_id: int, before, after) -> None:
        super().__init__("Sửa thông tin kế hoạch", store, notify)
        self.plan_id, self.before, self.after = plan_id, before, after

    def apply(self) -> None:
        plans.update_plan(self.store, self.plan_id, self.after)

    def revert(self) -> None:
        plans.update_plan(self.store, self.plan_id, self.before)


class AddArea(PlanStep):
    def __init__(self, store, notify, area) -> None:
        super().__init__(f"Thêm lĩnh vực “{area.title}”", store, notify)
        self.area_id, self.snapshot = area.id, None

    def apply(self) -> None:
        tree.restore_area(self.store, self.snapshot)

    def revert(self) -> None:
        self.snapshot = tree.delete_area(self.store, self.area_id)


class DeleteArea(PlanStep):
    def __init__(self, store, notify, snapshot) -> None:
        super().__init__(f"Xóa lĩnh vực “{snapshot.area['title']}”", store, notify)
        self.snapshot = snapshot

    def apply(self) -> None:
        self.snapshot = tree.delete_area(self.store, self.snapshot.area["id"])

    def revert(self) -> None:
        tree.restore_area(self.store, self.snapshot)


class RenameArea(PlanStep):
    def __init__(self, store, notify, area_id: int, before: str, after: str) -> None:
        super().__init__(f"Đổi tên lĩnh vực thành “{after}”", store, notify)
        self.area_id, self.before, self.after = area_id, before, after

    def apply(self) -> None:
        tree.rename_area(self.store, self.area_id, self.after)

    def revert(self) -> None:
        tree.rename_area(self.store, self.area_id, self.before)


class MoveArea(PlanStep):
    def __init__(self, store, notify, area_id: int, before: int, after: int) -> None:
        super().__init__("Chuyển vị trí lĩnh vực", store, notify)
        self.area_id, self.before, self.after = area_id, before, after

    def apply(self) -> None:
        tree.move_area(self.store, self.area_id, self.after)

    def revert(self) -> None:
        tree.move_area(self.store, self.area_id, self.before)


class AddTask(PlanStep):
    def __init__(self, store, notify, task) -> None:
        super().__init__("Thêm nhiệm vụ", store, notify)
        self.task_id, self.snapshot = task.id, None

    def apply(self) -> None:
        tree.restore_task(self.store, self.snapshot)

    def revert(self) -> None:
        self.snapshot = tree.delete_task(self.store, self.task_id)


class DeleteTask(PlanStep):
    def __init__(self, store, notify, snapshot) -> None:
        super().__init__("Xóa nhiệm vụ", store, notify)
        self.snapshot = snapshot

    def apply(self) -> None:
        self.snapshot = tree.delete_task(self.store, self.snapshot.task["id"])

    def revert(self) -> None:
        tree.restore_task(self.store, self.snapshot)


class EditTask(PlanStep):
    def __init__(self, store, notify, task_id: int, before, after) -> None:
        super().__init__("Sửa nhiệm vụ", store, notify)
        self.task_id, self.before, self.after = task_id, before, after

    def apply(self) -> None:
        tree.update_task(self.store, self.task_id, self.after)

    def revert(self) -> None:
        tree.update_task(self.store, self.task_id, self.before)


class MoveTask(PlanStep):
    def __init__(self, store, notify, task_id: int, before: tuple[int, int], after: tuple[int, int]) -> None:
        super().__init__("Chuyển vị trí nhiệm vụ", store, notify)
        self.task_id, self.before, self.after = task_id, before, after

    def apply(self) -> None:
        tree.move_task(self.store, self.task_id, *self.after)

    def revert(self) -> None:
        tree.move_task(self.store, self.task_id, *self.before)
