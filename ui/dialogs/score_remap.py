"""Chuyển sang bộ tiêu chí khác: move a year's scores onto the province's new set (``app/services/score_remap.py``).

A table of the old set's criteria, each with what was scored on it and the new criterion proposed
(an editable combo with "không chuyển"); below, the new criteria nothing moves onto and the scored
ones that would be dropped. "Chuyển" does it as one undoable action.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.criteria import PAR
from app.domain.points import format_points
from app.services import criteria_sets, score_remap
from ui.journal_undo import JournalUndoStack
from ui.models.row_table_model import RowTableModel
from ui.runner import attempt
from ui.widgets.fit import fit_to_screen

NOT_MOVED = "— không chuyển —"
OLD, POINTS, EVIDENCE, TARGET, HOW = range(5)


class RemapModel(RowTableModel):
    """The lines of a ``RemapPlan``; the target column is edited (a new criterion id, or None)."""

    HEADERS = ("Tiêu chí của bộ đang dùng", "Điểm", "Minh chứng", "Chuyển sang tiêu chí của bộ mới", "Cách khớp")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan: score_remap.RemapPlan | None = None
        self.mapping: dict[int, int | None] = {}

    def show_plan(self, plan: score_remap.RemapPlan) -> None:
        self.plan = plan
        self.mapping = {line.old_id: line.proposed for line in plan.lines}
        self.replace_rows(plan.lines)

    def target_text(self, criterion_id: int | None) -> str:
        target = self.plan.target(criterion_id) if self.plan else None
        return f"{target.code}. {target.name}" if target else NOT_MOVED

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole and column == TARGET:
            return self.mapping.get(line.old_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == TARGET and self.mapping.get(line.old_id) is None \
                and line.scored:
            return QColor("#c62828")  # a scored criterion whose score would be dropped
        return None

    def _text(self, line, column: int) -> str:
        if column == OLD:
            return f"{line.code}. {line.name}"
        if column == POINTS:
            return format_points(line.points) if line.points is not None else ("có đánh giá" if line.scored else "")
        if column == EVIDENCE:
            return str(line.evidence) if line.evidence else ""
        if column == TARGET:
            return self.target_text(self.mapping.get(line.old_id))
        changed = self.mapping.get(line.old_id) != line.proposed
        return "do anh/chị chọn" if changed else line.how_label

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == TARGET else base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != TARGET or not index.isValid():
            return False
        self.mapping[self._rows[index.row()].old_id] = value
        self.dataChanged.emit(index.siblingAtColumn(TARGET), index.siblingAtColumn(HOW))
        return True


class TargetDelegate(QStyledItemDelegate):
    """The combo of the new set's criteria, "không chuyển" first."""

    def __init__(self, model: RemapModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, _option, _index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem(NOT_MOVED, None)
        for target in self.model.plan.targets:
            combo.addItem(f"{target.code}. {target.name}", target.id)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ScoreRemapDialog(QDialog):
    def __init__(self, store, year: int, parent: QWidget | None = None, kind: str = PAR,
                 undo_stack: JournalUndoStack | None = None, notify=None) -> None:
        super().__init__(parent)
        self.store, self.year, self.kind = store, year, kind
        self.notify = notify or (lambda _changes: None)
        self.undo_stack = undo_stack if undo_stack is not None else JournalUndoStack(store, self.notify, self)
        self.setWindowTitle(f"Chuyển điểm năm {year} sang bộ tiêu chí khác")
        self.model = RemapModel(self)
        self.sets = QComboBox(objectName="new_set")
        self.heading = QLabel(wordWrap=True)
        self.table = self._table()
        self.unmatched = QLabel(wordWrap=True, objectName="unmatched")
        self.dropped = QLabel(wordWrap=True, objectName="dropped")
        self._build()
        fit_to_screen(self, 1100, 680)
        self._fill_sets()
        self.sets.currentIndexChanged.connect(lambda _i: self.reload())
        self.model.dataChanged.connect(lambda *_: self._show_leftovers())
        self.reload()

    def _table(self) -> QTableView:
        table = QTableView(objectName="remap_table")
        table.setModel(self.model)
        table.setItemDelegateForColumn(TARGET, TargetDelegate(self.model, table))
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column, mode in ((OLD, QHeaderView.ResizeMode.Stretch), (TARGET, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        for column in (POINTS, EVIDENCE, HOW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Chuyển sang bộ:"))
        row.addWidget(self.sets, 1)
        layout.addLayout(row)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unmatched)
        layout.addWidget(self.dropped)
        buttons = QHBoxLayout()
        self.move_button = QPushButton("Chuyển", objectName="move")
        self.move_button.clicked.connect(self.move)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def _fill_sets(self) -> None:
        """The other sets of the same kind, the newest first (the province's set just imported)."""
        current = attempt(self, lambda: criteria_sets.list_sets(self.store, self.kind)).value_or([])
        used = [item for item in current if self.year in item.used_in_years]
        for item in sorted((i for i in current if i not in used), key=lambda i: (-i.year, -i.id)):
            self.sets.addItem(f"{item.name} ({item.year})", item.id)

    def reload(self) -> None:
        set_id = self.sets.currentData()
        if set_id is None:
            self.heading.setText(f"Chưa có bộ tiêu chí nào khác để chuyển sang. Hãy nhập bộ của tỉnh năm {self.year} "
                                 "(nút “Bộ tiêu chí…” ở trang Chấm điểm) rồi mở lại.")
            self.move_button.setEnabled(False)
            return
        plan = attempt(self, lambda: score_remap.remap_plan(self.store, self.year, set_id, self.kind))
        if not plan.ok:
            self.move_button.setEnabled(False)
            return
        self.model.show_plan(plan.value)
        self.heading.setText(
            f"Năm {self.year} đang chấm theo bộ “{plan.value.old_set}”. Mỗi dòng là một tiêu chí của bộ đó và "
            "tiêu chí của bộ mới sẽ nhận điểm, giải trình và minh chứng của nó. Kiểm tra các đề xuất, sửa ở cột "
            "“Chuyển sang…” (chọn “không chuyển” nếu không có tiêu chí tương ứng), rồi bấm “Chuyển”.")
        self.move_button.setEnabled(True)
        self.table.resizeRowsToContents()
        self._show_leftovers()

    def _show_leftovers(self) -> None:
        plan = self.model.plan
        used = {target for target in self.model.mapping.values() if target is not None}
        fresh = [f"{item.code}. {item.name}" for item in plan.targets if item.id not in used]
        self.unmatched.setText("Tiêu chí của bộ mới không nhận điểm nào (sẽ chấm từ đầu): " + "; ".join(fresh)
                               if fresh else "Mọi tiêu chí của bộ mới đều nhận điểm từ một tiêu chí cũ.")
        lost = [line.code for line in plan.lines if line.scored and self.model.mapping.get(line.old_id) is None]
        self.dropped.setText(f"Điểm đã chấm của {len(lost)} tiêu chí sẽ không được chuyển: {', '.join(lost)} "
                             "(có thể hoàn tác sau khi chuyển)." if lost else "")
        self.dropped.setStyleSheet("color: #c62828;" if lost else "")

    def move(self) -> None:
        """Move as the table says; a clash (two onto one) is refused with the error dialog and nothing changes."""
        set_id, mapping = self.sets.currentData(), dict(self.model.mapping)
        done = attempt(self, lambda: score_remap.remap(self.store, self.year, set_id, mapping, self.kind))
        if done.ok:
            self.undo_stack.record(done.value.changes, origin=self)
            self.result = done.value.value
            self.accept()
