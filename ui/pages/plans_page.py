"""Kế hoạch: pick a plan, edit its areas and tasks, its own fields; new, copy, import, export, delete."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import plans as service
from app.domain.plan_kinds import plan_kind
from app.services.changes import OFFICIALS, PLANS, Changes
from ui.dialogs.new_plan_dialog import NewPlanDialog
from ui.plan.plan_info_editor import PlanInfoEditor
from ui.plan.tree_panel import TreePanel
from ui.pages.page import Page
from ui.runner import attempt


# What the checklist records on a plan's tasks; the plan's own screen shows none of it.
_PROGRESS_TABLES = frozenset({"task_occurrence", "task_history", "evidence_link", "evidence_file"})


class PlansPage(Page):

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.picker = QComboBox(objectName="plan_picker", toolTip="Kế hoạch đang mở")
        self.picker.setMinimumContentsLength(8)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.currentIndexChanged.connect(self._picked)
        self.tree = TreePanel(store, undo_stack, notify, origin=self)
        self.tree.counted.connect(self._refresh_picker_labels)
        self.info = PlanInfoEditor()
        self.info.edited.connect(self._save_info)
        self.tabs = QTabWidget(objectName="plan_tabs")
        self.tabs.addTab(self.tree, "Lĩnh vực và nhiệm vụ")
        self.tabs.addTab(self.info, "Thông tin kế hoạch")
        self.tabs.currentChanged.connect(lambda _i: self.info.autosave.flush())
        self.empty = QLabel(
            "Chưa có kế hoạch nào. Bấm “Kế hoạch mới…” để lập kế hoạch, "
            "hoặc “Nhập…” để lấy nhiệm vụ từ một kế hoạch đã có (tệp .docx hoặc .txt).",
            wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter, objectName="empty_hint",
        )
        self.actions = self._make_actions()
        self._build()
        self.add_action("import_plan", "Nhập…", self.import_plan).setToolTip("Nhập nhiệm vụ từ một kế hoạch đã có (.docx, .txt hoặc văn bản dán vào)")
        self.add_action("export_plan", "Xuất…", self.export_plan).setToolTip("Xuất Kế hoạch (PDF, Word) và Phụ lục nhiệm vụ (PDF, Excel)")
        self.reload()

    def _make_actions(self) -> dict[str, QPushButton]:
        specs = (
            ("new_plan", "Kế hoạch mới…", self.new_plan),
            ("copy_plan", "Sao chép…", self.copy_plan),
            ("delete_plan", "Xóa", self.delete_plan),
        )
        actions = {name: QPushButton(text, objectName=name, clicked=slot) for name, text, slot in specs}
        actions["copy_plan"].setToolTip("Tạo kế hoạch năm khác từ kế hoạch này (chuyển năm trong nội dung và thời gian)")
        actions["delete_plan"].setToolTip("Xóa kế hoạch đang chọn (hỏi lại trước khi xóa; hoàn tác bằng Ctrl+Z)")
        return actions

    def add_action(self, name: str, text: str, slot) -> QPushButton:
        """Later features (import, export) put their button on the plan bar."""
        button = QPushButton(text, objectName=name, clicked=slot)
        self.actions[name] = button
        self._bar.insertWidget(self._bar.count() - 1, button)
        return button

    def _build(self) -> None:
        # The plan's whole name on its own line (a 1024-pixel screen cut it at "Số 145/K" beside the buttons).
        self._bar = QHBoxLayout()
        for button in self.actions.values():
            self._bar.addWidget(button)
        self._bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(self._bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)

    @staticmethod
    def _label(summary) -> str:
        number = f" — Số {summary.number}" if summary.number and not summary.number.startswith("/") else ""
        return f"{summary.label}{number} ({summary.task_count} nhiệm vụ)"

    def _same_plan_exists(self, year: int, kind: str) -> bool:
        """Asks before a second plan of the same kind and year (a re-import makes the checklist double)."""
        if not any(s.year == year and s.kind == kind for s in service.list_plans(self.store)):
            return False
        answer = QMessageBox.question(
            self, "Đã có kế hoạch này",
            f"Đã có {plan_kind(kind).label.lower()} năm {year}. Vẫn tạo thêm một kế hoạch nữa?\n"
            "(Hai kế hoạch cùng loại trong một năm sẽ làm danh sách theo dõi có nhiệm vụ trùng.)",
        )
        return answer != QMessageBox.StandardButton.Yes

    def current_plan_id(self) -> int | None:
        return self.picker.currentData()

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.current_plan_id()
        summaries = service.list_plans(self.store)
        self.picker.blockSignals(True)
        self.picker.clear()
        for summary in summaries:
            self.picker.addItem(self._label(summary), summary.id)
            self.picker.setItemData(self.picker.count() - 1, self._label(summary), Qt.ItemDataRole.ToolTipRole)
        index = self.picker.findData(select_id) if select_id is not None else -1
        self.picker.setCurrentIndex(index if index >= 0 else (0 if summaries else -1))
        self.picker.setToolTip(self.picker.currentText() or "Kế hoạch đang mở")  # the whole name when it is cut
        self.picker.blockSignals(False)
        has_plans = bool(summaries)
        self.tabs.setVisible(has_plans)
        self.empty.setVisible(not has_plans)
        for name in ("copy_plan", "delete_plan", "export_plan"):
            self.actions[name].setEnabled(has_plans)
        self._picked()

    def _picked(self, *_args) -> None:
        self.picker.setToolTip(self.picker.currentText() or "Kế hoạch đang mở")
        self.info.autosave.flush()
        plan_id = self.current_plan_id()
        plan = attempt(self, lambda: service.get_plan(self.store, plan_id)).value_or(None) if plan_id else None
        self.info.show_plan(plan)
        self._fix_year(plan)
        self.tree.show_plan(plan.id if plan else None, plan.year if plan else 0)

    def refresh(self, changes: Changes) -> None:
        if changes.touches(PLANS, self) and set(changes.rows) <= _PROGRESS_TABLES:
            self._fix_year(self.info.plan)  # progress is not shown here: only the year's lock may change
        elif changes.touches(PLANS, self):
            self._refresh_picker_labels()
            plan_id = self.current_plan_id()
            plan = attempt(self, lambda: service.get_plan(self.store, plan_id)).value_or(None) if plan_id else None
            if plan is None:
                self.reload()
                return
            if self.info.plan is None or plan.data != self.info.plan.data:
                self.info.show_plan(plan)
            self._fix_year(plan)
            self.tree.year = plan.year
            self.tree.refresh(changes)
        elif changes.touches(OFFICIALS, self):
            self.tree.show_plan(self.tree.plan_id, self.tree.year)

    def _fix_year(self, plan) -> None:
        fixed = attempt(self, lambda: service.year_is_fixed(self.store, plan.id)).value_or(False) if plan else False
        self.info.fix_year(bool(fixed))

    def flush_edits(self) -> None:
        """Save any typing the autosave timers still hold."""
        self.info.autosave.flush()
        self.tree.task_editor.autosave.flush()

    def _refresh_picker_labels(self) -> None:
        """Plans may have been added or removed (undo of a creation): rebuild the list if so."""
        shown = [(self.picker.itemData(i), self.picker.itemText(i)) for i in range(self.picker.count())]
        if shown != [(s.id, self._label(s)) for s in service.list_plans(self.store)]:
            self.reload()

    def _done(self, changes, select_id: int | None = None) -> None:
        """Mirror our own action in the Edit menu and show it (the window does not tell this page)."""
        self.undo_stack.record(changes, origin=self)
        self.reload(select_id)

    def _save_info(self, plan_id: int, before, after) -> None:
        outcome = attempt(self, lambda: service.update_plan(self.store, plan_id, after))
        if not outcome.ok:
            return
        saved = outcome.value
        self.info.accept_saved(saved.value)
        self.undo_stack.record(saved.changes, origin=self)
        self._refresh_picker_labels()  # the year and number are in the plan's name
        if saved.value.year != self.tree.year:
            self.tree.show_plan(plan_id, saved.value.year)  # due dates are read in the new year

    def new_plan(self) -> None:
        dialog = NewPlanDialog(self)
        if not dialog.exec():
            return
        year, kind = dialog.chosen()
        if self._same_plan_exists(year, kind):
            return
        outcome = attempt(self, lambda: service.create_plan(self.store, service.new_plan_data(self.store, year, kind)))
        if outcome.ok:
            self._done(outcome.value.changes, outcome.value.value.id)

    def copy_plan(self) -> None:
        plan = self.info.plan
        if plan is None:
            return
        label = f"{plan.kind_label.lower()} năm {plan.year}"
        dialog = NewPlanDialog(self, year=plan.year + 1, copy_of=label)
        if not dialog.exec():
            return
        year, _kind = dialog.chosen()
        if self._same_plan_exists(year, plan.kind):
            return
        preview = attempt(self, lambda: service.preview_copy(self.store, plan.id, year))
        if not preview.ok:
            return
        accepted = ()
        if preview.value.proposals or preview.value.unresolved:
            from ui.dialogs.copy_preview import CopyPreviewDialog

            review = CopyPreviewDialog(preview.value, label, self)
            if not review.exec():
                return
            accepted = review.accepted_proposals()
        outcome = attempt(self, lambda: service.copy_plan(self.store, plan.id, year, accepted))
        if outcome.ok:
            self._done(outcome.value.changes, outcome.value.value.id)

    def _confirm_delete(self, plan) -> bool:
        count = sum(len(area.tasks) for area in self.tree.areas)
        answer = QMessageBox.question(
            self, "Xóa kế hoạch",
            f"Xóa {plan.kind_label.lower()} năm {plan.year} cùng {count} nhiệm vụ?\n"
            "Có thể hoàn tác bằng Ctrl+Z, kể cả sau khi mở lại phần mềm; bản sao lưu tự động vẫn giữ dữ liệu cũ.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_plan(self) -> None:
        plan = self.info.plan
        if plan is None or not self._confirm_delete(plan):
            return
        outcome = attempt(self, lambda: service.delete_plan(self.store, plan.id))
        if outcome.ok and outcome.value:  # an empty Changes: nothing was deleted, nothing to undo
            self._done(outcome.value)
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage("Đã xóa kế hoạch. Nhấn Ctrl+Z để hoàn tác.", 8000)

    def import_plan(self) -> None:
        from app.services.plan_import import save_imported_plan
        from ui.dialogs.import_plan_dialog import ImportPlanDialog

        dialog = ImportPlanDialog(self, confirm=lambda year, kind: not self._same_plan_exists(year, kind))
        if not dialog.exec():
            return
        imported = dialog.edited_plan()
        data = service.new_plan_data(self.store, dialog.year.value(), dialog.chosen_kind())
        if imported.number:
            data = replace(data, number=imported.number)
        outcome = attempt(self, lambda: save_imported_plan(self.store, imported, data))
        if outcome.ok:
            self._done(outcome.value.changes, outcome.value.value.id)

    def export_plan(self) -> None:
        from ui.dialogs.export_plan_dialog import export_plan_interactively

        self.info.autosave.flush()
        self.tree.task_editor.autosave.flush()
        if self.current_plan_id():
            export_plan_interactively(self, self.store, self.current_plan_id())
