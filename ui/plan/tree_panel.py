"""Areas and tasks of one plan: the tree on the left, the editor of the selected row on the right."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import plan_tree as tree
from app.services.changes import PLANS, Changes
from app.services.offices import list_offices
from app.services.officials import list_officials
from ui.dialogs.error_dialog import show_error
from ui.plan.task_editor import TaskEditor
from ui.widgets.autosave import Autosave
from ui.plan.tree_model import ID_ROLE, KIND_ROLE, build_model, show_task_row
from ui.runner import attempt
from ui.widgets.table_habits import install_row_copy


class TreePanel(QWidget):
    """Emits ``counted`` after an edit of its own that changes how many tasks the plan has."""

    counted = Signal()

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, origin: object = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.origin = origin or self  # the page the window tells about changes: it need not reload for ours
        self.plan_id: int | None = None
        self.year = 0
        self.areas: tuple[tree.Area, ...] = ()
        self.model = QStandardItemModel(self)
        self.view = self._make_view()
        self.task_editor = TaskEditor()
        self.task_editor.edited.connect(self._save_task)
        self.area_title = QLineEdit(objectName="area_title")
        self._area_id: int | None = None  # the area whose title the field holds (saved for it, not the new selection)
        self.area_autosave = Autosave(self._save_area_title, self).follow(self.area_title)
        self.editors = QStackedWidget()
        self.editors.addWidget(QLabel("Chọn một lĩnh vực hoặc nhiệm vụ ở bên trái để sửa.", wordWrap=True))
        self.editors.addWidget(self._area_form())
        self.editors.addWidget(self.task_editor)
        self.buttons = self._make_buttons()
        self._build()
        self._shortcuts()

    def _make_view(self) -> QTreeView:
        view = QTreeView(objectName="plan_tree")
        view.setModel(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        install_row_copy(view)
        return view

    def _area_form(self) -> QWidget:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.addRow("Tên lĩnh vực:", self.area_title)
        form.addRow(QLabel("Tên được lưu khi rời khỏi ô. Thêm nhiệm vụ bằng phím Insert.", wordWrap=True))
        return form_widget

    def _make_buttons(self) -> dict[str, QPushButton]:
        specs = (
            ("add_area", "+ Lĩnh vực", "Thêm lĩnh vực (Ctrl+Shift+Insert)", self.add_area),
            ("add_task", "+ Nhiệm vụ", "Thêm nhiệm vụ (Insert)", self.add_task),
            ("up", "↑", "Chuyển lên (Alt+↑)", lambda: self.move(-1)),
            ("down", "↓", "Chuyển xuống (Alt+↓)", lambda: self.move(1)),
            ("delete", "Xóa", "Xóa dòng đang chọn (Delete); hoàn tác bằng Ctrl+Z", self.delete_selected),
        )
        buttons = {}
        for name, text, tip, slot in specs:
            buttons[name] = QPushButton(text, objectName=name, clicked=slot, toolTip=tip)
            buttons[name].setMinimumWidth(buttons[name].fontMetrics().horizontalAdvance(text) + 24)
            buttons[name].setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return buttons

    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        left_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editors)
        splitter.setStretchFactor(0, 2)  # the tree first: the editor needs less width than the task titles
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (Qt.Key.Key_Insert, self.add_task), (Qt.Key.Key_Delete, self.delete_selected),
            ("Alt+Up", lambda: self.move(-1)), ("Alt+Down", lambda: self.move(1)),
            ("Ctrl+Shift+Insert", self.add_area), (Qt.Key.Key_F2, self._focus_editor),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # --- showing -------------------------------------------------------------------------

    def show_plan(self, plan_id: int | None, year: int) -> None:
        self.task_editor.autosave.flush()
        self.plan_id, self.year = plan_id, year
        self.task_editor.set_officials(list_officials(self.store, include_inactive=False),
                                       list_offices(self.store))
        self.reload(reset_editor=True)

    def reload(self, reset_editor: bool = False) -> None:
        """Rebuild the tree from the data, keeping selection and the editor's cursor where possible."""
        current = self.selected()
        self.areas = tree.plan_tree(self.store, self.plan_id) if self.plan_id else ()
        build_model(self.areas, self.model)
        self.view.expandAll()
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # The task's words need the room on a 1024-pixel screen: the lead and the deadline take what a typical
        # one needs ("Phòng Văn hóa - Xã hội", "Hằng quý trong năm 2026"), the rest is in the tooltip.
        metrics = self.view.fontMetrics()
        for column, sample in ((1, "Phòng Văn hóa - Xã hội"), (2, "Hằng quý trong năm 2026")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 12)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(self._current_changed, Qt.ConnectionType.UniqueConnection)
        if current and self._select(*current, quiet=not reset_editor):
            return
        self._show_editor(None)

    def refresh(self, changes: Changes) -> None:
        if changes.touches(PLANS, self.origin) and self.plan_id:
            self.reload()
            self._sync_editor()

    def selected(self) -> tuple[str, int] | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _find(self, kind: str, item_id: int) -> QModelIndex:
        for row in range(self.model.rowCount()):
            area = self.model.index(row, 0)
            if kind == "area" and area.data(ID_ROLE) == item_id:
                return area
            for child in range(self.model.rowCount(area)):
                task = self.model.index(child, 0, area)
                if kind == "task" and task.data(ID_ROLE) == item_id:
                    return task
        return QModelIndex()

    def _select(self, kind: str, item_id: int, quiet: bool = False) -> bool:
        index = self._find(kind, item_id)
        if not index.isValid():
            return False
        self._quiet = quiet
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._quiet = False
        self.view.scrollTo(index)
        if not quiet:
            self._show_editor((kind, item_id))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if getattr(self, "_quiet", False):
            return
        # Read first: saving what was typed may rebuild the tree, and ``current`` with it.
        selected = (current.data(KIND_ROLE), current.data(ID_ROLE)) if current.isValid() else None
        self.task_editor.autosave.flush()
        self.area_autosave.flush()
        self._show_editor(selected)

    def _task(self, task_id: int) -> tree.Task | None:
        return next((t for area in self.areas for t in area.tasks if t.id == task_id), None)

    def _area(self, area_id: int) -> tree.Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def _show_editor(self, selected: tuple[str, int] | None) -> None:
        kind, item_id = selected or (None, None)
        if kind == "task" and self._task(item_id):
            self.task_editor.show_task(self._task(item_id), self.year)
            self.editors.setCurrentIndex(2)
        elif kind == "area" and self._area(item_id):
            with self.area_autosave:
                self.area_title.setText(self._area(item_id).title)
            self._area_id = item_id
            self.editors.setCurrentIndex(1)
        else:
            self.task_editor.show_task(None, self.year)
            self.editors.setCurrentIndex(0)

    def _sync_editor(self) -> None:
        """After data changed elsewhere (undo, redo): reload the editor only if its row changed."""
        shown = self.task_editor.task
        fresh = self._task(shown.id) if shown else None
        if shown and self.editors.currentIndex() == 2 and (fresh is None or fresh.data != shown.data):
            self._show_editor(("task", shown.id) if fresh else None)
        current = self.selected()
        if current and current[0] == "area" and self._area(current[1]):
            self.area_title.setText(self._area(current[1]).title)

    def _focus_editor(self) -> None:
        (self.area_title if self.editors.currentIndex() == 1 else self.task_editor.title).setFocus()

    # --- editing ------------------------------------------------------------------------

    def _record(self, changes, reload: bool = True) -> None:
        """Mirror the action in the Edit menu; show it here ourselves (the window does not tell our page)."""
        self.undo_stack.record(changes, origin=self.origin)
        if reload:
            self.reload()
            self.counted.emit()

    def _save_task(self, task_id: int, before, after) -> None:
        outcome = attempt(self, lambda: tree.update_task(self.store, task_id, after))
        if not outcome.ok:
            return
        saved = outcome.value
        self.task_editor.accept_saved(saved.value)
        self._record(saved.changes, reload=False)  # one row changed: shown in place, not a whole new tree
        self.areas = tuple(replace(area, tasks=tuple(saved.value if t.id == task_id else t for t in area.tasks))
                           for area in self.areas)
        show_task_row(self.model, saved.value)

    def _save_area_title(self) -> None:
        area = self._area(self._area_id) if self._area_id is not None else None
        if area is None or self.area_title.text().strip() == area.title:
            return
        outcome = attempt(self, lambda: tree.rename_area(self.store, area.id, self.area_title.text()))
        if outcome.ok:
            self._record(outcome.value)

    def _target_area(self) -> tuple[int | None, int | None]:
        """Where a new task goes: after the selected task, or at the end of the selected (or last) area."""
        current = self.selected()
        if current and current[0] == "task":
            task = self._task(current[1])
            return task.area_id, task.position + 1
        if current and current[0] == "area":
            return current[1], None
        return (self.areas[-1].id, None) if self.areas else (None, None)

    def add_task(self) -> None:
        area_id, position = self._target_area()
        if area_id is None:
            show_error(self, UserError("Kế hoạch chưa có lĩnh vực nào.", "Thêm một lĩnh vực trước rồi thêm nhiệm vụ."))
            return
        outcome = attempt(self, lambda: tree.add_task(self.store, area_id, tree.TaskData("Nhiệm vụ mới"),
                                                      position))
        if outcome.ok:
            added = outcome.value
            self._record(added.changes)
            self._select("task", added.value.id)
            self.task_editor.title.setFocus()
            self.task_editor.title.selectAll()

    def add_area(self) -> None:
        if not self.plan_id:
            return
        current = self.selected()
        position = None
        if current and current[0] == "area":
            position = self._area(current[1]).position + 1
        outcome = attempt(self, lambda: tree.add_area(self.store, self.plan_id, "Lĩnh vực mới", position))
        if outcome.ok:
            added = outcome.value
            self._record(added.changes)
            self._select("area", added.value.id)
            self.area_title.setFocus()
            self.area_title.selectAll()

    def delete_selected(self) -> None:
        current = self.selected()
        if not current:
            return
        kind, item_id = current
        delete = tree.delete_task if kind == "task" else tree.delete_area
        outcome = attempt(self, lambda: delete(self.store, item_id))
        if outcome.ok and outcome.value:  # an empty Changes: nothing was deleted, nothing to undo
            self._record(outcome.value)
            self._say("Đã xóa. Nhấn Ctrl+Z để hoàn tác.")

    def move(self, offset: int) -> None:
        current = self.selected()
        if not current:
            return
        kind, item_id = current
        action = self._move_area(item_id, offset) if kind == "area" else self._move_task(item_id, offset)
        if action is None:
            return  # already first or last: nowhere to go
        outcome = attempt(self, action)
        if outcome.ok and outcome.value:  # an empty Changes: nothing moved, nothing to undo
            self._record(outcome.value)
            self._select(kind, item_id, quiet=True)

    def _move_area(self, area_id: int, offset: int):
        """The service call that moves the area by ``offset``, or None when it is already first or last."""
        area = self._area(area_id)
        target = area.position + offset
        if not 0 <= target < len(self.areas):
            return None
        return lambda: tree.move_area(self.store, area_id, target)

    def _move_task(self, task_id: int, offset: int):
        """The service call that moves the task (or None: nowhere to go). Up from the first task of an area goes
        to the end of the area above; down likewise."""
        task = self._task(task_id)
        area_index = next(i for i, a in enumerate(self.areas) if a.id == task.area_id)
        target = (task.area_id, task.position + offset)
        if target[1] < 0 or target[1] >= len(self.areas[area_index].tasks):
            neighbour = area_index + offset
            if not 0 <= neighbour < len(self.areas):
                return None
            other = self.areas[neighbour]
            target = (other.id, len(other.tasks) if offset < 0 else 0)
        return lambda: tree.move_task(self.store, task_id, *target)

    def _say(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)
