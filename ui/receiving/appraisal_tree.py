"""The "Chấm điểm" tab of a commune: its criteria tree with its self-scores beside the province's appraisal.

Columns: code, name, max, self score, then the appraised score and note — the two the specialist types into,
on leaf criteria only — then N/A, declared figures and the commune's comment (all as the package holds them,
read-only). Each edit is one undoable ``set_province_appraisal``; a refusal is shown and the cell goes
back to what is stored. The tree is built once per package and updated in place afterwards, so an edit's
own signal never sees its item destroyed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem

from app.domain.points import format_points, parse_points
from app.errors import UserError
from app.exchange.package_data import ScoringData
from app.receiving.models import AppraisalEntry

# The two columns typed into stand beside the self-score, so they show whole at 1024 px; the commune's
# figures and comment follow.
HEADERS = ("Mã", "Tiêu chí", "Tối đa", "Tự chấm", "Điểm thẩm định", "Ý kiến thẩm định", "Không áp dụng",
           "Số liệu kê khai", "Ý kiến của xã")
POINTS, NOTE = 4, 5
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_APPRAISED = QColor("#0d47a1")


class _OnlyAppraisal(QStyledItemDelegate):
    """Only the appraisal's two columns of a leaf open an editor; the commune's own stay as sent."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        if index.column() not in (POINTS, NOTE):
            return None
        return super().createEditor(parent, option, index)


class AppraisalTree(QTreeWidget):
    """``save(code, points, note)`` stores one criterion's appraisal (raises ``UserError`` when refused)."""

    def __init__(self, save: Callable[[str, Decimal | None, str], None], report: Callable[[UserError], None]) -> None:
        super().__init__(objectName="appraisal_tree")
        self.save, self.report = save, report
        self.setHeaderLabels(list(HEADERS))
        self.setItemDelegate(_OnlyAppraisal(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        self._built_for: str = ""
        self._stored: dict[str, tuple[str, str]] = {}
        self.itemChanged.connect(self._edited)
        self.setIndentation(14)
        for column, width in ((0, 78), (1, 400), (2, 56), (3, 64), (4, 105), (5, 200), (6, 95), (7, 110)):
            self.setColumnWidth(column, width)

    def show_scoring(self, identity: str, scoring: ScoringData, entries: tuple[AppraisalEntry, ...]) -> None:
        """Show ``scoring`` (built anew only for another package: ``identity``) with ``entries`` over it."""
        self.blockSignals(True)
        try:
            if identity != self._built_for:
                self._build(scoring)
                self._built_for = identity
            appraised = {entry.code: entry for entry in entries}
            self._stored = {}
            for line in scoring.lines:
                entry = appraised.get(line.code)
                points = format_points(entry.points) if entry else ""
                note = entry.note if entry else ""
                item = self.items[line.code]
                item.setText(POINTS, points)
                item.setText(NOTE, note)
                item.setToolTip(NOTE, note)  # a long note is elided in its cell
                self._stored[line.code] = (points, note)
        finally:
            self.blockSignals(False)

    def _build(self, scoring: ScoringData) -> None:
        self.clear()
        self.items = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for line in scoring.lines:
            parent = self.items.get(line.parent_code)
            texts = (line.code, line.name, format_points(line.max_points), format_points(line.points), "", "",
                     "x" if line.not_applicable else "", line.declared, line.comment)
            item = QTreeWidgetItem(list(texts))
            item.setData(0, CODE_ROLE, line.code)
            item.setToolTip(1, line.name)
            item.setToolTip(8, line.comment)
            for column in (2, 3, POINTS):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line.is_leaf:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setForeground(POINTS, _APPRAISED)
                item.setForeground(NOTE, _APPRAISED)
            else:
                for column in range(len(HEADERS)):
                    item.setFont(column, bold)
            (parent.addChild(item) if parent is not None else self.addTopLevelItem(item))
            self.items[line.code] = item
        self.expandAll()

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if column not in (POINTS, NOTE):
            return
        code = item.data(0, CODE_ROLE)
        typed, note = item.text(POINTS).strip(), item.text(NOTE).strip()
        if (typed, note) == self._stored.get(code):
            return
        try:
            points = parse_points(typed)
        except ValueError:
            self._put_back(code)
            self.report(UserError(f"Điểm thẩm định của tiêu chí {code} phải là một số (đã gõ “{typed}”).",
                                  "Gõ số điểm, ví dụ 4 hoặc 4,5; để trống nếu không thẩm định tiêu chí này."))
            return
        try:
            self.save(code, points, note)
        except UserError as error:
            self._put_back(code)
            self.report(error)

    def _put_back(self, code: str) -> None:
        points, note = self._stored.get(code, ("", ""))
        self.blockSignals(True)
        try:
            self.items[code].setText(POINTS, points)
            self.items[code].setText(NOTE, note)
        finally:
            self.blockSignals(False)
